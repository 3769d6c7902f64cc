//! `corpus`: Vietnamese news articles in, structured span-exact JSON out.
//!
//! The pipeline, one module per stage:
//!
//! ```text
//! load ──► normalize ──► prepare ──► extract/{places, actors, dates, numbers, troops} ──► output
//! (bytes,   (NFC, tone     (header,     (pure functions of the prepared text)          (JSON, JSON
//!  decode)   marks, map)    sentences)                                                   Lines)
//! ```
//!
//! - [`load`] finds inputs and decodes them; a failure is an error record.
//! - [`normalize`] produces the text extractors read and the offset map that
//!   turns every match back into a span of the original text.
//! - [`prepare`] parses the header line and splits sentences.
//! - [`extract`] holds the extractors; [`model`] the output types (the wire
//!   format); [`output`] the printers.
//!
//! Documents are independent: [`run`] analyzes them in batches on worker
//! threads that each take the next batch when free ([`parallel`]), and
//! prints them in input order, so output is identical whatever the thread
//! count and memory does not grow with the corpus.

pub mod cli;
pub mod error;
pub mod extract;
mod fast_hash;
pub mod gazetteer;
pub mod load;
pub mod model;
pub mod normalize;
pub mod output;
pub mod parallel;
pub mod phrases;
pub mod prepare;
pub mod spill;
pub mod summary;
#[cfg(test)]
mod test_support;

use crate::cli::{
    AnalyzeArgs, Cli, Command, EntitiesArgs, InputArgs, InputFormat, NormalizeArgs, Part,
    TimelineArgs, TimelineFormat,
};
use crate::error::{Error, InputError};
use crate::extract::Context;
use crate::load::{Discovered, Input};
use crate::model::{Document, ErrorRecord, Published, PublishedSource, Stats, Summary};
use crate::output::{csv_rows, document_bytes, AtomicFile, Format, Printer};
use crate::prepare::{PartialDate, Prepared};
use crate::summary::{Corpus, Digest};
use std::borrow::Cow;
use std::io::{self, Write};

/// How a run ended; the binary turns it into the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every input was analyzed (exit 0).
    Clean = 0,
    /// Some inputs failed; they are in `errors` (exit 1).
    Partial = 1,
    /// Nothing could be analyzed (exit 2). Usage errors also exit 2.
    Failed = 2,
}

/// The standard streams a run writes to.
pub struct Streams<'a> {
    /// Where the report goes unless `-o` is given.
    pub stdout: &'a mut dyn Write,
    /// Where per-file errors are reported as `corpus: PATH: message`.
    pub stderr: &'a mut dyn Write,
    /// Whether standard output is a terminal (pretty JSON by default).
    pub stdout_is_terminal: bool,
    /// Whether standard error is a terminal (progress is shown only then).
    pub stderr_is_terminal: bool,
}

/// Run a parsed command line.
pub fn run(cli: &Cli, streams: Streams<'_>) -> Result<Outcome, Error> {
    match &cli.command {
        Command::Analyze(args) => analyze_command(args, streams),
        Command::Normalize(args) => normalize_command(args, streams),
        Command::Timeline(args) => timeline_command(args, streams),
        Command::Entities(args) => entities_command(args, streams),
        Command::Schema => {
            streams.stdout.write_all(SCHEMA.as_bytes())?;
            streams.stdout.flush()?;
            Ok(Outcome::Clean)
        }
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(*shell, &mut cmd, "corpus", streams.stdout);
            streams.stdout.flush()?;
            Ok(Outcome::Clean)
        }
        Command::Man => {
            let cmd = <Cli as clap::CommandFactory>::command();
            clap_mangen::Man::new(cmd).render(streams.stdout)?;
            streams.stdout.flush()?;
            Ok(Outcome::Clean)
        }
    }
}

