//! People and places in one pass: tokens → capitalised chains → gazetteer
//! matches and name rules → document-level merging.
//!
//! Why one pass: the two decisions depend on each other ("Washington" is a
//! city unless "George Washington" is in the text; "Bank of China" hides a
//! country), so both come out of the same analysis.

use super::Span;
use super::gazetteer::{GAZETTEER, PlaceInfo};
use super::lexicon::*;
use crate::cleaner::CleanDoc;
use crate::record::Place;
use rustc_hash::FxHashMap;

/// A person found in the text, with every mention's byte span.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonEntity {
    pub name: String,
    pub role: Option<String>,
    pub spans: Vec<Span>,
}

/// Both entity lists of one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entities {
    pub people: Vec<PersonEntity>,
    pub places: Vec<Place>,
}

/// The headline and dateline lines the cleaner put before the body
/// (CoNLL-style "LONDON 1996-08-30"): places named there count too.
pub fn lead_text(clean: &CleanDoc) -> String {
    // Without a body, the first lines may still hold a headline and dateline.
    let start = clean.body_start().unwrap_or(clean.blocks.len().min(3));
    let header = &clean.blocks[..start];
    let short = |i: usize| {
        let b = &header[i];
        b.chrome.is_some() && b.text.split_whitespace().count() <= 20
    };
    // The first line (a headline in plain-text dumps), dateline-like lines
    // near the top, and the last three lines before the body.
    let mut keep: Vec<usize> = Vec::new();
    for i in 0..header.len() {
        let near_top = i < 5 && (i == 0 || looks_like_dateline(&header[i].text));
        if short(i) && (near_top || i + 3 >= header.len()) {
            keep.push(i);
        }
    }
    // A dateline dropped from the body ("LONDON 1996-08-30" labelled as a
    // date) may come after the first body block (a headline kept as body).
    let after = clean.blocks.iter().enumerate().skip(start).take(5);
    let late = after
        .filter(|(_, b)| b.chrome.is_some() && b.text.split_whitespace().count() <= 12 && looks_like_dateline(&b.text));
    keep.iter()
        .map(|&i| header[i].text.as_str())
        .chain(late.map(|(_, b)| b.text.as_str()))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// "LONDON 1996-08-30", "VIENNA (Reuters) -", "TAVILDARA, Tajikistan 1996".
fn looks_like_dateline(line: &str) -> bool {
    let first = line.split([' ', ',']).next().unwrap_or("");
    first.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !first.chars().any(char::is_lowercase)
        && line.chars().any(|c| c.is_ascii_digit() || c == '(')
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    s: usize,
    e: usize,
    /// Starts with a letter or digit (else a punctuation mark).
    word: bool,
    /// First character upper-case.
    cap: bool,
    /// Two or more letters, all upper-case.
    upper: bool,
    /// First word of a sentence, line or paragraph.
    sent: bool,
    /// Preceded by a line break.
    line_start: bool,
    /// A word of ASCII letters only (one alphabetic run, see
    /// [`is_foreign_text`]).
    alpha: bool,
}

impl Tok {
    /// A punctuation mark at `s..e`.
    fn mark(s: usize, e: usize, line_start: bool) -> Tok {
        Tok {
            s,
            e,
            word: false,
            cap: false,
            upper: false,
            sent: false,
            line_start,
            alpha: false,
        }
    }
}

/// Abbreviations that keep their full stop ("Sen.", "Ariz.", and in
/// capitals "ST. LOUIS").
fn keeps_dot(w: &str) -> bool {
    // Only saints' and features' abbreviations and honorifics in capitals:
    // "LA." or "ILL." ending an all-caps sentence are words.
    if w.len() == 2 && w.bytes().all(|b| b.is_ascii_uppercase()) {
        return with_title_case(w, |titled| {
            matches!(titled, "St" | "Mt" | "Ft") || is_honorific(format_dot(titled))
        });
    }
    is_honorific(format_dot(w))
        || matches!(
            w,
            "Sen"
                | "Rep"
                | "Gov"
                | "Gen"
                | "Lt"
                | "Col"
                | "Maj"
                | "Capt"
                | "Sgt"
                | "Adm"
                | "Prof"
                | "Rev"
                | "St"
                | "Jr"
                | "Sr"
                | "Mt"
                | "Ft"
                | "Cmdr"
                | "Ala"
                | "Ariz"
                | "Ark"
                | "Calif"
                | "Colo"
                | "Conn"
                | "Del"
                | "Fla"
                | "Ga"
                | "Ill"
                | "Ind"
                | "Kan"
                | "Kans"
                | "Ky"
                | "La"
                | "Md"
                | "Mass"
                | "Mich"
                | "Minn"
                | "Miss"
                | "Mo"
                | "Mont"
                | "Neb"
                | "Nebr"
                | "Nev"
                | "Okla"
                | "Ore"
                | "Oreg"
                | "Pa"
                | "Penn"
                | "Tenn"
                | "Tex"
                | "Va"
                | "Vt"
                | "Wash"
                | "Wis"
                | "Wisc"
                | "Wyo"
                | "Co"
                | "Corp"
                | "Inc"
                | "Ltd"
                | "Bros"
                | "Jan"
                | "Feb"
                | "Mar"
                | "Apr"
                | "Aug"
                | "Sep"
                | "Sept"
                | "Oct"
                | "Nov"
                | "Dec"
        )
}

fn format_dot(w: &str) -> &'static str {
    match w {
        "Mr" => "Mr.",
        "Mrs" => "Mrs.",
        "Ms" => "Ms.",
        "Dr" => "Dr.",
        "Mme" => "Mme.",
        _ => "",
    }
}

/// The character at byte `i` and its length; ASCII without decoding.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((char::from(b), 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// `char::is_alphanumeric` with an ASCII fast path.
#[inline]
fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

// ALPHA is bit 0, so a letter count adds `class & ALPHA`.
const ALPHA: u8 = 1;
const ALNUM: u8 = 2;
const LOWER: u8 = 4;

/// ASCII letters and digits by byte (non-ASCII bytes: 0), for the
/// tokenizer's inner loop.
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_lowercase() {
            ALNUM | ALPHA | LOWER
        } else if c.is_ascii_uppercase() {
            ALNUM | ALPHA
        } else if c.is_ascii_digit() {
            ALNUM
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Tokens of `text`: words (letters and digits with inner hyphens and
/// apostrophes, abbreviations with their full stop) and single punctuation
/// marks. One pass over the bytes that also counts each word's letters and
/// lower-case letters; only non-ASCII characters are decoded (this runs over
/// every byte of every document).
#[inline(never)]
fn tokenize(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut toks = Vec::with_capacity(text.len() / 5);
    let mut sent = true;
    let mut line_start = true;
    let mut p = 0;
    while let Some(&b) = bytes.get(p) {
        let i = p;
        // The first character, whether it is upper-case, and the word's
        // letter count and lower-case flag so far.
        let (c, up, mut letters, mut lower);
        if b < 0x80 {
            p += 1;
            let class = BYTE_CLASS[usize::from(b)];
            if class & ALNUM == 0 {
                match b {
                    b'\n' => {
                        sent = true;
                        line_start = true;
                    }
                    b' ' | b'\t' | b'\r' | 0x0b | 0x0c => {}
                    _ => {
                        toks.push(Tok::mark(i, p, line_start));
                        line_start = false;
                        if matches!(b, b'.' | b'!' | b'?' | b':' | b';') {
                            sent = b != b';';
                        }
                    }
                }
                continue;
            }
            c = char::from(b);
            up = class & (ALPHA | LOWER) == ALPHA;
            letters = usize::from(class & ALPHA);
            lower = class & LOWER != 0;
        } else {
            let Some((d, len)) = char_at(text, p) else {
                break;
            };
            p += len;
            if d.is_whitespace() {
                continue;
            }
            if !d.is_alphanumeric() {
                toks.push(Tok::mark(i, p, line_start));
                line_start = false;
                continue;
            }
            c = d;
            up = c.is_uppercase();
            letters = usize::from(c.is_alphabetic());
            lower = c.is_lowercase();
        }
        let mut e = p;
        // The classes of the word's ASCII bytes after the first, or-ed.
        let mut seen = 0u8;
        // Letters and digits, with inner apostrophes and hyphens.
        let alnum_at = |k: usize| char_at(text, k).is_some_and(|(n, _)| is_alnum(n));
        while let Some(&d) = bytes.get(e) {
            let class = BYTE_CLASS[usize::from(d)];
            if class & ALNUM != 0 {
                letters += usize::from(class & ALPHA);
                seen |= class;
                e += 1;
                continue;
            }
            if d < 0x80 {
                if (d == b'-' || d == b'\'') && alnum_at(e + 1) {
                    e += 1;
                    continue;
                }
                break;
            }
            let Some((d, len)) = char_at(text, e) else {
                break;
            };
            if d.is_alphanumeric() {
                letters += usize::from(d.is_alphabetic());
                lower |= d.is_lowercase();
                e += len;
            } else if d == '’' && alnum_at(e + len) {
                e += len;
            } else {
                break;
            }
        }
        lower |= seen & LOWER != 0;
        // "U.S.", "F.", "Sen.", "Ariz.": keep the full stop.
        // (Abbreviations that keep it all start with an ASCII capital.)
        let single = e == p && up;
        if bytes.get(e) == Some(&b'.') && (single || b.is_ascii_uppercase() && keeps_dot(&text[i..e])) {
            e += 1;
            if single {
                // Letter-dot runs: "U.S.A."
                while let Some((l, ll)) = char_at(text, e)
                    && l.is_uppercase()
                    && bytes.get(e + ll) == Some(&b'.')
                {
                    letters += usize::from(l.is_alphabetic());
                    lower |= l.is_lowercase();
                    e += ll + 1;
                }
            }
        }
        p = e;
        toks.push(Tok {
            s: i,
            e,
            word: true,
            // "al-Saadani", "el-Baz": a lower-case article before a name.
            cap: up || matches!(c, 'a' | 'e' | 'u') && is_arabic_article_name(&text[i..e]),
            upper: letters >= 2 && !lower,
            sent,
            line_start,
            // Non-ASCII letters take two bytes or more, marks one.
            alpha: letters == e - i,
        });
        sent = false;
        line_start = false;
    }
    toks
}

fn is_arabic_article_name(w: &str) -> bool {
    // Each article ends in a hyphen at byte 2 or 3: most words have none.
    let b = w.as_bytes();
    (b.get(2) == Some(&b'-') || b.get(3) == Some(&b'-'))
        && ["al-", "el-", "ul-", "ad-", "as-", "ash-", "az-"]
            .iter()
            .any(|p| w.strip_prefix(p).is_some_and(|r| r.starts_with(char::is_uppercase)))
}

/// Regnal numbers after a name ("Elizabeth I", "Charles VI").
fn is_regnal(w: &str) -> bool {
    matches!(
        w,
        "I" | "II"
            | "III"
            | "IV"
            | "V"
            | "VI"
            | "VII"
            | "VIII"
            | "IX"
            | "X"
            | "XI"
            | "XII"
            | "XIII"
            | "XIV"
            | "XV"
            | "XVI"
    )
}

/// A word without a possessive ending ("Oman’s" → "Oman").
#[inline]
fn base(w: &str) -> &str {
    // Every ending stripped ends in 's', 'S', an apostrophe or the last
    // byte of '’' (0x99): most words keep their form at one byte's test.
    match w.as_bytes().last() {
        Some(b's' | b'S' | b'\'' | 0x99) => strip_possessive(w),
        _ => w,
    }
}

fn strip_possessive(w: &str) -> &str {
    for suf in ["'s", "’s", "'S", "’S"] {
        if let Some(b) = w.strip_suffix(suf) {
            return b;
        }
    }
    w.strip_suffix(['\'', '’']).unwrap_or(w)
}

fn is_possessive(w: &str) -> bool {
    base(w).len() != w.len()
}

/// [`title_case`] of ASCII bytes, in place.
fn title_case_ascii(b: &mut [u8]) {
    let mut start = true;
    for c in b {
        if !start {
            c.make_ascii_lowercase();
        }
        start = !c.is_ascii_alphanumeric() && *c != b'\'';
    }
}

/// Calls `f` with [`title_case`] of `s`, without allocating for short
/// ASCII words (all-caps lookups run per capitalised token).
fn with_title_case<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    const N: usize = 64;
    if s.len() <= N && s.is_ascii() {
        let mut buf = [0u8; N];
        let b = &mut buf[..s.len()];
        b.copy_from_slice(s.as_bytes());
        title_case_ascii(b);
        if let Ok(t) = std::str::from_utf8(b) {
            return f(t);
        }
    }
    f(&title_case(s))
}

/// "NEW YORK" → "New York", for looking up all-caps datelines.
fn title_case(s: &str) -> String {
    if s.is_ascii() {
        let mut out = s.as_bytes().to_vec();
        title_case_ascii(&mut out);
        return String::from_utf8(out).unwrap_or_default();
    }
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric() && c != '\'' && c != '’';
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum PlaceRef {
    Known(PlaceInfo),
    /// Not in the gazetteer, found by a rule (dateline, "City, Country").
    Unknown {
        country: Option<&'static str>,
        kind: &'static str,
    },
}

#[derive(Debug, Clone)]
struct PlaceHit {
    /// Token range.
    a: usize,
    b: usize,
    span: Span,
    place: PlaceRef,
}

struct Doc<'t> {
    text: &'t str,
    toks: Vec<Tok>,
    /// Per-token word-list answers, computed once: the rules ask the same
    /// questions of the same words many times.
    memo: Vec<std::cell::Cell<u8>>,
    /// The text is not English: capitalised common nouns (German) and
    /// common words that match small places need stronger evidence.
    foreign: bool,
}

/// Word-list answers in [`Doc::memo`]: the answer bits, and per answer a
/// bit that says it is known. Each answer is looked up on its first
/// question only (most tokens are asked one or two of the four).
const COMMON: u8 = 1;
const GIVEN: u8 = 2;
const SURNAME: u8 = 4;
const DESCRIPTOR: u8 = 8;
/// The known-bit of an answer bit.
const fn known(bit: u8) -> u8 {
    bit << 4
}

impl<'t> Doc<'t> {
    fn w(&self, i: usize) -> &'t str {
        let t = self.toks[i];
        &self.text[t.s..t.e]
    }

    /// Answer `bit` for token `k`, from the memo or looked up once.
    #[inline]
    fn flag(&self, k: usize, bit: u8) -> bool {
        let f = self.memo[k].get();
        if f & known(bit) != 0 {
            return f & bit != 0;
        }
        let yes = self.look_up(k, bit);
        // `look_up` may have memoised other answers (DESCRIPTOR asks GIVEN).
        let f = self.memo[k].get() | known(bit) | if yes { bit } else { 0 };
        self.memo[k].set(f);
        yes
    }

    /// The word-list answer `bit` for token `k` (possessive stripped).
    /// Names and descriptors are capitalised words only.
    #[inline(never)]
    fn look_up(&self, k: usize, bit: u8) -> bool {
        let g = &GAZETTEER;
        let w = base(self.w(k));
        match bit {
            COMMON => g.is_common(w),
            _ if !self.toks[k].cap => false,
            GIVEN => g.is_given(w),
            SURNAME => g.is_surname(w),
            // Demonyms, also those the list lacks ("Bosnian", "Korean"),
            // unless the word is a given name ("Christian", "Brian").
            // Short words ("Emese") are more often names than demonyms the list lacks.
            _ => {
                is_descriptor(w)
                    || w.len() >= 6
                        && ["ian", "ean", "ese", "ish"].iter().any(|s| w.ends_with(s))
                        && !self.flag(k, GIVEN)
            }
        }
    }

    /// The gazetteer place written `form` (a slice of the text), also
    /// title-cased when `upper` ("NEW YORK").
    fn place(&self, form: &'t str, upper: bool) -> Option<PlaceInfo> {
        let g = &GAZETTEER;
        g.place(form).or_else(|| {
            if upper {
                with_title_case(form, |t| g.place(t))
            } else {
                None
            }
        })
    }

    /// Token `k` (possessive stripped) is a common English word.
    fn common(&self, k: usize) -> bool {
        self.flag(k, COMMON)
    }

    fn given(&self, k: usize) -> bool {
        self.flag(k, GIVEN)
    }

    fn surname(&self, k: usize) -> bool {
        self.flag(k, SURNAME)
    }

    fn descr(&self, k: usize) -> bool {
        self.flag(k, DESCRIPTOR)
    }

    /// Tokens `a` and `b` are on one line with a single space between them.
    fn joined(&self, a: usize, b: usize) -> bool {
        let gap = &self.text[self.toks[a].e..self.toks[b].s];
        gap == " "
    }

    fn prev_word(&self, i: usize) -> Option<&'t str> {
        (i > 0 && self.toks[i - 1].word).then(|| self.w(i - 1))
    }

    fn next_word(&self, i: usize) -> Option<&'t str> {
        (i + 1 < self.toks.len() && self.toks[i + 1].word).then(|| self.w(i + 1))
    }
}

/// Longest gazetteer match starting at token `i` (up to 6 tokens).
fn match_place(doc: &Doc, i: usize) -> Option<PlaceHit> {
    let toks = &doc.toks;
    if !toks[i].word || !toks[i].cap {
        return None;
    }
    let mut end = i;
    while end + 1 < toks.len() && end + 1 < i + 6 && toks[end + 1].word && doc.joined(end, end + 1) {
        end += 1;
    }
    // A form of several tokens has a space right after this word (also in
    // the title-cased lookup of capitals): most words start no such form.
    let w = doc.w(i);
    let g = &GAZETTEER;
    if end > i && !(g.may_start_place(w) || toks[i].upper && with_title_case(w, |t| g.may_start_place(t))) {
        end = i;
    }
    for j in (i..=end).rev() {
        if !toks[j].cap {
            continue;
        }
        let whole = &doc.text[toks[i].s..toks[j].e];
        let form = base(whole);
        let upper = (i..=j).all(|k| toks[k].upper || !toks[k].cap);
        if let Some(p) = doc.place(form, upper) {
            // Lower-case inner words only when the gazetteer has them ("Gulf of Aden").
            return Some(PlaceHit {
                a: i,
                b: j + 1,
                span: toks[i].s..toks[i].s + form.len(),
                place: PlaceRef::Known(p),
            });
        }
    }
    None
}

/// A run of capitalised tokens that may be one name.
#[derive(Debug, Clone, Copy)]
struct Chain {
    a: usize,
    b: usize,
}

#[inline(never)]
fn build_chains(doc: &Doc, place_at: &[Option<usize>], hits: &[PlaceHit]) -> Vec<Chain> {
    let toks = &doc.toks;
    let mut chains = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        // (An all-letter token has no hyphen.)
        if !(t.word && t.cap) || is_stop(doc.w(i)) || !t.alpha && is_hyphen_adjective(doc.w(i)) {
            i += 1;
            continue;
        }
        let a = i;
        let mut b = place_at[i].map_or(i + 1, |h| hits[h].b);
        while b < toks.len() && !is_possessive(doc.w(b - 1)) {
            let nt = toks[b];
            if !nt.word || !doc.joined(b - 1, b) {
                break;
            }
            let w = doc.w(b);
            let regnal = is_regnal(w) && !toks[b - 1].upper;
            if nt.cap && (!is_stop(w) || regnal) && (nt.alpha || !is_hyphen_adjective(w)) {
                b = place_at[b].map_or(b + 1, |h| hits[h].b.max(b + 1));
            } else if (is_particle(w) || w == "of" && is_title(base(doc.w(b - 1))))
                && b + 1 < toks.len()
                && toks[b + 1].cap
                && toks[b + 1].word
                && doc.joined(b, b + 1)
            {
                b += 1;
            } else {
                break;
            }
        }
        // "Jane Mary (Molly) Roe": a nickname in brackets inside a full name.
        if let Some(end) = bracketed_nickname(doc, a, b) {
            b = end;
        }
        chains.push(Chain { a, b });
        i = b;
    }
    chains
}

