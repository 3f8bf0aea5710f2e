"""Battles, round 9: the security forces' operations and raids as South Asian news tells them.

- An operation or a raid with the forces that launch it written before its
  verb ("police carried out an operation", "troops conducted a raid") is anchored by them;
  it is a battle only with a second side (types/battles_operations.yaml). An
  intelligence-led operation and an encounter that "ensued" or "took place" name a fight
  on their own, as "fighting broke out" does; "ambushing" is "ambushed".
- "The police, following a tip-off, conducted an operation ...": a state's forces that
  open the sentence, set off by a comma, are the subject of its verbs beyond the
  participle's clause, as a named actor there is (rules/roles.py, `_opening_subject`).
- "Law-enforcement agencies", hyphenated, and NISS officers are the police; ISI personnel
  and "an Assam Rifle" are the military; "killed in an 'encounter'" (quoted: the report
  doubts it) is still a gunfight.
- "... prompting the army to retaliate": the answer is a fight (a weak word: two sides, and
  "did not retaliate", "vowed to retaliate" are dropped by their cues).
- "battled", an assault (weak: two sides), a "fierce battle" and Somalia's "clan fighting"
  are fights; "an end to" the fighting is none (types/cues.yaml `hypothetical_end_to`).
- "..., that triggered a fierce gunfight": an indefinite article stops the walk back to a
  determiner (the language's `not_modifiers`), so the fight is new, not pointed back to.

Sentences written here; each lists the ACLED event types it must and must not give.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .conftest import shared_coder

PUBLISHED = "2026-03-06"
SD = "Strategic developments"

# (text, ACLED event types it must give, ACLED event types it must not give)
CASES: list[tuple[str, set[str], set[str]]] = [
    # the forces opening the sentence, a participle's clause after them
    ("The police, following a tip-off, conducted an operation in Sukkur and killed three "
     "dacoits.", {"Battles"}, set()),
    ("The paramilitary troops, launching an operation in Awaran killed five militants and "
     "wounded several others.", {"Battles"}, set()),
    ("The soldiers, acting on intelligence reports, conducted a raid in Mirali and killed "
     "four militants.", {"Battles"}, set()),
    # hard negatives: no fight, an operation for something else, a source in apposition
    ("The police, officials said, recovered two bodies from a canal in Sukkur.", set(),
     {"Battles"}),
    ("The police, acting on a complaint, launched an operation to trace a missing boy in "
     "Sukkur.", set(), {"Battles"}),
    ("The police, following a tip-off, conducted an operation in Sukkur and arrested "
     "three suspects.", set(), {"Battles"}),
    # an encounter that ensued or took place
    ("An encounter ensued in Larkana after police surrounded a house.", {"Battles"}, set()),
    ("Police raided a hideout in Kashmore and an encounter took place.", {"Battles"}, set()),
    ("Officers said no encounter took place in Kashmore.", set(), {"Battles"}),
    # an intelligence-led operation
    ("Three militants died in an intelligence-led operation near Bajaur.", {"Battles"},
     set()),
    ("Four insurgents died in intelligence-driven operations in Kech district.", {"Battles"},
     set()),
    ("The minister praised intelligence-led policing in Lahore.", set(), {"Battles"}),
    # the police as "law-enforcement agencies"
    ("Four gunmen died in an operation that law-enforcement agencies mounted "
     "in Sheikhupura.", {"Battles"}, set()),
    ("Law-enforcement agencies arrested two suspects in Quetta.", {SD}, {"Battles"}),
    # ambushing
    ("Soldiers crossed into the forest near Tamu, ambushing and killing four rebels.",
     {"Battles"}, set()),
    ("The rebels denied ambushing a convoy near Tamu.", set(), {"Battles"}),
    # fire answered: "prompting the army to retaliate"
    ("Pakistani troops targeted six forward posts near Akhnoor on Monday, forcing the Indian "
     "Army to retaliate.", {"Battles"}, set()),
    ("The BSF did not retaliate in Kathua.", set(), {"Battles"}),
    ("The army vowed to retaliate against the rebels in Kutkai.", set(), {"Battles"}),
    ("Officials said the army would retaliate if attacked near Kutkai.", set(), {"Battles"}),
    # an indefinite article makes the fight new after a pronoun "that"
    ("In Bogura on Monday the detectives chased a gang of robbers across the fields, and "
     "that triggered a fierce gunfight.", {"Battles"}, set()),
    ("In Satkhira on Friday the robbers turned on the police officers who chased them, that "
     "sparked a long gunfight.", {"Battles"}, set()),
    # hard negative: the definite fight points back
    ("In Bogura on Monday the detectives chased a gang of robbers across the fields, and "
     "that triggered the gunfight.", set(), {"Battles"}),
    # a ground assault, "battled", a fierce battle, the clans' fighting
    ("Government troops and KNLA fighters battled near Myawaddy on Friday.", {"Battles"},
     set()),
    ("The army resumed its assault on the rebels' headquarters near Mong Hsu.", {"Battles"},
     set()),
    ("A fierce battle between two militias erupted near Baidoa on Sunday.", {"Battles"},
     set()),
    ("Six people died in clan fighting near Galkayo.", {"Battles"}, set()),
    # hard negatives: an assault on one person, a charge, a call to end the fighting, a past
    ("Teachers protested against the assault on a colleague in Imphal.", {"Protests"},
     {"Battles"}),
    ("A man was charged with sexual assault in Imphal.", set(), {"Battles"}),
    ("Clan elders in Galkayo called for an end to clan fighting.", set(), {"Battles"}),
    ("Elders in Galkayo called for an end to heavy fighting.", set(), {"Battles"}),
    ("The two clans have battled over grazing land in the past.", set(), {"Battles"}),
    # an encounter in quotes; Pakistan's military intelligence as a side
    ("A robber was killed in an 'encounter' by police in Korangi.", {"Battles"}, set()),
    ("Rights groups said the 'encounter' in Korangi was staged.", set(), {"Battles"}),
    ("A militant commander was killed by ISI personnel in Chagai.", {"Battles"}, set()),
    ("ISI officials met the army chief in Rawalpindi.", set(), {"Battles"}),
    # one man of a paramilitary force named by the force: the state's forces attacked
    ("Insurgents killed an Assam Rifle in an attack in Tamenglong.", {"Battles"},
     {"Violence against civilians"}),
    ("An old rifle was found in a field in Chandel.", set(), {"Battles"}),
    # Sudan's security service is a police force: gunmen killing its officer fight it
    ("Unidentified gunmen kill a NISS officer in Nyala.", {"Battles"},
     {"Violence against civilians"}),
]


def _types(text: str) -> set[str]:
    events = shared_coder().code_texts([text], published=PUBLISHED)
    return set(events["acled_event_type"].dropna())


@pytest.mark.parametrize("text,has,lacks", CASES, ids=[c[0][:50] for c in CASES])
def test_operation(text: str, has: set[str], lacks: set[str]) -> None:
    got = _types(text)
    assert has <= got and not lacks & got, got


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["The police", "The paramilitary troops", "The soldiers",
                        "Security forces"]),
       st.sampled_from(["following a tip-off", "backed by armoured vehicles",
                        "acting on intelligence reports"]),
       st.sampled_from(["carried out an operation", "conducted a raid",
                        "launched an operation"]),
       st.sampled_from(["Sukkur", "Awaran", "Mirali", "Kalat"]))
def test_opening_subject_fights(forces: str, aside: str, verb: str, place: str) -> None:
    """The forces that open the sentence fight whom they kill; with no one killed or fought,
    the operation is no battle."""
    opening = f"{forces}, {aside}, {verb} in {place}"
    assert "Battles" in _types(f"{opening} and killed three militants.")
    assert "Battles" not in _types(f"{opening} and seized a cache of weapons.")
