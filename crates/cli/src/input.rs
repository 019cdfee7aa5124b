//! Reading documents: text files with an optional date header, JSON Lines, gzip, directories and
//! standard input. Bad documents are reported with their file and line and skipped.

use anyhow::Result;
use dyad_lexicon::Date;
use dyad_text::Lang;
use serde::Deserialize;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// A document as read, before language detection.
#[derive(Debug, Clone, PartialEq)]
pub struct RawDoc {
    pub id: String,
    pub text: String,
    pub date: Option<Date>,
    pub lang: Option<Lang>,
    pub title: Option<String>,
    pub url: Option<String>,
    /// `file` or `file:line`, for messages.
    pub origin: String,
}

/// How to read an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// By extension: `.jsonl`/`.ndjson` (optionally `.gz`) are JSON Lines, the rest text.
    Auto,
    /// One document per file.
    Text,
    /// One JSON document per line.
    Jsonl,
}

/// A problem with one document or file; the run goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub origin: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

/// Splits a leading ` date YYYY-MM[-DD] ` header from a text. Returns the date and the byte
/// offset where the text proper starts.
pub fn split_date_header(text: &str) -> (Option<Date>, usize) {
    let trimmed = text.trim_start();
    let lead = text.len() - trimmed.len();
    let Some(rest) = trimmed.strip_prefix("date") else {
        return (None, 0);
    };
    let after = rest.trim_start();
    if after.len() == rest.len() {
        return (None, 0); // "dated..." is text, not a header.
    }
    let token_len = after.find(char::is_whitespace).unwrap_or(after.len());
    let Some(date) = Date::parse(&after[..token_len]) else {
        return (None, 0);
    };
    if date.precision == dyad_lexicon::Precision::Year {
        return (None, 0);
    }
    let consumed = lead + (trimmed.len() - after.len()) + token_len;
    let body = &text[consumed..];
    let body_start = consumed + (body.len() - body.trim_start().len());
    (Some(date), body_start)
}

/// Every file under the inputs, directories walked recursively in name order. `-` is stdin.
pub fn expand_inputs(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<Problem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    if inputs.is_empty() {
        files.push(PathBuf::from("-"));
    }
    for input in inputs {
        if input.as_os_str() == "-" {
            files.push(input.clone());
        } else if input.is_dir() {
            walk(input, &mut files, &mut problems);
        } else if input.exists() {
            files.push(input.clone());
        } else {
            problems.push(Problem {
                origin: input.display().to_string(),
                message: "no such file or directory".into(),
            });
        }
    }
    (files, problems)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<Problem>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(Problem {
                origin: dir.display().to_string(),
                message: format!("cannot read directory: {e}"),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, files, problems);
        } else {
            files.push(path);
        }
    }
}

fn is_jsonl(path: &Path) -> bool {
    let name = path.to_string_lossy();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.ends_with(".jsonl") || name.ends_with(".ndjson")
}

/// The document id of a text file: its stem, without `.gz` and `.txt`.
fn file_id(path: &Path) -> String {
    if path.as_os_str() == "-" {
        return "stdin".into();
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "stdin".into());
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => name.to_string(),
    }
}

fn open(path: &Path) -> std::io::Result<Box<dyn Read>> {
    let reader: Box<dyn Read> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(std::fs::File::open(path)?)
    };
    if path.extension().is_some_and(|e| e == "gz") {
        Ok(Box::new(flate2::read::MultiGzDecoder::new(reader)))
    } else {
        Ok(reader)
    }
}

#[derive(Deserialize)]
struct JsonDoc {
    id: Option<serde_json::Value>,
    text: Option<String>,
    date: Option<String>,
    lang: Option<String>,
    title: Option<String>,
    url: Option<String>,
}

/// Makes a document from a text, reading its header. Returns a problem for an empty text.
pub fn text_doc(
    id: String,
    text: String,
    origin: String,
    explicit_date: Option<Date>,
) -> Result<RawDoc, Problem> {
    let (header_date, start) = split_date_header(&text);
    let body = if start == 0 {
        text
    } else {
        text[start..].to_string()
    };
    if body.trim().is_empty() {
        return Err(Problem {
            origin,
            message: "empty text".into(),
        });
    }
    Ok(RawDoc {
        id,
        text: body,
        date: explicit_date.or(header_date),
        lang: None,
        title: None,
        url: None,
        origin,
    })
}

