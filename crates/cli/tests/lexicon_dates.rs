//! `dyad lexicon check DIR` refuses a user lexicon whose dated codes overlap, naming the file
//! and line, and `dyad lexicon lookup` resolves a name by `--date`.

use std::path::PathBuf;
use std::process::Command;

fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-dates-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("actors")).unwrap();
    dir
}

#[test]
fn lexicon_check_reports_overlapping_date_ranges_with_file_and_line() {
    let dir = scratch("overlap");
    std::fs::write(
        dir.join("actors/people.txt"),
        "# a user's people\n\nJane Example\n  names: Jane Example\n  code: FRAOPP ..2020-01-01\n  code: FRAGOV 2019-06-01..\n",
    )
    .unwrap();
    let out = dyad()
        .args(["lexicon", "check"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let want = format!(
        "{}/actors/people.txt:6: overlapping date ranges",
        dir.display()
    );
    assert!(stderr.contains(&want), "{stderr}");
    assert!(stderr.contains("Jane Example"), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn lexicon_lookup_resolves_a_name_by_date() {
    let code_on = |date: &str| {
        let out = dyad()
            .args([
                "lexicon",
                "lookup",
                "Keir Starmer",
                "--lang",
                "en",
                "--date",
                date,
            ])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(code_on("2022-05-01").contains("GBROPP"));
    assert!(code_on("2025-03-01").contains("GBRGOV"));
}
