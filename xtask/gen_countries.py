#!/usr/bin/env python3
"""Check data/actors/countries.txt against ISO 3166-1 and CLDR, and generate the names it lacks.

Regenerate (from the repository root):

    apt-get install iso-codes
    (mkdir -p /tmp/cldr && cd /tmp/cldr && npm install cldr-localenames-full@48.2.0)
    python3 xtask/gen_countries.py --cldr /tmp/cldr/node_modules/cldr-localenames-full

Sources:
- ISO 3166-1 from the Debian package `iso-codes`: the code list with English names
  (/usr/share/iso-codes/json/iso_3166-1.json) and their translations
  (/usr/share/locale/LANG/LC_MESSAGES/iso_3166-1.mo) for it, es, fr and de;
- CLDR territory names from the npm package `cldr-localenames-full`
  (main/LANG/territories.json), with their `-alt-short` and `-alt-variant` forms.

The hand-curated file data/actors/countries.txt stays the reference: it has the short
forms, historical names, adjectives in every inflection and the metonyms. This script
never edits it. It writes:

- data/actors/iso-countries.txt: for each ISO code (and KSV Kosovo), the ISO and CLDR
  names in it, en, es, fr and de that the hand-curated file lacks (compared once case,
  diacritics and apostrophes are folded), as `name.LANG:` lines. A name is left out when
  it names another country in either file, when two codes share it, when it is in EXCLUDE
  (forms the hand-curated file leaves out on purpose: see its block notes), or when it is
  not usable as a phrase (commas, or a generic word in parentheses);
- crates/lexicon/tests/data/country-names.tsv: one row per code with one name per language
  that the tests crates/lexicon/tests/countries.rs and crates/coder/tests/countries.rs check
  resolves to that code (the first usable CLDR name, else the ISO name, else the first
  hand-curated name; names without a dotted abbreviation first);

and reports to stderr every ISO code the hand-curated file lacks and every language in
which a code has no hand-curated name. Output is deterministic for given package versions.
"""

import argparse
import gettext
import json
import os
import re
import sys
import unicodedata

LANGS = ("it", "en", "es", "fr", "de")
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, os.pardir))
HAND = os.path.join(ROOT, "data", "actors", "countries.txt")
OUT = os.path.join(ROOT, "data", "actors", "iso-countries.txt")
TEST_OUT = os.path.join(ROOT, "crates", "lexicon", "tests", "data", "country-names.tsv")

# Codes outside ISO 3166-1 that dyad uses (KSV: CAMEO's code for Kosovo), with the CLDR
# territory that names them.
EXTRA = {"KSV": "XK"}

# Forms the hand-curated file leaves out on purpose (see the notes in its blocks), and
# registry names that are mostly common words (Italian `Riunione`, Spanish `Reunión`:
# "meeting"): a generated table must not bring them in. (language, name).
EXCLUDE = {
    ("it", "Monaco"), ("it", "Jersey"), ("en", "Jersey"), ("es", "Jersey"), ("fr", "Jersey"),
    ("de", "Jersey"), ("it", "Riunione"), ("es", "Reunión"), ("es", "Santa Elena"), ("es", "Guadalupe"), ("es", "Granada"),
    ("fr", "Grenade"), ("it", "Santa Lucia"), ("es", "Santa Lucía"), ("es", "San Martín"),
    ("es", "Montserrat"), ("it", "Maurizio"), ("es", "Mauricio"), ("fr", "Maurice"),
    ("fr", "Hollande"), ("es", "San Juan"), ("es", "América"), ("es", "Salvador"),
    ("it", "Salvador"), ("fr", "Salvador"), ("de", "Salvador"), ("en", "Salvador"),
}

# Words that a CLDR name puts in parentheses and that are no name on their own.
GENERIC = {
    "repubblica", "republic", "republica", "republik", "republique", "keeling", "china",
    "demokratische republik", "partie neerlandaise", "partie francaise", "french part",
    "dutch part", "franzosischer teil", "niederlandischer teil",
}


def fold(name):
    """Comparison key close to dyad's normalisation."""
    s = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("ß", "ss").casefold()
    s = re.sub(r"\s*-\s*", "-", s)
    return " ".join(s.split())


def tidy(name):
    return " ".join(unicodedata.normalize("NFC", name.replace("\u2019", "'")).split())


def variants(name, lang):
    """Usable phrases from one registry name: `X (Y)` gives X and Y; `&` is also spelled out."""
    # CLDR writes `Congo - Kinshasa`; the press writes `Congo-Kinshasa`.
    name = tidy(name).replace(" - ", "-")
    if "," in name or not name:
        return []
    out = []
    m = re.fullmatch(r"(.+?) \((.+)\)", name)
    if m:
        out.append(m.group(1))
        inner = m.group(2)
        if fold(inner) not in GENERIC and inner[:1].isupper():
            out.append(inner)
    elif "(" in name or ")" in name:
        return []
    else:
        out.append(name)
    more = []
    for n in out:
        if " & " in n:
            word = {"it": "e", "en": "and", "es": "y", "fr": "et", "de": "und"}[lang]
            more.append(n.replace(" & ", " %s " % word))
        if n.startswith("St. "):
            more.append("Saint " + n[4:])
    return [n for n in out + more if (lang, n) not in EXCLUDE]


