"""A crowd's bomb that killed someone: ACLED's attack on civilians, not the riot.

"Picketers threw a petrol bomb at a bus" is a riot to ACLED's coders, and so, mostly, when
its passengers were injured. But when the report tells a death ("the driver died on the
way to hospital", "a passenger was burnt to death"), the bomb is violence against
civilians: the party's militia (or an unidentified armed group) against Civilians. The
riot type's `bomb_triggers` name the bombs and its `death_words` the death
(types/riots_bombs.yaml, with the dev figures); a death word with a denial up to
`DENIAL_REACH` words before it ("no one was killed") tells none. The death is read in the
whole article: the toll is often its own sentence ("He succumbed to his burns on
Sunday."). The attack is the type the riot's type shares its triggers with that has a
target (`shares_triggers_with`, `default_target`: the attack on civilians, and its
civilians), as the lexicon says."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..actors import ActorBook
from ..model.records import Pending, typed
from ..lexicon.model import EventType
from ..model.records import EventRecord

# The rule that makes a lethal bomb an attack.
RULE = "crowd_bomb_lethal"
# Words before a death word that deny it ("no one was killed", "none died").
DENIAL_REACH = 3
# The words of a text, as the death words are read (rules/crowd_communal.py reads them so).
_WORD = re.compile(r"[\w'-]+")


def lethal_bombs(pending: list[Pending], types: Mapping[str, EventType], book: ActorBook,
                 folded_text: str, denials: frozenset[str]) -> list[Pending]:
    """The events told by a type's `bomb_triggers` in an article (`folded_text`, the
    article folded) that tells a death no `denials` word denies, as attacks on civilians;
    one whose trigger an attack already tells is that attack."""
    words: list[str] | None = None
    dropped: set[int] = set()
    for i, item in enumerate(pending):
        record = item.record
        event_type = types.get(record.event_type)
        if event_type is None or not event_type.bomb_triggers or \
                " ".join(record.trigger.lower().split()) not in event_type.bomb_triggers:
            continue
        lethal = attack_of(event_type, types)
        if lethal is None:
            continue
        words = words_of(folded_text) if words is None else words
        if not death_told(words, frozenset(event_type.death_words), denials):
            continue
        if any(_same_mention(p.record, record) and p.record.event_type == lethal.id
               for p in pending):
            dropped.add(i)
        else:
            _as_attack(item, lethal, book)
    return [p for i, p in enumerate(pending) if i not in dropped] if dropped else pending


def attack_of(event_type: EventType, types: Mapping[str, EventType]) -> EventType | None:
    """The attack a crowd's type becomes when it kills: the type it shares its triggers
    with (`shares_triggers_with`) that has a target (`default_target`)."""
    return next((types[t] for t in event_type.shares_triggers_with
                 if t in types and types[t].default_target), None)


def words_of(text: str) -> list[str]:
    """The words of a (folded) text, as its death words are read."""
    return _WORD.findall(text)


def _same_mention(a: EventRecord, b: EventRecord) -> bool:
    return (a.sentence_start, a.trigger_start, a.part) == \
        (b.sentence_start, b.trigger_start, b.part)


def death_told(words: Sequence[str], death_words: frozenset[str], denials: frozenset[str]
               ) -> bool:
    """Does a death word occur with no denial up to `DENIAL_REACH` words before it?"""
    return any(w in death_words and denials.isdisjoint(words[max(0, i - DENIAL_REACH):i])
               for i, w in enumerate(words))


def _as_attack(item: Pending, lethal: EventType, book: ActorBook) -> None:
    """The record made an attack on civilians: the crowd's party is the doer (its militia,
    once finished), else no one named (ACLED's unidentified armed group); the civilians of
    the event's country are its target."""
    record = item.record
    party = next((a for a in record.associates1 if not a.is_state), None)
    iso3 = record.place.iso3 if record.place is not None else (
        record.side1.iso3 if record.side1 is not None else None)
    typed(record, lethal)
    record.side1 = party
    record.side2 = book.generic_actor(lethal.default_target, iso3) \
        if lethal.default_target else None
    record.associates1 = [a for a in record.associates1 if a is not party]
    record.associates2 = []
    item.unplaced_organs = ()
    record.rules.append(RULE)
