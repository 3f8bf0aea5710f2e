"""What the coders' `progress` argument may be: a callback given the number of articles
just coded, True for a progress bar (tqdm's, which draws itself in a notebook too), or
False/None for nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Union

Progress = Union[Callable[[int], Any], bool, None]


def progress_callback(progress: Progress) -> tuple[Callable[[int], Any] | None,
                                                   Callable[[], None]]:
    """The callback to call after each article, and what closes it once coding ends.

    >>> step, close = progress_callback(None)
    >>> step is None
    True
    >>> seen = []
    >>> step, close = progress_callback(seen.append)
    >>> step(1); close(); seen
    [1]
    """
    if progress is None or progress is False:
        return None, _nothing
    if progress is True:
        from tqdm.auto import tqdm

        bar = tqdm(unit=" articles")
        return bar.update, bar.close
    if not callable(progress):
        raise TypeError(f"progress must be True, False, None or a callable taking the number "
                        f"of articles coded, not {type(progress).__name__}")
    return progress, _nothing


def _nothing() -> None:
    return None
