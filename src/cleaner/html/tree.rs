//! A compact DOM built straight from html5ever's tree builder.
//!
//! The cleaner reads element names, a fixed set of attributes and the text,
//! once, in document order. A general DOM (scraper's) keeps every attribute
//! sorted by interned name, comment text and doctype strings, and allocates
//! per node; here the nodes live in one arena (`u32` links), only the
//! attributes in [`Attr`] are kept (in one shared vector, looked up by a
//! one-byte key), and comments, doctypes and processing instructions are
//! bare nodes. The tree is otherwise exactly the one scraper builds: the
//! same html5ever options, and the same text-node merging (adjacent text
//! is joined when appended, never when nodes move), so a comment between
//! two runs of text still keeps them apart.

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName, local_name, ns};
use std::borrow::Cow;
use std::cell::{Ref, RefCell};

/// Node index in [`Dom::nodes`].
pub type NodeId = u32;
/// "No node" in a link.
pub const NIL: NodeId = u32::MAX;
/// The document node.
pub const ROOT: NodeId = 0;

/// The attributes the cleaner reads (all others are dropped while parsing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attr {
    Lang,
    XmlLang,
    Content,
    Property,
    Name,
    Itemprop,
    HttpEquiv,
    Rel,
    Href,
    Type,
    Hidden,
    AriaHidden,
    Style,
    Class,
    Id,
    Role,
    Datetime,
    Pubdate,
}

impl Attr {
    /// The key of an attribute kept in the DOM. Only plain (no namespace,
    /// no prefix) names count, as in a lookup by local name.
    fn of(name: &QualName) -> Option<Attr> {
        if name.prefix.is_some() || name.ns != ns!() {
            return None;
        }
        Some(match name.local {
            local_name!("class") => Attr::Class,
            local_name!("id") => Attr::Id,
            local_name!("style") => Attr::Style,
            local_name!("href") => Attr::Href,
            local_name!("content") => Attr::Content,
            local_name!("property") => Attr::Property,
            local_name!("name") => Attr::Name,
            local_name!("itemprop") => Attr::Itemprop,
            local_name!("role") => Attr::Role,
            local_name!("type") => Attr::Type,
            local_name!("rel") => Attr::Rel,
            local_name!("hidden") => Attr::Hidden,
            local_name!("aria-hidden") => Attr::AriaHidden,
            local_name!("datetime") => Attr::Datetime,
            local_name!("lang") => Attr::Lang,
            local_name!("xml:lang") => Attr::XmlLang,
            local_name!("http-equiv") => Attr::HttpEquiv,
            ref l if &**l == "pubdate" => Attr::Pubdate,
            _ => return None,
        })
    }
}

/// What a node is.
#[derive(Debug)]
pub enum Data {
    Document,
    Element(Element),
    /// Text. html5ever hands text over in pieces (a line at a time); the
    /// first piece is a `Text` node and the pieces that scraper would
    /// append to it follow as `TextMore` siblings, so the text is never
    /// copied while parsing. Read a text node as the `Text` plus the
    /// `TextMore` nodes right after it.
    Text(StrTendril),
    TextMore(StrTendril),
    /// A `<template>`'s contents.
    Fragment,
    /// Comment, doctype or processing instruction: kept as a node only so
    /// that it still separates text nodes.
    Other,
}

#[derive(Debug)]
pub struct Element {
    pub name: QualName,
    /// Range of this element's kept attributes in [`Dom::attrs`].
    attrs_start: u32,
    attrs_len: u32,
    /// Bit `1 << key` for each kept attribute present (most elements have
    /// none of them, so most lookups end here).
    present: u32,
}

#[derive(Debug)]
pub struct Node {
    pub parent: NodeId,
    pub prev: NodeId,
    pub next: NodeId,
    pub first: NodeId,
    pub last: NodeId,
    pub data: Data,
}

/// The parsed page.
#[derive(Debug)]
pub struct Dom {
    pub nodes: Vec<Node>,
    attrs: Vec<(Attr, StrTendril)>,
}

impl Element {
    /// The element's (local) tag name.
    pub fn name(&self) -> &str {
        &self.name.local
    }
}

