"""`eventcoder.evaluate_acled` and `eventcoder evaluate --acled`: reading ACLED exports of both
taxonomies, the scoring rule (per ACLED row), the figures, and the command.

The fixtures in tests/data are invented events written for these tests, laid out as ACLED's
exports are: `acled-current.csv` (today's taxonomy, text actor types, "04 March 2024" dates,
an empty note) and `acled-pre2019.csv` (the older taxonomy, ally actors, numeric codes). The
scoring tests give hand-written coded tables, so they do not depend on what the coder finds.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import eventcoder
from eventcoder.acled.export import read_exports
from eventcoder.acled.taxonomy import load_taxonomy
from eventcoder.cli import main
from eventcoder.errors import EventcoderError, InputError
from eventcoder.evaluate_acled import evaluate_acled
from tests.conftest import scaled

DATA = Path(__file__).resolve().parent / "data"
CURRENT = DATA / "acled-current.csv"
OLDER = DATA / "acled-pre2019.csv"
BOTH = [CURRENT, OLDER]
TAXONOMY = load_taxonomy()


def quiet(function: Any, *args: Any, **kwargs: Any) -> Any:
    """Call without the (expected) warning about the fixture's empty note."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return function(*args, **kwargs)


def _value(value: Any) -> Any:
    """None for any missing value (None, NaN, NA)."""
    return None if value is None or pd.isna(value) else value


# --- the taxonomy file ----------------------------------------------------------------------

def test_taxonomy_holds_acleds_types() -> None:
    assert len(TAXONOMY.event_types) == 6
    assert len(TAXONOMY.sub_event_types()) == 25
    assert TAXONOMY.macro_groups() == ["Battles", "Explosions/Remote violence",
                                       "Violence against civilians", "Protests/Riots",
                                       "Strategic developments"]


def test_a_broken_taxonomy_file_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "taxonomy.yaml"
    bad.write_text((Path(eventcoder.__file__).parent / "acled" / "taxonomy.yaml").read_text()
                   .replace("{event_type: Battles, sub_event_type: Armed clash}",
                            "{event_type: Battles, sub_event_type: Skirmish}"))
    with pytest.raises(EventcoderError, match="taxonomy.yaml"):
        load_taxonomy(bad)


# --- reading exports ------------------------------------------------------------------------

READ = [  # row_id, today's type, sub-event type, taxonomy, inter1, inter2, assoc 1, day
    ("TST1001", "Battles", "Armed clash", "current", 1, 3, None, "2024-03-04"),
    ("TST1003", "Explosions/Remote violence", "Shelling/artillery/missile attack", "current",
     3, 7, None, "2024-03-06"),
    ("TST1004", "Protests", "Peaceful protest", "current", 6, 0, "Teachers (Ghana)",
     "2024-03-07"),
    ("TST1006", "Violence against civilians", "Attack", "current", 3, 7, None, "2024-03-09"),
    ("OLD1", "Battles", "Armed clash", "pre-2019", 1, 2, None, "2017-05-03"),
    ("OLD3", "Protests/Riots", None, "pre-2019", 6, 0, "Farmers (India)", "2017-05-04"),
    ("OLD4", "Explosions/Remote violence", None, "pre-2019", 3, 7, None, "2017-05-05"),
    ("OLD5", "Strategic developments", "Non-violent transfer of territory", "pre-2019", 2, 0,
     None, "2017-05-06"),
    ("OLD6", "Battles", "Government regains territory", "pre-2019", 1, 2,
     "AMISOM: African Union Mission in Somalia (2007-)", "2017-05-07"),
    ("OLD7", "Strategic developments", None, "pre-2019", 3, 0, None, "2017-05-08"),
]


@pytest.mark.parametrize("row_id, event_type, sub, taxonomy, inter1, inter2, assoc, day", READ)
def test_both_taxonomies_are_read_in_todays_terms(row_id: str, event_type: str, sub: Any,
                                                  taxonomy: str, inter1: int, inter2: int,
                                                  assoc: Any, day: str) -> None:
    rows, _ = quiet(read_exports, BOTH, TAXONOMY)
    row = rows.set_index("row_id").loc[row_id]
    assert (row.event_type, _value(row.sub_event_type), row.taxonomy) == \
        (event_type, sub, taxonomy)
    assert (row.inter1, row.inter2, _value(row.assoc_actor_1)) == (inter1, inter2, assoc)
    assert row.event_date == pd.Timestamp(day)


