"""Load lexicon folders: every YAML file is parsed with line numbers and validated, and every
problem in every file is reported at once (file, line, entry, code), never just the first.

Folders are loaded in the order given. An entry whose key an earlier folder already gave
replaces that entry; a folder's `extend` and `remove` sections edit the entries loaded before
them (see edits.py). Within one folder, a key given twice is an error.
"""

from __future__ import annotations

import csv
import hashlib
import io
import logging
import warnings
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import LexiconError, Problem
from . import codes
from .checks import cross_check
from .edits import KEYS, OPS, Edit, Editor, Sourced, edit_language, entry_key, key_label
from .language import LANGUAGE_SECTIONS, Language
from .model import (
    SECTIONS,
    Country,
    Cue,
    CueKind,
    EventType,
    GenericActor,
    Group,
    Organ,
    Person,
    Place,
    Regime,
    StatusEntry,
)
from .source import LineDict, LineList, find_files, parse_yaml, read_bytes

log = logging.getLogger(__name__)

BUNDLED = Path(__file__).resolve().parent.parent / "lexicons" / "en"

__all__ = ["BUNDLED", "Lexicon", "LexiconWarning", "Sourced", "load_lexicon", "read_lexicon"]


class LexiconWarning(UserWarning):
    """The lexicon loads, but probably not as meant (a trigger two event types list)."""


@dataclass
class Lexicon:
    """All validated entries, with their origins, and a hash of the files they came from."""

    entries: dict[str, list[Sourced]] = field(default_factory=lambda: defaultdict(list))
    admin1_files: list[Path] = field(default_factory=list)
    digest: str = ""
    files: list[str] = field(default_factory=list)
    # The language sub-sections as written, in load order: (sub-section, mapping, path, line).
    language_parts: list[tuple[str, dict[str, Any], str, int]] = field(default_factory=list)
    language: Language = field(default_factory=Language)
    # What loads but is probably not meant (code W...), each also given to `warnings.warn`.
    warnings: list[Problem] = field(default_factory=list)

    def of(self, section: str) -> list[Any]:
        return [s.entry for s in self.entries.get(section, [])]

    @property
    def event_types(self) -> list[EventType]:
        return self.of("event_types")

    @property
    def cues(self) -> list[Cue]:
        return self.of("cues")

    @property
    def cue_kinds(self) -> dict[str, CueKind]:
        return {k.id: k for k in self.of("cue_kinds")}

    @property
    def statuses(self) -> list[StatusEntry]:
        return self.of("statuses")

    @property
    def drop_kinds(self) -> frozenset[str]:
        """Cue kinds that drop the trigger they reach (negation, hypothesis, generic)."""
        return frozenset(k.id for k in self.of("cue_kinds") if k.effect == "drop")

    @property
    def status_precedence(self) -> tuple[str, ...]:
        """The statuses cues can set, the one that wins first."""
        ranked = [s for s in self.statuses if s.precedence is not None]
        return tuple(s.id for s in sorted(ranked, key=lambda s: s.precedence or 0))

    @property
    def countries(self) -> list[Country]:
        return self.of("countries")

    @property
    def groups(self) -> list[Group]:
        return self.of("groups")

    @property
    def people(self) -> list[Person]:
        return self.of("people")

    @property
    def organs(self) -> list[Organ]:
        return self.of("organs")

    @property
    def generic_actors(self) -> list[GenericActor]:
        return self.of("generic_actors")

    @property
    def places(self) -> list[Place]:
        return self.of("places")

    @property
    def regimes(self) -> list[Regime]:
        return self.of("regimes")


@dataclass
class _Part:
    """What the files of one folder give, before it is laid over the folders before it."""

    entries: dict[str, list[Sourced]] = field(default_factory=lambda: defaultdict(list))
    edits: list[Edit] = field(default_factory=list)
    language: list[tuple[str, dict[str, Any], str, int]] = field(default_factory=list)
    # (sub-section, field, items, path, line) of `remove: language:`
    unwords: list[tuple[str, str, Any, str, int]] = field(default_factory=list)


# -- one entry -----------------------------------------------------------------------------

