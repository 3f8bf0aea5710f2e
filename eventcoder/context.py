"""Document context: what a sentence leaves out comes from the article's main dyad.

"A truce mediated by Qatar held for a week" names no sides; a reader takes them from the
article, which is about, say, Pakistan and Afghanistan. Such events are
flagged `actors_inferred`. "Both sides" is read the same way, from the sentence when it
names two sides elsewhere, else from the article. "The army" with no state named, and
"along the frontier" with no states named, are settled the same way.
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from .actors import UNPLACED_ORGAN, ActorBook
from .lexicon import Gazetteer, PlaceRecord
from .model.actors import Actor, same_actor
from .model.places import Location
from .model.records import EventRecord, Pending
from .resolve.places import border_location, to_location

# The events of one type, status and pair of sides that a later mention is compared with,
# at most: the first this many of a document (none of them a mention of another). Merging
# stays linear in the events of a document; beyond the reach (a document that reports
# hundreds of events of one pair at different places or dates), an event is kept as it is
# and later mentions are not merged into it, with a warning.
MERGE_REACH = 200


def _named(actor: Actor | None) -> bool:
    """A side that can stand for the article's dyad: a state or a named group."""
    return actor is not None and (actor.is_state or actor.key.startswith("group:"))


def _pair(record: EventRecord) -> tuple[Actor, Actor] | None:
    a, b = record.side1, record.side2
    if a and b and _named(a) and _named(b) and a.key != b.key:
        return (a, b) if a.key < b.key else (b, a)
    return None


def main_dyad(pending: list[Pending], state_counts: Callable[[], Counter[str]],
              book: ActorBook) -> tuple[Actor, Actor] | None:
    """The two sides most often opposed in the article's events; else the two states it
    names most that are not mediators."""
    pairs: Counter[tuple[str, str]] = Counter()
    actors: dict[str, Actor] = {}
    for item in pending:
        pair = _pair(item.record)
        if pair:
            pairs[(pair[0].key, pair[1].key)] += 1
            actors.setdefault(pair[0].key, pair[0])
            actors.setdefault(pair[1].key, pair[1])
    if pairs:
        best = max(pairs.items(), key=lambda kv: kv[1])[0]  # first seen wins a tie
        return actors[best[0]], actors[best[1]]
    mediators = {m.iso3 for item in pending for m in item.record.mediator_actors}
    counts = [iso3 for iso3, _ in state_counts().most_common() if iso3 not in mediators]
    if len(counts) >= 2:
        return book.state(counts[0], None), book.state(counts[1], None)
    return None


def _fill(item: Pending, members: list[Actor], book: ActorBook, inferred: bool) -> bool:
    record = item.record
    taken = {a.key for a in (record.side1, record.side2) if a is not None}
    taken |= {m.key for m in record.mediator_actors}
    changed = False
    for actor in members:
        # Read on this event's date: the Taliban of 2019 talks are the state in a 2022 clash.
        actor = book.on_date(actor, record.event_date, record.place.iso3 if record.place else None)
        if actor.key in taken:
            continue
        # The event's own organ: a truce is the governments', whoever fought before.
        actor = book.state(actor.iso3, item.default_organ) if actor.is_state and actor.iso3 \
            else actor
        if record.side1 is None:
            record.side1 = actor
        elif record.side2 is None:
            record.side2 = actor
        else:
            break
        taken.add(actor.key)
        changed = True
    if changed:
        record.actors_inferred = record.actors_inferred or inferred
        record.rules.append("sides_from_document" if inferred else "sides_from_sentence")
    return changed


def _settle_organs(item: Pending, dyad: tuple[Actor, Actor] | None, top_state: str | None,
                   book: ActorBook) -> None:
    """"The army" with no state: the dyad's state not already on the other side, else the
    state the article names most."""
    record = item.record
    unsettled = []
    for slot, organ in item.unplaced_organs:
        other = record.side2 if slot == 0 else record.side1
        choices = [a.iso3 for a in (dyad or ()) if a.is_state and a.iso3]
        iso3 = next((c for c in choices if not other or other.iso3 != c), None) or top_state
        if iso3 and (other is None or other.iso3 != iso3 or not other.is_state):
            actor = book.state(iso3, organ)
            if slot == 0:
                record.side1 = actor
            else:
                record.side2 = actor
            record.rules.append("organ_state_from_document")
        else:
            unsettled.append((slot, organ))
            record.rules.append(UNPLACED_ORGAN)
    # (an organ the article places nowhere may still be a crowd's police: rules/crowds.py)
    item.unplaced_organs = tuple(unsettled)


