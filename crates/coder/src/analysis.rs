//! Per-sentence analysis: function words, mentions, triggers, actors and events, with everything
//! `dyad explain` shows.

use crate::actors::{assemble, Unit};
use crate::dates::{find_dates, DateMention};
use crate::events::{build_events, Carried, Trigger};
use crate::{Diagnostic, Document, Event, Span};
use dyad_lexicon::{ActorKind, Date, Func, LangLexicon, Lexicon, PatternCode, Tok};
use dyad_text::{Token, TokenKind};
use serde::Serialize;

/// A mention as `dyad explain` shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentionInfo {
    /// `country`, `adjective`, `metonym`, `person/organisation`, `role`, `actor`, `place` or `date`.
    pub kind: String,
    /// Actor code, role code, ISO country of a place, or the resolved date.
    pub code: String,
    /// Readable name.
    pub name: String,
    /// The words.
    pub text: String,
    /// Their byte span.
    pub span: Span,
    /// Latitude of a place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude of a place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
}

/// A pattern that fired.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TriggerInfo {
    /// Pattern id.
    pub rule: String,
    /// What it produces (`112`, `REPORT`, `NEG`, `SKIP`).
    pub code: String,
    /// The trigger words.
    pub text: String,
    /// Their span.
    pub span: Span,
    /// Where the pattern is defined.
    pub origin: String,
}

/// A pattern that matched but made no event, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NearMiss {
    /// Pattern id.
    pub rule: String,
    /// The trigger words.
    pub text: String,
    /// Their span.
    pub span: Span,
    /// Why no event came of it.
    pub reason: String,
}

/// One sentence's analysis.
#[derive(Debug, Clone, Serialize)]
pub struct SentenceAnalysis {
    /// Index in the document.
    pub index: usize,
    /// Byte span.
    pub span: Span,
    /// Its text.
    pub text: String,
    /// Tokens as `(span, normalised form)`.
    pub tokens: Vec<(Span, String)>,
    /// Mentions found.
    pub mentions: Vec<MentionInfo>,
    /// Patterns that fired.
    pub triggers: Vec<TriggerInfo>,
    /// Patterns that nearly made an event.
    pub near_misses: Vec<NearMiss>,
}

/// A document's full analysis.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// Per sentence.
    pub sentences: Vec<SentenceAnalysis>,
    /// The events, in sentence order.
    pub events: Vec<Event>,
    /// Remarks for the user.
    pub diagnostics: Vec<Diagnostic>,
}

/// What a mention is.
#[derive(Debug, Clone)]
pub(crate) enum MentionKind {
    Actor(ActorKind),
    /// Candidate places (indices into the gazetteer), most likely first.
    Place(Vec<u32>),
}

/// A dictionary phrase found in a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub start: usize,
    pub end: usize,
    pub kind: MentionKind,
}

/// What the sentence-level stages share.
pub(crate) struct SentenceCtx<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub lexicon: &'a Lexicon,
    pub lang: &'a LangLexicon,
    pub doc_date: Option<Date>,
    /// The document's language.
    pub doc_lang: dyad_text::Lang,
    /// The whole document, for the countries it names anywhere.
    pub scope: &'a DocScope<'a>,
    /// Function words starting at each token, with their length in tokens.
    pub tags: Vec<Vec<(Func, usize)>>,
    /// Tokens that belong to a trigger.
    pub trigger_token: Vec<bool>,
    /// Tokens that belong to a reporting trigger (`ha annunciato`, `said`).
    pub report_token: Vec<bool>,
}

impl<'a> SentenceCtx<'a> {
    pub fn original(&self, i: usize) -> &'a str {
        let t = &self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// Whether a function word starting at `i` satisfies `pred`.
    pub fn has(&self, i: usize, pred: impl Fn(Func) -> bool) -> bool {
        self.tags
            .get(i)
            .is_some_and(|v| v.iter().any(|(f, _)| pred(*f)))
    }

    /// The preposition starting at `i`, with its length.
    pub fn prep_at(&self, i: usize) -> Option<(u16, usize)> {
        self.tags.get(i)?.iter().find_map(|(f, len)| match f {
            Func::Prep(p) => Some((*p, *len)),
            _ => None,
        })
    }

    pub fn is_genitive(&self, prep: u16) -> bool {
        self.lang.is_genitive(prep)
    }

    /// The preposition that ends right before `start`, skipping articles and numbers.
    pub fn prep_before(&self, start: usize) -> Option<u16> {
        let mut i = start;
        while i > 0 {
            let j = i - 1;
            let t = &self.tokens[j];
            // A preposition phrase ending at j, the longest first: `auprès du`, `nei confronti
            // di` are one preposition, not the `du`/`di` they end with.
            for k in j.saturating_sub(3)..=j {
                let ends_here = self.tags[k].iter().find_map(|(f, len)| match f {
                    Func::Prep(p) if k + len == j + 1 => Some(*p),
                    _ => None,
                });
                if ends_here.is_some() {
                    return ends_here;
                }
            }
            let skippable = self.has(j, |f| f == Func::Article) || t.kind == TokenKind::Number;
            if !skippable || start - j > 4 {
                return None;
            }
            i = j;
        }
        None
    }

