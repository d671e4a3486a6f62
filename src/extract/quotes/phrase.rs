//! Words and noun phrases of attribution clauses.
//!
//! A tiny, rule-based reader: it splits text into words with byte offsets
//! and recognises the noun phrases that name a speaker (a pronoun, a name
//! with its titles, an organisation, or a description such as "the
//! mayor"). No tagger: capitalisation, titles and small word lists do the
//! work, which is enough for the short clauses around a quote.

use super::lexicon::{self, Gender, Pronoun};
use crate::extract::ner::with_lower;
use std::cell::RefCell;
use std::ops::Range;

/// A word with its byte range in the body (without surrounding punctuation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok<'a> {
    /// The word itself; abbreviations keep their dot ("Sen.", "U.S.").
    pub w: &'a str,
    pub span: Range<usize>,
    /// Punctuation before the word (brackets, marks).
    pub lead: &'a str,
    /// Punctuation after the word (commas, dots, marks, brackets).
    pub trail: &'a str,
    /// Written with a possessive `'s` (the suffix is not in `w`).
    pub poss: bool,
}

impl Tok<'_> {
    pub fn is_cap(&self) -> bool {
        self.w.chars().next().is_some_and(char::is_uppercase)
    }
    pub fn comma_after(&self) -> bool {
        self.trail.contains([',', ';', '(', ')', '—', '–', '―'])
    }
    pub fn colon_after(&self) -> bool {
        self.trail.contains(':')
    }
    /// Whether a sentence ends right after this word.
    /// Whether a sentence ends right after this word (a dot inside
    /// brackets, as in "(D-Ore.)", does not end one).
    pub fn ends_sentence(&self) -> bool {
        self.trail
            .trim_end_matches(['"', '“', '”', '’', '\'', '»', '*'])
            .ends_with(['.', '!', '?', '…'])
    }

    pub fn is_pronoun(&self) -> bool {
        !self.poss && lexicon::pronoun(self.w).is_some()
    }
    /// Punctuation-only token (a dash standing alone).
    pub fn is_punct(&self) -> bool {
        self.w.is_empty()
    }
}

/// Abbreviations whose dot does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Mx.", "Dr.", "Prof.", "Sen.", "Sens.", "Rep.", "Reps.", "Gov.", "Lt.", "Gen.", "Col.",
    "Maj.", "Capt.", "Sgt.", "Adm.", "Cmdr.", "Rev.", "St.", "Jr.", "Sr.", "Inc.", "Co.", "Corp.", "Ltd.", "Jan.",
    "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.", "No.", "vs.", "Del.", "Amb.", "Supt.",
    "Pres.", "Sec.", "Atty.", "Cpl.", "Pvt.", "Msgr.", "Fr.", "Hon.", "Gov.", "Ft.", "Mt.", "Gens.", "Ave.", "Blvd.",
    "Dept.", "Univ.",
];

/// [`ABBREVIATIONS`] as a set: every sentence-final word is looked up.
static ABBREVIATION_SET: std::sync::LazyLock<crate::extract::lexicon::Sketched<&'static str>> =
    std::sync::LazyLock::new(|| ABBREVIATIONS.iter().copied().collect());

fn is_abbreviation(word_with_dot: &str) -> bool {
    if ABBREVIATION_SET.contains(word_with_dot) {
        return true;
    }
    let core = word_with_dot.trim_end_matches('.');
    // Initials ("J.") and dotted acronyms ("U.S.", "D.C.", "a.m.").
    (core.chars().count() == 1 && core.chars().all(char::is_uppercase)) || core.contains('.')
}

const fn is_lead_punct(c: char) -> bool {
    matches!(
        c,
        '(' | '['
            | '{'
            | '"'
            | '“'
            | '”'
            | '„'
            | '‘'
            | '’'
            | '\''
            | '«'
            | '»'
            | '—'
            | '–'
            | '―'
            | '…'
            | '*'
            | '-'
    )
}

const fn is_trail_punct(c: char) -> bool {
    matches!(
        c,
        ')' | ']'
            | '}'
            | '"'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '\''
            | '«'
            | '»'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '.'
            | '—'
            | '–'
            | '―'
            | '…'
            | '*'
    )
}

/// Whether the character at byte `i` of `text` is whitespace, and its
/// length. ASCII bytes are tested without decoding (`char::is_whitespace`
/// on ASCII is 09–0D and the space).
#[inline]
fn space_at(text: &str, i: usize) -> (bool, usize) {
    match text.as_bytes()[i] {
        b @ 0..0x80 => (matches!(b, 0x09..=0x0D | b' '), 1),
        _ => text
            .get(i..)
            .and_then(|r| r.chars().next())
            .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
    }
}

/// ASCII bytes that [`is_lead_punct`] (bit 1) and [`is_trail_punct`]
/// (bit 2) accept, so that trimming a word decodes only non-ASCII marks.
static ASCII_PUNCT: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8 as char;
        t[b] = (is_lead_punct(c) as u8) | ((is_trail_punct(c) as u8) << 1);
        b += 1;
    }
    t
};

