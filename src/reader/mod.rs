//! Reader: bytes from files or stdin → decoded [`Document`]s.
//!
//! Format is sniffed from the content, encodings are detected (BOM, HTML meta
//! charset, UTF-8, then chardetng), line endings are normalised to `\n`.

mod decode;
mod prepass;
mod walk;

pub use decode::{decode, decode_owned, sniff_format};
pub use prepass::{MAX_DEPTH, Prepared, keeps, prepare};
pub use walk::{Input, SIDECAR_SUFFIX, WalkError, WalkOptions, is_sidecar, walk};

use crate::record::Format;
use std::io::Read;
use std::path::Path;

/// Default cap on input size: larger files are refused with a per-file error.
pub const DEFAULT_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// One decoded input article.
#[derive(Debug, Clone)]
pub struct Document {
    /// Path as walked, or "-" for stdin.
    pub source: String,
    pub format: Format,
    /// Decoded text with `\n` line endings. HTML has been through
    /// [`prepare`]: the bodies of scripts (but JSON-LD) and styles and the
    /// attributes no stage reads are gone, and tags nested too deep dropped.
    pub text: String,
    /// Non-fatal notes from reading (e.g. lossy file name, lossy decoding).
    pub warnings: Vec<String>,
}

/// Why an input could not be turned into a [`Document`].
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("file is {size} bytes, over the {cap}-byte limit (see --max-size)")]
    TooLarge { size: u64, cap: u64 },
    #[error("binary file ({0}), not text or HTML")]
    Binary(&'static str),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Read and decode one file.
pub fn read_file(path: &Path, max_bytes: u64) -> Result<Document, ReadError> {
    let file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(ReadError::Io(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "is a directory",
        )));
    }
    let size = meta.len();
    if size > max_bytes {
        return Err(ReadError::TooLarge { size, cap: max_bytes });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // `take` guards against files that grow while being read.
    file.take(max_bytes + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max_bytes {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            cap: max_bytes,
        });
    }
    let mut warnings = Vec::new();
    let source = match path.to_str() {
        Some(s) => s.to_string(),
        None => {
            warnings.push("file name is not valid UTF-8; source written lossily".to_string());
            path.to_string_lossy().into_owned()
        }
    };
    from_vec(source, bytes, warnings)
}

/// Read one article from any reader (stdin), with the same size cap.
pub fn read_stream(source: &str, input: impl Read, max_bytes: u64) -> Result<Document, ReadError> {
    let mut bytes = Vec::new();
    input.take(max_bytes + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max_bytes {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            cap: max_bytes,
        });
    }
    from_vec(source.to_string(), bytes, Vec::new())
}

/// Decode raw bytes into a document.
pub fn from_bytes(source: String, bytes: &[u8], warnings: Vec<String>) -> Result<Document, ReadError> {
    finish(source, decode(bytes)?, warnings)
}

/// [`from_bytes`] taking the buffer, so UTF-8 input is not copied.
pub fn from_vec(source: String, bytes: Vec<u8>, warnings: Vec<String>) -> Result<Document, ReadError> {
    finish(source, decode_owned(bytes)?, warnings)
}

fn finish(source: String, decoded: decode::Decoded, mut warnings: Vec<String>) -> Result<Document, ReadError> {
    if let Some(declared) = &decoded.lying_charset {
        warnings.push(format!("declared charset {declared} does not match the bytes; ignored"));
    }
    if decoded.guessed {
        warnings.push(format!(
            "no usable charset declared and not UTF-8; decoded as {} (guessed)",
            decoded.encoding
        ));
    }
    if decoded.lossy {
        warnings.push(format!("invalid {} byte sequences replaced", decoded.encoding));
    }
    if decoded.text.is_empty() {
        warnings.push("input is empty".to_string());
    } else if decoded.text.trim().is_empty() {
        warnings.push("input is only whitespace".to_string());
    }
    let format = sniff_format(&decoded.text);
    let mut text = decoded.text;
    if format == Format::Html {
        let prepared = prepass::prepare(&text);
        if prepared.too_deep > 0 {
            warnings.push(format!(
                "HTML nested deeper than {MAX_DEPTH} levels; {} deeper tags ignored (their text kept)",
                prepared.too_deep
            ));
        }
        if let Some(slim) = prepared.text {
            text = slim;
        }
    }
    Ok(Document {
        source,
        format,
        text,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_blank_inputs_are_documents_with_a_warning() {
        let d = from_bytes("e".into(), b"", Vec::new()).unwrap();
        assert_eq!(d.warnings, ["input is empty"]);
        let d = from_bytes("w".into(), b" \n\t\r\n ", Vec::new()).unwrap();
        assert_eq!(d.warnings, ["input is only whitespace"]);
        let d = from_bytes("t".into(), b"Words.", Vec::new()).unwrap();
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn size_cap_applies_to_streams_and_files() {
        let err = read_stream("-", &b"0123456789"[..], 5).unwrap_err();
        assert!(matches!(err, ReadError::TooLarge { cap: 5, .. }), "{err}");
        assert!(read_stream("-", &b"01234"[..], 5).is_ok());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        std::fs::write(&path, "0123456789").unwrap();
        assert!(matches!(
            read_file(&path, 5),
            Err(ReadError::TooLarge { size: 10, cap: 5 })
        ));
        assert!(read_file(dir.path(), 5).is_err());
    }
}
