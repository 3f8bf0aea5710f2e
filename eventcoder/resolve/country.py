"""The country an article is about, read once per article from everything that points to one.

Many reports name no place the gazetteer knows ("in the capital", a neighbourhood, a
village), or none at all; a careful coder still knows the country: from the states,
nationalities, parties, armed groups and office holders the text names (the actor lexicon
knows their countries), the provinces and capitals it names, a currency beside an amount,
and the outlet that published it (a new lexicon table: "The Hindu" reports on India). Each
piece of evidence is a vote; the country with most votes is the article's. A name of one
place alone does not make its country the article's when other evidence points elsewhere:
"Delta" in an Indian report is not Nigeria's Delta State.

An event with no place of its own is placed in the article's country: at the capital when
the text says "in the capital", near a town of the country the text names (precision 2),
else (ACLED's geo precision 3) at the province the text names (a name several countries'
provinces share, "Punjab", in the country the rest points to), else at the province a party
or group of one province points to ("Shiv Sena": Maharashtra), else at that of an
institution or region of one province ("Jadavpur University": West Bengal; both in
language/province_cues.yaml), else at the outlet's home province when it is a paper of one
province (a national paper has none), else the country.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from typing import NamedTuple

from mypy_extensions import mypyc_attr

from ..lexicon import Gazetteer, Lexicon, PlaceRecord
from ..model.mentions import ActorRef, Mention, PlaceRef
from ..text import Folder

# Imported to run, not only for type checkers: the compiled build (setup.py) checks this
# class's objects against its type, which exists once its module has been imported.
from ..match import Matcher

# Votes, each distinct name once: the outlet weighs most (a local paper reports on its
# country, whatever foreign firm or leader its story names); then a state, nationality or
# capital; a party, group or office holder whose country the lexicon knows, or a province or
# curated place of one country; a currency beside an amount least.
SOURCE_VOTE = 6
SHARED_SOURCE_VOTE = 1  # an outlet name papers of several countries share ("The Nation")
STATE_VOTE = 4
ACTOR_VOTE = 3
PLACE_VOTE = 3
CURRENCY_VOTE = 2
_STATE_KINDS = frozenset({"state", "adjective", "capital"})
# What an article may name that places an event it does not place: a town or district.
_NAMED_KINDS = frozenset({"town", "admin2", "district"})
_ACTOR_KINDS = frozenset({"group", "group_adjective", "person"})
_PARTS = re.compile(r"\s*(?:;|,|\s--\s|\s-\s|/)\s*")
_BRACKETS = re.compile(r"\(([^)]*)\)")


@dataclass(frozen=True, slots=True)
class ArticleCountry:
    """What an article points to: its country (`top`, or None), the countries it points
    to most (`pointed`: `top` and any tied with it), the province its text names in that
    country (`admin1`), the province a party or group of one province it names points to
    (`cue`), its outlet's home province (`home`), and whether it speaks of "the capital"."""

    top: str | None = None
    pointed: frozenset[str] = frozenset()
    admin1: PlaceRecord | None = None
    capital: bool = False
    votes: tuple[tuple[str, int], ...] = field(default=())
    states_only: bool = False  # only states and nationalities point to a country
    sourced: bool = False  # the outlet points to a country
    cue: PlaceRecord | None = None
    home: PlaceRecord | None = None


NO_COUNTRY = ArticleCountry()
_MEMO_SIZE = 50_000  # place names or sources remembered, at most
_MIN_SCREEN = 3  # a common part shorter than this is in nearly every text: no screen


@dataclass(slots=True)
class _TextNames:
    """What an article's mentions point to: the votes, the provinces of the places named
    (`admin1`), every actor named (in text order, each once) and the places named with
    no actor in the same mention (`bare`)."""

    votes: dict[str, int] = field(default_factory=dict)
    admin1: list[PlaceRecord] = field(default_factory=list)
    # Keyed by (kind, key), which a dict hashes in C: an ActorRef hashes and compares
    # through the dataclass's Python methods, for every actor of every mention.
    actors: dict[tuple[str, str], ActorRef] = field(default_factory=dict)
    bare: set[str] = field(default_factory=set)


class _PlaceFacts(NamedTuple):
    """A place name's countries (as `Gazetteer.points_to`) and their provinces of it."""

    countries: frozenset[str]
    provinces: tuple[PlaceRecord, ...]


class _Outlet(NamedTuple):
    """A source's votes, in order, and its home province (of a paper of one province)."""

    votes: tuple[tuple[str, int], ...]
    home: PlaceRecord | None


