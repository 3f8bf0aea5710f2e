"""A crowd's bomb that killed someone (rules/crowd_bombs.py): "picketers hurled a petrol bomb
at a bus" is a riot, and stays one when people were only injured, but a death told in the
article makes it an attack on civilians; an arson, a denied death and a bomb that hurt no
one stay riots. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder.rules.crowd_bombs import DENIAL_REACH, death_told
from tests.conftest import scaled

PUBLISHED = "2015-02-10"
VAC = "Violence against civilians"

# article, (ACLED event type, actor1) of the one event coded
TABLE: list[tuple[str, tuple[str, str]]] = [
    ("Picketers hurled a petrol bomb at a crowded bus in Bogra on Tuesday night, and its "
     "driver died in hospital the next morning.",
     (VAC, "Unidentified Armed Group (Bangladesh)")),
    # the death told in a sentence of its own
    ("Blockade supporters threw a petrol bomb at a pickup van in Narayanganj on Sunday. The van's "
     "helper succumbed to his burns on Monday.",
     (VAC, "Unidentified Armed Group (Bangladesh)")),
    ("A bus helper who was burnt when picketers threw a petrol bomb at his bus in Rangpur on "
     "Wednesday died in hospital on Friday.",
     (VAC, "Unidentified Armed Group (Bangladesh)")),
    # the crowd's party is the doer, as its militia
    ("Jamaat activists hurled crude bombs at a truck in Sirajganj on Friday, and the truck's "
     "helper was burnt to death.", (VAC, "JeI: Jamaat-e-Islami Militia")),
    ("TMC supporters hurled bombs at the house of a Congress worker in Murshidabad on "
     "Saturday, and the worker died on the spot.",
     (VAC, "TMC: Trinamool Congress Party Militia")),
    # hard negatives: injuries only, a death denied, an arson, no one hurt
    ("Picketers hurled a petrol bomb at a crowded bus in Bogra on Tuesday, injuring three "
     "passengers.", ("Riots", "Rioters (Bangladesh)")),
    ("Picketers threw a petrol bomb at an empty bus in Comilla on Monday; no one died.",
     ("Riots", "Rioters (Bangladesh)")),
    ("Picketers torched a bus in Bogra on Tuesday and its helper later died of burns.",
     ("Riots", "Rioters (Bangladesh)")),
    ("Police said a petrol bomb thrown by blockaders damaged a truck in Jessore on Monday, "
     "though the driver escaped.", ("Riots", "Rioters (Bangladesh)")),
]


@pytest.mark.parametrize("article, expected", TABLE, ids=[t[0][:45] for t in TABLE])
def test_a_crowds_bomb_that_killed_is_an_attack_on_civilians(
        coder, article: str, expected: tuple[str, str]) -> None:
    events = coder.code_texts([article], published=PUBLISHED)
    assert list(zip(events["acled_event_type"], events["actor1"], strict=True)) == \
        [expected], events[["event_type", "rule"]].to_dict("records")


DEATH = frozenset({"died", "killed"})
DENIALS = frozenset({"no", "nobody"})
FILLER = st.lists(st.sampled_from(["the", "bus", "driver", "was", "in", "hospital"]),
                  max_size=6)


@scaled(40)
@given(before=FILLER, after=FILLER, death=st.sampled_from(sorted(DEATH)),
       gap=st.integers(0, DENIAL_REACH - 1), denied=st.booleans())
def test_a_death_word_tells_a_death_unless_a_denial_stands_just_before_it(
        before: list[str], after: list[str], death: str, gap: int, denied: bool) -> None:
    words = [*before, *(["nobody"] if denied else []), *["was"] * gap, death, *after]
    assert death_told(words, DEATH, DENIALS) is not denied


@given(words=FILLER)
def test_no_death_word_tells_no_death(words: list[str]) -> None:
    assert not death_told(words, DEATH, DENIALS)