/// The end of "(Nick) Surname" after the given names `a..b`, if that is
/// what follows: one or two capitalised words in brackets, then one
/// capitalised word that is no common word.
fn bracketed_nickname(doc: &Doc, a: usize, b: usize) -> Option<usize> {
    let toks = &doc.toks;
    // The bracket first: the given-name lookup is the costly test.
    if b + 3 >= toks.len() || doc.w(b) != "(" || !doc.joined(b - 1, b) || !doc.given(a) {
        return None;
    }
    let close = (b + 2..=b + 3).find(|&k| doc.w(k) == ")")?;
    let inner_ok = (b + 1..close).all(|k| toks[k].word && toks[k].cap);
    let s = close + 1;
    let surname_ok = s < toks.len()
        && toks[s].word
        && toks[s].cap
        && !toks[s].upper
        && doc.joined(close, s)
        && !doc.common(s)
        && toks
            .get(s + 1)
            .is_none_or(|t| !(t.word && t.cap && doc.joined(s, s + 1)));
    (inner_ok && surname_ok).then_some(s + 1)
}

/// "Vienna-based", "British-ruled", "Family-controlled": adjectives made
/// from a name and a common word, never part of a name.
fn is_hyphen_adjective(w: &str) -> bool {
    // Most words have no hyphen: a byte scan rules them out cheaply.
    w.as_bytes().contains(&b'-')
        && w.rsplit_once('-').is_some_and(|(_, tail)| {
            tail.len() >= 3 && tail.starts_with(|c: char| c.is_lowercase()) && GAZETTEER.is_common(tail)
        })
}

/// What a rule says about a name candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Evidence {
    None,
    /// A lone word next to a speech verb or apposition: a person only if
    /// nothing says otherwise.
    Weak,
    Strong,
}

#[derive(Debug)]
struct Candidate {
    /// Token range of the name (titles excluded).
    a: usize,
    b: usize,
    role: Option<String>,
    evidence: Evidence,
    /// A role noun right before it ("spokesman Li").
    role_cue: bool,
}

/// Tokens after the chain ending before `b` that make it a speaker or an
/// apposition head: "X said", "X, 45, said", "X, a spokesman for",
/// "X, Lukashenko's political adviser,".
fn cue_after(doc: &Doc, b: usize) -> bool {
    let toks = &doc.toks;
    let mut k = b;
    // "X, 45," / "X (45)": an age.
    if k + 2 < toks.len()
        && !toks[k].word
        && toks[k + 1].word
        && doc.w(k + 1).bytes().all(|c| c.is_ascii_digit())
        && !toks[k + 2].word
    {
        return true;
    }
    if k < toks.len() && toks[k].word && is_speech_verb(doc.w(k)) {
        return true;
    }
    if k + 1 < toks.len() && doc.w(k) == "," {
        k += 1;
        if matches!(doc.w(k), "who" | "whose") || toks[k].word && is_speech_verb(doc.w(k)) {
            return true;
        }
    }
    role_after(doc, b)
}

/// A lone word then "X, the Leeds-born actor who", "X, a spokesman for":
/// an apposition with an article, the role noun ending its head. Not for
/// product-like words ("ZetaFresh") nor sentence adverbs ("Oddly, the ...").
fn lone_apposition(doc: &Doc, a: usize, b: usize) -> bool {
    let toks = &doc.toks;
    let inner_cap = doc.w(a).chars().skip(1).any(|c| c.is_uppercase() || c.is_ascii_digit());
    if inner_cap || doc.w(a).ends_with("ly") || b + 2 >= toks.len() || doc.w(b) != "," {
        return false;
    }
    if !matches!(doc.w(b + 1), "a" | "an" | "the") {
        return false;
    }
    (b + 2..toks.len().min(b + 6)).take_while(|&k| toks[k].word).any(|k| {
        is_role_noun(base(doc.w(k)))
            && toks.get(k + 1).is_none_or(|t| {
                !t.word || matches!(doc.w(k + 1), "who" | "whose" | "for" | "of" | "at" | "with" | "in")
            })
    })
}

/// "X, the former deputy leader", "X, a Leeds-born actor": a role noun
/// within five words after a comma, an apposition that only people take.
fn role_after(doc: &Doc, b: usize) -> bool {
    let toks = &doc.toks;
    if b + 1 >= toks.len() || doc.w(b) != "," {
        return false;
    }
    for (n, t) in toks.iter().enumerate().skip(b + 1).take(5) {
        if !t.word {
            break;
        }
        let w = base(doc.w(n));
        if is_role_noun(w) || t.cap && with_lower(w, is_role_noun) {
            return true;
        }
    }
    false
}

fn cue_before(doc: &Doc, a: usize) -> Option<&'static str> {
    let prev = doc.prev_word(a).or_else(|| {
        // "two opposition leaders, Jan Roe and ...": a role noun before a comma.
        (a >= 2 && doc.w(a - 1) == ",").then(|| doc.w(a - 2))
    })?;
    if is_speech_verb(prev) && doc.prev_word(a).is_some() {
        return Some("speech");
    }
    if is_role_noun(prev) || prev.strip_suffix('s').is_some_and(is_role_noun) {
        return Some("role");
    }
    None
}

/// Any vehicle word within the two words before the chain.
fn vehicle_before(doc: &Doc, a: usize) -> bool {
    (1..=2).any(|d| a >= d && doc.toks[a - d].word && is_vehicle(doc.w(a - d)))
}

/// What a chain is, as far as the chain itself tells.
#[derive(Debug, PartialEq)]
enum Verdict {
    Nothing,
    Org,
    /// A street, square or bridge: a place not in the gazetteer.
    Landmark,
}

/// What follows the last hyphen of `w` (`rsplit_once('-')`'s tail), by an
/// inlined byte scan: the words are short and mostly have none.
#[inline]
fn after_last_hyphen(w: &str) -> Option<&str> {
    let i = w.bytes().rposition(|b| b == b'-')?;
    w.get(i + 1..)
}

/// A title word, also inside a hyphenated title ("Lieutenant-Colonel").
fn is_title(w: &str) -> bool {
    is_role_head(w) || after_last_hyphen(w).is_some_and(is_role_head)
}

/// Descriptors that may precede a name without being part of it
/// ("Democrat Walter Mondale", "Iraqi Kurdish leader").
fn is_descriptor(w: &str) -> bool {
    let g = &GAZETTEER;
    if !w.starts_with(char::is_uppercase) {
        return false;
    }
    g.demonym(w).is_some()
        || w.strip_suffix('s').is_some_and(|s| g.demonym(s).is_some())
        || matches!(
            w,
            "Democrat"
                | "Republican"
                | "Socialist"
                | "Communist"
                | "Conservative"
                | "Liberal"
                | "Labour"
                | "Tory"
                | "African"
                | "European"
                | "Kurdish"
                | "Kurd"
                | "Kurds"
                | "Palestinian"
                | "Arab"
                | "Muslim"
                | "Moslem"
                | "Christian"
                | "Jewish"
                | "Catholic"
                | "Protestant"
                | "Shi'ite"
                | "Sunni"
                | "Serb"
                | "Croat"
                | "Hutu"
                | "Tutsi"
                | "Basque"
                | "Tamil"
                | "Sikh"
                | "Hindu"
                | "Former"
                | "Veteran"
                | "Late"
                | "Then"
                | "Ex"
                | "Dr."
                | "Dr"
        )
}

/// Classify one chain: title, name part and what vetoes it.
fn classify_chain(
    doc: &Doc,
    chain: Chain,
    place_at: &[Option<usize>],
    hits: &[PlaceHit],
    possessor: Option<Chain>,
    titled: bool,
) -> (Option<Candidate>, Verdict) {
    let toks = &doc.toks;
    let (a, b) = (chain.a, chain.b);
    let whole_place = place_at[a].is_some_and(|h| hits[h].b == b);
    if (a..b).all(|k| toks[k].upper) {
        // Headline or dateline capitals: places only.
        return (None, Verdict::Nothing);
    }
    if !whole_place
        && b - a >= 2
        && (is_landmark_word(base(doc.w(b - 1)))
            || is_feature_head(doc.w(a)) && !(a..b).any(|k| is_org_word(base(doc.w(k)))))
    {
        return (None, Verdict::Landmark);
    }
    // A sea, lake, river or mountain in the gazetteer is never a person.
    let natural = |h: usize| match hits[h].place {
        PlaceRef::Known(p) => !matches!(p.kind, "city" | "region" | "country"),
        PlaceRef::Unknown { .. } => false,
    };
    if place_at[a].is_some_and(|h| hits[h].b == b && natural(h)) {
        return (None, Verdict::Nothing);
    }
    // The last title followed by a name ("U.S. Special Envoy Jane Roe").
    let head = (a..b.saturating_sub(1)).rev().find(|&k| is_title(base(doc.w(k))));
    let (mut na, role) = match head {
        Some(h) => {
            let title = doc.w(h);
            let role = if is_honorific(title) {
                None
            } else {
                let from = role_start(doc, a, h, place_at, possessor);
                Some(doc.text[from..toks[h].e].to_string())
            };
            (h + 1, role)
        }
        None => (a, None),
    };
    let nb = b;
    let mut role = role;
    if let Some(h) = head {
        // "Secretary of State Jane Roe": office words after the title.
        let mut k = na;
        while k + 1 < nb && (is_role_modifier(doc.w(k)) || doc.w(k) == "of" || is_title(doc.w(k))) {
            k += 1;
        }
        if k > na {
            if role.is_some() {
                let from = role_start(doc, a, h, place_at, possessor);
                role = Some(doc.text[from..toks[k - 1].e].to_string());
            }
            na = k;
        }
    }
    // "the militant group Hizb al-Zeta", "the retailer Vox": a name right
    // after a noun for a body or firm is that body's.
    if head.is_none() && doc.prev_word(a).is_some_and(is_body_noun) {
        return (None, Verdict::Org);
    }
    // "A.B. Edwards & Sons": a firm.
    if toks.get(b).is_some_and(|t| &doc.text[t.s..t.e] == "&") {
        return (None, Verdict::Org);
    }
    // Organisation words in the name part make the chain an organisation
    // (a title before it is fine: "Foreign Ministry Spokesman Li").
    if !whole_place && (na..nb).any(|k| is_org_word(base(doc.w(k)))) {
        return (None, Verdict::Org);
    }
    if head.is_none() {
        // "Christian Blanc": a descriptor that is also a given name, before
        // one uncommon word, is the name's first word.
        let given_first = |k: usize| {
            let next = base(doc.w(k + 1));
            doc.given(k)
                && nb - k == 2
                && !doc.common(k + 1)
                && !doc.descr(k + 1)
                && !next.strip_suffix('s').is_some_and(is_descriptor)
        };
        // "S. African", "N. Korean": a compass initial before a descriptor.
        let compass = |k: usize| {
            matches!(
                doc.w(k),
                "N." | "S." | "E." | "W." | "North" | "South" | "East" | "West"
            ) && k + 1 < nb
                && doc.descr(k + 1)
        };
        while na + 1 < nb
            && (doc.descr(na) && !given_first(na) || compass(na) || toks[na].sent && doc.common(na) && !doc.given(na))
        {
            na += 1;
        }
    }
    // Non-English: "Landwirt Hinrich Meyer", "Von Katrin Ahlers": words
    // before a two-word name are an office (the role) or a preposition.
    let mut foreign_cue = false;
    if doc.foreign && head.is_none() && nb - na >= 3 {
        let plain_word = |k: usize| !is_particle(doc.w(k)) && !doc.common(k) && !toks[k].upper && place_at[k].is_none();
        let titled_prefix = (na..nb - 2).any(|k| is_compound_title(doc.w(k)));
        let byline = toks[na].line_start && is_function_word(doc.w(na));
        let cue = titled_prefix || byline || doc.given(nb - 2) || doc.surname(nb - 1) || cue_before(doc, a).is_some();
        if cue && plain_word(nb - 2) && plain_word(nb - 1) {
            let mut from = na;
            while from < nb - 2 && is_function_word(doc.w(from)) {
                from += 1;
            }
            if from < nb - 2 {
                role = Some(doc.text[toks[from].s..toks[nb - 3].e].to_string());
            }
            na = nb - 2;
            foreign_cue = true;
        }
    }
    if na >= nb {
        return (None, Verdict::Nothing);
    }
    let n_len = nb - na;
    let first = base(doc.w(na));
    let name_is_place = place_at[na].is_some_and(|h| hits[h].b == nb);
    // A name made only of office words and places is no name ("U.S. Assistant Secretary").
    // "Viva Zapata" in quotes is a title; "Roman Catholic", "S. Korean" are
    // descriptions; "Le Monde", "PT Timor" titles and firms; "Director of
    // Intelligence" an office.
    let quoted = na == a
        && a >= 1
        && matches!(doc.w(a - 1), "\"" | "“" | "'")
        && toks
            .get(nb)
            .is_some_and(|t| matches!(&doc.text[t.s..t.e], "\"" | "”" | "'"));
    let foreign_article = head.is_none()
        && matches!(
            base(doc.w(na)),
            "Le" | "La" | "Les" | "El" | "Der" | "Die" | "Das" | "Il" | "PT" | "De"
        );
    let office_of = n_len == 1 && na >= 1 && doc.w(na - 1) == "of" && doc.common(na);
    let initial_only = (na..nb).all(|k| doc.w(k).len() <= 2 && doc.w(k).ends_with('.'));
    // "GDRs", "MPs": plural acronyms are no name parts.
    let acronyms = (na..nb).any(|k| {
        let w = doc.w(k);
        w.len() >= 3 && w.ends_with('s') && w[..w.len() - 1].bytes().all(|c| c.is_ascii_uppercase())
    });
    if quoted || foreign_article || office_of || initial_only || acronyms || doc.descr(nb - 1) {
        return (None, Verdict::Nothing);
    }
    let only_roles = (na..nb).all(|k| {
        let w = base(doc.w(k));
        is_title(w) || is_role_modifier(w) || place_at[k].is_some() || doc.descr(k)
    });
    // "his wife Nancy": a given name after a role noun is no place.
    let town = place_at[na].is_some_and(|h| matches!(hits[h].place, PlaceRef::Known(p) if p.kind == "city"));
    let given_after_role = n_len == 1 && doc.given(na) && town && cue_before(doc, a) == Some("role");
    if only_roles && !given_after_role {
        return (None, Verdict::Nothing);
    }
    // "the Abraham Lincoln" is a ship, "the Jan Roe case" still a person.
    let person_noun = doc.next_word(nb - 1).is_some_and(|w| {
        matches!(
            w,
            "case"
                | "affair"
                | "trial"
                | "family"
                | "era"
                | "administration"
                | "government"
                | "campaign"
                | "camp"
                | "presidency"
                | "years"
                | "murder"
                | "killing"
                | "children"
                | "wife"
                | "husband"
        )
    });
    let after_the = head.is_none() && !person_noun && doc.prev_word(a).is_some_and(|w| w == "the" || w == "The");
    let facility = !is_possessive(doc.w(nb - 1)) && doc.next_word(nb - 1).is_some_and(is_facility_noun);
    if vehicle_before(doc, a) || facility || after_the {
        return (None, Verdict::Nothing);
    }
    let mut evidence = Evidence::None;
    if head.is_some() {
        evidence = Evidence::Strong;
    }
    let has_particle = (na..nb).any(|k| is_particle(doc.w(k)));
    let starts_sentence_common = toks[na].sent && doc.common(na) && !doc.given(na);
    let cue_b = cue_before(doc, a);
    let cue_a = cue_after(doc, nb);
    if n_len >= 2 && !name_is_place {
        // A small place called like a given name does not block "George Bush".
        let first_place = place_at[na].is_some_and(|h| match hits[h].place {
            PlaceRef::Known(p) => p.is_major() || !doc.given(na),
            PlaceRef::Unknown { .. } => true,
        });
        let last_ok = !doc.common(nb - 1) || doc.surname(nb - 1) || doc.given(na);
        if doc.given(na) && !first_place && last_ok && !starts_sentence_common {
            evidence = evidence.max(Evidence::Strong);
        }
        if doc.surname(nb - 1) && !doc.common(na) && !first_place && (doc.given(na) || !doc.common(nb - 1)) {
            evidence = evidence.max(Evidence::Strong);
        }
        if has_particle || cue_b.is_some() || cue_a {
            evidence = evidence.max(Evidence::Strong);
        }
        // A line that is only a name (a byline), or a sign-off "-- Jan Roe,".
        let whole_line = toks[a].line_start && toks.get(b).is_none_or(|t| t.line_start);
        let sign_off = a >= 1 && toks[a - 1].line_start && matches!(doc.w(a - 1), "-" | "--" | "—")
            || a >= 2 && toks[a - 2].line_start && doc.w(a - 2) == "-" && doc.w(a - 1) == "-";
        // Foreign articles and acronyms start titles and companies ("Le
        // Matin", "PT Timor"), not names.
        let foreign_article = matches!(
            first,
            "Le" | "La" | "Les" | "El" | "Der" | "Die" | "Das" | "Il" | "PT" | "De"
        );
        let plain = !foreign_article
            && (na..nb).all(|k| place_at[k].is_none() && !doc.common(k) && !doc.descr(k) && !toks[k].upper);
        if (whole_line || sign_off) && plain && n_len <= 4 {
            evidence = evidence.max(Evidence::Strong);
        }
        // Capitalised words that are neither words, places nor
        // organisations, mid-sentence: in news, a name ("Wang Donghai").
        if plain && !titled && n_len <= 3 && (!toks[na].sent || n_len >= 2) {
            evidence = evidence.max(Evidence::Strong);
        }
        // "Wang Donghai": a census name, then a word that is also a small town
        // (not a common word: "Million Man", with "Man" for the Isle of Man).
        let small_place_last = place_at[nb - 1].is_some_and(|h| match hits[h].place {
            PlaceRef::Known(p) => !p.is_major() && hits[h].a == nb - 1,
            PlaceRef::Unknown { .. } => false,
        });
        if n_len == 2
            && small_place_last
            && !doc.common(nb - 1)
            && place_at[na].is_none()
            && (doc.given(na) || doc.surname(na))
        {
            evidence = evidence.max(Evidence::Strong);
        }
        // Middle initial: "John F. Kennedy".
        if n_len >= 3 && (na + 1..nb - 1).any(|k| doc.w(k).len() == 2 && doc.w(k).ends_with('.')) {
            evidence = evidence.max(Evidence::Strong);
        }
    } else if n_len == 1 && (cue_b.is_some() || cue_a) && (!name_is_place || cue_b == Some("role") && doc.given(na)) {
        evidence = evidence.max(Evidence::Weak);
    }
    if starts_sentence_common && n_len == 1 && head.is_none() {
        evidence = Evidence::None;
    }
    // Non-English text capitalises common nouns ("Zum Inhalt", "Pegel der
    // Elbe"): a chain is a person only with a title, speech verb or given
    // name next to it.
    // "el presidente de la comunidad, Quim Soler, explicó": an apposition
    // of plain capitalised words between commas names someone.
    let comma = |k: usize| k < toks.len() && doc.w(k) == ",";
    let apposition = doc.foreign
        && (2..=3).contains(&n_len)
        && na == a
        && a >= 1
        && comma(a - 1)
        && comma(nb)
        && (na..nb).all(|k| !doc.common(k) && !toks[k].upper && place_at[k].is_none() && !is_particle(doc.w(k)));
    if doc.foreign && head.is_none() && !foreign_cue && !apposition && !doc.given(na) && cue_b.is_none() && !cue_a {
        evidence = Evidence::None;
    }
    let role = role.or_else(|| {
        // "spokesman Li Wei", "the minister's son-in-law, Li Wei": the role
        // noun before the name, with its possessive owner.
        if cue_b != Some("role") || evidence == Evidence::None {
            return None;
        }
        let noun = if doc.prev_word(a).is_some() {
            a - 1
        } else {
            a.checked_sub(2)?
        };
        let from = if noun >= 1 && toks[noun - 1].word && is_possessive(doc.w(noun - 1)) && toks[noun - 1].cap {
            noun - 1
        } else {
            noun
        };
        Some(doc.text[toks[from].s..toks[noun].e].to_string())
    });
    let role = role.or_else(|| (evidence > Evidence::None).then(|| apposition_role(doc, nb)).flatten());
    (
        (evidence > Evidence::None).then_some(Candidate {
            a: na,
            b: nb,
            role,
            evidence,
            // "Roe, the actor": a lone word with a role after it counts as
            // one with a role before it ("the actor Roe").
            role_cue: cue_b == Some("role") || n_len == 1 && lone_apposition(doc, na, nb),
        }),
        Verdict::Nothing,
    )
}

