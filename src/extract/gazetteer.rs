//! Compiled-in gazetteer and name lists (see data/README.md for sources).
//!
//! The data files are embedded with `include_str!`, and their lookup index
//! (line offsets and a hash table, computed by `build.rs`) with
//! `include_bytes!`: no parsing or allocation at start-up.

/// One place of the gazetteer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlaceInfo {
    /// Canonical name ("United States").
    pub name: &'static str,
    /// ISO 3166-1 alpha-2, empty when the place spans countries.
    pub country: &'static str,
    /// country, city, region, continent, sea, ocean, river, ...
    pub kind: &'static str,
    pub population: u64,
}

impl PlaceInfo {
    /// Places big enough that a capitalised common word is still the place
    /// ("China", "Turkey", "Chile").
    pub fn is_major(&self) -> bool {
        self.kind != "city" && self.kind != "region" || self.population >= 1_000_000
    }
}

/// One embedded data file and its index, built by `build.rs`: per data
/// line (comments skipped) the byte range of its key (first column) and of
/// the line, and an open-addressing hash table of line numbers. Nothing is
/// parsed or copied at start-up; a lookup hashes once and usually reads one
/// slot.
struct Lines {
    text: &'static str,
    /// Little-endian u32s: count, table size, (key start, key end, line
    /// end) per line, table slots (line index + 1, 0 = empty).
    index: &'static [u8],
    len: usize,
    mask: usize,
}

include!("key_hash.rs");

impl Lines {
    const fn new(text: &'static str, index: &'static [u8]) -> Self {
        let len = u32::from_le_bytes([index[0], index[1], index[2], index[3]]) as usize;
        let size = u32::from_le_bytes([index[4], index[5], index[6], index[7]]) as usize;
        Lines {
            text,
            index,
            len,
            mask: size - 1,
        }
    }

    #[inline]
    fn u32_at(&self, word: usize) -> usize {
        let i = word * 4;
        match self.index.get(i..i + 4) {
            Some(b) => u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize,
            None => 0,
        }
    }

    fn len(&self) -> usize {
        self.len
    }

    /// (key start, key end, line end) of line `i`.
    fn entry(&self, i: usize) -> (usize, usize, usize) {
        let w = 2 + i * 3;
        (self.u32_at(w), self.u32_at(w + 1), self.u32_at(w + 2))
    }

    fn line(&self, i: usize) -> &'static str {
        let (s, _, e) = self.entry(i);
        self.text.get(s..e).unwrap_or("")
    }

    /// Index of the line whose first column is `key`.
    fn find(&self, key: &str) -> Option<usize> {
        let key = key.as_bytes();
        self.find_with(hash(key), key.len(), |k| k == key)
    }

    /// Index of the line whose first column, `len` bytes long with
    /// [`hash`] `h`, satisfies `eq`. Lengths are compared first, so most
    /// collisions cost no read of the text.
    #[inline]
    fn find_with(&self, h: u64, len: usize, eq: impl Fn(&[u8]) -> bool) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let table = 2 + self.len * 3;
        let mut slot = h as usize & self.mask;
        // The table is at most half full, so an empty slot ends the probe.
        for _ in 0..=self.mask {
            let v = self.u32_at(table + slot);
            if v == 0 {
                return None;
            }
            let w = 2 + (v - 1) * 3;
            let (s, e) = (self.u32_at(w), self.u32_at(w + 1));
            if e.checked_sub(s) == Some(len) && bytes.get(s..e).is_some_and(&eq) {
                return Some(v - 1);
            }
            slot = (slot + 1) & self.mask;
        }
        None
    }

    /// Second column of the line keyed `key`.
    fn value(&self, key: &str) -> Option<&'static str> {
        let (_, ke, le) = self.entry(self.find(key)?);
        self.text.get(ke + 1..le)
    }
}

macro_rules! data_file {
    ($name:literal) => {
        Lines::new(
            include_str!(concat!("../../data/", $name)),
            include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".idx")),
        )
    };
}

pub struct Gazetteer {
    places: Lines,
    forms: Lines,
    given: Lines,
    surnames: Lines,
    common: Lines,
    demonyms: Lines,
    /// Bit set of the first words of multi-word place forms (by [`hash`],
    /// 65,536 bits, built by `build.rs`).
    first_words: &'static [u8],
}

impl Gazetteer {
    /// The place written exactly so (case-sensitive: "US" but not "us").
    pub fn place(&self, form: &str) -> Option<PlaceInfo> {
        let id: usize = self.forms.value(form)?.split('\t').next()?.parse().ok()?;
        self.place_by_id(id)
    }

    /// Some multi-word place form may start with the word `first` (a
    /// filter: `false` means no form starts with `first` and a space).
    #[inline]
    pub fn may_start_place(&self, first: &str) -> bool {
        let h = hash(first.as_bytes()) as usize & 0xffff;
        self.first_words.get(h >> 3).is_some_and(|b| b & (1 << (h & 7)) != 0)
    }

    /// The place written so in `country`, when the form's best place is
    /// elsewhere ("St. Petersburg" in US: the Florida city, not Russia's).
    pub fn place_in(&self, form: &str, country: &str) -> Option<PlaceInfo> {
        let mut cols = self.forms.value(form)?.split('\t');
        let best = self.place_by_id(cols.next()?.parse().ok()?)?;
        if best.country == country {
            return Some(best);
        }
        cols.next()?
            .split(',')
            .filter_map(|id| self.place_by_id(id.parse().ok()?))
            .find(|p| p.country == country)
    }

