//! Typed library errors.
//!
//! Two families live here:
//! - [`InputError`]: one input file could not become a document. It is *data*:
//!   the pipeline turns it into an `errors[]` record and carries on with the
//!   other files. [`InputError::kind`] is the stable string of the output
//!   contract, so scripts can branch on it.
//! - [`Error`]: the run itself cannot go on (bad arguments, output not
//!   writable, a malformed user gazetteer). The binary maps it to exit code 2.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// Why one input did not become a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// Reading failed (permissions, vanished file, I/O error).
    Io(String),
    /// The bytes contain NUL bytes and no UTF-16 byte-order mark: a binary file.
    Binary,
    /// The bytes are not text in any supported encoding.
    Decode(String),
    /// The file is larger than `--max-file-size`.
    TooLarge {
        /// Size of the file in bytes.
        size: u64,
        /// The limit in force, in bytes.
        limit: u64,
    },
    /// Not a regular file (FIFO, socket, device): never read.
    NotRegular(&'static str),
    /// Walking a folder failed (unreadable folder, symlink loop).
    Walk(String),
    /// A JSON Lines input record could not be parsed.
    Record(String),
    /// Analyzing the input hit a bug in `corpus` (a panic, with its
    /// message): the other inputs are still analyzed.
    Internal(String),
}

impl InputError {
    /// The stable `kind` string used in `errors[]` records.
    pub fn kind(&self) -> &'static str {
        match self {
            InputError::Io(_) => "io",
            InputError::Binary => "binary",
            InputError::Decode(_) => "decode",
            InputError::TooLarge { .. } => "too_large",
            InputError::NotRegular(_) => "not_regular",
            InputError::Walk(_) => "walk",
            InputError::Record(_) => "record",
            InputError::Internal(_) => "internal",
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Io(msg) => write!(f, "cannot read file: {msg}"),
            InputError::Binary => write!(f, "binary file (contains NUL bytes), not text"),
            InputError::Decode(msg) => write!(f, "cannot decode text: {msg}"),
            InputError::TooLarge { size, limit } => write!(
                f,
                "file is {size} bytes, over the --max-file-size limit of {limit} bytes"
            ),
            InputError::NotRegular(what) => write!(f, "not a regular file ({what}); skipped"),
            InputError::Walk(msg) => write!(f, "cannot walk: {msg}"),
            InputError::Record(msg) => write!(f, "bad input record: {msg}"),
            InputError::Internal(msg) => write!(
                f,
                "internal error while analyzing (a bug in corpus; please report it with this file): {msg}"
            ),
        }
    }
}

impl std::error::Error for InputError {}

/// A failure that stops the whole run.
#[derive(Debug)]
pub enum Error {
    /// Writing the output failed (includes broken pipes: the binary checks
    /// [`io::ErrorKind::BrokenPipe`] and exits quietly).
    Output(io::Error),
    /// A `--gazetteer` file could not be read or parsed.
    Gazetteer {
        /// The file given by the user.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// The command line was well-formed but cannot be carried out.
    Usage(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // the cause is the `source`, printed after this by `{:#}`
            Error::Output(_) => write!(f, "cannot write output"),
            Error::Gazetteer { path, message } => {
                write!(f, "gazetteer {}: {message}", path.display())
            }
            Error::Usage(msg) => write!(f, "{msg}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Output(e) => Some(e),
            _ => None,
        }
    }
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        Error::Output(e)
    }
}

impl Error {
    /// True when the error is a closed pipe on output, which a Unix tool
    /// treats as a quiet, successful end (`corpus analyze | head`).
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Output(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}
