//! Loading: find the input files, read their bytes, decode them to text.
//!
//! The loader owns everything between a path on the command line and a
//! decoded [`crate::Source`]:
//! - **discovery** ([`discover`]): files are taken as given; folders are
//!   walked recursively (hidden entries skipped, symlinks followed with loop
//!   detection), keeping files with the chosen extensions; the list is sorted
//!   by path so output order never depends on the file system;
//! - **reading** ([`read_file`]): only regular files are opened (a FIFO or a
//!   device is reported, never read forever), up to `--max-file-size`;
//! - **decoding** ([`decode`]): UTF-8 with or without BOM, UTF-16 with BOM,
//!   for bytes that are not UTF-8 Windows-1258 or the legacy Vietnamese
//!   encodings TCVN3, VNI-Windows and VISCII, whichever reads as Vietnamese
//!   ([`legacy`]), UTF-8 text that holds a legacy encoding's bytes as Latin-1
//!   characters, and UTF-8 with a few stray invalid bytes (replaced by
//!   U+FFFD, with a warning).
//!
//! Every failure is an [`InputError`] tied to its path: it becomes an error
//! record and the run goes on.

pub mod legacy;

use crate::error::InputError;
use std::ffi::OsStr;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// An input the run will analyze, or report.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    /// A file on disk.
    File(PathBuf),
    /// Standard input (`-`).
    Stdin,
}

impl Input {
    /// The path as it appears in the output.
    pub fn display(&self) -> String {
        match self {
            Input::File(p) => display_path(p),
            Input::Stdin => "-".to_string(),
        }
    }
}

/// A path as a JSON-safe string. Paths that are not valid UTF-8 keep their
/// valid parts and show each undecodable byte as `\xHH`, so two distinct
/// names never print the same and the name can still be recognized.
pub fn display_path(path: &Path) -> String {
    let raw = path.as_os_str();
    match raw.to_str() {
        Some(s) => s.to_string(),
        None => escape_os_str(raw),
    }
}

#[cfg(unix)]
fn escape_os_str(s: &OsStr) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for chunk in s.as_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
}

#[cfg(not(unix))]
fn escape_os_str(s: &OsStr) -> String {
    s.to_string_lossy().into_owned()
}

/// A discovered input, or the reason a path could not be walked.
#[derive(Debug, Clone)]
pub enum Discovered {
    /// Something to read.
    Input(Input),
    /// A path that failed before reading (not found, unreadable folder,
    /// symlink loop, FIFO …).
    Failed {
        /// The path concerned.
        path: String,
        /// Why.
        error: InputError,
    },
}

impl Discovered {
    fn sort_key(&self) -> String {
        match self {
            Discovered::Input(i) => i.display(),
            Discovered::Failed { path, .. } => path.clone(),
        }
    }
}

/// Find every input under `roots`. Folders contribute files whose extension
/// is in `extensions` (case-insensitive); files named directly are always
/// taken. The result is sorted by path and free of duplicates.
pub fn discover(roots: &[PathBuf], extensions: &[String]) -> Vec<Discovered> {
    discover_stream(roots, extensions).collect()
}

/// [`discover`] as an iterator, in the same order.
///
/// With a single folder as root (the common case, and the one that can
/// hold millions of files), inputs are produced while the folder is walked,
/// so memory does not grow with the number of files: siblings are visited
/// in the order of their names, a folder as if its name ended in `/`, which
/// is the order of the full paths. (An unreadable folder's error comes where
/// its contents would have.) Otherwise all roots are walked first, then
/// sorted and deduplicated.
pub fn discover_stream<'a>(
    roots: &'a [PathBuf],
    extensions: &'a [String],
) -> Box<dyn Iterator<Item = Discovered> + Send + 'a> {
    if let [root] = roots {
        if root.as_os_str() != "-" && fs::metadata(root).is_ok_and(|m| m.is_dir()) {
            return Box::new(walk(root, extensions));
        }
    }
    let mut found = Vec::new();
    for root in roots {
        if root.as_os_str() == "-" {
            found.push(Discovered::Input(Input::Stdin));
            continue;
        }
        match fs::metadata(root) {
            Err(e) => found.push(Discovered::Failed {
                path: display_path(root),
                error: InputError::Io(e.to_string()),
            }),
            Ok(meta) if meta.is_dir() => found.extend(walk(root, extensions)),
            Ok(_) => found.push(Discovered::Input(Input::File(root.clone()))),
        }
    }
    found.sort_by_cached_key(Discovered::sort_key);
    found.dedup_by(|a, b| a.sort_key() == b.sort_key());
    Box::new(found.into_iter())
}

