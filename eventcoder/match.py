"""One multi-pattern pass (Aho-Corasick, pyahocorasick) over folded text.

Every lexicon phrase (triggers, actor names, places, cue words) is compiled into an
automaton once, when the Coder is built. Matching keeps hits that respect word boundaries
and resolves overlaps leftmost-longest, so "Pakistan-Afghanistan border" wins over
"Pakistan", and "exchanged fire" over "fire". A cheaper automaton of triggers alone finds
the sentences worth coding; the full one runs only on those.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Union

import ahocorasick

from .lexicon import Gazetteer, Lexicon
from .text import Folder, glued


@dataclass(frozen=True, slots=True)
class TriggerRef:
    event_type: str
    weak: bool
    consequence: bool = False
    status: str | None = None
    needs_pair: bool = False


@dataclass(frozen=True, slots=True)
class ActorRef:
    """kind: state, adjective, capital, group, group_adjective, person, organ, generic, sides."""

    kind: str
    key: str


@dataclass(frozen=True, slots=True)
class PlaceRef:
    key: str


@dataclass(frozen=True, slots=True)
class CueRef:
    kind: str
    value: str | None
    scope: str
    window: int
    except_types: tuple[str, ...] = ()


# Actor names that may also be places: a state, its capital, a city-named group.
_PLACE_LIKE = frozenset({"state", "capital", "group"})

Payload = Union[TriggerRef, ActorRef, PlaceRef, CueRef]


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    payloads: tuple[Payload, ...]
    groups: dict[type, tuple] = field(compare=False)  # by kind (see _groups); no default,
    # so that no mention is made whose `of` would find nothing

    def of(self, kind: type) -> tuple:
        return self.groups.get(kind, ())

    @classmethod
    def grouped(cls, start: int, end: int, payloads: tuple[Payload, ...]) -> "Mention":
        """A mention made outside the matcher (by a rule), its payloads grouped as the
        matcher's are, so that `of` finds them."""
        return cls(start, end, payloads, _groups(payloads))


def _groups(payloads: Iterable[Payload]) -> dict[type, tuple]:
    """Payloads by kind: grouped once, at build time, because the rules ask a mention for its
    triggers, actors or places many times."""
    groups: dict[type, list[Payload]] = {}
    for p in payloads:
        groups.setdefault(type(p), []).append(p)
    return {kind: tuple(refs) for kind, refs in groups.items()}


def _entry(key: str, payloads: list[Payload]) -> tuple[int, tuple[Payload, ...], dict, bool]:
    """What the automaton returns for a phrase."""
    groups = _groups(payloads)
    return len(key), tuple(payloads), groups, TriggerRef in groups


