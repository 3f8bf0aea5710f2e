"""The map of events: their coordinates over country outlines, offline.

The outlines are Natural Earth's 1:110m countries (public domain), bundled in
``eventcoder/plot/data/countries.json`` (how it was made: ``data/README.md``): no tile and
no file is fetched. Longitude and latitude are drawn as a plate carrée, stretched by the
cosine of the middle latitude so that shapes near the shown area look right.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import pandas as pd

from .base import caption, count_note, need_columns, new_figure, show_note, type_colors

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

# The smallest span shown, in degrees, so that one place alone is seen in its region.
MIN_SPAN = 12.0
PAD = 0.12  # of the span, on each side
LAND = "#ece9e2"
LAND_WITH_EVENTS = "#dcd6c8"
BORDER = "#9a9a9a"

Ring = tuple[tuple[float, float], ...]


@lru_cache(maxsize=1)
def outlines() -> Mapping[str, tuple[str, tuple[Ring, ...]]]:
    """ISO alpha-3 code -> (name, rings of (lon, lat)) of the bundled outlines, read once
    and read-only."""
    text = resources.files(__package__).joinpath("data/countries.json").read_text("utf-8")
    out = {}
    for iso3, entry in json.loads(text)["countries"].items():
        rings = tuple(tuple((flat[i], flat[i + 1]) for i in range(0, len(flat), 2))
                      for flat in entry["rings"])
        out[iso3] = (entry["name"], rings)
    return MappingProxyType(out)


def extent(lons: pd.Series, lats: pd.Series) -> tuple[float, float, float, float]:
    """(west, east, south, north) around the points, padded, at least MIN_SPAN wide and
    high, within the world."""
    def bounds(low: float, high: float, limit: float) -> tuple[float, float]:
        middle, span = (low + high) / 2, max(high - low, MIN_SPAN) * (1 + 2 * PAD)
        low, high = middle - span / 2, middle + span / 2
        if low < -limit:
            low, high = -limit, min(limit, high - low - limit)
        if high > limit:
            low, high = max(-limit, low - (high - limit)), limit
        return low, high

    west, east = bounds(float(lons.min()), float(lons.max()), 180.0)
    south, north = bounds(float(lats.min()), float(lats.max()), 90.0)
    return west, east, south, north


def _label_point(rings: tuple[Ring, ...]) -> tuple[float, float]:
    """The centroid of the largest ring (by the shoelace formula)."""
    def area_centroid(ring: Ring) -> tuple[float, float, float]:
        a = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
            cross = x0 * y1 - x1 * y0
            a += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        if a == 0:
            return 0.0, ring[0][0], ring[0][1]
        return abs(a) / 2, cx / (3 * a), cy / (3 * a)

    _, x, y = max((area_centroid(r) for r in rings), key=lambda t: t[0])
    return x, y


def _draw_outlines(ax: Axes, box: tuple[float, float, float, float], marked: set[str]) -> None:
    from matplotlib.collections import PolyCollection

    west, east, south, north = box
    rings, colors = [], []
    for iso3, (_, country_rings) in outlines().items():
        for ring in country_rings:
            xs = [x for x, _ in ring]
            ys = [y for _, y in ring]
            if max(xs) < west or min(xs) > east or max(ys) < south or min(ys) > north:
                continue
            rings.append(ring)
            colors.append(LAND_WITH_EVENTS if iso3 in marked else LAND)
    land = PolyCollection(rings, facecolors=colors, edgecolors=BORDER, linewidths=0.6,
                          zorder=0)
    land.set_gid("outlines")
    ax.add_collection(land)


def _label_countries(ax: Axes, placed: pd.DataFrame, box: tuple[float, float, float, float]
                     ) -> None:
    """Each country with an event, named as the table names it, at the middle of its
    outline (or of its events, for a country the outlines lack)."""
    from matplotlib.patheffects import withStroke

    halo = withStroke(linewidth=2.5, foreground="white", alpha=0.8)
    west, east, south, north = box
    shapes = outlines()
    for iso3, rows in placed.groupby("iso3"):
        name = str(rows["country"].dropna().iloc[0]) if rows["country"].notna().any() \
            else str(iso3)
        if iso3 in shapes:
            x, y = _label_point(shapes[str(iso3)][1])
        else:
            x, y = float(rows["longitude"].mean()), float(rows["latitude"].mean())
        if west <= x <= east and south <= y <= north:
            ax.text(x, y, name, fontsize=9, color="0.2", ha="center", va="center",
                    style="italic", zorder=3, clip_on=True, path_effects=[halo])


def _draw_events(ax: Axes, placed: pd.DataFrame, colors: dict[str, Any]) -> int:
    """One dot per place and event type, its area growing with the events there, the
    larger dots drawn first so that none hides a smaller one; the legend names the types.
    Returns the largest count at one dot."""
    from matplotlib.lines import Line2D

    counts = placed.groupby(["longitude", "latitude", "event_type"]).size().rename("n")
    at: pd.DataFrame = counts.reset_index().sort_values(["n", "event_type"],
                                                        ascending=[False, True], kind="stable")
    dots = ax.scatter(at["longitude"], at["latitude"], s=20 + 40 * at["n"] ** 0.75,
                      color=[colors[str(t)] for t in at["event_type"]], edgecolors="white",
                      linewidths=0.6, alpha=0.9, zorder=2)
    dots.set_gid("events")
    handles = [Line2D([], [], linestyle="", marker="o", markersize=7, color=colors[t],
                      label=t) for t in sorted(at["event_type"].astype(str).unique())]
    ax.legend(handles=handles, title="event type", loc="upper left", bbox_to_anchor=(1.01, 1),
              fontsize=8, title_fontsize=8)
    return int(at["n"].max())


def _aspect(box: tuple[float, float, float, float]) -> float:
    """Degrees of latitude per degree of longitude on screen: 1 / cos(middle latitude)."""
    return 1 / max(math.cos(math.radians((box[2] + box[3]) / 2)), 0.2)


def _height(box: tuple[float, float, float, float] | None, width: float) -> float:
    """The figure's height for a map of `box` in a figure `width` inches wide: the map's
    shape times its width (the figure's less the legend and the latitudes), plus the title,
    the axis label and the caption; between 3.5 and 9 inches."""
    if box is None:
        return 5.0
    west, east, south, north = box
    shape = (north - south) * _aspect(box) / (east - west)
    return min(9.0, max(3.5, (width - 2.4) * shape + 1.9))


def event_map(events: pd.DataFrame) -> Figure:
    """Events at their coordinates, coloured by event type, over the bundled country
    outlines, the countries with events shaded and named. A dot stands for the events of
    one type at one place; its size grows with their number. Events without coordinates
    are counted under the figure."""
    need_columns(events, ("latitude", "longitude", "iso3", "country", "event_type"),
                 "event_map")
    placed = events[events["latitude"].notna() & events["longitude"].notna()]
    box = extent(placed["longitude"], placed["latitude"]) if len(placed) else None
    fig = new_figure(10, _height(box, 10))
    ax = fig.add_subplot()
    ax.set_title("Events by place")
    if box is None:
        show_note(ax, "no event has coordinates")
        return fig
    _draw_outlines(ax, box, set(placed["iso3"].dropna()))
    _label_countries(ax, placed, box)
    most = _draw_events(ax, placed, type_colors(events["event_type"]))
    west, east, south, north = box
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(_aspect(box))
    ax.set_facecolor("#f4f8fb")
    ax.set_xlabel("longitude")
    ax.set_ylabel("latitude")
    notes = [count_note(int(len(events) - len(placed)), "without coordinates")]
    if most > 1:
        notes.append(f"dot size: events of a type at one place (up to {most})")
    caption(fig, "; ".join(n for n in notes if n) + "\nCountry outlines: Natural Earth")
    return fig
