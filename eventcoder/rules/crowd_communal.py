"""Fights that ACLED's coders of some countries call riots.

"Two communities clashed over a land dispute", "two groups of villagers clashed": ACLED
names the sides after the place ("Sidla Communal Militia (Bangladesh)") and codes a battle
in some countries, while in others its coders code the same fight as a riot, Rioters against
Rioters. Which countries do so is a convention of their notes, kept in the lexicon: the
generic actor's `crowd_in` (types/riots.yaml). A battle whose every side is such an actor,
or a party's crowd beside one ("two groups of party workers"), placed in one of its
countries, is retyped here, once the event's country is known.

The `rioters` actor's `crowd_in` (types/riots_clashes.yaml) names the countries whose coders
call any clash a riot unless an armed group fights in it: "clashes broke out in the town",
"youths clashed with the police", "two parties' workers clashed". A battle of a type that
has an `unarmed_type` (the armed clash), told by one of its `crowd_triggers` ("clashed",
not "shot at"), whose sentence tells no arms (the type's `armed_words`: "gunfight",
"bullets", "militants") and whose sides are no one named, a crowd, civilians, a party or
one state's police or army, is there a riot: Rioters against the force, or against
Rioters when no force is named.

The other way round, the `rioters` actor's `deadly_battle_in` (types/riots_deadly.yaml) names
the countries whose coders call a fight of two crowds that killed someone a battle: Rioters
against Rioters with a toll there is an armed clash of the groups behind them (their
militias: "two factions of a party clashed, killing one"), when a group is named behind
the crowds (`deadly_battles`, once the article's reports of the fight are joined and its
toll known)."""

from __future__ import annotations

from dataclasses import replace

from ..actors import ActorBook
from ..model.records import Pending, typed
from ..lexicon.model import EventType
from ..model.actors import Actor
from ..model.records import EventRecord
from .crowd_bombs import death_told, words_of
from .crowd_types import CROWD_ACTOR_TYPES, CROWD_TYPES, FORCES, PARTY

BATTLES = "Battles"
RIOT = "Violent demonstration"
RULE = "crowd_communal"
CLASH_RULE = "crowd_clash_country"
DEADLY_RULE = "crowd_deadly_battle"
# The type a deadly fight of two crowds is where the coders say so.
BATTLE_TYPE = "clash"
# Sides that bear no arms in a clash: the crowds and the people.
UNARMED = CROWD_ACTOR_TYPES | {"civilians"}


def communal_riots(pending: list[Pending], types: dict[str, EventType],
                   book: ActorBook) -> None:
    """Retype, in place, the battles of communal sides placed in a country of their
    generic actor's `crowd_in` as riots of two crowds, and the unarmed clashes placed in a
    country of the rioters' `crowd_in` as riots."""
    riot = next((t for t in types.values() if t.acled_event_type in CROWD_TYPES and
                 t.acled_sub_event_type == RIOT), None)
    rioters = next((g.id for g in book.generic.values()
                    if g.actor_type == CROWD_TYPES["Riots"]), None)
    if riot is None or rioters is None:
        return
    for item in pending:
        record = item.record
        iso3 = record.place.iso3 if record.place is not None else None
        if record.acled_event_type != BATTLES:
            continue
        if iso3 is not None and _communal(book, (record.side1, record.side2), iso3):
            record.side1 = record.side2 = book.generic_actor(rioters, iso3)
            rule = RULE
        elif (iso3 := iso3 or _article_country(record, pending)) in \
                book.generic[rioters].crowd_in and \
                _unarmed_clash(item, types.get(record.event_type), book):
            _crowd_sides(item, book, book.generic_actor(rioters, iso3), iso3)
            rule = CLASH_RULE
        else:
            continue
        record.event_type = riot.id
        record.acled_event_type = riot.acled_event_type
        record.acled_sub_event_type = riot.acled_sub_event_type
        record.rules.append(rule)


def _communal(book: ActorBook, sides: tuple[Actor | None, Actor | None], iso3: str) -> bool:
    """Is one side a generic actor that is a crowd in `iso3`, and the other the same, a
    party's or no one?"""
    crowd = [s for s in sides if s is not None and _crowd_in(book, s, iso3)]
    others = [s for s in sides if s is not None and s not in crowd]
    return bool(crowd) and all(s.actor_type == PARTY and not s.is_state for s in others)


def _crowd_in(book: ActorBook, side: Actor, iso3: str) -> bool:
    spec = None if side.generic is None else book.generic.get(side.generic)
    return spec is not None and iso3 in spec.crowd_in


