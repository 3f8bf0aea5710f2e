"""The state's forces off duty (issue 13, round 7): a police officer or a soldier attacked
in or outside his home, or out of uniform, is a civilian to ACLED (violence against
civilians, actor2 "Civilians (country)"); the same attack at a post, on patrol or on the way
to duty stays an armed clash (types/battles_off_duty.yaml, `off_duty_phrases`;
resolve/event.py, `by_sides`).

Sentences written here; each expected event lists only the fields it pins down.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .conftest import scaled, shared_coder
from tests.conftest import assert_sentence

PUBLISHED = "2026-03-06"
VAC = "Violence against civilians"

CASES: list[tuple[str, list[dict[str, Any]]]] = [
    # --- off duty: an attack on a civilian ---------------------------------------------------
    ("Two gunmen shot dead a head constable outside his house in Mardan on Sunday.",
     [dict(acled_event_type=VAC, actor2="Civilians (Pakistan)")]),
    ("Masked men stabbed to death a police major in front of his home in Ismailia on "
     "Tuesday.", [dict(acled_event_type=VAC)]),
    ("Unknown assailants attacked a soldier at his residence in Beledweyne, killing him.",
     [dict(acled_event_type=VAC)]),
    ("An off-duty policeman was gunned down by unidentified men in Peshawar on Friday.",
     [dict(acled_event_type=VAC, actor2="Civilians (Pakistan)")]),
    ("Militants shot dead a plainclothes police officer at a tea stall in Quetta on Monday.",
     [dict(acled_event_type=VAC)]),
    # --- hard negatives: on duty, a post, the way to duty, or the doer at home ---------------
    ("Two gunmen shot dead a head constable at a checkpost in Mardan on Sunday.",
     [dict(acled_event_type="Battles", actor2="Police Forces of Pakistan")]),
    ("Militants shot dead a policeman on his way home from duty in Bannu on Friday.",
     [dict(acled_event_type="Battles")]),
    ("Gunmen opened fire on a police patrol near the home of a lawmaker in Quetta on Monday.",
     [dict(acled_event_type="Battles")]),
    ("Police shot dead a robber inside his house in Lahore on Monday.",
     [dict(acled_event_type=VAC, actor1="Police Forces of Pakistan")]),
]


@pytest.mark.parametrize("sentence,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_off_duty(sentence: str, expected: list[dict[str, Any]]) -> None:
    assert_sentence(sentence, expected, PUBLISHED)


@scaled(20)
@given(victim=st.sampled_from(["a policeman", "a police constable", "a soldier",
                               "a sub-inspector"]),
       where=st.sampled_from(["outside his home", "at his house", "near his residence",
                              "at a checkpoint", "at a police post", "on patrol"]),
       doer=st.sampled_from(["Gunmen", "Unknown assailants", "Militants"]))
def test_off_duty_is_civilian_on_duty_is_battle(victim: str, where: str, doer: str) -> None:
    """Whoever shoots and whichever member of the forces is shot, at home he is a civilian
    and the attack is violence against civilians; at a post or on patrol it is a battle."""
    sentence = f"{doer} shot dead {victim} {where} in Mardan on Sunday."
    rows = shared_coder().code_texts([sentence], published=PUBLISHED).to_dict("records")
    types = [r["acled_event_type"] for r in rows]
    home = where.endswith(("home", "house", "residence"))
    assert types == [VAC if home else "Battles"], (sentence, types)
    if home:
        assert str(rows[0]["actor2"]).startswith("Civilians"), sentence


def test_off_duty_target_is_not_placed_as_the_state_later() -> None:
    """A member of the forces off duty whose state only the article tells stays the
    civilians the attack targets: the article does not make him its state's police again."""
    sentence = "Pakistani police said gunmen shot dead an off-duty constable on Friday."
    rows = shared_coder().code_texts([sentence], published=PUBLISHED).to_dict("records")
    assert [r["acled_event_type"] for r in rows] == [VAC], rows
    assert str(rows[0]["actor2"]).startswith("Civilians"), rows[0]["actor2"]
