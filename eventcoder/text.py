"""Text normalisation that keeps character offsets, and light tokenisation.

Every function here maps a text to a folded text of *exactly the same length*, so an offset
found in the folded text is an offset in the original. That is what lets one matcher pass
run over folded text while provenance points into the article as it was written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from mypy_extensions import mypyc_attr

# Characters news uses for the same thing; folded to one ASCII form each.
_EQUIVALENTS = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
    "\u02bc": "'", "\u02bb": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-", "\u00ad": "-",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u3000": " ",
    "\t": " ", "\u200b": " ", "\ufeff": " ", "\u200e": " ", "\u200f": " ",
    "\u0131": "i",  # dotless i, as in "Turkiye" typed on Turkish keyboards
}


def fold_char(char: str) -> str:
    """Fold one character to a single lower-case, accent-free character."""
    if char in _EQUIVALENTS:
        return _EQUIVALENTS[char]
    lower = char.lower()
    decomposed = unicodedata.normalize("NFKD", lower)
    for candidate in (decomposed, lower):
        if candidate and not unicodedata.combining(candidate[0]):
            return candidate[0]
    return char


# Runs of "?" in a text encoded to ASCII with "?" for each other character. Spelt with a
# literal first character, which the regex engine finds by a fast search.
_MARKED_RUNS = re.compile(rb"\?\?*")


@mypyc_attr(allow_interpreted_subclasses=True)
class FoldTable(dict[int, str]):
    """A `str.translate` table filled on demand; owned by one Coder, never shared globally."""

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        self[code] = folded
        return folded


@mypyc_attr(allow_interpreted_subclasses=True)
class Folder:
    """Folds texts for matching: lower case, accents stripped, quotes and dashes unified."""

    def __init__(self) -> None:
        self._table = FoldTable()

    def fold(self, text: str) -> str:
        if text.isascii():
            return text.lower().replace("\t", " ")
        # `translate` looks every character up in the table, ten times slower than `lower`;
        # news text is mostly ASCII, so only the runs of other characters take the table.
        # An ASCII character folds to its lower case, or a tab to a space (see fold_char);
        # a real "?" in a run folds to itself either way.
        pieces: list[str] = []
        done = 0
        for run in _MARKED_RUNS.finditer(text.encode("ascii", "replace")):
            start, end = run.span()
            pieces.append(text[done:start].lower().replace("\t", " "))
            pieces.append(text[start:end].translate(self._table))
            done = end
        pieces.append(text[done:].lower().replace("\t", " "))
        return "".join(pieces)


# What may follow an apostrophe and still be a word of its own: the possessive and the
# contractions ("Kabul's", "isn't", "they're", "we'll", "I'd", "I'm"). Any other apostrophe
# between two letters is inside one word: "O'Smach", "Sana'a", and text run together
# ("AFGHAN'STRUCK"), which holds neither "Afghan" nor "struck".
CLITIC = r"(?:s|t|re|ve|ll|d|m)\b"
_CLITIC_RE = re.compile(CLITIC)

# A token is a word (letters/digits with inner hyphens or apostrophes, and a negative
# contraction such as "didn't"), a possessive "'s", or one other symbol.
TOKEN_RE = re.compile(r"\w+(?:(?:-|'(?!" + CLITIC + r"))\w+)*(?:'t\b)?|'s\b|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str


def tokenize(folded: str, offset: int = 0) -> list[Token]:
    """Tokens of a folded text, with offsets shifted by `offset`."""
    return [Token(m.start() + offset, m.end() + offset, m.group())
            for m in TOKEN_RE.finditer(folded)]


def find_phrase(words: Sequence[str], phrase: Sequence[str]) -> int:
    """The index in `words` where the words of `phrase` first stand in a row, or -1."""
    size = len(phrase)
    for i in range(len(words) - size + 1):
        if words[i] == phrase[0] and list(words[i:i + size]) == list(phrase):
            return i
    return -1


def is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def glued(text: str, i: int) -> bool:
    """Is the apostrophe at text[i] inside a word (see CLITIC), joining the word characters
    on its two sides?"""
    return 0 < i < len(text) - 1 and text[i] == "'" and is_word_char(text[i - 1]) and \
        is_word_char(text[i + 1]) and _CLITIC_RE.match(text, i + 1) is None
