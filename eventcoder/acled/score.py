"""Score coded events against ACLED rows, with pandas (see `eventcoder.evaluate_acled` for
the rule in words).

Rows sharing the same notes and date make one document: it is coded once, and its events
stand for every one of those rows. Rows sharing the same notes, whatever their date, make
one note: a coded event is right when its type is among the types of its note's rows.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..text import Folder
from .taxonomy import PRE_2019, Taxonomy, fold_name

FIELDS = ("actors", "actor1", "actor2", "assoc_actors", "inter", "country", "admin1",
          "admin2", "location", "near", "fatalities", "date")
_EVENT_COLUMNS = ("event_id", "doc_id", "acled_event_type", "acled_sub_event_type", "actor1",
                  "actor2", "assoc_actor_1", "assoc_actor_2", "inter1", "inter2", "country",
                  "admin1", "admin2", "location", "latitude", "longitude", "fatalities",
                  "event_date", "civilian_targeting")


def documents(rows: pd.DataFrame) -> pd.DataFrame:
    """`rows` with `doc_id` (the first row id of its notes and date: the id its document is
    coded under) and `note` (a number per distinct notes text)."""
    rows = rows.copy()
    rows["doc_id"] = rows.groupby(["notes", "event_date"], sort=False)["row_id"] \
        .transform("first")
    rows["note"] = pd.factorize(rows["notes"])[0]
    return rows


def articles(rows: pd.DataFrame) -> pd.DataFrame:
    """One article per document: id, text (the notes), published (the event date),
    source."""
    first = rows.drop_duplicates("doc_id")
    return pd.DataFrame({"id": first["doc_id"], "text": first["notes"],
                         "published": first["event_date"].dt.date,
                         "source": first["source"]}).reset_index(drop=True)


def coded_events(events: pd.DataFrame, everything: pd.DataFrame, chosen: pd.DataFrame,
                 taxonomy: Taxonomy) -> pd.DataFrame:
    """The events of the `chosen` rows' documents, one coding per document, with the columns
    the scores need (missing optional columns as None) and their labels. `everything`: all
    rows of the export (with `documents`), which say which document an event's doc_id is.

    `label`: the event's ACLED type as the note's rows are typed (a Protests or Riots event
    of a note in the older taxonomy is "Protests/Riots"); `group`: its scoring group;
    `sub`: its sub-event type; `note`, `doc`, `order` (its position in the coded table)
    and the note's country, `note_country` (that of its document's first row).
    """
    events = events.reset_index(drop=True)
    frame = pd.DataFrame({c: events[c] if c in events.columns else None
                          for c in _EVENT_COLUMNS})
    frame["order"] = np.arange(len(frame))
    frame["doc_id"] = frame["doc_id"].astype(str)
    # A table coded one document per row (not per document) holds each document's events
    # several times: the first row id of each document that the table holds stands for it.
    held = everything[everything["row_id"].isin(set(frame["doc_id"]))]
    source = held.groupby("doc_id", sort=False)["row_id"].first()
    source = source[source.index.isin(set(chosen["doc_id"]))]
    frame = frame[frame["doc_id"].isin(set(source))].copy()
    frame["doc"] = frame["doc_id"].map(everything.set_index("row_id")["doc_id"])
    first = everything.drop_duplicates("doc_id").set_index("doc_id")
    frame["note"] = frame["doc"].map(first["note"])
    frame["note_country"] = frame["doc"].map(first["country"])
    frame["label"] = _labels(frame, everything, taxonomy)
    frame["group"] = frame["label"].map(lambda t: taxonomy.group_of(t) if t else None)
    frame["sub"] = frame["acled_sub_event_type"].where(
        frame["acled_sub_event_type"].map(lambda s: isinstance(s, str) and bool(s)), None)
    return frame.reset_index(drop=True)


def _labels(frame: pd.DataFrame, everything: pd.DataFrame,
            taxonomy: Taxonomy) -> list[str | None]:
    """Each coded event's type as its note's rows are typed: for a note of the older
    taxonomy, its group where the older taxonomy had one type for the group, and the older
    type by target for the sub-event types the older taxonomy typed so."""
    older = set(everything.loc[everything["taxonomy"] == PRE_2019, "note"])
    older_targets = {today for today, _ in taxonomy.pre_2019.values()}
    labels: list[str | None] = []
    for value, sub, civilians, note in zip(frame["acled_event_type"],
                                           frame["acled_sub_event_type"],
                                           frame["civilian_targeting"], frame["note"]):
        if not isinstance(value, str) or not value:
            labels.append(None)
            continue
        if note in older and sub in taxonomy.pre_2019_by_target:
            armed, civilian = taxonomy.pre_2019_by_target[sub]
            value = civilian if civilians is True else armed
        group = taxonomy.group_of(value)
        labels.append(group if note in older and group in older_targets else value)
    return labels


def _member(left: pd.DataFrame, right: pd.DataFrame) -> np.ndarray:
    """For each row of `left`, is its tuple of values among the rows of `right` (same
    columns)?"""
    if left.empty:
        return np.zeros(0, dtype=bool)
    keys = pd.MultiIndex.from_frame(right.dropna().drop_duplicates())
    return np.asarray(pd.MultiIndex.from_frame(left).isin(keys))


def judge_events(frame: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """Precision flags of each coded event with an ACLED type, against all `rows` of the
    export (a restriction to some countries or a sample leaves the truth as it is):
    `type_ok` (its label among its note's row types), `group_ok` (the same with Protests and
    Riots together),
    `sub_judged` and `sub_ok` (its sub-event type among its note's; not judged where the
    note has a row of its group whose sub-event type is not known)."""
    frame = frame[frame["label"].notna()].copy()
    types = rows[["note", "event_type"]].rename(columns={"event_type": "label"})
    frame["type_ok"] = _member(frame[["note", "label"]], types)
    groups = rows[["note", "group"]]
    frame["group_ok"] = _member(frame[["note", "group"]], groups)
    unknown = rows.loc[rows["sub_event_type"].isna(), ["note", "group"]]
    subs = rows[["note", "sub_event_type"]].rename(columns={"sub_event_type": "sub"})
    frame["sub_judged"] = frame["sub"].notna().to_numpy() & \
        ~_member(frame[["note", "group"]], unknown)
    frame["sub_ok"] = frame["sub_judged"] & _member(
        frame[["note", "sub"]].fillna({"sub": ""}), subs)
    return frame


def km_between(lat1: Any, lon1: Any, lat2: Any, lon2: Any) -> np.ndarray:
    """Great-circle distances in km (NaN where a coordinate is missing)."""
    a1, o1, a2, o2 = (np.radians(np.asarray(v, dtype=float)) for v in (lat1, lon1, lat2, lon2))
    h = np.sin((a2 - a1) / 2) ** 2 + np.cos(a1) * np.cos(a2) * np.sin((o2 - o1) / 2) ** 2
    return 6371.0 * 2 * np.arcsin(np.sqrt(np.clip(h, 0, 1)))


def match_rows(rows: pd.DataFrame, frame: pd.DataFrame, folder: Folder) -> pd.DataFrame:
    """`rows` with `found` (an event of the row's type in its document), `found_group`,
    `found_sub` (NA where the row has no sub-event type) and the best event of the row's
    type (prefixed `coded_`): the nearest to ACLED's coordinates, then the one at a place
    of the same name, then the first in text order."""
    rows = rows.reset_index(drop=True).copy()
    rows["pos"] = np.arange(len(rows))
    pairs = rows[["pos", "doc_id", "event_type", "group", "sub_event_type", "latitude",
                  "longitude", "location"]].merge(
        frame.add_prefix("coded_"), left_on="doc_id", right_on="coded_doc")
    typed = pairs[pairs["event_type"] == pairs["coded_label"]].copy()
    rows["found"] = rows["pos"].isin(set(typed["pos"]))
    rows["found_group"] = rows["pos"].isin(set(pairs.loc[pairs["group"] == pairs["coded_group"],
                                                        "pos"]))
    same_sub = pairs.loc[pairs["sub_event_type"] == pairs["coded_sub"], "pos"]
    rows["found_sub"] = _scored(rows["pos"].isin(set(same_sub)).to_numpy(),
                                rows["sub_event_type"].notna().to_numpy())
    typed["km"] = km_between(typed["latitude"], typed["longitude"],
                             typed["coded_latitude"], typed["coded_longitude"])
    typed["other_place"] = [fold_name(a, folder) != fold_name(b, folder) or not a
                            for a, b in zip(typed["location"], typed["coded_location"])]
    best = typed.sort_values(["pos", "km", "other_place", "coded_order"], na_position="last") \
        .drop_duplicates("pos")
    keep = [c for c in best.columns if c.startswith("coded_") and c not in
            ("coded_doc", "coded_note", "coded_note_country", "coded_group")]
    return rows.merge(best[["pos", "km", *keep]], on="pos", how="left")


def field_outcomes(matched: pd.DataFrame, taxonomy: Taxonomy, folder: Folder,
                   coded_columns: set[str]) -> pd.DataFrame:
    """Per row, whether each field of its best event agrees with ACLED: True, False, or NA
    (the row's type was not found, ACLED gives no value, or the coded table has no such
    column). Places are compared ignoring case and accents; fatalities exactly (a coded
    event with no toll counts as 0, as ACLED writes it); the date by day."""
    found = matched["found"].to_numpy(dtype=bool)
    out = _actor_outcomes(matched, taxonomy, folder, coded_columns, found)
    for column in ("country", "admin1", "admin2", "location"):
        given = matched[column].notna().to_numpy()
        same = np.array([fold_name(a, folder) == fold_name(b, folder)
                         for a, b in zip(matched[column], matched[f"coded_{column}"])],
                        dtype=bool)
        out[column] = _scored(same, found & given & (column in coded_columns))
    km = matched["km"].to_numpy(dtype=float)
    has_place = matched["latitude"].notna().to_numpy() & matched["longitude"].notna().to_numpy()
    out["near"] = _scored(np.nan_to_num(km, nan=np.inf) <= taxonomy.near_km, found & has_place)
    coded_deaths = pd.to_numeric(matched["coded_fatalities"], errors="coerce").fillna(0)
    deaths = matched["fatalities"].astype(float)
    out["fatalities"] = _scored((coded_deaths == deaths).to_numpy(),
                                found & deaths.notna().to_numpy())
    coded_day = pd.to_datetime(matched["coded_event_date"], errors="coerce").dt.normalize()
    out["date"] = _scored((coded_day == matched["event_date"]).to_numpy(), found)
    return out[list(FIELDS)].add_suffix("_ok")


def _actor_outcomes(matched: pd.DataFrame, taxonomy: Taxonomy, folder: Folder,
                    coded_columns: set[str], found: np.ndarray) -> pd.DataFrame:
    """Actors and inter codes, per slot: ACLED's actor1 against the coded actor1, actor2
    against actor2. For a symmetric type (Battles: two sides, no attacker) the slots may be
    crossed, when crossing them agrees on more names."""
    key = {c: np.array([taxonomy.actor_key(v, folder) for v in matched[c]], dtype=object)
           for c in ("actor1", "actor2", "coded_actor1", "coded_actor2")}
    straight = (key["coded_actor1"] == key["actor1"]).astype(int) + \
        (key["coded_actor2"] == key["actor2"])
    crossed = (key["coded_actor1"] == key["actor2"]).astype(int) + \
        (key["coded_actor2"] == key["actor1"])
    swap = matched["event_type"].isin(taxonomy.symmetric).to_numpy() & (crossed > straight)
    out = pd.DataFrame(index=matched.index)
    a1 = np.where(swap, key["actor2"], key["actor1"]) == key["coded_actor1"]
    a2 = np.where(swap, key["actor1"], key["actor2"]) == key["coded_actor2"]
    out["actor1"], out["actor2"] = _scored(a1, found), _scored(a2, found)
    out["actors"] = _scored(a1 & a2, found)
    inter = [matched[c].fillna(0).astype(int).to_numpy() for c in ("inter1", "inter2")]
    coded = [pd.to_numeric(matched[c], errors="coerce").fillna(0).astype(int).to_numpy()
             for c in ("coded_inter1", "coded_inter2")]
    out["inter"] = _scored((np.where(swap, inter[1], inter[0]) == coded[0])
                           & (np.where(swap, inter[0], inter[1]) == coded[1]), found)
    if {"assoc_actor_1", "assoc_actor_2"} <= coded_columns:
        sets = [[taxonomy.actor_set(v, folder) for v in matched[c]] for c in
                ("assoc_actor_1", "assoc_actor_2", "coded_assoc_actor_1", "coded_assoc_actor_2")]
        same = [(s2, s1) == (c1, c2) if crossed_ else (s1, s2) == (c1, c2)
                for s1, s2, c1, c2, crossed_ in zip(*sets, swap)]
        out["assoc_actors"] = _scored(np.array(same, dtype=bool), found)
    else:
        out["assoc_actors"] = _scored(np.zeros(len(matched), dtype=bool),
                                      np.zeros(len(matched), dtype=bool))
    return out


def _scored(ok: np.ndarray, scored: np.ndarray) -> pd.Series:
    """A nullable boolean: `ok` where `scored`, NA elsewhere."""
    values: list[bool | None] = [bool(o) if s else None for o, s in zip(ok, scored)]
    return pd.Series(pd.array(values, dtype="boolean"))


def tally(rows: pd.DataFrame, found: str, row_key: Any, events: pd.DataFrame, correct: str,
          event_key: Any) -> pd.DataFrame:
    """Detection and field scores per key (a column, or a list of columns for a table per
    pair of keys): rows, found, predictions, correct, precision, recall, f1, then `scored`
    (rows whose type was found), each field's accuracy over the rows where it is scored,
    and the median distance in km."""
    fields = [f"{name}_ok" for name in FIELDS]
    counts = pd.DataFrame({"found": rows[found].fillna(False).astype(int),
                           "scored": rows["found"].astype(int), "rows": 1,
                           "km": rows["km"].where(rows["found"])}, index=rows.index)
    counts = pd.concat([counts, rows[fields].astype("Float64")], axis=1)
    keys = [rows[k] for k in ([row_key] if isinstance(row_key, str) else row_key)]
    by_row = counts.groupby(keys, sort=False, dropna=False)
    table = by_row[["rows", "found", "scored"]].sum()
    judged = pd.DataFrame({"predictions": 1, "correct": events[correct].astype(int)},
                          index=events.index)
    event_keys = [events[k] for k in ([event_key] if isinstance(event_key, str) else event_key)]
    predicted = judged.groupby(event_keys, sort=False, dropna=False).sum()
    predicted.index.names = table.index.names
    table = table.join(predicted, how="outer").fillna(0).astype(int)
    table = table[["rows", "found", "predictions", "correct", "scored"]]
    table["precision"] = (table["correct"] / table["predictions"]).where(table["predictions"] > 0)
    table["recall"] = (table["found"] / table["rows"]).where(table["rows"] > 0)
    p, r = table["precision"].fillna(0), table["recall"].fillna(0)
    table["f1"] = (2 * p * r / (p + r)).where(p + r > 0, 0.0)
    accuracy = by_row[fields].mean().astype(float)
    accuracy.columns = list(FIELDS)
    table = table.join(accuracy)
    table["median_km"] = by_row["km"].median()
    return table
