//! Page metadata: headline and publication date from JSON-LD, OpenGraph and
//! other `<meta>` tags, `<time>`/`itemprop` in the article, and the visible
//! `<h1>`.

use super::dom::{Facts, Page};
use super::score::Verdicts;
use crate::cleaner::PageMeta;
use regex::Regex;
use serde_json::Value;
use std::sync::LazyLock;

/// JSON-LD `@type`s of an article.
fn is_article_type(t: &str) -> bool {
    matches!(
        t,
        "NewsArticle"
            | "Article"
            | "BlogPosting"
            | "ReportageNewsArticle"
            | "AnalysisNewsArticle"
            | "OpinionNewsArticle"
            | "ReviewNewsArticle"
            | "BackgroundNewsArticle"
            | "LiveBlogPosting"
            | "TechArticle"
            | "ScholarlyArticle"
            | "Report"
            | "SocialMediaPosting"
            | "Posting"
            | "DiscussionForumPosting"
            | "Blog"
    )
}

/// What the JSON-LD says.
#[derive(Debug, Default)]
pub struct LinkedData {
    pub headline: Option<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    /// `datePublished` of a `WebPage` (weaker than an article's).
    pub page_published: Option<String>,
    pub site_name: Option<String>,
    pub description: Option<String>,
}

/// Max JSON values visited per page, against pathological JSON-LD.
const MAX_VISIT: usize = 20_000;

fn str_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Array(items) => items.iter().find_map(str_of),
        Value::Object(o) => o.get("@value").or_else(|| o.get("name")).and_then(str_of),
        _ => None,
    }
}

fn types_of(v: &Value) -> Vec<&str> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// Strip what pages wrap JSON-LD in (HTML comments, CDATA).
fn unwrap_script(s: &str) -> &str {
    let mut s = s.trim();
    for p in ["<!--", "//<![CDATA[", "<![CDATA["] {
        s = s.strip_prefix(p).unwrap_or(s).trim();
    }
    for p in ["-->", "//]]>", "]]>"] {
        s = s.strip_suffix(p).unwrap_or(s).trim();
    }
    s.trim_end_matches(';')
}

pub fn linked_data(scripts: &[String]) -> LinkedData {
    let mut ld = LinkedData::default();
    for script in scripts {
        let Ok(root) = serde_json::from_str::<Value>(unwrap_script(script)) else {
            continue;
        };
        let mut stack: Vec<&Value> = vec![&root];
        let mut visited = 0;
        while let Some(v) = stack.pop() {
            visited += 1;
            if visited > MAX_VISIT {
                break;
            }
            match v {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(o) => {
                    let types = types_of(v);
                    if types.iter().any(|t| is_article_type(t)) {
                        if ld.headline.is_none() {
                            ld.headline = o.get("headline").or_else(|| o.get("name")).and_then(str_of);
                        }
                        if ld.published.is_none() {
                            ld.published = o.get("datePublished").or_else(|| o.get("dateCreated")).and_then(str_of);
                        }
                        if ld.modified.is_none() {
                            ld.modified = o.get("dateModified").and_then(str_of);
                        }
                        if ld.description.is_none() {
                            ld.description = o.get("description").and_then(str_of);
                        }
                        if ld.site_name.is_none() {
                            ld.site_name = o.get("publisher").and_then(|p| p.get("name")).and_then(str_of);
                        }
                    } else if types.iter().any(|t| t.ends_with("WebPage")) {
                        if ld.page_published.is_none() {
                            ld.page_published = o.get("datePublished").and_then(str_of);
                        }
                    } else if types.contains(&"WebSite") && ld.site_name.is_none() {
                        ld.site_name = o.get("name").and_then(str_of);
                    }
                    for (k, child) in o.iter().rev() {
                        if matches!(child, Value::Object(_) | Value::Array(_)) && k != "publisher" {
                            stack.push(child);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    ld
}

static ISO_DT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?",
    )
    .expect("static regex")
});
static SLASH_YMD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b").expect("static regex"));

static NUMERIC_DMY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})([./])(\d{1,2})[./]((?:19|20)\d{2})\b").expect("static regex"));
static YEAR_MONTH_DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*((?:19|20)\d{2})\s+([A-Za-z]{3,9})\.?\s+(\d{1,2})\b").expect("static regex"));

fn month_of(name: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = name.to_ascii_lowercase();
    let i = MONTHS.iter().position(|m| lower.starts_with(m))?;
    u8::try_from(i + 1).ok()
}

/// A numeric date the way it is written on pages: `DD.MM.YYYY` (day
/// first wherever dots are used), or `DD/MM/YYYY` / `MM/DD/YYYY` only
/// when one part is over 12 (otherwise the order is unknowable).
fn numeric_date(text: &str) -> Option<String> {
    let c = NUMERIC_DMY.captures(text)?;
    let (a, b): (u8, u8) = (c[1].parse().ok()?, c[3].parse().ok()?);
    let (d, m) = match &c[2] {
        "." => (a, b),
        _ if a > 12 => (a, b),
        _ if b > 12 => (b, a),
        _ => return None,
    };
    valid_ymd(&c[4], &m.to_string(), &d.to_string()).map(|d| d.to_string())
}

fn valid_ymd(y: &str, m: &str, d: &str) -> Option<jiff::civil::Date> {
    let y: i16 = y.parse().ok()?;
    let date = jiff::civil::Date::new(y, m.parse().ok()?, d.parse().ok()?).ok()?;
    (1990..=2100).contains(&y).then_some(date)
}

/// Normalise a metadata date: `YYYY-MM-DD`, or RFC 3339 when the value
/// carries a time with an offset. The calendar date is the one written
/// (local to the given offset), not converted to UTC.
pub fn normalise_date(raw: &str) -> Option<String> {
    if let Some(c) = ISO_DT.captures(raw) {
        let date = valid_ymd(&c[1], &c[2], &c[3])?;
        if let (Some(h), Some(mi), Some(off)) = (c.get(4), c.get(5), c.get(7)) {
            let (h, mi): (i8, i8) = (h.as_str().parse().ok()?, mi.as_str().parse().ok()?);
            let s: i8 = c.get(6).and_then(|s| s.as_str().parse().ok()).unwrap_or(0);
            if jiff::civil::Time::new(h, mi, s, 0).is_err() {
                return Some(date.to_string());
            }
            let off = match off.as_str() {
                "Z" => "Z".to_string(),
                o if o.len() == 3 => format!("{o}:00"),
                o if o.len() == 5 => format!("{}:{}", &o[..3], &o[3..]),
                o => o.to_string(),
            };
            return Some(format!("{date}T{h:02}:{mi:02}:{s:02}{off}"));
        }
        return Some(date.to_string());
    }
    if let Some(c) = SLASH_YMD.captures(raw) {
        return valid_ymd(&c[1], &c[2], &c[3]).map(|d| d.to_string());
    }
    // "2023 Jan 7" (bibliographic metadata).
    if let Some(c) = YEAR_MONTH_DAY.captures(raw)
        && let Some(m) = month_of(&c[2])
    {
        return valid_ymd(&c[1], &m.to_string(), &c[3]).map(|d| d.to_string());
    }
    if let Ok(z) = jiff::fmt::rfc2822::parse(raw.trim()) {
        let d = z.date();
        return (1990..=2100).contains(&d.year()).then(|| d.to_string());
    }
    crate::extract::date::find_date(raw).map(|d| d.iso)
}

/// `<meta>` keys that carry the publication date, strongest first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "og:published_time",
    "published_time",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "citation_date",
    "article.published",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "published_on",
    "published_at",
    "pubdate",
    "originalpublicationdate",
    "date",
    "og:pubdate",
    "datecreated",
    "published",
];

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/((?:19|20)\d{2})(?:[/-](\d{1,2})[/-](\d{1,2})|(\d{2})(\d{2}))(?:/|$|[-_.]?[a-z])")
        .expect("static regex")
});

