"""Sentence splitting: offsets, abbreviations, headlines, boilerplate."""

from __future__ import annotations

import pytest

from eventcoder.segment import segment


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