    /// The preposition before `start` when up to two plain words (no function word, no trigger)
    /// come after it: `on the Islamist insurgents`.
    pub fn prep_before_words(&self, start: usize) -> Option<u16> {
        let mut i = start;
        for _ in 0..2 {
            let j = i.checked_sub(1)?;
            let t = &self.tokens[j];
            if t.kind != TokenKind::Word || self.trigger_token[j] || !self.tags[j].is_empty() {
                return None;
            }
            i = j;
            if let Some(p) = self.prep_before(i) {
                return Some(p);
            }
        }
        None
    }

    /// The dot of an ordinal inside a sentence (`am 7. Oktober`): not punctuation that ends a
    /// clause.
    pub fn ordinal_dot(&self, i: usize) -> bool {
        self.tokens[i].norm == "."
            && i > 0
            && i + 1 < self.tokens.len()
            && self.tokens[i - 1].kind == TokenKind::Number
            && self.tokens[i + 1].kind == TokenKind::Word
    }

    pub fn span(&self, from: usize, to: usize) -> Span {
        (self.tokens[from].start, self.tokens[to - 1].end)
    }

    pub fn words(&self, from: usize, to: usize) -> &'a str {
        let (a, b) = self.span(from, to);
        &self.text[a..b]
    }
}

/// The whole document: its sentences, and the countries they name, found on first need (most
/// documents never need them).
pub(crate) struct DocScope<'a> {
    sentences: &'a [dyad_text::Sentence],
    countries: std::cell::OnceCell<Vec<u16>>,
}

impl<'a> DocScope<'a> {
    pub fn new(sentences: &'a [dyad_text::Sentence]) -> Self {
        DocScope {
            sentences,
            countries: std::cell::OnceCell::new(),
        }
    }
}

impl SentenceCtx<'_> {
    /// Every country the document names anywhere, before or after this sentence: by a
    /// country's name, adjective or metonym, or by a person or organisation of that country
    /// (their full names, not context-dependent surnames). What the text is about.
    pub fn doc_countries(&self) -> &[u16] {
        self.scope.countries.get_or_init(|| {
            let lex = self.lexicon;
            let mut out: Vec<u16> = Vec::new();
            for sentence in self.scope.sentences {
                let tokens = &sentence.tokens;
                let ids: Vec<Option<u32>> = tokens
                    .iter()
                    .map(|t| self.lang.words().get(&t.norm))
                    .collect();
                let original = |i: usize| &self.text[tokens[i].start..tokens[i].end];
                let mut i = 0;
                while i < tokens.len() {
                    let found = self.lang.actors().matches_at(&ids, i, original);
                    let Some((len, kinds)) = found.first() else {
                        i += 1;
                        continue;
                    };
                    for kind in kinds {
                        let c = match **kind {
                            ActorKind::Country(c)
                            | ActorKind::Adjective(c)
                            | ActorKind::Metonym(c, _) => Some(c),
                            ActorKind::Entity(e) | ActorKind::Seat(e) => {
                                code_country(lex, e, self.doc_date)
                            }
                            ActorKind::Surname(_) | ActorKind::Agent(_) => None,
                        };
                        if let Some(c) = c.filter(|c| !out.contains(c)) {
                            out.push(c);
                        }
                    }
                    i += len;
                }
            }
            out
        })
    }
}

/// The country of an entity's code on a date (`ESPGOV` → Spain), if it has one.
fn code_country(lexicon: &Lexicon, e: u32, date: Option<Date>) -> Option<u16> {
    let code = lexicon.entities()[e as usize].code_at(date)?;
    let code = code.get(..3)?;
    lexicon
        .countries()
        .iter()
        .position(|c| c.code == code)
        .map(|i| i as u16)
}

/// Document-level memory carried from sentence to sentence.
#[derive(Debug, Default)]
pub(crate) struct DocMemory {
    /// The last country named (for roles without a country).
    pub last_country: Option<u16>,
    /// Every country named so far in the document, for choosing between places that share a
    /// name (`Tripoli` in Libya or in Lebanon).
    pub countries: Vec<u16>,
    /// Surnames of people named in full earlier in the document (`Castillo` after
    /// `Pedro Castillo`), by normalised form.
    pub aliases: Vec<(String, u32)>,
    /// The subject of the previous sentence, for clauses without one (pro-drop).
    pub last_subject: Option<Vec<crate::Actor>>,
}

/// Analyses and codes a document, keeping everything `dyad explain` shows.
pub fn analyze(lexicon: &Lexicon, doc: &Document) -> Analysis {
    run(lexicon, doc, true)
}