/// One decoded input, ready to analyze.
#[derive(Debug, Clone)]
pub struct Source {
    /// Document id (file stem).
    pub id: String,
    /// Path as displayed.
    pub path: String,
    /// Decoded text.
    pub text: String,
    /// Size of the raw input in bytes.
    pub bytes: usize,
    /// Detected encoding.
    pub encoding: &'static str,
    /// Warnings from decoding.
    pub warnings: Vec<String>,
    /// A publication date supplied with the input (`--input jsonl`); a
    /// header line in the text takes precedence.
    pub published: Option<PartialDate>,
}

/// Settings that apply to every document of a run.
#[derive(Debug, Clone, Copy)]
pub struct Options<'g> {
    /// The gazetteer in force.
    pub gazetteer: &'g gazetteer::Gazetteer,
    /// Diacritic-insensitive place matching (`--fold`).
    pub fold: bool,
    /// The parts to report (`--only`); empty means all.
    pub only: &'g [Part],
}

impl Default for Options<'static> {
    fn default() -> Self {
        Options {
            gazetteer: gazetteer::builtin(),
            fold: false,
            only: &[],
        }
    }
}

/// The JSON Schema (draft 2020-12) of the `analyze` output.
pub const SCHEMA: &str = include_str!("schema.json");

/// Analyze one decoded source into a document. Pure: same source, same
/// document.
pub fn analyze(source: &Source, options: &Options) -> Document {
    analyze_batch(&[source], options)
        .pop()
        .expect("analyze_batch returns one document per source")
}

/// Analyze decoded sources, in their order: the same documents as
/// [`analyze`] on each, faster for many (each extractor runs over the
/// whole batch in turn, see [`extract::run_batch`]).
pub fn analyze_batch(sources: &[&Source], options: &Options) -> Vec<Document> {
    analyze_prepared(sources, prepare_batch(sources, options), options)
}

/// A batch of sources, prepared, dated and through the extractors'
/// [`extract::first_pass`] (each in the sources' order).
struct PreparedBatch<'s> {
    prepared: Vec<Prepared<'s>>,
    published: Vec<(Option<PartialDate>, PublishedSource)>,
    first: Vec<extract::FirstPass>,
}

/// Prepare each source and run the extractors' [`extract::first_pass`] on
/// it at once, while its prepared text is in the CPU caches.
fn prepare_batch<'s>(sources: &[&'s Source], options: &Options) -> PreparedBatch<'s> {
    let mut batch = PreparedBatch {
        prepared: Vec::with_capacity(sources.len()),
        published: Vec::with_capacity(sources.len()),
        first: Vec::with_capacity(sources.len()),
    };
    for source in sources {
        let doc = Prepared::new(&source.text);
        let published = published_of(source, &doc);
        batch
            .first
            .push(extract::first_pass(&doc, &context(published.0, options)));
        batch.prepared.push(doc);
        batch.published.push(published);
    }
    batch
}

/// The publication date of a document and where it comes from: a header
/// line dates the article; a date given with the input is next.
fn published_of(source: &Source, prepared: &Prepared) -> (Option<PartialDate>, PublishedSource) {
    match (prepared.header.published, source.published) {
        (Some(p), _) => (Some(p), PublishedSource::Header),
        (None, Some(p)) => (Some(p), PublishedSource::Input),
        (None, None) => (None, PublishedSource::Header),
    }
}

/// The extractors' context for a document published on `published`.
fn context<'g>(published: Option<PartialDate>, options: &Options<'g>) -> Context<'g> {
    Context {
        published,
        gazetteer: options.gazetteer,
        fold: options.fold,
    }
}

/// Like [`analyze`], also returning the sentence spans (in the original
/// text), for views built on sentences such as the timeline.
pub fn analyze_with_sentences(source: &Source, options: &Options) -> (Document, Vec<model::Span>) {
    analyze_batch_with_sentences(&[source], options)
        .pop()
        .expect("analyze_batch_with_sentences returns one document per source")
}

