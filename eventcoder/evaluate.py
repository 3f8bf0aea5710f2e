"""Score coded events against gold annotations (the gold format: docs/gold-format.md).

A coded event matches a gold mention when it is in the same document, one of its sentences
(a merged row has several) contains the gold quote, and its type is the gold type. Recall
counts required mentions found; an event that matches no gold mention, required or optional,
is an extra. Fields present in a gold mention are scored on the matched pairs.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import warnings
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, cast

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, \
    model_validator

from .errors import InputError, Problem
from .lexicon.model import IDENT
from .text import Folder

FIELDS = ("parties", "actor1", "actor2", "mediators", "location", "country", "event_date",
          "status", "fatalities")

_Code = Annotated[str, Field(min_length=1)]
_ISO3 = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]


class GoldRecord(BaseModel):
    """One gold mention: a line of a gold file. A field left out is not scored; null is
    refused (leave the field out instead). Types are strict: `"3"` is no count."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    doc_id: str = Field(min_length=1, description="the article's id")
    quote: str = Field(min_length=1, description="an exact substring of the sentence that "
                       "reports the event")
    event_type: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="the event type's id")
    required: bool = Field(True, description="false: coding it is neither rewarded nor "
                           "punished, but its fields must be right if coded")
    status: str | None = Field(None, description="one of the statuses")
    parties: list[_Code] | None = Field(None, min_length=2, max_length=2,
                                        description="the two sides, in any order")
    actor1: _Code | None = Field(None, description="the side that acts (one-sided events)")
    actor2: _Code | None = Field(None, description="the target, when named")
    mediators: list[_ISO3] | None = Field(None, description="third parties, ISO alpha-3")
    location: _Code | None = Field(None, description="the most precise place named")
    country: _ISO3 | None = Field(None, description="the place's country, ISO alpha-3")
    event_date: str | None = Field(None, pattern=r"^\d{4}-\d{2}(-\d{2})?$",
                                   description="YYYY-MM-DD, or YYYY-MM for a month")
    time_precision: int | None = Field(None, ge=1, le=3,
                                       description="1 day, 2 week (its Monday), 3 month")
    fatalities: int | None = Field(None, ge=0, description="deaths reported")
    note: str | None = Field(None, description="why, where it is not obvious")

    @model_validator(mode="before")
    @classmethod
    def _no_nulls(cls, data: Any) -> Any:
        if isinstance(data, dict):
            nulls = sorted(k for k, v in data.items() if v is None)
            if nulls:
                raise ValueError(f"null for {', '.join(nulls)}: leave a field out instead")
        return data

    @field_validator("status")
    @classmethod
    def _known_status(cls, value: str) -> str:
        if not re.fullmatch(IDENT, value):
            raise ValueError(f"{value!r} is not a status name (lower case, digits, underscores)")
        return value

    @field_validator("parties")
    @classmethod
    def _two_sides(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("the two parties are the same")
        return value

    @model_validator(mode="after")
    def _date_fits_precision(self) -> GoldRecord:
        if (self.event_date is None) != (self.time_precision is None):
            raise ValueError("event_date and time_precision go together")
        if self.event_date is not None:
            month = self.time_precision == 3
            if month != (len(self.event_date) == 7):
                raise ValueError(f"event_date {self.event_date!r} must be YYYY-MM for precision"
                                 f" 3 and YYYY-MM-DD for precision 1 or 2")
            try:
                day = dt.date.fromisoformat(self.event_date + ("-01" if month else ""))
            except ValueError:
                raise ValueError(f"event_date {self.event_date!r} is not a real date") from None
            if self.time_precision == 2 and day.weekday() != 0:
                raise ValueError(f"event_date {self.event_date!r}: a week (precision 2) is "
                                 f"written as its Monday")
        return self


def _explain(error: ValidationError) -> str:
    parts = []
    for e in error.errors():
        where = ".".join(str(x) for x in e["loc"])
        parts.append(f"{where}: {e['msg']}" if where else str(e["msg"]))
    return "; ".join(parts)


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """The gold mentions of a JSON Lines file, as dicts of the fields given (plus `_line`).
    A malformed line raises `InputError` naming the file, the line and every problem in it;
    blank lines are skipped."""
    gold = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(Problem(str(path), number, f"malformed JSON: {exc.msg}")) from None
        try:
            record = GoldRecord.model_validate(item)
        except ValidationError as exc:
            raise InputError(Problem(str(path), number, f"bad gold entry: {_explain(exc)}")
                             ) from None
        gold.append({**record.model_dump(exclude_unset=True), "_line": number})
    return gold


class ActorKeys:
    """Turns gold actor codes and coded actors into comparable keys."""

    def __init__(self, coder: Any = None) -> None:
        self.folder = Folder()
        self.names: dict[str, str] = {}
        self.states: set[str] = set()
        self.gazetteer = getattr(coder, "gazetteer", None)
        if coder is not None:
            self.states = {c.iso3 for c in coder.lexicon.countries}
            for g in coder.lexicon.groups:
                for alias in {g.id, g.name, *g.forms()}:
                    key = self.folder.fold(alias).replace("_", " ")
                    self.names.setdefault(key, g.state or self.folder.fold(g.name))

    def same_place(self, gold: str, coded: str) -> bool:
        """The same place, perhaps spelled differently ("En Nahud" / "An Nuhud")."""
        folded = self.folder.fold(gold)
        if folded == coded:
            return True
        return self.gazetteer is not None and any(
            self.folder.fold(r.name) == coded for r in self.gazetteer.candidates(folded))

    def gold(self, code: str) -> str:
        if code.upper() == "UNIDENTIFIED":
            return "unidentified"
        if code in self.states or (not self.states and len(code) == 3 and code.isupper()):
            return code
        return self.names.get(self.folder.fold(code).replace("_", " "), self.folder.fold(code))

    def coded(self, name: Any, iso3: Any, inter: Any) -> str | None:
        if name is None or (isinstance(name, float) and pd.isna(name)):
            return None
        if inter == 1 and isinstance(iso3, str) and " of " in str(name):
            return iso3  # an organ of a state ("Military Forces of Pakistan")
        folded = self.folder.fold(str(name))
        if folded.startswith("unidentified"):
            return "unidentified"
        return self.names.get(folded, folded)


@dataclass
class Evaluation:
    required: int = 0
    found_required: int = 0
    coded: int = 0
    matched: int = 0
    field_hits: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    field_total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    by_type: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(
        lambda: defaultdict(int)))
    type_fields: dict[str, dict[str, list[int]]] = field(default_factory=lambda: defaultdict(
        lambda: defaultdict(lambda: [0, 0])))  # type -> field -> [hits, total]
    misses: list[dict[str, Any]] = field(default_factory=list)
    extras: list[dict[str, Any]] = field(default_factory=list)
    field_errors: list[str] = field(default_factory=list)
    gold_left_out: int = 0  # gold lines about articles that were not coded

    @property
    def recall(self) -> float:
        return self.found_required / self.required if self.required else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.coded if self.coded else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def field_accuracy(self) -> float:
        total = sum(self.field_total.values())
        return sum(self.field_hits.values()) / total if total else 1.0

    def field_scores(self) -> dict[str, float]:
        return {f: self.field_hits[f] / self.field_total[f] for f in FIELDS if self.field_total[f]}

    def summary(self) -> dict[str, Any]:
        return {"required": self.required, "found_required": self.found_required,
                "recall": round(self.recall, 3), "coded": self.coded, "matched": self.matched,
                "extras": len(self.extras), "precision": round(self.precision, 3),
                "f1": round(self.f1, 3), "field_accuracy": round(self.field_accuracy, 3),
                "gold_left_out": self.gold_left_out,
                "fields": {k: round(v, 3) for k, v in self.field_scores().items()},
                "by_type": {t: {**dict(v), "fields": {
                    f: round(h / n, 3) for f, (h, n) in sorted(self.type_fields[t].items()) if n}}
                    for t, v in sorted(self.by_type.items())}}

    def report(self) -> str:
        s = self.summary()
        lines = [f"required recall {s['recall']:.3f} ({s['found_required']}/{s['required']}), "
                 f"precision {s['precision']:.3f} ({s['matched']}/{s['coded']} coded, "
                 f"{s['extras']} extra), F1 {s['f1']:.3f}, field accuracy "
                 f"{s['field_accuracy']:.3f}"]
        lines.append("fields: " + ", ".join(f"{k} {v:.2f}" for k, v in s["fields"].items()))
        if self.gold_left_out:
            lines.append(f"({self.gold_left_out} gold lines about articles not given: "
                         "not scored)")
        for event_type, counts in s["by_type"].items():
            fields = counts.pop("fields", {})
            lines.append(f"  {event_type}: " + ", ".join(f"{k} {v}" for k, v in counts.items())
                         + ("; fields " + ", ".join(f"{k} {v:.2f}" for k, v in fields.items())
                            if fields else ""))
        lines += [f"MISS  {m['doc_id']}: [{m['event_type']}] {m['quote']}" for m in self.misses]
        lines += [f"EXTRA {e['doc_id']}#{e['sentence_index']}: [{e['event_type']}/{e['status']}] "
                  f"{e['sentence'][:100]}" for e in self.extras]
        lines += [f"FIELD {x}" for x in self.field_errors]
        return "\n".join(lines)


