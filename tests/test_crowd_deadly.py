"""A deadly fight of two crowds in a country whose coders call it a battle (rules/
crowd_communal.py, `deadly_battles`; types/riots_deadly.yaml): in Bangladesh, two party
factions that clash and kill someone fight an armed clash of their militias; with injuries
only, elsewhere, against the police, with the death denied or with no group named behind the
crowds, the fight stays a riot. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

PUBLISHED = "2015-02-10"
RIOTERS = ("Riots", "Rioters (Bangladesh)", "Rioters (Bangladesh)")

# article, (ACLED event type, actor1, actor2) of the one event coded
TABLE: list[tuple[str, tuple[str, str, str]]] = [
    ("One activist was killed when two factions of the Chhatra League clashed over hall "
     "seats in Rajshahi on Sunday.",
     ("Battles", "BCL: Bangladesh Chhatra League Militia",
      "BCL: Bangladesh Chhatra League Militia")),
    ("A Jubo League worker died after Jubo League and Chhatra League activists "
     "clashed in Bogra on Monday.",
     ("Battles", "Jubo League Militia", "BCL: Bangladesh Chhatra League Militia")),
    # hard negatives: injuries only, a death denied, the police as the other side, India,
    # no group named behind the crowds
    ("Ten people were injured when two factions of the Chhatra League clashed over hall "
     "seats in Rajshahi on Sunday.", RIOTERS),
    ("Two factions of the Chhatra League clashed in Rajshahi on Sunday; no one was killed.",
     RIOTERS),
    ("A Shibir activist was killed in a clash with police in Rajshahi on Sunday.",
     ("Riots", "Rioters (Bangladesh)", "Police Forces of Bangladesh")),
    ("One worker was killed when two factions of the Trinamool Congress clashed in Bankura "
     "on Sunday.", ("Riots", "Rioters (India)", "Rioters (India)")),
    ("Two people were killed and twenty injured as supporters of two rival councillor "
     "candidates clashed in Narsingdi on Tuesday.", RIOTERS),
]


@pytest.mark.parametrize("article, expected", TABLE, ids=[t[0][:45] for t in TABLE])
def test_a_deadly_fight_of_two_crowds_in_bangladesh_is_a_battle(
        coder, article: str, expected: tuple[str, str, str]) -> None:
    events = coder.code_texts([article], published=PUBLISHED)
    got = list(zip(events["acled_event_type"], events["actor1"], events["actor2"],
                   strict=True))
    assert got == [expected], events[["event_type", "rule"]].to_dict("records")
