//! Output: the JSON and JSON Lines printers, and atomic `-o` files.
//!
//! Documents are serialized by the workers (in parallel) into bytes; the
//! [`Printer`] only stitches those bytes together in input order, so the
//! writer never holds more than one chunk of documents and JSON mode streams
//! its `documents` array like JSON Lines does. Errors are printed in place in
//! JSON Lines and gathered for the `errors` array in JSON (they are small).
//! Every write error is returned, never ignored; the caller decides that a
//! broken pipe is a quiet end.

use crate::model::{ErrorRecord, Summary, Tool, SCHEMA_VERSION};
use serde::Serialize;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Output format of `analyze`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object with `documents`, `errors` and `summary`.
    Json,
    /// One record per line: documents, errors, then the summary.
    Jsonl,
}

/// Serialize one record for `format`. JSON Lines records are always compact
/// (one line each); pretty JSON is indented to sit inside the top-level
/// array.
pub fn record_bytes<T: Serialize>(record: &T, format: Format, pretty: bool) -> Vec<u8> {
    let mut buf = Vec::with_capacity(4096);
    // Serializing our own plain structs into a Vec cannot fail.
    if pretty && format == Format::Json {
        let _ = serde_json::to_writer_pretty(&mut buf, record);
        indent(&buf, b"    ")
    } else {
        let _ = serde_json::to_writer(&mut buf, record);
        buf
    }
}

/// Insert `pad` after every newline. JSON strings never contain a raw
/// newline, so this only touches the layout.
fn indent(json: &[u8], pad: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(json.len() + json.len() / 8);
    for &b in json {
        out.push(b);
        if b == b'\n' {
            out.extend_from_slice(pad);
        }
    }
    out
}

/// Writes the records of one run in order.
pub struct Printer<W: Write> {
    out: W,
    format: Format,
    pretty: bool,
    documents: usize,
    errors: Vec<ErrorRecord>,
}

impl<W: Write> Printer<W> {
    /// A printer writing to `out`. Call [`Printer::begin`] first.
    pub fn new(out: W, format: Format, pretty: bool) -> Printer<W> {
        Printer {
            out,
            format,
            pretty,
            documents: 0,
            errors: Vec::new(),
        }
    }

    /// Write what comes before the first document.
    pub fn begin(&mut self) -> io::Result<()> {
        if self.format == Format::Jsonl {
            return Ok(());
        }
        let tool = serde_json::to_string(&Tool::current()).map_err(io::Error::other)?;
        if self.pretty {
            let tool = serde_json::to_string_pretty(&Tool::current()).map_err(io::Error::other)?;
            let tool = String::from_utf8_lossy(&indent(tool.as_bytes(), b"  ")).into_owned();
            write!(
                self.out,
                "{{\n  \"schema_version\": {SCHEMA_VERSION},\n  \"tool\": {tool},\n  \"documents\": ["
            )
        } else {
            write!(
                self.out,
                "{{\"schema_version\":{SCHEMA_VERSION},\"tool\":{tool},\"documents\":["
            )
        }
    }

    /// Write one serialized document (from [`record_bytes`]).
    pub fn document(&mut self, bytes: &[u8]) -> io::Result<()> {
        match self.format {
            Format::Jsonl => {
                self.out.write_all(bytes)?;
                self.out.write_all(b"\n")?;
            }
            Format::Json => {
                let sep: &[u8] = match (self.documents, self.pretty) {
                    (0, true) => b"\n    ",
                    (_, true) => b",\n    ",
                    (0, false) => b"",
                    (_, false) => b",",
                };
                self.out.write_all(sep)?;
                self.out.write_all(bytes)?;
            }
        }
        self.documents += 1;
        Ok(())
    }

    /// Write (JSON Lines) or keep (JSON) one error record.
    pub fn error(&mut self, record: ErrorRecord) -> io::Result<()> {
        match self.format {
            Format::Jsonl => {
                self.out
                    .write_all(&record_bytes(&record, self.format, false))?;
                self.out.write_all(b"\n")
            }
            Format::Json => {
                self.errors.push(record);
                Ok(())
            }
        }
    }

    /// Write the errors and the summary, flush, and give the writer back.
    pub fn finish(mut self, summary: &Summary) -> io::Result<W> {
        match self.format {
            Format::Jsonl => {
                self.out
                    .write_all(&record_bytes(summary, self.format, false))?;
                self.out.write_all(b"\n")?;
            }
            Format::Json if self.pretty => {
                let close_docs: &[u8] = if self.documents == 0 { b"]" } else { b"\n  ]" };
                self.out.write_all(close_docs)?;
                self.out.write_all(b",\n  \"errors\": [")?;
                for (i, e) in self.errors.iter().enumerate() {
                    self.out
                        .write_all(if i == 0 { b"\n    " } else { b",\n    " })?;
                    self.out.write_all(&record_bytes(e, Format::Json, true))?;
                }
                if !self.errors.is_empty() {
                    self.out.write_all(b"\n  ")?;
                }
                self.out.write_all(b"],\n  \"summary\": ")?;
                let s = serde_json::to_vec_pretty(summary).map_err(io::Error::other)?;
                self.out.write_all(&indent(&s, b"  "))?;
                self.out.write_all(b"\n}\n")?;
            }
            Format::Json => {
                self.out.write_all(b"],\"errors\":")?;
                serde_json::to_writer(&mut self.out, &self.errors).map_err(io::Error::other)?;
                self.out.write_all(b",\"summary\":")?;
                serde_json::to_writer(&mut self.out, summary).map_err(io::Error::other)?;
                self.out.write_all(b"}\n")?;
            }
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

/// A file written under a temporary name and renamed over the target only
/// when complete, so a reader never sees a half-written file and a failed
/// run leaves the old file untouched. Dropped without [`AtomicFile::commit`],
/// the temporary file is removed.
pub struct AtomicFile {
    target: PathBuf,
    temp: PathBuf,
    file: Option<fs::File>,
}

impl AtomicFile {
    /// Create the temporary file next to `target` (same file system, so the
    /// final rename is atomic).
    pub fn create(target: &Path) -> io::Result<AtomicFile> {
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = target.file_name().ok_or_else(|| {
            io::Error::new(io::ErrorKind::InvalidInput, "output path has no file name")
        })?;
        let mut temp_name = std::ffi::OsString::from(".");
        temp_name.push(name);
        temp_name.push(format!(".corpus-{}.tmp", std::process::id()));
        let temp = dir.join(temp_name);
        let file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        Ok(AtomicFile {
            target: target.to_path_buf(),
            temp,
            file: Some(file),
        })
    }

    /// The open temporary file.
    pub fn file(&mut self) -> &mut fs::File {
        // Only `commit` takes the file, and it consumes `self`.
        self.file.as_mut().expect("file is open until commit")
    }

    /// Flush to disk and rename over the target.
    pub fn commit(mut self) -> io::Result<()> {
        if let Some(file) = self.file.take() {
            file.sync_all()?;
        }
        fs::rename(&self.temp, &self.target)
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.file.is_some() || self.temp.exists() {
            self.file.take();
            let _ = fs::remove_file(&self.temp);
        }
    }
}
