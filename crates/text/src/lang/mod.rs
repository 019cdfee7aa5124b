//! Per-language data behind one exhaustive `match` on [`Lang`].
//!
//! Each language is one file holding one [`LangData`] constant and its stemming function. The
//! rest of the crate reads languages only through [`data`], so adding a language means: a variant
//! in [`Lang`], a file copied from `template.rs`, and an arm in [`data`] (the compiler points at
//! every other `match` that needs one).

use crate::Lang;

mod de;
mod en;
mod es;
mod fr;
mod it;
pub(crate) mod template;

/// What the crate knows about one language. Every word is written normalised (lower case,
/// without diacritics) so that it compares directly with [`crate::Token::norm`].
pub(crate) struct LangData {
    /// Abbreviations after which a full stop does not end a sentence, without their dot
    /// (`"sig"` for `sig.`). Initialisms with inner dots (`U.S.`) are single tokens and are
    /// handled for every language; list here only the ones written as one letter group.
    pub abbreviations: &'static [&'static str],
    /// Abbreviations that only stand before a number (`no. 5`, `n. 34`), where the plain word
    /// (`no`) would otherwise hide a real full stop.
    pub number_abbreviations: &'static [&'static str],
    /// Words after which a number followed by a dot is an ordinal, not the end of a sentence
    /// (German `am 3. Oktober`). Empty for languages that do not write ordinals so.
    pub ordinal_followers: &'static [&'static str],
    /// Frequent function words used by language detection: about a hundred, normalised,
    /// chosen to be frequent in news and, where possible, unlike the other languages' words.
    pub stopwords: &'static [&'static str],
    /// The light stemmer: returns a prefix of its (normalised) argument.
    pub stem: fn(&str) -> &str,
}

/// The data of one language.
pub(crate) fn data(lang: Lang) -> &'static LangData {
    match lang {
        Lang::It => &it::DATA,
        Lang::En => &en::DATA,
        Lang::Es => &es::DATA,
        Lang::Fr => &fr::DATA,
        Lang::De => &de::DATA,
    }
}

/// Strips the longest suffix of `suffixes` that leaves at least `min_stem` bytes. Suffixes are
/// ASCII, so the cut is always on a character boundary.
pub(crate) fn strip_longest<'a>(word: &'a str, suffixes: &[&str], min_stem: usize) -> &'a str {
    let mut best = 0;
    for s in suffixes {
        if s.len() > best && word.len() >= s.len() + min_stem && word.ends_with(s) {
            best = s.len();
        }
    }
    &word[..word.len() - best]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize;

    /// Every word in the tables must already be in normalised form and appear once.
    #[test]
    fn tables_are_normalised_and_unique() {
        let mut all: Vec<(&str, &LangData)> =
            Lang::ALL.iter().map(|&l| (l.code(), data(l))).collect();
        all.push(("template", &template::DATA));
        for (code, d) in all {
            for list in [
                d.abbreviations,
                d.number_abbreviations,
                d.ordinal_followers,
                d.stopwords,
            ] {
                let mut seen = std::collections::HashSet::new();
                for w in list {
                    assert_eq!(normalize(w), *w, "{code}: {w} is not normalised");
                    assert!(seen.insert(*w), "{code}: {w} appears twice");
                }
            }
        }
    }

    #[test]
    fn strip_longest_keeps_a_prefix() {
        assert_eq!(strip_longest("parlano", &["o", "ano"], 3), "parl");
        assert_eq!(strip_longest("ano", &["o", "ano"], 3), "ano");
        assert_eq!(strip_longest("", &["o"], 0), "");
    }
}
