"""The codebook's examples: docs/examples/codebook.yaml holds every example sentence of
docs/codebook.md with the events it codes to. Each entry is coded and compared, and the
codebook must quote exactly the sentences of the file, so a stale example fails here."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
CODEBOOK = ROOT / "docs" / "codebook.md"
EXAMPLES = ROOT / "docs" / "examples" / "codebook.yaml"
# Compared in every event; left out of an entry, they must be null (mediators: empty).
CORE = ("event_type", "status", "actor1", "actor2", "mediators", "location", "geo_precision",
        "event_date", "time_precision", "fatalities")
# A sentence in italics: a capital first, a full stop last; it may run over lines of a
# quotation or of a list item.
_ITALIC = re.compile(r"(?<![*\w])\*([A-Z][^*\n]*(?:\n[^*\n]+)*?[.!?])\*(?!\*)")


def _data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(EXAMPLES.read_text(encoding="utf-8"))
    return data


DATA = _data()
ENTRIES = DATA["entries"]


def quoted_sentences(markdown: str) -> set[str]:
    return {re.sub(r"\s*\n[ >]*", " ", m).strip() for m in _ITALIC.findall(markdown)}


def _value(value: Any) -> Any:
    if isinstance(value, list):
        return value
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if value is None or pd.isna(value):
        return None
    return value.item() if hasattr(value, "item") else value


def _expected(event: dict[str, Any]) -> dict[str, Any]:
    out = {k: event.get(k, [] if k == "mediators" else None) for k in CORE}
    out.update({k: v for k, v in event.items() if k not in CORE and k != "rule"})
    return out


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["sentences"][0][:50])
def test_codebook_example_codes_as_the_codebook_says(coder, entry: dict[str, Any]) -> None:
    published = entry.get("published", DATA["published"])
    assert isinstance(published, dt.date)
    text = " ".join([*([entry["context"]] if "context" in entry else []), *entry["sentences"]])
    table = coder.code_texts([text], published=published.isoformat())
    rows = [r for r in table.to_dict("records") if r["sentence"] in entry["sentences"]]
    expected = entry["events"]
    assert len(rows) == len(expected), [r["sentence"] for r in rows]
    for row, event in zip(rows, expected):
        want = _expected(event)
        assert {k: _value(row[k]) for k in want} == want
        assert set(event.get("rule", ())) <= set(row["rule"].split(";")), row["rule"]


def test_the_codebook_quotes_exactly_the_examples_of_the_file() -> None:
    in_file = {s for e in ENTRIES for s in e["sentences"]}
    in_doc = quoted_sentences(CODEBOOK.read_text(encoding="utf-8"))
    assert sorted(in_doc - in_file) == [], "quoted in the codebook, missing in codebook.yaml"
    assert sorted(in_file - in_doc) == [], "in codebook.yaml, not quoted in the codebook"


def test_every_example_field_is_a_column() -> None:
    from eventcoder.schemas import EVENT_COLUMNS

    fields = {k for e in ENTRIES for event in e["events"] for k in event}
    assert fields <= set(EVENT_COLUMNS)


def test_italic_sentences_are_found_across_lines_and_quotations() -> None:
    text = "> *Kenya offered to mediate\n> between them.* and *not this* and **Bold.**"
    assert quoted_sentences(text) == {"Kenya offered to mediate between them."}
