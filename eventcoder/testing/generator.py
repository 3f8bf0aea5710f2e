"""`Generator`: the strategies over one coder's lexicon, with what they draw from computed once.

Event types, their statuses, structure and violence are read from the lexicon: a template
is used only for a type the lexicon has, with a status the type allows and a shape that
fits the type's structure (a doer for a one-sided type, mediators for a mediation type).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cached_property
from typing import Any, Literal

import pandas as pd
from hypothesis import strategies as st

from ..lexicon import Lexicon
from .articles import GeneratedArticle, articles_from
from .forms import PlaceForm, Pools, StateForm, lexicon_of, make_pools
from .grammar import (
    TEMPLATES, GeneratedSentence, Template, Tense, dates, make_sentence, toll_phrases)
from .tables import event_tables
from .words import PUBLISHED


class Generator:
    """Hypothesis strategies for one Coder (or a bare Lexicon, without gazetteer checks).

    Build one per coder and keep it: the forms and places it draws from take about a second
    to compute, once, on first use.
    """

    def __init__(self, source: Any) -> None:
        self.source = source
        self.lexicon: Lexicon = lexicon_of(source)

    @cached_property
    def pools(self) -> Pools:
        return make_pools(self.source)

    @cached_property
    def event_types(self) -> tuple[str, ...]:
        """The lexicon's event type ids, in its order."""
        return tuple(t.id for t in self.lexicon.event_types)

    @cached_property
    def violent_types(self) -> frozenset[str]:
        return frozenset(t.id for t in self.lexicon.event_types if t.violent)

    def allows(self, template: Template, status: str | None = None) -> bool:
        """The lexicon has the template's type, allows the status (by default the
        template's) and the template fits the type's structure."""
        kind = next((t for t in self.lexicon.event_types if t.id == template.event_type), None)
        if kind is None or (status or template.status) not in (kind.statuses or ()):
            return False
        if (template.doer is not None) != (kind.structure == "one_sided"):
            return False
        return kind.structure != "mediation" or bool(template.mediators)

    def templates(self, event_type: str | None = None, status: str | None = None,
                  templates: Sequence[Template] | None = None) -> list[Template]:
        """The templates (the bundled `TEMPLATES` by default) the lexicon allows."""
        pool = list(TEMPLATES if templates is None else templates)
        chosen = [t for t in pool if (event_type is None or t.event_type == event_type)
                  and (status is None or t.status == status) and self.allows(t)]
        if not chosen:
            raise ValueError(f"no template for event_type={event_type!r}, status={status!r}")
        return chosen

    # -- strategies ----------------------------------------------------------------------

    def sentences(self, event_type: str | None = None, status: str | None = None,
                  published: dt.date | None | str = PUBLISHED,
                  templates: Sequence[Template] | None = None,
                  future: bool | None = None) -> st.SearchStrategy[GeneratedSentence]:
        """A generated sentence with the events it must yield.

        `published`: the publication date it is coded against (`PUBLISHED` by default; None
        for none, so relative dates resolve to nothing; "draw" to draw one). `templates`
        replaces the bundled grammar (`TEMPLATES`). `future=True` puts a construction that
        has a future tense into it (its events are planned); the default keeps the
        template's."""
        if status is not None and status not in {s.id for s in self.lexicon.statuses}:
            raise ValueError(f"unknown status {status!r}")
        if isinstance(published, str) and published != "draw":
            raise ValueError(f"published is a date, None or 'draw', not {published!r}")
        choices = self.templates(event_type, status, templates)
        if future:
            choices = [t for t in choices if t.future and self.allows(t, "planned")]
            if not choices:
                raise ValueError("no template with a future tense")
        return _sentence(self, choices, published, bool(future))

    def articles(self, min_sentences: int = 1, max_sentences: int = 4,
                 templates: Sequence[Template] | None = None
                 ) -> st.SearchStrategy[GeneratedArticle]:
        """An article: a headline, an optional date line, event sentences and filler."""
        return articles_from(lambda published: self.sentences(published=published,
                                                              templates=templates),
                             min_sentences, max_sentences)

    def alias_variants(self, sentence: GeneratedSentence
                       ) -> st.SearchStrategy[GeneratedSentence]:
        """The same sentence with its states written in other ways (Turkey, Türkiye,
        Ankara)."""
        options = {}
        for slot, form in sentence.forms:
            pool = self.pools.adjectives if form.kind == "adjective" else self.pools.nouns
            options[slot] = st.sampled_from(pool[form.iso3])
        return st.fixed_dictionaries(options).map(sentence.with_forms)

    def actors(self, kind: Literal["noun", "adjective", "any"] = "any"
               ) -> st.SearchStrategy[StateForm]:
        """A state as written (name, alias, capital or adjective) with its ISO code."""
        forms: list[StateForm] = []
        if kind in {"noun", "any"}:
            forms.extend(f for v in self.pools.nouns.values() for f in v)
        if kind in {"adjective", "any"}:
            forms.extend(f for v in self.pools.adjectives.values() for f in v)
        return st.sampled_from(forms)

    def places(self) -> st.SearchStrategy[PlaceForm]:
        """A curated place of the lexicon whose name is unambiguous, with its location."""
        return st.sampled_from(self.pools.places)

    def event_tables(self, min_size: int = 0, max_size: int = 8
                     ) -> st.SearchStrategy[pd.DataFrame]:
        """A valid event table of the lexicon's event types."""
        return event_tables(min_size, max_size, self.event_types,
                            [s.id for s in self.lexicon.statuses])


