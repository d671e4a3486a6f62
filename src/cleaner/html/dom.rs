//! One iterative pass over the parsed DOM. It yields the text blocks with the
//! element that owns each, an arena of the visited elements with subtree text
//! counts (for container scoring), and the raw metadata facts (meta tags,
//! `<title>`, JSON-LD, `<time>`, `<h1>`), so the page is walked only once.
//!
//! The walk uses ego_tree's `traverse` (open/close edges), never recursion:
//! HTML nested 100,000 levels deep must not overflow the stack.

use super::classes::{self, ClassVerdict};
use crate::cleaner::BlockKind;
use ego_tree::iter::Edge;
use scraper::{Html, Node, node::Element};

/// Sentinel for "no parent".
pub const NONE: usize = usize::MAX;

/// One visited element.
#[derive(Debug, Clone)]
pub struct Elem<'a> {
    pub parent: usize,
    pub tag: &'a str,
    /// Container-scoring weight from the class/id words and `itemprop`.
    pub weight: f32,
    /// Why this element's subtree looks like chrome (tag or class words).
    pub chrome: Option<&'static str>,
    /// Text bytes in the subtree (after whitespace collapse, roughly).
    pub text: u32,
    /// Text bytes inside links in the subtree.
    pub links: u32,
    /// Bytes of "paragraph text" in the subtree: blocks long enough and with
    /// few links to count as prose.
    pub prose: u32,
    /// Whether the element is a block-level tag (owns blocks).
    pub block: bool,
    /// The DOM node, for diagnostics.
    pub node: ego_tree::NodeId,
}

/// One text block, as the browser would lay it out.
#[derive(Debug, Clone)]
pub struct RawBlock {
    pub text: String,
    pub kind: BlockKind,
    /// Arena index of the nearest block-level ancestor.
    pub owner: usize,
    /// Bytes of link text in the block.
    pub links: u32,
}

/// Metadata facts found during the walk, resolved later by `meta`.
#[derive(Debug, Default)]
pub struct Facts<'a> {
    pub title: Option<String>,
    /// `(key, content)` of `<meta>` tags: key is the lower-cased
    /// `property`, `name`, `itemprop` or `http-equiv`.
    pub metas: Vec<(String, &'a str)>,
    pub json_ld: Vec<String>,
    /// `<time>` and `itemprop=datePublished` elements in the body:
    /// `(arena index, machine value or text, is an explicit publication mark)`.
    pub times: Vec<TimeFact>,
    /// `<h1>` elements: arena index (their text is the block they own).
    pub h1s: Vec<usize>,
    pub lang: Option<&'a str>,
    /// `<link rel=canonical href>`.
    pub canonical: Option<&'a str>,
}

#[derive(Debug, Clone)]
pub struct TimeFact {
    pub elem: usize,
    pub value: String,
    /// `itemprop=datePublished`, `pubdate`, or a class/id that says "published".
    pub published: bool,
    /// A class/id that says "modified/updated".
    pub modified: bool,
}

pub struct Page<'a> {
    pub elems: Vec<Elem<'a>>,
    pub blocks: Vec<RawBlock>,
    pub facts: Facts<'a>,
}

/// Subtrees never shown as article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "svg", "iframe", "template", "select", "button", "object", "embed", "canvas",
    "video", "audio", "map", "math", "option", "datalist", "input", "textarea",
];

/// Tags that start a new block.
fn is_block_tag(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dd"
            | "dt"
            | "blockquote"
            | "pre"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "figure"
            | "figcaption"
            | "br"
            | "hr"
            | "body"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "form"
            | "fieldset"
            | "legend"
            | "details"
            | "summary"
            | "address"
            | "center"
            | "hgroup"
            | "menu"
            | "label"
    )
}

/// Chrome verdict from the tag alone.
fn tag_chrome(name: &str) -> Option<&'static str> {
    Some(match name {
        "nav" | "menu" => "menu",
        "footer" => "footer",
        "aside" => "aside",
        "form" | "fieldset" | "label" => "form",
        "header" => "header",
        "figure" | "figcaption" | "caption" => "caption",
        _ => return None,
    })
}