/// A name as printed: itself when it is UTF-8 (all but a few), else escaped.
fn walk_name(e: &walkdir::DirEntry) -> std::borrow::Cow<'_, str> {
    match e.file_name().to_str() {
        Some(s) => std::borrow::Cow::Borrowed(s),
        None => std::borrow::Cow::Owned(escape_os_str(e.file_name())),
    }
}

/// How siblings are ordered in a walk: by name as printed, a folder as if
/// its name ended in `/`, so that a depth-first walk visits paths in the
/// order of their full printed path (`a.txt` before `a/b.txt`).
///
/// Runs O(n log n) times per folder on the thread that feeds the workers,
/// under their lock. ASCII names (nearly all) print as they are, so their
/// bytes are compared in place, taken from the end of the path: asking the
/// entry for its file name parses the whole path into components, which
/// cost more than the rest of the walk (callgrind: 8k instructions a file
/// in a folder of a thousand). Other names are compared as printed.
fn walk_order(a: &walkdir::DirEntry, b: &walkdir::DirEntry) -> std::cmp::Ordering {
    let suffix = |e: &walkdir::DirEntry| if e.file_type().is_dir() { "/" } else { "" };
    let (x, y) = (raw_name(a), raw_name(b));
    let (x, y): (std::borrow::Cow<[u8]>, std::borrow::Cow<[u8]>) = if x.is_ascii() && y.is_ascii() {
        (x.into(), y.into())
    } else {
        (
            walk_name(a).into_owned().into_bytes().into(),
            walk_name(b).into_owned().into_bytes().into(),
        )
    };
    // the common length as slices; only the tails meet the suffixes
    let common = x.len().min(y.len());
    x[..common].cmp(&y[..common]).then_with(|| {
        x[common..]
            .iter()
            .chain(suffix(a).as_bytes())
            .cmp(y[common..].iter().chain(suffix(b).as_bytes()))
    })
}

/// The bytes of an entry's file name, as the operating system gives them.
/// A walked entry's path is its folder's path joined with its name, so on
/// Unix the name is what follows the last `/`.
fn raw_name(e: &walkdir::DirEntry) -> &[u8] {
    #[cfg(unix)]
    if e.depth() > 0 {
        let path = e.path().as_os_str().as_encoded_bytes();
        if let Some(slash) = memchr::memrchr(b'/', path) {
            return &path[slash + 1..];
        }
    }
    e.file_name().as_encoded_bytes()
}

fn is_hidden(name: &OsStr) -> bool {
    name.to_str()
        .is_some_and(|s| s.starts_with('.') && s != "." && s != "..")
}

fn has_extension(path: &Path, extensions: &[String]) -> bool {
    let Some(ext) = path.extension().and_then(OsStr::to_str) else {
        return false;
    };
    extensions.iter().any(|e| e.eq_ignore_ascii_case(ext))
}

/// The inputs under the folder `root`, in path order, as they are found.
fn walk<'a>(root: &Path, extensions: &'a [String]) -> impl Iterator<Item = Discovered> + 'a {
    let root_display = display_path(root);
    walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by(walk_order)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()))
        .filter_map(move |entry| match entry {
            Err(e) => {
                let path = e
                    .path()
                    .map(display_path)
                    .unwrap_or_else(|| root_display.clone());
                let message = if e.loop_ancestor().is_some() {
                    "symbolic link loop".to_string()
                } else {
                    e.io_error()
                        .map(|io| io.to_string())
                        .unwrap_or_else(|| e.to_string())
                };
                Some(Discovered::Failed {
                    path,
                    error: InputError::Walk(message),
                })
            }
            Ok(entry) => {
                let ft = entry.file_type();
                if ft.is_dir() || !has_extension(entry.path(), extensions) {
                    None
                } else if ft.is_file() {
                    Some(Discovered::Input(Input::File(entry.into_path())))
                } else {
                    Some(Discovered::Failed {
                        path: display_path(entry.path()),
                        error: InputError::NotRegular(kind_of(&ft)),
                    })
                }
            }
        })
}

