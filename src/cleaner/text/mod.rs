//! Block classification for plain text (and for HTML once it is in blocks).
//!
//! Three steps, in the spirit of jusText and boilerpipe:
//! 1. [`label_chrome`]: blocks that are chrome on their own: user rules, a
//!    multilingual widget lexicon ([`lexicon`]) and shapes (bylines, date
//!    lines, counters, rules).
//! 2. [`region`]: every block gets a score from its [`features`] (running
//!    prose scores its length, labels and widgets score negative, section
//!    ends such as "Related articles" score very negative) and the article is
//!    the contiguous run of blocks with the highest total. Sub-headings, list
//!    items and short paragraphs inside that run stay in the body.
//! 3. The headline: the title-like line that opens the article, scored
//!    anywhere on the page on its shape, its closeness to the region, the
//!    byline or date under it and how well it sums up the prose (repeated
//!    in a breadcrumb or title earns a bonus). It is labelled `headline` so
//!    the body never contains it.

pub mod features;
mod headline;
pub mod lexicon;
pub mod region;

use super::{Block, BlockKind, CleanDoc, Rules};
use regex::Regex;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// Reason code of the block that holds the headline.
pub const HEADLINE: &str = "headline";

/// Split a plain-text dump into blocks: one per non-empty line. Bullet
/// markers (`•`, `□`, `☆`, `-`, ...) make list items; a bullet alone on its
/// line belongs to the next line unless a blank line comes between.
pub fn split_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut pending_bullet = false;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            // A bullet with a blank line under it is an empty item (a
            // menu's icon), not the marker of the next paragraph.
            pending_bullet = false;
            continue;
        }
        if is_bullet(trimmed) {
            pending_bullet = true;
            continue;
        }
        let (kind, text) = match strip_bullet(trimmed) {
            Some(rest) => (BlockKind::ListItem, rest),
            // `\d` (Unicode) is numeric: other lines skip the regex.
            None if pending_bullet || trimmed.starts_with(char::is_numeric) && NUMBERED.is_match(trimmed) => {
                (BlockKind::ListItem, trimmed)
            }
            None => (BlockKind::Paragraph, trimmed),
        };
        pending_bullet = false;
        blocks.push(Block {
            text: text.to_string(),
            kind,
            chrome: None,
        });
    }
    blocks
}

/// A numbered item ("1. Home", "2) Results"); the number stays in the text.
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d{1,2}[.)]\s+\S").expect("static regex"));

const BULLETS: &[char] = &[
    '•', '·', '*', '-', '–', '▪', '◦', '□', '☆', '○', '●', '■', '►', '▸', '‣', '∙', '◆', '★',
];

fn is_bullet(line: &str) -> bool {
    let mut chars = line.chars();
    chars.next().is_some_and(|c| BULLETS.contains(&c)) && chars.next().is_none()
}

fn strip_bullet(line: &str) -> Option<&str> {
    let mut chars = line.char_indices();
    let (_, first) = chars.next()?;
    let (idx, second) = chars.next()?;
    (BULLETS.contains(&first) && second == ' ').then(|| line[idx..].trim_start())
}

/// A short line that names the author ("By Jane Doe", "Von Max Muster").
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:by|von|par|por|door|di|av|af|przez|written by|posted by|words by|reported by|text:|autor(in)?:?|author:?|auteur:?)\s+\p{Lu}")
        .expect("static regex")
});

/// Whether `text` starts with a letter that opens one of [`BYLINE`]'s
/// words (none of which has a non-ASCII case partner): most blocks then
/// skip its search.
fn may_be_byline(text: &str) -> bool {
    text.as_bytes()
        .first()
        .is_some_and(|b| matches!(b | 0x20, b'a' | b'b' | b'd' | b'p' | b'r' | b't' | b'v' | b'w'))
}

/// Label blocks that are chrome on their own (user rules, lexicon, byline
/// and date-line shapes), without choosing an article region. Blocks
/// already labelled keep their label.
pub fn label_chrome(blocks: &mut [Block], rules: &Rules) {
    // Each unlabelled text once (an HTML page's pre-labelled menus are not
    // even hashed).
    let mut seen: FxHashMap<&str, Option<&'static str>> = FxHashMap::default();
    let reasons: Vec<Option<Option<&'static str>>> = blocks
        .iter()
        .map(|block| {
            block.chrome.is_none().then(|| {
                *seen.entry(block.text.as_str()).or_insert_with(|| {
                    let words = words_up_to(&block.text, REASON_WORDS);
                    block_reason(&block.text, rules, words, None)
                })
            })
        })
        .collect();
    for (block, reason) in blocks.iter_mut().zip(reasons) {
        if let Some(reason) = reason {
            block.chrome = reason;
        }
    }
}

