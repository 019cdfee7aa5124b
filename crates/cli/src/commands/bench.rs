//! `dyad bench`: coding speed on a corpus of the project's own example articles (compiled in) or
//! on given files, on one core and on all cores, end to end from raw text: language detection,
//! sentence splitting, tokenizing, coding and JSON serialisation.

use super::code::{code_lines, prepare, Format};
use super::{default_jobs, load_lexicon, parallel_map};
use crate::input::RawDoc;
use crate::input::{expand_inputs, read_file, InputFormat};
use anyhow::{bail, Result};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// The example articles shipped in `examples/`, compiled in so that `dyad bench` needs no files.
/// Two Italian and two English articles, one each in Spanish, French and German.
const EXAMPLES: [&str; 7] = [
    include_str!("../../../../examples/it-caucaso.txt"),
    include_str!("../../../../examples/it-sahel.txt"),
    include_str!("../../../../examples/en-baltic.txt"),
    include_str!("../../../../examples/en-andes.txt"),
    include_str!("../../../../examples/es-andes.txt"),
    include_str!("../../../../examples/fr-sahel.txt"),
    include_str!("../../../../examples/de-ostsee.txt"),
];

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files or directories to use as the corpus (default: the built-in example articles).
    pub inputs: Vec<PathBuf>,
    /// Size of the corpus in MB (the documents are repeated up to it).
    #[arg(long, default_value_t = 4.0)]
    pub mb: f64,
    /// Threads for the parallel run (default: all cores).
    #[arg(long)]
    pub jobs: Option<usize>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let lexicon = load_lexicon(None)?;
    // The corpus is kept as raw documents: the timed run detects the language, splits, tokenizes,
    // codes and serialises every event to JSON, as `dyad code` does, without the file I/O.
    let mut base: Vec<RawDoc> = Vec::new();
    if args.inputs.is_empty() {
        for (i, text) in EXAMPLES.iter().enumerate() {
            let raw = crate::input::text_doc(
                format!("example-{i}"),
                text.to_string(),
                "builtin".into(),
                None,
            )
            .map_err(|p| anyhow::anyhow!("{p}"))?;
            base.push(raw);
        }
    } else {
        let (files, _) = expand_inputs(&args.inputs);
        for f in files {
            read_file(&f, InputFormat::Auto, &mut |d| {
                if let Ok(raw) = d {
                    base.push(raw);
                }
                Ok(())
            })?;
        }
    }
    // Documents whose language cannot be recognised would make no events and flatter the numbers.
    base.retain(|raw| prepare(&lexicon, raw, None, None).is_ok());
    if base.is_empty() {
        bail!("no document to benchmark");
    }
    let target = (args.mb * 1e6) as usize;
    let mut corpus = Vec::new();
    let mut bytes = 0;
    while bytes < target {
        for d in &base {
            bytes += d.text.len();
            corpus.push(d.clone());
        }
    }
    let sentences: usize = corpus
        .iter()
        .filter_map(|raw| prepare(&lexicon, raw, None, None).ok())
        .map(|d| dyad_text::split_sentences(&d.text, d.lang).len())
        .sum();
    println!(
        "corpus: {} documents, {} sentences, {:.1} MB",
        corpus.len(),
        sentences,
        bytes as f64 / 1e6
    );
    let end_to_end = |raw: &RawDoc| -> (usize, usize) {
        match prepare(&lexicon, raw, None, None) {
            Ok(doc) => {
                let lines = code_lines(&lexicon, &doc, raw.url.as_deref(), Format::Jsonl);
                (lines.len(), lines.iter().map(String::len).sum())
            }
            Err(_) => (0, 0),
        }
    };
    // Warm up once so that lazy initialisation is not measured.
    let _ = end_to_end(&base[0]);
    let jobs = args.jobs.unwrap_or_else(default_jobs);
    for threads in [1, jobs] {
        let start = Instant::now();
        let (events, out_bytes) = parallel_map(&corpus, threads, end_to_end)
            .into_iter()
            .fold((0, 0), |(e, b), (de, db)| (e + de, b + db));
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{threads} thread(s): {:.0} sentences/s, {:.2} MB/s, {:.0} documents/s, {} events ({:.1} MB of JSON) in {:.2} s",
            sentences as f64 / secs,
            bytes as f64 / 1e6 / secs,
            corpus.len() as f64 / secs,
            events,
            out_bytes as f64 / 1e6,
            secs
        );
        if jobs == 1 {
            break;
        }
    }
    Ok(ExitCode::SUCCESS)
}
