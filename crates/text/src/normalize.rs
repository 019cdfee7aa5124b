//! Normalisation of words: the form on which every dictionary match is made.

use unicode_normalization::char::decompose_canonical;

/// Normalises a word (or a short phrase): lower case, diacritics removed (`è` → `e`, `ğ` → `g`,
/// `ç` → `c`, `ø` → `o`, `ß` → `ss`, `æ` → `ae`, ...), every typographic apostrophe (`’ ʼ ‘ ´ ``)
/// written `'`, typographic hyphens written `-`, soft hyphens dropped.
///
/// An apostrophe that ends a word right after a vowel is the Italian way of typing an accent
/// without the accented key (`e'` for `è`, `perche'`, `piu'`), so it is dropped: `e'` and `è`
/// both normalise to `e`. Elided articles keep theirs (`l'`, `dell'`, `qu'`).
///
/// ```
/// use dyad_text::normalize;
/// assert_eq!(normalize("Erdoğan"), "erdogan");
/// assert_eq!(normalize("Straße"), "strasse");
/// assert_eq!(normalize("all’"), "all'");
/// assert_eq!(normalize("E'"), "e");
/// ```
pub fn normalize(word: &str) -> String {
    let bytes = word.as_bytes();
    if bytes.is_ascii() && !bytes.iter().any(|&b| b == b'\'' || b == b'`') {
        // Fast path: most words of the five languages are plain ASCII without apostrophes.
        return word.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(word.len());
    if bytes.is_ascii() {
        for (k, &b) in bytes.iter().enumerate() {
            if b == b'\'' || b == b'`' {
                let next_is_letter = bytes.get(k + 1).is_some_and(|n| n.is_ascii_alphabetic());
                if !next_is_letter && is_accent_apostrophe(&out) {
                    continue;
                }
                out.push('\'');
            } else {
                out.push(b.to_ascii_lowercase() as char);
            }
        }
        return out;
    }
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii() && c != '\'' && c != '`' {
            out.push(c.to_ascii_lowercase());
        } else if is_apostrophe(c) {
            let next_is_letter = chars.peek().is_some_and(|n| n.is_alphabetic());
            if !next_is_letter && is_accent_apostrophe(&out) {
                continue;
            }
            out.push('\'');
        } else {
            for l in c.to_lowercase() {
                fold_into(l, &mut out);
            }
        }
    }
    out
}

/// Every character treated as an apostrophe inside words.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘' | '´' | '`')
}

/// Combining diacritical marks (the blocks that only carry accents, not the vowel signs of
/// Indic scripts, which are letters of their words).
pub(crate) fn is_combining_diacritic(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// True when an apostrophe right after `out` (and not followed by a letter) stands for an accent:
/// `out` ends with a vowel but not with `qu`, which ends French elisions (`qu'`, `jusqu'`).
fn is_accent_apostrophe(out: &str) -> bool {
    let b = out.as_bytes();
    matches!(b.last(), Some(b'a' | b'e' | b'i' | b'o' | b'u')) && !b.ends_with(b"qu")
}

/// Pushes the folded form of one lower-case character.
fn fold_into(c: char, out: &mut String) {
    let folded: &str = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ǒ' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ǔ' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        '\u{2010}' | '\u{2011}' => "-",
        '\u{AD}' => "",
        _ if is_combining_diacritic(c) => "",
        _ => {
            // Greek, Cyrillic and the Latin extended blocks: decompose and keep the base letters.
            // Other scripts are left alone (decomposing Hangul, for instance, would change it).
            let cp = c as u32;
            if (0x00C0..0x0590).contains(&cp) || (0x1E00..0x2000).contains(&cp) {
                // Canonical decompositions are at most four characters long.
                let mut parts = ['\0'; 8];
                let mut n = 0;
                decompose_canonical(c, |d| {
                    if n < parts.len() {
                        parts[n] = d;
                        n += 1;
                    }
                });
                for &d in &parts[..n] {
                    if d == c {
                        out.push(c);
                    } else if is_apostrophe(d) {
                        // Greek spacing accents decompose to ´ and `: apostrophes for us.
                        out.push('\'');
                    } else {
                        // The base letter may itself need folding (ǽ is æ with an accent).
                        fold_into(d, out);
                    }
                }
            } else {
                out.push(c);
            }
            return;
        }
    };
    out.push_str(folded);
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn folds_diacritics_and_case() {
        for (input, want) in [
            ("Città", "citta"),
            ("ERDOĞAN", "erdogan"),
            ("Français", "francais"),
            ("København", "kobenhavn"),
            ("Straße", "strasse"),
            ("Æthelred", "aethelred"),
            ("Œuvre", "oeuvre"),
            ("Łódź", "lodz"),
            ("İstanbul", "istanbul"),
            ("Đorđević", "dordevic"),
            ("Nguyễn", "nguyen"),
            ("Ἀθῆναι", "αθηναι"),
            ("Йошкар", "иошкар"),
            ("e\u{301}lan", "elan"),
            ("Nagorno\u{2011}Karabakh", "nagorno-karabakh"),
            ("Bürgermeister", "burgermeister"),
            ("Ministério", "ministerio"),
            ("București", "bucuresti"),
            ("日本", "日本"),
            ("\u{1FFD}", "'"),
            ("Ǽ", "ae"),
        ] {
            assert_eq!(normalize(input), want, "{input}");
        }
    }

    #[test]
    fn apostrophes() {
        assert_eq!(normalize("all’"), "all'");
        assert_eq!(normalize("L'"), "l'");
        assert_eq!(normalize("d´"), "d'");
        assert_eq!(normalize("nʼt"), "n't");
        assert_eq!(normalize("‘s"), "'s");
        assert_eq!(normalize("qu’"), "qu'");
        assert_eq!(normalize("jusqu'"), "jusqu'");
        assert_eq!(normalize("perche'"), "perche");
        assert_eq!(normalize("piu’"), "piu");
        assert_eq!(normalize("e'"), "e");
        assert_eq!(normalize("'"), "'");
        assert_eq!(normalize("aujourd'hui"), "aujourd'hui");
    }
}
