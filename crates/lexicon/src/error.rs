//! Errors of lexicon parsing and validation: every one names its file and line.

use std::fmt;

/// A problem in a lexicon file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// The file, as given to the parser (a path relative to the lexicon folder).
    pub file: String,
    /// The 1-based line, or 0 when the problem concerns the whole file.
    pub line: usize,
    /// What is wrong.
    pub kind: ErrorKind,
}

/// What is wrong with a lexicon line.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The line does not follow the file's syntax.
    Syntax(String),
    /// A CAMEO actor code that is not well formed or names an unknown role.
    BadActorCode(String),
    /// An event code that is not in the CAMEO table.
    UnknownEventCode(String),
    /// A key (pattern id, country code, entity name) defined twice.
    Duplicate(String),
    /// Two date ranges of one entity overlap.
    OverlappingDates(String),
    /// A date that is not `YYYY-MM-DD`.
    BadDate(String),
    /// A language code dyad does not know.
    UnknownLanguage(String),
    /// The file could not be read.
    Io(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: ", self.file, self.line)?;
        } else {
            write!(f, "{}: ", self.file)?;
        }
        match &self.kind {
            ErrorKind::Syntax(m) => write!(f, "{m}"),
            ErrorKind::BadActorCode(c) => write!(f, "bad actor code {c:?}"),
            ErrorKind::UnknownEventCode(c) => {
                write!(f, "event code {c:?} is not in the CAMEO table")
            }
            ErrorKind::Duplicate(k) => write!(f, "{k} is defined twice"),
            ErrorKind::OverlappingDates(m) => write!(f, "overlapping date ranges: {m}"),
            ErrorKind::BadDate(d) => write!(f, "bad date {d:?} (want YYYY-MM-DD)"),
            ErrorKind::UnknownLanguage(l) => write!(f, "unknown language {l:?}"),
            ErrorKind::Io(m) => write!(f, "cannot read: {m}"),
        }
    }
}

impl std::error::Error for Error {}

impl Error {
    pub(crate) fn new(file: &str, line: usize, kind: ErrorKind) -> Error {
        Error {
            file: file.to_string(),
            line,
            kind,
        }
    }
}
