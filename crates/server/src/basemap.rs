//! The world basemap served at `GET /assets/world.json`: country borders compiled into the
//! binary from `data/geo/countries-110m.tsv` (format in data/README.md, source in
//! data/SOURCES.md), so that the dashboard's map draws with no network.
//!
//! The file is parsed and checked once, on the first request, into
//! `{"countries": [{"iso3", "name", "d"}]}`; the serialised JSON is kept and every later
//! request sends the same bytes. The checks (codes, coordinate ranges, no segment spanning the
//! map) run on the compiled-in file in the tests, so a bad regeneration fails there, not in a
//! browser.

use crate::ApiError;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

/// Where the compiled-in file comes from, for error messages.
const FILE: &str = "data/geo/countries-110m.tsv";
const SOURCE: &str = include_str!("../../../data/geo/countries-110m.tsv");

/// One country of the basemap, borrowing from the file's text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Country<'a> {
    /// ISO 3166-1 alpha-3, or a user-assigned code documented in the file's header.
    pub iso3: &'a str,
    pub name: &'a str,
    /// SVG path data: `M x,y L x,y ... Z` subpaths, x = longitude, y = -latitude.
    pub d: &'a str,
}

/// A line of the basemap file that is not valid, with its 1-based number.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BasemapError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for BasemapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{FILE}:{}: {}", self.line, self.message)
    }
}

impl std::error::Error for BasemapError {}

/// Parses and checks a basemap file: `#` comment lines and blank lines are skipped, every other
/// line is `ISO3<TAB>name<TAB>path`. The first bad line is an error that names it.
pub(crate) fn parse(text: &str) -> Result<Vec<Country<'_>>, BasemapError> {
    let mut countries = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |message: String| BasemapError { line: n, message };
        let fields: Vec<&str> = line.split('\t').collect();
        let [iso3, name, d] = fields[..] else {
            return Err(bad(format!(
                "expected 3 tab-separated fields (code, name, path), found {}",
                fields.len()
            )));
        };
        if iso3.len() != 3 || !iso3.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(bad(format!(
                "country code {iso3:?} is not three capital letters"
            )));
        }
        if let Some(first) = seen.insert(iso3, n) {
            return Err(bad(format!("country code {iso3} already on line {first}")));
        }
        if name.trim().is_empty() || name.trim() != name {
            return Err(bad(format!(
                "{iso3}: the name {name:?} is empty or has spaces around it"
            )));
        }
        check_path(d).map_err(|m| bad(format!("{iso3}: {m}")))?;
        countries.push(Country { iso3, name, d });
    }
    if countries.is_empty() {
        return Err(BasemapError {
            line: 0,
            message: "no countries".into(),
        });
    }
    Ok(countries)
}

/// Checks path data of the form the generator writes: one or more `M x,y L x,y ... Z`
/// subpaths of at least three points, x in -180..=180, y in -90..=90, and no segment (the
/// closing one included) longer than 180 degrees of longitude: such a segment would draw a
/// streak across the whole map.
fn check_path(d: &str) -> Result<(), String> {
    if d.is_empty() {
        return Err("empty path".into());
    }
    let mut rest = d;
    let mut subpath = 0;
    while !rest.is_empty() {
        subpath += 1;
        let Some(body) = rest.strip_prefix('M') else {
            return Err(format!("subpath {subpath} does not start with M"));
        };
        let Some(end) = body.find('Z') else {
            return Err(format!("subpath {subpath} is not closed with Z"));
        };
        let points = body[..end]
            .split('L')
            .map(point)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|m| format!("subpath {subpath}: {m}"))?;
        if points.len() < 3 {
            return Err(format!(
                "subpath {subpath} has {} points, a ring needs 3",
                points.len()
            ));
        }
        let closing = (points[points.len() - 1], points[0]);
        for (a, b) in points.windows(2).map(|w| (w[0], w[1])).chain([closing]) {
            if (a.0 - b.0).abs() > 180.0 {
                return Err(format!(
                    "subpath {subpath}: the segment from {},{} to {},{} spans more than 180 degrees of longitude",
                    a.0, a.1, b.0, b.1
                ));
            }
        }
        rest = &body[end + 1..];
    }
    Ok(())
}

