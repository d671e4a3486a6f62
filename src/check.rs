//! `newsnorm check`: compare each input's record with its expected record
//! in a sidecar file (`a.txt` → `a.expected.json`), or accept the current
//! output with `--update`.
//!
//! Records are compared as JSON values so the diff can name the exact field
//! path (`people[1].role`). Arrays are aligned with a longest common
//! subsequence, so one inserted person shows as one `unexpected` entry, not
//! as every later entry changed; multi-paragraph strings (the body) are
//! diffed by paragraph.

use crate::pipeline::{Options, process};
use crate::reader::{self, SIDECAR_SUFFIX};
use serde_json::Value;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Extensions for which `--update` creates a missing sidecar while walking
/// directories (existing sidecars are always updated).
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "html", "htm", "xhtml"];

/// The sidecar of `dir/a.txt` is `dir/a.expected.json`.
pub fn sidecar_path(input: &Path) -> PathBuf {
    let stem = input.file_stem().unwrap_or(input.as_os_str());
    let mut name = stem.to_os_string();
    name.push(SIDECAR_SUFFIX);
    input.with_file_name(name)
}

/// What `--update` may do for an input without a sidecar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Compare only.
    Check,
    /// Rewrite sidecars that differ; create missing ones when `create`.
    Update { create: bool },
}

/// The result for one input.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Pass,
    Mismatch(Vec<Difference>),
    /// No sidecar (and none created).
    NoExpectation,
    Created,
    Updated,
    /// The input or its sidecar could not be read, parsed or written.
    Failed(String),
}

/// One difference between the expected and the actual record.
#[derive(Debug, Clone, PartialEq)]
pub enum Difference {
    /// A value differs; `None` means the field is absent.
    Changed {
        path: String,
        expected: Option<Value>,
        got: Option<Value>,
    },
    /// An array element that is expected but not produced.
    Missing { path: String, expected: Value },
    /// An array element produced but not expected.
    Extra { path: String, got: Value },
    /// Paragraphs of a multi-paragraph string that differ.
    Text {
        path: String,
        removed: Vec<String>,
        added: Vec<String>,
    },
}

/// The record of `input` as a JSON value, with `source` reduced to the file
/// name so expectations do not depend on the working directory.
pub fn actual_record(input: &Path, options: &Options, max_bytes: u64) -> Result<Value, String> {
    let doc = reader::read_file(input, max_bytes).map_err(|e| e.to_string())?;
    let record = process(doc, options);
    let mut value = serde_json::to_value(&record).map_err(|e| e.to_string())?;
    if let Some(source) = value.get_mut("source") {
        let name = input.file_name().unwrap_or(input.as_os_str()).to_string_lossy();
        *source = Value::String(name.into_owned());
    }
    Ok(value)
}

/// Check (or update) one input against its sidecar.
pub fn check_file(input: &Path, options: &Options, max_bytes: u64, ignore: &[String], mode: Mode) -> Outcome {
    let sidecar = sidecar_path(input);
    let mut existed = true;
    let expected = match std::fs::read(&sidecar) {
        Ok(bytes) => match serde_json::from_slice::<Value>(&bytes) {
            Ok(value) => Some(value),
            Err(err) if mode == Mode::Check => {
                return Outcome::Failed(format!("{}: not valid JSON: {err}", sidecar.display()));
            }
            // --update replaces a broken sidecar.
            Err(_) => None,
        },
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            if mode == Mode::Check || mode == (Mode::Update { create: false }) {
                return Outcome::NoExpectation;
            }
            existed = false;
            None
        }
        Err(err) => return Outcome::Failed(format!("{}: {err}", sidecar.display())),
    };
    let got = match actual_record(input, options, max_bytes) {
        Ok(got) => got,
        Err(err) => return Outcome::Failed(err),
    };
    match (mode, expected) {
        (Mode::Check, Some(expected)) => {
            let diffs = compare(&expected, &got, ignore);
            if diffs.is_empty() {
                Outcome::Pass
            } else {
                Outcome::Mismatch(diffs)
            }
        }
        (Mode::Check, None) => Outcome::NoExpectation,
        (Mode::Update { .. }, Some(expected)) if expected == got => Outcome::Pass,
        (Mode::Update { .. }, _) => {
            let mut text = match serde_json::to_string_pretty(&got) {
                Ok(text) => text,
                Err(err) => return Outcome::Failed(err.to_string()),
            };
            text.push('\n');
            match std::fs::write(&sidecar, text) {
                Ok(()) if existed => Outcome::Updated,
                Ok(()) => Outcome::Created,
                Err(err) => Outcome::Failed(format!("writing {}: {err}", sidecar.display())),
            }
        }
    }
}

