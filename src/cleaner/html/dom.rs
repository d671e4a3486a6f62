//! One iterative pass over the parsed DOM. It yields the text blocks with the
//! element that owns each, an arena of the visited elements with subtree text
//! counts (for container scoring), and the raw metadata facts (meta tags,
//! `<title>`, JSON-LD, `<time>`, `<h1>`), so the page is walked only once.
//!
//! The walk follows the tree's links (open, children, close), never
//! recursion: HTML nested 100,000 levels deep must not overflow the stack.

use super::classes::{self, ClassVerdict};
use super::tree::{Attr, Data, Dom, Element, NIL, Node, NodeId, ROOT};
use crate::cleaner::BlockKind;
use rustc_hash::FxHashMap;

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
    pub node: NodeId,
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
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "svg"
            | "iframe"
            | "template"
            | "select"
            | "button"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "map"
            | "math"
            | "option"
            | "datalist"
            | "input"
            | "textarea"
    )
}

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

fn is_hidden(dom: &Dom, e: &Element, scratch: &mut Vec<u8>) -> bool {
    if dom.attr(e, Attr::Hidden).is_some() {
        return true;
    }
    if dom.attr(e, Attr::AriaHidden) == Some("true") && e.name() != "body" && e.name() != "html" {
        return true;
    }
    dom.attr(e, Attr::Style).is_some_and(|s| {
        // Lower-cased with all whitespace removed, in a reused buffer.
        scratch.clear();
        if s.is_ascii() {
            scratch.extend(
                s.bytes()
                    .filter(|&b| !is_ascii_space(b))
                    .map(|b| b.to_ascii_lowercase()),
            );
        } else {
            let mut buf = [0u8; 4];
            for c in s.chars().filter(|c| !c.is_whitespace()) {
                scratch.extend_from_slice(c.to_ascii_lowercase().encode_utf8(&mut buf).as_bytes());
            }
        }
        memchr::memmem::find(scratch, b"display:none").is_some()
            || memchr::memmem::find(scratch, b"visibility:hidden").is_some()
    })
}

/// Minimum block length (bytes) to count as prose.
pub const PROSE_MIN: usize = 25;

/// Where the walk goes after leaving `node` (its subtree done).
fn after(dom: &Dom, node: NodeId) -> Option<(NodeId, bool)> {
    if node == ROOT {
        return None;
    }
    let n = dom.node(node)?;
    if n.next != NIL {
        Some((n.next, true))
    } else if n.parent != NIL {
        Some((n.parent, false))
    } else {
        None
    }
}

