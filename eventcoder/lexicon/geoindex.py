"""The place index: every town, village, district and province of the sources
(`geosources`), in a SQLite file that is opened, never loaded into Python objects.

The file is built on first use from the installed packages (about 20 CPU seconds, 75 MB)
into the user's cache folder (`EVENTCODER_CACHE`, else `$XDG_CACHE_HOME/eventcoder`, else
`~/.cache/eventcoder`; `%LOCALAPPDATA%\\eventcoder` on Windows), under a name keyed by
what it is built from: eventcoder's version, the index format, the code that builds it,
the versions of its source packages and the unit words of the lexicon. Any change to one of
them builds a new file; nothing is downloaded. A build writes a temporary file and renames
it, so processes that build at once never read half a file.

Tables: `places` (one row per place), `names` (folded name -> place; `alt` 1 for an
alternate name), `skeletons` (`skeleton` of a name -> place: spelling variants, read only
inside a known province).
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sqlite3
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .geosources import SourcePlace, ascii_name, latin_aliases, package_rows, source_versions

log = logging.getLogger(__name__)

INDEX_FORMAT = "3"
# Other index files kept in the cache folder when a new one is built (other versions).
_KEEP_OTHERS = 2

# A row of `places`, as `PlaceIndex` returns it.
PlaceRow = tuple[int, str, str, str, str, str, str, str, float, float, int]
_COLUMNS = "id, name, ascii, kind, iso2, admin1_code, admin2, admin3, latitude, longitude, " \
    "population"
_SELECTED = ", ".join("p." + c for c in _COLUMNS.split(", "))

_NOT_LETTER = re.compile(r"[^a-z]+")
_VOWELS = re.compile(r"[aeiouy]+")
_REPEATS = re.compile(r"(.)\1+")
_SOUNDS = str.maketrans({"q": "k", "c": "k", "w": "v", "z": "z", "x": "k"})


def skeleton(folded: str) -> str:
    """A name's consonants, for spelling variants of one name in Latin letters: Helmand and
    Hilmand, Uruzgan and Urozgan, Nahri Saraj and Nahr-e Saraj, Mirpur Khas and Mirpurkhas
    share one. The first letter is kept, vowels and "h" after it dropped, doubled letters
    read once. Too loose to name a place alone: read only inside a known province."""
    letters = _NOT_LETTER.sub("", folded)
    if not letters:
        return ""
    rest = _VOWELS.sub("", letters[1:].replace("h", "")).translate(_SOUNDS)
    return _REPEATS.sub(r"\1", letters[0].translate(_SOUNDS) + rest)


_JOINS = re.compile(r"[\s\-]+")


def joined(folded: str) -> str:
    """A name of several words written as one, as news often writes them ("Mirpurkhas",
    "Dattakhel"); "" for a name of one word or a joined one shorter than six letters."""
    together = _JOINS.sub("", folded)
    return together if together != folded and len(together) >= 6 else ""


def cache_dir() -> Path:
    explicit = os.environ.get("EVENTCODER_CACHE")
    if explicit:
        return Path(explicit)
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "eventcoder"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "eventcoder"


def _code_digest() -> str:
    """The code that builds the index and folds its names: a change to it builds anew."""
    from .. import text

    digest = hashlib.sha256()
    for path in (Path(__file__), Path(__file__).with_name("geosources.py"), Path(text.__file__)):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def index_key(unit_words: Iterable[str], sources: dict[str, str] | None = None) -> str:
    """The cache key of the index for these unit words and sources (name -> version)."""
    from .. import __version__

    parts = [INDEX_FORMAT, __version__, _code_digest(),
             *(f"{k}={v}" for k, v in sorted((sources or source_versions()).items())),
             "\x1f".join(sorted(unit_words))]
    return hashlib.sha256("\x1e".join(parts).encode("utf-8")).hexdigest()[:20]


class NameKeys:
    """The keys a place is found under: its folded names, and each without the unit words
    GeoNames writes around a unit's name ("Nahri Shahi District", "Wilayat Zabul")."""

    def __init__(self, fold: Callable[[str], str], unit_words: Iterable[str]) -> None:
        self.fold = fold
        words = sorted({fold(w).strip() for w in unit_words if w.strip()}, key=len, reverse=True)
        pattern = "|".join(re.escape(w) for w in words) or "(?!)"
        self._units = re.compile(rf"^(?:(?:{pattern})\s+)+|(?:\s+(?:{pattern}))+$")

    def has_unit_word(self, key: str) -> bool:
        """Does the folded `key` start or end with a unit word ("helmand province")?"""
        return self._units.search(key) is not None

    def bare(self, name: str) -> str:
        """The folded `name` without the unit words around it ("Bājaur Agency" -> "bajaur")."""
        key = self.fold(name).strip()
        return self._units.sub("", key).strip() or key

    def of(self, place: SourcePlace) -> Iterator[tuple[str, int]]:
        """(key, 1 if an alternate name) of a place, each key once. A town's name of several
        words is also a key written as one ("Mirpurkhas" for "Mirpur Khas"), as an alternate
        name (the matcher reads alternate names of large towns only: a smaller town's would
        grow it by a sixth)."""
        seen: set[str] = set()
        names = [(place.name, 0), (ascii_name(place.name), 0),
                 *((a, 1) for a in latin_aliases(place))]
        together: list[str] = []
        for name, alternate in names:
            key = self.fold(name).strip()
            keys = [key]
            if place.kind != "town":
                bare = self._units.sub("", key).strip()
                if bare and bare != key:
                    keys.append(bare)
            elif not alternate:  # its own name only: large towns have dozens of others
                together.append(joined(key))
            for k in keys:
                if len(k) >= 2 and k not in seen:
                    seen.add(k)
                    yield k, alternate
        for k in together:
            if k and k not in seen:
                seen.add(k)
                yield k, 1