#[cfg(unix)]
fn kind_of(ft: &fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if ft.is_fifo() {
        "FIFO"
    } else if ft.is_socket() {
        "socket"
    } else if ft.is_block_device() || ft.is_char_device() {
        "device"
    } else {
        "special file"
    }
}

#[cfg(not(unix))]
fn kind_of(_ft: &fs::FileType) -> &'static str {
    "special file"
}

/// Read one input's bytes, refusing non-regular files and files over
/// `max_size` bytes.
pub fn read_input(input: &Input, max_size: u64) -> Result<Vec<u8>, InputError> {
    match input {
        Input::Stdin => read_bounded(std::io::stdin().lock(), Vec::new(), max_size),
        Input::File(path) => read_file(path, max_size),
    }
}

/// Read a regular file of at most `max_size` bytes.
///
/// The file is opened first and then asked what it is (`fstat` on the open
/// file): the path is looked up once, and what is read is what was checked.
/// On Unix it is opened non-blocking, so opening a FIFO returns at once (to
/// be refused) instead of waiting for a writer. Speed: a `stat` of the path
/// before opening it looked the path up twice, about 1% of a run's CPU time
/// on the 100 MB benchmark.
pub fn read_file(path: &Path, max_size: u64) -> Result<Vec<u8>, InputError> {
    let file = open_for_reading(path)?;
    let meta = file.metadata().map_err(|e| InputError::Io(e.to_string()))?;
    if !meta.is_file() {
        return Err(InputError::NotRegular(kind_of(&meta.file_type())));
    }
    if meta.len() > max_size {
        return Err(InputError::TooLarge {
            size: meta.len(),
            limit: max_size,
        });
    }
    read_measured(file, meta.len() as usize, max_size)
}

/// Read a regular file that measured `size` bytes.
///
/// Speed: one `read` of `size + 1` bytes; the file is whole when it returns
/// `size` of them. `read_to_end` asked the file once more to be sure it had
/// ended (the call returns nothing): a second system call for every input,
/// a few percent of a run's system time. The one byte more tells a file
/// that grew since it was measured, whose rest is then read, bounded like
/// any read (see [`read_bounded`]); one that returns less (it shrank, or the
/// file system reads in parts) is read on to its end.
fn read_measured(mut file: fs::File, size: usize, max_size: u64) -> Result<Vec<u8>, InputError> {
    let mut buf = vec![0u8; size.saturating_add(1)];
    let n = loop {
        match file.read(&mut buf) {
            Ok(n) => break n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(InputError::Io(e.to_string())),
        }
    };
    buf.truncate(n);
    if n == size {
        return Ok(buf);
    }
    read_bounded(file, buf, max_size)
}

/// Open `path` for reading without blocking on a FIFO (see [`read_file`]).
#[cfg(unix)]
fn open_for_reading(path: &Path) -> Result<fs::File, InputError> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| {
            // a socket cannot be opened at all: say what it is
            match fs::metadata(path) {
                Ok(meta) if !meta.is_file() => InputError::NotRegular(kind_of(&meta.file_type())),
                _ => InputError::Io(e.to_string()),
            }
        })
}

/// Open `path` for reading once it is known to be a regular file: elsewhere
/// than on Unix there is no non-blocking open to check it after.
#[cfg(not(unix))]
fn open_for_reading(path: &Path) -> Result<fs::File, InputError> {
    let meta = fs::metadata(path).map_err(|e| InputError::Io(e.to_string()))?;
    if !meta.is_file() {
        return Err(InputError::NotRegular(kind_of(&meta.file_type())));
    }
    fs::File::open(path).map_err(|e| InputError::Io(e.to_string()))
}

/// Read on after the bytes already in `buf`, to at most `max_size` bytes in
/// all; more is a [`InputError::TooLarge`] (read up to one byte past the
/// limit, to tell).
fn read_bounded(reader: impl Read, mut buf: Vec<u8>, max_size: u64) -> Result<Vec<u8>, InputError> {
    reader
        .take(max_size.saturating_add(1).saturating_sub(buf.len() as u64))
        .read_to_end(&mut buf)
        .map_err(|e| InputError::Io(e.to_string()))?;
    if buf.len() as u64 > max_size {
        return Err(InputError::TooLarge {
            size: buf.len() as u64,
            limit: max_size,
        });
    }
    Ok(buf)
}

