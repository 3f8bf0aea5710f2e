"""Cutting inputs into pieces of about a batch of articles each, for the Dask engine: runs
of ``.txt`` files, and ``.jsonl`` files cut at line boundaries. A piece is read on a worker
with the same reader, and the same file and line in every error, as a whole file."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .documents import (Document, InputFile, OnError, Skipped, input_files, jsonl_documents,
                        line_break, read_files, unique_ids)
from .errors import Problem
from .model.pickling import pickled_by_fields

ARTICLE_COLUMNS = ["id", "text", "published", "source", "url"]


def require(module: str) -> Any:
    """A module of the dask extra, or an ImportError saying how to install it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("eventcoder on Dask needs the dask extra: "
                          "pip install 'eventcoder[dask]'") from exc


@dataclass(frozen=True)
class Piece:
    """A slice of the input: whole .txt files (`paths`, their article ids `names`), or a
    range of lines of one .jsonl file."""

    index: int
    paths: tuple[str, ...]
    start: int = 0          # byte offset (jsonl)
    stop: int = -1          # byte offset, exclusive (jsonl); -1 for whole files
    first_line: int = 1     # line number of the byte at `start`
    names: tuple[str, ...] = ()   # the ids of the .txt files (`eventcoder.inputs`)
    newline: bytes = b"\n"  # the .jsonl file's line break


def plan_pieces(inputs: Iterable[str | Path | InputFile], batch_size: int,
                passed: list[Problem] | None = None) -> list[Piece]:
    """Split inputs into pieces of about `batch_size` articles: runs of .txt files, and
    .jsonl files cut at line boundaries every `batch_size` lines (one streaming scan).
    Files of folders that are not read are warned and added to `passed`."""
    pieces: list[Piece] = []
    txt: list[InputFile] = []

    def flush_txt() -> None:
        while txt:
            run = txt[:batch_size]
            pieces.append(Piece(len(pieces), tuple(str(f.path) for f in run),
                                names=tuple(f.name for f in run)))
            del txt[:batch_size]

    for file in input_files(inputs, passed):
        if file.kind != "jsonl":
            txt.append(file)
            if len(txt) >= batch_size:
                flush_txt()
            continue
        newline = line_break(file.path)
        for start, stop, first_line in jsonl_ranges(file.path, batch_size, newline):
            pieces.append(Piece(len(pieces), (str(file.path),), start, stop, first_line,
                                newline=newline))
    flush_txt()
    return pieces


def jsonl_ranges(path: Path, lines_per_piece: int, newline: bytes = b"\n",
                 block: int = 1 << 24) -> Iterator[tuple[int, int, int]]:
    """(start, stop, first line) byte ranges of `lines_per_piece` lines each."""
    start, offset, line, count = 0, 0, 1, 0
    first_line = 1
    with path.open("rb") as handle:
        while chunk := handle.read(block):
            position = 0
            while True:
                found = chunk.find(newline, position)
                if found < 0:
                    break
                count += 1
                line += 1
                position = found + 1
                if count == lines_per_piece:
                    stop = offset + position
                    yield start, stop, first_line
                    start, first_line, count = stop, line, 0
            offset += len(chunk)
    if offset > start:
        yield start, offset, first_line


def piece_documents(piece: Piece, on_error: OnError = "raise", *,
                    dayfirst: bool | None = None, skipped: Skipped | None = None
                    ) -> Iterator[Document]:
    """The documents of a piece, ids not yet checked against each other."""
    if piece.stop < 0:
        names = piece.names or tuple(Path(p).stem for p in piece.paths)
        files = [InputFile(Path(p), n) for p, n in zip(piece.paths, names)]
        yield from read_files(files, on_error, dayfirst=dayfirst, skipped=skipped,
                              unique=False)
        return
    path = Path(piece.paths[0])
    with path.open("rb") as handle:
        handle.seek(piece.start)
        data = handle.read(piece.stop - piece.start)
    yield from jsonl_documents(path, data.split(piece.newline), piece.first_line, on_error,
                               dayfirst=dayfirst, skipped=skipped)


def read_piece(piece: Piece, on_error: OnError = "raise", *, dayfirst: bool | None = None,
               skipped: Skipped | None = None) -> list[Document]:
    """The documents of a piece, with file and line in every error, as `read_paths` gives,
    each id once within the piece (`eventcoder.scale.code_dask` checks across pieces)."""
    return list(unique_ids(piece_documents(piece, on_error, dayfirst=dayfirst,
                                           skipped=skipped), on_error, skipped=skipped))


def articles_frame(inputs: Iterable[str | Path], batch_size: int,
                   on_error: OnError = "raise", *, dayfirst: bool | None = None) -> Any:
    """A Dask DataFrame of articles (id, text, published, source, url) from .txt/.jsonl
    files, one partition per piece of about `batch_size` articles."""
    dd = require("dask.dataframe")
    pieces = plan_pieces(inputs, batch_size)
    meta = pd.DataFrame({c: pd.Series([], dtype=object) for c in ARTICLE_COLUMNS})
    return dd.from_map(_piece_articles, pieces, on_error=on_error, dayfirst=dayfirst,
                       meta=meta, label="eventcoder-articles", enforce_metadata=False)


def _piece_articles(piece: Piece, on_error: OnError = "raise",
                    dayfirst: bool | None = None) -> pd.DataFrame:
    docs = read_piece(piece, on_error, dayfirst=dayfirst)
    return pd.DataFrame({"id": [d.doc_id for d in docs], "text": [d.text for d in docs],
                         "published": [d.published.isoformat() if d.published else None
                                       for d in docs],
                         "source": [d.source for d in docs], "url": [d.url for d in docs]},
                        columns=ARTICLE_COLUMNS, dtype=object)


pickled_by_fields(Piece)  # when compiled: see model/pickling.py
