"""What is no battle (issue 13, Battles precision): civilians, party men and causes.

- A state's civil servants attacked are civilians to ACLED: "gunmen shot dead a government
  official" is violence against civilians, where the same attack on the police or the
  army is an armed clash (`unarmed_organs` of `clash`, types/battles_precision.yaml; read
  by `by_sides`, resolve/event.py): "Civilians (country)", the government its associated
  actor.
- A party's members bear no arms, as doers either: "party supporters beat up two
  policemen" is no battle (`by_sides` reads no target of theirs as the side of a fight).
- An armed group named twice is one doer ("militants of the ULFA opened fire at a tea
  garden"): the generic armed group that stands for an unknown doer is no target of the
  group the sentence names (`by_sides`), whose target is then the civilians.
- A fight a demonstration in the same sentence is held over ("villagers blocked the road
  to protest the gunfight in their village", "residents pelted stones at the police after
  two militants died in a gunfight") is the protest's or the riot's cause, not a
  battle of its own (`cause_of` of `clash`), as an attack on civilians already is.

- Violence told as the time or the object of the news ("a day after the attack on the
  police station", "condemned the attack", "prayers for those who lost their lives in the gunfight")
  was reported before: no new event (cue `reference_day_after`).

- People displaced or missing are the news of "thousands fled an outbreak of fighting",
  "fighting has displaced 2,000 people": the fighting is told as their background (ACLED
  codes the displacement; cues `background_displaced_*`).

Sentences written here; each lists the ACLED event types it must have and must not have.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from .conftest import scaled, shared_coder

PUBLISHED = "2026-03-06"


def _types(sentence: str) -> set[str]:
    frame: pd.DataFrame = shared_coder().code_texts([sentence], published=PUBLISHED)
    return set(frame["acled_event_type"])


# (sentence, the ACLED event types it must have, those it must not have)
CASES: list[tuple[str, set[str], set[str]]] = [
    # --- a government's officials attacked: civilians ------------------------------------
    ("Gunmen shot dead a government official in Kismayo on Tuesday.",
     {"Violence against civilians"}, {"Battles"}),
    ("Militants attacked the convoy of a district government officer near Bannu, wounding "
     "his driver.", {"Violence against civilians"}, {"Battles"}),
    ("Unknown gunmen opened fire on the car of a provincial government minister in "
     "Peshawar, wounding him.", {"Violence against civilians"}, {"Battles"}),
    ("Assailants stabbed a senior government official outside his office in Jessore on "
     "Sunday.", {"Violence against civilians"}, {"Battles"}),
    # hard negatives: the police and the army are armed, a fight with them a battle
    ("Gunmen shot dead a police officer in Quetta on Tuesday.", {"Battles"},
     {"Violence against civilians"}),
    ("Militants attacked an army post near Bannu on Monday, killing two soldiers.",
     {"Battles"}, {"Violence against civilians"}),
    ("Unknown gunmen opened fire at a police van near Peshawar, wounding two constables.",
     {"Battles"}, set()),
    # hard negative: a shopkeeper stays a civilian
    ("Gunmen shot dead a shopkeeper in Kismayo on Tuesday.",
     {"Violence against civilians"}, {"Battles"}),
    # --- a party's members fight no battle, whoever they hurt ----------------------------
    ("Supporters of the BNP beat up two policemen in Bogra on Monday.", set(), {"Battles"}),
    ("Congress workers assaulted a police constable outside the party office in Bhopal.",
     set(), {"Battles"}),
    # hard negatives: an armed group attacking the police fights a battle
    ("Maoist rebels attacked a police patrol in Gadchiroli on Tuesday.", {"Battles"}, set()),
    ("Unknown gunmen attacked a police patrol in Bannu on Monday.", {"Battles"}, set()),
    # --- an armed group named twice is one doer: its target is not told ----------------
    ("Militants of the ULFA opened fire at a tea garden in Tinsukia on Monday, wounding two "
     "workers.", {"Violence against civilians"}, {"Battles"}),
    ("Militants of the NSCN-K opened fire at a bus in Mon district on Monday, injuring four "
     "passengers.", {"Violence against civilians"}, {"Battles"}),
    ("Extremists of the TTP opened fire at a school van in Swat on Monday, wounding two "
     "children.", {"Violence against civilians"}, {"Battles"}),
    # hard negatives: the militants the police shot are the target; an army patrol is
    ("Police shot dead two militants in Tinsukia on Monday.", {"Battles"}, set()),
    ("ULFA militants attacked an army patrol in Tinsukia on Monday.", {"Battles"}, set()),
    # --- a fight a protest is held over is its cause -------------------------------------
    ("Villagers blocked the highway near Imphal on Sunday to protest the gunfight between "
     "two armed groups in their village.", {"Protests"}, {"Battles"}),
    ("Hundreds of women marched in Maiduguri on Monday demanding protection after insurgents "
     "ambushed a military convoy.", {"Protests"}, {"Battles"}),
    # a riot's too: the fight it is held over, or the crowd's own scuffle
    ("Angry residents pelted stones at the police in Sopore on Friday after two militants "
     "were killed in a gunfight nearby.", {"Riots"}, {"Battles"}),
    ("A mob torched a police post in Kulgam on Sunday in anger over the killing of a youth "
     "in an encounter with troops.", {"Riots"}, {"Battles"}),
    ("Two militants died in a gunfight with troops in Sopore on Friday. Angry "
     "residents pelted stones at the police on Saturday.", {"Battles", "Riots"}, set()),
    # hard negatives: no protest in the sentence, or the protest told in the next one
    ("Militants ambushed a military convoy near Maiduguri on Monday, killing four soldiers.",
     {"Battles"}, set()),
    ("Insurgents attacked an army camp in Mon district on Thursday. Students protested in "
     "Kohima the next day.", {"Battles", "Protests"}, set()),
    # --- violence told as the time or the object of the news: reported before -----------
    ("Shops in Bannu stayed shut on Tuesday, a day after the militant attack on the police "
     "station.", set(), {"Battles"}),
    ("Party leaders in Lahore condemned the militant attack on the army post in Bajaur.",
     set(), {"Battles"}),
    ("Mourners in Quetta prayed for those who lost in the gunfight at the "
     "checkpost.", set(), {"Battles"}),
    # hard negatives: the fight itself, and a day after something else
    ("Militants attacked the army post in Bajaur a day after the elections.", {"Battles"},
     set()),
    ("Three militants were killed in the gunfight at the checkpost in Bajaur on Monday.",
     {"Battles"}, set()),
    # --- people displaced or missing are the news, the fighting its background ---------
    ("About 3,000 villagers fled an outbreak of fighting between the army and the KIA near "
     "Hpakant.", set(), {"Battles"}),
    ("Fighting between the army and the TNLA has displaced more than 2,000 people in "
     "Namhsan township.", set(), {"Battles"}),
    ("Eleven villagers are still missing since a series of armed clashes between the army and the "
     "rebels near Tanai.", set(), {"Battles"}),
    # hard negatives: the fight told as news, its displaced people after it
    ("Fighting broke out between the army and the KIA near Hpakant, forcing 500 villagers "
     "to flee their homes.", {"Battles"}, set()),
    ("The army clashed with the TNLA in Namhsan on Monday, displacing 300 villagers.",
     {"Battles"}, set()),
    # hard negative: no protest at all, only fighting that did not happen
    ("Residents feared that the two armed groups could clash again near Imphal.", set(),
     {"Battles"}),
]


@pytest.mark.parametrize("sentence,has,lacks", CASES, ids=[c[0][:50] for c in CASES])
def test_battle_or_not(sentence: str, has: set[str], lacks: set[str]) -> None:
    types = _types(sentence)
    assert has <= types and not lacks & types, types


# (sentence, the one event's actor2, assoc_actor_2): the official is a civilian, his
# government the associated actor, as ACLED names them
ACTORS: list[tuple[str, str, str | None]] = [
    ("Gunmen shot dead a government official in Kismayo on Tuesday.", "Civilians (Somalia)",
     "Government of Somalia"),
    ("Assailants stabbed a senior government official outside his office in Jessore on "
     "Sunday.", "Civilians (Bangladesh)", "Government of Bangladesh"),
    # hard negative: a police officer is his state's forces, no civilian
    ("Gunmen shot dead a police officer in Kismayo on Tuesday.", "Police Forces of Somalia",
     None),
]


@pytest.mark.parametrize("sentence,actor2,assoc", ACTORS, ids=[c[0][:50] for c in ACTORS])
def test_official_is_a_civilian(sentence: str, actor2: str, assoc: str | None) -> None:
    rows = shared_coder().code_texts([sentence], published=PUBLISHED).to_dict("records")
    assert len(rows) == 1, rows
    got = rows[0]["assoc_actor_2"]
    assert rows[0]["actor2"] == actor2 and (got if isinstance(got, str) else None) == assoc, \
        rows[0]


OFFICIALS = ["a government official", "a senior government official",
             "a district government officer", "a government minister"]
FORCES = ["a police officer", "a policeman", "two soldiers", "a police constable"]
DOERS = ["Gunmen", "Unknown assailants", "Militants"]
VERBS = ["shot dead", "gunned down", "opened fire on"]
PLACES = ["Quetta", "Peshawar", "Kismayo", "Jessore"]


@scaled(20)
@given(doer=st.sampled_from(DOERS), verb=st.sampled_from(VERBS),
       place=st.sampled_from(PLACES), official=st.sampled_from(OFFICIALS),
       force=st.sampled_from(FORCES), armed=st.booleans())
def test_officials_are_civilians_forces_fight(doer: str, verb: str, place: str,
                                              official: str, force: str, armed: bool) -> None:
    """Whoever the doer, whatever the verb and the place: an attack on a government's
    official is no battle, the same attack on the police or soldiers is one."""
    target = force if armed else official
    types = _types(f"{doer} {verb} {target} in {place} on Monday.")
    if armed:
        assert "Battles" in types, (target, types)
    else:
        assert "Battles" not in types, (target, types)


PARTY_MEN = ["Supporters of the BNP", "Congress workers", "BJP activists", "TMC men"]
ARMED = ["Maoist rebels", "Unknown gunmen", "Militants"]
POLICE = ["two policemen", "a police constable", "a police officer"]
HURT = ["beat up", "assaulted", "attacked"]


@scaled(20)
@given(party=st.sampled_from(PARTY_MEN), group=st.sampled_from(ARMED),
       police=st.sampled_from(POLICE), verb=st.sampled_from(HURT),
       place=st.sampled_from(PLACES), armed=st.booleans())
def test_party_men_fight_no_battle(party: str, group: str, police: str, verb: str,
                                   place: str, armed: bool) -> None:
    """A party's members who hurt the police fight no battle; an armed group that does
    fights one."""
    doer = group if armed else party
    types = _types(f"{doer} {verb} {police} in {place} on Monday.")
    assert ("Battles" in types) == armed, (doer, types)


GROUPS = ["ULFA", "NSCN-K", "TTP", "Hizbul Mujahideen"]
CIVIL_TARGETS = ["a bus", "a shop", "a tea garden", "a school van"]
ARMED_TARGETS = ["an army patrol", "a police post", "a police van"]


@scaled(20)
@given(group=st.sampled_from(GROUPS), civil=st.sampled_from(CIVIL_TARGETS),
       forces=st.sampled_from(ARMED_TARGETS), place=st.sampled_from(PLACES),
       armed=st.booleans())
def test_group_named_twice_is_one_doer(group: str, civil: str, forces: str, place: str,
                                       armed: bool) -> None:
    """"Militants of X opened fire at a bus" is X's attack on civilians, whoever X is; at
    the state's forces, the same words tell a battle."""
    target = forces if armed else civil
    types = _types(f"Militants of the {group} opened fire at {target} in {place} on Monday.")
    assert ("Battles" in types) == armed, (group, target, types)
