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
