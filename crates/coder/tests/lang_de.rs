//! The battery of phenomenon tests (see `common::battery!`) for German, then what is particular
//! to German: verb-second and verb-final word order, separable verbs, genitives, hyphenated
//! compounds. Each expected event is `SOURCE>TARGET CODE`, with `-` for no target; the list must
//! match the coder's output exactly (order aside). The sentences are written for these tests.

mod common;

use common::check;
use dyad_text::Lang;

battery!(Lang::De, {
    source_target: &[
        // Role and adjective: `der russische Außenminister`.
        (
            "2024-03-05",
            "Der russische Außenminister hat Estland kritisiert.",
            &["RUSGOV>EST 111"],
        ),
        (
            "2024-03-05",
            "Die Regierung der Ukraine hat Belarus gewarnt.",
            &["UKRGOV>BLR 012"],
        ),
        // An organisation of an organisation keeps the first one's code.
        (
            "2024-03-05",
            "Der Sicherheitsrat der Vereinten Nationen verurteilte Nordkorea.",
            &["IGOUNO>PRK 111"],
        ),
        // Possessive genitive before the role.
        (
            "2024-03-05",
            "Österreichs Polizei nahm zwei Georgier fest.",
            &["AUTCOP>GEO 173"],
        ),
        (
            "2024-03-05",
            "Die russische Armee bombardierte ukrainische Städte.",
            &["RUSMIL>UKR 195"],
        ),
    ],
    passives: &[
        // Passive with its agent before the participle.
        (
            "2024-03-05",
            "Ein Journalist ist von der iranischen Polizei festgenommen worden.",
            &["IRNCOP>IRNMED 173"],
        ),
        (
            "2024-03-05",
            "Libyen wurde am Sonntag von Ägypten scharf kritisiert.",
            &["EGYGOV>LBY 111"],
        ),
        // The agent in a contracted preposition (`vom`).
        (
            "2024-03-05",
            "Der britische Botschafter wurde vom russischen Außenministerium einbestellt.",
            &["RUSGOV>GBRGOV 114"],
        ),
        // Passive without an agent: no event.
        (
            "2024-03-05",
            "Mehrere Soldaten wurden in Mali getötet.",
            &[],
        ),
    ],
    compounds: &[

        // Compound source: one event per member.
        (
            "2024-03-05",
            "Deutschland, Italien und Spanien haben Syrien verurteilt.",
            &["DEUGOV>SYR 111", "ITAGOV>SYR 111", "ESPGOV>SYR 111"],
        ),
        // Compound target.
        (
            "2024-03-05",
            "Schweden kritisierte Norwegen und Finnland.",
            &["SWEGOV>NOR 111", "SWEGOV>FIN 111"],
        ),
        // Two adjectives joined by `und` before one role: two actors, and a joint act goes both
        // ways.
        (
            "2024-03-05",
            "Die chinesische und die russische Marine hielten ein gemeinsames Manöver ab.",
            &["CHNMIL>RUSMIL 062", "RUSMIL>CHNMIL 062"],
        ),
    ],
    reciprocals: &[

        // Reciprocal phrase: each member acts on the other.
        (
            "2024-03-05",
            "Serbien und Kroatien werfen sich gegenseitig Provokationen vor.",
            &["SRB>HRV 1123", "HRV>SRB 1123"],
        ),
        // Inherently mutual event with a compound subject.
        (
            "2024-03-05",
            "Chile und Peru haben am Freitag ein Abkommen unterzeichnet.",
            &["CHL>PER 057", "PER>CHL 057"],
        ),
        // A mutual event with a target goes both ways (`mutual`).
        (
            "2024-03-05",
            "Indische Soldaten lieferten sich Gefechte mit pakistanischen Soldaten.",
            &["INDMIL>PAKMIL 193", "PAKMIL>INDMIL 193"],
        ),
        (
            "2024-03-05",
            "Äthiopien und Eritrea beschuldigten einander, die Verhandlungen sabotiert zu haben.",
            &["ETH>ERI 112", "ERI>ETH 112"],
        ),
    ],
    negation: &[
        // Negation before the participle, and inside the gap of a separable verb.
        ("2024-03-05", "Indien hat Pakistan nicht angegriffen.", &[]),
        (
            "2024-03-05",
            "Brasilien lehnte den Vorschlag Argentiniens nicht ab.",
            &[],
        ),
        (
            "2024-03-05",
            "Kuba hat keine Sanktionen gegen Panama verhängt.",
            &[],
        ),
        ("2024-03-05", "Die Türkei hat Schweden nie bedroht.", &[]),
    ],
    reporting: &[
        // A trailing reporting clause neither gives the source nor becomes a target.
        (
            "2024-03-05",
            "Tunesien hat Libyen gedroht, wie das italienische Außenministerium mitteilte.",
            &["TUNGOV>LBY 130"],
        ),
        // A reporting verb alone is no event.
        (
            "2024-03-05",
            "Der Sprecher Griechenlands sagte am Montag nichts dazu.",
            &[],
        ),
        // A fronted reporting phrase: its actor is not the subject of the inverted verb.
        (
            "2024-03-05",
            "Nach Angaben der lettischen Polizei griff Russland Estland an.",
            &["RUSGOV>EST 190"],
        ),
        // `laut` introduces the reporter, not the source.
        (
            "2024-03-05",
            "Laut Polen hat Russland Litauen bedroht.",
            &["RUSGOV>LTU 130"],
        ),
        // The reporter is not the target either.
        (
            "2024-03-05",
            "Italien verurteilte den Anschlag, teilte die italienische Regierung mit.",
            &["ITAGOV>- 111"],
        ),
    ],
    dates: &[
        (
            "2024-03-07",
            "Am Dienstag hat Russland die Ukraine angegriffen.",
            "2024-03-05",
        ),
        (
            "2024-03-07",
            "Russland hat gestern die Ukraine angegriffen.",
            "2024-03-06",
        ),
        (
            "2024-10-03",
            "Russland hat am 27. September die Ukraine angegriffen.",
            "2024-09-27",
        ),
        (
            "2024-03-07",
            "Russland hat heute die Ukraine angegriffen.",
            "2024-03-07",
        ),
        (
            "2024-01-04",
            "Russland hat am 30. Dezember die Ukraine angegriffen.",
            "2023-12-30",
        ),
        (
            "2024-03-07",
            "Russland hat vorgestern die Ukraine angegriffen.",
            "2024-03-05",
        ),
        // No date in the sentence: the document's.
        (
            "2024-01-04",
            "Russland hat die Ukraine angegriffen.",
            "2024-01-04",
        ),
    ],
});