/// [`analyze_batch`] with the sentence spans of each document, as
/// [`analyze_with_sentences`] gives them.
pub fn analyze_batch_with_sentences(
    sources: &[&Source],
    options: &Options,
) -> Vec<(Document, Vec<model::Span>)> {
    let batch = prepare_batch(sources, options);
    let sentences: Vec<Vec<model::Span>> = batch
        .prepared
        .iter()
        .map(|p| p.sentences.iter().map(|r| p.span(r.start, r.end)).collect())
        .collect();
    analyze_prepared(sources, batch, options)
        .into_iter()
        .zip(sentences)
        .collect()
}

/// The documents of `sources`, from their [`prepare_batch`].
fn analyze_prepared(sources: &[&Source], batch: PreparedBatch, options: &Options) -> Vec<Document> {
    let PreparedBatch {
        prepared,
        published,
        first,
    } = batch;
    let with_contexts: Vec<(&Prepared, Context)> = prepared
        .iter()
        .zip(&published)
        .map(|(prepared, &(published, _))| (prepared, context(published, options)))
        .collect();
    let extracted = extract::finish_batch(&with_contexts, first);
    sources
        .iter()
        .zip(&prepared)
        .zip(published)
        .zip(extracted)
        .map(|(((source, prepared), published), extracted)| {
            document(source, prepared, published, extracted, options)
        })
        .collect()
}

/// The document record of one source from its extracted items.
fn document(
    source: &Source,
    prepared: &Prepared,
    (published, published_source): (Option<PartialDate>, PublishedSource),
    mut extracted: extract::Extracted,
    options: &Options,
) -> Document {
    let mut warnings = source.warnings.clone();
    if let Some(w) = &prepared.header.warning {
        warnings.push(w.clone());
    }
    if source.text.trim().is_empty() {
        warnings.push("file is empty".to_string());
    }
    let wanted = |p: Part| options.only.is_empty() || options.only.contains(&p);
    if !wanted(Part::Dates) {
        extracted.dates.clear();
    }
    if !wanted(Part::Actors) {
        extracted.actors.clear();
    }
    if !wanted(Part::Places) {
        extracted.places.clear();
    }
    if !wanted(Part::Troops) {
        extracted.troop_figures.clear();
    }
    Document {
        record_type: "document",
        id: source.id.clone(),
        path: source.path.clone(),
        title: prepared.header.title.clone(),
        published: match (published, extracted.inferred_published) {
            (Some(p), _) => Some(Published {
                value: p.iso(),
                source: published_source,
            }),
            (None, Some(p)) => Some(Published {
                value: p.iso(),
                source: PublishedSource::Inferred,
            }),
            (None, None) => None,
        },
        encoding: source.encoding,
        normalization: prepared.norm.report,
        stats: Stats {
            bytes: source.bytes,
            chars: source.text.chars().count(),
            paragraphs: prepared.paragraphs,
            sentences: prepared.sentences.len(),
        },
        warnings,
        dates: extracted.dates,
        actors: extracted.actors,
        places: extracted.places,
        troop_figures: extracted.troop_figures,
    }
}

/// Read and decode one input.
pub fn load_source(input: &Input, max_file_size: u64) -> Result<Source, InputError> {
    let bytes = load::read_input(input, max_file_size)?;
    let size = bytes.len();
    let decoded = load::decode_owned(bytes)?;
    Ok(Source {
        id: load::id_for(input),
        path: input.display(),
        text: decoded.text,
        bytes: size,
        encoding: decoded.encoding,
        warnings: decoded.warnings,
        published: None,
    })
}

/// One JSON Lines input record (`--input jsonl`).
#[derive(Debug, serde::Deserialize)]
struct InputRecord {
    id: Option<serde_json::Value>,
    text: String,
    published: Option<String>,
}

