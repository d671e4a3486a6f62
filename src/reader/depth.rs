//! Guard against pathologically nested HTML.
//!
//! html5ever checks "is X in scope" by scanning the stack of open elements
//! for many start tags, so a page nested N levels deep costs O(N²): 100,000
//! nested `<div>`s take minutes. Browsers cap the tree depth for the same
//! reason (Blink at 512). Before parsing, one linear scan estimates the
//! nesting; tags that would open deeper than [`MAX_DEPTH`] are dropped (their
//! text is kept), together with their end tags.

/// Deepest element nesting kept. Real article pages stay far below this.
pub const MAX_DEPTH: usize = 1000;

/// How the scan treats a tag by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Has content and an end tag: counts for depth.
    Nesting,
    /// Never has content (void elements), or its end tag may be omitted
    /// (the parser closes it implicitly, so counting it would overestimate
    /// depth on old pages): does not count.
    Flat,
    /// Content is raw text: tags inside do not count.
    RawText,
}

/// The kind of the (ASCII, any case) tag `name`.
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
        | b"source" | b"track" | b"wbr" | b"keygen" | b"frame" | b"basefont" | b"bgsound" => Kind::Flat,
        // Optional end tags.
        b"p" | b"li" | b"dt" | b"dd" | b"option" | b"optgroup" | b"tr" | b"td" | b"th" | b"thead" | b"tbody"
        | b"tfoot" | b"colgroup" | b"caption" | b"rb" | b"rt" | b"rp" | b"rtc" | b"html" | b"head" | b"body" => {
            Kind::Flat
        }
        b"script" | b"style" | b"textarea" | b"title" | b"xmp" | b"plaintext" | b"noembed" => Kind::RawText,
        _ => Kind::Nesting,
    }
}

/// A start or end tag found by the scan (the name is `bytes[name]`).
struct Tag {
    start: usize,
    end: usize,
    closing: bool,
    name: std::ops::Range<usize>,
    self_closing: bool,
}

/// If `html` nests deeper than [`MAX_DEPTH`], the HTML with the deeper tags
/// removed and how many tags were dropped; `None` if it is fine as is.
pub fn flatten_deep(html: &str) -> Option<(String, usize)> {
    let bytes = html.as_bytes();
    // Fewer tags than the limit cannot nest past it: skip the scan.
    memchr::memchr_iter(b'<', bytes).nth(MAX_DEPTH)?;
    let mut depth = 0usize;
    let mut excess = 0usize;
    let mut drops: Vec<(usize, usize)> = Vec::new();
    let mut pos = 0;
    while let Some(tag) = next_tag(bytes, &mut pos) {
        let name = &bytes[tag.name.clone()];
        let kind = kind(name);
        if tag.self_closing || kind == Kind::Flat {
            continue;
        }
        if tag.closing {
            if excess > 0 {
                excess -= 1;
                drops.push((tag.start, tag.end));
            } else {
                depth = depth.saturating_sub(1);
            }
        } else if depth >= MAX_DEPTH {
            excess += 1;
            drops.push((tag.start, tag.end));
        } else {
            depth += 1;
            if kind == Kind::RawText {
                skip_raw_text(bytes, &mut pos, name);
                depth -= 1;
            }
        }
    }
    if drops.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(html.len());
    let mut last = 0;
    for &(start, end) in &drops {
        // Tag boundaries are ASCII `<` and `>`, so these are char boundaries.
        out.push_str(html.get(last..start).unwrap_or_default());
        last = end;
    }
    out.push_str(html.get(last..).unwrap_or_default());
    Some((out, drops.len()))
}

