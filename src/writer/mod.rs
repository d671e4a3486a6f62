//! Writer: records → JSON Lines (or indented JSON with `--pretty`).
//!
//! JSON Lines are written by hand, byte for byte what `serde_json` writes
//! (a test compares the two on generated records): serde_json escapes a
//! string one byte at a time, and a record is mostly its body, so the
//! writer here skips eight bytes at a time to the next byte that needs an
//! escape. `--pretty` keeps serde_json.

use crate::record::{Format, Person, Place, Quote, Record, Removed};
use std::io::{self, Write};

/// Write one record followed by a newline.
pub fn write_record<W: Write + ?Sized>(out: &mut W, record: &Record, pretty: bool) -> io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, record)?;
    } else {
        write_compact(out, record)?;
    }
    out.write_all(b"\n")
}

/// `serde_json::to_writer(out, record)`, field by field in declaration
/// order. The record is destructured whole so that a new field cannot be
/// forgotten here.
fn write_compact<W: Write + ?Sized>(out: &mut W, record: &Record) -> io::Result<()> {
    let Record {
        source,
        format,
        headline,
        date,
        date_text,
        people,
        places,
        quotes,
        body,
        word_count,
        warnings,
        removed,
        schema_version,
    } = record;
    out.write_all(b"{\"source\":")?;
    string(out, source)?;
    out.write_all(match format {
        Format::Text => b",\"format\":\"text\"",
        Format::Html => b",\"format\":\"html\"",
    })?;
    out.write_all(b",\"headline\":")?;
    opt_string(out, headline.as_deref())?;
    out.write_all(b",\"date\":")?;
    opt_string(out, date.as_deref())?;
    out.write_all(b",\"date_text\":")?;
    opt_string(out, date_text.as_deref())?;
    out.write_all(b",\"people\":")?;
    array(out, people, |out, p| {
        let Person { name, role, mentions } = p;
        out.write_all(b"{\"name\":")?;
        string(out, name)?;
        out.write_all(b",\"role\":")?;
        opt_string(out, role.as_deref())?;
        write!(out, ",\"mentions\":{mentions}}}")
    })?;
    out.write_all(b",\"places\":")?;
    array(out, places, |out, p| {
        let Place {
            name,
            country,
            kind,
            mentions,
        } = p;
        out.write_all(b"{\"name\":")?;
        string(out, name)?;
        out.write_all(b",\"country\":")?;
        opt_string(out, country.as_deref())?;
        out.write_all(b",\"kind\":")?;
        opt_string(out, kind.as_deref())?;
        write!(out, ",\"mentions\":{mentions}}}")
    })?;
    out.write_all(b",\"quotes\":")?;
    array(out, quotes, |out, q| {
        let Quote {
            text,
            speaker,
            cue,
            partial,
        } = q;
        out.write_all(b"{\"text\":")?;
        string(out, text)?;
        out.write_all(b",\"speaker\":")?;
        opt_string(out, speaker.as_deref())?;
        out.write_all(b",\"cue\":")?;
        opt_string(out, cue.as_deref())?;
        out.write_all(if *partial {
            b",\"partial\":true}"
        } else {
            b",\"partial\":false}"
        })
    })?;
    out.write_all(b",\"body\":")?;
    string(out, body)?;
    write!(out, ",\"word_count\":{word_count}")?;
    out.write_all(b",\"warnings\":")?;
    array(out, warnings, |out, w| string(out, w))?;
    if let Some(removed) = removed {
        out.write_all(b",\"removed\":")?;
        array(out, removed, |out, r| {
            let Removed { text, reason } = r;
            out.write_all(b"{\"text\":")?;
            string(out, text)?;
            out.write_all(b",\"reason\":")?;
            string(out, reason)?;
            out.write_all(b"}")
        })?;
    }
    out.write_all(b",\"schema_version\":")?;
    string(out, schema_version)?;
    out.write_all(b"}")
}

fn array<W: Write + ?Sized, T>(
    out: &mut W,
    items: &[T],
    mut item: impl FnMut(&mut W, &T) -> io::Result<()>,
) -> io::Result<()> {
    out.write_all(b"[")?;
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        item(out, x)?;
    }
    out.write_all(b"]")
}

fn opt_string<W: Write + ?Sized>(out: &mut W, s: Option<&str>) -> io::Result<()> {
    match s {
        Some(s) => string(out, s),
        None => out.write_all(b"null"),
    }
}

/// A JSON string as serde_json writes it: `"` and `\` escaped, control
/// bytes as `\b \t \n \f \r` or `\u00xx`, everything else (DEL, non-ASCII)
/// as is.
fn string<W: Write + ?Sized>(out: &mut W, s: &str) -> io::Result<()> {
    out.write_all(b"\"")?;
    let bytes = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let at = match bytes.get(i..i + 8) {
            Some(chunk) => {
                let m = escape_mask(u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])));
                if m == 0 {
                    i += 8;
                    continue;
                }
                i + (m.trailing_zeros() / 8) as usize
            }
            None if needs_escape(bytes[i]) => i,
            None => {
                i += 1;
                continue;
            }
        };
        out.write_all(&bytes[run..at])?;
        escape(out, bytes[at])?;
        run = at + 1;
        i = at + 1;
    }
    out.write_all(&bytes[run..])?;
    out.write_all(b"\"")
}

fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

fn escape<W: Write + ?Sized>(out: &mut W, b: u8) -> io::Result<()> {
    match b {
        b'"' => out.write_all(b"\\\""),
        b'\\' => out.write_all(b"\\\\"),
        0x08 => out.write_all(b"\\b"),
        b'\t' => out.write_all(b"\\t"),
        b'\n' => out.write_all(b"\\n"),
        0x0C => out.write_all(b"\\f"),
        b'\r' => out.write_all(b"\\r"),
        _ => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.write_all(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xF)],
            ])
        }
    }
}

/// The high bit of each of eight bytes (little-endian) that is a control
/// byte, `"` or `\`, possibly also of bytes above the first such byte:
/// each test is the classic "has a byte less than n", whose borrows only
/// run upwards from a true hit, so the lowest set bit is exact (and zero
/// means none). Bytes from 0x80 up have their high bit set in `x` and
/// never count.
#[inline]
fn escape_mask(x: u64) -> u64 {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let less = |v: u64, n: u64| v.wrapping_sub(n * LO) & !v & HI;
    less(x, 0x20) | less(x ^ (u64::from(b'"') * LO), 1) | less(x ^ (u64::from(b'\\') * LO), 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::SCHEMA_VERSION;
    use crate::testgen::Rng;

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

    /// A string of pieces that need every kind of escape, or none, at
    /// every alignment.
    fn text(rng: &mut Rng) -> String {
        const PIECES: &[&str] = &[
            "a",
            "Word ",
            "abcdefghijklmnop",
            "\"",
            "\\",
            "\n",
            "\n\n",
            "\t",
            "\r",
            "\u{8}",
            "\u{c}",
            "\u{0}",
            "\u{1}",
            "\u{1f}",
            "\u{b}",
            "\u{7f}",
            " ",
            "/",
            "é",
            "’",
            "“",
            "\u{2028}",
            "日本",
            "\u{1f600}",
            "\\u",
        ];
        let n = rng.below(30);
        (0..n).map(|_| PIECES[rng.below(PIECES.len())]).collect()
    }

    fn opt(rng: &mut Rng) -> Option<String> {
        (rng.below(3) > 0).then(|| text(rng))
    }

    fn record(rng: &mut Rng) -> Record {
        Record {
            source: text(rng),
            format: if rng.below(2) == 0 { Format::Text } else { Format::Html },
            headline: opt(rng),
            date: opt(rng),
            date_text: opt(rng),
            people: (0..rng.below(4))
                .map(|_| Person {
                    name: text(rng),
                    role: opt(rng),
                    mentions: rng.below(100_000),
                })
                .collect(),
            places: (0..rng.below(4))
                .map(|_| Place {
                    name: text(rng),
                    country: opt(rng),
                    kind: opt(rng),
                    mentions: rng.below(20),
                })
                .collect(),
            quotes: (0..rng.below(4))
                .map(|_| Quote {
                    text: text(rng),
                    speaker: opt(rng),
                    cue: opt(rng),
                    partial: rng.below(2) == 0,
                })
                .collect(),
            body: text(rng),
            word_count: rng.below(1 << 20),
            warnings: (0..rng.below(3)).map(|_| text(rng)).collect(),
            removed: (rng.below(2) == 0).then(|| {
                (0..rng.below(3))
                    .map(|_| Removed {
                        text: text(rng),
                        reason: text(rng),
                    })
                    .collect()
            }),
            schema_version: SCHEMA_VERSION,
        }
    }

    #[test]
    fn compact_lines_are_serde_json_byte_for_byte() {
        let mut rng = Rng::new(11);
        for _ in 0..3000 {
            let r = record(&mut rng);
            let mut ours = Vec::new();
            write_record(&mut ours, &r, false).unwrap();
            let mut theirs = serde_json::to_vec(&r).unwrap();
            theirs.push(b'\n');
            assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(theirs).unwrap());
        }
    }

    #[test]
    fn escape_mask_finds_the_first_byte_that_needs_escaping() {
        let mut rng = Rng::new(5);
        for b in 0..=255u8 {
            for at in 0..8 {
                // Plain bytes below `at`, anything above it.
                let mut chunk = [b'a'; 8];
                chunk[at] = b;
                for c in &mut chunk[at + 1..] {
                    *c = rng.below(256) as u8;
                }
                let m = escape_mask(u64::from_le_bytes(chunk));
                let first = chunk.iter().position(|&c| needs_escape(c));
                assert_eq!((m != 0).then(|| (m.trailing_zeros() / 8) as usize), first, "{chunk:?}");
            }
        }
    }
}
