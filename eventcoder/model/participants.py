"""Participants of a sentence, as the rules find them and the resolvers read them.

A chunk is one actor as written: "Pakistani Foreign Minister Ishaq Dar", "the Afghan
military", "TTP militants". Chunks written together ("Pakistan and Afghanistan", "Qatar,
Turkey and Saudi Arabia") form an `ActorGroup`, which a role cue next to it gives a role.
A `PlaceMention` is a name the rules took as a place, with every place of that name.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lexicon import PlaceRecord
from .actors import Actor, Side


@dataclass(slots=True)
class Chunk:
    """One actor as written, on tokens first..last. Made and settled by the rules' chunker
    (which joins "Pakistani" and "military", "Taliban" and "fighters"); read-only once it is
    in an `ActorGroup`."""

    first: int
    last: int
    side: Side | None = None  # None: "both sides", which stands for two sides named elsewhere
    dyad: bool = False        # "both sides", "the two countries"
    tentative: bool = False   # a bare adjective, an actor only if something confirms it
    adjective: bool = False
    named_group: bool = False  # from a named group ("Taliban"), even one that is a state
    victim: bool = False      # named in a death toll ("killed 12 civilians"): not a side
    toll_end: int = -1        # the last token of the death toll it is named in, if any

    @property
    def actor(self) -> Actor | None:
        """The named actor of the chunk, if it names one."""
        side = self.side
        return side if isinstance(side, Actor) else None


# Read-only once made, but not frozen: a frozen dataclass sets each field through
# object.__setattr__, five times the cost, and the rules make several of these per sentence.
# Told apart by identity (eq=False): two groups are two places in the text.
@dataclass(slots=True, eq=False)
class ActorGroup:
    """Chunks written together, in text order, on tokens first..last; `role` is what a role
    cue makes them (mediator, between, target, agent), `source` whether a speech verb
    follows ("..., officials said": who reports, not who acts). Made with `of`, which
    stores what the rules read of the chunks: the named `actors` among them, the sides their
    chunks stand for but victims (`members`, in text order), whether they are all victims
    and whether one is "both sides" (`dyad`)."""

    chunks: list[Chunk]
    first: int
    last: int
    actors: list[Actor]
    members: list[Side]
    victims_only: bool
    dyad: bool
    role: str | None = None
    source: bool = False

    @classmethod
    def of(cls, chunks: list[Chunk], role: str | None = None, source: bool = False
           ) -> ActorGroup:
        actors: list[Actor] = []
        members: list[Side] = []
        victims_only, dyad = True, False
        for chunk in chunks:
            side = chunk.side
            if isinstance(side, Actor):
                actors.append(side)
            if side is not None and not chunk.victim:
                members.append(side)
            victims_only = victims_only and chunk.victim
            dyad = dyad or chunk.dyad
        return cls(chunks, chunks[0].first, chunks[-1].last, actors, members, victims_only,
                   dyad, role, source)


@dataclass(slots=True)  # read-only once made (see ActorGroup)
class PlaceMention:
    """A name taken as a place, on tokens first..last, with the places of that name (best
    first). `weak`: indexes of records matched by an alternate name only."""

    first: int
    last: int
    records: list[PlaceRecord]
    near: bool = False    # "near Kabul", "south of Taiz"
    region: bool = False  # "Kandahar province"
    weak: frozenset[int] = frozenset()
    speech: bool = False  # "told reporters in Rawalpindi": where it was said, not done
    district: bool = False  # "Maruf district": the district unit before a town
    start: int = 0  # where the name is written in the document (characters)
    end: int = 0


@dataclass(slots=True)  # read-only once made (see ActorGroup)
class Participants:
    """The actor groups and places of one sentence, each in text order."""

    groups: list[ActorGroup]
    places: list[PlaceMention]
