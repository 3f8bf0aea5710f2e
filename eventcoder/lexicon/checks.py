"""Checks that span entries: references to event types, countries, organs, cue kinds and
statuses; names two countries share; one mediator organ; triggers two types claim.

A kind of declaration the lexicon has none of (no countries at all, say, in a folder of
cues loaded alone) is not checked: the folder is meant to be loaded with others.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import cast

from ..errors import Problem
from ..text import Folder
from . import codes
from .edits import Sourced
from .model import ROLES, Country, Cue, CueKind, EventType, Group, Organ, Place, Regime

Entries = dict[str, list[Sourced]]


def _ids(entries: Entries, section: str, name: str = "id") -> set[str]:
    return {getattr(s.entry, name) for s in entries.get(section, [])}


def _unknown(s: Sourced, field: str, refs: Iterable[str | None], known: set[str], what: str,
             code: str, entry: str) -> list[Problem]:
    if not known:  # declared nowhere in this lexicon: see the module's docstring
        return []
    return [Problem(s.path, s.at(field), f"{field}: unknown {what} '{ref}'", entry, code)
            for ref in dict.fromkeys(refs) if ref is not None and ref not in known]


def _cue_problems(entries: Entries, types: set[str]) -> list[Problem]:
    """Cue kinds, statuses, roles and event types that the lexicon does not declare."""
    problems: list[Problem] = []
    kinds: dict[str, CueKind] = {s.entry.id: s.entry  # type: ignore[attr-defined,misc]
                                 for s in entries.get("cue_kinds", [])}
    statuses = _ids(entries, "statuses")
    for s in entries.get("cues", []):
        cue: Cue = s.entry  # type: ignore[assignment]
        name = cue.id or f"kind={cue.kind}"
        for field in ("except_types", "only_types"):
            problems.extend(_unknown(s, field, getattr(cue, field), types, "event type",
                                     codes.UNKNOWN_EVENT_TYPE, name))
        kind = kinds.get(cue.kind)
        if kind is None:
            problems.extend(_unknown(s, "kind", [cue.kind], set(kinds), "cue kind",
                                     codes.UNKNOWN_CUE_KIND, name))
        elif kind.effect == "status" and statuses and cue.value not in statuses:
            problems.append(Problem(s.path, s.at("value"), "value: a status cue needs one of "
                                    f"{', '.join(sorted(statuses))}", name, codes.UNKNOWN_STATUS))
        elif kind.effect == "role" and cue.value not in ROLES:
            problems.append(Problem(s.path, s.at("value"), "value: a role cue needs one of "
                                    f"{', '.join(ROLES)}", name, codes.UNKNOWN_ROLE))
    return problems


def _type_problems(entries: Entries, types: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    organs, statuses = _ids(entries, "organs"), _ids(entries, "statuses")
    generics = _ids(entries, "generic_actors")
    for s in entries.get("event_types", []):
        t: EventType = s.entry  # type: ignore[assignment]
        problems.extend(_unknown(s, "subsumes", [x.type for x in t.subsumes], types,
                                 "event type", codes.UNKNOWN_EVENT_TYPE, t.id))
        problems.extend(_unknown(s, "third_party_call", [t.third_party_call], types,
                                 "event type", codes.UNKNOWN_EVENT_TYPE, t.id))
        problems.extend(_unknown(s, "default_organ", [t.default_organ], organs, "organ",
                                 codes.UNKNOWN_ORGAN, t.id))
        problems.extend(_unknown(s, "absorbs", t.absorbs, types, "event type",
                                 codes.UNKNOWN_EVENT_TYPE, t.id))
        problems.extend(_unknown(s, "shares_triggers_with", t.shares_triggers_with, types,
                                 "event type", codes.UNKNOWN_EVENT_TYPE, t.id))
        problems.extend(_unknown(s, "cause_of", t.cause_of, types, "event type",
                                 codes.UNKNOWN_EVENT_TYPE, t.id))
        problems.extend(_unknown(s, "retype", [x.type for x in t.retype], types,
                                 "event type", codes.UNKNOWN_EVENT_TYPE, t.id))
        problems.extend(_unknown(s, "passive_type", [t.passive_type], types,
                                 "event type", codes.UNKNOWN_EVENT_TYPE, t.id))
        problems.extend(_unknown(s, "unplaced_type", [t.unplaced_type], types,
                                 "event type", codes.UNKNOWN_EVENT_TYPE, t.id))
        problems.extend(_unknown(s, "unarmed_type", [t.unarmed_type], types,
                                 "event type", codes.UNKNOWN_EVENT_TYPE, t.id))
        problems.extend(_unknown(s, "unarmed_organs", t.unarmed_organs, organs, "organ",
                                 codes.UNKNOWN_ORGAN, t.id))
        problems.extend(_unknown(s, "feuds", [x.type for x in t.feuds], types,
                                 "event type", codes.UNKNOWN_EVENT_TYPE, t.id))
        problems.extend(_unknown(s, "feuds", [x.actor for x in t.feuds], generics,
                                 "generic actor", codes.UNKNOWN_GENERIC_ACTOR, t.id))
        if t.default_target is not None:
            problems.extend(_unknown(s, "default_target", [t.default_target], generics,
                                     "generic actor", codes.UNKNOWN_GENERIC_ACTOR, t.id))
        problems.extend(_unknown(s, "statuses", t.statuses or [], statuses, "status",
                                 codes.UNKNOWN_STATUS, t.id))
        problems.extend(_unknown(s, "triggers", [x.status for x in t.trigger_specs()],
                                 statuses, "status", codes.UNKNOWN_STATUS, t.id))
    return problems


def _actor_problems(entries: Entries) -> list[Problem]:
    """Countries, organs and generic actors named by groups, people, places and regimes."""
    problems: list[Problem] = []
    countries, organs = _ids(entries, "countries", "iso3"), _ids(entries, "organs")
    generics = _ids(entries, "generic_actors")
    for section, fields in (("groups", ("country", "state")), ("people", ("country",)),
                            ("places", ("country", "countries")), ("regimes", ("country",))):
        for s in entries.get(section, []):
            name = getattr(s.entry, "id", None) or getattr(s.entry, "name", None) or \
                f"{s.entry.country} from {s.entry.valid_from}"  # type: ignore[attr-defined]
            for field in fields:
                value = getattr(s.entry, field)
                problems.extend(_unknown(s, field, value if isinstance(value, list) else [value],
                                         countries, "country", codes.UNKNOWN_COUNTRY, name))
            if section == "people":
                problems.extend(_unknown(s, "organ", [s.entry.organ], organs,  # type: ignore[attr-defined]
                                         "organ", codes.UNKNOWN_ORGAN, name))
            if section == "groups":
                problems.extend(_unknown(s, "stands_for", s.entry.stands_for, generics,  # type: ignore[attr-defined]
                                         "generic actor", codes.UNKNOWN_GENERIC_ACTOR, name))
    mediators = [s for s in entries.get("organs", []) if s.entry.mediator]  # type: ignore[attr-defined]
    for s in mediators[1:]:
        first = mediators[0]
        organ: Organ = s.entry  # type: ignore[assignment]
        problems.append(Problem(s.path, s.at("mediator"), "mediator: only one organ may be the "
                                f"mediators' organ ('{first.entry.id}' is, at "  # type: ignore[attr-defined]
                                f"{first.path}:{first.line})", organ.id, codes.SECOND_MEDIATOR))
    return problems


def _country_name_clashes(entries: Entries, folder: Folder) -> list[Problem]:
    """Two countries may not share a name: the coder could not tell which one is meant."""
    owner: dict[str, Sourced] = {}
    problems = []
    for s in entries.get("countries", []):
        c: Country = s.entry  # type: ignore[assignment]
        for name in sorted({folder.fold(n) for n in [c.name, *c.aliases, *c.adjectives]}):
            other = owner.get(name)
            if other is not None and other.entry.iso3 != c.iso3:  # type: ignore[attr-defined]
                problems.append(Problem(s.path, s.line, f"name '{name}' is also used by "
                                        f"{other.entry.iso3} ({other.path}:{other.line})",  # type: ignore[attr-defined]
                                        c.iso3, codes.SHARED_COUNTRY_NAME))
            owner[name] = s
    return problems


def _regime_overlaps(entries: Entries) -> list[Problem]:
    """One state has one government on a day: its organs' names carry one set of years."""
    problems = []
    latest: dict[str, Sourced] = {}  # per country, the regime seen so far that ends last
    for s in sorted(entries.get("regimes", []), key=lambda s: (s.entry.country,  # type: ignore[attr-defined]
                                                                 s.entry.valid_from)):  # type: ignore[attr-defined]
        r: Regime = s.entry  # type: ignore[assignment]
        before = latest.get(r.country)
        end = before.entry.valid_to if before else None  # type: ignore[attr-defined]
        if before is not None and (end is None or end >= r.valid_from):
            problems.append(Problem(s.path, s.at("valid_from"), f"valid_from: {r.country}'s "
                                    f"regime from {r.valid_from} begins before the one of "
                                    f"{before.path}:{before.line} ends",
                                    f"{r.country} from {r.valid_from}", codes.OVERLAPPING_REGIMES))
        if before is None or (end is not None and (r.valid_to is None or r.valid_to > end)):
            latest[r.country] = s
    return problems


