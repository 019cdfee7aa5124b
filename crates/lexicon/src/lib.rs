//! dyad's lexicon: actor dictionaries, roles, event patterns, function words, the CAMEO codebook
//! and the gazetteer, parsed from the plain-text files under `data/` and compiled once into an
//! immutable, `Send + Sync` value.
//!
//! This is the only crate that knows the dictionary syntax (documented in `data/README.md`).
//! Every parse error carries its file and line.
//!
//! ```
//! use dyad_lexicon::Lexicon;
//! use dyad_text::Lang;
//!
//! let lexicon = Lexicon::builtin().expect("the built-in lexicon is valid");
//! assert_eq!(lexicon.cameo().get("041").unwrap().quad_class, 1);
//! let italian = lexicon.lang(Lang::It);
//! assert!(!italian.patterns().is_empty());
//! ```
//!
//! Lower level: [`LangLexicon`] holds one language's phrase tries ([`PhraseIndex`]) and patterns;
//! [`Entity::code_at`] resolves a person's or organisation's code on a date.
#![deny(missing_docs)]

pub mod actor;
pub mod cameo;
pub mod date;
pub mod error;
pub mod index;
pub mod pattern;
mod sources;
mod vocab;

pub use actor::{valid_actor_code, Country, DatedCode, Entity, Place, Role, ROLES};
pub use cameo::{CameoCode, CameoTable};
pub use date::{Date, Precision};
pub use error::{Error, ErrorKind};
pub use index::{CaseRule, CaseRules, PhraseIndex, Words};
pub use pattern::{Atom, Elem, Pattern, PatternCode, Slot, Tok};
pub use sources::{builtin_sources, read_dir_sources, Source};

use dyad_text::Lang;
use rustc_hash::{FxHashMap, FxHashSet};

/// What an actor phrase means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorKind {
    /// A country's name: index into [`Lexicon::countries`].
    Country(u16),
    /// A country's adjective or demonym.
    Adjective(u16),
    /// A metonym for one of a country's institutions (`Cremlino` → RUS, GOV).
    Metonym(u16, Role),
    /// A person or organisation: index into [`Lexicon::entities`].
    Entity(u32),
    /// A place that stands for an organisation, as a capital stands for a government
    /// (`Brussels` → the European Union): after a locative preposition it is the place.
    Seat(u32),
    /// A bare surname that names a person only in context (`Sánchez`): after or before a
    /// role word, or when the person's country is named in the document.
    Surname(u32),
    /// A role with no country of its own.
    Agent(Role),
}

/// An actor phrase of a dictionary as written there (`Russland`, `Cremlino`, `Vladimir Putin`).
#[derive(Debug, Clone)]
pub struct ActorName {
    /// The language of the dictionary.
    pub lang: Lang,
    /// The phrase.
    pub phrase: Box<str>,
    /// What it means.
    pub kind: ActorKind,
}

/// What a function word or phrase does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    /// Negates the next trigger.
    Negation,
    /// Article or determiner.
    Article,
    /// A preposition: index into [`LangLexicon::prep_bases`].
    Prep(u16),
    /// Auxiliary or modal verb.
    Aux,
    /// Auxiliary that makes a following participle passive.
    Passive,
    /// Coordinating conjunction.
    And,
    /// Makes an event reciprocal.
    Reciprocal,
    /// Opens a new clause.
    Boundary,
    /// A relative pronoun (`che`, `who`): after a comma, its antecedent is the subject.
    Relative,
    /// A personal pronoun object (`him`, `them`): refers back to the previous target.
    Pronoun,
    /// A month, 1-12.
    Month(u8),
    /// A weekday, 0 = Monday.
    Weekday(u8),
    /// "yesterday".
    Yesterday,
    /// "the day before yesterday".
    BeforeYesterday,
    /// "today".
    Today,
    /// "tomorrow".
    Tomorrow,
    /// "the day after tomorrow" (`après-demain`, `übermorgen`).
    AfterTomorrow,
}

impl Func {
    /// A word that dates an event: a month, a weekday or a relative day.
    pub fn is_date_word(self) -> bool {
        matches!(
            self,
            Func::Month(_)
                | Func::Weekday(_)
                | Func::Yesterday
                | Func::Today
                | Func::Tomorrow
                | Func::BeforeYesterday
                | Func::AfterTomorrow
        )
    }
}

/// One language's compiled dictionaries and patterns.
#[derive(Debug, Default)]
pub struct LangLexicon {
    words: Words,
    actors: PhraseIndex<ActorKind>,
    func: PhraseIndex<Func>,
    prep_bases: Vec<String>,
    locative: FxHashSet<u16>,
    agent_preps: FxHashSet<u16>,
    genitive: FxHashSet<u16>,
    participle_suffixes: Vec<String>,
    participle_words: FxHashSet<String>,
    verb_second: bool,
    hyphen_compounds: bool,
    genitive_articles: FxHashSet<String>,
    infinitive_markers: FxHashSet<String>,
    place_nouns: FxHashSet<String>,
    patterns: Vec<Pattern>,
    by_word: FxHashMap<String, Vec<u32>>,
    by_prefix: FxHashMap<String, Vec<u32>>,
    prefix_lens: Vec<usize>,
}

