//! The real server on a free loopback port, exercised endpoint by endpoint with a plain HTTP/1.1
//! client: filters, formats, pagination, bad parameters, body limits and the ingest token.

use dyad_lexicon::Lexicon;
use dyad_server::Config;
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

fn lexicon() -> Arc<Lexicon> {
    static LEX: OnceLock<Arc<Lexicon>> = OnceLock::new();
    LEX.get_or_init(|| Arc::new(Lexicon::builtin().unwrap()))
        .clone()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-server-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Starts a server on 127.0.0.1:0 on its own runtime thread and returns its address.
fn start(config: Config) -> SocketAddr {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let app = dyad_server::app(config, lexicon()).unwrap();
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        rt.block_on(dyad_server::serve(listener, app, std::future::pending()))
            .unwrap();
    });
    addr
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    /// A 4xx answer with a JSON error that mentions `word`.
    fn assert_error(&self, status: u16, word: &str) {
        assert_eq!(self.status, status, "{}", self.body);
        assert!(self
            .header("content-type")
            .unwrap()
            .starts_with("application/json"));
        let msg = self.json()["error"].as_str().unwrap().to_string();
        assert!(msg.contains(word), "{msg:?} does not mention {word:?}");
    }
}

fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Reply {
    let mut s = TcpStream::connect(addr).unwrap();
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes()).unwrap();
    // A refused body may close the connection before all of it is sent.
    let _ = s.write_all(body);
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8(raw[..split].to_vec()).unwrap();
    let mut rest = raw[split + 4..].to_vec();
    let mut lines = head.lines();
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let chunked = headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    if chunked {
        let mut out = Vec::new();
        loop {
            let nl = rest.windows(2).position(|w| w == b"\r\n").unwrap();
            let size = usize::from_str_radix(std::str::from_utf8(&rest[..nl]).unwrap().trim(), 16)
                .unwrap();
            if size == 0 {
                break;
            }
            out.extend_from_slice(&rest[nl + 2..nl + 2 + size]);
            rest = rest[nl + 2 + size + 2..].to_vec();
        }
        rest = out;
    }
    Reply {
        status,
        headers,
        body: String::from_utf8(rest).unwrap(),
    }
}

fn get(addr: SocketAddr, path: &str) -> Reply {
    request(addr, "GET", path, &[], b"")
}

const TOKEN: &str = "s3cret-token";

fn documents() -> Value {
    json!({"documents": [
        {"id": "en-1", "date": "2021-03-04", "url": "https://www.first-paper.example/politics/1",
         "text": "The Turkish government condemned Armenia on Thursday. Later, the French president met the German chancellor in Berlin."},
        {"id": "en-2", "date": "2021-03-04", "url": "http://second-paper.example/world?id=7",
         "text": "Ankara's government condemned Armenia again, officials said."},
        {"id": "it-1", "date": "2021-03-05", "lang": "it", "title": "Esteri",
         "text": "Il governo italiano ha criticato la Francia. Il ministro degli esteri russo ha incontrato il suo omologo cinese a Pechino."}
    ]})
}

