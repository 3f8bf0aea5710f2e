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

from ..actors import ActorBook
from ..lexicon.model import EventType
from ..model.actors import Actor
from ..model.records import EventRecord

RULE = "party_members_civilians"
VICTIMS_RULE = "civilians_are_victims"
_CIVILIANS = "civilians"  # the actor type of civilians, never the doer of an attack on them


def civilian_victims(record: EventRecord, event_type: EventType, book: ActorBook) -> None:
    """Civilians named alone are the victims (actor2) of an attack on civilians; a party on
    the target's side (actor2) is its members: the type's `default_target` in the party's
    country (else the place's), the party their associated actor."""
    target, default = record.side2, event_type.default_target
    if default is None:
        return
    doer = record.side1
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


def _is_party(actor: Actor, book: ActorBook) -> bool:
    entry = book.entry(actor)
    return entry is not None and entry.party
