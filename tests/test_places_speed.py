"""Place choice in one pass (`resolve.places._choose`, `_tier`) chooses what the plain
reading does: each tier tried in turn over the ranked places, the first tier that holds one
giving the country and the ranking the place in it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from eventcoder.lexicon import PlaceRecord
from eventcoder.model.participants import PlaceMention
from eventcoder.resolve.places import _choose, _ranked, to_location
from tests.conftest import scaled

ISO3 = st.sampled_from(["AFG", "PAK", "IND", "NPL"])
KINDS = st.sampled_from(["town", "admin1", "admin2", "country", "district", "border"])


@st.composite
def records(draw: st.DrawFn) -> PlaceRecord:
    iso3, kind = draw(ISO3), draw(KINDS)
    return PlaceRecord(
        name=draw(st.sampled_from(["Dara", "Kot"])), admin1=draw(st.sampled_from(["A", "B"])),
        country=iso3, iso3=iso3, latitude=0.0, longitude=0.0, precision=1, kind=kind,
        population=draw(st.integers(0, 3)), major=draw(st.booleans()),
        border_iso3=draw(st.none() | ISO3) if kind == "border" else None,
        admin2=draw(st.none() | st.sampled_from(["X", "Y"])), curated=draw(st.booleans()))


@st.composite
def mentions(draw: st.DrawFn) -> PlaceMention:
    found = draw(st.lists(records(), min_size=1, max_size=6))
    weak = draw(st.frozensets(st.integers(0, len(found) - 1)))
    return PlaceMention(0, 0, found, region=draw(st.booleans()), district=draw(st.booleans()),
                        weak=weak)


COUNTRIES = st.sets(ISO3, max_size=3)


def _plain_choose(mention: PlaceMention, countries: set[str],
                  units: Sequence[PlaceRecord] = (), article: frozenset[str] = frozenset(),
                  actors: set[str] | None = None) -> PlaceRecord | None:
    """The reference: `_choose` as it read before the single pass (each tier a pass)."""
    records = _ranked(mention.records, mention)
    for unit in units:
        inside = [r for r in records if r is not unit and r.within(unit)]
        if inside:
            return inside[0]
    own = countries if actors is None else actors
    tiers: tuple[Callable[[PlaceRecord], bool], ...] = (
        lambda r: r.iso3 in own or r.border_iso3 in own,
        lambda r: r.iso3 in countries and (r.kind == "country" or r.major and not r.curated),
        lambda r: r.iso3 in article or r.border_iso3 in article,
        lambda r: r.iso3 in countries or r.border_iso3 in countries)
    for tier in tiers:
        found = next((r for r in records if tier(r)), None)
        if found is not None:
            return next(r for r in records if r.iso3 == found.iso3)
    first = records[0]
    if article:
        alone = len({r.iso3 for r in records if r.curated}) == 1
        return first if first.curated and alone else None
    if countries:
        return first if first.curated or first.major and 0 not in mention.weak else None
    if (first.curated or first.major) and len(
            {r.iso3 for r in records if r.curated or r.major}) == 1:
        return first
    own_name = len(mention.weak) < len(mention.records)
    alone = own_name and len({r.iso3 for r in mention.records}) == 1
    return first if alone else None


@scaled(300)
@given(mentions(), COUNTRIES, st.lists(records(), max_size=1) | st.just([]),
       st.frozensets(ISO3, max_size=2), st.none() | COUNTRIES)
def test_one_pass_chooses_as_tier_by_tier(mention: PlaceMention, countries: set[str],
                                          units: list[PlaceRecord], article: frozenset[str],
                                          actors: set[str] | None) -> None:
    # A unit of the sentence may be one of the name's own places.
    units = [*units, *mention.records[:1]] if units and units[0].kind == "border" else units
    assert _choose(mention, countries, units, article, actors) is \
        _plain_choose(mention, countries, units, article, actors)


def test_the_strongest_tier_wins_over_the_ranking() -> None:
    """The actors' country beats a better-ranked place in a country the article names."""
    def town(iso3: str, population: int) -> PlaceRecord:
        return PlaceRecord("Kot", None, iso3, iso3, 0.0, 0.0, 1, "town", population)
    india, pakistan = town("IND", 9), town("PAK", 1)
    mention = PlaceMention(0, 0, [india, pakistan])
    assert _choose(mention, {"PAK", "IND"}, (), frozenset({"IND"}), {"PAK"}) is pakistan
    assert _choose(mention, {"PAK", "IND"}, (), frozenset({"IND"}), set()) is india
    assert _choose(mention, set(), (), frozenset({"PAK"})) is pakistan


def test_a_place_is_never_inside_itself() -> None:
    """A name that is both a country and its town, beside the country: the town."""
    country = PlaceRecord("Kuwait", None, "Kuwait", "KWT", 0.0, 0.0, 3, "country", 9)
    town = PlaceRecord("Kuwait", None, "Kuwait", "KWT", 0.0, 0.0, 1, "town", 1)
    assert _choose(PlaceMention(0, 0, [country, town]), set(), [country]) is town


@scaled(200)
@given(record=records(), near=st.booleans(), region=st.booleans(),
       text=st.none() | st.sampled_from(["Dara", "Kot"]))
def test_a_location_is_a_value(record: PlaceRecord, near: bool, region: bool,
                               text: str | None) -> None:
    """`Location` is no longer a frozen dataclass (built a dozen times faster): two made of
    the same place are equal and hash alike, as frozen ones did, so sets and dicts of
    places keep working; one field apart, they differ."""
    one, other = (to_location(record, near, region, text) for _ in range(2))
    assert one == other and hash(one) == hash(other) and len({one, other}) == 1
    moved = replace(one, latitude=one.latitude + 1.0)
    assert moved != one and len({one, moved}) == 2
