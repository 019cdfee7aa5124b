//! Output formats: JSON Lines (one event per line) and the 61 columns of GDELT 2.0's event table.

use dyad_coder::{Actor, Event, PlaceRef};
use dyad_lexicon::Lexicon;
use dyad_text::Lang;
use serde::Serialize;
use std::fmt::Write as _;

/// What an output line needs besides the event.
pub struct DocInfo<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub lang: Lang,
    pub url: Option<&'a str>,
}

/// A stable id for the `n`-th event of a document.
pub fn event_id(doc_id: &str, n: usize) -> String {
    format!("{doc_id}#{n}")
}

/// One event as it is written in JSON Lines. Field order is the documented order; the struct
/// borrows from the event and the document, so that serialising it allocates only the output.
#[derive(Serialize)]
pub struct EventRecord<'a> {
    event_id: String,
    doc_id: &'a str,
    sentence: usize,
    date: Option<String>,
    date_precision: Option<&'static str>,
    source: ActorRecord<'a>,
    target: Option<ActorRecord<'a>>,
    cameo: &'a str,
    cameo_name: Option<&'a str>,
    quad_class: Option<u8>,
    goldstein: Option<f32>,
    plover: Plover<'a>,
    trigger: Evidence<'a>,
    place: Option<&'a PlaceRef>,
    lang: &'static str,
    rule: &'a str,
    text: &'a str,
}

/// An actor with the place tied to it (`protesters in Rafah`), if any.
#[derive(Serialize)]
struct ActorRecord<'a> {
    code: &'a str,
    country: Option<&'a str>,
    roles: &'a [String],
    name: &'a str,
    text: &'a str,
    span: (usize, usize),
    place: Option<&'a PlaceRef>,
}

impl<'a> ActorRecord<'a> {
    fn new(a: &'a Actor, place: Option<&'a PlaceRef>) -> ActorRecord<'a> {
        ActorRecord {
            code: &a.code,
            country: a.country.as_deref(),
            roles: &a.roles,
            name: &a.name,
            text: &a.text,
            span: a.span,
            place,
        }
    }
}

#[derive(Serialize)]
struct Plover<'a> {
    #[serde(rename = "type")]
    kind: Option<&'a str>,
    mode: Option<&'a str>,
}

#[derive(Serialize)]
struct Evidence<'a> {
    text: &'a str,
    span: (usize, usize),
}

/// One event as a record ready to serialise.
pub fn event_record<'a>(
    lexicon: &'a Lexicon,
    doc: &DocInfo<'a>,
    n: usize,
    e: &'a Event,
) -> EventRecord<'a> {
    let cameo = lexicon.cameo().get(&e.cameo);
    let nonempty = |s: &'a str| (!s.is_empty()).then_some(s);
    EventRecord {
        event_id: event_id(doc.id, n),
        doc_id: doc.id,
        sentence: e.sentence,
        date: e.date.map(|d| d.to_string()),
        date_precision: e.date.map(|d| d.precision.as_str()),
        source: ActorRecord::new(&e.source, e.source_place.as_ref()),
        target: e
            .target
            .as_ref()
            .map(|t| ActorRecord::new(t, e.target_place.as_ref())),
        cameo: &e.cameo,
        cameo_name: cameo.map(|c| c.name.as_str()),
        quad_class: cameo.map(|c| c.quad_class),
        goldstein: cameo.map(|c| c.goldstein),
        plover: Plover {
            kind: cameo.and_then(|c| nonempty(&c.plover_type)),
            mode: cameo.and_then(|c| nonempty(&c.plover_mode)),
        },
        trigger: Evidence {
            text: &doc.text[e.trigger.0..e.trigger.1],
            span: e.trigger,
        },
        place: e.place.as_ref(),
        lang: doc.lang.code(),
        rule: &e.rule,
        text: &doc.text[e.sentence_span.0..e.sentence_span.1],
    }
}

/// One event as a JSON line (no newline).
pub fn event_line(lexicon: &Lexicon, doc: &DocInfo<'_>, n: usize, e: &Event) -> String {
    serde_json::to_string(&event_record(lexicon, doc, n, e))
        .expect("an event record always serialises")
}

/// One event as a JSON value: the same object as [`event_line`].
pub fn event_json(lexicon: &Lexicon, doc: &DocInfo<'_>, n: usize, e: &Event) -> serde_json::Value {
    serde_json::to_value(event_record(lexicon, doc, n, e))
        .expect("an event record always serialises")
}

/// The names of GDELT 2.0's 61 event columns, in order.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// A 63-bit FNV-1a hash: GDELT wants a numeric event id, and it must be stable across runs.
pub fn numeric_id(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h >> 1
}