/// Field-by-field differences between two records, skipping `ignore`d
/// field paths (`body`, `people.role`: object keys separated by dots, arrays
/// are looked through).
pub fn compare(expected: &Value, got: &Value, ignore: &[String]) -> Vec<Difference> {
    let mut expected = expected.clone();
    let mut got = got.clone();
    for field in ignore {
        let segments: Vec<&str> = field.split('.').filter(|s| !s.is_empty()).collect();
        prune(&mut expected, &segments);
        prune(&mut got, &segments);
    }
    let mut out = Vec::new();
    diff_value(String::new(), Some(&expected), Some(&got), &mut out);
    out
}

fn prune(value: &mut Value, segments: &[&str]) {
    let Some((first, rest)) = segments.split_first() else {
        return;
    };
    match value {
        Value::Array(items) => items.iter_mut().for_each(|v| prune(v, segments)),
        Value::Object(map) if rest.is_empty() => {
            map.remove(*first);
        }
        Value::Object(map) => {
            if let Some(v) = map.get_mut(*first) {
                prune(v, rest);
            }
        }
        _ => {}
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn diff_value(path: String, expected: Option<&Value>, got: Option<&Value>, out: &mut Vec<Difference>) {
    match (expected, got) {
        (Some(Value::Object(e)), Some(Value::Object(g))) => {
            for (key, ev) in e {
                diff_value(join(&path, key), Some(ev), g.get(key), out);
            }
            for (key, gv) in g.iter().filter(|(k, _)| !e.contains_key(*k)) {
                diff_value(join(&path, key), None, Some(gv), out);
            }
        }
        (Some(Value::Array(e)), Some(Value::Array(g))) => diff_array(&path, e, g, out),
        (Some(Value::String(e)), Some(Value::String(g))) if e != g && (e.contains("\n\n") || g.contains("\n\n")) => {
            let e: Vec<&str> = e.split("\n\n").collect();
            let g: Vec<&str> = g.split("\n\n").collect();
            let mut removed = Vec::new();
            let mut added = Vec::new();
            for step in align(&e, &g) {
                match step {
                    Step::Both(..) => {}
                    Step::Left(i) => removed.push(e[i].to_string()),
                    Step::Right(j) => added.push(g[j].to_string()),
                }
            }
            out.push(Difference::Text { path, removed, added });
        }
        (e, g) if e != g => out.push(Difference::Changed {
            path,
            expected: e.cloned(),
            got: g.cloned(),
        }),
        _ => {}
    }
}

/// Arrays: align equal elements, then pair up the unmatched elements of
/// each gap position by position (a changed element) and report the rest
/// as missing or extra.
fn diff_array(path: &str, e: &[Value], g: &[Value], out: &mut Vec<Difference>) {
    let mut gap_e: Vec<usize> = Vec::new();
    let mut gap_g: Vec<usize> = Vec::new();
    let flush = |gap_e: &mut Vec<usize>, gap_g: &mut Vec<usize>, out: &mut Vec<Difference>| {
        let paired = gap_e.len().min(gap_g.len());
        for k in 0..paired {
            diff_value(
                format!("{path}[{}]", gap_e[k]),
                Some(&e[gap_e[k]]),
                Some(&g[gap_g[k]]),
                out,
            );
        }
        for &i in &gap_e[paired..] {
            out.push(Difference::Missing {
                path: format!("{path}[{i}]"),
                expected: e[i].clone(),
            });
        }
        for &j in &gap_g[paired..] {
            out.push(Difference::Extra {
                path: format!("{path}[{j}]"),
                got: g[j].clone(),
            });
        }
        gap_e.clear();
        gap_g.clear();
    };
    for step in align(e, g) {
        match step {
            Step::Both(..) => flush(&mut gap_e, &mut gap_g, out),
            Step::Left(i) => gap_e.push(i),
            Step::Right(j) => gap_g.push(j),
        }
    }
    flush(&mut gap_e, &mut gap_g, out);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Both(usize, usize),
    Left(usize),
    Right(usize),
}

/// Longest-common-subsequence alignment. Past `LIMIT` elements a side the
/// quadratic table is skipped and the sequences are compared position by
/// position (still correct, just a coarser diff).
fn align<T: PartialEq>(a: &[T], b: &[T]) -> Vec<Step> {
    const LIMIT: usize = 2000;
    if a.len() > LIMIT || b.len() > LIMIT {
        let mut steps = Vec::new();
        for k in 0..a.len().max(b.len()) {
            match (a.get(k), b.get(k)) {
                (Some(x), Some(y)) if x == y => steps.push(Step::Both(k, k)),
                (x, y) => {
                    if x.is_some() {
                        steps.push(Step::Left(k));
                    }
                    if y.is_some() {
                        steps.push(Step::Right(k));
                    }
                }
            }
        }
        return steps;
    }
    let (n, m) = (a.len(), b.len());
    // lcs[i][j] = LCS length of a[i..] and b[j..].
    let mut lcs = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[at(i, j)] = if a[i] == b[j] {
                lcs[at(i + 1, j + 1)] + 1
            } else {
                lcs[at(i + 1, j)].max(lcs[at(i, j + 1)])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut steps = Vec::with_capacity(n.max(m));
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            steps.push(Step::Both(i, j));
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[at(i, j + 1)] >= lcs[at(i + 1, j)]) {
            steps.push(Step::Right(j));
            j += 1;
        } else {
            steps.push(Step::Left(i));
            i += 1;
        }
    }
    steps
}

/// Longest value shown in a diff line before it is cut.
const SHOW_MAX: usize = 240;

fn show(value: Option<&Value>) -> String {
    match value {
        None => "(absent)".to_string(),
        Some(v) => cut(&v.to_string()),
    }
}

fn cut(text: &str) -> String {
    match text.char_indices().nth(SHOW_MAX) {
        Some((at, _)) => format!("{}… ({} chars)", &text[..at], text.chars().count()),
        None => text.to_string(),
    }
}

/// Human-readable lines for one mismatching file, indented under its name.
pub fn render(diffs: &[Difference]) -> String {
    let mut out = String::new();
    for diff in diffs {
        // Writing to a String cannot fail.
        let _ = match diff {
            Difference::Changed { path, expected, got } => writeln!(
                out,
                "  {path}\n    expected: {}\n    got:      {}",
                show(expected.as_ref()),
                show(got.as_ref())
            ),
            Difference::Missing { path, expected } => {
                writeln!(out, "  {path}: missing\n    expected: {}", show(Some(expected)))
            }
            Difference::Extra { path, got } => writeln!(out, "  {path}: unexpected\n    got:      {}", show(Some(got))),
            Difference::Text { path, removed, added } => {
                let _ = writeln!(
                    out,
                    "  {path}: {} paragraph(s) expected but not found, {} new",
                    removed.len(),
                    added.len()
                );
                for p in removed {
                    let _ = writeln!(out, "    - {}", cut(p));
                }
                for p in added {
                    let _ = writeln!(out, "    + {}", cut(p));
                }
                Ok(())
            }
        };
    }
    out
}

/// Counts for the summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub passed: usize,
    pub failed: usize,
    pub errors: usize,
    pub no_expectation: usize,
    pub created: usize,
    pub updated: usize,
}

