"""The resolve layer's plain cases hold to the general reading: a sentence that
names one place is placed as the reading of several places places it
(`resolve.places.best_location` against `_most_precise`); a state's government years read
off its timeline are those of the first government valid that day (`actors._timeline`
against `years_on`), on every day a government starts or ends and the days around it."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from eventcoder.actors import ActorBook, _timeline, years_on
from eventcoder.lexicon import load_lexicon
from eventcoder.lexicon.model import Regime
from eventcoder.model.participants import PlaceMention
from eventcoder.resolve.places import _most_precise, best_location
from eventcoder.text import Folder
from tests.conftest import scaled
from tests.test_places_speed import COUNTRIES, ISO3, mentions

SOURCE = "Kot and Dara, near the river"


@scaled(300)
@given(mention=mentions(), countries=COUNTRIES, article=st.frozensets(ISO3, max_size=2),
       near=st.booleans(), end=st.integers(0, 6), given_context=st.booleans())
def test_one_place_is_placed_as_among_several(mention: PlaceMention, countries: set[str],
                                              article: frozenset[str], near: bool, end: int,
                                              given_context: bool) -> None:
    """The plain case (one name in the sentence) gives the general reading's place,
    precision and name as written, or None with it."""
    mention = replace(mention, near=near, start=0, end=end)
    context = [mention] if given_context else None
    assert best_location([mention], countries, None, context, SOURCE, article) == \
        _most_precise([mention], countries, None, [mention], SOURCE, article)


def _regime(iso3: str, start: dt.date, days: int | None, years: str | None) -> Regime:
    end = None if days is None else start + dt.timedelta(days=days)
    return Regime(country=iso3, valid_from=start, valid_to=end, years=years)


DAY = st.dates(dt.date(2010, 1, 1), dt.date(2012, 12, 31))
REGIMES = st.lists(st.builds(_regime, st.just("PAK"), DAY, st.none() | st.integers(0, 400),
                             st.none() | st.sampled_from(["2010-", "2011-2012"])),
                   max_size=5).map(lambda rs: sorted(rs, key=lambda r: r.valid_from))


def _around(regimes: list[Regime]) -> list[dt.date]:
    """Each day a government starts or ends, and the days either side."""
    one = dt.timedelta(days=1)
    edges = [d for r in regimes for d in (r.valid_from, r.valid_to) if d is not None]
    return [d + k * one for d in edges for k in (-1, 0, 1)]


@scaled(300)
@given(regimes=REGIMES, days=st.lists(DAY, max_size=5))
def test_the_timeline_gives_the_years_of_the_first_valid_government(
        regimes: list[Regime], days: list[dt.date]) -> None:
    """Governments that overlap, follow each other, leave gaps or never end: the timeline
    answers as the first valid government does, on their edges and any day."""
    starts, years = _timeline(regimes)
    for day in [*_around(regimes), *days]:
        at = sum(1 for start in starts if start <= day)
        assert (years[at - 1] if at else "") == years_on(regimes, day), day


def test_the_book_reads_the_lexicons_governments_as_they_were() -> None:
    """Every government of the bundled lexicon, on the days around its start and end."""
    lexicon = load_lexicon()
    book = ActorBook(lexicon, Folder(), regime_years=True)
    ordered = sorted(lexicon.regimes, key=lambda r: r.valid_from)
    assert ordered
    for regime in ordered:
        own = [r for r in ordered if r.country == regime.country]
        for day in _around([regime]):
            assert book._years(regime.country, day) == years_on(own, day), (regime, day)
    assert book._years("XXX", dt.date(2020, 1, 1)) == ""
    off = ActorBook(lexicon, Folder(), regime_years=False)
    assert off._years(ordered[0].country, ordered[0].valid_from) == ""
