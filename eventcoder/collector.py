"""The cyclic garbage collector, paused where a stage makes many objects and no cycles.

Python collects every 700 net allocations of objects it tracks (containers), and, once the
objects that survived are enough, makes a full collection that walks every tracked object of
the process, a built Coder's ~800,000 among them. A stage that makes hundreds of thousands
of objects that live on and form no cycles pays those walks for nothing: loading a Coder
from its cache (two thirds of the load), and the reports a dataset's merge reads (a quarter
of the merge at 10^6 sentences). Nothing is lost by pausing: what such a stage drops is freed
by its reference count, and the collector, turned back on, finds any cycle later.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No collection inside the block; the collector is turned back on after it, if it was
    on (the caller's setting is kept)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
