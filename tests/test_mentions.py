"""Mentions are values: not frozen dataclasses (for speed: the matcher makes one per phrase
found), but equal and hashed as their frozen twins would be."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import eventcoder.match
from eventcoder.model.mentions import (
    ActorRef,
    CueRef,
    Mention,
    Payload,
    Placed,
    PlaceRef,
    TriggerRef,
    group_payloads,
)
from tests.conftest import scaled


@dataclass(frozen=True)
class _FrozenMention:
    start: int
    end: int
    payloads: tuple[Payload, ...]
    groups: dict[type, tuple] = field(compare=False, hash=False)


@dataclass(frozen=True)
class _FrozenPlaced:
    mention: _FrozenMention
    first: int
    last: int


_REFS = st.sampled_from([TriggerRef("clash", False), TriggerRef("clash", True),
                         ActorRef("state", "AFG"), PlaceRef("kabul"),
                         CueRef("negation", None, "before", 5)])
_MENTIONS = st.builds(lambda s, n, p: (s, s + n, tuple(p)), st.integers(0, 5),
                      st.integers(0, 3), st.lists(_REFS, max_size=3))


def _both(fields: tuple[int, int, tuple[Payload, ...]], groups: dict[type, tuple]
          ) -> tuple[Mention, _FrozenMention]:
    return Mention(*fields, groups), _FrozenMention(*fields, groups)


@scaled(300)
@given(a=_MENTIONS, b=_MENTIONS, spans=st.tuples(st.integers(0, 3), st.integers(0, 3)))
def test_mentions_and_placed_compare_and_hash_as_frozen_ones(a: Any, b: Any, spans: Any) -> None:
    (ma, fa), (mb, fb) = _both(a, {}), _both(b, group_payloads(b[2]))  # groups never compared
    assert (ma == mb) == (fa == fb)
    if fa == fb:
        assert hash(ma) == hash(mb)
    pa, qa = Placed(ma, *spans), _FrozenPlaced(fa, *spans)
    pb, qb = Placed(mb, *spans), _FrozenPlaced(fb, *spans)
    assert (pa == pb) == (qa == qb)
    if qa == qb:
        assert hash(pa) == hash(pb)


@scaled(200)
@given(payloads=st.lists(_REFS, max_size=4).map(tuple))
def test_a_mention_finds_its_payloads_by_kind(payloads: tuple[Payload, ...]) -> None:
    mention = Mention.grouped(0, 1, payloads)
    for kind in (TriggerRef, ActorRef, PlaceRef, CueRef):
        assert mention.of(kind) == tuple(p for p in payloads if isinstance(p, kind))
        assert (kind in mention.groups) == any(isinstance(p, kind) for p in payloads)


def test_the_matcher_still_offers_the_value_types() -> None:
    # Until the callers import them from eventcoder.model.mentions.
    assert eventcoder.match.Mention is Mention and eventcoder.match.TriggerRef is TriggerRef
