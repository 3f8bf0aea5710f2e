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
from array import array
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise
from operator import attrgetter

import ahocorasick
from mypy_extensions import mypyc_attr

from .lexicon import Gazetteer, Lexicon
from .lexicon.model import WORD_EFFECTS
from .model.mentions import ActorRef, CueRef, Mention, Payload, PlaceRef, TriggerRef, group_payloads
from .text import Folder, glued, is_word_char
from .model.pickling import pickled_by_fields

# Characters a shaped text reads as a space (see the module docstring): all but word
# characters (str.isalnum or "_", as in `text.is_word_char`) and the space itself.
_NON_WORD = re.compile(r"[^\w ]")
# The same for ASCII text, as a byte table: `shape_plain` is the reference.
_ASCII_SHAPE = bytes(c if chr(c).isalnum() or chr(c) in "_ " else ord(" ") for c in range(256))
_WORD_ONLY = re.compile(r"\w+")
_SPACE_RUN = re.compile("  +")
_START = attrgetter("start")
_END = attrgetter("end")

# Actor names that may also be places: a state, its capital, a city-named group.
_PLACE_LIKE = frozenset({"state", "capital", "group"})


@dataclass(frozen=True, slots=True)
class Phrase:
    """A lexicon phrase as the automaton reports it: one of the phrases of a shaped pattern.

    The phrase starts `back` characters before the end of the shaped hit and is `length`
    long. `key` is the folded phrase, compared with the text, since shaping merges
    "al-Shabaab", "al Shabaab" and "al/Shabaab"; None when the phrase is all word characters,
    so that the shaped hit is the phrase. `forms`: an abbreviation's spellings ("US"), matched
    only as written; None for other phrases. `edged`: the phrase begins or ends with
    punctuation, so its pattern lacks a space on that side and a hit may reach into the
    character beside the scanned window. The payloads, and their groups (see
    `group_payloads`), are made once and shared by every mention of the phrase.

    (Not a NamedTuple: Python 3.11 unpacks a tuple subclass by iterating it, four times the
    cost of reading a slotted class's fields, and the matcher reads one per hit.)"""

    back: int
    length: int
    key: str | None
    forms: frozenset[str] | None
    edged: bool
    payloads: tuple[Payload, ...]
    groups: dict[type, tuple]


def _shape(text: str) -> str:
    """The text with every non-word character as a space, same length."""
    if text.isascii():  # nearly every folded text; a byte table is ten times the speed
        return text.encode("ascii").translate(_ASCII_SHAPE).decode("ascii")
    return shape_plain(text)


def shape_plain(text: str) -> str:
    """`_shape` without the ASCII shortcut: the reference it is tested against."""
    return _NON_WORD.sub(" ", text)


def _pattern(key: str) -> tuple[str, int, bool]:
    """The shaped key, with a space on each side that must not touch a word character
    (a key edged with punctuation, such as "'Amran", has no boundary there), the length of
    the right-hand space, and whether a side has no space."""
    left = " " if is_word_char(key[0]) else ""
    right = " " if is_word_char(key[-1]) else ""
    return left + _shape(key) + right, len(right), not (left and right)


