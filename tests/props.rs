//! Property tests: no input makes the pipeline panic, and every record
//! serializes to valid JSON that keeps the record's invariants.

use newsnorm::{Options, process, reader};
use proptest::prelude::*;
use serde_json::Value;

/// Run the whole pipeline on raw bytes; check the output.
fn check_bytes(bytes: &[u8]) -> Result<(), TestCaseError> {
    let Ok(doc) = reader::from_bytes("prop".to_string(), bytes, Vec::new()) else {
        return Ok(()); // refused (binary): a per-file error, not a panic
    };
    let record = process(doc, &Options::default());
    let line = serde_json::to_string(&record).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert!(!line.contains('\n'));
    let value: Value = serde_json::from_str(&line).map_err(|e| TestCaseError::fail(e.to_string()))?;
    for &field in newsnorm::record::REQUIRED_FIELDS {
        prop_assert!(value.get(field).is_some(), "{} missing", field);
    }
    prop_assert_eq!(record.word_count, record.body.split_whitespace().count());
    for person in &record.people {
        prop_assert!(person.mentions >= 1 && !person.name.trim().is_empty());
    }
    for place in &record.places {
        prop_assert!(place.mentions >= 1 && !place.name.trim().is_empty());
    }
    for quote in &record.quotes {
        prop_assert!(!quote.text.trim().is_empty(), "empty quote text");
    }
    Ok(())
}

/// Lines that look like parts of scraped pages, to reach deeper than
/// random bytes do.
fn page_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Home » News » World".to_string()),
        Just("Share this article".to_string()),
        Just("By Jane Doe, Staff Reporter".to_string()),
        Just("March 3, 2025 10:45 am".to_string()),
        Just("\"We will rebuild,\" said Mayor Tom Alvarez of Lisbon.".to_string()),
        Just("<div class=\"story\"><p>".to_string()),
        Just("</p></div>".to_string()),
        Just("<script>var x = \"<p>\";</script>".to_string()),
        Just("<meta charset=\"utf-8\">".to_string()),
        Just("“Unbalanced quote said the minister.".to_string()),
        "[A-Z][a-z]{1,10}( [A-Z][a-z]{1,10}){0,3}",
        "[a-zA-Z ,.;:'\"“”‘’()-]{0,200}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        check_bytes(&bytes)?;
    }

    #[test]
    fn page_like_text_never_panics(lines in prop::collection::vec(page_line(), 0..40), sep in prop_oneof![Just("\n"), Just("\n\n"), Just("\r\n"), Just(" ")]) {
        check_bytes(lines.join(sep).as_bytes())?;
    }

    #[test]
    fn page_like_html_never_panics(lines in prop::collection::vec(page_line(), 0..40)) {
        let html = format!("<!DOCTYPE html><html><body>{}</body></html>", lines.join("\n"));
        check_bytes(html.as_bytes())?;
    }
}
