"""What the resolvers found in one sentence, shared by its candidates."""

from __future__ import annotations

from dataclasses import dataclass

from ..documents import Document
from ..lexicon import Lexicon
from ..model.actors import Actor, UnnamedActor
from ..model.participants import Participants, PlaceMention
from ..segment import Sentence
from .dates import DateMention
from .fatalities import FatalityMention

# The sentence's tokens and clauses, as the rules made them: read here, never made. Imported
# to run, not only for type checkers: the compiled build (setup.py) checks a field's value
# against this class, which exists once its module has been imported.
from ..rules.view import SentenceView
from ..model.pickling import pickled_by_fields


@dataclass(frozen=True, slots=True)
class PlaceWords:
    """The language's words the resolvers read (from the `rules` sub-section)."""

    border: frozenset[str]        # "along the frontier"
    town_joiners: frozenset[str]  # "struck Kandahar and Kabul"

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> PlaceWords:
        words = lexicon.language.rules
        return cls(frozenset(words.border_words), frozenset(words.town_joiners))


@dataclass(slots=True)  # read-only once read (frozen would cost each sentence 17 setattr calls)
class SentenceFacts:
    """What the resolvers found in one sentence, and what its candidates read of it (the
    clause of each toll, date and place, the countries, the border words), worked out once
    for all of them by `read`."""

    doc: Document
    sentence: Sentence
    view: SentenceView
    parts: Participants
    dates: list[DateMention]
    fatalities: list[FatalityMention]
    words: PlaceWords
    violent: int  # violent candidates in the sentence
    text: str  # the sentence as written
    countries: set[str]  # of the sentence's actors and unnamed actors: read, do not change
    border_tokens: list[int]  # the tokens that name a border
    toll_clauses: list[int]  # the clause of each toll (of its number), parallel to `fatalities`
    place_clauses: list[int]  # the clause of each place, parallel to `parts.places`
    date_tokens: list[int]  # the token where each date starts, parallel to `dates`

    @classmethod
    def read(cls, doc: Document, sentence: Sentence, view: SentenceView, parts: Participants,
             dates: list[DateMention], fatalities: list[FatalityMention], words: PlaceWords,
             violent: int) -> SentenceFacts:
        countries: set[str] = set()  # of the sentence's actors and unnamed actors
        for group in parts.groups:
            for chunk in group.chunks:
                side = chunk.side
                country = side.iso3 if isinstance(side, Actor) else \
                    side.country if isinstance(side, UnnamedActor) else None
                if country:
                    countries.add(country)
        border = words.border
        return cls(
            doc, sentence, view, parts, dates, fatalities, words, violent,
            doc.text[sentence.start:sentence.end], countries,
            [] if border.isdisjoint(view.words) else
            [i for i, w in enumerate(view.words) if w in border],
            [view.clause_of(view.tokens.token_at(f.start)) for f in fatalities]
            if fatalities else [],
            [view.clause_of(p.first) for p in parts.places] if parts.places else [],
            [view.tokens.token_at(d.start) for d in dates] if dates else [])

    def clauses_of(self, places: list[PlaceMention]) -> list[int]:
        """The clause of each of these places."""
        if places is self.parts.places:
            return self.place_clauses
        return [self.view.clause_of(p.first) for p in places]


pickled_by_fields(PlaceWords)  # when compiled: see model/pickling.py
