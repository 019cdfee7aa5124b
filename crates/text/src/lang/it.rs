//! Italian.

use super::{strip_longest, LangData};

pub(crate) const DATA: LangData = LangData {
    abbreviations: &[
        "sig", "sigg", "dott", "prof", "on", "sen", "avv", "ing", "arch", "geom", "rag", "mons",
        "ecc", "pag", "pagg", "cfr", "es", "vol", "fig", "tel", "gen", "feb", "apr", "ago", "sett",
        "ott", "nov", "dic", "magg", "ten", "cap", "amm", "pres", "segr", "cav", "dr", "sez", "ca",
        "ss", "loc", "fraz", "prov", "reg", "sgg",
        // The second halves of `sig.ra`, `dott.ssa`, `avv.to`, which tokenize as two words.
        "ra", "ssa", "to",
    ],
    number_abbreviations: &[
        "n", "nn", "nr", "num", "art", "artt", "p", "pp", "c", "co", "par",
    ],
    ordinal_followers: &[],
    stopwords: &[
        "il", "lo", "la", "i", "gli", "le", "un", "una", "uno", "di", "del", "dello", "della",
        "dei", "degli", "delle", "a", "al", "allo", "alla", "ai", "agli", "alle", "da", "dal",
        "dalla", "dai", "dagli", "dalle", "in", "nel", "nello", "nella", "nei", "negli", "nelle",
        "con", "su", "sul", "sulla", "sui", "sugli", "sulle", "per", "tra", "fra", "e", "ed", "o",
        "ma", "che", "non", "si", "ci", "ne", "anche", "piu", "gia", "sono", "ha", "hanno",
        "essere", "stato", "stata", "stati", "state", "era", "questo", "questa", "questi",
        "quello", "quella", "suo", "sua", "suoi", "loro", "dopo", "contro", "secondo", "ancora",
        "molto", "tutti", "tutto", "quando", "dove", "mentre", "perche", "cosi", "solo", "ogni",
        "alcuni", "verso", "senza", "presso", "durante", "oggi", "ieri", "detto", "fatto", "anni",
        "l'", "dell'", "all'", "nell'", "sull'", "dall'", "un'", "c'", "nonche", "pero", "dunque",
        "quindi", "infatti", "inoltre", "nostro", "nostra", "aveva", "avevano", "sara", "saranno",
        "viene", "vengono", "stesso", "stessa", "altri", "altre", "ultimi",
    ],
    stem,
};

/// Strips verb endings (infinitive, participles, present, imperfect, past, conditional) and the
/// final vowel of nouns and adjectives, which carries gender and number.
fn stem(word: &str) -> &str {
    strip_longest(
        word,
        &[
            "a", "e", "i", "o", "ano", "ono", "are", "ere", "ire", "ato", "ata", "ati", "ate",
            "ito", "ita", "iti", "ite", "uto", "uta", "uti", "ute", "ando", "endo", "ava", "avano",
            "eva", "evano", "iva", "ivano", "arono", "erono", "irono", "ebbe", "ebbero", "erebbe",
            "erebbero", "eranno", "iranno", "iamo", "isce", "iscono", "mente", "ante", "anti",
            "ente", "enti",
        ],
        3,
    )
}
