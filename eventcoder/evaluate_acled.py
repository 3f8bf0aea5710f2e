"""Evaluate the coder against an ACLED export: code the notes of its rows as articles and
score the coded events against ACLED's own answers, per ACLED row. With an export of your
own region (a file this example does not have, so it is shown, not run)::

    result = eventcoder.evaluate_acled("my_region.csv")                # codes the notes
    result = eventcoder.evaluate_acled("my_region.csv", coded=events)  # scores a table
    text = result.report(); result.summary(); result.rows; result.misses

The notes of each row are coded as an article: id = event_id_cnty, text = notes,
published = event_date (notes are dated by the event), source = source (the outlet, which
points to the article's country; `use_source=False` leaves it out). Rows with the same
notes and date are one document, coded once under the first row's id.

Both of ACLED's taxonomies are read, told apart by the values (see acled/taxonomy.yaml):
today's (event_type + sub_event_type) and the older one before 2019 ("Battle-No change of
territory", "Remote violence", "Riots/Protests", "Strategic development", ...), mapped onto
today's event types. An older Riots/Protests row is typed "Protests/Riots"; older rows of
Remote violence, Violence against civilians, Riots/Protests and Strategic development have
no sub-event type and are scored at the event-type level only.

A coded event's ACLED type is the value of its `acled_event_type` column (and
`acled_sub_event_type`), whatever eventcoder's own `event_type`; an event without one is
not a prediction. A coded Protests or Riots event of a note in the older taxonomy is typed
"Protests/Riots", and a coded grenade or suicide bomb there by its target (Violence against
civilians when `civilian_targeting` is set, else Battles), as the older taxonomy typed them.

Scoring rule (a note may hold several events; ACLED splits some reports into rows):
- Recall, per ACLED row: the row is *found* when the events coded from its document include
  one of the row's event type. Its sub-event type is found when they include one of its
  sub-event type (rows without a known sub-event type are not in that table).
- Precision, per coded event: it is *correct* when its type is among the types of the ACLED
  rows that share its note (the same notes text, any date); at the sub-event level, when its
  sub-event type is among theirs; it is not judged there when the note has a row of its
  event type whose sub-event type is not known (older taxonomy).
- F1 = 2PR / (P + R). Macro F1: the mean F1 over the ACLED event types the rows hold, with
  Protests and Riots counted as one (as the older taxonomy does).
- Fields, on found rows: the best event of the row's type is compared (the nearest to
  ACLED's coordinates, then one at a place of the same name, then the first in text
  order; one event may serve several rows). actor1 against actor1 and actor2 against
  actor2 (for Battles, where neither side is the attacker, the crossed order when it agrees
  on more names), names compared without regime years such as "(2014-)" and ignoring case,
  accents and blanks; `actors` = both right. `assoc_actors`: the sets of associated actors
  of both slots, where the coded table has them. `inter`: both actor-type codes, in the
  slots' order (no actor = 0). country, admin1, admin2, location: the same name ignoring
  case and accents, where ACLED gives one. `near`: within 25 km of ACLED's coordinates (an
  event with no coordinates is not near); median_km over the rows with both. fatalities:
  exactly ACLED's number (no toll coded = 0). date: the same day.
"""

from __future__ import annotations

import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .acled.export import read_exports
from .acled.score import (
    FIELDS,
    articles,
    coded_events,
    documents,
    field_outcomes,
    judge_events,
    match_rows,
    tally,
)
from .acled.taxonomy import Taxonomy, fold_name, load_taxonomy
from .documents import OnError
from .errors import InputError, Problem
from .text import Folder

ROW_OUTPUT = ["row_id", "file", "line", "doc_id", "notes", "country", "event_type",
              "sub_event_type", "group", "taxonomy", "export_event_type", "found", "found_group",
              "found_sub",
              "actor1", "actor2", "location", "fatalities", "coded_event_id",
              "coded_acled_event_type", "coded_acled_sub_event_type", "coded_actor1",
              "coded_actor2", "coded_location", "coded_fatalities", "km",
              *(f"{name}_ok" for name in FIELDS)]
