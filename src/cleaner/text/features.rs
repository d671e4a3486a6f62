//! Per-block features the classifier and the region chooser use: length,
//! stop-word density, sentence punctuation, capitalisation, repetition.

use super::lexicon;
use crate::cleaner::Block;
use regex::Regex;
use rustc_hash::FxHashMap;
use std::ops::Range;
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
    /// For each block, the first block with the very same text (itself
    /// when none comes before): its features, and whatever else depends on
    /// the text alone, are copied from there.
    pub first_same: Vec<usize>,
}

impl Page {
    pub fn new(blocks: &[Block]) -> Page {
        let first_same = first_same(blocks);
        let mut feats: Vec<Features> = Vec::with_capacity(blocks.len());
        let mut keys: Vec<String> = Vec::with_capacity(blocks.len());
        // A page's menus and share bars repeat their lines: each distinct
        // text is analysed once (a fifth of a dev page's bytes repeat).
        for (i, (b, &j)) in blocks.iter().zip(&first_same).enumerate() {
            let (f, key) = match (feats.get(j), keys.get(j)) {
                (Some(f), Some(key)) if j < i => (f.clone(), key.clone()),
                _ => analyse(&b.text),
            };
            feats.push(f);
            keys.push(key);
        }
        let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
        for k in &keys {
            *counts.entry(k.as_str()).or_default() += 1;
        }
        for (f, key) in feats.iter_mut().zip(&keys) {
            f.repeated = counts.get(key.as_str()).copied().unwrap_or(0) > 1;
        }
        let (mut stops, mut words) = (0.0f32, 0usize);
        for f in feats.iter().filter(|f| f.words >= 15) {
            stops += f.stop_density * f.words as f32;
            words += f.words;
        }
        let page_density = if words == 0 { 1.0 } else { stops / words as f32 };
        let min_stop = PROSE_STOP_DENSITY.min(page_density * 0.5);
        Page {
            feats,
            keys,
            min_stop,
            first_same,
        }
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
        if key.len() < 12 {
            return false;
        }
        // One searcher for all the other keys: `str::contains` would set up
        // its own for each of them.
        let finder = memchr::memmem::Finder::new(key.as_bytes());
        self.keys
            .iter()
            .enumerate()
            .any(|(j, other)| j != i && other.len() > key.len() && finder.find(other.as_bytes()).is_some())
    }
}

/// For each block, the index of the first block with the same text.
pub fn first_same(blocks: &[Block]) -> Vec<usize> {
    let mut first: FxHashMap<&str, usize> = FxHashMap::default();
    first.reserve(blocks.len());
    blocks
        .iter()
        .enumerate()
        .map(|(i, b)| *first.entry(b.text.as_str()).or_insert(i))
        .collect()
}

/// Features of one piece of text, without page context.
pub fn of_text(text: &str) -> Features {
    analyse(text).0
}

/// Classes of ASCII bytes for [`analyse`], as a table: one load per byte.
const WS: u8 = 1;
/// Part of a token: alphanumeric or an apostrophe.
const TOK: u8 = 2;
const ALPHA: u8 = 4;
const UPPER: u8 = 8;
/// A byte that some operator of [`looks_like_code`]'s pattern holds:
/// `=&|+:</()`.
const CODE_BYTE: u8 = 16;
const ASCII_CLASS: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        // `char::is_whitespace` on ASCII: `\t`..=`\r` (with the vertical
        // tab, which `is_ascii_whitespace` leaves out) and the space.
        table[b] = if matches!(c, b'\t'..=b'\r' | b' ') {
            WS
        } else if c.is_ascii_uppercase() {
            TOK | ALPHA | UPPER
        } else if c.is_ascii_lowercase() {
            TOK | ALPHA
        } else if c.is_ascii_digit() || c == b'\'' {
            TOK
        } else if matches!(c, b'=' | b'&' | b'|' | b'+' | b':' | b'<' | b'/' | b'(' | b')') {
            CODE_BYTE
        } else {
            0
        };
        b += 1;
    }
    table
};

