//! Block classification for plain text (and for HTML once it is in blocks).
//!
//! First version: a chrome lexicon for obvious widgets, then the article
//! region is chosen as the span between the first and last "content" block
//! (sentence-like prose), keeping headings and list items inside it.

use super::{Block, BlockKind, CleanDoc, Rules};
use regex::{Regex, RegexSet};
use std::sync::LazyLock;

/// Split a plain-text dump into blocks: one per non-empty line.
pub fn split_blocks(text: &str) -> Vec<Block> {
    text.lines()
        .filter_map(|line| {
            let trimmed = line.trim();
            if trimmed.is_empty() {
                return None;
            }
            let (kind, text) = match strip_bullet(trimmed) {
                Some(rest) => (BlockKind::ListItem, rest),
                None => (BlockKind::Paragraph, trimmed),
            };
            Some(Block {
                text: text.to_string(),
                kind,
                chrome: None,
            })
        })
        .collect()
}

fn strip_bullet(line: &str) -> Option<&str> {
    for bullet in ["• ", "· ", "* ", "- ", "– ", "▪ ", "◦ "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return Some(rest.trim_start());
        }
    }
    None
}

/// Phrases that mark a block as site chrome, with their reason codes.
static CHROME: LazyLock<(RegexSet, Vec<&'static str>)> = LazyLock::new(|| {
    let rules: &[(&str, &str)] = &[
        (
            r"(?i)^(loading|search|menu|close|skip to (main )?content|sign in|log ?in|register|subscribe)\W*$",
            "menu",
        ),
        (r"(?i)shopping cart|saved articles|bookmarks|browse articles", "widget"),
        (
            r"(?i)newsletter|sign up for|subscribe to|we don'?t spam|notified about new posts",
            "newsletter",
        ),
        (r"(?i)^(home|start)\s*[»›>/|]", "breadcrumb"),
        (r"\S\s+[»›]\s+\S", "breadcrumb"),
        (
            r"(?i)^\d[\d,.]*k?\s+(views|comments|shares|reads)$|•\s*\d[\d,.]*k?\s+views",
            "counter",
        ),
        (
            r"(?i)^(share|tweet|email|print|facebook|twitter|whatsapp|linkedin|pinterest|reddit)( this)?( article| story)?\W*$",
            "share",
        ),
        (r"(?i)^(follow us|share (this|on))\b", "share"),
        (
            r"(?i)leave a (comment|reply)|comment policy|akismet|your email address will not be published|comments? are closed",
            "comments",
        ),
        (
            r"(?i)^(you may also like|related( articles| posts| stories| to this topic)?|more from|recommended|read (more|next|also)|also read|popular|trending)\b",
            "related",
        ),
        (
            r"(?i)cookies?\b.*\b(use|consent|accept|policy)|accept (all )?cookies",
            "cookies",
        ),
        (r"(?i)^(©|copyright\b|\(c\) \d{4})|all rights reserved", "footer"),
        (r"(?i)^advertisement$|^sponsored( content)?$|^ad$", "advert"),
    ];
    let set = RegexSet::new(rules.iter().map(|(p, _)| *p)).expect("static chrome regexes");
    (set, rules.iter().map(|(_, r)| *r).collect())
});

static SENTENCE_END: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"[.!?…:]["'”’)\]]*$"#).expect("static regex"));

/// Label blocks that are chrome on their own (lexicon, user rules), without
/// choosing an article region. Blocks already labelled keep their label.
pub fn label_chrome(blocks: &mut [Block], rules: &Rules) {
    let (set, reasons) = &*CHROME;
    for block in blocks.iter_mut().filter(|b| b.chrome.is_none()) {
        if rules.matches(&block.text) {
            block.chrome = Some(super::rules::RULE_REASON);
        } else if let Some(i) = set.matches(&block.text).iter().next() {
            block.chrome = Some(reasons[i]);
        }
    }
}

/// Label every block as body or chrome: block-level chrome first, then the
/// article region. Blocks already labelled chrome (e.g. by the HTML stage)
/// stay chrome.
pub fn clean(mut blocks: Vec<Block>, rules: &Rules) -> CleanDoc {
    label_chrome(&mut blocks, rules);
    let is_content = |b: &Block| b.chrome.is_none() && word_count(&b.text) >= 12 && SENTENCE_END.is_match(&b.text);
    let first = blocks.iter().position(is_content);
    let last = blocks.iter().rposition(is_content);
    if let (Some(first), Some(last)) = (first, last) {
        for (i, block) in blocks.iter_mut().enumerate() {
            if block.chrome.is_none() && (i < first || i > last) {
                block.chrome = Some(if i < first { "header" } else { "footer" });
            }
        }
    } else {
        for block in &mut blocks {
            block.chrome.get_or_insert("no-content");
        }
    }
    CleanDoc {
        blocks,
        meta: Default::default(),
    }
}

pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "Loading...\n\nSearch\n\nShopping cart\n\nSubscribe to the Newsletter\n\n\
Home » News » Storm closes harbour\n\nStorm closes harbour\n\nMar 3, 2025 • 12 views\n\n\
The harbour in the old town was closed on Monday after a storm damaged two of its piers, officials said.\n\n\
What happens next\n\n  • Repairs start next week.\n\n\
Engineers expect the work to take about three months, and the ferry will use a temporary pier until then.\n\n\
You may also like\n\nLeave a Comment\n";

    #[test]
    fn keeps_body_drops_chrome() {
        let doc = clean(split_blocks(PAGE), &Rules::default());
        let body = doc.body();
        assert!(body.starts_with("The harbour in the old town"), "{body}");
        assert!(body.contains("What happens next\n\nRepairs start next week."));
        assert!(body.ends_with("until then."));
        let removed = doc.removed();
        assert!(removed.iter().any(|r| r.reason == "newsletter"));
        assert!(removed.iter().any(|r| r.reason == "breadcrumb"));
    }

    #[test]
    fn user_rules_drop_blocks() {
        let page = "A long enough paragraph of the article that ends with a full stop and has words.\n\nBuy our mug\n\nAnother long paragraph of the article that ends with a full stop and has words.";
        let rules = Rules::parse("buy our mug").unwrap();
        let doc = clean(split_blocks(page), &rules);
        assert!(!doc.body().contains("mug"));
        assert_eq!(doc.removed()[0].reason, "rule");
    }
}
