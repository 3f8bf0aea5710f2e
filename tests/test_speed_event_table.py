"""The event table made faster, held to the plain ways.

- `events.event_frame` hands pandas each row's values as a tuple in column order when the rows
  are plain dicts holding every column, and otherwise the dicts, with the columns named as
  objects (so that pandas finds each cell by the very key string of the coder's rows): the
  frame is `plain_frame`'s, for any rows.
- `schemas.Text`, the string columns' type, answers a column of strings with True rather
  than an array of True: a table passes or fails as with Pandera's own string type, with the
  same failure cases.
"""

from __future__ import annotations

import copy
from typing import Any

import pandas as pd
import pandera.pandas as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pandera.engines import pandas_engine

from eventcoder import events
from eventcoder.events import COLUMNS, event_frame, plain_frame
from eventcoder.schemas import EventSchema, Text
from eventcoder.testing.tables import event_tables
from tests.conftest import code_rows, scaled

TYPES = ["clash", "airstrike"]
VALUES = st.sampled_from([None, float("nan"), pd.NaT, pd.NA, "", "x", "AFG", 0, 5, -1, 2.5,
                          True, [], ["a"], [3], {"a": 1}, b"x", pd.Timestamp("2024-05-01")])


def _plain_schema(coerce: bool = True) -> pa.DataFrameSchema:
    """The schema with Pandera's own string type where the model has `Text`: the reference."""
    schema = copy.deepcopy(EventSchema.to_schema())
    for column in schema.columns.values():
        if isinstance(column.dtype, Text):
            column.dtype = pandas_engine.STRING()
    schema.coerce = coerce
    return schema


def _fast_schema(coerce: bool = True) -> pa.DataFrameSchema:
    schema = copy.deepcopy(EventSchema.to_schema())
    schema.coerce = coerce
    return schema


PLAIN, FAST = _plain_schema(), _fast_schema()
PLAIN_AS_IS, FAST_AS_IS = _plain_schema(coerce=False), _fast_schema(coerce=False)


def _outcome(schema: pa.DataFrameSchema, frame: pd.DataFrame) -> Any:
    """The validated frame, or the failure cases (column, check, case, row) as a sorted list."""
    try:
        return schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        return sorted(map(repr, zip(cases["column"], cases["check"], cases["failure_case"],
                                    cases["index"])))


def _same(one: Any, other: Any) -> None:
    if isinstance(one, pd.DataFrame):
        assert isinstance(other, pd.DataFrame)
        pd.testing.assert_frame_equal(one, other)
    else:
        assert one == other


def _broken(table: pd.DataFrame, data: Any, columns: list[str]) -> pd.DataFrame:
    frame = table.astype(object)
    for _ in range(data.draw(st.integers(0, 3))):
        column = data.draw(st.sampled_from(columns))
        row = data.draw(st.integers(0, len(frame) - 1))
        frame.iat[row, frame.columns.get_loc(column)] = data.draw(VALUES)
    return frame


def test_the_string_columns_are_of_the_fast_type() -> None:
    schema = EventSchema.to_schema()
    strings = [name for name, column in schema.columns.items() if isinstance(column.dtype, Text)]
    assert len(strings) == 30 and "event_id" in strings and "actor1" in strings
    assert all(str(schema.columns[name].dtype) == str(PLAIN.columns[name].dtype)
               for name in strings)


@scaled(10)
@given(event_tables(1, 3, TYPES), st.data())
def test_a_table_passes_or_fails_as_with_pandera_s_string_type(table: pd.DataFrame,
                                                               data: Any) -> None:
    frame = _broken(table, data, COLUMNS)
    _same(_outcome(FAST, frame), _outcome(PLAIN, frame))


@scaled(10)
@given(event_tables(1, 3, TYPES), st.data())
def test_an_uncoerced_table_fails_the_string_check_as_with_pandera_s(table: pd.DataFrame,
                                                                    data: Any) -> None:
    # Coerced, every column of strings is of the string type and the check has nothing to
    # find: as it is, a column of objects holding a number fails it, row by row.
    strings = [n for n, c in EventSchema.to_schema().columns.items() if isinstance(c.dtype, Text)]
    frame = _broken(table, data, strings)
    for name in strings:
        frame[name] = frame[name].astype(object)
    _same(_outcome(FAST_AS_IS, frame), _outcome(PLAIN_AS_IS, frame))


def _assert_same_frame(rows: list[dict[str, Any]]) -> None:
    fast, plain = event_frame(rows), plain_frame(rows)
    pd.testing.assert_frame_equal(fast, plain, check_column_type=True)
    assert fast.columns.dtype == plain.columns.dtype


@scaled(10)
@given(event_tables(0, 4, TYPES), st.data())
def test_the_frame_of_rows_is_pandas_plain_one(table: pd.DataFrame, data: Any) -> None:
    records = _broken(table, data, COLUMNS).to_dict("records") if len(table) else []
    # keyed by the very strings of COLUMNS, as the coder's rows are, or by others
    rows = [{c: r[c] for c in COLUMNS} if data.draw(st.booleans()) else
            {str(k): v for k, v in r.items()} for r in records]
    for row in rows:
        if data.draw(st.booleans()):
            row.pop(data.draw(st.sampled_from(COLUMNS)))
        if data.draw(st.booleans()):
            row["not_a_column"] = data.draw(VALUES)
    if rows and data.draw(st.booleans()):  # keys in another order
        rows = [dict(reversed(row.items())) for row in rows]
    if rows and data.draw(st.booleans()):  # a row of a dict's subclass
        rows[0] = _Row(rows[0])
    _assert_same_frame(rows)


class _Row(dict):  # type: ignore[type-arg]
    """A row that tells other values than its items: pandas reads a dict subclass as `dict`
    makes it of it."""

    def __getitem__(self, key: Any) -> Any:
        return "not the value"


def test_the_coder_s_rows_make_the_plain_frame(coder: Any) -> None:
    rows = code_rows(coder, ["Pakistan and Afghanistan exchanged fire on Thursday near "
                             "Chaman, killing three soldiers.",
                             "Talks between Sudan's army and the RSF resumed in Jeddah on "
                             "Monday, mediated by Saudi Arabia."], published="2026-02-27")
    assert len(rows) >= 2 and all(all(k is c for k, c in zip(r, COLUMNS)) for r in rows)
    _assert_same_frame(rows)
    _assert_same_frame([])


def test_the_coder_s_rows_are_read_as_tuples(coder: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = code_rows(coder, ["Pakistan and Afghanistan exchanged fire on Thursday near "
                             "Chaman, killing three soldiers."], published="2026-02-27")
    plain = plain_frame(rows)

    def refused(_: Any) -> None:
        raise AssertionError("the rows were handed to pandas as dicts")

    monkeypatch.setattr(events, "_dict_frame", refused)
    pd.testing.assert_frame_equal(event_frame(rows), plain, check_column_type=True)


@pytest.mark.parametrize("rows", [[], [{}], [{"event_id": "x"}]])
def test_rows_of_few_columns_make_the_plain_frame(rows: list[dict[str, Any]]) -> None:
    _assert_same_frame(rows)
