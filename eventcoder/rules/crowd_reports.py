"""Crowd events once placed: their associated actors named (`name_associates`), and the
sentences of an article that report one crowd joined into one event
(`merge_crowd_reports`), with the force's arrests beside it folded in. The sentence rules
are rules/crowds.py's."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from ..actors import ActorBook
from ..model.records import Pending
from ..lexicon.model import EventType
from ..model.actors import Actor, Side, UnnamedActor
from ..model.candidates import Roles
from ..model.records import EventRecord
from .crowd_communal import communal_riots, deadly_battles
from .crowd_types import (
    ARRESTS,
    CROWD_ACTOR_TYPES,
    CROWD_TYPES,
    FORCE_FACED,
    FORCE_MERGED,
    FORCE_REPORTS,
    FORCE_TOLD,
    FORCES,
    INTERVENTION,
    MERGED,
    PRECEDENCE,
    UNTOLD,
    is_force,
)


def name_associates(record: EventRecord, roles: Roles, book: ActorBook) -> None:
    """The record's associated actors, named on its date and in its country; a crowd whose
    country neither the place nor a state told takes its group's ("BJP workers")."""
    first, second = roles.associates
    if not first and not second:
        return
    iso3 = record.place.iso3 if record.place else None
    record.associates1 = _named(first, book, record, iso3)
    record.associates2 = _named(second, book, record, iso3)
    side1 = record.side1
    if side1 is not None and side1.iso3 is None and side1.actor_type in CROWD_ACTOR_TYPES:
        country = next((a.iso3 for a in record.associates1 if a.iso3), None)
        generic = side1.generic
        if country is not None and generic is not None and generic in book.generic:
            record.side1 = book.generic_actor(generic, country)
            record.rules.append("crowd_country_from_group")


def _named(sides: tuple[Side, ...], book: ActorBook, record: EventRecord, iso3: str | None
           ) -> list[Actor]:
    out: list[Actor] = []
    for side in sides:
        if isinstance(side, Actor):
            out.append(book.on_date(side, record.event_date))
        elif isinstance(side, UnnamedActor):
            out.append(book.generic_actor(side.generic, side.country or iso3))
        elif iso3:
            out.append(book.state(iso3, side.organ))
    return out


# -- one crowd event per article and place -------------------------------------------------

def merge_crowd_reports(pending: list[Pending], types: dict[str, EventType], book: ActorBook,
                        state_counts: Callable[[], Counter[str]],
                        denials: frozenset[str] = frozenset()) -> list[Pending]:
    """ACLED codes one event per crowd, place and day: the sentences of an article that
    report a crowd ("Farmers protested in Lahore." then "Police baton-charged them.") are
    one event, of the strongest type they tell, at the most precise place. Reports of the
    same status whose places and dates agree (or one lacks them) join the first. A crowd
    that neither a place nor a group puts in a country is in the country of the article's
    first placed event, else of the state it names most (`state_counts`), if any. In some
    countries a deadly fight of two crowds is a battle (`deadly_battles`; `denials`: the
    words that deny a death, "no one was killed")."""
    communal_riots(pending, types, book)  # (a country's convention: two groups riot)
    kept: list[Pending] = []
    crowds: list[EventRecord] = []
    for item in pending:
        record = item.record
        if record.acled_event_type not in CROWD_TYPES:
            kept.append(item)
            continue
        if record.side1 is not None and record.side1.iso3 is None:
            _in_article_country(record, book, pending, state_counts)
        _force_in_crowd_country(item, book)
        target = next((c for c in crowds if _same_crowd(c, record)), None)
        if target is None:
            crowds.append(record)
            kept.append(item)
        else:
            _join_crowd(target, record, types, book)
    if crowds:
        kept = _forces_at_crowds(kept, crowds, types, book)
    # Words of intervention that joined no crowd's report: no protest told.
    kept = [item for item in kept if UNTOLD not in item.record.rules
            or MERGED in item.record.rules]
    # (a country's convention: a deadly fight of two crowds is a battle)
    deadly_battles(kept, types, book, denials)
    return kept


def _force_in_crowd_country(item: Pending, book: ActorBook) -> None:
    """The force a crowd faced, of no state the sentence told ("protesters clashed with the
    police"), is the force of the crowd's country, once the article or the crowd's group
    has told it."""
    record = item.record
    iso3 = record.side1.iso3 if record.side1 is not None else None
    organ = next((o for slot, o in item.unplaced_organs if slot == 1 and o in FORCES), None)
    if record.side2 is None and iso3 and organ is not None:
        record.side2 = book.state(iso3, organ)
        item.unplaced_organs = tuple(u for u in item.unplaced_organs if u != (1, organ))
        record.rules.append("crowd_force_country")


