//! Completion of actor names in any language: `Russland`, `Cremlino` and `Putin` all lead to
//! Russian codes. The names come from the lexicon (every actor phrase of every language) and
//! from the database (codes and the names events were stored with); codes with events in the
//! database come first.

use dyad_lexicon::{ActorKind, Lexicon};
use dyad_store::Facts;
use dyad_text::normalize;
use serde_json::{json, Value};
use std::collections::HashMap;

/// One name that leads to a code.
#[derive(Debug)]
struct Name {
    /// Lower-case, accents folded, words separated by one space.
    folded: String,
    /// As written.
    written: String,
    code: String,
    /// What the code is (the country's or the entity's name).
    label: String,
}

/// Every name of the lexicon, folded for matching; built once per server.
#[derive(Debug)]
pub struct Names(Vec<Name>);

/// Lower-case, accents folded, one space between words.
fn fold(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(normalize)
        .collect::<Vec<_>>()
        .join(" ")
}

/// How well a folded name matches a folded query: 0 the whole name, 1 its start, 2 the start
/// of one of its words; `None` no match.
fn rank(folded: &str, q: &str) -> Option<u8> {
    if folded == q {
        Some(0)
    } else if folded.starts_with(q) {
        Some(1)
    } else if folded
        .match_indices(q)
        .any(|(i, _)| folded[..i].ends_with(' '))
    {
        Some(2)
    } else {
        None
    }
}

impl Names {
    /// The names of the lexicon's countries, adjectives, institutions, people and organisations.
    pub fn new(lexicon: &Lexicon) -> Names {
        let countries = lexicon.countries();
        let mut names = Vec::new();
        for n in lexicon.actor_names() {
            let (code, label) = match n.kind {
                ActorKind::Country(c) | ActorKind::Adjective(c) => {
                    let c = &countries[c as usize];
                    (c.code.clone(), c.name.clone())
                }
                ActorKind::Metonym(c, role) => {
                    let c = &countries[c as usize];
                    (
                        format!("{}{}", c.code, role.as_str()),
                        format!("{} ({})", c.name, role.as_str()),
                    )
                }
                ActorKind::Entity(e) | ActorKind::Seat(e) | ActorKind::Surname(e) => {
                    let e = &lexicon.entities()[e as usize];
                    match e.code_at(None) {
                        Some(code) => (code.to_string(), e.name.clone()),
                        None => continue,
                    }
                }
                ActorKind::Agent(_) => continue,
            };
            names.push(Name {
                folded: fold(&n.phrase),
                written: n.phrase.to_string(),
                code,
                label,
            });
        }
        Names(names)
    }

    /// Up to `limit` codes for the text `q`: codes with events in `facts` first (most events
    /// first), then the others by how well they match. A code's events count every code it is
    /// a prefix of (`RUS` counts `RUSGOV`), as the filters do.
    pub fn suggest(&self, q: &str, facts: &Facts, limit: usize) -> Vec<Value> {
        let fq = fold(q);
        if fq.is_empty() {
            return Vec::new();
        }
        let upper = q.trim().to_ascii_uppercase();
        // code -> (rank, label, matched name)
        let mut best: HashMap<String, (u8, String, String)> = HashMap::new();
        let mut offer = |code: &str, r: u8, label: &str, written: &str| {
            let e = best
                .entry(code.to_string())
                .or_insert((u8::MAX, String::new(), String::new()));
            if r < e.0 || (r == e.0 && written.len() < e.2.len()) {
                *e = (r, label.to_string(), written.to_string());
            }
        };
        for n in &self.0 {
            if let Some(r) = rank(&n.folded, &fq) {
                offer(&n.code, r, &n.label, &n.written);
            }
        }
        let stored: Vec<(&str, &str, u64)> = facts
            .actor_counts()
            .map(|(code, name, s, t)| (code, name, s + t))
            .collect();
        for &(code, name, _) in &stored {
            if code.starts_with(&upper) {
                offer(code, if code == upper { 0 } else { 1 }, name, code);
            } else if let Some(r) = rank(&fold(name), &fq) {
                offer(code, r, name, name);
            }
        }
        let events = |code: &str| -> u64 {
            stored
                .iter()
                .filter(|(c, _, _)| c.starts_with(code))
                .map(|(_, _, n)| n)
                .sum()
        };
        let mut found: Vec<(String, u8, String, String, u64)> = best
            .into_iter()
            .map(|(code, (r, label, written))| {
                let n = events(&code);
                (code, r, label, written, n)
            })
            .collect();
        found.sort_by(|a, b| {
            (b.4 > 0)
                .cmp(&(a.4 > 0))
                .then(b.4.cmp(&a.4))
                .then(a.1.cmp(&b.1))
                .then(a.0.len().cmp(&b.0.len()))
                .then(a.0.cmp(&b.0))
        });
        found
            .into_iter()
            .take(limit)
            .map(|(code, _, label, matched, events)| {
                json!({"code": code, "label": label, "matched": matched, "events": events})
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_and_ranking() {
        assert_eq!(fold("Erdoğan, Recep Tayyip"), "erdogan recep tayyip");
        assert_eq!(rank("vladimir putin", "putin"), Some(2));
        assert_eq!(rank("vladimir putin", "vlad"), Some(1));
        assert_eq!(rank("russland", "russland"), Some(0));
        assert_eq!(rank("prussia", "russ"), None);
    }
}
