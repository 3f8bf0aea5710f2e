"""The dataset's columns, and an event record as one row of it.

A row is read off an `EventRecord` by the column names alone (see `model.records`): each
column is a field or property of the record of its name, or an attribute of an actor or
place the record holds (`HELD_COLUMNS`). `row_reader` turns a column list into the function
that reads such rows; `event_row` reads the dataset's.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter
from typing import Any

import pandas as pd

from .model.records import HELD_COLUMNS, EventRecord
from .schemas import EVENT_COLUMNS

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
    copy of the blank row (every column null), then a statement per column (a computed
    column by its property's function), the columns of an actor or place the record does
    not hold left null. Read column by column, as
    `reference_row` does, a row costs twice as much, nearly 2 % of the whole pipeline; a
    test holds the two together.
    """
    if not all(column.isidentifier() for column in columns):
        raise ValueError(f"column names must be identifiers: {columns}")
    # A record of another class (a subclass may compute a column its own way) is read
    # column by column.
    lines = ["def row(record):", "    if record.__class__ is not EventRecord:",
             "        return reference_row(record, columns)", "    row = blank.copy()"]
    namespace: dict[str, Any] = {"blank": dict.fromkeys(columns), "columns": list(columns),
                                 "EventRecord": EventRecord, "reference_row": reference_row}
    held: dict[str, list[str]] = {}
    for column in columns:
        if column in HELD_COLUMNS:
            holder, attribute = HELD_COLUMNS[column]
            held.setdefault(holder, []).append(f"row[{column!r}] = held.{attribute}")
        elif isinstance(getter := getattr(EventRecord, column, None), property):
            # The property's function called as a function: the interpreter runs the call
            # in place, where reading the property goes through C and starts a new
            # interpreter loop (20 M instructions of a 7.1 G dense pass, 13 columns).
            namespace[f"get_{column}"] = getter.fget
            lines.append(f"    row[{column!r}] = get_{column}(record)")
        else:
            lines.append(f"    row[{column!r}] = record.{column}")
    for holder, statements in held.items():
        lines += [f"    held = record.{holder}", "    if held is not None:",
                  *(f"        {statement}" for statement in statements)]
    lines.append("    return row")
    exec(compile("\n".join(lines), f"<row_reader of {len(columns)} columns>", "exec"),  # noqa: S102
         namespace)
    row: Callable[[EventRecord], Row] = namespace["row"]
    return row


event_row = row_reader(COLUMNS)


# A row's values in column order, read in C.
_IN_ORDER = itemgetter(*COLUMNS)


def event_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The frame of `rows` in the table's columns, for `validate_events`: `plain_frame`'s.

    Each row's values are handed to pandas as a tuple in column order (`itemgetter`, in C):
    handed the dicts, pandas looks each cell up twice (is it there? then its value), about
    0.4 % of a dense pass more; it guesses each column's type from the values alike. Rows
    that are not all plain dicts holding every column are handed as they are (`_dict_frame`).
    """
    if rows and set(map(type, rows)) == {dict}:
        try:
            values = list(map(_IN_ORDER, rows))
        except KeyError:  # a row without a column: pandas leaves its cell null
            pass
        else:
            return pd.DataFrame(values, columns=COLUMNS)
    return _dict_frame(rows)


def _dict_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The frame of the row dicts as they are.

    The columns are named to pandas as an Index of objects, then as the strings they are:
    pandas reads each cell of a row with the column's name, which is then the very string
    object the coder's rows are keyed by (`event_row`), found at the first probe; a
    name read off pandas' own string Index is a new string of the same text, compared
    character by character each time (about 40 M instructions of a 7.8 G dense pass).
    """
    frame = pd.DataFrame(rows, columns=pd.Index(COLUMNS, dtype=object))
    frame.columns = pd.Index(COLUMNS)
    return frame.astype(object) if frame.empty else frame


def plain_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """`event_frame` the plain way: the reference its test holds it to."""
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.astype(object) if frame.empty else frame
