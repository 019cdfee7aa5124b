//! German.

use super::{strip_longest, LangData};

pub(crate) const DATA: LangData = LangData {
    abbreviations: &[
        "dr", "nr", "bzw", "ca", "vgl", "evtl", "ggf", "inkl", "str", "prof", "hr", "fr", "abs",
        "art", "usw", "etc", "jan", "feb", "mrz", "apr", "jun", "jul", "aug", "sept", "okt", "nov",
        "dez", "mio", "mrd", "bzgl", "zzgl", "gen", "oberstlt", "hrsg", "jh", "jhd", "ff", "sog",
        "insb", "stv", "min", "tsd", "bspw",
    ],
    number_abbreviations: &["s", "bd", "no"],
    ordinal_followers: &[
        "januar",
        "jaenner",
        "janner",
        "februar",
        "marz",
        "maerz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
        "mal",
        "jahrhundert",
        "weltkrieg",
        "platz",
        "runde",
        "stock",
        "tag",
        "jahrestag",
        "parteitag",
        "kongress",
        "gipfel",
        "lebensjahr",
    ],
    stopwords: &[
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer",
        "eines", "und", "oder", "aber", "in", "im", "an", "am", "auf", "aus", "bei", "mit", "nach",
        "von", "vom", "zu", "zum", "zur", "fur", "uber", "unter", "vor", "gegen", "seit", "durch",
        "ohne", "um", "ist", "sind", "war", "waren", "wird", "werden", "wurde", "wurden", "hat",
        "haben", "hatte", "hatten", "sein", "seine", "seiner", "ihre", "ihren", "ihr", "sich",
        "nicht", "auch", "noch", "nur", "schon", "sehr", "mehr", "wie", "als", "dass", "wenn",
        "weil", "sowie", "es", "er", "sie", "wir", "man", "dieser", "diese", "dieses", "diesem",
        "sagte", "heute", "gestern", "jahr", "jahren", "soll", "sollen", "kann", "konnen", "muss",
        "zwischen", "wahrend", "laut", "bisher", "bereits", "damit", "dabei", "jedoch", "keine",
        "kein", "worden", "alle", "allem",
    ],
    stem,
};

/// Strips noun plural and case endings and the frequent verb endings (infinitive, participle,
/// present, preterite).
fn stem(word: &str) -> &str {
    strip_longest(
        word,
        &[
            "e", "s", "en", "er", "es", "em", "ern", "et", "st", "est", "te", "ten", "tet", "ung",
            "ungen", "heit", "heiten", "keit", "keiten", "lich", "liche", "lichen", "isch",
            "ische", "ischen",
        ],
        3,
    )
}
