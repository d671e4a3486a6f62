//! Publication date: page metadata first, else the best date expression on
//! the page, preferring the byline zone around the headline (and date
//! lines beside a byline, above a dateline of their day, or under the
//! headline repeated in a list of stories), and "published" over "updated"
//! and "received".
//!
//! Every date expression is found with its span: month names in English,
//! German, French, Spanish, Italian, Dutch, Portuguese, Swedish and Polish
//! (day or month first, `04-Aug-2021`, year first `2023 Jan 7`), numeric
//! forms (their day/month order from the page's other dates, its clock and
//! its spelling) and ISO 8601. Impossible dates (30 February, month 13) are
//! rejected; relative forms ("3 hours ago") are not dates. A clock time
//! and a time zone next to the date make the record's date the UTC
//! instant ([`record_date`]).

use crate::cleaner::{Block, CleanDoc};
use crate::prebuilt::Matcher;
use regex::Regex;
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// A date found in text: ISO 8601 and the text it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundDate {
    pub iso: String,
    pub text: String,
    /// Byte span of `text` in the searched string.
    pub span: Range<usize>,
    pub role: DateRole,
}

/// What the words just before a date say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRole {
    Published,
    Updated,
    /// "Received"/"Submitted": when a manuscript arrived, not when it
    /// was published.
    Received,
    Unknown,
}

/// Month names and common abbreviations → month number.
const MONTHS: &[(&str, u32)] = &[
    // English
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // German
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("mär", 3),
    ("okt", 10),
    ("dez", 12),
    // French
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("janv", 1),
    ("févr", 2),
    ("avr", 4),
    ("juil", 7),
    ("déc", 12),
    // Spanish
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("ene", 1),
    ("abr", 4),
    ("ago", 8),
    ("dic", 12),
    // Italian
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    ("gen", 1),
    ("mag", 5),
    ("giu", 6),
    ("lug", 7),
    ("set", 9),
    ("ott", 10),
    // Dutch
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
    ("mrt", 3),
    // Portuguese
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    ("fev", 2),
    ("out", 10),
    // Swedish
    ("mars", 3),
    ("maj", 5),
    ("augusti", 8),
    // Polish (genitive, as used in dates)
    ("stycznia", 1),
    ("lutego", 2),
    ("marca", 3),
    ("kwietnia", 4),
    ("maja", 5),
    ("czerwca", 6),
    ("lipca", 7),
    ("sierpnia", 8),
    ("września", 9),
    ("października", 10),
    ("listopada", 11),
    ("grudnia", 12),
];

static MONTH_MAP: LazyLock<FxHashMap<&'static str, u32>> = LazyLock::new(|| MONTHS.iter().copied().collect());

/// Alternation of month names, longest first so "june" wins over "jun".
static MONTH_ALT: LazyLock<String> = LazyLock::new(|| {
    let mut names: Vec<&str> = MONTHS.iter().map(|(n, _)| *n).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names.dedup();
    names.join("|")
});

/// Year, optionally glued to a following time ("20246:08 AM" as scraped).
const YEAR: &str = r"((?:19|20)\d{2})(?:\d{1,2}:\d{2})?";

static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)({})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)\.?,?\s*(?:[-–]\s*)?{YEAR}",
        *MONTH_ALT
    ))
    .expect("static regex")
});
/// `3 March 2024`, `3. März 2024`, `5 de mayo de 2022`, and with dashes or
/// slashes as in log-style stamps: `04-Aug-2021`, `04/ago/2021`. One month
/// alternation, not one per separator: compiling it three times cost a
/// one-file run 12 M instructions; mixed separators (`4-Aug 2021`) pass.
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(\d{{1,2}})(?:(?:st|nd|rd|th|er|º|°)?\.?\s*(?:de\s+|of\s+)?|-|/)({m})(?:\.?,?\s+(?:de\s+)?|-|/){YEAR}",
        m = *MONTH_ALT
    ))
    .expect("static regex")
});
/// Year first with a month name: `2023 Jan 7` (reference lists, some
/// languages' order), `2023-Jan-07`.
static YEAR_MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)((?:19|20)\d{{2}})(?:\.?\s+({m})\.?\s+|-({m})-)(\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)",
        m = *MONTH_ALT
    ))
    .expect("static regex")
});
static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})([-/.])(\d{1,2})([-/.])(\d{1,2})").expect("static regex"));
/// `11/13/19 at 4:00 PM`, `11/08/23 5:19pm`: month/day (or the page's
/// order) with a two-digit year, then a clock time; `05.03.24, 10:34 Uhr`
/// with dots, day first.
static SHORT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{1,2})([/.])(\d{1,2})([/.])(\d{2})(?:\s+|,\s*)(?:at\s+|@\s*|um\s+|à\s+|om\s+)?\d{1,2}:\d{2}")
        .expect("static regex")
});
/// Chinese, Japanese and Korean: 2024年3月5日, 2024년 3월 5일.
static CJK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d{2})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]").expect("static regex")
});
/// Day and month first: `3.4.2024` (day.month), `04/03/2024` (month/day
/// unless the first number cannot be a month), `03-04-2024`.
static NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{1,2})([./-])(\d{1,2})([./-])((?:19|20)\d{2})").expect("static regex"));

/// A line that is only a day and month, a dash and the year: `12/19 —
/// 2025` (a design that sets the year apart). Only a whole line: in
/// running text "3/4 - 2025" may be anything.
static SPLIT_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(\d{1,2})([/.])(\d{1,2})\s+[—–-]\s+((?:19|20)\d{2})\s*$").expect("static regex"));

/// `Matcher`s (prebuilt DFAs, `crate::prebuilt`): compiling these two
/// with `Regex::new` was a third of a one-file run's instructions.
static UPDATED: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"(?i)(updated|modified|edited|aktualisiert|geändert|mis à jour|modifié|actualizado|aggiornato|bijgewerkt|atualizado|uppdaterad|zaktualizowano)\W{0,3}(on|am|le|el|il|em|op)?\W{0,3}$")
        .expect("static regex")
});
static PUBLISHED: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"(?i)(published|posted|released|written|veröffentlicht|erschienen|publié|publicado|pubblicato|gepubliceerd|publicerad|opublikowano|datum|post time|date)\W{0,3}(on|am|le|el|il|em|op)?\W{0,3}$")
        .expect("static regex")
});

static RECEIVED: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"(?i)(received|submitted|eingereicht|eingegangen|reçu|recibido|ricevuto|ontvangen|recebido|inkommen|otrzymano)\W{0,3}(on|am|le|el|il|em|op)?\W{0,3}$")
        .expect("static regex")
});

/// The labels of [`UPDATED`], [`PUBLISHED`] and [`RECEIVED`] (a test
/// checks them against the patterns).
const UPDATED_LABELS: &[&str] = &[
    "updated",
    "modified",
    "edited",
    "aktualisiert",
    "geändert",
    "mis à jour",
    "modifié",
    "actualizado",
    "aggiornato",
    "bijgewerkt",
    "atualizado",
    "uppdaterad",
    "zaktualizowano",
];
const PUBLISHED_LABELS: &[&str] = &[
    "published",
    "posted",
    "released",
    "written",
    "veröffentlicht",
    "erschienen",
    "publié",
    "publicado",
    "pubblicato",
    "gepubliceerd",
    "publicerad",
    "opublikowano",
    "datum",
    "post time",
    "date",
];
const RECEIVED_LABELS: &[&str] = &[
    "received",
    "submitted",
    "eingereicht",
    "eingegangen",
    "reçu",
    "recibido",
    "ricevuto",
    "ontvangen",
    "recebido",
    "inkommen",
    "otrzymano",
];

/// Whether `before` may end as the label patterns need:
/// `(label)\W{0,3}(on|am|le|el|il|em|op)?\W{0,3}$` (non-letters stand for
/// `\W`, any two letters for the short word). Most dates follow prose that
/// does not, and their three searches are skipped.
fn may_end_with_label(before: &str, labels: &[&str]) -> bool {
    let ends = |s: &str| labels.iter().any(|l| ends_with_folded(s, l));
    if ends(strip_non_letters(before, 6)) {
        return true;
    }
    let s = strip_non_letters(before, 3);
    let mut word = s.char_indices().rev().take(2).filter(|(_, c)| c.is_alphabetic());
    match (word.next(), word.next()) {
        (Some(_), Some((i, _))) => ends(strip_non_letters(&s[..i], 3)),
        _ => false,
    }
}

/// `s` without up to `n` final non-letters.
fn strip_non_letters(mut s: &str, n: usize) -> &str {
    for _ in 0..n {
        match s.chars().next_back() {
            Some(c) if !c.is_alphabetic() => s = &s[..s.len() - c.len_utf8()],
            _ => break,
        }
    }
    s
}

/// Whether `s` ends with `label` (lower case) as `(?i)` compares: simple
/// case folding, which for the labels' letters is lower-casing, plus the
/// long s.
fn ends_with_folded(s: &str, label: &str) -> bool {
    let mut cs = s.chars().rev();
    label.chars().rev().all(|l| {
        cs.next().is_some_and(|c| {
            if c.is_ascii() {
                c.to_ascii_lowercase() == l
            } else {
                c == l || (l == 's' && c == 'ſ') || c.to_lowercase().eq(std::iter::once(l))
            }
        })
    })
}

fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    MONTH_MAP.get(lower.trim_end_matches('.')).copied()
}

fn valid(y: i32, m: u32, d: u32) -> Option<String> {
    let date = jiff::civil::Date::new(i16::try_from(y).ok()?, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()?;
    (1970..=2100).contains(&y).then(|| date.to_string())
}

fn num<T: std::str::FromStr>(c: &regex::Captures, i: usize) -> Option<T> {
    c.get(i)?.as_str().parse().ok()
}

/// How to read `04/03/2024`: scraped pages glue words together
/// ("Health" + "March 3, 2024"), so boundaries are checked by hand instead of
/// with `\b`: no digit may touch a number, and a month name may follow a
/// lower-case letter or a digit only when it starts with a capital.
///
/// After a named-month date the year may touch more digits: scrapers glue
/// the next widget to it ("January 14, 2026" + "20 Mins Read").
fn at_boundary(text: &str, range: &Range<usize>, named_month: bool) -> bool {
    let before = text[..range.start].chars().next_back();
    let first = text[range.start..].chars().next();
    let after = text[range.end..].chars().next();
    let before_ok = match (before, first) {
        (None, _) | (_, None) => true,
        (Some(b), Some(f)) if f.is_ascii_digit() => !b.is_ascii_digit(),
        (Some(b), Some(f)) => !b.is_alphanumeric() || ((b.is_lowercase() || b.is_ascii_digit()) && f.is_uppercase()),
    };
    before_ok && (named_month || !after.is_some_and(|c| c.is_ascii_digit()))
}

/// Order of day and month in numeric dates with slashes or dashes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumericOrder {
    /// Slashes month first (US), dots and dashes day first, unless a
    /// number cannot be a month.
    MonthFirst,
    DayFirst,
    /// Month first whatever the separator: the page writes `11.24.2025`.
    MonthFirstAlways,
}

/// Every valid date expression in `text`, in order of position; where two
/// overlap, the one found first in pattern order (named months) wins.
pub fn find_dates(text: &str) -> Vec<FoundDate> {
    find_dates_ordered(text, NumericOrder::MonthFirst)
}

/// Every pattern needs a year 19xx or 20xx: a cheap test before the regexes.
/// Jumps between the `1`s and `2`s with memchr rather than testing every
/// window: it runs on every block of every page.
fn has_year(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr2_iter(b'1', b'2', b).any(|i| {
        b.get(i..i + 4)
            .is_some_and(|w| matches!(&w[..2], b"19" | b"20") && w[2].is_ascii_digit() && w[3].is_ascii_digit())
    })
}

/// Whether `text` may hold `(?:19|20)\d{2}` with Unicode `\d`: a superset
/// test (`char::is_numeric` covers every decimal digit), so a `false`
/// means no year pattern can match.
fn maybe_year(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr2_iter(b'1', b'2', b).any(|i| {
        matches!(b.get(i..i + 2), Some(b"19" | b"20"))
            && text.get(i + 2..).is_some_and(|r| {
                let mut cs = r.chars();
                cs.next().is_some_and(char::is_numeric) && cs.next().is_some_and(char::is_numeric)
            })
    })
}

/// Whether a year 19xx/20xx is followed by a month name (`2023 Jan 7`,
/// `2023-Jan-07`): what [`YEAR_MONTH_DAY`] needs to match, tested without
/// it. `\s` and Unicode `White_Space` (`char::is_whitespace`) agree.
fn year_then_month(text: &str) -> bool {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(3)).any(|i| {
        if !(matches!(&b[i..i + 2], b"19" | b"20") && b[i + 2].is_ascii_digit() && b[i + 3].is_ascii_digit()) {
            return false;
        }
        let rest = &text[i + 4..];
        let rest = rest.strip_prefix('.').unwrap_or(rest);
        let after = if let Some(r) = rest.strip_prefix('-') {
            r
        } else if rest.starts_with(char::is_whitespace) {
            rest.trim_start()
        } else {
            return false;
        };
        let word = after.find(|c: char| !c.is_alphabetic()).map_or(after, |e| &after[..e]);
        // The loop below keeps only capitalised month names.
        word.starts_with(char::is_uppercase) && month_number(word).is_some()
    })
}

/// Whether a colon has a digit after it, as the clock time `\d{1,2}:\d{2}`
/// of [`SHORT_YEAR`] needs (`char::is_numeric` covers Unicode `\d`).
fn clock_digits(text: &str) -> bool {
    memchr::memchr_iter(b':', text.as_bytes()).any(|i| {
        text.get(i + 1..)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_numeric)
    })
}

/// Whether `text` holds a CJK year sign, as [`CJK`] needs.
fn has_cjk_year_sign(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memmem::find(b, "年".as_bytes()).is_some() || memchr::memmem::find(b, "년".as_bytes()).is_some()
}

/// What stands next to the years of a text, for each pattern a necessary
/// condition of its match: a pattern none of whose years has its
/// neighbours cannot match, and its pass over the text is skipped. The
/// tests are supersets of the patterns' classes (`char::is_numeric` for
/// `\d`, `char::is_alphabetic` for a month name's letters under `(?i)`).
#[derive(Debug, Default, Clone, Copy)]
struct YearGates {
    /// A digit before the year, across `st`/`nd`, `.`, `,`, spaces and a
    /// dash ([`MONTH_DAY_YEAR`]: "March 5, 2024", "Mar 5th - 2024").
    digit_before: bool,
    /// A letter before the year, across `.`, `,` and spaces, or `-`/`/`
    /// then a letter ([`DAY_MONTH_YEAR`]: "3 March 2024", "04-Aug-2021").
    month_before: bool,
    /// `-`, `/` or `.` just after the year's four digits ([`ISO`]).
    separator_after: bool,
    /// `-`, `/` or `.` just before the year ([`NUMERIC`]: "3.4.2024").
    separator_before: bool,
}

impl YearGates {
    fn of(text: &str) -> YearGates {
        let b = text.as_bytes();
        let mut g = YearGates::default();
        for i in memchr::memchr2_iter(b'1', b'2', b) {
            if !matches!(b.get(i..i + 2), Some(b"19" | b"20")) {
                continue;
            }
            // Two more digits (Unicode `\d` in the patterns).
            let Some(rest) = text.get(i + 2..) else { continue };
            let mut cs = rest.char_indices();
            let (Some((_, d1)), Some((k, d2))) = (cs.next(), cs.next()) else {
                continue;
            };
            if !(d1.is_numeric() && d2.is_numeric()) {
                continue;
            }
            let after = rest[k + d2.len_utf8()..].chars().next();
            g.separator_after |= matches!(after, Some('-' | '/' | '.'));
            let before = &text[..i];
            g.separator_before |= matches!(before.as_bytes().last(), Some(b'.' | b'/' | b'-'));
            g.digit_before |= digit_before(before);
            g.month_before |= letter_before(before);
            if g.digit_before && g.month_before && g.separator_after && g.separator_before {
                break;
            }
        }
        g
    }
}

/// `({m})\.?\s+\d{1,2}(?:st|nd|rd|th)?\.?,?\s*(?:[-–]\s*)?` could end
/// `before` (the month only by its last letter).
fn digit_before(before: &str) -> bool {
    let mut s = before.trim_end();
    if let Some(r) = s.strip_suffix(['-', '–']) {
        s = r.trim_end();
    }
    let s = s.strip_suffix(',').unwrap_or(s);
    let mut s = s.strip_suffix('.').unwrap_or(s);
    // Up to two letters of an ordinal suffix, then the day.
    for _ in 0..3 {
        if day_after_month(s) {
            return true;
        }
        match s.chars().next_back() {
            Some(c) if c.is_alphabetic() => s = &s[..s.len() - c.len_utf8()],
            _ => return false,
        }
    }
    false
}

