"""Places: the towns, villages, districts and provinces of the place index (`geoindex`, built
from GeoNames through installed packages), with the lexicon on top: its countries, its
admin1 names (admin1.tsv: the names news and ACLED use, "Kunar" not "Konar") and its
curated places (crossings, borders, former agencies, names the data lacks).

Geo precision follows ACLED: 1 a town or village, 2 near a town or a district only, 3 a
province or country only. A unit is placed at its most populous town, standing in for the
seat ACLED uses.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import os
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..text import Folder
from .geoindex import NameKeys, PlaceIndex, PlaceRow, joined, open_index, skeleton
from .geosources import fixture_rows
from .language import Language
from .model import Country, Place

if TYPE_CHECKING:  # the model imports the lexicon's records
    from ..model.places import Location

log = logging.getLogger(__name__)

# A town this large is recognised without "in"/"near" before it; smaller ones need one,
# because many small towns share their names with English words ("Of", "Police", "Mobile").
MAJOR_POPULATION = 1_000_000
ALTERNATE_NAMES_POPULATION = 100_000
# When names collide: curated places first, then the country, a town, a district, and a
# province last ("Kabul" is the city unless the text says "Kabul province").
_KIND_RANK = {"country": 1, "town": 2, "admin2": 3, "admin1": 4}
_PRECISION = {"town": 1, "admin2": 2, "admin1": 3}
_UNIT_KINDS = frozenset({"admin1", "admin2", "province", "district", "region"})
# Kinds of record that are regions ("Kandahar province" is not the town).
REGIONAL_KINDS = frozenset({"admin1", "province", "region"})
# Names looked up and kept per Gazetteer (a bounded memo: news repeats its places).
_MEMO_SIZE = 50_000


@dataclass(frozen=True, slots=True)
class PlaceRecord:
    name: str
    admin1: str | None
    country: str
    iso3: str
    latitude: float
    longitude: float
    precision: int
    kind: str
    population: int = 0
    border_iso3: str | None = None
    major: bool = False
    admin2: str | None = None
    admin3: str | None = None
    ascii_name: str | None = None  # the name in ASCII letters
    alternate: bool = False  # found under an alternate name, not its own
    curated: bool = False  # the lexicon's own: a country, an admin1 name, a curated place

    def within(self, other: PlaceRecord) -> bool:
        """Is this place inside `other` (a country, province or district; or the same
        district as a town `other`)?"""
        if self.iso3 != other.iso3 or self is other:
            return self.iso3 == other.iso3 and other.kind == "country"
        if other.kind == "country":
            return True
        if other.kind in {"admin1", "province"}:
            return self.admin1 is not None and self.admin1 == other.admin1
        if other.kind in {"admin2", "district"}:
            return self.admin2 is not None and self.admin2 == other.admin2 or (
                self.admin2 is None and self.admin1 == other.admin1 and self.kind != "admin1")
        return other.admin2 is not None and self.admin2 == other.admin2


class NamePlaces(list[PlaceRecord]):
    """The places of one name, best first (`Gazetteer.candidates`), with what is read off all
    of them once per name rather than at every mention: news names the same places over and
    over, and some names have dozens of places ("La Paz": 43). `weak`: indexes of the places
    found under an alternate name only; `major`: is any a major town; `regional`: the
    provinces and regions among them, as their own `NamePlaces` (made when first asked);
    `choice`: a slot for the place choice's own reading of the name (`resolve.places`).
    (`rules.places.name_facts` is the plain reading each is held to.)"""

    __slots__ = ("weak", "major", "_regional", "choice")

    def __init__(self, records: Iterable[PlaceRecord] = ()) -> None:
        super().__init__(records)
        self.weak = frozenset(i for i, r in enumerate(self) if r.alternate)
        self.major = any(r.major for r in self)
        self._regional: NamePlaces | None = None
        self.choice: object = None

    def regional(self) -> NamePlaces:
        """The provinces and regions of the name ("Kandahar province"), or all its places
        when none is."""
        if self._regional is None:
            self._regional = NamePlaces(r for r in self if r.kind in REGIONAL_KINDS) or self
        return self._regional


class Gazetteer:
    """Folded place name -> candidate places, best first (the lexicon's first)."""

    def __init__(self, countries: list[Country], places: list[Place], admin1_files: list[Path],
                 min_population: int = 5000, language: Language | None = None,
                 index: PlaceIndex | None = None) -> None:
        self.folder = Folder()
        words = (language or Language()).places
        # Town names that are also common words ("in March" is not a place), and the first
        # words of names that are no town's own ("The Valley").
        self._stop_names = frozenset(self.folder.fold(w).strip() for w in words.stop_names)
        self._leading = tuple(self.folder.fold(w).strip() + " " for w in words.leading_words)
        self.district_words = frozenset(self.folder.fold(w).strip() for w in words.district_words)
        self.holder_words = frozenset(self.folder.fold(w).strip() for w in words.holder_words)
        dropped = "|".join(re.escape(w.strip()) for w in words.admin2_unit_words
                           if w.strip()) or "(?!)"
        self._admin2_units = re.compile(rf"^(?:(?:{dropped})\s+)+|(?:\s+(?:{dropped}))+$",
                                        re.IGNORECASE)
        self._part_words = tuple(self.folder.fold(w).strip() + " " for w in words.part_words)
        self.institution_words = frozenset(tuple(self.folder.fold(w).split())
                                           for w in words.institution_words if w.strip())
        self.index = index or _open(self.folder, words.unit_words)
        self._unit_keys = NameKeys(self.folder.fold, words.unit_words)
        # (iso3, district without unit words) -> (admin1, admin2 or None) of former units
        self._former = {(iso3, self._unit_keys.bare(d)): _units_of(units)
                        for iso3, table in words.former_units.items()
                        for units, districts in table.items() for d in districts}
        self._former_provinces = {(iso3, self._unit_keys.bare(today)): former
                                  for iso3, table in words.former_provinces.items()
                                  for today, former in table.items()}
        self._former_until = {iso3: dt.date.fromisoformat(day)
                              for iso3, day in words.former_until.items()}
        self.min_population = min_population
        self._fixed: dict[str, list[PlaceRecord]] = defaultdict(list)
        self._borders: dict[frozenset[str], PlaceRecord] = {}
        self._country_names = {c.iso3: c.name for c in countries}
        self._iso2_to_iso3 = {c.iso2: c.iso3 for c in countries}
        self._capitals = {(c.iso3, self.folder.fold(n)) for c in countries for n in c.capitals}
        self._country_records: dict[str, PlaceRecord] = {}
        self._capital_records: dict[str, PlaceRecord] = {}
        # (iso3, GeoNames admin1 code "AF.10") -> the admin1 record (the lexicon's names)
        self._admin1: dict[tuple[str, str], PlaceRecord] = {}
        self._load_admin1(admin1_files)
        self._admin1_names = {(self._iso2_to_iso3.get(code[:2], ""), code): name
                              for code, name in self.index.admin1_names()}
        self._add_countries(countries)
        self._add_curated(places)
        for records in self._fixed.values():
            records.sort(key=_rank)
        self._memo: dict[str, NamePlaces] = {}

    # -- the lexicon's places ------------------------------------------------------------

    def _load_admin1(self, files: list[Path]) -> None:
        for path in files:
            with path.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle, delimiter="\t"):
                    iso3 = self._iso2_to_iso3.get(row["iso2"])
                    if not iso3 or not row.get("name"):
                        continue
                    record = PlaceRecord(
                        name=row["name"], admin1=row["name"], country=self._country_names[iso3],
                        iso3=iso3, latitude=float(row["latitude"] or 0),
                        longitude=float(row["longitude"] or 0), precision=3, kind="admin1",
                        population=int(float(row.get("population") or 0)), curated=True)
                    self._admin1[(iso3, f"{row['iso2']}.{row['admin1_code']}")] = record
                    aliases = [a for a in (row.get("aliases") or "").split(";") if a.strip()]
                    for name in {record.name, *aliases}:
                        if self._allowed(self.folder.fold(name).strip()):
                            self._add(name, record)

    def _add_countries(self, countries: list[Country]) -> None:
        for country in countries:
            capital = next((r for n in country.capitals
                            for r in self._index_records(self.folder.fold(n).strip())
                            if r.iso3 == country.iso3 and r.kind == "town"), None)
            record = PlaceRecord(
                name=country.name, admin1=None, country=country.name, iso3=country.iso3,
                latitude=capital.latitude if capital else 0.0,
                longitude=capital.longitude if capital else 0.0,
                precision=3, kind="country", population=10**9, major=True, curated=True)
            self._country_records[country.iso3] = record
            if capital is not None:
                self._capital_records[country.iso3] = capital
            for name in {country.name, *country.aliases}:
                self._add(name, record)

    def _add_curated(self, places: list[Place]) -> None:
        for place in places:
            other = next((c for c in place.countries if c != place.country), None)
            record = PlaceRecord(
                name=place.name, admin1=place.admin1,
                country=self._country_names.get(place.country, place.country), iso3=place.country,
                latitude=place.latitude, longitude=place.longitude,
                precision=place.geo_precision, kind=place.kind, population=10**10, major=True,
                border_iso3=other,
                admin2=place.name if place.kind == "district" else place.admin2,
                curated=True)
            for name in {place.name, *place.aliases}:
                self._add(name, record)
            if place.kind == "border":
                self._borders.setdefault(frozenset(place.countries), record)

    def _add(self, name: str, record: PlaceRecord) -> None:
        key = self.folder.fold(name).strip()
        # a town's name of several words is also found written as one ("Dattakhel")
        together = joined(key) if record.kind == "town" else ""
        for k in (key, together):
            if k and record not in self._fixed[k]:
                self._fixed[k].append(record)

    def _allowed(self, key: str) -> bool:
        """May a town or unit of the data be named `key`? Not a common word ("police")."""
        return not (key in self._stop_names or len(key) < 3 or key.startswith(self._leading))

    # -- the index's places ----------------------------------------------------------------

    def _record(self, row: PlaceRow, alternate: bool) -> PlaceRecord | None:
        _, name, ascii_, kind, iso2, code, admin2, admin3, lat, lon, population = row
        iso3 = self._iso2_to_iso3.get(iso2)
        if iso3 is None:
            return None
        province = self._admin1.get((iso3, code))
        if kind == "admin1" and province is not None:
            return province  # the lexicon's name for it
        admin1 = province.name if province else self._admin1_names.get((iso3, code))
        admin2 = self._admin2_units.sub("", admin2).strip() or admin2
        major = population >= MAJOR_POPULATION or (iso3, self.folder.fold(name)) in self._capitals
        return PlaceRecord(
            name=name, admin1=admin1, country=self._country_names[iso3], iso3=iso3,
            latitude=lat, longitude=lon, precision=_PRECISION.get(kind, 1), kind=kind,
            population=population, major=kind == "town" and major,
            admin2=admin2 or None, admin3=admin3 or None,
            ascii_name=ascii_ if ascii_ != name else None, alternate=alternate)

    def _index_records(self, key: str) -> list[PlaceRecord]:
        out: list[PlaceRecord] = []
        for row, alternate in self.index.places(key):
            record = self._record(row, alternate)
            if record is not None and record not in out:
                out.append(record)
        return out

    # -- queries -------------------------------------------------------------------------

    def names(self) -> list[str]:
        """The names the matcher finds anywhere in a text: the lexicon's places, the
        provinces and districts of the index and its towns of `min_population` people or
        more."""
        # "Helmand Province" is found as "Helmand": the unit word after it is the text's
        # own, read by the rules ("Helmand province" is the province, not the town).
        major = [k for k in self.index.major_keys(self.min_population,
                                                  ALTERNATE_NAMES_POPULATION)
                 if self._allowed(k) and not self._unit_keys.has_unit_word(k)]
        return list(dict.fromkeys([*self._fixed, *major]))

    def candidates(self, folded_name: str) -> NamePlaces:
        """Every place of a name, the lexicon's first, then by kind and population."""
        named = self._memo.get(folded_name)
        if named is None:
            records = list(self._fixed.get(folded_name, ()))
            if self._allowed(folded_name):
                records += [r for r in self._index_records(folded_name) if r not in records]
                records += self._halves(folded_name, records)
                records.sort(key=_rank)
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()
            named = self._memo[folded_name] = NamePlaces(records)
        return named

    def _halves(self, folded_name: str, records: list[PlaceRecord]) -> list[PlaceRecord]:
        """"Kohistan", a district since split into Upper and Lower Kohistan: the halves, as
        alternate names (too weak to tell a country alone). Not in a country where a unit
        has the name ("Saxony" is not Lower Saxony)."""
        named = {r.iso3 for r in records if r.kind in _UNIT_KINDS}
        return [replace(r, alternate=True) for part in self._part_words
                for r in self._index_records(part + folded_name)
                if r.kind == "admin2" and r.iso3 not in named]

    def variants(self, folded_name: str, inside: PlaceRecord) -> list[PlaceRecord]:
        """Places inside `inside` (a province, district or country) whose name is spelt
        another way ("Nahri Saraj" for "Nahr-e Sarāj"; see `geoindex.skeleton`)."""
        skel = skeleton(folded_name)
        if len(skel) < 4 or not self._allowed(folded_name):
            return []
        found = []
        for row in self.index.by_skeleton(skel):
            record = self._record(row, True)
            if record is not None and record.within(inside) and record not in found:
                found.append(replace(record, alternate=True))
        return sorted(found, key=_rank)

    def as_of(self, location: Location | None, day: dt.date | None) -> Location | None:
        """The place with the units ACLED codes an event of `day` in: before a country's
        reorganisation (`former_until`), its district's former admin1 (and admin2, the
        district then admin3): Nepal's development regions and zones, FATA. An event with
        no date keeps today's units. A place known only by its province takes the former
        admin1 that held all of the province (`former_provinces`)."""
        if location is None or day is None:
            return location
        until = self._former_until.get(location.iso3)
        if until is None or day >= until:  # most events: units that have not changed since
            return location
        if not location.admin2:
            whole = self._former_provinces.get(
                (location.iso3, self._unit_keys.bare(location.admin1 or "")))
            return location if whole is None else replace(location, admin1=whole)
        former = self._former.get((location.iso3, self._unit_keys.bare(location.admin2)))
        if former is None:
            return location
        if former[1] is None:
            return replace(location, admin1=former[0])
        return replace(location, admin1=former[0], admin2=former[1], admin3=location.admin2)

    def is_alternate(self, key: str, record: PlaceRecord) -> bool:
        """Was `record` found under one of GeoNames' alternate names, not its own?"""
        return record.alternate

    def points_to(self, key: str) -> set[str]:
        """The countries a name points to by itself, wherever the text names it: a
        country, a province or a curated place of the lexicon ("Nangarhar", "NWFP")."""
        return {r.iso3 for r in self._fixed.get(key, ()) if r.kind != "border"}

    def country(self, iso3: str) -> PlaceRecord | None:
        return self._country_records.get(iso3)

    def capital(self, iso3: str) -> PlaceRecord | None:
        """The town that is the state's capital, as the lexicon names it."""
        return self._capital_records.get(iso3)

    def border(self, iso3_a: str, iso3_b: str) -> PlaceRecord | None:
        """The curated border between two states, if the lexicon has one."""
        return self._borders.get(frozenset((iso3_a, iso3_b)))


def _open(folder: Folder, unit_words: list[str]) -> PlaceIndex:
    """The index of the installed sources; or, when `EVENTCODER_PLACES` names a table of
    places of one's own (the columns of `geosources.FIXTURE_COLUMNS`), of that table."""
    own = os.environ.get("EVENTCODER_PLACES")
    if not own:
        return open_index(folder.fold, unit_words)
    path = Path(own)
    name = f"{path.resolve()}:{path.stat().st_mtime_ns}:{path.stat().st_size}"
    return open_index(folder.fold, unit_words, rows=lambda: fixture_rows(path), name=name)


def _units_of(units: str) -> tuple[str, str | None]:
    """"Central/Bagmati" -> ("Central", "Bagmati"); "Dhaka" -> ("Dhaka", None)."""
    admin1, _, admin2 = (part.strip() for part in units.partition("/"))
    return admin1, admin2 or None


def _rank(record: PlaceRecord) -> tuple[int, int]:
    return (0 if record.curated and record.kind not in _KIND_RANK else
            _KIND_RANK.get(record.kind, 0), -record.population)
