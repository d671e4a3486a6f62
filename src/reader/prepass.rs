//! One pass over an HTML page before it is parsed: it drops what html5ever
//! would spend most of its time on but no later stage reads, and guards
//! against pathologically nested HTML.
//!
//! - **Unread content.** The bodies of `<script>` (except JSON-LD), `<style>`,
//!   `<noscript>`, `<iframe>` and `<textarea>` are raw text the cleaner skips
//!   with the element; they are emptied (the elements stay). Attributes that
//!   neither the cleaner nor the tree builder reads ([`keeps`])
//!   (`src`, `srcset`, `data-*`, SVG path data, …) are dropped from start
//!   tags. Together they are half the bytes of a typical news page, and
//!   html5ever copies every attribute character by character.
//! - **Depth.** html5ever checks "is X in scope" by scanning the stack of open
//!   elements for many start tags, so a page nested N levels deep costs
//!   O(N²): 100,000 nested `<div>`s take minutes. Browsers cap the tree
//!   depth for the same reason (Blink at 512). Tags that would open deeper
//!   than [`MAX_DEPTH`] are dropped (their text is kept), together with their
//!   end tags.
//!
//! The parsed tree must stay the one the cleaner would see without the pass,
//! so the scan follows the HTML tokenizer where it matters: comments, bogus
//! comments, attribute syntax (quotes, a `/` before `>`), the end of raw
//! text (`</script` only before whitespace, `/` or `>`, and not inside the
//! script-data escapes `<!--<script>…</script>-->`). Inside SVG/MathML no
//! element is raw text, CDATA sections exist, and some start tags (`<p>`,
//! `<div>`, …) break out into HTML: the scan tracks that. Where it cannot be
//! sure of the tokenizer's state (`<frameset>`, markup inside an SVG
//! `<title>`/`<foreignObject>` or MathML text element, `<col>` inside a
//! `<template>`) it stops editing and copies the rest as is.

/// Deepest element nesting kept. Real article pages stay far below this.
pub const MAX_DEPTH: usize = 1000;

/// Whether the attribute `attr` of a `tag` start tag is kept (ASCII case
/// ignored): if the HTML cleaner reads it on that tag (its DOM keeps a fixed
/// set of attributes; a test there checks they are kept where read), or
/// html5ever's tree builder does (`charset`, `shadowrootmode`, `type` on
/// `<input>`; `<font>` keeps all, as `color`, `face` and `size` decide
/// whether it breaks out of SVG, and so does `<annotation-xml>`).
pub fn keeps(tag: &[u8], attr: &[u8]) -> bool {
    // Every kept name is at most 14 bytes: lower-case into a stack buffer
    // and match once.
    let mut buf = [0u8; 14];
    let on = |t: &str| tag.eq_ignore_ascii_case(t.as_bytes());
    let Some(lower) = buf.get_mut(..attr.len()) else {
        return on("font") || on("annotation-xml");
    };
    lower.copy_from_slice(attr);
    lower.make_ascii_lowercase();
    match &*lower {
        b"class" | b"id" | b"style" | b"role" | b"hidden" | b"aria-hidden" | b"itemprop" | b"content" | b"datetime"
        | b"pubdate" => true,
        b"lang" | b"xml:lang" => on("html"),
        b"href" | b"rel" => on("link"),
        b"type" => on("script") || on("input"),
        b"name" | b"property" | b"http-equiv" | b"charset" => on("meta"),
        b"shadowrootmode" => on("template"),
        _ => on("font") || on("annotation-xml"),
    }
}

/// What the pass did to a page.
#[derive(Debug, PartialEq, Eq)]
pub struct Prepared {
    /// The edited page, or `None` if nothing was changed.
    pub text: Option<String>,
    /// Tags dropped because they nested deeper than [`MAX_DEPTH`].
    pub too_deep: usize,
}

/// How the depth guard treats a tag by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Has content and an end tag: counts for depth.
    Nesting,
    /// Never has content (void elements), its end tag may be omitted (the
    /// parser closes it implicitly, so counting it would overestimate depth
    /// on old pages), or its content is raw text: does not count.
    Flat,
}