/// Split one JSON Lines input into sources (or per-line errors).
fn jsonl_sources(input: &Input, max_file_size: u64) -> Vec<Result<Source, ErrorRecord>> {
    let display = input.display();
    let bytes = match load::read_input(input, max_file_size) {
        Ok(b) => b,
        Err(e) => return vec![Err(error_record(display, &e))],
    };
    // JSON is UTF-8: each record's text is checked for a legacy font's
    // letters on its own (`load::from_unicode`), not the whole file
    let utf8 = std::str::from_utf8(&bytes).ok();
    let text = match utf8 {
        Some(text) => text.strip_prefix('\u{FEFF}').unwrap_or(text).to_owned(),
        None => match load::decode(&bytes) {
            Ok(d) => d.text,
            Err(e) => return vec![Err(error_record(display, &e))],
        },
    };
    let stem = load::id_for(input);
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, line)| {
            let path = format!("{display}:{}", i + 1);
            let rec: InputRecord = serde_json::from_str(line)
                .map_err(|e| error_record(path.clone(), &InputError::Record(e.to_string())))?;
            let id = match rec.id {
                Some(serde_json::Value::String(s)) => s,
                Some(other) => other.to_string(),
                None => format!("{stem}:{}", i + 1),
            };
            let published = match rec.published.as_deref() {
                None => None,
                Some(p) => Some(prepare::parse_iso(p).ok_or_else(|| {
                    error_record(
                        path.clone(),
                        &InputError::Record(format!(
                            "published {p:?} is not YYYY-MM or YYYY-MM-DD"
                        )),
                    )
                })?),
            };
            let bytes = rec.text.len();
            let decoded = load::from_unicode(rec.text);
            Ok(Source {
                id,
                path,
                bytes,
                text: decoded.text,
                encoding: decoded.encoding,
                warnings: decoded.warnings,
                published,
            })
        })
        .collect()
}

/// One unit of work: an input file, or an article already read (a JSON
/// Lines record) or the error of one.
enum Work {
    File(Discovered),
    Source(Result<Source, ErrorRecord>),
}

/// What a worker hands back for one input: the serialized record, and its
/// counts for the summary.
enum Processed {
    Document {
        bytes: Vec<u8>,
        counts: Box<Summary>,
        digest: Box<Digest>,
    },
    Error(ErrorRecord),
}

/// The source of one unit of work (read now for a file), or its error.
fn load_work(work: &Work, max_file_size: u64) -> Result<Cow<'_, Source>, ErrorRecord> {
    match work {
        Work::Source(Ok(source)) => Ok(Cow::Borrowed(source)),
        Work::Source(Err(record)) => Err(record.clone()),
        Work::File(discovered) => load_discovered(discovered, max_file_size).map(Cow::Owned),
    }
}

/// The source of one discovered input, read now, or its error.
fn load_discovered(discovered: &Discovered, max_file_size: u64) -> Result<Source, ErrorRecord> {
    match discovered {
        Discovered::Failed { path, error } => Err(error_record(path.clone(), error)),
        Discovered::Input(input) => {
            load_source(input, max_file_size).map_err(|e| error_record(input.display(), &e))
        }
    }
}

/// `analyze` run on `sources`, with a bug that panics contained to the
/// inputs it hits: the whole batch first; if it panics, each source alone,
/// and those that panic again become [`InputError::Internal`] (an error
/// record, like an unreadable file) while the others are analyzed. One
/// result per source, in order.
fn contained<T>(
    sources: &[&Source],
    analyze: impl Fn(&[&Source]) -> Vec<T>,
) -> Vec<Result<T, InputError>> {
    use std::panic::{catch_unwind, AssertUnwindSafe};
    // (the closure only reads shared data: a panic leaves nothing half-
    // updated that the retry would see)
    if let Ok(all) = catch_unwind(AssertUnwindSafe(|| analyze(sources))) {
        return all.into_iter().map(Ok).collect();
    }
    sources
        .iter()
        .map(|source| {
            catch_unwind(AssertUnwindSafe(|| analyze(&[source])))
                .map_err(|payload| InputError::Internal(panic_message(payload.as_ref())))
                .and_then(|mut one| one.pop().ok_or_else(|| InputError::Internal(String::new())))
        })
        .collect()
}

