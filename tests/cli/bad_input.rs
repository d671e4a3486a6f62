//! Bad-input matrix (README: "Checking fixtures, schema, bad input"). Each
//! case runs the binary on a folder holding the bad file next to a good
//! article, and checks the bad file's outcome, the stderr line naming it,
//! the good record and the exit code.

use super::{TEXT_ARTICLE, newsnorm, records, sources};
use serde_json::Value;
use std::fs;
use std::path::Path;

struct Run {
    code: i32,
    records: Vec<Value>,
    stderr: String,
}

/// Write `bytes` as `name` beside a good article (`zz-good.txt`) and run.
fn run_with(name: &str, bytes: &[u8], extra: &[&str]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(name), bytes).unwrap();
    run_dir(dir.path(), extra)
}

fn run_dir(dir: &Path, extra: &[&str]) -> Run {
    fs::write(dir.join("zz-good.txt"), TEXT_ARTICLE).unwrap();
    let out = newsnorm().args(extra).arg(dir).output().unwrap();
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        records: records(&out.stdout),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    let good = run.records.last().expect("good record written");
    assert!(good["source"].as_str().unwrap().ends_with("zz-good.txt"));
    assert!(good["body"].as_str().unwrap().contains("four largest cranes"));
    assert!(!run.stderr.contains("panick"), "{}", run.stderr);
    run
}

/// The bad file failed: no record, one error line naming it, exit 1.
fn assert_failed(run: &Run, name: &str, reason: &str) {
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.records.len(), 1, "{:?}", run.records);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{}", run.stderr);
    assert!(
        lines[0].starts_with("newsnorm: ") && lines[0].contains(name) && lines[0].contains(reason),
        "{}",
        run.stderr
    );
}

/// The bad file gave a record carrying `warning`, and exit 0.
fn assert_record_with_warning<'a>(run: &'a Run, warning: &str) -> &'a Value {
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.records.len(), 2);
    let record = &run.records[0];
    let warnings = record["warnings"].as_array().unwrap();
    assert!(
        warnings.iter().any(|w| w.as_str().unwrap().contains(warning)),
        "{warnings:?}"
    );
    assert!(
        run.stderr.contains("warning: ") && run.stderr.contains(warning),
        "{}",
        run.stderr
    );
    record
}

#[test]
fn empty_file_is_an_empty_record_with_a_warning() {
    let run = run_with("empty.txt", b"", &[]);
    let r = assert_record_with_warning(&run, "input is empty");
    assert_eq!(r["body"], "");
    assert_eq!(r["headline"], Value::Null);
}

#[test]
fn whitespace_only_is_an_empty_record_with_a_warning() {
    let run = run_with("blank.txt", b"  \n\r\n\t \n", &[]);
    assert_eq!(assert_record_with_warning(&run, "input is only whitespace")["body"], "");
}

