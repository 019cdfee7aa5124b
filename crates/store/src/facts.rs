//! An in-memory column projection of the events table, for the dashboard's aggregates.
//!
//! A dashboard view asks for counts grouped by day, dyad, place or actor under any combination
//! of filters. On a million events SQLite answers such a query in seconds: every grouping scans
//! the whole table, whose rows carry their JSON and GDELT text. [`Facts`] keeps only what the
//! filters and the groupings read (about 64 bytes per event, codes interned), loaded once per
//! database *generation* (a counter every ingest bumps), so every aggregate is one pass over a
//! vector: milliseconds for a million events, whatever the filter.
//!
//! The answers are the ones the SQL queries of `query.rs` give in the mentions view (a test
//! compares them on the same database); the aggregated view stays in SQL.

use crate::query::{ActorQuery, DyadQuery, DyadSort, EventSort, Filter, Interval};
use crate::{Result, Store};
use dyad_lexicon::Date;
use rustc_hash::FxHashMap as HashMap;
use serde_json::{json, Value};

const NONE: u32 = u32::MAX;

/// One event, projected: 64 bytes.
#[derive(Debug, Clone, Copy)]
struct Row {
    rowid: i64,
    /// Goldstein score, NaN when unknown.
    goldstein_or_nan: f64,
    /// Days since 1970-01-01 (of the first day of the month for month-precision dates);
    /// `NO_DAY` when undated.
    day_or_min: i32,
    /// Rank of the event id in byte order, the tie-break of every event order.
    rank: u32,
    source: u32,
    /// `NONE` when the event has no target.
    target: u32,
    doc: u32,
    /// `NONE` when the event has no place.
    place: u32,
    mentions: u32,
    /// Bit i: the source has role i of `Facts::roles`.
    source_roles: u32,
    target_roles: u32,
    source_country: u16,
    target_country: u16,
    cameo: u16,
    /// CAMEO root 1..=20 (0 when unknown).
    root: u8,
    /// 0 when unknown.
    quad: u8,
    lang: u8,
    precision: Precision,
}

const NO_DAY: i32 = i32::MIN;

impl Row {
    fn day(&self) -> Option<i64> {
        (self.day_or_min != NO_DAY).then_some(i64::from(self.day_or_min))
    }

