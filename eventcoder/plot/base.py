"""What the figures share: a new Figure (matplotlib imported only here, when a figure is
made), one colour per event type, and the note a figure shows when it has nothing to draw.

Figures are made with `matplotlib.figure.Figure`, not `pyplot`: no global figure list fills
up when a loop makes many, nothing is shown, and no display is needed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

EXTRA = "eventcoder[plot]"
MISSING = (f"eventcoder.plot needs matplotlib, which is not installed: "
           f"pip install '{EXTRA}' (or pip install matplotlib)")
NOTE_COLOR = "0.35"


def require_matplotlib() -> None:
    """Raise an ImportError naming the extra when matplotlib cannot be imported."""
    try:
        import matplotlib  # noqa: F401
    except ImportError as exc:
        raise ImportError(MISSING) from exc


def new_figure(width: float, height: float) -> Figure:
    """An empty figure of `width` x `height` inches, laid out by matplotlib's constrained
    layout (titles, legends and labels are kept inside the image)."""
    require_matplotlib()
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained", dpi=100)


def type_colors(types: Iterable[Any]) -> dict[str, Any]:
    """One colour per event type, the same in every figure of one table: the types in
    sorted order take the colours of matplotlib's tab10 (tab20 past ten types)."""
    require_matplotlib()
    from matplotlib import colormaps

    names = sorted({str(t) for t in types})
    cmap = colormaps["tab10" if len(names) <= 10 else "tab20"]
    return {name: cmap(i % cmap.N) for i, name in enumerate(names)}


def show_note(ax: Axes, text: str) -> None:
    """Write `text` in the middle of an axes that has nothing else to show."""
    ax.set_xticks([])
    ax.set_yticks([])
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes,
            color=NOTE_COLOR, fontsize=12)


def caption(fig: Figure, text: str) -> None:
    """A line under the figure saying what is not shown and how to read it."""
    if text:
        fig.supxlabel(text, fontsize=8, color=NOTE_COLOR)


def count_note(count: int, what: str) -> str:
    """"3 events without a date are not shown", or "" for none."""
    if not count:
        return ""
    return f"{count} event{'s' if count != 1 else ''} {what} {'is' if count == 1 else 'are'} " \
           "not shown"


def need_columns(events: Any, columns: Iterable[str], figure: str) -> None:
    """Raise a ValueError naming the columns `figure` reads that `events` lacks."""
    missing = [c for c in columns if c not in getattr(events, "columns", ())]
    if missing:
        raise ValueError(f"{figure}: the event table has no column {', '.join(missing)} "
                         "(pass a table eventcoder made: Coder.code_*, read_events)")
