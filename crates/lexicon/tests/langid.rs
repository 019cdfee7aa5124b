//! Language detection as dyad runs it (`Lexicon::detect`: function words, letters, endings and
//! the dictionaries' content words), on the short news sentences and headlines written for
//! `crates/text/tests/data/langid.tsv`. Run with `--nocapture` to see the report.

use std::collections::BTreeMap;

use dyad_lexicon::Lexicon;
use dyad_text::Lang;

const DATA: &str = include_str!("../../text/tests/data/langid.tsv");

fn rows() -> impl Iterator<Item = (&'static str, &'static str)> {
    DATA.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split_once('\t').expect("lang<TAB>sentence"))
}

#[test]
fn accuracy_on_supported_languages_is_at_least_98_percent() {
    let lexicon = Lexicon::builtin().unwrap();
    let mut per_lang: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut errors = Vec::new();
    for (code, sentence) in rows() {
        let Some(want) = Lang::from_code(code) else {
            continue;
        };
        let got = lexicon.detect(sentence);
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
    println!("language detection accuracy (Lexicon::detect):");
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
    assert!(accuracy >= 0.98, "accuracy {accuracy:.3} below 98%");
}

#[test]
fn other_languages_are_still_rejected() {
    let lexicon = Lexicon::builtin().unwrap();
    let (mut rejected, mut total) = (0, 0);
    for (code, sentence) in rows().filter(|(c, _)| Lang::from_code(c).is_none()) {
        total += 1;
        match lexicon.detect(sentence) {
            None => rejected += 1,
            Some(l) => println!("  {code} taken for {l}: {sentence}"),
        }
    }
    println!("unknown languages rejected: {rejected}/{total}");
    assert!(
        rejected * 100 >= total * 80,
        "only {rejected}/{total} rejected"
    );
}

#[test]
fn dictionary_words_decide_headlines_without_function_words() {
    let lexicon = Lexicon::builtin().unwrap();
    assert_eq!(
        dyad_text::detect("Biden empfängt Meloni im Weißen Haus."),
        None
    );
    assert_eq!(
        lexicon.detect("Biden empfängt Meloni im Weißen Haus."),
        Some(Lang::De)
    );
}