/// A server with the three documents ingested over HTTP.
fn loaded(name: &str) -> SocketAddr {
    let dir = scratch(name);
    let mut config = Config::new(dir.join("db"));
    config.token = Some(TOKEN.into());
    config.max_body = 64 * 1024;
    let addr = start(config);
    let auth = format!("Bearer {TOKEN}");
    let r = request(
        addr,
        "POST",
        "/api/ingest",
        &[
            ("Authorization", &auth),
            ("Content-Type", "application/json"),
        ],
        documents().to_string().as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(
        r.json(),
        json!({"inserted": 3, "replaced": 0, "unchanged": 0, "events": 5})
    );
    addr
}

fn ids(reply: &Reply) -> Vec<String> {
    reply.json()["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event_id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn ingest_needs_the_token() {
    let dir = scratch("token");
    let body = documents().to_string();
    // Without a token configured, ingest is refused whatever the request carries.
    let open = start(Config::new(dir.join("a.db")));
    request(
        open,
        "POST",
        "/api/ingest",
        &[("Authorization", "Bearer x")],
        body.as_bytes(),
    )
    .assert_error(403, "token");
    let mut config = Config::new(dir.join("b.db"));
    config.token = Some(TOKEN.into());
    let addr = start(config);
    request(addr, "POST", "/api/ingest", &[], body.as_bytes()).assert_error(401, "token");
    request(
        addr,
        "POST",
        "/api/ingest",
        &[("Authorization", "Bearer s3cret-tokem")],
        body.as_bytes(),
    )
    .assert_error(401, "token");
    let ok = request(
        addr,
        "POST",
        "/api/ingest",
        &[("X-Dyad-Token", TOKEN)],
        body.as_bytes(),
    );
    assert_eq!(ok.status, 200, "{}", ok.body);
    assert_eq!(ok.json()["inserted"], 3);
    // Twice: nothing changes.
    let again = request(
        addr,
        "POST",
        "/api/ingest",
        &[("X-Dyad-Token", TOKEN)],
        body.as_bytes(),
    );
    assert_eq!(
        again.json(),
        json!({"inserted": 0, "replaced": 0, "unchanged": 3, "events": 0})
    );
    assert_eq!(get(addr, "/api/events").json()["total"], 5);
    // Bad bodies.
    let auth = [("X-Dyad-Token", TOKEN)];
    request(addr, "POST", "/api/ingest", &auth, b"{\"documents\": [")
        .assert_error(400, "malformed JSON");
    request(addr, "POST", "/api/ingest", &auth, b"{\"documents\": []}")
        .assert_error(400, "no documents");
    request(
        addr,
        "POST",
        "/api/ingest",
        &auth,
        br#"[{"id":"x","text":"Testo.","lang":"xx"}]"#,
    )
    .assert_error(400, "document 0: unsupported language");
    request(
        addr,
        "POST",
        "/api/ingest",
        &auth,
        br#"[{"id":"x","txt":"Testo."}]"#,
    )
    .assert_error(400, "unknown field");
}

#[test]
fn events_filters_formats_and_pagination() {
    let addr = loaded("events");
    let all = get(addr, "/api/events");
    assert_eq!(all.status, 200);
    let v = all.json();
    assert_eq!(v["total"], 5);
    assert_eq!(v["next_offset"], Value::Null);
    assert_eq!(
        ids(&all),
        ["en-1#0", "en-1#1", "en-2#0", "it-1#0", "it-1#1"]
    );

    // Pages of two cover everything once.
    let mut paged = Vec::new();
    let mut offset = Some(0);
    while let Some(o) = offset {
        let page = get(addr, &format!("/api/events?limit=2&offset={o}"));
        assert!(page.json()["events"].as_array().unwrap().len() <= 2);
        paged.extend(ids(&page));
        offset = page.json()["next_offset"].as_u64();
    }
    assert_eq!(paged, ids(&all));

    let count = |q: &str| {
        get(addr, &format!("/api/events?{q}")).json()["total"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(count("source=TUR"), 2);
    assert_eq!(count("source=turgov"), 2);
    assert_eq!(count("target=ARM"), 2);
    assert_eq!(count("actor=DEU"), 1);
    assert_eq!(count("country=CHN"), 1);
    assert_eq!(count("role=GOV"), 5);
    assert_eq!(count("cameo=04"), 2);
    assert_eq!(count("root=11"), 3);
    assert_eq!(count("quad_class=4"), 0);
    assert_eq!(count("goldstein_max=0"), 3);
    assert_eq!(count("goldstein_min=0"), 2);
    assert_eq!(count("bbox=13,52,14,53"), 1);
    assert_eq!(count("lang=it"), 2);
    assert_eq!(count("doc=en-1"), 2);
    assert_eq!(count("from=2021-03-05"), 2);
    assert_eq!(count("to=2021-03-04"), 3);
    assert_eq!(count("from=2021-03&to=2021-03"), 5);
    assert_eq!(count("from=2021-04"), 0);
    assert_eq!(
        ids(&get(addr, "/api/events?sort=-date&limit=1")),
        ["it-1#0"]
    );

    // Aggregated events: the condemnation reported twice is one event with links to both.
    let agg = get(addr, "/api/events?view=aggregated&sort=-mentions");
    let v = agg.json();
    assert_eq!(v["total"], 4);
    assert_eq!(v["events"][0]["num_mentions"], 2);
    assert_eq!(v["events"][0]["num_sources"], 2);
    assert_eq!(v["events"][0]["mentions"][1]["event_id"], "en-2#0");
    assert_eq!(count("view=aggregated&doc=en-2"), 1);
    assert_eq!(count("view=aggregated&lang=it"), 2);

    let csv = get(addr, "/api/events?format=csv&lang=it");
    assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
    assert_eq!(csv.header("x-total-count"), Some("2"));
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].starts_with("event_id,"));
    let gdelt = get(addr, "/api/events?format=gdelt&view=aggregated");
    let rows: Vec<&str> = gdelt.body.lines().collect();
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().all(|r| r.split('\t').count() == 61));
}

#[test]
fn bad_parameters_are_refused_with_a_reason() {
    let addr = loaded("bad");
    for (q, word) in [
        ("limit=0", "limit"),
        ("limit=5000", "limit"),
        ("offset=-1", "offset"),
        ("offset=99999999", "offset"),
        ("from=yesterday", "from"),
        ("to=2021-02-30", "to"),
        ("from=2021-03-05&to=2021-03-01", "after"),
        ("bbox=1,2,3", "bbox"),
        ("bbox=10,50,5,60", "bbox"),
        ("sort=up", "sort"),
        ("format=xml", "format"),
        ("view=all", "view"),
        ("quad_class=7", "quad_class"),
        ("goldstein_min=-11", "goldstein_min"),
        ("cameo=1a", "cameo"),
        ("root=1", "root"),
        ("country=DE", "country"),
        ("lang=ru", "lang"),
        ("source=RUS;DROP", "source"),
        ("colour=red", "unknown parameter"),
        ("limit=1&limit=2", "twice"),
    ] {
        get(addr, &format!("/api/events?{q}")).assert_error(400, word);
    }
    get(addr, "/api/dyads?interval=year").assert_error(400, "interval");
    get(addr, "/api/dyads?sort=events").assert_error(400, "sort");
    get(addr, "/api/actors?country=1234").assert_error(400, "country");
    get(addr, "/api/nothing").assert_error(404, "no such endpoint");
    request(addr, "DELETE", "/api/events", &[], b"").assert_error(405, "method");
}

#[test]
fn dyads_actors_and_documents() {
    let addr = loaded("dyads");
    let d = get(addr, "/api/dyads").json();
    // The two mentions of TURGOV -> ARM on the same day are one dyad-day.
    assert_eq!(d["total"], 4);
    let first = &d["dyads"][0];
    assert_eq!(first["period"], "2021-03-04");
    assert_eq!(first["source"], "FRAGOV");
    let hostile = get(addr, "/api/dyads?sort=goldstein_sum&limit=1").json();
    assert_eq!(hostile["dyads"][0]["source"], "TURGOV");
    assert_eq!(hostile["dyads"][0]["events"], 2);
    assert_eq!(hostile["next_offset"], 1);
    let weekly = get(addr, "/api/dyads?interval=week&source=TUR").json();
    assert_eq!(weekly["dyads"][0]["period"], "2021-03-01");
    let agg = get(addr, "/api/dyads?interval=month&view=aggregated&source=TUR").json();
    assert_eq!(agg["dyads"][0]["period"], "2021-03");
    assert_eq!(agg["dyads"][0]["events"], 1);
    assert_eq!(agg["dyads"][0]["mentions"], 2);

    // Most active first, ties by code.
    let a = get(addr, "/api/actors").json();
    assert_eq!(a["total"], 8);
    assert_eq!(a["actors"][0]["code"], "ARM");
    assert_eq!(a["actors"][1]["code"], "TURGOV");
    assert_eq!(a["actors"][1]["as_source"], 2);
    let a = get(addr, "/api/actors?q=arm").json();
    assert_eq!(a["total"], 1);
    assert_eq!(a["actors"][0]["as_target"], 2);
    let tur = get(addr, "/api/actors?country=TUR").json();
    assert_eq!(tur["total"], 1);
    assert_eq!(tur["actors"][0]["code"], "TURGOV");
    assert_eq!(tur["actors"][0]["name"], "Turkey");
    assert_eq!(tur["actors"][0]["country"], "TUR");
    assert_eq!(get(addr, "/api/actors?country=ZZZ").json()["total"], 0);
    // Part of a name, any case.
    assert_eq!(
        get(addr, "/api/actors?q=urke").json()["actors"][0]["code"],
        "TURGOV"
    );
    let page = get(addr, "/api/actors?limit=3&offset=3").json();
    assert_eq!(page["actors"].as_array().unwrap().len(), 3);

    let doc = get(addr, "/api/documents/it-1");
    assert_eq!(doc.status, 200);
    let doc = doc.json();
    assert_eq!(doc["title"], "Esteri");
    let text = doc["text"].as_str().unwrap();
    for e in doc["events"].as_array().unwrap() {
        let span = &e["evidence"]["trigger"];
        let (s, t) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..t], e["trigger"]["text"].as_str().unwrap());
        let sentence = &e["evidence"]["sentence"];
        assert!(sentence[0].as_u64().unwrap() as usize <= s);
    }
    get(addr, "/api/documents/missing").assert_error(404, "missing");
    get(addr, "/api/documents/%FF").assert_error(400, "bad document id");
}