/// The message a panic was raised with.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

fn error_record(path: String, error: &InputError) -> ErrorRecord {
    ErrorRecord {
        record_type: "error",
        path,
        kind: error.kind(),
        message: error.to_string(),
    }
}

/// How many inputs a worker analyzes together ([`analyze_batch`]): enough
/// for each extractor's tables and code to stay in the CPU caches over the
/// batch, few enough that the batch's texts fit there too. Measured on the
/// 100 MB benchmark: 128 beat 16, 32 and 64; 512 was slower than one
/// document at a time.
const BATCH: usize = 128;

/// At most this much text goes into one batch: a batch is loaded whole
/// before it is analyzed, so large inputs go in smaller batches (one alone
/// when it is larger) and memory stays that of one input per worker. 128
/// news articles are about 300 KB.
const BATCH_BYTES: usize = 512 * 1024;

/// Load `items` in order and hand them to `analyze` in groups of at most
/// [`BATCH_BYTES`] of text, each group as soon as it is loaded.
fn in_groups<'i, I, S: std::borrow::Borrow<Source>>(
    items: &'i [I],
    load: impl Fn(&'i I) -> Result<S, ErrorRecord>,
    mut analyze: impl FnMut(Vec<Result<S, ErrorRecord>>),
) {
    let mut group = Vec::new();
    let mut bytes = 0;
    for item in items {
        let loaded = load(item);
        if let Ok(source) = &loaded {
            let len = source.borrow().text.len();
            if bytes > 0 && bytes + len > BATCH_BYTES {
                analyze(std::mem::take(&mut group));
                bytes = 0;
            }
            bytes += len;
        }
        group.push(loaded);
    }
    if !group.is_empty() {
        analyze(group);
    }
}