/// The bytes of [`TOK`] class, over all 256 (no non-ASCII byte is).
const ASCII_TOKEN: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = ASCII_CLASS[b] & TOK != 0;
        b += 1;
    }
    table
};

/// What some branch of [`looks_like_code`]'s pattern needs inside a line
/// (an `=`, a doubled `&|+:`, `</` or `/>`, a call's `name(` and a `)`),
/// gathered byte by byte. With the line's ends ([`may_be_code`]) it tells
/// the few lines that can be code; the others skip the regex.
#[derive(Default)]
struct CodeBytes {
    operator: bool,
    call: bool,
    close: bool,
}

impl CodeBytes {
    fn add(&mut self, bytes: &[u8], i: usize) {
        let prev = i.checked_sub(1).map(|p| bytes[p]);
        let next = bytes.get(i + 1).copied();
        match bytes[i] {
            b'=' => self.operator = true,
            b'(' => self.call |= prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == b'_' || p == b'.'),
            b')' => self.close = true,
            b'<' => self.operator |= next == Some(b'/'),
            b'/' => self.operator |= next == Some(b'>'),
            c => self.operator |= prev == Some(c),
        }
    }

    fn of(text: &str) -> CodeBytes {
        let mut code = CodeBytes::default();
        let bytes = text.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            if b < 0x80 && ASCII_CLASS[usize::from(b)] & CODE_BYTE != 0 {
                code.add(bytes, i);
            }
        }
        code
    }

    /// Whether `text` (whose bytes these are) may match the pattern.
    fn may_be_code(&self, text: &str) -> bool {
        let t = text.trim().as_bytes();
        self.operator
            || (self.call && self.close)
            || t.first().is_some_and(|b| matches!(b, b'/' | b'#' | b'-' | b'*'))
            || t.last().is_some_and(|b| matches!(b, b'{' | b'}' | b';'))
    }
}

/// Features of `text` and its [`normalise`]d key, in one pass over its
/// characters: the word count, the tokens for the stop-word and capital
/// counts, the scripts, the code bytes, and whether its spacing is already
/// normal (then the key is the lower-cased text). Separate passes for
/// each, with a `String` per token, made this a tenth of the plain-text
/// run.
pub fn analyse(text: &str) -> (Features, String) {
    let bytes = text.as_bytes();
    let (mut words, mut unspaced_chars) = (0usize, 0usize);
    // Non-ASCII characters and their bytes, for the character count.
    let (mut wide_chars, mut wide_bytes) = (0usize, 0usize);
    let mut tokens = Tokens::default();
    let mut code = CodeBytes::default();
    let mut in_word = false;
    // Words separated by single ASCII spaces, no space around them.
    let mut single_spaced = true;
    // The open token: where it starts, whether all ASCII.
    let mut token: Option<(usize, bool)> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            let class = ASCII_CLASS[usize::from(b)];
            if class & TOK != 0 {
                // Most bytes: a letter inside a word and a token.
                if !in_word {
                    words += 1;
                    in_word = true;
                }
                if token.is_none() {
                    token = Some((i, true));
                }
                // The rest of the run: one load and test a byte.
                i += 1;
                while i < bytes.len() && ASCII_TOKEN[usize::from(bytes[i])] {
                    i += 1;
                }
                continue;
            }
            if let Some((start, ascii)) = token.take() {
                tokens.count(text, start..i, ascii);
            }
            if class & WS != 0 {
                single_spaced &= b == b' ' && in_word;
                in_word = false;
            } else {
                if !in_word {
                    words += 1;
                    in_word = true;
                }
                if class & CODE_BYTE != 0 {
                    code.add(bytes, i);
                }
            }
            i += 1;
            continue;
        }
        // A rule, a bullet, a dash (not the apostrophe ’, part of tokens):
        // ends a token, is part of a word.
        if let Some(len) = plain_symbol_len(bytes, i).filter(|_| !text[i..].starts_with('’')) {
            wide_chars += 1;
            wide_bytes += len;
            if let Some((start, ascii)) = token.take() {
                tokens.count(text, start..i, ascii);
            }
            if !in_word {
                words += 1;
                in_word = true;
            }
            i += len;
            continue;
        }
        let Some(c) = text[i..].chars().next() else { break };
        let len = c.len_utf8();
        wide_chars += 1;
        wide_bytes += len;
        if is_unspaced_script(c) {
            unspaced_chars += 1;
        }
        let tok = c == '’' || c.is_alphanumeric();
        match &mut token {
            Some((_, ascii)) if tok => *ascii = false,
            None if tok => token = Some((i, false)),
            _ => {
                if let Some((start, ascii)) = token.take() {
                    tokens.count(text, start..i, ascii);
                }
            }
        }
        if c.is_whitespace() {
            single_spaced = false;
            in_word = false;
        } else if !in_word {
            words += 1;
            in_word = true;
        }
        i += len;
    }
    if let Some((start, ascii)) = token {
        tokens.count(text, start..text.len(), ascii);
    }
    single_spaced &= in_word || text.is_empty();
    let key = if !single_spaced {
        normalise(text)
    } else if wide_chars == 0 {
        lower_ascii(text)
    } else {
        let mut key = String::with_capacity(text.len());
        push_lower(&mut key, text);
        key
    };
    let chars = text.len() - wide_bytes + wide_chars;
    let ratio = |n: usize| {
        if tokens.alpha == 0 {
            0.0
        } else {
            n as f32 / tokens.alpha as f32
        }
    };
    let features = Features {
        words,
        chars,
        stop_density: ratio(tokens.stops),
        ends_sentence: ends_sentence(text),
        capitalised: ratio(tokens.caps),
        repeated: false,
        unspaced: unspaced_chars * 2 > chars,
        dated: words <= 25 && crate::extract::date::contains_date(text),
        code: code.may_be_code(text) && code_pattern(text),
    };
    (features, key)
}