    fn goldstein(&self) -> Option<f64> {
        (!self.goldstein_or_nan.is_nan()).then_some(self.goldstein_or_nan)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Precision {
    Day,
    Month,
    Other,
}

/// A place events happen at.
#[derive(Debug, Clone)]
struct PlaceInfo {
    geonameid: i64,
    name: String,
    country: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
}

/// Interned strings.
#[derive(Debug, Default)]
struct Interner {
    ids: HashMap<String, u32>,
    names: Vec<String>,
}

impl Interner {
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.names.len() as u32;
        self.ids.insert(s.to_string(), id);
        self.names.push(s.to_string());
        id
    }

    fn get(&self, s: &str) -> Option<u32> {
        self.ids.get(s).copied()
    }

    /// A bitmap of the ids whose string starts with `prefix`.
    fn prefixed(&self, prefix: &str) -> Vec<bool> {
        self.names.iter().map(|n| n.starts_with(prefix)).collect()
    }
}

/// The events of a database, projected for aggregation. Build it with [`Store::facts`].
#[derive(Debug)]
pub struct Facts {
    generation: i64,
    rows: Vec<Row>,
    codes: Interner,
    /// A name per actor code (the most frequent one).
    code_names: Vec<String>,
    /// Events per actor code, as source and as target.
    code_counts: Vec<(u64, u64)>,
    /// The country of each actor code (0 for none), as its events give it.
    code_country: Vec<u16>,
    countries: Interner,
    roles: Interner,
    cameos: Interner,
    langs: Interner,
    places: Vec<PlaceInfo>,
    place_ids: HashMap<i64, u32>,
    docs: Interner,
    /// Per document: its source (URL host) and language ids.
    doc_info: Vec<(u32, u32)>,
    sources: Interner,
}

/// A filter compiled against the interned columns: every test is a lookup.
struct Compiled {
    from: Option<i64>,
    to: Option<i64>,
    source: Option<Vec<bool>>,
    target: Option<Vec<bool>>,
    actor: Option<Vec<bool>>,
    dyad: Option<(Vec<bool>, Vec<bool>)>,
    country: Option<u16>,
    role: Option<u32>,
    cameo: Option<Vec<bool>>,
    roots: Option<u32>,
    quad: Option<u8>,
    goldstein_min: Option<f64>,
    goldstein_max: Option<f64>,
    bbox: Option<[f64; 4]>,
    lang: Option<u8>,
    doc: Option<u32>,
    place: Option<u32>,
    /// Some filter names a value no event has: nothing matches.
    empty: bool,
}

fn code_in(set: &Option<Vec<bool>>, id: u32) -> bool {
    set.as_ref()
        .is_none_or(|s| id != NONE && s.get(id as usize).copied().unwrap_or(false))
}

fn hit(set: &[bool], id: u32) -> bool {
    id != NONE && set.get(id as usize).copied().unwrap_or(false)
}

impl Compiled {
    fn matches(&self, r: &Row, places: &[PlaceInfo]) -> bool {
        if self.from.is_some_and(|f| r.day().is_none_or(|d| d < f))
            || self.to.is_some_and(|t| r.day().is_none_or(|d| d > t))
            || !code_in(&self.source, r.source)
            || !code_in(&self.target, r.target)
        {
            return false;
        }
        if let Some(a) = &self.actor {
            if !hit(a, r.source) && !hit(a, r.target) {
                return false;
            }
        }
        if let Some((a, b)) = &self.dyad {
            if !(hit(a, r.source) && hit(b, r.target) || hit(b, r.source) && hit(a, r.target)) {
                return false;
            }
        }
        if self
            .country
            .is_some_and(|c| r.source_country != c && r.target_country != c)
            || self
                .role
                .is_some_and(|bit| (r.source_roles | r.target_roles) & bit == 0)
            || !code_in(&self.cameo, u32::from(r.cameo))
            || self.roots.is_some_and(|m| m & (1 << r.root) == 0)
            || self.quad.is_some_and(|q| r.quad != q)
            || self
                .goldstein_min
                .is_some_and(|g| r.goldstein().is_none_or(|x| x < g))
            || self
                .goldstein_max
                .is_some_and(|g| r.goldstein().is_none_or(|x| x > g))
            || self.lang.is_some_and(|l| r.lang != l)
            || self.doc.is_some_and(|d| r.doc != d)
            || self.place.is_some_and(|p| r.place != p)
        {
            return false;
        }
        if let Some([x0, y0, x1, y1]) = self.bbox {
            let Some(p) = places.get(r.place as usize) else {
                return false;
            };
            match (p.lon, p.lat) {
                (Some(x), Some(y)) if x >= x0 && x <= x1 && y >= y0 && y <= y1 => {}
                _ => return false,
            }
        }
        true
    }
}

/// The period an event falls in, as a sortable number and a label maker.
fn period_of(r: &Row, interval: Interval) -> Option<i64> {
    let day = r.day()?;
    match interval {
        Interval::Day if r.precision == Precision::Day => Some(day),
        // Weeks are named by their Monday; 1970-01-01 was a Thursday.
        Interval::Week if r.precision == Precision::Day => Some(day - (day + 3).rem_euclid(7)),
        Interval::Month if r.precision != Precision::Other => {
            let d = Date::from_days(day);
            Some(i64::from(d.year) * 12 + i64::from(d.month) - 1)
        }
        Interval::All => Some(0),
        _ => None,
    }
}

fn period_label(p: i64, interval: Interval) -> Option<String> {
    match interval {
        Interval::Day | Interval::Week => Some(Date::from_days(p).to_string()),
        Interval::Month => Some(format!(
            "{:04}-{:02}",
            p.div_euclid(12),
            p.rem_euclid(12) + 1
        )),
        Interval::All => None,
    }
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Events and Goldstein sums of a group.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    events: u64,
    scored: u64,
    goldstein_sum: f64,
}

impl Tally {
    fn add(&mut self, r: &Row) {
        self.events += 1;
        if let Some(g) = r.goldstein() {
            self.scored += 1;
            self.goldstein_sum += g;
        }
    }

