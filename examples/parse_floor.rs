//! The HTML floor: time html5ever alone on the given files, to compare
//! with the whole CLI on the same pages (see README Performance). Two
//! tree sinks: the cleaner's compact DOM (the parse the CLI does) and
//! scraper's general DOM (for comparison). Node counts differ: the compact
//! DOM keeps text in the pieces html5ever hands over.
//!
//!     cargo run --release --example parse_floor -- DIR_OR_FILES...

use std::time::Instant;

/// The files under `path`, in the CLI's walk order (the library's walker).
fn files(path: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let roots = [path.to_path_buf()];
    let walked = newsnorm::reader::walk(&roots, newsnorm::reader::WalkOptions::default()).filter_map(|r| match r {
        Ok(newsnorm::reader::Input::File(p)) => Some(p),
        _ => None,
    });
    out.extend(walked);
}

fn main() {
    let mut paths = Vec::new();
    for arg in std::env::args_os().skip(1) {
        files(std::path::Path::new(&arg), &mut paths);
    }
    let pages: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect();
    let bytes: usize = pages.iter().map(String::len).sum();
    let time = |label: &str, parse: &dyn Fn(&str) -> usize| {
        let start = Instant::now();
        let mut nodes = 0usize;
        for page in &pages {
            nodes += parse(page);
        }
        let secs = start.elapsed().as_secs_f64().max(1e-9);
        println!(
            "html5ever parse only, {label}: {} pages, {:.1} MB, {:.2} s, {:.0} pages/s, {:.1} MB/s (one thread), {} nodes",
            pages.len(),
            bytes as f64 / 1e6,
            secs,
            pages.len() as f64 / secs,
            bytes as f64 / 1e6 / secs,
            nodes
        );
    };
    // `PARSE_FLOOR_ONLY=compact|scraper` runs one (for profilers).
    let only = std::env::var("PARSE_FLOOR_ONLY").ok();
    if only.as_deref() != Some("scraper") {
        time("compact DOM", &newsnorm::cleaner::html::parse_only);
    }
    if only.as_deref() != Some("compact") {
        time("scraper DOM", &|page| {
            scraper::Html::parse_document(page).tree.nodes().count()
        });
    }
}
