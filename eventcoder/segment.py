"""Split an article into sentences with character offsets into the original text.

Line breaks and headlines are boundaries; abbreviations (Gen., Mr., U.S., Oct.) are not.
Navigation boilerplate ("Also Read: ...", "More UPDATES", tables of contents, numbered
section headings) and header lines (publication date, dateline) are kept as segments, so
sentence numbers stay stable, but are flagged and never coded. The abbreviations and the
boilerplate phrases are the lexicon's (``language.segment``).

Time is linear in the text's length: a run of marks ("....", "!?!?") is read once, the word
before a full stop is read back only to the white space before it, and a sentence longer
than MAX_SENTENCE is cut at clause boundaries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mypy_extensions import mypyc_attr

if TYPE_CHECKING:  # (the module needs nothing else of the package to run)
    from .lexicon.lang_text import SegmentWords

# A sentence ends in full stops, question or exclamation marks and closing quotes or
# brackets (group 1) before white space. The match takes that white space too, so the next
# sentence starts where it ends. It starts at the first mark of a run, never inside one:
# tried at every mark of a long run with no space after it, it would read the rest of the
# run each time (time quadratic in the run).
_CLOSERS = r"[\"'\u201d\u2019)\]]*"
_TERMINATOR = re.compile(r"([.!?](?<![.!?]{2})[.!?]*" + _CLOSERS + r")\s+")
# The same end at the end of a text: its marks, closers and blanks only.
_FINAL = re.compile(r"[.!?]" + _CLOSERS + r"\s*\Z")
# The same for a text with no "!" or "?" (most news), where it finds the same ends: the
# regex engine finds a literal first character twice as fast as one of a class (held to
# _TERMINATOR by tests/test_segment.py).
_DOT_TERMINATOR = re.compile(r"(\.(?<!\.\.)\.*[\"'\u201d\u2019)\]]*)\s+")
_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+\S")
_BULLET = re.compile(r"^\s*(?:[\u2022\u25cf\u25aa\u2023*\-]|\d{1,2}[.)])\s+")
_HEADING_MAX = 90
# A longer sentence is cut at clause boundaries. The rules weigh every mention of a sentence
# against every trigger in it, so an unbroken line (a 1 MB list of clauses with no full
# stop) would cost time quadratic in its length. News sentences are far shorter: the longest
# in the example articles has 232 characters.
MAX_SENTENCE = 1000
# Where to cut, best first: after a clause mark, after a comma, at a space, after any other
# non-word character; failing all, at the bound itself.
_CUTS = (re.compile(r"[;:\u2014](?=\s)"), re.compile(r",(?=\s)"), re.compile(r"\s"),
         re.compile(r"\W"))

Span = tuple[int, int, str]
# How far back `_word_before` looks for the space before a word, at most.
_WORD_MAX = 40


@dataclass(frozen=True, slots=True)
class Sentence:
    """A span of the document. `kind` is "text" (coded), "boilerplate" or "header"."""

    index: int
    start: int
    end: int
    kind: str = "text"


def ends_sentence(text: str) -> bool:
    """Whether `text` ends as a sentence does (a full stop, question or exclamation mark,
    then closing quotes or brackets): a date line or a title does not."""
    return _FINAL.search(text) is not None


def _word_before(line: str, dot: int) -> str:
    """The word before the full stop at `dot`: letters, digits and dots back to the
    previous other character. Nearly always a space stands before it, and the word is
    checked whole (in C) rather than read back character by character, as
    `word_before_plain` (the reference) does: 0.4 % of coding a corpus."""
    # (searched back a word's length at most: a line spaced otherwise stays linear)
    low = dot - _WORD_MAX if dot > _WORD_MAX else 0
    space = line.rfind(" ", low, dot)
    if space >= 0 or low == 0:
        word = line[space + 1:dot]
        if not word or word.replace(".", "a").isalnum():
            return word
    return word_before_plain(line, dot)


def word_before_plain(line: str, dot: int) -> str:
    """`_word_before` read back from the dot: linear in the word, not the line."""
    j = dot
    while j > 0 and (line[j - 1].isalnum() or line[j - 1] == "."):
        j -= 1
    return line[j:dot]


def _cut(line: str, low: int, high: int) -> int:
    """Where to end a piece that must end in low..high: the latest, best boundary."""
    for pattern in _CUTS:
        last = None
        for last in pattern.finditer(line, low, high):
            pass
        if last is not None:
            return last.end()
    return high


def _bounded(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stripped span start..end, in stripped pieces of at most MAX_SENTENCE characters
    that keep the offsets of `line`."""
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = _cut(line, start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        stop = cut
        while line[stop - 1].isspace():
            stop -= 1
        pieces.append((start, stop))
        start = cut
        while line[start].isspace():
            start += 1
    pieces.append((start, end))
    return pieces


def _add_span(out: list[Span], line: str, start: int, end: int, base: int) -> None:
    """Append the sentence line[start:end], stripped already (offsets shifted by `base`),
    cut if over-long."""
    if end - start <= MAX_SENTENCE:
        out.append((base + start, base + end, "text"))
    else:
        out.extend((base + a, base + b, "text") for a, b in _bounded(line, start, end))


@mypyc_attr(allow_interpreted_subclasses=True)
class Segmenter:
    """Splits texts into sentences with one language's abbreviations and boilerplate."""

    def __init__(self, words: SegmentWords) -> None:
        self.abbreviations = frozenset(words.abbreviations)
        phrases = "|".join(f"(?:{p})" for p in words.boilerplate) or "(?!)"
        self._boilerplate = re.compile(r"(?i)^\s*(?:" + phrases + r")\b")
        # How every line that the boilerplate, heading or bullet patterns match starts:
        # most lines are plain text, and one test spares them the three (held to them by
        # tests/test_segment.py).
        self._special = re.compile(r"(?i)\s*(?:(?:" + phrases + r")\b|"
                                   r"[\u2022\u25cf\u25aa\u2023*\-]\s|\d{1,2}[.)]\s)")

    def segment(self, text: str, header_spans: tuple[tuple[int, int], ...] = ()
                ) -> list[Sentence]:
        """Sentences of `text` in order, with offsets such that text[start:end] is the
        sentence."""
        return [Sentence(index, start, end, kind)
                for index, (start, end, kind) in enumerate(self.spans(text, header_spans))]

    def spans(self, text: str, header_spans: tuple[tuple[int, int], ...] = (),
              until: int | None = None, shortcut: bool = True) -> list[Span]:
        """The (start, end, kind) of each sentence of `segment`, in order, its position
        being its index: no object per sentence, for a caller that needs a Sentence of
        only a few. With `until`, only the sentences of lines that start at or before that
        offset: the first ones of all, as each line is split on its own. `shortcut=False`
        tests every line for boilerplate, headings and bullets (the reference)."""
        last = len(text) if until is None else until
        masked = text
        for s, e in header_spans:
            masked = masked[:s] + "\n" * (e - s) + masked[e:]
        spans: list[Span] = []
        for s, e in header_spans:
            chunk = text[s:e]
            if chunk.strip() and s <= last:
                lead = len(chunk) - len(chunk.lstrip())
                spans.append((s + lead, s + lead + len(chunk.strip()), "header"))
        # The lines that start at or before `last` are those before the first line break
        # at or after it: the rest is never split.
        cut = masked.find("\n", last) if last >= 0 else 0
        if cut >= 0:
            masked = masked[:cut]
        terminator = _DOT_TERMINATOR if shortcut and "!" not in masked and "?" not in masked \
            else _TERMINATOR
        offset = 0
        for line in masked.split("\n"):
            if line and shortcut and not self._special.match(line):
                self._split_line(line, offset, spans, terminator)
            elif line:  # a blank line gives no sentence
                self._split_lined(line, offset, spans, terminator)
            offset += len(line) + 1
        if header_spans:  # else made in text order
            spans.sort()
        return spans

    def is_abbreviation(self, line: str, dot: int) -> bool:
        """True when the full stop at `dot` ends an abbreviation or an initial, not a
        sentence."""
        word = _word_before(line, dot).lower()
        if not word:
            return False
        if "." in word or (len(word) == 1 and word.isalpha()):
            return True  # U.S. / a.m. / initials such as "S. Jaishankar"
        return word in self.abbreviations

    def line_kind(self, line: str) -> str:
        """"boilerplate" for a navigation line or a numbered section heading, else "text"."""
        if self._boilerplate.match(line):
            return "boilerplate"
        # A numbered section heading names a topic, it reports nothing; a run of them is a
        # table of contents.
        if _NUMBERED.match(line):
            stripped = line.strip()
            if len(stripped) <= _HEADING_MAX and not stripped.endswith((".", "!", "?")):
                return "boilerplate"
        return "text"

    def _split_lined(self, line: str, offset: int, spans: list[Span],
                     terminator: re.Pattern[str] = _TERMINATOR) -> None:
        """Append the spans of a line (not blank): boilerplate whole, text by sentence,
        after its bullet if it has one."""
        kind = self.line_kind(line)
        if kind != "text":
            stripped = line.strip()
            lead = len(line) - len(line.lstrip())
            spans.append((offset + lead, offset + lead + len(stripped), kind))
            return
        bullet = _BULLET.match(line)
        skip = bullet.end() if bullet else 0
        self._split_line(line[skip:], offset + skip, spans, terminator)

    def _split_line(self, line: str, base: int, out: list[Span],
                    terminator: re.Pattern[str] = _TERMINATOR) -> None:
        """Append the sentences of a text line to `out`, stripped, offsets shifted by
        `base`; `terminator` finds their ends."""
        start = len(line) - len(line.lstrip())
        for m in terminator.finditer(line):
            dot, end = m.span(1)
            if end - dot == 1 and line[dot] == "." and self.is_abbreviation(line, dot):
                continue
            if end - start <= MAX_SENTENCE:  # (most: no call to cut them)
                out.append((base + start, base + end, "text"))
            else:
                _add_span(out, line, start, end, base)
            start = m.end()
        end = len(line.rstrip())
        if start < end:
            _add_span(out, line, start, end, base)
