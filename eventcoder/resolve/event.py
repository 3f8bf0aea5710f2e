"""Resolve a candidate into event records: place, date, fatalities and actor names.

A violent candidate whose clause reports several tolls at several places ("killed 18
militants in Balochistan and four more in Bajaur") becomes one event per toll and place:
split totals stay with the event that reports them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..actors import ActorBook
from ..documents import storable_day
from ..lexicon import Gazetteer
from ..lexicon.model import EventType, Retype
from ..model.actors import Actor, Side, UnnamedActor, UnnamedState
from ..model.candidates import Candidate
from ..model.participants import PlaceMention
from ..model.places import Location
from ..model.records import EventRecord, typed
from ..text import find_phrase
from .victims import civilian_victims
from .dates import DateResolver, ResolvedDate
from .facts import SentenceFacts
from .fatalities import split_total
from .places import best_location, border_location

# Imported to run, not only for type checkers: the compiled build (setup.py) checks this
# class's objects against its type, which exists once its module has been imported.
from ..rules.view import SentenceView


@dataclass(slots=True)  # read-only once made
class Resolved:
    """An event record, and what its sentence leaves for the article to settle."""

    record: EventRecord
    # (slot 0 or 1, organ id): "the army" of a state neither the place nor the other side
    # tells; the article's main dyad or its most named state will.
    unplaced_organs: tuple[tuple[int, str], ...] = ()
    # A border named by the trigger, with no place and no two states known yet: the border
    # of the states the context finds.
    on_border: bool = False


def _countries(facts: SentenceFacts, sides: tuple[Side | None, ...],
               mediators: tuple[Actor, ...]) -> set[str]:
    """Countries the event involves: its sides', its mediators', and those of every actor
    in the sentence. Usually the sentence's own set (shared: read it, do not change it)."""
    found = facts.countries
    extra: set[str] = set()
    for actor in (*sides, *mediators):
        if isinstance(actor, Actor) and actor.iso3 and actor.iso3 not in found:
            extra.add(actor.iso3)
    return found | extra if extra else found


def _border_near(facts: SentenceFacts, cand: Candidate) -> bool:
    """"Clashes along the frontier": a border named next to the trigger, whose two states
    may be known only from the article."""
    tokens = facts.border_tokens
    if not tokens:
        return False
    trigger, clause_of = cand.trigger, facts.view.clause_of
    return any(trigger.first - 4 <= i <= trigger.last + 4 and
               clause_of(i) == cand.clause for i in tokens)


def _location(facts: SentenceFacts, cand: Candidate, places: list[PlaceMention],
              gazetteer: Gazetteer, countries: set[str], border: bool,
              sides: tuple[Side | None, ...], article: frozenset[str] = frozenset()
              ) -> tuple[Location | None, str | None]:
    """The event's place: in its own clause first, then its border, then the nearest clause
    that names one. Within a clause the place nearest the trigger wins, a more precise one
    counting as nearer (ACLED codes the most precise place *of the event*). `countries` are
    those the event involves, `border` whether a border is named by the trigger."""
    view, clause = facts.view, cand.clause
    # (place, clause) of the places not merely where something was said
    usable = [(p, c) for p, c in zip(places, facts.clauses_of(places)) if not p.speech] \
        if places else []
    own = [p for p, c in usable if c == clause]
    if border:
        # "Clashes along the frontier ...": the border, unless a place is named right there
        own = [p for p, gap in zip(own, _gaps(view, cand, own)) if gap <= 6]
        usable = [(p, clause) for p in own]
    if own:
        location = best_location(own, countries, _gaps(view, cand, own) if len(own) > 1 else None,
                                 places, facts.doc.text, article)
        if location is not None:
            return location, "place_clause"
    if facts.border_tokens:
        states = [s.iso3 for s in sides if isinstance(s, Actor) and s.is_state]
        if len(states) == 2 and any(view.clause_of(i) == clause for i in facts.border_tokens):
            location = border_location(gazetteer, states[0], states[1])
            if location is not None:
                return location, "place_border"
    if usable:
        nearest = min(abs(c - clause) for _, c in usable)
        pool = [p for p, c in usable if abs(c - clause) == nearest]
        location = best_location(pool, countries,
                                 _gaps(view, cand, pool) if len(pool) > 1 else None, places,
                                 facts.doc.text, article)
        if location is not None:
            return location, "place_sentence"
    return None, None


