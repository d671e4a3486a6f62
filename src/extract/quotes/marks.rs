//! Quote marks → quoted segments.
//!
//! Scraped news text mixes straight and curly marks and often gets their
//! direction wrong (`”Hello.”`, `“Hello.“`), so a mark's role is read from
//! its neighbours first and from its glyph only when the context is
//! ambiguous. Segments never cross a paragraph: a quote left open at a
//! paragraph's end continues only when the next paragraph opens with a mark
//! (news convention); otherwise the open mark is dropped, so an unbalanced
//! mark cannot swallow the rest of the article.

use std::ops::Range;

/// One contiguous quoted segment of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Index of the paragraph (non-empty line) holding the segment.
    pub para: usize,
    /// Byte range of the opening mark.
    pub open: Range<usize>,
    /// Byte range of the closing mark; `None` when the quote runs on into
    /// the next paragraph (or, at a paragraph's start, to its end).
    pub close: Option<Range<usize>>,
    /// Text between the marks, trimmed.
    pub inner: Range<usize>,
    /// Continues a quote left open at the end of the previous paragraph.
    pub continued: bool,
}

impl Segment {
    /// End of the segment including its closing mark (paragraph end if open).
    pub fn end(&self) -> usize {
        self.close.as_ref().map_or(self.inner.end, |c| c.end)
    }
}

/// A paragraph: a non-empty line of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    pub range: Range<usize>,
}

/// Non-empty lines of `body` with their byte ranges, trimmed. Lines are
/// found with `memchr` (`split('\n')` cost more per line than the rest of
/// the work on it).
pub fn paragraphs(body: &str) -> Vec<Para> {
    let mut out = Vec::new();
    let mut start = 0;
    loop {
        let end = memchr::memchr(b'\n', &body.as_bytes()[start..]).map_or(body.len(), |i| start + i);
        let line = &body[start..end];
        let rest = line.trim_start();
        if !rest.is_empty() {
            let lead = line.len() - rest.len();
            let trail = rest.len() - rest.trim_end().len();
            out.push(Para {
                range: start + lead..end - trail,
            });
        }
        if end == body.len() {
            return out;
        }
        start = end + 1;
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    pos: usize,
    len: usize,
    role: Role,
    /// Straight (`"`) rather than typographic marks.
    straight: bool,
}

/// Pair the double marks of one paragraph: the closed pairs, and the mark
/// left open at the end. With `nest`, an opening mark of the other style
/// inside a quote (“…"…"…” or "…“…”…") starts a nested quote that stays
/// part of the outer one; without it, an opening mark inside a quote means
/// the earlier one was unbalanced, and the quote starts again there.
fn pair(marks: &[Mark], nest: bool) -> (Vec<(Mark, Mark)>, Option<Mark>, bool) {
    let mut pairs = Vec::new();
    let mut open: Option<Mark> = None;
    let mut inner: Option<Mark> = None;
    let mut nested = false;
    for &m in marks {
        if let Some(i) = inner {
            if m.straight == i.straight && m.role != Role::Open {
                inner = None;
            } else if m.straight != i.straight && m.role == Role::Close {
                // The outer quote closes before the nested one did.
                if let Some(o) = open.take() {
                    pairs.push((o, m));
                }
                inner = None;
            }
            continue;
        }
        match (open, m.role) {
            (None, Role::Open | Role::Either) => open = Some(m),
            (None, Role::Close) => {} // stray closing mark
            (Some(o), Role::Close | Role::Either) => {
                pairs.push((o, m));
                open = None;
            }
            (Some(o), Role::Open) if nest && o.straight != m.straight => {
                inner = Some(m);
                nested = true;
            }
            (Some(_), Role::Open) => open = Some(m),
        }
    }
    (pairs, open, nested)
}

fn is_double(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‟' | '«' | '»')
}

/// Characters after which a mark can open a quote.
fn opens_after(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '―' | ':')
}

/// Characters before which a mark can close a quote.
fn closes_before(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '―' | '…' | '/'
        )
}

/// Role of a double mark from its context, the glyph breaking ties.
fn double_role(c: char, prev: Option<char>, next: Option<char>) -> Role {
    match c {
        '«' => return Role::Open,
        '»' => return Role::Close,
        _ => {}
    }
    let Some(prev) = prev else {
        // A paragraph never starts with a closing mark.
        return Role::Open;
    };
    let can_open = opens_after(prev) || is_double(prev) || prev == '‘';
    let can_close = next.is_none_or(|n| closes_before(n) || is_double(n) || n == '’');
    match (can_open, can_close) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        _ => match c {
            '“' | '„' => Role::Open,
            '”' => Role::Close,
            _ => Role::Either,
        },
    }
}

/// Words written with a leading apostrophe, never an opening single quote.
const ELISIONS: &[&str] = &["em", "til", "tis", "twas", "n", "cause", "bout", "round"];

