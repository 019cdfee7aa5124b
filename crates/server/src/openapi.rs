//! The OpenAPI 3.0 document served at `/api/openapi.json`.

use serde_json::{json, Value};

fn param(name: &str, schema: Value, description: &str) -> Value {
    json!({"name": name, "in": "query", "required": false, "schema": schema, "description": description})
}

fn string() -> Value {
    json!({"type": "string"})
}

/// The filters every query shares (the dashboard keeps them in its URL).
fn filter_params() -> Vec<Value> {
    vec![
        param(
            "from",
            string(),
            "First date, YYYY-MM-DD or YYYY-MM (inclusive).",
        ),
        param(
            "to",
            string(),
            "Last date, YYYY-MM-DD or YYYY-MM (inclusive; a month means its last day).",
        ),
        param(
            "source",
            string(),
            "Source actor code prefix (RUS matches RUSGOV).",
        ),
        param("target", string(), "Target actor code prefix."),
        param("actor", string(), "Either actor's code prefix."),
        param("country", string(), "Either actor's country, ISO alpha-3."),
        param(
            "role",
            string(),
            "A role code either actor has (GOV, MIL, ...).",
        ),
        param(
            "cameo",
            string(),
            "CAMEO event code prefix (19 matches 190..196).",
        ),
        param(
            "root",
            string(),
            "CAMEO roots, two digits each, separated by commas (18,19,20).",
        ),
        param(
            "quad_class",
            json!({"type": "integer", "minimum": 1, "maximum": 4}),
            "QuadClass.",
        ),
        param(
            "goldstein_min",
            json!({"type": "number", "minimum": -10, "maximum": 10}),
            "Lowest Goldstein score.",
        ),
        param(
            "goldstein_max",
            json!({"type": "number", "minimum": -10, "maximum": 10}),
            "Highest Goldstein score.",
        ),
        param(
            "bbox",
            string(),
            "Place inside min_lon,min_lat,max_lon,max_lat.",
        ),
        param(
            "lang",
            json!({"type": "string", "enum": ["it", "en", "es", "fr", "de"]}),
            "Document language.",
        ),
        param("doc", string(), "Document id."),
        param(
            "place",
            json!({"type": "integer", "minimum": 1}),
            "Place, by GeoNames id (the `geonameid` of /api/map).",
        ),
        param(
            "dyad",
            string(),
            "Events between two actors either way: A,B (code prefixes).",
        ),
    ]
}

/// The filters and the choice of view (mentions or aggregated events).
fn filters() -> Vec<Value> {
    let mut params = filter_params();
    params.push(
        param("view", json!({"type": "string", "enum": ["mentions", "aggregated"], "default": "mentions"}),
              "Mentions (every coded event) or aggregated events (same day, source, target, CAMEO code and place), with NumMentions, NumSources, NumArticles and links to every mention."),
    );
    params
}

fn with(mut params: Vec<Value>, more: Vec<Value>) -> Vec<Value> {
    params.extend(more);
    params
}

fn object() -> Value {
    json!({"application/json": {"schema": {"type": "object"}}})
}

