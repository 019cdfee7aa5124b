//! Language detection by function words and letters.
//!
//! Each language scores one point per word of the text found among its frequent function words,
//! plus fractions of a point for letters that only (or mostly) it uses (`ß`, `ñ`, `ò`, `œ`) and for
//! word endings typical of its morphology (`-zione`, `-ción`, `-ung`, `-ing`), which decide short
//! headlines full of names where the function words alone are shared (`il`, `a`, `ha`). Three
//! languages that dyad does not code but that look like the ones it does (Portuguese, Dutch,
//! Romanian) are scored the same way, so that their texts are recognised as foreign instead of
//! being taken for Spanish, German or Italian.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::lang::data;
use crate::token::tokenize;
use crate::{Lang, TokenKind};

/// Bytes of text looked at: the opening of a document tells its language.
const SAMPLE_BYTES: usize = 4 * 1024;
/// Fewer function words than this and the text is too short to tell.
const MIN_HITS: f32 = 2.0;
/// What a content word known to a language's dictionaries counts, against 1 for a function word.
const CONTENT_WEIGHT: f32 = 0.5;
/// The winner must beat the runner-up by this factor and by at least [`MIN_LEAD`] points.
const MIN_RATIO: f32 = 1.25;
/// See [`MIN_RATIO`].
const MIN_LEAD: f32 = 0.5;

/// Guesses the language of `text` among the five dyad codes; `None` when the text is too short,
/// too ambiguous, or in another language.
///
/// ```
/// use dyad_text::{detect, Lang};
/// assert_eq!(detect("Il governo ha annunciato nuove sanzioni contro la Russia."), Some(Lang::It));
/// assert_eq!(detect("Die Regierung kündigte neue Sanktionen gegen Russland an."), Some(Lang::De));
/// assert_eq!(detect("O governo anunciou novas sanções contra a Rússia."), None);
/// assert_eq!(detect("Putin"), None);
/// ```
pub fn detect(text: &str) -> Option<Lang> {
    detect_with(text, &|_| 0)
}

/// Like [`detect`], with a vocabulary of content words: `vocab` gives, for a normalised word that
/// is not a function word, a bit mask of the languages (bit `i` for `Lang::ALL[i]`) whose
/// dictionaries use it (`condemns`, `rencontre`, `trifft`, `Pekín`). Such a word counts half a
/// function word, shared among the languages that have it. This is what decides headlines made of
/// names and verbs (`Putin trifft Erdogan in Sotschi.`).
pub fn detect_with(text: &str, vocab: &dyn Fn(&str) -> u16) -> Option<Lang> {
    let mut cut = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let sample = &text[..cut];
    let profiles = profiles();
    let mut hits = [0f32; PROFILES];
    let mut scores = [0f32; PROFILES];
    for t in tokenize(sample) {
        if t.kind != TokenKind::Word {
            continue;
        }
        if let Some(&mask) = profiles.get(t.norm.as_str()) {
            // A word shared by several languages tells less than a word of one language alone:
            // each language that has it gets an equal share of one point.
            let share = 1.0 / mask.count_ones() as f32;
            for p in (0..PROFILES).filter(|&p| mask & (1 << p) != 0) {
                hits[p] += 1.0;
                scores[p] += share;
            }
        } else {
            let mask = vocab(&t.norm) & ((1 << Lang::ALL.len()) - 1);
            if mask != 0 {
                let share = CONTENT_WEIGHT / mask.count_ones() as f32;
                for p in (0..Lang::ALL.len()).filter(|&p| mask & (1 << p) != 0) {
                    hits[p] += CONTENT_WEIGHT;
                    scores[p] += share;
                }
            }
            suffix_cues(&t.norm, &mut scores);
        }
    }
    for c in sample.chars() {
        letter_cues(c, &mut scores);
    }
    let mut order: Vec<usize> = (0..PROFILES).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let (best, second) = (order[0], order[1]);
    if hits[best] < MIN_HITS {
        return None;
    }
    let (b, s) = (scores[best], scores[second]);
    if b < s * MIN_RATIO || b - s < MIN_LEAD {
        return None;
    }
    Lang::ALL.get(best).copied()
}

/// The five languages in `Lang::ALL` order, then the foreign look-alikes.
const PROFILES: usize = 8;
const PT: usize = 5;
const NL: usize = 6;
const RO: usize = 7;

