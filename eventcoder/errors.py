"""Named exceptions. The library raises these and logs; it never prints or exits."""

from __future__ import annotations

from dataclasses import dataclass


class EventcoderError(Exception):
    """Base class of every error eventcoder raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input or lexicon file, located as precisely as known."""

    path: str
    line: int | None
    message: str
    entry: str | None = None
    # A stable code naming the kind of problem (the lexicon's are listed in docs/lexicons.md).
    code: str | None = None

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        what = f" [{self.entry}]" if self.entry else ""
        code = f" ({self.code})" if self.code else ""
        return f"{where}{what}: {self.message}{code}"


class InputError(EventcoderError):
    """An article could not be read: empty text, bad encoding, malformed JSON line."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem

    def __reduce__(self) -> tuple[type, tuple[Problem]]:
        # Raised on a Dask worker, it is pickled: it must come back with its Problem.
        return (type(self), (self.problem,))


class InputWarning(UserWarning):
    """An article or file was passed by: skipped for a problem (``on_error="skip"``), or, in
    a folder, not a file the reader reads. Every such warning is also counted on the result
    (``df.attrs["eventcoder"]["skipped"]`` and ``["files_skipped"]``)."""


class LexiconError(EventcoderError):
    """One or more lexicon files are invalid; every problem found is listed at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the lexicons:\n{lines}")


class SchemaError(EventcoderError):
    """An event table does not satisfy the published schema."""

    def __init__(self, message: str, failure_cases: object = None) -> None:
        super().__init__(message)
        self.failure_cases = failure_cases


class DatasetError(EventcoderError):
    """A Parquet file or dataset could not be read or written, or is not what eventcoder
    wrote (tampered, incomplete, another schema version)."""


class OutputError(DatasetError):
    """An output path was refused before anything was coded: it is an input, a file that is
    not an eventcoder output (without force), not a .parquet file, or not writable."""