    fn place_by_id(&self, id: usize) -> Option<PlaceInfo> {
        if id >= self.places.len() {
            return None;
        }
        let mut cols = self.places.line(id).split('\t');
        Some(PlaceInfo {
            name: cols.next()?,
            country: cols.next()?,
            kind: cols.next()?,
            population: cols.next().and_then(|p| p.parse().ok()).unwrap_or(0),
        })
    }

    /// A known given name, in title case ("Frank").
    pub fn is_given(&self, word: &str) -> bool {
        self.given.find(word).is_some()
    }

    /// A frequent US surname, in title case.
    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.find(word).is_some()
    }

    /// A common lower-case English word (`word` in any case).
    pub fn is_common(&self, word: &str) -> bool {
        // ASCII words of up to 40 bytes, lower-cased (hashed and compared
        // as lower case, without a copy).
        let w = word.as_bytes();
        if w.len() > 40 || !word.is_ascii() {
            return false;
        }
        let lower_eq = |k: &[u8]| k.iter().zip(w).all(|(a, b)| *a == b.to_ascii_lowercase());
        self.common.find_with(hash_ascii_lower(w), w.len(), lower_eq).is_some()
    }

    /// The country a demonym refers to ("Iranian" → "IR").
    pub fn demonym(&self, word: &str) -> Option<&'static str> {
        self.demonyms.value(word)
    }
}

/// [`hash`] of `key` with its ASCII letters lower-cased.
#[inline]
fn hash_ascii_lower(key: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in key {
        h ^= u64::from(b.to_ascii_lowercase());
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h ^ (h >> 29)
}

/// The compiled-in lists; nothing to build at run time.
pub static GAZETTEER: Gazetteer = Gazetteer {
    places: data_file!("places.tsv"),
    forms: data_file!("place-forms.tsv"),
    given: data_file!("given-names.txt"),
    surnames: data_file!("surnames.txt"),
    common: data_file!("common-words.txt"),
    demonyms: data_file!("demonyms.tsv"),
    first_words: include_bytes!(concat!(env!("OUT_DIR"), "/place-forms.tsv.first")),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_resolve_to_canonical_places() {
        let g = &GAZETTEER;
        assert_eq!(g.place("U.S.").map(|p| p.name), Some("United States"));
        assert_eq!(g.place("Ariz.").map(|p| p.name), Some("Arizona"));
        assert_eq!(g.place("Paris").map(|p| p.country), Some("FR"));
        assert_eq!(g.place("Washington").map(|p| p.kind), Some("city"));
        assert!(g.place("us").is_none());
        // A form shared by places in several countries: the best one, and
        // the others on request.
        assert_eq!(g.place("St. Petersburg").map(|p| p.country), Some("RU"));
        assert_eq!(g.place_in("St. Petersburg", "US").map(|p| p.kind), Some("city"));
        assert_eq!(g.place_in("St. Petersburg", "RU").map(|p| p.country), Some("RU"));
        assert!(g.place_in("Paris", "ZZ").is_none());
        // A city named so wins over a region with that alias.
        assert_eq!(g.place("Freiburg").map(|p| p.country), Some("DE"));
        assert!(g.place("Frobnitzia").is_none());
    }

    #[test]
    fn lower_case_hash_is_the_hash_of_the_lower_case() {
        for w in ["", "Police", "POLICE", "police", "Mixed-Case's", "x"] {
            assert_eq!(hash_ascii_lower(w.as_bytes()), hash(w.to_ascii_lowercase().as_bytes()));
        }
        assert_ne!(hash_ascii_lower(b"Police"), hash(b"Police"));
        let g = &GAZETTEER;
        assert!(g.is_common("POLICE") && g.is_common("police") && g.is_common("PoLiCe"));
        assert!(!g.is_common("Polizei") && !g.is_common("policé") && !g.is_common(&"a".repeat(41)));
    }

    #[test]
    fn first_words_of_multi_word_places() {
        let g = &GAZETTEER;
        assert!(g.may_start_place("New") && g.may_start_place("St.") && g.may_start_place("Gulf"));
        // Every multi-word form's first word passes; most other words do not.
        let mut multi = 0;
        for i in 0..g.forms.len() {
            let (s, e, _) = g.forms.entry(i);
            let key = &g.forms.text[s..e];
            if let Some((first, _)) = key.split_once(' ') {
                assert!(g.may_start_place(first), "{key}");
                multi += 1;
            }
        }
        assert!(multi > 1000, "{multi}");
        let words = [
            "Table", "Quickly", "Johnson", "Police", "Frobnitz", "Said", "Minister", "Roe",
        ];
        assert!(words.iter().filter(|w| g.may_start_place(w)).count() <= 2);
    }

    #[test]
    fn name_and_word_lists() {
        let g = &GAZETTEER;
        assert!(g.is_given("Frank") && !g.is_given("Table"));
        assert!(g.is_surname("Johnson") && !g.is_surname("Quickly"));
        assert!(g.is_common("Police") && !g.is_common("Araghchi"));
        assert_eq!(g.demonym("Iranian"), Some("IR"));
        assert_eq!(g.demonym("Iran"), None);
    }
}