/// Codes a document; `explain` keeps the per-sentence details.
pub(crate) fn run(lexicon: &Lexicon, doc: &Document, explain: bool) -> Analysis {
    let lang = lexicon.lang(doc.lang);
    let sentences = dyad_text::split_sentences(&doc.text, doc.lang);
    let mut out = Analysis {
        sentences: Vec::with_capacity(sentences.len()),
        events: Vec::new(),
        diagnostics: Vec::new(),
    };
    let mut memory = DocMemory::default();
    let scope = DocScope::new(&sentences);
    let mut place_words = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        if sentence.tokens.is_empty() {
            continue;
        }
        let analysis = analyze_sentence(
            lexicon,
            lang,
            doc,
            index,
            sentence,
            &mut memory,
            &mut place_words,
            &scope,
            &mut out.events,
            explain,
        );
        out.sentences.extend(analysis);
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn analyze_sentence(
    lexicon: &Lexicon,
    lang: &LangLexicon,
    doc: &Document,
    index: usize,
    sentence: &dyad_text::Sentence,
    memory: &mut DocMemory,
    place_ids: &mut Vec<Option<u32>>,
    scope: &DocScope<'_>,
    events: &mut Vec<Event>,
    explain: bool,
) -> Option<SentenceAnalysis> {
    let tokens = &sentence.tokens;
    let text = doc.text.as_str();
    let original = |i: usize| &text[tokens[i].start..tokens[i].end];
    let ids: Vec<Option<u32>> = tokens.iter().map(|t| lang.words().get(&t.norm)).collect();

    // Function words.
    let mut tags: Vec<Vec<(Func, usize)>> = vec![Vec::new(); tokens.len()];
    for (i, tag) in tags.iter_mut().enumerate() {
        for (len, funcs) in lang.func().matches_at(&ids, i, original) {
            for f in funcs {
                tag.push((*f, len));
            }
        }
    }
    let mut ctx = SentenceCtx {
        text,
        tokens,
        lexicon,
        lang,
        doc_date: doc.date,
        doc_lang: doc.lang,
        scope,
        tags,
        trigger_token: vec![false; tokens.len()],
        report_token: vec![false; tokens.len()],
    };

    // Actor and place mentions.
    place_ids.clear();
    // Lower-case words are looked up too: they may continue a name (`Monaco di Baviera`); the
    // trie's case rules make every name start with a capital.
    place_ids.extend(tokens.iter().map(|t| lexicon.place_words().get(&t.norm)));
    let mut mentions = find_mentions(&ctx, &ids, place_ids, memory);
    remember_aliases(&ctx, &mentions, memory);
    rank_places(&ctx, &mut mentions, memory);

    // Triggers.
    let in_mention = {
        let mut v = vec![false; tokens.len()];
        for m in &mentions {
            v[m.start..m.end].iter_mut().for_each(|x| *x = true);
        }
        v
    };
    // Role words may complete a trigger (`send troops`, `expel diplomats`) but not start one.
    let in_name = {
        let mut v = vec![false; tokens.len()];
        for m in &mentions {
            if !matches!(m.kind, MentionKind::Actor(ActorKind::Agent(_))) {
                v[m.start..m.end].iter_mut().for_each(|x| *x = true);
            }
        }
        v
    };
    let triggers = find_triggers(&ctx, &in_mention, &in_name);
    for t in &triggers {
        for &k in &t.tokens {
            ctx.trigger_token[k] = true;
            ctx.report_token[k] = lang.patterns()[t.pattern].code == PatternCode::Report;
        }
    }

    // Actors, dates, places.
    let mut units = assemble(&ctx, &mentions);
    // A genitive preposition of one word may join a day, a month and a year: `27 de enero de 2024`.
    let links: Vec<bool> = (0..tokens.len())
        .map(|i| {
            ctx.prep_at(i)
                .is_some_and(|(p, len)| len == 1 && ctx.is_genitive(p))
        })
        .collect();
    let dates = find_dates(tokens, &ctx.tags_simple(), &links, doc.date);
    let places: Vec<(usize, usize, u32)> = mentions
        .iter()
        .filter_map(|m| match &m.kind {
            MentionKind::Place(c) => Some((m.start, m.end, c[0])),
            _ => None,
        })
        .collect();
    let contexts = context_countries(&ctx, &units, &places, memory);
    mark_reporters(&ctx, &triggers, &mut units);

    let mut near_misses = Vec::new();
    let first_event = events.len();
    let main = main_subject(&ctx, &units, &triggers);
    let carried = match (main, &memory.last_subject) {
        (Some(u), _) => Carried::Unit(u),
        (None, Some(actors)) => Carried::Actors(actors.clone()),
        (None, None) => Carried::None,
    };
    let used_carried = build_events(
        &ctx,
        index,
        (sentence.start, sentence.end),
        &units,
        &contexts,
        &triggers,
        &dates,
        &places,
        events,
        &mut near_misses,
        &carried,
    );
    let _ = first_event;
    // The subject carried to the next sentence: this sentence's own, else the one it carried.
    memory.last_subject = match main {
        Some(u) => Some(
            (0..units.len())
                .filter(|&i| units[i].group == units[u].group && units[i].reporter.is_none())
                .map(|i| crate::events::resolve(&ctx, &units[i], contexts[i]))
                .collect(),
        ),
        None if used_carried => memory.last_subject.take(),
        None => None,
    };

    // Remember the countries of this sentence for the next ones.
    for c in units
        .iter()
        .filter_map(|u| u.country.or_else(|| entity_country(lexicon, u, doc.date)))
        .chain(places.iter().filter_map(|&(_, _, p)| {
            let code = &lexicon.places()[p as usize].country;
            lexicon
                .countries()
                .iter()
                .position(|c| c.code == *code)
                .map(|i| i as u16)
        }))
    {
        if !memory.countries.contains(&c) {
            memory.countries.push(c);
        }
    }
    if let Some(c) = units
        .iter()
        .rev()
        .filter(|u| u.reporter.is_none())
        .find_map(|u| u.country.or_else(|| entity_country(lexicon, u, doc.date)))
    {
        memory.last_country = Some(c);
    } else if let Some(c) = places.last().and_then(|&(_, _, p)| {
        let code = &lexicon.places()[p as usize].country;
        lexicon
            .countries()
            .iter()
            .position(|c| c.code == *code)
            .map(|i| i as u16)
    }) {
        // A sentence that names no country but a place (`en Guayaquil`) is about that place's.
        memory.last_country = Some(c);
    }

    if !explain {
        return None;
    }
    Some(SentenceAnalysis {
        index,
        span: (sentence.start, sentence.end),
        text: text[sentence.start..sentence.end].to_string(),
        tokens: tokens
            .iter()
            .map(|t| ((t.start, t.end), t.norm.clone()))
            .collect(),
        mentions: describe_mentions(&ctx, &mentions, &units, &contexts, &dates),
        triggers: triggers
            .iter()
            .map(|t| {
                let p = &lang.patterns()[t.pattern];
                TriggerInfo {
                    rule: p.id.clone(),
                    code: code_name(&p.code),
                    text: ctx.words(t.first(), t.last() + 1).to_string(),
                    span: ctx.span(t.first(), t.last() + 1),
                    origin: p.origin.clone(),
                }
            })
            .collect(),
        near_misses,
    })
}

impl SentenceCtx<'_> {
    /// The first function word at each token, for the date finder.
    fn tags_simple(&self) -> Vec<Option<(Func, usize)>> {
        self.tags
            .iter()
            .map(|v| v.iter().copied().find(|(f, _)| f.is_date_word()))
            .collect()
    }
}

