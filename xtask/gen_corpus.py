#!/usr/bin/env python3
"""Synthetic multilingual news corpus for load tests of `dyad ingest` and `dyad serve`.

What it writes: JSON Lines documents `{"id", "date", "lang", "url", "title", "text"}` on standard
output, one per line. Each document is a short news report in Italian, English, Spanish, French
or German, dated between 2023-01-01 and 2024-12-31, published by one of 30 invented outlets
(six per language, `.example` hosts). A report has 5 to 15 sentences: most of them say that one
actor did something to another (met, visited, praised, signed with, sent aid to, criticised,
accused, threatened, protested against, sanctioned, expelled diplomats of, arrested, attacked,
shelled, bombed, fought...), some say nothing dyad codes (markets, weather, sport). About a
quarter of the stories are reported by two to four outlets of the same language on the same day,
so that the store's deduplication has mentions to aggregate.

The sentences come from templates written in this file, per language. Their slots are filled
with names dyad knows, read from the committed lexicons: country names, adjectives and
capitals used as metonyms (data/actors/countries.txt), people whose dated code is a
government role during the corpus' two years (data/actors/people.txt), role words checked
against data/agents/LANG.txt, and cities of the actors' countries from the gazetteer
(data/places/places.tsv), so that the map gets points on every continent. Countries are drawn
with Zipf-like weights, so a few dyads are frequent and most are rare (a long tail).

This is load-test data with a realistic shape, not realistic news: the facts are random and
the grammar is approximate (articles and agreement follow simple rules).

Run (from the repository root; the corpus belongs in /tmp, not in the repository):

    python3 xtask/gen_corpus.py --docs 95000 --seed 1 > /tmp/corpus.jsonl
    target/release/dyad ingest --db /tmp/dyad-1m.db /tmp/corpus.jsonl

About 10.5 events per document come out of `dyad ingest`, so 95,000 documents give about
1,000,000 events. `--templates` prints instead one document per template with ten fillings
of it (ids `tpl-LANG-NN`) and one of each language's filler sentences (`tpl-LANG-filler`), to
see which templates code which events:

    python3 xtask/gen_corpus.py --templates | target/release/dyad code --input jsonl

Determinism: the output depends only on `--seed`, `--docs` and the committed data files; the
same arguments give the same bytes (Python's `random.Random` with a fixed seed, files read in
order, no clock, no hash-order dependence). Standard library only.
"""

import argparse
import datetime
import json
import os
import random
import re
import sys
import unicodedata

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
LANGS = ["it", "en", "es", "fr", "de"]
FIRST_DAY = datetime.date(2023, 1, 1)
DAYS = (datetime.date(2024, 12, 31) - FIRST_DAY).days + 1

# ---------------------------------------------------------------------------------------------
# Outlets: six invented hosts per language (".example" is reserved, RFC 2606).

OUTLETS = {
    "it": ["corriere-del-porto", "la-gazzetta-adriatica", "il-quotidiano-alpino",
           "eco-di-sicilia", "la-voce-del-tevere", "notizie-padane"],
    "en": ["harbour-herald", "the-daily-ledger", "northern-courier",
           "global-dispatch", "the-evening-wire", "capital-chronicle"],
    "es": ["el-diario-del-sur", "la-cronica-andina", "heraldo-atlantico",
           "el-observador-latino", "noticias-del-plata", "la-tribuna-iberica"],
    "fr": ["le-courrier-du-rhone", "la-depeche-du-nord", "le-journal-des-alpes",
           "la-gazette-atlantique", "l-echo-parisien", "le-messager-du-sahel"],
    "de": ["rheinische-rundschau", "nordsee-anzeiger", "alpenpost",
           "der-hanse-kurier", "berliner-tagesblatt", "donau-zeitung"],
}

# ---------------------------------------------------------------------------------------------
# Reading the lexicons.


def data_path(*parts):
    return os.path.join(ROOT, "data", *parts)


def strip_comment(line):
    i = line.find("#")
    return line if i < 0 else line[:i]


def phrases(value):
    return [p.strip() for p in value.split("|") if p.strip()]


def read_blocks(path):
    """Yields (head, [(key, value)]) for the block files of data/actors/."""
    head, lines = None, []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = strip_comment(raw).rstrip()
            if not line.strip():
                continue
            if not line[0].isspace():
                if head is not None:
                    yield head, lines
                head, lines = line.strip(), []
            elif ":" in line:
                k, v = line.strip().split(":", 1)
                lines.append((k.strip(), v.strip()))
    if head is not None:
        yield head, lines


def by_lang(lines, kind):
    """{lang: [phrases]} for KIND.LANG lines; KIND.* lines go to every language."""
    out = {l: [] for l in LANGS}
    shared = []
    for k, v in lines:
        base, _, lang = k.partition(".")
        if base != kind:
            continue
        if lang in ("", "*"):
            shared.extend(phrases(v))
        elif lang in out:
            out[lang].extend(phrases(v))
    # The language's own phrases first, then those shared by every language.
    return {l: out[l] + shared for l in LANGS}


def read_countries():
    countries = {}
    for code, lines in read_blocks(data_path("actors", "countries.txt")):
        countries[code] = {
            "name": by_lang(lines, "name"),
            "adj": by_lang(lines, "adj"),
            "gov": by_lang(lines, "gov"),
        }
    return countries


