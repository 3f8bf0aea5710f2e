"""The speed-ups of the scan and the places, each held to its plain version."""

from __future__ import annotations

from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from eventcoder import match
from eventcoder.match import _leftmost_longest, _resolve_in_order
from eventcoder.model.mentions import (ActorRef, CueRef, Mention, PlaceRef, TriggerRef,
                                       group_payloads)
from tests.conftest import interpreted_only, scaled

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


# A small lexicon whose phrases nest and overlap: a trigger inside a name ("fire" in "fire
# brigade"), a name inside a trigger ("talks" in "held talks"), keys that shape alike
# ("al-shabaab" and "al shabaab"), keys edged with punctuation ("'amran", and "forces'",
# which ends one character after "forces" on the same hit), names that start inside a
# trigger and end after it ("talks security", "clash held"), and an abbreviation matched
# only as written ("US").
_LEXICON = {
    "fire": (TriggerRef("clash", False),), "fire brigade": (ActorRef("generic", "fire"),),
    "held": (CueRef("status", None, "both", 3),), "held talks": (TriggerRef("talks", False),),
    "talks": (PlaceRef("talks"),), "security forces": (ActorRef("organ", "police"),),
    "forces'": (PlaceRef("forces'"),), "forces": (ActorRef("generic", "forces"),),
    "forces clash": (TriggerRef("clash", True),),
    "clash": (TriggerRef("clash", False),), "al-shabaab": (ActorRef("group", "shabaab"),),
    "al shabaab": (PlaceRef("al shabaab"),), "shabaab": (ActorRef("group", "shabaab"),),
    "'amran": (PlaceRef("'amran"),), "us": (ActorRef("state", "USA"),),
    "talks security": (PlaceRef("talks security"),),
    "clash held": (CueRef("negation", None, "both", 3),),
}
_WORDS = st.sampled_from(["fire", "brigade", "held", "talks", "security", "forces", "clash",
                          "al", "shabaab", "'amran", "amran", "us", "US", "x", "o'", "'s",
                          "clash held", "held talks security", "forces'", "fire brigade",
                          "security forces clash"])
_GLUE = st.sampled_from([" "] * 6 + ["-", "'", ", ", ". ", "  "])


def _automaton() -> Any:
    from types import SimpleNamespace

    from eventcoder.match import Matcher
    table = {key: list(refs) for key, refs in _LEXICON.items()}
    return Matcher._compile(SimpleNamespace(_exact={"us": {"US"}}), table)  # type: ignore[arg-type]


@interpreted_only(match, why="a stand-in for the matcher")
@scaled(400)
@example([("x clash held talks security forces' clash fire", " ")], None)
@given(st.lists(st.tuples(_WORDS, _GLUE), max_size=16), st.data())
def test_a_window_resolved_as_its_hits_come_is_resolved_as_by_sorting(parts: list, data: Any
                                                                       ) -> None:
    from eventcoder.match import _scan_window, scan_window_plain, window_shape
    original = "".join(w + g for w, g in parts)
    folded = original.lower()
    start, end = (0, len(folded)) if data is None else \
        sorted(data.draw(st.tuples(st.integers(0, len(folded)), st.integers(0, len(folded)))))
    shaped = window_shape(folded, start, end)
    automaton = _automaton()
    for text in (original, None):
        assert _scan_window(automaton, folded, shaped, start, end, text) == \
            scan_window_plain(automaton, folded, shaped, start, end, text)
