//! Sentence splitting over the tokens of a whole document.
//!
//! The document is tokenized once; a boundary is then decided after each token from the token,
//! its neighbours and the whitespace gap that follows it. Sentences are runs of tokens between
//! boundaries, so their spans never include leading or trailing whitespace.

use crate::lang::{data, LangData};
use crate::token::tokenize;
use crate::{Lang, Sentence, Token, TokenKind};

/// Splits `text` into sentences, each with its tokens; every span is a byte offset into `text`.
///
/// A sentence ends after `.`, `!`, `?` or `…` (and any closing quotes or brackets right after
/// it) when whitespace and a capital letter, digit or opening quote follow, except after an
/// abbreviation of `lang`, a single capital initial (`J. Biden`) or an initialism (`U.S.`) not
/// followed by a line break. A blank line always ends a sentence; a single line break does when
/// the line before has no final punctuation (a headline) and the next line opens like a
/// sentence. Nothing is split inside `« »` when the closing guillemet is followed by a
/// lower-case word (`«...», ha detto il ministro`).
///
/// ```
/// use dyad_text::{split_sentences, Lang};
/// let doc = "Il sen. Rossi ha parlato con J. Biden. Poi è partito.";
/// let s: Vec<&str> = split_sentences(doc, Lang::It).iter().map(|s| s.text(doc)).collect();
/// assert_eq!(s, ["Il sen. Rossi ha parlato con J. Biden.", "Poi è partito."]);
/// ```
pub fn split_sentences(text: &str, lang: Lang) -> Vec<Sentence> {
    let tokens = tokenize(text);
    let d = data(lang);
    let protected = protected_by_guillemets(text, &tokens);
    let mut ends = Vec::new();
    let mut i = 0;
    while i + 1 < tokens.len() {
        match boundary_after(text, &tokens, i, d, &protected) {
            Some(last) => {
                ends.push(last);
                i = last + 1;
            }
            None => i += 1,
        }
    }
    let mut sentences = Vec::with_capacity(ends.len() + 1);
    let mut rest = tokens.into_iter();
    let mut taken = 0;
    for last in ends.into_iter().chain(std::iter::once(usize::MAX)) {
        let group: Vec<Token> = if last == usize::MAX {
            rest.by_ref().collect()
        } else {
            rest.by_ref().take(last + 1 - taken).collect()
        };
        taken = last.wrapping_add(1);
        if let (Some(first), Some(end)) = (group.first(), group.last()) {
            sentences.push(Sentence {
                start: first.start,
                end: end.end,
                tokens: group,
            });
        }
    }
    sentences
}

fn punct_char(t: &Token, text: &str) -> Option<char> {
    if t.kind != TokenKind::Punct {
        return None;
    }
    text[t.start..t.end].chars().next()
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‽')
}

/// Quotes and brackets that close what a final stop ends when they stick to it.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '»' | '«' | '”' | '“' | '’' | '›' | ')' | ']' | '}'
    )
}

/// Characters that may open a sentence besides capitals and digits.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '«'
            | '»'
            | '“'
            | '„'
            | '‘'
            | '‹'
            | '('
            | '['
            | '¿'
            | '¡'
            | '—'
            | '–'
            | '-'
            | '•'
            | '*'
    )
}

/// Marks of a line that does not end a sentence (the text goes on on the next line).
fn continues_line(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '(' | '[' | '«' | '„' | '“' | '-' | '–' | '—' | '/' | '&' | '+'
    )
}

/// Whether a gap of whitespace holds a line break, and whether it holds a blank line.
fn line_breaks(gap: &str) -> (bool, bool) {
    let mut breaks = 0;
    let mut paragraph = false;
    for c in gap.chars() {
        match c {
            '\n' => breaks += 1,
            '\u{2029}' => paragraph = true,
            '\u{2028}' | '\u{0B}' | '\u{0C}' | '\u{85}' => breaks += 1,
            _ => {}
        }
    }
    (breaks > 0 || paragraph, breaks > 1 || paragraph)
}

/// How the token after a candidate boundary opens.
fn opens_sentence(t: &Token, text: &str) -> bool {
    let Some(c) = text[t.start..t.end].chars().next() else {
        return false;
    };
    c.is_uppercase() || c.is_numeric() || is_opener(c)
}

fn starts_lowercase(t: &Token, text: &str) -> bool {
    text[t.start..t.end]
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase())
}

