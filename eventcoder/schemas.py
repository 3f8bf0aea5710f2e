"""The event table's contract, as a Pandera model.

`EventSchema` is the one source of the table's columns: `EVENT_COLUMNS` lists them in order,
and `schemas/` at the top of the repository holds files generated from the model
(`python scripts/write_schemas.py`); a test fails when they drift apart.
"""

from __future__ import annotations

import inspect
import json
from itertools import chain
from pathlib import Path
from typing import Any, Optional

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.engines import pandas_engine
from pandera.typing import Series

from .errors import SchemaError

SCHEMA_VERSION = "1.0"
_ISO3 = r"^[A-Z]{3}$"


def lists_of_strings(values: list[Any]) -> list[bool]:
    """For each value: is it a list of strings?"""
    return [isinstance(v, list) and all(isinstance(s, str) for s in v) for v in values]


class Text(pandas_engine.STRING):
    """Pandera's string type (``Series[str]``), whose check answers a column of strings with
    True where Pandera's answers with an array of True: given an array, Pandera formats the
    rows it fails (none) into a message, a frame printed for each of the table's 30 string
    columns, passed or not (about 50 M instructions of a 7.8 G dense pass). A table passes
    or fails as with Pandera's type, with the same failure cases (`tests/test_speed12c.py`
    holds the two together)."""

    def check(self, pandera_dtype: Any, data_container: Any = None) -> Any:
        answer = super().check(pandera_dtype, data_container)
        return True if isinstance(answer, np.ndarray) and answer.all() else answer


