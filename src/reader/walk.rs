//! Streaming, deterministic walk over the input paths.
//!
//! Directories are read lazily (walkdir) and sorted by file name, so output
//! order never depends on the file system or the number of threads, and no
//! list of all paths is ever built.

use std::path::{Path, PathBuf};
use walkdir::WalkDir;

#[derive(Debug, Clone, Copy)]
pub struct WalkOptions {
    /// Include hidden files and directories (names starting with '.').
    pub hidden: bool,
    /// Follow symbolic links (loops are detected and reported as errors).
    pub follow_links: bool,
}

impl Default for WalkOptions {
    fn default() -> Self {
        Self {
            hidden: false,
            follow_links: true,
        }
    }
}

/// One input to process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// `-`: one article from standard input.
    Stdin,
    File(PathBuf),
}

/// A path that could not be walked (missing, unreadable directory, loop).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkError {
    pub path: PathBuf,
    pub message: String,
}

/// Suffix of `check` sidecar files; skipped when walking directories.
pub const SIDECAR_SUFFIX: &str = ".expected.json";

/// Every input under `paths`, lazily, in the order given and sorted by name
/// within each directory.
///
/// Explicitly named files are always yielded (hidden, sidecar or special
/// file alike). Inside directories, hidden entries (unless
/// [`WalkOptions::hidden`]), `*.expected.json` sidecars and special files
/// (FIFOs, sockets, devices, which could block or never end) are skipped.
/// Errors are yielded in place so they are reported in walk order.
pub fn walk(paths: &[PathBuf], options: WalkOptions) -> impl Iterator<Item = Result<Input, WalkError>> + '_ {
    paths
        .iter()
        .flat_map(move |root| -> Box<dyn Iterator<Item = Result<Input, WalkError>>> {
            if root.as_os_str() == "-" {
                return Box::new(std::iter::once(Ok(Input::Stdin)));
            }
            let entries = WalkDir::new(root)
                .follow_links(options.follow_links)
                .follow_root_links(true)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(move |e| options.hidden || e.depth() == 0 || !is_hidden(e.file_name()))
                .filter_map(move |entry| match entry {
                    Ok(e) if e.file_type().is_dir() => None,
                    Ok(e) if e.depth() == 0 => Some(Ok(Input::File(e.into_path()))),
                    Ok(e) if is_sidecar(e.file_name()) => None,
                    Ok(e) if !e.file_type().is_file() && !e.file_type().is_symlink() => None,
                    Ok(e) => Some(Ok(Input::File(e.into_path()))),
                    Err(err) => Some(Err(walk_error(root, &err))),
                });
            Box::new(entries)
        })
}

fn walk_error(root: &Path, err: &walkdir::Error) -> WalkError {
    let path = err.path().map_or_else(|| root.to_path_buf(), Path::to_path_buf);
    let message = if let Some(ancestor) = err.loop_ancestor() {
        format!("symbolic link loop (leads back to {})", ancestor.display())
    } else if let Some(io) = err.io_error() {
        let dangling = io.kind() == std::io::ErrorKind::NotFound
            && std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
        if dangling {
            "broken symbolic link (target does not exist)".to_string()
        } else {
            io.to_string()
        }
    } else {
        err.to_string()
    };
    WalkError { path, message }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.') && name != "." && name != ".."
}

/// `*.expected.json`, compared on bytes so non-UTF-8 names work too.
pub fn is_sidecar(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().ends_with(SIDECAR_SUFFIX.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn files(paths: &[PathBuf], options: WalkOptions) -> Vec<String> {
        walk(paths, options)
            .map(|r| match r {
                Ok(Input::File(p)) => p.file_name().unwrap().to_string_lossy().into_owned(),
                Ok(Input::Stdin) => "-".to_string(),
                Err(e) => format!("ERR {}", e.message),
            })
            .collect()
    }

    #[test]
    fn sorted_skips_hidden_and_sidecars() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.txt", "a.txt", ".hidden.txt", "a.expected.json", "c.html"] {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        fs::create_dir(dir.path().join(".git")).unwrap();
        fs::write(dir.path().join(".git/x.txt"), "x").unwrap();
        let root = vec![dir.path().to_path_buf()];
        assert_eq!(files(&root, WalkOptions::default()), ["a.txt", "b.txt", "c.html"]);
        let hidden = WalkOptions {
            hidden: true,
            ..Default::default()
        };
        // Sorted by name: `.git` (and its x.txt) before `.hidden.txt`.
        assert_eq!(
            files(&root, hidden),
            ["x.txt", ".hidden.txt", "a.txt", "b.txt", "c.html"]
        );
    }

    #[test]
    fn explicit_files_and_stdin_are_kept_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let hidden = dir.path().join(".h.txt");
        fs::write(&hidden, "x").unwrap();
        let paths = vec![hidden, PathBuf::from("-")];
        assert_eq!(files(&paths, WalkOptions::default()), [".h.txt", "-"]);
    }

    #[test]
    fn missing_path_is_an_error_in_place() {
        let paths = vec![PathBuf::from("/definitely/not/here")];
        let got = files(&paths, WalkOptions::default());
        assert_eq!(got.len(), 1);
        assert!(got[0].starts_with("ERR No such file"), "{got:?}");
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_are_reported_and_linked_dirs_walked() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        fs::create_dir(&real).unwrap();
        fs::write(real.join("a.txt"), "x").unwrap();
        std::os::unix::fs::symlink(&real, dir.path().join("link")).unwrap();
        std::os::unix::fs::symlink(dir.path(), real.join("loop")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("nowhere"), dir.path().join("dangling")).unwrap();
        let got = files(&[dir.path().to_path_buf()], WalkOptions::default());
        assert!(got[0].starts_with("ERR broken symbolic link"), "{got:?}");
        assert_eq!(got[1], "a.txt");
        assert!(got[2].starts_with("ERR symbolic link loop"), "{got:?}");
        assert_eq!(got[3], "a.txt");
        assert!(got[4].starts_with("ERR symbolic link loop"), "{got:?}");
        assert_eq!(got.len(), 5);
    }

    #[cfg(unix)]
    #[test]
    fn special_files_inside_directories_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.txt"), "x").unwrap();
        let status = std::process::Command::new("mkfifo")
            .arg(dir.path().join("pipe"))
            .status();
        if status.is_ok_and(|s| s.success()) {
            assert_eq!(files(&[dir.path().to_path_buf()], WalkOptions::default()), ["a.txt"]);
        }
    }
}