#[test]
fn binary_files_are_refused() {
    let cases: [(&str, &[u8], &str); 3] = [
        ("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", "PNG image"),
        ("pages.gz", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", "gzip archive"),
        ("tool", b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", "ELF executable"),
    ];
    for (name, bytes, kind) in cases {
        assert_failed(&run_with(name, bytes, &[]), name, kind);
    }
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let mut bytes = "Zürich approves new tram line\n\nThe city council of Zürich approved the new tram line on Tuesday — a project first proposed in 1998.\n"
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(b"Broken tail \xff\xfe.\n");
    let run = run_with("broken.txt", &bytes, &[]);
    let r = assert_record_with_warning(&run, "invalid UTF-8 byte sequences replaced");
    assert!(r["headline"].as_str().unwrap().starts_with("Zürich"), "{r}");
}

#[test]
fn utf16_with_bom_is_decoded() {
    let text = "Ferry service resumes\n\nThe ferry between the two islands resumed service on Friday after storms kept it in port for a week.\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let run = run_with("utf16.txt", &bytes, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.records[0]["headline"], "Ferry service resumes");
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn legacy_encodings_are_detected() {
    // Windows-1252 curly quotes and ISO-8859-1 accents, no declaration.
    let cp1252 = b"Caf\xe9 owners welcome new rules\n\nOwners of the caf\xe9s on the square said the rules were \x93fair and overdue\x94, and that the na\xefve early drafts had been fixed.\n";
    let run = run_with("cp1252.txt", cp1252, &[]);
    let r = assert_record_with_warning(&run, "decoded as windows-1252 (guessed)");
    assert!(
        r["body"].as_str().unwrap().contains("\u{201c}fair and overdue\u{201d}"),
        "{r}"
    );
    let latin1 = b"Stra\xdfenfest in M\xfcnchen\n\nDas Stra\xdfenfest in M\xfcnchen zog am Samstag mehr Besucher an als je zuvor, sagten die Veranstalter gegen\xfcber der Presse.\n";
    let run = run_with("latin1.txt", latin1, &[]);
    let r = assert_record_with_warning(&run, "(guessed)");
    assert!(r["body"].as_str().unwrap().contains("Straßenfest in München"), "{r}");
}

#[test]
fn lying_meta_charset_is_overridden_by_the_bytes() {
    // Declares windows-1251 but is UTF-8: valid UTF-8 wins, silently.
    let html = "<html><head><meta charset=\"windows-1251\"><title>Grüße aus Köln</title></head><body><p>Die Grüße aus Köln kamen pünktlich zum Fest, schrieb die Redaktion am Montag.</p></body></html>";
    let run = run_with("utf8-says-1251.html", html.as_bytes(), &[]);
    assert_eq!(run.code, 0);
    assert!(run.records[0]["body"].as_str().unwrap().contains("Grüße aus Köln"));
    // Declares UTF-8 but is Latin-1: the declaration is ignored, with a warning.
    let html = b"<html><head><meta charset=\"utf-8\"></head><body><p>Les march\xe9s de No\xebl ouvrent \xe0 Strasbourg d\xe8s vendredi, a annonc\xe9 la mairie.</p></body></html>";
    let run = run_with("latin1-says-utf8.html", html, &[]);
    let r = assert_record_with_warning(&run, "declared charset UTF-8 does not match the bytes");
    assert!(r["body"].as_str().unwrap().contains("marchés de Noël"), "{r}");
}

#[test]
fn huge_file_hits_the_size_cap() {
    let dir = tempfile::tempdir().unwrap();
    let big = fs::File::create(dir.path().join("huge.txt")).unwrap();
    // Sparse: 100 MB on paper, no disk or time spent.
    big.set_len(100 * 1024 * 1024).unwrap();
    let run = run_dir(dir.path(), &[]);
    assert_failed(&run, "huge.txt", "over the 16777216-byte limit");
    // The cap is a flag, and applies to stdin too.
    newsnorm()
        .args(["--max-size", "100", "-"])
        .write_stdin(TEXT_ARTICLE)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("newsnorm: -: "));
}

#[test]
fn a_single_10_mb_line_is_processed() {
    let line = "the council said on monday that the tram would run again after repairs ".repeat(145_000);
    assert!(line.len() >= 10_000_000);
    let run = run_with("one-line.txt", line.as_bytes(), &["-q"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.records.len(), 2);
}

#[test]
fn html_nested_100000_levels_is_flattened_not_fatal() {
    let n = 100_000;
    let html = format!(
        "<html><body><h1>Deep page</h1>{}The innermost paragraph says the council met on Monday and agreed the budget.{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let run = run_with("deep.html", html.as_bytes(), &["-q"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let warnings = run.records[0]["warnings"].to_string();
    assert!(warnings.contains("HTML nested deeper than 1000 levels"), "{warnings}");
}

#[test]
fn all_chrome_page_is_an_empty_record_with_a_warning() {
    let page = "Home » News » Local\n\nSearch\n\nSubscribe to our newsletter\n\nShare this article\n\nLeave a Comment\n\nCookie settings\n\n© 2025 Example Media. All rights reserved.\n";
    let run = run_with("chrome.txt", page.as_bytes(), &[]);
    let r = assert_record_with_warning(&run, "no article body found");
    assert_eq!(r["body"], "");
}

#[cfg(unix)]
#[test]
fn directory_symlink_loop_is_reported_once() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("a")).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("a/up")).unwrap();
    let run = run_dir(dir.path(), &[]);
    assert_failed(&run, "up", "symbolic link loop");
}

/// Root can read any file whatever its mode bits, so chmod 000 proves
/// nothing when tests run as root. /proc/self/mem opens fine but fails on
/// read (EIO at offset 0) for every user: a real unreadable file.
#[cfg(target_os = "linux")]
#[test]
fn unreadable_file_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/proc/self/mem", dir.path().join("unreadable.txt")).unwrap();
    let run = run_dir(dir.path(), &[]);
    assert_failed(&run, "unreadable.txt", "Input/output error");
}

#[test]
fn non_existent_path_is_reported_and_others_still_run() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    fs::write(&good, TEXT_ARTICLE).unwrap();
    let out = newsnorm()
        .arg(dir.path().join("missing.txt"))
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(sources(&records(&out.stdout)), ["good.txt"]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("missing.txt: No such file or directory"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn non_utf8_file_name_is_written_lossily_and_flagged() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    fs::write(dir.path().join(name), TEXT_ARTICLE).unwrap();
    let run = run_dir(dir.path(), &[]);
    let r = assert_record_with_warning(&run, "file name is not valid UTF-8");
    assert!(r["source"].as_str().unwrap().ends_with("caf\u{fffd}.txt"), "{r}");
}
