"""Read articles: plain-text files, JSON Lines, pandas DataFrames, or Python strings.

Every reader yields `Document`s. Problems (empty text, undecodable bytes, malformed JSON, an
id already used, a date the table cannot hold) raise `InputError` naming the file and line,
or, with ``on_error="skip"``, are passed by: each with an `InputWarning` (and a log
warning), counted in the `Skipped` a caller passes, and the rest of the input is still read.

Ids: a ``.txt`` article's id comes from its path (see `eventcoder.inputs`); a JSON Lines
record's ``id`` (or ``doc_id``) and a DataFrame's id must be a string or an integer. An
integer is its decimal digits, so ``5`` and ``"5"`` are one id, and the second article to
use it is reported as a repeat. Any other value (``true``, ``5.0``, an object, a list) is an
input error, never turned into text. Publication dates follow `eventcoder.published`.

JSON Lines: lines end with LF or CRLF; a file whose first line ends with a lone CR is read
with CR line endings. A byte order mark is dropped at the start of any line (files joined
with ``cat`` keep theirs). A blank line (only spaces, tabs, CR, LF, VT or FF) is skipped; a
line of other characters that Python counts as spaces (U+001C-U+001F, NEL, U+2028, U+00A0)
is not JSON, and a bad line like any other. A file with no article in it is warned about.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import logging
import numbers
import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .errors import InputError, InputWarning, Problem
from .inputs import READABLE_SUFFIXES, InputFile, expand_paths, input_files
from .published import FIRST_STORABLE_DAY, LAST_STORABLE_DAY, parse_published, storable_day

log = logging.getLogger(__name__)

OnError = Literal["raise", "skip"]
__all__ = ["FIRST_STORABLE_DAY", "LAST_STORABLE_DAY", "READABLE_SUFFIXES", "Document",
           "InputFile", "OnError", "Skipped", "document_id", "documents_from_frame",
           "documents_from_texts", "expand_paths", "input_files",
           "jsonl_documents", "make_document", "parse_published", "read_files",
           "read_jsonl_file", "read_paths", "read_text_file", "repeated_id", "report_skip",
           "storable_day", "unique_ids"]


@dataclass(frozen=True, slots=True)
class Document:
    """One article. `header_spans` are character ranges of metadata lines (date, dateline)."""

    doc_id: str
    text: str
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = None
    header_spans: tuple[tuple[int, int], ...] = field(default=())


_SURROGATE = re.compile("[\ud800-\udfff]")


def _shown(value: Any) -> Any:
    """`value` fit for a message: a lone surrogate cannot be encoded, so it is escaped."""
    if isinstance(value, str) and _surrogate(value):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    return value


def _surrogate(value: str) -> re.Match[str] | None:
    """The first lone surrogate in `value`, if any. An ASCII string (a flag of the string)
    holds none; encoding to UTF-8 fails only on one, and tests a text five times faster than
    the search, which then runs only to find it."""
    if value.isascii():
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.search(value)
    return None


def _ascii_strings(*values: Any) -> bool:
    """Are the strings among `values` all ASCII, so that none holds a lone surrogate?"""
    for value in values:
        if isinstance(value, str) and not value.isascii():
            return False
    return True


def _check_encodable(fields: dict[str, Any], where: str, line: int | None) -> None:
    """JSON may escape a lone surrogate ("\\ud800"): such a string is not text, and would
    fail later (hashing the id, writing Parquet) with no file or line."""
    for name, value in fields.items():
        found = _surrogate(value) if isinstance(value, str) else None
        if found is not None:
            raise InputError(Problem(where, line, f"'{name}' holds a lone surrogate "
                                     f"(\\u{ord(found.group()):04x}), which is not text",
                                     entry=str(_shown(fields.get("id")))))


def document_id(value: Any) -> str:
    """An article id from a value: a string as it is, an integer (not a boolean) as its
    decimal digits. Raises `ValueError` for anything else, which `str()` would have turned
    into a surprise ("True", "5.0", "{'k': 'v'}")."""
    if isinstance(value, str):
        return value
    if isinstance(value, numbers.Integral) and not isinstance(value, bool) and \
            type(value).__name__ != "bool_":
        return str(int(value))
    kind = "a boolean" if isinstance(value, bool) else f"a {type(value).__name__}"
    hint = " (a column of integer ids with a gap is read as floats)" \
        if isinstance(value, float) else ""
    raise ValueError(f"the id must be a string or an integer, not {kind} "
                     f"({_shown(value)!r}){hint}")


def make_document(doc_id: Any, text: str, published: Any = None, source: str | None = None,
                  url: str | None = None, origin: str | None = None,
                  line: int | None = None, *, dayfirst: bool | None = None) -> Document:
    """Build a Document. (The Coder reads a date line in the text's first lines, which gives
    the publication date when metadata lacks it: see `eventcoder.headers`.)

    `origin` names where the article came from (a file) and `line` the line in it;
    `dayfirst` reads a numeric publication date such as 02/03/2026 (see
    `eventcoder.published`)."""
    _check_encodable({"id": doc_id, "text": text, "published": published, "source": source,
                      "url": url}, origin or str(_shown(doc_id)), line)
    return _document(doc_id, text, published, source, url, origin, line, dayfirst)


def _document(doc_id: Any, text: str, published: Any, source: str | None, url: str | None,
              origin: str | None, line: int | None, dayfirst: bool | None = None
              ) -> Document:
    """`make_document` once its strings are known to hold no lone surrogate."""
    place = origin or str(_shown(doc_id))
    if doc_id is None or (isinstance(doc_id, str) and doc_id.strip() == ""):
        raise InputError(Problem(place, line, "the article has no id"))
    try:
        doc_id = document_id(doc_id)
    except ValueError as exc:
        raise InputError(Problem(place, line, str(exc))) from None
    if not isinstance(text, str) or not text or text.isspace():  # no copy of the text
        raise InputError(Problem(place, line, "the article text is empty", entry=doc_id))
    for name, value in (("source", source), ("url", url)):
        if value is not None and not isinstance(value, str):
            raise InputError(Problem(place, line, f"'{name}' must be a string, not a "
                                     f"{type(value).__name__}", entry=doc_id))
    try:
        when = parse_published(published, dayfirst)
    except ValueError as exc:
        raise InputError(Problem(place, line, str(exc), entry=doc_id)) from None
    where = f"{origin}:{line}" if origin and line else origin
    return Document(doc_id, text, when, source or None, url or None, where)


# --- readers --------------------------------------------------------------------------------

@dataclass
class Skipped:
    """What a read passed by, each also warned (`InputWarning`) and logged: the problems of
    the articles skipped (``on_error="skip"``) and of the files in folders that gave no
    article (not read, or empty)."""

    articles: list[Problem] = field(default_factory=list)
    files: list[Problem] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """The counts a result records: ``{"skipped": articles, "files_skipped": files}``."""
        return {"skipped": len(self.articles), "files_skipped": len(self.files)}


def _fail(problem: Problem, on_error: OnError, skipped: Skipped | None = None) -> None:
    if on_error == "raise":
        raise InputError(problem)
    report_skip(problem, skipped)


def report_skip(problem: Problem, skipped: Skipped | None = None) -> None:
    """Pass an article by: warn (`InputWarning`), log, and count it in `skipped`."""
    warnings.warn(f"skipped: {problem}", InputWarning, stacklevel=3)
    log.warning("skipped: %s", problem)
    if skipped is not None:
        skipped.articles.append(problem)


def _warn_file(problem: Problem, skipped: Skipped | None) -> None:
    warnings.warn(str(problem), InputWarning, stacklevel=3)
    log.warning("%s", problem)
    if skipped is not None:
        skipped.files.append(problem)


def _utf8(data: bytes, bom: bool) -> str:
    """`data` decoded, a leading byte order mark dropped when `bom`. utf-8-sig would count
    an error's offset after the mark; here it is always an offset into `data`."""
    skip = len(codecs.BOM_UTF8) if bom and data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnicodeDecodeError(exc.encoding, data, exc.start + skip, exc.end + skip,
                                 exc.reason) from None


