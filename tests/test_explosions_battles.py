"""Explosions/Remote violence as ACLED codes them: when a blast is part of something else.

- Gunfire and explosives named together as one fight are one battle, not a shelling or a
  blast beside it ("kept up firing and shelling", "gunshots and explosions rang out",
  "threw bombs at each other"); an attack named by both weapons ("a gun and bomb attack")
  is typed by its target, as any attack: a battle on a checkpoint, violence against
  civilians at a shrine; a shelling its target answers with fire ("soldiers retaliated and
  killed five", "answered by firing back") is a battle too (types/explosions_mixed.yaml).
- A landmine, a roadside bomb or a device set off by remote is no crowd's weapon: the
  farmers or workers it hurt are its victims, and the blast stays an explosion, not a riot
  (`armed_words` of remote_explosive, types/explosions.yaml).

Sentences written here; each lists the ACLED event types it must and must not give.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .conftest import shared_coder

PUBLISHED = "2026-03-06"
ERV = "Explosions/Remote violence"
VAC = "Violence against civilians"

# (sentence, ACLED event types it must give, ACLED event types it must not give)
CASES: list[tuple[str, set[str], set[str]]] = [
    # --- gunfire and explosives in one fight: a battle --------------------------------
    ("Two porters were hurt in Kupwara on Thursday as Indian posts kept up firing and "
     "shelling across the frontier.", {"Battles"}, {ERV}),
    ("Small arms firing and mortar shelling hit six forward posts in Arnia on Saturday, "
     "officials said.", {"Battles"}, {ERV}),
    ("Troops fired at and shelled a hamlet across the river from Chhamb on Monday.",
     {"Battles"}, {ERV}),
    ("Gunshots and explosions rang out as insurgents raided a police post near Lashio on "
     "Saturday.", {"Battles"}, {ERV}),
    ("Two soldiers died in a gun and rocket attack on their checkpoint near Mir Ali on "
     "Wednesday.", {"Battles"}, {ERV}),
    ("Gangs loyal to two contractors threw bombs at each other near the Bhangar market on "
     "Sunday.", set(), {ERV}),
    # a shelling its target answers with fire: one battle
    ("Mortar rounds slammed into a border hamlet near Kotli on Sunday, and the troops "
     "there answered by firing back.", {"Battles"}, {ERV}),
    ("After a rocket attack on their camp near Razmak on Tuesday, soldiers retaliated and "
     "killed five attackers.", {"Battles"}, {ERV}),
    # hard negative: the answer denied
    ("Rangers shelled two villages near Arnia on Monday, but the Indian side did not fire "
     "back.", {ERV}, {"Battles"}),
    # an attack named by both weapons, on civilians: violence against civilians
    ("A gun and bomb attack on a Sufi shrine in Thatta killed four pilgrims on Friday.",
     {VAC}, {ERV}),
    # hard negatives: explosives alone, or a blast with shots told apart, stay explosions
    ("Pakistani troops shelled three border villages in Poonch on Monday, wounding two "
     "women.", {ERV}, {"Battles"}),
    ("A roadside bomb hit a police van in Kech on Sunday, killing two constables.", {ERV},
     set()),
    ("Militants fired rockets at a market in Bannu on Friday, killing three shoppers.",
     {ERV}, {"Battles"}),
    ("A grenade was hurled at a shop and shots were fired in Sopore on Friday, injuring "
     "three people.", {ERV}, set()),
    # --- a landmine or a device set off by remote is no crowd's weapon -----------------
    ("Three civilians collecting firewood were hurt in a landmine explosion near Kohlu on "
     "Monday.", {ERV}, {"Riots"}),
    ("Three road workers were hurt when a roadside bomb went off near a brick kiln in "
     "Narathiwat on Sunday.", {ERV}, {"Riots"}),
    ("Four workers were hurt as an improvised explosive device exploded at a building site "
     "in Turbat on Tuesday.", {ERV}, {"Riots"}),
    ("Two party workers were killed when a remote-controlled bomb went off near their "
     "office in Bajaur on Friday.", {ERV}, {"Riots"}),
    # hard negatives: a crowd's crude bombs stay its riot
    ("Party activists hurled crude bombs at the police in Rajshahi on Monday.", {"Riots"},
     {ERV}),
    ("Picketers blasted crude bombs on the highway in Feni during the blockade on Tuesday.",
     {"Riots"}, {ERV}),
]


def _types(sentence: str) -> set[str]:
    events = shared_coder().code_texts([sentence], published=PUBLISHED)
    return set(events["acled_event_type"].dropna())


@pytest.mark.parametrize("sentence,has,lacks", CASES, ids=[c[0][:50] for c in CASES])
def test_blast_in_a_fight_or_not(sentence: str, has: set[str], lacks: set[str]) -> None:
    got = _types(sentence)
    assert has <= got and not lacks & got, got


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["firing and shelling", "firing and mortar shelling",
                        "shelling and firing", "gunfire and rockets"]),
       st.sampled_from(["Samba", "Poonch", "Sialkot", "Kathua"]),
       st.sampled_from(["Monday", "Friday"]))
def test_gunfire_with_shells_is_one_battle(fire: str, place: str, day: str) -> None:
    types = _types(f"Indian and Pakistani troops exchanged {fire} in {place} on {day}.")
    assert "Battles" in types and ERV not in types, types


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["a landmine blast", "a roadside bomb blast",
                        "an IED explosion", "a remote-controlled bomb blast"]),
       st.sampled_from(["farmers", "villagers", "labourers", "workers"]),
       st.sampled_from(["Kech", "Bajaur", "Yala"]))
def test_victims_of_a_mine_are_no_crowd(blast: str, who: str, place: str) -> None:
    types = _types(f"Two {who} were injured in {blast} in {place} on Monday.")
    assert ERV in types and "Riots" not in types, types