def build_index(path: Path, rows: Iterable[SourcePlace], keys: NameKeys,
                meta: dict[str, str]) -> None:
    """Write the index of `rows` to `path` (through a temporary file beside it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        connection = sqlite3.connect(temporary)
        try:
            _fill(connection, rows, keys, meta)
        finally:
            connection.close()
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _fill(connection: sqlite3.Connection, rows: Iterable[SourcePlace], keys: NameKeys,
          meta: dict[str, str]) -> None:
    connection.executescript("""
        PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, ascii TEXT, kind TEXT,
            iso2 TEXT, admin1_code TEXT, admin2 TEXT, admin3 TEXT, latitude REAL,
            longitude REAL, population INTEGER);
        CREATE TABLE names (key TEXT, place INTEGER, alt INTEGER, kind TEXT,
            population INTEGER);
        CREATE TABLE skeletons (skeleton TEXT, place INTEGER);""")
    places, names, skeletons = [], [], []
    for place in rows:
        places.append((place.id, place.name, ascii_name(place.name), place.kind, place.iso2,
                       place.admin1_code, place.admin2, place.admin3, place.latitude,
                       place.longitude, place.population))
        for key, alternate in keys.of(place):
            names.append((key, place.id, alternate, place.kind, place.population))
            skel = skeleton(key)
            if len(skel) >= 3:
                skeletons.append((skel, place.id))
    connection.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
    connection.executemany(f"INSERT INTO places VALUES ({', '.join('?' * 11)})", places)
    connection.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?)", sorted(set(names)))
    connection.executemany("INSERT INTO skeletons VALUES (?, ?)", sorted(set(skeletons)))
    connection.executescript("""
        CREATE INDEX names_key ON names (key);
        CREATE INDEX skeletons_key ON skeletons (skeleton);
        ANALYZE;""")
    connection.commit()


class PlaceIndex:
    """A read-only place index. Thread-safe: one connection, used under a lock."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                                   check_same_thread=False)
        self.meta = dict(self._db.execute("SELECT key, value FROM meta"))

    def close(self) -> None:
        self._db.close()

    def _rows(self, sql: str, args: tuple) -> list:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    def places(self, key: str) -> list[tuple[PlaceRow, bool]]:
        """The places named `key` (folded), each with whether the name is an alternate."""
        # CROSS JOIN: SQLite then reads the names first, by their index.
        rows = self._rows(f"SELECT {_SELECTED}, n.alt FROM names n CROSS JOIN places p "
                          "ON p.id = n.place WHERE n.key = ? ORDER BY p.id, n.alt", (key,))
        out: dict[int, tuple[PlaceRow, bool]] = {}
        for row in rows:
            out.setdefault(row[0], (tuple(row[:11]), bool(row[11])))
        return list(out.values())

    def by_skeleton(self, skel: str) -> list[PlaceRow]:
        rows = self._rows(f"SELECT {_SELECTED} FROM skeletons s CROSS JOIN places p "
                          "ON p.id = s.place WHERE s.skeleton = ? ORDER BY p.id", (skel,))
        return [tuple(r) for r in rows]

    def admin1_names(self) -> list[tuple[str, str]]:
        """(GeoNames admin1 code, ASCII name) of every province of the index."""
        return self._rows("SELECT admin1_code, ascii FROM places WHERE kind = 'admin1' "
                          "ORDER BY admin1_code, id", ())

    def major_keys(self, min_population: int, min_alternate_population: int) -> list[str]:
        """The own names of towns of `min_population` people or more, the alternate names
        of those of `min_alternate_population`, and the names of every province and
        district: the names the matcher finds anywhere in a text. Smaller towns and
        villages are not among them: an event there is placed at its district."""
        rows = self._rows(
            "SELECT DISTINCT key FROM names WHERE "
            "(kind = 'town' AND alt = 0 AND population >= ?) OR "
            "(kind = 'town' AND population >= ?) OR kind != 'town' ORDER BY key",
            (min_population, min_alternate_population))
        return [r[0] for r in rows]


def open_index(fold: Callable[[str], str], unit_words: Iterable[str],
               rows: Callable[[], Iterable[SourcePlace]] | None = None,
               folder: Path | None = None, name: str | None = None) -> PlaceIndex:
    """The index for these unit words, built first if the cache has none. `rows` and `name`
    replace the installed sources (a fixture, or a gazetteer of one's own: the name keys
    its cache file)."""
    words = list(unit_words)
    key = index_key(words, None if rows is None else {"rows": name or "custom"})
    path = (folder or cache_dir()) / f"places-{key}.sqlite"
    if not path.exists():
        log.info("building the place index %s (once)", path)
        build_index(path, (rows or package_rows)(), NameKeys(fold, words),
                    {"key": key, "format": INDEX_FORMAT})
        _prune(path)
    return PlaceIndex(path)


def _prune(kept: Path) -> None:
    """Remove the older index files of other keys, keeping a few (other installs)."""
    others = sorted((p for p in kept.parent.glob("places-*.sqlite") if p != kept),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    for path in others[_KEEP_OTHERS:]:
        try:
            path.unlink()
        except OSError:
            pass  # another process's, in use or gone: not ours to insist on