def _decode(path: Path, on_error: OnError, skipped: Skipped | None) -> str | None:
    data = path.read_bytes()
    try:
        return _utf8(data, bom=True)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        _fail(Problem(str(path), line, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at "
                      f"offset {exc.start})"), on_error, skipped)
        return None


def read_text_file(path: Path, on_error: OnError = "raise", *, name: str | None = None,
                   skipped: Skipped | None = None) -> Iterator[Document]:
    """One article per .txt file; its id is `name`, by default the file name without its
    suffix (a folder's reader passes the path relative to the folder: `eventcoder.inputs`)."""
    text = _decode(path, on_error, skipped)
    if text is None:
        return
    try:
        yield make_document(path.stem if name is None else name, text, origin=str(path))
    except InputError as exc:
        _fail(exc.problem, on_error, skipped)


def _record_id(record: dict[str, Any]) -> Any:
    return record["id"] if "id" in record else record.get("doc_id")


def _jsonl_record(path: Path, number: int, raw: str, dayfirst: bool | None) -> Document:
    where = str(path)
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as exc:
        hint = " (the line holds a carriage return: are its lines ended by CR alone? " \
            "Convert the file to LF line endings)" if "\r{" in raw.replace("\r\n", "\n") else ""
        raise InputError(Problem(where, number, f"malformed JSON: {exc.msg} "
                                 f"(column {exc.colno}){hint}")) from None
    if not isinstance(record, dict):
        raise InputError(Problem(where, number, "each line must be a JSON object"))
    doc_id = _record_id(record)
    if doc_id is None or (isinstance(doc_id, str) and doc_id.strip() == ""):
        raise InputError(Problem(where, number, "the object has no 'id'"))
    try:
        doc_id = document_id(doc_id)
    except ValueError as exc:
        raise InputError(Problem(where, number, f"'id': {exc}")) from None
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(Problem(where, number, "'text' is missing or not a string",
                                 entry=str(_shown(doc_id))))
    published, source, url = record.get("published"), record.get("source"), record.get("url")
    try:
        # The line was decoded from UTF-8, which holds no surrogate: only a "\u" escape
        # can make one, in a string that is then not ASCII. Whether a string is ASCII is a
        # flag of it, read at no cost: a record of ASCII strings needs no search of the
        # line for "\u".
        if not _ascii_strings(text, doc_id, published, source, url) and "\\u" in raw:
            _check_encodable({"id": doc_id, "text": text, "published": published,
                              "source": source, "url": url}, where, number)
        return _document(doc_id, text, published, source, url, where, number, dayfirst)
    except ValueError as exc:
        raise InputError(Problem(where, number, str(exc),
                                 entry=str(_shown(doc_id)))) from None