def parse_code(value):
    """`CODE [FROM..TO]` -> (code, from, to) with dates or None."""
    parts = value.split()
    lo = hi = None
    if len(parts) > 1 and ".." in parts[1]:
        a, b = parts[1].split("..")
        lo = datetime.date.fromisoformat(a) if a else None
        hi = datetime.date.fromisoformat(b) if b else None
    return parts[0], lo, hi


def read_people(countries):
    """People whose code is a government role for the whole corpus period: {country: [names]}."""
    first, last = FIRST_DAY, FIRST_DAY + datetime.timedelta(days=DAYS)
    people = {}
    for name, lines in read_blocks(data_path("actors", "people.txt")):
        codes = [parse_code(v) for k, v in lines if k == "code"]
        gov = [c for c, lo, hi in codes
               if c.endswith("GOV") and (lo is None or lo <= first) and (hi is None or hi >= last)
               and lo is not None]
        if not gov or gov[0][:3] not in countries:
            continue
        names = by_lang(lines, "names")
        people.setdefault(gov[0][:3], []).append(
            {l: (names[l][0] if names[l] else name) for l in LANGS})
    return people


def read_agents():
    """{lang: {role: set of role phrases}} from data/agents/."""
    out = {}
    for l in LANGS:
        roles = {}
        with open(data_path("agents", l + ".txt"), encoding="utf-8") as f:
            for raw in f:
                line = strip_comment(raw).strip()
                if ":" in line:
                    role, v = line.split(":", 1)
                    roles.setdefault(role.strip(), set()).update(phrases(v))
        out[l] = roles
    return out


def read_places(countries, per_country=8, min_population=20000):
    """The most populous places of each country with their name in each language."""
    rows = {}
    with open(data_path("places", "places.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            gid, name, country, pop = cols[0], cols[1], cols[2], int(cols[6] or 0)
            if country not in countries or pop < min_population or " " in name and "-" in name:
                continue
            langs = dict(item.split("=", 1) for item in (cols[8] if len(cols) > 8 else "").split("|")
                         if "=" in item)
            rows.setdefault(country, []).append((pop, int(gid), name, langs))
    places, population = {}, {}
    for country, items in rows.items():
        items.sort(key=lambda r: (-r[0], r[1]))
        places[country] = [{l: langs.get(l, name) for l in LANGS} for _, _, name, langs in items[:per_country]]
        population[country] = sum(r[0] for r in items)
    return places, population


# ---------------------------------------------------------------------------------------------
# Actors as words: each language's articles, cases and adjective agreement.


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c)).lower()


IT_NO_ARTICLE = {"Israele", "Cuba", "Cipro", "Malta", "Singapore", "Taiwan", "Haiti", "Gibuti",
                 "Monaco", "San Marino", "Andorra", "Bahrein", "Timor Est", "Panama", "Porto Rico"}
FR_NO_ARTICLE = {"Israël", "Cuba", "Chypre", "Malte", "Singapour", "Taïwan", "Haïti", "Djibouti",
                 "Monaco", "Saint-Marin", "Andorre", "Bahreïn", "Madagascar", "Oman", "Sao Tomé-et-Principe",
                 "Maurice", "Nauru", "Tuvalu", "Kiribati", "Bahreïn", "Porto Rico"}
IT_MASC_A = {"Canada", "Kenya", "Botswana", "Ghana", "Guatemala", "Nicaragua", "Venezuela", "Malawi",
             "Ruanda", "Uganda", "Sri Lanka", "Lesotho"}
FR_MASC_E = {"Mexique", "Cambodge", "Mozambique", "Zimbabwe", "Belize", "Suriname"}
DE_FEM = {"Ukraine", "Türkei", "Schweiz", "Slowakei", "Mongolei", "Zentralafrikanische Republik",
          "Dominikanische Republik", "Demokratische Republik Kongo", "Elfenbeinküste"}
DE_MASC = {"Iran", "Irak", "Libanon", "Sudan", "Südsudan", "Jemen", "Tschad", "Niger", "Kongo",
           "Senegal", "Kosovo", "Vatikan"}
DE_PLURAL = {"USA", "Vereinigten Staaten", "Niederlande", "Philippinen", "Malediven", "Seychellen",
             "Komoren", "Bahamas", "Vereinigte Arabische Emirate", "Salomonen", "Marshallinseln"}


class Actor:
    """A noun phrase naming an actor: forms by case, grammatical number, and its country."""

    def __init__(self, country, forms, plural=False):
        self.country = country
        self.forms = forms  # {"nom": ..., "acc": ..., "dat": ...}
        self.plural = plural

    def form(self, case):
        return self.forms.get(case) or self.forms["nom"]