NO_COUNTRY = "(no country)"
SHOWN_FIELDS = ("actors", "assoc_actors", "inter", "country", "admin1", "admin2", "location",
                "near", "median_km", "fatalities", "date")
_HEADS = {"actors": "actors", "assoc_actors": "assoc", "inter": "inter", "country": "cntry",
          "admin1": "adm1", "admin2": "adm2", "location": "loc", "near": "25km",
          "median_km": "km50", "fatalities": "fatal", "date": "date"}


def evaluate_acled(export: Any, coder: Any = None, countries: Any = None,
                   limit: int | None = None, *, coded: Any = None, seed: int = 0,
                   on_error: OnError = "raise", use_source: bool = True) -> AcledEvaluation:
    """Code the notes of an ACLED export and score the events per ACLED row (the rule is
    in this module's docstring and docs/evaluate-acled.md).

    export: a CSV path, a DataFrame with an export's columns, or a list of them.
    coder: the Coder to use (a default Coder if None); not used when `coded` is given.
    countries: a country name or list of them (case and accents ignored): only their rows.
    limit: a sample of about this many rows, made of whole notes in a random order drawn
        with `seed` (the same sample each time).
    coded: an event table (DataFrame or Parquet path) already coded from these notes, its
        doc_id being event_id_cnty: it is scored instead of coding the notes.
    on_error: "raise" stops at a row that cannot be read, naming its file and line; "skip"
        leaves such rows out with a warning (counted in the summary).
    use_source: pass the export's `source` (the outlet, article metadata a user has) as
        each article's source, which points to the article's country; False codes the
        notes without it (to see what the text alone tells).
    """
    taxonomy, folder = load_taxonomy(), Folder()
    everything, read = read_exports(export, taxonomy, on_error)
    everything = documents(everything)
    chosen = select(everything, countries, limit, seed, folder)
    clock = time.process_time()
    if coded is None:
        from .coder import Coder

        # Each ACLED row is an event of its own note: scored per note, not merged across.
        frame = articles(chosen)
        if not use_source:
            frame = frame.drop(columns=["source"])
        events = (coder or Coder()).code_frame(frame, on_error=on_error, merge="article")
    else:
        events = _coded_table(coded, everything)
    info: dict[str, Any] = {
        "files": sorted(set(everything["file"])), "taxonomy": _taxonomy_name(chosen),
        "rows_read": len(everything),
        "left_out": {"empty_notes": read.empty_notes, "bad_rows": read.bad_rows},
        "notes": int(chosen["note"].nunique()), "documents": int(chosen["doc_id"].nunique()),
        "cpu_seconds": {"coding": round(time.process_time() - clock, 2)},
        "source_used": use_source and coded is None}
    clock = time.process_time()
    result = _score(everything, chosen, events, taxonomy, folder, info)
    info["cpu_seconds"]["scoring"] = round(time.process_time() - clock, 2)
    return result


def _score(everything: pd.DataFrame, chosen: pd.DataFrame, events: pd.DataFrame,
           taxonomy: Taxonomy, folder: Folder, info: dict[str, Any]) -> AcledEvaluation:
    frame = coded_events(events, everything, chosen, taxonomy)
    judged = judge_events(frame, everything)
    matched = match_rows(chosen, judged, folder)
    outcomes = field_outcomes(matched, taxonomy, folder, set(events.columns))
    rows = pd.concat([matched, outcomes], axis=1)
    # Grouped by country, a row without one is still counted.
    rows["country"] = rows["country"].fillna(NO_COUNTRY)
    judged["note_country"] = judged["note_country"].fillna(NO_COUNTRY)
    info["coded_events"] = len(frame)
    info["without_acled_type"] = int(frame["label"].isna().sum())
    return AcledEvaluation(rows, judged, taxonomy, info, events)