/// A `/YYYY/MM/DD/` date in the page's canonical URL (or `og:url`).
fn url_date(page: &Page<'_>) -> Option<String> {
    let url = page.facts.canonical.or_else(|| meta_value(&page.facts, "og:url"))?;
    let c = URL_DATE.captures(url)?;
    let (m, d) = match (c.get(2), c.get(3)) {
        (Some(m), Some(d)) => (m, d),
        _ => (c.get(4)?, c.get(5)?),
    };
    valid_ymd(&c[1], m.as_str(), d.as_str()).map(|d| d.to_string())
}

fn day_of(iso: &str) -> Option<jiff::civil::Date> {
    iso.get(..10)?.parse().ok()
}

/// Whether two ISO dates are one calendar day apart (a time-zone shift).
fn one_day_apart(a: &str, b: &str) -> bool {
    match (day_of(a), day_of(b)) {
        (Some(a), Some(b)) => a.tomorrow().ok() == Some(b) || b.tomorrow().ok() == Some(a),
        _ => false,
    }
}

/// How many days ISO date `a` is before ISO date `b` (negative if after).
fn days_before(a: &str, b: &str) -> Option<i32> {
    let a: jiff::civil::Date = a.get(..10)?.parse().ok()?;
    let b: jiff::civil::Date = b.get(..10)?.parse().ok()?;
    let span = a.until(b).ok()?;
    Some(span.get_days())
}

/// How a visible date is labelled on the page.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Label {
    Published,
    Updated,
    Plain,
}

static UPDATED_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(updated?|modified|revised|last edited)\b").expect("static regex"));
static PUBLISHED_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(published|posted|written|released)\b").expect("static regex"));

/// Dates written in short lines around the top of the article (the byline
/// area: from a little before the first paragraph to just after it), with
/// their labels. Long paragraphs are skipped: dates there are content.
/// Each with whether it was a numeric date whose day and month could be
/// swapped ("08/11/2023").
fn visible_dates(page: &Page<'_>, first_prose: usize, before: usize) -> Vec<(String, bool, Label)> {
    let start = first_prose.saturating_sub(before);
    let end = (first_prose + 3).min(page.blocks.len());
    let mut out = Vec::new();
    for b in &page.blocks[start..end] {
        if b.text.len() > 160 || (b.links as usize) * 2 > b.text.len() {
            continue;
        }
        let found = crate::extract::date::find_date(&b.text)
            .map(|d| (d.iso, ambiguous_numeric(&d.text)))
            .or_else(|| numeric_date(&b.text).map(|d| (d, false)));
        if let Some((d, ambiguous)) = found {
            let label = if UPDATED_WORD.is_match(&b.text) {
                Label::Updated
            } else if PUBLISHED_WORD.is_match(&b.text) {
                Label::Published
            } else {
                Label::Plain
            };
            out.push((d, ambiguous, label));
        }
    }
    out
}

/// A numeric day-month-year date whose first two numbers could both be
/// the month ("08/11/2023", "3-4-2024").
fn ambiguous_numeric(text: &str) -> bool {
    static AMBIGUOUS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(\d{1,2})[./-](\d{1,2})[./-]\d{4}$").expect("static regex"));
    AMBIGUOUS.captures(text.trim()).is_some_and(|c| {
        let n = |i: usize| c[i].parse::<u8>().unwrap_or(0);
        (1..=12).contains(&n(1)) && (1..=12).contains(&n(2)) && n(1) != n(2)
    })
}

