"""The ACLED-layout export (eventcoder.acled.layout, `eventcoder export --format acled`):
ACLED's columns in ACLED's order, ACLED's value conventions, stable ids, and the command's
checks. docs/acled-export.md describes every column."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import eventcoder
from eventcoder.acled.export import read_exports
from eventcoder.acled.layout import (
    ACLED_COLUMNS, ascii_name, check_export_path, event_id_cnty, interaction, interaction_name,
    iso_numeric, notes, regions, to_acled, write_acled)
from eventcoder.acled.taxonomy import load_taxonomy
from eventcoder.cli import main

from .conftest import scaled

# ACLED's export columns in order, as ACLED's codebook lists them ("ACLED Data Columns at a
# Glance", Table 1) and its exports write them since 20 March 2023.
PUBLISHED = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp"]


@pytest.fixture(scope="module")
def coded(coder: eventcoder.Coder, examples_dir: Path, tmp_path_factory: Any) -> Path:
    """The bundled examples, coded and written as eventcoder writes them."""
    path = tmp_path_factory.mktemp("export") / "events.parquet"
    events = coder.code_files([examples_dir])
    eventcoder.write_events(events, path, events.attrs.get("eventcoder"))
    return path


def _row(**values: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "event_id": "00000000000000ff", "status": "occurred", "acled_event_type": "Battles",
        "acled_sub_event_type": "Armed clash", "disorder_type": "Political violence",
        "sentence": "Troops clashed with rebels.", "mention_sentences": [],
        "actor1": "A", "actor2": "B", "inter1": 1, "inter2": 2, "iso3": "PAK",
        "country": "Pakistan", "location": "Quetta", "location_ascii": "Quetta",
        "event_date": pd.Timestamp("2026-02-26"), "time_precision": 1, "fatalities": 2,
        "civilian_targeting": False, "latitude": 30.18414, "longitude": 67.00141}
    return {**base, **values}


def _frame(*rows: dict[str, Any]) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows))
    for column in ("inter1", "inter2", "fatalities", "time_precision"):
        frame[column] = frame[column].astype("Int64")
    return frame


# --- the columns ----------------------------------------------------------------------------

def test_the_columns_are_acleds_in_order() -> None:
    assert list(ACLED_COLUMNS) == PUBLISHED
    assert list(to_acled(_frame(_row())).columns) == PUBLISHED


def test_the_command_writes_acleds_columns_in_order(coded: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    for name in ("examples.csv", "examples.parquet"):
        out = tmp_path / name
        result = runner.invoke(main, ["export", str(coded), "--format", "acled", "-o", str(out)])
        assert result.exit_code == 0, result.output
        written = pd.read_csv(out) if name.endswith(".csv") else pd.read_parquet(out)
        assert list(written.columns) == PUBLISHED
        assert len(written) > 10


def test_the_csv_reads_back_as_an_acled_export(coded: Path, tmp_path: Path) -> None:
    """The project's own ACLED reader (evaluate --acled) takes the file as an export of
    today's taxonomy: event types, text inter codes, dates and ids all read."""
    out = write_acled(to_acled(eventcoder.read_events(coded)), tmp_path / "a.csv")
    rows, report = read_exports(out, load_taxonomy())
    assert report.bad_rows == 0 and len(rows) == len(pd.read_csv(out))
    assert set(rows["taxonomy"]) == {"current"}


def test_the_native_table_is_left_as_it_was(coded: Path) -> None:
    events = eventcoder.read_events(coded)
    before = events.copy()
    to_acled(events)
    assert events.equals(before) and "sentence" in events.columns


# --- the values -----------------------------------------------------------------------------

