"""Places of a sentence: which names are places, and how precisely they place an event.

A name that is both a place and an actor ("Kabul") is a place after a locative preposition
("in Kabul") or before a venue word ("the Doha talks"), and an actor otherwise ("Kabul
said"). A minor town needs a locative or a region word ("Kurram district"), as many small
towns share their names with English words.
"""

from __future__ import annotations

from ..lexicon import Gazetteer, PlaceRecord
from ..lexicon.gazetteer import REGIONAL_KINDS
from ..model.mentions import ActorRef, Placed, PlaceRef
from ..model.participants import PlaceMention
from .marks import Marks
from .view import SentenceView
from .vocabulary import Vocabulary

_LOCATIVE_REACH = 7  # modifiers a locative may stand before its place ("in the restive ...")


def locative_before(view: SentenceView, first: int, vocabulary: Vocabulary,
                    skippable: set[int] | frozenset[int] = frozenset()) -> str | None:
    """The locative before the name at token `first`, over place modifiers and the tokens
    `skippable` ("in the Afghan capital Kabul"); or the direction of "south of Taiz"."""
    words = view.words
    i = first - 1
    stop = max(first - 1 - _LOCATIVE_REACH, -1)
    while i > stop and (words[i] in vocabulary.place_modifiers or i in skippable):
        i -= 1
    if i >= 0 and words[i] in vocabulary.locative:
        return words[i]
    if words[i + 1] in vocabulary.directions and view.tokens.word(i + 2) in vocabulary.genitive:
        return words[i + 1]  # (i + 1 is at most `first`: a token)
    return None


def _is_venue_modifier(view: SentenceView, placed: Placed, after: str, vocabulary: Vocabulary
                       ) -> bool:
    """"the Doha talks", "Kurram district": a venue or region word (`after` the name)."""
    if after in vocabulary.possessive:
        return False  # "Kabul's delegation"
    name = view.words[placed.first]
    for mark in vocabulary.joining_marks:
        if mark in name:
            return False  # "Pakistan-Taliban talks" names two sides
    return after in vocabulary.venue or after in vocabulary.region_words


def _in_town(view: SentenceView, placed: Placed, gazetteer: Gazetteer) -> bool:
    """"the Dhaka University campus", "the Karachi press club" (an institution word after
    the name), "the Teku area (Kathmandu)" (the name alone in brackets): a capital's name
    that is the town, where the event is, not the government it may stand for. (Asked of
    capitals only: a minor town's name before "Corporation" or "University" is too often
    a company's or the institution's own, and "(NATO)" an abbreviation.)"""
    words, last = view.words, placed.last
    if 0 < placed.first and words[placed.first - 1] == "(" and \
            view.tokens.word(last + 1) == ")":
        return True
    return any(tuple(words[last + 1:last + 1 + len(phrase)]) == phrase
               for phrase in gazetteer.institution_words)


def _territory(view: SentenceView, placed: Placed, actor_refs: tuple[ActorRef, ...],
               gazetteer: Gazetteer, vocabulary: Vocabulary) -> PlaceMention | None:
    """"inside Afghan territory", "on Pakistani soil" (a territory word after the name):
    the country as a place."""
    refs = [r for r in actor_refs if r.kind == "adjective"]
    if not refs or locative_before(view, placed.first, vocabulary) is None:
        return None
    record = gazetteer.country(refs[0].key)
    return PlaceMention(placed.first, placed.last + 1, [record]) if record else None


def _after_violence(view: SentenceView, first: int, violent_tokens: set[int],
                    vocabulary: Vocabulary) -> bool:
    """"struck Kabul", "airstrikes on Sanaa": a place as the object of a violent act."""
    if not violent_tokens:
        return False  # (most sentences have none)
    if first - 1 in violent_tokens:
        return True
    return view.tokens.word(first - 1) in vocabulary.violence_prepositions and \
        not violent_tokens.isdisjoint(range(first - 4, first - 1))


def _said_at(view: SentenceView, first: int, trigger_tokens: set[int],
             speech: frozenset[str]) -> bool:
    """"told reporters in Rawalpindi": a speech verb shortly before the place, with no comma
    or trigger between them, makes it where something was said."""
    for i in range(first - 1, max(first - 5, -1), -1):
        word = view.words[i]
        if word in speech:
            return True
        if word == "," or i in trigger_tokens:
            return False  # it stands between the place and any speech verb before it
    return False


def _coordinated_with(view: SentenceView, place: PlaceMention, placed: Placed,
                      vocabulary: Vocabulary, gazetteer: Gazetteer) -> bool:
    """"in Kandahar and Kabul": a name joined to a place is a place too; so is the unit
    that holds it ("in Maruf district, Kandahar")."""
    between = view.words[place.last + 1:placed.first]
    return 0 < len(between) <= 3 and all(
        w in vocabulary.place_coordinators or w in gazetteer.holder_words or
        w in vocabulary.region_words or w in gazetteer.district_words for w in between)


