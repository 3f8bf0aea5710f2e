"""Participants of a sentence: places, actor chunks, and the groups they form, with roles.

A role cue next to a group gives all its members that role ("brokered by Qatar and
Türkiye": mediators); a speech verb after a group makes it a source ("..., officials
said"); unnamed civilians in a death toll are its victims, not a side.
"""

from __future__ import annotations

from ..actors import ActorBook
from ..lexicon import Gazetteer
from ..model.mentions import CueRef, Placed
from ..model.actors import UnnamedActor
from ..model.participants import ActorGroup, Chunk, Participants
from .cues import cue_reach
from .chunks import SentenceDay, build_chunks, chunk_runs, confirm_adjectives, possessors
from .marks import Marks
from .places import read_names
from .view import SentenceView
from .vocabulary import Vocabulary


def assign_roles(spans: list[tuple[int, int]], view: SentenceView,
                 role_cues: list[tuple[Placed, CueRef]], vocabulary: Vocabulary
                 ) -> list[str | None]:
    """The role of each group (on tokens first..last of `spans`). A role cue marks the
    nearest group it reaches ("met under Turkish facilitation": Turkey, not the
    delegations), and a group takes its nearest cue ("on Saturday under Chinese auspices":
    mediator, not target); at equal distance a target loses. A name between cue and group
    counts all its words: the cue marks that name ("at the Spin Boldak crossing, Pakistani
    airstrikes")."""
    roles: list[str | None] = [None] * len(spans)
    offers: dict[int, tuple[int, bool, str]] = {}
    for placed, cue in role_cues:
        reached = [(gap, index) for index, (first, last) in enumerate(spans)
                   if (gap := cue_reach(view, placed, cue, first, last, same_clause=False,
                                        names_as_one=False)) is not None]
        if not reached:
            continue
        gap, index = min(reached)
        role = cue.value or ""
        if role == "agent" and not vocabulary.mediator_verbs.isdisjoint(
                view.words[max(placed.first - 5, 0):placed.first]):
            role = "mediator"  # "brokered in Jeddah by", "hosted in turn by"
        offer = (gap, role == "target", role)
        if index not in offers or offer < offers[index]:
            offers[index] = offer
    for index, (_, _, role) in offers.items():
        roles[index] = role
    return roles


def _sources(words: list[str], spans: list[tuple[int, int]], vocabulary: Vocabulary
             ) -> list[bool]:
    """Whether each group (on tokens first..last of `spans`) is a source: "..., officials
    said", "according to officials": who reports, not (only) who acts."""
    out = []
    for first, last in spans:
        source = last + 1 < len(words) and words[last + 1] in vocabulary.speech
        for phrase in vocabulary.source_phrases:
            if source:
                break
            # (its last word first: the phrase's words are rarely all there)
            source = first >= len(phrase) and words[first - 1] == phrase[-1] and \
                tuple(words[first - len(phrase):first]) == phrase
        out.append(source)
    return out


def _mark_victims(runs: list[list[Chunk]], toll_spans: list[tuple[int, int]], book: ActorBook
                  ) -> None:
    """"killed dozens of soldiers and civilians": civilians die in clashes; not a side."""
    for run in runs:
        first = run[0].first
        for start, end in toll_spans:
            if not start <= first <= end:
                continue
            for chunk in run:
                side = chunk.side
                chunk.toll_end = end
                chunk.victim = isinstance(side, UnnamedActor) and \
                    side.generic in book.victim_kinds
            break  # (the first toll that holds the run)


def participants(view: SentenceView, marks: Marks, book: ActorBook, gazetteer: Gazetteer,
                 vocabulary: Vocabulary, day: SentenceDay,
                 toll_spans: list[tuple[int, int]] | None = None) -> Participants:
    """Places, and actor groups with their roles, of a sentence whose `marks` are read.
    `toll_spans` are token ranges of death tolls: unnamed victims in them are no side."""
    places, actor_spans = read_names(view, marks, gazetteer, vocabulary)
    chunks = build_chunks(view, actor_spans, book, day, marks, vocabulary)
    if chunks:
        # A bare adjective counts before a trigger, or a mediator cue ("Turkish mediation").
        anchors = marks.trigger_tokens
        if marks.role_cues:
            anchors = anchors | {placed.first for placed, cue in marks.role_cues
                                 if cue.value == "mediator" and cue.scope == "after"}
        chunks = possessors(confirm_adjectives(chunks, view, anchors, book, vocabulary), view,
                            vocabulary)
    runs = chunk_runs(chunks, view, vocabulary)
    spans = [(run[0].first, run[-1].last) for run in runs]
    if toll_spans:
        _mark_victims(runs, toll_spans, book)
    roles = assign_roles(spans, view, marks.role_cues, vocabulary) if marks.role_cues else \
        [None] * len(runs)  # (most sentences have no role cue)
    groups = [ActorGroup.of(run, role, source) for run, role, source
              in zip(runs, roles, _sources(view.words, spans, vocabulary))]
    return Participants(groups, places)


__all__ = ["Participants", "SentenceDay", "assign_roles", "participants"]
