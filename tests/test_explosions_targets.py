"""Whom a blast hit (issue 13): `civilian_targeting` of grenades, suicide bombs, IEDs and
shelling, and labour strikes that are no strikes from the air.

- A blast whose sentence names no side hit takes the civilians as actor2 (and targets
  civilians) when the sentence tells civilians' people or places (a mosque, a market, a bus,
  worshippers) and no armed forces (a patrol, a checkpoint, policemen): rules/targets.py,
  types/explosions_targets.yaml; someone must be hurt ("no one was hurt": no one named is
  its target). ACLED scores an older note's grenade or suicide bomb by it.
- The police who report a blast ("police sources said", "according to police") are no
  armed target of it.
- A suicide attack is told by its attackers or its explosion too ("suicide attackers",
  "twin suicide blasts"): the suicide bomb (types/explosions.yaml).
- Rockets told by where they fell or what they hit ("two rockets landed near the court"),
  bombings told as attacks ("bombing attacks"): explosions.
- "Teachers continue their strike", "nurses began a strike against the state government":
  labour strikes (types/explosions_cues.yaml).

Sentences written here.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .conftest import shared_coder

PUBLISHED = "2026-03-06"
ERV = "Explosions/Remote violence"
EXPLOSIVE = {"grenade", "suicide_bombing", "remote_explosive", "shelling", "airstrike"}

# (sentence, the explosive event's type, its civilian_targeting)
CASES: list[tuple[str, str, bool]] = [
    # --- civilians' places and people: the civilians are the target ------------------
    ("A suicide bomber blew himself up inside a crowded mosque in Kohat on Friday, killing "
     "six.",
     "suicide_bombing", True),
    ("Gunmen on a motorbike lobbed a grenade into a tea shop in Chaman on Tuesday, "
     "wounding two.",
     "grenade", True),
    ("Eight people were hurt when two grenades were thrown at a wedding party in Mardan.",
     "grenade", True),
    ("A roadside bomb tore through a passenger bus near Parachinar on Monday.",
     "remote_explosive", True),
    ("Mortar shells landed among worshippers leaving a church in Bentiu on Sunday.",
     "shelling", True),
    ("A suicide bomber struck a funeral procession in Dera Bugti on Thursday, killing 11.",
     "suicide_bombing", True),
    # the police who tell of it are no target
    ("Police sources said unknown men hurled a grenade at a sweet shop in Turbat, injuring "
     "a boy.",
     "grenade", True),
    ("According to police, a grenade thrown into a cloth market in Sibi wounded five.",
     "grenade", True),
    # --- armed forces named: not on civilians --------------------------------------
    ("Militants hurled a grenade at a police patrol near the market in Sopore on Monday.",
     "grenade", False),
    ("A suicide bomber rammed his car into an army convoy near a school in Bannu on "
     "Sunday.", "suicide_bombing", False),
    ("A grenade exploded at a checkpoint outside the bus stand in Pulwama on Friday.",
     "grenade", False),
    ("Insurgents fired mortar shells at a military camp near Beledweyne on Tuesday.",
     "shelling", False),
    # suicide attacks told by the explosion or the attackers
    ("Three people died in a suicide explosion at a bus stop in Gwadar on Monday.",
     "suicide_bombing", True),
    ("Two suicide attackers stormed a shrine in Sehwan on Friday, killing nine pilgrims.",
     "suicide_bombing", True),
    ("Twin suicide blasts struck an army checkpoint near Dikwa on Sunday, killing four.",
     "suicide_bombing", False),
    # an armed group named beside the place is the target; a place's name is no place hit
    ("A bomb went off near a market where Taliban fighters had gathered in Kunduz on "
     "Monday.", "remote_explosive", False),
    ("Airstrikes killed three near Preah Vihear temple on Tuesday.", "airstrike", False),
    # no one hurt: no one named is its target
    ("A bomb went off outside a mosque in Kohat on Friday, but no one was hurt.",
     "remote_explosive", False),
    ("A grenade was lobbed into a shop in Chaman on Tuesday without injuring anyone.",
     "grenade", False),
    # --- neither: nothing tells the target --------------------------------------------
    ("A grenade went off in Tral on Wednesday evening.", "grenade", False),
    ("A suicide bomber blew himself up on the outskirts of Maiduguri on Monday.",
     "suicide_bombing", False),
]


def _explosion(sentence: str) -> dict[str, object]:
    events = shared_coder().code_texts([sentence], published=PUBLISHED)
    rows = [r for r in events.to_dict("records") if r["event_type"] in EXPLOSIVE]
    assert len(rows) == 1, events[["trigger", "event_type", "actor2"]].to_dict("records")
    return rows[0]


@pytest.mark.parametrize("sentence,event_type,targeted", CASES,
                         ids=[c[0][:50] for c in CASES])
def test_whom_a_blast_hit(sentence: str, event_type: str, targeted: bool) -> None:
    row = _explosion(sentence)
    assert row["event_type"] == event_type, row
    assert row["civilian_targeting"] is targeted, row
    if targeted:  # ACLED's actor2 of such an event is the civilians
        assert str(row["actor2"]).startswith("Civilians ("), row


CIVILIAN_PLACES = ["a mosque", "a crowded market", "a wedding hall", "a bus", "a shrine",
                   "a hotel", "a school"]
ARMED_PLACES = ["a police checkpoint", "an army convoy", "a security forces camp",
                "a paramilitary patrol"]
TOWNS = ["Quetta", "Bannu", "Sopore", "Kismayo"]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(CIVILIAN_PLACES), st.sampled_from(ARMED_PLACES),
       st.sampled_from(TOWNS), st.booleans())
def test_an_armed_target_outweighs_a_civilian_place(civilian: str, armed: str, town: str,
                                                   named: bool) -> None:
    """A grenade at a civilians' place targets civilians, unless armed forces are named
    in the sentence, before or after the place."""
    alone = _explosion(f"Militants hurled a grenade at {civilian} in {town} on Monday, "
                       "wounding three people.")
    assert alone["civilian_targeting"] is True, alone
    text = f"Militants hurled a grenade at {armed} near {civilian} in {town}, wounding three." \
        if named else f"Militants hurled a grenade near {civilian} at {armed} in {town}, " \
        "wounding three."
    both = _explosion(text)
    assert both["civilian_targeting"] is False, both


LABOUR = [
    "Junior doctors continue their strike in Lahore, Punjab.",
    "Government clerks in Ranchi, Jharkhand extended their strike on Monday.",
    "Over two thousand teachers started a strike against the government on Tuesday.",
    "Contract nurses staged a token strike in Patna, Bihar on Friday.",
]
FROM_THE_AIR = [
    # hard negatives: a strike by aircraft, begun or carried out
    "Pakistani jets launched a strike on militant hideouts in Tirah on Monday, killing 12 "
    "militants.",
    "Kenyan warplanes carried out an air strike on al Shabaab positions in Gedo on Sunday.",
]


@pytest.mark.parametrize("sentence", LABOUR)
def test_a_labour_strike_is_no_air_strike(sentence: str) -> None:
    events = shared_coder().code_texts([sentence], published=PUBLISHED)
    assert ERV not in set(events["acled_event_type"].dropna()), events


@pytest.mark.parametrize("sentence", FROM_THE_AIR)
def test_a_strike_from_the_air_stays(sentence: str) -> None:
    events = shared_coder().code_texts([sentence], published=PUBLISHED)
    assert ERV in set(events["acled_event_type"].dropna()), events


# Rockets told by where they fell or what they hit, bombings told as attacks
# (types/explosions.yaml); hard negatives: denied, held, or merely planned.
TRIGGERS: list[tuple[str, bool]] = [
    ("Two rockets landed near the district court in Kalat on Sunday.", True),
    ("A rocket hit a passenger van near Turbat on Tuesday, wounding four people.", True),
    ("Several rockets were fired at the airport in Tripoli on Monday night.", True),
    ("Rebels carried out bombing attacks on three power stations in Narathiwat on "
     "Friday.", True),
    ("The group denied carrying out any bombing attacks in Yala.", False),
    ("Police seized a rocket launcher from a house in Kalat on Monday.", False),
]


@pytest.mark.parametrize("sentence,blast", TRIGGERS, ids=[t[0][:50] for t in TRIGGERS])
def test_rockets_and_bombing_attacks(sentence: str, blast: bool) -> None:
    events = shared_coder().code_texts([sentence], published=PUBLISHED)
    assert (ERV in set(events["acled_event_type"].dropna())) is blast, events
