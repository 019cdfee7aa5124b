//! The event store: documents, sentences, events and aggregated events in one embedded SQLite
//! database behind [`Store`].
//!
//! - **Idempotent**: a document is identified by its id and a hash of its content. Storing it
//!   again with the same content changes nothing; with new content its sentences and events are
//!   replaced.
//! - **Crash-safe**: the database runs in WAL mode and [`Store::ingest`] writes a whole batch in
//!   one transaction, so a killed process leaves either all or none of a batch.
//! - **Deduplicated**: events with the same date, source, target, CAMEO code and place form one
//!   aggregated event with GDELT's `NumMentions`, `NumSources` and `NumArticles`, kept up to date
//!   in the same transaction as the events.
//!
//! The rows of the JSON and GDELT outputs come from [`output`], the functions `dyad code` uses.

pub mod export;
mod facts;
pub mod fips;
pub mod output;
mod query;

pub use facts::{auto_interval, Facts};
pub use query::{
    ActorQuery, DyadQuery, DyadSort, EventPage, EventQuery, EventSort, Filter, Interval, Matched,
    View,
};

use dyad_coder::{code_document, Document};
use dyad_lexicon::{Date, Lexicon};
use dyad_text::Lang;
use output::{event_json, gdelt_row, DocInfo};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::path::Path;

/// The version of the schema this code writes. A database with another version is refused.
pub const SCHEMA_VERSION: i64 = 1;

/// What can go wrong with a store.
#[derive(Debug)]
pub enum StoreError {
    /// SQLite said no.
    Sqlite(rusqlite::Error),
    /// The database was made by another version of dyad, or is not a dyad database.
    Schema(String),
    /// A query ran past its time limit and was interrupted.
    Interrupted,
    /// A parameter is out of range.
    Invalid(String),
    /// Writing an export failed.
    Io(std::io::Error),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Sqlite(e) => write!(f, "database error: {e}"),
            StoreError::Schema(m) => write!(f, "{m}"),
            StoreError::Interrupted => write!(f, "query interrupted: it ran past its time limit"),
            StoreError::Invalid(m) => write!(f, "{m}"),
            StoreError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e {
            rusqlite::Error::SqliteFailure(f, _)
                if f.code == rusqlite::ErrorCode::OperationInterrupted =>
            {
                StoreError::Interrupted
            }
            other => StoreError::Sqlite(other),
        }
    }
}

impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> Self {
        StoreError::Io(e)
    }
}

/// Result of store operations.
pub type Result<T> = std::result::Result<T, StoreError>;

/// A document to store.
#[derive(Debug, Clone)]
pub struct DocInput {
    /// Document id (unique in the store).
    pub id: String,
    /// Text, without a date header.
    pub text: String,
    /// Language.
    pub lang: Lang,
    /// Publication date.
    pub date: Option<Date>,
    /// Where it was published.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
}

/// A coded document ready to store.
#[derive(Debug, Clone)]
pub struct CodedDoc {
    /// The document.
    pub doc: DocInput,
    /// Hash of everything that decides its events.
    pub hash: String,
    /// Sentence spans.
    pub sentences: Vec<(usize, usize)>,
    /// Its events: the JSON object and the GDELT row of each, as `dyad code` writes them.
    pub events: Vec<(Value, String)>,
}

