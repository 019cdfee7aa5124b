//! Errors of reading gold and system files: each names the file and line it concerns.

use std::fmt;
use std::path::{Path, PathBuf};

/// A problem met while reading a gold or system file.
///
/// The scorer itself never fails; only reading does. An error carries the file
/// and the 1-based line when it knows them, and [`Display`](fmt::Display)
/// prints them as `path:line: what is wrong`.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    path: Option<PathBuf>,
    line: Option<usize>,
}

/// What is wrong.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The gold or system file itself could not be read.
    Io(std::io::Error),
    /// A line is not valid UTF-8.
    NotUtf8,
    /// A line is not JSON; the message is the JSON parser's.
    NotJson(String),
    /// A line is JSON but not a JSON object.
    NotAnObject,
    /// A gold document has no `id`.
    MissingId,
    /// A gold document has neither `text` nor `file`.
    MissingText,
    /// The file named by a gold document's `file` could not be read as UTF-8 text.
    UnreadableFile {
        /// The path as resolved against the gold file's folder.
        file: PathBuf,
        /// Why it could not be read.
        error: std::io::Error,
    },
    /// A field has a type the scorer cannot use.
    InvalidField {
        /// The field's name.
        field: &'static str,
        /// What it should have been.
        expected: &'static str,
    },
}

impl Error {
    /// An error without location; [`Error::at`] adds one.
    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error {
            kind,
            path: None,
            line: None,
        }
    }

    /// The same error, located at `path` and (when known) `line`.
    pub(crate) fn at(mut self, path: &Path, line: Option<usize>) -> Error {
        self.path = Some(path.to_path_buf());
        self.line = line;
        self
    }

    /// What is wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The file the error concerns, when known.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The 1-based line the error concerns, when known.
    pub fn line(&self) -> Option<usize> {
        self.line
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.path, self.line) {
            (Some(path), Some(line)) => write!(f, "{}:{}: ", path.display(), line)?,
            (Some(path), None) => write!(f, "{}: ", path.display())?,
            (None, _) => {}
        }
        match &self.kind {
            ErrorKind::Io(error) => write!(f, "cannot read: {error}"),
            ErrorKind::NotUtf8 => write!(f, "not UTF-8"),
            ErrorKind::NotJson(message) => write!(f, "not JSON: {message}"),
            ErrorKind::NotAnObject => write!(f, "not a JSON object"),
            ErrorKind::MissingId => write!(f, "document has no \"id\""),
            ErrorKind::MissingText => write!(f, "document has neither \"text\" nor \"file\""),
            ErrorKind::UnreadableFile { file, error } => {
                write!(f, "cannot read {} as UTF-8 text: {error}", file.display())
            }
            ErrorKind::InvalidField { field, expected } => {
                write!(f, "\"{field}\" should be {expected}")
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(error) | ErrorKind::UnreadableFile { error, .. } => Some(error),
            _ => None,
        }
    }
}
