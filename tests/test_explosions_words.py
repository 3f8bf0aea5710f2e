"""Explosions/Remote violence told by words the explosive types missed.

- Aircraft and what they did, as one phrase ("fighter aircraft pounded a camp", "jet
  fighters pounded the bunkers", "the air force pounded the ridge", and the common
  misspelling "arial strikes"): the aircraft
  alone are weak words, and read leftmost-longest they would cover the verb that tells
  the strike; "pounded" alone is a shelling (types/explosions_air.yaml).
- One shell or missile told by who fired it or where it fell ("a shell fired by the rebels
  fell on a shop", "a missile landed near the school"), mortar bombs, bombings, a device
  told by how it is set off ("a remote-controlled device"): types/explosions.yaml and
  types/explosions_air.yaml.

Sentences written here; each lists eventcoder's event types it must and must not give.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .conftest import shared_coder

PUBLISHED = "2026-03-06"

# (sentence, event types it must give, event types it must not give)
CASES: list[tuple[str, set[str], set[str]]] = [
    # --- aircraft and what they did -------------------------------------------------
    ("Fighter aircraft pounded a militant training camp near Mir Ali on Sunday, killing "
     "eleven.", {"airstrike"}, {"clash"}),
    ("Jet fighters pounded insurgent bunkers in the hills above Datta Khel on Monday, "
     "killing nine.", {"airstrike"}, {"clash"}),
    ("The air force pounded a rebel-held ridge east of Shawal on Tuesday, killing 40 "
     "fighters.", {"airstrike"}, {"shelling", "clash"}),
    ("Helicopter gunships pounded rebel positions near Hpakant on Friday, killing six "
     "fighters.", {"airstrike"}, {"clash"}),
    # a common misspelling: "arial strikes" alone is a weak "strikes" that finds no anchor
    ("Four fighters sustained injuries in arial strikes on a compound in Bajaur on "
     "Monday.", {"airstrike"}, set()),
    # --- shells, mortar bombs, bombings, devices ------------------------------------
    ("A shell fired by the rebels fell on a tea shop in Kutkai on Monday, wounding "
     "three.", {"shelling"}, set()),
    ("A teacher was wounded when a shell landed near a school in Poonch on Friday.",
     {"shelling"}, set()),
    ("Three bombings by insurgents hit Yala town on Friday night, killing two traders.",
     {"remote_explosive"}, set()),
    ("A remote-controlled device tore through a police van in Mastung on Monday, wounding "
     "four.", {"remote_explosive"}, set()),
    ("Two schoolchildren were hurt when a missile landed near their school in Derna on "
     "Tuesday.", {"airstrike"}, set()),
    ("A missile hit a fuel depot outside Tobruk on Monday, wounding two guards.",
     {"airstrike"}, set()),
    # hard negatives: aircraft that strike nothing, a crowd's tear gas, the oil company
    ("Fighter jets flew over the city during the parade in Karachi on Sunday.", set(),
     {"airstrike", "shelling"}),
    ("Police fired a tear gas shell at the crowd in Srinagar on Friday.", set(),
     {"shelling"}),
    ("Oil major Shell fired 300 staff at its Lagos office on Monday.", set(),
     {"shelling"}),
    ("Shell hit a record profit in Lagos on Monday.", set(), {"shelling"}),
]


def _types(sentence: str) -> set[str]:
    events = shared_coder().code_texts([sentence], published=PUBLISHED)
    return set(events["event_type"].dropna())


@pytest.mark.parametrize("sentence,has,lacks", CASES, ids=[c[0][:50] for c in CASES])
def test_explosion_words(sentence: str, has: set[str], lacks: set[str]) -> None:
    got = _types(sentence)
    assert has <= got and not lacks & got, got


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["fighter aircraft", "jet fighters", "fighter jets",
                        "gunship helicopters"]),
       st.sampled_from(["pounded", "targeted", "bombed"]),
       st.sampled_from(["Tirah", "Shawal", "Kalay"]))
def test_aircraft_and_their_verb_are_a_strike(aircraft: str, verb: str, place: str) -> None:
    types = _types(f"{aircraft.capitalize()} {verb} a rebel depot near {place} on Monday, "
                   f"killing seven fighters.")
    assert "airstrike" in types and "clash" not in types, types
