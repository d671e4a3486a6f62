//! Extractors: one module per record field, each a pure function of the
//! cleaned document (headline, date) or of the body text (people, places,
//! quotes).

pub mod date;
pub mod gazetteer;
pub mod headline;
mod lexicon;
pub mod ner;
pub mod people;
pub mod places;
pub mod quotes;

/// A byte range `start..end` in the text an extractor was given.
pub type Span = std::ops::Range<usize>;
