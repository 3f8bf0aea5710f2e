"""The speed-ups of the scan and the places, each held to its plain version."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from eventcoder.match import _leftmost_longest, _resolve_in_order
from eventcoder.model.mentions import (ActorRef, CueRef, Mention, PlaceRef, TriggerRef,
                                       group_payloads)
from tests.conftest import scaled

_PAYLOADS = st.sampled_from([(TriggerRef("clash", False),), (CueRef("negation", None, "both", 3),),
                             (PlaceRef("kabul"),), (TriggerRef("clash", True), PlaceRef("x")),
                             (ActorRef("state", "AFG"), PlaceRef("afghanistan"))])


def _mention(start: int, length: int, payloads: tuple[Any, ...]) -> Mention:
    return Mention(start, start + length, payloads, group_payloads(payloads))


@st.composite
def _hits(draw: Any, reported: bool = True) -> list[Mention]:
    """Overlapping hits on a short text, each a trigger or not; `reported`: in the order the
    automaton reports them (by end; at one end in any order), else in any order."""
    hits = draw(st.lists(st.builds(_mention, st.integers(0, 20), st.integers(1, 8), _PAYLOADS),
                         max_size=14))
    if reported:
        hits.sort(key=lambda m: m.end)
    return hits


@scaled(600)
@given(_hits())
def test_overlaps_resolved_as_reported_as_by_sorting(hits: list[Mention]) -> None:
    assert _resolve_in_order(hits) == _leftmost_longest(hits)


@scaled(300)
@given(_hits(reported=False))
def test_hits_in_any_order_are_resolved_as_by_sorting(hits: list[Mention]) -> None:
    assert _resolve_in_order(hits) == _leftmost_longest(hits)


def test_a_longer_hit_replaces_the_words_inside_it() -> None:
    # "held" (a cue), then "held talks" (a trigger) over it, then "talks" inside that
    cue, trigger, inner = (CueRef("status", None, "both", 3),), (TriggerRef("talks", False),), \
        (PlaceRef("talks"),)
    hits = [_mention(0, 4, cue), _mention(0, 10, trigger), _mention(5, 5, inner),
            _mention(11, 5, inner)]
    assert _resolve_in_order(hits) == [hits[1], hits[3]] == _leftmost_longest(hits)
