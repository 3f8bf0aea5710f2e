"""Language sub-sections read by the text stages: dates, numbers, death tolls, segmenting.

Word lists are tables; patterns are regular-expression templates whose ``{name}``
placeholders the stages fill from the tables (a month's forms, the weekdays, the number
words, ...), so that a second language is a folder of data and no new code. Every template
is checked here: its placeholders must be ones its stage fills, and it must compile once
they are filled. A file may give part of a sub-section (a user lexicon adding an
abbreviation or a number word); the tables that have a fixed size (12 months, 7 weekdays)
are checked whenever they are given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Literal

from pydantic import Field, PositiveInt, field_validator, model_validator

from .model import IDENT, Entry

# A placeholder: a name in braces. A regex repeat ("{1,2}") holds digits, never a name.
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def fill(template: str, values: Mapping[str, str]) -> str:
    """`template` with each ``{name}`` replaced by ``values[name]`` (a regex fragment)."""
    def value(found: re.Match[str]) -> str:
        name = found.group(1)
        if name not in values:
            raise ValueError(f"unknown placeholder {{{name}}} (known: "
                             f"{', '.join('{' + k + '}' for k in sorted(values)) or 'none'})")
        return values[name]
    return PLACEHOLDER.sub(value, template)


def alternation(phrases: Iterable[str], factored: bool = True) -> str:
    """A non-capturing regex choice of literal phrases, longest first (so that the longest
    one that fits is tried first), a space standing for any run of white space.

    The phrases that share a first character are one choice after it ("t(?:wenty|hree|en)"):
    at a position of the text the regex engine then tests each first character once, not
    each phrase (a number pattern is tried at every word of a sentence that speaks of
    deaths). The phrases of one first character keep their order and no two of different
    ones can both fit at a position, so the choice matches as the plain one
    (``factored=False``, which a property test holds it to)."""
    escaped = sorted(dict.fromkeys(re.escape(p.strip()).replace(r"\ ", r"\s+") for p in phrases
                                   if p.strip()), key=len, reverse=True)
    if not escaped:
        return "(?!)"
    if not factored:
        return "(?:" + "|".join(escaped) + ")"
    rests: dict[str, list[str]] = {}
    for phrase in escaped:
        head = phrase[:2] if phrase[0] == "\\" else phrase[0]  # an escaped character is one
        rests.setdefault(head, []).append(phrase[len(head):])
    return "(?:" + "|".join(head + (tails[0] if len(tails) == 1 else "(?:" + "|".join(tails) + ")")
                            for head, tails in rests.items()) + ")"


def check_template(template: str, names: Iterable[str] | Mapping[str, str], what: str,
                   lenient: bool = False) -> str:
    """A template whose placeholders are among `names` (with `lenient`, any name) and that
    compiles once they are filled: with the fragments `names` maps them to, else with a
    stand-in (the tables may be in another file)."""
    values = dict(names) if isinstance(names, Mapping) else dict.fromkeys(names, "(?:x)")
    if lenient:
        values.update((n, "(?:x)") for n in PLACEHOLDER.findall(template) if n not in values)
    try:
        re.compile(fill(template, values))
    except re.error as exc:
        raise ValueError(f"{what}: not a valid pattern ({exc})") from None
    except ValueError as exc:
        raise ValueError(f"{what}: {exc}") from None
    return template


def _phrases(values: list[str]) -> list[str]:
    cleaned = [" ".join(v.split()).lower() for v in values]
    if any(not v for v in cleaned):
        raise ValueError("words must not be empty")
    return cleaned


class Rewrite(Entry):
    """One step of reading a date expression into the words the calendar and dateparser
    read: `pattern` (a template) is replaced by `to` (``\\1`` is its first group); with a
    `period`, a match ends the reading with that period forced."""

    pattern: str
    to: str = ""
    period: Literal["day", "week", "month"] | None = None


# The placeholders each kind of date template may use (see DateFinder and Calendar).
DATE_FORM_NAMES = ("month", "safe_month", "weak_month", "weekday", "count", "time_unit",
                   "ordinal")
CALENDAR_NAMES = ("month", "count", "unit", "which", "ordinal")
REWRITE_NAMES = ("month",)
CALENDAR_GROUPS = ("iso", "day", "month", "year", "n", "unit", "which")


class DateWords(Entry):
    """Months, weekdays and the words and forms of date expressions."""

    months: list[list[str]] = Field([], description="the forms of each month, January first "
                                     "(12 entries)")
    weekdays: list[list[str]] = Field([], description="the forms of each weekday, Monday "
                                      "first (7 entries)")
    weak_months: dict[str, list[str]] = Field(
        {}, description="month forms that are also common words (\"may\"): after a cue word "
        "they are no month, unless the cue is one listed here (\"in May\")")
    ordinals: list[str] = Field([], description="suffixes of a day's number (\"3rd\")")
    time_units: list[str] = Field([], description="words of time that make a number before "
                                  "them a count, not a day (\"Jan 2 days ago\")")
    forms: dict[str, str] = Field({}, description="the date expressions, as templates, "
                                  "tried in this order (placeholders: " +
                                  ", ".join(DATE_FORM_NAMES) + ")")
    name_heads: list[str] = Field([], description="words that, capitalised right after a "
                                  "date, make the date part of a name (\"6th of October City\")")
    name_links: list[str] = Field([], description="words after a name head that make it "
                                  "start a name of its own (\"October 6 University of ...\")")
    rewrites: list[Rewrite] = Field([], description="the steps that read an expression into "
                                    "the calendar's words, in order")
    calendar_days: dict[str, int] = Field({}, description="words for a day counted from "
                                          "publication (\"yesterday\": -1)")
    calendar_which: dict[str, int] = Field({}, description="words for this, the last or the "
                                           "next week or month (\"last\": -1)")
    calendar_units: dict[str, Literal["day", "week", "month"]] = Field(
        {}, description="words for the units of time the calendar counts in")
    calendar_forms: list[str] = Field([], description="the expressions the calendar "
                                      "computes, as templates with named groups (" +
                                      ", ".join(CALENDAR_GROUPS) + ")")
    parser_languages: list[str] = Field([], description="dateparser's languages, for the "
                                        "expressions the calendar does not compute")

    _clean = field_validator("ordinals", "time_units", "name_heads", "name_links")(_phrases)

    @field_validator("months", "weekdays")
    @classmethod
    def _forms_given(cls, value: list[list[str]]) -> list[list[str]]:
        cleaned = [_phrases(forms) for forms in value]
        if any(not forms for forms in cleaned):
            raise ValueError("every entry needs one form at least")
        return cleaned

    @field_validator("forms")
    @classmethod
    def _check_forms(cls, value: dict[str, str]) -> dict[str, str]:
        for name, template in value.items():
            if not re.match(IDENT, name):
                raise ValueError(f"form name '{name}' must match {IDENT}")
            check_template(template, DATE_FORM_NAMES, f"form '{name}'")
        return value

    @field_validator("calendar_forms")
    @classmethod
    def _check_calendar(cls, value: list[str]) -> list[str]:
        for template in value:
            check_template(template, CALENDAR_NAMES, f"calendar form '{template}'")
            groups = set(re.compile(fill(template, dict.fromkeys(CALENDAR_NAMES, "x")))
                         .groupindex)
            if not groups or not groups <= set(CALENDAR_GROUPS):
                raise ValueError(f"calendar form '{template}' must name its parts with groups "
                                 f"among {', '.join(CALENDAR_GROUPS)}")
        return value

    @field_validator("rewrites")
    @classmethod
    def _check_rewrites(cls, value: list[Rewrite]) -> list[Rewrite]:
        for step in value:
            check_template(step.pattern, REWRITE_NAMES, f"rewrite '{step.pattern}'")
        return value

    @model_validator(mode="after")
    def _sizes(self) -> DateWords:
        if self.months and len(self.months) != 12:
            raise ValueError(f"months: 12 entries needed, {len(self.months)} given")
        if self.weekdays and len(self.weekdays) != 7:
            raise ValueError(f"weekdays: 7 entries needed, {len(self.weekdays)} given")
        forms = [form for month in self.months for form in month]
        unknown = [w for w in self.weak_months if self.months and w not in forms]
        if unknown:
            raise ValueError(f"weak_months: {', '.join(unknown)} is no month's form")
        return self

    def month_number(self, word: str) -> int | None:
        """The month (1-12) a word names ("Sept" or "september": 9), in any case, or None."""
        word = word.strip().lower().rstrip(".")
        return next((i + 1 for i, forms in enumerate(self.months) if word in forms), None)

    def weekday_number(self, word: str) -> int | None:
        """The weekday (Monday 0 .. Sunday 6) a word names, or None."""
        word = word.strip().lower()
        return next((i for i, forms in enumerate(self.weekdays) if word in forms), None)


class NumberWords(Entry):
    """Number words and vague quantities."""

    words: dict[str, PositiveInt] = Field({}, description="number words and their values")
    vague: dict[str, PositiveInt] = Field({}, description="vague quantities and the figure "
                                          "coded for them, by ACLED's conventions")
    one: list[str] = Field([], description="words that count one of a thing (\"a\", \"an\")")
    compound: str = Field("", description="a number made of a ten and a unit, a template with "
                          "{tens} and {units} (\"{tens}-{units}\": twenty-five)")
    group_separator: str = Field(",", min_length=1, max_length=1,
                                 description="the mark between groups of digits (1,000)")

    _clean_one = field_validator("one")(_phrases)

    @field_validator("words", "vague")
    @classmethod
    def _clean_keys(cls, value: dict[str, int]) -> dict[str, int]:
        return dict(zip(_phrases(list(value)), value.values()))

    @field_validator("compound")
    @classmethod
    def _check_compound(cls, value: str) -> str:
        return check_template(value, ("tens", "units"), "compound") if value else value

    @field_validator("group_separator")
    @classmethod
    def _separator(cls, value: str) -> str:
        if value.isalnum() or value.isspace():
            raise ValueError("the group separator must be a mark, not a letter, digit or space")
        return value


# The placeholders the stages fill in toll templates (see TollFinder).
TOLL_NAMES = ("number", "numeral", "modifier", "people", "unit", "one")


class TollPattern(Entry):
    """A way of stating a death toll: `pattern` (a template) reads it, its group `n` being
    the figure; it is tried only in a sentence holding one of `needs`, words every match
    holds."""

    needs: list[str] = Field(min_length=1)
    pattern: str

    _clean = field_validator("needs")(_phrases)


class TollWords(Entry):
    """The words and patterns of death tolls."""

    modifiers: list[str] = Field([], description="words before a figure that keep it the "
                                 "lowest reported (\"at least\")")
    people: list[str] = Field([], description="nouns of people a toll counts")
    units: list[str] = Field([], description="nouns after a figure that are not people "
                             "(\"percent\", \"km\")")
    parts: dict[str, str] = Field({}, description="named pieces of the patterns, as templates "
                                  "that may use the tables and the parts before them")
    patterns: list[TollPattern] = Field([], description="the ways a toll is stated")

    _clean = field_validator("modifiers", "people", "units")(_phrases)

    @model_validator(mode="after")
    def _templates(self) -> TollWords:
        # The parts are filled in order, each with the tables (stand-ins here) and the parts
        # before it; a pattern must compile with all of them and name its figure `n`.
        tables = dict.fromkeys(TOLL_NAMES, "(?:x)")
        for name, template in self.parts.items():
            if not re.match(IDENT, name):
                raise ValueError(f"part name '{name}' must match {IDENT}")
            check_template(template, tables, f"part '{name}'")
            tables[name] = fill(template, tables)
        # A file that gives patterns and no parts uses the parts of the lexicons before
        # it: its placeholders are checked when the whole language is.
        for pattern in self.patterns:
            check_template(pattern.pattern, tables, f"pattern '{pattern.pattern}'",
                           lenient=not self.parts)
            if self.parts and "n" not in re.compile(fill(pattern.pattern, tables)).groupindex:
                raise ValueError(f"pattern '{pattern.pattern}' has no group 'n' (the figure)")
        return self


class SegmentWords(Entry):
    """Abbreviations and boilerplate phrases."""

    abbreviations: list[str] = Field([], description="words a full stop follows without "
                                     "ending the sentence (\"Gen.\", \"Oct.\")")
    boilerplate: list[str] = Field([], description="how a navigation line starts (\"Also "
                                   "read\"), as patterns: such a line is kept, never coded")
    header_words: list[str] = Field([], description="words that open a date line in an "
                                    "article's first lines (\"Published: 2026-02-27\")")

    @field_validator("abbreviations")
    @classmethod
    def _clean(cls, value: list[str]) -> list[str]:
        cleaned = _phrases(value)
        bad = [v for v in cleaned if " " in v or v.endswith(".")]
        if bad:
            raise ValueError(f"an abbreviation is one word without its full stop: {bad[0]}")
        return cleaned

    @field_validator("boilerplate")
    @classmethod
    def _check_boilerplate(cls, value: list[str]) -> list[str]:
        for template in value:
            check_template(template, (), f"boilerplate '{template}'")
        return value
