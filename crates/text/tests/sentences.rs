//! Sentence splitting on news-style text. Each case is a document and the sentences expected.

use dyad_text::{split_sentences, Lang};

#[track_caller]
fn check(lang: Lang, doc: &str, want: &[&str]) {
    let got: Vec<&str> = split_sentences(doc, lang)
        .iter()
        .map(|s| s.text(doc))
        .collect();
    assert_eq!(got, want, "document: {doc:?}");
}

#[test]
fn full_stops_and_capitals() {
    check(
        Lang::It,
        "Il vertice è finito. I leader hanno firmato! Ci sarà un seguito? 12 Paesi dicono di sì.",
        &[
            "Il vertice è finito.",
            "I leader hanno firmato!",
            "Ci sarà un seguito?",
            "12 Paesi dicono di sì.",
        ],
    );
    check(
        Lang::En,
        "Talks stalled… Then the envoy left.",
        &["Talks stalled…", "Then the envoy left."],
    );
    // No split before a lower-case word, nor inside numbers.
    check(
        Lang::En,
        "Growth was 1.7 percent... according to the data. Prices rose 2,8%.",
        &[
            "Growth was 1.7 percent... according to the data.",
            "Prices rose 2,8%.",
        ],
    );
}

#[test]
fn abbreviations_and_initials() {
    check(
        Lang::It,
        "Il sen. Bianchi e l'on. Verdi hanno incontrato il dott. Neri. La riunione è durata due ore.",
        &[
            "Il sen. Bianchi e l'on. Verdi hanno incontrato il dott. Neri.",
            "La riunione è durata due ore.",
        ],
    );
    check(
        Lang::En,
        "Mr. Blinken met Gen. Austin and Sen. Reed on Jan. 5 in Washington. Dr. Lee did not attend.",
        &[
            "Mr. Blinken met Gen. Austin and Sen. Reed on Jan. 5 in Washington.",
            "Dr. Lee did not attend.",
        ],
    );
    check(
        Lang::En,
        "President Joe R. Biden spoke with J. Stoltenberg. The call lasted an hour.",
        &[
            "President Joe R. Biden spoke with J. Stoltenberg.",
            "The call lasted an hour.",
        ],
    );
    // `U.S.` before a capital is taken as part of a noun phrase...
    check(
        Lang::En,
        "Officials said the U.S. Navy would stay in the region.",
        &["Officials said the U.S. Navy would stay in the region."],
    );
    // ...unless a line break follows.
    check(
        Lang::En,
        "The aid came from the U.S.\nMoscow protested.",
        &["The aid came from the U.S.", "Moscow protested."],
    );
    check(
        Lang::Es,
        "El Sr. García viajó a EE.UU. para reunirse con la Sra. López. Luego volvió a Madrid.",
        &[
            "El Sr. García viajó a EE.UU. para reunirse con la Sra. López.",
            "Luego volvió a Madrid.",
        ],
    );
    check(
        Lang::Fr,
        "M. Macron a reçu MM. Dupont et Durand. La rencontre a duré une heure.",
        &[
            "M. Macron a reçu MM. Dupont et Durand.",
            "La rencontre a duré une heure.",
        ],
    );
    check(
        Lang::De,
        "Laut Dr. Schmidt kamen ca. 300 Menschen, z.B. aus Berlin. Die Polizei sprach von Nr. 2.",
        &[
            "Laut Dr. Schmidt kamen ca. 300 Menschen, z.B. aus Berlin.",
            "Die Polizei sprach von Nr. 2.",
        ],
    );
}

#[test]
fn headlines_and_line_breaks() {
    check(
        Lang::It,
        "Escalation nel Nagorno-Karabakh\nL'esercito azero ha avviato un'operazione. Erevan protesta.",
        &[
            "Escalation nel Nagorno-Karabakh",
            "L'esercito azero ha avviato un'operazione.",
            "Erevan protesta.",
        ],
    );
    check(
        Lang::En,
        "Border talks collapse\n\nthe delegations left Geneva without a statement.",
        &[
            "Border talks collapse",
            "the delegations left Geneva without a statement.",
        ],
    );
    // A hard-wrapped line that goes on (a comma, or a lower-case continuation) is not a headline.
    check(
        Lang::En,
        "The minister said that the talks,\nwhich began in May, would go on\nuntil a deal is reached.",
        &["The minister said that the talks,\nwhich began in May, would go on\nuntil a deal is reached."],
    );
}

#[test]
fn quotations() {
    check(
        Lang::It,
        "\"È stato discusso il cessate il fuoco. La parte russa ha espresso preoccupazione\", si legge nella nota.",
        &[
            "\"È stato discusso il cessate il fuoco.",
            "La parte russa ha espresso preoccupazione\", si legge nella nota.",
        ],
    );
    // A closing quote right after the stop stays with the sentence it closes.
    check(
        Lang::En,
        "He said: \"This is the end.\" Then he left the room.",
        &["He said: \"This is the end.\"", "Then he left the room."],
    );
    check(
        Lang::It,
        "Ha dichiarato: «Non tratteremo.» Poi ha lasciato la sala.",
        &[
            "Ha dichiarato: «Non tratteremo.»",
            "Poi ha lasciato la sala.",
        ],
    );
    // Never split inside « » when a lower-case word follows the closing guillemet.
    check(
        Lang::It,
        "«Siamo pronti a trattare. Ma non cederemo sui confini», ha detto il ministro. Mosca tace.",
        &[
            "«Siamo pronti a trattare. Ma non cederemo sui confini», ha detto il ministro.",
            "Mosca tace.",
        ],
    );
    check(
        Lang::Fr,
        "«Nous ne céderons pas. Jamais» a martelé le président. Le débat continue.",
        &[
            "«Nous ne céderons pas. Jamais» a martelé le président.",
            "Le débat continue.",
        ],
    );
    check(
        Lang::Es,
        "¿Habrá acuerdo? ¡Nadie lo sabe! El plazo vence hoy.",
        &["¿Habrá acuerdo?", "¡Nadie lo sabe!", "El plazo vence hoy."],
    );
}

#[test]
fn spans_and_tokens_are_in_document_coordinates() {
    let doc = "  Primo fatto.\n\n  Secondo fatto!  ";
    let sentences = split_sentences(doc, Lang::It);
    assert_eq!(sentences.len(), 2);
    for s in &sentences {
        let text = s.text(doc);
        assert_eq!(text, text.trim());
        assert_eq!(s.tokens.first().unwrap().start, s.start);
        assert_eq!(s.tokens.last().unwrap().end, s.end);
    }
    assert_eq!(sentences[1].tokens[0].text(doc), "Secondo");
}
