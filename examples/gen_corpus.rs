//! Deterministic benchmark corpus from our own articles (used by
//! scripts/bench.sh):
//!
//!     cargo run --release --example gen_corpus -- OUT_DIR COUNT [text|html|both] [--flat] [--grow K] [--seed N]
//!
//! Templates are fixtures/**/*.{txt,html} plus benches/data/*. Each output
//! file is a template whose body paragraphs are varied: some dropped, some
//! borrowed from other templates, digits changed; `--grow K` repeats the body
//! K times (to measure cost against length). Files go into sub-directories
//! of 1000 unless `--flat`. The same arguments always give the same bytes.

use std::path::{Path, PathBuf};

/// xorshift64*: tiny, deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

fn templates(root: &Path, ext: &str, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(root) else { return };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            templates(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext)
            && let Ok(text) = std::fs::read_to_string(&path)
        {
            out.push(text);
        }
    }
}

/// Body-like paragraphs of a text template (long lines).
fn paragraphs(text: &str) -> Vec<&str> {
    text.split('\n').filter(|l| l.len() > 120).collect()
}

fn vary_digits(text: &str, rng: &mut Rng) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_digit() && rng.chance(30) {
                char::from(b'0' + rng.below(10) as u8)
            } else {
                c
            }
        })
        .collect()
}

fn make_text(template: &str, pool: &[&str], grow: usize, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(template.len() * grow + 1024);
    let lines: Vec<&str> = template.split('\n').collect();
    let body_lines: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].len() > 120).collect();
    let (first, last) = match (body_lines.first(), body_lines.last()) {
        (Some(&f), Some(&l)) => (f, l),
        _ => (lines.len(), lines.len()),
    };
    for line in &lines[..first] {
        out.push_str(line);
        out.push('\n');
    }
    for _ in 0..grow {
        for line in &lines[first..=last.min(lines.len().saturating_sub(1))] {
            if line.len() > 120 && rng.chance(15) {
                continue;
            }
            out.push_str(&vary_digits(line, rng));
            out.push('\n');
            if line.len() > 120 && rng.chance(20) && !pool.is_empty() {
                out.push('\n');
                out.push_str(pool[rng.below(pool.len())]);
                out.push('\n');
            }
        }
    }
    for line in lines.get(last + 1..).unwrap_or_default() {
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn make_html(template: &str, pool: &[&str], grow: usize, rng: &mut Rng) -> String {
    let mut extra = String::new();
    for _ in 0..(grow - 1) * 12 + rng.below(6) {
        if !pool.is_empty() {
            extra.push_str("<p>");
            extra.push_str(
                &vary_digits(pool[rng.below(pool.len())], rng)
                    .replace('&', "&amp;")
                    .replace('<', "&lt;"),
            );
            extra.push_str("</p>\n");
        }
    }
    let at = ["</article>", "</main>", "</body>"]
        .iter()
        .find_map(|tag| template.rfind(tag))
        .unwrap_or(template.len());
    format!("{}{}{}", vary_digits(&template[..at], rng), extra, &template[at..])
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let positional: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let flag_value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse::<u64>().ok())
    };
    let (Some(out_dir), Some(count)) = (
        positional.first(),
        positional.get(1).and_then(|c| c.parse::<usize>().ok()),
    ) else {
        eprintln!("usage: gen_corpus OUT_DIR COUNT [text|html|both] [--flat] [--grow K] [--seed N]");
        std::process::exit(2);
    };
    let kind = positional.get(2).map_or("both", |s| s.as_str());
    let flat = args.iter().any(|a| a == "--flat");
    let grow = flag_value("--grow").unwrap_or(1).max(1) as usize;
    let seed_values: Vec<&String> = args.iter().skip_while(|a| *a != "--seed").skip(1).take(1).collect();
    let mut rng = Rng(seed_values
        .first()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9E37_79B9_7F4A_7C15)
        | 1);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (mut texts, mut htmls) = (Vec::new(), Vec::new());
    for dir in ["fixtures", "benches/data"] {
        templates(&root.join(dir), "txt", &mut texts);
        templates(&root.join(dir), "html", &mut htmls);
    }
    let pool: Vec<&str> = texts.iter().flat_map(|t| paragraphs(t)).collect();
    let out_dir = Path::new(out_dir.as_str());
    let mut bytes = 0usize;
    for i in 0..count {
        let html = match kind {
            "text" => false,
            "html" => true,
            _ => i % 2 == 1,
        };
        let (content, ext) = if html {
            (make_html(&htmls[rng.below(htmls.len())], &pool, grow, &mut rng), "html")
        } else {
            (make_text(&texts[rng.below(texts.len())], &pool, grow, &mut rng), "txt")
        };
        let dir = if flat {
            out_dir.to_path_buf()
        } else {
            out_dir.join(format!("{:04}", i / 1000))
        };
        if i % 1000 == 0 || i == 0 {
            std::fs::create_dir_all(&dir).expect("create output directory");
        }
        bytes += content.len();
        std::fs::write(dir.join(format!("{i:07}.{ext}")), content).expect("write corpus file");
    }
    println!("{count} files, {bytes} bytes in {}", out_dir.display());
}
