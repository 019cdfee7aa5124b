//! Helpers shared by the coder's table-driven tests, and [`battery!`], the set of phenomenon
//! tests that every language must fill.
//!
//! A case is `(document date, sentence, expected events)`; each expected event is
//! `SOURCE>TARGET CODE`, with `-` for no target, and the list must match the coder's output
//! exactly (order aside). A date case is `(document date, sentence, expected date of the first
//! event)`.

#![allow(dead_code)]

use dyad_coder::{code_document, Document, Event};
use dyad_lexicon::{Date, Lexicon};
use dyad_text::Lang;
use std::sync::OnceLock;

/// A sentence and the events it must give.
pub type Case = (&'static str, &'static str, &'static [&'static str]);
/// A sentence and the date its first event must carry.
pub type DateCase = (&'static str, &'static str, &'static str);

/// The built-in lexicon, compiled once per test binary.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::builtin().expect("built-in lexicon"))
}

/// Codes `text` as a document of `lang` dated `date`.
pub fn code(lang: Lang, date: &str, text: &str) -> Vec<Event> {
    let doc = Document {
        id: "t".into(),
        text: text.into(),
        lang,
        date: Date::parse(date),
    };
    code_document(lexicon(), &doc).0
}

/// Codes `text` and returns its events as sorted `SOURCE>TARGET CODE` strings.
pub fn coded(lang: Lang, date: &str, text: &str) -> Vec<String> {
    let mut out: Vec<String> = code(lang, date, text)
        .iter()
        .map(|e| {
            format!(
                "{}>{} {}",
                e.source.code,
                e.target.as_ref().map_or("-", |t| t.code.as_str()),
                e.cameo
            )
        })
        .collect();
    out.sort();
    out
}

/// Runs a table of cases in one language and reports every mismatch at once.
pub fn check(lang: Lang, table: &[(&str, &str, &[&str])]) {
    let mut failures = Vec::new();
    for (date, text, want) in table {
        let mut want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
        want.sort();
        let got = coded(lang, date, text);
        if got != want {
            failures.push(format!("{text}\n    want {want:?}\n    got  {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        table.len(),
        failures.join("\n")
    );
}

/// Runs a table of date cases in one language.
pub fn check_dates(lang: Lang, table: &[(&str, &str, &str)]) {
    let mut failures = Vec::new();
    for (date, text, want) in table {
        let events = code(lang, date, text);
        let got = events
            .first()
            .and_then(|e| e.date)
            .map(|d| d.to_string())
            .unwrap_or_else(|| "no event".into());
        if got != *want {
            failures.push(format!("{text}\n    want {want}\n    got  {got}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} date cases failed:\n{}",
        failures.len(),
        table.len(),
        failures.join("\n")
    );
}

/// Checks that a phenomenon's table is not empty, then runs it.
pub fn check_phenomenon(lang: Lang, phenomenon: &str, table: &[Case]) {
    assert!(
        table.len() >= 2,
        "{lang}: the battery wants at least two cases of {phenomenon}"
    );
    check(lang, table);
}

/// The battery of phenomenon tests every language must fill: one `#[test]` per phenomenon of
/// the coder. Leaving a phenomenon out does not compile; giving it fewer than two cases fails.
///
/// ```ignore
/// mod common;
/// battery!(Lang::It, {
///     source_target: &[("2022-03-01", "Il governo russo ha accusato l'Ucraina.", &["RUSGOV>UKR 112"])],
///     passives: &[...], compounds: &[...], reciprocals: &[...],
///     negation: &[...], reporting: &[...], dates: &[...],
/// });
/// ```
#[macro_export]
macro_rules! battery {
    ($lang:expr, {
        source_target: $st:expr,
        passives: $pa:expr,
        compounds: $co:expr,
        reciprocals: $re:expr,
        negation: $ne:expr,
        reporting: $rp:expr,
        dates: $da:expr $(,)?
    }) => {
        #[test]
        fn source_and_target() {
            common::check_phenomenon($lang, "source and target", $st);
        }
        #[test]
        fn passives_with_an_agent() {
            common::check_phenomenon($lang, "passives with an agent", $pa);
        }
        #[test]
        fn compound_actors() {
            common::check_phenomenon($lang, "compound actors", $co);
        }
        #[test]
        fn reciprocals() {
            common::check_phenomenon($lang, "reciprocals", $re);
        }
        #[test]
        fn negation() {
            common::check_phenomenon($lang, "negation", $ne);
        }
        #[test]
        fn reporting_clauses() {
            common::check_phenomenon($lang, "reporting clauses", $rp);
        }
        #[test]
        fn dates() {
            let table: &[common::DateCase] = $da;
            assert!(
                table.len() >= 2,
                "the battery wants at least two date cases"
            );
            common::check_dates($lang, table);
        }
    };
}