def country_actor(lang, code, name, names=()):
    """The country's name with the article its language puts in front of it."""
    if lang == "en":
        the = name.startswith(("United ", "Central African", "Dominican", "Democratic", "Czech", "Philippines",
                               "Netherlands", "Gambia", "Bahamas", "Maldives", "Comoros", "Seychelles"))
        return Actor(code, {"nom": ("the " if the else "") + name}, False)
    if lang == "es":
        art = "el " if name == "Reino Unido" else ""
        return Actor(code, {"nom": art + name}, name.startswith(("Emiratos", "Países")))
    if lang == "it":
        if name in IT_NO_ARTICLE:
            return Actor(code, {"nom": name})
        first = fold(name)[0]
        plural = name.split()[0].endswith("i") and len(name.split()) > 1 or name.endswith("ine")
        fem = (name.split()[0].endswith("a") or name.endswith("ine")) and name not in IT_MASC_A
        if plural:
            art = "le " if fem else ("gli " if first in "aeiou" or name.startswith(("S", "Z")) and not fold(name)[1] in "aeiou" else "i ")
        elif first in "aeiou":
            art = "l'"
        elif fem:
            art = "la "
        elif name.startswith(("Z", "Y")) or (name[0] == "S" and fold(name)[1] not in "aeiou"):
            art = "lo "
        else:
            art = "il "
        return Actor(code, {"nom": art + name}, plural)
    if lang == "fr":
        if name in FR_NO_ARTICLE:
            return Actor(code, {"nom": name})
        plural = name.startswith(("États", "Émirats", "Pays-Bas")) or name.endswith("s") and name[-2] == "e"
        if plural:
            art = "les "
        elif fold(name)[0] in "aeiouy":
            art = "l'"
        elif name.split()[0].endswith("e") and name.split()[0] not in FR_MASC_E:
            art = "la "
        else:
            art = "le "
        return Actor(code, {"nom": art + name}, plural)
    # German: most country names take no article; the feminine, masculine and plural ones do.
    if name in DE_PLURAL:
        return Actor(code, {"nom": "die " + name, "acc": "die " + name, "dat": "den " + name}, True)
    if name in DE_FEM or name.endswith("ei"):
        return Actor(code, {"nom": "die " + name, "acc": "die " + name, "dat": "der " + name})
    if name in DE_MASC:
        return Actor(code, {"nom": "der " + name, "acc": "den " + name, "dat": "dem " + name})
    if name.endswith("s") and not name.endswith(("land", "ien")):
        return None  # a genitive form (Russlands)
    gen = name + "s" if name + "s" in names else "von " + name
    return Actor(code, {"nom": name, "gen": gen})


def adjective_forms(lang, adjs):
    """The adjective forms a role phrase needs, or None when the lexicon lacks them."""
    low = [a for a in adjs if a[:1].islower() and " " not in a]
    if lang == "en":
        caps = [a for a in adjs if a[:1].isupper() and " " not in a and not a.endswith("s")]
        return {"any": caps[0]} if caps else None
    if not low:
        return None
    base = low[0]
    if lang == "it":
        if base.endswith("o"):
            f = [a for a in low if a.endswith("a")]
            fp = [a for a in low if a.endswith("e")]
            return {"m": base, "f": f[0], "fp": fp[0]} if f and fp else None
        if base.endswith("e"):
            p = [a for a in low if a.endswith("i")]
            return {"m": base, "f": base, "fp": p[0]} if p else None
        if base.endswith("a"):  # saudita, saudite
            p = [a for a in low if a.endswith("e")]
            return {"m": base, "f": base, "fp": p[0]} if p else None
        return None
    if lang == "es":
        f = [a for a in low[1:] if a.endswith("a")]
        fp = [a for a in low[1:] if a.endswith("as")] or [a for a in low[1:] if a.endswith("s")]
        if not fp:
            return None
        return {"m": base, "f": f[0] if f else base, "fp": fp[0]}
    if lang == "fr":
        f = base if base.endswith("e") else next((a for a in low if a == base + "e"), None)
        fp = next((a for a in low if a == (f or "") + "s"), None)
        return {"m": base, "f": f, "fp": fp} if f and fp else None
    # German: the weak forms after a definite article.
    e = next((a for a in low if a == base + "e"), None)
    en = next((a for a in low if a == base + "en"), None)
    return {"e": e, "en": en} if e and en else None


# Role phrases per language: (role, phrase with ADJ, number, adjective form key); the words
# around ADJ are checked against data/agents/LANG.txt when the generator starts.
ROLE_PHRASES = {
    "en": [("GOV", "the ADJ government", False, "any", "government"),
           ("GOV", "the ADJ foreign ministry", False, "any", "foreign ministry"),
           ("MIL", "the ADJ army", False, "any", "army"),
           ("MIL", "ADJ forces", True, "any", "forces"),
           ("COP", "ADJ police", True, "any", "police")],
    "it": [("GOV", "il governo ADJ", False, "m", "governo"),
           ("GOV", "l'esecutivo ADJ", False, "m", "esecutivo"),
           ("MIL", "l'esercito ADJ", False, "m", "esercito"),
           ("MIL", "le forze armate ADJ", True, "fp", "forze armate"),
           ("COP", "la polizia ADJ", False, "f", "polizia")],
    "es": [("GOV", "el gobierno ADJ", False, "m", "gobierno"),
           ("GOV", "el ejecutivo ADJ", False, "m", "ejecutivo"),
           ("MIL", "el ejército ADJ", False, "m", "ejército"),
           ("MIL", "las fuerzas armadas ADJ", True, "fp", "fuerzas armadas"),
           ("COP", "la policía ADJ", False, "f", "policía")],
    "fr": [("GOV", "le gouvernement ADJ", False, "m", "gouvernement"),
           ("GOV", "l'exécutif ADJ", False, "m", "exécutif"),
           ("MIL", "l'armée ADJ", False, "f", "armée"),
           ("MIL", "les forces armées ADJ", True, "fp", "forces armées"),
           ("COP", "la police ADJ", False, "f", "police")],
    "de": [("GOV", "die ADJ Regierung", False, "e", "Regierung"),
           ("MIL", "die ADJ Armee", False, "e", "Armee"),
           ("MIL", "die ADJ Streitkräfte", True, "en", "Streitkräfte"),
           ("COP", "die ADJ Polizei", False, "e", "Polizei")],
}


