"""Readers: text files, JSON Lines, DataFrames; publication dates; bad input."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pandas as pd
import pytest

from eventcoder import InputError
from eventcoder.documents import find_header_date, read_paths


@pytest.mark.parametrize("text,expected", [
    ("date 2026-02-27 Ankara urged calm.", dt.date(2026, 2, 27)),
    ("spinning logo\n10 Feb 2026\n\nHeadline here", dt.date(2026, 2, 10)),
    ("March 3, 2025\nHeadline", dt.date(2025, 3, 3)),
    ("KABUL, Oct 25 (Reuters) - Talks resumed. The 2025 talks were long.", dt.date(2025, 10, 25)),
    ("KABUL, Oct. 25, 2024 (AP) — Talks resumed.", dt.date(2024, 10, 25)),
    ("KABUL, Oct 25 (Reuters) - Talks resumed with no year anywhere.", None),
    ("Talks resumed in Doha on 10 Feb 2026 after a pause.", None),
])
def test_header_dates(text: str, expected: dt.date | None) -> None:
    assert find_header_date(text)[0] == expected


def test_header_is_not_coded(coder) -> None:
    events = coder.code_texts(["KABUL, Oct 25 (Reuters) - Afghan and Pakistani troops clashed "
                               "near Chaman on Thursday. In 2025 such clashes were common."])
    assert len(events) == 1
    assert not events.iloc[0]["sentence"].startswith("KABUL")
    assert pd.Timestamp(events.iloc[0]["event_date"]).date() == dt.date(2025, 10, 23)


def test_metadata_date_wins_over_header(coder) -> None:
    events = coder.code_texts(["date 2026-02-27 Pakistan and Afghanistan clashed on Thursday."],
                              published="2026-03-06")
    assert pd.Timestamp(events.iloc[0]["event_date"]).date() == dt.date(2026, 3, 5)


def test_text_files_and_jsonl(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Troops clashed.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        '{"id": "x1", "text": "Talks began.", "published": "2026-01-02", "source": "Wire"}\n'
        '\n{"id": "x2", "text": "More talks."}\n', encoding="utf-8")
    docs = list(read_paths([tmp_path]))
    assert [d.doc_id for d in docs] == ["a", "x1", "x2"]
    assert docs[1].published == dt.date(2026, 1, 2) and docs[1].source == "Wire"


@pytest.mark.parametrize("name,content,line,message", [
    ("empty.txt", b"   \n", None, "empty"),
    ("bad.txt", b"Fine line\nbad \xff byte\n", 2, "UTF-8"),
    ("bad.jsonl", b'{"id": "1", "text": "ok"}\n{"id": "2", "text": \n', 2, "malformed JSON"),
    ("noid.jsonl", b'{"text": "ok"}\n', 1, "no 'id'"),
    ("notext.jsonl", b'{"id": "1", "text": 3}\n', 1, "'text'"),
    ("emptytext.jsonl", b'{"id": "1", "text": ""}\n', 1, "empty"),
])
def test_bad_input_names_file_and_line(tmp_path: Path, name: str, content: bytes,
                                       line: int | None, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        list(read_paths([path]))
    assert info.value.problem.path.endswith(name)
    assert info.value.problem.line == line
    assert message in str(info.value)


def test_skip_keeps_the_other_articles(tmp_path: Path, caplog) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"id": "1", "text": "Talks began."}\nnot json\n\xff\xfe\n'
                     b'{"id": "4", "text": "Talks ended."}\n')
    with caplog.at_level(logging.WARNING):
        docs = list(read_paths([path], on_error="skip"))
    assert [d.doc_id for d in docs] == ["1", "4"]
    assert "mixed.jsonl:2" in caplog.text and "mixed.jsonl:3" in caplog.text


def test_frame_input(coder) -> None:
    frame = pd.DataFrame({"id": ["n1", "n2"], "text": [
        "Ukraine and Russia will hold talks in Istanbul on Monday.", "Nothing happened."],
        "published": ["2026-03-06", None]})
    events = coder.code_frame(frame)
    assert events["doc_id"].tolist() == ["n1"]
    assert pd.Timestamp(events.iloc[0]["event_date"]).date() == dt.date(2026, 3, 9)


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        list(read_paths([tmp_path / "nope"]))
