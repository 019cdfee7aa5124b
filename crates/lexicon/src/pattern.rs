//! Event patterns: parsing of `patterns/LANG.txt` lines and matching against tokens.

use crate::error::{Error, ErrorKind};

/// What a pattern produces when it fires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternCode {
    /// A CAMEO event code.
    Event(String),
    /// A reporting verb: no event; actors of a trailing reporting clause are neither source nor target.
    Report,
    /// A verb that negates the triggers that follow it in its clause.
    Neg,
    /// A phrase that is consumed so that no trigger fires on its words.
    Skip,
}

/// Where a target (or a trailing source) may be found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    /// The first actor after the trigger that no preposition introduces.
    Obj,
    /// The first actor after the trigger introduced by this preposition base.
    Prep(String),
}

/// One matchable word: exact or a prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Atom {
    /// The token's normalised form equals this.
    Word(String),
    /// The token's normalised form starts with this.
    Prefix(String),
}

impl Atom {
    fn accepts(&self, norm: &str) -> bool {
        match self {
            Atom::Word(w) => norm == w,
            Atom::Prefix(p) => norm.starts_with(p.as_str()),
        }
    }
}

/// One element of a trigger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Elem {
    /// One of these atoms.
    Alt(Vec<Atom>),
    /// Optionally one of these atoms.
    Opt(Vec<Atom>),
    /// Zero to [`MAX_GAP`] non-punctuation tokens.
    Gap,
    /// Exactly one non-punctuation token.
    Any,
    /// Zero to [`MAX_CLAUSE_GAP`] non-punctuation tokens, after which the rest of the trigger
    /// must end the clause (be followed by punctuation or the end of the sentence): the split
    /// particle of a separable verb (`wies die Kritik zurück.`).
    ClauseGap,
}

/// The longest gap `..` may skip.
pub const MAX_GAP: usize = 4;

/// The longest gap `...` may skip.
pub const MAX_CLAUSE_GAP: usize = 16;

/// A compiled event pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// Stable id, e.g. `it.112.accusare`.
    pub id: String,
    /// What it produces.
    pub code: PatternCode,
    /// The trigger elements.
    pub elems: Vec<Elem>,
    /// Where the target is; empty means the event never has one.
    pub target: Vec<Slot>,
    /// Prepositions that introduce a source after the trigger.
    pub source_after: Vec<String>,
    /// Reciprocal by nature.
    pub recip: bool,
    /// Mutual even with a target: the event is also coded from the target to the source.
    pub mutual: bool,
    /// The code of the converse event, coded from the target to the source as well
    /// (`converse=042`: the guest of a hosted visit visits).
    pub converse: Option<String>,
    /// Makes an event only when a target is found (`visited` with no destination is no event).
    pub needs_target: bool,
    /// File and line it came from, for `dyad explain`.
    pub origin: String,
}

/// A token as the pattern matcher sees it.
#[derive(Debug, Clone, Copy)]
pub struct Tok<'a> {
    /// Normalised form.
    pub norm: &'a str,
    /// Punctuation never fills a gap.
    pub punct: bool,
    /// A coordinating, subordinating or auxiliary word (`und`, `dass`, `hat`): like
    /// punctuation, it may follow the end of a clause gap `...` (`... geliefert hat`).
    pub joins: bool,
}

impl Pattern {
    /// The atoms the first element accepts (used to index patterns).
    pub fn first_atoms(&self) -> &[Atom] {
        match &self.elems[0] {
            Elem::Alt(a) => a,
            _ => &[],
        }
    }

