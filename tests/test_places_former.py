"""ACLED's admin units of 2015-2016 where a country has reorganised them since
(lexicons/en/places/former_units.yaml): Nepal's development regions and zones, the
Federally Administered Tribal Areas, Mymensingh's districts in Dhaka division. On the
small fixture index (tests/data/places_fixture.tsv, GeoNames data, CC BY 4.0); the
sentences are the project's own, with hard negatives (a same-name town in another
country, a town of the new province outside the former unit)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from eventcoder import Coder
from eventcoder.lexicon import load_lexicon

FIXTURE = Path(__file__).resolve().parent / "data" / "places_fixture.tsv"


@pytest.fixture(scope="module")
def coder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Coder]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EVENTCODER_PLACES", str(FIXTURE))
        patch.setenv("EVENTCODER_CACHE", str(tmp_path_factory.mktemp("former")))
        yield Coder()


def _place(coder: Coder, text: str, published: str = "2015-06-01") -> tuple:
    table = coder.code_texts([text], published=published)
    assert len(table) >= 1, text
    row = table.iloc[0]
    return tuple(None if pd.isna(v) else v for v in (
        row["location"], row["admin1"], row["admin2"], row["admin3"], row["iso3"]))


# sentence -> (location, admin1, admin2, admin3, iso3)
FORMER = [
    # Nepal: development region and zone; the district becomes admin3
    ("Police and protesters clashed in Biratnagar on Sunday, injuring twelve.",
     ("Biratnagar", "East", "Koshi", "Morang", "NPL")),
    ("Madhesi activists clashed with police in Birgunj, Nepal, leaving two people injured.",
     ("Birgañj", "Central", "Narayani", "Parsa", "NPL")),
    ("Strikers clashed with traders in Morang district of Nepal on Monday.",
     ("Morang", "East", "Koshi", "Morang", "NPL")),
    # a former tribal agency: FATA, from the index and from the curated places
    ("Militants clashed with the Frontier Corps in Jamrud on Tuesday, killing three.",
     ("Jamrud", "Federally Administered Tribal Areas", "Khyber Agency", None, "PAK")),
    ("Troops clashed with militants in Parachinar, killing two.",
     ("Parachinar", "Federally Administered Tribal Areas", "Kurram", None, "PAK")),
    # Mymensingh division's districts: Dhaka division
    ("Activists clashed with police in Jamalpur, Bangladesh, injuring five.",
     ("Jamālpur", "Dhaka", "Jamalpur", None, "BGD")),
]

# hard negatives: the same admin2 names elsewhere keep their own admin1
KEPT = [
    # Peshawar is in Khyber Pakhtunkhwa, never in the former tribal areas
    ("Gunmen clashed with police in Peshawar, killing two.",
     ("Peshawar", "Khyber Pakhtunkhwa", "Peshawar", None, "PAK")),
    # India's Jamalpur is in Bihar: the Bangladeshi district list is Bangladesh's alone
    ("Villagers clashed with police in Jamalpur, Bihar, injuring four.",
     ("Jamālpur", "Bihar", "Munger", None, "IND")),
]


@pytest.mark.parametrize("text, expected", FORMER + KEPT)
def test_former_units(coder: Coder, text: str, expected: tuple) -> None:
    assert _place(coder, text) == expected


def test_former_units_are_the_lexicons_own_data() -> None:
    """Each country's district is listed once, under one admin1 (a district listed twice
    would be coded in whichever came last)."""
    former = load_lexicon().language.places.former_units
    for iso3, table in former.items():
        listed = [d.casefold() for districts in table.values() for d in districts]
        assert len(listed) == len(set(listed)), iso3
    assert len([d for t in former["NPL"].values() for d in t]) >= 75



@pytest.mark.parametrize("text, admin2", [
    # GeoNames' "Peshawar District", "Kandahar District": ACLED writes the name alone
    ("Gunmen clashed with police in Peshawar, killing two.", "Peshawar"),
    ("Security forces clashed with militants in Kandahar district on Monday, killing five.",
     "Kandahar"),
    # hard negative: "Agency" is no dropped word ("Khyber Agency", as ACLED writes it)
    ("Militants clashed with the Frontier Corps in Jamrud on Tuesday, killing three.",
     "Khyber Agency"),
])
def test_admin2_as_acled_writes_it(coder: Coder, text: str, admin2: str) -> None:
    assert _place(coder, text)[2] == admin2


# after the reorganisation, or with no date, today's units
TODAY = [
    ("Police and protesters clashed in Biratnagar on Sunday, injuring twelve.",
     ("Biratnagar", "Koshi", "Morang", None, "NPL")),
    ("Militants clashed with the Frontier Corps in Jamrud on Tuesday, killing three.",
     ("Jamrud", "Khyber Pakhtunkhwa", "Khyber Agency", None, "PAK")),
    ("Troops clashed with militants in Parachinar, killing two.",
     ("Parachinar", "Khyber Pakhtunkhwa", "Kurram", None, "PAK")),
    ("Activists clashed with police in Jamalpur, Bangladesh, injuring five.",
     ("Jamālpur", None, "Jamalpur", None, "BGD")),
]


@pytest.mark.parametrize("published", ["2025-03-01", None])
@pytest.mark.parametrize("text, expected", TODAY)
def test_todays_units_after_the_reorganisation(coder: Coder, text: str, expected: tuple,
                                               published: str | None) -> None:
    """(The fixture index has no admin1 row for Mymensingh division: None.)"""
    assert _place(coder, text, published) == expected
