//! Queries: events (mentions or aggregated), dyads per period, actors, one document.

use crate::{Result, Store, StoreError};
use rusqlite::types::Value as Sql;
use rusqlite::OptionalExtension;
use serde_json::{json, Map, Value};

/// Mentions (one row per event found in a sentence) or aggregated events (one row per date,
/// source, target, CAMEO code and place, with GDELT's counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// Every coded event.
    #[default]
    Mentions,
    /// Deduplicated events.
    Aggregated,
}

/// Which events to take. Actor and CAMEO filters match code prefixes (`RUS` matches `RUSGOV`,
/// `19` matches `190` and `193`).
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// First day, as days since 1970-01-01 (inclusive).
    pub from: Option<i64>,
    /// Last day (inclusive).
    pub to: Option<i64>,
    /// Source actor code prefix.
    pub source: Option<String>,
    /// Target actor code prefix.
    pub target: Option<String>,
    /// Either actor's code prefix.
    pub actor: Option<String>,
    /// Either actor's country (ISO alpha-3).
    pub country: Option<String>,
    /// A role code either actor has (`GOV`, `MIL`...).
    pub role: Option<String>,
    /// CAMEO code prefix.
    pub cameo: Option<String>,
    /// CAMEO roots (two digits each); empty takes every root.
    pub roots: Vec<String>,
    /// QuadClass 1..4.
    pub quad_class: Option<u8>,
    /// Lowest Goldstein score.
    pub goldstein_min: Option<f64>,
    /// Highest Goldstein score.
    pub goldstein_max: Option<f64>,
    /// Place inside `[min_lon, min_lat, max_lon, max_lat]`.
    pub bbox: Option<[f64; 4]>,
    /// Document language.
    pub lang: Option<String>,
    /// Document id.
    pub doc: Option<String>,
    /// Place (GeoNames id).
    pub place: Option<i64>,
    /// Events between two actors, either way (code prefixes).
    pub dyad: Option<(String, String)>,
}

/// Order of events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EventSort {
    /// Oldest first.
    #[default]
    DateAsc,
    /// Newest first.
    DateDesc,
    /// Most hostile first.
    GoldsteinAsc,
    /// Most cooperative first.
    GoldsteinDesc,
    /// Most mentioned first.
    MentionsDesc,
}

/// A page of events.
#[derive(Debug, Clone, Default)]
pub struct EventQuery {
    /// Which events.
    pub filter: Filter,
    /// Mentions or aggregated events.
    pub view: View,
    /// Order.
    pub sort: EventSort,
    /// Page size.
    pub limit: usize,
    /// Rows to skip.
    pub offset: usize,
}

/// One event found by a query.
#[derive(Debug, Clone)]
pub struct Matched {
    /// The event as JSON: `dyad code`'s object plus its aggregate's counts (mentions view), or
    /// the aggregated event with links to every mention (aggregated view).
    pub json: Value,
    /// The GDELT row, with the aggregate's NumMentions, NumSources and NumArticles.
    pub gdelt: String,
}

/// The answer to an [`EventQuery`].
#[derive(Debug, Clone)]
pub struct EventPage {
    /// Events matching the filter, all pages together.
    pub total: u64,
    /// This page.
    pub events: Vec<Matched>,
}

/// Period of the dyad series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Interval {
    /// Per day (day-precision dates only).
    #[default]
    Day,
    /// Per ISO week, named by its Monday (day-precision dates only).
    Week,
    /// Per month.
    Month,
    /// One period for everything (dated or not).
    All,
}

impl Interval {
    /// The name of the interval in the API.
    pub fn name(self) -> &'static str {
        match self {
            Interval::Day => "day",
            Interval::Week => "week",
            Interval::Month => "month",
            Interval::All => "all",
        }
    }
}

/// Order of dyad rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DyadSort {
    /// By period, then dyad.
    #[default]
    Period,
    /// Most events first.
    CountDesc,
    /// Lowest Goldstein sum (most hostile) first.
    GoldsteinSumAsc,
    /// Highest Goldstein sum first.
    GoldsteinSumDesc,
    /// Lowest mean first.
    GoldsteinMeanAsc,
    /// Highest mean first.
    GoldsteinMeanDesc,
}

/// Counts and Goldstein sums per directed dyad and period.
#[derive(Debug, Clone, Default)]
pub struct DyadQuery {
    /// Which events.
    pub filter: Filter,
    /// Count mentions or aggregated events.
    pub view: View,
    /// Period.
    pub interval: Interval,
    /// Order.
    pub sort: DyadSort,
    /// Page size.
    pub limit: usize,
    /// Rows to skip.
    pub offset: usize,
}

