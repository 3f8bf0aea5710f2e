"""Cue rules: how far a cue reaches, and negative contractions read as "not" (in one pass,
held to the former rescan of every mention at every contraction)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from eventcoder.model.mentions import ActorRef, CueRef, Mention, Placed, TriggerRef
from eventcoder.rules.cues import AfterNot, cue_reach, cue_reaches, cue_status, read_contractions
from eventcoder.rules.marks import Marks
from eventcoder.rules.tokens import Tokens
from eventcoder.rules.view import SentenceView
from tests.conftest import scaled


def _view(coder, sentence: str, contractions: bool = True) -> SentenceView:
    folded = coder.folder.fold(sentence)
    vocabulary = coder.vocabulary if contractions else replace(coder.vocabulary, after_not=())
    return SentenceView(folded, 0, len(folded),
                        coder.matcher.mentions(folded, 0, len(folded), sentence), vocabulary)


def _cue(kind: str = "negation", scope: str = "both", window: int = 3) -> CueRef:
    return CueRef(kind, None, scope, window)


def _at(view: SentenceView, first: int, last: int | None = None) -> Placed:
    last = first if last is None else last
    return Placed(Mention.grouped(view.tokens.start_of(first), view.tokens.ends[last], ()),
                  first, last)


@pytest.mark.parametrize("cue_at,scope,window,target,gap", [
    (0, "both", 3, (3, 3), 2),       # "No" .. "held": "talks were" between
    (0, "before", 3, (3, 3), 2),     # a cue before its trigger
    (0, "after", 3, (3, 3), None),   # ... reaches nothing after it if its scope is "after"
    (0, "both", 1, (3, 3), None),    # out of its window
    (3, "after", 3, (0, 1), 1),      # after the tokens: "were" between
    (3, "before", 3, (0, 1), None),
    (1, "both", 9, (0, 3), None),    # on the tokens: neither before nor after them
    (0, "both", 12, (6, 6), None),   # another clause (";")
])
def test_cue_reach(coder, cue_at, scope, window, target, gap) -> None:
    view = _view(coder, "No talks were held ; Iran fought Iraq")
    cue = _cue(scope=scope, window=window)
    assert cue_reach(view, _at(view, cue_at), cue, *target) == gap
    assert cue_reaches(view, _at(view, cue_at), cue, *target) is (gap is not None)


def test_cue_reach_across_clauses_and_long_names(coder) -> None:
    view = _view(coder, "Talks between the United Arab Emirates and Iran ; they will resume")
    will = view.words.index("will")
    cue = _cue(kind="status", window=6)
    assert cue_reach(view, _at(view, will), cue, 0, 0) is None  # the ";" between
    assert cue_reach(view, _at(view, will), cue, 0, 0, same_clause=False) == 6
    # Counted word by word, "United Arab Emirates" is three words, and out of the window.
    assert cue_reach(view, _at(view, will), cue, 0, 0, same_clause=False,
                     names_as_one=False) is None


def _contractions_reference(tokens: Tokens, placed: list[Placed], after_not: AfterNot
                            ) -> list[Placed]:
    """The former rule: at each contraction, every mention of the sentence scanned again."""
    words = tokens.words
    for i, word in enumerate(words):
        if not word.endswith("n't"):
            continue
        for rest, refs in after_not:
            last = i + len(rest)
            inside = [p for p in placed if p.first <= last and p.last >= i]
            if tuple(words[i + 1:last + 1]) != rest or any(
                    p.first < i or p.last > last or
                    not all(isinstance(x, CueRef) for x in p.mention.payloads)
                    for p in inside):
                continue
            payloads = tuple(dict.fromkeys(
                [*refs, *(c for p in inside if (p.first, p.last) == (i, last)
                          for c in p.mention.payloads)]))
            mention = Mention.grouped(tokens.starts[i], tokens.ends[last], payloads)
            placed = sorted([p for p in placed if p not in inside] +
                            [Placed(mention, i, last)], key=lambda p: (p.first, p.last))
            break
    return placed


_WORDS = st.sampled_from(["it", "isn't", "is", "not", "true", "that", "Iran", "and", "Iraq",
                          "held", "talks", "couldn't", "didn't", "won't", "resume", "it's",
                          "mean", ",", "don't", "plan", "to", "Pakistan-Afghanistan",
                          "ceasefire", "would", "no", "isn't true", "aren't", "n't"])


@scaled(300)
@given(words=st.lists(_WORDS, max_size=30), rests=st.sets(st.sampled_from(
    [(), ("true", "that"), ("true",), ("resume",), ("mean", "that"), ("held", "talks"),
     ("couldn't",), ("didn't", "mean")])))
def test_contractions_in_one_pass_are_the_rescan(coder, words: list[str], rests) -> None:
    view = _view(coder, " ".join(words), contractions=False)
    after_not: AfterNot = tuple(sorted(((r, (_cue(window=len(r)),)) for r in rests),
                                       key=lambda kv: -len(kv[0])))
    got = read_contractions(view.tokens, view.placed, after_not)
    assert got == _contractions_reference(view.tokens, view.placed, after_not)
    if got == view.placed:
        assert got is view.placed  # unchanged: the caller knows by identity


@pytest.mark.parametrize("sentence,made", [
    ("It isn't true that Iran and Iraq held talks", ["isn't true that"]),
    ("Iran couldn't hold talks", ["couldn't"]),
    ("Iran shouldn't resume talks and Iraq mustn't", ["shouldn't", "mustn't"]),
    ("Iran isn't talking", []),           # the matcher's own cue, made again alike
    ("Iran is not talking", []),          # written out: the matcher's own "not"
    ("Iran's talks resumed", []),
])
def test_contractions_become_negation_cues(coder, sentence: str, made: list[str]) -> None:
    view = _view(coder, sentence)
    plain = _view(coder, sentence, contractions=False)
    new = [p for p in view.placed if p not in plain.placed]
    assert [view.folded[p.mention.start:p.mention.end] for p in new] == \
        [m.lower() for m in made]
    assert all(any(c.kind == "negation" for c in p.mention.of(CueRef)) for p in new)


def _status_reference(view: SentenceView, marks: Marks, cues: list[tuple[Placed, CueRef]],
                      trigger: Placed, precedence: tuple[str, ...]) -> tuple[str, Placed | None]:
    """The former rule: every status cue of the sentence tried for every trigger, and every
    trigger and token between them read again for each cue that reaches it."""
    found: dict[str, Placed] = {}
    for placed, cue in cues:
        if not cue.value or not cue_reaches(view, placed, cue, trigger.first, trigger.last):
            continue
        if placed.first > trigger.last and any(trigger.last < p.first < placed.first
                                               for p in marks.triggers):
            continue
        if cue.value == "planned" and placed.first > trigger.last and any(
                view.words[i].endswith("ed") and i not in view.names
                for i in range(trigger.last + 1, placed.first)):
            continue
        found.setdefault(cue.value, placed)
    for status in precedence:
        if status in found:
            return status, found[status]
    return "occurred", None


_STATUS_WORDS = st.sampled_from(["talks", "will", "agreed", "united", "arab", ",", ";", "said",
                                 "while", "fighting"])
# A mention on some tokens: a trigger, a status cue (value, scope, window), a name, or both a
# trigger and a cue.
_STATUS_MENTIONS = st.lists(st.tuples(  # (first token, tokens, kind, value, scope, window)
    st.integers(0, 19), st.integers(1, 2),
    st.sampled_from(["trigger", "cue", "name", "both"]),
    st.sampled_from(["planned", "planned", "failed", "called_for", "occurred", None]),
    st.sampled_from(["before", "after", "both"]), st.integers(0, 8)), min_size=2, max_size=12)


@scaled(300)
@given(words=st.lists(_STATUS_WORDS, min_size=1, max_size=20), drawn=_STATUS_MENTIONS)
# "talks agreed will": a verb between; "talks talks will": the next trigger's cue;
# "will will talks will talks": the first cue before, the next trigger after
@example(words=["talks", "agreed", "will"],
         drawn=[(0, 1, "trigger", None, "both", 0), (2, 1, "cue", "planned", "after", 6)])
@example(words=["talks", "talks", "will"],
         drawn=[(0, 1, "trigger", None, "both", 0), (1, 1, "trigger", None, "both", 0),
                (2, 1, "cue", "failed", "both", 6)])
@example(words=["will", "will", "talks", "will", "talks"],
         drawn=[(0, 1, "cue", "planned", "before", 4), (1, 1, "cue", "planned", "both", 4),
                (2, 1, "trigger", None, "both", 0), (3, 1, "cue", "failed", "after", 4),
                (4, 1, "trigger", None, "both", 0)])
def test_cue_status_reads_outward_as_the_plain_loop(coder, words: list[str], drawn) -> None:
    """Each trigger's status and cue as the former loop over every cue gives them."""
    text = " ".join(words)
    starts = [sum(len(w) + 1 for w in words[:i]) for i in range(len(words))]
    taken: set[int] = set()
    mentions = []
    for at, length, kind, value, scope, window in drawn:
        first = at % len(words)
        tokens = set(range(first, min(first + length, len(words))))
        if tokens & taken:
            continue  # the matcher's mentions never overlap
        taken |= tokens
        last = max(tokens)
        payloads: list = []
        if kind in ("trigger", "both"):
            payloads.append(TriggerRef("talks", False))
        if kind in ("cue", "both"):
            payloads.append(CueRef("status", value, scope, window))
        if kind == "name":
            payloads.append(ActorRef("state", "IRN"))
        mentions.append(Mention.grouped(starts[first], starts[last] + len(words[last]),
                                        tuple(payloads)))
    mentions.sort(key=lambda m: m.start)
    view = SentenceView(text, 0, len(text), mentions, coder.vocabulary)
    marks = Marks.read(view, coder.vocabulary)
    precedence = coder.vocabulary.status_precedence
    for trigger in view.triggers:
        assert cue_status(view, marks, marks.status_cues, trigger, precedence) == \
            _status_reference(view, marks, marks.status_cues, trigger, precedence)