pub(crate) fn code_name(code: &PatternCode) -> String {
    match code {
        PatternCode::Event(c) => c.clone(),
        PatternCode::Report => "REPORT".into(),
        PatternCode::Neg => "NEG".into(),
        PatternCode::Skip => "SKIP".into(),
    }
}

fn entity_country(lexicon: &Lexicon, u: &Unit, date: Option<Date>) -> Option<u16> {
    let e = u.entity?;
    let code = lexicon.entities()[e as usize].code_at(date)?;
    lexicon
        .countries()
        .iter()
        .position(|c| c.code == code[..3.min(code.len())])
        .map(|i| i as u16)
}

fn find_mentions(
    ctx: &SentenceCtx<'_>,
    ids: &[Option<u32>],
    place_ids: &[Option<u32>],
    memory: &DocMemory,
) -> Vec<Mention> {
    let tokens = ctx.tokens;
    let original = |i: usize| ctx.original(i);
    let capitalised = |k: usize| {
        k < tokens.len()
            && tokens[k].kind == TokenKind::Word
            && ctx
                .original(k)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    };
    let mut mentions = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let actor = ctx.lang.actors().matches_at(ids, i, original);
        let mut alen = actor.first().map_or(0, |m| m.0);
        let mut actor_kind = actor.first().map(|(_, kinds)| best_kind(kinds));
        // `Nato-Gipfel`, `Russland-Besuch`: a compound whose first part names a country or an
        // organisation refers to it.
        if alen == 0 && ctx.lang.hyphen_compounds() && tokens[i].kind == TokenKind::Word {
            let word = ctx.original(i);
            if let Some(head) = word.find('-').filter(|&c| c > 0).map(|c| &word[..c]) {
                if let Some(id) = ctx.lang.words().get(&dyad_text::normalize(head)) {
                    let found = ctx.lang.actors().matches_at(&[Some(id)], 0, |_| head);
                    if let Some((1, kinds)) = found.first() {
                        let kind = best_kind(kinds);
                        if matches!(
                            kind,
                            ActorKind::Country(_)
                                | ActorKind::Entity(_)
                                | ActorKind::Seat(_)
                                | ActorKind::Metonym(..)
                        ) {
                            alen = 1;
                            actor_kind = Some(kind);
                        }
                    }
                }
            }
        }
        // A bare surname that names a person only in context (`Sánchez`): with a role word
        // next to it or the person's country named in the document it is that person, and no
        // place that shares the name; otherwise it is not the person.
        let mut surname = false;
        if let Some(ActorKind::Surname(e)) = actor_kind.filter(|_| alen > 0) {
            if surname_in_context(ctx, ids, &mentions, e, i, i + alen) {
                actor_kind = Some(ActorKind::Entity(e));
                surname = true;
            } else {
                alen = 0;
                actor_kind = None;
            }
        }
        // A surname alone, after the full name earlier in the document.
        if alen == 0 && capitalised(i) {
            if let Some((_, e)) = memory.aliases.iter().find(|(a, _)| *a == tokens[i].norm) {
                alen = 1;
                actor_kind = Some(ActorKind::Entity(*e));
            }
        }
        let place = if place_ids[i].is_some() {
            ctx.lexicon.place_index().matches_at(place_ids, i, original)
        } else {
            Vec::new()
        };
        let mut plen = place.first().map_or(0, |m| m.0);
        if surname && plen <= alen {
            plen = 0;
        }
        // A short name, a function word, or a single word inside a run of capitalised words
        // (`Alexander Lukashenko`, `Prime Minister Bennett`) is not a place.
        if plen == 1
            && (ctx.original(i).chars().count() <= 2
                || !ctx.tags[i].is_empty()
                || capitalised(i + 1)
                || (i > 0 && capitalised(i - 1) && ctx.tags[i - 1].is_empty()))
        {
            plen = 0;
        }
        // A place that an actor name overlaps and outruns is part of the actor's name, not a
        // place: `La Unión` in `La Unión Europea`, the town `L'Union` in `L'Union européenne`.
        if alen == 0
            && plen > 0
            && (i + 1..i + plen).any(|k| {
                ctx.lang
                    .actors()
                    .matches_at(ids, k, original)
                    .first()
                    .is_some_and(|m| k + m.0 > i + plen)
            })
        {
            plen = 0;
        }
        let Some(kind) = actor_kind.filter(|_| alen > 0) else {
            if plen > 0 {
                mentions.push(place_mention(ctx, &place[0].1, i, plen));
                i += plen;
            } else {
                i += 1;
            }
            continue;
        };
        // `die Stadt Duma`: a name after a place noun is a place, never an actor.
        if i > 0 && ctx.lang.is_place_noun(&tokens[i - 1].norm) {
            if plen > 0 {
                mentions.push(place_mention(ctx, &place[0].1, i, plen));
            }
            i += plen.max(alen);
            continue;
        }
        // A one-word role right after an auxiliary is a participle: `ha inviato armi`, `a
        // jugé`, `ha enviado` (the role words `inviato`, `juge`, `enviado` are its nouns).
        if matches!(kind, ActorKind::Agent(_))
            && alen == 1
            && plen == 0
            && i > 0
            && ctx.has(i - 1, |f| f == Func::Aux)
            // Clitics are listed as auxiliaries too, and double as articles: `la policía`.
            && !ctx.has(i - 1, |f| f == Func::Article)
        {
            i += 1;
            continue;
        }
        let locative = ctx.prep_before(i).is_some_and(|p| ctx.lang.is_locative(p));
        // A metonym after a locative preposition is the place it names (`a Mosca`, `in
        // Brussels`), when that place is in the metonym's country: `al Papa` is not the
        // Hungarian town of Pápa. An organisation's seat has no country to check.
        let seat = match kind {
            ActorKind::Metonym(c, _) => {
                let code = &ctx.lexicon.countries()[c as usize].code;
                place.first().is_some_and(|(_, ps)| {
                    ps.iter()
                        .any(|&&p| ctx.lexicon.places()[p as usize].country == *code)
                })
            }
            ActorKind::Seat(_) => true,
            _ => false,
        };
        // Past this point a seat is its organisation.
        let kind = match kind {
            ActorKind::Seat(e) => ActorKind::Entity(e),
            k => k,
        };
        let take_place = plen > alen || (plen == alen && locative && seat);
        if take_place {
            mentions.push(place_mention(ctx, &place[0].1, i, plen));
            // `a Mosca` is a place, but also the government in `sanzioni a Mosca`: keep the
            // actor reading too, for targets that a preposition introduces.
            if plen == alen {
                mentions.push(Mention {
                    start: i,
                    end: i + alen,
                    kind: MentionKind::Actor(kind),
                });
            }
            i += plen;
        } else {
            mentions.push(Mention {
                start: i,
                end: i + alen,
                kind: MentionKind::Actor(kind),
            });
            i += alen;
        }
    }
    mentions
}

