//! `dyad lexicon check|lookup`.

use super::code::{parse_date, parse_lang};
use anyhow::Result;
use dyad_lexicon::{ActorKind, Date, Lexicon};
use dyad_text::Lang;
use std::io::Write;
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
            lookup(&lexicon, &text, lang, date)
        }
    }
}

/// Prints every dictionary meaning of `text` as a whole phrase, then how the coder reads it.
fn lookup(lexicon: &Lexicon, text: &str, lang: Lang, date: Option<Date>) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut any = false;
    let tokens = dyad_text::tokenize(text);
    let original = |i: usize| &text[tokens[i].start..tokens[i].end];
    let l = lexicon.lang(lang);
    let ids: Vec<Option<u32>> = tokens.iter().map(|t| l.words().get(&t.norm)).collect();
    let date_text = date.map_or("no date".to_string(), |d| d.to_string());
    if !tokens.is_empty() {
        let meanings: Vec<&ActorKind> = l
            .actors()
            .matches_at(&ids, 0, original)
            .into_iter()
            .find(|(len, _)| *len == tokens.len())
            .map(|(_, v)| v)
            .unwrap_or_default();
        for kind in meanings {
            any = true;
            let country = |c: u16| &lexicon.countries()[c as usize];
            match *kind {
                ActorKind::Country(c) => writeln!(out,
                    "country     {:<10} {} (a name of the country)",
                    country(c).code,
                    country(c).name
                )?,
                ActorKind::Adjective(c) => writeln!(out,
                    "adjective   {:<10} {} (an adjective or demonym; with a role: {}GOV, {}MIL...)",
                    country(c).code,
                    country(c).name,
                    country(c).code,
                    country(c).code
                )?,
                ActorKind::Metonym(c, r) => writeln!(out,
                    "metonym     {:<10} {} (a capital or seat of power standing for its {})",
                    format!("{}{}", country(c).code, r.as_str()),
                    country(c).name,
                    r.as_str()
                )?,
                ActorKind::Entity(e) | ActorKind::Seat(e) | ActorKind::Surname(e) => {
                    let how = match *kind {
                        ActorKind::Seat(_) => ", a place standing for it: after a locative preposition, the place",
                        ActorKind::Surname(_) => ", a bare surname: only next to a role word or with the country named in the document",
                        _ => "",
                    };
                    let e = &lexicon.entities()[e as usize];
                    writeln!(out,
                        "entity      {:<10} {} (on {date_text}{how})",
                        e.code_at(date).unwrap_or("-"),
                        e.name
                    )?;
                    for c in &e.codes {
                        let d = |x: Option<Date>| x.map(|d| d.to_string()).unwrap_or_default();
                        let range = if c.from.is_none() && c.to.is_none() {
                            "when no dated code applies".to_string()
                        } else {
                            format!("{}..{}", d(c.from), d(c.to))
                        };
                        writeln!(out, "              code {:<10} {range}", c.code)?;
                    }
                }
                ActorKind::Agent(r) => writeln!(out,
                    "role        {:<10} (a role: takes the country of a neighbouring country, adjective or organisation)",
                    r.as_str()
                )?,
            }
        }
        let pids: Vec<Option<u32>> = tokens
            .iter()
            .map(|t| lexicon.place_words().get(&t.norm))
            .collect();
        let mut places: Vec<u32> = lexicon
            .place_index()
            .matches_at(&pids, 0, original)
            .into_iter()
            .find(|(len, _)| *len == tokens.len())
            .map(|(_, v)| v.into_iter().copied().collect())
            .unwrap_or_default();
        places.sort_by_key(|&p| std::cmp::Reverse(lexicon.places()[p as usize].population));
        places.dedup();
        for &p in places.iter().take(10) {
            any = true;
            let p = &lexicon.places()[p as usize];
            writeln!(
                out,
                "place       {:<10} {} (ADM1 {}, {:.4},{:.4}, population {}, GeoNames {})",
                p.country, p.name, p.admin1, p.lat, p.lon, p.population, p.geonameid
            )?;
        }
        if places.len() > 10 {
            writeln!(out, "            ... and {} more places", places.len() - 10)?;
        }
    }
    let doc = dyad_coder::Document {
        id: "lookup".into(),
        text: text.to_string(),
        lang,
        date,
    };
    let analysis = dyad_coder::analyze(lexicon, &doc);
    let mut header = false;
    for s in &analysis.sentences {
        for m in &s.mentions {
            if !header {
                writeln!(out, "in running text ({}, {date_text}):", lang.code())?;
                header = true;
            }
            any = true;
            writeln!(
                out,
                "  {:<24} {:<12} {:?} {}",
                m.kind, m.code, m.text, m.name
            )?;
        }
    }
    if !any {
        writeln!(
            out,
            "nothing in the {} lexicon matches {:?}",
            lang.code(),
            doc.text
        )?;
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Phrases per kind and language.
fn print_sizes(out: &mut impl Write, lex: &Lexicon) -> std::io::Result<()> {
    let rows = [
        "country names",
        "adjectives",
        "metonyms",
        "people/org names",
        "role words",
        "patterns",
        "place names",
    ];
    let mut table = vec![[0usize; 5]; rows.len()];
    for (col, lang) in Lang::ALL.iter().enumerate() {
        let l = lex.lang(*lang);
        for kind in l.actors().values() {
            let row = match kind {
                ActorKind::Country(_) => 0,
                ActorKind::Adjective(_) => 1,
                ActorKind::Metonym(..) => 2,
                ActorKind::Entity(_) | ActorKind::Seat(_) | ActorKind::Surname(_) => 3,
                ActorKind::Agent(_) => 4,
            };
            table[row][col] += 1;
        }
        table[5][col] = l.patterns().len();
        table[6][col] = lex
            .places()
            .iter()
            .filter(|p| p.names_in.iter().any(|(l, _)| l == lang))
            .count();
    }
    write!(out, "  {:<18}", "phrases")?;
    for lang in Lang::ALL {
        write!(out, " {:>7}", lang.code())?;
    }
    writeln!(out)?;
    for (name, counts) in rows.iter().zip(&table) {
        write!(out, "  {name:<18}")?;
        for n in counts {
            write!(out, " {n:>7}")?;
        }
        writeln!(out)?;
    }
    writeln!(out,
        "  (place names: places with a name of their own in that language, besides the {} names\n   every language shares)",
        lex.place_index().len()
    )?;
    Ok(())
}

/// Checks a compiled-in table of `data/`: its number of rows, or an error naming the line.
type TableCheck = fn() -> std::result::Result<usize, String>;

fn check(dir: Option<PathBuf>) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
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
            writeln!(
                out,
                "ok: {} CAMEO codes, {} countries, {} people and organisations, {} places",
                lex.cameo().len(),
                lex.countries().len(),
                lex.entities().len(),
                lex.places().len()
            )?;
            print_sizes(&mut out, &lex)?;
            // The other compiled-in tables of data/: the dashboard's basemap and the FIPS codes
            // of GDELT's geography columns.
            let tables: [(&str, TableCheck); 2] = [
                ("basemap", dyad_server::basemap::check),
                ("FIPS codes", dyad_store::fips::check),
            ];
            for (name, check) in tables {
                match check() {
                    Ok(n) => writeln!(out, "ok: {name}, {n} countries")?,
                    Err(e) => {
                        eprintln!("{e}");
                        return Ok(ExitCode::from(1));
                    }
                }
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
