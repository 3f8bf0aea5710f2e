"""Strategic developments (issue 13): more words of ACLED's arrests and agreements, and words
that look like a strategic development but are none (types/strategic.yaml,
types/strategic_agreements.yaml, types/strategic_cues.yaml).

- A state's forces raiding an office or taking people in ("police raided the party's
  offices", "setting up checkpoints, arresting dozens", "taken in for questioning") are
  ACLED's arrests; a raid that turns into a gunfight is the gunfight, a raid a crowd
  protests against is the protest.
- A deal signed between the sides of a conflict is an agreement; states' business deals
  ("signed an agreement on rail investment"), a commercial dispute's bargaining ("talks
  with the company") are not.
- A person or a case handed over to the police is no ground changing hands.
- An arrest "for the murder of", "for beating", "for threatening" is the sequel of that act
  (ACLED codes the act, not the arrest).

Sentences written here; each lists the event types it must give, in text order.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .conftest import shared_coder

PUBLISHED = "2026-03-06"

CASES: list[tuple[str, list[str]]] = [
    # raids and detentions by the state
    ("Police raided the offices of an opposition weekly in Harare on Monday.", ["arrest"]),
    ("Police officers raided the headquarters of the opposition party in Lusaka on "
     "Tuesday.", ["arrest"]),
    ("Soldiers set up checkpoints around Misrata on Sunday, arresting dozens of militia "
     "members.", ["arrest"]),
    ("Several party officials were taken in for questioning in Kampala on Wednesday.",
     ["arrest"]),
    # hard negatives: the raid is part of a gunfight or what a crowd protests against
    ("Police raided a militant hideout in Quetta on Monday and a gunfight followed in which "
     "two militants were killed.", ["clash"]),
    ("Students protested in Harare on Monday against the police raid on their hostel.",
     ["protest"]),
    # negated, hypothetical
    ("Police denied arresting any journalists in Lusaka.", []),
    ("The police could start arresting strikers in Lusaka next week.", []),
    # an arrest for a violent act is that act's sequel
    ("Four men were arrested for threatening voters in Rohtak on Monday.", []),
    ("A constable was arrested for the murder of a farmer in Etah on Monday.", []),
    ("Police arrested two men for beating a shopkeeper in Kano on Monday.", []),
    # hard negatives: the arrest is the news, the act only why the man was wanted
    ("Police arrested a rebel commander wanted for the killing of five soldiers in Bangui "
     "on Monday.", ["arrest"]),
    ("Police arrested 40 opposition activists in Dhaka on Friday for their alleged links "
     "with sabotage.", ["arrest"]),
    # agreements signed between the sides
    ("The army and the KNU signed an agreement to halt attacks near Hpapun on Monday.",
     ["agreement"]),
    ("Government envoys and the rebel command signed an accord in Bangui on Friday.",
     ["agreement"]),
    # hard negatives: states' business
    ("India and Japan signed an agreement on rail investment in Delhi on Monday.", []),
    ("Nepal and China signed an accord on trade in Beijing.", []),
    # ... or a commercial dispute's bargaining
    ("Negotiations between market vendors and the management in Phnom Penh ended without a "
     "deal on Monday.", []),
    ("The provincial government held talks with the company over the mine in Hpakant on "
     "Monday.", []),
    ("Farmers held negotiations with the management of the sugar mill in Meerut on Monday.",
     []),
    # hard negative: talks between the sides
    ("Government negotiators held talks with the KNU in Yangon on Monday.", ["negotiation"]),
    # a person or a case handed over
    ("The murder case was handed over to the CBI on Tuesday.", []),
    ("Villagers caught the thief and he was handed over to the police in Sylhet on Monday.",
     []),
    # hard negative: ground handed over
    ("The rebels handed over control of the town to the army in Goma on Monday.",
     ["territory_transfer"]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_strategic_words(text: str, expected: list[str]) -> None:
    rows = shared_coder().code_texts([text], published=PUBLISHED).to_dict("records")
    assert [r["event_type"] for r in rows] == expected, [(r["event_type"], r["rule"])
                                                          for r in rows]


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["signed an agreement", "signed an accord", "signed a deal"]),
       st.sampled_from(["trade", "investment", "visas", "oil", "tourism", "customs"]),
       st.sampled_from(["Delhi", "Beijing", "Dhaka", "Kathmandu"]))
def test_a_business_deal_is_no_agreement(signed: str, topic: str, place: str) -> None:
    text = f"Nepal and Bangladesh {signed} on {topic} in {place} on Monday."
    rows = shared_coder().code_texts([text], published=PUBLISHED).to_dict("records")
    assert rows == []


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["the police", "the court", "his family", "investigators"]),
       st.sampled_from(["The suspect", "The body", "The case", "The boy"]))
def test_a_person_handed_over_is_no_territory(to: str, what: str) -> None:
    text = f"{what} was handed over to {to} in Sylhet on Monday."
    rows = shared_coder().code_texts([text], published=PUBLISHED).to_dict("records")
    assert [r["event_type"] for r in rows] != ["territory_transfer"]
