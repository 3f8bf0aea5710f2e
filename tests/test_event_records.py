"""An event record as the resolver makes it (`resolve.event.new_record`, its fields given in
order) and as its plain reference makes it (each field named), and a record read as a row
when its class computes a column its own way."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from eventcoder.events import COLUMNS, event_row, reference_row
from eventcoder.model import EventRecord, Location
from eventcoder.model import records as records_module
from eventcoder.resolve import event as event_module
from eventcoder.resolve.event import new_record, new_record_by_name
from tests.conftest import interpreted_only, scaled

texts = st.text(max_size=6)
maybe_texts = st.one_of(st.none(), texts)
counts = st.integers(0, 10_000)
days = st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)))

# Compiled, a record's class cannot be subclassed in Python, nor its maker given stand-ins.
_INTERPRETED = interpreted_only(records_module, event_module,
                                why="stand-ins for typed arguments, a subclass of a record")

# What a record reads of the sentence and the candidate: stand-ins with those attributes.
facts = st.builds(
    lambda doc, sentence, text: SimpleNamespace(doc=doc, sentence=sentence, text=text),
    st.builds(SimpleNamespace, doc_id=texts, source=maybe_texts, published=days, url=maybe_texts),
    st.builds(SimpleNamespace, index=counts, start=counts, end=counts), texts)
event_types = st.builds(
    SimpleNamespace, id=texts, acled_event_type=maybe_texts, acled_sub_event_type=maybe_texts,
    disorder_type=maybe_texts, cameo=maybe_texts, plover=maybe_texts,
    targeting=st.sampled_from(["always", "target", "never"]))
candidates = st.builds(
    lambda start, end, event_type, status: SimpleNamespace(
        trigger=SimpleNamespace(mention=SimpleNamespace(start=start, end=end)),
        event_type=event_type, status=status),
    counts, counts, event_types, texts)
places = st.one_of(st.none(), st.builds(
    Location, texts, maybe_texts, texts, st.sampled_from(["AFG", "PAK"]), st.floats(-90, 90),
    st.floats(-180, 180), st.integers(1, 3)))


@_INTERPRETED
@scaled(100)
@given(facts, candidates, texts, st.lists(texts, max_size=4), st.integers(0, 3), places, days,
       st.one_of(st.none(), st.integers(1, 3)), maybe_texts, st.one_of(st.none(), counts))
def test_a_record_given_its_fields_in_order_is_the_one_named_field_by_field(
        facts: Any, cand: Any, trigger: str, rules: list[str], part: int,
        place: Location | None, day: dt.date | None, precision: int | None,
        date_text: str | None, toll: int | None) -> None:
    args = (facts, cand, trigger, rules, part, place, day, precision, date_text, toll)
    fast, plain = new_record(*args), new_record_by_name(*args)
    assert fast == plain
    # Each record has lists of its own, as the fields' default factories make them.
    fast.mediator_actors.append(None)  # type: ignore[arg-type]
    fast.mention_sentences.append("another")
    assert new_record(*args) == plain and not plain.mediator_actors


class _Renamed(EventRecord):
    """A record that computes a column its own way."""

    @property
    def rule(self) -> str:
        return "renamed"


@_INTERPRETED
def test_a_record_of_another_class_is_read_column_by_column() -> None:
    record = _Renamed("d", 0, 0, 10, "s", "t", 1, 2, "clash", None, None, "occurred", ["r"])
    row = event_row(record)
    assert row == reference_row(record, COLUMNS) and row["rule"] == "renamed"