/// The ISO date with day and month swapped, if that is a valid date.
fn swap_day_month(iso: &str) -> Option<String> {
    let (y, m, d) = (iso.get(..4)?, iso.get(5..7)?, iso.get(8..10)?);
    valid_ymd(y, d, m).map(|d| d.to_string())
}

/// The publication date as the page shows it: metadata, reconciled with the
/// dates written in the byline area. Metadata often gives UTC (a day off
/// the local date shown), and pages that show only "Updated <date>" are
/// read as dated by that date.
/// The date in a "Published …" line: a written date anywhere in it, else a
/// numeric `YYYY.MM.DD`-style one right after the label.
fn labelled_date(text: &str) -> Option<String> {
    if let Some(d) = crate::extract::date::find_date(text) {
        return Some(d.iso);
    }
    let m = PUBLISHED_WORD.find(text)?;
    let rest = text[m.end()..].trim_start();
    let rest = rest
        .strip_prefix("on ")
        .or_else(|| rest.strip_prefix("On "))
        .unwrap_or(rest)
        .trim_start_matches([':', ' ']);
    normalise_date(rest).map(|d| d.get(..10).unwrap_or(&d).to_string())
}

/// The one date the page labels "Published/Posted" in a short line outside
/// lists of other stories and comments, wherever it is (bylines also sit
/// under the article). `None` when there are several distinct ones.
fn labelled_published(page: &Page<'_>, v: &Verdicts) -> Option<String> {
    let mut found: Option<String> = None;
    for b in &page.blocks {
        if b.text.len() > 160 || (b.links as usize) * 2 > b.text.len() || !PUBLISHED_WORD.is_match(&b.text) {
            continue;
        }
        let chrome = v.chrome.get(b.owner).copied().flatten();
        if matches!(
            chrome,
            Some("related" | "comments" | "aside" | "footer" | "menu" | "advert" | "popup" | "hidden")
        ) || UPDATED_WORD.is_match(&b.text)
        {
            continue;
        }
        if let Some(d) = labelled_date(&b.text) {
            match &found {
                Some(f) if *f != d => return None,
                _ => found = Some(d),
            }
        }
    }
    found
}

fn published(page: &Page<'_>, v: &Verdicts, ld: &LinkedData, first_prose: usize) -> Option<(String, String)> {
    let mut meta = meta_published(page, v, ld);
    // The URL's date is the publisher's own calendar day: it settles a
    // metadata time given in UTC, and stands in when metadata has none.
    if let Some(u) = url_date(page) {
        match &meta {
            Some((iso, raw)) if one_day_apart(iso, &u) => meta = Some((u, raw.clone())),
            // The URL is fixed at first publication: a later metadata date
            // dates a re-issue or an edit.
            Some((iso, _)) if days_before(&u, iso).is_some_and(|n| n > 1) => meta = Some((u.clone(), u)),
            None => meta = Some((u.clone(), u)),
            _ => {}
        }
    }
    let mut shown = visible_dates(page, first_prose, 25);
    let same_day = |a: &str, b: &str| a.get(..10) == b.get(..10);
    if let Some((iso, _)) = &meta {
        // "08/11/2023" can be read either way: the metadata settles it.
        for (d, ambiguous, _) in &mut shown {
            if *ambiguous
                && let Some(swapped) = swap_day_month(d)
                && same_day(&swapped, iso)
            {
                *d = swapped;
            }
        }
    }
    let shown: Vec<(String, Label)> = shown.into_iter().map(|(d, _, l)| (d, l)).collect();
    if let Some((iso, _)) = &meta
        && !shown.iter().any(|(d, _)| same_day(d, iso))
        && let Some(m) = modified(page, ld)
        && days_before(iso, &m).is_some_and(|n| n > 1)
        // Update lines often sit in a page header well above the text.
        && visible_dates(page, first_prose, 40)
            .iter()
            .any(|(d, _, l)| same_day(d, &m) && *l != Label::Published)
        && meta_value(&page.facts, "article:published_time").is_none()
        && !shown_anywhere(page, iso)
    {
        return Some((m.clone(), m));
    }
    // The metadata disagree, the first date is shown nowhere, and the
    // byline shows the day another metadata source gives (more than a day
    // away: not a time-zone shift): the byline and that source agree.
    if let Some((iso, _)) = &meta
        && !shown.iter().any(|(d, _)| same_day(d, iso))
        && let Some(d) = shown.iter().find_map(|(d, l)| {
            (*l != Label::Updated
                && !one_day_apart(d, iso)
                && other_meta_dates(page, ld).iter().any(|m| same_day(m, d)))
            .then(|| d.clone())
        })
        && !shown_anywhere(page, iso)
    {
        return Some((d.clone(), d));
    }
    if let Some((iso, _)) = &meta {
        if shown.iter().any(|(d, _)| same_day(d, iso)) {
            return meta;
        }
        if let Some((d, _)) = shown.iter().find(|(_, l)| *l == Label::Published) {
            return Some((d.clone(), d.clone()));
        }
        if let Some(d) = labelled_published(page, v) {
            return Some((d.clone(), d));
        }
        // The byline shows an earlier day than the metadata: the page was
        // re-issued (metadata dates the re-issue) but keeps its own date.
        if let Some((d, _)) = shown
            .iter()
            .find(|(d, l)| *l == Label::Plain && days_before(d, iso).is_some_and(|n| n > 30))
        {
            return Some((d.clone(), d.clone()));
        }
        return meta;
    }
    // No publication date in the metadata: a date the byline labels as
    // published ("Posted on …"), else a date the title carries as a part
    // of its own ("Headline | Site | 28.04.2023": the publisher's own
    // metadata), else an unlabelled byline-area date (not an "Updated"
    // one; captions sit there too).
    shown
        .iter()
        .find(|(_, l)| *l == Label::Published)
        .map(|(d, _)| d.clone())
        .or_else(|| labelled_published(page, v))
        .or_else(|| {
            [page.facts.title.as_deref(), meta_value(&page.facts, "og:title")]
                .into_iter()
                .flatten()
                .find_map(title_date)
        })
        .or_else(|| shown.iter().find(|(_, l)| *l == Label::Plain).map(|(d, _)| d.clone()))
        .map(|d| (d.clone(), d))
}