/// `x,y` with x a longitude and y a negated latitude, plain decimals.
fn point(s: &str) -> Result<(f64, f64), String> {
    let number = |t: &str| -> Option<f64> {
        let plain = !t.is_empty()
            && t.bytes()
                .all(|b| b.is_ascii_digit() || b == b'-' || b == b'.');
        plain.then(|| t.parse().ok()).flatten()
    };
    let (x, y) = s
        .split_once(',')
        .and_then(|(x, y)| Some((number(x)?, number(y)?)))
        .ok_or_else(|| format!("{s:?} is not a point x,y"))?;
    if !(-180.0..=180.0).contains(&x) || !(-90.0..=90.0).contains(&y) {
        return Err(format!(
            "point {s} is out of range (x -180..180, y -90..90)"
        ));
    }
    Ok((x, y))
}

/// Checks the compiled-in basemap: the number of countries, or the first error with its line.
pub fn check() -> Result<usize, String> {
    parse(SOURCE).map(|c| c.len()).map_err(|e| e.to_string())
}

/// The JSON of `GET /assets/world.json`, made once.
fn world_json() -> Result<&'static str, &'static str> {
    static WORLD: OnceLock<Result<String, String>> = OnceLock::new();
    WORLD
        .get_or_init(|| {
            let countries = parse(SOURCE).map_err(|e| e.to_string())?;
            let list: Vec<_> = countries
                .iter()
                .map(|c| json!({"iso3": c.iso3, "name": c.name, "d": c.d}))
                .collect();
            Ok(json!({ "countries": list }).to_string())
        })
        .as_deref()
        .map_err(String::as_str)
}