@mypyc_attr(allow_interpreted_subclasses=True)
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
                ref = TriggerRef(event_type.id, trig.weak, trig.consequence, trig.status,
                                 trig.needs_pair)
                self._put(triggers, trig.text, ref)
                self._put(phrases, trig.text, ref)
        self._add_states(lexicon, phrases)
        self._add_actors(lexicon, phrases)
        self._add_cues(lexicon, phrases)
        # "Saint Lucia's army": a town named as a lexicon name's possessive would swallow the
        # name (the longest match wins), so such a town is left to its gazetteer entry.
        endings = tuple(self.folder.fold(w) for w in lexicon.language.rules.possessive)
        names = set(phrases)
        for name in gazetteer.names():
            if name.endswith(endings) and any(
                    name[:-len(e)] in names for e in endings if name.endswith(e)):
                continue
            taken = phrases.get(name)
            if taken and not any(isinstance(p, ActorRef) and p.kind in _PLACE_LIKE
                                 for p in taken):
                continue  # "police", "fighting": a lexicon word first, never a town
            phrases[name].append(PlaceRef(name))
        for key in self._loose:
            self._exact.pop(key, None)
        self._triggers = self._compile(triggers)
        self._full = self._compile(phrases)
        self.size = len(phrases)
        # The last text shaped: (text, " " + its shape + " ", whether it holds a run of
        # spaces). `triggers` shapes a whole document and the `mentions` of its sentences
        # reuse it, rather than each shaping its window (`window_shape`, the reference):
        # about 1 % of coding a corpus. Holding the text makes the `is` test exact, and a
        # tuple is read and replaced whole, so threads sharing a matcher see no half of one.
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

    def _add_states(self, lexicon: Lexicon, table: dict[str, list[Payload]]) -> None:
        for c in lexicon.countries:
            for name in (c.name, *c.aliases):
                self._put(table, name, ActorRef("state", c.iso3))
            for adj in c.adjectives:
                self._put(table, adj, ActorRef("adjective", c.iso3))
            for cap in c.capitals:
                self._put(table, cap, ActorRef("capital", c.iso3))

    def _add_actors(self, lexicon: Lexicon, table: dict[str, list[Payload]]) -> None:
        fold = self.folder.fold
        for g in lexicon.groups:
            for name in g.forms():
                self._put(table, name, ActorRef("group", fold(name)))
        for p in lexicon.people:
            for name in (p.name, *p.aliases):
                self._put(table, name, ActorRef("person", fold(name)))
        for o in lexicon.organs:
            for word in o.words:
                self._put(table, word, ActorRef("organ", o.id))
        for a in lexicon.generic_actors:
            for word in a.words:
                self._put(table, word, ActorRef("generic", a.id))

    def _add_cues(self, lexicon: Lexicon, table: dict[str, list[Payload]]) -> None:
        kinds = lexicon.cue_kinds
        type_ids = [t.id for t in lexicon.event_types]
        for cue in lexicon.cues:
            # What a kind does (a lexicon that declares no kinds names them by their effect).
            effect = kinds[cue.kind].effect if cue.kind in kinds else cue.kind
            if effect in WORD_EFFECTS:
                continue  # single words, read from tokens by the rules
            ref: Payload = ActorRef("sides", cue.value or "dyad") if effect == "sides" else \
                CueRef(cue.kind, cue.value, cue.scope, cue.window, cue.exempt(type_ids))
            for phrase in cue.phrases:
                self._put(table, phrase, ref)

    def _compile(self, table: dict[str, list[Payload]]) -> ahocorasick.Automaton:
        """An automaton of shaped patterns, each reporting its phrases: keys that shape alike
        ("'Omer" and "Omer") share one pattern, and each is checked on its own."""
        patterns: dict[str, list[Phrase]] = defaultdict(list)
        for key, refs in table.items():
            pattern, right, edged = _pattern(key)
            forms = self._exact.get(key)
            payloads = tuple(refs)
            patterns[pattern].append(Phrase(len(key) + right, len(key),
                                            None if _WORD_ONLY.fullmatch(key) else key,
                                            None if forms is None else frozenset(forms), edged,
                                            payloads, group_payloads(payloads)))
        automaton = ahocorasick.Automaton()
        for pattern, phrases in patterns.items():
            automaton.add_word(pattern, _hit_value(phrases))
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
        # A text without a run of spaces has none in its windows: no search per sentence.
        if last[2] and folded.find("  ", start, end) >= 0:
            return _scan_squeezed(automaton, folded, start, end, original)
        return _scan_window(automaton, folded, last[1][start:end + 2], start, end, original)

    def triggers(self, folded: str) -> list[Mention]:
        """Trigger mentions in a whole document (the cheap first pass)."""
        return self._scan(self._triggers, folded, 0, len(folded), None)

    def mentions(self, folded: str, start: int, end: int, original: str) -> list[Mention]:
        """Every lexicon mention in folded[start:end] (a sentence); `original` is the unfolded
        text, for abbreviations that match only in capitals."""
        return self._scan(self._full, folded, start, end, original)


def window_shape(folded: str, start: int, end: int) -> str:
    """The shape of folded[start:end] and of the character on each side of it, which bound
    the phrases that touch its edges (a space for the text's own edges): what `_scan_window`
    reads, and the reference for the slice of a whole text's shape that `Matcher._scan`
    takes."""
    window = folded[start - 1:end + 1] if start else " " + folded[:end + 1]
    return _shape(window + " " if end >= len(folded) else window)


def _scan_squeezed(automaton: ahocorasick.Automaton, folded: str, start: int, end: int,
                   original: str | None) -> list[Mention]:
    """Scan with runs of spaces read as one ("offered to  mediate"), offsets kept.

    The window is scanned with each run of spaces cut to its first space, and an offset found
    there is mapped back by the characters cut before it. Memory is the window's length and
    two numbers a run, never a table per character: a document's first pass scans it whole."""
    kept_at = array("q")  # where each run's kept space lies in the squeezed text
    cut = array("q", [0])  # cut[k]: the characters cut by the first k runs
    for run in _SPACE_RUN.finditer(folded, start, end):
        kept_at.append(run.start() - start - cut[-1])
        cut.append(cut[-1] + len(run.group()) - 1)
    squeezed = _SPACE_RUN.sub(" ", folded[start:end])

    def back(offset: int) -> int:  # an offset in the squeezed text, in the text
        return start + offset + cut[bisect_left(kept_at, offset)]

    plain = None
    if original is not None:  # the same characters of the unfolded text
        plain = "".join(original[back(a):back(b - 1) + 1] for a, b in
                        pairwise([0, *(k + 1 for k in kept_at), len(squeezed)]))
    # The window is the whole squeezed text, bounded by spaces.
    found = _scan_window(automaton, squeezed, " " + _shape(squeezed) + " ", 0, len(squeezed),
                         plain)
    return [Mention(back(m.start), back(m.end - 1) + 1, m.payloads, m.groups) for m in found]