fn is_hidden(e: &Element) -> bool {
    if e.attr("hidden").is_some() {
        return true;
    }
    if e.attr("aria-hidden") == Some("true") && e.name() != "body" && e.name() != "html" {
        return true;
    }
    e.attr("style").is_some_and(|s| {
        let s = s.to_ascii_lowercase();
        let s: String = s.split_whitespace().collect();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// Minimum block length (bytes) to count as prose.
pub const PROSE_MIN: usize = 25;

/// Walk the DOM once.
pub fn walk(dom: &Html) -> Page<'_> {
    let mut page = Page {
        elems: Vec::new(),
        blocks: Vec::new(),
        facts: Facts::default(),
    };
    // Arena indices of open elements, and of open block-level elements.
    let mut open: Vec<usize> = Vec::new();
    let mut owners: Vec<usize> = Vec::new();
    let mut skipping: Option<ego_tree::NodeId> = None;
    let mut link_depth = 0usize;
    let mut cur = String::new();
    let mut cur_links = 0u32;

    for edge in dom.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(e) => {
                        let name = e.name();
                        if name == "html" {
                            page.facts.lang = e.attr("lang").or_else(|| e.attr("xml:lang"));
                        }
                        match name {
                            "meta" => {
                                meta_fact(e, &mut page.facts);
                                continue;
                            }
                            "link" => {
                                if page.facts.canonical.is_none()
                                    && e.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
                                {
                                    page.facts.canonical = e.attr("href");
                                }
                                continue;
                            }
                            "title" if page.facts.title.is_none() => {
                                page.facts.title = Some(child_text(node));
                                skipping = Some(node.id());
                                continue;
                            }
                            "script"
                                if e.attr("type")
                                    .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json")) =>
                            {
                                page.facts.json_ld.push(child_text(node));
                                skipping = Some(node.id());
                                continue;
                            }
                            _ => {}
                        }
                        // <head> is skipped for text, but its <meta>/<title>
                        // are read above; `open` must still see it, so only
                        // skip content-less subtrees here.
                        if SKIP.contains(&name) {
                            skipping = Some(node.id());
                            continue;
                        }
                        let block = is_block_tag(name);
                        if block {
                            flush(&mut page, &mut cur, &mut cur_links, &owners);
                        }
                        let idx = page.elems.len();
                        let verdict = classes::judge(e);
                        let mut weight = verdict.weight();
                        if e.attr("itemprop")
                            .is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
                        {
                            weight += 50.0;
                        }
                        if name == "article" || name == "main" {
                            weight += 10.0;
                        }
                        // Hidden subtrees are chrome, not skipped: some pages
                        // hide content that scripts reveal (streamed HTML).
                        let chrome = if is_hidden(e) {
                            Some("hidden")
                        } else {
                            match verdict {
                                ClassVerdict::Chrome(reason) => Some(reason),
                                _ => tag_chrome(name),
                            }
                        };
                        page.elems.push(Elem {
                            parent: open.last().copied().unwrap_or(NONE),
                            tag: name,
                            weight,
                            chrome,
                            text: 0,
                            links: 0,
                            prose: 0,
                            block,
                            node: node.id(),
                        });
                        open.push(idx);
                        if block {
                            owners.push(idx);
                        }
                        if name == "a" {
                            link_depth += 1;
                        }
                        if name == "h1" {
                            page.facts.h1s.push(idx);
                        }
                        time_fact(e, node, idx, &mut page.facts);
                    }
                    Node::Text(t) => {
                        if open.is_empty() {
                            continue;
                        }
                        // Text directly in <head> (rare, broken pages) is not shown.
                        cur.push_str(t);
                        let n = t.trim().len() as u32;
                        if let Some(&top) = open.last() {
                            page.elems[top].text += n;
                            if link_depth > 0 {
                                page.elems[top].links += n;
                                cur_links += n;
                            }
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skipping {
                    if id == node.id() {
                        skipping = None;
                    }
                    continue;
                }
                let Node::Element(e) = node.value() else {
                    continue;
                };
                if e.name() == "meta" || e.name() == "link" {
                    continue;
                }
                let Some(idx) = open.pop() else {
                    continue;
                };
                if page.elems[idx].block {
                    flush(&mut page, &mut cur, &mut cur_links, &owners);
                    owners.pop();
                }
                if page.elems[idx].tag == "a" {
                    link_depth = link_depth.saturating_sub(1);
                }
                let (text, links, prose) = {
                    let el = &page.elems[idx];
                    (el.text, el.links, el.prose)
                };
                if let Some(&parent) = open.last() {
                    let p = &mut page.elems[parent];
                    p.text += text;
                    p.links += links;
                    p.prose += prose;
                }
            }
        }
    }
    flush(&mut page, &mut cur, &mut cur_links, &owners);
    page
}

/// The text of a node's direct text children (for `<title>`, `<script>`).
fn child_text(node: ego_tree::NodeRef<'_, Node>) -> String {
    let mut s = String::new();
    for child in node.children() {
        if let Node::Text(t) = child.value() {
            s.push_str(t);
        }
    }
    s
}

fn meta_fact<'a>(e: &'a Element, facts: &mut Facts<'a>) {
    let Some(content) = e.attr("content") else {
        return;
    };
    for key in ["property", "name", "itemprop", "http-equiv"] {
        if let Some(k) = e.attr(key) {
            facts.metas.push((k.trim().to_ascii_lowercase(), content));
        }
    }
}

