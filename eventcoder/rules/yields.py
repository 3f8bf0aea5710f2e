"""ACLED's rule for strategic developments across sentences: an arrest, a deployment or
looting is coded as an event of its own only when no violence or demonstration is reported
with it. Within one sentence `rules.steps.absorb` applies the rule (an event type's
`yields_to`); a report often tells the arrests or the deployed police a sentence or two
after the riot or the attack ("... clashed over a procession. Police were deployed and ten
people were arrested."), and those are part of that event too.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..context import Pending
from ..lexicon.model import EventType


def yields_nearby(pending: list[Pending], types: Mapping[str, EventType], window: int
                  ) -> list[Pending]:
    """The document's events without those of a type that `yields_to` the disorder type of
    an event told at most `window` sentences before or after it (in text order)."""
    yielding = [i for i, p in enumerate(pending) if types[p.record.event_type].yields_to]
    if not yielding or len(pending) < 2:
        return pending  # (most documents: nothing to yield)
    dropped = set()
    for i in yielding:
        record = pending[i].record
        wanted = types[record.event_type].yields_to
        at = record.sentence_index
        if any(j != i and p.record.disorder_type in wanted
               and abs(p.record.sentence_index - at) <= window
               for j, p in enumerate(pending)):
            dropped.add(i)
    return [p for i, p in enumerate(pending) if i not in dropped] if dropped else pending
