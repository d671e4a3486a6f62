//! Attribution clauses: the words around a quote that name its speaker.
//!
//! After the quote: `“…,” X said` / `“…,” said X` / `“…” ― X`.
//! Before it: `X said, “…”` / `X told Y: “…”` / `X: “…”` /
//! `according to X, “…”` / `X said it was a “…”`.

use super::coref;
use super::lexicon;
use super::phrase::{self, Np, NpKind, Tok, Toks};
use std::borrow::Cow;

/// What an attribution clause says about a quote's speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A speaker phrase (and the verb, when there is one).
    Speaker(Np, Option<String>),
    /// The verb's subject is the subject of a clause that began before the
    /// previous quote ("“…,” he said, adding that “…”").
    SameAsPrevious(String),
    /// "X: “…”", a phrase and a colon with no verb (also a heading).
    Colon(Np),
    Nothing,
}

/// The cue verb at `toks[k]`, with its text and its length in tokens
/// ("according to" counts as one cue).
fn cue_at(toks: &[Tok], k: usize) -> Option<(String, usize)> {
    cue_word(toks, k).map(|(cue, len)| (cue.into_owned(), len))
}

/// Every word a cue can start with: [`cue_word`] reads a cue only at one
/// of these.
static CUE_HEADS: std::sync::LazyLock<crate::extract::lexicon::Sketched<&'static str>> =
    std::sync::LazyLock::new(|| {
        lexicon::CUES
            .words()
            .chain([
                "according",
                "According",
                "a",
                "ha",
                "hat",
                "ont",
                "hanno",
                "went",
                "goes",
                "go",
            ])
            .collect()
    });

/// Whether a cue may start at a word: one set look-up (mostly the sketch
/// alone) before the narrative pass calls [`cue_subject`] on it.
#[inline]
pub fn may_start_cue(w: &str) -> bool {
    CUE_HEADS.contains(w)
}

/// [`cue_at`], borrowed from the token where it can be: the narrative
/// pass tests every word and keeps no cue text.
fn cue_word<'a>(toks: &[Tok<'a>], k: usize) -> Option<(Cow<'a, str>, usize)> {
    let t = &toks[k];
    let w = t.w;
    if w == "according" || w == "According" {
        return toks
            .get(k + 1)
            .filter(|n| n.w == "to")
            .map(|_| (Cow::Borrowed("according to"), 2));
    }
    if lexicon::is_cue(w) {
        if lexicon::NOUN_LIKE_CUES.contains(w) {
            // "she tweets" is a cue, "her tweets" is not.
            let verb = k.checked_sub(1).map(|p| &toks[p]).is_none_or(|p| {
                p.is_pronoun() || (p.is_cap() && !p.poss && !lexicon::is_title(p.w)) || p.comma_after() || p.is_punct()
            });
            if !verb {
                return None;
            }
        }
        return Some((Cow::Borrowed(w), 1));
    }
    // French and Italian perfect tense: "a expliqué", "ha detto".
    if matches!(w, "a" | "ha" | "hat" | "ont" | "hanno")
        && let Some(n) = toks.get(k + 1)
        && lexicon::is_foreign_participle_cue(n.w)
    {
        return Some((Cow::Owned(format!("{w} {}", n.w)), 2));
    }
    if matches!(w, "went" | "goes" | "go") && toks.get(k + 1).is_some_and(|n| n.w == "on") {
        return Some((Cow::Owned(format!("{w} on")), 2));
    }
    None
}

/// Index of the token starting at byte `pos`.
fn tok_at(toks: &[Tok], pos: usize) -> usize {
    toks.partition_point(|t| t.span.start < pos)
}

/// The noun phrase read after an inverted cue: "said Sen. Jane Roe",
/// skipping a day name ("said Friday Jane Roe" is rare but harmless).
fn np_after_cue(body: &str, toks: &Toks, mut i: usize, b: usize) -> Option<Np> {
    for _ in 0..3 {
        if i >= b {
            return None;
        }
        if let Some((np, _)) = phrase::np_forward(body, toks, i, b) {
            return Some(np);
        }
        if !lexicon::NON_NAME_CAPS.contains(toks[i].w) && !matches!(toks[i].w, "on" | "in" | "last") {
            // "said 9/11 widow Jane Roe": a description ending in a name.
            return phrase::np_forward(body, toks, i + 1, b)
                .map(|(np, _)| np)
                .filter(|np| np.kind == NpKind::Name);
        }
        i += 1;
    }
    None
}