    /// Matches the trigger at `start`; returns the indices of the tokens it consumed (the gaps'
    /// tokens excluded), shortest gaps first.
    pub fn match_at(&self, toks: &[Tok<'_>], start: usize) -> Option<Vec<usize>> {
        let mut taken = Vec::with_capacity(self.elems.len());
        if match_from(&self.elems, toks, start, &mut taken) {
            Some(taken)
        } else {
            None
        }
    }

    /// Parses one pattern line (`ID CODE TRIGGER ; OPTIONS`). `lang` prefixes ids.
    pub fn parse(file: &str, number: usize, line: &str) -> Result<Pattern, Error> {
        let err = |m: String| Error::new(file, number, ErrorKind::Syntax(m));
        let (main, options) = match line.find(';') {
            Some(i) => (&line[..i], &line[i + 1..]),
            None => (line, ""),
        };
        let mut words = main.split_whitespace();
        let id = words.next().ok_or_else(|| err("empty pattern".into()))?;
        let code_text = words
            .next()
            .ok_or_else(|| err(format!("pattern {id} has no code")))?;
        let code = match code_text {
            "REPORT" => PatternCode::Report,
            "NEG" => PatternCode::Neg,
            "SKIP" => PatternCode::Skip,
            c if (2..=4).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_digit()) => {
                PatternCode::Event(c.to_string())
            }
            c => return Err(err(format!("pattern {id}: bad code {c:?}"))),
        };
        let mut elems = Vec::new();
        for word in words {
            elems.push(parse_elem(word).map_err(|m| err(format!("pattern {id}: {m}")))?);
        }
        match elems.first() {
            None => return Err(err(format!("pattern {id} has no trigger"))),
            Some(Elem::Alt(_)) => {}
            Some(_) => {
                return Err(err(format!(
                    "pattern {id}: the first element must be a word, a stem or alternatives"
                )))
            }
        }
        if matches!(elems.last(), Some(Elem::Gap | Elem::ClauseGap)) {
            return Err(err(format!(
                "pattern {id}: a trigger cannot end with a gap"
            )));
        }
        let mut target = vec![Slot::Obj];
        let mut source_after = Vec::new();
        let mut recip = false;
        let mut mutual = false;
        let mut converse = None;
        let mut needs_target = false;
        for option in options.split(';').map(str::trim).filter(|o| !o.is_empty()) {
            if option == "recip" {
                recip = true;
            } else if option == "mutual" {
                mutual = true;
            } else if let Some(c) = option.strip_prefix("converse=") {
                let c = c.trim();
                if !((2..=4).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_digit())) {
                    return Err(err(format!("pattern {id}: bad converse code {c:?}")));
                }
                converse = Some(c.to_string());
            } else if option == "needs-target" {
                needs_target = true;
            } else if let Some(spec) = option.strip_prefix("target=") {
                target = parse_slots(spec);
                if spec.trim() == "none" {
                    target.clear();
                }
            } else if let Some(spec) = option.strip_prefix("source=") {
                source_after = spec
                    .split('|')
                    .map(|s| dyad_text::normalize(s.trim()))
                    .filter(|s| !s.is_empty() && s != "obj")
                    .collect();
            } else {
                return Err(err(format!("pattern {id}: unknown option {option:?}")));
            }
        }
        Ok(Pattern {
            id: id.to_string(),
            code,
            elems,
            target,
            source_after,
            recip,
            mutual,
            converse,
            needs_target,
            origin: format!("{file}:{number}"),
        })
    }
}

fn parse_slots(spec: &str) -> Vec<Slot> {
    spec.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty() && *s != "none")
        .map(|s| {
            if s == "obj" {
                Slot::Obj
            } else {
                Slot::Prep(
                    s.split_whitespace()
                        .map(dyad_text::normalize)
                        .collect::<Vec<_>>()
                        .join(" "),
                )
            }
        })
        .collect()
}

fn parse_atoms(text: &str) -> Result<Vec<Atom>, String> {
    let mut atoms = Vec::new();
    for alt in text.split('|') {
        if alt.is_empty() || alt.contains(['(', ')']) {
            return Err(format!("bad element {text:?}"));
        }
        atoms.push(match alt.strip_suffix('*') {
            Some(stem) if !stem.is_empty() => Atom::Prefix(dyad_text::normalize(stem)),
            Some(_) => return Err(format!("bare * in {text:?}")),
            None => Atom::Word(dyad_text::normalize(alt)),
        });
    }
    Ok(atoms)
}

fn parse_elem(word: &str) -> Result<Elem, String> {
    match word {
        ".." => Ok(Elem::Gap),
        "..." => Ok(Elem::ClauseGap),
        "_" => Ok(Elem::Any),
        _ => match word.strip_prefix('(') {
            Some(rest) => {
                let inner = rest
                    .strip_suffix(')')
                    .ok_or_else(|| format!("unbalanced parenthesis in {word:?}"))?;
                Ok(Elem::Opt(parse_atoms(inner)?))
            }
            None => Ok(Elem::Alt(parse_atoms(word)?)),
        },
    }
}

