//! Quotes: every quoted segment of the body, with its speaker.
//!
//! 1. [`marks`]: quote marks → segments (per paragraph, multi-paragraph
//!    quotes continued, unbalanced marks contained).
//! 2. [`attribution`]: the clause after or before each quote → a speaker
//!    phrase and its verb.
//! 3. [`coref`]: pronouns → the person last in subject position; surnames
//!    → full names.
//! 4. Quotes with no clause of their own take the speaker of the quote they
//!    continue: the previous segment of the paragraph, the quote a
//!    paragraph continues, or the last quote of the paragraph before.

mod attribution;
mod coref;
mod lexicon;
mod marks;
mod phrase;

use super::people::PersonEntity;
use crate::record::Quote;
use attribution::Found;
use coref::{Mention, Names, Subjects};
use lexicon::Gender;
use marks::Segment;
use phrase::{Np, NpKind, Tok, Toks};

/// A quote while it is being attributed.
struct Draft {
    speaker: Option<String>,
    cue: Option<String>,
    /// The speaker came from the quote's own clause.
    explicit: bool,
}

pub fn extract(body: &str, people: &[PersonEntity]) -> Vec<Quote> {
    let paras = marks::paragraphs(body);
    let segs = marks::segments(body, &paras);
    if segs.is_empty() {
        return Vec::new();
    }
    let toks = Toks::new(phrase::tokenize(body, 0..body.len()));
    let mut names = Names::build(body, &toks, people);
    let pieces = narrative_pieces(body, &toks, &paras, &segs);
    let mut subjects = narrative_subjects(body, &toks, &pieces, &mut names);

    // Transcript prefixes ("NOVAK: …"): a name is one when it recurs or
    // matches a full name; a lone "BREAKING:" is not.
    let transcript_heads: Vec<&str> = segs
        .iter()
        .filter_map(|s| attribution::transcript_speaker(&body[s.inner.clone()]))
        .collect();
    let speakers = subjects.speakers();
    let mut drafts: Vec<Draft> = Vec::with_capacity(segs.len());
    for (si, seg) in segs.iter().enumerate() {
        let para = &paras[seg.para].range;
        let prev = si.checked_sub(1).map(|p| &segs[p]).filter(|p| p.para == seg.para);
        let next = segs.get(si + 1).filter(|n| n.para == seg.para);
        let inner = &body[seg.inner.clone()];
        let ended = inner.ends_with(['.', '!', '?']);

        let after_b = tok_at(&toks, next.map_or(para.end, |n| n.open.start));
        let before_a = tok_at(&toks, prev.map_or(para.start, Segment::end));
        let before_b = tok_at(&toks, seg.open.start);

        let mut found = None;
        if seg.close.is_some() {
            found = attribution::after(body, &toks, seg.end(), after_b, ended).map(|(np, cue)| Found::Speaker(np, cue));
        }
        if found.is_none() {
            found = Some(attribution::before(body, &toks, before_a, before_b, prev.is_some()));
        }
        // "Roe continued:" closing the paragraph before introduces this one.
        if found == Some(Found::Nothing)
            && seg.open.start == para.start
            && !seg.continued
            && let Some(pp) = seg.para.checked_sub(1).map(|p| &paras[p].range)
            && body[pp.clone()].trim_end().ends_with(':')
        {
            let from = segs[..si]
                .iter()
                .rev()
                .find(|s| s.para == seg.para - 1)
                .map_or(pp.start, Segment::end);
            found = Some(attribution::before(
                body,
                &toks,
                tok_at(&toks, from),
                tok_at(&toks, pp.end),
                false,
            ));
        }
        let draft = match found {
            // Without a verb ("“…” ― X") only a clear name or group counts;
            // "X: “…”" may be a heading, so X must be titled or be seen
            // speaking elsewhere.
            Some(Found::Speaker(np, None))
                if np.kind == NpKind::Name && !names.person_like(body, &np)
                    || np.kind == NpKind::Description && !lexicon::is_person_description(&np.text) =>
            {
                Draft {
                    speaker: None,
                    cue: None,
                    explicit: false,
                }
            }
            Some(Found::Colon(np)) => {
                let speaker = match np.kind {
                    NpKind::Pronoun(_) => coref::speaker_text(&np, &names, &subjects),
                    NpKind::Name
                        if body.get(np.span.clone()).is_some_and(|s| s != np.text)
                            || speakers.contains(names.canonical_str(&np.text)) =>
                    {
                        Some(names.canonical(&np.text))
                    }
                    _ => None,
                };
                Draft {
                    explicit: speaker.is_some(),
                    speaker,
                    cue: None,
                }
            }
            Some(Found::Speaker(np, cue)) => {
                let speaker = coref::speaker_text(&np, &names, &subjects);
                note_subject(&np, speaker.as_deref(), &mut subjects);
                Draft {
                    speaker,
                    cue,
                    explicit: true,
                }
            }
            Some(Found::SameAsPrevious(cue)) => Draft {
                speaker: drafts.last().and_then(|d| d.speaker.clone()),
                cue: Some(cue),
                explicit: true,
            },
            _ => match attribution::transcript_speaker(inner) {
                // A transcript line is its own turn: its head names the
                // speaker when it recurs or matches a full name ("BREAKING:"
                // does neither).
                Some(name) => {
                    let known = coref::has_space(names.canonical_str(name))
                        || transcript_heads.iter().filter(|h| **h == name).count() >= 2;
                    Draft {
                        speaker: known.then(|| names.canonical(name)),
                        cue: None,
                        explicit: true,
                    }
                }
                None => {
                    // A long fragment woven into a sentence with no verb of
                    // saying ("Roe has gone after him as a “…”") is the
                    // sentence subject's.
                    let woven = is_partial(body, para, seg) && inner.split_whitespace().count() >= 4;
                    let subject = woven
                        .then(|| attribution::sentence_subject_before(body, &toks, before_a, before_b))
                        .flatten();
                    let speaker = subject.as_ref().and_then(|np| match np.kind {
                        NpKind::Name | NpKind::Pronoun(_) => coref::speaker_text(np, &names, &subjects),
                        _ => None,
                    });
                    Draft {
                        speaker,
                        cue: None,
                        explicit: false,
                    }
                }
            },
        };
        drafts.push(draft);
    }
    inherit(body, &paras, &segs, &mut drafts);
    // A paragraph-opening quote nobody claims, in a run of narrative about
    // someone, is theirs: the last person in subject position.
    for (seg, d) in segs.iter().zip(drafts.iter_mut()) {
        if d.speaker.is_none() && !d.explicit && seg.open.start == paras[seg.para].range.start {
            // Only a full name from this or the previous paragraph.
            let para_start = paras[seg.para.saturating_sub(1)].range.start;
            d.speaker = subjects
                .last_person(seg.open.start)
                .filter(|(name, pos)| *pos >= para_start && name.contains(' '))
                .map(|(name, _)| name.to_string());
        }
    }

    segs.iter()
        .zip(drafts)
        .filter(|(seg, d)| is_quotation(&body[seg.inner.clone()], d.speaker.is_some()))
        .map(|(seg, d)| Quote {
            text: body[seg.inner.clone()].to_string(),
            speaker: d.speaker,
            cue: d.cue,
            partial: is_partial(body, &paras[seg.para].range, seg),
        })
        .collect()
}

