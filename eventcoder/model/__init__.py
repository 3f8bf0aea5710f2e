"""The value types the stages share: actors and sides, places, a sentence's participants,
candidate events and their roles, and the event record.

The model sits above the lexicon (its values carry lexicon entries: an event type, the
places of a name) and below every stage: the rules make participants and candidates, the
resolvers read them and make records, the context settles the records.
"""

from .actors import Actor, Side, UnnamedActor, UnnamedState, same_actor
from .candidates import Candidate, Roles
from .participants import ActorGroup, Chunk, Participants, PlaceMention
from .places import Location
from .records import EventRecord

__all__ = ["Actor", "ActorGroup", "Candidate", "Chunk", "EventRecord", "Location",
           "Participants", "PlaceMention", "Roles", "Side", "UnnamedActor", "UnnamedState",
           "same_actor"]