/// Counts of a text's tokens (runs of letters, digits and apostrophes)
/// that start with a letter once their apostrophes are trimmed.
#[derive(Default)]
struct Tokens {
    alpha: usize,
    caps: usize,
    stops: usize,
    /// Reused to lower-case non-ASCII tokens.
    lower: String,
}

impl Tokens {
    /// Counts the token at `range` of `text` (`ascii`: all its bytes are).
    #[inline(always)]
    fn count(&mut self, text: &str, range: Range<usize>, ascii: bool) {
        if ascii {
            self.count_ascii(text.as_bytes(), range.start, range.end);
        } else if let Some(token) = text.get(range) {
            self.count_wide(token);
        }
    }

    /// [`Tokens::count`] of an ASCII token, on its bytes.
    #[inline(always)]
    fn count_ascii(&mut self, bytes: &[u8], start: usize, end: usize) {
        let (Some(&first), Some(&last)) = (bytes.get(start), end.checked_sub(1).and_then(|e| bytes.get(e))) else {
            return;
        };
        if first == b'\'' || last == b'\'' {
            self.count_quoted(bytes, start, end);
        } else {
            self.tally_ascii(bytes, start, end);
        }
    }

    /// Counts the ASCII token `bytes[start..end]` (not empty, no
    /// apostrophe at its ends): the first letter's class from the table,
    /// the stop-word test on the token packed and lower-cased in a
    /// register.
    #[inline(always)]
    fn tally_ascii(&mut self, bytes: &[u8], start: usize, end: usize) {
        let class = ASCII_CLASS[usize::from(bytes[start] & 0x7F)];
        if class & ALPHA == 0 {
            return;
        }
        self.alpha += 1;
        self.caps += usize::from(class & UPPER != 0);
        if let Some(packed) = pack_lower_ascii(bytes, start, end) {
            self.stops += usize::from(lexicon::is_packed_stop_word(packed));
        }
    }

