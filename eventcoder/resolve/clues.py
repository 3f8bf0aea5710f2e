"""What every match of a regular expression must hold, read off the expression itself: the
clues a text is tested for before the expression is searched in it.

A search tries the whole expression at every position; testing a text first for a few
literal strings (one pass of an automaton) lets most texts skip it. The clues are derived
from the lexicon's own patterns, never written by hand, and are exact: a text that holds
none of them holds no match. Anything the analysis does not know (a case-insensitive part,
a back-reference) gives no clues: the search then runs on every text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from mypy_extensions import mypyc_attr

import ahocorasick

try:  # Python 3.11 and later
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants
    import sre_parse

# The clue that stands for any decimal digit (a `\d` every match holds).
DIGIT = r"\d"
_ZERO_WIDTH = frozenset({sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT})
_REPEATS = frozenset({sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT,
                      getattr(sre_constants, "POSSESSIVE_REPEAT", sre_constants.MAX_REPEAT)})
_BOUNDARY = (sre_constants.AT, sre_constants.AT_BOUNDARY)
_DIGIT_CLASS = ((sre_constants.CATEGORY, sre_constants.CATEGORY_DIGIT),)  # `\d`


def clues(pattern: re.Pattern[str]) -> list[frozenset[str]] | None:
    """Sets of strings such that every match of `pattern` holds one string of each set
    (DIGIT: a decimal digit), or None when the expression is beyond this analysis."""
    if pattern.flags & re.IGNORECASE:
        return None
    return _requirements(list(sre_parse.parse(pattern.pattern)))


def _score(found: frozenset[str]) -> int:
    """Prefer the clues that fewer texts hold: the longest shortest string."""
    return min(2 if c == DIGIT else len(c) for c in found)


def _requirements(items: list[tuple[Any, Any]]) -> list[frozenset[str]] | None:
    """What a sequence's every match holds: a set for each run of literal characters and
    for each part that every match reads (a group, a repeat at least once, a choice, a
    digit)."""
    required: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is sre_constants.LITERAL:
            run.append(chr(av))
            continue
        if op in _ZERO_WIDTH:
            continue  # reads no character: the literal run goes on across it
        if run:
            # The run and how the part after it starts: "j" then "(?:anuary|une|uly)" (a
            # choice of phrases factored by first letter) holds "january", "june" or "july".
            leads = _leads([(op, av)])
            required.append(frozenset("".join(run) + lead for lead in leads or [""]))
            run = []
        inner = _part(op, av)
        if inner is None:
            return None
        required.extend(inner)
    if run:
        required.append(frozenset(["".join(run)]))
    return required


def _leads(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """Strings one of which every match of a sequence starts with: its leading literal run,
    or those of each choice it opens with; None when not known."""
    run: list[str] = []
    for op, av in items:
        if op is not sre_constants.LITERAL:
            break
        run.append(chr(av))
    if run or not items:
        return frozenset(["".join(run)])
    op, av = items[0]
    if op is sre_constants.SUBPATTERN and not av[1] & re.IGNORECASE:
        return _leads(list(av[3]))
    if op is sre_constants.BRANCH:
        leads: frozenset[str] = frozenset()
        for branch in av[1]:
            lead = _leads(list(branch))
            if lead is None:
                return None
            leads |= lead
        return leads
    return None


def _part(op: Any, av: Any) -> list[frozenset[str]] | None:
    """What every match of one part (not a literal) holds; None if it cannot be known."""
    if op is sre_constants.SUBPATTERN:
        return None if av[1] & re.IGNORECASE else _requirements(list(av[3]))
    if op in _REPEATS:
        return _requirements(list(av[2])) if av[0] >= 1 else []
    if op is sre_constants.BRANCH:
        return _choice([_requirements(list(branch)) for branch in av[1]])
    if op is sre_constants.IN and tuple(av) == _DIGIT_CLASS:
        return [frozenset([DIGIT])]
    if op in (sre_constants.GROUPREF, sre_constants.GROUPREF_EXISTS):
        return None
    return []  # another class, any character: holds nothing known


def _choice(branches: list[list[frozenset[str]] | None]) -> list[frozenset[str]] | None:
    """What every match of a choice holds: the best set of each branch, together (a
    branch that holds nothing known makes the choice hold nothing known)."""
    if any(b is None for b in branches):
        return None
    if not all(branches):
        return []
    # Of equal ones the last: a phrase's head word comes last more often than first ("this
    # week", "last night"), and is the rarer.
    best = [max(reversed(b), key=_score) for b in branches if b]
    return [frozenset().union(*best)]


def bit_automaton(bits: Mapping[str, int]) -> ahocorasick.Automaton:
    """An automaton that reports, for each string of `bits` a text holds, its bits."""
    automaton = ahocorasick.Automaton()
    for word, mask in bits.items():
        automaton.add_word(word, mask)
    if bits:
        automaton.make_automaton()
    return automaton


@mypyc_attr(allow_interpreted_subclasses=True)
class ClueTest:
    """Which of several expressions may match a text. Each clue set of each expression is
    a bit; one pass of an automaton over the text sets the bits of the sets whose strings
    it holds (a digit is a string of its own), and an expression may match if all its bits
    are set (an expression beyond the analysis always may)."""

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        self.required = [clues(p) for p in patterns]
        bits: dict[str, int] = {}
        self.needs: list[int] = []  # the bits of each expression
        bit = 0
        for sets in self.required:
            mask = 0
            for found in sets or ():
                for word in found:
                    bits[word] = bits.get(word, 0) | 1 << bit
                mask |= 1 << bit
                bit += 1
            self.needs.append(mask)
        self._digit = bits.pop(DIGIT, 0)
        for digit in "0123456789":  # (a clue string may be a digit itself)
            bits[digit] = bits.get(digit, 0) | self._digit
        self.strings = bits  # each clue string with the bits of the sets it is in
        self._automaton = bit_automaton(bits)

    def held(self, text: str) -> int:
        """The bits of the clue sets `text` holds a string of."""
        mask = 0
        for _, bits in self._automaton.iter(text):
            mask |= bits
        return self.with_digits(text, mask)

    def with_digits(self, text: str, mask: int) -> int:
        """`mask`, read by an automaton of `strings`, with the bits of another script's
        digits: the automaton knows the ASCII digits; a text with other characters may hold
        another decimal digit ("\u0663")."""
        if self._digit and not text.isascii() and _ANY_DIGIT.search(text):
            mask |= self._digit
        return mask

    def __call__(self, text: str) -> list[int]:
        """The indexes of the expressions that may match `text`, in order."""
        mask = self.held(text)
        return [i for i, needs in enumerate(self.needs) if mask & needs == needs]


_ANY_DIGIT = re.compile(r"\d")


# The clues of one sentence that the toll finder and the date finder read, from one pass
# over it (`ClueReader`): a plain value each finder is given, or reads itself. Its items:
# the bits of the toll patterns one of whose needed words the sentence holds; where the last
# such word ends (0: none); the date finder's clue bits, as its `ClueTest.held` reads them.
# (A plain tuple: a named one costs a Python-level call per sentence to make.)
SentenceClues = tuple[int, int, int]


@mypyc_attr(allow_interpreted_subclasses=True)
class ClueReader:
    """Reads a sentence's clues for the toll finder (`tolls`: each needed word with the bits
    of the patterns that need it) and for the date finder (`dates`, its `ClueTest`) in one
    pass of one automaton, the date bits above the tolls'."""

    def __init__(self, tolls: Mapping[str, int], dates: ClueTest | None = None) -> None:
        self._shift = max((mask.bit_length() for mask in tolls.values()), default=0)
        self._toll_bits = (1 << self._shift) - 1
        self._dates = dates
        bits = dict(tolls)
        for word, mask in (dates.strings if dates is not None else {}).items():
            bits[word] = bits.get(word, 0) | mask << self._shift
        self._automaton = bit_automaton(bits)

    def read(self, text: str) -> SentenceClues:
        """The clues `text` holds (the date bits those `ClueTest.held` reads)."""
        held = 0
        last = -1
        toll_bits = self._toll_bits
        for end, bits in self._automaton.iter(text) if len(self._automaton) else ():
            held |= bits
            if bits & toll_bits:
                last = end
        dates = held >> self._shift
        if self._dates is not None:
            dates = self._dates.with_digits(text, dates)
        return held & toll_bits, last + 1, dates


