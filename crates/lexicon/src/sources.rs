//! Reading the data files and compiling them into a [`Lexicon`].

use crate::actor::{valid_actor_code, Country, DatedCode, Entity, Place, Role};
use crate::cameo::CameoTable;
use crate::date::{Date, Precision};
use crate::error::{Error, ErrorKind};
use crate::index::{CaseRule, PhraseIndex, Words};
use crate::pattern::{Pattern, PatternCode};
use crate::{ActorKind, Func, LangLexicon, Lexicon};
use dyad_text::Lang;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::path::Path;

/// One data file: its path relative to the data folder and its text.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path relative to the data folder, with `/` separators (`actors/people.txt`).
    pub name: String,
    /// The file's text.
    pub text: Cow<'static, str>,
}

macro_rules! builtin {
    ($($path:literal),* $(,)?) => {
        vec![$(Source {
            name: $path.to_string(),
            text: Cow::Borrowed(include_str!(concat!("../../../data/", $path))),
        }),*]
    };
}

/// The data files compiled into the binary.
pub fn builtin_sources() -> Vec<Source> {
    builtin![
        "cameo/cameo.tsv",
        "actors/countries.txt",
        "actors/people.txt",
        "actors/orgs.txt",
        "agents/it.txt",
        "agents/en.txt",
        "agents/es.txt",
        "agents/fr.txt",
        "agents/de.txt",
        "lang/it.txt",
        "lang/en.txt",
        "lang/es.txt",
        "lang/fr.txt",
        "lang/de.txt",
        "patterns/it.txt",
        "patterns/en.txt",
        "patterns/es.txt",
        "patterns/fr.txt",
        "patterns/de.txt",
        "places/places.tsv",
    ]
}

/// Reads every known data file present in `dir` (same layout as `data/`).
pub fn read_dir_sources(dir: &Path) -> Result<Vec<Source>, Error> {
    let mut out = Vec::new();
    for known in builtin_sources() {
        let path = dir.join(&known.name);
        if !path.exists() {
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(|e| {
            Error::new(&path.display().to_string(), 0, ErrorKind::Io(e.to_string()))
        })?;
        out.push(Source {
            name: known.name,
            text: Cow::Owned(text),
        });
    }
    if out.is_empty() {
        return Err(Error::new(
            &dir.display().to_string(),
            0,
            ErrorKind::Io("no lexicon file found (want actors/, agents/, patterns/, lang/, cameo/ or places/ files)".into()),
        ));
    }
    Ok(out)
}

/// Lines without comments, with their 1-based numbers.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(i, raw)| {
        let line = match raw.find('#') {
            Some(k) => &raw[..k],
            None => raw,
        };
        (!line.trim().is_empty()).then_some((i + 1, line.trim_end()))
    })
}

fn phrase_list(text: &str) -> impl Iterator<Item = &str> {
    text.split('|').map(str::trim).filter(|p| !p.is_empty())
}

/// Splits a phrase as written in the data into normalised words and case rules, with the same
/// tokenizer the text goes through.
fn phrase_words(phrase: &str) -> (Vec<String>, Vec<CaseRule>) {
    // An elided word at the end of a phrase (`all'`, `d'`) is only split as an elision when a
    // word follows it, so tokenize it with a placeholder word after it.
    let elided = phrase.ends_with(['\'', '’']);
    let padded;
    let text = if elided {
        padded = format!("{phrase}x");
        padded.as_str()
    } else {
        phrase
    };
    let mut tokens = dyad_text::tokenize(text);
    if elided && tokens.last().is_some_and(|t| t.start == phrase.len()) {
        tokens.pop();
    }
    let norms = tokens.iter().map(|t| t.norm.clone()).collect();
    let case = tokens
        .iter()
        .map(|t| CaseRule::of(&text[t.start..t.end]))
        .collect();
    (norms, case)
}

/// `KIND.LANG` → (kind, languages).
fn key_langs(key: &str) -> Result<(&str, Vec<Lang>), String> {
    let (kind, lang) = match key.split_once('.') {
        Some((k, l)) => (k, l),
        None => (key, "*"),
    };
    if lang == "*" {
        return Ok((kind, Lang::ALL.to_vec()));
    }
    Lang::from_code(lang)
        .map(|l| (kind, vec![l]))
        .ok_or_else(|| lang.to_string())
}

