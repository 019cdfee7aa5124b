//! The tokenizer: one pass over the text, no regular expressions, one allocation per token
//! (its normalised form).
//!
//! The rules, in the order they are tried at each position:
//!
//! 1. whitespace separates tokens and belongs to none;
//! 2. a letter starts a word: letters and digits of any script, with inner hyphens
//!    (`Nagorno-Karabakh`), inner apostrophes that are not elisions (`aujourd'hui`, `Ba'ath`), or
//!    the dots of an initialism (`U.S.`, `EE.UU.`);
//! 3. a digit starts a number, with inner `.` or `,` between digits (`300.000`, `2,8`);
//! 4. anything else is a one-character punctuation token.
//!
//! Apostrophes inside words are resolved by [`apostrophe`]: elisions are cut after the apostrophe
//! (`dell'` + `evoluzione`), English clitics before it (`Pakistan` + `'s`, `did` + `n't`).

use crate::normalize::{is_apostrophe, is_combining_diacritic, normalize};
use crate::{Token, TokenKind};

/// Cuts `text` into tokens whose spans are byte offsets into `text`.
///
/// The tokens' text plus the whitespace between them reproduces the input exactly.
///
/// ```
/// use dyad_text::tokenize;
/// let text = "L'Onu: «Pakistan's troops didn't move» (2,8%).";
/// let norms: Vec<String> = tokenize(text).into_iter().map(|t| t.norm).collect();
/// assert_eq!(
///     norms,
///     ["l'", "onu", ":", "«", "pakistan", "'s", "troops", "did", "n't", "move", "»", "(", "2,8",
///      "%", ")", "."]
/// );
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut pos = 0;
    while let Some(c) = char_at(text, pos) {
        if c.is_whitespace() {
            pos += c.len_utf8();
        } else if is_letter(c) {
            pos = scan_word(text, pos, &mut out);
        } else if c.is_numeric() {
            let end = scan_number(text, pos);
            push(text, pos, end, TokenKind::Number, &mut out);
            pos = end;
        } else {
            let end = pos + c.len_utf8();
            push(text, pos, end, TokenKind::Punct, &mut out);
            pos = end;
        }
    }
    out
}

/// The character starting at byte `pos`, if any.
#[inline]
fn char_at(text: &str, pos: usize) -> Option<char> {
    let b = *text.as_bytes().get(pos)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        text[pos..].chars().next()
    }
}

/// The character ending at byte `pos`, if any.
#[inline]
fn char_before(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

#[inline]
fn is_letter(c: char) -> bool {
    // The modifier letter apostrophe ʼ is "alphabetic" for Unicode but an apostrophe for us.
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        c.is_alphabetic() && c != 'ʼ'
    }
}

/// Characters that continue a word started by a letter.
#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        (c.is_alphanumeric() && c != 'ʼ')
            || is_combining_diacritic(c)
            // Zero-width joiners (Persian, Indic scripts) and the soft hyphen live inside words.
            || matches!(c, '\u{200C}' | '\u{200D}' | '\u{AD}')
    }
}

#[inline]
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn push(text: &str, start: usize, end: usize, kind: TokenKind, out: &mut Vec<Token>) {
    out.push(Token {
        start,
        end,
        norm: normalize(&text[start..end]),
        kind,
    });
}

/// The end of the run of word characters starting at `pos`, with a fast path for ASCII.
#[inline]
fn word_run_end(text: &str, mut pos: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(pos) {
        if b.is_ascii_alphanumeric() {
            pos += 1;
        } else if b < 0x80 {
            break;
        } else {
            match char_at(text, pos) {
                Some(c) if is_word_char(c) => pos += c.len_utf8(),
                _ => break,
            }
        }
    }
    pos
}

/// Scans digits with inner `.` or `,` separators followed by a digit.
fn scan_number(text: &str, start: usize) -> usize {
    let mut pos = start;
    while let Some(c) = char_at(text, pos) {
        if c.is_numeric() {
            pos += c.len_utf8();
        } else if (c == '.' || c == ',') && char_at(text, pos + 1).is_some_and(|d| d.is_numeric()) {
            pos += 1;
        } else {
            break;
        }
    }
    pos
}

