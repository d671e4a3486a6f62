//! Extraction stages alone on the given pages: each page is read and
//! cleaned once, then NER, quotes, dates and the headline are timed on the
//! cleaned documents (one thread). Words are whitespace tokens, of the input
//! files and of the bodies the extractors see.
//!
//!     cargo run --release --example extract_rate -- [--reps N] [--stage ner|quotes|date|headline|all] DIR_OR_FILES...

use newsnorm::cleaner::{self, CleanDoc, Rules};
use newsnorm::extract::{date, headline, ner, quotes};
use newsnorm::reader;
use std::hint::black_box;
use std::time::Instant;

/// The files under `path`, in the CLI's walk order (the library's walker).
fn files(path: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let roots = [path.to_path_buf()];
    let walked = newsnorm::reader::walk(&roots, newsnorm::reader::WalkOptions::default()).filter_map(|r| match r {
        Ok(newsnorm::reader::Input::File(p)) => Some(p),
        _ => None,
    });
    out.extend(walked.filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "html" || e == "htm")));
}

struct Page {
    clean: CleanDoc,
    lead: String,
    body: String,
    persons: Vec<ner::PersonEntity>,
}

fn main() {
    let mut reps = 10usize;
    let mut stage = "all".to_string();
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--reps" => reps = args.next().and_then(|n| n.parse().ok()).unwrap_or(reps),
            "--stage" => stage = args.next().unwrap_or(stage),
            _ => files(std::path::Path::new(&arg), &mut paths),
        }
    }
    let mut file_words = 0usize;
    let mut file_bytes = 0usize;
    let pages: Vec<Page> = paths
        .iter()
        .filter_map(|p| {
            let bytes = std::fs::read(p).ok()?;
            file_bytes += bytes.len();
            file_words += String::from_utf8_lossy(&bytes).split_whitespace().count();
            let doc = reader::from_bytes(p.display().to_string(), &bytes, Vec::new()).ok()?;
            let clean = cleaner::clean(&doc, &Rules::default());
            let body = clean.body();
            let lead = ner::lead_text(&clean);
            let persons = ner::analyse(&lead, &body).people;
            Some(Page {
                clean,
                lead,
                body,
                persons,
            })
        })
        .collect();
    let body_words: usize = pages.iter().map(|p| p.body.split_whitespace().count()).sum();
    let body_bytes: usize = pages.iter().map(|p| p.body.len() + p.lead.len()).sum();
    println!(
        "{} pages, {:.2} MB ({:.2} MB lead + body), {} words in the files, {} in the bodies; {} reps",
        pages.len(),
        file_bytes as f64 / 1e6,
        body_bytes as f64 / 1e6,
        file_words,
        body_words,
        reps
    );
    let time = |name: &str, f: &dyn Fn(&Page) -> usize| {
        if stage != "all" && stage != name {
            return;
        }
        // One untimed pass builds the lazy statics.
        let mut sink: usize = pages.iter().map(f).sum();
        let start = Instant::now();
        for _ in 0..reps {
            sink += pages.iter().map(|p| f(black_box(p))).sum::<usize>();
        }
        let secs = start.elapsed().as_secs_f64().max(1e-9) / reps as f64;
        println!(
            "{name:>8}: {:8.2} ms per pass, {:6.2} M file words/s, {:6.2} M body words/s ({sink})",
            secs * 1e3,
            file_words as f64 / secs / 1e6,
            body_words as f64 / secs / 1e6,
        );
    };
    time("ner", &|p| {
        let e = ner::analyse(&p.lead, &p.body);
        e.people.len() + e.places.len()
    });
    time("quotes", &|p| quotes::extract(&p.body, &p.persons).len());
    time("date", &|p| date::extract(&p.clean).map_or(0, |d| d.iso.len()));
    time("headline", &|p| headline::extract(&p.clean).map_or(0, |h| h.len()));
}
