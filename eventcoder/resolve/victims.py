"""Who the victims of violence against civilians are, as ACLED codes them.

A party's members attacked one by one ("a BNP activist was hacked to death", "gunmen shot
dead two MQM workers") are civilians: ACLED's actor2 is "Civilians (Bangladesh)" with the
party as the associated actor, and the event stays an attack, not a clash between the
attackers and the party's militia. Only a party named as a side of a fight ("Awami League
and BNP activists clashed") is its militia, and that is the clash type's reading, never
this one. Civilians named alone with an attack on civilians are its victims, never its
doer ("the body of a trader bearing torture marks was found"). The rules apply to the
types that have a `default_target` (the civilians an attack is on).
"""

from __future__ import annotations

import re

from ..actors import ActorBook
from ..lexicon.model import EventType
from ..model.actors import Actor
from ..model.records import EventRecord

RULE = "party_members_civilians"
VICTIMS_RULE = "civilians_are_victims"
STATION_RULE = "station_no_side"
_CIVILIANS = "civilians"  # the actor type of civilians, never the doer of an attack on them


def civilian_victims(record: EventRecord, event_type: EventType, book: ActorBook) -> None:
    """Civilians named alone are the victims (actor2) of an attack on civilians; a party on
    the target's side (actor2) is its members: the type's `default_target` in the party's
    country (else the place's), the party their associated actor."""
    target, default = record.side2, event_type.default_target
    if default is None:
        return
    doer = record.side1
    if isinstance(target, Actor) and target.is_state and target.organ is not None and \
            _station_only(record.sentence, target.organ, book):
        # "a farmer was shot dead under Kotwali police station": the station names where
        record.side2 = target = None
        record.rules.append(STATION_RULE)
    if target is None and doer is not None and doer.actor_type == _CIVILIANS:
        # "the body of a trader bearing torture marks": the people named are its victims
        record.side1, record.side2 = None, doer
        record.rules.append(VICTIMS_RULE)
        return
    if not isinstance(target, Actor) or not _is_party(target, book):
        return
    place = record.place
    iso3 = target.iso3 or (place.iso3 if place is not None else None)
    record.side2 = book.generic_actor(default, iso3)
    if all(a.key != target.key for a in record.associates2):
        record.associates2 = [*record.associates2, target]
    record.rules.append(RULE)


def _station_only(sentence: str, organ: str, book: ActorBook) -> bool:
    """Is every word of the organ in the sentence a part of a station named where the
    event was ("under Kotwali police station", "of Mirpur police station area"): a station
    opener, a name, the organ's word, a station word? ("attacked Kotwali police station":
    the station is the police's.)"""
    entry = book.organs.get(organ)
    if entry is None or not book.station_words:
        return False
    words = "|".join(re.escape(w) for w in sorted(entry.words, key=len, reverse=True))
    found = list(re.finditer(rf"\b(?:{words})\b", sentence, re.IGNORECASE))
    for hit in found:
        after, before = sentence[hit.end():].split(None, 1), sentence[:hit.start()].split()
        if not after or after[0].lower().strip(".,;:") not in book.station_words or \
                len(before) < 2 or not before[-1][:1].isupper() or \
                before[-2].lower() not in book.station_openers:
            return False
    return bool(found)


def _is_party(actor: Actor, book: ActorBook) -> bool:
    entry = book.entry(actor)
    return entry is not None and entry.party
