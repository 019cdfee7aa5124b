//! The battery of phenomenon tests (see `common::battery!`) for Spanish, then what is particular
//! to Spanish: pro-drop, place targets, roles that take the country of the previous place. Each
//! expected event is `SOURCE>TARGET CODE`, with `-` for no target; the list must match the
//! coder's output exactly (order aside). The sentences are written for these tests.

mod common;

use common::check;
use dyad_text::Lang;

/// The document date of most cases (a Tuesday).
const D: &str = "2023-05-02";

battery!(Lang::Es, {
    source_target: &[
        (
            D,
            "El Gobierno argentino acusó a Chile de incumplir el tratado de límites.",
            &["ARGGOV>CHL 112"],
        ),
        (
            D,
            "El presidente colombiano se reunió en Bogotá con su homólogo ecuatoriano.",
            &["COLGOV>ECUGOV 040"],
        ),
        (
            D,
            "Las fuerzas israelíes bombardearon la Franja de Gaza.",
            &["ISRMIL>PSE 195"],
        ),
        (
            D,
            "El Gobierno brasileño envió ayuda humanitaria a Bolivia.",
            &["BRAGOV>BOL 073"],
        ),
        (
            D,
            "Corea del Norte amenazó a Japón con represalias.",
            &["PRKGOV>JPN 131"],
        ),
        (
            D,
            "Los rebeldes secuestraron a diez soldados colombianos.",
            &["COLREB>COLMIL 181"],
        ),
        (
            D,
            "El ejército ruso invadió la región ucraniana de Járkov.",
            &["RUSMIL>UKR 192"],
        ),
        (
            D,
            "Bolivia levantó las sanciones contra Perú.",
            &["BOLGOV>PER 085"],
        ),
        (
            D,
            "Paraguay recibió al presidente uruguayo.",
            &["PRYGOV>URYGOV 043", "URYGOV>PRYGOV 042"],
        ),
        (
            D,
            "La policía colombiana arrestó a tres narcotraficantes.",
            &["COLCOP>COLCRM 173"],
        ),
        (
            D,
            "Nicaragua rompió relaciones diplomáticas con Taiwán.",
            &["NICGOV>TWN 161"],
        ),
        (
            D,
            "Estados Unidos impuso nuevas sanciones a Venezuela.",
            &["USAGOV>VEN 163"],
        ),
        (D, "China instó a Japón a la moderación.", &["CHNGOV>JPN 0256"]),
        (
            D,
            "Marruecos llamó a consultas a su embajador en Madrid.",
            &["MARGOV>ESPGOV 161"],
        ),
        (
            D,
            "El primer ministro japonés visitará Brasil.",
            &["JPNGOV>BRA 036"],
        ),
        (
            D,
            "Rusia lanzó una ofensiva contra Ucrania.",
            &["RUSGOV>UKR 190"],
        ),
        (
            D,
            "La Unión Europea aprobó nuevas sanciones contra Rusia.",
            &["IGOEUREEC>RUS 163"],
        ),
        (D, "EE. UU. impuso sanciones a Irán.", &["USAGOV>IRN 163"]),
        (D, "Las críticas de Brasil a Israel irritaron a Netanyahu.", &["BRAGOV>ISR 111"]),
        (D, "Japón anunció una donación de diez millones de dólares a Haití.", &["JPNGOV>HTI 071"]),
        (D, "El Gobierno de Honduras rompió relaciones con Taiwán y estableció relaciones con China.", &["HNDGOV>TWN 161", "HNDGOV>CHN 057"]),
        (
            D,
            "Las FF. AA. bombardearon posiciones rebeldes en Colombia.",
            &["COLMIL>COLREB 195"],
        ),
        (
            D,
            "Venezuela condenó las sanciones impuestas por Washington.",
            &["VENGOV>USAGOV 111"],
        ),
        // Roles combine with a country adjective placed after their complement.
        (
            D,
            "El ministro de Asuntos Exteriores ruso criticó a la OTAN.",
            &["RUSGOV>IGOWSTNAT 111"],
        ),
        (
            D,
            "El ministro de Defensa ucraniano pidió más armas a Alemania.",
            &["UKRGOV>DEU 0232"],
        ),
    ],
    passives: &[
        (
            D,
            "Ucrania ha sido atacada por Rusia con misiles y drones.",
            &["RUSGOV>UKR 190"],
        ),
        (
            D,
            "Irán fue acusado por Israel de atacar un buque.",
            &["ISRGOV>IRN 1123"],
        ),
        (
            D,
            "El periodista fue secuestrado por hombres armados en Guerrero.",
            &["MEXUAF>MEXMED 181"],
        ),
        (
            D,
            "El líder opositor fue detenido por la policía venezolana.",
            &["VENCOP>VENOPP 173"],
        ),
        // Without an agent there is no source: no event.
        (
            D,
            "Dos policías fueron asesinados cerca de la frontera.",
            &[],
        ),
    ],
    compounds: &[
        (
            D,
            "Rusia, China e Irán condenaron los ataques contra Siria.",
            &["RUSGOV>SYR 111", "CHNGOV>SYR 111", "IRNGOV>SYR 111"],
        ),
        // A compound target.
        (
            D,
            "Honduras se ofreció a mediar entre Venezuela y Guyana.",
            &["HNDGOV>VEN 039", "HNDGOV>GUY 039"],
        ),
        // Two adjectives after one role: two actors, and a joint act goes both ways.
        (
            D,
            "Las fuerzas chinas y rusas realizaron maniobras conjuntas.",
            &["CHNMIL>RUSMIL 062", "RUSMIL>CHNMIL 062"],
        ),
        // A plural role with a compound of countries after it.
        (
            D,
            "Los ejércitos de Chile y Perú realizaron maniobras conjuntas.",
            &["CHLMIL>PERMIL 062", "PERMIL>CHLMIL 062"],
        ),
    ],
    reciprocals: &[
        (
            D,
            "Armenia y Azerbaiyán se acusaron mutuamente de provocar incidentes.",
            &["ARM>AZE 112", "AZE>ARM 112"],
        ),
        (
            D,
            "Etiopía y Eritrea se culparon el uno al otro del fracaso de las negociaciones.",
            &["ETH>ERI 112", "ERI>ETH 112"],
        ),
        // An event that is mutual by nature, with a compound subject.
        (
            D,
            "México y Guatemala firmaron un acuerdo de cooperación fronteriza.",
            &["MEX>GTM 057", "GTM>MEX 057"],
        ),
        (
            D,
            "El Gobierno de Colombia y el ELN acordaron un alto el fuego.",
            &["COLGOV>COLREB 0871", "COLREB>COLGOV 0871"],
        ),
    ],
    negation: &[
        (D, "Perú no expulsó al embajador mexicano.", &[]),
        (D, "Chile nunca amenazó a Bolivia.", &[]),
        (D, "Israel negó haber atacado el hospital.", &[]),
        (
            D,
            "Las autoridades descartaron este martes que el ministro vaya a viajar a Caracas.",
            &[],
        ),
        (D, "Venezuela negó haber amenazado a Guyana.", &[]),
        (D, "Corea del Sur no ha condenado a Corea del Norte.", &[]),
    ],
    reporting: &[
        // The reporter is not the source, and not the target either.
        (
            D,
            "Cuba rechazó las acusaciones de Estados Unidos, informó la cancillería cubana.",
            &["CUBGOV>USA 016"],
        ),
        (
            D,
            "Bolivia criticó a Chile, dijo el portavoz del Gobierno peruano.",
            &["BOLGOV>CHL 111"],
        ),
        (
            D,
            "Según el Kremlin, Moscú criticó a Kiev.",
            &["RUSGOV>UKRGOV 111"],
        ),
        // A trailing `según` phrase; sabotage is coded as in Italian and English.
        (
            D,
            "Corea del Norte acusó a Corea del Sur de sabotaje, según la agencia Yonhap.",
            &["PRKGOV>KOR 1125"],
        ),
        // A main clause with no target does not take the reporter as its target.
        (
            D,
            "Rusia lanzó una nueva ofensiva, informó el Ministerio de Defensa ucraniano.",
            &["RUSGOV>- 190"],
        ),
        // A reporting verb that opens the sentence keeps its subject as the source.
        (
            D,
            "La OTAN dijo que enviará más tropas a Estonia.",
            &["IGOWSTNAT>EST 154"],
        ),
    ],
    dates: &[
        (D, "Anteayer, Argentina criticó a Chile.", "2023-04-30"),
        (D, "Ayer Argentina criticó a Chile.", "2023-05-01"),
        (D, "El lunes Argentina criticó a Chile.", "2023-05-01"),
        (D, "El 27 de abril, Argentina criticó a Chile.", "2023-04-27"),
        (
            D,
            "El 3 de diciembre de 2022 Argentina criticó a Chile.",
            "2022-12-03",
        ),
        (D, "Hoy Argentina criticó a Chile.", "2023-05-02"),
        // A day of December in a January document is of the year before.
        (
            "2023-01-04",
            "El 29 de diciembre Argentina criticó a Chile.",
            "2022-12-29",
        ),
        // No date in the sentence: the document's.
        (D, "Argentina criticó a Chile.", "2023-05-02"),
    ],
});

