//! Structural checks of the built-in people and organisations (`data/actors/people.txt`,
//! `data/actors/orgs.txt`), and of the validation that `dyad lexicon check` runs on any lexicon:
//! overlapping date ranges are reported with file and line.

use dyad_lexicon::{builtin_sources, ActorKind, ErrorKind, Lexicon, Source};
use dyad_text::Lang;
use std::borrow::Cow;
use std::collections::HashMap;

fn builtin() -> Lexicon {
    Lexicon::builtin().expect("the built-in lexicon is valid")
}

#[test]
fn every_entity_has_a_code_on_a_known_country_or_organisation() {
    let lex = builtin();
    let mut bad = Vec::new();
    for e in lex.entities() {
        if e.codes.is_empty() {
            bad.push(format!("{}: no code", e.name));
        }
        for c in &e.codes {
            let head = &c.code[..3];
            let known = matches!(head, "IGO" | "NGO" | "---") || lex.country(head).is_some();
            if !known {
                bad.push(format!("{}: {} names no known country", e.name, c.code));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn date_ranges_of_an_entity_never_overlap() {
    let lex = builtin();
    let mut bad = Vec::new();
    for e in lex.entities() {
        let undated = e
            .codes
            .iter()
            .filter(|c| c.from.is_none() && c.to.is_none())
            .count();
        if undated > 1 {
            bad.push(format!("{}: {undated} undated codes", e.name));
        }
        let mut dated: Vec<(i64, i64)> = e
            .codes
            .iter()
            .filter(|c| c.from.is_some() || c.to.is_some())
            .map(|c| {
                (
                    c.from.map_or(i64::MIN, |d| d.days()),
                    c.to.map_or(i64::MAX, |d| d.days()),
                )
            })
            .collect();
        dated.sort_unstable();
        for pair in dated.windows(2) {
            if pair[1].0 < pair[0].1 {
                bad.push(format!("{}: overlapping ranges", e.name));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// Block headers are the entities' keys: a second block with the same name would silently merge
/// into the first.
#[test]
fn no_entity_block_is_written_twice() {
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut bad = Vec::new();
    for source in builtin_sources() {
        if source.name != "actors/people.txt" && source.name != "actors/orgs.txt" {
            continue;
        }
        for (i, line) in source.text.lines().enumerate() {
            let header = line.split('#').next().unwrap_or("").trim_end();
            if header.is_empty() || header.starts_with([' ', '\t']) {
                continue;
            }
            let here = format!("{}:{}", source.name, i + 1);
            if let Some(first) = seen.insert(header.to_string(), here.clone()) {
                bad.push(format!("{header:?} at {here} and {first}"));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

fn with_people(text: &'static str) -> Vec<Source> {
    let mut sources = builtin_sources();
    sources.retain(|s| s.name != "actors/people.txt");
    sources.push(Source {
        name: "actors/people.txt".into(),
        text: Cow::Borrowed(text),
    });
    sources
}

#[test]
fn overlapping_ranges_are_reported_with_file_and_line() {
    let text = "Jane Example\n  names: Jane Example\n  code: FRAGOV 2010-01-01..2015-01-01\n\
                \x20 code: FRAOPP 2014-06-01..2016-01-01\n";
    let errors = Lexicon::from_sources(&with_people(text)).expect_err("overlap must be refused");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(matches!(errors[0].kind, ErrorKind::OverlappingDates(_)));
    let shown = errors[0].to_string();
    assert!(
        shown.starts_with("actors/people.txt:4: overlapping date ranges"),
        "{shown}"
    );
    assert!(shown.contains("Jane Example"), "{shown}");
}

#[test]
fn two_undated_codes_overlap_but_adjacent_ranges_do_not() {
    let two_undated = "Jane Example\n  names: Jane Example\n  code: FRAGOV\n  code: FRAELI\n";
    let errors = Lexicon::from_sources(&with_people(two_undated)).expect_err("two fallbacks");
    assert!(errors[0].to_string().starts_with("actors/people.txt:4:"));
    let adjacent = "Jane Example\n  names: Jane Example\n  code: FRAOPP ..2015-01-01\n\
                    \x20 code: FRAGOV 2015-01-01..\n  code: FRAELI\n";
    assert!(Lexicon::from_sources(&with_people(adjacent)).is_ok());
}

/// A phrase that names two different people or organisations in one language is ambiguous: the
/// coder could not tell them apart (shared surnames are listed only in full).
#[test]
fn no_name_belongs_to_two_entities_in_one_language() {
    let langs = ["it", "en", "es", "fr", "de"];
    let mut owner: HashMap<(String, String), String> = HashMap::new();
    let mut bad = Vec::new();
    for source in builtin_sources() {
        if source.name != "actors/people.txt" && source.name != "actors/orgs.txt" {
            continue;
        }
        let mut entity = String::new();
        for line in source.text.lines() {
            let line = line.split('#').next().unwrap_or("").trim_end();
            if line.is_empty() {
                continue;
            }
            if !line.starts_with([' ', '\t']) {
                entity = line.to_string();
                continue;
            }
            let Some((key, list)) = line.trim().split_once(':') else {
                continue;
            };
            let which: Vec<&str> = match key.trim() {
                "names" | "names.*" => langs.to_vec(),
                k => match k.strip_prefix("names.") {
                    Some(l) => vec![l],
                    None => continue,
                },
            };
            for phrase in list.split('|').map(str::trim).filter(|p| !p.is_empty()) {
                let norm = dyad_text::normalize(phrase);
                for lang in &which {
                    let key = (lang.to_string(), norm.clone());
                    match owner.get(&key) {
                        Some(other) if *other != entity => {
                            bad.push(format!("{lang} {phrase:?}: {other} and {entity}"))
                        }
                        Some(_) => {}
                        None => {
                            owner.insert(key, entity.clone());
                        }
                    }
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// `seat.LANG:` and `surname.LANG:` lines give their phrases the `Seat` and `Surname` meanings
/// in the languages they name; a misspelt key is an error with its line.
#[test]
fn seat_and_surname_lines_parse() {
    let text = "Jane Example\n  names: Jane Example\n  surname.en: Example\n\
                \x20 seat: Quexbury\n  code: FRAGOV\n";
    let lex = Lexicon::from_sources(&with_people(text)).expect("valid");
    let kinds = |lang: Lang, word: &str| -> Vec<ActorKind> {
        lex.actor_names()
            .iter()
            .filter(|n| n.lang == lang && &*n.phrase == word)
            .map(|n| n.kind)
            .collect()
    };
    assert!(matches!(
        kinds(Lang::En, "Example")[..],
        [ActorKind::Surname(_)]
    ));
    assert!(kinds(Lang::Fr, "Example").is_empty());
    assert!(matches!(
        kinds(Lang::De, "Quexbury")[..],
        [ActorKind::Seat(_)]
    ));
    let bad = "Jane Example\n  names: Jane Example\n  surnames: Example\n  code: FRAGOV\n";
    let errors = Lexicon::from_sources(&with_people(bad)).expect_err("unknown key");
    assert!(
        errors[0].to_string().starts_with("actors/people.txt:3:"),
        "{errors:?}"
    );
}