fn place_mention(ctx: &SentenceCtx<'_>, found: &[&u32], start: usize, len: usize) -> Mention {
    let mut candidates: Vec<u32> = found.iter().map(|&&p| p).collect();
    candidates.sort_by_key(|&p| std::cmp::Reverse(ctx.lexicon.places()[p as usize].population));
    candidates.dedup();
    Mention {
        start,
        end: start + len,
        kind: MentionKind::Place(candidates),
    }
}

/// A place whose population is less than the largest candidate's divided by this is never
/// preferred for its country: a village that shares a city's name does not win because the
/// sentence names its country.
const CONTEXT_POPULATION_RATIO: u64 = 200;

/// With no clue from the context, a place whose main name or name in the document's language is
/// the mention's words is preferred to a larger place that has it only as another name when it
/// is at least this fraction of the larger one's population (`Victoria` is a city of Canada, not
/// Hong Kong's old name; Spanish `Marsella` is Marseille, not the Colombian town).
const MAIN_NAME_POPULATION_RATIO: u64 = 100;

/// Orders the candidates of each place mention: first those in a country the sentence names
/// (by a country, adjective, metonym, person, organisation or an unambiguous place), then those
/// in a country the document named before, then by population. `Tripoli` is in Lebanon next
/// to `Lebanese`, in Libya next to `Libia`, and in Libya (the larger city) with no clue.
fn rank_places(ctx: &SentenceCtx<'_>, mentions: &mut Vec<Mention>, memory: &DocMemory) {
    let lex = ctx.lexicon;
    let country_of_place = |p: u32| {
        let code = &lex.places()[p as usize].country;
        lex.countries()
            .iter()
            .position(|c| c.code == *code)
            .map(|i| i as u16)
    };
    // Countries named in the sentence, with the span that names them.
    let mut here: Vec<(usize, usize, u16)> = Vec::new();
    for m in mentions.iter() {
        let c = match &m.kind {
            MentionKind::Actor(ActorKind::Country(c) | ActorKind::Adjective(c))
            | MentionKind::Actor(ActorKind::Metonym(c, _)) => Some(*c),
            MentionKind::Actor(
                ActorKind::Entity(e) | ActorKind::Seat(e) | ActorKind::Surname(e),
            ) => lex.entities()[*e as usize]
                .code_at(ctx.doc_date)
                .and_then(|code| code.get(..3))
                .and_then(|code| lex.countries().iter().position(|c| c.code == code))
                .map(|i| i as u16),
            MentionKind::Actor(ActorKind::Agent(_)) => None,
            MentionKind::Place(cands) => {
                let first = cands.first().and_then(|&p| country_of_place(p));
                first.filter(|_| {
                    cands.iter().all(|&p| {
                        lex.places()[p as usize].country == lex.places()[cands[0] as usize].country
                    })
                })
            }
        };
        if let Some(c) = c {
            here.push((m.start, m.end, c));
        }
    }
    for m in mentions.iter_mut() {
        let locative = ctx
            .prep_before(m.start)
            .is_some_and(|p| ctx.lang.is_locative(p));
        let single = m.end - m.start == 1;
        let MentionKind::Place(cands) = &mut m.kind else {
            continue;
        };
        let words: Vec<&str> = ctx.tokens[m.start..m.end]
            .iter()
            .map(|t| t.norm.as_str())
            .collect();
        let words = words.join(" ");
        let is_main = |name: &str| {
            let norms: Vec<String> = dyad_text::tokenize(name)
                .into_iter()
                .map(|t| t.norm)
                .collect();
            norms.join(" ") == words
        };
        let own_name = |p: &dyad_lexicon::Place| {
            is_main(&p.name) || p.names_in.iter().any(|(_, n)| is_main(n))
        };
        // One word that no locative preposition introduces is a place only if it names a town
        // of some size by its own name, or a city: GeoNames' other names of small places include
        // common words (`Les`, `Der`, `Montag`).
        if single && !locative {
            cands.retain(|&p| {
                let place = &lex.places()[p as usize];
                place.population >= UNINTRODUCED_ANY_NAME
                    || (place.population >= UNINTRODUCED_OWN_NAME && own_name(place))
            });
        }
        if cands.len() < 2 {
            continue;
        }
        // The place's own words do not count: `Tripoli` is also Libya's government.
        let (start, end) = (m.start, m.end);
        let named = |c: u16| {
            here.iter()
                .any(|&(s, e, k)| k == c && (e <= start || s >= end))
        };
        let largest = cands
            .iter()
            .map(|&p| lex.places()[p as usize].population)
            .max()
            .unwrap_or(0);
        let floor = largest / CONTEXT_POPULATION_RATIO;
        let main_floor = largest / MAIN_NAME_POPULATION_RATIO;
        cands.sort_by_cached_key(|&p| {
            let place = &lex.places()[p as usize];
            // The document's language's own name for a place (`Genève` in French, `Marsella` in
            // Spanish) names that place, whatever the context.
            let exonym = place.population >= largest / EXONYM_POPULATION_RATIO
                && place
                    .names_in
                    .iter()
                    .any(|(l, n)| *l == ctx.doc_lang && is_main(n));
            let main = place.population >= main_floor
                && (is_main(&place.name) || is_main(place.name_in(ctx.doc_lang)));
            let country = country_of_place(p);
            let rank = if place.population < floor {
                3
            } else if country.is_some_and(named) {
                0
            } else if country.is_some_and(|c| memory.countries.contains(&c)) {
                1
            } else if country.is_some_and(|c| ctx.doc_countries().contains(&c)) {
                // Named later in the document: still what the text is about.
                2
            } else {
                3
            };
            (!exonym, rank, !main, std::cmp::Reverse(place.population))
        });
    }
    mentions.retain(|m| !matches!(&m.kind, MentionKind::Place(c) if c.is_empty()));
}

