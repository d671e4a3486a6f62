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
        .map(|b| b.text.trim().to_string())
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
