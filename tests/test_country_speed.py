"""The article country's gated searches (`resolve.country.gated_finditer`) find what the
plain searches find: the gate only skips texts that hold none of the words every match
needs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from eventcoder.resolve.country import _currency_pattern, gated_finditer

WORDS = ["tk", "taka", "rs", "kyats", "rupees"]
PATTERN = _currency_pattern(WORDS)
PIECES = st.sampled_from([*WORDS, "tk.", "500", "5,000", " ", "lakh", "stock", "ratka",
                          "rupee", "a", ".", "12 ", "crore", "\n"])


@given(st.lists(PIECES, max_size=12))
def test_the_gated_currency_search_finds_what_the_plain_one_does(pieces: list[str]) -> None:
    text = "".join(pieces)
    spans = [m.span() for m in gated_finditer(PATTERN, WORDS, text)]
    assert spans == [m.span() for m in PATTERN.finditer(text)]


def test_the_gate_is_not_blind() -> None:
    """A text with a currency beside an amount is searched; one with no currency word is
    skipped (and the plain search finds nothing there either)."""
    assert [m.group(0) for m in gated_finditer(PATTERN, WORDS, "paid tk 500 each")] == \
        ["tk 5"]
    assert list(gated_finditer(PATTERN, WORDS, "paid 500 each")) == []
