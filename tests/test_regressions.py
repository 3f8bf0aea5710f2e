"""Regression tests, one per bug found by review or by the property tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

import eventcoder
from eventcoder import LexiconError
from eventcoder.lexicon import BUNDLED, load_lexicon
from eventcoder.resolve.dates import DateResolver
from eventcoder.resolve.fatalities import find_fatalities

PUBLISHED = "2026-02-27"


def test_last_night_is_the_day_before() -> None:
    resolved = DateResolver().resolve("last night", dt.date(2026, 2, 27), future=False)
    assert (resolved.date, resolved.precision) == (dt.date(2026, 2, 26), 1)


@pytest.mark.parametrize("text,count", [
    ("between 10 and 15 people were killed", 10),          # the lowest figure
    ("10 to 15 people were killed", 10),
    ("three soldiers and two civilians were killed", 5),   # two counts, one toll
    ("its troops had killed 25 militants and five soldiers", 30),
    ("killing nine children and a woman", 10),
    ('killed "dozens" of fighters', 12),
])
def test_fatality_conventions(text: str, count: int) -> None:
    assert [f.count for f in find_fatalities(text)] == [count]


def test_mixed_case_abbreviations_match_only_as_written(coder) -> None:
    events = coder.code_texts(["Police let fighters through and then clashed with them near "
                               "Kupwara on Monday."], published=PUBLISHED)
    assert "Lashkar-e-Taiba" not in set(events["actor1"].dropna()) | set(events["actor2"].dropna())


def test_sides_urging_each_other_are_sides(coder) -> None:
    events = coder.code_texts(["Ethiopia and Eritrea urged each other to resume talks."],
                              published=PUBLISHED)
    assert events["event_type"].tolist() == ["negotiation"]
    row = events.iloc[0]
    assert {row["actor1_iso3"], row["actor2_iso3"]} == {"ETH", "ERI"}
    assert list(row["mediators"]) == []


def test_sides_taken_from_another_event_take_this_events_organ(coder) -> None:
    events = coder.code_texts(["Indian and Chinese troops exchanged fire on Monday, but both "
                               "sides agreed to a truce on Tuesday."], published=PUBLISHED)
    truce = events[events["event_type"] == "ceasefire"].iloc[0]
    assert {truce["actor1"], truce["actor2"]} == {"Government of India", "Government of China"}


def test_validity_follows_the_event_date(coder) -> None:
    events = coder.code_texts(["In February 2019, the Taliban and US officials held talks in "
                               "Doha."], published=PUBLISHED)
    assert "Taliban" in {events.iloc[0]["actor1"], events.iloc[0]["actor2"]}


def test_default_ids_do_not_collide_across_calls(coder, tmp_path: Path) -> None:
    a = coder.code_texts(["Indian troops clashed with Chinese troops on Monday."])
    b = coder.code_texts(["Afghan troops clashed with Iranian troops on Monday."])
    both = pd.concat([a, b], ignore_index=True)
    assert both["event_id"].is_unique
    eventcoder.write_events(both, tmp_path / "both.parquet")


def test_admin1_tables_are_validated(tmp_path: Path) -> None:
    (tmp_path / "a.tsv").write_text("iso2\tadmin1_code\tname\tlatitude\n", encoding="utf-8")
    (tmp_path / "b.tsv").write_text("iso2\tadmin1_code\tname\tlatitude\tlongitude\n"
                                    "PK\t01\t\t30\t70\nPK\t02\tX\tabc\t999\n", encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicon([BUNDLED, tmp_path])
    text = str(info.value)
    assert "a.tsv:1: missing columns: longitude" in text
    assert "b.tsv:2 [PK.01]: name is empty" in text
    assert "b.tsv:3 [PK.02]: latitude is not a number" in text
    assert "b.tsv:3 [PK.02]: longitude 999.0 is out of range" in text


def test_may_in_a_date_is_not_the_cue_may(coder) -> None:
    events = coder.code_texts(["Pakistan and Afghanistan exchanged fire on 3 May 2025."])
    assert events["event_type"].tolist() == ["clash"]


def test_month_names_are_not_towns(coder) -> None:
    events = coder.code_texts(["Pakistan and Afghanistan exchanged fire in August 2025."])
    assert events["location"].isna().all()


def test_two_spaces_inside_a_trigger(coder) -> None:
    events = coder.code_texts(["Oman offered to  mediate between Saudi Arabia and the Houthis."])
    assert events["event_type"].tolist() == ["mediation_offer"]


@pytest.mark.parametrize("text", [
    "Azerbaijan and Armenia exchanged fire on 28 May 2025.",   # the town 28 May (AZE)
    "Azerbaijan and Armenia exchanged fire on May 28.",
    "Egypt and Israel exchanged fire on October 6, 2023.",     # 6th of October City (EGY)
    "Tajikistan and Kyrgyzstan exchanged fire on Nov 5.",      # the town Nov (TJK)
])
def test_town_names_written_as_dates_are_not_places(coder, text: str) -> None:
    events = coder.code_texts([text], published=PUBLISHED)
    assert events["event_type"].tolist() == ["clash"]
    assert events["location"].isna().all() and events["event_date"].notna().all()


def test_a_town_named_like_a_month_is_a_place_outside_a_date(coder) -> None:
    events = coder.code_texts(["Tajikistan and Kyrgyzstan exchanged fire near Nov."],
                              published=PUBLISHED)
    assert events["location"].tolist() == ["Nov"]


@pytest.mark.parametrize("text", [
    "Talks between the United States and Iran will resume.",   # "United" is no "-ed" verb
    "Talks between Saint Vincent and the Grenadines and the Democratic Republic of the Congo "
    "will resume.",                                            # long names, one word each
    "A truce between the Democratic Republic of the Congo and Rwanda will take effect.",
])
def test_a_future_tense_after_long_names_is_planned(coder, text: str) -> None:
    events = coder.code_texts([text], published=PUBLISHED)
    assert events["status"].tolist() == ["planned"]


@pytest.mark.parametrize("text", [
    "It isn't true that Iran and Iraq held talks.",
    "It isn\u2019t true that Iran and Iraq held talks.",
    "It wasn't true that Pakistan and India exchanged fire.",
    "Iran and Iraq couldn't agree on a ceasefire.",            # not listed: read as "not"
    "Iran and Iraq wouldn't hold talks.",
])
def test_negative_contractions_negate(coder, text: str) -> None:
    assert coder.code_texts([text], published=PUBLISHED).empty