/// Decoded text and what was learned while decoding it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text; spans in the output are byte offsets into it.
    pub text: String,
    /// The encoding detected (see [`crate::model::Document::encoding`]).
    pub encoding: &'static str,
    /// Problems that did not stop decoding.
    pub warnings: Vec<String>,
}

/// [`decode`] taking ownership of the bytes: plain UTF-8 (most files) is
/// checked with SIMD instructions and copied once. Same results as
/// [`decode`].
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, InputError> {
    let has_bom = [&b"\xEF\xBB\xBF"[..], b"\xFF\xFE", b"\xFE\xFF"]
        .iter()
        .any(|bom| bytes.starts_with(bom));
    if has_bom || bytes.contains(&0) {
        return decode(&bytes);
    }
    // Speed: simdutf8 validates with SIMD instructions where the CPU has
    // them, several times faster than the standard library on Vietnamese
    // text, where a multi-byte character comes every few bytes; the copy
    // out of the checked bytes costs far less than the check saved.
    match simdutf8::basic::from_utf8(&bytes) {
        Ok(text) => Ok(utf8(text)),
        Err(_) => decode(&bytes),
    }
}

/// Decode the bytes of one file. See the module docs for the policy.
pub fn decode(bytes: &[u8]) -> Result<Decoded, InputError> {
    let ok = |text: String, encoding| {
        Ok(Decoded {
            text,
            encoding,
            warnings: Vec::new(),
        })
    };
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(s) => ok(s.to_string(), "utf-8-bom"),
            Err(_) => Ok(lossy_utf8(rest)),
        };
    }
    for (bom, enc, name) in [
        (&b"\xFF\xFE"[..], encoding_rs::UTF_16LE, "utf-16le"),
        (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE, "utf-16be"),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return match enc.decode_without_bom_handling_and_without_replacement(rest) {
                Some(s) if !s.contains('\0') => ok(s.into_owned(), name),
                Some(_) => Err(InputError::Binary),
                None => Err(InputError::Decode(format!("invalid {name} byte sequence"))),
            };
        }
    }
    if bytes.contains(&0) {
        return Err(InputError::Binary);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(utf8(s));
    }
    // Not UTF-8. Mostly-UTF-8 text with a few bad bytes (a truncated or
    // spliced file) keeps its UTF-8 reading; otherwise try Windows-1258.
    let (valid_multibyte, invalid) = utf8_census(bytes);
    if valid_multibyte > 0 && invalid * 20 <= valid_multibyte {
        return Ok(lossy_utf8(bytes));
    }
    let (text, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes);
    if let Some((encoding, text)) = legacy::best_reading(bytes, legacy::score(&text)) {
        return ok(text, encoding.name());
    }
    if looks_like_legacy_vietnamese(&text) {
        return Err(InputError::Decode(
            "looks like legacy Vietnamese, but reads as neither TCVN3, VNI-Windows nor VISCII"
                .to_string(),
        ));
    }
    if text.chars().any(|c| ('\u{80}'..='\u{9F}').contains(&c)) {
        return Err(InputError::Decode(
            "not UTF-8, UTF-16, Windows-1258, TCVN3, VNI-Windows or VISCII text".to_string(),
        ));
    }
    ok(text.into_owned(), "windows-1258")
}

/// A UTF-8 text as it is, or, when its Latin-1 characters are a legacy
/// encoding's bytes (`Vieät Nam`), decoded ([`legacy::repair_latin1`]).
fn utf8(text: &str) -> Decoded {
    from_unicode(text.to_owned())
}

/// Text that is Unicode already (a file's UTF-8, a JSON Lines record's
/// `text`): as it is, with encoding `utf-8`, or, when its Latin-1
/// characters are a legacy encoding's bytes (`Vieät Nam`, `ViÖt Nam`: an old
/// document converted letter by letter), decoded, with a warning.
pub fn from_unicode(text: String) -> Decoded {
    match legacy::repair_latin1(&text) {
        Some((encoding, repaired)) => Decoded {
            text: repaired,
            encoding: encoding.in_utf8_name(),
            warnings: vec![format!(
                "UTF-8 text in the letters of the legacy {} encoding (`Vieät`, `ViÖt`): decoded",
                encoding.name()
            )],
        },
        None => Decoded {
            text,
            encoding: "utf-8",
            warnings: Vec::new(),
        },
    }
}

