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
    admin2_unit_words: list[Phrase] = Field(
        default_factory=list, description="unit words dropped from the district (admin2) "
        "name the data writes, as ACLED writes it (\"Lahore\", not \"Lahore District\")")
    part_words: list[Phrase] = Field(
        default_factory=list, description="words before the names of the halves of a "
        "district split in two (\"Upper Dir\", \"Lower Kohistan\"): a name no district has "
        "is also sought as each half (\"Kohistan\": Upper and Lower Kohistan), as an "
        "alternate name")
    institution_words: list[Phrase] = Field(
        default_factory=list, description="words after a town's name that name a place in "
        "it (\"the Dhaka University campus\", \"the Hyderabad press club\"): the name is "
        "the town, never a government (\"Dhaka\" for Bangladesh's)")
    former_units: dict[str, dict[Phrase, list[Phrase]]] = Field(
        default_factory=dict, description="per ISO3 country, the admin1 (or \"admin1/admin2\") "
        "ACLED codes a district in where the country has reorganised its units since and "
        "the place index gives the new ones (Nepal's development regions and zones, FATA): "
        "\"admin1[/admin2]\" -> the districts, without unit words")
    former_provinces: dict[str, dict[Phrase, Phrase]] = Field(
        default_factory=dict, description="per ISO3 country, today's provinces whose every "
        "district lay in one former admin1 -> that admin1: a place known only by its "
        "province (a regional paper's home) is coded in it before `former_until`")
    former_until: dict[str, str] = Field(
        default_factory=dict, description="per ISO3 country, the day (YYYY-MM-DD) from "
        "which its former units no longer apply: an event before it is coded in them")
    outlets: dict[Phrase, str] = Field(
        default_factory=dict, description="news outlets and their home (ISO3 country, or "
        "\"ISO3/admin1\" for a regional paper): an article's source points to the country "
        "its outlet reports on most (\"The Hindu\": IND; \"The Sangai Express\": "
        "IND/Manipur)")
    agencies: list[Phrase] = Field(
        default_factory=list, description="international news agencies and broadcasters: a "
        "source part that starts with one points to no country (\"Agence France Presse\" "
        "is not about France)")
    currencies: dict[Phrase, str] = Field(
        default_factory=dict, description="currency words or marks beside an amount that one "
        "country alone uses (\"Tk 500\": BGD; \"20,000 kyats\": MMR)")
    capital_words: list[Phrase] = Field(
        default_factory=list, description="phrases after a locative that name the capital "
        "of the country the article is about (\"in the capital\")")
