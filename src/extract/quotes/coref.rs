//! Names and pronouns: surname → full name, he/she/they → the person last
//! in subject position.
//!
//! Full names come from the body itself (capitalised chains of two or more
//! words that are not organisations) and from the people extractor. Gender
//! comes only from the document: honorifics ("Mr.", "Mrs.") and the
//! pronoun that opens the sentence after a person was the subject.

use super::lexicon::{self, Gender, Pronoun};
use super::phrase::{self, Np, NpKind, Toks};
use crate::extract::ner::with_lower;
use crate::extract::people::PersonEntity;
use rustc_hash::FxHashMap;

#[derive(Debug, Clone)]
struct FullName {
    name: String,
    count: usize,
    first: usize,
    male: u32,
    female: u32,
}

/// Full names of the document with their counts and gender evidence.
#[derive(Debug, Clone, Default)]
pub struct Names {
    full: Vec<FullName>,
    /// Index of each name in `full`.
    by_name: FxHashMap<String, usize>,
    /// Indices of the names ending with a word (lower-cased).
    by_last: FxHashMap<String, Vec<usize>>,
}

impl Names {
    /// Collect full names from the body's words and the people list.
    /// (Each chain's reading stays in `toks` for the narrative pass, which
    /// meets most chains again.)
    pub fn build(body: &str, toks: &Toks, people: &[PersonEntity]) -> Names {
        let mut names = Names::default();
        let mut i = 0;
        while i < toks.len() {
            if !toks[i].is_cap() || lexicon::NON_NAME_CAPS.contains(toks[i].w) {
                i += 1;
                continue;
            }
            let end = toks.chain_end(i, toks.len());
            phrase::with_chain(body, toks, i, end, |np| {
                if let Some(np) = np.filter(|np| np.kind == NpKind::Name) {
                    if has_space(&np.text) {
                        names.add(&np.text, np.span.start, 1);
                    }
                    if let Some(g) = np.gender {
                        let canon = names.canonical(&np.text);
                        names.vote(&canon, g, 1);
                    }
                }
            });
            i = end.max(i + 1);
        }
        for p in people {
            if has_space(&p.name) {
                let first = p.spans.first().map_or(usize::MAX, |s| s.start);
                names.add(&p.name, first, 0);
            }
        }
        names
    }

    fn add(&mut self, name: &str, pos: usize, count: usize) {
        let i = self.index(name);
        let f = &mut self.full[i];
        f.count += count;
        f.first = f.first.min(pos);
    }

    /// Index of `name` in `full`, adding it if new.
    fn index(&mut self, name: &str) -> usize {
        if let Some(&i) = self.by_name.get(name) {
            return i;
        }
        let i = self.full.len();
        self.full.push(FullName {
            name: name.to_string(),
            count: 0,
            first: usize::MAX,
            male: 0,
            female: 0,
        });
        self.by_name.insert(name.to_string(), i);
        let last = last_word(name).to_lowercase();
        self.by_last.entry(last).or_default().push(i);
        i
    }

    /// Record gender evidence for a canonical name.
    pub fn vote(&mut self, canon: &str, g: Gender, weight: u32) {
        if canon.is_empty() {
            return;
        }
        let i = self.index(canon);
        let f = &mut self.full[i];
        match g {
            Gender::Male => f.male += weight,
            Gender::Female => f.female += weight,
        }
    }

    /// The gender the document's evidence points to, if any.
    pub fn gender(&self, canon: &str) -> Option<Gender> {
        let f = &self.full[*self.by_name.get(canon)?];
        match f.male.cmp(&f.female) {
            std::cmp::Ordering::Greater => Some(Gender::Male),
            std::cmp::Ordering::Less => Some(Gender::Female),
            std::cmp::Ordering::Equal => None,
        }
    }

    /// Whether a name phrase is a person's: a full name, a name with a
    /// title or honorific, or a surname of a full name in the document.
    pub fn person_like(&self, body: &str, np: &Np) -> bool {
        // The look-up of the canonical form comes last: it is the dearest.
        np.gender.is_some()
            || body.get(np.span.clone()).is_some_and(|s| s != np.text)
            || has_space(self.canonical_str(&np.text))
    }