def _scan_window(automaton: ahocorasick.Automaton, folded: str, shaped: str, start: int,
                 end: int, original: str | None) -> list[Mention]:
    """Word-aligned mentions in folded[start:end], leftmost-longest. `shaped` is the shape
    of the window and of the character on each side of it (a space at the text's edges), so
    an offset there is `start - 1` less than in `folded`.

    `scan_window_plain` is the reference. This one resolves overlaps as the hits come, as
    `_resolve_in_order` would: a hit that starts at or after the end of the hit found before
    it overlaps nothing found (the hits come by their end) and is kept; only a hit that
    overlaps takes a step of the resolution (`_overlapping`), and no mention is made for a
    hit it drops. Half the windows hold an overlap ("security forces" and "forces"); resolved
    in a second pass over every hit, they cost about 0.7 % more of coding a corpus."""
    # An apostrophe matters only beside a hit, so inside the window or next to it.
    quotes = folded.find("'", start - 1 if start else 0, end + 1) >= 0
    kept: list[Mention] = []
    reach = -1  # where the hit found last ends
    state = [-1, 0]  # the end of the last trigger kept, as of kept[:state[1]]
    for shaped_last, hit in automaton.iter(shaped):
        hit_end = shaped_last + start  # one past the hit's last character, in `folded`
        if hit.__class__ is Phrase:  # one phrase that needs only the common checks
            first = hit_end - hit.back
            stop = first + hit.length
            if hit.key is not None and folded[first:stop] != hit.key:
                continue  # the shapes agree, the punctuation does not
            # (most hits of a window with an apostrophe have none beside them)
            if quotes and (folded[first - 1] == "'" or folded[stop:stop + 1] == "'") and \
                    _glued_to(folded, first, stop):
                continue
            if first >= reach:
                kept.append(Mention(first, stop, hit.payloads, hit.groups))
            elif stop < reach or not _overlapping(kept, state, first, stop, hit.payloads,
                                                  hit.groups):
                # out of the order of their ends, or a case only sorting decides
                return scan_window_plain(automaton, folded, shaped, start, end, original)
            reach = stop
            continue
        for first, stop, payloads, groups in _checked(hit, hit_end, folded, start, end, quotes,
                                                      original):
            if first >= reach:
                kept.append(Mention(first, stop, payloads, groups))
            elif stop < reach or not _overlapping(kept, state, first, stop, payloads, groups):
                return scan_window_plain(automaton, folded, shaped, start, end, original)
            reach = stop
    return kept


def _overlapping(kept: list[Mention], state: list[int], first: int, stop: int,
                 payloads: tuple[Payload, ...], groups: dict[type, tuple]) -> bool:
    """One step of `_resolve_in_order`, for a hit that starts before the end of the hit
    found before it: `kept` and `state` (the end of the last trigger kept, as of the first
    `state[1]` mentions kept; those after came in with no step) are updated. False for a case
    `_resolve_in_order` leaves to the sorting resolution."""
    for m in reversed(kept[state[1]:]):  # kept with no step: none was dropped since
        if TriggerRef in m.groups:
            state[0] = m.end
            break
    trigger = TriggerRef in groups
    if trigger or first >= state[0]:  # (else a name or cue inside the last trigger kept)
        i = len(kept)
        while i and kept[i - 1].end > first:
            i -= 1
        if i < len(kept):  # it overlaps kept[i:]
            top = kept[-1]
            if first == top.start and stop == top.end:
                return False
            if kept[i].start < first:
                if trigger and TriggerRef not in kept[i].groups:
                    return False
                state[1] = len(kept)
                return True
            del kept[i:]
        kept.append(Mention(first, stop, payloads, groups))
        if trigger:
            state[0] = stop
    state[1] = len(kept)
    return True