/// A date standing as a separate part of a title ("… | Site | 28.04.2023"):
/// a part of at most four words that holds a date.
fn title_date(title: &str) -> Option<String> {
    title
        .split(['|', '·', '•'])
        .flat_map(|p| p.split(" - "))
        .flat_map(|p| p.split(" – "))
        .map(str::trim)
        .filter(|p| !p.is_empty() && p.split_whitespace().count() <= 4)
        .find_map(|p| numeric_date(p).or_else(|| crate::extract::date::find_date(p).map(|d| d.iso)))
}

fn meta_value<'a>(facts: &Facts<'a>, key: &str) -> Option<&'a str> {
    facts
        .metas
        .iter()
        .find(|(k, v)| k == key && !v.trim().is_empty())
        .map(|(_, v)| *v)
}

/// The metadata's last-modified date, normalised.
fn modified(page: &Page<'_>, ld: &LinkedData) -> Option<String> {
    // The latest any source gives: a stale JSON-LD dateModified (often
    // copied from datePublished) hides a later `updated` meta.
    ld.modified
        .as_deref()
        .into_iter()
        .chain(
            [
                "article:modified_time",
                "og:updated_time",
                "datemodified",
                "updated",
                "last-modified",
            ]
            .into_iter()
            .filter_map(|k| meta_value(&page.facts, k)),
        )
        .filter_map(normalise_date)
        .max_by(|a, b| a.get(..10).cmp(&b.get(..10)))
}

/// Every publication date the `<meta>` tags and `<time>` elements give.
fn other_meta_dates(page: &Page<'_>, ld: &LinkedData) -> Vec<String> {
    DATE_KEYS
        .iter()
        .filter_map(|k| meta_value(&page.facts, k))
        .chain(ld.page_published.as_deref())
        .chain(
            page.facts
                .times
                .iter()
                .filter(|t| !t.modified)
                .map(|t| t.value.as_str()),
        )
        .filter_map(normalise_date)
        .collect()
}

/// Whether any block of the page shows the day of ISO date `iso`.
fn shown_anywhere(page: &Page<'_>, iso: &str) -> bool {
    let day = iso.get(..10);
    page.blocks.iter().any(|b| {
        crate::extract::date::find_dates(&b.text)
            .iter()
            .any(|d| d.iso.get(..10) == day)
    })
}

/// The publication date: `(normalised, raw)`.
fn meta_published(page: &Page<'_>, v: &Verdicts, ld: &LinkedData) -> Option<(String, String)> {
    let norm = |raw: &str| normalise_date(raw).map(|n| (n, raw.trim().to_string()));
    if let Some(d) = ld.published.as_deref().and_then(norm) {
        return Some(d);
    }
    for key in DATE_KEYS {
        if let Some(d) = meta_value(&page.facts, key).and_then(norm) {
            return Some(d);
        }
    }
    let times = &page.facts.times;
    let in_region = |e: usize| v.in_region.get(e).copied().unwrap_or(false);
    let explicit = times
        .iter()
        .filter(|t| t.published && !t.modified)
        .min_by_key(|t| !in_region(t.elem));
    if let Some(d) = explicit.and_then(|t| norm(&t.value)) {
        return Some(d);
    }
    if let Some(d) = ld.page_published.as_deref().and_then(norm) {
        return Some(d);
    }
    // A plain <time> in the article (or just before it: the byline area),
    // else the first one outside lists of other stories and comments.
    let top = v.top?;
    let outside_lists = |e: usize| {
        !matches!(
            v.chrome.get(e).copied().flatten(),
            Some("related" | "comments" | "aside" | "footer" | "menu" | "advert" | "popup" | "hidden")
        )
    };
    times
        .iter()
        .filter(|t| !t.modified && (in_region(t.elem) || near_before(page, top, t.elem)))
        .find_map(|t| norm(&t.value))
        .or_else(|| {
            times
                .iter()
                .filter(|t| !t.modified && outside_lists(t.elem))
                .find_map(|t| norm(&t.value))
        })
}

/// Whether element `e` comes shortly before the container `top` in the
/// document and shares an ancestor with it a few levels up (the article's
/// header area).
fn near_before(page: &Page<'_>, top: usize, e: usize) -> bool {
    if e >= top {
        return false;
    }
    let mut anc = page.elems[top].parent;
    for _ in 0..3 {
        if anc == super::dom::NONE {
            return false;
        }
        let mut x = e;
        let mut steps = 0;
        while x != super::dom::NONE && x > anc && steps < 256 {
            x = page.elems[x].parent;
            steps += 1;
        }
        if x == anc {
            return true;
        }
        anc = page.elems[anc].parent;
    }
    false
}

/// Lower-cased word tokens, for comparing titles.
pub fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// `tokens(s) == toks`, without building the tokens (it runs on every
/// short block of a page).
pub fn tokens_eq(s: &str, toks: &[String]) -> bool {
    let mut want = toks.iter();
    let same = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| {
            want.next().is_some_and(|t| {
                if w.is_ascii() {
                    w.len() == t.len() && w.bytes().zip(t.bytes()).all(|(a, b)| a.to_ascii_lowercase() == b)
                } else {
                    w.to_lowercase() == *t
                }
            })
        });
    same && want.next().is_none()
}