def _values(event: dict[str, Any], keys: ActorKeys) -> dict[str, Any]:
    a1 = keys.coded(event.get("actor1"), event.get("actor1_iso3"), event.get("inter1"))
    a2 = keys.coded(event.get("actor2"), event.get("actor2_iso3"), event.get("inter2"))
    date = event.get("event_date")
    precision = event.get("time_precision")
    text_date = None
    if date is not None and not pd.isna(date):
        stamp = pd.Timestamp(date)
        text_date = stamp.strftime("%Y-%m") if precision == 3 else stamp.strftime("%Y-%m-%d")
    fat = event.get("fatalities")
    return {
        "parties": {k for k in (a1, a2) if k}, "actor1": a1, "actor2": a2,
        "mediators": set(event.get("mediators_iso3") or []),
        "location": keys.folder.fold(str(event.get("location") or "")),
        "country": event.get("iso3"), "event_date": (text_date, precision),
        "status": event.get("status"),
        "fatalities": None if fat is None or pd.isna(fat) else int(fat),
    }


def _compare(gold: dict[str, Any], coded: dict[str, Any], keys: ActorKeys) -> dict[str, bool]:
    out = {}
    if "parties" in gold:
        out["parties"] = {keys.gold(p) for p in gold["parties"]} == coded["parties"]
    for name in ("actor1", "actor2"):
        if name in gold:
            out[name] = keys.gold(gold[name]) == coded[name]
    if "mediators" in gold:
        out["mediators"] = set(gold["mediators"]) == coded["mediators"]
    if "location" in gold:
        out["location"] = keys.same_place(gold["location"], coded["location"])
    if "country" in gold and "location" not in gold or "country" in gold and gold.get("country"):
        out["country"] = gold.get("country") == coded["country"]
    if "event_date" in gold:
        out["event_date"] = (gold["event_date"], gold.get("time_precision")) == coded["event_date"]
    if "status" in gold:
        out["status"] = gold["status"] == coded["status"]
    if "fatalities" in gold:
        out["fatalities"] = gold["fatalities"] == coded["fatalities"]
    return out


