//! `dyad explain`: everything the coder saw in a text, as readable text or JSON.

use super::code::{parse_date, parse_lang, prepare};
use super::load_lexicon;
use crate::input::text_doc;
use crate::LexiconOpt;
use anyhow::{anyhow, Result};
use dyad_coder::analyze;
use dyad_lexicon::Date;
use dyad_text::Lang;
use serde_json::json;
use std::io::Write;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The text to explain (`-` reads standard input). A leading ` date YYYY-MM-DD` header is honoured.
    pub text: String,
    /// Force the language.
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// The document date.
    #[arg(long, value_parser = parse_date)]
    pub date: Option<Date>,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub lexicon: LexiconOpt,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let lexicon = load_lexicon(args.lexicon.lexicon.as_deref())?;
    let text = if args.text == "-" {
        std::io::read_to_string(std::io::stdin())?
    } else {
        args.text.clone()
    };
    let raw = text_doc("explain".into(), text, "<argument>".into(), args.date)
        .map_err(|p| anyhow!("{}", p.message))?;
    let doc =
        prepare(&lexicon, &raw, args.lang, args.date).map_err(|p| anyhow!("{}", p.message))?;
    let analysis = analyze(&lexicon, &doc);
    let describe = |e: &dyad_coder::Event| {
        let cameo = lexicon.cameo().get(&e.cameo);
        json!({
            "source": e.source,
            "target": e.target,
            "cameo": e.cameo,
            "cameo_name": cameo.map(|c| c.name.clone()),
            "goldstein": cameo.map(|c| c.goldstein),
            "quad_class": cameo.map(|c| c.quad_class),
            "date": e.date.map(|d| d.to_string()),
            "trigger": {"text": &doc.text[e.trigger.0..e.trigger.1], "span": [e.trigger.0, e.trigger.1]},
            "place": e.place,
            "rule": e.rule,
            "sentence": e.sentence,
        })
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.json {
        let value = json!({
            "lang": doc.lang.code(),
            "date": doc.date.map(|d| d.to_string()),
            "sentences": analysis.sentences,
            "events": analysis.events.iter().map(describe).collect::<Vec<_>>(),
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        out,
        "language {}, document date {}",
        doc.lang.code(),
        doc.date.map_or("unknown".to_string(), |d| d.to_string())
    )?;
    for s in &analysis.sentences {
        writeln!(
            out,
            "\nsentence {} [{}..{}]: {}",
            s.index, s.span.0, s.span.1, s.text
        )?;
        let toks: Vec<&str> = s
            .tokens
            .iter()
            .map(|(sp, _)| &doc.text[sp.0..sp.1])
            .collect();
        writeln!(out, "  tokens: {}", toks.join(" | "))?;
        if !s.mentions.is_empty() {
            writeln!(out, "  mentions:")?;
            for m in &s.mentions {
                let at = match (m.lat, m.lon) {
                    (Some(lat), Some(lon)) => format!(" @ {lat:.4},{lon:.4}"),
                    _ => String::new(),
                };
                writeln!(
                    out,
                    "    {:<24} {:<12} {:?} [{}..{}] {}{}",
                    m.kind, m.code, m.text, m.span.0, m.span.1, m.name, at
                )?;
            }
        }
        if !s.triggers.is_empty() {
            writeln!(out, "  patterns that fired:")?;
            for t in &s.triggers {
                writeln!(
                    out,
                    "    {:<28} {:<6} {:?} [{}..{}] ({})",
                    t.rule, t.code, t.text, t.span.0, t.span.1, t.origin
                )?;
            }
        }
        if !s.near_misses.is_empty() {
            writeln!(out, "  patterns that made no event:")?;
            for m in &s.near_misses {
                writeln!(out, "    {:<28} {:?}: {}", m.rule, m.text, m.reason)?;
            }
        }
        let events: Vec<_> = analysis
            .events
            .iter()
            .filter(|e| e.sentence == s.index)
            .collect();
        if !events.is_empty() {
            writeln!(out, "  events:")?;
            for e in events {
                let name = lexicon
                    .cameo()
                    .get(&e.cameo)
                    .map_or("", |c| c.name.as_str());
                let place = e.place.as_ref().map_or(String::new(), |p| {
                    format!(" @ {} {:.2},{:.2}", p.name, p.lat, p.lon)
                });
                writeln!(
                    out,
                    "    {} -> {} {} {:?} {}{} [rule {}, trigger {:?}]",
                    e.source.code,
                    e.target.as_ref().map_or("-", |t| t.code.as_str()),
                    e.cameo,
                    name,
                    e.date.map_or("-".to_string(), |d| d.to_string()),
                    place,
                    e.rule,
                    &doc.text[e.trigger.0..e.trigger.1]
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
