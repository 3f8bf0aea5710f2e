"""Participants of a sentence: actor chunks, coordinated groups with roles, and places.

A chunk is one actor as written: "Pakistani Foreign Minister Ishaq Dar", "the Afghan
military", "Kabul", "TTP militants". Chunks joined by "and", commas or a hyphen
("Pakistan-Afghanistan talks") form a group, and a role cue next to a group gives all its
members that role ("brokered by Qatar and Türkiye": mediators). A name that is both a place
and an actor ("Kabul") is a place after a locative preposition ("in Kabul") or before a
venue word ("the Doha talks"), and an actor otherwise ("Kabul said").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Optional, Union

from ..lexicon import Gazetteer, PlaceRecord
from ..match import ActorRef, CueRef, PlaceRef, TriggerRef
from ..resolve.actors import Actor, ActorBook
from .view import Placed, SentenceView, Vocabulary

# The day names are read on (validity dates), or a function that finds it when needed.
Day = Union[dt.date, None, Callable[[], Optional[dt.date]]]

LOCATIVE = frozenset("in at near inside within across along outside around into to towards "
                     "toward throughout over from on".split())
DIRECTIONS = frozenset("north south east west northwest northeast southwest southeast "
                       "north-west north-east south-west south-east".split())
# Words that may stand between a locative preposition and a place ("in southern Kandahar").
PLACE_MODIFIERS = frozenset("the a southern northern eastern western central north south east west "
                            "northwestern northeastern southwestern southeastern north-western "
                            "north-eastern south-western south-eastern restive remote "
                            "neighbouring neighboring border frontier city town district "
                            "province of outskirts port capital village area red sea "
                            "besieged embattled northwest northeast southwest southeast rural "
                            "coastal mountainous contested disputed eastern".split())
REGION_WORDS = frozenset("province provinces district region city town crossing valley "
                         "governorate state".split())
CONNECTORS = frozenset({"and", ",", "&", "-", "/", "both", "as", "well", "or", "the"})
# Organs that stand for a state even when no state is named ("the army killed", "urged the
# government and the Houthis"); the state is then the event's country. Officials and
# delegations are left out: unnamed, they could belong to anyone.
STATELESS_ORGANS = frozenset({"military", "police", "government"})
# Locative words that do not turn a state's name into a place ("officials from Pakistan").
_NOT_FOR_STATES = frozenset({"from", "to", "over", "on"})


@dataclass(slots=True)
class Chunk:
    first: int
    last: int
    actor: Actor | None = None
    generic: str | None = None    # a generic actor ("militants"), country known later
    organ: str | None = None      # a state organ with no state named ("the army")
    country: str | None = None    # for a generic actor: "Afghan militants"
    dyad: bool = False
    tentative: bool = False  # a bare adjective, an actor only if something confirms it
    adjective: bool = False
    victim: bool = False     # named in a death toll ("killed 12 soldiers")
    named_group: bool = False  # from a named group ("Taliban"), even one that is a state
    # What the chunk contributes as a participant (see `settled_member`); set by `Group`,
    # as the rules and the resolver read it many times and a grouped chunk changes no more.
    member: Actor | str | None = field(default=None, compare=False)

    def settled_member(self) -> Actor | str | None:
        """What the chunk contributes as a participant: an actor, or a placeholder
        ("generic:<id>:<iso3>", "organ:<id>") resolved once the event's country is known."""
        if self.actor is not None:
            return self.actor
        if self.generic:
            return f"generic:{self.generic}:{self.country or ''}"
        if self.organ:
            return f"organ:{self.organ}"
        return None


@dataclass(slots=True)
class Group:
    """Chunks written together, in text order. Their span (`first`, `last`), named actors
    and whether one is "both sides" (`dyad`), and each chunk's `member`, are stored when
    the group is made: the rules and the resolver read them per candidate, and nothing
    changes a group's chunks once they are grouped (only `role`, `source` and the chunks'
    `victim` are set later, and none of these is derived from them)."""

    chunks: list[Chunk]
    role: str | None = None
    source: bool = False  # followed by a speech verb: who reports, not (only) who acts
    first: int = field(init=False, compare=False)
    last: int = field(init=False, compare=False)
    actors: list[Actor] = field(init=False, compare=False)
    dyad: bool = field(init=False, compare=False)

    def __post_init__(self) -> None:
        chunks = self.chunks
        self.first = chunks[0].first
        self.last = chunks[-1].last
        actors: list[Actor] = []
        dyad = False
        for chunk in chunks:
            chunk.member = chunk.settled_member()
            if chunk.actor is not None:
                actors.append(chunk.actor)
            dyad = dyad or chunk.dyad
        self.actors = actors
        self.dyad = dyad


