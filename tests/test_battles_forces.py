"""Battles that ACLED codes and the rules used to miss (issue 13, round 6).

- An attack on the state's forces is an armed clash: a killing of an officer known by rank
  or by the post he held (the organs' words, types/battles_forces.yaml). A grenade thrown
  at a patrol, a post or an army vehicle stays a grenade (today's taxonomy), with the
  forces as its target and civilian_targeting unset, which the ACLED scorer reads as the
  older taxonomy's battle.
- A security forces' search operation, a raid on a hideout, an "alleged encounter", a
  battle "with the police", fighting that "broke out" or "took place", and fire that
  "targeted Indian posts" name a battle on their own (types/battles_words.yaml).
- "Gunmen opened fire at a shop": the words of one side firing (the language's
  `firing_verbs`) with only that side found tell its attack, on civilians, or on the
  state's forces the sentence names, a clash (`_one_side_firing`, rules/candidates.py).
- A weak word of fighting ("battle", "fighting") needs two sides, or one that names both:
  "a battle between two rival groups" (`_names_both`).
- A suicide bomber who blows himself up in a gunfight is part of the battle (the clash
  absorbs the suicide bombing, types/battles_forces.yaml).

Sentences written here; each expected event lists only the fields it pins down.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from .conftest import scaled, shared_coder
from tests.conftest import assert_sentence

PUBLISHED = "2026-03-06"
BATTLE = dict(acled_event_type="Battles")

CASES: list[tuple[str, list[dict[str, Any]]]] = [
    # --- a grenade at the state's forces: a grenade, the forces its target ------------------
    ("Militants lobbed a grenade at a police patrol in Tral on Monday, wounding two "
     "constables.", [dict(acled_sub_event_type="Grenade", actor2="Police Forces of India",
                          civilian_targeting=False)]),
    ("Suspected rebels threw a hand grenade at an army vehicle near Sopore on Friday.",
     [dict(acled_sub_event_type="Grenade", actor2="Military Forces of India",
           civilian_targeting=False)]),
    ("Unknown attackers hurled a grenade at an army checkpoint in Bannu on Sunday; nobody was "
     "hurt.",
     [dict(acled_sub_event_type="Grenade", actor2="Military Forces of Pakistan")]),
    # hard negatives: a grenade at civilians or a shop stays an explosion; a grenade found
    ("Gunmen threw a grenade into a crowded bazaar in Quetta, wounding six shoppers.",
     [dict(acled_event_type="Explosions/Remote violence")]),
    ("Attackers hurled a grenade at a jewellery shop in Peshawar on Tuesday.",
     [dict(acled_event_type="Explosions/Remote violence")]),
    ("Police recovered two hand grenades at an army checkpoint in Bannu on Sunday.", []),
    # --- officers known by rank or post ------------------------------------------------------
    ("Unidentified gunmen shot dead a deputy superintendent of police in Mardan on Sunday.",
     [dict(acled_event_type="Battles", actor2="Police Forces of Pakistan")]),
    ("An assistant sub inspector was shot dead by unknown men in Quetta on Friday.",
     [BATTLE]),
    ("Two officers of the Sindh Constabulary were gunned down in Hyderabad on Monday.",
     [BATTLE]),
    ("Al Shabaab fighters killed a security official in Baidoa on Monday.",
     [dict(acled_event_type="Battles", actor1="Al Shabaab")]),
    ("Insurgents opened fire on a security outpost in Bacho district of Narathiwat overnight.",
     [BATTLE]),
    # a checkpost stands for the forces who man it (round 7)
    ("Twelve gunmen attacked a checkpost near Gilgit on Sunday night.", [BATTLE]),
    ("Insurgents opened fire on a check post in Panjgur on Friday.",
     [dict(acled_event_type="Battles", actor2="Police Forces of Pakistan")]),
    ("Traders blocked the road near a checkpost in Chaman on Friday.",
     [dict(acled_event_type="Protests")]),
    # hard negatives: a civilian's killing stays an attack on civilians; a post is no target
    ("Unidentified gunmen shot dead a shopkeeper in Mardan on Sunday.",
     [dict(acled_event_type="Violence against civilians")]),
    ("The deputy superintendent of police visited the checkpoint in Mardan on Sunday.", []),
    # --- words that name a battle on their own ----------------------------------------------
    ("A search operation against armed separatists near Kalat left seven militants dead on "
     "Tuesday.", [BATTLE]),
    # hard negative: separatists who call a strike are no armed side
    ("A general strike called by separatists shut the valley's markets on Saturday.",
     [dict(acled_event_type="Protests")]),
    ("Two suspected members of an outlawed group were killed in an alleged encounter in Imphal "
     "West district on Friday.", [BATTLE]),
    ("A rebel commander was killed in a battle with the police near Tamenglong on 4 May.",
     [BATTLE]),
    ("Government troops continued battling against the Kokang rebels near Laukkai.",
     [dict(acled_event_type="Battles", actor1="Military Forces of Myanmar")]),
    ("Fighting took place this week north-east of Namtu in Shan state.", [BATTLE]),
    ("Paramilitary soldiers raided a hideout near Turbat and killed four militants.",
     [BATTLE]),
    # hard negatives: denied, planned, or a raid that arrested
    ("No fighting took place near Namtu this week, the army said.", []),
    ("The army has carried out search operations in Kalat in the past.", []),
    # --- fire at the posts of the army across a border ---------------------------------------
    ("In Mendhar on Sunday, Pakistani troops targeted Indian posts on the LoC.",
     [dict(acled_event_type="Battles", actor1="Military Forces of Pakistan",
           actor2="Military Forces of India")]),
    ("Indian troops targeted Pakistani posts in the Nakyal sector on Tuesday.",
     [dict(acled_event_type="Battles", actor1="Military Forces of India")]),
    # hard negatives: strikes on hideouts stay strikes; a targeted killing of a civilian
    ("Jets targeted militant hideouts in Tirah valley on Monday, killing nine militants.",
     [dict(acled_event_type="Explosions/Remote violence")]),
    # --- one side opening fire: its attack on whoever it hit --------------------------------
    ("Gunmen opened fire at a tailor shop in Quetta on Friday, killing two men.",
     [dict(acled_event_type="Violence against civilians")]),
    ("Unknown gunmen opened fire on a tea stall in Peshawar, wounding three customers.",
     [dict(acled_event_type="Violence against civilians")]),
    ("Militants opened fire on a police patrol in Quetta on Friday, killing two constables.",
     [dict(acled_event_type="Battles", actor2="Police Forces of Pakistan")]),
    ("Militants opened fire on the troops, who returned fire, in Datta Khel on Friday.",
     [BATTLE]),
    # --- a weak word of fighting beside a side that names both ("two rival groups") ----------
    # (a fight of two groups in India is a riot, as ACLED's coders code it there:
    # rules/crowd_communal.py; without `_names_both` there is no event at all)
    ("A farmer was killed in a battle between two rival groups at Rampur village on Sunday.",
     [dict(acled_event_type="Riots", actor1="Rioters (India)", actor2="Rioters (India)")]),
    ("Five people were hurt in fighting between two rival factions in Sylhet on Friday.",
     [BATTLE]),
    # hard negative: one group named, no second side
    ("A farmer was killed in a battle with a tiger near Rampur village on Sunday.", []),
    # --- a suicide bomber in a gunfight: the battle --------------------------------------
    ("A suicide bomber blew himself up as police and militants fought a gunbattle in "
     "Orangi town on Friday.", [BATTLE]),
    ("Four militants died in an exchange of fire with troops in Ziarat; one of them was a "
     "suicide bomber who blew himself up.", [BATTLE]),
    # hard negative: a suicide bombing with no fight stays an explosion
    ("A suicide bomber blew himself up at a checkpost in Bannu on Friday, killing two "
     "soldiers.", [dict(acled_event_type="Explosions/Remote violence")]),
]


def _coded(sentence: str) -> pd.DataFrame:
    return shared_coder().code_texts([sentence], published=PUBLISHED)


@pytest.mark.parametrize("sentence,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_battle_found(sentence: str, expected: list[dict[str, Any]]) -> None:
    assert_sentence(sentence, expected, PUBLISHED)


@scaled(20)
@given(who=st.sampled_from(["a police patrol", "an army vehicle", "an army checkpoint",
                            "a security post", "a crowded market", "a bus stand"]),
       how=st.sampled_from(["lobbed a grenade at", "hurled a hand grenade at",
                            "threw a grenade at"]),
       doer=st.sampled_from(["Militants", "Unknown attackers", "Suspected rebels"]))
def test_grenade_at_forces_has_them_as_its_target(who: str, how: str, doer: str) -> None:
    """Whoever throws it and however it is written, a grenade stays a grenade; at the
    state's forces they are its target (no civilian targeting: the older taxonomy's battle),
    at a public place they are not."""
    sentence = f"{doer} {how} {who} in Anantnag on Monday."
    rows = _coded(sentence).to_dict("records")
    assert [r["acled_sub_event_type"] for r in rows] == ["Grenade"], sentence
    forces = who not in {"a crowded market", "a bus stand"}
    target = str(rows[0]["actor2"] or "")
    assert target.startswith(("Police Forces of India", "Military Forces of India")) == forces
    if forces:
        assert not rows[0]["civilian_targeting"], sentence
