//! The output contract: every type that is serialized, in one place.
//!
//! This module *is* the wire-format specification (schema version
//! [`SCHEMA_VERSION`]). `corpus analyze` prints, with `--format json`:
//!
//! ```json
//! {
//!   "schema_version": 1,
//!   "tool": {"name": "corpus", "version": "0.1.0"},
//!   "documents": [
//!     {
//!       "type": "document",
//!       "id": "000_36f7b37c0ef47342",
//!       "path": "seeds/000_36f7b37c0ef47342.txt",
//!       "title": "Nga - Triều Tiên thắt chặt hợp tác quân sự",
//!       "published": {"value": "2025-11-08", "source": "header"},
//!       "encoding": "utf-8",
//!       "normalization": {"composed": 0, "tone_marks": 0, "spaces": 0, "invisible": 0, "line_endings": 0, "look_alikes": 0},
//!       "stats": {"bytes": 3303, "chars": 2453, "paragraphs": 12, "sentences": 17},
//!       "warnings": [],
//!       "dates": [{"text": "ngày 7/11", "span": [256, 266], "value": "2025-11-07",
//!                  "granularity": "day", "anchor": "published"}],
//!       "actors": [{"name": "Kim Jong Un", "kind": "person", "aliases": ["Kim Jong Un"],
//!                   "roles": ["lãnh đạo"], "affiliation": "KP",
//!                   "mentions": [{"text": "Kim Jong Un", "span": [605, 616]}]}],
//!       "places": [{"name": "Triều Tiên", "name_en": "North Korea", "kind": "country",
//!                   "country": "KP", "aliases": ["Triều Tiên"], "mentions": [...]}],
//!       "troop_figures": [{"text": "khoảng 15.000 quân", "span": [s, e], "count": 15000,
//!                          "count_max": null, "qualifier": "approximately", "unit": "quân",
//!                          "status": "deployed", "sender": "KP", "destination": "RU",
//!                          "location": null, "claimed_by": "tình báo Hàn Quốc",
//!                          "date": "2025-11-08"}]
//!     }
//!   ],
//!   "errors": [{"type": "error", "path": "bad.txt", "kind": "binary", "message": "..."}],
//!   "summary": {"type": "summary", "inputs": 6, "documents": 5, "errors": 1, ...}
//! }
//! ```
//!
//! With `--format jsonl` the same records are printed one per line: every
//! document, then every error, then the summary; each carries `"type"`.
//!
//! Invariants every consumer may rely on:
//! - every `span` is a half-open `[start, end)` **byte** range into the
//!   decoded original text of the document (after BOM removal and decoding,
//!   before any normalization), and `text` is exactly that slice;
//! - documents are sorted by `path`; every item list is sorted by span
//!   (entities by their first mention), so output is byte-identical run to run;
//! - a field that is unknown is `null`, never guessed.
//!
//! Compatibility: adding a field is not a breaking change; renaming or
//! removing one, or changing its meaning, bumps [`SCHEMA_VERSION`].

use serde::ser::SerializeTuple;
use serde::{Deserialize, Serialize, Serializer};
use std::collections::{BTreeMap, BTreeSet};

/// Version of the output contract described in this module.
pub const SCHEMA_VERSION: u32 = 1;

/// A half-open `[start, end)` byte range into the original text.
/// Serialized as a two-element array.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte of the item.
    pub start: usize,
    /// One past the last byte of the item.
    pub end: usize,
}

impl Span {
    /// A span from its two ends.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (start, end) = <(usize, usize)>::deserialize(deserializer)?;
        Ok(Span { start, end })
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut t = serializer.serialize_tuple(2)?;
        t.serialize_element(&self.start)?;
        t.serialize_element(&self.end)?;
        t.end()
    }
}

/// Name and version of the program that wrote the output.
#[derive(Debug, Clone, Serialize)]
pub struct Tool {
    /// Always `"corpus"`.
    pub name: &'static str,
    /// The crate version.
    pub version: &'static str,
}

impl Tool {
    /// This build of corpus.
    pub fn current() -> Tool {
        Tool {
            name: "corpus",
            version: env!("CARGO_PKG_VERSION"),
        }
    }
}

/// Where a document's publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PublishedSource {
    /// The ` date YYYY-MM[-DD]` header line.
    Header,
    /// Supplied with the input record (`--input jsonl`).
    Input,
    /// Not given: the latest day the article's lead dates, with a known
    /// year, when no later day appears in the article. Relative dates are
    /// not resolved from it.
    Inferred,
}

