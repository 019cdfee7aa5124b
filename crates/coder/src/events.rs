//! From triggers and actors to events: sources, targets, passives, negation, reciprocals.

use crate::actors::Unit;
use crate::analysis::{NearMiss, SentenceCtx};
use crate::dates::DateMention;
use crate::{Actor, Event, PlaceRef, Span};
use dyad_lexicon::{Func, PatternCode, Slot};
use dyad_text::TokenKind;

/// A pattern match in a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Trigger {
    /// Index into the language's patterns.
    pub pattern: usize,
    /// The tokens the trigger consumed, in order.
    pub tokens: Vec<usize>,
}

impl Trigger {
    pub fn first(&self) -> usize {
        self.tokens[0]
    }
    pub fn last(&self) -> usize {
        self.tokens[self.tokens.len() - 1]
    }
}

/// The subject a clause without one of its own takes (pro-drop).
#[derive(Debug, Clone, Default)]
pub(crate) enum Carried {
    /// No subject to carry.
    #[default]
    None,
    /// The subject of the sentence's first clause (a unit of this sentence).
    Unit(usize),
    /// The subject of the previous sentence.
    Actors(Vec<Actor>),
}

/// The actor a unit stands for.
pub(crate) fn resolve(ctx: &SentenceCtx<'_>, u: &Unit, context: Option<u16>) -> Actor {
    let lex = ctx.lexicon;
    let text = ctx.words(u.start, u.end).to_string();
    let span = ctx.span(u.start, u.end);
    let role = u.role.map(|r| r.as_str()).unwrap_or("");
    let (code, name) = if let Some(e) = u.entity {
        let entity = &lex.entities()[e as usize];
        let code = entity.code_at(ctx.doc_date).unwrap_or("---").to_string();
        // A role names the entity's country only when the entity's code has no role of its own.
        let code =
            if code.len() == 3 && !role.is_empty() && !matches!(&code[..], "IGO" | "NGO" | "---") {
                format!("{code}{role}")
            } else {
                code
            };
        (code, entity.name.clone())
    } else if let Some(c) = u.country {
        let country = &lex.countries()[c as usize];
        (format!("{}{}", country.code, role), country.name.clone())
    } else if let Some(c) = context {
        let country = &lex.countries()[c as usize];
        (
            format!("{}{}", country.code, role),
            format!("{} ({})", country.name, role),
        )
    } else {
        (format!("---{role}"), role.to_string())
    };
    let head = &code[..3.min(code.len())];
    let country =
        (code.len() >= 3 && !matches!(head, "IGO" | "NGO" | "---")).then(|| head.to_string());
    let roles = (3..code.len())
        .step_by(3)
        .filter_map(|i| code.get(i..i + 3))
        .map(str::to_string)
        .collect();
    Actor {
        code,
        country,
        roles,
        name,
        text,
        span,
    }
}

fn is_break(ctx: &SentenceCtx<'_>, i: usize) -> bool {
    let t = &ctx.tokens[i];
    t.kind == TokenKind::Punct
        && !ctx.ordinal_dot(i)
        && !matches!(
            t.norm.as_str(),
            "-" | "'" | "%" | "$" | "€" | "«" | "»" | "\"" | "“" | "”" | "‘" | "’" | "/" | "&"
        )
        || ctx.has(i, |f| f == Func::Boundary)
}

/// Negation right in front of a trigger: `non ha minacciato`, `did not threaten`.
fn negated(ctx: &SentenceCtx<'_>, first: usize) -> bool {
    let mut i = first;
    let mut steps = 0;
    while i > 0 && steps < 4 {
        i -= 1;
        steps += 1;
        if ctx.has(i, |f| f == Func::Negation) {
            return true;
        }
        let skippable = ctx.has(i, |f| matches!(f, Func::Aux | Func::Passive))
            || ctx.tokens[i].kind == TokenKind::Word
                && steps == 1
                && ctx
                    .original(i)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase);
        if !skippable {
            return false;
        }
    }
    false
}

/// A passive: the trigger is a participle after a passive auxiliary (`è stata condannata`,
/// `were killed`), adverbs and negation allowed in between.
fn passive_before(ctx: &SentenceCtx<'_>, first: usize) -> bool {
    if !ctx.lang.is_participle(&ctx.tokens[first].norm) {
        return false;
    }
    let mut i = first;
    let mut steps = 0;
    while i > 0 && steps < 3 {
        i -= 1;
        steps += 1;
        if ctx.has(i, |f| f == Func::Passive) {
            return true;
        }
        if !ctx.has(i, |f| matches!(f, Func::Aux | Func::Negation)) {
            return false;
        }
    }
    false
}

/// A noun trigger inside a prepositional phrase (`in an attack`, `negli scontri`, `over the
/// downing`) or right after another trigger as its object (`condemned the attack`): the actor
/// before it is not its agent.
fn inside_prepositional_phrase(ctx: &SentenceCtx<'_>, first: usize) -> bool {
    let mut i = first;
    let mut article = false;
    let mut steps = 0;
    while i > 0 && steps < 4 {
        i -= 1;
        steps += 1;
        // `el 24 de enero una huelga`: a preposition inside a date is not the phrase's head.
        let in_date = ctx.has(i + 1, |f| matches!(f, Func::Month(_)));
        for k in (i.saturating_sub(3)..=i).rev() {
            if in_date {
                break;
            }
            if let Some((p, len)) = ctx.prep_at(k) {
                // A one-word preposition that is also an auxiliary is the auxiliary here: French
                // `a` (has) and `à` are both `a` (`Israël a mené des frappes`).
                if k + len == i + 1 && !(len == 1 && ctx.has(k, |f| f == Func::Aux)) {
                    // An articulated preposition (`negli`, `dell'`) carries its article.
                    let articulated =
                        len == 1 && ctx.lang.prep_bases()[p as usize] != ctx.tokens[k].norm;
                    return article || articulated;
                }
            }
        }
        let t = &ctx.tokens[i];
        if ctx.report_token[i] {
            return false; // `ha annunciato una mobilitazione`: the reporter is the agent.
        }
        if ctx.trigger_token[i] {
            return article;
        }
        if ctx.has(i, |f| f == Func::Article) {
            article = true;
            continue;
        }
        let date_word = ctx.has(i, |f| matches!(f, Func::Month(_) | Func::Weekday(_)));
        if date_word && ctx.lang.is_verb_second() {
            // `am Mittwoch den Rückzug angeordnet`: the date has its own preposition.
            return false;
        }
        if date_word
            || t.kind == TokenKind::Number
            || (t.kind == TokenKind::Word
                && !ctx.trigger_token[i]
                && ctx.tags[i].is_empty()
                && ctx
                    .original(i)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase))
        {
            continue;
        } else {
            return false;
        }
    }
    false
}

