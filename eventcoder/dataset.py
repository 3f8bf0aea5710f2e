"""Parquet input and output with pyarrow.

Files are written atomically (a temporary name in the same folder, flushed, renamed into
place: see `eventcoder.files`), so a reader never sees a half-written file and an
interrupted run leaves the old file intact. The file's metadata holds the eventcoder
version, the hash of the lexicons, the event types of the lexicon and the schema version,
under the key ``eventcoder``.

`write_events` writes only a ``.parquet`` file, and over an existing file only if it is an
eventcoder output, unless ``overwrite=True``. `read_events` checks what it reads: the
eventcoder metadata (present, readable, of this schema version), every column and its type
(each part of a dataset on its own), the event types against those the metadata lists, and
the schema; a dataset folder must be complete.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .errors import DatasetError, OutputError
from .files import atomic_write, writable_folder, write_target
from .schemas import SCHEMA_VERSION, empty_events, validate_events

log = logging.getLogger(__name__)

METADATA_KEY = b"eventcoder"
LIST_COLUMNS = ("mediators", "mediators_iso3", "mention_sentences", "doc_ids", "mention_doc_ids",
                "mention_offsets", "merged_ids")
EVENT_SUFFIX = ".parquet"

# --- a dataset folder -----------------------------------------------------------------------
# A folder eventcoder writes holds only part-NNNNN.parquet files, _manifest.json and, while a
# run writes, hidden temporary files. Anything else (a README, a CSV, a subfolder) makes the
# folder refused, by a run before any part is written and by a reader: pyarrow would mix it
# in. Hidden entries and names starting with "_" are allowed (pyarrow skips them).
MANIFEST = "_manifest.json"
# A run that merges the articles reporting one event (merge="event") first writes each
# batch's rows, one per article, to a part of this subfolder: the parts a rerun resumes
# from, and the table merge="article" gives. Readers skip it (its name starts with "_").
ARTICLES = "_articles"
MANIFEST_FORMAT = 1
PART_PREFIX = "part-"
PART_SUFFIX = ".parquet"
# Keys of a part's metadata that describe the part, not the run or the table.
PART_KEYS = ("index", "first", "count", "first_id", "last_id", "ids_sha1", "docs_sha1",
             "run_key")


def part_name(index: int) -> str:
    return f"{PART_PREFIX}{index:05d}{PART_SUFFIX}"


def is_part(path: Path) -> bool:
    name = path.name
    return name.startswith(PART_PREFIX) and name.endswith(PART_SUFFIX) and \
        name[len(PART_PREFIX):-len(PART_SUFFIX)].isdigit()


def foreign_entries(out_dir: Path) -> list[str]:
    """The entries of `out_dir` that are not a dataset's (see the module's docstring)."""
    return sorted(p.name + ("/" if p.is_dir() else "") for p in out_dir.iterdir()
                  if not p.name.startswith((".", "_")) and not (is_part(p) and p.is_file()))


def read_manifest(out_dir: str | Path, strict: bool = False) -> dict[str, Any]:
    """The manifest of a dataset folder, {} when there is none. An unreadable one is
    ignored with a warning (parts are checked one by one), or with `strict` refused."""
    path = Path(out_dir) / MANIFEST
    if not path.exists():
        return {}
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        if strict:
            raise DatasetError(f"{path}: not a readable manifest ({exc})") from None
        log.warning("%s: unreadable manifest, ignored (parts are checked one by one)", path)
        return {}
    if not isinstance(manifest, dict):
        if strict:
            raise DatasetError(f"{path}: not a readable manifest (not a JSON object)")
        return {}
    return manifest


def _string_type(dtype: Any) -> pa.DataType:
    """The Arrow type pandas gives a non-empty column of this (string) dtype."""
    return pa.Array.from_pandas(pd.Series(["x"], dtype=dtype)).type


def arrow_table(frame: pd.DataFrame, metadata: dict[str, Any]) -> pa.Table:
    """A validated event frame as an Arrow table whose schema does not depend on the data:
    a column that is empty or all null gets the type it has in every other file (strings
    stay strings, lists of strings stay lists of strings), so the parts of a dataset always
    read back as one table."""
    table = pa.Table.from_pandas(frame, preserve_index=False)
    fields: list[pa.Field] = []
    for f in table.schema:
        if f.name in LIST_COLUMNS and f.type != pa.list_(pa.string()):
            fields.append(pa.field(f.name, pa.list_(pa.string())))
        elif pa.types.is_null(f.type):
            fields.append(pa.field(f.name, _string_type(frame[f.name].dtype)))
        else:
            fields.append(f)
    schema = pa.schema(fields, metadata=dict(table.schema.metadata or {}))  # type: ignore[arg-type]
    if schema != table.schema:
        table = table.cast(schema)
    return tagged(table, metadata)


def tagged(table: pa.Table, metadata: dict[str, Any]) -> pa.Table:
    """`table` with `metadata` (and the schema version) as its eventcoder metadata."""
    existing = dict(table.schema.metadata or {})
    existing[METADATA_KEY] = json.dumps({"schema_version": SCHEMA_VERSION, **metadata},
                                        sort_keys=True, default=str).encode("utf-8")
    return table.replace_schema_metadata(existing)


def write_table(table: pa.Table, path: str | Path) -> Path:
    """Write an Arrow table to Parquet atomically."""
    return atomic_write(path, lambda temp: pq.write_table(table, temp))


# --- where an event file may be written -----------------------------------------------------

def is_event_file(path: str | Path) -> bool:
    """Is `path` a Parquet file eventcoder wrote (it has eventcoder metadata)?"""
    try:
        return METADATA_KEY in (pq.read_schema(path).metadata or {})
    except (OSError, pa.ArrowException):
        return False


def check_output_file(path: str | Path, inputs: Iterable[str | Path] = (), *,
                      overwrite: bool = False) -> Path:
    """The file events may be written to, checked before any coding: a non-empty path
    ending in ``.parquet``, not a folder, not one of `inputs`, in a folder that can be
    written (or created), and either new, or an eventcoder output, or `overwrite` is set.
    Raises `OutputError` saying which rule fails. A symbolic link is written through."""
    if str(path) == "":
        raise OutputError("the output path is empty")
    target = write_target(path)
    if target.suffix.lower() != EVENT_SUFFIX:
        raise OutputError(f"{path}: an event file is written as Parquet and must end in "
                          f"{EVENT_SUFFIX} (a folder ends in /)")
    if target.is_dir():
        raise OutputError(f"{path}: is a folder")
    for item in inputs:
        if target.exists() and Path(item).exists() and target.samefile(item):
            raise OutputError(f"{path}: is an input of this run; write the events elsewhere")
    if target.exists() and not overwrite and not is_event_file(target):
        raise OutputError(f"{path}: exists and is not an eventcoder output; it is left as it "
                          "is (overwrite it with --force, or overwrite=True)")
    why = writable_folder(target.parent)
    if why:
        raise OutputError(f"{path}: {why}")
    return target


# --- writing --------------------------------------------------------------------------------

def write_events(frame: pd.DataFrame, path: str | Path, metadata: dict[str, Any] | None = None,
                 *, overwrite: bool = False) -> Path:
    """Validate `frame` and write it to `path` atomically. Returns the path written.

    `path` must end in ``.parquet``; an existing file there is replaced only if eventcoder
    wrote it, or with ``overwrite=True`` (`check_output_file`). A frame read back with
    plain ``pd.read_parquet`` (numpy arrays in the list columns) is accepted; a string in a
    list column is not a list and fails the schema."""
    from . import __version__

    target = check_output_file(path, overwrite=overwrite)
    meta = {"eventcoder_version": __version__, **(metadata or frame.attrs.get("eventcoder", {}))}
    # The statuses the lexicon declares, when the metadata names them (the Coder's does).
    statuses = meta.get("statuses")
    valid = validate_events(_with_lists(frame), statuses=set(statuses)
                            if isinstance(statuses, list) else None)
    # A reader checks the types against these: the lexicon's when the metadata names them
    # (the Coder's does), else those the table holds.
    meta.setdefault("event_types", sorted(map(str, valid["event_type"].unique())))
    table = arrow_table(valid, meta)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_table(table, path)
    return Path(path)


def _with_lists(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with numpy arrays and tuples in its list columns made lists."""
    columns = [c for c in LIST_COLUMNS if c in frame.columns and
               any(isinstance(v, (np.ndarray, tuple)) for v in frame[c].tolist())]
    if not columns:
        return frame
    out = frame.copy()
    for column in columns:
        out[column] = pd.Series([_as_list(v) for v in out[column].tolist()],
                                index=out.index, dtype=object)
    return out


