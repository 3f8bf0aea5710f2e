"""Speed: the rules' gates that skip work a sentence's words rule out,
each held to its plain reference."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from eventcoder.rules.steps import told, told_plainly

# A small alphabet, so that phrases often stand in the sentence, in part or in a row.
_WORD = st.sampled_from(["over", "land", "a", "plot", "of", "dispute", "the", "feud", ","])
_PHRASE = st.lists(_WORD, min_size=1, max_size=4).map(" ".join)


@given(st.lists(_WORD, max_size=14), st.lists(_PHRASE, max_size=5))
def test_told_is_told_plainly(words: list[str], phrases: list[str]) -> None:
    assert told(words, frozenset(words), phrases) == told_plainly(words, phrases)


@pytest.mark.parametrize("sentence, expected", [
    ("a farmer was hacked to death over a land dispute", True),
    ("two men were killed in the long dispute over a plot of land", True),
    ("the feud over land left one dead", True),
    # every word of a phrase, but not in a row: no feud
    ("a dispute broke out over who owns the land", False),
    ("the land was seized after a dispute", False),
    ("gunmen killed a trader in the market", False),
])
def test_told_reads_phrases_in_a_row(sentence: str, expected: bool) -> None:
    phrases = ["land dispute", "dispute over a plot of land", "feud over land"]
    words = sentence.split()
    assert told(words, frozenset(words), phrases) is expected
    assert told_plainly(words, phrases) is expected
