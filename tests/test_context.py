"""The document context: one row per event across sentences, in work linear in the events
of a document (issue 17, defect 10: 1 MB of "X and Y clashed." over distinct country pairs
took 30 s, as each event was compared with every earlier one)."""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from eventcoder import context
from eventcoder.context import MERGE_REACH, Pending, merge_mentions
from eventcoder.model import EventRecord, Location
from eventcoder.model.actors import Actor
from tests.conftest import code_rows


class _Counted:
    """An identity that counts how often it is compared."""

    comparisons = 0

    def __init__(self, key: Any) -> None:
        self.key = key

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        _Counted.comparisons += 1
        return isinstance(other, _Counted) and self.key == other.key


@contextmanager
def counted_work(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Count the comparisons merging makes: of identities, and of compatible records."""
    calls = [0]
    identity, compatible = context._identity, context._compatible

    def counted_identity(record: EventRecord) -> Any:
        key = identity(record)
        return None if key is None else _Counted(key)

    def counted_compatible(a: EventRecord, b: EventRecord) -> bool:
        calls[0] += 1
        return compatible(a, b)

    _Counted.comparisons = 0
    monkeypatch.setattr(context, "_identity", counted_identity)
    monkeypatch.setattr(context, "_compatible", counted_compatible)
    work = [0]
    yield work
    work[0] = calls[0] + _Counted.comparisons


def _state(iso3: str) -> Actor:
    return Actor(iso3, f"Military Forces of {iso3}", iso3, "state_forces", True, "military")


def _pending(n: int, same_sides: bool) -> list[Pending]:
    """n clashes, one a sentence: between n pairs of states, or all between one pair at n
    different places (none a mention of another)."""
    codes = ["".join(c) for c in itertools.product("ABCDEFGHIJ", repeat=3)]
    out = []
    for i in range(n):
        a, b = ("AAA", "BBB") if same_sides else (codes[2 * i], codes[2 * i + 1])
        place = Location(f"town{i}", None, "X", "AAA", 0.0, float(i) / n, 1) \
            if same_sides else None
        record = EventRecord("doc", i, 10 * i, 10 * i + 9, "s", "clashed", 10 * i, 10 * i + 7,
                             "clash", None, None, "occurred", ["r"], side1=_state(a),
                             side2=_state(b), place=place)
        out.append(Pending(record, "dyadic", "military", False))
    return out


@pytest.mark.parametrize("same_sides", [False, True])
def test_merging_is_linear_in_the_events_of_a_document(monkeypatch: pytest.MonkeyPatch,
                                                       same_sides: bool) -> None:
    work = {}
    for n in (100, 400):
        with warnings.catch_warnings(), counted_work(monkeypatch) as counted:
            warnings.simplefilter("ignore")
            kept = merge_mentions(_pending(n, same_sides), reach=10)
        assert len(kept) == n  # no event is a mention of another
        work[n] = counted[0]
    assert work[400] <= 4.5 * work[100] + 50
    assert work[400] <= 12 * 400  # at most `reach` comparisons an event, and its identity's


def test_events_beyond_the_reach_are_kept_with_a_warning() -> None:
    with pytest.warns(UserWarning, match="not merged into 20 of them"):
        kept = merge_mentions(_pending(30, same_sides=True), reach=10)
    assert len(kept) == 30
    assert MERGE_REACH >= 100  # real documents never come near it


def test_later_mentions_join_the_first(coder) -> None:
    text = ("Pakistani and Afghan forces clashed near Torkham on Monday. "
            "Pakistani and Afghan forces clashed on Monday, killing three soldiers.")
    rows = code_rows(coder, [text], "2026-03-04")
    assert len(rows) == 1 and rows[0]["mentions"] == 2 and rows[0]["fatalities"] == 3


def test_a_document_of_many_pairs_codes_in_linear_work(coder,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Defect 10 as reported: sentences "X and Y clashed." over distinct pairs of states."""
    names = [c.name for c in coder.lexicon.countries if " " not in c.name]
    pairs = list(itertools.permutations(names, 2))
    work = {}
    for n in (60, 240):
        text = " ".join(f"{a} and {b} clashed." for a, b in pairs[:n])
        with counted_work(monkeypatch) as counted:
            rows = code_rows(coder, [text], "2026-03-04")
        assert len(rows) >= n // 2
        work[n] = counted[0]
    assert work[240] <= 4.5 * work[60] + 50
