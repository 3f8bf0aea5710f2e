"""The shared value types (eventcoder.model), the row read off an event record, and the
rules' words as data (the language's `rules` sub-section)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import eventcoder
from eventcoder import LexiconError
from eventcoder.events import COLUMNS, column_value, event_row, reference_row, row_reader
from eventcoder.lexicon import BUNDLED, load_lexicon
from eventcoder.model import Actor, EventRecord, Location, UnnamedActor, UnnamedState, same_actor
from eventcoder.model.actors import distinct_sides
from eventcoder.model.records import HELD_COLUMNS
from eventcoder.rules.chunks import SentenceDay
from tests.conftest import scaled

# -- sides ------------------------------------------------------------------------------------

PAK = Actor("PAK", "Military Forces of Pakistan", "PAK", "state_forces", True, "military")
PAK_GOV = Actor("PAK", "Government of Pakistan", "PAK", "state_forces", True, "government")
TTP = Actor("group:ttp", "Tehrik-i-Taliban Pakistan", "PAK", "rebel_group")


def test_a_state_is_one_side_whatever_its_organ() -> None:
    assert distinct_sides([PAK, PAK_GOV, TTP]) == [PAK, TTP]
    assert not same_actor(PAK, PAK_GOV) and same_actor(PAK, PAK)


def test_unnamed_sides_are_typed_values() -> None:
    army, militants = UnnamedState("military"), UnnamedActor("unidentified_armed_group", "AFG")
    assert army == UnnamedState("military") and army != UnnamedState("police")
    assert militants != UnnamedActor("unidentified_armed_group")  # a country makes another
    # Keys tell sides apart and never meet an actor's key (an iso3 or "group:<id>").
    keys = {army.key, militants.key, UnnamedActor("unidentified_armed_group").key, PAK.key}
    assert len(keys) == 4
    assert distinct_sides([None, army, UnnamedState("military"), militants], 5) == [army,
                                                                                    militants]
    with pytest.raises(AttributeError):
        army.organ = "police"  # type: ignore[misc]


def test_an_actors_code_is_acleds() -> None:
    assert (PAK.inter, TTP.inter) == (1, 2)


# -- rows -------------------------------------------------------------------------------------

actors = st.one_of(st.none(), st.sampled_from([PAK, PAK_GOV, TTP, Actor(
    "civilians:AFG", "Civilians (Afghanistan)", "AFG", "civilians")]))
places = st.one_of(st.none(), st.builds(
    Location, st.text(min_size=1, max_size=8), st.one_of(st.none(), st.text(max_size=5)),
    st.text(max_size=5), st.sampled_from(["AFG", "PAK"]), st.floats(-90, 90),
    st.floats(-180, 180), st.integers(1, 3), st.one_of(st.none(), st.just("AFG-PAK"))))
texts = st.text(max_size=12)
records = st.builds(
    EventRecord, doc_id=texts, sentence_index=st.integers(0, 50),
    sentence_start=st.integers(0, 999), sentence_end=st.integers(0, 999), sentence=texts,
    trigger=texts, trigger_start=st.integers(0, 999), trigger_end=st.integers(0, 999),
    event_type=st.sampled_from(["clash", "airstrike"]),
    acled_event_type=st.one_of(st.none(), texts), acled_sub_event_type=st.one_of(st.none(), texts),
    status=st.sampled_from(["occurred", "planned"]), rules=st.lists(texts, min_size=1, max_size=4),
    part=st.integers(0, 3), side1=actors, side2=actors,
    mediator_actors=st.lists(actors.filter(lambda a: a is not None), max_size=3),  # type: ignore[arg-type]
    actors_inferred=st.booleans(), place=places,
    event_date=st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1))),
    fatalities=st.one_of(st.none(), st.integers(0, 500)),
    mention_sentences=st.lists(texts, max_size=2))


@scaled(100)
@given(records)
def test_a_row_is_its_columns_read_off_the_record(record: EventRecord) -> None:
    row = event_row(record)
    assert list(row) == COLUMNS
    assert row == reference_row(record, COLUMNS)


def test_the_row_reader_takes_any_column_list() -> None:
    record = EventRecord("d", 0, 0, 10, "s", "t", 1, 2, "clash", None, None, "occurred", ["r"],
                         side1=PAK, place=None)
    columns = ["iso3", "actor1", "rule", "inter2", "mentions"]
    assert row_reader(columns)(record) == {"iso3": None, "actor1": PAK.name, "rule": "r",
                                           "inter2": None, "mentions": 1}
    with pytest.raises(ValueError):
        row_reader(["actor1", "not a column"])
    assert set(HELD_COLUMNS) <= set(COLUMNS)
    assert column_value(record, "interaction") == 10


# -- the language's words are data ------------------------------------------------------------

def test_a_locative_added_by_a_lexicon_makes_a_place(tmp_path: Path) -> None:
    text = ["Afghan and Pakistani forces clashed beside Kandahar on Monday."]
    assert eventcoder.code_texts(text, published="2026-03-06")["location"].isna().all()
    (tmp_path / "language.yaml").write_text("language:\n  rules:\n    locative: [beside]\n",
                                            encoding="utf-8")
    events = eventcoder.Coder(extra_lexicons=[tmp_path]).code_texts(text, published="2026-03-06")
    assert events["location"].tolist()[0].startswith("Kandah")


@pytest.mark.parametrize("words,message", [
    ("[Beside]", "write the word folded"),
    ("[in front]", "one word"),
    ("['']", "must not be empty"),
])
def test_rule_words_are_validated_where_written(tmp_path: Path, words: str, message: str
                                                ) -> None:
    (tmp_path / "language.yaml").write_text(
        f"language:\n  rules:\n    pronouns: [it]\n    locative: {words}\n", encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicon([BUNDLED, tmp_path])
    [problem] = info.value.problems
    assert problem.line == 4 and message in problem.message


def test_no_english_word_list_in_the_rules() -> None:
    """The rules read words from the vocabulary: no module-level set of words is left, but
    sets of the model's own ids (kinds of gazetteer record and of actor mention)."""
    import ast
    import typing

    from eventcoder.lexicon.model import Place

    ids = {*typing.get_args(Place.model_fields["kind"].annotation), "admin1", "country",
           "state", "adjective", "capital", "group", "person", "organ", "generic", "sides"}
    root = Path(eventcoder.__file__).parent
    for name in ["rules/participants.py", "rules/chunks.py", "rules/places.py",
                 "rules/marks.py", "rules/roles.py", "rules/candidates.py", "rules/steps.py",
                 "resolve/event.py", "resolve/facts.py", "context.py", "actors.py"]:
        tree = ast.parse((root / name).read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and \
                    getattr(node.value.func, "id", "") in {"frozenset", "set"}:
                words = [c.value for c in ast.walk(node.value) if isinstance(c, ast.Constant)
                         and isinstance(c.value, str) and c.value.isalpha()
                         and c.value not in ids]
                assert not words, f"{name}:{node.lineno} holds words {words}"


# -- the sentence's day -----------------------------------------------------------------------

def test_the_sentence_day_is_found_once_and_only_when_asked() -> None:
    asked: list[int] = []

    def find() -> dt.date:
        asked.append(1)
        return dt.date(2020, 1, 1)

    day = SentenceDay(find=find)
    assert asked == []
    assert day.get() == day.get() == dt.date(2020, 1, 1)
    assert asked == [1]
    assert SentenceDay(dt.date(2021, 1, 1)).get() == dt.date(2021, 1, 1)
    assert SentenceDay().get() is None


# -- values made once are never changed -------------------------------------------------------

def test_the_rules_never_change_a_value_once_made(coder, examples_dir: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Candidates, roles, groups, places, marks and a sentence's facts are not frozen
    dataclasses (see model/candidates.py), but nothing assigns to one once it is made: an
    assignment from anywhere but the class's own `__init__` fails here."""
    import sys

    from eventcoder.model import ActorGroup, Candidate, Participants, PlaceMention, Roles
    from eventcoder.resolve.event import Resolved
    from eventcoder.resolve.facts import SentenceFacts
    from eventcoder.rules.marks import Marks
    from tests.test_golden import CASES

    changed: list[str] = []
    for cls in (Candidate, Roles, ActorGroup, PlaceMention, Participants, Marks, SentenceFacts,
                Resolved):
        def guarded(self: object, name: str, value: object, _set=cls.__setattr__) -> None:
            if sys._getframe(1).f_code.co_name != "__init__":
                changed.append(f"{type(self).__name__}.{name}")
            _set(self, name, value)
        monkeypatch.setattr(cls, "__setattr__", guarded)
    coder.code_files(examples_dir)
    coder.code_texts([case[0] for case in CASES], published="2026-02-27")
    assert changed == []