/// Decides whether a sentence ends at or shortly after token `i`; returns the index of the last
/// token of the sentence.
fn boundary_after(
    text: &str,
    tokens: &[Token],
    i: usize,
    d: &LangData,
    protected: &[bool],
) -> Option<usize> {
    let t = &tokens[i];
    let dotted_word = t.kind == TokenKind::Word && text[t.start..t.end].ends_with('.');
    let terminal = dotted_word || punct_char(t, text).is_some_and(is_terminal);
    if !terminal {
        let next = tokens.get(i + 1)?;
        let (newline, blank) = line_breaks(&text[t.end..next.start]);
        if blank {
            return Some(i);
        }
        if !newline || protected[i] {
            return None;
        }
        // A line without final punctuation: a headline, unless the text visibly goes on.
        if punct_char(t, text).is_some_and(continues_line) {
            return None;
        }
        return opens_sentence(next, text).then_some(i);
    }
    // Extend over further stops and closing quotes that stick to the first stop.
    let mut last = i;
    while let Some(n) = tokens.get(last + 1) {
        let sticks = n.start == tokens[last].end
            && punct_char(n, text).is_some_and(|c| is_terminal(c) || is_closer(c));
        if !sticks {
            break;
        }
        last += 1;
    }
    let next = tokens.get(last + 1)?;
    let gap = &text[tokens[last].end..next.start];
    if gap.is_empty() {
        return None;
    }
    let (newline, blank) = line_breaks(gap);
    if blank {
        return Some(last);
    }
    if protected[i] {
        return None;
    }
    if newline {
        return (!starts_lowercase(next, text)).then_some(last);
    }
    if !opens_sentence(next, text) {
        return None;
    }
    if dotted_word {
        // `U.S.` before a capital: more often a noun phrase (`the U.S. Army`) than an ending.
        return None;
    }
    if text[t.start..t.end] == *"." && i > 0 && tokens[i - 1].end == t.start {
        let prev = &tokens[i - 1];
        let prev_text = &text[prev.start..prev.end];
        match prev.kind {
            TokenKind::Word => {
                let mut chars = prev_text.chars();
                let single_capital =
                    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
                if single_capital || d.abbreviations.contains(&prev.norm.as_str()) {
                    return None;
                }
                let before_number = next.kind == TokenKind::Number;
                if before_number && d.number_abbreviations.contains(&prev.norm.as_str()) {
                    return None;
                }
            }
            TokenKind::Number => {
                let ordinal = prev_text.len() <= 2 && prev_text.bytes().all(|b| b.is_ascii_digit());
                if ordinal && d.ordinal_followers.contains(&next.norm.as_str()) {
                    return None;
                }
            }
            TokenKind::Punct => {}
        }
    }
    Some(last)
}

/// Marks the tokens inside `« »` pairs whose closing guillemet is followed by a lower-case word
/// (after any `,` `;` `:`): the quotation is part of a longer sentence and is not split.
fn protected_by_guillemets(text: &str, tokens: &[Token]) -> Vec<bool> {
    let mut protected = vec![false; tokens.len()];
    let mut open: Vec<usize> = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        match punct_char(t, text) {
            Some('«') => open.push(k),
            Some('»') => {
                let Some(a) = open.pop() else { continue };
                let after = tokens[k + 1..]
                    .iter()
                    .find(|n| !matches!(punct_char(n, text), Some(',' | ';' | ':')));
                if after.is_some_and(|n| n.kind == TokenKind::Word && starts_lowercase(n, text)) {
                    protected[a..k].iter_mut().for_each(|p| *p = true);
                }
            }
            _ => {}
        }
        // A paragraph break closes every quotation left open.
        if let Some(n) = tokens.get(k + 1) {
            if line_breaks(&text[t.end..n.start]).1 {
                open.clear();
            }
        }
    }
    protected
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str, lang: Lang) -> Vec<&str> {
        split_sentences(text, lang)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn empty_and_blank() {
        assert!(split("", Lang::En).is_empty());
        assert!(split(" \n\n\t ", Lang::En).is_empty());
        assert_eq!(split("  Hello.  ", Lang::En), ["Hello."]);
    }

    #[test]
    fn german_ordinals() {
        assert_eq!(
            split(
                "Die Wahl findet am 3. Oktober statt. Danach folgt die Auszählung.",
                Lang::De
            ),
            [
                "Die Wahl findet am 3. Oktober statt.",
                "Danach folgt die Auszählung."
            ]
        );
    }

    #[test]
    fn number_abbreviations_only_before_numbers() {
        assert_eq!(
            split(
                "They said no. The talks ended. See resolution No. 2334 too.",
                Lang::En
            ),
            [
                "They said no.",
                "The talks ended.",
                "See resolution No. 2334 too."
            ]
        );
    }
}
