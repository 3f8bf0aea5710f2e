"""Actor chunks: each actor as written, and the chunks written together as one group.

"Pakistani Foreign Minister Ishaq Dar" is one chunk (a state, an organ and a person); so are
"the army of Sudan", "Afghan militants" and "TTP fighters". A bare adjective ("Afghan")
counts only next to a trigger, a role cue or an organ. Chunks joined by connector words
("and", commas) or written next to each other ("Pakistan-Afghanistan") form a run, which
becomes an `ActorGroup`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ..actors import ActorBook
from ..model.mentions import ActorRef, Placed
from ..model.actors import Actor, UnnamedActor, UnnamedState
from ..model.participants import Chunk
from .marks import Marks
from .view import SentenceView
from .vocabulary import Vocabulary

_ORGAN_REACH = 4  # tokens from a state to its organ at most ("Pakistan's foreign ministry")


class SentenceDay:
    """The day a sentence's names are read on (validity dates): a day known already, or
    found by `find` on first use (most sentences name no dated group or office holder, and
    never need it)."""

    __slots__ = ("_day", "_find")

    def __init__(self, day: dt.date | None = None,
                 find: Callable[[], dt.date | None] | None = None) -> None:
        self._day = day
        self._find = find

    def get(self) -> dt.date | None:
        if self._find is not None:
            self._day, self._find = self._find(), None
        return self._day


def _actor_chunk(view: SentenceView, placed: Placed, ref: ActorRef, book: ActorBook,
                 day: SentenceDay) -> Chunk | None:
    first, last = placed.first, placed.last
    kind = ref.kind
    if kind in {"state", "capital"}:
        return Chunk(first, last, book.state(ref.key, None))
    if kind == "adjective":
        return Chunk(first, last, book.state(ref.key, None), tentative=True, adjective=True)
    if kind in {"group", "person"}:
        folded = view.folded[placed.mention.start:placed.mention.end]
        if kind == "group":
            actor = book.group(folded, day.get())
            return Chunk(first, last, actor, named_group=True) if actor else None
        actor = book.person(folded, day.get())
        return Chunk(first, last, actor) if actor else None
    if kind == "generic":
        return Chunk(first, last, UnnamedActor(ref.key))
    if kind == "sides":
        return Chunk(first, last, dyad=True)
    return None


def _barred(view: SentenceView, marks: Marks, speech: frozenset[str], first: int, end: int
            ) -> bool:
    """Does a cue, a trigger or a speech verb ("officials said three") stand on the tokens
    first..end-1? An actor does not extend over one."""
    for i in range(first, end):
        if i in marks.trigger_tokens or view.words[i] in speech:
            return True
    for placed, _ in view.cued:
        if placed.first < end and placed.last >= first:
            return True  # a cue on one of the tokens (quiet or not: any cue bars)
    return False


def _attach_organ(chunks: list[Chunk], view: SentenceView, placed: Placed, organ: str,
                  book: ActorBook, marks: Marks, vocabulary: Vocabulary) -> bool:
    """"Pakistani military", "Pakistan's foreign ministry": the organ joins the state before,
    unless a cue or trigger stands between ("Riyadh urged army chief ...")."""
    if not chunks:
        return False
    prev = chunks[-1]
    actor = prev.actor
    if actor is None or not actor.is_state or placed.first - prev.last > _ORGAN_REACH:
        return False
    gap = view.words[prev.last + 1:placed.first]
    if any(w in vocabulary.connectors or w in vocabulary.organ_barriers for w in gap) or \
            _barred(view, marks, vocabulary.speech, prev.last + 1, placed.first):
        return False
    if actor.organ is not None and actor.organ != organ and not prev.adjective:
        return False
    prev.side = book.state(actor.iso3 or "", organ)
    prev.last = placed.last
    prev.tentative = False
    return True


def _organ_of_state(view: SentenceView, placed: Placed, following: list[Placed],
                    vocabulary: Vocabulary) -> Placed | None:
    """"the army of Sudan": an organ, the genitive, then a state."""
    if view.tokens.word(placed.last + 1) not in vocabulary.genitive:
        return None
    for nxt in following:
        if nxt.first == placed.last + 2 and any(r.kind in {"state", "capital"}
                                                for r in nxt.mention.groups[ActorRef]):
            return nxt
    return None


def _organ_chunk(chunks: list[Chunk], view: SentenceView, spans: list[Placed], index: int,
                 book: ActorBook, marks: Marks, vocabulary: Vocabulary) -> bool:
    """Read the organ at spans[index] into `chunks`: joined to the state before it or after
    it, or a chunk of its own if it stands for a state when none is named. Returns whether
    it joined a state."""
    placed = spans[index]
    organ = placed.mention.groups[ActorRef][0].key
    if _attach_organ(chunks, view, placed, organ, book, marks, vocabulary):
        return True
    state = _organ_of_state(view, placed, spans[index + 1:], vocabulary)
    if state is not None:
        iso3 = state.mention.groups[ActorRef][0].key
        chunks.append(Chunk(placed.first, state.last, book.state(iso3, organ)))
        return True
    if organ in book.stateless_organs:
        chunks.append(Chunk(placed.first, placed.last, UnnamedState(organ)))
    return False


def _joins_previous(chunks: list[Chunk], chunk: Chunk, ref: ActorRef, view: SentenceView,
                    marks: Marks, speech: frozenset[str]) -> bool:
    """Does the new chunk, of a generic actor or a person, complete the one before ("Afghan
    militants", "TTP fighters", "Pakistani Foreign Minister Ishaq Dar")? If so, the one
    before is changed to hold it."""
    if not chunks:
        return False
    prev = chunks[-1]
    if ref.kind == "generic" and chunk.first <= prev.last + 1:
        if prev.adjective and prev.actor is not None:  # "Afghan militants"
            chunks[-1] = Chunk(prev.first, chunk.last, UnnamedActor(ref.key, prev.actor.iso3))
            return True
        if prev.named_group or isinstance(prev.side, UnnamedActor):
            prev.last = chunk.last  # "Taliban fighters", "TTP militants": the group
            return True
    if ref.kind == "person" and prev.actor is not None and prev.last < chunk.first and \
            view.tokens.distance(prev.last, chunk.first) == 0 and \
            not _barred(view, marks, speech, prev.first, chunk.first):
        prev.last, prev.side, prev.tentative = chunk.last, chunk.side, False  # one actor
        return True
    return False


def build_chunks(view: SentenceView, actor_spans: list[Placed], book: ActorBook,
                 day: SentenceDay, marks: Marks, vocabulary: Vocabulary) -> list[Chunk]:
    """Actor chunks of the mentions taken as actors, in text order."""
    chunks: list[Chunk] = []
    organ_before: Placed | None = None  # the last organ that joined no state, until an actor
    for index, placed in enumerate(actor_spans):
        ref = placed.mention.groups[ActorRef][0]  # every actor span holds an actor
        if ref.kind == "organ":
            if not _organ_chunk(chunks, view, actor_spans, index, book, marks, vocabulary):
                organ_before = placed
            continue
        chunk = _actor_chunk(view, placed, ref, book, day)
        if chunk is None:
            continue
        if ref.kind in {"generic", "person"} and \
                _joins_previous(chunks, chunk, ref, view, marks, vocabulary.speech):
            continue
        if organ_before is not None and ref.kind == "person" and \
                organ_before.last + 1 >= placed.first - 1:
            chunk.first = organ_before.first  # "Foreign Minister Hakan Fidan"
            if chunks and isinstance(chunks[-1].side, UnnamedState) and \
                    chunks[-1].first == chunk.first:
                chunks.pop()
        organ_before = None
        chunks.append(chunk)
    return chunks


def possessors(chunks: list[Chunk], view: SentenceView, vocabulary: Vocabulary) -> list[Chunk]:
    """"Sudan's paramilitary RSF": the state only qualifies the group. "its fighters",
    "their troops": the fighters are the group named before."""
    out: list[Chunk] = []
    for i, chunk in enumerate(chunks):
        side = chunk.side
        if isinstance(side, Actor):
            if side.is_state and side.organ is None and i + 1 < len(chunks) and \
                    view.tokens.word(chunk.last + 1) in vocabulary.possessive:
                nxt = chunks[i + 1]
                if nxt.first - chunk.last <= 3 and (isinstance(nxt.side, UnnamedActor) or (
                        isinstance(nxt.side, Actor) and not nxt.side.is_state)):
                    continue
        elif side is not None and \
                view.tokens.word(chunk.first - 1) in vocabulary.possessive_pronouns:
            owner = next((c for c in reversed(out) if c.actor is not None), None)
            if owner is not None:
                chunk.side = owner.side
        out.append(chunk)
    return out


def confirm_adjectives(chunks: list[Chunk], view: SentenceView, anchors: set[int],
                       book: ActorBook, vocabulary: Vocabulary) -> list[Chunk]:
    """Keep a bare adjective ("Afghan") only before a trigger, a role cue or an organ, or
    coordinated with one that is kept ("Afghan and Pakistani delegations")."""
    tentative = False  # (most sentences have no bare adjective: the list stays as it is)
    for i in range(len(chunks) - 1, -1, -1):
        chunk = chunks[i]
        if not chunk.tentative:
            continue
        tentative = True
        if not anchors.isdisjoint(range(chunk.last + 1, chunk.last + 4)):
            chunk.tentative = False
            continue
        nxt = chunks[i + 1] if i + 1 < len(chunks) else None
        following = nxt.actor if nxt is not None and not nxt.tentative else None
        if nxt is not None and following is not None and \
                vocabulary.connectors.issuperset(view.words[chunk.last + 1:nxt.first]):
            actor = chunk.actor
            if actor is not None and actor.iso3 and following.organ:
                chunk.side = book.state(actor.iso3, following.organ)
            chunk.tentative = False
    return [c for c in chunks if not c.tentative] if tentative else chunks


def chunk_runs(chunks: list[Chunk], view: SentenceView, vocabulary: Vocabulary
               ) -> list[list[Chunk]]:
    """The chunks in runs written together: overlapping, adjacent, or with connector words
    only between them (every character but a blank is in a token, so nothing but blanks
    stands between adjacent tokens)."""
    runs: list[list[Chunk]] = []
    for chunk in chunks:
        if runs:
            prev_last = runs[-1][-1].last
            if chunk.first <= prev_last + 1 or (  # (adjacent: nothing between)
                    vocabulary.connectors.issuperset(view.words[prev_last + 1:chunk.first])):
                runs[-1].append(chunk)
                continue
        runs.append([chunk])
    return runs
