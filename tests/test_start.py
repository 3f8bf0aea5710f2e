"""A fast start (issue 15): a Coder loaded from the cache is the Coder that was built, a
stale, damaged or unwritable cache is rebuilt or passed by with no error, the key follows
everything a Coder is built from, `import eventcoder` and `eventcoder --help` import none of
the heavy libraries, the module-level helpers share one Coder, and the command line refuses
a bad input before it builds one.

Most tests build their Coders over the small fixture place table (tests/data), whose index
and Coder build in about a second, with every cache in the test's own folder."""

from __future__ import annotations

import dataclasses
import datetime
import enum
import os
import pickle
import re
import subprocess
import sys
import threading
import time
import types
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ahocorasick
import pandas as pd
import pytest
from click.testing import CliRunner

import eventcoder
from eventcoder import coder as coder_module
from eventcoder import coder_cache
from eventcoder.cli import main
from eventcoder.lexicon.geoindex import PlaceIndex
from eventcoder.model.pickling import init_fields
from eventcoder.text import FoldTable
from tests.test_golden import CASES

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "data" / "places_fixture.tsv"
TEXTS = [text for text, _ in CASES]
PUBLISHED = "2026-03-02"
HEAVY = ("pandas", "pandera", "pyarrow", "dateparser", "dask", "numpy", "pydantic", "yaml",
         "ahocorasick", "eventcoder.coder", "eventcoder.lexicon")


