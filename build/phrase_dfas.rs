//! Compiles match-only patterns to sparse DFAs at build time (see
//! src/prebuilt.rs): compiling them with `Regex::new` at run time was over
//! half of the start-up instructions.
//!
//! The patterns are read from the source files themselves, so each has a
//! single home: every raw string in the chrome `PHRASES` list of
//! src/cleaner/text/lexicon.rs, and every `Matcher::new(r"…")` written with
//! a raw string literal in `MATCHER_SOURCES`. Each DFA is keyed by
//! its exact pattern text: the program uses a DFA only for a pattern that is
//! byte-for-byte the one it was built from and compiles anything else at run
//! time, so a drift between this file and the source can cost speed, never
//! correctness. Patterns whose DFA would be large are left to run time.

use super::hash;
use regex_automata::dfa::dense;
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::syntax;
use std::fmt::Write as _;
use std::{env, fs, path::Path};

const SOURCE: &str = "src/cleaner/text/lexicon.rs";
/// Files whose `Matcher::new(r"…")` patterns get a DFA.
const MATCHER_SOURCES: &[&str] = &["src/extract/date.rs"];
/// Dense DFA size cap before minimisation: bigger ones take seconds to
/// build and minimise, and their few patterns compile quickly at run time.
const DENSE_LIMIT: usize = 8 << 20;

pub fn write(out: &str) {
    println!("cargo:rerun-if-changed={SOURCE}");
    println!("cargo:rerun-if-changed=build/phrase_dfas.rs");
    let source = fs::read_to_string(SOURCE).unwrap_or_else(|e| panic!("{SOURCE}: {e}"));
    // The same rewrite as `lexicon::ascii_boundaries`.
    let mut patterns: Vec<String> = phrase_patterns(&source)
        .iter()
        .map(|p| p.replace(r"\b", r"(?-u:\b)"))
        .collect();
    for path in MATCHER_SOURCES {
        println!("cargo:rerun-if-changed={path}");
        let source = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        patterns.extend(matcher_patterns(&source));
    }
    let big_endian = env::var("CARGO_CFG_TARGET_ENDIAN").is_ok_and(|e| e == "big");
    let mut table = String::from("&[\n");
    for pattern in &patterns {
        // Named by the pattern's hash and kept in OUT_DIR: a rerun after an
        // edit elsewhere in these files rebuilds only the changed patterns.
        let name = format!(
            "dfa-{:016x}-{}.bin",
            hash(pattern.as_bytes()),
            if big_endian { "be" } else { "le" }
        );
        let dest = Path::new(out).join(&name);
        let key = dest.with_extension("pattern");
        let cached = fs::read_to_string(&key).is_ok_and(|k| k == *pattern);
        if !cached {
            let bytes = compile(pattern, big_endian).unwrap_or_default();
            fs::write(&dest, bytes).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
            fs::write(&key, pattern).unwrap_or_else(|e| panic!("{}: {e}", key.display()));
        }
        // An empty file: no DFA within the size cap.
        if fs::metadata(&dest).is_ok_and(|m| m.len() > 0) {
            writeln!(
                table,
                "    ({pattern:?}, include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{name}\"))),"
            )
            .expect("string write");
        }
    }
    table.push(']');
    let dest = Path::new(out).join("phrase_dfas.rs");
    fs::write(&dest, table).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
}

/// Serialised minimal sparse DFA of `pattern` with `regex::Regex`'s default
/// syntax, or None if it does not build within the size cap.
fn compile(pattern: &str, big_endian: bool) -> Option<Vec<u8>> {
    let dfa = dense::Builder::new()
        .configure(
            dense::Config::new()
                .minimize(true)
                .dfa_size_limit(Some(DENSE_LIMIT))
                .determinize_size_limit(Some(2 * DENSE_LIMIT)),
        )
        .syntax(syntax::Config::new())
        .thompson(thompson::Config::new().which_captures(WhichCaptures::None))
        .build(pattern)
        .ok()?;
    let sparse = dfa.to_sparse().ok()?;
    Some(if big_endian {
        sparse.to_bytes_big_endian()
    } else {
        sparse.to_bytes_little_endian()
    })
}

/// Raw string literals (`r"…"`, `r#"…"#`) inside the `PHRASES` list.
fn phrase_patterns(source: &str) -> Vec<String> {
    let Some(start) = source.find("const PHRASES") else {
        return Vec::new();
    };
    let body = &source[start..];
    let body = &body[..body.find("\n];").unwrap_or(body.len())];
    let bytes = body.as_bytes();
    let mut patterns = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts_token = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
        match raw_string_at(body, i) {
            Some((text, end)) if starts_token => {
                patterns.push(text.to_string());
                i = end;
            }
            _ => i += 1,
        }
    }
    patterns
}

/// Patterns of `Matcher::new(r"…")` calls written with a raw string literal.
fn matcher_patterns(source: &str) -> Vec<String> {
    const CALL: &str = "Matcher::new(";
    let mut patterns = Vec::new();
    let mut from = 0;
    while let Some(at) = source[from..].find(CALL) {
        let start = from + at + CALL.len();
        if let Some((text, _)) = raw_string_at(source, start) {
            patterns.push(text.to_string());
        }
        from = start;
    }
    patterns
}

/// The raw string literal starting at byte `i` of `source` (its text and
/// the byte after it), if one starts there.
fn raw_string_at(source: &str, i: usize) -> Option<(&str, usize)> {
    let bytes = source.as_bytes();
    if bytes.get(i) != Some(&b'r') {
        return None;
    }
    let hashes = bytes[i + 1..].iter().take_while(|&&b| b == b'#').count();
    if bytes.get(i + 1 + hashes) != Some(&b'"') {
        return None;
    }
    let text = &source[i + hashes + 2..];
    let close = format!("\"{}", "#".repeat(hashes));
    let end = text.find(&close)?;
    Some((&text[..end], i + hashes + 2 + end + close.len()))
}
