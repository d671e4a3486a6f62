//! newsnorm: turn scraped news pages (plain text or HTML) into one clean JSON
//! record per article.
//!
//! The pipeline is four pure stages, each testable alone:
//! [`reader`] (bytes → [`reader::Document`]) → [`cleaner`] (document →
//! [`cleaner::CleanDoc`]) → [`extract`] (clean document → fields) →
//! [`writer`] (record → JSON line). [`pipeline`] wires them together.

pub mod check;
pub mod cleaner;
pub mod extract;
pub mod ordered;
pub mod pipeline;
pub mod prebuilt;
pub mod reader;
pub mod record;
pub mod schema;
#[cfg(test)]
mod testgen;
pub mod writer;

pub use pipeline::{Options, process};
pub use record::Record;
