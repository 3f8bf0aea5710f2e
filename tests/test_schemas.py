"""The table contracts: the event table's columns come from one model, the gold format has a
model of its own, and the documentation of both is held to the models."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from eventcoder import InputError, SchemaError, validate_events
from eventcoder.evaluate import GoldRecord, read_gold
from eventcoder.schemas import EVENT_COLUMNS, EventSchema, empty_events

ROOT = Path(__file__).resolve().parent.parent


# --- the event table -----------------------------------------------------------------------

def test_event_columns_are_the_models_columns_in_order() -> None:
    assert EVENT_COLUMNS == tuple(EventSchema.to_schema().columns)


def test_event_columns_are_the_row_builders_columns() -> None:
    # The row builder keeps its own list until it reads EVENT_COLUMNS (issue 12, item 4).
    from eventcoder.events import COLUMNS

    assert tuple(COLUMNS) == EVENT_COLUMNS


def test_empty_events_has_every_column_and_validates() -> None:
    empty = validate_events(empty_events())
    assert empty.empty and tuple(empty.columns) == EVENT_COLUMNS


@pytest.fixture(scope="module")
def one_row(coder) -> pd.DataFrame:
    return coder.code_texts(["Kenya offered to mediate between Ethiopia and Eritrea."])


@pytest.mark.parametrize("value, valid", [
    ([], True),
    (["Government of Kenya"], True),
    (["a", "b", "c"], True),
    ([""], True),
    (["a", 3], False),
    ([None], False),
    ("Government of Kenya", False),
    (("a", "b"), False),
    ({"a"}, False),
    (None, False),
])
def test_list_columns_hold_lists_of_strings(one_row: pd.DataFrame, value: Any,
                                            valid: bool) -> None:
    for column in ("mediators", "mediators_iso3", "mention_sentences"):
        frame = one_row.copy()
        frame[column] = pd.Series([value], index=frame.index, dtype=object)
        if valid:
            validate_events(frame)
        else:
            with pytest.raises(SchemaError, match=column):
                validate_events(frame)


# --- the gold format -----------------------------------------------------------------------

def test_the_gold_files_of_the_repository_read() -> None:
    gold = read_gold(ROOT / "examples" / "gold.jsonl")
    assert len(gold) >= 150 and all("_line" in g for g in gold)
    # A field left out stays out: it is not scored.
    assert any("location" not in g for g in gold) and any("location" in g for g in gold)


GOOD = {"doc_id": "a", "quote": "clashed", "event_type": "clash"}


@pytest.mark.parametrize("change, problem", [
    ({"doc_id": None}, "null for doc_id"),
    ({"quote": ""}, "quote"),
    ({"event_type": "Clash"}, "event_type"),
    ({"required": "yes"}, "required"),
    ({"required": 1}, "required"),
    ({"status": "Rumoured!"}, "status"),
    ({"parties": ["AFG"]}, "parties"),
    ({"parties": ["AFG", "AFG"]}, "the same"),
    ({"mediators": ["Qatar"]}, "mediators"),
    ({"country": "pk"}, "country"),
    ({"fatalities": -1}, "fatalities"),
    ({"fatalities": "3"}, "fatalities"),
    ({"event_date": "2026-02-26"}, "go together"),
    ({"event_date": "2026-02", "time_precision": 1}, "YYYY-MM for precision 3"),
    ({"event_date": "2026-02-30", "time_precision": 1}, "not a real date"),
    ({"event_date": "2026-02-26", "time_precision": 2}, "Monday"),
    ({"colour": "red"}, "colour"),
])
def test_a_bad_gold_line_names_the_file_the_line_and_the_field(
        tmp_path: Path, change: dict[str, Any], problem: str) -> None:
    path = tmp_path / "gold.jsonl"
    bad = {k: v for k, v in {**GOOD, **change}.items()}
    path.write_text(f"{json.dumps(GOOD)}\n\n{json.dumps(bad)}\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_gold(path)
    assert info.value.problem.path == str(path) and info.value.problem.line == 3
    assert problem in str(info.value)


@pytest.mark.parametrize("line", [
    {**GOOD, "event_date": "2026-02", "time_precision": 3},
    {**GOOD, "event_date": "2026-02-23", "time_precision": 2},
    {**GOOD, "required": False, "parties": ["AFG", "TTP"], "fatalities": 0, "note": "n"},
])
def test_good_gold_lines_read_as_given(tmp_path: Path, line: dict[str, Any]) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    assert read_gold(path) == [{**line, "_line": 1}]


def _gold_doc() -> str:
    return (ROOT / "docs" / "gold-format.md").read_text(encoding="utf-8")


def test_the_gold_format_doc_lists_exactly_the_models_fields() -> None:
    table = re.findall(r"^\| `(\w+)` \|", _gold_doc(), flags=re.MULTILINE)
    assert table == list(GoldRecord.model_fields)


def test_the_gold_format_doc_examples_are_valid() -> None:
    block = re.search(r"```json\n(.*?)```", _gold_doc(), flags=re.DOTALL)
    assert block is not None
    lines = [json.loads(x) for x in block.group(1).splitlines() if x.strip()]
    assert lines and all(GoldRecord.model_validate(x) for x in lines)