/// Actors with their event counts.
#[derive(Debug, Clone, Default)]
pub struct ActorQuery {
    /// Code prefix or part of the name (case-insensitive).
    pub q: Option<String>,
    /// Country.
    pub country: Option<String>,
    /// Page size.
    pub limit: usize,
    /// Rows to skip.
    pub offset: usize,
}

/// The greatest string that starts with `p`, for range scans on prefixes.
fn upper(p: &str) -> String {
    format!("{p}\u{10FFFF}")
}

struct Where {
    sql: Vec<String>,
    params: Vec<Sql>,
}

impl Where {
    fn push(&mut self, sql: &str, params: impl IntoIterator<Item = Sql>) {
        let mut params = params.into_iter();
        let mut s = String::with_capacity(sql.len() + 8);
        for c in sql.chars() {
            if c == '?' {
                if let Some(p) = params.next() {
                    self.params.push(p);
                    s.push_str(&format!("?{}", self.params.len()));
                    continue;
                }
            }
            s.push(c);
        }
        self.sql.push(s);
    }

    fn prefix(&mut self, col: &str, p: &str) {
        self.push(
            &format!("({col} >= ? AND {col} < ?)"),
            [Sql::Text(p.to_string()), Sql::Text(upper(p))],
        );
    }

    fn clause(&self) -> String {
        if self.sql.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.sql.join(" AND "))
        }
    }
}

/// Builds the WHERE clause over `e` (an event row). In the aggregated view, per-mention
/// filters (language, document) ask whether any mention matches.
fn where_clause(f: &Filter, view: View) -> Where {
    let mut w = Where {
        sql: Vec::new(),
        params: Vec::new(),
    };
    if let Some(d) = f.from {
        w.push("e.day >= ?", [Sql::Integer(d)]);
    }
    if let Some(d) = f.to {
        w.push("e.day <= ?", [Sql::Integer(d)]);
    }
    if let Some(s) = &f.source {
        w.prefix("e.source_code", s);
    }
    if let Some(s) = &f.target {
        w.prefix("e.target_code", s);
    }
    if let Some(s) = &f.actor {
        w.push(
            "((e.source_code >= ? AND e.source_code < ?) OR (e.target_code >= ? AND e.target_code < ?))",
            [
                Sql::Text(s.clone()),
                Sql::Text(upper(s)),
                Sql::Text(s.clone()),
                Sql::Text(upper(s)),
            ],
        );
    }
    if let Some(c) = &f.country {
        w.push(
            "(e.source_country = ? OR e.target_country = ?)",
            [Sql::Text(c.clone()), Sql::Text(c.clone())],
        );
    }
    if let Some(r) = &f.role {
        let pat = format!("%,{r},%");
        w.push(
            "((',' || e.source_roles || ',') LIKE ? OR (',' || coalesce(e.target_roles, '') || ',') LIKE ?)",
            [Sql::Text(pat.clone()), Sql::Text(pat)],
        );
    }
    if let Some(c) = &f.cameo {
        w.prefix("e.cameo", c);
    }
    if !f.roots.is_empty() {
        let marks = vec!["?"; f.roots.len()].join(", ");
        w.push(
            &format!("e.root IN ({marks})"),
            f.roots.iter().map(|r| Sql::Text(r.clone())),
        );
    }
    if let Some(g) = f.place {
        w.push("e.geonameid = ?", [Sql::Integer(g)]);
    }
    if let Some((a, b)) = &f.dyad {
        let range = |p: &String| [Sql::Text(p.clone()), Sql::Text(upper(p))];
        w.push(
            "((e.source_code >= ? AND e.source_code < ? AND e.target_code >= ? AND e.target_code < ?)
              OR (e.source_code >= ? AND e.source_code < ? AND e.target_code >= ? AND e.target_code < ?))",
            range(a).into_iter().chain(range(b)).chain(range(b)).chain(range(a)),
        );
    }
    if let Some(q) = f.quad_class {
        w.push("e.quad_class = ?", [Sql::Integer(i64::from(q))]);
    }
    if let Some(g) = f.goldstein_min {
        w.push("e.goldstein >= ?", [Sql::Real(g)]);
    }
    if let Some(g) = f.goldstein_max {
        w.push("e.goldstein <= ?", [Sql::Real(g)]);
    }
    if let Some([x0, y0, x1, y1]) = f.bbox {
        w.push(
            "(e.lon >= ? AND e.lon <= ? AND e.lat >= ? AND e.lat <= ?)",
            [Sql::Real(x0), Sql::Real(x1), Sql::Real(y0), Sql::Real(y1)],
        );
    }
    let per_mention = |col: &str| match view {
        View::Mentions => format!("e.{col} = ?"),
        View::Aggregated => {
            format!("EXISTS (SELECT 1 FROM events m WHERE m.agg_key = a.key AND m.{col} = ?)")
        }
    };
    if let Some(l) = &f.lang {
        w.push(&per_mention("lang"), [Sql::Text(l.clone())]);
    }
    if let Some(d) = &f.doc {
        w.push(&per_mention("doc_id"), [Sql::Text(d.clone())]);
    }
    w
}

