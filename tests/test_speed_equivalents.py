"""The speed-ups of the text stages and the table check, each held to its plain version."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from eventcoder.lexicon import load_lexicon
from eventcoder.lexicon.lang_text import alternation
from eventcoder.resolve.clues import clues
from eventcoder.resolve.fatalities import TollFinder, _matches_at, word_first
from eventcoder.schemas import EventSchema, lists_of_strings
from tests.conftest import scaled

PHRASES = st.lists(st.text(alphabet="ab -'.", min_size=1, max_size=5), max_size=8)


@scaled(300)
@given(PHRASES, st.text(alphabet="ab -'.x", max_size=14))
def test_a_factored_choice_matches_as_the_plain_one(phrases: list[str], text: str) -> None:
    # Alone, and followed by more pattern, so that a failure after the choice backtracks
    # into it and tries the next phrase, in the same order.
    for template in ("{}", r"{}\s*x", r"(?:{})+b"):
        factored = re.compile(template.format(alternation(phrases)))
        plain = re.compile(template.format(alternation(phrases, factored=False)))
        for at in range(len(text) + 1):
            one, other = factored.match(text, at), plain.match(text, at)
            assert (one and one.span()) == (other and other.span()), (phrases, text, at)


def test_phrases_sharing_a_first_character_are_one_choice() -> None:
    assert alternation(["ten", "two", "a", "at least"]) == r"(?:a(?:t\s+least|)|t(?:en|wo))"
    assert alternation(["-x", "-y"]) == r"(?:\-(?:x|y))"


VALUES = st.one_of(st.lists(st.one_of(st.text(max_size=2), st.integers(), st.none()), max_size=3),
                   st.lists(st.text(max_size=2), max_size=3), st.none(), st.text(max_size=2),
                   st.integers())


@scaled(300)
@given(st.lists(VALUES, max_size=6))
def test_the_list_check_answers_as_row_by_row(values: list[Any]) -> None:
    column = pd.Series(values, dtype=object)
    answer = EventSchema._lists(column)  # type: ignore[operator]
    assert answer.tolist() == lists_of_strings(values)
    assert answer.index.equals(column.index)



LANGUAGE = load_lexicon().language
TOLLS = TollFinder(LANGUAGE.tolls, LANGUAGE.numbers)
TOLL_WORDS = ["killed", "were", "dead", "died", "12", "3", "at least", "some", "a", "an",
              "soldiers", "people", "and", "more", "of", "four", "twenty-one", "between",
              "to", "km", ",", ".", "militants", "were killed", "a few", "dozens"]


@scaled(300)
@given(st.lists(st.sampled_from(TOLL_WORDS), max_size=16))
def test_a_toll_pattern_tried_where_its_opening_starts_finds_what_a_search_finds(
        words: list[str]) -> None:
    text = " ".join(words)
    for _, pattern, opening in TOLLS.forms:
        if opening is not None:
            starts = [m.start() for m in TOLLS._starts[opening].finditer(text)]
            assert [m.span() for m in _matches_at(pattern, text, starts)] == \
                [m.span() for m in pattern.finditer(text)], text


def test_the_toll_patterns_told_before_their_verb_open_with_the_quantity() -> None:
    # (else the property above compares nothing)
    assert sum(opening == "quantity" for _, _, opening in TOLLS.forms) >= 3


def test_the_clues_of_a_factored_choice_are_its_whole_phrases() -> None:
    # A clue as short as the first letter would let most sentences through to the search.
    months = re.compile(alternation(["january", "june", "july", "may"]))
    assert clues(months) == [frozenset({"january", "june", "july", "may"})]
    assert clues(re.compile(r"on\s+" + alternation(["monday", "friday"]))) == \
        [frozenset({"on"}), frozenset({"monday", "friday"})]


@scaled(300)
@given(st.lists(st.sampled_from([*TOLL_WORDS, "skilled", "kill", "killing", "lost", "left",
                                 "deathly", "death toll rose to", "and", "band"]), max_size=16))
def test_a_toll_pattern_searched_from_its_opening_word_finds_what_the_plain_one_finds(
        words: list[str]) -> None:
    text = " ".join(words)
    for plain, (_, searched, _) in zip(TOLLS.plain, TOLLS.forms):
        assert [m.span() for m in searched.finditer(text)] == \
            [m.span() for m in plain.finditer(text)], (plain.pattern, text)


def test_the_patterns_opening_with_a_word_are_searched_from_it() -> None:
    assert word_first(r"\bkill(?:ed|ing)\s+\d") == r"kill(?<=\bkill)(?:ed|ing)\s+\d"
    assert word_first(r"\bkills?\b") == r"\bkills?\b"  # its last letter repeats: left as is
    assert word_first(r"\b(?:a|an)\b") == r"\b(?:a|an)\b"
    assert sum(p.pattern != s.pattern for p, (_, s, _) in zip(TOLLS.plain, TOLLS.forms)) >= 2