fn clean(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c == '\t' || c == '\n' || c == '\r' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

fn actor_columns(a: Option<&Actor>) -> [String; 10] {
    let Some(a) = a else {
        return Default::default();
    };
    let known_group = if a.code.starts_with("IGO") || a.code.starts_with("NGO") {
        a.code.get(3..6).unwrap_or("").to_string()
    } else {
        String::new()
    };
    let roles: Vec<&str> = if a.country.is_some() || a.code.starts_with("---") {
        a.roles.iter().map(String::as_str).collect()
    } else {
        vec![&a.code[..3]]
    };
    [
        a.code.clone(),
        clean(&a.name.to_uppercase()),
        a.country.clone().unwrap_or_default(),
        known_group,
        String::new(),
        String::new(),
        String::new(),
        roles.first().map(|s| s.to_string()).unwrap_or_default(),
        roles.get(1).map(|s| s.to_string()).unwrap_or_default(),
        roles.get(2).map(|s| s.to_string()).unwrap_or_default(),
    ]
}

/// GDELT's eight geography columns: type (3 a US city, 4 a city elsewhere), full name, country
/// (FIPS 10-4, as GDELT has it), ADM1 (FIPS country + GeoNames ADM1 code, which follows FIPS
/// for most countries and the postal code for US states, as GDELT does), ADM2 (empty),
/// latitude, longitude, feature id (the GeoNames id). A country with no FIPS code keeps its ISO
/// alpha-3 code.
fn geo_columns(place: Option<&PlaceRef>) -> [String; 8] {
    let Some(p) = place else {
        return Default::default();
    };
    // FIPS splits Palestine into the Gaza Strip (GZ) and the West Bank (WE), GeoNames' two
    // first-level divisions of it; GDELT gives places there no ADM1 of their own.
    let (country, adm1) = match (p.country.as_str(), p.admin1.as_str()) {
        ("PSE", a @ ("GZ" | "WE")) => (a.to_string(), a.to_string()),
        _ => {
            let c = crate::fips::fips(&p.country).unwrap_or(&p.country);
            (c.to_string(), format!("{c}{}", p.admin1))
        }
    };
    [
        if p.country == "USA" { "3" } else { "4" }.into(),
        clean(&p.name),
        country,
        adm1,
        String::new(),
        format!("{:.4}", p.lat),
        format!("{:.4}", p.lon),
        p.geonameid.to_string(),
    ]
}

/// One event as a GDELT 2.0 event-table row (tab-separated, no newline).
pub fn gdelt_row(lexicon: &Lexicon, doc: &DocInfo<'_>, n: usize, e: &Event) -> String {
    let cameo = lexicon.cameo().get(&e.cameo);
    let mut cols: Vec<String> = Vec::with_capacity(61);
    cols.push(numeric_id(&event_id(doc.id, n)).to_string());
    match e.date {
        Some(d) => {
            cols.push(d.sql_date().to_string());
            cols.push(format!("{:04}{:02}", d.year, d.month));
            cols.push(d.year.to_string());
            let day_of_year =
                (d.days() - dyad_lexicon::Date::ymd(d.year, 1, 1).map_or(0, |j| j.days())) as f64;
            cols.push(format!("{:.4}", f64::from(d.year) + day_of_year / 365.0));
        }
        None => cols.extend(std::iter::repeat_n(String::new(), 4)),
    }
    cols.extend(actor_columns(Some(&e.source)));
    cols.extend(actor_columns(e.target.as_ref()));
    cols.push(if e.sentence == 0 { "1" } else { "0" }.into());
    cols.push(e.cameo.clone());
    cols.push(e.cameo.get(..3).unwrap_or(&e.cameo).to_string());
    cols.push(e.cameo[..2].to_string());
    cols.push(cameo.map(|c| c.quad_class.to_string()).unwrap_or_default());
    cols.push(
        cameo
            .map(|c| format!("{:.1}", c.goldstein))
            .unwrap_or_default(),
    );
    cols.extend(["1".into(), "1".into(), "1".into(), String::new()]);
    // Actor geographies: a place the text ties to the actor (`protesters in Rafah`).
    cols.extend(geo_columns(e.source_place.as_ref()));
    cols.extend(geo_columns(e.target_place.as_ref()));
    cols.extend(geo_columns(e.place.as_ref()));
    cols.push(
        e.date
            .map(|d| format!("{}000000", d.sql_date()))
            .unwrap_or_default(),
    );
    cols.push(clean(doc.url.unwrap_or(doc.id)));
    debug_assert_eq!(cols.len(), 61);
    let mut line = String::new();
    for (i, c) in cols.iter().enumerate() {
        if i > 0 {
            line.push('\t');
        }
        let _ = write!(line, "{c}");
    }
    line
}