/// The subject of the cue verb at `k` in the narrative run `toks[a..b]`,
/// if `k` is a cue: "Jane Roe said" or ", said Jane Roe".
pub fn cue_subject(body: &str, toks: &Toks, a: usize, b: usize, k: usize) -> Option<Np> {
    let (cue, len) = cue_word(toks, k)?;
    if cue == "according to" {
        return np_after_cue(body, toks, k + len, b);
    }
    if k == a || toks[k - 1].comma_after() {
        np_after_cue(body, toks, k + len, b)
    } else {
        phrase::np_before(body, toks, a, k)
    }
}

/// An attribution right after a quote, in `toks[a..b]` (the words up to
/// the next quote in the paragraph). `ended` tells that the quote closed
/// with a full stop, so only a short "X said." sentence may follow.
pub fn after(body: &str, toks: &Toks, close_end: usize, b: usize, ended: bool) -> Option<(Np, Option<String>)> {
    let mut a = tok_at(toks, close_end);
    // "“…” ― Jane Roe": a dash then a name (the dash may touch the mark).
    let gap = toks
        .get(a)
        .and_then(|t| body.get(close_end..t.span.start))
        .unwrap_or_default();
    let dashed = a < b && (toks[a].is_punct() || gap.contains(['―', '—', '–']));
    while a < b && toks[a].is_punct() {
        a += 1;
    }
    if a >= b {
        return None;
    }
    // The clause ends with its sentence.
    let end = (a..b).find(|&k| toks[k].ends_sentence()).map_or(b, |k| k + 1);
    if dashed
        && let Some((np, next)) = phrase::np_forward(body, toks, a, end)
        && matches!(np.kind, NpKind::Name | NpKind::Org)
        && next + 3 >= end
    {
        return Some((np, None));
    }
    if ended && !toks[a].is_pronoun() && !toks[a].is_cap() {
        return None;
    }
    let limit = (a + 22).min(end);
    let (c, (cue, len)) = (a..limit).find_map(|k| cue_at(toks, k).map(|c| (k, c)))?;
    // After a quote that ended its sentence, only a short "X said." that
    // ends its own sentence is an attribution.
    if ended && (end == b && !toks[b - 1].ends_sentence() || end - c > 4 + len) {
        return None;
    }
    let np = if cue == "according to" || c == a {
        np_after_cue(body, toks, c + len, end)
    } else {
        // The phrase must fill the clause up to the verb: in "“…” sponsored
        // by X and said" nobody is named.
        let starts_clause = |np: &Np| {
            let first = tok_at(toks, np.span.start);
            first < a + 6
                && toks[a..first]
                    .iter()
                    .all(|t| !lexicon::CLAUSE_WORDS.contains(t.w) && !t.comma_after())
        };
        // A name opening the clause, then an appositive: "Jane Roe, the
        // attorney general of Ohio, one of the states suing, said".
        let opening = phrase::np_forward(body, toks, a, c).filter(|(np, next)| {
            *next == c
                || (toks[*next - 1].comma_after()
                    && matches!(np.kind, NpKind::Name | NpKind::Pronoun(_))
                    && toks[c - 1].comma_after())
        });
        opening
            .map(|(np, _)| np)
            .or_else(|| phrase::np_before(body, toks, a, c).filter(starts_clause))
    }?;
    Some((np, Some(cue)))
}

