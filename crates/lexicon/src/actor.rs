//! Actor codes, roles, countries and dated entities.

use crate::date::Date;

/// The role codes an actor code may carry after its country (see `../shared/eval/README.md`).
pub const ROLES: [&str; 23] = [
    "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "REB", "SEP", "INS", "CRM", "CVL", "MED",
    "BUS", "LAB", "EDU", "HLH", "REF", "SPY", "ELI", "IGO", "NGO", "UAF",
];

/// A role code such as `GOV`, stored as an index into [`ROLES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Role(u8);

impl Role {
    /// Parses a role code, case-insensitively.
    pub fn parse(code: &str) -> Option<Role> {
        ROLES
            .iter()
            .position(|r| r.eq_ignore_ascii_case(code))
            .map(|i| Role(i as u8))
    }

    /// The three-letter code.
    pub fn as_str(self) -> &'static str {
        ROLES[self.0 as usize]
    }
}

/// True when `code` is a well-formed CAMEO actor code: three letters (a country, `IGO`, `NGO` or
/// `---`) followed by three-letter groups. Organisation codes may end in a shorter group
/// (`IGOAFRAU`, the African Union).
pub fn valid_actor_code(code: &str) -> bool {
    let b = code.as_bytes();
    let organisation = b.starts_with(b"IGO") || b.starts_with(b"NGO");
    b.len() >= 3
        && (organisation || b.len().is_multiple_of(3))
        && (b[..3] == *b"---" || b[..3].iter().all(u8::is_ascii_uppercase))
        && b[3..].iter().all(u8::is_ascii_uppercase)
}

/// A country or territory.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code (or a documented extension such as `KSV`, CAMEO's code for Kosovo).
    pub code: String,
    /// Display name: the first English name, else the first name in any language.
    pub name: String,
}

/// A code an entity carries, possibly only between two dates.
#[derive(Debug, Clone, PartialEq)]
pub struct DatedCode {
    /// The actor code.
    pub code: String,
    /// First day it applies (inclusive), if bounded.
    pub from: Option<Date>,
    /// Day it stops applying (exclusive), if bounded.
    pub to: Option<Date>,
}

impl DatedCode {
    fn covers(&self, days: i64) -> bool {
        self.from.is_none_or(|f| f.days() <= days) && self.to.is_none_or(|t| days < t.days())
    }

    fn is_dated(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }
}

/// A named person or organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Canonical name (the block header).
    pub name: String,
    /// Its codes, in file order.
    pub codes: Vec<DatedCode>,
}

impl Entity {
    /// The code on `date`: the dated code covering it, else the undated one. Without a date, the
    /// undated code or the most recent dated one.
    pub fn code_at(&self, date: Option<Date>) -> Option<&str> {
        let undated = self.codes.iter().find(|c| !c.is_dated());
        let chosen = match date {
            Some(date) => {
                let days = date.representative_days();
                self.codes
                    .iter()
                    .find(|c| c.is_dated() && c.covers(days))
                    .or(undated)
            }
            None => undated.or_else(|| self.codes.iter().max_by_key(|c| c.from.map(Date::days))),
        };
        chosen.map(|c| c.code.as_str())
    }
}

/// A populated place from the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// GeoNames id.
    pub geonameid: u32,
    /// Main name.
    pub name: String,
    /// ISO alpha-3 country.
    pub country: String,
    /// First-level administrative division code.
    pub admin1: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Population.
    pub population: u64,
    /// Its names in the supported languages where they differ from the main name
    /// (`it` → `Monaco di Baviera` for Munich).
    pub names_in: Vec<(dyad_text::Lang, String)>,
}

impl Place {
    /// The place's name in `lang`: the language's own name if the gazetteer has one, else the
    /// main name.
    pub fn name_in(&self, lang: dyad_text::Lang) -> &str {
        self.names_in
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or(self.name.as_str(), |(_, n)| n.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_codes_and_roles() {
        for good in [
            "RUS",
            "RUSGOV",
            "USAGOVMIL",
            "IGOUNO",
            "---CVL",
            "NGOAMN",
            "IGOAFRAU",
        ] {
            assert!(valid_actor_code(good), "{good}");
        }
        for bad in ["", "RU", "rusgov", "RUSGO", "R-SGOV", "RUS---"] {
            assert!(!valid_actor_code(bad), "{bad}");
        }
        assert_eq!(Role::parse("gov").unwrap().as_str(), "GOV");
        assert!(Role::parse("XYZ").is_none());
    }

    #[test]
    fn entity_codes_resolve_by_date() {
        let e = Entity {
            name: "Keir Starmer".into(),
            codes: vec![
                DatedCode {
                    code: "GBROPP".into(),
                    from: Date::parse("2020-04-04"),
                    to: Date::parse("2024-07-05"),
                },
                DatedCode {
                    code: "GBRGOV".into(),
                    from: Date::parse("2024-07-05"),
                    to: None,
                },
                DatedCode {
                    code: "GBRELI".into(),
                    from: None,
                    to: None,
                },
            ],
        };
        assert_eq!(e.code_at(Date::parse("2022-06-01")), Some("GBROPP"));
        assert_eq!(e.code_at(Date::parse("2025")), Some("GBRGOV"));
        assert_eq!(e.code_at(Date::parse("2010-01-01")), Some("GBRELI"));
        assert_eq!(e.code_at(None), Some("GBRELI"));
    }
}
