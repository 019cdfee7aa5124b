//! Places: names in the five languages resolve to the gazetteer, and names that several places
//! share resolve by the countries the sentence or the document names. The sentences are written
//! for these tests.

use dyad_coder::{analyze, Document};
use dyad_lexicon::{Date, Lexicon};
use dyad_text::Lang;
use std::sync::OnceLock;

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::builtin().expect("built-in lexicon"))
}

/// The places `dyad explain` shows for `text`, as `words=COUNTRY:Name`.
fn places(lang: Lang, text: &str) -> Vec<String> {
    let doc = Document {
        id: "t".into(),
        text: text.into(),
        lang,
        date: Date::parse("2024-05-01"),
    };
    analyze(lexicon(), &doc)
        .sentences
        .iter()
        .flat_map(|s| s.mentions.iter())
        .filter(|m| m.kind == "place")
        .map(|m| {
            assert!(
                m.lat.is_some() && m.lon.is_some(),
                "{m:?} has no coordinates"
            );
            format!("{}={}:{}", m.text, m.code, m.name)
        })
        .collect()
}

/// Every expected `words=COUNTRY` must be among the places found (the name is not compared).
fn check(table: &[(Lang, &str, &[&str])]) {
    let mut failures = Vec::new();
    for (lang, text, want) in table {
        let got = places(*lang, text);
        for w in *want {
            if !got.iter().any(|g| g.starts_with(&format!("{w}:"))) {
                failures.push(format!("{text}\n    want {w}\n    got  {got:?}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn ambiguous_names_resolve_by_the_sentence() {
    check(&[
        // No clue: the larger place.
        (
            Lang::En,
            "Gunfire was heard overnight in Tripoli.",
            &["Tripoli=LBY"],
        ),
        (
            Lang::En,
            "A ferry docked in Alexandria on Monday.",
            &["Alexandria=EGY"],
        ),
        (
            Lang::En,
            "Students marched in Santiago on Sunday.",
            &["Santiago=CHL"],
        ),
        // A country, an adjective or a person of that country in the sentence.
        (
            Lang::En,
            "Lebanese soldiers set up checkpoints in Tripoli after the clashes.",
            &["Tripoli=LBN"],
        ),
        (
            Lang::It,
            "Scontri a Tripoli, la città più grande del nord del Libano.",
            &["Tripoli=LBN"],
        ),
        (
            Lang::It,
            "Le milizie libiche si sono scontrate a Tripoli.",
            &["Tripoli=LBY"],
        ),
        (
            Lang::En,
            "American investigators questioned two suspects in Alexandria.",
            &["Alexandria=USA"],
        ),
        (
            Lang::En,
            "Cuban police detained three journalists in Santiago.",
            &["Santiago=CUB"],
        ),
        (
            Lang::En,
            "Thousands of pilgrims from all over Spain arrived in Santiago.",
            &["Santiago=ESP"],
        ),
        (
            Lang::It,
            "La polizia dominicana ha arrestato due uomini a Santiago.",
            &["Santiago=DOM"],
        ),
        // An unambiguous place in the same sentence.
        (
            Lang::En,
            "Fighting broke out in Tripoli and Sidon.",
            &["Sidon=LBN", "Tripoli=LBN"],
        ),
        // Exonyms in the five languages.
        (
            Lang::It,
            "Il vertice si è tenuto a Monaco di Baviera.",
            &["Monaco di Baviera=DEU"],
        ),
        (Lang::Es, "La reunión fue en Múnich.", &["Múnich=DEU"]),
        (
            Lang::De,
            "Das Treffen fand in Mailand statt.",
            &["Mailand=ITA"],
        ),
        (
            Lang::Fr,
            "La conférence a eu lieu en juin à Cracovie.",
            &["Cracovie=POL"],
        ),
        (
            Lang::Es,
            "Los ministros se reunieron en Marsella.",
            &["Marsella=FRA"],
        ),
        (
            Lang::En,
            "The talks moved to Frankfurt am Main.",
            &["Frankfurt am Main=DEU"],
        ),
        (
            Lang::It,
            "Bombardamenti su Leopoli nella notte.",
            &["Leopoli=UKR"],
        ),
    ]);
}

#[test]
fn ambiguous_names_resolve_by_the_document() {
    check(&[
        (
            Lang::En,
            "The Lebanese army deployed in the north. Shops stayed closed in Tripoli on Friday.",
            &["Tripoli=LBN"],
        ),
        (
            Lang::It,
            "Il governo egiziano ha chiuso le scuole. Ad Alessandria piove da tre giorni.",
            &["Alessandria=EGY"],
        ),
        (
            Lang::It,
            "Il sindaco ha parlato ieri. Ad Alessandria piove da tre giorni.",
            &["Alessandria=ITA"],
        ),
    ]);
}

#[test]
fn common_words_are_not_small_places() {
    // GeoNames' other names of villages include words such as these: alone, with no
    // preposition in front of them, they are no places.
    for (lang, text) in [
        (Lang::En, "Arab ministers met on Sunday."),
        (Lang::It, "Poco dopo il governo ha parlato."),
        (Lang::En, "Butler said nothing."),
    ] {
        let got = places(lang, text);
        assert!(got.is_empty(), "{text}: {got:?}");
    }
    // After a locative preposition a small place is fine.
    check(&[(Lang::En, "The meeting was held in Arab.", &["Arab=USA"])]);
}

#[test]
fn the_documents_language_names_the_place() {
    check(&[
        (
            Lang::Fr,
            "Le secrétaire d'État américain est arrivé à Genève.",
            &["Genève=CHE"],
        ),
        (
            Lang::It,
            "Il sindaco ha incontrato i cittadini a Filadelfia.",
            &["Filadelfia=USA"],
        ),
    ]);
}

#[test]
fn villages_of_conflict_zones_are_known() {
    check(&[
        (
            Lang::En,
            "Heavy fighting was reported near Bakhmut.",
            &["Bakhmut=UKR"],
        ),
        (
            Lang::En,
            "Refugees crossed into Rafah overnight.",
            &["Rafah=PSE"],
        ),
        (
            Lang::It,
            "Si combatte ancora a Stepanakert.",
            &["Stepanakert=AZE"],
        ),
    ]);
}

/// Kosovo is `KSV` (CAMEO's code) in the gazetteer as in the lexicon, not GeoNames' `XKX`.
#[test]
fn kosovo_places_carry_cameos_code() {
    check(&[
        (
            Lang::En,
            "Police fired tear gas at protesters in Pristina.",
            &["Pristina=KSV"],
        ),
        (
            Lang::De,
            "In Prizren demonstrierten am Sonntag Tausende.",
            &["Prizren=KSV"],
        ),
    ]);
}

/// Places that share a name prefer the country the text is about, even when the document names
/// it only after the place (`Valencia` in Spain, not the larger Venezuelan city).
#[test]
fn ambiguous_names_resolve_by_what_the_document_is_about() {
    check(&[
        (
            Lang::Es,
            "Miles de vecinos protestaron en Valencia. El Gobierno de España prometió ayudas.",
            &["Valencia=ESP"],
        ),
        (
            Lang::En,
            "Floods cut off three towns near Valencia. Spanish soldiers arrived on Thursday.",
            &["Valencia=ESP"],
        ),
        (
            Lang::It,
            "Migliaia di persone in piazza a Valencia. Il governo venezuelano ha taciuto.",
            &["Valencia=VEN"],
        ),
        // With nothing about either country, the larger city.
        (
            Lang::En,
            "Thousands protested in Valencia.",
            &["Valencia=VEN"],
        ),
    ]);
}

/// A metonym after a locative preposition is a place only if the place is in the metonym's
/// country: `al Papa` is the Pope, not the Hungarian town of Pápa; `a Mosca` is Moscow.
#[test]
fn a_metonym_is_a_place_only_in_its_own_country() {
    assert!(places(Lang::It, "Il presidente ha scritto una lettera al Papa.").is_empty());
    check(&[(Lang::It, "Il ministro è arrivato a Mosca.", &["Mosca=RUS"])]);
}

/// `Brussels` stands for the European Union, but after a locative preposition it is the city,
/// in every language.
#[test]
fn brussels_is_a_place_after_a_locative() {
    check(&[
        (
            Lang::It,
            "I ministri si sono riuniti a Bruxelles.",
            &["Bruxelles=BEL"],
        ),
        (
            Lang::En,
            "The ministers met in Brussels.",
            &["Brussels=BEL"],
        ),
        (
            Lang::Es,
            "Los ministros se reunieron en Bruselas.",
            &["Bruselas=BEL"],
        ),
        (
            Lang::Fr,
            "Les ministres se sont réunis à Bruxelles.",
            &["Bruxelles=BEL"],
        ),
        (
            Lang::De,
            "Die Minister trafen sich in Brüssel.",
            &["Brüssel=BEL"],
        ),
    ]);
}

/// A bare surname that is also a town (`Sánchez`, Dominican Republic) is the person when the
/// text is about the person's country or a role word stands next to it; otherwise, after a
/// locative preposition, it is the town.
#[test]
fn a_surname_in_context_is_no_place() {
    for (lang, text) in [
        (Lang::Es, "Feijóo criticó a Sánchez por la amnistía."),
        (
            Lang::Es,
            "La oposición española pidió explicaciones a Sánchez.",
        ),
        (Lang::En, "The opposition in Spain turned to Sánchez."),
        (
            Lang::It,
            "Le critiche al premier Sánchez sono arrivate da Madrid.",
        ),
    ] {
        let got = places(lang, text);
        assert!(
            !got.iter().any(|p| p.starts_with("Sánchez=")),
            "{text}: {got:?}"
        );
    }
    check(&[(
        Lang::Es,
        "Las lluvias inundaron calles en Sánchez, en el noreste dominicano.",
        &["Sánchez=DOM"],
    )]);
}
