"""Who the victims of violence against civilians are, as ACLED codes them.

A party's members attacked one by one ("a BNP activist was hacked to death", "gunmen shot
dead two MQM workers") are civilians: ACLED's actor2 is "Civilians (Bangladesh)" with the
party as the associated actor, and the event stays an attack, not a clash between the
attackers and the party's militia. Only a party named as a side of a fight ("Awami League
and BNP activists clashed") is its militia, and that is the clash type's reading, never
this one. Civilians named alone with an attack on civilians are its victims, never its
doer ("the body of a trader bearing torture marks was found"). A state named as the
target only by its name, adjective or capital, with no word of its forces beside it ("a
Bangladeshi national was shot dead", "a bomb hurled at a Dhaka-bound bus", "an attack on a
Myanmar Red Cross vehicle") is its people, the civilians; "Bangladeshi troops", "Indian
border posts", "Border Guard Bangladesh" and a gendarmerie named anywhere in the sentence
are its forces. The rules apply to the types
that have a `default_target` (the civilians an attack is on).
"""

from __future__ import annotations

import re

from ..actors import ActorBook
from ..lexicon.model import EventType
from ..model.actors import Actor
from ..model.records import EventRecord

RULE = "party_members_civilians"
VICTIMS_RULE = "civilians_are_victims"
STATION_RULE = "station_no_side"
PEOPLE_RULE = "state_name_people"
_NAME_AFTER = 4  # words after a state's name read for a word of its forces
_NAME_BEFORE = 3  # ... and before it ("Border Guard Bangladesh", "guards of India's")
_STATION_NAME = 3  # capitalised words of a station's name ("Kotwali Model police station")
_CIVILIANS = "civilians"  # the actor type of civilians, never the doer of an attack on them


def civilian_victims(record: EventRecord, event_type: EventType, book: ActorBook) -> None:
    """Civilians named alone are the victims (actor2) of an attack on civilians; a party on
    the target's side (actor2) is its members: the type's `default_target` in the party's
    country (else the place's), the party their associated actor."""
    target, default = record.side2, event_type.default_target
    if default is None:
        return
    doer = record.side1
    if isinstance(target, Actor) and target.is_state and target.organ is not None and \
            _station_only(record.sentence, target.organ, book):
        # "a farmer was shot dead under Kotwali police station": the station names where
        record.side2 = target = None
        record.rules.append(STATION_RULE)
    if isinstance(target, Actor) and target.is_state and target.alias is None and \
            target.iso3 is not None and _people_of(record.sentence, target.iso3, book) and \
            not _own_organ(record.sentence, target, doer, book):
        # "a Bangladeshi national was shot dead": the state's people, not its forces (which
        # "attacked a gendarmerie school in Bamako" names)
        record.side2 = target = book.generic_actor(default, target.iso3)
        record.rules.append(PEOPLE_RULE)
    if target is None and doer is not None and doer.actor_type == _CIVILIANS:
        # "the body of a trader bearing torture marks": the people named are its victims
        record.side1, record.side2 = None, doer
        record.rules.append(VICTIMS_RULE)
        return
    if not isinstance(target, Actor) or not _is_party(target, book):
        return
    place = record.place
    iso3 = target.iso3 or (place.iso3 if place is not None else None)
    record.side2 = book.generic_actor(default, iso3)
    if all(a.key != target.key for a in record.associates2):
        record.associates2 = [*record.associates2, target]
    record.rules.append(RULE)


def _people_of(sentence: str, iso3: str, book: ActorBook) -> bool:
    """Is the state named in the sentence (its name, an alias, adjective or capital), and
    never with a word of a state's forces or posts within a few words of it?"""
    pattern = _names_pattern(iso3, book)
    if pattern is None:
        return False
    found = list(re.finditer(pattern, sentence, re.IGNORECASE))
    if not found:
        return False
    forces = book.force_words
    for hit in found:
        after = _WORDS.findall(sentence[hit.end():].lower())[:_NAME_AFTER]
        before = _WORDS.findall(sentence[:hit.start()].lower())[-_NAME_BEFORE:]
        if _names_force(before, forces) or _names_force(after, forces):
            return False
    return True


_WORDS = re.compile(r"[a-z][a-z'-]*")


def _names_force(words: list[str], forces: frozenset[str]) -> bool:
    """Do the words hold a word of a state's forces (one word, or two in a row)?"""
    for i, word in enumerate(words):
        if word.removesuffix("'s") in forces or (
                i + 1 < len(words) and f"{word} {words[i + 1]}" in forces):
            return True
    return False


def _station_only(sentence: str, organ: str, book: ActorBook) -> bool:
    """Is every word of the organ in the sentence a part of a station named where the
    event was ("under Kotwali police station", "in front of Doulodia River police
    station", "of the DMCH police camp"): a station opener, maybe "the", a name of up to
    three capitalised words, the organ's word, a station word? ("attacked Kotwali police
    station": the station is the police's.)"""
    if not book.station_words:
        return False
    found = _organ_words(sentence, organ, book)
    for hit in found:
        after, before = sentence[hit.end():].split(None, 1), sentence[:hit.start()].split()
        if not after or after[0].lower().strip(".,;:") not in book.station_words or \
                not _station_opened(before, book):
            return False
    return bool(found)


def _own_organ(sentence: str, target: Actor, doer: Actor | None, book: ActorBook) -> bool:
    """Is a word of the target's organ in the sentence ("a gendarmerie school"), other than
    the doer's own forces ("by Indian border guards", the doer a state)?"""
    names = _names_pattern(doer.iso3, book) if doer is not None and doer.is_state and \
        doer.iso3 is not None and doer.iso3 != target.iso3 else None
    for hit in _organ_words(sentence, target.organ, book):
        before = " ".join(sentence[:hit.start()].split()[-_NAME_BEFORE:])
        if names is None or not re.search(names, before, re.IGNORECASE):
            return True
    return False


def _names_pattern(iso3: str, book: ActorBook) -> str | None:
    """A pattern of the state's name, aliases, adjectives and capitals."""
    country = book.countries.get(iso3)
    if country is None:
        return None
    names = {country.name, *country.aliases, *country.adjectives, *country.capitals}
    return r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + \
        r")\b"


def _organ_words(sentence: str, organ: str | None, book: ActorBook) -> list[re.Match[str]]:
    """The words of the organ ("police", "gendarmerie") in the sentence."""
    entry = book.organs.get(organ) if organ is not None else None
    if entry is None:
        return []
    words = "|".join(re.escape(w) for w in sorted(entry.words, key=len, reverse=True))
    return list(re.finditer(rf"\b(?:{words})\b", sentence, re.IGNORECASE))


def _station_opened(before: list[str], book: ActorBook) -> bool:
    """Do the words before a station's organ word end in an opener, maybe "the", and a name
    of one to `_STATION_NAME` capitalised words?"""
    names = 0
    while names < min(_STATION_NAME, len(before)) and before[-1 - names][:1].isupper() and \
            before[-1 - names].lower() not in book.station_openers:
        names += 1
    rest = before[:len(before) - names]
    if rest and rest[-1].lower() == "the":
        rest = rest[:-1]
    return names > 0 and bool(rest) and rest[-1].lower() in book.station_openers


def _is_party(actor: Actor, book: ActorBook) -> bool:
    entry = book.entry(actor)
    return entry is not None and entry.party
