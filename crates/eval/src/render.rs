//! The two outputs of `score.py`, byte for byte: the text table and the JSON object.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::py;
use crate::{Counts, Report};

impl Report {
    /// The table `score.py` prints, every line ending in a newline; with
    /// `by_root`, followed by the per-root lenient table.
    ///
    /// Language rows are sorted with `all` last; numbers are formatted as
    /// Python's `{:5}` and `{:6.3f}` format them (exact value, ties to even).
    pub fn render_table(&self, by_root: bool) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = writeln!(
            out,
            "{} documents; {} system events name no gold document",
            self.documents, self.stray_events
        );
        let _ = writeln!(
            out,
            "{:8} {:5} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6}",
            "mode", "lang", "tp", "fp", "fn", "P", "R", "F1"
        );
        for mode in ["lenient", "strict"] {
            for (lang, c) in self.cells(mode) {
                let _ = writeln!(
                    out,
                    "{:8} {:5} {:5} {:5} {:5} {:6.3} {:6.3} {:6.3}",
                    mode,
                    lang,
                    c.tp,
                    c.fp,
                    c.fn_,
                    c.p(),
                    c.r(),
                    c.f1()
                );
            }
        }
        if by_root {
            let _ = writeln!(
                out,
                "\n{:5} {:>5} {:>5} {:>5} {:>6}   (lenient)",
                "root", "tp", "fp", "fn", "F1"
            );
            for (root, c) in &self.roots {
                let _ = writeln!(
                    out,
                    "{:5} {:5} {:5} {:5} {:6.3}",
                    root,
                    c.tp,
                    c.fp,
                    c.fn_,
                    c.f1()
                );
            }
        }
        out
    }

    /// The JSON `score.py --json` prints, ending in a newline: what
    /// `json.dumps(out, indent=1, sort_keys=True)` writes, floats as Python's
    /// `repr` writes them and non-ASCII characters escaped.
    pub fn render_json(&self) -> String {
        let table = |cells: &BTreeMap<String, Counts>| {
            Json::Object(
                cells
                    .iter()
                    .map(|(lang, c)| {
                        let fields = vec![
                            ("tp".to_string(), Json::Int(c.tp)),
                            ("fp".to_string(), Json::Int(c.fp)),
                            ("fn".to_string(), Json::Int(c.fn_)),
                            ("p".to_string(), Json::Float(c.p())),
                            ("r".to_string(), Json::Float(c.r())),
                            ("f1".to_string(), Json::Float(c.f1())),
                        ];
                        (lang.clone(), Json::Object(fields))
                    })
                    .collect(),
            )
        };
        let top = Json::Object(vec![
            ("lenient".to_string(), table(&self.lenient)),
            ("strict".to_string(), table(&self.strict)),
            ("documents".to_string(), Json::Int(self.documents as u64)),
            ("stray_events".to_string(), Json::Int(self.stray_events)),
        ]);
        let mut out = String::new();
        top.write(&mut out, 0);
        out.push('\n');
        out
    }
}

/// The JSON values the report needs.
enum Json {
    Int(u64),
    Float(f64),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// Writes the value as `json.dumps(indent=1, sort_keys=True)` does: one
    /// space of indent per level, keys in code-point order, `{}` when empty.
    fn write(&self, out: &mut String, level: usize) {
        match self {
            Json::Int(n) => out.push_str(&n.to_string()),
            Json::Float(x) => out.push_str(&py::float_repr(*x)),
            Json::Object(fields) if fields.is_empty() => out.push_str("{}"),
            Json::Object(fields) => {
                let mut fields: Vec<&(String, Json)> = fields.iter().collect();
                fields.sort_by(|a, b| a.0.cmp(&b.0));
                out.push_str("{\n");
                for (i, (key, value)) in fields.into_iter().enumerate() {
                    if i > 0 {
                        out.push_str(",\n");
                    }
                    out.push_str(&" ".repeat(level + 1));
                    out.push_str(&py::json_string(key));
                    out.push_str(": ");
                    value.write(out, level + 1);
                }
                out.push('\n');
                out.push_str(&" ".repeat(level));
                out.push('}');
            }
        }
    }
}
