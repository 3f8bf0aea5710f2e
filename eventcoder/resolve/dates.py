"""Dates: find expressions with the lexicon's patterns, resolve them with dateparser against
the publication date, once per distinct (expression, publication date, tense).

ACLED time precision: 1 the day is known, 2 the week, 3 the month. A month-precise date is
stored as the first of the month and a week-precise one as the Monday of the week, with the
words of the text kept in `date_text`.

An event whose text gives no date (or none that resolves) takes the publication date, with
time precision 2 (PUBLISHED_PRECISION: "within the week up to that day"; unlike a week named
in the text, the day stored is the publication day, the latest the event can be) and the
rule `date_published`; `date_text` keeps the words of the text, if any. Its date is null
only when the publication date is unknown too.

What is never produced:
- Without a publication date, an expression resolves only if it states its own year ("3
  May 2025", "2025-05-03"); a relative one ("on Thursday", "last week", "1200 days ago")
  stays unresolved: the system clock, or any other stand-in day, is never used.
- An implausible event date is left unresolved: before 1900 or after 2100, more than
  MAX_DAYS_AHEAD days after publication, or more than MAX_YEARS_BACK years before it.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from mypy_extensions import mypyc_attr

from ..lexicon.lang_text import DateWords, NumberWords, alternation, fill
from .calendar import Calendar
from .clues import ClueTest, Openings, SentenceClues

_PRECISION = MappingProxyType({"day": 1, "week": 2, "month": 3})
EARLIEST, LATEST = dt.date(1900, 1, 1), dt.date(2100, 12, 31)
MAX_DAYS_AHEAD = 400
MAX_YEARS_BACK = 50
PUBLISHED_PRECISION = 2
PUBLISHED_RULE = "date_published"
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    date: dt.date | None
    precision: int | None
    text: str


def date_tables(words: DateWords, numbers: NumberWords) -> dict[str, str]:
    """The regex fragments the date forms' placeholders stand for."""
    forms = [form for month in words.months for form in month]
    weak = [rf"(?<={re.escape(cue)}\s){re.escape(form)}"
            for form, cues in words.weak_months.items() for cue in cues]
    return {
        "month": alternation(forms),
        "safe_month": alternation(f for f in forms if f not in words.weak_months),
        "weak_month": "(?:" + "|".join(weak) + ")" if weak else "(?!)",
        "weekday": alternation(f for day in words.weekdays for f in day),
        "count": r"(?:\d+|" + alternation([*numbers.words, *numbers.one]) + ")",
        "time_unit": alternation(words.time_units),
        "ordinal": alternation(words.ordinals),
    }


