"""Speed: the toll gate's one reading of a sentence held to plain versions.

`TollFinder.tried` tells, from one pass of the gate, which patterns a sentence holds a
needed word of and where the last such word ends; the quantity-opening patterns are then
tried only at the starts found before that end. Held here to a plain test of each pattern's
words, and the whole finder to trying every pattern everywhere (`gate=False`)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from eventcoder.lexicon import load_lexicon
from eventcoder.resolve.fatalities import TollFinder
from tests.conftest import scaled

LANGUAGE = load_lexicon().language
TOLLS = TollFinder(LANGUAGE.tolls, LANGUAGE.numbers)
NEEDED = sorted({w for needs, _, _ in TOLLS.forms for w in needs})


def plain_tried(text: str) -> tuple[tuple[int, ...], int]:
    """The reference: each pattern whose needed words one is in `text`, and the end of the
    last needed word in it (0: none)."""
    tried = tuple(i for i, (needs, _, _) in enumerate(TOLLS.forms)
                  if any(w in text for w in needs))
    ends = [text.rfind(w) + len(w) for w in NEEDED if w in text]
    return tried, max(ends, default=0)


WORDS = [*NEEDED, "the", "men", "in", "a", "12", "three", "people", "were", "and", "km", "skilled",
         "deadlines", "downtown", "of", ",", "."]


@scaled(300)
@given(st.lists(st.sampled_from(WORDS), max_size=12), st.sampled_from(["", " ", "x", "s"]))
def test_one_reading_of_the_gate_tells_the_patterns_and_the_reach(words: list[str],
                                                                   glue: str) -> None:
    text = glue.join(words)
    assert TOLLS.tried(text) == plain_tried(text), text


# Tolls told after a needed word, and quantities after the last one (which no pattern that
# opens with a quantity can use): the reach must not cut a toll off.
PIECES = ["militants killed", "3 soldiers", "and", "12 policemen were killed", "five people",
          "died", "at least 20 people", "about", "some", "two", "dead", "later", ",", "more than",
          "40 bodies", "were found", "with 9 others", "between 4 and 6 villagers", "killed",
          "in the attack", "dozens of", "fighters", "deaths", "were wounded", "shot dead",
          "lost their lives", "perished", "were beaten to death", "gunned down", "fatalities",
          "corpses", "a man", "was"]


@scaled(300)
@given(st.lists(st.sampled_from(PIECES), max_size=10))
def test_tolls_after_a_needed_word_are_all_found(pieces: list[str]) -> None:
    text = " ".join(pieces)
    assert TOLLS.find(text) == TOLLS.find(text, gate=False), text


def test_the_reach_is_read_past_the_first_needed_word() -> None:
    # (else the property above may compare nothing but the first toll)
    text = "militants killed 3 soldiers, and later 12 policemen were killed"
    assert [t.count for t in TOLLS.find(text)] == [3, 12]
    assert TOLLS.tried(text)[1] == len(text)
    assert TOLLS.tried("troops shelled the market") == ((), 0)

