"""Two groups that fight where ACLED's coders call such fights riots.

"Two communities clashed over a land dispute", "two groups of villagers clashed": ACLED
names the sides after the place ("Sidla Communal Militia (Bangladesh)") and codes a battle
in some countries, while in others its coders code the same fight as a riot, Rioters against
Rioters. Which countries do so is a convention of their notes, kept in the lexicon: the
generic actor's `crowd_in` (types/riots.yaml). A battle whose every side is such an actor,
or a party's crowd beside one ("two groups of party workers"), placed in one of its
countries, is retyped here, once the event's country is known."""

from __future__ import annotations

from ..actors import ActorBook
from ..context import Pending
from ..lexicon.model import EventType
from ..model.actors import Actor
from .crowd_types import CROWD_TYPES

BATTLES = "Battles"
RIOT = "Violent demonstration"
RULE = "crowd_communal"
# A party's supporters beside a communal side are one more crowd of the fight.
PARTY = "political_militia"


def communal_riots(pending: list[Pending], types: dict[str, EventType],
                   book: ActorBook) -> None:
    """Retype, in place, the battles of communal sides placed in a country of their
    generic actor's `crowd_in` as riots of two crowds."""
    riot = next((t for t in types.values() if t.acled_event_type in CROWD_TYPES and
                 t.acled_sub_event_type == RIOT), None)
    rioters = next((g.id for g in book.generic.values()
                    if g.actor_type == CROWD_TYPES["Riots"]), None)
    if riot is None or rioters is None:
        return
    for item in pending:
        record = item.record
        iso3 = record.place.iso3 if record.place is not None else None
        if record.acled_event_type != BATTLES or iso3 is None or \
                not _communal(book, (record.side1, record.side2), iso3):
            continue
        record.event_type = riot.id
        record.acled_event_type = riot.acled_event_type
        record.acled_sub_event_type = riot.acled_sub_event_type
        record.side1 = record.side2 = book.generic_actor(rioters, iso3)
        record.rules.append(RULE)


def _communal(book: ActorBook, sides: tuple[Actor | None, Actor | None], iso3: str) -> bool:
    """Is one side a generic actor that is a crowd in `iso3`, and the other the same, a
    party's or no one?"""
    crowd = [s for s in sides if s is not None and _crowd_in(book, s, iso3)]
    others = [s for s in sides if s is not None and s not in crowd]
    return bool(crowd) and all(s.actor_type == PARTY and not s.is_state for s in others)


def _crowd_in(book: ActorBook, side: Actor, iso3: str) -> bool:
    spec = book.generic.get(side.key.split(":", 1)[0])
    return spec is not None and iso3 in spec.crowd_in
