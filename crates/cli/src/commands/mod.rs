//! One module per subcommand.

pub mod bench;
pub mod code;
pub mod eval;
pub mod explain;
pub mod export;
pub mod ingest;
pub mod lexicon;
pub mod serve;

use anyhow::{anyhow, Result};
use dyad_lexicon::Lexicon;
use std::path::Path;

/// The built-in lexicon, plus the files of `extra` when given. It lives until the process
/// exits and is never freed: freeing its hundreds of thousands of small allocations one by one
/// would add a quarter to the start-up time of every command.
pub fn load_lexicon(extra: Option<&Path>) -> Result<std::mem::ManuallyDrop<Lexicon>> {
    build_lexicon(extra).map(std::mem::ManuallyDrop::new)
}

fn build_lexicon(extra: Option<&Path>) -> Result<Lexicon> {
    let mut sources = dyad_lexicon::builtin_sources();
    if let Some(dir) = extra {
        sources.extend(dyad_lexicon::read_dir_sources(dir).map_err(|e| anyhow!("{e}"))?);
    }
    Lexicon::from_sources(&sources).map_err(|errors| {
        let shown: Vec<String> = errors.iter().take(20).map(ToString::to_string).collect();
        anyhow!(
            "invalid lexicon ({} errors):\n{}",
            errors.len(),
            shown.join("\n")
        )
    })
}

/// Runs `f` over `items` on `jobs` threads, keeping the order.
pub fn parallel_map<T: Sync, R: Send>(
    items: &[T],
    jobs: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let jobs = jobs.max(1).min(items.len().max(1));
    if jobs == 1 {
        return items.iter().map(&f).collect();
    }
    let chunk = items.len().div_ceil(jobs);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| {
                let f = &f;
                scope.spawn(move || part.iter().map(f).collect::<Vec<R>>())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    })
}

/// The number of threads to use by default.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}
