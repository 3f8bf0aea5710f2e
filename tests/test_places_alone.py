"""A name all of whose places are in one country, and the own name of one of them, says
where it is even when nothing else in the article does ("Khairpur": a large town known by
it as an alternate name, a smaller one by its own name, both in Pakistan). Fixture index
(tests/data/places_fixture.tsv, GeoNames data, CC BY 4.0); the sentences are the
project's own, with hard negatives."""

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
        patch.setenv("EVENTCODER_CACHE", str(tmp_path_factory.mktemp("alone")))
        yield Coder()


def _place(coder: Coder, text: str) -> tuple:
    table = coder.code_texts([text])
    assert len(table) >= 1, text
    row = table.iloc[0]
    return tuple(None if pd.isna(v) else v for v in (row["location"], row["admin1"],
                                                     row["iso3"]))


@pytest.mark.parametrize("text", [
    "Vendors in Khairpur protested against the closure of their stalls.",
    "Shopkeepers staged a sit-in in Khairpur over power cuts on Monday.",
    "Students clashed with police in Khairpur, injuring four.",
])
def test_a_name_one_country_alone_has(coder: Coder, text: str) -> None:
    assert _place(coder, text) == ("Khairpur Mir’s", "Sindh", "PAK")


@pytest.mark.parametrize("text", [
    # Kot: towns of its own name in India and in Pakistan, nothing to choose by
    "Vendors in Kot protested against the closure of their stalls.",
    # Girishk: only an alternate name of Gereshk: too weak to tell the country alone
    "Vendors in Girishk protested against the closure of their stalls.",
])
def test_no_place_when_the_name_alone_does_not_tell(coder: Coder, text: str) -> None:
    assert _place(coder, text)[0] is None
