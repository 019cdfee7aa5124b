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
    // Words frequent in French news and rare elsewhere, so that one short sentence is enough:
    // weekdays, small numbers, nationality and institution words.
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "trois", "quatre",
    "cinq", "dix", "cent", "francais", "francaise", "francaises", "gouvernement",
    "ministere", "armee", "autorites", "etrangeres", "etats-unis", "plusieurs",
    "aucun", "aucune", "nouvelle", "nouvelles", "nouveaux", "etaient",
    "ceux", "celui", "cela", "semaine", "annee", "mois",
    "americain", "americaine", "allemand", "chinois", "ukrainien", "israelien", "iranien",
    "diplomatie", "homologue", "condamne", 
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

#[cfg(test)]
mod tests {
    use crate::{detect, Lang};

    /// Short news sentences with few function words are still recognised as French.
    #[test]
    fn short_sentences_are_french() {
        for text in [
            "Moscou a expulsé quatre diplomates français.",
            "Le Japon a imposé de nouvelles sanctions à la Russie.",
            "Mardi, Pékin a convoqué l'ambassadeur américain.",
        ] {
            assert_eq!(detect(text), Some(Lang::Fr), "{text}");
        }
    }
}
