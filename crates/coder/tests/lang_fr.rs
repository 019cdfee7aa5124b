//! The battery of phenomenon tests (see `common::battery!`) for French, then what is particular
//! to French: elided articles and the auxiliary `a`, clitics, long prepositions. Each expected
//! event is `SOURCE>TARGET CODE`, with `-` for no target; the list must match the coder's output
//! exactly (order aside). The sentences are written for these tests.

mod common;

use dyad_text::Lang;

/// The document date of the French cases that give none (a Wednesday).
const DATE: &str = "2024-03-13";

/// Runs a table of `(sentence, expected events)` dated [`DATE`] (see `common::check`).
fn check(table: &[(&'static str, &'static [&'static str])]) {
    let dated: Vec<common::Case> = table
        .iter()
        .map(|&(text, want)| (DATE, text, want))
        .collect();
    common::check(Lang::Fr, &dated);
}

battery!(Lang::Fr, {
    source_target: &[
        (
            DATE,
            "La Russie a accusé l'Ukraine de préparer une provocation.",
            &["RUSGOV>UKR 112"],
        ),
        (
            DATE,
            "Moscou a expulsé quatre diplomates français.",
            &["RUSGOV>FRAGOV 174"],
        ),
        (
            DATE,
            "Les États-Unis ont imposé des sanctions contre l'Iran.",
            &["USAGOV>IRN 163"],
        ),
        (
            DATE,
            "L'Allemagne a livré des chars Leopard à l'Ukraine.",
            &["DEUGOV>UKR 072"],
        ),
        (
            DATE,
            "Alger a rompu ses relations diplomatiques avec Rabat.",
            &["DZAGOV>MARGOV 161"],
        ),
        (
            DATE,
            "Le Niger a ordonné le départ des troupes françaises.",
            &["NERGOV>FRAMIL 106"],
        ),
        (
            DATE,
            "Pékin a averti Washington contre toute ingérence.",
            &["CHNGOV>USAGOV 130"],
        ),
        (
            DATE,
            "La France a rappelé son ambassadeur au Niger.",
            &["FRAGOV>NER 161"],
        ),
        (
            DATE,
            "Le Japon a imposé de nouvelles sanctions à la Russie.",
            &["JPNGOV>RUS 163"],
        ),
        (
            DATE,
            "Israël a libéré trente prisonniers palestiniens.",
            &["ISRGOV>PSE 0841"],
        ),
        (
            DATE,
            "Le M23 s'est emparé de la ville de Goma.",
            &["CODREB>COD 192"],
        ),
        (
            DATE,
            "Le ministre russe des Affaires étrangères a critiqué mardi la décision de Washington.",
            &["RUSGOV>USAGOV 111"],
        ),
        // A future tense.
        (
            DATE,
            "L'Otan a annoncé qu'elle déploiera davantage de troupes en Estonie.",
            &["IGOWSTNAT>EST 150"],
        ),
        // Role words combine with a country adjective, name or metonym: one actor, one code.
        (
            DATE,
            "Le ministre russe des Affaires étrangères a rencontré hier son homologue turc.",
            &["RUSGOV>TURGOV 040"],
        ),
        (
            DATE,
            "La ministre allemande de la Défense a visité Kiev.",
            &["DEUGOV>UKRGOV 042"],
        ),
        (
            DATE,
            "Le chef de la diplomatie chinoise a reçu mardi son homologue brésilien à Pékin.",
            &["CHNGOV>BRAGOV 043", "BRAGOV>CHNGOV 042"],
        ),
        (
            DATE,
            "Les autorités iraniennes ont exécuté un manifestant.",
            &["IRNGOV>IRNCVL 1823"],
        ),
        (
            DATE,
            "L'armée azerbaïdjanaise a lancé une offensive contre les séparatistes arméniens.",
            &["AZEMIL>ARMSEP 190"],
        ),
        (
            DATE,
            "La Turquie a convoqué l'ambassadeur de Suède.",
            &["TURGOV>SWEGOV 114"],
        ),
    ],
    passives: &[
        (DATE, "L'opposant a été arrêté par la police iranienne.", &["IRNCOP>IRNOPP 173"]),
        (DATE, "L'ambassadeur de France a été convoqué par le ministère algérien des Affaires étrangères.", &["DZAGOV>FRAGOV 114"]),
        (DATE, "Le convoi humanitaire est attaqué par des hommes armés.", &["---UAF>- 190"]),
        (DATE, "Le journaliste a été condamné à dix ans de prison par un tribunal de Téhéran.", &["IRNJUD>IRNMED 116"]),
        // Without an agent there is no source: no event.
        (DATE, "Trois soldats ont été tués près de la frontière.", &[]),
    ],
    // Compound actors make one event per member.
    compounds: &[
        (
            DATE,
            "Les soldats maliens et les mercenaires ont tué des dizaines de civils.",
            &["MLIMIL>MLICVL 1823", "MLIUAF>MLICVL 1823"],
        ),
        (
            DATE,
            "Le Qatar a proposé sa médiation entre Israël et le Hamas.",
            &["QATGOV>ISR 039", "QATGOV>PSEREB 039"],
        ),
        (
            DATE,
            "La France et l'Allemagne ont condamné l'invasion russe.",
            &["FRAGOV>RUS 111", "DEUGOV>RUS 111"],
        ),
        // Two adjectives after one role: two actors, and a joint act goes both ways.
        (
            DATE,
            "Les armées chinoise et russe ont mené des manœuvres conjointes.",
            &["CHNMIL>RUSMIL 062", "RUSMIL>CHNMIL 062"],
        ),
    ],
    // Reciprocal phrases and reciprocal verbs with a compound subject: each member acts on the
    // other.
    reciprocals: &[
        (
            DATE,
            "Washington et Pékin se sont mutuellement accusés d'espionnage.",
            &["USAGOV>CHNGOV 1125", "CHNGOV>USAGOV 1125"],
        ),
        (
            DATE,
            "L'Arménie et l'Azerbaïdjan ont signé un accord de paix.",
            &["ARM>AZE 057", "AZE>ARM 057"],
        ),
        (
            DATE,
            "Le Maroc et l'Algérie ont rompu leurs relations diplomatiques.",
            &["MAR>DZA 161", "DZA>MAR 161"],
        ),
        (
            DATE,
            "La Russie et la Chine ont mené des exercices militaires conjoints.",
            &["RUS>CHN 062", "CHN>RUS 062"],
        ),
        (
            DATE,
            "L'Éthiopie et l'Érythrée se sont accusées l'une l'autre d'avoir saboté les négociations.",
            &["ETH>ERI 112", "ERI>ETH 112"],
        ),
    ],
    // `ne ... pas`, `n'a jamais`, `ne ... plus`, and denials make no event.
    negation: &[
        (DATE, "La Chine n'a pas condamné l'invasion.", &[]),
        (DATE, "Le président turc ne s'est jamais rendu à Damas.", &[]),
        (DATE, "La Hongrie ne soutient plus les sanctions.", &[]),
        (DATE, "L'Inde n'a jamais reconnu le gouvernement taliban.", &[]),
        (DATE, "Le Kremlin a démenti avoir attaqué la centrale.", &[]),
    ],
    // Reporting clauses make no event and do not lend their speaker to the reported event.
    reporting: &[
        (DATE, "La Pologne va livrer des chars à l'Ukraine, a déclaré hier le Premier ministre polonais.", &["POLGOV>UKR 0332"]),
        (DATE, "Le Kremlin a accusé Kiev d'avoir attaqué la centrale nucléaire, a rapporté l'agence Tass.", &["RUSGOV>UKRGOV 1123"]),
        (DATE, "Selon le ministère israélien de la Défense, l'armée a bombardé Gaza.", &["ISRMIL>PSE 195"]),
        (DATE, "Les manifestants ont accusé la police de violences, selon des témoins.", &["---CVL>---COP 112"]),
        // A trailing `selon` phrase; sabotage is coded as in Italian and English.
        (
            DATE,
            "La Russie a accusé l'Ukraine de sabotage, selon l'agence Ria Novosti.",
            &["RUSGOV>UKR 1125"],
        ),
        // The reporter is not the target either.
        (
            DATE,
            "Le Maroc a condamné l'attentat, a indiqué le gouvernement marocain.",
            &["MARGOV>- 111"],
        ),
        // A reporting verb that opens the sentence keeps its subject as the source.
        (
            DATE,
            "L'Otan a déclaré qu'elle allait déployer plus de soldats en Lituanie.",
            &["IGOWSTNAT>LTU 150"],
        ),
    ],
    dates: &[
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
        // No date in the sentence: the document's.
        (
            "2024-03-13",
            "La Chine a condamné la visite du ministre japonais.",
            "2024-03-13",
        ),
    ],
});

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
            &["ISRGOV>PSE 195"],
        ),
        (
            "L'armée russe a lancé lundi des frappes contre l'Ukraine.",
            &["RUSMIL>UKR 195"],
        ),
    ]);
}