fn analyze_command(args: &AnalyzeArgs, streams: Streams<'_>) -> Result<Outcome, Error> {
    let pretty = args.format == Format::Json
        && (args.pretty || streams.stdout_is_terminal && args.output.is_none());
    let user_gazetteer;
    let gazetteer = if args.gazetteer.is_empty() && !args.fold {
        gazetteer::builtin()
    } else {
        user_gazetteer = gazetteer::with_user_files(&args.gazetteer, args.fold)?;
        &user_gazetteer
    };
    let options = Options {
        gazetteer,
        fold: args.fold,
        only: &args.only,
    };
    let workers = parallel::worker_count(args.input_args.jobs);

    let render = |doc: Document| -> Processed {
        let mut counts = Summary::new();
        counts.add_document(&doc);
        let bytes = match args.format {
            Format::Csv => csv_rows(&doc),
            format => document_bytes(&doc, format, pretty),
        };
        Processed::Document {
            bytes,
            counts: Box::new(counts),
            digest: Box::new(Digest::from_document(doc)),
        }
    };
    // one batch: its inputs loaded, analyzed together, rendered in order
    let process = |batch: &[Work]| -> Vec<Processed> {
        let max_size = args.input_args.max_file_size;
        let mut processed = Vec::with_capacity(batch.len());
        in_groups(
            batch,
            |w| load_work(w, max_size),
            |loaded| {
                let sources: Vec<&Source> =
                    loaded.iter().filter_map(|l| l.as_deref().ok()).collect();
                let mut documents = contained(&sources, |s| analyze_batch(s, &options)).into_iter();
                processed.extend(loaded.into_iter().map(|l| match l {
                    Ok(source) => match documents.next().expect("one document per source") {
                        Ok(doc) => render(doc),
                        Err(bug) => Processed::Error(error_record(source.path.clone(), &bug)),
                    },
                    Err(record) => Processed::Error(record),
                }));
            },
        );
        processed
    };
    let show_progress = streams.stderr_is_terminal && !args.quiet;
    let started = std::time::Instant::now();
    let stream = |out: &mut dyn Write, stderr: &mut dyn Write| -> Result<Summary, Error> {
        let mut printer = Printer::new(out, args.format, pretty);
        printer.begin()?;
        let mut summary = Summary::new();
        let mut corpus = Corpus::with_id_limit(crate::summary::SUMMARY_ID_LIMIT);
        let mut handle =
            |results: Vec<Processed>, printer: &mut Printer<&mut dyn Write>| -> Result<(), Error> {
                for r in results {
                    match r {
                        Processed::Document {
                            bytes,
                            counts,
                            digest,
                        } => {
                            printer.document(&bytes)?;
                            summary.merge(&counts);
                            corpus.add(*digest);
                        }
                        Processed::Error(record) => {
                            // stderr is best-effort: a closed stderr must not stop the run.
                            let _ = writeln!(stderr, "corpus: {}: {}", record.path, record.message);
                            summary.add_error();
                            printer.error(record)?;
                        }
                    }
                }
                // progress, for long runs in a terminal only
                let secs = started.elapsed().as_secs_f64();
                if show_progress && secs > 2.0 {
                    let mb = summary.bytes as f64 / 1e6;
                    let _ = write!(
                        stderr,
                        "\rcorpus: {} files, {mb:.1} MB, {:.1} MB/s ",
                        summary.inputs,
                        mb / secs
                    );
                }
                Ok(())
            };
        // The workers walk the inputs and analyze them a batch at a time,
        // while this thread prints and aggregates in input order (see
        // `parallel`). Inputs are discovered as they are needed: the list
        // of a large collection is never held whole.
        let max_size = args.input_args.max_file_size;
        let discovered = load::discover_stream(&args.input_args.paths, &args.input_args.ext);
        let work: Box<dyn Iterator<Item = Work> + Send> = match args.input {
            InputFormat::Text => Box::new(discovered.map(Work::File)),
            // one input file's records at a time
            InputFormat::Jsonl => Box::new(discovered.flat_map(move |d| {
                match d {
                    Discovered::Input(input) => jsonl_sources(&input, max_size)
                        .into_iter()
                        .map(Work::Source)
                        .collect(),
                    failed => vec![Work::File(failed)],
                }
            })),
        };
        parallel::ordered_map(
            workers,
            parallel::Batches::new(work, BATCH, workers),
            |batch| process(&batch),
            |results| handle(results, &mut printer),
        )?;
        if show_progress && started.elapsed().as_secs_f64() > 2.0 {
            let _ = writeln!(stderr);
        }
        summary.corpus = Some(corpus.finish());
        printer.finish(&summary)?;
        Ok(summary)
    };

    let summary = match &args.output {
        Some(path) => {
            let mut file = AtomicFile::create(path).map_err(|e| {
                Error::Usage(format!("cannot create output file {}: {e}", path.display()))
            })?;
            let summary = {
                let mut buf = io::BufWriter::with_capacity(1 << 16, file.file());
                let s = stream(&mut buf, streams.stderr)?;
                buf.flush()?;
                s
            };
            file.commit().map_err(|e| {
                Error::Usage(format!("cannot write output file {}: {e}", path.display()))
            })?;
            summary
        }
        None => stream(streams.stdout, streams.stderr)?,
    };
    if summary.inputs == 0 && !args.quiet {
        let _ = writeln!(streams.stderr, "corpus: no input files found");
    }
    Ok(outcome(&summary))
}

fn normalize_command(args: &NormalizeArgs, streams: Streams<'_>) -> Result<Outcome, Error> {
    let input = if args.path.as_os_str() == "-" {
        Input::Stdin
    } else {
        Input::File(args.path.clone())
    };
    let source = match load_source(&input, u64::MAX) {
        Ok(s) => s,
        Err(e) => {
            let _ = writeln!(streams.stderr, "corpus: {}: {e}", input.display());
            return Ok(Outcome::Failed);
        }
    };
    let normalized = normalize::normalize(&source.text);
    if args.fold {
        streams
            .stdout
            .write_all(normalize::fold_str(&normalized.text).as_bytes())?;
    } else {
        streams.stdout.write_all(normalized.text.as_bytes())?;
    }
    streams.stdout.flush()?;
    Ok(Outcome::Clean)
}

