"""The matcher's shortcuts held to plain versions, its memory on long texts, and its work
counted on inputs that grow (linear, never quadratic in a line or a sentence)."""

from __future__ import annotations

import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import eventcoder
from eventcoder import match
from eventcoder import text as text_module
from eventcoder.match import _leftmost_longest, _scan_squeezed, _scan_window, _shape, shape_plain
from eventcoder.model.mentions import CueRef, Mention, PlaceRef, TriggerRef, group_payloads
from tests.conftest import interpreted_only, scaled

_ASCII = st.text(st.characters(max_codepoint=127))


@scaled(300)
@given(text=st.one_of(_ASCII, st.text()))
def test_shape_is_the_regex_on_any_text(text: str) -> None:
    assert _shape(text) == shape_plain(text)
    assert len(_shape(text)) == len(text)


_PAYLOADS = st.sampled_from([(TriggerRef("clash", False),), (CueRef("negation", None, "both", 3),),
                             (PlaceRef("kabul"),), (TriggerRef("clash", True), PlaceRef("x"))])


@st.composite
def _disjoint_mentions(draw: Any) -> list[Mention]:
    """Mentions in text order, none overlapping another (as the automaton reports most)."""
    mentions, at = [], 0
    for _ in range(draw(st.integers(0, 12))):
        at += draw(st.integers(0, 4))
        length = draw(st.integers(1, 6))
        payloads = draw(_PAYLOADS)
        mentions.append(Mention(at, at + length, payloads, group_payloads(payloads)))
        at += length
    return mentions


@scaled(300)
@given(mentions=_disjoint_mentions())
def test_disjoint_hits_are_their_own_leftmost_longest(mentions: list[Mention]) -> None:
    # `_scan_window` returns hits that do not overlap as they come, without resolving them.
    assert _leftmost_longest(mentions) == mentions


def _squeezed_reference(automaton: Any, folded: str, start: int, end: int,
                        original: str | None) -> list[Mention]:
    """The former squeezed scan: a table of every character index kept."""
    keep = [i for i in range(start, end)
            if not (folded[i] == " " and i > start and folded[i - 1] == " ")]
    squeezed = "".join(folded[i] for i in keep)
    plain = None if original is None else "".join(original[i] for i in keep)
    found = _scan_window(automaton, squeezed, " " + _shape(squeezed) + " ", 0, len(squeezed),
                         plain)
    return [Mention(keep[m.start], keep[m.end - 1] + 1, m.payloads, m.groups) for m in found]


_WORDS = st.sampled_from(["Pakistan", "and", "Afghanistan", "clashed", "offered", "to",
                          "mediate", "US", "us", "al-Shabaab", "Kabul's", "'Amran", "talks",
                          "in", "Doha", ".", ",", "\t", "\u00a0", "exchanged", "fire",
                          # Shaped alike, told apart by the key or the apostrophes:
                          "Harakat al-Shabaab al-Mujahideen", "Harakat al Shabaab al Mujahideen",
                          "6th-of-October City", "AFGHAN'STRUCK", "Afghan'", "'Afghan"])
_GAPS = st.sampled_from([" ", " ", "  ", "   ", "", " \t "])


@scaled(300)
@given(parts=st.lists(st.tuples(_WORDS, _GAPS), min_size=1, max_size=25), data=st.data())
def test_squeezed_scan_is_the_per_character_one(coder, parts, data) -> None:
    text = "".join(w + g for w, g in parts)
    folded = coder.folder.fold(text)
    start = data.draw(st.integers(0, len(folded)))
    end = data.draw(st.integers(start, len(folded)))
    for automaton, original in ((coder.matcher._full, text), (coder.matcher._triggers, None)):
        assert _scan_squeezed(automaton, folded, start, end, original) == \
            _squeezed_reference(automaton, folded, start, end, original)