def _place_facts(gazetteer: Gazetteer, key: str) -> _PlaceFacts:
    countries = frozenset(gazetteer.points_to(key))
    return _PlaceFacts(countries, tuple(r for r in gazetteer.candidates(key)
                                        if r.iso3 in countries and r.kind == "admin1"))


@mypyc_attr(allow_interpreted_subclasses=True)
class CountryReader:
    """Reads an article's country (`read`); built once per Coder from its lexicon. The
    text's mentions are read in one pass; what a place name and a source vote is worked
    out once per name and per source and remembered (bounded): the same few hundred
    names and few outlets come back in every article."""

    def __init__(self, lexicon: Lexicon, gazetteer: Gazetteer, matcher: Matcher,
                 folder: Folder) -> None:
        self.gazetteer, self.matcher, self.folder = gazetteer, matcher, folder
        words = lexicon.language.places
        self._outlets = {_outlet_key(folder, name): [_home(v) for v in value.split("|")]
                         for name, value in words.outlets.items()}
        self._agencies = tuple(_outlet_key(folder, name) for name in words.agencies)
        self._actors: dict[str, set[str]] = {}
        for group in lexicon.groups:
            iso3 = group.state or group.country
            for name in group.forms():
                self._actors.setdefault(folder.fold(name), set()).add(iso3 or "")
        for person in lexicon.people:
            for name in {person.name, *person.aliases}:
                self._actors.setdefault(folder.fold(name), set()).add(person.country)
        # the names of a party, group or person of one known country
        self._actor_country = {name: next(iter(known)) for name, countries in
                               self._actors.items() if len(known := countries - {""}) == 1}
        # Filled as articles are read (each bounded): what a place name and a source vote.
        self._places: dict[str, _PlaceFacts] = {}
        self._outlets_seen: dict[str | None, _Outlet] = {}
        self._currencies = {folder.fold(k).strip(): v for k, v in words.currencies.items()}
        self._currency = _currency_pattern(list(self._currencies)) if self._currencies else None
        self._currency_screens = screens(self._currencies)
        self._group_homes = self._homes_of_groups(lexicon, folder)
        names = lexicon.language.provinces.names
        self._names = {" ".join(folder.fold(k).split()): _home(v) for k, v in names.items()
                       if not _abbreviation(k)}
        self._name_pattern = _phrase_pattern(list(self._names))
        self._abbreviations = {k: _home(v) for k, v in names.items() if _abbreviation(k)}
        self._abbreviation_pattern = _phrase_pattern(list(self._abbreviations))
        capitals = sorted({folder.fold(w).strip() for w in words.capital_words}, key=len,
                          reverse=True)
        self._capital_words = tuple(capitals)
        self._capital_screens = screens(capitals)
        self._capital = re.compile(
            r"\b(?:in|at|of|to|from|near|across|around)\s+(?:" +
            "|".join(re.escape(c) for c in capitals) + r")\b") if capitals else None

    def read(self, mentions: Iterable[Mention], folded: str, original: str,
             source: str | None) -> ArticleCountry:
        """The article's country from its `mentions` (of the text), its folded and original
        text, and its `source` (the outlet, as metadata names it; may be None)."""
        text = self._text_names(mentions)
        votes = text.votes
        currencies = [self._currencies[m.group("a") or m.group("b")] for m in
                      screened_finditer(self._currency, self._currency_screens, folded)] \
            if self._currency is not None else []
        for iso3 in currencies:
            votes[iso3] = votes.get(iso3, 0) + CURRENCY_VOTE
        outlet = self._outlet(source)
        for iso3, weight in outlet.votes:
            votes[iso3] = votes.get(iso3, 0) + weight
        if not votes:
            return NO_COUNTRY
        top = max(votes.items(), key=lambda kv: kv[1])[0]  # the first seen wins a tie
        # Where the votes tie, the article points to each of the tied countries.
        pointed = frozenset(c for c, v in votes.items() if v >= votes[top])
        unit = next((r for r in text.admin1 if r.iso3 == top), None)
        home = outlet.home if outlet.home is not None and outlet.home.iso3 == top else None
        capital = self._capital is not None and \
            next(screened_finditer(self._capital, self._capital_screens, folded),
                 None) is not None
        states_only = not currencies and not outlet.votes and self._states_only(text)
        return ArticleCountry(top, pointed, unit, capital, tuple(votes.items()), states_only,
                              bool(outlet.votes), self._group_province(text.actors.values(), top),
                              home)

    def _homes_of_groups(self, lexicon: Lexicon, folder: Folder
                         ) -> dict[str, tuple[str, str | None]]:
        """Each name of a party or group of one province -> (ISO3, admin1)."""
        groups = {group.id: group for group in lexicon.groups}
        homes: dict[str, tuple[str, str | None]] = {}
        for group_id, value in lexicon.language.provinces.groups.items():
            group = groups.get(group_id)
            if group is None:
                warnings.warn(f"language.provinces.groups: {group_id!r} is no actor id of "
                              "the lexicon; left out", stacklevel=3)
                continue
            for name in group.forms():
                homes[folder.fold(name)] = _home(value)
        return homes

    def _group_province(self, actors: Iterable[ActorRef], top: str) -> PlaceRecord | None:
        """The home province, in country `top`, of the first party or group of one province
        the text names (`actors`, in text order: "Shiv Sena workers": Maharashtra)."""
        for ref in actors:
            found = self._group_homes.get(ref.key) if ref.kind in _ACTOR_KINDS else None
            if found and found[0] == top and found[1]:
                unit = self._admin1_named(top, found[1])
                if unit is not None:
                    return unit
        return None

    def named_province(self, folded: str, original: str, top: str) -> PlaceRecord | None:
        """The province, in country `top`, of the first institution or region of one
        province the text (`folded`, and as written: `original`) names ("Jadavpur
        University": West Bengal; "GHMC": Telangana)."""
        found: list[tuple[int, tuple[str, str | None]]] = []
        if self._name_pattern is not None:
            found.extend((m.start(), self._names[" ".join(m.group(0).split())])
                         for m in self._name_pattern.finditer(folded))
        if self._abbreviation_pattern is not None:
            found.extend((m.start(), self._abbreviations[m.group(0)])
                         for m in self._abbreviation_pattern.finditer(original))
        for _, (iso3, name) in sorted(found, key=lambda f: f[0]):
            unit = self._admin1_named(iso3, name) if iso3 == top and name else None
            if unit is not None:
                return unit
        return None

    def named_town(self, mentions: Iterable[Mention], original: str, top: str
                   ) -> PlaceRecord | None:
        """The first town or district of country `top` the article names as a name
        (capitalised, not inside the name of a group, party or person, not beside a number),
        wherever it stands, a locative before it or not ("the streets of Guwahati", "the
        Shikarpur chapter")."""
        reach = -1  # the end of the names of actors seen so far
        for mention in mentions:
            places = mention.of(PlaceRef)
            if mention.of(ActorRef):
                reach = max(reach, mention.end)
                continue
            if not places or mention.end <= reach or original[mention.start].islower() or \
                    _beside_number(original, mention.start, mention.end):
                continue
            for payload in places:
                records = [r for r in self.gazetteer.candidates(payload.key)
                           if r.iso3 == top and r.kind in _NAMED_KINDS]
                if records:
                    return min(records, key=_named_rank)
        return None

    def _text_names(self, mentions: Iterable[Mention]) -> _TextNames:
        """The votes of the states, actors and places the text names, each distinct name
        once, read in one pass over its mentions."""
        names = _TextNames()
        voted: set[str] = set()  # the places that voted (or could not)
        for mention in mentions:
            # (read off the groups, not through `Mention.of`: a call per kind and mention,
            # most of which name neither)
            groups = mention.groups
            actors, places = groups.get(ActorRef, ()), groups.get(PlaceRef, ())
            if not (actors or places):
                continue
            actor = False
            for ref in actors:
                key = (ref.kind, ref.key)
                if key not in names.actors:
                    names.actors[key] = ref
                    actor = self._actor_vote(ref, names.votes) or actor
            if actor:
                # "Dhaka" the capital already voted as its state; it still tells the
                # province (Dhaka division), for an event the text does not place.
                for ref in places:
                    names.admin1.extend(self._place(ref.key).provinces)
                continue
            if not actors:
                names.bare.update(ref.key for ref in places)
            for ref in places:
                if ref.key not in voted:
                    voted.add(ref.key)
                    self._place_vote(ref.key, names)
        return names

    def _states_only(self, text: _TextNames) -> bool:
        """Did only states and nationalities of the text vote (no party, group or place)?"""
        return all(ref.kind in _STATE_KINDS or self._actors.get(ref.key, {""}) == {""}
                   for ref in text.actors.values()) and \
            not any(self._place(key).countries for key in text.bare)

    def _actor_vote(self, ref: ActorRef, votes: dict[str, int]) -> bool:
        if ref.kind in _STATE_KINDS:
            votes[ref.key] = votes.get(ref.key, 0) + STATE_VOTE
            return True
        if ref.kind in _ACTOR_KINDS:
            country = self._actor_country.get(ref.key)
            if country is not None:
                votes[country] = votes.get(country, 0) + ACTOR_VOTE
                return True
        return False

    def _place_vote(self, key: str, names: _TextNames) -> None:
        """A province or curated place of one country votes for it; a name several
        countries' provinces share ("Punjab") votes for none, but is the province of
        whichever of them the rest of the article points to."""
        place = self._place(key)
        names.admin1.extend(place.provinces)
        if len(place.countries) == 1:
            iso3 = next(iter(place.countries))
            names.votes[iso3] = names.votes.get(iso3, 0) + PLACE_VOTE

    def _place(self, key: str) -> _PlaceFacts:
        """What a place name tells of the article's country, worked out once per name (the
        same few hundred names come back in every article)."""
        facts = self._places.get(key)
        if facts is None:
            facts = _place_facts(self.gazetteer, key)
            if len(self._places) >= _MEMO_SIZE:
                self._places.clear()
            self._places[key] = facts
        return facts

    def _outlet(self, source: str | None) -> _Outlet:
        """The votes of an article's `source`, worked out once per source (a corpus has
        few outlets, each of thousands of articles)."""
        key = source if isinstance(source, str) else None
        outlet = self._outlets_seen.get(key)
        if outlet is None:
            outlet = self._source_votes(key)
            if len(self._outlets_seen) >= _MEMO_SIZE:
                self._outlets_seen.clear()
            self._outlets_seen[key] = outlet
        return outlet

    def _source_votes(self, source: str | None) -> _Outlet:
        """Each outlet of the source votes for its home; an outlet the table does not know
        votes for the country, nationality or province its name holds ("Times of India")."""
        votes: list[tuple[str, int]] = []
        unit: PlaceRecord | None = None
        for part in _source_parts(source):
            key = _outlet_key(self.folder, part)
            homes = self._outlets.get(key) or self._outlets.get(_BRACKETS.sub("", key).strip())
            if homes is None and any(key == a or key.startswith(a + " ") for a in self._agencies):
                continue
            if homes is None:
                found = self._home_in_name(part)
                homes = [found] if found else []
            # A name papers of several countries share votes little for each, the most
            # likely first (the first seen wins a tie): the text decides when it can.
            weight = SOURCE_VOTE if len(homes) == 1 else SHARED_SOURCE_VOTE
            for iso3, province in homes:
                votes.append((iso3, weight))
                if province and unit is None and len(homes) == 1:
                    unit = self._admin1_named(iso3, province)
        return _Outlet(tuple(votes), unit)

    def _home_in_name(self, part: str) -> tuple[str, str | None] | None:
        folded = self.folder.fold(part)
        found: list[tuple[str, str | None]] = []
        for mention in self.matcher.mentions(folded, 0, len(folded), part):
            for payload in mention.payloads:
                if isinstance(payload, ActorRef) and payload.kind in _STATE_KINDS:
                    found.append((payload.key, None))
                elif isinstance(payload, PlaceRef):
                    countries = self.gazetteer.points_to(payload.key)
                    if len(countries) == 1:
                        found.append((next(iter(countries)), payload.key))
        homes = {iso3 for iso3, _ in found}
        if len(homes) != 1:
            return None
        return found[0][0], next((k for _, k in found if k), None)

    def _admin1_named(self, iso3: str, name: str) -> PlaceRecord | None:
        return next((r for r in self.gazetteer.candidates(self.folder.fold(name).strip())
                     if r.iso3 == iso3 and r.kind == "admin1"), None)

    def place(self, article: ArticleCountry, named: Callable[[str], PlaceRecord | None],
              cued: Callable[[str], PlaceRecord | None] = lambda top: None
              ) -> tuple[PlaceRecord, int] | None:
        """Where an event with no place of its own is put: the capital when the text says
        "in the capital" (precision 1), else a town of the country the article names
        (`named(top)`, see `named_town`; near it: precision 2), else the province the
        text names, else the province a party or group of one province points to, else
        the province an institution or region names (`cued(top)`, see `named_province`),
        else the outlet's home province, else the country (precision 3)."""
        if article.top is None:
            return None
        if article.capital:
            capital = self.gazetteer.capital(article.top)
            if capital is not None:
                return capital, 1
        town = named(article.top)
        if town is not None:
            return town, 2
        province = article.admin1 or article.cue or cued(article.top) or article.home
        if province is not None:
            return province, 3
        country = self.gazetteer.country(article.top)
        return (country, 3) if country is not None else None