/// Sets the chrome label of each unlabelled block to `reason(block, i)`,
/// computed once per text: a block whose text an earlier unlabelled block
/// had (`first_same`, from [`features::first_same`]) gets that block's
/// reason, which depends on the text alone.
fn label_repeats_once(
    blocks: &mut [Block],
    first_same: &[usize],
    mut reason: impl FnMut(&Block, usize) -> Option<&'static str>,
) {
    // The reason found for each block, if one was computed.
    let mut found: Vec<Option<Option<&'static str>>> = Vec::with_capacity(blocks.len());
    for (i, block) in blocks.iter_mut().enumerate() {
        if block.chrome.is_some() {
            found.push(None);
            continue;
        }
        let same = first_same.get(i).copied().unwrap_or(i);
        let r = match found.get(same) {
            Some(&Some(r)) if same < i => r,
            _ => reason(block, i),
        };
        block.chrome = r;
        found.push(Some(r));
    }
}

/// Word counts above this tell [`block_reason`] nothing more: every limit
/// it and the lexicon compare them with is at most [`lexicon::MAX_PHRASE_WORDS`].
const REASON_WORDS: usize = lexicon::MAX_PHRASE_WORDS + 1;

/// [`word_count`], counted no further than `cap`: an HTML page's long
/// blocks need not be counted to their end. ASCII is told byte by byte
/// (`split_whitespace` decodes every char).
fn words_up_to(text: &str, cap: usize) -> usize {
    let bytes = text.as_bytes();
    let (mut words, mut in_word, mut i) = (0, false, 0);
    while let Some(&b) = bytes.get(i) {
        let (space, len) = if b < 0x80 {
            (matches!(b, b'\t'..=b'\r' | b' '), 1)
        } else {
            match text.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) => (c.is_whitespace(), c.len_utf8()),
                None => break,
            }
        };
        if space {
            in_word = false;
        } else if !in_word {
            if words == cap {
                break;
            }
            words += 1;
            in_word = true;
        }
        i += len;
    }
    words
}

/// [`label_chrome`] with the page's features, computed once for this
/// and for the region: no second word count, code test or date search.
fn label_chrome_with(blocks: &mut [Block], page: &features::Page, rules: &Rules) {
    label_repeats_once(blocks, &page.first_same, |block, i| {
        let f = page.feats.get(i)?;
        block_reason(&block.text, rules, f.words, Some(f))
    });
}

/// Labels of boxes whose own text (a sign-up box's pitch between its
/// header and its e-mail field) reads like a short paragraph.
const BOXED: [&str; 1] = ["newsletter"];

/// A sentence sitting between two blocks of the same sign-up box is the
/// box's blurb, not a paragraph of the article: the jusText idea of
/// judging a short block by its neighbours.
const BLURB_MAX_WORDS: usize = 30;

fn label_boxed_blurbs(blocks: &mut [Block], page: &features::Page) {
    for i in 1..blocks.len().saturating_sub(1) {
        let (above, below) = (blocks[i - 1].chrome, blocks[i + 1].chrome);
        if blocks[i].chrome.is_none()
            && page.feats[i].words <= BLURB_MAX_WORDS
            && above.is_some_and(|a| BOXED.contains(&a))
            && above == below
        {
            blocks[i].chrome = above;
        }
    }
}

/// Why a block of `words` words is chrome, if it is. `feats`, when the
/// caller has them, answer whether it is code and whether it holds a date.
/// A count above [`lexicon::MAX_PHRASE_WORDS`] may be capped ([`REASON_WORDS`]).
fn block_reason(text: &str, rules: &Rules, words: usize, feats: Option<&features::Features>) -> Option<&'static str> {
    if rules.matches(text) {
        return Some(super::rules::RULE_REASON);
    }
    if lexicon::ends_with_photo_credit(text) {
        return Some("caption");
    }
    if is_bare_url(text) {
        return Some("link");
    }
    // A line of code may hold a date or a slash ("WHERE day > '2024-01-01'",
    // "a = b / c"): no date line, no breadcrumb.
    if words > lexicon::MAX_PHRASE_WORDS || feats.map_or_else(|| features::looks_like_code(text), |f| f.code) {
        return None;
    }
    if words <= 12 && may_be_byline(text) && BYLINE.is_match(text) && !text.ends_with('.') {
        return Some("byline");
    }
    if let Some(reason) = lexicon::chrome_reason(text, words) {
        return Some(reason);
    }
    // `dated` is `contains_date` for blocks this short: no date, no search.
    if words <= 14
        && feats.is_none_or(|f| f.dated)
        && let Some(found) = crate::extract::date::find_date(text)
    {
        // A line that is mostly a date (with maybe a label or a time).
        let rest = text.len().saturating_sub(found.text.len());
        if rest <= 40 || words <= 8 {
            return Some("date");
        }
    }
    None
}

