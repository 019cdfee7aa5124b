//! Table-driven tests of the coder: a sentence in, events out, for each phenomenon the coder
//! handles, in every language that has patterns. Each expected event is `SOURCE>TARGET CODE`, with
//! `-` for no target; the list must match the coder's output exactly (order aside).
//! The sentences are written for these tests.

use dyad_coder::{code_document, Document};
use dyad_lexicon::{Date, Lexicon};
use dyad_text::Lang;
use std::sync::OnceLock;

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::builtin().expect("built-in lexicon"))
}

/// Codes `text` and returns its events as sorted `SOURCE>TARGET CODE` strings.
fn coded(lang: Lang, date: &str, text: &str) -> Vec<String> {
    let doc = Document {
        id: "t".into(),
        text: text.into(),
        lang,
        date: Date::parse(date),
    };
    let (events, _) = code_document(lexicon(), &doc);
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

/// Runs a table of `(date, sentence, expected events)` in one language and reports every
/// mismatch at once.
fn check(lang: Lang, table: &[(&str, &str, &[&str])]) {
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

/// Dates of events, checked separately: `(document date, sentence, expected event date)`.
fn check_dates(lang: Lang, table: &[(&str, &str, &str)]) {
    for (date, text, want) in table {
        let doc = Document {
            id: "t".into(),
            text: (*text).into(),
            lang,
            date: Date::parse(date),
        };
        let (events, _) = code_document(lexicon(), &doc);
        assert!(!events.is_empty(), "no event in {text}");
        let got = events[0].date.map(|d| d.to_string()).unwrap_or_default();
        assert_eq!(got, *want, "{text}");
    }
}

#[test]
fn english_source_and_target() {
    check(
        Lang::En,
        &[
            (
                "2022-03-01",
                "The Russian government accused Ukraine of provocations.",
                &["RUSGOV>UKR 1123"],
            ),
            (
                "2023-05-02",
                "Turkish President Recep Tayyip Erdogan met his Egyptian counterpart in Ankara.",
                &["TURGOV>EGYGOV 040"],
            ),
            (
                "2021-06-10",
                "Pakistan's foreign minister condemned the Indian government.",
                &["PAKGOV>INDGOV 111"],
            ),
            (
                "2020-11-05",
                "Azerbaijani forces shelled Armenian positions.",
                &["AZEMIL>ARM 194"],
            ),
        ],
    );
}

#[test]
fn english_passives_with_an_agent() {
    check(
        Lang::En,
        &[
            (
                "2022-02-25",
                "Ukraine was attacked by Russian forces on Thursday.",
                &["RUSMIL>UKR 190"],
            ),
            (
                "2021-03-03",
                "The French ambassador was expelled by the Malian junta.",
                &["MLIMIL>FRAGOV 174"],
            ),
            // Without an agent there is no source: no event.
            (
                "2022-02-25",
                "Nine soldiers were killed near the border.",
                &[],
            ),
        ],
    );
}

#[test]
fn english_compound_actors() {
    check(
        Lang::En,
        &[
            (
                "2020-10-12",
                "Russia, France and the United States urged Armenia to stop the fighting.",
                &["RUS>ARM 020", "FRA>ARM 020", "USA>ARM 020"],
            ),
            (
                "2024-06-27",
                "Japanese and South Korean forces began a joint military exercise.",
                &["JPNMIL>KORMIL 062", "KORMIL>JPNMIL 062"],
            ),
        ],
    );
}

#[test]
fn english_reciprocals() {
    check(
        Lang::En,
        &[
            (
                "2023-09-14",
                "Armenia and Azerbaijan accused each other of violating the truce.",
                &["ARM>AZE 112", "AZE>ARM 112"],
            ),
            (
                "2024-02-12",
                "Serbia and Kosovo blamed one another for the border incident.",
                &["SRB>XKX 112", "XKX>SRB 112"],
            ),
        ],
    );
}

#[test]
fn english_negation() {
    check(
        Lang::En,
        &[
            (
                "2022-03-01",
                "The Russian government did not threaten Ukraine.",
                &[],
            ),
            ("2022-03-01", "China has never recognised Kosovo.", &[]),
            ("2022-03-01", "Hungary has not condemned Russia.", &[]),
        ],
    );
}

#[test]
fn english_reporting_clauses() {
    check(
        Lang::En,
        &[
            // The reporter is not the source, and not the target either.
            (
                "2023-01-10",
                "Germany condemned the attack on Kyiv, officials in Berlin said.",
                &["DEU>- 111"],
            ),
            (
                "2023-01-10",
                "Iran accused Israel of sabotage, according to Russian media.",
                &["IRN>ISR 1125"],
            ),
            // A reporting verb that opens the sentence keeps its subject as the source.
            (
                "2023-01-10",
                "NATO said it would send more troops to Lithuania.",
                &["IGOWSTNAT>LTU 154"],
            ),
        ],
    );
}

#[test]
fn english_dates() {
    check_dates(
        Lang::En,
        &[
            (
                "2019-07-10",
                "The Italian premier met the French president on Tuesday.",
                "2019-07-09",
            ),
            (
                "2022-11-24",
                "Yesterday Turkey accused Greece of provocations.",
                "2022-11-23",
            ),
            (
                "2020-10",
                "On 27 September Azerbaijani forces attacked Armenian positions.",
                "2020-09-27",
            ),
            (
                "2023-01-05",
                "Serbia accused Kosovo of provocations on December 30.",
                "2022-12-30",
            ),
            (
                "2023-01-05",
                "Serbia accused Kosovo of provocations.",
                "2023-01-05",
            ),
        ],
    );
}

#[test]
fn italian_source_and_target() {
    check(
        Lang::It,
        &[
            (
                "2022-03-01",
                "Il governo russo ha accusato l'Ucraina di provocazioni.",
                &["RUSGOV>UKR 1123"],
            ),
            (
                "2021-06-10",
                "Il ministro degli Esteri pachistano ha condannato il governo indiano.",
                &["PAKGOV>INDGOV 111"],
            ),
            (
                "2020-11-05",
                "Le forze azere hanno bombardato le postazioni armene.",
                &["AZEMIL>ARM 195"],
            ),
            (
                "2023-05-02",
                "Il presidente turco ha incontrato ad Ankara il suo omologo egiziano.",
                &["TURGOV>EGYGOV 040"],
            ),
        ],
    );
}

#[test]
fn italian_passives_with_an_agent() {
    check(
        Lang::It,
        &[
            (
                "2022-02-25",
                "L'Ucraina è stata attaccata dalle forze russe giovedì.",
                &["RUSMIL>UKR 190"],
            ),
            (
                "2021-03-03",
                "L'ambasciatore francese è stato espulso dalla giunta maliana.",
                &["MLIMIL>FRAGOV 174"],
            ),
            // Without an agent there is no source: no event.
            (
                "2022-02-25",
                "Nove soldati sono stati uccisi vicino al confine.",
                &[],
            ),
        ],
    );
}

#[test]
fn italian_compound_actors() {
    check(
        Lang::It,
        &[
            (
                "2020-10-12",
                "Russia, Francia e Stati Uniti hanno esortato l'Armenia a fermare i combattimenti.",
                &["RUS>ARM 025", "FRA>ARM 025", "USA>ARM 025"],
            ),
            (
                "2024-06-27",
                "Le forze giapponesi e sudcoreane hanno avviato un'esercitazione militare congiunta.",
                &["JPNMIL>KORMIL 062", "KORMIL>JPNMIL 062"],
            ),
        ],
    );
}

#[test]
fn italian_reciprocals() {
    check(
        Lang::It,
        &[
            (
                "2023-09-14",
                "Armenia e Azerbaigian si sono accusati a vicenda di aver violato la tregua.",
                &["ARM>AZE 1123", "AZE>ARM 1123"],
            ),
            (
                "2024-02-12",
                "Serbia e Kosovo si accusano reciprocamente dell'incidente al confine.",
                &["SRB>XKX 112", "XKX>SRB 112"],
            ),
        ],
    );
}

#[test]
fn italian_negation() {
    check(
        Lang::It,
        &[
            (
                "2022-03-01",
                "Il governo russo non ha minacciato l'Ucraina.",
                &[],
            ),
            (
                "2022-03-01",
                "La Cina non ha mai riconosciuto il Kosovo.",
                &[],
            ),
            (
                "2022-03-01",
                "L'Ungheria ha smentito di aver condannato la Russia.",
                &[],
            ),
        ],
    );
}

#[test]
fn italian_reporting_clauses() {
    check(
        Lang::It,
        &[
            // The reporter is not the source, and not the target either.
            (
                "2023-01-10",
                "La Germania ha condannato l'attacco contro Kiev, ha riferito il governo di Berlino.",
                &["DEU>- 111"],
            ),
            (
                "2023-01-10",
                "L'Iran ha accusato Israele di sabotaggio, si legge in una nota.",
                &["IRN>ISR 1125"],
            ),
        ],
    );
}

#[test]
fn italian_dates() {
    check_dates(
        Lang::It,
        &[
            (
                "2019-07-10",
                "Il premier italiano ha incontrato martedì il presidente francese.",
                "2019-07-09",
            ),
            (
                "2022-11-24",
                "Ieri la Turchia ha accusato la Grecia di provocazioni.",
                "2022-11-23",
            ),
            (
                "2020-10",
                "Il 27 settembre le forze azere hanno attaccato le postazioni armene.",
                "2020-09-27",
            ),
            (
                "2023-01-05",
                "La Serbia ha accusato il Kosovo di provocazioni il 30 dicembre.",
                "2022-12-30",
            ),
        ],
    );
}

/// A material act with no target actor is coded against the country where it lands, named by a
/// place of the gazetteer or a country in a locative phrase of the trigger's clause.
#[test]
fn material_acts_target_the_country_where_they_land() {
    check(
        Lang::It,
        &[
            (
                "2023-01-10",
                "Le forze russe hanno bombardato un villaggio vicino a Bachmut.",
                &["RUSMIL>UKR 195"],
            ),
            (
                "2024-05-10",
                "L'aviazione israeliana ha colpito diversi obiettivi a Rafah.",
                &["ISRMIL>PSE 190"],
            ),
            // A statement is no material act: no implied target.
            (
                "2024-05-10",
                "Il governo israeliano ha espresso preoccupazione a Rafah.",
                &["ISRGOV>- 012"],
            ),
        ],
    );
    check(
        Lang::En,
        &[
            (
                "2024-01-12",
                "U.S. warplanes struck more than sixty targets in rebel-held areas of Yemen.",
                &["USAMIL>YEM 195"],
            ),
            (
                "2023-04-12",
                "Myanmar's military bombed a village near Mandalay on Tuesday.",
                &["MMRMIL>MMR 195"],
            ),
        ],
    );
}

/// What an accusation alleges is not an event; a coordinated verb with its own auxiliary is.
#[test]
fn allegations_are_not_events() {
    check(
        Lang::It,
        &[
            (
                "2023-01-10",
                "Il governo azero ha accusato l'Armenia di aver trasferito armi nella regione.",
                &["AZEGOV>ARM 112"],
            ),
            (
                "2024-05-10",
                "La Turchia ha accusato la Grecia di provocazioni e ha schierato navi da guerra nell'Egeo.",
                &["TUR>GRC 1123", "TUR>- 150"],
            ),
        ],
    );
    check(
        Lang::En,
        &[(
            "2024-01-12",
            "Turkey accused Greece of sending warships to the islands.",
            &["TUR>GRC 112"],
        )],
    );
}