/// The publication date of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Published {
    /// ISO 8601: `YYYY-MM-DD` or `YYYY-MM`.
    pub value: String,
    /// How it was obtained.
    pub source: PublishedSource,
}

/// What the normalizer changed, counted per kind of change. All zero means
/// the text was already NFC with one tone-mark convention and plain spaces.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct NormalizationReport {
    /// Characters recomposed to NFC (decomposed input, Windows-1258 marks).
    pub composed: usize,
    /// Syllables whose tone mark was moved to the canonical vowel
    /// (`hoà` → `hòa`, `thuý` → `thúy`).
    pub tone_marks: usize,
    /// Non-breaking and other special spaces turned into plain spaces.
    pub spaces: usize,
    /// Invisible characters removed (zero-width, soft hyphen, stray BOM).
    pub invisible: usize,
    /// Carriage returns removed or turned into line feeds.
    pub line_endings: usize,
    /// Look-alike letters replaced by the Vietnamese one (the Latin Eth
    /// `Ð`, `ð` for `Đ`, `đ`).
    pub look_alikes: usize,
}

/// Size figures of a document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Bytes of the input file (before decoding).
    pub bytes: usize,
    /// Unicode scalar values of the decoded original text.
    pub chars: usize,
    /// Non-empty lines (articles put one paragraph on a line).
    pub paragraphs: usize,
    /// Sentences found by the segmenter.
    pub sentences: usize,
}

/// How precise a date value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    /// `YYYY-MM-DD`.
    Day,
    /// `YYYY-Www`.
    Week,
    /// `YYYY-MM`.
    Month,
    /// `YYYY-Qn`.
    Quarter,
    /// `YYYY-H1` / `YYYY-H2`.
    Half,
    /// `YYYY`.
    Year,
    /// `199X`.
    Decade,
    /// `20XX`: the 21st century.
    Century,
    /// `A/B`: both ends are given in `value`.
    Interval,
    /// A time reference with no calendar value (`gần đây`); `value` is null.
    Vague,
}

/// How the value of a date was resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Anchor {
    /// The text gives every part of the value.
    Explicit,
    /// Relative to the document's publication date.
    Published,
    /// Taken from another date of the same document: the year of a full
    /// date, or the whole day of the day dated before (`cùng ngày`).
    Context,
    /// The year cannot be known: the value has `XXXX` for it.
    Unknown,
    /// No calendar value at all (vague expressions).
    None,
}

/// `đầu` / `giữa` / `cuối` before a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Modifier {
    /// `đầu`, `nửa đầu`: the early part.
    Early,
    /// `giữa`: the middle.
    Mid,
    /// `cuối`, `nửa cuối`: the late part.
    Late,
}

/// One temporal expression of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateMention {
    /// The expression exactly as written.
    pub text: String,
    /// Where it is in the original text.
    pub span: Span,
    /// ISO 8601 value (see [`Granularity`]); `XXXX` stands for an unknown
    /// year; null for vague expressions.
    pub value: Option<String>,
    /// Precision of `value`.
    pub granularity: Granularity,
    /// How `value` was resolved.
    pub anchor: Anchor,
    /// Early/mid/late part of the period, when the text says so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modifier: Option<Modifier>,
    /// The weekday the text gives (`monday` … `sunday`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekday: Option<&'static str>,
    /// With `weekday` and a known day: whether they agree. A `false` here is
    /// a contradiction in the source, reported rather than corrected.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekday_consistent: Option<bool>,
}

/// Person or organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A human being.
    Person,
    /// An agency, ministry, army, company, newspaper, alliance …
    Organization,
}

impl ActorKind {
    /// The name it is serialized as (`person`, `organization`).
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
        }
    }
}

/// One occurrence of an entity in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// The words as written (for persons: the name, without its title).
    pub text: String,
    /// Where they are in the original text.
    pub span: Span,
}

/// A person or organization, with every mention of it in the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actor {
    /// Canonical name (the gazetteer's, else the longest form seen).
    pub name: String,
    /// Person or organization.
    pub kind: ActorKind,
    /// English name when known.
    pub name_en: Option<String>,
    /// Every distinct form used in the text, sorted.
    pub aliases: Vec<String>,
    /// Titles and roles given to the actor in the text, in order of appearance.
    pub roles: Vec<String>,
    /// ISO 3166-1 alpha-2 code of the country the actor acts for, if known.
    pub affiliation: Option<String>,
    /// Every mention, sorted by span.
    pub mentions: Vec<Mention>,
}