def select(rows: pd.DataFrame, countries: Any, limit: int | None, seed: int, folder: Folder
           ) -> pd.DataFrame:
    """The rows of `countries` (all if None), then a sample of about `limit` rows made of
    whole notes (so that rows sharing a note stay together)."""
    if countries is not None:
        wanted = {fold_name(c, folder) for c in ([countries] if isinstance(countries, str)
                                                 else countries)}
        folded = rows["country"].map(lambda c: fold_name(c, folder))
        unknown = wanted - set(folded)
        if unknown:
            have = ", ".join(sorted(set(rows["country"].dropna()))[:30])
            raise InputError(Problem("countries", None, f"no rows for {', '.join(sorted(unknown))}"
                                     f" (the export's countries: {have})"))
        rows = rows[folded.isin(wanted)]
    if limit is not None and limit < len(rows):
        if limit < 1:
            raise InputError(Problem("limit", None, f"limit must be at least 1, not {limit}"))
        sizes = rows.groupby("note", sort=False).size()
        order = sizes.iloc[np.random.default_rng(seed).permutation(len(sizes))]
        total = order.cumsum()
        kept = set(total.index[(total <= limit) | (np.arange(len(total)) == 0)])
        rows = rows[rows["note"].isin(kept)]
    return rows.reset_index(drop=True)


def _coded_table(coded: Any, everything: pd.DataFrame) -> pd.DataFrame:
    if isinstance(coded, (str, Path)):
        from .dataset import read_events

        coded = read_events(coded, validate=False)  # only some columns are read
    if not isinstance(coded, pd.DataFrame) or "doc_id" not in coded.columns:
        raise InputError(Problem(str(coded)[:60] if not isinstance(coded, pd.DataFrame)
                                 else "<coded>", None, "the coded table needs a doc_id column"))
    stray = ~coded["doc_id"].astype(str).isin(set(everything["row_id"]))
    if stray.any():
        warnings.warn(f"{int(stray.sum())} coded event(s) belong to no row of the export (their "
                      "doc_id is no event_id_cnty of it): left out", stacklevel=3)
    return coded


def _taxonomy_name(rows: pd.DataFrame) -> str:
    names = sorted(set(rows["taxonomy"]))
    return names[0] if len(names) == 1 else "mixed (" + ", ".join(names) + ")"


def _number(value: Any) -> Any:
    if isinstance(value, (float, np.floating)):
        return None if np.isnan(value) else round(float(value), 3)
    if isinstance(value, (np.integer,)):
        return int(value)
    return value


