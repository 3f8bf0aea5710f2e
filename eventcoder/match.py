"""One multi-pattern pass (Aho-Corasick, pyahocorasick) over folded text.

Every lexicon phrase (triggers, actor names, places, cue words) is compiled into an
automaton once, when the Coder is built. Matching keeps hits that respect word boundaries
and resolves overlaps leftmost-longest, so "Pakistan-Afghanistan border" wins over
"Pakistan", and "exchanged fire" over "fire". A cheaper automaton of triggers alone finds
the sentences worth coding; the full one runs only on those.

Word boundaries are left to the automaton: it runs over a "shaped" copy of the text, of the
same length, with every non-word character read as a space, and a phrase that begins or
ends with a word character is compiled with a space on that side. Most raw hits of ~90k
place names are short names inside longer words ("Ur" in "Kurdish"); shaped, they are
never reported, instead of being rejected one by one in Python.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Union

import ahocorasick

from .lexicon import Gazetteer, Lexicon
from .text import Folder, glued, is_word_char


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


# Characters a shaped text reads as a space (see the module docstring): all but word
# characters (str.isalnum or "_", as in `text.is_word_char`) and the space itself.
_NON_WORD = re.compile(r"[^\w ]")
_ASCII_SHAPE = bytes(c if chr(c).isalnum() or chr(c) in "_ " else ord(" ") for c in range(256))
_WORD_ONLY = re.compile(r"\w+")
_START = attrgetter("start")
_END = attrgetter("end")

# Actor names that may also be places: a state, its capital, a city-named group.
_PLACE_LIKE = frozenset({"state", "capital", "group"})

Payload = Union[TriggerRef, ActorRef, PlaceRef, CueRef]


@dataclass(slots=True)
class Mention:
    """A phrase found in the text. Treated as immutable, but not a frozen dataclass: a
    frozen one calls object.__setattr__ per field on every construction, and the matcher
    makes a mention for every phrase of every sentence it reads."""

    start: int
    end: int
    payloads: tuple[Payload, ...]
    groups: dict[type, tuple] = field(compare=False)  # by kind (see _groups); no default,
    # so that no mention is made whose `of` would find nothing

    def __hash__(self) -> int:  # as a frozen dataclass would hash: by the compared fields
        return hash((self.start, self.end, self.payloads))

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


# A phrase as the automaton reports it: (back, length, key, forms, edged, payloads, groups).
# The phrase starts `back` characters before the end of the shaped hit and is `length` long;
# `key` (None when the phrase is all word characters, so that the shaped hit is the phrase)
# is compared with the text, since shaping merges "al-Shabaab", "al Shabaab" and
# "al/Shabaab"; `forms` are an abbreviation's spellings ("US"), None for other phrases;
# `edged`: the phrase begins or ends with punctuation, so its shaped pattern lacks a space on
# that side and a hit may reach into the character beside the scanned window. The payloads,
# and their groups (see `_groups`), are made once and shared by every mention of the phrase.
Candidate = tuple[int, int, Union[str, None], Union[frozenset, None], bool,
                  tuple[Payload, ...], dict[type, tuple]]
# What the automaton reports for a pattern (see `_hit_value`): (back, length, key, payloads,
# groups, None) for a pattern of one phrase that needs only the common checks, else
# (0, 0, None, (), {}, its candidates).
Hit = tuple[int, int, Union[str, None], tuple[Payload, ...], dict[type, tuple],
            Union[tuple[Candidate, ...], None]]


def _shape(text: str) -> str:
    """The text with every non-word character as a space, same length."""
    if text.isascii():  # nearly every folded text; a byte table is ten times the speed
        return text.encode("ascii").translate(_ASCII_SHAPE).decode("ascii")
    return _NON_WORD.sub(" ", text)


def _pattern(key: str) -> tuple[str, int, bool]:
    """The shaped key, with a space on each side that must not touch a word character
    (a key edged with punctuation, such as "'Amran", has no boundary there), the length of
    the right-hand space, and whether a side has no space."""
    left = " " if is_word_char(key[0]) else ""
    right = " " if is_word_char(key[-1]) else ""
    return left + _shape(key) + right, len(right), not (left and right)


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
        for key in self._loose:
            self._exact.pop(key, None)
        self._triggers = self._compile(triggers)
        self._full = self._compile(phrases)
        self.size = len(phrases)
        # The last text shaped, its shape, and whether it holds a run of spaces: `triggers`
        # shapes a whole document and the `mentions` of its sentences reuse it. Holding the
        # text makes the `is` test exact.
        self._last_shaped: tuple[str, str, bool] = ("", "  ", False)

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

    def _compile(self, table: dict[str, list[Payload]]) -> ahocorasick.Automaton:
        """An automaton of shaped patterns; keys that shape alike ("'Omer" and "Omer")
        share one pattern, and each is checked on its own."""
        patterns: dict[str, list[Candidate]] = defaultdict(list)
        for key, payloads in table.items():
            pattern, right, edged = _pattern(key)
            forms = self._exact.get(key)
            patterns[pattern].append((len(key) + right, len(key),
                                      None if _WORD_ONLY.fullmatch(key) else key,
                                      None if forms is None else frozenset(forms), edged,
                                      tuple(payloads), _groups(payloads)))
        automaton = ahocorasick.Automaton()
        for pattern, candidates in patterns.items():
            automaton.add_word(pattern, _hit_value(candidates))
        if len(automaton):
            automaton.make_automaton()
        return automaton

    def _scan(self, automaton: ahocorasick.Automaton, folded: str, start: int, end: int,
              original: str | None) -> list[Mention]:
        if not len(automaton):
            return []
        last = self._last_shaped
        if last[0] is not folded:
            last = self._last_shaped = (folded, " " + _shape(folded) + " ", "  " in folded)
        # A window of a text without a run of spaces holds none: the common case needs no
        # search per sentence.
        if last[2] and folded.find("  ", start, end) >= 0:
            return self._scan_squeezed(automaton, folded, start, end, original)
        return _scan_window(automaton, folded, last[1], start, end, original)

    def _scan_squeezed(self, automaton: ahocorasick.Automaton, folded: str, start: int,
                       end: int, original: str | None) -> list[Mention]:
        """Scan with runs of spaces read as one ("offered to  mediate"), offsets kept."""
        keep = [i for i in range(start, end) if not (folded[i] == " " and i > start
                                                     and folded[i - 1] == " ")]
        squeezed = "".join(folded[i] for i in keep)
        plain = None if original is None else "".join(original[i] for i in keep)
        # Shaped here, not through the cache, which keeps the whole document's shape.
        mentions = _scan_window(automaton, squeezed, " " + _shape(squeezed) + " ", 0,
                                len(squeezed), plain)
        return [Mention(keep[m.start], keep[m.end - 1] + 1, m.payloads, m.groups)
                for m in mentions]

    def triggers(self, folded: str) -> list[Mention]:
        """Trigger mentions in a whole document (the cheap first pass)."""
        return self._scan(self._triggers, folded, 0, len(folded), None)

    def mentions(self, folded: str, start: int, end: int, original: str) -> list[Mention]:
        """Every lexicon mention in folded[start:end] (a sentence); `original` is the unfolded
        text, for abbreviations that match only in capitals."""
        return self._scan(self._full, folded, start, end, original)


def _scan_window(automaton: ahocorasick.Automaton, folded: str, shaped: str, start: int,
                 end: int, original: str | None) -> list[Mention]:
    """Word-aligned mentions in folded[start:end], leftmost-longest; `shaped` is
    " " + _shape(folded) + " ", so a character's offset there is one more than in `folded`.
    The character on each side of the window is scanned too, as the boundary of the phrases
    that touch the window's edge."""
    # An apostrophe matters only beside a hit, so inside the window or next to it.
    quotes = folded.find("'", start - 1 if start else 0, end + 1) >= 0
    found: list[Mention] = []
    reach = -1
    disjoint = True
    # Sliced: pyahocorasick copies the whole text it is given, not just the window.
    for shaped_last, (back, length, key, payloads, groups, others) in \
            automaton.iter(shaped[start:end + 2]):
        if others is None:  # one phrase, neither edged nor an abbreviation (see _hit_value)
            first = shaped_last + start - back
            stop = first + length
            if key is not None and folded[first:stop] != key:
                continue  # the shapes agree, the punctuation does not
            if quotes and _glued_to(folded, first, stop):
                continue
            if first < reach:
                disjoint = False
            reach = stop
            found.append(Mention(first, stop, payloads, groups))
            continue
        for first, stop, payloads, groups in _checked(others, shaped_last + start, folded,
                                                      start, end, quotes, original):
            if first < reach:
                disjoint = False
            reach = stop
            found.append(Mention(first, stop, payloads, groups))
    # The automaton reports hits by their end. If none starts before the one reported
    # before it ends, none overlaps and they are in text order: what the overlap
    # resolution would return, so it runs only when two hits overlap (few sentences).
    return found if disjoint else _leftmost_longest(found)


