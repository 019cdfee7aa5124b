//! The event coder: pure functions from an analysed document and a [`Lexicon`] to CAMEO events.
//!
//! The coder never fails and never does I/O. For each sentence it finds actor mentions (countries,
//! adjectives, metonyms, people, organisations, roles), assembles them into actors
//! (`forze azere` → `AZEMIL`), finds event triggers with the language's patterns, and attaches a
//! source and a target to each trigger, handling passives, negation, reporting clauses, compound
//! actors, reciprocals, dates and places. Every event carries the byte spans of its evidence and
//! the id of the pattern that fired.
//!
//! ```
//! use dyad_coder::{code_document, Document};
//! use dyad_lexicon::{Date, Lexicon};
//! use dyad_text::Lang;
//!
//! let lexicon = Lexicon::builtin().unwrap();
//! let doc = Document {
//!     id: "x".into(),
//!     text: "Il governo russo ha accusato l'Ucraina.".into(),
//!     lang: Lang::It,
//!     date: Date::parse("2022-03-01"),
//! };
//! let (events, _diagnostics) = code_document(&lexicon, &doc);
//! assert_eq!(events[0].cameo, "112");
//! assert_eq!(events[0].source.code, "RUSGOV");
//! assert_eq!(events[0].target.as_ref().unwrap().code, "UKR");
//! ```
#![deny(missing_docs)]

mod actors;
mod analysis;
mod dates;
mod events;

pub use analysis::{analyze, Analysis, MentionInfo, NearMiss, SentenceAnalysis, TriggerInfo};

use dyad_lexicon::{Date, Lexicon, Precision};
use dyad_text::Lang;
use serde::Serialize;

/// A document ready to code.
#[derive(Debug, Clone)]
pub struct Document {
    /// Document id.
    pub id: String,
    /// Its text (without any date header).
    pub text: String,
    /// Its language.
    pub lang: Lang,
    /// Its publication date, if known.
    pub date: Option<Date>,
}

/// A byte span into the document text.
pub type Span = (usize, usize);

/// An actor of an event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Actor {
    /// CAMEO actor code, e.g. `RUSGOV`, `IGOUNO`, `---CVL`.
    pub code: String,
    /// ISO alpha-3 country, when the actor has one.
    pub country: Option<String>,
    /// Role codes after the country (`["GOV"]`).
    pub roles: Vec<String>,
    /// A readable name: the person or organisation, or the country's name.
    pub name: String,
    /// The words of the text that name the actor.
    pub text: String,
    /// Byte span of those words.
    pub span: Span,
}

/// Where an event happened.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceRef {
    /// Place name.
    pub name: String,
    /// ISO alpha-3 country.
    pub country: String,
    /// First-level administrative division.
    pub admin1: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// GeoNames id.
    pub geonameid: u32,
    /// Byte span of the place name in the text.
    pub span: Span,
}

/// One coded event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// Byte span of the sentence.
    pub sentence_span: Span,
    /// The actor that acts.
    pub source: Actor,
    /// The actor acted upon, if any.
    pub target: Option<Actor>,
    /// CAMEO event code.
    pub cameo: String,
    /// Byte span of the trigger (first to last trigger word).
    pub trigger: Span,
    /// Id of the pattern that fired.
    pub rule: String,
    /// The event's date.
    pub date: Option<Date>,
    /// Where it happened.
    pub place: Option<PlaceRef>,
    /// A place the text ties to the source (`protesters in Rafah`), if any.
    pub source_place: Option<PlaceRef>,
    /// A place the text ties to the target, if any.
    pub target_place: Option<PlaceRef>,
}

/// Something the coder noticed and the user may want to know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Sentence index.
    pub sentence: usize,
    /// What happened.
    pub message: String,
}

/// Codes every sentence of a document.
pub fn code_document(lexicon: &Lexicon, doc: &Document) -> (Vec<Event>, Vec<Diagnostic>) {
    let analysis = analysis::run(lexicon, doc, false);
    (analysis.events, analysis.diagnostics)
}

/// The precision a document date gives to events that take it.
pub fn doc_precision(date: Option<Date>) -> Option<Precision> {
    date.map(|d| d.precision)
}
