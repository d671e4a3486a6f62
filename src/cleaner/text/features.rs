//! Per-block features the classifier and the region chooser use: length,
//! stop-word density, sentence punctuation, capitalisation, repetition.

use super::lexicon;
use crate::cleaner::Block;
use regex::Regex;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// What the classifier knows about one block.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// Whitespace-separated tokens.
    pub words: usize,
    pub chars: usize,
    /// Share of alphabetic tokens that are function words (0..=1).
    pub stop_density: f32,
    /// Ends like a sentence (`.`, `!`, `?`, `…`, `:` with closing quotes).
    pub ends_sentence: bool,
    /// Share of alphabetic tokens that start with an upper-case letter.
    pub capitalised: f32,
    /// The same text (case-insensitive) occurs elsewhere on the page.
    pub repeated: bool,
    /// Script without spaces between words (CJK, Thai): word counts mean little.
    pub unspaced: bool,
    /// A short block (at most 25 words) that holds a date expression.
    pub dated: bool,
    /// A line of program code or a formula ([`looks_like_code`]).
    pub code: bool,
}

/// Stop-word density running text needs in a language our lists cover.
const PROSE_STOP_DENSITY: f32 = 0.18;

impl Features {
    /// Running text: long enough, full of function words (at least
    /// `min_stop`), ending like a sentence.
    pub fn is_prose(&self, min_stop: f32) -> bool {
        if self.unspaced {
            return self.chars >= 40 && self.ends_sentence;
        }
        self.words >= 8 && self.stop_density >= min_stop && (self.ends_sentence || self.words >= 25)
    }

    /// Short running text that may belong to the article when its
    /// neighbours do (a one-line paragraph, a quote, a list item).
    pub fn is_near_prose(&self, min_stop: f32) -> bool {
        self.words >= 4 && self.stop_density >= min_stop * 0.8 && self.ends_sentence
    }
}

/// Features of every block of a page, with the normalised texts kept for
/// comparisons between blocks.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub feats: Vec<Features>,
    pub keys: Vec<String>,
    /// Stop-word density a block needs to count as prose on this page:
    /// lowered when the page's long blocks have few of our stop words (a
    /// language the lists do not cover), so prose is then told by length
    /// and punctuation alone.
    pub min_stop: f32,
}

impl Page {
    pub fn new(blocks: &[Block]) -> Page {
        let keys: Vec<String> = blocks.iter().map(|b| normalise(&b.text)).collect();
        let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
        for k in &keys {
            *counts.entry(k.as_str()).or_default() += 1;
        }
        let feats = blocks
            .iter()
            .zip(&keys)
            .map(|(block, key)| {
                let mut f = of_text(&block.text);
                f.repeated = counts.get(key.as_str()).copied().unwrap_or(0) > 1;
                f
            })
            .collect::<Vec<Features>>();
        let (mut stops, mut words) = (0.0f32, 0usize);
        for f in feats.iter().filter(|f| f.words >= 15) {
            stops += f.stop_density * f.words as f32;
            words += f.words;
        }
        let page_density = if words == 0 { 1.0 } else { stops / words as f32 };
        let min_stop = PROSE_STOP_DENSITY.min(page_density * 0.5);
        Page { feats, keys, min_stop }
    }

    pub fn is_prose(&self, i: usize) -> bool {
        self.feats.get(i).is_some_and(|f| f.is_prose(self.min_stop))
    }

    /// Whether block `i`'s text occurs inside another, longer block (a
    /// breadcrumb, a "Comments on ..." line, a page title with a site name).
    pub fn contained_elsewhere(&self, i: usize) -> bool {
        let Some(key) = self.keys.get(i) else {
            return false;
        };
        key.len() >= 12
            && self
                .keys
                .iter()
                .enumerate()
                .any(|(j, other)| j != i && other.len() > key.len() && other.contains(key.as_str()))
    }
}

/// Features of one piece of text, without page context.
pub fn of_text(text: &str) -> Features {
    let words = text.split_whitespace().count();
    // ASCII text (most blocks) has a char per byte and no unspaced script.
    let ascii = text.is_ascii();
    let chars = if ascii { text.len() } else { text.chars().count() };
    let mut alpha = 0usize;
    let mut stops = 0usize;
    let mut caps = 0usize;
    let mut lower = String::new();
    for token in text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’') {
        let token = token.trim_matches(|c| c == '\'' || c == '’');
        if !token.chars().next().is_some_and(char::is_alphabetic) {
            continue;
        }
        alpha += 1;
        if token.chars().next().is_some_and(char::is_uppercase) {
            caps += 1;
        }
        if is_stop_token(token, &mut lower) {
            stops += 1;
        }
    }
    let ratio = |n: usize| if alpha == 0 { 0.0 } else { n as f32 / alpha as f32 };
    let unspaced_chars = if ascii {
        0
    } else {
        text.chars().filter(|c| is_unspaced_script(*c)).count()
    };
    Features {
        words,
        chars,
        stop_density: ratio(stops),
        ends_sentence: ends_sentence(text),
        capitalised: ratio(caps),
        repeated: false,
        unspaced: unspaced_chars * 2 > chars,
        dated: words <= 25 && crate::extract::date::contains_date(text),
        code: looks_like_code(text),
    }
}

