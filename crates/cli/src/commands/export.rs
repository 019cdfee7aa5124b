//! `dyad export`: a database out as JSON Lines, CSV, GDELT or Parquet partitioned by date.

use super::code::parse_date;
use anyhow::{Context, Result};
use dyad_lexicon::{Date, Precision};
use dyad_store::export::{export, Format as StoreFormat};
use dyad_store::{Filter, Store, View};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per event.
    Jsonl,
    /// CSV with a header.
    Csv,
    /// GDELT 2.0 event table: 61 tab-separated columns.
    Gdelt,
    /// Parquet files in `date=YYYY-MM-DD/` folders under --out.
    Parquet,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ViewArg {
    /// Every coded event.
    Mentions,
    /// Deduplicated events with NumMentions, NumSources, NumArticles.
    Aggregated,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The database file.
    #[arg(long, value_name = "PATH")]
    pub db: PathBuf,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: Format,
    /// First date (inclusive).
    #[arg(long, value_parser = parse_date)]
    pub from: Option<Date>,
    /// Last date (inclusive; a month means its last day).
    #[arg(long, value_parser = parse_date)]
    pub to: Option<Date>,
    /// Mentions or aggregated events.
    #[arg(long, value_enum, default_value = "mentions")]
    pub view: ViewArg,
    /// Output file (`-` for standard output), or directory for Parquet.
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
}

fn last_day(d: Date) -> i64 {
    match d.precision {
        Precision::Month => Date::ymd(
            d.year,
            d.month,
            dyad_lexicon::date::days_in_month(d.year, d.month),
        )
        .map_or(d.days(), |l| l.days()),
        _ => d.days(),
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let store = Store::open_read_only(&args.db)?;
    let filter = Filter {
        from: args.from.map(|d| d.days()),
        to: args.to.map(last_day),
        ..Filter::default()
    };
    let format = match args.format {
        Format::Jsonl => StoreFormat::Jsonl,
        Format::Csv => StoreFormat::Csv,
        Format::Gdelt => StoreFormat::Gdelt,
        Format::Parquet => StoreFormat::Parquet,
    };
    let view = match args.view {
        ViewArg::Mentions => View::Mentions,
        ViewArg::Aggregated => View::Aggregated,
    };
    let stats = export(&store, format, view, &filter, &args.out)
        .with_context(|| format!("exporting to {}", args.out.display()))?;
    if args.out.as_os_str() != "-" {
        eprintln!(
            "dyad: {} rows in {} files under {}",
            stats.rows,
            stats.files.len(),
            args.out.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
