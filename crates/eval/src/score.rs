//! Code normalisation and the greedy one-to-one matching of `score.py`.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::py;
use crate::{Counts, GoldDoc, GoldEvent, Report, SystemEvent};

/// A normalised actor code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Actor {
    /// `*`: any target, or none.
    Any,
    /// A code split into its first three characters and its sorted roles.
    Code {
        /// The country (or `IGO`, `NGO`, `---`): the code's first three characters.
        head: String,
        /// The rest of the code cut into three-character pieces, sorted so that
        /// `USAGOVMIL` equals `USAMILGOV`. A rest whose length is not a multiple
        /// of three ends with a shorter piece, as Python's slicing gives.
        roles: Vec<String>,
    },
}

impl Actor {
    /// What the lenient rule compares: the country, or `*` for the wildcard.
    fn country(&self) -> &str {
        match self {
            Actor::Any => "*",
            Actor::Code { head, .. } => head,
        }
    }
}

/// Normalises an actor code; `None` for a missing actor (absent, empty,
/// `NONE` or `NULL` in any case).
pub(crate) fn norm_actor(code: Option<&str>) -> Option<Actor> {
    let code = py::strip(code?).to_uppercase();
    match code.as_str() {
        "" | "NONE" | "NULL" => None,
        "*" => Some(Actor::Any),
        _ => {
            let chars: Vec<char> = code.chars().collect();
            let head: String = chars.iter().take(3).collect();
            let mut roles: Vec<String> = chars
                .get(3..)
                .unwrap_or_default()
                .chunks(3)
                .map(|piece| piece.iter().collect())
                .collect();
            roles.sort();
            Some(Actor::Code { head, roles })
        }
    }
}

/// Normalises a CAMEO code: surrounding space and anything from the first `_`
/// and then the first `:` on are dropped (`043_x` and `043:y` are `043`).
pub(crate) fn norm_code(code: &str) -> &str {
    let code = py::strip(code);
    let code = code.split('_').next().unwrap_or(code);
    code.split(':').next().unwrap_or(code)
}

/// An event reduced to what matching compares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Norm {
    source: Option<Actor>,
    target: Option<Actor>,
    code: String,
}

impl Norm {
    fn gold(event: &GoldEvent) -> Norm {
        Norm::new(
            event.source.as_deref(),
            event.target.as_deref(),
            &event.cameo,
        )
    }

    fn system(event: &SystemEvent) -> Norm {
        Norm::new(
            event.source.as_deref(),
            event.target.as_deref(),
            &event.cameo,
        )
    }

    fn new(source: Option<&str>, target: Option<&str>, cameo: &str) -> Norm {
        Norm {
            source: norm_actor(source),
            target: norm_actor(target),
            code: norm_code(cameo).to_string(),
        }
    }

    /// The CAMEO root: the code's first two characters.
    fn root(&self) -> &str {
        py::char_prefix(&self.code, 2)
    }
}

/// Lenient equality: same source country, same target country (or a gold `*`
/// target), same CAMEO root. A missing source never matches.
pub(crate) fn lenient(gold: &Norm, system: &Norm) -> bool {
    let (Some(gs), Some(ss)) = (&gold.source, &system.source) else {
        return false;
    };
    if gs.country() != ss.country() {
        return false;
    }
    if gold.target != Some(Actor::Any) {
        match (&gold.target, &system.target) {
            (None, None) => {}
            (Some(gt), Some(st)) if gt.country() == st.country() => {}
            _ => return false,
        }
    }
    gold.root() == system.root()
}

/// Strict equality: same full source and target (roles in any order; a gold
/// `*` target accepts anything), and a system code that starts with the gold code.
pub(crate) fn strict(gold: &Norm, system: &Norm) -> bool {
    if gold.source != system.source {
        return false;
    }
    if gold.target != Some(Actor::Any) && gold.target != system.target {
        return false;
    }
    system.code.starts_with(&gold.code)
}

/// The outcome of matching one document's events.
struct Outcome {
    tp: u64,
    fp: u64,
    fn_: u64,
    /// Matched (required index, system index) pairs, in system order.
    pairs: Vec<(usize, usize)>,
}

