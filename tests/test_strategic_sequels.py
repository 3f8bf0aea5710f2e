"""Strategic developments (issue 13), round 6: words of a strategic development that are no
event of their own.

- A sequel: an arrest, a deployment or looting told within the yield window after a
  report's opening, which tells none of its type, is part of what the report opens with
  (rules/followups.py, `follow_up_types` in types/strategic.yaml).
- A truce broken by firing, talks or a truce named as the background or as what a crowd
  wants, a bomb that went off while being defused, a bomb squad named as people, looting
  by a crowd (types/strategic_cues.yaml).
- An arrest told with words of a march, a banner, a gathering, its demand or its leaflets
  is part of the demonstration (`demonstration_words`).

Sentences written here. Each case lists the strategic developments it must give (the
other types are the business of other tests), in text order.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder.context import Pending
from eventcoder.lexicon import load_lexicon
from eventcoder.model.records import EventRecord
from eventcoder.rules.followups import opening_sentence, told_first

from .conftest import shared_coder

PUBLISHED = "2026-03-06"
STRATEGIC = {"arrest", "disrupted_weapons", "base_established", "looting",
             "territory_transfer", "group_change", "ceasefire", "negotiation",
             "mediation_offer"}

SEQUELS: list[tuple[str, list[str]]] = [
    # the report opens with something else: the arrest or the deployment is its sequel
    ("Villagers tried to storm the block office in Gaya on Monday. Police detained thirty of "
     "them.", []),
    ("Unknown men set fire to a lorry near Khulna on Sunday. Police arrested two men in this "
     "connection.", []),
    ("Hundreds of teachers tried to reach the secretariat in Chennai on Tuesday. Police "
     "arrested them near the railway station.", []),
    ("Farm workers tried to enter the mill compound in Bogura on Friday. Police were "
     "deployed to the village.", []),
    # hard negatives: a report that opens with arrests tells them all
    ("Police arrested 200 opposition activists across the country on Monday. In the "
     "capital, police detained 35 more.", ["arrest", "arrest"]),
    # a date line or a title line is not the opening
    ("KATHMANDU, March 3 (AFP) - Police arrested 30 Maoist cadres in a raid in Rolpa on "
     "Monday.", ["arrest"]),
    ("Maoist cadres held in raid\nPolice arrested 30 Maoist cadres in a raid in Rolpa on "
     "Monday.", ["arrest"]),
    # told further on than the window, an arrest is news of its own
    ("Villagers tried to storm the block office in Gaya on Monday. The office stayed shut "
     "on Tuesday. Schools reopened on Wednesday. In a separate case, police arrested a "
     "rebel commander in Bangui on Thursday.", ["arrest"]),
]

CUES: list[tuple[str, list[str]]] = [
    # a truce broken by firing
    ("Pakistani troops violated the ceasefire by resorting to mortar shelling on posts in "
     "Poonch on Saturday.", []),
    ("In breach of the truce, troops shelled three villages near Kotli on Sunday.", []),
    ("Villagers were hurt in ceasefire violations along the border in Poonch on Monday.", []),
    ("Indian and Pakistani troops exchanged heavy fire near Kotli on Monday, thereby "
     "violating the cease-fire agreement again.", []),
    ("Soldiers of both countries fired mortars at each other's posts in Kupwara, thereby "
     "violating the truce.", []),
    # hard negatives: a truce agreed; a violation alleged with no firing told (the codebook
    # codes it as an alleged truce)
    ("The army and the rebels signed a truce in Juba on Monday after two days of talks.",
     ["ceasefire"]),
    ("India accused China of violating the ceasefire.", ["ceasefire"]),
    ("The two sides violated the ceasefire on Monday.", ["ceasefire"]),
    # talks or a truce as the background
    ("The raids took place amid peace talks that the rebels hold with the state.", []),
    ("Despite the truce, troops shelled the posts near Kotli on Sunday.", []),
    # hard negative: the cue too far from the truce
    ("Amid growing pressure from donors, the two sides signed a ceasefire in Juba on "
     "Monday.", ["ceasefire"]),
    # talks a crowd wants
    ("Thousands rallied in Taunggyi in support of peace talks between the army and the "
     "ethnic armed groups on Sunday.", []),
    ("Women activists protested in Kathmandu to put pressure on the dialogue between the "
     "parties.", []),
    # hard negative: talks between the sides
    ("The army and the rebels held peace talks in Yangon on Monday.", ["negotiation"]),
    # a bomb that went off while being defused; a squad named as people
    ("Two bomb squad officials were injured while defusing a bomb in Quetta on Monday.", []),
    ("A deminer was killed as he tried to defuse a landmine near Kandahar on Monday.", []),
    ("A bomb went off near a bomb squad team in Yala on Monday.", []),
    # hard negatives: the bomb was defused
    ("Police defused a bomb planted near the court in Quetta on Monday.",
     ["disrupted_weapons"]),
    ("Bomb squad members defused a roadside bomb in Yala on Monday.", ["disrupted_weapons"]),
    # looting by a crowd
    ("Rioters looted shops in the market of Nakuru on Monday.", []),
    ("A mob ran amok and looted several stores in Soshanguve on Monday.", []),
    ("Residents burned down a police post in Puranpur on Monday.", []),
    # hard negatives: armed men loot (the crowd word after the trigger)
    ("Gunmen looted the clinic in Bambari as villagers fled on Monday.", ["looting"]),
    ("Unidentified armed men looted the store of an aid agency in Bria on Monday.",
     ["looting"]),
    # an arrest told with a march's or a banner's words
    ("Students were arrested for displaying a banner against the coup in Khon Kaen on "
     "Monday.", []),
    ("Police detained ten workers marching to the assembly in Patna on Monday.", []),
    # ... or with words of a gathering, its demand or its leaflets
    ("Police detained nurses who gathered outside the secretariat in Lucknow on Monday.", []),
    ("Police detained thirty teachers who tried to enter the assembly in Bhopal to demand "
     "back pay on Monday.", []),
    ("Six students were arrested for handing out leaflets against the junta in Yangon on "
     "Monday.", []),
    # hard negatives: the month is no march, a bribe demanded no demonstration
    ("Police arrested a rebel commander in Bangui on March 3.", ["arrest"]),
    ("Police arrested two men who demanded a bribe from a trader in Kano on Monday.",
     ["arrest"]),
]


def _strategic(text: str) -> list[str]:
    rows = shared_coder().code_texts([text], published=PUBLISHED).to_dict("records")
    return [r["event_type"] for r in rows if r["event_type"] in STRATEGIC]


@pytest.mark.parametrize("text,expected", SEQUELS + CUES,
                         ids=[c[0][:50] for c in SEQUELS + CUES])
def test_strategic_development_of_its_own_or_not(text: str, expected: list[str]) -> None:
    assert _strategic(text) == expected


@pytest.mark.parametrize("cue_id,kept", [
    ("generic_ceasefire_broken", {"ceasefire"}),
    ("generic_ceasefire_broken_after", {"ceasefire"}),
    ("generic_ceasefire_fired_on", {"ceasefire"}),
    ("generic_agreement_background", {"ceasefire", "negotiation"}),
    ("generic_talks_wanted", {"negotiation"}),
    ("generic_defusing_failed", {"disrupted_weapons"}),
    ("generic_squad_people", {"disrupted_weapons"}),
    ("generic_crowd_looting", {"looting"}),
])
def test_the_new_strategic_cues_read_only_their_types(cue_id: str, kept: set[str]) -> None:
    """Each new strategic cue reads its own types only (`only_types`)."""
    lexicon = load_lexicon()
    cue = next(c for c in lexicon.cues if c.id == cue_id)
    ids = [t.id for t in lexicon.event_types]
    assert set(cue.only_types) == kept and set(cue.exempt(ids)) == set(ids) - kept


def test_follow_up_types_are_event_types() -> None:
    lexicon = load_lexicon()
    follow = set(lexicon.language.rules.follow_up_types)
    assert follow and follow <= {t.id for t in lexicon.event_types}


# -- rules.followups on records made here ---------------------------------------------------

KINDS = ["arrest", "looting", "group_change", "riot", "clash", "ceasefire"]
FOLLOW = frozenset({"arrest", "looting", "group_change"})
_BASE = EventRecord(doc_id="d", sentence_index=0, sentence_start=0, sentence_end=1,
                    sentence="s", trigger="t", trigger_start=0, trigger_end=1,
                    event_type="arrest", acled_event_type=None, acled_sub_event_type=None,
                    status="occurred", rules=[])


def _pending(kind: str, sentence: int) -> Pending:
    return Pending(replace(_BASE, sentence_index=sentence, sentence_start=10 * sentence,
                           event_type=kind), "one_sided", "police", False)


@given(st.lists(st.tuples(st.sampled_from(KINDS), st.integers(0, 7)), max_size=8),
       st.integers(0, 3), st.integers(0, 3))
def test_told_first_drops_only_sequels(events, window: int, first: int) -> None:
    """Kept: every event of a type that is no sequel type, every event up to the opening
    sentence or beyond the window after it, and the events of a type the opening (or a
    sentence before it) tells; order unchanged, and nothing left to drop."""
    pending = [_pending(kind, at) for kind, at in sorted(events, key=lambda e: e[1])]
    kept = told_first(pending, FOLLOW, window, lambda _: first)
    opened = {p.record.event_type for p in pending if p.record.sentence_index <= first}
    for item in pending:
        record = item.record
        sequel = record.event_type in FOLLOW and record.event_type not in opened and \
            first < record.sentence_index <= first + window
        assert (item in kept) == (not sequel), (record.event_type, record.sentence_index)
    assert kept == [p for p in pending if p in kept]
    assert told_first(kept, FOLLOW, window, lambda _: first) == kept
    assert told_first(pending, frozenset(), window, lambda _: first) == pending


def test_the_opening_is_read_only_when_a_sequel_may_be_there() -> None:
    def opening(_: int) -> int:
        raise AssertionError("read")

    pending = [_pending("arrest", 0), _pending("riot", 1), _pending("clash", 2)]
    assert told_first(pending, FOLLOW, 2, opening) == pending


@pytest.mark.parametrize("text,spans,expected", [
    ("Police arrested ten men. They were freed.", [(0, 24, "text"), (25, 41, "text")], 0),
    # a date line, then the report
    ("DHAKA, May 2 (AFP) - Police arrested ten men.",
     [(0, 21, "header"), (21, 45, "text")], 1),
    # a title line without a full stop, then the report
    ("Ten held in raid\nPolice arrested ten men.", [(0, 16, "text"), (17, 41, "text")], 1),
    # a report of one line without a full stop
    ("Police arrested ten men", [(0, 23, "text")], 0),
    # the opening ends with a quote or a bracket
    ('Police said "ten were held." More later.', [(0, 28, "text"), (29, 40, "text")], 0),
])
def test_opening_sentence(text: str, spans: list[tuple[int, int, str]], expected: int
                          ) -> None:
    assert opening_sentence(spans, text) == expected
