//! Reading the data files and compiling them into a [`Lexicon`].

use crate::actor::{valid_actor_code, Country, DatedCode, Entity, Place, Role};
use crate::cameo::CameoTable;
use crate::date::{Date, Precision};
use crate::error::{Error, ErrorKind};
use crate::index::{CaseRule, CaseRules, PhraseIndex, Words};
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
        "actors/iso-countries.txt",
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

/// Reads the data files of `dir` (same layout as `data/`): the files named like the built-in
/// ones, then any other `.txt` file of `actors/`, `agents/`, `patterns/`, `lang/` and `.tsv` file
/// of `places/`, in name order (`actors/my-people.txt`; `agents/`, `patterns/` and `lang/` files
/// must still be named by their language).
pub fn read_dir_sources(dir: &Path) -> Result<Vec<Source>, Error> {
    let mut out = Vec::new();
    let builtin: Vec<String> = builtin_sources().into_iter().map(|s| s.name).collect();
    for (folder, ext) in [
        ("actors", "txt"),
        ("agents", "txt"),
        ("patterns", "txt"),
        ("lang", "txt"),
        ("places", "tsv"),
    ] {
        let Ok(entries) = std::fs::read_dir(dir.join(folder)) else {
            continue;
        };
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_file())
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| !n.starts_with('.') && n.ends_with(&format!(".{ext}")))
            .map(|n| format!("{folder}/{n}"))
            .filter(|n| !builtin.contains(n))
            .collect();
        names.sort();
        for name in names {
            let path = dir.join(&name);
            let text = std::fs::read_to_string(&path).map_err(|e| {
                Error::new(&path.display().to_string(), 0, ErrorKind::Io(e.to_string()))
            })?;
            out.push(Source {
                name,
                text: Cow::Owned(text),
            });
        }
    }
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

