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

/// The case rules of a phrase's words, packed two bits a word (words after the 32nd accept any
/// case). Packing them saves an allocation per phrase: the gazetteer alone has 250,000 names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CaseRules(u64);

impl CaseRules {
    /// The rule of word `k`.
    pub fn get(self, k: usize) -> CaseRule {
        if k >= 32 {
            return CaseRule::Any;
        }
        match (self.0 >> (2 * k)) & 3 {
            1 => CaseRule::Initial,
            2 => CaseRule::Upper,
            _ => CaseRule::Any,
        }
    }

    /// Sets the rule of word `k` (ignored after the 32nd word).
    pub fn set(&mut self, k: usize, rule: CaseRule) {
        if k >= 32 {
            return;
        }
        let bits = match rule {
            CaseRule::Any => 0,
            CaseRule::Initial => 1,
            CaseRule::Upper => 2,
        };
        self.0 = (self.0 & !(3 << (2 * k))) | (bits << (2 * k));
    }
}

impl From<Vec<CaseRule>> for CaseRules {
    fn from(rules: Vec<CaseRule>) -> CaseRules {
        let mut out = CaseRules::default();
        for (k, r) in rules.into_iter().enumerate() {
            out.set(k, r);
        }
        out
    }
}

/// A phrase stored in the trie with its payload.
#[derive(Debug, Clone)]
pub struct Entry<T> {
    /// Case rule per word.
    pub case: CaseRules,
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

    /// Every interned word.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.ids.keys().map(|w| &**w)
    }

    /// Makes room for about `n` more words.
    pub fn reserve(&mut self, n: usize) {
        self.ids.reserve(n);
    }

    /// The id of a normalised word, if any phrase uses it.
    pub fn get(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }
}

/// A trie of phrases over word ids.
///
/// The entries of all nodes live in one vector, chained per node in insertion order: a node
/// costs no allocation of its own (the gazetteer makes hundreds of thousands of them).
#[derive(Debug, Clone)]
pub struct PhraseIndex<T> {
    next: FxHashMap<(u32, u32), u32>,
    nodes: Vec<Node>,
    entries: Vec<Slot<T>>,
    max_len: usize,
}

const NONE: u32 = u32::MAX;

/// A trie node: its first and last entry, and the generation of its entries (see
/// [`PhraseIndex::insert_replacing`]).
#[derive(Debug, Clone, Copy)]
struct Node {
    first: u32,
    last: u32,
    generation: u32,
}

impl Node {
    const EMPTY: Node = Node {
        first: NONE,
        last: NONE,
        generation: 0,
    };
}

#[derive(Debug, Clone)]
struct Slot<T> {
    entry: Entry<T>,
    next: u32,
}

impl<T> Default for PhraseIndex<T> {
    fn default() -> Self {
        PhraseIndex {
            next: FxHashMap::default(),
            nodes: vec![Node::EMPTY],
            entries: Vec::new(),
            max_len: 0,
        }
    }
}

impl<T> PhraseIndex<T> {
    /// Adds a phrase given as normalised words with their case rules.
    pub fn insert<S: AsRef<str>>(
        &mut self,
        words: &mut Words,
        norms: &[S],
        case: impl Into<CaseRules>,
        value: T,
    ) {
        if let Some(node) = self.node(words, norms) {
            self.push(node, case.into(), value);
        }
    }

    /// Adds a phrase that replaces the meanings the same phrase got in earlier generations
    /// (a user lexicon overriding the built-in one); meanings added in this generation are kept.
    pub fn insert_replacing<S: AsRef<str>>(
        &mut self,
        words: &mut Words,
        norms: &[S],
        case: impl Into<CaseRules>,
        value: T,
        generation: u32,
    ) {
        if let Some(node) = self.node(words, norms) {
            let n = &mut self.nodes[node];
            if n.generation != generation {
                n.first = NONE;
                n.last = NONE;
                n.generation = generation;
            }
            self.push(node, case.into(), value);
        }
    }

    fn push(&mut self, node: usize, case: CaseRules, value: T) {
        let id = self.entries.len() as u32;
        self.entries.push(Slot {
            entry: Entry { case, value },
            next: NONE,
        });
        let n = &mut self.nodes[node];
        if n.last == NONE {
            n.first = id;
        } else {
            self.entries[n.last as usize].next = id;
        }
        n.last = id;
    }

    /// The entries of a node, in insertion order.
    fn entries_of(&self, node: usize) -> impl Iterator<Item = &Entry<T>> {
        let mut at = self.nodes[node].first;
        std::iter::from_fn(move || {
            let slot = self.entries.get(at as usize)?;
            at = slot.next;
            Some(&slot.entry)
        })
    }

    /// Makes room for about `phrases` more phrases of about `words_each` words.
    pub fn reserve(&mut self, phrases: usize, words_each: usize) {
        let nodes = phrases * words_each;
        self.next.reserve(nodes);
        self.nodes.reserve(nodes);
        self.entries.reserve(phrases);
    }

    /// The node of a phrase, created if needed.
    fn node<S: AsRef<str>>(&mut self, words: &mut Words, norms: &[S]) -> Option<usize> {
        if norms.is_empty() {
            return None;
        }
        let mut node = 0u32;
        for norm in norms {
            let word = words.intern(norm.as_ref());
            let fresh = self.nodes.len() as u32;
            node = *self.next.entry((node, word)).or_insert(fresh);
            if node == fresh {
                self.nodes.push(Node::EMPTY);
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
            if self.nodes[node as usize].first == NONE {
                continue;
            }
            let len = offset + 1;
            let ok: Vec<&T> = self
                .entries_of(node as usize)
                .filter(|e| (0..len).all(|k| e.case.get(k).accepts(original(start + k))))
                .map(|e| &e.value)
                .collect();
            if !ok.is_empty() {
                found.push((len, ok));
            }
        }
        found.reverse();
        found
    }

    /// The values of every phrase (with repeats when a phrase has several meanings).
    pub fn values(&self) -> impl Iterator<Item = &T> {
        (0..self.nodes.len()).flat_map(|n| self.entries_of(n).map(|e| &e.value))
    }

    /// The number of phrases.
    pub fn len(&self) -> usize {
        (0..self.nodes.len())
            .map(|n| self.entries_of(n).count())
            .sum()
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