/// Index of the first token starting at or after byte `pos`.
fn tok_at(toks: &[Tok], pos: usize) -> usize {
    toks.partition_point(|t| t.span.start < pos)
}

/// Remember a resolved speaker as the latest subject (for "he said" later).
fn note_subject(np: &Np, speaker: Option<&str>, subjects: &mut Subjects) {
    let Some(name) = speaker else { return };
    use lexicon::Pronoun;
    let (person, org) = match np.kind {
        NpKind::Name | NpKind::Pronoun(Pronoun::He | Pronoun::She) => (true, false),
        NpKind::Org | NpKind::Pronoun(Pronoun::It) => (false, true),
        NpKind::Pronoun(_) => (false, false),
        NpKind::Description if lexicon::is_person_description(&np.text) => (true, false),
        NpKind::Description if lexicon::is_group_description(&np.text) => (false, false),
        NpKind::Description => return,
    };
    subjects.push(Mention {
        pos: np.span.start,
        name: name.to_string(),
        person,
        subject: true,
        speaker: true,
        org,
    });
}

/// A run of narrative words (outside quotes) inside one sentence.
struct Piece {
    a: usize,
    b: usize,
    sentence: usize,
    /// The piece opens its sentence.
    opens: bool,
}

/// Narrative word runs: paragraphs cut at quotes and sentence ends. A
/// sentence interrupted by a quote keeps its number.
fn narrative_pieces(body: &str, toks: &[Tok], paras: &[marks::Para], segs: &[Segment]) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut sentence = 0;
    let mut si = 0;
    for para in paras {
        sentence += 1;
        let mut opens = true;
        let mut k = tok_at(toks, para.range.start);
        let b = tok_at(toks, para.range.end);
        let mut start = k;
        let flush = |pieces: &mut Vec<Piece>, start: usize, end: usize, sentence: usize, opens: bool| {
            if end > start {
                pieces.push(Piece {
                    a: start,
                    b: end,
                    sentence,
                    opens,
                });
            }
        };
        while k < b {
            let pos = toks[k].span.start;
            while si < segs.len() && segs[si].end() <= pos {
                si += 1;
            }
            if let Some(s) = segs.get(si).filter(|s| s.open.start <= pos && pos < s.end()) {
                flush(&mut pieces, start, k, sentence, opens);
                opens = start == k && opens;
                if body[s.inner.clone()].ends_with(['.', '!', '?']) {
                    sentence += 1;
                    opens = true;
                }
                k = tok_at(toks, s.end()).max(k + 1);
                start = k;
                continue;
            }
            k += 1;
            if toks[k - 1].ends_sentence() {
                flush(&mut pieces, start, k, sentence, opens);
                sentence += 1;
                opens = true;
                start = k;
            }
        }
        flush(&mut pieces, start, b, sentence, opens);
    }
    pieces
}