impl Summary {
    pub fn add(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::Pass => self.passed += 1,
            Outcome::Mismatch(_) => self.failed += 1,
            Outcome::NoExpectation => self.no_expectation += 1,
            Outcome::Created => self.created += 1,
            Outcome::Updated => self.updated += 1,
            Outcome::Failed(_) => self.errors += 1,
        }
    }

    /// True if nothing mismatched or failed.
    pub fn ok(&self) -> bool {
        self.failed == 0 && self.errors == 0
    }

    pub fn line(&self, update: bool) -> String {
        let mut line = if update {
            format!(
                "check --update: {} created, {} updated, {} unchanged",
                self.created, self.updated, self.passed
            )
        } else {
            format!("check: {} passed, {} failed", self.passed, self.failed)
        };
        if self.errors > 0 {
            let _ = write!(line, ", {} error(s)", self.errors);
        }
        if self.no_expectation > 0 {
            let _ = write!(
                line,
                ", {} without {SIDECAR_SUFFIX} (skipped; --update creates them)",
                self.no_expectation
            );
        }
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sidecar_replaces_the_extension() {
        assert_eq!(sidecar_path(Path::new("f/a.txt")), Path::new("f/a.expected.json"));
        assert_eq!(
            sidecar_path(Path::new("f/b.page.html")),
            Path::new("f/b.page.expected.json")
        );
        assert_eq!(sidecar_path(Path::new("noext")), Path::new("noext.expected.json"));
    }

    #[test]
    fn equal_records_have_no_differences() {
        let v = json!({"headline": "A", "people": [{"name": "X", "role": null}]});
        assert!(compare(&v, &v.clone(), &[]).is_empty());
    }

    #[test]
    fn changed_field_names_its_path() {
        let e = json!({"headline": "A", "people": [{"name": "X", "role": "Mayor"}]});
        let g = json!({"headline": "B", "people": [{"name": "X", "role": null}]});
        let d = compare(&e, &g, &[]);
        assert_eq!(
            d,
            [
                Difference::Changed {
                    path: "headline".into(),
                    expected: Some(json!("A")),
                    got: Some(json!("B"))
                },
                Difference::Changed {
                    path: "people[0].role".into(),
                    expected: Some(json!("Mayor")),
                    got: Some(Value::Null)
                },
            ]
        );
        let text = render(&d);
        assert!(
            text.contains("  people[0].role\n    expected: \"Mayor\"\n    got:      null"),
            "{text}"
        );
    }

    #[test]
    fn inserted_array_element_is_one_extra_entry() {
        let e = json!({"places": ["Oslo", "Bergen", "Tromsø"]});
        let g = json!({"places": ["Oslo", "Hirtshals", "Bergen", "Tromsø"]});
        assert_eq!(
            compare(&e, &g, &[]),
            [Difference::Extra {
                path: "places[1]".into(),
                got: json!("Hirtshals")
            }]
        );
        let d = compare(&g, &e, &[]);
        assert!(matches!(&d[..], [Difference::Missing { path, .. }] if path == "places[1]"));
    }

    #[test]
    fn ignore_drops_fields_at_any_depth() {
        let e = json!({"body": "x", "people": [{"name": "X", "role": "Mayor"}]});
        let g = json!({"body": "y", "people": [{"name": "X", "role": null}]});
        assert_eq!(compare(&e, &g, &["body".into()]).len(), 1);
        assert!(compare(&e, &g, &["body".into(), "people.role".into()]).is_empty());
    }

    #[test]
    fn absent_fields_are_reported() {
        let e = json!({"a": 1, "b": 2});
        let g = json!({"a": 1, "c": 3});
        let d = compare(&e, &g, &[]);
        assert_eq!(d.len(), 2);
        assert!(render(&d).contains("got:      (absent)"));
    }

    #[test]
    fn body_is_diffed_by_paragraph() {
        let e = json!({"body": "One.\n\nTwo.\n\nThree."});
        let g = json!({"body": "One.\n\nTwo, changed.\n\nThree.\n\nShare this article"});
        let d = compare(&e, &g, &[]);
        assert_eq!(
            d,
            [Difference::Text {
                path: "body".into(),
                removed: vec!["Two.".into()],
                added: vec!["Two, changed.".into(), "Share this article".into()]
            }]
        );
        let text = render(&d);
        assert!(
            text.contains("    - Two.\n") && text.contains("    + Share this article\n"),
            "{text}"
        );
    }

    #[test]
    fn long_values_are_cut() {
        let long = "x".repeat(1000);
        assert!(cut(&long).ends_with("… (1000 chars)"));
        assert_eq!(cut("short"), "short");
    }

    #[test]
    fn check_and_update_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("a.txt");
        std::fs::write(
            &input,
            "Harbour reopens\n\nThe harbour in Tromsø reopened on Monday after repairs, the port authority said.\n",
        )
        .unwrap();
        let opts = Options::default();
        let cap = reader::DEFAULT_MAX_BYTES;
        assert_eq!(check_file(&input, &opts, cap, &[], Mode::Check), Outcome::NoExpectation);
        assert_eq!(
            check_file(&input, &opts, cap, &[], Mode::Update { create: false }),
            Outcome::NoExpectation
        );
        assert_eq!(
            check_file(&input, &opts, cap, &[], Mode::Update { create: true }),
            Outcome::Created
        );
        assert_eq!(check_file(&input, &opts, cap, &[], Mode::Check), Outcome::Pass);
        let sidecar = sidecar_path(&input);
        let text = std::fs::read_to_string(&sidecar).unwrap();
        assert!(text.contains("\"source\": \"a.txt\""), "{text}");
        std::fs::write(&sidecar, text.replace("\"word_count\"", "\"word_count_old\"")).unwrap();
        assert!(matches!(
            check_file(&input, &opts, cap, &[], Mode::Check),
            Outcome::Mismatch(d) if d.len() == 2
        ));
        assert_eq!(
            check_file(&input, &opts, cap, &[], Mode::Update { create: true }),
            Outcome::Updated
        );
        std::fs::write(&sidecar, "{not json").unwrap();
        assert!(matches!(
            check_file(&input, &opts, cap, &[], Mode::Check),
            Outcome::Failed(m) if m.contains("not valid JSON")
        ));
        // --update repairs a broken sidecar (it existed: "updated").
        assert_eq!(
            check_file(&input, &opts, cap, &[], Mode::Update { create: false }),
            Outcome::Updated
        );
        assert_eq!(check_file(&input, &opts, cap, &[], Mode::Check), Outcome::Pass);
    }

    #[test]
    fn summary_line_counts() {
        let mut s = Summary::default();
        for o in [Outcome::Pass, Outcome::Mismatch(vec![]), Outcome::NoExpectation] {
            s.add(&o);
        }
        assert!(!s.ok());
        assert_eq!(
            s.line(false),
            "check: 1 passed, 1 failed, 1 without .expected.json (skipped; --update creates them)"
        );
    }
}
