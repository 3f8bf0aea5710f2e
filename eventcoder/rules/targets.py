"""Whom a blast or a strike hit, when its sentence names no side as its target.

ACLED's actor2 of a bomb in a market, a grenade thrown into a house or a suicide bomber at
a mosque is the civilians of the country, and such an event targets civilians (before 2019
ACLED typed such a grenade or suicide bomb as violence against civilians, and one at a
patrol as a battle). The rules find sides among actors; a blast's target is often a place
("a mosque", "a checkpoint"), which is no actor. So for the types the lexicon lists
(`blast_target_types`), a record with no actor2 takes the civilians when the sentence has a
word of civilians' people or places (`civilian_target_words`), someone hurt (`harm_words`,
not denied: "no one was hurt" targets no one named) and no word of armed forces
(`armed_target_words`) nor an armed actor other than the doer: "a bomb went off near an
army convoy in the market" stays on the convoy, "jets struck Hamas positions near the
temple" on Hamas.
"""

from __future__ import annotations

from ..actors import ActorBook
from ..model.actors import Actor, Side, UnnamedActor, UnnamedState
from ..model.participants import Participants
from ..model.records import EventRecord
from .vocabulary import Vocabulary

RULE = "civilian_target_words"
_CIVILIANS = "civilians"  # the generic actor of civilians (actors/organs.yaml)
# Actor types that bear no arms as an organisation: named beside a blast, they may be its
# victims, and tell nothing against civilians being its target.
_UNARMED = frozenset({"civilians", "protesters", "rioters"})


def civilian_target(record: EventRecord, doer: Side | None, words: list[str],
                    parts: Participants, vocabulary: Vocabulary, book: ActorBook) -> None:
    """Make the civilians actor2 of a blast whose sentence tells civilians were hit and
    names no armed target (the record's `civilian_targeting` follows from actor2)."""
    if record.side2 is not None or record.event_type not in vocabulary.blast_target_types \
            or _CIVILIANS not in book.generic:
        return
    if not _civilian_word(words, parts, vocabulary) or not _harmed(words, vocabulary) or \
            _armed_word(words, vocabulary) or \
            _armed_named(doer, parts, words, vocabulary, book):
        return
    record.side2 = book.generic_actor(_CIVILIANS, None)  # placed with the event (finish)
    record.rules.append(RULE)


def _civilian_word(words: list[str], parts: Participants, vocabulary: Vocabulary) -> bool:
    """Is a word of civilians' people or places in the sentence, outside a place's name of
    several words ("near Preah Vihear temple" names where, not what was hit; the word alone
    taken as a place, "a wedding", is the word)?"""
    return any(word in vocabulary.civilian_target_words and
               not any(p.first <= i <= p.last and p.first < p.last for p in parts.places)
               for i, word in enumerate(words))


def _harmed(words: list[str], vocabulary: Vocabulary) -> bool:
    """Does the sentence tell someone hurt ("wounding three"), not denied ("no one was
    hurt")?"""
    return any(word in vocabulary.harm_words and
               vocabulary.not_harmed_words.isdisjoint(words[max(i - 3, 0):i])
               for i, word in enumerate(words))


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


def _armed_named(doer: Side | None, parts: Participants, words: list[str],
                 vocabulary: Vocabulary, book: ActorBook) -> bool:
    """Does the sentence name an armed actor other than the doer ("the police", "Pakistan's
    army", "Hamas", "two fighters"), and not as who reports ("police sources said")?"""
    for group in parts.groups:
        if group.source or _reports(words, group.first, group.last, vocabulary):
            continue
        for side in group.members:
            if doer is not None and side.key == doer.key:
                continue
            if isinstance(side, UnnamedState) or _armed_type(side, book):
                return True
    return False


def _armed_type(side: Side, book: ActorBook) -> bool:
    """Is the side a state's or of an armed actor type (not civilians, a crowd, a party's
    members)?"""
    if isinstance(side, Actor):
        entry = book.entry(side)
        return side.is_state or side.actor_type not in _UNARMED and not (
            entry is not None and entry.party)
    if isinstance(side, UnnamedActor):
        spec = book.generic.get(side.generic)
        return spec is not None and spec.actor_type not in _UNARMED
    return False