/// A document with its sentence spans and decoded text, or why not.
type Analyzed = Result<(Document, Vec<model::Span>, String), ErrorRecord>;

/// Analyze the inputs of a view subcommand, calling `each` in input order
/// with every document (and its sentences and text) or error record.
fn for_each_document(
    args: &InputArgs,
    stderr: &mut dyn Write,
    mut each: impl FnMut(&Document, &[model::Span], &str),
) -> Result<Summary, Error> {
    let options = Options::default();
    let workers = parallel::worker_count(args.jobs);
    let discovered = load::discover_stream(&args.paths, &args.ext);
    let mut summary = Summary::new();
    let analyze = |batch: Vec<Discovered>| -> Vec<Analyzed> {
        let mut analyzed = Vec::with_capacity(batch.len());
        in_groups(
            &batch,
            |d| load_discovered(d, args.max_file_size),
            |loaded| {
                let sources: Vec<&Source> = loaded.iter().filter_map(|l| l.as_ref().ok()).collect();
                let mut documents =
                    contained(&sources, |s| analyze_batch_with_sentences(s, &options)).into_iter();
                analyzed.extend(loaded.into_iter().map(|l| {
                    let source = l?;
                    match documents.next().expect("one document per source") {
                        Ok((doc, sentences)) => Ok((doc, sentences, source.text)),
                        Err(bug) => Err(error_record(source.path, &bug)),
                    }
                }));
            },
        );
        analyzed
    };
    parallel::ordered_map(
        workers,
        parallel::Batches::new(discovered, BATCH, workers),
        analyze,
        |results| -> Result<(), Error> {
            for r in results {
                match r {
                    Ok((doc, sentences, text)) => {
                        summary.add_document(&doc);
                        each(&doc, &sentences, &text);
                    }
                    Err(record) => {
                        let _ = writeln!(stderr, "corpus: {}: {}", record.path, record.message);
                        summary.add_error();
                    }
                }
            }
            Ok(())
        },
    )?;
    Ok(summary)
}

/// The exit outcome of a run: clean, partial, or nothing analyzed.
fn outcome(summary: &Summary) -> Outcome {
    match (summary.documents, summary.errors) {
        (_, 0) if summary.inputs > 0 => Outcome::Clean,
        (0, _) => Outcome::Failed,
        _ => Outcome::Partial,
    }
}

fn timeline_command(args: &TimelineArgs, streams: Streams<'_>) -> Result<Outcome, Error> {
    let mut events = Vec::new();
    let summary = for_each_document(&args.input, streams.stderr, |doc, sentences, text| {
        events.extend(summary::events(doc, text, sentences));
    })?;
    summary::sort_events(&mut events);
    match args.format {
        TimelineFormat::Json => {
            serde_json::to_writer_pretty(&mut *streams.stdout, &events)
                .map_err(io::Error::other)?;
            streams.stdout.write_all(b"\n")?;
        }
        TimelineFormat::Table => streams
            .stdout
            .write_all(summary::events_table(&events).as_bytes())?,
    }
    streams.stdout.flush()?;
    Ok(outcome(&summary))
}

