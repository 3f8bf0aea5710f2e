"""One event, many reports: the rows of articles that report one event become one row.

ACLED codes an event once, however many sources report it; GDELT's best-known failure is
the opposite (one kidnapping coded as hundreds of events). Within an article, the sentences
that report one event are already one row (`eventcoder.context.merge_mentions`); this
module joins the rows of different articles, on every path alike: `merge_rows` over the rows
of a run in memory, and `merge_parts` over the per-article parts of a dataset folder (the
streaming and Dask runs), which groups with the same function.

**Which rows are one event.** Rows of the same event type, status and mediators, with the
same actors (the lexicon's canonical names, in either order: "Pakistani troops" and "the
Pakistan Army" are both *Military Forces of Pakistan*), at the same place (the gazetteer's
entry: name, region, country and coordinates) on the same day. A row with no actor, and a
part of a toll split by town (`split_toll`), join nothing. A report that says less joins the
one event the others say more precisely, unless its own article tells that event apart:

- a row with no place, or only a country (or a region), joins the single group of the same
  type, status, actors and day placed inside that country (region);
- a row with no date words, dated by its publication (`resolve.dates`), joins the single
  group dated in the week up to that day;

and when two or more groups would fit, it stays apart (with the other rows that say exactly
as little). The groups are equivalence classes of exact keys plus that unique choice, so the
result does not depend on the order of the articles or on how they are split into batches
or partitions, and merging a merged table changes nothing.

**What the merged row holds.** The earliest report's row (by publication, then article id,
sentence, trigger; its `event_id`, sentence, offsets, actor order, source) with: the lowest
`fatalities` any report gives (ACLED's rule; a report with no toll, 0, gives none); the place
of the most precise report, and the date (with its words and precision) of the most precise
report that has date words; `actors_inferred` only if every report inferred them;
`mentions` the sentences of all; the other reports' sentences, articles and offsets appended
to `mention_sentences`, `mention_doc_ids`, `mention_offsets`; `doc_ids` the articles
(sorted), `n_sources` their number; `merged_ids` the `event_id`s of the other articles' rows
(as `merge="article"` codes them); and the rule `merged_articles`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Literal

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from . import collector
from .model.records import HELD_COLUMNS
from .resolve.dates import PUBLISHED_RULE

MergeMode = Literal["event", "article"]
MERGE_MODES: tuple[str, ...] = ("event", "article")
# A report dated by its publication may tell of an event up to this many days before.
PUBLISHED_REACH = 7
MERGE_RULE = "merged_articles"
SPLIT_RULE = "split_toll"

# The columns that say where an event was: taken together from one report.
PLACE_COLUMNS: tuple[str, ...] = tuple(c for c, (holder, _) in HELD_COLUMNS.items()
                                       if holder == "place")
DATE_COLUMNS = ("event_date", "time_precision", "date_text")
# What grouping reads of a row: its block (`read_block`), then, of a row whose block
# others share, what `read_facts` (given the block), `_articles` and `_order` read. A
# dataset's parts are read for these columns, each set in its turn.
BLOCK_COLUMNS: tuple[str, ...] = ("actor1", "actor2", "rule", "event_type", "status",
                                  "mediators")
REPORT_COLUMNS: tuple[str, ...] = ("rule", "event_id", "doc_id", "sentence_index",
                                   "trigger_start", "published", "doc_ids", "location",
                                   "admin1", "country", "iso3", "latitude", "longitude",
                                   "event_date", "date_text")
GROUP_COLUMNS: tuple[str, ...] = tuple(dict.fromkeys([*BLOCK_COLUMNS, *REPORT_COLUMNS]))

# The reports held in memory at once while merging a dataset's parts (under 1 kB each).
BUCKET_REPORTS = 20_000
SPILL_PART, SPILL_ROW = "_part", "_row"
SPILL_ROWS = 10_000

Row = Mapping[str, Any]
PlaceId = tuple[Any, ...]


def check_mode(merge: str) -> MergeMode:
    if merge not in MERGE_MODES:
        raise ValueError(f"merge must be one of {', '.join(MERGE_MODES)}, not {merge!r}")
    return merge  # type: ignore[return-value]


def _null(value: Any) -> bool:
    """None, NaN, NaT or pd.NA (a list, or an array read back from Parquet, is a value)."""
    # Identity first: the coder's rows hold None; a frame's, NaN, NaT or pd.NA.
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and value != value


def _day(value: Any) -> dt.date | None:
    if _null(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return pd.Timestamp(value).date()


Block = tuple[str, str, tuple[str, ...], tuple[str, ...]]


# (not frozen: a frozen dataclass is made by five `object.__setattr__` calls, 3.5 times the cost)
@dataclass(slots=True)
class Facts:
    """What grouping reads of one row."""

    block: Block | None  # None: the row joins no other
    place: PlaceId | None
    area: tuple[str, str | None] | None  # a country (region) only: (iso3, admin1 or None)
    day: dt.date | None
    dated: bool  # the text gave date words

    @property
    def fine(self) -> bool:
        return self.place is not None and self.area is None and self.dated

    @property
    def key(self) -> tuple[Any, ...]:
        return (self.block, self.place, self.day)


def read_block(row: Row) -> Block | None:
    """What every report of one event shares exactly: type, status, actors (in either
    order) and mediators; None for a row with no actor, which joins no other."""
    return block_of(row["actor1"], row["actor2"], row["rule"], row["event_type"],
                    row["status"], row["mediators"])


def block_of(one: Any, two: Any, rule: Any, event_type: Any, status: Any, mediators: Any
             ) -> Block | None:
    """`read_block` of a row's `BLOCK_COLUMNS` values."""
    one = None if _null(one) else str(one)
    two = None if _null(two) else str(two)
    # A part of a toll split by town is an event of its own (as in its article's merge).
    if one is None and two is None or SPLIT_RULE in str(rule):
        return None
    if one is None or two is None:
        actors: tuple[str, ...] = (one or two or "",)
    else:
        actors = (one, two) if one <= two else (two, one)
    # Talks mediated by Qatar and talks mediated by Turkey the same day are two events.
    return (str(event_type), str(status), actors,
            tuple(sorted(map(str, mediators))) if len(mediators) else ())