def _settle_border(item: Pending, gazetteer: Gazetteer) -> None:
    record = item.record
    a, b = record.side1, record.side2
    if item.on_border and record.place is None and a and b and a.is_state and b.is_state:
        record.place = border_location(gazetteer, a.iso3, b.iso3)
        if record.place is not None:
            record.rules.append("place_border")


def _fill_from_article(pending: list[Pending], needs_sides: list[Pending],
                       needs_organs: list[Pending], book: ActorBook,
                       state_counts: Callable[[], Counter[str]]) -> None:
    """Unnamed organs get the dyad's state (or the most named), missing sides the
    sentence's pair when "both sides" points at it, else the article's main dyad."""
    by_sentence: dict[int, tuple[Actor, Actor]] = {}
    for item in pending:
        pair = _pair(item.record)
        if pair:
            by_sentence.setdefault(item.record.sentence_index, pair)
    dyad = main_dyad(pending, state_counts, book)
    top = state_counts().most_common(1) if needs_organs else []
    for item in needs_organs:
        _settle_organs(item, dyad, top[0][0] if top else None, book)
    for item in needs_sides:
        local = by_sentence.get(item.record.sentence_index)
        if item.both_sides and local and _fill(item, list(local), book, inferred=False):
            continue
        if dyad:
            _fill(item, list(dyad), book, inferred=True)


def apply_context(pending: list[Pending], book: ActorBook, gazetteer: Gazetteer,
                  state_counts: Callable[[], Counter[str]]) -> list[Pending]:
    """Fill missing sides, unnamed organs and unnamed borders. Returns the events that
    still say who took part: talks or a truce between no one known are not coded."""
    needs_sides = [p for p in pending if p.structure in {"dyadic", "mediation"}
                   and (p.record.side1 is None or p.record.side2 is None)]
    needs_organs = [p for p in pending if p.unplaced_organs]
    if needs_sides or needs_organs:
        _fill_from_article(pending, needs_sides, needs_organs, book, state_counts)
    _previous_actor(pending, book)
    kept: list[Pending] = []
    for item in pending:
        record = item.record
        record.keep_sides_apart()  # whatever the context filled in
        if item.on_border:
            _settle_border(item, gazetteer)
        # Violence is coded whoever took part (ACLED: unidentified actors; a violent
        # type's fatalities are never null); talks between no one known are not.
        if item.structure == "one_sided" or record.side1 is not None or \
                record.side2 is not None or record.mediator_actors or item.both_sides or \
                record.fatalities is not None:
            kept.append(item)
    return kept


def _keys(record: EventRecord) -> frozenset[str]:
    return frozenset(a.key for a in (record.side1, record.side2) if a is not None)


def _identity(record: EventRecord) -> tuple[str, str, frozenset[str]] | None:
    """What two mentions of one event share exactly: type, status and sides; None for a
    record that joins no other (a part of a split event, or no side known). Merging never
    changes them, so it is computed once per record."""
    keys = _keys(record)
    if record.part or not keys:
        return None
    return record.event_type, record.status, keys


def _compatible(a: EventRecord, b: EventRecord) -> bool:
    """Two mentions of one event, given equal `_identity`: same mediators; dates and places
    equal where both are known (a country and a place inside it agree)."""
    ma, mb = {m.key for m in a.mediator_actors}, {m.key for m in b.mediator_actors}
    if ma and mb and ma != mb:
        return False
    if a.event_date and b.event_date and (a.event_date, a.time_precision) != (
            b.event_date, b.time_precision):
        return False
    la, lb = a.place, b.place
    if la and lb and la.name != lb.name:
        coarse = la if la.precision == 3 and la.name == la.country else \
            lb if lb.precision == 3 and lb.name == lb.country else None
        if coarse is None or la.iso3 != lb.iso3:
            return False
    return True


def _reported_before(earlier: list[EventRecord], record: EventRecord) -> EventRecord | None:
    """The first of the `earlier` events (of the record's identity) that the record, from
    another sentence, may be a mention of."""
    for target in earlier:
        if target.sentence_index != record.sentence_index and _compatible(target, record):
            return target
    return None


