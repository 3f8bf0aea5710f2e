"""Valid event tables built by hand (pandera's own strategy cannot satisfy the model)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
from hypothesis import strategies as st

from ..schemas import EventSchema, validate_events

_COUNTRY_CODES = ("AFG", "PAK", "UKR", "RUS", "TUR", "QAT", "SDN", "YEM")
_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]),
                max_size=20)
_DATES = st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31))


def _bounds(column: Any) -> tuple[Any, Any, list[Any] | None]:
    low = high = None
    allowed = None
    for check in column.checks:
        stats = check.statistics or {}
        low = stats.get("min_value", low)
        high = stats.get("max_value", high)
        allowed = stats.get("allowed_values", allowed)
    return low, high, (list(allowed) if allowed is not None else None)


def _generic(column: Any) -> st.SearchStrategy[Any]:
    """Values for a column from its type and simple checks (new columns get these)."""
    low, high, allowed = _bounds(column)
    kind = str(column.dtype).lower()
    if allowed is not None:
        values: st.SearchStrategy[Any] = st.sampled_from(allowed)
    elif "int" in kind:
        values = st.integers(0 if low is None else int(low), 1000 if high is None else int(high))
    elif "float" in kind:
        values = st.floats(-1e6 if low is None else low, 1e6 if high is None else high,
                           allow_nan=False)
    elif "bool" in kind:
        values = st.booleans()
    elif "datetime" in kind:
        values = _DATES
    elif "str" in kind:
        values = _TEXT
    else:
        values = st.lists(_TEXT, max_size=3)  # the object columns are lists of strings
    return st.none() | values if column.nullable else values


@st.composite
def _event_row(draw: Any, columns: Mapping[str, Any], event_types: Sequence[str],
               statuses: Sequence[str]) -> dict[str, Any]:
    row = {name: draw(_generic(column)) for name, column in columns.items()}
    sentence = draw(st.text(min_size=1, max_size=40))
    start = draw(st.integers(0, 10_000))
    t0 = draw(st.integers(0, len(sentence) - 1))
    t1 = draw(st.integers(t0 + 1, len(sentence)))
    row.update(sentence=sentence, sentence_start=start, sentence_end=start + len(sentence),
               trigger=sentence[t0:t1], trigger_start=start + t0, trigger_end=start + t1,
               event_type=draw(st.sampled_from(list(event_types))),
               status=draw(st.sampled_from(list(statuses))))
    inters = []
    for n in ("1", "2"):
        named = draw(st.booleans())
        row[f"actor{n}"] = draw(_TEXT) if named else None
        row[f"actor{n}_iso3"] = draw(st.none() | st.sampled_from(_COUNTRY_CODES)) if named \
            else None
        row[f"inter{n}"] = draw(st.integers(1, 8)) if named else None
        if named:
            inters.append(row[f"inter{n}"])
    codes = sorted(inters)
    row["interaction"] = codes[0] * 10 + (codes[1] if len(codes) > 1 else 0) if codes else None
    row["mediators_iso3"] = draw(st.lists(st.sampled_from(_COUNTRY_CODES), max_size=3))
    for name in ("iso3", "border_iso3"):
        row[name] = draw(st.none() | st.sampled_from(_COUNTRY_CODES))
    if draw(st.booleans()):
        row["event_date"], row["time_precision"] = draw(_DATES), draw(st.integers(1, 3))
    else:
        row["event_date"] = row["time_precision"] = None
    if "mentions" in columns and "mention_sentences" in columns:
        row["mentions"] = 1 + len(row["mention_sentences"])
    if "doc_ids" in columns:  # the merge's columns agree with each other (sources_counted)
        others = draw(st.lists(_TEXT, max_size=2))
        row["doc_ids"] = sorted({row["doc_id"], *others})
        row["n_sources"] = len(row["doc_ids"])
        count = len(row["mention_sentences"])
        row["mention_doc_ids"] = [draw(st.sampled_from(row["doc_ids"])) for _ in range(count)]
        row["mention_offsets"] = [f"{i}:{i + 1}" for i in range(count)]
    return {name: row[name] for name in columns}


@st.composite
def event_tables(draw: Any, min_size: int, max_size: int, event_types: Sequence[str],
                 statuses: Sequence[str] = ("occurred",)) -> pd.DataFrame:
    """A valid event table of `min_size` to `max_size` rows of the given event types,
    validated and coerced by `eventcoder.validate_events`. Columns come from `EventSchema`;
    the checks that span columns (offsets, date and precision, interaction codes, unique
    ids) are kept by construction."""
    columns = EventSchema.to_schema().columns
    rows = draw(st.lists(_event_row(columns, event_types, statuses), min_size=min_size,
                         max_size=max_size))
    for i, row in enumerate(rows):
        row["event_id"] = hashlib.sha1(f"{i}".encode()).hexdigest()[:16]
    frame = pd.DataFrame(rows, columns=list(columns))
    if frame.empty:
        frame = frame.astype(object)
    return validate_events(frame)