/// Who is in subject position in the narrative: each sentence's subject,
/// the subject of each cue verb ("X said", "said X"), and the other people
/// named (used when a sentence has no fitting subject). Gender evidence
/// comes from a "He"/"She" opening the sentence after a person was its
/// subject.
fn narrative_subjects(body: &str, toks: &Toks, pieces: &[Piece], names: &mut Names) -> Subjects {
    let mut subjects = Subjects::new(pieces.iter().map(|p| (toks[p.a].span.start, p.sentence)).collect());
    let mut last_person: Option<(String, usize)> = None;
    for piece in pieces {
        if piece.opens {
            let t = &toks[piece.a];
            if let (Some(pr), Some((name, sent))) = (lexicon::pronoun(t.w).filter(|_| t.is_cap()), &last_person)
                && sent + 1 == piece.sentence
            {
                match pr {
                    lexicon::Pronoun::He => names.vote(name, Gender::Male, 1),
                    lexicon::Pronoun::She => names.vote(name, Gender::Female, 1),
                    _ => {}
                }
            }
            if let Some(np) = coref::sentence_subject(body, toks, piece.a, piece.b) {
                if np.kind == NpKind::Name && names.person_like(body, &np) {
                    let canon = names.canonical(&np.text);
                    if let Some(g) = np.gender {
                        names.vote(&canon, g, 2);
                    }
                    last_person = Some((canon, piece.sentence));
                }
                push_mention(&mut subjects, names, body, &np, true, false);
            }
        }
        // Subjects of cue verbs, and every other name.
        let mut k = piece.a;
        while k < piece.b {
            if attribution::may_start_cue(toks[k].w)
                && let Some(np) = attribution::cue_subject(body, toks, piece.a, piece.b, k)
            {
                if matches!(np.kind, NpKind::Name | NpKind::Pronoun(_)) {
                    push_mention(&mut subjects, names, body, &np, true, true);
                }
                k += 1;
                continue;
            }
            if toks[k].is_cap() && !lexicon::NON_NAME_CAPS.contains(toks[k].w) {
                let end = toks.chain_end(k, piece.b);
                phrase::with_chain(body, toks, k, end, |np| {
                    if let Some(np) = np.filter(|np| np.kind == NpKind::Name) {
                        push_mention(&mut subjects, names, body, np, false, false);
                    }
                });
                k = end.max(k + 1);
                continue;
            }
            k += 1;
        }
    }
    subjects
}

