//! Streaming, deterministic walk over the input paths.
//!
//! Each directory's entries are yielded sorted by name (byte order), so
//! output order never depends on the file system or the number of threads.
//! Only the directories on the current path are held in memory, and of each
//! only a window of its smallest names not yet yielded ([`WINDOW`] entries,
//! as one buffer of NUL-separated names plus 4 bytes an entry): a folder of
//! 100,000 files costs about 130 KB of names, not the 1.6 MB its whole sorted
//! listing would (or the ~17 MB a list of `walkdir` entries took). A larger
//! directory is read once more for each further window. No list of all paths
//! is ever built.

use std::ffi::OsStr;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

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
    walk_windowed(paths, options, WINDOW)
}

fn walk_windowed(
    paths: &[PathBuf],
    options: WalkOptions,
    window: usize,
) -> impl Iterator<Item = Result<Input, WalkError>> + '_ {
    paths.iter().flat_map(move |root| Walker {
        options,
        root: Some(root.clone()),
        stack: Vec::new(),
        window: window.max(1),
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    File,
    Dir,
    Symlink,
    /// FIFO, socket, device.
    Special,
    /// The directory entry did not say; stat it.
    Unknown,
}

const KINDS: [Kind; 5] = [Kind::File, Kind::Dir, Kind::Symlink, Kind::Special, Kind::Unknown];

/// 4 bytes a directory entry (plus its name and a NUL in the frame's name
/// buffer; file names cannot contain NUL): the name's offset in the high 29
/// bits, its [`Kind`] in the low 3.
#[derive(Debug, Clone, Copy)]
struct Entry(u32);

impl Entry {
    /// Names beyond 512 MiB of one directory's buffer cannot be packed.
    const MAX_START: usize = (u32::MAX >> 3) as usize;

    fn new(start: usize, kind: Kind) -> Option<Self> {
        let code = KINDS.iter().position(|k| *k == kind)? as u32;
        (start <= Self::MAX_START).then_some(Entry(((start as u32) << 3) | code))
    }

    fn start(self) -> usize {
        (self.0 >> 3) as usize
    }

    fn kind(self) -> Kind {
        KINDS.get((self.0 & 7) as usize).copied().unwrap_or(Kind::Unknown)
    }

    /// The name's bytes, up to its NUL terminator.
    fn name(self, names: &[u8]) -> &[u8] {
        let rest = names.get(self.start()..).unwrap_or_default();
        let end = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
        &rest[..end]
    }
}

/// Identity of a directory, to detect symlink loops.
#[derive(Debug, Clone, PartialEq, Eq)]
enum DirId {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg_attr(unix, allow(dead_code))]
    Path(PathBuf),
}

