"""The calendar arithmetic that spares dateparser its common forms must give dateparser's
answers: dateparser stays the reference, the arithmetic only a faster road to it.

Expressions are drawn from the forms the date pattern finds in news ("on 3 May", "March 5,
2025", "in mid-August", "last week", "two days ago"), with any publication date and tense,
and resolved twice: by the `Calendar` and by dateparser (`DateResolver.parse`).
"""

from __future__ import annotations

import datetime as dt

from hypothesis import assume, example, given
from hypothesis import strategies as st

from eventcoder.lexicon import load_lexicon
from eventcoder.resolve.dates import DateFinder, DateResolver
from tests.conftest import scaled

LANGUAGE = load_lexicon().language
FINDER = DateFinder(LANGUAGE.dates, LANGUAGE.numbers)


def resolver() -> DateResolver:
    return DateResolver(LANGUAGE.dates, LANGUAGE.numbers)

SUFFIX = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
RELATIVE = ["today", "yesterday", "tonight", "last night", "the previous day", "this week",
            "last week", "next week", "this month", "last month", "next month",
            "in recent days", "past week", "a week ago", "a month ago", "a day ago"]


NAMES = {1: ["january", "jan"], 2: ["february", "feb"], 3: ["march"], 4: ["april", "apr"],
         5: ["may"], 6: ["june", "jun"], 7: ["july"], 8: ["august", "aug"],
         9: ["september", "sept", "sep"], 10: ["october", "oct"], 11: ["november", "nov"],
         12: ["december", "dec"]}


@st.composite
def questions(draw: st.DrawFn) -> tuple[str, dt.date, bool]:
    """(expression, publication date, future tense). Months and days are drawn near the
    publication date half the time: the edges (this month, this very day, 29 February)
    are where a year is chosen wrongly."""
    published = draw(st.dates(dt.date(2010, 1, 1), dt.date(2035, 12, 31)))
    near = draw(st.booleans())
    month = (published.month + draw(st.integers(-1, 1)) - 1) % 12 + 1 if near \
        else draw(st.integers(1, 12))
    day = published.day + draw(st.integers(-1, 1)) if near else draw(st.integers(1, 31))
    day = min(max(day, 1), 31)
    name = draw(st.sampled_from(NAMES[month]))
    th = draw(st.sampled_from(["", SUFFIX.get(day, "th")]))
    year = draw(st.sampled_from(["", "", f" {published.year}", f" {published.year - 1}",
                                 " 1990"]))
    number = draw(st.sampled_from(["2", "3", "10", "two", "five", "13", "twenty", "a"]))
    unit = draw(st.sampled_from(["days", "weeks", "months"]))
    lead = draw(st.sampled_from(["", "in ", "early ", "late ", "mid-", "last ", "this ",
                                 "next ", "since ", "earlier in ", "by "]))
    expression = draw(st.sampled_from([
        f"{day}{th} {name}{year}", f"on {day}{th} of {name}{year}", f"{name} {day}{th}{year}",
        f"{name} {day},{year}", f"{name}. {day}{year}", f"{lead}{name}", f"{name}{year}",
        f"{number} {unit} ago", f"{published.year}-{month:02d}-{day:02d}", *RELATIVE]))
    return expression, published, draw(st.booleans())


RESOLVER = resolver()
MONTH_WORDS = {name for names in NAMES.values() for name in names}


@scaled(300)
@given(questions())
@example(("29 february", dt.date(2026, 3, 5), False))  # the last leap day: two years back
@example(("february 29", dt.date(2025, 1, 10), True))
def test_calendar_arithmetic_agrees_with_dateparser(question: tuple[str, dt.date, bool]
                                                    ) -> None:
    expression, published, future = question
    assume([d.text for d in FINDER.find(expression)] == [expression])  # a form news uses
    text, period = RESOLVER.canonical(expression)
    computed = RESOLVER.calendar.date(text, period, published, future)
    assume(computed is not None)
    # A deliberate difference: for a bare month in the future, dateparser keeps the day of
    # the publication date, so "in February" read on 30 May looks for a 30 February and
    # lands years away. The month is what the words say; the day plays no part.
    assume(not (future and published.day > 28 and text in MONTH_WORDS))
    reference = RESOLVER.parse(text, period, expression, published, future)
    assert computed == (reference.date, reference.precision)


def test_the_common_forms_never_reach_dateparser() -> None:
    # The resolver reads folded (lower-case) text, as the date pattern finds it.
    dates = resolver()
    for expression in ["on 3 may 2025", "march 5", "in mid-august", "last week",
                       "two days ago", "yesterday", "2025-10-12", "october 2025"]:  # folded
        assert dates.resolve(expression, dt.date(2026, 3, 5), future=False).date is not None
    assert dates.calls == 0


def test_an_impossible_day_is_no_date() -> None:
    assert resolver().resolve("31 June 2025", dt.date(2026, 3, 5), False).date is None