def read_facts(row: Row, block: Block | None) -> Facts:
    """What grouping reads of a row of `block` (`read_block`)."""
    if block is None:
        return Facts(None, None, None, None, False)
    place: PlaceId | None = None
    area: tuple[str, str | None] | None = None
    name = row["location"]
    if not _null(name):
        name = str(name)
        iso3, admin1 = row["iso3"], row["admin1"]
        iso3 = None if _null(iso3) else str(iso3)
        admin1 = None if _null(admin1) else str(admin1)
        # The gazetteer's coordinates: the same floats for one entry, from any report.
        lat, lon = row["latitude"], row["longitude"]
        place = (iso3, admin1, name, None if _null(lat) else float(lat),
                 None if _null(lon) else float(lon))
        if iso3 and name == row["country"]:
            area = (iso3, None)
        elif iso3 and admin1 and name == admin1:
            area = (iso3, admin1)
    day = _day(row["event_date"])
    dated = day is not None and not _null(row["date_text"]) and \
        PUBLISHED_RULE not in str(row["rule"]).split(";")
    return Facts(block, place, area, day, dated)


def _holds(coarse: Facts, fine: Facts) -> bool:
    """May the report `coarse` tell of the event `fine` (same block)?"""
    if coarse.place is not None and coarse.place != fine.place:
        area = coarse.area
        if area is None or fine.place is None or fine.place[0] != area[0] or \
                (area[1] is not None and fine.place[1] != area[1]):
            return False
    if coarse.day is None or fine.day is None:
        return True
    if coarse.dated:
        return coarse.day == fine.day
    return 0 <= (coarse.day - fine.day).days <= PUBLISHED_REACH


