"""Places: the most precise place named for an event, with ACLED's geo precision.

A name is read as a careful coder reads it: among the places of that name, only those in a
country the sentence points to (its actors' countries, the countries and provinces it
names, a name only one country has), then inside the province or district it names ("Kot,
Nangarhar"). A town of the name in a country nothing points to is never taken because it
is the most populous of its name: "Saraj district, Helmand" is not Saraj in North
Macedonia.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..lexicon import Gazetteer, PlaceRecord
from ..lexicon.gazetteer import NamePlaces
from ..model.participants import PlaceMention
from ..model.places import Location

_UNITS = frozenset({"admin1", "province", "admin2", "district", "region"})
_PROVINCES = frozenset({"admin1", "province", "region"})
_DISTRICTS = frozenset({"admin2", "district"})


def _points_to(mention: PlaceMention) -> set[str] | frozenset[str]:
    """`points_to` of a name's places, read once per name when they are the gazetteer's."""
    records = mention.records
    if isinstance(records, NamePlaces) and mention.weak is records.weak:
        return _name_choice(records).points
    return points_to(records, mention.weak)


def points_to(records: list[PlaceRecord], weak: frozenset[int]) -> set[str]:
    """The countries a name points to by itself: a country, a province or curated place of
    the lexicon ("Nangarhar", "Kurram Agency"), a capital or major town under its own name
    ("talks in Doha"), when only one country has it ("Punjab" of India or of Pakistan
    points to neither). A smaller town's name alone points nowhere: many countries have a
    Dara or a Kot, and the data has only some of them."""
    found = {r.iso3 for i, r in enumerate(records)
             if r.curated and r.kind != "border" or r.major and i not in weak}
    return found if len(found) == 1 else set()


def context_countries(mentions: list[PlaceMention], countries: set[str]) -> set[str]:
    """The countries a sentence points to: its actors' (`countries`) and its places'."""
    found = set(countries)
    for mention in mentions:
        found |= _points_to(mention)
    return found


def _units(mentions: list[PlaceMention], own: PlaceMention, countries: set[str]
           ) -> list[PlaceRecord]:
    """The provinces and districts the other names of the sentence name, in the countries
    it points to ("Helmand" in "Nahri Saraj district of Helmand province")."""
    return [r for m in mentions if m is not own for r in m.records
            if r.kind in _UNITS and (not countries or r.iso3 in countries)]


def _container(mention: PlaceMention, chosen: list[PlaceRecord]) -> PlaceRecord | None:
    """The unit of `mention` that holds a place chosen for another name: "Kandahar" in
    "Maruf district, Kandahar" is the province Maruf is in, not the place of the event."""
    for unit in mention.records:
        if unit.kind in _UNITS and any(c is not unit and c.within(unit) for c in chosen):
            return unit
    return None


def _ranked(records: list[PlaceRecord], mention: PlaceMention) -> list[PlaceRecord]:
    """A named district prefers the district unit, a named province the province."""
    wanted = _PROVINCES if mention.region else _DISTRICTS if mention.district else None
    if wanted is None:
        return records
    return sorted(records, key=lambda r: r.kind not in wanted)


def _seat(mention: PlaceMention, record: PlaceRecord | None) -> PlaceRecord | None:
    """"Kyaukme district": a district named like its town is coded, as ACLED codes it, at
    the town, near (geo precision 2)."""
    if record is None or not mention.district or record.kind not in _DISTRICTS:
        return record
    town = next((r for r in mention.records if r.kind == "town" and r.iso3 == record.iso3
                 and r.admin1 == record.admin1 and r.admin2 == record.admin2), None)
    return record if town is None else replace(town, precision=2)


def choose(mention: PlaceMention, countries: set[str],
           units: Sequence[PlaceRecord] = (), article: frozenset[str] = frozenset(),
           actors: set[str] | None = None) -> PlaceRecord | None:
    """The place of `mention` (see `_choose`), a district at its namesake town."""
    return _seat(mention, _choose(mention, countries, units, article, actors))


def _choose(mention: PlaceMention, countries: set[str],
            units: Sequence[PlaceRecord] = (), article: frozenset[str] = frozenset(),
            actors: set[str] | None = None) -> PlaceRecord | None:
    """Among the places of one name, the one this sentence means (or None): inside a unit
    the sentence names; else in the country of its actors (`actors`, by default all of
    `countries`); else a capital, major town or province the sentence's names point to
    ("protesters in Dhaka" in an Indian paper), never a province that another country's
    place of the name competes with ("In Ilam" of a Nepali paper is not Iran's province
    Ilam); else in a country the article points to;
    else in one the sentence's other names point to. A place in a country none of these
    points to is taken only when the article points to none: a name of the lexicon, a
    major town, or a name one country alone has (a country never comes from choosing among
    same-name places by population)."""
    records = _ranked(mention.records, mention)
    for unit in units:
        inside = next((r for r in records if r is not unit and r.within(unit)), None)
        if inside is not None:
            return inside
    own = countries if actors is None else actors
    if own or countries or article:
        placed = _by_tier_named(records, own, countries, article) \
            if isinstance(records, NamePlaces) else _by_tier(records, own, countries, article)
        if placed is not None:
            return placed
    first = records[0]
    if article:  # a name of the lexicon one country alone has; no major town abroad
        alone = len({r.iso3 for r in records if r.curated}) == 1
        return first if first.curated and alone else None
    if countries:
        return first if first.curated or first.major and 0 not in mention.weak else None
    if (first.curated or first.major) and len(
            {r.iso3 for r in records if r.curated or r.major}) == 1:
        return first  # "Hyderabad" alone is neither India's nor Pakistan's
    # A name that one country alone has, the own name of one of its places (not only an
    # alternate name): the name says where it is ("Khairpur": towns and a district, all in
    # Pakistan). Among same-name places of several countries none is taken ("Dara":
    # Senegal, Romania).
    own_name = len(mention.weak) < len(mention.records)
    alone = own_name and len({r.iso3 for r in mention.records}) == 1
    return first if alone else None


@dataclass(frozen=True, slots=True)
class _NameChoice:
    """What the place choice reads off a name's places whatever the sentence, once per
    name: the countries the name points to by itself (`points_to`), the index of the first
    place of each country (`at`), of the first place in or on the border of each country
    (`named_at`: tiers 0, 2 and 3 of `_tier`) and of each country's first place that tier
    1 takes (`major_at`)."""

    points: frozenset[str]
    at: dict[str, int]
    named_at: dict[str | None, int]
    major_at: dict[str | None, int]


def _name_choice(records: NamePlaces) -> _NameChoice:
    if records.choice is None:
        at: dict[str, int] = {}
        named_at: dict[str | None, int] = {}
        major_at: dict[str | None, int] = {}
        for i, r in enumerate(records):
            at.setdefault(r.iso3, i)
            named_at.setdefault(r.iso3, i)
            named_at.setdefault(r.border_iso3, i)  # None too: `_tier` asks `None in own`
            if r.kind == "country" or r.major and not r.curated:
                major_at.setdefault(r.iso3, i)
        records.choice = _NameChoice(frozenset(points_to(records, records.weak)), at,
                                     named_at, major_at)
    choice = records.choice
    assert isinstance(choice, _NameChoice)
    return choice


def _first(countries: Iterable[str | None], index: dict[str | None, int]) -> int | None:
    """The first place (its index) in any of `countries` by `index`."""
    best: int | None = None
    for country in countries:
        i = index.get(country)
        if i is not None and (best is None or i < best):
            best = i
    return best


def _by_tier_named(records: NamePlaces, own: set[str], countries: set[str],
                   article: frozenset[str]) -> PlaceRecord | None:
    """`_by_tier` of the gazetteer's places of a name: the strongest tier's first place found
    from the sentence's few countries, not by reading all the name's places ("La Paz": 43)."""
    choice = _name_choice(records)
    named_at = choice.named_at
    found = _first(own, named_at)
    if found is None:
        found = _first(countries, choice.major_at)
        if found is None:
            found = _first(article, named_at)
            if found is None:
                found = _first(countries, named_at)
                if found is None:
                    return None
    return records[choice.at[records[found].iso3]]


def _by_tier(records: list[PlaceRecord], own: set[str], countries: set[str],
             article: frozenset[str]) -> PlaceRecord | None:
    """The strongest tier a place of the name meets (`_tier`) tells the country, the
    ranking the place in it; one pass over the ranked places. (The plain reading that
    `_by_tier_named` is held to.)"""
    best: tuple[int, PlaceRecord] | None = None
    for record in records:
        tier = _tier(record, own, countries, article)
        if tier is not None and (best is None or tier < best[0]):
            best = (tier, record)
            if tier == 0:
                break
    if best is None:
        return None
    return next(r for r in records if r.iso3 == best[1].iso3)


def _tier(record: PlaceRecord, own: set[str], countries: set[str],
          article: frozenset[str]) -> int | None:
    """How strongly the sentence places `record` in its country (`_choose`), 0 strongest:
    the actors' country; a country, or a major town of the data, the sentence points to;
    the article's country; a country the sentence points to. None: no country it names."""
    iso3, border = record.iso3, record.border_iso3
    if iso3 in own or border in own:
        return 0
    if iso3 in countries and (record.kind == "country" or record.major and not record.curated):
        return 1
    if iso3 in article or border in article:
        return 2
    if iso3 in countries or border in countries:
        return 3
    return None