/// A real place, with every mention of it in the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    /// Canonical Vietnamese name.
    pub name: String,
    /// English name.
    pub name_en: String,
    /// `country`, `city`, `region`, `facility`, `sea` or `river`.
    pub kind: String,
    /// ISO 3166-1 alpha-2 code of the country it lies in (itself for a
    /// country); null for places spanning several (regions, continents).
    pub country: Option<String>,
    /// Every distinct form used in the text, sorted.
    pub aliases: Vec<String>,
    /// Every mention, sorted by span.
    pub mentions: Vec<Mention>,
}

/// How a troop count is qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// No qualifier: the number as stated.
    Exact,
    /// `khoảng`, `chừng`, `ước tính`, `gần`.
    Approximately,
    /// `hơn`, `trên`.
    MoreThan,
    /// `ít nhất`, `tối thiểu`.
    AtLeast,
    /// `tới`, `lên tới`, `tối đa`.
    UpTo,
    /// `10.000-12.000`: see `count_max`.
    Range,
    /// `hàng nghìn`: `count` is the lower bound the words imply.
    Vague,
}

/// What happened to the personnel counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TroopStatus {
    /// Sent or deployed.
    Deployed,
    /// Present somewhere.
    Present,
    /// Killed.
    Killed,
    /// Wounded.
    Wounded,
    /// Killed or wounded.
    Casualties,
    /// Captured.
    Captured,
    /// Withdrawn or returned home.
    Withdrawn,
    /// Expected or being prepared.
    Planned,
    /// The sentence does not say.
    Unknown,
}

/// A statement of how many military personnel are somewhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TroopFigure {
    /// The figure with its qualifier and unit, as written.
    pub text: String,
    /// Where it is in the original text.
    pub span: Span,
    /// The number (lower bound for ranges and vague amounts).
    pub count: u64,
    /// Upper bound of a range.
    pub count_max: Option<u64>,
    /// How the number is qualified.
    pub qualifier: Qualifier,
    /// The personnel noun as written (`quân`, `binh sĩ`, …).
    pub unit: String,
    /// What the sentence says happened to them.
    pub status: TroopStatus,
    /// ISO code of the country whose forces they are.
    pub sender: Option<String>,
    /// ISO code of the country they are sent to.
    pub destination: Option<String>,
    /// The place where they are (a place name from `places`).
    pub location: Option<String>,
    /// Who the sentence attributes the figure to, as written.
    pub claimed_by: Option<String>,
    /// The date that governs the sentence, else the publication date.
    pub date: Option<String>,
}

/// One analyzed input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Document {
    /// Always `"document"`.
    #[serde(rename = "type")]
    pub record_type: &'static str,
    /// File stem (or the `id` of a JSON Lines input record).
    pub id: String,
    /// The path as given or found (`-` for standard input).
    pub path: String,
    /// The title: the header's text, else the first non-empty line.
    pub title: Option<String>,
    /// Publication date, if known.
    pub published: Option<Published>,
    /// Detected encoding (`utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`,
    /// `windows-1258`, `tcvn3`, `vni-windows`, `viscii`, `utf-8-lossy`, and
    /// `utf-8-tcvn3`, `utf-8-vni-windows`, `utf-8-viscii` for UTF-8 text in
    /// a legacy font's Latin-1 letters).
    pub encoding: &'static str,
    /// What normalization changed.
    pub normalization: NormalizationReport,
    /// Size figures.
    pub stats: Stats,
    /// Problems that did not stop the analysis (bad header date, invalid
    /// bytes replaced …).
    pub warnings: Vec<String>,
    /// Temporal expressions.
    pub dates: Vec<DateMention>,
    /// Persons and organizations.
    pub actors: Vec<Actor>,
    /// Places.
    pub places: Vec<Place>,
    /// Troop figures.
    pub troop_figures: Vec<TroopFigure>,
}

/// An input that did not become a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorRecord {
    /// Always `"error"`.
    #[serde(rename = "type")]
    pub record_type: &'static str,
    /// The path as given or found.
    pub path: String,
    /// Stable kind: `io`, `binary`, `decode`, `too_large`, `not_regular`,
    /// `walk`, `record`.
    pub kind: &'static str,
    /// Human-readable explanation.
    pub message: String,
}

