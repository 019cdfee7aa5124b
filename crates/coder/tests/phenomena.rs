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
                &["TURGOV>GRC 1123", "TURGOV>- 150"],
            ),
        ],
    );
    check(
        Lang::En,
        &[(
            "2024-01-12",
            "Turkey accused Greece of sending warships to the islands.",
            &["TURGOV>GRC 112"],
        ),
        // A verb that the conjunction opens is the accuser's own act.
        (
            "2023-06-07",
            "Ukraine accused Russia of war crimes and demanded an emergency meeting of the UN Security Council.",
            &["UKRGOV>RUS 1124", "UKRGOV>IGOUNO 106"],
        )],
    );
}

/// An infinitive clause has no subject of its own. After a meeting or a deployment it is the
/// previous event's source that acts (`sent troops to the border to intimidate Ukraine`), and a
/// purpose that restates the meeting (`met X to discuss`) is no second event; after an appeal,
/// a demand or a reproach it is the addressee (`urged Russia to withdraw`).
#[test]
fn infinitive_clauses_take_their_subject_from_the_previous_event() {
    check(
        Lang::It,
        &[
            (
                "2023-03-14",
                "Il ministro degli Esteri turco ha incontrato a Roma il suo omologo italiano per discutere della crisi.",
                &["TURGOV>ITAGOV 040"],
            ),
            (
                "2023-03-14",
                "La Russia ha ammassato truppe al confine per minacciare l'Ucraina.",
                &["RUSGOV>- 150", "RUSGOV>UKR 130"],
            ),
        ],
    );
    check(
        Lang::En,
        &[
            (
                "2023-03-14",
                "The Japanese prime minister met the Korean president in Seoul to discuss trade.",
                &["JPNGOV>KORGOV 040"],
            ),
            (
                "2023-03-14",
                "Russia sent troops to the border to intimidate Ukraine.",
                &["RUSGOV>- 154", "RUSGOV>UKR 130"],
            ),
        ],
    );
    check(
        Lang::Es,
        &[(
            "2023-03-14",
            "El presidente de Chile se reunió con el presidente de Perú en Lima para discutir la crisis.",
            &["CHLGOV>PERGOV 040"],
        )],
    );
    check(
        Lang::Fr,
        &[(
            "2023-03-14",
            "Le président français a rencontré le chancelier allemand à Berlin pour discuter de la guerre.",
            &["FRAGOV>DEUGOV 040"],
        )],
    );
    check(
        Lang::De,
        &[(
            "2023-03-14",
            "Der Bundeskanzler traf in Berlin den polnischen Ministerpräsidenten, um über die Sicherheit der Region zu beraten.",
            &["DEUGOV>POLGOV 040"],
        )],
    );
}

/// Actors separated by commas alone are no list: an apposition is its head again, and a fronted
/// source phrase (`Según la fiscalía, la policía...`) is no second actor. A list has a
/// conjunction, even after its last actor (`The United States, France and several allies`).
#[test]
fn commas_without_a_conjunction_make_no_compound_actor() {
    check(
        Lang::Es,
        &[(
            "2023-06-12",
            "Según la fiscalía, la policía detuvo a tres sospechosos en Popayán.",
            &["COLCOP>COL 173"],
        )],
    );
    check(
        Lang::It,
        &[
            (
                "2023-03-14",
                "Il presidente turco, Recep Tayyip Erdogan, ha incontrato a Baku il presidente azero.",
                &["TURGOV>AZEGOV 040"],
            ),
            (
                "2023-03-14",
                "Francia, Germania e Italia hanno condannato l'attacco.",
                &["FRAGOV>- 111", "DEUGOV>- 111", "ITAGOV>- 111"],
            ),
        ],
    );
    check(
        Lang::En,
        &[
            (
                "2023-03-14",
                "The Turkish president, Recep Tayyip Erdogan, met the Azerbaijani president in Baku.",
                &["TURGOV>AZEGOV 040"],
            ),
            (
                "2023-03-14",
                "Russia, China and several other states condemned the strikes.",
                &["RUSGOV>- 111", "CHNGOV>- 111"],
            ),
        ],
    );
    check(
        Lang::Fr,
        &[(
            "2023-03-14",
            "Selon le ministère, l'armée malienne a bombardé des positions rebelles près de Gao.",
            &["MLIMIL>MLIREB 195"],
        )],
    );
    check(
        Lang::De,
        &[(
            "2023-03-14",
            "Laut dem Ministerium hat die Polizei in Hamburg drei Verdächtige festgenommen.",
            &["DEUCOP>- 173"],
        )],
    );
}