    /// [`Tokens::count_ascii`] of a token with an apostrophe at an end:
    /// trimmed first.
    #[cold]
    #[inline(never)]
    fn count_quoted(&mut self, bytes: &[u8], mut start: usize, mut end: usize) {
        while start < end && bytes[start] == b'\'' {
            start += 1;
        }
        while end > start && bytes[end - 1] == b'\'' {
            end -= 1;
        }
        if start < end {
            self.tally_ascii(bytes, start, end);
        }
    }

    /// [`Tokens::count`] of a token with a non-ASCII character.
    #[inline(never)]
    fn count_wide(&mut self, token: &str) {
        let token = token.trim_matches(|c| c == '\'' || c == '’');
        let upper = match token.as_bytes().first() {
            None => return,
            Some(&b) if b < 0x80 => {
                let class = ASCII_CLASS[usize::from(b)];
                if class & ALPHA == 0 {
                    return;
                }
                class & UPPER != 0
            }
            Some(_) => match token.chars().next() {
                Some(c) if c.is_alphabetic() => c.is_uppercase(),
                _ => return,
            },
        };
        self.alpha += 1;
        if upper {
            self.caps += 1;
        }
        if is_stop_token(token, &mut self.lower) {
            self.stops += 1;
        }
    }
}

/// The ASCII word `bytes[start..end]` lower-cased and packed as
/// [`lexicon::pack_word`] packs it; None if it is longer than any stop
/// word.
#[inline(always)]
fn pack_lower_ascii(bytes: &[u8], start: usize, end: usize) -> Option<u64> {
    let len = end - start;
    if len > lexicon::MAX_STOP_WORD_LEN {
        return None;
    }
    // Eight bytes at once when the text has them, masked to the word.
    let word = match bytes.get(start..start + 8) {
        Some(eight) => {
            let mut buf = [0u8; 8];
            buf.copy_from_slice(eight);
            u64::from_le_bytes(buf) & (u64::MAX >> (8 * (8 - len)))
        }
        None => bytes[start..end]
            .iter()
            .rev()
            .fold(0u64, |packed, &b| (packed << 8) | u64::from(b)),
    };
    Some(lower_ascii_word(word))
}

/// Eight ASCII bytes lower-cased at once: `b + 0x3F` sets a byte's top
/// bit from 'A' up and `b + 0x25` from past 'Z', without carries between
/// bytes; the upper-case letters get their 0x20 bit.
#[inline(always)]
fn lower_ascii_word(word: u64) -> u64 {
    const LOW: u64 = 0x0101_0101_0101_0101;
    let upper = (word + 0x3F * LOW) & !(word + 0x25 * LOW) & (0x80 * LOW);
    word | (upper >> 2)
}

/// An ASCII `text` lower-cased, eight bytes at a time (`str`'s
/// lower-casing goes byte by byte).
fn lower_ascii(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut buf = [0u8; 8];
        buf.copy_from_slice(chunk);
        out.extend_from_slice(&lower_ascii_word(u64::from_le_bytes(buf)).to_le_bytes());
    }
    out.extend(chunks.remainder().iter().map(u8::to_ascii_lowercase));
    // ASCII in, ASCII out: the check cannot fail.
    String::from_utf8(out).unwrap_or_else(|_| text.to_ascii_lowercase())
}

/// A line of program code, a query or a formula, as technical articles
/// print them between their paragraphs: it ends with a block delimiter or a
/// statement end, opens with a comment marker, or holds an operator or a
/// call (`name(args)`, no space before the parenthesis) that prose and
/// menus do not have. Such lines are neither labels nor captions.
pub fn looks_like_code(text: &str) -> bool {
    // The pattern's length limit first: HTML blocks can be long.
    text.trim().len() <= MAX_CODE_LEN && may_be_code(text) && code_pattern(text)
}

/// Longest (trimmed) line [`looks_like_code`] takes for code.
const MAX_CODE_LEN: usize = 200;