/// The content hash of a document: SHA-256 over language, date, url, title and text.
pub fn content_hash(doc: &DocInput) -> String {
    let mut h = Sha256::new();
    for part in [
        doc.lang.code(),
        &doc.date.map(|d| d.to_string()).unwrap_or_default(),
        doc.url.as_deref().unwrap_or(""),
        doc.title.as_deref().unwrap_or(""),
        &doc.text,
    ] {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Codes a document into what the store keeps.
pub fn code(lexicon: &Lexicon, doc: DocInput) -> CodedDoc {
    let hash = content_hash(&doc);
    let coder_doc = Document {
        id: doc.id.clone(),
        text: doc.text.clone(),
        lang: doc.lang,
        date: doc.date,
    };
    let (events, _) = code_document(lexicon, &coder_doc);
    let info = DocInfo {
        id: &doc.id,
        text: &doc.text,
        lang: doc.lang,
        url: doc.url.as_deref(),
    };
    let events = events
        .iter()
        .enumerate()
        .map(|(n, e)| {
            (
                event_json(lexicon, &info, n, e),
                gdelt_row(lexicon, &info, n, e),
            )
        })
        .collect();
    let sentences = dyad_text::split_sentences(&doc.text, doc.lang)
        .iter()
        .map(|s| (s.start, s.end))
        .collect();
    CodedDoc {
        doc,
        hash,
        sentences,
        events,
    }
}

/// What one [`Store::ingest`] call did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IngestStats {
    /// New documents.
    pub inserted: usize,
    /// Documents whose content changed: their events were replaced.
    pub replaced: usize,
    /// Documents already stored with the same content.
    pub unchanged: usize,
    /// Events written.
    pub events: usize,
}

impl std::ops::AddAssign for IngestStats {
    fn add_assign(&mut self, o: Self) {
        self.inserted += o.inserted;
        self.replaced += o.replaced;
        self.unchanged += o.unchanged;
        self.events += o.events;
    }
}

/// Row counts of the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Documents.
    pub documents: u64,
    /// Sentences.
    pub sentences: u64,
    /// Event mentions.
    pub events: u64,
    /// Aggregated events.
    pub aggregated: u64,
}

const SCHEMA: &str = "
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    date TEXT,
    lang TEXT NOT NULL,
    url TEXT,
    title TEXT,
    text TEXT,
    hash TEXT NOT NULL,
    source TEXT NOT NULL,
    n_events INTEGER NOT NULL,
    n_sentences INTEGER NOT NULL
);
CREATE TABLE sentences (
    doc_id TEXT NOT NULL REFERENCES documents(id),
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;
CREATE TABLE events (
    event_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id),
    n INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    date TEXT,
    day INTEGER,
    date_precision TEXT,
    source_code TEXT NOT NULL,
    source_country TEXT,
    source_roles TEXT NOT NULL,
    source_name TEXT NOT NULL,
    target_code TEXT,
    target_country TEXT,
    target_roles TEXT,
    target_name TEXT,
    cameo TEXT NOT NULL,
    root TEXT NOT NULL,
    quad_class INTEGER,
    goldstein REAL,
    place_name TEXT,
    place_country TEXT,
    geonameid INTEGER,
    lat REAL,
    lon REAL,
    lang TEXT NOT NULL,
    rule TEXT NOT NULL,
    agg_key TEXT NOT NULL,
    json TEXT NOT NULL,
    gdelt TEXT NOT NULL
);
CREATE INDEX events_doc ON events(doc_id);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_source ON events(source_code, day);
CREATE INDEX events_target ON events(target_code, day);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_key ON events(agg_key);
CREATE TABLE aggregates (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    rep_event TEXT NOT NULL,
    day INTEGER,
    num_mentions INTEGER NOT NULL,
    num_sources INTEGER NOT NULL,
    num_articles INTEGER NOT NULL
);
CREATE INDEX aggregates_day ON aggregates(day);
";

/// The embedded event database.
pub struct Store {
    conn: Connection,
}

fn str_field<'a>(v: &'a Value, path: &[&str]) -> Option<&'a str> {
    let mut cur = v;
    for p in path {
        cur = cur.get(p)?;
    }
    cur.as_str()
}

fn roles(v: &Value) -> String {
    v.get("roles")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(",")
        })
        .unwrap_or_default()
}

