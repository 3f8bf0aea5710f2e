"""Readers: text files, JSON Lines, DataFrames; publication dates; bad input."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder import InputError
from eventcoder.errors import InputWarning
from eventcoder.documents import (FIRST_STORABLE_DAY, LAST_STORABLE_DAY, documents_from_frame,
                                  documents_from_texts, make_document,
                                  parse_published, read_paths)
from tests.conftest import scaled


@pytest.mark.parametrize("text,expected", [
    ("date 2026-02-27 Ankara urged calm.", dt.date(2026, 2, 27)),
    ("spinning logo\n10 Feb 2026\n\nHeadline here", dt.date(2026, 2, 10)),
    ("March 3, 2025\nHeadline", dt.date(2025, 3, 3)),
    ("KABUL, Oct 25 (Reuters) - Talks resumed. The 2025 talks were long.", dt.date(2025, 10, 25)),
    ("KABUL, Oct. 25, 2024 (AP) — Talks resumed.", dt.date(2024, 10, 25)),
    ("KABUL, Oct 25 (Reuters) - Talks resumed with no year anywhere.", None),
    ("Talks resumed in Doha on 10 Feb 2026 after a pause.", None),
    ("date 0001-01-01 Ankara urged calm.", None),  # no date the table could hold
    ("1 March 1500\nHeadline", None),
])
def test_header_dates(coder, text: str, expected: dt.date | None) -> None:
    assert coder.headers.read(text)[0] == expected


def test_header_words_and_months_are_language_data(tmp_path: Path) -> None:
    from eventcoder.headers import HeaderReader
    from eventcoder.lexicon import BUNDLED, load_lexicon

    (tmp_path / "headers.yaml").write_text(
        "language:\n  segment:\n    header_words: [fecha]\n", encoding="utf-8")
    language = load_lexicon([BUNDLED, tmp_path]).language
    reader = HeaderReader(language.dates, language.segment)
    assert reader.read("Fecha: 2026-02-27\nTalks resumed.")[0] == dt.date(2026, 2, 27)
    bundled = load_lexicon().language
    assert HeaderReader(bundled.dates, bundled.segment).read(
        "Fecha: 2026-02-27\nTalks resumed.")[0] is None


def test_header_is_not_coded(coder) -> None:
    events = coder.code_texts(["KABUL, Oct 25 (Reuters) - Afghan and Pakistani troops clashed "
                               "near Chaman on Thursday. In 2025 such clashes were common."])
    assert len(events) == 1
    assert not events.iloc[0]["sentence"].startswith("KABUL")
    assert pd.Timestamp(events.iloc[0]["event_date"]).date() == dt.date(2025, 10, 23)


def test_metadata_date_wins_over_header(coder) -> None:
    events = coder.code_texts(["date 2026-02-27 Pakistan and Afghanistan clashed on Thursday."],
                              published="2026-03-06")
    assert pd.Timestamp(events.iloc[0]["event_date"]).date() == dt.date(2026, 3, 5)


def test_text_files_and_jsonl(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Troops clashed.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        '{"id": "x1", "text": "Talks began.", "published": "2026-01-02", "source": "Wire"}\n'
        '\n{"id": "x2", "text": "More talks."}\n', encoding="utf-8")
    docs = list(read_paths([tmp_path]))
    assert [d.doc_id for d in docs] == ["a", "x1", "x2"]
    assert docs[1].published == dt.date(2026, 1, 2) and docs[1].source == "Wire"


@pytest.mark.parametrize("name,content,line,message", [
    ("empty.txt", b"   \n", None, "empty"),
    ("bad.txt", b"Fine line\nbad \xff byte\n", 2, "UTF-8"),
    ("bad.jsonl", b'{"id": "1", "text": "ok"}\n{"id": "2", "text": \n', 2, "malformed JSON"),
    ("noid.jsonl", b'{"text": "ok"}\n', 1, "no 'id'"),
    ("notext.jsonl", b'{"id": "1", "text": 3}\n', 1, "'text'"),
    ("emptytext.jsonl", b'{"id": "1", "text": ""}\n', 1, "empty"),
    ("bom.txt", b"\xef\xbb\xbfFine line\nbad \xff byte\n", 2, "byte 0xff at offset 17"),
    ("bom.jsonl", b'\xef\xbb\xbf{"id": "1", "text": "\xe9"}\n', 1, "byte 0xe9"),
    ("twice.jsonl", b'{"id": "1", "text": "ok"}\n{"id": 1, "text": "ok"}\n', 2,
     "already used by"),
    ("surrogate.jsonl", b'{"id": "1", "text": "ok \\ud800"}\n', 1, "lone surrogate"),
    ("source.jsonl", b'{"id": "1", "text": "ok", "source": "\\udc00"}\n', 1, "'source'"),
    ("ancient.jsonl", b'{"id": "1", "text": "ok", "published": "1500-01-01"}\n', 1,
     "outside the dates"),
])
def test_bad_input_names_file_and_line(tmp_path: Path, name: str, content: bytes,
                                       line: int | None, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        list(read_paths([path]))
    assert info.value.problem.path.endswith(name)
    assert info.value.problem.line == line
    assert message in str(info.value)


# What a JSON Lines line of blanks is: ASCII blanks (after a byte order mark) are skipped;
# the other characters Python's str.isspace counts (information separators, NEL, line and
# paragraph separators, no-break spaces) are not JSON, so such a line is a bad line, as the
# file-level "holds no article" test and the progress bar's count read it.
@pytest.mark.parametrize("line,blank", [
    (b"", True), (b" ", True), (b"\t \x0b\x0c", True), (b"\r", True),
    (b"\xef\xbb\xbf", True), (b"\xef\xbb\xbf \t", True),
    (b"\x1c", False), (b"\x1c\x1d\x1e\x1f", False), (b" \x1f ", False),
    (b"\xef\xbb\xbf\x1c", False), (b"\xc2\x85", False), (b"\xe2\x80\xa8", False),
    (b"\xc2\xa0", False), (b"\xe3\x80\x80", False),
])
def test_a_line_of_blanks_is_skipped_and_a_line_of_separators_is_bad(
        tmp_path: Path, line: bytes, blank: bool) -> None:
    path = tmp_path / "lines.jsonl"
    path.write_bytes(b'{"id": "1", "text": "Talks began."}\n' + line + b'\n'
                     b'{"id": "3", "text": "Talks ended."}\n')
    if blank:
        assert [d.doc_id for d in read_paths([path])] == ["1", "3"]
    else:
        with pytest.raises(InputError) as info:
            list(read_paths([path]))
        assert info.value.problem.line == 2


def test_skip_keeps_the_other_articles(tmp_path: Path, caplog) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"id": "1", "text": "Talks began."}\nnot json\n\xff\xfe\n'
                     b'{"id": "4", "text": "Talks ended."}\n')
    with caplog.at_level(logging.WARNING), pytest.warns(InputWarning) as warned:
        docs = list(read_paths([path], on_error="skip"))
    assert len(warned) == 2
    assert [d.doc_id for d in docs] == ["1", "4"]
    assert "mixed.jsonl:2" in caplog.text and "mixed.jsonl:3" in caplog.text


def test_frame_input(coder) -> None:
    frame = pd.DataFrame({"id": ["n1", "n2"], "text": [
        "Ukraine and Russia will hold talks in Istanbul on Monday.", "Nothing happened."],
        "published": ["2026-03-06", None]})
    events = coder.code_frame(frame)
    assert events["doc_id"].tolist() == ["n1"]
    assert pd.Timestamp(events.iloc[0]["event_date"]).date() == dt.date(2026, 3, 9)


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        list(read_paths([tmp_path / "nope"]))


def test_the_storable_days_are_those_of_datetime64_ns() -> None:
    # In integer nanoseconds since 1970: pandas before 3 raises on a Timestamp out of
    # datetime64[ns]'s range instead of comparing it.
    def ns(day: dt.date) -> int:
        return (day - dt.date(1970, 1, 1)).days * 86_400 * 10**9

    one = dt.timedelta(days=1)
    assert ns(FIRST_STORABLE_DAY - one) < pd.Timestamp.min.value <= ns(FIRST_STORABLE_DAY)
    assert ns(LAST_STORABLE_DAY) <= pd.Timestamp.max.value < ns(LAST_STORABLE_DAY + one)


def test_an_id_given_twice_is_an_input_error_or_skipped(coder, tmp_path: Path, caplog) -> None:
    # Two articles with one id share their event ids: the table would fail its schema.
    clash = "Pakistan and Afghanistan exchanged fire."
    with pytest.raises(InputError, match=r"text\[2\] \[a\]: the id is already used by text\[0\]"):
        coder.code_texts([clash, "Talks began.", clash], ids=["a", "b", "a"])
    with pytest.raises(InputError, match=r"text\[1\].*same text"):
        coder.code_texts([clash, clash])  # without ids, an id is a hash of the text
    frame = pd.DataFrame({"id": ["a", "a"], "text": [clash, clash]})
    with pytest.raises(InputError, match=r"<DataFrame row 1> \[a\].*<DataFrame row 0>"):
        coder.code_frame(frame)
    with caplog.at_level(logging.WARNING), pytest.warns(InputWarning) as warned:
        kept = [coder.code_frame(frame, on_error="skip"),
                coder.code_texts([clash, clash], on_error="skip")]
    assert [df["doc_id"].nunique() for df in kept] == [1, 1] and len(warned) == 2
    assert [df.attrs["eventcoder"]["skipped"] for df in kept] == [1, 1]
    assert "<DataFrame row 1>" in caplog.text and "text[1]" in caplog.text
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "a.txt").write_text(clash, encoding="utf-8")
    (tmp_path / "two" / "a.txt").write_text(clash, encoding="utf-8")
    # Ids are paths relative to the folder given: one folder holding both reads both ...
    assert set(coder.code_files(tmp_path, merge="article")["doc_id"]) == {"one/a", "two/a"}
    # ... two folders given apart each give the id "a".
    with pytest.raises(InputError, match=r"two/a\.txt \[a\]: .* by .*one/a\.txt"):
        coder.code_files([tmp_path / "one", tmp_path / "two"])


def test_ids_must_match_the_texts() -> None:
    with pytest.raises(InputError, match="fewer ids than texts"):
        list(documents_from_texts(["Talks began.", "Talks ended."], ids=["a"]))
    with pytest.raises(InputError, match="2 ids for 1 texts"):
        list(documents_from_texts(["Talks began."], ids=["a", "b"]))


def test_a_frame_row_without_id_is_an_input_error() -> None:
    frame = pd.DataFrame({"id": ["a", None, " "], "text": ["Talks began."] * 3})
    with pytest.raises(InputError, match=r"<DataFrame row 1>: the article has no id"):
        list(documents_from_frame(frame))
    with pytest.warns(InputWarning) as warned:
        assert [d.doc_id for d in documents_from_frame(frame, on_error="skip")] == ["a"]
    assert ["row 1" in str(w.message) for w in warned] == [True, False]


@pytest.mark.parametrize("published", ["0001-01-01", dt.date(1677, 9, 21), "2262-04-12"])
def test_a_publication_date_the_table_cannot_hold_is_an_input_error(coder, published) -> None:
    with pytest.raises(InputError, match=r"text\[0\].*outside the dates the table can hold"):
        coder.code_texts(["Pakistan and Afghanistan exchanged fire."], published=published)
    frame = pd.DataFrame({"id": ["a"], "text": ["Talks began."], "published": [published]})
    with pytest.raises(InputError, match=r"<DataFrame row 0>.*outside"):
        coder.code_frame(frame)


def test_the_bounds_of_the_storable_days_are_read(coder) -> None:
    for day in (FIRST_STORABLE_DAY, LAST_STORABLE_DAY):
        events = coder.code_texts(["Pakistan and Afghanistan exchanged fire."], published=day)
        assert pd.Timestamp(events.iloc[0]["published"]).date() == day


@pytest.mark.parametrize("field", ["text", "source", "url"])
def test_a_lone_surrogate_in_any_field_is_an_input_error(field: str) -> None:
    values = {"id": "a", "text": "Talks began.", "source": "Wire", "url": "https://x.org"}
    values[field] = values[field] + "\udc00"
    with pytest.raises(InputError, match=rf"<DataFrame row 0>.*'{field}'.*lone surrogate"):
        list(documents_from_frame(pd.DataFrame([values], dtype=object)))
    if field == "text":
        with pytest.raises(InputError, match=r"text\[0\]"):
            list(documents_from_texts([values["text"]]))


def test_documents_made_by_hand_with_one_id_are_an_input_error(coder) -> None:
    doc = make_document("a", "Pakistan and Afghanistan exchanged fire.")
    with pytest.raises(InputError, match=r"document\[1\] \[a\]: .* document\[0\]"):
        coder.code_documents([doc, doc])


# --- publication dates from metadata (eventcoder.published) --------------------------------

@pytest.mark.parametrize("value,expected", [
    ("2026-02-27", dt.date(2026, 2, 27)),
    (" 2026-02-27 ", dt.date(2026, 2, 27)),
    ("2026-02-27T23:30:00-05:00", dt.date(2026, 2, 27)),  # the day as written, not UTC
    ("2026-02-27T10:00Z", dt.date(2026, 2, 27)),
    ("2026/02/27", dt.date(2026, 2, 27)),
    ("27 February 2026", dt.date(2026, 2, 27)),
    ("27th Feb. 2026", dt.date(2026, 2, 27)),
    ("February 27, 2026", dt.date(2026, 2, 27)),
    ("Fri, 27 Feb 2026 10:15:00 +0000", dt.date(2026, 2, 27)),
    ("27/02/2026", dt.date(2026, 2, 27)),
    ("02/27/2026", dt.date(2026, 2, 27)),
    ("05.05.2026", dt.date(2026, 5, 5)),
    (1772150400, dt.date(2026, 2, 27)),
    (1772150400.0, dt.date(2026, 2, 27)),
    (np.int64(1772236799), dt.date(2026, 2, 27)),
    (-86400, dt.date(1969, 12, 31)),
    (dt.datetime(2026, 2, 27, 23, 59), dt.date(2026, 2, 27)),
    (pd.Timestamp("2026-02-27 01:00", tz="Asia/Kabul"), dt.date(2026, 2, 27)),
    (np.datetime64("2026-02-27T10:00"), dt.date(2026, 2, 27)),
    (None, None), ("", None), ("  ", None), (float("nan"), None), (pd.NaT, None),
    (pd.NA, None), (np.datetime64("NaT"), None),
])
def test_publication_values_that_are_read(value, expected) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value,message", [
    ("02/03/2026", "ambiguous"), ("2025", "a year is not a day"),
    ("2025-10", "a month is not a day"), ("20260227", "epoch seconds as a number"),
    ("now", "the clock is never read"), ("today", "the clock is never read"),
    ("NaT", "cannot read"), ("nan", "cannot read"), ("-2025-01-01", "cannot read"),
    ("2026-02-30", "day is out of range"), ("31/02/2026", "no day in either order"),
    ("2026-02-27 later", "not an ISO 8601 time"), (True, "boolean"),
    (1772150400000, "epoch milliseconds"), (float("inf"), "cannot read"),
    ({"y": 1}, "a dict"), (np.datetime64("1500-01-01"), "outside"),
    (dt.datetime(1500, 1, 1), "outside"), ("2262-04-12", "outside"),
])
def test_publication_values_that_are_refused(value, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_published(value)


def test_dayfirst_says_how_to_read_numeric_dates() -> None:
    assert parse_published("02/03/2026", dayfirst=True) == dt.date(2026, 3, 2)
    assert parse_published("02/03/2026", dayfirst=False) == dt.date(2026, 2, 3)
    with pytest.raises(ValueError, match="month must be"):
        parse_published("02/27/2026", dayfirst=True)


STORABLE_DAYS = st.dates(min_value=FIRST_STORABLE_DAY, max_value=LAST_STORABLE_DAY)
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]


@scaled(100)
@given(STORABLE_DAYS, st.integers(0, 86399), st.booleans())
def test_every_written_form_of_a_day_reads_as_that_day(day: dt.date, second: int,
                                                      dayfirst: bool) -> None:
    epoch = (day - dt.date(1970, 1, 1)).days * 86400 + second
    name = MONTH_NAMES[day.month - 1]
    numeric = f"{day.day:02d}/{day.month:02d}/{day.year}" if dayfirst else \
        f"{day.month:02d}/{day.day:02d}/{day.year}"
    forms = [day.isoformat(), f"{day.isoformat()}T00:00:00+05:00", day.strftime("%Y/%m/%d"),
             f"{day.day} {name} {day.year}", f"{name} {day.day}, {day.year}",
             f"{name[:3]}. {day.day} {day.year}", epoch, float(epoch), day,
             dt.datetime.combine(day, dt.time()), pd.Timestamp(day)]
    for form in forms:
        assert parse_published(form) == day, form
    assert parse_published(numeric, dayfirst=dayfirst) == day
    # Without dayfirst a numeric date is read only when a single order makes a day: in the
    # other order, the day of the month would be the month.
    unambiguous = day.day > 12 or day.day == day.month
    if unambiguous:
        assert parse_published(numeric) == day
    else:
        with pytest.raises(ValueError, match="ambiguous"):
            parse_published(numeric)


# --- which files a folder gives, and the ids of .txt articles ------------------------------

@pytest.mark.parametrize("tree,given,ids", [
    (["a.txt", "b.TXT", "c.Jsonl"], ".", ["a", "b", "c1"]),
    (["x/2025-10-16/article.txt", "x/2025-10-25/article.txt"], "x",
     ["2025-10-16/article", "2025-10-25/article"]),
    (["x/2025-10-16/article.txt"], "x/2025-10-16", ["article"]),
    (["x/2025-10-16/article.txt"], "x/2025-10-16/article.txt", ["article"]),
    (["x/a.b.txt"], "x", ["a.b"]),
    (["x/.git/a.txt", "x/sub/.draft.txt", "x/ok.txt"], "x", ["ok"]),
])
def test_ids_of_text_articles(tmp_path: Path, tree: list[str], given: str,
                              ids: list[str]) -> None:
    for name in tree:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if name.lower().endswith(".jsonl"):
            path.write_text('{"id": "c1", "text": "Talks began."}\n', encoding="utf-8")
        else:
            path.write_text("Talks began.", encoding="utf-8")
    assert [d.doc_id for d in read_paths([tmp_path / given])] == ids


def test_the_article_frame_contract_names_the_row() -> None:
    frame = pd.DataFrame({"doc_id": ["a", "b", True, "d"], "text": ["Talks began.", 3, "x", "y"],
                          "source": ["Wire", None, None, 5]}, dtype=object)
    with pytest.raises(InputError, match=r"<DataFrame row 1>: the article text is empty or "
                                         r"not a string"):
        list(documents_from_frame(frame))
    with pytest.warns(InputWarning) as warned:
        assert [d.doc_id for d in documents_from_frame(frame, on_error="skip")] == ["a"]
    assert [str(w.message) for w in warned] == [
        "skipped: <DataFrame row 1>: the article text is empty or not a string",
        "skipped: <DataFrame row 2>: the id must be a non-blank string or an integer",
        "skipped: <DataFrame row 3>: 'source' must be a string"]
    with pytest.raises(InputError, match="needs columns 'id' \\(or 'doc_id'\\) and 'text'"):
        list(documents_from_frame(frame.drop(columns=["text"])))
