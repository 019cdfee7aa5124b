//! `dyad ingest`: documents in, coded on all cores, stored by one writer in an embedded
//! database, one transaction per batch.

use super::code::{parse_date, parse_lang, prepare};
use super::{default_jobs, load_lexicon, parallel_map};
use crate::input::{expand_inputs, read_file, InputFormat, RawDoc};
use crate::LexiconOpt;
use anyhow::{anyhow, Context, Result};
use dyad_lexicon::Date;
use dyad_store::{content_hash, CodedDoc, DocInput, IngestStats, Store};
use dyad_text::Lang;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The database file (created when missing).
    #[arg(long, value_name = "PATH")]
    pub db: PathBuf,
    /// Files or directories; `-` or nothing reads standard input.
    pub inputs: Vec<PathBuf>,
    /// How to read the inputs.
    #[arg(long, value_enum, default_value = "auto")]
    pub input: InputFormat,
    /// Date for documents that have none (YYYY-MM-DD or YYYY-MM).
    #[arg(long, value_parser = parse_date)]
    pub date: Option<Date>,
    /// Force the language (it, en, es, fr, de) instead of detecting it.
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Do not store the documents' texts (events keep their sentence).
    #[arg(long)]
    pub no_text: bool,
    /// Documents per transaction.
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u64).range(1..=100_000))]
    pub batch: u64,
    /// Worker threads for coding (default: all cores).
    #[arg(long)]
    pub jobs: Option<usize>,
    /// No progress and no summary.
    #[arg(long, short)]
    pub quiet: bool,
    /// Wait this long after each committed batch (for tests that interrupt an ingest).
    #[arg(long, hide = true, value_name = "MS")]
    pub batch_delay_ms: Option<u64>,
    #[command(flatten)]
    pub lexicon: LexiconOpt,
}

/// Counters shown by the progress display.
#[derive(Default, Clone, Copy)]
struct Progress {
    read: usize,
    skipped: usize,
    stored: IngestStats,
    bytes: u64,
}

struct Reporter {
    tty: bool,
    quiet: bool,
    started: Instant,
    last: Instant,
    total_bytes: Option<u64>,
}

impl Reporter {
    fn line(&self, p: &Progress) -> String {
        let secs = self.started.elapsed().as_secs_f64().max(1e-3);
        let docs = p.stored.inserted + p.stored.replaced + p.stored.unchanged;
        let mut s = format!(
            "dyad: {docs} documents ({} new, {} replaced, {} unchanged), {} events, {:.0} docs/s, {:.0} events/s",
            p.stored.inserted,
            p.stored.replaced,
            p.stored.unchanged,
            p.stored.events,
            docs as f64 / secs,
            p.stored.events as f64 / secs,
        );
        if let Some(total) = self.total_bytes.filter(|&t| t > 0 && p.bytes > 0) {
            let done = (p.bytes as f64 / total as f64).min(1.0);
            let eta = secs * (1.0 - done) / done;
            s.push_str(&format!(
                ", {:.0}%, ETA {}:{:02}",
                done * 100.0,
                eta as u64 / 60,
                eta as u64 % 60
            ));
        }
        s
    }

    fn tick(&mut self, p: &Progress) {
        if self.quiet {
            return;
        }
        let every = if self.tty {
            Duration::from_millis(200)
        } else {
            Duration::from_secs(5)
        };
        if self.last.elapsed() < every {
            return;
        }
        self.last = Instant::now();
        if self.tty {
            eprint!("\r\x1b[2K{}", self.line(p));
        } else {
            eprintln!("{}", self.line(p));
        }
    }