fn page() -> Vec<Value> {
    vec![
        param(
            "limit",
            json!({"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}),
            "Page size.",
        ),
        param(
            "offset",
            json!({"type": "integer", "minimum": 0, "maximum": 1000000, "default": 0}),
            "Rows to skip; `next_offset` of the answer gives the next page.",
        ),
    ]
}

fn error_responses() -> Value {
    json!({
        "400": {"description": "Bad parameter or body.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
        "503": {"description": "The query ran past its time limit.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    })
}

fn ok(description: &str, more: Value) -> Value {
    let mut r = error_responses();
    r["200"] = json!({"description": description, "content": more});
    r
}

/// The OpenAPI document.
pub fn openapi() -> Value {
    let mut events_params = filters();
    events_params.push(param(
        "sort",
        json!({"type": "string", "enum": ["date", "-date", "goldstein", "-goldstein", "-mentions"], "default": "date"}),
        "Order.",
    ));
    events_params.push(param(
        "format",
        json!({"type": "string", "enum": ["json", "csv", "gdelt"], "default": "json"}),
        "json: a page object; csv: a header and one line per event; gdelt: GDELT 2.0 event rows (61 tab-separated columns). Text formats give the total in X-Total-Count.",
    ));
    events_params.extend(page());
    let mut dyad_params = filters();
    dyad_params.push(param(
        "interval",
        json!({"type": "string", "enum": ["day", "week", "month", "all"], "default": "day"}),
        "Period; day and week use day-precision dates only, weeks are named by their Monday; all gives one row per dyad (period null).",
    ));
    dyad_params.push(param(
        "sort",
        json!({"type": "string", "enum": ["period", "-events", "goldstein_sum", "-goldstein_sum", "goldstein_mean", "-goldstein_mean"], "default": "period"}),
        "Order; goldstein_sum puts the most hostile dyads first.",
    ));
    dyad_params.extend(page());
    let mut actor_params = vec![
        param("q", string(), "Code prefix or part of the name."),
        param("country", string(), "Country, ISO alpha-3."),
    ];
    actor_params.extend(page());
    let doc_schema = json!({
        "type": "object",
        "required": ["text"],
        "properties": {
            "id": {"type": "string"},
            "text": {"type": "string"},
            "date": {"type": "string", "description": "YYYY-MM-DD or YYYY-MM"},
            "lang": {"type": "string", "enum": ["it", "en", "es", "fr", "de"], "description": "Detected when absent."},
            "url": {"type": "string"},
            "title": {"type": "string"}
        },
        "additionalProperties": false
    });
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "dyad",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Political events (CAMEO) coded from news text: query stored events, dyads, actors and documents; code text; ingest documents."
        },
        "paths": {
            "/api/events": {"get": {
                "summary": "Events, filtered, sorted and paginated.",
                "parameters": events_params,
                "responses": ok("A page of events.", json!({
                    "application/json": {"schema": {"$ref": "#/components/schemas/EventPage"}},
                    "text/csv": {"schema": {"type": "string"}},
                    "text/tab-separated-values": {"schema": {"type": "string"}}
                }))
            }},
            "/api/dyads": {"get": {
                "summary": "Event count, Goldstein sum and mean per directed dyad per day, week or month.",
                "parameters": dyad_params,
                "responses": ok("A page of dyad rows.", json!({"application/json": {"schema": {"type": "object", "properties": {
                    "total": {"type": "integer"}, "limit": {"type": "integer"}, "offset": {"type": "integer"},
                    "next_offset": {"type": "integer", "nullable": true},
                    "dyads": {"type": "array", "items": {"type": "object", "properties": {
                        "source": {"type": "string"}, "target": {"type": "string"}, "period": {"type": "string"},
                        "events": {"type": "integer"}, "goldstein_sum": {"type": "number"}, "goldstein_mean": {"type": "number"}
                    }}}
                }}}}))
            }},
            "/api/actors": {"get": {
                "summary": "Actors with how often they are source and target, most active first.",
                "parameters": actor_params,
                "responses": ok("A page of actors.", json!({"application/json": {"schema": {"type": "object"}}}))
            }},
            "/api/summary": {"get": {
                "summary": "Totals for the dashboard overview: events, documents, first and last date, events per QuadClass, languages and sources (documents ingested, events matching).",
                "parameters": filter_params(),
                "responses": ok("Totals.", object())
            }},
            "/api/timeline": {"get": {
                "summary": "Events per period, per QuadClass ([q1, q2, q3, q4]), with the mean Goldstein score; empty periods are left out.",
                "parameters": with(filter_params(), vec![param("interval", json!({"type": "string", "enum": ["auto", "day", "week", "month"], "default": "auto"}),
                    "auto: days for spans up to 120 days, weeks up to three years, else months.")]),
                "responses": ok("The periods.", object())
            }},
            "/api/map": {"get": {
                "summary": "Events per place (points with GeoNames id, name, country, lat, lon, events, mean Goldstein), most events first.",
                "parameters": with(filter_params(), vec![param("limit", json!({"type": "integer", "minimum": 1, "maximum": 10000, "default": 2000}), "Most points.")]),
                "responses": ok("The points and the number of places.", object())
            }},
            "/api/network": {"get": {
                "summary": "The directed dyads with most events (edges with events and mean Goldstein) and their actors (nodes).",
                "parameters": with(filter_params(), vec![param("limit", json!({"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}), "Most edges.")]),
                "responses": ok("Nodes and edges.", object())
            }},
            "/api/suggest": {"get": {
                "summary": "Actor codes for a name in any language of the lexicon (Russland, Cremlino, Putin) or a code prefix; codes with events first.",
                "parameters": [param("q", string(), "The text typed."),
                    param("limit", json!({"type": "integer", "minimum": 1, "maximum": 100, "default": 10}), "Most suggestions.")],
                "responses": ok("Suggestions: code, label, the name matched, events.", object())
            }},
            "/api/documents/{id}": {"get": {
                "summary": "One document: its text, sentences and events with the spans of their evidence.",
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": {
                    "200": {"description": "The document.", "content": {"application/json": {"schema": {"type": "object"}}}},
                    "404": {"description": "No such document.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
                }
            }},
            "/api/code": {"post": {
                "summary": "Codes a text into events without storing it (body size is limited).",
                "requestBody": {"required": true, "content": {"application/json": {"schema": doc_schema.clone()}}},
                "responses": {
                    "200": {"description": "The events, as `dyad code` writes them.", "content": {"application/json": {"schema": {"type": "object", "properties": {"events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}}}}}}},
                    "400": {"description": "Bad body.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                    "413": {"description": "Body too large.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
                }
            }},
            "/api/ingest": {"post": {
                "summary": "Codes and stores documents (idempotent by id and content hash). Needs the server's token.",
                "security": [{"token": []}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"oneOf": [
                    {"type": "array", "items": doc_schema.clone()},
                    {"type": "object", "properties": {"documents": {"type": "array", "items": doc_schema}}}
                ]}}}},
                "responses": {
                    "200": {"description": "What was stored.", "content": {"application/json": {"schema": {"type": "object", "properties": {
                        "inserted": {"type": "integer"}, "replaced": {"type": "integer"}, "unchanged": {"type": "integer"}, "events": {"type": "integer"}
                    }}}}},
                    "400": {"description": "Bad body.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                    "401": {"description": "Missing or wrong token.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                    "403": {"description": "The server has no token: ingest is disabled.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
                }
            }},
            "/api/openapi.json": {"get": {"summary": "This document.", "responses": {"200": {"description": "OpenAPI 3.0."}}}}
        },
        "components": {
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
                "Event": {"type": "object", "description": "An event as `dyad code --format jsonl` writes it: event_id, doc_id, sentence, date, date_precision, source, target, cameo, cameo_name, quad_class, goldstein, plover, trigger, place, lang, rule, text. In the mentions view it also has `aggregate` (id, num_mentions, num_sources, num_articles); in the aggregated view it is the aggregated event with `mentions` (links to every mention) and `example`."},
                "EventPage": {"type": "object", "properties": {
                    "total": {"type": "integer"}, "limit": {"type": "integer"}, "offset": {"type": "integer"},
                    "next_offset": {"type": "integer", "nullable": true},
                    "view": {"type": "string"},
                    "events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}}
                }}
            }
        }
    })
}