def role_actor(lang, code, adj, phrase, plural, key):
    text = phrase.replace("ADJ", adj[key])
    if lang != "de":
        return Actor(code, {"nom": text}, plural)
    # German: "die russische Regierung", dative "der russischen Regierung", plural "den ... -n".
    words = text.split(" ")
    if plural:
        dat = "den " + adj["en"] + " " + words[-1] + ("n" if not words[-1].endswith("n") else "")
    else:
        dat = "der " + adj["en"] + " " + words[-1]
    return Actor(code, {"nom": text, "acc": text, "dat": dat}, plural)


class Lexicon:
    """Per language: the actors of each country by role, the countries' places, and weights."""

    def __init__(self):
        countries = read_countries()
        people = read_people(countries)
        agents = read_agents()
        self.places, self.population = read_places(countries)
        for lang, phrase_list in ROLE_PHRASES.items():
            for role, _, _, _, word in phrase_list:
                if word not in agents[lang].get(role, set()):
                    sys.exit(f"gen_corpus: {word!r} is not a {role} role word in data/agents/{lang}.txt")
        # actors[lang][country] = {"any": [...], "GOV": [...], "MIL": [...], "COP": [...]}
        self.actors = {l: {} for l in LANGS}
        for code, c in countries.items():
            if code not in self.places:
                continue
            for l in LANGS:
                slots = {"any": [], "CTRY": [], "GOV": [], "MIL": [], "COP": []}
                names = [n for n in c["name"][l] if n[:1].isupper()]
                if names:
                    a = country_actor(l, code, names[0], names)
                    if a:
                        slots["any"].append(a)
                        slots["CTRY"].append(a)
                # A capital stands for the government: the gov phrase that is also the name,
                # in this language, of one of the country's large places.
                cities = {p[l] for p in self.places[code]}
                for metonym in [m for m in c["gov"][l] if m in cities][:1]:
                    a = Actor(code, {"nom": metonym})
                    slots["GOV"].append(a)
                    slots["any"].append(a)
                adj = adjective_forms(l, c["adj"][l])
                if adj:
                    for role, phrase, plural, key, _ in ROLE_PHRASES[l]:
                        if adj.get(key):
                            a = role_actor(l, code, adj, phrase, plural, key)
                            slots[role].append(a)
                            slots["any"].append(a)
                for person in people.get(code, [])[:3]:
                    a = Actor(code, {"nom": person[l]})
                    slots["GOV"].append(a)
                    slots["any"].append(a)
                if slots["any"]:
                    self.actors[l][code] = slots
        # Countries weigh by the population of their large places, dampened: big countries are
        # in the news more often, and the many small ones make the long tail of dyads.
        self.codes = sorted(set.intersection(*(set(self.actors[l]) for l in LANGS)))
        self.weights = {code: self.population[code] ** 0.5 for code in self.codes}

    def pick_country(self, rng, exclude=None):
        while True:
            code = rng.choices(self.codes, weights=[self.weights[c] for c in self.codes])[0]
            if code != exclude:
                return code

    def actor(self, rng, lang, code, role="any"):
        slots = self.actors[lang][code]
        pool = slots.get(role) or slots["any"]
        return rng.choice(pool)

    def place(self, rng, lang, code):
        return rng.choice(self.places[code])[lang]


# ---------------------------------------------------------------------------------------------
# Templates. Slots: {S} the source, {T} the target ({T:dat}, {T:acc} choose the German case),
# {S2} a second source joined to {S} ("S and S2"), {P} a city (in the target's country, or the
# source's when the template says "S"), {sg|pl} a verb form agreeing with the source. A role
# after the slot name picks that kind of actor: {S:MIL}, {T:GOV}.

