//! Choosing the article region and its headline.
//!
//! Each block gets a score: running prose scores its length in words, short
//! labels a small penalty, widgets a larger one and "section ends" (related
//! stories, comments, footers) a large one. The article is the contiguous
//! run of blocks with the highest total (maximum-sum subarray), so short
//! sub-headings and list items between paragraphs stay in, and menus or
//! teaser lists beyond a section end stay out.

use super::HEADLINE;
use super::features::{Features, Page};
use super::headline::find_headline;
use super::lexicon;
use crate::cleaner::{Block, BlockKind};

/// How much a non-prose block with some words of text lengthens a run of
/// labels (a bare label counts 1).
const RUN_STEP_TEXT: f32 = 0.3;

/// A run of labels costs `run / RUN_GROWTH` more per block as it grows.
const RUN_GROWTH: f32 = 10.0;

/// Penalty of a block that ends the article when it follows it (related
/// stories, comments, footer), and of one that usually does (newsletter
/// box, tags, author box). Tuned on the development pages.
const SECTION_END: f32 = -100.0;
const SOFT_SECTION_END: f32 = -40.0;

/// Label blocks outside the article region (`header` before it, `footer`
/// after it) and the headline.
pub fn select(blocks: &mut [Block]) {
    let page = Page::new(blocks);
    select_with(blocks, &page);
}

/// [`select`] with the page's features already computed (from the same
/// texts: labels do not change them).
pub fn select_with(blocks: &mut [Block], page: &Page) {
    label_author_bios(blocks, page);
    let scores = scores(blocks, page);
    let chrome_free = is_chrome_free(blocks);
    let Some((start, end)) = best_run(&scores)
        .map(|(start, end)| (start, terminate(blocks, page, start, end)))
        .map(|(start, end)| (start, extend_end(blocks, end, chrome_free)))
        .or_else(|| chrome_free.then(|| whole_text(blocks)).flatten())
    else {
        for block in blocks.iter_mut() {
            block.chrome.get_or_insert("no-content");
        }
        return;
    };
    for (i, block) in blocks.iter_mut().enumerate() {
        if block.chrome.is_none() && (i < start || i > end) {
            block.chrome = Some(if i < start { "header" } else { "footer" });
        }
    }
    drop_inline_teasers(blocks, page, start, end);
    drop_table_of_contents(blocks, page, start, end);
    if let Some((h, cut)) = find_headline(blocks, page, start, end, chrome_free) {
        if cut {
            for block in blocks.iter_mut().take(h).skip(start) {
                block.chrome.get_or_insert("header");
            }
        }
        blocks[h].chrome = Some(HEADLINE);
        if cut {
            drop_standfirst(blocks, h, end);
        }
    }
    drop_repeats(blocks, page, start.min(end), end);
}

/// Words of prose the article must have before a comment section or a
/// list of related stories ends it.
const TERMINATE_MIN_PROSE: f32 = 100.0;

/// A related-stories header ends the article when less than this share of
/// the prose before it follows it.
const RELATED_TAIL_RATIO: f32 = 0.5;

/// Where the article ends inside the chosen run, as boilerpipe's
/// terminating blocks do: at the first comment section once enough prose
/// came before it, and at the first related-stories header ("You may also
/// like", "Die Redaktion empfiehlt") when it is a bare header and the run
/// holds much less prose after it than before. The max-sum run alone
/// bridges such a block when a long thread or a list of teasers with
/// summaries follows it. The first related header decides: a page whose
/// first one sits early (or is an inline "Read more: title" line) puts
/// teasers inside its articles, so later ones do not end it either.
fn terminate(blocks: &[Block], page: &Page, start: usize, end: usize) -> usize {
    let last_before = |i: usize| (start..i).rev().find(|&j| blocks[j].chrome.is_none()).unwrap_or(start);
    let mut prose = 0.0f32;
    let mut seen_related = false;
    for (i, b) in blocks.iter().enumerate().take(end + 1).skip(start) {
        if prose >= TERMINATE_MIN_PROSE {
            if b.chrome == Some("comments") {
                return last_before(i);
            }
            if b.chrome == Some("related") && !seen_related && !is_inline_box(blocks, page, i) {
                seen_related = true;
                let text = b.text.trim_end_matches([':', ' ']);
                let header = page.feats[i].words <= 6 && !text.contains(':');
                if header && tail_prose(blocks, page, i, end) < RELATED_TAIL_RATIO * prose {
                    return last_before(i);
                }
            }
        }
        if b.chrome.is_none() && page.is_prose(i) {
            prose += weight(&page.feats[i]);
        }
    }
    end
}

/// Words of prose after a related-stories header at `from` that could
/// still be the article's: up to the comment section (a thread is no part
/// of it), and without teaser summaries (prose right above a "Read more"
/// button).
fn tail_prose(blocks: &[Block], page: &Page, from: usize, end: usize) -> f32 {
    let mut tail = 0.0;
    for j in from + 1..=end {
        match blocks[j].chrome {
            Some("comments") => break,
            None if page.is_prose(j) && blocks.get(j + 1).is_none_or(|n| n.chrome != Some("widget")) => {
                tail += weight(&page.feats[j]);
            }
            _ => {}
        }
    }
    tail
}

/// A name of two to four capitalised words opening a block ("Jane Roe is
/// ...", "Jane Q. Roe, MD, ...", "Jane Roe’s work ...").
static LEADING_NAME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^\*?((?:\p{Lu}[\p{L}.'’-]*\s+){1,3}\p{Lu}[\p{L}'’-]+)(?:[\s,’']|$)").expect("static regex")
});

/// The text opens as [`LEADING_NAME`] needs, looked at char by char: an
/// upper-case letter (a superset of `\p{Lu}`), letters and `.'’-` (a
/// superset of its class, which cannot take the whitespace that ends the
/// word), whitespace, and an upper-case letter. A necessary condition: the
/// regex matches only texts that pass.
fn may_lead_with_name(text: &str) -> bool {
    let text = text.strip_prefix('*').unwrap_or(text);
    let mut chars = text.chars();
    if !chars.next().is_some_and(char::is_uppercase) {
        return false;
    }
    let mut rest = chars.skip_while(|&c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'));
    rest.next().is_some_and(char::is_whitespace) && rest.find(|c| !c.is_whitespace()).is_some_and(char::is_uppercase)
}

/// The author box after an article: a paragraph about the person named in
/// the article's byline ("Jane Roe is a reporter ...", "Jane Roe covers
/// ..."), in the last part of the page, with the name line above it, or
/// the byline's name alone on its line there. Told by context, not by
/// wording: its (opening) name is the byline's name.
fn label_author_bios(blocks: &mut [Block], page: &Page) {
    let prose: Vec<f32> = (0..blocks.len())
        .map(|i| if page.is_prose(i) { weight(&page.feats[i]) } else { 0.0 })
        .collect();
    let total: f32 = prose.iter().sum();
    // The byline and date lines, in order (labels set below are "author":
    // these stay put), so that each block looks at them alone.
    let meta: Vec<(usize, bool)> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b.chrome, Some("byline" | "date")))
        .map(|(j, b)| (j, b.chrome == Some("byline")))
        .collect();
    let meta_before = |i: usize| meta.iter().take_while(move |&&(j, _)| j < i.saturating_sub(2));
    let mut before = 0.0f32;
    for i in 0..blocks.len() {
        before += prose[i];
        let words = page.feats[i].words;
        if blocks[i].chrome.is_some() || (5..8).contains(&words) || words < 2 {
            continue;
        }
        let after = total - before;
        if after >= before - prose[i] {
            continue;
        }
        if words < 5 {
            // The byline's name alone on its line after the article (an
            // author box's header, a sign-off).
            let key = &page.keys[i];
            let signed = page.feats[i].capitalised >= 0.99
                && meta_before(i).any(|&(j, byline)| byline && page.keys[j].contains(key.as_str()));
            if signed {
                blocks[i].chrome = Some("author");
            }
            continue;
        }
        // The name must be in a byline or date line two blocks up or more,
        // and the text must open as [`LEADING_NAME`] can: most paragraphs
        // are passed over before the regex.
        if meta_before(i).next().is_none() || !may_lead_with_name(&blocks[i].text) {
            continue;
        }
        let Some(name) = LEADING_NAME.captures(&blocks[i].text).and_then(|c| c.get(1)) else {
            continue;
        };
        let name = name.as_str();
        let in_byline = meta_before(i).any(|&(j, _)| blocks[j].text.contains(name));
        if !in_byline {
            continue;
        }
        let name = name.to_owned();
        blocks[i].chrome = Some("author");
        let from = i.saturating_sub(2);
        for (b, f) in blocks[from..i].iter_mut().zip(&page.feats[from..i]) {
            if b.chrome.is_none() && f.words <= 6 && b.text.contains(&name) {
                b.chrome = Some("author");
            }
        }
    }
}

