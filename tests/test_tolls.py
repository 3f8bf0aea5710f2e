"""Death tolls: the lexicon's patterns, numbers and words, the word gate held to trying
every pattern, and implausible figures refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder.lexicon import BUNDLED, load_lexicon
from eventcoder.resolve.fatalities import MAX_TOLL, TollFinder, split_total
from tests.conftest import scaled

LANGUAGE = load_lexicon().language
TOLLS = TollFinder(LANGUAGE.tolls, LANGUAGE.numbers)


def counts(text: str, finder: TollFinder = TOLLS) -> list[int]:
    return [f.count for f in finder.find(text.lower())]


@pytest.mark.parametrize("text,expected", [
    ("Gunmen killed at least 14 villagers near the market.", [14]),
    ("The ambush left 9 dead and dozens wounded.", [9]),
    ("Twenty-three soldiers were reportedly killed.", [23]),
    ("Some 40 people died when the shells landed.", [40]),
    ("The raid claimed dozens of lives.", [12]),
    ("The death toll rose to 61 on Sunday.", [61]),
    ("Rescuers pulled 7 bodies from the rubble.", [7]),
    ("The unit lost five soldiers and a commander.", [5]),
    ("The drought killed 40 percent.", []),               # a share, not people
    ("Eleven people were wounded.", []),                  # the wounded are no toll
    ("Casualties were reported.", []),
    ("Several fighters were killed in the crossfire.", [3]),
    ("A border guard perished when the post was shelled.", [1]),  # one victim, "a"
])
def test_toll_table(text: str, expected: list[int]) -> None:
    assert counts(text) == expected


# ACLED's conventions on the ways real reports state deaths (issue 13, item 7): any noun
# before a verb of killing, one victim named by "a", verbs other than "kill", a figure with
# no noun, "the death of N" as a consequence. The lowest figure: qualifiers and ranges.
@pytest.mark.parametrize("text,expected", [
    ("Four Maoists were killed in a gunfight near the river.", [4]),
    ("Two rebel cadres were shot dead at a checkpoint.", [2]),
    ("Three herders were hacked to death over a grazing dispute.", [3]),
    ("A constable of the border force was killed in the ambush.", [1]),
    ("A young farmer was beaten to death by a mob.", [1]),
    ("An off-duty policeman was gunned down outside his home.", [1]),
    ("Gunmen killed a shopkeeper and fled on a motorbike.", [1]),
    ("Troops gunned down three insurgents in the forest.", [3]),
    ("Two youths were martyred in the firing, the group said.", [2]),
    ("The raid ended with the attackers injuring 3 guards and killing 1.", [1]),
    ("Two killed and 30 wounded as rival groups fought.", [2]),
    ("The fighting resulted in the death of 6 militants.", [6]),
    ("Tens of soldiers were killed in the attack.", [10]),
    ("More than 20 villagers were shot dead, officials said.", [20]),
    ("Between 11 and 14 traders were killed in the blast.", [11]),
    # hard negatives: the wounded, an earlier event, a time, a bare mention
    ("Twelve guards were injured and a car was set alight.", []),
    ("Lawyers protested against the killing of two colleagues last month.", []),
    ("A day after soldiers were killed, the town was calm.", []),
    ("The attackers killed a day of talks, one official joked.", []),
    ("A bomb was defused near the market.", []),
    ("Four vehicles were torched and two men were wounded.", []),
])
def test_toll_table_real_report_forms(text: str, expected: list[int]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("99999999999999999999 people were killed", []),    # too long to be a figure
    (f"{MAX_TOLL} people were killed", [MAX_TOLL]),
    (f"{MAX_TOLL + 1} people were killed", []),         # over the bound: no toll
    ("killed 1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1 soldiers", []),
    ("killed 1,200 soldiers", [1200]),
])
def test_implausible_figures_are_no_toll(text: str, expected: list[int]) -> None:
    assert counts(text) == expected


def test_a_huge_figure_does_not_fail_the_batch(coder) -> None:
    texts = ["Rebels attacked a base and 99999999999999999999 people were killed.",
             "Pakistani and Afghan forces clashed near Torkham, killing 12 soldiers."]
    events = coder.code_texts(texts, published="2026-02-27")
    assert events["fatalities"].max() == 12  # the other article's events are kept


PIECES = ["killed", "killing", "were killed", "died", "dead", "lost", "losing", "left",
          "claimed", "lives", "death toll rose to", "bodies", "and", "more", "at least",
          "between", "to", "12", "1,200", "three", "twenty-one", "dozens of", "a few", "a",
          "people", "soldiers", "police officers", "civilians", "km", "percent", "wounded",
          "the", "market", "skilled", "deadline", "diesel", "closed", ",", '"',
          "shot dead", "gunned down", "martyred", "beaten to death", "was", "an", "man",
          "of", "resulted in", "the death of", "killing of", "tens of", "maoists", ".",
          "perished", "lost their lives"]


@scaled(300)
@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_the_word_gate_loses_no_toll(words: list[str]) -> None:
    text = " ".join(words)
    assert TOLLS.find(text) == TOLLS.find(text, gate=False), text


def test_the_gate_turns_sentences_away() -> None:
    # (else the property above compares nothing)
    assert TOLLS.find("troops shelled the market") == []
    tried, _ = TOLLS.tried("troops killed the men")
    assert tried == tuple(i for i, (needs, _, _) in enumerate(TOLLS.forms)
                          if needs & {"kill", "killed"})


def _with(**update: object) -> TollFinder:
    return TollFinder(LANGUAGE.tolls.model_copy(update=update), LANGUAGE.numbers)


@pytest.mark.parametrize("update,text,before,after", [
    ({"people": [*LANGUAGE.tolls.people, "herders"]}, "losing 12 herders", [], [12]),
    ({"units": ["soldiers"]}, "killed 12 soldiers", [12], []),
    ({"patterns": []}, "killed 12 soldiers", [12], []),
])
def test_each_toll_table_drives_the_finder(update: dict, text: str, before: list,
                                           after: list) -> None:
    assert counts(text) == before
    assert counts(text, _with(**update)) == after


def test_the_modifiers_belong_to_the_toll_phrase() -> None:
    text = "nearly 12 people were killed"
    assert TOLLS.find(text)[0].text == text
    assert _with(modifiers=["at least"]).find(text)[0].text == "12 people were killed"


def test_number_tables_drive_the_finder() -> None:
    numbers = LANGUAGE.numbers.model_copy(update={"vague": {"scores": 20}})
    assert counts("scores of people were killed") == [10]
    assert counts("scores of people were killed", TollFinder(LANGUAGE.tolls, numbers)) == [20]
    no_compound = LANGUAGE.numbers.model_copy(update={"compound": ""})
    assert counts("twenty-one people were killed") == [21]
    assert counts("twenty-one people were killed",
                  TollFinder(LANGUAGE.tolls, no_compound)) == [20]


def test_a_user_language_file_adds_a_number_word_and_a_noun(tmp_path: Path) -> None:
    (tmp_path / "more.yaml").write_text(
        "language:\n  numbers:\n    words: {a score: 20}\n  tolls:\n    people: [herders]\n",
        encoding="utf-8")
    language = load_lexicon([BUNDLED, tmp_path]).language
    finder = TollFinder(language.tolls, language.numbers)
    assert counts("losing a score herders") == []
    assert counts("losing a score herders", finder) == [20]


def test_one_and_the_group_separator_drive_the_finder() -> None:
    assert counts("killing nine children and a woman") == [10]
    no_one = LANGUAGE.numbers.model_copy(update={"one": []})
    assert counts("killing nine children and a woman",
                  TollFinder(LANGUAGE.tolls, no_one)) == [9]
    dotted = LANGUAGE.numbers.model_copy(update={"group_separator": "."})
    assert counts("1,200 people were killed") == [1200]
    assert counts("1.200 people were killed", TollFinder(LANGUAGE.tolls, dotted)) == [1200]


@pytest.mark.parametrize("total,parts,expected", [
    (15, 2, [8, 7]), (10, 3, [4, 3, 3]), (2, 3, [1, 1, 0]), (0, 2, [0, 0]), (9, 1, [9])])
def test_a_total_for_several_towns_is_divided_evenly(total: int, parts: int,
                                                     expected: list[int]) -> None:
    assert split_total(total, parts) == expected


@given(st.integers(0, 10_000), st.integers(1, 12))
def test_a_divided_total_keeps_its_sum_and_differs_by_one_at_most(total: int, parts: int
                                                                  ) -> None:
    shares = split_total(total, parts)
    assert sum(shares) == total and len(shares) == parts
    assert max(shares) - min(shares) <= 1 and shares == sorted(shares, reverse=True)