struct Builder {
    errors: Vec<Error>,
    cameo: Option<CameoTable>,
    countries: Vec<Country>,
    country_ids: FxHashMap<String, u16>,
    entities: Vec<Entity>,
    entity_ids: FxHashMap<String, u32>,
    langs: Vec<LangLexicon>,
    places: Vec<Place>,
    place_words: Words,
    place_index: PhraseIndex<u32>,
    pattern_ids: FxHashMap<String, String>,
    english_named: rustc_hash::FxHashSet<u16>,
}

pub(crate) fn compile(sources: &[Source]) -> Result<Lexicon, Vec<Error>> {
    let mut b = Builder {
        errors: Vec::new(),
        cameo: None,
        countries: Vec::new(),
        country_ids: FxHashMap::default(),
        entities: Vec::new(),
        entity_ids: FxHashMap::default(),
        langs: Lang::ALL.iter().map(|_| LangLexicon::default()).collect(),
        places: Vec::new(),
        place_words: Words::default(),
        place_index: PhraseIndex::default(),
        pattern_ids: FxHashMap::default(),
        english_named: Default::default(),
    };
    // Function words first: patterns and actors do not depend on them, but the order of the
    // remaining kinds is fixed so that the CAMEO table is known before patterns are checked.
    let order = |name: &str| match name.split('/').next() {
        Some("cameo") => 0,
        Some("lang") => 1,
        Some("actors") => 2,
        Some("agents") => 3,
        Some("patterns") => 4,
        _ => 5,
    };
    let mut sorted: Vec<&Source> = sources.iter().collect();
    sorted.sort_by_key(|s| order(&s.name));
    for source in sorted {
        let name = source.name.as_str();
        let text = source.text.as_ref();
        let lang_of_file = || {
            let stem = name
                .rsplit('/')
                .next()
                .unwrap_or("")
                .trim_end_matches(".txt");
            Lang::from_code(stem)
        };
        match name.split('/').next() {
            Some("cameo") => match CameoTable::parse(name, text) {
                Ok(t) => b.cameo = Some(t),
                Err(e) => b.errors.push(e),
            },
            Some("lang") => match lang_of_file() {
                Some(l) => b.function_words(name, text, l),
                None => b.unknown_lang(name),
            },
            Some("actors") if name.ends_with("countries.txt") => b.countries(name, text),
            Some("actors") => b.entities(name, text),
            Some("agents") => match lang_of_file() {
                Some(l) => b.agents(name, text, l),
                None => b.unknown_lang(name),
            },
            Some("patterns") => match lang_of_file() {
                Some(l) => b.patterns(name, text, l),
                None => b.unknown_lang(name),
            },
            Some("places") => b.places(name, text),
            _ => b.errors.push(Error::new(
                name,
                0,
                ErrorKind::Syntax("unknown data file".into()),
            )),
        }
    }
    let Some(cameo) = b.cameo.take() else {
        b.errors.push(Error::new(
            "cameo/cameo.tsv",
            0,
            ErrorKind::Io("missing".into()),
        ));
        return Err(b.errors);
    };
    // Event codes of patterns must exist in the codebook.
    for lang in &b.langs {
        for p in &lang.patterns {
            if let PatternCode::Event(code) = &p.code {
                if cameo.get(code).is_none() {
                    let (file, line) = p.origin.rsplit_once(':').unwrap_or((&p.origin, "0"));
                    b.errors.push(Error::new(
                        file,
                        line.parse().unwrap_or(0),
                        ErrorKind::UnknownEventCode(code.clone()),
                    ));
                }
            }
        }
    }
    if !b.errors.is_empty() {
        return Err(b.errors);
    }
    for lang in &mut b.langs {
        index_patterns(lang);
    }
    Ok(Lexicon {
        cameo,
        countries: b.countries,
        entities: b.entities,
        places: b.places,
        place_words: b.place_words,
        place_index: b.place_index,
        langs: b.langs,
    })
}

