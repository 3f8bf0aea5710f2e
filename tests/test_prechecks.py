"""The coder's early exits skip only sentences the rules would make nothing of.

`Coder._code_sentence` stops early when no mention of a sentence can lead to an event
(`coder._may_make_event`) and when a negation, hypothetical or generic cue drops every
trigger (`rules.engine.no_candidates`). Both are claimed exact, not heuristics: these tests
code the same texts with the exits in place and with them turned off, and require the same
rows. Each test also requires that the exits fired on its texts, so the comparison is never
empty.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import eventcoder
from eventcoder import coder as coder_module
from eventcoder.strategies import (
    CONDITION_ENDS, CONDITIONS, NEGATIONS, PUBLISHED, conditional, negated, sentences)
from tests.conftest import code_rows, lazy, scaled
from tests.test_golden import CASES

# Our own sentences that the exits are for: triggers whose every reading is dropped, and
# weak triggers with no one named.
DROPPED = [
    "No talks were held between Kabul and Islamabad on Monday.",
    "Officials denied that Pakistani jets struck Kandahar on Tuesday.",
    "If the ceasefire collapses, fighting could resume along the Durand Line.",
    "Ceasefires rarely hold in the region, analysts said.",
    "There was no fighting in Chaman on Sunday, residents said.",
    "The discussions continued late into the night.",
    "Dialogue remains the only way forward, the editorial argued.",
    "Kabul said it would not hold talks with Islamabad until the strikes stopped.",
]


@contextmanager
def exits_counted(fired: Counter[str]) -> Iterator[None]:
    """Count how often each exit says "nothing here"."""
    may, none = coder_module._may_make_event, coder_module.no_candidates

    def may_counted(mention: Any) -> bool:
        result = may(mention)
        fired["may_make_event=False"] += not result
        return result

    def none_counted(view: Any, *rest: Any) -> bool:
        result = none(view, *rest)
        fired["no_candidates"] += result
        return result

    coder_module._may_make_event, coder_module.no_candidates = may_counted, none_counted
    try:
        yield
    finally:
        coder_module._may_make_event, coder_module.no_candidates = may, none


@contextmanager
def exits_off() -> Iterator[None]:
    may, none = coder_module._may_make_event, coder_module.no_candidates
    coder_module._may_make_event = lambda mention: True
    coder_module.no_candidates = lambda view, *rest: False
    try:
        yield
    finally:
        coder_module._may_make_event, coder_module.no_candidates = may, none


def rows_both_ways(coder: eventcoder.Coder, texts: list[str], published: Any = PUBLISHED
                   ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], Counter[str]]:
    fired: Counter[str] = Counter()
    with exits_counted(fired):
        fast = code_rows(coder, texts, published)
    with exits_off():
        full = code_rows(coder, texts, published)
    return fast, full, fired


def test_exits_change_nothing_on_the_golden_sentences(coder) -> None:
    texts = [text for text, _ in CASES] + DROPPED
    fast, full, fired = rows_both_ways(coder, texts)
    assert fast == full
    assert fired["no_candidates"] >= 3 and fired["may_make_event=False"] >= 2, fired


def test_exits_change_nothing_on_the_example_articles(coder, examples_dir) -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(examples_dir.glob("*.txt"))]
    assert texts
    fast, full, fired = rows_both_ways(coder, texts)
    assert fast == full
    assert sum(fired.values()) > 0, fired


@scaled(40)
@given(s=lazy(sentences), how=st.sampled_from(["negated", "conditional", "plain"]),
       prefix=st.sampled_from(NEGATIONS), condition=st.sampled_from(CONDITIONS),
       end=st.sampled_from(CONDITION_ENDS))
def test_exits_change_nothing_on_generated_sentences(coder, s, how: str, prefix: str,
                                                     condition: str, end: str) -> None:
    text = {"negated": lambda: negated(s, prefix), "plain": lambda: s.text,
            "conditional": lambda: conditional(s, condition, end)}[how]()
    fast, full, _ = rows_both_ways(coder, [text], s.published)
    assert fast == full


def test_turning_the_exits_off_is_seen(coder) -> None:
    """The comparison above can fail: with `no_candidates` saying yes to everything, a
    plain clash is lost."""
    text = "Pakistani and Afghan forces exchanged fire near Torkham on Thursday."
    assert code_rows(coder, [text], PUBLISHED)
    original = coder_module.no_candidates
    coder_module.no_candidates = lambda view, *rest: True
    try:
        assert code_rows(coder, [text], PUBLISHED) == []
    finally:
        coder_module.no_candidates = original


@pytest.mark.parametrize("text", DROPPED)
def test_dropped_sentences_code_nothing(coder, text: str) -> None:
    assert code_rows(coder, [text], PUBLISHED) == []