/// Record a mention for pronoun resolution: a person's canonical name, a
/// group or person description, or (for a pronoun) what it resolves to,
/// so that chains of "he" keep their referent.
fn push_mention(subjects: &mut Subjects, names: &Names, body: &str, np: &Np, subject: bool, speaker: bool) {
    use lexicon::Pronoun;
    let (name, person, org) = match np.kind {
        NpKind::Name => {
            // One canonical form serves both (`Names::person_like` would
            // look it up again).
            let canon = names.canonical_str(&np.text);
            let person_like = np.gender.is_some()
                || coref::has_space(canon)
                || body.get(np.span.clone()).is_some_and(|s| s != np.text);
            if !subject && !person_like {
                return;
            }
            (canon.to_string(), true, false)
        }
        NpKind::Pronoun(p) => match subjects.resolve(p, np.span.start, names) {
            Some(name) => (name, matches!(p, Pronoun::He | Pronoun::She), p == Pronoun::It),
            None => return,
        },
        NpKind::Org => (np.text.clone(), false, true),
        NpKind::Description if lexicon::is_person_description(&np.text) => (np.text.clone(), true, false),
        NpKind::Description if lexicon::is_group_description(&np.text) => (np.text.clone(), false, false),
        NpKind::Description => return,
    };
    subjects.push(Mention {
        pos: np.span.start,
        name,
        person,
        subject,
        speaker,
        org,
    });
}

/// Quotes with no attribution of their own take a neighbour's speaker: a
/// continued paragraph its opening's, a segment of a paragraph the
/// previous (else next) attributed segment's, and a paragraph that opens
/// with an unattributed quote the last speaker of the paragraph before.
fn inherit(body: &str, paras: &[marks::Para], segs: &[Segment], drafts: &mut [Draft]) {
    for i in 0..segs.len() {
        if drafts[i].explicit || i == 0 {
            continue;
        }
        if segs[i].continued {
            drafts[i].speaker = drafts[i - 1].speaker.clone();
            drafts[i].cue = drafts[i - 1].cue.clone();
        }
    }
    for i in 0..segs.len() {
        if drafts[i].speaker.is_some() || drafts[i].explicit {
            continue;
        }
        let same_para = |j: usize| segs[j].para == segs[i].para;
        let prev = (0..i)
            .rev()
            .take_while(|&j| same_para(j))
            .find(|&j| drafts[j].speaker.is_some());
        let next = (i + 1..segs.len())
            .take_while(|&j| same_para(j))
            .find(|&j| drafts[j].speaker.is_some());
        if let Some(j) = prev.or(next) {
            drafts[i].speaker = drafts[j].speaker.clone();
            drafts[i].cue = drafts[j].cue.clone();
        }
    }
    // A paragraph that opens with a quote nobody claims continues the
    // speaker of the paragraph before, when that one ended on a quote or
    // an attribution.
    for i in 1..segs.len() {
        if drafts[i].speaker.is_some() || drafts[i].explicit {
            continue;
        }
        let p = segs[i].para;
        if p == 0 || segs[i].open.start != paras[p].range.start || segs[i - 1].para + 1 != p {
            continue;
        }
        let prev_para = &paras[p - 1].range;
        let tail = body[segs[i - 1].end()..prev_para.end].trim();
        if tail.split_whitespace().count() > 12 {
            continue;
        }
        let speaker = drafts[i - 1].speaker.clone();
        let cue = drafts[i - 1].cue.clone();
        for j in i..segs.len() {
            if segs[j].para != p || drafts[j].speaker.is_some() {
                break;
            }
            drafts[j].speaker = speaker.clone();
            drafts[j].cue = cue.clone();
        }
    }
}

/// Function words that stay lower case in a title.
const TITLE_SMALL: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "is", "are", "from", "as", "but",
    "nor", "vs.",
];

/// Whether quoted text is a quotation rather than a term or a title: a
/// single word ("so-called “reform”"), a title in title case ("“Face the
/// Nation”"), text with no letters (ids, numbers), or a short fragment
/// nobody is said to have spoken (scare quotes).
fn is_quotation(text: &str, attributed: bool) -> bool {
    // Only "up to 8 words or more" matters: long quotes are not split
    // to their end.
    let n = text.split_whitespace().take(9).count();
    if n < 2 || !text.chars().any(char::is_alphabetic) {
        return false;
    }
    if n < 4 && !attributed {
        return false;
    }
    let title_case = n <= 8
        && text.split_whitespace().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.is_empty()
                || TITLE_SMALL.contains(&w)
                || w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric())
        });
    !title_case
}

