"""Fatalities stated in a sentence, by ACLED's conventions, read with the lexicon's toll
patterns (``language.tolls``) and number words (``language.numbers``).

- The lowest figure reported: "at least 12" is 12, "between 10 and 15" is 10, "more than
  20" is 20.
- Vague quantities count as the lexicon says: in English "a few", "several", "some", "a
  number of" count 3; "many", "scores of", "numerous" 10; "a dozen" and "dozens" 12;
  "hundreds" 100; "thousands" 1000.
- Wounded or injured counts, "casualties" with no number of dead, and numbers of anything
  other than people are not fatalities.
- A toll one report gives for several events (one per town: "jets struck A and B, killing
  15") is divided evenly among them, the remainder to the first (`split_total`): 8 and 7.
- A toll over MAX_TOLL is no toll: no single event in ACLED's data comes near it, and such
  a figure is more likely a misread (a list of numbers, a phone number) than a count.
- A figure is at most MAX_NUMERAL characters of digits and group marks, read only from its
  first digit: a longer run of digits and commas ("1,1,1,...") is no figure, so that no
  part of the text is read more than a bounded number of times.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from mypy_extensions import mypyc_attr

from ..lexicon.lang_text import NumberWords, TollWords, alternation, fill
from .clues import ClueReader, Openings, SentenceClues, matches_at

MAX_TOLL = 100_000


def split_total(total: int, parts: int) -> list[int]:
    """A toll that one report gives for `parts` events (one per town): divided evenly, as
    ACLED does, the remainder one each to the first events, so that the parts sum to it."""
    share, rest = divmod(total, parts)
    return [share + (1 if i < rest else 0) for i in range(parts)]
MAX_NUMERAL = 15


@dataclass(frozen=True, slots=True)
class FatalityMention:
    """`start`/`end` locate the number; `span_start`/`span_end` the whole toll phrase."""

    start: int
    end: int
    count: int
    text: str
    span_start: int = 0
    span_end: int = 0


def _numeral(separator: str) -> str:
    """A figure: a digit first (not one inside a longer run of digits and marks), then at
    most MAX_NUMERAL - 1 digits and marks, and no digit or mark after."""
    mark = re.escape(separator)
    return (rf"(?<!\d{mark})\d[\d{mark}]{{0,{MAX_NUMERAL - 1}}}(?![\d{mark}])")


@mypyc_attr(allow_interpreted_subclasses=True)
class Numbers:
    """Reads a figure or a number word as a value."""

    def __init__(self, numbers: NumberWords) -> None:
        self.separator = numbers.group_separator
        self.values = {**dict.fromkeys(numbers.one, 1), **numbers.words, **numbers.vague}
        tens = [w for w, v in numbers.words.items() if v in range(20, 100, 10)]
        units = [w for w, v in numbers.words.items() if v in range(1, 10)]
        self._compound = re.compile(fill(numbers.compound, {
            "tens": f"(?P<tens>{alternation(tens)})", "units": f"(?P<units>{alternation(units)})"})
        ) if numbers.compound else None
        words = alternation([*numbers.words, *numbers.vague])
        compound = fill(numbers.compound, {"tens": alternation(tens), "units": alternation(units)})
        self.pattern = "(?:" + (f"{compound}|" if numbers.compound else "") + \
            f"{_numeral(self.separator)}|{words})"

    def value(self, raw: str) -> int | None:
        """The value of a figure or number phrase as the patterns found it, or None."""
        raw = " ".join(raw.split())
        known = self.values.get(raw)
        if known is not None:
            return known
        digits = raw.replace(self.separator, "")
        if digits.isdigit():
            try:
                return int(digits)
            except ValueError:  # a digit int() does not read ("²")
                return None
        found = self._compound.fullmatch(raw) if self._compound else None
        if found is not None:
            return self.values[found.group("tens")] + self.values[found.group("units")]
        return None


# A pattern that opens with a word boundary and a word, the word's last letter not repeated.
_WORD_OPENING = re.compile(r"\\b([a-z]+)(?![a-z*+?{])")


def word_first(source: str) -> str:
    """`source` written with its opening word first and the word boundary checked behind it:
    "\\bkill(?:ed|ing)..." as "kill(?<=\\bkill)(?:ed|ing)...". The matches are the same (the
    boundary is read at the same place), but the regex engine finds a pattern's opening
    word at C speed, and tries one that opens with an assertion at every position of the
    text, reading the characters on both sides of each."""
    found = _WORD_OPENING.match(source)
    if found is None:
        return source
    word = found.group(1)
    return word + r"(?<=\b" + word + ")" + source[found.end():]


# A template that opens with a word boundary and a part: "\\b{quantity}\\s+...".
_OPENING = re.compile(r"\\b\{([a-z_]+)\}")


def _opening(template: str) -> str | None:
    """The part `template` opens with after a word boundary, if it does."""
    found = _OPENING.match(template)
    return found.group(1) if found else None


_matches_at = matches_at  # (the name tests/test_speed_equivalents.py knows)


def _start_finder(part: str) -> re.Pattern[str]:
    """A pattern whose matches start where `part` can start after a word boundary: each
    one character long, found by the characters the part starts with (`Openings`)."""
    openings = Openings.of(r"\b" + part)
    if openings is not None and openings.finder is not None:
        return openings.finder
    return re.compile(r"\b(?=" + part + ")")


@mypyc_attr(allow_interpreted_subclasses=True)
class TollFinder:
    """Finds the death tolls of a sentence with one language's patterns."""

    def __init__(self, words: TollWords, numbers: NumberWords) -> None:
        self.numbers = Numbers(numbers)
        tables = {"number": self.numbers.pattern, "numeral": _numeral(numbers.group_separator),
                  "modifier": alternation(words.modifiers),
                  "people": rf"(?:{alternation(words.people)}\b)",
                  "unit": alternation(words.units), "one": alternation(numbers.one)}
        for name, template in words.parts.items():
            tables[name] = fill(template, tables)
        # Each pattern with the words it cannot match without: most sentences hold none of
        # them, and one pass of an automaton over the sentence finds those it holds at a
        # fraction of the cost of the regex searches (or of a substring test per word).
        # And the part it opens with, if it opens with a word boundary and a part
        # ("\b{quantity}", the tolls told before their verb): where that part can start is
        # found once per sentence, and each such pattern is tried only there, not at every
        # word of the sentence. A pattern that opens with a word boundary and a word is
        # searched from the word (see `word_first`).
        self.plain = [re.compile(fill(p.pattern, tables)) for p in words.patterns]
        self.forms = [(frozenset(p.needs), re.compile(word_first(plain.pattern)),
                       _opening(p.pattern)) for p, plain in zip(words.patterns, self.plain)]
        # Where each opening part starts, found by the characters it can start with; and
        # where each other pattern that opens with a word boundary, and no word, can match
        # (`clues.Openings`): a search would try it at every position of the sentence.
        self._starts = {name: _start_finder(tables[name])
                        for _, _, name in self.forms if name is not None}
        self._openings = [Openings.of(pattern.pattern) if opening is None else None
                          for _, pattern, opening in self.forms]
        # The gate: each word with the bits of the patterns that need it, so that one pass
        # over the sentence tells which patterns to try (`clues.ClueReader`, which may read
        # other finders' clues in the same pass); what to try for each set of bits met is
        # worked out once (`tried`).
        needed: dict[str, int] = {}
        for i, (needs, _, _) in enumerate(self.forms):
            for word in needs:
                needed[word] = needed.get(word, 0) | 1 << i
        self.needed = needed
        self._reader = ClueReader(needed)
        # A reading of the sentence as given holds for the text the patterns read (quotes
        # as spaces) unless a needed word holds a quote or a space.
        self._reading_holds = not any('"' in w or " " in w for w in needed)
        self._plans: dict[int, tuple[int, ...]] = {}

    def find(self, folded_sentence: str, offset: int = 0, clues: SentenceClues | None = None,
             gate: bool = True) -> list[FatalityMention]:
        """Reported death counts in a folded sentence, in text order, without overlaps.
        `clues`: the sentence's clues as a `ClueReader` made with `needed` read them (else
        read here). With `gate` off every pattern is searched everywhere, whatever words
        the sentence holds: the reference the gate and the openings are held to
        (tests/test_tolls.py)."""
        found: list[FatalityMention] = []
        taken: list[tuple[int, int]] = []
        # 'killed "dozens" of fighters': quotation marks do not change the count (same length).
        text = folded_sentence.replace('"', " ")
        if clues is not None and not self._reading_holds:
            clues = None
        for pattern, matches in self._searches(text, gate, clues):
            more = "more" in pattern.groupindex
            for m in matches:
                start, end = m.span()
                if any(a < end and start < b for a, b in taken):
                    continue
                value = self.numbers.value(m.group("n"))
                if value is None:
                    continue
                if more and m.group("more"):
                    value += self.numbers.value(m.group("m")) or 1
                if value > MAX_TOLL:
                    continue
                taken.append((start, end))
                found.append(FatalityMention(m.start("n") + offset, m.end("n") + offset, value,
                                             text[start:end], start + offset, end + offset))
        found.sort(key=lambda f: f.start)
        return found

    def _searches(self, text: str, gate: bool, clues: SentenceClues | None
                  ) -> Iterator[tuple[re.Pattern[str], Iterable[re.Match[str]]]]:
        """Each pattern that may match `text`, in order, with its matches (made as read)."""
        if not gate:
            for pattern in self.plain:
                yield pattern, pattern.finditer(text)
            return
        tried, reach = self.tried(text, clues)
        if not tried:
            return  # most sentences: none of the words any pattern needs
        # A pattern that opens with a part ("{quantity}") needs a word after it: the part
        # starts (and ends) before the end of the last needed word the text holds, and its
        # starts are sought only in the text up to there (a search with `endpos`; the
        # pattern is tried on the whole text).
        starts: dict[str, list[int]] = {}  # where each opening part can start, found once
        for i in tried:
            _, pattern, opening = self.forms[i]
            openings = self._openings[i]
            if openings is not None:
                yield pattern, matches_at(pattern, text, openings(text))
            elif opening is None:
                yield pattern, pattern.finditer(text)
            else:
                if opening not in starts:
                    starts[opening] = [m.start() for m in
                                       self._starts[opening].finditer(text, 0, reach)]
                yield pattern, _matches_at(pattern, text, starts[opening])

    def tried(self, text: str, clues: SentenceClues | None = None
              ) -> tuple[tuple[int, ...], int]:
        """The indexes of the patterns one of whose needed words `text` holds, in order, and
        where the last needed word it holds ends: read off `clues` (read here if not
        given). One pass of the gate sets the bits of the patterns each word it meets is
        needed by, and the patterns of each set of bits met are listed once
        (tests/test_toll_gate.py holds them to a test of each pattern's words)."""
        if clues is None:
            clues = self._reader.read(text)
        held, reach, _ = clues
        plan = self._plans.get(held)
        if plan is None:
            plan = self._plans[held] = tuple(i for i in range(len(self.forms)) if held >> i & 1)
        return plan, reach