/// The next start or end tag at or after `*pos`, skipping comments,
/// doctypes and processing instructions; advances `*pos` past it.
fn next_tag(bytes: &[u8], pos: &mut usize) -> Option<Tag> {
    loop {
        let start = *pos + memchr::memchr(b'<', bytes.get(*pos..)?)?;
        let rest = &bytes[start + 1..];
        if rest.starts_with(b"!--") {
            *pos = find(bytes, start + 4, b"-->").map_or(bytes.len(), |i| i + 3);
            continue;
        }
        if rest.first().is_some_and(|&b| b == b'!' || b == b'?') {
            *pos = find(bytes, start, b">").map_or(bytes.len(), |i| i + 1);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            // A lone `<` in text.
            *pos = start + 1;
            continue;
        }
        let end = tag_end(bytes, name_start + name_len);
        *pos = end;
        return Some(Tag {
            start,
            end,
            closing,
            name: name_start..name_start + name_len,
            self_closing: end >= 2 && bytes[end - 2] == b'/' && !closing,
        });
    }
}

/// Index just past the `>` closing a tag, honouring quoted attribute values.
fn tag_end(bytes: &[u8], mut i: usize) -> usize {
    // Between attributes the gaps are short: step byte by byte there, and
    // jump over quoted values (which can be long) with memchr.
    while let Some(&b) = bytes.get(i) {
        match b {
            b'>' => return i + 1,
            b'"' | b'\'' => match memchr::memchr(b, &bytes[i + 1..]) {
                Some(close) => i += 1 + close + 1,
                None => return bytes.len(),
            },
            _ => i += 1,
        }
    }
    bytes.len()
}

fn skip_raw_text(bytes: &[u8], pos: &mut usize, name: &[u8]) {
    let mut i = *pos;
    while let Some(at) = find(bytes, i, b"</") {
        let after = &bytes[at + 2..];
        if after.len() >= name.len() && after[..name.len()].eq_ignore_ascii_case(name) {
            *pos = at;
            return;
        }
        i = at + 2;
    }
    *pos = bytes.len();
}

/// First `needle` at or after `from` (SIMD search: pages carry long
/// scripts and comments that are scanned for their end).
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|i| i + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_are_untouched() {
        let html = "<!DOCTYPE html><html><head><title>a <b> title</title><script>if (a<b) {}</script></head>\
                    <body><div><p>One<p>Two<br><img src='x>y'><!-- <div> --></div></body></html>";
        assert_eq!(flatten_deep(html), None);
        // Thousands of unclosed <p>/<li> are flat in the DOM, not deep.
        let html = format!("<ul>{}</ul>", "<li>item <p>text".repeat(5000));
        assert_eq!(flatten_deep(&html), None);
    }

    #[test]
    fn deep_nesting_is_cut_at_the_limit_keeping_text() {
        let n = MAX_DEPTH + 500;
        let html = format!(
            "<html><body>{}deep text{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let (flat, dropped) = flatten_deep(&html).unwrap();
        assert_eq!(dropped, 1000);
        assert_eq!(flat.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(flat.matches("</div>").count(), MAX_DEPTH);
        assert!(flat.contains("deep text"));
        assert!(flat.ends_with("</body></html>"));
    }

    #[test]
    fn tag_ends_skip_quoted_values() {
        let end = |s: &str| tag_end(s.as_bytes(), 0);
        assert_eq!(end("a>b"), 2);
        assert_eq!(end(" x='1>2' y=\"3'>\">z"), 17);
        assert_eq!(end(" x='never closed>"), 17);
        assert_eq!(end(" no end"), 7);
        assert_eq!(end(""), 0);
    }

    #[test]
    fn tag_kinds_ignore_case() {
        assert_eq!(kind(b"BR"), Kind::Flat);
        assert_eq!(kind(b"Li"), Kind::Flat);
        assert_eq!(kind(b"basefont"), Kind::Flat);
        assert_eq!(kind(b"SCRIPT"), Kind::RawText);
        assert_eq!(kind(b"plaintext"), Kind::RawText);
        assert_eq!(kind(b"div"), Kind::Nesting);
        assert_eq!(kind(b"brr"), Kind::Nesting);
        assert_eq!(kind(b"plaintexts"), Kind::Nesting);
        assert_eq!(kind(b""), Kind::Nesting);
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
        ] {
            let _ = flatten_deep(html);
        }
    }
}