fn from_clause(view: View) -> &'static str {
    match view {
        View::Mentions => "events e JOIN aggregates a ON a.key = e.agg_key",
        View::Aggregated => "aggregates a JOIN events e ON e.event_id = a.rep_event",
    }
}

/// Puts the aggregate's counts (and, for aggregated events, its id) into a GDELT row.
fn patch_gdelt(row: &str, global_id: Option<u64>, counts: [i64; 3]) -> String {
    let mut cols: Vec<String> = row.split('\t').map(str::to_string).collect();
    if cols.len() == 61 {
        if let Some(id) = global_id {
            cols[0] = id.to_string();
        }
        for (i, c) in counts.iter().enumerate() {
            cols[31 + i] = c.to_string();
        }
    }
    cols.join("\t")
}

/// The fields an aggregated event shares with each of its mentions.
const SHARED: [&str; 10] = [
    "date",
    "date_precision",
    "source",
    "target",
    "cameo",
    "cameo_name",
    "quad_class",
    "goldstein",
    "plover",
    "place",
];

impl Store {
    /// A page of events.
    pub fn events(&self, q: &EventQuery) -> Result<EventPage> {
        let w = where_clause(&q.filter, q.view);
        let from = from_clause(q.view);
        let total: i64 = self.conn().query_row(
            &format!("SELECT count(*) FROM {from} {}", w.clause()),
            rusqlite::params_from_iter(w.params.iter()),
            |r| r.get(0),
        )?;
        let order = match q.sort {
            EventSort::DateAsc => "e.day ASC, e.event_id ASC",
            EventSort::DateDesc => "e.day DESC, e.event_id ASC",
            EventSort::GoldsteinAsc => "e.goldstein ASC, e.day ASC, e.event_id ASC",
            EventSort::GoldsteinDesc => "e.goldstein DESC, e.day ASC, e.event_id ASC",
            EventSort::MentionsDesc => "a.num_mentions DESC, e.day ASC, e.event_id ASC",
        };
        let mut events = Vec::new();
        self.scan(
            q.view,
            &q.filter,
            order,
            Some((q.limit, q.offset)),
            &mut |m| {
                events.push(m);
                Ok(())
            },
        )?;
        Ok(EventPage {
            total: total as u64,
            events,
        })
    }

    /// Hands every matching event to `sink` without paging: events with a day-precision date
    /// first, oldest first, then the others.
    pub fn for_each_event(
        &self,
        view: View,
        filter: &Filter,
        sink: &mut dyn FnMut(Matched) -> Result<()>,
    ) -> Result<()> {
        self.scan(
            view,
            filter,
            "e.date_precision IS NOT 'day', e.day ASC, e.event_id ASC",
            None,
            sink,
        )
    }

    fn scan(
        &self,
        view: View,
        filter: &Filter,
        order: &str,
        page: Option<(usize, usize)>,
        sink: &mut dyn FnMut(Matched) -> Result<()>,
    ) -> Result<()> {
        let w = where_clause(filter, view);
        let from = from_clause(view);
        let limit = match page {
            Some((limit, offset)) => format!("LIMIT {limit} OFFSET {offset}"),
            None => String::new(),
        };
        let sql = format!(
            "SELECT e.json, e.gdelt, a.id, a.key, a.num_mentions, a.num_sources, a.num_articles
             FROM {from} {} ORDER BY {order} {limit}",
            w.clause()
        );
        let mut stmt = self.conn().prepare(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(w.params.iter()))?;
        while let Some(r) = rows.next()? {
            sink(self.matched(view, r)?)?;
        }
        Ok(())
    }