// Identifiers as ASCII: code's are, and `\p{L}`/`\w` made this the
// costliest regex to compile in a one-file run. `\#include(\W|$)` is
// `\#include\b` for a match test without the Unicode word boundary, which
// sent every line with a non-ASCII char to the slow backtracking engine.
static CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        [{};]\s*$                                  # block or statement end
        | ^\s*(//|/\*|\#\s|--\s|\#include(\W|$)|\*/) # comment, directive
        | :=|==|!=|&&|\|\||\+=|\+\+|::|</|/>    # operators, tags
        | [A-Za-z_][A-Za-z0-9_.]*\((|[^()\s]{2,}|[^()\s]*\s[^()]*)\)  # name(args), not a plural's (s)
        | ^[A-Za-z_][A-Za-z0-9_.\[\]]*\s=\s\S                # assignment
        ",
    )
    .expect("static regex")
});

/// The pattern test of [`looks_like_code`], for a text that passed
/// [`may_be_code`] (the gate does not depend on surrounding whitespace).
fn code_pattern(text: &str) -> bool {
    let t = text.trim();
    t.len() <= MAX_CODE_LEN && !t.ends_with(['.', '!', '?']) && CODE.is_match(t)
}

/// Whether `t` has what some branch of `looks_like_code`'s pattern needs:
/// an operator, a call, a comment marker at its start or a block or
/// statement end at its end. Most prose and labels have none, and skip
/// the regex (a regex search per block).
fn may_be_code(t: &str) -> bool {
    CodeBytes::of(t).may_be_code(t)
}

/// `lexicon::is_stop_word(&token.to_lowercase())` for a token with
/// non-ASCII letters, without an allocation per token: lower-cases into a
/// reused buffer and gives up once it is longer than any stop word.
/// (Char-wise lower-casing differs from `str`'s only for a word-final Greek
/// sigma, which no stop word holds.)
fn is_stop_token(token: &str, lower: &mut String) -> bool {
    lower.clear();
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
        push_lower(&mut out, word);
    }
    out
}

/// Punctuation and symbols common in page dumps (dashes, quotes, bullets,
/// ellipses; box-drawing rules and geometric shapes): neither a space nor
/// a letter nor a digit, nor a script without spaces, and their own lower
/// case. (The spec of [`plain_symbol_len`], which tests check it against.)
fn is_plain_symbol(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{2500}'..='\u{25FF}')
}

/// `char::is_alphanumeric`, with the chars page dumps are full of told
/// without a Unicode table: ASCII, and the [`is_plain_symbol`]s (rules of
/// box-drawing characters are most of the non-ASCII text of some pages).
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !is_plain_symbol(c) && c.is_alphanumeric()
    }
}

/// The length of the [`is_plain_symbol`] char at byte `i`, if there is
/// one, told from its UTF-8 bytes (`E2 80 90..=A7`, `E2 94..=97 xx`)
/// without decoding it.
fn plain_symbol_len(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i..i + 3)? {
        [0xE2, 0x80, 0x90..=0xA7] | [0xE2, 0x94..=0x97, _] => Some(3),
        _ => None,
    }
}