/// "Speaker of the House of Delegates Olek Brandvik": a title, "of (the)",
/// a body, then a name. The name is the uncommon capitalised words after
/// the body's last organisation word; the role runs from the title to it.
fn office_of_body_holder(doc: &Doc, chain: Chain, place_at: &[Option<usize>]) -> Option<Candidate> {
    let toks = &doc.toks;
    let (a, b) = (chain.a, chain.b);
    // Back over the body ("House of Representatives", "the Bank of
    // Zetaland") to "Title of".
    let mut k = a;
    let title = loop {
        if k < 2 || a - k > 8 {
            return None;
        }
        let w = doc.w(k - 1);
        if w == "of" && toks[k - 2].word && is_title(base(doc.w(k - 2))) {
            break k - 2;
        }
        if !(toks[k - 1].word && (toks[k - 1].cap || matches!(w, "of" | "the" | "and"))) || toks[k - 1].sent {
            return None;
        }
        k -= 1;
    };
    // The body ends with its last organisation or common word.
    let last = (a..b)
        .rev()
        .find(|&k| is_org_word(base(doc.w(k))) || doc.common(k) && !doc.given(k))?;
    // "the House Newt Roe": a word right after an organisation word opens
    // the name even when it is also a common word.
    let last = if last > a && !is_org_word(base(doc.w(last))) && is_org_word(base(doc.w(last - 1))) {
        last - 1
    } else {
        last
    };
    let na = last + 1;
    let name_ok =
        (na..b).all(|k| !toks[k].upper && place_at[k].is_none() && !is_org_word(base(doc.w(k))) && !doc.descr(k));
    if !(1..=3).contains(&(b - na)) || !name_ok || !(na..b).any(|k| !doc.common(k)) {
        return None;
    }
    Some(Candidate {
        a: na,
        b,
        role: Some(doc.text[toks[title].s..toks[last].e].to_string()),
        evidence: Evidence::Strong,
        role_cue: false,
    })
}

/// The role in an apposition after the name: "X, a spokeswoman for ...",
/// "X, chief scientist at ...", "X, the former deputy leader," give
/// "spokeswoman", "chief scientist", "former deputy leader".
fn apposition_role(doc: &Doc, b: usize) -> Option<String> {
    let toks = &doc.toks;
    if b + 1 >= toks.len() || doc.w(b) != "," {
        return None;
    }
    let mut k = b + 1;
    if matches!(doc.w(k), "a" | "an" | "the") {
        k += 1;
    }
    let start = k;
    while k < toks.len() && k < start + 4 && toks[k].word && !toks[k].cap {
        let w = doc.w(k);
        if is_role_noun(w) {
            // The role ends the apposition's head: a clause break or a
            // preposition follows ("a spokesman for", "an adviser,").
            let ends = toks.get(k + 1).is_none_or(|t| {
                !t.word || matches!(doc.w(k + 1), "for" | "of" | "at" | "with" | "in" | "to" | "and" | "who")
            });
            if ends {
                return Some(doc.text[toks[start].s..toks[k].e].to_string());
            }
        }
        if is_function_word(w) {
            return None;
        }
        k += 1;
    }
    None
}

/// Where the office before a name starts: the title at `h` and the office
/// words, places and demonyms right before it ("Oman's Foreign Minister").
fn role_start(doc: &Doc, a: usize, h: usize, place_at: &[Option<usize>], possessor: Option<Chain>) -> usize {
    let mut k = h;
    while k > a {
        let w = base(doc.w(k - 1));
        if is_title(w) || is_role_modifier(w) || doc.descr(k - 1) || place_at[k - 1].is_some() {
            k -= 1;
        } else {
            break;
        }
    }
    match possessor {
        Some(p) if k == a => doc.toks[p.a].s,
        _ => doc.toks[k].s,
    }
}

/// Last words of named streets, squares, bridges and natural features
/// (places in news).
fn is_landmark_word(w: &str) -> bool {
    matches!(
        w,
        "Sea"
            | "Ocean"
            | "Harbor"
            | "Harbour"
            | "Sound"
            | "Creek"
            | "Canal"
            | "Reservoir"
            | "Lagoon"
            | "Glacier"
            | "Street"
            | "Square"
            | "Avenue"
            | "Boulevard"
            | "Bridge"
            | "Highway"
            | "Strait"
            | "Straits"
            | "Peninsula"
            | "Valley"
            | "Desert"
            | "Canyon"
            | "Mountains"
            | "Hills"
            | "Islands"
            | "Island"
            | "Lake"
            | "River"
            | "Falls"
            | "Coast"
            | "Bay"
            | "County"
            | "Parish"
            | "Province"
            | "District"
            | "Prefecture"
            | "Oblast"
            | "Governorate"
            | "Prison"
            | "Jail"
    )
}

/// First words of named natural features and saints' places: "Lake X",
/// "Mount X", "Cape X", "St. X" are places (or nothing), never people.
fn is_feature_head(w: &str) -> bool {
    matches!(
        w,
        "Lake"
            | "Mount"
            | "Mt."
            | "Cape"
            | "Loch"
            | "Lac"
            | "Lago"
            | "Monte"
            | "Mont"
            | "Isla"
            | "Île"
            | "St."
            | "St"
            | "Ste."
            | "Saint"
            | "Sainte"
            | "Sankt"
            | "Casa"
            | "Palacio"
            | "Palazzo"
            | "Palais"
            | "Schloss"
            | "San"
            | "Santa"
            | "São"
    )
}

/// A function word of any supported language ("Von", "Par", "Nach").
fn is_function_word(w: &str) -> bool {
    with_lower(w, crate::cleaner::text::lexicon::is_stop_word)
}

/// German-style compound offices before a name ("Umweltminister",
/// "Verbandsvorsteherin", "Landwirt").
pub(crate) fn is_compound_title(w: &str) -> bool {
    const TAILS: &[&str] = &[
        "minister",
        "ministerin",
        "präsident",
        "präsidentin",
        "sprecher",
        "sprecherin",
        "vorsteher",
        "vorsteherin",
        "meister",
        "meisterin",
        "leiter",
        "leiterin",
        "direktor",
        "direktorin",
        "chef",
        "chefin",
        "landrat",
        "landrätin",
        "wirt",
        "wirtin",
        "vorsitzende",
        "vorsitzender",
    ];
    // Every tail ends in one of these letters (lower-cased): most words
    // are ruled out without lower-casing them.
    let last = w.as_bytes().last().map(u8::to_ascii_lowercase);
    let maybe = matches!(last, Some(b'r' | b'n' | b't' | b'f' | b'e')) || last.is_some_and(|b| !b.is_ascii());
    maybe && w.starts_with(char::is_uppercase) && with_lower(w, |lower| TAILS.iter().any(|t| lower.ends_with(t)))
}

/// Calls `f` with `w` lower-cased, without allocating for short ASCII
/// words: lexicon lookups on every token are hot, and `to_lowercase` of
/// ASCII is `to_ascii_lowercase`.
pub(crate) fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    const N: usize = 48;
    if w.len() <= N && w.is_ascii() {
        let mut buf = [0u8; N];
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        if let Ok(s) = std::str::from_utf8(b) {
            return f(s);
        }
    }
    f(&w.to_lowercase())
}

/// The kind of a landmark, from its feature word.
fn landmark_kind(first: &str, last: &str) -> &'static str {
    match (first, last) {
        (_, "Sea" | "Ocean" | "Gulf" | "Sound" | "Strait" | "Straits") => "sea",
        ("Lake" | "Loch" | "Lac" | "Lago", _) | (_, "Lake" | "Reservoir" | "Lagoon") => "lake",
        (_, "River" | "Creek" | "Canal") => "river",
        ("Mount" | "Mt." | "Monte" | "Mont", _) | (_, "Mountains" | "Hills" | "Glacier") => "mountain",
        (_, "Bay" | "Harbor" | "Harbour") => "bay",
        (_, "Island" | "Islands") | ("Isla" | "Île", _) => "island",
        (_, "County" | "Parish" | "Province" | "District" | "Prefecture" | "Oblast" | "Governorate") => "region",
        _ => "landmark",
    }
}

/// The maximal runs of alphabetic characters of `text` (what splitting at
/// every non-alphabetic character leaves), decoding only non-ASCII bytes.
/// [`is_foreign_text`] finds the same words within the tokens; tests compare them.
#[cfg(test)]
fn alphabetic_words(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    // The length of the alphabetic character at `p`, if it is one.
    let alpha_at = move |p: usize| {
        let b = *bytes.get(p)?;
        if b < 0x80 {
            return (BYTE_CLASS[usize::from(b)] & ALPHA != 0).then_some(1);
        }
        char_at(text, p).filter(|(c, _)| c.is_alphabetic()).map(|(_, len)| len)
    };
    let mut p = 0;
    std::iter::from_fn(move || {
        while p < bytes.len() && alpha_at(p).is_none() {
            p += char_at(text, p).map_or(1, |(_, len)| len);
        }
        if p >= bytes.len() {
            return None;
        }
        let start = p;
        while let Some(len) = alpha_at(p) {
            p += len;
        }
        text.get(start..p)
    })
}

/// English function words, counted by [`is_foreign_text`].
const ENGLISH_WORDS: [&str; 20] = [
    "the", "and", "of", "to", "is", "was", "that", "with", "for", "are", "were", "has", "have", "it", "this", "by",
    "from", "said", "on", "at",
];
/// Function words of German, French, Spanish, Italian, Dutch and Portuguese.
const OTHER_WORDS: [&str; 47] = [
    "der", "die", "und", "das", "ist", "nicht", "mit", "den", "dem", "ein", "eine", "sich", "le", "les", "et", "est",
    "une", "des", "du", "dans", "pour", "qui", "el", "los", "las", "y", "del", "una", "por", "con", "para", "il",
    "della", "che", "di", "het", "een", "van", "os", "não", "em", "uma", "la", "de", "que", "au", "sur",
];
/// Longer words are passed over by [`is_foreign_text`] without a lookup.
const LONGEST_FUNCTION_WORD: usize = {
    let (a, b) = (longest(&ENGLISH_WORDS), longest(&OTHER_WORDS));
    if a > b { a } else { b }
};
static FUNCTION_WORDS: WordTable = WordTable::new(&ENGLISH_WORDS, &OTHER_WORDS);

/// Whether the body (`text[offset..]`, tokenized with the rest of `text`
/// into `toks`) reads as a language other than English: more function
/// words of German, French, Spanish, Italian, Dutch or Portuguese than of
/// English. Tables and lists with few function words count as English.
///
/// The words counted are the maximal runs of alphabetic characters (see
/// `alphabetic_words`). Every alphabetic character is alphanumeric, so each
/// run lies inside one word token: the scan walks the tokens (most of them
/// all ASCII letters, one word each) instead of every byte again.
#[inline(never)]
fn is_foreign_text(text: &str, toks: &[Tok], offset: usize) -> bool {
    const MAX_WORDS: usize = 3000;
    let bytes = text.as_bytes();
    // The length of the alphabetic character at `p` (0: none).
    let alpha_len = |p: usize| -> usize {
        match bytes.get(p) {
            Some(&b) if b < 0x80 => usize::from(BYTE_CLASS[usize::from(b)] & ALPHA != 0),
            Some(_) => char_at(text, p).map_or(0, |(c, len)| if c.is_alphabetic() { len } else { 0 }),
            None => 0,
        }
    };
    /// Function words counted so far among `words` words.
    #[derive(Default)]
    struct Tally {
        en: usize,
        other: usize,
        words: usize,
    }
    impl Tally {
        /// Counts the word `start..p`; true once the text is decided
        /// English: even if every word left (each at least a separator and
        /// a letter) were a foreign one, `other` could not pass `2 * en`.
        #[inline]
        fn count(&mut self, bytes: &[u8], start: usize, p: usize) -> bool {
            self.words += 1;
            let len = p - start;
            if len > LONGEST_FUNCTION_WORD {
                return false;
            }
            // Eight bytes at once where the text has them, the word's kept.
            let k = match bytes.get(start..start + 8) {
                Some(b) => {
                    u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]) & !(u64::MAX << (8 * len))
                }
                None => word_key(&bytes[start..p]).unwrap_or(0),
            };
            match FUNCTION_WORDS.class(k) {
                ENGLISH => {
                    self.en += 1;
                    let left = (MAX_WORDS - self.words).min((bytes.len() - p) / 2);
                    self.other + left <= self.en * 2
                }
                OTHER => {
                    self.other += 1;
                    false
                }
                _ => false,
            }
        }
    }
    let mut tally = Tally::default();
    let first = toks.partition_point(|t| t.s < offset);
    for t in toks[first..].iter().filter(|t| t.word) {
        if t.alpha {
            // One word, the whole token.
            if tally.count(bytes, t.s, t.e) {
                return false;
            }
        } else {
            // The token's alphabetic runs, found byte by byte.
            let mut p = t.s;
            while p < t.e && tally.words < MAX_WORDS {
                while p < t.e && alpha_len(p) == 0 {
                    p += char_at(text, p).map_or(1, |(_, len)| len);
                }
                if p >= t.e {
                    break;
                }
                let start = p;
                while p < t.e
                    && let len @ 1.. = alpha_len(p)
                {
                    p += len;
                }
                if tally.count(bytes, start, p) {
                    return false;
                }
            }
        }
        if tally.words >= MAX_WORDS {
            break;
        }
    }
    tally.other >= 5 && tally.other > tally.en * 2
}

/// A word of at most eight bytes as one integer (zero-padded; words hold
/// no NUL), so that a set of short words is one sorted array of integers.
const fn word_key(w: &[u8]) -> Option<u64> {
    if w.len() > 8 {
        return None;
    }
    let mut k = 0u64;
    let mut i = 0;
    while i < w.len() {
        k |= (w[i] as u64) << (8 * i);
        i += 1;
    }
    Some(k)
}

/// The length in bytes of the longest of `words`.
const fn longest(words: &[&str]) -> usize {
    let mut max = 0;
    let mut i = 0;
    while i < words.len() {
        if words[i].len() > max {
            max = words[i].len();
        }
        i += 1;
    }
    max
}

const ENGLISH: u8 = 1;
const OTHER: u8 = 2;

/// Two sets of short words ([`word_key`]s) in one collision-free hash
/// table, built at compile time: a lookup is one multiplication and one
/// comparison.
struct WordTable {
    mult: u64,
    keys: [u64; 512],
    class: [u8; 512],
}

impl WordTable {
    /// Tries multipliers until the words of both lists land in distinct
    /// slots (with 512 slots for a few dozen words, a few tries). A word of
    /// both lists is [`ENGLISH`].
    const fn new(english: &[&str], other: &[&str]) -> WordTable {
        let mut mult: u64 = 0x9e37_79b9_7f4a_7c15;
        loop {
            let mut table = WordTable {
                mult,
                keys: [0; 512],
                class: [0; 512],
            };
            if table.insert(english, ENGLISH) && table.insert(other, OTHER) {
                return table;
            }
            mult ^= mult << 13;
            mult ^= mult >> 7;
            mult ^= mult << 17;
            mult |= 1;
        }
    }

    const fn slot(&self, k: u64) -> usize {
        (k.wrapping_mul(self.mult) >> 55) as usize
    }

    /// Adds `words` as `class`; false on a collision with another word.
    const fn insert(&mut self, words: &[&str], class: u8) -> bool {
        let mut i = 0;
        while i < words.len() {
            let k = match word_key(words[i].as_bytes()) {
                Some(k) => k,
                None => panic!("WordTable: a word longer than eight bytes"),
            };
            let slot = self.slot(k);
            if self.keys[slot] == 0 {
                self.keys[slot] = k;
                self.class[slot] = class;
            } else if self.keys[slot] != k {
                return false;
            }
            i += 1;
        }
        true
    }

    /// The class of the word with key `k` (0: in neither list; empty
    /// words, key 0, are in none).
    #[inline]
    fn class(&self, k: u64) -> u8 {
        let slot = self.slot(k);
        if self.keys[slot] == k && k != 0 {
            self.class[slot]
        } else {
            0
        }
    }
}

/// Tokens that are all-caps place names at a line start: "VIENNA -",
/// "LONDON 1996-08-30", "NEW YORK (Reuters)".
fn dateline(doc: &Doc, i: usize) -> Option<usize> {
    let toks = &doc.toks;
    if !toks[i].line_start || !toks[i].upper {
        return None;
    }
    let mut j = i;
    while j + 1 < toks.len() && toks[j + 1].upper && doc.joined(j, j + 1) && j - i < 3 {
        j += 1;
    }
    let next = toks.get(j + 1)?;
    let w = &doc.text[next.s..next.e];
    let datey = next.word && w.starts_with(|c: char| c.is_ascii_digit());
    let agency = w == "(" && toks.get(j + 2).is_some_and(|t| t.cap);
    // "TAVILDARA, Tajikistan": a known country or region after the comma.
    let in_place = w == ","
        && toks.get(j + 2).is_some_and(|t| {
            t.cap
                && GAZETTEER
                    .place(base(&doc.text[t.s..t.e]))
                    .is_some_and(|p| p.kind != "city")
        });
    let agency = agency || in_place;
    if !(datey || agency) || (i..=j).any(|k| with_title_case(doc.w(k), |t| is_stop(t) || is_org_word(t))) {
        return None;
    }
    Some(j + 1)
}

/// "St. Petersburg, Fla.", "Atlanta, Georgia": in a "City, Region" pair
/// the two names are in one country, which picks between places that share
/// a form.
#[inline(never)]
fn disambiguate_pairs(doc: &Doc, hits: &mut [PlaceHit]) {
    let g = &GAZETTEER;
    let form = |h: &PlaceHit| {
        let w = base(&doc.text[h.span.clone()]);
        if doc.toks[h.a].upper {
            title_case(w)
        } else {
            w.to_string()
        }
    };
    for i in 1..hits.len() {
        let (PlaceRef::Known(first), PlaceRef::Known(second)) = (hits[i - 1].place, hits[i].place) else {
            continue;
        };
        let (x, y) = (&hits[i - 1], &hits[i]);
        let pair = x.b + 1 == y.a && doc.w(x.b) == "," && y.b > y.a;
        if !pair || first.country == second.country || first.country.is_empty() || second.country.is_empty() {
            continue;
        }
        if matches!(second.kind, "country" | "region")
            && matches!(first.kind, "city" | "region")
            && let Some(p) = g.place_in(&form(x), second.country)
        {
            hits[i - 1].place = PlaceRef::Known(p);
        } else if second.kind == "country"
            && first.kind == "city"
            && let Some(p) = g.place_in(&form(y), first.country).filter(|p| p.kind == "region")
        {
            hits[i].place = PlaceRef::Known(p);
        }
    }
}

/// `written` is `name` without its accents ("Bogota" for "Bogotá"): the
/// text's own spelling of the canonical name.
fn same_but_accents(written: &str, name: &str) -> bool {
    written.is_ascii()
        && written.len() < name.len()
        && written.chars().count() == name.chars().count()
        && written
            .chars()
            .zip(name.chars())
            .all(|(w, n)| w == n || fold_latin(n) == w)
}

