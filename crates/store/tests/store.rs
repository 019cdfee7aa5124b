//! The store: idempotent ingest, replacement, deduplication across articles, exports, schema.

use dyad_lexicon::{Date, Lexicon};
use dyad_store::export::{export, Format};
use dyad_store::{
    code, CodedDoc, DocInput, EventQuery, Filter, IngestStats, Store, StoreError, View,
};
use dyad_text::Lang;
use std::path::PathBuf;
use std::sync::OnceLock;

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::builtin().unwrap())
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-store-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn doc(id: &str, date: &str, lang: Lang, url: Option<&str>, text: &str) -> CodedDoc {
    code(
        lexicon(),
        DocInput {
            id: id.into(),
            text: text.into(),
            lang,
            date: Date::parse(date),
            url: url.map(str::to_string),
            title: None,
        },
    )
}

/// Two English articles from two outlets report the same condemnation; one Italian article has
/// two other events.
fn corpus() -> Vec<CodedDoc> {
    vec![
        doc(
            "en-1",
            "2021-03-04",
            Lang::En,
            Some("https://www.first-paper.example/politics/1"),
            "The Turkish government condemned Armenia on Thursday. Later, the French president met the German chancellor in Berlin.",
        ),
        doc(
            "en-2",
            "2021-03-04",
            Lang::En,
            Some("http://second-paper.example/world?id=7"),
            "Ankara's government condemned Armenia again, officials said.",
        ),
        doc(
            "it-1",
            "2021-03-05",
            Lang::It,
            None,
            "Il governo italiano ha criticato la Francia. Il ministro degli esteri russo ha incontrato il suo omologo cinese a Pechino.",
        ),
    ]
}

#[test]
fn ingest_is_idempotent_and_deduplicates_across_articles() {
    let dir = scratch("idem");
    let mut store = Store::open(&dir.join("db")).unwrap();
    let docs = corpus();
    let first = store.ingest(&docs, true).unwrap();
    assert_eq!(
        first,
        IngestStats {
            inserted: 3,
            replaced: 0,
            unchanged: 0,
            events: 5
        }
    );
    let counts = store.counts().unwrap();
    assert_eq!(
        (counts.documents, counts.events, counts.aggregated),
        (3, 5, 4)
    );
    assert!(counts.sentences >= 5);
    let again = store.ingest(&docs, true).unwrap();
    assert_eq!(again.unchanged, 3);
    assert_eq!(again.events, 0);
    assert_eq!(store.counts().unwrap(), counts);
    assert_eq!(store.check().unwrap(), Vec::<String>::new());

    // The condemnation reported by two outlets is one aggregated event.
    let page = store
        .events(&EventQuery {
            filter: Filter {
                cameo: Some("111".into()),
                source: Some("TUR".into()),
                ..Filter::default()
            },
            view: View::Aggregated,
            limit: 10,
            ..EventQuery::default()
        })
        .unwrap();
    assert_eq!(page.total, 1);
    let agg = &page.events[0].json;
    assert_eq!(agg["num_mentions"], 2);
    assert_eq!(agg["num_articles"], 2);
    assert_eq!(agg["num_sources"], 2);
    let links: Vec<&str> = agg["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["event_id"].as_str().unwrap())
        .collect();
    assert_eq!(links, ["en-1#0", "en-2#0"]);
    let cols: Vec<&str> = page.events[0].gdelt.split('\t').collect();
    assert_eq!(cols.len(), 61);
    assert_eq!(&cols[31..34], ["2", "2", "2"]);

    // Mentions carry their aggregate's counts.
    let mentions = store
        .events(&EventQuery {
            filter: Filter {
                doc: Some("en-2".into()),
                ..Filter::default()
            },
            limit: 10,
            ..EventQuery::default()
        })
        .unwrap();
    assert_eq!(mentions.total, 1);
    assert_eq!(mentions.events[0].json["aggregate"]["num_mentions"], 2);
    assert_eq!(mentions.events[0].json["source"]["code"], "TURGOV");
}

#[test]
fn new_content_replaces_a_documents_events() {
    let dir = scratch("replace");
    let mut store = Store::open(&dir.join("db")).unwrap();
    store.ingest(&corpus(), true).unwrap();
    let changed = doc(
        "en-2",
        "2021-03-04",
        Lang::En,
        Some("http://second-paper.example/world?id=7"),
        "Germany threatened sanctions against Russia.",
    );
    let stats = store.ingest(&[changed], true).unwrap();
    assert_eq!((stats.inserted, stats.replaced), (0, 1));
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
    let c = store.counts().unwrap();
    assert_eq!(c.documents, 3);
    // The condemnation now has one mention left; the new event is its own aggregate.
    let page = store
        .events(&EventQuery {
            filter: Filter {
                cameo: Some("111".into()),
                source: Some("TUR".into()),
                ..Filter::default()
            },
            view: View::Aggregated,
            limit: 10,
            ..EventQuery::default()
        })
        .unwrap();
    assert_eq!(page.events[0].json["num_mentions"], 1);
    let doc = store.document("en-2").unwrap().unwrap();
    assert_eq!(doc["events"][0]["source"]["code"], "DEUGOV");
    assert!(store.document("nope").unwrap().is_none());
}

#[test]
fn documents_keep_or_drop_their_text_and_give_evidence_spans() {
    let dir = scratch("text");
    let mut store = Store::open(&dir.join("db")).unwrap();
    let docs = corpus();
    store.ingest(&docs[..1], true).unwrap();
    store.ingest(&docs[2..], false).unwrap();
    let kept = store.document("en-1").unwrap().unwrap();
    let text = kept["text"].as_str().unwrap();
    let e = &kept["events"][0];
    let [s, t] = [&e["evidence"]["trigger"][0], &e["evidence"]["trigger"][1]]
        .map(|v| v.as_u64().unwrap() as usize);
    assert_eq!(&text[s..t], e["trigger"]["text"].as_str().unwrap());
    let src = &e["evidence"]["source"];
    let (a, b) = (
        src[0].as_u64().unwrap() as usize,
        src[1].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[a..b], e["source"]["text"].as_str().unwrap());
    let dropped = store.document("it-1").unwrap().unwrap();
    assert!(dropped["text"].is_null());
    assert_eq!(dropped["events"].as_array().unwrap().len(), 2);
}

#[test]
fn gdelt_and_csv_exports() {
    let dir = scratch("export");
    let mut store = Store::open(&dir.join("db")).unwrap();
    store.ingest(&corpus(), true).unwrap();
    let out = dir.join("events.tsv");
    let stats = export(
        &store,
        Format::Gdelt,
        View::Mentions,
        &Filter::default(),
        &out,
    )
    .unwrap();
    assert_eq!(stats.rows, 5);
    let text = std::fs::read_to_string(&out).unwrap();
    for line in text.lines() {
        assert_eq!(line.split('\t').count(), 61, "{line}");
    }
    let out = dir.join("agg.tsv");
    let stats = export(
        &store,
        Format::Gdelt,
        View::Aggregated,
        &Filter::default(),
        &out,
    )
    .unwrap();
    assert_eq!(stats.rows, 4);
    let out = dir.join("events.csv");
    let filter = Filter {
        from: Date::parse("2021-03-05").map(|d| d.days()),
        ..Filter::default()
    };
    export(&store, Format::Csv, View::Mentions, &filter, &out).unwrap();
    let csv = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("event_id,doc_id,sentence,event_date"));
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(lines[1].starts_with("it-1#0,it-1,0,2021-03-05"));
}

