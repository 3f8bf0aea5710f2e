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
from eventcoder.lexicon import PlaceRecord, load_lexicon

FIXTURE = Path(__file__).resolve().parent / "data" / "places_fixture.tsv"


@pytest.fixture(scope="module")
def coder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Coder]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EVENTCODER_PLACES", str(FIXTURE))
        patch.setenv("EVENTCODER_CACHE", str(tmp_path_factory.mktemp("former")))
        yield Coder()


def _place(coder: Coder, text: str) -> tuple:
    table = coder.code_texts([text])
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
     ("Parachinar", "Federally Administered Tribal Areas", None, None, "PAK")),
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


def _record(name: str, kind: str, admin2: str | None, admin3: str | None) -> PlaceRecord:
    return PlaceRecord(name=name, admin1="East", country="Nepal", iso3="NPL", latitude=26.5,
                       longitude=87.3, precision=1 if kind == "town" else 2, kind=kind,
                       admin2=admin2, admin3=admin3)


def test_a_district_under_a_former_zone_holds_its_own_towns_only() -> None:
    """Two districts of one zone share admin2 (the zone): neither holds the other, nor the
    other's towns ("in Morang and Sunsari" names two places, not a place and its unit)."""
    morang = _record("Morang", "admin2", "Koshi", "Morang")
    sunsari = _record("Sunsari", "admin2", "Koshi", "Sunsari")
    biratnagar = _record("Biratnagar", "town", "Koshi", "Morang")
    inaruwa = _record("Inaruwa", "town", "Koshi", "Sunsari")
    assert biratnagar.within(morang) and inaruwa.within(sunsari)
    assert not sunsari.within(morang) and not morang.within(sunsari)
    assert not inaruwa.within(morang) and not biratnagar.within(sunsari)
    assert not inaruwa.within(biratnagar)


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
