"""ACLED's taxonomy and export conventions, loaded from `taxonomy.yaml` (data, not code):
today's event and sub-event types, the older (pre-2019) event types mapped onto them, the
actor-type codes, and how actor names are compared."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import EventcoderError
from ..text import Folder

TAXONOMY_FILE = Path(__file__).resolve().parent / "taxonomy.yaml"
CURRENT = "current"
PRE_2019 = "pre-2019"
_BLANKS = re.compile(r"\s+")


def fold_name(text: Any, folder: Folder) -> str:
    """A name compared ignoring case, accents and runs of blanks; '' for a missing one."""
    if text is None or not isinstance(text, str):
        return ""
    folded = folder.fold(unicodedata.normalize("NFC", text))
    return _BLANKS.sub(" ", folded).strip()


@dataclass(frozen=True)
class RowType:
    """What one ACLED event_type (+ sub_event_type) value means today."""

    event_type: str  # today's event type, or a group ("Protests/Riots") for older rows
    sub_event_type: str | None  # None: not known from the row (older taxonomy)
    taxonomy: str  # CURRENT or PRE_2019


@dataclass(frozen=True)
class Taxonomy:
    event_types: dict[str, tuple[str, ...]]  # today's event type -> its sub-event types
    groups: dict[str, tuple[str, ...]]  # scoring group -> event types counted together
    pre_2019: dict[str, tuple[str, str | None]]  # older type -> (today's type, sub or None)
    pre_2019_by_target: dict[str, tuple[str, str]]  # today's sub -> older (armed, civilians)
    inter_codes: dict[str, int]
    regime_years: re.Pattern[str]
    separator: str
    symmetric: frozenset[str]
    required: tuple[str, ...]
    aliases: dict[str, tuple[str, ...]]
    date_formats: tuple[str, ...]
    near_km: float

    # -- event types ---------------------------------------------------------------------

    def group_of(self, event_type: str) -> str:
        """The scoring group of an event type (itself unless grouped)."""
        for group, members in self.groups.items():
            if event_type in members:
                return group
        return event_type

    def macro_groups(self) -> list[str]:
        """Today's event types with grouped ones counted once, in the taxonomy's order."""
        return list(dict.fromkeys(self.group_of(t) for t in self.event_types))

    def row_type(self, event_type: str, sub_event_type: str, has_subs: bool) -> RowType | None:
        """Today's meaning of an export's values; None if `event_type` is unknown or
        `sub_event_type` is not one of its sub-event types. `has_subs`: the export has a
        sub_event_type column (only today's exports do)."""
        key = event_type.strip().casefold()
        sub = sub_event_type.strip().casefold()
        older = {name.casefold(): value for name, value in self.pre_2019.items()}
        for name, subs in self.event_types.items():
            if name.casefold() != key:
                continue
            if sub:
                found = [s for s in subs if s.casefold() == sub]
                return RowType(name, found[0], CURRENT) if found else None
            # "Violence against civilians" is a name of both taxonomies.
            taxonomy = PRE_2019 if key in older and not has_subs else CURRENT
            return RowType(name, None, taxonomy)
        if key in older:
            today, today_sub = older[key]
            return RowType(today, today_sub, PRE_2019)
        return None

    def sub_event_types(self) -> list[str]:
        return [s for subs in self.event_types.values() for s in subs]

    # -- actors --------------------------------------------------------------------------

    def inter_code(self, value: Any) -> int | None:
        """ACLED's actor-type code from a number or its name; 0 for no actor, None if
        unreadable."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return 0
        text = str(value).strip()
        if not text:
            return 0
        try:
            number = float(text)
        except ValueError:
            lowered = text.casefold()
            return next((c for n, c in self.inter_codes.items() if n.casefold() == lowered),
                        None)
        return int(number) if number.is_integer() and 0 <= number <= 8 else None

    def actor_key(self, name: Any, folder: Folder) -> str:
        """An actor's name as compared: regime years left out, case, accents and blanks
        ignored."""
        if not isinstance(name, str):
            return ""
        return fold_name(self.regime_years.sub(" ", name), folder)

    def actor_set(self, names: Any, folder: Folder) -> frozenset[str]:
        """Associated actors of one cell ("A; B") as a set of keys."""
        if not isinstance(names, str):
            return frozenset()
        keys = (self.actor_key(n, folder) for n in names.split(self.separator))
        return frozenset(k for k in keys if k)


def load_taxonomy(path: str | Path = TAXONOMY_FILE) -> Taxonomy:
    """Read and check the taxonomy file."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        return _build(data)
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError, re.error) as exc:
        raise EventcoderError(f"{path}: not a valid ACLED taxonomy file ({exc})") from None


def _build(data: dict[str, Any]) -> Taxonomy:
    event_types = {str(k): tuple(str(s) for s in v) for k, v in data["event_types"].items()}
    groups = {str(k): tuple(str(t) for t in v) for k, v in data["groups"].items()}
    targets = set(event_types) | set(groups)
    subs = {s for v in event_types.values() for s in v}
    pre = {}
    for name, value in data["pre_2019"].items():
        today, sub = str(value["event_type"]), value.get("sub_event_type")
        if today not in targets or (sub is not None and sub not in event_types.get(today, ())):
            raise ValueError(f"pre_2019 type {name!r} maps to an unknown type or sub-type")
        pre[str(name)] = (today, None if sub is None else str(sub))
    by_target = {}
    for sub_name, value in data.get("pre_2019_by_target", {}).items():
        armed, civilians = str(value["armed"]), str(value["civilians"])
        if sub_name not in subs or not {armed, civilians} <= targets:
            raise ValueError(f"pre_2019_by_target {sub_name!r}: unknown sub-event or type")
        by_target[str(sub_name)] = (armed, civilians)
    if len(subs) != sum(len(v) for v in event_types.values()):
        raise ValueError("a sub-event type belongs to two event types")
    names = data["actor_names"]
    columns = data["columns"]
    return Taxonomy(
        event_types=event_types, groups=groups, pre_2019=pre, pre_2019_by_target=by_target,
        inter_codes={str(k): int(v) for k, v in data["inter_codes"].items()},
        regime_years=re.compile(names["regime_years"]), separator=str(names["separator"]),
        symmetric=frozenset(names["symmetric_event_types"]),
        required=tuple(columns["required"]),
        aliases={str(k): tuple(v) for k, v in columns["aliases"].items()},
        date_formats=tuple(data["date_formats"]), near_km=float(data["near_km"]))
