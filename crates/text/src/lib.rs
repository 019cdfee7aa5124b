//! Text analysis for dyad: language detection, sentence splitting, tokens with byte
//! spans, normalisation and light stemming. Knows nothing of events.
//!
//! # Overview
//!
//! The principal types are:
//!
//! * [`Lang`]: the five languages dyad can code (Italian, English, Spanish, French, German).
//! * [`Token`]: a word, number or punctuation mark with its byte span in the analysed text and
//!   its normalised form ([`normalize`]: lower case, no diacritics, `'` for every apostrophe).
//! * [`Sentence`]: a byte span and the tokens inside it, in document coordinates.
//!
//! and the functions, each a pure function from text to values:
//!
//! * [`detect`] guesses the language from function words and letters, or says it is unsure.
//! * [`tokenize`] cuts text into tokens; the tokens plus the whitespace between them give back
//!   the input exactly, so every later stage can point at evidence in the original text.
//! * [`split_sentences`] groups the tokens of a document into sentences.
//! * [`stem`] strips common inflectional endings from a normalised word.
//!
//! # Example
//!
//! ```
//! use dyad_text::{detect, split_sentences, stem, Lang, TokenKind};
//!
//! let doc = "Escalation nel Nagorno-Karabakh\n\
//!            Il ministro degli Esteri ha convocato l'ambasciatore. \
//!            La Russia chiede all'Azerbaigian di fermare l'offensiva.";
//! let lang = detect(doc).unwrap();
//! assert_eq!(lang, Lang::It);
//!
//! let sentences = split_sentences(doc, lang);
//! assert_eq!(sentences.len(), 3);
//! assert_eq!(sentences[0].text(doc), "Escalation nel Nagorno-Karabakh");
//!
//! // Elisions are split after the apostrophe, which stays on the article.
//! let norms: Vec<&str> = sentences[2].tokens.iter().map(|t| t.norm.as_str()).collect();
//! assert_eq!(
//!     norms,
//!     ["la", "russia", "chiede", "all'", "azerbaigian", "di", "fermare", "l'", "offensiva", "."]
//! );
//! // Spans are byte offsets into the document.
//! let last = sentences[2].tokens.last().unwrap();
//! assert_eq!(last.kind, TokenKind::Punct);
//! assert_eq!(last.text(doc), ".");
//!
//! assert_eq!(stem("convocato", Lang::It), "convoc");
//! ```
//!
//! # Lower level pieces
//!
//! Per-language data (abbreviations that do not end a sentence, function words for detection,
//! stemming rules) lives in one small file per language under `src/lang/`, behind an exhaustive
//! `match` on [`Lang`]. `src/lang/template.rs` is a compiling template for a new language.
#![deny(missing_docs)]

mod detect;
mod lang;
mod normalize;
mod sentence;
mod token;

pub use detect::{detect, detect_with};
pub use normalize::normalize;
pub use sentence::split_sentences;
pub use token::tokenize;

/// A language dyad can code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// Italian
    It,
    /// English
    En,
    /// Spanish
    Es,
    /// French
    Fr,
    /// German
    De,
}

impl Lang {
    /// Every supported language, in a fixed order.
    pub const ALL: [Lang; 5] = [Lang::It, Lang::En, Lang::Es, Lang::Fr, Lang::De];
    /// The ISO 639-1 code ("it", "en", ...).
    pub fn code(self) -> &'static str {
        match self {
            Lang::It => "it",
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Fr => "fr",
            Lang::De => "de",
        }
    }
    /// Parses an ISO 639-1 code, case-insensitively.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code.trim()))
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// What kind of text a token holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (possibly with inner hyphens, dots of abbreviations, or a final elision apostrophe).
    Word,
    /// Digits, possibly with inner separators ("2,8", "300.000", "2014").
    Number,
    /// Any other non-space character.
    Punct,
}

/// A token with its provenance.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Token {
    /// Byte offset of the first byte in the analysed text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Normalised form: lower case, diacritics removed, typographic apostrophes as `'`.
    pub norm: String,
    /// Kind of token.
    pub kind: TokenKind,
}

impl Token {
    /// The token's original text, given the text it was cut from.
    ///
    /// # Panics
    ///
    /// Panics if `source` is not the text (or document) the token was produced from.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }

    /// True for [`TokenKind::Word`] tokens.
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// True for [`TokenKind::Punct`] tokens.
    pub fn is_punct(&self) -> bool {
        self.kind == TokenKind::Punct
    }
}

/// A sentence: its byte span in the analysed text and its tokens (spans in the same coordinates).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Sentence {
    /// Byte offset of the sentence's first token.
    pub start: usize,
    /// Byte offset one past the sentence's last token.
    pub end: usize,
    /// The tokens, in order; their spans are offsets into the same text as the sentence's.
    pub tokens: Vec<Token>,
}

impl Sentence {
    /// The sentence's original text, given the document it was cut from.
    ///
    /// # Panics
    ///
    /// Panics if `source` is not the document the sentence was produced from.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }
}

/// Strips common inflectional endings (plural, gender, frequent verb endings) from a word that
/// has already been through [`normalize`]. The result is always a prefix of `norm`; short words
/// are returned unchanged.
///
/// ```
/// use dyad_text::{stem, Lang};
/// assert_eq!(stem("accusano", Lang::It), "accus");
/// assert_eq!(stem("sanctions", Lang::En), "sanction");
/// ```
pub fn stem(norm: &str, lang: Lang) -> &str {
    (lang::data(lang).stem)(norm)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_are_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Token>();
        check::<Sentence>();
        check::<Lang>();
    }

    #[test]
    fn display_is_the_code() {
        assert_eq!(Lang::De.to_string(), "de");
        assert_eq!(Lang::from_code(" FR "), Some(Lang::Fr));
        assert_eq!(Lang::from_code("pt"), None);
    }
}
