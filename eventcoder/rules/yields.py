"""Events a report tells only as part, or as the cause, of another one (ACLED codes the
other one alone), across the sentences of a document:

- an arrest, a deployment or looting is coded as an event of its own only when no violence
  or demonstration is reported with it. Within one sentence `rules.steps.absorb` applies
  the rule (an event type's `yields_to`); a report often tells the arrests or the deployed
  police a sentence or two after the riot or the attack ("... clashed over a procession.
  Police were deployed and ten people were arrested."), and those are part of that event
  too, up to `window` sentences away;
- an attack that a demonstration in the same sentence is held over ("residents blocked the
  road against the killing of a trader", "relatives of a murdered farmer staged a sit-in")
  is its cause, not an event of its own (an event type's `cause_of`).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..context import Pending
from ..lexicon.model import EventType


def yields_nearby(pending: list[Pending], types: Mapping[str, EventType], window: int
                  ) -> list[Pending]:
    """The document's events without those of a type that `yields_to` the disorder type of
    an event told at most `window` sentences before or after it, nor those of a type that
    is the `cause_of` an event of the same sentence (in text order)."""
    if len(pending) < 2:
        return pending
    told = [i for i, p in enumerate(pending) if types[p.record.event_type].yields_to
            or types[p.record.event_type].cause_of]
    if not told:
        return pending  # (most documents: nothing to yield)
    dropped = {i for i in told if _told_with(i, pending, types, window)}
    return [p for i, p in enumerate(pending) if i not in dropped] if dropped else pending


def _told_with(i: int, pending: list[Pending], types: Mapping[str, EventType], window: int
               ) -> bool:
    """Is event `i` part or cause of another event of the document?"""
    record = pending[i].record
    spec = types[record.event_type]
    at = record.sentence_index
    for j, other in enumerate(pending):
        if j == i:
            continue
        them = other.record
        if spec.yields_to and them.disorder_type in spec.yields_to and \
                abs(them.sentence_index - at) <= window:
            return True
        if them.event_type in spec.cause_of and them.sentence_index == at:
            return True
    return False
