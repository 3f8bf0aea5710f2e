"""The timeline, the actor network and the fatalities by region. Each function takes an
event table (as `Coder.code_*` and `read_events` give it) and returns a matplotlib Figure."""

from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING

import pandas as pd

from .base import caption, count_note, need_columns, new_figure, show_note, type_colors

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

# Period codes (pandas) of the timeline's bins, by the span of the dates: days up to three
# months, weeks (Monday to Sunday, ACLED's week) up to two years, months beyond.
PERIODS = (("D", 92, "day"), ("W-SUN", 731, "week"), ("M", None, "month"))


def _period(dates: pd.Series) -> tuple[str, str]:
    span = (dates.max() - dates.min()).days
    for code, limit, unit in PERIODS:
        if limit is None or span <= limit:
            return code, unit
    raise AssertionError("the last period has no limit")  # pragma: no cover


def timeline_counts(events: pd.DataFrame, period: str | None = None) -> pd.DataFrame:
    """Events per period (rows, the start of each period, every period in the range) and
    event type (columns, the types with a dated event). `period` is a pandas period code
    ("D", "W-SUN", "M"); by default it follows the span of the dates."""
    dated = events.loc[events["event_date"].notna(), ["event_date", "event_type"]]
    if dated.empty:
        return pd.DataFrame(dtype="int64")
    code = period or _period(dated["event_date"])[0]
    periods = dated["event_date"].dt.to_period(code)
    counts = dated.groupby([periods, dated["event_type"]]).size().unstack(fill_value=0)
    every = pd.period_range(periods.min(), periods.max(), freq=code)
    counts = counts.reindex(every, fill_value=0)
    counts.index = every.start_time
    return counts.sort_index(axis=1)


def timeline(events: pd.DataFrame, *, period: str | None = None) -> Figure:
    """Events over time, one line per event type: the count of events dated in each day,
    week or month (by the span of the dates, or `period`: "D", "W-SUN", "M"). Events
    without a date are left out, and counted under the figure."""
    need_columns(events, ("event_date", "event_type"), "timeline")
    fig = new_figure(9, 4.5)  # first: it says which extra to install if matplotlib is missing
    from matplotlib.ticker import MaxNLocator

    ax = fig.add_subplot()
    ax.set_title("Events over time, by type")
    ax.set_ylabel("events")
    counts = timeline_counts(events, period)
    if counts.empty:
        show_note(ax, "no event has a date")
        return fig
    unit = dict((code, name) for code, _, name in PERIODS).get(
        period or _period(events["event_date"].dropna())[0], period or "")
    colors = type_colors(events["event_type"])
    for event_type in counts.columns:
        values = counts[event_type].to_numpy()
        ax.plot(counts.index.to_numpy(), values, label=event_type, color=colors[event_type],
                marker="o", markersize=4, linewidth=1.4, markevery=list(values > 0))
    ax.set_xlabel(f"event date (events per {unit})")
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="y", alpha=0.3)
    ax.legend(title="event type", loc="upper left", fontsize=8, title_fontsize=8)
    caption(fig, count_note(int(events["event_date"].isna().sum()), "without a date"))
    return fig


def dyads(events: pd.DataFrame) -> Counter[tuple[str, str]]:
    """Events per pair of named sides (actor1, actor2), the pair in sorted order; events
    with one side, or the same actor on both, are no dyad."""
    pairs = events[["actor1", "actor2"]].dropna()
    pairs = pairs[pairs["actor1"] != pairs["actor2"]]
    return Counter(tuple(sorted((str(a), str(b))))  # type: ignore[misc]
                   for a, b in pairs.itertuples(index=False))


def actor_network(events: pd.DataFrame, *, top: int = 20) -> Figure:
    """The actors (nodes, on a circle, sized by their events) and the dyads (lines, as wide
    as the events between the two sides). The `top` actors with the most dyadic events are
    drawn; the caption counts what is left out."""
    need_columns(events, ("actor1", "actor2"), "actor_network")
    fig = new_figure(10, 8)
    ax = fig.add_subplot()
    ax.set_title("Actor network: dyads weighted by events")
    weights = dyads(events)
    involved: Counter[str] = Counter()
    for (a, b), n in weights.items():
        involved[a] += n
        involved[b] += n
    if not weights:
        show_note(ax, "no event names two sides")
        return fig
    actors = [name for name, _ in involved.most_common(top)]
    kept = {pair: n for pair, n in weights.items() if pair[0] in actors and pair[1] in actors}
    where = _circle(circle_order(actors, kept))
    _draw_dyads(ax, kept, where)
    _draw_actors(ax, actors, involved, where)
    ax.set_xlim(-2.0, 2.0)
    ax.set_ylim(-1.25, 1.25)
    ax.set_aspect("equal")
    ax.set_axis_off()
    left_out = len(involved) - len(actors)
    notes = [f"{sum(weights.values())} events between two named sides, {len(weights)} dyads; "
             "line width and number: events of the dyad"]
    if left_out:
        notes.append(f"{left_out} actors with fewer events (and their "
                     f"{len(weights) - len(kept)} dyads) are not shown")
    caption(fig, "\n".join(notes))
    return fig


