"""The event record: one row of the dataset, as the coder builds it.

Every column of the dataset is read off the record by its name alone (see `events.RowMaker`):
a field or a property of the record named as the column, or an attribute of an object the
record holds (`HELD_COLUMNS`: the actors `side1` and `side2`, the `place`). A new column is
a field or a property here and a column of the schema, nothing else.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from ..lexicon.model import EventType
from .actors import Actor, same_actor
from .places import Location


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
    part: int = 0  # which of the events one mention stands for ("killed 3 in A and 4 in B")
    side1: Actor | None = None
    side2: Actor | None = None
    mediator_actors: list[Actor] = field(default_factory=list)
    # ACLED's associated actors of each side: the party or union behind "Protesters (India)".
    associates1: list[Actor] = field(default_factory=list)
    associates2: list[Actor] = field(default_factory=list)
    actors_inferred: bool = False
    place: Location | None = None
    event_date: dt.date | None = None
    time_precision: int | None = None
    date_text: str | None = None
    fatalities: int | None = None
    source: str | None = None
    published: dt.date | None = None
    url: str | None = None
    # Other sentences of the article that report the same event (merged into this row),
    # and where each is in the article ("start:end").
    mention_sentences: list[str] = field(default_factory=list)
    mention_offsets: list[str] = field(default_factory=list)
    # The type's codes and ACLED's flags, set with the type (`resolve.event.typed`).
    disorder_type: str | None = None
    cameo: str | None = None
    plover: str | None = None
    targeting: str = "never"  # always, target (when actor2 is civilians) or never

    def keep_sides_apart(self) -> None:
        """No actor is on both sides of an event (a name read twice, or two names of one
        actor): the repeated second side is dropped, for the context to fill if it can."""
        if same_actor(self.side1, self.side2) and not _crowd(self.side1):
            self.side2 = None
            self.rules.append("side_repeated")

    # -- columns computed from the record's fields ---------------------------------------

    @property
    def event_id(self) -> str:
        """Stable across runs and batches: it depends only on the document and the mention."""
        key = f"{self.doc_id}\x1f{self.sentence_start}\x1f{self.trigger_start}\x1f" \
            f"{self.event_type}\x1f{self.part}"
        # The first 8 bytes in hex: the first 16 hex digits, without the other 24 made and cut.
        return hashlib.sha1(key.encode("utf-8")).digest()[:8].hex()

    @property
    def rule(self) -> str:
        return ";".join(dict.fromkeys(self.rules))

    @property
    def interaction(self) -> int | None:
        """ACLED's interaction code: both actor types, the lower first; a sole actor's x 10."""
        a, b = self.side1, self.side2
        if a is None or b is None:
            sole = b if a is None else a
            return None if sole is None else sole.inter * 10
        return min(a.inter, b.inter) * 10 + max(a.inter, b.inter)

    # (Most events have no mediator, and need no comprehension run.)
    @property
    def mediators(self) -> list[str]:
        return [m.name for m in self.mediator_actors] if self.mediator_actors else []

    @property
    def mediators_iso3(self) -> list[str]:
        return [m.iso3 for m in self.mediator_actors if m.iso3] if self.mediator_actors else []

    # ACLED writes several associated actors in one cell, separated by "; ".
    @property
    def assoc_actor_1(self) -> str | None:
        return "; ".join(a.name for a in self.associates1) if self.associates1 else None

    @property
    def assoc_actor_2(self) -> str | None:
        return "; ".join(a.name for a in self.associates2) if self.associates2 else None

    @property
    def civilian_targeting(self) -> bool:
        """ACLED's flag: always for violence against civilians; for a bomb or a strike,
        when its target (actor2) is civilians."""
        if self.targeting == "always":
            return True
        side = self.side2
        return self.targeting == "target" and side is not None and side.actor_type == "civilians"

    @property
    def mentions(self) -> int:
        return 1 + len(self.mention_sentences)

    # -- one article's row: eventcoder.merge joins the rows of articles reporting one event

    @property
    def n_sources(self) -> int:
        return 1

    @property
    def doc_ids(self) -> list[str]:
        return [self.doc_id]

    @property
    def mention_doc_ids(self) -> list[str]:
        return [self.doc_id] * len(self.mention_sentences)

    @property
    def merged_ids(self) -> list[str]:
        return []


def _crowd(actor: Actor | None) -> bool:
    """A crowd may face a crowd of the same name: ACLED codes two communities or parties
    fighting as "Rioters (India)" against "Rioters (India)"."""
    return actor is not None and actor.actor_type in {"rioters", "protesters"}


# Columns read off an object the record holds, null when it holds none: column -> (the
# record's attribute, the object's). Every other column is the record's field or property
# of the column's name.
HELD_COLUMNS: dict[str, tuple[str, str]] = {
    "actor1": ("side1", "name"), "actor1_iso3": ("side1", "iso3"), "inter1": ("side1", "inter"),
    "actor2": ("side2", "name"), "actor2_iso3": ("side2", "iso3"), "inter2": ("side2", "inter"),
    "location": ("place", "name"), "admin1": ("place", "admin1"),
    "country": ("place", "country"), "iso3": ("place", "iso3"),
    "border_iso3": ("place", "border_iso3"), "latitude": ("place", "latitude"),
    "longitude": ("place", "longitude"), "geo_precision": ("place", "precision"),
    "admin2": ("place", "admin2"), "admin3": ("place", "admin3"),
    "location_text": ("place", "text"), "location_ascii": ("place", "ascii_name"),
}


@dataclass(slots=True)
class Pending:
    """An event record in its document's context, with what the rules knew of its roles
    and what its sentence left for the article to settle."""

    record: EventRecord
    structure: str
    default_organ: str
    both_sides: bool  # "both sides", "the two countries": the sides meant are elsewhere
    # (slot 0 or 1, organ id): "the army" of a state the sentence does not tell.
    unplaced_organs: tuple[tuple[int, str], ...] = ()
    on_border: bool = False  # a border named by the trigger, to place once the sides are


def typed(record: EventRecord, event_type: EventType) -> None:
    """The record made of `event_type`, with its codes and ACLED's flags."""
    record.event_type = event_type.id
    record.acled_event_type = event_type.acled_event_type
    record.acled_sub_event_type = event_type.acled_sub_event_type
    record.disorder_type, record.cameo = event_type.disorder_type, event_type.cameo
    record.plover, record.targeting = event_type.plover, event_type.targeting
