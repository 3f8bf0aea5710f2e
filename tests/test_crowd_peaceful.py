"""A force's attack on a crowd its report calls peaceful (rules/crowds.py, `_on_peaceful`;
lexicon types/riots_peaceful_crowds.yaml): violence against civilians, the force its doer; the same
fire on a crowd not told peaceful, or a peaceful protest only dispersed, stays the crowd's
event. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

PUBLISHED = "2016-06-22"
VAC = "Violence against civilians"

# article, (ACLED event type, actor1 without its years) of the events coded
TABLE: list[tuple[str, list[tuple[str, str]]]] = [
    ("Police opened fire on peaceful protesters in Kisumu, Kenya on Monday, killing two.",
     [(VAC, "Police Forces of Kenya")]),
    ("Troops opened fire on peaceful demonstrators in Baramulla on Monday, killing a youth.",
     [(VAC, "Military Forces of India")]),
    ("Police shot at unarmed protesters in Kisumu, Kenya on Tuesday, wounding four.",
     [(VAC, "Police Forces of Kenya")]),
    # hard negatives: a crowd not told peaceful, a peaceful protest only dispersed
    ("Police opened fire on protesters in Kisumu, Kenya on Monday, killing two.",
     [("Protests", "Protesters (Kenya)")]),
    ("Police dispersed a peaceful protest of teachers in Nairobi, Kenya on Monday.",
     [("Protests", "Protesters (Kenya)")]),
]


@pytest.mark.parametrize("article, expected", TABLE, ids=[t[0][:45] for t in TABLE])
def test_a_forces_attack_on_a_peaceful_crowd_is_on_civilians(
        coder, article: str, expected: list[tuple[str, str]]) -> None:
    events = coder.code_texts([article], published=PUBLISHED)
    actors = [a.split(" (20")[0] for a in events["actor1"]]
    assert list(zip(events["acled_event_type"], actors, strict=True)) == expected, \
        events[["event_type", "actor1", "actor2", "rule"]].to_dict("records")
