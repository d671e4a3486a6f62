//! The headline of a plain-text page: every line is a candidate, scored on
//! cues of shape, position and content (a logistic model fitted on the
//! development pages). Split from `region.rs`, which chooses the article
//! region and calls [`find_headline`] on it.

use super::features::{Features, Page};
use super::region::weight;

use crate::cleaner::{Block, BlockKind};
use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::OnceCell;
use std::sync::LazyLock;

/// A headline found inside the article region cuts the blocks before it
/// from the body only this close to the start and before this much prose
/// (captions, a notice); further in it is labelled alone.
const INSIDE_WINDOW: usize = 12;
const INSIDE_MAX_PROSE: f32 = 70.0;
/// The score a headline needs inside the article region.
const INSIDE_MIN: f32 = 3.0;

/// Cues a headline candidate is scored on. Each is 0/1, a share or a
/// logarithm; the score is their weighted sum ([`WEIGHTS`]: a softmax over
/// each development page's candidates, the gold line against the others,
/// checked by 5-fold cross-validation over pages; the length weights share
/// a constant that the softmax leaves free, set so that the score gates
/// below keep their meaning).
#[derive(Debug, Clone, Copy)]
enum Cue {
    /// Length: 2, 3, 4, 5 to 8, 9 to 14, 15 to 20 words, more.
    Words2,
    Words3,
    Words4,
    Words5To8,
    Words9To14,
    Words15To20,
    WordsOver20,
    LowerStart,
    UpperStart,
    /// The same text elsewhere on the page (breadcrumb, title, "Comments on").
    Repeated,
    /// Followed by a longer title-like line (its standfirst).
    NextLonger,
    /// Sentence case with many function words: a standfirst or caption.
    SentenceCase,
    /// A byline or date in the next two blocks, or the two after.
    MetaNext,
    MetaSoon,
    /// A date or byline just before it.
    MetaBefore,
    /// Ends with a question or exclamation mark.
    Question,
    /// Competing blocks between it and the article start (log of the count).
    LogBetween,
    /// Inside the region chosen for the article.
    Inside,
    /// A few capitalised words and no function words: a name, a byline, a
    /// section label.
    NameLike,
    /// Items separated by `|`, `/` or `•`: categories, tags, a breadcrumb.
    Separated,
    /// The block right before the article start.
    Adjacent,
    /// Share of its content words found in the article's opening prose
    /// (a headline sums up its article; teasers and labels do not).
    Overlap,
    /// Right after a title-shaped line that sums up the article (see
    /// [`follows_title`]): the standfirst or a caption under the headline.
    AfterTitle,
    /// More than 30 blocks before the article start, more than 12 into it.
    FarBefore,
    FarInside,
    /// Prose words between the article start and it (log).
    ProseBefore,
    /// Blocks to the next paragraph of prose: 1, 2-3, 4-8, more.
    Gap1,
    Gap2To3,
    Gap4To8,
    GapFar,
    /// Share of capitalised words.
    Capitalised,
    /// Right after a bare "By" / "Written by" line, but longer than a name
    /// (a shorter line there is meta, see [`MAX_BYLINE_NAME_WORDS`]).
    AfterByWord,
    /// Names a picture, logo or icon (alt text).
    Image,
    /// Share of its content words in the prose that follows it.
    OverlapNext,
    /// Starts with a digit ("10 best ...").
    Digit,
    /// A colon inside ("Topic: what happened").
    Colon,
    /// Words glued without a space ("HomeNews", link texts run together).
    Glued,
    /// How often its content words recur in the article's prose: share
    /// (each counted up to 5 times), and share that recur at least twice.
    Topic,
    TopicTwice,
    /// A title-shaped line that sums up the article in the six blocks
    /// before it (see [`is_summing_title`]).
    PriorTitle,
    /// One word only (a term page's headword, a product name).
    Words1,
    /// Ends with a full stop ("Prices fall. Here is why.").
    FullStop,
    /// A list item (a menu or teaser list entry, sometimes the title).
    ListItem,
    /// The candidate of four words or more whose words are most found in
    /// the article's opening prose.
    MostOverlap,
    /// Right after a paragraph of prose (a sub-heading, a pull quote).
    AfterProse,
    /// The end of a breadcrumb or path line elsewhere on the page
    /// ("Home › News › Storm closes harbour").
    EndsTrail,
    /// One of several parallel headings: another candidate line elsewhere
    /// on the page opens with the same word and has the same shape ("Best
    /// for hills" / "Best for commuters", "#1. ..." / "#2. ..."), as the
    /// items of a list article do; its title stands alone.
    Sibling,
    /// A byline ("By ...") in the next three blocks.
    BylineNear,
    /// The page's first line (often the site's name).
    FirstBlock,
}

const CUES: usize = Cue::FirstBlock as usize + 1;

const WEIGHTS: [f32; CUES] = [
    -2.79, // Words2
    -1.91, // Words3
    -1.10, // Words4
    -0.14, // Words5To8
    0.71,  // Words9To14
    -0.15, // Words15To20
    -1.01, // WordsOver20
    0.53,  // LowerStart
    0.43,  // UpperStart
    0.74,  // Repeated
    0.54,  // NextLonger
    -0.59, // SentenceCase
    1.96,  // MetaNext
    1.44,  // MetaSoon
    0.93,  // MetaBefore
    -0.73, // Question
    -0.17, // LogBetween
    0.92,  // Inside
    -0.77, // NameLike
    -1.24, // Separated
    0.07,  // Adjacent
    1.79,  // Overlap
    -0.88, // AfterTitle
    -0.42, // FarBefore
    -0.46, // FarInside
    -0.67, // ProseBefore
    -0.26, // Gap1
    0.02,  // Gap2To3
    0.10,  // Gap4To8
    0.13,  // GapFar
    1.01,  // Capitalised
    -0.09, // AfterByWord
    -0.94, // Image
    1.16,  // OverlapNext
    0.61,  // Digit
    1.01,  // Colon
    -1.67, // Glued
    2.04,  // Topic
    0.18,  // TopicTwice
    -0.56, // PriorTitle
    -3.59, // Words1
    -0.98, // FullStop
    -2.45, // ListItem
    -0.44, // MostOverlap
    -0.33, // AfterProse
    1.53,  // EndsTrail
    -0.53, // Sibling
    1.10,  // BylineNear
    -1.07, // FirstBlock
];

/// Minimum score of a headline.
const HEADLINE_MIN: f32 = -1.25;

fn dot(cues: &[f32; CUES]) -> f32 {
    cues.iter().zip(WEIGHTS).map(|(c, w)| c * w).sum()
}

/// What the headline scorer knows about the article region.
struct Context<'w> {
    start: usize,
    chrome_free: bool,
    /// The blocks' content words, split once for all the cues.
    words: &'w BlockWords<'w>,
    /// Content words of the article's opening prose.
    opening: WordSet<'w>,
    /// Content words of the article's prose with their counts.
    topic: Topic<'w>,
    /// Blocks that are title-shaped and sum up the article.
    summing: Vec<bool>,
    /// Next prose block of the article (not chrome) at or after each index.
    next_prose: Vec<Option<usize>>,
    /// Prefix sums over the blocks: words of prose, and blocks that could
    /// compete with a headline (not bylines, dates, share buttons).
    prose_words: Vec<usize>,
    competing: Vec<usize>,
    /// Blocks with path separators (breadcrumbs, "Section / Title").
    trails: Vec<usize>,
    end: usize,
    /// Blocks that say who wrote the article or when: bylines (also a
    /// name under a bare "By" line), dates, relative times and reading
    /// times ([`RELATIVE_TIME`]).
    meta: Vec<bool>,
    /// Glued words of the article's prose (see [`Context::names_glued_words`]),
    /// found only when a candidate has one.
    glued_prose: OnceCell<FxHashSet<String>>,
}

impl<'w> Context<'w> {
    fn new(
        blocks: &[Block],
        page: &Page,
        words: &'w BlockWords<'w>,
        start: usize,
        end: usize,
        chrome_free: bool,
    ) -> Context<'w> {
        let opening = opening_words(page, words, start);
        let mut topic = Topic::default();
        for (i, (b, f)) in blocks.iter().zip(&page.feats).enumerate().take(end + 1).skip(start) {
            if b.chrome.is_none() && f.is_prose(page.min_stop) {
                topic.add(words.of(i));
            }
        }
        let summing = (0..blocks.len())
            .map(|i| is_summing_title(words, &page.feats[i], i, &opening))
            .collect();
        let mut next_prose = vec![None; blocks.len() + 1];
        for i in (0..blocks.len()).rev() {
            next_prose[i] = if blocks[i].chrome.is_none() && page.is_prose(i) {
                Some(i)
            } else {
                next_prose[i + 1]
            };
        }
        let mut prose_words = Vec::with_capacity(blocks.len() + 1);
        let mut competing = Vec::with_capacity(blocks.len() + 1);
        let (mut p, mut c) = (0, 0);
        for (i, b) in blocks.iter().enumerate() {
            prose_words.push(p);
            competing.push(c);
            if page.is_prose(i) {
                p += page.feats[i].words;
            }
            if matches!(b.chrome, None | Some("header")) {
                c += 1;
            }
        }
        prose_words.push(p);
        competing.push(c);
        let trails = trail_blocks(blocks);
        Context {
            start,
            chrome_free,
            words,
            opening,
            topic,
            summing,
            next_prose,
            prose_words,
            competing,
            trails,
            end,
            meta: blocks
                .iter()
                .zip(&page.feats)
                .enumerate()
                .map(|(i, (b, f))| {
                    matches!(b.chrome, Some("byline" | "date"))
                        || f.dated
                        || f.words <= MAX_RELATIVE_TIME_WORDS && is_relative_time(&b.text)
                        || f.words <= MAX_BYLINE_NAME_WORDS && i > 0 && is_by_word(blocks[i - 1].text.trim())
                })
                .collect(),
            glued_prose: OnceCell::new(),
        }
    }

    /// Every glued word of `text` ("AirAsia", "YouTube") is also a word of
    /// the article's prose: a name written that way, not link texts run
    /// together ("SubscribeSign in"), which the article never uses.
    fn names_glued_words(&self, blocks: &[Block], page: &Page, text: &str) -> bool {
        let prose = self.glued_prose.get_or_init(|| {
            let mut words = FxHashSet::default();
            for (b, f) in blocks.iter().zip(&page.feats).take(self.end + 1).skip(self.start) {
                if b.chrome.is_none() && f.is_prose(page.min_stop) {
                    // A glued word is glued inside the block too: most
                    // blocks are passed over without splitting.
                    if is_glued(&b.text) {
                        words.extend(glued_words(&b.text).map(str::to_owned));
                    }
                }
            }
            words
        });
        let mut found = glued_words(text).peekable();
        found.peek().is_some() && found.all(|w| prose.contains(w))
    }

    /// Words of prose in blocks `from..to`.
    fn prose_words_between(&self, from: usize, to: usize) -> f32 {
        (self.prose_words[to] - self.prose_words[from]) as f32
    }
}

