"""Split an article into sentences with character offsets into the original text.

Line breaks and headlines are boundaries; abbreviations (Gen., Mr., U.S., Oct.) are not.
Navigation boilerplate ("Also Read: ...", "More UPDATES", tables of contents, numbered
section headings) and header lines (publication date, dateline) are kept as segments, so
sentence numbers stay stable, but are flagged and never coded.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass

ABBREVIATIONS = frozenset("""
mr mrs ms dr gen lt col maj capt sgt cpl pvt adm brig cmdr cdr gov sen rep rev prof st jr sr
co corp inc ltd no nos vs approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec
mt ft hon pres amb sheikh lt-gen maj-gen
""".split())

# A sentence ends in full stops, question or exclamation marks and closing quotes or
# brackets (group 1) before white space. The match takes that white space too, so the next
# sentence starts where it ends. "[.!?][.!?]*" means "[.!?]+", but the regex engine skips to
# the first mark twice as fast.
_TERMINATOR = re.compile(r"([.!?][.!?]*[\"'\u201d\u2019)\]]*)\s+")
# The same pattern for a text with no "!" or "?", where it finds the same matches: a literal
# first character is found faster than one of a class (a fifth less time in all).
_DOT_TERMINATOR = re.compile(r"(\.\.*[\"'\u201d\u2019)\]]*)\s+")
_BOILERPLATE_PHRASES = (
    "also read", "read more", "read also", "see also", "related( stories| articles)?",
    "more updates?", "click here", "subscribe", "follow us", "share this", "advertisement",
    "on this page", "table of contents", "contents", "recommended", "trending", "watch")
_BOILERPLATE_WORDS = "(" + "|".join(_BOILERPLATE_PHRASES) + r")\b"
_BOILERPLATE = re.compile(r"(?i)^\s*" + _BOILERPLATE_WORDS)
_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+\S")
_BULLET = re.compile(r"^\s*(?:[\u2022\u25cf\u25aa\u2023*\-]|\d{1,2}[.)])\s+")
# How every line that one of the three above matches starts (a match of any of them is one
# of this). Most lines start otherwise, and are plain text with no bullet: one test, not three.
_SPECIAL_START = re.compile(
    r"(?i)\s*(?:" + _BOILERPLATE_WORDS + r"|[\u2022\u25cf\u25aa\u2023*\-]\s|\d{1,2}[.)]\s)")
# Every pair of ASCII letters, in any case, that starts no boilerplate phrase. A line that
# starts with one cannot match _SPECIAL_START: it starts with no blank, digit or bullet, and
# an ASCII letter matches a letter of the case-insensitive phrases only when its lower case
# is that letter (the other letters that do, such as the long s, are not ASCII). Most lines
# start so: one look-up instead of the regex trying each of its branches.
_PLAIN_STARTS = frozenset(
    a + b for a in string.ascii_letters for b in string.ascii_letters
    if (a + b).lower() not in {phrase[:2] for phrase in _BOILERPLATE_PHRASES})
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


@dataclass(frozen=True, slots=True)
class Sentence:
    """A span of the document. `kind` is "text" (coded), "boilerplate" or "header"."""

    index: int
    start: int
    end: int
    kind: str = "text"


def _is_abbreviation(line: str, dot: int) -> bool:
    """True when the full stop at `dot` ends an abbreviation or an initial, not a sentence."""
    # The word before the dot: letters, digits and dots back to the previous non-word
    # character. Usually a space precedes it, found by one search; else walk back.
    j = line.rfind(" ", 0, dot) + 1
    word = line[j:dot]
    if word and not word.replace(".", "").isalnum():
        j = dot
        while j > 0 and (line[j - 1].isalnum() or line[j - 1] == "."):
            j -= 1
        word = line[j:dot]
    if not word:
        return False
    word = word.lower()
    if "." in word or (len(word) == 1 and word.isalpha()):
        return True  # U.S. / a.m. / initials such as "S. Jaishankar"
    return word in ABBREVIATIONS


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


def _split_line(line: str, base: int, out: list[tuple[int, int, str]],
                terminator: re.Pattern[str] = _TERMINATOR) -> None:
    """Append the sentences of a text line to `out`, stripped, offsets shifted by `base`;
    `terminator` finds their ends (_DOT_TERMINATOR if the line has no "!" or "?")."""
    start = len(line) - len(line.lstrip())
    # In a text with no "!" or "?", a line with no full stop has no sentence end in it: no
    # search (setting one up costs more than most lines' other work).
    ends: Iterable[re.Match[str]] = \
        terminator.finditer(line) if terminator is _TERMINATOR or "." in line else ()
    for m in ends:
        dot, end = m.span(1)
        if end - dot == 1 and line[dot] == ".":
            word = line[line.rfind(" ", 0, dot) + 1:dot]
            # The usual word of two letters or more: `_is_abbreviation` would neither walk
            # back nor find a dot or an initial in it, only look it up.
            if word.isalpha() and len(word) > 1:
                if word.lower() in ABBREVIATIONS:
                    continue
            elif _is_abbreviation(line, dot):
                continue
        if end - start <= MAX_SENTENCE:
            out.append((base + start, base + end, "text"))
        else:
            _add_span(out, line, start, end, base)
        start = m.end()
    end = len(line.rstrip())
    if start >= end:
        return
    if end - start <= MAX_SENTENCE:
        out.append((base + start, base + end, "text"))
    else:
        _add_span(out, line, start, end, base)


def _add_span(out: list[tuple[int, int, str]], line: str, start: int, end: int, base: int
              ) -> None:
    """Append the sentence line[start:end], stripped already (offsets shifted by `base`),
    cut if over-long."""
    if end - start <= MAX_SENTENCE:
        out.append((base + start, base + end, "text"))
    else:
        out.extend((base + a, base + b, "text") for a, b in _bounded(line, start, end))


def _line_kind(line: str) -> str:
    if _BOILERPLATE.match(line):
        return "boilerplate"
    # A numbered section heading names a topic, it reports nothing; a run of them is a
    # table of contents.
    if _NUMBERED.match(line):
        stripped = line.strip()
        if len(stripped) <= _HEADING_MAX and not stripped.endswith((".", "!", "?")):
            return "boilerplate"
    return "text"


def segment(text: str, header_spans: tuple[tuple[int, int], ...] = ()) -> list[Sentence]:
    """Sentences of `text` in order, with offsets such that text[start:end] is the sentence."""
    return [Sentence(index, start, end, kind)
            for index, (start, end, kind) in enumerate(sentence_spans(text, header_spans))]


def sentence_spans(text: str, header_spans: tuple[tuple[int, int], ...] = (),
                   until: int | None = None) -> list[tuple[int, int, str]]:
    """The (start, end, kind) of each sentence of `segment`, in order, its position being
    its index: no object per sentence, for a caller that needs a Sentence of only a few.
    With `until`, only the sentences of lines that start at or before that offset: the
    first ones of all, as each line is split on its own."""
    last = len(text) if until is None else until
    masked = text
    for s, e in header_spans:
        masked = masked[:s] + "\n" * (e - s) + masked[e:]
    spans: list[tuple[int, int, str]] = []
    for s, e in header_spans:
        chunk = text[s:e]
        if chunk.strip() and s <= last:
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((s + lead, s + lead + len(chunk.strip()), "header"))
    # The lines that start at or before `last` are those before the first line break at or
    # after it: the rest is never split.
    cut = masked.find("\n", last) if last >= 0 else 0
    if cut >= 0:
        masked = masked[:cut]
    terminator = _TERMINATOR if "!" in masked or "?" in masked else _DOT_TERMINATOR
    offset = 0
    for line in masked.split("\n"):
        if line:  # a blank line gives no sentence
            if line[:2] not in _PLAIN_STARTS and _SPECIAL_START.match(line):
                _split_special(line, offset, spans, terminator)
            else:
                _split_line(line, offset, spans, terminator)
        offset += len(line) + 1
    if header_spans:  # else made in text order
        spans.sort()
    return spans


def _split_special(line: str, offset: int, spans: list[tuple[int, int, str]],
                   terminator: re.Pattern[str]) -> None:
    """Append the spans of a line that may be boilerplate, a heading or a bullet point (not
    blank: it starts so)."""
    kind = _line_kind(line)
    if kind != "text":
        stripped = line.strip()
        lead = len(line) - len(line.lstrip())
        spans.append((offset + lead, offset + lead + len(stripped), kind))
        return
    bullet = _BULLET.match(line)
    skip = bullet.end() if bullet else 0
    _split_line(line[skip:], offset + skip, spans, terminator)
