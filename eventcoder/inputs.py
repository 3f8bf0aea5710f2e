"""Which files an input names, and the id of each text article.

An input is a file or a folder. A file named directly is read whatever it is called (a
suffix other than ``.txt`` or ``.jsonl`` is then an input error). Inside a folder, the
reader walks every subfolder and reads:

- ``.txt`` and ``.jsonl`` files, the suffix in any letter case (``NOTES.TXT``);
- symbolic links to such files (links to folders are not followed).

It passes by, with an `InputWarning` and a count, every other entry that is not hidden:
files with another suffix (``.json``, ``.csv``, ``.md``: one warning per folder given),
dangling links, links to folders, and special files (FIFOs, devices, sockets), which are
never opened. Hidden entries (a name starting with ``.``, at any depth below the folder
given) are skipped by rule, with no warning: ``.git``, ``.ipynb_checkpoints``, editors'
swap files.

**The id of a ``.txt`` article** is its path relative to the folder given, without the
suffix, with ``/`` between folders: ``news/2025-10-16/article.txt`` read as ``news/`` is
``2025-10-16/article``, and a file directly in the folder is its name without the suffix
(``examples/articles/pak_afg_border_clash.txt`` is ``pak_afg_border_clash``). A ``.txt``
file named directly is its name without the suffix. A ``.jsonl`` article's id is its
record's ``id``.

Files are read in a stable order: sorted by path, folder by folder.
"""

from __future__ import annotations

import logging
import os
import stat
import warnings
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, InputWarning, Problem

log = logging.getLogger(__name__)

READABLE_SUFFIXES = (".txt", ".jsonl")


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file to read, and the id a .txt file gives its article."""

    path: Path
    name: str

    @property
    def kind(self) -> str:
        """"txt", "jsonl", or the (lower-case) suffix of a file named directly."""
        return self.path.suffix.lower().lstrip(".")


def input_files(inputs: Iterable[str | Path | InputFile],
                passed: list[Problem] | None = None) -> list[InputFile]:
    """The files `inputs` name, in reading order (an `InputFile` stands for itself).
    Entries of folders that are not read are warned (`InputWarning`) and added to
    `passed`."""
    files: list[InputFile] = []
    for item in inputs:
        if isinstance(item, InputFile):
            files.append(item)
            continue
        path = Path(item)
        if str(item) == "":
            raise InputError(Problem("''", None, "an empty path names no file"))
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            raise InputError(Problem(str(path), None, "no such file or folder")) from None
        except OSError as exc:
            raise InputError(Problem(str(path), None, f"cannot be read ({exc.strerror})")
                             ) from None
        if stat.S_ISDIR(mode):
            files.extend(_folder_files(path, passed))
        elif stat.S_ISREG(mode):
            files.append(InputFile(path, _stem(path.name)))
        else:
            raise InputError(Problem(str(path), None, f"not a regular file ({_kind(mode)}): "
                                     "not read"))
    return files


def expand_paths(inputs: Iterable[str | Path]) -> list[Path]:
    """The paths of the files `inputs` name, in reading order."""
    return [f.path for f in input_files(inputs)]


def _stem(name: str) -> str:
    """A file name without its suffix: 'a.b.TXT' is 'a.b'."""
    stem, dot, _ = name.rpartition(".")
    return stem if dot and stem else name


def _folder_files(folder: Path, passed: list[Problem] | None) -> list[InputFile]:
    found: list[Path] = []
    other: list[Path] = []
    for root, dirs, names in os.walk(folder, followlinks=False, onerror=_walk_error):
        dirs[:] = [d for d in dirs if not d.startswith(".") or _note_hidden(root, d)]
        base = Path(root)
        for name in names:
            if name.startswith("."):
                _note_hidden(root, name)
                continue
            path = base / name
            problem = _not_readable(path)
            if problem is not None:
                _pass(Problem(str(path), None, problem), passed)
            elif path.suffix.lower() in READABLE_SUFFIXES:
                found.append(path)
            else:
                other.append(path)
        # os.walk lists a link to a folder among the folders and does not enter it.
        for name in list(dirs):
            if (base / name).is_symlink():
                dirs.remove(name)
                _pass(Problem(str(base / name), None, "a link to a folder: not followed"),
                      passed)
    if other:
        _unread(folder, sorted(other), passed)
    # Sorted as paths (folder by folder), the order in which articles were always read.
    return [InputFile(p, p.relative_to(folder).with_name(_stem(p.name)).as_posix())
            for p in sorted(found)]


def _walk_error(exc: OSError) -> None:
    raise InputError(Problem(str(exc.filename), None, f"cannot be listed ({exc.strerror})"))


def _note_hidden(root: str, name: str) -> bool:
    log.debug("%s: hidden, not read", Path(root) / name)
    return False


def _not_readable(path: Path) -> str | None:
    """Why the folder entry `path` is not read, or None for a regular file (or a link to
    one). A special file is never opened: a FIFO would block, /dev/zero never ends."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "a dangling symbolic link: not read"
    except OSError as exc:
        return f"cannot be read ({exc.strerror}): not read"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a link to a folder: not followed"
    return f"not a regular file ({_kind(mode)}): not read"


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "a special file"


def _pass(problem: Problem, passed: list[Problem] | None) -> None:
    warnings.warn(str(problem), InputWarning, stacklevel=4)
    log.warning("%s", problem)
    if passed is not None:
        passed.append(problem)


def _unread(folder: Path, paths: list[Path], passed: list[Problem] | None) -> None:
    """One warning for the files of a folder that have a suffix the reader does not read."""
    suffixes = Counter(p.suffix.lower() or "(none)" for p in paths)
    kinds = ", ".join(f"{n} {s}" for s, n in sorted(suffixes.items()))
    shown = ", ".join(str(p.relative_to(folder)) for p in paths[:3])
    more = f" and {len(paths) - 3} more" if len(paths) > 3 else ""
    message = (f"{len(paths)} file(s) not read ({kinds}): only .txt and .jsonl files are "
               f"read ({shown}{more})")
    warnings.warn(f"{folder}: {message}", InputWarning, stacklevel=4)
    log.warning("%s: %s", folder, message)
    if passed is not None:
        passed.extend(Problem(str(p), None, "not a .txt or .jsonl file: not read")
                      for p in paths)
