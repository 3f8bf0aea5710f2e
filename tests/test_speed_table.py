"""The event table's checks that look for no nulls (ignore_na=False, `schemas.EventSchema`),
held to Pandera's default, which looks for nulls in the column (or in every column) before
each check: a table passes or fails the same way with either."""

from __future__ import annotations

import copy
from typing import Any

import pandas as pd
import pandera.pandas as pa
from hypothesis import given
from hypothesis import strategies as st

from eventcoder.schemas import EventSchema
from eventcoder.testing.tables import event_tables
from tests.conftest import scaled


def _checks(schema: pa.DataFrameSchema) -> list[Any]:
    return [*schema.checks, *(c for column in schema.columns.values() for c in column.checks)]


def _plain() -> pa.DataFrameSchema:
    """The schema with every check at Pandera's default (ignore_na=True): the reference."""
    schema = copy.deepcopy(EventSchema.to_schema())
    for check in _checks(schema):
        check.ignore_na = True
    return schema


FAST, PLAIN = EventSchema.to_schema(), _plain()

# Cells a broken table may have wrong: the columns whose checks skip the search for nulls
# (the lists, and those the table's checks read), and nullable ones beside them.
COLUMNS = ["mediators", "mention_sentences", "doc_ids", "mention_doc_ids", "merged_ids",
           "sentence_start", "trigger_start", "trigger_end", "sentence_end", "n_sources",
           "doc_id", "event_date", "time_precision", "iso3", "actor1"]
VALUES = st.sampled_from([None, float("nan"), pd.NaT, "", "x", 0, 5, -1, 10**6, [], ["a"], [3],
                          [None]])


def _passes(schema: pa.DataFrameSchema, frame: pd.DataFrame) -> bool:
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors:
        return False
    return True


def test_the_list_and_table_checks_look_for_no_nulls() -> None:
    lists = [c for c in _checks(FAST) if c.name == "list_of_strings"]
    assert lists and FAST.checks
    assert not any(c.ignore_na for c in [*lists, *FAST.checks])


@scaled(10)
@given(event_tables(1, 3, ["clash", "airstrike"]), st.data())
def test_a_table_passes_the_checks_as_with_pandera_s_default(table: pd.DataFrame,
                                                              data: Any) -> None:
    assert _passes(FAST, table) and _passes(PLAIN, table)
    frame = table.astype(object)
    for _ in range(data.draw(st.integers(1, 3))):
        column = data.draw(st.sampled_from(COLUMNS))
        row = data.draw(st.integers(0, len(frame) - 1))
        frame.iat[row, frame.columns.get_loc(column)] = data.draw(VALUES)
    assert _passes(FAST, frame) == _passes(PLAIN, frame)