@dataclass(slots=True)
class PlaceMention:
    first: int
    last: int
    records: list[PlaceRecord]
    near: bool = False
    region: bool = False
    weak: frozenset[int] = frozenset()  # indexes of records matched by an alternate name
    speech: bool = False  # "told reporters in Rawalpindi": where it was said, not done


# Cue kinds the rules read: roles here; negation, hypotheses, generics and status in the engine.
RULE_CUES = frozenset({"role", "status", "negation", "hypothetical", "generic"})
DROP_KINDS = frozenset({"negation", "hypothetical", "generic"})  # cues that drop a trigger
_NAMES_IN_LOCATIVES = frozenset({"adjective", "state"})


@dataclass
class Marks:
    """What the rules ask of a sentence's mentions many times, read in one pass over them:
    which mentions hold triggers or names, the tokens of triggers, violent triggers and
    state names, and the cues the rules read (of RULE_CUES, sorted by use as they are
    read). `participants` reads them and the engine reuses them (Participants.marks)."""

    triggers: list[Placed]  # mentions with a trigger, in text order
    # Mentions with a place or an actor, with those payloads, in text order.
    names: list[tuple[Placed, tuple[PlaceRef, ...], tuple[ActorRef, ...]]]
    trigger_tokens: set[int]
    violent_tokens: set[int]  # "struck Kabul": Kabul is a place
    # Names a locative phrase may hold before its place ("in the Afghan capital Kabul",
    # "in the northern Burkina Faso town of Djibo").
    adjective_tokens: set[int]
    # The readable cues (not inside dates) of RULE_CUES, in text order: role cues, those
    # of DROP_KINDS, and status cues.
    role_cues: list[tuple[Placed, CueRef]]
    drop_cues: list[tuple[Placed, CueRef]]
    status_cues: list[tuple[Placed, CueRef]]

    @classmethod
    def read(cls, view: SentenceView, violent: frozenset[str] = frozenset()) -> "Marks":
        """The marks of `view`, from the mentions it sorted by kind when placing them."""
        trigger_tokens: set[int] = set()
        violent_tokens: set[int] = set()
        for placed in view.triggers:
            tokens = range(placed.first, placed.last + 1)
            trigger_tokens.update(tokens)
            if violent:
                for ref in placed.mention.groups[TriggerRef]:
                    if ref.event_type in violent:
                        violent_tokens.update(tokens)
                        break
        adjective_tokens: set[int] = set()
        for placed, _, actors in view.named:
            for actor in actors:
                if actor.kind in _NAMES_IN_LOCATIVES:
                    adjective_tokens.update(range(placed.first, placed.last + 1))
                    break
        roles: list[tuple[Placed, CueRef]] = []
        drops: list[tuple[Placed, CueRef]] = []
        statuses: list[tuple[Placed, CueRef]] = []
        quiet = view.quiet
        for placed, cues in view.cued:
            if placed.first not in quiet:  # as SentenceView.cues reads them
                for cue in cues:
                    kind = cue.kind
                    if kind == "role":
                        roles.append((placed, cue))
                    elif kind == "status":
                        statuses.append((placed, cue))
                    elif kind in DROP_KINDS:
                        drops.append((placed, cue))
        return cls(view.triggers, view.named, trigger_tokens, violent_tokens, adjective_tokens,
                   roles, drops, statuses)


@dataclass
class Participants:
    groups: list[Group] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    marks: Marks | None = None  # the sentence's marks, read once for the engine too


def _locative_before(view: SentenceView, first: int, skippable: set[int] = frozenset()
                     ) -> str | None:
    """The preposition before a place, over modifiers ("in the Afghan capital Kabul")."""
    words = view.words
    i = first - 1
    stop = max(first - 8, -1)  # seven words skipped at most
    while i > stop and (words[i] in PLACE_MODIFIERS or i in skippable):
        i -= 1
    # Words read as view.word reads them ("" off the sentence), without a call each:
    # i >= -1, and i + 1 is at most `first`, a token of the sentence.
    if i >= 0 and words[i] in LOCATIVE:
        return words[i]
    if words[i + 1] in DIRECTIONS and i + 2 < len(words) and words[i + 2] == "of":
        return "near"  # "south of Taiz": near the town (ACLED precision 2)
    return None


