"""A name that groups of several countries share is read in the event's country, also in a
sentence that gives no date of its own (issue 13, round 7; resolve/event.py,
`resolve_candidate`): "ASWJ" in Peshawar is Pakistan's Ahle Sunnat Wal Jamaat, a party
whose members killed are civilians to ACLED, not Somalia's militia; the Islamic State near
Tessalit is its Sahel branch.

Sentences written here; each expected event lists only the fields it pins down.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import assert_sentence

PUBLISHED = "2026-03-06"
VAC = "Violence against civilians"

CASES: list[tuple[str, list[dict[str, Any]]]] = [
    ("An ASWJ activist was shot dead outside a mosque in Peshawar.",
     [dict(acled_event_type=VAC, actor2="Civilians (Pakistan)")]),
    ("Two ASWJ workers were gunned down by unknown men in Karachi.",
     [dict(acled_event_type=VAC, actor2="Civilians (Pakistan)")]),
    ("Jets struck Islamic State positions near Tessalit, killing four fighters.",
     [dict(acled_event_type="Explosions/Remote violence", actor2="Islamic State (Sahel)")]),
    # hard negatives: the same names in the other country, and with a date of their own
    ("ASWJ fighters clashed with al Shabaab near Guriel.",
     [dict(acled_event_type="Battles", actor1="Ahlu Sunna Wal Jamaa")]),
    ("An ASWJ activist was shot dead outside a mosque in Peshawar on Monday.",
     [dict(acled_event_type=VAC, actor2="Civilians (Pakistan)")]),
]


@pytest.mark.parametrize("sentence,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_shared_name_in_event_country(sentence: str, expected: list[dict[str, Any]]) -> None:
    assert_sentence(sentence, expected, PUBLISHED)
