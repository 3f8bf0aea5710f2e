#!/usr/bin/env python3
"""Check the actor lexicons (countries, groups, people) for structural and coding problems.

Usage: python3 scripts/check_actor_yaml.py [LEXICON_DIR]

LEXICON_DIR defaults to eventcoder/lexicons/en/actors next to this script's repository.
Prints every problem found and exits 1 if there are any; notes (forms shared between
files, which the coder must resolve by precedence) are printed but do not fail the check.
"""
import datetime
import re
import sys
import unicodedata
from itertools import combinations
from pathlib import Path

import yaml

EXPECTED_COUNTRIES = 197  # 193 UN members + Palestine, Holy See, Kosovo, Taiwan
ACTOR_TYPES = {
    "state_forces", "rebel_group", "political_militia", "identity_militia",
    "rioters", "protesters", "civilians", "external_other",
}
ORGANS = {"government", "military"}
ISO3 = re.compile(r"^[A-Z]{3}$")
ISO2 = re.compile(r"^[A-Z]{2}$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
GROUP_ID = re.compile(r"^[a-z][a-z0-9_]*$")
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "`": "'",
                        "\u201c": '"', "\u201d": '"'})

problems: list[str] = []
notes: list[str] = []


def fold(text):
    """Case-insensitive, accent- and quote-folded form used for collision checks."""
    text = unicodedata.normalize("NFKD", text.translate(QUOTES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())


def load(path, key):
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    # PyYAML raises ValueError, not YAMLError, for impossible dates such as 2019-13-29.
    except (OSError, yaml.YAMLError, ValueError) as exc:
        problems.append(f"{path.name}: cannot load: {exc}")
        return []
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        problems.append(f"{path.name}: top-level key '{key}' must hold a list")
        return []
    return data[key]


def check_keys(where, entry, required, optional):
    if not isinstance(entry, dict):
        problems.append(f"{where}: entry is not a mapping")
        return False
    for k in required:
        if k not in entry:
            problems.append(f"{where}: missing key '{k}'")
    for k in entry:
        if k not in required and k not in optional:
            problems.append(f"{where}: unknown key '{k}'")
    return all(k in entry for k in required)


def check_str(where, key, value):
    if not isinstance(value, str) or not value.strip():
        problems.append(f"{where}: '{key}' must be a non-empty string, got {value!r}")
        return False
    return True


def check_list(where, key, value, min_len=0):
    if not isinstance(value, list):
        problems.append(f"{where}: '{key}' must be a list, got {value!r}")
        return []
    if len(value) < min_len:
        problems.append(f"{where}: '{key}' needs at least {min_len} item(s)")
    good = []
    for item in value:
        if check_str(where, key, item):
            good.append(item)
    return good


def parse_date(where, key, value):
    """Accept a YAML date (unquoted YYYY-MM-DD) or a string in that form."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime) or not isinstance(value, (datetime.date, str)):
        problems.append(f"{where}: '{key}' must be a YYYY-MM-DD date, got {value!r}")
        return None
    if isinstance(value, datetime.date):
        return value
    if not DATE.match(value):
        problems.append(f"{where}: '{key}' must be YYYY-MM-DD, got {value!r}")
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        problems.append(f"{where}: '{key}' is not a valid date: {value!r}")
        return None


def period(where, entry):
    start = parse_date(where, "valid_from", entry.get("valid_from"))
    end = parse_date(where, "valid_to", entry.get("valid_to"))
    if start and end and start > end:
        problems.append(f"{where}: valid_from {start} is after valid_to {end}")
    return (start or datetime.date.min, end or datetime.date.max)


def overlaps(a, b):
    return a[0] <= b[1] and b[0] <= a[1]


def check_country_codes(where, iso3, iso2, codes, seen_iso2):
    if not isinstance(iso3, str) or not ISO3.match(iso3):
        problems.append(f"{where}: iso3 must be three upper-case letters, got {iso3!r}")
    elif iso3 in codes:
        problems.append(f"{where}: duplicate iso3")
    codes.add(iso3)
    # A bare NO (Norway) loads as False under YAML 1.1: this catches unquoted iso2.
    if not isinstance(iso2, str) or not ISO2.match(iso2):
        problems.append(f"{where}: iso2 must be a quoted two-letter code, got {iso2!r}")
    elif iso2 in seen_iso2:
        problems.append(f"{where}: iso2 {iso2} also used by {seen_iso2[iso2]}")
    else:
        seen_iso2[iso2] = iso3


def check_countries(countries):
    codes = set()
    forms = {}  # folded form -> (iso3, original)
    seen_iso2 = {}
    for i, c in enumerate(countries):
        where = f"countries.yaml[{i}]"
        if not check_keys(where, c, ("iso3", "iso2", "name", "aliases", "adjectives",
                                     "capitals"), ()):
            continue
        iso3 = c["iso3"]
        where = f"countries.yaml {iso3}"
        check_country_codes(where, iso3, c["iso2"], codes, seen_iso2)
        surface = []
        if check_str(where, "name", c["name"]):
            surface.append(c["name"])
        surface += check_list(where, "aliases", c["aliases"])
        surface += check_list(where, "adjectives", c["adjectives"], min_len=1)
        surface += check_list(where, "capitals", c["capitals"], min_len=1)
        for form in surface:
            key = fold(form)
            other = forms.get(key)
            if other and other[0] != iso3:
                problems.append(f"countries.yaml: '{form}' ({iso3}) collides with "
                                f"'{other[1]}' ({other[0]})")
            else:
                forms.setdefault(key, (iso3, form))
    if len(countries) != EXPECTED_COUNTRIES:
        problems.append(f"countries.yaml: {len(countries)} entries, expected {EXPECTED_COUNTRIES}")
    return codes, forms


def check_code(where, key, value, codes):
    if not isinstance(value, str) or not ISO3.match(value):
        problems.append(f"{where}: '{key}' must be an ISO alpha-3 code, got {value!r}")
    elif value not in codes:
        problems.append(f"{where}: '{key}' {value} is not in countries.yaml")


def check_overlapping_forms(fname, entries):
    """entries: list of (label, period, [surface forms]). Flags a form shared by two
    entries whose validity periods overlap."""
    for (la, pa, fa), (lb, pb, fb) in combinations(entries, 2):
        shared = {fold(x) for x in fa} & {fold(x) for x in fb}
        if shared and overlaps(pa, pb):
            problems.append(f"{fname}: {la} and {lb} share {sorted(shared)} with overlapping "
                            "validity")


def check_groups(groups, codes):
    ids = set()
    entries = []
    for i, g in enumerate(groups):
        where = f"groups.yaml[{i}]"
        if not check_keys(where, g, ("id", "name", "aliases", "actor_type", "country"),
                          ("adjectives", "valid_from", "valid_to", "state")):
            continue
        gid = g["id"]
        where = f"groups.yaml {gid}"
        if not isinstance(gid, str) or not GROUP_ID.match(gid):
            problems.append(f"{where}: id must be lower_snake_case")
        elif gid in ids:
            problems.append(f"{where}: duplicate id")
        ids.add(gid)
        surface = []
        if check_str(where, "name", g["name"]):
            surface.append(g["name"])
        surface += check_list(where, "aliases", g["aliases"])
        if "adjectives" in g:
            surface += check_list(where, "adjectives", g["adjectives"], min_len=1)
        if g["actor_type"] not in ACTOR_TYPES:
            problems.append(f"{where}: actor_type {g['actor_type']!r} is not one of "
                            f"{sorted(ACTOR_TYPES)}")
        check_code(where, "country", g["country"], codes)
        if "state" in g:
            check_code(where, "state", g["state"], codes)
            if g["actor_type"] != "state_forces":
                problems.append(f"{where}: has 'state' but actor_type is {g['actor_type']}")
        entries.append((gid, period(where, g), surface))
    check_overlapping_forms("groups.yaml", entries)
    return entries


def check_people(people, codes):
    entries = []
    for i, p in enumerate(people):
        where = f"people.yaml[{i}]"
        if not check_keys(where, p, ("name", "aliases", "country", "office", "organ", "valid_from"),
                          ("valid_to",)):
            continue
        where = f"people.yaml {p['name']} ({p.get('office')}, from {p.get('valid_from')})"
        surface = []
        if check_str(where, "name", p["name"]):
            surface.append(p["name"])
        surface += check_list(where, "aliases", p["aliases"])
        check_str(where, "office", p["office"])
        if p["organ"] not in ORGANS:
            problems.append(f"{where}: organ must be one of {sorted(ORGANS)}, got {p['organ']!r}")
        check_code(where, "country", p["country"], codes)
        entries.append((where.removeprefix("people.yaml "), period(where, p), surface))
    check_overlapping_forms("people.yaml", entries)
    return entries


def cross_file_notes(country_forms, group_entries, people_entries):
    for label, _, forms in group_entries:
        for f in forms:
            hit = country_forms.get(fold(f))
            if hit:
                notes.append(f"'{f}' is both group {label} and country {hit[0]}")
    for label, _, forms in people_entries:
        for f in forms:
            hit = country_forms.get(fold(f))
            if hit:
                notes.append(f"'{f}' is both person {label} and country {hit[0]}")


def main():
    root = Path(__file__).resolve().parents[1]
    base = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "eventcoder/lexicons/en/actors"
    countries = load(base / "countries.yaml", "countries")
    groups = load(base / "groups.yaml", "groups")
    people = load(base / "people.yaml", "people")
    codes, country_forms = check_countries(countries)
    group_entries = check_groups(groups, codes)
    people_entries = check_people(people, codes)
    cross_file_notes(country_forms, group_entries, people_entries)

    for n in notes:
        print(f"note: {n}")
    for p in problems:
        print(f"PROBLEM: {p}")
    print(f"{len(countries)} countries, {len(groups)} groups, {len(people)} people; "
          f"{len(problems)} problem(s), {len(notes)} note(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