def _is_venue_modifier(view: SentenceView, placed: Placed, vocabulary: Vocabulary) -> bool:
    words = view.words
    nxt = placed.last + 1
    after = words[nxt] if nxt < len(words) else ""
    if after == "'s" or "-" in words[placed.first]:
        return False  # "Kabul's delegation"; "Pakistan-Taliban talks" names two sides
    return after in vocabulary.venue or after in REGION_WORDS


TERRITORY_WORDS = frozenset({"territory", "soil", "airspace", "territories"})


def _territory(view: SentenceView, placed: Placed, actor_refs: tuple[ActorRef, ...],
               gazetteer: Gazetteer) -> PlaceMention | None:
    """"inside Afghan territory", "on Pakistani soil": the country as a place."""
    words, after = view.words, placed.last + 1
    if after >= len(words) or words[after] not in TERRITORY_WORDS:
        return None
    refs = [r for r in actor_refs if r.kind == "adjective"]
    if not refs:
        return None
    if not _locative_before(view, placed.first) and view.word(placed.first - 1) != "on":
        return None
    record = gazetteer.country(refs[0].key)
    return PlaceMention(placed.first, placed.last + 1, [record]) if record else None


def _after_violence(view: SentenceView, first: int, violent_tokens: set[int]) -> bool:
    """"struck Kabul", "airstrikes on Sanaa": a place as the object of a violent act."""
    if not violent_tokens:
        return False  # both tests below need a violent token (most sentences have none)
    if first - 1 in violent_tokens:
        return True
    return view.word(first - 1) in {"on", "at"} and not violent_tokens.isdisjoint(
        range(first - 4, first - 1))


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


def _coordinated_with(view: SentenceView, place: PlaceMention, placed: Placed) -> bool:
    """"in Kandahar and Kabul": a name joined to a place is a place too."""
    between = view.words[place.last + 1:placed.first]
    return 0 < len(between) <= 3 and all(w in {"and", ",", "or", "in", "the"} for w in between)


def _as_place(view: SentenceView, placed: Placed, refs: tuple[PlaceRef, ...],
              actor_refs: tuple[ActorRef, ...], gazetteer: Gazetteer, vocabulary: Vocabulary,
              marks: Marks, violent_tokens: set[int]) -> PlaceMention | None:
    """The place a mention names (its place payloads `refs`, never empty, and its actor
    payloads), if the context makes it a place."""
    first, last = placed.first, placed.last
    if view.quiet and view.in_date(first, last):
        return None  # "on 28 May 2025": the date, not the town of Azerbaijan
    key = refs[0].key
    records = gazetteer.candidates(key)
    words = view.words
    after = words[last + 1] if last + 1 < len(words) else ""
    if not records or after == "'s":
        return None  # "Kabul's request" names the government, not the city
    prep = _locative_before(view, first, marks.adjective_tokens) or (
        "at" if _after_violence(view, first, violent_tokens) else None)
    if actor_refs:
        # An actor's name is a place after a locative ("in Kabul", not "officials from
        # Pakistan") or before a venue word ("the Doha talks").
        if not (prep and prep not in _NOT_FOR_STATES) and \
                not _is_venue_modifier(view, placed, vocabulary):
            return None
    elif not (prep or any(r.major for r in records) or (
            after in REGION_WORDS and _is_venue_modifier(view, placed, vocabulary))):
        return None  # a minor town needs a locative or a region word ("Kurram district")
    region = after in {"province", "provinces", "region", "governorate", "state"}
    speech = _said_at(view, first, marks.trigger_tokens, vocabulary.speech)
    if region:
        regional = [r for r in records if r.kind in {"admin1", "province", "region"}]
        records = regional or records
    weak = frozenset([i for i, r in enumerate(records) if gazetteer.is_alternate(key, r)])
    return PlaceMention(first, last, records, near=prep == "near", region=region,
                        speech=speech, weak=weak)


