"""Explosions/Remote violence told by words the explosive types missed.

- Aircraft and what they did, as one phrase ("fighter aircraft pounded their hideouts",
  "jet fighters pounded the camps", "the air force pounded the valley", and the common
  misspelling "arial strikes"): the aircraft
  alone are weak words, and read leftmost-longest they would cover the verb that tells
  the strike; "pounded" alone is a shelling (types/explosions_air.yaml).
- One shell or missile told by who fired it or where it fell ("a shell fired by the army
  fell on the house", "a missile landed outside the hospital"), mortar bombs, bombings, a
  device told by how it is set off ("a remote-controlled device"): types/explosions.yaml
  and types/explosions_air.yaml.

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
    ("Five militants were killed when fighter aircraft pounded their hideouts in Tirah "
     "on Sunday.", {"airstrike"}, {"clash"}),
    ("Nine insurgents died when jet fighters pounded their camps near Datta Khel on "
     "Monday.", {"airstrike"}, {"clash"}),
    ("The air force pounded hideouts in Shawal on Tuesday, killing 40 militants.",
     {"airstrike"}, {"shelling", "clash"}),
    ("Helicopter gunships pounded rebel positions near Hpakant on Friday, killing six "
     "fighters.", {"airstrike"}, {"clash"}),
    # a common misspelling: "arial strikes" alone is a weak "strikes" that finds no anchor
    ("Two militants, including a commander, were killed and several others sustained "
     "injuries during arial strikes in Tirah on Monday.", {"airstrike"}, set()),
    # --- shells, mortar bombs, bombings, devices ------------------------------------
    ("A boy was killed when a shell fired by government troops fell on his house in "
     "Laukkai on Monday.", {"shelling"}, set()),
    ("A teacher was wounded when a shell landed near a school in Poonch on Friday.",
     {"shelling"}, set()),
    ("Four bombings by suspected insurgents hit Sungai Kolok on Friday night, killing "
     "two.", {"remote_explosive"}, set()),
    ("Separatists planted a remote-controlled device under a bridge in Quetta on Monday, "
     "wounding two passers-by.", {"remote_explosive"}, set()),
    ("A missile landed outside the children's hospital in Misrata on Tuesday, shattering "
     "windows.", {"airstrike"}, set()),
    ("On Monday, a missile hit the parking lot of the university in Derna, destroying two "
     "cars.", {"airstrike"}, set()),
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
    types = _types(f"Seven militants were killed when {aircraft} {verb} their hideouts "
                   f"in {place} on Monday.")
    assert "airstrike" in types and "clash" not in types, types
