"""examples/quickstart.ipynb, the front door: the saved copy shows its outputs (tables, the
figures as images, the scores) and every cell still runs, top to bottom, in a fresh kernel.

The run uses a copy of examples/ (the notebook writes and removes files beside itself). The
kernel is this Python, through a kernel spec made for the test (whatever kernels the machine
has installed), so it imports the eventcoder under test. To refresh the saved outputs after
a change: ``python3 scripts/run_notebook.py``.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

nbformat = pytest.importorskip("nbformat")

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "examples" / "quickstart.ipynb"
# Cells whose value is a figure: each must show an image.
FIGURE_CALLS = ("plot.timeline(", "plot.event_map(", "plot.actor_network(",
                "plot.fatalities_by_admin1(")


def _code_cells(notebook: Any) -> list[Any]:
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def _figure_cells(notebook: Any) -> dict[str, Any]:
    found = {}
    for cell in _code_cells(notebook):
        for call in FIGURE_CALLS:
            if call in cell.source:
                found[call] = cell
    return found


def _has_image(cell: Any) -> bool:
    return any("image/png" in output.get("data", {}) for output in cell.outputs)


def test_the_saved_notebook_has_its_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    cells = _code_cells(notebook)
    # Run once, top to bottom: the counts are 1, 2, 3, ... with no cell left unrun.
    assert [c.execution_count for c in cells] == list(range(1, len(cells) + 1))
    errors = [c.source[:60] for c in cells for o in c.outputs if o.output_type == "error"]
    assert not errors, f"saved with errors: {errors}"
    figures = _figure_cells(notebook)
    assert sorted(figures) == sorted(FIGURE_CALLS)
    assert all(_has_image(cell) for cell in figures.values()), "a figure is not saved"
    shown = "".join(str(o.get("text", "")) for c in cells for o in c.outputs)
    assert "required recall" in shown, "the evaluation's scores are not saved"


def _this_python_kernel(folder: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The name of a kernel spec that runs sys.executable, found first (JUPYTER_PATH)."""
    spec = folder / "kernels" / "eventcoder-test"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "eventcoder test", "language": "python"}), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(folder))
    return "eventcoder-test"


def test_every_cell_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("matplotlib")
    pytest.importorskip("ipykernel")
    from nbclient import NotebookClient

    work = tmp_path / "examples"
    shutil.copytree(ROOT / "examples", work)
    notebook = nbformat.read(work / NOTEBOOK.name, as_version=4)
    for cell in _code_cells(notebook):
        cell.outputs = []
    # A failing cell raises CellExecutionError, naming the cell and the exception.
    kernel = _this_python_kernel(tmp_path / "jupyter", monkeypatch)
    NotebookClient(notebook, timeout=300, kernel_name=kernel,
                   resources={"metadata": {"path": str(work)}}).execute()
    figures = _figure_cells(notebook)
    assert all(_has_image(cell) for cell in figures.values()), "a figure was not drawn"
    left = sorted(p.name for p in work.iterdir())
    assert left == sorted(p.name for p in (ROOT / "examples").iterdir()), \
        "the notebook left files behind"