/// How often each content word occurs in the article's prose: packed
/// ASCII words (nearly all) keyed by their number, hashed in one multiply,
/// without the enum's tag and the indirection of a `&Word` key.
#[derive(Default)]
struct Topic<'w> {
    ascii: FxHashMap<u64, usize>,
    other: FxHashMap<&'w str, usize>,
}

impl<'w> Topic<'w> {
    fn add(&mut self, words: &'w [Word]) {
        // Room for a block's words up front: the map grows in fewer steps.
        self.ascii.reserve(words.len());
        for w in words {
            match w {
                Word::Ascii(n) => *self.ascii.entry(*n).or_default() += 1,
                Word::Other(t) => *self.other.entry(t).or_default() += 1,
            }
        }
    }

    fn count(&self, w: &Word) -> usize {
        match w {
            Word::Ascii(n) => self.ascii.get(n),
            Word::Other(t) => self.other.get(&**t),
        }
        .copied()
        .unwrap_or(0)
    }
}

/// The title-like block that opens the article, anywhere on the page:
/// scored on its shape, on being repeated elsewhere on the page, on being
/// followed by a byline or date and by prose it sums up, and on closeness
/// to the article start. Returns its index and whether the blocks between
/// the article start and it are cut from the body.
pub(super) fn find_headline(
    blocks: &[Block],
    page: &Page,
    start: usize,
    end: usize,
    chrome_free: bool,
) -> Option<(usize, bool)> {
    choose_headline(blocks, page, start, end, chrome_free, true)
}

/// [`find_headline`]; with `bound` false every candidate's costly cues are
/// found (the reference the tests check the bound against).
fn choose_headline(
    blocks: &[Block],
    page: &Page,
    start: usize,
    end: usize,
    chrome_free: bool,
    bound: bool,
) -> Option<(usize, bool)> {
    let words = BlockWords::new(blocks);
    let ctx = Context::new(blocks, page, &words, start, end, chrome_free);
    // The opening words of the prose after a block, shared by the blocks
    // that have the same next prose block.
    let mut after: FxHashMap<usize, WordSet> = FxHashMap::default();
    // The article's only block is its body, never its headline.
    let mut cands: Vec<(usize, [f32; CUES])> = (0..blocks.len())
        .filter(|&i| !(i >= start && end <= i))
        .filter_map(|i| Some((i, title_cues(blocks, page, i, &ctx)?)))
        .collect();
    mark_most_overlap(&mut cands, page);
    mark_siblings(&mut cands, blocks, page);
    let mut best: Option<(f32, usize)> = None;
    for (i, mut cues) in cands {
        // The overlap with the prose that follows and repetition are costly
        // to find on long pages: only looked up when they could make this
        // block the best; and so are the costly cues, which cannot raise
        // the score by more than their bound. A block that cannot beat the
        // best so far, or reach the score a block inside the region needs,
        // is passed over (its score would have been below them).
        let (ovl, rep) = (WEIGHTS[Cue::OverlapNext as usize], WEIGHTS[Cue::Repeated as usize]);
        if bound {
            let most = dot(&cues) + costly_cues_bound(page, i, &ctx) + ovl.max(0.0) + rep.max(0.0);
            if best.is_some_and(|(b, _)| most <= b) || i > start && most < INSIDE_MIN {
                continue;
            }
        }
        costly_cues(blocks, page, i, &ctx, &mut cues);
        let mut s = dot(&cues);
        if best.is_some_and(|(b, _)| s + ovl.max(0.0) + rep.max(0.0) <= b) {
            continue;
        }
        if let Some(n) = ctx.next_prose[i + 1] {
            // The article's own opening is already known.
            let local = if n == start {
                &ctx.opening
            } else {
                after.entry(n).or_insert_with(|| opening_words(page, &words, n))
            };
            s += ovl * overlap(words.of(i), local);
        }
        if page.feats[i].words >= 3
            && best.is_none_or(|(b, _)| s + rep > b)
            && (repeated_apart(page, i) || page.contained_elsewhere(i))
        {
            s += rep;
        }
        // Inside the region only a clear headline counts (else a quote or
        // a sub-heading of a page that opens with its text would).
        if i > start && s < INSIDE_MIN {
            continue;
        }
        if best.is_none_or(|(b, _)| s > b) {
            best = Some((s, i));
        }
    }
    let (s, h) = best?;
    if s < HEADLINE_MIN {
        return None;
    }
    let prose_before: f32 = (start..h)
        .filter(|&j| page.is_prose(j))
        .map(|j| weight(&page.feats[j]))
        .sum();
    let cut = h <= start + INSIDE_WINDOW && prose_before <= INSIDE_MAX_PROSE;
    Some((h, cut))
}

/// Sets [`Cue::MostOverlap`] on the candidates of four words or more
/// with the highest share of words in the opening prose (above zero).
fn mark_most_overlap(cands: &mut [(usize, [f32; CUES])], page: &Page) {
    let long = |i: usize| page.feats[i].words >= 4;
    let most = cands
        .iter()
        .filter(|(i, _)| long(*i))
        .map(|(_, c)| c[Cue::Overlap as usize])
        .fold(0.0f32, f32::max);
    if most > 0.0 {
        for (i, c) in cands.iter_mut() {
            if long(*i) && c[Cue::Overlap as usize] >= most {
                c[Cue::MostOverlap as usize] = 1.0;
            }
        }
    }
}

/// Sets [`Cue::Sibling`] on the candidates of 2 to 20 words (not prose)
/// that share their opening with another such candidate at least two
/// blocks away: both numbered ("#1. ...", "2) ..."), or the same first
/// word (not a function word) with a colon in both or in neither.
fn mark_siblings(cands: &mut [(usize, [f32; CUES])], blocks: &[Block], page: &Page) {
    let keys: Vec<Option<(SiblingKey, bool)>> = cands.iter().map(|&(i, _)| sibling_key(blocks, page, i)).collect();
    // A candidate has a sibling two blocks away or more when the first or
    // the last of its group is: each group's first and last block suffice.
    let mut groups: FxHashMap<&(SiblingKey, bool), (usize, usize)> = FxHashMap::default();
    for (k, &(i, _)) in keys.iter().zip(cands.iter()) {
        if let Some(k) = k {
            let span = groups.entry(k).or_insert((i, i));
            span.0 = span.0.min(i);
            span.1 = span.1.max(i);
        }
    }
    for (k, (i, c)) in keys.iter().zip(cands.iter_mut()) {
        if let Some(&(first, last)) = k.as_ref().and_then(|k| groups.get(k))
            && (i.abs_diff(first) > 1 || i.abs_diff(last) > 1)
        {
            c[Cue::Sibling as usize] = 1.0;
        }
    }
}

/// What parallel headings share ([`mark_siblings`]): a number, or their
/// first word in lower case.
#[derive(Debug, PartialEq, Eq, Hash)]
enum SiblingKey {
    Numbered,
    /// An ASCII word of up to eight bytes, packed ([`super::lexicon::pack_word`]):
    /// no allocation for most first words.
    Ascii(u64),
    Other(Box<str>),
}

/// The [`SiblingKey`] of block `i` and whether it holds a colon; None when
/// it is no heading (prose, under 2 or over 20 words) or opens with a
/// function word.
fn sibling_key(blocks: &[Block], page: &Page, i: usize) -> Option<(SiblingKey, bool)> {
    let f = &page.feats[i];
    if !(2..=20).contains(&f.words) || page.is_prose(i) {
        return None;
    }
    let text = blocks[i].text.trim();
    if is_numbered_item(text) {
        return Some((SiblingKey::Numbered, false));
    }
    let first = text
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .find(|w| !w.is_empty())?;
    let key = match first.as_bytes() {
        b if b.is_ascii() && b.len() <= 8 => {
            let mut lower = [0u8; 8];
            for (l, c) in lower.iter_mut().zip(b) {
                *l = c.to_ascii_lowercase();
            }
            let packed = u64::from_le_bytes(lower);
            // A word of letters, digits and '_' has no zero byte: packed as
            // `pack_word` packs it.
            if super::lexicon::is_packed_stop_word(packed) {
                return None;
            }
            SiblingKey::Ascii(packed)
        }
        _ => {
            let lower = first.to_lowercase();
            if super::lexicon::is_stop_word(&lower) {
                return None;
            }
            // Keyed by the lower-cased word: one that lower-cases to ASCII
            // (the Kelvin sign) meets its ASCII spelling.
            match super::lexicon::pack_word(lower.as_bytes()) {
                Some(packed) if lower.is_ascii() => SiblingKey::Ascii(packed),
                _ => SiblingKey::Other(lower.into_boxed_str()),
            }
        }
    };
    Some((key, text.contains(':')))
}

