"""The event record: one row of the dataset, as the coder builds it."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from .resolve.actors import Actor, same_actor
from .resolve.places import Location

# The dataset's columns, in order. Names are a published contract (see schemas/).
COLUMNS = [
    "event_id", "doc_id", "sentence_index", "sentence_start", "sentence_end", "sentence",
    "trigger", "trigger_start", "trigger_end", "rule", "event_type", "acled_event_type",
    "acled_sub_event_type", "status", "actor1", "actor1_iso3", "inter1", "actor2",
    "actor2_iso3", "inter2", "interaction", "mediators", "mediators_iso3", "actors_inferred",
    "location", "admin1", "country", "iso3", "border_iso3", "latitude", "longitude",
    "geo_precision", "event_date", "time_precision", "date_text", "fatalities", "mentions",
    "mention_sentences", "source", "published", "url",
]
# Every column None: `EventRecord.row` copies it and fills it in. Read-only.
_BLANK_ROW = MappingProxyType(dict.fromkeys(COLUMNS))


def event_id(doc_id: str, sentence_start: int, trigger_start: int, event_type: str,
             part: int) -> str:
    """Stable across runs and batches: it depends only on the document and the mention."""
    key = f"{doc_id}\x1f{sentence_start}\x1f{trigger_start}\x1f{event_type}\x1f{part}"
    # The first 8 bytes in hex: the first 16 hex digits, without the other 24 made and cut.
    return hashlib.sha1(key.encode("utf-8")).digest()[:8].hex()


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: both actor types, the lower first; a sole actor's type x 10."""
    if inter1 is None or inter2 is None:
        sole = inter2 if inter1 is None else inter1
        return None if sole is None else sole * 10
    return min(inter1, inter2) * 10 + max(inter1, inter2)


@dataclass(slots=True)  # made for every event and read for its row: no instance dict
class EventRecord:
    doc_id: str
    sentence_index: int
    sentence_start: int
    sentence_end: int
    sentence: str
    trigger: str
    trigger_start: int
    trigger_end: int
    event_type: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    status: str
    rules: list[str]
    part: int = 0
    actor1: Actor | None = None
    actor2: Actor | None = None
    mediators: list[Actor] = field(default_factory=list)
    actors_inferred: bool = False
    location: Location | None = None
    event_date: dt.date | None = None
    time_precision: int | None = None
    date_text: str | None = None
    fatalities: int | None = None
    source: str | None = None
    published: dt.date | None = None
    url: str | None = None
    # Left for the document context to settle (not columns):
    pending_organs: list[tuple[int, str]] = field(default_factory=list)
    border_pending: bool = False
    # Other sentences of the article that report the same event (merged into this row).
    other_mentions: list[str] = field(default_factory=list)

    def keep_sides_apart(self) -> None:
        """No actor is on both sides of an event (a name read twice, or two names of one
        actor): the repeated second side is dropped, for the context to fill if it can."""
        if same_actor(self.actor1, self.actor2):
            self.actor2 = None
            self.rules.append("side_repeated")

    def row(self) -> dict[str, Any]:
        """The record as a row of the dataset. A copy of the blank row, filled in: Python
        builds a display of 41 keys in chunks of 16 and merges them, at half again the cost;
        and the columns of a missing actor or place are left as they are, None."""
        row = _BLANK_ROW.copy()
        row["event_id"] = event_id(self.doc_id, self.sentence_start, self.trigger_start,
                                   self.event_type, self.part)
        row["doc_id"] = self.doc_id
        row["sentence_index"] = self.sentence_index
        row["sentence_start"] = self.sentence_start
        row["sentence_end"] = self.sentence_end
        row["sentence"] = self.sentence
        row["trigger"] = self.trigger
        row["trigger_start"] = self.trigger_start
        row["trigger_end"] = self.trigger_end
        row["rule"] = ";".join(dict.fromkeys(self.rules))
        row["event_type"] = self.event_type
        row["acled_event_type"] = self.acled_event_type
        row["acled_sub_event_type"] = self.acled_sub_event_type
        row["status"] = self.status
        a1, a2, loc = self.actor1, self.actor2, self.location
        inter1 = inter2 = None
        if a1 is not None:
            row["actor1"], row["actor1_iso3"] = a1.name, a1.iso3
            row["inter1"] = inter1 = a1.inter
        if a2 is not None:
            row["actor2"], row["actor2_iso3"] = a2.name, a2.iso3
            row["inter2"] = inter2 = a2.inter
        row["interaction"] = interaction(inter1, inter2)
        mediators = self.mediators
        if mediators:  # most events have none: two empty lists, without two comprehensions
            row["mediators"] = [m.name for m in mediators]
            row["mediators_iso3"] = [m.iso3 for m in mediators if m.iso3]
        else:
            row["mediators"], row["mediators_iso3"] = [], []
        row["actors_inferred"] = self.actors_inferred
        if loc is not None:
            row["location"], row["admin1"], row["country"] = loc.name, loc.admin1, loc.country
            row["iso3"], row["border_iso3"] = loc.iso3, loc.border_iso3
            row["latitude"], row["longitude"] = loc.latitude, loc.longitude
            row["geo_precision"] = loc.precision
        row["event_date"] = self.event_date
        row["time_precision"] = self.time_precision
        row["date_text"] = self.date_text
        row["fatalities"] = self.fatalities
        row["mentions"] = 1 + len(self.other_mentions)
        row["mention_sentences"] = list(self.other_mentions)
        row["source"] = self.source
        row["published"] = self.published
        row["url"] = self.url
        return row