/// Every function word of the eight profiles, with a bit per profile that lists it.
fn profiles() -> &'static HashMap<&'static str, u16> {
    static WORDS: OnceLock<HashMap<&'static str, u16>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let lists: [&[&'static str]; PROFILES] = [
            data(Lang::It).stopwords,
            data(Lang::En).stopwords,
            data(Lang::Es).stopwords,
            data(Lang::Fr).stopwords,
            data(Lang::De).stopwords,
            PORTUGUESE,
            DUTCH,
            ROMANIAN,
        ];
        let mut words = HashMap::new();
        for (p, list) in lists.iter().enumerate() {
            for w in *list {
                *words.entry(*w).or_insert(0u16) |= 1 << p;
            }
        }
        words
    })
}

/// Word endings (of normalised words, at least three letters before them) typical of one
/// language, with the weight they add. Only content words reach this table: function words are
/// scored by the profiles. The weights are small, so that a sentence with a few function words
/// is still decided by them; endings shared by two languages (`-mente`, `-tion`) are split.
const SUFFIXES: &[(&str, &[(usize, f32)])] = &[
    ("zione", &[(0, 0.6)]),
    ("zioni", &[(0, 0.6)]),
    ("mente", &[(0, 0.2), (2, 0.2)]),
    ("ato", &[(0, 0.4)]),
    ("ata", &[(0, 0.3)]),
    ("ati", &[(0, 0.4)]),
    ("ito", &[(0, 0.2), (2, 0.1)]),
    ("ita", &[(0, 0.2)]),
    ("ano", &[(0, 0.2)]),
    ("ono", &[(0, 0.3)]),
    ("ere", &[(0, 0.2)]),
    ("are", &[(0, 0.2)]),
    ("ire", &[(0, 0.1), (3, 0.1)]),
    ("gli", &[(0, 0.4)]),
    ("cion", &[(2, 0.6)]),
    ("ciones", &[(2, 0.6)]),
    ("ado", &[(2, 0.4)]),
    ("ados", &[(2, 0.5)]),
    ("adas", &[(2, 0.5)]),
    ("ada", &[(2, 0.3)]),
    ("ido", &[(2, 0.3)]),
    ("idad", &[(2, 0.5)]),
    ("aron", &[(2, 0.5)]),
    ("ieron", &[(2, 0.5)]),
    ("ing", &[(1, 0.5)]),
    ("ed", &[(1, 0.2)]),
    ("ly", &[(1, 0.3)]),
    ("ness", &[(1, 0.4)]),
    ("ship", &[(1, 0.2)]),
    ("tion", &[(1, 0.2), (3, 0.2)]),
    ("tions", &[(1, 0.2), (3, 0.2)]),
    ("ement", &[(3, 0.3)]),
    ("eux", &[(3, 0.5)]),
    ("aient", &[(3, 0.5)]),
    ("ait", &[(3, 0.3)]),
    ("ee", &[(3, 0.2)]),
    ("ees", &[(3, 0.3)]),
    ("ung", &[(4, 0.6)]),
    ("ungen", &[(4, 0.6)]),
    ("lich", &[(4, 0.5)]),
    ("keit", &[(4, 0.5)]),
    ("heit", &[(4, 0.5)]),
    ("schaft", &[(4, 0.5)]),
    ("isch", &[(4, 0.4)]),
    ("ische", &[(4, 0.4)]),
    ("ischen", &[(4, 0.4)]),
    ("te", &[(4, 0.05)]),
];

/// Adds the weight of a content word's ending to the languages it is typical of.
fn suffix_cues(norm: &str, s: &mut [f32; PROFILES]) {
    // The longest listed ending wins: `-ungen` is not also `-en`.
    let best = SUFFIXES
        .iter()
        .filter(|(suffix, _)| norm.len() >= suffix.len() + 3 && norm.ends_with(suffix))
        .max_by_key(|(suffix, _)| suffix.len());
    if let Some((_, weights)) = best {
        for &(p, w) in *weights {
            s[p] += w;
        }
    }
}