/// A numbered item's opening: "#1 ", "#2. ", "3. ", "4) ", "5: ", "No. 6 ".
fn is_numbered_item(text: &str) -> bool {
    let rest = if let Some(r) = text.strip_prefix('#') {
        r.strip_prefix(' ').unwrap_or(r)
    } else if let Some(r) = text.strip_prefix("No.") {
        r.strip_prefix(' ').unwrap_or(r)
    } else {
        text
    };
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return false;
    }
    let after = &rest[digits..];
    let after = if text.starts_with('#') || text.starts_with("No.") {
        after.strip_prefix(['.', ')', ':']).unwrap_or(after)
    } else {
        match after.strip_prefix(['.', ')', ':']) {
            Some(a) => a,
            None => return false,
        }
    };
    after.starts_with(char::is_whitespace)
}

/// The words of a text that are glued ([`is_glued`]).
fn glued_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| is_glued(w))
}

/// A title in two short sentences ("Prices fall. Here is why."): a full
/// stop inside, after a word of three letters or more that ends in lower
/// case (not "St." or "U.S."), followed by a capital. A line with one
/// sentence and a full stop is a paragraph, not a title.
fn is_two_sentence_title(text: &str) -> bool {
    let body = text.trim_end_matches('.');
    body.match_indices(". ").any(|(k, _)| {
        let word = body[..k].rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        word.chars().count() >= 3
            && word.chars().next_back().is_some_and(char::is_lowercase)
            && body[k + 2..]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric() || "\"'‘“„«".contains(c))
    })
}

/// Characters that separate the steps of a breadcrumb or path.
const TRAIL_SEPARATORS: &[char] = &['›', '»', '>', '/', '|'];

/// The text holds one of [`TRAIL_SEPARATORS`]: looked for by byte with
/// `memchr` (the ASCII ones, and the last byte of '›' and '»', which other
/// characters share), chars decoded only when such a byte is found.
fn has_trail_separator(text: &str) -> bool {
    let b = text.as_bytes();
    (memchr::memchr3(b'>', b'/', b'|', b).is_some() || memchr::memchr2(0xBA, 0xBB, b).is_some())
        && text.contains(TRAIL_SEPARATORS)
}

/// Blocks with path separators: the lines [`ends_trail`] looks in.
fn trail_blocks(blocks: &[Block]) -> Vec<usize> {
    blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| has_trail_separator(&b.text))
        .map(|(i, _)| i)
        .collect()
}

/// The block's text ends another, longer block that holds path separators
/// (a breadcrumb or "Section / Title" line), at a word boundary.
fn ends_trail(page: &Page, i: usize, trails: &[usize]) -> bool {
    let key = &page.keys[i];
    key.len() >= 6
        && trails.iter().any(|&j| {
            let other = &page.keys[j];
            // The last byte first: most trails end otherwise, and are
            // passed over without comparing the whole key.
            j != i
                && other.len() > key.len()
                && other.as_bytes().last() == key.as_bytes().last()
                && other.ends_with(key.as_str())
                && other[..other.len() - key.len()]
                    .chars()
                    .next_back()
                    .is_some_and(|c| !c.is_alphanumeric())
        })
}

fn title_cues(blocks: &[Block], page: &Page, i: usize, ctx: &Context) -> Option<[f32; CUES]> {
    let block = &blocks[i];
    let f = &page.feats[i];
    // A title about newsletters is labelled a sign-up box by the lexicon;
    // as a candidate it is judged on its cues like any other line.
    if !(matches!(block.chrome, None | Some("header" | "footer")) || block.chrome == Some("newsletter") && f.words >= 6)
    {
        return None;
    }
    let text = block.text.trim();
    if f.unspaced {
        if !(5..=120).contains(&f.chars) {
            return None;
        }
    } else if !(1..=30).contains(&f.words) || f.words == 1 && f.chars < 3 {
        return None;
    }
    let full_stop = text.ends_with('.') && !text.ends_with("...");
    // A quote mark opened at the end goes on in the next line.
    let opens_quote = text
        .strip_suffix(['"', '“', '„', '«'])
        .is_some_and(|t| t.ends_with(char::is_whitespace));
    if text.ends_with([',', ';', ':'])
        || opens_quote
        || full_stop && (f.words > 20 || !is_two_sentence_title(text))
        || page.is_prose(i) && f.words > 20
    {
        return None;
    }
    if ctx.meta[i] {
        return None;
    }
    // On a page without chrome, a line whose sentence goes on in the next
    // block ("The company" / "said on Monday ...") is not a title (web
    // pages have standfirsts that open with a lower-case brand name).
    if ctx.chrome_free
        && blocks
            .get(i + 1)
            .is_some_and(|n| n.chrome.is_none() && n.text.starts_with(char::is_lowercase))
    {
        return None;
    }
    let start = ctx.start;
    let mut c = [0.0f32; CUES];
    let mut set = |cue: Cue, value: f32| c[cue as usize] = value;
    if full_stop {
        set(Cue::FullStop, 1.0);
    }
    if block.kind == BlockKind::ListItem {
        set(Cue::ListItem, 1.0);
    }
    match f.words {
        0 => {}
        1 => set(Cue::Words1, 1.0),
        2 => set(Cue::Words2, 1.0),
        3 => set(Cue::Words3, 1.0),
        4 => set(Cue::Words4, 1.0),
        5..=8 => set(Cue::Words5To8, 1.0),
        9..=14 => set(Cue::Words9To14, 1.0),
        15..=20 => set(Cue::Words15To20, 1.0),
        _ => set(Cue::WordsOver20, 1.0),
    }
    let first = text.chars().next();
    match first {
        Some(ch) if ch.is_lowercase() => set(Cue::LowerStart, 1.0),
        Some(ch) if ch.is_uppercase() || ch.is_numeric() || "\"'‘“„«¿¡".contains(ch) => {
            set(Cue::UpperStart, 1.0)
        }
        _ => {}
    }
    if first.is_some_and(|ch| ch.is_numeric()) {
        set(Cue::Digit, 1.0);
    }
    if let (Some(next), Some(nf)) = (blocks.get(i + 1), page.feats.get(i + 1))
        && matches!(next.chrome, None | Some("header"))
        && nf.words > f.words
        && f.words >= 4
    {
        set(Cue::NextLonger, 1.0);
    }
    if f.words >= 10 && f.stop_density > 0.3 && f.capitalised < 0.4 {
        set(Cue::SentenceCase, 1.0);
    }
    let meta = |from: usize, to: usize| ctx.meta[from.min(to)..to].iter().any(|&m| m);
    let n = blocks.len();
    if meta(i + 1, (i + 3).min(n)) {
        set(Cue::MetaNext, 1.0);
    } else if meta(i + 3, (i + 5).min(n)) {
        set(Cue::MetaSoon, 1.0);
    }
    if meta(i.saturating_sub(2), i) {
        set(Cue::MetaBefore, 1.0);
    }
    if text.ends_with(['?', '!']) {
        set(Cue::Question, 1.0);
    }
    // Closer to the article is better, counting only blocks that could
    // compete (not bylines, dates, share buttons).
    if i < start {
        let between = ctx.competing[start] - ctx.competing[i + 1];
        set(Cue::LogBetween, (between as f32).ln_1p());
    }
    if i > start {
        set(Cue::Inside, 1.0);
        set(Cue::ProseBefore, ctx.prose_words_between(start, i).ln_1p());
    }
    if start > i + 30 {
        set(Cue::FarBefore, 1.0);
    }
    if i > start + 12 {
        set(Cue::FarInside, 1.0);
    }
    if f.words <= 6 && f.stop_density == 0.0 && f.capitalised >= 0.9 {
        set(Cue::NameLike, 1.0);
    }
    if i + 1 == start {
        set(Cue::Adjacent, 1.0);
    }
    let words = ctx.words.of(i);
    set(Cue::Overlap, overlap(words, &ctx.opening));
    let gap = ctx.next_prose[i + 1].map_or(usize::MAX, |n| n - i);
    match gap {
        1 => set(Cue::Gap1, 1.0),
        2..=3 => set(Cue::Gap2To3, 1.0),
        4..=8 => set(Cue::Gap4To8, 1.0),
        _ => set(Cue::GapFar, 1.0),
    }
    set(Cue::Capitalised, f.capitalised);
    if i > 0 && is_by_word(blocks[i - 1].text.trim()) {
        set(Cue::AfterByWord, 1.0);
    }
    if has_inner_colon(text) {
        set(Cue::Colon, 1.0);
    }
    if blocks.iter().skip(i + 1).take(3).any(|b| b.chrome == Some("byline")) {
        set(Cue::BylineNear, 1.0);
    }
    if i == 0 {
        set(Cue::FirstBlock, 1.0);
    }
    let (mut counted, mut twice) = (0usize, 0usize);
    for w in words {
        let k = ctx.topic.count(w);
        counted += k.min(5);
        twice += usize::from(k >= 2);
    }
    let n = words.len();
    if n > 0 {
        set(Cue::Topic, counted as f32 / (5 * n) as f32);
        set(Cue::TopicTwice, twice as f32 / n as f32);
    }
    if ctx.summing[i.saturating_sub(6)..i].iter().any(|&s| s) {
        set(Cue::PriorTitle, 1.0);
    }
    if i > 0 && page.is_prose(i - 1) {
        set(Cue::AfterProse, 1.0);
    }
    Some(c)
}

