"""Coding at scale: stream articles to a partitioned Parquet dataset, resumably, in one
process or on Dask.

A dataset is a folder of part files, ``part-00000.parquet``, ``part-00001.parquet``, ...,
each the validated events of one batch (local) or one partition (Dask) of articles, and a
manifest, ``_manifest.json``. Every file is written to a hidden temporary name and renamed
into place, so a part file that exists is complete. Each part records in its metadata a
fingerprint of the document ids it covers; a rerun over the same inputs skips the parts
that are done and rewrites the rest under the same names, so an interrupted run resumes
without duplicates or missing articles. Readers ignore the manifest and temporary files
(pyarrow skips names starting with ``_`` and ``.``):

>>> from eventcoder.scale import code_to_dataset
>>> summary = code_to_dataset(["news/"], "events/")        # one process, batches of articles
>>> events = eventcoder.read_events("events/")             # validates the whole dataset

On Dask (``pip install eventcoder[dask]``):

>>> from eventcoder.scale import code_dask
>>> summary = code_dask(["news/"], "events/", workers=2)   # a LocalCluster of 2 processes
>>> summary = code_dask(articles_ddf, "events/", client=client)   # your cluster, your frame

Memory stays flat in corpus size: a run holds one batch of articles and its events at a
time (per worker on Dask), plus the coder.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .dataset import METADATA_KEY, arrow_table, atomic_write, write_table
from .documents import (Document, OnError, documents_from_frame, expand_paths,
                        jsonl_documents, read_paths, unique_ids)
from .errors import DatasetError
from .schemas import SCHEMA_VERSION

if TYPE_CHECKING:  # pragma: no cover
    from .coder import Coder

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 5000          # articles per part file (Pandera costs ~0.1 s a call)
MANIFEST = "_manifest.json"
MANIFEST_FORMAT = 1
PART_PREFIX = "part-"
PART_SUFFIX = ".parquet"
ARTICLE_COLUMNS = ["id", "text", "published", "source", "url"]


def part_name(index: int) -> str:
    return f"{PART_PREFIX}{index:05d}{PART_SUFFIX}"


def _is_part(path: Path) -> bool:
    name = path.name
    return name.startswith(PART_PREFIX) and name.endswith(PART_SUFFIX) and \
        name[len(PART_PREFIX):-len(PART_SUFFIX)].isdigit()


# --- summaries ------------------------------------------------------------------------------

@dataclass
class RunSummary:
    """What a run did. `documents` and `events` count the whole dataset, skipped parts too."""

    out_dir: Path
    parts: int = 0
    parts_written: int = 0
    parts_skipped: int = 0
    documents: int = 0
    events: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)

    def __str__(self) -> str:
        return (f"{self.events} events from {self.documents} articles in {self.parts} parts "
                f"({self.parts_written} written, {self.parts_skipped} already done) "
                f"in {self.out_dir}")


# --- writing parts --------------------------------------------------------------------------

def _fingerprint(doc_ids: Iterable[str]) -> str:
    digest = hashlib.sha1()
    for doc_id in doc_ids:
        digest.update(doc_id.encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()


def events_table(frame: pd.DataFrame, metadata: dict[str, Any]) -> pa.Table:
    """A part's Arrow table (its schema does not depend on the data: see arrow_table)."""
    return arrow_table(frame, metadata)


def write_part(frame: pd.DataFrame, path: str | Path, metadata: dict[str, Any]) -> Path:
    """Write one validated event frame to `path` atomically (temporary file, then rename)."""
    return write_table(events_table(frame, metadata), path)


def part_metadata(path: str | Path) -> dict[str, Any]:
    """The eventcoder metadata of a part file, or {} when it is missing or unreadable."""
    try:
        raw = (pq.read_schema(path).metadata or {}).get(METADATA_KEY)
    except (OSError, pa.ArrowInvalid):
        return {}
    try:
        return json.loads(raw) if raw else {}
    except ValueError:
        return {}


def _part_done(path: Path, fingerprint: str, run_key: str) -> bool:
    """A part counts as done when its file exists (files only ever appear complete) and was
    written for the same documents by the same run configuration."""
    if not path.exists():
        return False
    meta = part_metadata(path)
    return meta.get("ids_sha1") == fingerprint and meta.get("run_key") == run_key


# --- the output folder and its manifest -----------------------------------------------------

