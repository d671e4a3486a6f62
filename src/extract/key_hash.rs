// FNV-1a with a final fold: short keys, no allocation. Shared by build.rs
// (which lays out the gazetteer's hash tables at compile time) and
// `gazetteer` (which probes them), through `include!`, so the two can
// never disagree.
#[inline]
fn hash(key: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in key {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h ^ (h >> 29)
}
