//! `dyad`: political event data from news text. The binary is glue: it parses arguments, calls
//! the libraries and maps errors to exit codes.

mod commands;
mod input;
/// Output rows live in `dyad-store`, shared with the store and the server.
use dyad_store::output;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Codes news text into CAMEO political events: who did what to whom, when and where.
#[derive(Parser)]
#[command(name = "dyad", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code documents into events (files, directories, `-` or nothing for stdin; `.gz` is read transparently).
    Code(commands::code::Args),
    /// Show how a text is analysed: sentences, tokens, mentions, patterns, events.
    Explain(commands::explain::Args),
    /// Score dyad against a gold file, with the same numbers as `score.py`.
    Eval(commands::eval::Args),
    /// Validate or query lexicons.
    #[command(subcommand)]
    Lexicon(commands::lexicon::Command),
    /// Measure coding speed (sentences/s and MB/s) on one core and on all cores.
    Bench(commands::bench::Args),
    /// Code documents and store them in an embedded database (idempotent, crash-safe).
    Ingest(commands::ingest::Args),
    /// Serve a database over an HTTP JSON API (loopback by default).
    Serve(commands::serve::Args),
    /// Export a database as JSON Lines, CSV, GDELT or Parquet partitioned by date.
    Export(commands::export::Args),
}

/// Options shared by the commands that code text.
#[derive(clap::Args, Clone, Debug)]
pub struct LexiconOpt {
    /// A folder of lexicon files (same layout as `data/`) that add to the built-in lexicon.
    #[arg(long, value_name = "DIR")]
    pub lexicon: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(args) => commands::code::run(args),
        Command::Explain(args) => commands::explain::run(args),
        Command::Eval(args) => commands::eval::run(args),
        Command::Lexicon(cmd) => commands::lexicon::run(cmd),
        Command::Bench(args) => commands::bench::run(args),
        Command::Ingest(args) => commands::ingest::run(args),
        Command::Serve(args) => commands::serve::run(args),
        Command::Export(args) => commands::export::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`dyad code ... | head`) is not an error.
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("dyad: {err:#}");
            ExitCode::from(2)
        }
    }
}
