//! Property tests: on any input, tokenize, split_sentences, detect and stem never panic, spans
//! are on character boundaries, in order and non-overlapping, and the tokens plus the
//! whitespace between them give back the input.

use dyad_text::{detect, normalize, split_sentences, stem, tokenize, Lang, Token};
use proptest::prelude::*;

fn check_tokens(text: &str, tokens: &[Token]) -> Result<(), TestCaseError> {
    let mut last = 0;
    let mut rebuilt = String::with_capacity(text.len());
    for t in tokens {
        prop_assert!(t.start >= last && t.start < t.end && t.end <= text.len());
        prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        let gap = &text[last..t.start];
        prop_assert!(
            gap.chars().all(char::is_whitespace),
            "non-space gap {gap:?}"
        );
        rebuilt.push_str(gap);
        rebuilt.push_str(&text[t.start..t.end]);
        last = t.end;
    }
    prop_assert!(text[last..].chars().all(char::is_whitespace));
    rebuilt.push_str(&text[last..]);
    prop_assert_eq!(rebuilt, text);
    Ok(())
}

/// Text that looks like news: words, elisions, abbreviations, quotes, numbers, line breaks.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Il".to_string()),
        Just("l'".to_string()),
        Just("all’".to_string()),
        Just("U.S.".to_string()),
        Just("Mr.".to_string()),
        Just("J.".to_string()),
        Just("didn't".to_string()),
        Just("Pakistan's".to_string()),
        Just("allies'".to_string()),
        Just("e'".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("\"".to_string()),
        Just(". ".to_string()),
        Just("? ".to_string()),
        Just("…".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(" ".to_string()),
        Just("2,8%".to_string()),
        Just("300.000".to_string()),
        Just("Nagorno-Karabakh".to_string()),
        "[a-zA-Zàèéìòùßñç]{1,8}",
        "[0-9.,]{1,5}",
        "\\PC{1,3}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn tokenize_round_trips_any_string(text in any::<String>()) {
        check_tokens(&text, &tokenize(&text))?;
    }

    #[test]
    fn tokenize_round_trips_newsish_text(text in newsish()) {
        check_tokens(&text, &tokenize(&text))?;
    }

    #[test]
    fn sentences_cover_the_tokens(text in prop_oneof![any::<String>(), newsish()]) {
        for lang in Lang::ALL {
            let sentences = split_sentences(&text, lang);
            let all: Vec<Token> = sentences.iter().flat_map(|s| s.tokens.clone()).collect();
            prop_assert_eq!(&all, &tokenize(&text));
            for s in &sentences {
                prop_assert!(!s.tokens.is_empty());
                prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                let body = &text[s.start..s.end];
                prop_assert_eq!(body, body.trim());
            }
        }
    }

    #[test]
    fn detect_and_stem_never_panic(text in prop_oneof![any::<String>(), newsish()]) {
        let _ = detect(&text);
        for t in tokenize(&text) {
            for lang in Lang::ALL {
                let s = stem(&t.norm, lang);
                prop_assert!(t.norm.starts_with(s));
            }
        }
    }

    #[test]
    fn normalize_is_idempotent(text in prop_oneof![any::<String>(), newsish()]) {
        let once = normalize(&text);
        prop_assert_eq!(normalize(&once), once.clone());
    }
}