/// `GET /assets/world.json`: cached by browsers for a day (it changes only with the binary).
pub(crate) async fn world() -> Response {
    match world_json() {
        Ok(body) => (
            [
                (header::CONTENT_TYPE, "application/json"),
                (header::CACHE_CONTROL, "public, max-age=86400"),
            ],
            body,
        )
            .into_response(),
        Err(e) => {
            ApiError(StatusCode::INTERNAL_SERVER_ERROR, format!("basemap: {e}")).into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;
    use std::collections::HashSet;

    const GOOD: &str = "ITA\tItaly\tM12,-45L13,-44L14,-46Z";

    /// The error that `line` (after a header comment and a good line) gives: on line 3.
    fn error_of(line: &str) -> String {
        let text = format!("# header\n{GOOD}\n{line}\n");
        let e = parse(&text).expect_err(line);
        assert_eq!(e.line, 3, "{e}");
        let shown = e.to_string();
        assert!(shown.starts_with(&format!("{FILE}:3: ")), "{shown}");
        e.message
    }

    #[test]
    fn the_compiled_in_file_parses_and_passes_every_check() {
        let countries = parse(SOURCE).unwrap_or_else(|e| panic!("{e}"));
        assert!(countries.len() >= 170, "{} countries", countries.len());
        let codes: HashSet<&str> = countries.iter().map(|c| c.iso3).collect();
        assert_eq!(codes.len(), countries.len(), "codes are unique");
        for code in [
            "ITA", "RUS", "USA", "FRA", "AZE", "ARM", "MLI", "FJI", "ATA", "KSV",
        ] {
            assert!(codes.contains(code), "{code} missing");
        }
        let russia = countries.iter().find(|c| c.iso3 == "RUS").unwrap();
        assert_eq!(russia.name, "Russia");
        // Russia and Fiji cross the antimeridian: their pieces touch both edges of the map.
        for code in ["RUS", "FJI"] {
            let d = countries.iter().find(|c| c.iso3 == code).unwrap().d;
            assert!(d.contains("M-180,") || d.contains("L-180,"), "{code}");
            assert!(d.contains("M180,") || d.contains("L180,"), "{code}");
        }
    }

    #[test]
    fn a_good_file_parses_with_comments_and_blank_lines() {
        let text = format!("# a\n\n{GOOD}\nFRA\tFrance\tM1,2L3,4L5,2ZM-180,90L0,90L180,90L0,0Z\n");
        let countries = parse(&text).unwrap();
        assert_eq!(countries.len(), 2);
        assert_eq!(
            countries[1],
            Country {
                iso3: "FRA",
                name: "France",
                d: "M1,2L3,4L5,2ZM-180,90L0,90L180,90L0,0Z"
            }
        );
    }

    #[test]
    fn bad_lines_are_errors_that_name_the_line() {
        let cases = [
            ("ITA\tItaly", "3 tab-separated fields"),
            ("FRA\tFrance\tM1,2L3,4L5,6Z\textra", "found 4"),
            ("Ita\tItaly\tM1,2L3,4L5,6Z", "three capital letters"),
            ("IT\tItaly\tM1,2L3,4L5,6Z", "three capital letters"),
            ("ITA\tItaly again\tM1,2L3,4L5,6Z", "ITA already on line 2"),
            ("FRA\t\tM1,2L3,4L5,6Z", "empty"),
            ("FRA\t France\tM1,2L3,4L5,6Z", "spaces around"),
            ("FRA\tFrance\t", "empty path"),
            ("FRA\tFrance\tL1,2L3,4L5,6Z", "does not start with M"),
            ("FRA\tFrance\tM1,2L3,4L5,6", "not closed with Z"),
            ("FRA\tFrance\tM1,2L3,4Z", "a ring needs 3"),
            ("FRA\tFrance\tM1,2L3;4L5,6Z", "\"3;4\" is not a point"),
            ("FRA\tFrance\tM1,2L3L5,6Z", "\"3\" is not a point"),
            ("FRA\tFrance\tM1,2L1e1,4L5,6Z", "is not a point"),
            ("FRA\tFrance\tM1,2LNaN,4L5,6Z", "is not a point"),
            ("FRA\tFrance\tM1,2L180.5,4L5,6Z", "out of range"),
            ("FRA\tFrance\tM1,2L3,-90.01L5,6Z", "out of range"),
            ("FRA\tFrance\tM170,2L-170,4L175,6Z", "spans more than 180"),
            // The closing segment counts too.
            ("FRA\tFrance\tM-170,2L-100,4L20,6Z", "spans more than 180"),
            (
                "FRA\tFrance\tM1,2L3,4L5,6ZM1,2L3,4L5,6",
                "subpath 2 is not closed",
            ),
        ];
        for (line, expected) in cases {
            let message = error_of(line);
            assert!(message.contains(expected), "{line:?}: {message:?}");
        }
    }

    #[test]
    fn a_file_with_no_countries_is_an_error() {
        assert!(parse("# only a comment\n").is_err());
        assert!(parse("").is_err());
    }

    #[test]
    fn the_served_json_has_every_country() {
        let body = world_json().unwrap();
        let v: Value = serde_json::from_str(body).unwrap();
        let list = v["countries"].as_array().unwrap();
        assert_eq!(list.len(), parse(SOURCE).unwrap().len());
        let italy = list.iter().find(|c| c["iso3"] == "ITA").unwrap();
        assert_eq!(italy["name"], "Italy");
        assert!(italy["d"].as_str().unwrap().starts_with('M'));
        // Once: the same bytes on every call.
        assert!(std::ptr::eq(body, world_json().unwrap()));
    }

    /// Through the real router: the static route wins over `/assets/{name}`, which still
    /// serves the other assets.
    #[test]
    fn the_route_serves_it_next_to_the_other_assets() {
        use std::io::{Read, Write};

        let dir = std::env::temp_dir().join(format!("dyad-basemap-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let lexicon = std::sync::Arc::new(dyad_lexicon::Lexicon::builtin().unwrap());
        let app = crate::app(crate::Config::new(dir.join("db.sqlite")), lexicon).unwrap();
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let listener = rt
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .unwrap();
        let addr = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            rt.block_on(crate::serve(listener, app, std::future::pending()))
        });
        let get = |path: &str| -> (String, String) {
            let mut s = std::net::TcpStream::connect(addr).unwrap();
            write!(
                s,
                "GET {path} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"
            )
            .unwrap();
            let mut raw = String::new();
            s.read_to_string(&mut raw).unwrap();
            let (head, body) = raw.split_once("\r\n\r\n").unwrap();
            (head.to_ascii_lowercase(), body.to_string())
        };

        let (head, body) = get("/assets/world.json");
        assert!(head.starts_with("http/1.1 200"), "{head}");
        assert!(head.contains("content-type: application/json"), "{head}");
        assert!(
            head.contains("cache-control: public, max-age=86400"),
            "{head}"
        );
        let v: Value = serde_json::from_str(&body).unwrap();
        assert!(v["countries"].as_array().unwrap().len() >= 170);

        let (head, _) = get("/assets/app.css");
        assert!(head.starts_with("http/1.1 200"), "{head}");
        assert!(head.contains("content-type: text/css"), "{head}");
        let (head, _) = get("/assets/nothing.json");
        assert!(head.starts_with("http/1.1 404"), "{head}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
