"""Coding at scale: streaming to a partitioned dataset, resuming after an interruption,
schema-stable empty parts, and Dask (skipped when the dask extra is not installed)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import eventcoder
from eventcoder import scale
from eventcoder.cli import main
from eventcoder.errors import DatasetError, InputError, InputWarning


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values("event_id").reset_index(drop=True)


def _temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture(scope="module")
def expected(coder, examples_dir) -> pd.DataFrame:
    return _sorted(coder.code_files(examples_dir))


@pytest.fixture(scope="module")
def expected_by_default(examples_dir) -> pd.DataFrame:
    """What a default Coder makes of the examples: the dask workers build their own (with
    regime years, which the shared coder leaves out)."""
    return _sorted(eventcoder.Coder().code_files(examples_dir))


@pytest.fixture()
def jsonl_corpus(tmp_path: Path, examples_dir: Path) -> Path:
    """The example articles three times over, under distinct ids, in two .jsonl files, with
    neutral articles (no events) between them."""
    folder = tmp_path / "news"
    folder.mkdir()
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(examples_dir.glob("*.txt"))]
    lines = []
    for copy in range(3):
        for stem, text in texts:
            lines.append({"id": f"{stem}-{copy}", "text": text})
            lines.append({"id": f"quiet-{stem}-{copy}", "published": "2025-05-01",
                          "text": "The central bank held rates steady on Thursday."})
    half = len(lines) // 2
    for name, chunk in (("a.jsonl", lines[:half]), ("b.jsonl", lines[half:])):
        (folder / name).write_text("".join(json.dumps(r) + "\n" for r in chunk),
                                   encoding="utf-8")
    return folder


def test_streaming_to_a_dataset_equals_coding_in_memory(coder, examples_dir: Path,
                                                         expected: pd.DataFrame,
                                                         tmp_path: Path) -> None:
    out = tmp_path / "events"
    summary = scale.code_to_dataset([examples_dir], out, coder, batch_size=3)
    assert (summary.parts, summary.parts_written, summary.documents) == (4, 4, 11)
    assert sorted(p.name for p in out.glob("part-*.parquet")) == [
        f"part-0000{i}.parquet" for i in range(4)]
    got = eventcoder.read_events(out)  # the whole folder, validated
    assert summary.events == len(got) == len(expected)
    pd.testing.assert_frame_equal(_sorted(got), expected)
    manifest = scale.read_manifest(out)
    assert manifest["complete"] and manifest["documents"] == 11
    assert [p["count"] for p in manifest["parts"].values()] == [3, 3, 3, 2]
    assert manifest["parts"]["part-00001.parquet"]["first"] == 3
    meta = scale.part_metadata(out / "part-00000.parquet")
    assert meta["lexicon_hash"] == coder.lexicon.digest and meta["count"] == 3
    assert _temp_files(out) == []


def test_resume_after_an_interruption(coder, jsonl_corpus: Path, monkeypatch, tmp_path: Path
                                      ) -> None:
    out = tmp_path / "events"
    whole = _sorted(coder.code_files(jsonl_corpus, merge="article"))  # its parts' rows
    original = coder.code_documents
    calls = []

    def dies_on_the_third_batch(documents, progress=None, **options):
        calls.append(len(documents))
        if len(calls) == 3:
            raise KeyboardInterrupt("power cut")
        return original(documents, progress, **options)

    monkeypatch.setattr(coder, "code_documents", dies_on_the_third_batch)
    with pytest.raises(KeyboardInterrupt):
        scale.code_to_dataset([jsonl_corpus], out, coder, batch_size=10, merge="article")
    assert sorted(p.name for p in out.glob("part-*")) == ["part-00000.parquet",
                                                          "part-00001.parquet"]
    assert not scale.read_manifest(out)["complete"]
    # A process killed while writing leaves a hidden temporary file behind.
    (out / ".part-00002.parquet.x1y2.tmp").write_bytes(b"PAR1 half a file")

    # The parquet writer fails half-way through part 2 on the next attempt.
    real_write = pq.write_table

    def half_written(table, where, *args, **kwargs):
        Path(where).write_bytes(b"PAR1 truncated")
        raise OSError("disk full")

    monkeypatch.setattr(coder, "code_documents", original)
    monkeypatch.setattr(pq, "write_table", half_written)
    with pytest.raises(OSError):
        scale.code_to_dataset([jsonl_corpus], out, coder, batch_size=10, merge="article")
    assert _temp_files(out) == [] and not (out / "part-00002.parquet").exists()

    monkeypatch.setattr(pq, "write_table", real_write)
    summary = scale.code_to_dataset([jsonl_corpus], out, coder, batch_size=10, merge="article")
    assert (summary.parts, summary.parts_skipped, summary.parts_written) == (7, 2, 5)
    assert summary.documents == 66
    got = eventcoder.read_events(out)
    assert got["event_id"].is_unique
    pd.testing.assert_frame_equal(_sorted(got), whole)
    manifest = scale.read_manifest(out)
    covered = [p["count"] for p in sorted(manifest["parts"].values(), key=lambda p: p["index"])]
    assert manifest["complete"] and sum(covered) == 66 and covered[-1] == 6
    assert _temp_files(out) == []

    again = scale.code_to_dataset([jsonl_corpus], out, coder, batch_size=10, merge="article")
    assert (again.parts_skipped, again.parts_written, again.events) == (7, 0, len(whole))


def test_a_folder_of_another_run_is_refused_unless_restarted(coder, jsonl_corpus: Path,
                                                             tmp_path: Path) -> None:
    out = tmp_path / "events"
    scale.code_to_dataset([jsonl_corpus], out, coder, batch_size=20)
    with pytest.raises(DatasetError, match="other inputs or settings"):
        scale.code_to_dataset([jsonl_corpus], out, coder, batch_size=7)
    summary = scale.code_to_dataset([jsonl_corpus], out, coder, batch_size=30, resume=False)
    assert summary.parts == 3 and len(list(out.glob("part-*.parquet"))) == 3
    (out / "mine.parquet").write_bytes(b"")
    with pytest.raises(DatasetError, match="not parts of an eventcoder dataset"):
        scale.code_to_dataset([jsonl_corpus], out, coder, batch_size=30)


def test_parts_without_events_keep_the_schema(coder, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "quiet.jsonl").write_text(
        json.dumps({"id": "q1", "text": "Markets were calm on Monday."}) + "\n"
        + json.dumps({"id": "e1", "published": "2025-10-31",
                      "text": "Pakistani and Afghan forces exchanged fire near Torkham on "
                              "Thursday, killing three soldiers."}) + "\n", encoding="utf-8")
    out = tmp_path / "events"
    summary = scale.code_to_dataset([folder], out, coder, batch_size=1)
    assert summary.parts == 2
    empty = pq.read_schema(out / "part-00000.parquet")
    full = pq.read_schema(out / "part-00001.parquet")
    assert pq.read_metadata(out / "part-00000.parquet").num_rows == 0
    assert empty.remove_metadata() == full.remove_metadata()
    assert len(eventcoder.read_events(out)) == summary.events > 0

    nothing = tmp_path / "empty"
    nothing.mkdir()
    summary = scale.code_to_dataset([nothing], tmp_path / "none", coder)
    assert summary.parts == 1 and summary.events == 0
    assert eventcoder.read_events(tmp_path / "none").empty


def test_jsonl_pieces_read_what_read_paths_reads(jsonl_corpus: Path, tmp_path: Path) -> None:
    pieces = scale.plan_pieces([jsonl_corpus], 4)
    assert len(pieces) == 18  # 33 lines per file: 9 pieces each
    read = [d for piece in pieces for d in scale.read_piece(piece)]
    assert read == list(eventcoder.documents.read_paths([jsonl_corpus]))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "text": "Troops clashed."}\n' * 5 + "{oops}\n", encoding="utf-8")
    last = scale.plan_pieces([bad], 2)[-1]
    with pytest.raises(InputError, match="bad.jsonl:6"):
        scale.read_piece(last)
    with pytest.warns(InputWarning, match="bad.jsonl:6"):
        assert len(scale.read_piece(last, "skip")) == 1


def test_cli_writes_and_resumes_a_dataset(coder, examples_dir: Path, tmp_path: Path,
                                          monkeypatch) -> None:
    monkeypatch.setattr("eventcoder.cli._coder", lambda *args: coder)  # build it once
    runner = CliRunner()
    out = tmp_path / "events"
    args = ["code", str(examples_dir), "-o", f"{out}/", "--batch-size", "4", "--no-progress"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "written to" in result.output and "(3 parts)" in result.output
    result = runner.invoke(main, args)
    assert result.exit_code == 0 and "3 already done" in result.output
    result = runner.invoke(main, ["validate", str(out)])
    assert result.exit_code == 0 and "valid" in result.output
    result = runner.invoke(main, ["code", str(examples_dir), "--workers", "2"])
    assert result.exit_code == 2 and "--engine dask" in result.output


# --- Dask -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def dask_client():
    pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster, \
            distributed.Client(cluster) as client:
        yield client


def test_dask_on_two_workers_equals_one_process(dask_client, examples_dir: Path,
                                                expected_by_default: pd.DataFrame,
                                                tmp_path: Path) -> None:
    import dask.dataframe as dd

    articles = pd.DataFrame(
        [{"id": p.stem, "text": p.read_text(encoding="utf-8"), "source": "examples"}
         for p in sorted(examples_dir.glob("*.txt"))])
    frame = dd.concat([dd.from_pandas(articles, npartitions=3),
                       dd.from_pandas(articles.iloc[:0], npartitions=1)])  # an empty partition
    out = tmp_path / "dask"
    summary = scale.code_dask(frame, out, client=dask_client)
    assert summary.parts == frame.npartitions == 4 and summary.documents == 11
    assert pq.read_metadata(out / "part-00003.parquet").num_rows == 0
    got = eventcoder.read_events(out)
    want = expected_by_default.assign(source="examples")
    pd.testing.assert_frame_equal(_sorted(got), want)

    again = scale.code_dask(frame, out, client=dask_client)
    assert again.parts_skipped == 4 and again.events == len(expected_by_default)

    from_files = tmp_path / "dask-files"
    summary = scale.code_dask([examples_dir], from_files, client=dask_client, batch_size=4)
    assert summary.parts == 3
    pd.testing.assert_frame_equal(_sorted(eventcoder.read_events(from_files)), expected_by_default)
    assert _temp_files(out) == [] and _temp_files(from_files) == []


def test_articles_frame_reads_files_in_pieces(jsonl_corpus: Path) -> None:
    pytest.importorskip("dask.dataframe")
    frame = scale.articles_frame([jsonl_corpus], batch_size=10)
    assert frame.npartitions == 8  # 33 lines per file: pieces of 10, 10, 10, 3
    articles = frame.compute(scheduler="sync")
    assert list(articles["id"]) == [d.doc_id for d in
                                    eventcoder.documents.read_paths([jsonl_corpus])]
    assert set(articles.columns) == {"id", "text", "published", "source", "url"}


def test_cli_on_dask(examples_dir: Path, tmp_path: Path) -> None:
    pytest.importorskip("dask.dataframe")
    pytest.importorskip("distributed")
    out = tmp_path / "events"
    result = CliRunner().invoke(main, ["code", str(examples_dir), "-o", str(out),
                                       "--engine", "dask", "--workers", "1", "--batch-size", "6"])
    assert result.exit_code == 0, result.output
    assert "(2 parts)" in result.output
    assert len(eventcoder.read_events(out)) > 20
