"""Violence against civilians: the doers of attacks on civilians. Sentences
written here, several per rule, with hard negatives.

- a passive's "wounded" or "injured" with its agent right after ("were wounded by
  suspected rebel gunmen") tells an attack by that agent (types/civilians_harmed_by.yaml,
  `agent_only_triggers`; rules/candidates.py, `_agent_right_after`); the same participle
  with no agent, or with the agent of a noun between ("injured in an attack by ..."), or
  with a thing for agent ("injured by a stray bullet") tells no attack of its own; soldiers
  so wounded are a clash;
- men known only by a caste or by their number ("upper caste men", "some men", "a group of
  men") are the unidentified doers of an attack (types/assailants.yaml); bare "men" is no
  doer, and such men gathering is no attack;
- a verb coordinated after an object ("gunmen stopped a bus and shot its driver") has for
  doer the subject that opens the sentence (rules/candidates.py, `_coordinated_subject`);
  a comma before the "and" may open another clause, and a sentence opened by no doer names
  none.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.conftest import assert_rows

PUBLISHED = "2026-03-06"
ATTACK = "civilian_attack"

CASES: list[tuple[str, list[dict[str, Any]]]] = [
    # --- "wounded by" / "injured by" an armed doer ------------------------------------------
    ("Two rubber tappers were wounded by suspected separatist gunmen in Yala on Monday.",
     [dict(event_type=ATTACK, actor2="Civilians (Thailand)", fatalities=0)]),
    ("A shopkeeper was injured by unidentified gunmen in Quetta on Tuesday.",
     [dict(event_type=ATTACK, actor1="Unidentified Armed Group (Pakistan)",
           actor2="Civilians (Pakistan)")]),
    ("A schoolteacher was wounded allegedly by Maoists in Gumla on Friday.",
     [dict(event_type=ATTACK, actor2="Civilians (India)")]),
    # hard negatives: soldiers so wounded are a clash; no agent; a thing for agent; an
    # accident
    ("Two soldiers were wounded by unidentified gunmen in Yala on Monday.",
     [dict(event_type="clash")]),
    ("Two rubber tappers were wounded in Yala on Monday.", []),
    ("Two rubber tappers were injured by a stray bullet in Yala on Monday.", []),
    ("Four labourers were injured by a falling wall in Quetta on Tuesday.", []),
    ("Six passengers were injured in Quetta on Tuesday when their bus overturned.", []),
    # --- men known by a caste or by their number ---------------------------------------------
    ("Upper caste men attacked a Dalit family in Mandya on Sunday.",
     [dict(event_type=ATTACK, actor1="Unidentified Armed Group (India)",
           actor2="Civilians (India)")]),
    ("A group of men beat a Dalit labourer in Mandya on Sunday.",
     [dict(event_type=ATTACK, actor1="Unidentified Armed Group (India)")]),
    # hard negatives: men of a place meeting, bare men
    ("The men of the village met the district collector in Mandya on Sunday.", []),
    ("Men attacked the new tax policy in a debate in Mandya on Sunday.", []),
    # --- the subject of a coordinated verb -------------------------------------------------
    ("Gunmen stopped a minibus near Kutum and shoot its driver dead.",
     [dict(event_type=ATTACK, actor1="Unidentified Armed Group (Sudan)",
           actor2="Civilians (Sudan)")]),
    ("Unknown assailants followed a lawyer through the bazaar in Mardan and shot him.",
     [dict(event_type=ATTACK, actor1="Unidentified Armed Group (Pakistan)")]),
    # hard negatives: no doer opens the sentence; the verb after a comma and "and"
    ("The lawyer crossed the bazaar in Mardan and shot a video of the crowd.", []),
    ("Unknown assailants fled the bazaar in Mardan on Monday, and a shot was heard.", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_civilians_doers(coder, text: str, expected: list[dict[str, Any]]) -> None:
    rows = coder.code_texts([text], published=PUBLISHED).to_dict("records")
    summary = [(r["event_type"], r["actor1"], r["actor2"], r["fatalities"], r["rule"])
               for r in rows]
    assert_rows(rows, expected, summary=summary)


_VICTIMS = ["Two farmers", "A trader", "Three villagers"]
_VERBS = ["wounded", "injured"]
_AGENTS = ["unidentified gunmen", "suspected militants", "unknown assailants"]


@given(st.sampled_from(_VICTIMS), st.sampled_from(_VERBS), st.sampled_from(_AGENTS),
       st.booleans())
def test_a_participle_of_harm_is_an_attack_only_with_its_agent(
        coder, victims: str, verb: str, agent: str, by: bool) -> None:
    """"were wounded by gunmen" is an attack on civilians; "were wounded" alone is none."""
    aux = "was" if victims.startswith("A ") else "were"
    tail = f" by {agent}" if by else ""
    text = f"{victims} {aux} {verb}{tail} in Kupwara on Monday."
    rows = coder.code_texts([text], published=PUBLISHED).to_dict("records")
    attacks = [r for r in rows if r["event_type"] == ATTACK]
    assert bool(attacks) == by and len(rows) == len(attacks), (text, rows)