fn index_patterns(lang: &mut LangLexicon) {
    let mut lens = Vec::new();
    for (i, p) in lang.patterns.iter().enumerate() {
        for atom in p.first_atoms() {
            match atom {
                crate::Atom::Word(w) => lang.by_word.entry(w.clone()).or_default().push(i as u32),
                crate::Atom::Prefix(s) => {
                    lens.push(s.len());
                    lang.by_prefix.entry(s.clone()).or_default().push(i as u32)
                }
            }
        }
    }
    lens.sort_unstable();
    lens.dedup();
    lang.prefix_lens = lens;
}

impl Builder {
    fn unknown_lang(&mut self, name: &str) {
        self.errors.push(Error::new(
            name,
            0,
            ErrorKind::UnknownLanguage(name.to_string()),
        ));
    }

    fn add_actor_phrase(&mut self, lang: Lang, phrase: &str, kind: ActorKind) {
        let (norms, case) = phrase_words(phrase);
        let slot = crate::lang_slot(lang);
        let l = &mut self.langs[slot];
        l.actors.insert(&mut l.words, &norms, case, kind);
    }

    fn country_id(&mut self, code: &str) -> u16 {
        if let Some(&id) = self.country_ids.get(code) {
            return id;
        }
        let id = self.countries.len() as u16;
        self.countries.push(Country {
            code: code.to_string(),
            name: String::new(),
        });
        self.country_ids.insert(code.to_string(), id);
        id
    }

