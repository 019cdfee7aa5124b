//! The in-memory projection (`Facts`) gives the answers of the SQL queries in the mentions view,
//! under every filter, and follows the database's generation.

use dyad_lexicon::{Date, Lexicon};
use dyad_store::{
    code, DocInput, DyadQuery, DyadSort, EventQuery, EventSort, Filter, Interval, Store, View,
};
use dyad_text::Lang;
use serde_json::Value;
use std::path::PathBuf;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-facts-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The bundled example articles, each also published again a month later by another outlet
/// (so that aggregation, dates, languages and sources all vary).
fn docs() -> Vec<DocInput> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let mut out = Vec::new();
    for (i, path) in names.iter().enumerate() {
        let raw = std::fs::read_to_string(path).unwrap();
        let rest = raw.trim_start().strip_prefix("date ").unwrap();
        let (date, text) = rest.split_once(' ').unwrap();
        let stem = path.file_stem().unwrap().to_str().unwrap();
        let lang = Lang::from_code(&stem[..2]).unwrap();
        let date = Date::parse(date).unwrap();
        for copy in 0..2 {
            out.push(DocInput {
                id: format!("{stem}-{copy}"),
                text: text.to_string(),
                lang,
                date: Some(if copy == 0 {
                    date
                } else {
                    Date::from_days(date.days() + 31)
                }),
                url: Some(format!("https://outlet-{}.example/{i}", (i + copy) % 3)),
                title: None,
            });
        }
    }
    out
}

fn filters() -> Vec<(&'static str, Filter)> {
    let f = Filter::default;
    vec![
        ("none", f()),
        (
            "dates",
            Filter {
                from: Some(Date::parse("2023-03-01").unwrap().days()),
                to: Some(Date::parse("2024-01-31").unwrap().days()),
                ..f()
            },
        ),
        (
            "source",
            Filter {
                source: Some("AZE".into()),
                ..f()
            },
        ),
        (
            "target",
            Filter {
                target: Some("RUS".into()),
                ..f()
            },
        ),
        (
            "actor",
            Filter {
                actor: Some("MLI".into()),
                ..f()
            },
        ),
        (
            "dyad",
            Filter {
                dyad: Some(("ARM".into(), "AZE".into())),
                ..f()
            },
        ),
        (
            "country",
            Filter {
                country: Some("PER".into()),
                ..f()
            },
        ),
        (
            "role",
            Filter {
                role: Some("GOV".into()),
                ..f()
            },
        ),
        (
            "cameo",
            Filter {
                cameo: Some("11".into()),
                ..f()
            },
        ),
        (
            "roots",
            Filter {
                roots: vec!["18".into(), "19".into(), "20".into()],
                ..f()
            },
        ),
        (
            "quad",
            Filter {
                quad_class: Some(4),
                ..f()
            },
        ),
        (
            "goldstein",
            Filter {
                goldstein_min: Some(-5.0),
                goldstein_max: Some(3.0),
                ..f()
            },
        ),
        (
            "bbox",
            Filter {
                bbox: Some([-20.0, -60.0, 60.0, 70.0]),
                ..f()
            },
        ),
        (
            "lang",
            Filter {
                lang: Some("it".into()),
                ..f()
            },
        ),
        (
            "doc",
            Filter {
                doc: Some("en-baltic-1".into()),
                ..f()
            },
        ),
        (
            "unknown country",
            Filter {
                country: Some("ZZZ".into()),
                ..f()
            },
        ),
        (
            "combined",
            Filter {
                actor: Some("A".into()),
                roots: vec!["11".into(), "19".into()],
                lang: Some("it".into()),
                ..f()
            },
        ),
    ]
}

fn store(name: &str) -> Store {
    let lexicon = Lexicon::builtin().unwrap();
    let mut store = Store::open(&scratch(name).join("facts.db")).unwrap();
    let coded: Vec<_> = docs().into_iter().map(|d| code(&lexicon, d)).collect();
    store.ingest(&coded, true).unwrap();
    store
}

