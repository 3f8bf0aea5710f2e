"""What the matcher finds and the rules read: lexicon references, mentions, and mentions placed
on a sentence's tokens.

These are plain values with no behaviour beyond grouping, so that the matcher, the sentence
view, the rules and the resolvers all depend on this module and not on one another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

from .pickling import pickled_by_fields


@dataclass(frozen=True, slots=True)
class TriggerRef:
    """A phrase that names an event of `event_type`."""

    event_type: str
    weak: bool
    consequence: bool = False
    status: str | None = None
    needs_pair: bool = False


@dataclass(frozen=True, slots=True)
class ActorRef:
    """kind: state, adjective, capital, group, group_adjective, person, organ, generic, sides."""

    kind: str
    key: str


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """A gazetteer name (folded)."""

    key: str


@dataclass(frozen=True, slots=True)
class CueRef:
    """A cue phrase: its kind (negation, status, role, ...), value, scope and window."""

    kind: str
    value: str | None
    scope: str
    window: int
    except_types: tuple[str, ...] = ()


Payload = Union[TriggerRef, ActorRef, PlaceRef, CueRef]


def group_payloads(payloads: tuple[Payload, ...]) -> dict[type, tuple[Payload, ...]]:
    """Payloads by kind. Grouped once, when the matcher is built, because the rules ask a
    mention for its triggers, actors or places many times. Payloads all of one kind (most
    phrases: a place name) are their own group, one tuple fewer for each of ~10^5 phrases."""
    groups: dict[type, list[Payload]] = {}
    for p in payloads:
        groups.setdefault(type(p), []).append(p)
    if len(groups) == 1:
        return {next(iter(groups)): payloads}
    return {kind: tuple(refs) for kind, refs in groups.items()}


@dataclass(slots=True)
class Mention:
    """A phrase found in the text: its character span and what the lexicon says of it.

    Treated as immutable, but not a frozen dataclass: a frozen one calls
    object.__setattr__ per field on every construction, and the matcher makes a mention for
    every phrase of every sentence it reads."""

    start: int
    end: int
    payloads: tuple[Payload, ...]
    # By kind (see group_payloads). No default, so that no mention is made whose `of`
    # would find nothing.
    groups: dict[type, tuple] = field(compare=False)

    def __hash__(self) -> int:  # as a frozen dataclass would hash: by the compared fields
        return hash((self.start, self.end, self.payloads))

    def of(self, kind: type) -> tuple:
        """The payloads of one kind (TriggerRef, ActorRef, PlaceRef or CueRef)."""
        return self.groups.get(kind, ())

    @classmethod
    def grouped(cls, start: int, end: int, payloads: tuple[Payload, ...]) -> Mention:
        """A mention made outside the matcher (by a rule), its payloads grouped as the
        matcher's are, so that `of` finds them."""
        return cls(start, end, payloads, group_payloads(payloads))


# Not frozen, which makes `__init__` three times slower, and a sentence view makes one per
# mention; hashed as if frozen, and read only: nothing assigns to one.
@dataclass(slots=True, unsafe_hash=True)
class Placed:
    """A mention and the tokens of its sentence it covers (first..last, inclusive)."""

    mention: Mention
    first: int
    last: int


__all__ = ["ActorRef", "CueRef", "Mention", "Payload", "PlaceRef", "Placed", "TriggerRef",
           "group_payloads"]


pickled_by_fields(TriggerRef, ActorRef, PlaceRef, CueRef)  # when compiled: see model/pickling.py