/// `s` ends with a letter, `\.?\s+` and one or two digits.
fn day_after_month(s: &str) -> bool {
    let mut head = match s.chars().next_back() {
        Some(d) if d.is_numeric() => &s[..s.len() - d.len_utf8()],
        _ => return false,
    };
    if let Some(d) = head.chars().next_back().filter(|d| d.is_numeric()) {
        head = &head[..head.len() - d.len_utf8()];
    }
    let t = head.trim_end();
    if t.len() == head.len() {
        return false;
    }
    let t = t.strip_suffix('.').unwrap_or(t);
    t.chars().next_back().is_some_and(char::is_alphabetic)
}

/// `\d{1,2}`, the day-to-month separator and a month then `(?:\.?,?\s+
/// (?:de\s+)?|-|/)` could end `before` (the month only as letters).
fn letter_before(before: &str) -> bool {
    if let Some(r) = before.strip_suffix(['-', '/']) {
        return day_then_month(r);
    }
    let s = before.trim_end();
    if s.len() == before.len() {
        return false;
    }
    let month_end = |s: &str| {
        let s = s.strip_suffix(',').unwrap_or(s);
        day_then_month(s.strip_suffix('.').unwrap_or(s))
    };
    // "5 de mayo de 2022".
    if let Some(r) = strip_word(s, "de") {
        let t = r.trim_end();
        if t.len() < r.len() && month_end(t) {
            return true;
        }
    }
    month_end(s)
}

/// `s` without a final `word` (ASCII letters, any case).
fn strip_word<'a>(s: &'a str, word: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(word.len())?;
    (s.is_char_boundary(cut) && s[cut..].eq_ignore_ascii_case(word)).then(|| &s[..cut])
}

/// `s` ends with letters (a month name) after a day: `\d{1,2}` then
/// `(?:st|nd|rd|th|er|º|°)?\.?\s*(?:de\s+|of\s+)?`, `-` or `/`.
fn day_then_month(s: &str) -> bool {
    let run = s.len() - s.trim_end_matches(char::is_alphabetic).len();
    if run == 0 {
        return false;
    }
    let before = &s[..s.len() - run];
    // A digit right before the letters: the month, or an ordinal
    // suffix and the month ("5thMarch").
    let ends_digit = |t: &str| t.chars().next_back().is_some_and(char::is_numeric);
    if ends_digit(before) {
        return true;
    }
    if let Some(r) = before.strip_suffix(['-', '/']) {
        return ends_digit(r);
    }
    // The day, its suffix, a dot and spaces, then `de`/`of` and spaces.
    let day_suffix = |t: &str| {
        let t = t.trim_end();
        let mut t = t.strip_suffix('.').unwrap_or(t);
        for _ in 0..3 {
            match t.chars().next_back() {
                Some(c) if c.is_numeric() => return true,
                Some(c) if c.is_alphabetic() || c == '°' => t = &t[..t.len() - c.len_utf8()],
                _ => return false,
            }
        }
        false
    };
    let t = before.trim_end();
    if t.len() < before.len()
        && let Some(r) = strip_word(t, "de").or_else(|| strip_word(t, "of"))
        && day_suffix(r)
    {
        return true;
    }
    day_suffix(before)
}

/// [`find_dates`] with the page's order for numeric dates.
pub fn find_dates_ordered(text: &str, order: NumericOrder) -> Vec<FoundDate> {
    date_spans(text, order)
        .into_iter()
        .map(|(span, iso)| {
            let before = tail(&text[..span.start], 40);
            let role = if may_end_with_label(before, UPDATED_LABELS) && UPDATED.is_match(before) {
                DateRole::Updated
            } else if may_end_with_label(before, PUBLISHED_LABELS) && PUBLISHED.is_match(before) {
                DateRole::Published
            } else if may_end_with_label(before, RECEIVED_LABELS) && RECEIVED.is_match(before) {
                DateRole::Received
            } else {
                DateRole::Unknown
            };
            let iso = with_zoned_time(text, &span, &iso).unwrap_or(iso);
            FoundDate {
                iso,
                text: text[span.clone()].trim_end().to_string(),
                span,
                role,
            }
        })
        .collect()
}

/// The spans and ISO days of [`find_dates_ordered`], without their roles
/// and texts (all [`contains_date`] needs).
#[inline(never)]
fn date_spans(text: &str, order: NumericOrder) -> Vec<(Range<usize>, String)> {
    let full_year = has_year(text);
    // "11/13/19 at 4:00 PM": a slash date with a two-digit year, only when
    // a clock time follows (alone, "1/2/24" may be anything).
    let bytes = text.as_bytes();
    let short_year = memchr::memchr2(b'/', b'.', bytes).is_some() && memchr::memchr(b':', bytes).is_some();
    if !full_year && !short_year {
        return Vec::new();
    }
    // Every pattern but SHORT_YEAR needs `(?:19|20)\d{2}`, whose `\d` is
    // Unicode: a page that passed only for SHORT_YEAR skips them.
    let year_like = full_year || maybe_year(text);
    let mut found: Vec<(Range<usize>, String)> = Vec::new();
    let mut push = |range: Range<usize>, iso: Option<String>, named_month: bool| {
        if let Some(iso) = iso
            && at_boundary(text, &range, named_month)
            && !found.iter().any(|(r, _)| r.start < range.end && range.start < r.end)
        {
            found.push((range, iso));
        }
    };
    // Each pattern's year has its own neighbours; where no year has them,
    // that pattern's pass over the text is skipped (see [`YearGates`]).
    let gates = if year_like {
        YearGates::of(text)
    } else {
        YearGates::default()
    };
    // Matches only, their groups read by hand (see [`month_day_year_iso`]).
    if gates.digit_before {
        for m in MONTH_DAY_YEAR.find_iter(text) {
            push(m.range(), month_day_year_iso(m.as_str()), true);
        }
    }
    if gates.month_before {
        for m in DAY_MONTH_YEAR.find_iter(text) {
            push(m.range(), day_month_year_iso(m.as_str()), true);
        }
    }
    if year_like {
        // Compiling YEAR_MONTH_DAY (every month name, case-insensitive) costs
        // a few milliseconds: only pages that have its shape pay for it.
        if year_then_month(text) {
            for c in YEAR_MONTH_DAY.captures_iter(text) {
                let name = c.get(2).or(c.get(3)).map_or("", |m| m.as_str());
                // A capital: "in 2030 may 40 firms" is not a date.
                let capital = name.chars().next().is_some_and(char::is_uppercase);
                let iso = capital
                    .then(|| month_number(name).and_then(|m| valid(num(&c, 1)?, m, num(&c, 4)?)))
                    .flatten();
                push(c.get(0).map_or(0..0, |m| m.range()), iso, false);
            }
        }
    }
    if gates.separator_after {
        for c in ISO.captures_iter(text) {
            // The same separator twice: 2024-03-05, 2024/03/05, 2024.03.05.
            let iso = (c[2] == c[4])
                .then(|| valid(num(&c, 1)?, num(&c, 3)?, num(&c, 5)?))
                .flatten();
            push(c.get(0).map_or(0..0, |m| m.range()), iso, false);
        }
    }
    if year_like && has_cjk_year_sign(text) {
        for c in CJK.captures_iter(text) {
            let iso = (|| valid(num(&c, 1)?, num(&c, 2)?, num(&c, 3)?))();
            push(c.get(0).map_or(0..0, |m| m.range()), iso, false);
        }
    }
    if gates.separator_before {
        for c in NUMERIC.captures_iter(text) {
            if c[2] != c[4] {
                continue;
            }
            let (Some(a), Some(b), Some(y)) = (num::<u32>(&c, 1), num::<u32>(&c, 3), num::<i32>(&c, 5)) else {
                continue;
            };
            // Dots and dashes are day-first (3.4.2024, 03-04-2024) unless the
            // second number cannot be a month or the page writes them month
            // first; slashes follow the page's order.
            let day_first = if b > 12 {
                false
            } else {
                a > 12
                    || match order {
                        NumericOrder::DayFirst => true,
                        NumericOrder::MonthFirstAlways => false,
                        NumericOrder::MonthFirst => &c[2] != "/",
                    }
            };
            let (d, m) = if day_first { (a, b) } else { (b, a) };
            push(c.get(0).map_or(0..0, |m| m.range()), valid(y, m, d), false);
        }
    }
    if year_like
        && let Some(c) = SPLIT_YEAR.captures(text)
        && let (Some(a), Some(b), Some(y)) = (num::<u32>(&c, 1), num::<u32>(&c, 3), num::<i32>(&c, 4))
    {
        let day_first = a > 12 || (b <= 12 && (order == NumericOrder::DayFirst || &c[2] == "."));
        let (d, m) = if day_first { (a, b) } else { (b, a) };
        push(
            c.get(1).map_or(0, |m| m.start())..c.get(4).map_or(0, |m| m.end()),
            valid(y, m, d),
            false,
        );
    }
    if short_year && clock_digits(text) {
        for c in SHORT_YEAR.captures_iter(text) {
            let (Some(a), Some(b), Some(y)) = (num::<u32>(&c, 1), num::<u32>(&c, 3), num::<i32>(&c, 5)) else {
                continue;
            };
            if c[2] != c[4] {
                continue;
            }
            let dots = &c[2] == ".";
            let day_first = if b > 12 {
                false
            } else {
                a > 12
                    || match order {
                        NumericOrder::DayFirst => true,
                        NumericOrder::MonthFirstAlways => false,
                        NumericOrder::MonthFirst => dots,
                    }
            };
            let (d, m) = if day_first { (a, b) } else { (b, a) };
            let y = if y < 70 { 2000 + y } else { 1900 + y };
            let range = c
                .get(0)
                .map_or(0..0, |m| m.start()..c.get(5).map_or(m.end(), |y| y.end()));
            push(range, valid(y, m, d), false);
        }
    }
    found.sort_by_key(|(r, _)| r.start);
    found
}

/// The leading day of a [`DAY_MONTH_YEAR`] match or the day after a
/// [`MONTH_DAY_YEAR`] month: `\d{1,2}` as the patterns take it. The
/// second character is part of it whenever it is a digit (one digit
/// followed by a digit leaves no way to go on); `char::is_numeric` is a
/// superset of `\d`, but a numeric non-`\d` there leaves no match either.
fn day_digits(s: &str) -> &str {
    let mut cs = s.char_indices();
    match (cs.next(), cs.next()) {
        (Some(_), Some((i, c))) if c.is_numeric() => &s[..i + c.len_utf8()],
        (Some((_, c)), _) => &s[..c.len_utf8()],
        _ => "",
    }
}

/// The year of a match: the four characters at the first digit from
/// `from` (separators, suffixes and month names hold none).
fn year_digits(m: &str, from: usize) -> Option<(usize, &str)> {
    let (at, _) = m[from..].char_indices().find(|(_, c)| c.is_numeric())?;
    let at = from + at;
    let end = m[at..].char_indices().nth(4).map_or(m.len(), |(i, _)| at + i);
    Some((at, &m[at..end]))
}

/// The ISO day of a [`MONTH_DAY_YEAR`] match, read from its text by hand:
/// the values its capture groups hold, without a capture search (a
/// bounded backtracker through the whole month alternation, thousands of
/// instructions a match). The month is the leading run of letters (names
/// are letters, and a `.` or a space follows).
fn month_day_year_iso(m: &str) -> Option<String> {
    let month_end = m.find(|c: char| !c.is_alphabetic())?;
    let rest = &m[month_end..];
    let rest = rest.strip_prefix('.').unwrap_or(rest).trim_start();
    let day = day_digits(rest);
    let day_end = m.len() - rest.len() + day.len();
    let (_, year) = year_digits(m, day_end)?;
    let month = month_number(&m[..month_end])?;
    valid(year.parse().ok()?, month, day.parse().ok()?)
}

/// `label` (lower case) at the start of `s` as `(?i)` compares it (see
/// [`ends_with_folded`]): the rest of `s`.
fn strip_prefix_folded<'a>(s: &'a str, label: &str) -> Option<&'a str> {
    let mut cs = s.char_indices();
    for l in label.chars() {
        let (_, c) = cs.next()?;
        let same = if c.is_ascii() {
            c.to_ascii_lowercase() == l
        } else {
            c == l || (l == 's' && c == 'ſ') || c.to_lowercase().eq(std::iter::once(l))
        };
        if !same {
            return None;
        }
    }
    Some(cs.next().map_or("", |(i, _)| &s[i..]))
}

/// The ISO day of a [`DAY_MONTH_YEAR`] match, read by hand (see
/// [`month_day_year_iso`]). Between the day and the year's first digit:
/// the separators before the month, the month, and after it `-`, `/`, or
/// `.`, `,`, spaces and a "de": the month is the last run of letters once
/// those are cut, less an ordinal suffix glued before it ("1stJan") when
/// the rest is a month (as the pattern tries the suffix first; "stycznia"
/// is a month of its own).
fn day_month_year_iso(m: &str) -> Option<String> {
    let day = day_digits(m);
    let (year_at, year) = year_digits(m, day.len())?;
    let mut between = &m[day.len()..year_at];
    if let Some(b) = between.strip_suffix(['-', '/']) {
        between = b;
    } else {
        between = between.trim_end();
        if let Some(b) = between.strip_suffix(['e', 'E'])
            && let Some(b) = b.strip_suffix(['d', 'D'])
            && b.ends_with(char::is_whitespace)
        {
            between = b.trim_end();
        }
        between = between.strip_suffix(',').unwrap_or(between);
        between = between.strip_suffix('.').unwrap_or(between);
    }
    let start = between
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(between.len(), |(i, _)| i);
    let run = &between[start..];
    let month = ["st", "nd", "rd", "th", "er", "º"]
        .iter()
        .filter_map(|s| strip_prefix_folded(run, s))
        .find_map(month_number)
        .or_else(|| month_number(run))?;
    valid(year.parse().ok()?, month, day.parse().ok()?)
}

/// A clock time with a time zone: "10:31 pm CST", "10.31 p.m. ET",
/// "1139 GMT", "20:49 BST", "13:55 GMT+1", "22:57 UTC-05:00", "09:12
/// +0200", "22:57Z". 12- or 24-hour, the zone a name of [`ZONES`] (with an
/// optional offset from GMT/UTC) or a bare numeric offset. ASCII digits:
/// with Unicode `\d` (whose other digits the clock's parse refuses anyway)
/// compiling these patterns cost a one-file run 7 M more instructions.
const TIME_TZ: &str = concat!(
    r"(?:(?P<h>[0-9]{1,2})[:.](?P<m>[0-9]{2})(?::(?P<s>[0-9]{2}))?|(?P<h4>[01][0-9]|2[0-3])(?P<m4>[0-5][0-9]))",
    r"(?:\s?(?P<ap>[aApP])\.?\s?[mM]\.?)?",
    r"(?:(?P<z>Z)|\s*\(?(?P<zone>[A-Z]{2,4})(?:\s?(?P<zsign>[+-])(?P<zh>[0-9]{1,2})(?::?(?P<zm>[0-9]{2}))?)?\)?",
    r"|\s?(?P<sign>[+-])(?P<oh>[0-9]{2}):?(?P<om>[0-9]{2}))",
);
static TIME_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^[\s,|•·–—-]{{0,4}}(?:at\s+)?{TIME_TZ}")).expect("static regex"));
static TIME_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[^0-9.:T]){TIME_TZ}[\s,|•·–—-]{{0,4}}(?:[A-Za-z]+day[\s,]{{1,3}})?$"
    ))
    .expect("static regex")
});
/// An ISO date's clock time and UTC offset as machines write them:
/// "T13:00:39+00:00", "T02:00:00.000Z", " 09:30:00-0500".
static ISO_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,][0-9]{1,9})?)?\s?(?:(Z)|([+-])([0-9]{2})(?::?([0-9]{2}))?)",
    )
    .expect("static regex")
});

/// How a zone name gives its offset from UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ZoneRule {
    /// Always this many minutes east of UTC.
    Fixed(i16),
    /// A generic US zone ("ET"): standard time this many hours east of
    /// UTC, one hour more under US daylight-saving time.
    Us(i8),
}