class EventSchema(pa.DataFrameModel):
    """One row per event. Column names follow ACLED where the meaning is the same."""

    event_id: Series[Text] = pa.Field(
        unique=True, str_matches=r"^[0-9a-f]{16}$",
        description="stable id: hash of document, sentence, trigger, type")
    doc_id: Series[Text] = pa.Field(description="the article's id")
    sentence_index: Series[int] = pa.Field(
        ge=0, description="position of the sentence in the article")
    sentence_start: Series[int] = pa.Field(
        ge=0, description="character offset where the sentence starts")
    sentence_end: Series[int] = pa.Field(
        ge=0, description="character offset where it ends (exclusive)")
    sentence: Series[Text] = pa.Field(description="the sentence as written")
    trigger: Series[Text] = pa.Field(description="the words that named the event")
    trigger_start: Series[int] = pa.Field(ge=0, description="character offset of the trigger")
    trigger_end: Series[int] = pa.Field(ge=0, description="character offset after the trigger")
    rule: Series[Text] = pa.Field(description="the rules that fired, separated by ';'")
    event_type: Series[Text] = pa.Field(str_matches=r"^[a-z][a-z0-9_]*$",
                                        description="clash, airstrike, ceasefire, negotiation, "
                                        "mediation_offer, or a type added in the lexicon")
    acled_event_type: Series[Text] = pa.Field(nullable=True, description="nearest ACLED event type")
    acled_sub_event_type: Series[Text] = pa.Field(nullable=True,
                                                  description="nearest ACLED sub-event type")
    # The type's codes in other schemes and ACLED's flags (h/tax, issue 13 item 3).
    disorder_type: Series[Text] = pa.Field(
        nullable=True, isin=["Political violence", "Demonstrations", "Strategic developments",
                             "Political violence; Demonstrations"],
        description="ACLED's disorder type")
    civilian_targeting: Series[bool] = pa.Field(
        description="civilians are the target (ACLED's civilian_targeting column): violence "
        "against civilians, or an explosion or strike whose actor2 is civilians")
    cameo: Series[Text] = pa.Field(nullable=True, description="nearest CAMEO event code")
    plover: Series[Text] = pa.Field(nullable=True, description="nearest PLOVER event category")
    status: Series[Text] = pa.Field(str_matches=r"^[a-z][a-z0-9_]*$", description="a status "
                                   "the lexicon declares: occurred, planned, failed, alleged, "
                                   "called_for, or one added in the lexicon")
    actor1: Series[Text] = pa.Field(nullable=True, description="first side, or the attacker")
    actor1_iso3: Series[Text] = pa.Field(nullable=True, str_matches=_ISO3,
                                         description="actor1's country")
    inter1: Series[pd.Int64Dtype] = pa.Field(nullable=True, isin=list(range(1, 9)),
                                             description="ACLED actor type code of actor1")
    actor2: Series[Text] = pa.Field(nullable=True, description="second side, or the target")
    actor2_iso3: Series[Text] = pa.Field(nullable=True, str_matches=_ISO3,
                                         description="actor2's country")
    inter2: Series[pd.Int64Dtype] = pa.Field(nullable=True, isin=list(range(1, 9)),
                                             description="ACLED actor type code of actor2")
    # -- ACLED's associated actors (h/crowd) --
    assoc_actor_1: Series[Text] = pa.Field(nullable=True, description="groups acting with or "
                                          "as actor1 (a party behind Protesters), '; '-joined")
    assoc_actor_2: Series[Text] = pa.Field(nullable=True, description="groups acting with or "
                                          "as actor2, '; '-joined")
    # --
    interaction: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=10, le=88,
                                                  description="ACLED interaction code")
    mediators: Series[object] = pa.Field(description="names of third parties (list)")
    mediators_iso3: Series[object] = pa.Field(description="their countries (list)")
    actors_inferred: Series[bool] = pa.Field(description="sides taken from the article's context")
    location: Series[Text] = pa.Field(nullable=True, description="most precise place named")
    admin1: Series[Text] = pa.Field(nullable=True, description="first-level region of the place")
    country: Series[Text] = pa.Field(nullable=True, description="country of the place")
    iso3: Series[Text] = pa.Field(nullable=True, str_matches=_ISO3,
                                 description="its ISO alpha-3 code")
    border_iso3: Series[Text] = pa.Field(nullable=True, str_matches=_ISO3,
                                         description="for a border, the other country")
    latitude: Series[float] = pa.Field(nullable=True, ge=-90, le=90)
    longitude: Series[float] = pa.Field(nullable=True, ge=-180, le=180)
    geo_precision: Series[pd.Int64Dtype] = pa.Field(nullable=True, isin=[1, 2, 3],
                                                    description="ACLED: 1 town, 2 near a town or "
                                                    "part of a region, 3 region only")
    # -- issue 14: where, as the gazetteer and the text name it --------------------------
    admin2: Series[Text] = pa.Field(nullable=True, description="second-level unit (district) "
                                   "of the place, where the gazetteer has it")
    admin3: Series[Text] = pa.Field(nullable=True, description="third-level unit, where the "
                                   "gazetteer has it")
    location_text: Series[Text] = pa.Field(nullable=True, description="the place's name as the "
                                          "article writes it")
    location_ascii: Series[Text] = pa.Field(nullable=True, description="the place's name in "
                                           "ASCII letters (GeoNames' asciiname)")
    event_date: Series[pa.DateTime] = pa.Field(nullable=True, description="resolved event date")
    time_precision: Series[pd.Int64Dtype] = pa.Field(nullable=True, isin=[1, 2, 3],
                                                     description="ACLED: 1 day, 2 week, 3 month")
    date_text: Series[Text] = pa.Field(nullable=True, description="the date words of the text")
    fatalities: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0,
                                                 description="deaths reported (ACLED conventions)")
    mentions: Series[int] = pa.Field(ge=1, description="sentences that report this event "
                                     "(merged into one row), in every article")
    mention_sentences: Series[object] = pa.Field(description="the other sentences that report "
                                                 "it (list)")
    # -- one event, many reports (eventcoder.merge): the articles merged into the row ----------
    n_sources: Series[int] = pa.Field(ge=1, description="articles that report the event")
    doc_ids: Series[object] = pa.Field(description="their ids, sorted (list; doc_id is one)")
    mention_doc_ids: Series[object] = pa.Field(description="the article of each of "
                                               "mention_sentences (list)")
    mention_offsets: Series[object] = pa.Field(description="where each of mention_sentences "
                                               "is in its article, 'start:end' (list)")
    merged_ids: Series[object] = pa.Field(description="event ids of the other articles' rows "
                                          "merged into this one (merge='article'), sorted (list)")
    source: Series[Text] = pa.Field(nullable=True, description="the article's source")
    published: Series[pa.DateTime] = pa.Field(nullable=True, description="publication date")
    url: Series[Text] = pa.Field(nullable=True, description="the article's URL")

    class Config:
        strict = True
        coerce = True
        ordered = True
        name = "events"

    # One pass over the column: an element-wise check costs a Pandera call per value.
    # (ignore_na=False here and in the table's checks below: Pandera would otherwise look
    # for nulls in the column, or in all 56 columns, once per check; in a column of lists
    # that costs more than the check. The list columns are not nullable, and no row is all
    # null (event_id is not nullable): a table the checks pass is the same either way.)
    @pa.check("mediators", "mediators_iso3", "mention_sentences", "doc_ids",
              "mention_doc_ids", "mention_offsets", "merged_ids", name="list_of_strings",
              ignore_na=False)
    @classmethod
    def _lists(cls, column: pd.Series) -> pd.Series:
        values = column.tolist()
        # The whole column at once first, the types of its values and of their items
        # gathered at C speed: a coded table passes, and the answer of each row (the plain
        # test, `lists_of_strings`) is needed only to name the rows of one that does not.
        if set(map(type, values)) <= {list} and \
                set(map(type, chain.from_iterable(values))) <= {str}:
            return pd.Series(True, index=column.index, dtype=bool)
        return pd.Series(lists_of_strings(values), index=column.index, dtype=bool)

    @pa.dataframe_check(name="offsets_in_order", ignore_na=False)
    @classmethod
    def _offsets(cls, df: pd.DataFrame) -> pd.Series[bool]:
        return (df["sentence_start"] <= df["trigger_start"]) & (
            df["trigger_start"] < df["trigger_end"]) & (df["trigger_end"] <= df["sentence_end"])

    @pa.dataframe_check(name="sources_counted", ignore_na=False)
    @classmethod
    def _sources(cls, df: pd.DataFrame) -> pd.Series:
        """n_sources counts doc_ids, which hold doc_id."""
        return pd.Series([isinstance(ids, list) and n == len(ids) and doc in ids
                          for n, ids, doc in zip(df["n_sources"].tolist(), df["doc_ids"].tolist(),
                                                 df["doc_id"].tolist())],
                         index=df.index, dtype=bool)

    @pa.dataframe_check(name="date_has_precision", ignore_na=False)
    @classmethod
    def _precision(cls, df: pd.DataFrame) -> pd.Series[bool]:
        return df["event_date"].isna() == df["time_precision"].isna()


