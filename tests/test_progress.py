"""The progress bar of `eventcoder code --progress` knows its total: it shows the articles
done out of all of them, a percentage and the time left (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import eventcoder
from eventcoder.cli import _bar_total, main


@pytest.mark.parametrize("names, total", [
    (["articles"], 11), (["sentences.jsonl"], 90), (["articles", "sentences.jsonl"], 101),
    (["articles/colombia_catatumbo_eln.txt"], 1)])
def test_the_total_counts_articles(examples_dir: Path, names: list[str], total: int) -> None:
    root = examples_dir.parent
    assert _bar_total([str(root / n) for n in names], True) == total


def test_the_total_skips_hidden_and_blank_lines_and_other_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("skipped", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "b.txt").write_text("skipped", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.jsonl").write_text('{"id": 1, "text": "x"}\n\n  \n'
                                              '{"id": 2, "text": "y"}\n', encoding="utf-8")
    assert _bar_total([str(tmp_path)], True) == 3
    assert _bar_total([str(tmp_path)], False) is None  # no bar, nothing read


@pytest.mark.parametrize("folder", [False, True])
def test_the_bar_shows_total_and_percentage(examples_dir: Path, tmp_path: Path, folder: bool,
                                            coder: eventcoder.Coder,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("eventcoder.cli._coder", lambda lexicons, replace: coder)
    out = f"{tmp_path}/events/" if folder else f"{tmp_path}/events.parquet"
    result = CliRunner().invoke(main, ["code", str(examples_dir), "-o", out, "--progress"])
    assert result.exit_code == 0, result.output
    assert "11/11" in result.stderr and "100%" in result.stderr, result.stderr