_Pair = tuple[bool, int, int, int, int, dict[str, bool]]


def _pairs(gold: list[dict[str, Any]], rows: list[dict[str, Any]], keys: ActorKeys
           ) -> list[_Pair]:
    """Every (gold mention, event, sentence of the event) that could match, best first:
    required mentions, then those on which more fields agree."""
    pairs = []
    for gi, g in enumerate(gold):
        for ei, e in enumerate(rows):
            if e["doc_id"] != g["doc_id"] or e["event_type"] != g["event_type"]:
                continue
            # A merged row reports its event in several sentences; each may match a mention.
            sentences = [e["sentence"], *list(e.get("mention_sentences") or [])]
            for unit, sentence in enumerate(sentences):
                if g["quote"] in sentence:
                    agree = _compare(g, _values(e, keys), keys)
                    pairs.append((not g.get("required", True), -sum(agree.values()), gi, ei,
                                  unit, agree))
    return sorted(pairs, key=lambda p: p[:5])


def _score_fields(result: Evaluation, g: dict[str, Any], event: dict[str, Any],
                  agree: dict[str, bool], keys: ActorKeys) -> None:
    for name, ok in agree.items():
        result.field_total[name] += 1
        result.field_hits[name] += int(ok)
        result.type_fields[g["event_type"]][name][0] += int(ok)
        result.type_fields[g["event_type"]][name][1] += 1
        if not ok:
            coded = _values(event, keys)[name]
            result.field_errors.append(f"{g['doc_id']}: [{g['event_type']}] {name}: gold "
                                       f"{g.get(name)!r} coded {coded!r} ({g['quote'][:60]})")