/// A fragment quoted inside a sentence ("called it a “good start”"): the
/// mark follows a word of the same sentence and the quote does not end
/// with its own punctuation.
fn is_partial(body: &str, para: &std::ops::Range<usize>, seg: &Segment) -> bool {
    let before = body[para.start..seg.open.start].trim_end();
    let inner = &body[seg.inner.clone()];
    let mid_sentence = before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '’' | '\'' | '(' | '-'));
    mid_sentence && !inner.ends_with(['.', ',', '!', '?', '…'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(body: &str) -> Vec<(String, Option<String>)> {
        extract(body, &[]).into_iter().map(|q| (q.text, q.speaker)).collect()
    }

    fn pair(t: &str, s: Option<&str>) -> (String, Option<String>) {
        (t.to_string(), s.map(str::to_string))
    }

    #[test]
    fn quote_then_speaker() {
        let body = "Mayor Ana Lind opened the bridge.\n\n“It took ten years,” Lind said.";
        assert_eq!(run(body), [pair("It took ten years,", Some("Ana Lind"))]);
        let body = "“It took ten years,” said Tom Berg, the engineer.";
        assert_eq!(run(body), [pair("It took ten years,", Some("Tom Berg"))]);
    }

    #[test]
    fn speaker_then_quote() {
        let body = "Tom Berg told the council: “We are out of money.”";
        assert_eq!(run(body), [pair("We are out of money.", Some("Tom Berg"))]);
        // "X:" names a speaker only when X is titled or seen speaking
        // elsewhere; otherwise it may be a heading.
        let body = "Tom Berg said the town was broke.\n\nTom Berg: “We are out of money.”";
        assert_eq!(run(body)[0], pair("We are out of money.", Some("Tom Berg")));
        let body = "Mayor Tom Berg: “We are out of money.”";
        assert_eq!(run(body)[0], pair("We are out of money.", Some("Tom Berg")));
        let body = "Budget Talks: “We are out of money.”";
        assert_eq!(run(body)[0], pair("We are out of money.", None));
        let body = "According to the city council, “the work is done.”";
        assert_eq!(run(body), [pair("the work is done.", Some("the city council"))]);
    }

    #[test]
    fn pronoun_takes_last_subject_with_matching_gender() {
        let body = "Mrs. Ana Lind met Mr. Tom Berg on Monday. Berg said little about the plan.\n\n\
                    “We will not sign anything today,” he said.\n\n\
                    Lind disagreed. “We should sign it now,” she said.";
        let got = run(body);
        assert_eq!(got[0].1.as_deref(), Some("Tom Berg"));
        assert_eq!(got[1].1.as_deref(), Some("Ana Lind"));
    }

    #[test]
    fn split_quote_and_continuation() {
        let body = "“We tried,” Ana Lind said, “and we failed.” “Next year we try again.”\n\n\
                    “It will be better,” she said.";
        let got = run(body);
        assert_eq!(got.len(), 4);
        assert!(got.iter().all(|(_, s)| s.as_deref() == Some("Ana Lind")), "{got:?}");
    }

    #[test]
    fn colon_paragraph_introduces_the_next() {
        let body = "Tom Berg spoke last.\n\nHe continued:\n\n“We will fix the roads next year.”";
        let got = run(body);
        assert_eq!(got, [pair("We will fix the roads next year.", Some("Tom Berg"))]);
    }

    #[test]
    fn woven_fragment_belongs_to_the_subject() {
        let body = "Senator Ana Lind has long attacked the plan as a “tax on every working family” in speeches.";
        assert_eq!(run(body), [pair("tax on every working family", Some("Ana Lind"))]);
    }

    #[test]
    fn each_sentence_keeps_its_own_speaker() {
        let body = "Mayor Ana Lind said the delay was “a matter of weeks, not months.” Governor Tom Berg \
                    said it would be “far too early to tell the public” and left. Later, Lind's \
                    deputy, Eva Holm, called for calm, saying the plan “still has broad support here.”";
        let got = run(body);
        assert_eq!(got[0].1.as_deref(), Some("Ana Lind"));
        assert_eq!(got[1].1.as_deref(), Some("Tom Berg"));
        assert_eq!(got[2].1.as_deref(), Some("Eva Holm"));
    }

    #[test]
    fn transcript_lines_name_recurring_speakers() {
        let body = "“LIND: Shall we start with the budget today?\n\n“BERG: Yes, we can start with it.\n\n\
                    “LIND: Then tell us about the deficit now.";
        let got = run(body);
        assert_eq!(got[0].1.as_deref(), Some("LIND"));
        assert_eq!(got[1].1, None, "{got:?}");
        assert_eq!(got[2].1.as_deref(), Some("LIND"));
    }

    #[test]
    fn organisations_speak_through_it_and_statements() {
        let body = "The Harbour Council met on Friday and said it would act. Later it called the plan \
                    “a clear danger to every boat in the bay.”\n\nFollowing a short, tense meeting, \
                    the Harbour Council issued a statement calling the vote “a grave mistake for all of us.”";
        let got = run(body);
        assert_eq!(got[0].1.as_deref(), Some("Harbour Council"));
        assert_eq!(got[1].1.as_deref(), Some("Harbour Council"));
    }

    #[test]
    fn appositives_and_a_closing_attribution() {
        let body = "Eva Holm, the mayor of Lund, a city in the south, said the vote was \
                    “a win for every family here.”\n\n\
                    The talks may take weeks, Holm said. “We are not in a hurry at all.”";
        let got = run(body);
        assert_eq!(got[0].1.as_deref(), Some("Eva Holm"));
        assert_eq!(got[1].1.as_deref(), Some("Eva Holm"));
    }

    #[test]
    fn they_goes_to_a_group_and_he_skips_it() {
        let body = "Farm union leaders met Minister Tom Berg in Lund on Monday.\n\n\
                    “We will not accept these new rules at all,” they said.\n\n\
                    Berg listened. “We can talk again next week,” he said, “but not about prices.”";
        let got = run(body);
        assert_eq!(got[0].1.as_deref(), Some("Farm union leaders"));
        assert_eq!(got[1].1.as_deref(), Some("Tom Berg"));
        assert_eq!(got[2].1.as_deref(), Some("Tom Berg"));
    }

    #[test]
    fn multi_paragraph_quote_keeps_its_speaker() {
        let body = "Tom Berg said: “First, we will fix the roads.\n\n\
                    “Second, we will fix the schools.”\n\nThe council agreed.";
        let got = run(body);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1], pair("Second, we will fix the schools.", Some("Tom Berg")));
    }

    #[test]
    fn partial_fragments() {
        let q = extract("Ana Lind called the plan “a good start” on Monday.", &[]);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].speaker.as_deref(), Some("Ana Lind"));
        assert!(q[0].partial);
        let q = extract("“We are ready to go,” she said.", &[]);
        assert!(!q[0].partial);
    }

    #[test]
    fn terms_titles_and_scare_quotes_are_not_quotations() {
        assert!(extract("The so-called “miracle cure” was sold online.", &[]).is_empty());
        assert!(extract("The “reform” failed.", &[]).is_empty());
        assert!(extract("She told “Face the Nation” on Sunday.", &[]).is_empty());
        assert!(extract("See “1474387” for details.", &[]).is_empty());
        assert_eq!(extract("Officials said “the plan will fail” soon.", &[]).len(), 1);
    }

    #[test]
    fn never_panics_on_odd_text() {
        // Deterministic pseudo-random mixes of marks, names, cues and
        // multi-byte characters.
        const PARTS: &[&str] = &[
            "“",
            "”",
            "\"",
            "«",
            "»",
            "‘",
            "’",
            "'",
            " ",
            "\n\n",
            "\n",
            ",",
            ".",
            ":",
            "―",
            "—",
            "(",
            ")",
            "said",
            "told",
            "he",
            "She",
            "Mr.",
            "Ana",
            "Lind",
            "the",
            "mayor",
            "according",
            "to",
            "é",
            "\u{a0}",
            "’s",
            "U.S.",
            "continued:",
            "they",
            "A",
            "—",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..40 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(PARTS[(state % PARTS.len() as u64) as usize]);
                if state.is_multiple_of(3) {
                    text.push(' ');
                }
            }
            let _ = extract(&text, &[]);
        }
    }
}