fn match_from(elems: &[Elem], toks: &[Tok<'_>], at: usize, taken: &mut Vec<usize>) -> bool {
    let Some((elem, rest)) = elems.split_first() else {
        return true;
    };
    let here = toks.get(at);
    match elem {
        Elem::Alt(atoms) => {
            if let Some(t) = here.filter(|t| atoms.iter().any(|a| a.accepts(t.norm))) {
                let _ = t;
                taken.push(at);
                if match_from(rest, toks, at + 1, taken) {
                    return true;
                }
                taken.pop();
            }
            false
        }
        Elem::Opt(atoms) => {
            if here.is_some_and(|t| atoms.iter().any(|a| a.accepts(t.norm))) {
                taken.push(at);
                if match_from(rest, toks, at + 1, taken) {
                    return true;
                }
                taken.pop();
            }
            match_from(rest, toks, at, taken)
        }
        Elem::Any => {
            if here.is_some_and(|t| !t.punct) {
                taken.push(at);
                if match_from(rest, toks, at + 1, taken) {
                    return true;
                }
                taken.pop();
            }
            false
        }
        Elem::Gap => {
            for skip in 0..=MAX_GAP {
                if skip > 0 && toks.get(at + skip - 1).is_none_or(|t| t.punct) {
                    break;
                }
                if match_from(rest, toks, at + skip, taken) {
                    return true;
                }
            }
            false
        }
        Elem::ClauseGap => {
            let mark = taken.len();
            for skip in 0..=MAX_CLAUSE_GAP {
                if skip > 0 && toks.get(at + skip - 1).is_none_or(|t| t.punct) {
                    break;
                }
                if match_from(rest, toks, at + skip, taken) {
                    let next = taken.last().map_or(at + skip, |&k| k + 1);
                    if toks.get(next).is_none_or(|t| t.punct || t.joins) {
                        return true;
                    }
                    taken.truncate(mark);
                }
            }
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<Tok<'_>> {
        text.split(' ')
            .map(|w| Tok {
                norm: w,
                punct: w.chars().all(|c| c.is_ascii_punctuation()),
                joins: w == "und",
            })
            .collect()
    }

    #[test]
    fn parses_options_and_elements() {
        let p = Pattern::parse(
            "it.txt",
            3,
            "it.194.bomb 194 bombardament* (di) artiglieria ; source=di ; target=su|contro",
        )
        .unwrap();
        assert_eq!(p.code, PatternCode::Event("194".into()));
        assert_eq!(p.elems.len(), 3);
        assert_eq!(p.source_after, vec!["di".to_string()]);
        assert_eq!(
            p.target,
            vec![Slot::Prep("su".into()), Slot::Prep("contro".into())]
        );
        let none =
            Pattern::parse("it.txt", 4, "it.1724.x 1724 legge marziale ; target=none").unwrap();
        assert!(none.target.is_empty());
        assert!(Pattern::parse("f", 1, "x 112 (opt) word").is_err());
        assert!(Pattern::parse("f", 1, "x 9x word").is_err());
        assert!(Pattern::parse("f", 1, "x 112 word ; colour=red").is_err());
        assert!(Pattern::parse("f", 1, "x 112 word ..").is_err());
        let host = Pattern::parse("f", 1, "x 043 empfing ; converse=042").unwrap();
        assert_eq!(host.converse.as_deref(), Some("042"));
        assert!(Pattern::parse("f", 1, "x 043 empfing ; converse=4x").is_err());
    }

    #[test]
    fn matches_optional_gaps_and_stems() {
        let p = Pattern::parse("f", 1, "x 163 impos* .. sanzioni").unwrap();
        let t = toks("ha imposto nuove dure sanzioni");
        assert_eq!(p.match_at(&t, 1), Some(vec![1, 4]));
        let t = toks("ha imposto , sanzioni");
        assert_eq!(p.match_at(&t, 1), None);
        let p = Pattern::parse("f", 1, "x 1724 dichiar* (la) legge marziale").unwrap();
        assert_eq!(
            p.match_at(&toks("dichiarato la legge marziale"), 0),
            Some(vec![0, 1, 2, 3])
        );
        assert_eq!(
            p.match_at(&toks("dichiarato legge marziale"), 0),
            Some(vec![0, 1, 2])
        );
        assert_eq!(p.match_at(&toks("dichiarato la legge"), 0), None);
    }

    #[test]
    fn clause_gap_needs_the_particle_at_the_end_of_the_clause() {
        let p = Pattern::parse("f", 1, "x 120 lehnte|lehnten ... ab").unwrap();
        let t = toks("lehnte die Forderungen der Bauern am Montag ab .");
        assert_eq!(p.match_at(&t, 0), Some(vec![0, 7]));
        assert_eq!(p.match_at(&toks("lehnte den Plan ab"), 0), Some(vec![0, 3]));
        assert_eq!(
            p.match_at(&toks("lehnte den Plan ab und ging"), 0),
            Some(vec![0, 3])
        );
        // `ab` as a preposition inside the clause is not the particle.
        assert_eq!(p.match_at(&toks("lehnte ab Montag Gespräche"), 0), None);
        // Punctuation ends the clause before the particle.
        assert_eq!(p.match_at(&toks("lehnte , wie es hieß , ab"), 0), None);
        assert!(Pattern::parse("f", 1, "x 120 lehnte ...").is_err());
    }
}
