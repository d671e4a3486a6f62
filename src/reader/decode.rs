//! Byte sniffing and character decoding.

use super::ReadError;
use crate::record::Format;
use encoding_rs::Encoding;

/// Result of decoding: the text, the encoding used, and whether any byte
/// sequence was invalid in it (and replaced by U+FFFD).
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    pub lossy: bool,
}

/// Magic numbers of common binary formats, to name what was refused.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG", "PNG image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x1F\x8B", "gzip archive"),
    (b"PK\x03\x04", "zip archive"),
    (b"%PDF", "PDF document"),
    (b"\x7FELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"BZh", "bzip2 archive"),
    (b"\xFD7zXZ", "xz archive"),
    (b"RIFF", "RIFF media"),
    (b"\x00asm", "WebAssembly module"),
];

/// Decode bytes: BOM → HTML meta charset (unless the bytes are valid UTF-8) →
/// UTF-8 → chardetng guess. Refuses binary content.
pub fn decode(bytes: &[u8]) -> Result<Decoded, ReadError> {
    // A BOM is the strongest signal (and UTF-16 text is full of NUL bytes).
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(finish(text.into_owned(), encoding.name(), had_errors));
    }
    for (magic, kind) in MAGIC {
        if bytes.starts_with(magic) && !(*kind == "Windows executable" && looks_textual(bytes)) {
            return Err(ReadError::Binary(kind));
        }
    }
    if memchr_nul(bytes) {
        return Err(ReadError::Binary("contains NUL bytes"));
    }
    // Valid UTF-8 wins over a meta charset: real pages declare one charset
    // and are served in another.
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(finish(text.to_string(), "UTF-8", false));
    }
    let encoding = meta_charset(bytes).unwrap_or_else(|| {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        detector.guess(None, chardetng::Utf8Detection::Allow)
    });
    let (text, _, had_errors) = encoding.decode(bytes);
    Ok(finish(text.into_owned(), encoding.name(), had_errors))
}

fn looks_textual(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .take(512)
        .all(|&b| b >= 0x20 || b == b'\n' || b == b'\r' || b == b'\t')
}

fn memchr_nul(bytes: &[u8]) -> bool {
    bytes.contains(&0)
}

fn finish(text: String, encoding: &'static str, lossy: bool) -> Decoded {
    let text = normalize_newlines(text);
    Decoded { text, encoding, lossy }
}

/// CRLF and lone CR become LF.
fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The charset named by `<meta charset=…>` or `http-equiv` content in the
/// first 4 KiB, if any, and if encoding_rs knows it.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let pos = find(&lower, b"charset=")?;
    let rest = &head[pos + 8..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_'))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// HTML if the text starts (after whitespace and a BOM) with a doctype, a
/// comment or a known tag, or has `<html`/`<body` near the start.
pub fn sniff_format(text: &str) -> Format {
    let head: String = text
        .trim_start_matches(['\u{feff}', ' ', '\t', '\n'])
        .chars()
        .take(1024)
        .collect();
    let lower = head.to_ascii_lowercase();
    const STARTS: &[&str] = &[
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<!--",
        "<?xml",
        "<meta",
        "<div",
        "<article",
        "<p>",
        "<title",
    ];
    if STARTS.iter().any(|s| lower.starts_with(s)) || lower.contains("<html") || lower.contains("<body") {
        Format::Html
    } else {
        Format::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through_and_crlf_is_normalised() {
        let d = decode("caf\u{e9}\r\nline\rend".as_bytes()).unwrap();
        assert_eq!(d.text, "caf\u{e9}\nline\nend");
        assert!(!d.lossy);
    }

    #[test]
    fn utf16_with_bom_decodes() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Hi there".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap().text, "Hi there");
    }

    #[test]
    fn windows_1252_is_detected() {
        let bytes = b"The caf\xe9 opened on Monday and the na\xefve critics were \x93impressed\x94 by the cr\xe8me br\xfbl\xe9e.";
        let d = decode(bytes).unwrap();
        assert!(d.text.contains("café"), "{}", d.text);
        assert!(d.text.contains('\u{201c}'));
    }

    #[test]
    fn meta_charset_is_used_for_non_utf8() {
        let bytes = b"<html><head><meta charset=\"iso-8859-1\"></head><body>Gr\xfc\xdfe</body></html>";
        assert!(decode(bytes).unwrap().text.contains("Grüße"));
    }

    #[test]
    fn lying_meta_charset_loses_to_valid_utf8() {
        let html = "<html><head><meta charset=\"iso-8859-1\"></head><body>Grüße</body></html>";
        assert!(decode(html.as_bytes()).unwrap().text.contains("Grüße"));
    }

    #[test]
    fn binary_is_refused() {
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0"),
            Err(ReadError::Binary("PNG image"))
        ));
        assert!(matches!(decode(b"\x7FELF\x02\x01"), Err(ReadError::Binary(_))));
        assert!(matches!(decode(b"abc\0def"), Err(ReadError::Binary(_))));
    }

    #[test]
    fn sniffing_uses_content_not_extension() {
        assert_eq!(sniff_format("  <!DOCTYPE html><html>"), Format::Html);
        assert_eq!(sniff_format("Home » News\n\nA headline"), Format::Text);
        assert_eq!(sniff_format("Use <b> for bold in HTML."), Format::Text);
    }
}
