"""Blasts and strikes a report tells after a battle, as part of it (rules/battle_parts.py).

A report of a battle often tells its heavy weapons a sentence or two later ("... fought
near the pass. The air force bombed rebel bunkers."): ACLED codes one battle,
not an explosion beside it. A blast told before the battle, further than two sentences
after it, at a place its own sentence names, on civilians, by a named side that is none
of the battle's, after a fight that did not take place, or after another explosion, is
news of its own.

Articles written here; each lists the ACLED event types it must and must not give.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .conftest import shared_coder

PUBLISHED = "2026-03-06"
ERV = "Explosions/Remote violence"

# (article, ACLED event types it must give, ACLED event types it must not give)
CASES: list[tuple[str, set[str], set[str]]] = [
    # --- a battle's heavy weapons told after it ---------------------------------------
    ("Government troops and Kachin rebels fought near Hpakant on Monday. The air force "
     "bombed rebel bunkers later in the day.", {"Battles"}, {ERV}),
    ("Rebels ambushed an army convoy near Namhsan on Tuesday. A mine blast destroyed the "
     "lead truck.", {"Battles"}, {ERV}),
    ("Soldiers clashed with militants in Kurram on Friday. Mortar shells landed in a "
     "nearby village, wounding two women.", {"Battles"}, {ERV}),
    ("Security forces and insurgents exchanged fire near Tura on Sunday. Residents said the "
     "area stayed tense. The insurgents blew up a culvert as they withdrew.", {"Battles"},
     {ERV}),
    # --- hard negatives: news of its own ---------------------------------------------
    # told before the battle
    ("A roadside bomb hit an army truck near Wana on Monday. Troops then clashed with the "
     "attackers.", {ERV, "Battles"}, set()),
    # told three sentences after it
    ("Troops clashed with rebels near Laiza on Monday. The fighting forced hundreds to "
     "flee. Aid groups asked for access. A bomb exploded at a market in Myitkyina on "
     "Tuesday, wounding six.", {ERV, "Battles"}, set()),
    # at a place its own sentence names
    ("Troops clashed with rebels near Laiza on Monday. Jets struck villages near Bhamo "
     "later that day, killing nine.", {ERV, "Battles"}, set()),
    # on civilians
    ("Soldiers clashed with militants in Kurram on Friday. A bomb exploded in a crowded "
     "market, killing six shoppers.", {ERV, "Battles"}, set()),
    # by a named side that is none of the battle's
    ("Afghan and Pakistani forces exchanged fire at Torkham on Monday. US drones struck a "
     "Taliban compound, killing four fighters.", {ERV, "Battles"}, set()),
    # after a fight that did not take place
    ("The two sides agreed on Monday to end the fighting in Kurram. A bomb exploded at a "
     "market in Parachinar, killing four.", {ERV}, set()),
    # after another explosion
    ("On Friday a suicide bomber detonated his vest inside a mosque in Quetta. A second "
     "bomb exploded outside an hour later.", {ERV}, set()),
]


def _types(article: str) -> set[str]:
    events = shared_coder().code_texts([article], published=PUBLISHED)
    return set(events["acled_event_type"].dropna())


@pytest.mark.parametrize("article,has,lacks", CASES, ids=[c[0][:50] for c in CASES])
def test_blast_after_a_battle(article: str, has: set[str], lacks: set[str]) -> None:
    got = _types(article)
    assert has <= got and not lacks & got, got


FILLERS = ["Residents said the area stayed tense.", "Schools in the district stayed shut.",
           "Aid groups asked for access to the area."]


@settings(max_examples=20, deadline=None)
@given(st.integers(min_value=0, max_value=3),
       st.sampled_from(["Troops clashed with rebels near Laiza on Monday.",
                        "Soldiers and militants exchanged fire in Kurram on Monday."]),
       st.sampled_from(["Mortar shells landed in a village nearby, wounding two women.",
                        "A roadside bomb went off near the post, wounding two soldiers."]))
def test_a_blast_is_part_of_the_battle_only_close_after_it(fillers: int, battle: str,
                                                           blast: str) -> None:
    """Told one or two sentences after the battle, the blast is part of it; three or more
    sentences after, it is news of its own."""
    article = " ".join([battle, *FILLERS[:fillers], blast])
    types = _types(article)
    assert "Battles" in types
    assert (ERV in types) == (fillers >= 2), (fillers, types)