#[test]
fn parquet_export_is_partitioned_by_date_and_reads_back() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let dir = scratch("parquet");
    let mut store = Store::open(&dir.join("db")).unwrap();
    store.ingest(&corpus(), true).unwrap();
    let out = dir.join("pq");
    let stats = export(
        &store,
        Format::Parquet,
        View::Mentions,
        &Filter::default(),
        &out,
    )
    .unwrap();
    assert_eq!(stats.rows, 5);
    assert_eq!(stats.files.len(), 2);
    let day1 = out.join("date=2021-03-04").join("part-0.parquet");
    let reader = SerializedFileReader::new(std::fs::File::open(&day1).unwrap()).unwrap();
    assert_eq!(reader.metadata().file_metadata().num_rows(), 3);
    let mut seen = Vec::new();
    for row in reader.get_row_iter(None).unwrap() {
        let row = row.unwrap();
        let mut id = String::new();
        let mut code = String::new();
        let mut mentions = 0;
        for (name, field) in row.get_column_iter() {
            match (name.as_str(), field) {
                ("event_id", parquet::record::Field::Str(s)) => id = s.clone(),
                ("source_code", parquet::record::Field::Str(s)) => code = s.clone(),
                ("num_mentions", parquet::record::Field::Long(n)) => mentions = *n,
                _ => {}
            }
        }
        seen.push((id, code, mentions));
    }
    seen.sort();
    assert_eq!(
        seen,
        [
            ("en-1#0".to_string(), "TURGOV".to_string(), 2),
            ("en-1#1".to_string(), "FRAGOV".to_string(), 1),
            ("en-2#0".to_string(), "TURGOV".to_string(), 2),
        ]
    );
    assert!(out.join("date=2021-03-05").join("part-0.parquet").exists());
    let err = export(
        &store,
        Format::Parquet,
        View::Mentions,
        &Filter::default(),
        std::path::Path::new("-"),
    )
    .unwrap_err();
    assert!(err.to_string().contains("directory"), "{err}");
}

#[test]
fn foreign_or_newer_databases_are_refused() {
    let dir = scratch("schema");
    let path = dir.join("db");
    Store::open(&path).unwrap();
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute("UPDATE meta SET value='99' WHERE key='schema_version'", [])
            .unwrap();
    }
    let err = Store::open(&path).err().unwrap();
    assert!(matches!(err, StoreError::Schema(_)));
    assert!(err.to_string().contains("version 99"), "{err}");
    let other = dir.join("other");
    {
        let conn = rusqlite::Connection::open(&other).unwrap();
        conn.execute("CREATE TABLE t (x)", []).unwrap();
    }
    assert!(Store::open_read_only(&other)
        .err()
        .unwrap()
        .to_string()
        .contains("not a dyad database"));
    assert!(Store::open_read_only(&dir.join("missing")).is_err());
    std::fs::write(
        dir.join("garbage"),
        b"this is not sqlite at all, not even close....",
    )
    .unwrap();
    assert!(Store::open(&dir.join("garbage")).is_err());
}