def circle_order(actors: list[str], weights: dict[tuple[str, str], int]) -> list[str]:
    """`actors` in an order that seats linked actors side by side: each connected group
    in turn (the group of the first actor first), walked depth first along the heaviest
    dyads, so that the lines of the circle cross little."""
    links: dict[str, list[tuple[int, str]]] = {a: [] for a in actors}
    for (a, b), n in weights.items():
        if a in links and b in links:
            links[a].append((-n, b))
            links[b].append((-n, a))
    rank = {a: i for i, a in enumerate(actors)}
    order: list[str] = []
    seen: set[str] = set()
    for start in actors:
        stack = [start]
        while stack:
            actor = stack.pop()
            if actor in seen:
                continue
            seen.add(actor)
            order.append(actor)
            # Pushed lightest first, so that the heaviest dyad is walked next.
            stack.extend(b for _, b in sorted(links[actor], key=lambda t: (t[0], rank[t[1]]),
                                              reverse=True) if b not in seen)
    return order


def _circle(actors: list[str]) -> dict[str, tuple[float, float]]:
    """Positions on the unit circle, the first actor at the top, going clockwise."""
    n = len(actors)
    return {name: (math.sin(2 * math.pi * i / n), math.cos(2 * math.pi * i / n))
            for i, name in enumerate(actors)}


def _draw_dyads(ax: Axes, kept: dict[tuple[str, str], int],
                where: dict[str, tuple[float, float]]) -> None:
    from matplotlib.collections import LineCollection

    heaviest = max(kept.values(), default=1)
    pairs = sorted(kept)
    lines = LineCollection([[where[a], where[b]] for a, b in pairs],
                           linewidths=[1 + 7 * kept[p] / heaviest for p in pairs],
                           colors="0.45", alpha=0.55, zorder=1)
    lines.set_gid("dyads")
    ax.add_collection(lines)
    for (a, b) in pairs:
        (xa, ya), (xb, yb) = where[a], where[b]
        ax.text((xa + xb) / 2, (ya + yb) / 2, str(kept[(a, b)]), fontsize=7, ha="center",
                va="center", zorder=3,
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8})


def _draw_actors(ax: Axes, actors: list[str], involved: Counter[str],
                 where: dict[str, tuple[float, float]]) -> None:
    most = max(involved[a] for a in actors)
    xs = [where[a][0] for a in actors]
    ys = [where[a][1] for a in actors]
    nodes = ax.scatter(xs, ys, s=[80 + 520 * involved[a] / most for a in actors],
                       color="tab:blue", edgecolors="white", linewidths=1, zorder=2)
    nodes.set_gid("actors")
    for name, x, y in zip(actors, xs, ys):
        ax.text(1.12 * x, 1.12 * y, f"{name} ({involved[name]})", fontsize=8, va="center",
                ha="left" if x > 0.05 else "right" if x < -0.05 else "center")


def fatalities_table(events: pd.DataFrame) -> pd.DataFrame:
    """Reported fatalities per region (rows: "admin1 (country)", largest total first) and
    event type (columns). Events with no count are left out; regions with none are kept
    as 0 only if an event there reports 0."""
    known = events[events["fatalities"].notna()]
    if known.empty:
        return pd.DataFrame(dtype="int64")
    place = known["admin1"].astype("string") + " (" + known["country"].astype("string") + ")"
    place = place.fillna(known["country"].astype("string") + " (region unknown)")
    place = place.fillna("place unknown")
    table = (known["fatalities"].astype("int64").groupby([place, known["event_type"]]).sum()
             .unstack(fill_value=0))
    order = table.sum(axis=1).sort_values(ascending=False, kind="stable").index
    return table.loc[order].sort_index(axis=1)


def fatalities_by_admin1(events: pd.DataFrame, *, top: int = 15) -> Figure:
    """Reported fatalities per first-level region (admin1), the `top` regions with the most,
    one bar each, stacked by event type."""
    need_columns(events, ("fatalities", "admin1", "country", "event_type"),
                 "fatalities_by_admin1")
    fig = new_figure(9, 5.5)
    ax = fig.add_subplot()
    ax.set_title("Reported fatalities by first-level region (admin1)")
    table = fatalities_table(events)
    if table.empty or not table.to_numpy().sum():
        show_note(ax, "no event reports a death")
        return fig
    table = table[table.sum(axis=1) > 0]
    shown = table.head(top).iloc[::-1]  # barh draws bottom up: the largest at the top
    colors = type_colors(events["event_type"])
    left = pd.Series(0, index=shown.index)
    for event_type in shown.columns:
        values = shown[event_type]
        if values.sum():
            ax.barh(shown.index, values, left=left, color=colors[event_type], label=event_type)
        left = left + values
    for y, total in enumerate(left):
        ax.text(total, y, f" {total}", va="center", fontsize=8)
    ax.set_xlabel("reported fatalities")
    ax.tick_params(axis="y", labelsize=8)
    ax.margins(x=0.08)
    ax.legend(title="event type", loc="lower right", fontsize=8, title_fontsize=8)
    notes = [count_note(int(events["fatalities"].isna().sum()), "with no reported count")]
    if len(table) > top:
        notes.append(f"{len(table) - top} regions with fewer deaths are not shown")
    caption(fig, "; ".join(n for n in notes if n))
    return fig

