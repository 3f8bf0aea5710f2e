"""A report folder: the four figures as PNG files and a summary page (index.html) with the
counts by type, status and country, the top actors and the fatalities, linking the figures.

The folder is checked before anything is drawn (and before matplotlib is imported): a new
or empty folder is written; an existing non-empty one only with ``force``, and then only the
report's own files are replaced, each atomically. Nothing else in the folder is touched.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..errors import OutputError
from ..files import atomic_write, writable_folder

if TYPE_CHECKING:
    from matplotlib.figure import Figure

PAGE = "index.html"
# File name -> (function name in eventcoder.plot, title on the page).
FIGURES = {
    "timeline.png": ("timeline", "Events over time, by type"),
    "map.png": ("event_map", "Events by place"),
    "network.png": ("actor_network", "Actor network"),
    "fatalities.png": ("fatalities_by_admin1", "Reported fatalities by region"),
}
REPORT_FILES = (PAGE, *FIGURES)
TOP = 15


def check_report_folder(folder: str | Path, force: bool = False) -> Path:
    """The folder a report may be written to: new, empty, or (with `force`) holding other
    files. Raises `OutputError` saying why not."""
    path = Path(folder)
    if str(folder) == "":
        raise OutputError("the report folder is empty: name a folder")
    if path.exists() and not path.is_dir():
        raise OutputError(f"{folder}: is a file; a report is a folder")
    if path.is_dir() and any(path.iterdir()) and not force:
        raise OutputError(f"{folder}: exists and is not empty; nothing was written. Name a new "
                          f"folder, or use --force (force=True) to write the report's files "
                          f"({', '.join(REPORT_FILES)}) into it, replacing those only")
    why = writable_folder(path)
    if why:
        raise OutputError(f"{folder}: {why}")
    return path


def write_report(events: pd.DataFrame, folder: str | Path, *, force: bool = False,
                 source: str | None = None, dpi: int = 120) -> list[Path]:
    """Write the figures (PNG, `dpi` dots per inch) and the summary page of `events` into
    `folder` (see `check_report_folder`); `source` names the table's file on the page.
    Returns the paths written, the page first."""
    from . import figures, maps

    out = check_report_folder(folder, force)
    makers: dict[str, Callable[[pd.DataFrame], Figure]] = {
        "timeline": figures.timeline, "event_map": maps.event_map,
        "actor_network": figures.actor_network,
        "fatalities_by_admin1": figures.fatalities_by_admin1}
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (function, _) in FIGURES.items():
        written.append(atomic_write(out / name, _png(makers[function](events), dpi)))
    page = summary_page(events, source)
    written.insert(0, atomic_write(out / PAGE, lambda temp: Path(temp).write_text(
        page, encoding="utf-8")))
    return written


def _png(figure: Figure, dpi: int) -> Callable[[str], None]:
    """A writer of `figure` as a PNG file, for `atomic_write`."""
    def write(temp: str) -> None:
        figure.savefig(temp, format="png", dpi=dpi)
    return write


def summary(events: pd.DataFrame) -> dict[str, Any]:
    """The numbers of the summary page: events, articles, dates, counts by type, status
    and country, top actors, fatalities by type and region."""
    dates = events["event_date"].dropna()
    actors = pd.concat([events["actor1"], events["actor2"]]).dropna()
    deaths = events["fatalities"].dropna().astype("int64")
    region = (events["admin1"].astype("string") + " (" + events["country"].astype("string")
              + ")")
    return {
        "events": len(events),
        "articles": int(events["doc_id"].nunique()),
        "first": dates.min().date().isoformat() if len(dates) else None,
        "last": dates.max().date().isoformat() if len(dates) else None,
        "undated": int(events["event_date"].isna().sum()),
        "by_type": pd.crosstab(events["event_type"], events["status"], margins=True,
                               margins_name="all") if len(events) else pd.DataFrame(),
        "by_country": events["country"].fillna("(no place)").value_counts().head(TOP),
        "actors": actors.value_counts().head(TOP),
        "fatalities": int(deaths.sum()),
        "fatalities_events": len(deaths),
        "fatalities_by_type": deaths.groupby(events["event_type"]).sum()
        .sort_values(ascending=False),
        "fatalities_by_region": deaths.groupby(region.fillna("(region unknown)")).sum()
        .sort_values(ascending=False).head(TOP),
    }


def _table(data: pd.Series | pd.DataFrame, *names: str) -> str:
    if data.empty:
        return "<p>none</p>"
    frame = data.to_frame() if isinstance(data, pd.Series) else data
    if names:
        frame = frame.rename_axis(names[0])
        if len(names) > 1:
            frame.columns = list(names[1:])
    return frame.to_html(border=0, classes="counts")


def summary_page(events: pd.DataFrame, source: str | None = None) -> str:
    """The report's index.html: the summary tables and the figures."""
    s = summary(events)
    meta = events.attrs.get("eventcoder", {})
    esc = html.escape
    dates = f"{s['first']} to {s['last']}" if s["first"] else "no dated event"
    facts = [f"{s['events']} events from {s['articles']} articles", f"event dates: {dates}"
             + (f" ({s['undated']} events without a date)" if s["undated"] else ""),
             f"reported fatalities: {s['fatalities']} (in {s['fatalities_events']} events "
             "that report a count)"]
    if meta:
        facts.append(f"coded by eventcoder {meta.get('eventcoder_version', '?')}, lexicon "
                     f"{str(meta.get('lexicon_hash', '?'))[:12]}")
    parts = [f"<h1>Event report{': ' + esc(source) if source else ''}</h1>",
             "<ul>" + "".join(f"<li>{esc(f)}</li>" for f in facts) + "</ul>"]
    for name, (_, title) in FIGURES.items():
        parts.append(f'<h2>{esc(title)}</h2>\n<p><a href="{name}"><img src="{name}" '
                     f'alt="{esc(title)}" width="800"></a></p>')
    parts += ["<h2>Events by type and status</h2>", _table(s["by_type"]),
              f"<h2>Events by country (top {TOP})</h2>", _table(s["by_country"], "country",
                                                                 "events"),
              f"<h2>Actors with the most events (top {TOP})</h2>",
              _table(s["actors"], "actor", "events"),
              "<h2>Reported fatalities by event type</h2>",
              _table(s["fatalities_by_type"], "event type", "fatalities"),
              f"<h2>Reported fatalities by region (top {TOP})</h2>",
              _table(s["fatalities_by_region"], "admin1 (country)", "fatalities")]
    body = "\n".join(parts)
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<title>Event report</title>\n<style>body{font-family:sans-serif;max-width:60em;"
            "margin:2em auto;padding:0 1em}table.counts{border-collapse:collapse}"
            "table.counts td,table.counts th{padding:.2em .8em;text-align:right}"
            "table.counts tr:nth-child(even){background:#f3f3f3}</style>\n</head>\n<body>\n"
            f"{body}\n</body>\n</html>\n")
