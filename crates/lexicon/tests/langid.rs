//! Language detection as dyad runs it (`Lexicon::detect`: function words, letters, endings and
//! the dictionaries' content words), on the short news sentences and headlines written for
//! `crates/text/tests/data/langid.tsv`. Run with `--nocapture` to see the report.

#[path = "../../text/tests/support/langid.rs"]
mod support;

use dyad_lexicon::Lexicon;
use dyad_text::Lang;

#[test]
fn accuracy_on_supported_languages_is_at_least_98_percent() {
    let lexicon = Lexicon::builtin().unwrap();
    let accuracy = support::accuracy("Lexicon::detect", |s| lexicon.detect(s));
    assert!(accuracy >= 0.98, "accuracy {accuracy:.3} below 98%");
}

#[test]
fn other_languages_are_still_rejected() {
    let lexicon = Lexicon::builtin().unwrap();
    let (rejected, total) = support::rejected(|s| lexicon.detect(s));
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
