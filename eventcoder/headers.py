"""Publication dates stated in an article's first lines: a date line ("Published: 2026-02-27",
"10 Feb 2026") or a dateline ("ISLAMABAD, Oct 25 (Reuters) -").

The month names and the words of a date line come from the lexicon's language (`dates.months`,
`segment.header_words`), so the reader is built by the Coder, once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from mypy_extensions import mypyc_attr

from .lexicon.lang_text import DateWords, SegmentWords
from .published import storable_day

HEADER_LINES = 5  # the first non-blank lines read
_YEAR = re.compile(r"\b(20\d\d|19\d\d)\b")
Spans = tuple[tuple[int, int], ...]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@mypyc_attr(allow_interpreted_subclasses=True)
class HeaderReader:
    """Finds the date line or dateline of an article."""

    def __init__(self, dates: DateWords, segment: SegmentWords) -> None:
        self._dates = dates
        month = r"(?P<mon>(?i:" + (_alternation([f for m in dates.months for f in m])
                                   or r"(?!x)x") + r"))\.?"
        words = _alternation(segment.header_words) or r"(?!x)x"
        self._patterns = [
            re.compile(r"(?i)^[ \t]*(?:" + words + r")[ \t]*:?[ \t]*"
                       r"(?P<iso>\d{4}-\d{2}-\d{2})\b[ \t]*"),
            re.compile(r"^[ \t]*(?P<iso>\d{4}-\d{2}-\d{2})[ \t]*$"),
            re.compile(r"^[ \t]*(?P<day>\d{1,2})[ \t]+" + month
                       + r",?[ \t]+(?P<year>\d{4})[ \t]*$"),
            re.compile(r"^[ \t]*" + month
                       + r"[ \t]+(?P<day>\d{1,2}),?[ \t]+(?P<year>\d{4})[ \t]*$"),
            # An upper-case place, a date, an optional agency, a dash.
            re.compile(r"^[ \t]*(?P<place>[A-Z][A-Z .'\-]{1,40}),[ \t]+" + month +
                       r"[ \t]+(?P<day>\d{1,2})(?:,?[ \t]+(?P<year>\d{4}))?"
                       r"(?:[ \t]*\([^)\n]{1,40}\))?[ \t]*[-\u2013\u2014]+[ \t]*"),
        ]

    def read(self, text: str) -> tuple[dt.date | None, Spans]:
        """The publication date of the first date line among the first lines, and its span."""
        offset = 0
        seen = 0
        for line in text.splitlines(keepends=True):
            if not line.isspace():
                seen += 1
                body = line.rstrip("\r\n")
                for pattern in self._patterns:
                    m = pattern.match(body)
                    if m:
                        return self._date(m, text), ((offset, offset + m.end()),)
                if seen >= HEADER_LINES:
                    break
            offset += len(line)
        return None, ()

    def _date(self, m: re.Match[str], text: str) -> dt.date | None:
        groups = m.groupdict()
        if groups.get("iso"):
            year, month, day = (int(x) for x in groups["iso"].split("-"))
            return _made(year, month, day)
        month_number = self._dates.month_number(groups["mon"])
        if month_number is None:
            return None
        found = groups.get("year")
        if found is None:
            # A dateline gives day and month only; a human reader takes the year the article
            # itself talks about most. With no year in the text the date stays unknown.
            years = Counter(_YEAR.findall(text))
            if not years:
                return None
            found = years.most_common(1)[0][0]
        return _made(int(found), month_number, int(groups["day"]))


def _made(year: int, month: int, day: int) -> dt.date | None:
    try:
        made = dt.date(year, month, day)
    except ValueError:
        return None
    return made if storable_day(made) else None  # "date 0001-01-01" is no publication date
