//! Patterns compiled to DFAs at build time (build/phrase_dfas.rs), so that a
//! run does not spend its start-up compiling them: `Regex::new` on the chrome
//! phrases and two date-label patterns was over 80% of the instructions of
//! a one-file run. Write `Matcher::new(r"…")` (a raw string literal) in a
//! file the build script lists to get a DFA for a new pattern.
//!
//! A [`Matcher`] uses the prebuilt DFA whose key is exactly its pattern, and
//! otherwise compiles a `Regex`: both give the same answer to `is_match`
//! (same syntax, same semantics), the DFA just costs nothing to build. A
//! pattern that does a large share of all the searching switches to a
//! faster engine once it pays for itself: a forward-only lazy DFA with a
//! literal prefilter, not a full `Regex`, whose reverse automata, capture
//! engines and their per-thread caches made a long run's memory grow with
//! the number of files.

use regex::Regex;
use regex_automata::dfa::{Automaton, sparse};
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::util::pool::Pool;
use regex_automata::util::prefilter::Prefilter;
use regex_automata::{Input, MatchKind};
use std::cell::RefCell;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// (pattern, serialised sparse DFA) pairs written by the build script.
static PREBUILT: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/phrase_dfas.rs"));

/// Bytes a prebuilt DFA searches before its lazy DFA is built after all.
/// A sparse DFA costs nothing to load but searches several times slower
/// (no literal prefilter, a search per transition), so a short run keeps
/// the DFA and a long one pays the compilation once, when it is worth it:
/// compiling one phrase costs about as much as the DFA searching this many
/// bytes.
const SWITCH_BYTES: usize = 32 * 1024;

/// A pattern switches only if it has searched at least 1 / `SWITCH_SHARE`
/// of the bytes all prebuilt DFAs have searched: the few that do the bulk
/// of the searching, however long the run. A lazy DFA holds its NFA (up to
/// 130 KB for the large case-insensitive phrases) and a cache per thread
/// (up to `CACHE_BYTES`): switching every pattern once it had searched
/// `SWITCH_BYTES`, as each did early in a long run, grew the peak RSS of a
/// 2-thread run from 22.9 MB (100 files) to 29.3 MB (10,000 files). And
/// it did not pay: most phrases are tried on few, short blocks (word
/// limits and literal gates), so they search little text and compiling
/// them cost more than their faster search saved. The separator line,
/// tried on every block, does most of the searching and is what pays:
/// switching it alone takes 1% fewer instructions than switching all.
const SWITCH_SHARE: usize = 2;

/// The next [`Matcher`]'s index into the per-thread counts.
static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// Bytes this thread's prebuilt DFAs have searched (not their lazy
    /// DFAs): per matcher, and in all. Per thread, so that counting costs
    /// no shared cache line bouncing between the workers; the threads see
    /// the same mix of text, so each reaches the same decision.
    static SCANNED: RefCell<(Vec<usize>, usize)> = const { RefCell::new((Vec::new(), 0)) };
}

/// Upper bound on one lazy DFA cache (one per pattern and thread); a full
/// cache is cleared and refilled, never an error. At 64 KB the caches of
/// the larger phrases were cleared so often that determinisation nearly
/// doubled a text run's instructions; 256 KB is as fast as the 2 MB
/// default. A pattern whose lazy DFA needs more than this to start gets
/// its minimum instead.
const CACHE_BYTES: usize = 256 * 1024;

/// Makes a cache for one thread's searches.
type NewCache = Box<dyn Fn() -> Cache + Send + Sync + std::panic::RefUnwindSafe + std::panic::UnwindSafe>;

/// The engine a prebuilt DFA switches to: a forward lazy DFA that only
/// answers `is_match`, with the pattern's literal prefix as a prefilter.
#[derive(Debug)]
struct Lazy {
    dfa: DFA,
    caches: Pool<Cache, NewCache>,
}

impl Lazy {
    /// None if the pattern does not build (then the sparse DFA stays).
    fn new(pattern: &str) -> Option<Lazy> {
        let hir = regex_automata::util::syntax::parse(pattern).ok()?;
        let pre = Prefilter::from_hir_prefix(MatchKind::LeftmostFirst, &hir);
        let dfa = DFA::builder()
            .configure(
                DFA::config()
                    .prefilter(pre)
                    .cache_capacity(CACHE_BYTES)
                    .skip_cache_capacity_check(true),
            )
            .build(pattern)
            .ok()?;
        let for_caches = dfa.clone();
        let new_cache: NewCache = Box::new(move || for_caches.create_cache());
        Some(Lazy {
            dfa,
            caches: Pool::new(new_cache),
        })
    }

