//! The language-identification test set (`crates/text/tests/data/langid.tsv`, `lang<TAB>sentence`)
//! and its report, shared by the text crate's test of `detect` and the lexicon crate's test of
//! `Lexicon::detect` (included there with `#[path]`).

#![allow(dead_code)]

use std::collections::BTreeMap;

use dyad_text::Lang;

const DATA: &str = include_str!("../data/langid.tsv");

/// Every `(language code, sentence)` row, supported languages and foreign ones alike.
pub fn rows() -> impl Iterator<Item = (&'static str, &'static str)> {
    DATA.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split_once('\t').expect("lang<TAB>sentence"))
}

/// Runs `detect` on every sentence of a supported language, prints accuracy per language and
/// the errors (`--nocapture` shows them), checks that every language has at least 60 sentences,
/// and returns the overall accuracy.
pub fn accuracy(title: &str, detect: impl Fn(&str) -> Option<Lang>) -> f64 {
    let mut per_lang: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut errors = Vec::new();
    for (code, sentence) in rows() {
        let Some(want) = Lang::from_code(code) else {
            continue;
        };
        let got = detect(sentence);
        let entry = per_lang.entry(code).or_default();
        entry.1 += 1;
        if got == Some(want) {
            entry.0 += 1;
        } else {
            errors.push(format!("  {code} -> {got:?}: {sentence}"));
        }
    }
    let (ok, total) = per_lang
        .values()
        .fold((0, 0), |(a, b), (c, d)| (a + c, b + d));
    println!("language detection accuracy ({title}):");
    for (code, (ok, n)) in &per_lang {
        println!(
            "  {code}: {ok}/{n} ({:.1}%)",
            100.0 * *ok as f64 / *n as f64
        );
    }
    let accuracy = ok as f64 / total as f64;
    println!("  overall: {ok}/{total} ({:.1}%)", 100.0 * accuracy);
    for e in &errors {
        println!("{e}");
    }
    for lang in Lang::ALL {
        assert!(
            per_lang.get(lang.code()).is_some_and(|(_, n)| *n >= 60),
            "at least 60 test sentences for {lang}"
        );
    }
    accuracy
}

/// How many foreign (Portuguese, Dutch, Romanian) sentences `detect` rejects, and how many there
/// are; prints the ones it takes for a supported language.
pub fn rejected(detect: impl Fn(&str) -> Option<Lang>) -> (usize, usize) {
    let (mut rejected, mut total) = (0, 0);
    for (code, sentence) in rows().filter(|(c, _)| Lang::from_code(c).is_none()) {
        total += 1;
        match detect(sentence) {
            None => rejected += 1,
            Some(l) => println!("  {code} taken for {l}: {sentence}"),
        }
    }
    println!("unknown languages rejected: {rejected}/{total}");
    (rejected, total)
}
