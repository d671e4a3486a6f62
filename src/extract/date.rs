//! Publication date: metadata first, else the first date expression near
//! the top of the article.

use crate::cleaner::CleanDoc;
use regex::Regex;
use std::sync::LazyLock;

/// A date found in the document: ISO 8601 and the text it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundDate {
    pub iso: String,
    pub text: String,
}

static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
        .expect("static regex")
});
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b")
        .expect("static regex")
});
static ISO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})(?:T|\b)").expect("static regex"));

fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let prefix: String = name.chars().take(3).collect::<String>().to_lowercase();
    MONTHS.iter().position(|m| *m == prefix).map(|i| i as u32 + 1)
}

fn valid(y: i32, m: u32, d: u32) -> Option<String> {
    let date = jiff::civil::Date::new(i16::try_from(y).ok()?, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()?;
    (1990..=2100).contains(&y).then(|| date.to_string())
}

/// The first valid date expression in `text`.
pub fn find_date(text: &str) -> Option<FoundDate> {
    let mut best: Option<(usize, FoundDate)> = None;
    let mut consider = |start: usize, iso: Option<String>, matched: &str| {
        if let Some(iso) = iso
            && best.as_ref().is_none_or(|(s, _)| start < *s)
        {
            best = Some((
                start,
                FoundDate {
                    iso,
                    text: matched.to_string(),
                },
            ));
        }
    };
    for c in MONTH_DAY_YEAR.captures_iter(text) {
        let m = c.get(0).map_or(0..0, |m| m.range());
        let iso = month_number(&c[1]).and_then(|mo| valid(c[3].parse().ok()?, mo, c[2].parse().ok()?));
        consider(m.start, iso, &text[m]);
    }
    for c in DAY_MONTH_YEAR.captures_iter(text) {
        let m = c.get(0).map_or(0..0, |m| m.range());
        let iso = month_number(&c[2]).and_then(|mo| valid(c[3].parse().ok()?, mo, c[1].parse().ok()?));
        consider(m.start, iso, &text[m]);
    }
    for c in ISO.captures_iter(text) {
        let m = c.get(0).map_or(0..0, |m| m.range());
        let iso = valid(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        consider(m.start, iso, &text[m]);
    }
    best.map(|(_, d)| d)
}

pub fn contains_date(text: &str) -> bool {
    find_date(text).is_some()
}

/// Metadata date, else the first date in the blocks before the body and the
/// first few body blocks.
pub fn extract(doc: &CleanDoc) -> Option<FoundDate> {
    if let Some(p) = &doc.meta.published
        && let Some(d) = find_date(p)
    {
        return Some(FoundDate {
            iso: d.iso,
            text: p.clone(),
        });
    }
    let start = doc.body_start().unwrap_or(0);
    doc.blocks.iter().take(start + 5).find_map(|b| find_date(&b.text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_common_forms() {
        assert_eq!(find_date("Feb 06, 2026 • 72 views").unwrap().iso, "2026-02-06");
        assert_eq!(find_date("Published 3 March 2024").unwrap().iso, "2024-03-03");
        assert_eq!(find_date("2023-11-30T10:00:00Z").unwrap().iso, "2023-11-30");
    }

    #[test]
    fn rejects_impossible_dates() {
        assert_eq!(find_date("Feb 30, 2026"), None);
        assert_eq!(find_date("2026-13-01"), None);
    }
}
