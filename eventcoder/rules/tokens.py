"""The tokens of one sentence: words, their offsets in the document, punctuation, and the
counts the rules make over them (words between two tokens, the token at an offset)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from ..text import TOKEN_RE


def split_tokens(folded: str, start: int, end: int) -> tuple[list[str], list[int], list[int]]:
    """The words of folded[start:end] as TOKEN_RE finds them, their end offsets, and the
    indexes of the tokens that are no word (punctuation: their first character is not
    alphanumeric), in order. `split_tokens_plain` is the reference; this one is twice its
    speed, worth about 2 % of coding a corpus.

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
        return split_tokens_plain(folded, start, end)
    words: list[str] = []
    ends: list[int] = []
    marks: list[int] = []
    offset = start - 1  # as if a space stood before the first piece
    for piece in pieces:
        if piece.isalnum():
            words.append(piece)
            offset += len(piece) + 1
            ends.append(offset)
        elif (word := piece[:-1]).isalnum() and piece[-1] != "_":  # the mark: no word char
            words.append(word)
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


def split_tokens_plain(folded: str, start: int, end: int
                       ) -> tuple[list[str], list[int], list[int]]:
    """`split_tokens` as TOKEN_RE gives it: the reference the shortcut is tested against."""
    matches = list(TOKEN_RE.finditer(folded, start, end))
    words = [m.group() for m in matches]
    return words, [m.end() for m in matches], \
        [i for i, word in enumerate(words) if not word[0].isalnum()]


class Tokens:
    """The tokens of folded[start:end], as parallel lists: a Token object per token cost
    more than the rest of a sentence's view.

    `words` are the tokens' texts, `ends` their end offsets in the document (a token starts
    its length before its end), `marks` the indexes of the punctuation tokens, ascending.
    Distances are counted in words, so "talks, which collapsed" has one word between "talks"
    and "collapsed"; they are read from `marks` rather than from an index of every token."""

    __slots__ = ("folded", "start", "end", "words", "ends", "marks", "_starts")

    def __init__(self, folded: str, start: int, end: int) -> None:
        self.folded = folded
        self.start = start
        self.end = end
        self.words, self.ends, self.marks = split_tokens(folded, start, end)
        self._starts: list[int] | None = None

    def __len__(self) -> int:
        return len(self.words)

    @property
    def starts(self) -> list[int]:
        """The tokens' start offsets in the document (made on first use)."""
        if self._starts is None:
            self._starts = [end - len(word) for end, word in zip(self.ends, self.words)]
        return self._starts

    def word(self, index: int) -> str:
        """The word of a token, "" for an index outside the sentence."""
        return self.words[index] if 0 <= index < len(self.words) else ""

    def start_of(self, token: int) -> int:
        """The offset in the document where a token starts."""
        return self.ends[token] - len(self.words[token])

    def text_between(self, left: int, right: int) -> str:
        """The folded text between the end of token `left` and the start of token `right`."""
        return self.folded[self.ends[left]:self.start_of(right)]

    def token_at(self, offset: int) -> int:
        """The token containing (or first after) a character offset of the document; the
        last token for an offset past it, 0 if there is none."""
        i = bisect_right(self.ends, offset)
        return i if i < len(self.ends) else max(i - 1, 0)

    def distance(self, left_last: int, right_first: int) -> int:
        """Words strictly between token `left_last` and token `right_first`: the tokens
        between them but the punctuation (0 if they touch or overlap)."""
        return self.words_between(left_last, right_first, self.marks)

    def within(self, left_last: int, right_first: int, words: int) -> bool:
        """Are at most `words` words between the two tokens?"""
        return self.distance(left_last, right_first) <= words

    def words_between(self, left_last: int, right_first: int, uncounted: Sequence[int]) -> int:
        """The tokens strictly between two tokens, less those in `uncounted` (ascending token
        indexes that count as no word: the marks, and more), at least 0."""
        if right_first <= left_last:
            return 0
        gap = right_first - left_last - 1 - bisect_left(uncounted, right_first) + \
            bisect_left(uncounted, left_last)
        return gap if gap > 0 else 0

    def span_distance(self, first: int, last: int, other_first: int, other_last: int) -> int:
        """Words between two token spans, whichever comes first (0 if they overlap)."""
        if last < other_first:
            return self.distance(last, other_first)
        return self.distance(other_last, first)