fn dir_id(path: &Path, meta: &fs::Metadata) -> DirId {
    #[cfg(unix)]
    {
        let _ = path;
        use std::os::unix::fs::MetadataExt;
        DirId::Inode(meta.dev(), meta.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        DirId::Path(path.canonicalize().unwrap_or_else(|_| path.to_path_buf()))
    }
}

/// Entries one pass over a directory keeps: the smallest names after the
/// last one yielded. A directory with more is read again for the next
/// window, which keeps memory flat in the size of the directory at the cost
/// of re-reading its entries (`readdir`, no `stat`), cheap next to reading
/// the files themselves: 13 passes for 100,000 files.
const WINDOW: usize = 8192;

/// A directory larger than `WINDOW * MAX_PASSES` entries gets a window of
/// 1/`MAX_PASSES` of its entries instead, so the re-reading stays linear.
const MAX_PASSES: usize = 16;

/// One window of a directory's entries, sorted by name.
struct Listing {
    names: Vec<u8>,
    entries: Vec<Entry>,
    /// Entries that could not be read (first pass only).
    errors: Vec<WalkError>,
    /// Entries that passed the filters, in this pass.
    total: usize,
    /// Whether the directory has entries after the last one in `entries`.
    more: bool,
}

/// One open directory: its current window of sorted entries and how far
/// we are.
struct Frame {
    path: PathBuf,
    id: DirId,
    names: Vec<u8>,
    entries: Vec<Entry>,
    next: usize,
    /// Entries that could not be read, reported before the others.
    errors: Vec<WalkError>,
    /// Whether another window follows this one.
    more: bool,
    /// Entries per window after the first.
    window: usize,
}

impl Frame {
    fn name(&self, entry: Entry) -> &OsStr {
        // The bytes are a whole name from `OsStr::as_encoded_bytes`.
        os_str_from_bytes(entry.name(&self.names))
    }

    /// Reads the window after the current one.
    fn next_window(&mut self, options: WalkOptions) -> Result<(), WalkError> {
        let last = self
            .entries
            .last()
            .map(|e| e.name(&self.names).to_vec())
            .unwrap_or_default();
        let listing = read_entries(&self.path, options, Some(&last), self.window)?;
        self.names = listing.names;
        self.entries = listing.entries;
        self.more = listing.more;
        self.next = 0;
        Ok(())
    }
}

#[cfg(unix)]
fn os_str_from_bytes(bytes: &[u8]) -> &OsStr {
    use std::os::unix::ffi::OsStrExt;
    OsStr::from_bytes(bytes)
}

#[cfg(not(unix))]
fn os_str_from_bytes(bytes: &[u8]) -> &OsStr {
    // Names stored on non-Unix systems are always valid UTF-8 (see
    // `read_entries`), so this cannot fail.
    OsStr::new(std::str::from_utf8(bytes).unwrap_or_default())
}

struct Walker {
    options: WalkOptions,
    root: Option<PathBuf>,
    stack: Vec<Frame>,
    /// Entries per directory window ([`WINDOW`]; smaller in tests).
    window: usize,
}

impl Iterator for Walker {
    type Item = Result<Input, WalkError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(root) = self.root.take() {
            if root.as_os_str() == "-" {
                return Some(Ok(Input::Stdin));
            }
            match fs::metadata(&root) {
                Ok(meta) if meta.is_dir() => {
                    if let Err(err) = self.enter(root, &meta) {
                        return Some(Err(err));
                    }
                }
                Ok(_) => return Some(Ok(Input::File(root))),
                Err(err) => return Some(Err(io_error(root, &err))),
            }
        }
        loop {
            let frame = self.stack.last_mut()?;
            if let Some(err) = frame.errors.pop() {
                return Some(Err(err));
            }
            let Some(&entry) = frame.entries.get(frame.next) else {
                if frame.more {
                    if let Err(err) = frame.next_window(self.options) {
                        self.stack.pop();
                        return Some(Err(err));
                    }
                } else {
                    self.stack.pop();
                }
                continue;
            };
            frame.next += 1;
            let path = frame.path.join(frame.name(entry));
            let kind = match entry.kind() {
                Kind::Symlink if !self.options.follow_links => Kind::File,
                Kind::Symlink | Kind::Unknown => match fs::metadata(&path) {
                    Ok(meta) if meta.is_dir() => {
                        if let Err(err) = self.enter(path, &meta) {
                            return Some(Err(err));
                        }
                        continue;
                    }
                    Ok(meta) if meta.is_file() => Kind::File,
                    Ok(_) => Kind::Special,
                    Err(err) => return Some(Err(io_error(path, &err))),
                },
                kind => kind,
            };
            match kind {
                Kind::File => return Some(Ok(Input::File(path))),
                Kind::Dir => match fs::metadata(&path) {
                    Ok(meta) => {
                        if let Err(err) = self.enter(path, &meta) {
                            return Some(Err(err));
                        }
                    }
                    Err(err) => return Some(Err(io_error(path, &err))),
                },
                Kind::Special | Kind::Symlink | Kind::Unknown => {}
            }
        }
    }
}

impl Walker {
    /// Read and sort a directory and push it, unless it is one of its own
    /// ancestors (a symlink loop) or cannot be read.
    fn enter(&mut self, path: PathBuf, meta: &fs::Metadata) -> Result<(), WalkError> {
        let id = dir_id(&path, meta);
        if let Some(ancestor) = self.stack.iter().find(|f| f.id == id) {
            return Err(WalkError {
                message: format!("symbolic link loop (leads back to {})", ancestor.path.display()),
                path,
            });
        }
        let listing = read_entries(&path, self.options, None, self.window)?;
        let mut errors = listing.errors;
        // Popped from the end: reverse so they come out in read order.
        errors.reverse();
        self.stack.push(Frame {
            path,
            id,
            names: listing.names,
            entries: listing.entries,
            next: 0,
            errors,
            more: listing.more,
            window: self.window.max(listing.total.div_ceil(MAX_PASSES)),
        });
        Ok(())
    }
}

