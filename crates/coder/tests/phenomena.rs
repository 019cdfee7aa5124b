//! Table-driven tests of phenomena that hold across languages: a sentence in, events out (see
//! `common` for the table format). Each language's battery of basic phenomena is in its own
//! `lang_LL.rs`. The sentences are written for these tests.

mod common;

use common::check;
use dyad_text::Lang;

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
        ),
        // A verb that the conjunction opens is the accuser's own act.
        (
            "2023-06-07",
            "Ukraine accused Russia of war crimes and demanded an emergency meeting of the UN Security Council.",
            &["UKR>RUS 1124", "UKR>IGOUNO 106"],
        )],
    );
}