/// Bytes of lead punctuation at the start of `s`.
fn lead_punct_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            if ASCII_PUNCT[usize::from(b)] & 1 == 0 {
                break;
            }
            i += 1;
        } else {
            match s[i..].chars().next() {
                Some(c) if is_lead_punct(c) => i += c.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

/// `s` without its trailing punctuation.
fn trim_trail_punct(s: &str) -> &str {
    let bytes = s.as_bytes();
    let mut e = bytes.len();
    while e > 0 {
        let b = bytes[e - 1];
        if b < 0x80 {
            if ASCII_PUNCT[usize::from(b)] & 2 == 0 {
                break;
            }
            e -= 1;
        } else {
            match s[..e].chars().next_back() {
                Some(c) if is_trail_punct(c) => e -= c.len_utf8(),
                _ => break,
            }
        }
    }
    &s[..e]
}

/// Words of `body[range]`, in order.
pub fn tokenize(body: &str, range: Range<usize>) -> Vec<Tok<'_>> {
    let text = &body[range.clone()];
    // About one token per six bytes of prose, more in short-worded text:
    // room for one per five, so that `out` (72 bytes a token) is rarely
    // copied into a doubled buffer.
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII spaces, the most common byte between words, are skipped
        // without a call.
        let (space, len) = match bytes[i] {
            b @ 0..0x80 => (matches!(b, 0x09..=0x0D | b' '), 1),
            _ => space_at(text, i),
        };
        if space {
            i += len;
            continue;
        }
        // A word: the run of non-space characters from `f`. ASCII bytes
        // other than spaces are skipped without a call per byte.
        let f = i;
        i += len;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if matches!(b, 0x09..=0x0D | b' ') {
                    break;
                }
                i += 1;
                continue;
            }
            let (space, len) = space_at(text, i);
            if space {
                break;
            }
            i += len;
        }
        out.push(word_tok(&text[f..i], range.start + f));
    }
    out
}

/// The token of one whitespace-delimited word `raw` that starts at byte
/// `start` of the body.
fn word_tok(raw: &str, start: usize) -> Tok<'_> {
    let lead_len = lead_punct_len(raw);
    let rest = &raw[lead_len..];
    let mut core = trim_trail_punct(rest);
    // Keep the dot of abbreviations and initials.
    if rest.len() > core.len() && rest.as_bytes()[core.len()] == b'.' && !core.is_empty() {
        let with_dot = &rest[..core.len() + 1];
        if is_abbreviation(with_dot) {
            core = with_dot;
        }
    }
    let mut poss = false;
    let mut w = core;
    // Every possessive suffix ends in "s", "'" or the last byte of "’".
    if matches!(core.as_bytes().last(), Some(b's' | b'\'' | 0x99)) {
        for suffix in ["'s", "’s", "s'", "s’"] {
            if let Some(stem) = core.strip_suffix(suffix)
                && !stem.is_empty()
            {
                // "He's" is a contraction, not a possessive.
                if lexicon::pronoun(stem).is_some() || stem.eq_ignore_ascii_case("that") {
                    w = stem;
                    break;
                }
                poss = true;
                w = if suffix.starts_with('s') {
                    &core[..stem.len() + 1]
                } else {
                    stem
                };
                break;
            }
        }
    }
    let wstart = start + lead_len;
    Tok {
        w,
        span: wstart..wstart + w.len(),
        lead: &raw[..lead_len],
        trail: &rest[core.len()..],
        poss,
    }
}

/// What a speaker phrase refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NpKind {
    Pronoun(Pronoun),
    /// A person's name, titles stripped.
    Name,
    /// A named organisation or group ("White House", "CNN").
    Org,
    /// A common-noun description ("the mayor", "Iranian officials").
    Description,
}

/// A speaker phrase found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Np {
    pub kind: NpKind,
    /// The phrase as it will be output (name without titles; organisation
    /// without a leading "the"; description as written).
    pub text: String,
    /// Byte range of the whole phrase in the body.
    pub span: Range<usize>,
    /// Gender told by an honorific ("Mr.", "Mrs.").
    pub gender: Option<Gender>,
}

fn is_name_word(t: &Tok) -> bool {
    t.is_cap()
        && !t.is_punct()
        && t.w.chars().any(char::is_alphabetic)
        // "I'd", "We've": contractions are never names (each ends in d,
        // l, e or m, so other words skip the ten suffix tests).
        && !(matches!(t.w.as_bytes().last(), Some(b'd' | b'l' | b'e' | b'm'))
            && ["'d", "’d", "'ll", "’ll", "'ve", "’ve", "'re", "’re", "'m", "’m"]
                .iter()
                .any(|c| t.w.ends_with(c)))
        // "Calls for a new plan": a capitalised verb of saying.
        && !lexicon::is_capitalised_cue(t.w)
}

/// Join tokens `toks[a..b]` as written in the body (possessives included).
fn joined(body: &str, toks: &[Tok], a: usize, b: usize) -> String {
    if a >= b {
        return String::new();
    }
    let start = toks[a].span.start;
    let last = &toks[b - 1];
    let end = last.span.end
        + if last.poss {
            possessive_len(body, last.span.end)
        } else {
            0
        };
    body.get(start..end).unwrap_or_default().to_string()
}

fn possessive_len(body: &str, end: usize) -> usize {
    let rest = body.get(end..).unwrap_or_default();
    ["'s", "’s", "'", "’"]
        .iter()
        .find(|s| rest.starts_with(**s))
        .map_or(0, |s| s.len())
}

/// End (exclusive) of a capitalised chain starting at `i`: names, initials,
/// particles and "of" between capitalised words; stops after a word followed
/// by punctuation or a possessive.
pub fn chain_end(toks: &[Tok], i: usize, limit: usize) -> usize {
    let mut j = i;
    while j < limit {
        let t = &toks[j];
        let joins = is_name_word(t)
            || ((lexicon::is_particle(t.w) || t.w == "of" || t.w == "&")
                && j > i
                && toks.get(j + 1).is_some_and(is_name_word)
                && j + 1 < limit);
        if !joins || (j > i && !t.lead.is_empty() && t.lead.contains('(')) {
            break;
        }
        j += 1;
        if t.poss || t.comma_after() || t.colon_after() || t.ends_sentence() || t.trail.contains(['"', '”', '“']) {
            break;
        }
    }
    j
}