def _candidates(facts: Facts, fine_days: Mapping[tuple[Any, ...], list[Facts]],
                fine_blocks: Mapping[Any, list[Facts]]) -> set[tuple[Any, ...]]:
    if facts.block not in fine_blocks:
        return set()
    if facts.day is None:
        pool: Iterable[Facts] = fine_blocks.get(facts.block, ())
    elif facts.dated:
        pool = fine_days.get((facts.block, facts.day), ())
    else:
        pool = (f for back in range(PUBLISHED_REACH + 1)
                for f in fine_days.get((facts.block, facts.day - dt.timedelta(back)), ()))
    return {f.key for f in pool if _holds(facts, f)}


def group_rows(rows: Sequence[Row]) -> list[list[int]]:
    """The rows (positions in `rows`) that report one event, each group in input order,
    the groups in the order of their first row. See the module's docstring for the rules."""
    blocks = [read_block(row) for row in rows]
    # A report whose block no other shares is an event of its own: most rows, read no further
    # (and all given one Facts: a new frozen one for each cost 0.5 % of a dense pass).
    shared = Counter(blocks)
    alone = read_facts({}, None)
    facts = [read_facts(row, block) if block is not None and shared[block] > 1 else alone
             for row, block in zip(rows, blocks)]
    return group_facts(facts, lambda i: _articles(rows[i]))


def group_facts(facts: Sequence[Facts], articles: Callable[[int], list[str]]
                ) -> list[list[int]]:
    """`group_rows` of the rows whose `facts` these are; `articles(i)`: the articles row i
    reports from. A row given Facts of no block is a group of its own, and changes no other
    row's group: the groups of several rows are the same without it, in the same order."""
    fine_days: dict[tuple[Any, ...], list[Facts]] = {}
    fine_blocks: dict[Any, list[Facts]] = {}
    docs: dict[tuple[Any, ...], set[str]] = {}  # the articles of each precise event
    for i, f in enumerate(facts):
        if f.block is not None and f.fine:
            if f.key not in docs:
                docs[f.key] = set()
                fine_days.setdefault((f.block, f.day), []).append(f)
                fine_blocks.setdefault(f.block, []).append(f)
            docs[f.key].update(articles(i))
    groups: dict[Any, list[int]] = {}
    for i, f in enumerate(facts):
        if f.block is None:
            groups[("row", i)] = [i]
            continue
        key = f.key
        if not f.fine:
            found = _candidates(f, fine_days, fine_blocks)
            # Its own article told that event apart from it: it stays apart here too.
            if len(found) == 1 and docs[next(iter(found))].isdisjoint(articles(i)):
                key = found.pop()
            else:
                key = ("coarse", *key)
        groups.setdefault(key, []).append(i)
    return list(groups.values())


def _articles(row: Row) -> list[str]:
    """The articles a row reports from (one, unless it was merged)."""
    ids = row.get("doc_ids")
    return [str(row["doc_id"])] if ids is None or _null(ids) else [str(d) for d in ids]


def _order(row: Row) -> tuple[Any, ...]:
    """The reports of an event in a fixed order, whatever order they came in: the earliest
    published first (unknown last), then by article, sentence and trigger."""
    day = _day(row["published"])
    return (day is None, day or dt.date.min, str(row["doc_id"]), int(row["sentence_index"]),
            int(row["trigger_start"]), str(row["event_id"]))


def _strings(value: Any) -> list[str]:
    return [] if _null(value) else [str(v) for v in value]


