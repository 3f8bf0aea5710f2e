"""Clause numbers: which clause of its sentence each token is in."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise


def clause_numbers(words: Sequence[str], openers: frozenset[str],
                   not_clause: frozenset[str]) -> list[int]:
    """The clause number of each token, from 0. A clause opens at an opener (a clause
    punctuation mark or a boundary word, such as ";" or "while"), or at a comma before a word
    in "-ing" ("..., killing three") unless the word opens no clause ("including"); never at
    the sentence's first token.

    `clause_numbers_plain` is the reference. This one finds the cuts by searching the words
    (in C) rather than testing each word in Python, as most sentences hold few of them; it
    saves about 1.5 % of the Python work of coding a corpus."""
    cuts: set[int] = set()
    if not openers.isdisjoint(words):
        cuts.update(i for i, word in enumerate(words) if word in openers)
    i = -1
    for _ in range(words.count(",")):
        i = words.index(",", i + 1)
        if i + 1 < len(words) and _opens(words[i + 1], not_clause):
            cuts.add(i)
    cuts.discard(0)
    if not cuts:
        return [0] * len(words)
    numbers: list[int] = []
    for number, (first, end) in enumerate(pairwise([0, *sorted(cuts), len(words)])):
        numbers += [number] * (end - first)
    return numbers


def clause_numbers_plain(words: Sequence[str], openers: frozenset[str],
                         not_clause: frozenset[str]) -> list[int]:
    """`clause_numbers` word by word: the reference it is tested against."""
    numbers: list[int] = []
    clause = 0
    for i, word in enumerate(words):
        if i and (word in openers or (word == "," and i + 1 < len(words)
                                      and _opens(words[i + 1], not_clause))):
            clause += 1
        numbers.append(clause)
    return numbers


def _opens(word: str, not_clause: frozenset[str]) -> bool:
    return word.endswith("ing") and word not in not_clause