def evaluate_frame(events: pd.DataFrame, gold: list[dict[str, Any]], coder: Any = None
                   ) -> Evaluation:
    """Score an event table against gold mentions."""
    keys = ActorKeys(coder)
    result = Evaluation()
    rows = cast("list[dict[str, Any]]", events.to_dict("records"))
    result.coded = len(rows)
    result.required = sum(1 for g in gold if g.get("required", True))
    used_gold: set[int] = set()
    used_units: set[tuple[int, int]] = set()
    used_event: set[int] = set()
    for optional, _, gi, ei, unit, agree in _pairs(gold, rows, keys):
        if gi in used_gold or (ei, unit) in used_units:
            continue
        used_gold.add(gi)
        used_units.add((ei, unit))
        g = gold[gi]
        if ei not in used_event:
            result.matched += 1
            result.by_type[g["event_type"]]["matched"] += 1
        used_event.add(ei)
        result.found_required += not optional
        _score_fields(result, g, rows[ei], agree, keys)
    for gi, g in enumerate(gold):
        required = g.get("required", True)
        result.by_type[g["event_type"]]["gold_required" if required else "gold_optional"] += 1
        if gi not in used_gold and required:
            result.misses.append(g)
    for ei, e in enumerate(rows):
        result.by_type[e["event_type"]]["coded"] += 1
        if ei not in used_event:
            # A second event for a gold mention already matched is an extra too.
            result.extras.append(e)
    return result


def evaluate(inputs: Any, gold: str | Path | list[dict[str, Any]], coder: Any = None
             ) -> Evaluation:
    """Code `inputs` (files or folders) and score them against a gold file.

    Only the gold lines of the articles read are scored: a gold file may annotate more
    articles than `inputs` holds. The others are left out with a warning and counted
    (``gold_left_out``); a gold file with no line for any article read is an error."""
    from .coder import Coder
    from .documents import read_paths

    coder = coder or Coder()
    gold_items = read_gold(gold) if isinstance(gold, (str, Path)) else gold
    paths = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)
    documents = list(read_paths(paths))
    events = coder.code_documents(documents, merge="article")  # gold events are per article
    read = {document.doc_id for document in documents}
    kept = [g for g in gold_items if g["doc_id"] in read]
    if gold_items and not kept:
        raise InputError(Problem(str(gold), None, "no gold line is about an article given "
                                 f"({len(read)} read): are these the articles it annotates?"))
    left_out = len(gold_items) - len(kept)
    if left_out:
        warnings.warn(f"{left_out} gold line(s) about articles not given were left out "
                      "(not scored)", stacklevel=2)
    result = evaluate_frame(events, kept, coder)
    result.gold_left_out = left_out
    return result
