//! Reader: bytes from files or stdin → decoded [`Document`]s.
//!
//! Format is sniffed from the content, encodings are detected (BOM, HTML meta
//! charset, UTF-8, then chardetng), line endings are normalised to `\n`.

mod decode;
mod walk;

pub use decode::{decode, sniff_format};
pub use walk::{WalkOptions, walk};

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
    /// Decoded text with `\n` line endings.
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
    let size = file.metadata()?.len();
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
    from_bytes(source, &bytes, warnings)
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
    from_bytes(source.to_string(), &bytes, Vec::new())
}

/// Decode raw bytes into a document.
pub fn from_bytes(source: String, bytes: &[u8], mut warnings: Vec<String>) -> Result<Document, ReadError> {
    let decoded = decode(bytes)?;
    if decoded.lossy {
        warnings.push(format!("invalid {} byte sequences replaced", decoded.encoding));
    }
    let format = sniff_format(&decoded.text);
    Ok(Document {
        source,
        format,
        text: decoded.text,
        warnings,
    })
}
