"""Parquet input and output with pyarrow.

Files are written to a temporary name in the same folder and renamed into place, so a
reader never sees a half-written file and an interrupted run leaves the old file intact.
The file's metadata holds the eventcoder version, the hash of the lexicons and the schema
version, under the key ``eventcoder``.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .errors import DatasetError
from .schemas import SCHEMA_VERSION, validate_events

METADATA_KEY = b"eventcoder"
LIST_COLUMNS = ("mediators", "mediators_iso3", "mention_sentences")


def _string_type(dtype: Any) -> pa.DataType:
    """The Arrow type pandas gives a non-empty column of this (string) dtype."""
    return pa.Array.from_pandas(pd.Series(["x"], dtype=dtype)).type


def arrow_table(frame: pd.DataFrame, metadata: dict[str, Any]) -> pa.Table:
    """A validated event frame as an Arrow table whose schema does not depend on the data:
    a column that is empty or all null gets the type it has in every other file (strings
    stay strings, lists of strings stay lists of strings), so the parts of a dataset always
    read back as one table."""
    table = pa.Table.from_pandas(frame, preserve_index=False)
    fields = []
    for f in table.schema:
        if f.name in LIST_COLUMNS and f.type != pa.list_(pa.string()):
            fields.append(pa.field(f.name, pa.list_(pa.string())))
        elif pa.types.is_null(f.type):
            fields.append(pa.field(f.name, _string_type(frame[f.name].dtype)))
        else:
            fields.append(f)
    schema = pa.schema(fields, metadata=table.schema.metadata)
    if schema != table.schema:
        table = table.cast(schema)
    existing = dict(table.schema.metadata or {})
    existing[METADATA_KEY] = json.dumps({"schema_version": SCHEMA_VERSION, **metadata},
                                        sort_keys=True, default=str).encode("utf-8")
    return table.replace_schema_metadata(existing)


def atomic_write(path: str | Path, write: Callable[[str], None]) -> Path:
    """Run `write(temporary_path)` in the target's folder, then rename the file into place:
    readers never see half a file, and a failure leaves the old one as it was."""
    target = Path(path)
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    try:
        write(temp)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target


def write_table(table: pa.Table, path: str | Path) -> Path:
    """Write an Arrow table to Parquet atomically."""
    return atomic_write(path, lambda temp: pq.write_table(table, temp))


def write_events(frame: pd.DataFrame, path: str | Path, metadata: dict[str, Any] | None = None
                 ) -> Path:
    """Validate `frame` and write it to `path` atomically. Returns the path written."""
    from . import __version__

    valid = validate_events(frame)
    meta = {"eventcoder_version": __version__, **(metadata or frame.attrs.get("eventcoder", {}))}
    table = arrow_table(valid, meta)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return write_table(table, path)


def _as_list(value: Any) -> list[str]:
    if isinstance(value, list):
        return value
    if isinstance(value, np.ndarray):
        return [str(v) for v in value.tolist()]
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return []
    return list(value)


def read_metadata(path: str | Path) -> dict[str, Any]:
    """The eventcoder metadata of a Parquet file (versions, lexicon hash, schema version)."""
    try:
        schema = pq.read_schema(path)
    except (OSError, pa.ArrowInvalid) as exc:
        raise DatasetError(f"{path}: not a readable Parquet file ({exc})") from None
    raw = (schema.metadata or {}).get(METADATA_KEY)
    return json.loads(raw) if raw else {}


def read_events(path: str | Path, validate: bool = True) -> pd.DataFrame:
    """Read an event table written by `write_events` (a file or a folder of files)."""
    try:
        table = pq.read_table(path)
    except (OSError, pa.ArrowInvalid) as exc:
        raise DatasetError(f"{path}: not a readable Parquet file or dataset ({exc})") from None
    frame = table.to_pandas()
    for column in LIST_COLUMNS:
        if column in frame.columns:
            frame[column] = frame[column].map(_as_list).astype(object)
    if Path(path).is_file():
        frame.attrs["eventcoder"] = read_metadata(path)
    return validate_events(frame) if validate else frame
