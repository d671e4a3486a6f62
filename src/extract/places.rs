//! Places: gazetteer lookup over the body with canonical names.
//!
//! First version: a small built-in list; the full gazetteer replaces it.

use crate::record::Place;
use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::LazyLock;

/// (surface form, canonical name, ISO country, kind)
const GAZETTEER: &[(&str, &str, &str, &str)] = &[
    ("United States", "United States", "US", "country"),
    ("U.S.", "United States", "US", "country"),
    ("US", "United States", "US", "country"),
    ("America", "United States", "US", "country"),
    ("Iran", "Iran", "IR", "country"),
    ("Oman", "Oman", "OM", "country"),
    ("Washington", "Washington", "US", "city"),
    ("Tehran", "Tehran", "IR", "city"),
    ("Muscat", "Muscat", "OM", "city"),
    ("Middle East", "Middle East", "", "region"),
    ("Arabian Sea", "Arabian Sea", "", "sea"),
];

static MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(GAZETTEER.iter().map(|g| g.0))
        .expect("static automaton")
});

pub fn extract(body: &str) -> Vec<Place> {
    let mut places: Vec<Place> = Vec::new();
    for m in MATCHER.find_iter(body) {
        let bytes = body.as_bytes();
        let before_ok = m.start() == 0 || !bytes[m.start() - 1].is_ascii_alphanumeric();
        let after_ok = m.end() == bytes.len() || !bytes[m.end()].is_ascii_alphanumeric();
        if !(before_ok && after_ok) {
            continue;
        }
        let (_, name, country, kind) = GAZETTEER[m.pattern().as_usize()];
        if let Some(p) = places.iter_mut().find(|p| p.name == name) {
            p.mentions += 1;
        } else {
            places.push(Place {
                name: name.to_string(),
                country: (!country.is_empty()).then(|| country.to_string()),
                kind: Some(kind.to_string()),
                mentions: 1,
            });
        }
    }
    places
}