def _overlap(a: Group, b: Group) -> bool:
    lo = max(a.valid_from or _DAWN, b.valid_from or _DAWN)
    return lo <= min(a.valid_to or _DUSK, b.valid_to or _DUSK)


_DAWN, _DUSK = dt.date.min, dt.date.max


def _names_of(entries: Entries, section: str, folder: Folder) -> dict[str, str]:
    """Every folded name of a section's entries (countries: also adjectives and capitals),
    to the entry's iso3 or name."""
    out: dict[str, str] = {}
    for s in entries.get(section, []):
        e = s.entry
        if isinstance(e, Country):
            for n in (e.name, *e.aliases, *e.adjectives, *e.capitals):
                out.setdefault(folder.fold(n), e.iso3)
        elif isinstance(e, Place):
            for n in (e.name, *e.aliases):
                out.setdefault(folder.fold(n), e.name)
    return out


def _group_name_clashes(entries: Entries, folder: Folder) -> list[Problem]:
    """A group's forms must not be another country's names (the matcher would read a
    state) nor a curated place's names (it would read a place)."""
    countries = _names_of(entries, "countries", folder)
    places = _names_of(entries, "places", folder)
    problems: list[Problem] = []
    for s in entries.get("groups", []):
        g: Group = s.entry  # type: ignore[assignment]
        for form in dict.fromkeys(folder.fold(f) for f in g.forms()):
            iso3 = countries.get(form)
            if iso3 is not None and iso3 not in (g.country, g.state):
                problems.append(Problem(s.path, s.line, f"'{form}' is a name of {iso3}",
                                        g.id, codes.GROUP_NAME_IS_COUNTRY))
            if form in places:
                problems.append(Problem(s.path, s.line, f"'{form}' is the place "
                                        f"'{places[form]}'", g.id, codes.GROUP_NAME_IS_PLACE))
    return problems


