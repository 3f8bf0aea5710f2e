"""Battles: a shelling its target answers in the next sentence is one battle.

"... resorted to heavy shelling on border villages. The rangers retaliated with full
force.": the exchange of fire over a frontier is ACLED's armed clash, as when the answer is
told in the shelling's own sentence (rules/battle_parts.py, `answered_shellings`;
types/explosions_shelling.yaml). A shelling with no answer, an answer denied or doubted
("did not retaliate", "no reports on whether the army retaliated"), or an answer two
sentences on stays a shelling. Firing across the Line of Control ("cross-LoC firing") is a
clash with no side named (types/battles_cross_border.yaml). The shelling's kind or
weight ("unprovoked mortar shelling", "heavy shelling") tells it with its side further
back. A trigger that is a verb with its object after a noun ("the patrol returned fire")
is no definite mention of an event told before (rules/candidates.py, `_is_anaphoric`).

Sentences written here; each lists the ACLED event types it must and must not give.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .conftest import shared_coder

PUBLISHED = "2026-03-06"
ERV = "Explosions/Remote violence"

# (text, ACLED event types it must give, ACLED event types it must not give)
CASES: list[tuple[str, set[str], set[str]]] = [
    ("Pakistani troops resorted to heavy mortar shelling on Indian posts in Poonch on "
     "Monday. The Indian Army retaliated.", {"Battles"}, {ERV}),
    ("Indian troops resorted to unprovoked mortar shelling of two hamlets near "
     "Shakargarh on Friday night. Pakistani Rangers responded immediately.",
     {"Battles"}, {ERV}),
    ("Rangers started heavy shelling on border hamlets near Kathua on Sunday. The BSF "
     "retaliated with full force.", {"Battles"}, {ERV}),
    ("Pakistani troops shelled forward posts near Uri on Wednesday. Indian soldiers fired "
     "back, officials said.", {"Battles"}, {ERV}),
    # hard negatives: no answer, an answer denied or doubted, an answer further on
    ("Pakistani troops resorted to heavy mortar shelling on Indian posts in Poonch on "
     "Monday.", {ERV}, {"Battles"}),
    ("Rangers started heavy shelling on border hamlets near Kathua on Sunday. The BSF did "
     "not retaliate.", {ERV}, {"Battles"}),
    ("Pakistan started intense shelling along the frontier near Mendhar on Thursday. There "
     "was no word on whether the Indian Army retaliated.", {ERV}, {"Battles"}),
    ("Rangers started heavy shelling on border hamlets near Kathua on Sunday. Two houses "
     "were damaged. The BSF retaliated later.", {ERV}, {"Battles"}),
    # a qualified shelling coordinated with gunfire stays one fight (explosions_mixed.yaml)
    ("Pakistani troops resorted to heavy mortar shelling and firing on Indian posts in "
     "Poonch on Monday.", {"Battles"}, {ERV}),
    ("Rangers opened intense shelling and firing on six forward posts near Kanachak on "
     "Tuesday.", {"Battles"}, {ERV}),
    # firing across the Line of Control by its short name: a clash with no side named
    ("An army porter was killed on Monday in cross-LoC firing in Keran.", {"Battles"},
     set()),
    ("A jawan was injured in cross-LoC fire in the Gurez sector on Friday.", {"Battles"},
     set()),
    # hard negatives: shelling across the line stays a shelling; the line alone no event
    ("A shopkeeper was killed by cross-LoC shelling in Kotli on Friday.", {ERV},
     {"Battles"}),
    ("The LoC fence near Keran was repaired on Monday after firing practice.", set(),
     {"Battles", ERV}),
    # fire returned by a side named before the verb ("the patrol returned fire"): the
    # trigger is a verb and its object, no reference back to an event told before
    ("Insurgents fired on an army patrol in Laukkai town before withdrawing when the "
     "patrol returned fire.", {"Battles"}, set()),
    ("A school guard in Rueso was shot and wounded by a gunman who fled after the guard "
     "returned fire.", {"Battles"}, set()),
    ("Gunmen fired at a checkpoint in Tank on Monday and the sentries returned fire.",
     {"Battles"}, set()),
    # hard negatives: a definite mention of a fight told before adds no event
    ("Two villagers were hurt in Laukkai on Monday. The exchange of fire lasted an hour.",
     set(), {"Battles"}),
    # an answer to something else than a shelling makes no battle of it
    ("A bomb exploded near a market in Quetta on Monday. The government responded with a "
     "curfew.", {ERV}, {"Battles"}),
]


def _types(text: str) -> set[str]:
    events = shared_coder().code_texts([text], published=PUBLISHED)
    return set(events["acled_event_type"].dropna())


@pytest.mark.parametrize("text,has,lacks", CASES, ids=[c[0][:50] for c in CASES])
def test_answered_shelling(text: str, has: set[str], lacks: set[str]) -> None:
    got = _types(text)
    assert has <= got and not lacks & got, got


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["resorted to heavy shelling on", "resorted to unprovoked mortar "
                        "shelling on", "started heavy shelling on"]),
       st.sampled_from(["retaliated", "responded accordingly", "fired back",
                        "returned fire"]),
       st.sampled_from(["Samba", "Poonch", "Sialkot", "Kathua"]))
def test_reply_makes_a_battle(shelling: str, reply: str, place: str) -> None:
    opening = f"Border guards {shelling} villages near {place} on Monday."
    assert _types(opening) == {ERV}
    types = _types(f"{opening} The troops across the border {reply}.")
    assert "Battles" in types and ERV not in types, types