def _entry_name(raw: Any, index: int) -> str:
    if isinstance(raw, dict):
        for key in ("id", "iso3", "name", "kind"):
            if raw.get(key):
                return f"{key}={raw[key]}" if key == "kind" else str(raw[key])
    return f"#{index + 1}"


# pydantic's error types -> the codes of docs/lexicons.md
_ERROR_CODES = {"missing": codes.MISSING_FIELD, "extra_forbidden": codes.UNKNOWN_FIELD,
                "invalid_key": codes.UNKNOWN_FIELD, "string_too_long": codes.PHRASE_TOO_LONG}


def _validation_problems(path: str, line: int, key_lines: dict[Any, int], exc: ValidationError,
                         entry: str) -> list[Problem]:
    problems: list[Problem] = []
    errors = exc.errors()
    for err in errors:
        if err["type"] == "string_type" and isinstance(err["input"], dict) and any(
                other["loc"][:len(err["loc"]) - 1] == err["loc"][:-1] and other is not err
                for other in errors):
            continue  # a mapping where a phrase or a mapping may stand: its own errors say why
        field_name, where = ".".join(str(x) for x in err["loc"]) or "entry", line
        if err["type"] == "invalid_key":
            # pydantic names a key that is not a string (`yes`, `null`) by a stand-in; the
            # key itself is the error's input, and its line was kept under the key as converted.
            field_name, where = str(err["input"]), key_lines.get(err["input"], line)
        elif err["loc"]:
            where = key_lines.get(err["loc"][0], line)
        message = err["msg"]
        if err["type"] == "string_too_long":
            message = f"a phrase may have at most {err['ctx']['max_length']} characters"
        problems.append(Problem(path, where, f"{field_name}: {message}", entry,
                                _ERROR_CODES.get(err["type"], codes.BAD_VALUE)))
    return problems


def _edit_problems(path: str, line: int, data: dict[str, Any], exc: ValidationError,
                   entry: str) -> list[Problem]:
    """The problems of an entry as an `extend` left it: all on the line of the edit."""
    return _validation_problems(path, line, {}, exc, entry)


def _duplicate_problems(path: str, value: Any, entry: str, seen: set[int]) -> list[Problem]:
    """Keys given twice anywhere in an entry, nested ones included."""
    if id(value) in seen:  # an anchor may refer to itself
        return []
    seen.add(id(value))
    problems: list[Problem] = []
    children: Iterable[Any] = value if isinstance(value, list) else ()
    if isinstance(value, LineDict):
        problems.extend(Problem(path, again, f"{key}: given twice (also on line {before})", entry,
                                codes.KEY_TWICE) for key, before, again, _ in value.duplicates)
        children = value.values()
    for child in children:
        problems.extend(_duplicate_problems(path, child, entry, seen))
    return problems


def _parse_entry(path: str, section: str, raw: Any, index: int, line: int, part: _Part,
                 problems: list[Problem]) -> None:
    if not isinstance(raw, LineDict):
        problems.append(Problem(path, line, f"entry #{index + 1} of '{section}' must be a "
                                "mapping", f"#{index + 1}", codes.ENTRY_NOT_A_MAPPING))
        return
    name = _entry_name(raw, index)
    problems.extend(_duplicate_problems(path, raw, name, set()))
    try:
        entry = SECTIONS[section].model_validate(dict(raw))
    except ValidationError as exc:
        problems.extend(_validation_problems(path, raw.line, raw.key_lines, exc, name))
        return
    lines = {k: v for k, v in raw.key_lines.items() if isinstance(k, str)}
    part.entries[section].append(Sourced(entry, path, line, lines))


# -- one file ------------------------------------------------------------------------------

_TOP = (*SECTIONS, "language", *OPS)