fn entities_command(args: &EntitiesArgs, streams: Streams<'_>) -> Result<Outcome, Error> {
    let mut corpus = Corpus::default();
    let summary = for_each_document(&args.input, streams.stderr, |doc, _, _| {
        corpus.add(Digest::of(doc))
    })?;
    let kind = args.kind.map(|k| match k {
        cli::EntityKind::Person => "person",
        cli::EntityKind::Organization => "organization",
        cli::EntityKind::Place => "place",
    });
    let entities: Vec<_> = corpus
        .finish()
        .entities
        .into_iter()
        .filter(|e| kind.is_none_or(|k| e.kind == k))
        .collect();
    serde_json::to_writer_pretty(&mut *streams.stdout, &entities).map_err(io::Error::other)?;
    streams.stdout.write_all(b"\n")?;
    streams.stdout.flush()?;
    Ok(outcome(&summary))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_contained_to_the_inputs_it_hits() {
        let sources: Vec<Source> = (1..=4).map(source).collect();
        let refs: Vec<&Source> = sources.iter().collect();
        // a bug on the input of length 3, whatever batch it is in
        let lengths = |batch: &[&Source]| -> Vec<usize> {
            batch
                .iter()
                .map(|s| {
                    assert!(s.text.len() != 3, "bug on three");
                    s.text.len()
                })
                .collect()
        };
        let got = contained(&refs, lengths);
        assert_eq!(got.len(), 4);
        assert_eq!(got[0], Ok(1));
        assert_eq!(got[1], Ok(2));
        assert_eq!(got[3], Ok(4));
        let Err(InputError::Internal(message)) = &got[2] else {
            panic!("{:?}", got[2]);
        };
        assert!(message.contains("bug on three"), "{message}");
        // no panic: the batch's own results
        let fine: Vec<&Source> = vec![&sources[0], &sources[3]];
        assert_eq!(contained(&fine, lengths), [Ok(1), Ok(4)]);
    }

    #[test]
    fn a_troop_figure_without_a_date_is_of_the_day_the_article_gives() {
        // no header line: the day comes from the dateline under the headline
        let text = "Triều Tiên có thể điều thêm quân sang Nga\n\
            Thứ bảy, 15/11/2025 - 07:45\n\
            Theo NIS, khoảng 10.000 binh sĩ Triều Tiên vẫn đang đóng quân tại Kursk.\n";
        let mut s = source(0);
        s.text = text.to_string();
        let doc = analyze(&s, &Options::default());
        let dates: Vec<_> = doc
            .troop_figures
            .iter()
            .map(|f| f.date.as_deref())
            .collect();
        assert_eq!(dates, [Some("2025-11-15")]);
    }

    fn source(len: usize) -> Source {
        Source {
            id: format!("s{len}"),
            path: format!("s{len}"),
            text: "a".repeat(len),
            bytes: len,
            encoding: "utf-8",
            warnings: Vec::new(),
            published: None,
        }
    }

    /// The lengths of each group's texts (0 for an error), in order.
    fn groups(items: &[Option<usize>]) -> Vec<Vec<usize>> {
        let mut out = Vec::new();
        let load = |item: &Option<usize>| match item {
            Some(len) => Ok(source(*len)),
            None => Err(ErrorRecord {
                record_type: "error",
                path: "x".into(),
                kind: "io",
                message: "unreadable".into(),
            }),
        };
        in_groups(items, load, |group| {
            out.push(
                group
                    .iter()
                    .map(|l| l.as_ref().map_or(0, |s| s.text.len()))
                    .collect(),
            );
        });
        out
    }

    #[test]
    fn groups_hold_at_most_batch_bytes_and_keep_the_order() {
        let half = BATCH_BYTES / 2;
        // small inputs share a group
        assert_eq!(groups(&[Some(10), Some(20), Some(30)]), [vec![10, 20, 30]]);
        // a group closes before the input that would overflow it
        assert_eq!(
            groups(&[Some(half), Some(half), Some(1), Some(half)]),
            [vec![half, half], vec![1, half]]
        );
        // an input larger than the bound goes alone, and errors stay in place
        assert_eq!(
            groups(&[Some(5), None, Some(3 * BATCH_BYTES), None, Some(7)]),
            [vec![5, 0], vec![3 * BATCH_BYTES, 0], vec![7]]
        );
        assert_eq!(groups(&[]), Vec::<Vec<usize>>::new());
    }
}
