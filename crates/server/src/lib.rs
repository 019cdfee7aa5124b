//! `dyad serve`: the HTTP JSON API over an event store. The only crate that knows HTTP.
//!
//! Every query runs on a blocking thread with its own read-only connection and a time limit
//! (SQLite is interrupted when it runs past it); pages are capped; request bodies are capped;
//! bad requests get a 4xx status with `{"error": "..."}` saying what is wrong. `POST
//! /api/ingest` is refused unless the server has a token and the request carries it.

pub mod basemap;
mod cache;
mod openapi;
mod params;
mod suggest;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use dyad_lexicon::Lexicon;
use dyad_store::{output, DocInput, Facts, Store, StoreError, View};
use params::{ParamError, Params};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub use openapi::openapi;

/// How the server runs.
#[derive(Clone)]
pub struct Config {
    /// The database (created when missing).
    pub db: PathBuf,
    /// The token `POST /api/ingest` wants; `None` refuses every ingest.
    pub token: Option<String>,
    /// Time limit of one query.
    pub query_timeout: Duration,
    /// Largest request body, in bytes.
    pub max_body: usize,
    /// Whether ingested texts are stored.
    pub keep_text: bool,
}

impl Config {
    /// Defaults: no token, 10 s per query, 1 MiB bodies, texts kept.
    pub fn new(db: PathBuf) -> Config {
        Config {
            db,
            token: None,
            query_timeout: Duration::from_secs(10),
            max_body: 1 << 20,
            keep_text: true,
        }
    }
}

struct AppState {
    config: Config,
    lexicon: Arc<Lexicon>,
    writer: Mutex<Store>,
    /// The events projected for aggregation, reloaded when the database generation moves.
    facts: Arc<cache::FactsCache>,
    /// The lexicon's names for completion, built on the first request.
    names: std::sync::OnceLock<suggest::Names>,
}

impl AppState {
    /// Opens (or creates) the database and checks its schema.
    fn new(config: Config, lexicon: Arc<Lexicon>) -> Result<AppState, StoreError> {
        let writer = Store::open(&config.db)?;
        let facts = cache::FactsCache::new(config.db.clone());
        Ok(AppState {
            config,
            lexicon,
            writer: Mutex::new(writer),
            facts,
            names: std::sync::OnceLock::new(),
        })
    }
}

type Shared = Arc<AppState>;

/// An error answer: a status and a message, sent as `{"error": message}`.
#[derive(Debug)]
pub struct ApiError(StatusCode, String);

impl ApiError {
    fn bad(msg: impl Into<String>) -> ApiError {
        ApiError(StatusCode::BAD_REQUEST, msg.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0, Json(json!({"error": self.1}))).into_response()
    }
}

impl From<ParamError> for ApiError {
    fn from(e: ParamError) -> Self {
        ApiError::bad(e.0)
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Interrupted => ApiError(StatusCode::SERVICE_UNAVAILABLE, e.to_string()),
            StoreError::Invalid(m) => ApiError::bad(m),
            other => ApiError(StatusCode::INTERNAL_SERVER_ERROR, other.to_string()),
        }
    }
}

type ApiResult = Result<Response, ApiError>;

/// Builds the application: opens (or creates) the database and checks its schema.
pub fn app(config: Config, lexicon: Arc<Lexicon>) -> Result<Router, StoreError> {
    let max_body = config.max_body;
    let state = Arc::new(AppState::new(config, lexicon)?);
    // Load the projection now, so that the first dashboard request does not wait for it.
    state.facts.refresh();
    Ok(Router::new()
        .route("/", get(index))
        .route("/assets/world.json", get(basemap::world))
        .route("/assets/{name}", get(asset))
        .route("/api/openapi.json", get(|| async { Json(openapi()) }))
        .route("/api/events", get(events))
        .route("/api/summary", get(summary))
        .route("/api/timeline", get(timeline))
        .route("/api/map", get(map))
        .route("/api/network", get(network))
        .route("/api/suggest", get(suggest))
        .route("/api/dyads", get(dyads))
        .route("/api/actors", get(actors))
        .route("/api/documents/{id}", get(document))
        .route("/api/code", post(code))
        .route("/api/ingest", post(ingest))
        .fallback(|| async {
            ApiError(
                StatusCode::NOT_FOUND,
                "no such endpoint (see /api/openapi.json)".into(),
            )
        })
        .method_not_allowed_fallback(|| async {
            ApiError(
                StatusCode::METHOD_NOT_ALLOWED,
                "method not allowed on this endpoint".into(),
            )
        })
        .layer(DefaultBodyLimit::max(max_body))
        .with_state(state))
}

