"""A sentence as the rules see it: its tokens, their clauses, and the lexicon's mentions
placed on the tokens and sorted by what they hold.

The pieces live apart: `tokens.Tokens` (words, offsets, word counts), `clauses.clause_numbers`,
and in `cues` how far a cue reaches and the negative contractions read as "not".
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection

from ..model.mentions import ActorRef, CueRef, Mention, Placed, PlaceRef, TriggerRef
from . import cues
from .clauses import clause_numbers
from .tokens import Tokens
from .vocabulary import Vocabulary


class SentenceView:
    """The tokens (`tokens`, and their `words`), clause numbers (`clause`, one per token) and
    placed mentions of one sentence.

    Placing the mentions also sorts them by what they hold (`triggers`, `named`, `cued`),
    read from each mention's groups once, so the rules need not ask every mention for every
    kind. `quiet`: tokens where cues are not read (inside dates, see `silence`)."""

    def __init__(self, folded: str, start: int, end: int, mentions: list[Mention],
                 vocabulary: Vocabulary) -> None:
        self.folded = folded
        self.start = start
        self.end = end
        self.tokens = Tokens(folded, start, end)
        self.words = self.tokens.words
        self.clause = clause_numbers(self.words, vocabulary.clause_openers,
                                     vocabulary.not_clause_ing_words)
        self.triggers: list[Placed] = []  # mentions with a trigger, in text order
        # Mentions with a place or an actor, with those payloads, in text order.
        self.named: list[tuple[Placed, tuple[PlaceRef, ...], tuple[ActorRef, ...]]] = []
        self.cued: list[tuple[Placed, tuple[CueRef, ...]]] = []  # mentions with cues, and those
        placed = self._place(mentions)
        if vocabulary.after_not and folded.find("n't", start, end) >= 0:
            contracted = cues.read_contractions(self.tokens, placed, vocabulary.after_not)
            if contracted is not placed:
                # Placed again from their mentions, to sort them by kind: a mention placed
                # once spans whole tokens first..last, so it is placed on them again.
                self.triggers, self.named, self.cued = [], [], []
                placed = self._place([p.mention for p in contracted])
        self.placed = placed
        self.quiet: set[int] = set()
        self._names: set[int] | None = None
        self._uncounted: list[int] | None = None

    def _place(self, mentions: list[Mention]) -> list[Placed]:
        """Each mention on its tokens, and sorted into `triggers`, `named` and `cued`.
        A mention's first token is the one that contains its start or, if none does, the
        next (as `Tokens.token_at`); its last, the first token that ends at or after its end."""
        ends, last_token = self.tokens.ends, len(self.tokens.ends) - 1
        triggers, named, cued = self.triggers, self.named, self.cued
        placed: list[Placed] = []
        for mention in mentions:
            # Compared rather than clamped with min() and max(): this loop runs for every
            # mention of every sentence read.
            first = bisect_right(ends, mention.start)
            if first > last_token:
                first = last_token if last_token >= 0 else 0
            last = bisect_left(ends, mention.end, first)  # searched from `first`: no less
            if last > last_token:
                last = last_token
            one = Placed(mention, first, last)
            placed.append(one)
            groups = mention.groups  # holds only the kinds the mention has payloads of
            if TriggerRef in groups:
                triggers.append(one)
            if CueRef in groups:
                cued.append((one, groups[CueRef]))
            if ActorRef in groups or PlaceRef in groups:
                named.append((one, groups.get(PlaceRef, ()), groups.get(ActorRef, ())))
        return placed

    @property
    def names(self) -> set[int]:
        """Tokens of actor and place names."""
        if self._names is None:
            self._names = {t for p, _, _ in self.named for t in range(p.first, p.last + 1)}
        return self._names

    def units(self, left_last: int, right_first: int) -> int:
        """Words strictly between two tokens, a name of several words counting as one:
        as `Tokens.distance`, with a name's words after its first not counted either. Cue
        windows count so: "talks between United Arab Emirates and Afghanistan will resume"
        is as near to "will" as with "Qatar"."""
        if self._uncounted is None:
            inner = {t for p, _, _ in self.named for t in range(p.first + 1, p.last + 1)}
            self._uncounted = sorted(inner.union(self.tokens.marks)) if inner \
                else self.tokens.marks
        return self.tokens.words_between(left_last, right_first, self._uncounted)

    def silence(self, spans: list[tuple[int, int]]) -> None:
        """Read no cue inside these character spans: "on 3 May" holds no "may"."""
        token_at = self.tokens.token_at
        for start, end in spans:
            self.quiet.update(range(token_at(start), token_at(end - 1) + 1))

    def in_date(self, first: int, last: int) -> bool:
        """Are tokens first..last all inside a date? GeoNames has towns named like dates
        ("28 May", "October 6", "Nov"); written as a date, such a name is no place."""
        return self.quiet.issuperset(range(first, last + 1))

    def cues(self, kinds: Collection[str]) -> list[tuple[Placed, CueRef]]:
        """The readable cues (not `quiet`) of these kinds, in text order."""
        return [(p, c) for p, refs in self.cued if p.first not in self.quiet
                for c in refs if c.kind in kinds]

    def clause_of(self, token: int) -> int:
        """The clause number of a token (0 in a sentence without tokens)."""
        return self.clause[token] if self.clause else 0


__all__ = ["SentenceView"]