/// VNI and TCVN3 bytes read as Windows-1258 give Latin-1 letters that
/// Vietnamese never uses (VNI `Vieät Nam`, `ñaõ`; TCVN3 `ViÖt`); real
/// Windows-1258 Vietnamese has none of them.
fn looks_like_legacy_vietnamese(text: &str) -> bool {
    let mut letters = 0;
    let mut foreign = 0;
    for c in text.chars() {
        if c.is_alphabetic() {
            letters += 1;
        }
        if matches!(
            c,
            'ä' | 'ë'
                | 'ï'
                | 'ö'
                | 'ü'
                | 'ñ'
                | 'ø'
                | 'å'
                | 'æ'
                | 'ç'
                | 'ÿ'
                | 'Ä'
                | 'Ë'
                | 'Ï'
                | 'Ö'
                | 'Ü'
                | 'Ñ'
                | 'Ø'
                | 'Å'
                | 'Æ'
                | 'Ç'
                | 'ß'
        ) {
            foreign += 1;
        }
    }
    letters >= 40 && foreign * 30 >= letters
}

fn lossy_utf8(bytes: &[u8]) -> Decoded {
    let (_, invalid) = utf8_census(bytes);
    Decoded {
        text: String::from_utf8_lossy(bytes).into_owned(),
        encoding: "utf-8-lossy",
        warnings: vec![format!(
            "{invalid} invalid UTF-8 sequence(s) replaced with U+FFFD"
        )],
    }
}

/// Count valid multi-byte UTF-8 characters and invalid sequences.
fn utf8_census(bytes: &[u8]) -> (usize, usize) {
    let mut valid_multibyte = 0;
    let mut invalid = 0;
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    (valid_multibyte, invalid)
}

