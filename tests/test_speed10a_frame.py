"""The event frame made column by column of the schema's types (`events.event_frame`), held
to the plain frame whose types pandas guesses (`events.plain_frame`): a table validates to
the same frame from either, and a broken one fails with the same failures."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder.errors import SchemaError
from eventcoder.documents import read_paths
from eventcoder.events import COLUMNS, event_frame, plain_frame
from eventcoder.schemas import column_types, validate_events
from eventcoder.testing.tables import event_tables
from tests.conftest import scaled

TYPES = ["clash", "airstrike"]
# Values a broken row may hold in any cell: nulls of each kind, strings, numbers, booleans,
# lists and dates, each wrong for some columns and right for others.
VALUES = st.sampled_from([None, float("nan"), pd.NA, pd.NaT, "", "x", "3", 0, 5, -1, 1.0, 2.5,
                          True, False, [], ["a"], [3], ("a",), dt.date(2026, 3, 1),
                          dt.datetime(2026, 3, 1, 12), np.int64(2), 10**30])


def _outcome(frame: pd.DataFrame) -> tuple[str, Any]:
    """The validated frame, or the (column, check) pairs of the failures."""
    try:
        return "valid", validate_events(frame)
    except SchemaError as exc:
        cases = exc.failure_cases
        found = set() if cases is None else set(zip(cases["column"].astype(str),
                                                    cases["check"].astype(str)))
        return "broken", (found, str(exc).split("\n")[0])


def _same(rows: list[dict[str, Any]]) -> None:
    (kind, plain), (kind_fast, fast) = _outcome(plain_frame(rows)), _outcome(event_frame(rows))
    assert kind == kind_fast
    if kind == "valid":
        pd.testing.assert_frame_equal(fast, plain, check_exact=True)
    else:
        assert fast == plain


def _rows(table: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a valid table as the coder writes them: Python values, dates as dates."""
    rows = table.astype(object).where(table.notna(), None).to_dict("records")
    for row in rows:
        for column in ("event_date", "published"):
            if row[column] is not None:
                row[column] = row[column].date()
    return rows


@scaled(25)
@given(event_tables(1, 4, TYPES), st.data())
def test_rows_with_broken_cells_give_the_plain_frame_s_outcome(table: pd.DataFrame,
                                                                  data: Any) -> None:
    rows = _rows(table)
    _same(rows)
    for _ in range(data.draw(st.integers(1, 3))):
        row = rows[data.draw(st.integers(0, len(rows) - 1))]
        row[data.draw(st.sampled_from(COLUMNS))] = data.draw(VALUES)
    _same(rows)


@scaled(10)
@given(event_tables(1, 3, TYPES), st.data())
def test_rows_of_another_shape_give_the_plain_frame_s_outcome(table: pd.DataFrame,
                                                               data: Any) -> None:
    """A row without a column (pandas leaves the cell null), with its keys in another order or
    an extra key, or a mapping that is not a dict."""
    rows = _rows(table)
    row = rows[data.draw(st.integers(0, len(rows) - 1))]
    change = data.draw(st.sampled_from(["missing", "reordered", "extra", "mapping"]))
    if change == "missing":
        del row[data.draw(st.sampled_from(COLUMNS))]
    elif change == "reordered":
        rows[rows.index(row)] = dict(reversed(row.items()))
    elif change == "extra":
        row["not_a_column"] = 1
    else:
        rows[rows.index(row)] = pd.Series(row, dtype=object).to_dict(into=_Mapping)
    _same(rows)


class _Mapping(dict):  # type: ignore[type-arg]
    """A dict subclass: pandas reads it as a dict copy."""


@pytest.fixture(scope="module")
def coded_rows(coder: Any, examples_dir: Any) -> list[dict[str, Any]]:
    return list(coder.iter_rows(read_paths([examples_dir])))


def test_an_empty_table_is_the_plain_one() -> None:
    _same([])


def test_a_coded_table_is_made_of_the_schema_s_types_at_once(coded_rows: Any) -> None:
    """The coder's rows take the typed way (no fallback to the plain frame): each column
    other than the dates and lists is already of the type the schema coerces it to."""
    rows = coded_rows
    assert rows
    frame, types = event_frame(rows), column_types()
    for column in COLUMNS:
        if types[column] != np.dtype(object) and getattr(types[column], "kind", None) != "M":
            assert frame[column].dtype == types[column], column
    _same(rows)


@pytest.mark.parametrize("value", [5, 2.5, True])
def test_a_number_in_a_string_column_of_nulls_is_written_as_the_plain_frame_writes_it(
        coded_rows: Any, value: Any) -> None:
    """pandas guesses a column of 5 and nulls to be floats, and Pandera writes "5.0": the
    typed frame would write "5"; such a column takes the plain way."""
    rows = [{**row, "assoc_actor_2": None} for row in coded_rows]
    rows[0]["assoc_actor_2"] = value
    _same(rows)
