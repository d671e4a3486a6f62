//! Command-line definition (clap derive).

use clap::Parser;
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  newsnorm scraped/ | jq -r .headline         every article's headline
  newsnorm page.html --pretty                 one record, indented
  curl -s URL | newsnorm -                     one article from stdin
  newsnorm -j 2 -o out.jsonl scraped/          two threads, output to a file
  newsnorm scraped/ > out.jsonl || echo failed exit code 1 if any file failed (CI)

Exit codes: 0 all files processed, 1 some file failed (others still written),
2 usage error.";

/// Normalize scraped news pages (plain text or HTML) into one clean JSON
/// record per article: headline, date, people, places, quotes and body.
#[derive(Debug, Parser)]
#[command(name = "newsnorm", version, about, after_help = EXAMPLES)]
pub struct Cli {
    /// Files or directories (walked recursively, sorted). `-` or nothing with
    /// piped stdin reads one article from stdin.
    pub paths: Vec<PathBuf>,

    /// Write records to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Indent each record for humans (not JSON Lines).
    #[arg(long)]
    pub pretty: bool,

    /// Worker threads (default: all cores).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,

    /// Include hidden files and directories.
    #[arg(long)]
    pub hidden: bool,

    /// Skip files larger than this many bytes (per-file error).
    #[arg(long, value_name = "BYTES", default_value_t = newsnorm::reader::DEFAULT_MAX_BYTES)]
    pub max_size: u64,

    /// Add `removed` to each record: the dropped blocks with a reason code.
    #[arg(long)]
    pub explain: bool,

    /// Extra chrome rules, one phrase or `re:REGEX` per line.
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,

    /// Never show a progress bar.
    #[arg(long)]
    pub no_progress: bool,
}
