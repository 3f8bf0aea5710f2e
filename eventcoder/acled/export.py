"""Read ACLED exports (CSV files, or DataFrames with an export's columns) into one table of
rows to score, in today's taxonomy whichever taxonomy the export uses.

A missing required column is an error. A row with a value that cannot be read (an unknown
event type, a date in no known format, an unreadable actor-type code or number, an id
already used) raises `InputError` naming the file and line, or with ``on_error="skip"`` is
left out with a warning and counted. A row with empty notes has nothing to code: it is
always left out with a warning and counted.
"""

from __future__ import annotations

import csv
import datetime as dt
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..documents import OnError
from ..errors import InputError, Problem
from .taxonomy import Taxonomy

TEXT_COLUMNS = ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "country", "admin1",
                "admin2", "admin3", "location", "source")
ROW_COLUMNS = ["row_id", "file", "line", "notes", "event_date", "event_type", "group",
               "sub_event_type", "taxonomy", "export_event_type", *TEXT_COLUMNS, "inter1",
               "inter2", "latitude", "longitude", "fatalities"]


@dataclass
class ReadReport:
    """What reading left out."""

    empty_notes: int = 0
    bad_rows: int = 0
    problems: list[Problem] = field(default_factory=list)


def read_exports(exports: Any, taxonomy: Taxonomy, on_error: OnError = "raise"
                 ) -> tuple[pd.DataFrame, ReadReport]:
    """Rows of one or more exports (paths or DataFrames) in `ROW_COLUMNS`, and what was
    left out."""
    items = [exports] if isinstance(exports, (str, Path, pd.DataFrame)) else list(exports)
    if not items:
        raise InputError(Problem("<export>", None, "no ACLED export given"))
    report = ReadReport()
    frames = []
    for item in items:
        if isinstance(item, pd.DataFrame):
            raw, lines, name = item.astype(object), None, "<DataFrame>"
        else:
            name = str(item)
            raw, lines = _read_csv(Path(item))
        frames.append(_normalise(raw, lines, name, taxonomy, report))
    rows = pd.concat(frames, ignore_index=True)
    _mark_repeated_ids(rows, report)
    if report.problems:
        report.bad_rows = int(rows["_bad"].sum())
        _raise_or_warn(report, on_error)
    if report.empty_notes:
        warnings.warn(f"{report.empty_notes} ACLED row(s) with empty notes left out (nothing "
                      "to code)", stacklevel=3)
    return rows[~rows["_bad"]][ROW_COLUMNS].reset_index(drop=True), report


