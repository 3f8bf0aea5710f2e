"""Property-based tests of the coder (hypothesis): invariants no golden table can cover."""

from __future__ import annotations

import re

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventcoder.segment import segment
from tests.test_golden import CASES, PUBLISHED

SETTINGS = settings(max_examples=60, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])
SENTENCES = [c[0] for c in CASES]
NEUTRAL = ["Officials gave no further details.", "The weather was cold.",
           "Markets in the capital were busy."]


def _essence(df: pd.DataFrame) -> list[tuple]:
    cols = ["event_type", "status", "actor1", "actor2", "location", "event_date", "fatalities"]
    return [tuple(None if pd.isna(v) else v for v in row)
            for row in df[cols].astype(object).itertuples(index=False)]


@SETTINGS
@given(st.text(max_size=400))
def test_arbitrary_text_never_raises_and_offsets_slice(coder, text: str) -> None:
    if not text.strip():
        return
    events = coder.code_texts([text])
    for row in events.to_dict("records"):
        assert text[row["sentence_start"]:row["sentence_end"]] == row["sentence"]
    for s in segment(text):
        assert 0 <= s.start < s.end <= len(text)


@SETTINGS
@given(st.sampled_from(SENTENCES), st.sampled_from(["upper", "lower", "title"]))
def test_letter_case_does_not_change_events(coder, sentence: str, how: str) -> None:
    if how != "upper" and re.search(r"\b[A-Z]{2,5}\b", sentence):
        return  # abbreviations in capitals ("ELN") match only in capitals, by design
    changed = getattr(sentence, how)()
    assert _essence(coder.code_texts([changed], published=PUBLISHED)) == \
        _essence(coder.code_texts([sentence], published=PUBLISHED))


@SETTINGS
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4),
       st.sampled_from(NEUTRAL), st.sampled_from(["'", "\u2019"]))
def test_neutral_sentences_and_quotes_do_not_change_events(coder, picked, filler, quote) -> None:
    plain = " ".join(picked)
    padded = f"{filler} " + f" {filler} ".join(picked).replace("'", quote) + f" {filler}"
    assert _essence(coder.code_texts([padded], published=PUBLISHED)) == \
        _essence(coder.code_texts([plain], published=PUBLISHED))


@SETTINGS
@given(st.permutations(SENTENCES[:6]))
def test_batch_order_does_not_change_events(coder, order) -> None:
    ids = [f"d{SENTENCES.index(s)}" for s in order]
    coded = coder.code_texts(list(order), published=PUBLISHED, ids=ids)
    reference = coder.code_texts(SENTENCES[:6], published=PUBLISHED,
                                 ids=[f"d{i}" for i in range(6)])
    key = ["event_id"]
    pd.testing.assert_frame_equal(coded.sort_values(key).reset_index(drop=True),
                                  reference.sort_values(key).reset_index(drop=True))
