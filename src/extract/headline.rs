//! Headline: from page metadata when present, else the block the cleaner
//! labelled as the one that opens the article (see `cleaner::text::region`).

use crate::cleaner::CleanDoc;
use crate::cleaner::text::HEADLINE;

pub fn extract(doc: &CleanDoc) -> Option<String> {
    if let Some(h) = &doc.meta.headline {
        return Some(h.clone());
    }
    doc.blocks
        .iter()
        .find(|b| b.chrome == Some(HEADLINE))
        .map(|b| strip_pipe_tail(b.text.trim()).to_string())
}

/// A title line with one `" | "` in it is "Title | Site name" or "Title |
/// a short tagline": the part before it is the headline. Several pipes are
/// a breadcrumb or list and stay as they are, and so does a head of fewer
/// than three words ("News | Harbour bridge reopens").
fn strip_pipe_tail(text: &str) -> &str {
    match text.split_once(" | ") {
        Some((head, tail)) if !tail.contains('|') && head.split_whitespace().count() >= 3 => head.trim_end(),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cleaner::{Block, BlockKind, PageMeta};

    fn block(text: &str, chrome: Option<&'static str>) -> Block {
        Block {
            text: text.to_string(),
            kind: BlockKind::Paragraph,
            chrome,
        }
    }

    #[test]
    fn a_single_pipe_tail_is_cut() {
        assert_eq!(
            strip_pipe_tail("Storm closes the harbour | Coast Herald"),
            "Storm closes the harbour"
        );
        assert_eq!(strip_pipe_tail("Storm closes the harbour"), "Storm closes the harbour");
        assert_eq!(
            strip_pipe_tail("News | Storm closes harbour"),
            "News | Storm closes harbour"
        );
        assert_eq!(
            strip_pipe_tail("Home | News | Weather | Sport"),
            "Home | News | Weather | Sport"
        );
    }

    #[test]
    fn labelled_block_or_metadata() {
        let mut doc = CleanDoc {
            blocks: vec![
                block("Menu", Some("menu")),
                block("Storm closes harbour", Some(HEADLINE)),
            ],
            meta: PageMeta::default(),
        };
        assert_eq!(extract(&doc).as_deref(), Some("Storm closes harbour"));
        doc.meta.headline = Some("From metadata".to_string());
        assert_eq!(extract(&doc).as_deref(), Some("From metadata"));
        doc.blocks.pop();
        doc.meta.headline = None;
        assert_eq!(extract(&doc), None);
    }
}
