"""Keys of entries, and the edits a later lexicon folder makes to the entries of earlier ones.

Every entry has a key (an event type its `id`, a country its `iso3`, a person the name and
the start of the term, ...). A later folder that gives an entry of the same key replaces it;
its `extend` section adds items to an entry's lists, its `remove` section removes entries, or
items of their lists (a trigger, an alias, a cue phrase), or words of the language.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import Problem
from ..text import Folder
from . import codes
from .model import Entry

log = logging.getLogger(__name__)

# The fields that make an entry's key, per section. A cue without an `id` has no key: it
# can be neither replaced nor edited.
KEYS: dict[str, tuple[str, ...]] = {
    "event_types": ("id",), "cue_kinds": ("id",), "statuses": ("id",), "cues": ("id",),
    "groups": ("id",), "organs": ("id",), "generic_actors": ("id",), "countries": ("iso3",),
    "people": ("name", "valid_from"), "places": ("name", "country"),
    "regimes": ("country", "valid_from"),
}
OPS = ("extend", "remove")


@dataclass(frozen=True)
class Sourced:
    """An entry and where it was written (for an edited entry: where it was last edited)."""

    entry: Entry
    path: str
    line: int
    fields: dict[str, int] = field(default_factory=dict, compare=False)  # field -> its line

    def at(self, name: str) -> int:
        return self.fields.get(name, self.line)


@dataclass(frozen=True)
class Edit:
    """One item of an `extend` or `remove` section, as written."""

    op: str
    section: str
    raw: Any
    path: str
    line: int


def entry_key(section: str, entry: BaseModel) -> tuple[Any, ...] | None:
    key = tuple(getattr(entry, name) for name in KEYS[section])
    return None if key[0] is None else key


def key_label(section: str, key: tuple[Any, ...]) -> str:
    """How problems name an entry of that key."""
    if section == "people" and key[1] is not None:
        return f"{key[0]} (from {key[1]})"
    if section == "places":
        return f"{key[0]} ({key[1]})"
    return str(key[0])


def _item_id(folder: Folder, item: Any) -> Any:
    """What makes two items of a list the same: a phrase folded as the matcher folds it;
    a trigger by its text, a subsumption by its type."""
    if isinstance(item, BaseModel):
        item = item.model_dump()
    if isinstance(item, dict):
        item = item.get("text", item.get("type"))
    return folder.fold(item).strip() if isinstance(item, str) else item


class Editor:
    """Applies one folder's edits to the entries loaded so far, reporting what cannot be."""

    def __init__(self, entries: dict[str, list[Sourced]], problems: list[Problem],
                 fail: Callable[[str, int, dict[str, Any], ValidationError, str],
                                list[Problem]]) -> None:
        self.entries = entries
        self.problems = problems
        self.fail = fail  # turns a validation error into problems (path, line, raw, exc, entry)
        self.folder = Folder()

    def _problem(self, edit: Edit, message: str, code: str, entry: str | None = None) -> None:
        self.problems.append(Problem(edit.path, edit.line, message, entry, code))

    def apply(self, edit: Edit) -> None:
        target, lists = self._split(edit)
        if target is None:
            return
        section = self.entries.setdefault(edit.section, [])
        matches = [i for i, s in enumerate(section) if _matches(edit.section, s.entry, target)]
        label = " ".join(str(v) for v in target.values())
        if not matches:
            self._problem(edit, f"{edit.op}: no {edit.section} entry '{label}' is loaded "
                          "before (or in) this folder", codes.NO_SUCH_ENTRY, label)
            return
        if edit.op == "remove" and not lists:
            for i in reversed(matches):
                log.debug("%s:%d removes %s %s", edit.path, edit.line, edit.section, label)
                del section[i]
            return
        for i in matches:
            changed = self._edited(edit, section[i].entry, lists, label)
            if changed is not None:
                section[i] = Sourced(changed, edit.path, edit.line)

    def _split(self, edit: Edit) -> tuple[dict[str, Any] | None, dict[str, Any]]:
        """The key fields naming the target entry, and the lists to add or remove."""
        names = KEYS[edit.section]
        raw = edit.raw
        if isinstance(raw, str | int) and edit.op == "remove":
            return {names[0]: raw}, {}
        if not isinstance(raw, dict) or raw.get(names[0]) is None:
            self._problem(edit, f"{edit.op}: each item names an entry by its "
                          f"{' and '.join(names)}" + (" (a mapping that also gives the lists "
                          "to extend)" if edit.op == "extend" else " (or is the first alone)"),
                          codes.BAD_EDIT)
            return None, {}
        target = {k: v for k, v in raw.items() if k in names}
        lists = {k: v for k, v in raw.items() if k not in names}
        if edit.op == "extend" and not lists:
            self._problem(edit, "extend: name the lists to extend", codes.BAD_EDIT,
                          str(target[names[0]]))
            return None, {}
        return target, lists

    def _edited(self, edit: Edit, entry: Entry, lists: dict[str, Any], label: str
                ) -> Entry | None:
        """The entry with its lists extended or cut, or None after reporting why not."""
        data = entry.model_dump(exclude_unset=True)
        ok = True
        for name, items in lists.items():
            current = getattr(entry, name, None) if name in type(entry).model_fields else None
            if not isinstance(current, list) and not (name == "statuses" and current is None):
                self._problem(edit, f"{edit.op}: '{name}' is not a list of {edit.section} "
                              "entries (replace the whole entry to change it)",
                              codes.NOT_EDITABLE, label)
                ok = False
                continue
            if not isinstance(items, list):
                self._problem(edit, f"{edit.op}: '{name}' must be a list", codes.BAD_EDIT, label)
                ok = False
                continue
            before = [x.model_dump(exclude_unset=True) if isinstance(x, BaseModel) else x
                      for x in current or []]
            if edit.op == "extend":
                data[name] = [*before, *items]
                continue
            kept, missing = self._cut(before, items)
            for item in missing:
                self._problem(edit, f"remove: '{item}' is not in {label}'s {name}",
                              codes.NO_SUCH_ITEM, label)
            data[name] = kept
            ok = ok and not missing
        if not ok:
            return None
        try:
            return type(entry).model_validate(data)
        except ValidationError as exc:
            self.problems.extend(self.fail(edit.path, edit.line, data, exc, label))
            return None

    def _cut(self, before: list[Any], items: list[Any]) -> tuple[list[Any], list[Any]]:
        gone = {_item_id(self.folder, x) for x in items}
        kept = [x for x in before if _item_id(self.folder, x) not in gone]
        present = {_item_id(self.folder, x) for x in before}
        return kept, [x for x in items if _item_id(self.folder, x) not in present]