def _prepare_folder(out_dir: Path, resume: bool) -> None:
    """Create the folder, delete temporary files a killed run left, and, without resume,
    delete the parts and manifest of an earlier run. Refuses a folder holding other
    Parquet files, which readers of the dataset would mix in."""
    if out_dir.exists() and not out_dir.is_dir():
        raise DatasetError(f"{out_dir}: exists and is not a folder")
    out_dir.mkdir(parents=True, exist_ok=True)
    foreign = [p.name for p in out_dir.iterdir()
               if p.suffix == PART_SUFFIX and not _is_part(p) and not p.name.startswith((".", "_"))]
    if foreign:
        raise DatasetError(f"{out_dir}: holds Parquet files that are not parts of an eventcoder "
                           f"dataset ({', '.join(sorted(foreign)[:3])}); use an empty folder")
    for path in out_dir.iterdir():
        if path.name.startswith(".") and path.name.endswith(".tmp"):
            path.unlink(missing_ok=True)  # a partially written file is never kept
        elif not resume and (_is_part(path) or path.name == MANIFEST):
            path.unlink()


def read_manifest(out_dir: str | Path) -> dict[str, Any]:
    path = Path(out_dir) / MANIFEST
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        log.warning("%s: unreadable manifest, ignored (parts are checked one by one)", path)
        return {}


def _write_manifest(out_dir: Path, manifest: dict[str, Any]) -> None:
    data = json.dumps(manifest, indent=1, sort_keys=True, default=str).encode("utf-8")
    atomic_write(out_dir / MANIFEST, lambda temp: Path(temp).write_bytes(data))


def _input_stats(paths: Sequence[Path]) -> list[dict[str, Any]]:
    out = []
    for path in paths:
        stat = path.stat()
        out.append({"path": str(path.resolve()), "size": stat.st_size,
                    "mtime_ns": stat.st_mtime_ns})
    return out


def code_digest() -> str:
    """A hash of eventcoder's own source files: a resumed run, and every Dask worker, must
    run the same code (the version number alone does not change with every edit)."""
    digest = hashlib.sha1()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _run_key(config: dict[str, Any]) -> str:
    return hashlib.sha1(json.dumps(config, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _check_manifest(out_dir: Path, manifest: dict[str, Any], run_key: str) -> None:
    if manifest and manifest.get("run_key") != run_key:
        raise DatasetError(
            f"{out_dir}: holds a run over other inputs or settings (inputs, batch size, "
            "lexicon or eventcoder version differ); resume it with the same ones, or start "
            "afresh with resume=False (--no-resume), or use another folder")


def _stale_parts(out_dir: Path, count: int) -> None:
    """Parts numbered past the end belong to no input of this run: remove them."""
    for path in out_dir.iterdir():
        if _is_part(path) and int(path.name[len(PART_PREFIX):-len(PART_SUFFIX)]) >= count:
            path.unlink()


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
                    progress: Callable[[int], None] | None = None) -> RunSummary:
    """Code .txt/.jsonl files or folders into a partitioned Parquet dataset in `out_dir`.

    Articles are read as a stream and coded `batch_size` at a time; each batch's validated
    events become one part file, written atomically, and the manifest records the parts done
    and the articles (positions and ids) each covers. With `resume` (the default) a rerun
    over the same inputs keeps the parts already written and codes only the rest; a run over
    different inputs, batch size or lexicon into the same folder is refused. With
    ``resume=False`` the folder's earlier parts are deleted first.
    `progress` is called with the number of articles of each batch done (or skipped).
    """
    from . import __version__
    from .coder import Coder

    started = time.perf_counter()
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    inputs = list(inputs)
    coder = coder or Coder()
    out = Path(out_dir)
    paths = expand_paths(inputs)
    config = {"engine": "local", "inputs": _input_stats(paths), "batch_size": batch_size,
              "on_error": on_error, "eventcoder_version": __version__,
              "code_hash": code_digest(), "lexicon_hash": coder.lexicon.digest}
    run_key = _run_key(config)
    _prepare_folder(out, resume)
    manifest = read_manifest(out) if resume else {}
    _check_manifest(out, manifest, run_key)
    manifest = {"format": MANIFEST_FORMAT, "run_key": run_key, **config,
                "schema_version": SCHEMA_VERSION, "complete": False,
                "parts": manifest.get("parts", {})}
    _write_manifest(out, manifest)
    summary = RunSummary(out)
    position = 0
    for index, batch in enumerate(batches(read_paths(paths, on_error), batch_size)):
        name = part_name(index)
        ids = [d.doc_id for d in batch]
        fingerprint = _fingerprint(ids)
        entry = {"index": index, "first": position, "count": len(batch), "first_id": ids[0],
                 "last_id": ids[-1], "ids_sha1": fingerprint}
        path = out / name
        if resume and _part_done(path, fingerprint, run_key):
            done = manifest["parts"].get(name) or {}
            events = done.get("events")
            if events is None:
                events = pq.read_metadata(path).num_rows
            summary.parts_skipped += 1
        else:
            frame = coder.code_documents(batch)
            write_part(frame, path, {**coder.metadata, **entry, "run_key": run_key})
            events = len(frame)
            summary.parts_written += 1
        manifest["parts"][name] = {**entry, "events": events}
        _write_manifest(out, manifest)
        summary.parts += 1
        summary.documents += len(batch)
        summary.events += events
        position += len(batch)
        if progress is not None:
            progress(len(batch))
    if summary.parts == 0:
        # No articles at all: one empty part keeps the dataset readable, with its schema.
        frame = coder.table([])
        write_part(frame, out / part_name(0), {**coder.metadata, "index": 0, "first": 0,
                                               "count": 0, "ids_sha1": _fingerprint([]),
                                               "run_key": run_key})
        manifest["parts"][part_name(0)] = {"index": 0, "first": 0, "count": 0, "events": 0,
                                           "ids_sha1": _fingerprint([])}
        summary.parts = summary.parts_written = 1
    _stale_parts(out, summary.parts)
    manifest["parts"] = {k: v for k, v in manifest["parts"].items()
                         if v["index"] < summary.parts}
    manifest.update(complete=True, documents=summary.documents, events=summary.events)
    _write_manifest(out, manifest)
    summary.seconds = time.perf_counter() - started
    return summary


# --- Dask -----------------------------------------------------------------------------------

def _require(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("eventcoder on Dask needs the dask extra: "
                          "pip install 'eventcoder[dask]'") from exc


def _require_dask() -> Any:
    return _require("dask.dataframe")


def _require_distributed() -> Any:
    return _require("distributed")


@dataclass(frozen=True)
class CoderSpec:
    """How to build a Coder on a worker: picklable, and the key of the per-process cache."""

    lexicons: tuple[str, ...] | None = None
    extra_lexicons: tuple[str, ...] = ()
    min_population: int | None = None  # None: the Coder's default

    def build(self) -> Coder:
        from .coder import Coder

        options = {} if self.min_population is None else {"min_population": self.min_population}
        return Coder(self.lexicons, extra_lexicons=self.extra_lexicons, **options)


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
                             "skipped": pd.Series([], dtype=bool)})


