"""The docstring examples of the library run as tests, in a scratch folder.

A docstring whose examples fail today is named in KNOWN_FAILING (strict xfail): it fails
the suite the day it passes, so that it is taken off the list.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import eventcoder

# Issue 12: the lead empties this after merging.
KNOWN_FAILING: set[str] = set()


def _doctests() -> list[doctest.DocTest]:
    finder = doctest.DocTestFinder()
    found = []
    for info in pkgutil.walk_packages(eventcoder.__path__, "eventcoder."):
        module = importlib.import_module(info.name)
        found += [t for t in finder.find(module, module.__name__) if t.examples]
    package = [t for t in finder.find(eventcoder, "eventcoder") if t.examples
               and t.name == "eventcoder"]
    return sorted({t.name: t for t in package + found}.values(), key=lambda t: t.name)


DOCTESTS = _doctests()


def test_the_public_api_has_examples() -> None:
    assert "eventcoder" in {t.name for t in DOCTESTS}


@pytest.mark.parametrize("test", [
    pytest.param(t, marks=pytest.mark.xfail(strict=True, reason="known failing example"))
    if t.name in KNOWN_FAILING else t for t in DOCTESTS], ids=lambda t: t.name)
def test_docstring_examples_run(test: doctest.DocTest, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # examples may write files
    report: list[str] = []
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    result = runner.run(test, out=report.append)
    assert result.failed == 0, "".join(report)


def test_known_failing_names_exist() -> None:
    assert KNOWN_FAILING <= {t.name for t in DOCTESTS}
