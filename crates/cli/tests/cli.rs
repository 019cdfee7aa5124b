//! End-to-end tests of the `dyad` binary: inputs, bad inputs, formats and exit codes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(cmd: &mut Command, stdin: &[u8]) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Feed standard input from another thread: a large input would otherwise fill the pipes
    // while the child waits for its output to be read.
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    let feeder = std::thread::spawn(move || pipe.write_all(&input));
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap().unwrap();
    out
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

const IT: &str = " date 2022-03-01 Il governo russo ha accusato l'Ucraina.\n";
const EN: &str = "The Russian government accused Ukraine on Tuesday.\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn text_file_with_date_header() {
    let dir = scratch("header");
    let path = write(&dir, "articolo-1.txt", IT.as_bytes());
    let out = run(dyad().arg("code").arg(&path), b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let events = lines(&out);
    assert_eq!(events.len(), 1);
    let e = &events[0];
    assert_eq!(e["doc_id"], "articolo-1");
    assert_eq!(e["date"], "2022-03-01");
    assert_eq!(e["date_precision"], "day");
    assert_eq!(e["source"]["code"], "RUSGOV");
    assert_eq!(e["target"]["code"], "UKR");
    assert_eq!(e["cameo"], "112");
    assert_eq!(e["lang"], "it");
    assert_eq!(e["quad_class"], 3);
    // Spans index the text after the header.
    let text = IT.trim_start().strip_prefix("date 2022-03-01 ").unwrap();
    let span = &e["trigger"]["span"];
    let (a, b) = (
        span[0].as_u64().unwrap() as usize,
        span[1].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[a..b], e["trigger"]["text"].as_str().unwrap());
    for key in [
        "event_id",
        "sentence",
        "cameo_name",
        "goldstein",
        "plover",
        "rule",
        "text",
        "place",
    ] {
        assert!(e.get(key).is_some(), "missing {key}");
    }
}

