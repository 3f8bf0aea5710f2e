"""Property that doers no one names destroy, no one hurt: ACLED's riot, not an armed group's
attack.

"Assailants torched a bus", "unidentified men vandalised a party office": the words of the
doer ("assailants", "attackers", "unknown men") are those of an unidentified armed group,
whose violence is never a crowd's ("militants torched a school" is no riot, rules/crowds.py).
But ACLED codes the arson and vandalism of unnamed doers that hurt no one as Riots (rioters
destroying property), in every country of its 2015-2016 data; when the sentence tells harm
to people ("leaving two passengers injured") it is violence against civilians, which the
attack's own rules code (rules/yields.py). A named armed group ("Taliban militants torched a
school") stays the armed group's."""

from __future__ import annotations

from ..model.actors import Side, UnnamedActor
from ..model.candidates import Candidate
from .view import SentenceView

# ACLED's sub-event type of a crowd's destruction of property.
DAMAGE = "Violent demonstration"


def unnamed_damage(view: SentenceView, cand: Candidate, doer: Side | None,
                   harm_words: frozenset[str]) -> bool:
    """Is the candidate a riot's destruction of property by an unnamed doer, in a sentence
    that tells no harm to people (`harm_words`: "injured", "killed", ...) and no armed
    doer (the riot type's `armed_words`: "militants", "gunmen")?"""
    if not isinstance(doer, UnnamedActor) or cand.event_type.acled_sub_event_type != DAMAGE:
        return False
    words = set(view.words)
    return words.isdisjoint(harm_words) and words.isdisjoint(cand.event_type.armed_words)
