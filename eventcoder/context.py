"""Document context: parties a sentence leaves out come from the article's main dyad.

"A fragile cease-fire brokered by Türkiye and Qatar was reached" names no sides; a reader
takes them from the article, which is about Pakistan and Afghanistan. Such events are
flagged `actors_inferred`. "Both sides" is read the same way, from the sentence when it
names two sides elsewhere, else from the article.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from .events import EventRecord
from .resolve.actors import Actor, ActorBook


@dataclass
class Pending:
    """An event record and what the rules knew of its roles."""

    record: EventRecord
    structure: str
    default_organ: str
    dyad_ref: bool


def _state_pair(record: EventRecord) -> frozenset[str] | None:
    a, b = record.actor1, record.actor2
    if a and b and a.is_state and b.is_state and a.iso3 and b.iso3 and a.iso3 != b.iso3:
        return frozenset((a.iso3, b.iso3))
    return None


def main_dyad(pending: list[Pending], state_counts: Callable[[], Counter[str]]
              ) -> tuple[str, str] | None:
    """The pair of states most often on opposite sides; else the two most named states
    that are not mediators."""
    pairs = Counter(p for item in pending if (p := _state_pair(item.record)))
    if pairs:
        best = sorted(pairs.items(), key=lambda kv: (-kv[1], sorted(kv[0])))[0][0]
        a, b = sorted(best)
        return a, b
    mediators = {m.iso3 for item in pending for m in item.record.mediators}
    counts = [(iso3, n) for iso3, n in state_counts().most_common() if iso3 not in mediators]
    if len(counts) >= 2:
        return counts[0][0], counts[1][0]
    return None


def _fill(item: Pending, members: list[str], book: ActorBook, inferred: bool) -> bool:
    record = item.record
    taken = {a.iso3 for a in (record.actor1, record.actor2) if a is not None}
    taken |= {m.iso3 for m in record.mediators}
    missing = [iso3 for iso3 in members if iso3 not in taken]
    changed = False
    for iso3 in missing:
        actor: Actor = book.state(iso3, item.default_organ)
        if record.actor1 is None:
            record.actor1 = actor
        elif record.actor2 is None:
            record.actor2 = actor
        else:
            break
        changed = True
    if changed and inferred:
        record.actors_inferred = True
        record.rules.append("sides_from_document")
    elif changed:
        record.rules.append("sides_from_sentence")
    return changed


def apply_context(pending: list[Pending], book: ActorBook,
                  state_counts: Callable[[], Counter[str]]) -> None:
    """Fill the missing sides of dyadic and mediation events, in place."""
    needing = [p for p in pending if p.structure in {"dyadic", "mediation"}
               and (p.record.actor1 is None or p.record.actor2 is None)]
    if not needing:
        return
    by_sentence: dict[int, list[frozenset[str]]] = {}
    for item in pending:
        pair = _state_pair(item.record)
        if pair:
            by_sentence.setdefault(item.record.sentence_index, []).append(pair)
    dyad = main_dyad(pending, state_counts)
    for item in needing:
        local = by_sentence.get(item.record.sentence_index)
        if item.dyad_ref and local and _fill(item, sorted(local[0]), book, inferred=False):
            continue
        if dyad:
            _fill(item, list(dyad), book, inferred=True)