/// An adjective after a verb + object trigger names the object (the target), not the agent as it
/// does after a noun trigger (`les frappes israéliennes`).
#[test]
fn adjective_after_an_object_names_the_target() {
    check(&[
        (
            "Le Canada a condamné l'invasion russe.",
            &["CANGOV>RUS 111"],
        ),
        ("Les frappes israéliennes ont visé Rafah.", &["ISR>PSE 195"]),
    ]);
}

/// An agent phrase after a noun trigger comes before the target's preposition: after `contre`,
/// `du Hezbollah` belongs to the target.
#[test]
fn agent_phrase_before_the_target_preposition() {
    check(&[
        (
            "L'armée israélienne a mené des frappes contre des positions du Hezbollah.",
            &["ISRMIL>LBNREB 195"],
        ),
        (
            "Les frappes de l'armée russe sur Kharkiv ont fait trois morts.",
            &["RUSMIL>UKR 195"],
        ),
    ]);
}

/// A preposition of several words ending in `de`/`du` (`auprès du`, `à l'encontre de`) is one
/// preposition; and the agent of a passive's subject noun is the passive's target.
#[test]
fn long_prepositions_and_agents_of_subject_nouns() {
    check(&[
        (
            "La Corée du Sud a protesté auprès du Japon.",
            &["KORGOV>JPN 114"],
        ),
        (
            "Le tir d'un missile par la Corée du Nord a été condamné par le Japon.",
            &["JPNGOV>PRK 111"],
        ),
    ]);
}

/// Object clitics before the verb (`l'a sommé`, `lui a demandé`) refer back to the previous
/// event's target; a verb joined by `et` shares the previous verb's subject.
#[test]
fn clitics_refer_back() {
    check(&[(
        "Pékin a convoqué l'ambassadeur japonais et l'a sommé de s'expliquer.",
        &["CHNGOV>JPNGOV 114", "CHNGOV>JPNGOV 100"],
    )]);
}
