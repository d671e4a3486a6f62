//! JSON Schema of the output record, generated from the Rust types
//! (schemars), so it cannot drift from what the writer produces.

use crate::record::{Record, SCHEMA_VERSION};
use serde_json::Value;

/// The record's JSON Schema (draft 2020-12), with `schema_version` pinned
/// to the current version.
pub fn record_schema() -> Value {
    let mut schema = schemars::schema_for!(Record).to_value();
    if let Some(version) = schema.pointer_mut("/properties/schema_version") {
        version["const"] = Value::String(SCHEMA_VERSION.to_string());
    }
    if let Some(obj) = schema.as_object_mut() {
        obj.insert(
            "$id".to_string(),
            Value::String(format!("https://newsnorm.invalid/record-v{SCHEMA_VERSION}.schema.json")),
        );
    }
    schema
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_record_field_is_required_and_described() {
        let schema = record_schema();
        let required: Vec<&str> = schema["required"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        for field in [
            "source",
            "format",
            "headline",
            "date",
            "people",
            "places",
            "quotes",
            "body",
            "word_count",
        ] {
            assert!(required.contains(&field), "{field} not required: {required:?}");
        }
        // `removed` only appears with --explain.
        assert!(!required.contains(&"removed"));
        assert_eq!(schema["properties"]["schema_version"]["const"], SCHEMA_VERSION);
        assert!(schema["properties"]["headline"].is_object());
        assert!(
            schema.pointer("/$defs/Person/properties/mentions").is_some(),
            "{schema:#}"
        );
    }
}