    fn done(&self, p: &Progress) {
        if self.quiet {
            return;
        }
        if self.tty {
            eprint!("\r\x1b[2K");
        }
        eprintln!(
            "{} in {:.2} s",
            self.line(&Progress { bytes: 0, ..*p }),
            self.started.elapsed().as_secs_f64()
        );
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let lexicon = load_lexicon(args.lexicon.lexicon.as_deref())?;
    let jobs = args.jobs.unwrap_or_else(default_jobs);
    let keep_text = !args.no_text;
    let mut writer = Store::open(&args.db).with_context(|| format!("{}", args.db.display()))?;
    let reader = Store::open_read_only(&args.db)?;
    let (files, problems) = expand_inputs(&args.inputs);
    let total_bytes = files
        .iter()
        .map(|f| {
            let gz = f.extension().is_some_and(|e| e == "gz");
            match std::fs::metadata(f) {
                Ok(m) if !gz && f.as_os_str() != "-" => Some(m.len()),
                _ => None,
            }
        })
        .sum::<Option<u64>>();
    for p in &problems {
        eprintln!("dyad: {p}");
    }
    let mut progress = Progress {
        skipped: problems.len(),
        ..Progress::default()
    };
    let mut reporter = Reporter {
        tty: std::io::stderr().is_terminal(),
        quiet: args.quiet,
        started: Instant::now(),
        last: Instant::now(),
        total_bytes,
    };
    // One writer thread stores what the coding threads produce, one batch per transaction.
    let (to_writer, from_coders) = mpsc::sync_channel::<(Vec<CodedDoc>, usize, u64)>(2);
    let (to_main, progress_rx) = mpsc::channel::<(IngestStats, u64)>();
    let delay = args.batch_delay_ms.map(Duration::from_millis);
    let writer_thread = std::thread::spawn(move || -> Result<()> {
        for (batch, unchanged, bytes) in from_coders {
            let mut stats = writer.ingest(&batch, keep_text)?;
            stats.unchanged += unchanged;
            if to_main.send((stats, bytes)).is_err() {
                break;
            }
            if let Some(d) = delay {
                std::thread::sleep(d);
            }
        }
        Ok(())
    });
    let mut batch: Vec<RawDoc> = Vec::new();
    let batch_size = args.batch as usize;
    let mut send_batch = |batch: &mut Vec<RawDoc>, progress: &mut Progress| -> Result<()> {
        let bytes: u64 = batch.iter().map(|d| d.text.len() as u64).sum();
        let docs: Vec<DocInput> = batch
            .drain(..)
            .filter_map(|raw| match prepare(&lexicon, &raw, args.lang, args.date) {
                Ok(doc) => Some(DocInput {
                    id: doc.id,
                    text: doc.text,
                    lang: doc.lang,
                    date: doc.date,
                    url: raw.url,
                    title: raw.title,
                }),
                Err(p) => {
                    progress.skipped += 1;
                    eprintln!("dyad: {p}");
                    None
                }
            })
            .collect();
        // Documents already stored with the same content are not coded again.
        let mut todo = Vec::with_capacity(docs.len());
        let mut unchanged = 0;
        for d in docs {
            if reader.stored_hash(&d.id)?.as_deref() == Some(content_hash(&d).as_str()) {
                unchanged += 1;
            } else {
                todo.push(d);
            }
        }
        let coded = parallel_map(&todo, jobs, |d| dyad_store::code(&lexicon, d.clone()));
        to_writer
            .send((coded, unchanged, bytes))
            .map_err(|_| anyhow!("the database writer stopped"))?;
        for (stats, bytes) in progress_rx.try_iter() {
            progress.stored += stats;
            progress.bytes += bytes;
        }
        reporter.tick(progress);
        Ok(())
    };
    let mut outcome: Result<()> = Ok(());
    'files: for file in &files {
        let r = read_file(file, args.input, &mut |doc| {
            match doc {
                Ok(d) => {
                    progress.read += 1;
                    batch.push(d);
                    if batch.len() >= batch_size {
                        send_batch(&mut batch, &mut progress)?;
                    }
                }
                Err(p) => {
                    progress.skipped += 1;
                    eprintln!("dyad: {p}");
                }
            }
            Ok(())
        });
        if let Err(e) = r {
            outcome = Err(e);
            break 'files;
        }
    }
    if outcome.is_ok() && !batch.is_empty() {
        outcome = send_batch(&mut batch, &mut progress);
    }
    drop(to_writer);
    let written = writer_thread
        .join()
        .map_err(|_| anyhow!("the database writer panicked"))?;
    for (stats, bytes) in progress_rx.try_iter() {
        progress.stored += stats;
        progress.bytes += bytes;
    }
    written.context("storing events")?;
    outcome?;
    reporter.done(&progress);
    if !args.quiet {
        let c = reader.counts()?;
        eprintln!(
            "dyad: database {}: {} documents, {} sentences, {} events, {} aggregated events",
            args.db.display(),
            c.documents,
            c.sentences,
            c.events,
            c.aggregated
        );
    }
    if progress.read == 0 {
        eprintln!(
            "dyad: no document could be read ({} skipped)",
            progress.skipped
        );
        return Ok(ExitCode::from(1));
    }
    if progress.skipped > 0 {
        eprintln!(
            "dyad: {} documents read, {} skipped",
            progress.read, progress.skipped
        );
    }
    Ok(ExitCode::SUCCESS)
}
