"""A sentence's tokens and clauses: the hand tokenizer agrees with TOKEN_RE on any text, word
counts skip punctuation, and clauses open where the lexicon's language says."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder.rules.clauses import clause_numbers, clause_numbers_plain
from eventcoder.rules.tokens import Tokens, split_tokens, split_tokens_plain
from tests.conftest import scaled

# Pieces that take every path of the shortcut: words, a word and one mark, marks alone, an
# underscore (a word character that is no alphanumeric), clitics and inner apostrophes and
# hyphens, digits and other numerics, combining marks, and letters of other scripts.
_PIECES = st.sampled_from([
    "talks", "said.", "forces,", "kabul's", "isn't", "isn't.", "can't", "o'smach",
    "al-shabaab", "al-", "-al", "x_y", "_", "a_", "'", "''", "-", "--", "...", "2,000", "1.5",
    "\u00e9t\u00e9", "a\u0301", "\u00b2", "x\u00b2.", "\u4e2d\u6587",
    "\u0628\u063a\u062f\u0627\u062f",
    "n't", "'s", "it's", "rock'n'roll", "won't.", ")", "(", "\u2014", "?!", "a'", "'t",
])
_SEPARATORS = st.sampled_from([" "] * 8 + ["  ", "", "\t", "\n", "\u00a0", "\x1c"])
# Pieces joined by separators, most often one space: single-spaced text takes the shortcut.
_TEXTS = st.one_of(
    st.lists(st.tuples(_PIECES, _SEPARATORS), max_size=30).map(
        lambda parts: "".join(p + s for p, s in parts).rstrip(" ")),
    st.text(),
)


@scaled(500)
@given(text=_TEXTS, data=st.data())
def test_split_tokens_is_token_re_on_any_text_and_window(text: str, data) -> None:
    if data.draw(st.booleans()):
        start, end = 0, len(text)  # a whole sentence
    else:
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
    assert split_tokens(text, start, end) == split_tokens_plain(text, start, end)


def _tokens(sentence: str) -> Tokens:
    return Tokens(sentence, 0, len(sentence))


def test_tokens_and_their_offsets() -> None:
    t = _tokens("Talks, which collapsed in al-Shabaab's town.")
    assert t.words == ["Talks", ",", "which", "collapsed", "in", "al-Shabaab", "'s", "town",
                       "."]
    assert t.marks == [1, 6, 8]  # "'s" is no word either
    assert [t.start_of(i) for i in range(len(t))] == t.starts
    assert t.starts[3] == 13 and t.ends[3] == 22
    assert t.text_between(0, 2) == ", " and t.text_between(2, 3) == " "
    assert (t.word(-1), t.word(len(t))) == ("", "")


@pytest.mark.parametrize("left,right,words", [
    (0, 2, 0),   # "Talks , which": the comma is no word
    (0, 3, 1),   # "which"
    (0, 8, 5),
    (3, 3, 0),   # the same token
    (5, 2, 0),   # the wrong way round
    (6, 7, 0),   # "'s" and "town" touch
])
def test_distance_counts_words_not_punctuation(left: int, right: int, words: int) -> None:
    t = _tokens("Talks, which collapsed in al-Shabaab's town.")
    assert t.distance(left, right) == words
    assert t.within(left, right, words) and (words == 0 or not t.within(left, right, words - 1))


def test_words_between_skips_the_tokens_given() -> None:
    t = _tokens("talks between United Arab Emirates and Iran will resume")
    assert t.distance(0, 7) == 6
    assert t.words_between(0, 7, [3, 4]) == 4  # "Arab Emirates" not counted
    assert t.span_distance(2, 4, 7, 8) == t.distance(4, 7) == 2
    assert t.span_distance(7, 8, 2, 4) == 2 and t.span_distance(2, 4, 4, 6) == 0


@pytest.mark.parametrize("offset,token", [(0, 0), (4, 0), (5, 1), (6, 2), (7, 2), (11, 3),
                                          (12, 3), (99, 3)])
def test_token_at_is_the_token_containing_or_next(offset: int, token: int) -> None:
    t = _tokens("Kabul, then Herat")  # ends 5, 6, 11, 17; a space at 6 and 11
    assert t.token_at(offset) == token


def test_an_empty_sentence_has_no_tokens_and_token_zero() -> None:
    t = _tokens("   ")
    assert len(t) == 0 and t.token_at(2) == 0 and t.distance(0, 3) == 2


_OPENERS = frozenset({";", ":", "(", ")", "while"})
_NOT_CLAUSE = frozenset({"including", "according"})


@pytest.mark.parametrize("sentence,numbers", [
    ("Talks resumed ; fighting continued", [0, 0, 1, 1, 1]),     # the opener opens it
    ("Talks resumed , killing none", [0, 0, 1, 1, 1]),             # a comma before "-ing"
    ("Talks resumed , including Iran", [0, 0, 0, 0, 0]),          # but not "including"
    ("Talks resumed , according to Iran", [0, 0, 0, 0, 0, 0]),
    ("Talks resumed , sing", [0, 0, 1, 1]),                        # any word in "-ing"
    ("Talks resumed , king", [0, 0, 1, 1]),                        # (even a noun)
    ("Talks resumed ,", [0, 0, 0]),                                 # a comma at the end
    ("; talks resumed", [0, 0, 0]),                                 # never the first token
    ("Talks ( in Doha ) resumed while Iran fought", [0, 1, 1, 1, 2, 2, 3, 3, 3]),
    ("", []),
])
def test_clause_numbers(sentence: str, numbers: list[int]) -> None:
    assert clause_numbers(sentence.split(), _OPENERS, _NOT_CLAUSE) == numbers


_CLAUSE_WORDS = st.sampled_from([",", ";", "(", "while", "killing", "including", "ing",
                                 "talks", "sing", "according", "Iran", ":", ",,"])


@scaled(300)
@given(words=st.lists(_CLAUSE_WORDS, max_size=25))
def test_clause_numbers_are_the_word_by_word_ones(words: list[str]) -> None:
    assert clause_numbers(words, _OPENERS, _NOT_CLAUSE) == \
        clause_numbers_plain(words, _OPENERS, _NOT_CLAUSE)
