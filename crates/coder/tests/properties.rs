//! Property tests: the coder never panics, and every span it reports lies on char boundaries
//! inside the text.

use dyad_coder::{analyze, Document};
use dyad_lexicon::{Date, Lexicon};
use dyad_text::Lang;
use proptest::prelude::*;
use std::sync::OnceLock;

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::builtin().expect("built-in lexicon"))
}

fn check_spans(text: &str, lang: Lang) {
    let doc = Document {
        id: "p".into(),
        text: text.to_string(),
        lang,
        date: Date::parse("2021-05-04"),
    };
    let analysis = analyze(lexicon(), &doc);
    let ok = |(a, b): (usize, usize)| {
        a <= b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b)
    };
    for e in &analysis.events {
        assert!(ok(e.trigger), "trigger span {:?}", e.trigger);
        assert!(ok(e.source.span));
        assert!(ok(e.sentence_span));
        if let Some(t) = &e.target {
            assert!(ok(t.span));
        }
        if let Some(p) = &e.place {
            assert!(ok(p.span));
        }
    }
    for s in &analysis.sentences {
        assert!(ok(s.span));
        for m in &s.mentions {
            assert!(ok(m.span));
        }
    }
}

/// Words the lexicon knows, so that random text exercises actors and triggers, not only noise.
const VOCABULARY: &[&str] = &[
    "Il",
    "governo",
    "russo",
    "ha",
    "accusato",
    "l'Ucraina",
    "di",
    "non",
    "Putin",
    "e",
    "Erdogan",
    "si",
    "accusano",
    "a",
    "vicenda",
    ",",
    ".",
    "\"",
    "«",
    "»",
    "è",
    "stato",
    "condannato",
    "dal",
    "the",
    "Russian",
    "army",
    "attacked",
    "Kyiv",
    "was",
    "condemned",
    "by",
    "NATO",
    "each",
    "other",
    "did",
    "not",
    "threaten",
    "on",
    "Tuesday",
    "il",
    "27",
    "settembre",
    "Stepanakert",
    "forze",
    "azere",
    "'s",
    "minister",
    "Pakistan",
    "said",
    "ha",
    "riferito",
    "Onu",
    "UN",
    "🙂",
    "ß",
    "\n",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        check_spans(&text, Lang::It);
        check_spans(&text, Lang::En);
    }

    #[test]
    fn word_salad_never_panics(words in proptest::collection::vec(proptest::sample::select(VOCABULARY), 0..40)) {
        let text = words.join(" ");
        for lang in Lang::ALL {
            check_spans(&text, lang);
        }
    }
}