TEMPLATES = {
    "en": [
        ("T", "{S} met {T} in {P} to discuss border security."),
        ("T", "{S} visited {T} for talks on energy and trade."),
        ("S", "{S} hosted {T} in {P} for a two-day state visit."),
        ("-", "{S} held a phone call with {T} on the regional crisis."),
        ("T", "{S} and {S2} resumed negotiations in {P} after months of deadlock."),
        ("-", "{S} praised {T} for its role in the release of the hostages."),
        ("S", "{S} signed a trade agreement with {T} in {P}."),
        ("-", "{S} offered talks to {T} on the disputed border."),
        ("T", "{S} sent humanitarian aid to {T} as shortages worsened in {P}."),
        ("-", "{S} condemned {T} for the decision to close the border."),
        ("-", "{S} and {S2} criticised {T} over the new tariffs."),
        ("T", "{S} accused {T} of shelling civilian areas in {P}."),
        ("-", "{S} rejected the proposal of {T} for a new maritime boundary."),
        ("-", "{S} warned {T} against any further provocation."),
        ("-", "{S} threatened to use military force against {T}."),
        ("S", "Protesters gathered in {P} and marched against {T}."),
        ("S", "{S} expelled two diplomats of {T:CTRY} from {P}."),
        ("-", "{S} imposed new sanctions on {T} over its missile programme."),
        ("-", "{S} urged {T} to release the detained journalists."),
        ("-", "{S} asked {T} for humanitarian assistance."),
        ("S", "{S:COP} arrested {T:GOV} in {P}."),
        ("T", "{S:MIL} attacked {T:MIL} near the town of {P}."),
        ("T", "{S:MIL} and {T:MIL} exchanged fire near {P} overnight."),
        ("T", "{S:MIL} shelled the outskirts of {P}, {T} said."),
        ("T", "{S:MIL} carried out air strikes on {T} in {P}."),
        ("T", "{S:MIL} fought {T:MIL} in {P} for a third day."),
        ("-", "{S} demanded that {T} withdraw its troops from the border."),
        ("T", "{S:MIL} shot and killed two soldiers of {T:CTRY} near {P}."),
    ],
    "it": [
        ("T", "{S} {ha|hanno} incontrato {T} a {P} per discutere della sicurezza dei confini."),
        ("T", "{S} {ha|hanno} visitato {T} per colloqui su energia e commercio."),
        ("S", "{S} {ha|hanno} ospitato {T} a {P} per una visita di Stato di due giorni."),
        ("-", "{S} {ha|hanno} avuto un colloquio telefonico con {T} sulla crisi regionale."),
        ("T", "{S} e {S2} hanno ripreso i negoziati a {P} dopo mesi di stallo."),
        ("-", "{S} {ha|hanno} elogiato {T} per il suo ruolo nella liberazione degli ostaggi."),
        ("S", "{S} {ha|hanno} firmato un accordo commerciale con {T} a {P}."),
        ("T", "{S} {ha|hanno} fornito aiuti umanitari a {T}, mentre a {P} mancano cibo e medicine."),
        ("-", "{S} {ha|hanno} condannato {T} per la decisione di chiudere la frontiera."),
        ("-", "{S} e {S2} hanno criticato {T} per i nuovi dazi."),
        ("T", "{S} {ha|hanno} accusato {T} di aver bombardato quartieri civili a {P}."),
        ("-", "{S} {ha|hanno} respinto la proposta di {T} su un nuovo confine marittimo."),
        ("-", "{S} {ha|hanno} minacciato {T} di gravi conseguenze."),
        ("S", "A {P} migliaia di manifestanti hanno protestato contro {T}."),
        ("S", "{S} {ha|hanno} espulso due diplomatici di {T:CTRY} da {P}."),
        ("-", "{S} {ha|hanno} imposto nuove sanzioni contro {T} per il programma missilistico."),
        ("-", "{S} {ha|hanno} esortato {T} a liberare i giornalisti detenuti."),
        ("S", "{S:COP} {ha|hanno} arrestato {T:GOV} a {P}."),
        ("T", "{S:MIL} {ha|hanno} attaccato {T:MIL} nei pressi di {P}."),
        ("T", "{S:MIL} e {T:MIL} si sono scontrati nella notte a {P}."),
        ("T", "{S:MIL} {ha|hanno} bombardato {T} colpendo la periferia di {P}."),
        ("T", "{S:MIL} {ha|hanno} combattuto contro {T:MIL} a {P} per il terzo giorno."),
        ("-", "{S} {ha|hanno} sanzionato {T} per le violazioni dei diritti umani."),
        ("-", "{S} {ha|hanno} ringraziato {T} per il sostegno ricevuto."),
        ("-", "{S} {ha|hanno} chiesto a {T} di ritirare le truppe dal confine."),
        ("T", "{S:MIL} {ha|hanno} ucciso due soldati di {T:CTRY} vicino a {P}."),
    ],
    "es": [
        ("T", "{S} se {reunió|reunieron} con {T} en {P} para hablar de la seguridad fronteriza."),
        ("T", "{S} {visitó|visitaron} a {T} para conversar sobre energía y comercio."),
        ("S", "{S} {recibió|recibieron} a {T} en {P} en una visita de Estado de dos días."),
        ("-", "{S} {conversó|conversaron} por teléfono con {T} sobre la crisis regional."),
        ("T", "{S} y {S2} reanudaron las negociaciones en {P} tras meses de bloqueo."),
        ("-", "{S} {elogió|elogiaron} a {T} por su papel en la liberación de los rehenes."),
        ("S", "{S} {firmó|firmaron} un acuerdo comercial con {T} en {P}."),
        ("T", "{S} {envió|enviaron} ayuda humanitaria a {T} mientras en {P} escasean los alimentos."),
        ("-", "{S} {condenó|condenaron} a {T} por la decisión de cerrar la frontera."),
        ("-", "{S} y {S2} criticaron a {T} por los nuevos aranceles."),
        ("T", "{S} {acusó|acusaron} a {T} de haber bombardeado barrios civiles en {P}."),
        ("-", "{S} {rechazó|rechazaron} la propuesta de {T} sobre una nueva frontera marítima."),
        ("-", "{S} {amenazó|amenazaron} a {T} con graves consecuencias."),
        ("S", "Miles de manifestantes marcharon en {P} contra {T}."),
        ("S", "{S} {expulsó|expulsaron} a dos diplomáticos de {T:CTRY} en {P}."),
        ("-", "{S} {impuso|impusieron} nuevas sanciones contra {T} por su programa de misiles."),
        ("-", "{S} {instó|instaron} a {T} a liberar a los periodistas detenidos."),
        ("S", "{S:COP} {detuvo|detuvieron} a {T:GOV} en {P}."),
        ("T", "{S:MIL} {atacó|atacaron} a {T:MIL} cerca de {P}."),
        ("T", "{S:MIL} y {T:MIL} se enfrentaron durante la noche en {P}."),
        ("T", "{S:MIL} {bombardeó|bombardearon} a {T} en las afueras de {P}."),
        ("T", "{S:MIL} {combatió|combatieron} contra {T:MIL} en {P} por tercer día."),
        ("-", "{S} {sancionó|sancionaron} a {T} por violaciones de los derechos humanos."),
        ("-", "{S} {agradeció|agradecieron} a {T} el apoyo recibido."),
        ("-", "{S} {exigió|exigieron} a {T} la retirada de sus tropas de la frontera."),
        ("T", "{S:MIL} {mató|mataron} a dos soldados de {T:CTRY} cerca de {P}."),
    ],
    "fr": [
        ("T", "{S} {a|ont} rencontré {T} à {P} pour discuter de la sécurité des frontières."),
        ("T", "{S} {a|ont} visité {T} pour des entretiens sur l'énergie et le commerce."),
        ("S", "{S} {a|ont} reçu {T} à {P} pour une visite d'État de deux jours."),
        ("-", "{S} {s'est entretenu|se sont entretenus} par téléphone avec {T} de la crise régionale."),
        ("T", "{S} et {S2} ont repris les négociations à {P} après des mois de blocage."),
        ("-", "{S} {a|ont} salué {T} pour son rôle dans la libération des otages."),
        ("S", "{S} {a|ont} signé un accord commercial avec {T} à {P}."),
        ("T", "{S} {a|ont} livré une aide humanitaire à {T} alors que la nourriture manque à {P}."),
        ("-", "{S} {a|ont} condamné {T} pour sa décision de fermer la frontière."),
        ("-", "{S} et {S2} ont critiqué {T} pour les nouveaux droits de douane."),
        ("T", "{S} {a|ont} accusé {T} d'avoir bombardé des quartiers civils à {P}."),
        ("-", "{S} {a|ont} rejeté la proposition de {T} sur une nouvelle frontière maritime."),
        ("-", "{S} {a|ont} menacé {T} de graves conséquences."),
        ("S", "À {P}, des milliers de manifestants ont protesté contre {T}."),
        ("S", "{S} {a|ont} expulsé deux diplomates de {T:CTRY} de {P}."),
        ("-", "{S} {a|ont} imposé de nouvelles sanctions contre {T} pour son programme de missiles."),
        ("-", "{S} {a|ont} exhorté {T} à libérer les journalistes détenus."),
        ("S", "{S:COP} {a|ont} arrêté {T:GOV} à {P}."),
        ("T", "{S:MIL} {a|ont} attaqué {T:MIL} près de {P}."),
        ("T", "{S:MIL} et {T:MIL} se sont affrontés dans la nuit à {P}."),
        ("T", "{S:MIL} {a|ont} bombardé {T} dans la banlieue de {P}."),
        ("T", "{S:MIL} {a|ont} combattu contre {T:MIL} à {P} pour le troisième jour."),
        ("-", "{S} {a|ont} sanctionné {T} pour des violations des droits de l'homme."),
        ("-", "{S} {a|ont} remercié {T} pour son soutien."),
        ("-", "{S} {a|ont} exigé que {T} retire ses troupes de la frontière."),
        ("T", "{S:MIL} {a|ont} tué deux soldats de {T:CTRY} près de {P}."),
    ],
    "de": [
        ("T", "{S} {traf|trafen} sich in {P} mit {T:dat}, um über die Grenzsicherheit zu sprechen."),
        ("T", "{S} {besuchte|besuchten} {T:acc} zu Gesprächen über Energie und Handel."),
        ("S", "{S} {empfing|empfingen} {T:acc} in {P} zu einem zweitägigen Staatsbesuch."),
        ("-", "{S} {telefonierte|telefonierten} mit {T:dat} über die regionale Krise."),
        ("T", "{S} und {S2} nahmen in {P} nach monatelangem Stillstand die Verhandlungen wieder auf."),
        ("-", "{S} {lobte|lobten} {T:acc} für die Rolle bei der Freilassung der Geiseln."),
        ("S", "{S} {unterzeichnete|unterzeichneten} in {P} ein Handelsabkommen mit {T:dat}."),
        ("T", "{S} {schickte|schickten} humanitäre Hilfe an {T:acc}, während in {P} Lebensmittel fehlen."),
        ("-", "{S} {verurteilte|verurteilten} {T:acc} wegen der Schließung der Grenze."),
        ("-", "{S} und {S2} kritisierten {T:acc} wegen der neuen Zölle."),
        ("T", "{S} {beschuldigte|beschuldigten} {T:acc}, Wohnviertel in {P} bombardiert zu haben."),
        ("-", "{S} {lehnte|lehnten} den Vorschlag {T:gen} für eine neue Seegrenze ab."),
        ("-", "{S} {drohte|drohten} {T:dat} mit schweren Konsequenzen."),
        ("S", "In {P} protestierten Tausende Demonstranten gegen {T:acc}."),
        ("S", "{S} {wies|wiesen} in {P} zwei Diplomaten {T:CTRY:gen} aus."),
        ("-", "{S} {verhängte|verhängten} neue Sanktionen gegen {T:acc} wegen des Raketenprogramms."),
        ("-", "{S} {forderte|forderten} {T:acc} auf, die inhaftierten Journalisten freizulassen."),
        ("S", "{S:COP} {nahm|nahmen} in {P} {T:GOV:acc} fest."),
        ("T", "{S:MIL} {griff|griffen} {T:MIL:acc} in der Nähe von {P} an."),
        ("T", "{S:MIL} {lieferte|lieferten} sich in der Nacht bei {P} Gefechte mit {T:MIL:dat}."),
        ("T", "{S:MIL} {bombardierte|bombardierten} Stellungen in {P}, teilte {T} mit."),
        ("T", "{S:MIL} {kämpfte|kämpften} in {P} den dritten Tag gegen {T:MIL:acc}."),
        ("-", "{S} {sanktionierte|sanktionierten} {T:acc} wegen Menschenrechtsverletzungen."),
        ("-", "{S} {dankte|dankten} {T:dat} für die Unterstützung."),
        ("-", "{S} {forderte|forderten} von {T:dat} den Abzug der Truppen von der Grenze."),
        ("T", "{S:MIL} {tötete|töteten} bei {P} zwei Soldaten {T:CTRY:gen}."),
    ],
}