/// Reads the directory at `path` and keeps, sorted, the `window` smallest
/// names after `after` (all names when `after` is None; read errors are
/// only collected then, so later passes do not repeat them).
fn read_entries(path: &Path, options: WalkOptions, after: Option<&[u8]>, window: usize) -> Result<Listing, WalkError> {
    let reader = match fs::read_dir(path) {
        Ok(reader) => reader,
        Err(err) => return Err(io_error(path.to_path_buf(), &err)),
    };
    let mut names = Vec::new();
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    let mut total = 0;
    let mut more = false;
    for item in reader {
        let entry = match item {
            Ok(entry) => entry,
            Err(err) => {
                if after.is_none() {
                    errors.push(io_error(path.to_path_buf(), &err));
                }
                continue;
            }
        };
        let name = entry.file_name();
        if !options.hidden && is_hidden(&name) {
            continue;
        }
        let kind = match entry.file_type() {
            Ok(t) if t.is_dir() => Kind::Dir,
            Ok(t) if t.is_file() => Kind::File,
            Ok(t) if t.is_symlink() => Kind::Symlink,
            Ok(_) => Kind::Special,
            Err(_) => Kind::Unknown,
        };
        if kind != Kind::Dir && is_sidecar(&name) {
            continue;
        }
        #[cfg(not(unix))]
        let Some(name) = name.to_str().map(OsStr::new) else {
            if after.is_none() {
                errors.push(WalkError {
                    path: entry.path(),
                    message: "file name is not valid Unicode".to_string(),
                });
            }
            continue;
        };
        total += 1;
        let bytes = name.as_encoded_bytes();
        if after.is_some_and(|last| bytes <= last) {
            continue;
        }
        let Some(packed) = Entry::new(names.len(), kind) else {
            errors.push(WalkError {
                path: entry.path(),
                message: "directory too large to sort (over 512 MiB of names)".to_string(),
            });
            break;
        };
        entries.push(packed);
        names.extend_from_slice(bytes);
        names.push(0);
        if entries.len() >= 2 * window {
            keep_smallest(&mut names, &mut entries, window);
            more = true;
        }
    }
    if entries.len() > window {
        keep_smallest(&mut names, &mut entries, window);
        more = true;
    }
    entries.sort_unstable_by(|a, b| a.name(&names).cmp(b.name(&names)));
    entries.shrink_to_fit();
    names.shrink_to_fit();
    Ok(Listing {
        names,
        entries,
        errors,
        total,
        more,
    })
}

/// Keeps the `window` smallest names (unsorted) and drops the others'
/// bytes from `names`.
fn keep_smallest(names: &mut Vec<u8>, entries: &mut Vec<Entry>, window: usize) {
    if entries.len() > window {
        entries.select_nth_unstable_by(window, |a, b| a.name(names).cmp(b.name(names)));
        entries.truncate(window);
    }
    let mut kept = Vec::with_capacity(names.len() / 2);
    for entry in entries.iter_mut() {
        let start = kept.len();
        kept.extend_from_slice(entry.name(names));
        kept.push(0);
        // Offsets only shrink, so they still fit.
        if let Some(packed) = Entry::new(start, entry.kind()) {
            *entry = packed;
        }
    }
    *names = kept;
}

fn io_error(path: PathBuf, err: &io::Error) -> WalkError {
    let dangling =
        err.kind() == io::ErrorKind::NotFound && fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
    let message = if dangling {
        "broken symbolic link (target does not exist)".to_string()
    } else {
        err.to_string()
    };
    WalkError { path, message }
}

fn is_hidden(name: &OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.') && name != "." && name != ".."
}

