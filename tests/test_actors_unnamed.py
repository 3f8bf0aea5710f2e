"""Actors the text does not name, as ACLED names them: the unidentified armed group behind a
bomb, the dead of a toll as an attack's target, named state forces as their state's organ,
and the force a crowd faced (in its sentence or reported after it). Sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest

import eventcoder

PUBLISHED = "2015-06-10"


def _events(coder: eventcoder.Coder, text: str) -> list[tuple[Any, Any, Any]]:
    table = coder.code_texts([text], published=PUBLISHED)
    return [(r.acled_sub_event_type, _name(r.actor1), _name(r.actor2))
            for r in table.itertuples()]


def _name(value: Any) -> str | None:
    return value if isinstance(value, str) else None


UAG = "Unidentified Armed Group"
# A bomb no one is named for is the unidentified armed group's; its dead, people no one
# names otherwise, are civilians. A named doer's strike keeps its dead unnamed (they may be
# its enemies), and no one hurt is no target.
UNNAMED = [
    ("A bomb went off outside a bank in Quetta on Monday, killing four people.",
     [("Remote explosive/landmine/IED", f"{UAG} (Pakistan)", "Civilians (Pakistan)")]),
    ("A landmine exploded under a tractor in Kandahar on Tuesday, killing three farmers.",
     [("Remote explosive/landmine/IED", f"{UAG} (Afghanistan)", "Civilians (Afghanistan)")]),
    ("An explosive device blew up near a bus stop in Dhaka on Sunday. No one was hurt.",
     [("Remote explosive/landmine/IED", f"{UAG} (Bangladesh)", None)]),
    ("A shopkeeper was stabbed to death in Multan on Sunday.",
     [("Attack", f"{UAG} (Pakistan)", "Civilians (Pakistan)")]),
    # hard negatives: a named doer, named attackers
    ("Pakistani jets bombed hideouts in North Waziristan on Monday, killing 12 people.",
     [("Air/drone strike", "Military Forces of Pakistan", None)]),
    ("Gunmen shot dead a shopkeeper in Karachi on Sunday.",
     [("Attack", f"{UAG} (Pakistan)", "Civilians (Pakistan)")]),
]

# The dead of a toll are the target of an attack whose doer is unnamed, in whichever clause
# the toll is told: soldiers and police as their state's forces, civilians as civilians; a
# party's member or a nationality is no side (the dead are civilians). The dead of a toll
# told before the trigger are never its doer.
TOLLS = [
    ("Two soldiers were killed when a roadside bomb exploded near their convoy in Bannu on "
     "Monday.", [("Remote explosive/landmine/IED", f"{UAG} (Pakistan)",
                  "Military Forces of Pakistan")]),
    ("Three policemen were killed when a bomb exploded beside a checkpost in Quetta on Sunday.",
     [("Remote explosive/landmine/IED", f"{UAG} (Pakistan)", "Police Forces of Pakistan")]),
    ("Five civilians were killed when a bomb went off in a market in Peshawar on Sunday.",
     [("Remote explosive/landmine/IED", f"{UAG} (Pakistan)", "Civilians (Pakistan)")]),
    ("Two soldiers died in a roadside bomb blast in Bannu on Monday.",
     [("Remote explosive/landmine/IED", f"{UAG} (Pakistan)", "Military Forces of Pakistan")]),
    # hard negatives
    ("An Awami League activist was killed when a crude bomb exploded in Feni on Sunday.",
     [("Remote explosive/landmine/IED", f"{UAG} (Bangladesh)", "Civilians (Bangladesh)")]),
    ("A Bangladeshi trader was killed when a crude bomb exploded in Feni on Sunday.",
     [("Remote explosive/landmine/IED", f"{UAG} (Bangladesh)", "Civilians (Bangladesh)")]),
    ("Security forces killed 12 militants in air strikes in North Waziristan on Monday.",
     [("Air/drone strike", "Military Forces of Pakistan", None)]),
]

# Named forces code as their state's organ (ACLED names no force of its own here).
FORCES = [
    ("BSF troops and Pakistani Rangers exchanged fire along the border in Samba on Sunday.",
     [("Armed clash", "Military Forces of India", "Military Forces of Pakistan")]),
    ("CRPF personnel clashed with Maoists in Sukma on Sunday.",
     [("Armed clash", "Police Forces of India",
       "CPI (Maoist): Communist Party of India (Maoist)")]),
    ("RAB members clashed with robbers in Narayanganj on Sunday, killing two of them.",
     None),  # only the organ is checked below: Police Forces of Bangladesh takes part
    ("Tatmadaw troops clashed with the TNLA in Shan State on Sunday.",
     [("Armed clash", "Military Forces of Myanmar", "TNLA: Ta'ang National Liberation Army")]),
    # hard negative: a team of that name
    ("The Rangers beat the Devils 3-1 in Karachi on Sunday.", []),
]


@pytest.mark.parametrize("text,events", UNNAMED + TOLLS + [f for f in FORCES if f[1] is not None],
                         ids=[t[:50] for t, e in UNNAMED + TOLLS + FORCES if e is not None])
def test_unnamed_actors_as_acled_names_them(coder, text: str,
                                            events: list[tuple[str, str, str | None]]) -> None:
    assert _events(coder, text) == events


def test_a_named_force_is_its_states_organ(coder) -> None:
    names = {n for _, a1, a2 in _events(coder, FORCES[2][0]) for n in (a1, a2)}
    assert "Police Forces of Bangladesh" in names


# The force a protest faced is its actor2: named before the protest word, or in a later
# clause or sentence of the report (an arrest makes it a protest with intervention); not
# the force it is about ("against the police", "killed by police", "police protection"),
# nor the one that tells of it, nor police who arrested someone before the crowd gathered.
CROWDS = [
    ("Police were deployed as traders protested outside the municipal office in Multan on "
     "Sunday.", [("Peaceful protest", "Protesters (Pakistan)", "Police Forces of Pakistan")]),
    ("Textile workers protested outside the labour office in Ludhiana on Monday. Police "
     "detained 20 of the protesters.",
     [("Protest with intervention", "Protesters (India)", "Police Forces of India")]),
    ("Teachers held a rally in Kathmandu on Monday. Police were deployed to keep order.",
     [("Peaceful protest", "Protesters (Nepal)", "Police Forces of Nepal")]),
    # hard negatives
    ("Traders protested outside the municipal office in Multan on Monday, police said.",
     [("Peaceful protest", "Protesters (Pakistan)", None)]),
    ("Police said traders protested outside the municipal office in Multan on Monday.",
     [("Peaceful protest", "Protesters (Pakistan)", None)]),
    ("Residents protested against the police in Lucknow on Monday over the death of a "
     "youth.", [("Peaceful protest", "Protesters (India)", None)]),
    ("Lawyers protested in Lahore on Monday against the killing of a clerk by police.",
     [("Peaceful protest", "Protesters (Pakistan)", None)]),
    ("Students held a rally in Dhaka on Monday demanding police protection for teachers.",
     [("Peaceful protest", "Protesters (Bangladesh)", None)]),
    ("Police arrested three men in connection with the murder of a shopkeeper in Multan on "
     "Monday. Traders protested against the killing in Multan on Monday.",
     [("Arrests", "Police Forces of Pakistan", None),
      ("Peaceful protest", "Protesters (Pakistan)", None)]),
]


@pytest.mark.parametrize("text,events", CROWDS, ids=[t[:50] for t, _ in CROWDS])
def test_the_force_a_crowd_faced(coder, text: str,
                                 events: list[tuple[str, str, str | None]]) -> None:
    assert _events(coder, text) == events


def test_an_unplaced_force_is_no_unnamed_doer(coder) -> None:
    """"Security forces" of a state the article never tells are still the doer: no
    unidentified armed group stands in for them."""
    events = _events(coder, "Security forces bombed hideouts in the hills on Monday, "
                            "killing 12 militants.")
    assert events and all(UAG not in (a1 or "") for _, a1, _ in events)


def test_a_force_in_a_later_clause_faced_the_crowd(coder) -> None:
    events = _events(coder, "Farmers protested outside the collectorate in Nashik on Monday, "
                            "after which police detained their leaders.")
    assert [(a1, a2) for _, a1, a2 in events] == [("Protesters (India)",
                                                   "Police Forces of India")]


# Party activists who clash are a crowd that riots (the party its associated actor), not
# the party's militia in battle; the dead of a toll are no crowd that fights.
PARTY_CROWDS = [
    ("BNP activists clashed with police in Feni on Monday.",
     [("Violent demonstration", "Rioters (Bangladesh)", "Police Forces of Bangladesh")]),
    ("Congress activists clashed with BJP followers in Indore on Sunday.",
     [("Violent demonstration", "Rioters (India)", "Rioters (India)")]),
    # hard negatives
    ("Two aid workers were shot dead in Kandahar on Monday.",
     [("Attack", f"{UAG} (Afghanistan)", "Civilians (Afghanistan)")]),
    ("TTP fighters clashed with soldiers in Bannu on Monday.",
     [("Armed clash", "TTP: Tehreek-i-Taliban Pakistan", "Military Forces of Pakistan")]),
]


@pytest.mark.parametrize("text,events", PARTY_CROWDS, ids=[t[:50] for t, _ in PARTY_CROWDS])
def test_party_activists_who_clash_riot(coder, text: str,
                                        events: list[tuple[str, str, str | None]]) -> None:
    assert _events(coder, text) == events


def test_the_dead_of_a_toll_are_no_crowd_that_fights(coder) -> None:
    events = _events(coder, "Two rights activists were shot dead in Karachi on Monday.")
    assert events and all(sub not in {"Violent demonstration", "Mob violence"}
                          for sub, _, _ in events)


def test_the_police_a_crowd_faced_are_of_the_crowds_country(coder) -> None:
    """No place, no state named: the crowd's group tells its country, and the police it
    fought are that country's."""
    events = _events(coder, "Shiv Sena activists clashed with police on Monday.")
    assert events == [("Violent demonstration", "Rioters (India)", "Police Forces of India")]


def test_an_air_strike_has_no_unidentified_armed_group(coder) -> None:
    """Aircraft no one names are a state's: no armed group stands in for the doer."""
    events = _events(coder, "Coalition jets pounded the port of Hodeidah on Monday.")
    assert events and all(UAG not in (a1 or "") for _, a1, _ in events)