def _precision(record: PlaceRecord, near: bool, region: bool) -> int:
    if region and record.kind in _PROVINCES:
        return 3  # "the Timbuktu region": the region, wherever its name comes from
    return max(2, record.precision) if near and record.precision < 3 else record.precision


def to_location(record: PlaceRecord, near: bool = False, region: bool = False,
                text: str | None = None) -> Location:
    return Location(record.name, record.admin1, record.country, record.iso3, record.latitude,
                    record.longitude, _precision(record, near, region), record.border_iso3,
                    admin2=record.admin2, admin3=record.admin3,
                    ascii_name=record.ascii_name or record.name,
                    text=text)


# Places this many words or more from the trigger count as one precision level coarser:
# "In Kabul, the Taliban accused Pakistan of airstrikes in Paktika" is about Paktika.
NEAR_WORDS = 8


def best_location(mentions: list[PlaceMention], countries: set[str],
                  gaps: list[int] | None = None,
                  context: list[PlaceMention] | None = None, source: str = "",
                  article: frozenset[str] = frozenset()) -> Location | None:
    """The most precise place named by the trigger (ACLED); then the nearest. `gaps`: the
    words between each place and the trigger; a single place has nothing to be ranked
    against, and needs none. `context`: every place of the sentence (the provinces and
    countries it names place the others); `source`: the document's text (the name as
    written is read from it); `article`: the countries the article points to, read when
    the sentence points to none."""
    every = context if context is not None else mentions
    if len(every) == 1 and every[0] is mentions[0]:
        # The sentence names one place (nearly always): no other name points to a country,
        # names a unit it is in or is a unit it holds, and there is nothing to rank.
        mention = mentions[0]
        pointed = _points_to(mention)
        record = choose(mention, countries | pointed if pointed else countries, (), article,
                        countries)
        return None if record is None else _located(record, mention, source)
    return _most_precise(mentions, countries, gaps, every, source, article)


