//! Exports: JSON Lines, CSV, GDELT and Parquet partitioned by date (`date=YYYY-MM-DD/`).

use crate::output::GDELT_COLUMNS;
use crate::query::{Filter, Matched, View};
use crate::{Result, Store, StoreError};
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with a header.
    Csv,
    /// GDELT 2.0 event table (61 tab-separated columns, no header).
    Gdelt,
    /// Parquet files under `date=YYYY-MM-DD/` folders.
    Parquet,
}

#[derive(Clone, Copy)]
enum Kind {
    Str,
    Int,
    Float,
}

/// A flat column: name, JSON pointer in the mentions view, JSON pointer in the aggregated view.
struct Column {
    name: &'static str,
    mention: &'static str,
    aggregated: &'static str,
    kind: Kind,
}

macro_rules! col {
    ($name:literal, $m:literal, $a:literal, $k:ident) => {
        Column {
            name: $name,
            mention: $m,
            aggregated: $a,
            kind: Kind::$k,
        }
    };
}

const COLUMNS: &[Column] = &[
    col!("event_id", "/event_id", "/aggregate_id", Str),
    col!("doc_id", "/doc_id", "/example/doc_id", Str),
    col!("sentence", "/sentence", "", Int),
    col!("event_date", "/date", "/date", Str),
    col!("date_precision", "/date_precision", "/date_precision", Str),
    col!("source_code", "/source/code", "/source/code", Str),
    col!("source_name", "/source/name", "/source/name", Str),
    col!("source_country", "/source/country", "/source/country", Str),
    col!("source_text", "/source/text", "/source/text", Str),
    col!("target_code", "/target/code", "/target/code", Str),
    col!("target_name", "/target/name", "/target/name", Str),
    col!("target_country", "/target/country", "/target/country", Str),
    col!("target_text", "/target/text", "/target/text", Str),
    col!("cameo", "/cameo", "/cameo", Str),
    col!("cameo_name", "/cameo_name", "/cameo_name", Str),
    col!("quad_class", "/quad_class", "/quad_class", Int),
    col!("goldstein", "/goldstein", "/goldstein", Float),
    col!("plover_type", "/plover/type", "/plover/type", Str),
    col!("plover_mode", "/plover/mode", "/plover/mode", Str),
    col!("place_name", "/place/name", "/place/name", Str),
    col!("place_country", "/place/country", "/place/country", Str),
    col!("place_admin1", "/place/admin1", "/place/admin1", Str),
    col!("lat", "/place/lat", "/place/lat", Float),
    col!("lon", "/place/lon", "/place/lon", Float),
    col!("geonameid", "/place/geonameid", "/place/geonameid", Int),
    col!("lang", "/lang", "", Str),
    col!("rule", "/rule", "", Str),
    col!("trigger", "/trigger/text", "/example/trigger/text", Str),
    col!("text", "/text", "/example/text", Str),
    col!(
        "num_mentions",
        "/aggregate/num_mentions",
        "/num_mentions",
        Int
    ),
    col!("num_sources", "/aggregate/num_sources", "/num_sources", Int),
    col!(
        "num_articles",
        "/aggregate/num_articles",
        "/num_articles",
        Int
    ),
];

fn field<'a>(v: &'a Value, c: &Column, view: View) -> Option<&'a Value> {
    let ptr = match view {
        View::Mentions => c.mention,
        View::Aggregated => c.aggregated,
    };
    if ptr.is_empty() {
        return None;
    }
    v.pointer(ptr).filter(|v| !v.is_null())
}

