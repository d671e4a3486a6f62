//! The whole pipeline for one document: clean → extract → record.

use crate::cleaner::{self, Rules};
use crate::extract::{date, headline, ner, quotes};
use crate::reader::Document;
use crate::record::{Record, SCHEMA_VERSION};

/// Per-run settings that change what a record holds.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Add the dropped blocks with reasons (`removed`) to each record.
    pub explain: bool,
    /// User chrome rules.
    pub rules: Rules,
    /// How people and places are named: canonical (default) or as written.
    pub names: ner::Names,
}

/// Turn one decoded document into its record.
pub fn process(doc: Document, options: &Options) -> Record {
    let clean = cleaner::clean(&doc, &options.rules);
    let body = clean.body();
    let headline = headline::extract(&clean);
    let date = date::extract(&clean);
    // People and places in one pass; places also from the headline/dateline.
    let lead = ner::lead_text(&clean);
    let ner::Entities {
        people: persons,
        places,
    } = ner::analyse(&lead, &body);
    // Quotes always resolve speakers against the merged (canonical) people.
    let quotes = quotes::extract(&body, &persons);
    let (persons, places) = match options.names {
        ner::Names::Canonical => (persons, places),
        ner::Names::AsWritten => {
            let written = ner::analyse_with(&lead, &body, ner::Names::AsWritten);
            (written.people, written.places)
        }
    };
    let mut warnings = doc.warnings;
    if body.is_empty() {
        warnings.push("no article body found".to_string());
    }
    Record {
        source: doc.source,
        format: doc.format,
        headline,
        date: date.as_ref().map(|d| d.iso.clone()),
        date_text: date.map(|d| d.text),
        people: persons.iter().map(|p| p.to_record()).collect(),
        places,
        quotes,
        word_count: word_count(&body),
        body,
        warnings,
        removed: options.explain.then(|| clean.removed()),
        schema_version: SCHEMA_VERSION,
    }
}

/// `text.split_whitespace().count()`, eight ASCII bytes at a time: the
/// record's word count walks the whole body, and decoding it char by char
/// cost more than writing it out. A word starts at each non-space byte
/// after a space (or at the start); non-ASCII stretches are decoded.
pub fn word_count(text: &str) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let bytes = text.as_bytes();
    let mut words = 0;
    // Whether the byte before `i` ended a word (or `i` is the start).
    let mut after_space = true;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0x80; 8]));
            if x & HI == 0 {
                // Per byte (all below 0x80, so no carries between bytes):
                // the high bit of `x + 0x77` is set from 0x09 up, of
                // `x + 0x72` from 0x0E up; a byte equal to 0x20 is zero
                // after the XOR, and a zero byte keeps its high bit clear
                // after adding 0x7F to its low seven bits.
                let tab_to_cr = (x + 0x77 * LO) & !(x + 0x72 * LO);
                let t = x ^ (0x20 * LO);
                let nonzero = ((t & !HI) + 0x7F * LO) | t;
                let space = (tab_to_cr | !nonzero) & HI;
                let starts = !space & HI & ((space << 8) | u64::from(after_space) << 7);
                words += starts.count_ones() as usize;
                after_space = space >> 63 == 1;
                i += 8;
                continue;
            }
        }
        let (space, len) = match bytes[i] {
            b @ 0..0x80 => (matches!(b, 0x09..=0x0D | b' '), 1),
            _ => text
                .get(i..)
                .and_then(|r| r.chars().next())
                .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
        };
        if !space && after_space {
            words += 1;
        }
        after_space = space;
        i += len;
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testgen::Rng;

    #[test]
    fn word_count_matches_split_whitespace() {
        // Every ASCII space and control byte, the non-ASCII spaces, and
        // multi-byte letters and marks, at every alignment.
        const PIECES: &[&str] = &[
            " ", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{1c}", "\u{1f}", "\u{0}", "\u{8}", "\u{e}", "\u{7f}", "a", "Z",
            "0", ".", "!", "~", "é", "’", "“", "\u{85}", "\u{a0}", "\u{1680}", "\u{2000}", "\u{200a}", "\u{200b}",
            "\u{2028}", "\u{2029}", "\u{202f}", "\u{205f}", "\u{3000}", "\u{feff}", "word", "  ", "abcdefgh", "日本",
        ];
        let mut rng = Rng::new(7);
        for _ in 0..4000 {
            let n = rng.below(40);
            let text: String = (0..n).map(|_| PIECES[rng.below(PIECES.len())]).collect();
            assert_eq!(word_count(&text), text.split_whitespace().count(), "{text:?}");
        }
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("one two  three\n\nfour five six seven eight"), 8);
        assert_eq!(word_count("abcdefgh ijklmnop"), 2);
        assert_eq!(word_count("a\u{a0}b"), 2);
    }
}
