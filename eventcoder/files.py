"""Writing files safely: atomically, durably, with the umask's permissions, and never over
something that is not ours.

A file is written to a hidden temporary name in its folder (``.NAME.RANDOM.tmp``),
flushed to disk (``fsync``) and renamed into place, then the folder is flushed: a reader
never sees half a file, and a crash leaves the old file or the new one, whole. The
temporary file is created with mode 0666 less the umask, as any new file, so an output
(and an overwritten one) is as readable by others as the umask says.

While it writes, a writer holds an exclusive ``flock`` on its temporary file. A temporary
file nobody holds is what a killed run left behind: the next write to the same folder
removes it. One another writer holds is never touched. (Without ``fcntl``, on Windows,
nothing is removed.)

A symbolic link named as an output is written through: the file it points to is replaced
and the link stays.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

try:  # pragma: no cover - always there on POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

TEMP_SUFFIX = ".tmp"


def write_target(path: str | Path) -> Path:
    """The file a write to `path` replaces: a symbolic link's target (written through),
    else `path` itself."""
    target = Path(path)
    return Path(os.path.realpath(target)) if target.is_symlink() else target


def atomic_write(path: str | Path, write: Callable[[str], object]) -> Path:
    """Run `write(temporary_path)` in the target's folder, flush the file to disk, then
    rename it into place: readers never see half a file, and a failure leaves the old one
    as it was. Returns the path given."""
    target = write_target(path)
    remove_stale_temps(target.parent, target.name)
    with _temp_file(target) as temp:
        write(temp)
        _fsync(temp)
        os.replace(temp, target)
    _fsync_folder(target.parent)
    return Path(path)


@contextlib.contextmanager
def _temp_file(target: Path) -> Iterator[str]:
    """A new, locked temporary file beside `target`, removed if the block fails."""
    while True:
        temp = target.parent / f".{target.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # less the umask
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        # A cleaner may have taken the file for stale before the lock: start again.
        if _same_file(fd, temp):
            break
        os.close(fd)
    try:
        yield str(temp)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    finally:
        os.close(fd)  # releases the lock, after the rename


def _same_file(fd: int, path: Path) -> bool:
    try:
        here, there = os.fstat(fd), os.stat(path)
    except FileNotFoundError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def remove_stale_temps(folder: Path, name: str | None = None) -> list[Path]:
    """Remove the temporary files in `folder` (of the file `name`, or all) that no writer
    holds: what killed runs left. Returns the files removed."""
    if fcntl is None or not folder.is_dir():
        return []
    prefix = f".{name}." if name is not None else "."
    removed = []
    for entry in os.scandir(folder):
        if entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX) and \
                entry.is_file(follow_symlinks=False) and _unheld(Path(entry.path)):
            removed.append(Path(entry.path))
    return removed


def _unheld(path: Path) -> bool:
    """Remove `path` if no process holds its lock; True if it was removed."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return False  # a live writer's
    try:
        path.unlink()
        log.info("%s: removed a temporary file a killed run left", path)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def _fsync(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Flush the folder's entries (the rename). Not every system can open a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def writable_folder(folder: Path) -> str | None:
    """Why files cannot be created in `folder` (made if missing), or None if they can."""
    probe = folder
    while not probe.exists():
        if probe.parent == probe:
            break
        probe = probe.parent
    if probe.exists() and not probe.is_dir():
        return f"{probe} is not a folder"
    if not os.access(probe, os.W_OK | os.X_OK):
        return f"cannot write in the folder {probe}"
    return None