/// The cues [`title_cues`] leaves out, the costly ones to find: all but
/// [`Cue::EndsTrail`] lower the score, so [`costly_cues_bound`] bounds what
/// they can add and candidates that cannot win are never asked.
fn costly_cues(blocks: &[Block], page: &Page, i: usize, ctx: &Context, c: &mut [f32; CUES]) {
    let text = blocks[i].text.trim();
    let f = &page.feats[i];
    let mut set = |cue: Cue, value: f32| c[cue as usize] = value;
    if separators(text) >= 2 {
        set(Cue::Separated, 1.0);
    }
    // The title may have its byline or date between it and the candidate.
    let prev = match i.checked_sub(1) {
        Some(p) if p > 0 && ctx.meta[p] => Some(p - 1),
        p => p,
    };
    if let Some(p) = prev
        && f.words >= 5
        && follows_title(ctx.words, &page.feats[p], p, text, &ctx.opening)
    {
        set(Cue::AfterTitle, 1.0);
    }
    if names_image(text) {
        set(Cue::Image, 1.0);
    }
    if is_glued(text) && !ctx.names_glued_words(blocks, page, text) {
        set(Cue::Glued, 1.0);
    }
    if ends_trail(page, i, &ctx.trails) {
        set(Cue::EndsTrail, 1.0);
    }
}

/// The most [`costly_cues`] can add to a candidate's score: the weight of
/// [`Cue::EndsTrail`] where it can be set (the others are penalties),
/// with a margin for the rounding of a sum taken in another order.
fn costly_cues_bound(page: &Page, i: usize, ctx: &Context) -> f32 {
    const _: () = assert!(
        WEIGHTS[Cue::Separated as usize] <= 0.0
            && WEIGHTS[Cue::AfterTitle as usize] <= 0.0
            && WEIGHTS[Cue::Image as usize] <= 0.0
            && WEIGHTS[Cue::Glued as usize] <= 0.0
    );
    let trail = !ctx.trails.is_empty() && page.keys[i].len() >= 6;
    let trail = if trail {
        WEIGHTS[Cue::EndsTrail as usize].max(0.0)
    } else {
        0.0
    };
    trail + 1e-3
}

/// A bare byline word on its own line ("By", "Written by:"): the next line
/// is the author's name.
static BY_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(by|von|par|por|door|di|av|af|written by|posted by|words by|reported by|author|autor|auteur|text)\s*:?$",
    )
    .expect("static regex")
});

/// [`BY_WORD`], the regex run only on a line that opens and ends as one of
/// its forms can (first letter, last letter or colon; no other character
/// folds to these ASCII letters).
fn is_by_word(text: &str) -> bool {
    let b = text.as_bytes();
    b.first().is_some_and(|c| b"bvpdawrt".contains(&c.to_ascii_lowercase()))
        && b.last().is_some_and(|c| b":yrnivft".contains(&c.to_ascii_lowercase()))
        && BY_WORD.is_match(text)
}

/// A relative time or a reading time ("5 hours ago", "3 min read", "vor 2
/// Stunden", "il y a 3 jours", "hace 2 horas"): article meta, like a date
/// (the date finder only knows absolute dates).
static RELATIVE_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)\d+\s*(sec|secs|seconds?|min|mins|minutes?|hours?|hrs?|days?|weeks?|months?)\.?\s+ago(?-u:\b)|(?-u:\b)\d+\s*(min|mins|minutes?)\.?\s+read(?-u:\b)|(?-u:\b)vor \d+ (minuten|stunden|tagen)(?-u:\b)|(?-u:\b)il y a \d+ (minutes?|heures?|jours?)(?-u:\b)|(?-u:\b)hace \d+ (minutos?|horas?|d[ií]as?)|(?-u:\b)\d+\s*min\.? lesezeit(?-u:\b)|(?-u:\b)lesezeit:? \d+",
    )
    .expect("static regex")
});

/// A line longer than this is no meta line, whatever time it mentions.
const MAX_RELATIVE_TIME_WORDS: usize = 16;

/// A line of at most this many words under a bare "By" / "Author:" line
/// is the byline's name (a person, a desk, a company): meta, like a byline
/// on one line.
const MAX_BYLINE_NAME_WORDS: usize = 6;

/// See [`RELATIVE_TIME`]; only lines with a digit are matched.
fn is_relative_time(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit()) && RELATIVE_TIME.is_match(text)
}

/// Words that name a picture in its alt text (English and the corpus
/// languages' common words for image and photo), lower case.
const IMAGE_WORDS: [&str; 19] = [
    "image",
    "images",
    "img",
    "photo",
    "photos",
    "picture",
    "pic",
    "logo",
    "icon",
    "banner",
    "illustration",
    "placeholder",
    "thumbnail",
    "avatar",
    "screenshot",
    "bild",
    "foto",
    "imagen",
    "immagine",
];

/// Any of [`IMAGE_WORDS`] as a whole word, in any case (Unicode folding).
static IMAGE_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b({})\b", IMAGE_WORDS.join("|"))).expect("static regex"));

/// [`IMAGE_WORD`] without the regex on ASCII text: there a word boundary
/// is the edge of a run of `[A-Za-z0-9_]` and no other character folds to
/// an ASCII letter, so the regex matches exactly when such a run is one of
/// its words in any case. Other text without 'ſ' and 'K' (the only
/// characters that fold to ASCII letters, to 's' and 'k') can only match
/// where such a run, cut at every non-ASCII byte too, is one of the words
/// (a match is ASCII letters between characters that are no word
/// characters, which cut the run there): the regex then decides, on the
/// few lines that have one.
fn names_image(text: &str) -> bool {
    let ascii = text.is_ascii();
    if !ascii && (text.contains('ſ') || text.contains('\u{212A}')) {
        return IMAGE_WORD.is_match(text);
    }
    let found = text
        .as_bytes()
        .split(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
        .any(is_image_word);
    if ascii {
        found
    } else {
        found && IMAGE_WORD.is_match(text)
    }
}

/// One of [`IMAGE_WORDS`], in any ASCII case.
fn is_image_word(w: &[u8]) -> bool {
    let mut lower = [0u8; 12];
    if !(3..=lower.len()).contains(&w.len()) {
        return false;
    }
    for (l, b) in lower.iter_mut().zip(w) {
        *l = b.to_ascii_lowercase();
    }
    IMAGE_WORDS.iter().any(|word| word.as_bytes() == &lower[..w.len()])
}

/// A colon before the text's last byte (on bytes: no other char holds
/// the byte of ':').
fn has_inner_colon(text: &str) -> bool {
    text.as_bytes()
        .split_last()
        .is_some_and(|(_, head)| head.contains(&b':'))
}

/// How many of `|`, `/`, `•` and `·` the text holds, counted on bytes: a
/// lead byte is never a continuation byte, so `C2 B7` is always `·` and
/// `E2 80 A2` always `•`.
fn separators(text: &str) -> usize {
    let b = text.as_bytes();
    b.iter()
        .enumerate()
        .filter(|&(k, &c)| match c {
            b'|' | b'/' => true,
            0xB7 => k >= 1 && b[k - 1] == 0xC2,
            0xA2 => k >= 2 && b[k - 2] == 0xE2 && b[k - 1] == 0x80,
            _ => false,
        })
        .count()
}

/// Two lower-case letters followed by an upper-case one and a lower-case
/// one ("HomeNews", "SubscribeSign in"): link texts run together. One
/// lower-case letter before is a brand's spelling ("eCommerce", "iPhone").
fn is_glued(text: &str) -> bool {
    // On bytes: four ASCII letters in a row are four chars in a row. Each
    // upper-case letter is looked at with its neighbours; chunks without
    // one (most of prose) are passed over by a fold the compiler
    // vectorises.
    let b = text.as_bytes();
    let glued_at = |u: usize| {
        u >= 2
            && b[u].is_ascii_uppercase()
            && b[u - 2].is_ascii_lowercase()
            && b[u - 1].is_ascii_lowercase()
            && b.get(u + 1).is_some_and(u8::is_ascii_lowercase)
    };
    b.chunks(32).enumerate().any(|(k, c)| {
        c.iter().fold(false, |found, x| found | x.is_ascii_uppercase()) && (k * 32..k * 32 + c.len()).any(glued_at)
    })
}

/// A title-shaped block (not chrome, 4 to 30 words, capitalised start, no
/// closing full stop, no date) with most of its content words in the
/// article's opening prose.
fn is_summing_title(words: &BlockWords, f: &Features, i: usize, opening: &WordSet) -> bool {
    let b = &words.blocks[i];
    let t = b.text.trim();
    matches!(b.chrome, None | Some("header"))
        && b.kind != BlockKind::ListItem
        && (4..=30).contains(&f.words)
        && !f.dated
        && t.chars().next().is_some_and(char::is_uppercase)
        && !t.ends_with(['.', ':', ',', ';'])
        && overlap(words.of(i), opening) >= 0.5
}

/// `prev`, the block before a candidate, is itself a headline of this
/// article: title-shaped (not chrome, 5 to 30 words, capitalised start, no
/// closing full stop, no date or separators) and most of its content words
/// are in the article's opening prose, without being a breadcrumb or title
/// that repeats the candidate. The candidate is then its standfirst or a
/// caption.
fn follows_title(words: &BlockWords, f: &Features, p: usize, text: &str, opening: &WordSet) -> bool {
    let prev = &words.blocks[p];
    let i = p;
    let p = prev.text.trim();
    let text = text.trim();
    matches!(prev.chrome, None | Some("header"))
        && prev.kind != BlockKind::ListItem
        && !f.unspaced
        && !f.dated
        && (5..=30).contains(&f.words)
        && p.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric())
        && !p.ends_with(['.', ',', ';', ':'])
        && !p.contains(['|', '/', '•', '·'])
        && !p.contains(text)
        && !text.contains(p)
        && overlap(words.of(i), opening) >= 0.5
}

