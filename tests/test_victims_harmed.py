"""People hurt are no side of a fight (issue 13, violence against civilians).

A fight told only by weak words of violence or by its harm ("were shot dead", "wounded in
firing by troops") whose one side is people a death toll names as victims (the generic
actors with `victims`: farmers, traders, villagers) is an attack on them, the type's
`passive_type` (rules/steps.py `_harmed`): civilians killed fought no one, so it is
neither a riot (a crowd's fight with the police) nor a battle. A sentence that tells a fight
("clashed", "a clash with the police") keeps the crowd's riot; an armed group against the
forces keeps the battle.

Sentences written here; each lists the ACLED event types it must have and must not have.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from .conftest import scaled, shared_coder

PUBLISHED = "2026-04-14"
VAC, RIOTS, BATTLES = "Violence against civilians", "Riots", "Battles"


def _types(sentence: str) -> set[str]:
    frame: pd.DataFrame = shared_coder().code_texts([sentence], published=PUBLISHED)
    return set(frame["acled_event_type"])


# (sentence, the ACLED event types it must have, those it must not have)
CASES: list[tuple[str, set[str], set[str]]] = [
    ("Four herders were rounded up by soldiers and killed near the river crossing.",
     {VAC}, {RIOTS, BATTLES}),
    ("A vegetable vendor was wounded in firing by Indian troops along the frontier.",
     {VAC}, {RIOTS, BATTLES}),
    ("Two fishermen were injured in firing by the police near the jetty.",
     {VAC}, {RIOTS, BATTLES}),
    ("A schoolteacher was shot dead by the paramilitary near his house.",
     {VAC}, {RIOTS, BATTLES}),
    # one person, written with a word a crowd's name could hold ("woman"), is no crowd
    ("An old woman was wounded in firing by soldiers near the checkpoint.",
     {VAC}, {RIOTS, BATTLES}),
    # hard negatives: a fight told, or two armed sides
    ("Hundreds of shopkeepers clashed with the police over the eviction drive.",
     {RIOTS}, {VAC, BATTLES}),
    ("Two traders were hurt in a clash between vendors and municipal police.",
     {RIOTS}, {BATTLES}),
    ("Three rebels were killed in firing by troops in the forest.",
     {BATTLES}, {RIOTS}),
    ("Soldiers and insurgents exchanged fire for two hours near the pass.",
     {BATTLES}, {RIOTS, VAC}),
]


@pytest.mark.parametrize(("sentence", "has", "lacks"), CASES)
def test_harmed_or_fought(sentence: str, has: set[str], lacks: set[str]) -> None:
    types = _types(sentence)
    assert has <= types, (sentence, types)
    assert not lacks & types, (sentence, types)


VICTIMS = ["Two farmers", "A rickshaw puller", "Three labourers", "An elderly woman",
           "Four villagers"]
FORCES = ["troops", "the army", "border guards", "soldiers"]
HARM = ["were killed in firing by", "was wounded in firing by", "was shot dead by",
        "were injured in firing by"]


@scaled(20)
@given(victim=st.sampled_from(VICTIMS), harm=st.sampled_from(HARM),
       force=st.sampled_from(FORCES))
def test_people_hurt_by_forces_are_attacked(victim: str, harm: str, force: str) -> None:
    verb = harm.replace("were ", "was ") if not victim.endswith("s") or \
        victim.startswith("A") else harm
    types = _types(f"{victim} {verb} {force} near the village on Monday.")
    assert VAC in types and RIOTS not in types, (victim, verb, force, types)


@scaled(20)
@given(crowd=st.sampled_from(["Villagers", "Shopkeepers", "Farmers", "Vendors"]),
       verb=st.sampled_from(["clashed with", "fought with", "scuffled with"]))
def test_people_who_fight_riot(crowd: str, verb: str) -> None:
    types = _types(f"{crowd} {verb} the police near the market on Monday.")
    assert RIOTS in types and VAC not in types, (crowd, verb, types)
