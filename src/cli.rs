//! Command-line definition (clap derive).
//!
//! `newsnorm [OPTIONS] [PATH]...` is the main job; `check` and `schema` are
//! optional subcommands. `args_conflicts_with_subcommands` makes the first
//! word decide: a subcommand name only counts before any path or option, so
//! `newsnorm fixtures/` and `newsnorm check fixtures/` both work (a file
//! literally named `check` is `./check`).

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  newsnorm scraped/ | jq -r .headline          every article's headline
  newsnorm page.html --pretty                  one record, indented
  curl -s URL | newsnorm -                     one article from stdin
  newsnorm -j 2 -o out.jsonl scraped/          two threads, output to a file
  newsnorm scraped/ > out.jsonl || echo failed  exit code 1 if any file failed (CI)
  newsnorm check fixtures/                      compare with *.expected.json (CI)
  newsnorm schema > record.schema.json          JSON Schema of the record

Files named *.expected.json are `check` sidecars and are skipped when walking
directories. Hidden files are skipped unless --hidden. Symbolic links are
followed; loops are reported.

Exit codes: 0 all files processed, 1 some file failed (others still written),
2 usage error.";

/// Normalize scraped news pages (plain text or HTML) into one clean JSON
/// record per article: headline, date, people, places, quotes and body.
#[derive(Debug, Parser)]
#[command(name = "newsnorm", version, about, after_help = EXAMPLES, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub run: RunArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare each input's record with its `NAME.expected.json` sidecar.
    ///
    /// Prints a diff per mismatching file (field path, expected, got) and a
    /// summary; exits 1 on any mismatch or failed file.
    #[command(after_help = CHECK_EXAMPLES)]
    Check(CheckArgs),
    /// Print the JSON Schema of the output record.
    Schema,
}

const CHECK_EXAMPLES: &str = "\
Examples:
  newsnorm check fixtures/                    fail (exit 1) on any difference
  newsnorm check fixtures/ --ignore body      pin everything but the body
  newsnorm check fixtures/ --ignore people.role
  newsnorm check --update fixtures/           accept the current output

The sidecar of `a.txt` is `a.expected.json` (same directory, extension
replaced). Inputs without a sidecar are skipped and counted; --update creates
sidecars for .txt/.text/.html/.htm/.xhtml files and rewrites existing ones.
`source` is stored as the file name, so expectations do not depend on the
directory you run from.";

/// Options shared by the main job and `check`.
#[derive(Debug, Args)]
pub struct CommonArgs {
    /// Worker threads (default: all cores).
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// Include hidden files and directories.
    #[arg(long)]
    pub hidden: bool,

    /// Refuse files larger than this many bytes (per-file error).
    #[arg(long, value_name = "BYTES", default_value_t = newsnorm::reader::DEFAULT_MAX_BYTES)]
    pub max_size: u64,

    /// Extra chrome rules, one phrase or `re:REGEX` per line.
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,

    /// How people and places are named: `canonical` gives one entry per
    /// person (fullest name) and place ("United States" for "U.S."),
    /// `as-written` one entry per distinct form in the text.
    #[arg(long, value_enum, value_name = "HOW", default_value_t = NameStyle::Canonical)]
    pub names: NameStyle,
}

/// `--names` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum NameStyle {
    Canonical,
    AsWritten,
}

impl From<NameStyle> for newsnorm::extract::ner::Names {
    fn from(style: NameStyle) -> Self {
        match style {
            NameStyle::Canonical => Self::Canonical,
            NameStyle::AsWritten => Self::AsWritten,
        }
    }
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Files or directories (walked recursively, sorted). `-` or nothing with
    /// piped stdin reads one article from stdin.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Write records to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Indent each record for humans (not JSON Lines).
    #[arg(long)]
    pub pretty: bool,

    /// Add `removed` to each record: the dropped blocks with a reason code.
    #[arg(long)]
    pub explain: bool,

    /// Never show a progress bar.
    #[arg(long)]
    pub no_progress: bool,

    /// Do not print per-file warnings on stderr (errors are still printed).
    #[arg(short, long)]
    pub quiet: bool,

    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories holding inputs and their `.expected.json` sidecars.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Write the current output as the new expectation.
    #[arg(long)]
    pub update: bool,

    /// Field path not to compare (`body`, `people.role`); repeatable.
    #[arg(long, value_name = "FIELD")]
    pub ignore: Vec<String>,

    #[command(flatten)]
    pub common: CommonArgs,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn paths_without_subcommand_run_the_main_job() {
        let cli = Cli::try_parse_from(["newsnorm", "-j", "2", "a", "b"]).unwrap();
        assert!(cli.command.is_none());
        assert_eq!(cli.run.paths, [PathBuf::from("a"), PathBuf::from("b")]);
        assert_eq!(cli.run.common.jobs, Some(2));
    }

    #[test]
    fn subcommand_is_recognised_only_first() {
        let cli = Cli::try_parse_from(["newsnorm", "check", "--ignore", "body", "fixtures"]).unwrap();
        match cli.command {
            Some(Command::Check(args)) => {
                assert_eq!(args.paths, [PathBuf::from("fixtures")]);
                assert_eq!(args.ignore, ["body"]);
            }
            other => panic!("{other:?}"),
        }
        // After a path, `check` is just another path.
        let cli = Cli::try_parse_from(["newsnorm", "a.txt", "check"]).unwrap();
        assert!(cli.command.is_none());
        assert_eq!(cli.run.paths.len(), 2);
    }

    #[test]
    fn bad_usage_is_rejected() {
        assert!(Cli::try_parse_from(["newsnorm", "-j", "0", "a"]).is_err());
        assert!(Cli::try_parse_from(["newsnorm", "check"]).is_err());
        assert!(Cli::try_parse_from(["newsnorm", "--no-such-flag"]).is_err());
    }
}
