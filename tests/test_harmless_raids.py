"""An attack's word that harms no one is no event and the context of none (issue 13).

"raided" or "a raid on" is an attack on civilians only with people hurt in its sentence
(the language's `harmless_triggers`, rules/yields.py). Told with no one hurt, it takes no
other event in (rules/steps.py `absorb`) and no event is dropped as told within it: "police
arrested six militants during a raid on Tuesday" is the arrest.

Sentences written here; each lists the ACLED event types it must have and must not have.
"""

from __future__ import annotations

import pandas as pd
import pytest

from .conftest import shared_coder

PUBLISHED = "2026-05-02"
SD, VAC = "Strategic developments", "Violence against civilians"

CASES: list[tuple[str, set[str], set[str]]] = [
    ("Police detained four insurgents during a raid on Friday.", {SD}, {VAC}),
    ("Soldiers arrested two rebels in raids on Sunday.", {SD}, {VAC}),
    ("Rangers arrested three militants during a raid on Thursday night.", {SD}, {VAC}),
    ("Police detained four suspects during a raid on Friday.", {SD}, {VAC}),
    # with people hurt, the raid is the attack
    ("Four herders were killed during a militia raid on Dogo village on Sunday.", {VAC}, set()),
    # no one hurt, nothing held: no event
    ("Gunmen raided the farm of a retired teacher on Monday.", set(), {VAC}),
]


@pytest.mark.parametrize(("sentence", "has", "lacks"), CASES)
def test_a_raid_that_harms_no_one(sentence: str, has: set[str], lacks: set[str]) -> None:
    frame: pd.DataFrame = shared_coder().code_texts([sentence], published=PUBLISHED)
    types = set(frame["acled_event_type"])
    assert has <= types and not lacks & types, (sentence, types)
    if not has:
        assert types == set(), (sentence, types)