impl LangLexicon {
    /// Interned words of this language's phrases.
    pub fn words(&self) -> &Words {
        &self.words
    }
    /// The actor phrase trie.
    pub fn actors(&self) -> &PhraseIndex<ActorKind> {
        &self.actors
    }
    /// The function-word trie.
    pub fn func(&self) -> &PhraseIndex<Func> {
        &self.func
    }
    /// Preposition bases (`a`, `di`, `with`), indexed by [`Func::Prep`].
    pub fn prep_bases(&self) -> &[String] {
        &self.prep_bases
    }
    /// The index of a preposition base.
    pub fn prep_index(&self, base: &str) -> Option<u16> {
        self.prep_bases
            .iter()
            .position(|b| b == base)
            .map(|i| i as u16)
    }
    /// Whether a preposition makes a following place name locative.
    pub fn is_locative(&self, prep: u16) -> bool {
        self.locative.contains(&prep)
    }
    /// Whether a preposition introduces a passive's agent.
    pub fn is_agent_prep(&self, prep: u16) -> bool {
        self.agent_preps.contains(&prep)
    }
    /// Whether a preposition is genitive (`di`, `of`): it joins a role to its country.
    pub fn is_genitive(&self, prep: u16) -> bool {
        self.genitive.contains(&prep)
    }
    /// Whether a normalised word looks like a past participle (`condannata`, `killed`, `shot`).
    pub fn is_participle(&self, norm: &str) -> bool {
        self.participle_words.contains(norm)
            || self
                .participle_suffixes
                .iter()
                .any(|s| norm.len() > s.len() + 1 && norm.ends_with(s.as_str()))
    }
    /// Whether the language puts the finite verb second and objects before a clause-final
    /// participle (`word-order: verb-second`, German).
    pub fn is_verb_second(&self) -> bool {
        self.verb_second
    }
    /// Whether a hyphenated compound whose first part names a country or organisation refers to
    /// it (`compound-actors: hyphen`: `Nato-Gipfel`, `Russland-Besuch`).
    pub fn hyphen_compounds(&self) -> bool {
        self.hyphen_compounds
    }
    /// Whether a normalised word is an article that marks a genitive after a role
    /// (`genitive-article: der | des`: `Außenminister der Ukraine`).
    pub fn is_genitive_article(&self, norm: &str) -> bool {
        self.genitive_articles.contains(norm)
    }
    /// Whether a normalised word is a noun that makes the name after it a place (`place-noun:
    /// Stadt`: `die Stadt Duma`).
    pub fn is_place_noun(&self, norm: &str) -> bool {
        self.place_nouns.contains(norm)
    }
    /// Whether a normalised word marks an infinitive clause (`infinitive: zu`).
    pub fn is_infinitive_marker(&self, norm: &str) -> bool {
        self.infinitive_markers.contains(norm)
    }
    /// Whether the language has genitive articles (and so genitives after the noun).
    pub fn has_genitive_articles(&self) -> bool {
        !self.genitive_articles.is_empty()
    }
    /// Every pattern, in file order.
    pub fn patterns(&self) -> &[Pattern] {
        &self.patterns
    }
    /// Patterns whose first element may accept a token with this normalised form.
    pub fn candidates(&self, norm: &str, out: &mut Vec<u32>) {
        if let Some(list) = self.by_word.get(norm) {
            out.extend_from_slice(list);
        }
        for &len in &self.prefix_lens {
            if len > norm.len() {
                break;
            }
            if let Some(prefix) = norm.get(..len) {
                if let Some(list) = self.by_prefix.get(prefix) {
                    out.extend_from_slice(list);
                }
            }
        }
    }
}

/// The whole compiled lexicon: immutable, cheap to share between threads.
#[derive(Debug)]
pub struct Lexicon {
    cameo: CameoTable,
    countries: Vec<Country>,
    entities: Vec<Entity>,
    places: Vec<Place>,
    place_words: Words,
    place_index: PhraseIndex<u32>,
    langs: Vec<LangLexicon>,
    names: Vec<ActorName>,
    /// Built on the first detection: commands that are told the language never pay for it.
    vocab: std::sync::OnceLock<vocab::Vocab>,
}

impl Lexicon {
    /// Every actor phrase of the dictionaries, in every language, in file order.
    pub fn actor_names(&self) -> &[ActorName] {
        &self.names
    }

    /// The lexicon compiled into the binary.
    pub fn builtin() -> Result<Lexicon, Vec<Error>> {
        Lexicon::from_sources(&builtin_sources())
    }

    /// Compiles a lexicon from sources named by their path relative to a data folder
    /// (`actors/countries.txt`, `patterns/it.txt`, ...). Later sources add to earlier ones.
    pub fn from_sources(sources: &[Source]) -> Result<Lexicon, Vec<Error>> {
        sources::compile(sources)
    }

    /// Guesses the language of a text from its function words, letters, word endings and the
    /// content words of this lexicon's dictionaries; `None` when unsure (see `dyad_text::detect`).
    pub fn detect(&self, text: &str) -> Option<Lang> {
        let vocab = self.vocab.get_or_init(|| vocab::Vocab::build(&self.langs));
        dyad_text::detect_with(text, &|norm| vocab.mask(norm))
    }

    /// The CAMEO codebook.
    pub fn cameo(&self) -> &CameoTable {
        &self.cameo
    }
    /// Every country.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }
    /// A country by its code.
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.code == code)
    }
    /// Every person and organisation.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }
    /// Every place of the gazetteer.
    pub fn places(&self) -> &[Place] {
        &self.places
    }
    /// Interned words of place names.
    pub fn place_words(&self) -> &Words {
        &self.place_words
    }
    /// The place-name trie (values index [`Lexicon::places`]).
    pub fn place_index(&self) -> &PhraseIndex<u32> {
        &self.place_index
    }
    /// One language's dictionaries.
    pub fn lang(&self, lang: Lang) -> &LangLexicon {
        &self.langs[lang_slot(lang)]
    }
}

fn lang_slot(lang: Lang) -> usize {
    Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Lexicon>();
    }
}