@pytest.fixture
def small(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Coders over the fixture place table, their index and cache in `tmp_path`; the
    folder of the cached Coders."""
    monkeypatch.setenv("EVENTCODER_PLACES", str(FIXTURE))
    monkeypatch.setenv("EVENTCODER_CACHE", str(tmp_path / "index"))
    monkeypatch.setenv(coder_cache.ENV, str(tmp_path / "coders"))
    return tmp_path / "coders"


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One item per Coder built (not loaded from the cache)."""
    built: list[int] = []
    build = eventcoder.Coder._build

    def counted(self: Any, *args: Any) -> None:
        built.append(1)
        build(self, *args)

    monkeypatch.setattr(eventcoder.Coder, "_build", counted)
    return built


def _cached(folder: Path) -> list[Path]:
    return sorted(folder.glob("coder-*.pickle")) if folder.exists() else []


def _table(coder: eventcoder.Coder) -> pd.DataFrame:
    frame = coder.code_texts(TEXTS, published=PUBLISHED)
    assert len(frame) > 10  # the comparison is never of two empty tables
    return frame


# -- the state loaded is the state built ----------------------------------------------------

# Values compared by equality (an Enum member, pickled by name, is itself).
ATOMS = (str, bytes, int, float, complex, type(None), Path, re.Pattern, datetime.date,
         datetime.time, datetime.timedelta, enum.Enum)


def assert_same_state(a: Any, b: Any) -> None:
    """`b` is a copy of `a`: the same types and values all through, and the same sharing
    (an object reached twice from `a` is one object reached twice from `b`)."""
    pairs: dict[int, Any] = {}
    keep: list[Any] = []  # the ids in `pairs` stay those of live objects
    stack: list[tuple[Any, Any, str]] = [(a, b, "coder")]
    while stack:
        x, y, where = stack.pop()
        assert type(x) is type(y), where
        if isinstance(x, ATOMS):
            assert x == y or x != x and y != y, where  # NaN is itself
            continue
        if isinstance(x, types.BuiltinMethodType) and x.__self__ is not None and \
                not isinstance(x.__self__, types.ModuleType):
            # a method bound to an object of a compiled class (setup.py), or of a C type
            assert x.__name__ == y.__name__, where
            stack.append((x.__self__, y.__self__, f"{where}.__self__"))
            continue
        if isinstance(x, (type, types.FunctionType, types.BuiltinFunctionType)):
            assert x is y, where  # pickled by name
            continue
        if id(x) in pairs:
            assert pairs[id(x)] is y, f"{where}: shared in one, not in the other"
            continue
        pairs[id(x)] = y
        keep.append(x)
        stack.extend(_children(x, y, where))


def _children(x: Any, y: Any, where: str) -> list[tuple[Any, Any, str]]:
    out: list[tuple[Any, Any, str]] = []
    if isinstance(x, FoldTable):  # a memo of `fold_char`, filled by what was folded
        assert all(x[k] == y[k] for k in x.keys() & y.keys()), where
    elif isinstance(x, dict):
        assert list(x) == list(y), where  # the same keys, in the same order
        out = [(x[k], y[k], f"{where}[{k!r}]") for k in x]
    elif isinstance(x, (list, tuple)):
        assert len(x) == len(y), where
        out = [(v, w, f"{where}[{i}]") for i, (v, w) in enumerate(zip(x, y))]
    elif isinstance(x, (set, frozenset)):
        assert x == y, where
    elif isinstance(x, ahocorasick.Automaton):
        assert x.get_stats() == y.get_stats() and x.kind == y.kind, where
        return [(list(x.items()), list(y.items()), f"{where}.items()")]
    elif isinstance(x, PlaceIndex):
        assert x.path == y.path and x.meta == y.meta, where
        return []
    elif isinstance(x, types.MethodType):
        assert x.__func__ is y.__func__, where
        return [(x.__self__, y.__self__, f"{where}.__self__")]
    else:
        # A compiled class (setup.py) lists its attributes in `__mypyc_attrs__`.
        slots = [n for k in type(x).__mro__
                 for n in (*getattr(k, "__slots__", ()), *k.__dict__.get("__mypyc_attrs__", ()))
                 if n not in {"__dict__", "__weakref__"}]
        out = [(getattr(x, n, None), getattr(y, n, None), f"{where}.{n}") for n in slots]
        assert slots or hasattr(x, "__dict__"), f"{where}: a {type(x).__name__}"
    if hasattr(x, "__dict__"):
        out.append((vars(x), vars(y), f"{where}.__dict__"))
    return out


def test_a_loaded_coder_is_the_coder_built(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                          builds: list[int]) -> None:
    """The bundled lexicon and the whole place index: what the cache holds is what was
    built, object for object, and codes the same table."""
    monkeypatch.setenv(coder_cache.ENV, str(tmp_path))
    built = eventcoder.Coder(regime_years=False)
    assert builds == [1] and len(_cached(tmp_path)) == 1
    loaded = eventcoder.Coder(regime_years=False)
    assert builds == [1]  # loaded, not built
    assert_same_state(built.__dict__, loaded.__dict__)
    pd.testing.assert_frame_equal(_table(loaded), _table(built))
    examples = ROOT / "examples" / "articles"
    pd.testing.assert_frame_equal(loaded.code_files(examples), built.code_files(examples))


def test_the_state_comparison_sees_a_difference(small: Path) -> None:
    """The comparison above is not blind: a number, a phrase, a shared object apart."""
    # (the place index holds a lock the plain pickler cannot copy: leave out the gazetteer
    # and what refers to it)
    state = {k: v for k, v in eventcoder.Coder().__dict__.items()
             if k not in {"gazetteer", "countries"}}
    assert_same_state(state, pickle.loads(pickle.dumps(state)))
    changed = pickle.loads(pickle.dumps(state))
    changed["matcher"].size += 1
    with pytest.raises(AssertionError, match="matcher"):
        assert_same_state(state, changed)
    changed = pickle.loads(pickle.dumps(state))
    changed["matcher"]._full.add_word(" no such place ", None)
    with pytest.raises(AssertionError, match="matcher"):
        assert_same_state(state, changed)
    shared, apart = [[1]] * 2, [[1], [1]]
    with pytest.raises(AssertionError, match="shared"):
        assert_same_state(shared, apart)


def test_cached_coders_code_as_fresh_ones(small: Path, builds: list[int]) -> None:
    fresh = eventcoder.Coder(cache=False)
    assert builds == [1] and _cached(small) == []  # cache=False writes nothing
    eventcoder.Coder()
    loaded = eventcoder.Coder()
    assert builds == [1, 1] and len(_cached(small)) == 1
    assert_same_state(fresh.__dict__, loaded.__dict__)
    pd.testing.assert_frame_equal(_table(loaded), _table(fresh))


def test_the_cache_can_be_turned_off(small: Path, monkeypatch: pytest.MonkeyPatch,
                                     builds: list[int]) -> None:
    monkeypatch.setenv(coder_cache.ENV, "off")
    eventcoder.Coder()
    eventcoder.Coder()
    assert builds == [1, 1] and not small.exists()


# -- stale, damaged, unwritable ------------------------------------------------------------

def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _garbage(path: Path) -> None:
    path.write_bytes(os.urandom(4096))


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _other_key(path: Path) -> None:
    """A whole cache file, of another key: copied over, or renamed by hand."""
    with path.open("rb") as handle:
        pickle.Unpickler(handle).load()
        state = handle.read()
    path.write_bytes(pickle.dumps((coder_cache.FORMAT, "another key")) + state)


def _not_a_state(path: Path) -> None:
    key = path.name[len("coder-"):-len(".pickle")]
    path.write_bytes(pickle.dumps((coder_cache.FORMAT, key)) + pickle.dumps(["a list"]))


def _missing_index(path: Path) -> None:
    """The place index the Coder reopens is gone (a cleaned cache folder)."""
    for index in (path.parent.parent / "index").glob("places-*.sqlite"):
        index.unlink()


@pytest.mark.parametrize("damage", [_truncate, _garbage, _empty, _other_key, _not_a_state,
                                    _missing_index])
def test_a_damaged_cache_is_rebuilt_with_no_error(small: Path, builds: list[int],
                                                  damage: Any,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    reference = _table(eventcoder.Coder())
    [path] = _cached(small)
    damage(path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing reaches the user but the log
        rebuilt = eventcoder.Coder()
    assert builds == [1, 1]
    assert "building it again" in caplog.text
    pd.testing.assert_frame_equal(_table(rebuilt), reference)
    assert [p.name for p in _cached(small)] == [path.name]  # written again, whole
    eventcoder.Coder()
    assert builds == [1, 1]


def test_an_unwritable_cache_is_passed_by(small: Path, builds: list[int],
                                          caplog: pytest.LogCaptureFixture) -> None:
    small.parent.mkdir(parents=True, exist_ok=True)
    small.write_text("a file where the folder should be")
    reference = eventcoder.Coder(cache=False)
    coder = eventcoder.Coder()
    assert builds == [1, 1] and "could not be cached" in caplog.text
    pd.testing.assert_frame_equal(_table(coder), _table(reference))


def test_a_failed_write_leaves_no_file(small: Path, monkeypatch: pytest.MonkeyPatch,
                                       builds: list[int]) -> None:
    """A write that fails halfway (a full disk) leaves neither a cache file nor its
    temporary file: the next Coder is built again, not read from half a file."""
    def failing(self: Any, obj: Any) -> None:
        self.write(b"half a file")
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(coder_cache._Pickler, "dump", failing)
        eventcoder.Coder()
    assert list(small.iterdir()) == []
    eventcoder.Coder()
    assert builds == [1, 1] and len(_cached(small)) == 1


def test_old_cache_files_are_pruned(small: Path) -> None:
    small.mkdir(parents=True)
    for i in range(6):
        old = small / f"coder-old{i}.pickle"
        old.write_bytes(b"")
        os.utime(old, (1_000_000 + i, 1_000_000 + i))
    eventcoder.Coder()
    names = {p.name for p in _cached(small)}
    assert len(names) == 1 + coder_cache._KEEP_OTHERS
    assert {"coder-old5.pickle", "coder-old4.pickle", "coder-old3.pickle"} < names


# -- the key -------------------------------------------------------------------------------

def _lexicon(folder: Path, group: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "groups.yaml").write_text(
        f"groups:\n  - {{id: {group.lower().replace(' ', '_')}, name: {group}, "
        "actor_type: rebel_group, country: PAK}\n", encoding="utf-8")
    return folder


def test_a_user_lexicon_changes_the_key(small: Path, tmp_path: Path, builds: list[int]) -> None:
    mine = _lexicon(tmp_path / "mine", "Amber Hills Front")
    text = "Fighters of the {} clashed with Pakistani troops in Quetta on Monday."
    first = eventcoder.Coder(extra_lexicons=[mine]).code_texts(
        text.format("Amber Hills Front"), published=PUBLISHED)
    assert first.loc[0, "actor1"] == "Amber Hills Front"
    _lexicon(mine, "Cobalt Ridge Army")  # the user edits the file
    second = eventcoder.Coder(extra_lexicons=[mine])
    assert builds == [1, 1]  # not the stale Coder
    coded = second.code_texts(text.format("Cobalt Ridge Army"), published=PUBLISHED)
    assert "Cobalt Ridge Army" in set(coded["actor1"]) | set(coded["actor2"])
    assert "Amber Hills Front" not in {a.name for a in second.lexicon.groups}
    eventcoder.Coder()  # the bundled lexicon alone is another Coder again
    assert builds == [1, 1, 1]
    _lexicon(mine, "Amber Hills Front")  # back as it was: the first one, from the cache
    again = eventcoder.Coder(extra_lexicons=[mine])
    assert builds == [1, 1, 1]
    pd.testing.assert_frame_equal(again.code_texts(text.format("Amber Hills Front"),
                                                   published=PUBLISHED), first)


def _key(folders: list[Path], **settings: Any) -> str | None:
    return coder_cache.cache_key(folders, {"min_population": 5000, "regime_years": None,
                                           **settings})


def test_the_key_follows_what_a_coder_is_built_from(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from eventcoder.lexicon.loader import BUNDLED

    a, b = _lexicon(tmp_path / "a", "Amber Hills Front"), _lexicon(tmp_path / "b", "X Y")
    base = _key([BUNDLED, a])
    assert base is not None and base == _key([BUNDLED, a])
    others = {
        "another folder": _key([BUNDLED, b]),
        "folders in another order": _key([a, BUNDLED]),
        "min_population": _key([BUNDLED, a], min_population=5001),
        "regime_years": _key([BUNDLED, a], regime_years=False),
    }
    (a / "groups.yaml").write_text((a / "groups.yaml").read_text() + "\n", encoding="utf-8")
    others["a byte of a lexicon file"] = _key([BUNDLED, a])
    (a / "groups.yaml").write_text((a / "groups.yaml").read_text()[:-1], encoding="utf-8")
    assert _key([BUNDLED, a]) == base
    monkeypatch.setattr(coder_cache, "_version", lambda name: "99")
    others["package versions"] = _key([BUNDLED, a])
    monkeypatch.undo()
    monkeypatch.setattr(coder_cache, "_add_code", lambda digest: digest.update(b"edited"))
    others["eventcoder's source"] = _key([BUNDLED, a])
    monkeypatch.undo()
    monkeypatch.setenv("EVENTCODER_PLACES", str(FIXTURE))
    others["a place table of one's own"] = _key([BUNDLED, a])
    monkeypatch.undo()
    assert _key([BUNDLED, a]) == base
    assert base not in others.values() and len(set(others.values())) == len(others), others
    assert _key([BUNDLED, tmp_path / "no such folder"]) is None  # building reports it


def test_lexicon_warnings_are_given_by_a_loaded_coder_too(small: Path, tmp_path: Path,
                                                          builds: list[int]) -> None:
    mine = tmp_path / "twice"
    mine.mkdir()
    (mine / "types.yaml").write_text(  # "bombed" is also an airstrike's trigger
        "event_types:\n  - id: shelling\n    label: S\n    structure: one_sided\n"
        "    triggers: [shelled, Bombed, mortars]\n", encoding="utf-8")
    with pytest.warns(eventcoder.LexiconWarning) as built:
        eventcoder.Coder(extra_lexicons=[mine])
    with pytest.warns(eventcoder.LexiconWarning) as loaded:
        eventcoder.Coder(extra_lexicons=[mine])
    assert builds == [1]
    assert [str(w.message) for w in loaded] == [str(w.message) for w in built]


# -- pickling frozen dataclasses by their __init__ -------------------------------------------

@dataclasses.dataclass(frozen=True, slots=True)
class _Plain:
    a: int
    b: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True, slots=True)
class _Derived:
    a: int
    twice: int = dataclasses.field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "twice", 2 * self.a)


@dataclasses.dataclass(frozen=True, slots=True)
class _Wrapping:
    """A `__post_init__` that changes a field: calling `__init__` again would wrap twice."""

    items: tuple[str, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", ("wrapped", *self.items))


@dataclasses.dataclass(frozen=True, slots=True)
class _Keyword:
    a: int
    b: int = dataclasses.field(default=0, kw_only=True)


@pytest.mark.parametrize("obj, by_init", [(_Plain(1, ("x",)), True), (_Derived(3), False),
                                          (_Wrapping(("x",)), False),
                                          (_Keyword(1, b=2), False)])
def test_frozen_dataclasses_round_trip(obj: Any, by_init: bool) -> None:
    import io

    assert (init_fields(type(obj)) is not None) == by_init
    buffer = io.BytesIO()
    coder_cache._Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump([obj, obj])
    first, second = pickle.loads(buffer.getvalue())
    assert first == obj and first is second


# -- imports -------------------------------------------------------------------------------

def _loaded_after(code: str) -> list[str]:
    """The heavy modules a fresh interpreter holds after running `code`."""
    probe = f"{code}\nimport sys\nprint(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    return eval(done.stdout.strip().splitlines()[-1])  # noqa: S307 - our own list


@pytest.mark.parametrize("code", [
    "import eventcoder",
    "import eventcoder; eventcoder.__version__; eventcoder.EventcoderError",
    "from eventcoder.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass",
    "from eventcoder.cli import main\ntry:\n    main(['code', '--help'])\nexcept SystemExit:\n"
    "    pass",
])
def test_import_and_help_load_no_heavy_library(code: str) -> None:
    assert _loaded_after(code) == []


def test_every_public_name_is_there_when_asked_for() -> None:
    import importlib

    for name in eventcoder.__all__:
        value = getattr(eventcoder, name)
        module = eventcoder._LAZY.get(name)
        if module is not None:
            assert value is getattr(importlib.import_module(f"eventcoder.{module}"), name)
    assert set(eventcoder.__all__) == {"__version__", *eventcoder._LAZY}
    assert set(eventcoder.__all__) <= set(dir(eventcoder))
    with pytest.raises(AttributeError):
        eventcoder.no_such_name  # noqa: B018


def test_evaluate_acled_stays_the_function() -> None:
    """`eventcoder.evaluate_acled` is a submodule and the function it defines: importing
    the submodule (as the command line does) must not put it in the function's place."""
    code = ("import eventcoder\nimport eventcoder.evaluate_acled as module\n"
            "from eventcoder.evaluate_acled import AcledEvaluation\n"
            "assert callable(eventcoder.evaluate_acled), eventcoder.evaluate_acled\n"
            "print('ok')")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT, timeout=120)
    assert done.stdout.strip() == "ok", done.stderr


# -- the default Coder -----------------------------------------------------------------------

class _SlowCoder:
    made: list[_SlowCoder] = []

    def __init__(self) -> None:
        time.sleep(0.05)  # long enough for every thread to arrive while it is built
        _SlowCoder.made.append(self)

    def code_texts(self, *args: Any, **kwargs: Any) -> list[Any]:
        return [self]

    code_files = code_texts


@pytest.fixture
def slow_default(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[_SlowCoder]]:
    monkeypatch.setattr(coder_module, "Coder", _SlowCoder)
    coder_module._default_coder.cache_clear()
    _SlowCoder.made = []
    yield _SlowCoder
    coder_module._default_coder.cache_clear()


def test_module_helpers_share_one_default_coder(slow_default: type[_SlowCoder]) -> None:
    first = eventcoder.code_texts(["a"])[0]
    assert eventcoder.code_texts(["b"])[0] is first
    assert eventcoder.code_files("x")[0] is first  # type: ignore[index]
    assert eventcoder.default_coder() is first and slow_default.made == [first]


def test_threads_asking_at_once_get_one_default_coder(slow_default: type[_SlowCoder]) -> None:
    got: list[Any] = []
    threads = [threading.Thread(target=lambda: got.append(eventcoder.default_coder()))
               for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(slow_default.made) == 1 and all(c is slow_default.made[0] for c in got)


# -- the command line checks before it builds -------------------------------------------------

@pytest.fixture
def never_built(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any) -> None:
        raise AssertionError("the Coder was built")

    monkeypatch.setattr("eventcoder.cli._coder", refuse)


@pytest.mark.parametrize("name, message", [
    ("notes.csv", "unsupported file type (use .txt or .jsonl)"),
    ("fifo.txt", "not a regular file"),
])
def test_a_bad_input_is_refused_before_the_coder_is_built(
        tmp_path: Path, never_built: None, name: str, message: str) -> None:
    bad = tmp_path / name
    if name.startswith("fifo"):
        os.mkfifo(bad)
    else:
        bad.write_text("Gunmen attacked a checkpoint on Monday.", encoding="utf-8")
    for args in (["code", str(bad), "-o", str(tmp_path / "e.parquet")],
                 ["evaluate", "--gold", str(FIXTURE), str(bad)]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1 and isinstance(result.exception, SystemExit), \
            result.exception
        assert f"{bad}: {message}" in result.output
    assert not (tmp_path / "e.parquet").exists()


def test_a_bad_input_may_be_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    coder: eventcoder.Coder) -> None:
    """With --on-error skip the reader passes it by, with a warning, as before."""
    monkeypatch.setattr("eventcoder.cli._coder", lambda *args: coder)
    bad = tmp_path / "notes.csv"
    bad.write_text("Gunmen attacked a checkpoint on Monday.", encoding="utf-8")
    result = CliRunner().invoke(main, ["code", str(bad), "-o", str(tmp_path / "e.parquet"),
                                       "--on-error", "skip", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "1 articles skipped" in result.output
