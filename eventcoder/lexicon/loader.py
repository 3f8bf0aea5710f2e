"""Load lexicon folders: every YAML file is parsed with line numbers and validated, and every
problem in every file is reported at once (file, line, entry), never just the first."""

from __future__ import annotations

import hashlib
import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..errors import LexiconError, Problem
from ..text import Folder
from .language import LANGUAGE_SECTIONS, Language
from .model import ROLES, SECTIONS, Country, Cue, CueKind, Entry, EventType, GenericActor, Group, \
    Organ, Person, Place, StatusEntry

log = logging.getLogger(__name__)

BUNDLED = Path(__file__).resolve().parent.parent / "lexicons" / "en"


# libyaml parses several times faster; the constructor (and so the line tracking) is the
# same Python code on both.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MERGE_TAG = "tag:yaml.org,2002:merge"
# The line breaks YAML counts (its marks and ours must agree).
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


class _LineDict(dict[Any, Any]):
    """A mapping that remembers the line it starts on, the line of each key (as converted:
    `yes` is True), and each repeat of a key as (key, line of the occurrence it replaced,
    line of the repeat, the value it replaced)."""

    line: int = 0
    key_lines: dict[Any, int]
    duplicates: list[tuple[Any, int, int, Any]]


class _LineList(list[Any]):
    """A sequence that remembers the line of each item: a scalar item has no line of its own."""

    line: int = 0
    item_lines: list[int]


class _LineLoader(_SafeLoader):  # type: ignore[valid-type,misc]
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> _LineDict:
        # PyYAML silently keeps the last of two equal keys and merges `<<` keys into
        # node.value, so the keys as written are taken before it does.
        own = [(k, v) for k, v in node.value if k.tag != _MERGE_TAG]
        mapping = _LineDict(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines, mapping.duplicates = {}, []
        earlier: dict[Any, tuple[int, yaml.Node]] = {}
        for key_node, value_node in own:
            key, line = self.construct_object(key_node, deep=True), key_node.start_mark.line + 1
            if key in earlier:
                before, replaced = earlier[key]
                mapping.duplicates.append((key, before, line,
                                           self.construct_object(replaced, deep=True)))
            earlier[key] = (line, value_node)
            mapping.key_lines[key] = line
        for key_node, _ in node.value:  # keys merged in by `<<`
            mapping.key_lines.setdefault(self.construct_object(key_node, deep=True),
                                         key_node.start_mark.line + 1)
        return mapping

    def construct_line_list(self, node: yaml.SequenceNode) -> Iterator[_LineList]:
        items = _LineList()
        items.line = node.start_mark.line + 1
        items.item_lines = [item.start_mark.line + 1 for item in node.value]
        yield items  # first, as PyYAML's own constructor does, so that anchors can recurse
        items.extend(self.construct_sequence(node))


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                            _LineLoader.construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
                            _LineLoader.construct_line_list)


def _line_at(text: str, index: int) -> int:
    return len(_BREAK.findall(text, 0, index)) + 1


@dataclass(frozen=True)
class Sourced:
    """An entry and where it was written."""

    entry: Entry
    path: str
    line: int


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


def _entry_name(raw: Any, index: int) -> str:
    if isinstance(raw, dict):
        for key in ("id", "iso3", "name", "kind"):
            if raw.get(key):
                return f"{key}={raw[key]}" if key == "kind" else str(raw[key])
    return f"#{index + 1}"


def _validation_problems(path: str, raw: _LineDict, index: int, exc: ValidationError
                         ) -> list[Problem]:
    problems = []
    for err in exc.errors():
        field_name, line = ".".join(str(x) for x in err["loc"]) or "entry", raw.line
        if err["type"] == "invalid_key":
            # pydantic names a key that is not a string (`yes`, `null`) by a stand-in; the
            # key itself is the error's input, and its line was kept under the key as converted.
            field_name, line = str(err["input"]), raw.key_lines.get(err["input"], raw.line)
        elif err["loc"]:
            line = raw.key_lines.get(err["loc"][0], raw.line)
        problems.append(Problem(path, line, f"{field_name}: {err['msg']}",
                                _entry_name(raw, index)))
    return problems


