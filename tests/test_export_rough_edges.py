"""Issue 15's rough edges, each held by a test: `progress=True` draws a bar (it raised
TypeError), the module-level helpers take `on_error`, and `evaluate` scores only the gold
lines of the articles it was given (the README's command scored lines of articles it never
read: recall 0.37)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import eventcoder
from eventcoder.evaluate import evaluate

ARTICLES = {
    "border": "12 March 2026\nSoldiers of the two armies traded fire across the border "
              "near Torkham on Tuesday, officials said.\n",
    "talks": "12 March 2026\nEnvoys of Pakistan and Afghanistan held talks in Doha on "
             "Wednesday about reopening the crossing.\n",
}


@pytest.mark.parametrize("progress", [True, False, None, "callable"])
def test_progress_may_be_a_flag_or_a_callable(coder: eventcoder.Coder, examples_dir: Path,
                                              progress: Any) -> None:
    calls: list[int] = []
    given = calls.append if progress == "callable" else progress
    events = coder.code_files(examples_dir, progress=given)
    assert events.equals(coder.code_files(examples_dir))
    if progress == "callable":
        assert calls == [1] * len(list(examples_dir.glob("*.txt")))


def test_progress_of_another_kind_is_refused(coder: eventcoder.Coder,
                                             examples_dir: Path) -> None:
    with pytest.raises(TypeError, match="progress must be"):
        coder.code_files(examples_dir, progress="yes")  # type: ignore[arg-type]


def test_the_module_level_helper_skips_bad_articles_on_request(
        coder: eventcoder.Coder) -> None:
    with pytest.warns(eventcoder.InputWarning):
        events = eventcoder.code_texts(["", ARTICLES["border"]], coder=coder,
                                       on_error="skip")
    assert events.attrs["eventcoder"]["skipped"] == 1


def _write(tmp_path: Path, names: list[str], gold: list[dict[str, Any]]) -> tuple[Path, Path]:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in names:
        (folder / f"{name}.txt").write_text(ARTICLES[name], encoding="utf-8")
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    return folder, path


GOLD = [{"doc_id": "border", "quote": "traded fire", "event_type": "clash"},
        {"doc_id": "talks", "quote": "held talks", "event_type": "negotiation"},
        {"doc_id": "elsewhere", "quote": "not read", "event_type": "clash"}]


@pytest.mark.parametrize("names, required, left_out", [
    (["border", "talks"], 2, 1),
    (["border"], 1, 2),
])
def test_only_the_gold_of_the_articles_given_is_scored(
        tmp_path: Path, coder: eventcoder.Coder, names: list[str], required: int,
        left_out: int) -> None:
    folder, gold = _write(tmp_path, names, GOLD)
    with pytest.warns(UserWarning, match=f"{left_out} gold line"):
        result = evaluate([folder], gold, coder)
    assert (result.required, result.gold_left_out) == (required, left_out)
    assert result.summary()["gold_left_out"] == left_out
    assert result.recall == 1.0 and "not scored" in result.report()


def test_gold_about_none_of_the_articles_is_an_error(tmp_path: Path,
                                                     coder: eventcoder.Coder) -> None:
    folder, gold = _write(tmp_path, ["border"], GOLD[2:])
    with pytest.raises(eventcoder.InputError, match="no gold line is about an article given"):
        evaluate([folder], gold, coder)
