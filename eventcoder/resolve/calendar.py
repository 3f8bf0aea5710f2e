"""Calendar arithmetic for the date forms news uses most, so that dateparser, which costs
about a millisecond a call and needs a parser per publication date, reads only the rest.

The forms are the lexicon's (``language.dates.calendar_forms``), templates whose named
groups say what they hold: ``iso``; ``day``, ``month``, ``year``; ``n`` and ``unit``
(counted back: "two days ago"); ``which`` and ``unit`` ("last week"). Each form gives the
answer dateparser gives with the resolver's settings (past or future preference, the first
day of a month or week for coarser periods); the property
`test_calendar_arithmetic_agrees_with_dateparser` holds the two together. `None` means
"not a form computed here": the caller asks dateparser.
"""

from __future__ import annotations

import datetime as dt
import re

from mypy_extensions import mypyc_attr

from ..lexicon.lang_text import DateWords, NumberWords, alternation, fill


@mypyc_attr(allow_interpreted_subclasses=True)
class Calendar:
    """The calendar forms of one language, compiled."""

    def __init__(self, words: DateWords, numbers: NumberWords) -> None:
        self._words = words
        self._days = dict(words.calendar_days)
        self._which = dict(words.calendar_which)
        self._units = dict(words.calendar_units)
        self._numbers = {**dict.fromkeys(numbers.one, 1), **numbers.words}
        tables = {
            "month": alternation(f for forms in words.months for f in forms),
            "count": r"(?:\d+|" + alternation(self._numbers) + ")",
            "unit": alternation(self._units), "which": alternation(self._which),
            "ordinal": alternation(words.ordinals)}
        self._forms = [re.compile(f"^(?:{fill(form, tables)})$") for form in words.calendar_forms]

    def match(self, text: str) -> re.Match[str] | None:
        """The first form that reads the whole of `text`, or None."""
        return next((found for form in self._forms if (found := form.match(text))), None)

    def has_year(self, text: str) -> bool:
        """Does `text` state its own year (a form read it with a year or as an ISO date)?
        Only such an expression is read without a publication date."""
        found = self.match(text)
        return found is not None and any(found.groupdict().get(g) for g in ("iso", "year"))

    def date(self, text: str, period: str | None, published: dt.date, future: bool
             ) -> tuple[dt.date, int] | None:
        """(day, ACLED time precision) of a canonical expression, or None for dateparser."""
        if text in self._days:
            return published + dt.timedelta(days=self._days[text]), 1
        found = self.match(text)
        if found is None:
            return None
        parts = found.groupdict()
        try:
            if parts.get("unit"):
                return self._relative(parts, published)
            return self._named(parts, period, published, future)
        except (ValueError, OverflowError, KeyError):
            return None  # "9999 months ago", past the calendar: dateparser decides

    def _named(self, parts: dict[str, str | None], period: str | None, published: dt.date,
               future: bool) -> tuple[dt.date, int] | None:
        if parts.get("iso"):
            return dt.date.fromisoformat(str(parts["iso"])), 1
        month = self._words.month_number(str(parts.get("month") or ""))
        if month is None:
            return None
        year = int(str(parts["year"])) if parts.get("year") else None
        if parts.get("day") is None:
            if year is None:
                year = _month_year(month, published, future)
            return dt.date(year, month, 1), 3
        day = int(str(parts["day"]))
        precision = 3 if period == "month" else 1
        if year is not None:
            return dt.date(year, month, day), precision  # "31 June 2025" raises: no date
        found_day = _day_without_year(month, day, published, future)
        return None if found_day is None else (found_day, precision)

    def _relative(self, parts: dict[str, str | None], published: dt.date
                  ) -> tuple[dt.date, int]:
        unit = self._units[str(parts["unit"])]
        raw = parts.get("n")
        if raw is not None:
            offset = -(int(raw) if raw.isdigit() else self._numbers[raw])
        else:
            offset = self._which[str(parts.get("which"))]
        if unit == "day":
            return published + dt.timedelta(days=offset), 1
        if unit == "week":
            day = published + dt.timedelta(weeks=offset)
            return day - dt.timedelta(days=day.weekday()), 2
        months = published.year * 12 + published.month - 1 + offset
        return dt.date(months // 12, months % 12 + 1, 1), 3


def _month_year(month: int, published: dt.date, future: bool) -> int:
    """A month without a year: the latest one up to this month in the past, the next one
    after this month in the future."""
    if future:
        return published.year if month > published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def _day_without_year(month: int, day: int, published: dt.date, future: bool
                      ) -> dt.date | None:
    """The latest such day up to publication (past) or the first after it (future); 29
    February looks up to four years away."""
    step = 1 if future else -1
    for k in range(9):
        try:
            candidate = dt.date(published.year + step * k, month, day)
        except ValueError:
            continue
        if (candidate > published) if future else (candidate <= published):
            return candidate
    return None
