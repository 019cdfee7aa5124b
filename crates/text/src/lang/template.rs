//! Template for a new language. Copy this file to `xx.rs` (the ISO 639-1 code), then:
//!
//! 1. add a variant to [`crate::Lang`] and its code to `Lang::code` and `Lang::ALL`;
//! 2. declare the module in `lang/mod.rs` and add an arm `Lang::Xx => &xx::DATA` to `data`;
//! 3. fill the three word lists below, normalised (lower case, no diacritics: run the words
//!    through `dyad_text::normalize`; a unit test rejects any that are not);
//! 4. write the stemmer, usually a list of suffixes for [`strip_longest`];
//! 5. add a line for the language to the `lang_battery!` invocations in `tests/languages.rs`
//!    and at least sixty sentences to `tests/data/langid.tsv`, then run
//!    `cargo test -p dyad-text -- --nocapture` and check the detection accuracy it prints.
//!
//! The template is compiled (and its lists checked by the unit tests) so that it never rots,
//! but no `Lang` points at it.

use super::{strip_longest, LangData};

#[allow(dead_code)]
pub(crate) const DATA: LangData = LangData {
    // Abbreviations written as one letter group and followed by a dot that must not end a
    // sentence: titles (`dr`), months, ranks. Initialisms with inner dots are handled already.
    abbreviations: &["dr", "prof"],
    // Abbreviations that only come before a number: the number sign `no.`, pages `p.`.
    number_abbreviations: &["no", "p"],
    // Words after which `3.` is an ordinal rather than a full stop (German months); usually none.
    ordinal_followers: &[],
    // About a hundred function words that are frequent in news: articles, prepositions,
    // conjunctions, auxiliaries, pronouns. Prefer words the other languages do not have.
    stopwords: &["the", "of", "and"],
    stem,
};

/// A light stemmer: the longest listed suffix is removed if at least three bytes remain.
/// List plural and gender endings first, then the frequent verb endings.
#[allow(dead_code)]
fn stem(word: &str) -> &str {
    strip_longest(word, &["s", "es", "ed", "ing"], 3)
}