# Sentences with no event: markets, weather, sport, culture.
FILLER = {
    "en": ["Markets closed slightly higher after a quiet session.",
           "Temperatures are expected to drop sharply later in the week.",
           "Fuel prices rose for the third consecutive month.",
           "Heavy rain disrupted rail traffic across the north.",
           "The museum reopened after a two-year renovation.",
           "Analysts expect growth to slow next year.",
           "Tourism figures returned to their pre-pandemic levels.",
           "The harvest was better than forecast in most regions."],
    "it": ["I mercati hanno chiuso in leggero rialzo dopo una seduta tranquilla.",
           "Le temperature scenderanno bruscamente nella seconda parte della settimana.",
           "Il prezzo del carburante è salito per il terzo mese consecutivo.",
           "La pioggia intensa ha rallentato la circolazione dei treni al nord.",
           "Il museo ha riaperto dopo due anni di restauri.",
           "Gli analisti prevedono una crescita più lenta il prossimo anno.",
           "Il turismo è tornato ai livelli di prima della pandemia.",
           "La vendemmia è stata migliore delle previsioni in quasi tutte le regioni."],
    "es": ["Los mercados cerraron con ligeras subidas tras una sesión tranquila.",
           "Se espera que las temperaturas bajen con fuerza a finales de semana.",
           "El precio del combustible subió por tercer mes consecutivo.",
           "Las lluvias intensas retrasaron los trenes en el norte.",
           "El museo reabrió sus puertas tras dos años de obras.",
           "Los analistas prevén un crecimiento más lento el año próximo.",
           "El turismo volvió a los niveles anteriores a la pandemia.",
           "La cosecha fue mejor de lo previsto en casi todas las regiones."],
    "fr": ["Les marchés ont clôturé en légère hausse après une séance calme.",
           "Les températures devraient chuter nettement en fin de semaine.",
           "Le prix du carburant a augmenté pour le troisième mois consécutif.",
           "De fortes pluies ont perturbé la circulation des trains dans le nord.",
           "Le musée a rouvert ses portes après deux ans de travaux.",
           "Les analystes prévoient une croissance plus lente l'an prochain.",
           "Le tourisme a retrouvé son niveau d'avant la pandémie.",
           "La récolte a été meilleure que prévu dans la plupart des régions."],
    "de": ["Die Börsen schlossen nach einem ruhigen Handelstag leicht im Plus.",
           "Gegen Ende der Woche sollen die Temperaturen deutlich sinken.",
           "Der Benzinpreis stieg den dritten Monat in Folge.",
           "Starker Regen brachte den Bahnverkehr im Norden durcheinander.",
           "Das Museum öffnete nach zweijähriger Renovierung wieder.",
           "Ökonomen erwarten für das kommende Jahr ein schwächeres Wachstum.",
           "Der Tourismus erreichte wieder das Niveau vor der Pandemie.",
           "Die Ernte fiel in den meisten Regionen besser aus als erwartet."],
}

