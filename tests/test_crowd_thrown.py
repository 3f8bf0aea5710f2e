"""A bomb thrown by hand, no one hurt, by a doer who is no armed group named (rules/
crowd_property.py, `thrown_harmless`): "assailants hurled two crude bombs at the court" is a
riot to ACLED, not a remote explosion; with people hurt it is an attack on civilians, and
militants' bombs or a bomb that went off stay explosions. Every sentence here is written for
these tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import scaled

PUBLISHED = "2015-06-10"
ERV = "Explosions/Remote violence"
VAC = "Violence against civilians"

# sentence, the ACLED event types coded
TABLE: list[tuple[str, list[str]]] = [
    ("Unknown assailants hurled a pair of crude bombs outside the district court in Sylhet "
     "on Monday.",
     ["Riots"]),
    ("Miscreants threw a hand bomb at the gate of the land office in Pabna on Tuesday.",
     ["Riots"]),
    ("Assailants hurled a crude bomb at the office of a local councillor in Kathmandu on "
     "Friday.", ["Riots"]),
    # hard negatives: people hurt, militants, a bomb that went off, a bomb defused
    ("Assailants threw three crude bombs at a crowded bus in Feni on Monday, injuring two "
     "of its riders.", [VAC]),
    ("Militants hurled two crude bombs at a checkpoint in Manipur on Monday.", [ERV]),
    ("A crude bomb exploded near the court in Sylhet on Monday.", [ERV]),
    ("Police defused two crude bombs found near the court in Sylhet on Monday.",
     ["Strategic developments"]),
]


@pytest.mark.parametrize("sentence, expected", TABLE, ids=[t[0][:45] for t in TABLE])
def test_a_thrown_bomb_that_hurts_no_one_is_a_riot(coder, sentence: str,
                                                   expected: list[str]) -> None:
    events = coder.code_texts([sentence], published=PUBLISHED)
    assert events["acled_event_type"].tolist() == expected, \
        events[["event_type", "rule"]].to_dict("records")


DOERS = ["Assailants", "Unidentified assailants", "Miscreants"]
THROWS = ["hurled two crude bombs", "threw a hand bomb", "lobbed a crude bomb"]
TARGETS = ["in front of the court", "at the land office", "near the bus stand"]
HARM = [("", False), (", injuring two passers-by", True), (", and a guard was hurt", True)]


@scaled(30)
@given(doer=st.sampled_from(DOERS), throw=st.sampled_from(THROWS),
       target=st.sampled_from(TARGETS), harm=st.sampled_from(HARM))
def test_a_thrown_bomb_is_a_riot_exactly_when_no_one_is_hurt(
        doer: str, throw: str, target: str, harm: tuple[str, bool]) -> None:
    from tests.conftest import shared_coder

    tail, hurt = harm
    events = shared_coder().code_texts([f"{doer} {throw} {target} in Sylhet{tail} on Monday."],
                                       published=PUBLISHED)
    riots = int((events["acled_event_type"] == "Riots").sum())
    assert riots == (0 if hurt else 1), events[["event_type", "rule"]].to_dict("records")