@mypyc_attr(allow_interpreted_subclasses=True)
class DateFinder:
    """Finds the date expressions of a sentence with one language's date forms."""

    def __init__(self, words: DateWords, numbers: NumberWords) -> None:
        tables = date_tables(words, numbers)
        forms = [f"(?P<{name}>{fill(template, tables)})" for name, template in words.forms.items()]
        # A date starts and ends at a word boundary. `pattern` holds every form, in order;
        # `forms` each alone, tried only on a sentence that holds its clues (see `find`).
        self.pattern = re.compile(r"\b(?:" + ("|".join(forms) or "(?!)") + r")\b")
        self._forms = forms
        self.clues = ClueTest([re.compile(r"\b(?:" + form + r")\b") for form in forms])
        # The forms a sentence's clues allow, as one pattern, made on first use; with where
        # its matches can start (`clues.Openings`), if that can be known.
        self._chosen: dict[int, _Chosen | None] = {}
        self._compiled: dict[tuple[int, ...], _Chosen | None] = {}
        self.name_heads = frozenset(words.name_heads)
        # The word after a date, unless it starts a name of its own: "on Monday University
        # of Kabul students" is a date, "October 6 University" a name.
        links = rf"(?!\s+{alternation(words.name_links)}\b)" if words.name_links else ""
        self._next_word = re.compile(r"\s+(\w+)\b" + links)

    def find(self, folded_sentence: str, offset: int = 0, original: str | None = None,
             names: Iterable[tuple[int, int]] = (), clues: SentenceClues | None = None,
             shortcut: bool = True) -> list[DateMention]:
        """Date expressions in a folded sentence that starts at `offset` in its document.

        Dates that are part of a name are not dates. `original` is the unfolded sentence,
        to see a capitalised name word after a date ("6th of October City"); `names` are
        the document spans of lexicon names, a date reaching into one belonging to it
        ("Zindah Jan" of "Zindah Jan 2 people were killed"). A name inside a date stays a
        date ("28 May", a town of Azerbaijan). The search resumes inside a rejected span,
        where a date of its own may start.

        Most sentences hold none of the strings some form needs (a digit, a month's name,
        "yesterday", ...), and most of the rest those of a form or two: only those forms are
        searched, not all at every word: `clues` tells which (read by a `ClueReader` made
        with this finder's `clues`; else read here). `shortcut=False` searches `pattern`
        itself, the reference the shortcut is held to (tests/test_dates.py)."""
        found: list[DateMention] = []
        if not shortcut:
            chosen: _Chosen | None = (self.pattern, None)
        else:
            chosen = self._pattern_for(self.clues.held(folded_sentence) if clues is None
                                       else clues[2])
        if chosen is None:
            return found
        pattern, openings = chosen
        # The pattern opens with a word boundary: a search tries it at every character, and
        # where its matches can start is found at C speed (the search's reference, `_next`).
        starts = openings(folded_sentence) if openings is not None else None
        names = list(names)
        pos = 0
        while (m := _next(pattern, folded_sentence, pos, starts)) is not None:
            start, end = m.span()
            if self._in_name(folded_sentence, start, end, original, names, offset):
                pos = start + 1
                continue
            found.append(DateMention(start + offset, end + offset, m.group()))
            pos = end
        return found

    def _pattern_for(self, held: int) -> _Chosen | None:
        """The forms a text whose clue bits are `held` may hold, in their order, as one
        pattern, and where its matches can start (None: no form)."""
        if held in self._chosen:
            return self._chosen[held]
        # Keyed by the forms chosen as well, so that a pattern is compiled once per choice
        # of forms (2 ** forms at most), whatever clue sets the texts hold.
        chosen = tuple(i for i, needs in enumerate(self.clues.needs) if held & needs == needs)
        if chosen not in self._compiled:
            source = r"\b(?:" + "|".join(self._forms[i] for i in chosen) + r")\b"
            self._compiled[chosen] = (re.compile(source), Openings.of(source)) \
                if chosen else None
        pattern = self._chosen[held] = self._compiled[chosen]
        return pattern

    def _in_name(self, folded: str, start: int, end: int, original: str | None,
                 names: list[tuple[int, int]], offset: int) -> bool:
        """Is the date folded[start:end] part of a name (`names` are document spans, the
        sentence starting at `offset`)?"""
        first, last = start + offset, end + offset
        if any(a < last and first < b and (a < first or b > last) for a, b in names):
            return True
        if original is None or not folded[end - 1].isalnum():
            return False  # "on 6 October, City officials said": a comma ends the date
        after = self._next_word.match(folded, end)
        return after is not None and after.group(1) in self.name_heads and \
            original[after.start(1)].isupper()


_Chosen = tuple[re.Pattern[str], Openings | None]


def _next(pattern: re.Pattern[str], text: str, pos: int, starts: list[int] | None
          ) -> re.Match[str] | None:
    """`pattern.search(text, pos)`, for a pattern every match of which starts at one of
    `starts` (in order; None: not known): the first of them from `pos` where it matches.
    (A match at a start is the one a search finds there: both read the text before it.)"""
    if starts is None:
        return pattern.search(text, pos)
    for start in starts[bisect_left(starts, pos):]:
        found = pattern.match(text, start)
        if found is not None:
            return found
    return None


def date_from_publication(event_date: dt.date | None, published: dt.date | None
                          ) -> tuple[dt.date, int] | None:
    """The date and precision an event with no resolved date takes from its article's
    publication (see the module's docstring); None when it has a date, or none is known, or
    the publication date is itself no plausible event date (before 1900 or after 2100)."""
    if event_date is not None or published is None or not plausible(published, None):
        return None
    return published, PUBLISHED_PRECISION


def plausible(day: dt.date, published: dt.date | None) -> bool:
    """May an event reported on `published` have happened on `day` (see the module's
    docstring)?"""
    if not EARLIEST <= day <= LATEST:
        return False
    if published is None:
        return True
    if (day - published).days > MAX_DAYS_AHEAD:
        return False
    try:
        earliest = published.replace(year=published.year - MAX_YEARS_BACK)
    except ValueError:  # 29 February
        earliest = published.replace(year=published.year - MAX_YEARS_BACK, day=28)
    return day >= earliest


