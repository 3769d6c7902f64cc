//! Command-line interface: the clap definitions. Their doc comments are the
//! `--help` text, so this file is also the reference of every flag.

use crate::output::Format;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Turn Vietnamese news articles into structured, span-exact JSON: dates,
/// actors, places and troop figures.
#[derive(Debug, Parser)]
#[command(
    name = "corpus",
    version,
    after_help = "Examples:\n  corpus analyze seeds/ | jq '.documents | length'\n  corpus analyze --format jsonl corpus/ > out.jsonl\n  corpus analyze --format csv --only troops seeds/ > troops.csv\n  corpus analyze -o out.json seeds/\n  cat articles.jsonl | corpus analyze --input jsonl -\n  corpus normalize --fold seeds/000_36f7b37c0ef47342.txt\n\nExit codes: 0 all inputs analyzed, 1 some inputs failed (see errors), 2 usage error or nothing readable."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyze files and folders and print one JSON report.
    Analyze(AnalyzeArgs),
    /// Print the normalized text of one file (NFC, unified tone marks).
    Normalize(NormalizeArgs),
    /// Print the dated events of the articles, in chronological order: one
    /// per sentence with a resolvable date, with its actors, places and
    /// troop figures.
    Timeline(TimelineArgs),
    /// Print the entities (actors and places) merged across all articles.
    Entities(EntitiesArgs),
    /// Print the JSON Schema (draft 2020-12) of the `analyze` output.
    Schema,
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `corpus man | man -l -`.
    Man,
}

/// A part of the analysis that `--only` can select.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Part {
    /// Temporal expressions.
    Dates,
    /// Persons and organizations.
    Actors,
    /// Places.
    Places,
    /// Troop figures.
    Troops,
}

/// How inputs are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// Each file is one article.
    Text,
    /// Each line is one article: `{"id": …, "text": …, "published": …}`.
    Jsonl,
}

/// Options of `corpus analyze`.
#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// The articles.
    #[command(flatten)]
    pub input_args: InputArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,

    /// Indent the JSON (the default when standard output is a terminal).
    /// JSON Lines is always one record per line.
    #[arg(long)]
    pub pretty: bool,

    /// Write to FILE instead of standard output. The file is replaced only
    /// when the run completes: never half-written.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Also match gazetteer names without diacritics (`Trieu Tien` finds
    /// North Korea). Off by default: Vietnamese tones carry meaning.
    #[arg(long)]
    pub fold: bool,

    /// Add gazetteer entries from a TSV file (see data/README.md).
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Vec<PathBuf>,

    /// Print nothing on standard error but real errors.
    #[arg(short, long)]
    pub quiet: bool,

    /// Extract and print only these parts (comma-separated).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "PART")]
    pub only: Vec<Part>,

    /// Input format: plain text files, or JSON Lines with one article per
    /// line (`id`, `text`, optional `published` as YYYY-MM[-DD]).
    #[arg(long, value_enum, default_value_t = InputFormat::Text)]
    pub input: InputFormat,
}

/// Where the articles come from (shared by `analyze`, `timeline` and
/// `entities`).
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files and folders; `-` reads standard input. Folders are walked
    /// recursively, hidden entries skipped.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// File extensions taken from folders (comma-separated).
    #[arg(long, value_delimiter = ',', default_value = "txt", value_name = "EXT")]
    pub ext: Vec<String>,

    /// Worker threads (default: one per core).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,

    /// Largest file to read, in bytes (suffixes K, M, G allowed).
    #[arg(long, default_value = "64M", value_parser = parse_size, value_name = "SIZE")]
    pub max_file_size: u64,
}

/// Output of `corpus timeline`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TimelineFormat {
    /// A JSON array of events.
    Json,
    /// An aligned table for a terminal.
    Table,
}

/// Options of `corpus timeline`.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// The articles.
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = TimelineFormat::Json)]
    pub format: TimelineFormat,
}

/// Kinds of entity `corpus entities` can list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EntityKind {
    /// Persons.
    Person,
    /// Organizations.
    Organization,
    /// Places.
    Place,
}

/// Options of `corpus entities`.
#[derive(Debug, Args)]
pub struct EntitiesArgs {
    /// The articles.
    #[command(flatten)]
    pub input: InputArgs,

    /// Only entities of this kind.
    #[arg(long, value_enum)]
    pub kind: Option<EntityKind>,
}

/// Options of `corpus normalize`.
#[derive(Debug, Args)]
pub struct NormalizeArgs {
    /// The file to normalize; `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub path: PathBuf,

    /// Print the folded matching key instead (lowercase, no diacritics, đ→d).
    #[arg(long)]
    pub fold: bool,
}

/// Parse a size such as `64M`, `512K`, `1G` or a plain number of bytes.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (digits, mult) = match s.chars().last() {
        Some('k' | 'K') => (&s[..s.len() - 1], 1u64 << 10),
        Some('m' | 'M') => (&s[..s.len() - 1], 1 << 20),
        Some('g' | 'G') => (&s[..s.len() - 1], 1 << 30),
        _ => (s, 1),
    };
    let n: u64 = digits
        .trim()
        .parse()
        .map_err(|_| format!("invalid size {s:?}: use a number of bytes, or K, M, G"))?;
    n.checked_mul(mult)
        .ok_or_else(|| format!("size {s:?} is too large"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_valid() {
        Cli::command().debug_assert();
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("10k"), Ok(10 << 10));
        assert_eq!(parse_size("123"), Ok(123));
        assert!(parse_size("lots").is_err());
    }
}