const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " » ", " · ", " • ", " / ", " ~ ", " : ",
];

/// Decode the character references left in metadata that was escaped twice
/// (`&amp;amp;` in the source reads `&amp;` after parsing).
pub fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let ch = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            };
            ch.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Remove site-name parts (" | Site", "Site - ") from a title.
pub fn strip_site(title: &str, sites: &[&str]) -> String {
    let t = strip_site_tail(title, sites, 4);
    // No known site name: a short first part before a pipe, with a longer
    // title after it, is the site ("Jane's Notes | Why the river moved").
    if sites.is_empty()
        && let Some((head, tail)) = t.split_once(" | ")
        && !tail.contains(" | ")
    {
        let (hw, tw) = (head.split_whitespace().count(), tail.split_whitespace().count());
        if (1..=4).contains(&hw) && tw >= 5 && tw > hw {
            return tail.trim().to_string();
        }
    }
    t
}

/// [`strip_site`] with the longest unnamed tail (in words) to drop.
fn strip_site_tail(title: &str, sites: &[&str], max_tail: usize) -> String {
    let mut t = title.trim();
    let site_toks: Vec<Vec<String>> = sites.iter().map(|s| tokens(s)).filter(|s| !s.is_empty()).collect();
    let is_site = |seg: &str| {
        let st = tokens(seg);
        !st.is_empty()
            && site_toks.iter().any(|s| {
                *s == st || (st.len() <= s.len() + 2 && s.iter().all(|w| st.contains(w))) || {
                    // "example.com" vs "Example"
                    let joined: String = st.concat();
                    let sj: String = s.concat();
                    joined == sj || joined.starts_with(&sj) || sj.starts_with(&joined)
                }
            })
    };
    for _ in 0..3 {
        let mut changed = false;
        for sep in SEPARATORS {
            if let Some((head, tail)) = t.rsplit_once(sep)
                && is_site(tail)
                && !head.trim().is_empty()
            {
                t = head.trim();
                changed = true;
                break;
            }
            if let Some((head, tail)) = t.split_once(sep)
                && is_site(head)
                && !tail.trim().is_empty()
            {
                t = tail.trim();
                changed = true;
                break;
            }
        }
        // "Blog Name: Headline" (only the exact name: a colon also ends
        // kickers that start with it, "Site Gift Guide: ...").
        if !changed
            && let Some((head, tail)) = t.split_once(": ")
            && site_toks.contains(&tokens(head))
            && !tail.trim().is_empty()
        {
            t = tail.trim();
            changed = true;
        }
        if !changed {
            break;
        }
    }
    // No known site name: a short last part after a strong separator is
    // the site or section ("Headline words here | Daily Paper").
    for sep in [" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " • "] {
        if let Some((head, tail)) = t.rsplit_once(sep) {
            let (hw, tw) = (head.split_whitespace().count(), tail.split_whitespace().count());
            if tw <= max_tail && hw >= 3 && hw > tw {
                return strip_site_tail(head, sites, max_tail);
            }
        }
    }
    t.to_string()
}

/// Site or blog names the titles reveal: where one metadata title is
/// another plus a short part before or after a separator ("Blog Name:
/// Headline" beside "Headline"), that part names the site.
fn derived_sites(titles: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in titles {
        for b in titles {
            let bt = tokens(b);
            if bt.is_empty() || a == b {
                continue;
            }
            for sep in SEPARATORS.iter().copied().chain([": "]) {
                let parts = [a.split_once(sep), a.rsplit_once(sep)];
                for (head, tail) in parts.into_iter().flatten() {
                    let site = if tokens(tail) == bt {
                        head
                    } else if tokens(head) == bt {
                        tail
                    } else {
                        continue;
                    };
                    let n = site.split_whitespace().count();
                    if (1..=5).contains(&n) && n < bt.len() && !out.iter().any(|o| o == site.trim()) {
                        out.push(site.trim().to_string());
                    }
                }
            }
        }
    }
    out
}

/// A heading that is a metadata title behind a short kicker ("Blog: Title",
/// "Review - Title") reads as that title.
fn kicker_free(heading: &str, titles: &[Vec<String>]) -> String {
    for sep in [": ", " - ", " – ", " | "] {
        if let Some((kicker, rest)) = heading.split_once(sep) {
            let kt = tokens(kicker);
            let rt = tokens(rest);
            if (1..=2).contains(&kt.len()) && rt.len() >= 3 && titles.contains(&rt) {
                return rest.trim().to_string();
            }
        }
    }
    heading.to_string()
}

/// A heading that is a metadata title plus a piped tail ("Title | topic
/// words") reads as that title: the tail is a tagline the title left out.
fn tail_free(heading: &str, titles: &[Vec<String>]) -> String {
    if let Some((head, tail)) = heading.rsplit_once(" | ") {
        let ht = tokens(head);
        if ht.len() >= 3 && !tokens(tail).is_empty() && titles.contains(&ht) {
            return head.trim().to_string();
        }
    }
    heading.to_string()
}

/// Whether a visible heading and a metadata title name the same story.
fn agrees(h1: &[String], title: &[String]) -> bool {
    if h1.is_empty() || title.is_empty() {
        return false;
    }
    if h1 == title || title.starts_with(h1) || title.ends_with(h1) {
        return true;
    }
    let common = h1.iter().filter(|w| title.contains(w)).count();
    common * 10 >= h1.len() * 8 && common * 10 >= title.len() * 6
}

/// Whether a block reads as article prose: in the region, not chrome, a
/// dozen words or more, mostly not links.
fn is_prose(v: &Verdicts, b: &super::dom::RawBlock) -> bool {
    b.owner != super::dom::NONE
        && v.in_region[b.owner]
        && v.chrome[b.owner].is_none()
        && b.text.split_whitespace().count() >= 12
        && (b.links as usize) * 2 < b.text.len()
}

