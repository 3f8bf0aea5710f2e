"""Calendar arithmetic for the date forms news uses most, so that dateparser, which costs
about a millisecond a call and needs a parser per publication date, reads only the rest.

Each form gives the answer dateparser gives with the resolver's settings (past or future
preference, the first day of a month or week for coarser periods); the property
`test_calendar_arithmetic_agrees_with_dateparser` holds the two together. `None` means
"not a form computed here": the caller asks dateparser.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
           "sep": 9, "oct": 10, "nov": 11, "dec": 12}
_MONTH = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
          r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10}

_FORMS = [re.compile(f"^(?:{f})$") for f in (
    r"(?P<iso>\d{4}-\d{2}-\d{2})",
    _DAY + r" (?:of )?" + _MONTH + r",?(?: " + _YEAR + r")?",
    _MONTH + r" " + _DAY + r",?(?: " + _YEAR + r")?",
    _MONTH + r"(?: " + _YEAR + r")?",
)]
_AGO = re.compile(r"^(?P<n>\d+|" + "|".join(_NUMBERS) + r") (?P<unit>day|week|month)s? ago$")
_RELATIVE = re.compile(r"^(?P<which>this|last|next) (?P<unit>week|month)$")


def calendar_date(text: str, period: str | None, published: dt.date, future: bool
                  ) -> tuple[dt.date, int] | None:
    """(day, ACLED time precision) of a canonical expression, or None for dateparser."""
    if text == "today":
        return published, 1
    if text == "yesterday":
        return published - dt.timedelta(days=1), 1
    try:
        relative = _RELATIVE.match(text) or _AGO.match(text)
        if relative is not None:
            return _relative(relative, published)
        for form in _FORMS:
            found = form.match(text)
            if found is not None:
                return _named(found, period, published, future)
    except (ValueError, OverflowError):
        pass  # "9999 months ago", past the calendar: dateparser decides
    return None


def _named(found: re.Match[str], period: str | None, published: dt.date, future: bool
           ) -> tuple[dt.date, int] | None:
    parts = found.groupdict()
    if parts.get("iso"):
        try:
            return dt.date.fromisoformat(parts["iso"]), 1
        except ValueError:
            return None
    month = _MONTHS[parts["month"][:3]]
    year = int(parts["year"]) if parts.get("year") else None
    if parts.get("day") is None:
        if year is None:
            year = _month_year(month, published, future)
        return dt.date(year, month, 1), 3
    day = int(parts["day"])
    if year is not None:
        try:
            return dt.date(year, month, day), (3 if period == "month" else 1)
        except ValueError:
            return None  # "31 June 2025": dateparser's answer (none) is kept
    found_day = _day_without_year(month, day, published, future)
    return None if found_day is None else (found_day, 3 if period == "month" else 1)


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


def _relative(found: re.Match[str], published: dt.date) -> tuple[dt.date, int]:
    parts = found.groupdict()
    unit = parts["unit"]
    if "n" in parts:
        raw = parts["n"]
        offset = -(int(raw) if raw.isdigit() else _NUMBERS[raw])
    else:
        offset = {"this": 0, "last": -1, "next": 1}[parts["which"]]
    if unit == "day":
        return published + dt.timedelta(days=offset), 1
    if unit == "week":
        day = published + dt.timedelta(weeks=offset)
        return day - dt.timedelta(days=day.weekday()), 2
    months = published.year * 12 + published.month - 1 + offset
    return dt.date(months // 12, months % 12 + 1, 1), 3
