//! Whole pipeline from raw bytes: reader (decode, sniff, depth guard) →
//! cleaner → extractors → JSON. Must never panic, and the record must
//! serialize to one line of valid JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = newsnorm::reader::from_bytes("fuzz".to_string(), data, Vec::new()) else {
        return;
    };
    let record = newsnorm::process(doc, &newsnorm::Options::default());
    let line = serde_json::to_string(&record).expect("a record always serializes");
    assert!(!line.contains('\n'));
    let _: serde_json::Value = serde_json::from_str(&line).expect("output is valid JSON");
    assert_eq!(record.word_count, record.body.split_whitespace().count());
});
