"""Fatalities stated in a sentence, by ACLED's conventions.

- The lowest figure reported: "at least 12" is 12, "between 10 and 15" is 10, "more than
  20" is 20.
- Vague quantities: "a few", "several", "some", "a number of" count 3; "many", "scores of",
  "numerous" count 10; "a dozen" and "dozens" count 12; "hundreds" 100; "thousands" 1000.
  (ACLED codes 3 or 10 for vague figures by the scale the report implies; we take the
  smaller reading for words of small scale and 10 for words of large scale.)
- Wounded or injured counts, "casualties" with no number of dead, and numbers of anything
  other than people are not fatalities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100, "a dozen": 12, "dozen": 12,
    "dozens": 12, "dozens of": 12, "several": 3, "a few": 3, "few": 3, "some": 3,
    "a number of": 3, "many": 10, "scores": 10, "scores of": 10, "numerous": 10,
    "hundreds": 100, "hundreds of": 100, "thousands": 1000, "thousands of": 1000,
}
# An optional part is written "(?:...|)", an empty last choice, not "(?:...)?": the same
# choices in the same order, without the regex engine's costlier repeat (the number patterns
# are tried at every word start of a sentence that speaks of deaths).
_NUMBER = (r"(?:\d[\d,]*|(?:a\s+|)(?:" + "|".join(sorted(
    (re.escape(k) for k in NUMBER_WORDS if not k.startswith("a ")), key=len, reverse=True))
    + r"|a\s+dozen|a\s+few|a\s+number\s+of|a\s+hundred)"
    r"(?:-(?:one|two|three|four|five|six|seven|eight|nine)|))")
_MODIFIERS = ("at least", "more than", "over", "nearly", "almost", "about", "around",
              "an estimated", "estimated", "roughly", "approximately", "some", "up to",
              "as many as", "between")
_QUANTITY = (r"(?:" + "|".join(m.replace(" ", r"\s+") + r"\s+" for m in _MODIFIERS) + "|)"
             r"(?P<n>" + _NUMBER + r")"
             # "between 10 and 15", "10 to 15": the lowest figure is the one coded
             r"(?:\s*(?:and|to|or|-)\s*" + _NUMBER + r"(?=\s)|)")
# Where a quantity opening a pattern can start: a word whose first character starts a
# modifier or a number; this single test turns most words away before the dozens of
# choices above are tried. The word start is matched as the character before it, not a
# word boundary (the sentence is searched with a space put before it): the regex engine
# looks for a pattern's first character at C speed, but tries one opening with a word
# boundary at every position, which cost as much as all the rest. Exact: before a word
# character, a word boundary is a non-word character or the start (the space put there); a
# match of these patterns ends with a word, so the character before the next is never in it.
_QUANTITY_START = r"\W(?=[\d" + "".join(sorted({w[0] for w in (*_MODIFIERS, *NUMBER_WORDS)})) \
    + "])"
_PEOPLE = (r"(?:(?:more|others|other|people|persons?|civilians?|soldiers?|troops|militants?|"
           r"fighters?|insurgents?|rebels?|policemen|policeman|police\s+officers?|officers?|"
           r"personnel|members|gunmen|terrorists?|children|child|women|woman|men|man|"
           r"villagers|residents|combatants|attackers|guards?|commanders?|workers?|"
           r"passengers|students|farmers|miners|traders|pilgrims|worshippers|migrants|"
           r"refugees|staff|employees|security\s+personnel)\b)")
# "killing 25 militants and five soldiers", "nine children and a woman": counted together.
_AND_MORE = (r"(?P<more>\s+and\s+(?P<m>" + _NUMBER + r"|an?)\s+(?:[a-z'\-]+\s+)?"
             + _PEOPLE + r"|)")
# After a verb of killing, the number is of people whatever the noun ("killing 8 passengers").
_ANY_NOUN = r"(?!(?:percent|per|km|kilometres|kilometers|miles|years?|days?|hours?|times)\b)[a-z'\-]+"
_ADJECTIVES = r"(?:[a-z'\-]+\s+){0,3}?"
_KILL_AFTER = r"(?:\s+(?:were|have\s+been|had\s+been|was|are|reportedly|allegedly))*\s+" \
              r"(?:killed|dead|died|slain|perished|lost\s+their\s+lives)\b"


def _word(start: str) -> str:
    """A word boundary, then `start` (literal): written boundary last, so that the regex
    engine searches for the literal at C speed instead of trying the pattern everywhere."""
    return start + r"(?<=\b" + start + ")"


# Each pattern with words it cannot match without, so that the regexes, which try every word
# boundary, run only on the few sentences that speak of deaths, and the number of characters
# it reads before the toll phrase (1 for `_QUANTITY_START`).
_FORMS: list[tuple[frozenset[str], re.Pattern[str], int]] = [
    (frozenset(needs), pattern, int(pattern.pattern.startswith(_QUANTITY_START)))
    for needs, pattern in [
    # "killed 18 militants", "killing at least 12 people", "killed four more"
    (("kill",), re.compile(_word("kill") + r"(?:ed|ing|s|)\s+" + _QUANTITY + r"\s+(?:of\s+)?"
                           + _ADJECTIVES + _ANY_NOUN + _AND_MORE)),
    # "losing five soldiers": a side's own dead
    (("losing", "lost"), re.compile(_word("los") + r"(?:ing|t)\s+" + _QUANTITY + r"\s+"
                                    + _ADJECTIVES + _PEOPLE)),
    # "four more, including ..." after an earlier count in the same clause
    (("more",), re.compile(_word("and") + r"\s+" + _QUANTITY + r"\s+more\b")),
    # "12 soldiers were killed", "seven people died"
    (("killed", "dead", "died", "slain", "perished", "lost"),
     re.compile(_QUANTITY_START + _QUANTITY + r"\s+" + _ADJECTIVES + _PEOPLE + _AND_MORE
                + _KILL_AFTER)),
    # "claimed dozens of lives", "left 9 dead", "death toll rose to 40"
    (("claimed",), re.compile(_word("claimed") + r"\s+" + _QUANTITY + r"\s+(?:of\s+)?lives\b")),
    (("left",), re.compile(_word("left") + r"\s+" + _QUANTITY + r"\s+(?:people\s+)?dead\b")),
    (("death",), re.compile(_word("death") + r"\s+toll\s+(?:rose\s+to|of|reached|"
                            r"climbed\s+to|stands\s+at|at)\s+" + _QUANTITY)),
    (("deaths", "fatalities", "dead"),
     re.compile(_QUANTITY_START + _QUANTITY + r"\s+(?:deaths|fatalities|dead)\b")),
    (("bodies", "corpses"), re.compile(_QUANTITY_START + _QUANTITY
                                       + r"\s+(?:of\s+)?(?:bodies|corpses)\b")),
]]
_SPACES = re.compile(r"\s+")
# Every word some pattern needs, tested as substrings: most sentences analysed speak of no
# deaths, and a substring test costs less than a regex search. The words are grouped under
# a part they share ("kill" of "killed", "dea" of "dead" and "deaths"), tested first: a
# sentence without it holds none of its words, and most fail all the groups' tests, fewer
# than the words. "kill" first: it stops the search in most sentences that speak of deaths.
_NEEDED = tuple(sorted({word for needs, _, _ in _FORMS for word in needs}))
_SHARED = ("kill", "dea", "die", "los")


def _shared_part(word: str) -> str:
    """The part of `_SHARED` in `word`, or the word itself: its group's test."""
    return next((part for part in _SHARED if part in word), word)


