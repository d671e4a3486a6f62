mod cli;

use anyhow::{Context, Result};
use clap::Parser;
use cli::{CheckArgs, Cli, Command, CommonArgs, RunArgs};
use newsnorm::check::{self, Mode, Outcome, Summary};
use newsnorm::cleaner::Rules;
use newsnorm::ordered::{self, Panicked};
use newsnorm::reader::{self, Input, WalkError, WalkOptions};
use newsnorm::{Options, process, writer};
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    install_panic_hook();
    let cli = Cli::parse();
    let result = match cli.command {
        None => run(cli.run),
        Some(Command::Check(args)) => run_check(args),
        Some(Command::Schema) => print_schema(),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        // The reader went away (`newsnorm dir/ | head`): stop quietly, as
        // other Unix filters do.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            report(format_args!("newsnorm: {err:#}"));
            ExitCode::from(1)
        }
    }
}

/// A panic on a worker thread is caught and reported as that file's error
/// line, so the default hook's backtrace noise is kept for other threads.
fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let on_worker = std::thread::current()
            .name()
            .is_some_and(|n| n.starts_with(ordered::WORKER_NAME));
        if !on_worker {
            default(info);
        }
    }));
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// One diagnostic line on stderr. `eprintln!` panics if stderr is closed;
/// diagnostics must never turn into a crash.
fn report(line: std::fmt::Arguments) {
    let _ = writeln!(io::stderr().lock(), "{line}");
}

fn threads(common: &CommonArgs) -> usize {
    match common.jobs {
        Some(n) => usize::from(n),
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    }
}

fn pipeline_options(common: &CommonArgs, explain: bool) -> Result<Options> {
    let rules = match &common.rules {
        Some(path) => Rules::load(path)?,
        None => Rules::default(),
    };
    Ok(Options {
        explain,
        rules,
        names: common.names.into(),
    })
}

/// What a worker hands back for one input: the serialized record (or the
/// reason it failed) plus warnings, named as walked.
struct Done {
    name: String,
    result: Result<Vec<u8>, String>,
    warnings: Vec<String>,
}

/// Counter shown on stderr once more than a handful of files are done, only
/// when stderr is a terminal and records are not going to that terminal.
struct Progress {
    enabled: bool,
    done: u64,
    bar: Option<indicatif::ProgressBar>,
}

/// "More than a handful": below this, a bar would only flash.
const PROGRESS_AFTER: u64 = 8;

impl Progress {
    fn new(enabled: bool) -> Self {
        Self {
            enabled,
            done: 0,
            bar: None,
        }
    }

    fn tick(&mut self) {
        self.done += 1;
        if let Some(bar) = &self.bar {
            bar.inc(1);
        } else if self.enabled && self.done > PROGRESS_AFTER {
            let bar = indicatif::ProgressBar::new_spinner();
            if let Ok(style) = indicatif::ProgressStyle::with_template("{spinner} {human_pos} articles [{elapsed}]") {
                bar.set_style(style);
            }
            bar.set_position(self.done);
            self.bar = Some(bar);
        }
    }

    /// Print a line on stderr without tearing the bar.
    fn report(&self, line: std::fmt::Arguments) {
        match &self.bar {
            Some(bar) => bar.suspend(|| report(line)),
            None => report(line),
        }
    }

    fn finish(self) {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
    }
}

