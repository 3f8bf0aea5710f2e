"""Issue 17, inputs and outputs: the replay of each defect (named test_17_NN_... after the
defect's number in the issue) and a fuzz of arbitrary text and publication values.

Each replay was seen to fail on the code before the fix (PYTHONPATH=/work/base). Names that
did not exist then are looked up with a fallback, so that a replay fails on its assertion,
not on an import.

The fuzz runs `scaled(40)` examples under the ci profile; for a long run:
  EVENTCODER_FUZZ_EXAMPLES=20000 python -m pytest tests/test_reliability.py -k fuzz
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import stat
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import eventcoder
from eventcoder import DatasetError, EventcoderError, InputError, SchemaError, errors, scale
from eventcoder.cli import main
from tests.conftest import scaled, shared_coder

InputWarning = getattr(errors, "InputWarning", UserWarning)
CLASH = "Pakistani and Afghan forces exchanged fire near Torkham on Thursday."
TALKS = "Ethiopia and Eritrea held talks in Nairobi on Monday."


def _jsonl(path: Path, records: list[Any]) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n"
                            for r in records), encoding="utf-8")
    return path


@pytest.fixture()
def cli(monkeypatch) -> CliRunner:
    """A runner whose commands use the shared Coder, and count how often one is built."""
    built: list[int] = []

    def coder(*args: Any) -> eventcoder.Coder:
        built.append(1)
        return shared_coder()

    monkeypatch.setattr("eventcoder.cli._coder", coder)
    runner = CliRunner()
    runner.built = built  # type: ignore[attr-defined]
    return runner


@pytest.fixture()
def events(coder) -> pd.DataFrame:
    return coder.code_texts([CLASH, "Qatar offered to mediate between Ethiopia and Eritrea."],
                            published="2026-02-27", ids=["a", "b"])


# --- 1: -o overwrites any file ------------------------------------------------------------

def test_17_01_refuses_to_overwrite_input(cli: CliRunner, tmp_path: Path, events) -> None:
    news = _jsonl(tmp_path / "news.jsonl", [{"id": "1", "text": CLASH}])
    before = news.read_bytes()
    result = cli.invoke(main, ["code", str(news), "-o", str(news), "--no-progress"])
    assert result.exit_code == 1 and news.read_bytes() == before
    result = cli.invoke(main, ["code", str(news), "-o", str(tmp_path / "events.csv")])
    assert result.exit_code == 1 and ".parquet" in result.output
    assert not (tmp_path / "events.csv").exists()
    foreign = tmp_path / "mine.parquet"
    pq.write_table(pa.table({"x": [1]}), foreign)
    mine = foreign.read_bytes()
    result = cli.invoke(main, ["code", str(news), "-o", str(foreign), "--no-progress"])
    assert result.exit_code == 1 and "--force" in result.output and foreign.read_bytes() == mine
    assert cli.built == []  # refused before any coding
    result = cli.invoke(main, ["code", str(news), "-o", str(foreign), "--force", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert len(eventcoder.read_events(foreign)) == 1
    # An eventcoder output is replaced as before; the library refuses a foreign file too.
    result = cli.invoke(main, ["code", str(news), "-o", str(foreign), "--no-progress"])
    assert result.exit_code == 0, result.output
    pq.write_table(pa.table({"x": [1]}), foreign)
    with pytest.raises(EventcoderError, match="not an eventcoder output"):
        eventcoder.write_events(events, foreign)
    eventcoder.write_events(events, foreign, overwrite=True)


# --- 2: output files are mode 600 -----------------------------------------------------------

@pytest.mark.parametrize("umask", [0o022, 0o002])
def test_17_02_outputs_honour_the_umask(coder, events, tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        target = tmp_path / "events.parquet"
        eventcoder.write_events(events, target)
        assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
        target.chmod(0o644)
        eventcoder.write_events(events, target)  # an overwritten file keeps the umask's mode
        assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
        news = _jsonl(tmp_path / "news.jsonl", [{"id": "1", "text": CLASH}])
        scale.code_to_dataset([news], tmp_path / "dataset", coder)
        for path in (tmp_path / "dataset").rglob("*"):  # _articles/: the per-article parts
            mode = 0o777 if path.is_dir() else 0o666
            assert stat.S_IMODE(path.stat().st_mode) == mode & ~umask, path.name
        assert stat.S_IMODE((tmp_path / "dataset").stat().st_mode) == 0o777 & ~umask
    finally:
        os.umask(old)


# --- 3: publication dates misread without a word ------------------------------------------

def test_17_03_publication_dates_follow_explicit_rules(coder) -> None:
    def published(value: Any, **options: Any) -> dt.date:
        df = coder.code_texts([CLASH], published=value, **options)
        return pd.Timestamp(df["published"].iloc[0]).date()

    assert published(1772150400) == dt.date(2026, 2, 27)  # epoch seconds, not nanoseconds
    assert published("27/02/2026") == published("02/27/2026") == dt.date(2026, 2, 27)
    with pytest.raises(InputError, match="ambiguous"):
        coder.code_texts([CLASH], published="02/03/2026")
    assert published("02/03/2026", dayfirst=True) == dt.date(2026, 3, 2)
    assert published("02/03/2026", dayfirst=False) == dt.date(2026, 2, 3)
    assert published("Fri, 27 Feb 2026 10:15:00 +0000") == dt.date(2026, 2, 27)


# --- 4: skips are silent in Python ---------------------------------------------------------

def test_17_04_skips_warn_and_are_counted(coder, cli: CliRunner, tmp_path: Path) -> None:
    news = _jsonl(tmp_path / "news.jsonl", [{"id": "1", "text": CLASH}, "{oops}",
                                            {"id": "3", "text": TALKS}])
    with pytest.warns(InputWarning, match=r"news\.jsonl:2"):
        df = coder.code_files(news, on_error="skip")
    assert set(df["doc_id"]) == {"1", "3"}
    assert df.attrs["eventcoder"]["skipped"] == 1
    result = cli.invoke(main, ["code", str(news), "--on-error", "skip", "--no-progress",
                               "-o", str(tmp_path / "e.parquet")])
    assert result.exit_code == 0 and "1 articles skipped" in result.output


# --- 5: an incomplete dataset validates ----------------------------------------------------

def test_17_05_validate_refuses_an_incomplete_dataset(cli: CliRunner, tmp_path: Path) -> None:
    records = [{"id": str(i), "text": CLASH if i % 2 else TALKS} for i in range(5)]
    news = _jsonl(tmp_path / "news.jsonl", [*records[:4], "{oops}", records[4]])
    out = tmp_path / "events"
    args = ["code", str(news), "-o", f"{out}/", "--batch-size", "2", "--no-progress"]
    result = cli.invoke(main, args)
    assert result.exit_code == 1 and "news.jsonl:5" in result.output
    result = cli.invoke(main, ["validate", str(out)])
    assert result.exit_code == 1 and "incomplete" in result.output
    with pytest.raises(DatasetError, match="incomplete"):
        eventcoder.read_events(out)
    _jsonl(news, records)  # the bad line fixed: the same command resumes
    result = cli.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "2 already done" in result.output
    result = cli.invoke(main, ["validate", str(out)])
    assert result.exit_code == 0 and "valid" in result.output


# --- 6: ids come from file names only ------------------------------------------------------

def test_17_06_ids_are_paths_relative_to_the_folder(coder, tmp_path: Path,
                                                    examples_dir: Path) -> None:
    for day in ("2025-10-16", "2025-10-25"):
        (tmp_path / day).mkdir()
        (tmp_path / day / "article.txt").write_text(CLASH, encoding="utf-8")
    df = coder.code_files(tmp_path, merge="article")  # (merged, one row: both doc_ids)
    assert sorted(df["doc_id"]) == ["2025-10-16/article", "2025-10-25/article"]
    assert coder.code_files(tmp_path / "2025-10-16")["doc_id"].tolist() == ["article"]
    # The bundled examples keep their ids: files directly in the folder are their stems.
    ids = set(coder.code_files(examples_dir, merge="article")["doc_id"])
    assert ids == {p.stem for p in examples_dir.glob("*.txt")}


# --- 7: an unwritable -o is found after all the coding -------------------------------------

def test_17_07_the_output_is_checked_before_coding(cli: CliRunner, tmp_path: Path) -> None:
    news = _jsonl(tmp_path / "news.jsonl", [{"id": "1", "text": CLASH}])
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    for output in (f"{blocker}/events.parquet", f"{blocker}/events/"):
        result = cli.invoke(main, ["code", str(news), "-o", output, "--no-progress"])
        assert result.exit_code == 1, output
        assert "not a folder" in result.output and "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
    assert cli.built == []
    # A bad line at the end: nothing is written, and the message says what to rerun.
    _jsonl(news, [{"id": "1", "text": CLASH}, {"id": "2", "text": TALKS}, "{oops}"])
    result = cli.invoke(main, ["code", str(news), "-o", str(tmp_path / "e.parquet"),
                               "--no-progress"])
    assert result.exit_code == 1 and "news.jsonl:3" in result.output
    assert "2 articles were coded" in result.output and "--on-error skip" in result.output
    assert not (tmp_path / "e.parquet").exists()


# --- 8: folders, --only-lexicons -----------------------------------------------------------

def test_17_08_folders_report_what_they_do_not_read(coder, tmp_path: Path) -> None:
    (tmp_path / "UPPER.TXT").write_text(CLASH, encoding="utf-8")
    for name in ("notes.md", "data.csv", "more.json"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "draft.txt").write_text(TALKS, encoding="utf-8")
    (tmp_path / "empty.jsonl").write_bytes(b"")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = coder.code_files(tmp_path)
    assert df["doc_id"].tolist() == ["UPPER"]
    messages = " | ".join(str(w.message) for w in caught if issubclass(w.category, InputWarning))
    assert "3 file(s) not read" in messages and "empty.jsonl" in messages
    assert df.attrs["eventcoder"]["files_skipped"] == 4


def test_17_08_only_lexicons_without_countries_is_an_error(cli: CliRunner, tmp_path: Path
                                                            ) -> None:
    lexicon = tmp_path / "lexicon"
    lexicon.mkdir()
    (lexicon / "types.yaml").write_text(
        "event_types:\n  - id: clash\n    label: Clash\n    structure: dyadic\n"
        "    triggers: [exchanged fire]\n", encoding="utf-8")
    news = _jsonl(tmp_path / "news.jsonl", [{"id": "1", "text": CLASH}])
    result = cli.invoke(main, ["code", str(news), "--only-lexicons", "--lexicon", str(lexicon),
                               "-o", str(tmp_path / "e.parquet"), "--no-progress"])
    assert result.exit_code == 1 and "no countries" in result.output
    result = cli.invoke(main, ["code", str(news), "--only-lexicons",
                               "-o", str(tmp_path / "e.parquet"), "--no-progress"])
    assert result.exit_code == 2 and "--lexicon" in result.output


# --- 11 and 15: publication values that crash ----------------------------------------------

@pytest.mark.parametrize("value", ["NaT", "nan", "-2025-01-01", "now", "2025", "2025-10",
                                   "1772150400", dt.datetime(1500, 1, 1),
                                   np.datetime64("1500-01-01"), True, {"y": 1}])
def test_17_15_bad_publication_values_are_input_errors(coder, value: Any) -> None:
    with pytest.raises(InputError):
        coder.code_texts([CLASH], published=value)
    with pytest.warns(InputWarning):
        assert coder.code_texts([CLASH], published=value, on_error="skip").empty


@pytest.mark.parametrize("value", [pd.NaT, np.datetime64("NaT"), float("nan"), pd.NA, None])
def test_17_11_missing_publication_values_are_no_date(coder, value: Any) -> None:
    df = coder.code_texts([CLASH + " Five soldiers were killed 1200 days ago."],
                          published=value)
    assert len(df) >= 1 and df["published"].isna().all()


# --- 13: round trip through plain pd.read_parquet ------------------------------------------

def test_17_13_write_events_takes_what_read_parquet_gives(events, tmp_path: Path) -> None:
    first = eventcoder.write_events(events, tmp_path / "a.parquet")
    plain = pd.read_parquet(first)
    assert isinstance(plain["mediators"].iloc[1], np.ndarray)
    back = eventcoder.read_events(eventcoder.write_events(plain, tmp_path / "b.parquet"))
    assert back["mediators"].tolist() == events["mediators"].tolist()
    tampered = events.copy()
    tampered["mediators"] = ["['Qatar']"] * len(tampered)
    with pytest.raises(SchemaError, match="mediators"):
        eventcoder.write_events(tampered, tmp_path / "c.parquet")


# --- 16: Dask keeps duplicate ids ----------------------------------------------------------

@pytest.fixture(scope="module")
def thread_client():
    pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=":0") as cluster, \
            distributed.Client(cluster) as client:
        yield client


def test_17_16_dask_refuses_an_id_used_in_two_files(thread_client, monkeypatch,
                                                    tmp_path: Path) -> None:
    monkeypatch.setitem(scale._CODERS, scale.CoderSpec(), shared_coder())  # no second Coder
    news = tmp_path / "news"
    news.mkdir()
    _jsonl(news / "a.jsonl", [{"id": "x", "text": CLASH}, {"id": "y", "text": TALKS}])
    _jsonl(news / "b.jsonl", [{"id": "x", "text": TALKS}])
    out = tmp_path / "events"
    with pytest.raises(InputError, match=r"b\.jsonl:1 \[x\].*a\.jsonl:1"):
        scale.code_dask([news], out, client=thread_client, batch_size=1)
    assert not list(out.glob("part-*"))  # found before any part was written
    with pytest.warns(InputWarning, match="already used"):
        summary = scale.code_dask([news], out, client=thread_client, batch_size=1,
                                  on_error="skip")
    assert summary.documents == 2 and summary.skipped == 1
    assert sorted(set(eventcoder.read_events(out)["doc_id"])) == ["x", "y"]


# --- 17: tampered files accepted -----------------------------------------------------------

def _tamper(path: Path, change: str) -> None:
    table = pq.read_table(path)
    meta = dict(table.schema.metadata)
    if change == "string mediators":
        column = pa.array(["['Qatar']"] * table.num_rows)
        table = table.set_column(table.schema.get_field_index("mediators"), "mediators", column)
    elif change == "string fatalities":
        column = pa.array(["many"] * table.num_rows)
        table = table.set_column(table.schema.get_field_index("fatalities"), "fatalities",
                                 column)
    elif change == "unknown type":
        column = pa.array(["nuclear_war"] * table.num_rows)
        table = table.set_column(table.schema.get_field_index("event_type"), "event_type",
                                 column)
    elif change == "schema 99":
        meta[b"eventcoder"] = json.dumps({**json.loads(meta[b"eventcoder"]),
                                          "schema_version": "99.0"}).encode()
    elif change == "no metadata":
        meta.pop(b"eventcoder")
    elif change == "corrupt metadata":
        meta[b"eventcoder"] = b"{not json"
    pq.write_table(table.replace_schema_metadata(meta), path)


@pytest.mark.parametrize("change", ["string mediators", "string fatalities", "unknown type",
                                    "schema 99", "no metadata", "corrupt metadata"])
def test_17_17_tampered_files_are_refused(events, tmp_path: Path, change: str) -> None:
    path = eventcoder.write_events(events, tmp_path / "e.parquet")
    _tamper(path, change)
    with pytest.raises((DatasetError, SchemaError)):
        eventcoder.read_events(path)
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1 and "valid," not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output


def test_17_17_a_part_missing_a_column_is_refused(coder, tmp_path: Path) -> None:
    news = _jsonl(tmp_path / "news.jsonl", [{"id": "1", "text": CLASH},
                                            {"id": "2", "text": CLASH}])
    out = tmp_path / "events"
    scale.code_to_dataset([news], out, coder, batch_size=1)
    part = out / "part-00001.parquet"
    table = pq.read_table(part)
    pq.write_table(table.drop_columns(["fatalities"]), part)
    with pytest.raises(DatasetError, match="fatalities"):
        eventcoder.read_events(out)


# --- 18: writes ----------------------------------------------------------------------------

def test_17_18_stale_temporary_files_go_live_ones_stay(events, tmp_path: Path) -> None:
    target = tmp_path / "e.parquet"
    stale = tmp_path / ".e.parquet.dead1234.tmp"  # what a kill -9 leaves
    live = tmp_path / ".e.parquet.live5678.tmp"   # another writer, still writing
    stale.write_bytes(b"PAR1 half")
    live.write_bytes(b"PAR1 half")
    fd = os.open(live, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        eventcoder.write_events(events, target)
        assert not stale.exists() and live.exists()
    finally:
        os.close(fd)


def test_17_18_writes_are_flushed_before_the_rename(events, tmp_path: Path,
                                                    monkeypatch) -> None:
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(os, "replace", lambda a, b: (calls.append("replace"),
                                                     real_replace(a, b))[1])
    eventcoder.write_events(events, tmp_path / "e.parquet")
    assert "fsync" in calls and calls.index("fsync") < calls.index("replace")


def test_17_18_outputs_that_are_refused_or_written_through(cli: CliRunner, events,
                                                           tmp_path: Path) -> None:
    news = _jsonl(tmp_path / "news.jsonl", [{"id": "1", "text": CLASH}])
    monkey = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = cli.invoke(main, ["code", str(news), "-o", "", "--no-progress"])
    finally:
        os.chdir(monkey)
    assert result.exit_code != 0 and not list(tmp_path.glob("part-*"))
    real = tmp_path / "real.parquet"
    eventcoder.write_events(events.iloc[:1], real)
    link = tmp_path / "link.parquet"
    link.symlink_to(real)
    eventcoder.write_events(events, link)
    assert link.is_symlink() and len(eventcoder.read_events(real)) == len(events)
    out = tmp_path / "events"
    out.mkdir()
    (out / "README").write_text("my notes", encoding="utf-8")
    result = cli.invoke(main, ["code", str(news), "-o", str(out), "--no-progress"])
    assert result.exit_code == 1 and "README" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["README"]


# --- 20: readers ---------------------------------------------------------------------------

def test_17_20_jsonl_line_endings_and_byte_order_marks(tmp_path: Path) -> None:
    lines = [json.dumps({"id": str(i), "text": TALKS}) for i in range(5)]
    (tmp_path / "cr.jsonl").write_bytes("\r".join(lines).encode() + b"\r")
    bom = b"\xef\xbb\xbf"
    (tmp_path / "joined.jsonl").write_bytes(
        bom + b'{"id": "j1", "text": "Talks began."}\n' + bom + b'{"id": "j2", "text": "x"}\n')
    docs = list(eventcoder.documents.read_paths([tmp_path]))
    assert [d.doc_id for d in docs] == ["0", "1", "2", "3", "4", "j1", "j2"]
    assert docs[2].origin.endswith("cr.jsonl:3")


@pytest.mark.parametrize("raw,message", [
    ('{"id": {"k": "v"}, "text": "x"}', "string or an integer"),
    ('{"id": true, "text": "x"}', "string or an integer"),
    ('{"id": 5.0, "text": "x"}', "string or an integer"),
    ('{"id": "5", "text": "x"}\n{"id": 5, "text": "y"}', "already used"),
])
def test_17_20_ids_are_strings_or_integers(tmp_path: Path, raw: str, message: str) -> None:
    path = tmp_path / "ids.jsonl"
    path.write_text(raw + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        list(eventcoder.documents.read_paths([path]))


def test_17_20_special_files_in_a_folder_are_warned_never_read(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(TALKS, encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would block for ever
    (tmp_path / "zero.txt").symlink_to("/dev/zero")  # reading it would never end
    with pytest.warns(InputWarning) as caught:
        docs = list(eventcoder.documents.read_paths([tmp_path]))
    assert [d.doc_id for d in docs] == ["ok"]
    text = " | ".join(str(w.message) for w in caught)
    assert "gone.txt" in text and "pipe.txt" in text and "zero.txt" in text


# --- fuzz: arbitrary text and publication values through code_texts --------------------------

FRAGMENTS = [CLASH, TALKS, " Twelve soldiers were killed.", " 99999999999999999999 people died.",
             " It happened 1200 days ago.", " on 31 February", "!?" * 40, "." * 60,
             "\u00a0" * 5, "\r", "\n\n", "  ", "date 2026-02-27\n", "KABUL, Oct 25 (Reuters) - ",
             " next Thursday", " in 1066", " on 1 January 2300"]
TEXTS = st.lists(st.one_of(st.text(max_size=30), st.sampled_from(FRAGMENTS)),
                 min_size=1, max_size=6).map("".join)
PUBLISHED = st.one_of(
    st.none(), st.text(max_size=25), st.integers(), st.floats(),
    st.dates(), st.datetimes(), st.datetimes(timezones=st.builds(
        dt.timezone, st.timedeltas(min_value=-dt.timedelta(hours=23),
                                   max_value=dt.timedelta(hours=23)))),
    st.datetimes(min_value=dt.datetime(1677, 9, 22), max_value=dt.datetime(2262, 4, 10)
                 ).map(pd.Timestamp),
    st.just(pd.NaT), st.just(np.datetime64("NaT")), st.just(float("nan")), st.booleans(),
    st.sampled_from(["nan", "NaT", "now", "2025", "-2025-01-01", "02/03/2026", "27/02/2026",
                     "1772150400", "0001-01-01", "9999-12-31", "2262-04-11", "1677-09-22",
                     "2026-02-27T23:59:59-12:00", "Fri, 27 Feb 2026 10:15:00 +0000"]))
FUZZ_EXAMPLES = int(os.environ.get("EVENTCODER_FUZZ_EXAMPLES", "0"))
FUZZ = settings(max_examples=FUZZ_EXAMPLES, suppress_health_check=list(HealthCheck)) \
    if FUZZ_EXAMPLES else scaled(40)


def _check_offsets(df: pd.DataFrame, texts: list[str], ids: list[str]) -> None:
    by_id = dict(zip(ids, texts))
    for row in df.to_dict("records"):
        text = by_id[row["doc_id"]]
        assert text[row["sentence_start"]:row["sentence_end"]] == row["sentence"]
        assert row["sentence_start"] <= row["trigger_start"] < row["trigger_end"] \
            <= row["sentence_end"]
        assert text[row["trigger_start"]:row["trigger_end"]] == row["trigger"]


@FUZZ
@given(st.lists(TEXTS, min_size=1, max_size=3), PUBLISHED)
def test_17_11_fuzz_text_and_publication_values(texts: list[str], published: Any) -> None:
    coder = shared_coder()
    ids = [f"t{i}" for i in range(len(texts))]
    try:
        raised = coder.code_texts(texts, published=published, ids=ids)
    except InputError:
        raised = None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        skipped = coder.code_texts(texts, published=published, ids=ids, on_error="skip")
    _check_offsets(skipped, texts, ids)
    if raised is not None:
        _check_offsets(raised, texts, ids)
        pd.testing.assert_frame_equal(raised, skipped)
