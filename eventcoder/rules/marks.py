"""What the rules ask of a sentence's mentions many times, read once."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.mentions import ActorRef, CueRef, Placed, PlaceRef, TriggerRef
from .view import SentenceView
from .vocabulary import Vocabulary

# Actor kinds a locative phrase may hold before its place ("in the Afghan capital Kabul").
_NAMES_IN_LOCATIVES = frozenset({"adjective", "state"})


@dataclass(slots=True)  # read-only once read (frozen would make each sentence's slower)
class Marks:
    """Which mentions hold triggers or names, the tokens of triggers, violent triggers and
    state names, and the cues the rules read, sorted by what they do, in text order. Read
    by `Marks.read` in one pass over the mentions, for the participants and the candidates
    of one sentence."""

    triggers: list[Placed]  # mentions with a trigger, in text order
    # Mentions with a place or an actor, with those payloads, in text order.
    names: list[tuple[Placed, tuple[PlaceRef, ...], tuple[ActorRef, ...]]]
    trigger_tokens: set[int]
    violent_tokens: set[int]  # "struck Kabul": Kabul is a place
    # Names a locative phrase may hold before its place ("in the Afghan capital Kabul",
    # "in the northern Burkina Faso town of Djibo").
    adjective_tokens: set[int]
    # The readable cues (not inside dates): role cues, cues that drop a trigger, status cues.
    role_cues: list[tuple[Placed, CueRef]]
    drop_cues: list[tuple[Placed, CueRef]]
    status_cues: list[tuple[Placed, CueRef]]
    status_window: int  # the widest window of the status cues (how far `cue_status` looks)

    @classmethod
    def read(cls, view: SentenceView, vocabulary: Vocabulary,
             violent: frozenset[str] = frozenset()) -> Marks:
        """The marks of `view`, from the mentions it sorted by kind when placing them;
        `violent`: the ids of violent event types."""
        trigger_tokens, violent_tokens = _trigger_tokens(view, violent)
        adjective_tokens: set[int] = set()
        for placed, _, actors in view.named:
            for actor in actors:
                if actor.kind in _NAMES_IN_LOCATIVES:
                    adjective_tokens.update(range(placed.first, placed.last + 1))
                    break
        roles, drops, statuses = _readable_cues(view, vocabulary)
        return cls(view.triggers, view.named, trigger_tokens, violent_tokens, adjective_tokens,
                   roles, drops, statuses,
                   max(cue.window for _, cue in statuses) if statuses else 0)


def _trigger_tokens(view: SentenceView, violent: frozenset[str]) -> tuple[set[int], set[int]]:
    """The tokens of the triggers, and of the triggers that may be violent."""
    trigger_tokens: set[int] = set()
    violent_tokens: set[int] = set()
    for placed in view.triggers:
        tokens = range(placed.first, placed.last + 1)
        trigger_tokens.update(tokens)
        for ref in placed.mention.groups[TriggerRef]:
            if ref.event_type in violent:
                violent_tokens.update(tokens)
                break
    return trigger_tokens, violent_tokens


Cues = list[tuple[Placed, CueRef]]


def _readable_cues(view: SentenceView, vocabulary: Vocabulary) -> tuple[Cues, Cues, Cues]:
    """The cues not inside dates ("on 3 May"), as `SentenceView.cues` reads them, sorted
    into role cues, cues that drop a trigger and status cues, each in text order."""
    roles: Cues = []
    drops: Cues = []
    statuses: Cues = []
    for placed, cues in view.cued:
        if placed.first in view.quiet:
            continue
        for cue in cues:
            if cue.kind in vocabulary.role_kinds:
                roles.append((placed, cue))
            elif cue.kind in vocabulary.status_kinds:
                statuses.append((placed, cue))
            elif cue.kind in vocabulary.drop_kinds:
                drops.append((placed, cue))
    return roles, drops, statuses
