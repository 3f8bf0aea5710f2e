"""The API reference (docs/api.md): pdoc builds it without a warning, the examples of
docs/api.md run, and every public function has an example somewhere that runs."""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import inspect
import pkgutil
import re
from pathlib import Path
from types import ModuleType

import pytest

import eventcoder

ROOT = Path(__file__).resolve().parent.parent
API_DOC = ROOT / "docs" / "api.md"
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_api_docs",
                                                  ROOT / "scripts" / "build_api_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_reference_builds_without_a_warning(tmp_path: Path) -> None:
    script = _script()
    pages = script.build(tmp_path)
    names = {p.relative_to(tmp_path).as_posix() for p in pages}
    for module in script.MODULES:
        assert module.replace(".", "/") + ".html" in names
    front = (tmp_path / "eventcoder.html").read_text(encoding="utf-8")
    for name in ("Coder", "code_texts", "to_acled", "write_events", "InputError"):
        assert f'id="{name}"' in front, name


def test_the_examples_of_docs_api_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the examples write files
    failed, attempted = doctest.testfile(str(API_DOC), module_relative=False, optionflags=FLAGS,
                                         verbose=False, report=True)
    assert attempted > 10 and failed == 0


def _example_sources() -> str:
    finder = doctest.DocTestFinder()
    sources = []
    modules = [eventcoder] + [importlib.import_module(info.name) for info in
                              pkgutil.walk_packages(eventcoder.__path__, "eventcoder.")]
    for module in modules:
        for test in finder.find(module, module.__name__):
            sources += [example.source for example in test.examples]
    parser = doctest.DocTestParser()
    sources += [e.source for e in parser.get_examples(API_DOC.read_text(encoding="utf-8"))]
    return "".join(sources)


def test_every_public_function_has_an_example_that_runs() -> None:
    sources = _example_sources()
    functions = [name for name in eventcoder.__all__
                 if inspect.isfunction(getattr(eventcoder, name))]
    assert len(functions) >= 8
    missing = [name for name in functions if not re.search(rf"\b{name}\(", sources)]
    assert not missing, f"public functions without a docstring or docs/api.md example: {missing}"