def read_jsonl_file(path: Path, on_error: OnError = "raise", *, dayfirst: bool | None = None,
                    skipped: Skipped | None = None) -> Iterator[Document]:
    """One article per line: {"id", "text", optional "published", "source", "url"}. The
    file is read as a stream, a line at a time; a file with no article is warned about."""
    newline = line_break(path)
    read = 0
    with path.open("rb") as handle:
        lines = handle if newline == b"\n" else split_stream(handle, newline)
        for document in jsonl_documents(path, lines, 1, on_error, dayfirst=dayfirst,
                                        skipped=skipped):
            read += 1
            yield document
    if read == 0 and _blank(path):  # a file of bad lines was reported line by line
        _warn_file(Problem(str(path), None, "holds no article (the file is empty)"), skipped)


def _blank(path: Path) -> bool:
    """Does the file hold only blanks (and byte order marks)?"""
    with path.open("rb") as handle:
        for raw in handle:
            if raw.replace(codecs.BOM_UTF8, b"").strip():
                return False
    return True


def line_break(path: Path, block: int = 1 << 16) -> bytes:
    """The line break of a JSON Lines file: b"\\r" when its first line ends with a lone CR
    (old Mac files), else b"\\n" (LF, or CRLF whose CR JSON reads as a blank)."""
    with path.open("rb") as handle:
        while chunk := handle.read(block):
            cr, lf = chunk.find(b"\r"), chunk.find(b"\n")
            if lf >= 0 and (cr < 0 or lf < cr):
                return b"\n"
            if cr >= 0:
                if cr + 1 < len(chunk):
                    return b"\n" if chunk[cr + 1:cr + 2] == b"\n" else b"\r"
                return b"\n" if handle.read(1) == b"\n" else b"\r"
    return b"\n"


