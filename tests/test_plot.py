"""eventcoder.plot and `eventcoder report`: the figures are rendered to PNG files (Agg) from
the bundled example articles as the Coder codes them, and checked for what they draw (one
line per event type, one line per dyad, one bar per region, one dot per place and type),
the numbers behind them, and the refusals (a non-empty folder, a missing matplotlib, a table
without the columns)."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import eventcoder
from eventcoder.cli import main

from .conftest import scaled

pytest.importorskip("matplotlib")

from matplotlib.collections import LineCollection, PathCollection, PolyCollection  # noqa: E402

from eventcoder import plot  # noqa: E402
from eventcoder.plot import maps  # noqa: E402
from eventcoder.plot.figures import circle_order  # noqa: E402

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def events(coder: eventcoder.Coder, examples_dir: Path) -> pd.DataFrame:
    return coder.code_files(examples_dir)


@pytest.fixture(scope="module")
def events_file(events: pd.DataFrame, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return eventcoder.write_events(events, tmp_path_factory.mktemp("events") / "ev.parquet")


def _texts(fig: object) -> list[str]:
    return [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]  # type: ignore


def _collection(fig: object, gid: str) -> object:
    found = [c for c in fig.axes[0].collections if c.get_gid() == gid]  # type: ignore
    assert len(found) == 1, f"one collection {gid!r}"
    return found[0]


def _dyad_count(frame: pd.DataFrame) -> int:
    """Distinct unordered pairs of two different named sides, counted here by hand."""
    pairs = set()
    for a, b in zip(frame["actor1"], frame["actor2"]):
        if isinstance(a, str) and isinstance(b, str) and a != b:
            pairs.add(frozenset((a, b)))
    return len(pairs)


# -- the timeline --------------------------------------------------------------------------

def test_timeline_draws_one_line_per_type_with_every_dated_event(events: pd.DataFrame) -> None:
    fig = plot.timeline(events)
    ax = fig.axes[0]
    dated = events[events["event_date"].notna()]
    lines = {line.get_label(): line for line in ax.get_lines()}
    assert sorted(lines) == sorted(dated["event_type"].unique())
    for event_type, line in lines.items():
        assert line.get_ydata().sum() == (dated["event_type"] == event_type).sum()
    assert ax.get_title() == "Events over time, by type"
    assert ax.get_ylabel() == "events" and "per month" in ax.get_xlabel()
    undated = int(events["event_date"].isna().sum())
    assert undated and f"{undated} events without a date are not shown" in _texts(fig)


@pytest.mark.parametrize("days, unit, points", [(10, "day", 11), (200, "week", 29),
                                                (1000, "month", 33)])
def test_timeline_bins_follow_the_span(events: pd.DataFrame, days: int, unit: str,
                                       points: int) -> None:
    # Two events moved to a known span: Wednesday 2025-01-01 and `days` later (200 days:
    # Sunday 2025-07-20, in the 29th week counted from Monday 2024-12-30).
    two = events.head(2).copy()
    two["event_date"] = [pd.Timestamp("2025-01-01"), pd.Timestamp("2025-01-01")
                         + pd.Timedelta(days=days)]
    two["event_type"] = "clash"
    ax = plot.timeline(two).axes[0]
    assert f"per {unit}" in ax.get_xlabel()
    (line,) = ax.get_lines()
    assert len(line.get_xdata()) == points and line.get_ydata().sum() == 2


# -- the map -------------------------------------------------------------------------------

def test_map_draws_a_dot_per_place_and_type_over_outlines(events: pd.DataFrame) -> None:
    fig = plot.event_map(events)
    ax = fig.axes[0]
    placed = events[events["latitude"].notna()]
    dots = _collection(fig, "events")
    assert isinstance(dots, PathCollection)
    places = placed.groupby(["longitude", "latitude", "event_type"]).size()
    assert len(dots.get_offsets()) == len(places)
    # Larger dots first, so that a smaller one is drawn over a larger one, never under it.
    sizes = list(dots.get_sizes())
    assert sizes == sorted(sizes, reverse=True) and len(set(sizes)) > 1
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == sorted(placed["event_type"].unique())
    land = _collection(fig, "outlines")
    assert isinstance(land, PolyCollection) and len(land.get_paths()) > 20
    (west, east), (south, north) = ax.get_xlim(), ax.get_ylim()
    assert west < placed["longitude"].min() and placed["longitude"].max() < east
    assert south < placed["latitude"].min() and placed["latitude"].max() < north
    texts = _texts(fig)
    assert {"Pakistan", "Afghanistan", "Sudan"} <= set(texts)
    missing = len(events) - len(placed)
    assert any(t.startswith(f"{missing} events without coordinates") for t in texts)
    assert ax.get_xlabel() == "longitude" and ax.get_ylabel() == "latitude"


def test_the_bundled_outlines_are_the_world() -> None:
    shapes = maps.outlines()
    assert len(shapes) >= 170 and shapes["PAK"][0] == "Pakistan"
    for _, rings in shapes.values():
        for ring in rings:
            assert len(ring) >= 3
            assert all(-180 <= x <= 180 and -90 <= y <= 90 for x, y in ring)
    x, y = maps._label_point(shapes["PAK"][1])
    assert 60 < x < 78 and 23 < y < 37  # inside Pakistan's box


@pytest.mark.parametrize("lons, lats", [([10.0], [20.0]), ([-179.0, 179.0], [-89.0, 89.0]),
                                        ([170.0, 175.0], [80.0, 85.0])])
def test_map_extent_holds_the_points_within_the_world(lons: list[float],
                                                      lats: list[float]) -> None:
    west, east, south, north = maps.extent(pd.Series(lons), pd.Series(lats))
    assert -180 <= west < min(lons) <= max(lons) < east <= 180 or east == 180
    assert -90 <= south <= min(lats) and max(lats) <= north <= 90
    assert east - west >= maps.MIN_SPAN and north - south >= maps.MIN_SPAN


# -- the actor network ---------------------------------------------------------------------

def test_network_draws_one_line_per_dyad(events: pd.DataFrame) -> None:
    fig = plot.actor_network(events, top=100)
    lines = _collection(fig, "dyads")
    assert isinstance(lines, LineCollection)
    assert len(lines.get_segments()) == _dyad_count(events)
    nodes = _collection(fig, "actors")
    named = {a for pair in plot.dyads(events) for a in pair}
    assert len(nodes.get_offsets()) == len(named)  # type: ignore[attr-defined]
    # The widest line is the dyad with the most events.
    weights = plot.dyads(events)
    widths = list(lines.get_linewidths())
    pairs = sorted(weights)
    assert pairs[widths.index(max(widths))] == max(weights, key=lambda p: weights[p])
    assert fig.axes[0].get_title() == "Actor network: dyads weighted by events"


def test_network_keeps_the_top_actors(events: pd.DataFrame) -> None:
    fig = plot.actor_network(events, top=4)
    assert len(_collection(fig, "actors").get_offsets()) == 4  # type: ignore[attr-defined]
    assert any("actors with fewer events" in t for t in _texts(fig))


@given(st.data())
@scaled(15)
def test_network_and_timeline_on_any_subset(events: pd.DataFrame, data: st.DataObject) -> None:
    rows = data.draw(st.lists(st.integers(0, len(events) - 1), unique=True, max_size=30))
    subset = events.iloc[sorted(rows)]
    fig = plot.actor_network(subset, top=1000)
    dyads = _dyad_count(subset)
    if dyads:
        assert len(_collection(fig, "dyads").get_segments()) == dyads  # type: ignore
    lines = plot.timeline(subset).axes[0].get_lines()
    assert sum(line.get_ydata().sum() for line in lines) == subset["event_date"].notna().sum()


@given(st.lists(st.sampled_from("abcdefgh"), unique=True, min_size=1),
       st.dictionaries(st.tuples(st.sampled_from("abcdefgh"), st.sampled_from("abcdefgh")),
                       st.integers(1, 9)))
@scaled(50)
def test_circle_order_is_a_permutation(actors: list[str], weights: dict[tuple[str, str], int]
                                       ) -> None:
    order = circle_order(actors, weights)
    assert sorted(order) == sorted(actors) and order[0] == actors[0]


# -- fatalities by admin1 ------------------------------------------------------------------

def test_fatalities_bars_sum_the_reported_deaths(events: pd.DataFrame) -> None:
    fig = plot.fatalities_by_admin1(events, top=100)
    ax = fig.axes[0]
    known = events[events["fatalities"].notna()]
    region = (known["admin1"] + " (" + known["country"] + ")").fillna(
        known["country"] + " (region unknown)")
    expected = known["fatalities"].astype(int).groupby(region).sum()
    expected = expected[expected > 0]
    widths: Counter[str] = Counter()
    labels = [t.get_text() for t in ax.get_yticklabels()]
    for container in ax.containers:
        for bar in container:
            widths[labels[round(bar.get_y() + bar.get_height() / 2)]] += bar.get_width()
    assert dict(widths) == expected.to_dict()
    assert labels[-1] == expected.idxmax()  # the largest at the top
    assert ax.get_xlabel() == "reported fatalities"
    short = plot.fatalities_by_admin1(events, top=3).axes[0]
    assert len(short.get_yticklabels()) == 3


# -- nothing to draw, bad input, no matplotlib ---------------------------------------------

@pytest.mark.parametrize("draw, note", [
    (plot.timeline, "no event has a date"), (plot.event_map, "no event has coordinates"),
    (plot.actor_network, "no event names two sides"),
    (plot.fatalities_by_admin1, "no event reports a death")])
def test_an_empty_table_gives_a_figure_that_says_so(events: pd.DataFrame, draw: object,
                                                    note: str) -> None:
    fig = draw(events.iloc[0:0])  # type: ignore[operator]
    assert note in _texts(fig)


def test_a_table_without_the_columns_is_refused(events: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="event_map: the event table has no column latitude"):
        plot.event_map(events.drop(columns=["latitude"]))


def test_without_matplotlib_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch,
                                                      events: pd.DataFrame) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    with pytest.raises(ImportError, match=r"pip install 'eventcoder\[plot\]'"):
        plot.timeline(events)


# -- the report ----------------------------------------------------------------------------

def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data.startswith(PNG), f"{path} is no PNG"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def _not_blank(path: Path) -> bool:
    from matplotlib.image import imread

    pixels = imread(path)
    return float(pixels[..., :3].std()) > 0.05


def test_report_writes_the_figures_and_the_page(events: pd.DataFrame, tmp_path: Path) -> None:
    written = plot.write_report(events, tmp_path / "report", source="ev.parquet")
    names = [p.name for p in written]
    assert names == ["index.html", "timeline.png", "map.png", "network.png", "fatalities.png"]
    for path in written[1:]:
        width, height = _png_size(path)
        assert width >= 800 and height >= 400 and path.stat().st_size > 20_000
        assert _not_blank(path), path
    page = written[0].read_text(encoding="utf-8")
    for name in names[1:]:
        assert f'<img src="{name}"' in page
    assert f"{len(events)} events from {events['doc_id'].nunique()} articles" in page
    deaths = int(events["fatalities"].sum())
    assert f"reported fatalities: {deaths}" in page
    assert "Military Forces of Pakistan" in page and "Event report: ev.parquet" in page


def test_report_refuses_a_folder_with_files_unless_forced(events: pd.DataFrame,
                                                          tmp_path: Path) -> None:
    folder = tmp_path / "report"
    folder.mkdir()
    mine = folder / "notes.txt"
    mine.write_text("keep me", encoding="utf-8")
    with pytest.raises(eventcoder.errors.OutputError, match="exists and is not empty"):
        plot.write_report(events, folder)
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
    (folder / "map.png").write_bytes(b"old")
    plot.write_report(events, folder, force=True)
    assert mine.read_text(encoding="utf-8") == "keep me"
    assert (folder / "map.png").read_bytes().startswith(PNG)
    with pytest.raises(eventcoder.errors.OutputError, match="is a file"):
        plot.write_report(events, mine, force=True)


def test_cli_report(events_file: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "report"
    result = runner.invoke(main, ["report", str(events_file), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "written to" in result.output and (out / "network.png").exists()
    again = runner.invoke(main, ["report", str(events_file), "-o", str(out)])
    assert again.exit_code == 1 and "exists and is not empty" in again.output


def test_cli_report_checks_the_input_before_matplotlib(events_file: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    bad = tmp_path / "plain.parquet"
    pd.DataFrame({"a": [1]}).to_parquet(bad)
    runner = CliRunner()
    result = runner.invoke(main, ["report", str(bad), "-o", str(tmp_path / "r1")])
    assert result.exit_code == 1 and "plain.parquet" in result.output
    assert "matplotlib" not in result.output
    result = runner.invoke(main, ["report", str(events_file), "-o", str(tmp_path / "r2")])
    assert result.exit_code == 1 and "eventcoder[plot]" in result.output
    assert not (tmp_path / "r2").exists()


def test_report_help_does_not_import_matplotlib() -> None:
    code = ("import sys\nfrom click.testing import CliRunner\nfrom eventcoder.cli import main\n"
            "r = CliRunner().invoke(main, ['report', '--help'])\n"
            "assert r.exit_code == 0 and 'report' in r.output, r.output\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'matplotlib'))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=Path(__file__).resolve().parent.parent)
    assert done.stdout.strip() == "[]"
