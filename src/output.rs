//! Output: the JSON and JSON Lines printers, and atomic `-o` files.
//!
//! Documents are serialized by the workers (in parallel) into bytes; the
//! [`Printer`] only stitches those bytes together in input order, so the
//! writer never holds more than one chunk of documents and JSON mode streams
//! its `documents` array like JSON Lines does. Errors are printed in place in
//! JSON Lines and gathered for the `errors` array in JSON (they are small).
//! Every write error is returned, never ignored; the caller decides that a
//! broken pipe is a quiet end.

mod compact;

use crate::model::{Document, ErrorRecord, Summary, Tool, SCHEMA_VERSION};
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
    /// One CSV row per extracted item (RFC 4180, UTF-8, with a header).
    Csv,
}

/// The CSV header; see [`csv_rows`].
pub const CSV_HEADER: &str = "document,item,text,start,end,value,kind,country,attributes\r\n";

/// Quote a CSV field when needed (RFC 4180): fields with a comma, a quote
/// or a line break are enclosed in quotes, quotes doubled.
fn csv_field(out: &mut Vec<u8>, field: &str) {
    if field.contains([',', '"', '\n', '\r']) {
        out.push(b'"');
        out.extend_from_slice(field.replace('"', "\"\"").as_bytes());
        out.push(b'"');
    } else {
        out.extend_from_slice(field.as_bytes());
    }
}

fn csv_row(out: &mut Vec<u8>, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        csv_field(out, f);
    }
    out.extend_from_slice(b"\r\n");
}

/// The CSV rows of one document: one per date, per actor mention, per
/// place mention and per troop figure. `value` is the date value, the
/// canonical name, or the count; `kind` the granularity, actor or place
/// kind, or qualifier; `country` the affiliation, place country or sender;
/// `attributes` the rest as `key=value` pairs separated by `; `.
pub fn csv_rows(doc: &crate::model::Document) -> Vec<u8> {
    let mut out = Vec::new();
    let id = doc.id.as_str();
    for d in &doc.dates {
        let attrs = format!("anchor={}", enum_name(&d.anchor));
        csv_row(
            &mut out,
            &[
                id,
                "date",
                &d.text,
                &d.span.start.to_string(),
                &d.span.end.to_string(),
                d.value.as_deref().unwrap_or(""),
                &enum_name(&d.granularity),
                "",
                &attrs,
            ],
        );
    }
    for a in &doc.actors {
        let attrs = format!("roles={}", a.roles.join(" | "));
        for m in &a.mentions {
            csv_row(
                &mut out,
                &[
                    id,
                    "actor",
                    &m.text,
                    &m.span.start.to_string(),
                    &m.span.end.to_string(),
                    &a.name,
                    &enum_name(&a.kind),
                    a.affiliation.as_deref().unwrap_or(""),
                    &attrs,
                ],
            );
        }
    }
    for p in &doc.places {
        let attrs = format!("name_en={}", p.name_en);
        for m in &p.mentions {
            csv_row(
                &mut out,
                &[
                    id,
                    "place",
                    &m.text,
                    &m.span.start.to_string(),
                    &m.span.end.to_string(),
                    &p.name,
                    &p.kind,
                    p.country.as_deref().unwrap_or(""),
                    &attrs,
                ],
            );
        }
    }
    for t in &doc.troop_figures {
        let attrs = format!(
            "count_max={}; unit={}; status={}; destination={}; location={}; claimed_by={}; date={}",
            t.count_max.map(|c| c.to_string()).unwrap_or_default(),
            t.unit,
            enum_name(&t.status),
            t.destination.as_deref().unwrap_or(""),
            t.location.as_deref().unwrap_or(""),
            t.claimed_by.as_deref().unwrap_or(""),
            t.date.as_deref().unwrap_or("")
        );
        csv_row(
            &mut out,
            &[
                id,
                "troop_figure",
                &t.text,
                &t.span.start.to_string(),
                &t.span.end.to_string(),
                &t.count.to_string(),
                &enum_name(&t.qualifier),
                t.sender.as_deref().unwrap_or(""),
                &attrs,
            ],
        );
    }
    out
}