def _gaps(view: SentenceView, cand: Candidate, places: list[PlaceMention]) -> list[int]:
    trigger = cand.trigger
    return [view.tokens.distance(p.last, trigger.first) if p.last < trigger.first
            else view.tokens.distance(trigger.last, p.first) for p in places]


def _date(facts: SentenceFacts, cand: Candidate, resolver: DateResolver
          ) -> tuple[dt.date | None, int | None, str | None, str | None]:
    """The date nearest the trigger in its clause, else (unless the event is planned) in
    the sentence: its day, precision, text and rule."""
    if not facts.dates:  # most sentences: no pool to choose from
        return None, None, None, None
    tokens, clause_of, clause = facts.date_tokens, facts.view.clause_of, cand.clause
    pool: list[int] | range = [i for i, t in enumerate(tokens) if clause_of(t) == clause]
    rule = "date_clause"
    if not pool:
        if cand.status == "planned":
            return None, None, None, None
        pool, rule = range(len(tokens)), "date_sentence"
    trigger_pos = cand.trigger.first
    mention = facts.dates[min(pool, key=lambda i: abs(tokens[i] - trigger_pos))]
    resolved = _storable(resolver.resolve(mention.text, facts.doc.published,
                                          future=cand.status == "planned"))
    return resolved.date, resolved.precision, \
        facts.doc.text[mention.start:mention.end], rule


def _storable(resolved: ResolvedDate) -> ResolvedDate:
    """A date the table cannot hold ("on 3 June 1066") is read as unresolved: the event is
    kept, without a date, rather than failing the schema for the whole batch."""
    if resolved.date is not None and not storable_day(resolved.date):
        return ResolvedDate(None, None, resolved.text)
    return resolved


def _splits(facts: SentenceFacts, cand: Candidate) -> list[tuple[int | None, list[PlaceMention]]]:
    """(fatalities, places) for each event the candidate stands for."""
    places = facts.parts.places
    if not cand.event_type.violent:
        return [(None, places)]
    clause, fatalities = cand.clause, facts.fatalities
    tolls = [f for f, c in zip(fatalities, facts.toll_clauses) if c == clause] \
        if fatalities else []
    if not tolls and facts.violent == 1:
        # "clashed near El Fasher, killing 14": the only violent event owns the sentence's toll
        tolls = list(fatalities)
    own_places = [p for p, c in zip(places, facts.place_clauses) if c == clause] \
        if places else []
    if len(tolls) >= 2 and len(own_places) >= 2:
        view = facts.view
        parts: list[tuple[int | None, list[PlaceMention]]] = []
        for i, toll in enumerate(tolls):
            limit = tolls[i + 1].start if i + 1 < len(tolls) else facts.sentence.end
            after = [p for p in own_places if toll.end <= view.tokens.start_of(p.first) < limit]
            parts.append((toll.count, after[:1] or own_places[:1]))
        return parts
    total = sum(t.count for t in tolls) if tolls else 0
    # Two towns at least are needed for a split, and they are among the clause's places.
    towns = _distinct_towns(facts.view, cand, own_places, facts.words.town_joiners) \
        if len(own_places) >= 2 else []
    if len(towns) >= 2:
        # "jets hit Kandahar and Kabul": ACLED codes one event per location, and divides
        # the report's toll among them.
        return [(toll, [town]) for toll, town in zip(split_total(total, len(towns)), towns)]
    return [(total, places)]