/// A trigger right after another event's trigger with only articles and plain words between
/// (`condannato l'attacco`, `mediar en nuevas negociaciones` is not: `en` is a preposition,
/// `mediare nuovi negoziati` is): a noun naming what the first event is about, no event of its
/// own.
fn object_of_trigger(
    ctx: &SentenceCtx<'_>,
    triggers: &[Trigger],
    patterns: &[dyad_lexicon::Pattern],
    t: &Trigger,
) -> bool {
    let Some(prev) = triggers
        .iter()
        .filter(|x| matches!(patterns[x.pattern].code, PatternCode::Event(_)))
        .filter(|x| x.last() < t.first())
        .max_by_key(|x| x.last())
    else {
        return false;
    };
    let gap = prev.last() + 1..t.first();
    !gap.is_empty()
        && gap.len() <= 3
        && gap.clone().all(|k| {
            ctx.has(k, |f| f == Func::Article)
                || (ctx.tokens[k].kind == TokenKind::Word
                    && ctx.tags[k].is_empty()
                    && !ctx.trigger_token[k]
                    && ctx
                        .original(k)
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase))
        })
}

/// A noun trigger that is the object of a reporting verb (`ha annunciato l'espulsione`,
/// `announced new sanctions`): the first token of that verb, whose subject is the agent.
fn report_anchor(ctx: &SentenceCtx<'_>, first: usize) -> Option<usize> {
    let mut i = first;
    let mut steps = 0;
    while i > 0 && steps < 6 {
        i -= 1;
        steps += 1;
        if ctx.report_token[i] {
            while i > 0 && ctx.report_token[i - 1] {
                i -= 1;
            }
            return Some(i);
        }
        let t = &ctx.tokens[i];
        let plain = t.kind == TokenKind::Word
            && !ctx.trigger_token[i]
            && ctx
                .original(i)
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
        let skippable = ctx.has(i, |f| {
            matches!(
                f,
                Func::Article | Func::Prep(_) | Func::Month(_) | Func::Weekday(_)
            )
        }) || t.kind == TokenKind::Number
            || (plain && ctx.tags[i].is_empty());
        if !skippable {
            return None;
        }
    }
    None
}

/// An object clitic in front of the verb (`che lo avevano arrestato`): it refers back.
fn clitic_before(ctx: &SentenceCtx<'_>, first: usize) -> bool {
    let mut i = first;
    let mut steps = 0;
    while i > 0 && steps < 3 {
        i -= 1;
        steps += 1;
        if ctx.has(i, |f| f == Func::Pronoun) {
            return true;
        }
        if !ctx.has(i, |f| {
            matches!(f, Func::Aux | Func::Passive | Func::Negation)
        }) {
            return false;
        }
    }
    false
}

/// Conjoined verb sharing the previous verb's subject: `... e ha chiesto`, `and urged`.
fn conjoined(ctx: &SentenceCtx<'_>, first: usize) -> bool {
    let mut i = first;
    let mut steps = 0;
    while i > 0 && steps < 4 {
        i -= 1;
        steps += 1;
        if ctx.has(i, |f| f == Func::And) && ctx.original(i) != "è" {
            return true;
        }
        if !ctx.has(i, |f| {
            matches!(f, Func::Aux | Func::Passive | Func::Negation)
        }) {
            return false;
        }
    }
    false
}

/// A finite verb that opens its clause with no subject of its own (`Se reunió con Erdogan`,
/// `Ha incontrato Erdogan`, `..., pero se reunió`): only auxiliaries, clitics and negation stand
/// between it and the start of the sentence, a clause break, a coordinating word or a date. A
/// trigger after an article or a preposition is a noun and has no implicit subject; a
/// capitalised trigger that opens the sentence may be a headline noun and is left alone.
fn subjectless_verb(ctx: &SentenceCtx<'_>, units: &[Unit], first: usize) -> bool {
    let mut i = first;
    let mut helpers = 0;
    while i > 0 {
        let j = i - 1;
        // `la`, `lo`, `l'` are clitics and articles: read as articles, they make a noun.
        if ctx.has(j, |f| f == Func::Article) {
            return false;
        }
        if ctx.has(j, |f| {
            matches!(
                f,
                Func::Aux | Func::Passive | Func::Negation | Func::Pronoun
            )
        }) {
            helpers += 1;
            i = j;
            continue;
        }
        break;
    }
    // A bare participle (`il raid attribuito a Israele`) is a reduced relative, not a clause.
    if helpers == 0 && ctx.lang.is_participle(&ctx.tokens[first].norm) {
        return false;
    }
    if i == 0 {
        let capital = ctx
            .original(first)
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        return helpers > 0 || !capital;
    }
    let j = i - 1;
    if ctx.has(j, |f| matches!(f, Func::Prep(_))) {
        return false;
    }
    // A sentence adverb in front of an auxiliary or clitic (`Luego se reunió`, `Poi ha
    // incontrato`); without one the first word may be the subject (`Thousands marched`).
    let adverb = j == 0
        && helpers > 0
        && ctx.tokens[0].kind == TokenKind::Word
        && ctx.tags[0].is_empty()
        && !ctx.trigger_token[0]
        && !units.iter().any(|u| u.start == 0);
    adverb
        || is_break(ctx, j)
        || ctx.has(j, |f| {
            matches!(f, Func::And | Func::Boundary) || f.is_date_word()
        })
}

/// Whether a unit may take part in an event triggered at token `at`: actors of a reporting
/// clause only for triggers inside that clause.
fn usable(u: &Unit, at: usize) -> bool {
    u.reporter.is_none_or(|(a, b)| a <= at && at < b)
}