/// Time-zone abbreviations as news pages write them, with their offsets
/// (the abbreviations of the IANA tz database, `northamerica`, `europe`,
/// `asia`, `australasia`). Ambiguous ones take the reading most common in
/// English-language news: CST is US Central (not China Standard, +08),
/// IST is India (+05:30, not Irish Summer +01 or Israel +02), BST is
/// British Summer (not Bangladesh, +06).
const ZONES: &[(&str, ZoneRule)] = &[
    ("GMT", ZoneRule::Fixed(0)),
    ("UTC", ZoneRule::Fixed(0)),
    ("UT", ZoneRule::Fixed(0)),
    ("WET", ZoneRule::Fixed(0)),
    ("WEST", ZoneRule::Fixed(60)),
    ("BST", ZoneRule::Fixed(60)),
    ("CET", ZoneRule::Fixed(60)),
    ("CEST", ZoneRule::Fixed(120)),
    ("EET", ZoneRule::Fixed(120)),
    ("EEST", ZoneRule::Fixed(180)),
    ("MSK", ZoneRule::Fixed(180)),
    ("IST", ZoneRule::Fixed(330)),
    ("SGT", ZoneRule::Fixed(480)),
    ("HKT", ZoneRule::Fixed(480)),
    ("JST", ZoneRule::Fixed(540)),
    ("KST", ZoneRule::Fixed(540)),
    ("AEST", ZoneRule::Fixed(600)),
    ("AEDT", ZoneRule::Fixed(660)),
    ("NZST", ZoneRule::Fixed(720)),
    ("NZDT", ZoneRule::Fixed(780)),
    ("EST", ZoneRule::Fixed(-300)),
    ("EDT", ZoneRule::Fixed(-240)),
    ("CST", ZoneRule::Fixed(-360)),
    ("CDT", ZoneRule::Fixed(-300)),
    ("MST", ZoneRule::Fixed(-420)),
    ("MDT", ZoneRule::Fixed(-360)),
    ("PST", ZoneRule::Fixed(-480)),
    ("PDT", ZoneRule::Fixed(-420)),
    ("AKST", ZoneRule::Fixed(-540)),
    ("AKDT", ZoneRule::Fixed(-480)),
    ("HST", ZoneRule::Fixed(-600)),
    ("ET", ZoneRule::Us(-5)),
    ("CT", ZoneRule::Us(-6)),
    ("MT", ZoneRule::Us(-7)),
    ("PT", ZoneRule::Us(-8)),
];

fn zone_rule(name: &str) -> Option<ZoneRule> {
    ZONES.iter().find(|(n, _)| *n == name).map(|&(_, r)| r)
}

/// The `n`th (1-based) Sunday of a month, or its last with `n == 0`.
fn sunday(year: i16, month: i8, n: i8) -> Option<jiff::civil::Date> {
    use jiff::civil::Weekday;
    if n == 0 {
        let last = jiff::civil::Date::new(year, month, 1).ok()?.last_of_month();
        last.nth_weekday_of_month(-1, Weekday::Sunday).ok()
    } else {
        jiff::civil::Date::new(year, month, 1)
            .ok()?
            .nth_weekday_of_month(n, Weekday::Sunday)
            .ok()
    }
}

/// Whether a US wall-clock time is daylight-saving time: from 2:00 on the
/// second Sunday of March to 2:00 on the first Sunday of November since
/// 2007 (the Energy Policy Act of 2005), first Sunday of April to last
/// Sunday of October 1987-2006, last Sundays of April and October before.
/// The hour repeated in November (1:00-2:00) is read as daylight time,
/// the first of the two.
fn us_daylight(date: jiff::civil::Date, hour: u8) -> bool {
    let year = date.year();
    let (start, end) = if year >= 2007 {
        (sunday(year, 3, 2), sunday(year, 11, 1))
    } else if year >= 1987 {
        (sunday(year, 4, 1), sunday(year, 10, 0))
    } else {
        (sunday(year, 4, 0), sunday(year, 10, 0))
    };
    let (Some(start), Some(end)) = (start, end) else {
        return false;
    };
    let after_start = date > start || (date == start && hour >= 2);
    let before_end = date < end || (date == end && hour < 2);
    after_start && before_end
}

/// A wall-clock time and its offset from UTC, both as the page gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ZonedTime {
    hour: u8,
    minute: u8,
    second: u8,
    /// Minutes east of UTC.
    offset: i16,
}

/// An offset of at most 14 hours with minutes 00, 30 or 45 (the only ones
/// in use), in minutes east of UTC.
fn offset_minutes(sign: &str, hours: &str, minutes: Option<&str>) -> Option<i16> {
    let h: i16 = hours.parse().ok().filter(|h| *h <= 14)?;
    let m: i16 = minutes.map_or(Some(0), |m| m.parse().ok())?;
    if !matches!(m, 0 | 30 | 45) {
        return None;
    }
    let total = h * 60 + m;
    Some(if sign == "-" { -total } else { total })
}

/// The clock time and zone of a [`TIME_TZ`] match on the day `date`.
fn zoned_time(c: &regex::Captures, date: jiff::civil::Date) -> Option<ZonedTime> {
    let (h, m) = match (c.name("h"), c.name("m")) {
        (Some(h), Some(m)) => (h, m),
        _ => (c.name("h4")?, c.name("m4")?),
    };
    let mut hour: u8 = h.as_str().parse().ok()?;
    let minute: u8 = m.as_str().parse().ok()?;
    let second: u8 = c.name("s").map_or(Some(0), |s| s.as_str().parse().ok())?;
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    match c.name("ap").map(|m| m.as_str().to_ascii_lowercase()).as_deref() {
        Some(_) if !(1..=12).contains(&hour) => return None,
        Some("p") if hour < 12 => hour += 12,
        Some("a") if hour == 12 => hour = 0,
        _ => {}
    }
    let offset = if c.name("z").is_some() {
        0
    } else if let Some(zone) = c.name("zone") {
        match zone_rule(zone.as_str())? {
            // "GMT+1", "UTC-05:00": an explicit offset from GMT/UTC.
            ZoneRule::Fixed(0) if c.name("zsign").is_some() => offset_minutes(
                c.name("zsign")?.as_str(),
                c.name("zh")?.as_str(),
                c.name("zm").map(|m| m.as_str()),
            )?,
            _ if c.name("zsign").is_some() => return None,
            ZoneRule::Fixed(minutes) => minutes,
            ZoneRule::Us(standard) => i16::from(standard) * 60 + if us_daylight(date, hour) { 60 } else { 0 },
        }
    } else {
        offset_minutes(
            c.name("sign")?.as_str(),
            c.name("oh")?.as_str(),
            c.name("om").map(|m| m.as_str()),
        )?
    };
    Some(ZonedTime {
        hour,
        minute,
        second,
        offset,
    })
}

/// Whether a [`TIME_TZ`] match ends where a word ends: "22:57 Zürich" and
/// "10:31 ETH" are not zones.
fn ends_word(haystack: &str, end: usize) -> bool {
    !haystack[end..].chars().next().is_some_and(char::is_alphanumeric)
}

/// When the date comes with a clock time and a zone (next to it on the
/// line, or an ISO date's own `T13:00:39+02:00`), the wall-clock time
/// with the zone's offset as RFC 3339 ("Nov 19, 10:31 pm CST" is
/// `2019-11-19T22:31:00-06:00`): the calendar day stays the one the page
/// shows, which the scoring compares; [`record_date`] turns it into the
/// UTC instant for the record.
fn with_zoned_time(text: &str, span: &Range<usize>, iso: &str) -> Option<String> {
    let date: jiff::civil::Date = iso.get(..10)?.parse().ok()?;
    let after = &text[span.end..];
    // Only right after an ISO date ("2024-04-18T13:00:39Z").
    let d = text[span.clone()].as_bytes();
    let iso_date = d.len() == 10 && d[4] == b'-' && d[7] == b'-';
    let t = if iso_date && let Some(c) = ISO_TIME.captures(&after[..floor_boundary(after, 40)]) {
        let n = |i: usize| c.get(i).map_or(Some(0), |m| m.as_str().parse::<u8>().ok());
        let (hour, minute, second) = (n(1)?, n(2)?, n(3)?);
        if hour > 23 || minute > 59 || second > 59 {
            return None;
        }
        let offset = if c.get(4).is_some() {
            0
        } else {
            offset_minutes(c.get(5)?.as_str(), c.get(6)?.as_str(), c.get(7).map(|m| m.as_str()))?
        };
        ZonedTime {
            hour,
            minute,
            second,
            offset,
        }
    } else {
        let after = &after[..floor_boundary(after, 40)];
        let before = tail(&text[..span.start], 40);
        // A clock after the date whose "zone" is no zone ("10:00 AM")
        // leaves the one before it ("9:05 pm PST, January 8, 2021 10:00 AM").
        TIME_AFTER
            .captures(after)
            .filter(|c| c.get(0).is_some_and(|m| ends_word(after, m.end())))
            .and_then(|c| zoned_time(&c, date))
            .or_else(|| {
                // Before the date, a bare offset is the tail of a machine
                // stamp ("2024-04-18T13:00:39+00:00March 22nd, 2024").
                let c = TIME_BEFORE.captures(before).filter(|c| c.name("sign").is_none())?;
                zoned_time(&c, date)
            })?
    };
    let sign = if t.offset < 0 { '-' } else { '+' };
    let off = t.offset.unsigned_abs();
    Some(format!(
        "{date}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        t.hour,
        t.minute,
        t.second,
        off / 60,
        off % 60
    ))
}

/// The record's form of a found date: with a clock time and a zone, the
/// UTC instant (`2019-11-20T04:31:00Z`); without, as found (a day).
pub fn record_date(iso: &str) -> String {
    if iso.len() > 10
        && let Ok(ts) = iso.parse::<jiff::Timestamp>()
    {
        return ts.to_string();
    }
    iso.to_string()
}

/// The largest index `<= max` that is a character boundary of `s`.
fn floor_boundary(s: &str, max: usize) -> usize {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// The last `max` bytes of `s` or fewer, cut at a character boundary.
fn tail(s: &str, max: usize) -> &str {
    let mut start = s.len().saturating_sub(max);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..]
}

/// The first valid date expression in `text`, passing over a manuscript's
/// "Received" date when another follows ("Received 2022 Oct 12; Accepted
/// 2023 Jan 7").
pub fn find_date(text: &str) -> Option<FoundDate> {
    let mut dates = find_dates(text);
    let pick = dates.iter().position(|d| d.role != DateRole::Received).unwrap_or(0);
    (pick < dates.len()).then(|| dates.swap_remove(pick))
}

pub fn contains_date(text: &str) -> bool {
    !date_spans(text, NumericOrder::MonthFirst).is_empty()
}

/// Metadata date, else the date expression with the best score: near the
/// headline (the byline zone), on a line the cleaner marked as a date or
/// byline, said to be "published" rather than "updated".
///
/// Its `iso` is the record's form. A date written in the text with a clock
/// time and a zone is the UTC instant ([`record_date`]); anything else is
/// the day, metadata timestamps included: they give the publisher's
/// calendar day in their own offset, which the HTML cleaner has already
/// checked against the URL's and the byline's days (on the dev pages the
/// UTC day of a metadata timestamp was the gold day 3 times, its own day
/// 6 times, when the two differed).
pub fn extract(doc: &CleanDoc) -> Option<FoundDate> {
    if let Some(p) = &doc.meta.published
        && let Some(d) = find_date(p)
    {
        // Metadata timestamps give their own calendar day (see above).
        return Some(FoundDate {
            iso: d.iso.get(..10).unwrap_or(&d.iso).to_string(),
            text: doc.meta.published_text.clone().unwrap_or_else(|| p.clone()),
            span: 0..p.len(),
            role: DateRole::Published,
        });
    }
    candidates(doc)
        .into_iter()
        .fold(None, |best: Option<(f32, FoundDate)>, (s, _, d)| match best {
            Some((b, _)) if s <= b => best,
            _ => Some((s, d)),
        })
        .map(|(_, d)| FoundDate {
            iso: record_date(&d.iso),
            ..d
        })
}

/// Every date expression of a text page with its score and block index,
/// in page order (yearless dates after full ones); [`extract`] takes the
/// first of the best.
pub fn candidates(doc: &CleanDoc) -> Vec<(f32, usize, FoundDate)> {
    let mut out = Vec::new();
    let headline = doc
        .blocks
        .iter()
        .position(|b| b.chrome == Some(crate::cleaner::text::HEADLINE));
    let body = doc.body_start();
    let Some(anchor) = headline.or(body) else {
        return out;
    };
    let zone_end = body.map_or(anchor + 12, |b| b.max(anchor) + 3);
    let order = page_order(&doc.blocks);
    // Each block's dates, found once: the comment-stamp test reads them
    // month first (as `find_date` does), which is the same list when the
    // page's order is month first.
    let dates: Vec<Vec<FoundDate>> = doc.blocks.iter().map(|b| find_dates_ordered(&b.text, order)).collect();
    let stamp = |b: &Block, ds: &[FoundDate]| {
        if order == NumericOrder::MonthFirst {
            let pick = ds.iter().find(|d| d.role != DateRole::Received).or(ds.first());
            pick.is_some_and(|d| is_comment_stamp(&b.text, d))
        } else {
            find_date(&b.text).is_some_and(|d| is_comment_stamp(&b.text, &d))
        }
    };
    let comment_series = doc
        .blocks
        .iter()
        .zip(&dates)
        // On a month-first page a block without dates is no stamp: its
        // year test is skipped.
        .filter(|(b, ds)| (order != NumericOrder::MonthFirst || !ds.is_empty()) && has_year(&b.text) && stamp(b, ds))
        .nth(2)
        .is_some();
    let teasers = teaser_dates(doc, headline);
    let mut years: Vec<(usize, i32)> = Vec::new();
    for (i, (block, found_here)) in doc.blocks.iter().zip(&dates).enumerate() {
        for (k, mut found) in found_here.iter().cloned().enumerate() {
            if let Some(y) = found.iso.get(..4).and_then(|y| y.parse().ok()) {
                years.push((i, y));
            }
            if found.role == DateRole::Unknown && block.text[..found.span.start].trim().is_empty() {
                found.role = label_above(&doc.blocks, i);
            }
            let mut s = score(i, block, &found, anchor, zone_end);
            if comment_series && is_comment_stamp(&block.text, &found) {
                s -= 10.0;
            }
            if is_date_line(block, &found) && beside_byline(&doc.blocks, i) {
                s += 2.0;
            }
            if opens_dateline(&doc.blocks, i, &found.iso) {
                s += 2.0;
            }
            if teasers.contains(&i) && is_date_line(block, &found) {
                s += 4.0;
            }
            // "Tom2024-04-18T13:00:39+00:00March 22nd, 2024": a machine
            // timestamp leaked from hidden markup (often the modified
            // time) beside the date the reader sees: the latter wins.
            if is_machine_stamp(&block.text, &found) && found_here.iter().any(|d| !is_machine_stamp(&block.text, d)) {
                s -= 1.0;
            }
            // One end of a range ("Dec 25, 2023/Jan 1, 2024", "May 2 to
            // May 5, 2024") dates an issue or an event, not the page.
            let joined = |a: &FoundDate, b: &FoundDate| is_range_joiner(&block.text[a.span.end..b.span.start]);
            if found_here.get(k + 1).is_some_and(|next| joined(&found, next))
                || k.checked_sub(1).is_some_and(|p| joined(&found_here[p], &found))
            {
                s -= 3.0;
            }
            out.push((s, i, found));
        }
    }
    settle_ambiguous_numeric(&mut out);
    // The one day the page labels "Published" (outside lists of other
    // stories, comments and footers) is its date, wherever it sits.
    {
        let labelled = |&&(_, i, ref d): &&(f32, usize, FoundDate)| {
            d.role == DateRole::Published
                && !matches!(
                    doc.blocks[i].chrome,
                    Some("related" | "comments" | "footer" | "menu" | "aside" | "advert")
                )
        };
        let mut days = out
            .iter()
            .filter(labelled)
            .map(|(_, _, d)| d.iso.get(..10).unwrap_or(&d.iso));
        if let Some(first) = days.next()
            && days.all(|d| d == first)
        {
            let first = first.to_string();
            for c in out.iter_mut() {
                if labelled(&&*c) && c.2.iso.starts_with(&first) {
                    c.0 += 3.0;
                }
            }
        }
    }
    // Dates written without a year, on a line of their own or in a
    // dateline, take the year of the nearest full date, else the page's
    // most frequent year; they rank a little below full dates.
    // Counting the years of every block is only needed when the page has
    // no full date: computed then, once.
    let fallback_year = std::cell::OnceCell::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        let Some((found, dateline)) = yearless_date(&block.text) else {
            continue;
        };
        let year = years
            .iter()
            .min_by_key(|(j, _)| j.abs_diff(i))
            .map(|&(_, y)| y)
            .or_else(|| *fallback_year.get_or_init(|| most_frequent_year(&doc.blocks)));
        let Some(iso) = year.and_then(|y| valid(y, found.month, found.day)) else {
            continue;
        };
        let found = FoundDate {
            iso,
            text: block.text[found.span.clone()].to_string(),
            span: found.span,
            role: found.role,
        };
        let mut s = score(i, block, &found, anchor, zone_end) - 1.0;
        if dateline && block.chrome.is_none() {
            // The dateline opens the story: as good as a date line.
            s += 5.0;
        }
        out.push((s, i, found));
    }
    out
}