/// A place named by its own name in the document's language wins over the context when it is
/// at least this fraction of the largest candidate's population: such names are exonyms of
/// famous places (`Genève`, `Marsella`), not of the villages that share them.
const EXONYM_POPULATION_RATIO: u64 = 10;

/// Population a place needs to be found by one word that no locative preposition introduces,
/// by any of its names.
const UNINTRODUCED_ANY_NAME: u64 = 200_000;

/// The same, by its main name or a name in one of the five languages.
const UNINTRODUCED_OWN_NAME: u64 = 50_000;

/// Whether a bare surname at `start..end` names person `e` here: a role word right before it
/// (`el presidente Sánchez`, `Premier Sánchez`) or right after it, past a comma and articles
/// (`Sánchez, el presidente del Gobierno`), or the person's country named anywhere in the
/// document.
fn surname_in_context(
    ctx: &SentenceCtx<'_>,
    ids: &[Option<u32>],
    mentions: &[Mention],
    e: u32,
    start: usize,
    end: usize,
) -> bool {
    let is_agent = |k: &ActorKind| matches!(k, ActorKind::Agent(_));
    let before = mentions.last().is_some_and(|m| {
        matches!(&m.kind, MentionKind::Actor(k) if is_agent(k))
            && (m.end == start || (m.end + 1 == start && ctx.tokens[m.end].norm == ","))
    });
    if before {
        return true;
    }
    let mut k = end;
    if k < ctx.tokens.len() && ctx.tokens[k].norm == "," {
        k += 1;
    }
    while k < ctx.tokens.len() && ctx.has(k, |f| f == Func::Article) {
        k += 1;
    }
    let after = k < ctx.tokens.len()
        && ctx
            .lang
            .actors()
            .matches_at(ids, k, |i| ctx.original(i))
            .first()
            .is_some_and(|(_, kinds)| kinds.iter().any(|k| is_agent(k)));
    if after {
        return true;
    }
    code_country(ctx.lexicon, e, ctx.doc_date).is_some_and(|c| ctx.doc_countries().contains(&c))
}

/// People named with two words or more can be named by their last word later on.
fn remember_aliases(ctx: &SentenceCtx<'_>, mentions: &[Mention], memory: &mut DocMemory) {
    for m in mentions {
        if let MentionKind::Actor(ActorKind::Entity(e)) = m.kind {
            if m.end - m.start >= 2 && ctx.tokens[m.end - 1].kind == TokenKind::Word {
                let last = ctx.tokens[m.end - 1].norm.clone();
                if !memory.aliases.iter().any(|(a, _)| *a == last) {
                    memory.aliases.push((last, e));
                }
            }
        }
    }
}