/// The serde name of an enum value (`"day"`, `"person"` …).
pub(crate) fn enum_name<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Serialize one document for `format` (see [`record_bytes`]); compact
/// documents are written by hand (`output/compact.rs`), the same bytes faster.
pub fn document_bytes(doc: &Document, format: Format, pretty: bool) -> Vec<u8> {
    if pretty && format == Format::Json {
        return record_bytes(doc, format, pretty);
    }
    // a record is about 2-3 times its article's size (2.25 times at the
    // median of the benchmark corpus): room for most at once, so the buffer
    // is not grown and copied while it is written
    let mut buf = Vec::with_capacity((3 * doc.stats.bytes).clamp(4096, 1 << 20));
    compact::document(doc, &mut buf);
    buf
}

/// Serialize one record for `format`. JSON Lines records are always compact
/// (one line each); pretty JSON is indented to sit inside the top-level
/// array.
pub fn record_bytes<T: Serialize>(record: &T, format: Format, pretty: bool) -> Vec<u8> {
    let format = if format == Format::Csv {
        Format::Jsonl
    } else {
        format
    };
    let mut buf = Vec::with_capacity(4096);
    // Serializing our own plain structs into a Vec cannot fail.
    if pretty && format == Format::Json {
        let _ = serde_json::to_writer_pretty(
            Indented {
                out: &mut buf,
                pad: b"    ",
            },
            record,
        );
    } else {
        let _ = serde_json::to_writer(&mut buf, record);
    }
    buf
}

/// A writer that inserts `pad` after every newline it passes on. JSON
/// strings never contain a raw newline, so this only touches the layout of
/// pretty JSON nested in a larger document.
struct Indented<'a, W: Write> {
    out: &'a mut W,
    pad: &'a [u8],
}

impl<W: Write> Write for Indented<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        for line in buf.split_inclusive(|&b| b == b'\n') {
            self.out.write_all(line)?;
            if line.ends_with(b"\n") {
                self.out.write_all(self.pad)?;
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
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
        match self.format {
            Format::Jsonl => return Ok(()),
            Format::Csv => return self.out.write_all(CSV_HEADER.as_bytes()),
            Format::Json => {}
        }
        let tool = Tool::current();
        if self.pretty {
            write!(
                self.out,
                "{{\n  \"schema_version\": {SCHEMA_VERSION},\n  \"tool\": "
            )?;
            let nested = Indented {
                out: &mut self.out,
                pad: b"  ",
            };
            serde_json::to_writer_pretty(nested, &tool).map_err(io::Error::other)?;
            self.out.write_all(b",\n  \"documents\": [")
        } else {
            write!(self.out, "{{\"schema_version\":{SCHEMA_VERSION},\"tool\":")?;
            serde_json::to_writer(&mut self.out, &tool).map_err(io::Error::other)?;
            self.out.write_all(b",\"documents\":[")
        }
    }

    /// Write one serialized document (from [`record_bytes`]).
    pub fn document(&mut self, bytes: &[u8]) -> io::Result<()> {
        match self.format {
            Format::Csv => self.out.write_all(bytes)?,
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
            Format::Csv => {
                let mut row = Vec::new();
                csv_row(
                    &mut row,
                    &[
                        &record.path,
                        "error",
                        &record.message,
                        "",
                        "",
                        record.kind,
                        "",
                        "",
                        "",
                    ],
                );
                self.out.write_all(&row)
            }
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
            Format::Csv => {}
            Format::Jsonl => {
                // Streamed: the summary's timeline may be read back from
                // spill files, and can fail.
                serde_json::to_writer(&mut self.out, summary).map_err(io::Error::other)?;
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
                serde_json::to_writer_pretty(
                    Indented {
                        out: &mut self.out,
                        pad: b"  ",
                    },
                    summary,
                )
                .map_err(io::Error::other)?;
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