@pytest.mark.parametrize("inter1, inter2, code, name", [
    (1, 2, 12, "State forces-Rebel group"),
    (2, 1, 12, "State forces-Rebel group"),
    (3, 1, 13, "State forces-Political militia"),
    (7, 3, 37, "Political militia-Civilians"),
    (8, 7, 78, "External/Other forces-Civilians"),  # the codebook's one exception
    (6, None, 60, "Protesters only"),
    (None, 2, 20, "Rebel group only"),
    (None, None, None, None),
])
def test_interaction_as_the_codebook_computes_it(inter1: int | None, inter2: int | None,
                                                 code: int | None, name: str | None) -> None:
    assert interaction(inter1, inter2) == code
    assert interaction_name(code) == name
    row = _row(inter1=inter1, inter2=inter2)
    numeric = to_acled(_frame(row), inter="numeric").iloc[0]
    text = to_acled(_frame(row)).iloc[0]
    assert (None if pd.isna(numeric["interaction"]) else numeric["interaction"]) == code
    assert (None if pd.isna(text["interaction"]) else text["interaction"]) == name


@given(st.sampled_from([None, *range(1, 9)]), st.sampled_from([None, *range(1, 9)]))
@scaled(60)
def test_interaction_is_symmetric_and_named_from_its_types(a: int | None,
                                                           b: int | None) -> None:
    code = interaction(a, b)
    assert code == interaction(b, a)
    if code is None:
        assert a is None and b is None
        return
    low, high = divmod(code, 10)
    assert low >= 1 and (high == 0 or high >= low)
    assert sorted(c for c in (a, b) if c is not None) == [c for c in (low, high) if c]
    assert interaction_name(code) is not None


@pytest.mark.parametrize("iso3, numeric, region", [
    ("PAK", 586, "South Asia"), ("AFG", 4, "South Asia"), ("IRN", 364, "Middle East"),
    ("ETH", 231, "Eastern Africa"), ("NGA", 566, "Western Africa"),
    ("GEO", 268, "Caucasus and Central Asia"), ("MEX", 484, "Central America"),
    ("CYP", 196, "Europe"), ("UKR", 804, "Europe"), ("MMR", 104, "Southeast Asia"),
    ("COL", 170, "South America"), ("SDN", 729, "Northern Africa"),
])
def test_iso_number_and_region_from_the_country(iso3: str, numeric: int, region: str) -> None:
    row = to_acled(_frame(_row(iso3=iso3))).iloc[0]
    assert (row["iso"], row["region"]) == (numeric, region)


def test_every_country_has_one_region() -> None:
    known = regions()
    dissolved = {"ANT", "SCG"}  # Netherlands Antilles, Serbia and Montenegro
    assert set(iso_numeric()) - dissolved <= set(known)
    assert set(known.values()) >= {"Western Africa", "Middle East", "South Asia", "Europe"}


@pytest.mark.parametrize("name, plain", [
    ("Kandahār", "Kandahar"), ("Tibú", "Tibu"), ("Łódź", "Lodz"), ("Ma’rib", "Ma'rib"),
    ("São Tomé", "Sao Tome"), ("Þórshöfn", "Thorshofn"), ("Quetta", "Quetta"),
])
def test_place_names_in_ascii(name: str, plain: str) -> None:
    assert ascii_name(name) == plain
    row = to_acled(_frame(_row(location=name, location_ascii=None, admin1=name))).iloc[0]
    assert (row["location"], row["admin1"]) == (plain, plain)


@given(st.text(max_size=30))
@scaled(100)
def test_ascii_names_are_ascii_and_leave_ascii_alone(name: str) -> None:
    assert ascii_name(name).isascii()
    assert ascii_name(ascii_name(name)) == ascii_name(name)
    if name.isascii():
        assert ascii_name(name) == name


def test_ids_are_stable_unique_and_name_the_country(coded: Path) -> None:
    events = eventcoder.read_events(coded)
    first, second = to_acled(events, all_rows=True), to_acled(events, all_rows=True)
    assert first["event_id_cnty"].tolist() == second["event_id_cnty"].tolist()
    assert first["event_id_cnty"].is_unique
    assert first["event_id_cnty"].str.fullmatch(r"[A-Z]{3}\d+").all()
    assert event_id_cnty("00000000000000ff", "AFG") == "AFG255"
    assert event_id_cnty("00000000000000ff", None) == "XXX255"


@given(st.lists(st.from_regex(r"[0-9a-f]{16}", fullmatch=True), unique=True, max_size=20),
       st.sampled_from(["PAK", "AFG", None]))
