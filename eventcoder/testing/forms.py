"""What the lexicon offers the grammar: state and place forms safe to generate from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from hypothesis import strategies as st

from ..lexicon import Lexicon
from ..text import Folder
from .words import COMMON_WORDS, FILLERS


@dataclass(frozen=True)
class StateForm:
    """One way to write a state. kind: "name" (name or alias), "capital" or "adjective"."""

    iso3: str
    text: str
    kind: Literal["name", "capital", "adjective"]


@dataclass(frozen=True)
class PlaceForm:
    """A place as written and the location it must resolve to."""

    text: str
    name: str
    iso3: str
    geo_precision: int
    kind: str
    other_countries: frozenset[str] = frozenset()  # countries with a place of the same name


@dataclass(frozen=True)
class Pools:
    """The state forms (by ISO code), places and borders a grammar may write."""

    nouns: dict[str, tuple[StateForm, ...]]
    adjectives: dict[str, tuple[StateForm, ...]]
    places: tuple[PlaceForm, ...]
    borders: tuple[tuple[str, str, str, str], ...]  # iso3 a, iso3 b, border name, its iso3


_FORM_OK = re.compile(r"^[^\W\d_]+(?:[ -](?:d')?[^\W\d_]+){0,2}$")  # "Côte d'Ivoire" too
_LONG_FORM = re.compile(r"(?i)\b(republic|kingdom|state|emirate|federation|commonwealth|"
                        r"union|principality|federal|democratic|people|islamic|sultanate)\b")


def lexicon_of(source: Any) -> Lexicon:
    """The lexicon of a Coder, or the Lexicon itself."""
    lexicon: Lexicon = source.lexicon if hasattr(source, "lexicon") else source
    return lexicon


def _phrases(lexicon: Lexicon) -> set[str]:
    """Folded phrases that are not state names: triggers, cues, organs, groups, people."""
    out: set[str] = set()
    for t in lexicon.event_types:
        out.update(s.text.lower() for s in t.trigger_specs())
    for c in lexicon.cues:
        out.update(p.lower() for p in c.phrases)
    for o in lexicon.organs:
        out.update(w.lower() for w in o.words)
    for a in lexicon.generic_actors:
        out.update(w.lower() for w in a.words)
    for g in lexicon.groups:
        out.update(n.lower() for n in (g.name, *g.aliases, *g.adjectives))
    for p in lexicon.people:
        out.update(n.lower() for n in (p.name, *p.aliases))
    return out


def _fold(text: str) -> str:
    return Folder().fold(text)


def _form_usable(text: str, taken: set[str]) -> bool:
    folded = _fold(text)
    letters = [c for c in text if c.isalpha()]
    if not _FORM_OK.match(text) or all(c.isupper() for c in letters):
        return False  # punctuation, digits, abbreviations
    if any(w[:1].islower() and not w.startswith("d'") for w in text.split()):
        return False  # "Antigua and Barbuda": a connector inside the name
    if _LONG_FORM.search(text) or folded in COMMON_WORDS or folded in taken:
        return False
    return True


def _contains(words: list[str], part: list[str]) -> bool:
    return any(words[i:i + len(part)] == part for i in range(len(words) - len(part) + 1))


def _nested(text: str, iso3: str, all_forms: dict[str, str]) -> bool:
    """A form containing another state's form ("Papua New Guinea", "South Sudan"), or one that
    another state's form contains: its meaning depends on the neighbours."""
    folded = _fold(text)
    words = folded.split()
    for other, owner in all_forms.items():
        if owner == iso3 or other == folded:
            continue
        o = other.split()
        if _contains(words, o) or _contains(o, words):
            return True
    return False


def _state_forms(lexicon: Lexicon, gazetteer: Any, phrases: set[str],
                 all_forms: dict[str, str]
                 ) -> tuple[dict[str, list[StateForm]], dict[str, list[StateForm]]]:
    """The usable nouns (names, aliases, capitals) and adjectives of each state."""
    nouns: dict[str, list[StateForm]] = {}
    adjectives: dict[str, list[StateForm]] = {}
    for c in lexicon.countries:
        kinds: tuple[tuple[Literal["name", "capital", "adjective"], Any], ...] = (
            ("name", (c.name, *c.aliases)), ("capital", c.capitals), ("adjective", c.adjectives))
        for kind, texts in kinds:
            for text in texts:
                if not _form_usable(text, phrases) or _nested(text, c.iso3, all_forms):
                    continue
                if kind == "capital" and gazetteer is not None and any(
                        r.iso3 != c.iso3 and r.kind != "country"
                        for r in gazetteer.candidates(_fold(text))):
                    continue  # "Kingston": a town of another country too
                bucket = adjectives if kind == "adjective" else nouns
                bucket.setdefault(c.iso3, []).append(StateForm(c.iso3, text, kind))
    return nouns, adjectives


def _place_form(place: Any, gazetteer: Any, phrases: set[str], all_forms: dict[str, str]
                ) -> PlaceForm | None:
    """A curated place that is not also an actor or a lexicon phrase, or None."""
    folded = _fold(place.name)
    if not _FORM_OK.match(place.name) or folded in phrases or folded in all_forms or \
            folded in COMMON_WORDS or any(w in phrases for w in folded.split()):
        return None
    others: set[str] = set()
    if gazetteer is not None:
        records = gazetteer.candidates(folded)
        if not records or records[0].name != place.name or records[0].iso3 != place.country:
            return None  # another place of this name would win
        others = {r.iso3 for r in records if r.iso3 != place.country}
    return PlaceForm(place.name, place.name, place.country, place.geo_precision, place.kind,
                     frozenset(others))


def make_pools(source: Any) -> Pools:
    """What the grammar draws from, for a Coder (with its gazetteer) or a bare Lexicon.
    Costs about a second: `Generator` computes it once."""
    lexicon = lexicon_of(source)
    gazetteer = getattr(source, "gazetteer", None)
    phrases = _phrases(lexicon)
    all_forms: dict[str, str] = {}
    for c in lexicon.countries:
        for text in (c.name, *c.aliases, *c.adjectives, *c.capitals):
            all_forms.setdefault(_fold(text), c.iso3)
    nouns, adjectives = _state_forms(lexicon, gazetteer, phrases, all_forms)
    usable = set(nouns) & set(adjectives)
    place_forms: list[PlaceForm] = []
    borders: list[tuple[str, str, str, str]] = []
    seen_pairs: set[frozenset[str]] = set()
    for p in lexicon.places:
        if p.kind != "border":
            form = _place_form(p, gazetteer, phrases, all_forms)
            if form is not None:
                place_forms.append(form)
            continue
        pair = frozenset(p.countries)
        if len(pair) == 2 and pair <= usable and pair not in seen_pairs:
            seen_pairs.add(pair)  # the first border of a pair is the one the coder uses
            a, b = p.countries
            borders.append((a, b, p.name, p.country))
    return Pools(
        nouns={k: tuple(v) for k, v in sorted(nouns.items()) if k in usable},
        adjectives={k: tuple(v) for k, v in sorted(adjectives.items()) if k in usable},
        places=tuple(sorted(place_forms, key=lambda p: p.name)),
        borders=tuple(borders))


def fillers() -> st.SearchStrategy[str]:
    """A sentence that codes to nothing."""
    return st.sampled_from(FILLERS)
