"""Publication dates given as metadata (``published=``, a JSON Lines field, a DataFrame
column): explicit rules, tried in this order, and an error for anything else.

1. **Missing**: ``None``, an empty or blank string, and the missing values of pandas and
   numpy (``NaN``, ``NaT``, ``pd.NA``) mean no publication date.
2. **Date objects**: a ``datetime.date`` is that day; a ``datetime.datetime`` (a pandas
   ``Timestamp`` too) is the day as written, in its own time zone (no conversion to UTC:
   the day the article appeared where it appeared); a ``numpy.datetime64`` is its day.
3. **Numbers** (an int, or a float from a column with gaps) are Unix epoch seconds, read as
   a UTC day: ``1772150400`` is 2026-02-27. ``True``/``False`` are not dates.
4. **Strings**, blanks around them ignored:

   - ISO 8601 first: ``2026-02-27``, optionally with a time and an offset
     (``2026-02-27T23:30:00-05:00`` is 27 February, the day as written);
   - the year first with ``/`` or ``.``: ``2026/02/27``, ``2026.02.27``;
   - English month names: ``27 February 2026``, ``27 Feb. 2026``, ``February 27, 2026``,
     with an optional weekday before and a time after, which covers RFC 2822 dates of
     e-mail and RSS feeds (``Fri, 27 Feb 2026 10:15:00 +0000``; the weekday is not checked);
   - numbers with the year last (``27/02/2026``, ``27.02.2026``, ``27-02-2026``): with
     ``dayfirst=True`` the day comes first, with ``dayfirst=False`` the month; by default
     (``dayfirst=None``) such a date is read only when one order alone makes a real day
     (``27/02/2026``, ``02/27/2026``) or both orders make the same day (``05/05/2026``).
     ``02/03/2026`` is ambiguous and refused, never guessed.

   Anything else is refused: a year alone (``2025``: a year is not a day), a year and a
   month (``2025-10``), a string of digits (give epoch seconds as a number), words
   (``now``, ``today``: the clock is never read), ``"NaT"``, ``"nan"``, a negative year.
5. The day must be one the table can hold (`FIRST_STORABLE_DAY` to `LAST_STORABLE_DAY`).

A refused value raises `ValueError` saying why; the readers turn it into an `InputError`
naming the file and line, so ``on_error="skip"`` passes the article by.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
import re
from typing import Any

# The days the table's datetime64[ns] columns can hold (pandas.Timestamp.min and .max,
# rounded inwards to whole days): any other date would fail the schema and lose the batch.
FIRST_STORABLE_DAY = dt.date(1677, 9, 22)
LAST_STORABLE_DAY = dt.date(2262, 4, 11)
_EPOCH = dt.date(1970, 1, 1)
_DAY_SECONDS = 86400

# Metadata dates are written in formats, not in the article's language: the month and
# weekday names below are those of RFC 5322 / RSS dates (English by the standard), whatever
# language the lexicon reads the articles in.
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                        "sep", "oct", "nov", "dec"), start=1)}
_MONTH = (r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
          r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_TIME = (r"(?:(?:,|\s+at)?\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?"
         r"(?:\s*(?:z|[+-]\d{2}:?\d{2}|[a-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?))?)?")
_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?P<rest>[T ].*)?", re.DOTALL)
_YEAR_FIRST = re.compile(r"(?P<y>\d{4})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})")
_YEAR_LAST = re.compile(r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})")
_DAY_MONTH = re.compile(_WEEKDAY + r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH +
                        r",?\s+(?P<y>\d{4})" + _TIME, re.IGNORECASE)
_MONTH_DAY = re.compile(_WEEKDAY + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+"
                        r"(?P<y>\d{4})" + _TIME, re.IGNORECASE)

ACCEPTED = ("use 2026-02-27 (ISO 8601, a time may follow), 2026/02/27, 27 February 2026, "
            "an RFC 2822 date or epoch seconds as a number")


def storable_day(day: dt.date) -> bool:
    """Can the event table hold this date?"""
    return FIRST_STORABLE_DAY <= day <= LAST_STORABLE_DAY


def parse_published(value: Any, dayfirst: bool | None = None) -> dt.date | None:
    """The publication day `value` states, by the rules of this module's docstring; None
    when it is missing. Raises `ValueError` for a value the rules do not read."""
    day = _read(value, dayfirst)
    if day is not None and not storable_day(day):
        raise ValueError(f"publication date {day.isoformat()} is outside the dates the table "
                         f"can hold ({FIRST_STORABLE_DAY} to {LAST_STORABLE_DAY})")
    return day


def _read(value: Any, dayfirst: bool | None) -> dt.date | None:
    if isinstance(value, str):
        return _from_string(value, dayfirst)
    if value is None or _missing(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (bool, _numpy_bool())):
        # A ValueError, as for any value that is no date: the readers make it an InputError.
        raise ValueError(  # noqa: TRY004
            f"cannot read publication date {value!r}: a boolean is not a date")
    if isinstance(value, numbers.Integral):
        return _from_epoch(int(value), value)
    if isinstance(value, numbers.Real):
        if not math.isfinite(float(value)):
            raise ValueError(f"cannot read publication date {value!r}")
        return _from_epoch(math.floor(float(value)), value)
    import numpy as np

    if isinstance(value, np.datetime64):
        return _from_datetime64(value)
    raise ValueError(f"cannot read publication date {_shown(value)!r} "
                     f"(a {type(value).__name__}); {ACCEPTED}")


def _numpy_bool() -> type:
    import numpy as np

    return np.bool_


def _missing(value: Any) -> bool:
    """Is `value` pandas' or numpy's missing value (NaN, NaT, pd.NA)?"""
    import pandas as pd

    try:
        answer = pd.isna(value)
    except (TypeError, ValueError):
        return False
    return answer is True or (type(answer).__name__ == "bool_" and bool(answer))


def _from_datetime64(value: Any) -> dt.date | None:
    """The day of a numpy datetime64; None for NaT."""
    import numpy as np

    if np.isnat(value):
        return None
    day = _from_days(int(value.astype("datetime64[D]").astype("int64")), value)
    if day is None:
        raise ValueError(f"publication date {value} is outside the dates the table can hold "
                         f"({FIRST_STORABLE_DAY} to {LAST_STORABLE_DAY})")
    return day


def _from_epoch(seconds: int, shown: Any) -> dt.date:
    day = _from_days(seconds // _DAY_SECONDS, shown)
    if day is None:
        hint = " (epoch milliseconds? give seconds)" if abs(seconds) >= 10**11 else ""
        raise ValueError(f"publication date {shown!r} (epoch seconds) is outside the dates "
                         f"the table can hold ({FIRST_STORABLE_DAY} to "
                         f"{LAST_STORABLE_DAY}){hint}")
    return day


def _from_days(days: int, shown: Any) -> dt.date | None:
    """The day `days` after 1970-01-01, or None if the table cannot hold it."""
    first = (FIRST_STORABLE_DAY - _EPOCH).days
    last = (LAST_STORABLE_DAY - _EPOCH).days
    if not first <= days <= last:
        return None
    return _EPOCH + dt.timedelta(days=days)


def _from_string(value: str, dayfirst: bool | None) -> dt.date | None:
    text = value.strip()
    if not text:
        return None
    m = _ISO.fullmatch(text)
    if m:
        day = _day(int(m["y"]), int(m["m"]), int(m["d"]), value)
        if m["rest"]:
            _check_iso_time(text, value)
        return day
    m = _YEAR_FIRST.fullmatch(text)
    if m:
        return _day(int(m["y"]), int(m["m"]), int(m["d"]), value)
    m = _DAY_MONTH.fullmatch(text) or _MONTH_DAY.fullmatch(text)
    if m:
        return _day(int(m["y"]), _MONTHS[m["mon"].lower()[:3]], int(m["d"]), value)
    m = _YEAR_LAST.fullmatch(text)
    if m:
        return _year_last(int(m["a"]), int(m["b"]), int(m["y"]), dayfirst, value)
    raise ValueError(f"cannot read publication date {_shown(value)!r}{_why(text)}; {ACCEPTED}")


def _why(text: str) -> str:
    """A reason for a refusal the list of accepted forms does not make plain."""
    if re.fullmatch(r"[+-]?\d{4}", text):
        return " (a year is not a day)"
    if re.fullmatch(r"\d{4}-\d{1,2}", text):
        return " (a month is not a day)"
    if re.fullmatch(r"[+-]?\d+", text):
        return " (a string of digits: give epoch seconds as a number)"
    if text.isalpha():
        return " (a word is no date: the clock is never read)"
    return ""


def _day(year: int, month: int, day: int, shown: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"cannot read publication date {_shown(shown)!r}: {exc}") from None


def _check_iso_time(text: str, shown: str) -> None:
    """The time after an ISO day must be a time: '2026-02-27 garbage' is no date."""
    iso = text[:-1] + "+00:00" if text[-1:] in "zZ" else text  # Python 3.10 reads no 'Z'
    try:
        dt.datetime.fromisoformat(iso)
    except ValueError:
        raise ValueError(f"cannot read publication date {_shown(shown)!r}: what follows the "
                         f"day is not an ISO 8601 time; {ACCEPTED}") from None


def _year_last(first: int, second: int, year: int, dayfirst: bool | None, shown: str
               ) -> dt.date:
    if dayfirst is not None:
        day, month = (first, second) if dayfirst else (second, first)
        return _day(year, month, day, shown)
    readings = {d for d in (_maybe(year, second, first), _maybe(year, first, second)) if d}
    if len(readings) == 1:
        return readings.pop()
    if not readings:
        raise ValueError(f"cannot read publication date {_shown(shown)!r}: no day in either "
                         "order of day and month")
    a, b = sorted(readings)
    raise ValueError(f"ambiguous publication date {_shown(shown)!r}: {a.isoformat()} or "
                     f"{b.isoformat()}; say which with dayfirst=True (day/month/year) or "
                     "dayfirst=False (month/day/year)")


def _maybe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _shown(value: Any) -> Any:
    """`value` fit for a message: a lone surrogate cannot be encoded, so it is escaped."""
    if isinstance(value, str) and not value.isascii():
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    return value