/// Appends `text` lower-cased char by char (`char::to_lowercase`): runs of
/// ASCII and plain symbols copied at once and lower-cased byte by byte.
fn push_lower(out: &mut String, text: &str) {
    if text.is_ascii() {
        // Most texts: copied and lower-cased in bulk.
        let at = out.len();
        out.push_str(text);
        out[at..].make_ascii_lowercase();
        return;
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        while i < bytes.len() {
            if bytes[i] < 0x80 {
                i += 1;
            } else if let Some(len) = plain_symbol_len(bytes, i) {
                i += len;
            } else {
                break;
            }
        }
        let at = out.len();
        out.push_str(&text[start..i]);
        out[at..].make_ascii_lowercase();
        if let Some(c) = text[i..].chars().next() {
            out.extend(c.to_lowercase());
            i += c.len_utf8();
        }
    }
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
        for code in [
            "a == b",
            "a := b",
            "a != b",
            "a && b",
            "a || b",
            "a += b",
            "a++",
            "x::y",
            "f(x, y)",
            "a.b()",
            "</b>",
            "<br/>",
            "# heading",
            "#include <x>",
            "--  note",
            "/* note */",
            "*/",
            "a;",
            "{",
            "  } ",
            "a = b",
            "#include",
            "#include\u{a0}<x>",
        ] {
            assert!(may_be_code(code), "{code}");
            assert!(
                CODE.is_match(code.trim()),
                "{code}: the pattern matches what the gate lets through"
            );
        }
        for text in [
            "News Sport Weather, 2025 (Monday",
            "Home / News / Harbour",
            "Fish & chips | Harbour + pier: a guide <new>",
            "Harbour (after two years); pier",
            "a - b",
        ] {
            assert!(!may_be_code(text), "{text}");
            assert!(!CODE.is_match(text), "{text}");
        }
    }

    /// The code pattern with `\#include(\W|$)` answers as the one with
    /// `\#include\b` did, on lines pieced together around the directive.
    #[test]
    fn include_directive_without_a_word_boundary() {
        let old = Regex::new(&CODE.as_str().replace(r"\#include(\W|$)", r"\#include\b")).unwrap();
        assert_ne!(old.as_str(), CODE.as_str());
        const PARTS: &[&str] = &[
            "#include", " ", "é", "<x>", "_", "1", "\u{a0}", "ü", "(", ")", "a", "—", "\n",
        ];
        let mut rng = crate::testgen::Rng::new(3);
        let (mut hits, mut misses) = (0, 0);
        for _ in 0..5000 {
            let n = 1 + rng.below(4);
            let line: String = (0..n).map(|_| PARTS[rng.below(PARTS.len())]).collect();
            let expected = old.is_match(&line);
            assert_eq!(CODE.is_match(&line), expected, "{line:?}");
            if expected {
                hits += 1;
            } else {
                misses += 1;
            }
        }
        assert!(hits > 200 && misses > 200, "{hits} {misses}");
        assert!(!CODE.is_match("#includeé") && CODE.is_match("#include") && CODE.is_match("#include—x"));
    }

    /// The features as separate passes compute them (the code before
    /// [`analyse`] fused them): the reference the one pass must equal.
    fn reference(text: &str) -> (usize, usize, f32, f32, bool, bool, String) {
        let words = text.split_whitespace().count();
        let chars = text.chars().count();
        let (mut alpha, mut stops, mut caps) = (0usize, 0usize, 0usize);
        for token in text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’') {
            let token = token.trim_matches(|c| c == '\'' || c == '’');
            let Some(first) = token.chars().next().filter(|c| c.is_alphabetic()) else {
                continue;
            };
            alpha += 1;
            caps += usize::from(first.is_uppercase());
            let lower: String = token.chars().flat_map(char::to_lowercase).collect();
            stops += usize::from(lexicon::is_stop_word(&lower));
        }
        let ratio = |n: usize| if alpha == 0 { 0.0 } else { n as f32 / alpha as f32 };
        let unspaced = text.chars().filter(|c| is_unspaced_script(*c)).count() * 2 > chars;
        let key = text
            .split_whitespace()
            .map(|w| w.chars().flat_map(char::to_lowercase).collect::<String>())
            .collect::<Vec<_>>()
            .join(" ");
        (
            words,
            chars,
            ratio(stops),
            ratio(caps),
            unspaced,
            looks_like_code(text),
            key,
        )
    }

    #[test]
    fn one_pass_equals_separate_passes() {
        for text in [
            "",
            "   ",
            "The harbour was closed on Monday, officials said.",
            "  Der Hafen\twurde am Montag geschlossen —\u{a0}nachdem ÜBER für  ",
            "it's 'quoted' ’tis rock’n’roll O'NEIL isn’t '' ’’ '",
            "ÉTÉ était Été ÊTRE È più PIÙ ŁÓDŹ się SIĘ",
            "東京都の港は月曜日に閉鎖された。 ตลาดน้ำ",
            "a\u{b}b\u{2003}c\u{3000}d\u{85}e",
            "12 34th 5G x2 _under_score__ ΣΟΦΟΣ ὈΔΥΣΣΕΎΣ",
            "if total != limit {",
            "a -- b",
            "a - - b",
            "f(x) y",
            "std::mem",
            "a: b",
            "K\u{212a}elvin ſtop İstanbul",
            "one\r\ntwo\u{c}three",
            "two  spaces",
            " lead",
            "trail ",
            "x",
            "Één  twee\u{a0}drie",
            "Één twee drie’",
            "━━━━━━ ━━ ━━━━",
            "• Harbour—pier–ÉTÉ…“Quoted”■ x",
            "a━b ━c ◆Dé━",
        ] {
            let (f, key) = analyse(text);
            let (words, chars, stop, caps, unspaced, code, ref_key) = reference(text);
            assert_eq!(
                (f.words, f.chars, f.unspaced, f.code),
                (words, chars, unspaced, code),
                "{text:?}"
            );
            assert_eq!((f.stop_density, f.capitalised), (stop, caps), "{text:?}");
            assert_eq!(key, ref_key, "{text:?}");
            assert_eq!(key, normalise(text), "{text:?}");
        }
    }

    #[test]
    fn plain_symbols_are_neither_spaces_nor_letters() {
        for c in ('\u{2000}'..='\u{2FFF}').filter(|&c| is_plain_symbol(c)) {
            assert!(
                !c.is_whitespace() && !c.is_alphanumeric() && !is_unspaced_script(c),
                "{c:?}"
            );
            assert!(c.to_lowercase().eq([c]), "{c:?}");
        }
        assert!(is_plain_symbol('━') && is_plain_symbol('“') && !is_plain_symbol('\u{2028}'));
        for c in ('\0'..='\u{3000}').chain(['\u{4E00}', '\u{1F600}']) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
        // The byte test tells the same chars.
        for c in ('\u{80}'..='\u{FFFF}').chain(['\u{1F600}', '\u{10FFFF}']) {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(plain_symbol_len(bytes, 0).is_some(), is_plain_symbol(c), "{c:?}");
        }
    }

    #[test]
    fn ascii_lower_casing_in_words() {
        let all: String = (0u8..128).map(char::from).collect();
        for text in [
            all.as_str(),
            "",
            "AZaz@[`{",
            "Hello WORLD, it's 9 o'Clock!",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        ] {
            assert_eq!(lower_ascii(text), text.to_ascii_lowercase(), "{text:?}");
        }
    }

    #[test]
    fn packed_stop_words() {
        for w in ["the", "und", "también", "że", "é"] {
            assert!(lexicon::is_stop_word(w), "{w}");
        }
        for w in ["harbour", "", "thee", "th", "tambiénx", "the\0"] {
            assert!(!lexicon::is_stop_word(w), "{w:?}");
        }
    }

    #[test]
    fn containment_matches_str_contains_on_generated_pages() {
        // Lines drawn from few words, so that many contain one another.
        let words = ["storm", "harbour", "closes", "the", "ferry", "news", "é", "storms"];
        let mut rng = crate::testgen::Rng::new(7);
        let mut next = |n: usize| rng.below(n);
        let (mut found, mut missed) = (0, 0);
        for _ in 0..400 {
            let blocks: Vec<Block> = (0..6)
                .map(|_| {
                    let n = 1 + next(6);
                    let text: Vec<&str> = (0..n).map(|_| words[next(words.len())]).collect();
                    Block {
                        text: text.join(" "),
                        kind: crate::cleaner::BlockKind::Paragraph,
                        chrome: None,
                    }
                })
                .collect();
            let page = Page::new(&blocks);
            for i in 0..=blocks.len() {
                let old = page.keys.get(i).is_some_and(|key| {
                    key.len() >= 12
                        && page
                            .keys
                            .iter()
                            .enumerate()
                            .any(|(j, other)| j != i && other.len() > key.len() && other.contains(key.as_str()))
                });
                assert_eq!(page.contained_elsewhere(i), old, "{i} {:?}", page.keys);
                if old {
                    found += 1;
                } else {
                    missed += 1;
                }
            }
        }
        assert!(found > 20 && missed > 20, "{found} {missed}");
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