/// The depth kind of the (ASCII, any case) tag `name`.
fn kind(name: &[u8]) -> Kind {
    // Every listed name is at most 9 bytes: lower-case into a stack buffer
    // and match once instead of comparing against each list entry.
    let mut buf = [0u8; 9];
    let Some(lower) = buf.get_mut(..name.len()) else {
        return Kind::Nesting;
    };
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    match &*lower {
        // Void elements.
        b"area" | b"base" | b"br" | b"col" | b"embed" | b"hr" | b"img" | b"input" | b"link" | b"meta" | b"param"
        | b"source" | b"track" | b"wbr" | b"keygen" | b"frame" | b"basefont" | b"bgsound"
        // Optional end tags.
        | b"p" | b"li" | b"dt" | b"dd" | b"option" | b"optgroup" | b"tr" | b"td" | b"th" | b"thead" | b"tbody"
        | b"tfoot" | b"colgroup" | b"caption" | b"rb" | b"rt" | b"rp" | b"rtc" | b"html" | b"head" | b"body"
        // Raw text.
        | b"script" | b"style" | b"textarea" | b"title" | b"xmp" | b"plaintext" | b"noembed" => Kind::Flat,
        _ => Kind::Nesting,
    }
}

/// How the tokenizer reads the content of an HTML (not SVG/MathML) element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Content {
    /// Ordinary markup.
    Markup,
    /// Script data (with its `<!--` escapes).
    Script,
    /// Raw text or RCDATA: text up to the matching end tag.
    Raw,
    /// `<plaintext>`: everything to the end of the page.
    Plaintext,
}

/// How `name` (a start tag in HTML content, ASCII any case) makes the
/// tokenizer read what follows, and whether that content can be dropped
/// (the cleaner skips the element with its content).
fn content(name: &[u8]) -> (Content, bool) {
    let is = |s: &str| name.eq_ignore_ascii_case(s.as_bytes());
    if is("script") {
        (Content::Script, true)
    } else if is("style") || is("noscript") || is("iframe") || is("textarea") {
        // `<noscript>` is raw text because html5ever parses with scripting on.
        (Content::Raw, true)
    } else if is("title") || is("xmp") || is("noembed") || is("noframes") {
        (Content::Raw, false)
    } else if is("plaintext") {
        (Content::Plaintext, false)
    } else {
        (Content::Markup, false)
    }
}

/// Start tags that close open SVG/MathML elements (the HTML standard's list
/// for foreign content; `<font>` only with `color`, `face` or `size`).
fn breaks_out(name: &[u8]) -> bool {
    const NAMES: &[&str] = &[
        "b",
        "big",
        "blockquote",
        "body",
        "br",
        "center",
        "code",
        "dd",
        "div",
        "dl",
        "dt",
        "em",
        "embed",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "hr",
        "i",
        "img",
        "li",
        "listing",
        "menu",
        "meta",
        "nobr",
        "ol",
        "p",
        "pre",
        "ruby",
        "s",
        "small",
        "span",
        "strong",
        "strike",
        "sub",
        "sup",
        "table",
        "tt",
        "u",
        "ul",
        "var",
    ];
    NAMES.iter().any(|n| name.eq_ignore_ascii_case(n.as_bytes()))
}

