"""The dataset's columns, and an event record as one row of it.

A row is read off an `EventRecord` by the column names alone (see `model.records`): each
column is a field or property of the record of its name, or an attribute of an actor or
place the record holds (`HELD_COLUMNS`). `row_reader` turns a column list into the function
that reads such rows; `event_row` reads the dataset's, and `event_frame` makes the frame
of such rows that `schemas.validate_events` checks.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter
from typing import Any

import numpy as np
import pandas as pd

from .model.records import HELD_COLUMNS, EventRecord
from .schemas import EVENT_COLUMNS, column_types

# The dataset's columns, in order: the Pandera model's (a published contract, see schemas/).
COLUMNS = list(EVENT_COLUMNS)

Row = dict[str, Any]


def column_value(record: EventRecord, column: str) -> Any:
    """One column's value of a record: what `row_reader`'s functions read, one at a time."""
    if column in HELD_COLUMNS:
        holder, attribute = HELD_COLUMNS[column]
        held = getattr(record, holder)
        return None if held is None else getattr(held, attribute)
    return getattr(record, column)


def reference_row(record: EventRecord, columns: list[str]) -> Row:
    """A row, read column by column: the plain version of `row_reader`'s functions."""
    return {column: column_value(record, column) for column in columns}


def row_reader(columns: list[str]) -> Callable[[EventRecord], Row]:
    """The function that reads a row of `columns` off a record, as `reference_row` does.

    Its source is generated from the column list, as `dataclasses` generates `__init__`: a
    copy of the blank row (every column null), then a statement per column, the columns of
    an actor or place the record does not hold left null. Read column by column, as
    `reference_row` does, a row costs twice as much, nearly 2 % of the whole pipeline; a
    test holds the two together.
    """
    if not all(column.isidentifier() for column in columns):
        raise ValueError(f"column names must be identifiers: {columns}")
    lines = ["def row(record):", "    row = blank.copy()"]
    held: dict[str, list[str]] = {}
    for column in columns:
        if column in HELD_COLUMNS:
            holder, attribute = HELD_COLUMNS[column]
            held.setdefault(holder, []).append(f"row[{column!r}] = held.{attribute}")
        else:
            lines.append(f"    row[{column!r}] = record.{column}")
    for holder, statements in held.items():
        lines += [f"    held = record.{holder}", "    if held is not None:",
                  *(f"        {statement}" for statement in statements)]
    lines.append("    return row")
    namespace: dict[str, Any] = {"blank": dict.fromkeys(columns)}
    exec(compile("\n".join(lines), f"<row_reader of {len(columns)} columns>", "exec"),  # noqa: S102
         namespace)
    row: Callable[[EventRecord], Row] = namespace["row"]
    return row


event_row = row_reader(COLUMNS)


def plain_frame(rows: list[Row]) -> pd.DataFrame:
    """The frame of `rows` with the types pandas guesses, for Pandera to convert: the plain
    version of `event_frame` (a validated table is the same from either)."""
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.astype(object) if frame.empty else frame


def event_frame(rows: list[Row]) -> pd.DataFrame:
    """The frame of `rows`, each column made at once of the type the schema gives it.

    pandas, given the rows alone, guesses each column's type by reading its values, and
    Pandera then converts most columns to the schema's type (the integers with nulls, the
    strings of a column with no value): that is about 1 % of a dense pass more than making
    each column of its type once. The dates and the lists stay objects, for Pandera to
    convert and check as before. When a value does not convert (a broken row), the plain
    frame is returned, so that Pandera's checks name it as they always did.
    """
    if not rows:
        return plain_frame(rows)
    objects = pd.DataFrame(_in_column_order(rows), columns=COLUMNS, dtype=object)
    try:
        return pd.DataFrame({column: _typed(objects[column].to_numpy(), dtype)
                             for column, dtype in column_types().items()})
    except (TypeError, ValueError, OverflowError):
        return plain_frame(rows)


def _in_column_order(rows: list[Row]) -> list[Any]:
    """Each row's values as a tuple in column order (read in C, where pandas reads a
    dict's cells one `get` at a time), or the rows themselves when one is not a plain
    dict holding every column (pandas then fills the missing cells, as the plain frame)."""
    if all(type(row) is dict for row in rows):
        try:
            return list(map(itemgetter(*COLUMNS), rows))
        except KeyError:
            pass
    return rows


def _typed(values: np.ndarray, dtype: Any) -> Any:
    """A column of objects made of `dtype`: left as objects for a date or list column."""
    if dtype == np.dtype(object) or getattr(dtype, "kind", None) == "M":
        return values
    if isinstance(dtype, pd.StringDtype) and \
            pd.api.types.infer_dtype(values, skipna=True) not in _STRINGS_OR_NULLS:
        # (a number among nulls: pandas would write 5 as "5", where the plain frame guesses
        # a float column and Pandera writes "5.0")
        raise TypeError("a string column holds a value that is not a string")
    return pd.array(values, dtype=dtype)


_STRINGS_OR_NULLS = frozenset({"string", "empty"})
