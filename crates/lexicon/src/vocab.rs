//! The content words of each language's dictionaries, for language detection.
//!
//! Function words tell languages apart in running text, but a headline such as `Putin trifft
//! Erdogan in Sotschi` has almost none. The words that the lexicon already knows per language
//! (trigger verbs and nouns of the patterns, role words, country and place names written only in
//! that language) settle it. See `dyad_text::detect_with`.

use crate::pattern::{Atom, Elem};
use crate::LangLexicon;
use dyad_text::Lang;
use rustc_hash::FxHashMap;

/// Shortest pattern stem used as a cue: shorter stems (`dic*`) would match too much.
const MIN_STEM: usize = 4;
/// Shortest word used as a cue.
const MIN_WORD: usize = 3;

/// Which languages use a word or a stem: bit `i` for `Lang::ALL[i]`.
#[derive(Debug, Default)]
pub(crate) struct Vocab {
    words: FxHashMap<Box<str>, u16>,
    stems: FxHashMap<Box<str>, u16>,
    longest_stem: usize,
}

impl Vocab {
    pub(crate) fn build(langs: &[LangLexicon]) -> Vocab {
        let mut v = Vocab::default();
        for (slot, lang) in langs.iter().enumerate().take(Lang::ALL.len()) {
            let bit = 1u16 << slot;
            for w in lang.words().iter() {
                v.add_word(w, bit);
            }
            for p in lang.patterns() {
                for elem in &p.elems {
                    let (Elem::Alt(atoms) | Elem::Opt(atoms)) = elem else {
                        continue;
                    };
                    for atom in atoms {
                        match atom {
                            Atom::Word(w) => v.add_word(w, bit),
                            Atom::Prefix(s) if s.chars().count() >= MIN_STEM => {
                                *v.stems.entry(s.as_str().into()).or_default() |= bit;
                                v.longest_stem = v.longest_stem.max(s.len());
                            }
                            Atom::Prefix(_) => {}
                        }
                    }
                }
            }
        }
        v
    }

    fn add_word(&mut self, w: &str, bit: u16) {
        if w.chars().count() >= MIN_WORD && w.chars().all(char::is_alphabetic) {
            *self.words.entry(w.into()).or_default() |= bit;
        }
    }

    /// The languages whose dictionaries use the normalised word `norm`.
    pub(crate) fn mask(&self, norm: &str) -> u16 {
        let mut mask = self.words.get(norm).copied().unwrap_or(0);
        let longest = self.longest_stem.min(norm.len());
        for end in MIN_STEM..=longest {
            if let Some(stem) = norm.get(..end) {
                mask |= self.stems.get(stem).copied().unwrap_or(0);
            }
        }
        mask
    }
}
