"""Armed people named by what they do, and violence a gathering remembers (issue 13).

- "Infiltrators" are an armed side (an unidentified armed group): troops who kill them
  fight a battle, they attack no civilians (types/battles_armed_words.yaml).
- Village defence volunteers are armed by their state, under its army: an attack on their
  post is a battle (same file); one on a volunteer at home stays an attack on a civilian
  (`off_duty_phrases`). So are a government's positions and bases (its forces', where its
  officials are civilians).
- Violence told as what a vigil, a tribute or a march remembers ("a vigil for the victims
  of the bombing", "paid tribute to two teachers who were murdered") was reported before:
  no new attack (cue `reference_remembered`, types/civilians_remembered.yaml).

Sentences written here; each lists the ACLED event types it must have and must not have.
"""

from __future__ import annotations

import pandas as pd
import pytest

from .conftest import shared_coder

PUBLISHED = "2026-05-09"
VAC, BATTLES = "Violence against civilians", "Battles"

CASES: list[tuple[str, set[str], set[str]]] = [
    ("Soldiers shot dead three infiltrators near the border fence on Sunday.",
     {BATTLES}, {VAC}),
    ("Two infiltrators were killed by troops in Keran sector on Friday.", {BATTLES}, {VAC}),
    ("Insurgents attacked a post of defence volunteers in Narathiwat, wounding four.",
     {BATTLES}, {VAC}),
    ("Gunmen fired on a checkpoint manned by village defense volunteers, killing one.",
     {BATTLES}, {VAC}),
    # a government's positions are its forces', its officials are civilians
    ("Rebel fighters attacked government positions north of the town on Monday.",
     {BATTLES}, {VAC}),
    ("Gunmen shot dead a government official outside his office in Lahore on Monday.",
     {VAC}, {BATTLES}),
    # hard negatives: people attacked are civilians still
    ("Gunmen shot dead two rubber tappers in Narathiwat on Monday.", {VAC}, {BATTLES}),
    # remembered, not new
    ("Hundreds joined a candlelight vigil for the two girls who were murdered last month.",
     set(), {VAC}),
    ("Hundreds paid tribute to a teacher who was shot dead by gunmen last week.",
     set(), {VAC}),
    ("Villagers gathered in memory of two farmers who were hacked to death last year.",
     set(), {VAC}),
    ("Students marched in the wake of the acid attack on two schoolgirls in the town.",
     set(), {VAC}),
    # hard negative: the attack itself, told on its own
    ("Gunmen shot dead a teacher outside his school in the town on Friday.", {VAC}, set()),
]


@pytest.mark.parametrize(("sentence", "has", "lacks"), CASES)
def test_armed_people_and_remembered_violence(sentence: str, has: set[str],
                                              lacks: set[str]) -> None:
    frame: pd.DataFrame = shared_coder().code_texts([sentence], published=PUBLISHED)
    types = set(frame["acled_event_type"])
    assert has <= types and not lacks & types, (sentence, types)
