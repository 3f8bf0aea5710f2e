"""A sentence as the rules see it: tokens, clauses, and mentions placed on tokens."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import pairwise

from ..match import ActorRef, CueRef, Mention, PlaceRef, TriggerRef
from ..text import TOKEN_RE, Token
from .vocabulary import Vocabulary

# Words in "-ing" that a comma before does not make a new clause.
_NOT_CLAUSE_VERBS = frozenset({"including", "according"})


# Not frozen, which makes `__init__` three times slower, and a sentence view makes many;
# hashed as if frozen, and read only: nothing assigns to one.
@dataclass(slots=True, unsafe_hash=True)
class Placed:
    """A mention and the tokens it covers (first..last, inclusive)."""

    mention: Mention
    first: int
    last: int


def _tokens(folded: str, start: int, end: int) -> tuple[list[str], list[int], list[int]]:
    """The words of folded[start:end] as TOKEN_RE finds them, their end offsets, and the
    indexes of the tokens that are no word (punctuation: their first character is not
    alphanumeric), in order.

    Every character but whitespace belongs to a token, so tokens never cross whitespace
    and a sentence splits into tokens piece by piece between its spaces; a piece of word
    characters only (`isalnum`, as `\\w` but for "_") is one token, with no regex pass, and
    nine in ten pieces are; most others are a word and one mark ("said.", "forces,"), which
    TOKEN_RE would split in two. Nearly every sentence is single-spaced, which gives the
    offsets; any other is read by the regex whole. (TOKEN_RE looks at no character before
    a token or past the next whitespace.)"""
    text = folded[start:end]
    pieces = text.split()
    if " ".join(pieces) != text:
        matches = list(TOKEN_RE.finditer(folded, start, end))
        words = [m.group() for m in matches]
        return words, [m.end() for m in matches], \
            [i for i, word in enumerate(words) if not word[0].isalnum()]
    words: list[str] = []
    ends: list[int] = []
    marks: list[int] = []
    offset = start - 1  # as if a space stood before the first piece
    for piece in pieces:
        if piece.isalnum():
            words.append(piece)
            offset += len(piece) + 1
            ends.append(offset)
        elif piece[:-1].isalnum() and piece[-1] != "_":  # the mark is no word character
            words.append(piece[:-1])
            marks.append(len(words))
            words.append(piece[-1])
            offset += len(piece)
            ends.append(offset)
            offset += 1
            ends.append(offset)
        else:
            offset += 1
            for word in TOKEN_RE.findall(piece):
                if not word[0].isalnum():
                    marks.append(len(words))
                words.append(word)
                offset += len(word)
                ends.append(offset)
    return words, ends, marks


class SentenceView:
    """Tokens, clause numbers and placed mentions of one sentence.

    The tokens are parallel lists: `words` and their offsets in the document; `tokens` offers
    them as `Token`s for the few readers that want objects. Placing the mentions also sorts
    them by what they hold (`triggers`, `named`, `cued`), read from each mention's groups once,
    so the rules need not ask every mention for every kind. The tokens not counted in cue
    windows, the name tokens and the token starts are built on first use, as many sentences
    need only some."""

    def __init__(self, folded: str, start: int, end: int, mentions: list[Mention],
                 vocabulary: Vocabulary) -> None:
        self.folded = folded
        self.start = start
        self.end = end
        # Parallel lists: a Token object per token cost more than the rest of the view.
        # No starts: placing needs only the ends, and a token starts its length before its end.
        # And the punctuation tokens: distances are counted in words, as "talks, which
        # collapsed" is one word apart, from these rather than from an index of every token.
        self.words, self._ends, self._marks = _tokens(folded, start, end)
        self._start_list: list[int] | None = None
        self.clause = self._clauses(vocabulary)
        self.triggers: list[Placed] = []  # mentions with a trigger, in text order
        # Mentions with a place or an actor, with those payloads, in text order.
        self.named: list[tuple[Placed, tuple[PlaceRef, ...], tuple[ActorRef, ...]]] = []
        self.cued: list[tuple[Placed, tuple[CueRef, ...]]] = []  # mentions with cues, and those
        self.placed = self._place(mentions)
        if vocabulary.after_not and folded.find("n't", start, end) >= 0:
            contracted = self._contractions(self.placed, vocabulary)
            if contracted is not self.placed:
                # Placed again from their mentions, to sort them by kind: a mention placed
                # once spans whole tokens first..last, so it is placed on them again.
                self.triggers, self.named, self.cued = [], [], []
                self.placed = self._place([p.mention for p in contracted])
        self.quiet: set[int] = set()  # tokens where cues are not read (inside dates)
        self._tokens: list[Token] | None = None
        self._unit_marks: list[int] | None = None
        self._names: set[int] | None = None

    @property
    def _starts(self) -> list[int]:
        """The tokens' start offsets in the document."""
        if self._start_list is None:
            self._start_list = [end - len(word) for end, word in zip(self._ends, self.words)]
        return self._start_list

    @property
    def tokens(self) -> list[Token]:
        """The tokens as objects, with their offsets in the document."""
        if self._tokens is None:
            self._tokens = [Token(start, end, word)
                            for start, end, word in zip(self._starts, self._ends, self.words)]
        return self._tokens

    def start_of(self, token: int) -> int:
        """The offset in the document where a token starts (no `Token` made)."""
        return self._ends[token] - len(self.words[token])

    def text_between(self, left: int, right: int) -> str:
        """The folded text between the end of token `left` and the start of token `right`."""
        return self.folded[self._ends[left]:self.start_of(right)]

    @property
    def names(self) -> set[int]:
        """Tokens of actor and place names."""
        if self._names is None:
            self._names = {t for p, _, _ in self.named for t in range(p.first, p.last + 1)}
        return self._names

    def _contractions(self, placed: list[Placed], vocabulary: Vocabulary) -> list[Placed]:
        """A negative contraction reads as "not" in cue phrases: "isn't true that" as "is not
        true that", "couldn't" as "could not". The matcher sees the folded text, where the
        contraction is one word, so it finds only the phrases written with it. Returns
        `placed` itself if no contraction makes a cue."""
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
                mention = Mention.grouped(self._starts[i], self._ends[last], payloads)
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
        return self.quiet.issuperset(range(first, last + 1))

    def _clauses(self, vocabulary: Vocabulary) -> list[int]:
        """The clause number of each token. A clause opens at an opener, or at a comma
        before a word in "-ing"; the words are searched for those (in C) rather than each
        word tested, as most sentences hold few of them."""
        words, openers = self.words, vocabulary.clause_openers
        cuts: set[int] = set()
        if not openers.isdisjoint(words):
            cuts.update(i for i, word in enumerate(words) if word in openers)
        i = -1
        for _ in range(words.count(",")):
            i = words.index(",", i + 1)
            following = words[i + 1] if i + 1 < len(words) else ""
            if following.endswith("ing") and following not in _NOT_CLAUSE_VERBS:
                cuts.add(i)
        cuts.discard(0)  # a sentence's first token opens no new clause
        if not cuts:
            return [0] * len(words)
        clause: list[int] = []
        for number, (first, end) in enumerate(pairwise([0, *sorted(cuts), len(words)])):
            clause += [number] * (end - first)
        return clause

    def _place(self, mentions: list[Mention]) -> list[Placed]:
        """Each mention on its tokens, and sorted into `triggers`, `named` and `cued`.
        A mention's first token is the one that contains its start or, if none does, the
        next (as `token_at`); its last, the first token that ends at or after its end."""
        ends, last_token = self._ends, len(self._ends) - 1
        triggers, named, cued = self.triggers, self.named, self.cued
        placed: list[Placed] = []
        for mention in mentions:
            # Compared rather than clamped with min() and max(), twice the speed.
            first = bisect_right(ends, mention.start)
            if first > last_token:
                first = last_token if last_token >= 0 else 0
            last = bisect_left(ends, mention.end)
            if last < first:
                last = first
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

    def distance(self, left_last: int, right_first: int) -> int:
        """Words strictly between token `left_last` and token `right_first`: the tokens from
        `left_last` up to `right_first` but for the punctuation among them, less one (and
        at least 0)."""
        if right_first <= left_last:
            return 0
        marks = self._marks
        gap = right_first - left_last - 1 - bisect_left(marks, right_first) + \
            bisect_left(marks, left_last)
        return gap if gap > 0 else 0

    def within(self, left_last: int, right_first: int, words: int) -> bool:
        """Is `distance(left_last, right_first) <= words` (`words` >= 0)? Answered from the
        token gap when it can be: a token is at most a word, so that few tokens between are
        that few words."""
        return right_first - left_last <= words + 1 or \
            self.distance(left_last, right_first) <= words

    def units(self, left_last: int, right_first: int) -> int:
        """Words strictly between two tokens, a name of several words counting as one:
        as `distance`, with a name's words after its first not counted either."""
        if right_first <= left_last:
            return 0
        uncounted = self._unit_marks
        if uncounted is None:
            # Cue windows count a name of several words as one word: "talks between United
            # Arab Emirates and Afghanistan will resume" is as near to "will" as with "Qatar".
            inner = [t for p, _, _ in self.named for t in range(p.first + 1, p.last + 1)]
            uncounted = self._unit_marks = sorted({*self._marks, *inner}) if inner \
                else self._marks
        gap = right_first - left_last - 1 - bisect_left(uncounted, right_first) + \
            bisect_left(uncounted, left_last)
        return gap if gap > 0 else 0

    def token_at(self, offset: int) -> int:
        """The token containing (or first after) a character offset of the document."""
        ends = self._ends
        i = bisect_right(ends, offset)
        # The last token if past it (compared rather than min(), a call); 0 if none.
        return i if i < len(ends) else (i - 1 if i else 0)

    def clause_of(self, token: int) -> int:
        return self.clause[token] if self.clause else 0

    def word(self, index: int) -> str:
        """The word of a token, "" for an index outside the sentence."""
        words = self.words
        return words[index] if 0 <= index < len(words) else ""

    def cues(self, kinds: set[str]) -> list[tuple[Placed, CueRef]]:
        return [(p, c) for p, refs in self.cued if p.first not in self.quiet
                for c in refs if c.kind in kinds]

    def cue_reaches(self, placed: Placed, cue: CueRef, first: int, last: int,
                    same_clause: bool = True, names_as_one: bool = True) -> bool:
        """Does `cue` at `placed` reach the tokens first..last (a trigger or an actor group)?
        `names_as_one`: a name of several words between them counts as one word.
        The cheap tests first: the cue is before the tokens, after them, or on them (then it
        reaches them neither way); then its scope, the clauses, and the token gap (a token is
        at most a word, so a gap of that few tokens is that few words) before the count."""
        if placed.last < first:
            if cue.scope == "after":
                return False
            left, right = placed.last, first
        elif placed.first > last:
            if cue.scope == "before":
                return False
            left, right = last, placed.first
        else:
            return False
        if same_clause and self.clause[left] != self.clause[right]:
            return False  # (a placed mention covers a token: one number per token)
        window = cue.window
        return right - left <= window + 1 or \
            (self.units if names_as_one else self.distance)(left, right) <= window