def _home(value: str) -> tuple[str, str | None]:
    iso3, _, admin1 = value.partition("/")
    return iso3.strip(), admin1.strip() or None


def _outlet_key(folder: Folder, name: str) -> str:
    key = " ".join(folder.fold(name).split())
    return key[4:] if key.startswith("the ") else key


def _source_parts(source: str | None) -> list[str]:
    if not source or not isinstance(source, str):
        return []
    return [p for p in _PARTS.split(source) if p.strip()]


def gated_finditer(pattern: re.Pattern[str], words: Iterable[str], text: str
                   ) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern every match of which holds one of `words`
    with no letter right after it (a currency word before an amount or ending a word, "the
    capital" ending a word): searched only when the text holds one so. The patterns of the
    currency and the capital open with a word boundary that the engine tries at every
    character, a sixth of a coding pass when run over every article; most articles hold
    none of the words, and most that do hold them inside other words ("afghanis" in
    "afghanistan"). (tests/test_country_speed.py holds it to the plain search.)"""
    found = any(_ends_free(text, w) for w in words if w in text)
    return pattern.finditer(text) if found else iter(())


def screened_finditer(pattern: re.Pattern[str], screens: dict[str, tuple[str, ...]],
                      text: str) -> Iterator[re.Match[str]]:
    """`gated_finditer(pattern, words, text)`, for the `screens(words)`: a word is looked for
    only in a text that holds its screen, which most texts hold none of (22 currency
    words are 19 screens, the 4 words of "the capital" one)."""
    found = any(_ends_free(text, w) for screen, words in screens.items() if screen in text
                for w in words if w in text)
    return pattern.finditer(text) if found else iter(())


def screens(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Strings, each with the words that hold it, such that a text that holds one of `words`
    holds its screen: the words' longest common part, if they have one of a few letters
    ("capital" of "the capital city" and "the national capital"); else each word that holds
    none of the others ("kyat", for "kyat" and "kyats")."""
    ordered = sorted(set(words), key=lambda w: (len(w), w))
    if not ordered:
        return {}
    first = ordered[0]
    for size in range(len(first), _MIN_SCREEN - 1, -1):
        for at in range(len(first) - size + 1):
            part = first[at:at + size]
            if all(part in w for w in ordered):
                return {part: tuple(ordered)}
    found: dict[str, tuple[str, ...]] = {}
    for word in ordered:  # (shortest first: a word's screen is listed before it)
        screen = next((s for s in found if s in word), word)
        found[screen] = (*found.get(screen, ()), word)
    return found


def _ends_free(text: str, word: str) -> bool:
    """Is `word` somewhere in `text` with no letter right after it?"""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if end == len(text) or not text[end].isalpha():
            return True
        at = text.find(word, at + 1)
    return False


def _currency_pattern(words: list[str]) -> re.Pattern[str]:
    """A currency word beside an amount: "Tk 500", "Tk. 5 lakh", "20,000 kyats"."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?P<a>{alternatives})\.?\s?\d|\d(?:[\d,.]*\d)?\s?"
                      rf"(?:lakh|crore|million|billion|thousand|m|bn)?\s?(?P<b>{alternatives})\b")




def _abbreviation(name: str) -> bool:
    return name.isupper()


def _phrase_pattern(names: list[str]) -> re.Pattern[str] | None:
    """Any of `names` as whole words, the longest first; blanks match any blanks."""
    if not names:
        return None
    alternatives = "|".join(r"\s+".join(re.escape(w) for w in name.split())
                            for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


_NUMBER_BEFORE = re.compile(r"\d[\s,.]*$")
_NUMBER_AFTER = re.compile(r"^[\s,.]*\d")


def _beside_number(original: str, start: int, end: int) -> bool:
    """"Nov 5", "28 May", "House 12": a name beside a number is a date or an address."""
    return bool(_NUMBER_BEFORE.search(original[max(0, start - 4):start]) or
                _NUMBER_AFTER.match(original[end:end + 4]))


def _named_rank(record: PlaceRecord) -> tuple[bool, bool]:
    """Places under their own name first; then, under its own name, a town before a
    district, and under an alternate name a district before a town ("Khogyani" is the
    district of Nangarhar, and only an old name of a town elsewhere)."""
    return record.alternate, (record.kind == "town") == record.alternate