AND = {"en": "and", "it": "e", "es": "y", "fr": "et", "de": "und"}

# Contractions of a preposition with the article that starts an actor's name.
CONTRACTIONS = {
    "it": [(r"\bdi il ", "del "), (r"\bdi lo ", "dello "), (r"\bdi la ", "della "), (r"\bdi l'", "dell'"),
           (r"\bdi i ", "dei "), (r"\bdi gli ", "degli "), (r"\bdi le ", "delle "),
           (r"\ba il ", "al "), (r"\ba lo ", "allo "), (r"\ba la ", "alla "), (r"\ba l'", "all'"),
           (r"\ba i ", "ai "), (r"\ba gli ", "agli "), (r"\ba le ", "alle "),
           (r"\bda il ", "dal "), (r"\bda la ", "dalla "), (r"\bda l'", "dall'"),
           (r"\btra il ", "tra il "), (r"\bcontro l'", "contro l'")],
    "es": [(r"\ba el ", "al "), (r"\bde el ", "del ")],
    "fr": [(r"\bà le ", "au "), (r"\bà les ", "aux "), (r"\bde le ", "du "), (r"\bde les ", "des "),
           (r"\bde l'", "de l'")],
    "en": [], "de": [],
}

SLOT = re.compile(r"\{([^{}]+)\}")
ROLES = ("CTRY", "GOV", "MIL", "COP")


