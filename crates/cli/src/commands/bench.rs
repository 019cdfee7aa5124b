//! `dyad bench`: coding speed on a corpus of the project's own example articles (compiled in) or
//! on given files, on one core and on all cores.

use super::{default_jobs, load_lexicon, parallel_map};
use crate::input::{expand_inputs, read_file, InputFormat};
use anyhow::{bail, Result};
use dyad_coder::{code_document, Document};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// The example articles shipped in `examples/`, compiled in so that `dyad bench` needs no files.
const EXAMPLES: [&str; 4] = [
    include_str!("../../../../examples/it-caucaso.txt"),
    include_str!("../../../../examples/it-sahel.txt"),
    include_str!("../../../../examples/en-baltic.txt"),
    include_str!("../../../../examples/en-andes.txt"),
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
    let mut base: Vec<Document> = Vec::new();
    if args.inputs.is_empty() {
        for (i, text) in EXAMPLES.iter().enumerate() {
            let raw = crate::input::text_doc(
                format!("example-{i}"),
                text.to_string(),
                "builtin".into(),
                None,
            )
            .map_err(|p| anyhow::anyhow!("{p}"))?;
            base.push(super::code::prepare(&raw, None, None).map_err(|p| anyhow::anyhow!("{p}"))?);
        }
    } else {
        let (files, _) = expand_inputs(&args.inputs);
        for f in files {
            read_file(&f, InputFormat::Auto, &mut |d| {
                if let Ok(raw) = d {
                    if let Ok(doc) = super::code::prepare(&raw, None, None) {
                        base.push(doc);
                    }
                }
                Ok(())
            })?;
        }
    }
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
        .map(|d| dyad_text::split_sentences(&d.text, d.lang).len())
        .sum();
    println!(
        "corpus: {} documents, {} sentences, {:.1} MB",
        corpus.len(),
        sentences,
        bytes as f64 / 1e6
    );
    // Warm up once so that lazy initialisation is not measured.
    let _ = code_document(&lexicon, &base[0]);
    let jobs = args.jobs.unwrap_or_else(default_jobs);
    for threads in [1, jobs] {
        let start = Instant::now();
        let events: usize = parallel_map(&corpus, threads, |d| code_document(&lexicon, d).0.len())
            .into_iter()
            .sum();
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{threads} thread(s): {:.0} sentences/s, {:.2} MB/s, {:.0} documents/s, {} events in {:.2} s",
            sentences as f64 / secs,
            bytes as f64 / 1e6 / secs,
            corpus.len() as f64 / secs,
            events,
            secs
        );
        if jobs == 1 {
            break;
        }
    }
    Ok(ExitCode::SUCCESS)
}