/// A name made only of ASCII letters and single spaces, in lower case: its words are its tokens
/// and their normalised forms, without going through the tokenizer (most gazetteer names).
fn plain_name(name: &str) -> Option<String> {
    let b = name.as_bytes();
    let plain = !b.is_empty()
        && b[0] != b' '
        && b[b.len() - 1] != b' '
        && !name.contains("  ")
        && b.iter().all(|c| c.is_ascii_alphabetic() || *c == b' ');
    plain.then(|| name.to_ascii_lowercase())
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
    gazetteer: Gazetteer,
    pattern_ids: FxHashMap<String, String>,
    english_named: rustc_hash::FxHashSet<u16>,
    /// Counts the sources read; phrases of an overlay replace those of earlier generations.
    generation: u32,
    /// The source repeats the name of an earlier one: a user file over the built-in one. Its
    /// entries add to the lexicon and replace earlier entries with the same key.
    overlay: bool,
    /// The generation that set each entity's codes.
    entity_code_generation: FxHashMap<u32, u32>,
    /// The generation that defined each pattern id.
    pattern_generation: FxHashMap<String, u32>,
    /// Every actor phrase as written, for completion.
    names: Vec<crate::ActorName>,
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
        gazetteer: Gazetteer::default(),
        pattern_ids: FxHashMap::default(),
        english_named: Default::default(),
        generation: 0,
        overlay: false,
        entity_code_generation: FxHashMap::default(),
        pattern_generation: FxHashMap::default(),
        names: Vec::new(),
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
    let mut seen_names = rustc_hash::FxHashSet::default();
    let builtin_names: Vec<String> = builtin_sources().into_iter().map(|s| s.name).collect();
    // The gazetteer is the largest file and depends on nothing but the country codes: the first
    // one is compiled on its own thread while the other files are, and its countries are checked
    // when it joins.
    let first_places = sorted.iter().position(|s| s.name.starts_with("places/"));
    std::thread::scope(|scope| {
        let mut pending = first_places.map(|i| {
            let source = sorted[i];
            scope.spawn(move || {
                let mut g = Gazetteer::default();
                let stored = g.add(&source.name, &source.text, false, i as u32 + 1);
                (g, stored)
            })
        });
        for (index, source) in sorted.iter().enumerate() {
            let name = source.name.as_str();
            b.generation += 1;
            // A file that repeats an earlier one's name, or that no built-in file is named like, is a
            // user's: it overrides.
            b.overlay = !seen_names.insert(name) || !builtin_names.iter().any(|n| n == name);
            if Some(index) == first_places {
                if let Some(handle) = pending.take() {
                    let (gazetteer, stored) = handle
                        .join()
                        .unwrap_or_else(|p| std::panic::resume_unwind(p));
                    b.gazetteer = gazetteer;
                    b.check_place_countries(name, &stored);
                }
                continue;
            }
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
                Some("places") => {
                    let (overlay, generation) = (b.overlay, b.generation);
                    let stored = b.gazetteer.add(name, text, overlay, generation);
                    b.check_place_countries(name, &stored);
                }
                _ => b.errors.push(Error::new(
                    name,
                    0,
                    ErrorKind::Syntax("unknown data file".into()),
                )),
            }
        }
    });
    b.errors.append(&mut b.gazetteer.errors);
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
        places: b.gazetteer.places,
        place_words: b.gazetteer.words,
        place_index: b.gazetteer.index,
        langs: b.langs,
        names: b.names,
        vocab: Default::default(),
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
        self.names.push(crate::ActorName {
            lang,
            phrase: phrase.into(),
            kind,
        });
        let (norms, case) = phrase_words(phrase);
        let slot = crate::lang_slot(lang);
        let l = &mut self.langs[slot];
        if self.overlay {
            l.actors
                .insert_replacing(&mut l.words, &norms, case, kind, self.generation);
        } else {
            l.actors.insert(&mut l.words, &norms, case, kind);
        }
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
                        // An overlay that gives an entity codes replaces the earlier ones.
                        let generation = self.generation;
                        let set_by = self.entity_code_generation.insert(entity, generation);
                        if self.overlay && set_by.is_some_and(|g| g != generation) {
                            e.codes.clear();
                        }
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
            } else if ["names", "seat", "surname"]
                .iter()
                .any(|k| key == *k || key.strip_prefix(k).is_some_and(|r| r.starts_with('.')))
            {
                let (kind, langs) = match key_langs(key) {
                    Ok(x) => x,
                    Err(l) => {
                        self.errors
                            .push(Error::new(file, number, ErrorKind::UnknownLanguage(l)));
                        continue;
                    }
                };
                let kind = match kind {
                    "seat" => ActorKind::Seat(entity),
                    "surname" => ActorKind::Surname(entity),
                    _ => ActorKind::Entity(entity),
                };
                for phrase in phrase_list(value) {
                    for &lang in &langs {
                        self.add_actor_phrase(lang, phrase, kind);
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
                    let slot = crate::lang_slot(lang);
                    let generation = self.generation;
                    let earlier = self
                        .pattern_generation
                        .insert(p.id.clone(), generation)
                        .is_some_and(|g| g != generation);
                    if self.overlay && earlier {
                        // A user pattern with a built-in id replaces it, in its place.
                        let patterns = &mut self.langs[slot].patterns;
                        if let Some(old) = patterns.iter_mut().find(|q| q.id == p.id) {
                            self.pattern_ids.insert(p.id.clone(), p.origin.clone());
                            *old = p;
                            continue;
                        }
                    }
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

    /// Gazetteer rows must name a known country.
    fn check_place_countries(&mut self, file: &str, stored: &[(u32, usize)]) {
        for &(id, line) in stored {
            let country = &self.gazetteer.places[id as usize].country;
            if !self.country_ids.contains_key(country) {
                self.errors.push(Error::new(
                    file,
                    line,
                    ErrorKind::Syntax(format!(
                        "unknown country {country:?} (want an ISO alpha-3 code of actors/countries.txt)"
                    )),
                ));
            }
        }
    }
}

/// The places, their name trie and what compiling them found wrong.
#[derive(Default)]
struct Gazetteer {
    places: Vec<Place>,
    words: Words,
    index: PhraseIndex<u32>,
    /// Places by GeoNames id, with the generation that defined them.
    by_geonameid: FxHashMap<u32, (u32, u32)>,
    errors: Vec<Error>,
}

impl Gazetteer {
    /// What is wrong with a row's values, if anything (the country is checked by the caller).
    fn problem(place: &Place) -> Option<String> {
        if !(-90.0..=90.0).contains(&place.lat) || !(-180.0..=180.0).contains(&place.lon) {
            return Some(format!(
                "coordinates {},{} out of range",
                place.lat, place.lon
            ));
        }
        if place.name.trim().is_empty() {
            return Some("empty place name".into());
        }
        None
    }

    /// Adds the rows of a `places.tsv`; returns the places stored, with their lines. In an
    /// overlay, a row that repeats a GeoNames id of an earlier generation replaces that place.
    fn add(&mut self, file: &str, text: &str, overlay: bool, generation: u32) -> Vec<(u32, usize)> {
        let mut stored = Vec::new();
        // Growing the trie's tables one doubling at a time costs more than counting first.
        let names = text.bytes().filter(|&b| b == b'|' || b == b'\n').count();
        self.index.reserve(names, 1);
        self.words.reserve(names / 2);
        self.places
            .reserve(text.bytes().filter(|&b| b == b'\n').count());
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
                    names_in: Vec::new(),
                })
            })();
            let Some(mut place) = parsed else {
                self.errors.push(Error::new(
                    file,
                    number,
                    ErrorKind::Syntax(
                        "want geonameid, name, country, admin1, lat, lon, population, names, langs"
                            .into(),
                    ),
                ));
                continue;
            };
            for item in phrase_list(cols.get(8).copied().unwrap_or("")) {
                let lang = item
                    .split_once('=')
                    .and_then(|(l, n)| Some((Lang::from_code(l)?, n)));
                match lang {
                    Some((l, n)) if !n.trim().is_empty() => {
                        place.names_in.push((l, n.trim().to_string()))
                    }
                    _ => self.errors.push(Error::new(
                        file,
                        number,
                        ErrorKind::Syntax(format!(
                            "want LANG=name in the langs column, found {item:?}"
                        )),
                    )),
                }
            }
            if let Some(problem) = Self::problem(&place) {
                self.errors
                    .push(Error::new(file, number, ErrorKind::Syntax(problem)));
                continue;
            }
            let existing = match self.by_geonameid.get(&place.geonameid) {
                // A user file that repeats a GeoNames id replaces the place (its names are added).
                Some(&(id, g)) if overlay && g != generation => Some(id),
                Some(_) => {
                    self.errors.push(Error::new(
                        file,
                        number,
                        ErrorKind::Duplicate(format!("GeoNames id {}", place.geonameid)),
                    ));
                    continue;
                }
                None => None,
            };
            let id = existing.unwrap_or(self.places.len() as u32);
            let names = cols.get(7).copied().unwrap_or("");
            let in_langs: Vec<&str> = place.names_in.iter().map(|(_, n)| n.as_str()).collect();
            for name in std::iter::once(cols[1])
                .chain(phrase_list(names))
                .chain(in_langs)
            {
                // A place name starts with a capital whatever the data says; its other words
                // keep their case (`Monaco di Baviera`, `Frankfurt am Main`).
                let mut case = CaseRules::default();
                if let Some(lower) = plain_name(name) {
                    let norms: Vec<&str> = lower.split(' ').collect();
                    for (k, word) in name.split(' ').enumerate() {
                        if k == 0 || word.starts_with(|c: char| c.is_ascii_uppercase()) {
                            case.set(k, CaseRule::Initial);
                        }
                    }
                    self.index.insert(&mut self.words, &norms, case, id);
                    continue;
                }
                let (norms, written) = phrase_words(name);
                for (k, &c) in written.iter().enumerate() {
                    if k == 0 || c != CaseRule::Any {
                        case.set(k, CaseRule::Initial);
                    }
                }
                self.index.insert(&mut self.words, &norms, case, id);
            }
            self.by_geonameid.insert(place.geonameid, (id, generation));
            stored.push((id, number));
            match existing {
                Some(id) => self.places[id as usize] = place,
                None => self.places.push(place),
            }
        }
        stored
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
    fn plain_names_split_as_the_tokenizer_does() {
        let text = include_str!("../../../data/places/places.tsv");
        let mut checked = 0;
        for line in text.lines().skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            for name in std::iter::once(cols[1]).chain(phrase_list(cols[7])) {
                if let Some(lower) = plain_name(name) {
                    let fast: Vec<&str> = lower.split(' ').collect();
                    let (slow, _) = phrase_words(name);
                    assert_eq!(fast, slow, "{name}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 100_000, "{checked}");
        assert_eq!(
            plain_name("Monaco di Baviera").as_deref(),
            Some("monaco di baviera")
        );
        assert_eq!(plain_name("Frankfurt (Oder)"), None);
        assert_eq!(plain_name("L'Aquila"), None);
    }

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
