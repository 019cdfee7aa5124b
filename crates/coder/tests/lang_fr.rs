//! Table-driven tests of French: a sentence in, events out. Each expected event is
//! `SOURCE>TARGET CODE`, with `-` for no target; the list must match the coder's output exactly
//! (order aside). The sentences are written for these tests.

use dyad_coder::{code_document, Document};
use dyad_lexicon::{Date, Lexicon};
use dyad_text::Lang;
use std::sync::OnceLock;

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::builtin().expect("built-in lexicon"))
}

fn document(date: &str, text: &str) -> Document {
    Document {
        id: "t".into(),
        text: text.into(),
        lang: Lang::Fr,
        date: Date::parse(date),
    }
}

/// Codes `text` and returns its events as sorted `SOURCE>TARGET CODE` strings.
fn coded(date: &str, text: &str) -> Vec<String> {
    let (events, _) = code_document(lexicon(), &document(date, text));
    let mut out: Vec<String> = events
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

/// Runs a table of `(sentence, expected events)` and reports every mismatch at once.
fn check(table: &[(&str, &[&str])]) {
    let mut failures = Vec::new();
    for (text, want) in table {
        let mut want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
        want.sort();
        let got = coded("2024-03-13", text);
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

/// A town whose name starts like an actor's (`L'Union`, a French commune) does not hide the
/// actor that overlaps and outruns it.
#[test]
fn actors_win_over_places_they_outrun() {
    check(&[
        (
            "L'Union européenne a condamné la Russie.",
            &["IGOEUREEC>RUS 111"],
        ),
        (
            "Vendredi, l'Union européenne a imposé des sanctions contre l'Iran.",
            &["IGOEUREEC>IRN 163"],
        ),
    ]);
}

/// `a` is both the auxiliary (has) and the preposition `à`: a noun trigger after `a` + verb is
/// not inside a prepositional phrase, and the subject is its agent.
#[test]
fn auxiliary_a_is_not_a_preposition() {
    check(&[
        (
            "Israël a mené des frappes aériennes sur la bande de Gaza.",
            &["ISR>PSE 195"],
        ),
        (
            "L'armée russe a lancé lundi des frappes contre l'Ukraine.",
            &["RUSMIL>UKR 195"],
        ),
    ]);
}

/// Dates of events, resolved against the document date: `(document date, sentence, event date)`.
fn check_dates(table: &[(&str, &str, &str)]) {
    for (date, text, want) in table {
        let (events, _) = code_document(lexicon(), &document(date, text));
        assert!(!events.is_empty(), "no event in {text}");
        let got = events[0].date.map(|d| d.to_string()).unwrap_or_default();
        assert_eq!(got, *want, "{text}");
    }
}

#[test]
fn relative_and_absolute_dates() {
    check_dates(&[
        // 2024-03-13 is a Wednesday.
        (
            "2024-03-13",
            "Hier, le gouvernement turc a condamné l'attaque.",
            "2024-03-12",
        ),
        (
            "2024-03-13",
            "Avant-hier, la police turque a arrêté vingt manifestants.",
            "2024-03-11",
        ),
        (
            "2024-03-13",
            "Le ministre russe a rencontré lundi son homologue indien.",
            "2024-03-11",
        ),
        (
            "2024-03-13",
            "Le président kényan a reçu aujourd'hui son homologue somalien.",
            "2024-03-13",
        ),
        (
            "2024-03-13",
            "La veille, l'armée israélienne a bombardé Rafah.",
            "2024-03-12",
        ),
        (
            "2023-10-02",
            "Le 27 septembre, les forces azerbaïdjanaises ont attaqué les séparatistes arméniens.",
            "2023-09-27",
        ),
        (
            "2024-01-05",
            "Le 28 décembre, la Chine a condamné la visite du ministre japonais.",
            "2023-12-28",
        ),
    ]);
}
