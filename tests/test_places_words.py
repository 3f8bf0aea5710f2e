"""Names read as places or not: common words that are towns' names somewhere ("a
state-run bank", "the run-up", "the Cauvery delta") are never places; a district split in
two ("Upper Kohistan", "Lower Kohistan") is found by its undivided name ("Kohistan")
where no unit of that country has the name. Fixture index (tests/data/places_fixture.tsv,
GeoNames data, CC BY 4.0); the sentences are the project's own, with hard negatives."""

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
        patch.setenv("EVENTCODER_CACHE", str(tmp_path_factory.mktemp("words")))
        yield Coder()


def _places(coder: Coder, text: str) -> list[tuple]:
    table = coder.code_texts([text])
    assert len(table) >= 1, text
    return [tuple(None if pd.isna(v) else v for v in (r["location"], r["admin1"], r["iso3"]))
            for _, r in table.iterrows()]


@pytest.mark.parametrize("text", [
    "Employees staged a protest in the bank premises on Monday over unpaid wages.",
    "Protesters clashed with police in the run-up to the vote, injuring six.",
    "Farmers staged a protest in the delta against the release of river water.",
])
def test_common_words_are_not_places(coder: Coder, text: str) -> None:
    assert all(place[0] not in {"Bānk", "Rūn", "Delta"} for place in _places(coder, text))


@pytest.mark.parametrize("text", [
    "Landowners protested in Kohistan, Pakistan against the delay of a boundary report.",
    "Police clashed with timber smugglers in Kohistan, Pakistan on Sunday, killing two.",
])
def test_an_undivided_district_is_one_of_its_halves(coder: Coder, text: str) -> None:
    location, admin1, iso3 = _places(coder, text)[0]
    assert (admin1, iso3) == ("Khyber Pakhtunkhwa", "PAK")
    assert location in {"Upper Kohistan District", "Lower Kohistan District"}


def test_the_halves_do_not_move_a_name_abroad(coder: Coder) -> None:
    """Hard negative: in an Afghan sentence, Kohistan is Afghanistan's own district."""
    location, _, iso3 = _places(coder, "Afghan troops clashed with Taliban fighters in "
                                       "Kohistan, Afghanistan, killing five.")[0]
    assert (location, iso3) == ("Kōhistān", "AFG")


def test_a_half_alone_is_too_weak_to_tell_the_country(coder: Coder) -> None:
    """Hard negative: with no country pointed to, the halves (alternate names) and the
    Afghan district of the name leave the place unknown."""
    assert _places(coder, "Traders protested in Kohistan on Sunday.")[0][0] is None


def test_a_stopped_word_is_still_a_province_by_its_full_name(coder: Coder) -> None:
    """Hard negative: "delta" alone is a common word, "Delta State" still Nigeria's."""
    assert _places(coder, "Militants clashed with soldiers in Delta State on Sunday, "
                          "killing four.")[0] == ("Delta", "Delta", "NGA")


@pytest.mark.parametrize("text", [
    "Shopkeepers protested in front of the press club in Mirpurkhas, Pakistan on Monday.",
    "Traders clashed with police in Mirpurkhas, Sindh, injuring three.",
    "Shopkeepers protested in front of the press club in Mirpur Khas, Pakistan on Monday.",
])
def test_a_name_of_several_words_written_as_one(coder: Coder, text: str) -> None:
    assert _places(coder, text)[0] == ("Mīrpur Khās", "Sindh", "PAK")


@pytest.mark.parametrize("text", [
    # a part of the name is not the name
    "Shopkeepers protested in front of the press club in Mirpur, Pakistan on Monday.",
    # the words in another order are another name
    "Shopkeepers protested in front of the press club in Khasmirpur, Pakistan on Monday.",
])
def test_a_part_or_another_order_is_not_the_name(coder: Coder, text: str) -> None:
    assert _places(coder, text)[0][0] != "Mīrpur Khās"


def test_joined_names() -> None:
    from eventcoder.lexicon.geoindex import joined
    assert joined("mirpur khas") == "mirpurkhas"
    assert joined("datta khel") == "dattakhel"
    assert joined("bail-hongal") == "bailhongal"
    assert joined("kabul") == ""  # one word: nothing to join
    assert joined("al ula") == ""  # too short to be read alone


def test_a_curated_town_written_as_one_word(coder: Coder) -> None:
    assert _places(coder, "Afghan border police clashed with smugglers in Spinboldak, "
                          "Afghanistan, killing two.")[0] == ("Spin Boldak", "Kandahar", "AFG")