/// The document id for a path: its file stem.
pub fn id_for(input: &Input) -> String {
    match input {
        Input::Stdin => "stdin".to_string(),
        Input::File(p) => p
            .file_stem()
            .map(|s| display_path(Path::new(s)))
            .unwrap_or_else(|| display_path(p)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_read_whole_whatever_size_it_measured() {
        let path =
            std::env::temp_dir().join(format!("corpus-read-measured-{}.txt", std::process::id()));
        let text = b"Binh si Trieu Tien tai Kursk.".repeat(100);
        fs::write(&path, &text).expect("write");
        let read = |measured: usize, max: u64| {
            read_measured(fs::File::open(&path).expect("open"), measured, max)
        };
        // (size it measured: as it is, grown since, shrunk since, empty)
        for measured in [text.len(), 10, text.len() + 500, 0] {
            assert_eq!(
                read(measured, 1 << 20).ok(),
                Some(text.clone()),
                "{measured}"
            );
        }
        // a file that grew past the limit is too large, with its size
        // read up to one byte past the limit
        match read(10, 100) {
            Err(InputError::TooLarge { size, limit }) => assert_eq!((size, limit), (101, 100)),
            other => panic!("{other:?}"),
        }
        let _ = fs::remove_file(&path);
    }

    #[test]
    fn streamed_walk_is_in_full_path_order() {
        let dir = std::env::temp_dir().join(format!("corpus-walk-order-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let files = [
            "a.txt",
            "a/b.txt",
            "a b.txt",
            "a-c.txt",
            "B.txt",
            "a0.txt",
            "a/a/z.txt",
            "a/a.txt",
            "ab/c.txt",
            "Đà Nẵng.txt",
            "z.txt",
            "a/.hidden.txt",
            "a/skip.md",
        ];
        for f in files {
            let p = dir.join(f);
            fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            fs::write(&p, "Nga.").expect("write");
        }
        let ext = vec!["txt".to_string()];
        let streamed: Vec<String> = discover_stream(std::slice::from_ref(&dir), &ext)
            .map(|d| d.sort_key())
            .collect();
        // the same root twice takes the collect, sort and deduplicate path
        let sorted: Vec<String> = discover(&[dir.clone(), dir.clone()], &ext)
            .iter()
            .map(Discovered::sort_key)
            .collect();
        fs::remove_dir_all(&dir).expect("cleanup");
        assert_eq!(streamed.len(), 11, "{streamed:?}");
        assert_eq!(streamed, sorted);
    }

    #[test]
    fn decode_owned_agrees_with_decode() {
        let samples: Vec<Vec<u8>> = vec![
            "Triều Tiên".as_bytes().to_vec(),
            b"\xEF\xBB\xBFNga".to_vec(),
            b"\xFF\xFEN\x00g\x00a\x00".to_vec(),
            b"\xFE\xFF\x00N\x00g\x00a".to_vec(),
            b"abc\x00def".to_vec(),
            b"Vi\xEAt Nam \xF0\xE3".to_vec(),
            [
                &"Triều Tiên đã gửi quân ".repeat(5).into_bytes()[..],
                b"\xFF",
            ]
            .concat(),
            Vec::new(),
        ];
        let view = |r: Result<Decoded, InputError>| r.map(|d| (d.text, d.encoding, d.warnings));
        for bytes in samples {
            assert_eq!(
                view(decode_owned(bytes.clone())),
                view(decode(&bytes)),
                "{bytes:?}"
            );
        }
    }

    #[test]
    fn decodes_utf8_with_and_without_bom() {
        let d = decode("Triều Tiên".as_bytes()).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Triều Tiên", "utf-8"));
        let mut b = b"\xEF\xBB\xBF".to_vec();
        b.extend_from_slice("Nga".as_bytes());
        let d = decode(&b).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Nga", "utf-8-bom"));
    }

    #[test]
    fn decodes_utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        for u in "Hàn Quốc".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&le).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Hàn Quốc", "utf-16le"));
        let mut be = vec![0xFE, 0xFF];
        for u in "Hàn Quốc".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&be).unwrap().encoding, "utf-16be");
    }

    #[test]
    fn windows_1258_decodes_with_combining_marks() {
        // "Triều" in Windows-1258: T r i ê(0xEA) + combining grave (0xCC) u
        let bytes = b"Tri\xEA\xCCu Ti\xEAn";
        let d = decode(bytes).unwrap();
        assert_eq!(d.encoding, "windows-1258");
        let n = crate::normalize::normalize(&d.text);
        assert_eq!(n.text, "Triều Tiên");
    }

    #[test]
    fn legacy_vni_and_tcvn3_bytes_are_decoded() {
        // VNI-Windows bytes (Latin-1 letters carry the marks)
        let vni = "Toång thoáng Nga Vladimir Putin ñaõ ñeán Bình Nhöôõng vaø hoäi ñaøm vôùi oâng Kim Jong Un veà hôïp taùc quaân söï.";
        let bytes: Vec<u8> = vni.chars().map(|c| c as u32 as u8).collect();
        let want = "Tổng thống Nga Vladimir Putin đã đến Bình Nhưỡng và hội đàm với ông Kim Jong Un về hợp tác quân sự.";
        let d = decode(&bytes).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (want, "vni-windows"));
        // the same letters in a UTF-8 file: read as the bytes they were
        let d = decode_owned(vni.as_bytes().to_vec()).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (want, "utf-8-vni-windows"));
        assert_eq!(d.warnings.len(), 1);
        // TCVN3 (`.VnTime`) bytes
        let tcvn3 = b"T\xE6ng th\xE8ng Nga \xAE\xB7 \xAE\xD5n B\xD7nh Nh\xAD\xECng";
        let d = decode(tcvn3).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("Tổng thống Nga đã đến Bình Nhưỡng", "tcvn3")
        );
        // real Windows-1258 Vietnamese is not mistaken for them
        let cp1258 = b"T\xF4\xECng th\xF4\xECng Nga \xF0a\xDE \xF0\xEA\xECn Bi\xECnh Nh\xFD\xF5\xDEng va\xCC h\xF4\xF2i \xF0a\xCCm v\xF5\xECi \xF4ng Kim v\xEA\xCC h\xF5\xF2p ta\xECc qu\xE2n s\xFD\xF2.";
        assert_eq!(decode(cp1258).unwrap().encoding, "windows-1258");
        // bytes that read as no Vietnamese in any of them stay an error
        let noise: Vec<u8> = (0..200u32)
            .map(|i| (0x80 + (i * 37) % 0x20) as u8)
            .collect();
        assert!(matches!(decode(&noise), Err(InputError::Decode(_))));
    }

    #[test]
    fn binary_and_stray_bytes() {
        assert_eq!(decode(b"abc\0def"), Err(InputError::Binary));
        let mut b = "Triều Tiên gửi quân sang Nga. ".repeat(5).into_bytes();
        b.push(0xFF);
        let d = decode(&b).unwrap();
        assert_eq!(d.encoding, "utf-8-lossy");
        assert_eq!(d.warnings.len(), 1);
        assert!(d.text.ends_with('\u{FFFD}'));
    }
}