fn ids(events: &[dyad_store::Matched]) -> Vec<String> {
    events
        .iter()
        .map(|m| m.json["event_id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn facts_answer_as_sql_does() {
    let store = store("same");
    let facts = store.facts().unwrap();
    assert!(facts.len() > 80, "{} events", facts.len());
    let mut nonempty = 0;
    for (name, filter) in filters() {
        for sort in [
            EventSort::DateAsc,
            EventSort::DateDesc,
            EventSort::GoldsteinAsc,
            EventSort::GoldsteinDesc,
            EventSort::MentionsDesc,
        ] {
            for (limit, offset) in [(1000, 0), (7, 3)] {
                let q = EventQuery {
                    filter: filter.clone(),
                    view: View::Mentions,
                    sort,
                    limit,
                    offset,
                };
                let sql = store.events(&q).unwrap();
                let (total, rowids) = facts.event_page(&filter, sort, limit, offset);
                let mine = store.mentions_by_rowid(&rowids).unwrap();
                assert_eq!(total, sql.total, "{name} {sort:?}: total");
                assert_eq!(ids(&mine), ids(&sql.events), "{name} {sort:?} {offset}");
                if sort == EventSort::DateAsc && offset == 0 && total > 0 {
                    nonempty += 1;
                }
            }
        }
        for interval in [
            Interval::Day,
            Interval::Week,
            Interval::Month,
            Interval::All,
        ] {
            for sort in [
                DyadSort::Period,
                DyadSort::CountDesc,
                DyadSort::GoldsteinSumAsc,
                DyadSort::GoldsteinSumDesc,
                DyadSort::GoldsteinMeanAsc,
                DyadSort::GoldsteinMeanDesc,
            ] {
                let q = DyadQuery {
                    filter: filter.clone(),
                    view: View::Mentions,
                    interval,
                    sort,
                    limit: 1000,
                    offset: 0,
                };
                assert_eq!(
                    facts.dyads(&q),
                    store.dyads(&q).unwrap(),
                    "{name} {interval:?} {sort:?}"
                );
            }
        }
    }
    // The table is not vacuous: most filters find events.
    assert!(nonempty >= 14, "{nonempty} filters found events");
}

#[test]
fn aggregates_add_up() {
    let store = store("sums");
    let facts = store.facts().unwrap();
    let all = Filter::default();
    let summary = facts.summary(&all);
    let events = summary["events"].as_u64().unwrap();
    assert_eq!(events, facts.len() as u64);
    assert_eq!(summary["documents_ingested"], 14);
    let quads: u64 = summary["quad_classes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["events"].as_u64().unwrap())
        .sum();
    assert_eq!(quads, events);
    let langs: Vec<&str> = summary["languages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["lang"].as_str().unwrap())
        .collect();
    assert_eq!(langs.len(), 5, "{langs:?}");
    assert_eq!(summary["sources"].as_array().unwrap().len(), 3);

    // Every day-precision event is in one day of the timeline, once.
    let timeline = facts.timeline(&all, Interval::Day);
    let per_day: u64 = timeline["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let q: u64 = p["quad"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_u64().unwrap())
                .sum();
            assert!(q <= p["events"].as_u64().unwrap());
            p["events"].as_u64().unwrap()
        })
        .sum();
    let (_, dated) = facts.event_page(
        &Filter {
            from: Some(0),
            ..Filter::default()
        },
        EventSort::DateAsc,
        1,
        0,
    );
    assert!(!dated.is_empty());
    assert!(per_day > 0 && per_day <= events);

    // The map counts the events that have a place; `place` finds them again.
    let map = facts.map(&all, 2000);
    let first = &map["points"][0];
    let g = first["geonameid"].as_i64().unwrap();
    let (n, _) = facts.event_page(
        &Filter {
            place: Some(g),
            ..Filter::default()
        },
        EventSort::DateAsc,
        10,
        0,
    );
    assert_eq!(n, first["events"].as_u64().unwrap());
    assert!(first["lat"].is_f64() && first["name"].is_string());

    // The network's edges are the most active dyads, and its nodes their actors.
    let net = facts.network(&all, 5);
    let edges = net["edges"].as_array().unwrap();
    assert_eq!(edges.len(), 5);
    let (_, top) = facts.dyads(&DyadQuery {
        filter: all.clone(),
        view: View::Mentions,
        interval: Interval::All,
        sort: DyadSort::CountDesc,
        limit: 5,
        offset: 0,
    });
    for (e, d) in edges.iter().zip(&top) {
        assert_eq!((&e["source"], &e["target"]), (&d["source"], &d["target"]));
        assert_eq!(e["events"], d["events"]);
    }
    let nodes: Vec<&Value> = net["nodes"].as_array().unwrap().iter().collect();
    for e in edges {
        for end in ["source", "target"] {
            assert!(nodes.iter().any(|n| n["code"] == e[end]), "{e}");
        }
    }
}

#[test]
fn the_generation_moves_with_every_ingest_that_changes_something() {
    let dir = scratch("generation");
    let lexicon = Lexicon::builtin().unwrap();
    let mut store = Store::open(&dir.join("g.db")).unwrap();
    assert_eq!(store.generation().unwrap(), 0);
    let batch: Vec<_> = docs()
        .into_iter()
        .take(2)
        .map(|d| code(&lexicon, d))
        .collect();
    store.ingest(&batch, true).unwrap();
    assert_eq!(store.generation().unwrap(), 1);
    store.ingest(&batch, true).unwrap();
    assert_eq!(store.generation().unwrap(), 1, "nothing changed");
    let more: Vec<_> = docs()
        .into_iter()
        .skip(2)
        .take(1)
        .map(|d| code(&lexicon, d))
        .collect();
    store.ingest(&more, true).unwrap();
    assert_eq!(store.generation().unwrap(), 2);
    assert_eq!(store.facts().unwrap().generation(), 2);
}