#[test]
fn code_openapi_and_index() {
    let addr = loaded("code");
    let r = request(
        addr,
        "POST",
        "/api/code",
        &[("Content-Type", "application/json")],
        br#"{"text": "La Germania ha minacciato sanzioni contro la Russia.", "lang": "it", "date": "2021-03-06"}"#,
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let e = &r.json()["events"][0];
    assert_eq!(e["source"]["code"], "DEUGOV");
    assert_eq!(e["target"]["code"], "RUS");
    assert_eq!(e["date"], "2021-03-06");
    // Coding stores nothing.
    assert_eq!(get(addr, "/api/events").json()["total"], 5);
    request(addr, "POST", "/api/code", &[], b"not json").assert_error(400, "malformed JSON");
    request(addr, "POST", "/api/code", &[], br#"{"lang": "it"}"#).assert_error(400, "text");
    request(
        addr,
        "POST",
        "/api/code",
        &[],
        br#"{"text": "x", "date": "soon"}"#,
    )
    .assert_error(400, "date");
    let big = format!("{{\"text\": \"{}\"}}", "parola ".repeat(20_000));
    request(addr, "POST", "/api/code", &[], big.as_bytes()).assert_error(413, "too large");
    get(addr, "/api/code").assert_error(405, "method");

    let spec = get(addr, "/api/openapi.json").json();
    assert_eq!(spec["openapi"], "3.0.3");
    for path in [
        "/api/events",
        "/api/dyads",
        "/api/actors",
        "/api/documents/{id}",
        "/api/code",
        "/api/ingest",
        "/api/summary",
        "/api/timeline",
        "/api/map",
        "/api/network",
        "/api/suggest",
    ] {
        assert!(spec["paths"][path].is_object(), "{path} is not documented");
    }
    let index = get(addr, "/");
    assert_eq!(index.status, 200);
    assert!(index.body.contains("/assets/app.js"), "{}", index.body);
    // Nothing may be loaded from elsewhere.
    let csp = index.header("content-security-policy").unwrap();
    assert!(
        csp.contains("default-src 'self'") && csp.contains("script-src 'self'"),
        "{csp}"
    );
    let js = get(addr, "/assets/app.js");
    assert_eq!(js.status, 200);
    assert!(js
        .header("content-type")
        .unwrap()
        .starts_with("text/javascript"));
}

#[test]
fn dashboard_aggregates() {
    let addr = loaded("dashboard");
    let summary = get(addr, "/api/summary").json();
    assert_eq!(summary["events"], 5);
    assert_eq!(summary["documents"], 3);
    assert_eq!(summary["first_date"], "2021-03-04");
    assert_eq!(summary["last_date"], "2021-03-05");
    let quads: u64 = summary["quad_classes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["events"].as_u64().unwrap())
        .sum();
    assert_eq!(quads, 5);
    let langs: Vec<(&str, u64)> = summary["languages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["lang"].as_str().unwrap(),
                l["documents"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(langs, [("en", 2), ("it", 1)]);
    assert_eq!(summary["sources"].as_array().unwrap().len(), 3);

    let timeline = get(addr, "/api/timeline").json();
    assert_eq!(timeline["interval"], "day");
    let periods = timeline["periods"].as_array().unwrap();
    assert_eq!(periods.len(), 2, "{timeline}");
    assert_eq!(periods[0]["period"], "2021-03-04");
    assert_eq!(periods[0]["events"], 3);
    let monthly = get(addr, "/api/timeline?interval=month&lang=it").json();
    assert_eq!(monthly["periods"][0]["period"], "2021-03");
    assert_eq!(monthly["periods"][0]["events"], 2);

    let top = get(addr, "/api/dyads?interval=all&sort=-events&limit=1").json();
    assert_eq!(top["dyads"][0]["source"], "TURGOV");
    assert_eq!(top["dyads"][0]["target"], "ARM");
    assert_eq!(top["dyads"][0]["events"], 2);
    assert_eq!(top["dyads"][0]["period"], Value::Null);
    let both = get(addr, "/api/events?dyad=ARM,TUR");
    assert_eq!(both.json()["total"], 2, "{}", both.body);

    // Two meetings happen in named cities; each point leads back to its event.
    let map = get(addr, "/api/map").json();
    let points = map["points"].as_array().unwrap();
    assert_eq!(points.len(), 2, "{map}");
    for p in points {
        let g = p["geonameid"].as_i64().unwrap();
        let events = get(addr, &format!("/api/events?place={g}")).json();
        assert_eq!(events["total"], p["events"]);
        assert_eq!(events["events"][0]["place"]["geonameid"], g);
    }

    let net = get(addr, "/api/network?limit=1").json();
    assert_eq!(net["total_edges"], 4);
    assert_eq!(net["edges"][0]["source"], "TURGOV");
    let codes: Vec<&str> = net["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["ARM", "TURGOV"]);

    let roots = get(addr, "/api/events?root=11,04").json();
    assert_eq!(roots["total"], 5, "{roots}");
    assert_eq!(get(addr, "/api/events?root=11").json()["total"], 3);
    get(addr, "/api/events?root=4").assert_error(400, "root");
    get(addr, "/api/events?root=21").assert_error(400, "root");
    get(addr, "/api/events?dyad=ARM").assert_error(400, "dyad");
    get(addr, "/api/map?limit=0").assert_error(400, "limit");
    get(addr, "/api/timeline?interval=year").assert_error(400, "interval");
    get(addr, "/api/network?bogus=1").assert_error(400, "bogus");
}

#[test]
fn suggestions_come_from_names_in_every_language() {
    let addr = loaded("suggest");
    for q in ["Türkei", "turquie", "Turchia", "TUR"] {
        let s = get(
            addr,
            &format!("/api/suggest?q={}", q.replace('ü', "%C3%BC")),
        )
        .json();
        let first = &s["suggestions"][0];
        assert_eq!(first["code"], "TUR", "{q}: {s}");
        assert_eq!(first["events"], 2, "{q}: TURGOV counts under TUR");
    }
    // A person with no event in the database is still offered, after those with events.
    let putin = get(addr, "/api/suggest?q=putin").json();
    assert!(putin["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["code"].as_str().unwrap().starts_with("RUS")));
    let none = get(addr, "/api/suggest?q=").json();
    assert_eq!(none["suggestions"], json!([]));
}

#[test]
fn aggregates_follow_new_ingests() {
    let addr = loaded("generation");
    assert_eq!(get(addr, "/api/summary").json()["events"], 5);
    let auth = format!("Bearer {TOKEN}");
    let more = json!({"documents": [{"id": "en-3", "date": "2021-03-06",
        "text": "Greece condemned Turkey on Saturday."}]});
    let r = request(
        addr,
        "POST",
        "/api/ingest",
        &[("Authorization", &auth)],
        more.to_string().as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(get(addr, "/api/summary").json()["events"], 6);
    assert_eq!(get(addr, "/api/events?actor=GRC").json()["total"], 1);
}