def _as_place(view: SentenceView, placed: Placed, after: str, refs: tuple[PlaceRef, ...],
              actor_refs: tuple[ActorRef, ...], gazetteer: Gazetteer, vocabulary: Vocabulary,
              marks: Marks, violent_tokens: set[int]) -> PlaceMention | None:
    """The place a mention names (its place payloads `refs`, never empty, and its actor
    payloads; `after`: the word after it), if the context makes it a place."""
    first, last = placed.first, placed.last
    if view.quiet and view.in_date(first, last):
        return None  # "on 28 May 2025": the date, not the town of Azerbaijan
    key = refs[0].key
    records = gazetteer.candidates(key)
    if not records or after in vocabulary.possessive:
        return None  # "Kabul's request" names the government, not the city
    prep = locative_before(view, first, vocabulary, marks.adjective_tokens)
    struck = prep is None and _after_violence(view, first, violent_tokens, vocabulary)
    if actor_refs:
        # An actor's name is a place after a locative ("in Kabul", not "officials from
        # Pakistan") or before a venue word ("the Doha talks").
        if not (struck or (prep is not None and prep not in vocabulary.not_for_states)) and \
                not _is_venue_modifier(view, placed, after, vocabulary) and \
                not (any(r.kind == "capital" for r in actor_refs) and
                     _in_town(view, placed, gazetteer)):
            return None
    elif not (prep is not None or struck or records.major or (
            after in vocabulary.region_words and
            _is_venue_modifier(view, placed, after, vocabulary))):
        return None  # a minor town needs a locative or a region word ("Kurram district")
    region = after in vocabulary.region_kinds
    if region:
        records = records.regional()
    near = prep is not None and (prep in vocabulary.near_words or prep in vocabulary.directions)
    # The name's places, their weak ones and whether any is major are read once per name
    # (`NamePlaces`; `name_facts` is the plain reading).
    return PlaceMention(first, last, records, near=near, region=region, weak=records.weak,
                        speech=_said_at(view, first, marks.trigger_tokens, vocabulary.speech),
                        district=after in gazetteer.district_words,
                        start=view.tokens.start_of(first), end=view.tokens.ends[last])


def name_facts(gazetteer: Gazetteer, key: str, region: bool
               ) -> tuple[list[PlaceRecord], frozenset[int], bool]:
    """The plain reading of a name's places that `NamePlaces` holds once per name: its places
    (the regional ones after a region word, when it has any), the indexes of those found by
    an alternate name only, and whether any of all its places is a major town."""
    records: list[PlaceRecord] = gazetteer.candidates(key)
    major = any(r.major for r in records)
    if region:
        records = [r for r in records if r.kind in REGIONAL_KINDS] or records
    return records, frozenset([i for i, r in enumerate(records)
                               if gazetteer.is_alternate(key, r)]), major


def read_names(view: SentenceView, marks: Marks, gazetteer: Gazetteer, vocabulary: Vocabulary
               ) -> tuple[list[PlaceMention], list[Placed]]:
    """The sentence's places, and the names left as actors, each in text order."""
    places: list[PlaceMention] = []
    actor_spans: list[Placed] = []
    words = view.words
    for placed, place_refs, actor_refs in marks.names:
        after = words[placed.last + 1] if placed.last + 1 < len(words) else ""
        if not place_refs:
            place = _territory(view, placed, actor_refs, gazetteer, vocabulary) \
                if after in vocabulary.territory_words else None
        else:
            place = _as_place(view, placed, after, place_refs, actor_refs, gazetteer,
                              vocabulary, marks, marks.violent_tokens)
            if place is None and places and \
                    _coordinated_with(view, places[-1], placed, vocabulary, gazetteer):
                place = _as_place(view, placed, after, place_refs, actor_refs, gazetteer,
                                  vocabulary, marks, marks.violent_tokens | {placed.first - 1})
        if place is not None:
            places.append(place)
        elif actor_refs:
            actor_spans.append(placed)
    if places and not gazetteer.district_words.isdisjoint(words):
        places = _district_variants(view, places, gazetteer)
    return places, actor_spans


# Words a district's name may have before its district word ("Nahr-e Saraj district").
_DISTRICT_NAME_WORDS = 3


def _district_variants(view: SentenceView, places: list[PlaceMention], gazetteer: Gazetteer
                       ) -> list[PlaceMention]:
    """"Nahri Saraj district of Helmand": a district spelt otherwise than in the gazetteer,
    sought only inside a province the sentence names (spelling variants are too loose to
    name a place anywhere else). The longest name before the district word wins, and
    replaces a shorter place read inside it ("Mohmand" of "Mohmand Dara district")."""
    provinces = [r for p in places for r in p.records[:3] if r.kind in REGIONAL_KINDS]
    if not provinces:
        return places
    words = view.words
    for i, word in enumerate(words):
        if word not in gazetteer.district_words:
            continue
        for size in range(min(_DISTRICT_NAME_WORDS, i), 0, -1):
            first = i - size
            if any(p.first == first and p.last == i - 1 for p in places):
                break  # the gazetteer knows the name as written
            if not all(w.replace("-", "").replace("'", "").isalpha() for w in words[first:i]):
                continue
            records = [r for province in provinces
                       for r in gazetteer.variants(" ".join(words[first:i]), province)]
            if records:
                places = [p for p in places if p.last < first or p.first >= i]
                places.append(PlaceMention(first, i - 1, records, district=True,
                                           start=view.tokens.start_of(first),
                                           end=view.tokens.ends[i - 1]))
                places.sort(key=lambda p: p.first)
                break
    return places