/// A single mark that can open a quote: after a space or bracket, before a
/// letter, and not an elision ('em, '90s).
fn single_opens(text: &str, i: usize) -> bool {
    let prev = text[..i].chars().next_back();
    let rest = &text[i + text[i..].chars().next().map_or(1, char::len_utf8)..];
    let Some(next) = rest.chars().next() else {
        return false;
    };
    if !prev.is_none_or(|p| opens_after(p) || is_double(p)) || !next.is_alphabetic() {
        return false;
    }
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    !ELISIONS.contains(&word.as_str())
}

/// A single mark that can close a quote: after a non-space, before a space
/// or punctuation (so not the apostrophe of "don't").
fn single_closes(text: &str, i: usize) -> bool {
    let prev = text[..i].chars().next_back();
    let next = text[i..].chars().nth(1);
    prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(|n| closes_before(n) || is_double(n))
}

/// Double marks of one paragraph, with their roles.
fn double_marks(body: &str, para: &Range<usize>) -> Vec<Mark> {
    let text = &body[para.clone()];
    // German style (»…«) when the first guillemet points right.
    let german = chars_at(text, memchr::memchr_iter(0xC2, text.as_bytes()))
        .map(|(_, c)| c)
        .find(|c| matches!(c, '«' | '»'))
        == Some('»')
        && text.contains('«');
    let mut marks = Vec::new();
    // Every double mark is `"` or starts with byte C2 (« ») or E2 (“ ” „ ‟).
    let at = memchr::memchr3_iter(b'"', 0xC2, 0xE2, text.as_bytes());
    for (i, c) in chars_at(text, at).filter(|&(_, c)| is_double(c)) {
        let prev = text.get(..i).and_then(|s| s.chars().next_back());
        let next = text.get(i + c.len_utf8()..).and_then(|s| s.chars().next());
        let role = match c {
            '»' if german => Role::Open,
            '«' if german => Role::Close,
            _ => double_role(c, prev, next),
        };
        marks.push(Mark {
            pos: para.start + i,
            len: c.len_utf8(),
            role,
            straight: c == '"',
        });
    }
    marks
}

/// The characters of `text` starting at byte offsets `at` (found by
/// memchr on a lead byte, so each is a char boundary): scanning for the
/// few mark bytes is much cheaper than decoding every char of the body.
fn chars_at(text: &str, at: impl Iterator<Item = usize>) -> impl Iterator<Item = (usize, char)> {
    at.filter_map(move |i| Some((i, text.get(i..)?.chars().next()?)))
}

/// Whether a paragraph begins with a double mark that can open a quote.
fn starts_with_open(body: &str, para: &Range<usize>) -> bool {
    body[para.clone()]
        .chars()
        .next()
        .is_some_and(|c| is_double(c) && c != '»')
}

/// Trimmed range of `body[range]`.
fn trimmed(body: &str, range: Range<usize>) -> Range<usize> {
    let s = &body[range.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead == s.len() {
        return range.start..range.start;
    }
    range.start + lead..range.end - trail
}

/// All quoted segments of `body`, in order.
pub fn segments(body: &str, paras: &[Para]) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut carry = false;
    for (pi, para) in paras.iter().enumerate() {
        let continued = carry && starts_with_open(body, &para.range);
        carry = false;
        let marks = double_marks(body, &para.range);
        let (mut pairs, mut open, nested) = pair(&marks, true);
        if nested && open.is_some() {
            (pairs, open, _) = pair(&marks, false);
        }
        let mut found: Vec<Segment> = Vec::new();
        for (o, m) in pairs {
            found.push(Segment {
                para: pi,
                open: o.pos..o.pos + o.len,
                close: Some(m.pos..m.pos + m.len),
                inner: trimmed(body, o.pos + o.len..m.pos),
                continued: continued && found.is_empty() && o.pos == para.range.start,
            });
        }
        if let Some(o) = open {
            let at_start = o.pos == para.range.start;
            let next_opens = paras.get(pi + 1).is_some_and(|n| starts_with_open(body, &n.range));
            // Left open at the paragraph's end: a multi-paragraph quote when
            // the next paragraph opens with a mark, or a whole-paragraph
            // quote whose closing mark was lost. Anything else is a stray.
            if at_start || next_opens {
                found.push(Segment {
                    para: pi,
                    open: o.pos..o.pos + o.len,
                    close: None,
                    inner: trimmed(body, o.pos + o.len..para.range.end),
                    continued: continued && found.is_empty() && at_start,
                });
                carry = next_opens;
            }
        }
        if found.is_empty() {
            found = single_segments(body, pi, &para.range);
        }
        out.extend(
            found
                .into_iter()
                .filter(|s| body[s.inner.clone()].chars().any(char::is_alphanumeric)),
        );
    }
    out
}