# The columns in order, read from the model's annotations, which Pandera builds its columns
# from: `EventSchema.to_schema()` would give the same list but costs about 0.2 CPU-s the first
# time, paid by every import of eventcoder that never validates a table.
EVENT_COLUMNS: tuple[str, ...] = tuple(
    name for name in inspect.get_annotations(EventSchema) if not name.startswith("_"))


def empty_events() -> pd.DataFrame:
    """A table with the event columns and no rows."""
    return pd.DataFrame({c: pd.Series([], dtype=object) for c in EVENT_COLUMNS})


def validate_events(frame: pd.DataFrame, event_types: Optional[set[str]] = None,
                    statuses: Optional[set[str]] = None) -> pd.DataFrame:
    """Validate (and coerce) an event table; raise `SchemaError` listing every failure.
    `event_types` and `statuses`, if given, are those the lexicon declares: a value outside
    them is reported with the schema's own failures, all at once."""
    unknown = [*_not_declared(frame, "event_type", event_types, "event types"),
               *_not_declared(frame, "status", statuses, "statuses")]
    try:
        valid = EventSchema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        summary = cases[["column", "check", "failure_case"]].head(20).to_string(index=False)
        raise SchemaError("\n".join([f"the event table breaks the schema in {len(cases)} "
                                     f"place(s):\n{summary}", *unknown]), cases) from None
    if unknown:
        raise SchemaError("\n".join(unknown))
    return valid


def _not_declared(frame: pd.DataFrame, column: str, declared: Optional[set[str]],
                  what: str) -> list[str]:
    """A message naming the values of `column` outside `declared`, if any."""
    if declared is None or column not in frame.columns:
        return []
    # The distinct values first: iterating a whole Arrow-backed string column yields one
    # Python string per row, about 3 us each.
    unknown = {str(v) for v in frame[column].dropna().unique()} - declared
    return [f"{what} not in the lexicon: {', '.join(sorted(unknown))}"] if unknown else []


def _logical_type(dtype: Any) -> str:
    """A name for a column's type that does not depend on the pandas version."""
    text = str(dtype).lower()
    for needle, name in (("str", "string"), ("datetime", "timestamp"), ("bool", "bool"),
                         ("float", "float64"), ("int64", "int64"), ("object", "list<string>")):
        if needle in text:
            return "nullable int64" if name == "int64" and text.startswith("int64") and \
                str(dtype) == "Int64" else name
    return text


def _check_text(check: Any) -> str:
    stats = {k: v for k, v in (check.statistics or {}).items() if v is not None}
    return f"{check.name}({json.dumps(stats, default=str, sort_keys=True)})" if stats \
        else str(check.name)