def test_an_empty_note_is_left_out_with_a_warning() -> None:
    with pytest.warns(UserWarning, match="1 ACLED row"):
        rows, report = read_exports(CURRENT, TAXONOMY)
    assert "TST1008" not in set(rows["row_id"]) and report.empty_notes == 1


HEADER = "event_id_cnty,event_date,event_type,actor1,inter1,notes,fatalities\n"
GOOD = 'A1,2020-01-02,Riots/Protests,Protesters (Chad),6,"Traders in\nNdjamena closed shops.",0\n'
BAD_ROWS = [  # the third record (line 4: the note above spans two lines) is bad
    ('A2,2020-01-03,Skirmish,Rioters (Chad),5,"A crowd threw stones.",0', "unknown ACLED event"),
    ('A2,yesterday,Riots/Protests,Rioters (Chad),5,"A crowd threw stones.",0', "is not a date"),
    ('A2,2020-01-03,Riots/Protests,Rioters (Chad),Mob,"A crowd threw stones.",0',
     "not an ACLED actor type"),
    ('A2,2020-01-03,Riots/Protests,Rioters (Chad),5,"A crowd threw stones.",some', "not a number"),
    ('A1,2020-01-03,Riots/Protests,Rioters (Chad),5,"A crowd threw stones.",0', "already used"),
    ('A2,2020-01-03,Riots/Protests,Rioters (Chad),5,"A crowd threw stones."', "fields where"),
]


@pytest.mark.parametrize("line, message", BAD_ROWS)
def test_a_bad_row_is_named_by_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "export.csv"
    path.write_text(HEADER + GOOD + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message) as error:
        read_exports(path, TAXONOMY)
    assert f"{path}:4" in str(error.value)
    if message != "fields where":  # a broken CSV record stops the reading in any case
        with pytest.warns(UserWarning, match="1 ACLED row"):
            rows, report = read_exports(path, TAXONOMY, on_error="skip")
        assert list(rows["row_id"]) == ["A1"] and report.bad_rows == 1