def _distinct_towns(view: SentenceView, cand: Candidate, places: list[PlaceMention],
                    joiners: frozenset[str]) -> list[PlaceMention]:
    """Towns joined by "and" right by the trigger ("struck Kandahar and Kabul"), each a
    separate place (not "Spin Boldak, a town in Kandahar province")."""
    towns: list[PlaceMention] = []
    for place in places:
        record = place.records[0]
        if record.precision != 1 or record.kind not in {"town", "crossing"} or place.speech:
            continue
        if place.region:
            continue
        if towns:
            between = view.words[towns[-1].last + 1:place.first]
            if joiners.isdisjoint(between) or len(between) > 8 or \
                    record.name == towns[-1].records[0].name:
                continue
        elif not _near(view, cand, place.first, place.last, 8):
            continue
        towns.append(place)
    return towns


def _near(view: SentenceView, cand: Candidate, first: int, last: int, words: int) -> bool:
    trigger = cand.trigger
    if view.clause_of(first) != cand.clause:
        return False
    if last < trigger.first:
        return view.tokens.distance(last, trigger.first) <= words
    return first > trigger.last and view.tokens.distance(trigger.last, first) <= words


def _news(facts: SentenceFacts, cand: Candidate) -> bool:
    """Does a definite mention ("the talks") bring anything of its own: sides written next
    to it, mediators, a place or a date beside it?"""
    view = facts.view
    if cand.roles.both_sides or cand.roles.mediators:
        return True
    for group in facts.parts.groups:
        if group.last < cand.trigger.first and _near(view, cand, group.first, group.last, 3):
            return True
        if group.role in {"between", "agent", "target"} and \
                _near(view, cand, group.first, group.last, 3):
            return True
    if any(_near(view, cand, p.first, p.last, 5) for p in facts.parts.places):
        return True
    return any(_near(view, cand, view.tokens.token_at(d.start), view.tokens.token_at(d.end - 1), 5)
               for d in facts.dates)


def resolve_candidate(facts: SentenceFacts, cand: Candidate, book: ActorBook,
                      gazetteer: Gazetteer, resolver: DateResolver,
                      types: Mapping[str, EventType] | None = None,
                      article: frozenset[str] = frozenset()) -> list[Resolved]:
    """The events a candidate stands for (one per toll and place it splits into), placed,
    dated and with their actors named; with `types`, typed by their sides as the type's
    `retype` rules say (the record's `event_type` then names the type it became).
    `article`: the countries the article points to (a sentence that points to none is read
    in them)."""
    doc, event_type = facts.doc, cand.event_type
    trigger = cand.trigger.mention
    trigger_text = doc.text[trigger.start:trigger.end]
    splits = _splits(facts, cand)
    # The same for every part of the candidate (the countries until the sides are dated).
    date, precision, date_text, date_rule = _date(facts, cand, resolver)
    sides, mediators = cand.roles.sides, cand.roles.mediators
    countries = _countries(facts, sides, mediators)
    border = _border_near(facts, cand) if facts.border_tokens else False
    out = []
    for part, (toll, places) in enumerate(splits):
        if cand.anaphoric and not (toll or _news(facts, cand)):
            continue  # "the talks", "that cease-fire": a reference to an event told elsewhere
        location, place_rule = _location(facts, cand, places, gazetteer, countries, border,
                                         sides, article)
        rules = list(cand.rules)
        if place_rule:
            rules.append(place_rule)
        if date_rule:
            rules.append(date_rule)
        if len(splits) > 1:
            rules.append("split_toll")
        record = new_record(facts, cand, trigger_text, rules, part, location, date, precision,
                            date_text, toll)
        # Names read on the event's day (the Taliban), or the one they were read on, and in
        # its country when groups of several share them ("ASWJ" in Peshawar: Pakistan's)
        day = date if date is not None else doc.published
        if day is not None:
            where = location.iso3 if location else None
            sides = tuple(book.on_date(s, day, where) if isinstance(s, Actor) else s
                          for s in sides)
            if part + 1 < len(splits):  # the next part's place, as the sides now are
                countries = _countries(facts, sides, mediators)
        (record.side1, record.side2), unplaced = _actors(cand, sides, book, location)
        record.keep_sides_apart()  # distinct in the text, one actor once resolved
        if types is not None and (event_type.retype or event_type.default_target):
            unplaced = _retyped(record, event_type, types, book, unplaced, facts.view.words)
        if mediators:  # a side is never its own event's mediator
            sides_keys = {a.key for a in (record.side1, record.side2) if a is not None}
            record.mediator_actors = [book.as_mediator(m) for m in mediators
                                      if m.key not in sides_keys]
        out.append(Resolved(record, unplaced, location is None and border))
    return out


