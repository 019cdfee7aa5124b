//! Language detection accuracy of `dyad_text::detect` on short news sentences and headlines
//! written for this test (`tests/data/langid.tsv`). Run with `--nocapture` to see the report.

#[path = "support/langid.rs"]
mod support;

use dyad_text::detect;

#[test]
fn accuracy_on_supported_languages() {
    let accuracy = support::accuracy("dyad_text::detect", detect);
    // Function words, letters and endings alone: headlines made of names and verbs are often too
    // short to tell. dyad runs `Lexicon::detect`, which adds the dictionaries' content words and
    // is held to 98% on the same file (crates/lexicon/tests/langid.rs).
    assert!(accuracy >= 0.95, "accuracy {accuracy:.3} below 95%");
}

#[test]
fn unknown_languages_are_mostly_rejected() {
    let (rejected, total) = support::rejected(detect);
    assert!(total >= 30);
    assert!(
        rejected * 100 >= total * 80,
        "only {rejected}/{total} rejected"
    );
}