/// When a phrase has several meanings, the most specific wins.
fn best_kind(kinds: &[&ActorKind]) -> ActorKind {
    let rank = |k: &ActorKind| match k {
        ActorKind::Entity(_) | ActorKind::Seat(_) => 0,
        ActorKind::Country(_) => 1,
        ActorKind::Metonym(..) => 2,
        ActorKind::Adjective(_) => 3,
        ActorKind::Agent(_) => 4,
        ActorKind::Surname(_) => 5,
    };
    **kinds.iter().min_by_key(|k| rank(k)).unwrap_or(&kinds[0])
}

fn find_triggers(ctx: &SentenceCtx<'_>, in_mention: &[bool], in_name: &[bool]) -> Vec<Trigger> {
    let toks: Vec<Tok<'_>> = ctx
        .tokens
        .iter()
        .enumerate()
        .map(|(i, t)| Tok {
            norm: &t.norm,
            punct: t.kind == TokenKind::Punct && !ctx.ordinal_dot(i),
            joins: ctx.has(i, |f| {
                matches!(f, Func::And | Func::Boundary | Func::Aux | Func::Passive)
            }),
        })
        .collect();
    let mut found: Vec<Trigger> = Vec::new();
    let mut candidates = Vec::new();
    for i in 0..toks.len() {
        if in_mention[i] || toks[i].punct {
            continue;
        }
        candidates.clear();
        ctx.lang.candidates(toks[i].norm, &mut candidates);
        for &p in &candidates {
            let pattern = &ctx.lang.patterns()[p as usize];
            if let Some(taken) = pattern.match_at(&toks, i) {
                if taken.iter().any(|&k| in_name[k]) {
                    continue;
                }
                found.push(Trigger {
                    pattern: p as usize,
                    tokens: taken,
                });
            }
        }
    }
    // Longest match wins; on a tie, the pattern listed first, then the earlier position.
    found.sort_by_key(|t| (std::cmp::Reverse(t.tokens.len()), t.pattern, t.first()));
    let mut used = vec![false; toks.len()];
    let mut chosen = Vec::new();
    for t in found {
        if t.tokens.iter().any(|&k| used[k]) {
            continue;
        }
        for &k in &t.tokens {
            used[k] = true;
        }
        chosen.push(t);
    }
    chosen.sort_by_key(Trigger::first);
    // Two adjacent triggers of the same root describe one event (`discusso telefonicamente`):
    // keep the more specific code.
    let code_of = |t: &Trigger| match &ctx.lang.patterns()[t.pattern].code {
        PatternCode::Event(c) => Some(c.clone()),
        _ => None,
    };
    let mut keep = vec![true; chosen.len()];
    for i in 1..chosen.len() {
        let (a, b) = (&chosen[i - 1], &chosen[i]);
        let (Some(ca), Some(cb)) = (code_of(a), code_of(b)) else {
            continue;
        };
        if ca[..2] == cb[..2] && b.first() <= a.last() + 2 {
            if cb.len() > ca.len() {
                keep[i - 1] = false;
            } else {
                keep[i] = false;
            }
        }
    }
    let mut k = 0;
    chosen.retain(|_| {
        k += 1;
        keep[k - 1]
    });
    chosen
}

/// The subject of the sentence's first clause: an actor that no preposition introduces, outside
/// any reporting clause, before the first trigger, with only names, function words, numbers and
/// punctuation in front of it (`El presidente ruso, Vladimir Putin, llegó ...`, `Según el Kremlin,
/// Putin ...`).
fn main_subject(ctx: &SentenceCtx<'_>, units: &[Unit], triggers: &[Trigger]) -> Option<usize> {
    let first_trigger = triggers
        .iter()
        .filter(|t| ctx.lang.patterns()[t.pattern].code != PatternCode::Skip)
        .map(Trigger::first)
        .min()
        .unwrap_or(ctx.tokens.len());
    let mut order: Vec<usize> = (0..units.len()).collect();
    order.sort_by_key(|&i| units[i].start);
    let covered = |k: usize| units.iter().any(|u| u.start <= k && k < u.end);
    for i in order {
        let u = &units[i];
        if u.start >= first_trigger {
            return None;
        }
        let plain_before = (0..u.start).any(|k| {
            let t = &ctx.tokens[k];
            t.kind == TokenKind::Word
                && ctx.tags[k].is_empty()
                && !covered(k)
                && ctx
                    .original(k)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
        });
        if plain_before {
            return None;
        }
        if u.prep.is_none() && u.reporter.is_none() && !u.adjective_only {
            return Some(i);
        }
    }
    None
}

