"""Battles that ACLED codes and the rules used to miss (issue 13, round 5).

- Firing over a border between two states ("across the Line of Control"): with one state
  named, the other is the state across that border (`_across_border` in
  rules/candidates.py), and a weak word of firing right before the border is anchored by it.
- Two forces that "targeted each other" fought an armed clash (triggers in
  types/battles.yaml).
- "Fighting broke out in several villages ... between X and Y": a weak word is anchored by
  a "between" group that names two distinct sides further on in its clause, unless a comma
  or a place's noun ("the district between") stands in between: the pair is then a place's.
- "The FC" is Pakistan's Frontier Corps, a military organ.
- "Two rival groups" who fight are communal militias in an armed clash (ACLED codes most
  such fights so), not rioters ("two groups" alone and a party's supporters stay a crowd).

Sentences written here; each expected event lists only the fields it pins down.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from .conftest import scaled, shared_coder
from tests.conftest import assert_sentence

PUBLISHED = "2026-03-06"

CASES: list[tuple[str, list[dict[str, Any]]]] = [
    # --- firing over a border: the state on its other side ------------------------------
    ("A Pakistani soldier was killed in firing across the LoC in the Keran sector on Sunday.",
     [dict(acled_event_type="Battles", actor1="Military Forces of Pakistan",
           actor2="Military Forces of India")]),
    ("An Indian army porter was wounded near Uri in firing across the LoC on Sunday.",
     [dict(acled_event_type="Battles", actor1="Military Forces of India",
           actor2="Military Forces of Pakistan")]),
    ("Indian troops opened fire across the LoC in the Kotli sector on Monday.",
     [dict(acled_event_type="Battles", actor1="Military Forces of India",
           actor2="Military Forces of Pakistan")]),
    # --- two forces targeting each other ---------------------------------------------------
    ("Indian and Pakistani soldiers targeted each other's bunkers on the LoC near Uri.",
     [dict(acled_event_type="Battles", actor1="Military Forces of India",
           actor2="Military Forces of Pakistan")]),
    ("The armies of India and Pakistan fired at each other along the border in Sialkot.",
     [dict(acled_event_type="Battles")]),
    # hard negatives: no fire, or none that happened
    ("A Pakistani soldier was killed in a road accident near the LoC in Kotli on Sunday.", []),
    ("Pakistani troops held a flag meeting with Indian officers at the LoC near Poonch.", []),
    ("Indian and Pakistani troops did not target each other along the LoC on Monday.", []),
    # --- fighting between two sides named further on in its clause -------------------------
    ("Fighting erupted on Sunday in three villages near Hpakant between the KIA and "
     "government troops.", [dict(acled_event_type="Battles", actor1="KIA: Kachin "
                                 "Independence Army", actor2="Military Forces of Myanmar")]),
    ("Fighting resumed for a second day near Laukkai between the Kokang rebels and the army.",
     [dict(acled_event_type="Battles", actor2="Military Forces of Myanmar")]),
    # near misses: "between" tells where a place lies, not who fought
    # (the flight is a strategic development of its own: types/strategic.yaml)
    ("Fighting has displaced thousands of villagers in Kachin state, a region on the border "
     "between China and Myanmar.", [dict(event_type="displacement")]),
    # ... though fighting that "resumed" is a battle on its own (types/battles_words.yaml;
    # its sides here, the two states of the border, are a known fault: issue 13 report)
    ("Fighting resumed for a second day in the hills near Laukkai, a town on the border "
     "between Myanmar and China.", [dict(acled_event_type="Battles")]),
    # --- two rival groups of people fighting: communal militias in an armed clash -------
    # (in India ACLED's coders code such a fight as a riot: rules/crowd_communal.py)
    ("A farmer died in a clash of two rival groups fighting over farmland at "
     "Rampur village on Sunday.", [dict(acled_event_type="Riots",
                                         actor2="Rioters (India)")]),
    ("Ten people were injured when rival groups fought over a fish pond in Pabna on Friday.",
     [dict(acled_event_type="Battles")]),
    # hard negatives: a party's supporters, or groups known only as two, stay a crowd
    ("Rival supporters of two council candidates clashed in Khulna on Tuesday.",
     [dict(acled_event_type="Riots")]),
    ("Two groups clashed over a parking dispute in Sylhet on Monday.",
     [dict(acled_event_type="Riots")]),
    # bullets told beside a crowd known only as one: the crowd's riot, not a battle (arms
    # keep a fight a battle for a named group's members: test_battles_precision.py)
    ("Protesters clashed with police in Surkhet on Monday, and two of them suffered bullet "
     "injuries.", [dict(acled_event_type="Riots", actor1="Rioters (Nepal)")]),
    # --- "gunbattle" written as one word ---------------------------------------------------
    ("Security forces and militants were locked in a gunbattle in Shopian on Monday.",
     [dict(acled_event_type="Battles")]),
    ("Two militants were killed in a gunbattle with troops in Kupwara on Tuesday.",
     [dict(acled_event_type="Battles", actor2="Military Forces of India")]),
    ("Police and Maoists fought gunbattles in Sukma district on Sunday.",
     [dict(acled_event_type="Battles", actor1="Police Forces of India")]),
    # hard negative: denied
    ("There was no gunbattle in Shopian on Monday, police said.", []),
    # --- the FC --------------------------------------------------------------------------
    ("The FC killed three militants in Turbat on Tuesday.",
     [dict(acled_event_type="Battles", actor1="Military Forces of Pakistan")]),
    ("The FC raided a hideout near Panjgur and killed two insurgents on Friday.",
     [dict(acled_event_type="Battles", actor1="Military Forces of Pakistan")]),
]


def _coded(sentence: str) -> pd.DataFrame:
    return shared_coder().code_texts([sentence], published=PUBLISHED)


@pytest.mark.parametrize("sentence,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_battle_found(sentence: str, expected: list[dict[str, Any]]) -> None:
    assert_sentence(sentence, expected, PUBLISHED)


@scaled(20)
@given(side=st.sampled_from(["Indian", "Pakistani"]),
       who=st.sampled_from(["soldier", "army porter", "jawan"]),
       how=st.sampled_from(["killed", "wounded", "injured"]),
       line=st.sampled_from(["the LoC", "the Line of Control"]),
       fired=st.booleans())
def test_fire_across_the_line_has_both_states(side: str, who: str, how: str, line: str,
                                              fired: bool) -> None:
    """Whoever is hit and however the line is written: fire across it is a battle of the
    two states, the one named first; a death near the line with no fire is no battle."""
    cause = f"in firing across {line}" if fired else f"in a road accident near {line}"
    sentence = f"A {side} {who} was {how} {cause} in the Kotli sector on Sunday."
    rows = _coded(sentence)
    battles = rows[rows["acled_event_type"] == "Battles"]
    if not fired:
        assert battles.empty, sentence
        return
    states = {"Indian": "India", "Pakistani": "Pakistan"}
    other = "Pakistan" if side == "Indian" else "India"
    assert len(battles) == 1, (sentence, rows[["actor1", "actor2", "rule"]])
    row = battles.iloc[0]
    assert str(row["actor1"]).startswith(f"Military Forces of {states[side]}"), sentence
    assert str(row["actor2"]).startswith(f"Military Forces of {other}"), sentence


# Two sentences run together (no space after the full stop): the sides named first are no
# mediator of the offer that follows; the offer's mediator is the one who offers.
RUN_TOGETHER = [
    ("Pakistan and Afghanistan exchanged fire along the border.The clash killed 5 soldiers "
     "and Qatar offered to mediate between Pakistan and Afghanistan.", "Qatar"),
    ("Afghan and Pakistani troops exchanged fire along the border.killed 5 soldiers, and "
     "Turkey offered to mediate between Islamabad and Kabul.", "Turkey"),
    # near miss: a sentence of its own, as it always was
    ("Qatar offered to mediate between Pakistan and Afghanistan on Sunday.", "Qatar"),
]


@pytest.mark.parametrize("text,mediator", RUN_TOGETHER, ids=[c[0][:50] for c in RUN_TOGETHER])
def test_mediator_is_never_a_side(text: str, mediator: str) -> None:
    rows = _coded(text)
    offers = rows[rows["event_type"] == "mediation_offer"]
    assert len(offers) == 1, rows[["event_type", "actor1", "actor2", "mediators"]]
    row = offers.iloc[0]
    names = list(row["mediators"])
    assert names and all(mediator in n for n in names), names
    assert not {row["actor1"], row["actor2"]} & set(names), row.to_dict()
