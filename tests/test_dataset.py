"""The table: Pandera validation, Parquet round trip, metadata, atomic writes, schema files."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import eventcoder
from eventcoder import SchemaError
from eventcoder.schemas import schema_documents

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def events(coder, examples_dir) -> pd.DataFrame:
    return coder.code_files(examples_dir)


def test_examples_code_to_a_valid_table(events: pd.DataFrame) -> None:
    assert len(events) > 20
    assert set(events["event_type"]) == {"clash", "airstrike", "ceasefire", "negotiation",
                                         "mediation_offer"}
    assert set(events["status"]) - {"occurred"}
    assert events["event_id"].is_unique


def test_parquet_round_trip_is_lossless(events: pd.DataFrame, tmp_path: Path, coder) -> None:
    path = eventcoder.write_events(events, tmp_path / "ev.parquet", coder.metadata)
    back = eventcoder.read_events(path)
    pd.testing.assert_frame_equal(events.reset_index(drop=True), back.reset_index(drop=True))
    meta = eventcoder.read_metadata(path)
    assert meta["eventcoder_version"] == eventcoder.__version__
    assert meta["lexicon_hash"] == coder.lexicon.digest
    assert meta["schema_version"]


def test_empty_table_round_trips(coder, tmp_path: Path) -> None:
    empty = coder.code_texts(["Nothing of note happened today."])
    assert empty.empty and list(empty.columns) == list(events_columns())
    back = eventcoder.read_events(eventcoder.write_events(empty, tmp_path / "e.parquet"))
    assert back.empty and list(back.columns) == list(empty.columns)


def events_columns() -> list[str]:
    from eventcoder.events import COLUMNS

    return COLUMNS


def test_invalid_table_is_refused_and_nothing_is_written(events: pd.DataFrame,
                                                         tmp_path: Path) -> None:
    target = tmp_path / "keep.parquet"
    eventcoder.write_events(events, target)
    before = target.read_bytes()
    broken = events.copy()
    broken.loc[broken.index[0], "status"] = "rumoured"
    broken.loc[broken.index[1], "geo_precision"] = 7
    with pytest.raises(SchemaError) as info:
        eventcoder.write_events(broken, target)
    assert "status" in str(info.value) and "geo_precision" in str(info.value)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["keep.parquet"]


def test_strict_schema_refuses_extra_columns(events: pd.DataFrame) -> None:
    with pytest.raises(SchemaError):
        eventcoder.validate_events(events.assign(extra=1))


def test_interrupted_write_leaves_old_file(events: pd.DataFrame, tmp_path: Path,
                                           monkeypatch) -> None:
    target = tmp_path / "ev.parquet"
    eventcoder.write_events(events, target)
    before = target.read_bytes()

    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pq, "write_table", boom)
    with pytest.raises(KeyboardInterrupt):
        eventcoder.write_events(events, target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["ev.parquet"]


def test_published_schema_files_match_the_model() -> None:
    for name, text in schema_documents().items():
        published = (ROOT / "schemas" / name).read_text(encoding="utf-8")
        assert published == text, f"schemas/{name} is stale: run python scripts/write_schemas.py"


def test_event_ids_are_stable_and_batch_independent(coder, examples_dir) -> None:
    files = sorted(examples_dir.glob("*.txt"))
    alone = coder.code_files(files[0])
    together = coder.code_files(list(reversed(files)))
    ids = set(together["event_id"])
    assert set(alone["event_id"]) <= ids
    again = coder.code_files(files[0])
    pd.testing.assert_frame_equal(alone, again)