fn time_fact(e: &Element, node: ego_tree::NodeRef<'_, Node>, idx: usize, facts: &mut Facts<'_>) {
    let itemprop = e.attr("itemprop").map(str::to_ascii_lowercase);
    let is_pub_prop = itemprop
        .as_deref()
        .is_some_and(|p| p == "datepublished" || p == "datecreated");
    let is_mod_prop = itemprop.as_deref() == Some("datemodified");
    if e.name() != "time" && !is_pub_prop {
        return;
    }
    let value = e
        .attr("datetime")
        .or_else(|| e.attr("content"))
        .map(str::to_string)
        .unwrap_or_else(|| text_of(node));
    if value.trim().is_empty() {
        return;
    }
    let words = classes::words_of(e);
    let published = is_pub_prop
        || e.attr("pubdate").is_some()
        || words
            .iter()
            .any(|w| matches!(w.as_str(), "published" | "publish" | "pubdate" | "posted" | "created"));
    let modified = is_mod_prop
        || words
            .iter()
            .any(|w| matches!(w.as_str(), "modified" | "updated" | "update" | "lastmod"));
    facts.times.push(TimeFact {
        elem: idx,
        value,
        published,
        modified,
    });
}

/// Whitespace-collapsed text of a subtree (iterative).
pub fn text_of(node: ego_tree::NodeRef<'_, Node>) -> String {
    let mut s = String::new();
    for d in node.descendants() {
        if let Node::Text(t) = d.value() {
            s.push_str(t);
        }
    }
    collapse(&s)
}

/// Collapse runs of whitespace to one space and trim.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn flush(page: &mut Page<'_>, cur: &mut String, cur_links: &mut u32, owners: &[usize]) {
    if cur.trim().is_empty() {
        cur.clear();
        *cur_links = 0;
        return;
    }
    let text = collapse(cur);
    cur.clear();
    let links = std::mem::take(cur_links);
    let owner = owners.last().copied().unwrap_or(NONE);
    let kind = match page.elems.get(owner).map(|e| e.tag) {
        Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6") => BlockKind::Heading,
        Some("li" | "dd" | "dt") => BlockKind::ListItem,
        _ => BlockKind::Paragraph,
    };
    if text.len() >= PROSE_MIN && (links as usize) * 2 < text.len() && owner != NONE {
        page.elems[owner].prose += text.len() as u32;
    }
    page.blocks.push(RawBlock {
        text,
        kind,
        owner,
        links,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_keep_kinds_and_owners() {
        let dom = Html::parse_document(
            "<html lang=en><head><title>T</title><meta property='og:title' content='OG'></head>\
             <body><h2>Sub</h2><p>One <a href=x>link</a> here.</p><ul><li>Item</li></ul>\
             <script>var x = 1;</script></body></html>",
        );
        let page = walk(&dom);
        let texts: Vec<_> = page.blocks.iter().map(|b| (b.text.as_str(), b.kind)).collect();
        assert_eq!(
            texts,
            vec![
                ("Sub", BlockKind::Heading),
                ("One link here.", BlockKind::Paragraph),
                ("Item", BlockKind::ListItem)
            ]
        );
        assert_eq!(page.blocks[1].links, 4);
        assert_eq!(page.facts.title.as_deref(), Some("T"));
        assert_eq!(page.facts.metas[0], ("og:title".to_string(), "OG"));
        assert_eq!(page.facts.lang, Some("en"));
    }

    #[test]
    fn hidden_is_chrome_and_script_text_is_not_shown() {
        let dom = Html::parse_document(
            "<body><p style='display: none'>secret</p><p hidden>also</p><p>shown</p><noscript>ns</noscript></body>",
        );
        let page = walk(&dom);
        let texts: Vec<_> = page
            .blocks
            .iter()
            .map(|b| (b.text.as_str(), page.elems[b.owner].chrome))
            .collect();
        assert_eq!(
            texts,
            vec![("secret", Some("hidden")), ("also", Some("hidden")), ("shown", None)]
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        // Built directly as a tree: html5ever's own parse of such input is
        // slow in debug builds, and the walk is what is under test here.
        let mut dom = Html::new_document();
        let div = || {
            Node::Element(Element::new(
                html5ever::QualName::new(None, html5ever::ns!(html), html5ever::local_name!("div")),
                Vec::new(),
            ))
        };
        let mut id = dom.tree.root().id();
        for _ in 0..100_000 {
            let Some(mut node) = dom.tree.get_mut(id) else { break };
            id = node.append(div()).id();
        }
        if let Some(mut node) = dom.tree.get_mut(id) {
            node.append(Node::Text(scraper::node::Text { text: "text".into() }));
        }
        let page = walk(&dom);
        assert_eq!(page.elems.len(), 100_000);
        assert_eq!(page.blocks.len(), 1);
        assert_eq!(page.blocks[0].text, "text");
    }
}
