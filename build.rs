//! Pre-computes the lookup index of the embedded word lists and gazetteer
//! (src/extract/gazetteer.rs), so the binary does no indexing at start-up.
//!
//! For each data file it writes `OUT_DIR/<file>.idx`: little-endian u32s:
//! number of lines, table size, then (key start, key end, line end) per data
//! line, then the open-addressing hash table (line index + 1, 0 = empty).
//!
//! It also compiles the chrome phrases to DFAs (build/phrase_dfas.rs).

use std::{env, fs, path::Path};

#[path = "build/phrase_dfas.rs"]
mod phrase_dfas;

include!("src/extract/key_hash.rs");

const FILES: &[&str] = &[
    "places.tsv",
    "place-forms.tsv",
    "given-names.txt",
    "surnames.txt",
    "common-words.txt",
    "demonyms.tsv",
];

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in FILES {
        let path = format!("data/{name}");
        println!("cargo:rerun-if-changed={path}");
        let bytes = fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        // Line starts, first tab, line ends; comment and empty lines skipped.
        let mut keys: Vec<(u32, u32, u32)> = Vec::new();
        let (mut start, mut tab) = (0usize, None);
        for (i, &b) in bytes.iter().enumerate().chain(std::iter::once((bytes.len(), &b'\n'))) {
            if b == b'\t' && tab.is_none() {
                tab = Some(i);
            } else if b == b'\n' {
                let end = if i > start && bytes[i - 1] == b'\r' { i - 1 } else { i };
                if end > start && bytes[start] != b'#' {
                    keys.push((start as u32, tab.unwrap_or(end) as u32, end as u32));
                }
                start = i + 1;
                tab = None;
            }
        }
        let size = (keys.len() * 2).next_power_of_two().max(16);
        let mask = size - 1;
        let mut table = vec![0u32; size];
        for (i, &(s, e, _)) in keys.iter().enumerate() {
            let mut slot = hash(&bytes[s as usize..e as usize]) as usize & mask;
            while table[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            table[slot] = i as u32 + 1;
        }
        let mut blob = Vec::with_capacity(8 + keys.len() * 12 + size * 4);
        blob.extend((keys.len() as u32).to_le_bytes());
        blob.extend((size as u32).to_le_bytes());
        for (s, e, l) in &keys {
            blob.extend(s.to_le_bytes());
            blob.extend(e.to_le_bytes());
            blob.extend(l.to_le_bytes());
        }
        for v in &table {
            blob.extend(v.to_le_bytes());
        }
        let dest = Path::new(&out).join(format!("{name}.idx"));
        fs::write(&dest, blob).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
        if *name == "place-forms.tsv" {
            write_first_words(&out, name, &bytes, &keys);
        }
    }
    phrase_dfas::write(&out);
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/extract/key_hash.rs");
}

/// `OUT_DIR/<file>.first`: a 65,536-bit set of the [`hash`]es of the first
/// words (up to the first space) of the keys that have a space, so that a
/// lookup of a multi-word form can be skipped when no form starts with its
/// first word.
fn write_first_words(out: &str, name: &str, bytes: &[u8], keys: &[(u32, u32, u32)]) {
    let mut bits = vec![0u8; 65_536 / 8];
    for &(s, e, _) in keys {
        let key = &bytes[s as usize..e as usize];
        if let Some(space) = key.iter().position(|&b| b == b' ') {
            let h = hash(&key[..space]) as usize & 0xffff;
            bits[h >> 3] |= 1 << (h & 7);
        }
    }
    let dest = Path::new(out).join(format!("{name}.first"));
    fs::write(&dest, bits).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
}