def combine(members: Sequence[Row]) -> dict[str, Any]:
    """The one row of the reports `members` of an event (see the module's docstring)."""
    ordered = sorted(members, key=_order)
    first = ordered[0]
    row = dict(first)
    facts = [read_facts(m, read_block(m)) for m in ordered]
    placed = [m for m, f in zip(ordered, facts) if f.place is not None and f.area is None] or \
        [m for m, f in zip(ordered, facts) if f.place is not None]
    if placed:
        best = min(placed, key=lambda m: (_precision(m["geo_precision"]), _order(m)))
        row.update({c: best[c] for c in PLACE_COLUMNS})
    dated = [m for m, f in zip(ordered, facts) if f.dated]
    if dated:
        best = min(dated, key=lambda m: (_precision(m["time_precision"]), _order(m)))
        row.update({c: best[c] for c in DATE_COLUMNS})
    # 0 is "no deaths reported" (codebook, section 8): it lowers no report's count.
    tolls = [int(m["fatalities"]) for m in ordered if not _null(m["fatalities"])]
    row["fatalities"] = min([t for t in tolls if t > 0] or tolls) if tolls else None
    row["actors_inferred"] = all(bool(m["actors_inferred"]) for m in ordered)
    sentences, docs, offsets = [], [], []
    for m in ordered:
        if m is not first:
            sentences.append(str(m["sentence"]))
            docs.append(str(m["doc_id"]))
            offsets.append(f"{m['sentence_start']}:{m['sentence_end']}")
        sentences += _strings(m["mention_sentences"])
        docs += _strings(m["mention_doc_ids"])
        offsets += _strings(m["mention_offsets"])
    row.update(mention_sentences=sentences, mention_doc_ids=docs, mention_offsets=offsets,
               mentions=1 + len(sentences))
    row["doc_ids"] = sorted({d for m in ordered for d in (str(m["doc_id"]),
                                                            *_strings(m["doc_ids"]))})
    row["n_sources"] = len(row["doc_ids"])
    merged = {i for m in ordered for i in (str(m["event_id"]), *_strings(m["merged_ids"]))}
    row["merged_ids"] = sorted(merged - {str(first["event_id"])})
    rules = [r for r in str(first["rule"]).split(";") if r != MERGE_RULE and not
             (dated and r == PUBLISHED_RULE)]  # the date is then a report's own
    row["rule"] = ";".join([*rules, MERGE_RULE])
    return row


def _precision(value: Any) -> int:
    return 9 if _null(value) else int(value)


