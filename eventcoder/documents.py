"""Read articles: plain-text files, JSON Lines, pandas DataFrames, or Python strings.

Every reader yields `Document`s. Problems (empty text, undecodable bytes, malformed JSON, an
id already used, a date the table cannot hold) raise `InputError` naming the file and line,
or, with ``on_error="skip"``, are logged as warnings and the rest of the input is still read.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .errors import InputError, Problem

log = logging.getLogger(__name__)

OnError = Literal["raise", "skip"]
READABLE_SUFFIXES = (".txt", ".jsonl")


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


# --- publication dates found in the text itself -------------------------------------------

_MONTHS = {m.lower(): i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_MONTH_ALT = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
              r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_MONTH_RE = r"(?P<mon>(?i:" + _MONTH_ALT + r"))\.?"
_HEADER_PATTERNS = [
    re.compile(r"(?i)^[ \t]*(?:date|published|posted|updated)[ \t]*:?[ \t]*"
               r"(?P<iso>\d{4}-\d{2}-\d{2})\b[ \t]*"),
    re.compile(r"^[ \t]*(?P<iso>\d{4}-\d{2}-\d{2})[ \t]*$"),
    re.compile(r"^[ \t]*(?P<day>\d{1,2})[ \t]+" + _MONTH_RE + r",?[ \t]+(?P<year>\d{4})[ \t]*$"),
    re.compile(r"^[ \t]*" + _MONTH_RE + r"[ \t]+(?P<day>\d{1,2}),?[ \t]+(?P<year>\d{4})[ \t]*$"),
]
# "ISLAMABAD, Oct 25 (Reuters) -": an upper-case place, a date, an optional agency, a dash.
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z .'\-]{1,40}),[ \t]+" + _MONTH_RE + r"[ \t]+(?P<day>\d{1,2})"
    r"(?:,?[ \t]+(?P<year>\d{4}))?(?:[ \t]*\([^)\n]{1,40}\))?[ \t]*[-\u2013\u2014]+[ \t]*")
# How every header pattern above starts, after blanks: a header word, a digit, a month, or
# an upper-case place and a comma. One test of it rules out most lines at once. The words
# (date published posted updated, the months' first three letters) are grouped by their
# first letters: the regex engine then tries a third as many of them on a line they fail.
_HEADER_START = re.compile(
    r"[ \t]*(?:\d|[A-Z][A-Z .'\-]{1,40},|(?i:d(?:ate|ec)|p(?:ublished|osted)|updated|"
    r"j(?:an|u[nl])|feb|ma[ry]|a(?:pr|ug)|sep|oct|nov))")
_YEAR = re.compile(r"\b(20\d\d|19\d\d)\b")
_HEADER_LINES = 5

# The days the table's datetime64[ns] columns can hold (pandas.Timestamp.min and .max,
# rounded inwards to whole days): any other date would fail the schema and lose the batch.
FIRST_STORABLE_DAY = dt.date(1677, 9, 22)
LAST_STORABLE_DAY = dt.date(2262, 4, 11)


def storable_day(day: dt.date) -> bool:
    """Can the event table hold this date?"""
    return FIRST_STORABLE_DAY <= day <= LAST_STORABLE_DAY


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        made = dt.date(year, month, day)
    except ValueError:
        return None
    return made if storable_day(made) else None  # "date 0001-01-01" is no publication date


def _from_match(m: re.Match[str], text: str) -> dt.date | None:
    groups = m.groupdict()
    if groups.get("iso"):
        y, mo, d = (int(x) for x in groups["iso"].split("-"))
        return _make_date(y, mo, d)
    month = _MONTHS[groups["mon"].lower()[:3]]
    year = groups.get("year")
    if year is None:
        # A dateline gives day and month only; a human reader takes the year the article
        # itself talks about most. With no year in the text the date stays unknown.
        years = Counter(_YEAR.findall(text))
        if not years:
            return None
        year = years.most_common(1)[0][0]
    return _make_date(int(year), month, int(groups["day"]))


def find_header_date(text: str) -> tuple[dt.date | None, tuple[tuple[int, int], ...]]:
    """The publication date stated in the first lines of an article, and the spans it used."""
    offset = 0
    seen = 0
    for line in text.splitlines(keepends=True):
        if not line.isspace():
            seen += 1
            # The pre-check reads no line break, so it answers the same for the line as
            # for its body: a line it rules out is read no further.
            if _HEADER_START.match(line):
                m = _header_match(line.rstrip("\r\n"))
                if m:
                    return _from_match(m, text), ((offset, offset + m.end()),)
            if seen >= _HEADER_LINES:
                break
        offset += len(line)
    return None, ()


def _header_match(line: str) -> re.Match[str] | None:
    """The first header pattern that `line` starts with."""
    if not _HEADER_START.match(line):
        return None
    for pattern in (*_HEADER_PATTERNS, _DATELINE):
        m = pattern.match(line)
        if m:
            return m
    return None


def parse_published(value: Any) -> dt.date | None:
    """A publication date from metadata: date, datetime, ISO string, or nothing."""
    day = _read_published(value)
    if day is not None and not storable_day(day):
        raise ValueError(f"publication date {day.isoformat()} is outside the dates the table "
                         f"can hold ({FIRST_STORABLE_DAY} to {LAST_STORABLE_DAY})")
    return day


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _read_published(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, str) and _ISO_DAY.fullmatch(value):
        # The usual "2025-11-29", read as pandas reads it at a small part of the cost;
        # pandas below answers the rest, and words the error when the day does not exist.
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        import pandas as pd

        if pd.isna(value):
            return None
        return pd.Timestamp(value).date()
    except (ValueError, TypeError) as exc:
        raise ValueError(f"cannot read publication date {_shown(value)!r}") from exc


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


def make_document(doc_id: str, text: str, published: Any = None, source: str | None = None,
                  url: str | None = None, origin: str | None = None,
                  line: int | None = None) -> Document:
    """Build a Document, taking the publication date from the text when metadata lacks it.

    `origin` names where the article came from (a file) and `line` the line in it."""
    _check_encodable({"id": doc_id, "text": text, "published": published, "source": source,
                      "url": url}, origin or str(_shown(doc_id)), line)
    return _document(doc_id, text, published, source, url, origin, line)


def _document(doc_id: str, text: str, published: Any, source: str | None, url: str | None,
              origin: str | None, line: int | None) -> Document:
    """`make_document` once its strings are known to hold no lone surrogate."""
    place = origin or str(_shown(doc_id))
    if doc_id is None or str(doc_id).strip() == "":
        raise InputError(Problem(place, line, "the article has no id"))
    if not isinstance(text, str) or not text or text.isspace():  # no copy of the text
        raise InputError(Problem(place, line, "the article text is empty", entry=str(doc_id)))
    try:
        when = parse_published(published)
    except ValueError as exc:
        raise InputError(Problem(place, line, str(exc), entry=str(doc_id))) from None
    header_date, spans = find_header_date(text)
    where = f"{origin}:{line}" if origin and line else origin
    return Document(str(doc_id), text, when or header_date, source or None, url or None,
                    where, spans)


# --- readers --------------------------------------------------------------------------------

def _fail(problem: Problem, on_error: OnError) -> None:
    if on_error == "raise":
        raise InputError(problem)
    log.warning("skipped: %s", problem)


def _utf8(data: bytes, bom: bool) -> str:
    """`data` decoded, a leading byte order mark dropped when `bom`. utf-8-sig would count
    an error's offset after the mark; here it is always an offset into `data`."""
    skip = len(codecs.BOM_UTF8) if bom and data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnicodeDecodeError(exc.encoding, data, exc.start + skip, exc.end + skip,
                                 exc.reason) from None


