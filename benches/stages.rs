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

/// The floor for HTML: html5ever building the DOM (via scraper), nothing else.
#[divan::bench]
fn html5ever_parse_floor(bencher: Bencher) {
    let html = std::str::from_utf8(HTML).expect("bench HTML is UTF-8");
    bencher
        .counter(divan::counter::BytesCount::new(html.len()))
        .bench(|| scraper::Html::parse_document(black_box(html)));
}
