"""Pictures of an event table: static matplotlib figures, drawn offline.

Install the extra: ``pip install 'eventcoder[plot]'`` (matplotlib). Without it, importing
this package works and each function raises an ImportError naming the extra.

>>> import eventcoder, eventcoder.plot
>>> events = eventcoder.read_events("events.parquet")          # doctest: +SKIP
>>> fig = eventcoder.plot.timeline(events)                      # doctest: +SKIP
>>> fig.savefig("timeline.png")                                 # doctest: +SKIP

Each function takes the table and returns a `matplotlib.figure.Figure`; it shows nothing
and prints nothing (in a notebook, the figure displays itself as the cell's value):

- `timeline`: events per day, week or month, one line per event type;
- `event_map`: the events' coordinates over country outlines (Natural Earth, bundled);
- `actor_network`: actors and the dyads between them, weighted by events;
- `fatalities_by_admin1`: reported fatalities by first-level region, stacked by type.

`write_report(events, "report/")` writes all four as PNG files with a summary page
(``eventcoder report events.parquet -o report/`` from the shell). See docs/plots.md.
"""

from __future__ import annotations

from .base import EXTRA, MISSING, require_matplotlib
from .figures import actor_network, dyads, fatalities_by_admin1, fatalities_table, timeline, \
    timeline_counts
from .maps import event_map
from .report import FIGURES, check_report_folder, summary, write_report

__all__ = ["EXTRA", "FIGURES", "MISSING", "actor_network", "check_report_folder", "dyads",
           "event_map", "fatalities_by_admin1", "fatalities_table", "require_matplotlib",
           "summary", "timeline", "timeline_counts", "write_report"]
