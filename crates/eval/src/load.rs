//! Reading gold files and system output into [`GoldDoc`] and [`SystemEvent`].
//!
//! Values are reduced the way `score.py` reduces them: a code that is not a
//! string becomes Python's `str()` of it, a missing or null one becomes `None`,
//! and a false-ish CAMEO value (`null`, `""`, `0`) becomes the empty code.

use std::path::Path;

use serde_json::{Map, Value};

use crate::error::{Error, ErrorKind};
use crate::py;
use crate::{GoldDoc, GoldEvent, SystemEvent};

/// Reads a gold file: one JSON object per non-blank line, one line per document.
///
/// A document's `file` is read, whole and as UTF-8, relative to the folder of
/// the gold file; `text`, when present, wins over `file`. Errors name the gold
/// file and the line.
pub fn load_gold(path: &Path) -> Result<Vec<GoldDoc>, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::new(ErrorKind::Io(e)).at(path, None))?;
    let base = path.parent().unwrap_or_else(|| Path::new(""));
    let mut docs = Vec::new();
    for (number, line) in py::lines(&bytes) {
        let at = |error: Error| error.at(path, Some(number));
        let line = std::str::from_utf8(line).map_err(|_| at(Error::new(ErrorKind::NotUtf8)))?;
        if py::strip(line).is_empty() {
            continue;
        }
        let mut doc = parse_gold_line(line, base).map_err(at)?;
        doc.line = number;
        docs.push(doc);
    }
    Ok(docs)
}

/// Reads a system file: one JSON object per non-blank line, one line per event.
pub fn load_system(path: &Path) -> Result<Vec<SystemEvent>, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::new(ErrorKind::Io(e)).at(path, None))?;
    let mut events = Vec::new();
    for (number, line) in py::lines(&bytes) {
        let at = |error: Error| error.at(path, Some(number));
        let line = std::str::from_utf8(line).map_err(|_| at(Error::new(ErrorKind::NotUtf8)))?;
        if py::strip(line).is_empty() {
            continue;
        }
        events.push(parse_system_line(line).map_err(at)?);
    }
    Ok(events)
}

/// Parses one line of a gold file; a `file` is resolved against `base`.
///
/// The returned document's `line` is 0: [`load_gold`] fills it in.
pub fn parse_gold_line(line: &str, base: &Path) -> Result<GoldDoc, Error> {
    let object = parse_object(line)?;
    let id = match object.get("id") {
        Some(id) => py::str_of(id),
        None => return Err(Error::new(ErrorKind::MissingId)),
    };
    let lang = match object.get("lang") {
        None => None,
        Some(Value::String(lang)) => Some(lang.clone()),
        // The reference scorer uses `lang` as a table key and cannot print or
        // sort anything but strings beside one another.
        Some(_) => return Err(invalid("lang", "a string")),
    };
    let date = match object.get("date") {
        Some(Value::String(date)) => Some(date.clone()),
        _ => None,
    };
    let (text, file) = match (object.get("text"), object.get("file")) {
        (Some(Value::String(text)), _) => (text.clone(), None),
        (Some(Value::Null) | None, Some(Value::String(file))) => {
            let resolved = base.join(file);
            match std::fs::read_to_string(&resolved) {
                Ok(text) => (text, Some(resolved)),
                Err(error) => {
                    return Err(Error::new(ErrorKind::UnreadableFile {
                        file: resolved,
                        error,
                    }))
                }
            }
        }
        (Some(Value::Null) | None, None | Some(Value::Null)) => {
            return Err(Error::new(ErrorKind::MissingText))
        }
        (Some(Value::Null) | None, Some(_)) => return Err(invalid("file", "a string")),
        (Some(_), _) => return Err(invalid("text", "a string")),
    };
    Ok(GoldDoc {
        id,
        lang,
        date,
        text,
        events: gold_events(&object, "events")?,
        optional: gold_events(&object, "optional")?,
        file,
        line: 0,
    })
}

/// Parses one line of system output.
///
/// `source` and `target` may be a code string, an object whose `code` is the
/// code, or null; the CAMEO code is read from `cameo`, or from `code` when
/// `cameo` is missing or empty. Other fields are ignored.
pub fn parse_system_line(line: &str) -> Result<SystemEvent, Error> {
    let object = parse_object(line)?;
    let actor = |key: &str| match object.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::Object(actor)) => match actor.get("code") {
            None | Some(Value::Null) => None,
            Some(code) => Some(py::str_of(code)),
        },
        Some(code) => Some(py::str_of(code)),
    };
    let cameo = [object.get("cameo"), object.get("code")]
        .into_iter()
        .flatten()
        .find(|value| py::truthy(value))
        .map(py::str_of)
        .unwrap_or_default();
    Ok(SystemEvent {
        doc_id: py::str_of(object.get("doc_id").unwrap_or(&Value::Null)),
        source: actor("source"),
        target: actor("target"),
        cameo,
    })
}

fn parse_object(line: &str) -> Result<Map<String, Value>, Error> {
    match serde_json::from_str(py::strip(line)) {
        Ok(Value::Object(object)) => Ok(object),
        Ok(_) => Err(Error::new(ErrorKind::NotAnObject)),
        Err(error) => Err(Error::new(ErrorKind::NotJson(error.to_string()))),
    }
}

fn gold_events(object: &Map<String, Value>, key: &'static str) -> Result<Vec<GoldEvent>, Error> {
    let items = match object.get(key) {
        None => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(invalid(key, "a list of objects")),
    };
    items
        .iter()
        .map(|item| {
            let Value::Object(event) = item else {
                return Err(invalid(key, "a list of objects"));
            };
            let code = |field: &str| match event.get(field) {
                None | Some(Value::Null) => None,
                Some(value) => Some(py::str_of(value)),
            };
            Ok(GoldEvent {
                source: code("source"),
                target: code("target"),
                cameo: event
                    .get("cameo")
                    .filter(|value| py::truthy(value))
                    .map(py::str_of)
                    .unwrap_or_default(),
            })
        })
        .collect()
}

fn invalid(field: &'static str, expected: &'static str) -> Error {
    Error::new(ErrorKind::InvalidField { field, expected })
}