def _read_csv(path: Path) -> tuple[pd.DataFrame, list[int]]:
    """The cells as strings, and the line each record starts on (a quoted note may span
    several lines)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header is None:
                raise InputError(Problem(str(path), None, "the file is empty"))
            records, lines = [], []
            start = reader.line_num + 1
            for record in reader:
                if record and len(record) != len(header):
                    raise InputError(Problem(str(path), start, f"{len(record)} fields where "
                                             f"the header has {len(header)}"))
                if record:
                    records.append(record)
                    lines.append(start)
                start = reader.line_num + 1
    except UnicodeDecodeError as exc:
        raise InputError(Problem(str(path), None, f"not valid UTF-8 ({exc.reason})")) from None
    except csv.Error as exc:
        raise InputError(Problem(str(path), reader.line_num, f"malformed CSV: {exc}")) from None
    return pd.DataFrame(records, columns=header, dtype=object), lines


def _normalise(raw: pd.DataFrame, lines: list[int] | None, name: str, taxonomy: Taxonomy,
               report: ReadReport) -> pd.DataFrame:
    raw = raw.rename(columns=lambda c: str(c).strip().lower())
    for column, aliases in taxonomy.aliases.items():
        alias = next((a for a in aliases if a in raw.columns), None)
        if column not in raw.columns and alias is not None:
            raw = raw.rename(columns={alias: column})
    missing = [c for c in taxonomy.required if c not in raw.columns]
    if missing:
        raise InputError(Problem(name, 1 if lines is not None else None,
                                 f"not an ACLED export: no column {', '.join(missing)} (a "
                                 "comma-separated file with ACLED's header line is expected)"))
    text = {c: _text(raw[c]) if c in raw.columns else pd.Series("", index=raw.index)
            for c in ("event_id_cnty", "notes", "event_type", "sub_event_type", "event_date",
                      "fatalities", "inter1", "inter2", "latitude", "longitude", *TEXT_COLUMNS)}
    out = pd.DataFrame({"row_id": text["event_id_cnty"], "file": name,
                        "line": pd.array(lines if lines is not None else [None] * len(raw),
                                         dtype="Int64"),
                        "notes": text["notes"]}, index=raw.index)
    empty = out["notes"] == ""
    problems = _Problems(name, lines, out["row_id"], empty.to_numpy())
    _types(out, text, taxonomy, "sub_event_type" in raw.columns, problems)
    out["event_date"] = _dates(text["event_date"], taxonomy, problems)
    for column in TEXT_COLUMNS:
        out[column] = text[column].where(text[column] != "", None)
    for column in ("inter1", "inter2"):
        out[column] = _inters(text[column], taxonomy, problems, column)
    for column in ("latitude", "longitude", "fatalities"):
        out[column] = _numbers(text[column], problems, column)
    out["fatalities"] = out["fatalities"].round().astype("Int64")
    problems.check(out["row_id"] == "", "no event_id_cnty")
    report.empty_notes += int(empty.sum())
    report.problems.extend(problems.found)
    out["_bad"] = problems.bad
    return out[~empty]


def _text(column: pd.Series) -> pd.Series:
    return column.map(lambda v: "" if v is None or (isinstance(v, float) and np.isnan(v))
                      else str(v).strip())


class _Problems:
    """Problems of one export, each located by line (or row id for a DataFrame); rows in
    `ignored` (empty notes, left out anyway) are not checked."""

    def __init__(self, name: str, lines: list[int] | None, ids: pd.Series,
                 ignored: np.ndarray) -> None:
        self.name, self.lines, self.ids, self.ignored = name, lines, ids, ignored
        self.found: list[Problem] = []
        self.bad = np.zeros(len(ids), dtype=bool)

    def check(self, bad: pd.Series, message: Any) -> None:
        """Record a problem for each row where `bad` holds; `message` may be a function
        of the row position."""
        where = bad.to_numpy(dtype=bool) & ~self.ignored
        self.bad |= where
        for position in np.flatnonzero(where):
            text = message(position) if callable(message) else message
            if self.lines is not None:
                self.found.append(Problem(self.name, self.lines[position], text))
            else:
                self.found.append(Problem(self.name, None, text,
                                          entry=f"row {self.ids.iloc[position]}"))


def _types(out: pd.DataFrame, text: dict[str, pd.Series], taxonomy: Taxonomy, has_subs: bool,
           problems: _Problems) -> None:
    pairs = pd.Series(list(zip(text["event_type"], text["sub_event_type"])), index=out.index)
    known = {pair: taxonomy.row_type(pair[0], pair[1], has_subs) for pair in set(pairs)}
    meaning = pairs.map(known)
    problems.check(meaning.isna(), lambda i: "unknown ACLED event type "
                   f"{pairs.iloc[i][0]!r}" + (f" / sub-event type {pairs.iloc[i][1]!r}"
                                              if pairs.iloc[i][1] else ""))
    out["event_type"] = meaning.map(lambda m: m.event_type if m else None)
    out["group"] = out["event_type"].map(lambda t: taxonomy.group_of(t) if t else None)
    out["sub_event_type"] = meaning.map(lambda m: m.sub_event_type if m else None)
    out["taxonomy"] = meaning.map(lambda m: m.taxonomy if m else None)
    out["export_event_type"] = text["event_type"]


def _dates(column: pd.Series, taxonomy: Taxonomy, problems: _Problems) -> pd.Series:
    known = {value: _day(value, taxonomy.date_formats) for value in set(column)}
    days = column.map(known)
    problems.check(days.isna(), lambda i: f"event_date {column.iloc[i]!r} is not a date "
                   "(ISO 2016-07-02 or 02 July 2016 expected)")
    return pd.to_datetime(days)


def _day(value: str, formats: tuple[str, ...]) -> dt.date | None:
    if len(value) > 10 and value[10] in "T ":
        value = value[:10]  # an ISO time after the day
    for form in formats:
        try:
            return dt.datetime.strptime(value, form).date()
        except ValueError:
            continue
    return None


def _inters(column: pd.Series, taxonomy: Taxonomy, problems: _Problems, name: str
            ) -> pd.Series:
    known = {value: taxonomy.inter_code(value) for value in set(column)}
    codes = column.map(known)
    problems.check(codes.isna(), lambda i: f"{name} {column.iloc[i]!r} is not an ACLED actor "
                   "type (a number 0-8 or a name such as 'State forces')")
    return codes.astype("Int64")


def _numbers(column: pd.Series, problems: _Problems, name: str) -> pd.Series:
    numbers = pd.to_numeric(column.where(column != "", None), errors="coerce")
    problems.check(numbers.isna() & (column != ""), lambda i: f"{name} {column.iloc[i]!r} "
                   "is not a number")
    return numbers.astype(float)


def _mark_repeated_ids(rows: pd.DataFrame, report: ReadReport) -> None:
    """Two rows with one id: the later one is bad (its events could not be told apart)."""
    repeated = rows["row_id"].duplicated() & (rows["row_id"] != "")
    rows["_bad"] = rows["_bad"] | repeated
    for position in np.flatnonzero(repeated.to_numpy()):
        line = rows["line"].iloc[position]
        has_line = not pd.isna(line)
        report.problems.append(Problem(
            rows["file"].iloc[position], int(line) if has_line else None,
            f"event_id_cnty {rows['row_id'].iloc[position]!r} is already used",
            entry=None if has_line else f"row {rows['row_id'].iloc[position]}"))


def _raise_or_warn(report: ReadReport, on_error: OnError) -> None:
    first = report.problems[0]
    more = len(report.problems) - 1
    if on_error == "raise":
        tail = f" (and {more} more problem(s); on_error='skip' leaves such rows out)" \
            if more else ""
        raise InputError(Problem(first.path, first.line, first.message + tail, first.entry))
    shown = "; ".join(str(p) for p in report.problems[:3])
    warnings.warn(f"{report.bad_rows} ACLED row(s) left out: {shown}"
                  + (" ..." if more > 2 else ""), stacklevel=4)
