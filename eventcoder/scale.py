"""Coding at scale: stream articles to a partitioned Parquet dataset, resumably, in one
process or on Dask.

A dataset is a folder of part files, ``part-00000.parquet``, ``part-00001.parquet``, ...,
each the validated events of one batch (local) or one partition (Dask) of articles, and a
manifest, ``_manifest.json``. Every file is written to a hidden temporary name and renamed
into place, so a part file that exists is complete. Each part records in its metadata a
fingerprint of the articles it covers (ids and content); a rerun over the same inputs skips
the parts that are done and rewrites the rest under the same names, so an interrupted run
resumes without duplicates or missing articles, also after a bad line that stopped it was
fixed. The output folder is checked before anything is coded: it must hold nothing but a
dataset (`eventcoder.dataset`). Readers ignore the manifest and temporary files (pyarrow
skips names starting with ``_`` and ``.``); `eventcoder.read_events` refuses a dataset whose
run is not complete.

>>> import pathlib, tempfile
>>> import eventcoder
>>> from eventcoder.scale import code_to_dataset
>>> work = pathlib.Path(tempfile.mkdtemp())
>>> (work / "news").mkdir()
>>> _ = (work / "news" / "border.txt").write_text(
...     "date 2026-02-27\\nPakistani and Afghan forces exchanged fire near Torkham on Thursday.")
>>> summary = code_to_dataset([work / "news"], work / "events")   # one process, in batches
>>> summary.parts, summary.documents
(1, 1)
>>> events = eventcoder.read_events(work / "events")              # checks the whole dataset
>>> list(events["event_type"]), list(events["doc_id"])
(['clash'], ['border'])
>>> import shutil; shutil.rmtree(work)

On Dask (``pip install eventcoder[dask]``):

>>> from eventcoder.scale import code_dask
>>> summary = code_dask(["news/"], "events/", workers=2)   # doctest: +SKIP
>>> summary = code_dask(articles_ddf, "events/", client=client)   # doctest: +SKIP

(the first starts and stops a LocalCluster of 2 processes; the second codes your Dask
DataFrame of articles on your cluster). Before a Dask run codes anything, every article is
read once on the workers and the ids are checked across all pieces: a bad line (with
``on_error="raise"``) or an id used twice stops the run before a part is written.

Memory stays flat in corpus size: a run holds one batch of articles and its events at a
time (per worker on Dask), plus the coder (and, on Dask, the ids of every article).
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .dataset import ARTICLES, MANIFEST_FORMAT, arrow_table, part_name, read_manifest, write_table
from .documents import (Document, OnError, Skipped, documents_from_frame, input_files, read_paths,
                        repeated_id, report_skip)
from .errors import DatasetError, InputError, Problem
from .merge import MergeMode, check_mode, merge_parts
from .parts import (RunSummary, check_manifest, check_output_folder, code_digest,
                    content_fingerprint, fingerprint, input_identity, part_done, part_metadata,
                    prepare_folder, run_key, stale_parts, write_manifest)
from .pieces import Piece, piece_documents, plan_pieces, read_piece, require
from .pieces import articles_frame as _articles_frame
from .schemas import SCHEMA_VERSION

if TYPE_CHECKING:  # pragma: no cover
    from .coder import Coder

DEFAULT_BATCH_SIZE = 5000          # articles per part file (Pandera costs ~0.1 s a call)


# --- writing parts --------------------------------------------------------------------------

def events_table(frame: pd.DataFrame, metadata: dict[str, Any]) -> pa.Table:
    """A part's Arrow table (its schema does not depend on the data: see arrow_table)."""
    return arrow_table(frame, metadata)


def write_part(frame: pd.DataFrame, path: str | Path, metadata: dict[str, Any]) -> Path:
    """Write one validated event frame to `path` atomically (temporary file, then rename)."""
    return write_table(events_table(frame, metadata), path)


def _entry(documents: list[Document], index: int) -> dict[str, Any]:
    """What a part's metadata and the manifest record of the articles a part covers."""
    ids = [d.doc_id for d in documents]
    return {"index": index, "count": len(ids), "first_id": ids[0] if ids else None,
            "last_id": ids[-1] if ids else None, "ids_sha1": fingerprint(ids),
            "docs_sha1": content_fingerprint(documents)}


