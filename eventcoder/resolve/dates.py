"""Dates: find expressions with patterns, resolve them with dateparser against the
publication date, once per distinct (expression, publication date, tense).

ACLED time precision: 1 the day is known, 2 the week, 3 the month. A month-precise date is
stored as the first of the month and a week-precise one as the Monday of the week, with the
words of the text kept in `date_text`. Without a publication date, relative expressions
("on Thursday", "last week") stay unresolved: the system clock is never used.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .calendar import calendar_date

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH_FORMS = ("jan(?:uary)?", "feb(?:ruary)?", "mar(?:ch)?", "apr(?:il)?", "may", "june?",
                "july?", "aug(?:ust)?", "sep(?:t(?:ember)?)?", "oct(?:ober)?", "nov(?:ember)?",
                "dec(?:ember)?")
_MONTH = "(?:" + "|".join(_MONTH_FORMS) + ")"
# Month names that are seldom other words: not "mar" or "may" (after "in" only, below).
_SAFE_FORMS = tuple("march" if form == "mar(?:ch)?" else form for form in _MONTH_FORMS
                    if form != "may")
_SAFE_MONTH = "(?:" + "|".join(_SAFE_FORMS) + ")"
_NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten"
# A number followed by a unit of time counts that unit: "Zindah Jan 2 days ago" is two days
# ago, not 2 January.
_NOT_A_DAY = r"(?!\s+(?:minutes?|hours?|days?|nights?|weeks?|months?|years?)\b)"

# Ordered: longer, more specific forms first. Matched on folded (lower-case) text.
DATE_PATTERN = re.compile(
    r"\b(?:"
    r"(?P<iso>\d{4}-\d{2}-\d{2})"
    r"|(?P<dmy>\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\.?,?(?:\s+\d{4})?)"
    r"|(?P<mdy>" + _MONTH + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?\b" + _NOT_A_DAY +
    r"(?:,?\s+\d{4})?)"
    r"|(?P<my>" + _MONTH + r"\s+\d{4})"
    r"|(?P<inmonth>(?:(?:earlier|later|early|late|mid)\s+in|in|since|during|until|by|"
    r"early|late|mid-?|earlier\s+in|last|this|next)\s+" + _SAFE_MONTH + r"(?:\s+\d{4})?"
    r"|(?<=in\s)may(?:\s+\d{4})?)"
    r"|(?P<weekday>(?:(?:late|early|last|this|next|on)\s+)?(?:" + "|".join(_WEEKDAYS) + r")"
    r"(?:\s+(?:night|morning|evening|afternoon))?)"
    r"|(?P<relative>yesterday|today|tonight|last\s+night|the\s+previous\s+day|"
    r"(?:(?:earlier|later)\s+)?this\s+(?:week|month|year)|last\s+(?:week|month|year)|"
    r"next\s+(?:week|month)|(?:\d+|" + _NUMBER_WORDS + r"|a)\s+(?:days?|weeks?|months?)\s+ago|"
    r"past\s+week|(?:in\s+)?recent\s+days)"
    r")\b")

# Every match of DATE_PATTERN holds a clue, read off its forms: a digit, or "day", "night",
# "week", "month" or "year" (weekdays and the relative forms), or a month's name as a word
# ("may" only after "in"). About half the sentences analysed hold none and skip the costly
# search, which tries every form at every word. Each clue is found by one of its letters
# that few English words hold, written first so that the regex engine skips at C speed the
# characters that start no clue (a lookbehind checks the letters before it): that letter,
# the match's start, lies in the date, and what the match goes on to read is letters or
# digits (no word starts there).
_LETTER_CLUES = [r"y(?:(?<=day)|ear|(?<=in\smay)\b)", r"g(?:(?<=nig)ht|(?<=aug)(?:ust)?\b)",
                 "week", r"m(?:onth|arch\b)", r"j(?:an(?:uary)?|une?|uly?)\b",
                 r"b(?<=feb)(?:ruary)?\b", r"p(?:(?<=ap)r(?:il)?|(?<=sep)(?:t(?:ember)?)?)\b",
                 r"c(?:(?<=oc)t(?:ober)?|(?<=dec)(?:ember)?)\b", r"v(?<=nov)(?:ember)?\b"]
_DATE_CLUE = re.compile("|".join([r"\d+", *_LETTER_CLUES]))
# The same in ASCII text, where a digit is one of the ten, each a literal of its own.
_ASCII_DATE_CLUE = re.compile("|".join([*(d + "[0-9]*" for d in "0123456789"),
                                        *_LETTER_CLUES]))

# A word: where a date can start is a word boundary before a word character.
_WORD = re.compile(r"\b\w+")
# The first word of every date, read off the forms, when it is not a number: at a word
# start with another word DATE_PATTERN cannot match, and is not tried.
_FIRST_WORDS = frozenset([
    "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
    "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
    "november", "dec", "december", "earlier", "later", "early", "late", "mid", "in", "since",
    "during", "until", "by", "last", "this", "next", "on", "the", "past", "recent",
    "yesterday", "today", "tonight", "a", *_NUMBER_WORDS.split("|"), *_WEEKDAYS])

_PRECISION = {"day": 1, "week": 2, "month": 3}


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


# Words that, written with a capital right after a date, make the date part of a name:
# "6th of October City", "26th of July Street", "the March 23 Movement", "the Friday Mosque".
NAME_HEADS = frozenset(
    "city town village district province governorate street road avenue bridge square camp "
    "stadium university hospital airport base station mosque market movement alliance front "
    "brigade brigades battalion revolution uprising war".split())
# The word after a date, unless it starts a name of its own: "on Monday University of Kabul
# students" is a date, "October 6 University" a name.
_NEXT_WORD = re.compile(r"\s+(\w+)\b(?!\s+of\b)")


def find_dates(folded_sentence: str, offset: int = 0, original: str | None = None,
               names: Iterable[tuple[int, int]] = ()) -> list[DateMention]:
    """Date expressions in a folded sentence that starts at `offset` in its document.

    Dates that are part of a name are not dates. `original` is the unfolded sentence, to
    see a capitalised name word after a date ("6th of October City"); `names` are the
    document spans of lexicon names, a date reaching into one belonging to it ("Zindah Jan"
    of "Zindah Jan 2 people were killed"). A name inside a date stays a date ("28 May", a
    town of Azerbaijan). The search resumes inside a rejected span, where a date of its own
    may start."""
    found: list[DateMention] = []
    clues = _ASCII_DATE_CLUE if folded_sentence.isascii() else _DATE_CLUE
    names = names if isinstance(names, list) else list(names)  # read once per date
    pos = 0
    while (m := _next_date(folded_sentence, pos, clues)) is not None:
        start, end = m.span()
        if _in_name(folded_sentence, start, end, original, names, offset):
            pos = start + 1
            continue
        found.append(DateMention(start + offset, end + offset, m.group()))
        pos = end
    return found


def _next_date(folded: str, pos: int, clues: re.Pattern[str] = _DATE_CLUE
               ) -> re.Match[str] | None:
    """The first date from `pos` on (as `DATE_PATTERN.search(folded, pos)`), tried only
    where a clue to one is.

    Every date holds the letter a clue is found by (its start, `at`), at most two words
    after the word the date starts at ("earlier this month", "the previous day"): none
    starts between `pos` and `start` below, as it would hold a clue before the first one
    left. From `start`, each word start up to `at` is tried alone, not the whole rest of the
    sentence: a date starts at a word start (the pattern opens with a word boundary and
    every form with a word character), with a number or one of `_FIRST_WORDS`. When none of
    those holds one, the first date is the first from the clue's end on (no word starts
    inside it), found the same way."""
    while (clue := clues.search(folded, pos)) is not None:
        at = start = clue.start()
        for words_before in (2, 1, 0):
            while start > pos and not folded[start - 1].isspace():
                start -= 1  # to the start of the word
            if not words_before:
                break
            while start > pos and folded[start - 1].isspace():
                start -= 1
        for word in _WORD.finditer(folded, start):
            first = word.start()
            if first > at:
                break
            text = word.group()
            if text in _FIRST_WORDS or text[0].isdecimal():
                date = DATE_PATTERN.match(folded, first)
                if date is not None:
                    return date
        pos = clue.end()
    return None


def _in_name(folded: str, start: int, end: int, original: str | None,
             names: list[tuple[int, int]], offset: int) -> bool:
    """Is the date folded[start:end] part of a name (`names` are document spans, the
    sentence starting at `offset`)?"""
    first, last = start + offset, end + offset
    if any(a < last and first < b and (a < first or b > last) for a, b in names):
        return True
    if original is None or not folded[end - 1].isalnum():
        return False  # "on 6 October, City officials said": a comma ends the date
    after = _NEXT_WORD.match(folded, end)
    return after is not None and after.group(1) in NAME_HEADS and \
        original[after.start(1)].isupper()


# The words _canonical drops, in its order, and the month named by "last", "this", "next".
_SPACES = re.compile(r"\s+")
_PREPOSITION = re.compile(r"^(?:on|in|since|during|until|by) ")
_PART_OF = re.compile(r"\b(?:late|early|mid-?)\s*(?=\w)")
_TIME_OF_DAY = re.compile(r" (?:night|morning|evening|afternoon)$")
_EARLIER_LATER = re.compile(r"^(?:earlier|later) (?:in )?")
_NAMED_MONTH = re.compile(r"^(?:last|this|next) (" + _MONTH + r")$")


def _canonical(expression: str) -> tuple[str, str | None]:
    """What dateparser should read, and a forced period where the words set one."""
    text = _SPACES.sub(" ", expression.strip())
    text = _PREPOSITION.sub("", text)
    text = _PART_OF.sub("", text).strip()
    if text in {"last night", "tonight"}:
        return ("yesterday" if text == "last night" else "today"), "day"
    text = _TIME_OF_DAY.sub("", text)
    text = _EARLIER_LATER.sub("", text)
    month = _NAMED_MONTH.match(text)
    if month:
        return month.group(1), "month"  # the tense decides which one, as for a bare month
    if text in {"last night", "tonight"}:
        return ("yesterday" if text == "last night" else "today"), "day"
    if text in {"recent days", "past week"}:
        return "this week", "week"
    if text == "the previous day":
        return "yesterday", "day"
    return text, None


class DateResolver:
    """Resolves date expressions with dateparser, caching each distinct question."""

    def __init__(self, max_parsers: int = 256) -> None:
        self._cache: dict[tuple[str, dt.date, bool], ResolvedDate] = {}
        # An expression's canonical form does not depend on the publication date, which
        # differs from article to article: read once per expression.
        self._canonical: dict[str, tuple[str, str | None]] = {}
        self._parsers: dict[tuple[dt.date, bool], Any] = {}
        self._max_parsers = max_parsers
        self.calls = 0

    def _parser(self, published: dt.date, future: bool) -> Any:
        """dateparser takes its base date from settings, so one parser per (date, tense)."""
        key = (published, future)
        parser = self._parsers.get(key)
        if parser is None:
            from dateparser.date import DateDataParser

            if len(self._parsers) >= self._max_parsers:
                self._parsers.pop(next(iter(self._parsers)))
            parser = DateDataParser(languages=["en"], settings={
                "PREFER_DATES_FROM": "future" if future else "past",
                "RETURN_TIME_AS_PERIOD": True, "PREFER_DAY_OF_MONTH": "first",
                # Only the parsers news dates need: half the cost of the default set.
                "PARSERS": ["relative-time", "absolute-time"],
                "RELATIVE_BASE": dt.datetime.combine(published, dt.time(12))})
            self._parsers[key] = parser
        return parser

    def resolve(self, expression: str, published: dt.date | None, future: bool) -> ResolvedDate:
        if published is None:
            if not re.search(r"\d{4}", expression):
                return ResolvedDate(None, None, expression)
            published = dt.date(2000, 1, 1)  # a stated year makes the base irrelevant
        key = (expression, published, future)
        resolved = self._cache.get(key)
        if resolved is None:
            resolved = self._cache[key] = self._resolve(expression, published, future)
        return resolved

    def _resolve(self, expression: str, published: dt.date, future: bool) -> ResolvedDate:
        canonical = self._canonical.get(expression)
        if canonical is None:
            canonical = self._canonical[expression] = _canonical(expression)
        text, period = canonical
        if text in _WEEKDAYS:
            return ResolvedDate(_weekday(published, _WEEKDAYS.index(text), future), 1, expression)
        known = calendar_date(text, period, published, future)
        if known is not None:
            day, precision = known
            return ResolvedDate(day, precision, expression)
        return self._parse(text, period, expression, published, future)

    def _parse(self, text: str, period: str | None, expression: str, published: dt.date,
               future: bool) -> ResolvedDate:
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
