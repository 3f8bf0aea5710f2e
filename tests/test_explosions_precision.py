"""Explosions/Remote violence as ACLED codes them (issue 13): what is no explosion of its own.

- A blast that a demonstration or a riot in the same sentence is about, or part of, is no
  event of its own (`cause_of` of the explosive types): "students protested against the
  bomb blast", "party workers clashed and hurled crude bombs".
- A bomb held, found or named as what a noun is about went off nowhere: "arrested along
  with three live bombs", "a bomb-making unit", "a bomb threat" (types/explosions_cues.yaml).
- A labour strike is no strike from the air; aircraft that strike ("jets targeted the
  hideouts", "a drone killed four fighters") are one (types/explosions_air.yaml).

Sentences written here; each lists the ACLED event types it must and must not give.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.lexicon import load_lexicon

from .conftest import shared_coder

PUBLISHED = "2026-03-06"
ERV = "Explosions/Remote violence"
VAC = "Violence against civilians"

# (sentence, ACLED event types it must give, ACLED event types it must not give)
CASES: list[tuple[str, set[str], set[str]]] = [
    # --- the blast a demonstration is about: the demonstration is the event -------------
    ("Lawyers staged a rally in Multan on Monday to condemn the grenade attack on a judge.",
     {"Protests"}, {ERV}),
    ("Traders in Kohat held a protest on Sunday against the market bomb blast.",
     {"Protests"}, {ERV}),
    ("Hundreds of villagers marched in Sialkot on Monday to condemn the shelling across "
     "the border.", {"Protests"}, {ERV}),
    # --- bombs as a riot's weapon: part of the riot ------------------------------------
    ("Rival student groups clashed and hurled crude bombs at each other in Rajshahi on "
     "Tuesday.", {"Riots"}, {ERV}),
    ("Rioters torched two buses and blasted crude bombs in Khulna on Sunday.", {"Riots"},
     {ERV}),
    # no crowd named: the riot's words in the sentence tell it
    ("Shops were vandalised and several crude bombs were blasted at the bus stand in Feni "
     "on Monday.", {"Riots"}, {ERV}),
    ("Buses were torched and crude bombs were hurled at the college gate in Bogra on "
     "Sunday.", {"Riots"}, {ERV}),
    # hard negatives: the blast is the event, a demonstration is named only as its place
    # or comes in another sentence
    ("A bomb exploded near a market in Quetta on Monday, killing four people.", {ERV},
     set()),
    ("A roadside bomb killed two soldiers in Kurram on Sunday. Residents later protested "
     "in Parachinar.", {ERV, "Protests"}, set()),
    # --- bombs held, found or named by what they are about ----------------------------
    ("Police arrested two youths along with three live bombs in Rajshahi on Monday.",
     {"Strategic developments"}, {ERV}),
    ("Police arrested a man along with two grenades in Quetta on Sunday.",
     {"Strategic developments"}, {ERV}),
    ("An unexploded mortar shell lay in a field near Jalalabad on Tuesday.", set(), {ERV}),
    ("Soldiers raided a bomb-making factory in Sirte on Friday.", set(), {ERV}),
    ("A bomb threat forced the evacuation of a school in Lahore on Monday.", set(), {ERV}),
    ("Officials said a bomb hoax closed the airport in Juba on Tuesday.", set(), {ERV}),
    # hard negatives: the bomb went off
    ("Militants hurled two bombs at a police van in Rajshahi on Monday.", {ERV}, set()),
    ("A bomb stored in a warehouse exploded in Peshawar on Friday, killing two guards.",
     {ERV}, set()),
    ("A truck carrying explosives blew up in Kabul on Monday, killing nine people.", {ERV},
     set()),
    # --- a labour strike is no air strike ------------------------------------------
    ("The junior doctors called off their strike in Lahore on Friday.", set(), {ERV}),
    ("Government teachers in Ranchi continue their strike over pay.", set(), {ERV}),
    ("Nurses on strike over unpaid wages.", set(), {ERV}),
    ("Lecturers in Abuja are on strike over unpaid salaries.", {"Protests"}, {ERV}),
    ("Bus drivers in Nairobi began strikes to protest the new fuel levy on Monday.",
     {"Protests"}, {ERV}),
    # hard negatives: strikes from the air
    ("Kenyan jets began strikes on al Shabaab positions in Gedo on Sunday, killing 20 "
     "fighters.", {ERV}, set()),
    ("Pakistani warplanes carried out an air strike on a hideout in Tirah on Monday.",
     {ERV}, set()),
    # --- strikes told by the aircraft (types/explosions_air.yaml) ---------------------
    ("Air force jets targeted rebel hideouts in Shawal on Monday, killing 14 militants.",
     {ERV}, {"Battles"}),
    ("Twelve militants were killed when army helicopter gunships targeted their camp in "
     "Khyber on Sunday.", {ERV}, {"Battles"}),
    ("A drone killed four fighters in a compound near Jilib on Tuesday.", {ERV},
     {"Battles"}),
    ("The army launched an aerial offensive in Kurram on Friday, killing nine militants.",
     {ERV}, set()),
    # hard negatives: aircraft with nothing struck, shots fired into the air
    ("Fighter jets flew over the capital during the parade in Islamabad on Friday.", set(),
     {ERV}),
    ("Guards opened aerial fire to disperse the crowd outside the stadium in Lahore.", set(),
     {ERV}),
]


def _types(sentence: str) -> set[str]:
    events = shared_coder().code_texts([sentence], published=PUBLISHED)
    return set(events["acled_event_type"].dropna())


@pytest.mark.parametrize("sentence,has,lacks", CASES, ids=[c[0][:50] for c in CASES])
def test_explosion_or_not(sentence: str, has: set[str], lacks: set[str]) -> None:
    got = _types(sentence)
    assert has <= got and not lacks & got, got


PLACES = ["Anantnag", "Quetta", "Mogadishu", "Peshawar"]
DAYS = ["Monday", "Tuesday", "Friday"]


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(["protested", "staged a rally", "held a demonstration"]),
       st.sampled_from(["the bomb blast", "the grenade attack", "the suicide bombing",
                        "the shelling"]),
       st.sampled_from(PLACES), st.sampled_from(DAYS))
def test_a_blast_a_demonstration_is_about_is_no_explosion(verb: str, blast: str,
                                                          place: str, day: str) -> None:
    types = _types(f"Residents {verb} in {place} on {day} to condemn {blast}.")
    assert ERV not in types, types


def test_explosion_cues_read_only_the_explosive_types() -> None:
    """The cues of types/explosions_cues.yaml read the explosive types only (`only_types`)
    and leave every other type alone."""
    lexicon = load_lexicon()
    explosive = {t.id for t in lexicon.event_types
                 if t.acled_event_type == ERV}
    others = {t.id for t in lexicon.event_types} - explosive
    ours = [c for c in lexicon.cues if c.id in {
        "generic_weapons_unused", "generic_weapons_unused_near", "generic_bomb_compound",
        "generic_labour_strike_more", "generic_labour_strike_after",
        "generic_labour_strike_own", "generic_labour_strike_against"}]
    assert len(ours) == 7
    ids = [t.id for t in lexicon.event_types]
    for cue in ours:
        assert set(cue.only_types) == explosive and set(cue.exempt(ids)) == others, cue.id