/// SVG and MathML elements whose content is parsed as HTML.
fn integration_point(name: &[u8]) -> bool {
    [
        "foreignobject",
        "desc",
        "title",
        "mi",
        "mo",
        "mn",
        "ms",
        "mtext",
        "annotation-xml",
    ]
    .iter()
    .any(|n| name.eq_ignore_ascii_case(n.as_bytes()))
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// One attribute of a scanned tag.
#[derive(Debug, Clone)]
struct Attribute {
    name: std::ops::Range<usize>,
    /// The value without quotes, if any.
    value: Option<std::ops::Range<usize>>,
    /// Just past the attribute (its value's closing quote included).
    end: usize,
}

/// A start or end tag, scanned as the tokenizer reads it.
#[derive(Debug, Default)]
struct Tag {
    name: std::ops::Range<usize>,
    /// Just past the closing `>`.
    end: usize,
    self_closing: bool,
    /// Whether a `>` ended it (a tag cut off by the end of the page is
    /// dropped by the tokenizer).
    complete: bool,
}

/// Scan the tag whose name starts at `start`, filling `attrs`.
fn scan_tag(bytes: &[u8], start: usize, attrs: &mut Vec<Attribute>) -> Tag {
    #[derive(Clone, Copy)]
    enum State {
        BeforeName,
        Name,
        AfterName,
        BeforeValue,
        Unquoted,
        AfterQuoted,
        SelfClosing,
    }
    attrs.clear();
    let len = bytes.len();
    let mut i = start;
    while i < len && !is_space(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
        i += 1;
    }
    let mut tag = Tag {
        name: start..i,
        ..Tag::default()
    };
    let mut state = State::BeforeName;
    while let Some(&b) = bytes.get(i) {
        match state {
            State::BeforeName => match b {
                _ if is_space(b) => i += 1,
                b'/' => {
                    state = State::SelfClosing;
                    i += 1;
                }
                b'>' => break,
                _ => {
                    // Any other byte (even `=` or a quote) starts a name.
                    attrs.push(Attribute {
                        name: i..i + 1,
                        value: None,
                        end: i + 1,
                    });
                    state = State::Name;
                    i += 1;
                }
            },
            State::Name => match b {
                _ if is_space(b) => state = State::AfterName,
                b'/' => {
                    state = State::SelfClosing;
                    i += 1;
                }
                b'>' => break,
                b'=' => {
                    state = State::BeforeValue;
                    i += 1;
                    if let Some(a) = attrs.last_mut() {
                        a.end = i;
                    }
                }
                _ => {
                    i += 1;
                    if let Some(a) = attrs.last_mut() {
                        a.name.end = i;
                        a.end = i;
                    }
                }
            },
            State::AfterName => match b {
                _ if is_space(b) => i += 1,
                b'/' => {
                    state = State::SelfClosing;
                    i += 1;
                }
                b'=' => {
                    state = State::BeforeValue;
                    i += 1;
                    if let Some(a) = attrs.last_mut() {
                        a.end = i;
                    }
                }
                b'>' => break,
                _ => state = State::BeforeName,
            },
            State::BeforeValue => match b {
                _ if is_space(b) => {
                    i += 1;
                    if let Some(a) = attrs.last_mut() {
                        a.end = i;
                    }
                }
                b'"' | b'\'' => {
                    let Some(close) = memchr::memchr(b, &bytes[i + 1..]) else {
                        return Tag { end: len, ..tag };
                    };
                    let value_end = i + 1 + close;
                    if let Some(a) = attrs.last_mut() {
                        a.value = Some(i + 1..value_end);
                        a.end = value_end + 1;
                    }
                    i = value_end + 1;
                    state = State::AfterQuoted;
                }
                b'>' => break,
                _ => state = State::Unquoted,
            },
            State::Unquoted => {
                let value_start = i;
                while i < len && !is_space(bytes[i]) && bytes[i] != b'>' {
                    i += 1;
                }
                if let Some(a) = attrs.last_mut() {
                    a.value = Some(value_start..i);
                    a.end = i;
                }
                state = State::BeforeName;
            }
            State::AfterQuoted => match b {
                _ if is_space(b) => {
                    state = State::BeforeName;
                    i += 1;
                }
                b'/' => {
                    state = State::SelfClosing;
                    i += 1;
                }
                b'>' => break,
                _ => state = State::BeforeName,
            },
            State::SelfClosing => {
                if b == b'>' {
                    tag.self_closing = true;
                    break;
                }
                state = State::BeforeName;
            }
        }
    }
    if i < len {
        tag.end = i + 1;
        tag.complete = true;
    } else {
        tag.end = len;
    }
    tag
}

/// First `needle` at or after `from` (SIMD search: pages carry long
/// scripts and comments that are scanned for their end).
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|i| i + from)
}