/// One entity over the whole corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CorpusEntity {
    /// `person`, `organization` or `place`.
    pub kind: String,
    /// Canonical name.
    pub name: String,
    /// English name, when known.
    pub name_en: Option<String>,
    /// Affiliation (actors) or country (places).
    pub country: Option<String>,
    /// Number of documents that mention it.
    pub documents: usize,
    /// Number of mentions over all documents.
    pub mentions: usize,
    /// Ids of the documents that mention it, in input order. In the
    /// `analyze` summary at most [`crate::summary::SUMMARY_ID_LIMIT`] are
    /// listed (`documents` stays exact), so memory does not grow with the
    /// corpus; `corpus entities` lists them all.
    pub document_ids: Vec<String>,
    /// True when `document_ids` was cut short.
    pub document_ids_truncated: bool,
    /// Every form used, sorted.
    pub aliases: BTreeSet<String>,
    /// Every role given, sorted (actors).
    pub roles: BTreeSet<String>,
}

/// One troop figure in the corpus timeline: the figure (whose `date` the
/// timeline is sorted by) and its document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineFigure {
    /// The document.
    pub document: String,
    /// The figure as in the document.
    #[serde(flatten)]
    pub figure: TroopFigure,
}

/// A dated sentence with what it mentions (`corpus timeline`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    /// The ISO value of the sentence's first resolved date.
    pub date: String,
    /// The document.
    pub document: String,
    /// The sentence's span in the original text.
    pub span: Span,
    /// The sentence.
    pub text: String,
    /// Canonical names of the actors mentioned in the sentence.
    pub actors: Vec<String>,
    /// Canonical names of the places mentioned in the sentence.
    pub places: Vec<String>,
    /// The troop figures of the sentence.
    pub troop_figures: Vec<TroopFigure>,
}

/// The span of day-level dates.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DateSpan {
    /// Earliest day-level date with a known year.
    pub earliest: Option<String>,
    /// Latest day-level date with a known year.
    pub latest: Option<String>,
}

/// The corpus view, as printed in the summary.
#[derive(Debug, Default, Serialize)]
pub struct CorpusView {
    /// Earliest and latest day-level dates.
    pub date_span: DateSpan,
    /// Number of dated mentions (day or month, known year) per month.
    pub months: BTreeMap<String, usize>,
    /// Entities merged across documents, most documents first.
    pub entities: Vec<CorpusEntity>,
    /// Every troop figure, sorted by date (unknown dates last). Spilled to
    /// temporary files on large corpora, so memory stays bounded.
    pub troop_timeline: crate::spill::SortedSpill<TimelineFigure>,
}

/// Corpus-level counts, written last.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    /// Always `"summary"`.
    #[serde(rename = "type")]
    pub record_type: &'static str,
    /// Inputs seen: `documents + errors`.
    pub inputs: usize,
    /// Inputs analyzed.
    pub documents: usize,
    /// Inputs that failed.
    pub errors: usize,
    /// Warnings over all documents.
    pub warnings: usize,
    /// Date expressions over all documents.
    pub dates: usize,
    /// Actors (per document) over all documents.
    pub actors: usize,
    /// Places (per document) over all documents.
    pub places: usize,
    /// Troop figures over all documents.
    pub troop_figures: usize,
    /// Bytes of all documents.
    pub bytes: usize,
    /// The corpus view (JSON and JSON Lines summaries).
    #[serde(skip_serializing_if = "Option::is_none", flatten)]
    pub corpus: Option<CorpusView>,
}

impl Summary {
    /// An empty summary.
    pub fn new() -> Summary {
        Summary {
            record_type: "summary",
            ..Summary::default()
        }
    }

    /// Count one document in.
    pub fn add_document(&mut self, doc: &Document) {
        self.inputs += 1;
        self.documents += 1;
        self.warnings += doc.warnings.len();
        self.dates += doc.dates.len();
        self.actors += doc.actors.len();
        self.places += doc.places.len();
        self.troop_figures += doc.troop_figures.len();
        self.bytes += doc.stats.bytes;
    }

    /// Add the counts of another summary (of a part of the corpus).
    pub fn merge(&mut self, other: &Summary) {
        self.inputs += other.inputs;
        self.documents += other.documents;
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.dates += other.dates;
        self.actors += other.actors;
        self.places += other.places;
        self.troop_figures += other.troop_figures;
        self.bytes += other.bytes;
    }

    /// Count one error in.
    pub fn add_error(&mut self) {
        self.inputs += 1;
        self.errors += 1;
    }
}
