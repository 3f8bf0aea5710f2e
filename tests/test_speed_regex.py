"""The regex layer's speed-ups held to their plain versions: a pattern that opens with a word
boundary tried only where it can start (`clues.Openings`), not at every position."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from eventcoder.lexicon import load_lexicon
from eventcoder.lexicon.lang_text import alternation
from eventcoder.resolve.clues import Openings, first_class, matches_at
from eventcoder.resolve.fatalities import TollFinder
from tests.conftest import scaled

LANGUAGE = load_lexicon().language
TOLLS = TollFinder(LANGUAGE.tolls, LANGUAGE.numbers)

# Words sharing beginnings and ends, digits, marks: where a boundary falls matters.
WORDS = st.sampled_from(["ab", "abc", "ba", "b", "a", "cab", "12", "1", "x-ab", "-", "'", "_a"])
TEXTS = st.lists(st.sampled_from(["ab", "abc", "ba", "b", "cab", "1", "12", "a1", "_ab", "-",
                                  "'", ".", "x", "abab"]), max_size=10)
TEMPLATES = [r"\b{}", r"\b{}\b", r"\b(?:{})\s+\w", r"\b(?P<n>{})(?:\s*-\s*\d)?",
             r"\b(?:{}|\d+)\s*\w*", r"\b(?:x\s+)?(?:{})", r"\b(?:{})(?<=b)"]


@scaled(400)
@given(st.lists(WORDS, min_size=1, max_size=5), st.sampled_from(TEMPLATES),
       st.lists(st.sampled_from([" ", "", "  "]), min_size=10, max_size=10), TEXTS)
def test_a_pattern_tried_where_it_opens_finds_what_a_search_finds(
        words: list[str], template: str, spaces: list[str], pieces: list[str]) -> None:
    text = "".join(p + s for p, s in zip(pieces, spaces))
    for factored in (True, False):
        pattern = re.compile(template.format(alternation(words, factored=factored)))
        openings = Openings.of(pattern.pattern)
        if openings is None:
            continue
        assert [m.span() for m in matches_at(pattern, text, openings(text))] == \
            [m.span() for m in pattern.finditer(text)], (pattern.pattern, text)


def test_openings_are_read_as_words_or_as_first_characters() -> None:
    words = Openings.of(r"\b(?:kill(?:ed|ing)|murdered|shot\s+dead)\s+\d")
    assert words is not None and words.leads == ("kill", "murdered", "shot")
    assert words("skilled 3, shot dead 4, killing 5") == [1, 11, 24]  # (a superset)
    letters = Openings.of(r"\b(?P<n>a|an)\s+man")
    assert letters is not None and letters.finder is not None and not letters.leads
    assert letters("a man, an  man, ban man, a woman") == [0, 7]  # where it matches
    assert Openings.of(r"\bkill|dead") is None  # the boundary is the first choice's only
    assert Openings.of(r"\b(?:x|)\w") is None  # a match may start with any word character
    assert Openings.of(r"kill\b") is None


def test_the_first_characters_of_a_pattern() -> None:
    assert first_class(r"(?:kill(?:ed|ing)|murder)\s+") == "[km]"
    assert first_class(r"(?:a\s+|at\s+least\s+)?\d+") == r"[a\d]"
    assert first_class(r"(?=x)(?:y|z)") == "[yz]"
    assert first_class(r"x?") is None  # may be empty
    assert first_class(r".x") is None
    assert first_class(r"(?i:x)") is None


@scaled(300)
@given(st.lists(st.sampled_from(["killed", "killing", "a", "an", "man", "woman", "gunned down",
                                 "shot dead", "at least", "12", "three", "some", "people",
                                 "resulted in", "the deaths of", "caused", "led to", "were",
                                 "died", "soldiers", "and", "more", ",", "ban", "skilled"]),
                max_size=14))
def test_each_toll_pattern_tried_where_it_opens_finds_what_the_plain_one_finds(
        words: list[str]) -> None:
    text = " ".join(words)
    for openings, plain in zip(TOLLS._openings, TOLLS.plain):
        if openings is not None:
            assert [m.span() for m in matches_at(plain, text, openings(text))] == \
                [m.span() for m in plain.finditer(text)], (plain.pattern, text)


def test_the_toll_patterns_that_open_with_a_choice_are_tried_where_they_open() -> None:
    # (else the property above compares nothing)
    assert sum(o is not None for o in TOLLS._openings) >= 3
    assert any(o is not None and o.leads for o in TOLLS._openings)
    assert any(o is not None and o.finder is not None for o in TOLLS._openings)
