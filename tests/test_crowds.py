"""Protests and riots: ACLED's crowd conventions (rules/crowds.py, types/protests.yaml,
types/riots.yaml, actors/crowds.yaml). Every sentence here is written for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import eventcoder
from tests.conftest import scaled

PUBLISHED = "2015-06-10"
CROWD_TYPES = {"Protests", "Riots"}

# sentence, expected crowd event (event_type, actor1, actor2), or None: no crowd event
TABLE: list[tuple[str, tuple[str, str, str | None] | None]] = [
    # peaceful protests: the crowd is actor1, no actor2, whatever it protests against
    ("Hundreds of teachers staged a sit-in outside the education office in Lahore on Monday.",
     ("protest", "Protesters (Pakistan)", None)),
    ("Traders observed a dawn-to-dusk hartal in Sylhet against the new tax.",
     ("protest", "Protesters (Bangladesh)", None)),
    ("Farmers blocked the national highway near Nagpur, demanding better prices for cotton.",
     ("protest", "Protesters (India)", None)),
    ("Nurses in Kathmandu went on a hunger strike over unpaid salaries.",
     ("protest", "Protesters (Nepal)", None)),
    ("Opposition activists took out a rally in Peshawar against the government.",
     ("protest", "Protesters (Pakistan)", None)),
    ("Dock unions protested against the budget in Colombo on Tuesday.",  # not "business" news
     ("protest", "Protesters (Sri Lanka)", None)),
    # protest with intervention: the police, named or not, are actor2
    ("Police fired tear gas to disperse students protesting in Dhaka.",
     ("protest_intervention", "Protesters (Bangladesh)", "Police Forces of Bangladesh")),
    ("Police lathi-charged villagers who were holding a dharna in Patna.",
     ("protest_intervention", "Protesters (India)", "Police Forces of India")),
    ("Demonstrators were baton-charged while marching towards the assembly in Kolkata.",
     ("protest_intervention", "Protesters (India)", "Police Forces of India")),
    # excessive force against protesters
    ("Police opened fire on protesters in Imphal, killing two of them.",
     ("protest_excessive_force", "Protesters (India)", "Police Forces of India")),
    # violent demonstrations: a crowd fighting the police riots, it does not battle a state
    ("Protesters clashed with police in Karachi after the funeral.",
     ("riot", "Rioters (Pakistan)", "Police Forces of Pakistan")),
    ("Opposition workers clashed with the police in Sylhet on Monday.",  # no armed side
     ("riot", "Rioters (Bangladesh)", "Police Forces of Bangladesh")),
    ("Angry residents torched two buses and pelted stones at shops in Chittagong.",
     ("riot", "Rioters (Bangladesh)", None)),
    ("Students staged a protest in Rajshahi that turned violent when they ransacked a bank.",
     ("riot", "Rioters (Bangladesh)", None)),
    # two crowds fighting, no force there: Rioters against Rioters
    ("A clash erupted between the supporters of two candidates in Khulna on Tuesday.",
     ("riot", "Rioters (Bangladesh)", "Rioters (Bangladesh)")),
    ("Two groups clashed in Pabna on Monday, leaving ten injured.",
     ("riot", "Rioters (Bangladesh)", "Rioters (Bangladesh)")),
    # a definite mention of a strike is news of its own (ACLED codes each of its days)
    ("The indefinite transport strike entered its tenth day, and shops in Sylhet stayed shut.",
     ("protest", "Protesters (Bangladesh)", None)),
    ("Party activists brought out a procession in Natore on Thursday.",
     ("protest", "Protesters (Bangladesh)", None)),
    # mob violence: the mob's victims are civilians (a mob's killing is no riot:
    # tests/test_crowd_boundary.py)
    ("A mob attacked three villagers in Sitamarhi over a land dispute.",
     ("mob_violence", "Rioters (India)", "Civilians (India)")),
    # hard negatives: a diplomat's protest, a military strike, a market rally, a drill,
    # an armed group's arson, a negated or hypothetical protest
    ("Pakistan lodged a strong protest with India over the border incident.", None),
    ("India protested to China over the new map.", None),
    ("The army carried out a strike on militant hideouts in North Waziristan.", None),
    ("Stocks rallied in Mumbai on Friday after the budget.", None),
    ("The minister's visit demonstrated the country's growing influence in Dhaka.", None),
    ("Police used tear gas during a training exercise in Lahore.", None),
    ("Taliban militants torched a school in Swat.", None),
    ("Dock workers in Colombo did not go on strike on Monday.", None),
    ("Students might protest in Peshawar if fees rise again.", None),
]


def crowd_rows(events: pd.DataFrame) -> pd.DataFrame:
    return events[events["acled_event_type"].isin(CROWD_TYPES)]


def _value(value: Any) -> Any:
    return None if pd.isna(value) else value


@pytest.mark.parametrize("sentence, expected", TABLE)
def test_crowd_events(coder, sentence: str, expected: tuple[str, str, str | None] | None
                      ) -> None:
    events = coder.code_texts([sentence], published=PUBLISHED)
    rows = crowd_rows(events)
    if expected is None:
        assert rows.empty, rows[["event_type", "trigger", "rule"]].to_dict("records")
        return
    # one event: the crowd's words are read as no other type ("strike" in "hunger strike"),
    # its violence is no battle
    assert len(events) == 1, events[["event_type", "trigger", "rule"]].to_dict("records")
    row = rows.iloc[0]
    assert (row.event_type, row.actor1, _value(row.actor2)) == expected, row.rule


def test_planned_protest_keeps_its_status(coder) -> None:
    events = coder.code_texts(["The union plans to protest outside the port in Karachi."],
                              published=PUBLISHED)
    assert crowd_rows(events)[["event_type", "status"]].values.tolist() == [
        ["protest", "planned"]]


def test_militants_fighting_police_stay_a_battle(coder) -> None:
    events = coder.code_texts(["Militants clashed with police in Peshawar on Monday."],
                              published=PUBLISHED)
    assert crowd_rows(events).empty
    assert events["acled_event_type"].tolist() == ["Battles"]


def test_sub_event_types_and_codes_are_acleds(coder) -> None:
    types = {t.id: t for t in coder.lexicon.event_types}
    assert {(types[i].acled_event_type, types[i].acled_sub_event_type, types[i].cameo,
             types[i].plover) for i in ("protest", "protest_intervention",
                                        "protest_excessive_force", "riot", "mob_violence")} == {
        ("Protests", "Peaceful protest", "141", "PROTEST"),
        ("Protests", "Protest with intervention", "141", "PROTEST"),
        ("Protests", "Excessive force against protesters", "141", "PROTEST"),
        ("Riots", "Violent demonstration", "145", "PROTEST"),
        ("Riots", "Mob violence", "145", "PROTEST")}


# -- associated actors: groups of a lexicon written for the test --------------------------

PARTIES = """\
groups:
  - id: workers_unity_front
    name: Workers' Unity Front
    aliases: [WUF]
    actor_type: political_militia
    country: IND
  - id: farmers_progress_party
    name: Farmers' Progress Party
    actor_type: political_militia
    country: IND
