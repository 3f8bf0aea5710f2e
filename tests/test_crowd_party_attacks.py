"""A party's men attacking people who are no party's (rules/crowds.py, `_party_attack`):
"ruling party cadres beat residents" is ACLED's violence against civilians, while a fight of
two parties' men, an unnamed mob's beating, an attack on an office and a bomb thrown by hand
stay the crowd's riot. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

PUBLISHED = "2016-05-10"
VAC = "Violence against civilians"

# article, the ACLED event types coded
TABLE: list[tuple[str, list[str]]] = [
    ("ZANU-PF supporters assaulted three vendors at a market in Mbare on Sunday.", [VAC]),
    ("UPND cadres beat up shopkeepers in Kanyama on Monday, leaving four injured.", [VAC]),
    ("A farmer was badly beaten by TMC supporters in Bardhaman on Friday.", [VAC]),
    ("VHP activists attacked a family of villagers in Agra on Saturday evening.", [VAC]),
    # hard negatives: two parties' men, a mob, an office, a bomb thrown by hand
    ("CPI(M) activists attacked a BJP leader in Kannur on Sunday.", ["Riots"]),
    ("A mob beat up three villagers in Agra on Saturday evening.", ["Riots"]),
    ("TMC supporters attacked the office of the Congress in Bardhaman on Friday.", ["Riots"]),
    ("Shibir cadres hurled crude bombs at villagers in Rajshahi on Friday, injuring four.",
     ["Riots"]),
]


@pytest.mark.parametrize("article, expected", TABLE, ids=[t[0][:45] for t in TABLE])
def test_a_partys_men_attacking_people_attack_civilians(coder, article: str,
                                                        expected: list[str]) -> None:
    events = coder.code_texts([article], published=PUBLISHED)
    assert list(events["acled_event_type"]) == expected, \
        events[["event_type", "actor1", "actor2", "rule"]].to_dict("records")