/// Serves `app` on `listener` until `shutdown` resolves.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}

/// The dashboard loads nothing from elsewhere, and the browser is told so: a page that tried
/// (a CDN script, a web font, a tile server) would be refused. Inline style attributes are
/// allowed for the colour swatches the script sets.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
                   img-src 'self' data:; connect-src 'self'; object-src 'none'; \
                   base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

async fn index() -> Response {
    (
        [
            (header::CONTENT_SECURITY_POLICY, CSP),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        Html(include_str!("../assets/index.html")),
    )
        .into_response()
}

/// The dashboard's files, compiled into the binary: the page works with no network.
async fn asset(Path(name): Path<String>) -> Response {
    let (content_type, body): (&str, &'static str) = match name.as_str() {
        "app.js" => (
            "text/javascript; charset=utf-8",
            include_str!("../assets/app.js"),
        ),
        "app.css" => ("text/css; charset=utf-8", include_str!("../assets/app.css")),
        _ => return ApiError(StatusCode::NOT_FOUND, format!("no asset {name:?}")).into_response(),
    };
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        body,
    )
        .into_response()
}

/// Runs `f` on a blocking thread with a read-only store, interrupting it past the time limit.
async fn with_store<T: Send + 'static>(
    state: &Shared,
    f: impl FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, ApiError> {
    let store = Store::open_read_only(&state.config.db)?;
    let interrupt = store.interrupt_handle();
    let task = tokio::task::spawn_blocking(move || f(&store));
    match tokio::time::timeout(state.config.query_timeout, task).await {
        Ok(Ok(r)) => r.map_err(ApiError::from),
        Ok(Err(join)) => Err(ApiError(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("query failed: {join}"),
        )),
        Err(_) => {
            interrupt.interrupt();
            Err(ApiError(
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "query ran past its time limit of {} s: narrow it down",
                    state.config.query_timeout.as_secs_f64()
                ),
            ))
        }
    }
}

/// The facts for a query: the cached ones, reloaded in the background when the database has
/// changed since (see `FactsCache::current`).
fn current_facts(state: &AppState, store: &Store) -> Result<Arc<Facts>, StoreError> {
    state.facts.current(store.generation()?)
}

/// Runs `f` over the current facts on a blocking thread, under the query time limit.
async fn with_facts<T: Send + 'static>(
    state: &Shared,
    f: impl FnOnce(&Store, &Facts) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, ApiError> {
    let st = state.clone();
    with_store(state, move |store| {
        let facts = current_facts(&st, store)?;
        f(store, &facts)
    })
    .await
}

/// The query string as parameters; a malformed one, or a parameter given twice, is a 400.
fn query_params(
    raw: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Params, ApiError> {
    let Query(pairs) =
        raw.map_err(|r| ApiError::bad(format!("malformed query string: {}", r.body_text())))?;
    Ok(Params::from_pairs(pairs)?)
}

fn text_response(content_type: &'static str, total: u64, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::HeaderName::from_static("x-total-count"),
                total.to_string(),
            ),
        ],
        body,
    )
        .into_response()
}

