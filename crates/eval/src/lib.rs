//! Scoring coded events against hand-coded gold events: a faithful port of the
//! reference scorer `score.py`, whose text and JSON output this crate
//! reproduces byte for byte.
//!
//! # Overview
//!
//! * [`GoldDoc`] and [`GoldEvent`]: one gold document and the events a careful
//!   human coder requires of it (`events`) or accepts (`optional`). Read them with
//!   [`load_gold`] or, one line at a time, [`parse_gold_line`].
//! * [`SystemEvent`]: one event of the system under test, reduced to its document
//!   id, source, target and CAMEO code. Read them with [`load_system`] or
//!   [`parse_system_line`].
//! * [`score`] matches system events to gold events one to one, per document, and
//!   returns a [`Report`] of [`Counts`] per matching mode and language, and per
//!   CAMEO root.
//! * [`Report::render_table`] and [`Report::render_json`] print the report as
//!   the reference prints it.
//!
//! # Example
//!
//! ```
//! use std::path::Path;
//! use dyad_eval::{parse_gold_line, parse_system_line, score};
//!
//! # fn main() -> Result<(), dyad_eval::Error> {
//! let gold = [parse_gold_line(
//!     r#"{"id": "n1", "lang": "en", "text": "Paris thanked Berlin for the loan.",
//!         "events": [{"source": "FRAGOV", "target": "DEUGOV", "cameo": "051"}]}"#,
//!     Path::new("."),
//! )?];
//! let system = [
//!     parse_system_line(r#"{"doc_id": "n1", "source": {"code": "FRA"}, "target": "DEU", "cameo": "051"}"#)?,
//!     parse_system_line(r#"{"doc_id": "n9", "source": "ITA", "target": null, "cameo": "010"}"#)?,
//! ];
//! let report = score(&gold, &system);
//!
//! // Leniently, FRA is FRAGOV: same countries, same root.
//! let lenient = report.cell("lenient", "en").unwrap();
//! assert_eq!((lenient.tp, lenient.fp, lenient.fn_), (1, 0, 0));
//! // Strictly, the roles must agree too.
//! let strict = report.cell("strict", "all").unwrap();
//! assert_eq!((strict.tp, strict.fp, strict.fn_), (0, 1, 1));
//! assert_eq!(strict.f1(), 0.0);
//! // The event on document n9 names no gold document.
//! assert_eq!(report.stray_events(), 1);
//!
//! assert!(report.render_table(false).starts_with("1 documents; 1 system events"));
//! assert!(report.render_json().contains("\"stray_events\": 1"));
//! # Ok(())
//! # }
//! ```
//!
//! # Matching
//!
//! Codes are normalised first: an actor code is upper-cased and split into its
//! first three characters and its remaining three-character role pieces, sorted
//! (so `USAGOVMIL` equals `USAMILGOV`); empty, `NONE` and `NULL` mean no actor and
//! `*` as a gold target means any target or none. A CAMEO code loses anything
//! from the first `_` and then the first `:`.
//!
//! * **lenient**: same source country, same target country (or gold `*`), same
//!   CAMEO root (first two characters).
//! * **strict**: same source and target, roles included, and a system code that
//!   starts with the gold code.
//!
//! In each document, system events are taken in order and each takes the first
//! unused required event it matches. An unmatched system event that matches an
//! optional event, or a `*`-target event already satisfied, is neither rewarded
//! nor punished; any other is a false positive. Required events left unused are
//! false negatives.
//!
//! # Fidelity
//!
//! Every value is reduced as Python reduces it: a code that is a JSON number is
//! its `str()` (`43`, `4.0`), a CAMEO that is `0`, `""` or `null` is empty,
//! `doc_id` absent is `"None"`, lines end at `\n`, `\r\n` or `\r`, and
//! stripping follows `str.strip()`. Where `score.py` would crash (a line that is
//! not an object, a document without an id, a `lang` that is not a string,
//! `events` that is not a list of objects), the loaders return an [`Error`]
//! naming the file and line. Unlike `score.py`, [`load_gold`] also insists on
//! each document's text: a `text`, or a `file` that can be read.
//!
//! Three differences remain, all on values no gold or system file has a reason
//! to hold, because the JSON parser does not keep what Python keeps: the number
//! `-0` reads as `-0.0` (Python: `0`), integers beyond 64 bits read as floats,
//! and a code that is a JSON object of several keys prints its keys sorted.
//! Lines that Python's `json` accepts but JSON forbids (`NaN`, `Infinity`) are
//! errors here.