/// The country each role-only unit belongs to: the nearest country named before it in the
/// sentence, else the first one after it, else the document's last one.
fn context_countries(
    ctx: &SentenceCtx<'_>,
    units: &[Unit],
    places: &[(usize, usize, u32)],
    memory: &DocMemory,
) -> Vec<Option<u16>> {
    let lex = ctx.lexicon;
    let country_index = |code: &str| {
        lex.countries()
            .iter()
            .position(|c| c.code == code)
            .map(|i| i as u16)
    };
    let mut anchors: Vec<(usize, u16)> = Vec::new();
    for u in units {
        if let Some(c) = u.country {
            anchors.push((u.start, c));
        } else if let Some(c) = entity_country(lex, u, ctx.doc_date) {
            anchors.push((u.start, c));
        }
    }
    for &(start, _, p) in places {
        if let Some(c) = country_index(&lex.places()[p as usize].country) {
            anchors.push((start, c));
        }
    }
    anchors.sort_unstable();
    // The country the sentence is most about; on a tie, the nearest one before the role, else
    // the first after it.
    let mut counts: Vec<(u16, usize)> = Vec::new();
    for &(_, c) in &anchors {
        match counts.iter_mut().find(|(k, _)| *k == c) {
            Some(entry) => entry.1 += 1,
            None => counts.push((c, 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let leaders: Vec<u16> = counts
        .iter()
        .filter(|(_, n)| *n == best)
        .map(|(c, _)| *c)
        .collect();
    units
        .iter()
        .map(|u| {
            if !u.agent_only() {
                return None;
            }
            if leaders.len() == 1 {
                return Some(leaders[0]);
            }
            anchors
                .iter()
                .rev()
                .find(|(s, _)| *s < u.start)
                .or_else(|| anchors.iter().find(|(s, _)| *s > u.start))
                .map(|(_, c)| *c)
                .or(memory.last_country)
        })
        .collect()
}

/// Actors of a reporting clause that follows the main clause (`..., ha riferito il Cremlino`,
/// `..., officials said`, `secondo testimoni`) are neither sources nor targets.
fn mark_reporters(ctx: &SentenceCtx<'_>, triggers: &[Trigger], units: &mut [Unit]) {
    let n = ctx.tokens.len();
    let is_break = |i: usize| {
        let t = &ctx.tokens[i];
        t.kind == TokenKind::Punct
            && !ctx.ordinal_dot(i)
            && !matches!(t.norm.as_str(), "-" | "'" | "%" | "$" | "€")
    };
    for t in triggers {
        if ctx.lang.patterns()[t.pattern].code != PatternCode::Report {
            continue;
        }
        let first = t.first();
        let mut start = first;
        loop {
            while start > 0 && !is_break(start - 1) {
                start -= 1;
            }
            // A comma inside a list of actors (`Francia, Germania, Italia, Regno Unito e Stati
            // Uniti hanno espresso in una dichiarazione...`) opens no clause.
            let in_list = start > 0
                && ctx.tokens[start - 1].norm == ","
                && units.iter().any(|a| {
                    a.end + 1 == start
                        && units.iter().any(|b| b.start == start && b.group == a.group)
                });
            if !in_list {
                break;
            }
            start -= 1;
        }
        if start == 0 {
            continue; // The reporting clause opens the sentence: its subject is a real source.
        }
        let mut end = t.last() + 1;
        while end < n && !is_break(end) {
            end += 1;
        }
        for u in units.iter_mut() {
            if u.start >= start && u.end <= end {
                u.reporter = Some((start, end));
            }
        }
    }
}

fn describe_mentions(
    ctx: &SentenceCtx<'_>,
    mentions: &[Mention],
    units: &[Unit],
    contexts: &[Option<u16>],
    dates: &[DateMention],
) -> Vec<MentionInfo> {
    let lex = ctx.lexicon;
    let mut out = Vec::new();
    for m in mentions {
        let text = ctx.words(m.start, m.end).to_string();
        let span = ctx.span(m.start, m.end);
        let info = match &m.kind {
            MentionKind::Place(c) => {
                let p = &lex.places()[c[0] as usize];
                MentionInfo {
                    kind: "place".into(),
                    code: p.country.clone(),
                    name: p.name.clone(),
                    text,
                    span,
                    lat: Some(p.lat),
                    lon: Some(p.lon),
                }
            }
            MentionKind::Actor(k) => {
                let (kind, code, name) = match *k {
                    ActorKind::Country(c) => (
                        "country",
                        lex.countries()[c as usize].code.clone(),
                        lex.countries()[c as usize].name.clone(),
                    ),
                    ActorKind::Adjective(c) => (
                        "adjective",
                        lex.countries()[c as usize].code.clone(),
                        lex.countries()[c as usize].name.clone(),
                    ),
                    ActorKind::Metonym(c, r) => (
                        "metonym",
                        format!("{}{}", lex.countries()[c as usize].code, r.as_str()),
                        lex.countries()[c as usize].name.clone(),
                    ),
                    ActorKind::Entity(e) | ActorKind::Seat(e) | ActorKind::Surname(e) => {
                        let e = &lex.entities()[e as usize];
                        (
                            "person/organisation",
                            e.code_at(ctx.doc_date).unwrap_or("").to_string(),
                            e.name.clone(),
                        )
                    }
                    ActorKind::Agent(r) => ("role", r.as_str().to_string(), r.as_str().to_string()),
                };
                MentionInfo {
                    kind: kind.into(),
                    code,
                    name,
                    text,
                    span,
                    lat: None,
                    lon: None,
                }
            }
        };
        out.push(info);
    }
    for (u, ctxc) in units.iter().zip(contexts) {
        let actor = crate::events::resolve(ctx, u, *ctxc);
        out.push(MentionInfo {
            kind: if u.reporter.is_some() {
                "actor (reporting clause)".into()
            } else {
                "actor".into()
            },
            code: actor.code,
            name: actor.name,
            text: actor.text,
            span: actor.span,
            lat: None,
            lon: None,
        });
    }
    for d in dates {
        out.push(MentionInfo {
            kind: "date".into(),
            code: d.date.to_string(),
            name: d.date.precision.as_str().into(),
            text: ctx.words(d.start, d.end).to_string(),
            span: ctx.span(d.start, d.end),
            lat: None,
            lon: None,
        });
    }
    out
}