def _decode(path: Path, on_error: OnError) -> str | None:
    data = path.read_bytes()
    try:
        return _utf8(data, bom=True)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        _fail(Problem(str(path), line, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at "
                      f"offset {exc.start})"), on_error)
        return None


def read_text_file(path: Path, on_error: OnError = "raise") -> Iterator[Document]:
    """One article per .txt file; its id is the file name without extension."""
    text = _decode(path, on_error)
    if text is None:
        return
    try:
        yield make_document(path.stem, text, origin=str(path))
    except InputError as exc:
        _fail(exc.problem, on_error)


def _jsonl_record(path: Path, number: int, raw: str) -> Document:
    where = str(path)
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(Problem(where, number, f"malformed JSON: {exc.msg} "
                                 f"(column {exc.colno})")) from None
    if not isinstance(record, dict):
        raise InputError(Problem(where, number, "each line must be a JSON object"))
    doc_id = record.get("id", record.get("doc_id"))
    if doc_id is None or str(doc_id).strip() == "":
        raise InputError(Problem(where, number, "the object has no 'id'"))
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(Problem(where, number, "'text' is missing or not a string",
                                 entry=str(_shown(str(doc_id)))))
    doc_id = str(doc_id)
    published, source, url = record.get("published"), record.get("source"), record.get("url")
    try:
        # The line was decoded from UTF-8, which holds no surrogate: only a "\u" escape
        # can make one, in a string that is then not ASCII. Whether a string is ASCII is a
        # flag of it, read at no cost: a record of ASCII strings needs no search of the
        # line for "\u".
        if not _ascii_strings(text, doc_id, published, source, url) and "\\u" in raw:
            _check_encodable({"id": doc_id, "text": text, "published": published,
                              "source": source, "url": url}, where, number)
        return _document(doc_id, text, published, source, url, where, number)
    except ValueError as exc:
        raise InputError(Problem(where, number, str(exc),
                                 entry=str(_shown(str(doc_id))))) from None


