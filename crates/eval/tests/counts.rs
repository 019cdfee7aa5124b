//! Hand-computed expectations on the fixtures in `tests/data`; no Python needed.
//!
//! The comments walk through each document so that a failure can be checked
//! against the matching rules by hand.

use std::path::{Path, PathBuf};

use dyad_eval::{load_gold, load_system, score, Counts, ErrorKind, Report};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn report(name: &str) -> Report {
    let gold = load_gold(&data(&format!("{name}.gold.jsonl"))).unwrap();
    let system = load_system(&data(&format!("{name}.system.jsonl"))).unwrap();
    score(&gold, &system)
}

fn counts(tp: u64, fp: u64, fn_: u64) -> Counts {
    Counts { tp, fp, fn_ }
}

#[test]
fn mixed_fixture_counts() {
    let report = report("mixed");
    assert_eq!(report.documents(), 9);
    // One event names document "nowhere", one has no doc_id at all.
    assert_eq!(report.stray_events(), 2);

    // English, leniently:
    // t-en-1: 0431 matches 043 (tp); UGA->KEN 042 is optional; KEN->UGA 043 again is a fp.
    // t-en-2: 173 tp; PERGOV->null 036 takes the wildcard 03 (tp); a second 03x under the
    //         satisfied wildcard is ignored; 045 is another root (fp); a blank source (fp).
    // 17:     IGOECEUR->NULL 041 matches IGOEUREC->none 04 (tp); a null source never
    //         matches leniently (fp, and the gold null-source event is a fn).
    // t-en-3: KOR->JPN tp; KORMIL 111 fp; KORGOV->PRK 190 takes the wildcard (tp);
    //         KORGOV->* 193 ignored; a `*` source fp; JPN->KOR missed (fn).
    assert_eq!(report.cell("lenient", "en"), Some(counts(6, 6, 2)));
    // Strictly, UGA is not UGAGOV (one more fp on t-en-1), IGOECEUR is not IGOEUREC
    // (roles EC+EUR against ECE+UR), but the two null sources are equal.
    assert_eq!(report.cell("strict", "en"), Some(counts(6, 7, 2)));

    // The French document shares its id with t-en-1, so it sees the same three
    // system events and, requiring nothing, counts them all as false positives.
    assert_eq!(report.cell("lenient", "fr"), Some(counts(0, 3, 0)));
    assert_eq!(report.cell("strict", "fr"), Some(counts(0, 3, 0)));

    // A document without lang is filed under "??": ---CVL->SYR 141 against ---CVL->SYRGOV.
    assert_eq!(report.cell("lenient", "??"), Some(counts(1, 0, 0)));
    assert_eq!(report.cell("strict", "??"), Some(counts(0, 1, 1)));

    // The Spanish text comes from a file; `code` stands in for an empty `cameo`.
    assert_eq!(report.cell("lenient", "es"), Some(counts(2, 1, 0)));
    assert_eq!(report.cell("strict", "es"), Some(counts(1, 2, 1)));

    let all = report.cell("lenient", "all").unwrap();
    assert_eq!(all, counts(10, 11, 2));
    assert_eq!(all.p(), 10.0 / 21.0);
    assert_eq!(all.r(), 10.0 / 12.0);
    assert_eq!(report.cell("strict", "de"), None);
    assert_eq!(report.cell("loose", "all"), None);

    let langs: Vec<&str> = report.cells("lenient").iter().map(|c| c.0).collect();
    assert_eq!(langs, ["??", "en", "es", "fr", "it", "all"]);

    let roots: Vec<(&str, Counts)> = report.roots().collect();
    assert_eq!(roots[0], ("01", counts(0, 1, 0)));
    assert!(roots.contains(&("19", counts(2, 0, 0))));
}

#[test]
fn mixed_fixture_table() {
    let table = report("mixed").render_table(true);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(
        lines[0],
        "9 documents; 2 system events name no gold document"
    );
    assert_eq!(
        lines[1],
        "mode     lang     tp    fp    fn      P      R     F1"
    );
    assert_eq!(
        lines[3],
        "lenient  en        6     6     2  0.500  0.750  0.600"
    );
    assert!(table.contains("\nroot     tp    fp    fn     F1   (lenient)\n"));
    assert!(table.contains("\n04        2     4     0  0.500\n"));
    assert!(table.ends_with('\n'));
}

#[test]
fn ties_round_to_even() {
    let report = report("ties");
    // One of sixteen system events is right: precision 0.0625 exactly, printed 0.062.
    assert_eq!(report.cell("lenient", "de"), Some(counts(1, 15, 1)));
    assert!(report
        .render_table(false)
        .contains("lenient  de        1    15     1  0.062  0.500  0.111\n"));
    assert!(report.render_json().contains("   \"p\": 0.0625,\n"));
}