@dataclass
class AcledEvaluation:
    """The scores of one evaluation: `summary()` (a JSON-able dict), `report()` (text),
    `rows` (per ACLED row: found or not, the best coded event, each field's outcome),
    `predictions` (per coded event with an ACLED type: whether it is correct), `misses`
    (the rows not found, to page through with `misses_text`) and `events` (the coded
    table, to keep and score again with ``coded=`` without coding the notes again)."""

    rows: pd.DataFrame
    predictions: pd.DataFrame
    taxonomy: Taxonomy
    info: dict[str, Any] = field(default_factory=dict)
    events: pd.DataFrame = field(default_factory=pd.DataFrame)

    def __post_init__(self) -> None:
        rows, events = self.rows, self.predictions
        self.by_type = _ordered(tally(rows, "found", "event_type", events, "type_ok", "label"),
                                self._type_order())
        self.by_sub_event_type = _ordered(
            tally(rows[rows["sub_event_type"].notna()], "found_sub", "sub_event_type",
                  events[events["sub_judged"]], "sub_ok", "sub"),
            self.taxonomy.sub_event_types())
        self.by_group = tally(rows, "found_group", "group", events, "group_ok", "group")
        self.by_country = tally(rows, "found", "country", events, "type_ok", "note_country") \
            .sort_values("rows", ascending=False, kind="stable")
        self.overall = tally(rows.assign(all="all"), "found", "all", events.assign(all="all"),
                             "type_ok", "all")
        self._country_types = tally(rows, "found", ["country", "event_type"], events,
                                    "type_ok", ["note_country", "label"])
        self._country_groups = tally(rows, "found_group", ["country", "group"], events,
                                     "group_ok", ["note_country", "group"])
        self.rows = rows[[c for c in ROW_OUTPUT if c in rows.columns]]

    def _type_order(self) -> list[str]:
        """Today's event types, the older Riots/Protests before Protests and Riots."""
        names = list(self.taxonomy.event_types)
        at = names.index("Protests") if "Protests" in names else len(names)
        return [*names[:at], *self.taxonomy.groups, *names[at:]]

    def macro_f1(self, country: str | None = None) -> float | None:
        """Mean F1 over the ACLED event types the rows hold, Protests and Riots counted as
        one; over one country's rows and events if `country` is given."""
        table = self.by_group if country is None else _part(self._country_groups, country)
        held = table[table["rows"] > 0]
        return float(held["f1"].mean()) if len(held) else None

    def country_types(self, country: str) -> pd.DataFrame:
        """The per-event-type table of one country."""
        return _ordered(_part(self._country_types, country), self._type_order())

    # -- misses ----------------------------------------------------------------------------

    @property
    def misses(self) -> pd.DataFrame:
        """The rows whose type was not found, in the export's order: row id, file and line,
        country, ACLED's type, what was coded from its note, and the note's beginning."""
        missed = self.rows[~self.rows["found"]]
        events = self.predictions
        named = pd.Series([f"{t} / {s}" if isinstance(s, str) else str(t) for t, s in
                           zip(events["acled_event_type"], events["sub"])], index=events.index,
                          dtype=object)
        coded = named.groupby(events["doc"]).agg(lambda s: "; ".join(dict.fromkeys(s)))
        return pd.DataFrame({
            "row_id": missed["row_id"], "file": missed["file"], "line": missed["line"],
            "country": missed["country"], "event_type": missed["event_type"],
            "sub_event_type": missed["sub_event_type"],
            "coded": missed["doc_id"].map(coded).fillna("nothing"),
            "excerpt": missed["notes"].map(_excerpt)}).reset_index(drop=True)

    def misses_text(self, start: int = 0, count: int = 20, event_type: str | None = None
                    ) -> str:
        """Misses `start` to `start + count` (of one ACLED event type if given), a line
        each: row id, country, ACLED type, what was coded, the note's beginning."""
        misses = self.misses
        if event_type is not None:
            wanted = event_type.casefold()
            misses = misses[misses["event_type"].str.casefold().eq(wanted) |
                            misses["event_type"].map(self.taxonomy.group_of).str.casefold()
                            .eq(wanted)]
        page = misses.iloc[start:start + count]
        lines = [f"{m['row_id']}  {m['country']}  [{m['event_type']}"
                 + (f" / {m['sub_event_type']}" if isinstance(m["sub_event_type"], str) else "")
                 + f"]  coded: {m['coded']}\n    {m['excerpt']}"
                 for m in page.to_dict("records")]
        rest = len(misses) - start - len(page)
        if rest > 0:
            lines.append(f"... {rest} more (misses_text(start={start + len(page)}), or "
                         f"--misses-from {start + len(page)})")
        return "\n".join(lines)

    # -- output ----------------------------------------------------------------------------

    def summary(self) -> dict[str, Any]:
        """The figures as a JSON-able dict."""
        out = dict(self.info)
        out["rows"] = len(self.rows)
        out["macro_f1"] = _number(self.macro_f1())
        out["macro_f1_over"] = self.macro_groups()
        out["all"] = _entry(self.overall.iloc[0])
        out["by_event_type"] = {k: _entry(r) for k, r in self.by_type.iterrows()}
        out["by_sub_event_type"] = {k: _entry(r) for k, r in self.by_sub_event_type.iterrows()}
        out["by_country"] = {}
        for country, row in self.by_country.iterrows():
            country = str(country)
            entry = _entry(row)
            entry["macro_f1"] = _number(self.macro_f1(country))
            entry["by_event_type"] = {k: _entry(r) for k, r in
                                      self.country_types(country).iterrows()}
            out["by_country"][country] = entry
        out["misses"] = int((~self.rows["found"]).sum())
        return out

    def report(self, countries: int = 5, misses: int = 20, misses_from: int = 0,
               misses_type: str | None = None) -> str:
        """The figures as text: per event type, per sub-event type, per country (all, then
        per type for the `countries` largest), and a page of misses."""
        info = self.info
        macro = self.macro_f1()
        lines = [(f"ACLED evaluation: {len(self.rows)} rows ({info.get('taxonomy')} "
                  f"taxonomy), {info.get('notes')} notes, {info.get('documents')} documents; "
                  f"{info.get('coded_events')} coded events "
                  f"({info.get('without_acled_type')} without an ACLED type)"),
                 "macro F1 over " + ", ".join(self.macro_groups()) + ": "
                 + ("-" if macro is None else f"{macro:.3f}"),
                 ("fields: accuracy on the n rows whose event type was found; 25km: share "
                  "within 25 km of ACLED's place; km50: median distance")]
        if info.get("source_used") is False:
            lines.append("coded without the export's source (the text alone)")
        left = info.get("left_out", {})
        if any(left.values()):
            lines.append(f"left out: {left.get('empty_notes', 0)} rows with empty notes, "
                         f"{left.get('bad_rows', 0)} unreadable rows")
        lines += ["", *_table("event type", [*self.by_type.iterrows(),
                                             ("all", self.overall.iloc[0])])]
        if len(self.by_sub_event_type):
            lines += ["", *_table("sub-event type (rows that have one)",
                                  self.by_sub_event_type.iterrows())]
        lines += ["", *_table("country", self.by_country.iterrows())]
        for country in list(self.by_country.index)[:countries]:
            title = f"{country} (macro F1 {_cell(self.macro_f1(country))})"
            lines += ["", *_table(title, self.country_types(country).iterrows())]
        if misses:
            missed = int((~self.rows["found"]).sum())
            lines += ["", f"misses ({missed} rows whose type was not found):",
                      self.misses_text(misses_from, misses, misses_type)]
        cpu = info.get("cpu_seconds", {})
        if cpu:
            lines += ["", "CPU seconds: " + ", ".join(f"{k} {v}" for k, v in cpu.items())]
        return "\n".join(lines)

    def macro_groups(self) -> list[str]:
        """The event types (Protests and Riots as one) the macro F1 is taken over."""
        held = set(self.by_group.index[self.by_group["rows"] > 0])
        return [g for g in dict.fromkeys([*self.taxonomy.macro_groups(), *sorted(held)])
                if g in held]