def read_jsonl_file(path: Path, on_error: OnError = "raise") -> Iterator[Document]:
    """One article per line: {"id", "text", optional "published", "source", "url"}. The
    file is read as a stream, a line at a time."""
    with path.open("rb") as handle:
        yield from jsonl_documents(path, handle, 1, on_error)


def jsonl_documents(path: Path, lines: Iterable[bytes], first_line: int = 1,
                    on_error: OnError = "raise") -> Iterator[Document]:
    """Documents of raw JSON Lines `lines` of `path`, the first being line `first_line`:
    the per-line reader, shared by whole files and by the pieces the Dask engine reads."""
    for number, raw_line in enumerate(lines, start=first_line):
        if not raw_line or raw_line.isspace():  # blank, tested with no copy of the line
            continue
        try:
            raw = _utf8(raw_line, bom=number == 1)
        except UnicodeDecodeError as exc:
            _fail(Problem(str(path), number, f"not valid UTF-8 (byte 0x{raw_line[exc.start]:02x})"),
                  on_error)
            continue
        try:
            yield _jsonl_record(path, number, raw)
        except InputError as exc:
            _fail(exc.problem, on_error)


def expand_paths(inputs: Iterable[str | Path]) -> list[Path]:
    """Files named directly, and the .txt/.jsonl files inside folders, in a stable order."""
    paths: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            paths.extend(sorted(p for p in path.rglob("*") if p.suffix in READABLE_SUFFIXES
                                and p.is_file()))
        elif path.is_file():
            paths.append(path)
        else:
            raise InputError(Problem(str(path), None, "no such file or folder"))
    return paths


def unique_ids(documents: Iterable[Document], on_error: OnError = "raise", hint: str = ""
               ) -> Iterator[Document]:
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
        path, line = _located(doc.origin or f"document[{i}]")
        _fail(Problem(path, line, f"the id is already used by {seen}{hint}",
                      entry=str(_shown(doc.doc_id))), on_error)