def _checked(candidates: tuple[Candidate, ...], shaped_last: int, folded: str, start: int,
             end: int, quotes: bool, original: str | None
             ) -> list[tuple[int, int, tuple[Payload, ...], dict[type, tuple]]]:
    """The spans and payloads of the phrases of one hit that the text bears out."""
    spans = []
    for back, length, key, forms, edged, payloads, groups in candidates:
        first = shaped_last - back
        stop = first + length
        # A pattern with a space on each side lies inside the window: the scanned
        # characters beside it are the spaces, so only an edged one can reach out.
        if edged and (first < start or stop > end):
            continue  # a phrase edged with punctuation, found in the boundary character
        if key is not None and folded[first:stop] != key:
            continue  # the shapes agree, the punctuation does not
        if quotes and _glued_to(folded, first, stop):
            continue
        if forms is not None and original is not None and original[first:stop] not in forms:
            continue
        spans.append((first, stop, payloads, groups))
    return spans


def _hit_value(candidates: list[Candidate]) -> Hit:
    """What the automaton reports for a pattern: (back, length, key, payloads, groups, None)
    for the common pattern, of one phrase that is neither edged with punctuation nor an
    abbreviation, and so needs no check but its key's and the apostrophes'; else
    (0, 0, None, (), {}, candidates), each candidate checked in full. A pattern not edged
    has a space on each side, and its hit lies inside the scanned window: the characters
    beside the window are the spaces, so the phrase lies inside the window itself."""
    if len(candidates) == 1:
        back, length, key, forms, edged, payloads, groups = candidates[0]
        if forms is None and not edged:
            return back, length, key, payloads, groups, None
    return 0, 0, None, (), {}, tuple(candidates)