def _parse_file(path: Path, data: bytes, part: _Part, problems: list[Problem]) -> None:
    document, problem = parse_yaml(path, data)
    if problem is not None:
        problems.append(problem)
        return
    where = str(path)
    if not isinstance(document, LineDict):
        problems.append(Problem(where, 1, "the file must be a mapping with one of the keys "
                                + ", ".join(_TOP), code=codes.NOT_A_MAPPING))
        return
    problems.extend(Problem(where, again, f"section '{key}' is given twice (also on line "
                            f"{before})", code=codes.SECTION_TWICE)
                    for key, before, again, _ in document.duplicates)
    # The lists a repeated section replaced are checked too, so that none of their problems
    # is hidden behind the repeat.
    replaced = [(key, before, items) for key, before, _, items in document.duplicates]
    for section, line, items in [*replaced, *((k, document.key_lines.get(k, 1), v)
                                             for k, v in document.items())]:
        if section == "language":
            _parse_language(where, items, line, part, problems)
        elif section in OPS:
            _parse_edits(where, section, items, line, part, problems)
        elif section not in SECTIONS:
            problems.append(Problem(where, line, f"unknown section '{section}' (expected one "
                                    f"of {', '.join(_TOP)})", code=codes.UNKNOWN_SECTION))
        elif not isinstance(items, LineList):
            problems.append(Problem(where, line, f"'{section}' must be a list of entries",
                                    code=codes.SECTION_SHAPE))
        else:
            for index, raw in enumerate(items):
                _parse_entry(where, section, raw, index, items.item_lines[index], part, problems)


def _parse_language(path: str, parts: Any, line: int, part: _Part,
                    problems: list[Problem]) -> None:
    """A `language` mapping: each sub-section validated on its own, kept for merging."""
    if not isinstance(parts, LineDict):
        problems.append(Problem(path, line, "'language' must be a mapping of sub-sections "
                                f"({', '.join(LANGUAGE_SECTIONS)})", code=codes.SECTION_SHAPE))
        return
    for name, raw in parts.items():
        where = parts.key_lines.get(name, parts.line)
        model = LANGUAGE_SECTIONS.get(name)
        if model is None:
            problems.append(Problem(path, where, f"unknown language sub-section '{name}' "
                                    f"(expected one of {', '.join(LANGUAGE_SECTIONS)})",
                                    code=codes.UNKNOWN_LANGUAGE_SECTION))
            continue
        if not isinstance(raw, LineDict):
            problems.append(Problem(path, where, f"language.{name} must be a mapping",
                                    code=codes.SECTION_SHAPE))
            continue
        problems.extend(_duplicate_problems(path, raw, f"language.{name}", set()))
        try:
            model.model_validate(dict(raw))
        except ValidationError as exc:
            problems.extend(_validation_problems(path, raw.line, raw.key_lines, exc,
                                                 f"language.{name}"))
            continue
        part.language.append((name, dict(raw), path, where))


def _parse_edits(path: str, op: str, sections: Any, line: int, part: _Part,
                 problems: list[Problem]) -> None:
    """An `extend` or `remove` mapping: section -> the items that name entries to edit."""
    if not isinstance(sections, LineDict):
        problems.append(Problem(path, line, f"'{op}' must be a mapping of sections to lists",
                                code=codes.SECTION_SHAPE))
        return
    for section, items in sections.items():
        where = sections.key_lines.get(section, sections.line)
        if section == "language" and op == "remove":
            _parse_unwords(path, items, where, part, problems)
            continue
        if section not in KEYS:
            expected = ", ".join([*KEYS, *(["language"] if op == "remove" else [])])
            problems.append(Problem(path, where, f"{op}: unknown section '{section}' (expected "
                                    f"one of {expected})", code=codes.UNKNOWN_SECTION))
            continue
        if not isinstance(items, LineList):
            problems.append(Problem(path, where, f"{op}.{section} must be a list",
                                    code=codes.SECTION_SHAPE))
            continue
        part.edits.extend(Edit(op, section, raw, path, items.item_lines[i])
                          for i, raw in enumerate(items))


def _parse_unwords(path: str, subs: Any, line: int, part: _Part,
                   problems: list[Problem]) -> None:
    """`remove: language:`: sub-section -> field -> the words (or table keys) to remove."""
    if not isinstance(subs, LineDict) or not all(isinstance(v, LineDict) for v in subs.values()):
        problems.append(Problem(path, line, "remove.language must map sub-sections to "
                                "mappings of fields to lists", code=codes.SECTION_SHAPE))
        return
    for sub, fields in subs.items():
        if sub not in LANGUAGE_SECTIONS:
            problems.append(Problem(path, subs.key_lines.get(sub, line), f"unknown language "
                                    f"sub-section '{sub}' (expected one of "
                                    f"{', '.join(LANGUAGE_SECTIONS)})",
                                    code=codes.UNKNOWN_LANGUAGE_SECTION))
            continue
        part.unwords.extend((sub, name, items, path, fields.key_lines.get(name, fields.line))
                            for name, items in fields.items())


