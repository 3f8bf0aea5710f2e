"""The sentence view: mentions placed on tokens and sorted by what they hold, word counts
that take a name as one word, cues silenced inside dates; its language from the lexicon."""

from __future__ import annotations

from pathlib import Path

import pytest

import eventcoder
from eventcoder.model.mentions import ActorRef, CueRef, Mention, PlaceRef, TriggerRef
from eventcoder.rules.view import SentenceView


def _view(coder, sentence: str, start: int = 0, end: int | None = None) -> SentenceView:
    folded = coder.folder.fold(sentence)
    end = len(folded) if end is None else end
    return SentenceView(folded, start, end, coder.matcher.mentions(folded, start, end, sentence),
                        coder.vocabulary)


def _texts(view: SentenceView, placed: list) -> list[str]:
    return [view.folded[p.mention.start:p.mention.end] for p in placed]


def test_mentions_are_placed_on_their_tokens_and_sorted(coder) -> None:
    view = _view(coder, "Pakistan-Afghanistan talks in Doha will not resume.")
    assert view.words == ["pakistan-afghanistan", "talks", "in", "doha", "will", "not", "resume",
                          "."]
    spans = {view.folded[p.mention.start:p.mention.end]: (p.first, p.last) for p in view.placed}
    # Two names inside one hyphenated token are both on it.
    assert spans["pakistan"] == spans["afghanistan"] == (0, 0)
    assert spans["doha"] == (3, 3)
    assert _texts(view, view.triggers) == ["talks"]
    assert [view.folded[p.mention.start:p.mention.end] for p, _, _ in view.named] == \
        ["pakistan", "afghanistan", "doha"]
    assert {c.kind for _, refs in view.cued for c in refs} >= {"negation", "status"}
    for placed, places, actors in view.named:
        assert places == placed.mention.of(PlaceRef) and actors == placed.mention.of(ActorRef)
    assert all(TriggerRef in p.mention.groups for p in view.triggers)


def test_a_window_of_the_document_has_document_offsets(coder) -> None:
    text = "Filler first. Iran and Iraq clashed."
    view = _view(coder, text, 14, len(text))
    assert view.words[0] == "iran" and view.tokens.start_of(0) == 14
    assert view.tokens.token_at(0) == 0 and view.tokens.token_at(len(text) + 5) == 4
    assert all(14 <= p.mention.start for p in view.placed)


def test_a_mention_starting_on_a_space_is_placed_on_the_next_token(coder) -> None:
    folded = "iran  and iraq"
    mention = Mention.grouped(5, 9, (CueRef("role", "between", "both", 2),))
    view = SentenceView(folded, 0, len(folded), [mention], coder.vocabulary)
    assert (view.placed[0].first, view.placed[0].last) == (1, 1)


def test_units_count_a_long_name_as_one_word(coder) -> None:
    view = _view(coder, "Talks between the United Arab Emirates and Iran will resume")
    will = view.words.index("will")
    assert view.tokens.distance(0, will) == 7
    assert view.units(0, will) == 5  # "United Arab Emirates" is one
    assert view.names >= {3, 4, 5}
    assert view.tokens.within(0, will, 7) and not view.tokens.within(0, will, 6)


def test_cues_inside_dates_are_silent(coder) -> None:
    text = "Talks may resume on 3 May"
    view = _view(coder, text)
    assert [view.words[p.first] for p, _ in view.cues({"hypothetical"})] == ["may"] * 4
    view.silence([(text.index("3 May"), len(text))])
    assert [view.words[p.first] for p, _ in view.cues({"hypothetical"})] == ["may", "may"]
    assert view.in_date(4, 5) and not view.in_date(3, 5)


def test_clause_language_comes_from_the_lexicon(tmp_path: Path) -> None:
    # A user lexicon adds a clause mark: "/" then opens a clause, as the bundled ";" does.
    (tmp_path / "rules.yaml").write_text(
        "language:\n  rules:\n    clause_punctuation: ['/']\n"
        "    not_clause_ing_words: [regarding]\n",
        encoding="utf-8")
    bundled = eventcoder.Coder()
    extended = eventcoder.Coder(extra_lexicons=[tmp_path])
    assert ";" in bundled.vocabulary.clause_openers and "/" not in bundled.vocabulary.clause_openers
    assert {";", "/"} <= extended.vocabulary.clause_openers
    assert extended.vocabulary.not_clause_ing_words == {"including", "according", "regarding"}
    sentence = "Iran fought Iraq / talks resumed , regarding Kuwait"
    assert _view(bundled, sentence).clause == [0] * 6 + [1, 1, 1]
    assert _view(extended, sentence).clause == [0, 0, 0, 1, 1, 1, 1, 1, 1]


@pytest.mark.parametrize("sentence,clauses", [
    ("Iran fought Iraq; talks resumed", [0, 0, 0, 1, 1, 1]),
    ("Iran fought Iraq \u2014 talks resumed", [0, 0, 0, 1, 1, 1]),
    ("Iran fought Iraq, killing three", [0, 0, 0, 1, 1, 1]),
    ("Iran fought Iraq, including at night", [0] * 7),
    ("Iran fought Iraq while talks resumed", [0, 0, 0, 1, 1, 1]),   # a boundary cue word
])
def test_bundled_clause_openers(coder, sentence: str, clauses: list[int]) -> None:
    assert _view(coder, sentence).clause == clauses


def test_drop_kinds_and_status_precedence_come_from_the_lexicon(coder) -> None:
    assert coder.vocabulary.drop_kinds == coder.lexicon.drop_kinds == \
        {"negation", "hypothetical", "generic"}
    assert coder.vocabulary.status_precedence == coder.lexicon.status_precedence
