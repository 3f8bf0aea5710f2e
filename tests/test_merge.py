"""One event, many reports (eventcoder.merge): the articles that report one event give one
row, on every path (in memory, a dataset folder in batches, Dask partitions), whatever the
order of the articles and however they are split; and a merged table merges into itself.

The articles are written here; each case lists its articles (publication day | text) and
the rows expected, as the sets of articles each row holds."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import eventcoder
from eventcoder import scale
from eventcoder.merge import (BUCKET_REPORTS, combine, group_rows, merge_parts, merge_rows,
                              row_values)
from eventcoder.schemas import EVENT_COLUMNS
from tests.conftest import scaled

# Reports of one border clash, told differently by four outlets.
POONCH = [
    "2025-06-12|Indian and Pakistani troops exchanged fire near Poonch on Wednesday, killing "
    "three soldiers.",
    "2025-06-12|Pakistani soldiers and Indian troops clashed near Poonch on Wednesday; at least "
    "two soldiers were killed and 12 were injured.",
    "2025-06-13|Troops of India and Pakistan traded fire near Poonch on Wednesday, an official "
    "said.",
]

CASES: list[tuple[str, list[str], list[set[int]]]] = [
    ("three reports of one clash are one row", POONCH, [{0, 1, 2}]),
    ("another town the same day is another event",
     [*POONCH[:2], "2025-06-12|Indian and Pakistani troops exchanged fire near Uri on "
      "Wednesday."], [{0, 1}, {2}]),
    ("other actors at the same place and day are another event",
     [POONCH[0], "2025-06-12|Indian troops and Chinese soldiers clashed near Poonch on "
      "Wednesday."], [{0}, {1}]),
    ("the same place and actors on another day are another event",
     [POONCH[0], "2025-06-12|Indian and Pakistani troops exchanged fire near Poonch on "
      "Tuesday."], [{0}, {1}]),
    ("a report with no place joins the one placed event of its day",
     [*POONCH[:2], "2025-06-12|Indian and Pakistani troops exchanged fire on Wednesday, "
      "leaving 4 people dead."], [{0, 1, 2}]),
    ("... and stays apart when two placed events fit",
     [POONCH[0], "2025-06-12|Indian and Pakistani troops exchanged fire near Uri on "
      "Wednesday.", "2025-06-12|Indian and Pakistani troops exchanged fire on Wednesday, "
      "leaving 4 people dead."], [{0}, {1}, {2}]),
    ("a report with no date words joins the one event of its week",
     [POONCH[0], "2025-06-14|Indian and Pakistani troops exchanged fire near Poonch, killing "
      "a soldier."], [{0, 1}]),
    ("... but not an event after its publication",
     ["2025-06-12|Indian and Pakistani troops exchanged fire near Poonch, the army said.",
      "2025-06-20|Indian and Pakistani troops exchanged fire near Poonch on Monday."],
     [{0}, {1}]),
    ("talks held and talks planned are two events",
     ["2025-03-02|Armenia and Azerbaijan held talks in Abu Dhabi on Saturday.",
      "2025-03-02|Armenia and Azerbaijan will hold talks in Abu Dhabi on Saturday."],
     [{0}, {1}]),
]


def _articles(texts: list[str], order: list[int] | None = None) -> pd.DataFrame:
    rows = [{"id": f"n{i}", "published": t.split("|", 1)[0], "text": t.split("|", 1)[1]}
            for i, t in enumerate(texts)]
    return pd.DataFrame([rows[i] for i in order] if order else rows)


def _groups(table: pd.DataFrame) -> list[set[int]]:
    return sorted(({int(d[1:]) for d in ids} for ids in table["doc_ids"]), key=min)


def _sorted(table: pd.DataFrame) -> pd.DataFrame:
    return table.sort_values("event_id").reset_index(drop=True)


@pytest.mark.parametrize("name, texts, expected", CASES, ids=[c[0] for c in CASES])
def test_reports_of_one_event_are_one_row(coder, name: str, texts: list[str],
                                          expected: list[set[int]]) -> None:
    articles = _articles(texts)
    assert len(coder.code_frame(articles, merge="article")) == len(texts)  # one per article
    merged = coder.code_frame(articles)
    assert _groups(merged) == expected
    assert (merged["n_sources"] == merged["doc_ids"].map(len)).all()
    # Any order of the articles gives the same table.
    backwards = coder.code_frame(_articles(texts, list(range(len(texts)))[::-1]))
    pd.testing.assert_frame_equal(_sorted(backwards), _sorted(merged))


def test_the_merged_row_keeps_every_report(coder) -> None:
    articles = _articles([*POONCH, "2025-06-12|Indian and Pakistani troops exchanged fire on "
                          "Wednesday, leaving 4 people dead."])
    each = coder.code_frame(articles, merge="article").set_index("doc_id")
    row = coder.code_frame(articles).iloc[0]
    assert row["doc_id"] == "n0" and row["event_id"] == each.loc["n0", "event_id"]
    assert row["doc_ids"] == ["n0", "n1", "n2", "n3"] and row["n_sources"] == 4
    assert sorted(row["merged_ids"]) == sorted(each.loc[["n1", "n2", "n3"], "event_id"])
    # The lowest toll any report gives (12 injured is no toll; "no toll" lowers none).
    assert list(each["fatalities"]) == [3, 2, 0, 4] and row["fatalities"] == 2
    assert row["location"] == "Poonch"  # the placed reports', not the unplaced one's
    # The other reports in publication order (n2 was published a day later).
    assert row["mentions"] == 4 and row["mention_doc_ids"] == ["n1", "n3", "n2"]
    assert row["mention_sentences"] == list(each.loc[["n1", "n3", "n2"], "sentence"])
    starts = [f"{s}:{e}" for s, e in zip(each.loc[["n1", "n3", "n2"], "sentence_start"],
                                         each.loc[["n1", "n3", "n2"], "sentence_end"])]
    assert row["mention_offsets"] == starts
    assert row["rule"].endswith(";merged_articles")


def test_a_report_dated_by_its_publication_takes_the_date_of_the_others(coder) -> None:
    articles = _articles([POONCH[0], "2025-06-14|Indian and Pakistani troops exchanged fire "
                          "near Poonch, killing a soldier."])
    each = coder.code_frame(articles, merge="article")
    assert list(each["time_precision"]) == [1, 2]  # the second: its publication day
    row = coder.code_frame(articles).iloc[0]
    assert (row["event_date"], row["time_precision"]) == (pd.Timestamp("2025-06-11"), 1)
    assert "date_published" not in row["rule"].split(";")
    # The undated report published first leads the row, with the other's date and rules.
    articles = _articles(["2025-06-16|Indian and Pakistani troops exchanged fire near Poonch on "
                          "Wednesday, killing three soldiers.", "2025-06-13|Indian and "
                          "Pakistani troops exchanged fire near Poonch, killing a soldier."])
    row = coder.code_frame(articles).iloc[0]
    assert row["doc_id"] == "n1" and row["n_sources"] == 2
    assert (row["event_date"], row["time_precision"]) == (pd.Timestamp("2025-06-11"), 1)
    assert "date_published" not in row["rule"].split(";")


# --- order, batches, idempotence: properties over rows ----------------------------------------

BLANK = dict.fromkeys(EVENT_COLUMNS)
ACTORS = ["Military Forces of India", "Military Forces of Pakistan", "Taliban", None]
PLACES = [None, ("Poonch", "Jammu and Kashmir", "India", "IND", 33.77, 74.09, 2),
          ("Uri", "Jammu and Kashmir", "India", "IND", 34.08, 74.05, 1),
          ("India", None, "India", "IND", 22.0, 79.0, 3),
          ("Jammu and Kashmir", "Jammu and Kashmir", "India", "IND", 33.5, 75.0, 3)]
DAYS = [dt.date(2025, 6, 1), dt.date(2025, 6, 9), dt.date(2025, 6, 11), dt.date(2025, 6, 12)]


@st.composite
def report_rows(draw: Any) -> list[dict[str, Any]]:
    """Rows as one article each codes them: few values, so that many rows meet."""
    rows = []
    for i in range(draw(st.integers(0, 14))):
        place = draw(st.sampled_from(PLACES))
        day = draw(st.sampled_from([None, *DAYS]))
        published = draw(st.sampled_from([None, *DAYS]))
        from_publication = day is not None and draw(st.booleans())
        rule = "trigger:clash" + (";date_published" if from_publication else "")
        row = {**BLANK, "event_id": f"{i:016x}", "doc_id": f"a{i}", "sentence_index": 0,
               "sentence_start": 0, "sentence_end": 9, "sentence": f"s{i}",
               "trigger_start": draw(st.integers(0, 3)), "rule": rule,
               "event_type": draw(st.sampled_from(["clash", "airstrike"])),
               "status": "occurred", "actor1": draw(st.sampled_from(ACTORS)),
               "actor2": draw(st.sampled_from(ACTORS)), "published": published,
               "event_date": day, "time_precision": None if day is None else
               draw(st.sampled_from([1, 2])),
               "date_text": None if day is None or from_publication else "on Wednesday",
               "fatalities": draw(st.sampled_from([None, 0, 2, 5])),
               "actors_inferred": draw(st.booleans()), "mediators": [], "mediators_iso3": [],
               "mentions": 1, "mention_sentences": [], "mention_doc_ids": [],
               "mention_offsets": [], "n_sources": 1, "doc_ids": [f"a{i}"], "merged_ids": []}
        if place:
            row.update(zip(("location", "admin1", "country", "iso3", "latitude", "longitude",
                            "geo_precision"), place))
        rows.append(row)
    return rows


def _as_set(rows: list[dict[str, Any]]) -> list[str]:
    return sorted(repr(sorted(r.items(), key=lambda kv: kv[0])) for r in rows)


@scaled(150)
@given(report_rows(), st.randoms(use_true_random=False))
def test_merging_does_not_depend_on_order_or_batches_and_is_idempotent(
        rows: list[dict[str, Any]], rng: random.Random) -> None:
    merged = merge_rows(rows)
    shuffled = rows[:]
    rng.shuffle(shuffled)
    assert _as_set(merge_rows(shuffled)) == _as_set(merged)
    assert _as_set(merge_rows(merged)) == _as_set(merged)  # idempotent
    assert sum(r["n_sources"] for r in merged) == len(rows)  # every report, once
    for group in group_rows(rows):
        row = combine([rows[i] for i in group])
        assert row["n_sources"] == len(group) == len(row["merged_ids"]) + 1


@scaled(150)
@given(report_rows())
def test_reports_that_differ_in_type_actors_place_or_day_stay_apart(
        rows: list[dict[str, Any]]) -> None:
    for group in group_rows(rows):
        members = [rows[i] for i in group]
        assert len({(r["event_type"], r["status"]) for r in members}) == 1
        assert len({tuple(sorted(filter(None, (r["actor1"], r["actor2"])))) for r in members}) == 1
        precise = {(r["location"], r["event_date"]) for r in members
                   if r["geo_precision"] in (1, 2) and r["date_text"]}
        assert len(precise) <= 1
        if len(group) > 1:
            assert all(r["actor1"] or r["actor2"] for r in members)


# --- the three paths -----------------------------------------------------------------------------

CORPUS = [*POONCH, "2025-06-12|Indian and Pakistani troops exchanged fire near Uri on Wednesday.",
          "2025-06-12|Indian and Pakistani troops exchanged fire on Wednesday, leaving 4 people "
          "dead.", "2025-06-14|Indian and Pakistani troops exchanged fire near Poonch, killing "
          "a soldier.", "2025-03-02|Armenia and Azerbaijan held talks in Abu Dhabi on Saturday.",
          "2025-03-03|Talks between Armenia and Azerbaijan took place in Abu Dhabi on Saturday."]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import json

    folder = tmp_path_factory.mktemp("merge") / "news"
    folder.mkdir()
    lines = [json.dumps(r) for r in _articles(CORPUS).to_dict("records")]
    (folder / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("batch_size", [1, 3, 100])
def test_a_dataset_in_batches_merges_as_in_memory(coder, corpus: Path, tmp_path: Path,
                                                  batch_size: int) -> None:
    memory = coder.code_files(corpus)
    assert len(memory) < len(coder.code_files(corpus, merge="article"))  # some merged
    out = tmp_path / "events"
    summary = scale.code_to_dataset([corpus], out, coder, batch_size=batch_size)
    got = eventcoder.read_events(out)
    pd.testing.assert_frame_equal(_sorted(got), _sorted(memory))
    assert summary.events == len(memory) == scale.read_manifest(out)["events"]
    again = scale.code_to_dataset([corpus], out, coder, batch_size=batch_size)  # resumed
    assert again.parts_written == 0 and again.events == len(memory)
    pd.testing.assert_frame_equal(_sorted(eventcoder.read_events(out)), _sorted(memory))
    rows = scale.code_to_dataset([corpus], tmp_path / "rows", coder, batch_size=batch_size,
                                 merge="article")
    assert rows.events == len(coder.code_files(corpus, merge="article"))


def test_merging_parts_is_merging_their_rows(coder, corpus: Path, tmp_path: Path) -> None:
    """Parts split anywhere, in any order, grouped in buckets of any size: `merge_parts` gives
    the rows `merge_rows` gives."""
    from eventcoder.dataset import write_events

    each = coder.code_files(corpus, merge="article")
    want = _sorted(coder.table(merge_rows(each.to_dict("records"))))
    rng = random.Random(7)
    for trial in range(3):
        order = list(range(len(each)))
        rng.shuffle(order)
        cuts = sorted(rng.sample(range(1, len(each)), 2))
        pieces = [order[:cuts[0]], order[cuts[0]:cuts[1]], order[cuts[1]:]]
        sources, targets = [], []
        for i, piece in enumerate(pieces):
            sources.append(write_events(each.iloc[piece], tmp_path / f"s{trial}-{i}.parquet"))
            targets.append(tmp_path / f"t{trial}-{i}.parquet")
        # (a bucket of 1: each block that rows share is grouped on its own)
        counts = merge_parts(sources, targets, bucket=(1, 4, BUCKET_REPORTS)[trial])
        got = pd.concat([eventcoder.read_events(t) for t in targets], ignore_index=True)
        assert sum(counts) == len(got) == len(want)
        pd.testing.assert_frame_equal(_sorted(got), want)


def test_dask_partitions_merge_as_in_memory(coder, corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("dask.dataframe")
    pytest.importorskip("distributed")
    memory = coder.code_files(corpus)
    summary = scale.code_dask([corpus], tmp_path / "dask", workers=1, batch_size=2,
                              regime_years=False)  # as the shared coder
    assert summary.parts == 4 and summary.events == len(memory)
    pd.testing.assert_frame_equal(_sorted(eventcoder.read_events(tmp_path / "dask")),
                                  _sorted(memory))


def test_the_cli_keeps_a_row_per_article_on_request(corpus: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from eventcoder.cli import main

    runner = CliRunner()
    for merge in ("event", "article"):
        out = tmp_path / f"{merge}.parquet"
        result = runner.invoke(main, ["code", str(corpus), "-o", str(out), "--merge", merge])
        assert result.exit_code == 0, result.output
    rows = [len(eventcoder.read_events(tmp_path / f"{m}.parquet")) for m in ("event", "article")]
    assert rows[0] < rows[1] == len(CORPUS)


def test_an_unknown_merge_mode_is_refused(coder) -> None:
    with pytest.raises(ValueError, match="merge must be one of event, article"):
        coder.code_texts(["Indian and Pakistani troops clashed."], merge="story")  # type: ignore[arg-type]


# --- dates from publication (issue 13, item 7) -------------------------------------------------

@pytest.mark.parametrize("text, published, date, precision, from_publication", [
    ("Rebels and soldiers clashed near Gao, killing four people.", "2025-08-14",
     "2025-08-14", 2, True),
    ("Talks between Sudan and South Sudan will be held in Juba.", "2025-08-14",
     "2025-08-14", 2, True),
    ("Rebels and soldiers clashed near Gao on Tuesday, killing four people.", "2025-08-14",
     "2025-08-12", 1, False),
    ("Rebels and soldiers clashed near Gao, killing four people.", None, None, None, False),
])
def test_an_event_with_no_date_words_takes_the_publication_date(
        coder, text: str, published: str | None, date: str | None, precision: int | None,
        from_publication: bool) -> None:
    row = coder.code_texts([text], published=published).iloc[0]
    got = None if pd.isna(row["event_date"]) else row["event_date"].date().isoformat()
    assert (got, None if pd.isna(row["time_precision"]) else row["time_precision"]) == \
        (date, precision)
    assert ("date_published" in row["rule"].split(";")) == from_publication


def test_a_later_sentence_dates_the_event_before_the_publication_does(coder) -> None:
    text = ("Rebels and soldiers clashed near Gao, killing four people. The clash between "
            "rebels and soldiers near Gao took place on Tuesday, residents said.")
    table = coder.code_texts([text], published="2025-08-14")
    assert len(table) == 1 and table.loc[0, "event_date"] == pd.Timestamp("2025-08-12")
    assert "date_published" not in table.loc[0, "rule"].split(";")


@scaled(50)
@given(report_rows())
def test_a_part_read_back_by_arrow_groups_as_read_by_pandas(coder, rows: list[dict[str, Any]]
                                                            ) -> None:
    """`merge_parts` reads a part's grouping columns as Arrow gives them (None, dates, lists)
    where pandas gave NaN, Timestamps and arrays: the same groups, in the same order."""
    import tempfile

    import pyarrow.parquet as pq

    from eventcoder.dataset import write_events
    from eventcoder.merge import GROUP_COLUMNS, _order

    # (the columns the grouping does not read, as the schema wants them)
    rows = [{**r, "trigger": "clash", "trigger_end": r["trigger_start"] + 5} for r in rows]
    with tempfile.TemporaryDirectory() as folder:
        path = write_events(coder.table(rows), Path(folder) / "part.parquet")
        table = pq.read_table(path, columns=list(GROUP_COLUMNS))
    by_arrow, by_pandas = table.to_pylist(), table.to_pandas().to_dict("records")
    assert group_rows(by_arrow) == group_rows(by_pandas)
    assert [_order(r) for r in by_arrow] == [_order(r) for r in by_pandas]
    by_columns = list(row_values(table))  # what merge_parts reads: days as dates
    assert group_rows(by_columns) == group_rows(by_pandas)
    assert [_order(r) for r in by_columns] == [_order(r) for r in by_pandas]


@scaled(50)
@given(report_rows(), st.integers(0, 14), st.integers(1, 8))
def test_the_reports_of_parts_group_as_their_rows(coder, rows: list[dict[str, Any]], cut: int,
                                                  bucket: int) -> None:
    """`merge_parts` reads only the rows whose block another row shares, of every part, a
    bucket of blocks at a time: the groups of several rows are those `group_rows` finds
    among all the rows, in order, and the spill folder is gone afterwards."""
    import tempfile

    from eventcoder.dataset import write_events
    from eventcoder.merge import merged_groups

    rows = [{**r, "trigger": "clash", "trigger_end": r["trigger_start"] + 5} for r in rows]
    want = [[rows[i]["event_id"] for i in g] for g in group_rows(rows) if len(g) > 1]
    with tempfile.TemporaryDirectory() as folder:
        paths = [write_events(coder.table(piece), Path(folder) / f"{n}.parquet")
                 for n, piece in enumerate([rows[:cut], rows[cut:]])]
        groups = merged_groups(paths, bucket)
        assert sorted(p.name for p in Path(folder).iterdir()) == ["0.parquet", "1.parquet"]
    assert [[r.event_id for r in g] for g in groups] == want
    part = {r["event_id"]: (int(i >= cut), i - cut if i >= cut else i)
            for i, r in enumerate(rows)}
    assert all(part[r.event_id] == (r.part, r.row) for g in groups for r in g)


def test_groups_of_later_buckets_keep_their_place(coder, tmp_path: Path) -> None:
    """The talks (the second block to appear) are grouped in the second bucket, after the
    clash near Uri, but come first, as their first row does; the table written is the same
    whatever the buckets."""
    import pyarrow.parquet as pq

    from eventcoder.dataset import write_events
    from eventcoder.merge import merged_groups

    uri = "2025-06-12|Indian and Pakistani troops exchanged fire near Uri on Wednesday."
    talks = "2025-03-02|Armenia and Azerbaijan held talks in Abu Dhabi on Saturday."
    each = coder.code_frame(_articles([POONCH[0], talks, talks, uri, uri]), merge="article")
    part = write_events(each, tmp_path / "part.parquet")
    assert [[r.part, r.row] for g in merged_groups([part], 1) for r in g] == \
        [[0, 1], [0, 2], [0, 3], [0, 4]]
    tables = []
    for bucket in (1, BUCKET_REPORTS):
        merge_parts([part], [tmp_path / f"{bucket}.parquet"], bucket)
        tables.append(pq.read_table(tmp_path / f"{bucket}.parquet"))
    assert tables[0].equals(tables[1]) and tables[0].num_rows == 3


@scaled(100)
@given(st.lists(st.lists(st.one_of(st.none(), st.sampled_from("abcdef")), max_size=12),
                max_size=4), st.integers(1, 6))
def test_a_bucket_holds_whole_blocks_up_to_its_size(parts: list[list[str | None]], bucket: int
                                                    ) -> None:
    """Every block that two or more rows share is in one bucket; the buckets are numbered
    in the order of their blocks' first rows; a bucket holds more than `bucket` rows only
    when it is one block."""
    from eventcoder.merge import bucket_plan

    blocks = [[None if b is None else ("clash", "occurred", (b,), ()) for b in part]
              for part in parts]
    plan = bucket_plan(blocks, bucket)
    counts = Counter(b for part in blocks for b in part if b is not None)
    assert set(plan) == {b for b, n in counts.items() if n > 1}
    first = [b for part in blocks for b in part if b in plan]
    numbers = [plan[b] for b in dict.fromkeys(first)]
    assert numbers == sorted(numbers) and set(numbers) == set(range(len(set(numbers))))
    for number in set(numbers):
        held = [b for b in plan if plan[b] == number]
        assert len(held) == 1 or sum(counts[b] for b in held) <= bucket


class _Reading(dict[str, Any]):
    """A row that records the columns read of it."""

    def __init__(self, row: dict[str, Any], read: set[str]) -> None:
        super().__init__(row)
        self.read = read

    def __getitem__(self, key: str) -> Any:
        self.read.add(key)
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:
        self.read.add(key)
        return super().get(key, default)


@scaled(50)
@given(report_rows())
def test_grouping_reads_only_the_group_columns(rows: list[dict[str, Any]]) -> None:
    """`merge_parts` reads a part for `BLOCK_COLUMNS` (of every row), then `REPORT_COLUMNS`
    (of rows whose block others share; `GROUP_COLUMNS`, both): a column grouping read and
    they left out would be None in every row read back."""
    from eventcoder.merge import (BLOCK_COLUMNS, GROUP_COLUMNS, REPORT_COLUMNS, _articles,
                                  _order, read_block, read_facts)

    read: set[str] = set()
    recorded = [_Reading(r, read) for r in rows]
    group_rows(recorded)
    for each in recorded:
        _order(each)
    assert read <= set(GROUP_COLUMNS) == {*BLOCK_COLUMNS, *REPORT_COLUMNS}
    reported: set[str] = set()
    for row in rows:
        each = _Reading(row, reported)
        read_facts(each, read_block(row))
        _articles(each)
        _order(each)
    assert reported <= set(REPORT_COLUMNS)
    blocks: set[str] = set()
    for row in rows:
        read_block(_Reading(row, blocks))
    assert blocks <= set(BLOCK_COLUMNS)
    assert not rows or blocks == set(BLOCK_COLUMNS)


@scaled(100)
@given(st.lists(st.one_of(st.none(), st.datetimes(dt.datetime(1900, 1, 1),
                                                  dt.datetime(2100, 1, 1))), max_size=8),
       st.sampled_from(["s", "ms", "us", "ns"]))
def test_a_timestamp_column_is_read_as_its_days(values: list[dt.datetime | None], unit: Any
                                                ) -> None:
    """`column_values` makes a date of a timestamp's day; its reference: Arrow's values,
    each read by `_day` (what grouping reads of them). Other columns: Arrow's values."""
    import pyarrow as pa

    from eventcoder.merge import _day, column_values

    table = pa.table({"t": pa.array(values, pa.timestamp(unit)),
                      "s": pa.array([None if v is None else v.isoformat() for v in values],
                                    pa.string())})
    assert column_values(table, "t") == [_day(v) for v in table.column("t").to_pylist()]
    assert column_values(table, "s") == table.column("s").to_pylist()
