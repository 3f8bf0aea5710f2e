"""Battles, round 9: the state's forces killed, no one named for it.

"Two soldiers were killed in Wau": with no doer and no other event in the sentence, the
toll of the state's forces is an attack on them by someone the report does not name, read
as the clash's passive type with the forces its target, whose `retype` makes it ACLED's
armed clash (an attack on them at home stays one on civilians: types/battles_off_duty.yaml)
(rules/candidates.py, `_forces_toll`). A sentence with a cue that drops (a mishap: "in a
road accident", types/cues.yaml `generic_mishap`; a denial), or a clause after the toll
that tells its cause ("when their truck hit a landmine"), gives none; civilians killed so
are no battle.

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

# (text, ACLED event types it must give, ACLED event types it must not give)
CASES: list[tuple[str, set[str], set[str]]] = [
    ("Three soldiers were killed in Malakal on Tuesday.", {"Battles"}, set()),
    ("A police constable was killed in Kismayo.", {"Battles"}, set()),
    ("At least four troopers killed and two wounded near Gao.", {"Battles"}, set()),
    # hard negatives: a mishap, a cause told after, off duty, a denial, civilians
    ("Two soldiers died in a road accident near Kalat.", set(), {"Battles"}),
    ("Four soldiers were killed when their helicopter crashed near Gilgit.", set(),
     {"Battles"}),
    ("Two soldiers were killed when their truck hit a landmine near Mir Ali.", {ERV},
     {"Battles"}),
    ("A policeman was killed at his home in Mardan.", {VAC}, {"Battles"}),
    ("Police denied that two soldiers were killed in Malakal.", set(), {"Battles"}),
    ("Three civilians were killed in Malakal on Tuesday.", set(), {"Battles"}),
]


def _types(text: str) -> set[str]:
    events = shared_coder().code_texts([text], published=PUBLISHED)
    return set(events["acled_event_type"].dropna())


@pytest.mark.parametrize("text,has,lacks", CASES, ids=[c[0][:50] for c in CASES])
def test_forces_toll(text: str, has: set[str], lacks: set[str]) -> None:
    got = _types(text)
    assert has <= got and not lacks & got, got


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["Two soldiers were killed", "A policeman was killed",
                        "Three paramilitary troops died", "A constable was killed"]),
       st.sampled_from(["Malakal", "Kismayo", "Gao", "Kalat"]),
       st.sampled_from(["in a road accident", "after he fell ill", "in a landslide"]))
def test_mishap_is_no_battle(toll: str, place: str, mishap: str) -> None:
    assert "Battles" in _types(f"{toll} in {place} on Monday.")
    assert not _types(f"{toll} {mishap} near {place} on Monday.")
