"""A sentence as the rules see it: tokens, clauses, and mentions placed on tokens."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..lexicon import Lexicon
from ..match import ActorRef, CueRef, Mention, PlaceRef
from ..text import Folder, Token, tokenize

_PUNCT_BOUNDARIES = frozenset({";", ":", "\u2014", "(", ")", "[", "]"})


@dataclass(frozen=True)
class Vocabulary:
    """Single-word cue sets the rules read from tokens rather than from the matcher."""

    anaphora: frozenset[str]
    boundary: frozenset[str]
    venue: frozenset[str]
    speech: frozenset[str]
    # Cue phrases that start with "not", as (the words after "not", their cues), longest
    # first: a negative contraction starts them too ("isn't true that").
    after_not: tuple[tuple[tuple[str, ...], tuple[CueRef, ...]], ...] = ()

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> "Vocabulary":
        sets: dict[str, set[str]] = {"anaphora": set(), "boundary": set(), "venue": set(),
                                     "speech": set()}
        after_not: dict[tuple[str, ...], list[CueRef]] = {}
        folder = Folder()
        for cue in lexicon.cues:
            if cue.kind in sets:
                sets[cue.kind].update(p.lower() for p in cue.phrases)
                continue
            ref = CueRef(cue.kind, cue.value, cue.scope, cue.window, tuple(cue.except_types))
            for phrase in cue.phrases:
                words = tuple(t.text for t in tokenize(folder.fold(phrase)))
                if words[:1] == ("not",) and ref not in after_not.setdefault(words[1:], []):
                    after_not[words[1:]].append(ref)
        return cls(frozenset(sets["anaphora"]), frozenset(sets["boundary"]),
                   frozenset(sets["venue"]), frozenset(sets["speech"]),
                   tuple(sorted(((k, tuple(v)) for k, v in after_not.items()),
                                key=lambda kv: -len(kv[0]))))


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
        self.placed = self._contractions([self._place(m) for m in mentions], vocabulary)
        self.quiet: set[int] = set()  # tokens where cues are not read (inside dates)
        names = [p for p in self.placed if p.mention.of(ActorRef) or p.mention.of(PlaceRef)]
        self.names = {t for p in names for t in range(p.first, p.last + 1)}  # name tokens
        # Cue windows count a name of several words as one word: "talks between United
        # Arab Emirates and Afghanistan will resume" is as near to "will" as with "Qatar".
        inner = {t for p in names for t in range(p.first + 1, p.last + 1)}
        self._unit_index: list[int] = []
        count = 0
        for i, word in enumerate(self.words):
            self._unit_index.append(count)
            if word[0].isalnum() and i not in inner:
                count += 1

    def _contractions(self, placed: list[Placed], vocabulary: Vocabulary) -> list[Placed]:
        """A negative contraction reads as "not" in cue phrases: "isn't true that" as "is not
        true that", "couldn't" as "could not". The matcher sees the folded text, where the
        contraction is one word, so it finds only the phrases written with it."""
        if not vocabulary.after_not or not any(w.endswith("n't") for w in self.words):
            return placed
        for i, word in enumerate(self.words):
            if not word.endswith("n't"):
                continue
            for rest, refs in vocabulary.after_not:
                last = i + len(rest)
                inside = [p for p in placed if p.first <= last and p.last >= i]
                if tuple(self.words[i + 1:last + 1]) != rest or any(
                        p.first < i or p.last > last or
                        not all(isinstance(x, CueRef) for x in p.mention.payloads)
                        for p in inside):
                    continue  # the words differ, or hold a name, a trigger or a longer cue
                payloads = tuple(dict.fromkeys(
                    [*refs, *(c for p in inside if (p.first, p.last) == (i, last)
                              for c in p.mention.payloads)]))
                mention = Mention.grouped(self.tokens[i].start, self.tokens[last].end, payloads)
                placed = sorted([p for p in placed if p not in inside] +
                                [Placed(mention, i, last)], key=lambda p: (p.first, p.last))
                break
        return placed

    def silence(self, spans: list[tuple[int, int]]) -> None:
        """Read no cue inside these character spans: "on 3 May" holds no "may"."""
        for start, end in spans:
            self.quiet.update(range(self.token_at(start), self.token_at(end - 1) + 1))

    def in_date(self, first: int, last: int) -> bool:
        """Are tokens first..last all inside a date? GeoNames has towns named like dates
        ("28 May", "October 6", "Nov"); written as a date, such a name is no place."""
        return all(i in self.quiet for i in range(first, last + 1))

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

    def units(self, left_last: int, right_first: int) -> int:
        """Words strictly between two tokens, a name of several words counting as one."""
        if right_first <= left_last:
            return 0
        return max(0, self._unit_index[right_first] - self._unit_index[left_last] - 1)

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
                    same_clause: bool = True, names_as_one: bool = True) -> bool:
        """Does `cue` at `placed` reach the tokens first..last (a trigger or an actor group)?
        `names_as_one`: a name of several words between them counts as one word."""
        gap = self.units if names_as_one else self.distance
        before = placed.last < first and gap(placed.last, first) <= cue.window and (
            not same_clause or self.clause_of(placed.last) == self.clause_of(first))
        after = placed.first > last and gap(last, placed.first) <= cue.window and (
            not same_clause or self.clause_of(placed.first) == self.clause_of(last))
        if cue.scope == "before":
            return before
        if cue.scope == "after":
            return after
        return before or after