    /// None if the search gave up (it cannot: no quit bytes, no limit on
    /// cache clears), so that the caller falls back to the sparse DFA.
    fn is_match(&self, text: &str) -> Option<bool> {
        let mut cache = self.caches.get();
        self.dfa
            .try_search_fwd(&mut cache, &Input::new(text).earliest(true))
            .ok()
            .map(|m| m.is_some())
    }
}

/// A pattern that only answers "does it match anywhere?", as
/// `Regex::is_match` does.
#[derive(Debug)]
pub struct Matcher {
    pattern: Box<str>,
    /// Deserialised without copying from the binary's read-only data.
    dfa: Option<sparse::DFA<&'static [u8]>>,
    /// Index of this matcher's count in `SCANNED`.
    id: usize,
    /// Built once the pattern is worth switching (`SWITCH_BYTES`,
    /// `SWITCH_SHARE`); None if it fails to build (then the DFA stays).
    lazy: OnceLock<Option<Lazy>>,
    /// The engine of a pattern without a prebuilt DFA.
    regex: Option<Regex>,
}

impl Matcher {
    /// The prebuilt DFA of `pattern` if there is one, else `Regex::new`
    /// (whose error this returns).
    pub fn new(pattern: &str) -> Result<Matcher, regex::Error> {
        let dfa = prebuilt(pattern);
        let regex = match dfa {
            Some(_) => None,
            None => Some(Regex::new(pattern)?),
        };
        Ok(Matcher {
            pattern: pattern.into(),
            dfa,
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            lazy: OnceLock::new(),
            regex,
        })
    }

    /// Whether the pattern matches anywhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        let Some(dfa) = &self.dfa else {
            return self.regex.as_ref().is_some_and(|re| re.is_match(text));
        };
        let warm = self.lazy.get().is_some() || self.worth_switching(text.len());
        let lazy = if warm {
            self.lazy.get_or_init(|| Lazy::new(&self.pattern)).as_ref()
        } else {
            None
        };
        lazy.and_then(|l| l.is_match(text)).unwrap_or_else(|| {
            // The DFAs are built without quit bytes (no Unicode word
            // boundaries), so the search cannot fail.
            dfa.try_search_fwd(&Input::new(text).earliest(true))
                .is_ok_and(|m| m.is_some())
        })
    }

    /// Counts a search of `len` bytes by the prebuilt DFA; true once this
    /// pattern had searched `SWITCH_BYTES` and at least 1 / `SWITCH_SHARE`
    /// of what all of them had searched on this thread, before this search.
    fn worth_switching(&self, len: usize) -> bool {
        SCANNED.with_borrow_mut(|(counts, all)| {
            if counts.len() <= self.id {
                counts.resize(self.id + 1, 0);
            }
            let mine = counts[self.id];
            let before = *all;
            counts[self.id] += len;
            *all += len;
            mine >= SWITCH_BYTES && mine >= before / SWITCH_SHARE
        })
    }

    /// Whether this matcher starts from a prebuilt DFA.
    pub fn is_prebuilt(&self) -> bool {
        self.dfa.is_some()
    }
}

/// The patterns that have a prebuilt DFA.
pub fn patterns() -> impl Iterator<Item = &'static str> {
    PREBUILT.iter().map(|(p, _)| *p)
}

