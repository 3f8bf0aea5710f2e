"""Violence against civilians (precision): abductions, riot causes, history, property.
Sentences written here, several per rule, with hard negatives.

- police or soldiers abducted or taken hostage by an armed group are seized in a fight
  with the state's forces: a battle, as an attack on them is, not the abduction of
  civilians (types/civilians_abducted_forces.yaml, the abduction's `retype`); civilians, civil
  servants and retired officers abducted stay civilians, and an armed group named alone
  with a kidnapping is no victim of it;
- an abduction's victims are those the role rules read at its word (its object, a
  passive's subject), never another participant of the sentence, which is more often its
  doer or the report's source: with none named, the civilians (the type's
  `named_target_only`, rules/candidates.py `_targeted`);
- an attack on civilians told in a clause a cause word opens ("after a trader was
  murdered"), with a crowd's violence told outside that clause (a word of it, or a riot's
  or a protest's event), is the riot's cause: ACLED codes the riot alone (rules/yields.py,
  `_riot_cause`); with no crowd's violence outside the clause, or the attack outside it,
  the attack stays;
- an attack on civilians told with a year two or more before the report's, a few words
  from its trigger and no comma between, is history the report recalls, not an event
  (rules/yields.py, `_past_year`);
- an attack's word whose object is a thing ("opened fire at the residence of", "attacked
  the house of", "fired upon a mobile tower"), with no one hurt in the sentence, harms
  property, not people: no attack on civilians (rules/yields.py, `_on_thing`,
  `property_objects`); people as its object, or a thing after a preposition, or a harm
  told, keep it.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import assert_rows

PUBLISHED = "2026-03-06"
ABDUCTION = "abduction"
ATTACK = "civilian_attack"

# (document, [expected events]): each expected event lists the columns it pins down.
CASES: list[tuple[str, list[dict[str, Any]]]] = [
    # --- the state's forces abducted: a battle ---------------------------------------------
    ("Gunmen abducted three policemen from a highway in Zhob district of Balochistan on "
     "Friday.", [dict(event_type="clash", actor2="Police Forces of Pakistan")]),
    ("Four soldiers were taken hostage by militiamen near Bangui on Monday.",
     [dict(event_type="clash", actor2="Military Forces of Central African Republic")]),
    ("Rebels kidnapped an army officer returning to his unit in Kayin State, Myanmar on "
     "Sunday.", [dict(event_type="clash", actor2="Military Forces of Myanmar")]),
    # hard negatives: a retired officer, a teacher, a civil servant are civilians
    ("Maoists abducted a retired police officer from his village in Chhattisgarh on "
     "Sunday.", [dict(event_type=ABDUCTION, actor2="Civilians (India)")]),
    ("Militants kidnapped a schoolteacher and his son in Kupwara on Saturday.",
     [dict(event_type=ABDUCTION, actor2="Civilians (India)")]),
    ("Suspected rebels abducted a block development officer in West Garo Hills on "
     "Wednesday.", [dict(event_type=ABDUCTION, actor2="Civilians (India)")]),
    # ... and an armed group named with a kidnapping is its doer
    ("The GNLA is suspected to be behind the kidnapping of a trader in Tura on Monday.",
     [dict(event_type=ABDUCTION, actor2="Civilians (India)")]),
    # --- an abduction's victims are the ones named at it -----------------------------------
    # (the police who report it, the gang who did it: neither is the abducted)
    ("Police in Tura said the GNLA and a new splinter group are suspected to be behind the "
     "kidnapping.", [dict(event_type=ABDUCTION, actor2="Civilians (India)")]),
    ("A gang of thirty armed men attacked a bus of pilgrims in Bauchi on Monday, killing one "
     "and kidnapping four.", [dict(event_type=ABDUCTION, actor2="Civilians (Nigeria)")]),
    # --- an attack told as the cause of a riot ----------------------------------------------
    ("Residents of Bareilly rioted on Monday after a shopkeeper was beaten to death by "
     "unknown men.", [dict(event_type="riot")]),
    ("After a youth died in police custody in Hardoi, villagers torched the police outpost "
     "on Sunday.", [dict(event_type="riot")]),
    ("Angry mobs set shops ablaze in Bareilly after a boy, a student of class ten, was "
     "stabbed to death on Friday.", [dict(event_type="riot")]),
    ("Violence erupted in Meerut on Tuesday after a constable shot dead a rickshaw puller "
     "near the bus stand.", []),
    # hard negatives: a cause clause with no crowd's violence outside it; the crowd inside
    # the clause; armed men's fire after a cause word; the attack before the cause word
    ("Gunmen shot dead a trader in Bareilly after he refused to pay them on Friday.",
     [dict(event_type=ATTACK)]),
    ("Tension gripped Meerut on Tuesday after a constable shot dead a rickshaw puller near "
     "the bus stand.", [dict(event_type=ATTACK)]),
    # (a mob's own beating is the crowd rules' reading, kept: mob violence, or an attack
    # when its own clause tells the death, rules/crowds.py `_mob_kills`)
    ("A shopkeeper died in Bareilly on Friday after a mob beat him with sticks.",
     [dict(event_type="mob_violence")]),
    ("A mob beat a suspected thief to death in Meerut on Monday after catching him in a "
     "shop.", [dict(event_type=ATTACK)]),
    # --- an attack of years before the report: history ------------------------------------
    ("Former students held a memorial service in Yangon on Sunday for classmates who were "
     "shot dead by soldiers in 1988.", []),
    ("Villagers in Latehar demanded compensation on Monday for families of those killed by "
     "the rebels since 2009.", []),
    ("Police in Gaya arrested a rebel commander on Saturday who was wanted for the 2004 "
     "attack on a village council in which four people died.", []),
    # hard negatives: the year of the report, last year's December, a year in another clause
    (f"Gunmen shot dead a trader in Quetta in January {PUBLISHED[:4]}.",
     [dict(event_type=ATTACK)]),
    (f"Gunmen shot dead a trader in Quetta in December {int(PUBLISHED[:4]) - 1}.",
     [dict(event_type=ATTACK)]),
    ("Gunmen shot dead two teachers in Quetta on Monday, the worst such attack since 2014.",
     [dict(event_type=ATTACK)]),
    # --- an attack on a thing, no one hurt --------------------------------------------------
    ("Gunmen opened fire at the residence of a ward councillor in Sylhet on Sunday night.", []),
    ("Militants fired upon a mobile tower in Sopore on Wednesday night.", []),
    ("Unknown men attacked the house of a village council member in Kurunegala on Friday.",
     []),
    # hard negatives: someone hurt; people the object, the thing after a preposition; a
    # crowd's attack on a bus is its riot (the crowd rules' reading, kept)
    ("Gunmen attacked a bus in Quetta on Monday, injuring four passengers.",
     [dict(event_type=ATTACK)]),
    ("Gunmen opened fire at the residence of a councillor in Sylhet, killing his guard.",
     [dict(event_type=ATTACK)]),
    ("Assailants attacked two traders in their shop in Sylhet on Monday.",
     [dict(event_type=ATTACK)]),
    ("Gunmen attacked a trader at home in Sylhet on Monday.", [dict(event_type=ATTACK)]),
    ("Party activists attacked a bus in Ludhiana on Tuesday.", [dict(event_type="riot")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_civilians_precision(coder, text: str, expected: list[dict[str, Any]]) -> None:
    rows = coder.code_texts([text], published=PUBLISHED).to_dict("records")
    summary = [(r["event_type"], r["actor1"], r["actor2"], r["fatalities"], r["rule"])
               for r in rows]
    assert_rows(rows, expected, summary=summary, versioned=True)


_FORCES = ["two policemen", "three constables", "four soldiers", "a police officer"]
_PEOPLE = ["two traders", "three farmers", "four students", "a shopkeeper"]
_VERBS = ["abducted", "kidnapped"]


@settings(max_examples=30)
@given(st.sampled_from(_FORCES + _PEOPLE), st.sampled_from(_VERBS))
def test_who_is_abducted_decides_the_type(coder, victims: str, verb: str) -> None:
    """An armed group's abduction of the state's forces is a battle; of civilians, an
    abduction."""
    text = f"Gunmen {verb} {victims} near Quetta in Balochistan on Monday."
    rows = coder.code_texts([text], published=PUBLISHED).to_dict("records")
    assert [r["event_type"] for r in rows] == \
        ["clash" if victims in _FORCES else ABDUCTION], (text, rows)