/// Single-quoted segments of a paragraph that has no double-quoted ones
/// (British style). Only pairs whose marks are unambiguous count: an
/// opening mark after a space, a closing mark before a space or
/// punctuation, so apostrophes inside words never pair up.
fn single_segments(body: &str, pi: usize, para: &Range<usize>) -> Vec<Segment> {
    let text = &body[para.clone()];
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    // '\'' or a mark starting with byte E2 (‘ ’).
    let at = memchr::memchr2_iter(b'\'', 0xE2, text.as_bytes());
    for (i, c) in chars_at(text, at) {
        if !matches!(c, '\'' | '‘' | '’') {
            continue;
        }
        match open {
            None => {
                if c != '’' && single_opens(text, i) {
                    open = Some((i, c.len_utf8()));
                }
            }
            Some((o, ol)) => {
                if c != '‘' && single_closes(text, i) {
                    let pos = para.start + i;
                    out.push(Segment {
                        para: pi,
                        open: para.start + o..para.start + o + ol,
                        close: Some(pos..pos + c.len_utf8()),
                        inner: trimmed(body, para.start + o + ol..pos),
                        continued: false,
                    });
                    open = None;
                } else if c == '‘' && single_opens(text, i) {
                    open = Some((i, c.len_utf8()));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_match_split_lines() {
        // The first version: `split('\n')` and three trims per line.
        let reference = |body: &str| {
            let mut out = Vec::new();
            let mut start = 0;
            for line in body.split('\n') {
                let end = start + line.len();
                let lead = line.len() - line.trim_start().len();
                let trail = line.len() - line.trim_end().len();
                if !line.trim().is_empty() {
                    out.push(Para {
                        range: start + lead..end - trail,
                    });
                }
                start = end + 1;
            }
            out
        };
        const PIECES: &[&str] = &[
            "a", "word ", "\n", "\n\n", " ", "\t", "\r", "\u{a0}", "\u{2003}", "é", "“", "x y",
        ];
        let mut rng = crate::testgen::Rng::new(9);
        for _ in 0..3000 {
            let n = rng.below(25);
            let body: String = (0..n).map(|_| PIECES[rng.below(PIECES.len())]).collect();
            assert_eq!(paragraphs(&body), reference(&body), "{body:?}");
        }
        assert_eq!(paragraphs(" a \n\nb").len(), 2);
    }

    fn texts(body: &str) -> Vec<&str> {
        let paras = paragraphs(body);
        segments(body, &paras).into_iter().map(|s| &body[s.inner]).collect()
    }

    #[test]
    fn straight_curly_and_guillemets() {
        assert_eq!(
            texts("He said \"we will win,\" then “we must try.” Then «ça ira»."),
            ["we will win,", "we must try.", "ça ira"]
        );
    }

    #[test]
    fn german_guillemets() {
        assert_eq!(
            texts("Er sagte: »Wir schaffen das.« Dann ging er."),
            ["Wir schaffen das."]
        );
    }

    #[test]
    fn misoriented_curly_marks_still_pair() {
        assert_eq!(
            texts("”The plan failed,” she said, calling it “a waste.“"),
            ["The plan failed,", "a waste."]
        );
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        assert_eq!(
            texts("“He told me, ‘Go home now,’ and I left,” she said."),
            ["He told me, ‘Go home now,’ and I left,"]
        );
    }

    #[test]
    fn unbalanced_mark_does_not_swallow_the_article() {
        let body = "He is 6 feet 3\" tall and said “yes” twice.\n\nNext paragraph \"has\" marks.";
        assert_eq!(texts(body), ["yes", "has"]);
        let body = "A stray “opening mark here.\n\nLater, the mayor said “fine” to it.";
        assert_eq!(texts(body), ["fine"]);
    }

    #[test]
    fn nested_other_style_marks_stay_inside() {
        assert_eq!(
            texts("\"The poll asked: “Do you trust her?” Most said no,\" he said."),
            ["The poll asked: “Do you trust her?” Most said no,"]
        );
        // The outer quote never closes: the inner one is what is quoted.
        assert_eq!(texts("Then \"he said “go home” and left."), ["go home"]);
    }

    #[test]
    fn reopening_drops_the_unclosed_mark() {
        assert_eq!(
            texts("He cited the “the budget “cuts” and “new taxes” again."),
            ["cuts", "new taxes"]
        );
    }

    #[test]
    fn multi_paragraph_quote_continues() {
        let body = "“We will build it. We will pay for it.\n\n“And we will finish it,” he said.\n\nDone.";
        let paras = paragraphs(body);
        let segs = segments(body, &paras);
        assert_eq!(segs.len(), 2);
        assert_eq!(&body[segs[0].inner.clone()], "We will build it. We will pay for it.");
        assert!(segs[0].close.is_none() && !segs[0].continued);
        assert_eq!(&body[segs[1].inner.clone()], "And we will finish it,");
        assert!(segs[1].continued);
    }

    #[test]
    fn single_quotes_only_when_unambiguous() {
        assert_eq!(
            texts("The minister said 'we are not giving up' on Monday."),
            ["we are not giving up"]
        );
        assert!(texts("Don't touch the voters' rights in the '90s.").is_empty());
    }
}
