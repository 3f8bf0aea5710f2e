"""Language sub-section: the words the gazetteer reads."""

from __future__ import annotations

from pydantic import Field

from .model import Entry, Phrase


class PlaceWords(Entry):
    """Words that keep common words from being read as GeoNames towns and regions.
    Curated places of the lexicon and countries are never dropped by them."""

    stop_names: list[Phrase] = Field(
        default_factory=list, description="town or region names that are also common words "
        "(\"in March\", \"Police said\"): never a place")
    leading_words: list[Phrase] = Field(
        default_factory=list, description="a town or region name that starts with one of "
        "these words is not taken (\"The ...\")")
    unit_words: list[Phrase] = Field(
        default_factory=list, description="words GeoNames writes around the name of a "
        "province or district (\"Nahri Shahi District\", \"Wilayat Zabul\"): a unit is "
        "also found by its name without them")
    district_words: list[Phrase] = Field(
        default_factory=list, description="words after a name that make it a district "
        "(\"Maruf district\", \"Kot tehsil\"): the district unit is preferred to a town "
        "of the name, and a spelling variant is sought inside the province named")
    holder_words: list[Phrase] = Field(
        default_factory=list, description="words between a place and a name that make the "
        "name the province or district holding it (\"Maruf district, Kandahar\", \"Kot "
        "district of Nangarhar\", \"Gereshk (Helmand)\")")
