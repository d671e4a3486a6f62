//! Headline: from page metadata when present, else the title-like line that
//! starts the article (often repeated in a breadcrumb or the page title).

use crate::cleaner::CleanDoc;

pub fn extract(doc: &CleanDoc) -> Option<String> {
    if let Some(h) = &doc.meta.headline {
        return Some(h.clone());
    }
    let start = doc.body_start()?;
    doc.blocks[..start]
        .iter()
        .rev()
        .find(|b| looks_like_title(&b.text) && b.chrome != Some("breadcrumb"))
        .map(|b| b.text.clone())
}

fn looks_like_title(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (3..=30).contains(&words) && !text.ends_with('.') && !super::date::contains_date(text)
}
