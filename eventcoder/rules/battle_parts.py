"""Blasts and strikes a report tells after a battle, as part of it.

ACLED's hierarchy makes the shelling, the air strikes and the mines of a ground battle
part of that battle (within one sentence, `rules.steps.absorb`: a type's `absorbs`). A
report of a battle often tells its heavy weapons a sentence or two later ("Government
troops and rebels fought near the pass on Monday. The air force bombed rebel bunkers
later in the day.", "... ambushed an army convoy. A mine blast destroyed the lead
truck."), and
ACLED codes one battle, not an explosion beside it: in the dev notes every blast or
strike the coder found within two sentences after a battle it found, with no place nor
named side of its own, was none of ACLED's explosions (15 of 15, in Myanmar, India,
Pakistan, Libya and Tanzania). So an event of a blast type (`blast_target_types`
of the language's rules) told 1 to `window` sentences after an event that occurred of a
violent type that absorbs it and is typed otherwise by ACLED (a battle, a territory
taken; not a suicide bombing, nor a disrupted weapons use) is dropped when it tells
nothing of its own: its sentence names no place (its place, if any, is the article's or
the battle's), and each side it names by name is one of the battle's (the civilians it
hit are such a side: "Civilians (Pakistan)"). A blast told before the battle, further
on, at a place its sentence names, on civilians or by other named sides ("... clashed on
the border. Jets struck villages near the capital.", "A bomb in a market killed five
shoppers.", "US drones struck a compound.") is kept: news of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..model.records import Pending, typed
from ..lexicon.model import EventType
from ..model.actors import Actor
from ..model.records import EventRecord
from ..text import find_phrase, tokenize
from .vocabulary import Vocabulary

_OCCURRED = "occurred"
_ANSWERED_RULE = "answered_next_sentence"


def told_in_battle(pending: list[Pending], types: Mapping[str, EventType],
                   blasts: frozenset[str], window: int) -> list[Pending]:
    """The document's events (in text order) without the blasts and strikes told up to
    `window` sentences after a battle that takes them in (see the module)."""
    if not any(p.record.event_type in blasts for p in pending):
        return pending  # (most documents)
    battles = [p.record for p in pending if p.record.status == _OCCURRED and
               p.record.event_type not in blasts and types[p.record.event_type].violent]
    if not battles:
        return pending
    kept = [p for p in pending if not _part_of_battle(p, battles, types, blasts, window)]
    return kept if len(kept) < len(pending) else pending


def _part_of_battle(item: Pending, battles: list[EventRecord],
                    types: Mapping[str, EventType], blasts: frozenset[str], window: int
                    ) -> bool:
    record = item.record
    if record.event_type not in blasts:
        return False
    spec = types[record.event_type]
    at = record.sentence_index
    for battle in battles:
        kind = types[battle.event_type]
        if 0 < at - battle.sentence_index <= window and kind.absorbs_type(spec) and \
                kind.acled_event_type != spec.acled_event_type and \
                not _placed_here(record) and _sides_of(record, battle):
            return True
    return False


def _sides_of(record: EventRecord, battle: EventRecord) -> bool:
    """Is each side the record names by name (an Actor: a state's organ, a named group)
    one of the battle's sides? Unnamed ones ("militants", "the army") tell nothing
    against it."""
    theirs = {side.key for side in (battle.side1, battle.side2) if side is not None}
    return all(side.key in theirs for side in (record.side1, record.side2)
               if isinstance(side, Actor))


def _placed_here(record: EventRecord) -> bool:
    """Does the record's own sentence name its place (not the article, nor another
    event it was placed from)?"""
    place = record.place
    return place is not None and bool(place.text) and \
        str(place.text).casefold() in record.sentence.casefold()


def answered_shellings(pending: list[Pending], types: Mapping[str, EventType],
                       vocabulary: Vocabulary, following: Callable[[int], str]) -> None:
    """A shelling (the language's `answered_types`) that occurred, whose next sentence tells
    its target answering ("... resorted to heavy shelling on border villages. The rangers
    retaliated with full force."), made the battle it was: ACLED codes the exchange of
    fire over a frontier as one armed clash, as it does a shelling answered in its own
    sentence (types/explosions_mixed.yaml). `following(i)` is the folded text of sentence i + 1
    (empty when there is none); a reply with a word before it that denies or doubts it
    ("no reports on whether the army retaliated") answers nothing."""
    answer = types.get(vocabulary.answered_as)
    if answer is None or not vocabulary.reply_phrases:
        return
    for item in pending:
        record = item.record
        if record.event_type in vocabulary.answered_types and record.status == _OCCURRED \
                and _replied(following(record.sentence_index), vocabulary):
            typed(record, answer)
            record.rules.append(_ANSWERED_RULE)


def _replied(text: str, vocabulary: Vocabulary) -> bool:
    words = [t.text for t in tokenize(text)]
    for phrase in vocabulary.reply_phrases:
        at = find_phrase(words, phrase.split())
        if at >= 0:
            return not vocabulary.reply_hedges & set(words[:at])
    return False
