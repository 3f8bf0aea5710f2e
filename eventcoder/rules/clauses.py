"""Clause numbers: which clause of its sentence each token is in."""

from __future__ import annotations

from collections.abc import Sequence


def clause_numbers(words: Sequence[str], openers: frozenset[str],
                   not_clause: frozenset[str]) -> list[int]:
    """The clause number of each token, from 0. A clause opens at an opener (a clause
    punctuation mark or a boundary word, such as ";" or "while"), or at a comma before a word
    in "-ing" ("..., killing three") unless the word opens no clause ("including"); never at
    the sentence's first token."""
    numbers: list[int] = []
    clause = 0
    last = len(words) - 1
    for i, word in enumerate(words):
        if i and (word in openers or (word == "," and i < last and _opens(words[i + 1],
                                                                           not_clause))):
            clause += 1
        numbers.append(clause)
    return numbers


def _opens(word: str, not_clause: frozenset[str]) -> bool:
    return word.endswith("ing") and word not in not_clause
