//! HTML throughput on one core: html5ever parse only (the floor), the HTML
//! cleaner (parse + walk + container choice + metadata), and the whole
//! pipeline (decode + clean + extract).
//!
//!     cargo run --release --example html_speed -- DIR [ROUNDS]
//!
//! Reads every `*.html` file under DIR into memory first, so disk time is
//! not counted.

use newsnorm::cleaner::{Rules, html};
use newsnorm::{Options, process, reader};
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: html_speed DIR [ROUNDS]"))?;
    let rounds: usize = args.next().map(|r| r.parse()).transpose()?.unwrap_or(3);
    let mut pages = Vec::new();
    let roots = [std::path::PathBuf::from(&dir)];
    for input in reader::walk(&roots, reader::WalkOptions::default()) {
        if let Ok(reader::Input::File(path)) = input
            && path.extension().is_some_and(|e| e == "html")
        {
            pages.push((path.display().to_string(), std::fs::read(&path)?));
        }
    }
    let texts: Vec<String> = pages
        .iter()
        .filter_map(|(name, bytes)| reader::from_bytes(name.clone(), bytes, Vec::new()).ok())
        .map(|d| d.text)
        .collect();
    let mb = pages.iter().map(|(_, b)| b.len()).sum::<usize>() as f64 / 1e6;
    println!(
        "{} pages, {:.1} MB, best of {rounds} rounds, one thread",
        pages.len(),
        mb
    );
    // `HTML_SPEED_ONLY=parse|clean|pipeline` runs one stage (for profilers).
    let only = std::env::var("HTML_SPEED_ONLY").ok();
    let time = |label: &str, f: &dyn Fn()| {
        if only.as_deref().is_some_and(|o| !label.contains(o)) {
            return f64::NAN;
        }
        let best = (0..rounds)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min);
        println!(
            "{label:<28} {:>8.1} pages/s {:>7.1} MB/s",
            pages.len() as f64 / best,
            mb / best
        );
        best
    };
    let parse = time("html5ever parse only", &|| {
        for t in &texts {
            std::hint::black_box(html::parse_only(t));
        }
    });
    let rules = Rules::default();
    let clean = time("cleaner::html::clean", &|| {
        for t in &texts {
            std::hint::black_box(html::clean(t, &rules));
        }
    });
    let options = Options::default();
    let full = time("whole pipeline", &|| {
        for (name, bytes) in &pages {
            if let Ok(doc) = reader::from_bytes(name.clone(), bytes, Vec::new()) {
                std::hint::black_box(process(doc, &options));
            }
        }
    });
    println!(
        "cleaner = {:.2}x parse time, whole pipeline = {:.2}x parse time",
        clean / parse,
        full / parse
    );
    Ok(())
}