def _located(origin: str) -> tuple[str, int | None]:
    """(path, line) of a Document's origin ("file.jsonl:3", "a.txt", "text[2]")."""
    path, _, line = origin.rpartition(":")
    return (path, int(line)) if path and line.isdigit() else (origin, None)


def read_paths(inputs: Iterable[str | Path], on_error: OnError = "raise") -> Iterator[Document]:
    """Documents from .txt and .jsonl files and folders of them, each id once."""
    yield from unique_ids(_read_each(expand_paths(inputs), on_error), on_error)


def _read_each(paths: list[Path], on_error: OnError) -> Iterator[Document]:
    for path in paths:
        if path.suffix == ".jsonl":
            yield from read_jsonl_file(path, on_error)
        elif path.suffix == ".txt":
            yield from read_text_file(path, on_error)
        else:
            _fail(Problem(str(path), None, "unsupported file type (use .txt or .jsonl)"), on_error)


def documents_from_texts(texts: Iterable[str], published: Any = None,
                         ids: Iterable[str] | None = None, on_error: OnError = "raise"
                         ) -> Iterator[Document]:
    """Documents from strings; without `ids`, each id is "doc-" and a hash of its text
    (so a text given twice is an id given twice)."""
    id_list = list(ids) if ids is not None else None
    hint = "" if id_list is not None else \
        " (the same text: without ids=, a text's id is a hash of it)"
    yield from unique_ids(_from_texts(texts, published, id_list, on_error), on_error, hint)


def _from_texts(texts: Iterable[str], published: Any, id_list: list[Any] | None,
                on_error: OnError) -> Iterator[Document]:
    count = 0
    for i, text in enumerate(texts):
        count = i + 1
        if id_list is not None and i >= len(id_list):
            raise InputError(Problem("ids", None, f"no id for text[{i}]: fewer ids than texts"))
        # Without ids, a text's id is a hash of it: tables coded apart never share ids.
        doc_id = id_list[i] if id_list is not None else _text_id(text)
        try:
            yield make_document(doc_id, text, published, origin=f"text[{i}]")
        except InputError as exc:
            _fail(exc.problem, on_error)
    if id_list is not None and len(id_list) > count:
        raise InputError(Problem("ids", None, f"{len(id_list)} ids for {count} texts"))


def _text_id(text: Any) -> str:
    import hashlib

    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else repr(text).encode()
    return "doc-" + hashlib.sha1(data).hexdigest()[:12]


def documents_from_frame(frame: Any, on_error: OnError = "raise") -> Iterator[Document]:
    """Documents from a DataFrame with columns id (or doc_id) and text, optional published,
    source and url."""
    id_col = "id" if "id" in frame.columns else "doc_id"
    if id_col not in frame.columns or "text" not in frame.columns:
        raise InputError(Problem("<DataFrame>", None, "needs columns 'id' (or 'doc_id') and 'text'"))
    yield from unique_ids(_from_frame(frame, id_col, on_error), on_error)


def _from_frame(frame: Any, id_col: str, on_error: OnError) -> Iterator[Document]:
    optional = [c for c in ("published", "source", "url") if c in frame.columns]
    for row_number, row in enumerate(frame[[id_col, "text", *optional]].itertuples(index=False)):
        values = row._asdict()
        extra = {k: _none_if_na(values.get(k)) for k in optional}
        try:
            yield make_document(_none_if_na(values[id_col]), values["text"], extra.get("published"),
                                extra.get("source"), extra.get("url"),
                                origin=f"<DataFrame row {row_number}>")
        except InputError as exc:
            _fail(exc.problem, on_error)
        except ValueError as exc:
            _fail(Problem("<DataFrame>", row_number, str(exc)), on_error)


def _none_if_na(value: Any) -> Any:
    try:
        import pandas as pd

        return None if value is None or (not isinstance(value, (list, dict)) and pd.isna(value)) else value
    except (TypeError, ValueError):
        return value