/// The host of a URL, or `None`.
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// The source a document counts for in `NumSources`: the host of its URL, or the document
/// itself when it has no URL.
pub fn doc_source(doc: &DocInput) -> String {
    doc.url
        .as_deref()
        .and_then(host)
        .unwrap_or_else(|| format!("doc:{}", doc.id))
}

/// The deduplication key of an event: date, source, target, CAMEO code and place.
fn agg_key(e: &Value) -> String {
    format!(
        "{}|{}|{}|{}|{}",
        str_field(e, &["date"]).unwrap_or(""),
        str_field(e, &["source", "code"]).unwrap_or(""),
        str_field(e, &["target", "code"]).unwrap_or(""),
        str_field(e, &["cameo"]).unwrap_or(""),
        e.get("place")
            .and_then(|p| p.get("geonameid"))
            .and_then(Value::as_u64)
            .map(|g| g.to_string())
            .unwrap_or_default(),
    )
}

impl Store {
    /// Opens (creating if needed) a database for reading and writing.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let store = Store { conn };
        store.init()?;
        Ok(store)
    }

    /// Opens an existing database read-only.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(StoreError::Schema(format!(
                "{}: no such database (create it with `dyad ingest --db`)",
                path.display()
            )));
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let store = Store { conn };
        store.check_version()?;
        Ok(store)
    }

    fn check_version(&self) -> Result<()> {
        let has_meta: bool = self.conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta'",
            [],
            |r| r.get::<_, i64>(0).map(|n| n > 0),
        )?;
        if !has_meta {
            return Err(StoreError::Schema(
                "not a dyad database (no meta table)".into(),
            ));
        }
        let v: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM meta WHERE key='schema_version'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        match v.and_then(|v| v.parse::<i64>().ok()) {
            Some(SCHEMA_VERSION) => Ok(()),
            Some(other) => Err(StoreError::Schema(format!(
                "database schema version {other}, this dyad reads version {SCHEMA_VERSION}"
            ))),
            None => Err(StoreError::Schema("database has no schema version".into())),
        }
    }

    fn init(&self) -> Result<()> {
        let tables: i64 = self.conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type='table'",
            [],
            |r| r.get(0),
        )?;
        if tables == 0 {
            let tx = self.conn.unchecked_transaction()?;
            tx.execute_batch(SCHEMA)?;
            tx.execute(
                "INSERT INTO meta(key, value) VALUES ('schema_version', ?1)",
                [SCHEMA_VERSION.to_string()],
            )?;
            tx.commit()?;
        }
        self.check_version()
    }

    /// A handle that interrupts the query running on this store from another thread.
    pub fn interrupt_handle(&self) -> rusqlite::InterruptHandle {
        self.conn.get_interrupt_handle()
    }

    /// The content hash stored for a document id.
    pub fn stored_hash(&self, id: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT hash FROM documents WHERE id=?1")?
            .query_row([id], |r| r.get(0))
            .optional()?)
    }

    /// Stores a batch of coded documents in one transaction. With `keep_text` false the
    /// documents' texts are not stored (events keep their sentence).
    pub fn ingest(&mut self, docs: &[CodedDoc], keep_text: bool) -> Result<IngestStats> {
        let mut stats = IngestStats::default();
        let tx = self.conn.transaction()?;
        let mut touched: BTreeSet<String> = BTreeSet::new();
        {
            let mut get_hash = tx.prepare_cached("SELECT hash FROM documents WHERE id=?1")?;
            let mut old_keys =
                tx.prepare_cached("SELECT DISTINCT agg_key FROM events WHERE doc_id=?1")?;
            let mut del_events = tx.prepare_cached("DELETE FROM events WHERE doc_id=?1")?;
            let mut del_sentences = tx.prepare_cached("DELETE FROM sentences WHERE doc_id=?1")?;
            let mut del_doc = tx.prepare_cached("DELETE FROM documents WHERE id=?1")?;
            let mut ins_doc = tx.prepare_cached(
                "INSERT INTO documents(id, date, lang, url, title, text, hash, source, n_events, n_sentences)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            let mut ins_sentence = tx.prepare_cached(
                "INSERT INTO sentences(doc_id, idx, start, end) VALUES (?1, ?2, ?3, ?4)",
            )?;
            let mut ins_event = tx.prepare_cached(
                "INSERT INTO events(event_id, doc_id, n, sentence, date, day, date_precision,
                    source_code, source_country, source_roles, source_name,
                    target_code, target_country, target_roles, target_name,
                    cameo, root, quad_class, goldstein, place_name, place_country, geonameid, lat, lon,
                    lang, rule, agg_key, json, gdelt)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                    ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29)",
            )?;
            for coded in docs {
                let doc = &coded.doc;
                let existing: Option<String> =
                    get_hash.query_row([&doc.id], |r| r.get(0)).optional()?;
                if existing.as_deref() == Some(coded.hash.as_str()) {
                    stats.unchanged += 1;
                    continue;
                }
                if existing.is_some() {
                    let keys = old_keys
                        .query_map([&doc.id], |r| r.get::<_, String>(0))?
                        .collect::<rusqlite::Result<Vec<_>>>()?;
                    touched.extend(keys);
                    del_events.execute([&doc.id])?;
                    del_sentences.execute([&doc.id])?;
                    del_doc.execute([&doc.id])?;
                    stats.replaced += 1;
                } else {
                    stats.inserted += 1;
                }
                ins_doc.execute(params![
                    doc.id,
                    doc.date.map(|d| d.to_string()),
                    doc.lang.code(),
                    doc.url,
                    doc.title,
                    keep_text.then_some(doc.text.as_str()),
                    coded.hash,
                    doc_source(doc),
                    coded.events.len() as i64,
                    coded.sentences.len() as i64,
                ])?;
                for (i, (s, e)) in coded.sentences.iter().enumerate() {
                    ins_sentence.execute(params![doc.id, i as i64, *s as i64, *e as i64])?;
                }
                for (n, (json, gdelt)) in coded.events.iter().enumerate() {
                    let key = agg_key(json);
                    let date = str_field(json, &["date"]);
                    let day = date.and_then(Date::parse).map(|d| d.days());
                    let cameo = str_field(json, &["cameo"]).unwrap_or("");
                    let target = json.get("target").filter(|t| !t.is_null());
                    let place = json.get("place").filter(|p| !p.is_null());
                    ins_event.execute(params![
                        str_field(json, &["event_id"]),
                        doc.id,
                        n as i64,
                        json.get("sentence").and_then(Value::as_i64),
                        date,
                        day,
                        str_field(json, &["date_precision"]),
                        str_field(json, &["source", "code"]),
                        str_field(json, &["source", "country"]),
                        json.get("source").map(roles).unwrap_or_default(),
                        str_field(json, &["source", "name"]),
                        target.and_then(|t| t.get("code")).and_then(Value::as_str),
                        target
                            .and_then(|t| t.get("country"))
                            .and_then(Value::as_str),
                        target.map(roles),
                        target.and_then(|t| t.get("name")).and_then(Value::as_str),
                        cameo,
                        cameo.get(..2).unwrap_or(cameo),
                        json.get("quad_class").and_then(Value::as_i64),
                        json.get("goldstein").and_then(Value::as_f64),
                        place.and_then(|p| p.get("name")).and_then(Value::as_str),
                        place.and_then(|p| p.get("country")).and_then(Value::as_str),
                        place
                            .and_then(|p| p.get("geonameid"))
                            .and_then(Value::as_i64),
                        place.and_then(|p| p.get("lat")).and_then(Value::as_f64),
                        place.and_then(|p| p.get("lon")).and_then(Value::as_f64),
                        doc.lang.code(),
                        str_field(json, &["rule"]).unwrap_or(""),
                        key,
                        json.to_string(),
                        gdelt,
                    ])?;
                    touched.insert(key);
                    stats.events += 1;
                }
            }
            let mut count = tx.prepare_cached(
                "SELECT count(*), count(DISTINCT e.doc_id), count(DISTINCT d.source),
                        min(e.event_id), min(e.day)
                 FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.agg_key = ?1",
            )?;
            let mut upsert = tx.prepare_cached(
                "INSERT INTO aggregates(key, rep_event, day, num_mentions, num_articles, num_sources)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT(key) DO UPDATE SET rep_event=excluded.rep_event, day=excluded.day,
                    num_mentions=excluded.num_mentions, num_articles=excluded.num_articles,
                    num_sources=excluded.num_sources",
            )?;
            let mut del_agg = tx.prepare_cached("DELETE FROM aggregates WHERE key=?1")?;
            for key in &touched {
                let (mentions, articles, sources, rep, day): (
                    i64,
                    i64,
                    i64,
                    Option<String>,
                    Option<i64>,
                ) = count.query_row([key], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })?;
                match rep {
                    Some(rep) if mentions > 0 => {
                        upsert.execute(params![key, rep, day, mentions, articles, sources])?;
                    }
                    _ => {
                        del_agg.execute([key])?;
                    }
                }
            }
        }
        if stats.inserted + stats.replaced > 0 {
            // Readers that keep a projection of the events (the server's `Facts`) reload it
            // when this counter moves.
            tx.execute(
                "INSERT INTO meta(key, value) VALUES ('generation', '1')
                 ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
                [],
            )?;
        }
        tx.commit()?;
        Ok(stats)
    }

    /// Row counts.
    pub fn counts(&self) -> Result<Counts> {
        let n = |sql: &str| -> Result<u64> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
        };
        Ok(Counts {
            documents: n("SELECT count(*) FROM documents")?,
            sentences: n("SELECT count(*) FROM sentences")?,
            events: n("SELECT count(*) FROM events")?,
            aggregated: n("SELECT count(*) FROM aggregates")?,
        })
    }

    /// Checks the database: SQLite's integrity check plus dyad's invariants (every event and
    /// sentence belongs to a stored document, every document has the events and sentences it
    /// says, every aggregate counts exactly its mentions). Returns the problems found.
    pub fn check(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let ok: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if ok != "ok" {
            problems.push(format!("integrity_check: {ok}"));
        }
        let checks = [
            (
                "events without a document",
                "SELECT count(*) FROM events e LEFT JOIN documents d ON d.id=e.doc_id WHERE d.id IS NULL",
            ),
            (
                "sentences without a document",
                "SELECT count(*) FROM sentences s LEFT JOIN documents d ON d.id=s.doc_id WHERE d.id IS NULL",
            ),
            (
                "documents whose event count is wrong",
                "SELECT count(*) FROM documents d WHERE n_events != (SELECT count(*) FROM events e WHERE e.doc_id=d.id)",
            ),
            (
                "documents whose sentence count is wrong",
                "SELECT count(*) FROM documents d WHERE n_sentences != (SELECT count(*) FROM sentences s WHERE s.doc_id=d.id)",
            ),
            (
                "aggregates whose counts are wrong",
                "SELECT count(*) FROM aggregates a WHERE num_mentions != (SELECT count(*) FROM events e WHERE e.agg_key=a.key)
                   OR num_articles != (SELECT count(DISTINCT doc_id) FROM events e WHERE e.agg_key=a.key)",
            ),
            (
                "events without an aggregate",
                "SELECT count(*) FROM events e LEFT JOIN aggregates a ON a.key=e.agg_key WHERE a.key IS NULL",
            ),
        ];
        for (what, sql) in checks {
            let n: i64 = self.conn.query_row(sql, [], |r| r.get(0))?;
            if n > 0 {
                problems.push(format!("{n} {what}"));
            }
        }
        Ok(problems)
    }

    /// The underlying connection, for queries of this crate.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}
