"""Violence against civilians or battles: where ACLED draws the line. Sentences
written here, several per rule, with hard negatives.

- a killing or a wounding over a quarrel about land ("over a land dispute", "over a
  land-related dispute") by no state's forces and no named group is a battle of communal
  militias named after the place, on both sides (types/civilians_land_disputes.yaml, `feuds`;
  rules/steps.py, `feuds`); the same attack with no such quarrel, by the police or by a
  named group, stays an attack on civilians, and a protest over land stays a protest;
- two groups that clash over land are the communal militia on both sides: a battle in
  Bangladesh, a riot of two crowds in India (that country's convention, types/riots.yaml);
- a fight whose two sides are an armed group and a party's members who suffer it ("gunmen
  killed a party leader", "his car came under gunfire from militants") is an attack on
  civilians (the party's members bear no arms), the
  party their associated actor (rules/steps.py, `_party_harmed`); a party's members who do
  the killing, or two groups of one party, stay a fight.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.conftest import assert_rows

PUBLISHED = "2026-03-06"
ATTACK = "civilian_attack"
CLASH = "clash"

CASES: list[tuple[str, list[dict[str, Any]]]] = [
    # --- an attack over land is a fight of communal militias --------------------------------
    ("A farmer was hacked to death by his neighbours over a land dispute in Comilla on "
     "Tuesday.",
     [dict(event_type=CLASH, actor1="Comilla Communal Militia (Bangladesh)",
           actor2="Comilla Communal Militia (Bangladesh)", fatalities=1)]),
    ("Two cousins were shot dead in Sargodha on Sunday over a land-related dispute, police "
     "said.",
     [dict(event_type=CLASH, actor1="Sargodha Communal Militia (Pakistan)")]),
    ("An elderly man was beaten to death in Patna on Friday in their dispute over a plot of "
     "land with his relatives.",
     [dict(event_type=CLASH, actor2="Patna Communal Militia (India)")]),
    # hard negatives: no quarrel over land; the police; a named group; a protest over land;
    # feared violence that did not happen
    ("A shopkeeper was hacked to death by robbers in Comilla on Tuesday.",
     [dict(event_type=ATTACK, actor2="Civilians (Bangladesh)")]),
    ("Police shot dead a farmer during a land dispute in Patna on Friday.",
     [dict(event_type=ATTACK, actor1="Police Forces of India", actor2="Civilians (India)")]),
    ("Maoists shot dead a contractor over a land dispute in Patna on Friday.",
     [dict(event_type=ATTACK, actor2="Civilians (India)")]),
    ("Hundreds of farmers protested over a land dispute in Kampong Speu on Monday.",
     [dict(event_type="protest")]),
    # --- two groups that clash over land --------------------------------------------------
    ("Twelve villagers were hurt when two groups clashed over a land dispute in Comilla on "
     "Tuesday.",
     [dict(event_type=CLASH, actor1="Comilla Communal Militia (Bangladesh)",
           actor2="Comilla Communal Militia (Bangladesh)")]),
    # hard negatives: the same clash in India is a riot; with no quarrel over land, two
    # groups in Bangladesh are crowds
    ("Twelve villagers were hurt when two groups clashed over a land dispute in Patna on "
     "Friday.",
     [dict(event_type="riot", actor1="Rioters (India)", actor2="Rioters (India)")]),
    ("Twelve villagers were hurt when two groups clashed over the control of a bus stand in "
     "Comilla on Tuesday.",
     [dict(event_type="riot", actor1="Rioters (Bangladesh)")]),
    # --- an armed group kills a party's member ----------------------------------------------
    ("Unknown gunmen killed an Awami League union leader in Feni on Tuesday.",
     [dict(event_type=ATTACK, actor1="Unidentified Armed Group (Bangladesh)",
           actor2="Civilians (Bangladesh)")]),
    ("Armed assailants chased a BJP councillor through a market in Patna and killed him on "
     "Sunday.",
     [dict(event_type=ATTACK, actor2="Civilians (India)")]),
    ("Masked gunmen killed a Jubo League leader in Khulna on Thursday.",
     [dict(event_type=ATTACK, actor2="Civilians (Bangladesh)")]),
    ("A PPP councillor was wounded when his jeep came under gunfire from unknown militants "
     "near Larkana on Monday.",
     [dict(event_type=ATTACK, actor1="Unidentified Armed Group (Pakistan)",
           actor2="Civilians (Pakistan)")]),
    # hard negatives: the party's members kill; two groups of one party; a party's crowd
    # and the police
    ("BJP workers killed a militant in Patna on Sunday.",
     [dict(event_type=CLASH)]),
    ("PPP workers exchanged fire with militants near Larkana on Monday.",
     [dict(event_type=CLASH)]),
    ("Two rival groups of the Awami League fought in Feni on Tuesday, leaving one killed.",
     [dict(event_type=CLASH)]),
    ("Eight men were hurt in Khulna on Thursday when two rival groups of the Jubo League "
     "fought a battle.",
     [dict(event_type=CLASH, actor1="Jubo League Militia")]),
    ("BNP activists clashed with the police in Feni on Tuesday.",
     [dict(event_type="riot")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_civilians_or_battles(coder, text: str, expected: list[dict[str, Any]]) -> None:
    rows = coder.code_texts([text], published=PUBLISHED).to_dict("records")
    summary = [(r["event_type"], r["actor1"], r["actor2"], r["fatalities"], r["rule"])
               for r in rows]
    assert_rows(rows, expected, summary=summary, versioned=True)


_VICTIMS = ["A farmer was", "Two brothers were", "A schoolteacher was"]
_VERBS = ["shot dead", "hacked to death", "stabbed to death"]
_CAUSES = [("over a land dispute", True), ("over a land-related dispute", True),
           ("over a dispute about a debt", False), ("by robbers", False)]


@given(st.sampled_from(_VICTIMS), st.sampled_from(_VERBS), st.sampled_from(_CAUSES))
def test_an_attack_over_land_is_a_battle_of_communal_militias(
        coder, victims: str, verb: str, cause: tuple[str, bool]) -> None:
    """The killing is a battle of the place's communal militia exactly when the sentence
    tells a quarrel over land; otherwise an attack on civilians."""
    phrase, land = cause
    text = f"{victims} {verb} {phrase} in Noakhali on Monday."
    rows = coder.code_texts([text], published=PUBLISHED).to_dict("records")
    assert len(rows) == 1, (text, rows)
    row = rows[0]
    if land:
        assert row["event_type"] == CLASH, (text, row["rule"])
        assert row["actor1"] == row["actor2"] == "Noakhali Communal Militia (Bangladesh)"
    else:
        assert row["event_type"] == ATTACK and row["actor2"] == "Civilians (Bangladesh)", \
            (text, row["rule"])
