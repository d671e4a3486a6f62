//! End-to-end tests of the `newsnorm` binary on small articles written for
//! these tests.

mod bad_input;
mod check;

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::Path;

/// A plain-text page dump with chrome around the article.
pub const TEXT_ARTICLE: &str = "\
Home » World » Europe

Search

Harbour cranes return to Gdansk after two-year refit

March 3, 2025

The port of Gdansk brought its four largest cranes back into service on Monday after a refit that took two years and cost more than the original machines.

\"We are finally back at full capacity,\" said Piotr Nowak, the port's operations director. He added that shipping lines had already booked extra calls for April.

Dock workers said the new control cabins were quieter and warmer than the old ones.

Share this article

Cookie settings
";

/// The same kind of page as HTML.
pub const HTML_ARTICLE: &str = "<!DOCTYPE html>
<html><head><title>Library opens late on Fridays | Town Courier</title>
<meta property=\"article:published_time\" content=\"2024-11-08T09:30:00Z\"></head>
<body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>
<article><h1>Library opens late on Fridays</h1>
<p>The central library in Leeds will stay open until ten on Friday evenings from next month, the city council announced on Thursday.</p>
<p>\"People asked for it, and we listened,\" said Amara Okafor, the council's culture lead.</p>
<p>The trial will run for six months before a decision on making the hours permanent.</p>
</article><footer>Copyright 2024 Town Courier</footer></body></html>
";

pub fn article(n: usize) -> String {
    format!(
        "Notice number {n}\n\nThe village council met on Tuesday and agreed item {n} on the agenda after a long debate about road repairs and the school bus.\n\n{}\n",
        "Residents were invited to comment before the end of the month. ".repeat(n % 7 + 1)
    )
}

pub fn newsnorm() -> Command {
    Command::cargo_bin("newsnorm").expect("binary built")
}

/// Parse JSON Lines output into records.
pub fn records(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

pub fn sources(records: &[Value]) -> Vec<String> {
    records
        .iter()
        .map(|r| {
            let s = r["source"].as_str().unwrap();
            Path::new(s).file_name().unwrap().to_string_lossy().into_owned()
        })
        .collect()
}

fn sample_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("b-port.txt"), TEXT_ARTICLE).unwrap();
    fs::write(dir.path().join("a-library.html"), HTML_ARTICLE).unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    fs::write(dir.path().join("sub/c.txt"), article(3)).unwrap();
    fs::write(dir.path().join(".hidden.txt"), article(4)).unwrap();
    fs::write(dir.path().join("a-library.expected.json"), "{}").unwrap();
    dir
}

#[test]
fn folder_gives_one_record_per_article_in_sorted_order() {
    let dir = sample_dir();
    let out = newsnorm().arg(dir.path()).assert().success().get_output().clone();
    let recs = records(&out.stdout);
    assert_eq!(sources(&recs), ["a-library.html", "b-port.txt", "c.txt"]);
    let html = &recs[0];
    assert_eq!(html["format"], "html");
    assert_eq!(html["headline"], "Library opens late on Fridays");
    assert!(html["body"].as_str().unwrap().contains("until ten on Friday"));
    let text = &recs[1];
    assert_eq!(text["format"], "text");
    assert!(text["body"].as_str().unwrap().contains("four largest cranes"));
    for r in &recs {
        for &field in newsnorm::record::REQUIRED_FIELDS {
            assert!(r.get(field).is_some(), "{field} missing in {r}");
        }
        assert_eq!(r["schema_version"], newsnorm::record::SCHEMA_VERSION);
    }
}

#[test]
fn hidden_files_only_with_flag() {
    let dir = sample_dir();
    let out = newsnorm()
        .arg("--hidden")
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .clone();
    assert_eq!(
        sources(&records(&out.stdout)),
        [".hidden.txt", "a-library.html", "b-port.txt", "c.txt"]
    );
}

#[test]
fn stdin_with_dash_and_with_no_path() {
    let out = newsnorm()
        .arg("-")
        .write_stdin(TEXT_ARTICLE)
        .assert()
        .success()
        .get_output()
        .clone();
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["source"], "-");
    assert!(recs[0]["body"].as_str().unwrap().contains("four largest cranes"));
    let out = newsnorm()
        .write_stdin(HTML_ARTICLE)
        .assert()
        .success()
        .get_output()
        .clone();
    assert_eq!(records(&out.stdout)[0]["format"], "html");
}

#[test]
fn stdin_between_files_keeps_its_place() {
    let dir = sample_dir();
    let a = dir.path().join("b-port.txt");
    let out = newsnorm()
        .arg(&a)
        .arg("-")
        .arg(&a)
        .write_stdin(HTML_ARTICLE)
        .assert()
        .success()
        .get_output()
        .clone();
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[1]["source"], "-");
    assert_eq!(recs[1]["format"], "html");
}

#[test]
fn output_file_instead_of_stdout() {
    let dir = sample_dir();
    let target = dir.path().join("out.jsonl");
    newsnorm()
        .arg("-o")
        .arg(&target)
        .arg(dir.path().join("sub"))
        .assert()
        .success()
        .stdout("");
    let recs = records(&fs::read(&target).unwrap());
    assert_eq!(sources(&recs), ["c.txt"]);
}

#[test]
fn output_file_inside_the_walked_folder_is_not_read() {
    let dir = sample_dir();
    let target = dir.path().join("out.txt");
    fs::write(&target, TEXT_ARTICLE).unwrap();
    newsnorm().arg(dir.path()).arg("-o").arg(&target).assert().success();
    let recs = records(&fs::read(&target).unwrap());
    assert_eq!(sources(&recs), ["a-library.html", "b-port.txt", "c.txt"]);
}

