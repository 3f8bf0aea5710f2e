"""Choosing the place of an event as a careful coder would (issue 14), on a small fixture
place index (tests/data/places_fixture.tsv, GeoNames data, CC BY 4.0): the sentences are
the project's own; each pattern has several, with hard negatives (a same-name place
abroad, a person named like a country)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder import Coder
from eventcoder.lexicon.geoindex import skeleton

FIXTURE = Path(__file__).resolve().parent / "data" / "places_fixture.tsv"


@pytest.fixture(scope="module")
def coder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Coder]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EVENTCODER_PLACES", str(FIXTURE))
        patch.setenv("EVENTCODER_CACHE", str(tmp_path_factory.mktemp("places")))
        yield Coder()


def _place(coder: Coder, text: str) -> tuple:
    table = coder.code_texts([text])
    assert len(table) >= 1, text
    row = table.iloc[0]
    return tuple(None if pd.isna(v) else v for v in (  # NaN, NA -> None
        row["location"], row["admin1"], row["admin2"], row["iso3"], row["geo_precision"]))


# sentence -> (location, admin1, admin2, iso3, geo_precision)
PATTERNS = [
    # "in X district of Y province": a spelling variant, sought inside the province named
    ("Taliban fighters attacked a police checkpoint in Nahri Saraj district of Helmand "
     "province on Monday, killing three policemen.",
     ("Nahr-e Sarāj", "Helmand", "Nahr-e Sarāj", "AFG", 2)),
    ("Gunmen clashed with police in Kot district of Nangarhar province, killing four.",
     ("Kōṯ", "Nangarhar", "Kōṯ", "AFG", 2)),
    # "X district, Y": the district, not the province's capital that shares its name
    ("Security forces clashed with militants in Maruf district, Kandahar, killing five "
     "insurgents.", ("Ma‘rūf", "Kandahar", "Ma‘rūf", "AFG", 2)),
    ("Soldiers and insurgents clashed in Mohmand Dara district, Nangarhar, leaving two dead.",
     ("Mohmand Darah", "Nangarhar", "Mohmand Darah", "AFG", 2)),
    # a district named like its town: the town, near (as ACLED codes it)
    ("Security forces clashed with militants in Kandahar district on Monday, killing five.",
     ("Kandahār", "Kandahar", "Kandahar", "AFG", 2)),
    # "X, Y": the town inside the province named, not a same-name town abroad
    ("Gunmen clashed with police in Kot, Nangarhar, killing six.",
     ("Kōṯ", "Nangarhar", "Kōṯ", "AFG", 2)),
    ("Gunmen clashed with police in Hyderabad, Sindh, killing two.",
     ("Hyderabad", "Sindh", "Hyderabad", "PAK", 1)),
    # "X (Y)"
    ("Troops clashed with militants in Gereshk (Helmand) on Friday, killing two.",
     ("Gereshk", "Helmand", "Nahr-e Sarāj", "AFG", 1)),
    ("Gunmen clashed with police in Kot (Nangarhar) on Friday, killing six.",
     ("Kōṯ", "Nangarhar", "Kōṯ", "AFG", 2)),
    ("Troops clashed with militants in Kandahar (Afghanistan) on Friday, killing two.",
     ("Kandahār", "Kandahar", "Kandahar", "AFG", 1)),
    # "near X"
    ("Police clashed with gunmen near Gereshk in Helmand province, killing one.",
     ("Gereshk", "Helmand", "Nahr-e Sarāj", "AFG", 2)),
    # "in the X area of Y district, Z"
    ("Troops clashed with insurgents in the Gereshk area of Nahri Saraj district, Helmand, "
     "killing three.", ("Gereshk", "Helmand", "Nahr-e Sarāj", "AFG", 1)),
]


@pytest.mark.parametrize("text, expected", PATTERNS)
def test_place_patterns(coder: Coder, text: str, expected: tuple) -> None:
    assert _place(coder, text) == expected


# Hard negatives: a same-name place in a country nothing in the article points to is never
# the place, however populous it is; "Jordan" the person is no country.
NEGATIVES = [
    # Saraj is a town of North Macedonia only: nothing here points there
    ("Taliban fighters clashed with police in Saraj, killing two.", None),
    ("Gunmen clashed with police in Dara district, killing two.", None),
    # Hyderabad of India is the more populous: Sindh points to Pakistan
    ("Rangers clashed with gunmen in Hyderabad, Sindh, killing three.", "PAK"),
    # Kandahar of India (Nanded) is never the Kandahar of an Afghan sentence
    ("Afghan troops clashed with the Taliban in Kandahar, killing four.", "AFG"),
    ("Jordan said troops clashed with militants in Kandahar on Monday.", "AFG"),
]


@pytest.mark.parametrize("text, iso3", NEGATIVES)
def test_no_place_in_a_country_the_article_never_points_to(coder: Coder, text: str,
                                                           iso3: str | None) -> None:
    assert _place(coder, text)[3] == iso3


def test_the_article_points_when_the_sentence_does_not(coder: Coder) -> None:
    """A sentence that names no country is read in the article's: Kot of Nangarhar."""
    text = ("Fighting was reported across Nangarhar this week.\n\n"
            "Gunmen clashed with police in Kot, killing six.")
    table = coder.code_texts([text])
    assert list(table["iso3"]) == ["AFG"]


OTHER_COUNTRIES = ["Senegal", "North Macedonia", "India", "Libya", "Jordan"]


@given(st.sampled_from(PATTERNS[:6]), st.sampled_from(OTHER_COUNTRIES), st.booleans())
def test_another_country_elsewhere_never_moves_a_place(coder: Coder, case: tuple,
                                                       other: str, before: bool) -> None:
    """Adding a sentence about another country elsewhere in the article never moves a
    place out of the country its own sentence names."""
    text, expected = case
    aside = f"Separately, officials in {other} announced a new budget on Tuesday."
    article = f"{aside}\n\n{text}" if before else f"{text}\n\n{aside}"
    table = coder.code_texts([article])
    rows = table[table["sentence"] == text]
    assert list(rows["iso3"]) == [expected[3]]


def test_location_text_and_ascii(coder: Coder) -> None:
    table = coder.code_texts(["Taliban fighters attacked a police checkpoint in Nahri Saraj "
                              "district of Helmand province, killing three policemen."])
    assert list(table["location_text"]) == ["Nahri Saraj"]
    assert list(table["location_ascii"]) == ["Nahr-e Saraj"]


@pytest.mark.parametrize("a, b", [("helmand", "hilmand"), ("uruzgan", "urozgan"),
                                  ("nahri saraj", "nahr-e saraj"),
                                  ("mirpur khas", "mirpurkhas")])
def test_spelling_variants_share_a_skeleton(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


@pytest.mark.parametrize("a, b", [("kabul", "kunar"), ("saraj", "sangin"), ("kot", "dara")])
def test_other_names_do_not(a: str, b: str) -> None:
    assert skeleton(a) != skeleton(b) or a[0] != b[0]