/// The base letter of an accented Latin letter ('é' → 'e'), else `c`
/// ('?' for ligatures and signs, which match no letter).
fn fold_latin(c: char) -> char {
    const LATIN1: &str = "AAAAAA?CEEEEIIIIDNOOOOO?OUUUUYT?aaaaaa?ceeeeiiiidnooooo?ouuuuyty";
    const EXT_A: &str = "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi??JjKkkLlLlLlLlLlNnNnNnnNnOoOoOo??RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
    let u = c as u32;
    let pick = |table: &str, i: u32| table.as_bytes().get(i as usize).map_or(c, |&b| b as char);
    match u {
        0xC0..=0xFF => pick(LATIN1, u - 0xC0),
        0x100..=0x17F => pick(EXT_A, u - 0x100),
        0x218 => 'S',
        0x219 => 's',
        0x21A => 'T',
        0x21B => 't',
        _ => c,
    }
}

/// How entity names are reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Names {
    /// One entry per person (fullest name) and per place (canonical name:
    /// "United States" for "U.S.").
    #[default]
    Canonical,
    /// One entry per distinct form as written ("U.S.", "Bruno", "Frank
    /// Bruno"), the way CoNLL-style gold sets list entities.
    AsWritten,
}

/// People and places of a document (`lead`: headline/dateline lines, see
/// [`lead_text`]); people's spans are byte ranges in `body`.
pub fn analyse(lead: &str, body: &str) -> Entities {
    analyse_with(lead, body, Names::Canonical)
}

pub fn analyse_with(lead: &str, body: &str, names: Names) -> Entities {
    let offset = if lead.is_empty() { 0 } else { lead.len() + 2 };
    let owned;
    let text: &str = if lead.is_empty() {
        body
    } else {
        owned = format!("{lead}\n\n{body}");
        &owned
    };
    let toks = tokenize(text);
    let doc = Doc {
        text,
        memo: vec![std::cell::Cell::new(0); toks.len()],
        foreign: is_foreign_text(text, &toks, offset),
        toks,
    };
    let g = &GAZETTEER;
    let toks = &doc.toks;
    let n = toks.len();

    // 1. Gazetteer matches.
    let mut hits: Vec<PlaceHit> = Vec::new();
    let mut place_at: Vec<Option<usize>> = vec![None; n];
    let mut i = 0;
    while i < n {
        if let Some(h) = match_place(&doc, i) {
            for slot in &mut place_at[h.a..h.b] {
                *slot = Some(hits.len());
            }
            i = h.b;
            hits.push(h);
        } else {
            // "US-Iran": the parts of a hyphenated word.
            let w = doc.w(i);
            let all_places = || w.split('-').all(|p| g.place(p).is_some_and(|p| p.is_major()));
            if toks[i].cap && !toks[i].alpha && w.contains('-') && all_places() {
                let mut off = toks[i].s;
                for part in w.split('-') {
                    if let Some(p) = g.place(part).filter(|p| p.is_major()) {
                        hits.push(PlaceHit {
                            a: i,
                            b: i,
                            span: off..off + part.len(),
                            place: PlaceRef::Known(p),
                        });
                    }
                    off += part.len() + 1;
                }
            }
            i += 1;
        }
    }
    disambiguate_pairs(&doc, &mut hits);
    // Datelines: unknown all-caps names at a line start.
    for i in 0..n {
        if let Some(end) = dateline(&doc, i)
            && place_at[i].is_none()
        {
            for slot in &mut place_at[i..end] {
                *slot = Some(hits.len());
            }
            hits.push(PlaceHit {
                a: i,
                b: end,
                span: toks[i].s..toks[end - 1].e,
                place: PlaceRef::Unknown {
                    country: None,
                    kind: "city",
                },
            });
        }
    }

    // 2. Chains and their verdicts.
    let geo = !doc.foreign && hits.len() >= 4;
    let chains = build_chains(&doc, &place_at, &hits);
    let mut vetoed = vec![false; hits.len()];
    let mut in_person = vec![false; n];
    let mut cands: Vec<Candidate> = Vec::new();
    let titled = title_case_lines(&doc);
    let mut landmarks: Vec<(Chain, &'static str)> = Vec::new();
    // 0: not an organisation; 1: a one-chain organisation; 2: several
    // chains joined by "of"/"for" ("Organisation for Security and ...").
    let mut prev_org = 0u8;
    for (ci, &chain) in chains.iter().enumerate() {
        let possessor = (ci > 0).then(|| chains[ci - 1]).filter(|p| p_adjacent(&doc, *p, chain));
        let (mut cand, verdict) = classify_chain(&doc, chain, &place_at, &hits, possessor, titled[chain.a]);
        // "the town of Bou Haroun": the context outweighs a bare name guess.
        let context_place = place_by_context(&doc, chain, &place_at, geo && !titled[chain.a]);
        if context_place.is_some() && cand.as_ref().is_some_and(|c| c.role.is_none() && !doc.given(c.a)) {
            cand = None;
        }
        // "Bank of China": the chain after "of" belongs to the organisation.
        let joined_prev = ci > 0 && chain.a >= 1 && chains[ci - 1].b + 1 == chain.a;
        let conn = if chain.a >= 1 { doc.w(chain.a - 1) } else { "" };
        let of_org = prev_org > 0
            && joined_prev
            && (matches!(
                conn,
                "of" | "for"
                    | "on"
                    | "&"
                    | "de"
                    | "do"
                    | "da"
                    | "dos"
                    | "das"
                    | "del"
                    | "des"
                    | "du"
                    | "di"
                    | "della"
                    | "der"
            ) || prev_org > 1 && matches!(conn, "and" | "in"));
        let org = verdict == Verdict::Org;
        if cand.is_none() && verdict != Verdict::Landmark {
            cand = office_of_body_holder(&doc, chain, &place_at);
        }
        // "Banco do Atlântico Norte": an untitled name after the connector
        // is the organisation's, not a person ("Council of Europe President
        // Jane Roe" keeps its titled person).
        if of_org && cand.as_ref().is_some_and(|c| c.role.is_none()) {
            cand = None;
        }
        if org || of_org {
            for h in place_at[chain.a..chain.b].iter().flatten() {
                vetoed[*h] = true;
            }
            // "Kia Motor Corp of South Korea": after a legal suffix the
            // organisation's name is complete.
            let suffix = matches!(
                base(doc.w(chain.b - 1)),
                "Corp"
                    | "Corp."
                    | "Inc"
                    | "Inc."
                    | "Ltd"
                    | "Ltd."
                    | "Co"
                    | "Co."
                    | "Plc"
                    | "PLC"
                    | "AG"
                    | "SA"
                    | "NV"
                    | "SpA"
                    | "GmbH"
            );
            prev_org = if suffix {
                0
            } else if of_org {
                2
            } else {
                1
            };
        } else {
            prev_org = 0;
        }
        if verdict == Verdict::Landmark {
            for h in place_at[chain.a..chain.b].iter().flatten() {
                vetoed[*h] = true;
            }
            landmarks.push((chain, landmark_kind(doc.w(chain.a), base(doc.w(chain.b - 1)))));
            continue;
        }
        if let Some(c) = cand {
            // A lone word with weak evidence ("told Boston television")
            // vetoes its place only once it resolves to a person (below).
            let lone_weak = c.evidence == Evidence::Weak && c.b - c.a == 1;
            for k in (c.a..c.b).filter(|_| !lone_weak) {
                in_person[k] = true;
                if let Some(h) = place_at[k] {
                    vetoed[h] = true;
                }
            }
            cands.push(c);
        } else if !org
            && !of_org
            && let Some(kind) = context_place
        {
            landmarks.push((chain, kind));
        } else if !org && !of_org && !titled[chain.a] {
            // "Chicago Cubs", "Texas Instruments": a place that modifies a
            // following name is part of another entity.
            let mut k = chain.a;
            while k < chain.b {
                let Some(h) = place_at[k] else {
                    k += 1;
                    continue;
                };
                let end = hits[h].b.max(k + 1);
                // "ZETIC Pacific", "BBC Scotland": an acronym before a place
                // names a firm or its branch.
                let acronym = k > chain.a
                    && toks[k - 1].upper
                    && toks[k - 1].e - toks[k - 1].s <= 5
                    && place_at[k - 1].is_none()
                    && !toks[k].upper;
                if acronym {
                    vetoed[h] = true;
                }
                if end < chain.b && place_at[end].is_none() {
                    let w = base(doc.w(end));
                    if !is_title(w) && !is_role_modifier(w) && !doc.descr(end) {
                        vetoed[h] = true;
                    }
                }
                k = end;
            }
        }
    }

    // 3. People: full names first, then lone words that name one of them.
    let mut people: Vec<PersonEntity> = Vec::new();
    let mut roster = Roster::default();
    cands.sort_by_key(|c| std::cmp::Reverse(c.b - c.a));
    let mut weak: Vec<&Candidate> = Vec::new();
    for c in &cands {
        let span = toks[c.a].s..toks[c.a].s + base(&doc.text[toks[c.a].s..toks[c.b - 1].e]).len();
        let name = doc.text[span.clone()].split_whitespace().collect::<Vec<_>>().join(" ");
        if c.b - c.a == 1 {
            // Lone words are resolved below, once all full names are known.
            if c.evidence == Evidence::Weak {
                weak.push(c);
                continue;
            }
        }
        let idx = match roster.resolve(&people, &name) {
            Some(i) => i,
            None => roster.add(&mut people, &name),
        };
        let p = &mut people[idx];
        if p.role.is_none() {
            p.role.clone_from(&c.role);
        }
        p.spans.push(span);
    }
    for c in weak {
        let w = base(doc.w(c.a));
        let lone_ok = !doc.common(c.a) && (doc.surname(c.a) || c.role_cue) || doc.surname(c.a);
        let idx = roster.resolve(&people, w);
        // "his wife Nancy": a given name right after a role noun is the
        // person even when a town has that name.
        let given_after_role = c.role_cue && doc.given(c.a) && g.place(w).is_some_and(|p| !p.is_major());
        if idx.is_none() && (!lone_ok || g.place(w).is_some() && !given_after_role || g.demonym(w).is_some()) {
            continue;
        }
        let span = toks[c.a].s..toks[c.a].s + w.len();
        let idx = match idx {
            Some(i) => i,
            None => roster.add(&mut people, w),
        };
        people[idx].spans.push(span);
        in_person[c.a] = true;
        if let Some(h) = place_at[c.a] {
            vetoed[h] = true;
        }
    }
    // Every other capitalised word that is a known person's surname.
    // Surname → person. When two people share it ("President Olek Roe"
    // and "Mira Roe"), the one named with a title, if only one is.
    let mut surname: FxHashMap<&str, Option<usize>> = FxHashMap::default();
    for (i, p) in people.iter().enumerate() {
        if let Some(last) = p.name.rsplit(' ').next() {
            surname
                .entry(last)
                .and_modify(|v| {
                    *v = match (*v, p.role.is_some()) {
                        (Some(j), false) if people[j].role.is_some() && p.name.contains(' ') => Some(j),
                        (Some(j), true) if people[j].role.is_none() && people[j].name.contains(' ') => Some(i),
                        _ => None,
                    }
                })
                .or_insert(Some(i));
        }
    }
    // "Saddam" for "Saddam Hussein", "Nicole" for "Nicole Roe": a lone
    // first word of one known full name (not another's surname) is that person.
    let mut first_word: FxHashMap<&str, Option<usize>> = FxHashMap::default();
    for (i, p) in people.iter().enumerate() {
        if let Some((first, _)) = p.name.split_once(' ')
            && first.chars().count() >= 3
            && !surname.contains_key(first)
        {
            first_word.entry(first).and_modify(|v| *v = None).or_insert(Some(i));
        }
    }
    let mut extra: Vec<(usize, Span, Option<usize>)> = Vec::new();
    for k in 0..n {
        if in_person[k] || !toks[k].word || !toks[k].cap || toks[k].upper {
            continue;
        }
        let w = base(doc.w(k));
        let by_first = || {
            first_word
                .get(w)
                .copied()
                .flatten()
                .filter(|_| place_at[k].is_none() && !doc.common(k) && !is_stop(w))
        };
        if let Some(pi) = surname.get(w).copied().flatten().or_else(by_first) {
            // "American Tyson": a demonym before the surname is no name part.
            let alone = doc
                .prev_word(k)
                .is_none_or(|p| !doc.toks[k - 1].cap || is_stop(p) || doc.descr(k - 1))
                && doc.next_word(k).is_none_or(|nw| !toks[k + 1].cap || is_stop(nw));
            if alone {
                extra.push((pi, toks[k].s..toks[k].s + w.len(), place_at[k]));
            }
        }
    }
    for (pi, span, hit) in extra {
        if let Some(h) = hit {
            vetoed[h] = true;
        }
        people[pi].spans.push(span);
    }
    roster_lists(&doc, &in_person, &place_at, &mut vetoed, &mut people, &mut roster);
    // "Jan Roe Ltd", "the Zeta Vox daily": once a firm's or a paper's name,
    // the same words name it elsewhere in the text too ("Zeta Vox said").
    let firms = firm_names(&doc, &chains);
    if !firms.is_empty() {
        people.retain(|p| !firms.contains(p.name.as_str()));
    }

    // 4. Places.
    let mut places: Vec<Place> = Vec::new();
    let mut place_index: FxHashMap<String, usize> = FxHashMap::default();
    // "in Horford" when the text names Al Horford: the person's surname.
    let surnames: rustc_hash::FxHashSet<&str> = people
        .iter()
        .filter_map(|p| p.name.rsplit_once(' ').map(|(_, last)| last))
        .collect();
    for (l, kind) in &landmarks {
        if l.b == l.a + 1 && surnames.contains(base(doc.w(l.a))) {
            continue;
        }
        let span = toks[l.a].s..toks[l.b - 1].s + base(doc.w(l.b - 1)).len();
        hits.push(PlaceHit {
            a: l.a,
            b: l.b,
            span,
            place: PlaceRef::Unknown { country: None, kind },
        });
        vetoed.push(false);
    }
    // "the carrier Enterprise", "the Xinhua news agency", "the newspaper
    // Granma": one-word small places that name a ship or a medium.
    let named_things: rustc_hash::FxHashSet<&str> = hits
        .iter()
        .filter(|hit| hit.b == hit.a + 1 && names_a_thing(&doc, hit))
        .map(|hit| base(&text[hit.span.clone()]))
        .collect();
    for (h, hit) in hits.iter().enumerate() {
        if vetoed[h] {
            continue;
        }
        let t = toks[hit.a];
        let written = &text[hit.span.clone()];
        let (name, country, kind) = match hit.place {
            PlaceRef::Known(p) => {
                // Capitalised common words at a sentence start ("Reading", "Police").
                if hit.b == hit.a + 1 && !p.is_major() && doc.common(hit.a) && (t.sent || p.population < 100_000) {
                    continue;
                }
                // Once a ship's or medium's name, always ("Xinhua said").
                if hit.b == hit.a + 1 && named_things.contains(base(written)) {
                    continue;
                }
                if !p.is_major() && firms.contains(base(written)) {
                    continue;
                }
                let name_like = hit.b == hit.a + 1 && (doc.given(hit.a) || doc.surname(hit.a));
                let small = p.population < 300_000 && (p.kind == "city" || p.kind == "region");
                if hit.b == hit.a + 1 && small && name_like && !locative(&doc, hit.a, hit.b, &place_at, &hits) {
                    continue;
                }
                // Non-English: "Lage", "Hof", "Mitte" are nouns there; a small
                // place needs a place word before it.
                if doc.foreign && !p.is_major() && !foreign_locative(&doc, hit.a, &place_at) {
                    continue;
                }
                (
                    p.name.to_string(),
                    (!p.country.is_empty()).then(|| p.country.to_string()),
                    p.kind,
                )
            }
            PlaceRef::Unknown { country, kind } => {
                let name = if toks[hit.a].upper {
                    title_case(written)
                } else {
                    written.to_string()
                };
                (name, country.map(str::to_string), kind)
            }
        };
        let key = name;
        let spelled = if t.upper {
            title_case(base(written))
        } else {
            base(written).to_string()
        };
        let name = match names {
            // "Bogota" for "Bogotá": the text's spelling of the same name
            // (the first one seen, when the text spells it both ways).
            Names::Canonical if same_but_accents(&spelled, &key) => spelled,
            Names::Canonical => key.clone(),
            Names::AsWritten => base(written).to_string(),
        };
        let key = if names == Names::Canonical { key } else { name.clone() };
        if let Some(&i) = place_index.get(&key) {
            places[i].mentions += 1;
        } else {
            place_index.insert(key, places.len());
            places.push(Place {
                name,
                country,
                kind: Some(kind.to_string()),
                mentions: 1,
            });
        }
    }

    // Forms written in the headline/dateline, for Names::AsWritten.
    let lead_forms: Vec<Vec<String>> = if names == Names::AsWritten {
        people
            .iter()
            .map(|p| {
                p.spans
                    .iter()
                    .filter(|s| s.start < offset)
                    .map(|s| text[s.clone()].split_whitespace().collect::<Vec<_>>().join(" "))
                    .collect()
            })
            .collect()
    } else {
        Vec::new()
    };
    // Body offsets for people; drop mentions that were in the lead.
    for p in &mut people {
        p.spans.retain(|s| s.start >= offset);
        for s in &mut p.spans {
            *s = s.start - offset..s.end - offset;
        }
        p.spans.sort_by_key(|s| s.start);
        p.spans.dedup();
    }
    // People named only in the headline or byline stay, without body spans.
    if names == Names::AsWritten {
        let mut order: Vec<usize> = (0..people.len()).collect();
        order.sort_by_key(|&i| people[i].spans.first().map_or(0, |s| s.start));
        let mut forms: Vec<PersonEntity> = Vec::new();
        let mut form_index: FxHashMap<String, usize> = FxHashMap::default();
        for (p, lead) in order.iter().map(|&i| (&people[i], &lead_forms[i])) {
            for s in &p.spans {
                let form = body[s.clone()].split_whitespace().collect::<Vec<_>>().join(" ");
                match form_index.get(&form) {
                    Some(&i) => forms[i].spans.push(s.clone()),
                    None => {
                        form_index.insert(form.clone(), forms.len());
                        forms.push(PersonEntity {
                            name: form,
                            role: p.role.clone(),
                            spans: vec![s.clone()],
                        });
                    }
                }
            }
            // A form seen only in the lead ("Roe visits ..." above the
            // body that names "Jan Roe") is listed without body spans.
            for form in lead {
                if !form_index.contains_key(form) {
                    form_index.insert(form.clone(), forms.len());
                    forms.push(PersonEntity {
                        name: form.clone(),
                        role: p.role.clone(),
                        spans: Vec::new(),
                    });
                }
            }
        }
        people = forms;
    } else {
        people.sort_by_key(|p| p.spans.first().map_or(0, |s| s.start));
    }
    Entities { people, places }
}

/// Line-ups and rosters: in a comma list of four or more single
/// capitalised words ("Roe, Doe, Lund and Berg") of which at least two name
/// known people, the other words name people too (not places).
#[inline(never)]
fn roster_lists(
    doc: &Doc,
    in_person: &[bool],
    place_at: &[Option<usize>],
    vetoed: &mut [bool],
    people: &mut Vec<PersonEntity>,
    roster: &mut Roster,
) {
    let toks = &doc.toks;
    let n = toks.len();
    let item = |k: usize| {
        let t = toks[k];
        t.word && t.cap && !t.upper && !is_stop(doc.w(k))
    };
    let mut k = 0;
    while k < n {
        // A list item after no capitalised word, then a separator: the
        // token tests first, the stop-word lookup last (without a separator
        // the list below would end at once, too short).
        let t = toks[k];
        let starts = t.word && t.cap && !t.upper && !(k > 0 && toks[k - 1].word && toks[k - 1].cap && !t.line_start);
        if !starts || k + 1 < n && !matches!(doc.w(k + 1), "," | "and") || !item(k) {
            k += 1;
            continue;
        }
        // Items: word (',' | 'and') word ... up to the end of the list.
        let mut j = k + 1;
        while j + 1 < n && (doc.w(j) == "," || doc.w(j) == "and") && item(j + 1) {
            j += 2;
        }
        let ends = j >= n || !toks[j].word || !toks[j].cap;
        // Only lists of four or more are worth a closer look (most
        // capitalised words start no list at all).
        if !ends || j - k < 7 {
            k = j.max(k + 1);
            continue;
        }
        let items: Vec<usize> = (k..j).step_by(2).collect();
        let known: Vec<bool> = items
            .iter()
            .map(|&i| in_person[i] || roster.by_last.contains_key(base(doc.w(i))))
            .collect();
        let n_known = known.iter().filter(|&&x| x).count();
        if items.len() >= 4 && n_known >= 2 && n_known * 3 >= items.len() {
            for (&i, _) in items.iter().zip(&known).filter(|(_, x)| !**x) {
                let w = base(doc.w(i));
                let major = place_at[i].is_some_and(|_| GAZETTEER.place(w).is_some_and(|p| p.is_major()));
                if doc.common(i) || doc.descr(i) || major {
                    continue;
                }
                if let Some(h) = place_at[i] {
                    vetoed[h] = true;
                }
                let idx = match roster.resolve(people, w) {
                    Some(x) => x,
                    None => roster.add(people, w),
                };
                people[idx].spans.push(toks[i].s..toks[i].s + w.len());
            }
        }
        k = j.max(k + 1);
    }
}

/// A small place's name used for a ship or a medium: after a vehicle word,
/// after a medium noun ("the newspaper X"), or before one when the place
/// is small (a city's own stations stay places: "Boston television").
fn names_a_thing(doc: &Doc, hit: &PlaceHit) -> bool {
    let PlaceRef::Known(p) = hit.place else {
        return false;
    };
    if p.is_major() {
        return false;
    }
    let medium_noun = |w: &str| {
        matches!(
            w,
            "news" | "newspaper" | "agency" | "daily" | "weekly" | "radio" | "television" | "magazine"
        )
    };
    vehicle_before(doc, hit.a)
        || doc.prev_word(hit.a).is_some_and(medium_noun)
        || doc.next_word(hit.b - 1).is_some_and(medium_noun) && p.population < 300_000
}

/// Lower-case nouns for bodies and firms: the name after one is the body's
/// ("the group Hizb al-Zeta", "the carrier's rival, the retailer Vox").
fn is_body_noun(w: &str) -> bool {
    matches!(
        w,
        "group"
            | "movement"
            | "party"
            | "faction"
            | "militia"
            | "organisation"
            | "organization"
            | "company"
            | "firm"
            | "newspaper"
            | "daily"
            | "weekly"
            | "magazine"
            | "agency"
            | "chain"
            | "publisher"
            | "broadcaster"
            | "airline"
            | "bank"
            | "insurer"
            | "retailer"
            | "club"
            | "band"
    )
}

/// Legal forms that end a firm's name.
fn is_legal_suffix(w: &str) -> bool {
    matches!(
        w,
        "Corp"
            | "Corp."
            | "Inc"
            | "Inc."
            | "Ltd"
            | "Ltd."
            | "Co"
            | "Co."
            | "Plc"
            | "PLC"
            | "plc"
            | "AG"
            | "SA"
            | "S.A."
            | "NV"
            | "N.V."
            | "SpA"
            | "GmbH"
            | "LLC"
            | "Bhd"
            | "AB"
            | "BV"
            | "ASA"
            | "Oyj"
    )
}

/// Names of firms and papers in the text: the uncommon words that open a
/// chain ending in a legal form ("Zeta Vox" of "Zeta Vox International
/// Ltd"), and a chain right before "daily", "newspaper", "weekly" or
/// "magazine".
#[inline(never)]
fn firm_names<'t>(doc: &Doc<'t>, chains: &[Chain]) -> rustc_hash::FxHashSet<&'t str> {
    let toks = &doc.toks;
    let mut out = rustc_hash::FxHashSet::default();
    for c in chains {
        let (a, b) = (c.a, c.b);
        let end = if b - a >= 2 && is_legal_suffix(base(doc.w(b - 1))) {
            (a..b).find(|&k| doc.common(k) || is_org_word(base(doc.w(k))) || is_legal_suffix(doc.w(k)))
        } else if doc
            .next_word(b - 1)
            .is_some_and(|w| matches!(w, "daily" | "newspaper" | "weekly" | "magazine"))
            && !is_possessive(doc.w(b - 1))
        {
            Some(b)
        } else {
            None
        };
        // A titled chain names no firm (tested last: few chains get here).
        if let Some(end) = end.filter(|&e| e > a && !toks[a].upper)
            && !(a..b).any(|k| is_title(base(doc.w(k))))
        {
            out.insert(base(&doc.text[toks[a].s..toks[end - 1].e]));
        }
    }
    out
}