fn prebuilt(pattern: &str) -> Option<sparse::DFA<&'static [u8]>> {
    let (_, bytes) = PREBUILT.iter().find(|(p, _)| *p == pattern)?;
    // SAFETY: the bytes were written by `to_bytes_*` of this same
    // regex-automata (one version in Cargo.lock for the build script and the
    // crate) for the target's endianness; the header (format version,
    // endianness, sizes) is still checked. Full validation (`from_bytes`)
    // reads every transition: a quarter of a one-file run's instructions.
    // The tests validate every table entry with `from_bytes`.
    unsafe { sparse::DFA::from_bytes_unchecked(bytes) }
        .ok()
        .map(|(dfa, _)| dfa)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Our own lines: chrome labels, prose, non-ASCII text, edge cases.
    const SAMPLES: &[&str] = &[
        "",
        " ",
        "Share on Facebook",
        "Share",
        "Lesen Sie auch",
        "Sign up for our weekly newsletter",
        "Home » Politics » Budget",
        "Startseite › Politik",
        "1.2K views",
        "Hits: 1,204",
        "© 2024 Example Media. All rights reserved.",
        "Photo: Jane Roe / Example Agency",
        "The harbour reopened on Monday (File photo)",
        "Anzeige",
        "━━━━━━",
        "This post contains affiliate links, we may earn a commission.",
        "Jane Roe is a senior reporter covering transport.",
        "The mayor is a keen cyclist and rides to work every day.",
        "Follow Jane Roe on Twitter @janeroe.",
        "Back to top ↑",
        "Zurück",
        "Menü",
        "Mehr erfahren über die Stadt",
        "We use cookies to improve your experience. Accept all cookies",
        "Published 3 March 2024",
        "Aktualisiert am 4. März",
        "Leave a comment",
        "Tags: harbour, storm",
        "Die Stadträtin sagte, die Brücke werde im Frühjahr geöffnet.",
        "Le maire a déclaré que le pont serait rouvert au printemps.",
        "Loading…",
        "[ Search ]",
        "Read more »",
        "Subscribe",
        "Cookie settings",
        "Über den Autor",
        "12 comments",
        "5 min read",
        "IMG_2041.jpg",
        "Updated on",
        "Last updated: ",
        "Veröffentlicht am",
        "Publié le — ",
        "Posted",
        "The council updated the plan on",
        "Geändert",
        "a\nb",
        "end with newline\n",
    ];

    #[test]
    fn table_is_not_empty_and_every_entry_loads() {
        assert!(PREBUILT.len() >= 10, "only {} prebuilt DFAs", PREBUILT.len());
        for (pattern, bytes) in PREBUILT {
            assert!(sparse::DFA::from_bytes(bytes).is_ok(), "{pattern}");
            assert!(prebuilt(pattern).is_some(), "{pattern}");
        }
    }

    #[test]
    fn prebuilt_dfas_agree_with_regex() {
        for (pattern, _) in PREBUILT {
            let matcher = Matcher::new(pattern).expect("prebuilt pattern");
            assert!(matcher.is_prebuilt());
            let re = Regex::new(pattern).expect("prebuilt pattern compiles");
            for text in SAMPLES {
                assert_eq!(matcher.is_match(text), re.is_match(text), "{pattern:?} on {text:?}");
            }
        }
    }

    #[test]
    fn other_patterns_fall_back_to_regex() {
        let m = Matcher::new(r"^\d+ apples$").expect("valid");
        assert!(!m.is_prebuilt());
        assert!(m.is_match("12 apples"));
        assert!(!m.is_match("12 pears"));
        assert!(Matcher::new("(").is_err());
    }

    /// Text of at least `SWITCH_BYTES`.
    fn long_text() -> String {
        "Plain words of an ordinary paragraph. ".repeat(SWITCH_BYTES / 38 + 1)
    }

    /// Bytes this thread's prebuilt DFA of `matcher` has searched.
    fn scanned(matcher: &Matcher) -> usize {
        SCANNED.with_borrow(|(counts, _)| counts.get(matcher.id).copied().unwrap_or(0))
    }

    #[test]
    fn switches_to_the_lazy_dfa_after_enough_bytes_with_the_same_answers() {
        let (pattern, _) = PREBUILT[0];
        let matcher = Matcher::new(pattern).expect("prebuilt pattern");
        let re = Regex::new(pattern).expect("prebuilt pattern compiles");
        let long = long_text();
        assert_eq!(matcher.is_match(&long), re.is_match(&long));
        assert!(matcher.lazy.get().is_none());
        for text in SAMPLES {
            assert_eq!(matcher.is_match(text), re.is_match(text), "{pattern:?} on {text:?}");
        }
        assert!(matcher.lazy.get().is_some_and(Option::is_some));
    }

    #[test]
    fn a_pattern_with_a_small_share_of_the_searching_keeps_its_dfa() {
        let (pattern, _) = PREBUILT[1];
        let matcher = Matcher::new(pattern).expect("prebuilt pattern");
        let re = Regex::new(pattern).expect("prebuilt pattern compiles");
        let long = long_text();
        assert_eq!(matcher.is_match(&long), re.is_match(&long));
        // Another pattern searches three times as much.
        let busy = Matcher::new(PREBUILT[2].0).expect("prebuilt pattern");
        for _ in 0..3 {
            busy.is_match(&long);
        }
        for text in SAMPLES {
            assert_eq!(matcher.is_match(text), re.is_match(text), "{pattern:?} on {text:?}");
        }
        assert!(scanned(&matcher) >= SWITCH_BYTES);
        assert!(matcher.lazy.get().is_none());
    }

    #[test]
    fn lazy_dfas_build_and_agree_with_regex() {
        let long = "Plain words of an ordinary paragraph. ".repeat(40);
        for (pattern, _) in PREBUILT {
            let lazy = Lazy::new(pattern).unwrap_or_else(|| panic!("lazy DFA of {pattern:?}"));
            let re = Regex::new(pattern).expect("prebuilt pattern compiles");
            for text in SAMPLES.iter().copied().chain([long.as_str()]) {
                assert_eq!(lazy.is_match(text), Some(re.is_match(text)), "{pattern:?} on {text:?}");
                // Searched in the middle of other text too.
                let inside = format!("{long}\n{text}\n{long}");
                assert_eq!(lazy.is_match(&inside), Some(re.is_match(&inside)), "{pattern:?} inside");
            }
        }
    }
}
