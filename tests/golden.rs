//! Golden test: every article in fixtures/ (`*.txt`, `*.html`, any depth)
//! has an expected record beside it (`name.expected.json`), and the pipeline
//! output matches it field by field. Same mechanism as `newsnorm check`.
//!
//! After a deliberate change in output, update and review:
//!
//!     cargo run -- check --update fixtures/ && git diff fixtures/
//!
//! (or `NEWSNORM_UPDATE=1 cargo test --test golden`).

use newsnorm::check::{self, Mode, Outcome};
use newsnorm::reader::{self, Input, WalkOptions};
use newsnorm::{Options, reader::DEFAULT_MAX_BYTES};
use std::path::{Path, PathBuf};

fn fixture_articles(root: &Path) -> Vec<PathBuf> {
    reader::walk(&[root.to_path_buf()], WalkOptions::default())
        .filter_map(|input| match input {
            Ok(Input::File(path)) => Some(path),
            Ok(Input::Stdin) => None,
            Err(err) => panic!("walking fixtures: {}: {}", err.path.display(), err.message),
        })
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "html"))
        .collect()
}

#[test]
fn fixtures_match_their_expected_records() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    if !root.is_dir() {
        eprintln!("no fixtures/ directory: nothing to check");
        return;
    }
    let articles = fixture_articles(&root);
    assert!(!articles.is_empty(), "fixtures/ holds no .txt or .html articles");
    let update = std::env::var_os("NEWSNORM_UPDATE").is_some_and(|v| v != "0");
    let mode = if update {
        Mode::Update { create: true }
    } else {
        Mode::Check
    };
    let options = Options::default();
    let mut failures = String::new();
    let mut missing = Vec::new();
    for article in &articles {
        let name = article.strip_prefix(&root).unwrap_or(article).display();
        match check::check_file(article, &options, DEFAULT_MAX_BYTES, &[], mode) {
            Outcome::Pass | Outcome::Created | Outcome::Updated => {}
            Outcome::NoExpectation => missing.push(name.to_string()),
            Outcome::Mismatch(diffs) => failures.push_str(&format!("FAIL {name}\n{}", check::render(&diffs))),
            Outcome::Failed(err) => failures.push_str(&format!("ERROR {name}: {err}\n")),
        }
    }
    assert!(
        missing.is_empty(),
        "fixtures without an expected record: {missing:?}\n\
         create them with `cargo run -- check --update fixtures/` and review them"
    );
    assert!(
        failures.is_empty(),
        "{failures}\n{} fixture(s) differ; if the change is intended: \
         `cargo run -- check --update fixtures/` and review `git diff fixtures/`",
        failures.matches("FAIL ").count() + failures.matches("ERROR ").count()
    );
}
