//! `dyad code`: documents in, events out, streamed in batches over all cores.

use super::{default_jobs, load_lexicon, parallel_map};
use crate::input::{expand_inputs, read_file, InputFormat, Problem, RawDoc};
use crate::output::{event_line, gdelt_row, DocInfo, GDELT_COLUMNS};
use crate::LexiconOpt;
use anyhow::Result;
use dyad_coder::{code_document, Document};
use dyad_lexicon::{Date, Lexicon};
use dyad_text::Lang;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Output format of `dyad code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per event.
    Jsonl,
    /// GDELT 2.0 event table: 61 tab-separated columns.
    Gdelt,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files or directories; `-` or nothing reads standard input.
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: Format,
    /// How to read the inputs.
    #[arg(long, value_enum, default_value = "auto")]
    pub input: InputFormat,
    /// Date for documents that have none (YYYY-MM-DD or YYYY-MM).
    #[arg(long, value_parser = parse_date)]
    pub date: Option<Date>,
    /// Force the language (it, en, es, fr, de) instead of detecting it.
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Print a header line (GDELT format only).
    #[arg(long)]
    pub header: bool,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub jobs: Option<usize>,
    /// Print documents, events, time and peak memory to standard error at the end.
    #[arg(long)]
    pub stats: bool,
    #[command(flatten)]
    pub lexicon: LexiconOpt,
}

pub fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s)
        .filter(|d| d.precision != dyad_lexicon::Precision::Year)
        .ok_or_else(|| format!("bad date {s:?}: want YYYY-MM-DD or YYYY-MM"))
}

pub fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s)
        .ok_or_else(|| format!("unsupported language {s:?}: want it, en, es, fr or de"))
}

/// Resolves a raw document's language and date; a problem when the language is unknown.
pub fn prepare(
    lexicon: &Lexicon,
    raw: &RawDoc,
    lang: Option<Lang>,
    date: Option<Date>,
) -> Result<Document, Problem> {
    let lang = raw
        .lang
        .or(lang)
        .or_else(|| lexicon.detect(&raw.text))
        .ok_or_else(|| Problem {
            origin: raw.origin.clone(),
            message:
                "language not recognised (dyad codes it, en, es, fr, de; use --lang to force one)"
                    .into(),
        })?;
    Ok(Document {
        id: raw.id.clone(),
        text: raw.text.clone(),
        lang,
        date: raw.date.or(date),
    })
}

/// Codes one document into output lines.
pub fn code_lines(
    lexicon: &Lexicon,
    doc: &Document,
    url: Option<&str>,
    format: Format,
) -> Vec<String> {
    let (events, _) = code_document(lexicon, doc);
    let info = DocInfo {
        id: &doc.id,
        text: &doc.text,
        lang: doc.lang,
        url,
    };
    events
        .iter()
        .enumerate()
        .map(|(n, e)| match format {
            Format::Jsonl => event_line(lexicon, &info, n, e),
            Format::Gdelt => gdelt_row(lexicon, &info, n, e),
        })
        .collect()
}

const BATCH: usize = 512;

pub fn run(args: Args) -> Result<ExitCode> {
    let lexicon = load_lexicon(args.lexicon.lexicon.as_deref())?;
    let jobs = args.jobs.unwrap_or_else(default_jobs);
    let (files, problems) = expand_inputs(&args.inputs);
    for p in &problems {
        eprintln!("dyad: {p}");
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.header && args.format == Format::Gdelt {
        writeln!(out, "{}", GDELT_COLUMNS.join("\t"))?;
    }
    let started = std::time::Instant::now();
    let mut read = 0usize;
    let mut written = 0usize;
    let mut skipped = problems.len();
    let mut batch: Vec<RawDoc> = Vec::with_capacity(BATCH);
    let flush = |batch: &mut Vec<RawDoc>,
                 out: &mut dyn Write,
                 skipped: &mut usize,
                 written: &mut usize|
     -> Result<()> {
        let results = parallel_map(batch, jobs, |raw| {
            prepare(&lexicon, raw, args.lang, args.date)
                .map(|doc| code_lines(&lexicon, &doc, raw.url.as_deref(), args.format))
        });
        for r in results {
            match r {
                Ok(lines) => {
                    *written += lines.len();
                    for line in lines {
                        writeln!(out, "{line}")?;
                    }
                }
                Err(p) => {
                    *skipped += 1;
                    eprintln!("dyad: {p}");
                }
            }
        }
        batch.clear();
        Ok(())
    };
    for file in &files {
        read_file(file, args.input, &mut |doc| {
            match doc {
                Ok(d) => {
                    read += 1;
                    batch.push(d);
                    if batch.len() >= BATCH {
                        flush(&mut batch, &mut out, &mut skipped, &mut written)?;
                    }
                }
                Err(p) => {
                    skipped += 1;
                    eprintln!("dyad: {p}");
                }
            }
            Ok(())
        })?;
    }
    flush(&mut batch, &mut out, &mut skipped, &mut written)?;
    out.flush()?;
    if args.stats {
        eprintln!(
            "dyad: {read} documents, {written} events in {:.2} s; peak memory {}",
            started.elapsed().as_secs_f64(),
            peak_memory().map_or("unknown".to_string(), |kb| format!("{} kB", kb))
        );
    }
    if read == 0 {
        eprintln!("dyad: no document could be read ({skipped} skipped)");
        return Ok(ExitCode::from(1));
    }
    if skipped > 0 {
        eprintln!("dyad: {read} documents read, {skipped} skipped");
    }
    Ok(ExitCode::SUCCESS)
}

/// Peak resident memory of this process in kB (Linux: `VmHWM` of `/proc/self/status`).
pub fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