/// Meta labels that any article has (its byline, date, a rule); a page
/// whose only chrome they are has no site chrome at all.
/// Nor may it have a menu-like run of labels: three blocks in a row that
/// neither end a sentence nor go on in the next block (a sentence broken
/// over lines does).
fn is_chrome_free(blocks: &[Block]) -> bool {
    let mut labels = 0;
    for (i, b) in blocks.iter().enumerate() {
        if !matches!(b.chrome, None | Some("date" | "byline" | "separator")) {
            return false;
        }
        let text = b.text.trim_end();
        let continued = blocks
            .get(i + 1)
            .and_then(|n| n.text.chars().next())
            .is_some_and(char::is_lowercase);
        let label = b.chrome.is_none() && !text.ends_with(['.', '!', '?', ':', '"', '”', ')']) && !continued;
        labels = if label { labels + 1 } else { 0 };
        if labels >= 3 {
            return false;
        }
    }
    true
}

/// Where the article ends. On a page without any chrome, nothing after the
/// article can be chrome: short sentences and broken lines after the best
/// run ("He declined to comment.") belong to it, up to the last block.
fn extend_end(blocks: &[Block], end: usize, chrome_free: bool) -> usize {
    if !chrome_free {
        return end;
    }
    blocks
        .iter()
        .rposition(|b| b.chrome.is_none())
        .map_or(end, |last| last.max(end))
}

/// The article of a page without chrome and without one long sentence
/// (short wire copy, sentences broken over lines): every block of text
/// after the opening headline and dateline.
fn whole_text(blocks: &[Block]) -> Option<(usize, usize)> {
    let meta = blocks
        .iter()
        .take(3)
        .rposition(|b| b.chrome.is_some())
        .map_or(0, |i| i + 1);
    let start = (meta..blocks.len()).find(|&i| blocks[i].chrome.is_none())?;
    let end = blocks.iter().rposition(|b| b.chrome.is_none())?;
    Some((start, end))
}

/// The standfirst: one or two blocks between the headline and the byline
/// or date line. Article bodies start after the byline.
fn drop_standfirst(blocks: &mut [Block], headline: usize, end: usize) {
    let first = headline + 1;
    let Some(meta) = (first..=(first + 2).min(end)).find(|&j| {
        blocks
            .get(j)
            .is_some_and(|b| matches!(b.chrome, Some("byline" | "date")))
    }) else {
        return;
    };
    for block in &mut blocks[first..meta] {
        if block.chrome.is_none() {
            block.chrome = Some("standfirst");
        }
    }
}

/// A label inside the article that is not a sub-heading: an image's alt
/// text or file name ("bangkok-city", "IMG 1234", "woman reading a book").
fn is_stray_label(block: &Block, f: &Features) -> bool {
    let text = block.text.trim();
    if block.kind == BlockKind::ListItem || f.ends_sentence || f.words > 12 || f.code {
        return false;
    }
    let slug = !text.contains(' ') && text.contains(['-', '_']) && text.chars().any(char::is_alphabetic);
    let file = IMAGE_FILE.is_match(text);
    let lower_label = text.chars().next().is_some_and(char::is_lowercase) && f.words >= 2;
    slug || file || lower_label
}

static IMAGE_FILE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)^(img|dsc|dscn|image|photo|pic|screenshot)[\s_-]*\d+|\.(jpe?g|png|gif|webp)$")
        .expect("static regex")
});

/// Words a caption may add to the alt text it repeats (a credit, a date).
const CAPTION_EXTRA_WORDS: usize = 10;

/// Inside the article: an image's alt text next to its caption (the same
/// words twice in a row, the second maybe with a credit) is a caption, and a
/// paragraph repeated further down (a pull quote, a teaser) is kept once.
fn drop_repeats(blocks: &mut [Block], page: &Page, start: usize, end: usize) {
    let end = end.min(blocks.len().saturating_sub(1));
    // Each block's opening, hashed once when first compared: most
    // neighbours differ there (most already in their first word, compared
    // before any hash), and [`same_picture`] is then not asked.
    let lo = start.saturating_sub(2);
    let openings: Vec<std::cell::OnceCell<Option<u64>>> = page
        .keys
        .get(lo..=end)
        .unwrap_or_default()
        .iter()
        .map(|_| std::cell::OnceCell::new())
        .collect();
    let opening_of = |k: usize| *openings[k - lo].get_or_init(|| opening(&page.keys[k]));
    let same_opening = |i: usize, j: usize| {
        let (a, b) = (page.keys[i].as_bytes().first(), page.keys[j].as_bytes().first());
        // Keys that open with different ASCII letters or digits differ in
        // their first word already (it starts there): no split needed.
        if let (Some(a), Some(b)) = (a, b)
            && a != b
            && a.is_ascii_alphanumeric()
            && b.is_ascii_alphanumeric()
        {
            return false;
        }
        key_words(&page.keys[i]).next() == key_words(&page.keys[j]).next()
            && opening_of(i).is_some()
            && opening_of(i) == opening_of(j)
    };
    // The texts of the blocks passed so far that were left unlabelled,
    // among those found twice on the page ([`Features::repeated`]): only
    // such a text can come back.
    let mut kept: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
    for i in start..=end {
        let key = &page.keys[i];
        let label = 'label: {
            // Code repeats its lines ("}", "return err") and is no caption.
            if blocks[i].chrome.is_some() || page.feats[i].code {
                break 'label None;
            }
            if is_stray_label(&blocks[i], &page.feats[i]) {
                break 'label Some("caption");
            }
            if page.feats[i].words < 4 {
                break 'label None;
            }
            let near = (i.saturating_sub(2)..=(i + 2).min(end)).filter(|&j| j != i).any(|j| {
                let other = &page.keys[j];
                let (wi, wj) = (page.feats[i].words, page.feats[j].words);
                // An alt text and its caption differ by a credit at most; a
                // sub-heading that the paragraph under it repeats as its
                // opening words ("Tidal power" / "Tidal power is ...") is
                // much shorter than that paragraph, and both stay.
                let alike = wi.abs_diff(wj) <= CAPTION_EXTRA_WORDS.max(wi.min(wj));
                alike && (other.starts_with(key.as_str()) || key.starts_with(other.as_str()) && wj >= 4)
                    || same_opening(i, j) && same_picture(&blocks[i].text, key, &blocks[j].text, other)
            });
            if near {
                break 'label Some("caption");
            }
            (page.feats[i].repeated && kept.contains(key.as_str())).then_some("duplicate")
        };
        match label {
            Some(label) => blocks[i].chrome = Some(label),
            None if blocks[i].chrome.is_none() && page.feats[i].repeated => {
                kept.insert(key);
            }
            None => {}
        }
    }
}