/// An ISO date with its clock time ("2024-04-18T13:00:39"), as markup
/// holds it for machines.
fn is_machine_stamp(text: &str, found: &FoundDate) -> bool {
    let after = text.as_bytes().get(found.span.end..).unwrap_or_default();
    found.text.len() == 10
        && found.text.as_bytes().get(4) == Some(&b'-')
        && after.len() >= 3
        && after[0] == b'T'
        && after[1].is_ascii_digit()
        && after[2].is_ascii_digit()
}

/// A numeric date whose day and month could be swapped ("06/01/2026").
fn is_ambiguous_numeric(text: &str) -> bool {
    let mut parts = text.split(['/', '.', '-']).map(|p| p.trim().parse::<u32>().ok());
    match (
        parts.next().flatten(),
        parts.next().flatten(),
        parts.next().flatten(),
        parts.next(),
    ) {
        (Some(a), Some(b), Some(_), None) => a != b && (1..=12).contains(&a) && (1..=12).contains(&b),
        _ => false,
    }
}

/// "06/01/2026" read as 1 June is more than a week after every other date
/// on the page, as 6 January it is not: then it is 6 January. Articles
/// are dated on or after the days they mention, so a reading in the
/// future of the whole page is the wrong one.
fn settle_ambiguous_numeric(out: &mut [(f32, usize, FoundDate)]) {
    let day = |iso: &str| iso.get(..10).and_then(|d| d.parse::<jiff::civil::Date>().ok());
    let Some(limit) = out
        .iter()
        .filter(|(_, _, d)| !is_ambiguous_numeric(&d.text))
        .filter_map(|(_, _, d)| day(&d.iso))
        .max()
        .and_then(|latest| latest.checked_add(jiff::Span::new().days(7)).ok())
    else {
        return;
    };
    for (_, _, d) in out.iter_mut().filter(|(_, _, d)| is_ambiguous_numeric(&d.text)) {
        let Some(read) = day(&d.iso) else { continue };
        let swapped = jiff::civil::Date::new(read.year(), read.day(), read.month()).ok();
        if read > limit
            && let Some(swapped) = swapped.filter(|s| *s <= limit)
        {
            // The time of day, if any, stays.
            d.iso = format!("{swapped}{}", d.iso.get(10..).unwrap_or(""));
        }
    }
}

/// A month and day without a year.
struct Yearless {
    month: u32,
    day: u32,
    span: Range<usize>,
    role: DateRole,
}

/// "Aug 15", "30 Nov", "Updated Nov 19, 6:55 AM" alone on a line, or a
/// dateline opening a paragraph ("HARBOURTOWN, Nov 22 — ..."); the flag
/// says which. Not when the line has a full date.
fn yearless_date(text: &str) -> Option<(Yearless, bool)> {
    let (c, at, dateline) = yearless_match(text)?;
    if contains_date(text) {
        return None;
    }
    // A labelled line may hold two stamps ("Updated Nov 19, 6:55 AM;
    // Posted Nov 19, 6:51 AM").
    let max_words = if c.get(1).is_some() { 14 } else { 8 };
    let short = text.split_whitespace().nth(max_words).is_none();
    if !dateline && !short {
        return None;
    }
    let (name, day) = match (c.get(2), c.get(3), c.get(4), c.get(5)) {
        (Some(m), Some(d), _, _) => (m, d),
        (_, _, Some(d), Some(m)) => (m, d),
        _ => return None,
    };
    let role = match c.get(1).map(|l| l.as_str().to_lowercase()) {
        Some(l) if l.starts_with("updated") => DateRole::Updated,
        Some(_) => DateRole::Published,
        None => DateRole::Unknown,
    };
    let span = at + name.start().min(day.start())..at + name.end().max(day.end());
    Some((
        Yearless {
            month: month_number(name.as_str())?,
            day: day.as_str().parse().ok()?,
            span,
            role,
        },
        dateline,
    ))
}

/// The [`YEARLESS`] captures of `text`, where they start and whether a
/// dateline comes first.
fn yearless_match(text: &str) -> Option<(regex::Captures<'_>, usize, bool)> {
    // A label or nothing before the month and day, else a dateline
    // ("HARBOURTOWN, "): its place is the one stretch of capitals, spaces,
    // dots, apostrophes and hyphens before the first comma, so it is found
    // without the month pattern; after it a label cannot stand, and then
    // no month or day could either (none starts like a label). Most lines
    // fail at their first words: `is_match` tells so without the capture
    // slots `captures` allocates.
    let found = if may_open_yearless(text) && YEARLESS.is_match(text) {
        (YEARLESS.captures(text)?, 0, false)
    } else {
        let at = dateline_end(text)?;
        let rest = &text[at..];
        let c = (may_open_yearless(rest) && YEARLESS.is_match(rest))
            .then(|| YEARLESS.captures(rest))
            .flatten()
            .filter(|c| c.get(1).is_none())?;
        (c, at, true)
    };
    Some(found)
}

/// A month and day at the start of a line, after a label or nothing:
/// groups 1 label, 2 and 3 month and day, 4 and 5 day and month. The
/// dateline form (`HARBOURTOWN, Nov 22`) is [`DATELINE`] then this: one
/// pattern for both, with its `[\p{Lu} .'-]{1,30}`, cost 47 M instructions
/// to compile, these two 17 M (callgrind, once per run).
static YEARLESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:(?i:(updated|posted|published))\s*:?\s*)?(?:(?i:({m}))\.?\s+(\d{{1,2}})|(\d{{1,2}})\.?\s+(?i:({m}))\.?)(?:st|nd|rd|th)?(?-u:\b)\s*(?:[,;—–-]|$|\d{{1,2}}:\d{{2}})",
        m = *MONTH_ALT
    ))
    .expect("static regex")
});

/// A dateline's place, comma and spaces opening a line; the place has two
/// to 31 characters ([`dateline_end`] counts them).
static DATELINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{Lu}[\p{Lu} .'-]*,\s*").expect("static regex"));

/// The words that may open a [`YEARLESS`] match (after a dateline or
/// none): month names and the labels.
const YEARLESS_WORDS: [&[(&str, u32)]; 2] = [MONTHS, &[("updated", 0), ("posted", 0), ("published", 0)]];

/// First two ASCII letters (lower case, `a`..`z` each) of the
/// [`YEARLESS_WORDS`], as bits `26 * first + second`.
static YEARLESS_PAIRS: [u64; 11] = {
    let mut t = [0u64; 11];
    let mut l = 0;
    while l < YEARLESS_WORDS.len() {
        let words = YEARLESS_WORDS[l];
        let mut i = 0;
        while i < words.len() {
            let b = words[i].0.as_bytes();
            if b[0].is_ascii_lowercase() && b[1].is_ascii_lowercase() {
                let bit = (b[0] - b'a') as usize * 26 + (b[1] - b'a') as usize;
                t[bit / 64] |= 1 << (bit % 64);
            }
            i += 1;
        }
        l += 1;
    }
    t
};

/// Whether [`YEARLESS`] may match `text`, from its first two bytes: a
/// digit, or the first two letters of a month name or label in any case
/// (an ASCII letter folds only to itself, its other case and a non-ASCII
/// sign, and every name's second character is a letter). Most lines open
/// with a word none starts like, and are passed over without a search;
/// non-ASCII is searched.
fn may_open_yearless(text: &str) -> bool {
    let b = text.as_bytes();
    match (b.first(), b.get(1)) {
        (None, _) => false,
        (Some(&f), _) if f >= 128 || f.is_ascii_digit() => true,
        (Some(f), _) if !f.is_ascii_alphabetic() => false,
        (_, Some(&s)) if s >= 128 => true,
        (Some(f), Some(s)) if s.is_ascii_alphabetic() => {
            let bit = usize::from(f.to_ascii_lowercase() - b'a') * 26 + usize::from(s.to_ascii_lowercase() - b'a');
            YEARLESS_PAIRS[bit / 64] & (1 << (bit % 64)) != 0
        }
        _ => false,
    }
}

/// Where the month and day may start after a dateline opening `text`.
fn dateline_end(text: &str) -> Option<usize> {
    // Two ASCII bytes tell most lines apart without a search: a capital,
    // then a capital, space, dot, apostrophe or hyphen.
    let b = text.as_bytes();
    let place_byte = |i: usize, more: &[u8]| {
        b.get(i)
            .is_some_and(|&c| c >= 128 || c.is_ascii_uppercase() || more.contains(&c))
    };
    if !(place_byte(0, b"") && place_byte(1, b" .'-")) {
        return None;
    }
    let m = DATELINE.find(text)?;
    // The place has no comma: it ends at the first one.
    let place = m.as_str().split(',').next()?;
    (2..=31).contains(&place.chars().count()).then(|| m.end())
}

/// The year (1970 to 2100) written most often on the page, as a word.
fn most_frequent_year(blocks: &[Block]) -> Option<i32> {
    static YEAR_WORD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?-u:\b)(19[7-9]\d|20\d\d)(?-u:\b)").expect("static regex"));
    let mut counts: FxHashMap<i32, usize> = FxHashMap::default();
    // `maybe_year` is a superset of the pattern's digits: a block it
    // refuses has no match.
    for block in blocks.iter().filter(|b| maybe_year(&b.text)) {
        for m in YEAR_WORD.find_iter(&block.text) {
            if let Ok(y) = m.as_str().parse() {
                *counts.entry(y).or_default() += 1;
            }
        }
    }
    // Ties go to the later year (a copyright line trails the article's).
    counts.into_iter().max_by_key(|&(y, n)| (n, y)).map(|(y, _)| y)
}

/// Day-first when the page shows it: a numeric date whose first number
/// cannot be a month, or named-month dates written day first ("6 May 2024")
/// and none month first. Month-first for dots and dashes too when such a
/// date on the page has a second number that cannot be a month and none
/// has a first one.
fn page_order(blocks: &[Block]) -> NumericOrder {
    let (mut day_first, mut month_first) = (0, 0);
    let (mut dotted_day_first, mut dotted_month_first) = (0, 0);
    let mut ambiguous_slash = false;
    for block in blocks.iter().filter(|b| has_year(&b.text)) {
        let gates = YearGates::of(&block.text);
        if gates.separator_before {
            for c in NUMERIC.captures_iter(&block.text) {
                let (a, b) = (num::<u32>(&c, 1).unwrap_or(0), num::<u32>(&c, 3).unwrap_or(0));
                let (first_is_day, second_is_day) = (a > 12 && b <= 12, b > 12 && a <= 12);
                ambiguous_slash |= &c[2] == "/" && a != b && (1..=12).contains(&a) && (1..=12).contains(&b);
                if &c[2] != "." {
                    day_first += 2 * usize::from(first_is_day);
                    month_first += 2 * usize::from(second_is_day);
                }
                // "08/11/2023 | 20:26": a 24-hour clock goes with day first.
                if &c[2] == "/"
                    && let Some(end) = c.get(0).map(|m| m.end())
                    && CLOCK_24.is_match(&block.text[end..])
                {
                    day_first += 1;
                }
                if &c[2] != "/" && c[2] == c[4] {
                    dotted_day_first += usize::from(first_is_day);
                    dotted_month_first += usize::from(second_is_day);
                }
            }
        }
        if gates.month_before {
            day_first += DAY_MONTH_YEAR.find_iter(&block.text).count();
        }
        if gates.digit_before {
            month_first += MONTH_DAY_YEAR.find_iter(&block.text).count();
        }
    }
    // No date settles it: British spelling goes with day first.
    if day_first == month_first && ambiguous_slash && british_spelling(blocks) {
        return NumericOrder::DayFirst;
    }
    if day_first > month_first {
        NumericOrder::DayFirst
    } else if dotted_month_first > 0 && dotted_day_first == 0 {
        NumericOrder::MonthFirstAlways
    } else {
        NumericOrder::MonthFirst
    }
}

/// Whether the page spells British ("colour", "organised", "travelled")
/// at least twice and more than twice as often as American ("color",
/// "organized", "traveled"): British and Commonwealth English write dates
/// day first.
fn british_spelling(blocks: &[Block]) -> bool {
    const BRITISH: &[&str] = &[
        "colour",
        "colours",
        "coloured",
        "favourite",
        "favourites",
        "centre",
        "centres",
        "organise",
        "organised",
        "organising",
        "organisation",
        "organisations",
        "realise",
        "realised",
        "recognise",
        "recognised",
        "apologise",
        "analyse",
        "analysed",
        "behaviour",
        "honour",
        "honoured",
        "neighbour",
        "neighbours",
        "neighbourhood",
        "labour",
        "flavour",
        "flavours",
        "travelled",
        "travelling",
        "traveller",
        "travellers",
        "defence",
        "catalogue",
        "theatre",
        "programme",
        "programmes",
        "licence",
        "cheque",
        "jewellery",
        "tyres",
        "aluminium",
        "whilst",
    ];
    const AMERICAN: &[&str] = &[
        "color",
        "colors",
        "colored",
        "favorite",
        "favorites",
        "center",
        "centers",
        "organize",
        "organized",
        "organizing",
        "organization",
        "organizations",
        "realize",
        "realized",
        "recognize",
        "recognized",
        "apologize",
        "analyze",
        "analyzed",
        "behavior",
        "honor",
        "honored",
        "neighbor",
        "neighbors",
        "neighborhood",
        "labor",
        "flavor",
        "flavors",
        "traveled",
        "traveling",
        "traveler",
        "travelers",
        "defense",
        "catalog",
        "theater",
        "jewelry",
        "aluminum",
    ];
    let (mut british, mut american) = (0usize, 0usize);
    let mut lower = String::new();
    for word in blocks
        .iter()
        .flat_map(|b| b.text.split(|c: char| !c.is_ascii_alphabetic()))
    {
        if !(5..=13).contains(&word.len()) {
            continue;
        }
        lower.clear();
        lower.push_str(word);
        lower.make_ascii_lowercase();
        british += usize::from(BRITISH.contains(&lower.as_str()));
        american += usize::from(AMERICAN.contains(&lower.as_str()));
    }
    british >= 2 && british > 2 * american
}

/// A clock time from 13:00 to 23:59 right after a date.
static CLOCK_24: LazyLock<Matcher> =
    LazyLock::new(|| Matcher::new(r"^[\s,|•·–—-]{0,4}(?:at\s+)?(?:1[3-9]|2[0-3])[:.h][0-5]\d").expect("static regex"));

/// The role a short label line just above a date line gives it
/// ("Published on" / "Oct 31, 2025" on the next line).
fn label_above(blocks: &[Block], i: usize) -> DateRole {
    let Some(prev) = i.checked_sub(1).map(|j| &blocks[j]) else {
        return DateRole::Unknown;
    };
    if prev.text.split_whitespace().count() > 4 {
        DateRole::Unknown
    } else if UPDATED.is_match(&prev.text) {
        DateRole::Updated
    } else if PUBLISHED.is_match(&prev.text) {
        DateRole::Published
    } else {
        DateRole::Unknown
    }
}

/// A line that is only a date (with its time or weekday): at most eight
/// words, or one the cleaner labelled a date line.
fn is_date_line(block: &Block, found: &FoundDate) -> bool {
    block.chrome == Some("date")
        || (found.span.len() * 2 >= block.text.len() && block.text.split_whitespace().nth(8).is_none())
}

