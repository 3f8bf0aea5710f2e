"""The article's country (issue 14): read once per article from what points to one (states,
nationalities, parties, groups, provinces, a currency beside an amount, the outlet), and an
event with no place of its own placed there. The sentences are the project's own; each rule
has several, with hard negatives (an international agency, "capital punishment", a currency
word with no amount, a common word written in lower case, a place abroad nothing points to)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder import Coder
from eventcoder.documents import Document
from eventcoder.evaluate_acled import evaluate_acled
from tests.conftest import scaled

NO_PLACE = "Students staged a sit-in outside the university gate demanding lower exam fees."


def _rows(coder: Coder, text: str, source: str | None = None) -> list[dict[str, Any]]:
    return list(coder.iter_rows([Document("doc", text, source=source)]))


def _where(coder: Coder, text: str, source: str | None = None) -> tuple:
    rows = _rows(coder, text, source)
    assert rows, text
    row = rows[0]
    return row["iso3"], row["location"], row["admin1"], row["geo_precision"]


# the outlet -> (iso3, location, admin1, geo_precision) of an event the text does not place
OUTLETS = [
    ("The Kathmandu Post", ("NPL", "Bagmati", "Bagmati", 3)),    # a paper of one province
    ("Dawn", ("PAK", "Pakistan", None, 3)),
    ("The Daily Nigerian Observer", ("NGA", "Nigeria", None, 3)),   # a nationality in its name
    ("Times of Malawi", ("MWI", "Malawi", None, 3)),                # a country in its name
    ("Assam Chronicle", ("IND", "Assam", "Assam", 3)),              # a province in its name
    ("The Sangai Express", ("IND", "Manipur", "Manipur", 3)),       # a regional paper
    ("Invented Wire; The Hindu", ("IND", "India", None, 3)),        # one of several outlets
    # hard negatives: agencies and unknown outlets point nowhere
    ("Reuters", (None, None, None, None)),
    ("Agence France Presse -- English", (None, None, None, None)),  # not France
    ("Voice of America", (None, None, None, None)),                 # not the United States
    ("Invented Wire", (None, None, None, None)),
    (None, (None, None, None, None)),
]


@pytest.mark.parametrize("source, expected", OUTLETS)
def test_the_outlet_points_to_a_country(coder: Coder, source: str | None,
                                        expected: tuple) -> None:
    assert _where(coder, NO_PLACE, source) == expected


# text -> iso3, location, admin1, geo_precision: what the text alone points to
TEXT_CUES = [
    # parties and groups whose country the actor lexicon knows
    ("BJP workers blocked a highway demanding compensation for flood victims.",
     ("IND", "India", None, 3)),
    ("Awami League activists formed a human chain demanding a fair trial.",
     ("BGD", "Bangladesh", None, 3)),
    # nationality adjectives
    ("Pakistani police baton-charged traders protesting a new tax.",
     ("PAK", "Pakistan", None, 3)),
    ("Nepali students burned tyres in protest against the fee hike.",
     ("NPL", "Nepal", None, 3)),
    # a currency beside an amount
    ("Shopkeepers protested against a Tk 500 monthly levy imposed by the market committee.",
     ("BGD", "Bangladesh", None, 3)),
    ("Drivers protested against a fine of 20,000 kyats for overloading.",
     ("MMR", "Myanmar", None, 3)),
    # "in the capital": the capital of the article's country
    ("Thousands marched in the capital against fuel prices, Nepali police said.",
     ("NPL", "Kathmandu", "Bagmati", 1)),
    # hard negatives: no amount beside the currency word; "capital punishment"; nothing at all
    ("Members of the Tk group protested against the new rules.", (None, None, None, None)),
    ("Lawyers protested against capital punishment outside the court, Nepali police said.",
     ("NPL", "Nepal", None, 3)),
    ("Workers protested against the closure of the mill.", (None, None, None, None)),
]


@pytest.mark.parametrize("text, source, iso3", [
    (NO_PLACE, "The Nation", "PAK"),   # several countries have a "Nation": the first listed
    ("Rubber farmers in Songkhla protested against falling prices.", "The Nation", "THA"),
    ("Okada riders protested against a new levy, Nigerian police said.", "The Nation", "NGA"),
    (NO_PLACE, "The Nation; The Kathmandu Post", "NPL"),  # one home outweighs a shared name
])
def test_an_outlet_name_several_countries_share_lets_the_text_decide(
        coder: Coder, text: str, source: str, iso3: str) -> None:
    assert _where(coder, text, source)[0] == iso3


@pytest.mark.parametrize("text, expected", TEXT_CUES)
def test_the_text_points_to_a_country(coder: Coder, text: str, expected: tuple) -> None:
    assert _where(coder, text) == expected


# A name several countries' places share is read in the country the article points to: the
# test fails when a place is chosen in a country the article never points to.
SAME_NAME = [
    ("Farmers protested at the Hyderabad grain market demanding higher prices.", "The Hindu",
     ("IND", "Hyderabad", "Telangana", 1)),
    ("Farmers protested at the Hyderabad grain market demanding higher prices.", "Dawn",
     ("PAK", "Hyderabad", "Sindh", 1)),
    ("Farmers protested at the Hyderabad grain market demanding higher prices.", None,
     (None, None, None, None)),
    ("Traders protested in Punjab against a new tax, Indian officials said.", None,
     ("IND", "Punjab", "Punjab", 3)),
    ("Traders protested in Punjab against a new tax, Pakistani officials said.", None,
     ("PAK", "Punjab", "Punjab", 3)),
    # a town of the lexicon that no other country's town shares is taken on its name
    ("Fighters of two factions clashed in Abu Kamal, killing four.", "Dawn",
     ("SYR", "Abu Kamal", "Deir ez-Zor", 1)),
    # a capital under its own name is its country's, whatever the outlet's home
    ("Garment workers marched in Dhaka demanding unpaid wages.", "The Hindu",
     ("BGD", "Dhaka", "Dhaka", 1)),
]


@pytest.mark.parametrize("text, source, expected", SAME_NAME)
def test_a_place_is_in_a_country_the_article_points_to(coder: Coder, text: str,
                                                      source: str | None,
                                                      expected: tuple) -> None:
    assert _where(coder, text, source) == expected


@given(st.sampled_from(["The Hindu", "Dawn", "The Kathmandu Post", "Prothom Alo"]),
       st.sampled_from(["Hyderabad", "Punjab", "Saraj", "Dara", "Kot"]))
@scaled(20)
def test_never_a_country_the_article_does_not_point_to(source: str, name: str) -> None:
    """Whatever same-name place the text names, the event is in the outlet's country or in
    none: never in a third country that only a bare same-name match would give."""
    from tests.conftest import shared_coder

    coder = shared_coder()
    home = {"The Hindu": "IND", "Dawn": "PAK", "The Kathmandu Post": "NPL",
            "Prothom Alo": "BGD"}[source]
    rows = _rows(coder, f"Farmers protested in {name} demanding higher crop prices.", source)
    assert rows and {r["iso3"] for r in rows} <= {home, None}


# (Names are read whatever their letter case, as the rules are: a common word is kept from
# being a place abroad by the article's country, not by its case.)
LOWER_CASE = [
    "Workers clashed with guards while trying to enter the plant.",
    "Residents protested against the poor roads of ward 56.",
]


@pytest.mark.parametrize("text, source, place", [
    ("Residents stormed the police station in imphal after the procession was attacked.",
     "The Sangai Express", "Imphal"),
    ("Traders demonstrated outside the hyderabad press club against extortion.", "Dawn",
     "Hyderabad"),
])
def test_a_lower_case_name_of_the_articles_country_is_a_place(
        coder: Coder, text: str, source: str, place: str) -> None:
    assert _where(coder, text, source)[1] == place


@pytest.mark.parametrize("text", LOWER_CASE)
def test_common_words_in_lower_case_are_no_places(coder: Coder, text: str) -> None:
    for row in _rows(coder, text, "The Hindu"):
        assert row["iso3"] in {"IND", None} and row["location"] in {"India", None}


NEAREST = [
    ("Police clashed with JMB militants in Sylhet on Monday, killing two. Later, students held "
     "a rally demanding justice.", [("clash", "Sylhet"), ("protest", "Sylhet")]),
    # a district, which no town of the article stands in for
    ("Troops clashed with militants in Kurram Agency on Monday, killing two. Later, tribal "
     "elders held a rally demanding compensation.",
     [("clash", "Kurram"), ("protest", "Kurram")]),
]


@pytest.mark.parametrize("text, expected", NEAREST)
def test_an_unplaced_event_takes_the_place_of_the_nearest_placed_one(
        coder: Coder, text: str, expected: list) -> None:
    assert [(r["event_type"], r["location"]) for r in _rows(coder, text)] == expected


@pytest.mark.parametrize("text", [
    "Residents of Shikarpur protested against power cuts.",
    "Traders protested against extortion. The Shikarpur chapter of the union led the rally.",
])
def test_a_town_the_article_names_places_an_unplaced_event(coder: Coder, text: str) -> None:
    assert _where(coder, text, "Dawn") == ("PAK", "Shikarpur", "Sindh", 2)


@pytest.mark.parametrize("text", [
    "Residents of Khogyani protested against the closure of a clinic.",
    "The Khogyani elders' council led a protest against night raids.",
])
def test_a_district_the_article_names_places_an_unplaced_event(coder: Coder, text: str
                                                               ) -> None:
    iso3, _, admin1, precision = _where(coder, text, "Pajhwok Afghan News")
    assert (iso3, admin1, precision) == ("AFG", "Nangarhar", 2)


@pytest.mark.parametrize("text", [
    "Pakistan and India exchanged fire on Tuesday.",                      # two states' forces
    "Nepal and India held talks on the border dispute on Tuesday.",       # talks
    "China offered to mediate between Nepal and the Madhesi parties.",   # an offer
])
def test_no_article_place_for_two_states_or_talks(coder: Coder, text: str) -> None:
    for row in _rows(coder, text, "The Kathmandu Post"):
        assert "place_article" not in row["rule"] and "place_article_event" not in row["rule"]


def test_the_evaluation_passes_the_source_and_can_leave_it_out(tmp_path: Any) -> None:
    export = pd.DataFrame([{
        "event_id_cnty": "X1", "event_date": "2016-07-04", "year": 2016, "time_precision": 1,
        "event_type": "Riots/Protests", "actor1": "Protesters (Nepal)", "ally_actor_1": "",
        "inter1": 6, "actor2": "", "ally_actor_2": "", "inter2": 0, "interaction": 60,
        "country": "Nepal", "admin1": "Central", "admin2": "", "admin3": "",
        "location": "Kathmandu", "latitude": 27.7, "longitude": 85.3, "geo_precision": 3,
        "source": "The Kathmandu Post", "notes": NO_PLACE, "fatalities": 0}])
    path = tmp_path / "export.csv"
    export.to_csv(path, index=False)
    with_source = evaluate_acled(str(path))
    without = evaluate_acled(str(path), use_source=False)
    assert with_source.rows["country_ok"].tolist() == [True]
    assert without.rows["country_ok"].tolist() == [False]
    assert "without the export's source" in without.report()


@pytest.mark.parametrize("text", [
    "Police arrested six activists of the banned outfit on Tuesday.",
    "Police arrested six militants during a raid on Tuesday.",
    "Gunmen looted shops in the market on Tuesday.",
])
def test_one_sided_acts_are_placed_from_the_article(coder: Coder, text: str) -> None:
    rows = _rows(coder, text, "Dawn")
    assert rows and all(r["iso3"] == "PAK" for r in rows)
