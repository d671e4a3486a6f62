//! The output record: one per article, with a fixed field order.
//!
//! Field order is the declaration order (serde serialises structs in order),
//! so `jq` users and the evaluation harness always see the same layout.

use schemars::JsonSchema;
use serde::Serialize;

/// Version of the record layout; bump on any breaking change to fields.
pub const SCHEMA_VERSION: &str = "1";

/// Fields every record carries, whatever the input (users' jq filters and
/// the evaluation harness read them): absent values are `null` or `[]`.
pub const REQUIRED_FIELDS: &[&str] = &[
    "source",
    "format",
    "headline",
    "date",
    "people",
    "places",
    "quotes",
    "body",
    "word_count",
];

/// Input format as sniffed from the bytes (never from the file extension).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Html,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Person {
    /// Fullest form of the name found in the text, without titles.
    pub name: String,
    /// Title or office stated next to the name ("Foreign Minister").
    pub role: Option<String>,
    pub mentions: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Place {
    /// Canonical name ("United States" for "U.S.").
    pub name: String,
    /// ISO 3166-1 alpha-2 code of the country the place is in.
    pub country: Option<String>,
    /// country, city, region, state, sea, continent, ...
    pub kind: Option<String>,
    pub mentions: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Quote {
    /// Quoted text without the quote marks.
    pub text: String,
    /// Canonical person name, or the organisation/description as written.
    pub speaker: Option<String>,
    /// The speech verb that attributes the quote ("said", "told").
    pub cue: Option<String>,
    /// A fragment quoted inside a sentence (scare quotes, a "good start").
    pub partial: bool,
}

/// A block the cleaner dropped, with a short reason code (`--explain`).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Removed {
    pub text: String,
    pub reason: String,
}

/// One article. Every field is always present (`null` or `[]` when
/// absent) except `removed`, which only `--explain` adds.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Record {
    /// Path as walked, or "-" for stdin.
    pub source: String,
    pub format: Format,
    pub headline: Option<String>,
    /// ISO 8601: the UTC instant (`2019-11-20T04:31:00Z`) when the text
    /// gives a clock time and a time zone with the date, else `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The date as written in the input.
    pub date_text: Option<String>,
    pub people: Vec<Person>,
    pub places: Vec<Place>,
    pub quotes: Vec<Quote>,
    /// Paragraphs, sub-headings and list items separated by a blank line.
    pub body: String,
    pub word_count: usize,
    /// Non-fatal problems (e.g. "no article body found").
    pub warnings: Vec<String>,
    /// Blocks dropped by the cleaner; only with `--explain`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub removed: Option<Vec<Removed>>,
    /// Version of this record layout ([`SCHEMA_VERSION`]).
    pub schema_version: &'static str,
}
