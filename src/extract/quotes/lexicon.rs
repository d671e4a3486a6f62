//! Small general-English word lists used to read attribution clauses.

use crate::extract::lexicon::Sketched;
use crate::extract::ner::with_lower;
use std::sync::LazyLock;

/// A word list with constant-time look-up, built on first use.
pub struct Words(LazyLock<Sketched<&'static str>>);

impl Words {
    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        self.0.contains(w)
    }

    /// The words of the list.
    pub fn words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.0.iter().copied()
    }

    /// `with_lower(w, |l| self.contains(l))`, lower-casing only the words
    /// the set's sketch does not rule out (most words of a chain).
    #[inline]
    pub fn contains_lower(&self, w: &str) -> bool {
        self.0.may_contain_lower(w) && with_lower(w, |l| self.0.contains(l))
    }
}

/// Cue verbs with a capital letter ("Says"), which never start a name.
static CAPITALISED_CUES: LazyLock<Sketched<String>> = LazyLock::new(|| {
    CUES.0
        .iter()
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
        })
        .collect()
});

pub fn is_capitalised_cue(w: &str) -> bool {
    CAPITALISED_CUES.contains(w)
}

/// `word_set! { /// doc  pub NAME = ["a", "b"] }`: a static [`Words`].
macro_rules! word_set {
    ($(#[$m:meta])* $vis:vis $name:ident = [$($w:literal),* $(,)?]) => {
        $(#[$m])*
        $vis static $name: Words = Words(LazyLock::new(|| [$($w),*].into_iter().collect()));
    };
}

word_set! {
    /// Speech and report verbs that attribute a quote, in every form news
    /// writing uses (said/says/say/saying, told/tells, ...).
    pub CUES = [
        "said", "says", "say", "saying", "told", "tells", "telling", "added", "adds", "adding",
        // German, French (past participles after "a"), Spanish, Italian.
        "sagte", "sagt", "erklärte", "betonte", "meinte", "warnte", "expliqué", "déclaré",
        "ajouté", "affirmé", "précisé", "indiqué", "estimé", "dijo", "afirmó", "explicó",
        "señaló", "declaró", "añadió", "aseguró", "detto", "dichiarato", "spiegato", "aggiunto",
        "stated", "states", "asked", "asks", "asking", "wrote", "writes", "writing", "explained",
        "explains", "explaining", "noted", "notes", "noting", "recalled", "recalls", "recalling",
        "continued", "continues", "claimed", "claims", "claiming", "argued", "argues", "arguing",
        "insisted", "insists", "insisting", "warned", "warns", "warning", "declared", "declares",
        "replied", "replies", "responded", "responds", "answered", "answers", "tweeted", "tweets",
        "posted", "announced", "announces", "acknowledged", "acknowledges", "admitted", "admits",
        "admitting", "conceded", "concedes", "complained", "complains", "suggested", "suggests",
        "predicted", "predicts", "remarked", "observed", "commented", "emphasized", "emphasised",
        "stressed", "stresses", "joked", "jokes", "quipped", "shouted", "yelled", "screamed",
        "chanted", "chanting", "whispered", "urged", "urges", "pleaded", "vowed", "vows",
        "promised", "promises", "boasted", "boasts", "countered", "counters", "retorted",
        "concluded", "concludes", "cautioned", "charged", "alleged", "contended", "contends",
        "maintained", "maintains", "mused", "exclaimed", "reported", "reports", "testified",
        "demanded", "described", "describes", "describing", "called", "calls", "calling", "labeled",
        "labelled", "dubbed", "branded", "recounted", "reiterated", "elaborated", "confirmed",
        "confirms", "denied", "denies", "assured", "assures", "declaring", "proclaimed", "opined",
        "intoned", "thundered", "lamented", "laments", "agreed", "agrees", "wondered", "wonders",
        "questioned", "texted", "sings", "sang", "singing", "emailed", "messaged", "blogged",
]
}

word_set! {
    /// Honorifics and titles that may precede a name ("Sen. Jane Roe").
    pub TITLES = [
        "Mr.", "Mrs.", "Ms.", "Miss", "Mx.", "Dr.", "Prof.", "Professor", "Sen.", "Senator", "Rep.",
        "Representative", "Reps.", "Sens.", "Gov.", "Governor", "Lt.", "Gen.", "General", "Col.",
        "Colonel", "Maj.", "Major", "Capt.", "Captain", "Sgt.", "Adm.", "Admiral", "Cmdr.",
        "President", "Vice", "Prime", "Minister", "Secretary", "Foreign", "Defense", "Defence",
        "Interior", "Finance", "State", "Attorney", "Deputy", "Chief", "Justice", "Judge", "Mayor",
        "Speaker", "Leader", "Majority", "Minority", "Chairman", "Chairwoman", "Chair",
        "Ambassador", "Envoy", "Special", "Press", "Pope", "King", "Queen", "Prince", "Princess",
        "Sheikh", "Rev.", "Reverend", "Father", "Sister", "Rabbi", "Imam", "Bishop", "Cardinal",
        "Sheriff", "Commissioner", "Director", "Chancellor", "Councilman", "Councilwoman",
        "Councilmember", "Congressman", "Congresswoman", "Assemblyman", "Assemblywoman", "Delegate",
        "Officer", "Detective", "Coach", "CEO", "Former", "former", "Then-President", "Sir", "Dame",
        "Lord", "Lady", "First", "U.S.", "US", "Democratic", "Republican", "Democrat", "GOP",
        "Independent", "Sen", "Rep", "Gov", "Mr", "Mrs", "Ms", "Dr", "Presidential", "Candidate",
        "Nominee", "Host", "Anchor",
]
}

/// Honorifics that tell a person's gender.
pub fn honorific_gender(w: &str) -> Option<Gender> {
    match w {
        "Mr." | "Mr" | "Sir" | "Lord" | "King" | "Prince" | "Father" | "Congressman" | "Councilman" | "Assemblyman"
        | "Chairman" => Some(Gender::Male),
        "Mrs." | "Mrs" | "Ms." | "Ms" | "Miss" | "Dame" | "Lady" | "Queen" | "Princess" | "Sister"
        | "Congresswoman" | "Councilwoman" | "Assemblywoman" | "Chairwoman" => Some(Gender::Female),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

word_set! {
    /// Name particles written in lower case inside a name ("Ludwig van Beethoven").
    pub PARTICLES = [
        "de", "da", "del", "della", "der", "den", "van", "von", "bin", "ibn", "al", "el", "la",
        "le", "du", "di", "dos", "das", "ter", "y",
]
}

word_set! {
    /// Words that make a capitalised chain an organisation or place, not a person.
    pub ORG_WORDS = [
        "House", "Department", "Committee", "Party", "Campaign", "News", "Post", "Times", "Journal",
        "Network", "University", "College", "Institute", "Center", "Centre", "Council", "Agency",
        "Office", "Ministry", "Government", "Association", "Foundation", "Inc.", "Inc", "Corp.",
        "Corp", "Co.", "Group", "Administration", "Commission", "Court", "Congress", "Senate",
        "Bureau", "Service", "Media", "Poll", "Press", "Reuters", "Company", "Club", "Union",
        "Organization", "Organisation", "Board", "Fund", "Bank", "Police", "Army", "Navy", "Force",
        "Forces", "Guard", "Church", "Project", "Coalition", "Alliance", "Federation", "League",
        "Society", "Trust", "Review", "Magazine", "Tribune", "Herald", "Telegraph", "Guardian",
        "Gazette", "Examiner", "Daily", "Weekly", "Radio", "TV", "Television", "Channel", "Street",
        "Avenue", "Square", "Hall", "Park", "City", "County", "State", "States", "Republic",
        "Kingdom", "Nations", "Caucus", "PAC", "Staff", "Team", "Democrats", "Republicans",
        "Americans", "Watch", "Report", "Facebook", "Twitter", "Google", "School", "Schools",
        "Academy", "Hospital", "Museum", "Library", "Clinic", "Airlines", "Airways", "Labs",
        "Systems", "Technologies", "Partners", "Capital", "Holdings", "Industries", "Motors",
        "Energy", "Pharmaceuticals", "Institution", "Authority", "Council",
]
}

word_set! {
    /// Capitalised words that start a sentence but never a name.
    pub NON_NAME_CAPS = [
        "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "In", "On", "At", "For",
        "But", "And", "Or", "So", "Yet", "If", "When", "While", "After", "Before", "As", "With",
        "Since", "Although", "Though", "Because", "During", "Following", "Despite", "According",
        "Asked", "Speaking", "Still", "Then", "Now", "However", "Meanwhile", "Also", "Later",
        "Earlier", "Last", "Next", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December", "Jan.", "Feb.", "Aug.", "Sept.",
        "Oct.", "Nov.", "Dec.", "Here", "There", "What", "Why", "How", "Who", "Where", "We", "They",
        "He", "She", "I", "You", "Our", "Their", "His", "Her", "My", "Your", "No", "Not", "Yes",
        "All", "Some", "Many", "Most", "Both", "Each", "Every", "One", "Two", "Three", "Such",
        "Other", "Another", "Even", "Just", "Only", "Like", "Unlike", "Instead", "From", "To", "By",
        "Of", "About", "Against", "Among", "Between", "Under", "Over", "Into", "Through", "Without",
        "Within", "Until", "Whether", "Once", "Mostly", "Already", "Indeed", "Finally", "Overall",
        "Today", "Tonight", "Yesterday", "Tomorrow", "Sources", "Officials", "Read", "Watch", "See",
        "Click", "Photo", "Video", "Update", "UPDATE", "Editor", "Note", "Should", "Could", "Would",
        "Can", "Will", "Did", "Does", "Do", "Is", "Are", "Was", "Were", "Has", "Have", "Had",
        "Wait", "Well", "Oh", "Please", "Thanks", "Thank", "Let", "Maybe", "Perhaps", "Zero",
        "More", "Less", "Any", "Anyone", "Everyone", "Nobody", "Someone", "Something", "Nothing",
        "Never", "Always", "Again", "Sometimes", "Often", "Sure", "Yeah", "Hey", "Hi", "Hello",
        "Dear", "Says", "Said", "Tells", "Told", "Adds", "Asks", "Warns", "Plus", "Or", "Nor",
        "Hence", "Thus", "Therefore", "Besides", "Whatever", "Whoever", "Which", "Whose", "Whom",
        "Nor", "Via", "Per", "Toward", "Towards", "Near", "Around",
]
}

word_set! {
    /// Determiners and quantifiers that open a descriptive noun phrase.
    pub DETERMINERS = [
        "the", "a", "an", "another", "one", "two", "three", "several", "some", "many", "most",
        "both", "his", "her", "their", "its", "our", "other", "no",
]
}

word_set! {
    /// Lower-case words that cannot be part of a noun phrase: they end a
    /// backwards walk from a cue verb to its subject.
    pub CLAUSE_WORDS = [
        "and", "but", "or", "nor", "that", "which", "who", "whom", "whose", "when", "while", "as",
        "because", "if", "then", "than", "so", "is", "was", "were", "are", "be", "been", "being",
        "has", "have", "had", "do", "does", "did", "will", "would", "could", "should", "can", "may",
        "might", "must", "not", "to", "in", "on", "at", "by", "with", "from", "into", "about",
        "after", "before", "during", "since", "until", "over", "under", "against", "said", "says",
        "also", "it", "he", "she", "they", "we", "i", "you", "there", "here", "what", "where",
        "how", "why", "once", "even", "only", "just", "again", "later", "earlier", "now", "despite",
        "for", "of", "like", "via", "per", "amid", "toward", "towards", "across", "around",
        "behind", "beyond", "near", "upon", "within", "without", "through", "throughout", "except",
        "including", "regarding", "following", "concerning", "among", "between", "unlike",
        "whether", "although", "though", "where",
]
}

word_set! {
    /// Nouns for the people behind a name or group ("Clinton aides", "Iranian
    /// officials"): after a capitalised word they make a description.
    pub ROLE_NOUNS = [
        "officials", "official", "aides", "aide", "advisers", "adviser", "advisors", "advisor",
        "allies", "supporters", "staffers", "staff", "sources", "source", "spokesman",
        "spokeswoman", "spokesperson", "spokespeople", "leaders", "leader", "lawmakers", "officers",
        "critics", "analysts", "experts", "voters", "members", "representatives", "campaign",
        "administration", "team", "lawyers", "lawyer", "attorneys", "attorney", "diplomats",
        "diplomat", "ministers", "minister", "negotiators", "authorities", "investigators",
        "prosecutors", "researchers", "scientists", "economists", "strategists", "strategist",
        "operatives", "donors", "backers", "activists", "protesters", "residents", "students",
        "workers", "executives", "employees", "delegates", "delegation", "senators", "governors",
        "mayors", "candidates", "nominee", "veterans", "families", "parents", "fans", "voter",
        "analyst", "expert", "critic", "historian", "pollster", "pollsters", "surrogates",
        "surrogate", "people", "government", "ministry", "office", "leadership", "camp",
        "spokespersons", "insiders", "insider",
]
}

word_set! {
    /// Report verbs that are also plural nouns ("her tweets", "the reports"):
    /// a cue only after a pronoun or a name.
    pub NOUN_LIKE_CUES = [
        "tweets", "reports", "claims", "notes", "calls", "states", "answers", "replies", "promises",
        "vows", "posts", "jokes", "warns", "counters", "comments", "remarks", "questions",
        "describes", "adds", "asks", "denies", "insists", "argues", "admits", "confirms",
        "concedes", "laments", "wonders", "agrees", "suggests", "predicts", "stresses", "recalls",
        "explains", "tells",
]
}

word_set! {
    /// Adverbs and auxiliaries allowed between a subject and its cue verb
    /// ("he later said", "she has long argued").
    pub BETWEEN_SUBJECT_AND_CUE = [
        "also", "later", "then", "previously", "once", "recently", "repeatedly", "again",
        "publicly", "reportedly", "quickly", "simply", "flatly", "bluntly", "has", "had", "have",
        "would", "will", "could", "often", "long", "famously", "subsequently", "frequently",
        "further", "first", "initially", "originally", "privately", "explicitly", "pointedly",
        "angrily", "proudly", "firmly", "calmly", "softly", "quietly", "loudly", "openly",
        "candidly", "emphatically", "sarcastically", "jokingly", "wryly", "tersely", "curtly",
        "plainly", "clearly", "always", "never", "already", "even", "just", "finally", "eventually",
]
}

word_set! {
    /// Words that end a noun phrase read after an inverted cue ("said X in a
    /// statement", "said X on Friday").
    pub NP_STOPPERS = [
        "in", "on", "at", "during", "when", "while", "after", "before", "who", "which", "that",
        "as", "and", "but", "because", "since", "to", "from", "with", "about", "last", "this",
        "earlier", "later", "told", "said", "says", "adding", "saying", "noting", "referring",
        "speaking", "via", "through", "according",
]
}

/// Personal pronouns that can be a speaker.
pub fn pronoun(w: &str) -> Option<Pronoun> {
    if w.len() > 4 {
        return None;
    }
    let is = |p: &str| w.eq_ignore_ascii_case(p);
    if is("he") {
        Some(Pronoun::He)
    } else if is("she") {
        Some(Pronoun::She)
    } else if is("they") {
        Some(Pronoun::They)
    } else if is("it") {
        Some(Pronoun::It)
    } else if matches!(w, "er" | "il" | "él") {
        // German, French, Spanish "he" (lower case only: "Kim Jong Il").
        Some(Pronoun::He)
    } else if matches!(w, "elle" | "ella") {
        Some(Pronoun::She)
    } else if is("i") || is("we") || is("you") {
        Some(Pronoun::Other)
    } else {
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    He,
    She,
    They,
    /// "it said": an organisation.
    It,
    /// I/we/you: a speaker we do not resolve.
    Other,
}

/// Past participles that make a cue with an auxiliary before them.
pub fn is_foreign_participle_cue(w: &str) -> bool {
    matches!(
        w,
        "expliqué"
            | "déclaré"
            | "ajouté"
            | "affirmé"
            | "précisé"
            | "indiqué"
            | "estimé"
            | "gesagt"
            | "erklärt"
            | "detto"
            | "dichiarato"
            | "spiegato"
            | "aggiunto"
    )
}

pub fn is_cue(w: &str) -> bool {
    CUES.contains(w)
}

pub fn is_title(w: &str) -> bool {
    TITLES.contains(w)
}

pub fn is_particle(w: &str) -> bool {
    PARTICLES.contains(w)
}

pub fn is_org_word(w: &str) -> bool {
    ORG_WORDS.contains(w)
}

word_set! {
    /// Singular nouns for a person, heads of descriptions that "he"/"she" may
    /// refer back to ("the mayor", "a campaign aide").
    PERSON_NOUNS = [
        "man", "woman", "businessman", "businesswoman", "widow", "widower", "mother", "father",
        "wife", "husband", "son", "daughter", "host", "anchor", "reporter", "writer", "author",
        "founder", "owner", "chief", "head", "professor", "doctor", "physician", "nurse", "officer",
        "mayor", "senator", "president", "governor", "candidate", "nominee", "chairman",
        "chairwoman", "secretary", "minister", "director", "judge", "congressman", "congresswoman",
        "ambassador", "envoy", "commander", "general", "sheriff", "prosecutor", "economist",
        "historian", "analyst", "expert", "critic", "strategist", "pollster", "lawyer", "attorney",
        "aide", "adviser", "advisor", "official", "spokesman", "spokeswoman", "spokesperson",
        "source", "voter", "resident", "student", "teacher", "activist", "lawmaker", "leader",
        "representative", "delegate", "diplomat", "negotiator", "investigator", "researcher",
        "scientist", "executive", "employee", "worker", "veteran", "surrogate", "insider",
        "principal", "superintendent", "dean", "coach", "pastor", "chancellor", "provost", "ceo",
        "founder", "manager", "editor", "columnist", "correspondent", "commissioner", "chair",
        "councillor", "councilor", "councilman", "councilwoman", "alderman", "inspector", "ranger",
]
}

/// Lower-case words that can stand between an organisation and a name,
/// besides the person and role nouns.
const ROLE_MODIFIERS: &[&str] = &[
    "manager",
    "chair",
    "correspondent",
    "columnist",
    "editor",
    "commentator",
    "contributor",
    "press",
    "deputy",
    "chief",
    "senior",
    "former",
    "state",
    "national",
    "political",
    "communications",
    "policy",
    "legal",
];

/// Whether a lower-case word can stand between an organisation and a name
/// ("CNN host Jane Roe", "campaign manager Jane Roe").
pub fn is_role_word(w: &str) -> bool {
    ROLE_WORDS.contains(w)
}

/// Every word [`is_role_word`] accepts (person nouns, role nouns, role
/// modifiers), as one set: one look-up, and its sketch rules out most
/// words before they are lower-cased.
static ROLE_WORDS: LazyLock<Sketched<&'static str>> = LazyLock::new(|| {
    PERSON_NOUNS
        .0
        .iter()
        .chain(ROLE_NOUNS.0.iter())
        .chain(ROLE_MODIFIERS)
        .copied()
        .collect()
});

/// `with_lower(w, is_role_word)`.
pub fn is_role_word_lower(w: &str) -> bool {
    ROLE_WORDS.may_contain_lower(w) && with_lower(w, is_role_word)
}

/// `with_lower(w, is_person_description)` for one word: a person noun or
/// "lady", in any case.
pub fn is_person_word(w: &str) -> bool {
    if !w.is_ascii() || w.contains(' ') {
        return with_lower(w, is_person_description);
    }
    // ASCII lower-casing is idempotent, and one word is its own last word.
    PERSON_NOUNS.contains_lower(w) || w.eq_ignore_ascii_case("lady")
}

/// Whether a description names one person ("the former first lady").
pub fn is_person_description(text: &str) -> bool {
    let w = super::coref::last_word(text);
    PERSON_NOUNS.contains_lower(w) || w == "lady"
}

/// Whether a description names a group ("Iranian officials").
pub fn is_group_description(text: &str) -> bool {
    let w = super::coref::last_word(text);
    if !w.is_ascii() {
        return with_lower(w, |w| {
            ROLE_NOUNS.contains(w) && w.ends_with('s') || w == "people" || w == "staff"
        });
    }
    // An ASCII word lower-cases byte for byte: "s" ends it in any case.
    ROLE_NOUNS.contains_lower(w) && w.ends_with(['s', 'S'])
        || w.eq_ignore_ascii_case("people")
        || w.eq_ignore_ascii_case("staff")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_descriptions_fold_case_as_before() {
        // The reference: the head word lower-cased with `to_lowercase`.
        let reference = |text: &str| {
            text.rsplit(' ').next().is_some_and(|w| {
                let w = w.to_lowercase();
                ROLE_NOUNS.contains(w.as_str()) && w.ends_with('s') || w == "people" || w == "staff"
            })
        };
        let cases = [
            "Iranian officials",
            "Iranian OFFICIALS",
            "the people",
            "PEOPLE",
            "campaign Staff",
            "the mayor",
            "officials’",
            "ÉLUS",
            "",
        ];
        for text in cases {
            assert_eq!(is_group_description(text), reference(text), "{text}");
        }
        assert!(is_group_description("Iranian OFFICIALS") && !is_group_description("the mayor"));
    }

    #[test]
    fn lower_case_look_ups_match_lower_casing_first() {
        use crate::testgen::Rng;
        // List words in every case, near misses, and non-ASCII words.
        let mut words: Vec<String> = PERSON_NOUNS
            .0
            .iter()
            .chain(ROLE_NOUNS.0.iter())
            .chain(DETERMINERS.0.iter())
            .chain(ROLE_MODIFIERS)
            .map(|w| w.to_string())
            .chain(
                [
                    "lady",
                    "people",
                    "staff",
                    "",
                    "s",
                    "Ž",
                    "ÉLUS",
                    "Staffs",
                    "peoples",
                    "the mayor",
                ]
                .map(String::from),
            )
            .collect();
        let mut rng = Rng::new(3);
        for i in 0..words.len() {
            let w = words[i].clone();
            let upper = w.to_uppercase();
            let mut mixed: String = w
                .chars()
                .map(|c| if rng.below(2) == 0 { c.to_ascii_uppercase() } else { c })
                .collect();
            words.extend([upper, mixed.clone(), format!("{w}s"), format!("x{w}"), format!("{w}é")]);
            mixed.pop();
            words.push(mixed);
        }
        for w in &words {
            let w = w.as_str();
            assert_eq!(
                PERSON_NOUNS.contains_lower(w),
                with_lower(w, |l| PERSON_NOUNS.contains(l)),
                "{w}"
            );
            assert_eq!(
                DETERMINERS.contains_lower(w),
                with_lower(w, |l| DETERMINERS.contains(l)),
                "{w}"
            );
            assert_eq!(is_role_word_lower(w), with_lower(w, is_role_word), "{w}");
            let role_word = |w: &str| PERSON_NOUNS.contains(w) || ROLE_NOUNS.contains(w) || ROLE_MODIFIERS.contains(&w);
            assert_eq!(is_role_word(w), role_word(w), "{w}");
            assert_eq!(is_person_word(w), with_lower(w, is_person_description), "{w}");
            let group = |text: &str| {
                text.rsplit(' ').next().is_some_and(|w| {
                    let w = w.to_lowercase();
                    ROLE_NOUNS.contains(w.as_str()) && w.ends_with('s') || w == "people" || w == "staff"
                })
            };
            assert_eq!(is_group_description(w), group(w), "{w}");
        }
        assert!(is_person_word("MAYOR") && is_person_word("Lady") && !is_person_word("Mayors"));
        assert!(is_role_word_lower("Deputy") && !is_role_word_lower("Berg"));
    }

    #[test]
    fn sketched_cue_lists_find_members_only() {
        assert!(is_cue("said") && !is_cue("bread"));
        assert!(is_capitalised_cue("Says") && !is_capitalised_cue("says"));
    }
}
