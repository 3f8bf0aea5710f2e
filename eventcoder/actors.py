"""The actor book: from lexicon entries to the named, typed actors of the dataset.

A state is one actor per organ ("Military Forces of Pakistan", "Government of Pakistan"),
as ACLED names them. Named groups and office holders carry validity dates, and an entry is
used only on a day it is valid: the Taliban resolve to the Afghan state from 2021-08-15 and
to a rebel group before; FARC, disarmed in 2017, is no armed group in a 2025 article.

The book sits above the lexicon (whose entries it reads) and the model (whose `Actor`s it
makes), and below every stage that names actors: the rules, the resolvers, the context.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import TypeVar

from mypy_extensions import mypyc_attr

from .lexicon import Lexicon
from .lexicon.model import Dated, GenericActor, Group, Organ, Person, Regime
from .model.actors import Actor
from .model.records import EventRecord
from .text import Folder

_Entry = TypeVar("_Entry", bound=Dated)
_DAY = dt.timedelta(days=1)
# The rule of an organ the text names ("the security forces") of a state no one tells (the
# context's): the side is not unnamed, only unplaced, and `finish` names no one in its stead.
UNPLACED_ORGAN = "organ_state_unknown"


def years_on(regimes: Sequence[Regime], day: dt.date) -> str:
    """The years of the first of a state's governments (in date order) valid on `day`,
    "" if none is."""
    regime = next((r for r in regimes if r.valid_on(day)), None)
    return "" if regime is None else regime.label()


def _timeline(regimes: Sequence[Regime]) -> tuple[list[dt.date], list[str]]:
    """A state's years as the days they may change on (a government's first day, the day
    after its last) and `years_on` each of them: the same from that day to the next."""
    days = sorted({day for r in regimes for day in (
        r.valid_from, r.valid_to + _DAY if r.valid_to and r.valid_to < dt.date.max else None)
        if day is not None})
    return days, [years_on(regimes, day) for day in days]


def pick_entry(entries: Sequence[_Entry], day: dt.date | None, country: str | None = None
               ) -> _Entry | None:
    """The entry of one name to use on `day`: the first valid on it, and none if none is
    (a dated entry is never used outside its dates). Without a day, the current one (no end
    date), else the last. Of several, the one of `country` (the event's) if there is one:
    "Jamaat-e-Islami" is one party in Bangladesh and another in Pakistan."""
    if not entries:
        return None
    if day is not None:
        valid = [e for e in entries if e.valid_on(day)]
        first = valid[0] if valid else None
    else:
        valid = [e for e in entries if e.valid_to is None] or list(entries)
        first = valid[-1]
    if country is not None and len(valid) > 1:
        return next((e for e in valid if getattr(e, "country", None) == country), first)
    return first


@mypyc_attr(allow_interpreted_subclasses=True)
class ActorBook:
    """Looks up lexicon entries by folded name and builds `Actor`s from them."""

    def __init__(self, lexicon: Lexicon, folder: Folder, regime_years: bool | None = None
                 ) -> None:
        self.folder = folder
        self.countries = {c.iso3: c for c in lexicon.countries}
        self.organs: dict[str, Organ] = {o.id: o for o in lexicon.organs}
        self.generic: dict[str, GenericActor] = {g.id: g for g in lexicon.generic_actors}
        # Organs that stand for a state even when none is named ("the army killed").
        self.stateless_organs = frozenset(o.id for o in lexicon.organs if o.stateless)
        # The organ a state acting as mediator is named under.
        self.mediator_organ = next((o.id for o in lexicon.organs if o.mediator), None)
        # Generic actors that are a toll's victims, not a side ("killed 12 civilians").
        self.victim_kinds = frozenset(g.id for g in lexicon.generic_actors if g.victims)
        # Generic actors whose words name both sides ("two groups of villagers").
        self._both_kinds = frozenset(g.id for g in lexicon.generic_actors if g.both_sides)
        # ACLED event type -> the generic actor of its unnamed doer, of its unnamed dead.
        self._doers = {t: g.id for g in lexicon.generic_actors for t in g.doer_of}
        self._dead = {t: g.id for g in lexicon.generic_actors for t in g.dead_of}
        self._no_country = lexicon.language.rules.no_country
        # "under Kotwali police station": the organ's word names a place (resolve/victims.py)
        self.station_words = frozenset(lexicon.language.rules.station_words)
        self.station_openers = frozenset(lexicon.language.rules.station_openers)
        # The words of every organ of a state ("troops", "border guards", "embassy") and of
        # the posts and units of armed forces ("checkpost", "force"): a state named beside
        # one is its forces, not its people (resolve/victims.py).
        self.force_words = frozenset(
            {w.lower() for o in lexicon.organs for w in o.words}
            | set(lexicon.language.rules.armed_objects))
        self._groups: dict[str, list[Group]] = defaultdict(list)
        self._people: dict[str, list[Person]] = defaultdict(list)
        self._entries: dict[str, Group] = {}
        # (generic actor, country): the group ACLED names such actors by in that country.
        self._stands_for: dict[tuple[str, str], Group] = {}
        for g in lexicon.groups:
            self._entries[f"group:{g.id}"] = g
            for generic in g.stands_for:
                self._stands_for.setdefault((generic, g.country or ""), g)
            for name in g.forms():
                self._groups[folder.fold(name)].append(g)
        # Governments by state, in date order; none when the names carry no years.
        on = lexicon.language.rules.regime_years if regime_years is None else regime_years
        regimes: dict[str, list[Regime]] = defaultdict(list)
        for r in sorted(lexicon.regimes, key=lambda r: r.valid_from) if on else ():
            regimes[r.country].append(r)
        # Each state's years as a timeline, read once: every event's sides ask on their
        # day, and a corpus tells of thousands of days.
        self._timelines = {iso3: _timeline(dated) for iso3, dated in regimes.items()}
        self._in_regime: dict[tuple[str, str], Actor] = {}
        for p in lexicon.people:
            for name in {p.name, *p.aliases}:
                self._people[folder.fold(name)].append(p)
        # Actors are immutable and depend only on the lexicon: each state organ and generic
        # actor is built once, not for every mention and event.
        self._states: dict[tuple[str, str | None], Actor] = {}
        self._generics: dict[tuple[str, str | None], Actor] = {}
        # A group name read on a day, under an organ, in a country: what `group` makes of it.
        self._dated: dict[tuple[str, dt.date, str | None, str | None], Actor | None] = {}

    def state(self, iso3: str, organ: str | None) -> Actor:
        """The state, or one of its organs ("Military Forces of Pakistan")."""
        actor = self._states.get((iso3, organ))
        if actor is None:
            actor = self._states[(iso3, organ)] = self._new_state(iso3, organ)
        return actor

    def _new_state(self, iso3: str, organ: str | None) -> Actor:
        country = self.countries[iso3]
        spec = self.organs.get(organ or "")
        if spec is None:
            return Actor(iso3, country.name, iso3, "state_forces", True, None)
        return Actor(iso3, spec.label.format(country=country.name), iso3, spec.actor_type, True,
                     spec.id)

    def group(self, folded_name: str, day: dt.date | None, organ: str | None = None,
              country: str | None = None) -> Actor | None:
        """The group of this name on `day` (the state it governs, if it does), or None; of
        groups that share the name, the one of `country` if one is."""
        entries = self._groups.get(folded_name, [])
        entry = pick_entry(entries, day, country)
        if entry is None:
            return None
        if entry.state:
            return replace(self.state(entry.state, organ or entry.organ), alias=folded_name)
        # A name groups of several countries share tells no country until the event's
        # place does (`on_date`): "Islamic State" in Kabul is not the one of Raqqa.
        shared = country is None and len({e.country for e in entries if e.valid_on(day)}) > 1
        return Actor(f"group:{entry.id}", entry.name, None if shared else entry.country,
                     entry.actor_type, alias=folded_name)

    def on_date(self, actor: Actor, day: dt.date | None, country: str | None = None
                ) -> Actor:
        """The same name read on the event's date (the Taliban of 2019 are a rebel group),
        and in its country, when several groups share the name."""
        if actor.alias is None or day is None:
            return actor
        key = (actor.alias, day, actor.organ, country)
        if key in self._dated:
            again = self._dated[key]
        else:
            again = self._dated[key] = self.group(actor.alias, day, actor.organ, country)
        return again if again is not None else actor

    def entry(self, actor: Actor) -> Group | None:
        """The lexicon entry a group actor was made from (None for states and generics)."""
        return self._entries.get(actor.key)

    def as_militia(self, actor: Actor) -> Actor:
        """A party's members who fight, as ACLED names them ("BNP: Bangladesh Nationalist
        Party Militia", a political militia); any other actor as it is."""
        entry = self._entries.get(actor.key)
        name = entry.militia_name() if entry is not None else None
        if entry is None or name is None:
            return actor
        return Actor(f"{actor.key}:militia", name, entry.country, "political_militia")

    def in_regime(self, actor: Actor | None, day: dt.date | None) -> Actor | None:
        """A state organ named with the years of the government in power on `day`
        ("Military Forces of Pakistan (2013-2018)"); any other actor as it is."""
        if actor is None or day is None or actor.organ is None or not actor.is_state:
            return actor
        years = self._years(actor.iso3 or "", day)
        if not years:
            return actor
        key = (actor.name, years)
        named = self._in_regime.get(key)
        if named is None:
            named = self._in_regime[key] = replace(actor, name=f"{actor.name} ({years})")
        return named

    def _years(self, iso3: str, day: dt.date) -> str:
        """The years of the state's government on `day` ("2013-2018"), "" if none is known."""
        timeline = self._timelines.get(iso3)
        if timeline is None:
            return ""
        days, years = timeline
        at = bisect_right(days, day)
        return years[at - 1] if at else ""

    def finish(self, record: EventRecord, violent: bool) -> None:
        """The record's sides under the names ACLED gives them, once the rules and the
        context have compared the plain names: a party whose members fight (`violent`) is
        its militia; an unnamed actor of no country is of the event's place, else of the
        other side; one a group stands for in its country is that group; an unnamed actor
        that names both sides ("two groups of villagers") is both; a state organ carries
        the years of its government."""
        sides = self._unnamed(record)
        place = record.place
        for i, side in enumerate(sides):
            if side is None:
                continue
            if violent:
                side = self.as_militia(side)
            other = sides[1 - i]
            if place is not None:
                side = self.placed(side, place.iso3, place.name)
            else:
                side = self.placed(side, other.iso3 if other is not None else None)
            sides[i] = self.in_regime(side, record.event_date or record.published)
        record.side1, record.side2 = self._both_sides(sides[0], sides[1])

    def _unnamed(self, record: EventRecord) -> list[Actor | None]:
        """The record's sides, with the actors ACLED names when the text names none: the
        doer of a bomb no one is named for, and the dead of such a bomb when they are
        people no one named (the lexicon's `doer_of` and `dead_of`). The dead of a named
        doer's strike may be its enemies: they are left unnamed."""
        first: Actor | None = record.side1
        second: Actor | None = record.side2
        if first is not None:
            return [first, second]
        kinds = (record.acled_sub_event_type or "", record.acled_event_type or "")
        doer = next((self._doers[k] for k in kinds if k in self._doers), None)
        if doer is None or UNPLACED_ORGAN in record.rules:
            return [first, second]
        first = self.generic_actor(doer, None)
        record.rules.append("doer_unnamed")
        dead = next((self._dead[k] for k in kinds if k in self._dead), None)
        if second is None and record.fatalities and dead is not None:
            second = self.generic_actor(dead, None)
            record.rules.append("dead_unnamed")
        return [first, second]

    def _both_sides(self, first: Actor | None, second: Actor | None
                    ) -> tuple[Actor | None, Actor | None]:
        """Words that name both sides ("two groups of villagers") are the actor on both;
        next to a named group ("two factions of the BCL"), that group is on both."""
        for one, other in ((first, second), (second, first)):
            if one is not None and self._both(one):
                if other is None:
                    return one, one
                if not other.is_state and not self._both(other):
                    return other, other
        return first, second

    def _both(self, actor: Actor) -> bool:
        return not actor.is_state and actor.generic in self._both_kinds

    def placed(self, actor: Actor, iso3: str | None, place: str = "") -> Actor:
        """A generic actor in its country: given none, `iso3`'s; in a country where a
        group stands for it ("insurgents" of Thailand's south), that group; named after
        the event's `place` where its label says so ("Sidla Communal Militia")."""
        generic = actor.generic
        if generic is None or generic not in self.generic or actor.is_state:
            return actor
        where = actor.iso3 or iso3
        group = self._stands_for.get((generic, where or ""))
        if group is not None:
            return Actor(f"group:{group.id}", group.name, group.country, group.actor_type)
        if where != actor.iso3:
            actor = self.generic_actor(generic, where)
        if "{place}" in actor.name:
            actor = replace(actor, name=" ".join(actor.name.replace("{place}", place).split()))
        return actor

    def person(self, folded_name: str, day: dt.date | None) -> Actor | None:
        """The state an office holder speaks for on `day`, or None."""
        entry = pick_entry(self._people.get(folded_name, []), day)
        if entry is None or entry.country not in self.countries:
            return None
        return self.state(entry.country, entry.organ)

    def generic_actor(self, generic_id: str, iso3: str | None) -> Actor:
        actor = self._generics.get((generic_id, iso3))
        if actor is None:
            actor = self._generics[(generic_id, iso3)] = self._new_generic(generic_id, iso3)
        return actor

    def _new_generic(self, generic_id: str, iso3: str | None) -> Actor:
        spec = self.generic[generic_id]
        country = self.countries[iso3].name if iso3 in self.countries else self._no_country
        # {place} is filled when the event's place is known (`finish`).
        return Actor(f"{generic_id}:{iso3 or ''}", spec.label.replace("{country}", country), iso3,
                     spec.actor_type, generic=generic_id)

    def with_organ(self, actor: Actor, organ: str) -> Actor:
        """The same state under the organ an event type implies, when the text named none."""
        if actor.is_state and actor.organ is None and actor.iso3:
            return self.state(actor.iso3, organ)
        return actor

    def as_mediator(self, actor: Actor) -> Actor:
        """A state that mediates is named under the lexicon's mediator organ, if it has one
        and the text named none."""
        organ = self.mediator_organ
        return actor if organ is None else self.with_organ(actor, organ)
