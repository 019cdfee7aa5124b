//! The dashboard end to end: `dyad ingest` stores the example articles, `dyad serve` serves them
//! on a free loopback port, and headless Chromium loads every view, applies filters, follows
//! clicks and checks what is drawn against what the API says.
//!
//! Chromium comes from Debian's `chromium` package (`.ci/run` installs it when missing). Without
//! it the test fails saying so, unless `DYAD_SKIP_BROWSER=1`.
//!
//! `cargo test -p dyad-cli --test dashboard -- --ignored screenshots` writes the screenshots of
//! docs/dashboard/ again.

mod support;

use dyad_browser::{Browser, Page};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(60);

fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `dyad serve` on a database of the example articles; killed on drop.
struct Server {
    child: Child,
    base: String,
    dir: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn server(name: &str) -> Server {
    let dir = std::env::temp_dir().join(format!("dyad-dashboard-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("news.db");
    let out = dyad()
        .args(["ingest", "--quiet", "--db"])
        .arg(&db)
        .arg(repo().join("examples"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (child, line) = support::serve(&db, &[]);
    let base = support::base_url(&line);
    Server { child, base, dir }
}

/// Waits until the view is drawn.
#[track_caller]
fn ready(page: &Page, view: &str) {
    page.wait_for(
        &format!(
            "(() => {{ const v = document.querySelector('#view'); \
             return v && v.dataset.view === '{view}' && v.dataset.ready === '1'; }})()"
        ),
        WAIT,
    )
    .unwrap();
}

/// What the API answers, fetched by the page itself.
fn api(page: &Page, path: &str) -> Value {
    page.eval(&format!("fetch('{path}').then(r => r.json())"))
        .unwrap()
}

fn count(page: &Page, selector: &str) -> u64 {
    page.eval(&format!("document.querySelectorAll('{selector}').length"))
        .unwrap()
        .as_u64()
        .unwrap()
}

fn text(page: &Page, selector: &str) -> String {
    page.eval(&format!(
        "(document.querySelector('{selector}') || {{}}).textContent || ''"
    ))
    .unwrap()
    .as_str()
    .unwrap()
    .trim()
    .to_string()
}

/// The text of every element `selector` matches, joined: a highlighted span can be cut into
/// several marks where another span starts or ends inside it.
fn marked(page: &Page, selector: &str) -> String {
    page.eval(&format!(
        "[...document.querySelectorAll('{selector}')].map(m => m.textContent).join('')"
    ))
    .unwrap()
    .as_str()
    .unwrap()
    .to_string()
}

fn digits(s: &str) -> u64 {
    s.chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or_else(|_| panic!("no number in {s:?}"))
}

fn no_errors(page: &Page) {
    let errors = page.console_errors().unwrap();
    assert!(errors.is_empty(), "the page logged errors: {errors:?}");
}

#[test]
fn every_view_renders_what_the_api_says() {
    let Some(browser) = Browser::launch_or_skip().unwrap() else {
        return;
    };
    let server = server("views");
    let base = &server.base;
    let page = browser.page().unwrap();

    // Overview: the tiles, the timeline bars and the dyad tables.
    page.goto(&format!("{base}/?view=overview")).unwrap();
    ready(&page, "overview");
    let summary = api(&page, "/api/summary");
    assert_eq!(
        digits(&text(&page, "#tile-events .num")),
        summary["events"].as_u64().unwrap()
    );
    assert_eq!(
        digits(&text(&page, "#tile-documents .num")),
        summary["documents"].as_u64().unwrap()
    );
    assert!(count(&page, "rect.bar") > 0);
    assert!(count(&page, "#top-dyads tr") > 0);
    assert!(count(&page, "#hostile-dyads tr") > 0);
    no_errors(&page);

    // A filter from the bar: language Italian. The URL keeps it, the numbers follow it.
    page.eval("(() => { const s = document.querySelector('#f-lang'); s.value = 'it'; s.dispatchEvent(new Event('change', {bubbles: true})); })()")
        .unwrap();
    page.click("#f-apply").unwrap();
    page.wait_for("location.search.includes('lang=it')", WAIT)
        .unwrap();
    ready(&page, "overview");
    let italian = api(&page, "/api/summary?lang=it");
    assert!(italian["events"].as_u64().unwrap() < summary["events"].as_u64().unwrap());
    page.wait_for(
        &format!(
            "(document.querySelector('#tile-events .num') || {{}}).textContent.replace(/\\D/g, '') === '{}'",
            italian["events"]
        ),
        WAIT,
    )
    .unwrap();

    // Map: the basemap, one point per place, and a click lists the events of a point.
    page.goto(&format!("{base}/?view=map&lang=it")).unwrap();
    ready(&page, "map");
    assert!(count(&page, "path.country") >= 170);
    let map = api(&page, "/api/map?lang=it");
    let points = map["points"].as_array().unwrap();
    assert!(!points.is_empty());
    assert_eq!(count(&page, "circle.point"), points.len() as u64);
    // Points overlap at world zoom: open the busiest one from the keyboard.
    let first = &points[0];
    page.eval(&format!(
        "document.querySelector('circle.point[data-geonameid=\"{}\"]').focus()",
        first["geonameid"]
    ))
    .unwrap();
    page.press("Enter").unwrap();
    page.wait_for(
        &format!(
            "document.querySelectorAll('#map-events tbody tr').length === {}",
            first["events"]
        ),
        WAIT,
    )
    .unwrap();
    no_errors(&page);

    // Dyad: two actors picked by completion from names typed in Italian and English.
    page.goto(&format!("{base}/?view=dyad")).unwrap();
    ready(&page, "dyad");
    page.type_text("#actor-a", "Armen").unwrap();
    page.wait_for(
        "document.querySelectorAll('#suggest-a li').length > 0",
        WAIT,
    )
    .unwrap();
    page.press("ArrowDown").unwrap();
    page.press("Enter").unwrap();
    page.type_text("#actor-b", "Azerbaigian").unwrap();
    page.wait_for(
        "document.querySelectorAll('#suggest-b li').length > 0",
        WAIT,
    )
    .unwrap();
    page.press("ArrowDown").unwrap();
    page.press("Enter").unwrap();
    assert_eq!(
        page.eval("document.querySelector('#actor-a').value + ' ' + document.querySelector('#actor-b').value")
            .unwrap(),
        "ARM AZE"
    );
    page.click(".dyad-form button[type=submit]").unwrap();
    page.wait_for(
        "location.search.includes('a=ARM') && location.search.includes('b=AZE')",
        WAIT,
    )
    .unwrap();
    ready(&page, "dyad");
    let between = api(&page, "/api/events?dyad=ARM,AZE&limit=1");
    assert!(between["total"].as_u64().unwrap() >= 2);
    assert_eq!(
        count(&page, "#dyad-events tbody tr"),
        between["total"].as_u64().unwrap()
    );
    assert!(
        count(&page, "#dyad-chart path.line-ab") + count(&page, "#dyad-chart path.line-ba") >= 1
    );
    no_errors(&page);

    // Network: a node per actor of the top dyads, an edge per dyad.
    page.goto(&format!("{base}/?view=network")).unwrap();
    ready(&page, "network");
    let net = api(&page, "/api/network");
    assert_eq!(
        count(&page, "g.node"),
        net["nodes"].as_array().unwrap().len() as u64
    );
    assert_eq!(
        count(&page, ".edge"),
        net["edges"].as_array().unwrap().len() as u64
    );
    no_errors(&page);

    // Events, filtered by CAMEO roots in the URL; a click opens the document with the evidence.
    page.goto(&format!("{base}/?view=events&root=11,12,19"))
        .unwrap();
    ready(&page, "events");
    let events = api(&page, "/api/events?root=11,12,19&limit=1");
    let total = events["total"].as_u64().unwrap();
    assert!(total > 0);
    assert_eq!(digits(&text(&page, "#events-total")), total);
    assert!(page
        .eval("document.querySelector('input[name=root][value=\"19\"]').checked")
        .unwrap()
        .as_bool()
        .unwrap());
    // The download links carry the same filters.
    let csv = page
        .eval("document.querySelector('#events-download a[download=\"events.csv\"]').getAttribute('href')")
        .unwrap();
    let csv = csv.as_str().unwrap();
    assert!(
        csv.contains("format=csv") && csv.contains("root=11%2C12%2C19"),
        "{csv}"
    );
    let first_id = page
        .eval("document.querySelector('#events-table tbody tr[data-event-id]').dataset.eventId")
        .unwrap();
    let first_id = first_id.as_str().unwrap().to_string();
    let doc_id = first_id.split('#').next().unwrap().to_string();
    page.click("#events-table tbody tr[data-event-id]").unwrap();
    ready(&page, "doc");
    let doc = api(&page, &format!("/api/documents/{doc_id}"));
    let event = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["event_id"] == first_id.as_str())
        .unwrap();
    assert_eq!(
        marked(&page, "#doc-text mark.hl-trigger"),
        event["trigger"]["text"].as_str().unwrap()
    );
    assert_eq!(
        marked(&page, "#doc-text mark.hl-source"),
        event["source"]["text"].as_str().unwrap()
    );
    assert_eq!(
        marked(&page, "#doc-text mark.hl-target"),
        event["target"]["text"].as_str().unwrap_or_default()
    );
    assert!(text(&page, "#doc-rule").contains(event["rule"].as_str().unwrap()));
    assert!(count(&page, "#doc-events li[data-event-id]") >= 1);
    no_errors(&page);

    // Back goes to the table, with its filter.
    page.eval("history.back()").unwrap();
    ready(&page, "events");
    assert!(page
        .eval("location.search")
        .unwrap()
        .as_str()
        .unwrap()
        .contains("root=11"));
}

/// Writes the screenshots of docs/dashboard/ (run with `--ignored`).
#[test]
#[ignore = "writes docs/dashboard/*.png; run on purpose"]
fn screenshots() {
    let browser = Browser::launch().unwrap();
    let server = server("shots");
    let out = repo().join("docs/dashboard");
    std::fs::create_dir_all(&out).unwrap();
    let page = browser.page().unwrap();
    let shot = |name: &str, query: &str, view: &str, then: &dyn Fn(&Page)| {
        page.goto(&format!("{}/?{query}", server.base)).unwrap();
        ready(&page, view);
        then(&page);
        std::thread::sleep(Duration::from_millis(300));
        page.screenshot(&out.join(format!("{name}.png")), 1280, 900)
            .unwrap();
    };
    let nothing = |_: &Page| {};
    shot("overview", "view=overview", "overview", &nothing);
    shot("map", "view=map", "map", &|p: &Page| {
        p.eval("[...document.querySelectorAll('circle.point')].pop().focus()")
            .unwrap();
        p.press("Enter").unwrap();
        p.wait_for(
            "document.querySelectorAll('#map-events tbody tr').length > 0",
            WAIT,
        )
        .unwrap();
    });
    shot("dyad", "view=dyad&a=ARM&b=AZE", "dyad", &nothing);
    shot("network", "view=network", "network", &nothing);
    shot("events", "view=events&sort=-date", "events", &nothing);
    shot(
        "document",
        "view=doc&id=it-caucaso&event=it-caucaso%230",
        "doc",
        &nothing,
    );
    assert!(Path::new(&out.join("overview.png")).exists());
}