@scaled(50)
def test_ids_are_unique_where_event_ids_are(ids: list[str], iso3: str | None) -> None:
    made = [event_id_cnty(i, iso3) for i in ids]
    assert len(set(made)) == len(made)


def test_rows_acled_would_not_record_are_left_out_unless_asked() -> None:
    frame = _frame(_row(), _row(event_id="0000000000000001", status="planned"),
                   _row(event_id="0000000000000002", acled_event_type=None),
                   _row(event_id="0000000000000003", event_date=pd.NaT))
    assert to_acled(frame)["event_id_cnty"].tolist() == ["PAK255"]
    assert len(to_acled(frame, all_rows=True)) == 4


def test_row_values_follow_acleds_conventions() -> None:
    row = to_acled(_frame(_row(fatalities=None, civilian_targeting=True,
                               mention_sentences=["Two died.", "Two  died."])),
                   timestamp=1772150400).iloc[0]
    assert row["fatalities"] == 0  # ACLED: no report of deaths is 0
    assert row["civilian_targeting"] == "Civilian targeting"
    assert row["notes"] == "Troops clashed with rebels. Two died."
    assert (row["year"], row["event_date"]) == (2026, pd.Timestamp("2026-02-26"))
    assert (row["latitude"], row["longitude"]) == (30.1841, 67.0014)  # four decimals
    assert row["timestamp"] == 1772150400
    assert pd.isna(row["source_scale"]) and pd.isna(row["tags"])


def test_notes_keep_each_sentence_once_in_order() -> None:
    assert notes("A  b.", ["C.", "A b.", "C."]) == "A b. C."
    assert notes("A.", None) == "A."


def test_the_timestamp_honours_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert to_acled(_frame(_row()))["timestamp"].tolist() == [1700000000]


def test_csv_dates_are_year_month_day(tmp_path: Path) -> None:
    out = write_acled(to_acled(_frame(_row()), timestamp=1), tmp_path / "a.csv")
    assert "2026-02-26,2026," in out.read_text(encoding="utf-8")


# --- the command's checks -------------------------------------------------------------------

def test_the_output_is_checked_before_the_input_is_read(tmp_path: Path) -> None:
    """A bad -o is reported even when EVENTS is not an event table: nothing was read."""
    not_a_table = tmp_path / "notes.txt"
    not_a_table.write_text("not parquet", encoding="utf-8")
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    runner = CliRunner()
    for output, message in ((tmp_path / "out.xlsx", "ends in .csv or .parquet"),
                            (not_a_table, "ends in .csv or .parquet"),
                            (folder, "is a folder")):
        result = runner.invoke(main, ["export", str(not_a_table), "--format", "acled",
                                      "-o", str(output)])
        assert result.exit_code == 1 and message in result.output, result.output


def test_an_existing_file_is_replaced_only_with_force(coded: Path, tmp_path: Path) -> None:
    out = tmp_path / "a.csv"
    out.write_text("mine", encoding="utf-8")
    runner = CliRunner()
    args = ["export", str(coded), "--format", "acled", "-o", str(out)]
    result = runner.invoke(main, args)
    assert result.exit_code == 1 and "exists" in result.output
    assert out.read_text(encoding="utf-8") == "mine"
    result = runner.invoke(main, [*args, "--force"])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("event_id_cnty,event_date,year")
    assert not list(tmp_path.glob(".*partial"))


def test_the_export_path_is_not_an_input(tmp_path: Path) -> None:
    target = tmp_path / "events.parquet"
    with pytest.raises(ValueError, match="is an input"):
        check_export_path(target, [target], overwrite=True)


def test_text_and_numeric_inter_codes_from_the_command(coded: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    for inter, expected in (("text", "State forces"), ("numeric", 1)):
        out = tmp_path / f"{inter}.parquet"
        result = runner.invoke(main, ["export", str(coded), "--format", "acled",
                                      "--inter", inter, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert expected in set(pd.read_parquet(out)["inter1"].dropna().tolist())


def test_the_command_has_help_with_examples() -> None:
    result = CliRunner().invoke(main, ["export", "--help"])
    assert result.exit_code == 0 and "Examples" in result.output
    assert "--format acled" in result.output