fn group_members(units: &[Unit], u: usize, at: usize) -> Vec<usize> {
    let g = units[u].group;
    (0..units.len())
        .filter(|&i| units[i].group == g && usable(&units[i], at))
        .collect()
}

/// The subject: the nearest actor before `before` that no preposition introduces, within the
/// clause; a genitive one (`il Consiglio dell'Ue`) when there is no other.
fn subject_before(ctx: &SentenceCtx<'_>, units: &[Unit], before: usize) -> Option<usize> {
    // `il governo giapponese, che ha annunciato ...`: the antecedent of a relative pronoun
    // right after a comma is the subject, whatever introduces it.
    let mut i = before;
    let mut steps = 0;
    while i > 1 && steps < 5 {
        i -= 1;
        steps += 1;
        if ctx.has(i, |f| f == Func::Relative) && ctx.tokens[i - 1].norm == "," {
            if let Some(u) = units
                .iter()
                .rposition(|u| u.end == i - 1 && usable(u, before))
            {
                return Some(u);
            }
            break;
        }
        if !ctx.has(i, |f| {
            matches!(f, Func::Aux | Func::Passive | Func::Negation)
        }) {
            break;
        }
    }
    let mut fallback = None;
    for (i, u) in units.iter().enumerate().rev() {
        if u.end > before || !usable(u, before) {
            continue;
        }
        if (u.end..before).any(|k| ctx.has(k, |f| f == Func::Boundary)) {
            break;
        }
        // `after Moscow proclaimed ...`: a preposition that is really a conjunction, since a
        // verb follows the actor.
        let verb_follows = u.end <= before
            && u.end < ctx.tokens.len()
            && ctx.tokens[u.end].kind == TokenKind::Word
            && (ctx.trigger_token[u.end]
                || (ctx.tags[u.end].is_empty()
                    && ctx
                        .original(u.end)
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase)));
        match u.prep {
            None => return Some(i),
            Some(_) if verb_follows => return Some(i),
            // `il lancio ... da parte della Corea del Nord è stato condannato`: the agent of the
            // subject noun stands for it.
            Some(p) if (ctx.is_genitive(p) || ctx.lang.is_agent_prep(p)) && fallback.is_none() => {
                fallback = Some(i)
            }
            _ => {}
        }
    }
    fallback
}

/// The actor whose possessive stands right before the trigger: `Iran's weekend attack`.
fn possessor_before(ctx: &SentenceCtx<'_>, units: &[Unit], first: usize) -> Option<usize> {
    units.iter().position(|u| {
        u.end < first
            && first - u.end <= 3
            && matches!(ctx.tokens[u.end].norm.as_str(), "'s" | "'")
            && usable(u, first)
    })
}

/// Roles whose protests, strikes and boycotts are aimed at their own government when the text
/// names no target.
const DOMESTIC: [&str; 6] = ["CVL", "OPP", "LAB", "EDU", "REF", "PTY"];

/// Roles of the state, which do not protest.
const STATE: [&str; 5] = ["GOV", "MIL", "COP", "JUD", "SPY"];

/// The implied target of a domestic protest: the source country's government.
fn implied_government(source: &Actor) -> Option<Actor> {
    let country = source.country.clone()?;
    if !source.roles.iter().any(|r| DOMESTIC.contains(&r.as_str())) {
        return None;
    }
    Some(Actor {
        code: format!("{country}GOV"),
        roles: vec!["GOV".into()],
        name: format!("{country} government (implied)"),
        text: String::new(),
        span: (source.span.0, source.span.0),
        country: Some(country),
    })
}

/// Negation inside a trigger's gap, where verb-second languages put it: `lehnte den Plan nicht
/// ab`, `verhängte keine Sanktionen`.
fn negated_inside(ctx: &SentenceCtx<'_>, t: &Trigger) -> bool {
    t.tokens
        .windows(2)
        .any(|w| (w[0] + 1..w[1]).any(|k| ctx.has(k, |f| f == Func::Negation)))
}

/// Whether the actor starting at `start` is the genitive attribute of a plain capitalised noun
/// before it (articles in between): `Ausweisung russischer Diplomaten`, `Invasion Taiwans`.
fn noun_attribute(ctx: &SentenceCtx<'_>, units: &[Unit], start: usize) -> bool {
    let mut j = start;
    while j > 0 && ctx.has(j - 1, |f| f == Func::Article) {
        j -= 1;
    }
    let Some(k) = j.checked_sub(1) else {
        return false;
    };
    ctx.tokens[k].kind == TokenKind::Word
        && capitalised(ctx, k)
        && ctx.tags[k].is_empty()
        && !units.iter().any(|u| u.start <= k && k < u.end)
}

/// A verb of an infinitive clause: an infinitive marker right before its clause-final verb or
/// right after it (`zu liefern,`, `bombardiert zu haben`).
fn infinitive(ctx: &SentenceCtx<'_>, t: &Trigger) -> bool {
    let n = ctx.tokens.len();
    let marker = |k: usize| ctx.lang.is_infinitive_marker(&ctx.tokens[k].norm);
    let clause_end = |k: usize| k >= n || is_break(ctx, k) || ctx.has(k, |f| f == Func::And);
    (t.last() > 0 && marker(t.last() - 1) && clause_end(t.last() + 1))
        || (t.last() + 1 < n && marker(t.last() + 1))
}

/// Whether an infinitive clause after an event of this root takes that event's target as its
/// subject: appeals (02), demands (10), disapproval and accusations (11), rejections (12) and
/// threats (13) are addressed to someone who is to act.
fn object_control(root: Option<&str>) -> bool {
    matches!(root, Some("02" | "10" | "11" | "12" | "13"))
}

/// A reciprocal phrase around a trigger (`sich gegenseitig`).
fn reciprocal_near(ctx: &SentenceCtx<'_>, t: &Trigger) -> bool {
    (t.first().saturating_sub(3)..(t.last() + 4).min(ctx.tokens.len()))
        .any(|k| ctx.has(k, |f| f == Func::Reciprocal))
}