/// Content words (not function words, at least 3 letters, cut to 6 letters
/// so that "closes" and "closed" meet) of a text.
/// Each is passed to `f` as a [`Word`]: an ASCII word is lower-cased and
/// packed into an integer, so only other words allocate.
fn for_each_content_word(text: &str, mut f: impl FnMut(Word)) {
    if text.is_ascii() {
        // Same split as below: an ASCII char is alphanumeric exactly when
        // its byte is.
        let bytes = text.as_bytes();
        let mut from = 0;
        for (i, b) in bytes.iter().enumerate() {
            if !b.is_ascii_alphanumeric() {
                if i >= from + 3 {
                    // Eight bytes read at once where the text has them.
                    let w = match bytes.get(from..from + 8) {
                        Some(eight) => eight.try_into().ok().map(u64::from_le_bytes),
                        None => None,
                    };
                    if let Some(w) = w.map_or_else(
                        || ascii_content_word(&bytes[from..i]),
                        |w| packed_content_word(w, i - from),
                    ) {
                        f(w);
                    }
                }
                from = i + 1;
            }
        }
        if let Some(w) = bytes.get(from..).and_then(ascii_content_word) {
            f(w);
        }
        return;
    }
    // The same split by bytes, chars decoded only at non-ASCII bytes; a
    // word of ASCII bytes alone is packed as above.
    let bytes = text.as_bytes();
    let mut emit = |from: usize, to: usize, ascii: bool| {
        if ascii {
            if let Some(w) = bytes.get(from..to).and_then(ascii_content_word) {
                f(w);
            }
        } else if let Some(w) = text.get(from..to)
            && w.chars().count() >= 3
        {
            let lower = w.to_lowercase();
            if !super::lexicon::is_stop_word(&lower) {
                f(Word::Other(lower.chars().take(6).collect()));
            }
        }
    };
    let (mut from, mut ascii, mut i) = (0, true, 0);
    while let Some(&b) = bytes.get(i) {
        let (alphanumeric, len) = if b.is_ascii() {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            // `i` is always at a char's start: it moves by whole chars.
            let c = text
                .get(i..)
                .and_then(|t| t.chars().next())
                .unwrap_or(char::REPLACEMENT_CHARACTER);
            (c.is_alphanumeric(), c.len_utf8())
        };
        if !alphanumeric {
            emit(from, i, ascii);
            (from, ascii) = (i + len, true);
        } else if !b.is_ascii() {
            ascii = false;
        }
        i += len;
    }
    emit(from, bytes.len(), ascii);
}

/// An ASCII word as a content word; None for short words and function
/// words. Lower-cased straight into its packed form: the first eight bytes
/// are the stop-word key ([`super::lexicon::pack_word`]; a longer word is
/// no stop word), the first six the word.
fn ascii_content_word(w: &[u8]) -> Option<Word> {
    let mut packed = [0u8; 8];
    for (p, b) in packed.iter_mut().zip(w) {
        *p = *b;
    }
    packed_content_word(u64::from_le_bytes(packed), w.len())
}

/// [`ascii_content_word`] of a word of `len` ASCII letters and digits whose
/// first bytes (up to eight) are those of `raw`, little-endian (bytes past
/// the word's end ignored). Lower-cased in one step: setting bit 0x20
/// lower-cases a letter and leaves a digit as it is.
fn packed_content_word(raw: u64, len: usize) -> Option<Word> {
    if len < 3 {
        return None;
    }
    let keep = if len >= 8 { u64::MAX } else { (1u64 << (8 * len)) - 1 };
    let packed = (raw | 0x2020_2020_2020_2020) & keep;
    if len <= super::lexicon::MAX_STOP_WORD_LEN && super::lexicon::is_packed_stop_word(packed) {
        return None;
    }
    Some(Word::Ascii(packed & 0xFFFF_FFFF_FFFF))
}

/// A content word (lower-cased, at most 6 letters) as a set key: ASCII
/// words (nearly all of them) packed into an integer without allocating.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Word {
    /// Up to 8 ASCII bytes, zero-padded (no alphanumeric byte is zero).
    Ascii(u64),
    Other(Box<str>),
}

impl Word {
    #[cfg(test)]
    fn text(&self) -> String {
        match self {
            Word::Ascii(n) => n
                .to_le_bytes()
                .iter()
                .take_while(|&&b| b != 0)
                .map(|&b| char::from(b))
                .collect(),
            Word::Other(s) => s.to_string(),
        }
    }
}

#[cfg(test)]
fn content_words(text: &str) -> impl Iterator<Item = Word> {
    let mut words = Vec::new();
    for_each_content_word(text, |w| words.push(w));
    words.into_iter()
}

/// The content words of each block, split when first asked for and kept
/// for the page: the opening prose of every candidate's next paragraph, the
/// topic counts and each candidate's cues read the same blocks again and
/// again.
struct BlockWords<'b> {
    blocks: &'b [Block],
    words: Vec<OnceCell<Vec<Word>>>,
}

impl<'b> BlockWords<'b> {
    fn new(blocks: &'b [Block]) -> BlockWords<'b> {
        BlockWords {
            blocks,
            words: blocks.iter().map(|_| OnceCell::new()).collect(),
        }
    }

    /// The content words of block `i`, in order (empty past the end).
    fn of(&self, i: usize) -> &[Word] {
        match (self.words.get(i), self.blocks.get(i)) {
            (Some(cell), Some(block)) => cell.get_or_init(|| {
                // Room for about one content word in eight bytes, so that
                // prose rarely regrows the list.
                let mut words = Vec::with_capacity(block.text.len() / 8 + 4);
                for_each_content_word(&block.text, |w| words.push(w));
                words
            }),
            _ => &[],
        }
    }
}

/// The content words of the first prose blocks of the article (about 300 words).
fn opening_words<'w>(page: &Page, words: &'w BlockWords, start: usize) -> WordSet<'w> {
    let mut set = WordSet::default();
    let mut taken = 0;
    for (i, (block, f)) in words.blocks.iter().zip(&page.feats).enumerate().skip(start) {
        if taken >= 300 {
            break;
        }
        if block.chrome.is_none() && f.is_prose(page.min_stop) {
            taken += f.words;
            set.extend(words.of(i));
        }
    }
    set
}

/// A set of content words: packed ASCII words (nearly all) by their
/// number, hashed in one multiply, without the enum's tag and the
/// indirection of a `&Word` key.
#[derive(Default)]
struct WordSet<'w> {
    ascii: FxHashSet<u64>,
    other: FxHashSet<&'w str>,
}

impl<'w> WordSet<'w> {
    fn contains(&self, w: &Word) -> bool {
        match w {
            Word::Ascii(n) => self.ascii.contains(n),
            Word::Other(t) => self.other.contains(&**t),
        }
    }
}

impl<'w> Extend<&'w Word> for WordSet<'w> {
    fn extend<I: IntoIterator<Item = &'w Word>>(&mut self, words: I) {
        for w in words {
            match w {
                Word::Ascii(n) => {
                    self.ascii.insert(*n);
                }
                Word::Other(t) => {
                    self.other.insert(t);
                }
            }
        }
    }
}

impl<'w> FromIterator<&'w Word> for WordSet<'w> {
    fn from_iter<I: IntoIterator<Item = &'w Word>>(words: I) -> Self {
        let mut set = WordSet::default();
        set.extend(words);
        set
    }
}

/// Share of `words` found in `opening`.
fn overlap(words: &[Word], opening: &WordSet) -> f32 {
    let hit = words.iter().filter(|w| opening.contains(w)).count();
    if words.is_empty() {
        0.0
    } else {
        hit as f32 / words.len() as f32
    }
}

