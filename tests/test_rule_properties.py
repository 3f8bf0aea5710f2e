"""Property-based tests of the coding rules: general behaviours no golden sentence pins down.

Sentences and articles come from `eventcoder.testing`, which knows the events each one
must yield. Most properties compare events, so they code through `code_rows` (the rows,
without the ~80 ms table validation); the properties about the table itself go through the
public API. Example counts follow the hypothesis profile (see tests/conftest.py).

At the end, regression tests of the bugs these properties found, as shrunk examples: those
fixed in the core since ("test_fixed_...") pass, those still open ("test_bug_...") are
xfail(strict=True); none is open today. The grammar steers around an open one (as
`NEGATIONS` once did); when it is fixed, its strict xfail fails, and the test and the
grammar are to be widened.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import assume, given, note
from hypothesis import strategies as st

import eventcoder
from eventcoder import testing as S
from eventcoder.testing import (
    CONDITION_ENDS, CONDITIONS, NEGATIONS, NEUTRAL_CLAUSES, PUBLISHED, TEMPLATES,
    GeneratedArticle, GeneratedSentence, Generator, alias_variants, articles, conditional,
    negated, observed, sentences)
from tests.conftest import check_invariants, code_rows, lazy, scaled, shared_generator


def events_of(coder: eventcoder.Coder, text: str, published: Any = None,
              ordered: bool = False) -> list[S.ExpectedEvent]:
    return observed(code_rows(coder, [text], published), ordered=ordered)


def coded(coder: eventcoder.Coder, s: GeneratedSentence, ordered: bool = False
          ) -> list[S.ExpectedEvent]:
    note(f"text: {s.text!r} published: {s.published}")
    return events_of(coder, s.text, s.published, ordered)


SYMMETRIC = [t for t in TEMPLATES if t.symmetric]
FUTURE = [t for t in TEMPLATES if t.future]
LEAD = [t for t in TEMPLATES if t.lead]


# --- generated sentences yield exactly their events --------------------------------------

@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.id)
@scaled(12)
@given(data=st.data())
def test_generated_sentence_yields_exactly_its_events(coder, template, data) -> None:
    published = data.draw(st.sampled_from([PUBLISHED, "draw", None]), label="published")
    s = data.draw(sentences(shared_generator(), templates=[template], published=published),
                  label="s")
    assert coded(coder, s) == list(s.expected)


@scaled(60)
@given(lazy(articles))
def test_article_yields_the_events_of_its_sentences(coder, article: GeneratedArticle) -> None:
    """Headline, date line and filler add nothing; each sentence keeps its events."""
    rows = code_rows(coder, [article.text], article.metadata_published)
    assert observed(rows) == list(article.expected)
    assert not any(r["actors_inferred"] for r in rows)  # every sentence names its sides


@scaled(40)
@given(lazy(articles))
def test_header_date_and_metadata_date_are_the_same(coder, article: GeneratedArticle) -> None:
    header = f"date {article.published.isoformat()}\n"
    if article.metadata_published is None:  # the date is in the header: move it to metadata
        other, published = article.text.replace(header, "", 1), article.published
    else:
        first, rest = article.text.split("\n", 1)
        other, published = f"{first}\n{header}{rest}", None
    assert observed(code_rows(coder, [other], published)) == \
        observed(code_rows(coder, [article.text], article.metadata_published))


# --- future, negation, condition ----------------------------------------------------------

@scaled(60)
@given(lazy(sentences, templates=FUTURE))
def test_future_tense_makes_events_planned(coder, s: GeneratedSentence) -> None:
    future = s.in_future()
    note(f"future: {future.text!r}")
    assert all(e.status == "planned" for e in future.expected)
    assert coded(coder, future) == list(future.expected)
    past = coded(coder, s)
    assert [replace(e, status="planned", event_date=None, time_precision=None, fatalities=None)
            for e in past] == \
        [replace(e, event_date=None, time_precision=None, fatalities=None)
         for e in coded(coder, future)]


@scaled(60)
@given(lazy(sentences, templates=LEAD), st.sampled_from(NEGATIONS),
       st.sampled_from(["'", "\u2019"]))
def test_a_prefixed_negation_removes_the_events(coder, s: GeneratedSentence, prefix,
                                                quote: str) -> None:
    assert coded(coder, s) == list(s.expected)
    text = negated(s, prefix).replace("'", quote)  # "isn't" with either apostrophe
    note(f"negated: {text!r}")
    assert events_of(coder, text, s.published) == []


@scaled(60)
@given(lazy(sentences, templates=LEAD), st.sampled_from(CONDITIONS),
       st.sampled_from(CONDITION_ENDS))
def test_a_prefixed_condition_removes_the_events(coder, s: GeneratedSentence, prefix, end
                                                 ) -> None:
    assert coded(coder, s) == list(s.expected)
    text = conditional(s, prefix, end)
    note(f"conditional: {text!r}")
    assert events_of(coder, text, s.published) == []


# --- invariance -------------------------------------------------------------------------

@scaled(80)
@given(lazy(sentences), st.sampled_from(["upper", "lower", "title", "swapcase"]))
def test_letter_case_does_not_change_events(coder, s: GeneratedSentence, how: str) -> None:
    # Abbreviations match only as written, by design ("US" is not "us"): "BiH" in capitals
    # is no name (found with the dev profile). Case changes that keep them are tested.
    abbreviations = [f.text for _, f in s.forms if re.fullmatch(r"[A-Za-z-]{2,6}", f.text)
                     and sum(c.isupper() for c in f.text) >= 2]
    assume(all(getattr(a, how)() == a for a in abbreviations))
    changed = getattr(s.text, how)()
    note(f"{how}: {changed!r}")
    assert events_of(coder, changed, s.published) == coded(coder, s)


_SPACES = st.sampled_from([" ", "  ", "   ", "\t", " \t", "\u00a0", "\u2009", "\u202f",
                           " \u00a0 ", "\u3000"])


@scaled(80)
@given(lazy(sentences), st.data())
def test_extra_whitespace_does_not_change_events(coder, s: GeneratedSentence, data) -> None:
    words = s.text.split(" ")
    gaps = data.draw(st.one_of(  # one kind of space throughout, or each gap its own
        _SPACES.map(lambda g: [g] * (len(words) - 1)),
        st.lists(_SPACES, min_size=len(words) - 1, max_size=len(words) - 1)), label="gaps")
    lead, tail = data.draw(st.sampled_from(["", " ", "\t", "  "]), label="lead"), \
        data.draw(st.sampled_from(["", " ", "\t", "  "]), label="tail")
    spaced = lead + words[0] + "".join(g + w for g, w in zip(gaps, words[1:])) + tail
    note(f"spaced: {spaced!r}")
    assert events_of(coder, spaced, s.published) == coded(coder, s)


IVORY = S.StateForm("CIV", "C\u00f4te d'Ivoire", "name")


@scaled(60)
@given(lazy(sentences), st.booleans(), st.data())
def test_curly_and_straight_quotes_code_alike(coder, s: GeneratedSentence, wrap: bool,
                                              data) -> None:
    nouns = [slot for slot, f in s.forms if f.kind != "adjective"]
    if nouns and data.draw(st.booleans(), label="with an apostrophe in a name"):
        slot = data.draw(st.sampled_from(nouns), label="slot")
        if "CIV" not in {f.iso3 for k, f in s.forms if k != slot}:
            s = s.with_forms({slot: IVORY}, same_state=False)
    straight = f'"{s.text}"' if wrap else s.text
    curly = "\u201c" + s.text.replace("'", "\u2019") + "\u201d" if wrap \
        else s.text.replace("'", "\u2019")
    note(f"curly: {curly!r}")
    assert events_of(coder, curly, s.published) == events_of(coder, straight, s.published)
    assert events_of(coder, straight, s.published) == coded(coder, s)


@scaled(40)
@given(lazy(sentences, templates=[t for t in TEMPLATES if "'" in t.text]))
def test_possessive_with_curly_apostrophe(coder, s: GeneratedSentence) -> None:
    curly = s.text.replace("'", "\u2019")
    assert events_of(coder, curly, s.published) == list(s.expected)


@scaled(80)
@given(lazy(sentences), st.data())
def test_alias_swaps_do_not_change_events(coder, s: GeneratedSentence, data) -> None:
    variant = data.draw(alias_variants(shared_generator(), s), label="variant")
    assert coded(coder, variant) == coded(coder, s)


TURKEY = ("Turkey", "Türkiye", "Turkiye", "Ankara", "TÜRKIYE", "türkiye")


@scaled(20)
@given(lazy(sentences, templates=[t for t in TEMPLATES if not t.adjective
                                  and not t.coordinated and not t.border]), st.data())
def test_turkey_turkiye_ankara_code_alike(coder, s: GeneratedSentence, data) -> None:
    slots = [slot for slot, _ in s.forms]
    slot = data.draw(st.sampled_from(slots), label="slot")
    assume("TUR" not in {f.iso3 for k, f in s.forms if k != slot})
    results = []
    for text in TURKEY:
        variant = s.with_forms({slot: S.StateForm("TUR", text, "name")}, same_state=False)
        results.append(coded(coder, variant))
        assert results[-1] == list(variant.expected)
    assert all(r == results[0] for r in results)


@scaled(60)
@given(lazy(sentences), st.sampled_from(NEUTRAL_CLAUSES), st.booleans())
def test_a_neutral_clause_does_not_change_events(coder, s: GeneratedSentence, clause: str,
                                                 at_end: bool) -> None:
    if at_end:
        text = s.text[:-1] + f", {clause}."
    else:
        text = f"{clause[0].upper()}{clause[1:]}, {S.lead_lower(s)}"
    note(f"with clause: {text!r}")
    assert events_of(coder, text, s.published) == coded(coder, s)


@scaled(40)
@given(lazy(sentences), st.lists(S.fillers(), min_size=1, max_size=3), st.integers(0, 3))
def test_neutral_sentences_around_do_not_change_events(coder, s: GeneratedSentence,
                                                       filler: list[str], at: int) -> None:
    parts = list(filler)
    parts.insert(min(at, len(parts)), s.text)
    assert events_of(coder, " ".join(parts), s.published) == coded(coder, s)


@scaled(40)
@given(lazy(sentences), st.lists(S.fillers(), max_size=2))
def test_a_repeated_report_is_one_event(coder, s: GeneratedSentence, filler: list[str]
                                        ) -> None:
    """Two sentences reporting the same event make one row (the first mention)."""
    text = " ".join([s.text, *filler, s.text])
    assert events_of(coder, text, s.published) == list(s.expected)


# --- symmetry -------------------------------------------------------------------------------

@scaled(80)
@given(lazy(sentences, templates=SYMMETRIC))
def test_swapping_the_sides_swaps_them_in_the_output(coder, s: GeneratedSentence) -> None:
    swapped = s.swapped()
    note(f"swapped: {swapped.text!r}")
    before = coded(coder, s, ordered=True)
    after = coded(coder, swapped, ordered=True)
    assert len(before) == len(after)
    for b, a in zip(before, after):
        assert a.sides == b.sides
        assert a.actor1 is not None and a.actor1 != b.actor1   # the order follows the text
        assert replace(a, actor1=None) == replace(b, actor1=None)
    states = s.states
    assert [e.actor1 for e in before] == [states["A"]] * len(before)


# --- the table ------------------------------------------------------------------------------

def _check_table(df: pd.DataFrame, texts: dict[str, str]) -> None:
    assert list(df.columns) == list(eventcoder.EventSchema.to_schema().columns)
    pd.testing.assert_frame_equal(eventcoder.validate_events(df.copy()), df)
    assert df["event_id"].is_unique
    for row in df.to_dict("records"):
        text = texts[row["doc_id"]]
        assert text[row["sentence_start"]:row["sentence_end"]] == row["sentence"]
        assert text[row["trigger_start"]:row["trigger_end"]] == row["trigger"]
        assert row["sentence"] == row["sentence"].strip()


@scaled(15)
@given(st.lists(lazy(articles), min_size=1, max_size=3))
def test_every_output_validates_and_its_offsets_slice_the_text(coder, batch) -> None:
    ids = [f"a{i}" for i in range(len(batch))]
    published = batch[0].metadata_published
    texts = [a.text for a in batch]
    df = coder.code_texts(texts, published=published, ids=ids)
    _check_table(df, dict(zip(ids, texts)))
    check_invariants(df.to_dict("records"), coder)


@scaled(60)
@given(lazy(articles, max_sentences=6))
def test_rule_invariants_hold_on_every_event(coder, article: GeneratedArticle) -> None:
    check_invariants(code_rows(coder, [article.text], article.metadata_published), coder)


@scaled(12)
@given(st.lists(lazy(articles), min_size=1, max_size=3))
def test_parquet_round_trip_of_coded_events_is_lossless(coder, batch) -> None:
    ids = [f"a{i}" for i in range(len(batch))]
    df = coder.code_texts([a.text for a in batch], published=batch[0].metadata_published,
                          ids=ids)
    with tempfile.TemporaryDirectory() as folder:
        path = eventcoder.write_events(df, Path(folder) / "events.parquet", coder.metadata)
        back = eventcoder.read_events(path)
    pd.testing.assert_frame_equal(back.reset_index(drop=True), df.reset_index(drop=True))
    assert back.attrs["eventcoder"]["lexicon_hash"] == coder.lexicon.digest


@scaled(25)
@given(lazy(Generator.event_tables))
def test_parquet_round_trip_of_any_valid_table_is_lossless(table: pd.DataFrame) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = eventcoder.write_events(table, Path(folder) / "t.parquet")
        back = eventcoder.read_events(path)
    pd.testing.assert_frame_equal(back.reset_index(drop=True), table.reset_index(drop=True))


# --- determinism, batches, ids -------------------------------------------------------------

def _by_id(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["event_id"]: r for r in rows}


@scaled(30)
@given(st.lists(lazy(articles), min_size=2, max_size=5), st.randoms(use_true_random=False))
def test_batch_order_does_not_change_events_or_ids(coder, batch, rnd) -> None:
    texts = [a.text for a in batch]
    ids = [f"doc-{i}" for i in range(len(batch))]
    order = list(range(len(batch)))
    rnd.shuffle(order)
    published = PUBLISHED
    first = code_rows(coder, texts, published, ids)
    second = code_rows(coder, [texts[i] for i in order], published, [ids[i] for i in order])
    assert _by_id(first) == _by_id(second)
    assert len(_by_id(first)) == len(first)  # ids are unique


@scaled(12)
@given(lazy(articles), st.lists(lazy(articles), min_size=1, max_size=4),
       st.integers(0, 99))
def test_an_article_codes_alike_alone_and_in_a_batch_of_a_hundred(coder, article, others,
                                                                  position) -> None:
    alone = code_rows(coder, [article.text], article.metadata_published, ["target"])
    # The coder's caches live as long as it does: a leak between documents through them
    # shows alone as well as in the batch, so check alone against the expected events too.
    assert observed(alone) == list(article.expected)
    batch_texts = [others[i % len(others)].text for i in range(99)]
    batch_ids = [f"other-{i}" for i in range(99)]
    batch_texts.insert(position, article.text)
    batch_ids.insert(position, "target")
    batch = code_rows(coder, batch_texts, article.metadata_published, batch_ids)
    assert [r for r in batch if r["doc_id"] == "target"] == alone
    assert code_rows(coder, [article.text], article.metadata_published, ["target"]) == alone


@pytest.fixture(scope="module")
def second_coder() -> eventcoder.Coder:
    return eventcoder.Coder(regime_years=False)  # built as the shared one is


@scaled(10)
@given(st.lists(lazy(articles), min_size=1, max_size=3))
def test_event_ids_are_stable_across_coders(coder, second_coder, batch) -> None:
    texts = [a.text for a in batch]
    ids = [f"doc-{i}" for i in range(len(batch))]
    assert code_rows(second_coder, texts, PUBLISHED, ids) == code_rows(coder, texts, PUBLISHED,
                                                                       ids)


# --- the golden sentences (folded in from the former tests/test_properties.py) -----------

def _golden() -> list[str]:
    from tests.test_golden import CASES

    return [c[0] for c in CASES]


GOLDEN_PUBLISHED = "2026-03-06"


def _essence(rows: list[dict[str, Any]]) -> list[tuple]:
    cols = ["event_type", "status", "actor1", "actor2", "location", "event_date", "fatalities"]
    return [tuple(r[c] for c in cols) for r in rows]


@scaled(60)
@given(st.deferred(lambda: st.sampled_from(_golden())),
       st.sampled_from(["upper", "lower", "title"]))
def test_golden_sentences_keep_their_events_in_any_letter_case(coder, sentence: str,
                                                               how: str) -> None:
    assume(how == "upper" or not re.search(r"\b[A-Z]{2,5}\b", sentence))
    # abbreviations in capitals ("ELN") match only in capitals, by design
    assert _essence(code_rows(coder, [getattr(sentence, how)()], GOLDEN_PUBLISHED)) == \
        _essence(code_rows(coder, [sentence], GOLDEN_PUBLISHED))


@scaled(60)
@given(st.deferred(lambda: st.lists(st.sampled_from(_golden()), min_size=1, max_size=4)),
       S.fillers(), st.sampled_from(["'", "\u2019"]))
def test_golden_sentences_keep_their_events_among_filler_and_quotes(coder, picked, filler,
                                                                    quote) -> None:
    plain = " ".join(picked)
    padded = f"{filler} " + f" {filler} ".join(picked).replace("'", quote) + f" {filler}"
    assert _essence(code_rows(coder, [padded], GOLDEN_PUBLISHED)) == \
        _essence(code_rows(coder, [plain], GOLDEN_PUBLISHED))


@scaled(40)
@given(st.deferred(lambda: st.permutations(_golden())))
def test_golden_sentences_code_alike_in_any_batch_order(coder, order) -> None:
    golden = _golden()
    ids = [f"d{golden.index(s)}" for s in order]
    reference = code_rows(coder, golden, GOLDEN_PUBLISHED, [f"d{i}" for i in range(len(golden))])
    assert _by_id(code_rows(coder, list(order), GOLDEN_PUBLISHED, ids)) == _by_id(reference)
    check_invariants(reference, coder)  # golden sentences name groups, gunmen, police


# --- regression tests of real bugs the properties found (shrunk examples) -----------------

# A sentence with no date words: its event takes the publication date (week precision).
UNDATED: dict[str, Any] = {"event_date": PUBLISHED, "time_precision": 2}


def _one(coder, text: str, published: Any = PUBLISHED) -> list[S.ExpectedEvent]:
    return events_of(coder, text, published)


def test_fixed_may_in_a_date_is_not_the_cue_may(coder) -> None:
    # Found by the grammar probe: "May" (the month) matched the hypothetical cue "may" after
    # the trigger, and the event was dropped. Fixed in the core since.
    assert _one(coder, "Pakistan and Afghanistan exchanged fire on 3 May 2025.") == \
        [S.ExpectedEvent("clash", "occurred", frozenset({"PAK", "AFG"}),
                         event_date=dt.date(2025, 5, 3), time_precision=1, fatalities=0)]


def test_fixed_the_month_august_is_not_a_town(coder) -> None:
    # Found by test_generated_sentence_yields_exactly_its_events: "in August 2025" resolved
    # the place August, California (USA). Fixed in the core since.
    assert _one(coder, "Pakistan and Afghanistan exchanged fire in August 2025.") == \
        [S.ExpectedEvent("clash", "occurred", frozenset({"PAK", "AFG"}),
                         event_date=dt.date(2025, 8, 1), time_precision=3, fatalities=0)]


def test_fixed_the_date_october_6_is_not_a_town(coder) -> None:
    # Found by test_generated_sentence_yields_exactly_its_events: "October 6" is an alternate
    # name of 6th of October City (Egypt) in GeoNames. Fixed in the core since.
    assert _one(coder, "Pakistan and India exchanged fire on October 6, 2023.") == \
        [S.ExpectedEvent("clash", "occurred", frozenset({"PAK", "IND"}),
                         event_date=dt.date(2023, 10, 6), time_precision=1, fatalities=0)]


def test_fixed_a_future_tense_after_the_trigger_is_planned(coder) -> None:
    # Found by the grammar probe: "will" after a noun trigger reached it only within 1 word
    # (after-scope window), so the talks stayed "occurred". Fixed in the core since.
    assert _one(coder, "Talks between Ukraine and Russia will resume on Monday.") == \
        [S.ExpectedEvent("negotiation", "planned", frozenset({"UKR", "RUS"}),
                         event_date=dt.date(2026, 3, 9), time_precision=1)]


def test_fixed_are_set_to_hold_talks_is_planned(coder) -> None:
    # Found by the grammar probe: the after-scope cue "are set to" won over the before-scope
    # cue "set to" (leftmost-longest) and did not reach the trigger. Fixed in the core since.
    assert _one(coder, "Iran and Iraq are set to hold talks.") == \
        [S.ExpectedEvent("negotiation", "planned", frozenset({"IRN", "IRQ"}), **UNDATED)]


def test_fixed_fighting_broke_out_is_not_failed(coder) -> None:
    # Found by the grammar probe: "broke", a cue of failure (for truces), made "fighting
    # broke out" a failed clash. Fixed in the core since.
    assert _one(coder, "Fighting between Iran and Iraq broke out.") == \
        [S.ExpectedEvent("clash", "occurred", frozenset({"IRN", "IRQ"}), fatalities=0,
                         **UNDATED)]


def test_fixed_long_names_do_not_push_the_call_out_of_reach(coder) -> None:
    # Found by test_generated_sentence_yields_exactly_its_events: "urged" was 9 words from
    # "negotiating table", past the cue's window. Fixed in the core since.
    assert _one(coder, "Hungary urged El Salvador and San Marino to return to the "
                       "negotiating table.") == \
        [S.ExpectedEvent("mediation_offer", "occurred", frozenset({"SLV", "SMR"}),
                         mediators=frozenset({"HUN"}), **UNDATED)]


def test_fixed_a_negation_six_words_before_the_trigger(coder) -> None:
    # Shrunk by test_a_prefixed_negation_removes_the_events: "not" is 6 words before
    # "talks" (window 5), so the denied talks were coded as held. Fixed in the core since.
    assert _one(coder, "It is not true that Afghanistan and Angola held talks.") == []


def test_fixed_two_spaces_inside_a_trigger_phrase(coder) -> None:
    # Shrunk by test_extra_whitespace_does_not_change_events: folding keeps every character,
    # so "offered to  mediate" did not match the trigger "offered to mediate". Fixed since.
    assert _one(coder, "Albania offered to  mediate between Afghanistan and Angola.") == \
        [S.ExpectedEvent("mediation_offer", "occurred", frozenset({"AFG", "AGO"}),
                         mediators=frozenset({"ALB"}), **UNDATED)]


def test_fixed_the_date_28_may_is_not_a_town(coder) -> None:
    # Found by test_generated_sentence_yields_exactly_its_events (a random run): "28 May" is
    # a town of Azerbaijan in GeoNames; the date became the event's place. Fixed in the core
    # since: a name written inside a date is no place.
    assert _one(coder, "Pakistan and Afghanistan exchanged fire on 28 May 2025.") == \
        [S.ExpectedEvent("clash", "occurred", frozenset({"PAK", "AFG"}),
                         event_date=dt.date(2025, 5, 28), time_precision=1, fatalities=0)]


def test_fixed_a_future_tense_after_a_long_name_is_planned(coder) -> None:
    # Shrunk by test_future_tense_makes_events_planned (dev profile): "United" read as a
    # verb in "-ed" ("the ceasefire agreed in Doha would stay"), and the words of a long name
    # counted against the cue's window; with "Qatar" it was planned. Fixed in the core since.
    assert _one(coder, "Talks between United Arab Emirates and Afghanistan will resume.") == \
        [S.ExpectedEvent("negotiation", "planned", frozenset({"ARE", "AFG"}), **UNDATED)]


def test_fixed_it_isnt_true_that_negates(coder) -> None:
    # Found by test_a_prefixed_negation_removes_the_events with the prefix "It isn't true
    # that ": "It is not true that" was fixed, the contraction was not. Fixed in the core
    # since: a negative contraction reads as "not" in cue phrases.
    assert _one(coder, "It isn't true that Iran and Iraq held talks.") == []