/// Whether the original word starts with a capital letter.
fn capitalised(ctx: &SentenceCtx<'_>, i: usize) -> bool {
    ctx.original(i)
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// The first token of the clause that holds token `at`: after the last clause break before it.
/// `group_comma[k]` marks commas inside a compound actor, which do not end a clause.
fn clause_start(ctx: &SentenceCtx<'_>, at: usize, group_comma: &[bool]) -> usize {
    let mut i = at;
    let bracket = |k: usize| matches!(ctx.tokens[k].norm.as_str(), "(" | ")");
    while i > 0 && (group_comma[i - 1] || bracket(i - 1) || !is_break(ctx, i - 1)) {
        i -= 1;
    }
    i
}

/// Verb-second languages (`word-order: verb-second`): the subject of a verb trigger is the first
/// actor of its clause that no preposition introduces, and the other such actors between it and
/// the trigger are objects (`Russland hat die Ukraine angegriffen`, `..., dass Russland die
/// Ukraine angegriffen hat`); with none before the verb, the subject follows it (`Am Dienstag
/// griff Russland die Ukraine an`).
fn verb_second_subject(
    ctx: &SentenceCtx<'_>,
    units: &[Unit],
    t: &Trigger,
    clause: usize,
    window_end: usize,
) -> Option<usize> {
    let at = t.first();
    // `Nach Angaben der ukrainischen Armee griff Russland ...`: the source of a report is no
    // subject.
    let reported = |u: &Unit| {
        let mut j = u.start;
        while j > 0 && ctx.has(j - 1, |f| f == Func::Article) {
            j -= 1;
        }
        j > 0 && ctx.report_token[j - 1]
    };
    let plain = |u: &Unit| u.prep.is_none() && usable(u, at) && !reported(u);
    (0..units.len())
        .find(|&i| units[i].start >= clause && units[i].end <= at && plain(&units[i]))
        .or_else(|| {
            (0..units.len())
                .find(|&i| units[i].start > at && units[i].start < window_end && plain(&units[i]))
        })
}

/// A passive in a verb-second language: a participle with a form of the passive auxiliary
/// earlier in its clause (`wurde am Montag festgenommen`) or right after it (`festgenommen
/// worden`).
fn verb_second_passive(ctx: &SentenceCtx<'_>, t: &Trigger, clause: usize) -> bool {
    ctx.lang.is_participle(&ctx.tokens[t.first()].norm)
        && ((clause..t.first()).any(|k| ctx.has(k, |f| f == Func::Passive))
            || ctx.has(t.last() + 1, |f| f == Func::Passive))
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn build_events(
    ctx: &SentenceCtx<'_>,
    sentence: usize,
    sentence_span: Span,
    units: &[Unit],
    contexts: &[Option<u16>],
    triggers: &[Trigger],
    dates: &[DateMention],
    places: &[(usize, usize, u32)],
    events: &mut Vec<Event>,
    near_misses: &mut Vec<NearMiss>,
    carried: &Carried,
) -> bool {
    let mut used_carried = false;
    let n = ctx.tokens.len();
    let patterns = ctx.lang.patterns();
    // Spans of compound actors: a comma inside one does not end a clause.
    let inside_group = |k: usize| {
        units.iter().any(|a| {
            units
                .iter()
                .any(|b| a.group == b.group && a.end <= k && k < b.start)
        })
    };
    let group_comma: Vec<bool> = (0..n)
        .map(|k| ctx.tokens[k].norm == "," && inside_group(k))
        .collect();
    let v2 = ctx.lang.is_verb_second();
    let mut neg_from: Option<usize> = None;
    let mut allege_from: Option<usize> = None;
    let mut last_sources: Option<Vec<usize>> = None;
    let mut last_targets: Vec<usize> = Vec::new();
    // The CAMEO root of the previous event of the sentence.
    let mut last_root: Option<String> = None;
    let mut emitted: Vec<(String, Option<String>, String)> = Vec::new();
    for (ti, t) in triggers.iter().enumerate() {
        let p = &patterns[t.pattern];
        let at = t.first();
        let miss = |reason: &str| NearMiss {
            rule: p.id.clone(),
            text: ctx.words(t.first(), t.last() + 1).to_string(),
            span: ctx.span(t.first(), t.last() + 1),
            reason: reason.to_string(),
        };
        let code = match &p.code {
            PatternCode::Event(c) => c.clone(),
            PatternCode::Neg => {
                neg_from = Some(t.last());
                continue;
            }
            PatternCode::Report | PatternCode::Skip => continue,
        };
        if object_of_trigger(ctx, triggers, patterns, t) {
            near_misses.push(miss("the object of another event"));
            continue;
        }
        if negated(ctx, t.first()) || (v2 && negated_inside(ctx, t)) {
            near_misses.push(miss("negated"));
            continue;
        }
        if let Some(k) = neg_from {
            if !(k..t.first()).any(|i| is_break(ctx, i) && ctx.tokens[i].norm != ",") {
                near_misses.push(miss("inside a denial"));
                continue;
            }
        }
        // What an accusation alleges is not an event: `accused Israel of sabotage`, `si accusano
        // di aver aperto il fuoco`. The allegation runs to the end of the clause, or to a
        // coordinated verb: one with its own auxiliary (`e ha inviato`, `and has sent`) or one
        // that the conjunction opens (`und forderte`, `and demanded`).
        if let Some(k) = allege_from {
            let ends = (k + 1..t.first()).any(|i| {
                is_break(ctx, i)
                    || ctx.has(i, |f| f == Func::And)
                        && (i + 1 == t.first()
                            || i + 1 < n
                                && ctx.has(i + 1, |f| matches!(f, Func::Aux | Func::Passive)))
            });
            if !ends {
                near_misses.push(miss("alleged by an accusation"));
                continue;
            }
            allege_from = None;
        }
        if code.starts_with("112") {
            allege_from = Some(t.last());
        }
        // The clause after the trigger ends at the next trigger or clause break.
        let next_trigger = triggers[ti + 1..]
            .iter()
            .find(|x| patterns[x.pattern].code != PatternCode::Skip)
            .map_or(n, Trigger::first);
        let mut window_end = t.last() + 1;
        while window_end < next_trigger.min(n) {
            if is_break(ctx, window_end)
                && !(ctx.tokens[window_end].norm == "," && inside_group(window_end))
            {
                break;
            }
            window_end += 1;
        }
        // Verb-second languages write nouns with a capital: a lower-case trigger is a verb.
        let clause = clause_start(ctx, t.first(), &group_comma);
        let verb = v2 && t.tokens.iter().any(|&k| !capitalised(ctx, k));
        // A clause-final verb followed by `und` (`hat den Angriff verurteilt und Israel ...
        // aufgerufen`): what follows belongs to the next verb.
        if verb && t.last() + 1 < n && ctx.has(t.last() + 1, |f| f == Func::And) {
            window_end = window_end.min(t.last() + 1);
        }
        let after = |u: &Unit| u.start > t.first() && u.start < window_end && usable(u, at);
        let v2_passive = v2 && verb_second_passive(ctx, t, clause);

        // A passive's agent is its source and its subject the target. A participle followed
        // at once by its agent (`a truce brokered by Russia`) is passive without an auxiliary.
        let participle = ctx.lang.is_participle(&ctx.tokens[t.first()].norm);
        let agent_at = |max_gap: usize| {
            units.iter().position(|u| {
                after(u)
                    && u.prep.is_some_and(|q| ctx.lang.is_agent_prep(q))
                    && u.start <= t.last() + 1 + max_gap
            })
        };
        // `a expulsé l'ambassadeur de France, accusé d'ingérence`: a participle right after the
        // object of an earlier event and a comma qualifies that object, its patient: a passive
        // without an auxiliary. (`Russia, backed by Iran, condemned` has no earlier event: there
        // the participle is the main verb.)
        // A preposition follows it (`accusé d'ingérence`, `accused of`), no object
        // (`bombed Gaza, killed dozens`: an English past tense in a series of verbs).
        let reduced_passive = participle
            && t.first() >= 2
            && ctx.tokens[t.first() - 1].norm == ","
            && ctx.prep_at(t.last() + 1).is_some()
            && units.iter().any(|u| {
                u.end == t.first() - 1
                    && triggers[..ti].iter().any(|x| {
                        matches!(patterns[x.pattern].code, PatternCode::Event(_))
                            && x.first() < u.start
                    })
            });
        let passive = passive_before(ctx, t.first()) || v2_passive || reduced_passive;
        let agent = if v2_passive {
            // `von der Polizei festgenommen`: the agent stands anywhere in the clause.
            units.iter().position(|u| {
                u.start >= clause
                    && u.start < window_end
                    && usable(u, at)
                    && u.prep.is_some_and(|q| ctx.lang.is_agent_prep(q))
            })
        } else if passive {
            agent_at(usize::MAX / 2)
        } else if participle {
            agent_at(2)
        } else {
            None
        };
        if passive && agent.is_none() {
            near_misses.push(miss("passive without an agent"));
            continue;
        }
        // An infinitive clause (`to discuss`, `per discutere`, `pour discuter`, `um ... zu
        // beraten`) has no subject of its own: it takes one from the previous event.
        let marked_infinitive = t.first() > 0
            && ctx
                .lang
                .is_infinitive_marker(&ctx.tokens[t.first() - 1].norm)
            && last_sources.is_some()
            && (!v2 || verb);
        let mut subject_controlled = false;
        let (mut sources, targets): (Vec<usize>, Vec<usize>) = if let Some(a) = agent {
            // `consegnato all'Italia dalle autorità boliviane`: a target the pattern's
            // preposition introduces wins over the subject.
            let dative = units.iter().position(|u| {
                after(u)
                    && p.target.iter().any(|slot| {
                        matches!(slot, Slot::Prep(base) if u.loose_prep.is_some() && ctx.lang.prep_index(base) == u.loose_prep)
                    })
            });
            let target = match dative {
                Some(d) => group_members(units, d, at),
                // `wurden am Montag 25 Mitglieder von der Polizei festgenommen`.
                None if v2_passive => units
                    .iter()
                    .position(|u| {
                        u.start >= clause
                            && u.start < window_end
                            && u.group != units[a].group
                            && u.prep.is_none()
                            && usable(u, at)
                    })
                    .map(|s| group_members(units, s, at))
                    .unwrap_or_default(),
                None => subject_before(ctx, units, t.first())
                    .map(|s| group_members(units, s, at))
                    .unwrap_or_default(),
            };
            (group_members(units, a, at), target)
        } else {
            // The agent phrase comes before the target's preposition: in `frappes contre des
            // positions du Hezbollah`, `du Hezbollah` belongs to the target.
            let target_prep_at = (t.last() + 1..window_end)
                .find(|&k| {
                    ctx.prep_at(k).is_some_and(|(q, _)| {
                        p.target.iter().any(|slot| {
                            matches!(slot, Slot::Prep(base) if ctx.lang.prep_index(base) == Some(q))
                        }) && !p
                            .source_after
                            .iter()
                            .any(|s| ctx.lang.prep_index(s) == Some(q))
                    })
                })
                .unwrap_or(window_end);
            let source_after = (!p.source_after.is_empty())
                .then(|| {
                    units.iter().position(|u| {
                        after(u)
                            && u.start < target_prep_at
                            && u.prep.is_some_and(|q| {
                                p.source_after
                                    .iter()
                                    .any(|s| ctx.lang.prep_index(s) == Some(q))
                            })
                    })
                })
                .flatten();
            // A lower-case adjective right after a noun trigger names its agent:
            // `l'invasione russa`, `raid aerei israeliani`.
            // Not when a gap splits the trigger (`condamné l'invasion russe`): the noun after the
            // gap is the verb's object, and its adjective names the target.
            let contiguous = t.tokens.len() == t.last() + 1 - t.first();
            let adjective_after = units.iter().position(|u| {
                contiguous
                    && u.adjective_only
                    && u.prep.is_none()
                    && u.start > t.last()
                    && u.start <= t.last() + 2
                    && after(u)
                    && ctx
                        .original(u.start)
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase)
                    && (t.last() + 1..u.start)
                        .all(|k| ctx.tokens[k].kind == TokenKind::Word && !ctx.trigger_token[k])
            });
            let sources = if let Some(s) = source_after
                .or(adjective_after)
                .or_else(|| possessor_before(ctx, units, t.first()))
            {
                group_members(units, s, at)
            } else if conjoined(ctx, t.first()) && last_sources.is_some() {
                last_sources.clone().unwrap_or_default()
            } else if marked_infinitive || (verb && infinitive(ctx, t)) {
                // After an appeal, a demand or a reproach, its subject is that event's target
                // (`urged Russia to withdraw`, `warf Russland vor, ein Krankenhaus bombardiert zu
                // haben`); otherwise the previous event's source (`met X to discuss`, `sent
                // troops to the border to intimidate Ukraine`).
                if object_control(last_root.as_deref()) && !last_targets.is_empty() {
                    last_targets.clone()
                } else {
                    subject_controlled = true;
                    last_sources.clone().unwrap_or_default()
                }
            } else if let Some(s) = verb
                .then(|| verb_second_subject(ctx, units, t, clause, window_end))
                .flatten()
            {
                group_members(units, s, at)
            } else if v2 && !verb && ctx.prep_before(t.first()).is_some() {
                // `von Angriffen auf Israel`: a noun inside a prepositional phrase.
                Vec::new()
            } else if let Some(s) = (v2 && !verb)
                .then(|| {
                    // `des russischen Einmarschs`: the adjective right before a noun names its
                    // agent.
                    units
                        .iter()
                        .position(|u| u.adjective_only && u.end == t.first() && usable(u, at))
                })
                .flatten()
            {
                group_members(units, s, at)
            } else if v2 && !verb && {
                // `Die USA haben die Angriffe ... verurteilt`: a noun after the subject and before
                // a verb of its clause is that verb's object, not an event of the subject.
                let subject_before = units.iter().any(|u| {
                    u.start >= clause && u.end <= t.first() && u.prep.is_none() && usable(u, at)
                });
                let verb_after = triggers[ti + 1..].iter().any(|x| {
                    matches!(patterns[x.pattern].code, PatternCode::Event(_))
                        && x.tokens.iter().any(|&k| !capitalised(ctx, k))
                        && !(t.last() + 1..x.first()).any(|k| {
                            (is_break(ctx, k) && !group_comma[k]) || ctx.has(k, |f| f == Func::And)
                        })
                });
                subject_before && verb_after
            } {
                Vec::new()
            } else if let Some(anchor) = report_anchor(ctx, t.first()) {
                subject_before(ctx, units, anchor)
                    .map(|s| group_members(units, s, at))
                    .unwrap_or_default()
            } else if inside_prepositional_phrase(ctx, t.first()) {
                Vec::new()
            } else if v2 {
                // A noun's agent stands in its own clause, or there is none.
                verb_second_subject(ctx, units, t, clause, window_end)
                    .map(|s| group_members(units, s, at))
                    .unwrap_or_default()
            } else {
                subject_before(ctx, units, t.first())
                    .map(|s| group_members(units, s, at))
                    .unwrap_or_default()
            };
            let mut targets = Vec::new();
            for (i, u) in units.iter().enumerate() {
                if !after(u) || sources.contains(&i) {
                    continue;
                }
                let fits = p.target.iter().any(|slot| match slot {
                    // A direct object, or the complement of a short noun phrase right after the
                    // verb: `condemned the speech of Taiwan's president`.
                    Slot::Obj => {
                        u.prep.is_none()
                            || (u.prep.is_some_and(|q| ctx.is_genitive(q))
                                && u.start <= t.last() + 5)
                    }
                    Slot::Prep(base) => {
                        u.loose_prep.is_some() && ctx.lang.prep_index(base) == u.loose_prep
                    }
                });
                if fits {
                    targets = group_members(units, i, at);
                    break;
                }
            }
            // `Russland hat die Ukraine angegriffen`: the object stands between the subject and a
            // clause-final verb. The pattern's slots are tried in order, each on the actors in
            // text order; a bare adjective qualifies a noun and is no object, and a genitive after
            // a noun (`die Ausweisung russischer Diplomaten`, `vor einer Invasion Taiwans`) only
            // when no other actor is (`lehnte die Vorschläge Algeriens ab`).
            if verb
                && targets.is_empty()
                && !((p.recip || reciprocal_near(ctx, t)) && sources.len() >= 2)
            {
                let from = sources
                    .iter()
                    .map(|&s| units[s].end)
                    .max()
                    .unwrap_or(clause)
                    .max(clause);
                let mut candidates: Vec<usize> = (0..units.len())
                    .filter(|&i| {
                        let u = &units[i];
                        u.start >= from
                            && u.end <= t.first()
                            && !sources.contains(&i)
                            && !u.adjective_only
                            && usable(u, at)
                    })
                    .collect();
                candidates.sort_by_key(|&i| noun_attribute(ctx, units, units[i].start));
                let found = p.target.iter().find_map(|slot| {
                    candidates.iter().copied().find(|&i| {
                        let u = &units[i];
                        match slot {
                            Slot::Obj => u.prep.is_none(),
                            Slot::Prep(base) => {
                                u.loose_prep.is_some() && ctx.lang.prep_index(base) == u.loose_prep
                            }
                        }
                    })
                });
                if let Some(o) = found {
                    targets = group_members(units, o, at);
                }
            }
            // `accusing him of ...`: a pronoun object stands for the previous event's target.
            if targets.is_empty()
                && p.target.contains(&Slot::Obj)
                && (ctx.has(t.last() + 1, |f| f == Func::Pronoun) || clitic_before(ctx, t.first()))
            {
                targets = last_targets.clone();
            }
            (sources, targets)
        };
        // Pro-drop: a verb with no subject in its clause takes the subject of the sentence's
        // first clause, or of the previous sentence.
        let mut carried_sources: Vec<Actor> = Vec::new();
        if sources.is_empty() && agent.is_none() && subjectless_verb(ctx, units, t.first()) {
            match carried {
                Carried::Unit(u) if units[*u].end <= t.first() => {
                    sources = group_members(units, *u, at);
                }
                Carried::Unit(_) | Carried::None => {}
                Carried::Actors(actors) => carried_sources = actors.clone(),
            }
        }
        if sources.is_empty() && carried_sources.is_empty() {
            near_misses.push(miss("no source found"));
            continue;
        }
        // `ha incontrato il suo omologo per discutere`: the purpose restates the meeting.
        if subject_controlled && last_root.as_deref() == code.get(..2) {
            near_misses.push(miss(
                "an infinitive clause that restates the previous event",
            ));
            continue;
        }
        let reciprocal = (t.first().saturating_sub(3)..window_end.min(n))
            .any(|k| ctx.has(k, |f| f == Func::Reciprocal));
        // A compound source acting on itself (`se acusaron mutuamente`) is its own target.
        let mutual = (reciprocal || p.recip) && sources.len() + carried_sources.len() >= 2;
        if p.needs_target && targets.is_empty() && !mutual {
            near_misses.push(miss("the pattern needs a target and none was found"));
            continue;
        }
        // `Chile y Colombia llamaron a consultas a sus embajadores`: a bare government role
        // (diplomats, officials) that takes its country from the context, when that is the
        // country of one of the sources, is their own people and no target. (Civilians or
        // soldiers of the same country are real targets: `ont tué des dizaines de civils`.)
        let own_people = |i: usize| {
            let u = &units[i];
            u.country.is_none()
                && u.entity.is_none()
                && u.role.is_some_and(|r| r.as_str() == "GOV")
                && contexts[i].is_some_and(|c| sources.iter().any(|&s| units[s].country == Some(c)))
        };
        // `an end to American support` by the U.S. president: an adjective of the source's own
        // country qualifies a noun; it is no target.
        let own_adjective = |i: usize| {
            let u = &units[i];
            u.adjective_only
                && u.role.is_none()
                && u.country.is_some()
                && sources.iter().any(|&s| units[s].country == u.country)
        };
        let targets = if (sources.len() >= 2 && targets.iter().all(|&i| own_people(i)))
            || (!targets.is_empty() && targets.iter().all(|&i| own_adjective(i)))
        {
            Vec::new()
        } else {
            targets
        };
        last_sources = Some(sources.clone());
        last_root = code.get(..2).map(str::to_string);
        if !targets.is_empty() {
            last_targets = targets.clone();
        }
        // `verurteilte den Angriff`: an event noun as the object, with no actor of its own,
        // stands for the latest event of its kind; that event's source is the target.
        let anaphor = (targets.is_empty() && p.target.contains(&Slot::Obj))
            .then(|| {
                let sources_end = sources.iter().map(|&s| units[s].end).max().unwrap_or(0);
                let noun = triggers.iter().find(|x| {
                    // `condemned the attack`: a noun that refers back has its article right
                    // before it (`nuovi negoziati` are new ones, no earlier event).
                    let object_after = x.first() > t.last()
                        && x.first() <= t.last() + 3
                        && ctx.has(x.first() - 1, |f| f == Func::Article);
                    let midfield =
                        verb && x.last() < t.first() && x.first() >= clause.max(sources_end);
                    matches!(patterns[x.pattern].code, PatternCode::Event(_))
                        && (object_after || midfield)
                })?;
                let PatternCode::Event(root) = &patterns[noun.pattern].code else {
                    return None;
                };
                let source_codes: Vec<String> = sources
                    .iter()
                    .map(|&s| resolve(ctx, &units[s], contexts[s]).code)
                    .collect();
                events
                    .iter()
                    .rev()
                    .find(|e| e.cameo[..2] == root[..2] && !source_codes.contains(&e.source.code))
                    .map(|e| e.source.clone())
            })
            .flatten();
        // Each actor travels with the place tied to it in the text (`protesters in Rafah`).
        type Placed = (Actor, Option<PlaceRef>);
        let placed = |u: usize| -> Placed {
            (
                resolve(ctx, &units[u], contexts[u]),
                actor_place(ctx, places, &units[u]),
            )
        };
        let source_actors: Vec<Placed> = if carried_sources.is_empty() {
            sources.iter().map(|&s| placed(s)).collect()
        } else {
            used_carried = true;
            carried_sources.into_iter().map(|a| (a, None)).collect()
        };
        // A country named as the agent of an act is its government (`Spain recognised ...`,
        // ICEWS's convention), not when it is both agent and patient of a mutual act
        // (`Serbia and Kosovo accuse each other`): there each side is the country.
        let mutual_pairs =
            p.mutual || (targets.is_empty() && (reciprocal || p.recip) && source_actors.len() >= 2);
        let state_agents: Vec<Span> = if mutual_pairs || code.starts_with("14") {
            Vec::new()
        } else {
            sources
                .iter()
                .filter(|&&s| {
                    let u = &units[s];
                    u.country.is_some()
                        && u.role.is_none()
                        && u.entity.is_none()
                        && !u.adjective_only
                })
                .map(|&s| ctx.span(units[s].start, units[s].end))
                .collect()
        };
        let mut pairs: Vec<(Placed, Option<Placed>)> = Vec::new();
        if targets.is_empty() && (reciprocal || p.recip) && source_actors.len() >= 2 {
            for (i, a) in source_actors.iter().enumerate() {
                for (j, b) in source_actors.iter().enumerate() {
                    if i != j {
                        pairs.push((a.clone(), Some(b.clone())));
                    }
                }
            }
        } else if targets.is_empty() {
            pairs.extend(source_actors.into_iter().map(|s| (s, None)));
        } else {
            for s in &source_actors {
                for &g in &targets {
                    let target = placed(g);
                    // `lieferten sich Gefechte mit ...`: a mutual event goes both ways.
                    if p.mutual {
                        pairs.push((target.clone(), Some(s.clone())));
                    }
                    pairs.push((s.clone(), Some(target)));
                }
            }
        }
        let date = nearest(dates.iter().map(|d| (d.start, d.end)), t)
            .map(|i| dates[i].date)
            .or(ctx.doc_date);
        let place =
            nearest(places.iter().map(|p| (p.0, p.1)), t).map(|i| place_ref(ctx, places[i]));
        let mut made = 0;
        for ((mut source, source_place), g) in pairs {
            // A country that protests, strikes or riots is its people: `Israelis took to the streets`.
            // State institutions do not demonstrate.
            if code.starts_with("14") {
                if source.roles.is_empty() && source.country.is_some() {
                    source.code.push_str("CVL");
                    source.roles.push("CVL".into());
                }
                if source.roles.iter().any(|r| STATE.contains(&r.as_str())) {
                    continue;
                }
            }
            if source.roles.is_empty() && state_agents.contains(&source.span) {
                source.code.push_str("GOV");
                source.roles.push("GOV".into());
            }
            let (target, target_place) = match g {
                Some((g, place)) => (Some(g), place),
                None if code.starts_with("14") => (implied_government(&source), None),
                None => (
                    anaphor
                        .clone()
                        .or_else(|| {
                            place_target(ctx, &code, t, window_end, places, units, contexts)
                        })
                        .or_else(|| parallel_target(events, sentence, &code, &source)),
                    None,
                ),
            };
            if target.as_ref().is_some_and(|x| x.code == source.code) {
                continue;
            }
            let key = (
                source.code.clone(),
                target.as_ref().map(|x| x.code.clone()),
                code.clone(),
            );
            if emitted.contains(&key) {
                continue;
            }
            emitted.push(key);
            made += 1;
            // `empfing X`: the guest's visit is coded too.
            if let (Some(converse), Some(guest)) = (&p.converse, &target) {
                let key = (
                    guest.code.clone(),
                    Some(source.code.clone()),
                    converse.clone(),
                );
                if !emitted.contains(&key) {
                    emitted.push(key);
                    events.push(Event {
                        sentence,
                        sentence_span,
                        source: guest.clone(),
                        target: Some(source.clone()),
                        cameo: converse.clone(),
                        trigger: ctx.span(t.first(), t.last() + 1),
                        rule: p.id.clone(),
                        date,
                        place: place.clone(),
                        source_place: target_place.clone(),
                        target_place: source_place.clone(),
                    });
                }
            }
            events.push(Event {
                sentence,
                sentence_span,
                source,
                target,
                cameo: code.clone(),
                trigger: ctx.span(t.first(), t.last() + 1),
                rule: p.id.clone(),
                date,
                place: place.clone(),
                source_place,
                target_place,
            });
        }
        if made == 0 {
            near_misses.push(miss(
                "source and target are the same actor, or the event was already coded",
            ));
        }
    }
    used_carried
}

/// CAMEO roots of material acts done *to* a place: aid sent there (07), force shown around it
/// (15), coercion (17), assaults (18), fighting (19) and mass violence (20).
const PLACE_TARGET_ROOTS: [&str; 6] = ["07", "15", "17", "18", "19", "20"];

/// The implied target of a material act with no target actor: the country where it happened,
/// when the trigger's own clause names it after the trigger, as a place of the gazetteer
/// (`bombed a village near Sagaing`, `sent rescue teams to Antakya`) or as a bare country in a
/// locative phrase (`struck targets in Houthi-held areas of Yemen`). Event data codes such acts
/// against the country where they land, as GDELT and ICEWS do.
fn place_target(
    ctx: &SentenceCtx<'_>,
    code: &str,
    t: &Trigger,
    window_end: usize,
    places: &[(usize, usize, u32)],
    units: &[Unit],
    contexts: &[Option<u16>],
) -> Option<Actor> {
    if !PLACE_TARGET_ROOTS.iter().any(|r| code.starts_with(r)) {
        return None;
    }
    let in_clause = |start: usize| start > t.last() && start < window_end;
    let place = places.iter().filter(|p| in_clause(p.0)).min_by_key(|p| p.0);
    let country = units
        .iter()
        .enumerate()
        .filter(|(_, u)| {
            in_clause(u.start)
                && u.role.is_none()
                && u.entity.is_none()
                && !u.adjective_only
                && u.country.is_some()
                && u.prep
                    .is_some_and(|q| ctx.lang.is_locative(q) || ctx.is_genitive(q))
        })
        .min_by_key(|(_, u)| u.start);
    match (place, country) {
        (Some(&(s, _, _)), Some((i, u))) if u.start < s => Some(resolve(ctx, u, contexts[i])),
        (None, Some((i, u))) => Some(resolve(ctx, u, contexts[i])),
        (Some(&(s, e, id)), _) => {
            let place = &ctx.lexicon.places()[id as usize];
            let name = ctx
                .lexicon
                .country(&place.country)
                .map_or_else(|| place.country.clone(), |c| c.name.clone());
            Some(Actor {
                code: place.country.clone(),
                country: Some(place.country.clone()),
                roles: Vec::new(),
                name,
                text: ctx.words(s, e).to_string(),
                span: ctx.span(s, e),
            })
        }
        (None, None) => None,
    }
}

/// `Bolivia severed relations with Israel, while Chile and Colombia recalled their
/// ambassadors`: an act with no target of its own, of the same kind as an earlier act of the
/// sentence by someone else, is aimed at that act's target.
fn parallel_target(events: &[Event], sentence: usize, code: &str, source: &Actor) -> Option<Actor> {
    events
        .iter()
        .rev()
        .take_while(|e| e.sentence == sentence)
        .find(|e| e.cameo.get(..2) == code.get(..2) && e.source.country != source.country)
        .and_then(|e| e.target.clone())
        .filter(|t| t.country != source.country)
}

fn place_ref(ctx: &SentenceCtx<'_>, (s, e, id): (usize, usize, u32)) -> PlaceRef {
    let p = &ctx.lexicon.places()[id as usize];
    PlaceRef {
        name: p.name.clone(),
        country: p.country.clone(),
        admin1: p.admin1.clone(),
        lat: p.lat,
        lon: p.lon,
        geonameid: p.geonameid,
        span: ctx.span(s, e),
    }
}

/// The place an actor is tied to in the text: a place inside its words (`Tripoli` standing for
/// the government), right before them (`Kharkiv officials`) or right after them, with at most
/// one word in between (`protesters in Rafah`, `the mayor of Odesa`).
fn actor_place(
    ctx: &SentenceCtx<'_>,
    places: &[(usize, usize, u32)],
    u: &Unit,
) -> Option<PlaceRef> {
    places
        .iter()
        .filter_map(|&(s, e, id)| {
            let gap = if s >= u.end {
                s - u.end
            } else if e <= u.start {
                (u.start - e) * 2
            } else {
                0
            };
            (gap <= 1).then_some((gap, (s, e, id)))
        })
        .min_by_key(|(gap, _)| *gap)
        .map(|(_, p)| place_ref(ctx, p))
}

/// The span nearest to a trigger, by token distance.
fn nearest(spans: impl Iterator<Item = (usize, usize)>, t: &Trigger) -> Option<usize> {
    spans
        .enumerate()
        .map(|(i, (s, e))| {
            let d = if e <= t.first() {
                t.first() - e
            } else if s > t.last() {
                s - t.last()
            } else {
                0
            };
            (d, i)
        })
        .min()
        .map(|(_, i)| i)
}