/// Words two blocks must share at their start to describe one picture.
const OPENING: usize = 8;

/// The words of a key, as [`same_picture`] compares them.
fn key_words(key: &str) -> impl Iterator<Item = &str> {
    key.split(|c: char| !super::features::is_alphanumeric(c))
        .filter(|w| !w.is_empty())
}

/// A hash of a key's first [`OPENING`] words, None if it has fewer: two
/// keys whose openings differ hash apart (almost always; equal hashes are
/// then compared word by word).
fn opening(key: &str) -> Option<u64> {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    let n = key_words(key).take(OPENING).inspect(|w| w.hash(&mut hasher)).count();
    (n == OPENING).then(|| hasher.finish())
}

/// Two neighbouring blocks that describe the same picture: an image's alt
/// text and its caption, or one caption shown twice (the second perhaps
/// with a credit or more detail). They open with the same eight words and
/// nearly every word of the shorter is in the longer. A question or a
/// lead-in to a list (ending with ':') next to its answer is not one.
fn same_picture<'a>(text: &str, key: &'a str, other_text: &str, other: &'a str) -> bool {
    let ends_open = |t: &str| t.trim_end().ends_with(['?', ':']);
    if key == other || ends_open(text) || ends_open(other_text) {
        return false;
    }
    let words = key_words;
    // Compare the openings before collecting anything: most neighbours differ.
    if words(key).take(OPENING).count() < OPENING || !words(key).take(OPENING).eq(words(other).take(OPENING)) {
        return false;
    }
    let (a, b): (Vec<&str>, Vec<&str>) = (words(key).collect(), words(other).collect());
    if b.len() < OPENING {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    let mut pool: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for w in long.iter() {
        *pool.entry(w).or_default() += 1;
    }
    let shared = short
        .iter()
        .filter(|w| {
            pool.get_mut(**w).is_some_and(|n| {
                *n > 0 && {
                    *n -= 1;
                    true
                }
            })
        })
        .count();
    shared * 10 >= short.len() * 9
}

/// Words of running text, counting three characters as a word in scripts
/// written without spaces.
pub(super) fn weight(f: &Features) -> f32 {
    if f.unspaced {
        f.chars as f32 / 3.0
    } else {
        f.words as f32
    }
}

/// Block scores. Penalties grow along a run of non-prose blocks: a few
/// labels between paragraphs are sub-headings or list items, a long run of
/// them is a menu or a teaser list.
fn scores(blocks: &[Block], page: &Page) -> Vec<f32> {
    let mut run = 0.0f32;
    blocks
        .iter()
        .zip(&page.feats)
        .enumerate()
        .map(|(i, (b, f))| {
            let s = if is_inline_box(blocks, page, i) {
                INLINE_BOX
            } else {
                score(b, f, page.min_stop)
            };
            if s > 0.0 {
                run = 0.0;
                return s;
            }
            // A line of code between paragraphs is neutral and does not
            // lengthen a run of labels: a listing is not a menu.
            if s == 0.0 && b.chrome.is_none() && f.code {
                return s;
            }
            let penalty = s - run / RUN_GROWTH;
            // Bare labels (a menu) lengthen the run faster than items with
            // a few words of text (an article's list).
            run += if b.chrome.is_none() && f.words >= 4 && f.stop_density > 0.0 {
                RUN_STEP_TEXT
            } else {
                1.0
            };
            penalty
        })
        .collect()
}

/// The teaser titles of a related box the article region bridges: the
/// short blocks between its bare header and the next paragraph.
fn drop_inline_teasers(blocks: &mut [Block], page: &Page, start: usize, end: usize) {
    for i in start..=end.min(blocks.len().saturating_sub(1)) {
        // A "Read more: title" line is its own teaser; a bare header's
        // titles follow it.
        let header = blocks[i].text.trim_end_matches([':', ' ']);
        if header.contains(':') || page.feats[i].words > 6 || !is_inline_box(blocks, page, i) {
            continue;
        }
        for (j, block) in blocks.iter_mut().enumerate().take(end + 1).skip(i + 1) {
            if page.is_prose(j) || page.feats[j].is_near_prose(page.min_stop) {
                break;
            }
            block.chrome.get_or_insert("related");
        }
    }
}

/// Entries a table of contents needs.
const TOC_MIN_ENTRIES: usize = 3;

/// A block's text without a leading section number ("2.", "3.1", "IV)"),
/// for comparing a contents entry with its heading.
fn without_number(key: &str) -> &str {
    let t = key.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ')');
    // A roman number: its letters up to the first '.' or ')' (looking no
    // further than the letters, not through the whole text).
    let roman = t.bytes().take_while(|b| b"ivxlc".contains(b)).count();
    let t = match t.as_bytes().get(roman) {
        Some(b'.' | b')') if roman > 0 => &t[roman + 1..],
        _ => t,
    };
    t.trim_start()
}

/// A table of contents inside the article: a run of short lines (at least
/// three of them, two thirds or more) that come back further down as the
/// article's sub-headings, with maybe a short title above it ("Contents",
/// "In this article"). The headings stay where the text is; the list of
/// them goes (reason `toc`).
fn drop_table_of_contents(blocks: &mut [Block], page: &Page, start: usize, end: usize) {
    let end = end.min(blocks.len().saturating_sub(1));
    let entry = |b: &Block, f: &Features| {
        b.chrome.is_none() && f.words <= 12 && (!f.ends_sentence || b.text.trim_end().ends_with('?')) && !f.code
    };
    // Each block's key without its number, once (not per pair compared).
    let keys: Vec<&str> = page.keys.iter().take(end + 1).map(|k| without_number(k)).collect();
    let mut i = start;
    while i <= end {
        // The run stops at the first heading that repeats one of its
        // entries: the article's first section starts there.
        let run_end = (i..=end)
            .take_while(|&j| entry(&blocks[j], &page.feats[j]) && !keys[i..j].contains(&keys[j]))
            .last();
        let Some(run_end) = run_end else {
            i += 1;
            continue;
        };
        // Where entry `j` comes back: once, as a heading further down.
        let heading_later = |j: usize| {
            let key = keys[j];
            let mut at = (run_end + 1..=end).filter(|&k| blocks[k].chrome.is_none() && keys[k] == key);
            match (at.next(), at.next()) {
                (Some(k), None) if !key.is_empty() => Some(k),
                _ => None,
            }
        };
        let headings: Vec<usize> = (i..=run_end).filter_map(heading_later).collect();
        // In the entries' order, most with prose under them (a section
        // may open with a sub-section's heading): not a table's labels
        // shown twice (its rows repeat without text between).
        let ordered = headings.windows(2).all(|w| w[0] < w[1]);
        let with_text = headings
            .windows(2)
            .filter(|w| w[0] < w[1] && (w[0] + 1..w[1]).any(|k| page.is_prose(k)))
            .count();
        let spread = ordered && with_text * 2 >= headings.len().saturating_sub(1);
        let len = run_end - i + 1;
        let found = headings.len();
        if found >= TOC_MIN_ENTRIES && found * 3 >= len * 2 && spread {
            for block in &mut blocks[i..=run_end] {
                block.chrome = Some("toc");
            }
            if let Some(title) = i.checked_sub(1).filter(|&t| t >= start)
                && blocks[title].chrome.is_none()
                && page.feats[title].words <= 4
                && !page.feats[title].ends_sentence
            {
                blocks[title].chrome = Some("toc");
            }
        }
        i = run_end + 1;
    }
}

