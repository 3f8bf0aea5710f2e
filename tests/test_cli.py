"""The command line: thin, with help and examples on every command."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from eventcoder.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_code_validate_round_trip(runner: CliRunner, examples_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    result = runner.invoke(main, ["code", str(examples_dir), "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "events from" in result.output and "clash" in result.output
    result = runner.invoke(main, ["validate", str(out)])
    assert result.exit_code == 0 and "valid" in result.output
    assert "lexicon_hash" in result.output


def test_code_reports_a_bad_line(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "news.jsonl"
    src.write_text('{"id": "1", "text": "Troops clashed near Chaman."}\n{oops}\n',
                   encoding="utf-8")
    result = runner.invoke(main, ["code", str(src), "-o", str(tmp_path / "e.parquet")])
    assert result.exit_code == 1
    assert "news.jsonl:2" in result.output and "malformed JSON" in result.output
    assert not (tmp_path / "e.parquet").exists()
    result = runner.invoke(main, ["code", str(src), "--on-error", "skip",
                                  "-o", str(tmp_path / "e.parquet")])
    assert result.exit_code == 0, result.output
    assert "from 1 articles" in result.output


def test_validate_refuses_a_non_parquet_file(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "x.parquet"
    bad.write_text("not parquet", encoding="utf-8")
    result = runner.invoke(main, ["validate", str(bad)])
    assert result.exit_code == 1 and "not a readable Parquet" in result.output


def test_lexicon_check(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["lexicon", "check", str(ROOT / "eventcoder/lexicons/en")])
    assert result.exit_code == 0 and result.output.startswith("ok:")
    (tmp_path / "bad.yaml").write_text("groups:\n  - id: x\n    name: X\n    actor_type: mob\n"
                                       "  - id: Y\n    name: Y\n    actor_type: rioters\n",
                                       encoding="utf-8")
    result = runner.invoke(main, ["lexicon", "check", str(tmp_path)])
    assert result.exit_code == 1
    assert "bad.yaml:4 [x]: actor_type" in result.output
    assert "bad.yaml:5 [Y]: id" in result.output
    assert "2 problem(s)" in result.output


def test_evaluate(runner: CliRunner, examples_dir: Path) -> None:
    result = runner.invoke(main, ["evaluate", "--gold", str(ROOT / "examples/gold.jsonl"),
                                  str(examples_dir), "--json"])
    assert result.exit_code == 0, result.output
    assert '"recall"' in result.output


@pytest.mark.parametrize("command", [[], ["code"], ["validate"], ["lexicon"],
                                     ["lexicon", "check"], ["evaluate"]])
def test_every_command_has_help_with_examples(runner: CliRunner, command: list[str]) -> None:
    result = runner.invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output or command == ["lexicon"]