def _actor_chunk(view: SentenceView, placed: Placed, ref: ActorRef, book: ActorBook,
                 day: Day) -> Chunk | None:
    first, last = placed.first, placed.last
    if ref.kind in {"state", "capital"}:
        return Chunk(first, last, book.state(ref.key, None))
    if ref.kind == "adjective":
        return Chunk(first, last, book.state(ref.key, None), tentative=True, adjective=True)
    if ref.kind == "group":
        folded = view.folded[placed.mention.start:placed.mention.end]
        actor = book.group(folded, day() if callable(day) else day)
        return Chunk(first, last, actor, named_group=True) if actor else None
    if ref.kind == "person":
        folded = view.folded[placed.mention.start:placed.mention.end]
        actor = book.person(folded, day() if callable(day) else day)
        return Chunk(first, last, actor) if actor else None
    if ref.kind == "generic":
        return Chunk(first, last, generic=ref.key)
    if ref.kind == "sides":
        return Chunk(first, last, dyad=True)
    return None


def _gap_words(view: SentenceView, left: int, right: int) -> list[str]:
    return view.words[left + 1:right]


def _barred(view: SentenceView, marks: Marks, speech: frozenset[str], first: int, end: int
            ) -> bool:
    """Does a cue, a trigger or a speech verb ("officials said three") stand on the tokens
    first..end-1? An actor does not extend over one. (The cue mentions are searched here,
    rather than their tokens gathered for every sentence: few sentences ask.)"""
    for i in range(first, end):
        if i in marks.trigger_tokens or view.words[i] in speech:
            return True
    for placed, _ in view.cued:
        if placed.first < end and placed.last >= first:
            return True  # a cue on one of the tokens (quiet or not, as any cue bars)
    return False


def _attach_organ(chunks: list[Chunk], view: SentenceView, placed: Placed, organ: str,
                  book: ActorBook, marks: Marks, speech: frozenset[str]) -> bool:
    """"Pakistani military", "Pakistan's foreign ministry": the organ joins the state before,
    unless a cue or trigger stands between ("Riyadh urged army chief ...")."""
    if not chunks:
        return False
    prev = chunks[-1]
    # The cheap tests first (all are pure): a state, at most three words before the organ.
    if prev.actor is None or not prev.actor.is_state or placed.first - prev.last > 4:
        return False
    gap = _gap_words(view, prev.last, placed.first)
    if any(w in CONNECTORS or w in {"of", "by", "with", "from"} for w in gap) or \
            _barred(view, marks, speech, prev.last + 1, placed.first):
        return False
    if prev.actor.organ is not None and prev.actor.organ != organ and not prev.adjective:
        return False
    prev.actor = book.state(prev.actor.iso3 or "", organ)
    prev.last = placed.last
    prev.tentative = False
    return True


def _organ_of_state(view: SentenceView, placed: Placed, organ: str, following: list[Placed]
                    ) -> Placed | None:
    """"the army of Sudan": an organ, "of", then a state."""
    words, after = view.words, placed.last + 1
    if after >= len(words) or words[after] != "of":
        return None
    for nxt in following:
        if nxt.first == placed.last + 2 and any(r.kind in {"state", "capital"}
                                                for r in nxt.mention.groups[ActorRef]):
            return nxt
    return None


def build_chunks(view: SentenceView, actor_spans: list[Placed], book: ActorBook,
                 day: Day, speech: frozenset[str] = frozenset(), marks: Marks | None = None
                 ) -> list[Chunk]:
    """Actor chunks of the mentions taken as actors; `marks` as read of `view`, if at hand."""
    if not actor_spans:
        return []
    marks = marks if marks is not None else Marks.read(view)
    chunks: list[Chunk] = []
    pending_organ: tuple[Placed, str] | None = None
    for index, placed in enumerate(actor_spans):
        ref = placed.mention.groups[ActorRef][0]  # every actor span holds an actor
        if ref.kind == "organ":
            if _attach_organ(chunks, view, placed, ref.key, book, marks, speech):
                continue
            state = _organ_of_state(view, placed, ref.key, actor_spans[index + 1:])
            if state is not None:
                iso3 = state.mention.groups[ActorRef][0].key
                chunks.append(Chunk(placed.first, state.last, book.state(iso3, ref.key)))
                continue
            pending_organ = (placed, ref.key)
            if ref.key in STATELESS_ORGANS:
                chunks.append(Chunk(placed.first, placed.last, organ=ref.key))
            continue
        chunk = _actor_chunk(view, placed, ref, book, day)
        if chunk is None:
            continue
        if ref.kind == "generic" and chunks and placed.first <= chunks[-1].last + 1:
            prev = chunks[-1]
            if prev.adjective and prev.actor is not None:  # "Afghan militants"
                chunks[-1] = Chunk(prev.first, placed.last, generic=ref.key,
                                   country=prev.actor.iso3)
                continue
            if prev.named_group or prev.generic:
                prev.last = placed.last  # "Taliban fighters", "TTP militants": the group
                continue
        if ref.kind == "person" and chunks and view.distance(chunks[-1].last, placed.first) == 0 \
                and chunks[-1].actor is not None and chunks[-1].last < placed.first \
                and not _barred(view, marks, speech, chunks[-1].first, placed.first):
            chunks[-1].last = placed.last  # "Pakistani Foreign Minister Ishaq Dar": one actor
            chunks[-1].actor = chunk.actor
            chunks[-1].tentative = False
            continue
        if pending_organ and ref.kind == "person" and pending_organ[0].last + 1 >= placed.first - 1:
            chunk.first = pending_organ[0].first  # "Foreign Minister Hakan Fidan"
            if chunks and chunks[-1].organ and chunks[-1].first == chunk.first:
                chunks.pop()
        pending_organ = None
        chunks.append(chunk)
    return chunks


