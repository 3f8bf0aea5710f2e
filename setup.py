"""The build: the coder's per-sentence modules compiled to C by mypyc.

Everything else is in pyproject.toml. mypyc compiles the modules below from their own
Python source, as typed (no second version of the code: the source is the reference, and
`tests/test_compiled.py` holds the compiled build to it). It takes a few minutes once, at
install, and the dense profile of `benchmarks/bench.py` codes about a fifth faster
(docs/performance.md, Round 18).

What compiling changes for a reader of the code: a compiled class takes no attributes but
those it declares, and cannot be subclassed in Python, except the classes marked
`@mypyc_attr(allow_interpreted_subclasses=True)`: those a Coder's pickle holds (the coder
cache, `coder_cache.py`), which must be made without their `__init__` when loaded, as in
Python. (`serializable=True` says that too, but mypyc 2.4 then skips `__init__` also when
such a class is called from interpreted code.)

It needs a C compiler and Python's headers. The build stays pure Python (the package
always is underneath: every module's source is installed) when
- the environment variable `EVENTCODER_COMPILE=0` is set (for a machine with no compiler);
- the install is editable (`pip install -e .`), so that an edit to a source file takes
  effect (a compiled module would shadow it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import Extension, setup

HERE = Path(__file__).resolve().parent

# The modules run for every sentence or mention. Not the command line, the readers and
# writers, the lexicon loader or the table's checks: they run once a file or a coder, and
# depend on libraries (pandas, pandera, pydantic) whose types mypyc would only box.
COMPILED = [
    "eventcoder/text.py",
    "eventcoder/segment.py",
    "eventcoder/headers.py",
    "eventcoder/match.py",
    "eventcoder/actors.py",
    "eventcoder/context.py",
    "eventcoder/events.py",
    "eventcoder/merge.py",
    "eventcoder/pieces.py",
    "eventcoder/model/*.py",
    "eventcoder/rules/*.py",
    "eventcoder/resolve/*.py",
]


def _sources() -> list[str]:
    found: list[str] = []
    for pattern in COMPILED:
        found += sorted(str(p.relative_to(HERE)) for p in HERE.glob(pattern)
                        if p.name != "__init__.py")
    return found


def _wanted() -> bool:
    if os.environ.get("EVENTCODER_COMPILE", "1") == "0":
        return False
    # setuptools runs this file with the command it builds: an editable install stays
    # interpreted.
    return "editable_wheel" not in sys.argv and "develop" not in sys.argv


def ext_modules() -> list[Extension]:
    if not _wanted():
        return []
    from mypyc.build import mypycify

    # The type check mypyc runs first is not CI's (that is `mypy`, with every stub): here
    # the build environment lacks the runtime libraries, whose types are then Any, and an
    # ignore that CI needs may be unused.
    return mypycify(["--ignore-missing-imports", "--no-warn-unused-ignores", *_sources()],
                    opt_level="3", group_name="eventcoder")


setup(ext_modules=ext_modules())
