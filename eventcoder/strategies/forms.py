"""What the lexicon offers the grammar: state and place forms safe to generate from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from hypothesis import strategies as st

from ..lexicon import Lexicon
from .words import COMMON_WORDS, FILLERS


# --- what the lexicon offers -------------------------------------------------------------

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
class _Pools:
    nouns: dict[str, tuple[StateForm, ...]]
    short_nouns: dict[str, tuple[StateForm, ...]]   # one-word names and capitals
    adjectives: dict[str, tuple[StateForm, ...]]
    places: tuple[PlaceForm, ...]
    borders: tuple[tuple[str, str, str, str], ...]  # iso3 a, iso3 b, border name, its iso3


_FORM_OK = re.compile(r"^[^\W\d_]+(?:[ -](?:d')?[^\W\d_]+){0,2}$")  # "Côte d'Ivoire" too
_LONG_FORM = re.compile(r"(?i)\b(republic|kingdom|state|emirate|federation|commonwealth|"
                        r"union|principality|federal|democratic|people|islamic|sultanate)\b")


def _lexicon_of(source: Any) -> Lexicon:
    return source.lexicon if hasattr(source, "lexicon") else source


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
    from ..text import Folder

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


_POOLS: dict[int, tuple[Any, _Pools]] = {}


def _pools_for(coder: Any) -> _Pools:
    """What the grammar draws from, computed once per Coder or Lexicon (by identity)."""
    cached = _POOLS.get(id(coder))
    if cached is None or cached[0] is not coder:
        cached = _POOLS[id(coder)] = (coder, _make_pools(coder))
    return cached[1]


def _make_pools(coder: Any) -> _Pools:
    lexicon: Lexicon = _lexicon_of(coder)
    gazetteer = getattr(coder, "gazetteer", None)
    phrases = _phrases(lexicon)
    countries = lexicon.countries
    all_forms: dict[str, str] = {}
    for c in countries:
        for text in (c.name, *c.aliases, *c.adjectives, *c.capitals):
            all_forms.setdefault(_fold(text), c.iso3)
    # A form containing another state's form ("Papua New Guinea", "South Sudan") is left out,
    # and so is a form that other forms contain (its meaning depends on the neighbours).
    def nested(text: str, iso3: str) -> bool:
        words = _fold(text).split()
        for other, owner in all_forms.items():
            if owner == iso3 or other == _fold(text):
                continue
            o = other.split()
            for i in range(len(words) - len(o) + 1):
                if words[i:i + len(o)] == o:
                    return True
            for i in range(len(o) - len(words) + 1):
                if o[i:i + len(words)] == words:
                    return True
        return False

    nouns: dict[str, list[StateForm]] = {}
    adjectives: dict[str, list[StateForm]] = {}
    for c in countries:
        for kind, texts in (("name", (c.name, *c.aliases)), ("capital", c.capitals),
                            ("adjective", c.adjectives)):
            for text in texts:
                if not _form_usable(text, phrases) or nested(text, c.iso3):
                    continue
                if kind == "capital" and gazetteer is not None and any(
                        r.iso3 != c.iso3 and r.kind != "country"
                        for r in gazetteer.candidates(_fold(text))):
                    continue  # "Kingston": a town of another country too
                bucket = adjectives if kind == "adjective" else nouns
                form = StateForm(c.iso3, text, kind)  # type: ignore[arg-type]
                bucket.setdefault(c.iso3, []).append(form)
    usable = set(nouns) & set(adjectives)
    # Places: curated places that are not also an actor or a lexicon phrase.
    place_forms: list[PlaceForm] = []
    borders: list[tuple[str, str, str, str]] = []
    seen_pairs: set[frozenset[str]] = set()
    for p in lexicon.places:
        if p.kind == "border":
            pair = frozenset(p.countries)
            if len(pair) == 2 and pair <= usable and pair not in seen_pairs:
                seen_pairs.add(pair)  # the first border of a pair is the one the coder uses
                a, b = p.countries
                borders.append((a, b, p.name, p.country))
            continue
        folded = _fold(p.name)
        if not _FORM_OK.match(p.name) or folded in phrases or folded in all_forms or \
                folded in COMMON_WORDS or any(w in phrases for w in folded.split()):
            continue
        others: set[str] = set()
        if gazetteer is not None:
            records = gazetteer.candidates(folded)
            if not records or records[0].name != p.name or records[0].iso3 != p.country:
                continue  # another place of this name would win
            others = {r.iso3 for r in records if r.iso3 != p.country}
        place_forms.append(PlaceForm(p.name, p.name, p.country, p.geo_precision, p.kind,
                                     frozenset(others)))
    return _Pools(
        nouns={k: tuple(v) for k, v in sorted(nouns.items()) if k in usable},
        short_nouns={k: tuple(f for f in v if " " not in f.text and "-" not in f.text)
                     for k, v in sorted(nouns.items()) if k in usable},
        adjectives={k: tuple(v) for k, v in sorted(adjectives.items()) if k in usable},
        places=tuple(sorted(place_forms, key=lambda p: p.name)),
        borders=tuple(borders))


def actors(coder: Any, kind: Literal["noun", "adjective", "any"] = "any"
           ) -> st.SearchStrategy[StateForm]:
    """A state as written (name, alias, capital or adjective) with its ISO code."""
    pools = _pools_for(coder)
    forms: list[StateForm] = []
    if kind in {"noun", "any"}:
        forms.extend(f for v in pools.nouns.values() for f in v)
    if kind in {"adjective", "any"}:
        forms.extend(f for v in pools.adjectives.values() for f in v)
    return st.sampled_from(forms)


def places(coder: Any) -> st.SearchStrategy[PlaceForm]:
    """A curated place of the lexicon whose name is unambiguous, with its location."""
    return st.sampled_from(_pools_for(coder).places)


def fillers() -> st.SearchStrategy[str]:
    """A sentence that codes to nothing."""
    return st.sampled_from(FILLERS)


