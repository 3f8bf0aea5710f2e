"""A sentence as the rules see it: tokens, clauses, and mentions placed on tokens."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..lexicon import Lexicon
from ..match import CueRef, Mention
from ..text import Token, tokenize

_PUNCT_BOUNDARIES = frozenset({";", ":", "\u2014", "(", ")", "[", "]"})


@dataclass(frozen=True)
class Vocabulary:
    """Single-word cue sets the rules read from tokens rather than from the matcher."""

    anaphora: frozenset[str]
    boundary: frozenset[str]
    venue: frozenset[str]
    speech: frozenset[str]

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> "Vocabulary":
        sets: dict[str, set[str]] = {"anaphora": set(), "boundary": set(), "venue": set(),
                                     "speech": set()}
        for cue in lexicon.cues:
            if cue.kind in sets:
                sets[cue.kind].update(p.lower() for p in cue.phrases)
        return cls(frozenset(sets["anaphora"]), frozenset(sets["boundary"]),
                   frozenset(sets["venue"]), frozenset(sets["speech"]))


@dataclass(frozen=True, slots=True)
class Placed:
    """A mention and the tokens it covers (first..last, inclusive)."""

    mention: Mention
    first: int
    last: int


class SentenceView:
    """Tokens, clause numbers and placed mentions of one sentence."""

    def __init__(self, folded: str, start: int, end: int, mentions: list[Mention],
                 vocabulary: Vocabulary) -> None:
        self.folded = folded
        self.start = start
        self.end = end
        self.tokens: list[Token] = tokenize(folded[start:end], start)
        self.words = [t.text for t in self.tokens]
        self._starts = [t.start for t in self.tokens]
        self._ends = [t.end for t in self.tokens]
        # Word distance ignores punctuation: "talks, which collapsed" is one word apart.
        self._word_index: list[int] = []
        count = 0
        for word in self.words:
            self._word_index.append(count)
            if word[0].isalnum():
                count += 1
        self.clause = self._clauses(vocabulary)
        self.placed = [self._place(m) for m in mentions]
        self.quiet: set[int] = set()  # tokens where cues are not read (inside dates)

    def silence(self, spans: list[tuple[int, int]]) -> None:
        """Read no cue inside these character spans: "on 3 May" holds no "may"."""
        for start, end in spans:
            self.quiet.update(range(self.token_at(start), self.token_at(end - 1) + 1))

    def _clauses(self, vocabulary: Vocabulary) -> list[int]:
        clause, current = [], 0
        for i, word in enumerate(self.words):
            starts_clause = word in _PUNCT_BOUNDARIES or word in vocabulary.boundary or (
                word == "," and i + 1 < len(self.words) and self.words[i + 1].endswith("ing")
                and self.words[i + 1] not in {"including", "according"})
            if starts_clause and i > 0:
                current += 1
            clause.append(current)
        return clause

    def _place(self, mention: Mention) -> Placed:
        first = max(0, min(bisect_right(self._starts, mention.start) - 1, len(self.tokens) - 1))
        if self._ends and self._ends[first] <= mention.start:
            first = min(first + 1, len(self.tokens) - 1)
        last = max(first, bisect_left(self._ends, mention.end))
        return Placed(mention, first, min(last, len(self.tokens) - 1))

    def distance(self, left_last: int, right_first: int) -> int:
        """Words strictly between token `left_last` and token `right_first`."""
        if right_first <= left_last:
            return 0
        return max(0, self._word_index[right_first] - self._word_index[left_last] - 1)

    def token_at(self, offset: int) -> int:
        """The token containing (or first after) a character offset of the document."""
        i = bisect_right(self._ends, offset)
        return min(i, len(self.tokens) - 1) if self.tokens else 0

    def clause_of(self, token: int) -> int:
        return self.clause[token] if self.clause else 0

    def word(self, index: int) -> str:
        return self.words[index] if 0 <= index < len(self.words) else ""

    def cues(self, kinds: set[str]) -> list[tuple[Placed, CueRef]]:
        return [(p, c) for p in self.placed for c in p.mention.payloads
                if isinstance(c, CueRef) and c.kind in kinds and p.first not in self.quiet]

    def cue_reaches(self, placed: Placed, cue: CueRef, first: int, last: int,
                    same_clause: bool = True) -> bool:
        """Does `cue` at `placed` reach the tokens first..last (a trigger or an actor group)?"""
        before = placed.last < first and self.distance(placed.last, first) <= cue.window and (
            not same_clause or self.clause_of(placed.last) == self.clause_of(first))
        after = placed.first > last and self.distance(last, placed.first) <= cue.window and (
            not same_clause or self.clause_of(placed.first) == self.clause_of(last))
        if cue.scope == "before":
            return before
        if cue.scope == "after":
            return after
        return before or after
