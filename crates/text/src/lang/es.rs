//! Spanish.

use super::{strip_longest, LangData};

pub(crate) const DATA: LangData = LangData {
    abbreviations: &[
        "sr", "sra", "srta", "sres", "dr", "dra", "ud", "uds", "pag", "gral", "excmo", "excma",
        "lic", "ing", "arq", "prof", "av", "avda", "dto", "depto", "cia", "admon", "ene", "feb",
        "abr", "ago", "sept", "oct", "nov", "dic", "aprox", "pdte", "sto", "sta", "vd", "vds",
        "cnel", "tte", "gob", "dip", "sen", "ee", "uu", "ff", "aa", "sgto", "mons", "lda", "ldo",
        "sras", "dres", "exc",
    ],
    number_abbreviations: &["n", "no", "num", "nro", "art", "p", "pp", "cap", "vol"],
    ordinal_followers: &[],
    stopwords: &[
        "el", "la", "los", "las", "un", "una", "unos", "unas", "de", "del", "al", "a", "en", "y",
        "e", "o", "u", "que", "por", "para", "con", "sin", "sobre", "entre", "tras", "desde",
        "hasta", "contra", "durante", "segun", "se", "su", "sus", "le", "les", "lo", "es", "son",
        "fue", "fueron", "ha", "han", "habia", "ser", "sido", "esta", "estan", "este", "esto",
        "estos", "estas", "ese", "esa", "eso", "como", "mas", "pero", "tambien", "ya", "muy",
        "todo", "todos", "todas", "otro", "otros", "otra", "cuando", "donde", "mientras", "porque",
        "dijo", "ayer", "hoy", "anos", "nuevo", "nueva", "primer", "gobierno", "pais", "tiene",
        "tienen", "hay", "no", "si", "ni", "sino", "cual", "quien", "quienes", "nos", "ante",
        "despues", "aunque", "embargo", "mismo", "misma", "parte", "dos", "asi", "solo", "cada",
        "puede", "pueden", "estado", "habian", "sera", "seran",
    ],
    stem,
};

/// Strips plural and gender endings, infinitives, participles, gerunds and the frequent
/// preterite and present endings.
fn stem(word: &str) -> &str {
    strip_longest(
        word,
        &[
            "a", "e", "o", "s", "as", "es", "os", "ar", "er", "ir", "an", "en", "ado", "ada",
            "ados", "adas", "ido", "ida", "idos", "idas", "ando", "iendo", "aron", "ieron", "aba",
            "aban", "ia", "ian", "ara", "aran", "era", "eran", "amos", "emos", "imos", "mente",
            "cion", "ciones",
        ],
        3,
    )
}