class Matcher:
    """Compiled automata over the lexicon's phrases."""

    def __init__(self, lexicon: Lexicon, gazetteer: Gazetteer, folder: Folder) -> None:
        self.folder = folder
        self._exact: dict[str, set[str]] = {}
        self._loose: set[str] = set()
        phrases: dict[str, list[Payload]] = defaultdict(list)
        triggers: dict[str, list[Payload]] = defaultdict(list)
        for event_type in lexicon.event_types:
            for trig in event_type.trigger_specs():
                ref = TriggerRef(event_type.id, trig.weak, trig.consequence, trig.status, trig.needs_pair)
                self._put(triggers, trig.text, ref)
                self._put(phrases, trig.text, ref)
        self._add_actors(lexicon, phrases)
        for cue in lexicon.cues:
            if cue.kind in {"anaphora", "boundary", "venue", "speech"}:
                continue  # single words, read from tokens by the rules
            ref = CueRef(cue.kind, cue.value, cue.scope, cue.window, tuple(cue.except_types))
            for phrase in cue.phrases:
                self._put(phrases, phrase, ref)
        for name in gazetteer.names():
            taken = phrases.get(name)
            if taken and not any(isinstance(p, ActorRef) and p.kind in _PLACE_LIKE for p in taken):
                continue  # "police", "fighting": a lexicon word first, never a town
            phrases[name].append(PlaceRef(name))
        self._triggers = self._compile(triggers)
        for key in self._loose:
            self._exact.pop(key, None)
        self._full = self._compile(phrases)
        self.size = len(phrases)

    def _put(self, table: dict[str, list[Payload]], phrase: str, ref: Payload) -> None:
        key = self.folder.fold(phrase).strip()
        if not key:
            return
        if ref not in table[key]:
            table[key].append(ref)
        # Abbreviations ("US", "UK", "KIA", "LeT") match only as written: in lower case they
        # are ordinary words ("told us", "let").
        if _is_abbreviation(phrase):
            self._exact.setdefault(key, set()).add(phrase.strip())
        else:
            self._loose.add(key)

    def _add_actors(self, lexicon: Lexicon, table: dict[str, list[Payload]]) -> None:
        for c in lexicon.countries:
            for name in (c.name, *c.aliases):
                self._put(table, name, ActorRef("state", c.iso3))
            for adj in c.adjectives:
                self._put(table, adj, ActorRef("adjective", c.iso3))
            for cap in c.capitals:
                self._put(table, cap, ActorRef("capital", c.iso3))
        for g in lexicon.groups:
            for name in (g.name, *g.aliases):
                self._put(table, name, ActorRef("group", self.folder.fold(name)))
            for adj in g.adjectives:
                self._put(table, adj, ActorRef("group", self.folder.fold(adj)))
        for p in lexicon.people:
            for name in (p.name, *p.aliases):
                self._put(table, name, ActorRef("person", self.folder.fold(name)))
        for o in lexicon.organs:
            for word in o.words:
                self._put(table, word, ActorRef("organ", o.id))
        for a in lexicon.generic_actors:
            for word in a.words:
                self._put(table, word, ActorRef("generic", a.id))
        for cue in lexicon.cues:
            if cue.kind == "sides":
                for phrase in cue.phrases:
                    self._put(table, phrase, ActorRef("sides", cue.value or "dyad"))

    @staticmethod
    def _compile(table: dict[str, list[Payload]]) -> ahocorasick.Automaton:
        automaton = ahocorasick.Automaton()
        for key, payloads in table.items():
            automaton.add_word(key, _entry(key, payloads))
        if len(automaton):
            automaton.make_automaton()
        return automaton

    def _scan(self, automaton: ahocorasick.Automaton, folded: str, start: int, end: int,
              original: str | None = None) -> list[Mention]:
        if not len(automaton):
            return []
        if "  " in folded[start:end]:
            return self._scan_squeezed(automaton, folded, start, end, original)
        hits = []
        exact = self._exact if original is not None else None
        size = len(folded)
        for last, entry in automaton.iter(folded, start, end):
            first = last - entry[0] + 1
            # Word boundaries (inlined: this loop sees every hit, and most hits
            # are short names inside longer words): no word character may continue the phrase.
            if first > 0 and ((c := folded[first - 1]).isalnum() or c == "_") and (
                    (c := folded[first]).isalnum() or c == "_"):
                continue
            if last + 1 < size and ((c := folded[last + 1]).isalnum() or c == "_") and (
                    (c := folded[last]).isalnum() or c == "_"):
                continue
            # An apostrophe between letters joins them into one word unless a clitic follows
            # ("Kabul's"): nothing is matched inside "AFGHAN'STRUCK". One comparison a side
            # unless an apostrophe is there.
            if (first > 1 and folded[first - 1] == "'" and glued(folded, first - 1)) or (
                    last + 2 < size and folded[last + 1] == "'" and glued(folded, last + 1)):
                continue
            if exact:
                forms = exact.get(folded[first:last + 1])
                if forms is not None and original[first:last + 1] not in forms:
                    continue
            hits.append((first, -entry[0], entry))
        return _leftmost_longest(hits)

    def _scan_squeezed(self, automaton: ahocorasick.Automaton, folded: str, start: int,
                       end: int, original: str | None) -> list[Mention]:
        """Scan with runs of spaces read as one ("offered to  mediate"), offsets kept."""
        keep = [i for i in range(start, end) if not (folded[i] == " " and i > start
                                                     and folded[i - 1] == " ")]
        squeezed = "".join(folded[i] for i in keep)
        plain = None if original is None else "".join(original[i] for i in keep)
        mentions = self._scan(automaton, squeezed, 0, len(squeezed), plain)
        return [Mention(keep[m.start], keep[m.end - 1] + 1, m.payloads, m.groups)
                for m in mentions]

    def triggers(self, folded: str) -> list[Mention]:
        """Trigger mentions in a whole document (the cheap first pass)."""
        return self._scan(self._triggers, folded, 0, len(folded))

    def mentions(self, folded: str, start: int, end: int, original: str) -> list[Mention]:
        """Every lexicon mention in folded[start:end] (a sentence); `original` is the unfolded
        text, for abbreviations that match only in capitals."""
        return self._scan(self._full, folded, start, end, original)


def _leftmost_longest(hits: list[tuple[int, int, tuple]]) -> list[Mention]:
    """Non-overlapping mentions, leftmost-longest; triggers are chosen first, so a cue or a
    name never hides the words that name an event ("are scheduled to meet")."""
    hits.sort(key=_first_longest)
    chosen: list[Mention] = []
    taken: list[tuple[int, int]] = []
    reach = -1
    for first, neg_length, entry in hits:
        if entry[3] and first >= reach:
            end = first - neg_length
            chosen.append(Mention(first, end, entry[1], entry[2]))
            taken.append((first, end))
            reach = end
    reach = -1
    for first, neg_length, entry in hits:
        if entry[3] or first < reach:
            continue
        end = first - neg_length
        if taken and any(a < end and first < b for a, b in taken):
            continue
        chosen.append(Mention(first, end, entry[1], entry[2]))
        reach = end
    chosen.sort(key=_start)
    return chosen


def _first_longest(hit: tuple[int, int, tuple]) -> tuple[int, int]:
    return hit[0], hit[1]


def _start(mention: Mention) -> int:
    return mention.start


def _is_abbreviation(phrase: str) -> bool:
    """"US", "UK", "LeT", "IS-K": short forms with two or more capitals, matched only as
    written, because in lower case they are words ("us", "let")."""
    letters = [c for c in phrase if c.isalpha()]
    return 0 < len(letters) <= 6 and sum(c.isupper() for c in letters) >= min(2, len(letters)) \
        and " " not in phrase.strip()
