//! HTML → blocks: DOM text with chrome containers dropped, plus metadata.

use super::{Block, BlockKind, CleanDoc, PageMeta, Rules};
use scraper::{ElementRef, Html, Node, Selector};
use std::sync::LazyLock;

/// Elements whose whole subtree is never article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "nav", "footer", "aside", "form", "header", "button", "svg", "iframe", "template",
    "select", "head",
];
/// Elements that start a new block.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "figure",
    "figcaption",
    "dd",
    "dt",
    "br",
    "hr",
    "body",
];

static TITLE: LazyLock<Selector> = LazyLock::new(|| Selector::parse("title").expect("static selector"));
static H1: LazyLock<Selector> = LazyLock::new(|| Selector::parse("h1").expect("static selector"));
static META_DATE: LazyLock<Selector> = LazyLock::new(|| {
    Selector::parse(
        r#"meta[property="article:published_time"], meta[name="date"], meta[name="pubdate"], meta[itemprop="datePublished"], time[datetime]"#,
    )
    .expect("static selector")
});

pub fn clean(html: &str, rules: &Rules) -> CleanDoc {
    let dom = Html::parse_document(html);
    let mut blocks = Vec::new();
    let mut current = String::new();
    let mut kind = BlockKind::Paragraph;
    collect(dom.root_element(), &mut blocks, &mut current, &mut kind);
    flush(&mut blocks, &mut current, kind);
    let mut doc = super::text::clean(blocks, rules);
    doc.meta = metadata(&dom);
    doc
}

fn collect(el: ElementRef, blocks: &mut Vec<Block>, current: &mut String, kind: &mut BlockKind) {
    for child in el.children() {
        match child.value() {
            // Whitespace is collapsed when the block is flushed.
            Node::Text(t) => current.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if SKIP.contains(&name) {
                    continue;
                }
                let Some(child_el) = ElementRef::wrap(child) else {
                    continue;
                };
                let is_block = BLOCK_TAGS.contains(&name);
                if is_block {
                    flush(blocks, current, *kind);
                    *kind = match name {
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
                        "li" => BlockKind::ListItem,
                        _ => BlockKind::Paragraph,
                    };
                }
                collect(child_el, blocks, current, kind);
                if is_block {
                    flush(blocks, current, *kind);
                    *kind = BlockKind::Paragraph;
                }
            }
            _ => {}
        }
    }
}

fn flush(blocks: &mut Vec<Block>, current: &mut String, kind: BlockKind) {
    let text = current.split_whitespace().collect::<Vec<_>>().join(" ");
    current.clear();
    if !text.is_empty() {
        blocks.push(Block {
            text,
            kind,
            chrome: None,
        });
    }
}

fn metadata(dom: &Html) -> PageMeta {
    let text_of = |e: ElementRef| {
        e.text()
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let h1 = dom.select(&H1).map(text_of).find(|t| !t.is_empty());
    let title = dom.select(&TITLE).map(text_of).find(|t| !t.is_empty());
    let published_text = dom
        .select(&META_DATE)
        .filter_map(|e| e.value().attr("content").or_else(|| e.value().attr("datetime")))
        .map(str::to_string)
        .next();
    let published = published_text
        .as_deref()
        .and_then(crate::extract::date::find_date)
        .map(|d| d.iso);
    PageMeta {
        headline: h1.or(title),
        published,
        published_text,
        language: None,
    }
}
