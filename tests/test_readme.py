"""The README's snippets run as written: its Python blocks in order, in one namespace, and
every command of its shell blocks (run when what it reads is there, else its --help).
The two install commands at the top are run by CI itself (.ci/run) and by hand on a fresh
machine (docs/api.md, "Minimum versions")."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventcoder.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", README, flags=re.M | re.S)


def _commands() -> list[list[str]]:
    """The `eventcoder ...` commands of the README's shell blocks, in order, comments taken
    off (`.venv/bin/eventcoder` as well: the first command codes the examples)."""
    found = []
    for block in _blocks("bash"):
        for line in block.splitlines():
            for part in line.split("&&"):
                words = shlex.split(part, comments=True)
                if words and Path(words[0]).name == "eventcoder":
                    found.append(words[1:])
    return found


@pytest.fixture()
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with the repository's examples in it, as the snippets expect."""
    (tmp_path / "examples").symlink_to(ROOT / "examples", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_readme_has_the_snippets_tested_here() -> None:
    assert len(_blocks("python")) >= 1
    assert {c[0] for c in _commands()} >= {"code", "validate", "report", "export", "lexicon",
                                           "evaluate"}


def test_the_python_snippets_run(workspace: Path) -> None:
    namespace: dict[str, object] = {"__name__": "readme"}
    for block in _blocks("python"):
        exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102
    assert (workspace / "events.parquet").is_file()
    assert (workspace / "timeline.png").stat().st_size > 1000
    for name in ("df", "events", "same", "acled"):
        assert name in namespace, name


def test_every_shell_command_runs_or_has_help(workspace: Path) -> None:
    runner = CliRunner()
    ran = []
    for args in _commands():
        inputs = [a for a in args if not a.startswith("-") and ("/" in a or "." in a)]
        outputs = {args[i + 1] for i, a in enumerate(args[:-1]) if a in ("-o", "--output")}
        readable = all(Path(a).exists() for a in inputs if a not in outputs)
        if readable:
            result = runner.invoke(main, args)
            assert result.exit_code == 0, f"eventcoder {' '.join(args)}\n{result.output}"
            ran.append(args[0])
        else:
            command = [a for a in args if not a.startswith("-")][:2]
            command = command[:1] if command[0] != "lexicon" else command
            result = runner.invoke(main, [*command, "--help"])
            assert result.exit_code == 0, f"eventcoder {' '.join(command)} --help"
    # What a reader runs first works from the examples alone.
    assert {"code", "validate", "export", "evaluate"} <= set(ran), ran
