//! Compiled-in gazetteer and name lists (see data/README.md for sources).
//!
//! The data files are embedded with `include_str!`, sorted bytewise by the
//! generator script, and searched in place by binary search. Start-up only
//! indexes line starts (a memchr scan of ~2 MB), so the binary starts in a
//! few milliseconds and pays nothing for lists a document never needs.

use std::sync::LazyLock;

const PLACES: &str = include_str!("../../data/places.tsv");
const PLACE_FORMS: &str = include_str!("../../data/place-forms.tsv");
const GIVEN: &str = include_str!("../../data/given-names.txt");
const SURNAMES: &str = include_str!("../../data/surnames.txt");
const COMMON: &str = include_str!("../../data/common-words.txt");
const DEMONYMS: &str = include_str!("../../data/demonyms.tsv");

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

/// The data lines of an embedded file (comment lines skipped), by index,
/// with the byte range of each line's key (first column) and a table of
/// line ranges per two-byte key prefix, so a lookup is a short binary
/// search over a handful of lines.
struct Lines {
    text: &'static str,
    /// (key start, key end, line end) per data line.
    keys: Vec<(u32, u32, u32)>,
    /// First line index per two-byte prefix; `buckets[p]..buckets[p + 1]`.
    buckets: Vec<u32>,
}

fn prefix(key: &[u8]) -> usize {
    let a = key.first().copied().unwrap_or(0) as usize;
    let b = key.get(1).copied().unwrap_or(0) as usize;
    (a << 8) | b
}

impl Lines {
    fn new(text: &'static str) -> Self {
        let mut keys = Vec::with_capacity(text.len() / 8);
        let mut pos = 0;
        for line in text.split_inclusive('\n') {
            let body = line.trim_end_matches(['\n', '\r']);
            if !body.starts_with('#') && !body.is_empty() {
                let key_len = body.find('\t').unwrap_or(body.len());
                keys.push((pos as u32, (pos + key_len) as u32, (pos + body.len()) as u32));
            }
            pos += line.len();
        }
        // Lines are sorted bytewise, so each prefix's lines are contiguous.
        let mut buckets = vec![0u32; 65537];
        for &(s, e, _) in &keys {
            buckets[prefix(&text.as_bytes()[s as usize..e as usize]) + 1] += 1;
        }
        for p in 1..buckets.len() {
            buckets[p] += buckets[p - 1];
        }
        Lines { text, keys, buckets }
    }

    fn len(&self) -> usize {
        self.keys.len()
    }

    fn line(&self, i: usize) -> &'static str {
        let (s, _, e) = self.keys[i];
        &self.text[s as usize..e as usize]
    }

    /// Index of the line whose first column is `key` (lines sorted bytewise).
    fn find(&self, key: &str) -> Option<usize> {
        let p = prefix(key.as_bytes());
        let (lo, hi) = (self.buckets[p] as usize, self.buckets[p + 1] as usize);
        let bytes = self.text.as_bytes();
        self.keys[lo..hi]
            .binary_search_by(|&(s, e, _)| bytes[s as usize..e as usize].cmp(key.as_bytes()))
            .ok()
            .map(|i| lo + i)
    }

    /// Second column of the line keyed `key`.
    fn value(&self, key: &str) -> Option<&'static str> {
        let i = self.find(key)?;
        let (_, ke, le) = self.keys[i];
        self.text.get(ke as usize + 1..le as usize)
    }
}

pub struct Gazetteer {
    places: Lines,
    forms: Lines,
    given: Lines,
    surnames: Lines,
    common: Lines,
    demonyms: Lines,
}

impl Gazetteer {
    fn load() -> Self {
        Gazetteer {
            places: Lines::new(PLACES),
            forms: Lines::new(PLACE_FORMS),
            given: Lines::new(GIVEN),
            surnames: Lines::new(SURNAMES),
            common: Lines::new(COMMON),
            demonyms: Lines::new(DEMONYMS),
        }
    }

    /// The place written exactly so (case-sensitive: "US" but not "us").
    pub fn place(&self, form: &str) -> Option<PlaceInfo> {
        let id: usize = self.forms.value(form)?.parse().ok()?;
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
        let mut buf = [0u8; 40];
        ascii_lower(word, &mut buf).is_some_and(|w| self.common.find(w).is_some())
    }

    /// The country a demonym refers to ("Iranian" → "IR").
    pub fn demonym(&self, word: &str) -> Option<&'static str> {
        self.demonyms.value(word)
    }
}

/// Lower-case an ASCII word into `buf` without allocating.
fn ascii_lower<'b>(word: &str, buf: &'b mut [u8; 40]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    let out = &mut buf[..bytes.len()];
    out.copy_from_slice(bytes);
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_resolve_to_canonical_places() {
        let g = &*GAZETTEER;
        assert_eq!(g.place("U.S.").map(|p| p.name), Some("United States"));
        assert_eq!(g.place("Ariz.").map(|p| p.name), Some("Arizona"));
        assert_eq!(g.place("Paris").map(|p| p.country), Some("FR"));
        assert_eq!(g.place("Washington").map(|p| p.kind), Some("city"));
        assert!(g.place("us").is_none());
        assert!(g.place("Frobnitzia").is_none());
    }

    #[test]
    fn name_and_word_lists() {
        let g = &*GAZETTEER;
        assert!(g.is_given("Frank") && !g.is_given("Table"));
        assert!(g.is_surname("Johnson") && !g.is_surname("Quickly"));
        assert!(g.is_common("Police") && !g.is_common("Araghchi"));
        assert_eq!(g.demonym("Iranian"), Some("IR"));
        assert_eq!(g.demonym("Iran"), None);
    }
}
