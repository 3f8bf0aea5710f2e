"""Strategic developments (issue 13): words of a strategic development that are no event.

- "occupied Kashmir", "the occupied territories": a land held, not a handover that took
  place ("occupied" is no trigger); "along the ceasefire line": a line on the map, not a
  truce agreed (types/strategic_cues.yaml).
- An arrest told with words of a demonstration that made no event of its own ("arrested
  for blocking the highway", "for waving black flags") is part of that demonstration
  (`demonstration_words` in types/strategic.yaml).

Sentences written here; each lists the event types it must give, in text order.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.lexicon import load_lexicon

from .conftest import shared_coder

PUBLISHED = "2026-03-06"

CASES: list[tuple[str, list[str]]] = [
    # a land held, named by what holds it
    ("Shops stayed shut in occupied Kashmir on Friday.", []),
    ("Youths from the occupied territories gathered in Ramallah on Monday.", []),
    # hard negative: territory handed over without a fight
    ("The rebels withdrew from the town of Bunia on Monday.", ["territory_transfer"]),
    # a line on the map
    ("Villagers living near the ceasefire line in Poonch were moved to camps on Monday.", []),
    # hard negative: a truce agreed
    ("India and Pakistan agreed a ceasefire along the border on Monday.", ["ceasefire"]),
    # an arrest told with a demonstration's words is part of it
    ("Fifty farmers were arrested for blocking the highway near Mandya on Monday.", []),
    ("Police detained twelve students waving placards outside the assembly in Patna.", []),
    # (black flags shown are a protest, the arrest its intervention: types/protests.yaml)
    ("Youth Congress workers were detained for showing black flags to the minister in "
     "Bhopal on Sunday.", ["protest"]),
    # hard negatives: the arrest is the event
    ("Police arrested a rebel commander in Bangui on March 3.", ["arrest"]),
    ("Police arrested 40 opposition activists in Dhaka on Friday.", ["arrest"]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_strategic_development_or_not(text: str, expected: list[str]) -> None:
    rows = shared_coder().code_texts([text], published=PUBLISHED).to_dict("records")
    assert [r["event_type"] for r in rows] == expected, [(r["event_type"], r["rule"])
                                                          for r in rows]


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["arrested", "detained", "rounded up"]),
       st.sampled_from(["blocking the road", "blocking a train", "waving placards",
                        "holding banners", "showing black flags"]),
       st.sampled_from(["Patna", "Salem", "Dhaka", "Kathmandu"]))
def test_an_arrest_for_a_demonstration_is_part_of_it(verb: str, act: str, place: str
                                                     ) -> None:
    text = f"Police {verb} thirty villagers for {act} in {place} on Monday."
    rows = shared_coder().code_texts([text], published=PUBLISHED)
    assert "arrest" not in set(rows["event_type"]), list(rows["rule"])


@pytest.mark.parametrize("cue_id,kept", [("generic_ceasefire_line", "ceasefire")])
def test_strategic_cues_read_only_their_type(cue_id: str, kept: str) -> None:
    """Each cue of types/strategic_cues.yaml reads one type's triggers (`only_types`)."""
    lexicon = load_lexicon()
    cue = next(c for c in lexicon.cues if c.id == cue_id)
    ids = [t.id for t in lexicon.event_types]
    assert cue.only_types == [kept] and set(cue.exempt(ids)) == set(ids) - {kept}
