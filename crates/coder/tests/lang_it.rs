//! The battery of phenomenon tests (see `common::battery!`) for Italian, with sentences written
//! for these tests.

mod common;

use common::check;
use dyad_text::Lang;

battery!(Lang::It, {
    source_target: &[
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
    passives: &[
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
    compounds: &[
        (
            "2020-10-12",
            "Russia, Francia e Stati Uniti hanno esortato l'Armenia a fermare i combattimenti.",
            &["RUSGOV>ARM 025", "FRAGOV>ARM 025", "USAGOV>ARM 025"],
        ),
        (
            "2024-06-27",
            "Le forze giapponesi e sudcoreane hanno avviato un'esercitazione militare congiunta.",
            &["JPNMIL>KORMIL 062", "KORMIL>JPNMIL 062"],
        ),
    ],
    reciprocals: &[
        (
            "2023-09-14",
            "Armenia e Azerbaigian si sono accusati a vicenda di aver violato la tregua.",
            &["ARM>AZE 1123", "AZE>ARM 1123"],
        ),
        (
            "2024-02-12",
            "Serbia e Kosovo si accusano reciprocamente dell'incidente al confine.",
            &["SRB>KSV 112", "KSV>SRB 112"],
        ),
    ],
    negation: &[
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
    reporting: &[
        // The reporter is not the source, and not the target either.
        (
            "2023-01-10",
            "La Germania ha condannato l'attacco contro Kiev, ha riferito il governo di Berlino.",
            &["DEUGOV>- 111"],
        ),
        (
            "2023-01-10",
            "L'Iran ha accusato Israele di sabotaggio, si legge in una nota.",
            &["IRNGOV>ISR 1125"],
        ),
    ],
    dates: &[
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
});

/// A sentence with no subject takes the subject of the sentence before (moved here from
/// `lang_es.rs`).
#[test]
fn italian_pro_drop_takes_the_previous_subject() {
    check(
        Lang::It,
        &[
            (
                "2023-05-02",
                "Putin è arrivato ad Ankara. Ha incontrato Erdogan.",
                &["RUSGOV>TURGOV 042", "RUSGOV>TURGOV 040"],
            ),
            (
                "2023-05-02",
                "Il governo francese ha protestato. Poi ha convocato l'ambasciatore russo.",
                &["FRAGOV>RUSGOV 114"],
            ),
        ],
    );
}
