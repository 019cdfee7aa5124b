//! Names resolve by the document's date: a table of (name as written, language, document date)
//! → expected actor code, across the five languages. The same name gives different codes at
//! different dates (opposition leader, then head of government; rebels, then government), and
//! the spellings of each language resolve to the same person. Role phrases ("the Italian prime
//! minister") give the same code at any date.

use dyad_coder::{analyze, Document};
use dyad_lexicon::{Date, Lexicon};
use dyad_text::Lang;
use std::sync::OnceLock;

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::builtin().expect("built-in lexicon"))
}

/// The code of the first actor the coder finds in `text`, on `date`.
fn resolve(lang: Lang, date: &str, text: &str) -> Option<String> {
    let doc = Document {
        id: "t".into(),
        text: text.into(),
        lang,
        date: Some(Date::parse(date).expect("a valid test date")),
    };
    let analysis = analyze(lexicon(), &doc);
    let mention = analysis
        .sentences
        .iter()
        .flat_map(|s| &s.mentions)
        .find(|m| m.kind == "actor");
    mention.map(|m| m.code.clone())
}

/// Runs a table of `(name, date, expected code)` in one language, reporting every mismatch.
fn check(lang: Lang, table: &[(&str, &str, &str)]) {
    let mut failures = Vec::new();
    for (text, date, want) in table {
        let got = resolve(lang, date, text);
        if got.as_deref() != Some(*want) {
            failures.push(format!("{text:?} on {date}: want {want}, got {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} {} cases failed:\n{}",
        failures.len(),
        table.len(),
        lang.code(),
        failures.join("\n")
    );
}

#[test]
fn italian_names_resolve_by_date() {
    check(
        Lang::It,
        &[
            ("Keir Starmer", "2022-05-01", "GBROPP"),
            ("Keir Starmer", "2025-03-01", "GBRGOV"),
            ("Giorgia Meloni", "2020-01-15", "ITAOPP"),
            ("Giorgia Meloni", "2023-01-15", "ITAGOV"),
            ("Meloni", "2010-03-01", "ITAGOV"),
            ("Silvio Berlusconi", "2007-01-10", "ITAOPP"),
            ("Berlusconi", "2009-04-06", "ITAGOV"),
            ("Mario Draghi", "2015-01-22", "IGOEUREEC"),
            ("Draghi", "2021-06-01", "ITAGOV"),
            ("Mattarella", "2013-05-01", "ITAJUD"),
            ("Mattarella", "2016-05-01", "ITAGOV"),
            ("Zelenskyj", "2023-02-24", "UKRGOV"),
            ("Volodymyr Zelensky", "2018-06-01", "UKRELI"),
            ("Erdoğan", "2002-06-01", "TUROPP"),
            ("Erdogan", "2020-06-01", "TURGOV"),
            ("Sergej Lavrov", "2001-01-10", "IGOUNO"),
            ("Lavrov", "2022-03-01", "RUSGOV"),
            ("talebani", "2010-05-01", "AFGREB"),
            ("talebani", "2022-05-01", "AFGGOV"),
            ("Robert Fico", "2021-05-01", "SVKOPP"),
            ("Fico", "2024-05-01", "SVKGOV"),
            ("Prachanda", "2005-06-01", "NPLREB"),
            ("Prachanda", "2023-06-01", "NPLGOV"),
            ("Luciana Lamorgese", "2021-06-01", "ITAGOV"),
            ("Fratelli musulmani", "2013-01-10", "EGYGOV"),
            ("Fratelli musulmani", "2015-01-10", "EGYOPP"),
            ("Sheikh Hasina", "2025-06-01", "BGDELI"),
        ],
    );
}

#[test]
fn english_names_resolve_by_date() {
    check(
        Lang::En,
        &[
            ("Keir Starmer", "2022-05-01", "GBROPP"),
            ("Starmer", "2025-03-01", "GBRGOV"),
            ("Donald Trump", "2016-06-01", "USAOPP"),
            ("Trump", "2018-06-01", "USAGOV"),
            ("Trump", "2023-06-01", "USAOPP"),
            ("Donald Trump", "2025-06-01", "USAGOV"),
            ("Joe Biden", "2012-06-01", "USAGOV"),
            ("Biden", "2020-06-01", "USAOPP"),
            ("Zelenskyy", "2023-06-01", "UKRGOV"),
            ("Taliban", "2019-03-01", "AFGREB"),
            ("Taliban", "2023-03-01", "AFGGOV"),
            ("Mark Rutte", "2015-06-01", "NLDGOV"),
            ("Mark Rutte", "2025-01-10", "IGOWSTNAT"),
            ("Jens Stoltenberg", "2010-06-01", "NORGOV"),
            ("Stoltenberg", "2016-06-01", "IGOWSTNAT"),
            ("Kaja Kallas", "2022-06-01", "ESTGOV"),
            ("Kallas", "2025-06-01", "IGOEUREEC"),
            ("Micheál Martin", "2015-06-01", "IRLOPP"),
            ("Micheal Martin", "2021-06-01", "IRLGOV"),
            ("Andrej Babis", "2019-06-01", "CZEGOV"),
            ("Babiš", "2023-06-01", "CZEOPP"),
            ("Imran Khan", "2020-06-01", "PAKGOV"),
            ("Imran Khan", "2023-06-01", "PAKOPP"),
            ("Lee Jae-myung", "2023-06-01", "KOROPP"),
            ("Lee Jae-myung", "2025-07-01", "KORGOV"),
            ("Khalifa Haftar", "2011-06-01", "LBYREB"),
            ("Haftar", "2019-06-01", "LBYMIL"),
            ("Hemedti", "2020-06-01", "SDNMIL"),
            ("Hemedti", "2024-06-01", "SDNREB"),
            ("TPLF", "2010-06-01", "ETHPTY"),
            ("TPLF", "2021-06-01", "ETHREB"),
            ("Luis Moreno Ocampo", "2008-06-01", "IGOJUDICC"),
            ("Christopher Luxon", "2022-06-01", "NZLOPP"),
            ("Christopher Luxon", "2024-06-01", "NZLGOV"),
            ("Sheikh Hasina", "2005-06-01", "BGDOPP"),
            ("Sheikh Hasina", "2020-06-01", "BGDGOV"),
            ("Prayut Chan-o-cha", "2012-06-01", "THAMIL"),
            ("Prayuth Chan-ocha", "2018-06-01", "THAGOV"),
        ],
    );
}

#[test]
fn spanish_names_resolve_by_date() {
    check(
        Lang::Es,
        &[
            ("Pedro Sánchez", "2015-01-15", "ESPOPP"),
            ("Luis Lacalle Pou", "2022-06-01", "URYGOV"),
            ("Lacalle Pou", "2025-06-01", "URYELI"),
            ("Yamandú Orsi", "2025-06-01", "URYGOV"),
            ("Bernardo Arévalo", "2024-06-01", "GTMGOV"),
            ("el Palacio Nacional", "2024-06-01", "MEXGOV"),
            ("Itamaraty", "2024-06-01", "BRAGOV"),
            ("Pedro Sánchez", "2020-01-15", "ESPGOV"),
            ("Mariano Rajoy", "2008-06-01", "ESPOPP"),
            ("Rajoy", "2013-06-01", "ESPGOV"),
            ("Zelenski", "2023-06-01", "UKRGOV"),
            ("Erdogan", "2015-06-01", "TURGOV"),
            ("Serguéi Lavrov", "2010-06-01", "RUSGOV"),
            ("talibanes", "2015-06-01", "AFGREB"),
            ("talibanes", "2022-06-01", "AFGGOV"),
            ("Gustavo Petro", "2020-06-01", "COLOPP"),
            ("Petro", "2023-06-01", "COLGOV"),
            ("Javier Milei", "2022-06-01", "ARGOPP"),
            ("Milei", "2024-06-01", "ARGGOV"),
            ("Nicolás Maduro", "2005-06-01", "VENLEG"),
            ("Maduro", "2015-06-01", "VENGOV"),
            ("Álvaro Uribe", "2005-06-01", "COLGOV"),
            ("Álvaro Uribe", "2016-06-01", "COLOPP"),
            ("Amnistía Internacional", "2016-06-01", "NGOAMN"),
            ("Rachel Reeves", "2025-06-01", "GBRGOV"),
            ("Ranil Wickremesinghe", "2010-06-01", "LKAOPP"),
            ("Walid al Mualem", "2015-06-01", "SYRGOV"),
            ("Pátrushev", "2015-06-01", "RUSGOV"),
            ("Wickremesinghe", "2023-06-01", "LKAGOV"),
        ],
    );
}

#[test]
fn french_names_resolve_by_date() {
    check(
        Lang::Fr,
        &[
            ("Emmanuel Macron", "2014-06-01", "FRAGOV"),
            ("Macron", "2016-12-01", "FRAELI"),
            ("Macron", "2018-06-01", "FRAGOV"),
            ("Netanyahou", "2023-06-01", "ISRGOV"),
            ("Zelensky", "2022-06-01", "UKRGOV"),
            ("Sergueï Lavrov", "2003-06-01", "IGOUNO"),
            ("Michel Barnier", "2018-06-01", "IGOEUREEC"),
            ("Michel Barnier", "2024-10-01", "FRAGOV"),
            ("talibans", "2012-06-01", "AFGREB"),
            ("talibans", "2022-06-01", "AFGGOV"),
            ("Xavier Bettel", "2018-06-01", "LUXGOV"),
            ("Sophie Wilmès", "2020-06-01", "BELGOV"),
            ("Elio Di Rupo", "2012-06-01", "BELGOV"),
            ("Boïko Borissov", "2019-06-01", "BGRGOV"),
            ("Thierry Breton", "2006-06-01", "FRAGOV"),
            ("Thierry Breton", "2022-06-01", "IGOEUREEC"),
            ("Guillaume Soro", "2004-06-01", "CIVREB"),
            ("Guillaume Soro", "2010-06-01", "CIVGOV"),
            ("Kouleba", "2022-06-01", "UKRGOV"),
            ("Macky Sall", "2015-06-01", "SENGOV"),
            ("Macky Sall", "2025-06-01", "SENELI"),
        ],
    );
}

#[test]
fn german_names_resolve_by_date() {
    check(
        Lang::De,
        &[
            ("Wolodymyr Selenskyj", "2022-06-01", "UKRGOV"),
            ("Die Bundesregierung", "2024-06-01", "DEUGOV"),
            ("das Auswärtige Amt", "2024-06-01", "DEUGOV"),
            ("Selenskyj", "2018-06-01", "UKRELI"),
            ("Lawrow", "2020-06-01", "RUSGOV"),
            ("Netanjahu", "2019-06-01", "ISRGOV"),
            ("Angela Merkel", "2003-06-01", "DEUOPP"),
            ("Merkel", "2010-06-01", "DEUGOV"),
            ("Friedrich Merz", "2023-06-01", "DEUOPP"),
            ("Merz", "2025-06-01", "DEUGOV"),
            ("Olaf Scholz", "2022-06-01", "DEUGOV"),
            ("Herbert Kickl", "2018-06-01", "AUTGOV"),
            ("Kickl", "2023-06-01", "AUTOPP"),
            ("Bojko Borissow", "2010-06-01", "BGRGOV"),
            ("Taliban", "2020-06-01", "AFGREB"),
            ("Taliban", "2024-06-01", "AFGGOV"),
            ("Viktor Orbán", "2005-06-01", "HUNOPP"),
            ("Orban", "2015-06-01", "HUNGOV"),
            ("Maia Sandu", "2022-06-01", "MDAGOV"),
            ("Vestager", "2019-06-01", "IGOEUREEC"),
            ("Magnus Brunner", "2023-06-01", "AUTGOV"),
            ("Magnus Brunner", "2025-06-01", "IGOEUREEC"),
            ("Ariel Scharon", "2003-06-01", "ISRGOV"),
            ("Dschalal Talabani", "2008-06-01", "IRQGOV"),
            ("Joav Gallant", "2024-01-10", "ISRGOV"),
            ("nepalesischen Maoisten", "2003-06-01", "NPLREB"),
        ],
    );
}

/// The last day of a range is the first day of the next: the range end is exclusive.
#[test]
fn ranges_switch_on_the_day_of_the_change() {
    check(
        Lang::En,
        &[
            ("Keir Starmer", "2024-07-04", "GBROPP"),
            ("Keir Starmer", "2024-07-05", "GBRGOV"),
            ("Taliban", "2021-08-14", "AFGREB"),
            ("Taliban", "2021-08-15", "AFGGOV"),
        ],
    );
}

/// A role with a country names the office, not the person: the same code at any date.
#[test]
fn role_phrases_do_not_depend_on_the_date() {
    let phrases = [
        (Lang::It, "il premier italiano"),
        (Lang::En, "the Italian prime minister"),
        (Lang::Es, "el primer ministro italiano"),
        (Lang::Fr, "le Premier ministre italien"),
        (Lang::De, "der italienische Ministerpräsident"),
    ];
    for (lang, text) in phrases {
        for date in ["2001-06-01", "2012-06-01", "2025-06-01"] {
            assert_eq!(
                resolve(lang, date, text).as_deref(),
                Some("ITAGOV"),
                "{text:?} on {date}"
            );
        }
    }
}

/// A surname that is also a common noun in one language is listed only for the other languages:
/// German `Herzog` (duke) and `Frieden` (peace) are no people in German text.
#[test]
fn surnames_that_are_german_nouns_stay_out_of_german() {
    assert_eq!(
        resolve(Lang::En, "2023-06-01", "Herzog").as_deref(),
        Some("ISRGOV")
    );
    assert_eq!(
        resolve(Lang::De, "2023-06-01", "Jitzchak Herzog").as_deref(),
        Some("ISRGOV")
    );
    assert_eq!(resolve(Lang::De, "2023-06-01", "Herzog"), None);
    assert_eq!(resolve(Lang::De, "2023-06-01", "Frieden"), None);
    assert_eq!(
        resolve(Lang::Fr, "2024-06-01", "Frieden").as_deref(),
        Some("LUXGOV")
    );
}

/// Organisations and offices added to the lexicon: CELAC (plain IGO, like Mercosur), ETA
/// (Basque separatists), Morena (Mexico's ruling party), and the Pope as an office, whoever
/// holds it, next to the popes by name.
#[test]
fn celac_eta_morena_and_the_pope() {
    check(
        Lang::It,
        &[
            ("La CELAC ha chiesto una tregua.", "2024-06-01", "IGO"),
            ("L'ETA ha rivendicato l'attentato.", "2005-06-01", "ESPSEP"),
            ("Il partito Morena ha vinto.", "2024-06-01", "MEXPTY"),
            ("Il Papa ha chiesto la pace.", "2024-06-01", "VATGOV"),
            ("Il pontefice ha chiesto la pace.", "2001-06-01", "VATGOV"),
            ("Papa Francesco ha chiesto la pace.", "2024-06-01", "VATGOV"),
            ("Papa Francesco ha chiesto la pace.", "2025-06-01", "VATELI"),
        ],
    );
    check(
        Lang::En,
        &[
            ("CELAC leaders met in Honduras.", "2024-06-01", "IGO"),
            ("ETA announced a ceasefire.", "2011-06-01", "ESPSEP"),
            ("Morena won the election.", "2024-06-01", "MEXPTY"),
            ("The pope called for peace.", "2024-06-01", "VATGOV"),
            ("The Holy Father called for peace.", "2010-06-01", "VATGOV"),
        ],
    );
    check(
        Lang::Es,
        &[
            (
                "La Comunidad de Estados Latinoamericanos y Caribeños se reunió.",
                "2024-06-01",
                "IGO",
            ),
            (
                "ETA anunció el cese definitivo de su actividad armada.",
                "2011-10-20",
                "ESPSEP",
            ),
            ("Morena ganó las elecciones.", "2024-06-01", "MEXPTY"),
            ("El papa pidió la paz.", "2024-06-01", "VATGOV"),
            ("El papa León XIV pidió la paz.", "2025-06-01", "VATGOV"),
        ],
    );
    check(
        Lang::Fr,
        &[
            ("La Celac a demandé une trêve.", "2024-06-01", "IGO"),
            ("L'ETA a annoncé sa dissolution.", "2018-05-03", "ESPSEP"),
            ("Le parti Morena a gagné.", "2024-06-01", "MEXPTY"),
            ("Le pape a appelé à la paix.", "2024-06-01", "VATGOV"),
            (
                "Le souverain pontife a appelé à la paix.",
                "2024-06-01",
                "VATGOV",
            ),
            ("Le Vatican a appelé à la paix.", "2024-06-01", "VAT"),
            ("Le Saint-Siège a appelé à la paix.", "2024-06-01", "VAT"),
            (
                "Le pape François a appelé à la paix.",
                "2020-06-01",
                "VATGOV",
            ),
        ],
    );
    check(
        Lang::De,
        &[
            ("Die CELAC forderte eine Waffenruhe.", "2024-06-01", "IGO"),
            ("Die ETA verkündete ihre Auflösung.", "2018-05-03", "ESPSEP"),
            ("Morena gewann die Wahl.", "2024-06-01", "MEXPTY"),
            ("Der Papst rief zum Frieden auf.", "2024-06-01", "VATGOV"),
            ("Papst Leo rief zum Frieden auf.", "2025-06-01", "VATGOV"),
        ],
    );
}

/// Italian `papà` (dad) folds to `papa`: only a capitalised `Papa` is the Pope.
#[test]
fn italian_dad_is_not_the_pope() {
    assert_eq!(resolve(Lang::It, "2024-06-01", "Il papà ha parlato."), None);
}

/// The seat of the EU's institutions stands for the Union in every language.
#[test]
fn brussels_stands_for_the_european_union() {
    for (lang, text) in [
        (Lang::It, "Bruxelles ha avvertito Budapest."),
        (Lang::En, "Brussels warned Budapest."),
        (Lang::Es, "Bruselas advirtió a Budapest."),
        (Lang::Fr, "Bruxelles a averti Budapest."),
        (Lang::De, "Brüssel warnte Budapest."),
    ] {
        assert_eq!(
            resolve(lang, "2024-06-01", text).as_deref(),
            Some("IGOEUREEC"),
            "{text}"
        );
    }
}

/// A bare `Sánchez` is Spain's prime minister next to a role word or in a text about Spain,
/// and nobody otherwise (a common surname).
#[test]
fn a_bare_surname_needs_context() {
    check(
        Lang::Es,
        &[
            (
                "El presidente Sánchez viajó a Rabat.",
                "2024-06-01",
                "ESPGOV",
            ),
            (
                "Sánchez habló ayer de la crisis en España.",
                "2024-06-01",
                "ESPGOV",
            ),
            (
                "Sánchez, presidente del Gobierno, habló ayer.",
                "2024-06-01",
                "ESPGOV",
            ),
        ],
    );
    check(
        Lang::En,
        &[
            (
                "Prime Minister Sánchez spoke on Monday.",
                "2024-06-01",
                "ESPGOV",
            ),
            (
                "Sánchez spoke on Monday about Spain.",
                "2024-06-01",
                "ESPGOV",
            ),
        ],
    );
    check(
        Lang::De,
        &[(
            "Ministerpräsident Sánchez sprach am Montag.",
            "2024-06-01",
            "ESPGOV",
        )],
    );
    assert_eq!(resolve(Lang::Es, "2024-06-01", "Sánchez habló ayer."), None);
    assert_eq!(
        resolve(Lang::En, "2024-06-01", "Sánchez spoke on Monday."),
        None
    );
}