fn utf8(bytes: Vec<u8>, origin: &str) -> Result<String, Problem> {
    if bytes.contains(&0) {
        return Err(Problem {
            origin: origin.to_string(),
            message: "binary data (NUL bytes): not a text document".into(),
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        Problem {
            origin: format!("{origin}:{line}"),
            message: format!("invalid UTF-8 at byte {at}"),
        }
    })
}

/// Reads one file and hands each document (or problem) to `sink`, streaming JSON Lines.
pub fn read_file(
    path: &Path,
    format: InputFormat,
    sink: &mut dyn FnMut(Result<RawDoc, Problem>) -> Result<()>,
) -> Result<()> {
    let display = if path.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    let reader = match open(path) {
        Ok(r) => r,
        Err(e) => {
            return sink(Err(Problem {
                origin: display,
                message: format!("cannot open: {e}"),
            }));
        }
    };
    let jsonl = match format {
        InputFormat::Jsonl => true,
        InputFormat::Text => false,
        InputFormat::Auto => is_jsonl(path),
    };
    if !jsonl {
        let mut bytes = Vec::new();
        if let Err(e) = BufReader::new(reader).read_to_end(&mut bytes) {
            return sink(Err(Problem {
                origin: display,
                message: format!("cannot read: {e}"),
            }));
        }
        let doc = utf8(bytes, &display)
            .and_then(|text| text_doc(file_id(path), text, display.clone(), None));
        return sink(doc);
    }
    let mut reader = BufReader::new(reader);
    let mut line = Vec::new();
    let mut number = 0usize;
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                return sink(Err(Problem {
                    origin: format!("{display}:{}", number + 1),
                    message: format!("cannot read: {e}"),
                }));
            }
        }
        number += 1;
        let origin = format!("{display}:{number}");
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let doc = parse_json_line(std::mem::take(&mut line), &origin, path, number);
        sink(doc)?;
    }
    Ok(())
}

fn parse_json_line(
    bytes: Vec<u8>,
    origin: &str,
    path: &Path,
    number: usize,
) -> Result<RawDoc, Problem> {
    let text = utf8(bytes, origin).map_err(|p| Problem {
        origin: origin.to_string(),
        message: p.message,
    })?;
    let doc: JsonDoc = serde_json::from_str(&text).map_err(|e| Problem {
        origin: origin.to_string(),
        message: format!("malformed JSON: {e}"),
    })?;
    let problem = |message: String| Problem {
        origin: origin.to_string(),
        message,
    };
    let id = match doc.id {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        None => format!("{}-{number}", file_id(path)),
        Some(other) => {
            return Err(problem(format!(
                "bad id {other}: want a string or a number"
            )))
        }
    };
    let Some(body) = doc.text else {
        return Err(problem("no \"text\" field".into()));
    };
    let date = match doc.date.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        Some(d) => Some(
            Date::parse(d)
                .ok_or_else(|| problem(format!("bad date {d:?} (want YYYY-MM-DD or YYYY-MM)")))?,
        ),
        None => None,
    };
    let lang = match doc.lang.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
        Some(l) => {
            Some(Lang::from_code(l).ok_or_else(|| problem(format!("unsupported language {l:?}")))?)
        }
        None => None,
    };
    let mut raw = text_doc(id, body, origin.to_string(), date)?;
    raw.lang = lang;
    raw.title = doc.title;
    raw.url = doc.url;
    Ok(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_headers() {
        let (d, at) = split_date_header(" date 2020-10 Il presidente");
        assert_eq!(d.unwrap().to_string(), "2020-10");
        assert_eq!(&" date 2020-10 Il presidente"[at..], "Il presidente");
        let (d, at) = split_date_header("date 2021-03-14\nText");
        assert_eq!(d.unwrap().to_string(), "2021-03-14");
        assert_eq!(&"date 2021-03-14\nText"[at..], "Text");
        assert_eq!(split_date_header("dated 2020-10 text"), (None, 0));
        assert_eq!(split_date_header("date of birth"), (None, 0));
        assert_eq!(split_date_header("Il 2020-10"), (None, 0));
    }

    #[test]
    fn json_line_problems_name_the_line() {
        let p = Path::new("x.jsonl");
        let err = parse_json_line(b"{not json".to_vec(), "x.jsonl:3", p, 3).unwrap_err();
        assert_eq!(err.origin, "x.jsonl:3");
        assert!(err.message.contains("malformed JSON"));
        let err =
            parse_json_line(br#"{"id":"a","text":"  "}"#.to_vec(), "x.jsonl:4", p, 4).unwrap_err();
        assert!(err.message.contains("empty"));
        let err = parse_json_line(vec![b'{', 0xff, b'}'], "x.jsonl:5", p, 5).unwrap_err();
        assert!(err.message.contains("UTF-8"));
        let ok = parse_json_line(
            br#"{"id":7,"text":" date 2020-10 Testo.","lang":"it"}"#.to_vec(),
            "x",
            p,
            1,
        )
        .unwrap();
        assert_eq!(ok.id, "7");
        assert_eq!(ok.text, "Testo.");
        assert_eq!(ok.date.unwrap().to_string(), "2020-10");
    }
}
