"""Candidate events: a trigger read as an event type, with its roles and status, before its
place, date and fatalities are resolved."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..lexicon.model import EventType
from .actors import Actor, Side
from .mentions import Placed
from .participants import ActorGroup



# Roles and candidates are never changed once made: the steps make new ones (`Candidate.but`).
# Not frozen dataclasses, whose fields are each set through object.__setattr__: that cost
# 2.3 % of the whole pipeline's instructions (callgrind, dense-20000); a test holds the rules
# to never assigning to one (tests/test_model.py).
@dataclass(slots=True)
class Roles:
    """Who takes part in a candidate event, as its sentence tells.

    `sides` are the event's two sides in the order of the dataset's actor1 and actor2; for
    a one-sided event (an airstrike), the actor and then the target, None where only the
    target is known. `both_sides`: the sentence points at two sides it does not name ("urged
    both sides", "talks between the two countries"), to be read from the sentence or the
    article. `caller`: who makes a call for the event ("Qatar urged ... to talks"), if the
    status is "called for" and the caller is named. `associates`: for each side, the groups
    that act with or as it ("Protesters" led by a party: ACLED's associated actors)."""

    sides: tuple[Side | None, ...] = ()
    mediators: tuple[Actor, ...] = ()
    both_sides: bool = False
    caller: ActorGroup | None = None
    associates: tuple[tuple[Side, ...], tuple[Side, ...]] = ((), ())

    def side_keys(self) -> set[str]:
        return {side.key for side in self.sides if side is not None}


@dataclass(slots=True)
class Candidate:
    """One trigger read as one event type. `rules` names every rule that shaped it, in
    order, for the dataset's provenance; `clause` is the clause of the trigger's first
    token; `anaphoric`: a definite mention ("the talks") that may point back to an event
    told before. The rules' later steps make new candidates with `but` rather than change
    one."""

    event_type: EventType
    trigger: Placed
    weak: bool
    status: str
    roles: Roles
    clause: int
    anaphoric: bool = False
    rules: tuple[str, ...] = ()

    def but(self, *rules: str, **changes: object) -> Candidate:
        """A copy with `changes` made and `rules` added to its provenance."""
        return replace(self, rules=self.rules + rules, **changes)  # type: ignore[arg-type]