/// Just past the comment opened by the `<!--` at `lt`: the first `-->`
/// (which may overlap the opening, as in `<!-->`) or `--!>`.
fn comment_end(bytes: &[u8], lt: usize) -> usize {
    let dash = find(bytes, lt + 2, b"-->").map_or(bytes.len(), |i| i + 3);
    // A `--!>` counts only before the first `-->`: search no further.
    let before = bytes.get(..dash).unwrap_or(bytes);
    find(before, lt + 4, b"--!>").map_or(dash, |i| i + 4)
}

/// If an end tag for `name` starts at `lt` (`</name` then whitespace, `/`
/// or `>`; ASCII case ignored), as the tokenizer recognises the end of raw
/// text.
fn is_end_tag(bytes: &[u8], lt: usize, name: &[u8]) -> bool {
    let Some(rest) = bytes.get(lt + 2..) else {
        return false;
    };
    bytes[lt + 1] == b'/'
        && rest.len() > name.len()
        && rest[..name.len()].eq_ignore_ascii_case(name)
        && matches!(rest[name.len()], b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>')
}

/// Where the raw text or RCDATA content of a `name` element starting at
/// `from` ends: the `<` of its end tag, or the end of the page.
fn raw_end(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(at) = find(bytes, i, b"</") {
        if is_end_tag(bytes, at, name) {
            return at;
        }
        i = at + 2;
    }
    bytes.len()
}

/// Where script data starting at `from` ends: the `<` of its `</script`
/// end tag, or the end of the page. Follows the tokenizer's script-data
/// states: after `<!--` the text is "escaped", and inside an escape a
/// `<script` opens a "double escape" in which `</script` does not end the
/// script (only `-->` leaves the escape).
fn script_end(bytes: &[u8], from: usize) -> usize {
    #[derive(Clone, Copy, PartialEq)]
    enum Escape {
        None,
        Escaped,
        Double,
    }
    let script = b"script";
    let mut escape = Escape::None;
    // Dashes just before the current position (0, 1 or "2 or more") in
    // the escaped states, where `-->` ends the escape.
    let mut i = from;
    let len = bytes.len();
    while i < len {
        // Only `<` and (when escaped) `-` change anything.
        let next = match escape {
            Escape::None => memchr::memchr(b'<', &bytes[i..]),
            _ => memchr::memchr2(b'<', b'-', &bytes[i..]),
        };
        let Some(off) = next else { return len };
        let at = i + off;
        if bytes[at] == b'-' {
            // Escaped: `--` followed by any more dashes then `>` leaves the
            // escape (back to plain script data).
            let dashes = bytes[at..].iter().take_while(|&&b| b == b'-').count();
            i = at + dashes;
            if dashes >= 2 && bytes.get(i) == Some(&b'>') {
                escape = Escape::None;
                i += 1;
            }
            continue;
        }
        // `<`
        match escape {
            Escape::None => {
                if is_end_tag(bytes, at, script) {
                    return at;
                }
                if bytes[at + 1..].starts_with(b"!--") {
                    // Script data escape start: `<!--`; the dashes also
                    // count towards a `-->` right after (`<!-->`).
                    escape = Escape::Escaped;
                    i = at + 2;
                    continue;
                }
                i = at + 1;
            }
            Escape::Escaped => {
                if is_end_tag(bytes, at, script) {
                    return at;
                }
                if let Some(rest) = bytes.get(at + 1..at + 1 + script.len())
                    && rest.eq_ignore_ascii_case(script)
                    && bytes
                        .get(at + 1 + script.len())
                        .is_some_and(|&b| is_space(b) || b == b'/' || b == b'>')
                {
                    escape = Escape::Double;
                    i = at + 1 + script.len();
                    continue;
                }
                i = at + 1;
            }
            Escape::Double => {
                if is_end_tag(bytes, at, script) {
                    escape = Escape::Escaped;
                    i = at + 2 + script.len();
                    continue;
                }
                i = at + 1;
            }
        }
    }
    len
}

/// Whether a `<script>` with these attributes holds JSON-LD (read by the
/// cleaner). Any `type` that mentions `ld+json`, or hides it behind a
/// character reference, counts.
fn is_json_ld(bytes: &[u8], attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| {
        bytes[a.name.clone()].eq_ignore_ascii_case(b"type")
            && a.value.as_ref().is_some_and(|v| {
                let v = &bytes[v.clone()];
                v.contains(&b'&') || v.windows(7).any(|w| w.eq_ignore_ascii_case(b"ld+json"))
            })
    })
}