/// The same text occurs elsewhere on the page, but not as the block right
/// next to it (images repeat their alt text there).
fn repeated_apart(page: &Page, i: usize) -> bool {
    let key = &page.keys[i];
    page.feats[i].repeated && page.keys.iter().enumerate().any(|(j, k)| k == key && j.abs_diff(i) > 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cleaner::text::region::tests::blocks;

    #[test]
    fn content_words_lower_case_and_cut_ascii_and_other_words_alike() {
        let words: Vec<String> = content_words("The HARBOUR closes; Écoles à Zürich, it's über-Straßenbahn")
            .map(|w| w.text())
            .collect();
        assert_eq!(words, ["harbou", "closes", "écoles", "zürich", "straße"]);
    }

    #[test]
    fn ascii_words_are_packed_like_lower_cased_text() {
        let word = |w: &str| ascii_content_word(w.as_bytes()).map(|w| w.text());
        assert_eq!(word("HARBOURS").as_deref(), Some("harbou"));
        assert_eq!(word("Pier").as_deref(), Some("pier"));
        // Function words in any case, and words under three letters.
        assert_eq!(word("THE"), None);
        assert_eq!(word("Which"), None);
        assert_eq!(word("go"), None);
        // Longer than any function word: always a content word.
        assert_eq!(word("Throughout").as_deref(), Some("throug"));
    }

    /// The content words as they were split before the byte shortcuts
    /// (lower-cased char by char, cut to six chars).
    /// With whether each is packed (an ASCII word).
    fn content_words_reference(text: &str) -> Vec<(String, bool)> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3)
            .map(|w| (w.to_lowercase(), w.is_ascii()))
            .filter(|(w, _)| !super::super::lexicon::is_stop_word(w))
            .map(|(w, ascii)| (w.chars().take(6).collect(), ascii))
            .collect()
    }

    /// [`is_glued`] as a window over every four bytes.
    fn is_glued_reference(text: &str) -> bool {
        text.as_bytes().windows(4).any(|w| {
            w[0].is_ascii_lowercase()
                && w[1].is_ascii_lowercase()
                && w[2].is_ascii_uppercase()
                && w[3].is_ascii_lowercase()
        })
    }

    #[test]
    fn content_words_and_glued_words_match_their_references_on_generated_text() {
        let pieces = [
            "the",
            "The",
            "HARBOUR",
            "harbours",
            "Throughout",
            "which",
            "WHICH",
            "go",
            "ab",
            "x",
            "a1b2c3d4e5",
            "2025",
            " ",
            " ",
            ",",
            "-",
            "’",
            "é",
            "Zürich",
            "Straße",
            "eTicket",
            "SubscribeSign",
            "homeNews",
            "Q",
            "pier",
            "Ferry",
            "\n",
            "ĳssel",
            "日本語",
            "e\u{301}",
            "x²",
            "Ⅻ",
            "ÉCOLES",
            "İstanbul",
        ];
        let mut rng = crate::testgen::Rng::new(29);
        let mut next = |n: usize| rng.below(n);
        let (mut words, mut glued) = (0, 0);
        for _ in 0..5000 {
            let text: String = (0..1 + next(12)).map(|_| pieces[next(pieces.len())]).collect();
            let got: Vec<(String, bool)> = content_words(&text)
                .map(|w| (w.text(), matches!(w, Word::Ascii(_))))
                .collect();
            assert_eq!(got, content_words_reference(&text), "{text:?}");
            words += got.len();
            let want = is_glued_reference(&text);
            assert_eq!(is_glued(&text), want, "{text:?}");
            glued += usize::from(want);
        }
        assert!(words > 5000 && glued > 500, "{words} {glued}");
        // Long texts: glued letters on both sides of a 32-byte chunk's edge.
        for at in 25..40 {
            let mut text = "x".repeat(at);
            text.push_str("abCd ");
            assert!(is_glued(&text) && is_glued_reference(&text), "{at}");
            let lone = format!("{}Cd", "x".repeat(at));
            assert_eq!(is_glued(&lone), is_glued_reference(&lone));
        }
    }

    #[test]
    fn topic_counts_every_word_as_a_map_of_words_does() {
        let texts = [
            "The harbour bridge reopened; the HARBOUR bridge, Zürich's bridge.",
            "Zürich harbours écoles écoles",
            "",
        ];
        let split: Vec<Vec<Word>> = texts.iter().map(|t| content_words(t).collect()).collect();
        let mut topic = Topic::default();
        let mut want: FxHashMap<&Word, usize> = FxHashMap::default();
        for words in &split {
            topic.add(words);
            for w in words {
                *want.entry(w).or_default() += 1;
            }
        }
        for w in split
            .iter()
            .flatten()
            .chain(content_words("ferry pier Zürcher").collect::<Vec<_>>().iter())
        {
            assert_eq!(topic.count(w), want.get(w).copied().unwrap_or(0), "{w:?}");
        }
        assert_eq!(
            topic.count(&content_words("bridge").next().unwrap_or(Word::Ascii(0))),
            3
        );
        assert_eq!(
            topic.count(&content_words("Zürich").next().unwrap_or(Word::Ascii(0))),
            2
        );
    }

    #[test]
    fn a_word_set_holds_what_a_set_of_words_holds() {
        let opening: Vec<Word> =
            content_words("The harbour bridge reopened in Zürich; écoles closed, HARBOUR").collect();
        let set: WordSet = opening.iter().collect();
        let want: FxHashSet<&Word> = opening.iter().collect();
        let asked: Vec<Word> = content_words("harbours bridges Zürich Zurich écoles ecoles ferry reopens").collect();
        for w in opening.iter().chain(&asked) {
            assert_eq!(set.contains(w), want.contains(w), "{w:?}");
        }
        assert!(set.contains(&asked[0]) && set.contains(&asked[2]) && !set.contains(&asked[3]));
        assert!(!set.contains(&asked[6]));
    }

    #[test]
    fn block_words_are_split_once_and_match_the_text() {
        let b = blocks(&["Harbour bridge reopens", "The ferry is late, the pier closed"]);
        let words = BlockWords::new(&b);
        let texts = |i: usize| words.of(i).iter().map(Word::text).collect::<Vec<_>>();
        assert_eq!(texts(1), ["ferry", "late", "pier", "closed"]);
        assert_eq!(texts(0), ["harbou", "bridge", "reopen"]);
        // The second call reads the cache (same slice).
        assert!(std::ptr::eq(words.of(1), words.of(1)));
        assert!(words.of(2).is_empty());
        let opening: WordSet = words.of(1).iter().collect();
        assert_eq!(overlap(words.of(1), &opening), 1.0);
        assert_eq!(overlap(words.of(0), &opening), 0.0);
        assert_eq!(overlap(&[], &opening), 0.0);
    }

    #[test]
    fn glued_link_texts_image_words_and_bare_by_lines() {
        assert!(is_glued("HomeHarbour news"));
        assert!(is_glued("SubscribeSign in"));
        assert!(!is_glued("Harbour bridge reopens in Dover"));
        assert!(!is_glued("Harbour eTickets and McDonald's kiosks"));
        assert!(is_two_sentence_title("Bread prices fall. Here is why."));
        assert!(is_two_sentence_title("Ferries return. \"We missed them\""));
        assert!(!is_two_sentence_title("Bread prices fell in the town this month."));
        assert!(!is_two_sentence_title("Prices fell at St. Mary's market."));
        assert!(!is_two_sentence_title("Bread prices fall. more to come."));
        assert!(IMAGE_WORD.is_match("Featured image"));
        assert!(IMAGE_WORD.is_match("Company logo"));
        assert!(!IMAGE_WORD.is_match("Imagine a bridge over the harbour"));
        for t in ["By", "written BY:", "Author", "Von", "Text :"] {
            assert!(is_by_word(t), "{t}");
        }
        for t in ["By the harbour", "Bye", "", "Photo: harbour", "ú"] {
            assert!(!is_by_word(t), "{t}");
        }
        for t in ["Home › News", "News » Local", "A/B", "x > y", "Sport | Local"] {
            assert!(has_trail_separator(t), "{t}");
        }
        // Share a last byte with '›' or '»' but are no separators.
        for t in ["Perú û", "Harbour news", ""] {
            assert!(!has_trail_separator(t), "{t}");
        }
        assert!(BY_WORD.is_match("By"));
        assert!(BY_WORD.is_match("Written by:"));
        assert!(!BY_WORD.is_match("By the harbour"));
    }

    #[test]
    fn image_words_are_found_as_the_regex_finds_them() {
        // Pieces that make and break words: image words in any case, parts
        // of longer words, digits, underscores, non-ASCII letters.
        let pieces = [
            "Image",
            "PHOTOS",
            "logo",
            "pic",
            "icon_",
            "2",
            "foto",
            "imagine",
            " ",
            " ",
            "-",
            "_",
            "é",
            "ſcreenshot",
            "screenshot",
            "x",
            "Bild",
            "immagine",
            ".",
            "illustration",
            "s",
            "\u{212A}",
            "’",
            "İmage",
            "ımage",
            "ü",
            "\u{301}",
            "日本",
        ];
        let mut rng = crate::testgen::Rng::new(11);
        let mut next = |n: usize| rng.below(n);
        let (mut hits, mut misses, mut other_hits) = (0, 0, 0);
        for _ in 0..6000 {
            let k = 1 + next(5);
            let text: String = (0..k).map(|_| pieces[next(pieces.len())]).collect();
            let want = IMAGE_WORD.is_match(&text);
            assert_eq!(names_image(&text), want, "{text:?}");
            if want {
                hits += 1;
                other_hits += usize::from(!text.is_ascii());
            } else {
                misses += 1;
            }
        }
        assert!(
            hits > 100 && misses > 100 && other_hits > 100,
            "{hits} {misses} {other_hits}"
        );
        // Only 'ſ' and the Kelvin sign fold to ASCII letters.
        let letter = Regex::new("(?i)^[a-z]$").expect("static regex");
        let folding: Vec<char> = ('\u{80}'..=char::MAX)
            .filter(|c| letter.is_match(c.encode_utf8(&mut [0; 4])))
            .collect();
        assert_eq!(folding, ['ſ', '\u{212A}']);
        assert!(names_image("Kelvin \u{212A}ogo? no: LOGO é") && !names_image("logoé ¡photo2!"));
        assert!(names_image("Featured IMAGE: the pier") && !names_image("Imagine the pier"));
        // Long s folds to s: left to the regex, which finds it.
        assert!(names_image("ſcreenshot"));
        // Every word of the regex, and none longer or shorter by a letter.
        let pattern = IMAGE_WORD.as_str();
        let words = &pattern[pattern.find("b(").map_or(0, |k| k + 2)..pattern.rfind(")").unwrap_or(0)];
        assert_eq!(words.split('|').count(), 19, "{words}");
        for w in words.split('|') {
            let upper = w.to_uppercase();
            for t in [w.to_string(), upper.clone(), format!("The {upper}.")] {
                assert!(names_image(&t) && IMAGE_WORD.is_match(&t), "{t}");
            }
            for t in [format!("{w}x"), format!("x{w}"), w[..w.len() - 1].to_string()] {
                assert_eq!(names_image(&t), IMAGE_WORD.is_match(&t), "{t}");
            }
        }
    }

    #[test]
    fn separators_and_colons_are_counted_on_bytes_as_on_chars() {
        // Chars that share bytes with the separators: '÷' (C3 B7), '¢'
        // (C2 A2), '‚' (E2 80 9A), '₢' (E2 82 A2), and 'ū' (C5 AB).
        let pieces = ["|", "/", "•", "·", "÷", "¢", "‚", "₢", "ū", ":", "a", " ", "é"];
        let mut rng = crate::testgen::Rng::new(5);
        let mut next = |n: usize| rng.below(n);
        let mut counts = [0usize; 3];
        for _ in 0..3000 {
            let k = next(6);
            let text: String = (0..k).map(|_| pieces[next(pieces.len())]).collect();
            let old = text.matches(['|', '/', '•', '·']).count();
            assert_eq!(separators(&text), old, "{text:?}");
            counts[old.min(2)] += 1;
            let colon = text.char_indices().any(|(k, ch)| ch == ':' && k + 1 < text.len());
            assert_eq!(has_inner_colon(&text), colon, "{text:?}");
        }
        assert!(counts.iter().all(|&n| n > 100), "{counts:?}");
        assert_eq!(separators("News • Local · Harbour ÷ ¢"), 2);
    }

    #[test]
    fn a_summing_title_is_title_shaped_and_about_the_article() {
        let opening: Vec<Word> =
            content_words("The harbour bridge reopened on Monday after two years of repairs, the council said.")
                .collect();
        let opening: WordSet = opening.iter().collect();
        let check = |t: &str| {
            let b = blocks(&[t]);
            let words = BlockWords::new(&b);
            is_summing_title(&words, &super::super::features::of_text(t), 0, &opening)
        };
        assert!(check("Harbour bridge reopens after repairs"));
        assert!(!check("Local stories from our small coastal town"));
        assert!(!check("Harbour bridge reopens after repairs."));
        assert!(!check("harbour bridge reopens after repairs"));
    }

    #[test]
    fn caption_or_standfirst_after_a_summing_title_is_marked() {
        let opening: Vec<Word> =
            content_words("The harbour bridge reopened on Monday after two years of repairs, the council said.")
                .collect();
        let opening: WordSet = opening.iter().collect();
        let check = |prev: &str, text: &str| {
            let b = blocks(&[prev]);
            let words = BlockWords::new(&b);
            follows_title(&words, &super::super::features::of_text(prev), 0, text, &opening)
        };
        let caption = "Cars queue at the river crossing at dawn";
        assert!(check("Harbour bridge reopens after two years of repairs", caption));
        // Not a title of this article: few of its words in the opening prose.
        assert!(!check("Local stories from our small coastal town", caption));
        // A breadcrumb, a sentence, or a line that repeats the candidate.
        assert!(!check("Home / News / Harbour bridge reopens after repairs", caption));
        assert!(!check(
            "The harbour bridge reopened after two years of repairs.",
            caption
        ));
        assert!(!check(
            "Harbour bridge reopens after two years of repairs",
            "Harbour bridge reopens after two years of repairs"
        ));
    }

    /// The cues of block `i` of a page whose article starts at `start`.
    fn cues_of(b: &[Block], start: usize, i: usize) -> Option<[f32; CUES]> {
        let page = Page::new(b);
        let words = BlockWords::new(b);
        let ctx = Context::new(b, &page, &words, start, b.len() - 1, false);
        title_cues(b, &page, i, &ctx).map(|mut c| {
            costly_cues(b, &page, i, &ctx, &mut c);
            c
        })
    }

    const PROSE: &str =
        "The harbour bridge reopened on Monday after two years of repairs, the council said in a statement.";

    #[test]
    fn one_word_full_stop_and_list_item_lines_are_candidates_with_their_cue() {
        let mut b = blocks(&[
            "Lighthouses",
            "Bread prices fall. Here is why.",
            "Harbour bridge reopens",
            "Harbour bridge reopens,",
            "The harbour bridge, closed for two years while engineers replaced its cables and deck, reopened to traffic on a wet Monday.",
            PROSE,
            PROSE,
        ]);
        b[2].kind = BlockKind::ListItem;
        let cue = |i: usize, c: Cue| cues_of(&b, 5, i).map(|v| v[c as usize]);
        assert_eq!(cue(0, Cue::Words1), Some(1.0));
        assert_eq!(cue(1, Cue::FullStop), Some(1.0));
        assert_eq!(cue(1, Cue::Words1), Some(0.0));
        assert_eq!(cue(2, Cue::ListItem), Some(1.0));
        assert_eq!(cue(2, Cue::FullStop), Some(0.0));
        // A line cut at a comma, and a long sentence, are not titles.
        assert_eq!(cue(3, Cue::Words1), None);
        let quoted = blocks(&["\"The bridge is safe,\" the mayor said. \"", PROSE, PROSE]);
        assert!(cues_of(&quoted, 1, 0).is_none());
        assert_eq!(cue(4, Cue::FullStop), None);
        // Too short to be a word.
        assert!(cues_of(&blocks(&["Go", PROSE, PROSE]), 1, 0).is_none());
    }

    #[test]
    fn numbered_items_are_told_from_titles_that_open_with_a_number() {
        for t in [
            "#1. Harbour Tours: the best boat",
            "# 2 Ferry",
            "3. Pier walk",
            "4) Lighthouse",
            "No. 5 Beach",
        ] {
            assert!(is_numbered_item(t), "{t}");
        }
        for t in [
            "12 ways to see the harbour",
            "1.5 million tickets sold",
            "#3Harbour",
            "Pier 7",
        ] {
            assert!(!is_numbered_item(t), "{t}");
        }
    }

    #[test]
    fn parallel_headings_of_a_list_article_are_siblings() {
        let b = blocks(&[
            "Best Ferries of the Coast",
            "Best for Families: the Blue Ferry",
            PROSE,
            "Best for Speed: the Red Ferry",
            PROSE,
            "The Harbour Guide",
            PROSE,
            "The Pier Café",
            "#1. Blue Ferry",
            PROSE,
            "#2. Red Ferry",
        ]);
        let page = Page::new(&b);
        let mut cands: Vec<(usize, [f32; CUES])> = [0, 1, 3, 5, 7, 8, 10].iter().map(|&i| (i, [0.0; CUES])).collect();
        mark_siblings(&mut cands, &b, &page);
        let marked: Vec<usize> = cands
            .iter()
            .filter(|(_, c)| c[Cue::Sibling as usize] == 1.0)
            .map(|(i, _)| *i)
            .collect();
        // The title has no colon, unlike the items that share its first
        // word; "The ..." opens with a function word; numbered items pair.
        assert_eq!(marked, [1, 3, 8, 10]);
        // Next to each other only (an image's alt text and its caption).
        let near = blocks(&[
            "Best for Families: the Blue Ferry",
            "Best for Speed: the Red Ferry",
            PROSE,
        ]);
        let mut cands: Vec<(usize, [f32; CUES])> = vec![(0, [0.0; CUES]), (1, [0.0; CUES])];
        mark_siblings(&mut cands, &near, &Page::new(&near));
        assert!(cands.iter().all(|(_, c)| c[Cue::Sibling as usize] == 0.0));
    }

    /// [`mark_siblings`] as it was (lower-cased strings, every group's
    /// blocks listed).
    fn mark_siblings_reference(cands: &mut [(usize, [f32; CUES])], blocks: &[Block], page: &Page) {
        let key = |i: usize| -> Option<(Box<str>, bool)> {
            let f = &page.feats[i];
            if !(2..=20).contains(&f.words) || page.is_prose(i) {
                return None;
            }
            let text = blocks[i].text.trim();
            if is_numbered_item(text) {
                return Some(("#".into(), false));
            }
            let first = text
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .find(|w| !w.is_empty())?
                .to_lowercase();
            (!super::super::lexicon::is_stop_word(&first)).then(|| (first.into_boxed_str(), text.contains(':')))
        };
        let keys: Vec<Option<(Box<str>, bool)>> = cands.iter().map(|&(i, _)| key(i)).collect();
        let mut groups: FxHashMap<&(Box<str>, bool), Vec<usize>> = FxHashMap::default();
        for (k, &(i, _)) in keys.iter().zip(cands.iter()) {
            if let Some(k) = k {
                groups.entry(k).or_default().push(i);
            }
        }
        for (k, (i, c)) in keys.iter().zip(cands.iter_mut()) {
            if let Some(group) = k.as_ref().and_then(|k| groups.get(k))
                && group.iter().any(|&j| j.abs_diff(*i) > 1)
            {
                c[Cue::Sibling as usize] = 1.0;
            }
        }
    }

    #[test]
    fn siblings_are_marked_as_the_reference_marks_them_on_generated_pages() {
        let pieces = [
            "Best for families: the blue ferry",
            "Best for speed",
            "BEST for hills",
            "best_value picks",
            "The harbour guide",
            "#1. Blue ferry",
            "2) Red ferry",
            "Ärzte warnen vor Hitze",
            "ÄRZTE im Hafen",
            "Übersicht der Fähren",
            "Overwhelmingly good ferries",
            "overwhelmingly GOOD",
            "Harbour",
            "Which ferry is best?",
            "WHICH bridge",
            "12345678 tickets sold",
            "123456789 tickets",
            "\u{212A}elvin bridges",
            "kelvin bridges",
            "\u{212A}ELVINBRIDGES of the coast",
            "kelvinbridges of the coast",
            PROSE,
        ];
        let mut rng = crate::testgen::Rng::new(41);
        let mut next = |n: usize| rng.below(n);
        let mut marked = 0;
        for _ in 0..1500 {
            let texts: Vec<&str> = (0..2 + next(12)).map(|_| pieces[next(pieces.len())]).collect();
            let b = blocks(&texts);
            let page = Page::new(&b);
            let mut cands: Vec<(usize, [f32; CUES])> =
                (0..b.len()).filter(|_| next(4) > 0).map(|i| (i, [0.0; CUES])).collect();
            let mut want = cands.clone();
            mark_siblings(&mut cands, &b, &page);
            mark_siblings_reference(&mut want, &b, &page);
            assert_eq!(cands, want, "{texts:?}");
            marked += cands.iter().filter(|(_, c)| c[Cue::Sibling as usize] == 1.0).count();
        }
        assert!(marked > 1000, "{marked}");
    }

    #[test]
    fn a_glued_name_used_in_the_article_is_not_glued_link_text() {
        let prose =
            "The ferry line SeaLink added two boats on Monday after a busy summer, the company said in a statement.";
        let b = blocks(&[
            "SeaLink adds two boats to harbour route",
            "SubscribeSign in now",
            prose,
            prose,
        ]);
        let glued = |i: usize| cues_of(&b, 2, i).map(|c| c[Cue::Glued as usize]);
        assert_eq!(glued(0), Some(0.0));
        assert_eq!(glued(1), Some(1.0));
        assert!(glued_words("Ferry news").next().is_none());
    }

    #[test]
    fn a_byline_soon_after_and_the_first_line_are_marked() {
        let mut b = blocks(&[
            "Coast Herald",
            "Local news",
            "Harbour bridge reopens",
            "Photo of the bridge",
            "By Anna Baker",
            PROSE,
            PROSE,
        ]);
        b[4].chrome = Some("byline");
        let cue = |i: usize, c: Cue| cues_of(&b, 5, i).map(|v| v[c as usize]);
        assert_eq!(cue(2, Cue::BylineNear), Some(1.0));
        assert_eq!(cue(0, Cue::BylineNear), Some(0.0));
        assert_eq!(cue(0, Cue::FirstBlock), Some(1.0));
        assert_eq!(cue(2, Cue::FirstBlock), Some(0.0));
    }

    #[test]
    fn relative_and_reading_times_are_meta_not_titles() {
        for t in [
            "Anna Baker | Published 5 hours ago",
            "Anna Baker 4 minutes read",
            "3 min read",
            "vor 2 Stunden",
            "il y a 3 jours",
            "hace 2 horas",
        ] {
            assert!(is_relative_time(t), "{t}");
        }
        for t in [
            "Ten years ago the harbour closed",
            "Read 5 stories",
            "5 hours of rain",
            "Harbour reopens",
        ] {
            assert!(!is_relative_time(t), "{t}");
        }
        // A relative time under a line counts as its date line, and is no
        // candidate itself.
        let b = blocks(&["Harbour bridge reopens", "Anna Baker | 2 hours ago", PROSE, PROSE]);
        assert_eq!(cues_of(&b, 2, 0).map(|c| c[Cue::MetaNext as usize]), Some(1.0));
        assert!(cues_of(&b, 2, 1).is_none());
    }

    #[test]
    fn a_name_under_a_bare_by_line_is_meta_not_a_title() {
        let b = blocks(&[
            "Harbour bridge reopens after repairs",
            "By",
            "Anna Baker",
            "Photo",
            "Harbour Desk",
            PROSE,
            PROSE,
        ]);
        // The name under "By" is no candidate, and counts as the title's
        // byline.
        assert!(cues_of(&b, 5, 2).is_none());
        assert_eq!(cues_of(&b, 5, 0).map(|c| c[Cue::MetaNext as usize]), Some(1.0));
        // The same short line under any other line is a candidate.
        assert!(cues_of(&b, 5, 4).is_some());
        // A long line under "By" is no name: a candidate, marked.
        let long = blocks(&[
            "By",
            "Harbour bridge reopens after two years of repairs to its deck",
            PROSE,
            PROSE,
        ]);
        assert_eq!(cues_of(&long, 2, 1).map(|c| c[Cue::AfterByWord as usize]), Some(1.0));
    }

    #[test]
    fn a_long_line_labelled_newsletter_is_a_candidate_a_short_one_is_not() {
        let mut b = blocks(&[
            "How I grew my harbour newsletter to ten thousand readers",
            "Subscribe to our newsletter",
            "Home",
            PROSE,
            PROSE,
        ]);
        b[0].chrome = Some("newsletter");
        b[1].chrome = Some("newsletter");
        b[2].chrome = Some("menu");
        assert!(cues_of(&b, 3, 0).is_some());
        assert!(cues_of(&b, 3, 1).is_none());
        assert!(cues_of(&b, 3, 2).is_none());
    }

    #[test]
    fn a_line_right_after_prose_is_marked() {
        let b = blocks(&["Harbour bridge reopens", PROSE, "What happens next", PROSE]);
        assert_eq!(cues_of(&b, 1, 2).map(|c| c[Cue::AfterProse as usize]), Some(1.0));
        assert_eq!(cues_of(&b, 1, 0).map(|c| c[Cue::AfterProse as usize]), Some(0.0));
    }

    #[test]
    fn a_line_that_ends_a_breadcrumb_is_marked() {
        let b = blocks(&[
            "Home › Local › Harbour bridge reopens",
            "Harbour bridge reopens",
            "Ferry / Seaharbour",
            "harbour",
            "Harbour bridge reopens soon",
            "Ferry timetable changes",
            "Winter ferry timetable changes",
            "News",
        ]);
        let page = Page::new(&b);
        let trails = trail_blocks(&b);
        assert_eq!(trails, [0, 2]);
        assert!(ends_trail(&page, 1, &trails));
        // Inside a word, not at the end, the end of a line that is no
        // trail, too short, or the trail itself.
        assert!(!ends_trail(&page, 3, &trails));
        assert!(!ends_trail(&page, 4, &trails));
        assert!(!ends_trail(&page, 5, &trails));
        assert!(!ends_trail(&page, 7, &trails));
        assert!(!ends_trail(&page, 0, &trails));
        // As the comparison of whole ends, on generated trails.
        let steps = ["Home", "news", "storm", "harbour", "é", "News"];
        let seps = [" / ", " › ", "/", " | ", " ", ""];
        let mut rng = crate::testgen::Rng::new(3);
        let mut next = |n: usize| rng.below(n);
        let mut found = [0usize; 2];
        for _ in 0..300 {
            let texts: Vec<String> = (0..5)
                .map(|_| {
                    (0..1 + next(4))
                        .map(|_| format!("{}{}", seps[next(seps.len())], steps[next(steps.len())]))
                        .collect::<String>()
                        .trim()
                        .to_string()
                })
                .collect();
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            let b = blocks(&refs);
            let page = Page::new(&b);
            let trails = trail_blocks(&b);
            for i in 0..b.len() {
                let key = &page.keys[i];
                let old = key.len() >= 6
                    && trails.iter().any(|&j| {
                        let other = &page.keys[j];
                        j != i
                            && other.len() > key.len()
                            && other.ends_with(key.as_str())
                            && other[..other.len() - key.len()]
                                .chars()
                                .next_back()
                                .is_some_and(|c| !c.is_alphanumeric())
                    });
                assert_eq!(ends_trail(&page, i, &trails), old, "{i} {texts:?}");
                found[usize::from(old)] += 1;
            }
        }
        assert!(found.iter().all(|&n| n > 10), "{found:?}");
    }

    #[test]
    fn the_most_overlapping_long_candidates_are_marked() {
        let b = blocks(&["Harbour bridge reopens after repairs", "Ferry news today now", "Bridge"]);
        let page = Page::new(&b);
        let with = |ovl: f32| {
            let mut c = [0.0; CUES];
            c[Cue::Overlap as usize] = ovl;
            c
        };
        // The one-word block overlaps most but is too short to count.
        let mut cands = vec![(0, with(0.8)), (1, with(0.2)), (2, with(1.0))];
        mark_most_overlap(&mut cands, &page);
        let marked: Vec<f32> = cands.iter().map(|(_, c)| c[Cue::MostOverlap as usize]).collect();
        assert_eq!(marked, [1.0, 0.0, 0.0]);
        // No overlap at all: nothing is marked.
        let mut none = vec![(0, with(0.0)), (1, with(0.0))];
        mark_most_overlap(&mut none, &page);
        assert!(none.iter().all(|(_, c)| c[Cue::MostOverlap as usize] == 0.0));
    }

    #[test]
    fn the_bound_chooses_the_headline_the_full_scorer_chooses_on_generated_pages() {
        let pieces = [
            "Harbour bridge reopens after two years of repairs",
            "Bridge reopens: what drivers need to know",
            "Home › News › Harbour bridge reopens after two years of repairs",
            "News / Local / Harbour",
            "By Jane Roe",
            "March 3, 2025",
            "5 hours ago",
            "Menu",
            "Subscribe",
            "HomeNewsSport",
            "Harbour bridge photo",
            "Best for families: the blue ferry",
            "Best for speed: the red ferry",
            "Why did the bridge close?",
            "Bridge repairs | Harbour news | Ferries",
            "The harbour bridge reopened on Monday after two years of repairs, the council said in a statement.",
            "Drivers will save twenty minutes a day on the way to the harbour and the town centre, it said.",
            "Engineers replaced the cables and the deck of the bridge, which had been closed since the storm.",
            "Ferry timetable changes",
            "Related stories",
            "Tidal power",
            "Lighthouse",
        ];
        let mut rng = crate::testgen::Rng::new(37);
        let mut next = |n: usize| rng.below(n);
        let (mut found, mut inside, mut none) = (0, 0, 0);
        for _ in 0..1500 {
            let texts: Vec<&str> = (0..3 + next(30)).map(|_| pieces[next(pieces.len())]).collect();
            let mut b = blocks(&texts);
            crate::cleaner::text::label_chrome(&mut b, &crate::cleaner::Rules::default());
            if next(3) == 0 {
                b[next(texts.len())].kind = BlockKind::ListItem;
            }
            let page = Page::new(&b);
            let start = next(b.len());
            let end = start + next(b.len() - start);
            let chrome_free = next(4) == 0;
            let got = choose_headline(&b, &page, start, end, chrome_free, true);
            let want = choose_headline(&b, &page, start, end, chrome_free, false);
            assert_eq!(got, want, "{texts:?} {start} {end} {chrome_free}");
            match want {
                Some((h, _)) if h > start => inside += 1,
                Some(_) => found += 1,
                None => none += 1,
            }
        }
        assert!(found > 300 && inside > 30 && none > 30, "{found} {inside} {none}");
    }

    #[test]
    fn a_headline_with_a_full_stop_is_found() {
        let page_text = [
            "Search",
            "Subscribe",
            "Bread prices fall. Here is why.",
            "By Anna Baker",
            "The price of a loaf of bread fell for the third month in a row, as cheaper wheat reached the bakeries of the town.",
            "Bakers said the price of flour had dropped by a fifth since the summer, and that they passed the saving on.",
        ];
        let mut b = blocks(&page_text);
        crate::cleaner::text::label_chrome(&mut b, &crate::cleaner::Rules::default());
        super::super::region::select(&mut b);
        assert_eq!(b[2].chrome, Some(crate::cleaner::text::HEADLINE), "{b:?}");
    }
}