@pytest.mark.parametrize("text,found", [
    ("Pakistan offered to  mediate", ["Pakistan", "offered to  mediate"]),
    ("Pakistan  and   Afghanistan  exchanged  fire", ["Pakistan", "Afghanistan",
                                                      "exchanged  fire"]),
    ("told  us  that the US  forces", ["US", "forces"]),   # "us" is no abbreviation
])
def test_runs_of_spaces_read_as_one(coder, text: str, found: list[str]) -> None:
    folded = coder.folder.fold(text)
    mentions = coder.matcher.mentions(folded, 0, len(folded), text)
    assert [text[m.start:m.end] for m in mentions] == found


def _peak_bytes(fn: Callable[[], Any]) -> int:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("double_spaces", [1, 10_000])
def test_a_double_space_costs_no_table_per_character(coder, double_spaces: int) -> None:
    # Issue 17, defect 14: one double space made the first pass build a list of every
    # character index of the document (a 20 MB text: 366 MB -> 3.37 GB).
    line = "Officials said the weather was mild and the markets were calm today. "
    lines = 2_000_000 // len(line)
    chosen = set(range(lines // double_spaces // 2, lines, lines // double_spaces))
    text = "".join(line.replace("said ", "said  ") if i in chosen else line
                   for i in range(lines))
    folded = coder.folder.fold(text)
    assert folded.count("  ") == len(chosen) >= double_spaces
    peak = _peak_bytes(lambda: coder.matcher.triggers(folded))
    # (Measured: 6 bytes a character, the copies of the text a scan makes; a table of
    # every index was 40 or more.)
    assert peak < 8 * len(text), peak / len(text)


# -- work counted on inputs that grow ------------------------------------------------------

_PACKAGE = str(Path(eventcoder.__file__).parent)


def _work(fn: Callable[[], Any]) -> int:
    """The lines of eventcoder's code run, and the calls it makes into C (a regex, a slice
    of the text...), while `fn` runs: a count of work that, unlike time, the machine's load
    does not change."""
    count = 0

    def local(frame: Any, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def tracer(frame: Any, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename.startswith(_PACKAGE) else None

    def profiler(frame: Any, event: str, arg: Any) -> None:
        nonlocal count
        if event == "c_call" and frame.f_code.co_filename.startswith(_PACKAGE):
            count += 1

    sys.settrace(tracer)
    sys.setprofile(profiler)
    try:
        fn()
    finally:
        sys.settrace(None)
        sys.setprofile(None)
    return count


_TRACED = interpreted_only(match, text_module,
                          why="the tracer counts lines of interpreted code")


def _grows_linearly(make: Callable[[int], Callable[[], Any]], n: int = 2_000,
                    factor: int = 8) -> None:
    small, large = _work(make(n)), _work(make(n * factor))
    assert small > 0
    assert large <= factor * small * 1.25, (small, large, large / small)


# Texts that load the matcher where it could grow faster than the text: runs of spaces,
# phrases that overlap (resolved leftmost-longest), apostrophes beside every hit,
# abbreviations checked against the original, and names of two countries side by side.
_ATTACKS = {
    "spaces": "Pakistan  and  Afghanistan  clashed  near  the  border.  ",
    "overlaps": "Pakistan-Afghanistan border talks are scheduled to meet and exchanged fire ",
    "apostrophes": "Kabul's forces' talks'n'clashes AFGHAN'STRUCK 'Amran's ",
    "abbreviations": "US UK us uk LeT let KIA ",
    "pairs": "India and Pakistan clashed. Iran and Iraq clashed. Chad and Sudan clashed. ",
}


@pytest.mark.parametrize("attack", sorted(_ATTACKS))
@_TRACED
def test_the_first_pass_over_a_document_is_linear(coder, attack: str) -> None:
    def make(n: int) -> Callable[[], Any]:
        text = (_ATTACKS[attack] * (n // len(_ATTACKS[attack]) + 1))[:n]
        folded = coder.folder.fold(text)
        return lambda: coder.matcher.triggers(folded)
    _grows_linearly(make)


@pytest.mark.parametrize("attack", sorted(_ATTACKS))
@_TRACED
def test_the_mentions_of_one_long_window_are_linear(coder, attack: str) -> None:
    # One window of any length (the segmenter bounds sentences; the matcher must not rely
    # on it).
    def make(n: int) -> Callable[[], Any]:
        text = (_ATTACKS[attack] * (n // len(_ATTACKS[attack]) + 1))[:n]
        folded = coder.folder.fold(text)
        return lambda: coder.matcher.mentions(folded, 0, len(folded), text)
    _grows_linearly(make)


def test_the_shape_memo_follows_the_text(coder) -> None:
    # The matcher keeps the shape of the last text it read: another text, then the first
    # again (an equal string that is another object), give each their own mentions.
    first, second = "Pakistan and Afghanistan clashed.", "Talks  in Doha resumed."
    fresh = eventcoder.match.window_shape  # (what a matcher without the memo reads)
    assert fresh(first, 0, len(first)) != fresh(second, 0, len(second))
    before = coder.matcher.mentions(coder.folder.fold(first), 0, len(first), first)
    assert [first[m.start:m.end] for m in before] == ["Pakistan", "Afghanistan", "clashed"]
    after = coder.matcher.mentions(coder.folder.fold(second), 0, len(second), second)
    assert [second[m.start:m.end] for m in after] == ["Talks", "Doha"]
    assert coder.matcher.mentions(coder.folder.fold(first), 0, len(first), first) == before


def test_the_automaton_reports_named_phrases(coder) -> None:
    plain = 0
    for _, hit in coder.matcher._full.items():
        if hit.__class__ is match.Phrase:  # the common case, checked inline
            assert hit.forms is None and not hit.edged
            plain += 1
        else:
            assert type(hit) is tuple and all(p.__class__ is match.Phrase for p in hit)
    assert plain > len(coder.matcher._full) / 2


@pytest.fixture(scope="module")
def checked_in_full(coder) -> Any:
    """The full automaton with every pattern's phrases checked in full, as a tuple: the
    reference for the inline check of the common phrase."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for pattern, hit in coder.matcher._full.items():
        automaton.add_word(pattern, (hit,) if hit.__class__ is match.Phrase else hit)
    automaton.make_automaton()
    return automaton


@scaled(200)
@given(parts=st.lists(st.tuples(_WORDS, _GAPS), min_size=1, max_size=25), data=st.data())
def test_the_inline_check_is_the_full_one(coder, checked_in_full, parts, data) -> None:
    text = "".join(w + g for w, g in parts)
    folded = coder.folder.fold(text)
    start = data.draw(st.integers(0, len(folded)))
    end = data.draw(st.integers(start, len(folded)))
    shaped = (" " + _shape(folded) + " ")[start:end + 2]
    assert _scan_window(coder.matcher._full, folded, shaped, start, end, text) == \
        _scan_window(checked_in_full, folded, shaped, start, end, text)


@scaled(200)
@given(text=st.one_of(st.text(st.sampled_from("ab '-\u00e9")), st.text()), data=st.data())
def test_a_window_of_the_text_shape_is_the_window_shaped(text: str, data) -> None:
    # `Matcher._scan` slices the shape of the whole text it last shaped; shaping the window
    # and its two neighbours is the reference.
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert (" " + _shape(text) + " ")[start:end + 2] == match.window_shape(text, start, end)


@pytest.mark.parametrize("sentence, actor1", [
    # the gazetteer holds a town named "Saint Lucia's": the state's possessive is the state's
    ("Saint Lucia's army and Afghanistan's army clashed.", "Military Forces of Saint Lucia"),
    ("Saint Lucia's police clashed with Afghanistan's army.", "Police Forces of Saint Lucia"),
    # hard negatives: the name without a possessive, and another state's possessive
    ("Saint Lucia and Afghanistan clashed.", "Military Forces of Saint Lucia"),
    ("Sri Lanka's army and Afghanistan's army clashed.", "Military Forces of Sri Lanka"),
])
def test_a_lexicon_names_possessive_is_no_town(coder, sentence: str, actor1: str) -> None:
    rows = coder.code_texts([sentence], published="2026-03-06")
    assert str(rows["actor1"].iloc[0]).startswith(actor1), rows[["actor1", "actor2"]]