def _matches(section: str, entry: Entry, target: dict[str, Any]) -> bool:
    return all(getattr(entry, k) == v or (isinstance(v, str) and str(getattr(entry, k)) == v)
               for k, v in target.items())


def edit_language(merged: dict[str, dict[str, Any]], sub: str, field: str, items: Any,
                  fields: dict[str, Any], where: tuple[str, int], problems: list[Problem]
                  ) -> None:
    """Remove words from a list of a language sub-section, or keys from one of its tables."""
    path, line = where
    label = f"language.{sub}.{field}"
    if field not in fields:
        problems.append(Problem(path, line, f"remove: {label} is not a field of "
                                f"language.{sub}", label, codes.NOT_EDITABLE))
        return
    if not isinstance(items, list):
        problems.append(Problem(path, line, f"remove: {label} must be a list", label,
                                codes.BAD_EDIT))
        return
    into = merged.setdefault(sub, {})
    current = into.get(field)
    if isinstance(current, dict):
        kept: Any = {k: v for k, v in current.items() if k not in items}
        missing = [x for x in items if x not in current]
    elif isinstance(current, list):
        kept = [x for x in current if x not in items]
        missing = [x for x in items if x not in current]
    else:
        problems.append(Problem(path, line, f"remove: {label} is not a list or table "
                                "given before", label, codes.NOT_EDITABLE))
        return
    problems.extend(Problem(path, line, f"remove: '{x}' is not in {label}", label,
                            codes.NO_SUCH_ITEM) for x in missing)
    into[field] = kept