def split_stream(handle: Any, separator: bytes, block: int = 1 << 20) -> Iterator[bytes]:
    """The lines of a binary stream cut at `separator` (kept, as file iteration keeps
    b"\\n"), read a block at a time."""
    rest = b""
    while chunk := handle.read(block):
        pieces = (rest + chunk).split(separator)
        rest = pieces.pop()
        for piece in pieces:
            yield piece + separator
    if rest:
        yield rest


def _blank_line(raw_line: bytes) -> bool:
    """Is this JSON Lines line blank: nothing but ASCII blanks (space, tab, CR, LF, VT, FF),
    after a byte order mark? Other characters that Python calls spaces (the separators
    U+001C-U+001F, NEL, U+2028, no-break spaces) are not JSON's: such a line is a bad line,
    as `_blank` and the progress bar's count read it. Tested without a copy of the line."""
    if raw_line.startswith(codecs.BOM_UTF8):
        raw_line = raw_line[len(codecs.BOM_UTF8):]
    return not raw_line or raw_line.isspace()


def jsonl_documents(path: Path, lines: Iterable[bytes], first_line: int = 1,
                    on_error: OnError = "raise", *, dayfirst: bool | None = None,
                    skipped: Skipped | None = None) -> Iterator[Document]:
    """Documents of raw JSON Lines `lines` of `path`, the first being line `first_line`:
    the per-line reader, shared by whole files and by the pieces the Dask engine reads."""
    for number, raw_line in enumerate(lines, start=first_line):
        if _blank_line(raw_line):
            continue
        try:
            raw = _utf8(raw_line, bom=True)  # a BOM on any line: files joined with cat
        except UnicodeDecodeError as exc:
            _fail(Problem(str(path), number,
                          f"not valid UTF-8 (byte 0x{raw_line[exc.start]:02x})"),
                  on_error, skipped)
            continue
        try:
            yield _jsonl_record(path, number, raw, dayfirst)
        except InputError as exc:
            _fail(exc.problem, on_error, skipped)


def unique_ids(documents: Iterable[Document], on_error: OnError = "raise", hint: str = "",
               skipped: Skipped | None = None) -> Iterator[Document]:
    """The documents, an id seen before being an error: two articles with one id would
    share event ids (unique in the table) and make `doc_id` ambiguous. Keeps each id and
    where it was first read, so the memory grows with the number of articles."""
    first: dict[str, str] = {}
    for i, doc in enumerate(documents):
        seen = first.get(doc.doc_id)
        if seen is None:
            first[doc.doc_id] = doc.origin or f"document[{i}]"
            yield doc
            continue
        _fail(repeated_id(doc.doc_id, doc.origin or f"document[{i}]", seen, hint), on_error,
              skipped)


def repeated_id(doc_id: str, origin: str, first: str, hint: str = "") -> Problem:
    """The problem of an article (read at `origin`) whose id the one at `first` used."""
    path, line = _located(origin)
    return Problem(path, line, f"the id is already used by {first}{hint}",
                   entry=str(_shown(doc_id)))


def _located(origin: str) -> tuple[str, int | None]:
    """(path, line) of a Document's origin ("file.jsonl:3", "a.txt", "text[2]")."""
    path, _, line = origin.rpartition(":")
    return (path, int(line)) if path and line.isdigit() else (origin, None)


def read_paths(inputs: Iterable[str | Path | InputFile], on_error: OnError = "raise", *,
               dayfirst: bool | None = None, skipped: Skipped | None = None
               ) -> Iterator[Document]:
    """Documents from .txt and .jsonl files and folders of them, each id once (which files
    are read, and the ids of .txt articles: `eventcoder.inputs`)."""
    files = input_files(inputs, skipped.files if skipped is not None else None)
    yield from read_files(files, on_error, dayfirst=dayfirst, skipped=skipped)


def read_files(files: Iterable[InputFile], on_error: OnError = "raise", *,
               dayfirst: bool | None = None, skipped: Skipped | None = None,
               unique: bool = True) -> Iterator[Document]:
    """Documents from the files `input_files` listed, each id once (unless not `unique`:
    the Dask engine checks ids across all its pieces at once)."""
    documents = _read_each(files, on_error, dayfirst, skipped)
    yield from unique_ids(documents, on_error, skipped=skipped) if unique else documents