/// Blocks that date a teaser of the article itself: the headline repeated
/// in a list of stories ("Most read", "Latest") with a date line just
/// below it (or above, if nothing is below). When nothing near the headline
/// is dated, the list still gives the article's day.
fn teaser_dates(doc: &CleanDoc, headline: Option<usize>) -> Vec<usize> {
    let Some(h) = headline else {
        return Vec::new();
    };
    let title = crate::cleaner::text::features::normalise(&doc.blocks[h].text);
    if title.split(' ').nth(3).is_none() {
        // Too short to be told apart from a menu entry.
        return Vec::new();
    }
    let dated = |j: usize| doc.blocks.get(j).is_some_and(|b| has_year(&b.text));
    let len = doc.blocks[h].text.len();
    // `normalise` starts with the lower case of the first character of the
    // first word: a block whose first letter differs is passed over
    // without normalising it.
    let same_start = |text: &str| {
        let mut t = title.chars();
        text.split_whitespace()
            .next()
            .and_then(|w| w.chars().next())
            .is_some_and(|c| c.to_lowercase().all(|l| t.next() == Some(l)))
    };
    doc.blocks
        .iter()
        .enumerate()
        .filter(|&(j, b)| {
            j.abs_diff(h) > 2
                && b.text.len().abs_diff(len) * 4 <= len
                && same_start(&b.text)
                && crate::cleaner::text::features::normalise(&b.text) == title
        })
        .filter_map(|(j, _)| {
            if dated(j + 1) {
                Some(j + 1)
            } else {
                j.checked_sub(1).filter(|&k| dated(k))
            }
        })
        .collect()
}

/// Whether the block just above or below is a byline ("By Ann Lee"): the
/// date line of the byline zone, wherever the headline was found.
fn beside_byline(blocks: &[Block], i: usize) -> bool {
    [i.checked_sub(1), Some(i + 1)]
        .into_iter()
        .flatten()
        .filter_map(|j| blocks.get(j))
        .any(|b| b.chrome == Some("byline") || is_byline(&b.text))
}

/// Whether one of the next two blocks opens with a dateline of the same
/// month and day ("HARBOURTOWN, Nov 22 —"): the date of the story that
/// starts there.
fn opens_dateline(blocks: &[Block], i: usize, iso: &str) -> bool {
    let (Some(month), Some(day)) = (
        iso.get(5..7).and_then(|m| m.parse::<u32>().ok()),
        iso.get(8..10).and_then(|d| d.parse::<u32>().ok()),
    ) else {
        return false;
    };
    blocks
        .iter()
        .skip(i + 1)
        .take(2)
        .filter_map(|b| yearless_date(&b.text))
        .any(|(d, dateline)| dateline && d.month == month && d.day == day)
}

/// A short line that opens with "By Name" (or its translation).
fn is_byline(text: &str) -> bool {
    static BY: LazyLock<Matcher> = LazyLock::new(|| {
        Matcher::new(r"^\W{0,3}(?i:by|von|par|por|door|di|av|de)\s*:?\s+\p{L}").expect("static regex")
    });
    text.split_whitespace().nth(15).is_none() && BY.is_match(text)
}

/// A comment's signature line: a short line whose date is followed by a
/// clock time ("Jane Roe May 4, 2024 at 6:57 pm"). Three or more such
/// lines on a page are a comment thread.
fn is_comment_stamp(text: &str, found: &FoundDate) -> bool {
    static AT_TIME: LazyLock<Matcher> =
        LazyLock::new(|| Matcher::new(r"^,?\s+at\s+\d{1,2}:\d{2}\s*[aApP]\.?[mM]").expect("static regex"));
    text.split_whitespace().nth(12).is_none() && AT_TIME.is_match(&text[found.span.end.min(text.len())..])
}

/// Whether the text between two dates joins them into a range.
fn is_range_joiner(between: &str) -> bool {
    matches!(
        between.trim().to_lowercase().as_str(),
        "/" | "-" | "–" | "—" | "to" | "until" | "through" | "bis" | "au" | "al" | "a" | "tot"
    )
}

/// A post embedded from a social network signs off with its author's
/// handle in parentheses just before its date ("— Jane Roe (@jroe) May 5,
/// 2024"): the date of that post, not of the page.
/// Social handles are ASCII letters, digits and underscores; the ASCII
/// class keeps the prebuilt DFA small (Unicode `\w{1,30}` took 15 CPU-s to
/// determinise, so it was compiled at run time: a fifth of start-up).
static EMBED_SIGNATURE: LazyLock<Matcher> =
    LazyLock::new(|| Matcher::new(r"\(@[A-Za-z0-9_]{1,30}\)\W{0,3}$").expect("static regex"));