#[test]
fn pretty_output_is_indented_json() {
    let dir = sample_dir();
    let out = newsnorm()
        .arg("--pretty")
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .clone();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("{\n  \"source\": "), "{text}");
    let values: Vec<Value> = serde_json::Deserializer::from_str(&text)
        .into_iter()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(values.len(), 3);
}

#[test]
fn a_bad_file_among_good_ones_fails_alone() {
    let dir = sample_dir();
    let bad = dir.path().join("b-photo.txt");
    fs::write(&bad, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let out = newsnorm().arg(dir.path()).assert().code(1).get_output().clone();
    assert_eq!(
        sources(&records(&out.stdout)),
        ["a-library.html", "b-port.txt", "c.txt"]
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(
        lines[0].contains("b-photo.txt") && lines[0].contains("PNG image"),
        "{stderr}"
    );
}

#[test]
fn usage_errors_exit_2() {
    newsnorm().arg("--no-such-flag").assert().code(2);
    newsnorm().args(["-j", "0", "x"]).assert().code(2);
    newsnorm().args(["-j", "many", "x"]).assert().code(2);
    newsnorm().arg("check").assert().code(2);
}

#[test]
fn help_shows_examples() {
    newsnorm()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicates::str::contains("jq -r .headline"))
        .stdout(predicates::str::contains("Exit codes"));
}

#[test]
fn output_order_does_not_depend_on_threads() {
    let dir = tempfile::tempdir().unwrap();
    for n in 0..60 {
        // Uneven sizes so workers finish out of order.
        let body = if n % 5 == 0 { article(n).repeat(40) } else { article(n) };
        fs::write(dir.path().join(format!("{:03}.txt", (n * 37) % 60)), body).unwrap();
    }
    let run = |jobs: &str| {
        newsnorm()
            .args(["-j", jobs])
            .arg(dir.path())
            .assert()
            .success()
            .get_output()
            .clone()
    };
    let (one, two, four) = (run("1"), run("2"), run("4"));
    assert_eq!(records(&one.stdout).len(), 60);
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(one.stdout, four.stdout);
    let names = sources(&records(&one.stdout));
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
}

#[test]
fn no_progress_bar_when_piped() {
    let dir = tempfile::tempdir().unwrap();
    for n in 0..30 {
        fs::write(dir.path().join(format!("{n:02}.txt")), article(n)).unwrap();
    }
    newsnorm().arg(dir.path()).assert().success().stderr("");
}

#[test]
fn warnings_go_to_stderr_unless_quiet() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, "").unwrap();
    let out = newsnorm().arg(&empty).assert().success().get_output().clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("warning: ") && stderr.contains("empty.txt: input is empty"),
        "{stderr}"
    );
    newsnorm().arg("-q").arg(&empty).assert().success().stderr("");
}

#[test]
fn schema_subcommand_matches_the_records() {
    let out = newsnorm().arg("schema").assert().success().get_output().clone();
    let schema: Value = serde_json::from_slice(&out.stdout).unwrap();
    let props = schema["properties"].as_object().unwrap();
    let out = newsnorm()
        .arg("-")
        .write_stdin(TEXT_ARTICLE)
        .assert()
        .success()
        .get_output()
        .clone();
    let record = &records(&out.stdout)[0];
    let keys: Vec<&String> = record.as_object().unwrap().keys().collect();
    for key in &keys {
        assert!(props.contains_key(*key), "{key} not in schema");
    }
    for required in schema["required"].as_array().unwrap() {
        assert!(
            record.get(required.as_str().unwrap()).is_some(),
            "{required} not in record"
        );
    }
}

#[test]
fn a_path_after_options_is_not_a_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("check");
    fs::write(&file, TEXT_ARTICLE).unwrap();
    // `newsnorm -j 1 check` is the main job on a file named `check`.
    let out = newsnorm()
        .current_dir(dir.path())
        .args(["-j", "1", "check"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_eq!(records(&out.stdout)[0]["source"], "check");
}

#[cfg(unix)]
#[test]
fn closing_stdout_early_ends_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command as StdCommand, Stdio};
    let dir = tempfile::tempdir().unwrap();
    for n in 0..400 {
        fs::write(dir.path().join(format!("{n:03}.txt")), article(n).repeat(20)).unwrap();
    }
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("newsnorm"))
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader is dropped here, like `| head -1`.
    assert!(first.starts_with('{'));
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panic"), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn names_canonical_by_default_or_as_written() {
    let page = "Trade talks resume in Geneva\n\nThe U.S. and Canada resumed trade talks in Geneva on Monday, officials from both countries said.\n\nNegotiator Paula Brandt said the United States wanted a deal by June. Brandt did not say what the sticking points were.\n";
    let names = |args: &[&str]| -> (Vec<String>, Vec<String>) {
        let out = newsnorm().args(args).arg("-").write_stdin(page).output().unwrap();
        assert!(out.status.success());
        let record = &records(&out.stdout)[0];
        let list = |field: &str| -> Vec<String> {
            record[field]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["name"].as_str().unwrap().to_string())
                .collect()
        };
        (list("people"), list("places"))
    };
    let (people, places) = names(&[]);
    assert_eq!(people, ["Paula Brandt"]);
    assert!(
        places.contains(&"United States".to_string()) && !places.contains(&"U.S.".to_string()),
        "{places:?}"
    );
    let (people, places) = names(&["--names", "as-written"]);
    assert!(
        people.contains(&"Paula Brandt".to_string()) && people.contains(&"Brandt".to_string()),
        "{people:?}"
    );
    assert!(
        places.contains(&"U.S.".to_string()) && places.contains(&"United States".to_string()),
        "{places:?}"
    );
}
