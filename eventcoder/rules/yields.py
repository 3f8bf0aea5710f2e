"""Events a report tells only as part, or as the cause, of another one, or that are no
event of the type their words name (ACLED codes the rest alone), across the sentences of
a document:

- an arrest, a deployment or looting is coded as an event of its own only when no violence
  or demonstration is reported with it. Within one sentence `rules.steps.absorb` applies
  the rule (an event type's `yields_to`); a report often tells the arrests or the deployed
  police a sentence or two after the riot or the attack ("... clashed over a procession.
  Police were deployed and ten people were arrested."), and those are part of that event
  too, up to `Telling.window` sentences away;
- an attack that a demonstration in the same sentence is held over ("residents blocked the
  road against the killing of a trader", "relatives of a murdered farmer staged a sit-in")
  is its cause, not an event of its own (an event type's `cause_of`);
- an arrest of protesters is part of their protest, even when the protest's own words
  made no event ("were arrested when they tried to picket the office"; `demonstration_words`
  of the language's rules);
- violence against civilians harms people: a bus set ablaze or a petrol bomb thrown at a
  train with no one hurt in the sentence is no attack on civilians (`harmless_triggers`
  and `harm_words` of the language's rules), nor is an attack's word whose object is a
  thing ("gunmen opened fire at the residence of a councillor", "attacked a bus";
  `property_objects`);
- an attack told by the body found ("police recovered the bullet-riddled body of a
  trader") has an unknown doer, not whoever found it (`found_triggers`);
- a bomb thrown by hand at no armed side, with people hurt in its sentence ("assailants
  hurled crude bombs at a bus, injuring three passengers") is an attack on civilians, its
  thrower there, not a remote explosion (`thrown_triggers`, `throw_words`);
- an attack on civilians told in a sentence with words of a demonstration that made no
  event of it ("villagers staged a sit-in demanding justice for a farmer shot dead by
  police") is its cause or its episode, not an event of its own; not a shutdown's or a
  procession's words ("a bus was torched during the hartal, injuring its driver": the
  attack is its own event; `strike_words`);
- a report that opens with a battle, a riot or a protest and tells, in a later sentence
  that names no place of its own, people shot, beaten or abducted ("Two villages clashed
  over a pond in Rampur on Monday. A farmer was hacked to death.") tells an episode of
  that event, which ACLED codes as one row of its type, not an attack on civilians of its
  own (`_episode`);
- a killing whose doer, as the sentence reads it, is the target of a strike or a bomb told
  before it in that sentence ("a drone strike targeting the Taliban killed five") is the
  strike's toll, not an attack by its target (`_target_as_doer`);
- an attack on civilians told in a clause a cause word opens ("after a trader was
  murdered"), in a sentence that tells a crowd's violence outside that clause, by a word
  of it or a riot's or a protest's event ("residents rioted after a trader was murdered",
  "after a youth died in custody, villagers torched the outpost") is the riot's cause,
  told as background: ACLED codes the riot (`_riot_cause`, `cause_openers`,
  `riot_words`);
- an attack on civilians told with a year two or more before its report's, a few words
  from its trigger in its clause ("the 2003 attack on a police unit", "teachers murdered
  in 1992", "those killed by the rebels since 2009"), is history the report recalls, not
  an event it reports (`_past_year`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..model.records import Pending, typed
from ..lexicon.lang_rules import RuleWords
from ..lexicon.model import EventType
from ..model.records import EventRecord
from .crowd_property import thrown_by_hand
from .crowd_types import PEACEFUL
from ..model.pickling import pickled_by_fields

_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
_TARGETED = "always"  # the targeting of the types of violence against civilians
_DEMONSTRATIONS = "Demonstrations"  # ACLED's disorder type of protests and riots
FINDER_RULE = "finder_no_doer"
THROWN_RULE = "thrown_at_people"
_THROWN_TYPE = "civilian_attack"  # the type a bomb thrown at people is
_CIVILIANS = "civilians"  # the actor type of the people a bomb may be thrown at
# ACLED's types of the events whose later, unplaced violence against civilians is their
# episode (a bombing told first is an event of its own kind: its victims are its toll)
_OPENING_TYPES = ("Battles", "Riots", "Protests")
# the rules that tell an event placed by its own sentence (resolve/event.py)
_OWN_PLACE_RULES = ("place_clause", "place_sentence", "place_border")
_TRIGGER_RULE = "trigger:"  # the rule that names the type whose word made the event
_LETHAL_WORDS = 5  # the words of the longest phrase of death read at a trigger
_REMOTE = "Explosions/Remote violence"  # ACLED's type of strikes, shelling and bombs
# words between a cause word and the attack's trigger at most ("after an autorickshaw
# driver, a migrant from the north, was lynched")
_CAUSE_REACH = 12
_THING_REACH = 3  # words of an object up to the thing it names ("a state-run tourist resort")
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")  # a year written in digits
_YEAR_REACH = 8  # words between the trigger and a year it is told with at most
_PAST_YEARS = 2  # years before the report's at least: the event is history


@dataclass(frozen=True, slots=True)
class Telling:
    """What the rules read of the language for them (see the module)."""

    window: int
    harmless: frozenset[str]
    harm: frozenset[str]
    demonstration: frozenset[str] = frozenset()
    lethal: frozenset[str] = frozenset()
    found: frozenset[str] = frozenset()
    thrown: frozenset[str] = frozenset()
    throw: frozenset[str] = frozenset()
    # words of a demonstration an attack on civilians told with is part or cause of
    protest: frozenset[str] = frozenset()
    cause: frozenset[str] = frozenset()  # words that open a cause's clause
    # words that open a verb's object, prepositions, and things an attack may be on
    openers: frozenset[str] = frozenset()
    locative: frozenset[str] = frozenset()
    things: frozenset[str] = frozenset()
    riot: frozenset[str] = frozenset()  # words of a crowd's violence

    @classmethod
    def of(cls, rules: RuleWords) -> Telling:
        return cls(rules.yield_window, frozenset(rules.harmless_triggers),
                   frozenset(rules.harm_words), frozenset(rules.demonstration_words),
                   frozenset(rules.lethal_triggers), frozenset(rules.found_triggers),
                   frozenset(rules.thrown_triggers), frozenset(rules.throw_words),
                   frozenset(rules.demonstration_words) - frozenset(rules.strike_words),
                   cause=frozenset(rules.cause_openers), riot=frozenset(rules.riot_words),
                   openers=frozenset(rules.object_openers),
                   locative=frozenset(rules.locative),
                   things=frozenset(rules.property_objects))


def told_alone(pending: list[Pending], types: Mapping[str, EventType], telling: Telling
               ) -> list[Pending]:
    """The document's events without those told as part or cause of another one (see the
    module), and without attacks on civilians that harm no one (in text order). An attack
    on civilians told by words of a death ("a trader was shot dead") with no toll counts
    one dead, as ACLED does; one told by the body found has no doer named."""
    if not pending:
        return pending
    if telling.thrown and _THROWN_TYPE in types:
        for item in pending:
            _thrown_at_people(item, types, telling)
    if telling.lethal or telling.found:
        for item in pending:
            _lethal_toll(item, types, telling.lethal)
            _finder_no_doer(item, types, telling.found)
    # (an attack that harms no one is no event, nor anything's context: "police arrested
    # six militants during a raid" is the arrest)
    if telling.harmless or telling.things:
        pending = [p for p in pending if not _harmless(p, types, telling)]
    told = [i for i, p in enumerate(pending) if types[p.record.event_type].yields_to
            or types[p.record.event_type].cause_of]
    if not told:
        return pending  # (most documents: nothing to drop)
    dropped = {i for i in told if _told_with(i, pending, types, telling.window) or
               _with_demonstration(pending[i], types, telling) or
               _with_protest(pending[i], types, telling) or
               _episode(pending[i], pending, types) or
               _riot_cause(pending[i], pending, types, telling) or
               _past_year(pending[i], types) or
               _target_as_doer(pending[i], pending, types)}
    return [p for i, p in enumerate(pending) if i not in dropped] if dropped else pending


def yields_nearby(pending: list[Pending], types: Mapping[str, EventType], window: int
                  ) -> list[Pending]:
    """`told_alone` with no harmless triggers: the rules of `yields_to` and `cause_of`."""
    return told_alone(pending, types, Telling(window, frozenset(), frozenset()))


def _lethal_toll(item: Pending, types: Mapping[str, EventType], lethal: frozenset[str]
                 ) -> None:
    record = item.record
    if not record.fatalities and types[record.event_type].targeting == _TARGETED and \
            _lethal_at(record.sentence, record.trigger_start - record.sentence_start,
                       len(record.trigger.split()), lethal):
        record.fatalities = 1


def _lethal_at(sentence: str, start: int, size: int, lethal: frozenset[str]) -> bool:
    """Does a phrase of death begin on one of the trigger's `size` words (at `start` of
    the sentence)? The trigger itself ("shot dead"), or a longer phrase it overlaps ("was
    shot" read in "was shot dead")."""
    words = _WORD.findall(sentence[start:].lower())
    for first in range(min(size, len(words))):
        for last in range(first + 1, min(len(words), first + _LETHAL_WORDS) + 1):
            if " ".join(words[first:last]) in lethal:
                return True
    return False


def _finder_no_doer(item: Pending, types: Mapping[str, EventType], found: frozenset[str]
                    ) -> None:
    """"Police recovered the bullet-riddled body of a trader": the police found the body,
    they did not kill: the doer is unknown (the context names ACLED's unidentified one)."""
    record = item.record
    if (record.side1 is not None or any(slot == 0 for slot, _ in item.unplaced_organs)) and \
            types[record.event_type].targeting == _TARGETED and _phrase(record.trigger) in found:
        record.side1 = None
        # ("the police" whose state the article settles later are no doer either)
        item.unplaced_organs = tuple(u for u in item.unplaced_organs if u[0] != 0)
        record.rules.append(FINDER_RULE)


def _thrown_at_people(item: Pending, types: Mapping[str, EventType], telling: Telling
                      ) -> None:
    """"Assailants hurled crude bombs at a bus, injuring three passengers": the bomb thrown
    at no armed side, people hurt, is an attack on civilians."""
    record = item.record
    if _phrase(record.trigger) not in telling.thrown or record.acled_sub_event_type is None \
            or types[record.event_type].targeting == _TARGETED or \
            record.disorder_type == _DEMONSTRATIONS:
        return  # (a crowd's bombs are its riot: the crowd rules' reading)
    target = record.side2
    if target is not None and target.actor_type != _CIVILIANS or \
            any(slot == 1 for slot, _ in item.unplaced_organs):
        return
    sentence = record.sentence.lower()
    before = _WORD.findall(sentence[:record.trigger_start - record.sentence_start])
    if not thrown_by_hand(_phrase(record.trigger), before, telling.thrown, telling.throw) or \
            telling.harm.isdisjoint(_WORD.findall(sentence)):
        return
    typed(record, types[_THROWN_TYPE])
    record.rules.append(THROWN_RULE)


def _phrase(text: str) -> str:
    return " ".join(text.lower().split())


def _harmless(item: Pending, types: Mapping[str, EventType], telling: Telling) -> bool:
    """Is the event an attack on civilians told by words of harm to property, in a
    sentence that tells no harm to people?"""
    record = item.record
    if record.disorder_type == _DEMONSTRATIONS or \
            not _attack_word(record.event_type, record.rules, types):
        return False
    if _phrase(record.trigger) not in telling.harmless and not _on_thing(record, telling):
        return False
    return telling.harm.isdisjoint(_WORD.findall(record.sentence.lower()))


def _on_thing(record: EventRecord, telling: Telling) -> bool:
    """Is the object of the trigger's verb a thing: an opener right after it, then one of
    the `things` within `_THING_REACH` words, no preposition between ("attacked **the city
    residence** of", not "attacked the three men inside the house")?"""
    end = record.trigger_start - record.sentence_start + len(record.trigger)
    words = _WORD.findall(record.sentence[end:].lower())[:_THING_REACH + 1]
    if not words or words[0] not in telling.openers:
        return False
    for word in words[1:]:
        if word in telling.things:
            return True
        if word in telling.locative:
            return False
    return False


def _attack_word(event_type: str, rules: list[str], types: Mapping[str, EventType]
                 ) -> bool:
    """Is the event an attack on civilians, or told by an attack's word and retyped by its
    sides ("men set fire to an officer's house" is no clash when no one is hurt; a
    crowd's fire is its riot, whoever is hurt)?"""
    if types[event_type].targeting == _TARGETED:
        return True
    # (the first such rule names the trigger's own type; a crowd's merged events add more)
    for rule in rules:
        if rule.startswith(_TRIGGER_RULE):
            origin = types.get(rule[len(_TRIGGER_RULE):])
            return origin is not None and origin.targeting == _TARGETED
    return False


def _with_demonstration(item: Pending, types: Mapping[str, EventType], telling: Telling
                        ) -> bool:
    """Is the event of a type that yields to demonstrations, told in a sentence with
    words of one that made no event ("were arrested when they tried to picket the office",
    "police arrested seven protesters")?"""
    record = item.record
    if not telling.demonstration or _DEMONSTRATIONS not in types[record.event_type].yields_to:
        return False
    return not telling.demonstration.isdisjoint(_WORD.findall(record.sentence.lower()))


def _with_protest(item: Pending, types: Mapping[str, EventType], telling: Telling) -> bool:
    """Is the event an attack on civilians told in a sentence with words of a demonstration
    ("relatives staged a sit-in over the killing of a trader")?"""
    record = item.record
    if not telling.protest or types[record.event_type].targeting != _TARGETED or \
            PEACEFUL in record.rules:
        return False  # (a force's attack on a peaceful crowd: rules/crowds.py)
    return not telling.protest.isdisjoint(_WORD.findall(record.sentence.lower()))


def _episode(item: Pending, pending: list[Pending], types: Mapping[str, EventType]) -> bool:
    """Is the event an attack on civilians told, with no place of its own, in a sentence
    after one that tells a battle, a riot or a protest of the same report (its episode)?"""
    record = item.record
    if types[record.event_type].targeting != _TARGETED or \
            any(rule in _OWN_PLACE_RULES for rule in record.rules):
        return False
    at = record.sentence_index
    return any(other.record.acled_event_type in _OPENING_TYPES and
               other.record.sentence_index < at for other in pending)


def _target_as_doer(item: Pending, pending: list[Pending], types: Mapping[str, EventType]
                    ) -> bool:
    """Is the event told by an attack's word with an armed side that is the target of a
    strike, shelling or bomb told before it in its sentence ("a drone strike targeting the
    Taliban kills five": the strike's toll, whether read as the Taliban's attack or as a
    clash)? Civilians of such a sentence are the strike's victims, no side of this rule."""
    record = item.record
    if not _attack_word(record.event_type, record.rules, types):
        return False
    armed = {side.key for side in (record.side1, record.side2)
             if side is not None and side.actor_type != _CIVILIANS}
    return bool(armed) and any(
        other.record.acled_event_type == _REMOTE and
        other.record.sentence_index == record.sentence_index and
        other.record.trigger_start < record.trigger_start and
        other.record.side2 is not None and other.record.side2.key in armed
        for other in pending)


def _riot_cause(item: Pending, pending: list[Pending], types: Mapping[str, EventType],
                telling: Telling) -> bool:
    """Is the event an attack on civilians told in a clause a cause word opens, a few
    words before its trigger, with a crowd's violence told outside that clause (before the
    cause word, or after the comma that ends the clause): by a word of it, or by a riot's
    or a protest's event of the sentence?"""
    record = item.record
    if not telling.cause or types[record.event_type].targeting != _TARGETED:
        return False
    sentence = record.sentence.lower()
    at = record.trigger_start - record.sentence_start
    openers = [m for m in _WORD.finditer(sentence[:at]) if m.group() in telling.cause]
    if not openers or len(_WORD.findall(sentence[openers[-1].end():at])) > _CAUSE_REACH:
        return False
    start = openers[-1].start()
    comma = sentence.find(",", at + len(record.trigger))
    end = len(sentence) if comma < 0 else comma
    outside = sentence[:start] + " " + sentence[end:]
    if not telling.riot.isdisjoint(_WORD.findall(outside)):
        return True
    return any(other.record.disorder_type == _DEMONSTRATIONS and
               other.record.sentence_index == record.sentence_index and
               not start <= other.record.trigger_start - other.record.sentence_start < end
               for other in pending)


def _past_year(item: Pending, types: Mapping[str, EventType]) -> bool:
    """Is the event an attack on civilians told with a year at least `_PAST_YEARS` before
    its report's, within `_YEAR_REACH` words of its trigger and no comma between?"""
    record = item.record
    if record.published is None or types[record.event_type].targeting != _TARGETED:
        return False
    sentence = record.sentence
    at = record.trigger_start - record.sentence_start
    end = at + len(record.trigger)
    for year in _YEAR.finditer(sentence):
        between = sentence[end:year.start()] if year.start() >= end else \
            sentence[year.end():at]
        if int(year.group()) <= record.published.year - _PAST_YEARS and \
                "," not in between and len(_WORD.findall(between)) <= _YEAR_REACH:
            return True
    return False


def _told_with(i: int, pending: list[Pending], types: Mapping[str, EventType], window: int
               ) -> bool:
    """Is event `i` part or cause of another event of the document?"""
    record = pending[i].record
    spec = types[record.event_type]
    at = record.sentence_index
    for j, other in enumerate(pending):
        if j == i:
            continue
        them = other.record
        # (violence told after the event is no part of it: "police arrested three men for
        # the murder. Traders protested against the killing.")
        if spec.yields_to and them.disorder_type in spec.yields_to and \
                0 <= at - them.sentence_index <= window:
            return True
        if them.event_type in spec.cause_of and them.sentence_index == at:
            return True
    return False


pickled_by_fields(Telling)  # when compiled: see model/pickling.py