/// Scans a word starting at `start` (a letter), pushes one or more tokens, and returns the
/// position after them.
fn scan_word(text: &str, start: usize, out: &mut Vec<Token>) -> usize {
    if let Some(end) = scan_initialism(text, start) {
        push(text, start, end, TokenKind::Word, out);
        return end;
    }
    let mut pos = start;
    loop {
        pos = word_run_end(text, pos);
        let Some(c) = char_at(text, pos) else { break };
        let after = pos + c.len_utf8();
        if is_hyphen(c) && char_at(text, after).is_some_and(is_word_char) {
            pos = after;
            continue;
        }
        if is_apostrophe(c) {
            match apostrophe(text, start, pos, after) {
                Apostrophe::Inner => {
                    pos = after;
                    continue;
                }
                Apostrophe::Elision => {
                    push(text, start, after, TokenKind::Word, out);
                    return after;
                }
                Apostrophe::Clitic { at, end } => {
                    if at > start {
                        push(text, start, at, TokenKind::Word, out);
                    }
                    push(text, at, end, TokenKind::Word, out);
                    return end;
                }
                Apostrophe::Accent => {
                    push(text, start, after, TokenKind::Word, out);
                    return after;
                }
                Apostrophe::Outside => {}
            }
        }
        break;
    }
    push(text, start, pos, TokenKind::Word, out);
    pos
}

/// What an apostrophe found after the letters `text[start..at]` is.
enum Apostrophe {
    /// Part of the word (`aujourd'hui`, `O'Brien`, `Ba'ath`): keep scanning.
    Inner,
    /// The end of an elided article or preposition (`dell'`, `qu'`): the word ends after it.
    Elision,
    /// An English clitic (`'s`, `n't`, `'re`...) spanning `at..end`, cut from the word before it.
    Clitic { at: usize, end: usize },
    /// An Italian accent typed as an apostrophe (`e'`, `perche'`): part of the word, which ends.
    Accent,
    /// Not part of the word (a closing quote, a plural possessive): the word ends before it.
    Outside,
}

/// Decides what the apostrophe at `at` (ending at `after`) does to the word `text[start..at]`.
fn apostrophe(text: &str, start: usize, at: usize, after: usize) -> Apostrophe {
    let prefix = &text[start..at];
    if !char_at(text, after).is_some_and(is_letter) {
        // `'Russia'` is a word in single quotes, not an accent; `«E' vero»` is an accent.
        if is_accent_word(prefix) && !char_before(text, start).is_some_and(is_apostrophe) {
            return Apostrophe::Accent;
        }
        return Apostrophe::Outside;
    }
    // The letters after the apostrophe.
    let mut end = after;
    while let Some(c) = char_at(text, end) {
        if !is_letter(c) {
            break;
        }
        end += c.len_utf8();
    }
    let rest = &text[after..end];
    let followed_by_word_char = char_at(text, end).is_some_and(is_word_char);
    if !followed_by_word_char {
        if ["s", "re", "ve", "ll", "d", "m"]
            .iter()
            .any(|s| rest.eq_ignore_ascii_case(s))
            && !is_elision_prefix(prefix)
        {
            return Apostrophe::Clitic { at, end };
        }
        if rest.eq_ignore_ascii_case("t")
            && prefix.len() >= 2
            && prefix.is_char_boundary(prefix.len() - 1)
        {
            let n = prefix.as_bytes()[prefix.len() - 1];
            if n == b'n' || n == b'N' {
                return Apostrophe::Clitic { at: at - 1, end };
            }
        }
    }
    if is_elision_prefix(prefix) {
        Apostrophe::Elision
    } else {
        Apostrophe::Inner
    }
}

/// Italian and French articles, prepositions and pronouns that elide before a vowel.
/// Lower case; compared ignoring ASCII case.
const ELISIONS: &[&str] = &[
    // Italian
    "l", "dell", "all", "dall", "nell", "sull", "coll", "pell", "un", "d", "c", "s", "m", "t", "v",
    "n", "quest", "quell", "bell", "sant", "nessun", "alcun", "ciascun", "buon", "grand", "tutt",
    "mezz", "senz", "com", "dov", "anch", "quand", "ch", "cos", "tant", "quant", "sott", "nient",
    "altr", "dev", "gl", "ciascun", "qual", // French
    "j", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "quelqu", "presqu", "entr",
];