fn p_adjacent(doc: &Doc, p: Chain, c: Chain) -> bool {
    p.b == c.a && is_possessive(doc.w(p.b - 1))
}

/// A place the gazetteer lacks, named by the words around it: "the town
/// of X", "X village", "X province", "X airport".
/// `geo`: the text names several known places (news about somewhere),
/// where a lone unknown word after "in" is a place more often than a product.
fn place_by_context(doc: &Doc, chain: Chain, place_at: &[Option<usize>], geo: bool) -> Option<&'static str> {
    let (a, b) = (chain.a, chain.b);
    let kind_of = |w: &str| match w {
        "town" | "city" | "village" | "port" | "suburb" | "capital" | "towns" | "villages" => Some("city"),
        "province" | "region" | "district" | "county" | "state" | "area" | "valley" => Some("region"),
        "island" | "islands" => Some("island"),
        "airport" | "prison" | "camp" | "mosque" | "church" => Some("landmark"),
        _ => None,
    };
    let before = (a >= 2 && doc.w(a - 1) == "of")
        .then(|| kind_of(doc.w(a - 2)))
        .flatten();
    // "a Moslem village", "an Alpine town": after an indefinite article the
    // word describes the place rather than naming it.
    let indefinite = doc.prev_word(a).is_some_and(|w| matches!(w, "a" | "an" | "A" | "An"));
    let after = (!is_possessive(doc.w(b - 1)) && !indefinite)
        .then(|| doc.next_word(b - 1).and_then(kind_of))
        .flatten();
    // "Lockerbie, Scotland", "Ridgeway, Tennessee": a town the gazetteer
    // lacks, then its country or state (not "Texas Republican").
    let in_region = || {
        let toks = &doc.toks;
        if !(b + 1 < toks.len() && doc.w(b) == "," && place_at[b + 1].is_some()) {
            return None;
        }
        let w = base(doc.w(b + 1));
        let region = GAZETTEER
            .place(w)
            .is_some_and(|p| matches!(p.kind, "country" | "region"));
        let then = toks.get(b + 2);
        let alone = then.is_none_or(|t| !t.word || !t.cap || t.line_start);
        // Mid-sentence only: "Automakers, U.S. agency ..." opens a headline.
        (region && alone && !toks[a].sent && !is_possessive(doc.w(b - 1))).then_some("city")
    };
    // "in Velten near Berlin", "met in Chuman,": one unknown word after
    // "in"/"near", then a clause break.
    let after_in = || {
        let toks = &doc.toks;
        let prep = a >= 1 && matches!(doc.w(a - 1), "in" | "near");
        if !prep {
            return None;
        }
        let brk = toks
            .get(b)
            .is_none_or(|t| matches!(doc.w(b), "," | "." | ";" | "near") || t.line_start);
        // "in Mandarin, Spanish and ...", "in Google, Apple": a list of
        // other things, unless places follow.
        let listed = b + 1 < toks.len()
            && doc.w(b) == ","
            && toks
                .get(b + 1)
                .is_some_and(|t| t.word && t.cap && place_at[b + 1].is_none());
        // Languages and feasts follow "in" too ("in Hebrew", "in Ramadan").
        let not_place = matches!(
            doc.w(a),
            "Hebrew"
                | "Latin"
                | "Hindi"
                | "Urdu"
                | "Swahili"
                | "Farsi"
                | "Pashto"
                | "Dari"
                | "Tagalog"
                | "Creole"
                | "Esperanto"
                | "Malay"
                | "Ramadan"
                | "Christmas"
                | "Easter"
                | "Passover"
                | "Lent"
                | "Advent"
                | "Hanukkah"
                | "Diwali"
        );
        // "in InDesign", "in T2", "in EVs": product and model names.
        let inner_cap = doc.w(a).chars().skip(1).any(|c| c.is_uppercase() || c.is_ascii_digit());
        // "in Velten near Berlin": a known place after "near" is cue enough.
        let near_place = b + 1 < toks.len() && doc.w(b) == "near" && place_at[b + 1].is_some();
        let plain = (geo || near_place)
            && !inner_cap
            && b == a + 1
            && !toks[a].sent
            && !toks[a].upper
            && !doc.given(a)
            && !doc.surname(a)
            && !not_place;
        // "build your mileage in Zetras", "Advancements in Vocodecs": an
        // unknown plural is a product or a field.
        let plural = doc.w(a).ends_with('s') && !doc.w(a).ends_with("ss");
        (prep && brk && !listed && plain && !plural && !product_word(doc, a, place_at)).then_some("city")
    };
    let kind = before.or(after).or_else(in_region).or_else(after_in)?;
    if b - a > 3 || (a..b).any(|k| place_at[k].is_some() || doc.common(k) && !doc.toks[k].upper) {
        return None;
    }
    // "Kurdish region", "Islamic state", "Northern province": adjectives.
    let adjective = |k: usize| {
        let w = base(doc.w(k));
        doc.descr(k) || ["ian", "ish", "ese", "ern", "ic"].iter().any(|s| w.ends_with(s))
    };
    if (a..b).any(adjective) {
        return None;
    }
    Some(kind)
}

/// Words of software and product talk: "retouch photos in Zetashop",
/// "code written in Zag", "a plugin in Vektor".
fn is_product_talk(w: &str) -> bool {
    matches!(
        w,
        "software"
            | "app"
            | "apps"
            | "application"
            | "applications"
            | "tool"
            | "tools"
            | "program"
            | "programs"
            | "programming"
            | "code"
            | "coding"
            | "written"
            | "function"
            | "functions"
            | "parameters"
            | "plugin"
            | "plugins"
            | "file"
            | "files"
            | "feature"
            | "features"
            | "version"
            | "template"
            | "templates"
            | "layers"
            | "editing"
            | "retouch"
            | "retouching"
            | "graphics"
            | "interface"
            | "editor"
            | "library"
            | "libraries"
            | "framework"
            | "runtime"
            | "database"
            | "script"
            | "scripts"
            | "compiler"
            | "syntax"
            | "dressed"
            | "wearing"
    )
}

/// The unknown word at `a` after "in" names a product, not a town: its
/// sentence talks about software or clothes, or the word comes with a
/// version number, a brand before it, or "using" elsewhere in the text
/// ("Vektor 3", "Zeta Vektor", "using Vektor").
fn product_word(doc: &Doc, a: usize, place_at: &[Option<usize>]) -> bool {
    let toks = &doc.toks;
    let mut from = a;
    while from > 0 && !toks[from].sent && a - from < 30 {
        from -= 1;
    }
    let to = (a + 1..toks.len().min(a + 30))
        .find(|&k| toks[k].sent || matches!(doc.w(k), "." | "!" | "?"))
        .unwrap_or(toks.len().min(a + 30));
    if (from..to).any(|k| toks[k].word && is_product_talk(doc.w(k))) {
        return true;
    }
    let w = doc.w(a);
    (0..toks.len()).filter(|&k| k != a && doc.w(k) == w).any(|k| {
        let versioned = toks.get(k + 1).is_some_and(|t| {
            t.word && doc.joined(k, k + 1) && doc.text[t.s..t.e].starts_with(|c: char| c.is_ascii_digit())
        });
        // Not "South Zetaland", "Upper Zetaland": a compass word or a place.
        let branded = k >= 1
            && toks[k - 1].word
            && toks[k - 1].cap
            && !toks[k].sent
            && doc.joined(k - 1, k)
            && place_at[k - 1].is_none()
            && !matches!(
                doc.w(k - 1),
                "North" | "South" | "East" | "West" | "Upper" | "Lower" | "Central" | "Greater" | "New" | "Old"
            );
        let used = k >= 1 && matches!(doc.w(k - 1), "using" | "use" | "uses" | "used" | "via");
        versioned || branded || used
    })
}

/// A place-like context: "in X", "near X", "X, Country", a dateline.
fn locative(doc: &Doc, a: usize, b: usize, place_at: &[Option<usize>], hits: &[PlaceHit]) -> bool {
    let before = doc.prev_word(a).is_some_and(|w| {
        matches!(
            w,
            "in" | "at"
                | "from"
                | "to"
                | "near"
                | "outside"
                | "into"
                | "across"
                | "around"
                | "via"
                | "toward"
                | "towards"
                | "of"
                | "In"
                | "At"
                | "From"
                | "Near"
        )
    });
    let toks = &doc.toks;
    // "X, Ohio", "X, United States".
    let comma_place = b + 1 < toks.len()
        && doc.w(b) == ","
        && place_at[b + 1].and_then(|h| hits.get(h)).is_some_and(|h| {
            h.a == b + 1 && matches!(h.place, PlaceRef::Known(p) if p.kind == "country" || p.kind == "region")
        });
    before || comma_place || toks[a].line_start && toks[a].upper
}

/// A place cue in the languages of [`is_foreign_text`]: a preposition
/// before the name ("in", "bei", "à", "en", "nach"), or a conjunction or
/// comma after another place ("zwischen Hamburg und Lauenburg").
fn foreign_locative(doc: &Doc, a: usize, place_at: &[Option<usize>]) -> bool {
    let Some(prev) = (a >= 1).then(|| doc.w(a - 1)) else {
        return false;
    };
    let prep = with_lower(prev, |l| {
        matches!(
            l,
            "in" | "im"
                | "bei"
                | "nach"
                | "aus"
                | "von"
                | "vor"
                | "zwischen"
                | "nahe"
                | "à"
                | "au"
                | "en"
                | "de"
                | "près"
                | "vers"
                | "desde"
                | "hacia"
                | "cerca"
                | "a"
                | "di"
                | "da"
                | "nel"
                | "bij"
                | "naar"
                | "uit"
                | "em"
                | "no"
                | "na"
        )
    });
    let listed = matches!(prev, "und" | "et" | "y" | "e" | "en" | "oder" | "ou" | "o" | ",")
        && a >= 2
        && place_at[a - 2].is_some();
    prep || listed
}

/// Per token: is its line in title case (a headline), where capitalised
/// words say nothing about names.
#[inline(never)]
fn title_case_lines(doc: &Doc) -> Vec<bool> {
    let toks = &doc.toks;
    let mut out = vec![false; toks.len()];
    let mut start = 0;
    while start < toks.len() {
        // The line's end and its words of four bytes or more, in one pass.
        let long = |t: &&Tok| t.word && t.e - t.s >= 4;
        let (mut end, mut words, mut caps) = (start, 0, 0);
        loop {
            let t = &toks[end];
            if long(&t) {
                words += 1;
                caps += usize::from(t.cap);
            }
            end += 1;
            if end >= toks.len() || toks[end].line_start {
                break;
            }
        }
        let line = &toks[start..end];
        // Title case leaves only function words in lower case; a sentence
        // full of names ("Jan Roe of Leeds City joins Ola Berg up front")
        // has verbs and nouns too. Counted only for a line mostly in
        // capitals (the stop-word lookups were most of this pass).
        // (Already lower case: no allocation per word.)
        let lower = || {
            line.iter()
                .filter(long)
                .map(|t| &doc.text[t.s..t.e])
                .filter(|w| w.starts_with(char::is_lowercase) && !crate::cleaner::text::lexicon::is_stop_word(w))
                .count()
        };
        let titled = words >= 3 && caps * 10 >= words * 7 && lower() * 8 <= words;
        out[start..end].fill(titled);
        start = end;
    }
    out
}

/// Names seen so far, indexed by full name and by first and last word of
/// multi-word names, so resolving a mention never scans every person.
#[derive(Default)]
struct Roster {
    by_name: FxHashMap<String, usize>,
    by_last: FxHashMap<String, Vec<usize>>,
    by_first: FxHashMap<String, Vec<usize>>,
}

impl Roster {
    fn add(&mut self, people: &mut Vec<PersonEntity>, name: &str) -> usize {
        let idx = people.len();
        people.push(PersonEntity {
            name: name.to_string(),
            role: None,
            spans: Vec::new(),
        });
        self.by_name.insert(name.to_string(), idx);
        if let (Some((first, _)), Some((_, last))) = (name.split_once(' '), name.rsplit_once(' ')) {
            self.by_last.entry(last.to_string()).or_default().push(idx);
            self.by_first.entry(first.to_string()).or_default().push(idx);
        }
        idx
    }

