"""The province of an event whose text names no place (issue 14): the province the text
names (a name several countries' provinces share, read in the article's country), else the
province a party or group of one province points to, else an institution or region of one
province, else the outlet's home province when it is a paper of one province; else the
country. The sentences are the project's own; each rule has hard negatives (a national
party or paper, a name in lower case, a cue of another country than the article's)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder import Coder
from eventcoder.documents import Document
from eventcoder.resolve.country import _home
from tests.conftest import scaled

NO_PLACE = "Traders protested against a new market tax."


def _where(coder: Coder, text: str, source: str | None = None) -> tuple[Any, ...]:
    rows = list(coder.iter_rows([Document("doc", text, source=source)]))
    assert rows, text
    row = rows[0]
    return row["iso3"], row["location"], row["admin1"], row["geo_precision"]


# the outlet -> (iso3, location, admin1, geo_precision) of an event the text does not place
HOMES = [
    ("Daily Regional Times", ("PAK", "Sindh", "Sindh", 3)),
    ("Pakistan Today", ("PAK", "Punjab", "Punjab", 3)),
    ("The New Nation (Bangladesh)", ("BGD", "Dhaka", "Dhaka", 3)),
    ("The Financial Express (Bangladesh)", ("BGD", "Dhaka", "Dhaka", 3)),
    ("The Himalayan Times", ("NPL", "Bagmati", "Bagmati", 3)),
    ("My Republica", ("NPL", "Bagmati", "Bagmati", 3)),
    ("The New Indian Express", ("IND", "Tamil Nadu", "Tamil Nadu", 3)),
    # hard negatives: national papers and agencies with desks everywhere have no home province
    ("The Hindu", ("IND", "India", None, 3)),
    ("Deccan Chronicle", ("IND", "India", None, 3)),
    ("Dawn", ("PAK", "Pakistan", None, 3)),
    ("United News of Bangladesh", ("BGD", "Bangladesh", None, 3)),
    ("Eleven Myanmar", ("MMR", "Myanmar", None, 3)),
]


@pytest.mark.parametrize("source, expected", HOMES)
def test_a_paper_of_one_province_places_an_unplaced_event_there(
        coder: Coder, source: str, expected: tuple[Any, ...]) -> None:
    assert _where(coder, NO_PLACE, source) == expected


# text, source -> where: what the text names comes before the outlet's home province
TEXT_FIRST = [
    ("Traders protested against a new market tax in Chittagong.", "The New Nation (Bangladesh)",
     ("BGD", "Chattogram", "Chittagong", 1)),
    ("Traders protested against a new market tax, Sylhet officials said.",
     "The New Nation (Bangladesh)", ("BGD", "Sylhet", "Sylhet", 2)),
    ("MQM activists held a rally against the killing of a party worker.", "Pakistan Today",
     ("PAK", "Sindh", "Sindh", 3)),
]


@pytest.mark.parametrize("text, source, expected", TEXT_FIRST)
def test_the_text_comes_before_the_outlets_home(coder: Coder, text: str, source: str,
                                                 expected: tuple[Any, ...]) -> None:
    assert _where(coder, text, source) == expected


# A province name several countries share ("Punjab") is the province of the country the
# rest of the article points to, wherever the text names it (not only after "in").
SHARED = [
    ("Members of the Punjab Teachers Association staged a sit-in over unpaid salaries.",
     "Hindustan Times", ("IND", "Punjab", "Punjab", 3)),
    ("Members of the Punjab Teachers Association staged a sit-in over unpaid salaries.",
     "Dawn", ("PAK", "Punjab", "Punjab", 3)),
    ("Nurses of the Punjab health department staged a protest demanding permanent jobs, "
     "Indian officials said.", None, ("IND", "Punjab", "Punjab", 3)),
    # hard negative: nothing tells which Punjab
    ("Members of the Punjab Teachers Association staged a sit-in over unpaid salaries.",
     None, (None, None, None, None)),
]


@pytest.mark.parametrize("text, source, expected", SHARED)
def test_a_shared_province_name_is_read_in_the_articles_country(
        coder: Coder, text: str, source: str | None, expected: tuple[Any, ...]) -> None:
    assert _where(coder, text, source) == expected


# Parties and groups of one province, and institutions and regions of one province.
CUES = [
    ("DMK cadres staged a road blockade demanding the release of river water.", None,
     ("IND", "Tamil Nadu", "Tamil Nadu", 3)),
    ("MQM activists held a rally against the killing of a party worker.", None,
     ("PAK", "Sindh", "Sindh", 3)),
    ("Shiv Sena workers staged a protest against the screening of the film.", "The Hindu",
     ("IND", "Maharashtra", "Maharashtra", 3)),
    ("Students of Jadavpur University began a hunger strike demanding the vice-chancellor "
     "quit.", "The Hindu", ("IND", "West Bengal", "West Bengal", 3)),
    ("Sanitation workers of the GHMC staged a protest over unpaid wages.", "The Hindu",
     ("IND", "Telangana", "Telangana", 3)),
    ("Farmers from Vidarbha staged a protest over crop losses.", "Indian Express",
     ("IND", "Maharashtra", "Maharashtra", 3)),
    # a province the text names comes before a group's home
    ("Shiv Sena workers protested against the Karnataka government over the border dispute.",
     None, ("IND", "Karnataka", "Karnataka", 3)),
    # hard negatives: a national party; an abbreviation in lower case; a cue of another
    # country than the one the article points to
    ("BJP workers staged a protest against the fuel price hike.", "The Hindu",
     ("IND", "India", None, 3)),
    ("Sanitation workers of the ghmc staged a protest over unpaid wages.", "The Hindu",
     ("IND", "India", None, 3)),
    ("MQM activists held a rally against the killing of a party worker.", "The Hindu",
     ("IND", "India", None, 3)),
    ("Farmers from Vidarbha staged a protest over crop losses.", "Dawn",
     ("PAK", "Pakistan", None, 3)),
]


@pytest.mark.parametrize("text, source, expected", CUES)
def test_a_party_or_institution_of_one_province_points_to_it(
        coder: Coder, text: str, source: str | None, expected: tuple[Any, ...]) -> None:
    assert _where(coder, text, source) == expected


def test_every_home_province_of_the_lexicon_is_a_province_of_its_country(
        coder: Coder) -> None:
    """A misspelt province in the lexicon would place nothing, silently."""
    language = coder.lexicon.language
    groups = {group.id for group in coder.lexicon.groups}
    assert set(language.provinces.groups) <= groups
    values = [*language.places.outlets.values(), *language.provinces.groups.values(),
              *language.provinces.names.values()]
    homes = [_home(home) for value in values for home in value.split("|")]
    missing = [(iso3, admin1) for iso3, admin1 in homes
               if admin1 and coder.countries._admin1_named(iso3, admin1) is None]
    assert not missing
    assert any(admin1 for _, admin1 in homes)


@given(st.sampled_from(["The Hindu", "Dawn", "Daily Regional Times", "The Himalayan Times",
                        "The New Nation (Bangladesh)", None]),
       st.sampled_from(["DMK cadres", "MQM activists", "Students of Jadavpur University",
                        "Members of the Punjab Teachers Association", "Farmers from Vidarbha",
                        "Traders"]))
@scaled(20)
def test_the_province_is_always_in_the_events_country(source: str | None, who: str) -> None:
    """Whatever cue and outlet are combined, the event stays in the outlet's country and its
    province is one of that country: a cue of another country never lends its province."""
    from tests.conftest import shared_coder

    coder = shared_coder()
    language = coder.lexicon.language
    values = [*language.places.outlets.values(), *language.provinces.groups.values(),
              *language.provinces.names.values()]
    homes = [_home(home) for value in values for home in value.split("|")]
    provinces = {(iso3, record.name) for iso3, admin1 in homes if admin1
                 for record in [coder.countries._admin1_named(iso3, admin1)] if record}
    provinces |= {("IND", "Punjab"), ("PAK", "Punjab")}
    country = {"The Hindu": "IND", "Dawn": "PAK", "Daily Regional Times": "PAK",
               "The Himalayan Times": "NPL", "The New Nation (Bangladesh)": "BGD"}.get(source)
    text = f"{who} staged a protest against the new tax."
    for row in coder.iter_rows([Document("doc", text, source=source)]):
        assert country is None or row["iso3"] == country  # the outlet outweighs one cue
        if row["admin1"] is not None:
            assert (row["iso3"], row["admin1"]) in provinces


@pytest.mark.parametrize("published, admin1", [
    ("2015-06-01", "Central"),   # before Nepal's provinces: the development region
    ("2020-06-01", "Bagmati"),   # after: today's province
])
def test_a_papers_home_province_is_coded_in_the_units_of_the_day(
        coder: Coder, published: str, admin1: str) -> None:
    """A regional paper's home province (Bagmati, all of whose districts lay in the Central
    development region) is coded in the units of the event's day."""
    rows = list(coder.iter_rows([Document("doc", NO_PLACE,
                                          published=dt.date.fromisoformat(published),
                                          source="The Kathmandu Post")]))
    assert rows and rows[0]["iso3"] == "NPL" and rows[0]["admin1"] == admin1
