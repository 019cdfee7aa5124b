//! French.

use super::{strip_longest, LangData};

// Kept out of `DATA` so that rustfmt does not put one word per line (some words are long).
#[rustfmt::skip]
const STOPWORDS: &[&str] = &[
    "le", "la", "les", "l'", "un", "une", "des", "de", "du", "d'", "au", "aux", "a", "en", "dans",
    "sur", "sous", "par", "pour", "avec", "sans", "entre", "contre", "chez", "vers", "depuis",
    "pendant", "apres", "avant", "selon", "et", "ou", "mais", "donc", "ni", "car", "que", "qu'",
    "qui", "quoi", "dont", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "il",
    "ils", "elle", "elles", "nous", "vous", "on", "se", "s'", "ne", "n'", "pas", "plus", "est",
    "sont", "ete", "etait", "ont", "avait", "avaient", "sera", "seront", "fait", "comme", "aussi",
    "deja", "encore", "tout", "tous", "toute", "toutes", "lors", "ainsi", "alors", "cependant",
    "aujourd'hui", "hier", "ans", "pays", "ministre", "president", "premier", "deux", "quand",
    "c'", "y", "lui", "meme", "autres", "j'", "etre", "avoir", "peut", "doit", "notamment",
];

pub(crate) const DATA: LangData = LangData {
    abbreviations: &[
        "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "me", "mgr", "st", "ste", "av", "bd",
        "cf", "env", "janv", "fevr", "avr", "juil", "sept", "oct", "nov", "dec", "gen", "col",
        "cdt", "lt", "cne", "etc", "vol", "ex", "hab", "tel",
    ],
    number_abbreviations: &["n", "no", "p", "pp", "art", "chap", "fig"],
    ordinal_followers: &[],
    stopwords: STOPWORDS,
    stem,
};

/// Strips plural endings, the final `e` of feminine forms and participles (`accusee`),
/// infinitives and the frequent present and imperfect endings.
fn stem(word: &str) -> &str {
    strip_longest(
        word,
        &[
            "e", "s", "x", "es", "ee", "ees", "er", "ir", "re", "ez", "ent", "ant", "ait", "aient",
            "ation", "ations", "ement", "ements", "ique", "iques", "eur", "eurs", "euse", "euses",
            "erait", "eraient", "era", "eront", "it", "ie", "ies", "is", "ise", "ises",
        ],
        3,
    )
}