def shared_group_names(entries: Entries, folder: Folder) -> list[Problem]:
    """Groups of different countries may share a name ("Islamic State", "Jamaat-e-Islami"):
    the event's country picks one. Two of one country on a common day (or one of no
    country) cannot be told apart, and the first listed wins: a warning."""
    problems: list[Problem] = []
    owners: dict[str, list[Sourced]] = defaultdict(list)
    for s in entries.get("groups", []):
        g: Group = s.entry  # type: ignore[assignment]
        for form in dict.fromkeys(folder.fold(f) for f in g.forms()):
            for other in owners[form]:
                o: Group = other.entry  # type: ignore[assignment]
                if (o.country == g.country or None in (o.country, g.country)) and \
                        _overlap(o, g):
                    problems.append(Problem(s.path, s.line, f"'{form}' is also a name of "
                                            f"'{o.id}' ({other.path}:{other.line}) on a "
                                            "common day", g.id, codes.SHARED_GROUP_NAME))
            owners[form].append(s)
    return problems


def _declared(a: Sourced, b: Sourced) -> bool:
    """Two types that share triggers on purpose (`shares_triggers_with`, either way)."""
    first, second = cast(EventType, a.entry), cast(EventType, b.entry)
    return second.id in first.shares_triggers_with or first.id in second.shares_triggers_with


def shared_triggers(entries: Entries, folder: Folder) -> list[Problem]:
    """A phrase listed under two event types names two events, one of each: allowed, but
    rarely meant (a user's `shelling` type next to the bundled airstrike's "shelled"), so
    it is a warning, on the later type, until one of the two removes it."""
    owners: dict[str, list[Sourced]] = defaultdict(list)
    for s in entries.get("event_types", []):
        for phrase in dict.fromkeys(folder.fold(t.text).strip()
                                    for t in s.entry.trigger_specs()):  # type: ignore[attr-defined]
            owners[phrase].append(s)
    pairs: dict[tuple[int, int], list[str]] = defaultdict(list)
    index = {id(s): i for i, s in enumerate(entries.get("event_types", []))}
    for phrase, claims in owners.items():
        for i, later in enumerate(claims):
            for earlier in claims[:i]:
                if not _declared(earlier, later):
                    pairs[index[id(earlier)], index[id(later)]].append(phrase)
    types = entries.get("event_types", [])
    return [Problem(types[b].path, types[b].at("triggers"), f"triggers also listed under "
                    f"'{types[a].entry.id}' ({types[a].path}:{types[a].line}), so each "  # type: ignore[attr-defined]
                    f"gives two events: {', '.join(phrases)}", types[b].entry.id,  # type: ignore[attr-defined]
                    codes.SHARED_TRIGGER)
            for (a, b), phrases in sorted(pairs.items())]


def cross_check(entries: Entries) -> tuple[list[Problem], list[Problem]]:
    """The problems that span entries, and the warnings."""
    folder = Folder()
    types = _ids(entries, "event_types")
    problems = [*_cue_problems(entries, types), *_type_problems(entries, types),
                *_actor_problems(entries), *_country_name_clashes(entries, folder),
                *_regime_overlaps(entries), *_group_name_clashes(entries, folder)]
    return problems, [*shared_triggers(entries, folder), *shared_group_names(entries, folder)]