    /// The person a name refers to: the same name, or the unique full name
    /// that ends (else, for a lone word, starts) with it.
    fn resolve(&self, people: &[PersonEntity], name: &str) -> Option<usize> {
        if let Some(&i) = self.by_name.get(name) {
            return Some(i);
        }
        let words = name.split(' ').count();
        let last = name.rsplit(' ').next()?;
        let suffix = format!(" {name}");
        let mut ends = self
            .by_last
            .get(last)
            .into_iter()
            .flatten()
            .filter(|&&i| people[i].name.ends_with(&suffix) && people[i].name.split(' ').count() > words);
        if let (Some(&i), None) = (ends.next(), ends.next()) {
            return Some(i);
        }
        if words == 1
            && let Some([i]) = self.by_first.get(name).map(Vec::as_slice)
        {
            return Some(*i);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer as first written (char by char), the reference the
    /// byte-walking one must agree with.
    fn is_apostrophe(c: char) -> bool {
        c == '\'' || c == '’'
    }

    fn tokenize_by_chars(text: &str) -> Vec<Tok> {
        let mut toks = Vec::new();
        let mut it = text.char_indices().peekable();
        let mut sent = true;
        let mut line_start = true;
        while let Some((i, c)) = it.next() {
            if c == '\n' {
                sent = true;
                line_start = true;
                continue;
            }
            if c.is_whitespace() {
                continue;
            }
            if !c.is_alphanumeric() {
                let e = i + c.len_utf8();
                toks.push(Tok {
                    s: i,
                    e,
                    word: false,
                    cap: false,
                    upper: false,
                    sent: false,
                    line_start,
                    alpha: false,
                });
                line_start = false;
                if matches!(c, '.' | '!' | '?' | ':' | ';') {
                    sent = c != ';';
                }
                continue;
            }
            let mut e = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphanumeric() {
                    e = j + d.len_utf8();
                    it.next();
                } else if d == '-' || is_apostrophe(d) {
                    if !text[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
                    {
                        break;
                    }
                    e = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            let w = &text[i..e];
            let single = w.chars().count() == 1 && c.is_uppercase();
            if text[e..].starts_with('.') && (single || keeps_dot(w)) {
                it.next();
                e += 1;
                if single {
                    loop {
                        let mut cs = text[e..].chars();
                        match (cs.next(), cs.next()) {
                            (Some(l), Some('.')) if l.is_uppercase() => {
                                it.next();
                                it.next();
                                e += l.len_utf8() + 1;
                            }
                            _ => break,
                        }
                    }
                }
            }
            let word = &text[i..e];
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            toks.push(Tok {
                s: i,
                e,
                word: true,
                cap: c.is_uppercase() || is_arabic_article_name(word),
                upper: letters >= 2 && !word.chars().any(char::is_lowercase),
                sent,
                line_start,
                alpha: word.bytes().all(|b| b.is_ascii_alphabetic()),
            });
            sent = false;
            line_start = false;
        }
        toks
    }

    fn tok_tuple(t: &Tok) -> (usize, usize, bool, bool, bool, bool, bool, bool) {
        (t.s, t.e, t.word, t.cap, t.upper, t.sent, t.line_start, t.alpha)
    }

    /// Text from a small alphabet that exercises every branch of the
    /// tokenizer: capitals, dots, hyphens, both apostrophes, non-ASCII
    /// letters and spaces, line breaks, digits.
    fn tricky_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        let pieces = [
            "A", "b", "Z", "é", "É", "ß", "ǅ", "Ⓐ", "ⓐ", "7", "٣", ".", "-", "'", "’", " ", "\n", "\u{a0}", "\u{2003}",
            ",", ";", ":", "!", "?", "(", "\"", "Mr", "Dr", "ST", "St", "Sen", "al-", "el-", "Ul-", "U.S.", "LA",
            "Mme", "\t", "\u{b}", "\r", "\u{c}", "\u{85}", "\u{0}", "\u{1f}", "ǆ", "Σ", "ς",
        ];
        proptest::collection::vec(proptest::sample::select(pieces.to_vec()), 0..40).prop_map(|v| v.concat())
    }

    /// [`is_foreign_text`] as first written: a count over
    /// [`alphabetic_words`], without the early return.
    fn is_foreign_text_by_words(body: &str) -> bool {
        const ENGLISH: [&str; 20] = [
            "the", "and", "of", "to", "is", "was", "that", "with", "for", "are", "were", "has", "have", "it", "this",
            "by", "from", "said", "on", "at",
        ];
        const OTHER: [&str; 47] = [
            "der", "die", "und", "das", "ist", "nicht", "mit", "den", "dem", "ein", "eine", "sich", "le", "les", "et",
            "est", "une", "des", "du", "dans", "pour", "qui", "el", "los", "las", "y", "del", "una", "por", "con",
            "para", "il", "della", "che", "di", "het", "een", "van", "os", "não", "em", "uma", "la", "de", "que", "au",
            "sur",
        ];
        let (mut en, mut other) = (0usize, 0usize);
        for w in alphabetic_words(body).take(3000) {
            if ENGLISH.contains(&w) {
                en += 1;
            } else if OTHER.contains(&w) {
                other += 1;
            }
        }
        other >= 5 && other > en * 2
    }

    #[test]
    fn function_word_table_holds_both_lists_only() {
        let class = |w: &str| FUNCTION_WORDS.class(word_key(w.as_bytes()).unwrap_or(0));
        assert!(ENGLISH_WORDS.iter().all(|w| class(w) == ENGLISH));
        assert!(OTHER_WORDS.iter().all(|w| class(w) == OTHER));
        for w in ["", "a", "th", "thee", "The", "ands", "dela", "x", "nao", "zzzzzzzz"] {
            assert_eq!(class(w), 0, "{w}");
        }
        let mut rng = crate::testgen::Rng::new(77);
        let letters = b"abdehilnorstuy";
        for _ in 0..20_000 {
            let w: Vec<u8> = (0..1 + rng.below(5))
                .map(|_| letters[rng.below(letters.len())])
                .collect();
            let w = std::str::from_utf8(&w).unwrap_or("");
            let want = if ENGLISH_WORDS.contains(&w) {
                ENGLISH
            } else if OTHER_WORDS.contains(&w) {
                OTHER
            } else {
                0
            };
            assert_eq!(class(w), want, "{w}");
        }
    }

    /// The word-list answers as first computed, all four at once.
    fn flags_at_once(doc: &Doc, k: usize) -> [bool; 4] {
        let g = &GAZETTEER;
        let w = base(doc.w(k));
        let cap = doc.toks[k].cap;
        let given = cap && g.is_given(w);
        let adjective = w.len() >= 6 && ["ian", "ean", "ese", "ish"].iter().any(|s| w.ends_with(s)) && !given;
        [
            g.is_common(w),
            given,
            cap && g.is_surname(w),
            cap && (is_descriptor(w) || adjective),
        ]
    }

    /// Answers looked up one at a time, in any order, agree with the four
    /// computed at once.
    #[test]
    fn lazy_word_list_answers_match_eager_ones() {
        let pieces = [
            "Frank",
            "Johnson",
            "Iranian",
            "Brian",
            "Christian",
            "Bosnian",
            "Emese",
            "police",
            "Police",
            "Table",
            "Jordan's",
            "Iraqis",
            "Democrat",
            "Zorbanian",
            "Huang",
            "said",
            "O'Neill",
            "Dr.",
            "al-Zeta",
            "Ebenese",
            "Roe",
            "Julian",
            "Adrian",
            ",",
            " ",
            "\n",
            "Kremlin-backed",
        ];
        let mut rng = crate::testgen::Rng::new(0xf1a6);
        let mut seen = [0usize; 4];
        for _ in 0..1000 {
            let text: String = (0..1 + rng.below(30))
                .map(|_| pieces[rng.below(pieces.len())])
                .collect();
            let toks = tokenize(&text);
            let doc = Doc {
                text: &text,
                memo: vec![std::cell::Cell::new(0); toks.len()],
                foreign: false,
                toks,
            };
            for _ in 0..4 * doc.toks.len() {
                let k = rng.below(doc.toks.len());
                let want = flags_at_once(&doc, k);
                let q = rng.below(4);
                let got = match q {
                    0 => doc.common(k),
                    1 => doc.given(k),
                    2 => doc.surname(k),
                    _ => doc.descr(k),
                };
                assert_eq!(got, want[q], "{:?} {q}", doc.w(k));
                seen[q] += usize::from(got);
            }
        }
        assert!(seen.iter().all(|&n| n > 50), "{seen:?}");
    }

    /// [`match_place`] as first written: every span of up to six joined
    /// words, longest first.
    fn match_place_every_span(doc: &Doc, i: usize) -> Option<(usize, usize, Span, PlaceInfo)> {
        let toks = &doc.toks;
        if !toks[i].word || !toks[i].cap {
            return None;
        }
        let mut end = i;
        while end + 1 < toks.len() && end + 1 < i + 6 && toks[end + 1].word && doc.joined(end, end + 1) {
            end += 1;
        }
        for j in (i..=end).rev() {
            if !toks[j].cap {
                continue;
            }
            let form = base(&doc.text[toks[i].s..toks[j].e]);
            let upper = (i..=j).all(|k| toks[k].upper || !toks[k].cap);
            if let Some(p) = doc.place(form, upper) {
                return Some((i, j + 1, toks[i].s..toks[i].s + form.len(), p));
            }
        }
        None
    }

    /// Skipping the longer spans whose first word starts no multi-word
    /// form finds the same places.
    #[test]
    fn place_match_skips_only_impossible_spans() {
        let pieces = [
            "New",
            "York",
            "NEW",
            "YORK",
            "St.",
            "ST.",
            "Petersburg",
            "PETERSBURG",
            "Gulf",
            "of",
            "Aden",
            "Bosnia",
            "and",
            "Herzegovina",
            "Sri",
            "Lanka",
            "Roe",
            "Table",
            "United",
            "States",
            "UNITED",
            "STATES",
            "Kingdom",
            "South",
            "Africa",
            "Africa's",
            "Hong",
            "Kong",
            "Salt",
            "Lake",
            "City",
            "Los",
            "Angeles",
            "Paris",
            "Costa",
            "Rica",
            "del",
            "Sur",
            "Río",
            "de",
            "la",
            "Plata",
            "Jan",
            "said",
            "Zeta",
            "San",
            "José",
            "Île",
            "Buenos",
            "Aires",
            "Mexico",
            "the",
            "in",
            "New York",
            "NEW YORK",
            "St. Petersburg",
            "ST. PETERSBURG",
            "Gulf of Aden",
            "Bosnia and Herzegovina",
            "Sri Lanka",
            "United States",
            "UNITED STATES",
            "South Africa's",
            "Hong Kong",
            "Salt Lake City",
            "Los Angeles",
            "Costa Rica",
            "Río de la Plata",
            "San José",
            "Buenos Aires",
        ];
        let seps = [" ", " ", " ", " ", ", ", "\n", "-", ". "];
        let mut rng = crate::testgen::Rng::new(0x91ace);
        let (mut multi, mut hits) = (0, 0);
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..1 + rng.below(12) {
                text.push_str(pieces[rng.below(pieces.len())]);
                text.push_str(seps[rng.below(seps.len())]);
            }
            let toks = tokenize(&text);
            let doc = Doc {
                text: &text,
                memo: vec![std::cell::Cell::new(0); toks.len()],
                foreign: false,
                toks,
            };
            for i in 0..doc.toks.len() {
                let want = match_place_every_span(&doc, i);
                let got = match_place(&doc, i).map(|h| match h.place {
                    PlaceRef::Known(p) => (h.a, h.b, h.span, p),
                    PlaceRef::Unknown { .. } => unreachable!("gazetteer matches are known places"),
                });
                assert_eq!(got, want, "{text:?} at {i}");
                hits += usize::from(want.is_some());
                multi += usize::from(want.is_some_and(|w| w.1 > w.0 + 1));
            }
        }
        assert!(multi > 500 && hits > 2000, "{multi} {hits}");
    }

    /// [`roster_lists`] as first written (the stop-word lookup first).
    fn roster_lists_as_first_written(
        doc: &Doc,
        in_person: &[bool],
        place_at: &[Option<usize>],
        vetoed: &mut [bool],
        people: &mut Vec<PersonEntity>,
        roster: &mut Roster,
    ) {
        let toks = &doc.toks;
        let n = toks.len();
        let item = |k: usize| {
            let t = toks[k];
            t.word && t.cap && !t.upper && !is_stop(doc.w(k))
        };
        let mut k = 0;
        while k < n {
            if !item(k) || k > 0 && toks[k - 1].word && toks[k - 1].cap && !toks[k].line_start {
                k += 1;
                continue;
            }
            // Items: word (',' | 'and') word ... up to the end of the list.
            let mut j = k + 1;
            while j + 1 < n && (doc.w(j) == "," || doc.w(j) == "and") && item(j + 1) {
                j += 2;
            }
            let ends = j >= n || !toks[j].word || !toks[j].cap;
            // Only lists of four or more are worth a closer look (most
            // capitalised words start no list at all).
            if !ends || j - k < 7 {
                k = j.max(k + 1);
                continue;
            }
            let items: Vec<usize> = (k..j).step_by(2).collect();
            let known: Vec<bool> = items
                .iter()
                .map(|&i| in_person[i] || roster.by_last.contains_key(base(doc.w(i))))
                .collect();
            let n_known = known.iter().filter(|&&x| x).count();
            if items.len() >= 4 && n_known >= 2 && n_known * 3 >= items.len() {
                for (&i, _) in items.iter().zip(&known).filter(|(_, x)| !**x) {
                    let w = base(doc.w(i));
                    let major = place_at[i].is_some_and(|_| GAZETTEER.place(w).is_some_and(|p| p.is_major()));
                    if doc.common(i) || doc.descr(i) || major {
                        continue;
                    }
                    if let Some(h) = place_at[i] {
                        vetoed[h] = true;
                    }
                    let idx = match roster.resolve(people, w) {
                        Some(x) => x,
                        None => roster.add(people, w),
                    };
                    people[idx].spans.push(toks[i].s..toks[i].s + w.len());
                }
            }
            k = j.max(k + 1);
        }
    }

    /// [`title_case_lines`] as first written (three passes per line).
    fn title_case_lines_as_first_written(doc: &Doc) -> Vec<bool> {
        let toks = &doc.toks;
        let mut out = vec![false; toks.len()];
        let mut start = 0;
        while start < toks.len() {
            let mut end = start + 1;
            while end < toks.len() && !toks[end].line_start {
                end += 1;
            }
            let long = |t: &&Tok| t.word && t.e - t.s >= 4;
            let line = &toks[start..end];
            let words = line.iter().filter(long).count();
            let caps = line.iter().filter(long).filter(|t| t.cap).count();
            // Title case leaves only function words in lower case; a sentence
            // full of names ("Jan Roe of Leeds City joins Ola Berg up front")
            // has verbs and nouns too. Counted only for a line mostly in
            // capitals (the stop-word lookups were most of this pass).
            // (Already lower case: no allocation per word.)
            let lower = || {
                line.iter()
                    .filter(long)
                    .map(|t| &doc.text[t.s..t.e])
                    .filter(|w| w.starts_with(char::is_lowercase) && !crate::cleaner::text::lexicon::is_stop_word(w))
                    .count()
            };
            let titled = words >= 3 && caps * 10 >= words * 7 && lower() * 8 <= words;
            out[start..end].fill(titled);
            start = end;
        }
        out
    }

    /// Generated lines of names, list separators, stop words, headlines
    /// and prose.
    fn list_text(rng: &mut crate::testgen::Rng) -> String {
        let pieces = [
            "Roe", "Doe", "Lund", "Berg", "Jan Roe", "Ola Berg", "The", "Paris", "China", "NATO", "police", "said",
            "and", ",", "\n", "Leeds", "Joins", "Up", "Front", "of", "Against", "Table", "Mira", "Smith", "Jones",
            "BBC", "US", "house", "Minister", "up", "the",
        ];
        let names = [
            "Roe", "Doe", "Lund", "Berg", "Smith", "Jones", "Paris", "The", "Table", "Kovac", "BBC",
        ];
        let mut out = Vec::new();
        for _ in 0..1 + rng.below(12) {
            if rng.below(3) == 0 {
                // A list of two to six names.
                for i in 0..2 + rng.below(5) {
                    if i > 0 {
                        out.push(if rng.below(4) == 0 { "and" } else { "," });
                    }
                    out.push(names[rng.below(names.len())]);
                }
            } else {
                out.push(pieces[rng.below(pieces.len())]);
            }
        }
        out.join(" ")
    }

    type RosterPass = fn(&Doc, &[bool], &[Option<usize>], &mut [bool], &mut Vec<PersonEntity>, &mut Roster);

    /// The roster and title-case passes with their cheap tests first give
    /// the same people, vetoes and title-case lines as first written.
    #[test]
    fn roster_and_title_case_passes_match_first_versions() {
        let mut rng = crate::testgen::Rng::new(0x7057e4);
        let mut listed = 0;
        for _ in 0..3000 {
            let text = list_text(&mut rng);
            let toks = tokenize(&text);
            let n = toks.len();
            let doc = Doc {
                text: &text,
                memo: vec![std::cell::Cell::new(0); n],
                foreign: false,
                toks,
            };
            assert_eq!(
                title_case_lines(&doc),
                title_case_lines_as_first_written(&doc),
                "{text:?}"
            );
            // Some tokens already people, some places.
            let in_person: Vec<bool> = (0..n).map(|_| rng.below(5) == 0).collect();
            let place_at: Vec<Option<usize>> = (0..n).map(|k| (rng.below(6) == 0).then_some(k)).collect();
            let run = |f: RosterPass| {
                let (mut vetoed, mut people, mut roster) = (vec![false; n], Vec::new(), Roster::default());
                roster.add(&mut people, "Jan Roe");
                roster.add(&mut people, "Ola Berg");
                f(&doc, &in_person, &place_at, &mut vetoed, &mut people, &mut roster);
                (vetoed, people)
            };
            let got = run(roster_lists);
            assert_eq!(got, run(roster_lists_as_first_written), "{text:?}");
            listed += usize::from(got.1.len() > 2);
        }
        assert!(listed > 30, "{listed}");
    }

    /// [`firm_names`] as first written (the title test first).
    fn firm_names_as_first_written<'t>(doc: &Doc<'t>, chains: &[Chain]) -> rustc_hash::FxHashSet<&'t str> {
        let toks = &doc.toks;
        let mut out = rustc_hash::FxHashSet::default();
        for c in chains {
            let (a, b) = (c.a, c.b);
            if (a..b).any(|k| is_title(base(doc.w(k)))) {
                continue;
            }
            let end = if b - a >= 2 && is_legal_suffix(base(doc.w(b - 1))) {
                (a..b).find(|&k| doc.common(k) || is_org_word(base(doc.w(k))) || is_legal_suffix(doc.w(k)))
            } else if doc
                .next_word(b - 1)
                .is_some_and(|w| matches!(w, "daily" | "newspaper" | "weekly" | "magazine"))
                && !is_possessive(doc.w(b - 1))
            {
                Some(b)
            } else {
                None
            };
            if let Some(end) = end.filter(|&e| e > a && !toks[a].upper) {
                out.insert(base(&doc.text[toks[a].s..toks[end - 1].e]));
            }
        }
        out
    }

    /// Firm names with the title test last, and the one-byte possessive
    /// gate, agree with their first versions on generated texts.
    #[test]
    fn firm_names_and_base_match_first_versions() {
        let pieces = [
            "Zeta",
            "Vox",
            "Ltd",
            "Ltd.",
            "Inc",
            "Corp",
            "AG",
            "Minister",
            "President",
            "Jan",
            "Roe",
            "Bank",
            "daily",
            "newspaper",
            "the",
            "said",
            "Vox's",
            "Roe’s",
            "Times",
            "Police",
            "S.A.",
            "ZETA",
            "VOX",
            ",",
            ".",
            "\n",
            "and",
            "of",
        ];
        let mut rng = crate::testgen::Rng::new(0xf13a);
        let mut found = 0;
        for _ in 0..3000 {
            let text: String = (0..1 + rng.below(16))
                .map(|_| pieces[rng.below(pieces.len())])
                .collect::<Vec<_>>()
                .join(" ");
            let toks = tokenize(&text);
            let doc = Doc {
                text: &text,
                memo: vec![std::cell::Cell::new(0); toks.len()],
                foreign: false,
                toks,
            };
            let place_at = vec![None; doc.toks.len()];
            let chains = build_chains(&doc, &place_at, &[]);
            let got = firm_names(&doc, &chains);
            assert_eq!(got, firm_names_as_first_written(&doc, &chains), "{text:?}");
            found += usize::from(!got.is_empty());
        }
        assert!(found > 100, "{found}");
        let endings = [
            "", "s", "S", "'", "’", "'s", "’s", "'S", "’S", "x", "é", "ś", "™", "s'", "’’",
        ];
        for w in ["Roe", "Ross", "", "é", "I", "R", "Nations"] {
            for e in endings {
                let word = format!("{w}{e}");
                assert_eq!(base(&word), strip_possessive(&word), "{word}");
            }
        }
    }

    /// [`is_foreign_text`] of a body without a lead.
    fn foreign_body(body: &str) -> bool {
        is_foreign_text(body, &tokenize(body), 0)
    }

    /// The token scan after a lead agrees with the word split of the body
    /// alone, on bodies of function words, tokenizer edge cases and
    /// separators, sometimes past the 3000-word limit.
    #[test]
    fn foreign_text_over_tokens_matches_word_split() {
        let pieces = [
            "the", "said", "and", "der", "não", "de", "la", "y", "della", "dellas", "Ther", "é", "ß", "x", "7",
            "of-the", "de’la", "U.S.", "Sen.", "St.", "A.B.", "que3y", "l'de", "Ⓐ", "ǅ", "٣", "die-", "al-Der", " ",
            "  ", "\n", ", ", "-", "\u{a0}", "’", "3", "ö", ".", "'", "\u{2003}", "(",
        ];
        let mut rng = crate::testgen::Rng::new(0x5eed_0f0e);
        let (mut yes, mut no) = (0, 0);
        for round in 0..3000 {
            let n = if round % 10 == 0 {
                5800 + rng.below(800)
            } else {
                rng.below(80)
            };
            let body: String = (0..n).map(|_| pieces[rng.below(pieces.len())]).collect();
            let lead: String = (0..rng.below(6)).map(|_| pieces[rng.below(pieces.len())]).collect();
            let want = is_foreign_text_by_words(&body);
            let (text, offset) = if lead.is_empty() {
                (body.clone(), 0)
            } else {
                (format!("{lead}\n\n{body}"), lead.len() + 2)
            };
            assert_eq!(
                is_foreign_text(&text, &tokenize(&text), offset),
                want,
                "{lead:?} {body:?}"
            );
            if want {
                yes += 1;
            } else {
                no += 1;
            }
        }
        assert!(yes > 100 && no > 100, "{yes} {no}");
    }