    /// The fullest form of a name found in the document: a surname maps to
    /// the most frequent full name ending with it ("Novak" → "Jana Novak");
    /// an all-capitals transcript name ("NOVAK") is matched ignoring case.
    pub fn canonical(&self, name: &str) -> String {
        self.canonical_str(name).to_string()
    }

    /// [`Names::canonical`], borrowed: most callers only test it or drop
    /// it, and a copy per look-up was most of its cost.
    pub fn canonical_str<'s>(&'s self, name: &'s str) -> &'s str {
        let last = last_word(name);
        let Some(candidates) = with_lower(last, |l| self.by_last.get(l)) else {
            return name;
        };
        let upper = name.chars().all(|c| !c.is_lowercase());
        // `full` has more words than `name` and ends with its words: it
        // ends with " " + `name` (ASCII case folding keeps spaces where
        // they are, so word boundaries line up either way).
        let nb = name.as_bytes();
        let ends_with = |full: &str| {
            let fb = full.as_bytes();
            let Some(cut) = fb.len().checked_sub(nb.len() + 1) else {
                return false;
            };
            let tail = &fb[cut + 1..];
            fb[cut] == b' '
                && if upper {
                    tail.eq_ignore_ascii_case(nb)
                } else {
                    tail == nb
                }
        };
        candidates
            .iter()
            .map(|&i| &self.full[i])
            .filter(|f| ends_with(&f.name))
            .max_by(|a, b| a.count.cmp(&b.count).then(b.first.cmp(&a.first)))
            .map_or(name, |f| f.name.as_str())
    }
}

/// Whether `text` holds a space (two words or more): `contains(' ')`
/// goes through the generic char searcher, which costs more than the
/// short names it is asked about.
pub fn has_space(text: &str) -> bool {
    text.as_bytes().contains(&b' ')
}

/// The text after the last space (all of it when there is none): what
/// `rsplit(' ').next()` gives, without the generic splitter.
pub fn last_word(text: &str) -> &str {
    text.as_bytes()
        .iter()
        .rposition(|&b| b == b' ')
        .map_or(text, |i| &text[i + 1..])
}

/// Someone mentioned in the narrative, for pronoun resolution.
#[derive(Debug, Clone)]
pub struct Mention {
    pub pos: usize,
    /// Canonical name (person) or the phrase as output (group).
    pub name: String,
    /// A person (he/she) rather than a group (they).
    pub person: bool,
    /// In subject position (a sentence's or a cue verb's subject).
    pub subject: bool,
    /// The subject of a verb of saying.
    pub speaker: bool,
    /// A named organisation.
    pub org: bool,
}

/// Mentions sorted by position, with the sentence each one is in.
#[derive(Debug, Clone, Default)]
pub struct Subjects {
    items: Vec<Mention>,
    /// The sentence of each item (`sentence_of` its position), kept
    /// beside it: pronoun resolution walks back sentence by sentence.
    item_sentences: Vec<usize>,
    /// (start byte, sentence number) of each narrative run, sorted.
    sentences: Vec<(usize, usize)>,
}

impl Subjects {
    pub fn new(sentences: Vec<(usize, usize)>) -> Subjects {
        Subjects {
            items: Vec::new(),
            item_sentences: Vec::new(),
            sentences,
        }
    }

    fn sentence_of(&self, pos: usize) -> usize {
        let i = self.sentences.partition_point(|&(start, _)| start <= pos);
        i.checked_sub(1).map_or(0, |i| self.sentences[i].1)
    }

    pub fn push(&mut self, m: Mention) {
        let at = self.items.partition_point(|x| x.pos <= m.pos);
        self.item_sentences.insert(at, self.sentence_of(m.pos));
        self.items.insert(at, m);
    }

    /// Canonical names seen as the subject of a verb of saying.
    pub fn speakers(&self) -> rustc_hash::FxHashSet<String> {
        self.items
            .iter()
            .filter(|m| m.speaker)
            .map(|m| m.name.clone())
            .collect()
    }

