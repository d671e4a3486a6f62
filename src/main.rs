mod cli;

use anyhow::{Context, Result};
use clap::Parser;
use cli::Cli;
use newsnorm::cleaner::Rules;
use newsnorm::reader::{self, Document, ReadError, WalkOptions};
use newsnorm::{Options, Record, process, writer};
use rayon::prelude::*;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("newsnorm: {err:#}");
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Files processed per parallel batch: bounds memory while keeping output
/// in walk order.
const BATCH: usize = 256;

/// Returns Ok(true) if every input succeeded.
fn run(cli: Cli) -> Result<bool> {
    let rules = match &cli.rules {
        Some(path) => Rules::load(path)?,
        None => Rules::default(),
    };
    let options = Options {
        explain: cli.explain,
        rules,
    };
    if let Some(n) = cli.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .context("starting worker threads")?;
    }
    let mut out: Box<dyn Write> = match &cli.output {
        Some(path) => Box::new(io::BufWriter::new(
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
        )),
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
    };

    let stdin_only = cli.paths.is_empty() || cli.paths.iter().all(|p| p == Path::new("-"));
    if stdin_only {
        if cli.paths.is_empty() && io::stdin().is_terminal() {
            anyhow::bail!("no input: give files or directories, or pipe an article to stdin (see --help)");
        }
        let doc = reader::read_stream("-", io::stdin().lock(), cli.max_size);
        let ok = emit(&mut out, "-", doc.map(|d| process(d, &options)), cli.pretty)?;
        out.flush()?;
        return Ok(ok);
    }

    let paths: Vec<PathBuf> = cli.paths.iter().filter(|p| *p != Path::new("-")).cloned().collect();
    let walk_options = WalkOptions {
        hidden: cli.hidden,
        follow_links: false,
    };
    let mut walker = reader::walk(&paths, walk_options);
    let show_progress = !cli.no_progress && io::stderr().is_terminal();
    let progress = show_progress.then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_message("articles");
        bar
    });
    let mut all_ok = true;
    loop {
        let batch: Vec<_> = walker.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            break;
        }
        let results: Vec<(String, Result<Record, String>)> = batch
            .into_par_iter()
            .map(|entry| match entry {
                Ok(path) => {
                    let name = path.to_string_lossy().into_owned();
                    let record = reader::read_file(&path, cli.max_size).map(|d: Document| process(d, &options));
                    (name, record.map_err(|e: ReadError| e.to_string()))
                }
                Err((path, msg)) => (path.to_string_lossy().into_owned(), Err(msg)),
            })
            .collect();
        for (name, result) in results {
            all_ok &= emit(&mut out, &name, result, cli.pretty)?;
            if let Some(bar) = &progress {
                bar.inc(1);
            }
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    out.flush()?;
    Ok(all_ok)
}

/// Write a record, or report the file's error on stderr. Ok(false) on error.
fn emit<E: std::fmt::Display>(
    out: &mut dyn Write,
    name: &str,
    result: Result<Record, E>,
    pretty: bool,
) -> Result<bool> {
    match result {
        Ok(record) => {
            writer::write_record(out, &record, pretty)?;
            Ok(true)
        }
        Err(err) => {
            eprintln!("newsnorm: {name}: {err}");
            Ok(false)
        }
    }
}