/// Criticism, accusations and praise need someone they are aimed at.
#[test]
fn spanish_criticism_needs_a_target() {
    check(
        Lang::Es,
        &[(D, "El Gobierno peruano criticó la decisión.", &[])],
    );
}

#[test]
fn spanish_attacks_on_a_foreign_place_target_its_country() {
    check(
        Lang::Es,
        &[
            (
                D,
                "Rusia ha bombardeado la ciudad de Járkov.",
                &["RUSGOV>UKR 195"],
            ),
            // A place of the source's own country: a domestic act, coded against that country
            // (as `Myanmar's military bombed a village near Mandalay` is MMRMIL>MMR).
            (
                D,
                "Las fuerzas rusas bombardearon Bélgorod.",
                &["RUSMIL>RUS 195"],
            ),
            // Verbal events do not take a place as target.
            (D, "Rusia pidió calma en Járkov.", &["RUSGOV>- 0256"]),
        ],
    );
}

#[test]
fn spanish_pro_drop_takes_the_previous_subject() {
    check(
        Lang::Es,
        &[
            (
                D,
                "Putin llegó a Ankara. Se reunió con Erdogan.",
                &["RUSGOV>TURGOV 042", "RUSGOV>TURGOV 040"],
            ),
            (
                D,
                "El presidente argentino viajó a Brasilia. Allí se reunió con Lula.",
                &["ARGGOV>BRAGOV 042", "ARGGOV>BRAGOV 040"],
            ),
            // A noun trigger after an article has no implicit subject.
            (
                D,
                "Putin llegó a Pekín. La ofensiva continuó.",
                &["RUSGOV>CHNGOV 042"],
            ),
            // A capitalised first word with no auxiliary after it may be the subject itself:
            // nothing is carried.
            (
                D,
                "Putin llegó a Pekín. Jubilados criticaron a Xi Jinping.",
                &["RUSGOV>CHNGOV 042"],
            ),
            // Only the immediately preceding sentence counts.
            (
                D,
                "Putin llegó a Pekín. La lluvia no cesó. Condenó a Ucrania.",
                &["RUSGOV>CHNGOV 042"],
            ),
        ],
    );
}

#[test]
fn spanish_roles_take_the_country_of_the_previous_place() {
    check(
        Lang::Es,
        &[
            (D, "Hombres armados irrumpieron en una emisora de Guayaquil. La policía detuvo a los asaltantes.", &["ECUCOP>ECUUAF 173"]),
            (D, "Los periodistas fueron liberados en Cali. La policía detuvo a los secuestradores.", &["COLCOP>COLCRM 173"]),
        ],
    );
}