    /// The events with these row ids in the mentions view, in the order given (ids that are
    /// not there are skipped).
    pub fn mentions_by_rowid(&self, rowids: &[i64]) -> Result<Vec<Matched>> {
        if rowids.is_empty() {
            return Ok(Vec::new());
        }
        let list: Vec<String> = rowids.iter().map(i64::to_string).collect();
        let sql = format!(
            "SELECT e.json, e.gdelt, a.id, a.key, a.num_mentions, a.num_sources, a.num_articles,
                    e.rowid
             FROM {} WHERE e.rowid IN ({})",
            from_clause(View::Mentions),
            list.join(",")
        );
        let mut stmt = self.conn().prepare(&sql)?;
        let mut rows = stmt.query([])?;
        let mut found = std::collections::HashMap::new();
        while let Some(r) = rows.next()? {
            found.insert(r.get::<_, i64>(7)?, self.matched(View::Mentions, r)?);
        }
        Ok(rowids.iter().filter_map(|id| found.remove(id)).collect())
    }

    /// One row of `SELECT e.json, e.gdelt, a.id, a.key, a.num_mentions, a.num_sources,
    /// a.num_articles` as an event of `view`.
    fn matched(&self, view: View, r: &rusqlite::Row<'_>) -> Result<Matched> {
        let mut mentions = self.conn().prepare_cached(
            "SELECT event_id, doc_id FROM events WHERE agg_key = ?1 ORDER BY event_id",
        )?;
        let json: String = r.get(0)?;
        let gdelt: String = r.get(1)?;
        let agg_id: i64 = r.get(2)?;
        let key: String = r.get(3)?;
        let counts: [i64; 3] = [r.get(4)?, r.get(5)?, r.get(6)?];
        let mut event: Value = serde_json::from_str(&json)
            .map_err(|e| StoreError::Schema(format!("corrupt event JSON: {e}")))?;
        let counts_json = json!({
            "id": agg_id,
            "num_mentions": counts[0],
            "num_sources": counts[1],
            "num_articles": counts[2],
        });
        let matched = match view {
            View::Mentions => {
                if let Value::Object(m) = &mut event {
                    m.insert("aggregate".into(), counts_json);
                }
                Matched {
                    json: event,
                    gdelt: patch_gdelt(&gdelt, None, counts),
                }
            }
            View::Aggregated => {
                let links: Vec<Value> = mentions
                    .query_map([&key], |m| {
                        Ok(json!({"event_id": m.get::<_, String>(0)?, "doc_id": m.get::<_, String>(1)?}))
                    })?
                    .collect::<rusqlite::Result<_>>()?;
                let mut out = Map::new();
                out.insert("aggregate_id".into(), json!(agg_id));
                for f in SHARED {
                    out.insert(f.into(), event.get(f).cloned().unwrap_or(Value::Null));
                }
                out.insert("num_mentions".into(), json!(counts[0]));
                out.insert("num_sources".into(), json!(counts[1]));
                out.insert("num_articles".into(), json!(counts[2]));
                out.insert("mentions".into(), Value::Array(links));
                out.insert(
                    "example".into(),
                    json!({
                        "event_id": event.get("event_id"),
                        "doc_id": event.get("doc_id"),
                        "trigger": event.get("trigger"),
                        "text": event.get("text"),
                    }),
                );
                Matched {
                    json: Value::Object(out),
                    gdelt: patch_gdelt(&gdelt, Some(crate::output::numeric_id(&key)), counts),
                }
            }
        };
        Ok(matched)
    }