/// A line of program code, a query or a formula, as technical articles
/// print them between their paragraphs: it ends with a block delimiter or a
/// statement end, opens with a comment marker, or holds an operator or a
/// call (`name(args)`, no space before the parenthesis) that prose and
/// menus do not have. Such lines are neither labels nor captions.
pub fn looks_like_code(text: &str) -> bool {
    // Identifiers as ASCII: code's are, and `\p{L}`/`\w` made this the
    // costliest regex to compile in a one-file run.
    static CODE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?x)
            [{};]\s*$                                  # block or statement end
            | ^\s*(//|/\*|\#\s|--\s|\#include\b|\*/) # comment, directive
            | :=|==|!=|&&|\|\||\+=|\+\+|::|</|/>    # operators, tags
            | [A-Za-z_][A-Za-z0-9_.]*\((|[^()\s]{2,}|[^()\s]*\s[^()]*)\)  # name(args), not a plural's (s)
            | ^[A-Za-z_][A-Za-z0-9_.\[\]]*\s=\s\S                # assignment
            ",
        )
        .expect("static regex")
    });
    let t = text.trim();
    t.len() <= 200 && !t.ends_with(['.', '!', '?']) && may_be_code(t) && CODE.is_match(t)
}

/// Whether `t` has what some branch of `looks_like_code`'s pattern needs: a
/// `{};/#=&|+<` byte, `--`, `::`, or both parentheses. Most prose and
/// labels have none, and skip the regex (a regex search per block).
fn may_be_code(t: &str) -> bool {
    /// The single bytes, as a table: one load per byte of the line.
    const CODE_BYTES: [bool; 256] = {
        let (mut table, bytes) = ([false; 256], b"{};/#=&|+<");
        let mut i = 0;
        while i < bytes.len() {
            table[bytes[i] as usize] = true;
            i += 1;
        }
        table
    };
    let b = t.as_bytes();
    b.iter().any(|&c| CODE_BYTES[usize::from(c)])
        || (b.contains(&b'(') && b.contains(&b')'))
        || t.contains("--")
        || t.contains("::")
}

/// `lexicon::is_stop_word(&token.to_lowercase())` without an allocation per
/// token: lower-cases into a reused buffer and gives up once it is longer
/// than any stop word. (Char-wise lower-casing differs from `str`'s only for
/// a word-final Greek sigma, which no stop word holds.)
fn is_stop_token(token: &str, lower: &mut String) -> bool {
    lower.clear();
    if token.is_ascii() {
        if token.len() > lexicon::MAX_STOP_WORD_LEN {
            return false;
        }
        lower.push_str(token);
        lower.make_ascii_lowercase();
        return lexicon::is_stop_word(lower);
    }
    for c in token.chars() {
        lower.extend(c.to_lowercase());
        if lower.len() > lexicon::MAX_STOP_WORD_LEN {
            return false;
        }
    }
    lexicon::is_stop_word(lower)
}

fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| "\"'”’»)]*".contains(c) || c.is_whitespace());
    trimmed.ends_with(['.', '!', '?', '…', '。', '！', '？', ':'])
}

fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0x0E00..=0x0E7F | 0xF900..=0xFAFF)
}

/// Case- and space-insensitive form used to compare blocks.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            // Fast path, same result: ASCII lower-cases byte for byte.
            let start = out.len();
            out.push_str(word);
            out[start..].make_ascii_lowercase();
        } else {
            out.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_and_labels() {
        let prose = of_text("The harbour was closed on Monday after a storm damaged two of its piers, officials said.");
        assert!(prose.is_prose(PROSE_STOP_DENSITY));
        assert!(prose.stop_density > 0.2);
        let menu = of_text("World Politics Business Science Sports");
        assert!(!menu.is_prose(PROSE_STOP_DENSITY));
        assert!(menu.capitalised > 0.9);
        let german = of_text("Der Hafen wurde am Montag geschlossen, nachdem ein Sturm zwei Stege beschädigt hatte.");
        assert!(german.is_prose(PROSE_STOP_DENSITY));
    }

    #[test]
    fn lines_of_code() {
        for code in [
            "if total != limit {",
            "}",
            "let span = bridge.length();",
            "piers := survey(harbour)",
            "SELECT name, COUNT(pier.id) FROM piers",
            "// count the piers again",
            "-- only the open piers",
            "width = span * 2",
            "<p>Harbour</p>",
        ] {
            assert!(looks_like_code(code), "{code}");
            assert!(may_be_code(code), "{code}");
            assert!(of_text(code).code, "{code}");
        }
        for text in [
            "The harbour reopened on Monday (after two years).",
            "Infrastructure as a service (IaaS)",
            "Author(s)",
            "Home / News / Harbour",
            "News Sport Weather",
            "The council said the cost (about 2 million) was too high.",
        ] {
            assert!(!looks_like_code(text), "{text}");
        }
        // The gate lets every branch of the pattern through, and skips
        // lines with none of its characters.
        for code in ["a == b", "x::y", "f(x, y)", "</b>", "# heading", "--  note", "a; b"] {
            assert!(may_be_code(code), "{code}");
        }
        assert!(!may_be_code("News Sport Weather, 2025 (Monday"));
    }

    #[test]
    fn repetition_and_containment() {
        let block = |t: &str| Block {
            text: t.to_string(),
            kind: crate::cleaner::BlockKind::Paragraph,
            chrome: None,
        };
        let blocks = [
            block("Home / News / Storm closes the harbour"),
            block("Storm closes the harbour"),
            block("News"),
            block("news"),
        ];
        let page = Page::new(&blocks);
        assert!(page.contained_elsewhere(1) && !page.contained_elsewhere(0));
        assert!(page.feats[2].repeated && page.feats[3].repeated && !page.feats[1].repeated);
    }
}
