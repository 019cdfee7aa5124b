//! `dyad lexicon check|lookup`.

use super::code::{parse_date, parse_lang};
use anyhow::Result;
use dyad_lexicon::{Date, Lexicon};
use dyad_text::Lang;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// Validate the built-in lexicon, or a folder of lexicon files on top of it.
    Check {
        /// A folder with the layout of `data/`.
        dir: Option<PathBuf>,
    },
    /// Show what a name resolves to, and why.
    Lookup {
        /// The name or phrase.
        text: String,
        #[arg(long, value_parser = parse_lang, default_value = "en")]
        lang: Lang,
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
        #[command(flatten)]
        lexicon: crate::LexiconOpt,
    },
}

pub fn run(cmd: Command) -> Result<ExitCode> {
    match cmd {
        Command::Check { dir } => check(dir),
        Command::Lookup {
            text,
            lang,
            date,
            lexicon,
        } => {
            let lexicon = super::load_lexicon(lexicon.lexicon.as_deref())?;
            let doc = dyad_coder::Document {
                id: "lookup".into(),
                text,
                lang,
                date,
            };
            let analysis = dyad_coder::analyze(&lexicon, &doc);
            let mut any = false;
            for s in &analysis.sentences {
                for m in &s.mentions {
                    any = true;
                    println!("{:<24} {:<12} {:?} {}", m.kind, m.code, m.text, m.name);
                }
            }
            if !any {
                println!(
                    "nothing in the {} lexicon matches {:?}",
                    lang.code(),
                    doc.text
                );
                return Ok(ExitCode::from(1));
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn check(dir: Option<PathBuf>) -> Result<ExitCode> {
    let mut sources = dyad_lexicon::builtin_sources();
    let mut overlay = Vec::new();
    if let Some(dir) = &dir {
        match dyad_lexicon::read_dir_sources(dir) {
            Ok(s) => {
                overlay = s.iter().map(|s| s.name.clone()).collect();
                sources.extend(s);
            }
            Err(e) => {
                eprintln!("{e}");
                return Ok(ExitCode::from(1));
            }
        }
    }
    match Lexicon::from_sources(&sources) {
        Ok(lex) => {
            println!(
                "ok: {} CAMEO codes, {} countries, {} people and organisations, {} places",
                lex.cameo().len(),
                lex.countries().len(),
                lex.entities().len(),
                lex.places().len()
            );
            for lang in Lang::ALL {
                let l = lex.lang(lang);
                println!(
                    "  {}: {} actor phrases, {} patterns",
                    lang.code(),
                    l.actors().len(),
                    l.patterns().len()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(errors) => {
            for e in &errors {
                // Errors in the user's files name the user's path.
                match &dir {
                    Some(d) if overlay.contains(&e.file) => eprintln!("{}/{e}", d.display()),
                    _ => eprintln!("{e}"),
                }
            }
            eprintln!("{} errors", errors.len());
            Ok(ExitCode::from(1))
        }
    }
}
