"""Writing a dataset folder: the checks made before a run writes into it, fingerprints of
parts, the manifest, and the run's summary (the engines that fill it are in
`eventcoder.scale`; what a dataset folder may hold, and the checks of a reader, in
`eventcoder.dataset`).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .dataset import (ARTICLES, MANIFEST, MANIFEST_FORMAT, METADATA_KEY, PART_PREFIX, PART_SUFFIX,
                      foreign_entries, is_part, part_name, read_manifest)
from .documents import Document
from .errors import DatasetError, OutputError
from .files import atomic_write, remove_stale_temps, writable_folder

__all__ = ["MANIFEST", "MANIFEST_FORMAT", "PART_PREFIX", "PART_SUFFIX", "RunSummary",
           "check_manifest", "check_output_folder", "code_digest", "content_fingerprint",
           "fingerprint", "input_identity", "is_part", "part_done", "part_metadata",
           "part_name", "prepare_folder", "read_manifest", "run_key", "stale_parts",
           "write_manifest"]

log = logging.getLogger(__name__)

@dataclass
class RunSummary:
    """What a run did. `documents` and `events` count the whole dataset, skipped parts too;
    `skipped` counts the articles passed by (``on_error="skip"``) and `files_skipped` the
    files in folders not read, in this run, each also warned with an `InputWarning`."""

    out_dir: Path
    parts: int = 0
    parts_written: int = 0
    parts_skipped: int = 0
    documents: int = 0
    events: int = 0
    skipped: int = 0
    files_skipped: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)

    def __str__(self) -> str:
        passed = f", {self.skipped} articles skipped" if self.skipped else ""
        return (f"{self.events} events from {self.documents} articles in {self.parts} parts "
                f"({self.parts_written} written, {self.parts_skipped} already done{passed}) "
                f"in {self.out_dir}")


# --- fingerprints and metadata of parts -----------------------------------------------------

def fingerprint(doc_ids: Iterable[str]) -> str:
    """A hash of the ids of a part's articles."""
    digest = hashlib.sha1()
    for doc_id in doc_ids:
        digest.update(doc_id.encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()


def content_fingerprint(documents: Iterable[Document]) -> str:
    """A hash of what a part's articles are (id, text, publication date, source, url): a
    part is redone when any of its articles changed, and kept when none did, so a run that
    stopped at a bad line resumes once the line is fixed."""
    digest = hashlib.sha1()
    for doc in documents:
        published = doc.published.isoformat() if doc.published else None
        for value in (doc.doc_id, doc.text, published, doc.source, doc.url):
            digest.update(b"\x00" if value is None else value.encode("utf-8"))
            digest.update(b"\x1f")
        digest.update(b"\x1e")
    return digest.hexdigest()


def part_metadata(path: str | Path) -> dict[str, Any]:
    """The eventcoder metadata of a part file, or {} when it is missing or unreadable."""
    try:
        raw = (pq.read_schema(path).metadata or {}).get(METADATA_KEY)
    except (OSError, pa.ArrowException):
        return {}
    try:
        meta = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    return meta if isinstance(meta, dict) else {}


def part_done(path: Path, docs_sha1: str, run_key: str) -> bool:
    """A part counts as done when its file exists (files only ever appear complete) and was
    written for the same articles by the same run configuration."""
    if not path.exists():
        return False
    meta = part_metadata(path)
    return meta.get("docs_sha1") == docs_sha1 and meta.get("run_key") == run_key


# --- the output folder and its manifest -----------------------------------------------------

def check_output_folder(out_dir: str | Path, inputs: Iterable[str | Path] = ()) -> Path:
    """Check, before any coding, that a dataset may be written in `out_dir`: a folder (or
    a path where one can be made) holding nothing but a dataset, that is not an input."""
    if str(out_dir) == "":
        raise OutputError("the output path is empty")
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: exists and is not a folder")
    for item in inputs:
        if out.exists() and Path(item).exists() and out.samefile(item):
            raise OutputError(f"{out}: is an input of this run; write the events elsewhere")
    if out.is_dir():
        foreign = foreign_entries(out)
        if foreign:
            shown = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3} more"
                                              if len(foreign) > 3 else "")
            raise OutputError(f"{out}: holds files that are not parts of an eventcoder dataset "
                              f"({shown}); use an empty folder")
    why = writable_folder(out)
    if why:
        raise OutputError(f"{out}: {why}")
    return out


def prepare_folder(out_dir: Path, resume: bool) -> None:
    """Check the folder (`check_output_folder`), create it, delete the temporary files killed
    runs left (never a live writer's), and, without resume, delete the parts and manifest of
    an earlier run."""
    check_output_folder(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    articles = out_dir / ARTICLES  # the per-article parts of a merging run
    for folder in (out_dir, articles) if articles.is_dir() else (out_dir,):
        remove_stale_temps(folder)
        if not resume:
            for path in folder.iterdir():
                if is_part(path) or path.name == MANIFEST:
                    path.unlink()


def write_manifest(out_dir: Path, manifest: dict[str, Any]) -> None:
    data = json.dumps(manifest, indent=1, sort_keys=True, default=str).encode("utf-8")
    atomic_write(out_dir / MANIFEST, lambda temp: Path(temp).write_bytes(data))


def input_identity(inputs: Sequence[str | Path]) -> list[str]:
    """The inputs of a run as the run key holds them: their resolved paths. Not their sizes
    or times: a run that stopped at a bad line resumes once the line is fixed, each part
    being kept or redone by the fingerprint of its articles' content."""
    return [str(Path(p).resolve()) for p in inputs]


def code_digest() -> str:
    """A hash of eventcoder's own source files: a resumed run, and every Dask worker, must
    run the same code (the version number alone does not change with every edit)."""
    digest = hashlib.sha1()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def run_key(config: dict[str, Any]) -> str:
    return hashlib.sha1(json.dumps(config, sort_keys=True, default=str).encode()).hexdigest()[:16]


def check_manifest(out_dir: Path, manifest: dict[str, Any], key: str) -> None:
    if manifest and manifest.get("run_key") != key:
        raise DatasetError(
            f"{out_dir}: holds a run over other inputs or settings (inputs, batch size, "
            "lexicon or eventcoder version differ); resume it with the same ones, or start "
            "afresh with resume=False (--no-resume), or use another folder")


def stale_parts(out_dir: Path, count: int) -> None:
    """Parts numbered past the end belong to no input of this run: remove them (also the
    per-article parts of a merging run)."""
    articles = out_dir / ARTICLES
    for path in [*out_dir.iterdir(), *(articles.iterdir() if articles.is_dir() else ())]:
        if is_part(path) and int(path.name[len(PART_PREFIX):-len(PART_SUFFIX)]) >= count:
            path.unlink()