    /// English and foreign function words, other words and separators
    /// (also non-ASCII ones), sometimes past the 3000-word limit.
    fn function_word_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        let words = [
            "the", "said", "and", "der", "não", "de", "la", "y", "della", "dellas", "Ther", "é", "ß", "x", "7",
        ];
        let seps = [" ", "  ", "\n", ", ", "-", "\u{a0}", "’", "3", "ö"];
        let piece = (
            proptest::sample::select(words.to_vec()),
            proptest::sample::select(seps.to_vec()),
        );
        let short = proptest::collection::vec(piece.clone(), 0..60);
        let long = proptest::collection::vec(piece, 2900..3300);
        proptest::prop_oneof![short, long].prop_map(|v| v.into_iter().flat_map(|(w, s)| [w, s]).collect())
    }

    #[test]
    fn foreign_text_word_limit_and_early_answer() {
        // Foreign words only after the first 3000 words are not counted.
        let late = format!("{}{}", "x ".repeat(3000), "der die und das ist ".repeat(10));
        assert!(!foreign_body(&late));
        assert!(foreign_body(&late[2..]) == is_foreign_text_by_words(&late[2..]));
        // Many English words early, then foreign: the answer is decided early.
        let en_first = format!("{}{}", "the and of ".repeat(20), "der die ".repeat(10));
        assert!(!foreign_body(&en_first));
        let de_more = format!("{}{}", "the and of ".repeat(2), "der die ".repeat(10));
        assert!(foreign_body(&de_more));
    }

    #[test]
    fn tail_after_last_hyphen_is_rsplit_once_tail() {
        for w in [
            "",
            "-",
            "a-",
            "-a",
            "Lieutenant-Colonel",
            "a-b-c",
            "x",
            "é-ß",
            "--",
            "Vice-President-elect",
        ] {
            assert_eq!(after_last_hyphen(w), w.rsplit_once('-').map(|(_, t)| t), "{w}");
        }
        assert!(is_title("Lieutenant-Colonel") && is_title("Minister") && !is_title("Roe-Lund"));
    }

    #[test]
    fn hyphen_adjective_gate() {
        assert!(is_hyphen_adjective("Kremlin-backed"));
        assert!(!is_hyphen_adjective("Kremlin"));
        assert!(!is_hyphen_adjective("US-Iran"));
    }

    proptest::proptest! {
        #[test]
        fn byte_tokenizer_matches_char_tokenizer(text in tricky_text()) {
            let fast: Vec<_> = tokenize(&text).iter().map(tok_tuple).collect();
            let slow: Vec<_> = tokenize_by_chars(&text).iter().map(tok_tuple).collect();
            proptest::prop_assert_eq!(fast, slow);
        }

        #[test]
        fn title_case_paths_agree(text in tricky_text()) {
            let by_chars: String = {
                let mut out = String::new();
                let mut start = true;
                for c in text.chars() {
                    if start { out.push(c) } else { out.extend(c.to_lowercase()) }
                    start = !c.is_alphanumeric() && c != '\'' && c != '’';
                }
                out
            };
            proptest::prop_assert_eq!(&title_case(&text), &by_chars);
            proptest::prop_assert_eq!(with_title_case(&text, str::to_string), by_chars);
        }

        #[test]
        fn foreign_text_scan_matches_word_split(text in function_word_text()) {
            proptest::prop_assert_eq!(foreign_body(&text), is_foreign_text_by_words(&text));
        }

        #[test]
        fn alphabetic_words_match_split(text in tricky_text()) {
            let split: Vec<&str> = text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
            proptest::prop_assert_eq!(alphabetic_words(&text).collect::<Vec<_>>(), split);
        }
    }

    /// The byte tokenizer against the char-by-char one on generated
    /// sentences: abbreviations and words before full stops, Arabic
    /// articles and look-alikes, capitals, digits, non-ASCII letters.
    #[test]
    fn byte_tokenizer_matches_char_tokenizer_on_sentences() {
        let pieces = [
            "Mr",
            "Mrs",
            "Dr",
            "Ms",
            "Mme",
            "Sen",
            "Gov",
            "Ariz",
            "St",
            "ST",
            "MT",
            "LA",
            "ILL",
            "Jan",
            "Inc",
            "end",
            "said",
            "al-Zeta",
            "al-zeta",
            "el-Baz",
            "ash-Shams",
            "as-is",
            "ad-hoc",
            "up-to",
            "a",
            "e",
            "us",
            "Ulm",
            "U",
            "S",
            "A",
            "x1",
            "1990s",
            "3",
            "É",
            "Élan",
            "épée",
            "über",
            "Über",
            "don't",
            "Roe’s",
            "O'Neill",
            "well-known",
            "ZETA",
            "Σ",
            "ǅx",
        ];
        let seps = [" ", " ", ". ", ".", ", ", "\n", "-", "'", "’", "? ", "; ", "\u{a0}"];
        let mut rng = crate::testgen::Rng::new(0x70c5);
        for _ in 0..5000 {
            let mut text = String::new();
            for _ in 0..rng.below(20) {
                text.push_str(pieces[rng.below(pieces.len())]);
                text.push_str(seps[rng.below(seps.len())]);
            }
            let fast: Vec<_> = tokenize(&text).iter().map(tok_tuple).collect();
            let slow: Vec<_> = tokenize_by_chars(&text).iter().map(tok_tuple).collect();
            assert_eq!(fast, slow, "{text:?}");
        }
    }

    #[test]
    fn tokenizer_examples() {
        let text = "Sen. Jan Roe-Lund of the U.S.A. said:\nal-Zeta’s ST. LOUIS";
        let words: Vec<&str> = tokenize(text).iter().map(|t| &text[t.s..t.e]).collect();
        assert_eq!(
            words,
            [
                "Sen.",
                "Jan",
                "Roe-Lund",
                "of",
                "the",
                "U.S.A.",
                "said",
                ":",
                "al-Zeta’s",
                "ST.",
                "LOUIS"
            ]
        );
        let toks = tokenize(text);
        assert!(toks[8].cap && toks[8].line_start && toks[8].sent);
        assert!(toks[10].upper && !toks[1].upper && !toks[3].cap);
    }

    #[test]
    fn with_lower_matches_to_lowercase() {
        for w in ["Minister", "ÜBER", "MiXeD-Case", "", &"A".repeat(60)] {
            assert_eq!(with_lower(w, str::to_string), w.to_lowercase());
        }
        assert!(is_compound_title("Umweltminister") && is_compound_title("LANDRAT"));
        assert!(!is_compound_title("Ministerium") && !is_compound_title("minister"));
    }

    fn people(body: &str) -> Vec<(String, Option<String>, usize)> {
        analyse("", body)
            .people
            .into_iter()
            .map(|p| (p.name, p.role, p.spans.len()))
            .collect()
    }

    fn names(body: &str) -> Vec<String> {
        analyse("", body).people.into_iter().map(|p| p.name).collect()
    }

    fn places(body: &str) -> Vec<String> {
        analyse("", body).places.into_iter().map(|p| p.name).collect()
    }

    #[test]
    fn title_gives_person_and_role() {
        let p = people("Yesterday Deputy Finance Minister Olek Brandvik resigned.");
        assert_eq!(
            p,
            vec![("Olek Brandvik".into(), Some("Deputy Finance Minister".into()), 1)]
        );
        // A title with no name after it is no person.
        assert!(names("The President resigned and the Minister left.").is_empty());
    }

    #[test]
    fn title_with_place_possessive_and_of() {
        let p = people("Norway's Foreign Minister Tariq bin Saleh Al Harbi arrived.");
        assert_eq!(p[0].0, "Tariq bin Saleh Al Harbi");
        assert_eq!(p[0].1.as_deref(), Some("Norway's Foreign Minister"));
        let p = people("They met Assistant Secretary of State Mirela Ostrov on Monday.");
        assert_eq!(p[0].0, "Mirela Ostrov");
        assert_eq!(p[0].1.as_deref(), Some("Assistant Secretary of State"));
        // Office words alone are no name.
        assert!(names("He spoke to the Assistant Secretary of State on Monday.").is_empty());
    }

    #[test]
    fn speech_verbs_and_appositions() {
        assert_eq!(
            names("The plan will fail, said Dariusz Kwartnik."),
            vec!["Dariusz Kwartnik"]
        );
        assert_eq!(
            names("Tomasz Wrobel, a spokesman for the union, declined."),
            vec!["Tomasz Wrobel"]
        );
        assert_eq!(names("It was late when Ugo Fenzi, 45, arrived."), vec!["Ugo Fenzi"]);
        // A place that speaks is still a place.
        let e = analyse("", "The plan is dead, Moscow said on Friday.");
        assert!(e.people.is_empty());
        assert_eq!(e.places[0].name, "Moscow");
    }

    #[test]
    fn given_names_and_capitalised_chains() {
        assert_eq!(
            names("Critics say Margaret Okonkwo won easily."),
            vec!["Margaret Okonkwo"]
        );
        assert_eq!(
            names("Police detained Zdravko Mirkovic in the morning."),
            vec!["Zdravko Mirkovic"]
        );
        // Sentence-initial common words and title-case headlines are not names.
        assert!(names("Heavy Rain fell across the valley.").is_empty());
        assert!(names("Stocks Rally As Markets Cheer Strong Earnings Report").is_empty());
    }

    #[test]
    fn surname_merges_into_full_name() {
        let p = people("Jana Novak arrived. Later Novak said little, and Novak's aide left.");
        assert_eq!(p, vec![("Jana Novak".into(), None, 3)]);
        // Two people sharing a surname: the lone surname joins neither.
        let p = people("Adam Kell and Mira Kell met Prime Minister Oskar Lund. Kell spoke.");
        assert_eq!(p.len(), 3);
        assert!(p.iter().all(|(_, _, n)| *n == 1));
    }

    #[test]
    fn vehicles_and_organisations_are_not_people_or_places() {
        assert!(names("The navy sent the frigate Margaret Hale to the north.").is_empty());
        assert_eq!(names("Captain Margaret Hale sailed north."), vec!["Margaret Hale"]);
        assert!(places("Shares of Bank of Portugal and the University of Oregon rose.").is_empty());
        assert_eq!(
            places("A bank in Portugal said the University of Oregon had left."),
            vec!["Portugal"]
        );
        assert!(names("Shares of Harlow Industries rose.").is_empty());
    }

    #[test]
    fn natural_features_are_places_not_people() {
        let body = "Boats crossed Lake Winnow before dawn. The ship sailed from Tern Harbor into the Marlow Sea. Hikers climbed Mount Corrin. Nets were set in the Gulf of St. Kestrel. Jane Roe, a guide, said the water was calm.";
        let n = names(body);
        assert_eq!(n, vec!["Jane Roe"], "{n:?}");
        let p = places(body);
        for want in ["Lake Winnow", "Tern Harbor", "Marlow Sea", "Mount Corrin"] {
            assert!(p.iter().any(|x| x == want), "{want} missing from {p:?}");
        }
        let kinds: Vec<_> = analyse("", body).places.into_iter().map(|p| (p.name, p.kind)).collect();
        assert!(
            kinds.contains(&("Marlow Sea".to_string(), Some("sea".to_string()))),
            "{kinds:?}"
        );
        assert!(
            kinds.contains(&("Lake Winnow".to_string(), Some("lake".to_string()))),
            "{kinds:?}"
        );
        // A feature word after a given name does not veto the person.
        assert_eq!(names("Officials said Tom Mount had resigned."), vec!["Tom Mount"]);
    }

    #[test]
    fn firm_and_foreign_institution_heads_are_not_people() {
        let body = "Shares of Brannock Microsystems rose after Keller Ferries and the Universidad de Zaragoza signed a deal. Maria Lopez, a spokeswoman, said more was planned.";
        assert_eq!(names(body), vec!["Maria Lopez"]);
        assert!(names("Anna Berg said Dunmore Logistics would expand.") == vec!["Anna Berg"]);
        // Foreign connectors join the institution's name ("Banco do ...").
        let pt = "Analysts at the Banco do Ilvo Tellini, a lender, said prices rose. Ines Vaz, an economist, agreed.";
        assert_eq!(names(pt), vec!["Ines Vaz"]);
        assert_eq!(
            names("Officials said Ilvo Tellini had left the bank."),
            vec!["Ilvo Tellini"]
        );
    }

    #[test]
    fn foreign_text_needs_stronger_evidence() {
        let de = "Von Greta Holm\n\nNach Angaben der Stadt steigt der Pegel der Elbe weiter an. Die Lage ist ernst, sagte Bürgermeisterin Ilse Brandt am Morgen. Landwirt Tomas Vogt sagt, er habe das schon erlebt. Die Feuerwehr ist in Hamburg und Bremen im Einsatz. Bis Mitte der Woche bleibt es so.";
        let p = people(de);
        let n: Vec<_> = p.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(n, vec!["Greta Holm", "Ilse Brandt", "Tomas Vogt"], "{p:?}");
        assert!(
            p.iter()
                .any(|(n, r, _)| n == "Tomas Vogt" && r.as_deref() == Some("Landwirt")),
            "{p:?}"
        );
        let pl = places(de);
        assert!(
            pl.contains(&"Hamburg".to_string()) && pl.contains(&"Bremen".to_string()),
            "{pl:?}"
        );
        assert!(!pl.iter().any(|x| x == "Mitte" || x == "Lage"), "{pl:?}");
        // The same kind of sentence in English keeps its plain-chain reading.
        assert!(!foreign_body(
            "The mayor said the river was rising and the town was ready."
        ));
        assert!(foreign_body(de));
    }

    #[test]
    fn foreign_appositions_name_people() {
        let es = "Los regantes piden ayudas, explicó el presidente de la comunidad, Quim Soler, durante una visita. La Albufera y el Júcar sufren la sequía, y los agricultores no pueden sembrar.";
        assert!(foreign_body(es));
        assert_eq!(names(es), vec!["Quim Soler"]);
        // Between commas but a place or a particle chain: no person.
        let es2 = "Los agricultores de la zona, Albufera de Sueca, no pueden sembrar, y el agua no llega a los campos.";
        assert!(foreign_body(es2));
        assert!(names(es2).is_empty(), "{:?}", names(es2));
    }

    #[test]
    fn places_are_canonical_with_country_and_kind() {
        let e = analyse(
            "",
            "Talks between the U.S. and Iran moved to Tucson, Ariz., and the Arabian Sea.",
        );
        let got: Vec<_> = e
            .places
            .iter()
            .map(|p| (p.name.as_str(), p.country.as_deref(), p.kind.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("United States", Some("US"), Some("country")),
                ("Iran", Some("IR"), Some("country")),
                ("Tucson", Some("US"), Some("city")),
                ("Arizona", Some("US"), Some("region")),
                ("Arabian Sea", None, Some("sea")),
            ]
        );
        // The same detections, named as written.
        let e = analyse_with("", "The U.S. and US officials met in America.", Names::AsWritten);
        let got: Vec<_> = e.places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(got, vec!["U.S.", "US", "America"]);
    }

    #[test]
    fn demonyms_months_and_sentence_starts_are_not_places() {
        assert!(places("Iranian and Brazilian officials met in March.").is_empty());
        assert!(places("Reading the report took hours.").is_empty());
        assert_eq!(places("She grew up in Reading."), vec!["Reading"]);
    }

    #[test]
    fn person_or_place_by_context() {
        // A small town named like a person is the person.
        assert!(places("Ellen Jackson flew home. Jackson said it went well.").is_empty());
        assert_eq!(places("The talks in Washington ended."), vec!["Washington"]);
        // A place before another name is part of that name.
        assert!(places("The Denver Nuggets won again.").is_empty());
    }

    #[test]
    fn datelines_and_context_places() {
        let e = analyse("Talks end.\n\nKRALOVO (Reuters)", "Officials met on Monday.");
        assert_eq!(e.places[0].name, "Kralovo");
        let e = analyse("NOTE - markets closed.", "Officials met on Monday.");
        assert!(e.places.is_empty());
        assert_eq!(
            places("Gunmen attacked the village of Brellin at dawn."),
            vec!["Brellin"]
        );
        assert!(places("Gunmen attacked the village hall at dawn.").is_empty());
        assert_eq!(places("Traffic stopped on Harbour Street."), vec!["Harbour Street"]);
    }

    #[test]
    fn lead_people_count_without_body_spans() {
        let e = analyse("Markets calm.\n\nPetra Lindqvist\n\nOSLO 2024-01-02", "Prices held.");
        assert_eq!(e.people[0].name, "Petra Lindqvist");
        assert!(e.people[0].spans.is_empty());
        assert_eq!(e.places[0].name, "Oslo");
    }

    #[test]
    fn spans_are_body_byte_ranges() {
        let body = "Foreign Minister Ana Ruiz spoke. Ruiz left.";
        let e = analyse("Headline here.", body);
        let spans: Vec<&str> = e.people[0].spans.iter().map(|s| &body[s.clone()]).collect();
        assert_eq!(spans, vec!["Ana Ruiz", "Ruiz"]);
    }

    #[test]
    fn no_panic_on_odd_input() {
        for text in [
            "",
            "A",
            "U.S.",
            "’s",
            "Mr.",
            "-- ,",
            "ÉÉÉ ÀÀ 12",
            "al-",
            "Sen. . . X",
            "\n\n\n",
        ] {
            let _ = analyse(text, text);
        }
    }
}

#[cfg(test)]
mod more_tests {
    use super::*;

    fn names(body: &str) -> Vec<String> {
        analyse("", body).people.into_iter().map(|p| p.name).collect()
    }

    #[test]
    fn firms_titles_and_descriptions_are_not_people() {
        assert!(
            names("said an analyst at Norbert Quill & Sons.")
                .iter()
                .all(|n| n != "Norbert Quill")
        );
        assert_eq!(
            names("said an analyst at Norbert Quill, the broker."),
            vec!["Norbert Quill"]
        );
        assert!(names("She starred in \"Lola Montez\" last year.").is_empty());
        assert_eq!(names("She starred with Lola Montez last year."), vec!["Lola Montez"]);
        assert!(names("Support from Bosnian Serbs grew.").is_empty());
        assert!(names("He read it in Der Kurier on Monday.").is_empty());
    }

    #[test]
    fn role_from_possessive_apposition() {
        let e = analyse(
            "",
            "They met Governor Ray Dunmore's son-in-law, Kevin Ostrander, on Monday.",
        );
        let kevin = e.people.iter().find(|p| p.name == "Kevin Ostrander");
        assert_eq!(kevin.and_then(|p| p.role.as_deref()), Some("Dunmore's son-in-law"));
        let e = analyse("", "They met Kevin Ostrander on Monday.");
        assert_eq!(e.people[0].role, None);
    }

    #[test]
    fn role_nouns_before_names() {
        assert_eq!(
            names("Police found missing student Annika Vrede alive."),
            vec!["Annika Vrede"]
        );
        assert!(names("Police found the missing student alive.").is_empty());
    }

    fn places(body: &str) -> Vec<String> {
        analyse("", body).places.into_iter().map(|p| p.name).collect()
    }

    #[test]
    fn weak_speaker_cue_does_not_hide_a_city() {
        // "told X" is a weak cue: a city stays a city unless X is a person.
        assert_eq!(places("Witnesses told Denver radio stations about it."), vec!["Denver"]);
        let e = analyse(
            "",
            "Carla Mendelsohn spoke first. Later, told Mendelsohn, the crowd left.",
        );
        assert!(e.places.is_empty());
        assert_eq!(e.people.len(), 1);
    }

    #[test]
    fn medium_words_name_titles_not_places() {
        assert!(places("The state newspaper Granma reported it.").is_empty());
        assert_eq!(places("The state newspaper in Granma reported it."), vec!["Granma"]);
        // A large city's stations are the city's; a small town's name before
        // a medium is the medium's name.
        assert_eq!(places("He spoke to Denver television crews."), vec!["Denver"]);
        assert!(places("He spoke to the Xinhua news agency.").is_empty());
    }

