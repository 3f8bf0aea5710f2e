"""A crowd's words beside a death told by no word of a fight (rules/crowds.py, `_harm_only`):
"a party worker was killed by rival supporters" is an attack on a civilian, not a riot;
a death in a crowd's clash stays the riot's. Every sentence here is written for these
tests."""

from __future__ import annotations

import pytest

PUBLISHED = "2015-06-10"

# sentence, (ACLED event type, actor1) of the one event coded
TABLE: list[tuple[str, tuple[str, str]]] = [
    ("A Congress worker was killed by BJP supporters in Bankura on Sunday night.",
     ("Violence against civilians", "BJP: Bharatiya Janata Party Militia")),
    ("A panchayat member was killed by TMC activists in Hooghly on Tuesday.",
     ("Violence against civilians", "TMC: Trinamool Congress Party Militia")),
    ("A Samajwadi Party worker was killed by BSP supporters in Azamgarh on Friday.",
     ("Violence against civilians", "BSP: Bahujan Samaj Party Militia")),
    ("In Feni on Friday a local Jubo Dal organiser was killed by Chhatra League activists.",
     ("Violence against civilians", "BCL: Bangladesh Chhatra League Militia")),
    # hard negatives: a death in the crowd's own clash, a crowd that riots
    ("A Congress worker was killed in a clash between BJP supporters and TMC supporters in "
     "Bankura on Sunday.", ("Riots", "Rioters (India)")),
    ("A protester died in the clash with police in Kathmandu on Monday.",
     ("Riots", "Rioters (Nepal)")),
    ("Party supporters clashed with the police in Bankura on Sunday, leaving one dead.",
     ("Riots", "Rioters (India)")),
]


@pytest.mark.parametrize("sentence, expected", TABLE, ids=[t[0][:45] for t in TABLE])
def test_a_death_by_a_crowd_is_an_attack(coder, sentence: str,
                                         expected: tuple[str, str]) -> None:
    events = coder.code_texts([sentence], published=PUBLISHED)
    rows = [(r.acled_event_type, r.actor1) for r in events.itertuples()]
    assert rows == [expected], events[["event_type", "rule"]].to_dict("records")
