"""Strategic developments (issue 13): people driven from their homes by a conflict.

ACLED's coders of the older taxonomy code a report whose news is the flight ("thousands
fled their homes as the shelling went on", "the fighting has displaced 3,000 villagers",
"troops ordered the hamlets to evacuate their villages") as a strategic development of its
own, beside the fighting it names (`displacement` in types/strategic.yaml). A flight told
after the fighting it follows is the fighting's sequel (rules/followups.py); people named
as displaced ("a camp for displaced persons") are no flight; a flight from a flood is no
conflict's (types/strategic_cues.yaml).

Sentences written here; each lists the event types it must give, in text order.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .conftest import shared_coder

PUBLISHED = "2026-03-06"

CASES: list[tuple[str, list[str]]] = [
    # the flight is the news, told with the fighting that drove it
    ("Hundreds of families fled their homes in Rakhine on Tuesday as the army shelled the "
     "hills near their villages.", ["displacement", "shelling"]),
    # ... but fighting told only as what displaced them is their background (cue
    # background_displaced_after, types/battles_precision.yaml): ACLED codes the
    # displacement, and the battles in notes of their own
    ("Clashes between the army and the KIA have displaced some 3,000 villagers in Kachin "
     "State since Friday.", ["displacement"]),
    ("Soldiers ordered farmers in four hamlets near Loikaw to evacuate their villages on "
     "Sunday.", ["displacement"]),
    ("Nearly 5,000 residents were forced to leave their homes in Kathua on Monday after "
     "days of cross-border shelling.", ["displacement"]),
    # hard negatives: people named as displaced, attackers who flee, a school evacuated
    ("Gunmen attacked a camp for displaced persons near Maiduguri on Monday, killing four.",
     ["civilian_attack"]),
    ("The gunmen fled the scene after the attack in Quetta on Monday.", []),
    ("The school in Karachi was evacuated after a bomb threat on Monday.", []),
    # negated, hypothetical
    ("Officials denied that villagers had fled their homes in Loikaw.", []),
    ("Thousands could be forced to leave their homes if fighting resumes near Laukkai.", []),
    # a flight told after the fighting it follows is that fighting's sequel
    ("Troops clashed with rebels near Kutkai on Monday. About 400 villagers fled their "
     "homes.", ["clash"]),
    # a tally of the conflict's years, not a flight that took place
    ("More than 3.5 million people have been displaced across Myanmar since the coup.", []),
    ("Some two million Sudanese have fled their homes since the war began.", []),
    # a flight from nature
    ("Floods have displaced 20,000 people in Assam since Monday.", []),
    ("Thousands of villagers have been displaced by landslides in Sindhupalchok.", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_displacement_or_not(text: str, expected: list[str]) -> None:
    rows = shared_coder().code_texts([text], published=PUBLISHED).to_dict("records")
    assert [r["event_type"] for r in rows] == expected, [(r["event_type"], r["rule"])
                                                          for r in rows]


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["fled their homes", "have been displaced", "were forced to leave "
                        "their homes"]),
       st.sampled_from(["Loikaw", "Kathua", "Maungdaw", "Hpakant"]),
       st.sampled_from(["floods", "a cyclone", "the monsoon rains", "an earthquake"]))
def test_a_flight_from_nature_is_no_event(flight: str, place: str, cause: str) -> None:
    text = f"Thousands of villagers {flight} during {cause} in {place}."
    rows = shared_coder().code_texts([text], published=PUBLISHED).to_dict("records")
    assert rows == []