def _part(table: pd.DataFrame, key: str) -> pd.DataFrame:
    """The rows of a table per (key, name) whose key is `key`, indexed by name."""
    if key not in table.index.get_level_values(0):
        return table.iloc[0:0].droplevel(0)
    part = table.xs(key, level=0)
    return part if isinstance(part, pd.DataFrame) else part.to_frame().T


def _ordered(table: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    known = [k for k in order if k in table.index]
    return table.loc[known + [k for k in table.index if k not in known]]


def _entry(row: pd.Series) -> dict[str, Any]:
    head = ("rows", "found", "predictions", "correct", "precision", "recall", "f1", "scored")
    entry = {k: _number(row[k]) for k in head}
    entry["fields"] = {k: _number(row[k]) for k in (*FIELDS, "median_km")}
    return entry


def _cell(value: Any, width: int = 5) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "-".rjust(width)
    return f"{value:.2f}".rjust(width)


def _table(title: str, items: Any) -> list[str]:
    fields = " ".join(h.rjust(6) for h in _HEADS.values())
    head = f"{'rows':>6} {'pred':>6} {'P':>5} {'R':>5} {'F1':>5} | {'n':>6}"
    lines = [f"{title:<36} {head} {fields}"]
    for name, row in items:
        cells = " ".join(_cell(row[k], 6) if k != "median_km" else
                         (_cell(row[k], 6) if pd.isna(row[k]) else f"{row[k]:6.0f}")
                         for k in SHOWN_FIELDS)
        lines.append(f"{str(name)[:36]:<36} {int(row['rows']):>6} {int(row['predictions']):>6} "
                     f"{_cell(row['precision'])} {_cell(row['recall'])} {_cell(row['f1'])} | "
                     f"{int(row['scored']):>6} {cells}")
    return lines


def _excerpt(notes: Any, width: int = 110) -> str:
    text = " ".join(str(notes).split())
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"