# -- admin1 tables -------------------------------------------------------------------------

ADMIN1_COLUMNS = ("iso2", "admin1_code", "name", "latitude", "longitude")


def _check_tsv(path: Path, data: bytes, problems: list[Problem]) -> bool:
    """An admin1 table: its header names the columns; every row has a name and coordinates."""
    before = len(problems)
    try:
        reader = csv.DictReader(io.StringIO(data.decode("utf-8"), newline=""), delimiter="\t")
        missing = [c for c in ADMIN1_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            problems.append(Problem(str(path), 1, "missing columns: " + ", ".join(missing),
                                    code=codes.TSV_COLUMNS))
            return False
        for line, row in enumerate(reader, start=2):
            _check_tsv_row(str(path), line, row, problems)
    except UnicodeDecodeError as exc:
        problems.append(Problem(str(path), None, f"not UTF-8: {exc.reason}", code=codes.NOT_UTF8))
    except csv.Error as exc:
        problems.append(Problem(str(path), None, f"cannot read: {exc}", code=codes.CANNOT_READ))
    return len(problems) == before


def _check_tsv_row(path: str, line: int, row: dict[str, str], problems: list[Problem]) -> None:
    entry = f"{row.get('iso2')}.{row.get('admin1_code')}"
    if not (row.get("name") or "").strip():
        problems.append(Problem(path, line, "name is empty", entry, codes.TSV_NAME))
    for column, limit in (("latitude", 90.0), ("longitude", 180.0)):
        try:
            value = float(row.get(column) or "")
        except ValueError:
            problems.append(Problem(path, line, f"{column} is not a number", entry,
                                    codes.TSV_COORDINATE))
            continue
        if abs(value) > limit:
            problems.append(Problem(path, line, f"{column} {value} is out of range", entry,
                                    codes.TSV_COORDINATE))


# -- folders laid over each other ----------------------------------------------------------

def _lay_over(entries: dict[str, list[Sourced]], part: _Part, problems: list[Problem]) -> None:
    """A folder's entries over those of the folders before it: a new key is added, a known
    one replaces its entry where it stood; the same key twice in the folder is an error."""
    for section, items in part.entries.items():
        into = entries[section]
        position = {key: i for i, s in enumerate(into)
                    if (key := entry_key(section, s.entry)) is not None}
        first: dict[tuple[Any, ...], Sourced] = {}
        for s in items:
            key = entry_key(section, s.entry)
            if key is None:
                into.append(s)
                continue
            if key in first:
                label = key_label(section, key)
                problems.append(Problem(s.path, s.line, f"duplicate {' and '.join(KEYS[section])} "
                                        f"'{label}' (first at {first[key].path}:{first[key].line})",
                                        label, codes.DUPLICATE_KEY))
                continue
            first[key] = s
            if key in position:
                old = into[position[key]]
                log.debug("%s:%d replaces %s '%s' of %s:%d", s.path, s.line, section,
                          key_label(section, key), old.path, old.line)
                into[position[key]] = s
            else:
                position[key] = len(into)
                into.append(s)


def _merge_words(merged: dict[str, dict[str, Any]], raw: dict[str, Any], name: str) -> None:
    """A language sub-section over the earlier ones: a list is added to (each item once), a
    table gains keys (a later value replacing an earlier one), a single value is replaced.
    A list of lists of the same length (months, weekdays: one list of forms per position)
    is added to position by position."""
    into = merged.setdefault(name, {})
    for key, value in raw.items():
        before = into.get(key)
        if isinstance(before, list) and _positional(before, value):
            into[key] = [[*b, *(v for v in w if v not in b)] for b, w in zip(before, value)]
        elif isinstance(before, list) and isinstance(value, list):
            into[key] = [*before, *(v for v in value if v not in before)]
        elif isinstance(before, dict) and isinstance(value, dict):
            into[key] = {**before, **value}
        else:
            into[key] = value


def _positional(before: Any, value: Any) -> bool:
    return isinstance(before, list) and isinstance(value, list) and len(before) == len(value) \
        and all(isinstance(x, list) for x in (*before, *value)) and bool(before)


def _language(parts: list[_Part], problems: list[Problem]) -> Language:
    merged: dict[str, dict[str, Any]] = {}
    for part in parts:
        for name, raw, _, _ in part.language:
            _merge_words(merged, raw, name)
        for sub, name, items, path, line in part.unwords:
            edit_language(merged, sub, name, items, LANGUAGE_SECTIONS[sub].model_fields,
                          (path, line), problems)
    try:
        return Language.model_validate(merged)
    except ValidationError as exc:  # each part was valid alone: only a merge can get here
        where = next(((p, w) for part in parts for _, _, p, w in part.language), ("language", 0))
        problems.extend(_validation_problems(where[0], where[1], {}, exc, "language"))
        return Language()


def _default_statuses(lexicon: Lexicon) -> None:
    """An event type that lists no statuses can take every status the lexicon declares."""
    every = [s.id for s in lexicon.statuses]
    sources = lexicon.entries.get("event_types", [])
    for i, s in enumerate(sources):
        entry: EventType = s.entry  # type: ignore[assignment]
        if entry.statuses is None:
            sources[i] = Sourced(entry.model_copy(update={"statuses": every}), s.path, s.line,
                                 s.fields)


def digest_of(files: Iterable[Path]) -> str:
    """The lexicon hash of these files (their names and bytes, in order)."""
    digest = hashlib.sha256()
    for path in files:
        data, _ = read_bytes(path)
        digest.update(path.name.encode())
        digest.update(data or b"")
    return digest.hexdigest()[:16]


def read_lexicon(folders: Iterable[str | Path] | None = None) -> tuple[Lexicon, list[Problem]]:
    """Load lexicon folders, in order, each over the ones before it (the bundled English
    lexicon when none are given), and return the lexicon with every problem found. Warnings
    are in `lexicon.warnings`; nothing is raised or warned: see `load_lexicon`."""
    found, problems = find_files([BUNDLED] if folders is None else folders)
    lexicon = Lexicon()
    digest = hashlib.sha256()
    parts = []
    for files in found:
        part = _Part()
        for path in files:
            data, problem = read_bytes(path)
            if data is None:
                problems.append(problem)  # type: ignore[arg-type]
                continue
            digest.update(path.name.encode())
            digest.update(data)
            lexicon.files.append(str(path))
            if path.suffix == ".tsv":
                if _check_tsv(path, data, problems):
                    lexicon.admin1_files.append(path)
            else:
                _parse_file(path, data, part, problems)
        _lay_over(lexicon.entries, part, problems)
        editor = Editor(lexicon.entries, problems, _edit_problems)
        for edit in sorted(part.edits, key=lambda e: OPS.index(e.op)):  # extend, then remove
            editor.apply(edit)
        lexicon.language_parts.extend(part.language)
        parts.append(part)
    lexicon.language = _language(parts, problems)
    cross, lexicon.warnings = cross_check(lexicon.entries)
    problems.extend(cross)
    _default_statuses(lexicon)
    lexicon.digest = digest.hexdigest()[:16]
    return lexicon, problems


def load_lexicon(folders: Iterable[str | Path] | None = None) -> Lexicon:
    """Load and validate lexicon folders (the bundled English lexicon when none are given).

    A later folder adds entries, replaces entries of the same key and edits earlier ones
    (`extend`, `remove`). Raises `LexiconError` listing every problem in every file; gives
    each warning (a trigger two event types list) to `warnings.warn` as a `LexiconWarning`.
    """
    lexicon, problems = read_lexicon(folders)
    if problems:
        raise LexiconError(problems)
    for warning in lexicon.warnings:
        warnings.warn(LexiconWarning(str(warning)), stacklevel=2)
    log.debug("loaded %d lexicon files (%s)", len(lexicon.files), lexicon.digest)
    return lexicon
