//! The port must print what the reference scorer prints, byte for byte.
//!
//! Each test runs `python3 score.py` (from `DYAD_SCORE_PY`, else
//! `/work/shared/eval/score.py`) and this crate on the same files, for the
//! table, `--by-root` and `--json`. When the script or Python is missing the
//! tests print a note and pass.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};

const DEFAULT_SCRIPT: &str = "/work/shared/eval/score.py";

const FLAGS: [&[&str]; 4] = [&[], &["--by-root"], &["--json"], &["--by-root", "--json"]];

/// The reference script, when it and a Python to run it are available.
fn reference() -> Option<PathBuf> {
    let script = std::env::var_os("DYAD_SCORE_PY")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(DEFAULT_SCRIPT));
    if !script.is_file() {
        println!(
            "note: {} not found; skipping the comparison",
            script.display()
        );
        return None;
    }
    match Command::new("python3").arg("--version").output() {
        Ok(out) if out.status.success() => Some(script),
        _ => {
            println!("note: python3 not available; skipping the comparison");
            None
        }
    }
}

fn python_output(script: &Path, gold: &Path, system: &Path, flags: &[&str]) -> String {
    let out = Command::new("python3")
        .arg(script)
        .arg(gold)
        .arg(system)
        .args(flags)
        .output()
        .expect("run python3");
    assert!(
        out.status.success(),
        "score.py failed on {} {}: {}",
        gold.display(),
        system.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("score.py prints UTF-8")
}

fn rust_output(gold: &Path, system: &Path, flags: &[&str]) -> String {
    let gold = dyad_eval::load_gold(gold).unwrap_or_else(|e| panic!("{e}"));
    let system = dyad_eval::load_system(system).unwrap_or_else(|e| panic!("{e}"));
    let report = dyad_eval::score(&gold, &system);
    if flags.contains(&"--json") {
        report.render_json()
    } else {
        report.render_table(flags.contains(&"--by-root"))
    }
}

/// Asserts that both scorers print the same for every flag combination.
fn check(script: &Path, gold: &Path, system: &Path) {
    for flags in FLAGS {
        let want = python_output(script, gold, system, flags);
        let got = rust_output(gold, system, flags);
        assert_eq!(
            got,
            want,
            "{} {} {:?}",
            gold.display(),
            system.display(),
            flags
        );
    }
}

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dyad-eval");
    std::fs::create_dir_all(&dir).expect("create scratch folder");
    dir.join(name)
}

fn write_jsonl(path: &Path, values: &[Value]) {
    let mut text = String::new();
    for value in values {
        text.push_str(&value.to_string());
        text.push('\n');
    }
    std::fs::write(path, text).expect("write scratch file");
}

#[test]
fn fixtures_agree_with_reference() {
    let Some(script) = reference() else { return };
    for name in ["mixed", "ties", "empty", "unicode", "odd"] {
        check(
            &script,
            &data(&format!("{name}.gold.jsonl")),
            &data(&format!("{name}.system.jsonl")),
        );
    }
    // Gold documents against a system file from another fixture: all stray.
    check(
        &script,
        &data("mixed.gold.jsonl"),
        &data("ties.system.jsonl"),
    );
}

/// A small deterministic generator, so that failures can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<T: Clone>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())].clone()
    }
}

/// A system event derived from a gold one, right or wrong in one of the ways a coder errs.
fn perturb(rng: &mut Rng, doc_id: &Value, gold: &Value) -> Vec<Value> {
    let field = |name: &str| gold.get(name).cloned().unwrap_or(Value::Null);
    let (source, target, cameo) = (field("source"), field("target"), field("cameo"));
    let code = cameo.as_str().unwrap_or("").to_string();
    let head = |actor: &Value| {
        actor
            .as_str()
            .map(|s| Value::from(s.chars().take(3).collect::<String>()))
            .unwrap_or(Value::Null)
    };
    let event = |s: Value, t: Value, c: Value| json!({"doc_id": doc_id, "source": {"code": s}, "target": t, "cameo": c});
    match rng.below(10) {
        0 => vec![],
        1 => vec![event(head(&source), head(&target), cameo)],
        2 => vec![event(source, target, Value::from(format!("{code}1")))],
        3 => vec![event(source, Value::Null, cameo)],
        4 => vec![event(
            source,
            target,
            Value::from(format!("{}9", code.chars().take(2).collect::<String>())),
        )],
        5 => vec![
            event(source.clone(), target.clone(), cameo.clone()),
            event(source, target, cameo),
        ],
        6 => vec![event(Value::from("XYZ"), target, cameo)],
        7 => vec![event(target, source, cameo)],
        _ => vec![event(source, target, cameo)],
    }
}

