//! Byte sniffing and character decoding.

use super::ReadError;
use crate::record::Format;
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Result of decoding: the text, the encoding used, and notes for the
/// record's warnings.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// Some byte sequences were invalid in `encoding` and became U+FFFD.
    pub lossy: bool,
    /// The encoding was guessed (no BOM, no usable declaration, not UTF-8).
    pub guessed: bool,
    /// The page declared a charset its bytes do not match.
    pub lying_charset: Option<String>,
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
    (b"\x28\xB5\x2F\xFD", "zstd archive"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\xCA\xFE\xBA\xBE", "Mach-O/Java binary"),
    (b"SQLite format 3\x00", "SQLite database"),
];

/// Decode bytes: BOM → UTF-8 → HTML meta charset → UTF-16 without BOM →
/// mostly-UTF-8 (lossy) → chardetng guess. Refuses binary content.
pub fn decode(bytes: &[u8]) -> Result<Decoded, ReadError> {
    // A BOM is the strongest signal (and UTF-16 text is full of NUL bytes).
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(finish(text.into_owned(), encoding, had_errors));
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(ReadError::Binary(kind));
    }
    if memchr::memchr(0, bytes).is_some() {
        // UTF-16 without a BOM: ASCII-range text has every other byte NUL.
        if let Some(encoding) = utf16_without_bom(bytes) {
            let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
            let mut decoded = finish(text.into_owned(), encoding, had_errors);
            decoded.guessed = true;
            return Ok(decoded);
        }
        return Err(ReadError::Binary("contains NUL bytes"));
    }
    // Valid UTF-8 wins over a meta charset: real pages declare one charset
    // and are served in another.
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(finish(text.to_string(), UTF_8, false));
    }
    let declared = meta_charset(bytes);
    let mut lying_charset = None;
    match declared {
        // An ASCII-compatible page cannot really be UTF-16 (the HTML spec
        // reads such a declaration as UTF-8), and invalid UTF-8 is not UTF-8.
        Some(enc) if enc == UTF_8 || enc == UTF_16LE || enc == UTF_16BE => {
            lying_charset = Some(enc.name().to_string());
        }
        Some(enc) => {
            let (text, _, had_errors) = enc.decode(bytes);
            return Ok(finish(text.into_owned(), enc, had_errors));
        }
        None => {}
    }
    let (encoding, guessed) = if mostly_utf8(bytes) {
        (UTF_8, false)
    } else {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        (detector.guess(None, chardetng::Utf8Detection::Allow), true)
    };
    let (text, _, had_errors) = encoding.decode(bytes);
    let mut decoded = finish(text.into_owned(), encoding, had_errors);
    decoded.guessed = guessed;
    decoded.lying_charset = lying_charset;
    Ok(decoded)
}

/// Like [`decode`], but takes the buffer: plain UTF-8 (the common case)
/// becomes the text without a copy.
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, ReadError> {
    if Encoding::for_bom(&bytes).is_some() || binary_kind(&bytes).is_some() || memchr::memchr(0, &bytes).is_some() {
        return decode(&bytes);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(finish(text, UTF_8, false)),
        Err(err) => decode(err.as_bytes()),
    }
}

/// The binary format `bytes` starts with, if any ("MZ" only counts when
/// the start does not read as text).
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    MAGIC
        .iter()
        .find(|(magic, kind)| bytes.starts_with(magic) && !(*kind == "Windows executable" && looks_textual(bytes)))
        .map(|(_, kind)| *kind)
}

/// UTF-8 with a few broken sequences (a truncated or spliced file) is still
/// UTF-8: true when there are valid multi-byte sequences and at least as
/// many as invalid ones (legacy single-byte text almost never forms a valid
/// UTF-8 sequence). Pure ASCII plus stray high bytes is left to detection.
fn mostly_utf8(mut bytes: &[u8]) -> bool {
    let (mut valid_multibyte, mut invalid) = (0usize, 0usize);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                valid_multibyte += s.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let (good, rest) = bytes.split_at(e.valid_up_to());
                // `good` is valid by construction.
                valid_multibyte += std::str::from_utf8(good).map_or(0, |s| s.chars().filter(|c| !c.is_ascii()).count());
                invalid += 1;
                let skip = e.error_len().unwrap_or(rest.len()).max(1);
                bytes = &rest[skip.min(rest.len())..];
            }
        }
    }
    valid_multibyte > 0 && valid_multibyte >= invalid
}

/// LE if NULs sit only at odd offsets and are common, BE if only at even.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, &b) in head.iter().enumerate() {
        if b == 0 {
            if i.is_multiple_of(2) { even += 1 } else { odd += 1 }
        }
    }
    let pairs = head.len() / 2;
    if even == 0 && odd * 2 >= pairs {
        Some(UTF_16LE)
    } else if odd == 0 && even * 2 >= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

