//! Streaming, deterministic walk over the input paths.

use std::path::PathBuf;
use walkdir::WalkDir;

#[derive(Debug, Clone, Copy, Default)]
pub struct WalkOptions {
    /// Include hidden files and directories (names starting with '.').
    pub hidden: bool,
    /// Follow symbolic links (loops are detected and reported).
    pub follow_links: bool,
}

/// Every file under `paths`, in sorted order within each directory, lazily.
/// Explicitly named files are always yielded, hidden or not. Errors (missing
/// paths, unreadable directories, symlink loops) are yielded in place.
pub fn walk(paths: &[PathBuf], options: WalkOptions) -> impl Iterator<Item = Result<PathBuf, (PathBuf, String)>> + '_ {
    paths.iter().flat_map(move |root| {
        WalkDir::new(root)
            .follow_links(options.follow_links)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(move |e| options.hidden || e.depth() == 0 || !is_hidden(e.file_name()))
            .filter_map(move |entry| match entry {
                Ok(e) if e.file_type().is_dir() => None,
                Ok(e) => Some(Ok(e.into_path())),
                Err(err) => {
                    let path = err.path().map(PathBuf::from).unwrap_or_else(|| root.clone());
                    let msg = match err.io_error() {
                        Some(io) => io.to_string(),
                        None => err.to_string(),
                    };
                    Some(Err((path, msg)))
                }
            })
    })
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str()
        .is_some_and(|s| s.starts_with('.') && s != "." && s != "..")
}