impl Dom {
    fn new() -> Dom {
        let mut dom = Dom {
            nodes: Vec::new(),
            attrs: Vec::new(),
        };
        dom.orphan(Data::Document);
        dom
    }

    /// Parse a whole document, as browsers do (scripting enabled).
    pub fn parse(html: &str) -> Dom {
        html5ever::parse_document(Sink(RefCell::new(Dom::new())), Default::default()).one(html)
    }

    /// An empty document, for building trees by hand in tests.
    #[cfg(test)]
    pub fn empty() -> Dom {
        Dom::new()
    }

    /// Add a detached element (tests).
    #[cfg(test)]
    pub fn new_element(&mut self, name: &str, attrs: &[(&str, &str)]) -> NodeId {
        let attrs = attrs
            .iter()
            .map(|&(k, v)| Attribute {
                name: QualName::new(None, ns!(), k.into()),
                value: v.into(),
            })
            .collect();
        self.add_element(QualName::new(None, ns!(html), name.into()), attrs)
    }

    /// Make `child` the last child of `parent` (tests).
    #[cfg(test)]
    pub fn append_child(&mut self, parent: NodeId, child: NodeId) {
        self.append_node(parent, child);
    }

    /// Add a detached text node (tests).
    #[cfg(test)]
    pub fn new_text(&mut self, text: &str) -> NodeId {
        self.orphan(Data::Text(text.into()))
    }

    pub fn node(&self, id: NodeId) -> Option<&Node> {
        self.nodes.get(id as usize)
    }

    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match self.node(id).map(|n| &n.data) {
            Some(Data::Element(e)) => Some(e),
            _ => None,
        }
    }

    /// The value of a kept attribute of `e`.
    pub fn attr(&self, e: &Element, key: Attr) -> Option<&str> {
        if e.present & (1 << key as u32) == 0 {
            return None;
        }
        let start = e.attrs_start as usize;
        self.attrs
            .get(start..start + e.attrs_len as usize)?
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| &**v)
    }

    /// Children of `id`, in order.
    pub fn children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let first = self.node(id).map_or(NIL, |n| n.first);
        std::iter::successors(Some(first).filter(|&c| c != NIL), |&c| {
            self.node(c).map(|n| n.next).filter(|&n| n != NIL)
        })
    }

    fn orphan(&mut self, data: Data) -> NodeId {
        let id = self.nodes.len() as NodeId;
        self.nodes.push(Node {
            parent: NIL,
            prev: NIL,
            next: NIL,
            first: NIL,
            last: NIL,
            data,
        });
        id
    }

    fn add_element(&mut self, name: QualName, attrs: Vec<Attribute>) -> NodeId {
        let start = self.attrs.len();
        let mut present = 0;
        for a in attrs {
            if let Some(key) = Attr::of(&a.name) {
                present |= 1 << key as u32;
                self.attrs.push((key, a.value));
            }
        }
        let template = name.ns == ns!(html) && name.local == local_name!("template");
        let id = self.orphan(Data::Element(Element {
            name,
            attrs_start: start as u32,
            attrs_len: (self.attrs.len() - start) as u32,
            present,
        }));
        if template {
            let contents = self.orphan(Data::Fragment);
            self.append_node(id, contents);
        }
        id
    }

    fn get(&mut self, id: NodeId) -> Option<&mut Node> {
        self.nodes.get_mut(id as usize)
    }

    fn detach(&mut self, id: NodeId) {
        let Some(node) = self.get(id) else { return };
        let (parent, prev, next) = (node.parent, node.prev, node.next);
        if parent == NIL {
            return;
        }
        node.parent = NIL;
        node.prev = NIL;
        node.next = NIL;
        if let Some(p) = self.get(prev) {
            p.next = next;
        }
        if let Some(n) = self.get(next) {
            n.prev = prev;
        }
        if let Some(p) = self.get(parent) {
            if p.first == id {
                p.first = next;
            }
            if p.last == id {
                p.last = prev;
            }
        }
    }

    fn append_node(&mut self, parent: NodeId, child: NodeId) {
        if parent == child || self.node(parent).is_none_or(|p| p.last == child) {
            return;
        }
        self.detach(child);
        let Some(p) = self.get(parent) else { return };
        let last = p.last;
        p.last = child;
        if last == NIL {
            p.first = child;
        }
        if let Some(l) = self.get(last) {
            l.next = child;
        }
        if let Some(c) = self.get(child) {
            c.parent = parent;
            c.prev = last;
        }
    }

    /// Insert detached-or-not `new` right before `sibling` (which has a parent).
    fn insert_before(&mut self, sibling: NodeId, new: NodeId) {
        if sibling == new {
            return;
        }
        self.detach(new);
        let Some(s) = self.get(sibling) else { return };
        let (parent, prev) = (s.parent, s.prev);
        s.prev = new;
        if let Some(n) = self.get(new) {
            n.parent = parent;
            n.prev = prev;
            n.next = sibling;
        }
        if let Some(p) = self.get(prev) {
            p.next = new;
        }
        if let Some(p) = self.get(parent)
            && p.first == sibling
        {
            p.first = new;
        }
    }

    /// Whether `id` is a piece of text (a following piece joins it).
    fn is_text(&self, id: NodeId) -> bool {
        matches!(self.node(id).map(|n| &n.data), Some(Data::Text(_) | Data::TextMore(_)))
    }

    /// Append text to `parent`, as a piece of a text last child if any.
    fn append_text(&mut self, parent: NodeId, text: StrTendril) {
        let last = self.node(parent).map_or(NIL, |p| p.last);
        let data = if self.is_text(last) {
            Data::TextMore(text)
        } else {
            Data::Text(text)
        };
        let id = self.orphan(data);
        self.append_node(parent, id);
    }
}