_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (part, tuple(word for word in _NEEDED if _shared_part(word) == part))
    for part in sorted(set(map(_shared_part, _NEEDED)), key=lambda part: (part != "kill", part)))


def _may_speak_of_deaths(text: str) -> bool:
    """Does `text` hold a part of `_GROUPS`? Written out, as a chain of substring tests
    costs half a loop over the parts, and most sentences analysed fail them all. (A test
    holds it to `_GROUPS`: every word some pattern needs passes it.)"""
    return ("kill" in text or "claimed" in text or "corpses" in text or "dea" in text
            or "die" in text or "fatalities" in text or "left" in text or "los" in text
            or "more" in text or "perished" in text or "slain" in text)



@dataclass(frozen=True, slots=True)
class FatalityMention:
    """`start`/`end` locate the number; `span_start`/`span_end` the whole toll phrase."""

    start: int
    end: int
    count: int
    text: str
    span_start: int = 0
    span_end: int = 0


def _value(raw: str) -> int | None:
    if raw in NUMBER_WORDS:
        return NUMBER_WORDS[raw]  # the most common case: what the steps below would give
    raw = _SPACES.sub(" ", raw.strip())
    if raw in {"a", "an"}:
        return 1
    if raw.replace(",", "").isdigit():
        return int(raw.replace(",", ""))
    if "-" in raw:
        tens, _, unit = raw.partition("-")
        if tens in NUMBER_WORDS and unit in NUMBER_WORDS:
            return NUMBER_WORDS[tens] + NUMBER_WORDS[unit]
    return NUMBER_WORDS.get(raw)


def find_fatalities(folded_sentence: str, offset: int = 0) -> list[FatalityMention]:
    """Reported death counts in a folded sentence, in text order, without overlaps."""
    found: list[FatalityMention] = []
    if not _may_speak_of_deaths(folded_sentence):
        return found
    present = [word for part, words in _GROUPS if part in folded_sentence
               for word in words if word in folded_sentence]
    forms = [(pattern, lead) for needs, pattern, lead in _FORMS if not needs.isdisjoint(present)]
    taken: list[tuple[int, int]] = []
    # 'killed "dozens" of fighters': quotation marks do not change the count (same length).
    # The space put before is the character before the sentence's first word (_QUANTITY_START);
    # it shifts every position by one.
    text = " " + folded_sentence.replace('"', " ")
    offset -= 1
    for pattern, lead in forms:
        more = "more" in pattern.groupindex
        for m in pattern.finditer(text):
            start, end = m.span()
            start += lead
            if taken and any(a < end and start < b for a, b in taken):
                continue
            value = _value(m.group("n"))
            if value is None:
                continue
            if more and m.group("more"):
                value += _value(m.group("m")) or 1
            taken.append((start, end))
            found.append(FatalityMention(m.start("n") + offset, m.end("n") + offset, value,
                                         text[start:end], start + offset, end + offset))
    found.sort(key=lambda f: f.start)
    return found