/// An event noun right after another event's trigger is what that event is about, no event of
/// its own; it stands for an earlier event only when its article points back to it (`condemned
/// the attack`): `nuovi negoziati` are new ones, and lend no target.
#[test]
fn event_nouns_as_objects() {
    check(
        Lang::It,
        &[
            (
                "2023-03-16",
                "Il ministro degli Esteri armeno ha incontrato il ministro russo. L'Unione europea ha offerto di mediare nuovi negoziati.",
                &["ARMGOV>RUSGOV 040", "IGOEUREEC>- 039"],
            ),
        ],
    );
}

/// A participle right after the object of an earlier event and a comma, followed by a
/// preposition, qualifies that object: a passive without an auxiliary, and without an agent it
/// makes no event (`expelled the ambassador, accused of interfering`). Not a series of verbs
/// (`bombed Gaza, killed dozens`), nor a main verb after a fronted phrase.
#[test]
fn a_participle_after_an_object_is_a_passive() {
    check(
        Lang::Fr,
        &[(
            "2024-02-20",
            "Le gouvernement du Niger a expulsé mardi l'ambassadeur de France, accusé d'ingérence dans les affaires du pays.",
            &["NERGOV>FRAGOV 174"],
        )],
    );
    check(
        Lang::It,
        &[(
            "2024-02-20",
            "Il Niger ha espulso l'ambasciatore francese, accusato di ingerenza negli affari interni.",
            &["NERGOV>FRAGOV 174"],
        )],
    );
    check(
        Lang::Es,
        &[(
            "2024-02-20",
            "Nicaragua expulsó al embajador de España, acusado de injerencia en los asuntos internos.",
            &["NICGOV>ESPGOV 161"],
        )],
    );
    check(
        Lang::En,
        &[
            (
                "2024-02-20",
                "Niger expelled the French ambassador, accused of interfering in the country's affairs.",
                &["NERGOV>FRAGOV 161"],
            ),
            (
                "2024-02-20",
                "Russia, backed by Iran, condemned the strikes.",
                &["RUSGOV>- 111"],
            ),
        ],
    );
}

/// A country named as the agent of an act is its government; as the patient it stays the
/// country; a country that protests is its people; in a mutual act each side is the country.
#[test]
fn a_country_acting_is_its_government() {
    check(
        Lang::En,
        &[
            (
                "2024-03-01",
                "Spain condemned Russia on Tuesday.",
                &["ESPGOV>RUS 111"],
            ),
            (
                "2024-03-01",
                "Serbia and Kosovo accused each other of provocations.",
                &["SRB>KSV 1123", "KSV>SRB 1123"],
            ),
        ],
    );
    check(
        Lang::It,
        &[(
            "2024-03-01",
            "La Spagna ha criticato il Marocco.",
            &["ESPGOV>MAR 111"],
        )],
    );
}

/// A comma inside a list of actors opens no clause: the last members of the list are not the
/// subject of a reporting clause (`... e Belgio hanno espresso in una dichiarazione ...`).
#[test]
fn a_list_of_actors_is_not_cut_by_a_reporting_clause() {
    check(
        Lang::It,
        &[(
            "2023-10-10",
            "Spagna, Portogallo, Grecia, Irlanda e Belgio hanno espresso in una dichiarazione comune il loro «pieno e convinto sostegno» all'Ucraina.",
            &[
                "ESPGOV>UKR 051",
                "PRTGOV>UKR 051",
                "GRCGOV>UKR 051",
                "IRLGOV>UKR 051",
                "BELGOV>UKR 051",
            ],
        )],
    );
}