def _read_each(files: Iterable[InputFile], on_error: OnError, dayfirst: bool | None,
               skipped: Skipped | None) -> Iterator[Document]:
    for file in files:
        if file.kind == "jsonl":
            yield from read_jsonl_file(file.path, on_error, dayfirst=dayfirst, skipped=skipped)
        elif file.kind == "txt":
            yield from read_text_file(file.path, on_error, name=file.name, skipped=skipped)
        else:
            _fail(Problem(str(file.path), None, "unsupported file type (use .txt or .jsonl)"),
                  on_error, skipped)


def documents_from_texts(texts: Iterable[str], published: Any = None,
                         ids: Iterable[Any] | None = None, on_error: OnError = "raise", *,
                         dayfirst: bool | None = None, skipped: Skipped | None = None
                         ) -> Iterator[Document]:
    """Documents from strings; without `ids`, each id is "doc-" and a hash of its text
    (so a text given twice is an id given twice)."""
    id_list = list(ids) if ids is not None else None
    hint = "" if id_list is not None else \
        " (the same text: without ids=, a text's id is a hash of it)"
    yield from unique_ids(_from_texts(texts, published, id_list, on_error, dayfirst, skipped),
                          on_error, hint, skipped)


def _from_texts(texts: Iterable[str], published: Any, id_list: list[Any] | None,
                on_error: OnError, dayfirst: bool | None, skipped: Skipped | None
                ) -> Iterator[Document]:
    count = 0
    for i, text in enumerate(texts):
        count = i + 1
        if id_list is not None and i >= len(id_list):
            raise InputError(Problem("ids", None, f"no id for text[{i}]: fewer ids than texts"))
        # Without ids, a text's id is a hash of it: tables coded apart never share ids.
        doc_id = id_list[i] if id_list is not None else _text_id(text)
        try:
            yield make_document(doc_id, text, published, origin=f"text[{i}]",
                                dayfirst=dayfirst)
        except InputError as exc:
            _fail(exc.problem, on_error, skipped)
    if id_list is not None and len(id_list) > count:
        raise InputError(Problem("ids", None, f"{len(id_list)} ids for {count} texts"))


def _text_id(text: Any) -> str:
    import hashlib

    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else repr(text).encode()
    return "doc-" + hashlib.sha1(data).hexdigest()[:12]


def documents_from_frame(frame: Any, on_error: OnError = "raise", *,
                         dayfirst: bool | None = None, skipped: Skipped | None = None,
                         unique: bool = True) -> Iterator[Document]:
    """Documents from a DataFrame with columns id (or doc_id) and text, optional published,
    source and url: the contract `eventcoder.schemas.ArticleSchema` checks first, naming
    the row ("<DataFrame row N>", N counted from 0) of each problem. Each id once, unless
    not `unique`."""
    from .schemas import article_problems

    id_col, problems = article_problems(frame)
    documents = _from_frame(frame, id_col, problems, on_error, dayfirst, skipped)
    yield from unique_ids(documents, on_error, skipped=skipped) if unique else documents


def _from_frame(frame: Any, id_col: str, problems: dict[int, str], on_error: OnError,
                dayfirst: bool | None, skipped: Skipped | None) -> Iterator[Document]:
    optional = [c for c in ("published", "source", "url") if c in frame.columns]
    for row_number, row in enumerate(frame[[id_col, "text", *optional]].itertuples(index=False)):
        origin = f"<DataFrame row {row_number}>"
        if row_number in problems:
            _fail(Problem(origin, None, problems[row_number]), on_error, skipped)
            continue
        values = row._asdict()
        extra = {k: _none_if_na(values.get(k)) for k in optional}
        try:
            yield make_document(_none_if_na(values[id_col]), values["text"],
                                extra.get("published"), extra.get("source"), extra.get("url"),
                                origin=origin, dayfirst=dayfirst)
        except InputError as exc:
            _fail(exc.problem, on_error, skipped)


def _none_if_na(value: Any) -> Any:
    """None for pandas' missing values (a gap in a column), else `value` itself."""
    try:
        import pandas as pd

        missing = value is None or (not isinstance(value, (list, dict)) and pd.isna(value))
        return None if missing else value
    except (TypeError, ValueError):
        return value