/// Score of a related-stories header that sits inside the article: a
/// label's, not a section end's.
const INLINE_BOX: f32 = -3.0;

/// Blocks a related box inside an article may hold before its prose resumes.
const INLINE_BOX_SPAN: usize = 6;

/// Words of consecutive paragraphs that must follow an inline box.
const INLINE_BOX_RESUME: f32 = 25.0;

/// A related-stories header between paragraphs of one article ("Related
/// articles" and two teaser titles, then the story goes on): prose a few
/// blocks before it, and within a few blocks after it two consecutive paragraphs
/// of prose, with the box's teaser titles between. A teaser list after an
/// article starts with summaries or alternates titles and summaries.
fn is_inline_box(blocks: &[Block], page: &Page, i: usize) -> bool {
    if blocks[i].chrome != Some("related") {
        return false;
    }
    let prose = |j: usize| blocks.get(j).is_some_and(|b| b.chrome.is_none()) && page.is_prose(j);
    if !(i.saturating_sub(INLINE_BOX_SPAN)..i).any(prose) {
        return false;
    }
    // A bare header right between paragraphs, with the story going on
    // under it, is a box left empty in the dump (a widget filled by script).
    let bare = {
        let t = blocks[i].text.trim_end_matches([':', ' ']);
        !t.contains(':') && page.feats[i].words <= 3
    };
    if bare && i > 0 && prose(i - 1) && prose(i + 1) && prose(i + 2) {
        return true;
    }
    // Otherwise the box's own items come first: prose or a second header
    // right under it is the box's content (teasers with summaries).
    if blocks
        .get(i + 1)
        .is_none_or(|b| b.chrome == Some("related") || page.is_prose(i + 1))
    {
        return false;
    }
    (i + 1..=i + 1 + INLINE_BOX_SPAN)
        .any(|j| prose(j) && prose(j + 1) && weight(&page.feats[j]) + weight(&page.feats[j + 1]) >= INLINE_BOX_RESUME)
}

fn score(block: &Block, f: &Features, min_stop: f32) -> f32 {
    match block.chrome {
        // Sign-up boxes and tags also sit inside articles; the others end them.
        Some("newsletter" | "tags" | "author") => SOFT_SECTION_END,
        Some(reason) if lexicon::is_section_end(reason) => SECTION_END,
        Some("advert" | "caption" | "share" | "counter" | "separator" | "date" | "byline") => -1.0,
        Some(_) => -3.0,
        // A summary cut off mid-sentence ("... the council said it would...")
        // is a teaser for another page, however long: scored as a label.
        None if is_truncated(&block.text) => -1.0,
        None if f.is_prose(min_stop) => weight(f),
        // Prose in a language our function-word lists miss, told by its
        // sentences; counted at half weight.
        None if is_unlisted_prose(&block.text, f) => weight(f) * 0.5,
        // A short sentence is neutral: it belongs where its neighbours do;
        // so is a line of code.
        None if f.is_near_prose(min_stop) || f.code => 0.0,
        None => {
            let mut s = -1.0;
            if f.repeated {
                s -= 1.0;
            }
            if f.words >= 20 && f.stop_density < min_stop * 0.8 {
                s -= f.words as f32 / 4.0;
            }
            s
        }
    }
}

/// Text cut off mid-sentence by a teaser widget: it ends with an ellipsis
/// right after a word or a comma, not after a sentence's own punctuation.
fn is_truncated(text: &str) -> bool {
    let t = text.trim_end();
    let Some(rest) = t.strip_suffix("...").or_else(|| t.strip_suffix('…')) else {
        return false;
    };
    let rest = rest.trim_end();
    rest.chars().last().is_some_and(|c| c.is_alphanumeric() || c == ',')
}

/// Several sentences in a long block of mostly lower-case words, or one
/// long sentence without any function word of our lists: running text
/// whatever its language (link lists and tag clouds have no inner sentence
/// ends, and an English or German label has function words).
fn is_unlisted_prose(text: &str, f: &Features) -> bool {
    if f.unspaced || !f.ends_sentence || f.capitalised >= 0.5 {
        return false;
    }
    // A sentence of 20 words or more with almost none of our function
    // words is in a language the lists miss (Zulu, Swahili, ...), even
    // without a second sentence inside it.
    if f.words >= 20 && f.stop_density < 0.05 {
        return true;
    }
    if f.words < 25 {
        return false;
    }
    let inner_ends = text
        .split_whitespace()
        .zip(text.split_whitespace().skip(1))
        .filter(|(w, next)| {
            w.ends_with(['.', '?', '!'])
                && w.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && next.starts_with(|c: char| c.is_uppercase() || "\"“„«".contains(c))
        })
        .count();
    inner_ends >= 1
}

