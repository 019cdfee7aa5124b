//! The CAMEO event codebook with Goldstein values, QuadClass and the PLOVER mapping.

use crate::error::{Error, ErrorKind};
use rustc_hash::FxHashMap;

/// One CAMEO event code.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoCode {
    /// The code, with leading zeros: `"041"`, `"1724"`, `"02"`.
    pub code: String,
    /// Short English name.
    pub name: String,
    /// Goldstein conflict-cooperation value, -10..10.
    pub goldstein: f32,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// PLOVER 2.0 event type (may be empty).
    pub plover_type: String,
    /// PLOVER 2.0 mode (may be empty).
    pub plover_mode: String,
}

impl CameoCode {
    /// The two-digit root: `"04"` for `"041"`.
    pub fn root(&self) -> &str {
        &self.code[..2]
    }
}

/// Every CAMEO code, looked up by its string.
#[derive(Debug, Clone, Default)]
pub struct CameoTable {
    codes: Vec<CameoCode>,
    by_code: FxHashMap<String, usize>,
}

impl CameoTable {
    /// Parses `cameo.tsv` (see `data/README.md`).
    pub fn parse(file: &str, text: &str) -> Result<CameoTable, Error> {
        let mut table = CameoTable::default();
        for (index, line) in text.lines().enumerate() {
            let number = index + 1;
            if number == 1 || line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |m: String| Error::new(file, number, ErrorKind::Syntax(m));
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 4 {
                return Err(err(format!(
                    "want at least 4 tab-separated columns, found {}",
                    cols.len()
                )));
            }
            let code = cols[0].trim();
            if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err(format!("bad event code {code:?}")));
            }
            let goldstein: f32 = cols[2]
                .trim()
                .parse()
                .map_err(|_| err(format!("bad Goldstein value {:?}", cols[2])))?;
            if !(-10.0..=10.0).contains(&goldstein) {
                return Err(err(format!("Goldstein value {goldstein} outside -10..10")));
            }
            let quad_class: u8 = cols[3]
                .trim()
                .parse()
                .ok()
                .filter(|q| (1..=4).contains(q))
                .ok_or_else(|| err(format!("bad QuadClass {:?}", cols[3])))?;
            if table.by_code.contains_key(code) {
                return Err(Error::new(
                    file,
                    number,
                    ErrorKind::Duplicate(format!("event code {code}")),
                ));
            }
            table.by_code.insert(code.to_string(), table.codes.len());
            table.codes.push(CameoCode {
                code: code.to_string(),
                name: cols[1].trim().to_string(),
                goldstein,
                quad_class,
                plover_type: cols
                    .get(4)
                    .map(|s| s.trim().to_string())
                    .unwrap_or_default(),
                plover_mode: cols
                    .get(5)
                    .map(|s| s.trim().to_string())
                    .unwrap_or_default(),
            });
        }
        for code in &table.codes {
            if !table.by_code.contains_key(code.root()) {
                return Err(Error::new(
                    file,
                    0,
                    ErrorKind::Syntax(format!(
                        "code {} has no root row {}",
                        code.code,
                        code.root()
                    )),
                ));
            }
        }
        Ok(table)
    }

    /// The entry for a code.
    pub fn get(&self, code: &str) -> Option<&CameoCode> {
        self.by_code.get(code).map(|&i| &self.codes[i])
    }

    /// Every code, in file order.
    pub fn iter(&self) -> impl Iterator<Item = &CameoCode> {
        self.codes.iter()
    }

    /// Number of codes.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// True when the table has no code.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}
