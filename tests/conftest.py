"""Shared fixtures and the hypothesis profiles.

Building a Coder compiles the lexicons (a few seconds), so tests share one.

Hypothesis profiles, chosen with the environment variable EVENTCODER_HYPOTHESIS_PROFILE:
  ci   (default) derandomized, no deadline, a modest number of examples: the whole suite
       stays within a few minutes on a 2-core machine, and every run tries the same examples
  dev  ten times the examples, random seeds, for a developer hunting bugs:
       EVENTCODER_HYPOTHESIS_PROFILE=dev python -m pytest tests/test_rule_properties.py
Tests size their example counts with `scaled(n)`: n examples under "ci", 10 n under "dev".
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent

# EVENTCODER_TESTS_ON=installed: the tests run on the installed package, which setup.py
# compiles, rather than on this source tree (the default: `python -m pytest` puts the tree
# first on the path). `.ci/run` runs the suite both ways.
ON_INSTALLED = os.environ.get("EVENTCODER_TESTS_ON") == "installed"
if ON_INSTALLED:
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT]

import eventcoder  # noqa: E402  (after the path is chosen)
import eventcoder.text  # noqa: E402
from eventcoder.testing import Generator  # noqa: E402


def compiled(module: ModuleType) -> bool:
    """Whether `module` was compiled (setup.py) rather than read from its source."""
    return Path(module.__file__ or "").suffix in {".so", ".pyd"}


if ON_INSTALLED and (Path(eventcoder.__file__ or "").parent == ROOT / "eventcoder"
                     or not compiled(eventcoder.text)):
    raise pytest.UsageError(f"EVENTCODER_TESTS_ON=installed, but eventcoder was imported from "
                            f"{eventcoder.__file__}, its text module from "
                            f"{eventcoder.text.__file__}: not a compiled install")


def interpreted_only(*modules: ModuleType, why: str) -> pytest.MarkDecorator:
    """Skips a test where one of `modules` is compiled: the test reads the interpreted code
    (a tracer, stand-ins for typed arguments, a subclass). The source tree's run checks the
    same source."""
    return pytest.mark.skipif(any(compiled(m) for m in modules), reason=f"compiled: {why}")

CI_EXAMPLES = 100  # the ci profile's default; scaled(n) means n of these
settings.register_profile(
    "ci", derandomize=True, deadline=None, max_examples=CI_EXAMPLES, database=None,
    print_blob=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile(
    "dev", derandomize=False, deadline=None, max_examples=10 * CI_EXAMPLES, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PROFILE = os.environ.get("EVENTCODER_HYPOTHESIS_PROFILE", "ci")
settings.load_profile(PROFILE)

# The Coders the tests build are cached (eventcoder.coder_cache) in a folder of this run,
# never in the user's: a run starts with an empty cache, as on a fresh machine, and the
# Coders built more than once (the bundled lexicon, by several tests) are loaded from it.
CODER_CACHE = tempfile.TemporaryDirectory(prefix="eventcoder-test-coders-")
os.environ["EVENTCODER_CODER_CACHE"] = CODER_CACHE.name


def scaled(n: int) -> settings:
    """Settings for a property worth `n` examples under the ci profile (more under dev)."""
    return settings(max_examples=max(1, round(n * settings.default.max_examples / CI_EXAMPLES)))


@lru_cache(maxsize=1)
def shared_coder() -> eventcoder.Coder:
    """The Coder every test shares (also usable where a fixture cannot reach: strategies).

    Its state forces carry no regime years ("Military Forces of Pakistan", not "... (2013-
    2018)"): the tables pin what the rules find, and compare names as the ACLED scorer does,
    years aside; tests/test_actors.py checks the years with a Coder of its own."""
    return eventcoder.Coder(regime_years=False)


@lru_cache(maxsize=1)
def shared_generator() -> Generator:
    """The strategies over the shared Coder (what they draw from is computed once)."""
    return Generator(shared_coder())


@pytest.fixture(scope="session")
def coder() -> eventcoder.Coder:
    return shared_coder()


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return ROOT / "examples" / "articles"


def code_rows(coder: eventcoder.Coder, texts: Iterable[str], published: Any = None,
              ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """The rows the coder makes, without building and validating the table (which costs
    ~80 ms a call): for properties that compare events, not tables."""
    from eventcoder.documents import documents_from_texts

    return list(coder.iter_rows(documents_from_texts(list(texts), published, ids)))


def assert_rows(rows: list[dict[str, Any]], expected: list[dict[str, Any]], *,
                summary: list[Any], versioned: bool = False) -> None:
    """The coded `rows`, in order, have the `expected` values (a dict of columns per row).
    `versioned`: an actor's name may carry its government's years after the expected one
    ("Police Forces of India (2014-)" for "Police Forces of India")."""
    assert len(rows) == len(expected), summary
    for row, want in zip(rows, expected):
        for column, value in want.items():
            got = row[column]
            assert got == value or (versioned and isinstance(got, str) and
                                    got.startswith(f"{value} (")), (column, got, summary)


def lazy(factory: Any, *args: Any, **kwargs: Any) -> st.SearchStrategy[Any]:
    """`factory(shared_generator(), ...)` as a strategy, built when first drawn from, so test
    modules can name strategies over the coder at import time."""
    return st.deferred(lambda: factory(shared_generator(), *args, **kwargs))


def check_invariants(rows: list[dict[str, Any]], coder: eventcoder.Coder) -> None:
    """Rules every coded event keeps, whatever the text: no mediator is also a side; violent
    types report fatalities (0 or more), others none; ACLED's interaction code is the two
    actor types, lower first; the two sides differ; a date has a precision."""
    import pandas as pd

    def missing(value: Any) -> bool:
        return value is None or (not isinstance(value, (list, tuple)) and bool(pd.isna(value)))

    violent = {t.id for t in coder.lexicon.event_types if t.violent}
    for row in rows:
        sides = {v for v in (row["actor1_iso3"], row["actor2_iso3"]) if not missing(v)}
        assert not set(row["mediators_iso3"]) & sides, f"a mediator is also a side: {row}"
        if row["event_type"] in violent:
            assert not missing(row["fatalities"]) and row["fatalities"] >= 0, row
        else:
            assert missing(row["fatalities"]), row
        inter = sorted(int(v) for v in (row["inter1"], row["inter2"]) if not missing(v))
        want = inter[0] * 10 + (inter[1] if len(inter) > 1 else 0) if inter else None
        got = None if missing(row["interaction"]) else int(row["interaction"])
        assert got == want, f"interaction {got} for actor types {inter}"
        if not missing(row["actor1"]) and not missing(row["actor2"]):
            assert row["actor1"] != row["actor2"], row
        assert missing(row["event_date"]) == missing(row["time_precision"]), row


def assert_sentence(sentence: str, expected: list[dict[str, Any]], published: str) -> None:
    """The shared coder codes `sentence` into the `expected` rows (see `assert_rows`; an
    actor's name may carry its government's years)."""
    rows = shared_coder().code_texts([sentence], published=published).to_dict("records")
    summary = [(r["event_type"], r["actor1"], r["actor2"], r["rule"]) for r in rows]
    assert_rows(rows, expected, summary=summary, versioned=True)