def _duplicate_problems(path: str, value: Any, entry: str, seen: set[int]) -> list[Problem]:
    """Keys given twice anywhere in an entry, nested ones included."""
    if id(value) in seen:  # an anchor may refer to itself
        return []
    seen.add(id(value))
    problems = []
    children: Iterable[Any] = value if isinstance(value, list) else ()
    if isinstance(value, _LineDict):
        problems.extend(Problem(path, again, f"{key}: given twice (also on line {before})", entry)
                        for key, before, again, _ in value.duplicates)
        children = value.values()
    for child in children:
        problems.extend(_duplicate_problems(path, child, entry, seen))
    return problems


# libyaml gives a ReaderError's position in bytes of the UTF-8 text, PyYAML in characters.
_POSITION_IN_BYTES = _SafeLoader is not yaml.SafeLoader


def _reader_problem(path: Path, text: str, exc: yaml.reader.ReaderError) -> Problem:
    before = text.encode("utf-8")[:exc.position].decode("utf-8", "ignore") \
        if _POSITION_IN_BYTES else text[:exc.position]
    char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
    return Problem(str(path), _line_at(before, len(before)),
                   f"YAML syntax: character {char} is not allowed ({exc.reason})")


def _read_document(path: Path) -> tuple[Any, Problem | None]:
    """A file's YAML, or the problem that keeps it from being read, on its line if it has one."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, Problem(str(path), None, f"cannot read: {exc}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[:exc.start].decode("utf-8")  # the decoder stops at the first bad byte
        return None, Problem(str(path), _line_at(before, len(before)),
                             f"not UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded")
    try:
        return yaml.load(text, Loader=_LineLoader), None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return None, Problem(str(path), mark.line + 1 if mark else None,
                             f"YAML syntax: {exc.problem}")
    except yaml.reader.ReaderError as exc:  # not marked: it has a position instead
        return None, _reader_problem(path, text, exc)
    except yaml.YAMLError as exc:
        return None, Problem(str(path), None, f"cannot read: {exc}")


def _parse_file(path: Path, lexicon: Lexicon, problems: list[Problem]) -> None:
    document, problem = _read_document(path)
    if problem is not None:
        problems.append(problem)
        return
    if not isinstance(document, _LineDict):
        problems.append(Problem(str(path), 1, "the file must be a mapping with one of the keys "
                                + ", ".join(SECTIONS)))
        return
    problems.extend(Problem(str(path), again, f"section '{key}' is given twice (also on line "
                            f"{before})") for key, before, again, _ in document.duplicates)
    # The lists a repeated section replaced are checked too, so that none of their problems
    # is hidden behind the repeat.
    replaced = [(key, before, items) for key, before, _, items in document.duplicates]
    for section, line, items in [*replaced, *((k, document.key_lines.get(k), v)
                                             for k, v in document.items())]:
        if section == "language":
            _parse_language(path, items, line, lexicon, problems)
            continue
        model = SECTIONS.get(section)
        if model is None:
            problems.append(Problem(str(path), line, f"unknown section '{section}' (expected one "
                                    f"of {', '.join([*SECTIONS, 'language'])})"))
            continue
        if not isinstance(items, _LineList):
            problems.append(Problem(str(path), line, f"'{section}' must be a list of entries"))
            continue
        for index, raw in enumerate(items):
            _parse_entry(path, section, model, raw, index, items.item_lines[index], lexicon,
                         problems)


def _parse_entry(path: Path, section: str, model: type[Entry], raw: Any, index: int, line: int,
                 lexicon: Lexicon, problems: list[Problem]) -> None:
    if not isinstance(raw, _LineDict):
        problems.append(Problem(str(path), line, f"entry #{index + 1} of '{section}' must be a "
                                "mapping", f"#{index + 1}"))
        return
    problems.extend(_duplicate_problems(str(path), raw, _entry_name(raw, index), set()))
    try:
        entry = model.model_validate(dict(raw))
    except ValidationError as exc:
        problems.extend(_validation_problems(str(path), raw, index, exc))
        return
    lexicon.entries[section].append(Sourced(entry, str(path), line))


def _parse_language(path: Path, parts: Any, line: int | None, lexicon: Lexicon,
                    problems: list[Problem]) -> None:
    """A `language` mapping: each sub-section validated on its own, kept for merging."""
    if not isinstance(parts, _LineDict):
        problems.append(Problem(str(path), line, "'language' must be a mapping of sub-sections "
                                f"({', '.join(LANGUAGE_SECTIONS)})"))
        return
    for name, raw in parts.items():
        where = parts.key_lines.get(name, parts.line)
        model = LANGUAGE_SECTIONS.get(name)
        if model is None:
            problems.append(Problem(str(path), where, f"unknown language sub-section '{name}' "
                                    f"(expected one of {', '.join(LANGUAGE_SECTIONS)})"))
            continue
        if not isinstance(raw, _LineDict):
            problems.append(Problem(str(path), where, f"language.{name} must be a mapping"))
            continue
        try:
            model.model_validate(dict(raw))
        except ValidationError as exc:
            problems.extend(_validation_problems(str(path), raw, 0, exc))
            continue
        lexicon.language_parts.append((name, dict(raw), str(path), where))


def _merged_language(lexicon: Lexicon) -> Language:
    """The language sub-sections merged in load order: a later file adds to a list and to a
    table, and replaces a single value."""
    merged: dict[str, dict[str, Any]] = {}
    for name, raw, _, _ in lexicon.language_parts:
        into = merged.setdefault(name, {})
        for key, value in raw.items():
            before = into.get(key)
            if isinstance(before, list) and isinstance(value, list):
                into[key] = [*before, *(v for v in value if v not in before)]
            elif isinstance(before, dict) and isinstance(value, dict):
                into[key] = {**before, **value}
            else:
                into[key] = value
    return Language.model_validate(merged)


ADMIN1_COLUMNS = ("iso2", "admin1_code", "name", "latitude", "longitude")


def _check_tsv(path: Path, problems: list[Problem]) -> bool:
    """An admin1 table: its header names the columns; every row has a name and coordinates."""
    import csv

    before = len(problems)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t")
            missing = [c for c in ADMIN1_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                problems.append(Problem(str(path), 1, "missing columns: " + ", ".join(missing)))
                return False
            for line, row in enumerate(reader, start=2):
                _check_tsv_row(str(path), line, row, problems)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        problems.append(Problem(str(path), None, f"cannot read: {exc}"))
    return len(problems) == before


def _check_tsv_row(path: str, line: int, row: dict[str, str], problems: list[Problem]) -> None:
    entry = f"{row.get('iso2')}.{row.get('admin1_code')}"
    if not (row.get("name") or "").strip():
        problems.append(Problem(path, line, "name is empty", entry))
    for column, limit in (("latitude", 90.0), ("longitude", 180.0)):
        try:
            value = float(row.get(column) or "")
        except ValueError:
            problems.append(Problem(path, line, f"{column} is not a number", entry))
            continue
        if abs(value) > limit:
            problems.append(Problem(path, line, f"{column} {value} is out of range", entry))


def lexicon_files(folders: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for folder in folders:
        path = Path(folder)
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml", ".tsv")))
        else:
            raise LexiconError([Problem(str(path), None, "no such lexicon file or folder")])
    return files


def load_lexicon(folders: Iterable[str | Path] | None = None) -> Lexicon:
    """Load and validate lexicon folders (the bundled English lexicon when none are given).

    Raises `LexiconError` listing every problem in every file.
    """
    files = lexicon_files([BUNDLED] if folders is None else folders)
    lexicon = Lexicon()
    problems: list[Problem] = []
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
        lexicon.files.append(str(path))
        if path.suffix == ".tsv":
            if _check_tsv(path, problems):
                lexicon.admin1_files.append(path)
        else:
            _parse_file(path, lexicon, problems)
    problems.extend(cross_check(lexicon))
    if problems:
        raise LexiconError(problems)
    lexicon.language = _merged_language(lexicon)
    _default_statuses(lexicon)
    lexicon.digest = digest.hexdigest()[:16]
    log.debug("loaded %d lexicon files (%s)", len(files), lexicon.digest)
    return lexicon


def _default_statuses(lexicon: Lexicon) -> None:
    """An event type that lists no statuses can take every status the lexicon declares."""
    every = [s.id for s in lexicon.statuses]
    sources = lexicon.entries.get("event_types", [])
    for i, s in enumerate(sources):
        entry: EventType = s.entry  # type: ignore[assignment]
        if entry.statuses is None:
            sources[i] = Sourced(entry.model_copy(update={"statuses": every}), s.path, s.line)


def _cue_problems(lexicon: Lexicon) -> list[Problem]:
    """Cue kinds, statuses and role values that the lexicon does not declare."""
    problems: list[Problem] = []
    kinds = lexicon.cue_kinds
    statuses = {s.id for s in lexicon.statuses}
    for s in lexicon.entries.get("cues", []):
        cue: Cue = s.entry  # type: ignore[assignment]
        kind = kinds.get(cue.kind)
        if kind is None and kinds:  # (a lexicon that declares none is checked with others)
            problems.append(Problem(s.path, s.line, f"unknown cue kind '{cue.kind}' (declared: "
                                    f"{', '.join(kinds)})", cue.kind))
        elif kind is None:
            continue
        elif kind.effect == "status" and statuses and cue.value not in statuses:
            problems.append(Problem(s.path, s.line, f"a status cue needs value one of "
                                    f"{', '.join(sorted(statuses))}", cue.kind))
        elif kind.effect == "role" and cue.value not in ROLES:
            problems.append(Problem(s.path, s.line, f"a role cue needs value one of "
                                    f"{', '.join(ROLES)}", cue.kind))
    for s in lexicon.entries.get("event_types", []):
        entry: EventType = s.entry  # type: ignore[assignment]
        named = [*(entry.statuses or []),
                 *(t.status for t in entry.trigger_specs() if t.status)]
        problems.extend(Problem(s.path, s.line, f"unknown status '{status}'", entry.id)
                        for status in dict.fromkeys(named) if statuses and status not in statuses)
    return problems


def cross_check(lexicon: Lexicon) -> list[Problem]:
    """Checks that span entries: unique ids, known references, no clashing aliases."""
    problems: list[Problem] = []
    known = {s.entry.iso3 for s in lexicon.entries.get("countries", [])}
    problems.extend(_cue_problems(lexicon))
    for section in ("event_types", "groups", "organs", "generic_actors", "cue_kinds", "statuses"):
        problems.extend(_duplicates(lexicon.entries.get(section, []), lambda e: e.id, "id"))
    problems.extend(_duplicates(lexicon.entries.get("countries", []), lambda e: e.iso3, "iso3"))
    types = {s.entry.id for s in lexicon.entries.get("event_types", [])}
    organs = {s.entry.id for s in lexicon.entries.get("organs", [])}
    for s in lexicon.entries.get("event_types", []):
        for ref in [*(x.type for x in s.entry.subsumes),
                    *([s.entry.third_party_call] if s.entry.third_party_call else [])]:
            if ref not in types:
                problems.append(Problem(s.path, s.line, f"unknown event type '{ref}'", s.entry.id))
        if organs and s.entry.default_organ not in organs:
            problems.append(Problem(s.path, s.line, f"unknown organ '{s.entry.default_organ}'",
                                    s.entry.id))
    for section, fields in (("groups", ("country", "state")), ("people", ("country",)),
                            ("places", ("country",))):
        for s in lexicon.entries.get(section, []):
            for name in fields:
                code = getattr(s.entry, name)
                if code and known and code not in known:
                    problems.append(Problem(s.path, s.line, f"{name}: unknown country '{code}'",
                                            getattr(s.entry, "id", None) or s.entry.name))
    problems.extend(_alias_clashes(lexicon))
    return problems


def _duplicates(items: list[Sourced], key: Any, label: str) -> list[Problem]:
    seen: dict[str, Sourced] = {}
    problems = []
    for s in items:
        k = key(s.entry)
        if k in seen:
            first = seen[k]
            problems.append(Problem(s.path, s.line, f"duplicate {label} '{k}' (first at "
                                    f"{first.path}:{first.line})", k))
        else:
            seen[k] = s
    return problems


def _alias_clashes(lexicon: Lexicon) -> list[Problem]:
    """Two countries may not share a name: the coder could not tell which one is meant."""
    folder = Folder()
    owner: dict[str, Sourced] = {}
    problems = []
    for s in lexicon.entries.get("countries", []):
        c: Country = s.entry  # type: ignore[assignment]
        for name in {folder.fold(n) for n in [c.name, *c.aliases, *c.adjectives]}:
            other = owner.get(name)
            if other is not None and other.entry.iso3 != c.iso3:  # type: ignore[attr-defined]
                problems.append(Problem(s.path, s.line, f"name '{name}' is also used by "
                                        f"{other.entry.iso3} ({other.path}:{other.line})",  # type: ignore[attr-defined]
                                        c.iso3))
            owner[name] = s
    return problems
