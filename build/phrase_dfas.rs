//! Compiles the chrome phrase patterns of src/cleaner/text/lexicon.rs to
//! sparse DFAs at build time (see src/prebuilt.rs): compiling them with
//! `Regex::new` at run time was over half of the start-up instructions.
//!
//! The patterns are read from the source file itself (every raw string in
//! the `PHRASES` list), so the list has a single home. Each DFA is keyed by
//! its exact pattern text: the program uses a DFA only for a pattern that is
//! byte-for-byte the one it was built from and compiles anything else at run
//! time, so a drift between this file and the source can cost speed, never
//! correctness. Patterns whose DFA would be large are left to run time.

use regex_automata::dfa::dense;
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::syntax;
use std::fmt::Write as _;
use std::{env, fs, path::Path};

const SOURCE: &str = "src/cleaner/text/lexicon.rs";
/// Dense DFA size cap before minimisation: bigger ones take seconds to
/// build and minimise, and their few patterns compile quickly at run time.
const DENSE_LIMIT: usize = 4 << 20;

pub fn write(out: &str) {
    println!("cargo:rerun-if-changed={SOURCE}");
    println!("cargo:rerun-if-changed=build/phrase_dfas.rs");
    let source = fs::read_to_string(SOURCE).unwrap_or_else(|e| panic!("{SOURCE}: {e}"));
    let big_endian = env::var("CARGO_CFG_TARGET_ENDIAN").is_ok_and(|e| e == "big");
    let mut table = String::from("&[\n");
    for (i, pattern) in phrase_patterns(&source).iter().enumerate() {
        // The same rewrite as `lexicon::ascii_boundaries`.
        let pattern = pattern.replace(r"\b", r"(?-u:\b)");
        let Some(bytes) = compile(&pattern, big_endian) else {
            continue;
        };
        let name = format!("phrase-{i}.dfa");
        let dest = Path::new(out).join(&name);
        fs::write(&dest, bytes).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
        writeln!(
            table,
            "    ({pattern:?}, include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{name}\"))),"
        )
        .expect("string write");
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
        let starts_raw =
            bytes[i] == b'r' && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_'));
        let hashes = bytes[i + 1..].iter().take_while(|&&b| b == b'#').count();
        if !starts_raw || bytes.get(i + 1 + hashes) != Some(&b'"') {
            i += 1;
            continue;
        }
        let text = &body[i + hashes + 2..];
        let close = format!("\"{}", "#".repeat(hashes));
        let Some(end) = text.find(&close) else { break };
        patterns.push(text[..end].to_string());
        i += hashes + 2 + end + close.len();
    }
    patterns
}
