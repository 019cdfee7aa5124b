//! Assembling actor mentions into actors: roles combine with countries, adjectives, metonyms,
//! organisations and people; coordinated actors form groups.

use crate::analysis::{Mention, MentionKind, SentenceCtx};
use dyad_lexicon::{ActorKind, Func, Role};
use dyad_text::TokenKind;

/// An assembled actor of one sentence.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    pub country: Option<u16>,
    pub role: Option<Role>,
    pub entity: Option<u32>,
    /// Only an adjective: `russa` in `l'invasione russa`.
    pub adjective_only: bool,
    /// The preposition that introduces the actor, if any.
    pub prep: Option<u16>,
    /// The preposition in front of the actor when up to two plain words (adjectives) sit in
    /// between: `on the Islamist insurgents`.
    pub loose_prep: Option<u16>,
    /// Coordination group: units with the same group are one compound actor.
    pub group: usize,
    /// Part of a trailing reporting clause (its token range): never a source or a target of a
    /// trigger outside that clause.
    pub reporter: Option<(usize, usize)>,
    /// The role came from a genitive agent (`leader di Russia, ...`): coordinated members share it.
    pub role_from_genitive: bool,
    /// The role came from combining an adjective with a noun: adjectives coordinated with it share it.
    pub shareable_role: bool,
}

impl Unit {
    fn from_mention(m: &Mention, kind: ActorKind) -> Unit {
        let mut u = Unit {
            start: m.start,
            end: m.end,
            country: None,
            role: None,
            entity: None,
            adjective_only: false,
            prep: None,
            loose_prep: None,
            group: 0,
            reporter: None,
            role_from_genitive: false,
            shareable_role: false,
        };
        match kind {
            ActorKind::Country(c) => u.country = Some(c),
            ActorKind::Adjective(c) => {
                u.country = Some(c);
                u.adjective_only = true;
            }
            ActorKind::Metonym(c, r) => {
                u.country = Some(c);
                u.role = Some(r);
            }
            ActorKind::Entity(e) | ActorKind::Seat(e) | ActorKind::Surname(e) => u.entity = Some(e),
            ActorKind::Agent(r) => u.role = Some(r),
        }
        u
    }

    /// A role with nothing to say whose it is.
    pub fn agent_only(&self) -> bool {
        self.country.is_none() && self.entity.is_none()
    }
}

/// Tokens between two units that may sit between an agent and its adjective: lower-case words
/// that are not verbs we know of, prepositions and articles (`governo di unità nazionale libico`).
fn loose_gap(ctx: &SentenceCtx<'_>, from: usize, to: usize) -> bool {
    to >= from
        && to - from <= 3
        && (from..to).all(|i| {
            let t = &ctx.tokens[i];
            t.kind == TokenKind::Word
                && !ctx.trigger_token[i]
                && !ctx.has(i, |f| {
                    matches!(
                        f,
                        Func::Aux | Func::Passive | Func::Negation | Func::Boundary | Func::And
                    )
                })
                && ctx
                    .original(i)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
        })
}

fn genitive_gap(ctx: &SentenceCtx<'_>, from: usize, to: usize) -> bool {
    // Languages with genitive articles put the genitive after the noun without a preposition:
    // `Außenminister Russlands`, `Präsident der Ukraine`.
    if ctx.lang.has_genitive_articles()
        && (to == from || (to == from + 1 && ctx.lang.is_genitive_article(&ctx.tokens[from].norm)))
    {
        return true;
    }
    if to <= from || to - from > 2 {
        return false;
    }
    let Some((base, len)) = ctx.prep_at(from) else {
        return false;
    };
    ctx.is_genitive(base) && (from + len..to).all(|i| ctx.has(i, |f| f == Func::Article))
}

fn possessive_gap(ctx: &SentenceCtx<'_>, from: usize, to: usize) -> bool {
    to > from
        && to - from <= 2
        && matches!(ctx.tokens[from].norm.as_str(), "'s" | "'")
        && (from + 1..to).all(|i| {
            ctx.tokens[i].kind == TokenKind::Word && !ctx.trigger_token[i] && !ctx.has(i, |_| true)
        })
}