/// The page being rebuilt: kept bytes are copied in runs between cuts.
struct Output<'a> {
    html: &'a str,
    out: String,
    /// Everything before this index is handled (copied or cut).
    copied: usize,
}

impl Output<'_> {
    /// Drop `html[start..end]` (`start` at or after the last cut).
    fn cut(&mut self, start: usize, end: usize) {
        if start >= end {
            return;
        }
        if self.out.is_empty() {
            self.out.reserve(self.html.len());
        }
        // Cuts are at ASCII bytes, so these are char boundaries.
        self.out.push_str(self.html.get(self.copied..start).unwrap_or_default());
        self.copied = end;
    }

    fn finish(mut self) -> Option<String> {
        if self.copied == 0 {
            return None;
        }
        self.out.push_str(self.html.get(self.copied..).unwrap_or_default());
        Some(self.out)
    }
}

/// Run the pass over `html` (see the module doc).
pub fn prepare(html: &str) -> Prepared {
    let bytes = html.as_bytes();
    let len = bytes.len();
    let mut out = Output {
        html,
        out: String::new(),
        copied: 0,
    };
    let mut attrs: Vec<Attribute> = Vec::new();
    // Names (ranges of `bytes`) of the open SVG/MathML elements, innermost
    // last; empty in HTML content.
    let mut foreign: Vec<std::ops::Range<usize>> = Vec::new();
    // Open `<template>`s in HTML content.
    let mut templates = 0usize;
    // Editing stops for good where the scan cannot follow the tokenizer;
    // the depth guard goes on.
    let mut editing = true;
    let mut depth = 0usize;
    let mut excess = 0usize;
    let mut too_deep = 0usize;
    let mut pos = 0;
    while let Some(off) = memchr::memchr(b'<', bytes.get(pos..).unwrap_or_default()) {
        let lt = pos + off;
        let (closing, name_start) = match bytes.get(lt + 1) {
            Some(b'!') => {
                pos = if bytes[lt + 2..].starts_with(b"--") {
                    comment_end(bytes, lt)
                } else if !foreign.is_empty() && bytes[lt + 2..].starts_with(b"[CDATA[") {
                    find(bytes, lt + 9, b"]]>").map_or(len, |i| i + 3)
                } else {
                    // Doctype or bogus comment: up to the first `>`.
                    find(bytes, lt + 2, b">").map_or(len, |i| i + 1)
                };
                continue;
            }
            Some(b'?') => {
                pos = find(bytes, lt + 1, b">").map_or(len, |i| i + 1);
                continue;
            }
            Some(b'/') => match bytes.get(lt + 2) {
                Some(b) if b.is_ascii_alphabetic() => (true, lt + 2),
                Some(b'>') => {
                    pos = lt + 3;
                    continue;
                }
                Some(_) => {
                    pos = find(bytes, lt + 2, b">").map_or(len, |i| i + 1);
                    continue;
                }
                None => break,
            },
            Some(b) if b.is_ascii_alphabetic() => (false, lt + 1),
            // A `<` in text.
            _ => {
                pos = lt + 1;
                continue;
            }
        };
        let tag = scan_tag(bytes, name_start, &mut attrs);
        pos = tag.end;
        if !tag.complete {
            // Cut off by the end of the page: the tokenizer drops it.
            break;
        }
        let name = &bytes[tag.name.clone()];
        // The depth guard.
        if !tag.self_closing && kind(name) == Kind::Nesting {
            if closing {
                if excess > 0 {
                    excess -= 1;
                    too_deep += 1;
                    out.cut(lt, tag.end);
                    continue;
                }
                depth = depth.saturating_sub(1);
            } else if depth >= MAX_DEPTH {
                excess += 1;
                too_deep += 1;
                out.cut(lt, tag.end);
                continue;
            } else {
                depth += 1;
            }
        }
        let is = |s: &str| name.eq_ignore_ascii_case(s.as_bytes());
        if closing {
            if is("template") {
                templates = templates.saturating_sub(1);
            }
            if !foreign.is_empty() {
                if is("br") || is("p") {
                    foreign.clear();
                } else if let Some(at) = foreign
                    .iter()
                    .rposition(|n| bytes[n.clone()].eq_ignore_ascii_case(name))
                {
                    foreign.truncate(at);
                } else {
                    // Handed to the HTML rules, which may close elements
                    // around the SVG: the scan cannot follow.
                    editing = false;
                }
            }
            continue;
        }
        // A start tag in SVG/MathML content.
        if !foreign.is_empty() {
            let font_breaks = is("font")
                && attrs.iter().any(|a| {
                    let n = &bytes[a.name.clone()];
                    n.eq_ignore_ascii_case(b"color")
                        || n.eq_ignore_ascii_case(b"face")
                        || n.eq_ignore_ascii_case(b"size")
                });
            if breaks_out(name) || font_breaks {
                foreign.clear();
                // Handled below as HTML.
            } else {
                if editing {
                    drop_attributes(bytes, name, &attrs, &mut out);
                }
                if tag.self_closing {
                    continue;
                }
                foreign.push(tag.name.clone());
                if integration_point(name) {
                    // HTML inside: followed only if it is plain text up to
                    // the element's end tag.
                    match memchr::memchr(b'<', &bytes[pos..]) {
                        Some(off) if is_end_tag(bytes, pos + off, name) => pos += off,
                        Some(_) => editing = false,
                        None => pos = len,
                    }
                }
                continue;
            }
        }
        // A start tag in HTML content.
        if is("frameset") || (is("col") && templates > 0) {
            // Frameset modes ignore `<script>`, and so does a `<template>`'s
            // column group: script would not be raw text there.
            editing = false;
        }
        if editing {
            drop_attributes(bytes, name, &attrs, &mut out);
        }
        if is("template") {
            templates += 1;
        }
        if (is("svg") || is("math")) && !tag.self_closing {
            foreign.push(tag.name.clone());
            continue;
        }
        let (content, droppable) = content(name);
        let end = match content {
            Content::Markup => continue,
            Content::Script => script_end(bytes, pos),
            Content::Raw => raw_end(bytes, pos, name),
            Content::Plaintext => len,
        };
        if editing && droppable && !(content == Content::Script && is_json_ld(bytes, &attrs)) {
            out.cut(pos, end);
        }
        pos = end;
    }
    Prepared {
        text: out.finish(),
        too_deep,
    }
}