/// The words of one body, with the readings of the capitalised chains
/// classified so far: the passes over a document (names, sentence
/// subjects, cue subjects, attributions) meet most chains several times,
/// and a reading depends only on the body and the chain's token range.
/// Use it only with the body it was tokenised from.
pub struct Toks<'a> {
    toks: Vec<Tok<'a>>,
    /// By first token: the chain's end and its reading (the first range
    /// classified from that token; other ends are not kept).
    chains: RefCell<Chains>,
    /// By first token: one plus [`chain_end`] up to the end of the text,
    /// once asked (zero: not yet).
    ends: RefCell<Vec<u32>>,
}

/// A chain's end (exclusive) and its reading.
type ChainReading = (usize, Option<Np>);

/// The readings kept, and by token one plus the index of the reading of
/// the chain starting there (zero: none yet). One in ten or so tokens
/// starts a chain, so a slot per token holds an index, not a reading.
#[derive(Default)]
struct Chains {
    slot: Vec<u32>,
    readings: Vec<ChainReading>,
}

impl<'a> Toks<'a> {
    pub fn new(toks: Vec<Tok<'a>>) -> Toks<'a> {
        let chains = RefCell::new(Chains {
            slot: vec![0; toks.len()],
            readings: Vec::new(),
        });
        let ends = RefCell::new(vec![0; toks.len()]);
        Toks { toks, chains, ends }
    }

    /// [`chain_end`], remembered per first token: the names pass asks every
    /// chain up to the end of the text, the narrative pass again up to the
    /// end of a piece. A chain that ends before `limit` when nothing limits
    /// it ends at the same token with `limit` (each test that `limit` can
    /// change only turns a join off), so the end found without a limit
    /// serves every larger `limit`.
    pub fn chain_end(&self, i: usize, limit: usize) -> usize {
        let known = self.ends.borrow().get(i).map_or(0, |&e| e as usize);
        if let Some(end) = known.checked_sub(1).filter(|&e| e < limit) {
            return end;
        }
        let end = chain_end(self, i, limit);
        if limit == self.toks.len()
            && let (Some(slot), Ok(e)) = (self.ends.borrow_mut().get_mut(i), u32::try_from(end + 1))
        {
            *slot = e;
        }
        end
    }
}

impl<'a> std::ops::Deref for Toks<'a> {
    type Target = [Tok<'a>];
    fn deref(&self) -> &[Tok<'a>] {
        &self.toks
    }
}

/// Classify a capitalised chain `toks[a..b]`: strip titles, tell names
/// from organisations.
pub fn classify_chain(body: &str, toks: &Toks, a: usize, b: usize) -> Option<Np> {
    with_chain(body, toks, a, b, |np| np.cloned())
}

/// `f` of [`classify_chain`]'s reading, borrowed: each range is
/// classified once per document.
pub fn with_chain<R>(body: &str, toks: &Toks, a: usize, b: usize, f: impl FnOnce(Option<&Np>) -> R) -> R {
    let mut chains = toks.chains.borrow_mut();
    let Chains { slot, readings } = &mut *chains;
    let Some(slot) = slot.get_mut(a) else {
        return f(classify_chain_uncached(body, toks, a, b).as_ref());
    };
    match (*slot as usize).checked_sub(1).and_then(|i| readings.get(i)) {
        Some((end, np)) if *end == b => f(np.as_ref()),
        Some(_) => f(classify_chain_uncached(body, toks, a, b).as_ref()),
        None => match u32::try_from(readings.len() + 1) {
            Ok(next) => {
                *slot = next;
                readings.push((b, classify_chain_uncached(body, toks, a, b)));
                f(readings.last().and_then(|(_, np)| np.as_ref()))
            }
            Err(_) => f(classify_chain_uncached(body, toks, a, b).as_ref()),
        },
    }
}

/// [`classify_chain`] without the memo.
fn classify_chain_uncached(body: &str, toks: &[Tok], a: usize, b: usize) -> Option<Np> {
    // "But Jane Roe", "Jane Roe Can": sentence words around a name.
    let mut a = a;
    let mut b = b;
    while a < b && toks[a].w != "The" && lexicon::NON_NAME_CAPS.contains(toks[a].w) {
        a += 1;
    }
    while b > a && lexicon::NON_NAME_CAPS.contains(toks[b - 1].w) {
        b -= 1;
    }
    if a >= b {
        return None;
    }
    let span = toks[a].span.start..toks[b - 1].span.end;
    let mut gender = None;
    // The name starts after the last title followed by a non-title word.
    let mut name_start = a;
    for (k, t) in toks.iter().enumerate().take(b).skip(a) {
        // A capitalised role word inside a chain works as a title:
        // "Westfield High School Principal Jane Roe".
        // The word tests run only where a title could stand (not on the
        // chain's last word nor a possessive).
        let role = |t: &Tok| k > a && lexicon::is_person_word(t.w) || crate::extract::ner::is_compound_title(t.w);
        if k + 1 < b && !t.poss && (lexicon::is_title(t.w) || role(t)) {
            name_start = k + 1;
            if let Some(g) = lexicon::honorific_gender(t.w) {
                gender = Some(g);
            }
        }
    }
    let first = toks[a].w;
    // "Jane Roe of Maryland": the name ends before "of".
    if let Some(p) = toks[name_start..b].iter().position(|t| t.w == "of") {
        let head = &toks[name_start..name_start + p];
        if !head.is_empty()
            && first != "The"
            && (name_start > a || head.len() >= 2)
            && !head.iter().any(|t| lexicon::is_org_word(t.w))
        {
            b = name_start + p;
        }
    }
    let words = &toks[name_start..b];
    let org = first == "The"
        || toks[a..b]
            .iter()
            .any(|t| matches!(t.w, "on" | "for" | "against" | "to"))
        || words
            .iter()
            .any(|t| lexicon::is_org_word(t.w) || t.w == "of" || t.w == "&")
        || (words.len() == 1
            && words[0].w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && words[0].w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
            && words[0].w.len() <= 4);
    if org {
        let from = if first == "The" { a + 1 } else { a };
        let text = joined(body, toks, from, b);
        return (!text.is_empty()).then_some(Np {
            kind: NpKind::Org,
            text: text
                .trim_end_matches(['\'', '’'])
                .trim_end_matches("'s")
                .trim_end_matches("’s")
                .to_string(),
            span,
            gender: None,
        });
    }
    if name_start == a && lexicon::NON_NAME_CAPS.contains(first) {
        return None;
    }
    // "Chief Executive": titles and roles only, nobody named.
    if words
        .iter()
        .all(|t| lexicon::is_title(t.w) || lexicon::is_role_word_lower(t.w))
    {
        return Some(Np {
            kind: NpKind::Description,
            text: joined(body, toks, a, b),
            span,
            gender: None,
        });
    }
    let imperative = toks
        .get(b)
        .is_some_and(|t| matches!(t.w, "the" | "a" | "an" | "your" | "our" | "this" | "my"));
    if name_start == a && words.len() == 1 && !bare_word_names(words[0].w, imperative) {
        return None;
    }
    // The words joined by single spaces, only now that a name is read.
    let mut text = String::with_capacity(words.iter().map(|t| t.w.len() + 1).sum());
    for (i, t) in words.iter().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(t.w);
    }
    Some(Np {
        kind: NpKind::Name,
        text,
        span,
        gender,
    })
}

/// Whether a lone capitalised word, with no title, can name a speaker.
/// Not when it is a function word of another language ("Le maire ..."), a
/// state or country that is no one's name ("... in Massachusetts, Jane
/// Roe, told"), or a common word used as a verb before an article ("Get
/// the ..."; common words alone are no veto: "Trump", "Bush").
fn bare_word_names(w: &str, before_article: bool) -> bool {
    let g = &crate::extract::gazetteer::GAZETTEER;
    // Each look-up runs only when the ones before leave the answer open.
    if with_lower(w, crate::cleaner::text::lexicon::is_stop_word) {
        return false;
    }
    if g.is_given(w) || g.is_surname(w) {
        return true;
    }
    // Small towns share names with people ("Karanja"); states and
    // countries do not speak.
    !(before_article && g.is_common(w) || g.place(w).is_some_and(|p| p.is_major() || p.kind != "city"))
}

/// Discourse words that may open a clause before its subject.
fn is_discourse(w: &str) -> bool {
    matches!(
        w,
        "But" | "And" | "So" | "Yet" | "Then" | "Also" | "Still" | "However" | "but" | "and" | "so" | "then" | "also"
    )
}

/// The noun phrase starting at `i` (before `limit`), read forwards, with
/// the index after it. A description followed by a comma and a name
/// ("his running mate, Mike Pence,") yields the name.
pub fn np_forward(body: &str, toks: &Toks, mut i: usize, limit: usize) -> Option<(Np, usize)> {
    while i < limit && (is_discourse(toks[i].w) || toks[i].is_punct()) {
        i += 1;
    }
    let t = toks.get(i).filter(|_| i < limit)?;
    if t.is_pronoun() {
        let p = lexicon::pronoun(t.w)?;
        return Some((
            Np {
                kind: NpKind::Pronoun(p),
                text: t.w.to_string(),
                span: t.span.clone(),
                gender: None,
            },
            i + 1,
        ));
    }
    // "the White House": an organisation behind its article.
    if t.w == "the" && toks.get(i + 1).is_some_and(is_name_word) && i + 1 < limit {
        let end = toks.chain_end(i + 1, limit);
        if let Some(np) = classify_chain(body, toks, i + 1, end)
            && np.kind == NpKind::Org
            && !toks[end - 1].poss
        {
            return Some((
                Np {
                    span: t.span.start..np.span.end,
                    ..np
                },
                end,
            ));
        }
    }
    let (np, next) = if is_name_word(t) || lexicon::is_title(t.w) {
        let end = toks.chain_end(i, limit);
        let last_poss = toks[end - 1].poss;
        if let Some(found) =
            name_after_modifiers(body, toks, end, limit).filter(|_| !last_poss && !toks[end - 1].comma_after())
        {
            found
        } else if last_poss || (end < limit && starts_description_tail(&toks[end]) && !toks[end - 1].comma_after()) {
            description_forward(body, toks, i, limit)?
        } else if let Some(head) = role_tail(toks, end, limit).filter(|_| !toks[end - 1].comma_after()) {
            // "Farm union leaders": a group named by its role noun.
            let np = Np {
                kind: NpKind::Description,
                text: joined(body, toks, i, head),
                span: toks[i].span.start..toks[head - 1].span.end,
                gender: None,
            };
            (np, head)
        } else if let Some(np) = classify_chain(body, toks, i, end) {
            (np, end)
        } else {
            // A capitalised common word opening a description ("Federal
            // councillor Jane Roe", "One of the rescuers, Jane Roe,").
            description_forward(body, toks, i, limit)?
        }
    } else if lexicon::DETERMINERS.contains_lower(t.w)
        || (t.w.chars().next().is_some_and(char::is_lowercase)
            && !lexicon::CLAUSE_WORDS.contains(t.w)
            && !lexicon::is_cue(t.w))
    {
        description_forward(body, toks, i, limit)?
    } else {
        return None;
    };
    // "One of the rescuers, Jane Roe, said": a partitive description.
    let mut apos = next;
    if np.kind == NpKind::Description
        && toks.get(next).is_some_and(|t| t.w == "of")
        && let Some(c) = (next..limit.min(next + 5)).find(|&k| toks[k].comma_after() || toks[k].ends_sentence())
        && toks[c].comma_after()
    {
        apos = c + 1;
    }
    // Appositive name after a description.
    if np.kind == NpKind::Description
        && toks[apos - 1].comma_after()
        && let Some((name, after)) = np_forward(body, toks, apos, limit)
        && name.kind == NpKind::Name
    {
        return Some((name, after));
    }
    Some((np, next))
}

/// End of a short lower-case tail ending in a role noun after a
/// capitalised chain ("Farm union leaders", "Senate budget aides").
fn role_tail(toks: &[Tok], end: usize, limit: usize) -> Option<usize> {
    let mut j = end;
    while j < limit && j - end < 3 {
        let t = &toks[j];
        let plain = t.w.chars().next().is_some_and(char::is_lowercase)
            && !lexicon::CLAUSE_WORDS.contains(t.w)
            && !lexicon::is_cue(t.w)
            && !t.poss;
        if !plain {
            return None;
        }
        if lexicon::ROLE_NOUNS.contains(t.w) {
            return Some(j + 1);
        }
        if t.comma_after() || t.ends_sentence() || t.colon_after() {
            return None;
        }
        j += 1;
    }
    None
}

/// "CNN host Jane Roe": a name after a capitalised chain and a few
/// lower-case words, with no comma between.
fn name_after_modifiers(body: &str, toks: &Toks, end: usize, limit: usize) -> Option<(Np, usize)> {
    let mut j = end;
    while j < limit && j - end < 3 {
        let t = &toks[j];
        if !lexicon::is_role_word(t.w) {
            break;
        }
        j += 1;
        if t.comma_after() || t.ends_sentence() || t.colon_after() {
            return None;
        }
    }
    if j == end || j >= limit || !is_name_word(&toks[j]) {
        return None;
    }
    let e = toks.chain_end(j, limit);
    let np = classify_chain(body, toks, j, e)?;
    (np.kind == NpKind::Name && !toks[e - 1].poss).then_some((np, e))
}

/// A lower-case word that continues a noun phrase after a capitalised
/// chain ("Iranian officials", "Clinton aides").
fn starts_description_tail(t: &Tok) -> bool {
    lexicon::ROLE_NOUNS.contains(t.w)
}

/// A description read forwards: up to a comma, a stop word or a cue, at
/// most ten words. A name at its end wins ("campaign manager Jane Roe").
fn description_forward(body: &str, toks: &Toks, i: usize, limit: usize) -> Option<(Np, usize)> {
    let mut j = i;
    let max = (i + 10).min(limit);
    while j < max {
        let t = &toks[j];
        if t.is_punct() || (j > i && (lexicon::NP_STOPPERS.contains(t.w) || lexicon::is_cue(t.w))) {
            break;
        }
        if j > i && t.w.chars().next().is_some_and(char::is_lowercase) && lexicon::CLAUSE_WORDS.contains(t.w) {
            break;
        }
        j += 1;
        if t.comma_after() || t.ends_sentence() || t.colon_after() {
            break;
        }
    }
    if j == i {
        return None;
    }
    // A trailing name chain of two or more words is the speaker.
    let mut k = j;
    while k > i && (is_name_word(&toks[k - 1]) || lexicon::is_particle(toks[k - 1].w)) && !toks[k - 1].poss {
        k -= 1;
    }
    if k > i
        && j - k >= 2
        && let Some(np) = classify_chain(body, toks, k, j)
        && np.kind == NpKind::Name
    {
        return Some((np, j));
    }
    let text = joined(body, toks, i, j);
    Some((
        Np {
            kind: NpKind::Description,
            text,
            span: toks[i].span.start..toks[j - 1].span.end,
            gender: None,
        },
        j,
    ))
}

/// The noun phrase that ends right before `cue` (an index into `toks`),
/// read backwards from the verb; `floor` is the first index it may use.
/// Skips adverbs ("he later said") and an appositive between commas
/// ("Jane Roe, the mayor, said").
pub fn np_before(body: &str, toks: &Toks, floor: usize, cue: usize) -> Option<Np> {
    let mut j = cue;
    while j > floor && lexicon::BETWEEN_SUBJECT_AND_CUE.contains(toks[j - 1].w) && !toks[j - 1].comma_after() {
        j -= 1;
    }
    // A bracketed note between subject and verb: "Jane Roe (D-Ore.) said".
    if j > floor && toks[j - 1].trail.contains(')') {
        let mut k = j;
        while k > floor && !toks[k - 1].lead.contains('(') {
            k -= 1;
        }
        if k > floor && j - k <= 6 {
            j = k - 1;
        }
    }
    if j == floor {
        return None;
    }
    let last = &toks[j - 1];
    if last.comma_after() {
        // An appositive: find the comma that opens it.
        let mut k = j - 1;
        while k > floor && !toks[k - 1].comma_after() {
            k -= 1;
        }
        if k > floor && j - k <= 25 {
            // "Jane Roe, the mayor, said": the phrase before the first comma;
            // "The chief executive, Jane Roe, said": the name between them.
            if let Some(np) = np_ending_at(body, toks, floor, k) {
                if matches!(np.kind, NpKind::Description | NpKind::Org)
                    && let Some((name, _)) = np_forward(body, toks, k, j).filter(|(n, _)| n.kind == NpKind::Name)
                {
                    return Some(name);
                }
                return Some(np);
            }
        }
        // "The mayor, Jane Roe, said" / a phrase standing alone.
        return np_forward(body, toks, k, j).map(|(np, _)| np);
    }
    np_ending_at(body, toks, floor, j)
}

/// The noun phrase whose last word is `toks[end - 1]`.
fn np_ending_at(body: &str, toks: &Toks, floor: usize, end: usize) -> Option<Np> {
    if end <= floor {
        return None;
    }
    let last = &toks[end - 1];
    if last.is_pronoun() {
        return np_forward(body, toks, end - 1, end).map(|(np, _)| np);
    }
    if last.is_punct() {
        return None;
    }
    if is_name_word(last) && !last.poss {
        let mut a = end - 1;
        while a > floor {
            let p = &toks[a - 1];
            let joins = (is_name_word(p) || lexicon::is_particle(p.w) || p.w == "of")
                && !p.comma_after()
                && !p.poss
                && !p.ends_sentence()
                && !p.trail.contains(['"', '”', '“'])
                && !lexicon::NON_NAME_CAPS.contains(p.w);
            if !joins {
                break;
            }
            a -= 1;
        }
        while a < end && (toks[a].w == "of" || lexicon::is_particle(toks[a].w)) {
            a += 1;
        }
        // "the Commission on Presidential Debates": a preposition between
        // capitalised words makes one organisation name.
        while a >= floor + 2
            && matches!(toks[a - 1].w, "on" | "for" | "of" | "against" | "to")
            && is_name_word(&toks[a - 2])
            && !toks[a - 2].comma_after()
            && !toks[a - 2].poss
        {
            a -= 2;
            while a > floor && is_name_word(&toks[a - 1]) && !toks[a - 1].comma_after() && !toks[a - 1].poss {
                a -= 1;
            }
        }
        // "The White House said": keep the article with the chain.
        if a > floor && toks[a - 1].w == "The" {
            a -= 1;
        }
        if let Some(np) = classify_chain(body, toks, a, end) {
            // "a spokesman for the White House" is still the White House's voice.
            return Some(np);
        }
        return None;
    }
    // A description: walk back over nouns and adjectives to a determiner.
    if lexicon::CLAUSE_WORDS.contains(last.w) || lexicon::is_cue(last.w) {
        return None;
    }
    let mut a = end;
    while a > floor {
        let p = &toks[a - 1];
        if a < end && (p.comma_after() || p.ends_sentence() || p.colon_after()) {
            break;
        }
        if lexicon::DETERMINERS.contains_lower(p.w) {
            a -= 1;
            break;
        }
        if p.is_punct() || lexicon::CLAUSE_WORDS.contains(p.w) || lexicon::is_cue(p.w) || p.is_pronoun() {
            break;
        }
        a -= 1;
        if end - a >= 8 {
            break;
        }
    }
    if a == end {
        return None;
    }
    // A bare lower-case phrase is a noun phrase only with a plural or
    // role-noun head ("officials", "campaign aides"), not "despite".
    let first = &toks[a];
    let valid = lexicon::DETERMINERS.contains_lower(first.w)
        || first.is_cap()
        || lexicon::ROLE_NOUNS.contains(last.w)
        || (last.w.ends_with('s') && !last.w.ends_with("ss") && last.w.len() > 3);
    if !valid {
        return None;
    }
    Some(Np {
        kind: NpKind::Description,
        text: joined(body, toks, a, end),
        span: toks[a].span.start..last.span.end,
        gender: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contractions_and_capitalised_cues_are_not_name_words() {
        let body = "We've I’d They'll Ed Mel Anne Tom Says";
        let toks = tokenize(body, 0..body.len());
        let got: Vec<bool> = toks.iter().map(is_name_word).collect();
        assert_eq!(got, [false, false, false, true, true, true, true, false]);
    }

    /// The tokenizer as first written (two passes, char-based trimming):
    /// the reference the byte-walking one must agree with.
    fn tokenize_reference(body: &str, range: Range<usize>) -> Vec<Tok<'_>> {
        let text = &body[range.clone()];
        // About one token per six bytes of prose: few regrowths of `out`.
        let mut out = Vec::with_capacity(text.len() / 6 + 1);
        let mut words = Vec::with_capacity(text.len() / 6 + 1);
        let mut from: Option<usize> = None;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // ASCII bytes are tested without decoding (`char::is_whitespace`
            // on ASCII is 09–0D and the space).
            let (space, len) = match bytes[i] {
                b @ 0..0x80 => (matches!(b, 0x09..=0x0D | b' '), 1),
                _ => text
                    .get(i..)
                    .and_then(|r| r.chars().next())
                    .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
            };
            match (space, from) {
                (true, Some(f)) => {
                    words.push((f, i));
                    from = None;
                }
                (false, None) => from = Some(i),
                _ => {}
            }
            i += len;
        }
        if let Some(f) = from {
            words.push((f, text.len()));
        }
        for (f, e) in words {
            let raw = &text[f..e];
            let start = range.start + f;
            let lead_len = raw.len() - raw.trim_start_matches(is_lead_punct).len();
            let rest = &raw[lead_len..];
            let mut core = rest.trim_end_matches(is_trail_punct);
            // Keep the dot of abbreviations and initials.
            if rest.len() > core.len() && rest[core.len()..].starts_with('.') && !core.is_empty() {
                let with_dot = &rest[..core.len() + 1];
                if is_abbreviation(with_dot) {
                    core = with_dot;
                }
            }
            let mut poss = false;
            let mut w = core;
            for suffix in ["'s", "’s", "s'", "s’"] {
                if let Some(stem) = core.strip_suffix(suffix)
                    && !stem.is_empty()
                {
                    // "He's" is a contraction, not a possessive.
                    if lexicon::pronoun(stem).is_some() || stem.eq_ignore_ascii_case("that") {
                        w = stem;
                        break;
                    }
                    poss = true;
                    w = if suffix.starts_with('s') {
                        &core[..stem.len() + 1]
                    } else {
                        stem
                    };
                    break;
                }
            }
            let wstart = start + lead_len;
            out.push(Tok {
                w,
                span: wstart..wstart + w.len(),
                lead: &raw[..lead_len],
                trail: &rest[core.len()..],
                poss,
            });
        }
        out
    }

    fn tricky_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        let pieces = [
            "A", "b", "s", "S", "é", "’", "'", "\"", "“", "”", "„", "‘", "«", "»", "—", "–", "―", "…", "*", "-", "(",
            ")", "[", "]", "{", "}", ",", ";", ":", "!", "?", ".", " ", "\n", "\t", "\u{a0}", "\u{2003}", "\u{85}",
            "Mr", "He", "that", "U", "J", "a.m", "Sen", "’s", "'s", "s’", "s'", "7", "\u{c}", "\r",
        ];
        proptest::collection::vec(proptest::sample::select(pieces.to_vec()), 0..40).prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #[test]
        fn byte_tokenizer_matches_reference(text in tricky_text(), skip in 0usize..4) {
            // Also from an offset: spans are body offsets.
            let start = text.char_indices().nth(skip).map_or(text.len(), |(i, _)| i);
            proptest::prop_assert_eq!(tokenize(&text, start..text.len()), tokenize_reference(&text, start..text.len()));
        }
    }