# --- one process: stream files in batches ---------------------------------------------------

def batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Consecutive lists of `size` documents (the last may be shorter)."""
    if size < 1:
        raise ValueError("batch_size must be at least 1")
    iterator = iter(documents)
    while batch := list(islice(iterator, size)):
        yield batch


def code_to_dataset(inputs: Iterable[str | Path] | str | Path, out_dir: str | Path,
                    coder: Coder | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
                    on_error: OnError = "raise", resume: bool = True,
                    progress: Callable[[int], None] | None = None, *,
                    dayfirst: bool | None = None, merge: MergeMode = "event",
              regime_years: bool = True) -> RunSummary:
    """Code .txt/.jsonl files or folders into a partitioned Parquet dataset in `out_dir`.

    Articles are read as a stream and coded `batch_size` at a time; each batch's validated
    events become one part file, written atomically, and the manifest records the parts done
    and the articles (positions, ids, content fingerprint) each covers. With `resume` (the
    default) a rerun over the same inputs keeps the parts already written for the same
    articles and codes only the rest (after a bad line is fixed, too); a run over other
    inputs, batch size or lexicon into the same folder is refused. With ``resume=False``
    the folder's earlier parts are deleted first. The folder is checked before the Coder is
    built. `progress` is called with the number of articles of each batch done (or kept).
    With ``merge="event"`` (the default) the articles that report one event give one row,
    across batches (`merge_articles`); ``merge="article"`` keeps a row per article.
    """
    from . import __version__
    from .coder import Coder

    started = time.perf_counter()
    inputs = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)
    out = check_output_folder(out_dir, inputs)
    coder = coder or Coder()
    skipped = Skipped()
    files = input_files(inputs, skipped.files)
    config = {"engine": "local", "inputs": input_identity(inputs), "batch_size": batch_size,
              "eventcoder_version": __version__, "code_hash": code_digest(),
              "lexicon_hash": coder.lexicon.digest, "merge": check_mode(merge)}
    key = run_key(config)
    manifest = _start(out, resume, key, config)
    summary = RunSummary(out)
    written = _articles_folder(out, merge)
    documents = read_paths(files, on_error, dayfirst=dayfirst, skipped=skipped)
    for index, batch in enumerate(batches(documents, batch_size)):
        _local_part(coder, out, batch, index, summary, manifest, resume, written)
        if progress is not None:
            progress(len(batch))
    if summary.parts == 0:
        # No articles at all: one empty part keeps the dataset readable, with its schema.
        _local_part(coder, out, [], 0, summary, manifest, False, written)
    stale_parts(out, summary.parts)
    manifest["parts"] = {k: v for k, v in manifest["parts"].items()
                         if v["index"] < summary.parts}
    if written != out:
        _merge_local(out, summary, manifest)
    summary.skipped, summary.files_skipped = len(skipped.articles), len(skipped.files)
    manifest.update(complete=True, documents=summary.documents, events=summary.events,
                    **skipped.counts())
    write_manifest(out, manifest)
    summary.seconds = time.perf_counter() - started
    return summary


def _start(out: Path, resume: bool, key: str, config: dict[str, Any]) -> dict[str, Any]:
    """Prepare the folder of a run that starts (or resumes: the parts done are kept) and
    write its manifest, incomplete; returns it."""
    prepare_folder(out, resume)
    manifest = read_manifest(out) if resume else {}
    check_manifest(out, manifest, key)
    manifest = {"format": MANIFEST_FORMAT, "run_key": key, **config,
                "schema_version": SCHEMA_VERSION, "complete": False,
                "parts": manifest.get("parts", {})}
    write_manifest(out, manifest)
    return manifest


def _local_part(coder: Coder, out: Path, batch: list[Document], index: int,
                summary: RunSummary, manifest: dict[str, Any], resume: bool,
                folder: Path) -> None:
    """Code one batch into its part in `folder` (or keep the part a run wrote for the same
    articles), and record it in the manifest of `out` (written at once) and the summary."""
    name = part_name(index)
    entry = {**_entry(batch, index), "first": summary.documents}
    path = folder / name
    if resume and part_done(path, entry["docs_sha1"], manifest["run_key"]):
        done = manifest["parts"].get(name) or {}
        events = done.get("article_events", done.get("events"))
        if events is None:
            events = pq.read_metadata(path).num_rows
        summary.parts_skipped += 1
    else:
        frame = coder.code_documents(batch, merge="article")
        write_part(frame, path, {**coder.metadata, **entry, "run_key": manifest["run_key"]})
        events = len(frame)
        summary.parts_written += 1
    manifest["parts"][name] = {**entry, "events": events}
    write_manifest(out, manifest)
    summary.parts += 1
    summary.documents += len(batch)
    summary.events += events


def _articles_folder(out: Path, merge: str) -> Path:
    """Where a run writes the parts of its batches: the dataset's folder, or, when the run
    merges events across articles, its per-article subfolder (`dataset.ARTICLES`)."""
    if check_mode(merge) == "article":
        return out
    (out / ARTICLES).mkdir(exist_ok=True)
    return out / ARTICLES


def _merge_local(out: Path, summary: RunSummary, manifest: dict[str, Any]) -> None:
    """Merge a local run's per-article parts into its parts; the manifest and summary
    count the merged rows (and each part's `article_events`, what a rerun resumes from)."""
    counts = merge_articles(out, summary.parts)
    for name, count in counts.items():
        manifest["parts"][name].update(article_events=manifest["parts"][name]["events"],
                                       events=count)
    summary.events = sum(counts.values())


def merge_articles(out: Path, count: int) -> dict[str, int]:
    """Merge the per-article parts of `out` into its parts (`eventcoder.merge`): one row per
    event across all of them. Returns each part's row count, by name."""
    names = [part_name(index) for index in range(count)]
    counts = merge_parts([out / ARTICLES / n for n in names], [out / n for n in names])
    return dict(zip(names, counts))


# --- Dask -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class CoderSpec:
    """How to build a Coder on a worker: picklable, and the key of the per-process cache."""

    lexicons: tuple[str, ...] | None = None
    extra_lexicons: tuple[str, ...] = ()
    min_population: int | None = None  # None: the Coder's default
    regime_years: bool = True

    def build(self) -> Coder:
        from .coder import Coder

        if self.min_population is None:
            return Coder(self.lexicons, extra_lexicons=self.extra_lexicons,
                         regime_years=self.regime_years)
        return Coder(self.lexicons, extra_lexicons=self.extra_lexicons,
                     min_population=self.min_population, regime_years=self.regime_years)


_CODERS: dict[CoderSpec, Coder] = {}
_CODERS_LOCK = threading.Lock()


def worker_coder(spec: CoderSpec) -> Coder:
    """The Coder of this process for `spec`, built on first use and then reused by every
    task the process runs (building one compiles the lexicons: seconds)."""
    coder = _CODERS.get(spec)
    if coder is None:
        with _CODERS_LOCK:
            coder = _CODERS.get(spec)
            if coder is None:
                coder = _CODERS[spec] = spec.build()
    return coder


def _warm(spec: CoderSpec) -> tuple[str, str]:
    return worker_coder(spec).lexicon.digest, code_digest()


SUMMARY_META = pd.DataFrame({"part": pd.Series([], dtype=object),
                             "index": pd.Series([], dtype="int64"),
                             "documents": pd.Series([], dtype="int64"),
                             "events": pd.Series([], dtype="int64"),
                             "first_id": pd.Series([], dtype=object),
                             "last_id": pd.Series([], dtype=object),
                             "ids_sha1": pd.Series([], dtype=object),
                             "docs_sha1": pd.Series([], dtype=object),
                             "skipped": pd.Series([], dtype=bool)})


def _code_and_write(documents: list[Document], index: int, out_dir: str, spec: CoderSpec,
                    key: str, resume: bool) -> pd.DataFrame:
    """Code one partition's documents and write its part file; a one-row summary."""
    entry = _entry(documents, index)
    path = Path(out_dir) / part_name(index)
    if resume and part_done(path, entry["docs_sha1"], key):
        events, kept = pq.read_metadata(path).num_rows, True
    else:
        coder = worker_coder(spec)
        frame = coder.code_documents(documents, merge="article")  # validated by Pandera
        write_part(frame, path, {**coder.metadata, **entry, "run_key": key})
        events, kept = len(frame), False
    return pd.DataFrame({"part": [path.name], "index": [index], "documents": [entry["count"]],
                         "events": [events], "first_id": [entry["first_id"]],
                         "last_id": [entry["last_id"]], "ids_sha1": [entry["ids_sha1"]],
                         "docs_sha1": [entry["docs_sha1"]], "skipped": [kept]})


def _frame_partition(frame: pd.DataFrame, out_dir: str, spec: CoderSpec, key: str,
                     resume: bool, on_error: OnError, dayfirst: bool | None,
                     drops: dict[int, frozenset[str]], partition_info: dict | None = None
                     ) -> pd.DataFrame:
    index = partition_info["number"] if partition_info else 0
    drop = drops.get(index, frozenset())
    documents = [d for d in documents_from_frame(frame, on_error, dayfirst=dayfirst,
                                                 unique=False)
                 if d.origin not in drop] if len(frame) else []
    return _code_and_write(documents, index, out_dir, spec, key, resume)


def _piece_partition(piece: Piece, drop: frozenset[str], out_dir: str, spec: CoderSpec,
                     key: str, resume: bool, on_error: OnError, dayfirst: bool | None
                     ) -> pd.DataFrame:
    documents = [d for d in piece_documents(piece, on_error, dayfirst=dayfirst)
                 if d.origin not in drop]
    return _code_and_write(documents, piece.index, out_dir, spec, key, resume)


# --- Dask, first pass: read everything once, check ids across pieces ------------------------

Sighting = tuple[list[tuple[str, str]], list[Problem]]  # (id, origin) of each article, skips


def _piece_ids(piece: Piece, on_error: OnError, dayfirst: bool | None) -> Sighting:
    skipped = Skipped()
    docs = piece_documents(piece, on_error, dayfirst=dayfirst, skipped=skipped)
    return [(d.doc_id, d.origin or "") for d in docs], skipped.articles


def _frame_ids(frame: pd.DataFrame, on_error: OnError, dayfirst: bool | None) -> Sighting:
    skipped = Skipped()
    docs = documents_from_frame(frame, on_error, dayfirst=dayfirst, skipped=skipped,
                                unique=False) if len(frame) else iter(())
    return [(d.doc_id, d.origin or "") for d in docs], skipped.articles


def _first_pass(client: Any, data: Any, pieces: list[Piece] | None, on_error: OnError,
                dayfirst: bool | None, skipped: Skipped) -> dict[int, frozenset[str]]:
    """Read every article once on the workers: an input error (on_error="raise") stops the
    run here, before any part is written; skipped articles are warned here, where the user
    sees them. Returns, for each piece or partition, the origins of the articles whose id
    an earlier article already used (an error with on_error="raise")."""
    import dask

    if pieces is not None:
        tasks = [dask.delayed(_piece_ids)(p, on_error, dayfirst) for p in pieces]
    else:
        tasks = [dask.delayed(_frame_ids)(part, on_error, dayfirst)
                 for part in data.to_delayed()]
    sightings = client.gather(client.compute(tasks))
    first: dict[str, str] = {}
    drops: dict[int, set[str]] = {}
    for index, (seen, problems) in enumerate(sightings):
        for problem in problems:
            report_skip(problem, skipped)
        for doc_id, origin in seen:
            # A frame's rows are numbered within their partition.
            shown = origin if pieces is not None else f"partition {index} {origin}"
            if doc_id not in first:
                first[doc_id] = shown
                continue
            problem = repeated_id(doc_id, shown, first[doc_id])
            if on_error == "raise":
                raise InputError(problem)
            report_skip(problem, skipped)
            drops.setdefault(index, set()).add(origin)
    return {index: frozenset(origins) for index, origins in drops.items()}


# --- Dask, the run --------------------------------------------------------------------------

def _plan(data: Any, inputs: list[Any], batch_size: int, skipped: Skipped, dd: Any
          ) -> tuple[list[Piece] | None, dict[str, Any]]:
    """The pieces the workers read (None: the partitions of a frame) and the run's source
    as the manifest records it."""
    if isinstance(data, dd.DataFrame):
        return None, {"npartitions": data.npartitions}
    pieces = plan_pieces(inputs, batch_size, skipped.files) or [Piece(0, ())]
    return pieces, {"inputs": input_identity(inputs), "batch_size": batch_size}


def code_dask(data: Any, out_dir: str | Path, workers: int | None = None, *,
              client: Any = None, batch_size: int = DEFAULT_BATCH_SIZE,
              lexicons: Iterable[str | Path] | None = None,
              extra_lexicons: Iterable[str | Path] = (), min_population: int | None = None,
              on_error: OnError = "raise", resume: bool = True,
              dayfirst: bool | None = None, merge: MergeMode = "event",
              regime_years: bool = True) -> RunSummary:
    """Code articles on Dask into a partitioned Parquet dataset in `out_dir`.

    `data` is a Dask DataFrame of articles (columns id or doc_id, text, optional published,
    source, url) — one part file per partition — or .txt/.jsonl paths and folders, read on
    the workers in pieces of `batch_size` articles. Each worker builds its Coder once (from
    `lexicons`, `extra_lexicons`, `min_population`, `regime_years`) and validates every
    partition with the same Pandera model as a single process (`min_population` None: the
    Coder's default).
    With `client` None, a LocalCluster of `workers` processes (default: one per core) is
    started and closed. `out_dir` must be visible to every worker. Every article is read
    once before any is coded, and an id used twice anywhere in the input is an input error
    (or, with ``on_error="skip"``, the later article is skipped). Resume works as in
    `code_to_dataset`: parts already written for the same articles and settings are kept,
    the rest are (re)written; partial files never remain. `merge` as in `code_to_dataset`:
    the partitions' rows are merged across partitions once all are written, in this
    process (`merge_articles`).
    """
    dd = require("dask.dataframe")
    started = time.perf_counter()
    inputs = [] if isinstance(data, dd.DataFrame) else \
        [data] if isinstance(data, (str, Path)) else list(data)
    out = check_output_folder(Path(out_dir).resolve(), inputs)
    spec = CoderSpec(tuple(str(p) for p in lexicons) if lexicons is not None else None,
                     tuple(str(p) for p in extra_lexicons), min_population, regime_years)
    skipped = Skipped()
    pieces, source = _plan(data, inputs, batch_size, skipped, dd)
    timings: dict[str, float] = {}
    with _cluster(client, workers, timings) as running:
        config = {**_dask_config(running, spec, source, min_population, timings),
                  "merge": check_mode(merge), "regime_years": regime_years}
        key = run_key(config)
        t = time.perf_counter()
        drops = _first_pass(running, data, pieces, on_error, dayfirst, skipped)
        timings["read"] = time.perf_counter() - t
        _start(out, resume, key, config)
        t = time.perf_counter()
        args = (str(_articles_folder(out, merge)), spec, key, resume, on_error, dayfirst)
        if pieces is not None:
            results = dd.from_map(_piece_partition, pieces,
                                  [drops.get(p.index, frozenset()) for p in pieces],
                                  args=list(args), meta=SUMMARY_META, label="eventcoder-code",
                                  enforce_metadata=False)
        else:
            results = data.map_partitions(_frame_partition, *args, drops, meta=SUMMARY_META,
                                          enforce_metadata=False)
        parts = running.compute(results).result()
        timings["code"] = time.perf_counter() - t
    parts = parts.sort_values("index")
    if merge == "event":
        parts = _merge_dask(out, parts, timings)
    summary = _finish(out, parts, key, config, skipped, timings)
    summary.seconds = time.perf_counter() - started
    return summary


def _merge_dask(out: Path, parts: pd.DataFrame, timings: dict[str, float]) -> pd.DataFrame:
    """Merge the partitions' per-article parts into the dataset's parts, in this process;
    the parts' summary with the merged counts (and the per-article ones)."""
    t = time.perf_counter()
    counts = merge_articles(out, len(parts))
    timings["merge"] = time.perf_counter() - t
    return parts.assign(article_events=parts["events"],
                        events=[counts[name] for name in parts["part"]])


@contextlib.contextmanager
def _cluster(client: Any, workers: int | None, timings: dict[str, float]) -> Iterator[Any]:
    """`client`, or, when it is None, the client of a LocalCluster of `workers` processes
    started here and closed after the block."""
    if client is not None:
        yield client
        return
    distributed = require("distributed")
    t = time.perf_counter()
    cluster = distributed.LocalCluster(n_workers=workers or os.cpu_count() or 1,
                                       threads_per_worker=1, processes=True,
                                       dashboard_address=":0")
    own = distributed.Client(cluster)
    timings["cluster_start"] = time.perf_counter() - t
    try:
        yield own
    finally:
        own.close()
        cluster.close()


def _dask_config(client: Any, spec: CoderSpec, source: dict[str, Any],
                 min_population: int | None, timings: dict[str, float]) -> dict[str, Any]:
    """Build a Coder on every worker at once, check they all run this code and one lexicon,
    and return the run's configuration (what its key is made of)."""
    from . import __version__

    t = time.perf_counter()
    built = set(client.run(_warm, spec).values())
    timings["coder_build"] = time.perf_counter() - t
    lexicons_seen = {lexicon for lexicon, _ in built}
    code_seen = {code for _, code in built}
    if len(lexicons_seen) != 1:
        raise DatasetError("the workers loaded different lexicons "
                           f"({', '.join(sorted(lexicons_seen))})")
    if code_seen != {code_digest()}:
        raise DatasetError("the workers run a different eventcoder than this process "
                           "(install the same version everywhere)")
    return {"engine": "dask", **source, "eventcoder_version": __version__,
            "code_hash": code_digest(), "min_population": min_population,
            "lexicon_hash": lexicons_seen.pop()}


def _finish(out: Path, parts: pd.DataFrame, key: str, config: dict[str, Any],
            skipped: Skipped, timings: dict[str, float]) -> RunSummary:
    """Remove parts of an earlier, longer run, write the complete manifest, and sum up."""
    count = len(parts)
    stale_parts(out, count)
    entries = {row["part"]: {"index": int(row["index"]), "count": int(row["documents"]),
                             "first_id": row["first_id"], "last_id": row["last_id"],
                             "ids_sha1": row["ids_sha1"], "docs_sha1": row["docs_sha1"],
                             "events": int(row["events"]),
                             **({"article_events": int(row["article_events"])}
                                if "article_events" in row else {})}
               for row in parts.to_dict("records")}
    summary = RunSummary(out, parts=count, parts_written=int((~parts["skipped"]).sum()),
                         parts_skipped=int(parts["skipped"].sum()),
                         documents=int(parts["documents"].sum()),
                         events=int(parts["events"].sum()), skipped=len(skipped.articles),
                         files_skipped=len(skipped.files), timings=timings)
    write_manifest(out, {"format": MANIFEST_FORMAT, "run_key": key, **config,
                         "schema_version": SCHEMA_VERSION, "complete": True,
                         "documents": summary.documents, "events": summary.events,
                         **skipped.counts(), "parts": entries})
    return summary


def articles_frame(inputs: Iterable[str | Path], batch_size: int = DEFAULT_BATCH_SIZE,
                   on_error: OnError = "raise", *, dayfirst: bool | None = None) -> Any:
    """A Dask DataFrame of articles (id, text, published, source, url) from .txt/.jsonl
    files, one partition per piece of about `batch_size` articles."""
    return _articles_frame(inputs, batch_size, on_error, dayfirst=dayfirst)


__all__ = ["DEFAULT_BATCH_SIZE", "CoderSpec", "Piece", "RunSummary", "articles_frame",
           "batches", "code_dask", "code_digest", "code_to_dataset", "events_table",
           "part_metadata", "plan_pieces", "read_manifest", "read_piece", "worker_coder",
           "write_part"]
