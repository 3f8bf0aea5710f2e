#!/usr/bin/env python3
"""Run examples/quickstart.ipynb from top to bottom in a fresh kernel, in its folder, and save
it with its outputs (the figures embedded), as the repository keeps it.

Usage: python3 scripts/run_notebook.py [NOTEBOOK]

Needs the test extra (nbclient, ipykernel, matplotlib). Rerun it after changing the notebook
or what it shows; tests/test_notebook.py checks that the saved copy has its outputs and that
every cell still runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parent.parent / "examples" / "quickstart.ipynb"


def run(path: Path, timeout: int = 600) -> nbformat.NotebookNode:
    """The notebook at `path`, executed in its folder (raises on the first failing cell)."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    return notebook


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else NOTEBOOK
    notebook = run(path)
    nbformat.write(notebook, path)
    print(f"{path}: {len(notebook.cells)} cells run and saved with their outputs")


if __name__ == "__main__":
    main()
