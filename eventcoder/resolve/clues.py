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
from typing import Any

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
        self._automaton = ahocorasick.Automaton()
        for word, mask in bits.items():
            self._automaton.add_word(word, mask)
        self._automaton.make_automaton()

    def held(self, text: str) -> int:
        """The bits of the clue sets `text` holds a string of."""
        mask = 0
        for _, bits in self._automaton.iter(text):
            mask |= bits
        # The automaton knows the ASCII digits; a text with other characters may hold
        # another decimal digit ("\u0663").
        if self._digit and not text.isascii() and _ANY_DIGIT.search(text):
            mask |= self._digit
        return mask

    def __call__(self, text: str) -> list[int]:
        """The indexes of the expressions that may match `text`, in order."""
        mask = self.held(text)
        return [i for i, needs in enumerate(self.needs) if mask & needs == needs]


_ANY_DIGIT = re.compile(r"\d")