def _glued_to(folded: str, first: int, stop: int) -> bool:
    """An apostrophe between letters joins them into one word unless a clitic follows
    ("Kabul's"): nothing is matched inside "AFGHAN'STRUCK"."""
    return (first > 1 and folded[first - 1] == "'" and glued(folded, first - 1)) or (
        stop + 1 < len(folded) and folded[stop] == "'" and glued(folded, stop))


def _leftmost_longest(found: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions, leftmost-longest; triggers are chosen first, so a cue or a
    name never hides the words that name an event ("are scheduled to meet")."""
    # By start, the longest first: sorted by end, then stably by start (two sorts keyed
    # in C, not one by a Python function). Never a tie: one phrase per span.
    found = sorted(found, key=_END, reverse=True)
    found.sort(key=_START)
    keep = [False] * len(found)
    taken: list[tuple[int, int]] = []  # the chosen triggers' spans, in text order
    reach = -1
    for i, m in enumerate(found):
        if TriggerRef in m.groups and m.start >= reach:
            keep[i] = True
            reach = m.end
            taken.append((m.start, reach))
    reach = -1
    t = 0  # hits come in text order, so triggers ending before one never matter again
    for i, m in enumerate(found):
        if TriggerRef in m.groups or m.start < reach:
            continue
        while t < len(taken) and taken[t][1] <= m.start:
            t += 1
        if t < len(taken) and taken[t][0] < m.end:
            continue  # overlaps a trigger
        keep[i] = True
        reach = m.end
    return [m for m, kept in zip(found, keep) if kept]


def _is_abbreviation(phrase: str) -> bool:
    """"US", "UK", "LeT", "IS-K": short forms with two or more capitals, matched only as
    written, because in lower case they are words ("us", "let")."""
    letters = [c for c in phrase if c.isalpha()]
    return 0 < len(letters) <= 6 and sum(c.isupper() for c in letters) >= min(2, len(letters)) \
        and " " not in phrase.strip()
