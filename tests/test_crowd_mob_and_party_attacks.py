"""Crowd conventions (rules/crowds.py, types/riots_mob_kills.yaml,
riots_party_attacks.yaml): a mob whose violence kills someone attacks a civilian
(`_mob_kills`), and in the countries of the rioters' `party_attack_in` a party's men
attacking another party's people attack civilians (`_party_attack`), while the same attack
elsewhere stays the crowds' riot. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

PUBLISHED = "2016-05-10"
VAC = "Violence against civilians"
RIOT = "Riots"

# article, the ACLED event types coded
MOB_TABLE: list[tuple[str, list[str]]] = [
    ("A mob beat two suspected cattle thieves to death in Sitapur on Sunday.", [VAC]),
    ("A suspected pickpocket was killed in a brutal mob attack at a bus stand in Narail on "
     "Sunday.", [VAC]),
    ("A mob attack left a suspected robber dead in Comilla on Sunday.", [VAC]),
    ("Villagers said a suspected goat thief died in a mob attack near Tangail on Friday.",
     [VAC]),
    # hard negatives: no death, a denied death, a death that is the riot's cause
    ("A mob beat a suspected thief in Narail on Sunday.", [RIOT]),
    ("A mob attacked a suspected thief in Narail on Sunday, but no one was killed.", [RIOT]),
    ("A mob torched a police post in Gaya on Sunday after a youth died in custody.", [RIOT]),
    ("A mob attacked the police station in Gaya on Sunday over the death of a villager.",
     [RIOT]),
]

PARTY_TABLE: list[tuple[str, list[str]]] = [
    ("PF cadres attacked two UPND candidates in Kasama on Monday, leaving both badly hurt.",
     [VAC]),
    ("ANC members attacked EFF supporters at a hostel in Soweto on Tuesday.", [VAC]),
    ("ZANU-PF activists assaulted MDC-T supporters at a bus stop in Mutare on Saturday.",
     [VAC]),
    ("UPND cadres attacked two independent candidates in Mongu on Sunday.", [VAC]),
    # hard negatives: the same attacks in India, a clash of two parties' men, a party's office
    ("CPI(M) activists attacked BJP supporters in Kannur on Sunday.", [RIOT]),
    ("BJP activists attacked two independent candidates in Agra on Sunday.", [RIOT]),
    ("TMC workers assaulted Congress supporters at a bus stop in Asansol on Saturday.", [RIOT]),
    ("PF and UPND cadres clashed in Kabwe on Friday.", [RIOT]),
    ("PF cadres attacked the UPND office in Kasama on Monday.", [RIOT]),
]


@pytest.mark.parametrize("article, expected", MOB_TABLE, ids=[t[0][:45] for t in MOB_TABLE])
def test_a_mob_that_kills_attacks_a_civilian(coder, article: str, expected: list[str]
                                             ) -> None:
    events = coder.code_texts([article], published=PUBLISHED)
    assert list(events["acled_event_type"]) == expected, \
        events[["event_type", "actor1", "actor2", "rule"]].to_dict("records")


@pytest.mark.parametrize("article, expected", PARTY_TABLE,
                         ids=[t[0][:45] for t in PARTY_TABLE])
def test_a_partys_men_attacking_a_partys_people_where_coders_say_so(
        coder, article: str, expected: list[str]) -> None:
    events = coder.code_texts([article], published=PUBLISHED)
    assert list(events["acled_event_type"]) == expected, \
        events[["event_type", "actor1", "actor2", "rule"]].to_dict("records")


def test_a_mob_killing_names_the_dead_civilians_of_its_country(coder) -> None:
    events = coder.code_texts(["A mob beat a suspected thief to death in Mymensingh on "
                               "Sunday."], published=PUBLISHED)
    assert list(events["actor2"]) == ["Civilians (Bangladesh)"]
    assert "crowd_mob_kill" in events["rule"].iloc[0]
