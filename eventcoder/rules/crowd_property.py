"""Property that doers no one names destroy, no one hurt: ACLED's riot, not an armed group's
attack.

"Assailants torched a bus", "unidentified men vandalised a party office": the words of the
doer ("assailants", "attackers", "unknown men") are those of an unidentified armed group,
whose violence is never a crowd's ("militants torched a school" is no riot, rules/crowds.py).
But ACLED codes the arson and vandalism of unnamed doers that hurt no one as Riots (rioters
destroying property), in every country of its 2015-2016 data; when the sentence tells harm
to people ("leaving two passengers injured") it is violence against civilians, which the
attack's own rules code (rules/yields.py). A named armed group ("Taliban militants torched a
school") stays the armed group's.

So too a bomb thrown by hand (`thrown_harmless`): "assailants hurled two crude bombs in
front of the court", no one hurt, is a riot to ACLED's coders (45 of 46 such notes in the
dev data, from Bangladesh, Nepal and India), not a remote explosion; with people hurt it
is the attack's (rules/yields.py, `_thrown_at_people`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..model.actors import Side, UnnamedActor
from ..model.candidates import Candidate
from .view import SentenceView

# ACLED's sub-event type of a crowd's destruction of property.
DAMAGE = "Violent demonstration"
EXPLOSIONS = "Explosions/Remote violence"
# Words between a throwing word and the bomb ("hurled two crude bombs").
THROW_REACH = 5


def unnamed_damage(view: SentenceView, cand: Candidate, doer: Side | None,
                   harm_words: frozenset[str]) -> bool:
    """Is the candidate a riot's destruction of property by an unnamed doer, in a sentence
    that tells no harm to people (`harm_words`: "injured", "killed", ...) and no armed
    doer (the riot type's `armed_words`: "militants", "gunmen")?"""
    if not isinstance(doer, UnnamedActor) or cand.event_type.acled_sub_event_type != DAMAGE:
        return False
    words = set(view.words)
    return words.isdisjoint(harm_words) and words.isdisjoint(cand.event_type.armed_words)


def thrown_harmless(view: SentenceView, cand: Candidate, thrown: frozenset[str],
                    throw_words: frozenset[str], harm_words: frozenset[str],
                    armed_words: Iterable[str]) -> bool:
    """Is the candidate an explosion told by a bomb thrown by hand (one of `thrown`, a
    `throw_words` word up to `THROW_REACH` words before it: "hurled crude bombs"), in a
    sentence that tells no harm to people and no armed doer ("militants")?"""
    trigger = cand.trigger
    if cand.event_type.acled_event_type != EXPLOSIONS or not thrown_by_hand(
            " ".join(view.words[trigger.first:trigger.last + 1]),
            view.words[:trigger.first], thrown, throw_words):
        return False
    words = set(view.words)
    return words.isdisjoint(harm_words) and words.isdisjoint(armed_words)


def thrown_by_hand(trigger: str, before: Sequence[str], thrown: frozenset[str],
                   throw_words: frozenset[str]) -> bool:
    """Is the trigger (its folded words) a bomb thrown by hand: one of `thrown`, with a
    `throw_words` word up to `THROW_REACH` words `before` it ("hurled two crude bombs")?
    (The riot's reading, no one hurt, and the attack's, people hurt, share it:
    rules/yields.py.)"""
    return trigger in thrown and not throw_words.isdisjoint(before[-THROW_REACH:])