/// `*.expected.json`, compared on bytes so non-UTF-8 names work too.
pub fn is_sidecar(name: &OsStr) -> bool {
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
        assert!(
            got[2].ends_with(&format!("leads back to {})", dir.path().display())),
            "{got:?}"
        );
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

#[cfg(test)]
mod more_tests {
    use super::*;
    use std::fs;

    #[test]
    fn nested_directories_are_depth_first_in_byte_order() {
        let dir = tempfile::tempdir().unwrap();
        for path in ["b/2.txt", "b/10.txt", "a/z/x.txt", "a/y.txt", "B.txt", "c.txt"] {
            let full = dir.path().join(path);
            fs::create_dir_all(full.parent().unwrap()).unwrap();
            fs::write(full, "x").unwrap();
        }
        let got: Vec<String> = walk(&[dir.path().to_path_buf()], WalkOptions::default())
            .map(|r| match r {
                Ok(Input::File(p)) => p.strip_prefix(dir.path()).unwrap().to_string_lossy().into_owned(),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(got, ["B.txt", "a/y.txt", "a/z/x.txt", "b/10.txt", "b/2.txt", "c.txt"]);
    }

    #[test]
    fn small_windows_yield_the_same_order_as_one_pass() {
        let dir = tempfile::tempdir().unwrap();
        // Created in an order unlike the sorted one, with skipped entries and
        // a subdirectory in the middle of the listing.
        for name in [
            "m.txt",
            "c.txt",
            "z.txt",
            "a.txt",
            "k.txt",
            "b.txt",
            "y.txt",
            ".h.txt",
            "q.expected.json",
        ] {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        fs::create_dir(dir.path().join("d")).unwrap();
        for name in ["3.txt", "1.txt", "2.txt"] {
            fs::write(dir.path().join("d").join(name), "x").unwrap();
        }
        let list = |window| -> Vec<String> {
            walk_windowed(&[dir.path().to_path_buf()], WalkOptions::default(), window)
                .map(|r| match r {
                    Ok(Input::File(p)) => p.strip_prefix(dir.path()).unwrap().to_string_lossy().into_owned(),
                    other => format!("{other:?}"),
                })
                .collect()
        };
        let want = [
            "a.txt", "b.txt", "c.txt", "d/1.txt", "d/2.txt", "d/3.txt", "k.txt", "m.txt", "y.txt", "z.txt",
        ];
        assert_eq!(list(WINDOW), want);
        for window in [1, 2, 3, 7] {
            assert_eq!(list(window), want, "window {window}");
        }
    }

    #[test]
    fn a_window_keeps_only_the_smallest_names() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["e", "b", "d", "a", "c"] {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        let first = read_entries(dir.path(), WalkOptions::default(), None, 2).unwrap();
        let names = |l: &Listing| -> Vec<Vec<u8>> { l.entries.iter().map(|e| e.name(&l.names).to_vec()).collect() };
        assert_eq!(names(&first), [b"a".to_vec(), b"b".to_vec()]);
        assert!(first.more);
        assert_eq!(first.total, 5);
        // Dropped names' bytes are gone too.
        assert_eq!(first.names.len(), 4);
        let last = read_entries(dir.path(), WalkOptions::default(), Some(b"c"), 2).unwrap();
        assert_eq!(names(&last), [b"d".to_vec(), b"e".to_vec()]);
        assert!(!last.more);
    }

    #[cfg(unix)]
    #[test]
    fn without_following_links_are_yielded_as_files() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.txt"), "x").unwrap();
        std::os::unix::fs::symlink("a.txt", dir.path().join("b.txt")).unwrap();
        let options = WalkOptions {
            follow_links: false,
            ..Default::default()
        };
        assert_eq!(walk(&[dir.path().to_path_buf()], options).count(), 2);
    }
}

#[cfg(test)]
mod entry_tests {
    use super::*;

    #[test]
    fn entries_pack_offset_and_kind() {
        let names = b"b.txt\0a\0";
        for kind in KINDS {
            let e = Entry::new(6, kind).unwrap();
            assert_eq!((e.start(), e.kind()), (6, kind));
            assert_eq!(e.name(names), b"a");
        }
        assert_eq!(Entry::new(0, Kind::File).unwrap().name(names), b"b.txt");
        assert!(Entry::new(Entry::MAX_START + 1, Kind::File).is_none());
    }
}
