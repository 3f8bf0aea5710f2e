"""Split an article into sentences with character offsets into the original text.

Line breaks and headlines are boundaries; abbreviations (Gen., Mr., U.S., Oct.) are not.
Navigation boilerplate ("Also Read: ...", "More UPDATES", tables of contents, numbered
section headings) and header lines (publication date, dateline) are kept as segments, so
sentence numbers stay stable, but are flagged and never coded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = frozenset("""
mr mrs ms dr gen lt col maj capt sgt cpl pvt adm brig cmdr cdr gov sen rep rev prof st jr sr
co corp inc ltd no nos vs approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec
mt ft hon pres amb sheikh lt-gen maj-gen
""".split())

_TERMINATOR = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s)")
_BOILERPLATE = re.compile(
    r"(?i)^\s*(also read|read more|read also|see also|related( stories| articles)?|more updates?|"
    r"click here|subscribe|follow us|share this|advertisement|on this page|table of contents|"
    r"contents|recommended|trending|watch)\b")
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


@dataclass(frozen=True, slots=True)
class Sentence:
    """A span of the document. `kind` is "text" (coded), "boilerplate" or "header"."""

    index: int
    start: int
    end: int
    kind: str = "text"


def _is_abbreviation(line: str, dot: int) -> bool:
    """True when the full stop at `dot` ends an abbreviation or an initial, not a sentence."""
    j = dot
    while j > 0 and (line[j - 1].isalnum() or line[j - 1] == "."):
        j -= 1
    word = line[j:dot].lower()
    if not word:
        return False
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


def _split_line(line: str, base: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    for m in _TERMINATOR.finditer(line):
        dot, end = m.span()
        if end - dot == 1 and line[dot] == "." and _is_abbreviation(line, dot):
            continue
        _add_span(out, line, start, end, base)
        start = end
    _add_span(out, line, start, len(line), base)
    return out


def _add_span(out: list[tuple[int, int]], line: str, start: int, end: int, base: int) -> None:
    """Append line[start:end] stripped (offsets shifted by `base`), cut if over-long."""
    piece = line[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    first = start + len(piece) - len(piece.lstrip())
    last = first + len(stripped)
    if last - first <= MAX_SENTENCE:
        out.append((base + first, base + last))
    else:
        out.extend((base + a, base + b) for a, b in _bounded(line, first, last))


def _toc_lines(lines: list[tuple[int, str]]) -> set[int]:
    """Indexes of lines that form a table of contents: 3+ short numbered lines in a row."""
    flagged: set[int] = set()
    run: list[int] = []
    for i, (_, line) in enumerate(lines):
        short_numbered = bool(_NUMBERED.match(line)) and len(line.strip()) <= _HEADING_MAX \
            and not line.rstrip().endswith((".", "!", "?"))
        if short_numbered:
            run.append(i)
            continue
        if len(run) >= 3:
            flagged.update(run)
        run = []
    if len(run) >= 3:
        flagged.update(run)
    return flagged


def _line_kind(line: str) -> str:
    if _BOILERPLATE.match(line):
        return "boilerplate"
    stripped = line.strip()
    if _NUMBERED.match(line) and len(stripped) <= _HEADING_MAX and not stripped.endswith(
            (".", "!", "?")):
        return "boilerplate"  # a numbered section heading names a topic, it reports nothing
    return "text"


def segment(text: str, header_spans: tuple[tuple[int, int], ...] = ()) -> list[Sentence]:
    """Sentences of `text` in order, with offsets such that text[start:end] is the sentence."""
    masked = text
    for s, e in header_spans:
        masked = masked[:s] + "\n" * (e - s) + masked[e:]
    lines: list[tuple[int, str]] = []
    offset = 0
    for raw in masked.split("\n"):
        if raw.strip():
            lines.append((offset, raw))
        offset += len(raw) + 1
    toc = _toc_lines(lines)
    spans: list[tuple[int, int, str]] = []
    for s, e in header_spans:
        chunk = text[s:e]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((s + lead, s + lead + len(chunk.strip()), "header"))
    for i, (base, line) in enumerate(lines):
        kind = "boilerplate" if i in toc else _line_kind(line)
        bullet = _BULLET.match(line)
        skip = bullet.end() if bullet and kind == "text" else 0
        if kind != "text":
            stripped = line.strip()
            lead = len(line) - len(line.lstrip())
            spans.append((base + lead, base + lead + len(stripped), kind))
            continue
        spans.extend((s, e, "text") for s, e in _split_line(line[skip:], base + skip))
    spans.sort()
    return [Sentence(i, s, e, kind) for i, (s, e, kind) in enumerate(spans)]
