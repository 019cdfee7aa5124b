//! `--lexicon DIR`, `dyad lexicon check` and `dyad lexicon lookup`: a user adds and overrides
//! places, country names, people, roles and patterns without rebuilding, and bad files are
//! reported with file and line. The names and sentences are made up for these tests.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-lex-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn output(cmd: &mut Command) -> Output {
    cmd.output().unwrap()
}

/// `dyad explain --json` of an English text, with or without a user lexicon.
fn explain(dir: Option<&Path>, text: &str) -> Value {
    let mut cmd = dyad();
    cmd.args(["explain", "--json", "--lang", "en", "--date", "2025-03-01"]);
    if let Some(dir) = dir {
        cmd.arg("--lexicon").arg(dir);
    }
    let out = output(cmd.arg(text));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Every mention as `kind code name`, places with `@lat,lon`.
fn mentions(v: &Value) -> Vec<String> {
    v["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["mentions"].as_array().unwrap().iter())
        .map(|m| {
            let at = match (m["lat"].as_f64(), m["lon"].as_f64()) {
                (Some(lat), Some(lon)) => format!(" @{lat:.2},{lon:.2}"),
                _ => String::new(),
            };
            format!(
                "{} {} {}{at}",
                m["kind"].as_str().unwrap(),
                m["code"].as_str().unwrap(),
                m["name"].as_str().unwrap()
            )
        })
        .collect()
}

fn events(v: &Value) -> Vec<String> {
    v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{}>{} {}",
                e["source"]["code"].as_str().unwrap(),
                e["target"]["code"].as_str().unwrap_or("-"),
                e["cameo"].as_str().unwrap()
            )
        })
        .collect()
}

fn user_lexicon() -> PathBuf {
    let dir = scratch("user");
    write(
        &dir,
        "places/places.tsv",
        "geonameid\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tnames\tlangs\n\
         990000001\tQuexbury\tGBR\tENG\t52.1000\t-1.2000\t1200\tQuexbury-on-Wold\tit=Quessiburgo\n\
         2210247\tTripoli\tLBY\t77\t32.9000\t13.2000\t1302947\t\t\n",
    );
    write(
        &dir,
        "actors/countries.txt",
        "ITA\n  name.en: Boot Republic\n",
    );
    write(
        &dir,
        "actors/people.txt",
        "Orla Vintermark\n  names: Orla Vintermark | Vintermark\n  code: DNKGOV 2024-01-01..\n\n\
         Keir Starmer\n  names: Keir Starmer\n  code: GBRLEG\n",
    );
    write(&dir, "agents/en.txt", "MED: newsreaders\nCVL: soldiers\n");
    // A file named otherwise than the built-in ones is read too.
    write(
        &dir,
        "actors/more-people.txt",
        "Tomas Quellbrunn\n  names: Tomas Quellbrunn\n  code: NORGOV\n",
    );
    write(
        &dir,
        "patterns/en.txt",
        "en.user.zorf   125  zorf* ; target=obj\nen.112.accuse  111  accus* ; target=obj\n",
    );
    dir
}

#[test]
fn a_user_lexicon_adds_entries() {
    let dir = user_lexicon();
    let text = "Orla Vintermark zorfed the Boot Republic in Quexbury.";
    let before = explain(None, text);
    assert!(events(&before).is_empty(), "{:?}", events(&before));
    let after = explain(Some(&dir), text);
    let m = mentions(&after);
    for want in [
        "person/organisation DNKGOV Orla Vintermark",
        "country ITA Italy",
        "place GBR Quexbury @52.10,-1.20",
    ] {
        assert!(m.iter().any(|x| x == want), "{want} not in {m:?}");
    }
    assert_eq!(events(&after), vec!["DNKGOV>ITA 125"]);
    let place = &after["events"][0]["place"];
    assert_eq!(place["name"], "Quexbury");
    assert_eq!(place["lat"].as_f64(), Some(52.1));
    // A role word of the user's.
    let m = mentions(&explain(Some(&dir), "French newsreaders protested."));
    assert!(m.iter().any(|x| x == "actor FRAMED France"), "{m:?}");
    let m = mentions(&explain(Some(&dir), "Tomas Quellbrunn spoke."));
    assert!(
        m.iter()
            .any(|x| x == "person/organisation NORGOV Tomas Quellbrunn"),
        "{m:?}"
    );
    // A name in another language from the langs column.
    let out = output(
        dyad()
            .args([
                "lexicon",
                "lookup",
                "Quessiburgo",
                "--lang",
                "it",
                "--lexicon",
            ])
            .arg(&dir),
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("place       GBR        Quexbury"), "{text}");
}

