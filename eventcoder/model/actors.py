"""Actors, and the kinds of side an event can have.

A side is one of three kinds, each a small frozen value:

- `Actor`: a named actor, resolved ("Military Forces of Pakistan", "Taliban").
- `UnnamedState`: an organ of a state the sentence does not name ("the army", "the
  government"); its state is settled later, from the event's place, the other side or the
  article's main dyad.
- `UnnamedActor`: an actor known only by what it is ("militants", "Afghan gunmen"): a
  generic actor of the lexicon, with its country when the text gives one, else the event's.

What ACLED calls an unidentified armed group is an `UnnamedActor` like any other: the rules
treat every generic actor alike, and what sets one apart (its label, its actor type,
whether its members are victims in a toll) is data in the lexicon's `generic_actors`.

Every side has a `key` that tells sides apart: a state's organs share the state's key
(`Actor.key` is the iso3 for a state), and two mentions of "militants" of one country are
one side.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..lexicon.model import INTER_CODES


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved participant. `key` identifies it across events (iso3 for a state)."""

    key: str
    name: str
    iso3: str | None
    actor_type: str
    is_state: bool = False
    organ: str | None = None
    # The group name it was found under, so it can be read again on the event's date.
    alias: str | None = field(default=None, compare=False)
    # The lexicon's generic actor it stands for ("rioters" for "Rioters (India)"), if any.
    generic: str | None = field(default=None, compare=False)
    # ACLED's numeric code of the actor type (inter1/inter2), read for every row.
    inter: int = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "inter", INTER_CODES[self.actor_type])


@dataclass(frozen=True, slots=True)
class UnnamedState:
    """A state organ with no state named ("the army killed"): `organ` is the lexicon's id."""

    organ: str
    key: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", f"organ:{self.organ}")


@dataclass(frozen=True, slots=True)
class UnnamedActor:
    """A generic actor ("militants"): `generic` is the lexicon's id, `country` the iso3 the
    text gives it ("Afghan militants"), None if it gives none."""

    generic: str
    country: str | None = None
    key: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", f"generic:{self.generic}:{self.country or ''}")


Side = Actor | UnnamedState | UnnamedActor


def same_actor(a: Actor | None, b: Actor | None) -> bool:
    """Are two sides one actor? The dataset tells actors by name: "Afghan forces" and, in
    2026, "the Taliban" are both "Military Forces of Afghanistan"."""
    return a is not None and b is not None and a.name == b.name


def distinct_sides(sides: Iterable[Side | None], limit: int = 2) -> list[Side]:
    """The first `limit` sides of distinct keys, in order; None (no side) is skipped."""
    seen: set[str] = set()
    out: list[Side] = []
    for side in sides:
        if side is None or side.key in seen:
            continue
        seen.add(side.key)
        out.append(side)
        if len(out) == limit:
            break
    return out


def distinct_actors(actors: Iterable[Actor], limit: int) -> tuple[Actor, ...]:
    """The first `limit` actors of distinct keys, in order."""
    seen: set[str] = set()
    out: list[Actor] = []
    for actor in actors:
        if actor.key not in seen:
            seen.add(actor.key)
            out.append(actor)
            if len(out) == limit:
                break
    return tuple(out)
