//! Places in the output: the GDELT geography columns and the JSON `place` of events and actors.
//! The sentences are written for these tests.

use std::io::Write;
use std::process::{Command, Stdio};

fn code(format: &str, text: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["code", "--lang", "en", "--format", format, "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn gdelt_rows_fill_action_and_actor_geography() {
    let rows = code(
        "gdelt",
        "Protesters in Rafah accused Israel of war crimes.\n",
    );
    let cols: Vec<&str> = rows
        .lines()
        .next()
        .expect("one event")
        .split('\t')
        .collect();
    assert_eq!(cols.len(), 61);
    // Actor1Geo_*: the protesters are in Rafah.
    assert_eq!(cols[35], "4");
    // GDELT's geography columns use FIPS 10-4 country codes: Rafah is in the Gaza Strip.
    assert_eq!(cols[37], "GZ");
    assert_eq!(cols[38], "GZ");
    assert!(cols[40].starts_with("31.2"), "{}", cols[40]);
    assert_eq!(cols[42], "281102");
    // Actor2Geo_*: nothing ties Israel to a place.
    assert!(
        cols[43..51].iter().all(|c| c.is_empty()),
        "{:?}",
        &cols[43..51]
    );
    // ActionGeo_*.
    assert_eq!(cols[51], "4");
    assert_eq!(cols[53], "GZ");
    assert!(cols[57].starts_with("34.2"), "{}", cols[57]);
    assert_eq!(cols[58], "281102");
}

#[test]
fn json_events_name_their_place_and_the_actors_places() {
    let out = code(
        "jsonl",
        "Protesters in Rafah accused Israel of war crimes.\n",
    );
    let e: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(e["place"]["country"], "PSE");
    assert_eq!(e["place"]["geonameid"], 281102);
    assert_eq!(e["source"]["place"]["geonameid"], 281102);
    assert!(e["target"]["place"].is_null());
}

#[test]
fn gdelt_geography_uses_fips_country_codes() {
    let rows = code("gdelt", "German police arrested two men in Munich.\n");
    let cols: Vec<&str> = rows
        .lines()
        .next()
        .expect("one event")
        .split('\t')
        .collect();
    // Actor codes stay CAMEO's (ISO alpha-3); the place's country is FIPS (GM, not DEU), and
    // its ADM1 is FIPS country + GeoNames ADM1 (Bavaria is 02).
    assert_eq!(cols[5], "DEUCOP");
    assert_eq!(cols[52], "Munich");
    assert_eq!(cols[53], "GM");
    assert_eq!(cols[54], "GM02");
}