fn score(i: usize, block: &Block, found: &FoundDate, anchor: usize, zone_end: usize) -> f32 {
    let mut s = if i + 3 >= anchor && i <= zone_end {
        // At equal distance, below the headline (the byline) beats above
        // it (the end of the previous item): a tie-break, less than a block.
        10.0 - 0.2 * i.abs_diff(anchor) as f32 + if i > anchor { 0.1 } else { 0.0 }
    } else if i < anchor {
        4.0 - 0.05 * (anchor - i) as f32
    } else {
        5.0 - 0.05 * (i - zone_end) as f32
    };
    match block.chrome {
        Some("date" | "byline") => s += 2.0,
        // A date in running text or a caption is what the story is about.
        None | Some("caption") => s -= 3.0,
        _ => {}
    }
    // The date of a "By Jane Roe on May 4, 2024" line is the byline's.
    if is_byline(&block.text) {
        s += 2.0;
    }
    if EMBED_SIGNATURE.is_match(tail(&block.text[..found.span.start.min(block.text.len())], 40)) {
        s -= 6.0;
    }
    s += match found.role {
        DateRole::Published => 1.5,
        DateRole::Updated => -1.5,
        DateRole::Received => -3.0,
        DateRole::Unknown => 0.0,
    };
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The single pattern [`YEARLESS`] and [`DATELINE`] replace.
    static YEARLESS_ONE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^(?:(?i:(updated|posted|published))\s*:?\s*|(\p{{Lu}}[\p{{Lu}} .'-]{{1,30}}),\s*)?(?:(?i:({m}))\.?\s+(\d{{1,2}})|(\d{{1,2}})\.?\s+(?i:({m}))\.?)(?:st|nd|rd|th)?(?-u:\b)\s*(?:[,;—–-]|$|\d{{1,2}}:\d{{2}})",
            m = *MONTH_ALT
        ))
        .expect("static regex")
    });

    /// What [`yearless_date`] computes, with the single pattern: label,
    /// dateline flag, month and day spans.
    type YearlessParts = (Option<String>, bool, Option<(Range<usize>, Range<usize>)>);

    fn yearless_parts_one(text: &str) -> Option<YearlessParts> {
        let c = YEARLESS_ONE.captures(text)?;
        let md = match (c.get(3), c.get(4), c.get(5), c.get(6)) {
            (Some(m), Some(d), _, _) | (_, _, Some(d), Some(m)) => Some((m.range(), d.range())),
            _ => None,
        };
        Some((c.get(1).map(|l| l.as_str().to_string()), c.get(2).is_some(), md))
    }

    fn yearless_parts(text: &str) -> Option<YearlessParts> {
        let (c, at, dateline) = yearless_match(text)?;
        let shift = |r: Range<usize>| at + r.start..at + r.end;
        let md = match (c.get(2), c.get(3), c.get(4), c.get(5)) {
            (Some(m), Some(d), _, _) | (_, _, Some(d), Some(m)) => Some((shift(m.range()), shift(d.range()))),
            _ => None,
        };
        Some((c.get(1).map(|l| l.as_str().to_string()), dateline, md))
    }

    /// [`date_spans`] without its gates: every pattern runs.
    fn date_spans_ungated(text: &str, order: NumericOrder) -> Vec<(Range<usize>, String)> {
        let full_year = has_year(text);
        let short_year = (text.contains('/') || text.contains('.')) && text.contains(':');
        if !full_year && !short_year {
            return Vec::new();
        }
        let year_like = full_year || maybe_year(text);
        let mut found: Vec<(Range<usize>, String)> = Vec::new();
        let mut push = |range: Range<usize>, iso: Option<String>, named_month: bool| {
            if let Some(iso) = iso
                && at_boundary(text, &range, named_month)
                && !found.iter().any(|(r, _)| r.start < range.end && range.start < r.end)
            {
                found.push((range, iso));
            }
        };
        let whole = |c: &regex::Captures| c.get(0).map_or(0..0, |m| m.range());
        if year_like {
            for c in MONTH_DAY_YEAR.captures_iter(text) {
                push(
                    whole(&c),
                    month_number(&c[1]).and_then(|m| valid(num(&c, 3)?, m, num(&c, 2)?)),
                    true,
                );
            }
            for c in DAY_MONTH_YEAR.captures_iter(text) {
                push(
                    whole(&c),
                    month_number(&c[2]).and_then(|m| valid(num(&c, 3)?, m, num(&c, 1)?)),
                    true,
                );
            }
            for c in YEAR_MONTH_DAY.captures_iter(text) {
                let name = c.get(2).or(c.get(3)).map_or("", |m| m.as_str());
                let capital = name.chars().next().is_some_and(char::is_uppercase);
                let iso = capital
                    .then(|| month_number(name).and_then(|m| valid(num(&c, 1)?, m, num(&c, 4)?)))
                    .flatten();
                push(whole(&c), iso, false);
            }
            for c in ISO.captures_iter(text) {
                let iso = (c[2] == c[4])
                    .then(|| valid(num(&c, 1)?, num(&c, 3)?, num(&c, 5)?))
                    .flatten();
                push(whole(&c), iso, false);
            }
            for c in CJK.captures_iter(text) {
                push(whole(&c), (|| valid(num(&c, 1)?, num(&c, 2)?, num(&c, 3)?))(), false);
            }
            for c in NUMERIC.captures_iter(text) {
                if c[2] != c[4] {
                    continue;
                }
                let (Some(a), Some(b), Some(y)) = (num::<u32>(&c, 1), num::<u32>(&c, 3), num::<i32>(&c, 5)) else {
                    continue;
                };
                let day_first = b <= 12
                    && (a > 12
                        || match order {
                            NumericOrder::DayFirst => true,
                            NumericOrder::MonthFirstAlways => false,
                            NumericOrder::MonthFirst => &c[2] != "/",
                        });
                let (d, m) = if day_first { (a, b) } else { (b, a) };
                push(whole(&c), valid(y, m, d), false);
            }
            if let Some(c) = SPLIT_YEAR.captures(text)
                && let (Some(a), Some(b), Some(y)) = (num::<u32>(&c, 1), num::<u32>(&c, 3), num::<i32>(&c, 4))
            {
                let day_first = a > 12 || (b <= 12 && (order == NumericOrder::DayFirst || &c[2] == "."));
                let (d, m) = if day_first { (a, b) } else { (b, a) };
                let range = c.get(1).map_or(0, |m| m.start())..c.get(4).map_or(0, |m| m.end());
                push(range, valid(y, m, d), false);
            }
        }
        if short_year {
            for c in SHORT_YEAR.captures_iter(text) {
                let (Some(a), Some(b), Some(y)) = (num::<u32>(&c, 1), num::<u32>(&c, 3), num::<i32>(&c, 5)) else {
                    continue;
                };
                if c[2] != c[4] {
                    continue;
                }
                let day_first = b <= 12
                    && (a > 12
                        || match order {
                            NumericOrder::DayFirst => true,
                            NumericOrder::MonthFirstAlways => false,
                            NumericOrder::MonthFirst => &c[2] == ".",
                        });
                let (d, m) = if day_first { (a, b) } else { (b, a) };
                let y = if y < 70 { 2000 + y } else { 1900 + y };
                let range = c
                    .get(0)
                    .map_or(0..0, |m| m.start()..c.get(5).map_or(m.end(), |y| y.end()));
                push(range, valid(y, m, d), false);
            }
        }
        found.sort_by_key(|(r, _)| r.start);
        found
    }

    /// Pieces of date-like lines (our own), Unicode digits, capitals and
    /// spaces, the long s and the Kelvin sign that `(?i)` folds.
    fn date_text() -> impl proptest::strategy::Strategy<Value = String> {
        let pieces = proptest::sample::select(vec![
            "March",
            "MAY",
            "Nov",
            "sept",
            "ſept",
            "\u{212a}wietnia",
            "März",
            "MÄRZ",
            "août",
            "de",
            "of",
            "th",
            "st",
            "5",
            "12",
            "31",
            "2024",
            "1999",
            "20",
            "19",
            "٢٤",
            "2٠24",
            " ",
            "  ",
            "\u{a0}",
            "\n",
            ",",
            ".",
            "-",
            "–",
            "—",
            "/",
            ":",
            "10:31",
            "pm",
            "EST",
            "Updated",
            "POSTED",
            "published:",
            "HARBOURTOWN",
            "ST. ANN'S",
            "Ünye",
            "A",
            "年",
            "月",
            "日",
            "년",
            "x",
            "(",
            "@",
            "March 5, 2024",
            "5 Aug 2021",
            "Nov 22 — ",
            "Nov 22",
            "22 Nov",
            "HARBOURTOWN, ",
            "PORT ST. ANN'S, ",
            "Updated: ",
            "04-Aug-2021",
            "2024-03-05",
            "3.4.2024",
            "11/13/19 at 4:00 PM",
            "05.03.24, 10:34",
            "2024年3月5日",
            "12/19 — 2025",
            "5 de mayo de 2022",
            "2023 Jan 7",
            "Mar 5th - 2024",
            "20246:08 AM",
            "5th",
            "thMarch",
            "°",
            "º",
            "Mar.",
            "1,000",
            "125",
            "mayo",
            "-Aug-",
            "/ago/",
            "DE",
            "Of",
        ]);
        proptest::collection::vec(pieces, 0..8).prop_map(|v| v.concat())
    }

    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn yearless_patterns_agree_with_the_single_one(text in date_text()) {
            prop_assert_eq!(yearless_parts(&text), yearless_parts_one(&text));
        }

        #[test]
        fn gated_date_spans_agree_with_every_pattern_run(text in date_text()) {
            for order in [NumericOrder::MonthFirst, NumericOrder::DayFirst, NumericOrder::MonthFirstAlways] {
                prop_assert_eq!(date_spans(&text, order), date_spans_ungated(&text, order));
            }
        }
    }

    /// The label alternation of the pattern in this file that starts so.
    fn pattern_labels(start: &str) -> Vec<&'static str> {
        let src = include_str!("date.rs");
        let at = src.find(start).expect("pattern in source") + "(?i)(".len();
        let end = at + src[at..].find(")\\W").expect("end of labels");
        src[at..end].split('|').collect()
    }

    #[test]
    fn label_lists_are_the_patterns_labels() {
        assert_eq!(pattern_labels(r"(?i)(updated|"), UPDATED_LABELS);
        assert_eq!(pattern_labels(r"(?i)(published|"), PUBLISHED_LABELS);
        assert_eq!(pattern_labels(r"(?i)(received|"), RECEIVED_LABELS);
    }

    fn label_text() -> impl proptest::strategy::Strategy<Value = String> {
        let pieces = proptest::sample::select(vec![
            "Updated",
            "UPDATED",
            "updated",
            "Posted",
            "poſted",
            "GEÄNDERT",
            "mis à jour",
            "Post time",
            "date",
            "Datum",
            "Reçu",
            "REÇU",
            "in\u{212a}ommen",
            "Published",
            "on",
            "On",
            "am",
            "op",
            " ",
            ":",
            " - ",
            "—",
            "|",
            "_",
            "5",
            "x",
            "é",
            "\u{301}",
            "\n",
            "by",
            "The report",
        ]);
        proptest::collection::vec(pieces, 0..7).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn label_gate_passes_every_labelled_text(text in label_text()) {
            for (m, labels) in [(&UPDATED, UPDATED_LABELS), (&PUBLISHED, PUBLISHED_LABELS), (&RECEIVED, RECEIVED_LABELS)] {
                prop_assert!(!m.is_match(&text) || may_end_with_label(&text, labels), "{:?}", text);
            }
        }
    }

    #[test]
    fn label_gate_examples() {
        assert!(may_end_with_label("Updated on: ", UPDATED_LABELS));
        assert!(may_end_with_label("Last modified —  ", UPDATED_LABELS));
        assert!(may_end_with_label("POSTED AM ", PUBLISHED_LABELS));
        assert!(!may_end_with_label("the council said on ", PUBLISHED_LABELS));
        assert!(!may_end_with_label("", RECEIVED_LABELS));
    }

    #[test]
    fn year_gates_see_each_patterns_neighbours() {
        let g = YearGates::of("on March 5, 2024 and 3 Aug. 2021, 2019-04-05 or 3.4.2024");
        assert!(g.digit_before && g.month_before && g.separator_after && g.separator_before);
        let g = YearGates::of("in 2024 the bridge (2019) reopened");
        assert!(!g.month_before && !g.digit_before && !g.separator_after && !g.separator_before);
        assert!(digit_before("May 5th, ") && digit_before("May 15 – ") && digit_before("x Mar. 5."));
        assert!(!digit_before("in ") && !digit_before("1,000 ") && !digit_before("May 125 "));
        assert!(letter_before("04-Aug-") && letter_before("5 de mayo de ") && letter_before("5thMarch "));
        assert!(letter_before("3. März ") && letter_before("1° marzo, ") && letter_before("5 of May "));
        assert!(!letter_before("Aug-") && !letter_before("in ") && !letter_before("5/") && !letter_before("("));
        assert!(clock_digits("at 10:31") && !clock_digits("Note: none"));
        assert!(has_cjk_year_sign("2024年3月") && !has_cjk_year_sign("2024-03"));
    }

    #[test]
    fn yearless_lines_with_a_dateline_label_or_nothing() {
        for (text, parts) in [
            ("HARBOURTOWN, Nov 22 — The ferry", (None, true)),
            ("Updated Nov 19, 6:55 AM", (Some("Updated"), false)),
            ("Aug 15", (None, false)),
        ] {
            let got = yearless_parts(text).map(|(l, d, _)| (l, d));
            assert_eq!(got, Some((parts.0.map(str::to_string), parts.1)), "{text}");
        }
        // A place of one letter, or of more than 31, is no dateline.
        assert_eq!(yearless_parts("A, Nov 22 — x"), None);
        let long = format!("{}, Nov 22 — x", "A".repeat(32));
        assert_eq!(yearless_parts(&long), None);
        assert!(yearless_parts(&long[1..]).is_some());
        assert!(yearless_date("Aug fifteenth").is_none());
        // The first-byte tests pass every line the patterns could match.
        assert!(
            MONTHS
                .iter()
                .all(|(m, _)| may_open_yearless(m) && may_open_yearless(&m.to_uppercase()))
        );
        assert!(may_open_yearless("5 Nov") && may_open_yearless("Posted Nov 5") && may_open_yearless("ſept 5"));
        assert!(!may_open_yearless("The ferry") && !may_open_yearless("") && !may_open_yearless(" Nov 5"));
        assert!(!may_open_yearless("Some say") && !may_open_yearless("A 5") && may_open_yearless("MÄRZ 5"));
        assert!(may_open_yearless("UPDATED Nov 5") && may_open_yearless("sE\u{17f}pt"));
        assert_eq!(dateline_end("LONDON, Nov 5"), Some(8));
        assert_eq!(dateline_end("ÜNYE, Nov 5"), Some(7));
        assert_eq!(dateline_end("London, Nov 5"), None);
    }

    #[test]
    fn maybe_year_allows_any_decimal_digits() {
        assert!(maybe_year("in 1999") && maybe_year("20٢٤") && !has_year("20٢٤"));
        assert!(!maybe_year("at 10:30, 1/2/24") && !maybe_year("19x9 20"));
    }

    #[test]
    fn the_most_frequent_year_skips_only_blocks_without_one() {
        // The reference: every block searched.
        let word = Regex::new(r"(?-u:\b)(19[7-9]\d|20\d\d)(?-u:\b)").expect("static regex");
        let reference = |blocks: &[Block]| {
            let mut counts: FxHashMap<i32, usize> = FxHashMap::default();
            for block in blocks {
                for m in word.find_iter(&block.text) {
                    if let Ok(y) = m.as_str().parse() {
                        *counts.entry(y).or_default() += 1;
                    }
                }
            }
            counts.into_iter().max_by_key(|&(y, n)| (n, y)).map(|(y, _)| y)
        };
        const PIECES: &[&str] = &[
            "19", "20", "7", "9", "24", "٢٤", "x", " ", "-", "2", "1", "0", "in ", "199", "2024", "1975",
        ];
        let mut rng = crate::testgen::Rng::new(11);
        let mut found = 0;
        for _ in 0..5_000 {
            let blocks: Vec<(String, Option<&'static str>)> = (0..1 + rng.below(4))
                .map(|_| {
                    (
                        (0..1 + rng.below(6)).map(|_| PIECES[rng.below(PIECES.len())]).collect(),
                        None,
                    )
                })
                .collect();
            let refs: Vec<(&str, Option<&'static str>)> = blocks.iter().map(|(t, c)| (t.as_str(), *c)).collect();
            let doc = doc_of(&refs);
            let want = reference(&doc.blocks);
            found += usize::from(want.is_some());
            assert_eq!(most_frequent_year(&doc.blocks), want, "{refs:?}");
        }
        assert!(found > 1_000, "{found}");
    }

    #[test]
    fn has_year_needs_19xx_or_20xx() {
        assert!(has_year("in 1999") && has_year("2024") && has_year("x1x2x2031."));
        assert!(!has_year("12 May 1812") && !has_year("20x4 and 19") && !has_year("202"));
    }

    #[test]
    fn year_then_month_gates_the_year_first_pattern() {
        for yes in [
            "Ref. 2023 Jan 7, p. 4",
            "2023-Jan-07",
            "filed 2021. März 3",
            "2019\u{a0}Sept 5",
        ] {
            assert!(year_then_month(yes), "{yes}");
            assert!(YEAR_MONTH_DAY.is_match(yes), "{yes}");
        }
        // No month name, a lower-case one, or no year: the regex is not run.
        for no in [
            "In 2030 may 40 firms",
            "2024 The bridge reopened",
            "Jan 7",
            "2023/Jan/07",
            "",
        ] {
            assert!(!year_then_month(no), "{no}");
        }
        // The gate never hides a date the pattern would give.
        assert_eq!(
            find_date("Received 2023 Jan 7").map(|d| d.iso),
            Some("2023-01-07".to_string())
        );
    }

    fn iso(text: &str) -> Option<String> {
        find_date(text).map(|d| d.iso)
    }

    #[test]
    fn finds_common_forms() {
        assert_eq!(iso("Feb 06, 2026 • 72 views").as_deref(), Some("2026-02-06"));
        assert_eq!(find_date("Feb 06, 2026 • 72 views").unwrap().text, "Feb 06, 2026");
        assert_eq!(iso("Published 3 March 2024").as_deref(), Some("2024-03-03"));
        assert_eq!(
            iso("2023-11-30T10:00:00Z").as_deref(),
            Some("2023-11-30T10:00:00+00:00")
        );
        assert_eq!(iso("2023-11-30T10:00:00").as_deref(), Some("2023-11-30"));
        assert_eq!(iso("Monday, Sept. 9, 2019").as_deref(), Some("2019-09-09"));
        assert_eq!(
            iso("Published Wed, Feb 28 20246:08 AM EST").as_deref(),
            Some("2024-02-28")
        );
        assert_eq!(iso("12/25/2023").as_deref(), Some("2023-12-25"));
        assert_eq!(iso("25/12/2023").as_deref(), Some("2023-12-25"));
        assert_eq!(iso("2023/12/25").as_deref(), Some("2023-12-25"));
    }

    #[test]
    fn finds_other_languages() {
        assert_eq!(iso("Veröffentlicht am 3. März 2024").as_deref(), Some("2024-03-03"));
        assert_eq!(iso("le 14 juillet 2023").as_deref(), Some("2023-07-14"));
        assert_eq!(iso("5 de mayo de 2022").as_deref(), Some("2022-05-05"));
        assert_eq!(iso("12 dicembre 2021").as_deref(), Some("2021-12-12"));
        assert_eq!(iso("1 mei 2020").as_deref(), Some("2020-05-01"));
        assert_eq!(iso("7 de março de 2019").as_deref(), Some("2019-03-07"));
        assert_eq!(iso("03.04.2024, 10:15 Uhr").as_deref(), Some("2024-04-03"));
        assert_eq!(iso("2025年1月13日 20時01分").as_deref(), Some("2025-01-13"));
    }

    #[test]
    fn glued_words_and_numeric_order() {
        assert_eq!(
            iso("Mental HealthDECEMBER 22, 2022Updated").as_deref(),
            Some("2022-12-22")
        );
        assert_eq!(iso("News Agency28 October 2020").as_deref(), Some("2020-10-28"));
        assert_eq!(iso("Issue 120233 readers"), None);
        assert_eq!(iso("January 14, 202620 Mins Read").as_deref(), Some("2026-01-14"));
        assert_eq!(iso("2024-01-1499"), None);
        assert_eq!(iso("remember 12 mayor 2020"), None);
        let day_first = find_dates_ordered("06/01/2026", NumericOrder::DayFirst);
        assert_eq!(day_first[0].iso, "2026-01-06");
        assert_eq!(iso("06/01/2026").as_deref(), Some("2026-06-01"));
        assert_eq!(iso("06-01-2026").as_deref(), Some("2026-01-06"));
        assert_eq!(iso("01.21.2020").as_deref(), Some("2020-01-21"));
        assert_eq!(iso("Jul. 11. 2025").as_deref(), Some("2025-07-11"));
    }

    /// The two named-month patterns' ISO days as their capture groups
    /// give them: the reference for the hand reading.
    type Spans = Vec<(Range<usize>, Option<String>)>;

    fn named_month_reference(text: &str) -> (Spans, Spans) {
        let mdy = MONTH_DAY_YEAR
            .captures_iter(text)
            .map(|c| {
                let iso = month_number(&c[1]).and_then(|m| valid(num(&c, 3)?, m, num(&c, 2)?));
                (c.get(0).map_or(0..0, |m| m.range()), iso)
            })
            .collect();
        let dmy = DAY_MONTH_YEAR
            .captures_iter(text)
            .map(|c| {
                let iso = month_number(&c[2]).and_then(|m| valid(num(&c, 3)?, m, num(&c, 1)?));
                (c.get(0).map_or(0..0, |m| m.range()), iso)
            })
            .collect();
        (mdy, dmy)
    }

    #[test]
    fn named_month_groups_read_by_hand_agree_with_the_captures() {
        const MONTH: &[&str] = &[
            "Jan",
            "jan",
            "JAN",
            "January",
            "Sept",
            "sept",
            "Mai",
            "März",
            "mär",
            "août",
            "Auguſt",
            "oKtober",
            "stycznia",
            "mayo",
            "enero",
            "décembre",
            "dec",
            "Dez",
            "de",
            "x",
        ];
        const DAY: &[&str] = &["1", "5", "09", "12", "31", "32", "123", "١", "²", "1١", "0", "4²"];
        const SUFFIX: &[&str] = &["", "", "st", "nd", "rd", "th", "er", "ſt", "º", "°", "ST", "."];
        const BEFORE_MONTH: &[&str] = &[
            "",
            " ",
            ".",
            ". ",
            "  ",
            "\u{a0}",
            "-",
            "/",
            " de ",
            " of ",
            " DE ",
            ", ",
            "st",
            "stycznia ",
        ];
        const AFTER: &[&str] = &[
            "", " ", ", ", ".", "., ", " de ", "-", "/", " - ", " – ", "\u{a0}", " De ", ",de ", "de ", "  ",
        ];
        const YEAR: &[&str] = &[
            "2024", "1999", "20١٢", "2100", "2019", "19", "2024x", "20246:08", "20241",
        ];
        const NOISE: &[&str] = &["", "", "x", "5", " ", "Jan ", "é", "2024", "3 "];
        let mut rng = crate::testgen::Rng::new(7);
        let mut pick = |list: &[&'static str]| list[rng.below(list.len())];
        let mut hits = 0;
        for i in 0..60_000 {
            let text: String = if i % 2 == 0 {
                [
                    pick(NOISE),
                    pick(MONTH),
                    pick(SUFFIX),
                    pick(AFTER),
                    pick(DAY),
                    pick(SUFFIX),
                    pick(AFTER),
                    pick(YEAR),
                    pick(NOISE),
                ]
                .concat()
            } else {
                [
                    pick(NOISE),
                    pick(DAY),
                    pick(SUFFIX),
                    pick(BEFORE_MONTH),
                    pick(MONTH),
                    pick(AFTER),
                    pick(YEAR),
                    pick(NOISE),
                ]
                .concat()
            };
            let (mdy, dmy) = named_month_reference(&text);
            let fast_mdy: Vec<_> = MONTH_DAY_YEAR
                .find_iter(&text)
                .map(|m| (m.range(), month_day_year_iso(m.as_str())))
                .collect();
            let fast_dmy: Vec<_> = DAY_MONTH_YEAR
                .find_iter(&text)
                .map(|m| (m.range(), day_month_year_iso(m.as_str())))
                .collect();
            hits += mdy.iter().chain(&dmy).filter(|(_, iso)| iso.is_some()).count();
            assert_eq!(fast_mdy, mdy, "{text:?}");
            assert_eq!(fast_dmy, dmy, "{text:?}");
        }
        // The pieces make valid dates often enough to test the reading.
        assert!(hits > 2_500, "{hits}");
    }

    #[test]
    fn zoned_times_keep_the_page_day_and_offset_inside() {
        // Inside, the page's own day with the wall clock and offset: the
        // scoring compares the days the page shows.
        assert_eq!(
            iso("Mar 3, 2021, 11:45 pm CST").as_deref(),
            Some("2021-03-03T23:45:00-06:00")
        );
        assert_eq!(
            iso("Updated 9:05 pm PST, Friday, January 8, 2021").as_deref(),
            Some("2021-01-08T21:05:00-08:00")
        );
        assert_eq!(
            iso("6 Jun 2023 00:15 BST").as_deref(),
            Some("2023-06-06T00:15:00+01:00")
        );
        assert_eq!(
            iso("Jan 9, 2023 12:05 am GMT").as_deref(),
            Some("2023-01-09T00:05:00+00:00")
        );
        assert_eq!(
            iso("Feb 10, 2024, 03:15 IST").as_deref(),
            Some("2024-02-10T03:15:00+05:30")
        );
    }

    /// The record's date of the first date in `text`.
    fn rec(text: &str) -> Option<String> {
        find_date(text).map(|d| record_date(&d.iso))
    }

    #[test]
    fn a_clock_time_and_zone_give_the_utc_instant() {
        // 12-hour, after and before the date, "p.m.", "(EST)".
        assert_eq!(
            rec("Mar 3, 2021, 11:45 pm CST").as_deref(),
            Some("2021-03-04T05:45:00Z")
        );
        assert_eq!(
            rec("Updated 9:05 pm PST, Friday, January 8, 2021").as_deref(),
            Some("2021-01-09T05:05:00Z")
        );
        assert_eq!(
            rec("Published Jan 4, 2022, 10:15 p.m. ET").as_deref(),
            Some("2022-01-05T03:15:00Z")
        );
        assert_eq!(
            rec("Posted March 8, 2023 6:10AM (EST)").as_deref(),
            Some("2023-03-08T11:10:00Z")
        );
        assert_eq!(rec("Jan 9, 2023 12:05 am GMT").as_deref(), Some("2023-01-09T00:05:00Z"));
        assert_eq!(rec("Jan 9, 2023 12:05 pm UTC").as_deref(), Some("2023-01-09T12:05:00Z"));
        // 24-hour, with dots, seconds, four digits, glued Z.
        assert_eq!(rec("Sat 5 Jun 2021 14.20 BST").as_deref(), Some("2021-06-05T13:20:00Z"));
        assert_eq!(rec("21:40 GMT 12.03.2021").as_deref(), Some("2021-03-12T21:40:00Z"));
        assert_eq!(rec("12.03.2021 21:40:15 CET").as_deref(), Some("2021-03-12T20:40:15Z"));
        assert_eq!(rec("June 1, 2023 22:57Z").as_deref(), Some("2023-06-01T22:57:00Z"));
        assert_eq!(rec("June 1, 2023 0930 EEST").as_deref(), Some("2023-06-01T06:30:00Z"));
        // A time in two zones before the date: the one next to it.
        assert_eq!(
            rec("Posted 9:05 pm PST, January 8, 2021 10:00 AM").as_deref(),
            Some("2021-01-09T05:05:00Z")
        );
        assert_eq!(
            rec("Updated 0215 GMT (1015 HKT) June 7, 2021").as_deref(),
            Some("2021-06-07T02:15:00Z")
        );
        // Numeric offsets.
        assert_eq!(
            rec("Posted on 14/02/2025 - 09:10 GMT+1").as_deref(),
            Some("2025-02-14T08:10:00Z")
        );
        assert_eq!(
            rec("3 May 2024 08:00 UTC-05:00").as_deref(),
            Some("2024-05-03T13:00:00Z")
        );
        assert_eq!(
            rec("4 Apr 2023 06:00 UTC+5:30").as_deref(),
            Some("2023-04-04T00:30:00Z")
        );
        assert_eq!(rec("May 3, 2024 10:20 +0200").as_deref(), Some("2024-05-03T08:20:00Z"));
        // An ISO date's own time and offset.
        assert_eq!(
            rec("2023-06-01T18:05:00-04:00").as_deref(),
            Some("2023-06-01T22:05:00Z")
        );
        assert_eq!(rec("2023-06-01T18:05:00.250Z").as_deref(), Some("2023-06-01T18:05:00Z"));
        assert_eq!(
            rec("2023-06-01 18:05:00 +0100").as_deref(),
            Some("2023-06-01T17:05:00Z")
        );
    }

    #[test]
    fn east_of_utc_an_early_hour_is_the_previous_utc_day() {
        assert_eq!(rec("Feb 10, 2024, 03:15 IST").as_deref(), Some("2024-02-09T21:45:00Z"));
        assert_eq!(
            rec("September 2, 2023, 07:30 JST").as_deref(),
            Some("2023-09-01T22:30:00Z")
        );
        assert_eq!(rec("7 May 2024 08:00 AEST").as_deref(), Some("2024-05-06T22:00:00Z"));
        assert_eq!(rec("1 January 2024 00:10 SGT").as_deref(), Some("2023-12-31T16:10:00Z"));
        // West of UTC, a late hour is the next UTC day.
        assert_eq!(rec("Dec 31, 2023, 9:30 pm MT").as_deref(), Some("2024-01-01T04:30:00Z"));
    }

    #[test]
    fn generic_us_zones_follow_daylight_saving_time() {
        // 2024: from 2:00 on Sunday 10 March to 2:00 on Sunday 3 November.
        assert_eq!(
            rec("March 9, 2024, 11:00 pm ET").as_deref(),
            Some("2024-03-10T04:00:00Z")
        );
        assert_eq!(
            rec("March 10, 2024, 1:30 am ET").as_deref(),
            Some("2024-03-10T06:30:00Z")
        );
        assert_eq!(
            rec("March 10, 2024, 3:30 am ET").as_deref(),
            Some("2024-03-10T07:30:00Z")
        );
        assert_eq!(
            rec("July 4, 2022, 10:15 p.m. ET").as_deref(),
            Some("2022-07-05T02:15:00Z")
        );
        // The repeated hour reads as daylight time, the first of the two.
        assert_eq!(
            rec("November 3, 2024, 1:30 am ET").as_deref(),
            Some("2024-11-03T05:30:00Z")
        );
        assert_eq!(
            rec("November 3, 2024, 2:30 am ET").as_deref(),
            Some("2024-11-03T07:30:00Z")
        );
        assert_eq!(rec("Aug 1, 2023 5:00 pm PT").as_deref(), Some("2023-08-02T00:00:00Z"));
        assert_eq!(rec("Aug 1, 2023 5:00 pm CT").as_deref(), Some("2023-08-01T22:00:00Z"));
        // The rule before 2007: first Sunday of April.
        assert_eq!(
            rec("March 20, 2006, 12:00 pm ET").as_deref(),
            Some("2006-03-20T17:00:00Z")
        );
        assert_eq!(
            rec("March 20, 2007, 12:00 pm ET").as_deref(),
            Some("2007-03-20T16:00:00Z")
        );
        assert_eq!(
            rec("October 30, 2006, 12:00 pm ET").as_deref(),
            Some("2006-10-30T17:00:00Z")
        );
        // A named standard-time zone is taken at its word, in summer too.
        assert_eq!(
            rec("July 4, 2022, 10:15 pm EST").as_deref(),
            Some("2022-07-05T03:15:00Z")
        );
        assert!(us_daylight(jiff::civil::date(2024, 3, 10), 2));
        assert!(!us_daylight(jiff::civil::date(2024, 3, 10), 1));
        assert!(us_daylight(jiff::civil::date(2024, 11, 3), 1));
        assert!(!us_daylight(jiff::civil::date(2024, 11, 3), 2));
    }

    #[test]
    fn no_time_no_zone_or_no_word_end_no_instant() {
        assert_eq!(rec("Feb 16, 2026 • 72 views").as_deref(), Some("2026-02-16"));
        assert_eq!(rec("Feb 16, 2026 • 72 views ET").as_deref(), Some("2026-02-16"));
        // A clock without a zone, a zone without a clock.
        assert_eq!(rec("Mar 3, 2021, 10:31 pm").as_deref(), Some("2021-03-03"));
        assert_eq!(rec("Mar 3, 2021, 21:31").as_deref(), Some("2021-03-03"));
        assert_eq!(rec("Mar 3, 2021 EST").as_deref(), Some("2021-03-03"));
        assert_eq!(rec("GMT Mar 3, 2021").as_deref(), Some("2021-03-03"));
        // Letters go on after the zone, or it is not a zone we know.
        assert_eq!(rec("Mar 3, 2021 10:31 ETH Zurich").as_deref(), Some("2021-03-03"));
        assert_eq!(rec("Mar 3, 2021 10:31 Zurich").as_deref(), Some("2021-03-03"));
        assert_eq!(rec("Mar 3, 2021 10:31Zurich").as_deref(), Some("2021-03-03"));
        assert_eq!(rec("Mar 3, 2021 10:31 XYZ").as_deref(), Some("2021-03-03"));
        assert_eq!(rec("Mar 3, 2021 10:31 BY ANN LEE").as_deref(), Some("2021-03-03"));
        // Impossible clocks and offsets.
        assert_eq!(rec("Mar 3, 2021 25:10 GMT").as_deref(), Some("2021-03-03"));
        assert_eq!(rec("Mar 3, 2021 13:31 pm EST").as_deref(), Some("2021-03-03"));
        assert_eq!(rec("Mar 3, 2021 0:31 am EST").as_deref(), Some("2021-03-03"));
        assert_eq!(rec("Mar 3, 2021 10:00 GMT+20").as_deref(), Some("2021-03-03"));
        assert_eq!(rec("Mar 3, 2021 10:00 +0217").as_deref(), Some("2021-03-03"));
        assert_eq!(rec("Mar 3, 2021 10:00 EST+3").as_deref(), Some("2021-03-03"));
        // Digits glued before a four-digit clock.
        assert_eq!(rec("Page 51139 GMT, Mar 3, 2021").as_deref(), Some("2021-03-03"));
        // An ISO stamp without an offset keeps the day.
        assert_eq!(rec("2023-06-01T18:05:00").as_deref(), Some("2023-06-01"));
        // A bare offset before a date is a machine stamp's tail.
        assert_eq!(rec("x+00:00 10:00 +0200 Mar 3, 2021").as_deref(), Some("2021-03-03"));
    }

    #[test]
    fn record_dates_are_days_or_utc_instants() {
        assert_eq!(record_date("2021-03-03"), "2021-03-03");
        assert_eq!(record_date("2021-03-03T23:45:00-06:00"), "2021-03-04T05:45:00Z");
        assert_eq!(record_date("2021-03-03T23:45:00+00:00"), "2021-03-03T23:45:00Z");
        assert_eq!(record_date("2021-03-03T23:45:00"), "2021-03-03T23:45:00");
        // On a text page, the chosen date line's instant.
        let doc = doc_of(&[
            ("Storm closes harbour", HL),
            ("Published 11:20 pm ET, Monday, June 5, 2023", Some("date")),
            ("The harbour closed after the storm, the council said on Monday.", None),
        ]);
        let found = extract(&doc).unwrap();
        assert_eq!(found.iso, "2023-06-06T03:20:00Z");
        assert_eq!(found.text, "June 5, 2023");
        // Metadata gives its own calendar day.
        let mut doc = doc_of(&[("Storm closes harbour", HL)]);
        doc.meta.published = Some("2023-06-05T23:20:00-04:00".to_string());
        assert_eq!(extract(&doc).unwrap().iso, "2023-06-05");
    }

    /// Dates with a clock time and a zone, as pages write them.
    fn zoned_text() -> impl proptest::strategy::Strategy<Value = (jiff::civil::Date, String)> {
        use proptest::prelude::*;
        let zones: Vec<String> = ZONES
            .iter()
            .map(|(n, _)| n.to_string())
            .chain(["GMT+3", "UTC-09:30", "+0545", "-1100", "Z"].map(String::from))
            .collect();
        (
            1971i16..2100,
            1i8..=12,
            1i8..=31,
            0u8..24,
            0u8..60,
            any::<bool>(),
            proptest::sample::select(zones),
            0usize..3,
        )
            .prop_filter_map("valid day", |(y, m, d, h, mi, twelve, zone, form)| {
                let date = jiff::civil::Date::new(y, m, d).ok()?;
                let clock = if twelve {
                    let ap = if h < 12 { "am" } else { "pm" };
                    format!("{}:{mi:02} {ap}", if h % 12 == 0 { 12 } else { h % 12 })
                } else {
                    format!("{h:02}:{mi:02}")
                };
                let space = if zone == "Z" { "" } else { " " };
                let month = date.strftime("%B");
                let text = match form {
                    // A bare offset before a date is not read (a machine
                    // stamp's tail).
                    1 if !zone.starts_with(['+', '-']) => format!("Updated {clock}{space}{zone}, {d} {month} {y}"),
                    0 | 1 => format!("{month} {d}, {y}, {clock}{space}{zone}"),
                    _ => format!("{d:02}.{m:02}.{y} - {clock}{space}{zone}"),
                };
                Some((date, text))
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn the_utc_day_is_the_local_day_or_next_to_it((date, text) in zoned_text()) {
            let found = find_date(&text);
            let found = found.as_ref().map(|d| d.iso.as_str());
            let local = date.to_string();
            prop_assert_eq!(found.and_then(|i| i.get(..10)), Some(local.as_str()), "{}", text);
            let out = record_date(found.unwrap_or_default());
            prop_assert!(out.ends_with('Z'), "{} gave {}", text, out);
            let day: jiff::civil::Date = out[..10].parse().map_err(|e| TestCaseError::fail(format!("{e}")))?;
            let near = [date.yesterday().ok(), Some(date), date.tomorrow().ok()];
            prop_assert!(near.contains(&Some(day)), "{} gave {}", text, out);
        }
    }

    #[test]
    fn yearless_dates_on_their_own_line_or_in_a_dateline() {
        let (d, dateline) = yearless_date("Aug 15").unwrap();
        assert_eq!((d.month, d.day, dateline), (8, 15, false));
        let (d, _) = yearless_date("30 Nov").unwrap();
        assert_eq!((d.month, d.day), (11, 30));
        let (d, dateline) =
            yearless_date("HARBOURTOWN, Nov 22 — The ferry resumed service on Tuesday after repairs.").unwrap();
        assert_eq!((d.month, d.day, dateline), (11, 22, true));
        assert_eq!(
            yearless_date("Updated Nov 19, 6:55 AM").unwrap().0.role,
            DateRole::Updated
        );
        // A full date, a sentence, a month-like word are not yearless dates.
        assert!(yearless_date("Aug 15, 2024").is_none());
        assert!(yearless_date("May 5 was the day the ferry came back to the old harbour.").is_none());
        assert!(yearless_date("Mayor 12").is_none());
        assert!(yearless_date("Hello, May 5 —").is_none());
    }

    #[test]
    fn extract_gives_a_yearless_date_the_nearest_year() {
        use crate::cleaner::{BlockKind, PageMeta};
        let block = |t: &str, chrome| Block {
            text: t.to_string(),
            kind: BlockKind::Paragraph,
            chrome,
        };
        let doc = CleanDoc {
            blocks: vec![
                block("Storm closes harbour", Some(crate::cleaner::text::HEADLINE)),
                block("Mar 4", None),
                block("The harbour closed after the storm, the council said on Monday.", None),
                block("© 2023 Harbour News", Some("footer")),
                block("Filed in 2023, updated in 2024, 2023 again", Some("footer")),
            ],
            meta: PageMeta::default(),
        };
        let found = extract(&doc).unwrap();
        assert_eq!((found.iso.as_str(), found.text.as_str()), ("2023-03-04", "Mar 4"));
        let mut no_year = doc.clone();
        no_year.blocks.truncate(3);
        assert!(extract(&no_year).is_none());
    }

    #[test]
    fn rejects_impossible_and_relative_dates() {
        assert_eq!(iso("Feb 30, 2026"), None);
        assert_eq!(iso("2026-13-01"), None);
        assert_eq!(iso("3 hours ago"), None);
        assert_eq!(iso("vor 2 Tagen"), None);
        assert_eq!(iso("31/31/2020"), None);
        assert_eq!(iso("May 2024"), None);
    }

    #[test]
    fn roles_and_spans() {
        let dates = find_dates("Published March 3, 2024 | Updated March 5, 2024");
        assert_eq!(dates.len(), 2);
        assert_eq!(dates[0].role, DateRole::Published);
        assert_eq!(dates[1].role, DateRole::Updated);
        assert_eq!(
            &"Published March 3, 2024 | Updated March 5, 2024"[dates[1].span.clone()],
            "March 5, 2024"
        );
    }

    #[test]
    fn extract_prefers_published_near_headline() {
        use crate::cleaner::{BlockKind, PageMeta};
        let block = |t: &str, chrome| Block {
            text: t.to_string(),
            kind: BlockKind::Paragraph,
            chrome,
        };
        let doc = CleanDoc {
            blocks: vec![
                block("Latest: June 1, 2020", Some("header")),
                block("Storm closes harbour", Some(crate::cleaner::text::HEADLINE)),
                block("Updated May 9, 2024. Published May 8, 2024", Some("date")),
                block("The harbour closed on May 2, 2024 after the storm.", None),
            ],
            meta: PageMeta::default(),
        };
        let found = extract(&doc).unwrap();
        assert_eq!(found.iso, "2024-05-08");
        assert_eq!(found.text, "May 8, 2024");
    }
    fn doc_of(blocks: &[(&str, Option<&'static str>)]) -> CleanDoc {
        CleanDoc::of_paragraphs(blocks)
    }

    const HL: Option<&str> = Some(crate::cleaner::text::HEADLINE);

    #[test]
    fn gmt_offsets_and_datum_label() {
        assert_eq!(
            iso("Posted 5 Aug 2024 - 13:55 GMT+2").as_deref(),
            Some("2024-08-05T13:55:00+02:00")
        );
        assert_eq!(
            iso("5 Aug 2024 13:55 UTC-5").as_deref(),
            Some("2024-08-05T13:55:00-05:00")
        );
        assert_eq!(
            iso("5 Aug 2024 13:55 GMT").as_deref(),
            Some("2024-08-05T13:55:00+00:00")
        );
        assert_eq!(find_date("Datum 28.04.2023").unwrap().role, DateRole::Published);
        assert_eq!(find_date("Harbour news 28.04.2023").unwrap().role, DateRole::Unknown);
    }

    #[test]
    fn a_label_line_above_gives_the_role() {
        let doc = doc_of(&[
            ("Storm closes harbour", HL),
            ("Published on", Some("date")),
            ("Oct 31, 2025", Some("date")),
            ("Nov 2, 2025", Some("date")),
            ("The harbour closed after the storm, the council said on Monday.", None),
        ]);
        let c = candidates(&doc);
        assert_eq!(c[0].2.role, DateRole::Published);
        assert_eq!(c[1].2.role, DateRole::Unknown);
        assert_eq!(extract(&doc).unwrap().iso, "2025-10-31");
        // A long line above is not a label.
        let doc = doc_of(&[
            ("Storm closes harbour", HL),
            ("Everything that was published on the harbour this year", None),
            ("Oct 31, 2025", Some("date")),
        ]);
        assert_eq!(candidates(&doc)[0].2.role, DateRole::Unknown);
    }

    #[test]
    fn ranges_and_embedded_posts_lose_to_the_byline_date() {
        let doc = doc_of(&[
            ("Storm closes harbour", HL),
            ("Issue of May 2, 2024/May 9, 2024", Some("date")),
            ("News / May 6, 2024", Some("breadcrumb")),
            ("The harbour closed after the storm, the council said on Monday.", None),
        ]);
        assert_eq!(extract(&doc).unwrap().iso, "2024-05-06");
        let doc = doc_of(&[
            ("Storm closes harbour", HL),
            ("— Harbour Watch (@harbourwatch) May 4, 2024", Some("date")),
            ("By Ann Lee May 6, 2024", Some("byline")),
            ("The harbour closed after the storm, the council said on Monday.", None),
        ]);
        assert_eq!(extract(&doc).unwrap().iso, "2024-05-06");
        // Without the handle the nearer date wins.
        let doc = doc_of(&[
            ("Storm closes harbour", HL),
            ("— Harbour Watch May 4, 2024", Some("date")),
            ("Ann Lee May 6, 2024", Some("byline")),
            ("The harbour closed after the storm, the council said on Monday.", None),
        ]);
        assert_eq!(extract(&doc).unwrap().iso, "2024-05-04");
        assert!(is_range_joiner(" / "));
        assert!(!is_range_joiner(" and then "));
    }
    #[test]
    fn two_digit_years_only_before_a_clock_time() {
        assert_eq!(iso("By Ann Lee On 11/13/19 at 4:00 PM").as_deref(), Some("2019-11-13"));
        assert_eq!(iso("Ann Lee • 11/08/23 5:19pm").as_deref(), Some("2023-11-08"));
        assert_eq!(find_date("Ann Lee • 11/08/23 5:19pm").unwrap().text, "11/08/23");
        let day_first = find_dates_ordered("03/11/23 10:15", NumericOrder::DayFirst);
        assert_eq!(day_first[0].iso, "2023-11-03");
        assert_eq!(iso("Horoscope for 11/20/19 by Ann Lee"), None);
        assert_eq!(iso("a ratio of 1/2/24 people"), None);
        assert_eq!(iso("see http://example.org/a/b 10:00"), None);
        assert_eq!(iso("13/13/19 at 4:00"), None);
    }
    #[test]
    fn a_page_writing_dotted_dates_month_first_reads_them_so() {
        let doc = doc_of(&[
            ("Storm closes harbour", HL),
            ("09.10.2024", Some("date")),
            ("The harbour closed after the storm, the council said on Monday.", None),
            ("Older posts: 11.24.2023, 10.28.2023", Some("related")),
        ]);
        assert_eq!(page_order(&doc.blocks), NumericOrder::MonthFirstAlways);
        assert_eq!(extract(&doc).unwrap().iso, "2024-09-10");
        // Day-first evidence (or none) keeps dots day first.
        let doc = doc_of(&[
            ("Storm closes harbour", HL),
            ("09.10.2024", Some("date")),
            ("Older posts: 24.11.2023, 10.28.2023", Some("related")),
        ]);
        assert_eq!(page_order(&doc.blocks), NumericOrder::MonthFirst);
        assert_eq!(extract(&doc).unwrap().iso, "2024-10-09");
        let slashes = find_dates_ordered("09/10/2024 and 09.10.2024", NumericOrder::MonthFirstAlways);
        assert_eq!(
            (slashes[0].iso.as_str(), slashes[1].iso.as_str()),
            ("2024-09-10", "2024-09-10")
        );
    }
    #[test]
    fn comment_threads_lose_to_the_byline() {
        let thread = [
            ("Storm closes harbour", HL),
            ("The harbour closed after the storm, the council said on Monday.", None),
            ("Jane Roe July 6, 2015 at 6:57 pm", Some("date")),
            ("Sam Poe June 28, 2015 at 10:25 pm", Some("date")),
            ("Lee Moe July 23, 2015 at 3:20 pm", Some("date")),
        ];
        let mut blocks = vec![("by kim on December 4, 2006", Some("date"))];
        blocks.extend(std::iter::repeat_n(("Menu item", Some("menu")), 40));
        blocks.extend(thread);
        assert_eq!(extract(&doc_of(&blocks)).unwrap().iso, "2006-12-04");
        // Two stamps are not a thread.
        blocks.pop();
        assert_eq!(extract(&doc_of(&blocks)).unwrap().iso, "2015-07-06");
        assert!(is_byline("By Ann Lee | May 4, 2024"));
        assert!(is_byline("von Anna Berg, 4. Mai 2024"));
        assert!(!is_byline("Bypass road opens May 4, 2024"));
        assert!(!is_byline(
            "By the time the ferry came back on May 4, 2024 the harbour had been closed for a week and more."
        ));
    }
    #[test]
    fn the_one_published_day_of_a_page_wins() {
        let mut blocks = vec![("Storm closes harbour", HL), ("November 9, 2023", Some("date"))];
        blocks.extend(std::iter::repeat_n(("Harbour photos", Some("caption")), 8));
        blocks.push(("The harbour closed after the storm, the council said on Monday.", None));
        blocks.push(("Published Nov. 8, 2023, 10:28 p.m.", Some("date")));
        assert_eq!(extract(&doc_of(&blocks)).unwrap().iso, "2023-11-08");
        // Two different "Published" days: neither gets the bonus.
        blocks.push(("Published Nov. 2, 2023", Some("date")));
        assert_eq!(extract(&doc_of(&blocks)).unwrap().iso, "2023-11-09");
        // Nor does one in a list of other stories.
        blocks.pop();
        blocks.pop();
        blocks.push(("Published Nov. 8, 2023, 10:28 p.m.", Some("related")));
        assert_eq!(extract(&doc_of(&blocks)).unwrap().iso, "2023-11-09");
    }
    #[test]
    fn at_equal_distance_the_date_below_the_headline_wins() {
        let doc = doc_of(&[
            ("February 28, 2024", Some("date")),
            ("Storm closes harbour", HL),
            ("February 29, 2024", Some("date")),
            ("The harbour closed after the storm, the council said on Monday.", None),
        ]);
        assert_eq!(extract(&doc).unwrap().iso, "2024-02-29");
        // One block nearer above still wins.
        let doc = doc_of(&[
            ("February 28, 2024", Some("date")),
            ("Storm closes harbour", HL),
            ("Harbour photos", Some("caption")),
            ("February 29, 2024", Some("date")),
            ("The harbour closed after the storm, the council said on Monday.", None),
        ]);
        assert_eq!(extract(&doc).unwrap().iso, "2024-02-28");
    }

    #[test]
    fn dashed_month_names_and_year_first() {
        assert_eq!(iso("By Ann Lee on 04-Aug-2021 5:11:10").as_deref(), Some("2021-08-04"));
        assert_eq!(iso("Filed 12/jan/2020").as_deref(), Some("2020-01-12"));
        assert_eq!(
            iso("Harbour Journal. 2022 Mar 5;12(3):44").as_deref(),
            Some("2022-03-05")
        );
        assert_eq!(iso("2021-Sep-30").as_deref(), Some("2021-09-30"));
        // Not dates: a two-digit year, a word that starts like a month,
        // "may" the verb after a year, a month and year without a day.
        assert_eq!(iso("Room 12-Mar-20"), None);
        assert_eq!(iso("4-mayor-2021"), None);
        assert_eq!(iso("by 2030 may 40 firms close"), None);
        assert_eq!(iso("2024 March issue"), None);
    }

    #[test]
    fn a_received_date_is_not_the_publication_date() {
        let text = "Received 2021 Feb 3; Accepted 2021 May 9";
        assert_eq!(find_dates(text)[0].role, DateRole::Received);
        assert_eq!(iso(text).as_deref(), Some("2021-05-09"));
        // Alone it is still a date.
        assert_eq!(iso("Received 2021 Feb 3").as_deref(), Some("2021-02-03"));
        assert_eq!(find_date("Posted 2021 Feb 3").unwrap().role, DateRole::Published);
    }

    #[test]
    fn a_labelled_line_may_hold_two_yearless_stamps() {
        let (d, _) = yearless_date("Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM").unwrap();
        assert_eq!((d.month, d.day, d.role), (11, 19, DateRole::Updated));
        assert!(
            yearless_date("Posted Nov 19, and then the ferry came back to the old harbour after the storm").is_none()
        );
        assert!(yearless_date("Nov 19, 6:55 AM and then the ferry came back to the harbour").is_none());
    }

    #[test]
    fn a_date_line_beside_the_byline_wins_far_from_the_headline() {
        let mut blocks = vec![
            ("Storm closes harbour", HL),
            ("The council says the harbour will stay shut for a week.", None),
            ("Boats in the harbour on October 24, 2025, before the storm.", None),
        ];
        blocks.extend(std::iter::repeat_n(("Listen", Some("share")), 10));
        blocks.push(("By Ann Lee and Sam Poe", Some("byline")));
        blocks.push(("6 Jan 2026", Some("date")));
        blocks.push(("The harbour closed after the storm, the council said on Monday.", None));
        assert_eq!(extract(&doc_of(&blocks)).unwrap().iso, "2026-01-06");
        // Without the byline the caption's date, nearer the headline, wins.
        blocks.retain(|(t, _)| !t.starts_with("By "));
        assert_eq!(extract(&doc_of(&blocks)).unwrap().iso, "2025-10-24");
        assert!(beside_byline(
            &doc_of(&[("By Ann Lee", None), ("6 Jan 2026", None)]).blocks,
            1
        ));
        assert!(!beside_byline(
            &doc_of(&[("Bypass works", None), ("6 Jan 2026", None)]).blocks,
            1
        ));
    }

    #[test]
    fn a_date_line_above_a_dateline_of_its_day_wins() {
        let mut blocks = vec![
            ("Storm closes harbour", HL),
            ("Boats in the harbour on Nov 21, 2024, before the storm.", None),
        ];
        blocks.extend(std::iter::repeat_n(("Listen", Some("share")), 30));
        blocks.push(("Friday, 22 Nov 2024 4:55 PM", Some("date")));
        blocks.push(("HARBOURTOWN, Nov 22 — The ferry resumed service after repairs.", None));
        assert_eq!(extract(&doc_of(&blocks)).unwrap().iso, "2024-11-22");
        assert!(opens_dateline(&doc_of(&blocks).blocks, 32, "2024-11-22"));
        // A dateline of another day does not vouch for it.
        blocks.pop();
        blocks.push(("HARBOURTOWN, Nov 23 — The ferry resumed service after repairs.", None));
        assert!(!opens_dateline(&doc_of(&blocks).blocks, 32, "2024-11-22"));
        assert_eq!(extract(&doc_of(&blocks)).unwrap().iso, "2024-11-21");
    }

    #[test]
    fn the_headline_repeated_in_a_dated_list_gives_the_day() {
        let mut blocks = vec![
            ("Storm closes the harbour for a week", HL),
            ("The harbour had closed on 9 June 2024 too, the council said.", None),
            ("Today at 20:07", None),
        ];
        blocks.extend(std::iter::repeat_n(("Harbour photos", Some("caption")), 40));
        blocks.extend([
            ("Ferry service resumes after repairs", Some("related")),
            ("01/02/2025", Some("date")),
            ("Storm closes the harbour for a week", Some("related")),
            ("02/02/2025", Some("date")),
        ]);
        assert_eq!(teaser_dates(&doc_of(&blocks), Some(0)), vec![46]);
        assert_eq!(extract(&doc_of(&blocks)).unwrap().iso, "2025-02-02");
        // Another story's title does not date this one.
        blocks[45].0 = "Storm closes the airport for a day";
        assert!(teaser_dates(&doc_of(&blocks), Some(0)).is_empty());
        assert_eq!(extract(&doc_of(&blocks)).unwrap().iso, "2024-06-09");
    }

    #[test]
    fn an_ambiguous_numeric_date_is_not_read_in_the_page_future() {
        let mut blocks = vec![
            ("Storm closes harbour", HL),
            ("Published on 06/01/2026 - 13:55", Some("date")),
            (
                "Boats in the harbour on Jan. 3, 2026, before the storm.",
                Some("caption"),
            ),
            ("The harbour had closed on Dec. 21, 2025 too.", None),
        ];
        assert_eq!(page_order(&doc_of(&blocks).blocks), NumericOrder::MonthFirst);
        assert_eq!(extract(&doc_of(&blocks)).unwrap().iso, "2026-01-06");
        // When the page speaks of June, June it may be.
        blocks.push(("The ferry will be back by June 3, 2026.", None));
        assert_eq!(extract(&doc_of(&blocks)).unwrap().iso, "2026-06-01");
        assert!(is_ambiguous_numeric("06/01/2026"));
        assert!(!is_ambiguous_numeric("13/01/2026"));
        assert!(!is_ambiguous_numeric("06/06/2026"));
        assert!(!is_ambiguous_numeric("2026-01-06"));
    }

    #[test]
    fn a_24_hour_clock_after_a_slash_date_reads_it_day_first() {
        let doc = doc_of(&[("Storm closes harbour", HL), ("08/11/2023 | 20:26", Some("date"))]);
        assert_eq!(page_order(&doc.blocks), NumericOrder::DayFirst);
        assert_eq!(extract(&doc).unwrap().iso, "2023-11-08");
        // A morning time, or a 12-hour clock, says nothing.
        let doc = doc_of(&[("Storm closes harbour", HL), ("08/11/2023 | 09:26", Some("date"))]);
        assert_eq!(page_order(&doc.blocks), NumericOrder::MonthFirst);
        let doc = doc_of(&[("Storm closes harbour", HL), ("08/11/2023 at 8:26 pm", Some("date"))]);
        assert_eq!(extract(&doc).unwrap().iso, "2023-08-11");
    }

    #[test]
    fn a_line_of_day_month_then_year() {
        assert_eq!(iso("12/19 — 2025").as_deref(), Some("2025-12-19"));
        assert_eq!(iso("19.12 – 2025").as_deref(), Some("2025-12-19"));
        assert_eq!(
            find_dates_ordered("03/04 - 2025", NumericOrder::DayFirst)[0].iso,
            "2025-04-03"
        );
        assert_eq!(iso("scored 3/4 - 2025 season"), None);
        assert_eq!(iso("12/19 — 2025 was the year"), None);
        assert_eq!(iso("13/13 — 2025"), None);
    }

    #[test]
    fn a_written_date_beats_a_leaked_machine_stamp_on_its_line() {
        let doc = doc_of(&[
            ("Storm closes harbour", HL),
            ("The harbour closed after the storm, the council said on Monday.", None),
            ("Ann2024-04-18T13:00:39+00:00March 22nd, 2024|News|", Some("date")),
        ]);
        assert_eq!(extract(&doc).unwrap().iso, "2024-03-22");
        // Alone, the stamp is the date.
        let doc = doc_of(&[
            ("Storm closes harbour", HL),
            ("Ann2024-04-18T13:00:39+00:00|News|", Some("date")),
        ]);
        assert_eq!(extract(&doc).unwrap().iso, "2024-04-18T13:00:39Z");
        let stamp = find_date("x2024-04-18T13:00:39").unwrap();
        assert!(is_machine_stamp("x2024-04-18T13:00:39", &stamp));
        let plain = find_date("x2024-04-18 13:00").unwrap();
        assert!(!is_machine_stamp("x2024-04-18 13:00", &plain));
        // A month name glued to digits, when capitalised.
        assert_eq!(iso("+00:00March 22nd, 2024").as_deref(), Some("2024-03-22"));
        assert_eq!(iso("mp3march 22, 2024"), None);
    }

    #[test]
    fn british_spelling_reads_a_lone_slash_date_day_first() {
        let mut blocks = vec![
            ("Storm closes harbour", HL),
            ("Ann Lee - 12/03/2026", Some("date")),
            ("The neighbourhood favourite travelled far; its colour faded.", None),
        ];
        assert!(british_spelling(&doc_of(&blocks).blocks));
        assert_eq!(extract(&doc_of(&blocks)).unwrap().iso, "2026-03-12");
        // American spelling, or a date that settles the order, wins.
        blocks[2].0 = "The neighborhood favorite traveled far; its color faded.";
        assert!(!british_spelling(&doc_of(&blocks).blocks));
        assert_eq!(extract(&doc_of(&blocks)).unwrap().iso, "2026-12-03");
        blocks[2].0 = "The neighbourhood favourite travelled far; its colour faded.";
        blocks.push(("Older: 11/24/2025", Some("related")));
        assert_eq!(extract(&doc_of(&blocks)).unwrap().iso, "2026-12-03");
        // One word is not enough.
        assert!(!british_spelling(&doc_of(&[("Its colour faded.", None)]).blocks));
    }

    #[test]
    fn dotted_two_digit_years_before_a_clock_time_are_day_first() {
        assert_eq!(iso("Stand: 05.03.24, 10:34 Uhr").as_deref(), Some("2024-03-05"));
        assert_eq!(iso("05.03.24 um 10:34").as_deref(), Some("2024-03-05"));
        assert_eq!(find_date("Stand: 05.03.24, 10:34 Uhr").unwrap().text, "05.03.24");
        // Mixed separators, a version number alone, no clock time.
        assert_eq!(iso("05.03/24 10:34"), None);
        assert_eq!(iso("release 5.03.24 is out: see notes"), None);
        assert_eq!(iso("Stand: 05.03.24"), None);
    }
}
