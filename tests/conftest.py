"""Shared fixtures. Building a Coder compiles the lexicons (a few seconds), so tests share one."""

from __future__ import annotations

from pathlib import Path

import pytest

import eventcoder

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def coder() -> eventcoder.Coder:
    return eventcoder.Coder()


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return ROOT / "examples" / "articles"