def _border(draw: Any, pools: Pools, isos: list[str]) -> tuple[list[str], PlaceForm]:
    """Two states with a border between them, in either order, and the border."""
    usable = [b for b in pools.borders if all(x in isos for x in b[:2])]
    a, b, name, iso3 = draw(st.sampled_from(usable))
    fixed = [a, b] if draw(st.booleans()) else [b, a]
    return fixed, PlaceForm("the border", name, iso3, 3, "border")


@st.composite
def _sentence(draw: Any, generator: Generator, choices: list[Template],
              published: dt.date | None | str, future: bool) -> GeneratedSentence:
    pools = generator.pools
    template = draw(st.sampled_from(choices))
    if published == "draw":
        published = draw(st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 31)))
    assert not isinstance(published, str)
    place = None
    near = False
    if template.where and draw(st.booleans()):
        place = draw(st.sampled_from(pools.places))
        near = draw(st.booleans())
    excluded = set(place.other_countries) if place else set()
    slots = (*template.slots, *(["C"] if "{C}" in template.text else []))
    isos = [i for i in pools.nouns if i not in excluded]
    fixed: list[str] = []
    if template.border:
        fixed, place = _border(draw, pools, isos)
        isos = [i for i in isos if i not in fixed]
    chosen = fixed + draw(st.lists(st.sampled_from(isos), min_size=len(slots) - len(fixed),
                                   max_size=len(slots) - len(fixed), unique=True))
    organ_word = draw(st.sampled_from(template.organ_words)) if template.organ_words else None
    forms: dict[str, StateForm] = {}
    for slot, iso3 in zip(slots, chosen):
        adjectival = slot in template.adjective or (template.coordinated and slot in "AB")
        pool = pools.adjectives if adjectival else pools.nouns
        forms[slot] = draw(st.sampled_from(pool[iso3]))
    tense: Tense = "future" if future else template.tense
    when = draw(dates(tense, published)) if template.when and draw(st.booleans()) else None
    toll = draw(toll_phrases()) if template.toll and not future and draw(st.booleans()) \
        else None
    return make_sentence(GeneratedSentence(
        text="", published=published, expected=(), template=template,
        forms=tuple(forms.items()), organ_word=organ_word, place=place, near=near,
        when=when, toll=toll, future=future,
        violent=template.event_type in generator.violent_types))


# -- the same strategies as functions of a Generator, a Coder or a Lexicon ----------------------
# Given a Coder or a Lexicon, each builds a Generator of its own (about a second, on the first
# draw): hold a Generator to share that work between strategies.

def as_generator(source: Any) -> Generator:
    return source if isinstance(source, Generator) else Generator(source)


def sentences(source: Any, event_type: str | None = None, status: str | None = None,
              published: dt.date | None | str = PUBLISHED,
              templates: Sequence[Template] | None = None,
              future: bool | None = None) -> st.SearchStrategy[GeneratedSentence]:
    """`Generator.sentences` of `source`."""
    return as_generator(source).sentences(event_type, status, published, templates, future)


def articles(source: Any, min_sentences: int = 1, max_sentences: int = 4,
             templates: Sequence[Template] | None = None
             ) -> st.SearchStrategy[GeneratedArticle]:
    """`Generator.articles` of `source`."""
    return as_generator(source).articles(min_sentences, max_sentences, templates)


def alias_variants(source: Any, sentence: GeneratedSentence
                   ) -> st.SearchStrategy[GeneratedSentence]:
    """`Generator.alias_variants` of `source`."""
    return as_generator(source).alias_variants(sentence)
