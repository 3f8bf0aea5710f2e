"""Lexicon files: finding them in folders, reading them, and parsing YAML with the line of every
mapping, key and list item, so that each problem can name the line it is on."""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

from ..errors import Problem
from . import codes

SUFFIXES = (".yaml", ".yml", ".tsv")

# libyaml parses several times faster; the constructor (and so the line tracking) is the
# same Python code on both.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MERGE_TAG = "tag:yaml.org,2002:merge"
# The line breaks YAML counts (its marks and ours must agree).
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


class LineDict(dict[Any, Any]):
    """A mapping that remembers the line it starts on, the line of each key (as converted:
    `yes` is True), and each repeat of a key as (key, line of the occurrence it replaced,
    line of the repeat, the value it replaced)."""

    line: int = 0
    key_lines: dict[Any, int]
    duplicates: list[tuple[Any, int, int, Any]]


class LineList(list[Any]):
    """A sequence that remembers the line of each item: a scalar item has no line of its own."""

    line: int = 0
    item_lines: list[int]


class _LineLoader(_SafeLoader):  # type: ignore[valid-type,misc]
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineDict:
        # PyYAML silently keeps the last of two equal keys and merges `<<` keys into
        # node.value, so the keys as written are taken before it does.
        own = [(k, v) for k, v in node.value if k.tag != _MERGE_TAG]
        mapping = LineDict(super().construct_mapping(node, deep=True))
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

    def construct_line_list(self, node: yaml.SequenceNode) -> Iterator[LineList]:
        items = LineList()
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


# -- finding files -------------------------------------------------------------------------

def _os_problem(path: Path, exc: OSError) -> Problem:
    if exc.errno == errno.ELOOP:
        return Problem(str(path), None, "cannot read: a symbolic link loop",
                       code=codes.CANNOT_READ)
    return Problem(str(path), None, f"cannot read: {exc.strerror or exc}", code=codes.CANNOT_READ)


def _kind_problem(path: Path, mode: int) -> Problem | None:
    """Why a path named like a lexicon file cannot be read as one (None: it can)."""
    if stat.S_ISREG(mode):
        return None
    what = "a folder" if stat.S_ISDIR(mode) else "not a regular file (a FIFO, socket or device)"
    return Problem(str(path), None, f"{what}: a lexicon file must be a regular file",
                   code=codes.NOT_A_FILE)


def _walk(folder: Path, seen: set[tuple[int, int]], found: list[Path],
          problems: list[Problem]) -> None:
    """Every lexicon file under `folder`. Symbolic links are followed, each folder read once,
    so that a link back up the tree ends instead of looping."""
    try:
        with os.scandir(folder) as scan:
            children = sorted(scan, key=lambda e: e.name)
    except OSError as exc:
        problems.append(_os_problem(folder, exc))
        return
    for child in children:
        path = Path(child.path)
        try:
            info = path.stat()
        except FileNotFoundError as exc:  # a dangling link
            if path.suffix in SUFFIXES:
                problems.append(_os_problem(path, exc))
            continue
        except OSError as exc:
            problems.append(_os_problem(path, exc))
            continue
        if path.suffix in SUFFIXES:
            problem = _kind_problem(path, info.st_mode)
            if problem is None:
                found.append(path)
            else:
                problems.append(problem)
        elif stat.S_ISDIR(info.st_mode):
            if (info.st_dev, info.st_ino) in seen:
                problems.append(Problem(str(path), None, "cannot read: a symbolic link loop "
                                        "(the folder is read already)", code=codes.CANNOT_READ))
                continue
            seen.add((info.st_dev, info.st_ino))
            _walk(path, seen, found, problems)


def find_files(folders: Iterable[str | Path]) -> tuple[list[list[Path]], list[Problem]]:
    """The lexicon files of each folder (or file) given, in sorted path order, and the
    problems of the paths that cannot be read."""
    result: list[list[Path]] = []
    problems: list[Problem] = []
    for folder in folders:
        path, files = Path(folder), list[Path]()
        try:
            info = path.stat()
        except FileNotFoundError:
            problems.append(Problem(str(path), None, "no such lexicon file or folder",
                                    code=codes.NO_SUCH_PATH))
        except OSError as exc:
            problems.append(_os_problem(path, exc))
        else:
            if stat.S_ISDIR(info.st_mode):
                _walk(path, {(info.st_dev, info.st_ino)}, files, problems)
            elif (problem := _kind_problem(path, info.st_mode)) is not None:
                problems.append(problem)
            else:
                files.append(path)
        result.append(sorted(files))
    return result, problems


# -- reading -------------------------------------------------------------------------------

# libyaml gives a ReaderError's position in bytes of the UTF-8 text, PyYAML in characters.
_POSITION_IN_BYTES = _SafeLoader is not yaml.SafeLoader


def _reader_problem(path: Path, text: str, exc: yaml.reader.ReaderError) -> Problem:
    before = text.encode("utf-8")[:exc.position].decode("utf-8", "ignore") \
        if _POSITION_IN_BYTES else text[:exc.position]
    char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
    return Problem(str(path), _line_at(before, len(before)),
                   f"YAML syntax: character {char} is not allowed ({exc.reason})",
                   code=codes.YAML_SYNTAX)


def _syntax_line(exc: yaml.MarkedYAMLError) -> int | None:
    """The line a YAML syntax error is on. A key without its colon, an unclosed quote or
    bracket are found only on a later line (the problem mark); the line where the key,
    the quote or the bracket starts (the context mark) is where the mistake is."""
    context = exc.context or ""
    opened = context.startswith(("while scanning a ", "while parsing a flow"))
    mark = exc.context_mark if opened and exc.context_mark else exc.problem_mark
    mark = mark or exc.context_mark
    return mark.line + 1 if mark else None


def read_bytes(path: Path) -> tuple[bytes | None, Problem | None]:
    try:
        return path.read_bytes(), None
    except OSError as exc:
        return None, _os_problem(path, exc)


def parse_yaml(path: Path, data: bytes) -> tuple[Any, Problem | None]:
    """A file's YAML, or the problem that keeps it from being read, on its line if it has one."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[:exc.start].decode("utf-8")  # the decoder stops at the first bad byte
        return None, Problem(str(path), _line_at(before, len(before)),
                             f"not UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded",
                             code=codes.NOT_UTF8)
    try:
        return yaml.load(text, Loader=_LineLoader), None
    except yaml.MarkedYAMLError as exc:
        return None, Problem(str(path), _syntax_line(exc), f"YAML syntax: {exc.problem}",
                             code=codes.YAML_SYNTAX)
    except yaml.reader.ReaderError as exc:  # not marked: it has a position instead
        return None, _reader_problem(path, text, exc)
    except yaml.YAMLError as exc:
        return None, Problem(str(path), None, f"cannot read: {exc}", code=codes.YAML_SYNTAX)
