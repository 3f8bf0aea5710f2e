"""Violence against civilians: fires, cocktails, beatings, lynchings (issue 13). Sentences
written here, several per rule, with hard negatives.

- a fire "set to" a home or a warehouse by unnamed attackers with no one hurt, or an
  effigy burnt by protesters, is no attack on civilians (the riot's words);
- "cocktails" (crude bombs) hurled at a bus, a shop or a house, with people hurt, are an
  attack on civilians; hurled at the police, a clash; with no one hurt, none;
- "martyred" beside its doer or a passive's agent is a killing; "the martyred leader" is
  no event;
- a beating whose victims are written in the trigger ("soldiers beat villagers"), one
  after a capture told by "and" ("caught a boy and beat him"), or one told with another
  blow ("beat and kicked") is an attack; a match won, or "beat him" in a final, is none
  (types/civilians_beatings.yaml);
- a word of harm to property of an attack on civilians, retyped a clash by its target
  ("set fire to an officer's house"), is no event either when no one is hurt; a crowd's
  fire stays its riot (rules/yields.py, `_attack_word`);
- suspects of a crime beaten to death by residents are the attack on civilians (a doer who
  is civilians fights no battle: resolve/event.py); "armed robbers", or suspects killed in
  a gunfight with the police, stay an armed side;
- victims accused of something that is no violence ("women accused of witchcraft were
  killed") are no reference to an earlier attack; "accused of the bombing" still is
  (`accused_of_no_violence` of types/civilians_nonviolent_accusations.yaml);
- the press's misspellings of the doers' words ("unkown assailants", "millitants") name
  ACLED's unidentified armed group (types/assailants.yaml).
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.conftest import assert_rows

PUBLISHED = "2026-03-06"
ATTACK = "civilian_attack"

# (document, [expected events]): each expected event lists the columns it pins down.
CASES: list[tuple[str, list[dict[str, Any]]]] = [
    # hard negatives: no one hurt is no attack on civilians; an effigy is a protest's
    ("Protesters set fire to an effigy of the minister in Comilla on Sunday.",
     [dict(event_type="riot")]),
    ("Unidentified attackers set fire to an empty warehouse in Bogra on Sunday.",
     [dict(event_type="riot")]),
    # --- cocktails hurled at people ---------------------------------------------------------
    ("Miscreants hurled cocktails at a bus in Narayanganj on Monday, injuring the driver.",
     [dict(event_type=ATTACK)]),
    ("Unknown men threw cocktails at a tea stall in Gazipur on Wednesday, wounding three "
     "customers.", [dict(event_type=ATTACK)]),
    # hard negatives: at the police it is a clash; no one hurt, nothing; a drink
    ("Miscreants hurled cocktails at a police van in Narayanganj on Monday, injuring two "
     "constables.", [dict(event_type="clash")]),
    ("Guests sipped cocktails at a hotel in Gulshan on Monday.", []),
    # --- martyred -----------------------------------------------------------------------------
    ("A youth was martyred by Indian troops in Pulwama on Monday.",
     [dict(event_type=ATTACK, actor2="Civilians (India)")]),
    ("Indian troops martyred two young men in Shopian on Thursday.",
     [dict(event_type=ATTACK)]),
    # hard negative: a martyred leader remembered is no event
    ("Thousands gathered in Muzaffarabad to remember the martyred leader.", []),
    # --- beatings ---------------------------------------------------------------------------
    ("Soldiers beat villagers at a checkpoint near Lashio on Monday.",
     [dict(event_type=ATTACK, actor2="Civilians (Myanmar)")]),
    ("Militiamen beat civilians in Wau on Friday.", [dict(event_type=ATTACK)]),
    ("Guards caught a boy stealing rice in Juba and beat him on Monday.",
     [dict(event_type=ATTACK)]),
    ("Two men dragged the reporter into a car in Kathmandu and beat and kicked him.",
     [dict(event_type=ATTACK)]),
    ("Villagers tied two men to a tree in Gaya and beat them to death on Monday.",
     [dict(event_type=ATTACK)]),
    # hard negatives: a match won, a final lost
    ("The national team beat Bolivia 2-1 in La Paz on Monday.", []),
    ("Nadal beat him in the final in Paris on Sunday.", []),
    ("Our students beat students of Dhaka College in the debate final.", []),
    # --- a retyped attack that harms no one ---------------------------------------------------
    ("Militants set ablaze a police post in Kech on Sunday.", []),
    ("Insurgents firebombed an army truck near Jalalabad on Sunday.", []),
    # the same with people hurt stays a clash; a crowd's fire stays its riot
    ("Militants set ablaze a police post in Kech on Sunday, injuring two constables.",
     [dict(event_type="clash")]),
    ("Blockaders firebombed a parked pickup in Barguna on Sunday.",
     [dict(event_type="riot")]),
    # --- suspects in a crowd's hands -------------------------------------------------------
    ("Two alleged kidnappers were beaten to death by residents in Sirajganj on Friday.",
     [dict(event_type=ATTACK)]),
    # hard negatives: armed robbers are an armed side; suspects in a police gunfight
    ("Villagers killed two armed robbers in Pabna on Tuesday.", [dict(event_type="clash")]),
    ("Three suspected bandits died in a gunfight with police in Savar on Monday.",
     [dict(event_type="clash")]),
    # --- accused of witchcraft, theft ----------------------------------------------------------
    ("Two farmers accused of sorcery were killed by villagers in Koraput district on "
     "Tuesday.", [dict(event_type=ATTACK)]),
    ("An elderly woman accused of practising witchcraft was hacked to death in Gumla on "
     "Sunday.", [dict(event_type=ATTACK)]),
    ("A youth accused of theft was beaten to death by a mob in Dimapur on Tuesday.",
     [dict(event_type=ATTACK)]),
    # hard negative: accused of violence, a reference to it
    ("Two men accused of the bombing were shot dead in Quetta on Friday.", []),
    # --- misspelt doers ------------------------------------------------------------------------
    ("Millitants killed a shopkeeper in Anantnag on Monday.",
     [dict(event_type=ATTACK, actor1="Unidentified Armed Group (India)")]),
    ("Unkown men killed a priest in Kanpur on Monday.",
     [dict(event_type=ATTACK, actor1="Unidentified Armed Group (India)")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_civilians_fires_and_cocktails(coder, text: str, expected: list[dict[str, Any]]) -> None:
    rows = coder.code_texts([text], published=PUBLISHED).to_dict("records")
    summary = [(r["event_type"], r["actor1"], r["actor2"], r["rule"]) for r in rows]
    assert_rows(rows, expected, summary=summary)


_FIRES = ["hurled cocktails at the shop of", "threw cocktails at the house of"]
_HURT = ["injuring his wife", "leaving two children burnt", "wounding three customers"]


@given(st.sampled_from(_FIRES), st.sampled_from(_HURT), st.booleans())
def test_a_fire_or_a_cocktail_is_an_attack_only_when_people_are_hurt(
        coder, fire: str, hurt: str, harmed: bool) -> None:
    """Cocktails hurled at a civilian's property are an attack on civilians
    when the sentence tells people hurt, and never when it does not (`harmless_triggers`)."""
    tail = f", {hurt}" if harmed else ""
    text = f"Unidentified attackers {fire} a trader in Jessore on Sunday{tail}."
    rows = coder.code_texts([text], published=PUBLISHED).to_dict("records")
    assert any(r["event_type"] == ATTACK for r in rows) == harmed, (text, rows)