def merge_rows(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per event (see the module's docstring): a row that reports an event no other
    row does is returned as it is (the same dict); the rows of one event become one row,
    where the first of them was."""
    out: list[dict[str, Any]] = []
    for group in group_rows(rows):
        if len(group) == 1:
            out.append(rows[group[0]])
        else:
            out.append(combine([rows[i] for i in group]))
    return out


# --- a dataset's parts: the streaming and Dask runs ------------------------------------------

def merge_parts(sources: Sequence[Path], targets: Sequence[Path],
                bucket: int = BUCKET_REPORTS) -> list[int]:
    """Write `targets[i]`, the merged rows of the per-article part `sources[i]`: its rows
    that report an event no other row of any part does, as they are, and the one row of
    each event whose earliest report (`combine`) it holds. Returns each target's row count.

    The parts are read one at a time, for: each row's block (`part_blocks`), the grouping
    columns of the rows whose block others share (`merged_groups`), the rows of events
    reported more than once, and each part to write. Memory holds a reference to each row's
    block, the reports of one bucket of blocks, and the rows merged, not the table. Only the
    rows merged become pandas rows and pass the schema again, all in one frame: a part's
    other rows were validated when it was written, and go to its target as Arrow holds them."""
    groups = merged_groups(sources, bucket)
    wanted: dict[int, set[str]] = {}  # part -> ids of its rows in a merged group
    for group in groups:
        for report in group:
            wanted.setdefault(report.part, set()).add(report.event_id)
    full: dict[str, dict[str, Any]] = {}
    for index, ids in wanted.items():
        full.update(_rows_of(pq.read_table(sources[index]), ids))
    merged: dict[int, list[dict[str, Any]]] = {}  # part -> its merged rows
    for group in groups:
        first = min(group, key=lambda r: r.order)
        merged.setdefault(first.part, []).append(combine([full[r.event_id] for r in group]))
    gone = {i for ids in wanted.values() for i in ids}
    tables = _merged_tables(merged, pq.read_schema(sources[0]).names) if merged else {}
    return [_write_merged(source, target, tables.get(index), gone if index in wanted else None)
            for index, (source, target) in enumerate(zip(sources, targets))]


@dataclass(slots=True)
class Report:
    """What merging a dataset's parts keeps of a row that may join others."""

    facts: Facts
    articles: list[str]
    order: tuple[Any, ...]  # `_order`: the event id last
    part: int
    row: int  # its position in its part

    @property
    def event_id(self) -> str:
        return str(self.order[-1])


def merged_groups(sources: Sequence[Path], bucket: int = BUCKET_REPORTS
                  ) -> list[list[Report]]:
    """The groups of two or more reports among the rows of `sources`, as `group_rows` finds
    them among all the rows, in the same order. Rows of different blocks never join, so the
    blocks that rows share are grouped a bucket at a time (`bucket_plan`, `bucket_reports`):
    memory holds one bucket's reports, however large the dataset."""
    groups: list[list[Report]] = []
    with collector.paused():  # (a block for each row, tens of thousands of reports: no cycle)
        blocks = part_blocks(sources)
        for reports in bucket_reports(sources, blocks, bucket_plan(blocks, bucket)):
            groups += [[reports[i] for i in g] for g in
                       group_facts([r.facts for r in reports], lambda i: reports[i].articles)
                       if len(g) > 1]
    # A bucket's groups are in the order of their first row; all of them, the same way.
    return sorted(groups, key=lambda g: (g[0].part, g[0].row))


def part_blocks(sources: Sequence[Path]) -> list[list[Block | None]]:
    """Each part's rows' blocks (`read_block`), a block kept once however many rows share
    it (as are the strings they hold)."""
    canonical: dict[Any, Any] = {}
    blocks: list[list[Block | None]] = []
    for path in sources:
        table = pq.read_table(path, columns=list(BLOCK_COLUMNS))
        columns = [[v if v.__class__ is not str else canonical.setdefault(v, v)
                    for v in column_values(table, c)] for c in BLOCK_COLUMNS]
        blocks.append([None if b is None else canonical.setdefault(b, b)
                       for b in map(block_of, *columns)])
    return blocks


def bucket_plan(blocks: Sequence[Sequence[Block | None]], bucket: int) -> dict[Block, int]:
    """The bucket of each block that two or more rows share, in the order the blocks first
    appear: a bucket fills up to `bucket` rows (a block larger than that alone), and a
    block is never split. A row whose block no other shares is an event of its own."""
    counts = Counter(b for part in blocks for b in part if b is not None)
    plan: dict[Block, int] = {}
    index, filled = 0, 0
    for block, count in counts.items():
        if count < 2:
            continue
        if filled and filled + count > bucket:
            index, filled = index + 1, 0
        plan[block] = index
        filled += count
    return plan


def bucket_reports(sources: Sequence[Path], blocks: Sequence[Sequence[Block | None]],
                   plan: Mapping[Block, int]) -> Iterator[list[Report]]:
    """The reports of each bucket of `plan`, in order (by part, then row). The grouping
    columns of the rows in a bucket are read from every part once. One bucket is read as
    it is; more are spilled to one Arrow file each, in a folder beside the parts that is gone
    when this ends, and read back one at a time."""
    count = max(plan.values(), default=-1) + 1
    if count == 1:
        yield [r for table, _ in _taken(sources, blocks, plan) for r in _reports(table, blocks)]
    if count < 2:
        return
    with tempfile.TemporaryDirectory(prefix="_merge-", dir=Path(sources[0]).parent) as folder:
        paths = [Path(folder) / f"bucket-{b:05d}.arrow" for b in range(count)]
        with contextlib.ExitStack() as stack:
            writers: list[Any] = []
            for table, buckets in _taken(sources, blocks, plan):
                if not writers:
                    schema = table.schema
                    writers = [stack.enter_context(pa.ipc.new_file(str(p), schema))
                               for p in paths]
                which = pa.array(buckets, pa.int64())
                for b, writer in enumerate(writers):
                    writer.write_table(table.filter(pc.equal(which, pa.scalar(b, pa.int64())))
                                       .cast(schema))
        for path in paths:
            with pa.memory_map(str(path)) as file:
                reports = list(_reports(pa.ipc.open_file(file).read_all(), blocks))
            yield reports


def _taken(sources: Sequence[Path], blocks: Sequence[Sequence[Block | None]],
           plan: Mapping[Block, int]) -> Iterator[tuple[Any, list[int]]]:
    """Of each part that has rows of `plan`'s blocks: their `REPORT_COLUMNS` (their blocks
    are read), with their part and row, as an Arrow table (no metadata), and the bucket of
    each."""
    for index, (path, part) in enumerate(zip(sources, blocks)):
        at = [i for i, b in enumerate(part) if b in plan]
        if at:
            table = pq.read_table(path, columns=list(REPORT_COLUMNS)).take(at) \
                .append_column(SPILL_PART, pa.array([index] * len(at), pa.int64())) \
                .append_column(SPILL_ROW, pa.array(at, pa.int64()))
            yield table.replace_schema_metadata(None), \
                [plan[part[i]] for i in at]  # type: ignore[index]


def _reports(table: Any, blocks: Sequence[Sequence[Block | None]]) -> Iterator[Report]:
    # (a slice at a time: the Python values of a bucket's columns outweigh its reports)
    return (_report(row, blocks) for batch in table.to_batches(SPILL_ROWS)
            for row in row_values(batch))


def _report(row: Row, blocks: Sequence[Sequence[Block | None]]) -> Report:
    part, position = int(row[SPILL_PART]), int(row[SPILL_ROW])
    return Report(read_facts(row, blocks[part][position]), _articles(row), _order(row),
                  part, position)


def row_values(table: Any) -> Iterator[dict[str, Any]]:
    """The rows of an Arrow table as `column_values` gives each column, one at a time."""
    names = list(table.column_names)
    return (dict(zip(names, values))
            for values in zip(*[column_values(table, name) for name in names]))


def column_values(table: Any, name: str) -> list[Any]:
    """The Python values of a column, as grouping reads them: Arrow's own (None, lists), a
    timestamp's day as a date (all `_day` reads of it; Arrow would make a pandas Timestamp
    of each, the cost of the rest of the columns together)."""
    column = table.column(name)
    if pa.types.is_timestamp(column.type) and column.type.tz is None:
        column = column.cast(pa.date32(), safe=False)
    return column.to_pylist()


def _rows_of(table: Any, ids: set[str]) -> Iterable[tuple[str, dict[str, Any]]]:
    """The rows of `table` whose event ids are `ids`, by id, as Arrow's Python values (None,
    lists, Timestamps): the values of the coder's own rows, which `combine` reads."""
    return ((str(r["event_id"]), r) for r in table.filter(_among(table, ids)).to_pylist())


def _merged_tables(merged: Mapping[int, list[dict[str, Any]]], columns: list[str]
                   ) -> dict[int, Any]:
    """The merged rows of each part (by part) as Arrow tables, validated together: the
    schema's cost is mostly a fixed cost per frame (tens of milliseconds)."""
    from .dataset import arrow_table
    from .schemas import validate_events

    parts = sorted(merged)
    frame = pd.DataFrame([row for part in parts for row in merged[part]], columns=columns)
    table = arrow_table(validate_events(frame), {})
    tables: dict[int, Any] = {}
    at = 0
    for part in parts:
        tables[part] = table.slice(at, len(merged[part]))
        at += len(merged[part])
    return tables


def _write_merged(source: Path, target: Path, rows: Any, gone: set[str] | None) -> int:
    """Write `target`: the rows of `source` whose ids are not `gone`, then the table `rows`
    (merged, validated) if any. With `gone` None no row of the part merged: the target is a
    copy."""
    from .dataset import read_metadata, tagged, write_table
    from .files import atomic_write

    if gone is None:
        atomic_write(target, partial(shutil.copyfile, source))
        return int(pq.read_metadata(source).num_rows)
    table = pq.read_table(source)
    kept = table.filter(pc.invert(_among(table, gone)))
    meta = {k: v for k, v in read_metadata(source).items() if k != "schema_version"}
    if rows is not None:
        kept = pa.concat_tables([kept, rows.cast(kept.schema)])
    write_table(tagged(kept, meta), target)
    return int(kept.num_rows)


def _among(table: Any, ids: set[str]) -> Any:
    """Arrow's mask of the rows of `table` whose event id is one of `ids`."""
    kind = table.schema.field("event_id").type
    return pc.is_in(table["event_id"], value_set=pa.array(sorted(ids), kind))