def _as_list(value: Any) -> Any:
    """A list column's value as a list: arrays and tuples become lists, a null the empty
    list. Anything else (a string above all) is left for the schema to refuse: "['Qatar']"
    is not a list of one name, nor of nine characters."""
    if isinstance(value, (np.ndarray, tuple)):
        return list(value.tolist() if isinstance(value, np.ndarray) else value)
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return []
    return value


# --- reading --------------------------------------------------------------------------------

def table_frame(table: pa.Table) -> pd.DataFrame:
    """`table` as a frame whose list columns hold lists (a null the empty list), as
    `table_frame_plain` makes it: Arrow reads its own list columns as Python lists, at half
    the cost of the arrays pandas makes of them converted value by value (`read_events`: a
    part of 27,000 rows in 0.11 s against 0.24 s); any other column takes pandas' way."""
    lists = [c for c in LIST_COLUMNS if c in table.column_names and
             (pa.types.is_list(kind := table.schema.field(c).type) or
              pa.types.is_large_list(kind))]
    frame = table.drop_columns(lists).to_pandas()
    names = [c for c in table.column_names if c in lists or c in frame.columns]
    for at, column in enumerate(names):  # in the table's order: each goes where it was
        if column not in lists:
            continue
        frame.insert(at, column, pd.Series(
            [[] if v is None else v for v in table.column(column).to_pylist()],
            index=frame.index, dtype=object))
    return _listed(frame, [c for c in LIST_COLUMNS if c in frame.columns and c not in lists])