def _forces_at_crowds(kept: list[Pending], crowds: list[EventRecord],
                      types: dict[str, EventType], book: ActorBook) -> list[Pending]:
    """A force's arrests or deployment that an article reports beside a crowd ("Farmers
    protested in Nashik. Police detained 20 of them.") are what the force did to the crowd,
    not events of their own: the crowd's event has the force as actor2, and an arrest makes
    a peaceful protest one with intervention, as ACLED codes it."""
    stronger = next((t for t in types.values()
                     if t.acled_sub_event_type == INTERVENTION), None)
    out: list[Pending] = []
    for item in kept:
        record = item.record
        organ = _force_organ(item)
        # (a force's report after the crowd's: police who arrested a killer before the
        # protest against the killing did not intervene in it)
        target = next((c for c in crowds if c.sentence_index <= record.sentence_index
                       and _same_crowd(c, record)), None) if organ is not None else None
        if target is None:
            out.append(item)
            continue
        target.mention_sentences.append(record.sentence)
        if target.side2 is None:
            # "Police detained them": the police of the crowd's country
            iso3 = target.side1.iso3 if target.side1 is not None else None
            target.side2 = record.side1 or (book.state(iso3, organ) if iso3 else None)
        if record.acled_sub_event_type == ARRESTS and stronger is not None and \
                _sub_rank(target) > PRECEDENCE.index(INTERVENTION):
            target.event_type = stronger.id
            target.acled_sub_event_type = stronger.acled_sub_event_type
        target.rules.append(FORCE_MERGED)
    return out


def _force_organ(item: Pending) -> str | None:
    """The organ of the force whose arrest or deployment the record is, if it is one ("the
    police", named or of no state yet), against no state: what police did at a crowd."""
    record = item.record
    force, other = record.side1, record.side2
    if record.acled_sub_event_type not in FORCE_REPORTS or (other is not None and
                                                            other.is_state):
        return None
    if force is not None:
        return force.organ if is_force(force) else None
    return next((organ for slot, organ in item.unplaced_organs
                 if slot == 0 and organ in FORCES), None)


def _in_article_country(record: EventRecord, book: ActorBook, pending: list[Pending],
                        state_counts: Callable[[], Counter[str]]) -> None:
    side1 = record.side1
    if side1 is None or side1.actor_type not in CROWD_ACTOR_TYPES:
        return
    iso3 = next((p.record.place.iso3 for p in pending if p.record.place is not None), None)
    if iso3 is None:
        top = state_counts().most_common(1)
        iso3 = top[0][0] if top else None
    generic = side1.generic
    if iso3 is not None and generic is not None and generic in book.generic:
        record.side1 = book.generic_actor(generic, iso3)
        record.rules.append("crowd_country_from_document")


def _same_crowd(a: EventRecord, b: EventRecord) -> bool:
    if a.status != b.status or a.part or b.part:
        return False
    if a.event_date and b.event_date and a.event_date != b.event_date:
        return False
    return a.place is None or b.place is None or a.place.name == b.place.name or \
        a.place.iso3 == b.place.iso3 and 3 in (a.place.precision, b.place.precision)


def _sub_rank(record: EventRecord) -> int:
    sub = record.acled_sub_event_type
    return PRECEDENCE.index(sub) if sub in PRECEDENCE else len(PRECEDENCE)


def _join_crowd(target: EventRecord, record: EventRecord, types: dict[str, EventType],
                book: ActorBook) -> None:
    """The target takes the later report's stronger type (and its crowd's name, its
    force), a more precise place, a date, a toll and associated actors it lacks."""
    target.mention_sentences.append(record.sentence)
    if record.place and (target.place is None or record.place.precision < target.place.precision):
        target.place = record.place
    if target.event_date is None and record.event_date is not None:
        target.event_date, target.time_precision = record.event_date, record.time_precision
        target.date_text = record.date_text
    if record.fatalities and not target.fatalities:
        target.fatalities = record.fatalities
    for mine, theirs in ((target.associates1, record.associates1),
                         (target.associates2, record.associates2)):
        mine.extend(a for a in theirs if all(a.key != b.key for b in mine))
    if _sub_rank(record) < _sub_rank(target) and record.event_type in types:
        stronger = types[record.event_type]
        target.event_type = stronger.id
        target.acled_event_type = stronger.acled_event_type
        target.acled_sub_event_type = stronger.acled_sub_event_type
        target.side1 = record.side1 or target.side1
        target.side2 = record.side2 or target.side2
    elif target.side2 is None and record.side2 is not None and \
            target.acled_sub_event_type in FORCE_FACED:
        target.side2 = record.side2
    _renamed_crowd(target, book)
    if target.side2 is None and target.acled_sub_event_type in FORCE_TOLD and target.place:
        # "Police baton-charged them": the police of the place the first report named
        target.side2 = book.state(target.place.iso3, types[target.event_type].default_organ)
    target.rules.append(MERGED)


def _renamed_crowd(record: EventRecord, book: ActorBook) -> None:
    """The crowd named as its event type's: "Rioters" once the protest turned violent, in
    the country of the event's place when the first report had none."""
    side1, kind = record.side1, CROWD_TYPES.get(record.acled_event_type or "")
    if side1 is None or kind is None or side1.actor_type not in CROWD_ACTOR_TYPES:
        return
    generic = next((g.id for g in book.generic.values() if g.actor_type == kind), None)
    iso3 = side1.iso3 or (record.place.iso3 if record.place else None)
    if generic is not None and (side1.actor_type != kind or iso3 != side1.iso3):
        record.side1 = book.generic_actor(generic, iso3)
