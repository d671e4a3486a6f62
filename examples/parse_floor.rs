//! The HTML floor: time html5ever (via scraper) alone on the given files,
//! to compare with the whole CLI on the same pages (see README Performance).
//!
//!     cargo run --release --example parse_floor -- DIR_OR_FILES...

use std::time::Instant;

fn files(path: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for entry in entries {
            files(&entry, out);
        }
    } else {
        out.push(path.to_path_buf());
    }
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
    let start = Instant::now();
    let mut nodes = 0usize;
    for page in &pages {
        nodes += scraper::Html::parse_document(page).tree.nodes().count();
    }
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    println!(
        "html5ever parse only: {} pages, {:.1} MB, {:.2} s, {:.0} pages/s, {:.1} MB/s (one thread), {} nodes",
        pages.len(),
        bytes as f64 / 1e6,
        secs,
        pages.len() as f64 / secs,
        bytes as f64 / 1e6 / secs,
        nodes
    );
}