def scan_window_plain(automaton: ahocorasick.Automaton, folded: str, shaped: str, start: int,
                      end: int, original: str | None) -> list[Mention]:
    """`_scan_window` with every hit made a mention, then the overlaps resolved: the
    reference, and what a window takes when `_resolve_in_order` would sort its hits."""
    quotes = folded.find("'", start - 1 if start else 0, end + 1) >= 0
    found: list[Mention] = []
    reach = -1
    disjoint = True
    for shaped_last, hit in automaton.iter(shaped):
        spans = _checked(hit if isinstance(hit, tuple) else (hit,), shaped_last + start, folded,
                         start, end, quotes, original)
        for first, stop, payloads, groups in spans:
            if first < reach:
                disjoint = False
            reach = stop
            found.append(Mention(first, stop, payloads, groups))
    # If no hit starts before the one found before it ends, none overlaps and they are in
    # text order: what the overlap resolution would return.
    return found if disjoint else _resolve_in_order(found)


def _hit_value(phrases: list[Phrase]) -> Phrase | tuple[Phrase, ...]:
    """What the automaton reports for a pattern: its phrase if it has one that is neither
    edged with punctuation nor an abbreviation, the common case, which needs no check but its
    key's and the apostrophes' (`_scan_window` tests it inline); else the tuple of its
    phrases, each checked in full by `_checked`. A pattern not edged has a space on each side,
    so its hit lies inside the scanned window: the characters beside the window are the
    spaces, so the phrase lies inside the window itself."""
    if len(phrases) == 1 and phrases[0].forms is None and not phrases[0].edged:
        return phrases[0]
    return tuple(phrases)


def _checked(phrases: tuple[Phrase, ...], hit_end: int, folded: str, start: int, end: int,
             quotes: bool, original: str | None
             ) -> list[tuple[int, int, tuple[Payload, ...], dict[type, tuple]]]:
    """The spans and payloads of the phrases of one hit that the text bears out; `hit_end`:
    one past the hit's last character."""
    spans = []
    for phrase in phrases:
        first = hit_end - phrase.back
        stop = first + phrase.length
        # A pattern with a space on each side lies inside the window: the scanned
        # characters beside it are the spaces, so only an edged one can reach out.
        if phrase.edged and (first < start or stop > end):
            continue  # a phrase edged with punctuation, found in the boundary character
        if phrase.key is not None and folded[first:stop] != phrase.key:
            continue  # the shapes agree, the punctuation does not
        if quotes and _glued_to(folded, first, stop):
            continue
        forms = phrase.forms
        if forms is not None and original is not None and original[first:stop] not in forms:
            continue
        spans.append((first, stop, phrase.payloads, phrase.groups))
    return spans


def _glued_to(folded: str, first: int, stop: int) -> bool:
    """An apostrophe between letters joins them into one word unless a clitic follows
    ("Kabul's"): nothing is matched inside "AFGHAN'STRUCK"."""
    return (first > 1 and folded[first - 1] == "'" and glued(folded, first - 1)) or (
        stop + 1 < len(folded) and folded[stop] == "'" and glued(folded, stop))


def _resolve_in_order(found: list[Mention]) -> list[Mention]:
    """`_leftmost_longest`, in one pass over the hits as the automaton reports them (by
    their end), without sorting them: the kept mentions are in text order and overlap none,
    so those a new hit overlaps are the last ones. A hit that starts no later than every
    one of them covers them and replaces them; one that starts later is dropped, as
    whatever later replaces the mention it starts inside covers it too. Triggers first: a
    hit that is no trigger and starts inside the last trigger kept is dropped; a trigger
    that covers names takes their place, and hits those names dropped or replaced overlap
    the trigger too. The sorting resolution decides what this reading cannot: hits out of
    the order of their ends, two on one span, a trigger starting inside a name."""
    kept: list[Mention] = []
    trigger_end = -1  # where the last trigger kept ends
    last_end = -1
    for m in found:
        if m.end < last_end:
            return _leftmost_longest(found)
        last_end = m.end
        trigger = TriggerRef in m.groups
        if m.start < trigger_end and not trigger:
            continue
        i = len(kept)
        while i and kept[i - 1].end > m.start:
            i -= 1
        if i < len(kept):  # it overlaps kept[i:]
            top = kept[-1]
            if m.start == top.start and m.end == top.end:
                return _leftmost_longest(found)
            if kept[i].start < m.start:
                if trigger and TriggerRef not in kept[i].groups:
                    return _leftmost_longest(found)
                continue
            del kept[i:]
        kept.append(m)
        if trigger:
            trigger_end = m.end
    return kept


def _leftmost_longest(found: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions, leftmost-longest; triggers are chosen first, so a cue or a
    name never hides the words that name an event ("are scheduled to meet"). The plain
    resolution: `_resolve_in_order` is held to it (tests/test_speed_overlaps.py)."""
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


__all__ = ["ActorRef", "CueRef", "Matcher", "Mention", "Payload", "PlaceRef", "Phrase",
           "TriggerRef"]


pickled_by_fields(Phrase)  # when compiled: see model/pickling.py