#[test]
fn shared_gold_files_agree_with_reference() {
    let Some(script) = reference() else { return };
    let folder = script.parent().expect("script has a folder");
    let mut golds: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("read the reference folder")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.to_string_lossy().ends_with(".gold.jsonl"))
        .collect();
    golds.sort();
    for (n, gold) in golds.iter().enumerate() {
        let text = std::fs::read_to_string(gold).expect("read gold file");
        for seed in 1..=3u64 {
            let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ (seed * 7919 + n as u64));
            let mut system = Vec::new();
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                let doc: Value = serde_json::from_str(line).expect("gold line is JSON");
                let id = doc.get("id").cloned().unwrap_or(Value::Null);
                for key in ["events", "optional"] {
                    let events = doc.get(key).and_then(Value::as_array);
                    for event in events.into_iter().flatten() {
                        if key == "events" || rng.below(3) == 0 {
                            system.extend(perturb(&mut rng, &id, event));
                        }
                    }
                }
                if rng.below(8) == 0 {
                    system.push(
                        json!({"doc_id": id, "source": "---CVL", "target": null, "cameo": "014"}),
                    );
                }
            }
            system.push(json!({"doc_id": "not-a-gold-id", "source": "ITA", "target": "FRA", "cameo": "040"}));
            let path = scratch(&format!("shared-{n}-{seed}.system.jsonl"));
            write_jsonl(&path, &system);
            check(&script, gold, &path);
        }
    }
}

#[test]
fn random_cases_agree_with_reference() {
    let Some(script) = reference() else { return };
    let actors = [
        json!("RUS"),
        json!("RUSGOV"),
        json!("rusgov"),
        json!("USAGOVMIL"),
        json!("USAMILGOV"),
        json!("USAMIL"),
        json!("IGOEUREC"),
        json!("IGOECEUR"),
        json!("---CVL"),
        json!("*"),
        json!(""),
        json!("none"),
        json!("UK"),
        json!(null),
        json!(7),
    ];
    let cameos = [
        json!("04"),
        json!("040"),
        json!("043"),
        json!("0431"),
        json!("043_x"),
        json!("04:3"),
        json!("19"),
        json!("190"),
        json!("193"),
        json!("1"),
        json!(""),
        json!("112"),
        json!(43),
        json!(0),
        json!(null),
    ];
    let langs = [
        json!("en"),
        json!("it"),
        json!("all"),
        json!("ζω"),
        json!("??"),
    ];
    let ids = [json!("a"), json!("b"), json!("c"), json!(3)];
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for case in 0..40 {
        let mut gold = Vec::new();
        for _ in 0..1 + rng.below(4) {
            let mut doc = json!({"id": rng.pick(&ids), "text": "Invented text."});
            if rng.below(4) > 0 {
                doc["lang"] = rng.pick(&langs);
            }
            for key in ["events", "optional"] {
                let count = if key == "events" {
                    rng.below(5)
                } else {
                    rng.below(3)
                };
                let events: Vec<Value> = (0..count)
                    .map(|_| {
                        json!({"source": rng.pick(&actors), "target": rng.pick(&actors), "cameo": rng.pick(&cameos)})
                    })
                    .collect();
                doc[key] = Value::from(events);
            }
            gold.push(doc);
        }
        // Half the system events copy a gold event, with one field sometimes changed,
        // so that matches and near misses are common.
        let copies: Vec<(Value, Value)> = gold
            .iter()
            .flat_map(|doc| {
                let events = doc["events"].as_array().into_iter().flatten();
                let optional = doc["optional"].as_array().into_iter().flatten();
                events
                    .chain(optional)
                    .map(|event| (doc["id"].clone(), event.clone()))
            })
            .collect();
        let mut system = Vec::new();
        for _ in 0..rng.below(14) {
            let mut event = json!({"source": rng.pick(&actors), "target": rng.pick(&actors)});
            if rng.below(5) > 0 {
                event["doc_id"] = rng.pick(&[ids.as_slice(), &[json!("3"), json!("zz")]].concat());
            }
            if !copies.is_empty() && rng.below(2) == 0 {
                let (id, gold_event) = rng.pick(&copies);
                event = gold_event;
                event["doc_id"] = id;
                match rng.below(5) {
                    0 => event["source"] = rng.pick(&actors),
                    1 => event["target"] = rng.pick(&actors),
                    _ => {}
                }
                if rng.below(3) == 0 {
                    event["source"] = json!({"code": event["source"].clone()});
                }
                system.push(event);
                continue;
            }
            if rng.below(3) == 0 {
                event["source"] = json!({"code": event["source"].clone()});
            }
            let key = if rng.below(4) == 0 { "code" } else { "cameo" };
            event[key] = rng.pick(&cameos);
            system.push(event);
        }
        let gold_path = scratch(&format!("random-{case}.gold.jsonl"));
        let system_path = scratch(&format!("random-{case}.system.jsonl"));
        write_jsonl(&gold_path, &gold);
        write_jsonl(&system_path, &system);
        check(&script, &gold_path, &system_path);
    }
}
