"""The compiled build (setup.py) held to its source: the installed package, compiled, codes a
dense corpus and the bundled examples into the very table this source tree codes, and each
of its compiled modules imports alone.

The source tree's run compares (under `python -m pytest` the tree is imported, not the
install); the tests skip where nothing compiled is installed (an editable install, or
`EVENTCODER_COMPILE=0`). CI installs the compiled build, so there they run.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import eventcoder
from tests.conftest import ON_INSTALLED, ROOT

# The interpreter run isolated (-I): no PYTHONPATH, no current folder on the path, so it
# imports the installed package.
_WHERE = ("import eventcoder, eventcoder.text, pathlib; p = pathlib.Path(eventcoder.__file__)"
          ".parent; print(eventcoder.text.__file__); print(*sorted(str(m.relative_to(p)) for m"
          " in p.rglob('*.so')), sep='\\n')")


def _isolated(script: str, cwd: Path, timeout: int = 900) -> str:
    done = subprocess.run([sys.executable, "-I", "-c", script], cwd=cwd, capture_output=True,
                          text=True, timeout=timeout)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


@pytest.fixture(scope="module")
def compiled_modules(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The installed package's compiled modules, by name; skips when there are none."""
    if ON_INSTALLED:
        pytest.skip("the tests run on the install: nothing to hold it to")
    text_file, *libraries = _isolated(_WHERE, tmp_path_factory.mktemp("where")).split()
    if not libraries:
        pytest.skip(f"no compiled install (eventcoder.text from {text_file})")
    return ["eventcoder." + lib.split(".")[0].replace("/", ".") for lib in libraries]


def _corpus(folder: Path) -> None:
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "benchmarks/corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # (its dataclasses look their module up)
    try:
        spec.loader.exec_module(module)
        module.generate(folder, 3000, seed=5, conflict_share=1.0)
    finally:
        del sys.modules[spec.name]


def test_the_compiled_build_codes_as_its_source(compiled_modules: list[str],
                                                 tmp_path: Path) -> None:
    assert "eventcoder.match" in compiled_modules and "eventcoder.resolve.event" in \
        compiled_modules
    _corpus(tmp_path / "dense")
    inputs = [str(tmp_path / "dense"), str(ROOT / "examples" / "articles")]
    out = tmp_path / "compiled.pkl"
    _isolated(f"import eventcoder; eventcoder.Coder().code_files({inputs!r})"
              f".to_pickle({str(out)!r})", tmp_path)
    compiled = pd.read_pickle(out)
    source = eventcoder.Coder().code_files(inputs)
    assert len(source) > 1000
    pd.testing.assert_frame_equal(compiled, source)


def test_each_compiled_module_imports_alone(compiled_modules: list[str], tmp_path: Path
                                            ) -> None:
    # A compiled module that names another's class must import it to run (see
    # resolve/facts.py): imported first, alone, it would otherwise crash the process.
    running = {name: subprocess.Popen([sys.executable, "-I", "-c", f"import {name}"],
                                      cwd=tmp_path, stderr=subprocess.PIPE, text=True)
               for name in compiled_modules}
    failed = {name: process.communicate(timeout=300)[1][-500:]
              for name, process in running.items() if process.wait(timeout=300) != 0}
    assert not failed
