//! The battery of phenomenon tests (see `common::battery!`) for English, with sentences written
//! for these tests.

mod common;

use dyad_text::Lang;

battery!(Lang::En, {
    source_target: &[
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
    passives: &[
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
    compounds: &[
        (
            "2020-10-12",
            "Russia, France and the United States urged Armenia to stop the fighting.",
            &["RUSGOV>ARM 020", "FRAGOV>ARM 020", "USAGOV>ARM 020"],
        ),
        (
            "2024-06-27",
            "Japanese and South Korean forces began a joint military exercise.",
            &["JPNMIL>KORMIL 062", "KORMIL>JPNMIL 062"],
        ),
    ],
    reciprocals: &[
        (
            "2023-09-14",
            "Armenia and Azerbaijan accused each other of violating the truce.",
            &["ARM>AZE 112", "AZE>ARM 112"],
        ),
        (
            "2024-02-12",
            "Serbia and Kosovo blamed one another for the border incident.",
            &["SRB>KSV 112", "KSV>SRB 112"],
        ),
    ],
    negation: &[
        (
            "2022-03-01",
            "The Russian government did not threaten Ukraine.",
            &[],
        ),
        ("2022-03-01", "China has never recognised Kosovo.", &[]),
        ("2022-03-01", "Hungary has not condemned Russia.", &[]),
    ],
    reporting: &[
        // The reporter is not the source, and not the target either.
        (
            "2023-01-10",
            "Germany condemned the attack on Kyiv, officials in Berlin said.",
            &["DEUGOV>- 111"],
        ),
        (
            "2023-01-10",
            "Iran accused Israel of sabotage, according to Russian media.",
            &["IRNGOV>ISR 1125"],
        ),
        // A reporting verb that opens the sentence keeps its subject as the source.
        (
            "2023-01-10",
            "NATO said it would send more troops to Lithuania.",
            &["IGOWSTNAT>LTU 154"],
        ),
    ],
    dates: &[
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
});