/// Adds the weight of a letter to the languages that use it.
fn letter_cues(c: char, s: &mut [f32; PROFILES]) {
    const IT: usize = 0;
    const ES: usize = 2;
    const FR: usize = 3;
    const DE: usize = 4;
    match c {
        'ò' | 'ì' | 'Ò' | 'Ì' => s[IT] += 1.0,
        'à' | 'è' | 'ù' | 'À' | 'È' | 'Ù' => {
            s[IT] += 0.5;
            s[FR] += 0.3;
        }
        'ñ' | 'Ñ' | '¿' | '¡' => s[ES] += 1.5,
        'á' | 'í' | 'ó' | 'ú' | 'Á' | 'Í' | 'Ó' | 'Ú' => {
            s[ES] += 0.5;
            s[PT] += 0.5;
        }
        'ã' | 'õ' | 'Ã' | 'Õ' => s[PT] += 1.5,
        'ç' | 'Ç' => {
            s[FR] += 0.5;
            s[PT] += 0.5;
        }
        'ê' | 'ô' | 'Ê' | 'Ô' => {
            s[FR] += 0.3;
            s[PT] += 0.3;
        }
        'â' | 'î' | 'Â' | 'Î' => {
            s[FR] += 0.3;
            s[RO] += 0.5;
        }
        'œ' | 'Œ' | 'ë' | 'ï' | 'û' => s[FR] += 0.7,
        // Frequent in French, rarer in Spanish and Portuguese, rare in Italian.
        'é' | 'É' => {
            s[FR] += 0.2;
            s[PT] += 0.1;
            s[ES] += 0.05;
        }
        'ș' | 'ț' | 'ş' | 'ţ' | 'ă' | 'Ș' | 'Ț' | 'Ş' | 'Ţ' | 'Ă' => s[RO] += 1.5,
        'ß' => s[DE] += 2.0,
        'ä' | 'ö' | 'ü' | 'Ä' | 'Ö' | 'Ü' => s[DE] += 0.7,
        'ĳ' => s[NL] += 1.5,
        _ => {}
    }
}

/// Portuguese function words (normalised), scored only to reject Portuguese text.
const PORTUGUESE: &[&str] = &[
    "o", "os", "a", "as", "um", "uma", "uns", "umas", "de", "do", "da", "dos", "das", "em", "no",
    "na", "nos", "nas", "por", "pelo", "pela", "pelos", "pelas", "para", "com", "sem", "que", "e",
    "nao", "mais", "foi", "foram", "sao", "ser", "ao", "aos", "seu", "sua", "seus", "suas", "como",
    "mas", "ja", "tambem", "entre", "sobre", "apos", "ainda", "disse", "ele", "ela", "eles",
    "isso", "este", "esta", "esse", "essa", "ate", "quando", "tem", "teve", "havia", "pais",
    "anos", "contra", "segundo", "durante", "muito", "onde", "porque", "num", "numa", "dia",
    "ontem", "hoje", "novo", "nova", "governo", "estao", "estava", "sera", "deve", "pode",
];

/// Dutch function words, scored only to reject Dutch text.
const DUTCH: &[&str] = &[
    "de", "het", "een", "van", "en", "in", "is", "op", "met", "voor", "niet", "zijn", "heeft",
    "hebben", "werd", "worden", "wordt", "naar", "door", "bij", "om", "te", "dat", "die", "er",
    "ook", "maar", "als", "nog", "over", "tot", "uit", "hun", "deze", "dit", "hij", "zij", "ze",
    "wij", "volgens", "tegen", "na", "geen", "meer", "jaar", "kan", "zal", "zou", "moet", "dan",
    "waar", "wat", "wie", "onder", "tussen", "sinds", "zich", "nieuwe", "twee", "vandaag",
    "gisteren", "regering", "minister", "land", "werden", "haar", "omdat", "tijdens", "zegt",
    "zei", "al", "aan", "hadden", "had", "was", "waren",
];

/// Romanian function words, scored only to reject Romanian text.
const ROMANIAN: &[&str] = &[
    "si",
    "in",
    "de",
    "la",
    "cu",
    "pe",
    "din",
    "care",
    "ca",
    "sa",
    "nu",
    "este",
    "sunt",
    "fost",
    "a",
    "au",
    "al",
    "ai",
    "ale",
    "lui",
    "unei",
    "unui",
    "o",
    "un",
    "mai",
    "pentru",
    "dupa",
    "dar",
    "prin",
    "sau",
    "acest",
    "aceasta",
    "acestei",
    "catre",
    "intre",
    "despre",
    "fi",
    "va",
    "vor",
    "fie",
    "ar",
    "iar",
    "cel",
    "cea",
    "cei",
    "cele",
    "spus",
    "anul",
    "tara",
    "guvernul",
    "impotriva",
    "asupra",
    "acum",
    "ieri",
    "astazi",
    "foarte",
    "doar",
    "inca",
    "deja",
    "noi",
    "acestea",
    "potrivit",
    "cand",
    "unde",
    "fiind",
    "avea",
    "aveau",
    "sale",
    "lor",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize;

    #[test]
    fn foreign_lists_are_normalised() {
        for w in PORTUGUESE.iter().chain(DUTCH).chain(ROMANIAN) {
            assert_eq!(normalize(w), *w);
        }
    }

    #[test]
    fn too_little_text() {
        assert_eq!(detect(""), None);
        assert_eq!(detect("Erdoğan"), None);
        assert_eq!(detect("12 345 !!"), None);
    }
}
