//! JSON Schema of the output record, generated from the Rust types
//! (schemars), so it cannot drift from what the writer produces.

use crate::record::{Record, SCHEMA_VERSION};
use serde_json::Value;

/// Fields the writer may leave out (`skip_serializing_if`); every other
/// field is always present, `null` when absent. A test below checks this
/// list against a serialized record.
const OMITTABLE: &[&str] = &["removed"];

/// The record's JSON Schema (draft 2020-12), with `schema_version` pinned
/// to the current version.
pub fn record_schema() -> Value {
    let mut schema = schemars::schema_for!(Record).to_value();
    // schemars leaves `Option` fields out of `required` (and its `required`
    // attribute drops their `null`); our fields are nullable but present.
    require_all(&mut schema);
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

/// Mark every property of every object schema required, except
/// [`OMITTABLE`] ones.
fn require_all(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get("properties") {
                let required: Vec<Value> = props
                    .keys()
                    .filter(|k| !OMITTABLE.contains(&k.as_str()))
                    .map(|k| Value::String(k.clone()))
                    .collect();
                map.insert("required".to_string(), Value::Array(required));
            }
            map.values_mut().for_each(require_all);
        }
        Value::Array(items) => items.iter_mut().for_each(require_all),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Format, Person, Place, Quote};

    fn sample() -> Record {
        Record {
            source: "a".into(),
            format: Format::Text,
            headline: None,
            date: None,
            date_text: None,
            people: vec![Person {
                name: "A B".into(),
                role: None,
                mentions: 1,
            }],
            places: vec![Place {
                name: "C".into(),
                country: None,
                kind: None,
                mentions: 1,
            }],
            quotes: vec![Quote {
                text: "x".into(),
                speaker: None,
                cue: None,
                partial: false,
            }],
            body: String::new(),
            word_count: 0,
            warnings: vec![],
            removed: None,
            schema_version: SCHEMA_VERSION,
        }
    }

    /// The `required` list of a schema object.
    fn required_names(schema: &Value) -> Vec<&str> {
        schema["required"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect()
    }

    #[test]
    fn required_fields_are_exactly_the_serialized_ones() {
        let schema = record_schema();
        let record = serde_json::to_value(sample()).unwrap();
        let keys: Vec<&str> = record.as_object().unwrap().keys().map(String::as_str).collect();
        let required = required_names(&schema);
        assert_eq!(keys, required);
        for (def, field) in [("Person", "people"), ("Place", "places"), ("Quote", "quotes")] {
            let keys: Vec<&str> = record[field][0]
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            let required: Vec<&str> = schema["$defs"][def]["required"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(Value::as_str)
                .collect();
            assert_eq!(keys, required, "{def}");
        }
    }

    #[test]
    fn nullable_fields_accept_null() {
        let schema = record_schema();
        assert_eq!(
            schema["properties"]["headline"]["type"],
            serde_json::json!(["string", "null"])
        );
        assert_eq!(
            schema["$defs"]["Quote"]["properties"]["speaker"]["type"],
            serde_json::json!(["string", "null"])
        );
        assert_eq!(schema["properties"]["body"]["type"], "string");
    }

    #[test]
    fn every_record_field_is_required_and_described() {
        let schema = record_schema();
        let required = required_names(&schema);
        for &field in crate::record::REQUIRED_FIELDS {
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
