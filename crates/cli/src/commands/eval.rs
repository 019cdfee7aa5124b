//! `dyad eval`: code the gold documents and score them exactly as `score.py` does.

use super::code::{parse_date, prepare};
use super::{default_jobs, load_lexicon, parallel_map};
use crate::input::{split_date_header, RawDoc};
use crate::LexiconOpt;
use anyhow::{anyhow, bail, Result};
use dyad_coder::code_document;
use dyad_eval::{GoldDoc, SystemEvent};
use dyad_lexicon::{Date, Lexicon};
use dyad_text::Lang;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A gold file (`*.gold.jsonl`, see `../shared/eval/README.md`).
    pub gold: PathBuf,
    /// Add the per-root table.
    #[arg(long)]
    pub by_root: bool,
    /// Print JSON instead of the table.
    #[arg(long)]
    pub json: bool,
    /// Per-language rows (always shown; kept for compatibility with scripts that pass it).
    #[arg(long)]
    pub by_lang: bool,
    /// Write the system events (JSON Lines, as `dyad code` prints them) to this file.
    #[arg(long, value_name = "PATH")]
    pub events: Option<PathBuf>,
    /// Fail (exit code 1) when lenient F1 over all documents is below this.
    #[arg(long, value_name = "F1")]
    pub min_f1: Option<f64>,
    #[arg(long)]
    pub jobs: Option<usize>,
    #[command(flatten)]
    pub lexicon: LexiconOpt,
}

/// The document a gold entry describes: its text without a date header, its date and language.
fn gold_raw(doc: &GoldDoc) -> Result<RawDoc> {
    let (header, start) = split_date_header(&doc.text);
    let date = match doc.date.as_deref() {
        Some(d) => Some(parse_date(d).map_err(|e| anyhow!("gold document {}: {e}", doc.id))?),
        None => header,
    };
    let lang = doc.lang.as_deref().and_then(Lang::from_code);
    Ok(RawDoc {
        id: doc.id.clone(),
        text: doc.text[start..].to_string(),
        date,
        lang,
        title: None,
        url: None,
        origin: format!("gold line {}", doc.line),
    })
}

/// Codes gold documents; returns the system events and their JSON lines.
pub fn system_events(
    lexicon: &Lexicon,
    gold: &[GoldDoc],
    jobs: usize,
) -> Result<(Vec<SystemEvent>, Vec<String>)> {
    let raws = gold.iter().map(gold_raw).collect::<Result<Vec<_>>>()?;
    let coded = parallel_map(
        &raws,
        jobs,
        |raw| -> Result<(Vec<SystemEvent>, Vec<String>), String> {
            let doc = prepare(lexicon, raw, None, None::<Date>).map_err(|p| p.to_string())?;
            let (events, _) = code_document(lexicon, &doc);
            let lines = super::code::code_lines(lexicon, &doc, None, super::code::Format::Jsonl);
            let system = events
                .iter()
                .map(|e| SystemEvent {
                    doc_id: doc.id.clone(),
                    source: Some(e.source.code.clone()),
                    target: e.target.as_ref().map(|t| t.code.clone()),
                    cameo: e.cameo.clone(),
                })
                .collect();
            Ok((system, lines))
        },
    );
    let mut all = Vec::new();
    let mut lines = Vec::new();
    for r in coded {
        match r {
            Ok((s, l)) => {
                all.extend(s);
                lines.extend(l);
            }
            Err(message) => eprintln!("dyad: {message}"),
        }
    }
    Ok((all, lines))
}

pub fn run(args: Args) -> Result<ExitCode> {
    let lexicon = load_lexicon(args.lexicon.lexicon.as_deref())?;
    let gold = dyad_eval::load_gold(&args.gold).map_err(|e| anyhow!("{e}"))?;
    let (system, lines) = system_events(&lexicon, &gold, args.jobs.unwrap_or_else(default_jobs))?;
    if let Some(path) = &args.events {
        let mut text = lines.join("\n");
        text.push('\n');
        std::fs::write(path, text).map_err(|e| anyhow!("{}: {e}", path.display()))?;
    }
    let report = dyad_eval::score(&gold, &system);
    if args.json {
        print!("{}", report.render_json());
    } else {
        print!("{}", report.render_table(args.by_root));
    }
    if let Some(min) = args.min_f1 {
        let f1 = report.cell("lenient", "all").map_or(0.0, |c| c.f1());
        if f1 < min {
            eprintln!("dyad: lenient F1 {f1:.3} is below the required {min:.3}");
            return Ok(ExitCode::from(1));
        }
    }
    if gold.is_empty() {
        bail!("{}: no gold document", args.gold.display());
    }
    Ok(ExitCode::SUCCESS)
}