/// The contiguous run with the highest positive total (Kadane), as inclusive
/// indices.
fn best_run(scores: &[f32]) -> Option<(usize, usize)> {
    let mut best: Option<(f32, usize, usize)> = None;
    let mut sum = 0.0f32;
    let mut start = 0;
    for (i, &s) in scores.iter().enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += s;
        if sum > 0.0 && best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, i));
        }
    }
    best.map(|(_, s, e)| (s, e))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn prose_in_an_unlisted_language() {
        // Invented words: no function word of our lists, two sentences.
        let prose = "Tavo miru seka lonta varu, peshi kanto melu dari sofe tanu rilo. Mavi sento \
                     koru pela nidu vasa teko limu rasu deno pavi kuro seni talo mira vedu kosa.";
        assert!(is_unlisted_prose(prose, &super::super::features::of_text(prose)));
        // One long sentence with a few of our function words (too few for
        // prose in a listed language), or a title-cased list, is not enough.
        let one = "Tavo miru seka lonta varu peshi kanto and melu dari sofe tanu rilo mavi sento \
                   koru pela the nidu vasa teko limu rasu deno pavi kuro seni talo mira vedu kosa.";
        assert!(!is_unlisted_prose(one, &super::super::features::of_text(one)));
        let list = "Tavo Miru. Seka Lonta Varu Peshi Kanto Melu Dari Sofe Tanu Rilo Mavi Sento \
                    Koru Pela Nidu Vasa Teko Limu Rasu Deno Pavi Kuro Seni Talo Mira Vedu Kosa.";
        assert!(!is_unlisted_prose(list, &super::super::features::of_text(list)));
        // One sentence of twenty words is enough when it has no function
        // word of our lists; an English one of that length has them.
        let short =
            "Tavo miru seka lonta varu peshi kanto melu dari sofe tanu rilo mavi sento koru pela nidu vasa teko limu.";
        assert!(is_unlisted_prose(short, &super::super::features::of_text(short)));
        let shorter = "Tavo miru seka lonta varu peshi kanto melu dari sofe tanu rilo mavi sento koru.";
        assert!(!is_unlisted_prose(shorter, &super::super::features::of_text(shorter)));
        let english = "the council said that the new bridge over the river would be open to cars and to bikes by the end of the year.";
        assert!(!is_unlisted_prose(english, &super::super::features::of_text(english)));
    }

    #[test]
    fn truncated_teasers() {
        assert!(is_truncated(
            "The council said on Monday that the old bridge would be..."
        ));
        assert!(is_truncated("Shops near the harbour reopened, …"));
        assert!(!is_truncated("The bridge reopened on Monday."));
        assert!(!is_truncated("He paused. Then he said: “Well...”"));
        assert!(!is_truncated("Nobody knows what comes next!..."));
        let teaser =
            "The harbour in the old town was closed on Monday after a storm damaged two of its piers and the...";
        let f = super::super::features::of_text(teaser);
        assert!(f.is_prose(0.18));
        assert_eq!(score(&blocks(&[teaser])[0], &f, 0.18), -1.0);
    }

    #[test]
    fn chrome_free_pages() {
        let blocks = |t: &str| crate::cleaner::text::split_blocks(t);
        let mut wire = blocks("A headline.\nThe company\nsaid on Monday it\nwould grow.\nSales rose.");
        assert!(is_chrome_free(&wire));
        wire[0].chrome = Some("date");
        assert!(is_chrome_free(&wire));
        wire[1].chrome = Some("menu");
        assert!(!is_chrome_free(&wire));
        // A run of bare labels is a menu even without lexicon hits.
        assert!(!is_chrome_free(&blocks(
            "Start\nNews\nSport\nThe minister spoke on Monday."
        )));
    }

    pub(crate) fn blocks(texts: &[&str]) -> Vec<Block> {
        texts
            .iter()
            .map(|t| Block {
                text: t.to_string(),
                kind: BlockKind::Paragraph,
                chrome: None,
            })
            .collect()
    }

    /// The text cleaner's two steps on these blocks: chrome labels, then region and headline.
    fn label_and_select(b: &mut [Block]) {
        crate::cleaner::text::label_chrome(b, &crate::cleaner::Rules::default());
        select(b);
    }

    const PARA: &str = "The committee met on Tuesday and agreed that the bridge would be repaired before the winter.";
    const PARA2: &str = "Local shops said they had lost most of their customers while the road was closed to traffic.";

    /// [`drop_repeats`] as it was before its shortcuts (every opening
    /// hashed up front, every earlier block compared): the reference the
    /// generated pages check it against.
    fn drop_repeats_reference(blocks: &mut [Block], page: &Page, start: usize, end: usize) {
        let end = end.min(blocks.len().saturating_sub(1));
        let lo = start.saturating_sub(2);
        let openings: Vec<Option<u64>> = page
            .keys
            .get(lo..=end)
            .unwrap_or_default()
            .iter()
            .map(|k| opening(k))
            .collect();
        for i in start..=end {
            let key = &page.keys[i];
            if blocks[i].chrome.is_some() || page.feats[i].code {
                continue;
            }
            if is_stray_label(&blocks[i], &page.feats[i]) {
                blocks[i].chrome = Some("caption");
                continue;
            }
            if page.feats[i].words < 4 {
                continue;
            }
            let near = (i.saturating_sub(2)..=(i + 2).min(end)).filter(|&j| j != i).any(|j| {
                let other = &page.keys[j];
                let (wi, wj) = (page.feats[i].words, page.feats[j].words);
                let alike = wi.abs_diff(wj) <= CAPTION_EXTRA_WORDS.max(wi.min(wj));
                alike && (other.starts_with(key.as_str()) || key.starts_with(other.as_str()) && wj >= 4)
                    || openings[i - lo].is_some()
                        && openings[i - lo] == openings[j - lo]
                        && same_picture(&blocks[i].text, key, &blocks[j].text, other)
            });
            if near {
                blocks[i].chrome = Some("caption");
                continue;
            }
            if (start..i).any(|j| page.keys[j] == *key && blocks[j].chrome.is_none()) {
                blocks[i].chrome = Some("duplicate");
            }
        }
    }

    #[test]
    fn drop_repeats_labels_generated_pages_as_its_reference() {
        let pieces = [
            PARA,
            PARA2,
            "Workers paint the railings of the old span at dusk",
            "Workers paint the railings of the old span at dusk. Photo: Jane Roe",
            "Workers paint the railings of the old span at night in the rain",
            "workers paint the railings of the old span at dusk, with a crane",
            "Workers paint the railings of the old span?",
            "Tidal power",
            "Tidal power is the cheapest source of energy for the island, engineers said.",
            "bangkok-city",
            "IMG 1234",
            "woman reading a book",
            "let pier = harbour.pier(1);",
            "A short line here.",
            "Section 2",
            "“Workers paint the railings of the old span at dusk”",
            "- Workers paint the railings of the old span at dusk, Jane Roe",
        ];
        let mut rng = crate::testgen::Rng::new(17);
        let mut next = |n: usize| rng.below(n);
        let mut labels = [0usize; 3];
        for _ in 0..1000 {
            let texts: Vec<&str> = (0..2 + next(24)).map(|_| pieces[next(pieces.len())]).collect();
            let mut b = blocks(&texts);
            for x in b.iter_mut() {
                if next(8) == 0 {
                    x.chrome = Some("menu");
                }
            }
            let page = Page::new(&b);
            let start = next(b.len());
            let end = start + next(b.len() + 1 - start);
            let mut want = b.clone();
            drop_repeats_reference(&mut want, &page, start, end);
            drop_repeats(&mut b, &page, start, end);
            let got: Vec<_> = b.iter().map(|x| x.chrome).collect();
            let expected: Vec<_> = want.iter().map(|x| x.chrome).collect();
            assert_eq!(got, expected, "{texts:?} {start} {end}");
            for c in got {
                labels[match c {
                    Some("caption") => 0,
                    Some("duplicate") => 1,
                    _ => 2,
                }] += 1;
            }
        }
        assert!(labels.iter().all(|&n| n > 100), "{labels:?}");
    }

    #[test]
    fn alt_text_and_caption_pairs_are_dropped() {
        let mut b = blocks(&[
            PARA,
            "Workers on the old bridge in the rain",
            "Workers on the old bridge in the rain © Jane Roe",
            PARA2,
        ]);
        let page = Page::new(&b);
        drop_repeats(&mut b, &page, 0, 3);
        assert_eq!(b[1].chrome, Some("caption"));
        assert_eq!(b[2].chrome, Some("caption"));
        assert_eq!(b[0].chrome, None);
        assert_eq!(b[3].chrome, None);
    }

    #[test]
    fn alt_text_and_a_longer_caption_of_the_same_picture_are_dropped() {
        let alt = "Workers paint the railings of the old bridge over the river on a cold morning in March";
        let caption = "Workers paint the railings of the old bridge over the river on a cold morning, \
                       March 3, 2025. Jane Roe for the Gazette";
        let mut b = blocks(&[PARA, alt, caption, PARA2]);
        let page = Page::new(&b);
        drop_repeats(&mut b, &page, 0, 3);
        assert_eq!(b[1].chrome, Some("caption"));
        assert_eq!(b[2].chrome, Some("caption"));
        assert_eq!(b[0].chrome, None);
        // A lead-in to a list next to a sentence that opens the same way.
        let mut b = blocks(&[
            PARA,
            "To repair the old bridge over the river, the council needs to close the road and hire divers.",
            "To repair the old bridge over the river, the council needs:",
            PARA2,
        ]);
        let page = Page::new(&b);
        drop_repeats(&mut b, &page, 0, 3);
        assert!(b.iter().all(|x| x.chrome.is_none()), "{b:?}");
    }

    #[test]
    fn a_table_of_contents_goes_and_its_headings_stay() {
        const P3: &str = "Engineers will start work on the eastern side once the river level falls in the autumn.";
        let page = |contents: &[&'static str]| {
            let mut texts = vec!["Menu", PARA, "Contents"];
            texts.extend_from_slice(contents);
            texts.extend([
                "The old piers",
                PARA2,
                "What the works cost",
                P3,
                "When the bridge reopens",
                PARA2,
            ]);
            let mut b = blocks(&texts);
            label_and_select(&mut b);
            b
        };
        let b = page(&[
            "1. The old piers",
            "2. What the works cost",
            "3. When the bridge reopens",
        ]);
        assert!(b[2..6].iter().all(|x| x.chrome == Some("toc")), "{b:?}");
        for heading in ["The old piers", "What the works cost", "When the bridge reopens"] {
            let h = b.iter().find(|x| x.text == heading).expect("heading");
            assert_eq!(h.chrome, None, "{heading}");
        }
        // A list whose items do not come back as headings stays, and so
        // does one whose items come back out of order (table rows).
        let b = page(&["Two new piers", "A wider footpath", "Lights for cyclists"]);
        assert!(b[2..6].iter().all(|x| x.chrome.is_none()), "{b:?}");
        let b = page(&["What the works cost", "The old piers", "When the bridge reopens"]);
        assert!(b[2..6].iter().all(|x| x.chrome != Some("toc")), "{b:?}");
        assert_eq!(without_number("iv. the old piers"), "the old piers");
        assert_eq!(without_number("2.1 the old piers"), "the old piers");
        assert_eq!(without_number("ivy league"), "ivy league");
        assert_eq!(without_number("3) xi) the old piers"), "xi) the old piers");
        assert_eq!(without_number("xi) the old piers"), "the old piers");
        assert_eq!(without_number("ix the old piers."), "ix the old piers.");
        assert_eq!(without_number("vi"), "vi");
        assert_eq!(without_number("1. "), "");
    }

    #[test]
    fn a_sub_heading_repeated_by_its_paragraph_stays() {
        let para = "Tidal power for the old town would use the rise and fall of the sea to turn turbines, \
                    and the council expects it to light the whole old town by the end of the decade.";
        let mut b = blocks(&[PARA, "Tidal power for the old town", para, PARA2]);
        let page = Page::new(&b);
        drop_repeats(&mut b, &page, 0, 3);
        assert!(b.iter().all(|x| x.chrome.is_none()), "{b:?}");
        // An alt text with the same caption plus a credit still goes.
        let mut b = blocks(&[
            PARA,
            "Tidal power for the old town",
            "Tidal power for the old town. Jane Roe/Gazette",
            PARA2,
        ]);
        let page = Page::new(&b);
        drop_repeats(&mut b, &page, 0, 3);
        assert_eq!(b[1].chrome, Some("caption"));
        assert_eq!(b[2].chrome, Some("caption"));
    }

    #[test]
    fn repeated_paragraph_is_kept_once() {
        let mut b = blocks(&[PARA, PARA2, "A short line here.", "Another line of text.", PARA]);
        let page = Page::new(&b);
        drop_repeats(&mut b, &page, 0, 4);
        assert_eq!(b[0].chrome, None);
        assert_eq!(b[4].chrome, Some("duplicate"));
    }

    #[test]
    fn headline_before_byline_is_found_and_left_out_of_the_body() {
        let mut b = blocks(&[
            "Menu",
            "Weather",
            "Bridge reopens after two years of repairs",
            "By Jane Roe",
            "March 3, 2025",
            PARA,
            PARA2,
        ]);
        label_and_select(&mut b);
        assert_eq!(b[2].chrome, Some(HEADLINE));
        assert_eq!(b[5].chrome, None);
        assert_eq!(b[6].chrome, None);
        assert_eq!(b[1].chrome, Some("header"));
    }

    #[test]
    fn standfirst_between_headline_and_byline_is_dropped() {
        let mut b = blocks(&[
            "Menu",
            "Bridge reopens after two years of repairs",
            "Drivers will save twenty minutes a day, the council says.",
            "By Jane Roe",
            PARA,
            PARA2,
        ]);
        label_and_select(&mut b);
        assert_eq!(b[1].chrome, Some(HEADLINE));
        assert_eq!(b[2].chrome, Some("standfirst"));
        assert_eq!(b[4].chrome, None);
    }

    #[test]
    fn caption_under_a_dated_headline_does_not_take_its_place() {
        let mut b = blocks(&[
            "Menu",
            "Committee agrees bridge repairs before winter",
            "March 3, 2025",
            "Workers paint the railings of the old span at dusk",
            "By Jane Roe",
            PARA,
            PARA2,
        ]);
        label_and_select(&mut b);
        assert_eq!(b[1].chrome, Some(HEADLINE));
        assert_ne!(b[3].chrome, Some(HEADLINE));
    }

    #[test]
    fn a_comment_thread_after_the_article_is_cut_off() {
        let paras: Vec<String> = (1..=8).map(|n| format!("On day {n} of the works, {PARA}")).collect();
        let mut texts = vec!["Menu", "Bridge reopens after two years of repairs", "By Jane Roe"];
        texts.extend(paras.iter().map(String::as_str));
        texts.extend(["12 Comments", "1. harbourfan says:"]);
        let comments: Vec<String> = (1..=20)
            .map(|n| {
                format!(
                    "I have driven over that bridge {n} times a week for years and I think the repairs were overdue."
                )
            })
            .collect();
        texts.extend(comments.iter().map(String::as_str));
        let mut b = blocks(&texts);
        label_and_select(&mut b);
        assert!(b[3..11].iter().all(|x| x.chrome.is_none()), "{b:?}");
        assert!(b[11..].iter().all(|x| x.chrome.is_some()), "{b:?}");
        // Before much prose a comment label does not end the article.
        let mut short = blocks(&[PARA, "Leave a comment", PARA2, PARA]);
        crate::cleaner::text::label_chrome(&mut short, &crate::cleaner::Rules::default());
        let page = Page::new(&short);
        assert_eq!(terminate(&short, &page, 0, 3), 3);
    }

    #[test]
    fn a_related_stories_list_after_the_article_is_cut_off() {
        let paras: Vec<String> = (1..=8).map(|n| format!("On day {n} of the works, {PARA}")).collect();
        let teasers: Vec<String> = (1..=4)
            .map(|n| {
                format!(
                    "The ferry timetable for the islands changes in week {n} as the summer season of sailings begins."
                )
            })
            .collect();
        let run = |label: &str, teasers_too: bool| {
            let mut texts: Vec<&str> = vec!["Menu"];
            texts.extend(paras.iter().map(String::as_str));
            texts.push(label);
            for t in &teasers {
                texts.push("Island ferries");
                texts.push(t);
            }
            if teasers_too {
                texts.extend(paras.iter().map(String::as_str));
            }
            let mut b = blocks(&texts);
            crate::cleaner::text::label_chrome(&mut b, &crate::cleaner::Rules::default());
            let page = Page::new(&b);
            terminate(&b, &page, 1, b.len() - 1)
        };
        // A bare header with a little prose after it ends the article.
        assert_eq!(run("You may also like", false), 8);
        // An inline teaser line does not, nor a header with the article's
        // larger part after it.
        assert_eq!(run("Read more: Ferry fares rise", false), 17);
        assert_eq!(run("You may also like", true), 25);
    }

    #[test]
    fn a_code_listing_inside_the_article_stays() {
        // Twenty lines of code, then twenty bare labels, between the same paragraphs.
        let listing: Vec<String> = (1..=20).map(|n| format!("let pier_{n} = harbour.pier({n});")).collect();
        let labels: Vec<String> = (1..=20).map(|n| format!("Section {n}")).collect();
        const P3: &str = "Engineers will start work on the eastern side once the river level falls in the autumn.";
        const P4: &str = "The council expects the whole bridge to reopen to buses and lorries by the end of March.";
        let mut texts = vec!["Menu", "Search", PARA, PARA2];
        texts.extend(listing.iter().map(String::as_str));
        texts.extend([P3, P4]);
        let mut b = blocks(&texts);
        label_and_select(&mut b);
        assert!(b[2..].iter().all(|x| x.chrome.is_none()), "{b:?}");
        // The same number of bare labels between the paragraphs is a menu
        // that splits the page.
        let mut texts = vec!["Menu", "Search", PARA, PARA2];
        texts.extend(labels.iter().map(String::as_str));
        texts.extend([P3, P4]);
        let mut b = blocks(&texts);
        label_and_select(&mut b);
        assert!(b[4..24].iter().all(|x| x.chrome.is_some()), "{b:?}");
    }

    #[test]
    fn related_header_before_a_comment_thread_ends_the_article() {
        let paras: Vec<String> = (1..=6).map(|n| format!("On day {n} of the works, {PARA}")).collect();
        let replies: Vec<String> = (1..=12)
            .map(|n| {
                format!("I have crossed that bridge {n} times this year and the repairs were overdue, in my view.")
            })
            .collect();
        let mut texts: Vec<&str> = vec!["Menu"];
        texts.extend(paras.iter().map(String::as_str));
        texts.extend([
            "You may also like",
            "Ferry fares rise again",
            "Harbour wall to be rebuilt",
        ]);
        for r in &replies {
            texts.push("Re: Bridge repairs");
            texts.push(r);
        }
        let mut b = blocks(&texts);
        crate::cleaner::text::label_chrome(&mut b, &crate::cleaner::Rules::default());
        let page = Page::new(&b);
        // The thread after the teasers is not the article's tail.
        assert_eq!(terminate(&b, &page, 1, b.len() - 1), 6);
        assert!(tail_prose(&b, &page, 7, b.len() - 1) == 0.0);
        // Without the thread's markers the replies count as the article's.
        let mut plain: Vec<&str> = vec!["Menu"];
        plain.extend(paras.iter().map(String::as_str));
        plain.push("You may also like");
        plain.extend(replies.iter().map(String::as_str));
        let mut b = blocks(&plain);
        crate::cleaner::text::label_chrome(&mut b, &crate::cleaner::Rules::default());
        let page = Page::new(&b);
        assert_eq!(terminate(&b, &page, 1, b.len() - 1), b.len() - 1);
    }

    #[test]
    fn teaser_summaries_above_read_more_buttons_are_not_the_articles_tail() {
        let paras: Vec<String> = (1..=6).map(|n| format!("On day {n} of the works, {PARA}")).collect();
        let mut texts: Vec<&str> = vec!["Menu"];
        texts.extend(paras.iter().map(String::as_str));
        texts.push("Latest news");
        for _ in 0..4 {
            texts.extend(["Ferry fares rise again", "March 3, 2025", PARA2, "Read more"]);
        }
        let mut b = blocks(&texts);
        crate::cleaner::text::label_chrome(&mut b, &crate::cleaner::Rules::default());
        let page = Page::new(&b);
        assert_eq!(tail_prose(&b, &page, 7, b.len() - 1), 0.0);
        assert_eq!(terminate(&b, &page, 1, b.len() - 1), 6);
        // Without the buttons the same paragraphs are prose that follows.
        b.retain(|x| x.text != "Read more");
        let page = Page::new(&b);
        assert!(tail_prose(&b, &page, 7, b.len() - 1) > 60.0);
    }

    #[test]
    fn a_related_box_inside_the_article_is_bridged_and_its_teasers_dropped() {
        const P3: &str = "Engineers will start work on the eastern side once the river level falls in the autumn.";
        const P4: &str = "The council expects the whole bridge to reopen to buses and lorries by the end of March.";
        let labelled = |texts: &[&str]| {
            let mut b = blocks(texts);
            crate::cleaner::text::label_chrome(&mut b, &crate::cleaner::Rules::default());
            b
        };
        let with_box = |after: &[&'static str]| {
            let mut texts = vec![
                PARA,
                PARA2,
                PARA,
                "Related articles",
                "Ferry fares rise again",
                "Harbour wall to be rebuilt",
            ];
            texts.extend_from_slice(after);
            labelled(&texts)
        };
        // The story goes on after the box: two paragraphs in a row.
        let b = with_box(&[P3, P4]);
        let page = Page::new(&b);
        assert!(is_inline_box(&b, &page, 3));
        let mut b = b;
        select(&mut b);
        assert_eq!(b[6].chrome, None, "the paragraphs after the box stay");
        assert_eq!(b[7].chrome, None);
        assert_eq!(b[4].chrome, Some("related"), "its teaser titles go");
        assert_eq!(b[5].chrome, Some("related"));
        // One paragraph after it, or summaries right under the header, are
        // the box's own content: it ends the article.
        let b = with_box(&[P3, "Ferry fares rise again", P4]);
        assert!(!is_inline_box(&b, &Page::new(&b), 3));
        let b = labelled(&[PARA, PARA2, "Back to the list", "Related articles", P3, P4]);
        assert!(!is_inline_box(&b, &Page::new(&b), 3));
        // A bare header left empty between paragraphs is bridged too, not
        // one with a single paragraph after it.
        let b = labelled(&[PARA, PARA2, "Trending", P3, P4]);
        assert!(is_inline_box(&b, &Page::new(&b), 2));
        let b = labelled(&[PARA, PARA2, "Trending", P3, "Ferry fares rise again"]);
        assert!(!is_inline_box(&b, &Page::new(&b), 2));
        // A box with no prose before it is not inside an article.
        let b = labelled(&["Related articles", "Ferry fares rise again", PARA2, PARA]);
        assert!(!is_inline_box(&b, &Page::new(&b), 0));
    }

    #[test]
    fn a_text_that_may_lead_with_a_name_passes_whenever_the_regex_matches() {
        let pieces = [
            "Jane", "Roe", "jane", "Q.", "O’Neil", "d'Arc", "Ärzte", "Éva", "*", " ", "  ", "\u{a0}", ",", "’", "'",
            "-", ".", "Ⅻ", "Ⓐ", "ß", "1", "MD", "is", "ǅ", "\t",
        ];
        let mut rng = crate::testgen::Rng::new(23);
        let mut next = |n: usize| rng.below(n);
        let (mut hits, mut passes) = (0, 0);
        for _ in 0..40000 {
            let text: String = (0..1 + next(7)).map(|_| pieces[next(pieces.len())]).collect();
            let matched = LEADING_NAME.is_match(&text);
            let may = may_lead_with_name(&text);
            assert!(may || !matched, "{text:?}");
            hits += usize::from(matched);
            passes += usize::from(may && !matched);
        }
        assert!(hits > 300 && passes > 300, "{hits} {passes}");
        assert!(may_lead_with_name("*Jane Roe is a reporter."));
        assert!(!may_lead_with_name("Jane roe is a reporter."));
        assert!(!may_lead_with_name("The council said"));
    }

    /// [`label_author_bios`] as it was before its shortcuts (the regex on
    /// every candidate paragraph, every earlier block looked at).
    fn label_author_bios_reference(blocks: &mut [Block], page: &Page) {
        let prose: Vec<f32> = (0..blocks.len())
            .map(|i| if page.is_prose(i) { weight(&page.feats[i]) } else { 0.0 })
            .collect();
        let total: f32 = prose.iter().sum();
        let mut before = 0.0f32;
        for i in 0..blocks.len() {
            before += prose[i];
            let words = page.feats[i].words;
            if blocks[i].chrome.is_some() || (5..8).contains(&words) || words < 2 {
                continue;
            }
            if total - before >= before - prose[i] {
                continue;
            }
            if words < 5 {
                let key = &page.keys[i];
                let signed = page.feats[i].capitalised >= 0.99
                    && blocks[..i.saturating_sub(2)]
                        .iter()
                        .zip(&page.keys)
                        .any(|(b, k)| b.chrome == Some("byline") && k.contains(key.as_str()));
                if signed {
                    blocks[i].chrome = Some("author");
                }
                continue;
            }
            let Some(name) = LEADING_NAME.captures(&blocks[i].text).and_then(|c| c.get(1)) else {
                continue;
            };
            let name = name.as_str();
            let in_byline = blocks[..i.saturating_sub(2)]
                .iter()
                .any(|b| matches!(b.chrome, Some("byline" | "date")) && b.text.contains(name));
            if !in_byline {
                continue;
            }
            let name = name.to_owned();
            blocks[i].chrome = Some("author");
            let from = i.saturating_sub(2);
            for (b, f) in blocks[from..i].iter_mut().zip(&page.feats[from..i]) {
                if b.chrome.is_none() && f.words <= 6 && b.text.contains(&name) {
                    b.chrome = Some("author");
                }
            }
        }
    }

    #[test]
    fn label_author_bios_labels_generated_pages_as_its_reference() {
        let pieces: [(&str, Option<&'static str>); 12] = [
            (PARA, None),
            (PARA2, None),
            ("By Jane Roe", Some("byline")),
            ("Jane Roe, March 3, 2025", Some("date")),
            ("By John Doe", Some("byline")),
            ("Jane Roe", None),
            ("John Doe", None),
            ("Harbour Town", None),
            (
                "Jane Roe has covered the harbour and the town council for ten years.",
                None,
            ),
            (
                "John Doe writes about ferries, bridges and the weather on the coast.",
                None,
            ),
            (
                "Jane roe has covered the harbour and the town council for ten years.",
                None,
            ),
            ("Menu", Some("menu")),
        ];
        let mut rng = crate::testgen::Rng::new(31);
        let mut next = |n: usize| rng.below(n);
        let mut authors = 0;
        for _ in 0..1500 {
            let picked: Vec<(&str, Option<&'static str>)> =
                (0..2 + next(16)).map(|_| pieces[next(pieces.len())]).collect();
            let texts: Vec<&str> = picked.iter().map(|p| p.0).collect();
            let mut b = blocks(&texts);
            for (x, p) in b.iter_mut().zip(&picked) {
                x.chrome = p.1;
            }
            let page = Page::new(&b);
            let mut want = b.clone();
            label_author_bios_reference(&mut want, &page);
            label_author_bios(&mut b, &page);
            assert_eq!(b, want, "{texts:?}");
            authors += b.iter().filter(|x| x.chrome == Some("author")).count();
        }
        assert!(authors > 300, "{authors}");
    }

    #[test]
    fn the_bylined_authors_bio_after_the_article_is_dropped() {
        let bio = "Jane Roe has covered the harbour and the town council for ten years and lives by the sea.";
        let page = |opening: &str| {
            let mut b = blocks(&[
                "Menu",
                "Bridge reopens after two years of repairs",
                opening,
                PARA,
                PARA2,
                "The council will meet again in the spring to decide on the next repairs to the old harbour.",
                "Jane Roe",
                bio,
            ]);
            crate::cleaner::text::label_chrome(&mut b, &crate::cleaner::Rules::default());
            select(&mut b);
            b
        };
        let b = page("By Jane Roe");
        assert_eq!(b[7].chrome, Some("author"), "{b:?}");
        assert_eq!(b[6].chrome, Some("author"));
        assert_eq!(b[5].chrome, None);
        // A paragraph about someone who did not write the article stays.
        let b = page("By John Doe");
        assert_eq!(b[7].chrome, None, "{b:?}");
        // The byline's name alone after the article is a sign-off.
        let mut b = blocks(&["Menu", "By Jane Roe", PARA, PARA2, PARA, "Jane Roe", "Harbour Town"]);
        crate::cleaner::text::label_chrome(&mut b, &crate::cleaner::Rules::default());
        let page = Page::new(&b);
        label_author_bios(&mut b, &page);
        assert_eq!(b[5].chrome, Some("author"));
        assert_eq!(b[6].chrome, None);
    }

    #[test]
    fn the_authors_name_under_a_bare_by_is_not_the_headline() {
        let mut b = blocks(&[
            "Menu",
            "Weather",
            "Bridge reopens after two years of repairs",
            "By",
            "Jane Roe Winters",
            "March 3, 2025",
            "The harbour bridge reopened on Monday after two years of repairs, the council said.",
            PARA2,
        ]);
        label_and_select(&mut b);
        assert_eq!(b[2].chrome, Some(HEADLINE), "{b:?}");
        assert_ne!(b[4].chrome, Some(HEADLINE));
    }

    #[test]
    fn alt_text_next_to_the_article_does_not_win() {
        let mut b = blocks(&[
            "Menu",
            "Harbour bridge reopens after two years of repairs",
            "Share",
            "Harbour bridge photo",
            "The harbour bridge reopened on Monday after two years of repairs, the council said.",
            PARA2,
        ]);
        label_and_select(&mut b);
        assert_eq!(b[1].chrome, Some(HEADLINE), "{b:?}");
        assert_ne!(b[3].chrome, Some(HEADLINE));
    }

    #[test]
    fn a_headline_far_before_the_article_is_found() {
        // Forty menu lines between the headline and the article: beyond
        // what a fixed window before the article start would look at.
        let mut texts = vec!["Harbour bridge reopens after two years of repairs", "March 3, 2025"];
        let menu: Vec<String> = (0..40).map(|k| format!("Section {k}")).collect();
        texts.extend(menu.iter().map(String::as_str));
        texts.push("The harbour bridge reopened on Monday after two years of repairs, the council said.");
        texts.push(PARA2);
        let mut b = blocks(&texts);
        label_and_select(&mut b);
        assert_eq!(b[0].chrome, Some(HEADLINE), "{b:?}");
    }

    #[test]
    fn a_quote_deep_in_a_page_without_header_is_not_its_headline() {
        let mut b = blocks(&[
            PARA,
            PARA2,
            "The council will meet again next week to discuss the cost of the work on the bridge.",
            "\"We are proud of this bridge,\" the mayor said",
            "Engineers said the work had gone to plan and that no more closures were expected this year.",
        ]);
        label_and_select(&mut b);
        assert!(b.iter().all(|x| x.chrome != Some(HEADLINE)), "{b:?}");
    }

    #[test]
    fn best_run_finds_the_heaviest_span() {
        assert_eq!(best_run(&[-1.0, 5.0, -1.0, 4.0, -25.0, 10.0]), Some((5, 5)));
        assert_eq!(best_run(&[-1.0, 5.0, -1.0, 4.0, -2.0, 1.0]), Some((1, 3)));
        assert_eq!(best_run(&[-1.0, -2.0]), None);
        assert_eq!(best_run(&[]), None);
    }
}
