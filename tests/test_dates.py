"""Dates: the forms the lexicon gives, the search's clue shortcut held to the plain search,
the plausibility bounds, and no relative date without a publication date."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder import LexiconError
from eventcoder.lexicon import BUNDLED, load_lexicon
from eventcoder.lexicon.lang_text import DateWords
from eventcoder.resolve.clues import DIGIT, ClueTest, clues
from eventcoder.resolve.dates import DateFinder, DateResolver, date_from_publication
from tests.conftest import scaled
from tests.test_calendar import questions

LANGUAGE = load_lexicon().language
FINDER = DateFinder(LANGUAGE.dates, LANGUAGE.numbers)
PUBLISHED = dt.date(2026, 2, 27)


def found(text: str, finder: DateFinder = FINDER) -> list[str]:
    return [d.text for d in finder.find(text.lower(), 0, text)]


@pytest.mark.parametrize("text,dates", [
    ("Shelling resumed on 14 March 2025 near the dam.", ["14 march 2025"]),
    ("The convoy was hit on April 3rd, officials said.", ["april 3rd"]),
    ("Talks broke down in mid-June.", []),                      # "mid-" then a space is needed
    ("Talks broke down in June.", ["in june"]),
    ("Fighting flared early Tuesday morning.", ["early tuesday morning"]),
    ("Two drones were downed three days ago.", ["three days ago"]),
    ("Raids went on last week and this month.", ["last week", "this month"]),
    ("Envoys met in May 2024.", ["may 2024"]),                  # "may" only after "in"
    ("The army may strike again.", []),                         # the verb is no month
    ("Police mar the square with barricades.", []),             # nor is "mar"
    ("The mayor spoke on 2025-11-03.", ["2025-11-03"]),
    ("A march through the capital was planned.", []),
])
def test_date_forms(text: str, dates: list[str]) -> None:
    assert found(text) == dates


# The date forms' words and phrases, words that hold their clues without being dates, and
# other words: the shortcut (forms chosen by the clues a sentence holds) must find what
# the whole pattern finds.
DATE_WORDS = ["january", "jan", "feb", "march", "mar", "apr", "may", "june", "aug", "sept",
              "oct", "november", "dec", "monday", "friday", "today", "yesterday", "tonight",
              "night", "day", "days", "week", "weeks", "month", "year", "ago", "last", "this",
              "next", "previous", "past", "recent", "in", "on", "the", "a", "mid", "early",
              "late", "earlier", "since", "by", "two", "twenty", "3", "28", "2025", "1st",
              "dayton", "yearly", "mayor", "market", "weekend", "decided", "junta", "\u0663",
              "août", "fighting", "'s", ",", ".", "-"]
DATE_PHRASES = ["in recent days", "past week", "a week ago", "earlier this month",
                "late last week", "on friday", "last friday night", "since january",
                "by december", "mid-march", "until 2025", "two days ago", "in may",
                "the previous day", "last night", "2025-10-12"]


@scaled(300)
@given(st.lists(st.one_of(st.sampled_from(DATE_WORDS), st.sampled_from(DATE_PHRASES),
                         questions().map(lambda question: question[0])), max_size=12),
       st.lists(st.sampled_from([" ", " ", " ", "  ", "-", "\n", ", "]), min_size=12,
                max_size=12))
def test_the_clue_shortcut_finds_what_the_pattern_finds(words: list[str], gaps: list[str]
                                                        ) -> None:
    text = "".join(w + g for w, g in zip(words, gaps)).lower()
    assert FINDER.find(text) == FINDER.find(text, shortcut=False), text


def test_the_shortcut_skips_sentences_without_clues() -> None:
    # (the property above compares nothing if every form is always searched)
    assert FINDER.clues("rebels and troops clashed near the border") == []
    assert FINDER.clues("they clashed on friday") == [5]


@pytest.mark.parametrize("pattern,expected", [
    (r"\bkilled\b", [{"killed"}]),
    (r"\d+ days?", [{DIGIT}, {" day"}]),
    # a run is read with how the part after it starts
    (r"(?:last|this) (?:week|month)", [{"last", "this"}, {" week", " month"},
                                       {"week", "month"}]),
    (r"in (?:may|june)|yesterday", [{"in may", "in june", "yesterday"}]),  # a branch's best
    (r"(?:on )?friday", [{"friday"}]),          # an optional part holds nothing
    (r"(?i)friday", None),                      # case-insensitive: beyond the analysis
    (r"(a)\1", None),
])
def test_clues_are_read_off_the_pattern(pattern: str, expected) -> None:
    got = clues(re.compile(pattern))
    assert (None if got is None else [set(s) for s in got]) == expected


def test_a_digit_of_another_script_is_a_digit_clue() -> None:
    test = ClueTest([re.compile(r"\d+ days")])
    assert test("\u0663 days") == [0] and test("three days") == []


def _resolver() -> DateResolver:
    return DateResolver(LANGUAGE.dates, LANGUAGE.numbers)


@pytest.mark.parametrize("expression,published,expected", [
    ("3 may 2025", PUBLISHED, dt.date(2025, 5, 3)),
    ("3 may 1850", PUBLISHED, None),                  # before 1900
    ("3 may 2150", dt.date(2150, 1, 1), None),        # after 2100
    ("march 5, 2028", PUBLISHED, None),               # more than 400 days after publication
    ("march 5, 2027", PUBLISHED, dt.date(2027, 3, 5)),
    ("3 may 1970", PUBLISHED, None),                  # more than 50 years before it
    ("3 may 1980", PUBLISHED, dt.date(1980, 5, 3)),
    ("1200 days ago", None, None),                    # relative, and no base to count from
    ("last week", None, None),
    ("on friday", None, None),
    ("3 may 2025", None, dt.date(2025, 5, 3)),        # its own year: no base needed
    ("2025-05-03", None, dt.date(2025, 5, 3)),
    ("3 may 1850", None, None),
])
def test_implausible_or_baseless_dates_stay_unresolved(expression: str, published,
                                                       expected) -> None:
    assert _resolver().resolve(expression, published, future=False).date == expected


def test_no_relative_date_is_coded_without_a_publication_date(coder) -> None:
    text = "Pakistani and Afghan forces clashed near Torkham 1200 days ago."
    events = coder.code_texts([text])
    assert len(events) == 1 and events["event_date"].isna().all()


def _with(**update: object) -> DateFinder:
    return DateFinder(LANGUAGE.dates.model_copy(update=update), LANGUAGE.numbers)


@pytest.mark.parametrize("table,update,text,before,after", [
    ("months", {"months": [[f"m{i}"] for i in range(1, 13)]}, "Raids on 3 m4 2025.",
     [], ["3 m4 2025"]),
    ("weekdays", {"weekdays": [[f"d{i}"] for i in range(1, 8)]}, "Raids on d2.", [],
     ["on d2"]),
    ("name_heads", {"name_heads": ["parade"]}, "Crowds filled the 6th of October Parade.",
     ["6th of october"], []),
    ("time_units", {"time_units": []}, "Zindah Jan 2 days ago", ["2 days ago"],
     ["jan 2"]),
    ("weak_months", {"weak_months": {"mar": []}}, "Envoys met in May 2024.",
     ["may 2024"], ["in may 2024"]),
])
def test_each_date_table_drives_the_finder(table: str, update: dict, text: str, before: list,
                                           after: list) -> None:
    assert found(text) == before
    assert found(text, _with(**update)) == after


def test_a_user_language_file_adds_words(tmp_path: Path) -> None:
    (tmp_path / "more.yaml").write_text(
        "language:\n  numbers:\n    words: {a couple of: 2}\n"
        "  dates:\n    name_heads: [parade]\n", encoding="utf-8")
    language = load_lexicon([BUNDLED, tmp_path]).language
    finder = DateFinder(language.dates, language.numbers)
    assert found("A couple of days ago, crowds filled the 6th of October Parade.", finder) \
        == ["a couple of days ago"]
    resolver = DateResolver(language.dates, language.numbers)
    assert resolver.resolve("a couple of days ago", PUBLISHED, False).date == \
        dt.date(2026, 2, 25)


def test_month_numbers_for_other_readers() -> None:
    words = LANGUAGE.dates
    assert [words.month_number(w) for w in ["Sept.", "SEPTEMBER", "may", "mayo"]] == \
        [9, 9, 5, None]


@pytest.mark.parametrize("yaml,message", [
    ("months: [[jan], [feb]]", "12 entries needed"),
    ("weekdays: [[mon]]", "7 entries needed"),
    ("forms: {odd: '{monthh} \\d+'}", "unknown placeholder {monthh}"),
    ("forms: {odd: '(unclosed'}", "not a valid pattern"),
    ("calendar_forms: ['(?P<when>\\d+)']", "groups among"),
])
def test_bad_date_words_are_reported_where_written(tmp_path: Path, yaml: str,
                                                   message: str) -> None:
    (tmp_path / "bad.yaml").write_text(f"language:\n  dates:\n    {yaml}\n", encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicon([BUNDLED, tmp_path])
    assert any(message in p.message and p.line == 3 for p in info.value.problems), \
        info.value.problems


def test_the_bundled_date_words_are_whole() -> None:
    words = LANGUAGE.dates
    assert len(words.months) == 12 and len(words.weekdays) == 7
    assert isinstance(words, DateWords) and words.parser_languages == ["en"]


def _resolve(expression: str, **update: object) -> tuple[dt.date | None, int]:
    resolver = DateResolver(LANGUAGE.dates.model_copy(update=update), LANGUAGE.numbers)
    return resolver.resolve(expression, PUBLISHED, future=False).date, resolver.calls


@pytest.mark.parametrize("expression,update,before,after", [
    # the calendar's words: a unit, the which-words, the day-words (else dateparser reads it)
    ("last week", {"calendar_which": {"this": 0, "last": -2, "next": 1}},
     (dt.date(2026, 2, 16), 0), (dt.date(2026, 2, 9), 0)),
    ("yesterday", {"calendar_days": {"today": 0}}, (dt.date(2026, 2, 26), 0),
     (dt.date(2026, 2, 26), 1)),
    ("two days ago", {"calendar_units": {"week": "week", "weeks": "week"}},
     (dt.date(2026, 2, 25), 0), (dt.date(2026, 2, 25), 1)),
    # the rewrites: without its step, "the previous day" is dateparser's to read
    ("the previous day", {"rewrites": LANGUAGE.dates.rewrites[:-1]},
     (dt.date(2026, 2, 26), 0), (None, 1)),
])
def test_each_calendar_table_drives_the_resolver(expression: str, update: dict, before: tuple,
                                                 after: tuple) -> None:
    assert _resolve(expression) == before
    assert _resolve(expression, **update) == after


def test_ordinals_and_the_count_words_drive_the_finder() -> None:
    assert found("The convoy was hit on April 3rd.") == ["april 3rd"]
    assert found("The convoy was hit on April 3rd.", _with(ordinals=[])) == []
    numbers = LANGUAGE.numbers.model_copy(update={"one": []})
    assert found("Shelling began a week ago.") == ["a week ago"]
    assert found("Shelling began a week ago.", DateFinder(LANGUAGE.dates, numbers)) == []


@pytest.mark.parametrize("published,expected", [
    (dt.date(2026, 2, 27), dt.date(2026, 2, 27)),
    (dt.date(1691, 4, 5), None),  # no event takes an implausible publication date
    (dt.date(2300, 1, 1), None),
    (None, None),
])
def test_an_undated_event_takes_a_plausible_publication_date(
        published: dt.date | None, expected: dt.date | None) -> None:
    taken = date_from_publication(None, published)
    assert (taken[0] if taken else None) == expected
    assert date_from_publication(dt.date(2026, 2, 20), published) is None  # dated already


@scaled(300)
@given(st.lists(st.sampled_from([*DATE_WORDS, *DATE_PHRASES, "City", "University", "of",
                                 "Zindah Jan", "October 6", "6th of October"]), max_size=10),
       st.lists(st.tuples(st.integers(0, 80), st.integers(1, 12)), max_size=3))
def test_the_search_from_the_starts_finds_what_the_pattern_finds(words: list[str],
                                                                spans: list[tuple[int, int]]
                                                                ) -> None:
    """With the words as written and names the search steps over (a date reaching into a
    name is none, and the search resumes inside it): the dates the whole pattern's search
    finds, where the shortcut tries the chosen forms only where they can start."""
    original = " ".join(words)
    text = original.lower()
    names = [(start, start + size) for start, size in spans]
    assert FINDER.find(text, 0, original, names) == \
        FINDER.find(text, 0, original, names, shortcut=False), (text, names)
