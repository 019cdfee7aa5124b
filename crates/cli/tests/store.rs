//! `dyad ingest`, `dyad export` and `dyad serve` end to end: idempotence, an ingest killed with
//! SIGKILL and run again, exports, and the server on a free loopback port.

mod support;

use dyad_store::{Counts, Store};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-cli-store-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const SOURCES: [&str; 6] = [
    "Turkish", "French", "Italian", "German", "Russian", "Spanish",
];
const TARGETS: [&str; 5] = ["Armenia", "Greece", "Poland", "Japan", "Egypt"];
const VERBS: [&str; 3] = ["condemned", "criticised", "praised"];

/// A folder of `n` small English articles; article `i` and article `i + 10` report the same
/// event (and so do articles of the same template from other days).
fn corpus(dir: &Path, n: usize) -> PathBuf {
    let folder = dir.join("corpus");
    std::fs::create_dir_all(&folder).unwrap();
    for i in 0..n {
        let k = i % 10;
        let text = format!(
            " date 2022-05-{:02}\nThe {} government {} {}, a spokesman said. This was report {i}.\n",
            1 + k % 7,
            SOURCES[k % SOURCES.len()],
            VERBS[k % VERBS.len()],
            TARGETS[k % TARGETS.len()],
        );
        std::fs::write(folder.join(format!("article-{i:03}.txt")), text).unwrap();
    }
    folder
}

fn counts(db: &Path) -> Counts {
    Store::open_read_only(db).unwrap().counts().unwrap()
}

fn ingest(db: &Path, input: &Path) -> String {
    let out = dyad()
        .args(["ingest", "--db"])
        .arg(db)
        .arg(input)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "{stderr}");
    stderr
}

#[test]
fn ingesting_a_directory_twice_leaves_the_same_counts() {
    let dir = scratch("twice");
    let input = corpus(&dir, 30);
    let db = dir.join("events.db");
    let first = ingest(&db, &input);
    assert!(first.contains("30 new"), "{first}");
    let once = counts(&db);
    assert_eq!(once.documents, 30);
    assert!(once.events >= 20, "{once:?}");
    assert!(
        once.aggregated < once.events,
        "same-day repeats are aggregated: {once:?}"
    );
    let second = ingest(&db, &input);
    assert!(second.contains("30 unchanged"), "{second}");
    assert_eq!(counts(&db), once);
    // One changed article: its events are replaced, nothing is duplicated.
    std::fs::write(
        input.join("article-000.txt"),
        " date 2022-05-01\nThe Turkish government condemned Armenia and Greece.\n",
    )
    .unwrap();
    let third = ingest(&db, &input);
    assert!(third.contains("1 replaced"), "{third}");
    assert_eq!(counts(&db).documents, 30);
    assert_eq!(
        Store::open(&db).unwrap().check().unwrap(),
        Vec::<String>::new()
    );
}