    #[test]
    fn capitals_saint_keeps_its_dot() {
        let e = analyse("ST. PAUL 2031-04-02", "The crews went back to work.");
        assert_eq!(e.places.first().map(|p| p.name.as_str()), Some("Saint Paul"));
        let e = analyse("", "They moved to LA. Then they left.");
        assert!(e.places.iter().all(|p| p.name != "Louisiana"));
    }

    #[test]
    fn lone_first_word_of_a_known_name() {
        let e = analyse(
            "",
            "Police found Kirsa Lindqvist alive. Kirsa had been missing for days.",
        );
        assert_eq!(e.people.len(), 1);
        assert_eq!(e.people[0].spans.len(), 2);
        // Two people share the first word: it stays unresolved.
        let e = analyse(
            "",
            "Police found Kirsa Lindqvist and Kirsa Moberg alive. Kirsa had been missing.",
        );
        assert!(e.people.iter().all(|p| p.spans.len() == 1));
    }

    #[test]
    fn line_up_lists_name_people() {
        let text = "Coach Arvid Strand named Tomas Brekke and Ola Vinje. \
                    The side: Brekke, Vinje, Halden, Ruud, Sandvik.";
        let got = names(text);
        for n in ["Halden", "Ruud", "Sandvik"] {
            assert!(got.iter().any(|g| g == n), "{n} missing from {got:?}");
        }
        assert!(analyse("", text).places.is_empty(), "Halden is a player here");
        // A list without known people stays places or nothing.
        let e = analyse("", "Ferries call at Halden, Moss, Larvik and Arendal.");
        assert!(e.people.is_empty());
    }

    #[test]
    fn town_then_its_state_or_country() {
        assert_eq!(
            places("The bus crashed near Glenbrae, Scotland, on Monday."),
            vec!["Scotland", "Glenbrae"]
        );
        // A party label after the state, or a sentence start, is no town.
        assert_eq!(
            places("The vote went to Dunmore, Texas Republican, on Monday."),
            vec!["Texas"]
        );
        assert_eq!(places("Truckers, U.S. agency agree."), vec!["United States"]);
    }

    #[test]
    fn unknown_word_after_in_is_a_town_in_news_about_places() {
        let news = "Talks between Kenya, Uganda and Tanzania resumed in Nairobi. \
                    Rebels set up a base in Kowelo, officials said.";
        assert!(places(news).iter().any(|p| p == "Kowelo"));
        // The word may end the text.
        let end = "Talks between Kenya, Uganda and Tanzania resumed in Nairobi, then in Kowelo";
        assert!(places(end).iter().any(|p| p == "Kowelo"));
        // Not without other places, not in a list of other things, not a language.
        assert!(places("Rebels set up a base in Kowelo, officials said.").is_empty());
        let list = "Talks between Kenya, Uganda and Tanzania resumed in Nairobi. \
                    She writes in Kowelo, Python and Rust.";
        assert!(places(list).iter().all(|p| p != "Kowelo"));
        let lang = "Talks between Kenya, Uganda and Tanzania resumed in Nairobi. \
                    She spoke in Swahili.";
        assert!(places(lang).iter().all(|p| p != "Swahili"));
    }

    #[test]
    fn state_abbreviations_without_their_dot() {
        let e = analyse("FRESNO, Calif 2031-04-02", "Growers met on Monday.");
        assert!(e.places.iter().any(|p| p.name == "California"));
        // Undotted forms that are words stay words.
        assert!(places("They went to Mass on Sunday in the village.").is_empty());
    }

    #[test]
    fn plural_acronyms_and_named_titles_are_not_people() {
        assert!(names("Trading in Velmar ADRs opened lower.").is_empty());
        assert_eq!(names("Trading by Velmar Adris opened lower."), vec!["Velmar Adris"]);
        assert!(names("The Orvik Tidende daily said on Monday.").is_empty());
        assert!(names("Speaking at the annual Kestrel Point symposium, he left.").is_empty());
        assert_eq!(names("Kestrel Pointer said on Monday."), vec!["Kestrel Pointer"]);
    }

    #[test]
    fn bracketed_nickname_inside_a_full_name() {
        let e = analyse(
            "",
            "Mourners remembered Thomas Eric (Tom) Hallberg on Monday. Hallberg was 80.",
        );
        assert_eq!(e.people.len(), 1);
        assert_eq!(e.people[0].name, "Thomas Eric (Tom) Hallberg");
        assert_eq!(e.people[0].spans.len(), 2);
        // An organisation in brackets after a name is no nickname.
        assert_eq!(
            names("Mourners remembered Thomas Hallberg (UN) on Monday."),
            vec!["Thomas Hallberg"]
        );
    }

    #[test]
    fn role_from_an_apposition_after_the_name() {
        let e = analyse("", "\"It is late,\" said Runa Falkvik, a spokeswoman for the port.");
        assert_eq!(e.people[0].role.as_deref(), Some("spokeswoman"));
        let e = analyse(
            "",
            "Talks with Runa Falkvik, deputy harbour director at the port, ended.",
        );
        assert_eq!(e.people[0].role.as_deref(), Some("deputy harbour director"));
        // A relative clause is no role.
        let e = analyse("", "Talks with Runa Falkvik, who is a spokeswoman, ended.");
        assert_eq!(e.people[0].role, None);
    }

    #[test]
    fn rivers_and_seas_in_their_local_names() {
        let text = "Der Pegel der Donau steigt, und an der Ostsee ist es ruhig. \
                    Die Behörden sagen, dass die Lage ernst ist.";
        let got = places(text);
        assert!(got.contains(&"Danube".to_string()) && got.contains(&"Baltic Sea".to_string()));
        // Inside a firm's name a river is no place.
        assert!(places("Die Elbe Logistik GmbH hat die Preise erhöht.").is_empty());
    }

    #[test]
    fn descriptor_that_is_a_given_name_and_new_role_nouns() {
        assert_eq!(
            names("The board met Christian Vallorbe on Monday."),
            vec!["Christian Vallorbe"]
        );
        assert!(names("The board met Christian Democrats on Monday.").is_empty());
        assert!(names("The talks angered Christian Kurds on Monday.").is_empty());
        assert_eq!(names("Police said attache Jorn Wist had left."), vec!["Jorn Wist"]);
    }

    #[test]
    fn a_ship_or_medium_name_stays_one_in_the_whole_text() {
        assert!(places("The state newspaper Granma reported it. Granma also said more.").is_empty());
        // Without the medium cue the town stays a place.
        assert_eq!(places("Troops reached Granma. Granma was calm."), vec!["Granma"]);
    }

    #[test]
    fn as_written_lists_forms_seen_only_in_the_lead() {
        let (lead, body) = ("Rell quits after defeat", "Coach Vasko Rell resigned on Monday.");
        let e = analyse_with(lead, body, Names::AsWritten);
        let got: Vec<&str> = e.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(got, vec!["Vasko Rell", "Rell"]);
        // Canonical names keep one entry.
        assert_eq!(analyse(lead, body).people.len(), 1);
    }

    #[test]
    fn compass_and_continent_descriptors_are_not_names() {
        assert!(names("They said South African Boers seek land.").is_empty());
        assert!(names("They said S. Korean Boers seek land.").is_empty());
        assert_eq!(names("They said Tomas South sought land."), vec!["Tomas South"]);
    }

    #[test]
    fn near_a_known_place_and_demonym_before_a_surname() {
        assert_eq!(places("She was found in Kowelo near Berlin."), vec!["Berlin", "Kowelo"]);
        assert_eq!(places("She was found in Kowelo with friends."), Vec::<String>::new());
        let e = analyse("", "Boxer Tomas Varga won. He then fought Polish Varga.");
        assert_eq!(e.people[0].spans.len(), 2);
        // Another given name before the surname is another person.
        let e = analyse("", "Boxer Tomas Varga won. He then fought Marek Varga.");
        assert_eq!(e.people[0].spans.len(), 1);
    }

    #[test]
    fn given_name_after_a_role_noun_beats_a_town() {
        let e = analyse("", "They met his wife Nancy on Monday.");
        assert_eq!(e.people.len(), 1);
        assert!(e.places.is_empty());
        let e = analyse("", "They met his wife in Nancy on Monday.");
        assert!(e.people.is_empty());
        // A state called like a given name stays a state.
        let e = analyse("", "Campaign officials, Virginia and Ohio, agreed.");
        assert!(e.people.is_empty());
    }

    #[test]
    fn county_and_parish_names_are_regions() {
        let e = analyse("", "Floods hit Terrebonne Parish and Orvel County on Monday.");
        let got: Vec<(&str, Option<&str>)> = e.places.iter().map(|p| (p.name.as_str(), p.kind.as_deref())).collect();
        assert!(got.contains(&("Terrebonne Parish", Some("region"))), "{got:?}");
        assert!(got.contains(&("Orvel County", Some("region"))), "{got:?}");
        // A court or office named after a county is neither.
        assert!(places("The Orvel County Court ruled on Monday.").is_empty());
    }

    #[test]
    fn short_words_with_demonym_endings_can_be_names() {
        assert_eq!(names("Ilese Varkony said shares fell."), vec!["Ilese Varkony"]);
        // Longer ones the list lacks are still descriptors.
        assert!(names("Officials said Vandorese Varkonys fled.").is_empty());
    }

    #[test]
    fn a_word_after_an_indefinite_article_describes_the_village() {
        assert!(
            places("Kessa is a Vandori village in the hills.")
                .iter()
                .all(|p| p != "Vandori")
        );
        assert!(
            places("They reached the Vandori village at dawn.")
                .iter()
                .any(|p| p == "Vandori")
        );
    }

    #[test]
    fn a_government_is_not_its_land() {
        assert!(places("Talks with the Palestinian Authority resumed.").is_empty());
        assert_eq!(
            places("Talks in the Palestinian Territories resumed."),
            vec!["Palestine"]
        );
    }

    #[test]
    fn united_nations_dateline_is_no_place() {
        let e = analyse("UNITED NATIONS 2031-04-02", "Delegates met on Monday.");
        assert!(e.places.is_empty());
        let e = analyse("UNITED STATES 2031-04-02", "Delegates met on Monday.");
        assert_eq!(e.places.len(), 1);
    }

    fn doc(blocks: &[(&str, Option<&'static str>)]) -> CleanDoc {
        CleanDoc::of_paragraphs(blocks)
    }

    #[test]
    fn dropped_dateline_after_a_body_headline_is_lead() {
        let clean = doc(&[
            ("Ferry strike ends after two days.", None),
            ("OSLO 2031-04-02", Some("date")),
            ("The crews went back to work on Tuesday.", None),
        ]);
        assert!(lead_text(&clean).contains("OSLO 2031-04-02"));
        // A dropped line that is no dateline stays out.
        let clean = doc(&[
            ("Ferry strike ends after two days.", None),
            ("Share this story", Some("share")),
            ("The crews went back to work on Tuesday.", None),
        ]);
        assert_eq!(lead_text(&clean), "");
    }

    #[test]
    fn city_region_pairs_pick_the_country() {
        // A form shared by cities of two countries: the region after it decides.
        let e = analyse("", "The firm moved to St. Petersburg, Fla., last year.");
        assert_eq!(e.places[0].country.as_deref(), Some("US"));
        // Without the region, the larger place.
        let e = analyse("", "The firm moved to St. Petersburg last year.");
        assert_eq!(e.places[0].country.as_deref(), Some("RU"));
        // "Atlanta, Georgia": the US state, not the country.
        let e = analyse("", "She flew to Atlanta, Georgia, on Monday.");
        assert!(
            e.places
                .iter()
                .any(|p| p.name == "Georgia" && p.kind.as_deref() == Some("region"))
        );
        let e = analyse("", "She flew to Tbilisi, Georgia, on Monday.");
        assert!(
            e.places
                .iter()
                .any(|p| p.name == "Georgia" && p.kind.as_deref() == Some("country"))
        );
    }

    #[test]
    fn canonical_names_keep_the_texts_accentless_spelling() {
        // The same name without accents stays as written.
        assert_eq!(places("Talks opened in Bogota on Monday."), vec!["Bogota"]);
        assert_eq!(places("Talks opened in Bogotá on Monday."), vec!["Bogotá"]);
        // A different name (an alias) still gives the canonical one.
        assert_eq!(places("Talks opened in Bombay on Monday."), vec!["Mumbai"]);
        assert!(same_but_accents("Liege", "Liège") && !same_but_accents("Liege", "Lüttich"));
        assert_eq!(fold_latin('ţ'), 't');
        assert_eq!(fold_latin('æ'), '?');
    }

    #[test]
    fn sentences_full_of_names_are_no_headlines() {
        // A sentence with verbs in lower case: the club rule applies.
        let e = analyse("", "Jonas Berglund of Leeds City joins Ola Fenwick up front.");
        assert!(e.places.is_empty());
        // A title-case headline still says nothing about names.
        let e = analyse(
            "",
            "Leeds City Council Approves New Budget For Schools\n\nThe vote was close.",
        );
        assert!(e.people.is_empty());
    }

    #[test]
    fn firm_and_paper_names_hold_for_the_whole_text() {
        // "Vosk Tamura Corp" makes "Vosk Tamura" a firm, also alone.
        let e = analyse(
            "",
            "Vosk Tamura said profit rose.\n\nVosk Tamura Corp makes leadframes.",
        );
        assert!(e.people.is_empty());
        let e = analyse(
            "",
            "Gazeta Zolty reported the bid.\n\nThe Gazeta Zolty daily said on Monday the deal was off.",
        );
        assert!(e.people.is_empty());
        // A small town that names a firm is no place there.
        let e = analyse(
            "",
            "Magna was up 1/8 after Magna International Inc said it would buy the firm.",
        );
        assert!(e.places.is_empty());
        // Without the legal form, the name stays a person.
        assert_eq!(names("Vosk Tamura said profit rose at the plant."), vec!["Vosk Tamura"]);
    }

    #[test]
    fn names_after_body_nouns_are_bodies() {
        let e = analyse(
            "",
            "Police held members of the militant group al-Zeta al-Nawa on Friday.",
        );
        assert!(e.people.is_empty());
        // A role noun still names a person.
        assert_eq!(
            names("Police held the spokesman Ilyas al-Nawa on Friday."),
            vec!["Ilyas al-Nawa"]
        );
    }

    #[test]
    fn small_towns_named_like_people_need_a_place_context() {
        // "X, United States": a country of two words after the comma.
        assert_eq!(
            places("Our office:\n\nReno, United States"),
            vec!["Reno", "United States"]
        );
        // No place context: the name-like word is no town.
        assert!(places("Reno said the plan was fine.").is_empty());
    }

    #[test]
    fn in_unknown_word_is_a_town_but_not_a_product() {
        let geo = "Talks in Paris, London and Berlin went on while Madrid waited.";
        // A lone unknown word after "in", then a clause break: a town.
        assert!(
            places(&format!("{geo} The pair met in Zolvenbeck, officials said.")).contains(&"Zolvenbeck".to_string())
        );
        // Software talk in the sentence: a product.
        assert!(
            !places(&format!("{geo} You retouch photos in Zolvenbeck, then export."))
                .contains(&"Zolvenbeck".to_string())
        );
        // A version number elsewhere in the text: a product.
        assert!(
            !places(&format!(
                "{geo} The pair met in Zolvenbeck, they said. Zolvenbeck 3 is out."
            ))
            .contains(&"Zolvenbeck".to_string())
        );
        // "South Zolvenbeck" elsewhere is no brand.
        assert!(
            places(&format!(
                "{geo} The pair met in Zolvenbeck, they said. South Zolvenbeck is near."
            ))
            .contains(&"Zolvenbeck".to_string())
        );
        // Unknown plurals are products or fields.
        assert!(
            !places(&format!("{geo} Build your mileage in Zolvenbecks, she said."))
                .contains(&"Zolvenbecks".to_string())
        );
        // A known person's surname is the person.
        assert!(
            !places(&format!(
                "{geo} Ola Zolvenbeck scored. He beat his rival in Zolvenbeck, then left."
            ))
            .contains(&"Zolvenbeck".to_string())
        );
    }

    #[test]
    fn monarchs_titles() {
        let p = analyse("", "The pact was signed by Emperor Otmar IV and the city.").people;
        assert_eq!(p[0].name, "Otmar IV");
        assert_eq!(p[0].role.as_deref(), Some("Emperor"));
        // The title alone is no one.
        assert!(names("The pact was signed by the Emperor and the city.").is_empty());
    }

    #[test]
    fn lone_word_with_a_role_apposition_is_a_person() {
        assert_eq!(
            names("Brevane, the Leeds-born actor who won the award, said nothing."),
            vec!["Brevane"]
        );
        // No article: a list or a clause, not an apposition.
        assert!(names("She worked at Zorbucks, hearing a scientist speak.").is_empty());
        assert!(names("They use ZetaCode, the official developer tool.").is_empty());
        // A speech verb alone is not enough for an unknown lone word.
        assert!(names("Brevane said on Monday that prices rose.").is_empty());
        // A place keeps its place.
        assert!(names("Moscow, the capital, said no.").is_empty());
    }

    #[test]
    fn prisons_and_firm_branches() {
        assert_eq!(places("He was held at Zorvik Prison last year."), vec!["Zorvik Prison"]);
        assert!(places("He was held at Zorvik Gardens last year.").is_empty());
        // An acronym before a place: a firm's branch.
        assert!(places("Shares of ZETIC Pacific rose on Monday.").is_empty());
        assert_eq!(places("Shares rose across the Pacific on Monday."), vec!["Pacific"]);
    }

    #[test]
    fn title_of_a_body_then_a_name() {
        let p = analyse(
            "",
            "On Monday the Speaker of the House of Delegates Olek Brandvik called for calm, officials said.",
        )
        .people;
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].name, "Olek Brandvik");
        assert_eq!(p[0].role.as_deref(), Some("Speaker of the House of Delegates"));
        // A first name that is also a word, right after the body.
        let p = analyse(
            "",
            "On Monday the Speaker of the House Newt Brandvik called for calm, officials said.",
        )
        .people;
        assert_eq!(p[0].name, "Newt Brandvik");
        assert_eq!(p[0].role.as_deref(), Some("Speaker of the House"));
        // The body alone, or the body's own words after it, name no one.
        assert!(names("On Monday the Speaker of the House of Delegates called for calm, officials said.").is_empty());
        assert!(
            names("On Monday the Speaker of the House of Delegates Committee called for calm, officials said.")
                .is_empty()
        );
    }

    #[test]
    fn buildings_by_their_feature_word() {
        // "Casa de X" is a building, not a person with a particle.
        let e = analyse(
            "",
            "The talks were held at the Casa de Velarde palace on Monday, officials said.",
        );
        assert!(e.people.is_empty());
        assert_eq!(
            e.places.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
            vec!["Casa de Velarde"]
        );
        // A person with a particle stays a person.
        assert_eq!(
            names("The talks were led by Marta de Velarde on Monday, officials said."),
            vec!["Marta de Velarde"]
        );
    }

    #[test]
    fn surname_then_small_town_word() {
        // A census surname, then a word that is also a small town: a name.
        assert_eq!(names("Police questioned Garcia Tanda on Monday."), vec!["Garcia Tanda"]);
        // Not when that word is a common word ("Split").
        assert!(names("The shop sold a Garcia Split shirt on Monday.").is_empty());
    }

    #[test]
    fn shared_surname_goes_to_the_titled_person() {
        let text = "President Olek Brandvik met reporters. Mira Brandvik, 60, stayed home. The plan failed, and Brandvik left.";
        let p = analyse("", text).people;
        let olek = p.iter().find(|p| p.name == "Olek Brandvik").map(|p| p.spans.len());
        assert_eq!(olek, Some(2));
        // Neither titled: the bare surname is nobody's.
        let text = "Olek Brandvik met reporters. Mira Brandvik, 60, stayed home. The plan failed, and Brandvik left.";
        let p = analyse("", text).people;
        assert!(p.iter().all(|p| p.spans.len() == 1));
    }
}
