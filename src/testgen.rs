//! Seeded pseudo-random choices for the unit tests that compare a fast
//! path with its reference on generated inputs: deterministic, so a failure
//! reproduces, and cheaper to read than a proptest strategy for "pick N
//! pieces from this list".

/// A xorshift64 generator.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        // Zero is xorshift's one fixed point.
        Rng(seed.max(1))
    }

    /// A number below `n` (`n` > 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stays_below_and_reaches_every_value() {
        let mut rng = Rng::new(0);
        let mut seen = [0usize; 7];
        for _ in 0..7000 {
            seen[rng.below(7)] += 1;
        }
        assert!(seen.iter().all(|&n| n > 700), "{seen:?}");
        // Same seed, same sequence.
        let (mut a, mut b) = (Rng::new(42), Rng::new(42));
        assert!((0..100).all(|_| a.below(1000) == b.below(1000)));
    }
}
