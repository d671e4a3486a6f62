//! `newsnorm check` and `--update`.

use super::{HTML_ARTICLE, TEXT_ARTICLE, newsnorm};
use std::fs;

fn stdout_of(cmd: &mut assert_cmd::Command, code: i32) -> String {
    let out = cmd.assert().code(code).get_output().clone();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn update_creates_then_check_passes_then_reports_a_diff() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("port.txt"), TEXT_ARTICLE).unwrap();
    fs::write(dir.path().join("library.html"), HTML_ARTICLE).unwrap();
    fs::write(dir.path().join("notes.md"), "not an article").unwrap();

    // Nothing pinned yet: nothing fails, the summary says what was skipped.
    let out = stdout_of(newsnorm().arg("check").arg(dir.path()), 0);
    assert!(
        out.contains("check: 0 passed, 0 failed, 3 without .expected.json"),
        "{out}"
    );

    let out = stdout_of(newsnorm().args(["check", "--update"]).arg(dir.path()), 0);
    assert!(out.contains("created ") && out.contains("port.expected.json"), "{out}");
    assert!(
        out.contains("check --update: 2 created, 0 updated, 0 unchanged"),
        "{out}"
    );
    assert!(!dir.path().join("notes.expected.json").exists());

    let out = stdout_of(newsnorm().arg("check").arg(dir.path()), 0);
    assert!(out.contains("check: 2 passed, 0 failed, 1 without"), "{out}");

    // Pin a different headline: exit 1, a diff naming the field.
    let sidecar = dir.path().join("library.expected.json");
    let text = fs::read_to_string(&sidecar).unwrap();
    fs::write(
        &sidecar,
        text.replace("\"Library opens late on Fridays\"", "\"Library closes early\""),
    )
    .unwrap();
    let out = stdout_of(newsnorm().arg("check").arg(dir.path()), 1);
    assert!(out.contains("FAIL "), "{out}");
    assert!(
        out.contains(
            "  headline\n    expected: \"Library closes early\"\n    got:      \"Library opens late on Fridays\""
        ),
        "{out}"
    );
    assert!(out.contains("check: 1 passed, 1 failed"), "{out}");

    // Ignoring the field makes it pass; --update accepts the new output.
    stdout_of(newsnorm().args(["check", "--ignore", "headline"]).arg(dir.path()), 0);
    let out = stdout_of(newsnorm().args(["check", "--update"]).arg(dir.path()), 0);
    assert!(out.contains("1 updated, 1 unchanged"), "{out}");
    stdout_of(newsnorm().arg("check").arg(dir.path()), 0);
}

#[test]
fn body_changes_are_shown_by_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("port.txt");
    fs::write(&input, TEXT_ARTICLE).unwrap();
    stdout_of(newsnorm().args(["check", "--update"]).arg(&input), 0);
    let edited = TEXT_ARTICLE.replace(
        "Dock workers said the new control cabins were quieter and warmer than the old ones.",
        "Dock workers said the cabins were colder and noisier than before the refit began.",
    );
    fs::write(&input, edited).unwrap();
    let out = stdout_of(newsnorm().arg("check").arg(&input), 1);
    assert!(
        out.contains("  body: 1 paragraph(s) expected but not found, 1 new"),
        "{out}"
    );
    assert!(out.contains("    - Dock workers said the new control cabins"), "{out}");
    assert!(out.contains("    + Dock workers said the cabins were colder"), "{out}");
}

#[test]
fn unreadable_input_or_broken_sidecar_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), b"\x7fELF\x02\x01\x01").unwrap();
    fs::write(dir.path().join("a.expected.json"), "{}").unwrap();
    fs::write(dir.path().join("b.txt"), TEXT_ARTICLE).unwrap();
    fs::write(dir.path().join("b.expected.json"), "[1, 2").unwrap();
    let out = newsnorm()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("a.txt: binary file (ELF executable)"), "{stderr}");
    assert!(stderr.contains("b.expected.json: not valid JSON"), "{stderr}");
    assert!(String::from_utf8(out.stdout).unwrap().contains("2 error(s)"));
}
