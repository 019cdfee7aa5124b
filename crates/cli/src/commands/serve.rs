//! `dyad serve`: the HTTP JSON API over a database.

use super::load_lexicon;
use crate::LexiconOpt;
use anyhow::{Context, Result};
use dyad_server::Config;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The database file (created when missing).
    #[arg(long, value_name = "PATH")]
    pub db: PathBuf,
    /// Address to listen on; loopback by default. Port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Token that `POST /api/ingest` requires (also read from DYAD_TOKEN); without one,
    /// ingest over HTTP is refused.
    #[arg(long)]
    pub token: Option<String>,
    /// Time limit of one query, in seconds.
    #[arg(long, default_value_t = 10.0)]
    pub query_timeout: f64,
    /// Largest request body, in bytes.
    #[arg(long, default_value_t = 1 << 20)]
    pub max_body: usize,
    /// Do not store the texts of documents ingested over HTTP.
    #[arg(long)]
    pub no_text: bool,
    #[command(flatten)]
    pub lexicon: LexiconOpt,
}

pub fn run(args: Args) -> Result<ExitCode> {
    if !(args.query_timeout > 0.0 && args.query_timeout <= 3600.0) {
        anyhow::bail!("--query-timeout must be between 0 and 3600 seconds");
    }
    let lexicon = Arc::new(std::mem::ManuallyDrop::into_inner(load_lexicon(
        args.lexicon.lexicon.as_deref(),
    )?));
    let token = args
        .token
        .or_else(|| std::env::var("DYAD_TOKEN").ok())
        .filter(|t| !t.is_empty());
    let ingest = if token.is_some() {
        "enabled"
    } else {
        "disabled (no token)"
    };
    let config = Config {
        db: args.db.clone(),
        token,
        query_timeout: Duration::from_secs_f64(args.query_timeout),
        max_body: args.max_body,
        keep_text: !args.no_text,
    };
    let app =
        dyad_server::app(config, lexicon).with_context(|| format!("{}", args.db.display()))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let local = listener.local_addr()?;
        if !local.ip().is_loopback() {
            eprintln!("dyad: warning: {local} is reachable from other machines");
        }
        println!(
            "dyad: serving {} on http://{local}/ (ingest {ingest})",
            args.db.display()
        );
        use std::io::Write;
        std::io::stdout().flush()?;
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        dyad_server::serve(listener, app, shutdown).await?;
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(ExitCode::SUCCESS)
}
