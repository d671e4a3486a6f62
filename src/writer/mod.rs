//! Writer: records → JSON Lines (or indented JSON with `--pretty`).

use crate::record::Record;
use std::io::{self, Write};

/// Write one record followed by a newline.
pub fn write_record<W: Write + ?Sized>(out: &mut W, record: &Record, pretty: bool) -> io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, record)?;
    } else {
        serde_json::to_writer(&mut *out, record)?;
    }
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Format, SCHEMA_VERSION};

    #[test]
    fn field_order_is_fixed_and_absent_values_are_null() {
        let record = Record {
            source: "a.txt".into(),
            format: Format::Text,
            headline: None,
            date: None,
            date_text: None,
            people: vec![],
            places: vec![],
            quotes: vec![],
            body: String::new(),
            word_count: 0,
            warnings: vec![],
            removed: None,
            schema_version: SCHEMA_VERSION,
        };
        let mut out = Vec::new();
        write_record(&mut out, &record, false).unwrap();
        let line = String::from_utf8(out).unwrap();
        assert!(
            line.starts_with(r#"{"source":"a.txt","format":"text","headline":null,"date":null,"#),
            "{line}"
        );
        assert!(line.ends_with("}\n"));
        assert_eq!(line.lines().count(), 1);
    }
}