fn looks_textual(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .take(512)
        .all(|&b| b >= 0x20 || b == b'\n' || b == b'\r' || b == b'\t')
}

fn finish(text: String, encoding: &'static Encoding, lossy: bool) -> Decoded {
    Decoded {
        text: normalize_newlines(text),
        encoding: encoding.name(),
        lossy,
        guessed: false,
        lying_charset: None,
    }
}

/// CRLF and lone CR become LF (one pass, SIMD search for the CRs).
fn normalize_newlines(text: String) -> String {
    let bytes = text.as_bytes();
    if memchr::memchr(b'\r', bytes).is_none() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for at in memchr::memchr_iter(b'\r', bytes) {
        // `\r` is ASCII, so `at` is a char boundary.
        out.push_str(&text[last..at]);
        if bytes.get(at + 1) != Some(&b'\n') {
            out.push('\n');
        }
        last = at + 1;
    }
    out.push_str(&text[last..]);
    out
}

/// The charset named by `<meta charset=…>` or `http-equiv` content in the
/// first 4 KiB, if any, and if encoding_rs knows it.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let pos = head.windows(8).position(|w| w.eq_ignore_ascii_case(b"charset="))?;
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
    fn every_cr_form_becomes_one_lf() {
        for (input, want) in [
            ("a\r\nb", "a\nb"),
            ("a\rb", "a\nb"),
            ("a\r\r\nb", "a\n\nb"),
            ("\r\n\r", "\n\n"),
            ("\r", "\n"),
            ("no breaks", "no breaks"),
            ("\n\r\n\n", "\n\n\n"),
            ("é\r\nü\r", "é\nü\n"),
        ] {
            assert_eq!(normalize_newlines(input.to_string()), want, "{input:?}");
        }
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
    fn meta_charset_claiming_utf8_on_latin1_bytes_is_overridden() {
        let bytes = b"<html><head><meta charset=\"utf-8\"></head><body><p>Les march\xe9s de No\xebl ouvrent \xe0 Strasbourg et \xe0 Colmar d\xe8s vendredi.</p></body></html>";
        let d = decode(bytes).unwrap();
        assert!(d.text.contains("marchés de Noël"), "{}", d.text);
        assert_eq!(d.lying_charset.as_deref(), Some("UTF-8"));
        assert!(d.guessed);
    }

    #[test]
    fn mostly_utf8_with_a_broken_byte_stays_utf8() {
        let mut bytes = "Zürich, Genève and Besançon — café prices rose “sharply”."
            .as_bytes()
            .to_vec();
        bytes.push(0xFF);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.lossy);
        assert!(d.text.starts_with("Zürich, Genève"));
        assert!(!mostly_utf8(b"plain ascii with one \xe9 byte"));
    }

    #[test]
    fn utf16_without_bom_is_recognised_not_refused() {
        let le: Vec<u8> = "Plain words here".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = "Plain words here".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le).unwrap().text, "Plain words here");
        assert_eq!(decode(&be).unwrap().text, "Plain words here");
        assert!(decode(b"ab\0\0\0\0cd").is_err());
    }

    #[test]
    fn owned_and_borrowed_decoding_agree() {
        let cases: [&[u8]; 6] = [
            b"plain",
            b"caf\xc3\xa9\r\n",
            b"caf\xe9",
            b"\xff\xfeH\0i\0",
            b"\x89PNG\r\n",
            b"a\0b",
        ];
        for bytes in cases {
            let a = decode(bytes).map(|d| (d.text, d.encoding, d.lossy));
            let b = decode_owned(bytes.to_vec()).map(|d| (d.text, d.encoding, d.lossy));
            assert_eq!(format!("{a:?}"), format!("{b:?}"));
        }
    }

    #[test]
    fn binary_is_refused() {
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0"),
            Err(ReadError::Binary("PNG image"))
        ));
        assert!(matches!(decode(b"\x7FELF\x02\x01"), Err(ReadError::Binary(_))));
        assert!(matches!(decode(b"abc\0def"), Err(ReadError::Binary(_))));
        assert!(matches!(
            decode(b"\x1f\x8b\x08\x00"),
            Err(ReadError::Binary("gzip archive"))
        ));
        // "MZ" at the start of ordinary text is not an executable.
        assert!(decode(b"MZ Holdings reported results.").is_ok());
    }

    #[test]
    fn sniffing_uses_content_not_extension() {
        assert_eq!(sniff_format("  <!DOCTYPE html><html>"), Format::Html);
        assert_eq!(sniff_format("Home » News\n\nA headline"), Format::Text);
        assert_eq!(sniff_format("Use <b> for bold in HTML."), Format::Text);
    }
}