    fn countries(&mut self, file: &str, text: &str) {
        let mut current: Option<u16> = None;
        let mut seen_in_file: FxHashMap<String, usize> = FxHashMap::default();
        for (number, line) in lines(text) {
            if !line.starts_with([' ', '\t']) {
                let code = line.trim();
                if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                    self.errors.push(Error::new(
                        file,
                        number,
                        ErrorKind::BadActorCode(code.into()),
                    ));
                    current = None;
                    continue;
                }
                if let Some(first) = seen_in_file.insert(code.to_string(), number) {
                    self.errors.push(Error::new(
                        file,
                        number,
                        ErrorKind::Duplicate(format!("country {code} (first at line {first})")),
                    ));
                }
                current = Some(self.country_id(code));
                continue;
            }
            let Some(country) = current else {
                self.errors.push(Error::new(
                    file,
                    number,
                    ErrorKind::Syntax("indented line outside a country block".into()),
                ));
                continue;
            };
            let Some((key, list)) = line.trim().split_once(':') else {
                self.errors.push(Error::new(
                    file,
                    number,
                    ErrorKind::Syntax("want `KIND.LANG: phrase | phrase`".into()),
                ));
                continue;
            };
            let (kind, langs) = match key_langs(key.trim()) {
                Ok(x) => x,
                Err(l) => {
                    self.errors
                        .push(Error::new(file, number, ErrorKind::UnknownLanguage(l)));
                    continue;
                }
            };
            let actor = match kind {
                "name" => ActorKind::Country(country),
                "adj" => ActorKind::Adjective(country),
                role => match Role::parse(role) {
                    Some(r) if role.len() == 3 => ActorKind::Metonym(country, r),
                    _ => {
                        self.errors.push(Error::new(
                            file,
                            number,
                            ErrorKind::Syntax(format!(
                                "unknown kind {role:?} (want name, adj or a role code)"
                            )),
                        ));
                        continue;
                    }
                },
            };
            for phrase in phrase_list(list) {
                let english = langs == [Lang::En];
                let c = &mut self.countries[country as usize];
                let named_in_english = self.english_named.contains(&country);
                if kind == "name" && (c.name.is_empty() || (english && !named_in_english)) {
                    c.name = phrase.to_string();
                    if english {
                        self.english_named.insert(country);
                    }
                }
                for &lang in &langs {
                    self.add_actor_phrase(lang, phrase, actor);
                }
            }
        }
    }

    fn entities(&mut self, file: &str, text: &str) {
        let mut current: Option<u32> = None;
        for (number, line) in lines(text) {
            if !line.starts_with([' ', '\t']) {
                let name = line.trim().to_string();
                let id = match self.entity_ids.get(&name) {
                    Some(&id) => id,
                    None => {
                        let id = self.entities.len() as u32;
                        self.entities.push(Entity {
                            name: name.clone(),
                            codes: Vec::new(),
                        });
                        self.entity_ids.insert(name, id);
                        id
                    }
                };
                current = Some(id);
                continue;
            }
            let Some(entity) = current else {
                self.errors.push(Error::new(
                    file,
                    number,
                    ErrorKind::Syntax("indented line outside an entity block".into()),
                ));
                continue;
            };
            let Some((key, value)) = line.trim().split_once(':') else {
                self.errors.push(Error::new(
                    file,
                    number,
                    ErrorKind::Syntax("want `names.LANG: ...` or `code: CODE [FROM..TO]`".into()),
                ));
                continue;
            };
            let key = key.trim();
            if key == "code" {
                match parse_dated_code(value) {
                    Ok(code) => {
                        let e = &mut self.entities[entity as usize];
                        if let Some(other) = e.codes.iter().find(|c| overlaps(c, &code)) {
                            self.errors.push(Error::new(
                                file,
                                number,
                                ErrorKind::OverlappingDates(format!(
                                    "{}: {} and {}",
                                    e.name,
                                    describe(other),
                                    describe(&code)
                                )),
                            ));
                        }
                        e.codes.push(code);
                    }
                    Err(kind) => self.errors.push(Error::new(file, number, kind)),
                }
            } else if key == "names" || key.starts_with("names.") {
                let langs = match key_langs(key) {
                    Ok((_, l)) => l,
                    Err(l) => {
                        self.errors
                            .push(Error::new(file, number, ErrorKind::UnknownLanguage(l)));
                        continue;
                    }
                };
                for phrase in phrase_list(value) {
                    for &lang in &langs {
                        self.add_actor_phrase(lang, phrase, ActorKind::Entity(entity));
                    }
                }
            } else {
                self.errors.push(Error::new(
                    file,
                    number,
                    ErrorKind::Syntax(format!("unknown key {key:?}")),
                ));
            }
        }
        for e in &self.entities {
            if e.codes.is_empty() {
                self.errors.push(Error::new(
                    file,
                    0,
                    ErrorKind::Syntax(format!("entity {:?} has no code", e.name)),
                ));
            }
        }
    }

    fn agents(&mut self, file: &str, text: &str, lang: Lang) {
        for (number, line) in lines(text) {
            let Some((role, list)) = line.split_once(':') else {
                self.errors.push(Error::new(
                    file,
                    number,
                    ErrorKind::Syntax("want `ROLE: phrase | phrase`".into()),
                ));
                continue;
            };
            let Some(role) = Role::parse(role.trim()).filter(|_| role.trim().len() == 3) else {
                self.errors.push(Error::new(
                    file,
                    number,
                    ErrorKind::BadActorCode(role.trim().into()),
                ));
                continue;
            };
            for phrase in phrase_list(list) {
                self.add_actor_phrase(lang, phrase, ActorKind::Agent(role));
            }
        }
    }

    fn function_words(&mut self, file: &str, text: &str, lang: Lang) {
        let slot = crate::lang_slot(lang);
        let mut months = 0u8;
        let mut weekdays = 0u8;
        let mut locative = Vec::new();
        let mut agent = Vec::new();
        let mut genitive = Vec::new();
        for (number, line) in lines(text) {
            let Some((key, list)) = line.split_once(':') else {
                self.errors.push(Error::new(
                    file,
                    number,
                    ErrorKind::Syntax("want `key: phrase | phrase`".into()),
                ));
                continue;
            };
            let key = key.trim();
            let l = &mut self.langs[slot];
            let func = match key {
                "negation" => Func::Negation,
                "article" => Func::Article,
                "aux" => Func::Aux,
                "passive" => Func::Passive,
                "and" => Func::And,
                "reciprocal" => Func::Reciprocal,
                "boundary" => Func::Boundary,
                "pronoun" => Func::Pronoun,
                "relative" => Func::Relative,
                "yesterday" => Func::Yesterday,
                "today" => Func::Today,
                "tomorrow" => Func::Tomorrow,
                "before-yesterday" => Func::BeforeYesterday,
                "after-tomorrow" => Func::AfterTomorrow,
                "month" => {
                    months += 1;
                    Func::Month(months)
                }
                "weekday" => {
                    weekdays += 1;
                    Func::Weekday(weekdays - 1)
                }
                "participle" => {
                    for form in phrase_list(list) {
                        match form.strip_prefix('*') {
                            Some(suffix) => {
                                l.participle_suffixes.push(dyad_text::normalize(suffix))
                            }
                            None => {
                                l.participle_words.insert(dyad_text::normalize(form));
                            }
                        }
                    }
                    continue;
                }
                "word-order" => {
                    match list.trim() {
                        "verb-second" => l.verb_second = true,
                        "svo" => l.verb_second = false,
                        other => self.errors.push(Error::new(
                            file,
                            number,
                            ErrorKind::Syntax(format!(
                                "word-order: want `svo` or `verb-second`, found {other:?}"
                            )),
                        )),
                    }
                    continue;
                }
                "compound-actors" => {
                    match list.trim() {
                        "hyphen" => l.hyphen_compounds = true,
                        "none" => l.hyphen_compounds = false,
                        other => self.errors.push(Error::new(
                            file,
                            number,
                            ErrorKind::Syntax(format!(
                                "compound-actors: want `hyphen` or `none`, found {other:?}"
                            )),
                        )),
                    }
                    continue;
                }
                "place-noun" => {
                    for form in phrase_list(list) {
                        l.place_nouns.insert(dyad_text::normalize(form));
                    }
                    continue;
                }
                "infinitive" => {
                    for form in phrase_list(list) {
                        l.infinitive_markers.insert(dyad_text::normalize(form));
                    }
                    continue;
                }
                "genitive-article" => {
                    for form in phrase_list(list) {
                        l.genitive_articles.insert(dyad_text::normalize(form));
                    }
                    continue;
                }
                "locative" | "agent" | "genitive" => {
                    let target = match key {
                        "locative" => &mut locative,
                        "agent" => &mut agent,
                        _ => &mut genitive,
                    };
                    target.extend(phrase_list(list).map(|p| (number, dyad_text::normalize(p))));
                    continue;
                }
                k if k.starts_with("prep.") => {
                    let base = dyad_text::normalize(&k[5..]);
                    let id = match l.prep_bases.iter().position(|b| *b == base) {
                        Some(i) => i,
                        None => {
                            l.prep_bases.push(base);
                            l.prep_bases.len() - 1
                        }
                    };
                    Func::Prep(id as u16)
                }
                other => {
                    self.errors.push(Error::new(
                        file,
                        number,
                        ErrorKind::Syntax(format!("unknown key {other:?}")),
                    ));
                    continue;
                }
            };
            for phrase in phrase_list(list) {
                let (norms, _) = phrase_words(phrase);
                let any = vec![CaseRule::Any; norms.len()];
                l.func.insert(&mut l.words, &norms, any, func);
            }
        }
        if months != 0 && months != 12 {
            self.errors.push(Error::new(
                file,
                0,
                ErrorKind::Syntax(format!("want 12 month lines, found {months}")),
            ));
        }
        if weekdays != 0 && weekdays != 7 {
            self.errors.push(Error::new(
                file,
                0,
                ErrorKind::Syntax(format!("want 7 weekday lines, found {weekdays}")),
            ));
        }
        let l = &mut self.langs[slot];
        for (list, set) in [
            (locative, &mut l.locative),
            (agent, &mut l.agent_preps),
            (genitive, &mut l.genitive),
        ] {
            for (number, base) in list {
                match l.prep_bases.iter().position(|b| *b == base) {
                    Some(i) => {
                        set.insert(i as u16);
                    }
                    None => self.errors.push(Error::new(
                        file,
                        number,
                        ErrorKind::Syntax(format!(
                            "{base:?} is not a preposition base (add a prep.{base} line)"
                        )),
                    )),
                }
            }
        }
    }

    fn patterns(&mut self, file: &str, text: &str, lang: Lang) {
        for (number, line) in lines(text) {
            match Pattern::parse(file, number, line) {
                Ok(p) => {
                    if let Some(first) = self.pattern_ids.insert(p.id.clone(), p.origin.clone()) {
                        self.errors.push(Error::new(
                            file,
                            number,
                            ErrorKind::Duplicate(format!("pattern id {} (first at {first})", p.id)),
                        ));
                    }
                    self.langs[crate::lang_slot(lang)].patterns.push(p);
                }
                Err(e) => self.errors.push(e),
            }
        }
    }

    fn places(&mut self, file: &str, text: &str) {
        for (index, line) in text.lines().enumerate() {
            let number = index + 1;
            if number == 1 || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let parsed = (|| {
                if cols.len() < 7 {
                    return None;
                }
                Some(Place {
                    geonameid: cols[0].parse().ok()?,
                    name: cols[1].to_string(),
                    country: cols[2].to_string(),
                    admin1: cols[3].to_string(),
                    lat: cols[4].parse().ok()?,
                    lon: cols[5].parse().ok()?,
                    population: cols[6].parse().unwrap_or(0),
                })
            })();
            let Some(place) = parsed else {
                self.errors.push(Error::new(
                    file,
                    number,
                    ErrorKind::Syntax(
                        "want geonameid, name, country, admin1, lat, lon, population, names".into(),
                    ),
                ));
                continue;
            };
            let id = self.places.len() as u32;
            let names = cols.get(7).copied().unwrap_or("");
            for name in std::iter::once(cols[1]).chain(phrase_list(names)) {
                let (norms, _) = phrase_words(name);
                // Place names only match capitalised words, whatever the data says.
                let case = vec![CaseRule::Initial; norms.len()];
                self.place_index
                    .insert(&mut self.place_words, &norms, case, id);
            }
            self.places.push(place);
        }
    }
}

