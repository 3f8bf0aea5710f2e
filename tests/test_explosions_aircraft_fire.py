"""Explosions/Remote violence: fire told as coming from aircraft is an air strike.

"Killed five militants via jet fighter aerial fire", "raked the ridge with heavy fire from
jet fighters": the aircraft and the fire as one phrase are the strike's trigger, not the
gunfire of a clash that would take the strike in (types/explosions_air_fire.yaml). Fire
with no aircraft stays a clash's, and "aerial fire" alone (shooting into the air) is no
strike.

Sentences written here; each lists the ACLED event types it must and must not give.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .conftest import shared_coder

PUBLISHED = "2026-03-06"
ERV = "Explosions/Remote violence"
AIR = "Air/drone strike"

# (sentence, ACLED event types it must give, ACLED event types it must not give)
CASES: list[tuple[str, set[str], set[str]]] = [
    ("Troops killed four suspected insurgents and wounded two via jet fighter aerial fire "
     "near Bara on Sunday.", {ERV}, {"Battles"}),
    ("At least nine militants died near Miranshah on Monday as the air force pounded "
     "their hideouts with heavy fire from jet fighters.", {ERV}, {"Battles"}),
    ("Six fighters were killed in Datta Khel on Friday by fire from helicopter gunships.",
     {ERV}, {"Battles"}),
    ("The army said heavy fire from fighter jets killed eleven insurgents near Mir Ali on "
     "Tuesday.", {ERV}, {"Battles"}),
    # hard negatives: gunfire with no aircraft is a clash's; fire into the air no strike
    ("Troops and militants exchanged heavy fire near Mir Ali on Tuesday, leaving three "
     "militants dead.", {"Battles"}, {ERV}),
    ("Party activists opened aerial fire outside a polling station in Hyderabad on "
     "Sunday.", set(), {ERV}),
]


def _types(sentence: str) -> set[str]:
    events = shared_coder().code_texts([sentence], published=PUBLISHED)
    return set(events["acled_event_type"].dropna())


@pytest.mark.parametrize("sentence,has,lacks", CASES, ids=[c[0][:50] for c in CASES])
def test_fire_from_aircraft(sentence: str, has: set[str], lacks: set[str]) -> None:
    got = _types(sentence)
    assert has <= got and not lacks & got, got


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(["heavy fire from jet fighters", "fire from fighter jets",
                        "heavy fire from helicopter gunships", "fire from fighter aircraft"]),
       st.sampled_from(["Tirah", "Datta Khel", "Shawal"]),
       st.sampled_from(["Monday", "Friday"]))
def test_aircraft_fire_is_a_strike(fire: str, place: str, day: str) -> None:
    events = shared_coder().code_texts(
        [f"Seven militants were killed in {place} on {day} by {fire}."], published=PUBLISHED)
    assert AIR in set(events["acled_sub_event_type"].dropna()), events
    assert "Battles" not in set(events["acled_event_type"].dropna()), events