/// An attribution before a quote, in `toks[a..b]` (the words since the
/// previous quote or the start of the sentence). `after_quote` tells that
/// the clause began right after an earlier quote of the same sentence.
pub fn before(body: &str, toks: &Toks, a: usize, b: usize, after_quote: bool) -> Found {
    // Only the sentence that holds the quote.
    let cut = (a..b).rev().find(|&k| toks[k].ends_sentence());
    let after_quote = after_quote && cut.is_none();
    let start = a;
    let a = cut.map_or(a, |k| k + 1);
    if a >= b {
        // "…, Roe said. “…”": a quote opening the sentence after a short
        // attribution closing the one before.
        if let Some(k) = cut {
            let from = (start..k)
                .rev()
                .find(|&j| toks[j].ends_sentence())
                .map_or(start, |j| j + 1);
            if let Some(c) = (k.saturating_sub(3).max(from)..=k).find(|&j| cue_word(toks, j).is_some())
                && let Some(np) = cue_subject(body, toks, from, k + 1, c)
                && matches!(np.kind, NpKind::Name | NpKind::Pronoun(_))
            {
                let cue = cue_at(toks, c).map(|(cue, _)| cue);
                return Found::Speaker(np, cue);
            }
        }
        return Found::Nothing;
    }
    let cue = (a..b).rev().find_map(|k| cue_at(toks, k).map(|c| (k, c)));
    if let Some((c, (cue, len))) = cue {
        if cue == "according to" {
            return match np_after_cue(body, toks, c + len, b) {
                Some(np) => Found::Speaker(np, Some(cue)),
                None => Found::Nothing,
            };
        }
        let participle = cue.ends_with("ing") && c > a && toks[c - 1].comma_after();
        if !participle {
            // "Jane Roe, the minister of X, a member of Y, said": the name
            // opening the clause, past its appositives.
            if c > a
                && toks[c - 1].comma_after()
                && let Some((np, next)) = phrase::np_forward(body, toks, a, c)
                && matches!(np.kind, NpKind::Name | NpKind::Pronoun(_))
                && toks[next - 1].comma_after()
            {
                return Found::Speaker(np, Some(cue));
            }
            // "X issued a statement calling it “…”": a thing does not
            // speak; the sentence's subject does.
            let thing = |np: &Np| {
                cue.ends_with("ing")
                    && np.kind == NpKind::Description
                    && !lexicon::is_person_description(&np.text)
                    && !lexicon::is_group_description(&np.text)
            };
            if let Some(np) = phrase::np_before(body, toks, a, c).filter(|np| !thing(np)) {
                return Found::Speaker(np, Some(cue));
            }
            // "said Jane Roe: “…”"
            if c == a
                && !after_quote
                && let Some(np) = np_after_cue(body, toks, c + len, b)
                && np.kind != NpKind::Description
            {
                return Found::Speaker(np, Some(cue));
            }
        }
        if after_quote {
            return Found::SameAsPrevious(cue);
        }
        return match coref::sentence_subject(body, toks, a, c) {
            Some(np) => Found::Speaker(np, Some(cue)),
            None => Found::Nothing,
        };
    }
    // "Jane Roe: “…”"
    if toks[b - 1].colon_after()
        && b - a <= 7
        && let Some((np, next)) = phrase::np_forward(body, toks, a, b)
        && next == b
        && np.kind != NpKind::Pronoun(lexicon::Pronoun::Other)
    {
        return Found::Colon(np);
    }
    Found::Nothing
}

/// The subject of the sentence that holds a quote, from the words before
/// it (`toks[a..b]`), when the sentence starts there.
pub fn sentence_subject_before(body: &str, toks: &Toks, a: usize, b: usize) -> Option<Np> {
    let a = (a..b)
        .rev()
        .find(|&k| toks[k].ends_sentence() || toks[k].colon_after())
        .map_or(a, |k| k + 1);
    if a >= b {
        return None;
    }
    coref::sentence_subject(body, toks, a, b)
}