def first_class(source: str) -> str | None:
    """A character class holding every character a match of `source` can start with (a
    decimal digit as `\\d`), or None when a match may be empty or starts with something
    this analysis does not read (a negated class, any character, a case-insensitive part)."""
    parsed = sre_parse.parse(source)
    if parsed.state.flags & re.IGNORECASE:
        return None
    found = _firsts(list(parsed))
    if found is None or found[1] or not found[0]:
        return None
    chars = sorted(c for c in found[0] if c != DIGIT)
    return "[" + "".join(re.escape(c) for c in chars) + (DIGIT if DIGIT in found[0] else "") + "]"


def _firsts(items: list[tuple[Any, Any]]) -> tuple[set[str], bool] | None:
    """The characters a sequence's match can start with (DIGIT: any decimal digit), and
    whether the match can be empty; None when not known."""
    firsts: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # reads no character: what follows starts the match
        part = _first_of(op, av)
        if part is None:
            return None
        firsts |= part[0]
        if not part[1]:
            return firsts, False
    return firsts, True


def _first_of(op: Any, av: Any) -> tuple[set[str], bool] | None:
    if op is sre_constants.LITERAL:
        return {chr(av)}, False
    if op is sre_constants.IN:
        chars = _class_chars(av)
        return None if chars is None else (chars, False)
    if op is sre_constants.SUBPATTERN:
        return None if av[1] & re.IGNORECASE else _firsts(list(av[3]))
    if op in _REPEATS:
        inner = _firsts(list(av[2]))
        return None if inner is None else (inner[0], inner[1] or av[0] == 0)
    if op is sre_constants.BRANCH:
        branches = [_firsts(list(branch)) for branch in av[1]]
        if any(b is None for b in branches):
            return None
        return set().union(*(b[0] for b in branches if b)), any(b[1] for b in branches if b)
    return None