def german_genitive(actor):
    """"des Vorschlags Russlands": the genitive of a German actor phrase, approximated."""
    nom = actor.form("nom")
    if nom.startswith("die ") and actor.plural:
        return "der " + nom[4:]
    if nom.startswith("die "):
        return actor.form("dat")
    if nom.startswith("der "):
        return "des " + nom[4:] + "s"
    return "von " + nom


def fill(rng, lex, lang, place_from, template):
    """One sentence from a template with random actors and a place."""
    s_code = lex.pick_country(rng)
    t_code = lex.pick_country(rng, exclude=s_code)
    s2_code = lex.pick_country(rng, exclude=t_code)
    chosen = {}

    def actor(name, role):
        key = (name, role)
        if key not in chosen:
            code = {"S": s_code, "T": t_code, "S2": s2_code}[name]
            chosen[key] = lex.actor(rng, lang, code, role)
        return chosen[key]

    subject = actor("S", template_role(template, "S"))
    plural = subject.plural or "{S2}" in template
    place = lex.place(rng, lang, s_code if place_from == "S" else t_code)

    def sub(m):
        parts = m.group(1).split(":")
        if parts[0] == "P":
            return place
        if parts[0] in ("S", "T", "S2"):
            role = next((p for p in parts[1:] if p in ROLES), "any")
            case = next((p for p in parts[1:] if p in ("nom", "acc", "dat", "gen")), "nom")
            a = subject if parts[0] == "S" and role == template_role(template, "S") else actor(parts[0], role)
            if case == "gen":
                return a.forms.get("gen") or german_genitive(a)
            return a.form(case)
        forms = m.group(1).split("|")
        return forms[1] if plural and len(forms) > 1 else forms[0]

    text = SLOT.sub(sub, template)
    for pat, rep in CONTRACTIONS[lang]:
        text = re.sub(pat, rep, text)
    return text[0].upper() + text[1:]


def template_role(template, name):
    m = re.search(r"\{" + name + r"(:(CTRY|GOV|MIL|COP))?[:}]", template)
    return m.group(2) if m and m.group(2) else "any"


# ---------------------------------------------------------------------------------------------
# Documents.


def stories(rng, lex, docs):
    """Yields documents until `docs` have been written."""
    written = 0
    story = 0
    while written < docs:
        lang = LANGS[story % len(LANGS)] if story < len(LANGS) else rng.choice(LANGS)
        date = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))
        n = rng.randint(5, 15)
        sentences = []
        for _ in range(n):
            if rng.random() < 0.12:
                sentences.append(rng.choice(FILLER[lang]))
            else:
                place_from, template = rng.choice(TEMPLATES[lang])
                sentences.append(fill(rng, lex, lang, place_from, template))
        copies = 1 if rng.random() < 0.75 else rng.randint(2, 4)
        outlets = rng.sample(OUTLETS[lang], copies)
        for k, outlet in enumerate(outlets):
            if written >= docs:
                break
            body = list(sentences)
            if k > 0 and len(body) > 5:
                del body[rng.randrange(1, len(body))]  # another outlet's edit
            title = " ".join(body[0].rstrip(".").split()[:9])
            yield {
                "id": f"{outlet}-{story:07d}",
                "date": date.isoformat(),
                "lang": lang,
                "url": f"https://{outlet}.example/{date:%Y/%m/%d}/{story:07d}",
                "title": title,
                "text": " ".join(body),
            }
            written += 1
        story += 1


def template_check(lex, seed):
    """One document per template and language, for `dyad code`: which templates code events."""
    rng = random.Random(seed)
    for lang in LANGS:
        for i, (place_from, template) in enumerate(TEMPLATES[lang]):
            text = " ".join(fill(rng, lex, lang, place_from, template) for _ in range(10))
            yield {"id": f"tpl-{lang}-{i:02d}", "date": "2024-03-15", "lang": lang, "text": text}
        yield {"id": f"tpl-{lang}-filler", "date": "2024-03-15", "lang": lang,
               "text": " ".join(FILLER[lang])}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=1000, help="number of documents (default 1000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--templates", action="store_true",
                    help="print ten fillings of each template, one document per template")
    args = ap.parse_args()
    if args.docs < 0:
        ap.error("--docs must be >= 0")
    lex = Lexicon()
    rng = random.Random(args.seed)
    docs = template_check(lex, args.seed) if args.templates else stories(rng, lex, args.docs)
    out = sys.stdout
    try:
        for d in docs:
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
        out.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":
    main()