def schema_documents() -> dict[str, str]:
    """The published schema files, generated from the model: file name -> text."""
    schema = EventSchema.to_schema()
    columns = []
    for name, column in schema.columns.items():
        columns.append({"name": name, "type": _logical_type(column.dtype),
                        "nullable": column.nullable, "unique": column.unique,
                        "description": column.description or "",
                        "checks": [_check_text(c) for c in column.checks]})
    document = {"name": "events", "version": SCHEMA_VERSION, "strict": True,
                "columns": columns, "table_checks": [_check_text(c) for c in schema.checks]}
    return {"events.schema.json": json.dumps(document, indent=2, ensure_ascii=False) + "\n"}


def write_schema_files(folder: str | Path) -> list[Path]:
    out = []
    for name, text in schema_documents().items():
        path = Path(folder) / name
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


# --- the input article frame (Coder.code_frame, code_dask's frames) --------------------------

def _strings(column: pd.Series, blank: bool = True) -> pd.Series:
    """Which values are strings (non-blank ones unless `blank`)."""
    return pd.Series([isinstance(v, str) and (blank or not v.isspace() and v != "")
                      for v in column.tolist()], index=column.index, dtype=bool)


class ArticleSchema(pa.DataFrameModel):
    """One row per article. Either `id` or `doc_id` names the article (`id` wins when a
    frame has both); other columns are allowed and ignored. Publication values are read by
    the rules of `eventcoder.published`, row by row."""

    id: Optional[Series[Any]] = pa.Field(description="the article's id: a string or an integer")
    doc_id: Optional[Series[Any]] = pa.Field(description="the id, when there is no 'id' column")
    text: Series[Any] = pa.Field(description="the article's text, not blank")
    published: Optional[Series[Any]] = pa.Field(nullable=True, description="publication date")
    source: Optional[Series[Any]] = pa.Field(nullable=True, description="the source's name")
    url: Optional[Series[Any]] = pa.Field(nullable=True, description="the article's URL")

    class Config:
        strict = False
        coerce = False
        name = "articles"

    @pa.check("id", "doc_id", name="an_id")
    @classmethod
    def _id(cls, column: pd.Series) -> pd.Series:
        return pd.Series([isinstance(v, str) and v.strip() != "" or
                          isinstance(v, (int, np.integer)) and not isinstance(v, (bool, np.bool_))
                          for v in column.tolist()], index=column.index, dtype=bool)

    @pa.check("text", name="a_text")
    @classmethod
    def _text(cls, column: pd.Series) -> pd.Series:
        return _strings(column, blank=False)

    @pa.check("source", "url", name="a_string")
    @classmethod
    def _string(cls, column: pd.Series) -> pd.Series:
        return _strings(column)

    @pa.dataframe_check(name="an_id_column")
    @classmethod
    def _id_column(cls, df: pd.DataFrame) -> bool:
        return "id" in df.columns or "doc_id" in df.columns


_ARTICLE_MESSAGES = {
    ("id", "not_nullable"): "the article has no id",
    ("id", "an_id"): "the id must be a non-blank string or an integer",
    ("text", "not_nullable"): "the article text is empty",
    ("text", "a_text"): "the article text is empty or not a string",
    ("source", "a_string"): "'source' must be a string",
    ("url", "a_string"): "'url' must be a string",
}


def article_problems(frame: pd.DataFrame) -> tuple[str, dict[int, str]]:
    """The id column of an article frame, and the first problem of each row that breaks
    `ArticleSchema`, by row position. A frame without the columns is an `InputError`."""
    from .errors import InputError, Problem

    columns = getattr(frame, "columns", ())
    id_col = "id" if "id" in columns else "doc_id"
    if id_col not in columns or "text" not in columns:
        raise InputError(Problem("<DataFrame>", None, "needs columns 'id' (or 'doc_id') and "
                                 f"'text'; it has {', '.join(map(str, columns)) or 'none'}"))
    used = [c for c in (id_col, "text", "published", "source", "url") if c in columns]
    view = frame[used].reset_index(drop=True)
    try:
        ArticleSchema.validate(view, lazy=True)
    except pa.errors.SchemaErrors as exc:
        return id_col, _row_messages(exc.failure_cases, id_col)
    return id_col, {}


def _row_messages(cases: pd.DataFrame, id_col: str) -> dict[int, str]:
    out: dict[int, str] = {}
    for column, check, index in zip(cases["column"], cases["check"], cases["index"]):
        if index is None or pd.isna(index):
            continue
        key = ("id" if column == id_col else str(column), str(check))
        message = _ARTICLE_MESSAGES.get(key, f"'{column}' breaks the check {check}")
        out.setdefault(int(index), message)
    return out