"""


@pytest.fixture(scope="module")
def party_coder(tmp_path_factory: pytest.TempPathFactory) -> eventcoder.Coder:
    folder: Path = tmp_path_factory.mktemp("parties")
    (folder / "parties.yaml").write_text(PARTIES, encoding="utf-8")
    return eventcoder.Coder(extra_lexicons=[folder], regime_years=False)


ASSOCIATED = [
    # the group behind a crowd is its associated actor, not actor1
    ("Members of the Workers' Unity Front staged a protest in Jaipur.",
     ("protest", "Protesters (India)", "Workers' Unity Front", None, None)),
    ("WUF activists held a dharna outside the collectorate.",  # no place: the group's country
     ("protest", "Protesters (India)", "Workers' Unity Front", None, None)),
    ("Police baton-charged Farmers' Progress Party workers protesting in Ajmer.",
     ("protest_intervention", "Protesters (India)", "Farmers' Progress Party",
      "Police Forces of India", None)),
    # two parties' supporters fighting: Rioters against Rioters, each with its group
    ("Supporters of the Workers' Unity Front clashed with Farmers' Progress Party cadres in "
     "Kota.", ("riot", "Rioters (India)", "Workers' Unity Front", "Rioters (India)",
               "Farmers' Progress Party")),
]


@pytest.mark.parametrize("sentence, expected", ASSOCIATED)
def test_associated_actors(party_coder, sentence: str,
                           expected: tuple[str, str, str, str | None, str | None]) -> None:
    rows = crowd_rows(party_coder.code_texts([sentence], published=PUBLISHED))
    assert len(rows) == 1, rows.to_dict("records")
    row = rows.iloc[0]
    assert (row.event_type, row.actor1, _value(row.assoc_actor_1), _value(row.actor2),
            _value(row.assoc_actor_2)) == expected, row.rule


def test_other_types_have_no_associated_actors(coder) -> None:
    events = coder.code_texts(["Pakistani and Afghan troops clashed near Chaman on Monday."],
                              published=PUBLISHED)
    assert events["assoc_actor_1"].isna().all() and events["assoc_actor_2"].isna().all()


# -- properties --------------------------------------------------------------------------

SUBJECTS = ["Protesters", "Students", "Hundreds of farmers", "Angry residents", "A mob",
            "Indian protesters", "Pakistani police", "The government", "Bangladesh",
            "Supporters of the opposition", "Police", "India and Pakistan"]
PLACES = ["in Lahore", "in Dhaka", "near Patna", "in Kathmandu", "", "outside the parliament"]
AFTER = ["", ", and police dispersed them", " before clashing with police",
         " as police opened fire", ", killing two people", " against the Indian government"]


def _crowd_triggers() -> list[str]:
    lexicon = eventcoder.lexicon.load_lexicon()
    return sorted({t.text for e in lexicon.event_types if e.acled_event_type in CROWD_TYPES
                   for t in e.trigger_specs()})


@scaled(60)
@given(subject=st.sampled_from(SUBJECTS), trigger=st.sampled_from(_crowd_triggers()),
       place=st.sampled_from(PLACES), after=st.sampled_from(AFTER))
def test_a_crowd_is_never_a_state_and_never_battles(subject: str, trigger: str, place: str,
                                                     after: str) -> None:
    """Whoever the sentence names, a crowd event's actor1 is a crowd (ACLED's inter code 5
    or 6, never a state), and no battle has a crowd on either side."""
    from tests.conftest import shared_coder

    sentence = f"{subject} {trigger} {place}{after} on Monday."
    events = shared_coder().code_texts([sentence], published=PUBLISHED)
    crowd = crowd_rows(events)
    assert crowd["inter1"].dropna().isin([5, 6]).all(), crowd[["actor1", "rule"]].values
    assert crowd["actor1"].notna().all()
    battles = events[events["acled_event_type"] == "Battles"]
    for column in ("inter1", "inter2"):
        assert not battles[column].isin([5, 6]).any(), battles[["actor1", "actor2", "rule"]]


# -- articles: one crowd, one event ------------------------------------------------------

ARTICLES = [
    # the intervention told in the next sentence: one protest with intervention
    ("Farmers protested outside the press club in Lahore on Monday. Police baton-charged "
     "them and detained ten.", [("protest_intervention", "Protesters (Pakistan)",
                                 "Police Forces of Pakistan")]),
    # a protest that turned violent later in the article: one riot, its crowd renamed
    ("Hundreds of students marched in Dhaka on Sunday. They later torched two "
     "buses near the university.", [("riot", "Rioters (Bangladesh)", None)]),
    # two towns, two protests
    ("Teachers staged a sit-in in Lahore on Monday. In Karachi, nurses went on strike.",
     [("protest", "Protesters (Pakistan)", None), ("protest", "Protesters (Pakistan)", None)]),
    # a plan and a protest are two events
    ("Traders held a rally in Sylhet on Monday. They plan to protest again next week.",
     [("protest", "Protesters (Bangladesh)", None), ("protest", "Protesters (Bangladesh)",
                                                     None)]),
    # words of intervention in an article that tells no crowd: nothing
    ("Police fired tear gas in Lahore on Monday. The drill lasted an hour.", []),
    # no place: the country the article names
    ("Opposition activists staged a sit-in outside the assembly. The Nepali government "
     "refused to meet them.", [("protest", "Protesters (Nepal)", None)]),
]


@pytest.mark.parametrize("text, expected", ARTICLES)
def test_one_event_per_crowd_in_an_article(coder, text: str,
                                           expected: list[tuple[str, str, str | None]]) -> None:
    rows = crowd_rows(coder.code_texts([text], published=PUBLISHED))
    got = [(r.event_type, r.actor1, _value(r.actor2)) for r in rows.itertuples()]
    assert got == expected, rows[["event_type", "rule"]].to_dict("records")
