#!/usr/bin/env python3
"""Build the API reference (HTML, from the docstrings) with pdoc: the `docs` extra.

    python3 scripts/build_api_docs.py build/api

Writes one page per public module into the folder given (default build/api) and fails on
any warning pdoc gives (a type annotation it cannot resolve, a broken docstring link), so
that the reference CI builds is one without holes. docs/api.md says what is in it.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

# The public API: the package (its __all__: Coder, code_texts, read_events, to_acled, ...),
# the errors it raises, the ACLED export layout and the figures. eventcoder.testing (the
# hypothesis strategies) is left out: pdoc cannot resolve the annotations of hypothesis'
# composite strategies, and its users read it with the tests.
MODULES = ("eventcoder", "eventcoder.errors", "eventcoder.acled.layout", "eventcoder.plot")


def build(output: Path) -> list[Path]:
    """Write the reference into `output`; the pages written. Raises on a pdoc warning."""
    import pdoc

    with warnings.catch_warnings():
        # pdoc's own warnings only: a library's deprecation warning while pdoc imports it
        # (matplotlib 3.9 with pyparsing 3.3) is no hole in the reference.
        warnings.filterwarnings("error", module=r"pdoc(\.|$)")
        # CI installs the package and builds from the checkout: the same module, twice found
        warnings.filterwarnings("ignore", message=r".*may refer to either the installed")
        pdoc.pdoc(*MODULES, output_directory=output)
    return sorted(output.rglob("*.html"))


def main(argv: list[str]) -> int:
    output = Path(argv[1] if len(argv) > 1 else "build/api")
    pages = build(output)
    print(f"API reference: {len(pages)} pages in {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