def new_record(facts: SentenceFacts, cand: Candidate, trigger_text: str, rules: list[str],
               part: int, location: Location | None, date: dt.date | None,
               precision: int | None, date_text: str | None, toll: int | None) -> EventRecord:
    """The record of one part of a candidate, as `new_record_by_name` makes it.

    Its fields are given in the order the record declares them: a class called with
    keywords gathers them into a dict and unpacks it again before its `__init__` reads
    them, and the 26 keywords of an event record cost about 1 % of a dense pass (a test
    holds the two together)."""
    doc, sentence, trigger, event_type = facts.doc, facts.sentence, cand.trigger.mention, \
        cand.event_type
    return EventRecord(
        doc.doc_id, sentence.index, sentence.start, sentence.end, facts.text, trigger_text,
        trigger.start, trigger.end, event_type.id, event_type.acled_event_type,
        event_type.acled_sub_event_type, cand.status, rules, part,
        None, None, [], [], [], False,  # the sides, mediators and associates: named later
        location, date, precision, date_text, toll, doc.source, doc.published, doc.url,
        [], [],  # the other sentences that report it: the context's merge adds them
        event_type.disorder_type, event_type.cameo, event_type.plover, event_type.targeting)


def new_record_by_name(facts: SentenceFacts, cand: Candidate, trigger_text: str,
                       rules: list[str], part: int, location: Location | None,
                       date: dt.date | None, precision: int | None, date_text: str | None,
                       toll: int | None) -> EventRecord:
    """`new_record`, each field named: the reference its test holds it to."""
    doc, sentence, trigger, event_type = facts.doc, facts.sentence, cand.trigger.mention, \
        cand.event_type
    return EventRecord(
        doc_id=doc.doc_id, sentence_index=sentence.index, sentence_start=sentence.start,
        sentence_end=sentence.end, sentence=facts.text, trigger=trigger_text,
        trigger_start=trigger.start, trigger_end=trigger.end, event_type=event_type.id,
        acled_event_type=event_type.acled_event_type,
        acled_sub_event_type=event_type.acled_sub_event_type, status=cand.status,
        rules=rules, part=part, place=location, event_date=date, time_precision=precision,
        date_text=date_text, fatalities=toll, source=doc.source, published=doc.published,
        url=doc.url, disorder_type=event_type.disorder_type, cameo=event_type.cameo,
        plover=event_type.plover, targeting=event_type.targeting)


Pair = tuple[Actor | None, Actor | None]
_CIVILIANS = "civilians"  # the actor type of civilians: no side of a battle


def _matches(rule: Retype, record: EventRecord, unarmed: frozenset[str] = frozenset()
             ) -> bool:
    """Does the rule's side take part, and is it of one of the rule's actor types? For
    `either`, the matching side is made actor2 (the civilians an attack targets). A side
    whose key is in `unarmed` matches nothing, and makes its other side match nothing
    either: a party's members fight no battle, whoever they hurt ("party supporters beat
    up two policemen")."""
    first, second = record.side1, record.side2
    if rule.side in {"actor2", "either"} and second is not None and \
            second.actor_type in rule.actor_types and second.key not in unarmed and \
            (first is None or first.key not in unarmed):
        return True
    if rule.side in {"actor1", "either"} and first is not None and \
            first.actor_type in rule.actor_types and first.key not in unarmed and \
            (rule.side == "actor1" or second is None or second.key not in unarmed):
        if rule.side == "either":
            record.side1, record.side2 = second, first
        return True
    return False


def _unarmed(record: EventRecord, book: ActorBook, armed: EventType) -> frozenset[str]:
    """The keys of the record's sides that bear no arms for a fight of type `armed`: a
    party's members ("a party activist was attacked" is an attack on a civilian, not a
    battle) and a state's organs of its `unarmed_organs` ("a government official was shot
    dead")."""
    keys = set()
    organs = armed.unarmed_organs
    for side in (record.side1, record.side2):
        if side is None:
            continue
        if side.is_state:
            if side.organ in organs:
                keys.add(side.key)
            continue
        entry = book.entry(side)
        if entry is not None and entry.party:
            keys.add(side.key)
    return frozenset(keys)