#[test]
fn stdin_jsonl_gzip_and_directories() {
    let dir = scratch("inputs");
    let jsonl = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "a", "text": EN, "date": "2024-02-01", "lang": "en"}),
        serde_json::json!({"id": "b", "text": IT})
    );
    let out = run(
        dyad().args(["code", "--input", "jsonl", "-"]),
        jsonl.as_bytes(),
    );
    assert!(out.status.success());
    let ids: Vec<_> = lines(&out)
        .iter()
        .map(|e| e["doc_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a", "b"]);

    let sub = dir.join("nested/deeper");
    std::fs::create_dir_all(&sub).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(IT.as_bytes()).unwrap();
    write(&sub, "zipped.txt.gz", &gz.finish().unwrap());
    write(&dir, "plain.txt", EN.as_bytes());
    let out = run(dyad().args(["code", "--date", "2024-02-01"]).arg(&dir), b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ids: Vec<_> = lines(&out)
        .iter()
        .map(|e| e["doc_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["zipped", "plain"]);
}

#[test]
fn bad_documents_are_reported_and_skipped() {
    let dir = scratch("bad");
    let good = write(&dir, "good.txt", IT.as_bytes());
    let invalid = write(
        &dir,
        "latin1.txt",
        b"Il governo ha accusato \xe8 l'Ucraina.",
    );
    let empty = write(&dir, "empty.txt", b"  \n");
    let binary = write(&dir, "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0");
    let jsonl = write(
        &dir,
        "docs.jsonl",
        format!(
            "{{\"id\": \"x\", \"text\": {}}}\n{{broken\n{{\"id\": \"y\"}}\n",
            serde_json::json!(EN)
        )
        .as_bytes(),
    );
    let out = run(
        dyad()
            .arg("code")
            .args([&good, &invalid, &empty, &binary, &jsonl]),
        b"",
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("latin1.txt:1: invalid UTF-8"), "{stderr}");
    assert!(stderr.contains("empty.txt: empty text"), "{stderr}");
    assert!(stderr.contains("image.txt: binary data"), "{stderr}");
    assert!(stderr.contains("docs.jsonl:2: malformed JSON"), "{stderr}");
    assert!(
        stderr.contains("docs.jsonl:3: no \"text\" field"),
        "{stderr}"
    );
    assert_eq!(lines(&out).len(), 2);
}

#[test]
fn nothing_readable_is_an_error() {
    let dir = scratch("nothing");
    let empty = write(&dir, "empty.txt", b"");
    let out = run(dyad().arg("code").arg(&empty), b"");
    assert_eq!(out.status.code(), Some(1));
    let out = run(dyad().arg("code").arg(dir.join("missing.txt")), b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such file"));
}

#[test]
fn unknown_language_is_reported_not_guessed() {
    let out = run(
        dyad().args(["code", "-"]),
        "O governo brasileiro anunciou novas medidas econômicas para conter a inflação no país."
            .as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("language not recognised"));
    assert!(out.stdout.is_empty());
}

#[test]
fn a_fifty_megabyte_line_is_coded_not_lost() {
    let mut text = String::with_capacity(50 << 20);
    text.push_str(IT.trim());
    while text.len() < 50 << 20 {
        text.push_str(" parola");
    }
    let out = run(dyad().args(["code", "--lang", "it", "-"]), text.as_bytes());
    assert!(out.status.success());
    assert_eq!(lines(&out).len(), 1);
}

#[test]
fn gdelt_rows_have_61_columns() {
    let out = run(
        dyad().args(["code", "--format", "gdelt", "--header", "-"]),
        IT.as_bytes(),
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows.len(), 2);
    for row in &rows {
        assert_eq!(row.split('\t').count(), 61, "{row}");
    }
    let cols: Vec<&str> = rows[1].split('\t').collect();
    assert_eq!(cols[1], "20220301");
    assert_eq!(cols[5], "RUSGOV");
    assert_eq!(cols[7], "RUS");
    assert_eq!(cols[12], "GOV");
    assert_eq!(cols[15], "UKR");
    assert_eq!(cols[26], "112");
    assert_eq!(cols[28], "11");
    assert_eq!(cols[29], "3");
}

#[test]
fn explain_shows_mentions_patterns_and_events() {
    let out = run(
        dyad().args([
            "explain",
            "--lang",
            "it",
            "--date",
            "2022-03-01",
            "Il governo russo non ha minacciato l'Ucraina.",
        ]),
        b"",
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("RUSGOV"), "{text}");
    assert!(text.contains("negated"), "{text}");
    let out = run(
        dyad().args([
            "explain",
            "--json",
            "--lang",
            "it",
            "Il governo russo ha accusato l'Ucraina.",
        ]),
        b"",
    );
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["events"][0]["cameo"], "112");
    assert!(value["sentences"][0]["mentions"].as_array().unwrap().len() >= 2);
}

#[test]
fn lexicon_check_reports_file_and_line() {
    let dir = scratch("lexicon");
    std::fs::create_dir_all(dir.join("actors")).unwrap();
    std::fs::create_dir_all(dir.join("patterns")).unwrap();
    write(
        &dir.join("actors"),
        "people.txt",
        b"Jane Example\n  names: Jane Example\n  code: XYZQQQ\n",
    );
    write(
        &dir.join("patterns"),
        "it.txt",
        b"it.999.test 999 qualcosa\n",
    );
    let out = run(dyad().args(["lexicon", "check"]).arg(&dir), b"");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("actors/people.txt:3: bad actor code \"XYZQQQ\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("patterns/it.txt:1: event code \"999\""),
        "{stderr}"
    );
    let out = run(dyad().args(["lexicon", "check"]), b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn user_lexicon_adds_entries_without_rebuilding() {
    let dir = scratch("user");
    std::fs::create_dir_all(dir.join("actors")).unwrap();
    write(
        &dir.join("actors"),
        "people.txt",
        b"Zorblat Quux\n  names: Zorblat Quux | Quux\n  code: FRAGOV\n",
    );
    let text = "Zorblat Quux accused Ukraine of provocations.";
    let out = run(dyad().args(["code", "--lang", "en", "-"]), text.as_bytes());
    assert!(lines(&out).is_empty());
    let out = run(
        dyad()
            .args(["code", "--lang", "en", "--lexicon"])
            .arg(&dir)
            .arg("-"),
        text.as_bytes(),
    );
    let events = lines(&out);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["source"]["code"], "FRAGOV");
}

/// Peak memory reported by `--stats` for `n` generated documents read from stdin.
fn peak_kb(n: usize) -> u64 {
    let mut input = String::new();
    for i in 0..n {
        let text = if i % 2 == 0 {
            format!("Il governo russo ha accusato l'Ucraina di provocazioni numero {i}.")
        } else {
            format!("The Turkish army shelled Kurdish positions for the {i}th time.")
        };
        input.push_str(
            &serde_json::json!({"id": format!("d{i}"), "text": text, "date": "2023-01-05"})
                .to_string(),
        );
        input.push('\n');
    }
    let out = run(
        dyad()
            .args(["code", "--input", "jsonl", "--stats", "-"])
            .stdout(Stdio::null()),
        input.as_bytes(),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    let kb = stderr
        .split("peak memory ")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .and_then(|s| s.parse().ok());
    kb.unwrap_or_else(|| panic!("no peak memory in {stderr}"))
}

#[test]
fn memory_stays_flat_while_streaming() {
    if !Path::new("/proc/self/status").exists() {
        eprintln!("no /proc: peak memory cannot be read here, skipped");
        return;
    }
    let small = peak_kb(10_000);
    let large = peak_kb(100_000);
    // Ten times the documents may not cost more than a fraction more memory: documents are
    // coded in fixed-size batches and written as they are coded.
    assert!(
        large < small + small / 2,
        "10k docs: {small} kB, 100k docs: {large} kB"
    );
}