/// Greedy one-to-one matching in system-event order.
///
/// Each system event takes the first unused required event it matches. One
/// that matches none is ignored when it matches an optional event, or a
/// required event with a `*` target that an earlier system event satisfied
/// (several targets resolved from one vague phrase); otherwise it is a false
/// positive. Unused required events are false negatives.
fn match_document(
    required: &[Norm],
    optional: &[Norm],
    system: &[Norm],
    same: fn(&Norm, &Norm) -> bool,
) -> Outcome {
    let mut used = vec![false; required.len()];
    let mut satisfied_wildcard = vec![false; required.len()];
    let mut outcome = Outcome {
        tp: 0,
        fp: 0,
        fn_: 0,
        pairs: Vec::new(),
    };
    for (s, event) in system.iter().enumerate() {
        let hit = (0..required.len()).find(|&g| !used[g] && same(&required[g], event));
        if let Some(g) = hit {
            used[g] = true;
            if required[g].target == Some(Actor::Any) {
                satisfied_wildcard[g] = true;
            }
            outcome.tp += 1;
            outcome.pairs.push((g, s));
            continue;
        }
        if optional.iter().any(|gold| same(gold, event)) {
            continue;
        }
        if (0..required.len()).any(|g| satisfied_wildcard[g] && same(&required[g], event)) {
            continue;
        }
        outcome.fp += 1;
    }
    outcome.fn_ = used.iter().filter(|&&u| !u).count() as u64;
    outcome
}

/// Adds a document's counts to its language's cell and to `all` (twice to
/// `all` for a document whose language is literally `all`, as the reference does).
fn add(table: &mut BTreeMap<String, Counts>, lang: &str, outcome: &Outcome) {
    for key in [lang, "all"] {
        let cell = table.entry(key.to_string()).or_default();
        cell.tp += outcome.tp;
        cell.fp += outcome.fp;
        cell.fn_ += outcome.fn_;
    }
}

/// Scores system events against gold documents.
///
/// System events are grouped by `doc_id`; a document is scored against the
/// events carrying its id (two gold documents with one id both see all of
/// them), and events naming no gold document are only counted as stray.
pub fn score(gold: &[GoldDoc], system: &[SystemEvent]) -> Report {
    let mut by_doc: HashMap<&str, Vec<Norm>> = HashMap::new();
    for event in system {
        by_doc
            .entry(event.doc_id.as_str())
            .or_default()
            .push(Norm::system(event));
    }
    let known: HashSet<&str> = gold.iter().map(|doc| doc.id.as_str()).collect();
    let stray_events = by_doc
        .iter()
        .filter(|(id, _)| !known.contains(*id))
        .map(|(_, events)| events.len() as u64)
        .sum();

    let mut report = Report {
        documents: gold.len(),
        stray_events,
        lenient: BTreeMap::new(),
        strict: BTreeMap::new(),
        roots: BTreeMap::new(),
    };
    for doc in gold {
        let required: Vec<Norm> = doc.events.iter().map(Norm::gold).collect();
        let optional: Vec<Norm> = doc.optional.iter().map(Norm::gold).collect();
        let system = by_doc.get(doc.id.as_str()).map_or(&[][..], Vec::as_slice);
        let lang = doc.lang.as_deref().unwrap_or("??");
        let loose = match_document(&required, &optional, system, lenient);
        add(&mut report.lenient, lang, &loose);
        add(
            &mut report.strict,
            lang,
            &match_document(&required, &optional, system, strict),
        );
        add_roots(
            &mut report.roots,
            &required,
            &optional,
            system,
            &loose.pairs,
        );
    }
    report
}

