"""The participants' rules written without generators read as the plain
expressions they replace: who is a source, which chunks run together, which chunks a
death toll holds."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from eventcoder.model.actors import UnnamedActor
from eventcoder.model.participants import Chunk
from eventcoder.rules import chunks, participants
from eventcoder.rules.chunks import chunk_runs
from eventcoder.rules.participants import _mark_victims, _sources
from tests.conftest import interpreted_only, scaled

# The stand-ins below (a vocabulary, a view, an actor book) are refused by compiled code.
pytestmark = interpreted_only(chunks, participants, why="stand-ins for typed arguments")

_WORDS = st.lists(st.sampled_from(["according", "to", "said", "and", ",", "army", "x", "by"]),
                  max_size=14)
_VOCABULARY: Any = SimpleNamespace(
    speech=frozenset({"said"}), source_phrases=(("according", "to"), ("by", "x", "to")),
    connectors=frozenset({"and", ","}))


def _sources_plain(words: list[str], spans: list[tuple[int, int]]) -> list[bool]:
    """`_sources` as it was: every phrase compared whole."""
    out = []
    for first, last in spans:
        source = last + 1 < len(words) and words[last + 1] in _VOCABULARY.speech
        for phrase in _VOCABULARY.source_phrases:
            if source:
                break
            source = first >= len(phrase) and tuple(words[first - len(phrase):first]) == phrase
        out.append(source)
    return out


def _spans(size: int) -> st.SearchStrategy[list[tuple[int, int]]]:
    return st.lists(st.tuples(st.integers(0, max(size - 1, 0)), st.integers(0, 2)).map(
        lambda p: (p[0], min(p[0] + p[1], max(size - 1, 0)))), max_size=5)


@scaled(200)
@given(data=st.data(), words=_WORDS)
def test_sources_read_as_whole_phrases(data: st.DataObject, words: list[str]) -> None:
    spans = data.draw(_spans(len(words)))
    assert _sources(words, spans, _VOCABULARY) == _sources_plain(words, spans)


def test_a_source_after_its_phrase() -> None:
    words = "according to the army , x said".split()
    assert _sources(words, [(2, 3), (5, 5)], _VOCABULARY) == [True, True]
    assert _sources("to the army".split(), [(2, 2)], _VOCABULARY) == [False]


def _chunks(bounds: list[tuple[int, int]]) -> list[Chunk]:
    chunks, at = [], 0
    for gap, size in bounds:
        chunks.append(Chunk(at + gap, at + gap + size, UnnamedActor("militants")))
        at += gap + size + 1
    return chunks


@scaled(200)
@given(words=_WORDS.map(lambda w: w + ["x"] * 30),
       bounds=st.lists(st.tuples(st.integers(0, 3), st.integers(0, 1)), max_size=6))
def test_chunk_runs_join_over_connectors_only(words: list[str],
                                              bounds: list[tuple[int, int]]) -> None:
    chunks = _chunks(bounds)
    view: Any = SimpleNamespace(words=words)
    runs = chunk_runs(chunks, view, _VOCABULARY)
    assert [c for run in runs for c in run] == chunks
    for before, after in zip(runs, runs[1:]):
        between = words[before[-1].last + 1:after[0].first]
        assert between and not all(w in _VOCABULARY.connectors for w in between)
    for run in runs:
        for prev, chunk in zip(run, run[1:]):
            assert all(w in _VOCABULARY.connectors for w in words[prev.last + 1:chunk.first])


@scaled(200)
@given(bounds=st.lists(st.tuples(st.integers(0, 3), st.integers(0, 1)), min_size=1,
                       max_size=5),
       tolls=st.lists(st.tuples(st.integers(0, 12), st.integers(0, 4)), max_size=3))
def test_a_run_takes_the_first_toll_that_holds_it(bounds: list[tuple[int, int]],
                                                  tolls: list[tuple[int, int]]) -> None:
    spans = [(a, a + n) for a, n in tolls]
    runs = [[c] for c in _chunks(bounds)]
    book: Any = SimpleNamespace(victim_kinds=frozenset({"militants"}))
    _mark_victims(runs, spans, book)
    for (chunk,) in runs:
        end = next((b for a, b in spans if a <= chunk.first <= b), None)  # the plain reading
        assert chunk.toll_end == (-1 if end is None else end)
        assert chunk.victim == (end is not None)