def _retyped(record: EventRecord, event_type: EventType, types: Mapping[str, EventType],
             book: ActorBook, unplaced: tuple[tuple[int, str], ...], words: Sequence[str]
             ) -> tuple[tuple[int, str], ...]:
    """`by_sides`, and the organs still left for the article: not a target off duty, who is
    a civilian rather than his state's forces."""
    by_sides(record, event_type, types, book, {slot for slot, _ in unplaced}, words)
    if "off_duty" in record.rules:
        return tuple(u for u in unplaced if u[0] != 1)
    return unplaced


def by_sides(record: EventRecord, event_type: EventType, types: Mapping[str, EventType],
             book: ActorBook, unplaced: set[int] | frozenset[int] = frozenset(),
             words: Sequence[str] = ()) -> EventType:
    """ACLED types some events by who takes part: the first `retype` rule that matches the
    record's sides makes it of its type (once: the new type's rules are not read again);
    a type that needs armed sides (it has an `unarmed_type`) is not matched by a party's
    members, nor by the state's organs that bear no arms (its `unarmed_organs`), nor by one
    of the state's forces that the sentence's `words` place off duty (the type's
    `off_duty_phrases`). Then a type with a `default_target` gets it as actor2
    when the text names none. `unplaced`: the slots (0, 1) of state organs whose state the
    article settles later ("two soldiers were shot dead"): such a side is of the state's
    forces, and named."""
    civilian_victims(record, event_type, book)  # "a BNP activist was shot dead"
    if _off_duty(record, event_type, words, unplaced):
        # "gunmen shot a policeman outside his home": ACLED's victim is a civilian
        unplaced = unplaced - {1}
        record.side2 = None
        record.rules.append("off_duty")
    _civil_servants(record, event_type, types, book)
    if _doer_named_twice(record, event_type, book):
        # "militants of the ULFA opened fire at a stone crusher": one doer, named twice
        record.side2 = None
        record.rules.append("doer_named_twice")
    for rule in event_type.retype:
        if _civilian_doer(record, rule):
            continue
        unarmed = _unarmed(record, book, types[rule.type]) if rule.type in types and \
            types[rule.type].unarmed_type else frozenset()
        if rule.type in types and (_matches(rule, record, unarmed) or
                                   _organ_matches(rule, record, unplaced)):
            event_type = types[rule.type]
            typed(record, event_type)
            record.rules.append(f"retype:{event_type.id}")
            break
    if record.side2 is None and 1 not in unplaced and event_type.default_target is not None:
        place, first = record.place, record.side1
        iso3 = place.iso3 if place is not None else first.iso3 if first is not None else None
        record.side2 = book.generic_actor(event_type.default_target, iso3)
        record.rules.append("default_target")
    return event_type


def _civilian_doer(record: EventRecord, rule: Retype) -> bool:
    """Does the rule read the target of a doer who is civilians ("villagers beat two
    suspected robbers to death")? Civilians fight no battle whoever they attack: ACLED
    codes such a killing as violence against civilians (or a mob's), never as a clash."""
    doer = record.side1
    return rule.side == "actor2" and doer is not None and doer.actor_type == _CIVILIANS


def _civil_servants(record: EventRecord, event_type: EventType,
                    types: Mapping[str, EventType], book: ActorBook) -> None:
    """A target (actor2) of a state's organ that bears no arms for the types the event
    could be retyped into ("gunmen shot dead a government official") is a civilian: the
    type's `default_target` of that state, the organ its associated actor (ACLED's
    "Civilians (Somalia)", with "Government of Somalia")."""
    target, default = record.side2, event_type.default_target
    if default is None or target is None or not target.is_state or target.iso3 is None:
        return
    if not any(rule.type in types and target.organ in types[rule.type].unarmed_organs
               for rule in event_type.retype):
        return
    record.side2 = book.generic_actor(default, target.iso3)
    if all(a.key != target.key for a in record.associates2):
        record.associates2 = [*record.associates2, target]
    record.rules.append("officials_civilians")