def _code_and_write(documents: list[Document], index: int, out_dir: str, spec: CoderSpec,
                    run_key: str, resume: bool) -> pd.DataFrame:
    """Code one partition's documents and write its part file; a one-row summary."""
    ids = [d.doc_id for d in documents]
    fingerprint = _fingerprint(ids)
    path = Path(out_dir) / part_name(index)
    entry = {"index": index, "count": len(ids), "first_id": ids[0] if ids else None,
             "last_id": ids[-1] if ids else None, "ids_sha1": fingerprint}
    if resume and _part_done(path, fingerprint, run_key):
        events, skipped = pq.read_metadata(path).num_rows, True
    else:
        coder = worker_coder(spec)
        frame = coder.code_documents(documents)  # validated with the Pandera model
        write_part(frame, path, {**coder.metadata, **entry, "run_key": run_key})
        events, skipped = len(frame), False
    return pd.DataFrame({"part": [path.name], "index": [index], "documents": [len(ids)],
                         "events": [events], "first_id": [entry["first_id"]],
                         "last_id": [entry["last_id"]], "ids_sha1": [fingerprint],
                         "skipped": [skipped]})


def _frame_partition(frame: pd.DataFrame, out_dir: str, spec: CoderSpec, run_key: str,
                     resume: bool, on_error: OnError, partition_info: dict | None = None
                     ) -> pd.DataFrame:
    index = partition_info["number"] if partition_info else 0
    documents = list(documents_from_frame(frame, on_error)) if len(frame) else []
    return _code_and_write(documents, index, out_dir, spec, run_key, resume)


@dataclass(frozen=True)
class Piece:
    """A slice of one input file: whole .txt files, or a range of lines of a .jsonl file."""

    index: int
    paths: tuple[str, ...]
    start: int = 0          # byte offset (jsonl)
    stop: int = -1          # byte offset, exclusive (jsonl); -1 for whole files
    first_line: int = 1     # line number of the byte at `start`