fn is_elision_prefix(prefix: &str) -> bool {
    prefix.len() <= 7 && ELISIONS.iter().any(|e| prefix.eq_ignore_ascii_case(e))
}

/// Italian words whose final accent is often typed as an apostrophe (`e'`, `perche'`, `citta'`,
/// `sara'`, `po'`). The endings cover the `-tà` nouns and the future tense.
fn is_accent_word(prefix: &str) -> bool {
    if prefix.eq_ignore_ascii_case("e") {
        return true;
    }
    let b = prefix.as_bytes();
    if b.len() < 2 || !b.is_ascii() {
        return false;
    }
    const WORDS: &[&str] = &[
        "po", "piu", "gia", "cosi", "puo", "pero", "cioe", "li", "la",
    ];
    if WORDS.iter().any(|w| prefix.eq_ignore_ascii_case(w)) {
        return true;
    }
    const ENDINGS: &[&str] = &["ta", "ra", "ro", "che", "di"];
    b.len() >= 4
        && ENDINGS.iter().any(|e| {
            let tail = &prefix[prefix.len() - e.len()..];
            tail.eq_ignore_ascii_case(e)
        })
}

/// Scans an initialism such as `U.S.`, `U.S.A.`, `z.B.` or `EE.UU.`: two or more groups of
/// letters separated by single dots. Single-letter groups may omit the final dot (`U.S`); groups
/// of two letters must be capitals and end with a dot (`EE.UU.`), so that a missing space after a
/// full stop (`Ue.Le`) is not taken for an abbreviation. Returns the end, final dot included.
fn scan_initialism(text: &str, start: usize) -> Option<usize> {
    let mut pos = start;
    let mut groups = 0;
    let mut all_single = true;
    let mut all_upper = true;
    let mut ends_with_dot = false;
    loop {
        let group_start = pos;
        let mut letters = 0;
        while let Some(c) = char_at(text, pos) {
            if !is_letter(c) {
                break;
            }
            letters += 1;
            all_upper &= c.is_uppercase();
            pos += c.len_utf8();
            if letters > 2 {
                return None;
            }
        }
        if letters == 0 {
            // A dot followed by no letter: stop after the previous group's dot.
            pos = group_start;
            break;
        }
        // A group may not run into digits or other word characters (`U.S2`).
        if char_at(text, pos).is_some_and(|c| is_word_char(c) || is_apostrophe(c)) {
            return None;
        }
        groups += 1;
        all_single &= letters == 1;
        if char_at(text, pos) == Some('.') {
            pos += 1;
            ends_with_dot = true;
        } else {
            ends_with_dot = false;
            break;
        }
    }
    if groups < 2 {
        return None;
    }
    if all_single || (all_upper && ends_with_dot) {
        Some(pos)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn initialisms() {
        assert_eq!(texts("the U.S. army"), ["the", "U.S.", "army"]);
        assert_eq!(texts("U.S.A."), ["U.S.A."]);
        assert_eq!(texts("EE.UU. y"), ["EE.UU.", "y"]);
        assert_eq!(texts("z.B. die"), ["z.B.", "die"]);
        assert_eq!(texts("Ue.Le sanzioni"), ["Ue", ".", "Le", "sanzioni"]);
        assert_eq!(texts("J. Biden"), ["J", ".", "Biden"]);
        assert_eq!(texts("Mr.Smith"), ["Mr", ".", "Smith"]);
        assert_eq!(texts("U.S.-led"), ["U.S.", "-", "led"]);
    }

    #[test]
    fn accent_apostrophes() {
        assert_eq!(texts("E' stato"), ["E'", "stato"]);
        assert_eq!(texts("un po' di"), ["un", "po'", "di"]);
        assert_eq!(texts("'Ukraine'"), ["'", "Ukraine", "'"]);
        assert_eq!(texts("«E' vero»"), ["«", "E'", "vero", "»"]);
        assert_eq!(texts("allies' aid"), ["allies", "'", "aid"]);
    }
}
