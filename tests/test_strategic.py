"""Strategic developments (issue 13): ACLED codes an arrest, a deployment or looting as an
event of its own only when no violence or demonstration is reported with it. Within one
sentence the `absorb` step applies the rule; across sentences `rules.yields` does, up to
`language.rules.yield_window` sentences away (types/strategic.yaml).

Sentences written here; each document lists the event types it must give (in text order).
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder.context import Pending
from eventcoder.lexicon import load_lexicon
from eventcoder.model.records import EventRecord
from eventcoder.rules.yields import yields_nearby

PUBLISHED = "2026-03-06"

# (document, the event types it gives)
CASES: list[tuple[str, list[str]]] = [
    # arrests and police deployed after a riot, a protest or an attack are part of it
    ("A mob ransacked a police post in Sylhet on Sunday over a parking dispute. Police were "
     "deployed in the market.", ["riot"]),
    ("Hundreds of nurses protested outside the health ministry in Kathmandu on Monday. "
     "Police detained twelve of them.", ["protest_intervention"]),
    ("Students blocked the highway in Rajshahi on Tuesday, demanding a new bridge. The "
     "police later arrested four of them.", ["protest_intervention"]),
    ("Gunmen shot dead a shopkeeper in Kano on Friday. Police said they had arrested two "
     "suspects.", ["civilian_attack"]),
    ("Villagers set fire to a police post in Bauchi on Monday after a youth died in custody. "
     "Soldiers were deployed to the town.", ["riot"]),
    # an arrest of people who demonstrate is part of their protest, even when its words
    # make no protest event of their own
    ("Over 50 party workers were arrested when they tried to picket the district office in "
     "Salem on Monday.", []),
    ("Police arrested seven protesters outside the assembly in Patna on Tuesday.", []),
    # an arrest that is the event itself stays one
    ("Police arrested a rebel commander in Bangui on March 3.", ["arrest"]),
    ("Police arrested 40 opposition activists in Dhaka on Friday.", ["arrest"]),
    ("Security forces detained a senior rebel commander in Bangui on Sunday.", ["arrest"]),
    ("Troops were deployed to the border town of Moyale on Monday.", ["group_change"]),
    # far from the riot (more than two sentences away), an arrest is told on its own
    ("Rioters torched three buses in Chittagong on Sunday. The city was calm on Monday. "
     "Shops reopened and schools resumed. Traffic returned to the main roads. In a separate "
     "case, police arrested a party leader in Dhaka on Wednesday.", ["riot", "arrest"]),
    # a group's members who surrender or change sides
    ("Thirty rebels handed themselves over to the army in Kidal on Monday.", ["group_change"]),
    ("Two local councillors defected to the ruling party in Lusaka on Friday.",
     ["group_change"]),
    ("The commander said his fighters would never hand themselves over to the army.", []),
    ("The party denied reports that its councillors had defected to the ruling party.", []),
    # negated or hypothetical: no event
    ("Police denied that anyone had been arrested in Dhaka.", []),
    ("The minister said troops could be deployed if the unrest spread.", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_strategic_development_in_its_report(coder, text: str, expected: list[str]) -> None:
    rows = coder.code_texts([text], published=PUBLISHED).to_dict("records")
    assert [r["event_type"] for r in rows] == expected, [(r["event_type"], r["rule"])
                                                          for r in rows]


# -- rules.yields on records made here ------------------------------------------------------

TYPES = {t.id: t for t in load_lexicon().event_types}
KINDS = ["arrest", "group_change", "looting", "riot", "protest", "clash", "civilian_attack",
         "abduction", "ceasefire"]
_BASE = EventRecord(doc_id="d", sentence_index=0, sentence_start=0, sentence_end=1,
                    sentence="s", trigger="t", trigger_start=0, trigger_end=1,
                    event_type="arrest", acled_event_type=None, acled_sub_event_type=None,
                    status="occurred", rules=[])


def _pending(kind: str, sentence: int) -> Pending:
    record = replace(_BASE, sentence_index=sentence, event_type=kind,
                     disorder_type=TYPES[kind].disorder_type)
    return Pending(record, TYPES[kind].structure, TYPES[kind].default_organ, False)


@given(st.lists(st.tuples(st.sampled_from(KINDS), st.integers(0, 8)), max_size=8),
       st.integers(0, 4))
def test_yields_keeps_all_but_the_yielding_events_near_another(events, window: int) -> None:
    """Kept: every event of a type that yields to nothing and causes nothing; a yielding
    event only when no event of a type it yields to is within `window` sentences before
    it or in its sentence (violence told after it is no part of it), and a
    cause only when no event it causes is in its sentence; order unchanged."""
    pending = [_pending(kind, at) for kind, at in events]
    kept = yields_nearby(pending, TYPES, window)
    for item in pending:
        record = record_of(item)
        spec = TYPES[record.event_type]
        near = any(o is not item and record_of(o).disorder_type in spec.yields_to and
                   0 <= record.sentence_index - record_of(o).sentence_index <= window
                   for o in pending)
        cause = any(record_of(o).event_type in spec.cause_of and
                    record_of(o).sentence_index == record.sentence_index for o in pending)
        assert (item in kept) == (not near and not cause), (spec.id, record.sentence_index)
    assert kept == [p for p in pending if p in kept]  # text order kept
    assert yields_nearby(kept, TYPES, window) == kept  # nothing left to yield


def record_of(item: Pending) -> EventRecord:
    return item.record


@pytest.mark.parametrize("window", range(3))
def test_an_arrest_just_beyond_the_window_is_kept(window: int) -> None:
    riot, arrest = _pending("riot", 0), _pending("arrest", window + 1)
    assert yields_nearby([riot, arrest], TYPES, window) == [riot, arrest]
    assert yields_nearby([riot, arrest], TYPES, window + 1) == [riot]


def test_an_arrest_before_the_violence_is_kept() -> None:
    """Police who arrested someone before a riot did not arrest rioters."""
    arrest, riot = _pending("arrest", 0), _pending("riot", 1)
    assert yields_nearby([arrest, riot], TYPES, 2) == [arrest, riot]