    /// Event counts and Goldstein sums per directed dyad and period. Events without a target
    /// have no dyad and are left out; day and week series use day-precision dates only.
    pub fn dyads(&self, q: &DyadQuery) -> Result<(u64, Vec<Value>)> {
        let mut w = where_clause(&q.filter, q.view);
        w.push("e.target_code IS NOT NULL", []);
        let period = match q.interval {
            Interval::Day => {
                w.push("e.date_precision = 'day'", []);
                "e.date".to_string()
            }
            Interval::Week => {
                w.push("e.date_precision = 'day'", []);
                "date(e.date, '-' || ((CAST(strftime('%w', e.date) AS INTEGER) + 6) % 7) || ' days')"
                    .to_string()
            }
            Interval::Month => {
                w.push("e.date_precision IN ('day', 'month')", []);
                "substr(e.date, 1, 7)".to_string()
            }
            Interval::All => "NULL".to_string(),
        };
        let order = match q.sort {
            DyadSort::Period => "period ASC, source ASC, target ASC",
            DyadSort::CountDesc => "events DESC, period ASC, source ASC, target ASC",
            DyadSort::GoldsteinSumAsc => "goldstein_sum ASC, period ASC, source ASC, target ASC",
            DyadSort::GoldsteinSumDesc => "goldstein_sum DESC, period ASC, source ASC, target ASC",
            DyadSort::GoldsteinMeanAsc => "goldstein_mean ASC, period ASC, source ASC, target ASC",
            DyadSort::GoldsteinMeanDesc => {
                "goldstein_mean DESC, period ASC, source ASC, target ASC"
            }
        };
        let from = from_clause(q.view);
        let grouped = format!(
            "SELECT e.source_code AS source, e.target_code AS target, {period} AS period,
                    count(*) AS events, total(e.goldstein) AS goldstein_sum,
                    avg(e.goldstein) AS goldstein_mean, sum(a.num_mentions) AS mentions
             FROM {from} {} GROUP BY source, target, period",
            w.clause()
        );
        let total: i64 = self.conn().query_row(
            &format!("SELECT count(*) FROM ({grouped})"),
            rusqlite::params_from_iter(w.params.iter()),
            |r| r.get(0),
        )?;
        let sql = format!(
            "SELECT * FROM ({grouped}) ORDER BY {order} LIMIT {} OFFSET {}",
            q.limit, q.offset
        );
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(w.params.iter()), |r| {
                let mean: Option<f64> = r.get(5)?;
                let mut row = json!({
                    "source": r.get::<_, String>(0)?,
                    "target": r.get::<_, String>(1)?,
                    "period": r.get::<_, Option<String>>(2)?,
                    "events": r.get::<_, i64>(3)?,
                    "goldstein_sum": round(r.get::<_, f64>(4)?),
                    "goldstein_mean": mean.map(round),
                });
                if q.view == View::Aggregated {
                    row["mentions"] = json!(r.get::<_, i64>(6)?);
                }
                Ok(row)
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok((total as u64, rows))
    }

    /// One document with its sentences and its events, each with the spans of its evidence
    /// (sentence, trigger, source, target, place). `None` when there is no such document.
    pub fn document(&self, id: &str) -> Result<Option<Value>> {
        let doc = self
            .conn()
            .query_row(
                "SELECT id, date, lang, url, title, text, hash, source FROM documents WHERE id = ?1",
                [id],
                |r| {
                    Ok(json!({
                        "id": r.get::<_, String>(0)?,
                        "date": r.get::<_, Option<String>>(1)?,
                        "lang": r.get::<_, String>(2)?,
                        "url": r.get::<_, Option<String>>(3)?,
                        "title": r.get::<_, Option<String>>(4)?,
                        "text": r.get::<_, Option<String>>(5)?,
                        "hash": r.get::<_, String>(6)?,
                        "source": r.get::<_, String>(7)?,
                    }))
                },
            )
            .optional()?;
        let Some(mut doc) = doc else {
            return Ok(None);
        };
        let mut stmt = self
            .conn()
            .prepare("SELECT start, end FROM sentences WHERE doc_id = ?1 ORDER BY idx")?;
        let sentences: Vec<(i64, i64)> = stmt
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self
            .conn()
            .prepare("SELECT json FROM events WHERE doc_id = ?1 ORDER BY n")?;
        let events: Vec<String> = stmt
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let span = |v: &Value| v.get("span").cloned().unwrap_or(Value::Null);
        let mut out = Vec::new();
        for e in events {
            let mut e: Value = serde_json::from_str(&e)
                .map_err(|err| StoreError::Schema(format!("corrupt event JSON: {err}")))?;
            let sentence = e
                .get("sentence")
                .and_then(Value::as_u64)
                .and_then(|i| sentences.get(i as usize))
                .map_or(Value::Null, |(s, t)| json!([s, t]));
            e["evidence"] = json!({
                "sentence": sentence,
                "trigger": e.get("trigger").map(span).unwrap_or(Value::Null),
                "source": e.get("source").map(span).unwrap_or(Value::Null),
                "target": e.get("target").map(span).unwrap_or(Value::Null),
                "place": e.get("place").map(span).unwrap_or(Value::Null),
            });
            out.push(e);
        }
        doc["sentences"] = json!(sentences
            .iter()
            .map(|(s, e)| json!([s, e]))
            .collect::<Vec<_>>());
        doc["events"] = Value::Array(out);
        Ok(Some(doc))
    }
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