#[test]
fn a_user_lexicon_overrides_entries() {
    let dir = user_lexicon();
    // A person's code.
    let text = "Keir Starmer accused Russia of lying.";
    assert_eq!(events(&explain(None, text)), vec!["GBRGOV>RUS 112"]);
    assert_eq!(events(&explain(Some(&dir), text)), vec!["GBRLEG>RUS 111"]);
    // A role word: `soldiers` is civilians in the user's lexicon.
    let m = mentions(&explain(Some(&dir), "Ukrainian soldiers waited."));
    assert!(m.iter().any(|x| x == "actor UKRCVL Ukraine"), "{m:?}");
    // A place's coordinates.
    let m = mentions(&explain(Some(&dir), "Libyan forces gathered in Tripoli."));
    assert!(
        m.iter().any(|x| x == "place LBY Tripoli @32.90,13.20"),
        "{m:?}"
    );
    // lookup shows the override and why.
    let out = output(
        dyad()
            .args([
                "lexicon",
                "lookup",
                "Keir Starmer",
                "--date",
                "2025-01-01",
                "--lexicon",
            ])
            .arg(&dir),
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("entity      GBRLEG"), "{text}");
    assert!(!text.contains("GBRGOV"), "{text}");
    let out = output(dyad().args(["lexicon", "check"]).arg(&dir));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The dashboard's basemap is checked with the rest of data/.
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("ok: basemap, 177 countries"), "{stdout}");
    assert!(stdout.contains("ok: FIPS codes, 250 countries"), "{stdout}");
}

#[test]
fn check_reports_bad_user_files_with_file_and_line() {
    let dir = scratch("bad");
    write(
        &dir,
        "actors/countries.txt",
        "ITA\n  name.en: Boot Republic\n  xyz.en: Boot Palace\nITA\n  name.it: Stivale\n",
    );
    write(
        &dir,
        "actors/people.txt",
        "Orla Vintermark\n  names: Orla Vintermark\n  code: DNKXYZ\n",
    );
    write(&dir, "agents/en.txt", "XYZ: newsreaders\n");
    write(
        &dir,
        "patterns/en.txt",
        "en.user.snub 125 snubb*\nen.user.snub 125 rebuff*\n",
    );
    write(
        &dir,
        "places/places.tsv",
        "geonameid\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tnames\n\
         990000001\tQuexbury\tGBR\tENG\t52.1\t-1.2\t1200\t\n\
         990000001\tQuexbury\tGBR\tENG\t52.1\t-1.2\t1200\t\n\
         990000002\tNowhere\tQQQ\t01\t10.0\t10.0\t10\t\n\
         990000003\tFaraway\tGBR\t01\t95.0\t10.0\t10\t\n",
    );
    let out = output(dyad().args(["lexicon", "check"]).arg(&dir));
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let d = dir.display();
    for want in [
        format!("{d}/actors/countries.txt:3: unknown kind \"xyz\""),
        format!("{d}/actors/countries.txt:4: country ITA (first at line 1) is defined twice"),
        format!("{d}/actors/people.txt:3: bad actor code \"DNKXYZ\""),
        format!("{d}/agents/en.txt:1: bad actor code \"XYZ\""),
        format!("{d}/patterns/en.txt:2: pattern id en.user.snub"),
        format!("{d}/places/places.tsv:3: GeoNames id 990000001 is defined twice"),
        format!("{d}/places/places.tsv:4: unknown country \"QQQ\""),
        format!("{d}/places/places.tsv:5: coordinates 95,10 out of range"),
    ] {
        assert!(stderr.contains(&want), "missing {want:?} in:\n{stderr}");
    }
    // The same files make `--lexicon` fail with a clear message, not a panic.
    let out = output(
        dyad()
            .args(["explain", "--lexicon"])
            .arg(&dir)
            .arg("Hello."),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid lexicon"));
}

#[test]
fn lexicon_commands_survive_a_closed_pipe() {
    for args in [
        vec!["lexicon", "check"],
        vec!["lexicon", "lookup", "Tripoli"],
    ] {
        // A pipe whose reading end is closed before dyad writes anything (`dyad ... | head -0`).
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = dyad()
            .args(&args)
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(out.status.success(), "{args:?}: {stderr}");
    }
}
