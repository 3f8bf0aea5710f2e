"""The language section of a lexicon: the words and patterns of one language that the
segmenter, the rules and the resolvers read (in the spirit of spaCy's ``lang/en``).

A lexicon folder holds it under ``language/``: each YAML file there has the top-level key
``language`` and, under it, one or more sub-sections (``rules``, ``dates``, ``numbers``,
``tolls``, ``segment``, ``places``, ``provinces``), each validated by its own model
below. A second language is a new folder of data, not new code.
"""

from __future__ import annotations

from pydantic import Field

from .lang_places import PlaceWords
from .lang_provinces import ProvinceWords
from .lang_rules import RuleWords
from .lang_text import DateWords, NumberWords, SegmentWords, TollWords
from .model import Entry

# Sub-section name -> its model. The loader validates each sub-section on its own, so that a
# problem names the sub-section, its file and its line.
LANGUAGE_SECTIONS: dict[str, type[Entry]] = {
    "rules": RuleWords,
    "dates": DateWords,
    "numbers": NumberWords,
    "tolls": TollWords,
    "segment": SegmentWords,
    "places": PlaceWords,
    "provinces": ProvinceWords,
}


class Language(Entry):
    """Every sub-section of the language, each empty unless the lexicon gives it."""

    rules: RuleWords = Field(default_factory=RuleWords)
    dates: DateWords = Field(default_factory=DateWords)
    numbers: NumberWords = Field(default_factory=NumberWords)
    tolls: TollWords = Field(default_factory=TollWords)
    segment: SegmentWords = Field(default_factory=SegmentWords)
    places: PlaceWords = Field(default_factory=PlaceWords)
    provinces: ProvinceWords = Field(default_factory=ProvinceWords)
