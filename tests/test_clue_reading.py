"""One reading of a sentence's clues for the toll finder and the date finder.

The coder reads each sentence's clues once (`clues.ClueReader`: one automaton over the
toll patterns' needed words and the date forms' clue strings) and gives the plain reading
to both finders. Each finder, given the reading, finds what it finds reading alone."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from eventcoder.lexicon import load_lexicon
from eventcoder.resolve.clues import ClueReader
from eventcoder.resolve.dates import DateFinder
from eventcoder.resolve.fatalities import TollFinder
from tests.conftest import scaled

LANGUAGE = load_lexicon().language
TOLLS = TollFinder(LANGUAGE.tolls, LANGUAGE.numbers)
DATES = DateFinder(LANGUAGE.dates, LANGUAGE.numbers)
READER = ClueReader(TOLLS.needed, DATES.clues)

PIECES = ["militants killed", "3 soldiers", "and", "12 policemen were killed", "five people",
          "died", "at least 20 people", "about", "some", "two", "dead", "later", ",",
          "more than", "40 bodies", "were found", "between 4 and 6 villagers", "killed",
          "dozens of", "fighters", "shot dead", "lost their lives", "gunned down", "a man",
          "on monday", "3 march 2025", "last week", "yesterday", "two days ago", "in may",
          "\u0663 days ago", "may", "mar", "2025-01-02", "\"", "1st", "of", "june", "ago",
          "night", "the", "sunday's", "mid-april", "weekend", "5th", "this month"]


@scaled(300)
@given(st.lists(st.sampled_from(PIECES), max_size=10), st.sampled_from([" ", "", "\""]))
def test_each_finder_given_the_reading_finds_what_it_finds_alone(pieces: list[str],
                                                                 glue: str) -> None:
    text = glue.join(pieces)
    clues = READER.read(text)
    assert TOLLS.find(text, 7, clues=clues) == TOLLS.find(text, 7), text
    assert TOLLS.tried(text, clues) == TOLLS.tried(text), text
    assert DATES.find(text, 7, text, clues=clues) == DATES.find(text, 7, text), text
    assert clues[2] == DATES.clues.held(text), text


def test_the_reading_is_a_plain_value_of_the_text_alone() -> None:
    text = "troops killed 3 rebels on monday"
    other = "".join(["troops killed 3 rebels ", "on monday"])
    assert other is not text
    assert READER.read(text) == READER.read(other)
    assert READER.read("no date here") == (0, 0, 0)
    # the reading is all the finders are told: one of another text changes what they find
    assert DATES.find(text, 0, clues=READER.read("no date here")) == []
    assert TOLLS.find(text, clues=READER.read("no date here")) == []
    assert [d.text for d in DATES.find(text, 0, clues=READER.read(text))] == ["on monday"]
    assert [t.count for t in TOLLS.find(text, clues=READER.read(text))] == [3]


def test_the_date_bits_sit_above_the_tolls() -> None:
    tolls, reach, dates = READER.read("12 people were killed yesterday")
    assert tolls and dates
    assert reach == len("12 people were killed")
    assert READER.read("yesterday")[0] == 0
    assert READER.read("killed")[2] == 0