#[test]
fn an_ingest_killed_midway_leaves_a_consistent_database_and_the_rerun_completes() {
    let dir = scratch("kill");
    let input = corpus(&dir, 60);
    let reference = dir.join("reference.db");
    ingest(&reference, &input);
    let expected = counts(&reference);

    let db = dir.join("killed.db");
    // Batches of 3 documents with a pause after each commit, so that the kill lands mid-way.
    let mut child = dyad()
        .args([
            "ingest",
            "--quiet",
            "--batch",
            "3",
            "--batch-delay-ms",
            "200",
            "--db",
        ])
        .arg(&db)
        .arg(&input)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(300);
    loop {
        let stored = Store::open_read_only(&db)
            .ok()
            .and_then(|s| s.counts().ok())
            .map_or(0, |c| c.documents);
        if stored >= 6 || child.try_wait().unwrap().is_some() || Instant::now() > deadline {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let was_running = child.try_wait().unwrap().is_none();
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();

    let store = Store::open(&db).unwrap();
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
    let partial = store.counts().unwrap();
    drop(store);
    eprintln!(
        "killed after {} documents (running: {was_running})",
        partial.documents
    );
    if was_running {
        assert!(partial.documents < expected.documents, "{partial:?}");
        // Whole batches only: one transaction per batch.
        assert_eq!(partial.documents % 3, 0, "{partial:?}");
    }
    let rerun = ingest(&db, &input);
    assert!(
        rerun.contains(&format!("{} unchanged", partial.documents)),
        "{rerun}"
    );
    assert_eq!(counts(&db), expected);
    assert_eq!(
        Store::open(&db).unwrap().check().unwrap(),
        Vec::<String>::new()
    );
}

#[test]
fn exports_gdelt_and_parquet() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let dir = scratch("export");
    let input = corpus(&dir, 14);
    let db = dir.join("events.db");
    ingest(&db, &input);
    let total = counts(&db).events;

    let tsv = dir.join("events.tsv");
    let out = dyad()
        .args(["export", "--format", "gdelt", "--db"])
        .arg(&db)
        .arg("--out")
        .arg(&tsv)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&tsv).unwrap();
    assert_eq!(text.lines().count() as u64, total);
    assert!(text.lines().all(|l| l.split('\t').count() == 61));

    let pq = dir.join("parquet");
    let out = dyad()
        .args([
            "export",
            "--format",
            "parquet",
            "--from",
            "2022-05-02",
            "--to",
            "2022-05-03",
            "--db",
        ])
        .arg(&db)
        .arg("--out")
        .arg(&pq)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut folders: Vec<String> = std::fs::read_dir(&pq)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    folders.sort();
    assert_eq!(folders, ["date=2022-05-02", "date=2022-05-03"]);
    let file = pq.join("date=2022-05-02").join("part-0.parquet");
    let reader = SerializedFileReader::new(std::fs::File::open(file).unwrap()).unwrap();
    let rows: Vec<_> = reader
        .get_row_iter(None)
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert!(!rows.is_empty());
    for row in &rows {
        let date = row
            .get_column_iter()
            .find(|(n, _)| n.as_str() == "event_date")
            .map(|(_, f)| f.to_string())
            .unwrap();
        assert_eq!(date, "\"2022-05-02\"");
    }

    let bad = dyad()
        .args(["export", "--format", "csv", "--db"])
        .arg(dir.join("missing.db"))
        .args(["--out", "-"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("no such database"));
}

#[test]
fn serve_listens_on_loopback_and_takes_the_token_from_the_environment() {
    let dir = scratch("serve");
    let db = dir.join("events.db");
    let (mut child, line) = support::serve(&db, &[("DYAD_TOKEN", "tok")]);
    assert!(line.contains("ingest enabled"), "{line}");
    let addr = support::base_url(&line)
        .trim_start_matches("http://")
        .to_string();
    assert!(addr.starts_with("127.0.0.1:"), "{line}");
    let post = |token: &str| {
        let body =
            r#"[{"id":"n1","date":"2022-05-01","text":"The French government praised Japan."}]"#;
        let mut s = std::net::TcpStream::connect(&addr).unwrap();
        write!(
            s,
            "POST /api/ingest HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer {token}\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        let mut reply = String::new();
        s.read_to_string(&mut reply).unwrap();
        reply
    };
    let refused = post("nope");
    let accepted = post("tok");
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(refused.starts_with("HTTP/1.1 401"), "{refused}");
    assert!(accepted.starts_with("HTTP/1.1 200"), "{accepted}");
    assert!(accepted.contains("\"inserted\":1"), "{accepted}");
    assert_eq!(counts(&db).documents, 1);
}

#[test]
fn ingest_reports_rates_unless_quiet() {
    let dir = scratch("quiet");
    let input = corpus(&dir, 3);
    let loud = ingest(&dir.join("a.db"), &input);
    assert!(loud.contains("3 documents (3 new"), "{loud}");
    assert!(
        loud.contains("docs/s") && loud.contains("events/s"),
        "{loud}"
    );
    assert!(loud.contains("aggregated events"), "{loud}");
    let out = dyad()
        .args(["ingest", "--quiet", "--db"])
        .arg(dir.join("b.db"))
        .arg(&input)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(counts(&dir.join("b.db")).documents, 3);
}

#[test]
fn ingest_refuses_a_file_that_is_not_a_dyad_database() {
    let dir = scratch("notdb");
    let input = corpus(&dir, 1);
    let db = dir.join("notes.txt");
    std::fs::write(&db, "just some notes, certainly not a database file at all").unwrap();
    let out = dyad()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("notes.txt"));
}