/// A transcript line: the quote opens with an all-capitals name and a colon
/// ("NOVAK: We will..."), which names its speaker.
pub fn transcript_speaker(inner: &str) -> Option<&str> {
    let (head, _) = inner.split_once(':')?;
    let head = head.trim();
    let letters = head.chars().filter(|c| c.is_alphabetic()).count();
    (letters >= 3
        && head.split_whitespace().count() <= 3
        && head
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-' || c == '\''))
    .then_some(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_start_only_at_cue_heads() {
        // Every word next to every follower: wherever `cue_word` reads a
        // cue, the word is a head; and most words are not heads.
        let mut words: Vec<&str> = lexicon::CUES.words().collect();
        words.extend([
            "according",
            "According",
            "to",
            "a",
            "ha",
            "hat",
            "ont",
            "hanno",
            "expliqué",
            "detto",
        ]);
        words.extend([
            "went", "goes", "go", "on", "she", "her", "Roe", "tweets", "the", "mayor", ",", "Said",
        ]);
        for w in &words {
            for n in &words {
                let text = format!("{w} {n}");
                let toks = phrase::tokenize(&text, 0..text.len());
                for k in 0..toks.len() {
                    if cue_word(&toks, k).is_some() {
                        assert!(may_start_cue(toks[k].w), "{text}");
                    }
                }
            }
        }
        assert!(may_start_cue("said") && may_start_cue("according") && !may_start_cue("mayor"));
    }

    fn after_of(s: &str) -> Option<String> {
        let t = Toks::new(phrase::tokenize(s, 0..s.len()));
        after(s, &t, 0, t.len(), false).map(|(np, _)| np.text)
    }

    #[test]
    fn dash_touching_the_mark() {
        let s = "“We will win.”― Ana Lind";
        let t = Toks::new(phrase::tokenize(s, 0..s.len()));
        let close = s.find('―').unwrap();
        assert_eq!(
            after(s, &t, close, t.len(), true).map(|(np, _)| np.text).as_deref(),
            Some("Ana Lind")
        );
    }

    fn before_of(s: &str) -> Option<String> {
        let t = Toks::new(phrase::tokenize(s, 0..s.len()));
        match before(s, &t, 0, t.len(), false) {
            Found::Speaker(np, _) => Some(np.text),
            _ => None,
        }
    }

    #[test]
    fn after_patterns() {
        assert_eq!(after_of(", Jana Novak said on Friday.").as_deref(), Some("Jana Novak"));
        assert_eq!(
            after_of(", said Sen. Tom Berg, a Democrat.").as_deref(),
            Some("Tom Berg")
        );
        assert_eq!(after_of(" he told reporters.").as_deref(), Some("he"));
        assert_eq!(after_of(", the mayor added.").as_deref(), Some("the mayor"));
        assert_eq!(after_of(" ― Ana Lind").as_deref(), Some("Ana Lind"));
        assert_eq!(after_of(" and the crowd cheered loudly."), None);
    }

    #[test]
    fn foreign_cues_and_perfect_tense() {
        assert_eq!(
            after_of(", a expliqué la gérante du café, Lise Morin, hier.").as_deref(),
            Some("Lise Morin")
        );
        assert_eq!(
            after_of(", sagte Bürgermeisterin Uta Berg am Morgen.").as_deref(),
            Some("Uta Berg")
        );
        assert_eq!(after_of(", dijo Pau Soler.").as_deref(), Some("Pau Soler"));
        assert_eq!(after_of(", sagte er.").as_deref(), Some("er"));
        assert_eq!(lexicon::pronoun("elle"), Some(lexicon::Pronoun::She));
        assert_eq!(
            lexicon::pronoun("Il"),
            None,
            "capitalised: a name part (\"Kim Jong Il\")"
        );
        // An auxiliary alone is no cue.
        assert_eq!(after_of(", a passé un témoin."), None);
    }

    #[test]
    fn before_patterns() {
        assert_eq!(before_of("Novak told reporters:").as_deref(), Some("Novak"));
        let s = "Ana Lind:";
        let t = Toks::new(phrase::tokenize(s, 0..s.len()));
        assert!(matches!(before(s, &t, 0, t.len(), false), Found::Colon(np) if np.text == "Ana Lind"));
        assert_eq!(
            before_of("According to the White House,").as_deref(),
            Some("White House")
        );
        assert_eq!(
            before_of("Ana Lind, the minister, praised the deal and said it was").as_deref(),
            Some("Ana Lind")
        );
        assert_eq!(before_of("The weather was"), None);
    }

    #[test]
    fn transcript_lines() {
        assert_eq!(transcript_speaker("LIND: We are ready."), Some("LIND"));
        assert_eq!(transcript_speaker("Note: we are ready."), None);
    }
}
