"""Actors: from lexicon entries to the named, typed actors of the dataset.

A state is one actor per organ ("Military Forces of Pakistan", "Government of Pakistan"),
as ACLED names them. Named groups carry validity dates: the Taliban resolve to the Afghan
state from 2021-08-15 and to a rebel group before. Office holders resolve to their state.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace

from ..lexicon import Lexicon
from ..lexicon.model import INTER_CODES, Dated, GenericActor, Group, Organ, Person
from ..text import Folder


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved participant. `key` identifies it across events (iso3 for a state)."""

    key: str
    name: str
    iso3: str | None
    actor_type: str
    is_state: bool = False
    organ: str | None = None
    # The group name it was found under, so it can be read again on the event's date.
    alias: str | None = field(default=None, compare=False)

    @property
    def inter(self) -> int:
        return INTER_CODES[self.actor_type]


def same_actor(a: Actor | None, b: Actor | None) -> bool:
    """Are two sides one actor? The dataset tells actors by name: "Afghan forces" and, in
    2026, "the Taliban" are both "Military Forces of Afghanistan"."""
    return a is not None and b is not None and a.name == b.name


class ActorBook:
    """Looks up lexicon entries by folded name and builds `Actor`s from them."""

    def __init__(self, lexicon: Lexicon, folder: Folder) -> None:
        self.folder = folder
        self.countries = {c.iso3: c for c in lexicon.countries}
        self.organs: dict[str, Organ] = {o.id: o for o in lexicon.organs}
        self.generic: dict[str, GenericActor] = {g.id: g for g in lexicon.generic_actors}
        self._groups: dict[str, list[Group]] = defaultdict(list)
        self._people: dict[str, list[Person]] = defaultdict(list)
        for g in lexicon.groups:
            for name in {g.name, *g.aliases, *g.adjectives}:
                self._groups[folder.fold(name)].append(g)
        for p in lexicon.people:
            for name in {p.name, *p.aliases}:
                self._people[folder.fold(name)].append(p)
        # Actors are immutable and depend only on the lexicon: each state organ and generic
        # actor is built once, not for every mention and event.
        self._states: dict[tuple[str, str | None], Actor] = {}
        self._generics: dict[tuple[str, str | None], Actor] = {}
        # A group name read on a day, under an organ: what `group` makes of it (or None).
        self._dated: dict[tuple[str, dt.date, str | None], Actor | None] = {}

    @staticmethod
    def _pick(entries: list, day: dt.date | None) -> Dated | None:
        """The entry valid on `day`; without a day, the current one (no end date)."""
        if not entries:
            return None
        valid = [e for e in entries if e.valid_on(day)] if day else []
        if valid:
            return valid[0]
        current = [e for e in entries if e.valid_to is None]
        return (current or entries)[-1]

    def date_sensitive(self, folded_name: str) -> bool:
        """Does what this group name means depend on the date (the Taliban)?"""
        entries = self._groups.get(folded_name, [])
        return len(entries) > 1 or any(e.valid_from or e.valid_to for e in entries)

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

    def group(self, folded_name: str, day: dt.date | None, organ: str | None = None) -> Actor | None:
        entry = self._pick(self._groups.get(folded_name, []), day)
        if not isinstance(entry, Group):
            return None
        if entry.state:
            return replace(self.state(entry.state, organ), alias=folded_name)
        return Actor(f"group:{entry.id}", entry.name, entry.country, entry.actor_type,
                     alias=folded_name)

    def on_date(self, actor: Actor, day: dt.date | None) -> Actor:
        """The same name read on the event's date: the Taliban of 2019 are a rebel group."""
        if actor.alias is None or day is None:
            return actor
        key = (actor.alias, day, actor.organ)
        if key in self._dated:
            again = self._dated[key]
        else:
            again = self._dated[key] = self.group(actor.alias, day, actor.organ)
        return again if again is not None else actor

    def person(self, folded_name: str, day: dt.date | None) -> Actor | None:
        entry = self._pick(self._people.get(folded_name, []), day)
        if not isinstance(entry, Person) or entry.country not in self.countries:
            return None
        return self.state(entry.country, entry.organ)

    def generic_actor(self, generic_id: str, iso3: str | None) -> Actor:
        actor = self._generics.get((generic_id, iso3))
        if actor is None:
            actor = self._generics[(generic_id, iso3)] = self._new_generic(generic_id, iso3)
        return actor

    def _new_generic(self, generic_id: str, iso3: str | None) -> Actor:
        spec = self.generic[generic_id]
        country = self.countries[iso3].name if iso3 in self.countries else "International"
        return Actor(f"{generic_id}:{iso3 or ''}", spec.label.format(country=country), iso3,
                     spec.actor_type)

    def with_organ(self, actor: Actor, organ: str) -> Actor:
        """The same state under the organ an event type implies, when the text named none."""
        if actor.is_state and actor.organ is None and actor.iso3:
            return self.state(actor.iso3, organ)
        return actor