    /// Text made of the words chains are built from: names, titles,
    /// roles, organisation words, particles, articles and punctuation.
    fn chain_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        let words = [
            "Jane",
            "Roe",
            "Novak",
            "Mr.",
            "Mrs.",
            "Sen.",
            "President",
            "Minister",
            "mayor",
            "Principal",
            "The",
            "the",
            "of",
            "de",
            "van",
            "&",
            "House",
            "White",
            "University",
            "Council",
            "CNN",
            "NATO",
            "Paris",
            "Texas",
            "Get",
            "Says",
            "But",
            "And",
            "said",
            "told",
            "officials",
            "aides",
            "a",
            "an",
            "on",
            "for",
            "Roe's",
            "Lind’s",
            "J.",
            "U.S.",
            "We've",
            "(D-Ore.)",
            "Monday",
            "Le",
            "Chief",
            "Executive",
            "he",
            "She",
            "they",
            "according",
            "to",
        ];
        let seps = [" ", ", ", ". ", ": ", " “", "” ", " — ", "; "];
        proptest::collection::vec(
            (
                proptest::sample::select(words.to_vec()),
                proptest::sample::select(seps.to_vec()),
            ),
            1..24,
        )
        .prop_map(|v| v.into_iter().flat_map(|(w, s)| [w, s]).collect())
    }

    /// [`bare_word_names`] as first written, every look-up made.
    fn bare_word_names_reference(w: &str, before_article: bool) -> bool {
        let g = &crate::extract::gazetteer::GAZETTEER;
        let name_list = g.is_given(w) || g.is_surname(w);
        let function = with_lower(w, crate::cleaner::text::lexicon::is_stop_word);
        let place = g.place(w).is_some_and(|p| p.is_major() || p.kind != "city");
        !(function || !name_list && (before_article && g.is_common(w) || place))
    }

    #[test]
    fn lazy_bare_word_names_match_reference() {
        let words = [
            "Jane",
            "Roe",
            "Smith",
            "Get",
            "Le",
            "The",
            "Texas",
            "Paris",
            "France",
            "Karanja",
            "Trump",
            "Bush",
            "Apple",
            "Nebraska",
            "Massachusetts",
            "Sunday",
            "Quist",
            "Ohio",
            "Wei",
            "Ana",
            "Mark",
            "Will",
            "May",
        ];
        let mut differ = 0;
        for w in words {
            for before_article in [false, true] {
                assert_eq!(
                    bare_word_names(w, before_article),
                    bare_word_names_reference(w, before_article),
                    "{w} {before_article}"
                );
                differ += usize::from(bare_word_names(w, before_article) != bare_word_names(w, !before_article));
            }
        }
        // Both answers occur, so the comparison is not vacuous.
        let got: Vec<bool> = words.iter().map(|w| bare_word_names(w, false)).collect();
        assert!(got.contains(&true) && got.contains(&false), "{got:?} {differ}");
    }

    proptest::proptest! {
        /// The memo answers as classifying afresh, whatever order the
        /// ranges are asked in (also two ends for one start).
        #[test]
        fn chain_memo_matches_fresh_classification(text in chain_text(), cut in 0usize..24) {
            let t = toks(&text);
            let n = t.len();
            let mut asked = Vec::new();
            for a in 0..n {
                asked.push((a, chain_end(&t, a, n)));
                asked.push((a, chain_end(&t, a, cut.clamp(a, n))));
                asked.push((a, (a + 1 + cut % 3).min(n)));
            }
            for &(a, b) in asked.iter().chain(asked.iter().rev()) {
                proptest::prop_assert_eq!(classify_chain(&text, &t, a, b), classify_chain_uncached(&text, &t, a, b));
            }
            // Remembered chain ends (warmed up to the end of the text, in
            // reverse order) agree with fresh ones for every limit.
            for a in (0..n).rev() {
                t.chain_end(a, n);
            }
            for a in 0..n {
                for limit in a..=n {
                    proptest::prop_assert_eq!(t.chain_end(a, limit), chain_end(&t, a, limit));
                }
            }
            // Phrase readers on a warmed memo agree with a fresh one.
            for i in 0..n {
                let fresh = toks(&text);
                proptest::prop_assert_eq!(np_forward(&text, &t, i, n), np_forward(&text, &fresh, i, n));
                proptest::prop_assert_eq!(np_before(&text, &t, 0, i), np_before(&text, &toks(&text), 0, i));
            }
        }
    }

    fn toks(s: &str) -> Toks<'_> {
        Toks::new(tokenize(s, 0..s.len()))
    }

    #[test]
    fn tokens_keep_abbreviations_and_possessives() {
        let t = toks("Sen. Jane Roe's aide (D-Ore.) said, \"no.\"");
        let words: Vec<&str> = t.iter().map(|t| t.w).collect();
        assert_eq!(words, ["Sen.", "Jane", "Roe", "aide", "D-Ore", "said", "no"]);
        assert!(t[2].poss && !t[1].poss);
        assert!(t[5].comma_after());
        assert!(t[6].ends_sentence());
    }

    #[test]
    fn every_unicode_space_splits_words() {
        let words: Vec<&str> = toks("a\u{0B}b\u{A0}c\u{2003}d\u{1F}e é").iter().map(|t| t.w).collect();
        assert_eq!(words, ["a", "b", "c", "d\u{1F}e", "é"]);
    }

    #[test]
    fn offsets_survive_multibyte_spaces() {
        let s = "said\u{a0}Jana\u{2003}Novak";
        let t = toks(s);
        let words: Vec<&str> = t.iter().map(|t| &s[t.span.clone()]).collect();
        assert_eq!(words, ["said", "Jana", "Novak"]);
    }

    #[test]
    fn forward_name_with_titles() {
        let s = "Foreign Minister Jana Novak, the envoy, left.";
        let t = toks(s);
        let (np, _) = np_forward(s, &t, 0, t.len()).unwrap();
        assert_eq!((np.kind, np.text.as_str()), (NpKind::Name, "Jana Novak"));
        let s = "Mrs. Roe said";
        let t = toks(s);
        let (np, _) = np_forward(s, &t, 0, 2).unwrap();
        assert_eq!(np.gender, Some(Gender::Female));
    }

    #[test]
    fn forward_description_then_name() {
        let s = "his running mate, Tom Field, said";
        let t = toks(s);
        let (np, _) = np_forward(s, &t, 0, t.len()).unwrap();
        assert_eq!(np.text, "Tom Field");
        let s = "the city's mayor said";
        let t = toks(s);
        let (np, _) = np_forward(s, &t, 0, t.len()).unwrap();
        assert_eq!((np.kind, np.text.as_str()), (NpKind::Description, "the city's mayor"));
    }

    #[test]
    fn role_word_inside_a_chain_separates_the_name() {
        let s = "Hillside High School Principal Eva Holm said";
        let t = toks(s);
        let (np, _) = np_forward(s, &t, 0, t.len() - 1).unwrap();
        assert_eq!((np.kind, np.text.as_str()), (NpKind::Name, "Eva Holm"));
        let s = "Hillside High School said";
        let t = toks(s);
        let (np, _) = np_forward(s, &t, 0, t.len() - 1).unwrap();
        assert_eq!(np.kind, NpKind::Org);
    }

    #[test]
    fn organisations() {
        let s = "The White House said";
        let t = toks(s);
        let (np, _) = np_forward(s, &t, 0, t.len()).unwrap();
        assert_eq!((np.kind, np.text.as_str()), (NpKind::Org, "White House"));
        let np = np_before(s, &t, 0, 3).unwrap();
        assert_eq!(np.text, "White House");
    }

    #[test]
    fn backwards_from_the_cue() {
        let s = "While others left early, Novak later said";
        let t = toks(s);
        let np = np_before(s, &t, 0, 6).unwrap();
        assert_eq!(np.text, "Novak");
        let s = "Jana Novak, a historian at the school, recalled";
        let t = toks(s);
        let np = np_before(s, &t, 0, t.len() - 1).unwrap();
        assert_eq!(np.text, "Jana Novak");
        let s = "the former first lady said";
        let t = toks(s);
        let np = np_before(s, &t, 0, 4).unwrap();
        assert_eq!(
            (np.kind, np.text.as_str()),
            (NpKind::Description, "the former first lady")
        );
        let s = "she met him and said";
        let t = toks(s);
        assert!(np_before(s, &t, 0, 4).is_none());
    }
}
#[cfg(test)]
mod subject_tests {
    use super::*;

    fn subject(s: &str) -> Option<(NpKind, String)> {
        let t = Toks::new(tokenize(s, 0..s.len()));
        np_forward(s, &t, 0, t.len()).map(|(n, _)| (n.kind, n.text))
    }

    #[test]
    fn capitalised_common_words_open_descriptions() {
        let name = |s: &str| Some((NpKind::Name, s.to_string()));
        assert_eq!(
            subject("Regional inspector Mara Quist said the dam held."),
            name("Mara Quist")
        );
        assert_eq!(
            subject("One of the pilots, Ivo Sandell, said the wind dropped."),
            name("Ivo Sandell")
        );
        assert_eq!(
            subject("Le directeur du port, Paul Ferrand, a déclaré qu'il pleuvait."),
            name("Paul Ferrand")
        );
        // A lone common word, a foreign article or a state is no speaker.
        for s in [
            "Get the weekly digest.",
            "Le port est fermé.",
            "Nebraska, she said, was ready.",
        ] {
            assert!(
                subject(s).is_none_or(|(k, _)| k != NpKind::Name),
                "{s}: {:?}",
                subject(s)
            );
        }
        // A lone surname still is one.
        assert_eq!(subject("Quist said the dam held."), name("Quist"));
    }
}