/// The main job. Returns Ok(true) if every input succeeded.
fn run(args: RunArgs) -> Result<bool> {
    let options = pipeline_options(&args.common, args.explain)?;
    let max_bytes = args.common.max_size;
    let mut paths = args.paths;
    if paths.is_empty() {
        if io::stdin().is_terminal() {
            // Exit 2 like any other usage error.
            let mut cmd = <Cli as clap::CommandFactory>::command();
            cmd.error(
                clap::error::ErrorKind::MissingRequiredArgument,
                "no input: give files or directories, or pipe an article to stdin",
            )
            .exit();
        }
        paths.push(PathBuf::from("-"));
    }
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(io::BufWriter::new(
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
        )),
        None => Box::new(io::BufWriter::with_capacity(64 * 1024, io::stdout().lock())),
    };
    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    let mut progress = Progress::new(!args.no_progress && io::stderr().is_terminal() && !to_terminal);
    let walk_options = WalkOptions {
        hidden: args.common.hidden,
        follow_links: true,
    };
    let pretty = args.pretty;
    let work = |input: Result<Input, WalkError>| -> Done {
        let (name, doc) = match input {
            Ok(Input::Stdin) => ("-".to_string(), reader::read_stream("-", io::stdin().lock(), max_bytes)),
            Ok(Input::File(path)) => (path.to_string_lossy().into_owned(), reader::read_file(&path, max_bytes)),
            Err(err) => {
                return Done {
                    name: err.path.to_string_lossy().into_owned(),
                    result: Err(err.message),
                    warnings: Vec::new(),
                };
            }
        };
        let doc = doc.map_err(|e| e.to_string());
        // A bug in a stage must cost one file, not the run.
        let record = doc.and_then(|doc| {
            ordered::catch(|| process(doc, &options))
                .map_err(|Panicked(msg)| format!("internal error (please report): {msg}"))
        });
        match record {
            Ok(record) => {
                let mut line = Vec::with_capacity(record.body.len() * 2 + 512);
                let result = writer::write_record(&mut line, &record, pretty)
                    .map(|()| line)
                    .map_err(|e| e.to_string());
                Done {
                    name,
                    result,
                    warnings: record.warnings,
                }
            }
            Err(err) => Done {
                name,
                result: Err(err),
                warnings: Vec::new(),
            },
        }
    };
    let mut all_ok = true;
    let quiet = args.quiet;
    let sink = |done: Result<Done, Panicked>| -> io::Result<()> {
        progress.tick();
        match done {
            Ok(Done {
                name,
                result: Ok(line),
                warnings,
            }) => {
                out.write_all(&line)?;
                if !quiet {
                    for warning in warnings {
                        progress.report(format_args!("newsnorm: warning: {name}: {warning}"));
                    }
                }
            }
            Ok(Done {
                name, result: Err(err), ..
            }) => {
                all_ok = false;
                progress.report(format_args!("newsnorm: {name}: {err}"));
            }
            Err(Panicked(msg)) => {
                all_ok = false;
                progress.report(format_args!("newsnorm: internal error (please report): {msg}"));
            }
        }
        Ok(())
    };
    // `newsnorm . -o out.jsonl` must not read its own, half-written output.
    let own_output = args.output.as_deref().and_then(|p| p.canonicalize().ok());
    let inputs = reader::walk(&paths, walk_options).filter(|input| match (input, &own_output) {
        (Ok(Input::File(path)), Some(own)) => !is_same_file(path, own),
        _ => true,
    });
    let result = ordered::map_ordered(threads(&args.common), inputs, work, sink);
    progress.finish();
    result?;
    out.flush()?;
    Ok(all_ok)
}

/// Cheap name test first, so only a file named like the output costs a
/// `canonicalize`.
fn is_same_file(path: &Path, canonical: &Path) -> bool {
    path.file_name() == canonical.file_name() && path.canonicalize().is_ok_and(|p| p == canonical)
}

/// `newsnorm check`. Returns Ok(true) if every checked file matched.
fn run_check(args: CheckArgs) -> Result<bool> {
    let options = pipeline_options(&args.common, false)?;
    let max_bytes = args.common.max_size;
    let walk_options = WalkOptions {
        hidden: args.common.hidden,
        follow_links: true,
    };
    let explicit: Vec<&Path> = args.paths.iter().map(PathBuf::as_path).collect();
    let ignore = &args.ignore;
    let update = args.update;
    let work = |input: Result<Input, WalkError>| -> (String, Outcome) {
        match input {
            Ok(Input::File(path)) => {
                let mode = if update {
                    let article = path
                        .extension()
                        .and_then(|e| e.to_str())
                        .is_some_and(|e| check::ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
                    Mode::Update {
                        create: article || explicit.contains(&path.as_path()),
                    }
                } else {
                    Mode::Check
                };
                let outcome = ordered::catch(|| check::check_file(&path, &options, max_bytes, ignore, mode))
                    .unwrap_or_else(|Panicked(msg)| Outcome::Failed(format!("internal error (please report): {msg}")));
                (path.to_string_lossy().into_owned(), outcome)
            }
            Ok(Input::Stdin) => (
                "-".to_string(),
                Outcome::Failed("check needs files: stdin has no .expected.json beside it".to_string()),
            ),
            Err(err) => (err.path.to_string_lossy().into_owned(), Outcome::Failed(err.message)),
        }
    };
    let mut summary = Summary::default();
    let stdout = io::stdout();
    let sink = |done: Result<(String, Outcome), Panicked>| -> io::Result<()> {
        let (name, outcome) = match done {
            Ok(done) => done,
            Err(Panicked(msg)) => (
                "(unknown)".to_string(),
                Outcome::Failed(format!("internal error (please report): {msg}")),
            ),
        };
        summary.add(&outcome);
        let mut out = stdout.lock();
        match &outcome {
            Outcome::Mismatch(diffs) => write!(out, "FAIL {name}\n{}", check::render(diffs))?,
            Outcome::Created => writeln!(out, "created {}", check::sidecar_path(Path::new(&name)).display())?,
            Outcome::Updated => writeln!(out, "updated {}", check::sidecar_path(Path::new(&name)).display())?,
            Outcome::Failed(err) => report(format_args!("newsnorm: {name}: {err}")),
            Outcome::Pass | Outcome::NoExpectation => {}
        }
        Ok(())
    };
    ordered::map_ordered(
        threads(&args.common),
        reader::walk(&args.paths, walk_options),
        work,
        sink,
    )?;
    let mut out = stdout.lock();
    writeln!(out, "{}", summary.line(update))?;
    out.flush()?;
    Ok(summary.ok())
}

fn print_schema() -> Result<bool> {
    let mut out = io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &newsnorm::schema::record_schema())?;
    writeln!(out)?;
    out.flush()?;
    Ok(true)
}