def plan_pieces(inputs: Iterable[str | Path], batch_size: int) -> list[Piece]:
    """Split inputs into pieces of about `batch_size` articles: runs of .txt files, and
    .jsonl files cut at line boundaries every `batch_size` lines (one streaming scan)."""
    pieces: list[Piece] = []
    txt: list[str] = []

    def flush_txt() -> None:
        while txt:
            pieces.append(Piece(len(pieces), tuple(txt[:batch_size])))
            del txt[:batch_size]

    for path in expand_paths(inputs):
        if path.suffix != ".jsonl":
            txt.append(str(path))
            if len(txt) >= batch_size:
                flush_txt()
            continue
        for start, stop, first_line in _jsonl_ranges(path, batch_size):
            pieces.append(Piece(len(pieces), (str(path),), start, stop, first_line))
    flush_txt()
    return pieces


def _jsonl_ranges(path: Path, lines_per_piece: int, block: int = 1 << 24
                  ) -> Iterator[tuple[int, int, int]]:
    """(start, stop, first line) byte ranges of `lines_per_piece` lines each."""
    start, offset, line, count = 0, 0, 1, 0
    first_line = 1
    with path.open("rb") as handle:
        while chunk := handle.read(block):
            position = 0
            while True:
                newline = chunk.find(b"\n", position)
                if newline < 0:
                    break
                count += 1
                line += 1
                position = newline + 1
                if count == lines_per_piece:
                    stop = offset + position
                    yield start, stop, first_line
                    start, first_line, count = stop, line, 0
            offset += len(chunk)
    if offset > start:
        yield start, offset, first_line


def read_piece(piece: Piece, on_error: OnError = "raise") -> list[Document]:
    """The documents of a piece, with file and line in every error, as `read_paths` gives."""
    if piece.stop < 0:
        return list(read_paths(piece.paths, on_error))
    path = Path(piece.paths[0])
    with path.open("rb") as handle:
        handle.seek(piece.start)
        data = handle.read(piece.stop - piece.start)
    # Ids are checked within the piece; across pieces, the workers share nothing to check.
    return list(unique_ids(jsonl_documents(path, data.split(b"\n"), piece.first_line, on_error),
                           on_error))


def _piece_partition(piece: Piece, out_dir: str, spec: CoderSpec, run_key: str, resume: bool,
                     on_error: OnError) -> pd.DataFrame:
    return _code_and_write(read_piece(piece, on_error), piece.index, out_dir, spec, run_key,
                           resume)


def articles_frame(inputs: Iterable[str | Path], batch_size: int = DEFAULT_BATCH_SIZE,
                   on_error: OnError = "raise") -> Any:
    """A Dask DataFrame of articles (id, text, published, source, url) from .txt/.jsonl
    files, one partition per piece of about `batch_size` articles."""
    dd = _require_dask()
    pieces = plan_pieces(inputs, batch_size)
    meta = pd.DataFrame({c: pd.Series([], dtype=object) for c in ARTICLE_COLUMNS})
    return dd.from_map(_piece_articles, pieces, on_error=on_error, meta=meta,
                       label="eventcoder-articles", enforce_metadata=False)


def _piece_articles(piece: Piece, on_error: OnError = "raise") -> pd.DataFrame:
    docs = read_piece(piece, on_error)
    return pd.DataFrame({"id": [d.doc_id for d in docs], "text": [d.text for d in docs],
                         "published": [d.published.isoformat() if d.published else None
                                       for d in docs],
                         "source": [d.source for d in docs], "url": [d.url for d in docs]},
                        columns=ARTICLE_COLUMNS, dtype=object)


