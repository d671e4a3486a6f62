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
        word_count: body.split_whitespace().count(),
        body,
        warnings,
        removed: options.explain.then(|| clean.removed()),
        schema_version: SCHEMA_VERSION,
    }
}
