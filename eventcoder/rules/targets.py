"""Whom a blast or a strike hit, when its sentence names no side as its target.

ACLED's actor2 of a bomb in a market, a grenade thrown into a house or a suicide bomber at
a mosque is the civilians of the country, and such an event targets civilians (before 2019
ACLED typed such a grenade or suicide bomb as violence against civilians, and one at a
patrol as a battle). The rules find sides among actors; a blast's target is often a place
("a mosque", "a checkpoint"), which is no actor. So for the types the lexicon lists
(`blast_target_types`), a record with no actor2 takes the civilians when the sentence has a
word of civilians' people or places (`civilian_target_words`) and no word of armed forces
(`armed_target_words`) nor a state's actor other than the doer: "a bomb went off near an
army convoy in the market" stays on the convoy.
"""

from __future__ import annotations

from ..actors import ActorBook
from ..model.actors import Actor, Side, UnnamedState
from ..model.participants import Participants
from ..model.records import EventRecord
from .vocabulary import Vocabulary

RULE = "civilian_target_words"
_CIVILIANS = "civilians"  # the generic actor of civilians (actors/organs.yaml)


def civilian_target(record: EventRecord, doer: Side | None, words: list[str],
                    parts: Participants, vocabulary: Vocabulary, book: ActorBook) -> None:
    """Make the civilians actor2 of a blast whose sentence tells civilians were hit and
    names no armed target (the record's `civilian_targeting` follows from actor2)."""
    if record.side2 is not None or record.event_type not in vocabulary.blast_target_types \
            or _CIVILIANS not in book.generic:
        return
    if vocabulary.civilian_target_words.isdisjoint(words) or \
            _armed_word(words, vocabulary) or _state_named(doer, parts, words, vocabulary):
        return
    record.side2 = book.generic_actor(_CIVILIANS, None)  # placed with the event (finish)
    record.rules.append(RULE)


def _armed_word(words: list[str], vocabulary: Vocabulary) -> bool:
    """Is a word of armed forces in the sentence, other than one that reports ("police
    said", "police sources", "according to police"): the police who tell of a blast are no
    target of it?"""
    return any(word in vocabulary.armed_target_words and not _reports(words, i, i, vocabulary)
               for i, word in enumerate(words))


def _reports(words: list[str], first: int, last: int, vocabulary: Vocabulary) -> bool:
    """Are the words first..last who reports: a word of saying or of a source after them,
    or "according to" before?"""
    after = words[last + 1] if last + 1 < len(words) else ""
    return after in vocabulary.speech or after in vocabulary.reporting_words or \
        words[max(first - 2, 0):first] == ["according", "to"]


def _state_named(doer: Side | None, parts: Participants, words: list[str],
                 vocabulary: Vocabulary) -> bool:
    """Does the sentence name a state or its organ ("the police", "Pakistan's army") other
    than the doer, and not as who reports ("police sources said")?"""
    for group in parts.groups:
        if group.source or _reports(words, group.first, group.last, vocabulary):
            continue
        for side in group.members:
            if doer is not None and side.key == doer.key:
                continue
            if isinstance(side, UnnamedState) or isinstance(side, Actor) and side.is_state:
                return True
    return False