def _class_chars(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The characters of a class (DIGIT: any decimal digit); None for a negated class, a
    category other than digits or a wide range."""
    chars: set[str] = set()
    for kind, value in items:
        if kind is sre_constants.LITERAL:
            chars.add(chr(value))
        elif kind is sre_constants.CATEGORY and value is sre_constants.CATEGORY_DIGIT:
            chars.add(DIGIT)
        elif kind is sre_constants.RANGE and value[1] - value[0] < 64:
            chars.update(chr(c) for c in range(value[0], value[1] + 1))
        else:
            return None
    return chars


# A pattern's opening words are looked for one by one (`str.find`) when they are at most
# this many, each at least MIN_LEAD characters long; else by the characters they start with.
MAX_LEADS = 12
MIN_LEAD = 3


@mypyc_attr(allow_interpreted_subclasses=True)
class Openings:
    """Where a pattern that opens with a word boundary ("\\b...") can match in a text: a
    superset of its matches' starts, in order, found without trying the pattern at every
    position (a search of "\\b(?:...)" does: the engine finds no character to skip to).

    Read off the expression itself, as the clues are: the words one of which every match
    starts with (`leads`, looked for with `str.find`), or else a pattern opening with the
    characters a match can start with (`finder`, see `first_class`), which the engine skips
    to at C speed and whose matches are those of the pattern, each one character long."""

    __slots__ = ("leads", "finder")

    def __init__(self, leads: tuple[str, ...], finder: re.Pattern[str] | None) -> None:
        self.leads = leads
        self.finder = finder

    @classmethod
    def of(cls, source: str) -> Openings | None:
        """The openings of `source`, or None when it opens otherwise or they are unknown."""
        parsed = list(sre_parse.parse(source))
        if not source.startswith(r"\b") or parsed[:1] != [_BOUNDARY]:
            return None  # ("\\bx|y": the boundary is the first choice's only)
        leads = _leads(parsed[1:])
        if leads and len(leads) <= MAX_LEADS and min(map(len, leads)) >= MIN_LEAD:
            return cls(tuple(sorted(leads)), None)
        rest = source[2:]
        first = first_class(rest)
        if first is None:
            return None
        return cls((), re.compile(first + r"(?<=\b(?=" + rest + ")" + first + ")"))

    def __call__(self, text: str) -> list[int]:
        if self.finder is not None:
            return [m.start() for m in self.finder.finditer(text)]
        starts: list[int] = []
        for lead in self.leads:
            at = text.find(lead)
            while at >= 0:
                starts.append(at)
                at = text.find(lead, at + 1)
        if len(self.leads) > 1:
            starts.sort()
        return starts


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]
               ) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` gives, for a pattern whose every match starts at one of
    `starts` (in order): the first match at or after where the last one ended, tried only
    there. (`\\b` is read at a start as in a search: `match` sees the text before it.)"""
    end = 0
    for start in starts:
        if start < end:
            continue
        found = pattern.match(text, start)
        if found is not None:
            yield found
            end = found.end()