def _doer_named_twice(record: EventRecord, event_type: EventType, book: ActorBook) -> bool:
    """Is the target (actor2) the generic armed group that stands for the unknown doer of
    the type's events ("militants", "assailants": ACLED's Unidentified Armed Group), and
    the doer (actor1) an armed group the sentence names? Then the sentence names its one
    doer twice ("militants of the ULFA opened fire at a stone crusher", "Naxal extremists
    of the TPC shot a contractor"), and the target is not told."""
    first, second = record.side1, record.side2
    if first is None or second is None or first.is_state or \
            event_type.default_target is None or book.entry(first) is None:
        return False
    spec = None if second.generic is None else book.generic.get(second.generic)
    return spec is not None and event_type.acled_event_type in spec.doer_of


def _off_duty(record: EventRecord, event_type: EventType, words: Sequence[str],
              unplaced: set[int] | frozenset[int]) -> bool:
    """Is the target (actor2) of the state's forces, named or still to be placed, and does
    the sentence place it off duty (one of the type's `off_duty_phrases`)?"""
    phrases = event_type.off_duty_phrases
    if not phrases or not words or event_type.default_target is None:
        return False
    target = record.side2
    if not (target is not None and target.actor_type == "state_forces" or
            target is None and 1 in unplaced):
        return False
    return any(find_phrase(words, phrase.casefold().split()) >= 0 for phrase in phrases)


def _organ_matches(rule: Retype, record: EventRecord, unplaced: set[int] | frozenset[int]
                   ) -> bool:
    """Does the rule read actor2 as the state's forces, and is actor2 a state organ still
    to be placed?"""
    return 1 in unplaced and record.side2 is None and rule.side in {"actor2", "either"} and \
        "state_forces" in rule.actor_types


def _actors(cand: Candidate, sides: tuple[Side | None, ...], book: ActorBook,
            location: Location | None) -> tuple[Pair, tuple[tuple[int, str], ...]]:
    """Actors of the record, and the organs of states left for the article: an unnamed
    state organ ("the army") is the state of the other side when that side is a group of
    one country, else of the place; failing both, the article's main state decides later."""
    organ = cand.event_type.default_organ
    first = sides[0] if sides else None
    second = sides[1] if len(sides) > 1 else None
    if isinstance(first, (Actor, type(None))) and isinstance(second, (Actor, type(None))):
        # Named sides, or none: neither is read from the other side or the place.
        return (None if first is None else book.with_organ(first, organ),
                None if second is None else book.with_organ(second, organ)), ()
    return _unnamed_actors(cand, (first, second), book, location)


def _unnamed_actors(cand: Candidate, sides: tuple[Side | None, Side | None], book: ActorBook,
                    location: Location | None) -> tuple[Pair, tuple[tuple[int, str], ...]]:
    """`_actors` when a side is an organ or a generic actor, to be placed in a country."""
    organ = cand.event_type.default_organ
    named = [s for s in sides if isinstance(s, Actor)]
    states = [s.iso3 for s in named if s.is_state and s.iso3]
    group_country = next((s.iso3 for s in named if not s.is_state and s.iso3), None)
    place_country = location.iso3 if location else None
    out: list[Actor | None] = []
    unplaced: list[tuple[int, str]] = []
    for slot, side in enumerate(sides):
        if isinstance(side, UnnamedState):
            # Fighting happens where it is reported; talks are often held abroad.
            at_place = place_country if place_country not in states else None
            iso3 = (at_place or group_country) if cand.event_type.violent else \
                (group_country or at_place)
            out.append(book.state(iso3, side.organ) if iso3 else None)
            if not iso3:
                unplaced.append((slot, side.organ))
        elif isinstance(side, UnnamedActor):
            out.append(book.generic_actor(side.generic, side.country or place_country
                                          or (states[0] if states else None)))
        else:
            out.append(None if side is None else book.with_organ(side, organ))
    return (out[0], out[1]), tuple(unplaced)
