"""Language sub-section: names that tell the province of an article that names none."""

from __future__ import annotations

from pydantic import Field

from .model import Entry, Phrase


class ProvinceWords(Entry):
    """What points an article to a province of its country when it names no place there:
    a party or group active in one province, an institution or region of one province.
    Each value is "ISO3/admin1" (the admin1 as admin1.tsv names it); it is used only in the
    country the article points to, and only for an event with no place of its own."""

    groups: dict[str, str] = Field(
        default_factory=dict, description="actor ids (of the actor lexicon) of parties and "
        "groups active in one province (\"sad\": IND/Punjab, \"mqm\": PAK/Sindh)")
    names: dict[Phrase, str] = Field(
        default_factory=dict, description="names of institutions and regions of one "
        "province (\"Jadavpur University\": IND/West Bengal); compared ignoring case and "
        "accents, an all-capital abbreviation (\"GHMC\") as written")