    /// The last person in subject position before `pos`.
    pub fn last_person(&self, pos: usize) -> Option<(&str, usize)> {
        let before = &self.items[..self.items.partition_point(|x| x.pos < pos)];
        before
            .iter()
            .rev()
            .find(|m| m.person && m.subject)
            .map(|m| (m.name.as_str(), m.pos))
    }

    /// The antecedent of a pronoun at `pos`: going back sentence by
    /// sentence, the last fitting subject (he/she: a person whose gender
    /// does not contradict; they: a group), else a person named in that
    /// sentence whose gender is known to match.
    pub fn resolve(&self, p: Pronoun, pos: usize, names: &Names) -> Option<String> {
        let before = &self.items[..self.items.partition_point(|x| x.pos < pos)];
        let want = match p {
            Pronoun::He => Some(Gender::Male),
            Pronoun::She => Some(Gender::Female),
            Pronoun::They | Pronoun::It => None,
            Pronoun::Other => return None,
        };
        let fits = |m: &Mention| match want {
            Some(g) => m.person && names.gender(&m.name).is_none_or(|x| x == g),
            // "it" is an organisation, "they" a group or organisation.
            None => !m.person && (p == Pronoun::They || m.org),
        };
        let sentence_of = &self.item_sentences[..before.len()];
        let mut i = before.len();
        while i > 0 {
            let sentence = sentence_of[i - 1];
            let start = sentence_of[..i].partition_point(|&s| s < sentence);
            let group = &before[start..i];
            if let Some(m) = group.iter().rev().find(|m| m.subject && fits(m)) {
                return Some(m.name.clone());
            }
            if let Some(g) = want
                && let Some(m) = group
                    .iter()
                    .rev()
                    .find(|m| m.person && names.gender(&m.name) == Some(g))
            {
                return Some(m.name.clone());
            }
            i = start;
        }
        None
    }
}

/// Words that open an introductory phrase before a sentence's subject.
const INTRO: &[&str] = &[
    "In",
    "On",
    "At",
    "During",
    "While",
    "After",
    "Before",
    "When",
    "As",
    "Following",
    "Since",
    "Although",
    "Though",
    "If",
    "Because",
    "Despite",
    "Speaking",
    "Asked",
    "Earlier",
    "Later",
    "Last",
    "Meanwhile",
    "Like",
    "Unlike",
    "Under",
    "For",
    "From",
    "With",
    "Without",
    "Amid",
    "Over",
    "Through",
    "Throughout",
    "Until",
    "Once",
    "Having",
    "Given",
    "Instead",
    "Still",
    "Now",
    "Yet",
    "Even",
    "By",
    "Back",
    "Then",
    "Today",
    "Yesterday",
    "Overall",
    "Separately",
    "Indeed",
    "Also",
    "However",
    "Moreover",
    "Furthermore",
    "Nevertheless",
    "Nonetheless",
    "Additionally",
    "Ultimately",
    "Finally",
    "Previously",
    "Recently",
    "Afterward",
    "Afterwards",
];

/// [`INTRO`] as a set: every sentence's first word is looked up.
static INTRO_SET: std::sync::LazyLock<crate::extract::lexicon::Sketched<&'static str>> =
    std::sync::LazyLock::new(|| INTRO.iter().copied().collect());

