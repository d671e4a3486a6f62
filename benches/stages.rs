//! Per-stage benchmarks on fixed inputs of our own (benches/data/).
//!
//!     cargo bench --bench stages
//!
//! Stage signatures follow src/pipeline.rs; if an extractor's signature
//! changes, mirror the call in pipeline.rs here.

use divan::{Bencher, black_box};
use newsnorm::cleaner::{self, Rules};
use newsnorm::extract::{date, headline, people, places, quotes};
use newsnorm::reader::{self, Document};
use newsnorm::{Options, process, writer};

const TEXT: &[u8] = include_bytes!("data/article.txt");
const HTML: &[u8] = include_bytes!("data/article.html");

fn main() {
    divan::main();
}

fn doc(bytes: &[u8]) -> Document {
    reader::from_bytes("bench".to_string(), bytes, Vec::new()).expect("bench input decodes")
}

#[divan::bench(args = ["text", "html"])]
fn read(bencher: Bencher, kind: &str) {
    let bytes = if kind == "text" { TEXT } else { HTML };
    bencher
        .counter(divan::counter::BytesCount::new(bytes.len()))
        .bench(|| reader::from_bytes("bench".to_string(), black_box(bytes), Vec::new()));
}

#[divan::bench(args = ["text", "html"])]
fn clean(bencher: Bencher, kind: &str) {
    let d = doc(if kind == "text" { TEXT } else { HTML });
    let rules = Rules::default();
    bencher.bench(|| cleaner::clean(black_box(&d), &rules));
}

#[divan::bench]
fn extract_headline_and_date(bencher: Bencher) {
    let clean = cleaner::clean(&doc(TEXT), &Rules::default());
    bencher.bench(|| (headline::extract(black_box(&clean)), date::extract(black_box(&clean))));
}

#[divan::bench]
fn extract_people(bencher: Bencher) {
    let body = cleaner::clean(&doc(TEXT), &Rules::default()).body();
    bencher.bench(|| people::extract(black_box(&body)));
}

#[divan::bench]
fn extract_places(bencher: Bencher) {
    let body = cleaner::clean(&doc(TEXT), &Rules::default()).body();
    bencher.bench(|| places::extract(black_box(&body)));
}

#[divan::bench]
fn extract_quotes(bencher: Bencher) {
    let body = cleaner::clean(&doc(TEXT), &Rules::default()).body();
    let persons = people::extract(&body);
    bencher.bench(|| quotes::extract(black_box(&body), black_box(&persons)));
}

#[divan::bench(args = ["text", "html"])]
fn whole_pipeline(bencher: Bencher, kind: &str) {
    let bytes = if kind == "text" { TEXT } else { HTML };
    let options = Options::default();
    bencher
        .counter(divan::counter::BytesCount::new(bytes.len()))
        .bench(|| process(doc(black_box(bytes)), &options));
}

#[divan::bench]
fn write_json_line(bencher: Bencher) {
    let record = process(doc(TEXT), &Options::default());
    let mut out = Vec::with_capacity(16 * 1024);
    bencher.bench_local(|| {
        out.clear();
        writer::write_record(&mut out, black_box(&record), false)
    });
}

/// The floor for HTML: html5ever building the cleaner's compact DOM,
/// nothing else.
#[divan::bench]
fn html5ever_parse_floor(bencher: Bencher) {
    let html = std::str::from_utf8(HTML).expect("bench HTML is UTF-8");
    bencher
        .counter(divan::counter::BytesCount::new(html.len()))
        .bench(|| newsnorm::cleaner::html::parse_only(black_box(html)));
}

/// The same parse into scraper's general DOM (what the cleaner used
/// before), for comparison.
#[divan::bench]
fn html5ever_parse_scraper_dom(bencher: Bencher) {
    let html = std::str::from_utf8(HTML).expect("bench HTML is UTF-8");
    bencher
        .counter(divan::counter::BytesCount::new(html.len()))
        .bench(|| scraper::Html::parse_document(black_box(html)));
}

/// Chrome phrase test on every line of the text article (the phrase
/// matchers switch from their prebuilt DFAs to compiled regexes after the
/// first few tens of KB, so this measures the regexes).
#[divan::bench]
fn chrome_phrases(bencher: Bencher) {
    use newsnorm::cleaner::text::lexicon;
    let text = std::str::from_utf8(TEXT).expect("bench text is UTF-8");
    let lines: Vec<(&str, usize)> = text.lines().map(|l| (l, l.split_whitespace().count())).collect();
    bencher.counter(divan::counter::BytesCount::new(text.len())).bench(|| {
        lines
            .iter()
            .filter(|(l, w)| lexicon::chrome_reason(black_box(l), *w).is_some())
            .count()
    });
}

/// Start-up cost of one chrome phrase matcher: loading its prebuilt DFA
/// against compiling the same pattern with `Regex::new`.
#[divan::bench(args = ["prebuilt", "regex"])]
fn phrase_matcher_build(bencher: Bencher, how: &str) {
    use newsnorm::prebuilt::Matcher;
    // The longest pattern that has a prebuilt DFA.
    let pattern = newsnorm::prebuilt::patterns()
        .max_by_key(|p| p.len())
        .expect("prebuilt DFAs");
    bencher.bench(|| {
        if how == "prebuilt" {
            Matcher::new(black_box(pattern))
                .map(|m| m.is_prebuilt())
                .unwrap_or(false)
        } else {
            regex::Regex::new(black_box(pattern)).is_ok()
        }
    });
}