#[test]
fn empty_gold_file() {
    let report = report("empty");
    assert_eq!(report.documents(), 0);
    assert_eq!(report.stray_events(), 1);
    assert_eq!(
        report.render_table(true),
        "0 documents; 1 system events name no gold document\n\
         mode     lang     tp    fp    fn      P      R     F1\n\
         \n\
         root     tp    fp    fn     F1   (lenient)\n"
    );
    assert_eq!(
        report.render_json(),
        "{\n \"documents\": 0,\n \"lenient\": {},\n \"stray_events\": 1,\n \"strict\": {}\n}\n"
    );
}

#[test]
fn crlf_lines_unicode_langs_and_a_lang_called_all() {
    let gold = load_gold(&data("unicode.gold.jsonl")).unwrap();
    assert_eq!(gold.len(), 3);
    // \r\n, a blank \r\n line, then a bare \r end the lines.
    assert_eq!(gold.iter().map(|d| d.line).collect::<Vec<_>>(), [1, 3, 4]);
    let report = report("unicode");
    // A document whose language is "all" is added to the "all" cell twice, as the reference does.
    assert_eq!(report.cell("lenient", "all"), Some(counts(4, 2, 0)));
    let json = report.render_json();
    assert!(json.contains("\"\\u03b5\\u03bb\": {"));
    // Table cells pad by characters, not bytes.
    assert!(report
        .render_table(false)
        .contains("\nlenient  ελ        1     0     0  1.000  1.000  1.000\n"));
}

#[test]
fn gold_file_reference_is_read_whole() {
    let gold = load_gold(&data("mixed.gold.jsonl")).unwrap();
    let spanish = gold.iter().find(|d| d.id == "t-es-1").unwrap();
    assert!(spanish.text.starts_with("Los gobiernos de Chile"));
    assert!(spanish.text.ends_with("mes.\n"));
    assert_eq!(
        spanish.file.as_deref(),
        Some(data("texts/puerto.txt").as_path())
    );
    assert_eq!(spanish.date.as_deref(), Some("2023-01-19"));
    // A numeric id is its decimal text, as Python's str() gives it.
    assert!(gold.iter().any(|d| d.id == "17"));
    let numeric = gold.iter().find(|d| d.id == "t-en-3").unwrap();
    assert_eq!(numeric.events[2].cameo, "19");
}

fn gold_error(name: &str, text: &str) -> dyad_eval::Error {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dyad-eval-errors");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    load_gold(&path).unwrap_err()
}

#[test]
fn gold_errors_name_file_and_line() {
    let ok = r#"{"id": "a", "text": "Fine."}"#;
    let error = gold_error("bad-json.jsonl", &format!("{ok}\n\n{{\"id\": \n"));
    assert_eq!(error.line(), Some(3));
    assert!(matches!(error.kind(), ErrorKind::NotJson(_)));
    assert!(
        error.to_string().contains("bad-json.jsonl:3: not JSON"),
        "{error}"
    );

    let error = gold_error("no-id.jsonl", &format!("{ok}\n{{\"text\": \"x\"}}\n"));
    assert!(matches!(error.kind(), ErrorKind::MissingId));
    assert!(
        error
            .to_string()
            .ends_with("no-id.jsonl:2: document has no \"id\""),
        "{error}"
    );

    let error = gold_error("no-text.jsonl", "{\"id\": \"a\", \"events\": []}\n");
    assert!(matches!(error.kind(), ErrorKind::MissingText));
    assert_eq!(error.line(), Some(1));

    let error = gold_error(
        "no-file.jsonl",
        "{\"id\": \"a\", \"file\": \"absent.txt\"}\n",
    );
    assert!(matches!(error.kind(), ErrorKind::UnreadableFile { .. }));
    assert!(error.to_string().contains("absent.txt"), "{error}");
    assert!(std::error::Error::source(&error).is_some());

    let error = gold_error("array.jsonl", "[1, 2]\n");
    assert!(matches!(error.kind(), ErrorKind::NotAnObject));

    let error = gold_error(
        "lang.jsonl",
        "{\"id\": \"a\", \"text\": \"t\", \"lang\": null}\n",
    );
    assert!(matches!(
        error.kind(),
        ErrorKind::InvalidField { field: "lang", .. }
    ));

    let error = gold_error(
        "events.jsonl",
        "{\"id\": \"a\", \"text\": \"t\", \"events\": [\"RUS\"]}\n",
    );
    assert!(matches!(
        error.kind(),
        ErrorKind::InvalidField {
            field: "events",
            ..
        }
    ));

    let error = load_gold(Path::new("/nonexistent/dyad/gold.jsonl")).unwrap_err();
    assert!(matches!(error.kind(), ErrorKind::Io(_)));
    assert_eq!(error.line(), None);
}