#![deny(missing_docs)]

use std::collections::BTreeMap;
use std::path::PathBuf;

mod error;
mod load;
mod py;
mod render;
mod score;

pub use crate::error::{Error, ErrorKind};
pub use crate::load::{load_gold, load_system, parse_gold_line, parse_system_line};
pub use crate::score::score;

/// One gold document as read from a gold file.
///
/// The text is resolved: a gold `file` is read relative to the gold file's
/// folder, all of it, as UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldDoc {
    /// The document id: Python's `str()` of the `id` value, so `7` is `"7"`.
    pub id: String,
    /// The language code; `None` when absent, scored under `??`.
    pub lang: Option<String>,
    /// The publication date (`YYYY-MM-DD` or `YYYY-MM`) when given as a string.
    pub date: Option<String>,
    /// The document's text.
    pub text: String,
    /// The events a careful coder requires.
    pub events: Vec<GoldEvent>,
    /// The events a coder would accept but not require.
    pub optional: Vec<GoldEvent>,
    /// The file the text was read from, resolved; `None` for an inline `text`.
    pub file: Option<PathBuf>,
    /// The 1-based line of the gold file (0 for a document parsed on its own).
    pub line: usize,
}

/// One gold event, as written (normalisation happens when scoring).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldEvent {
    /// The source actor code; `None` when absent or null.
    pub source: Option<String>,
    /// The target actor code, `*` for any target or none; `None` when absent or null.
    pub target: Option<String>,
    /// The CAMEO code; empty when absent or false-ish.
    pub cameo: String,
}

/// A system event reduced to what the scorer reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SystemEvent {
    /// The gold document's id, as Python's `str()` gives it (`"None"` when absent).
    pub doc_id: String,
    /// The source actor code; `None` when absent or null.
    pub source: Option<String>,
    /// The target actor code; `None` when absent or null.
    pub target: Option<String>,
    /// The CAMEO code (`cameo`, else `code`); empty when neither is given.
    pub cameo: String,
}

/// True positives, false positives and false negatives of one table cell.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// System events matched to a required gold event.
    pub tp: u64,
    /// System events matched to nothing (and not excused).
    pub fp: u64,
    /// Required gold events no system event matched.
    pub fn_: u64,
}

impl Counts {
    /// Precision, `tp / (tp + fp)`, or 0 when there is no system event.
    pub fn p(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// Recall, `tp / (tp + fn)`, or 0 when there is no gold event.
    pub fn r(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// The harmonic mean of precision and recall, or 0 when both are 0.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        // Same operations in the same order as the reference, for the same bits.
        if p + r != 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

fn ratio(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// The result of [`score`]: micro-averaged counts per mode and language, and
/// lenient counts per CAMEO root.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    documents: usize,
    stray_events: u64,
    lenient: BTreeMap<String, Counts>,
    strict: BTreeMap<String, Counts>,
    roots: BTreeMap<String, Counts>,
}

impl Report {
    /// The counts of one cell: `mode` is `lenient` or `strict`, `lang` a
    /// language code, `??` for documents without one, or `all`.
    pub fn cell(&self, mode: &str, lang: &str) -> Option<Counts> {
        self.table(mode)?.get(lang).copied()
    }

    /// The cells of one mode in table order: languages sorted, `all` last.
    /// Empty for an unknown mode.
    pub fn cells(&self, mode: &str) -> Vec<(&str, Counts)> {
        let mut cells: Vec<(&str, Counts)> = self
            .table(mode)
            .into_iter()
            .flatten()
            .map(|(lang, c)| (lang.as_str(), *c))
            .collect();
        cells.sort_by_key(|&(lang, _)| (lang == "all", lang));
        cells
    }

    /// The lenient counts per CAMEO root (the code's first two characters), sorted.
    pub fn roots(&self) -> impl Iterator<Item = (&str, Counts)> {
        self.roots.iter().map(|(root, c)| (root.as_str(), *c))
    }

    /// The number of gold documents scored.
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// The number of system events whose `doc_id` names no gold document.
    pub fn stray_events(&self) -> u64 {
        self.stray_events
    }

    fn table(&self, mode: &str) -> Option<&BTreeMap<String, Counts>> {
        match mode {
            "lenient" => Some(&self.lenient),
            "strict" => Some(&self.strict),
            _ => None,
        }
    }
}
