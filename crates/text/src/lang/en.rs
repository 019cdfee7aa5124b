//! English.

use super::{strip_longest, LangData};

// Kept out of `DATA` so that rustfmt does not put one word per line (some words are long).
#[rustfmt::skip]
const STOPWORDS: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "an", "is", "was", "that", "for", "on", "with", "as",
    "by", "at", "from", "his", "her", "it", "its", "he", "she", "they", "their", "has", "have",
    "had", "been", "be", "were", "are", "will", "would", "said", "says", "this", "which", "who",
    "not", "but", "or", "after", "about", "over", "than", "also", "more", "into", "against",
    "during", "between", "while", "we", "our", "there", "these", "those", "when", "what", "can",
    "could", "should", "may", "must", "new", "up", "out", "last", "two", "one", "all", "other",
    "some", "them", "him", "under", "before", "since", "because", "'s", "n't", "told", "did",
    "does", "if", "so", "just", "now", "how", "where", "such", "any", "most", "being", "off",
    "through", "week", "year", "very", "only", "both", "many", "without", "officials",
    "government", "people", "country", "until", "amid", "least",
];

pub(crate) const DATA: LangData = LangData {
    abbreviations: &[
        "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "gov", "sen", "rep", "jan",
        "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc",
        "corp", "ltd", "vs", "jr", "sr", "prof", "capt", "cmdr", "maj", "adm", "brig", "cpl",
        "pvt", "rev", "hon", "ft", "mt", "dept", "univ", "approx", "messrs", "supt", "insp", "det",
        "cmdt", "sens", "reps", "govt",
    ],
    number_abbreviations: &[
        "no", "nos", "p", "pp", "vol", "art", "fig", "ch", "sec", "para",
    ],
    ordinal_followers: &[],
    stopwords: STOPWORDS,
    stem,
};

/// Strips plural, past, gerund and a few derivational endings. A final `s` after `s`, `u` or
/// `i` is part of the word (`press`, `status`, `crisis`), not a plural.
fn stem(word: &str) -> &str {
    if word.len() > 3 && (word.ends_with("ss") || word.ends_with("us") || word.ends_with("is")) {
        return word;
    }
    strip_longest(
        word,
        &[
            "s", "es", "ies", "ed", "ied", "ing", "ings", "e", "y", "ly", "ation", "ations",
            "ment", "ments",
        ],
        3,
    )
}
