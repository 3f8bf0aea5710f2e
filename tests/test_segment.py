"""Sentence splitting: offsets, abbreviations, headlines, boilerplate."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder.lexicon import load_lexicon
from eventcoder.segment import MAX_SENTENCE, Segmenter
from tests.conftest import scaled

SEGMENTER_WORDS = load_lexicon().language.segment
SEGMENTER = Segmenter(SEGMENTER_WORDS)
segment = SEGMENTER.segment


def _texts(text: str, kind: str = "text") -> list[str]:
    return [text[s.start:s.end] for s in segment(text) if s.kind == kind]


@pytest.mark.parametrize("text,expected", [
    ("Gen. Munir met Mr. Dar. Talks followed.", ["Gen. Munir met Mr. Dar.", "Talks followed."]),
    ("U.S. envoys arrived on Oct. 19 in Doha. They left.",
     ["U.S. envoys arrived on Oct. 19 in Doha.", "They left."]),
    ("Headline Without A Full Stop\nBody sentence one. Body two!",
     ["Headline Without A Full Stop", "Body sentence one.", "Body two!"]),
    ("S. Jaishankar spoke. “We are ready,” he said. Then he left.",
     ["S. Jaishankar spoke.", "“We are ready,” he said.", "Then he left."]),
    ("  • A bullet point about talks.\n", ["A bullet point about talks."]),
])
def test_sentences(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_boilerplate_is_flagged_not_coded() -> None:
    text = ("Talks resumed.\nAlso Read: Apple Cuts iPhone Air Output\nMore UPDATES\n"
            "On This Page\n1. Introduction\n2. Background\n3. The Road Ahead\n"
            "4. Why the talks matter\nA closing sentence.")
    assert _texts(text) == ["Talks resumed.", "A closing sentence."]
    assert "Also Read: Apple Cuts iPhone Air Output" in _texts(text, "boilerplate")


def test_offsets_slice_the_original() -> None:
    text = "  Café talks\u00a0began.\r\nTürkiye said “no”. Fin."
    for s in segment(text):
        assert text[s.start:s.end] == text[s.start:s.end].strip()
        assert s.end > s.start
    assert [s.index for s in segment(text)] == list(range(len(segment(text))))


def test_header_span_is_its_own_segment() -> None:
    text = "date 2026-02-27 Ankara urged calm."
    segments = segment(text, ((0, 16),))
    assert [(s.kind, text[s.start:s.end]) for s in segments] == [
        ("header", "date 2026-02-27"), ("text", "Ankara urged calm.")]


def _cover(text: str) -> None:
    """Segments are stripped, in order, apart, and hold every character but spaces."""
    segments = segment(text)
    for s in segments:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == text[s.start:s.end].strip()
        assert s.kind != "text" or s.end - s.start <= MAX_SENTENCE
    assert all(a.end <= b.start for a, b in itertools.pairwise(segments))
    assert "".join("".join(text[s.start:s.end].split()) for s in segments) == \
        "".join(text.split())


def test_a_long_sentence_is_cut_at_clause_boundaries() -> None:
    # Without full stops a line is one sentence, and the rules' cost grows with its square.
    clause = "Pakistan and Afghanistan exchanged fire near Torkham, "
    text = clause * 30 + "talks; " + clause * 30
    pieces = _texts(text)
    assert len(pieces) >= 3 and all(len(p) <= MAX_SENTENCE for p in pieces)
    assert any(p.endswith("talks;") for p in pieces)  # a clause mark beats a comma
    assert all(p.endswith((",", ";")) for p in pieces[:-1])
    _cover(text)


@pytest.mark.parametrize("unit", ["word ", "x", "Pakistan,Afghanistan,clashed,",
                                  "\u202e\x00 \u200b", "a\u00a0b\u2028c\x1c"])
def test_any_long_line_is_cut_into_bounded_pieces(unit: str) -> None:
    _cover(unit * (5 * MAX_SENTENCE // len(unit) + 7))


def test_sentences_within_the_bound_are_not_cut() -> None:
    text = "Pakistan and Afghanistan exchanged fire, " * ((MAX_SENTENCE - 1) // 41) + "again."
    assert len(text) <= MAX_SENTENCE and _texts(text) == [text]


@scaled(200)
@given(st.lists(st.sampled_from(["Talks", "began", "Gen.", "U.S.", ",", ", ", "; ", ": ", " ",
                                 "\u2014 ", ". ", "\n", "\u00a0", "1,000", "10:30", "x" * 300,
                                 "(", ")"]), max_size=400))
def test_segments_cover_any_line_within_the_bound(parts: list[str]) -> None:
    _cover("".join(parts))


@pytest.mark.parametrize("text,expected", [
    ("Lt. Col. Amini led the patrol. It returned at dusk.",
     ["Lt. Col. Amini led the patrol.", "It returned at dusk."]),
    ("Rep. Haddad and Sen. Ortiz left on Sept. 4 for talks.",
     ["Rep. Haddad and Sen. Ortiz left on Sept. 4 for talks."]),
    ("The convoy left at 6 a.m. Shots were heard later.",   # a dotted word ends no sentence
     ["The convoy left at 6 a.m. Shots were heard later."]),
    ("They met at No. 10. Nothing was agreed.", ["They met at No. 10.", "Nothing was agreed."]),
    ("Prices rose in the west. Markets fell.", ["Prices rose in the west.", "Markets fell."]),
    ("A village of Sheikh. Abdi was quiet.", ["A village of Sheikh. Abdi was quiet."]),
    ("The Brig. general spoke. Crowds left.", ["The Brig. general spoke.", "Crowds left."]),
])
def test_abbreviations(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


@pytest.mark.parametrize("line,kind", [
    ("Read More: Border talks stall", "boilerplate"),
    ("RELATED ARTICLES", "boilerplate"),
    ("Subscribe to our newsletter", "boilerplate"),
    ("Watch: drone footage of the strike", "boilerplate"),
    ("Watchers said the border was calm.", "text"),        # a word boundary after the phrase
    ("Recommendations were sent to both sides.", "text"),
    ("Contents of the deal were not disclosed.", "boilerplate"),  # the phrase opens the line
])
def test_boilerplate_lines(line: str, kind: str) -> None:
    assert [s.kind for s in segment(line)] == [kind]


def test_the_language_drives_the_segmenter(tmp_path) -> None:
    from eventcoder.lexicon import BUNDLED

    text = "Cmdt. Diallo spoke.\nRead next: a map of the front\nTalks went on."
    assert [(text[s.start:s.end], s.kind) for s in segment(text)] == [
        ("Cmdt.", "text"), ("Diallo spoke.", "text"),
        ("Read next: a map of the front", "text"), ("Talks went on.", "text")]
    (tmp_path / "more.yaml").write_text(
        "language:\n  segment:\n    abbreviations: [cmdt]\n    boilerplate: ['read next']\n",
        encoding="utf-8")
    mine = Segmenter(load_lexicon([BUNDLED, tmp_path]).language.segment)
    assert [(text[s.start:s.end], s.kind) for s in mine.segment(text)] == [
        ("Cmdt. Diallo spoke.", "text"), ("Read next: a map of the front", "boilerplate"),
        ("Talks went on.", "text")]
    bare = Segmenter(SEGMENTER_WORDS.model_copy(update={"abbreviations": []}))
    short = "Gen. Munir met Dar."
    assert [short[s.start:s.end] for s in bare.segment(short)] == ["Gen.", "Munir met Dar."]


@pytest.mark.parametrize("separator", ["\u00a0", "\t", "\u2009"])
def test_other_spaces_split_sentences_alike(separator: str) -> None:
    # Found by attack: with no plain space before it, the word before a full stop was read
    # from the line's start (time quadratic in the line).
    text = separator.join(["Gen.", "Munir", "met", "Dar.", "Talks", "followed."])
    assert [t.replace(separator, " ") for t in _texts(text)] == [
        "Gen. Munir met Dar.", "Talks followed."]


@pytest.mark.parametrize("marks", ["." * 50, "!?" * 25, "?!.", "...\u201d"])
def test_a_run_of_marks_ends_one_sentence(marks: str) -> None:
    text = f"Talks failed{marks} Fighting resumed{marks}"
    assert _texts(text) == [f"Talks failed{marks}", f"Fighting resumed{marks}"]


@scaled(300)
@given(st.lists(st.sampled_from(["Talks", "began", "Gen.", "U.S.", "Also read", "Related",
                                 "Subscribe", "contents", "\u2022 ", "- ", "* ", "1. ", "12) ",
                                 "3.", ". ", "! ", "? ", "...", "!?", ".\u201d ", ".) ", " ",
                                 "  ", "\n", "\t", "\u00a0", ",", "Mr", "x" * 40]),
                max_size=60),
       st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=2))
def test_the_shortcuts_split_as_the_plain_tests(parts: list[str],
                                                headers: list[tuple[int, int]]) -> None:
    """The line-start test and the full-stop terminator (for a text with no "!" or "?")
    give the spans that testing every line and the general terminator give."""
    text = "".join(parts)
    spans = tuple(sorted({(min(a, len(text)), min(a + b, len(text))) for a, b in headers}))
    spans = tuple(s for i, s in enumerate(spans) if i == 0 or s[0] >= spans[i - 1][1])
    assert SEGMENTER.spans(text, spans) == SEGMENTER.spans(text, spans, shortcut=False), text


@scaled(300)
@given(st.text(st.sampled_from("ab1.  \t(-_\u00e9\u00b2"), max_size=100), st.data())
def test_the_word_before_a_dot_is_read_as_character_by_character(line: str, data) -> None:
    from eventcoder.segment import _word_before, word_before_plain
    dot = data.draw(st.integers(0, len(line)))
    assert _word_before(line, dot) == word_before_plain(line, dot)
