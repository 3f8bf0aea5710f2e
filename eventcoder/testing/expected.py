"""What a generated sentence must code to, and the signature of a coded event row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, cast

import pandas as pd


@dataclass(frozen=True)
class ExpectedEvent:
    """The fields of one event a generated sentence pins down.

    `sides` are codes: a state by its ISO code, any other actor by its name. `actor1` is the
    code of the first side where order carries meaning (the doer of a one-sided event).
    """

    event_type: str
    status: str
    sides: frozenset[str]
    mediators: frozenset[str] = frozenset()
    location: str | None = None
    iso3: str | None = None
    geo_precision: int | None = None
    event_date: dt.date | None = None
    time_precision: int | None = None
    fatalities: int | None = None
    actor1: str | None = None


def _code(name: Any, iso3: Any, inter: Any) -> str | None:
    if name is None or (isinstance(name, float) and pd.isna(name)):
        return None
    if iso3 is not None and not (isinstance(iso3, float) and pd.isna(iso3)) and \
            not pd.isna(inter) and int(inter) == 1:
        return str(iso3)
    return str(name)


def _none(value: Any) -> Any:
    if value is None:
        return None
    try:
        return None if pd.isna(value) else value
    except (TypeError, ValueError):
        return value


def signature(row: Mapping[str, Any], ordered: bool = False) -> ExpectedEvent:
    """The `ExpectedEvent` view of one coded row (a dict of the event table's columns).

    With `ordered`, `actor1` is filled for every event, so side order can be compared."""
    a1 = _code(_none(row["actor1"]), _none(row["actor1_iso3"]), row["inter1"])
    a2 = _code(_none(row["actor2"]), _none(row["actor2_iso3"]), row["inter2"])
    date = _none(row["event_date"])
    precision = _none(row["time_precision"])
    fatalities = _none(row["fatalities"])
    geo = _none(row["geo_precision"])
    one_sided = a1 is not None and a2 is None
    return ExpectedEvent(
        event_type=row["event_type"], status=row["status"],
        sides=frozenset(c for c in (a1, a2) if c),
        mediators=frozenset(row["mediators_iso3"] if row["mediators_iso3"] is not None else ()),
        location=_none(row["location"]), iso3=_none(row["iso3"]),
        geo_precision=None if geo is None else int(geo),
        event_date=None if date is None else pd.Timestamp(date).date(),
        time_precision=None if precision is None else int(precision),
        fatalities=None if fatalities is None else int(fatalities),
        actor1=a1 if (ordered or one_sided) else None)


def observed(events: pd.DataFrame | Iterable[Mapping[str, Any]], ordered: bool = False
             ) -> list[ExpectedEvent]:
    """The coded events as `ExpectedEvent`s, in table order; compare with `.expected`."""
    rows = cast("list[Mapping[str, Any]]", events.to_dict("records")) \
        if isinstance(events, pd.DataFrame) else list(events)
    return [signature(r, ordered) for r in rows]


