"""A capital's name before an institution word, or alone in brackets after a place, is the
town where the event is, not the government it may stand for ("the Dhaka University
campus", "the Teku area (Kathmandu)"). Fixture index (tests/data/places_fixture.tsv,
GeoNames data, CC BY 4.0); the sentences are the project's own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from eventcoder import Coder

FIXTURE = Path(__file__).resolve().parent / "data" / "places_fixture.tsv"


@pytest.fixture(scope="module")
def coder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Coder]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EVENTCODER_PLACES", str(FIXTURE))
        patch.setenv("EVENTCODER_CACHE", str(tmp_path_factory.mktemp("institutions")))
        yield Coder()


def _places(coder: Coder, text: str) -> list[tuple]:
    table = coder.code_texts([text])
    return [(None if pd.isna(r["location"]) else r["location"], r["iso3"], r["geo_precision"])
            for _, r in table.iterrows()]


IN_TOWN = [
    ("Students of two rival groups clashed on the Dhaka University campus on Sunday.",
     ("Dhaka", "BGD", 1)),
    ("Doctors protested in front of Kathmandu Medical College on Monday.",
     ("Kathmandu", "NPL", 1)),
    ("Journalists stood in a human chain before the Dhaka press club, protesting the "
     "arrest of a colleague.", ("Dhaka", "BGD", 1)),
    ("Assailants hurled crude bombs at a bus in the Lalbagh area (Dhaka) on Tuesday, "
     "injuring three.", ("Dhaka", "BGD", 1)),
    ("Health workers began a hunger strike at the ministry in Teku (Kathmandu) on Sunday.",
     ("Kathmandu", "NPL", 1)),
]


@pytest.mark.parametrize("text, expected", IN_TOWN)
def test_a_capital_before_an_institution_is_the_town(coder: Coder, text: str,
                                                      expected: tuple) -> None:
    assert _places(coder, text)[0] == expected


def test_a_capital_as_a_government_is_not_the_place(coder: Coder) -> None:
    """Hard negative: the capital stands for the government, the event is elsewhere."""
    places = _places(coder, "Kathmandu said police and protesters clashed in Biratnagar on "
                            "Friday.")
    assert places and all(p[0] != "Kathmandu" for p in places)
    assert places[0][0] == "Biratnagar"