fn parse_dated_code(value: &str) -> Result<DatedCode, ErrorKind> {
    let mut parts = value.split_whitespace();
    let code = parts
        .next()
        .ok_or_else(|| ErrorKind::Syntax("empty code".into()))?;
    if !valid_actor_code(code) || !roles_known(code) {
        return Err(ErrorKind::BadActorCode(code.into()));
    }
    let (from, to) = match parts.next() {
        None => (None, None),
        Some(range) => {
            let (a, b) = range
                .split_once("..")
                .ok_or_else(|| ErrorKind::Syntax(format!("want FROM..TO, found {range:?}")))?;
            let day = |s: &str| -> Result<Option<Date>, ErrorKind> {
                if s.is_empty() {
                    return Ok(None);
                }
                match Date::parse(s) {
                    Some(d) if d.precision == Precision::Day => Ok(Some(d)),
                    _ => Err(ErrorKind::BadDate(s.into())),
                }
            };
            (day(a)?, day(b)?)
        }
    };
    if parts.next().is_some() {
        return Err(ErrorKind::Syntax(
            "trailing text after the date range".into(),
        ));
    }
    if let (Some(f), Some(t)) = (from, to) {
        if f.days() >= t.days() {
            return Err(ErrorKind::BadDate(format!(
                "{f}..{t} ends before it starts"
            )));
        }
    }
    Ok(DatedCode {
        code: code.to_string(),
        from,
        to,
    })
}