def table_frame_plain(table: pa.Table) -> pd.DataFrame:
    """`table_frame`'s reference: pandas' conversion, then each list column's values."""
    frame = table.to_pandas()
    return _listed(frame, [c for c in LIST_COLUMNS if c in frame.columns])


def _listed(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    for column in columns:
        frame[column] = pd.Series([_as_list(v) for v in frame[column].tolist()],
                                  index=frame.index, dtype=object)
    return frame


def read_metadata(path: str | Path) -> dict[str, Any]:
    """The eventcoder metadata of a Parquet file (versions, lexicon hash, schema version);
    {} when it has none."""
    try:
        schema = pq.read_schema(path)
    except (OSError, pa.ArrowException) as exc:
        raise DatasetError(f"{path}: not a readable Parquet file ({exc})") from None
    raw = (schema.metadata or {}).get(METADATA_KEY)
    if not raw:
        return {}
    try:
        meta = json.loads(raw)
    except ValueError as exc:
        raise DatasetError(f"{path}: its eventcoder metadata is not valid JSON ({exc})"
                           ) from None
    if not isinstance(meta, dict):
        raise DatasetError(f"{path}: its eventcoder metadata is not a JSON object")
    return meta


def read_events(path: str | Path, validate: bool = True) -> pd.DataFrame:
    """Read an event table written by `write_events` (a file) or a dataset folder.

    With `validate` (the default) the file, or every part of the folder, must be what
    eventcoder writes (`check_event_file`), a folder's run must be complete, and the table
    must satisfy the schema with event types its metadata lists; `DatasetError` or
    `SchemaError` otherwise. ``validate=False`` reads whatever Parquet is there."""
    folder = Path(path).is_dir()
    meta: dict[str, Any] = {}
    types: set[str] | None = None
    if validate:
        meta, types = check_dataset(Path(path)) if folder else check_event_file(path)
    elif not folder:
        meta = read_metadata(path)
    try:
        table = pq.read_table(path)
    except (OSError, pa.ArrowException) as exc:
        raise DatasetError(f"{path}: not a readable Parquet file or dataset ({exc})") from None
    frame = table_frame(table)
    frame = validate_events(frame, types) if validate else frame
    frame.attrs["eventcoder"] = meta
    return frame


def _normal(kind: pa.DataType) -> str:
    """A name of an Arrow type that pandas and pyarrow versions write alike."""
    if pa.types.is_large_string(kind) or pa.types.is_string(kind) or \
            getattr(pa.types, "is_string_view", lambda _: False)(kind):
        return "string"
    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        return f"list<{_normal(kind.value_type)}>"
    if pa.types.is_timestamp(kind):
        return "timestamp"
    return str(kind)


def expected_types() -> dict[str, str]:
    """Each column of an event file and the (normalised) Arrow type it must have."""
    table = arrow_table(validate_events(empty_events()), {})
    return {f.name: _normal(f.type) for f in table.schema}


def check_event_file(path: str | Path, types: dict[str, str] | None = None
                     ) -> tuple[dict[str, Any], set[str] | None]:
    """Check that `path` is an event file as eventcoder writes it, before reading its rows:
    its metadata (present, readable, this schema version), and its columns and their types.
    Returns the metadata and the event types it lists (None in a file of an eventcoder that
    did not record them: its types are then checked by the schema's pattern only)."""
    meta = read_metadata(path)
    if not meta:
        raise DatasetError(f"{path}: has no eventcoder metadata (stripped, or not written by "
                           "eventcoder)")
    version = meta.get("schema_version")
    if version != SCHEMA_VERSION:
        raise DatasetError(f"{path}: written with schema version {version!r}; this eventcoder "
                           f"reads version {SCHEMA_VERSION!r}")
    event_types = meta.get("event_types")
    if event_types is not None and (not isinstance(event_types, list) or
                                    not all(isinstance(t, str) for t in event_types)):
        raise DatasetError(f"{path}: the event types of its metadata are not a list of names")
    want = types if types is not None else expected_types()
    have = {f.name: _normal(f.type) for f in pq.read_schema(path)}
    missing = [c for c in want if c not in have]
    extra = [c for c in have if c not in want]
    wrong = [f"{c} is {have[c]}, not {want[c]}" for c in want if c in have and have[c] != want[c]]
    problems = ([f"missing column(s) {', '.join(missing)}"] if missing else []) + \
        ([f"unknown column(s) {', '.join(extra)}"] if extra else []) + wrong
    if problems:
        raise DatasetError(f"{path}: not an event table as eventcoder writes it: "
                           + "; ".join(problems))
    return meta, None if event_types is None else set(event_types)


def check_dataset(out_dir: Path) -> tuple[dict[str, Any], set[str] | None]:
    """Check a dataset folder before its rows are read: complete (its manifest says so and
    lists exactly the parts there), nothing foreign in it, and every part an event file as
    eventcoder writes it (`check_event_file`). Returns the dataset's metadata and the event
    types its parts' lexicons know."""
    manifest = read_manifest(out_dir, strict=True)
    if manifest and not manifest.get("complete"):
        done = len(manifest.get("parts") or {})
        raise DatasetError(f"{out_dir}: incomplete: the run that writes it stopped after {done} "
                           "part(s); rerun the same command to finish it (it resumes)")
    foreign = foreign_entries(out_dir)
    if foreign:
        raise DatasetError(f"{out_dir}: holds files that are not parts of an eventcoder "
                           f"dataset ({', '.join(foreign[:3])})")
    parts = sorted(p for p in out_dir.iterdir() if is_part(p))
    if not parts:
        raise DatasetError(f"{out_dir}: holds no part files")
    listed = set((manifest.get("parts") or {}) if manifest else ())
    if manifest and listed != {p.name for p in parts}:
        missing = sorted(listed - {p.name for p in parts})
        extra = sorted({p.name for p in parts} - listed)
        raise DatasetError(f"{out_dir}: its parts differ from its manifest (missing: "
                           f"{', '.join(missing) or 'none'}; not listed: "
                           f"{', '.join(extra) or 'none'})")
    types = expected_types()
    event_types: set[str] | None = set()
    meta: dict[str, Any] = {}
    for part in parts:
        part_meta, known = check_event_file(part, types)
        event_types = None if known is None or event_types is None else event_types | known
        meta = meta or {k: v for k, v in part_meta.items() if k not in PART_KEYS}
    for key in ("documents", "events", "skipped", "files_skipped"):
        if key in manifest:
            meta[key] = manifest[key]
    meta["parts"] = len(parts)
    if event_types is not None:
        meta["event_types"] = sorted(event_types)
    return meta, event_types