def code_dask(data: Any, out_dir: str | Path, workers: int | None = None, *,
              client: Any = None, batch_size: int = DEFAULT_BATCH_SIZE,
              lexicons: Iterable[str | Path] | None = None,
              extra_lexicons: Iterable[str | Path] = (), min_population: int | None = None,
              on_error: OnError = "raise", resume: bool = True) -> RunSummary:
    """Code articles on Dask into a partitioned Parquet dataset in `out_dir`.

    `data` is a Dask DataFrame of articles (columns id or doc_id, text, optional published,
    source, url) — one part file per partition — or .txt/.jsonl paths and folders, read on
    the workers in pieces of `batch_size` articles. Each worker builds its Coder once (from
    `lexicons`, `extra_lexicons`, `min_population`) and validates every partition with the
    same Pandera model as a single process (`min_population` None: the Coder's default).
    With `client` None, a LocalCluster of `workers`
    processes (default: one per core) is started and closed. `out_dir` must be visible to
    every worker. Resume works as in `code_to_dataset`: parts already written for the same
    articles and settings are kept, the rest are (re)written; partial files never remain.
    """
    from . import __version__

    dd = _require_dask()
    started = time.perf_counter()
    out = Path(out_dir).resolve()
    spec = CoderSpec(tuple(str(p) for p in lexicons) if lexicons is not None else None,
                     tuple(str(p) for p in extra_lexicons), min_population)
    from_paths = not isinstance(data, dd.DataFrame)
    if from_paths:
        inputs = [data] if isinstance(data, (str, Path)) else list(data)
        source: dict[str, Any] = {"inputs": _input_stats(expand_paths(inputs)),
                                  "batch_size": batch_size}
    else:
        source = {"npartitions": data.npartitions}
    timings: dict[str, float] = {}
    own_cluster = None
    if client is None:
        distributed = _require_distributed()
        t = time.perf_counter()
        own_cluster = distributed.LocalCluster(
            n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
            dashboard_address=":0")
        client = distributed.Client(own_cluster)
        timings["cluster_start"] = time.perf_counter() - t
    try:
        t = time.perf_counter()
        built = set(client.run(_warm, spec).values())  # one Coder per worker, built at once
        timings["coder_build"] = time.perf_counter() - t
        lexicons_seen = {lexicon for lexicon, _ in built}
        code_seen = {code for _, code in built}
        if len(lexicons_seen) != 1:
            raise DatasetError("the workers loaded different lexicons "
                               f"({', '.join(sorted(lexicons_seen))})")
        if code_seen != {code_digest()}:
            raise DatasetError("the workers run a different eventcoder than this process "
                               "(install the same version everywhere)")
        config = {"engine": "dask", **source, "on_error": on_error,
                  "eventcoder_version": __version__, "code_hash": code_digest(),
                  "min_population": min_population, "lexicon_hash": lexicons_seen.pop()}
        run_key = _run_key(config)
        _prepare_folder(out, resume)
        manifest = read_manifest(out) if resume else {}
        _check_manifest(out, manifest, run_key)
        _write_manifest(out, {"format": MANIFEST_FORMAT, "run_key": run_key, **config,
                              "schema_version": SCHEMA_VERSION, "complete": False,
                              "parts": manifest.get("parts", {})})
        t = time.perf_counter()
        args = (str(out), spec, run_key, resume, on_error)
        if from_paths:
            pieces = plan_pieces(inputs, batch_size)
            if not pieces:
                pieces = [Piece(0, ())]
            results = dd.from_map(_piece_partition, pieces, args=list(args), meta=SUMMARY_META,
                                  label="eventcoder-code", enforce_metadata=False)
        else:
            results = data.map_partitions(_frame_partition, *args, meta=SUMMARY_META,
                                          enforce_metadata=False)
        parts = client.compute(results).result()
        timings["code"] = time.perf_counter() - t
    finally:
        if own_cluster is not None:
            client.close()
            own_cluster.close()
    parts = parts.sort_values("index")
    count = len(parts)
    _stale_parts(out, count)
    entries = {row.part: {"index": int(row.index), "count": int(row.documents),
                          "first_id": row.first_id, "last_id": row.last_id,
                          "ids_sha1": row.ids_sha1, "events": int(row.events)}
               for row in parts.itertuples(index=False)}
    summary = RunSummary(out, parts=count, parts_written=int((~parts["skipped"]).sum()),
                         parts_skipped=int(parts["skipped"].sum()),
                         documents=int(parts["documents"].sum()),
                         events=int(parts["events"].sum()), timings=timings)
    _write_manifest(out, {"format": MANIFEST_FORMAT, "run_key": run_key, **config,
                          "schema_version": SCHEMA_VERSION, "complete": True,
                          "documents": summary.documents, "events": summary.events,
                          "parts": entries})
    summary.seconds = time.perf_counter() - started
    return summary


__all__ = ["DEFAULT_BATCH_SIZE", "CoderSpec", "RunSummary", "articles_frame", "batches",
           "code_dask", "code_digest", "code_to_dataset", "events_table", "part_metadata",
           "plan_pieces", "read_manifest", "read_piece", "worker_coder", "write_part"]