/// Cut the attributes of a start tag that nothing reads. An attribute is
/// cut from its name to its end only between whitespace before and
/// whitespace, `/` or `>` after, so the bytes around it still tokenize the
/// same way.
fn drop_attributes(bytes: &[u8], name: &[u8], attrs: &[Attribute], out: &mut Output<'_>) {
    for a in attrs {
        if keeps(name, &bytes[a.name.clone()]) {
            continue;
        }
        let before = a.name.start.checked_sub(1).and_then(|i| bytes.get(i));
        let after = bytes.get(a.end);
        if before.is_some_and(|&b| is_space(b)) && after.is_some_and(|&b| is_space(b) || b == b'/' || b == b'>') {
            out.cut(a.name.start, a.end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page after the pass.
    fn slim(html: &str) -> String {
        prepare(html).text.unwrap_or_else(|| html.to_string())
    }

    #[test]
    fn script_and_style_bodies_are_emptied_json_ld_kept() {
        assert_eq!(
            slim("<head><script>var a = 1 < 2;</script><style>p{}</style></head><p>x</p>"),
            "<head><script></script><style></style></head><p>x</p>"
        );
        let ld = "<script type=\"application/LD+JSON\">{\"headline\":\"H\"}</script>";
        assert_eq!(slim(ld), ld);
        // A character reference could spell it: kept too.
        let hidden = "<script type=\"application/ld&#43;json\">{}</script>";
        assert_eq!(slim(hidden), hidden);
        assert_eq!(slim("<noscript><img src=x></noscript>t"), "<noscript></noscript>t");
        // Title and xmp text is shown: kept.
        let shown = "<title>a <b> c</title><xmp>d <i> e</xmp>";
        assert_eq!(slim(shown), shown);
    }

    #[test]
    fn raw_text_ends_only_at_a_real_end_tag() {
        assert_eq!(slim("<script>a</SCRIPT >b"), "<script></SCRIPT >b");
        assert_eq!(slim("<script>a</scripts>b</script>c"), "<script></script>c");
        assert_eq!(slim("<style>a</style/>b"), "<style></style/>b");
        // `</script` only ends the script before whitespace, `/` or `>`.
        assert_eq!(slim("<script>x</script-y>z</script>w"), "<script></script>w");
        // Unclosed at the end of the page: all of it is script.
        assert_eq!(slim("<p>a</p><script>if (a < b) { <div>"), "<p>a</p><script>");
        assert_eq!(slim("<style>p{}</style"), "<style>");
    }

    #[test]
    fn script_escapes_hide_end_tags() {
        // Inside `<!--`, a `<script>` opens a double escape in which
        // `</script>` does not end the script; `-->` ends the escape.
        let page = "<script><!--<script>x</script>y--></script>z";
        assert_eq!(slim(page), "<script></script>z");
        // Escaped but not double escaped: `</script>` ends it.
        assert_eq!(slim("<script><!-- a </script>b"), "<script></script>b");
        // `<!-->` opens and closes the escape at once.
        assert_eq!(slim("<script><!--><script></script>b"), "<script></script>b");
        // A comment outside a script hides a `<script>` start tag.
        let commented = "<!-- <script> -->text<p class=a data-x=1>";
        assert_eq!(slim(commented), "<!-- <script> -->text<p class=a >");
        // A comment may end with `--!>`, and `<!-->` is a whole comment.
        assert_eq!(slim("<!-- a --!><p data-x=1>"), "<!-- a --!><p >");
        assert_eq!(slim("<!--><p data-x=1>"), "<!--><p >");
        assert_eq!(slim("<!--!><p data-x=1>-->"), "<!--!><p data-x=1>-->");
    }

    #[test]
    fn unread_attributes_are_dropped_safely() {
        assert_eq!(
            slim("<div class=\"a\" data-x='1>2' id=m src=x.png>t</div>"),
            "<div class=\"a\"  id=m >t</div>"
        );
        // Kept whatever the case, and only on the tags where they are read.
        assert_eq!(
            slim("<LINK REL=canonical HREF=x Title=y>"),
            "<LINK REL=canonical HREF=x >"
        );
        assert_eq!(slim("<a href=x rel=nofollow class=c>"), "<a   class=c>");
        assert_eq!(
            slim("<meta name=a content=b><div name=a content=b lang=en>"),
            "<meta name=a content=b><div  content=b >"
        );
        // A self-closing slash stays with its tag.
        assert_eq!(slim("<path d=\"M0 0\"/>"), "<path />");
        assert_eq!(slim("<img alt=x />"), "<img  />");
        // Not between whitespace and a tag boundary: left alone, so the
        // tokens around it cannot merge.
        assert_eq!(slim("<a x=\"1\"y=2 class=c>"), "<a x=\"1\"y=2 class=c>");
        assert_eq!(slim("<a/x>"), "<a/x>");
        // `<font>` keeps `color` (it decides how SVG content ends).
        assert_eq!(slim("<font color=red>"), "<font color=red>");
        // End tags are left alone; a tag cut off by the end of the page too.
        assert_eq!(slim("</div data-x=1><p data-y=2"), "</div data-x=1><p data-y=2");
    }

    #[test]
    fn svg_content_is_not_raw_text() {
        // Inside SVG, `<style>` and `<script>` are ordinary elements: their
        // content may hold tags, and a `<p>` there breaks out into HTML.
        let page = "<svg><style><p>shown</p></style></svg>";
        assert_eq!(slim(page), page);
        assert_eq!(
            slim("<svg viewBox='0 0 1 1'><script>a<b</script><path d=x/></svg><script>b</script>"),
            "<svg ><script>a<b</script><path ></svg><script></script>"
        );
        // After a break-out tag the content is HTML again.
        assert_eq!(
            slim("<svg><div>x</div><style>p{}</style>"),
            "<svg><div>x</div><style></style>"
        );
        // A self-closing `<svg/>` holds nothing.
        assert_eq!(slim("<svg/><style>p{}</style>"), "<svg/><style></style>");
        // Text in an SVG title is followed; markup there stops the edits.
        assert_eq!(
            slim("<svg><title>Icon</title></svg><img src=x>"),
            "<svg><title>Icon</title></svg><img >"
        );
        let page = "<svg><title><b>Icon</b></title></svg><img src=x>";
        assert_eq!(slim(page), page);
        // CDATA exists only in SVG/MathML.
        assert_eq!(
            slim("<math><![CDATA[ > <style> ]]></math><style>x</style>"),
            "<math><![CDATA[ > <style> ]]></math><style></style>"
        );
    }

    #[test]
    fn unsure_states_stop_the_edits() {
        let page = "<frameset><script>x</script></frameset><img src=x>";
        assert_eq!(slim(page), page);
        let page = "<template><col><script>x</script></template><img src=x>";
        assert_eq!(slim(page), page);
        let page = "<plaintext><script>x</script><img src=x>";
        assert_eq!(slim(page), page);
    }

    #[test]
    fn ordinary_nesting_is_not_cut() {
        let html = "<!DOCTYPE html><html><head><title>a <b> title</title></head>\
                    <body><div><p>One<p>Two<br><!-- <div> --></div></body></html>";
        assert_eq!(
            prepare(html),
            Prepared {
                text: None,
                too_deep: 0
            }
        );
        // Thousands of unclosed <p>/<li> are flat in the DOM, not deep.
        let html = format!("<ul>{}</ul>", "<li>item <p>text".repeat(5000));
        assert_eq!(prepare(&html).too_deep, 0);
    }

    #[test]
    fn deep_nesting_is_cut_at_the_limit_keeping_text() {
        let n = MAX_DEPTH + 500;
        let html = format!(
            "<html><body>{}deep text{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let prepared = prepare(&html);
        assert_eq!(prepared.too_deep, 1000);
        let flat = prepared.text.unwrap();
        assert_eq!(flat.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(flat.matches("</div>").count(), MAX_DEPTH);
        assert!(flat.contains("deep text"));
        assert!(flat.ends_with("</body></html>"));
    }

    #[test]
    fn tags_scan_like_the_tokenizer() {
        let mut attrs = Vec::new();
        let tag = |s: &str, attrs: &mut Vec<Attribute>| {
            let t = scan_tag(s.as_bytes(), 0, attrs);
            let names: Vec<&str> = attrs.iter().map(|a| &s[a.name.clone()]).collect();
            (t.end, t.self_closing, t.complete, names.join(","))
        };
        assert_eq!(tag("a>b", &mut attrs), (2, false, true, String::new()));
        assert_eq!(
            tag("a x='1>2' y=\"3'>\">z", &mut attrs),
            (18, false, true, "x,y".into())
        );
        // A quote inside a name is part of the name, not a value.
        assert_eq!(tag("a b\"c>d\"", &mut attrs), (6, false, true, "b\"c".into()));
        assert_eq!(tag("a x = 1 =y/>", &mut attrs), (12, true, true, "x,=y".into()));
        assert_eq!(tag("a x=1/>", &mut attrs), (7, false, true, "x".into()));
        assert_eq!(tag("a x='never closed>", &mut attrs), (18, false, false, "x".into()));
        assert_eq!(tag("a no end", &mut attrs), (8, false, false, "no,end".into()));
    }

    #[test]
    fn unterminated_constructs_do_not_panic() {
        for html in [
            "<",
            "<div",
            "<!--",
            "</",
            "<script>never closed",
            "<a href='x",
            "<\u{e9}>",
            "<!",
            "<!-",
            "<?",
            "</ ",
            "<svg><title>",
            "<script><!--",
            "<script><!--<script>",
            "<svg><![CDATA[",
            "<a =",
        ] {
            let _ = prepare(html);
        }
    }
}