async fn events(
    State(state): State<Shared>,
    raw: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> ApiResult {
    let mut p = query_params(raw)?;
    let (query, format) = p.event_query()?;
    p.finish()?;
    let view = query.view;
    let (limit, offset) = (query.limit, query.offset);
    let page = match view {
        // The projection finds and orders the page; SQLite only fetches its rows.
        View::Mentions => {
            with_facts(&state, move |s, f| {
                let (total, rowids) = f.event_page(&query.filter, query.sort, limit, offset);
                Ok(dyad_store::EventPage {
                    total,
                    events: s.mentions_by_rowid(&rowids)?,
                })
            })
            .await?
        }
        View::Aggregated => with_store(&state, move |s| s.events(&query)).await?,
    };
    let total = page.total;
    Ok(match format {
        params::Format::Json => {
            let next = (offset as u64 + page.events.len() as u64) < total;
            Json(json!({
                "total": total,
                "limit": limit,
                "offset": offset,
                "next_offset": next.then_some(offset + page.events.len()),
                "view": match view { View::Mentions => "mentions", View::Aggregated => "aggregated" },
                "events": page.events.into_iter().map(|m| m.json).collect::<Vec<_>>(),
            }))
            .into_response()
        }
        params::Format::Csv => {
            let mut body = dyad_store::export::csv_header();
            body.push('\n');
            for m in &page.events {
                body.push_str(&dyad_store::export::csv_row(&m.json, view));
                body.push('\n');
            }
            text_response("text/csv; charset=utf-8", total, body)
        }
        params::Format::Gdelt => {
            let mut body = String::new();
            for m in &page.events {
                body.push_str(&m.gdelt);
                body.push('\n');
            }
            text_response("text/tab-separated-values; charset=utf-8", total, body)
        }
    })
}

/// One page of rows under `key`, with the total and the offset of the next page (null on the last).
fn page_response<T: serde::Serialize>(
    key: &str,
    total: u64,
    limit: usize,
    offset: usize,
    rows: Vec<T>,
) -> Response {
    let next = (offset as u64 + rows.len() as u64) < total;
    let mut body = json!({
        "total": total,
        "limit": limit,
        "offset": offset,
        "next_offset": next.then_some(offset + rows.len()),
    });
    body[key] = json!(rows);
    Json(body).into_response()
}

async fn dyads(
    State(state): State<Shared>,
    raw: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> ApiResult {
    let mut p = query_params(raw)?;
    let query = p.dyad_query()?;
    p.finish()?;
    let (limit, offset) = (query.limit, query.offset);
    let (total, rows) = match query.view {
        View::Mentions => with_facts(&state, move |_, f| Ok(f.dyads(&query))).await?,
        View::Aggregated => with_store(&state, move |s| s.dyads(&query)).await?,
    };
    Ok(page_response("dyads", total, limit, offset, rows))
}

async fn summary(
    State(state): State<Shared>,
    raw: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> ApiResult {
    let mut p = query_params(raw)?;
    let filter = p.filter()?;
    p.finish()?;
    let body = with_facts(&state, move |_, f| Ok(f.summary(&filter))).await?;
    Ok(Json(body).into_response())
}

async fn timeline(
    State(state): State<Shared>,
    raw: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> ApiResult {
    let mut p = query_params(raw)?;
    let (filter, interval) = p.timeline_query()?;
    p.finish()?;
    let body = with_facts(&state, move |_, f| {
        let interval = interval.unwrap_or_else(|| {
            let (first, last) = f.span(&filter);
            dyad_store::auto_interval(first, last)
        });
        Ok(f.timeline(&filter, interval))
    })
    .await?;
    Ok(Json(body).into_response())
}

async fn map(
    State(state): State<Shared>,
    raw: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> ApiResult {
    let mut p = query_params(raw)?;
    let filter = p.filter()?;
    let limit = p.limit(2000, 10_000)?;
    p.finish()?;
    let body = with_facts(&state, move |_, f| Ok(f.map(&filter, limit))).await?;
    Ok(Json(body).into_response())
}

async fn network(
    State(state): State<Shared>,
    raw: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> ApiResult {
    let mut p = query_params(raw)?;
    let filter = p.filter()?;
    let limit = p.limit(100, 1000)?;
    p.finish()?;
    let body = with_facts(&state, move |_, f| Ok(f.network(&filter, limit))).await?;
    Ok(Json(body).into_response())
}

async fn suggest(
    State(state): State<Shared>,
    raw: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> ApiResult {
    let mut p = query_params(raw)?;
    let q = p.text("q", 100)?.unwrap_or_default();
    let limit = p.limit(10, 100)?;
    p.finish()?;
    let st = state.clone();
    let suggestions = with_facts(&state, move |_, f| {
        let names = st.names.get_or_init(|| suggest::Names::new(&st.lexicon));
        Ok(names.suggest(&q, f, limit))
    })
    .await?;
    Ok(Json(json!({ "suggestions": suggestions })).into_response())
}

async fn actors(
    State(state): State<Shared>,
    raw: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> ApiResult {
    let mut p = query_params(raw)?;
    let query = p.actor_query()?;
    p.finish()?;
    let (limit, offset) = (query.limit, query.offset);
    let (total, rows) = with_facts(&state, move |_, f| Ok(f.actors(&query))).await?;
    Ok(page_response("actors", total, limit, offset, rows))
}

async fn document(
    State(state): State<Shared>,
    id: Result<Path<String>, PathRejection>,
) -> ApiResult {
    let Path(id) = id.map_err(|r| ApiError::bad(format!("bad document id: {}", r.body_text())))?;
    let wanted = id.clone();
    match with_store(&state, move |s| s.document(&wanted)).await? {
        Some(doc) => Ok(Json(doc).into_response()),
        None => Err(ApiError(
            StatusCode::NOT_FOUND,
            format!("no document with id {id:?}"),
        )),
    }
}

fn body_json(body: Result<Bytes, BytesRejection>) -> Result<Value, ApiError> {
    let bytes = body.map_err(|r| {
        let status = r.status();
        let msg = if status == StatusCode::PAYLOAD_TOO_LARGE {
            "request body too large".to_string()
        } else {
            r.body_text()
        };
        ApiError(status, msg)
    })?;
    serde_json::from_slice(&bytes).map_err(|e| ApiError::bad(format!("malformed JSON body: {e}")))
}

/// Reads one document object of a request.
fn parse_doc(lexicon: &Lexicon, v: &Value, fallback_id: &str) -> Result<DocInput, String> {
    let Value::Object(o) = v else {
        return Err("a document must be a JSON object".into());
    };
    for k in o.keys() {
        if !matches!(
            k.as_str(),
            "id" | "text" | "date" | "lang" | "url" | "title"
        ) {
            return Err(format!(
                "unknown field {k:?} (want id, text, date, lang, url, title)"
            ));
        }
    }
    let str_opt = |k: &str| -> Result<Option<String>, String> {
        match o.get(k) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(format!("{k:?} must be a string, not {other}")),
        }
    };
    let id = match o.get("id") {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        None | Some(Value::Null) => fallback_id.to_string(),
        Some(other) => return Err(format!("bad id {other}: want a string or a number")),
    };
    let text = str_opt("text")?.ok_or("no \"text\" field")?;
    if text.trim().is_empty() {
        return Err("empty text".into());
    }
    let date = match str_opt("date")? {
        Some(d) => Some(
            dyad_lexicon::Date::parse(d.trim())
                .filter(|d| d.precision != dyad_lexicon::Precision::Year)
                .ok_or(format!("bad date {d:?}: want YYYY-MM-DD or YYYY-MM"))?,
        ),
        None => None,
    };
    let lang = match str_opt("lang")? {
        Some(l) => dyad_text::Lang::from_code(l.trim()).ok_or(format!(
            "unsupported language {l:?}: want it, en, es, fr or de"
        ))?,
        // The lexicon's detection, as `dyad code` has it: headlines and short reports too.
        None => lexicon.detect(&text).ok_or(
            "language not recognised (dyad codes it, en, es, fr, de; give \"lang\")".to_string(),
        )?,
    };
    Ok(DocInput {
        id,
        text,
        lang,
        date,
        url: str_opt("url")?,
        title: str_opt("title")?,
    })
}

async fn code(State(state): State<Shared>, body: Result<Bytes, BytesRejection>) -> ApiResult {
    let v = body_json(body)?;
    let doc = parse_doc(&state.lexicon, &v, "request").map_err(ApiError::bad)?;
    let lexicon = state.lexicon.clone();
    let events = tokio::task::spawn_blocking(move || {
        let coded = dyad_store::code(&lexicon, doc);
        coded.events.into_iter().map(|(j, _)| j).collect::<Vec<_>>()
    })
    .await
    .map_err(|e| ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    Ok(Json(json!({"events": events})).into_response())
}

fn token_ok(expected: &str, headers: &HeaderMap) -> bool {
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .or_else(|| headers.get("x-dyad-token").and_then(|v| v.to_str().ok()));
    // Compare without stopping at the first difference.
    given.is_some_and(|g| {
        g.len() == expected.len()
            && g.bytes()
                .zip(expected.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    })
}

async fn ingest(
    State(state): State<Shared>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult {
    let Some(expected) = state.config.token.as_deref() else {
        return Err(ApiError(
            StatusCode::FORBIDDEN,
            "ingest is disabled: start the server with --token or DYAD_TOKEN".into(),
        ));
    };
    if !token_ok(expected, &headers) {
        return Err(ApiError(
            StatusCode::UNAUTHORIZED,
            "missing or wrong token: send `Authorization: Bearer TOKEN`".into(),
        ));
    }
    let v = body_json(body)?;
    let list = match &v {
        Value::Array(a) => a,
        Value::Object(o) => match o.get("documents") {
            Some(Value::Array(a)) => a,
            _ => return Err(ApiError::bad("want {\"documents\": [...]} or an array")),
        },
        _ => return Err(ApiError::bad("want {\"documents\": [...]} or an array")),
    };
    if list.is_empty() {
        return Err(ApiError::bad("no documents"));
    }
    let mut docs = Vec::with_capacity(list.len());
    for (i, d) in list.iter().enumerate() {
        docs.push(
            parse_doc(&state.lexicon, d, &format!("api-{i}"))
                .map_err(|m| ApiError::bad(format!("document {i}: {m}")))?,
        );
    }
    let st = state.clone();
    let stats = tokio::task::spawn_blocking(move || {
        let coded: Vec<_> = docs
            .into_iter()
            .map(|d| dyad_store::code(&st.lexicon, d))
            .collect();
        let mut store = st
            .writer
            .lock()
            .map_err(|_| StoreError::Invalid("the writer is poisoned".into()))?;
        let stats = store.ingest(&coded, st.config.keep_text)?;
        // What this server stored, its dashboard shows at once: wait for the facts.
        let generation = store.generation()?;
        drop(store);
        st.facts.at_least(generation)?;
        Ok::<_, StoreError>(stats)
    })
    .await
    .map_err(|e| ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))??;
    Ok(Json(json!({
        "inserted": stats.inserted,
        "replaced": stats.replaced,
        "unchanged": stats.unchanged,
        "events": stats.events,
    }))
    .into_response())
}

/// The GDELT column names (for clients that want a header).
pub fn gdelt_columns() -> &'static [&'static str; 61] {
    &output::GDELT_COLUMNS
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A query that outlives the time limit is answered with a 503 at the limit, not when it
    /// ends. (The query here sleeps far longer than the limit, whatever the machine's speed.)
    #[test]
    fn queries_past_the_time_limit_get_503() {
        let dir = std::env::temp_dir().join(format!("dyad-server-unit-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let mut config = Config::new(dir.join("db"));
        config.query_timeout = Duration::from_millis(50);
        let state = Arc::new(AppState::new(config, Arc::new(Lexicon::builtin().unwrap())).unwrap());
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let started = std::time::Instant::now();
        let result = rt.block_on(with_store(&state, |_store| {
            std::thread::sleep(Duration::from_secs(30));
            Ok(())
        }));
        let err = result.unwrap_err();
        assert_eq!(err.0, StatusCode::SERVICE_UNAVAILABLE);
        assert!(err.1.contains("time limit"), "{}", err.1);
        assert!(started.elapsed() < Duration::from_secs(30));
        rt.shutdown_background();
        // A quick query within the limit answers normally.
        let rt = tokio::runtime::Runtime::new().unwrap();
        let mut relaxed = Config::new(state.config.db.clone());
        relaxed.query_timeout = Duration::from_secs(600);
        let state = Arc::new(AppState::new(relaxed, state.lexicon.clone()).unwrap());
        let counts = rt.block_on(with_store(&state, |s| s.counts())).unwrap();
        assert_eq!(counts.events, 0);
    }
}