/// Builds the units of a sentence from its actor mentions.
pub(crate) fn assemble(ctx: &SentenceCtx<'_>, mentions: &[Mention]) -> Vec<Unit> {
    let actor_mentions: Vec<(&Mention, ActorKind)> = mentions
        .iter()
        .filter_map(|m| match m.kind {
            MentionKind::Actor(k) => Some((m, k)),
            _ => None,
        })
        .collect();
    let mut units: Vec<Unit> = Vec::new();
    let mut k = 0;
    while k < actor_mentions.len() {
        let (m, kind) = actor_mentions[k];
        let mut u = Unit::from_mention(m, kind);
        k += 1;
        while k < actor_mentions.len() {
            let (next, next_kind) = actor_mentions[k];
            if !absorb(ctx, &mut u, next, next_kind) {
                break;
            }
            k += 1;
        }
        units.push(u);
    }
    // Prepositions and coordination.
    for u in &mut units {
        u.prep = ctx.prep_before(u.start);
        u.loose_prep = u.prep.or_else(|| ctx.prep_before_words(u.start));
    }
    // Links between neighbours: `Some(true)` a conjunction (`e`, `and`), `Some(false)` commas
    // only. A chain of commas with no conjunction is no list but an apposition or a fronted
    // phrase (`Il presidente turco, Erdogan, ha...`, `Según la fiscalía, la policía detuvo...`).
    let links: Vec<Option<bool>> = (0..units.len())
        .map(|i| {
            (i > 0)
                .then(|| coordinated(ctx, &units[i - 1], &units[i]))
                .flatten()
        })
        .collect();
    let mut joined = vec![false; units.len()];
    let mut i = 1;
    while i < units.len() {
        if links[i].is_none() {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < units.len() && links[j].is_some() {
            j += 1;
        }
        // `The United States, France and several allies`: the conjunction may come after the
        // chain's last actor, before a member that is no actor of ours.
        let and_after = (units[j - 1].end..(units[j - 1].end + 2).min(ctx.tokens.len()))
            .take_while(|&k| ctx.tokens[k].norm == "," || ctx.has(k, |f| f == Func::And))
            .any(|k| ctx.has(k, |f| f == Func::And));
        if and_after || links[i..j].contains(&Some(true)) {
            joined[i..j].iter_mut().for_each(|x| *x = true);
        }
        i = j;
    }
    // An apposition between commas (`contre la présidente de la Chambre, Nancy Pelosi, ainsi
    // que`) is its head again: it takes the head's preposition, but is no second actor.
    let enclosed = |u: &Unit| u.end < ctx.tokens.len() && ctx.tokens[u.end].norm == ",";
    let mut group = 0;
    for i in 0..units.len() {
        if joined[i] {
            let (prev, rest) = units.split_at_mut(i);
            let prev = &prev[i - 1];
            let cur = &mut rest[0];
            cur.group = prev.group;
            if cur.prep.is_none() {
                cur.prep = prev.prep;
                cur.loose_prep = prev.loose_prep;
            }
            if prev.role_from_genitive && cur.role.is_none() && cur.entity.is_none() {
                cur.role = prev.role;
                cur.role_from_genitive = true;
            }
        } else {
            if links[i] == Some(false) && units[i].prep.is_none() && enclosed(&units[i]) {
                units[i].prep = units[i - 1].prep;
                units[i].loose_prep = units[i - 1].loose_prep;
            }
            group += 1;
            units[i].group = group;
        }
    }
    share_roles(&mut units);
    units
}

/// Tries to make `next` part of `u`; true when it did.
fn absorb(ctx: &SentenceCtx<'_>, u: &mut Unit, next: &Mention, kind: ActorKind) -> bool {
    let (gap_from, gap_to) = (u.end, next.start);
    let adjacent = gap_from == gap_to;
    let comma_only = gap_to == gap_from + 1 && ctx.tokens[gap_from].norm == ",";
    let take = |u: &mut Unit| u.end = next.end;
    match kind {
        // Agent + adjective: `forze azere`, `ministero della Difesa russo`.
        ActorKind::Adjective(c) if u.agent_only() && loose_gap(ctx, gap_from, gap_to) => {
            u.country = Some(c);
            u.shareable_role = true;
            take(u);
            true
        }
        // An organisation followed by its country's adjective keeps its own code.
        ActorKind::Adjective(_) if u.entity.is_some() && adjacent => {
            take(u);
            true
        }
        ActorKind::Agent(r) => {
            let english_order = (u.adjective_only
                || (u.country.is_some() && u.role.is_none() && u.entity.is_none()))
                && adjacent;
            if english_order {
                // `Russian forces`, `U.S. president`.
                u.shareable_role = u.adjective_only;
                u.role = Some(r);
                u.adjective_only = false;
                take(u);
                true
            } else if !u.agent_only() && u.role.is_none() && possessive_gap(ctx, gap_from, gap_to) {
                // `Pakistan's finance minister`.
                u.role = Some(r);
                u.adjective_only = false;
                take(u);
                true
            } else if u.agent_only() && genitive_gap(ctx, gap_from, gap_to) {
                // `primo ministro del governo ...`: the more specific role is the first one.
                take(u);
                true
            } else if u.agent_only() && adjacent {
                // `polizia antisommossa`, `riot police` written as two phrases.
                take(u);
                true
            } else {
                false
            }
        }
        // Agent + of + country/metonym/organisation: `governo di Caracas`, `leader di Russia`,
        // `segretario generale dell'Onu`.
        ActorKind::Country(c) | ActorKind::Metonym(c, _)
            if u.agent_only() && genitive_gap(ctx, gap_from, gap_to) =>
        {
            u.country = Some(c);
            if let ActorKind::Metonym(_, r) = kind {
                if u.role.is_none() {
                    u.role = Some(r);
                }
            }
            u.role_from_genitive = true;
            take(u);
            true
        }
        ActorKind::Entity(e) => {
            if u.entity.is_none() && possessive_gap(ctx, gap_from, gap_to) {
                // `Russia's Federal Security Service`: the organisation's own code.
                u.entity = Some(e);
                u.adjective_only = false;
                take(u);
                true
            } else if u.agent_only() && genitive_gap(ctx, gap_from, gap_to) {
                u.entity = Some(e);
                take(u);
                true
            } else if u.entity.is_some()
                && gap_to == gap_from + 1
                && ctx.lang.is_genitive_article(&ctx.tokens[gap_from].norm)
            {
                // `Sicherheitsrat der Vereinten Nationen`: the body keeps its own code.
                take(u);
                true
            } else if u.entity.is_none()
                && !u.adjective_only
                && (adjacent || comma_only)
                && (u.role.is_some() || u.country.is_some())
            {
                // Apposition: `il presidente russo Vladimir Putin`, `il segretario dell'Onu, Guterres`.
                u.entity = Some(e);
                take(u);
                true
            } else {
                false
            }
        }
        _ => false,
    }
}

/// Whether `b` is coordinated with `a`: only commas, conjunctions, articles and a repeated
/// preposition between them. `Some(true)` when a conjunction joins them, `Some(false)` commas.
fn coordinated(ctx: &SentenceCtx<'_>, a: &Unit, b: &Unit) -> Option<bool> {
    if b.start <= a.end {
        return None;
    }
    let mut comma = false;
    let mut conjunction = false;
    for i in a.end..b.start {
        let t = &ctx.tokens[i];
        if ctx.has(i, |f| f == Func::And) {
            conjunction = true;
            continue;
        }
        if t.norm == "," {
            comma = true;
            continue;
        }
        let same_prep = a.prep.is_some() && ctx.prep_at(i).is_some_and(|(p, _)| Some(p) == a.prep);
        if !ctx.has(i, |f| f == Func::Article) && !same_prep {
            return None;
        }
    }
    (comma || conjunction).then_some(conjunction)
}

/// In a compound actor, adjectives without a role take the role that a sibling adjective took
/// from its noun: `navi da guerra russe e cinesi`, `Japanese and South Korean forces`.
fn share_roles(units: &mut [Unit]) {
    let mut i = 0;
    while i < units.len() {
        let mut j = i;
        while j < units.len() && units[j].group == units[i].group {
            j += 1;
        }
        let roles: Vec<Role> = units[i..j]
            .iter()
            .filter(|u| u.shareable_role)
            .filter_map(|u| u.role)
            .collect();
        if let Some(&role) = roles.first() {
            if roles.iter().all(|r| *r == role) {
                for u in &mut units[i..j] {
                    let bare_country =
                        u.country.is_some() && u.role.is_none() && u.entity.is_none();
                    if u.adjective_only || bare_country {
                        u.role = Some(role);
                        u.adjective_only = false;
                    }
                }
            }
        }
        i = j;
    }
}
