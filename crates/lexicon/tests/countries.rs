//! Every ISO 3166-1 country (and Kosovo) resolves from a name in each of the five languages, and
//! the historical names, seats of power and adjectives that news uses resolve too.
//!
//! The names checked per code come from `tests/data/country-names.tsv`, written by
//! `xtask/gen_countries.py` from CLDR and ISO names (a registry name that the lexicon must
//! know); the other tables are written for this test.

use dyad_lexicon::{ActorKind, Lexicon};
use dyad_text::Lang;
use std::sync::OnceLock;

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::builtin().expect("built-in lexicon"))
}

/// Every meaning of `phrase` as one whole phrase in `lang`'s actor trie.
fn meanings(lang: Lang, phrase: &str) -> Vec<ActorKind> {
    let l = lexicon().lang(lang);
    let tokens = dyad_text::tokenize(phrase);
    let ids: Vec<Option<u32>> = tokens.iter().map(|t| l.words().get(&t.norm)).collect();
    l.actors()
        .matches_at(&ids, 0, |i| &phrase[tokens[i].start..tokens[i].end])
        .into_iter()
        .find(|(len, _)| *len == tokens.len())
        .map(|(_, kinds)| kinds.into_iter().copied().collect())
        .unwrap_or_default()
}

/// What `phrase` resolves to, as `RUS`, `adj RUS` or `RUSGOV`, when its preferred meaning is
/// unique; else a description of the problem.
fn resolve(lang: Lang, phrase: &str) -> String {
    let lex = lexicon();
    let found = meanings(lang, phrase);
    let described: Vec<String> = found
        .iter()
        .map(|k| match *k {
            ActorKind::Country(c) => lex.countries()[c as usize].code.clone(),
            ActorKind::Adjective(c) => format!("adj {}", lex.countries()[c as usize].code),
            ActorKind::Metonym(c, r) => {
                format!("{}{}", lex.countries()[c as usize].code, r.as_str())
            }
            ActorKind::Entity(e) | ActorKind::Seat(e) | ActorKind::Surname(e) => {
                format!("entity {}", lex.entities()[e as usize].name)
            }
            ActorKind::Agent(r) => format!("role {}", r.as_str()),
        })
        .collect();
    // As the coder does: a person or organisation first, then a country, a metonym, an
    // adjective, a role (`Argentina` is the country and the feminine adjective).
    let rank = |k: &ActorKind| match k {
        ActorKind::Entity(_) | ActorKind::Seat(_) => 0,
        ActorKind::Country(_) => 1,
        ActorKind::Metonym(..) => 2,
        ActorKind::Adjective(_) => 3,
        ActorKind::Agent(_) => 4,
        ActorKind::Surname(_) => 5,
    };
    let best = found.iter().map(rank).min();
    let mut unique: Vec<String> = found
        .iter()
        .zip(&described)
        .filter(|(k, _)| Some(rank(k)) == best)
        .map(|(_, d)| d.clone())
        .collect();
    unique.sort();
    unique.dedup();
    match unique.len() {
        1 => unique.remove(0),
        0 => "nothing".into(),
        _ => format!("ambiguous {unique:?}"),
    }
}

#[test]
fn every_iso_country_resolves_from_its_name_in_five_languages() {
    let table = include_str!("data/country-names.tsv");
    let mut failures = Vec::new();
    let mut checked = 0;
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 6, "bad row {line:?}");
        let code = cols[0];
        assert!(lexicon().country(code).is_some(), "{code} is not a country");
        for (lang, name) in Lang::ALL.iter().zip(&cols[1..]) {
            checked += 1;
            if name.is_empty() {
                failures.push(format!("{code} has no {} name", lang.code()));
                continue;
            }
            let got = resolve(*lang, name);
            if got != code {
                failures.push(format!("{}: {name:?} → {got}, want {code}", lang.code()));
            }
        }
    }
    assert!(checked >= 250 * 5, "only {checked} names checked");
    assert!(
        failures.is_empty(),
        "{} of {checked} names fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn historical_names_seats_of_power_and_adjectives() {
    use Lang::*;
    let table: &[(Lang, &str, &str)] = &[
        (It, "Birmania", "MMR"),
        (En, "Burma", "MMR"),
        (De, "Birma", "MMR"),
        (It, "Swaziland", "SWZ"),
        (Es, "Suazilandia", "SWZ"),
        (De, "Swasiland", "SWZ"),
        (En, "Turkey", "TUR"),
        (En, "Türkiye", "TUR"),
        (Fr, "Turquie", "TUR"),
        (It, "Cremlino", "RUSGOV"),
        (En, "Kremlin", "RUSGOV"),
        (It, "Casa Bianca", "USAGOV"),
        (Es, "Casa Blanca", "USAGOV"),
        (It, "Eliseo", "FRAGOV"),
        (Fr, "Élysée", "FRAGOV"),
        (En, "Downing Street", "GBRGOV"),
        (It, "Palazzo Chigi", "ITAGOV"),
        (It, "Farnesina", "ITAGOV"),
        (Es, "Moncloa", "ESPGOV"),
        (De, "Bundeskanzleramt", "DEUGOV"),
        (De, "Schloss Bellevue", "DEUGOV"),
        (Fr, "Quai d'Orsay", "FRAGOV"),
        (It, "Pentagono", "USAGOV"),
        (En, "Raisina Hill", "INDGOV"),
        (En, "Kasumigaseki", "JPNGOV"),
        (It, "azero", "adj AZE"),
        (It, "azera", "adj AZE"),
        (It, "azeri", "adj AZE"),
        (It, "azere", "adj AZE"),
        (De, "russische", "adj RUS"),
        (Es, "ucranianos", "adj UKR"),
        (Fr, "libanaise", "adj LBN"),
        (En, "Kosovo", "KSV"),
        (It, "Palestina", "PSE"),
        (Es, "Taiwán", "TWN"),
        (Fr, "Sahara occidental", "ESH"),
    ];
    let failures: Vec<String> = table
        .iter()
        .filter_map(|(lang, phrase, want)| {
            let got = resolve(*lang, phrase);
            (got != *want).then(|| format!("{}: {phrase:?} → {got}, want {want}", lang.code()))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