    fn mean(&self) -> Option<f64> {
        (self.scored > 0).then(|| self.goldstein_sum / self.scored as f64)
    }
}

/// The timeline bucket size `auto` picks for a span of days: days up to 120 days, weeks up to
/// three years, months beyond.
pub fn auto_interval(first: Option<i64>, last: Option<i64>) -> Interval {
    match (first, last) {
        (Some(f), Some(l)) if l - f > 3 * 366 => Interval::Month,
        (Some(f), Some(l)) if l - f > 120 => Interval::Week,
        _ => Interval::Day,
    }
}

impl Store {
    /// The generation of the data: a counter every ingest that changes something bumps.
    pub fn generation(&self) -> Result<i64> {
        Ok(self
            .conn()
            .query_row(
                "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'), 0)",
                [],
                |r| r.get(0),
            )?)
    }

    /// Projects every event into memory (see [`Facts`]), from one consistent snapshot of the
    /// database (a read transaction), whatever another process writes meanwhile.
    pub fn facts(&self) -> Result<Facts> {
        self.conn().execute_batch("BEGIN DEFERRED")?;
        let facts = self.load_facts();
        let end = self.conn().execute_batch("COMMIT");
        let facts = facts?;
        end?;
        Ok(facts)
    }

    fn load_facts(&self) -> Result<Facts> {
        let generation = self.generation()?;
        let conn = self.conn();
        let mut f = Facts {
            generation,
            rows: Vec::new(),
            codes: Interner::default(),
            code_names: Vec::new(),
            code_counts: Vec::new(),
            code_country: Vec::new(),
            countries: Interner::default(),
            roles: Interner::default(),
            cameos: Interner::default(),
            langs: Interner::default(),
            places: Vec::new(),
            place_ids: HashMap::default(),
            docs: Interner::default(),
            doc_info: Vec::new(),
            sources: Interner::default(),
        };
        // Country id 0 is "none", so that a missing country never equals a filter.
        f.countries.id("");
        let mut stmt = conn.prepare("SELECT id, source, lang FROM documents")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: String = r.get(0)?;
            let source: String = r.get(1)?;
            let lang: String = r.get(2)?;
            f.docs.id(&id);
            let info = (f.sources.id(&source), f.langs.id(&lang));
            f.doc_info.push(info);
        }
        let mut name_votes: Vec<HashMap<String, u64>> = Vec::new();
        let mut ids: Vec<Box<str>> = Vec::new();
        let mut stmt = conn.prepare(
            "SELECT e.rowid, e.event_id, e.doc_id, e.day, e.date_precision,
                    e.source_code, e.source_country, e.source_roles, e.source_name,
                    e.target_code, e.target_country, e.target_roles, e.target_name,
                    e.cameo, e.root, e.quad_class, e.goldstein,
                    e.geonameid, e.place_name, e.place_country, e.lat, e.lon, e.lang,
                    e.agg_key
             FROM events e",
        )?;
        // Joining the aggregates in SQL costs an index search per event; most aggregates have
        // one mention, so a map of the others is smaller and faster.
        let mut shared: HashMap<String, u32> = HashMap::default();
        let mut agg =
            conn.prepare("SELECT key, num_mentions FROM aggregates WHERE num_mentions > 1")?;
        let mut agg_rows = agg.query([])?;
        while let Some(r) = agg_rows.next()? {
            let n = r.get::<_, i64>(1)?.clamp(0, i64::from(u32::MAX)) as u32;
            shared.insert(r.get(0)?, n);
        }
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            // Strings are borrowed from SQLite's row and interned: a million events must not
            // cost a dozen million allocations.
            let precision = match text(r, 4)? {
                Some("day") => Precision::Day,
                Some("month") => Precision::Month,
                _ => Precision::Other,
            };
            let mut actor = |code: Option<&str>, name: Option<&str>| -> u32 {
                let Some(code) = code else { return NONE };
                let id = f.codes.id(code);
                if id as usize == name_votes.len() {
                    name_votes.push(HashMap::default());
                }
                if let Some(name) = name {
                    let votes = &mut name_votes[id as usize];
                    match votes.get_mut(name) {
                        Some(n) => *n += 1,
                        None => {
                            votes.insert(name.to_string(), 1);
                        }
                    }
                }
                id
            };
            let source = actor(text(r, 5)?, text(r, 8)?);
            let target = actor(text(r, 9)?, text(r, 12)?);
            let country = |f: &mut Facts, c: Option<&str>| -> u16 {
                c.map_or(0, |c| f.countries.id(c) as u16)
            };
            let source_country = country(&mut f, text(r, 6)?);
            let target_country = country(&mut f, text(r, 10)?);
            let roles = |f: &mut Facts, list: Option<&str>| -> u32 {
                list.unwrap_or_default()
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(|role| f.roles.id(role))
                    .filter(|&i| i < 32)
                    .fold(0, |m, i| m | 1 << i)
            };
            let source_roles = roles(&mut f, text(r, 7)?);
            let target_roles = roles(&mut f, text(r, 11)?);
            let place = match r.get::<_, Option<i64>>(17)? {
                None => NONE,
                Some(g) => match f.place_ids.get(&g) {
                    Some(&id) => id,
                    None => {
                        let id = f.places.len() as u32;
                        f.places.push(PlaceInfo {
                            geonameid: g,
                            name: text(r, 18)?.unwrap_or_default().to_string(),
                            country: text(r, 19)?.map(str::to_string),
                            lat: r.get(20)?,
                            lon: r.get(21)?,
                        });
                        f.place_ids.insert(g, id);
                        id
                    }
                },
            };
            let doc = text(r, 2)?.and_then(|d| f.docs.get(d)).unwrap_or(NONE);
            let cameo = f.cameos.id(text(r, 13)?.unwrap_or_default()) as u16;
            let lang = f.langs.id(text(r, 22)?.unwrap_or_default()) as u8;
            f.rows.push(Row {
                rowid: r.get(0)?,
                day_or_min: r
                    .get::<_, Option<i64>>(3)?
                    .and_then(|d| i32::try_from(d).ok())
                    .filter(|&d| d != NO_DAY)
                    .unwrap_or(NO_DAY),
                goldstein_or_nan: r.get::<_, Option<f64>>(16)?.unwrap_or(f64::NAN),
                rank: 0,
                source,
                target,
                doc,
                place,
                mentions: text(r, 23)?
                    .and_then(|k| shared.get(k).copied())
                    .unwrap_or(1),
                source_roles,
                target_roles,
                source_country,
                target_country,
                cameo,
                root: text(r, 14)?
                    .and_then(|root| root.parse::<u8>().ok())
                    .filter(|r| *r <= 20)
                    .unwrap_or(0),
                quad: r
                    .get::<_, Option<i64>>(15)?
                    .filter(|q| (1..=4).contains(q))
                    .unwrap_or(0) as u8,
                lang,
                precision,
            });
            ids.push(text(r, 1)?.unwrap_or_default().into());
        }
        // The tie-break of every order is the event id in byte order, as in SQL.
        let mut order: Vec<u32> = (0..ids.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| ids[a as usize].cmp(&ids[b as usize]));
        for (rank, &i) in order.iter().enumerate() {
            f.rows[i as usize].rank = rank as u32;
        }
        f.code_names = name_votes
            .into_iter()
            .map(|votes| {
                votes
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
                    .map(|(n, _)| n)
                    .unwrap_or_default()
            })
            .collect();
        f.code_counts = vec![(0, 0); f.codes.names.len()];
        f.code_country = vec![0; f.codes.names.len()];
        for r in &f.rows {
            f.code_counts[r.source as usize].0 += 1;
            let c = &mut f.code_country[r.source as usize];
            *c = (*c).max(r.source_country);
            if r.target != NONE {
                f.code_counts[r.target as usize].1 += 1;
                let c = &mut f.code_country[r.target as usize];
                *c = (*c).max(r.target_country);
            }
        }
        Ok(f)
    }
}

