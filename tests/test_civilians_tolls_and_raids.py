"""Violence against civilians: tolls, passive agents and raids (issue 13). Sentences written
here, several per rule, with hard negatives.

- an attack on a place named with no article ("gunmen attacked Kurmi village") counts the
  toll that a comma and a participle tell right after its clause ("..., killing six
  people"): the toll of the attack (rules/candidates.py, `_toll_tied`); with no toll, or
  with an "according to" after the comma, it names no victim and is none;
- a passive's agent a few words after its verb ("was attacked at his home by soldiers")
  anchors a weak word of an attack as the one right after it does (rules/candidates.py,
  `_passive_agent`); a "by" far off in a report's own clause, or after a noun ("every
  attack launched against the state by the rebels"), does not;
- the doer's own companions in a passive's agent ("by soldiers and policemen") act with
  it and are no target of its attack (rules/candidates.py, `_other_target`): the victims
  the sentence leaves unnamed are civilians; soldiers shot are a clash still;
- an attack told by a word of killing ("militants kill a farmer", "killed a 19 year old
  student") or by a trigger inside a phrase of death ("was shot" in "was shot dead") has
  one dead at least when the sentence reads no number (rules/yields.py, `_lethal_toll`);
  "shot a shopkeeper", "was shot in the leg" have none;
- a raid, a raid on a village or an incursion told with people killed or hurt is an
  attack on civilians, or a clash when the sentence names the armed side raided; a raid
  with no one hurt is none (types/civilians_raids.yaml).
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
    # --- a toll told by a participle after the attack's clause -------------------------------
    ("Armed bandits attacked Kurmi village in Zamfara on Tuesday, killing six people.",
     [dict(event_type=ATTACK, actor2="Civilians (Nigeria)", fatalities=6)]),
    ("Gunmen attacked Dogon Daji village in Sokoto on Friday, leaving three dead.",
     [dict(event_type=ATTACK, fatalities=3)]),
    # hard negatives: no toll, a source after the comma; the armed side named is a clash
    ("Bandits attacked Kurmi village in Zamfara on Tuesday.", []),
    ("Bandits attacked Kurmi village in Zamfara on Tuesday, according to residents.", []),
    ("Insurgents attacked Bama town on Monday, killing two soldiers.",
     [dict(event_type="clash")]),
    # --- a passive's agent a few words after the verb ---------------------------------------
    ("A tailor was attacked at his home by soldiers in Lashio on Monday.",
     [dict(event_type=ATTACK, actor1="Military Forces of Myanmar",
           actor2="Civilians (Myanmar)")]),
    ("Two brothers were beaten outside their house by policemen in Mandalay on Monday.",
     [dict(event_type=ATTACK, actor1="Police Forces of Myanmar")]),
    # hard negatives: a "by" far off in the report's clause; a film attacked by critics
    ("A tailor was attacked on Monday in Quetta, a statement issued on Tuesday by the police "
     "said.", []),
    ("The film was attacked in a review published by critics in Mumbai.", []),
    # ... and a noun's agent far off: a generic statement, no event
    ("The minister said the government would answer every attack launched against it by "
     "the rebels.", []),
    ("A spokesman said Kathmandu would answer every attack launched against it by the "
     "Maoists.", []),
    # --- a passive's agent of two forces: both do it --------------------------------------
    ("A tailor was killed by soldiers and policemen in Lashio on Monday.",
     [dict(event_type=ATTACK, actor1="Military Forces of Myanmar",
           actor2="Civilians (Myanmar)", fatalities=1)]),
    ("Two brothers were shot by soldiers and police personnel near Pulwama on Monday.",
     [dict(event_type=ATTACK, actor2="Civilians (India)")]),
    ("A trader was killed during a raid carried out by troops and policemen in Sittwe on "
     "Friday.", [dict(event_type=ATTACK, actor2="Civilians (Myanmar)")]),
    # hard negatives: soldiers shot, a fight of two sides named together
    ("Two soldiers were shot by gunmen near Pulwama on Monday.", [dict(event_type="clash")]),
    ("Gunmen and soldiers exchanged fire near Pulwama on Monday.",
     [dict(event_type="clash")]),
    # --- one dead at least ------------------------------------------------------------------
    ("An aid worker [John Tamang] was shot dead in Dhaka on Monday.",
     [dict(event_type=ATTACK, fatalities=1)]),
    ("Maoists killed a 19 year old student in Gumla on Thursday.",
     [dict(event_type=ATTACK, fatalities=1)]),
    ("Gunmen shoot dead a driver near Nyala on Monday.", [dict(event_type=ATTACK, fatalities=1)]),
    ("Militants kill a farmer in Kupwara on Friday.", [dict(event_type=ATTACK, fatalities=1)]),
    # hard negatives: shot, not dead; the number read stays
    ("Gunmen shot a shopkeeper in Quetta on Monday.", [dict(event_type=ATTACK, fatalities=0)]),
    ("A shopkeeper was shot in the leg by gunmen in Quetta on Monday.",
     [dict(event_type=ATTACK, fatalities=0)]),
    ("Gunmen killed three shopkeepers in Quetta on Monday.",
     [dict(event_type=ATTACK, fatalities=3)]),
    # --- raids and incursions with people hurt ------------------------------------------------
    ("Boko Haram fighters raided Kawuri village in Borno, killing five people.",
     [dict(event_type=ATTACK, fatalities=5)]),
    ("Five villagers were killed during a militia raid on Mbau village on Sunday.",
     [dict(event_type=ATTACK, fatalities=5)]),
    ("Bandits invaded Kaura village in Katsina on Friday, killing seven residents.",
     [dict(event_type=ATTACK, actor2="Civilians (Nigeria)", fatalities=7)]),
    ("Boko Haram incursion into Gwoza village on Monday, wounding three farmers.",
     [dict(event_type=ATTACK)]),
    # hard negatives: a police raid with arrests; an invasion of a farm with no one hurt; an
    # armed side raided is a clash
    ("Police raided a house in Lahore on Monday and arrested three suspects.",
     [dict(event_type="arrest")]),
    ("Herders invaded a farm in Benue on Monday.", []),
    ("Rebels raided Kawuri village in Borno on Sunday.", []),
    ("Soldiers raided a rebel camp in Borno on Sunday, killing four fighters.",
     [dict(event_type="clash")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_civilians_tolls_and_raids(coder, text: str, expected: list[dict[str, Any]]) -> None:
    rows = coder.code_texts([text], published=PUBLISHED).to_dict("records")
    summary = [(r["event_type"], r["actor1"], r["actor2"], r["fatalities"], r["rule"])
               for r in rows]
    assert_rows(rows, expected, summary=summary)


_DOERS = ["Gunmen", "Unknown gunmen", "Armed bandits"]
_VERBS = ["attacked", "raided", "invaded"]
_TOLLS = ["killing four people", "leaving four dead", "killing four residents"]


@given(st.sampled_from(_DOERS), st.sampled_from(_VERBS), st.sampled_from(_TOLLS),
       st.booleans())
def test_an_attack_on_a_named_village_counts_the_toll_after_its_clause(
        coder, doer: str, verb: str, toll: str, told: bool) -> None:
    """An attack or a raid on a village named with no article is an attack on civilians
    with the toll told after a comma, and none without one."""
    tail = f", {toll}" if told else ""
    text = f"{doer} {verb} Tudun Wada village in Kaduna on Monday{tail}."
    rows = coder.code_texts([text], published=PUBLISHED).to_dict("records")
    attacks = [r for r in rows if r["event_type"] == ATTACK]
    assert bool(attacks) == told, (text, rows)
    assert not attacks or attacks[0]["fatalities"] == 4, (text, rows)