/// Every three-letter group after the first is a known role, or the code is an IGO/NGO code whose
/// groups name organisations.
fn roles_known(code: &str) -> bool {
    if code.starts_with("IGO") || code.starts_with("NGO") {
        return true;
    }
    (3..code.len())
        .step_by(3)
        .all(|i| Role::parse(&code[i..i + 3]).is_some())
}

fn overlaps(a: &DatedCode, b: &DatedCode) -> bool {
    let dated = |c: &DatedCode| c.from.is_some() || c.to.is_some();
    if !dated(a) || !dated(b) {
        return !dated(a) && !dated(b);
    }
    let start = |c: &DatedCode| c.from.map_or(i64::MIN, Date::days);
    let end = |c: &DatedCode| c.to.map_or(i64::MAX, Date::days);
    start(a) < end(b) && start(b) < end(a)
}

fn describe(c: &DatedCode) -> String {
    let d = |x: Option<Date>| x.map(|d| d.to_string()).unwrap_or_default();
    format!("{} {}..{}", c.code, d(c.from), d(c.to))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elided_phrases_are_one_token() {
        assert_eq!(phrase_words("all'").0, vec!["all'".to_string()]);
        assert_eq!(phrase_words("dell’").0, vec!["dell'".to_string()]);
        assert_eq!(phrase_words("forze dell'ordine").0.len(), 3);
        assert_eq!(
            phrase_words("Casa Bianca").1,
            vec![CaseRule::Initial, CaseRule::Initial]
        );
    }
}
