"""Civilians fight no battle (issue 13, round 7): villagers, locals or residents who beat,
hack or lynch people they take for robbers or militants do violence to them, which ACLED
codes as violence against civilians (a mob's or vigilantes'), never as an armed clash,
whoever the victims are said to be (resolve/event.py, `_civilian_doer`: no `retype` rule
reads the target of a doer who is civilians). And an armed group that "killed" civilians
named as such attacked them (rules/candidates.py, `_victims_named`).

Sentences written here; each expected event lists only the fields it pins down.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .conftest import scaled, shared_coder
from tests.conftest import assert_sentence

PUBLISHED = "2026-03-06"
VAC = "Violence against civilians"

CASES: list[tuple[str, list[dict[str, Any]]]] = [
    # --- civilians as the doers: no battle ---------------------------------------------------
    ("Two suspected dacoits were beaten to death by locals in Jessore on Tuesday.",
     [dict(acled_event_type=VAC)]),
    ("Three suspected kidnappers were hacked to death by villagers in Kushtia on Monday.",
     [dict(acled_event_type=VAC)]),
    ("Angry residents stabbed to death a man they took for a militant in Meerut on Friday.",
     [dict(acled_event_type=VAC)]),
    # --- hard negatives: armed doers against armed targets stay battles ---------------------
    ("Police shot dead two suspected bandits in Kushtia on Sunday.",
     [dict(acled_event_type="Battles", actor1="Police Forces of Bangladesh")]),
    ("Militants shot dead two constables in Jessore on Tuesday.",
     [dict(acled_event_type="Battles", actor2="Police Forces of Bangladesh")]),
    # ... and civilians killed by an armed group stay its victims
    ("Gunmen shot dead two villagers in Kushtia on Sunday.", [dict(acled_event_type=VAC)]),
    # --- civilians as the object of "killed": the attack on them, not a fight ---------------
    ("Militants killed two Hazara shopkeepers in Quetta on Sunday.",
     [dict(acled_event_type=VAC, actor2="Civilians (Pakistan)")]),
    ("Gunmen killed three Sindhi labourers in Gwadar district.",
     [dict(acled_event_type=VAC)]),
    # hard negatives: armed victims, and a passive that tells a fight's toll
    ("Troops killed three militants in Kech district on Friday.",
     [dict(acled_event_type="Battles")]),
    ("A rebel and a villager were killed in a gunfight near Imphal on Tuesday.",
     [dict(acled_event_type="Battles")]),
]


@pytest.mark.parametrize("sentence,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_civilian_doers(sentence: str, expected: list[dict[str, Any]]) -> None:
    assert_sentence(sentence, expected, PUBLISHED)


@scaled(20)
@given(victims=st.sampled_from(["three alleged kidnappers", "a suspected militant"]),
       how=st.sampled_from(["beaten to death", "hacked to death", "stabbed to death"]),
       doers=st.sampled_from(["villagers", "locals", "residents", "police"]))
def test_no_battle_of_civilians(victims: str, how: str, doers: str) -> None:
    """Armed as the victims are said to be, their killing by civilians is no battle; the
    same killing by the police is one."""
    verb = "was" if victims.startswith("a ") else "were"
    sentence = f"{victims.capitalize()} {verb} {how} by {doers} in Jessore on Tuesday."
    rows = shared_coder().code_texts([sentence], published=PUBLISHED).to_dict("records")
    types = [r["acled_event_type"] for r in rows]
    civilians = doers in {"villagers", "locals", "residents"}
    assert ("Battles" in types) == (not civilians), (sentence, types)
