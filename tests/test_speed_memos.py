"""The answers a Coder keeps for speed are the answers read afresh: the years of a state's
government (`ActorBook._years`, read off a timeline made once per state) asked in any
order, and again, are those of the regime valid that day."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from eventcoder.actors import ActorBook
from eventcoder.lexicon import load_lexicon
from eventcoder.text import Folder
from tests.conftest import scaled

LEXICON = load_lexicon()
STATES = st.sampled_from(["AFG", "PAK", "IND", "NPL", "XXX"])
DAYS = st.dates(dt.date(2000, 1, 1), dt.date(2026, 12, 31))


def _plain_years(iso3: str, day: dt.date) -> str:
    regime = next((r for r in sorted(LEXICON.regimes, key=lambda r: r.valid_from)
                   if r.country == iso3 and r.valid_on(day)), None)
    return "" if regime is None else regime.label()


@scaled(100)
@given(st.lists(st.tuples(STATES, DAYS), max_size=8))
def test_the_kept_years_are_those_read_afresh(asked: list[tuple[str, dt.date]]) -> None:
    book = ActorBook(LEXICON, Folder(), regime_years=True)
    for iso3, day in [*asked, *asked]:  # each asked twice: the same answer from the timeline
        assert book._years(iso3, day) == _plain_years(iso3, day)
        army = book.state(iso3, "military") if iso3 != "XXX" else None
        if army is not None:
            years = _plain_years(iso3, day)
            named = book.in_regime(army, day)
            assert named is not None
            assert named.name == (f"{army.name} ({years})" if years else army.name)


def test_years_change_with_the_government() -> None:
    book = ActorBook(LEXICON, Folder(), regime_years=True)
    assert book._years("PAK", dt.date(2015, 1, 1)) != book._years("PAK", dt.date(2019, 1, 1))
    assert book._years("PAK", dt.date(2015, 1, 1)) == _plain_years("PAK", dt.date(2015, 1, 1))
