//! Cleaner: a decoded document → labelled blocks (article body vs chrome)
//! plus whatever page metadata the input carries.
//!
//! Plain text is split into blocks (one per line, as scrapers dump visible
//! text); HTML is first turned into blocks from its DOM ([`html`]). Both go
//! through the same block classifier ([`text`]).

pub mod html;
pub mod rules;
pub mod text;

pub use rules::Rules;

use crate::reader::Document;
use crate::record::{Format, Removed};

/// What a block is on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
}

/// One block of page text with the cleaner's verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub text: String,
    pub kind: BlockKind,
    /// `None` if the block belongs to the article body, else the reason code
    /// it was dropped for (`menu`, `newsletter`, `related`, ...).
    pub chrome: Option<&'static str>,
}

/// Metadata found in the page itself (HTML head, JSON-LD); empty for text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageMeta {
    /// Best title from metadata/`<h1>`, site-name suffixes removed.
    pub headline: Option<String>,
    /// Publication date from metadata, normalised: `YYYY-MM-DD`, or RFC 3339
    /// when the metadata gives a time. Used as-is by the date extractor.
    pub published: Option<String>,
    /// The metadata value the publication date came from, as written.
    pub published_text: Option<String>,
    pub language: Option<String>,
}

/// The cleaner's output: every block of the page in order, labelled.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CleanDoc {
    pub blocks: Vec<Block>,
    pub meta: PageMeta,
}

impl CleanDoc {
    /// A page of paragraphs, each with its chrome label (None: body), for
    /// the extractors' unit tests.
    #[cfg(test)]
    pub fn of_paragraphs(blocks: &[(&str, Option<&'static str>)]) -> CleanDoc {
        CleanDoc {
            blocks: blocks
                .iter()
                .map(|&(text, chrome)| Block {
                    text: text.to_string(),
                    kind: BlockKind::Paragraph,
                    chrome,
                })
                .collect(),
            meta: PageMeta::default(),
        }
    }

    /// The body blocks, in order.
    pub fn body_blocks(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.chrome.is_none())
    }

    /// Body text: blocks separated by a blank line.
    pub fn body(&self) -> String {
        let mut out = String::new();
        for block in self.body_blocks() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&block.text);
        }
        out
    }

    /// Index of the first body block, if any.
    pub fn body_start(&self) -> Option<usize> {
        self.blocks.iter().position(|b| b.chrome.is_none())
    }

    /// Dropped blocks with their reasons, for `--explain`.
    pub fn removed(&self) -> Vec<Removed> {
        self.blocks
            .iter()
            .filter_map(|b| {
                b.chrome.map(|r| Removed {
                    text: b.text.clone(),
                    reason: r.to_string(),
                })
            })
            .collect()
    }
}

/// Clean one document.
pub fn clean(doc: &Document, rules: &Rules) -> CleanDoc {
    match doc.format {
        Format::Text => text::clean(text::split_blocks(&doc.text), rules),
        Format::Html => html::clean(&doc.text, rules),
    }
}
