"""Folding keeps every offset: the fast path (ASCII runs folded by `str.lower`) agrees with
folding each character on its own (`fold_char`), the reference."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder.text import Folder, fold_char
from tests.conftest import scaled

# ASCII with its tricky members ("?" is the marker of non-ASCII runs, a tab folds to a
# space) mixed with characters the table folds (accents, curly quotes, dashes, spaces).
_MIXED = st.text(st.sampled_from(list("aZ?\t 'x-.,9") + ["\u00e9", "\u2019", "\u2013",
                                                            "\u00a0", "\u0131", "\u0130",
                                                            "\u00df", "\u0301", "\u4e2d",
                                                            "\U0001d400"]))


def _reference(text: str) -> str:
    return "".join(fold_char(c) for c in text)


@scaled(300)
@given(text=st.one_of(st.text(), _MIXED))
def test_fold_is_fold_char_on_every_character(text: str) -> None:
    folded = Folder().fold(text)
    assert folded == _reference(text)
    assert len(folded) == len(text)


@pytest.mark.parametrize("text,folded", [
    ("Kabul\tSAID", "kabul said"),
    ("T\u00fcrkiye\u2019s", "turkiye's"),
    ("What? \u201cNo\u201d", 'what? "no"'),
    ("\u0130stanbul", "istanbul"),
])
def test_fold_examples(text: str, folded: str) -> None:
    assert Folder().fold(text) == folded