/// The per-root lenient table: a gold root is found or missed, a system root
/// is right or wrong. A system event that is not in a pair but matches some
/// gold event (optional or required, used or not) is not counted wrong.
fn add_roots(
    roots: &mut BTreeMap<String, Counts>,
    required: &[Norm],
    optional: &[Norm],
    system: &[Norm],
    pairs: &[(usize, usize)],
) {
    let mut found: HashMap<&str, u64> = HashMap::new();
    for &(g, _) in pairs {
        let root = required[g].root();
        *found.entry(root).or_default() += 1;
        roots.entry(root.to_string()).or_default().tp += 1;
    }
    for gold in required {
        let root = gold.root();
        match found.get_mut(root) {
            Some(left) if *left > 0 => *left -= 1,
            _ => roots.entry(root.to_string()).or_default().fn_ += 1,
        }
    }
    let mut matched: HashMap<&str, u64> = HashMap::new();
    for &(_, s) in pairs {
        *matched.entry(system[s].root()).or_default() += 1;
    }
    for event in system {
        let root = event.root();
        match matched.get_mut(root) {
            Some(left) if *left > 0 => *left -= 1,
            _ => {
                if !optional
                    .iter()
                    .chain(required)
                    .any(|gold| lenient(gold, event))
                {
                    roots.entry(root.to_string()).or_default().fp += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(head: &str, roles: &[&str]) -> Option<Actor> {
        Some(Actor::Code {
            head: head.to_string(),
            roles: roles.iter().map(|r| r.to_string()).collect(),
        })
    }

    #[test]
    fn actors_normalise_like_the_reference() {
        assert_eq!(norm_actor(None), None);
        for missing in ["", "  ", "none", "Null", " NONE "] {
            assert_eq!(norm_actor(Some(missing)), None, "{missing:?}");
        }
        assert_eq!(norm_actor(Some(" * ")), Some(Actor::Any));
        assert_eq!(norm_actor(Some("rus")), code("RUS", &[]));
        assert_eq!(norm_actor(Some("usamilgov")), code("USA", &["GOV", "MIL"]));
        assert_eq!(norm_actor(Some("USAGOVMIL")), norm_actor(Some("USAMILGOV")));
        // A rest of five characters gives a piece of three and one of two.
        assert_eq!(norm_actor(Some("IGOEUREC")), code("IGO", &["EC", "EUR"]));
        assert_eq!(norm_actor(Some("UK")), code("UK", &[]));
        assert_eq!(norm_actor(Some("---cvl")), code("---", &["CVL"]));
    }

    #[test]
    fn codes_normalise_like_the_reference() {
        assert_eq!(norm_code(" 043 "), "043");
        assert_eq!(norm_code("043_extra"), "043");
        assert_eq!(norm_code("04:3_x"), "04");
        assert_eq!(norm_code("_043"), "");
        assert_eq!(norm_code(""), "");
    }

    fn ev(source: &str, target: &str, cameo: &str) -> Norm {
        fn opt(s: &str) -> Option<&str> {
            (s != "-").then_some(s)
        }
        Norm::new(opt(source), opt(target), cameo)
    }

    #[test]
    fn lenient_and_strict_rules() {
        let gold = ev("FRAGOV", "DEUGOV", "042");
        assert!(lenient(&gold, &ev("FRA", "DEUMIL", "043")));
        assert!(!strict(&gold, &ev("FRA", "DEUMIL", "043")));
        assert!(strict(&gold, &ev("FRAGOV", "DEUGOV", "0421")));
        assert!(!strict(&gold, &ev("FRAGOV", "DEUGOV", "04")));
        assert!(!lenient(&gold, &ev("FRA", "-", "042")));
        assert!(!lenient(&gold, &ev("ITA", "DEU", "042")));
        // A wildcard target accepts any target and no target.
        let wild = ev("ESPGOV", "*", "17");
        assert!(lenient(&wild, &ev("ESP", "-", "173")));
        assert!(strict(&wild, &ev("ESPGOV", "MAR", "173")));
        // A missing source never matches leniently, but two missing sources are equal strictly.
        let sourceless = ev("-", "-", "010");
        assert!(!lenient(&sourceless, &sourceless));
        assert!(strict(&sourceless, &sourceless));
        // A system `*` target is a code like any other: it only equals a gold `*`.
        assert!(!lenient(&gold, &ev("FRA", "*", "042")));
    }

    #[test]
    fn greedy_matching_with_optional_and_wildcards() {
        let required = [ev("CHNGOV", "*", "19"), ev("CHN", "TWN", "112")];
        let optional = [ev("TWN", "CHN", "112")];
        let system = [
            ev("CHNMIL", "TWN", "190"), // takes the wildcard event (first in gold order)
            ev("CHN", "PHL", "190"),    // a second target under the satisfied wildcard: ignored
            ev("TWN", "CHN", "111"),    // optional: ignored
            ev("CHN", "TWN", "112"),    // true positive
            ev("CHN", "TWN", "112"),    // duplicate: false positive
            ev("JPN", "CHN", "036"),    // false positive
        ];
        let outcome = match_document(&required, &optional, &system, lenient);
        assert_eq!((outcome.tp, outcome.fp, outcome.fn_), (2, 2, 0));
        assert_eq!(outcome.pairs, vec![(0, 0), (1, 3)]);
        let outcome = match_document(&required, &optional, &system, strict);
        // Strictly, CHNMIL is not CHNGOV and 111 does not start with 112.
        assert_eq!((outcome.tp, outcome.fp, outcome.fn_), (1, 5, 1));
    }
}