def _possessors(chunks: list[Chunk], view: SentenceView) -> list[Chunk]:
    """"Sudan's paramilitary RSF": the state only qualifies the group. "its fighters",
    "their troops": the fighters are the group named before."""
    out: list[Chunk] = []
    words = view.words
    count = len(chunks)
    # Words read as `view.word` reads them, without a call each: none off the sentence.
    for i, chunk in enumerate(chunks):
        actor = chunk.actor
        if actor is not None and actor.is_state and actor.organ is None and i + 1 < count:
            nxt, after = chunks[i + 1], chunk.last + 1
            if after < len(words) and words[after] == "'s" and nxt.first - chunk.last <= 3 \
                    and (nxt.generic or (nxt.actor and not nxt.actor.is_state)):
                continue
        if (chunk.generic or chunk.organ) and chunk.first >= 1 and \
                words[chunk.first - 1] in {"its", "their"}:
            owner = next((c for c in reversed(out) if c.actor is not None), None)
            if owner is not None:
                chunk.actor, chunk.generic, chunk.organ = owner.actor, None, None
        out.append(chunk)
    return out


def _confirm_adjectives(chunks: list[Chunk], view: SentenceView, anchors: set[int],
                        book: ActorBook) -> list[Chunk]:
    """Keep a bare adjective ("Afghan") only before a trigger, a role cue or an organ, or
    coordinated with one that is kept ("Afghan and Pakistani delegations")."""
    for i in range(len(chunks) - 1, -1, -1):
        chunk = chunks[i]
        if not chunk.tentative:
            continue
        if not anchors.isdisjoint(range(chunk.last + 1, chunk.last + 4)):
            chunk.tentative = False
            continue
        nxt = chunks[i + 1] if i + 1 < len(chunks) else None
        if nxt is not None and not nxt.tentative and nxt.actor is not None and \
                all(w in CONNECTORS for w in _gap_words(view, chunk.last, nxt.first)):
            if chunk.actor is not None and chunk.actor.iso3 and nxt.actor.organ:
                chunk.actor = book.state(chunk.actor.iso3, nxt.actor.organ)
            chunk.tentative = False
    return [c for c in chunks if not c.tentative]


def group_chunks(chunks: list[Chunk], view: SentenceView) -> list[Group]:
    """The chunks joined into groups: overlapping, adjacent with only "-", "/" or nothing
    between their characters, or with connector words only between them."""
    runs: list[list[Chunk]] = []
    words = view.words
    for chunk in chunks:
        if runs:
            prev_last = runs[-1][-1].last
            first = chunk.first
            if first <= prev_last or (
                    view.text_between(prev_last, first).strip() in {"-", "/", ""}
                    if first == prev_last + 1 else
                    all(w in CONNECTORS for w in words[prev_last + 1:first])):
                runs[-1].append(chunk)
                continue
        runs.append([chunk])
    return [Group(run) for run in runs]  # made once complete: a Group stores what it derives


MEDIATOR_VERBS = frozenset({"brokered", "mediated", "hosted", "facilitated", "sponsored",
                            "supervised", "convened", "organised", "organized"})