def _most_precise(mentions: list[PlaceMention], countries: set[str], gaps: list[int] | None,
                  every: list[PlaceMention], source: str, article: frozenset[str]
                  ) -> Location | None:
    """`best_location` among several places: each name's place read against the others
    (the countries they point to, the units they name), a name that holds another's place
    left out, then the ranking."""
    pointed = context_countries(every, countries)
    wider = pointed | article
    picked = {id(m): choose(m, pointed, _units(every, m, wider), article, countries)
              for m in every}
    holders: set[int] = set()
    if len(every) > 1:
        holders = {id(m) for m in mentions if _container(m, [
            r for k, r in picked.items() if r is not None and k != id(m)]) is not None}
        if len(holders) == len(mentions):
            holders = set()  # only containers named by the trigger: the most precise wins
    best: tuple[int, int, PlaceRecord, PlaceMention] | None = None
    for order, mention in enumerate(mentions):
        record = picked.get(id(mention))
        if record is None or id(mention) in holders:
            continue
        if len(mentions) == 1:
            return _located(record, mention, source)
        gap = gaps[order] if gaps else 0
        precision = _precision(record, mention.near, mention.region)
        rank = (precision + (2 if gap > NEAR_WORDS else 0), gap)
        if best is None or rank < best[:2]:
            best = (*rank, record, mention)
    return None if best is None else _located(best[2], best[3], source)


def _located(record: PlaceRecord, mention: PlaceMention, source: str) -> Location:
    return to_location(record, mention.near, mention.region,
                       source[mention.start:mention.end] or None)


def border_location(gazetteer: Gazetteer, iso3_a: str | None, iso3_b: str | None
                    ) -> Location | None:
    """A cross-border event between two neighbours is placed on their border."""
    if not iso3_a or not iso3_b or iso3_a == iso3_b:
        return None
    record = gazetteer.border(iso3_a, iso3_b)
    return to_location(record) if record else None