/// The grammatical subject of the sentence `toks[a..b]`: the first noun
/// phrase, after an introductory phrase closed by a comma.
pub fn sentence_subject(body: &str, toks: &Toks, a: usize, b: usize) -> Option<Np> {
    let mut i = a;
    while i < b && (toks[i].is_punct() || matches!(toks[i].w, "But" | "And" | "So" | "Or")) {
        i += 1;
    }
    // "Chastened by the vote, Roe ...": a participle phrase is an intro too.
    let participle = |k: usize| {
        let w = toks[k].w;
        (w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly"))
            && toks
                .get(k + 1)
                .is_some_and(|n| n.w.chars().next().is_some_and(char::is_lowercase))
    };
    // "Soon, he left": a lone capitalised word and a comma before the
    // real subject (but "Roe, the mayor, left" keeps Roe).
    let lone_intro = |k: usize| {
        toks[k].comma_after()
            && toks.get(k + 1).is_some_and(|n| {
                k + 1 < b && (n.is_pronoun() || (n.is_cap() && !lexicon::is_title(n.w) && n.w != "The"))
            })
    };
    if i < b && lone_intro(i) {
        i += 1;
    }
    if i < b && (INTRO_SET.contains(toks[i].w) || participle(i)) {
        // The intro phrase may hold commas itself ("Following a long,
        // tense meeting, the council ..."): the subject is the first
        // phrase after a comma that can speak.
        let mut first = None;
        for k in (i..b).filter(|&k| toks[k].comma_after()) {
            let Some((np, _)) = phrase::np_forward(body, toks, k + 1, b) else {
                continue;
            };
            // "… Jane Roe, president of X, …" is an appositive.
            if np.kind == NpKind::Description && toks[k].is_cap() {
                continue;
            }
            let speaks = match np.kind {
                NpKind::Name | NpKind::Org | NpKind::Pronoun(_) => true,
                NpKind::Description => {
                    lexicon::is_person_description(&np.text) || lexicon::is_group_description(&np.text)
                }
            };
            if speaks {
                return Some(np);
            }
            first.get_or_insert(np);
        }
        return first;
    }
    phrase::np_forward(body, toks, i, b).map(|(np, _)| np)
}

/// Output text for a speaker phrase: canonical name, resolved pronoun, or
/// the organisation/description as written.
pub fn speaker_text(np: &Np, names: &Names, subjects: &Subjects) -> Option<String> {
    match np.kind {
        NpKind::Pronoun(p) => subjects.resolve(p, np.span.start, names),
        NpKind::Name => Some(names.canonical(&np.text)),
        NpKind::Org => Some(np.text.clone()),
        NpKind::Description => Some(issuer(&np.text).map_or_else(
            || np.text.clone(),
            |who| if who.contains(' ') { who } else { names.canonical(&who) },
        )),
    }
}

/// Documents that speak for whoever issued them.
const DOCUMENTS: &[&str] = &[
    "briefing",
    "statement",
    "report",
    "release",
    "memo",
    "letter",
    "filing",
    "tweet",
    "post",
];

/// "a White House briefing", "Roe's statement": the issuer named inside
/// a description of a document.
fn issuer(description: &str) -> Option<String> {
    let words: Vec<&str> = description.split_whitespace().collect();
    let head = words.last()?.to_lowercase();
    if !DOCUMENTS.contains(&head.as_str()) {
        return None;
    }
    let name: Vec<&str> = words[..words.len() - 1]
        .iter()
        .skip_while(|w| !w.starts_with(char::is_uppercase) || lexicon::NON_NAME_CAPS.contains(w))
        .take_while(|w| w.starts_with(char::is_uppercase))
        .map(|w| w.trim_end_matches("'s").trim_end_matches("’s"))
        .collect();
    (!name.is_empty()).then(|| name.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_word_is_rsplit_next() {
        for t in [
            "",
            " ",
            "Novak",
            "Jana Novak",
            "Jana  Novak ",
            "the former first lady",
            "Ž Ňovák",
            " a",
        ] {
            assert_eq!(last_word(t), t.rsplit(' ').next().unwrap(), "{t:?}");
        }
        assert_eq!(last_word("Jana Novak"), "Novak");
    }

    #[test]
    fn surname_maps_to_most_frequent_full_name() {
        let body = "Jana Novak met Petr Novak. Later Jana Novak spoke.";
        let toks = Toks::new(phrase::tokenize(body, 0..body.len()));
        let names = Names::build(body, &toks, &[]);
        assert_eq!(names.canonical("Novak"), "Jana Novak");
        assert_eq!(names.canonical("Smith"), "Smith");
        assert_eq!(names.canonical("NOVAK"), "Jana Novak");
    }

    #[test]
    fn several_words_map_to_the_longer_name_ending_with_them() {
        let body = "Maria Jana Novak met Petr Novak. Later Maria Jana Novak spoke.";
        let toks = Toks::new(phrase::tokenize(body, 0..body.len()));
        let names = Names::build(body, &toks, &[]);
        assert_eq!(names.canonical("Jana Novak"), "Maria Jana Novak");
        assert_eq!(names.canonical("JANA NOVAK"), "Maria Jana Novak");
        assert_eq!(names.canonical("Maria Jana Novak"), "Maria Jana Novak");
        assert_eq!(names.canonical("Ana Novak"), "Ana Novak");
    }

    #[test]
    fn pronouns_follow_gender_evidence() {
        let body = "Mrs. Ana Lind met Mr. Tom Berg.";
        let toks = Toks::new(phrase::tokenize(body, 0..body.len()));
        let names = Names::build(body, &toks, &[]);
        let mut subjects = Subjects::new(vec![(0, 1)]);
        for (pos, name) in [(0, "Ana Lind"), (10, "Tom Berg")] {
            subjects.push(Mention {
                pos,
                name: name.to_string(),
                person: true,
                subject: true,
                speaker: false,
                org: false,
            });
        }
        assert_eq!(subjects.resolve(Pronoun::She, 50, &names).as_deref(), Some("Ana Lind"));
        assert_eq!(subjects.resolve(Pronoun::He, 50, &names).as_deref(), Some("Tom Berg"));
        assert_eq!(subjects.resolve(Pronoun::They, 50, &names), None);
        assert_eq!(subjects.resolve(Pronoun::He, 5, &names), None);
    }

    #[test]
    fn resolution_walks_back_sentence_by_sentence() {
        // Three sentences; mentions pushed out of order land sorted, each
        // with its own sentence.
        let mut subjects = Subjects::new(vec![(0, 1), (20, 2), (40, 3)]);
        let m = |pos, name: &str, person, subject| Mention {
            pos,
            name: name.to_string(),
            person,
            subject,
            speaker: false,
            org: false,
        };
        subjects.push(m(45, "the farmers", false, true));
        subjects.push(m(5, "Ana Lind", true, true));
        subjects.push(m(25, "Tom Berg", true, false));
        subjects.push(m(22, "the council", false, true));
        assert_eq!(subjects.item_sentences, [1, 2, 2, 3]);
        let names = Names::default();
        // "they" after the farmers: the farmers; inside sentence 2: the council.
        assert_eq!(
            subjects.resolve(Pronoun::They, 50, &names).as_deref(),
            Some("the farmers")
        );
        assert_eq!(
            subjects.resolve(Pronoun::They, 30, &names).as_deref(),
            Some("the council")
        );
        // "he" skips sentence 2 (its person is no subject, gender unknown).
        assert_eq!(subjects.resolve(Pronoun::He, 50, &names).as_deref(), Some("Ana Lind"));
        assert_eq!(subjects.resolve(Pronoun::He, 3, &names), None);
    }

    #[test]
    fn documents_speak_for_their_issuer() {
        assert_eq!(issuer("a White House briefing").as_deref(), Some("White House"));
        assert_eq!(issuer("Lind's statement").as_deref(), Some("Lind"));
        assert_eq!(issuer("a statement"), None);
        assert_eq!(issuer("the White House lawn"), None);
    }

    #[test]
    fn intro_set_is_the_intro_list() {
        for w in INTRO {
            assert!(INTRO_SET.contains(w), "{w}");
        }
        for w in ["in", "IN", "Mayor", "Roe", "", "Inn", "During,"] {
            assert_eq!(INTRO_SET.contains(w), INTRO.contains(&w), "{w}");
        }
    }

    #[test]
    fn subject_after_intro_phrase() {
        let body = "During the talks in May, Jana Novak said little.";
        let toks = Toks::new(phrase::tokenize(body, 0..body.len()));
        let np = sentence_subject(body, &toks, 0, toks.len()).unwrap();
        assert_eq!(np.text, "Jana Novak");
    }
}