@mypyc_attr(allow_interpreted_subclasses=True)
class DateResolver:
    """Resolves date expressions with the calendar, else dateparser, caching each distinct
    question."""

    def __init__(self, words: DateWords, numbers: NumberWords, max_parsers: int = 256) -> None:
        self.words = words
        self.calendar = Calendar(words, numbers)
        tables = date_tables(words, numbers)
        self._rewrites = [(re.compile(fill(step.pattern, tables)), step.to, step.period)
                          for step in words.rewrites]
        self._cache: dict[tuple[str, dt.date | None, bool], ResolvedDate] = {}
        # An expression's canonical form does not depend on the publication date, which
        # differs from article to article: read once per expression.
        self._canonical: dict[str, tuple[str, str | None]] = {}
        self._parsers: dict[tuple[dt.date, bool], Any] = {}
        self._max_parsers = max_parsers
        self.calls = 0

    def canonical(self, expression: str) -> tuple[str, str | None]:
        """What the calendar and dateparser should read, and a period the words force."""
        known = self._canonical.get(expression)
        if known is None:
            known = self._canonical[expression] = self._rewrite(expression)
        return known

    def _rewrite(self, expression: str) -> tuple[str, str | None]:
        text = _SPACES.sub(" ", expression.strip())
        for pattern, to, period in self._rewrites:
            text, count = pattern.subn(to, text)
            text = text.strip()
            if count and period is not None:
                return text, period
        return text, None

    def _parser(self, published: dt.date, future: bool) -> Any:
        """dateparser takes its base date from settings, so one parser per (date, tense)."""
        key = (published, future)
        parser = self._parsers.get(key)
        if parser is None:
            from dateparser.date import DateDataParser

            if len(self._parsers) >= self._max_parsers:
                self._parsers.pop(next(iter(self._parsers)))
            parser = DateDataParser(languages=list(self.words.parser_languages) or None,
                                    settings={
                "PREFER_DATES_FROM": "future" if future else "past",
                "RETURN_TIME_AS_PERIOD": True, "PREFER_DAY_OF_MONTH": "first",
                # Only the parsers news dates need: half the cost of the default set.
                "PARSERS": ["relative-time", "absolute-time"],
                "RELATIVE_BASE": dt.datetime.combine(published, dt.time(12))})
            self._parsers[key] = parser
        return parser

    def resolve(self, expression: str, published: dt.date | None, future: bool) -> ResolvedDate:
        key = (expression, published, future)
        resolved = self._cache.get(key)
        if resolved is None:
            resolved = self._resolve(expression, published, future)
            if resolved.date is not None and not plausible(resolved.date, published):
                resolved = ResolvedDate(None, None, expression)
            self._cache[key] = resolved
        return resolved

    def _resolve(self, expression: str, published: dt.date | None, future: bool
                 ) -> ResolvedDate:
        text, period = self.canonical(expression)
        if published is None:
            if not self.calendar.has_year(text):
                return ResolvedDate(None, None, expression)
            published = EARLIEST  # a stated year makes the base irrelevant
        weekday = self.words.weekday_number(text)
        if weekday is not None:
            return ResolvedDate(_weekday(published, weekday, future), 1, expression)
        known = self.calendar.date(text, period, published, future)
        if known is not None:
            day, precision = known
            return ResolvedDate(day, precision, expression)
        return self.parse(text, period, expression, published, future)

    def parse(self, text: str, period: str | None, expression: str, published: dt.date,
              future: bool) -> ResolvedDate:
        """dateparser's reading of a canonical expression (the calendar's reference)."""
        self.calls += 1
        parsed = self._parser(published, future).get_date_data(text)
        if parsed is None or parsed.date_obj is None:
            return ResolvedDate(None, None, expression)
        precision = _PRECISION.get(period or parsed.period or "day")
        if precision is None:
            return ResolvedDate(None, None, expression)  # a year alone is too coarse to code
        day = parsed.date_obj.date()
        if precision == 3:
            day = day.replace(day=1)
        elif precision == 2:
            day = day - dt.timedelta(days=day.weekday())
        return ResolvedDate(day, precision, expression)


def _weekday(published: dt.date, weekday: int, future: bool) -> dt.date:
    """The most recent such weekday (the same day counts) in the past, the next in the future."""
    delta = (published.weekday() - weekday) % 7
    if future:
        ahead = (weekday - published.weekday()) % 7
        return published + dt.timedelta(days=ahead or 7)
    return published - dt.timedelta(days=delta)