def covers(known, name):
    """Whether the phrase `known` already matches `name` in dyad: the same words once folded,
    and no word capitalised in `known` that is lower case in `name` (dyad's case rule)."""
    if fold(known) != fold(name):
        return False
    a, b = known.split(), name.split()
    if len(a) != len(b):
        return True
    return all(not x[:1].isupper() or y[:1].isupper() for x, y in zip(a, b))


def read_hand(path):
    """code -> {lang: [names]}, and folded phrase -> set of codes (every kind)."""
    names, owners = {}, {}
    code = None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            if not line[0].isspace():
                code = line.strip()
                names.setdefault(code, {})
                continue
            key, _, value = line.strip().partition(":")
            kind, _, lang = key.partition(".")
            langs = LANGS if lang in ("", "*") else (lang,)
            for phrase in value.split("|"):
                phrase = phrase.strip()
                if not phrase:
                    continue
                owners.setdefault(fold(phrase), set()).add(code)
                if kind == "name":
                    for l in langs:
                        names[code].setdefault(l, []).append(phrase)
    return names, owners


def registry_names(cldr_dir):
    """alpha-3 -> {lang: [names in preference order]} from CLDR and iso-codes."""
    with open("/usr/share/iso-codes/json/iso_3166-1.json", encoding="utf-8") as f:
        iso = json.load(f)["3166-1"]
    alpha2 = {c["alpha_3"]: c["alpha_2"] for c in iso}
    alpha2.update(EXTRA)
    cldr = {}
    for lang in LANGS:
        path = os.path.join(cldr_dir, "main", lang, "territories.json")
        with open(path, encoding="utf-8") as f:
            cldr[lang] = json.load(f)["main"][lang]["localeDisplayNames"]["territories"]
    translations = {}
    for lang in LANGS:
        if lang == "en":
            continue
        path = "/usr/share/locale/%s/LC_MESSAGES/iso_3166-1.mo" % lang
        with open(path, "rb") as f:
            translations[lang] = gettext.GNUTranslations(f)
    out = {}
    for code, a2 in sorted(alpha2.items()):
        entry = next((c for c in iso if c["alpha_3"] == code), {})
        english = [entry.get(k) for k in ("common_name", "name", "official_name") if entry.get(k)]
        for lang in LANGS:
            found = []
            for key in (a2, a2 + "-alt-short", a2 + "-alt-variant"):
                if key in cldr[lang]:
                    found.append(cldr[lang][key])
            for e in english:
                found.append(e if lang == "en" else translations[lang].gettext(e))
            out.setdefault(code, {})[lang] = found
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cldr", required=True, help="path to node_modules/cldr-localenames-full")
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--test-out", default=TEST_OUT)
    args = ap.parse_args(argv)

    hand, owners = read_hand(HAND)
    registry = registry_names(args.cldr)

    missing_codes = sorted(set(registry) - set(hand))
    for code in missing_codes:
        print("countries.txt lacks %s" % code, file=sys.stderr)
    for code in sorted(hand):
        for lang in LANGS:
            if not hand[code].get(lang):
                print("countries.txt: %s has no name.%s" % (code, lang), file=sys.stderr)

    # Candidate phrases per code and language, and who claims each folded phrase.
    candidates = {}
    claims = {}
    for code, per_lang in registry.items():
        for lang, names in per_lang.items():
            for raw in names:
                for n in variants(raw, lang):
                    candidates.setdefault((code, lang), []).append(n)
                    claims.setdefault(fold(n), set()).add(code)

    def usable(code, phrase):
        key = fold(phrase)
        others = (owners.get(key, set()) | claims.get(key, set())) - {code}
        return not others

    blocks = []
    added = 0
    test_rows = []
    for code in sorted(registry):
        lines = []
        row = [code]
        for lang in LANGS:
            known = list(hand.get(code, {}).get(lang, []))
            new = []
            for n in candidates.get((code, lang), []):
                if any(covers(k, n) for k in known) or not usable(code, n):
                    continue
                known.append(n)
                new.append(n)
            if new:
                lines.append("  name.%s: %s" % (lang, " | ".join(new)))
                added += len(new)
            # Names with a dotted abbreviation (`St. Lucia`, `EE. UU.`) are checked only when
            # there is no other: they depend on the sentence splitter knowing the abbreviation.
            pool = [n for n in candidates.get((code, lang), []) if usable(code, n)]
            pool += hand.get(code, {}).get(lang, [])
            checked = next((n for n in pool if "." not in n), None) or next(iter(pool), None)
            row.append(checked or "")
        if lines:
            blocks.append("%s\n%s\n" % (code, "\n".join(lines)))
        test_rows.append("\t".join(row))

    header = (
        "# Generated by xtask/gen_countries.py: do not edit by hand (edit countries.txt).\n"
        "# ISO 3166-1 names (Debian iso-codes) and CLDR territory names\n"
        "# (npm cldr-localenames-full, Unicode licence) that countries.txt lacks, in the\n"
        "# format of countries.txt. Sources and licences: data/SOURCES.md.\n\n"
    )
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(header + "\n".join(blocks))
    os.makedirs(os.path.dirname(args.test_out), exist_ok=True)
    with open(args.test_out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Generated by xtask/gen_countries.py: one name per language that must\n")
        f.write("# resolve to the code. code, it, en, es, fr, de (tab-separated).\n")
        f.write("\n".join(test_rows) + "\n")
    print("wrote %s: %d names for %d codes; %s: %d codes" % (
        args.out, added, len(blocks), args.test_out, len(test_rows)), file=sys.stderr)
    return 1 if missing_codes else 0


if __name__ == "__main__":
    sys.exit(main())