/// html5ever's view of the [`Dom`] under construction.
struct Sink(RefCell<Dom>);

impl TreeSink for Sink {
    type Output = Dom;
    type Handle = NodeId;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        self.0.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn get_document(&self) -> NodeId {
        ROOT
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        // The tree builder only asks for the names of elements it made.
        // Anything else would be its bug; answer with a name that matches
        // no rule rather than panic.
        static NO_NAME: std::sync::LazyLock<QualName> =
            std::sync::LazyLock::new(|| QualName::new(None, ns!(), local_name!("")));
        Ref::map(self.0.borrow(), |dom| match dom.node(*target).map(|n| &n.data) {
            Some(Data::Element(e)) => &e.name,
            _ => &NO_NAME,
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _flags: ElementFlags) -> NodeId {
        self.0.borrow_mut().add_element(name, attrs)
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.0.borrow_mut().orphan(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.0.borrow_mut().orphan(Data::Other)
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public: StrTendril, _system: StrTendril) {
        let mut dom = self.0.borrow_mut();
        let id = dom.orphan(Data::Other);
        dom.append_node(ROOT, id);
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let mut dom = self.0.borrow_mut();
        match child {
            NodeOrText::AppendNode(id) => dom.append_node(*parent, id),
            NodeOrText::AppendText(text) => dom.append_text(*parent, text),
        }
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let mut dom = self.0.borrow_mut();
        if let NodeOrText::AppendNode(id) = new_node {
            dom.detach(id);
        }
        let Some(s) = dom.node(*sibling) else { return };
        if s.parent == NIL {
            return;
        }
        let prev = s.prev;
        match new_node {
            NodeOrText::AppendNode(id) => dom.insert_before(*sibling, id),
            NodeOrText::AppendText(text) => {
                // The tree builder never inserts before a text node, so a
                // piece joined to `prev` stays next to it.
                let data = if dom.is_text(prev) {
                    Data::TextMore(text)
                } else {
                    Data::Text(text)
                };
                let id = dom.orphan(data);
                dom.insert_before(*sibling, id);
            }
        }
    }

    fn append_based_on_parent_node(&self, element: &NodeId, prev_element: &NodeId, child: NodeOrText<NodeId>) {
        let has_parent = self.0.borrow().node(*element).is_some_and(|n| n.parent != NIL);
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.0.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut dom = self.0.borrow_mut();
        let (node, new_parent) = (*node, *new_parent);
        if node == new_parent {
            return;
        }
        let Some(from) = dom.get(node) else { return };
        let (first, last) = (from.first, from.last);
        if first == NIL {
            return;
        }
        from.first = NIL;
        from.last = NIL;
        let mut c = first;
        while let Some(child) = dom.get(c) {
            child.parent = new_parent;
            c = child.next;
        }
        let Some(p) = dom.get(new_parent) else { return };
        let old_last = p.last;
        p.last = last;
        if old_last == NIL {
            p.first = first;
        }
        if let Some(l) = dom.get(old_last) {
            l.next = first;
        }
        if let Some(f) = dom.get(first) {
            f.prev = old_last;
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut dom = self.0.borrow_mut();
        let Some((start, len)) = dom
            .element(*target)
            .map(|e| (e.attrs_start as usize, e.attrs_len as usize))
        else {
            return;
        };
        let new: Vec<(Attr, StrTendril)> = attrs
            .into_iter()
            .filter_map(|a| Attr::of(&a.name).map(|k| (k, a.value)))
            .collect();
        if new.is_empty() {
            return;
        }
        // Copy the element's attributes to the end and extend them there
        // (only `<html>` and `<body>` get here, once or twice a page).
        let mut merged: Vec<(Attr, StrTendril)> =
            dom.attrs.get(start..start + len).map(<[_]>::to_vec).unwrap_or_default();
        for (k, v) in new {
            if !merged.iter().any(|(m, _)| *m == k) {
                merged.push((k, v));
            }
        }
        let new_start = dom.attrs.len() as u32;
        let new_len = merged.len() as u32;
        let present = merged.iter().fold(0, |p, (k, _)| p | 1 << *k as u32);
        dom.attrs.extend(merged);
        if let Some(Node {
            data: Data::Element(e), ..
        }) = dom.get(*target)
        {
            e.attrs_start = new_start;
            e.attrs_len = new_len;
            e.present = present;
        }
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.0.borrow().node(*target).map_or(NIL, |n| n.first)
    }

    fn mark_script_already_started(&self, _node: &NodeId) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(dom: &Dom, id: NodeId, out: &mut Vec<String>) {
        for c in dom.children(id) {
            match dom.node(c).map(|n| &n.data) {
                Some(Data::Text(t)) => out.push(t.to_string()),
                Some(Data::TextMore(t)) => out.last_mut().unwrap().push_str(t),
                _ => texts(dom, c, out),
            }
        }
    }

    fn all_texts(html: &str) -> Vec<String> {
        let dom = Dom::parse(html);
        let mut out = Vec::new();
        texts(&dom, ROOT, &mut out);
        out
    }

    #[test]
    fn keeps_only_the_attributes_read() {
        let dom = Dom::parse("<div class='a b' data-x=1 ID=main role=main pubdate>t</div>");
        let div = (0..dom.nodes.len() as NodeId)
            .find(|&i| dom.element(i).is_some_and(|e| e.name() == "div"))
            .unwrap();
        let e = dom.element(div).unwrap();
        assert_eq!(dom.attr(e, Attr::Class), Some("a b"));
        assert_eq!(dom.attr(e, Attr::Id), Some("main"));
        assert_eq!(dom.attr(e, Attr::Role), Some("main"));
        assert_eq!(dom.attr(e, Attr::Pubdate), Some(""));
        assert_eq!(dom.attr(e, Attr::Style), None);
        assert_eq!(dom.attrs.len(), 4);
    }

    // Every variant, by name, with a tag the cleaner reads it on (the
    // match is exhaustive, so a new variant needs a line here, and the
    // count check below needs it listed).
    fn read(a: Attr) -> (&'static str, &'static [&'static str]) {
        const ANY: &[&str] = &[
            "div", "span", "time", "meta", "html", "body", "a", "p", "article", "svg",
        ];
        match a {
            Attr::Lang => ("lang", &["html"]),
            Attr::XmlLang => ("xml:lang", &["html"]),
            Attr::Content => ("content", ANY),
            Attr::Property => ("property", &["meta"]),
            Attr::Name => ("name", &["meta"]),
            Attr::Itemprop => ("itemprop", ANY),
            Attr::HttpEquiv => ("http-equiv", &["meta"]),
            Attr::Rel => ("rel", &["link"]),
            Attr::Href => ("href", &["link"]),
            Attr::Type => ("type", &["script"]),
            Attr::Hidden => ("hidden", ANY),
            Attr::AriaHidden => ("aria-hidden", ANY),
            Attr::Style => ("style", ANY),
            Attr::Class => ("class", ANY),
            Attr::Id => ("id", ANY),
            Attr::Role => ("role", ANY),
            Attr::Datetime => ("datetime", ANY),
            Attr::Pubdate => ("pubdate", ANY),
        }
    }

    #[test]
    fn the_reader_keeps_every_attribute_where_it_is_read() {
        use Attr::*;
        let all = [
            Lang, XmlLang, Content, Property, Name, Itemprop, HttpEquiv, Rel, Href, Type, Hidden, AriaHidden, Style,
            Class, Id, Role, Datetime, Pubdate,
        ];
        assert_eq!(all.len(), Pubdate as usize + 1);
        for a in all {
            let (name, tags) = read(a);
            let qual = QualName::new(None, ns!(), name.into());
            assert_eq!(Attr::of(&qual), Some(a), "{name}");
            for tag in tags {
                assert!(crate::reader::keeps(tag.as_bytes(), name.as_bytes()), "{name} on {tag}");
                assert!(crate::reader::keeps(
                    tag.to_uppercase().as_bytes(),
                    name.to_uppercase().as_bytes()
                ));
            }
        }
        assert!(!crate::reader::keeps(b"a", b"href"));
        assert!(!crate::reader::keeps(b"img", b"src"));
        assert_eq!(Attr::of(&QualName::new(None, ns!(), "src".into())), None);
    }

    #[test]
    fn text_joins_on_append_but_not_across_comments() {
        assert_eq!(all_texts("<p>one\ntwo &amp; three</p>"), ["one\ntwo & three"]);
        let dom = Dom::parse("<p>one &amp; two</p>");
        let pieces = dom.nodes.iter().filter(|n| matches!(n.data, Data::TextMore(_))).count();
        assert!(pieces > 0, "text arrives in pieces, kept uncopied");
        assert_eq!(all_texts("<p>one<!-- c -->two</p>"), ["one", "two"]);
    }

    #[test]
    fn misnested_and_foster_parented_markup_is_repaired() {
        // Adoption agency: the <b> is split around the <p>.
        assert_eq!(all_texts("<b>1<p>2</b>3</p>"), ["1", "2", "3"]);
        // Text in a table is foster-parented before it, joining the text there.
        assert_eq!(
            all_texts("<div>a<table>b<tr><td>c</td></tr></table></div>"),
            ["ab", "c"]
        );
    }

    #[test]
    fn second_body_tag_adds_missing_attributes() {
        let dom = Dom::parse("<body class=a><p>x</p><body id=b class=c>");
        let body = (0..dom.nodes.len() as NodeId)
            .find(|&i| dom.element(i).is_some_and(|e| e.name() == "body"))
            .unwrap();
        let e = dom.element(body).unwrap();
        assert_eq!(dom.attr(e, Attr::Class), Some("a"));
        assert_eq!(dom.attr(e, Attr::Id), Some("b"));
    }

    #[test]
    fn template_contents_hang_under_the_template() {
        assert_eq!(all_texts("<template><p>in</p></template><p>out</p>"), ["in", "out"]);
    }

    /// The tree as open/close/text events, from our DOM.
    fn events(dom: &Dom, id: NodeId, out: &mut Vec<String>) {
        for c in dom.children(id) {
            match &dom.nodes[c as usize].data {
                Data::Element(e) => {
                    let mut attrs: Vec<String> = dom.attrs
                        [e.attrs_start as usize..(e.attrs_start + e.attrs_len) as usize]
                        .iter()
                        .map(|(k, v)| format!("{k:?}={v}"))
                        .collect();
                    attrs.sort();
                    out.push(format!("<{} {}>", e.name(), attrs.join(" ")));
                    events(dom, c, out);
                    out.push(format!("</{}>", e.name()));
                }
                Data::Text(t) => out.push(format!("T:{}", &**t)),
                Data::TextMore(t) => out.last_mut().unwrap().push_str(t),
                Data::Fragment => events(dom, c, out),
                Data::Other => out.push("#".into()),
                Data::Document => {}
            }
        }
    }

    /// [`events`] without the content of the elements whose content the
    /// cleaner skips unread (what the reader's pre-pass may drop).
    fn events_read(dom: &Dom, id: NodeId, out: &mut Vec<String>) {
        for c in dom.children(id) {
            match &dom.nodes[c as usize].data {
                Data::Element(e) => {
                    // Attributes the reader keeps on this tag (where the
                    // cleaner reads them, see the test above).
                    let mut attrs: Vec<String> = dom.attrs
                        [e.attrs_start as usize..(e.attrs_start + e.attrs_len) as usize]
                        .iter()
                        .filter(|(k, _)| crate::reader::keeps(e.name().as_bytes(), read(*k).0.as_bytes()))
                        .map(|(k, v)| format!("{k:?}={v}"))
                        .collect();
                    attrs.sort();
                    out.push(format!("<{}:{} {}>", e.name.ns, e.name(), attrs.join(" ")));
                    let json_ld = dom
                        .attr(e, Attr::Type)
                        .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"));
                    let unread = matches!(e.name(), "style" | "noscript" | "iframe" | "textarea")
                        || (e.name() == "script" && !json_ld);
                    if !unread {
                        events_read(dom, c, out);
                    }
                    out.push(format!("</{}>", e.name()));
                }
                Data::Text(t) => out.push(format!("T:{}", &**t)),
                Data::TextMore(t) => out.last_mut().unwrap().push_str(t),
                Data::Fragment => events_read(dom, c, out),
                Data::Other => out.push("#".into()),
                Data::Document => {}
            }
        }
    }

    /// The tree the cleaner reads is the same with and without the
    /// reader's pre-pass.
    fn assert_prepass_keeps_tree(page: &str) {
        let slim = crate::reader::prepare(page).text;
        let slim = slim.as_deref().unwrap_or(page);
        let (mut before, mut after) = (Vec::new(), Vec::new());
        events_read(&Dom::parse(page), ROOT, &mut before);
        events_read(&Dom::parse(slim), ROOT, &mut after);
        assert_eq!(before, after, "page {page:?}\nslim {slim:?}");
    }

    #[test]
    fn prepass_keeps_the_tree_on_tricky_markup() {
        for page in [
            "<html><head><script>var a = '<p>x</p>';</script><style>p{}</style></head><body><p class=a data-x=1>t</p>",
            "<script><!--<script>x</script>y--></script><p>after</p>",
            "<script><!-- a </script>b<p>c",
            "<!-- <script> -->text<p class=a data-x=1>",
            "<svg><style><p>shown</p></style></svg>",
            "<svg viewBox='0 0 1 1'><title>Icon</title><path d='M0 0'/></svg><style>x</style><p>t",
            "<svg><foreignObject><div><script>x</script></div></foreignObject><style><p>y</style></svg>",
            "<math><mi>x<script>y</script></mi><![CDATA[ <p>z ]]></math><noscript><p>n</p></noscript>",
            "<svg><font color=red>out</font><style>p{}</style>",
            "<table><tr><td><style>x</style><input type=hidden data-a=b></td></tr></table>",
            "<template><col><script><p>x</p></script></template>",
            "<script type='application/ld+json'>{\"a\":\"</scrip\"}</script><p>t",
            "<a x=\"1\"y=2 class=c href=h>l</a><a hidden x=\"1\"=y>m</a><br x/>",
            "<textarea><p>x</textarea><iframe><p>y</iframe><title><b>t</b></title>",
            "<div data-x = 1 = y class=k>t</div><img alt=x />",
        ] {
            assert_prepass_keeps_tree(page);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(3000))]
        #[test]
        fn prepass_keeps_the_tree_on_token_soup(parts in proptest::collection::vec(0usize..PIECES.len(), 0..40)) {
            let page: String = parts.iter().map(|&i| PIECES[i]).collect();
            assert_prepass_keeps_tree(&page);
        }
    }

    /// Fragments that the token soup test strings together.
    const PIECES: &[&str] = &[
        "<script>",
        "</script>",
        "</SCRIPT >",
        "<script type=application/ld+json>",
        "<!--",
        "-->",
        "--!>",
        "<!-->",
        "<style>",
        "</style>",
        "<noscript>",
        "</noscript>",
        "<iframe>",
        "<textarea>",
        "</textarea>",
        "<title>",
        "</title>",
        "<svg>",
        "</svg>",
        "<svg/>",
        "<math>",
        "</math>",
        "<mi>",
        "</mi>",
        "<foreignObject>",
        "</foreignObject>",
        "<desc>",
        "<![CDATA[",
        "]]>",
        "<template>",
        "</template>",
        "<col>",
        "<table>",
        "<tr>",
        "<td>",
        "<p>",
        "</p>",
        "<div class=a data-x='1>2' src=y>",
        "<b>",
        "</b>",
        "<br/>",
        "</br>",
        "<font color=red>",
        "<font>",
        "<img src=a alt=b/>",
        "<a href=x onclick=\"f()\">",
        "<input type=hidden data-a=1>",
        "<plaintext>",
        "<frameset>",
        "<select>",
        "<option>",
        "<xmp>",
        "text",
        "a<b",
        " ",
        "\n",
        "<",
        ">",
        "=",
        "\"",
        "'",
        "/",
        "-",
        "!",
        "&amp;",
        "x=1 ",
        "<span",
        "<script",
        "</",
        "<!",
        "<?php ?>",
        "<html lang=en>",
        "<body data-q=1 class=b>",
    ];

    /// The same events from scraper's DOM, keeping only our attributes.
    fn scraper_events(node: ego_tree::NodeRef<'_, scraper::Node>, out: &mut Vec<String>) {
        for c in node.children() {
            match c.value() {
                scraper::Node::Element(e) => {
                    let mut attrs: Vec<String> = e
                        .attrs
                        .iter()
                        .filter_map(|(k, v)| Attr::of(k).map(|k| format!("{k:?}={v}")))
                        .collect();
                    attrs.sort();
                    out.push(format!("<{} {}>", e.name(), attrs.join(" ")));
                    scraper_events(c, out);
                    out.push(format!("</{}>", e.name()));
                }
                scraper::Node::Text(t) => out.push(format!("T:{}", &**t)),
                scraper::Node::Fragment => scraper_events(c, out),
                scraper::Node::Comment(_) | scraper::Node::Doctype(_) | scraper::Node::ProcessingInstruction(_) => {
                    out.push("#".into())
                }
                scraper::Node::Document => {}
            }
        }
    }

    #[test]
    fn same_tree_as_scraper_on_broken_markup() {
        let pages = [
            "<!doctype html><html lang=en><head><title>T</title><meta name=x content=y></head><body class=b><p>a<!--c-->b</p></body></html>",
            "<b>1<p>2</b>3</p><i>4<div>5</i>6</div>",
            "<a href=x>1<a href=y>2</a>3",
            "<table>x<tr>y<td>z</td>w</tr><caption>c</caption></table>after",
            "<div>a<table><tr><td>b</td></tr>c</table>d</div>",
            "<p>one<p>two<li>three<li>four<dd>five<dt>six",
            "<template><p>in</p><td>cell</td></template>text",
            "<svg><title>t</title><foreignObject><p>fo</p></foreignObject><style>s</style></svg>x",
            "<math><mi>x</mi><annotation-xml encoding='text/html'><p>y</p></annotation-xml></math>",
            "<select><option>1<option>2</select><textarea><b>raw</b></textarea>",
            "<html id=a><body id=b><html class=c lang=fr><body role=main hidden>x",
            "<frameset><frame></frameset>",
            "<noscript><p>ns</p></noscript><script>if (a<b) {}</script><style>p{}</style>",
            "text before<html><head>head text<body>body text",
            "<ul><li>a<ul><li>b</ul><li>c</ul><h1>x<h2>y</h1>z</h2>",
            "<form><form><input type=hidden></form></form><button><button>b</button>",
            "<p><b><i><u>deep</p>rest</u></i></b> and<b>x<b>y<b>z<b>w</b>",
            "<table><tr><td><table><tr><td>in</td></tr></table>tail</td></tr></table>",
            "\u{0}nul<\u{0}p>&amp;&lt;&#x41;&notanentity;&copy",
        ];
        for page in pages {
            let mut ours = Vec::new();
            events(&Dom::parse(page), ROOT, &mut ours);
            let mut theirs = Vec::new();
            scraper_events(scraper::Html::parse_document(page).tree.root(), &mut theirs);
            assert_eq!(ours, theirs, "{page}");
        }
    }
}
