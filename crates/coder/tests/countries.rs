//! Every ISO 3166-1 country (and Kosovo), named in a sentence in each of the five languages, is an
//! actor with its code: no place, person or role takes its name. The names come from
//! `crates/lexicon/tests/data/country-names.tsv` (see `xtask/gen_countries.py`); the sentence
//! frames are written for this test.

use dyad_coder::{analyze, Document};
use dyad_lexicon::{Date, Lexicon};
use dyad_text::Lang;

#[test]
fn every_iso_country_is_an_actor_in_running_text() {
    let lexicon = Lexicon::builtin().expect("built-in lexicon");
    let table = include_str!("../../lexicon/tests/data/country-names.tsv");
    // A frame per language where the name is the subject of a clause.
    let frame = |lang: Lang| match lang {
        Lang::It => "Secondo fonti ufficiali, {} non ha risposto.",
        Lang::En => "According to officials, {} did not answer.",
        Lang::Es => "Según fuentes oficiales, {} no respondió.",
        Lang::Fr => "Selon des sources officielles, {} n'a pas répondu.",
        Lang::De => "Nach offiziellen Angaben hat {} nicht geantwortet.",
    };
    let mut failures = Vec::new();
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        for (lang, name) in Lang::ALL.iter().zip(&cols[1..]) {
            let text = frame(*lang).replace("{}", name);
            let doc = Document {
                id: "t".into(),
                text,
                lang: *lang,
                date: Date::parse("2024-05-01"),
            };
            let analysis = analyze(&lexicon, &doc);
            let found = analysis
                .sentences
                .iter()
                .flat_map(|s| s.mentions.iter())
                .any(|m| m.kind.starts_with("actor") && m.code == cols[0] && m.text == *name);
            if !found {
                let got: Vec<String> = analysis
                    .sentences
                    .iter()
                    .flat_map(|s| s.mentions.iter())
                    .map(|m| format!("{} {} {:?}", m.kind, m.code, m.text))
                    .collect();
                failures.push(format!(
                    "{} {name:?}: want {}, got {got:?}",
                    lang.code(),
                    cols[0]
                ));
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