impl Facts {
    /// The database generation these facts were loaded from.
    pub fn generation(&self) -> i64 {
        self.generation
    }

    /// Number of events.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are no events.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    fn compile(&self, f: &Filter) -> Compiled {
        let mut empty = false;
        let mut lookup = |interner: &Interner, v: &Option<String>| -> Option<u32> {
            let v = v.as_ref()?;
            let id = interner.get(v);
            empty |= id.is_none();
            Some(id.unwrap_or(NONE))
        };
        let country = lookup(&self.countries, &f.country).map(|c| c as u16);
        let role = lookup(&self.roles, &f.role).map(|i| if i < 32 { 1 << i } else { 0 });
        let lang = lookup(&self.langs, &f.lang).map(|l| l as u8);
        let doc = lookup(&self.docs, &f.doc);
        let place = f.place.map(|g| match self.place_ids.get(&g) {
            Some(&id) => id,
            None => {
                empty = true;
                NONE
            }
        });
        let roots = (!f.roots.is_empty()).then(|| {
            f.roots
                .iter()
                .filter_map(|r| r.parse::<u8>().ok().filter(|r| *r <= 20))
                .fold(0u32, |m, r| m | 1 << r)
        });
        let prefixed = |p: &Option<String>| p.as_ref().map(|p| self.codes.prefixed(p));
        Compiled {
            from: f.from,
            to: f.to,
            source: prefixed(&f.source),
            target: prefixed(&f.target),
            actor: prefixed(&f.actor),
            dyad: f
                .dyad
                .as_ref()
                .map(|(a, b)| (self.codes.prefixed(a), self.codes.prefixed(b))),
            country,
            role: role.filter(|&b| {
                empty |= b == 0;
                true
            }),
            cameo: f.cameo.as_ref().map(|c| self.cameos.prefixed(c)),
            roots,
            quad: f.quad_class,
            goldstein_min: f.goldstein_min,
            goldstein_max: f.goldstein_max,
            bbox: f.bbox,
            lang,
            doc,
            place,
            empty,
        }
    }

    /// Every event the filter takes.
    fn matching<'a>(&'a self, f: &Filter) -> impl Iterator<Item = &'a Row> + 'a {
        let c = self.compile(f);
        let rows: &[Row] = if c.empty { &[] } else { &self.rows };
        rows.iter().filter(move |r| c.matches(r, &self.places))
    }

    fn code(&self, id: u32) -> Option<&str> {
        self.codes.names.get(id as usize).map(String::as_str)
    }

    fn actor_json(&self, id: u32, events: u64) -> Value {
        json!({
            "code": self.code(id),
            "name": self.code_names.get(id as usize),
            "country": self.country_of(id),
            "events": events,
        })
    }

    /// The country of an actor code: its first three letters when they are a country we know.
    fn country_of(&self, id: u32) -> Option<&str> {
        let code = self.code(id)?;
        let c = code.get(..3)?;
        self.countries.get(c).map(|_| c)
    }

    /// Totals for the overview: events, documents, dates, QuadClass counts, and the languages
    /// and sources ingested (documents in the database, and events that match).
    pub fn summary(&self, f: &Filter) -> Value {
        let mut events = 0u64;
        let mut quads = [0u64; 5];
        let mut first: Option<i64> = None;
        let mut last: Option<i64> = None;
        let mut docs = vec![false; self.docs.names.len()];
        let mut by_lang = vec![0u64; self.langs.names.len()];
        let mut by_source = vec![0u64; self.sources.names.len()];
        for r in self.matching(f) {
            events += 1;
            quads[r.quad as usize] += 1;
            if let Some(d) = r.day() {
                first = Some(first.map_or(d, |x| x.min(d)));
                last = Some(last.map_or(d, |x| x.max(d)));
            }
            by_lang[r.lang as usize] += 1;
            if let Some(seen) = docs.get_mut(r.doc as usize) {
                *seen = true;
                by_source[self.doc_info[r.doc as usize].0 as usize] += 1;
            }
        }
        let mut lang_docs = vec![0u64; self.langs.names.len()];
        let mut source_docs = vec![0u64; self.sources.names.len()];
        for &(source, lang) in &self.doc_info {
            lang_docs[lang as usize] += 1;
            source_docs[source as usize] += 1;
        }
        let mut languages: Vec<(usize, &String)> = self.langs.names.iter().enumerate().collect();
        languages.sort_by(|a, b| by_lang[b.0].cmp(&by_lang[a.0]).then(a.1.cmp(b.1)));
        let mut sources: Vec<(usize, &String)> = self.sources.names.iter().enumerate().collect();
        sources.sort_by(|a, b| {
            (by_source[b.0], source_docs[b.0])
                .cmp(&(by_source[a.0], source_docs[a.0]))
                .then(a.1.cmp(b.1))
        });
        let date = |d: Option<i64>| d.map(|d| Date::from_days(d).to_string());
        json!({
            "events": events,
            "documents": docs.iter().filter(|&&d| d).count(),
            "documents_ingested": self.docs.names.len(),
            "first_date": date(first),
            "last_date": date(last),
            "quad_classes": (1..=4).map(|q| json!({"quad_class": q, "events": quads[q]})).collect::<Vec<_>>(),
            "languages": languages.iter().map(|(i, l)| json!({"lang": l, "documents": lang_docs[*i], "events": by_lang[*i]})).collect::<Vec<_>>(),
            "sources": sources.iter().take(20).map(|(i, s)| json!({"source": s, "documents": source_docs[*i], "events": by_source[*i]})).collect::<Vec<_>>(),
        })
    }

    /// First and last day of the events the filter takes.
    pub fn span(&self, f: &Filter) -> (Option<i64>, Option<i64>) {
        let mut span = (None::<i64>, None::<i64>);
        for d in self.matching(f).filter_map(|r| r.day()) {
            span.0 = Some(span.0.map_or(d, |x| x.min(d)));
            span.1 = Some(span.1.map_or(d, |x| x.max(d)));
        }
        span
    }

    /// Events per period, per QuadClass, with the mean Goldstein score. Periods with no event
    /// are left out; `Interval::All` gives one period.
    pub fn timeline(&self, f: &Filter, interval: Interval) -> Value {
        let mut groups: HashMap<i64, (Tally, [u64; 4])> = HashMap::default();
        for r in self.matching(f) {
            let Some(p) = period_of(r, interval) else {
                continue;
            };
            let g = groups.entry(p).or_default();
            g.0.add(r);
            if (1..=4).contains(&r.quad) {
                g.1[r.quad as usize - 1] += 1;
            }
        }
        let mut periods: Vec<_> = groups.into_iter().collect();
        periods.sort_by_key(|(p, _)| *p);
        let periods: Vec<Value> = periods
            .into_iter()
            .map(|(p, (t, q))| {
                json!({
                    "period": period_label(p, interval),
                    "events": t.events,
                    "quad": q,
                    "goldstein_mean": t.mean().map(round),
                })
            })
            .collect();
        json!({ "interval": interval.name(), "periods": periods })
    }

    /// Events, Goldstein sum and mean per directed dyad and period: the mentions view of
    /// [`Store::dyads`], same rows, same order.
    pub fn dyads(&self, q: &DyadQuery) -> (u64, Vec<Value>) {
        let mut groups: HashMap<(u32, u32, i64), Tally> = HashMap::default();
        for r in self.matching(&q.filter).filter(|r| r.target != NONE) {
            if let Some(p) = period_of(r, q.interval) {
                groups.entry((r.source, r.target, p)).or_default().add(r);
            }
        }
        let mut rows: Vec<((u32, u32, i64), Tally)> = groups.into_iter().collect();
        let key = |k: &(u32, u32, i64)| (k.2, self.code(k.0), self.code(k.1));
        rows.sort_by(|(ka, a), (kb, b)| {
            let primary = match q.sort {
                DyadSort::Period => std::cmp::Ordering::Equal,
                DyadSort::CountDesc => b.events.cmp(&a.events),
                DyadSort::GoldsteinSumAsc => a.goldstein_sum.total_cmp(&b.goldstein_sum),
                DyadSort::GoldsteinSumDesc => b.goldstein_sum.total_cmp(&a.goldstein_sum),
                DyadSort::GoldsteinMeanAsc => null_first(a.mean(), b.mean()),
                DyadSort::GoldsteinMeanDesc => null_first(b.mean(), a.mean()),
            };
            primary.then_with(|| key(ka).cmp(&key(kb)))
        });
        let total = rows.len() as u64;
        let page = rows
            .into_iter()
            .skip(q.offset)
            .take(q.limit)
            .map(|((s, t, p), tally)| {
                json!({
                    "source": self.code(s),
                    "target": self.code(t),
                    "period": period_label(p, q.interval),
                    "events": tally.events,
                    "goldstein_sum": round(tally.goldstein_sum),
                    "goldstein_mean": tally.mean().map(round),
                })
            })
            .collect();
        (total, page)
    }

    /// Events per place, most events first, with the mean Goldstein score.
    pub fn map(&self, f: &Filter, limit: usize) -> Value {
        let mut tallies = vec![Tally::default(); self.places.len()];
        for r in self.matching(f).filter(|r| r.place != NONE) {
            tallies[r.place as usize].add(r);
        }
        let mut points: Vec<(usize, Tally)> = tallies
            .into_iter()
            .enumerate()
            .filter(|(_, t)| t.events > 0)
            .collect();
        let total = points.len();
        points.sort_by(|a, b| {
            b.1.events
                .cmp(&a.1.events)
                .then(self.places[a.0].geonameid.cmp(&self.places[b.0].geonameid))
        });
        let points: Vec<Value> = points
            .into_iter()
            .take(limit)
            .map(|(i, t)| {
                let p = &self.places[i];
                json!({
                    "geonameid": p.geonameid,
                    "name": p.name,
                    "country": p.country,
                    "lat": p.lat,
                    "lon": p.lon,
                    "events": t.events,
                    "goldstein_mean": t.mean().map(round),
                })
            })
            .collect();
        json!({ "total": total, "points": points })
    }

    /// The `limit` directed dyads with most events, and their actors with the events each takes
    /// part in under the filter.
    pub fn network(&self, f: &Filter, limit: usize) -> Value {
        let mut edges: HashMap<(u32, u32), Tally> = HashMap::default();
        let mut node_events: HashMap<u32, u64> = HashMap::default();
        for r in self.matching(f).filter(|r| r.target != NONE) {
            edges.entry((r.source, r.target)).or_default().add(r);
            *node_events.entry(r.source).or_default() += 1;
            if r.target != r.source {
                *node_events.entry(r.target).or_default() += 1;
            }
        }
        let total = edges.len();
        let mut edges: Vec<((u32, u32), Tally)> = edges.into_iter().collect();
        edges.sort_by(|(ka, a), (kb, b)| {
            b.events.cmp(&a.events).then_with(|| {
                (self.code(ka.0), self.code(ka.1)).cmp(&(self.code(kb.0), self.code(kb.1)))
            })
        });
        edges.truncate(limit);
        let mut nodes: Vec<u32> = edges.iter().flat_map(|((s, t), _)| [*s, *t]).collect();
        nodes.sort_by(|a, b| self.code(*a).cmp(&self.code(*b)));
        nodes.dedup();
        json!({
            "total_edges": total,
            "nodes": nodes.iter().map(|&n| self.actor_json(n, node_events[&n])).collect::<Vec<_>>(),
            "edges": edges.iter().map(|((s, t), tally)| json!({
                "source": self.code(*s),
                "target": self.code(*t),
                "events": tally.events,
                "goldstein_mean": tally.mean().map(round),
            })).collect::<Vec<_>>(),
        })
    }

    /// The row ids of one page of events in the mentions view, in the order of `sort`, and the
    /// number of events the filter takes.
    pub fn event_page(
        &self,
        f: &Filter,
        sort: EventSort,
        limit: usize,
        offset: usize,
    ) -> (u64, Vec<i64>) {
        let mut hits: Vec<&Row> = self.matching(f).collect();
        let total = hits.len() as u64;
        let cmp = |a: &&Row, b: &&Row| {
            let primary = match sort {
                EventSort::DateAsc => a.day().cmp(&b.day()),
                EventSort::DateDesc => b.day().cmp(&a.day()),
                EventSort::GoldsteinAsc => null_first(a.goldstein(), b.goldstein()),
                EventSort::GoldsteinDesc => null_first(b.goldstein(), a.goldstein()),
                EventSort::MentionsDesc => b.mentions.cmp(&a.mentions),
            };
            let by_day = match sort {
                EventSort::DateAsc | EventSort::DateDesc => std::cmp::Ordering::Equal,
                _ => a.day().cmp(&b.day()),
            };
            primary.then(by_day).then(a.rank.cmp(&b.rank))
        };
        let end = offset.saturating_add(limit).min(hits.len());
        if offset >= hits.len() {
            return (total, Vec::new());
        }
        if end < hits.len() {
            hits.select_nth_unstable_by(end, cmp);
            hits.truncate(end);
        }
        hits.sort_unstable_by(cmp);
        (total, hits[offset..end].iter().map(|r| r.rowid).collect())
    }

    /// Actors with the number of events they are source and target of, most active first:
    /// those whose code starts with `q` or whose name contains it (case-insensitive), of
    /// `country` when given.
    pub fn actors(&self, q: &ActorQuery) -> (u64, Vec<Value>) {
        let code_prefix = q.q.as_ref().map(|t| t.to_uppercase());
        let name_part = q.q.as_ref().map(|t| t.to_lowercase());
        let country = q.country.as_ref().map(|c| self.countries.get(c));
        let mut found: Vec<u32> = (0..self.codes.names.len() as u32)
            .filter(|&i| {
                let code = &self.codes.names[i as usize];
                let name = &self.code_names[i as usize];
                let text_ok = match (&code_prefix, &name_part) {
                    (Some(p), Some(n)) => code.starts_with(p) || name.to_lowercase().contains(n),
                    _ => true,
                };
                let country_ok = match country {
                    None => true,
                    Some(None) => false,
                    Some(Some(c)) => u32::from(self.code_country[i as usize]) == c,
                };
                text_ok && country_ok
            })
            .collect();
        let events = |i: u32| {
            let (s, t) = self.code_counts[i as usize];
            s + t
        };
        found.sort_by(|&a, &b| {
            events(b)
                .cmp(&events(a))
                .then_with(|| self.code(a).cmp(&self.code(b)))
        });
        let total = found.len() as u64;
        let rows = found
            .into_iter()
            .skip(q.offset)
            .take(q.limit)
            .map(|i| {
                let (s, t) = self.code_counts[i as usize];
                let c = self.code_country[i as usize];
                json!({
                    "code": self.code(i),
                    "name": self.code_names.get(i as usize),
                    "country": (c != 0).then(|| &self.countries.names[c as usize]),
                    "as_source": s,
                    "as_target": t,
                    "events": s + t,
                })
            })
            .collect();
        (total, rows)
    }

    /// Actor codes with their event counts (as source, as target), for completion.
    pub fn actor_counts(&self) -> impl Iterator<Item = (&str, &str, u64, u64)> + '_ {
        self.codes
            .names
            .iter()
            .zip(&self.code_names)
            .zip(&self.code_counts)
            .map(|((c, n), (s, t))| (c.as_str(), n.as_str(), *s, *t))
    }
}

/// Column `i` of a row as text borrowed from SQLite (`None` for NULL).
fn text<'r>(r: &'r rusqlite::Row<'_>, i: usize) -> Result<Option<&'r str>> {
    Ok(r.get_ref(i)?
        .as_str_or_null()
        .map_err(rusqlite::Error::from)?)
}

/// SQLite's order for nullable numbers: NULL first, then ascending.
fn null_first(a: Option<f64>, b: Option<f64>) -> std::cmp::Ordering {
    match (a, b) {
        (None, None) => std::cmp::Ordering::Equal,
        (None, Some(_)) => std::cmp::Ordering::Less,
        (Some(_), None) => std::cmp::Ordering::Greater,
        (Some(x), Some(y)) => x.total_cmp(&y),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_row_is_64_bytes() {
        assert_eq!(std::mem::size_of::<super::Row>(), 64);
    }
}