fn csv_cell(v: Option<&Value>) -> String {
    let s = match v {
        None => return String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The CSV header line.
pub fn csv_header() -> String {
    COLUMNS.iter().map(|c| c.name).collect::<Vec<_>>().join(",")
}

/// One event (as a query returns it) as a CSV line.
pub fn csv_row(event: &Value, view: View) -> String {
    COLUMNS
        .iter()
        .map(|c| csv_cell(field(event, c, view)))
        .collect::<Vec<_>>()
        .join(",")
}

/// What an export wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportStats {
    /// Rows written.
    pub rows: u64,
    /// Files written.
    pub files: Vec<PathBuf>,
}

/// Writes the events matching `filter` to `out`: a file (`-` is standard output) for the line
/// formats, a directory for Parquet.
pub fn export(
    store: &Store,
    format: Format,
    view: View,
    filter: &Filter,
    out: &Path,
) -> Result<ExportStats> {
    if format == Format::Parquet {
        return export_parquet(store, view, filter, out);
    }
    let mut sink: Box<dyn Write> = if out.as_os_str() == "-" {
        Box::new(std::io::BufWriter::new(std::io::stdout().lock()))
    } else {
        if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        Box::new(std::io::BufWriter::new(std::fs::File::create(out)?))
    };
    let mut stats = ExportStats::default();
    if format == Format::Csv {
        writeln!(sink, "{}", csv_header())?;
    }
    store.for_each_event(view, filter, &mut |m: Matched| {
        match format {
            Format::Jsonl => writeln!(sink, "{}", m.json)?,
            Format::Csv => writeln!(sink, "{}", csv_row(&m.json, view))?,
            Format::Gdelt => writeln!(sink, "{}", m.gdelt)?,
            Format::Parquet => unreachable!("handled above"),
        }
        stats.rows += 1;
        Ok(())
    })?;
    sink.flush()?;
    if out.as_os_str() != "-" {
        stats.files.push(out.to_path_buf());
    }
    Ok(stats)
}

/// The GDELT header line (for readers that want one).
pub fn gdelt_header() -> String {
    GDELT_COLUMNS.join("\t")
}

/// The Parquet schema of the export.
pub fn parquet_schema() -> String {
    let mut s = String::from("message dyad_event {\n");
    for c in COLUMNS {
        let t = match c.kind {
            Kind::Str => "BYTE_ARRAY",
            Kind::Int => "INT64",
            Kind::Float => "DOUBLE",
        };
        let ann = if matches!(c.kind, Kind::Str) {
            " (UTF8)"
        } else {
            ""
        };
        s.push_str(&format!("  OPTIONAL {t} {}{ann};\n", c.name));
    }
    s.push('}');
    s
}

/// Rows per Parquet row group.
const ROW_GROUP: usize = 10_000;

/// The partition folder of an event: `date=YYYY-MM-DD`, or Hive's default partition for events
/// without a day-precision date.
fn partition(event: &Value) -> String {
    let day = event
        .get("date")
        .and_then(Value::as_str)
        .filter(|d| d.len() == 10);
    match day {
        Some(d) => format!("date={d}"),
        None => "date=__HIVE_DEFAULT_PARTITION__".into(),
    }
}

struct PartWriter {
    writer: SerializedFileWriter<std::fs::File>,
    path: PathBuf,
}

fn parquet_err(e: parquet::errors::ParquetError) -> StoreError {
    StoreError::Io(std::io::Error::other(e.to_string()))
}

fn open_part(dir: &Path, part: &str) -> Result<PartWriter> {
    let folder = dir.join(part);
    std::fs::create_dir_all(&folder)?;
    let path = folder.join("part-0.parquet");
    let schema = Arc::new(
        parquet::schema::parser::parse_message_type(&parquet_schema()).map_err(parquet_err)?,
    );
    let props = Arc::new(WriterProperties::builder().build());
    let file = std::fs::File::create(&path)?;
    let writer = SerializedFileWriter::new(file, schema, props).map_err(parquet_err)?;
    Ok(PartWriter { writer, path })
}

fn write_group(w: &mut PartWriter, rows: &[Value], view: View) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut group = w.writer.next_row_group().map_err(parquet_err)?;
    let mut i = 0;
    while let Some(mut column) = group.next_column().map_err(parquet_err)? {
        let c = &COLUMNS[i];
        let values: Vec<Option<&Value>> = rows.iter().map(|r| field(r, c, view)).collect();
        let defs: Vec<i16> = values.iter().map(|v| i16::from(v.is_some())).collect();
        match c.kind {
            Kind::Str => {
                let data: Vec<ByteArray> = values
                    .iter()
                    .flatten()
                    .map(|v| match v {
                        Value::String(s) => ByteArray::from(s.as_str()),
                        other => ByteArray::from(other.to_string().as_str()),
                    })
                    .collect();
                column
                    .typed::<ByteArrayType>()
                    .write_batch(&data, Some(&defs), None)
                    .map_err(parquet_err)?;
            }
            Kind::Int => {
                let data: Vec<i64> = values
                    .iter()
                    .flatten()
                    .map(|v| v.as_i64().unwrap_or_default())
                    .collect();
                column
                    .typed::<Int64Type>()
                    .write_batch(&data, Some(&defs), None)
                    .map_err(parquet_err)?;
            }
            Kind::Float => {
                let data: Vec<f64> = values
                    .iter()
                    .flatten()
                    .map(|v| v.as_f64().unwrap_or_default())
                    .collect();
                column
                    .typed::<DoubleType>()
                    .write_batch(&data, Some(&defs), None)
                    .map_err(parquet_err)?;
            }
        }
        column.close().map_err(parquet_err)?;
        i += 1;
    }
    group.close().map_err(parquet_err)?;
    Ok(())
}

fn export_parquet(store: &Store, view: View, filter: &Filter, dir: &Path) -> Result<ExportStats> {
    if dir.as_os_str() == "-" {
        return Err(StoreError::Invalid(
            "Parquet export writes a directory: give --out DIR, not -".into(),
        ));
    }
    if dir.is_file() {
        return Err(StoreError::Invalid(format!(
            "{}: Parquet export writes a directory, and this is a file",
            dir.display()
        )));
    }
    std::fs::create_dir_all(dir)?;
    let mut stats = ExportStats::default();
    let mut current: Option<(String, PartWriter)> = None;
    let mut rows: Vec<Value> = Vec::new();
    let finish = |cur: Option<(String, PartWriter)>,
                  rows: &mut Vec<Value>,
                  stats: &mut ExportStats|
     -> Result<()> {
        if let Some((_, mut w)) = cur {
            write_group(&mut w, rows, view)?;
            rows.clear();
            w.writer.close().map_err(parquet_err)?;
            stats.files.push(w.path);
        }
        Ok(())
    };
    store.for_each_event(view, filter, &mut |m: Matched| {
        let part = partition(&m.json);
        if current.as_ref().map(|(p, _)| p) != Some(&part) {
            finish(current.take(), &mut rows, &mut stats)?;
            current = Some((part.clone(), open_part(dir, &part)?));
        }
        rows.push(m.json);
        stats.rows += 1;
        if rows.len() >= ROW_GROUP {
            if let Some((_, w)) = current.as_mut() {
                write_group(w, &rows, view)?;
            }
            rows.clear();
        }
        Ok(())
    })?;
    finish(current.take(), &mut rows, &mut stats)?;
    Ok(stats)
}