/// Receiving or hosting a visitor is the visitor's visit too: the host's 043 and the guest's 042.
#[test]
fn a_host_receives_a_visit() {
    check(
        Lang::It,
        &[(
            "2023-10-10",
            "Il presidente russo ha ricevuto a Mosca il premier indiano.",
            &["RUSGOV>INDGOV 043", "INDGOV>RUSGOV 042"],
        )],
    );
    check(
        Lang::Es,
        &[(
            "2023-10-10",
            "El rey de España recibió en Madrid al presidente de Chile.",
            &["ESPGOV>CHLGOV 043", "CHLGOV>ESPGOV 042"],
        )],
    );
    check(
        Lang::Fr,
        &[(
            "2023-10-10",
            "Le président français a reçu à l'Élysée le Premier ministre japonais.",
            &["FRAGOV>JPNGOV 043", "JPNGOV>FRAGOV 042"],
        )],
    );
    check(
        Lang::En,
        &[(
            "2023-10-10",
            "The Chinese president hosted the Brazilian president in Beijing.",
            &["CHNGOV>BRAGOV 043", "BRAGOV>CHNGOV 042"],
        )],
    );
}

/// Sending rescuers is humanitarian aid to the country they go to. A one-word role right after
/// an auxiliary is a participle: `ha inviato armi` is a verb, `l'inviato americano` an envoy.
#[test]
fn sending_rescuers_or_arms() {
    check(
        Lang::It,
        &[
            (
                "2023-02-07",
                "L'Italia ha inviato martedì in Turchia un aereo militare con a bordo squadre di soccorritori.",
                &["ITAGOV>TUR 073"],
            ),
            (
                "2023-02-07",
                "L'Italia ha inviato armi all'Ucraina.",
                &["ITAGOV>UKR 072"],
            ),
            (
                "2023-02-07",
                "L'inviato americano ha incontrato il presidente turco.",
                &["USAGOV>TURGOV 040"],
            ),
        ],
    );
    check(
        Lang::Fr,
        &[
            (
                "2023-02-07",
                "La France a envoyé mardi au Maroc un avion avec une équipe de secouristes.",
                &["FRAGOV>MAR 073"],
            ),
            (
                "2023-02-07",
                "La France a envoyé des armes à l'Ukraine.",
                &["FRAGOV>UKR 072"],
            ),
        ],
    );
    check(
        Lang::Es,
        &[
            (
                "2023-02-07",
                "España envió el martes a Marruecos un avión con un equipo de rescatistas.",
                &["ESPGOV>MAR 073"],
            ),
            (
                "2023-02-07",
                "España ha enviado armas a Ucrania.",
                &["ESPGOV>UKR 072"],
            ),
        ],
    );
    check(
        Lang::De,
        &[(
            "2023-02-07",
            "Deutschland schickte am Dienstag ein Flugzeug mit Rettungskräften in die Türkei.",
            &["DEUGOV>TUR 073"],
        )],
    );
    check(
        Lang::En,
        &[(
            "2023-02-07",
            "Britain sent a team of rescuers to Turkey on Tuesday.",
            &["GBRGOV>TUR 073"],
        )],
    );
}

/// An act with no target of its own, of the same kind as an earlier act of the sentence by
/// another country, is aimed at that act's target (parallel clauses with `while`, `mentre`).
#[test]
fn parallel_acts_share_their_target() {
    check(
        Lang::En,
        &[(
            "2023-11-01",
            "Bolivia severed diplomatic relations with Israel, while Chile and Colombia recalled their ambassadors.",
            &["BOLGOV>ISR 161", "CHLGOV>ISR 161", "COLGOV>ISR 161"],
        )],
    );
    check(
        Lang::It,
        &[(
            "2023-11-01",
            "La Francia ha condannato la Russia, mentre la Germania e l'Italia hanno espresso la loro condanna.",
            &["FRAGOV>RUS 111", "DEUGOV>RUS 111", "ITAGOV>RUS 111"],
        )],
    );
    // `sus embajadores` are the sources' own diplomats, not a target.
    check(
        Lang::Es,
        &[
            (
                "2023-11-01",
                "Bolivia rompió relaciones con Israel, mientras Chile y Colombia llamaron a consultas a sus embajadores.",
                &["BOLGOV>ISR 161", "CHLGOV>ISR 161", "COLGOV>ISR 161"],
            ),
            (
                "2023-11-01",
                "Chile y Colombia llamaron a consultas a sus embajadores.",
                &["CHLGOV>- 161", "COLGOV>- 161"],
            ),
        ],
    );
}

/// An adjective of the source's own country qualifies a noun (`American support`): no target.
#[test]
fn an_own_country_adjective_is_no_target() {
    check(
        Lang::En,
        &[(
            "2021-02-04",
            "The U.S. president announced on Thursday an end to American support for offensive operations in Yemen.",
            &["USAGOV>- 162"],
        )],
    );
}