def _absorb(target: EventRecord, record: EventRecord) -> None:
    """A later mention of the target's event: the target takes what it lacks from it (a
    date, a more precise place, mediators, a toll) and names its sentence."""
    target.mention_sentences.append(record.sentence)
    target.mention_offsets.append(f"{record.sentence_start}:{record.sentence_end}")
    if target.event_date is None and record.event_date is not None:
        target.event_date, target.time_precision = record.event_date, record.time_precision
        target.date_text = record.date_text
    if record.place and (target.place is None or record.place.precision < target.place.precision):
        target.place = record.place
    target.mediator_actors = target.mediator_actors or record.mediator_actors
    if record.fatalities and not target.fatalities:
        target.fatalities = record.fatalities
    target.rules.append("merged_sentences")


def merge_mentions(pending: list[Pending], reach: int = MERGE_REACH) -> list[Pending]:
    """One row per event: later sentences reporting the same event join the first one,
    which takes from them what it lacks (a date, a more precise place, mediators). A mention
    is compared only with the earlier events of its identity, the first `reach` of them."""
    kept: list[Pending] = []
    same: dict[tuple[str, str, frozenset[str]], list[EventRecord]] = {}
    beyond = 0  # events past the reach: later mentions are not merged into them
    for item in pending:
        record = item.record
        identity = _identity(record)
        if identity is None:
            kept.append(item)
            continue
        earlier = same.setdefault(identity, [])
        target = _reported_before(earlier, record)
        if target is not None:
            _absorb(target, record)
            continue
        kept.append(item)
        if len(earlier) < reach:
            earlier.append(record)
        else:
            beyond += 1
    if beyond:
        warnings.warn(f"document {pending[0].record.doc_id}: more than {reach} events of one "
                      f"type, status and pair of sides; later mentions are not merged into "
                      f"{beyond} of them", stacklevel=2)
    return kept


def _previous_actor(pending: list[Pending], book: ActorBook) -> None:
    """"Eight people were killed in the strikes on Hodeidah": an attack with no attacker
    named is taken to be by the attacker of the article's last attack of that type."""
    last: dict[str, Actor] = {}
    for item in pending:
        record = item.record
        if item.structure != "one_sided":
            continue
        if record.side1 is None and record.event_type in last and \
                not same_actor(last[record.event_type], record.side2):  # not its own target
            record.side1 = last[record.event_type]
            record.actors_inferred = True
            record.rules.append("actor_from_document")
        elif record.side1 is not None and _named(record.side1):
            last[record.event_type] = record.side1


def place_unplaced(pending: list[Pending],
                   where: Callable[[], tuple[PlaceRecord, int] | None],
                   placeable: Callable[[EventRecord], bool] = lambda record: True) -> None:
    """An event whose sentences name no place is where the article's nearest placed event
    is (the one before it, else after it): a report tells its place once. With no placed
    event, it is where the article is (`where`: a place and its geo precision, from
    `CountryReader.place`, asked at most once), as ACLED codes it: the town, province or
    country the report points to, at the precision it tells. Only `placeable` events
    (violence, crowds) are placed so, and from each other: talks and offers are held
    elsewhere as often as not."""
    placed = [item.record.place if placeable(item.record) else None for item in pending]
    location: Location | None = None
    asked = False
    for i, item in enumerate(pending):
        record = item.record
        if record.place is not None or item.on_border or _between_states(record) or \
                not placeable(record):
            continue
        before = next((p for p in reversed(placed[:i]) if p is not None), None)
        near = before or next((p for p in placed[i + 1:] if p is not None), None)
        if near is not None:
            record.place = near
            record.rules.append("place_article_event")
            continue
        if not asked:
            asked, found = True, where()
            location = replace(to_location(found[0]), precision=found[1]) if found else None
        if location is None:
            continue
        record.place = location
        record.rules.append("place_article")


def _between_states(record: EventRecord) -> bool:
    """Two states' forces facing each other: either side of the line, or on it; the
    article's country does not tell which ("Azerbaijan and Armenia exchanged fire")."""
    a, b = record.side1, record.side2
    return bool(a and b and a.is_state and b.is_state and a.iso3 != b.iso3)