/// A block that is one web address and nothing else: a link list's entry
/// or a source list printed out, not the article's text (a sentence or a
/// "Website: ..." line around an address keeps it).
fn is_bare_url(text: &str) -> bool {
    let t = text.trim().trim_end_matches([',', '.', ';']);
    !t.contains(char::is_whitespace)
        && ["http://", "https://", "www."]
            .iter()
            .any(|p| t.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)))
        && t.len() > 8
}

/// Label every block as body or chrome: block-level chrome first, then the
/// article region and the headline. Blocks already labelled chrome (e.g.
/// by the HTML stage) stay chrome.
pub fn clean(mut blocks: Vec<Block>, rules: &Rules) -> CleanDoc {
    // Features depend on the texts only, not on the labels.
    let page = features::Page::new(&blocks);
    label_chrome_with(&mut blocks, &page, rules);
    label_boxed_blurbs(&mut blocks, &page);
    region::select_with(&mut blocks, &page);
    CleanDoc {
        blocks,
        meta: Default::default(),
    }
}

pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_up_to_a_cap() {
        for text in [
            "",
            "  ",
            "one",
            " one  two\tthree\u{a0}four\u{3000}five ",
            "a\u{85}b\u{2028}c—d ━ e",
            "x\u{b}y",
        ] {
            for cap in [0, 1, 2, 3, 10] {
                assert_eq!(
                    words_up_to(text, cap),
                    text.split_whitespace().take(cap).count(),
                    "{text:?} {cap}"
                );
            }
        }
    }

    #[test]
    fn a_bare_web_address_is_a_link_not_text() {
        let rules = Rules::default();
        for t in [
            "https://example.org/reports/2024/bridge-survey",
            "www.example.com/tickets,",
            "HTTP://example.net/",
        ] {
            assert!(is_bare_url(t), "{t}");
            assert_eq!(block_reason(t, &rules, word_count(t), None), Some("link"), "{t}");
        }
        for t in [
            "Website: https://example.org/",
            "The full report is at https://example.org/report.",
            "www.",
            "wwwhat a day",
        ] {
            assert!(!is_bare_url(t), "{t}");
        }
    }

    const PAGE: &str = "Loading...\n\nSearch\n\nShopping cart\n\nSubscribe to the Newsletter\n\n\
  • News\n  • Sport\n  • Weather\n\n\
Home » News » Storm closes harbour\n\nStorm closes harbour\n\nMar 3, 2025 • 12 views\n\n\
The harbour in the old town was closed on Monday after a storm damaged two of its piers, officials said.\n\n\
What happens next\n\n  • Repairs start next week.\n\n\
Engineers expect the work to take about three months, and the ferry will use a temporary pier until then.\n\n\
You may also like\n\nA second story about the weather that we wrote for this test and that is long enough.\n\nLeave a Comment\n";

    #[test]
    fn keeps_body_drops_chrome() {
        let doc = clean(split_blocks(PAGE), &Rules::default());
        let body = doc.body();
        assert!(body.starts_with("The harbour in the old town"), "{body}");
        assert!(body.contains("What happens next\n\nRepairs start next week."));
        assert!(body.ends_with("until then."), "{body}");
        let removed = doc.removed();
        let reason_of = |text: &str| removed.iter().find(|r| r.text == text).map(|r| r.reason.as_str());
        assert_eq!(reason_of("Subscribe to the Newsletter"), Some("newsletter"));
        assert_eq!(reason_of("Home » News » Storm closes harbour"), Some("breadcrumb"));
        assert_eq!(reason_of("Storm closes harbour"), Some(HEADLINE));
        assert_eq!(reason_of("You may also like"), Some("related"));
        assert_eq!(reason_of("Leave a Comment"), Some("comments"));
        assert_eq!(reason_of("Mar 3, 2025 • 12 views"), Some("date"));
        assert_eq!(reason_of("The harbour in the old town"), None);
    }

    #[test]
    fn user_rules_drop_blocks() {
        let page = "A long enough paragraph of the article that ends with a full stop and has words.\n\nBuy our mug\n\nAnother long paragraph of the article that ends with a full stop and has words.";
        let rules = Rules::parse("buy our mug").unwrap();
        let doc = clean(split_blocks(page), &rules);
        assert!(!doc.body().contains("mug"));
        assert_eq!(doc.removed()[0].reason, "rule");
        let plain = clean(split_blocks(page), &Rules::default());
        assert!(plain.body().contains("Buy our mug"));
    }

    #[test]
    fn user_regex_rules_and_explain_reasons() {
        let page = "A long enough paragraph of the article that ends with a full stop and has words.\n\
                    Sponsored by Acme\n\
                    Another long paragraph of the article that ends with a full stop and has words.";
        let rules = Rules::parse("re:^Sponsored by \\w+$").unwrap();
        let doc = clean(split_blocks(page), &rules);
        let removed = doc.removed();
        assert_eq!(removed.len(), 1);
        assert_eq!(removed[0].text, "Sponsored by Acme");
        assert_eq!(removed[0].reason, super::super::rules::RULE_REASON);
        assert_eq!(doc.body().split("\n\n").count(), 2);
    }

    #[test]
    fn a_sign_up_box_pitch_is_part_of_the_box() {
        let para = "The new bridge over the river opened to traffic on Monday morning after two years of work.";
        let boxed = format!(
            "{para}\n\nNewsletter\n\nThe week's best walks, sent every Friday.\n\nEnter your email address\n\n{para}"
        );
        let doc = clean(split_blocks(&boxed), &Rules::default());
        assert!(!doc.body().contains("best walks"), "{}", doc.body());
        assert!(
            doc.removed()
                .iter()
                .any(|r| r.text.contains("best walks") && r.reason == "newsletter")
        );
        // Only a block with the same box on both sides: a sentence after the
        // box's last block, or a long paragraph inside one, stays.
        for text in [
            format!("Newsletter\n\nEnter your email address\n\nThe week's best walks, sent every Friday.\n\n{para}"),
            format!("Newsletter\n\n{para} {para} {para}\n\nEnter your email address"),
        ] {
            let mut blocks = split_blocks(&text);
            let page = features::Page::new(&blocks);
            label_chrome_with(&mut blocks, &page, &Rules::default());
            label_boxed_blurbs(&mut blocks, &page);
            assert!(blocks.iter().any(|b| b.chrome.is_none()), "{blocks:?}");
        }
    }

    #[test]
    fn a_lone_paragraph_is_body_not_headline() {
        let doc = clean(
            split_blocks("Menu\nThe ferry resumed service on Friday after the repairs were finished?"),
            &Rules::default(),
        );
        assert!(doc.body().starts_with("The ferry resumed"), "{:?}", doc.blocks);
        assert!(doc.blocks.iter().all(|b| b.chrome != Some(HEADLINE)));
    }

    #[test]
    fn short_wire_copy_keeps_every_sentence() {
        // No chrome at all: a headline, a dateline, short sentences, one of
        // them broken over lines.
        let page = "Ferry service resumes after storm.\n\nHARBOURTOWN 2025-03-04\n\n\
                    The ferry company\n\nresumed service on Tuesday, a spokeswoman\n\nsaid.\n\n\
                    Two piers were repaired.\n\nHe declined to give further details.\n";
        let doc = clean(split_blocks(page), &Rules::default());
        let body = doc.body();
        assert!(body.starts_with("The ferry company"), "{body}");
        assert!(body.ends_with("He declined to give further details."), "{body}");
        assert!(!body.contains("HARBOURTOWN"));
    }

    #[test]
    fn a_page_with_chrome_keeps_its_region() {
        let page = "Search\n\nLog in\n\n\
                    The harbour in the old town was closed on Monday after a storm damaged two of its piers.\n\n\
                    Engineers expect the work to take about three months, the council said on Tuesday.\n\n\
                    Leave a Comment\n\nThanks for reading.\n";
        let doc = clean(split_blocks(page), &Rules::default());
        assert!(doc.body().ends_with("on Tuesday."), "{}", doc.body());
    }

    #[test]
    fn bullets_become_list_items() {
        let blocks = split_blocks("  • one\n  □ two\n  •\n    three\n- four\nplain -text\n2. five\n  •\n\nA title");
        let kinds: Vec<_> = blocks.iter().map(|b| (b.text.as_str(), b.kind)).collect();
        assert_eq!(
            kinds,
            [
                ("one", BlockKind::ListItem),
                ("two", BlockKind::ListItem),
                ("three", BlockKind::ListItem),
                ("four", BlockKind::ListItem),
                ("plain -text", BlockKind::Paragraph),
                ("2. five", BlockKind::ListItem),
                ("A title", BlockKind::Paragraph),
            ]
        );
    }

    #[test]
    fn prelabelled_chrome_stays_chrome() {
        let mut blocks = split_blocks(
            "A long enough paragraph of the article that ends with a full stop and has words.\n\
             Another long paragraph of the article that ends with a full stop and has words.",
        );
        blocks[1].chrome = Some("aside");
        let doc = clean(blocks, &Rules::default());
        assert_eq!(doc.blocks[1].chrome, Some("aside"));
        assert_eq!(doc.blocks[0].chrome, None);
    }

    /// Pages drawn from a few lines (chrome, dates, prose, code, some
    /// pre-labelled), so that many repeat.
    fn generated_pages() -> Vec<Vec<Block>> {
        const LINES: &[&str] = &[
            "Home",
            "home",
            "Share on Facebook",
            "By Jane Doe",
            "Mar 3, 2025",
            "Subscribe to our newsletter",
            "The harbour in the old town was closed on Monday after a storm damaged two of its piers.",
            "Engineers expect the work to take about three months, the council said.",
            "let span = bridge.length();",
            "Photo: Jane Roe/Agency",
            "Leave a Comment",
            "  Home ",
            "Storm closes harbour",
        ];
        let mut rng = crate::testgen::Rng::new(11);
        (0..300)
            .map(|_| {
                let n = rng.below(12);
                (0..n)
                    .map(|_| Block {
                        text: LINES[rng.below(LINES.len())].to_string(),
                        kind: BlockKind::Paragraph,
                        chrome: (rng.below(5) == 0).then_some("aside"),
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn repeated_texts_are_labelled_as_each_alone() {
        let rules = Rules::parse("harbour in the old").unwrap();
        let (mut repeats, mut labelled) = (0, 0);
        for blocks in generated_pages() {
            // The reference: every block on its own.
            let mut alone = blocks.clone();
            for b in alone.iter_mut().filter(|b| b.chrome.is_none()) {
                b.chrome = block_reason(&b.text, &rules, word_count(&b.text), None);
            }
            let mut plain = blocks.clone();
            label_chrome(&mut plain, &rules);
            let page = features::Page::new(&blocks);
            let mut with = blocks.clone();
            label_chrome_with(&mut with, &page, &rules);
            let chrome = |b: &[Block]| b.iter().map(|b| b.chrome).collect::<Vec<_>>();
            assert_eq!(chrome(&plain), chrome(&alone), "{blocks:?}");
            assert_eq!(chrome(&with), chrome(&alone), "{blocks:?}");
            for (i, b) in blocks.iter().enumerate() {
                let f = features::of_text(&b.text);
                let g = &page.feats[i];
                assert_eq!(
                    (f.words, f.chars, f.stop_density, f.capitalised, f.dated, f.code),
                    (g.words, g.chars, g.stop_density, g.capitalised, g.dated, g.code)
                );
                assert_eq!(page.keys[i], features::normalise(&b.text));
                repeats += usize::from(page.first_same[i] < i);
            }
            labelled += alone.iter().filter(|b| b.chrome.is_some_and(|c| c != "aside")).count();
        }
        assert!(repeats > 200 && labelled > 200, "{repeats} {labelled}");
    }

    /// `block_reason` both ways: without the page's features (the HTML
    /// path) and with them; they must agree.
    fn reason_of_text(t: &str) -> Option<&'static str> {
        let rules = Rules::default();
        let plain = block_reason(t, &rules, word_count(t), None);
        let f = features::of_text(t);
        assert_eq!(block_reason(t, &rules, f.words, Some(&f)), plain, "{t}");
        plain
    }

    #[test]
    fn bylines_and_date_lines() {
        assert_eq!(reason_of_text("By Jane Doe"), Some("byline"));
        assert_eq!(reason_of_text("Von Max Muster"), Some("byline"));
        assert_eq!(reason_of_text("Published March 3, 2025 at 10:00"), Some("date"));
        assert_eq!(reason_of_text("By the end of the year the pier will reopen."), None);
    }
}
