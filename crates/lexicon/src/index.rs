//! A word-level trie over normalised tokens: longest-match lookup of dictionary phrases.
//!
//! Words are interned once; a sentence is turned into word ids with one hash lookup per token, and
//! matching walks `(node, word)` transitions. This keeps matching allocation-free.

use rustc_hash::FxHashMap;

/// The case a text word must have for a phrase word to match (see `data/README.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseRule {
    /// Any case.
    Any,
    /// A capital initial.
    Initial,
    /// All capitals.
    Upper,
}

impl CaseRule {
    /// The rule a phrase word written as `word` in the data imposes.
    pub fn of(word: &str) -> CaseRule {
        let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
            CaseRule::Upper
        } else if letters.first().is_some_and(|c| c.is_uppercase()) {
            CaseRule::Initial
        } else {
            CaseRule::Any
        }
    }

    /// Whether the original text of a token satisfies the rule.
    pub fn accepts(self, original: &str) -> bool {
        match self {
            CaseRule::Any => true,
            CaseRule::Initial => original
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase),
            CaseRule::Upper => {
                let mut letters = original.chars().filter(|c| c.is_alphabetic()).peekable();
                letters.peek().is_some() && letters.all(char::is_uppercase)
            }
        }
    }
}

/// A phrase stored in the trie with its payload.
#[derive(Debug, Clone)]
pub struct Entry<T> {
    /// Case rule per word.
    pub case: Vec<CaseRule>,
    /// What the phrase means.
    pub value: T,
}

/// Interned words shared by every index of one language.
#[derive(Debug, Default, Clone)]
pub struct Words {
    ids: FxHashMap<Box<str>, u32>,
}

impl Words {
    /// The id of a normalised word, creating it.
    pub fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(word.into(), id);
        id
    }

    /// The id of a normalised word, if any phrase uses it.
    pub fn get(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }
}

/// A trie of phrases over word ids.
#[derive(Debug, Clone)]
pub struct PhraseIndex<T> {
    next: FxHashMap<(u32, u32), u32>,
    entries: Vec<Vec<Entry<T>>>,
    /// Per node, the generation of its entries (see [`PhraseIndex::insert_replacing`]).
    generations: Vec<u32>,
    max_len: usize,
}

impl<T> Default for PhraseIndex<T> {
    fn default() -> Self {
        PhraseIndex {
            next: FxHashMap::default(),
            entries: vec![Vec::new()],
            generations: vec![0],
            max_len: 0,
        }
    }
}

impl<T> PhraseIndex<T> {
    /// Adds a phrase given as normalised words with their case rules.
    pub fn insert(&mut self, words: &mut Words, norms: &[String], case: Vec<CaseRule>, value: T) {
        if let Some(node) = self.node(words, norms) {
            self.entries[node].push(Entry { case, value });
        }
    }

    /// Adds a phrase that replaces the meanings the same phrase got in earlier generations
    /// (a user lexicon overriding the built-in one); meanings added in this generation are kept.
    pub fn insert_replacing(
        &mut self,
        words: &mut Words,
        norms: &[String],
        case: Vec<CaseRule>,
        value: T,
        generation: u32,
    ) {
        if let Some(node) = self.node(words, norms) {
            if self.generations[node] != generation {
                self.entries[node].clear();
                self.generations[node] = generation;
            }
            self.entries[node].push(Entry { case, value });
        }
    }

    /// The node of a phrase, created if needed.
    fn node(&mut self, words: &mut Words, norms: &[String]) -> Option<usize> {
        if norms.is_empty() {
            return None;
        }
        let mut node = 0u32;
        for norm in norms {
            let word = words.intern(norm);
            let fresh = self.entries.len() as u32;
            node = *self.next.entry((node, word)).or_insert(fresh);
            if node == fresh {
                self.entries.push(Vec::new());
                self.generations.push(0);
            }
        }
        self.max_len = self.max_len.max(norms.len());
        Some(node as usize)
    }

    /// Every phrase that starts at `start`, as `(length in tokens, entries)`, longest first.
    /// `ids[i]` is the word id of token `i` (None when no phrase uses the word); `original(i)` is
    /// its original text, for the case rules.
    pub fn matches_at<'a>(
        &'a self,
        ids: &[Option<u32>],
        start: usize,
        original: impl Fn(usize) -> &'a str,
    ) -> Vec<(usize, Vec<&'a T>)>
    where
        T: 'a,
    {
        let mut found = Vec::new();
        let mut node = 0u32;
        for (offset, id) in ids[start..].iter().enumerate().take(self.max_len) {
            let Some(id) = id else { break };
            let Some(&child) = self.next.get(&(node, *id)) else {
                break;
            };
            node = child;
            let entries = &self.entries[node as usize];
            if entries.is_empty() {
                continue;
            }
            let len = offset + 1;
            let ok: Vec<&T> = entries
                .iter()
                .filter(|e| {
                    e.case
                        .iter()
                        .enumerate()
                        .all(|(k, rule)| rule.accepts(original(start + k)))
                })
                .map(|e| &e.value)
                .collect();
            if !ok.is_empty() {
                found.push((len, ok));
            }
        }
        found.reverse();
        found
    }

    /// The number of phrases.
    pub fn len(&self) -> usize {
        self.entries.iter().map(Vec::len).sum()
    }

    /// True when no phrase was added.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_rules() {
        assert_eq!(CaseRule::of("Nato"), CaseRule::Initial);
        assert_eq!(CaseRule::of("UN"), CaseRule::Upper);
        assert_eq!(CaseRule::of("U.S."), CaseRule::Upper);
        assert_eq!(CaseRule::of("russo"), CaseRule::Any);
        assert!(CaseRule::Initial.accepts("NATO"));
        assert!(!CaseRule::Initial.accepts("nato"));
        assert!(!CaseRule::Upper.accepts("un"));
        assert!(!CaseRule::Upper.accepts("Un"));
        assert!(CaseRule::Upper.accepts("UN"));
    }

    #[test]
    fn longest_match_first() {
        let mut words = Words::default();
        let mut index = PhraseIndex::default();
        let n = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
        index.insert(
            &mut words,
            &n("stati uniti"),
            vec![CaseRule::Initial; 2],
            "USA",
        );
        index.insert(&mut words, &n("stati"), vec![CaseRule::Any], "states");
        let text = ["Stati", "Uniti", "e"];
        let ids: Vec<Option<u32>> = text.iter().map(|t| words.get(&t.to_lowercase())).collect();
        let found = index.matches_at(&ids, 0, |i| text[i]);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].0, 2);
        assert_eq!(*found[0].1[0], "USA");
    }

    #[test]
    fn a_later_generation_replaces_a_phrase() {
        let mut words = Words::default();
        let mut index = PhraseIndex::default();
        let n = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
        index.insert(&mut words, &n("tripoli"), vec![CaseRule::Any], "LBY");
        index.insert_replacing(&mut words, &n("tripoli"), vec![CaseRule::Any], "LBN", 2);
        index.insert_replacing(&mut words, &n("tripoli"), vec![CaseRule::Any], "GRC", 2);
        let ids = [words.get("tripoli")];
        let found = index.matches_at(&ids, 0, |_| "Tripoli");
        assert_eq!(found[0].1, vec![&"LBN", &"GRC"]);
    }
}
