"""The place choice reads a name's places once per name (`NamePlaces`): what it reads then is
what the plain reading finds at every mention (`points_to`, `_by_tier`, `name_facts`)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from eventcoder import Coder
from eventcoder.lexicon import PlaceRecord
from eventcoder.lexicon.gazetteer import NamePlaces
from eventcoder.model.participants import PlaceMention
from eventcoder.resolve.places import _choose, best_location
from eventcoder.rules.places import name_facts
from tests.conftest import scaled

ISO3 = st.sampled_from(["AFG", "PAK", "IND", "NPL", "BOL"])
KINDS = st.sampled_from(["town", "admin1", "admin2", "country", "district", "border",
                         "province"])


@st.composite
def records(draw: st.DrawFn) -> PlaceRecord:
    iso3, kind = draw(ISO3), draw(KINDS)
    return PlaceRecord(
        name="La Paz", admin1=draw(st.sampled_from(["A", "B"])), country=iso3, iso3=iso3,
        latitude=0.0, longitude=0.0, precision=draw(st.integers(1, 3)), kind=kind,
        population=draw(st.integers(0, 3)), major=draw(st.booleans()),
        border_iso3=draw(st.none() | ISO3), admin2=draw(st.none() | st.sampled_from(["X"])),
        alternate=draw(st.booleans()), curated=draw(st.booleans()))


COUNTRIES = st.sets(ISO3, max_size=3)


@scaled(400)
@given(st.lists(records(), min_size=1, max_size=12), COUNTRIES,
       st.frozensets(ISO3, max_size=3), st.none() | COUNTRIES, st.booleans(), st.booleans())
def test_a_name_read_once_is_chosen_as_read_at_each_mention(
        found: list[PlaceRecord], countries: set[str], article: frozenset[str],
        actors: set[str] | None, region: bool, district: bool) -> None:
    named = NamePlaces(found)
    once = PlaceMention(0, 0, named, weak=named.weak, region=region, district=district,
                        start=0, end=6)
    plain = PlaceMention(0, 0, list(found), weak=frozenset(named.weak), region=region,
                         district=district, start=0, end=6)
    assert _choose(once, countries, (), article, actors) is \
        _choose(plain, countries, (), article, actors)
    assert best_location([once], countries, None, None, "La Paz", article) == \
        best_location([plain], countries, None, None, "La Paz", article)
    # Read again (the name's reading is kept): the same place.
    assert _choose(once, countries, (), article, actors) is \
        _choose(plain, countries, (), article, actors)


NAMES = ["la paz", "buenos aires", "portland", "kandahar", "saraj", "kohistan", "punjab",
         "hyderabad", "dara", "kabul", "khairpur", "ilam", "timbuktu", "doha", "kot"]


@scaled(60)
@given(st.sampled_from(NAMES), st.booleans())
def test_a_names_places_are_read_as_the_plain_reading(key: str, region: bool) -> None:
    gazetteer = _coder().gazetteer
    named = gazetteer.candidates(key)
    records = named.regional() if region else named
    assert (list(records), records.weak, named.major) == name_facts(gazetteer, key, region)


def test_la_paz_is_read_in_the_sentences_country() -> None:
    """Same-name places of many countries: the one in the country the actors point to."""
    named = _coder().gazetteer.candidates("la paz")
    assert len({r.iso3 for r in named}) > 2
    mention = PlaceMention(0, 0, named, weak=named.weak)
    for iso3 in {r.iso3 for r in named}:
        place = _choose(mention, {iso3}, (), frozenset(), {iso3})
        assert place is not None and place.iso3 == iso3


def _coder() -> Coder:
    from tests.conftest import shared_coder
    return shared_coder()
