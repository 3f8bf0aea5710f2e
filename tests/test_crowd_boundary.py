"""The crowd boundary (types/protests.yaml, types/riots.yaml, rules/crowds.py,
rules/crowd_property.py): protests told by their course ("began a strike", "a shutdown was
observed"), arson told by its end ("set the office ablaze"), a mob's killing as violence
against civilians, property destroyed by unnamed doers as a riot, and a crowd's protest that
names two states. Every sentence here is written for these tests."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import scaled

PUBLISHED = "2015-06-10"
CROWD_TYPES = {"Protests", "Riots"}
VAC = "Violence against civilians"

# sentence, the crowd event types coded (in text order), the VAC events coded
TABLE: list[tuple[str, list[str], int]] = [
    # --- protests told by their course or their form -----------------------------------
    ("Nurses at the district hospital in Multan have been on strike since Monday over "
     "unpaid salaries.", ["protest"], 0),
    ("Bank employees in Sylhet began a strike on Tuesday, demanding a pay rise.",
     ["protest"], 0),
    ("Pilots of the national airline started a strike in Lahore on Monday.", ["protest"], 0),
    # hard negatives: aircraft that begin a strike are no strikers (protests_cues.yaml)
    ("Pakistani jets began a strike on militant hideouts in Tirah on Monday.", [], 0),
    ("Drones started a strike on a convoy near Marib on Friday.", [], 0),
    ("A complete shutdown was observed in Anantnag on Friday against the arrest of a "
     "cleric.", ["protest"], 0),
    ("About 300 farmers gathered outside the deputy commissioner's office in Bathinda on "
     "Monday.", ["protest"], 0),
    ("Hundreds of students rallied in front of the education ministry in Kathmandu on "
     "Sunday.", ["protest"], 0),
    ("Party workers burnt the chief minister's effigy in Bhopal on Monday.", ["protest"], 0),
    ("Members of the growers' union continued an indefinite fast in Mandya on Thursday.",
     ["protest"], 0),
    ("Villagers squatted on the railway track near Jalandhar for three hours on Monday.",
     ["protest"], 0),
    # hard negatives: a festival's effigy, a negated strike, mourners and markets
    ("Residents burnt an effigy of Ravana in Delhi on Thursday to mark Dussehra.", [], 0),
    ("Teachers in Lahore said they would not go on strike this month.", [], 0),
    ("Mourners gathered at the graveyard in Quetta on Sunday.", [], 0),
    ("Shares rallied sharply in Karachi on Monday.", [], 0),
    ("Investors rallied behind the new chairman in Mumbai on Tuesday.", [], 0),
    ("The rupee rallied against the dollar in Mumbai on Tuesday.", [], 0),
    # an attempt the police stopped is the protest, with intervention
    ("Farmers attempted to demonstrate outside the minister's bungalow in Sangrur. The "
     "police detained about 150 of them.", ["protest_intervention"], 0),
    ("Students tried to march towards the governor's house in Imphal on Tuesday.",
     ["protest"], 0),
    # hard negatives: attempts that are no crowd's
    ("Militants tried to storm an army camp in Kupwara on Monday.", [], 0),
    ("Opposition lawmakers tried to block the bill in the assembly on Monday.", [], 0),
    # --- arson told by its end, with a doer ---------------------------------------------
    ("Angry villagers set the block office ablaze in Gaya on Monday.", ["riot"], 0),
    ("Protesters set three buses ablaze in Khulna on Sunday.", ["riot"], 0),
    ("Strikers set a parked truck on fire in Birgunj on Sunday.", ["riot"], 0),
    # hard negative: a fire no one set
    ("A bus was on fire after a collision near Comilla on Monday.", [], 0),
    # --- property destroyed by unnamed doers, no one hurt: a riot ------------------------
    ("Unidentified assailants set ablaze an empty bus in Bogra early on Friday.",
     ["riot"], 0),
    ("Attackers vandalised a party office in Feni on Sunday night.", ["riot"], 0),
    ("Unknown assailants torched a land office in Jhalakati before dawn on Thursday.",
     ["riot"], 0),
    # hard negatives: people hurt (an attack on civilians), a named armed group's arson
    ("Unknown men hurled petrol bombs into a crowded bus in Gazipur on Monday, leaving "
     "three passengers injured.",
     [], 1),
    ("Taliban militants torched a girls' school in Swat on Monday.", [], 0),
    ("Unidentified militants torched two power transformers in Yala on Monday.", [], 0),
    # --- a mob that kills someone attacks a civilian --------------------------------------
    ("A mob lynched a man accused of cattle theft in Alwar on Monday.", [], 1),
    ("A suspected robber was killed in a mob beating in Comilla on Tuesday.", [], 1),
    ("Villagers lynched a suspected kidnapper in Pabna on Sunday.", [], 1),
    ("A mob killed two suspected extortionists in Tura on Monday.", [], 1),
    # hard negatives: a mob against the police riots; a protest against a lynching
    ("An angry mob attacked the police station in Imphal on Monday.", ["mob_violence"], 0),
    ("Students protested in Delhi on Monday against the lynching of a trader.",
     ["protest"], 0),
    # --- a protest's words are a crowd's, whoever the nearest actor is ------------------
    ("Maoist cadres enforced a bandh across Gaya district on Monday against the new "
     "mining law.", ["protest"], 0),
    ("Shopkeepers protested outside the press club in Quetta on Monday over a killing by "
     "unknown gunmen.", ["protest"], 0),
    # hard negatives: an armed group's arson is no crowd's; a shutdown that is only when
    # an armed group's violence happened
    ("Maoists torched two trucks at a road project in Gaya on Monday.", [], 0),
    ("Militants hurled crude bombs at a truck during the bandh in Natore on Sunday.", [], 0),
    # (unnamed attackers' bombs thrown by hand that hurt no one are a riot, the
    # bandh's: rules/crowd_property.py, tests/test_crowd_thrown.py)
    ("Unknown attackers hurled crude bombs at a truck during the bandh in Natore on "
     "Sunday.", ["riot"], 0),
    # ... but the armed men of a passive ("killed by gunmen") are not the protest's doers
    ("Relatives of a jeweller who was shot dead by three armed men protested in Multan on "
     "Monday.", ["protest"], 0),
    # --- a crowd's protest that names two states is no diplomat's -----------------------
    ("Around fifty demonstrators stood near the Thai embassy in Yangon, protesting a court "
     "ruling against two Myanmar fishermen in Thailand.", ["protest"], 0),
    # hard negative: a state's protest to another
    ("Nepal lodged a strong protest with India over the arrest of two traders.", [], 0),
]


@pytest.mark.parametrize("sentence, crowd, attacks", TABLE, ids=[t[0][:50] for t in TABLE])
def test_crowd_boundary(coder, sentence: str, crowd: list[str], attacks: int) -> None:
    events: pd.DataFrame = coder.code_texts([sentence], published=PUBLISHED)
    summary = events[["event_type", "trigger", "rule"]].to_dict("records")
    got = events[events["acled_event_type"].isin(CROWD_TYPES)]["event_type"].tolist()
    assert got == crowd, summary
    assert int((events["acled_event_type"] == VAC).sum()) == attacks, summary


# -- a country's convention: two groups that fight riot in India (rules/crowd_communal.py) --

COMMUNAL: list[tuple[str, tuple[str, str, str]]] = [
    ("Two communities clashed in Meerut on Monday over a land dispute.",
     ("Riots", "Rioters (India)", "Rioters (India)")),
    ("Two rival groups of party workers clashed in Howrah on Monday.",
     ("Riots", "Rioters (India)", "Rioters (India)")),
    # hard negatives: the same fight where ACLED's coders call it a battle
    ("Two groups of villagers clashed in Pabna on Monday over a land dispute.",
     ("Battles", "Pābna Communal Militia (Bangladesh)", "Pābna Communal Militia (Bangladesh)")),
    ("Two rival clans clashed in Galkayo on Tuesday over grazing land.",
     ("Battles", "Galkayo Communal Militia (Somalia)", "Galkayo Communal Militia (Somalia)")),
]


@pytest.mark.parametrize("sentence, expected", COMMUNAL, ids=[t[0][:40] for t in COMMUNAL])
def test_communal_fights_follow_the_country(coder, sentence: str,
                                            expected: tuple[str, str, str]) -> None:
    events = coder.code_texts([sentence], published=PUBLISHED)
    rows = [(r.acled_event_type, r.actor1, r.actor2) for r in events.itertuples()]
    assert rows == [expected], events[["event_type", "rule"]].to_dict("records")


# -- properties --------------------------------------------------------------------------

DOERS = ["Assailants", "Unidentified assailants", "Unknown attackers", "Attackers"]
DAMAGE = ["torched a bus", "set a land office ablaze", "vandalised a party office",
          "set fire to a parked truck"]
PLACES = ["in Bogra", "in Feni", "near Pabna", "in Jessore"]
HARM = ["", ", leaving two people injured", ", and a passenger died", ", injuring a guard"]


@scaled(40)
@given(doer=st.sampled_from(DOERS), damage=st.sampled_from(DAMAGE),
       place=st.sampled_from(PLACES), harm=st.sampled_from(HARM))
def test_unnamed_damage_is_a_riot_only_when_no_one_is_hurt(doer: str, damage: str,
                                                           place: str, harm: str) -> None:
    """Property an unnamed doer destroyed is a riot exactly when the sentence tells no harm
    to people (then it is no crowd's event at all)."""
    from tests.conftest import shared_coder

    events = shared_coder().code_texts([f"{doer} {damage} {place}{harm} on Monday."],
                                       published=PUBLISHED)
    riots = int((events["acled_event_type"] == "Riots").sum())
    assert riots == (0 if harm else 1), events[["event_type", "rule"]].to_dict("records")


COMMUNAL_SUBJECTS = ["Two communities", "Two rival groups of villagers", "Two rival groups",
                     "Two groups of villagers"]


@scaled(40)
@given(subject=st.sampled_from(COMMUNAL_SUBJECTS),
       where=st.sampled_from([("in Meerut", "Riots"), ("in Aligarh", "Riots"),
                              ("in Pabna", "Battles"), ("in Comilla", "Battles")]))
def test_two_groups_fight_by_the_countrys_convention(subject: str,
                                                     where: tuple[str, str]) -> None:
    """Two groups that fight are a riot in India (its coders' convention), a battle of
    communal militias elsewhere: one event, of that type."""
    from tests.conftest import shared_coder

    place, kind = where
    events = shared_coder().code_texts([f"{subject} clashed {place} on Monday over a land "
                                        "dispute."], published=PUBLISHED)
    assert events["acled_event_type"].tolist() == [kind], events[["event_type", "rule"]]