def test_a_file_without_acleds_columns_is_named(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("id,text\n1,Something happened.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"other\.csv.*event_id_cnty, event_date, event_type"):
        read_exports(path, TAXONOMY)


# --- the scoring rule, on a hand-coded table ------------------------------------------------

def event(doc: str, name: str, kind: Any, sub: Any = None, **values: Any) -> dict[str, Any]:
    return {"doc_id": doc, "event_id": name, "acled_event_type": kind,
            "acled_sub_event_type": sub, **values}


NIGERIA = {"country": "nigeria", "admin1": "Borno"}
CODED = pd.DataFrame([
    # both sides named, in the other order: Battles are symmetric; case is ignored
    event("TST1001", "e1", "Battles", "Armed clash", actor1="Unidentified Armed Group (Nigeria)",
          actor2="military forces of nigeria", inter1=3, inter2=1, location="GWOZA",
          latitude=11.08, longitude=13.69, fatalities=3, event_date="2024-03-04", **NIGERIA),
    # one note, two rows: each row takes the nearest event, not the first
    event("TST1002", "e2", "Explosions/Remote violence", "Shelling/artillery/missile attack",
          actor1="Unidentified Armed Group (Mali)", actor2="Civilians (Mali)", inter1=3,
          inter2=7, location="Mopti", latitude=14.49, longitude=-4.19, fatalities=None,
          event_date="2024-03-06"),
    event("TST1002", "e3", "Explosions/Remote violence", "Shelling/artillery/missile attack",
          actor1="Unidentified Armed Group (Mali)", actor2="Civilians (Mali)", inter1=3,
          inter2=7, location="Sevare", latitude=14.53, longitude=-4.10, fatalities=1,
          event_date="2024-03-06"),
    # a Riots event for a Protests row: wrong type, right group
    event("TST1004", "e4", "Riots", "Violent demonstration", actor1="Rioters (Ghana)"),
    # attacker and target crossed: not symmetric, both slots wrong
    event("TST1006", "e5", "Violence against civilians", "Attack", actor1="Civilians (Nigeria)",
          actor2="Unidentified Armed Group (Nigeria)", location="Bokkos", fatalities=2),
    event("TST1007", "e6", "Battles", "Armed clash"),  # wrong type
    event("TST1007", "e7", None),  # eventcoder's own type with no ACLED type: no prediction
    event("TST1009", "e8", "Violence against civilians", "Attack", fatalities=1),
    # older taxonomy: regime years aside; a note of two rows with one event
    event("OLD1", "e9", "Battles", "Armed clash", actor1="Military Forces of Afghanistan",
          actor2="Taliban", location="Marjah", latitude=31.52, longitude=64.12, fatalities=4,
          event_date="2017-05-03"),
    event("OLD3", "e10", "Protests", "Peaceful protest"),
    event("OLD4", "e11", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    event("OLD5", "e12", "Strategic developments", "Non-violent transfer of territory"),
    event("OLD6", "e13", "Battles", "Armed clash"),
])

# row, found, found with Protests and Riots together, sub-event found (None: the row has
# no sub-event type), its best event, actors, location, fatalities, within 25 km
OUTCOMES = [
    ("TST1001", True, True, True, "e1", True, True, True, True),
    ("TST1002", True, True, True, "e3", True, True, True, True),
    ("TST1003", True, True, True, "e2", True, True, True, True),
    ("TST1004", False, True, False, None, None, None, None, None),
    ("TST1005", False, False, False, None, None, None, None, None),
    ("TST1006", True, True, True, "e5", False, True, True, False),
    ("TST1007", False, False, False, None, None, None, None, None),
    ("TST1009", True, True, False, "e8", False, False, False, False),
    ("OLD1", True, True, True, "e9", True, True, False, True),
    ("OLD2", True, True, True, "e9", True, False, False, True),
    ("OLD3", True, True, None, "e10", False, False, True, False),
    ("OLD4", True, True, None, "e11", False, False, False, False),
    ("OLD5", True, True, True, "e12", False, False, True, False),
    ("OLD6", True, True, False, "e13", False, False, True, False),
    ("OLD7", False, False, None, None, None, None, None, None),
]


@pytest.fixture(scope="module")
def scored() -> Any:
    return quiet(evaluate_acled, BOTH, coded=CODED)


@pytest.mark.parametrize("row_id, found, group, sub, best, actors, place, deaths, near",
                         OUTCOMES)
def test_each_row_is_scored_by_the_rule(scored: Any, row_id: str, found: bool, group: bool,
                                        sub: Any, best: Any, actors: Any, place: Any,
                                        deaths: Any, near: Any) -> None:
    row = scored.rows.set_index("row_id").loc[row_id]
    assert (row.found, row.found_group, _value(row.found_sub)) == (found, group, sub)
    assert _value(row.coded_event_id) == best
    assert (_value(row.actors_ok), _value(row.location_ok), _value(row.fatalities_ok),
            _value(row.near_ok)) == (actors, place, deaths, near)


# type, rows, found, predictions, correct, F1
BY_TYPE = [
    ("Battles", 4, 4, 4, 3, 2 * 0.75 / 1.75),
    ("Explosions/Remote violence", 3, 3, 3, 3, 1.0),
    ("Violence against civilians", 2, 2, 2, 2, 1.0),
    ("Protests", 1, 0, 0, 0, 0.0),
    ("Riots", 1, 0, 1, 0, 0.0),
    ("Protests/Riots", 1, 1, 1, 1, 1.0),
    ("Strategic developments", 3, 1, 1, 1, 0.5),
]


@pytest.mark.parametrize("name, rows, found, predictions, correct, f1", BY_TYPE)
def test_figures_per_event_type(scored: Any, name: str, rows: int, found: int,
                                predictions: int, correct: int, f1: float) -> None:
    figures = scored.summary()["by_event_type"][name]
    assert (figures["rows"], figures["found"], figures["predictions"], figures["correct"]) == \
        (rows, found, predictions, correct)
    assert figures["f1"] == pytest.approx(f1, abs=1e-3)


def test_figures_per_sub_event_type_and_macro_f1(scored: Any) -> None:
    summary = scored.summary()
    clash = summary["by_sub_event_type"]["Armed clash"]
    # e6 and e13 are judged wrong; e10 and e11 are not judged (their rows have no sub-type)
    assert (clash["rows"], clash["found"], clash["predictions"], clash["correct"]) == (3, 3, 4, 2)
    assert "Remote explosive/landmine/IED" not in summary["by_sub_event_type"]
    # Protests and Riots as one: 3 rows, 2 found, 2 predictions right: F1 0.8
    f1s = [2 * 0.75 / 1.75, 1.0, 1.0, 0.8, 0.5]
    assert summary["macro_f1"] == pytest.approx(sum(f1s) / 5, abs=1e-3)
    assert summary["coded_events"] == 13 and summary["without_acled_type"] == 1
    assert summary["by_country"]["Nigeria"]["rows"] == 3
    assert summary["all"]["fields"]["date"] == pytest.approx(5 / 11, abs=1e-3)
    json.dumps(summary)  # JSON-able


def test_precision_is_per_note_and_recall_per_document() -> None:
    """One report over two days: two rows, one note, two documents (one per date). An event
    is right if any row of its note has its type; a row is found only by its own
    document's events."""
    note = "Troops shelled a hamlet near Kidal and then detained its elders for two days."
    export = pd.DataFrame({
        "event_id_cnty": ["TWO1", "TWO2"], "event_date": ["2019-02-01", "2019-02-02"],
        "event_type": ["Explosions/Remote violence", "Violence against civilians"],
        "sub_event_type": ["Shelling/artillery/missile attack", "Abduction/forced disappearance"],
        "notes": [note, note], "country": ["Mali", "Mali"]})
    coded = pd.DataFrame([event("TWO1", "x1", "Violence against civilians", "Attack")])
    summary = evaluate_acled(export, coded=coded).summary()
    assert summary["documents"] == 2 and summary["notes"] == 1
    assert summary["all"]["precision"] == 1.0 and summary["all"]["found"] == 0


def test_misses_say_what_was_coded(scored: Any) -> None:
    misses = scored.misses.set_index("row_id")
    assert list(misses.index) == ["TST1004", "TST1005", "TST1007", "OLD7"]
    assert misses.at["TST1004", "coded"] == "Riots / Violent demonstration"
    assert misses.at["TST1005", "coded"] == "nothing"
    assert misses.at["TST1004", "excerpt"].startswith("Several hundred teachers")
    page = scored.misses_text(start=1, count=2)
    assert "TST1005" in page and "TST1007" in page and "TST1004" not in page
    assert "1 more" in page
    assert "TST1004" in scored.misses_text(event_type="Protests/Riots")


def test_report_has_every_table(scored: Any) -> None:
    text = scored.report(countries=2, misses=3)
    for piece in ("macro F1", "event type", "sub-event type", "country", "Nigeria (macro F1",
                  "Armed clash", "misses (4 rows"):
        assert piece in text, piece


def test_countries_and_limit_restrict_the_rows() -> None:
    ghana = quiet(evaluate_acled, BOTH, countries=["GHANA"], coded=CODED)
    assert set(ghana.rows["row_id"]) == {"TST1004", "TST1005"}
    with pytest.raises(InputError, match="no rows for atlantis"):
        quiet(evaluate_acled, BOTH, countries="Atlantis", coded=CODED)
    for seed in range(5):
        sample = quiet(evaluate_acled, BOTH, limit=4, seed=seed, coded=CODED)
        again = quiet(evaluate_acled, BOTH, limit=4, seed=seed, coded=CODED)
        ids = list(sample.rows["row_id"])
        assert ids == list(again.rows["row_id"]) and 3 <= len(ids) <= 4
        # a note is kept whole: its rows come together or not at all
        assert ("OLD1" in ids) == ("OLD2" in ids) and ("TST1002" in ids) == ("TST1003" in ids)


# --- properties: a perfect coder scores 1; how the table was coded does not matter --------

PLACES = [("Gwoza", "Borno", "Nigeria", 11.08, 13.69), ("Sévaré", "Mopti", "Mali", 14.53, -4.1),
          ("Kumasi", "Ashanti", "Ghana", 6.69, -1.62), ("Quetta", "Balochistan", "Pakistan",
                                                          30.19, 67.01),
          ("Marjah", "Hilmand", "Afghanistan", 31.52, 64.12), ("Leego", "Bay", "Somalia",
                                                                2.8, 44.1)]
ACTORS = [("Military Forces of Mali (2021-)", 1, "State forces"), ("Rioters (Ghana)", 5, "Rioters"),
          ("Protesters (Ghana)", 6, "Protesters"), ("Civilians (Nigeria)", 7, "Civilians"),
          ("Unidentified Armed Group (Somalia)", 3, "Political militia"), ("Taliban", 2,
                                                                           "Rebel group")]
TODAY = [(t, s) for t, subs in TAXONOMY.event_types.items() for s in subs]


@st.composite
def export_and_coding(draw: Any) -> tuple[pd.DataFrame, list[list[dict[str, Any]]]]:
    """An export (today's taxonomy or the older one) and, per document, the events a coder
    that agrees with ACLED on everything would code from it."""
    older = draw(st.booleans())
    rows, documents = [], []
    for n in range(draw(st.integers(1, 4))):
        places = draw(st.permutations(PLACES))[:draw(st.integers(1, 3))]
        day = f"2021-06-{n + 10}"
        events = []
        for k, (location, admin1, country, lat, lon) in enumerate(places):
            actor1, actor2 = draw(st.sampled_from(ACTORS)), draw(st.sampled_from(ACTORS + [None]))
            deaths = draw(st.integers(0, 5))
            row = {"event_id_cnty": f"R{n}x{k}", "event_date": day, "notes": f"Note {n}.",
                   "actor1": actor1[0], "actor2": actor2[0] if actor2 else "",
                   "country": country, "admin1": admin1, "location": location,
                   "latitude": lat, "longitude": lon, "fatalities": deaths}
            as_text = not older and draw(st.booleans())
            row["inter1"] = actor1[2] if as_text else actor1[1]
            row["inter2"] = (actor2[2] if as_text else actor2[1]) if actor2 else 0
            if older:
                row["event_type"] = draw(st.sampled_from(sorted(TAXONOMY.pre_2019)))
                today, sub = TAXONOMY.pre_2019[row["event_type"]]
                kind = draw(st.sampled_from(TAXONOMY.groups.get(today, (today,))))
                # an older row's event coded as ACLED would: not a sub-event type that the
                # older taxonomy typed by its target
                sub = sub or draw(st.sampled_from([
                    s for s in TAXONOMY.event_types[kind] if s not in TAXONOMY.pre_2019_by_target]))
            else:
                kind, sub = draw(st.sampled_from(TODAY))
                row["event_type"], row["sub_event_type"] = kind, sub
            rows.append(row)
            events.append({"event_id": f"e{n}x{k}", "acled_event_type": kind,
                           "acled_sub_event_type": sub,
                           "actor1": TAXONOMY.regime_years.sub("", actor1[0]).strip().upper(),
                           "actor2": actor2[0] if actor2 else None,
                           "inter1": actor1[1], "inter2": actor2[1] if actor2 else None,
                           "country": country, "admin1": admin1.lower(),
                           "location": location.replace("é", "e"), "latitude": lat + 0.01,
                           "longitude": lon, "fatalities": deaths or draw(st.sampled_from(
                               [0, None])), "event_date": day})
        documents.append(events)
    return pd.DataFrame(rows), documents


def coded_table(export: pd.DataFrame, documents: list[list[dict[str, Any]]], per_row: bool,
                order: list[int]) -> pd.DataFrame:
    """The events, under each document's first row id, or under every row id of it (as a
    table coded one row at a time holds them), in the row order `order` picks."""
    ids = export.groupby("notes", sort=False)["event_id_cnty"].apply(list).tolist()
    table = [{**e, "doc_id": row_id, "event_id": f"{e['event_id']}@{row_id}"}
             for row_ids, events in zip(ids, documents) for row_id in row_ids[:None if per_row
                                                                               else 1]
             for e in events]
    return pd.DataFrame([table[i % len(table)] for i in order]).drop_duplicates("event_id")


def figures(export: pd.DataFrame, coded: pd.DataFrame) -> dict[str, Any]:
    summary = evaluate_acled(export, coded=coded).summary()
    summary.pop("cpu_seconds")
    return summary


@scaled(20)
@given(export_and_coding(), st.randoms(use_true_random=False))
def test_a_coder_that_agrees_with_acled_scores_one(data: Any, random: Any) -> None:
    export, documents = data
    size = sum(len(d) for d in documents) * len(export)
    order = list(range(size))
    summary = figures(export, coded_table(export, documents, False, order))
    assert summary["macro_f1"] == 1.0
    for name, entry in {**summary["by_event_type"], **summary["by_sub_event_type"]}.items():
        assert entry["precision"] == entry["recall"] == 1.0, (name, entry)
        for field, accuracy in entry["fields"].items():
            assert accuracy in (None, 1.0) or field == "median_km", (name, field, accuracy)
    assert summary["all"]["fields"]["actors"] == summary["all"]["fields"]["near"] == 1.0
    # coded one row at a time, in any order: the same figures
    random.shuffle(order)
    assert figures(export, coded_table(export, documents, True, order)) == summary


def label(kind: str, older: bool) -> str:
    """The type a row or event is scored under: an older export's Protests or Riots event
    is a "Protests/Riots" event."""
    group = TAXONOMY.group_of(kind)
    return group if older and group != kind else kind


@scaled(10)
@given(export_and_coding(), st.sets(st.integers(0, 20)))
def test_a_row_is_found_when_its_document_keeps_an_event_of_its_type(
        data: Any, dropped: set[int]) -> None:
    export, documents = data
    older = "sub_event_type" not in export.columns
    table = coded_table(export, documents, False, list(range(sum(len(d) for d in documents))))
    kept = table[[i not in dropped for i in range(len(table))]]
    kinds = {(note, label(e["acled_event_type"], older)) for note, e in zip(
        kept["doc_id"].str.split("x").str[0], kept.to_dict("records"))}
    expected = sum((row_id.split("x")[0], TAXONOMY.row_type(kind, "", False).event_type
                    if older else kind) in kinds
                   for row_id, kind in zip(export["event_id_cnty"], export["event_type"]))
    summary = figures(export, kept)
    assert summary["all"]["found"] == expected
    assert summary["all"]["predictions"] == len(kept)
    assert summary["all"]["precision"] in (None, 1.0)


# --- the coder, and the command -------------------------------------------------------------

@pytest.fixture(scope="module")
def coded_by_coder(coder: Any) -> Any:
    return quiet(evaluate_acled, BOTH, coder=coder)


def test_the_notes_are_coded_once_per_document(coded_by_coder: Any) -> None:
    summary = coded_by_coder.summary()
    assert (summary["rows"], summary["documents"], summary["notes"]) == (15, 13, 13)
    assert summary["left_out"] == {"empty_notes": 1, "bad_rows": 0}
    assert set(coded_by_coder.events["doc_id"]) <= set(coded_by_coder.rows["doc_id"])
    # a plain armed clash between soldiers and gunmen, in a named town
    assert coded_by_coder.rows.set_index("row_id").at["TST1001", "found"]


@pytest.mark.filterwarnings("ignore:.*(empty notes|belong to no row)")
def test_the_command_scores_a_coded_table_as_the_library_does(coded_by_coder: Any,
                                                              tmp_path: Path) -> None:
    table = tmp_path / "events.parquet"
    eventcoder.write_events(coded_by_coder.events, table)
    runner = CliRunner()
    out = tmp_path / "rows.csv"
    result = runner.invoke(main, ["evaluate", "--acled", str(CURRENT), "--acled", str(OLDER),
                                  "--coded", str(table), "--json", "--rows", str(out)])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output[result.output.index("{"):])
    expected = coded_by_coder.summary()
    for key in ("by_event_type", "by_sub_event_type", "by_country", "macro_f1", "all"):
        assert printed[key] == expected[key], key
    assert len(pd.read_csv(out)) == 15


@pytest.mark.filterwarnings("ignore:.*(empty notes|belong to no row)")
def test_the_command_pages_through_misses(tmp_path: Path) -> None:
    table = tmp_path / "hand.parquet"
    CODED.to_parquet(table)  # any table with doc_id and the scored columns will do
    result = CliRunner().invoke(main, ["evaluate", "--acled", str(CURRENT), "--coded",
                                       str(table), "--misses", "1", "--misses-from", "1",
                                       "--country", "Ghana"])
    assert result.exit_code == 0, result.output
    assert "misses (2 rows" in result.output
    assert "TST1005" in result.output and "TST1004" not in result.output


@pytest.mark.parametrize("arguments, message", [
    ([], "either --gold"),
    (["--gold", str(CURRENT), "--acled", str(CURRENT)], "either --gold"),
    (["--acled", str(CURRENT), str(DATA)], "no INPUTS"),
    (["--gold", str(CURRENT)], "needs the INPUTS"),
])
def test_the_command_says_what_it_needs(arguments: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["evaluate", *arguments])
    assert result.exit_code == 2 and message in result.output


def test_the_command_names_a_bad_export(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(HEADER + GOOD + BAD_ROWS[0][0] + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", "--acled", str(path), "--coded",
                                       str(path)])
    assert result.exit_code == 1 and f"{path}:4" in result.output


# --- today's sub-event types that the older taxonomy typed by target -------------------------

@pytest.mark.parametrize("older_type, today_type, sub, civilians, found", [
    ("Battle-No change of territory", "Explosions/Remote violence", "Grenade", False, True),
    ("Violence against civilians", "Explosions/Remote violence", "Grenade", True, True),
    ("Violence against civilians", "Explosions/Remote violence", "Suicide bomb", True, True),
    ("Battle-No change of territory", "Explosions/Remote violence", "Suicide bomb", False, True),
    # the other target, or an older Remote violence row: not this event's type
    ("Battle-No change of territory", "Explosions/Remote violence", "Grenade", True, False),
    ("Remote violence", "Explosions/Remote violence", "Grenade", False, False),
    # other sub-event types keep today's type
    ("Remote violence", "Explosions/Remote violence", "Remote explosive/landmine/IED", False,
     True),
    ("Battle-No change of territory", "Explosions/Remote violence",
     "Remote explosive/landmine/IED", False, False),
])
def test_older_rows_type_a_grenade_or_suicide_bomb_by_its_target(
        older_type: str, today_type: str, sub: str, civilians: bool, found: bool) -> None:
    export = pd.DataFrame({
        "event_id_cnty": ["TGT1"], "event_date": ["2016-08-09"], "event_type": [older_type],
        "notes": ["A man lobbed a hand bomb at a patrol outside the depot; two were hurt."],
        "country": ["Kenya"]})
    coded = pd.DataFrame([event("TGT1", "t1", today_type, sub, civilian_targeting=civilians)])
    summary = evaluate_acled(export, coded=coded).summary()
    assert summary["all"]["found"] == int(found)
    assert summary["all"]["precision"] == float(found)


def test_todays_rows_keep_a_grenade_as_an_explosion() -> None:
    export = pd.DataFrame({
        "event_id_cnty": ["TGT2"], "event_date": ["2021-08-09"],
        "event_type": ["Explosions/Remote violence"], "sub_event_type": ["Grenade"],
        "notes": ["A man lobbed a hand bomb at a patrol outside the depot; two were hurt."],
        "country": ["Kenya"]})
    coded = pd.DataFrame([event("TGT2", "t1", "Explosions/Remote violence", "Grenade",
                                civilian_targeting=False)])
    assert evaluate_acled(export, coded=coded).summary()["all"]["found"] == 1


def test_a_by_target_entry_must_name_known_types(tmp_path: Path) -> None:
    text = (Path(eventcoder.__file__).parent / "acled" / "taxonomy.yaml").read_text()
    broken = tmp_path / "taxonomy.yaml"
    broken.write_text(text.replace("Grenade: {armed: Battles", "Grenade: {armed: Battels"))
    with pytest.raises(EventcoderError, match="pre_2019_by_target"):
        load_taxonomy(broken)