/// Index of the article's first paragraph block (or the block count).
fn first_prose(page: &Page<'_>, v: &Verdicts) -> usize {
    page.blocks
        .iter()
        .position(|b| is_prose(v, b))
        .unwrap_or(page.blocks.len())
}

/// Whether another visible `<h1>` outside chrome stands between `h` and
/// the container `top` (then `h` is a page or section title, not the
/// article's).
fn visible_h1_after(page: &Page<'_>, v: &Verdicts, h: usize, top: usize) -> bool {
    page.facts
        .h1s
        .iter()
        .any(|&o| o > h && o < top && v.chrome.get(o).copied().flatten().is_none())
}

/// At most this many `<h1>`s are considered.
const MAX_H1: usize = 16;

/// Text of the blocks an element owns or holds (an `<h1>` is usually one block).
fn elem_text(page: &Page<'_>, elem: usize) -> String {
    let mut out = String::new();
    for b in page.blocks.iter().filter(|b| b.owner == elem) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&b.text);
    }
    out
}

/// The resolved metadata, plus the `<h1>` element chosen as headline.
pub fn resolve(page: &Page<'_>, v: &Verdicts) -> (PageMeta, Option<usize>) {
    let ld = linked_data(&page.facts.json_ld);
    let facts = &page.facts;
    let site_name = meta_value(facts, "og:site_name")
        .map(str::trim)
        .map(str::to_string)
        .or_else(|| ld.site_name.clone())
        .or_else(|| meta_value(facts, "application-name").map(|s| s.trim().to_string()));
    let clean = |s: &str| super::dom::collapse(&decode_entities(s));
    let raw_titles: Vec<String> = [
        ld.headline.as_deref(),
        meta_value(facts, "og:title"),
        meta_value(facts, "twitter:title"),
        facts.title.as_deref(),
    ]
    .into_iter()
    .flatten()
    .map(clean)
    .collect();
    let derived = derived_sites(&raw_titles);
    let mut sites: Vec<&str> = Vec::new();
    if let Some(s) = site_name.as_deref() {
        sites.push(s);
    }
    if let Some(s) = ld.site_name.as_deref() {
        sites.push(s);
    }
    if let Some(s) = meta_value(facts, "application-name") {
        sites.push(s);
    }
    sites.extend(derived.iter().map(String::as_str));
    let meta_titles: Vec<String> = raw_titles
        .iter()
        .map(|t| strip_site(t, &sites))
        .filter(|t| !t.is_empty())
        .collect();
    let title_toks: Vec<Vec<String>> = meta_titles.iter().map(|t| tokens(t)).collect();
    let site_toks: Vec<Vec<String>> = sites.iter().map(|s| tokens(s)).collect();

    let first_prose = first_prose(page, v);
    let mut chosen_h1 = None;
    let mut headline = None;
    for &h in facts.h1s.iter().take(MAX_H1) {
        if v.chrome.get(h).copied().flatten() == Some("hidden") {
            continue;
        }
        let text = elem_text(page, h);
        let toks = tokens(&text);
        if !site_toks.contains(&toks) && title_toks.iter().any(|t| agrees(&toks, t)) {
            headline = Some(text);
            chosen_h1 = Some(h);
            break;
        }
    }
    // A visible <h1> at the article that disagrees with the metadata
    // (JSON-LD included) is usually the headline the page shows (SEO
    // titles are rewritten); a logo or section name in an <h1> is short,
    // a link, or the site name.
    if headline.is_none() {
        let top = v.top.unwrap_or(super::dom::NONE);
        // Only a heading above the article's first paragraph heads it.
        let before_prose = |h: usize| page.blocks[..first_prose].iter().any(|b| b.owner == h);
        for &h in facts.h1s.iter().take(MAX_H1) {
            let chrome = v.chrome.get(h).copied().flatten();
            if matches!(chrome, Some("hidden" | "menu" | "footer" | "aside" | "related")) {
                continue;
            }
            // "banner" class words also mark hero sections: a heading there
            // right above the article is no popup.
            if chrome == Some("popup") && !(top != super::dom::NONE && near_before(page, top, h)) {
                continue;
            }
            let near = v.in_region.get(h).copied().unwrap_or(false)
                || (top != super::dom::NONE && near_before(page, top, h))
                // Page builders put the title in a hero section of its own:
                // the last visible <h1> before the article still heads it.
                || (top != super::dom::NONE && h < top && !visible_h1_after(page, v, h, top));
            let el = &page.elems[h];
            let text = elem_text(page, h);
            let toks = tokens(&text);
            if near
                && before_prose(h)
                && (2..=40).contains(&toks.len())
                && el.links * 2 < el.text.max(1)
                && !site_toks.contains(&toks)
                // A label of three words or fewer that shares no word with
                // any metadata title names the page type ("Blog Post"),
                // not the story.
                && (toks.len() > 3
                    || title_toks.is_empty()
                    || title_toks.iter().any(|t| toks.iter().any(|w| t.contains(w))))
            {
                headline = Some(text);
                chosen_h1 = Some(h);
                break;
            }
        }
    }
    if headline.is_none() {
        headline = meta_titles.first().cloned();
    }
    if headline.is_none()
        && let Some(&h) = facts.h1s.first()
    {
        let text = elem_text(page, h);
        if !text.is_empty() {
            headline = Some(text);
            chosen_h1 = Some(h);
        }
    }

    let (published, published_text) = match self::published(page, v, &ld, first_prose) {
        Some((n, raw)) => (Some(n), Some(raw)),
        None => (None, None),
    };
    // Subtitles and site names hang off visible headings too.
    let headline = headline
        .map(|h| {
            // Headings rendered from escaped data show "&#x26;" as text.
            let h = super::dom::collapse(&decode_entities(&h));
            // A raw metadata title that is this whole heading plus a
            // separated tail shows where the title ends: keep it whole.
            let ends_a_title = chosen_h1.is_some()
                && raw_titles.iter().any(|t| {
                    t.len() > h.len()
                        && t.get(..h.len()).is_some_and(|p| p.eq_ignore_ascii_case(&h))
                        && SEPARATORS.iter().any(|sep| t[h.len()..].starts_with(sep))
                });
            let h = if ends_a_title {
                h
            } else {
                strip_site_tail(&h, &sites, 3)
            };
            tail_free(&kicker_free(&h, &title_toks), &title_toks)
        })
        .filter(|h| !h.is_empty());
    let meta = PageMeta {
        headline,
        published,
        published_text,
        language: facts.lang.map(|l| l.trim().to_string()).filter(|l| !l.is_empty()),
    };
    (meta, chosen_h1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_normalised() {
        assert_eq!(
            normalise_date("2024-03-05T23:10:00-05:00").as_deref(),
            Some("2024-03-05T23:10:00-05:00")
        );
        assert_eq!(
            normalise_date("2024-03-05T23:10:00.000+0100").as_deref(),
            Some("2024-03-05T23:10:00+01:00")
        );
        assert_eq!(normalise_date("2024-03-05 10:00").as_deref(), Some("2024-03-05"));
        assert_eq!(normalise_date("2024/3/5").as_deref(), Some("2024-03-05"));
        assert_eq!(
            normalise_date("Tue, 05 Mar 2024 10:00:00 GMT").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(normalise_date("March 5, 2024").as_deref(), Some("2024-03-05"));
        assert_eq!(normalise_date("2024-02-30"), None);
        assert_eq!(normalise_date("soon"), None);
    }

    #[test]
    fn site_suffixes_are_stripped() {
        assert_eq!(
            strip_site("Harbour closes after storm | Daily Gull", &["Daily Gull"]),
            "Harbour closes after storm"
        );
        assert_eq!(
            strip_site("Gull Times - Harbour closes after storm", &["Gull Times"]),
            "Harbour closes after storm"
        );
        assert_eq!(
            strip_site("Harbour closes after the big storm - The Gull", &[]),
            "Harbour closes after the big storm"
        );
        // A dash inside a headline stays when what follows is long.
        assert_eq!(
            strip_site("Storm - and what the harbour board says about it", &[]),
            "Storm - and what the harbour board says about it"
        );
    }

    #[test]
    fn json_ld_article_in_graph() {
        let ld = linked_data(&[r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Gull"},
            {"@type":["NewsArticle"],"headline":"Harbour closes","datePublished":"2024-03-05T10:00:00Z","dateModified":"2024-03-06"}]}"#
            .to_string()]);
        assert_eq!(ld.headline.as_deref(), Some("Harbour closes"));
        assert_eq!(ld.published.as_deref(), Some("2024-03-05T10:00:00Z"));
        assert_eq!(ld.modified.as_deref(), Some("2024-03-06"));
        assert_eq!(ld.site_name.as_deref(), Some("Gull"));
        let none = linked_data(&["{not json".to_string()]);
        assert!(none.published.is_none());
    }

    #[test]
    fn entities_left_in_metadata_are_decoded() {
        assert_eq!(
            decode_entities("Tips &amp; Tricks &#39;24 &#x26; more"),
            "Tips & Tricks '24 & more"
        );
        assert_eq!(decode_entities("R&D; a & b &bogus;"), "R&D; a & b &bogus;");
        assert_eq!(decode_entities("plain"), "plain");
    }

    #[test]
    fn numeric_dates_only_when_the_order_is_clear() {
        assert_eq!(numeric_date("28.04.2023").as_deref(), Some("2023-04-28"));
        assert_eq!(numeric_date("05.03.2024").as_deref(), Some("2024-03-05"));
        assert_eq!(numeric_date("by Ann - 17/08/2025").as_deref(), Some("2025-08-17"));
        assert_eq!(numeric_date("08/17/2025").as_deref(), Some("2025-08-17"));
        assert_eq!(numeric_date("05/03/2024"), None);
        assert_eq!(numeric_date("31.02.2024"), None);
        assert_eq!(numeric_date("version 1.2.2024x"), None);
    }

    #[test]
    fn year_month_day_metadata() {
        assert_eq!(normalise_date("2023 Jan 7").as_deref(), Some("2023-01-07"));
        assert_eq!(normalise_date("2021 Sept. 30").as_deref(), Some("2021-09-30"));
        assert_eq!(normalise_date("2023 Foo 7"), None);
    }

    #[test]
    fn dates_in_title_parts() {
        assert_eq!(
            title_date("Harbour closes after storm | Gull | 28.04.2023").as_deref(),
            Some("2023-04-28")
        );
        assert_eq!(
            title_date("Gull - March 5, 2024 - Harbour closes").as_deref(),
            Some("2024-03-05")
        );
        // A date inside the headline's own words is not a title part.
        assert_eq!(
            title_date("What the harbour board decided on March 5, 2024 | Gull"),
            None
        );
        assert_eq!(title_date("Harbour closes | Gull"), None);
    }

    #[test]
    fn day_differences() {
        assert_eq!(days_before("2022-12-22", "2023-01-23T10:00:00Z"), Some(32));
        assert_eq!(days_before("2024-03-02", "2024-03-01"), Some(-1));
        assert_eq!(days_before("soon", "2024-03-01"), None);
    }

    #[test]
    fn labelled_dates() {
        assert_eq!(
            labelled_date("Essay - Published: 2025.12.17 | misc").as_deref(),
            Some("2025-12-17")
        );
        assert_eq!(
            labelled_date("Published On: 15 August 2025").as_deref(),
            Some("2025-08-15")
        );
        assert_eq!(labelled_date("Posted on 2024-01-05").as_deref(), Some("2024-01-05"));
        assert_eq!(labelled_date("Published by the team"), None);
    }

    #[test]
    fn kickers_before_a_metadata_title_are_dropped() {
        let titles = vec![tokens("Harbour closes after the storm")];
        assert_eq!(
            kicker_free("Blog: Harbour closes after the storm", &titles),
            "Harbour closes after the storm"
        );
        assert_eq!(
            kicker_free("Local news - Harbour closes after the storm", &titles),
            "Harbour closes after the storm"
        );
        // Not a metadata title after the colon: the heading stays whole.
        assert_eq!(
            kicker_free("Storm: harbour closes for a week", &titles),
            "Storm: harbour closes for a week"
        );
        // A long lead-in is part of the headline.
        assert_eq!(
            kicker_free("After three days of rain: Harbour closes after the storm", &titles),
            "After three days of rain: Harbour closes after the storm"
        );
    }

    #[test]
    fn piped_tails_that_metadata_leaves_out_are_dropped() {
        let titles = vec![tokens("Nine ways to mend a fence")];
        assert_eq!(
            tail_free("Nine ways to mend a fence | Wood, wire & nails", &titles),
            "Nine ways to mend a fence"
        );
        // The head is not a metadata title: the heading stays whole.
        assert_eq!(
            tail_free("Mending fences | Nine ways with wood", &titles),
            "Mending fences | Nine ways with wood"
        );
        // Only a pipe marks such a tail.
        assert_eq!(
            tail_free("Nine ways to mend a fence - part two", &titles),
            "Nine ways to mend a fence - part two"
        );
    }

    #[test]
    fn site_names_from_title_pairs() {
        let titles = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            derived_sites(&titles(&["Field Notes: Why the river moved", "Why the river moved"])),
            vec!["Field Notes".to_string()]
        );
        assert_eq!(
            derived_sites(&titles(&[
                "Why the river moved | The Valley Post",
                "Why the river moved"
            ])),
            vec!["The Valley Post".to_string()]
        );
        // Titles that are not one another plus a part reveal nothing.
        assert!(derived_sites(&titles(&["Why the river moved", "The river moved again"])).is_empty());
        // A long remainder is a subtitle, not a name.
        assert!(
            derived_sites(&titles(&[
                "Why the river moved: a short history of floods in the lower valley",
                "Why the river moved"
            ]))
            .is_empty()
        );
        // A derived name before a colon is stripped; another lead-in stays.
        assert_eq!(
            strip_site("Field Notes: Why the river moved", &["Field Notes"]),
            "Why the river moved"
        );
        assert_eq!(
            strip_site("Field Notes Weekly: Why the river moved", &["Field Notes"]),
            "Field Notes Weekly: Why the river moved"
        );
    }

    #[test]
    fn short_piped_prefix_without_known_site() {
        assert_eq!(
            strip_site("Jane's Notes | Why the river moved its bed last spring", &[]),
            "Why the river moved its bed last spring"
        );
        // A known site name that is not the prefix: the prefix is the topic.
        assert_eq!(
            strip_site(
                "River floods | Causes, seasons, maps, and records | Valley Wiki",
                &["Valley Wiki"]
            ),
            "River floods | Causes, seasons, maps, and records"
        );
        // A short title after the pipe keeps the prefix.
        assert_eq!(
            strip_site("River news | Flood update", &[]),
            "River news | Flood update"
        );
        // A long first part is the title itself.
        assert_eq!(
            strip_site("Why the river moved its bed | Notes from the lower valley farms", &[]),
            "Why the river moved its bed | Notes from the lower valley farms"
        );
    }

    #[test]
    fn heading_agreement() {
        let t = |s: &str| tokens(s);
        assert!(agrees(
            &t("Harbour closes after storm"),
            &t("Harbour closes after storm")
        ));
        assert!(!agrees(&t("Latest news"), &t("Harbour closes after storm")));
    }
    #[test]
    fn ambiguous_numeric_dates_can_be_swapped() {
        assert!(ambiguous_numeric("08/11/2023"));
        assert!(ambiguous_numeric("3-4-2024"));
        assert!(!ambiguous_numeric("17/08/2025"));
        assert!(!ambiguous_numeric("05/05/2024"));
        assert!(!ambiguous_numeric("Aug 11, 2023"));
        assert_eq!(swap_day_month("2023-08-11").as_deref(), Some("2023-11-08"));
        assert_eq!(swap_day_month("2023-01-31"), None);
    }

    #[test]
    fn token_equality_without_building_tokens() {
        let title = tokens("Harbour closes after the storm");
        for (text, same) in [
            ("HARBOUR closes, after the-storm!", true),
            ("Harbour closes after the", false),
            ("Harbour closes after the storm again", false),
            ("", false),
        ] {
            assert_eq!(tokens_eq(text, &title), same, "{text}");
            assert_eq!(tokens(text) == title, same, "{text}");
        }
        // Non-ASCII words take str::to_lowercase (final sigma included).
        for text in ["ΟΔΟΣ Σ", "οδος σ", "οδοσ σ", "Ça va"] {
            for other in ["ΟΔΟΣ Σ", "οδος σ", "Ça va", "ça VA"] {
                assert_eq!(
                    tokens_eq(text, &tokens(other)),
                    tokens(text) == tokens(other),
                    "{text} {other}"
                );
            }
        }
        assert!(tokens_eq("", &[]));
        assert!(tokens_eq(" - ", &[]));
    }
}