def _article_country(record: EventRecord, pending: list[Pending]) -> str | None:
    """The country of an event the text does not place ("the clash left ten injured"):
    its state's, else that of the article's first placed event."""
    state = next((s.iso3 for s in (record.side1, record.side2) if s is not None and
                  s.is_state), None)
    return state or next((p.record.place.iso3 for p in pending
                          if p.record.place is not None), None)


def _unarmed_clash(item: Pending, event_type: EventType | None, book: ActorBook) -> bool:
    """Is the record a fight of a type with an `unarmed_type`, told by one of its
    `crowd_triggers` ("clashed"), in a sentence that tells no arms, between sides none of
    which is armed: no one named, crowds, civilians, parties, and the police or army of one
    state at most (a state's key is its iso3, whatever the organ)?"""
    record = item.record
    if event_type is None or event_type.unarmed_type is None or \
            record.trigger.lower() not in event_type.crowd_triggers or \
            not set(words_of(record.sentence.lower())).isdisjoint(event_type.armed_words):
        return False
    sides = [s for s in (record.side1, record.side2) if s is not None]
    # (organs left to place are the event's country's: one state, whatever the organs)
    states = {s.key for s in sides if s.is_state} | \
        ({record.place.iso3} if item.unplaced_organs and record.place is not None else set())
    if len(states) > 1 or any(s.is_state and s.organ not in FORCES for s in sides) or \
            any(o not in FORCES for _, o in item.unplaced_organs):
        return False
    return all(s.is_state or s.actor_type in UNARMED or _party(book, s) for s in sides)


def _party(book: ActorBook, side: Actor) -> bool:
    """Is the side a party's members ("TMC workers", as its militia or itself)?"""
    entry = book.entry(side) or \
        book.entry(replace(side, key=side.key.removesuffix(":militia")))
    return entry is not None and entry.party


def _crowd_sides(item: Pending, book: ActorBook, rioters: Actor, iso3: str) -> None:
    """Rioters against the force the record names (or leaves to place), else against
    Rioters; the parties named are the crowds' associated actors."""
    record = item.record
    sides = [s for s in (record.side1, record.side2) if s is not None]
    force = next((s for s in sides if s.is_state), None)
    organ = next((o for _, o in item.unplaced_organs), None)
    if force is None and organ is not None:
        force = book.state(iso3, organ)
        item.unplaced_organs = ()
    parties = [s for s in sides if not s.is_state and s.actor_type not in UNARMED]
    record.side1, record.side2 = rioters, force or rioters
    record.associates1 = [*record.associates1, *parties[:1]]
    if force is None:
        record.associates2 = [*record.associates2, *parties[1:2]]


def deadly_battles(pending: list[Pending], types: dict[str, EventType], book: ActorBook,
                   denials: frozenset[str]) -> None:
    """Retype, in place, the riots of Rioters against Rioters told by a clash's
    `crowd_triggers` ("clashed") that killed someone, placed in a country of the rioters'
    `deadly_battle_in`, as armed clashes of the groups named behind the crowds (one group
    on both sides when one is named: two of its factions); a fight no group is named
    behind stays a riot.
    The toll must be told by a death word no `denials` word denies ("no one was killed" is
    no toll)."""
    battle = types.get(BATTLE_TYPE)
    rioters = next((g for g in book.generic.values()
                    if g.actor_type == CROWD_TYPES["Riots"]), None)
    if battle is None or rioters is None or not rioters.deadly_battle_in:
        return
    for item in pending:
        record = item.record
        iso3 = record.place.iso3 if record.place is not None else None
        if record.acled_sub_event_type != RIOT or not record.fatalities or \
                iso3 not in rioters.deadly_battle_in or \
                " ".join(record.trigger.lower().split()) not in battle.crowd_triggers or \
                not all(s is not None and s.generic == rioters.id
                        for s in (record.side1, record.side2)):
            continue
        if not _death_told(record, types, denials):
            continue  # (a toll read from "no one was killed": the text tells no death)
        groups = [a for a in (*record.associates1, *record.associates2) if not a.is_state]
        if not groups:
            # (two groups of villagers are communal militias to these coders, but "rival
            # factions of the ruling party" are the party's, which no name here tells)
            continue
        record.side1, record.side2 = groups[0], groups[1 if len(groups) > 1 else 0]
        typed(record, battle)
        record.associates1, record.associates2 = [], []
        record.rules.append(DEADLY_RULE)


def _death_told(record: EventRecord, types: dict[str, EventType], denials: frozenset[str]
                ) -> bool:
    """Do the record's sentences tell a death (its type's `death_words`, none of them with
    one of `denials` just before it)?"""
    spec = types.get(record.event_type)
    words = words_of(" ".join([record.sentence, *record.mention_sentences]).lower())
    return spec is not None and death_told(words, frozenset(spec.death_words), denials)