/// Walk the DOM once, in document order, without recursion: each node is
/// opened, then its children are walked, then it is closed.
pub fn walk(dom: &Dom) -> Page<'_> {
    let mut page = Page {
        elems: Vec::new(),
        blocks: Vec::new(),
        facts: Facts::default(),
    };
    // Arena indices of open elements, and of open block-level elements.
    let mut open: Vec<usize> = Vec::new();
    let mut owners: Vec<usize> = Vec::new();
    let mut link_depth = 0usize;
    let mut cur = Pending::default();
    let mut cur_links = 0u32;
    let mut scratch = Vec::new();
    let mut scratch_text = String::new();
    let mut judged: FxHashMap<&str, ClassVerdict> = FxHashMap::default();

    // (node, opening?) of the next step.
    let mut step = Some((ROOT, true));
    while let Some((id, opening)) = step {
        let Some(node) = dom.node(id) else { break };
        if !opening {
            step = after(dom, id);
            let Data::Element(e) = &node.data else {
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
            continue;
        }
        // Opening: descend unless the subtree is skipped (then its close
        // is skipped too).
        step = if node.first != NIL {
            Some((node.first, true))
        } else {
            Some((id, false))
        };
        let skip = after(dom, id);
        match &node.data {
            Data::Element(e) => {
                let name = e.name();
                if name == "html" {
                    page.facts.lang = dom.attr(e, Attr::Lang).or_else(|| dom.attr(e, Attr::XmlLang));
                }
                match name {
                    "meta" => {
                        meta_fact(dom, e, &mut page.facts);
                        continue;
                    }
                    "link" => {
                        if page.facts.canonical.is_none()
                            && dom
                                .attr(e, Attr::Rel)
                                .is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
                        {
                            page.facts.canonical = dom.attr(e, Attr::Href);
                        }
                        continue;
                    }
                    "title" if page.facts.title.is_none() => {
                        page.facts.title = Some(child_text(dom, id));
                        step = skip;
                        continue;
                    }
                    "script"
                        if dom
                            .attr(e, Attr::Type)
                            .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json")) =>
                    {
                        page.facts.json_ld.push(child_text(dom, id));
                        step = skip;
                        continue;
                    }
                    _ => {}
                }
                // <head> is skipped for text, but its <meta>/<title>
                // are read above; `open` must still see it, so only
                // skip content-less subtrees here.
                if is_skipped(name) {
                    step = skip;
                    continue;
                }
                let block = is_block_tag(name);
                if block {
                    flush(&mut page, &mut cur, &mut cur_links, &owners);
                }
                let idx = page.elems.len();
                let class = dom.attr(e, Attr::Class);
                let elem_id = dom.attr(e, Attr::Id);
                let role = dom.attr(e, Attr::Role);
                let verdict = match (role, class, elem_id) {
                    // Pages repeat class lists (menu items, cards): judge each once.
                    (None, Some(class), None) => *judged
                        .entry(class)
                        .or_insert_with(|| classes::judge(None, Some(class), None)),
                    _ => classes::judge(role, class, elem_id),
                };
                let mut weight = verdict.weight();
                let itemprop = dom.attr(e, Attr::Itemprop);
                if itemprop.is_some_and(|p| p.eq_ignore_ascii_case("articleBody")) {
                    weight += 50.0;
                }
                if name == "article" || name == "main" {
                    weight += 10.0;
                }
                // Hidden subtrees are chrome, not skipped: some pages
                // hide content that scripts reveal (streamed HTML).
                let chrome = if is_hidden(dom, e, &mut scratch) {
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
                    node: id,
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
                time_fact(dom, e, id, itemprop, idx, &mut page.facts);
            }
            Data::Text(t) => {
                if open.is_empty() {
                    continue;
                }
                // Text directly in <head> (rare, broken pages) is not shown.
                let n = if node.next != NIL && matches!(dom.node(node.next).map(|n| &n.data), Some(Data::TextMore(_))) {
                    // A text node in pieces: measure it whole.
                    scratch_text.clear();
                    scratch_text.push_str(t);
                    let mut next = node.next;
                    while let Some(Node {
                        data: Data::TextMore(more),
                        next: after,
                        ..
                    }) = dom.node(next)
                    {
                        scratch_text.push_str(more);
                        next = *after;
                    }
                    cur.push(&scratch_text)
                } else {
                    cur.push(t)
                } as u32;
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
    flush(&mut page, &mut cur, &mut cur_links, &owners);
    page
}

/// The text of a node's direct text children (for `<title>`, `<script>`).
fn child_text(dom: &Dom, id: NodeId) -> String {
    let mut s = String::new();
    for child in dom.children(id) {
        if let Some(Data::Text(t) | Data::TextMore(t)) = dom.node(child).map(|n| &n.data) {
            s.push_str(t);
        }
    }
    s
}

fn meta_fact<'a>(dom: &'a Dom, e: &Element, facts: &mut Facts<'a>) {
    let Some(content) = dom.attr(e, Attr::Content) else {
        return;
    };
    for key in [Attr::Property, Attr::Name, Attr::Itemprop, Attr::HttpEquiv] {
        if let Some(k) = dom.attr(e, key) {
            facts.metas.push((k.trim().to_ascii_lowercase(), content));
        }
    }
}

fn time_fact(dom: &Dom, e: &Element, id: NodeId, itemprop: Option<&str>, idx: usize, facts: &mut Facts<'_>) {
    let is_pub_prop =
        itemprop.is_some_and(|p| p.eq_ignore_ascii_case("datepublished") || p.eq_ignore_ascii_case("datecreated"));
    let is_mod_prop = itemprop.is_some_and(|p| p.eq_ignore_ascii_case("datemodified"));
    if e.name() != "time" && !is_pub_prop {
        return;
    }
    let value = dom
        .attr(e, Attr::Datetime)
        .or_else(|| dom.attr(e, Attr::Content))
        .map(str::to_string)
        .unwrap_or_else(|| text_of(dom, id));
    if value.trim().is_empty() {
        return;
    }
    let words = classes::words_of(dom.attr(e, Attr::Class), dom.attr(e, Attr::Id));
    let published = is_pub_prop
        || dom.attr(e, Attr::Pubdate).is_some()
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
pub fn text_of(dom: &Dom, id: NodeId) -> String {
    let mut s = String::new();
    let mut step = Some((id, true));
    while let Some((n, opening)) = step {
        let Some(node) = dom.node(n) else { break };
        if opening {
            if let Data::Text(t) | Data::TextMore(t) = &node.data {
                s.push_str(t);
            }
            if node.first != NIL {
                step = Some((node.first, true));
                continue;
            }
        }
        step = if n == id {
            None
        } else if node.next != NIL {
            Some((node.next, true))
        } else {
            Some((node.parent, false))
        };
    }
    collapse(&s)
}

/// Collapse runs of whitespace to one space and trim.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // `split_whitespace` joined by spaces, with ASCII bytes tested as bytes
    // (only a non-ASCII byte starts a char decode), copying runs of words
    // already separated by one space at once.
    let bytes = s.as_bytes();
    let space_at = |i: usize| -> Option<usize> {
        let b = *bytes.get(i)?;
        if b < 0x80 {
            return is_ascii_space(b).then_some(1);
        }
        let c = s.get(i..)?.chars().next()?;
        c.is_whitespace().then_some(c.len_utf8())
    };
    // Start of the words not yet copied.
    let mut copy_from = None;
    let mut i = 0;
    while i < bytes.len() {
        let Some(width) = space_at(i) else {
            if copy_from.is_none() {
                if !out.is_empty() {
                    out.push(' ');
                }
                copy_from = Some(i);
            }
            // The rest of the word's ASCII bytes at once.
            i += 1;
            while bytes.get(i).is_some_and(|&b| b < 0x80 && !is_ascii_space(b)) {
                i += 1;
            }
            continue;
        };
        let run_start = i;
        i += width;
        while let Some(width) = space_at(i) {
            i += width;
        }
        let single_space = i == run_start + 1 && bytes[run_start] == b' ' && i < bytes.len();
        if let Some(start) = copy_from
            && !single_space
        {
            out.push_str(s.get(start..run_start).unwrap_or_default());
            copy_from = None;
        }
    }
    if let Some(start) = copy_from {
        out.push_str(s.get(start..).unwrap_or_default());
    }
    out
}

/// `str::trim_start`, stepping over ASCII whitespace as bytes.
fn trim_start(t: &str) -> &str {
    let n = t.bytes().take_while(|&b| is_ascii_space(b)).count();
    let rest = t.get(n..).unwrap_or_default();
    if rest.as_bytes().first().is_some_and(|&b| b >= 0x80) {
        rest.trim_start()
    } else {
        rest
    }
}

/// `str::trim_end`, stepping over ASCII whitespace as bytes.
fn trim_end(t: &str) -> &str {
    let n = t.bytes().rev().take_while(|&b| is_ascii_space(b)).count();
    let rest = t.get(..t.len() - n).unwrap_or_default();
    if rest.as_bytes().last().is_some_and(|&b| b >= 0x80) {
        rest.trim_end()
    } else {
        rest
    }
}

/// `char::is_whitespace` for an ASCII byte (tab, LF, VT, FF, CR, space).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// The raw text of the block being built, to be collapsed by [`flush`].
/// Whitespace at either end of a text node is kept as one space (and a
/// node of only whitespace as one space): collapsing gives the same text,
/// and the indentation between tags, often most of a page's text bytes,
/// is not copied and scanned again.
#[derive(Default)]
struct Pending {
    text: String,
    /// Some node had non-whitespace text.
    words: bool,
}

impl Pending {
    /// Add a text node; returns its trimmed length in bytes.
    fn push(&mut self, t: &str) -> usize {
        let start = trim_start(t);
        let trimmed = trim_end(start);
        if t.len() != start.len() {
            self.text.push(' ');
        }
        if !trimmed.is_empty() {
            self.words = true;
            self.text.push_str(trimmed);
            if trimmed.len() != start.len() {
                self.text.push(' ');
            }
        }
        trimmed.len()
    }
}

fn flush(page: &mut Page<'_>, cur: &mut Pending, cur_links: &mut u32, owners: &[usize]) {
    if !std::mem::take(&mut cur.words) {
        cur.text.clear();
        *cur_links = 0;
        return;
    }
    let text = collapse(&cur.text);
    cur.text.clear();
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
    fn byte_level_whitespace_matches_std() {
        for s in [
            "",
            " ",
            "a",
            "  a \t b\n\nc  ",
            "\u{a0}x\u{a0}",
            "caf\u{e9} \u{3000}na\u{ef}ve\u{85}",
            "\u{b}vt\u{c}ff\r",
            "\u{2009}thin\u{202f}\u{2028}",
            "\u{e9}\u{e9} \u{201c}q\u{201d}",
            " \u{a0} \u{a0} ",
            "a b  c d\te f ",
            " a b\u{a0}c \u{e9} \u{e9}\u{3000}",
            "one two three",
        ] {
            let std: Vec<&str> = s.split_whitespace().collect();
            assert_eq!(collapse(s), std.join(" "), "{s:?}");
            assert_eq!(trim_start(s), s.trim_start(), "{s:?}");
            assert_eq!(trim_end(s), s.trim_end(), "{s:?}");
        }
        assert_ne!(collapse("a\u{a0}b"), "a\u{a0}b");
    }

    #[test]
    fn blocks_keep_kinds_and_owners() {
        let dom = Dom::parse(
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
        let dom = Dom::parse(
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
    fn pending_text_collapses_like_the_raw_text() {
        let parts = [
            &["a", "b"][..],
            &["a ", "b"],
            &["a", " b"],
            &["a", " ", "", "b"],
            &["", "  x\u{a0}\u{a0}y \n", "z"],
            &["  ", "w", "\u{3000}"],
            &["\t"],
            &[],
        ];
        for parts in parts {
            let mut p = Pending::default();
            let lens: Vec<usize> = parts.iter().map(|t| p.push(t)).collect();
            let raw = parts.concat();
            assert_eq!(collapse(&p.text), collapse(&raw), "{parts:?}");
            assert_eq!(p.words, !raw.trim().is_empty(), "{parts:?}");
            let want: Vec<usize> = parts.iter().map(|t| t.trim().len()).collect();
            assert_eq!(lens, want);
        }
    }

    #[test]
    fn hidden_styles_ignore_case_and_spaces() {
        let dom = Dom::parse(
            "<p style='DISPLAY : None'>a</p><p style='visibility:\u{a0}hidden;color:\u{e9}'>b</p><p style='display:block'>c</p>",
        );
        let page = walk(&dom);
        let hidden: Vec<_> = page
            .blocks
            .iter()
            .map(|b| page.elems[b.owner].chrome == Some("hidden"))
            .collect();
        assert_eq!(hidden, [true, true, false]);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        // Built directly as a tree: html5ever's own parse of such input is
        // slow in debug builds, and the walk is what is under test here.
        let mut dom = Dom::empty();
        let mut id = ROOT;
        for _ in 0..100_000 {
            let div = dom.new_element("div", &[]);
            dom.append_child(id, div);
            id = div;
        }
        let text = dom.new_text("text");
        dom.append_child(id, text);
        let page = walk(&dom);
        assert_eq!(page.elems.len(), 100_000);
        assert_eq!(page.blocks.len(), 1);
        assert_eq!(page.blocks[0].text, "text");
    }
}
