//! FIPS 10-4 country codes for GDELT's geography columns (`data/geo/fips.tsv`, compiled in).
//!
//! GDELT codes actors with CAMEO's three-letter country codes (ISO alpha-3, as dyad does) but
//! places with FIPS 10-4: `ActionGeo_CountryCode` is `IT` for Italy, `GM` for Germany, and
//! `ActionGeo_ADM1Code` is that code followed by the first-level division (`IT07`).

use std::collections::HashMap;
use std::sync::OnceLock;

const SOURCE: &str = include_str!("../../../data/geo/fips.tsv");
const FILE: &str = "data/geo/fips.tsv";

/// Parses the table: `ISO3<TAB>FIPS` lines; `#` comments and blank lines are skipped.
fn parse(text: &str) -> Result<HashMap<&str, &str>, String> {
    let mut map = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split('\t');
        let (Some(iso), Some(fips), None) = (fields.next(), fields.next(), fields.next()) else {
            return Err(format!("{FILE}:{n}: want ISO3<TAB>FIPS, got {line:?}"));
        };
        let upper =
            |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_uppercase());
        if !upper(iso, 3) || !upper(fips, 2) {
            return Err(format!(
                "{FILE}:{n}: want three capital letters and two, got {iso:?} and {fips:?}"
            ));
        }
        if map.insert(iso, fips).is_some() {
            return Err(format!("{FILE}:{n}: {iso} is listed twice"));
        }
    }
    if map.is_empty() {
        return Err(format!("{FILE}: no country"));
    }
    Ok(map)
}

fn table() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    // A bad committed table fails `check` and the tests; at run time it only costs the codes.
    TABLE.get_or_init(|| parse(SOURCE).unwrap_or_default())
}

/// The FIPS code of an ISO alpha-3 country code.
pub fn fips(iso3: &str) -> Option<&'static str> {
    table().get(iso3).copied()
}

/// Checks the compiled-in table: the number of countries, or the first error with its line.
pub fn check() -> Result<usize, String> {
    parse(SOURCE).map(|m| m.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_table_is_sound() {
        assert!(check().unwrap() >= 240);
        for (iso, want) in [
            ("ITA", "IT"),
            ("DEU", "GM"),
            ("GBR", "UK"),
            ("USA", "US"),
            ("RUS", "RS"),
            ("UKR", "UP"),
            ("KSV", "KV"),
            ("XKX", "KV"),
        ] {
            assert_eq!(fips(iso), Some(want), "{iso}");
        }
        assert_eq!(fips("ZZZ"), None);
    }

    #[test]
    fn bad_lines_name_their_line() {
        for (text, want) in [
            ("ITA IT\n", ":1: want ISO3<TAB>FIPS"),
            ("# c\nITA\tI\n", ":2: want three capital letters"),
            ("ITA\tIT\nITA\tIT\n", ":2: ITA is listed twice"),
            ("ita\tIT\n", ":1:"),
            ("# only a comment\n", "no country"),
        ] {
            let err = parse(text).unwrap_err();
            assert!(err.contains(want), "{text:?}: {err}");
        }
    }
}