def assign_roles(groups: list[Group], view: SentenceView,
                 role_cues: list[tuple[Placed, CueRef]] | None = None) -> None:
    """A role cue marks the nearest group it reaches ("met under Turkish facilitation":
    Turkey, not the delegations), and a group takes its nearest cue ("on Saturday under
    Chinese auspices": mediator, not target). A name between cue and group counts all its
    words: the cue marks that name ("at the Spin Boldak crossing, Pakistani airstrikes")."""
    offers: dict[int, tuple[int, bool, str]] = {}
    distance = view.distance
    for placed, cue in view.cues({"role"}) if role_cues is None else role_cues:
        # As `view.cue_reaches(placed, cue, group.first, group.last, same_clause=False,
        # names_as_one=False)`, whose word count is the gap: a cue is before a group, after
        # it, or on its tokens (then it reaches it neither way).
        scope, window, cue_first, cue_last = cue.scope, cue.window, placed.first, placed.last
        reached = []
        for index, group in enumerate(groups):
            if cue_last < group.first:
                if scope == "after":
                    continue
                gap = distance(cue_last, group.first)
            elif cue_first > group.last:
                if scope == "before":
                    continue
                gap = distance(group.last, cue_first)
            else:
                continue
            if gap <= window:
                reached.append((gap, index))
        if not reached:
            continue
        gap, index = min(reached)
        role = cue.value or ""
        # (Five words before the cue: none off the sentence is a verb.)
        if role == "agent" and not MEDIATOR_VERBS.isdisjoint(
                view.words[max(cue_first - 5, 0):cue_first]):
            role = "mediator"  # "brokered in Jeddah by", "hosted in turn by"
        offer = (gap, role == "target", role)
        if index not in offers or offer < offers[index]:
            offers[index] = offer
    for index, (_, _, role) in offers.items():
        groups[index].role = role


def participants(view: SentenceView, book: ActorBook, gazetteer: Gazetteer,
                 vocabulary: Vocabulary, day: Day,
                 toll_spans: list[tuple[int, int]] = (),  # type: ignore[assignment]
                 violent: frozenset[str] = frozenset()) -> Participants:
    """Places, actor chunks and groups of a sentence. `toll_spans` are token ranges of
    death tolls: unnamed soldiers or civilians in them are victims, not sides."""
    marks = Marks.read(view, violent)
    found = Participants(marks=marks)
    actor_spans: list[Placed] = []
    words = view.words
    for placed, place_refs, actor_refs in marks.names:
        if not place_refs:
            # `_territory` finds none unless a territory word follows (tested here first:
            # most names are actors only)
            after = placed.last + 1
            place = _territory(view, placed, actor_refs, gazetteer) \
                if after < len(words) and words[after] in TERRITORY_WORDS else None
        else:
            place = _as_place(view, placed, place_refs, actor_refs, gazetteer, vocabulary, marks,
                              marks.violent_tokens)
            if place is None and found.places and \
                    _coordinated_with(view, found.places[-1], placed):
                place = _as_place(view, placed, place_refs, actor_refs, gazetteer, vocabulary,
                                  marks, marks.violent_tokens | {placed.first - 1})
        if place is not None:
            found.places.append(place)
        elif actor_refs:
            actor_spans.append(placed)
    chunks = build_chunks(view, actor_spans, book, day, vocabulary.speech, marks)
    role_cues = marks.role_cues
    if chunks:
        anchors = marks.trigger_tokens  # (only read below)
        if role_cues:
            mediators = {placed.first for placed, cue in role_cues
                         if cue.value == "mediator" and cue.scope == "after"}
            if mediators:
                anchors = anchors | mediators
        chunks = _possessors(_confirm_adjectives(chunks, view, anchors, book), view)
    found.groups = group_chunks(chunks, view)
    speech, count = vocabulary.speech, len(words)
    for group in found.groups:
        # "killed dozens of soldiers and civilians": civilians die in clashes; not a side
        if toll_spans and any(a <= group.first <= b for a, b in toll_spans):
            for chunk in group.chunks:
                chunk.victim = chunk.generic == "civilians"
        # Words read as `view.word` reads them ("" off the sentence), without a call each.
        after, first = group.last + 1, group.first
        group.source = (words[after] if after < count else "") in speech or (
            first >= 2 and words[first - 1] == "to" and words[first - 2] == "according")
    if found.groups and role_cues:
        assign_roles(found.groups, view, role_cues)
    return found


__all__ = ["Chunk", "CueRef", "Group", "Marks", "Participants", "PlaceMention", "participants"]