#[test]
fn german_verb_second_and_verb_final() {
    check(
        Lang::De,
        &[
            // Simple present, subject first.
            (
                "2024-03-05",
                "Frankreich verurteilt die Türkei.",
                &["FRAGOV>TUR 111"],
            ),
            // Perfect: the object stands between the auxiliary and the participle.
            (
                "2024-03-05",
                "Russland hat die Ukraine angegriffen.",
                &["RUSGOV>UKR 190"],
            ),
            // Inversion after a fronted date: the subject follows the verb.
            (
                "2024-03-05",
                "Am Dienstag kritisierte Polen die Slowakei scharf.",
                &["POLGOV>SVK 111"],
            ),
            // Verb-final subordinate clause after a reporting clause.
            (
                "2024-03-05",
                "Die Zeitung berichtete, dass Ägypten den Sudan beschuldigt hat.",
                &["EGYGOV>SDN 112"],
            ),
            // Separable verb: stem in second position, particle at the end of the clause.
            (
                "2024-03-05",
                "Japan wies die Forderungen Chinas zurück.",
                &["JPNGOV>CHN 120"],
            ),
            (
                "2024-03-05",
                "Kanada rief Venezuela zur Zurückhaltung auf.",
                &["CANGOV>VEN 020"],
            ),
            (
                "2024-03-05",
                "Am Montag griff Aserbaidschan Armenien an.",
                &["AZEGOV>ARM 190"],
            ),
            // The particle of a separable verb must end the clause: `an` here is a preposition.
            (
                "2024-03-05",
                "Indien griff an der Grenze zu Pakistan zu.",
                &[],
            ),
            // Joined form of the separable verb in a subordinate clause.
            (
                "2024-03-05",
                "Es hieß, dass Marokko die Vorschläge Algeriens ablehnte.",
                &["MARGOV>DZA 120"],
            ),
            // A clause gap may end before the auxiliary of a verb-final clause.
            (
                "2024-03-05",
                "Es hieß, dass Schweden der Ukraine Panzer geliefert hat.",
                &["SWEGOV>UKR 072"],
            ),
            // A genitive after a noun is the object only when no other actor is.
            (
                "2024-03-05",
                "Washington hat Peking vor einer Invasion Taiwans gewarnt.",
                &["USAGOV>CHNGOV 012"],
            ),
            // A noun's agent stands in its own clause: no source from the main clause.
            (
                "2024-03-05",
                "Der Iran warf den USA vor, die Proteste zu schüren.",
                &["IRNGOV>USA 112"],
            ),
            // An infinitive clause takes the previous event's target as its subject.
            (
                "2024-03-05",
                "Ecuador warf Kolumbien vor, Peru bedroht zu haben.",
                &["ECUGOV>COL 112", "COLGOV>PER 130"],
            ),
            // `mit Blockaden protestiert`: the blockade is the protesters' own event.
            (
                "2024-03-05",
                "Polnische Bauern haben mit Straßenblockaden gegen die Regierung protestiert.",
                &["POLCVL>POLGOV 144", "POLCVL>POLGOV 141"],
            ),
            // Dative object of `vorwerfen`.
            (
                "2024-03-05",
                "Ungarn warf der EU Erpressung vor.",
                &["HUNGOV>IGOEUREEC 112"],
            ),
        ],
    );
}

/// Actors written the German way: genitives after a role, hyphenated compounds, place nouns.
#[test]
fn german_actors() {
    check(
        Lang::De,
        &[
            // Role with a genitive country after it.
            (
                "2024-03-05",
                "Der Außenminister Rumäniens verurteilte die Angriffe.",
                &["ROUGOV>- 111"],
            ),
            // A hyphenated compound names the organisation of its first part.
            (
                "2024-03-05",
                "Polen beteiligt sich mit Panzern am Nato-Manöver im Baltikum.",
                &["POLGOV>IGOWSTNAT 062"],
            ),
            // A name after a place noun is a place, not an actor (`Duma` is also a parliament).
            (
                "2024-03-05",
                "Syrische Soldaten beschossen am Abend die Stadt Duma.",
                &["SYRMIL>- 194"],
            ),
            // A host receives a guest: the guest's visit is coded too (`converse=042`).
            (
                "2024-03-05",
                "Der Präsident Chiles empfing am Freitag den Staatschef Perus.",
                &["CHLGOV>PERGOV 043", "PERGOV>CHLGOV 042"],
            ),
        ],
    );
}

/// An event noun as the object stands for the latest event of its kind.
#[test]
fn german_event_nouns_refer_back() {
    check(
        Lang::De,
        &[(
            "2024-03-05",
            "Sudanesische Milizen haben Tschad angegriffen. Kamerun verurteilte den Angriff.",
            &["SDNREB>TCD 190", "CMRGOV>SDNREB 111"],
        )],
    );
}
