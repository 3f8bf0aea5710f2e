"""Violence against civilians: strike tolls and riot causes (issue 13). Sentences written
here, several per rule, with hard negatives.

- a killing whose doer, as its sentence reads it, is the target of a strike, shelling or
  bomb told before it ("a drone strike targeting a Taliban commander kills three") is that
  strike's toll, not an attack of its own by the target (rules/yields.py,
  `_target_as_doer`); a killing told before the strike, by a doer the strike did not
  target, or a strike that hit civilians, stays as it was;
- a rape that a crowd riots over in the same sentence ("villagers rioted after a priest
  allegedly raped a girl") is the riot's cause, as a protest's (types/civilians.yaml,
  `cause_of` of sexual_violence); a rape told with no riot is an event of its own.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.conftest import assert_rows

PUBLISHED = "2026-03-06"
ATTACK = "civilian_attack"
STRIKE = "airstrike"

CASES: list[tuple[str, list[dict[str, Any]]]] = [
    # --- the strike's target read as the doer of its toll -----------------------------------
    ("A drone strike targeting the Haqqani network kills four in Datta Khel on Monday.",
     [dict(event_type=STRIKE, fatalities=4)]),
    ("An American drone strike targeting TTP fighters kills six in Shawal on Friday.",
     [dict(event_type=STRIKE, fatalities=6)]),
    ("A drone strike targeting a Taliban commander kills three in Miranshah on Monday.",
     [dict(event_type=STRIKE, fatalities=3)]),
    # hard negatives: the killing told first, by a doer no strike targeted; civilians hit
    ("Taliban militants shot dead two teachers in Kunduz after a drone strike hit their "
     "base on Monday.",
     [dict(event_type=ATTACK, fatalities=2), dict(event_type=STRIKE)]),
    ("Gunmen shot dead a shopkeeper in Quetta on Monday.",
     [dict(event_type=ATTACK, fatalities=1)]),
    # --- a riot over a rape: the rape is its cause ------------------------------------------
    ("Residents of Kanpur rioted outside the police station after a local official "
     "allegedly raped a teenage girl.",
     [dict(event_type="riot")]),
    ("Angry villagers rioted in Sitapur on Sunday, torching two buses, after a priest "
     "allegedly raped a girl.",
     [dict(event_type="riot")]),
    # hard negatives: rape told with no crowd is the event
    ("Gunmen raped two women near Tawila on Monday.",
     [dict(event_type="sexual_violence", actor2="Civilians (Sudan)")]),
    ("Soldiers raped three displaced women near Kadugli on Friday, residents said.",
     [dict(event_type="sexual_violence", actor1="Military Forces of Sudan")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_civilians_strike_tolls_and_riot_causes(coder, text: str,
                                                expected: list[dict[str, Any]]) -> None:
    rows = coder.code_texts([text], published=PUBLISHED).to_dict("records")
    summary = [(r["event_type"], r["actor1"], r["actor2"], r["fatalities"], r["rule"])
               for r in rows]
    assert_rows(rows, expected, summary=summary)


_STRIKES = ["A drone strike", "A US drone strike", "An American drone strike"]
_TARGETS = ["the Haqqani network", "TTP fighters", "the Hafiz Gul Bahadur group"]
_VERBS = ["kills", "killed"]


@given(st.sampled_from(_STRIKES), st.sampled_from(_TARGETS), st.sampled_from(_VERBS))
def test_a_strikes_target_is_no_doer_of_its_toll(coder, strike: str, target: str, verb: str
                                                  ) -> None:
    """Whoever the strike targets, its toll is the strike's: one event, no attack on
    civilians by the target."""
    text = f"{strike} targeting {target} {verb} five in North Waziristan on Monday."
    rows = coder.code_texts([text], published=PUBLISHED).to_dict("records")
    assert [r["event_type"] for r in rows] == [STRIKE], (text, rows)
    assert rows[0]["fatalities"] == 5, (text, rows)
