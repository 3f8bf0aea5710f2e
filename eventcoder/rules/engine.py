"""Rules: trigger mentions become candidate events with a type, roles and a status.

Each rule is a small function and records its name in `Candidate.rules`, so every event in
the dataset says which rules made it. Statements that are negated, hypothetical or generic
are dropped here, before any event exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..lexicon.model import EventType
from ..match import CueRef, TriggerRef
from ..resolve.actors import Actor
from .cues import cue_status, dropped, no_candidates
from .participants import Group, Marks, Participants
from .view import Placed, SentenceView, Vocabulary

PRONOUNS = frozenset({"it", "its", "they", "their"})


@dataclass(slots=True)
class Candidate:
    event_type: EventType
    trigger: Placed
    weak: bool
    status: str = "occurred"
    # Dyadic: the two sides. One-sided: [actor, target], either may be None. A str is the id
    # of a generic actor ("militants") whose country is known only once the place is.
    sides: list[Actor | str | None] = field(default_factory=list)
    mediators: list[Actor] = field(default_factory=list)
    dyad_ref: bool = False
    anaphoric: bool = False
    rules: list[str] = field(default_factory=list)
    clause: int = 0  # the clause of the trigger's first token
    caller: Group | None = None  # who makes the call of a "called_for" status, if found


def _marks(view: SentenceView, parts: Participants) -> Marks:
    """The sentence's marks, read by `participants`; read here for Participants made by hand."""
    if parts.marks is None:
        parts.marks = Marks.read(view)
    return parts.marks


def _anchored(view: SentenceView, parts: Participants, trigger: Placed,
              fatality_tokens: list[int]) -> bool:
    """A weak trigger counts when a participant or a toll is tied to it."""
    numbers, start, end = view.clause, trigger.first, trigger.last
    clause = numbers[start]
    for group in parts.groups:
        if group.source:
            continue
        # The position first, the members only of a group placed to count: every test is
        # pure, so their order does not change the answer.
        last = group.last
        if last < start:
            near = numbers[last] == clause and view.within(last, start, 2)
        else:  # "fighting between X and Y", "hosted his Somali and Ethiopian ..."
            first = group.first
            near = first > end and view.within(end, first, 2) and (
                group.role in {"agent", "target", "between"} or len(group.actors) >= 2)
        if near and any(c.member for c in group.chunks):
            return True  # without a member: "hostilities between the two countries"
    if _pronoun_before(view.words, start) and any(g.last < start for g in parts.groups):
        return True  # "India said it struck", "they had seized": the subject named before
    return any(numbers[t] == clause for t in fatality_tokens)


def _pronoun_before(words: list[str], start: int) -> bool:
    """Is one of the two words before token `start` a pronoun ("it struck", "it had struck")?
    (Read as `view.word` reads them: no word before the sentence's first token.)"""
    return (start >= 1 and words[start - 1] in PRONOUNS) or \
        (start >= 2 and words[start - 2] in PRONOUNS)


_NOT_MODIFIERS = frozenset("it its they them their had has have was were is are be been being "
                           "which who whom whose and or but to of".split())


def _is_anaphoric(view: SentenceView, trigger: Placed, vocabulary: Vocabulary,
                  parts: Participants) -> bool:
    """"the talks", "that cease-fire": a definite noun with no modifier of its own. A verb
    ("that it had killed") is never anaphoric."""
    words, anaphora = view.words, vocabulary.anaphora
    head = words[trigger.last]
    if head.endswith(("ed", "ing")) and head not in {"fighting", "shelling", "bombing"}:
        return False
    i = trigger.first - 1
    steps = 0
    while i >= 0 and steps < 3 and words[i] not in anaphora:
        word = words[i]
        if not word[0].isalpha() or word in _NOT_MODIFIERS or _owned(parts, i):
            return False
        i -= 1
        steps += 1
    return i >= 0 and words[i] in anaphora


def _owned(parts: Participants, token: int) -> bool:
    """Is the token part of a participant, an actor group or a place?"""
    for g in parts.groups:
        if g.first <= token <= g.last:
            return True
    for p in parts.places:
        if p.first <= token <= p.last:
            return True
    return False


def _distance(view: SentenceView, group: Group, trigger: Placed) -> int:
    if group.last < trigger.first:
        return view.distance(group.last, trigger.first)
    return view.distance(trigger.last, group.first)


def _distinct(actors: list[Actor | str | None], limit: int = 2) -> list[Actor | str]:
    seen: set[str] = set()
    out: list[Actor | str] = []
    for actor in actors:
        if actor is None:
            continue
        key = actor if isinstance(actor, str) else actor.key
        if key not in seen:
            seen.add(key)
            out.append(actor)
            if len(out) == limit:
                break  # the rest could only be cut off
    return out


def _members(group: Group) -> list[Actor | str]:
    return [m for c in group.chunks if not c.victim and (m := c.member) is not None]


def _names_two(group: Group) -> bool:
    """Does the group name two distinct members? A chunk gives at most one."""
    chunks = group.chunks
    if len(chunks) < 2:
        return False
    seen = None
    for c in chunks:
        if c.victim or (member := c.member) is None:
            continue
        key = member if isinstance(member, str) else member.key
        if seen is None:
            seen = key
        elif key != seen:
            return True
    return False


def _in_text_order(groups: list[Group]) -> list[Actor | str]:
    """Members of the chosen groups, first written first: the subject usually leads."""
    ordered = sorted(((c.first, c) for g in groups for c in g.chunks), key=lambda x: x[0])
    return [m for _, c in ordered if not c.victim and (m := c.member) is not None]


def _side_groups(view: SentenceView, parts: Participants, trigger: Placed, clause_only: bool,
                 exclude: set[int]) -> list[Group]:
    # Clause numbers read from the list: a trigger covers a token, so there is one per token.
    numbers = view.clause
    clause = numbers[trigger.first]
    groups: list[Group] = []
    for i, g in enumerate(parts.groups):  # the cheaper tests first
        if g.role == "mediator" or i in exclude:
            continue
        first = g.first
        if g.source and first > trigger.last:
            continue  # ", officials said": a source
        if clause_only:
            if numbers[first] != clause and numbers[g.last] != clause:
                continue
        elif not g.actors:
            continue  # beyond its clause, only named actors count
        for c in g.chunks:
            if not c.victim:  # a group of victims only takes no side
                groups.append(g)
                break
    if len(groups) > 1:  # nearest first (as _distance, without a call per group)
        first, last, distance = trigger.first, trigger.last, view.distance
        groups.sort(key=lambda g: distance(g.last, first)
                    if g.last < first else distance(last, g.first))
    return groups


def dyadic_sides(view: SentenceView, parts: Participants, cand: Candidate, exclude: set[int]
                 ) -> None:
    trigger = cand.trigger
    for clause_only in (True, False):
        groups = _side_groups(view, parts, trigger, clause_only, exclude)
        if not groups:
            continue  # the sides so far (none, or distinct ones) and all else stay as is
        # The first group naming two, read only in the clause (beyond it, none is chosen so).
        pair = next((g for g in groups if _names_two(g)), None) if clause_only else None
        if pair is None and clause_only and groups[0].dyad and not groups[0].actors:
            cand.dyad_ref = True  # "urged both sides to cease fire": the two sides meant
            cand.rules.append("sides_dyad")
            return
        between = None
        for g in groups:
            if g.role == "between":
                between = g
                break
        if between is not None and between.dyad and not between.actors:
            cand.dyad_ref = True  # "talks between the two sides": the article's two sides
            cand.rules.append("sides_between_dyad")
            return
        if between is not None and _names_two(between):
            chosen, rule = [between], "sides_between"
        elif pair is not None:  # (found in the clause only)
            chosen, rule = [pair], "sides_coordinated"
        else:
            chosen, rule = groups, "sides_nearest"
        sides = _distinct(cand.sides + [c.member for g in chosen for c in g.chunks
                                         if not c.victim])  # (_distinct skips None)
        if len(chosen) > 1:  # the two sides picked, in text order
            keys = {_key(m) for m in sides}
            sides = [m for m in _distinct(cand.sides + _in_text_order(chosen), 10)
                     if _key(m) in keys]
        # One group: its chunks are in text order, hence its members; and the first two
        # distinct of a list are, in order, those of its first ten distinct with their keys.
        cand.dyad_ref = cand.dyad_ref or any(c.dyad for g in chosen for c in g.chunks)
        if sides != cand.sides:
            cand.sides = sides
            cand.rules.append(rule if clause_only else rule + "_sentence")
        if len(cand.sides) >= 2 or cand.dyad_ref:
            return


def one_sided_roles(view: SentenceView, parts: Participants, cand: Candidate, exclude: set[int]
                    ) -> None:
    trigger = cand.trigger
    groups = _side_groups(view, parts, trigger, True, exclude)
    if not groups:
        cand.sides = []  # no actor, no target: what the rules below come to
        return
    # Only the first group of each kind is taken: each is found by a pure test, in order.
    start, end = trigger.first, trigger.last
    agent = next((g for g in groups if g.role == "agent" and g.first > end), None)
    actor = agent
    if actor is None:
        pronoun = _pronoun_before(view.words, start)
        actor = next((g for g in groups if g.last < start and g.role in {None, "agent"}
                      and (pronoun or not g.source)), None)  # "India said it struck"
    # The target: named after the trigger ("struck RSF positions", "bombed two Cambodian
    # military targets", "hit a building housing Hamas leaders").
    numbers = view.clause
    aimed = next((g for g in groups if g is not actor and g.first > end and not g.source
                  and (g.role == "target" or view.within(end, g.first, 6))
                  and numbers[g.first] == numbers[start]), None)
    doer: list[Actor | str | None] = [None]
    if actor is not None:
        doer = list(_distinct(_members(actor), 1)) or [None]
        cand.rules.append("actor_before" if agent is None else "actor_agent")
    # No one is their own target: "the Afghan army struck Afghanistan and Angola" strikes
    # Angola, if anyone.
    doers = {_key(d) for d in doer if d is not None}
    target: list[Actor | str | None] = [
        m for m in _distinct(_members(aimed), 10) if _key(m) not in doers][:1] \
        if aimed is not None else []
    if target:
        cand.rules.append("target_after")
    cand.sides = doer + target if (target or doer[0] is not None) else []


def mediation_roles(view: SentenceView, parts: Participants, cand: Candidate, exclude: set[int]
                    ) -> None:
    trigger = cand.trigger
    groups = _side_groups(view, parts, trigger, True, exclude)
    numbers = view.clause  # (a trigger covers a token: one number per token)
    clause = numbers[trigger.first]
    marked = [g for g in parts.groups if g.role == "mediator" and g.last < trigger.first
              and numbers[g.last] == clause]
    before = marked or sorted((g for g in groups if g.last < trigger.first and g.role is None),
                              key=lambda g: g.first)
    possessor = [g for g in before if view.word(g.last + 1) == "'s"
                 and view.within(g.last, trigger.first, 1)]
    after = [g for g in groups if g.first > trigger.last and g.role is None and
             view.within(trigger.last, g.first, 1)]
    # The one who offers: "Tehran's readiness to mediate", else the clause's subject.
    offering = possessor[:1] or before[:1] or after[:1]
    for group in offering:
        cand.mediators = [a for a in _distinct(cand.mediators + group.actors, 5)
                          if isinstance(a, Actor)]
        cand.rules.append("mediator_subject")
    taken = {id(g) for g in offering}
    rest = {i for i, g in enumerate(parts.groups) if id(g) in taken} | exclude
    dyadic_sides(view, parts, cand, rest)
    mediator_keys = {m.key for m in cand.mediators}
    cand.sides = [s for s in cand.sides if isinstance(s, str) or s.key not in mediator_keys]


ROLE_RULES = {"dyadic": dyadic_sides, "one_sided": one_sided_roles, "mediation": mediation_roles}


def attach_mediators(view: SentenceView, parts: Participants, cands: list[Candidate]) -> None:
    """A mediator group belongs to the events that can have mediators in its clause ("a
    ceasefire at talks hosted by Malaysia"), else to the nearest such event."""
    mediators = [g for g in parts.groups if g.role == "mediator"]
    if not mediators:
        return
    eligible = [c for c in cands if c.event_type.structure in {"dyadic", "mediation"}
                and not c.event_type.violent]
    for group in mediators if eligible else ():
        nearest = min(eligible, key=lambda c: (_distance(view, group, c.trigger),
                                               c.trigger.first > group.first))
        clause = view.clause[group.first]  # (a group covers a token)
        targets = [nearest] + [c for c in eligible if c is not nearest and c.clause == clause
                               and not c.anaphoric]
        for cand in targets:
            cand.mediators = [a for a in _distinct(cand.mediators + group.actors, 5)
                              if isinstance(a, Actor)]
            cand.rules.append("mediator_cue")
            keys = {m.key for m in cand.mediators}
            cand.sides = [s for s in cand.sides if isinstance(s, str) or s is None
                          or s.key not in keys]


def caller_group(view: SentenceView, parts: Participants, cue: Placed) -> int | None:
    """The group that makes a call: the nearest one before the cue in its clause."""
    numbers = view.clause  # (a cue covers a token: one number per token)
    clause = numbers[cue.first]
    best = None
    for i, g in enumerate(parts.groups):
        if g.last < cue.first and numbers[g.last] == clause and g.role is None:
            best = i
    return best


def _consequence_only(view: SentenceView, parts: Participants, trigger: Placed,
                      types: dict[str, EventType], found: list["Candidate"]) -> bool:
    """A weak violent trigger ("killed", "fire") beside another violent event in the same
    sentence tells that event's toll, not a second event, unless an actor is written right
    next to it ("Afghan retaliation")."""
    if not found:
        return False  # no other event, whether the word tells a toll or not
    own = trigger.mention.groups[TriggerRef]  # every trigger mention has some
    if any(r.consequence for r in own):
        return any(c.event_type.violent for c in found)
    strong = any(not c.weak and not c.anaphoric and c.event_type.violent for c in found)
    if not strong:
        return False
    return not any(g.last < trigger.first and view.within(g.last, trigger.first, 1)
                   and not g.source and g.actors for g in parts.groups)


def candidates(view: SentenceView, parts: Participants, types: dict[str, EventType],
               vocabulary: Vocabulary, fatality_tokens: list[int]) -> list[Candidate]:
    """Candidate events of one sentence, before places, dates and context are resolved."""
    out: list[Candidate] = []
    marks = _marks(view, parts)
    triggers = marks.triggers
    cues = (marks.drop_cues, marks.status_cues)  # what every trigger reads
    for placed in sorted(triggers, key=_reading_order) if len(triggers) > 1 else triggers:
        for ref in placed.mention.groups[TriggerRef]:  # every trigger mention has some
            event_type = types[ref.event_type]
            if ref.weak and event_type.violent and \
                    _consequence_only(view, parts, placed, types, out):
                continue
            cand = _candidate(view, parts, event_type, ref, placed, vocabulary,
                              fatality_tokens, cues)
            if cand is not None:
                out.append(cand)
    if not out:
        return out  # the steps below only join, retype and drop candidates
    if len(out) > 1:
        out.sort(key=lambda c: c.trigger.first)
    attach_mediators(view, parts, out)
    out = _third_party_calls(view, parts, out, types)
    out = _subsume(view, out)
    for cand in out:
        if cand.status != "occurred" and cand.status not in cand.event_type.statuses:
            cand.status = "occurred"  # "will chair ... ready to host": an offer is made now
    return _merge(out)


def _reading_order(placed: Placed) -> int:
    """Words that tell a toll ("killed") are read last: they make an event of their own only
    when no other violent event in the sentence survived the rules."""
    order = 0
    for ref in placed.mention.groups[TriggerRef]:  # every trigger mention has some
        if ref.consequence:
            return 2
        if ref.weak:
            order = 1
    return order


def _candidate(view: SentenceView, parts: Participants, event_type: EventType, ref: TriggerRef,
               placed: Placed, vocabulary: Vocabulary, fatality_tokens: list[int],
               cues: tuple[list[tuple[Placed, CueRef]], list[tuple[Placed, CueRef]]]
               ) -> Candidate | None:
    """The candidate of one trigger read as `event_type`, or None if a rule drops it.
    `cues`: the sentence's readable cues of DROP_KINDS and of status."""
    drops, statuses = cues
    if drops and dropped(view, drops, placed, ref.event_type):  # (the type's id)
        return None
    weak = ref.weak
    if weak and not _anchored(view, parts, placed, fatality_tokens):
        return None
    if ref.needs_pair and not _pair_beside(view, parts, placed):
        return None
    status, cue = cue_status(view, _marks(view, parts), statuses, placed,
                             vocabulary.status_precedence)
    if status == "occurred" and ref.status:
        status = ref.status  # "scheduled to meet" carries its own status
    # ("occurred" comes with no cue: for it, the test below would change nothing.)
    if status != "occurred" and status not in event_type.statuses and \
            not event_type.third_party_call:
        status, cue = "occurred", None  # "urged ... and said it stood ready to help": an offer
    cand = Candidate(event_type, placed, weak, status, rules=[f"trigger:{event_type.id}"],
                     clause=view.clause[placed.first])
    if status != "occurred":
        cand.rules.append(f"status_{status}")
    exclude: set[int] = set()
    if status == "called_for" and cue is not None:
        caller = caller_group(view, parts, cue)
        if caller is not None:
            exclude.add(caller)
            cand.caller = parts.groups[caller]
    structure = event_type.structure  # (an EventType's attributes are slow to read)
    ROLE_RULES[structure](view, parts, cand, exclude)
    if weak and structure == "dyadic" and len(cand.sides) < 2 and not cand.dyad_ref and \
            event_type.violent:
        return None  # "Houthi attack on Jeddah": a battle needs two sides in the sentence
    cand.anaphoric = _is_anaphoric(view, placed, vocabulary, parts)
    if weak and cand.anaphoric and not _place_or_date_beside(view, parts, placed):
        return None  # "in the fighting": a weak word pointing back is no new event
    return cand


def _pair_beside(view: SentenceView, parts: Participants, trigger: Placed) -> bool:
    """Two named sides next to the trigger ("delegations from Kabul and Islamabad met",
    "hosted his Somali and Ethiopian counterparts")."""
    for group in parts.groups:
        if not group.dyad and not _names_two(group):
            continue
        if group.last < trigger.first and view.within(group.last, trigger.first, 2):
            return True
        if group.first > trigger.last and view.within(trigger.last, group.first, 2):
            return True
    return False


def _place_or_date_beside(view: SentenceView, parts: Participants, trigger: Placed) -> bool:
    """"the strikes on Hodeidah": a place right after a definite mention makes it news."""
    return any(p.first > trigger.last and view.within(trigger.last, p.first, 2)
               for p in parts.places)


def _third_party_calls(view: SentenceView, parts: Participants, cands: list[Candidate],
                       types: dict[str, EventType]) -> list[Candidate]:
    """A third party urging the sides to negotiate offers its good offices."""
    if all(c.status != "called_for" for c in cands):
        return cands  # only a call is read here
    out = []
    for cand in cands:
        target_type = cand.event_type.third_party_call
        caller = cand.caller
        if cand.status == "called_for" and caller is not None and cand.dyad_ref and \
                not cand.sides and len(caller.actors) >= 2:
            cand.sides = list(_distinct(list(caller.actors)))  # "X and Y urged each other"
            cand.rules.append("sides_urge_each_other")
            out.append(cand)
            continue
        if cand.status == "called_for" and target_type in types:
            side_keys = {s.key for s in cand.sides if isinstance(s, Actor)}
            caller_actors = caller.actors if caller else []
            addressed = len(side_keys) >= 2  # "urged Islamabad and Kabul": the caller is neither
            if not any(a.key in side_keys for a in caller_actors) and (
                    addressed or not (caller and caller.dyad)):
                cand.event_type = types[target_type]
                cand.status = "occurred"
                cand.mediators = [a for a in _distinct(cand.mediators + caller_actors, 5)
                                  if isinstance(a, Actor)]
                cand.rules.append("third_party_call")
        out.append(cand)
    return out


def _subsume(view: SentenceView, cands: list[Candidate]) -> list[Candidate]:
    """"offered to mediate talks": the talks are what is offered, not a second event."""
    if len(cands) < 2:
        return cands
    drop: set[int] = set()
    for outer in cands:
        subsumes = outer.event_type.subsumes
        if not subsumes:
            continue  # subsumes nothing
        rules = {x.type: x for x in subsumes}
        for i, inner in enumerate(cands):
            rule = rules.get(inner.event_type.id)
            if inner is outer or rule is None or inner.trigger.first <= outer.trigger.last:
                continue
            between = set(view.words[outer.trigger.last + 1:inner.trigger.first])
            if inner.clause == outer.clause and (not rule.via or between & set(rule.via)) and \
                    view.within(outer.trigger.last, inner.trigger.first, rule.window):
                drop.add(i)
    return [c for i, c in enumerate(cands) if i not in drop]


def _key(actor: Actor | str) -> str:
    return actor if isinstance(actor, str) else actor.key


def _keys(cand: Candidate) -> set[str]:
    return {s if isinstance(s, str) else s.key for s in cand.sides if s is not None}


def _merge(cands: list[Candidate]) -> list[Candidate]:
    """Mentions of one event in one sentence ("exchanged fire after Kabul launched
    retaliatory strikes") become one candidate."""
    if len(cands) < 2:
        return cands  # nothing to join
    merged: list[Candidate] = []
    for cand in cands:
        for kept in merged:
            if kept.event_type.id != cand.event_type.id:
                continue
            a, b = _keys(kept), _keys(cand)
            # A mention with no status cue of its own takes the status of one in its clause
            # ("urged a truce, followed by a permanent ceasefire").
            same_status = kept.status == cand.status or cand.weak or (
                kept.clause == cand.clause and "occurred" in (kept.status, cand.status))
            ma, mb = {m.key for m in kept.mediators}, {m.key for m in cand.mediators}
            if ma and mb and not ma & mb:
                continue  # two third parties, two offers
            if same_status and (not a or not b or a <= b or b <= a):
                kept.sides = _distinct(kept.sides + cand.sides)
                kept.mediators = [m for m in _distinct(kept.mediators + cand.mediators, 5)
                                  if isinstance(m, Actor)]
                kept.dyad_ref = kept.dyad_ref or cand.dyad_ref
                if kept.status == "occurred":
                    kept.status = cand.status
                kept.anaphoric = kept.anaphoric and cand.anaphoric
                kept.rules.append("merged_mention")
                break
        else:
            merged.append(cand)
    return merged


__all__ = ["Candidate", "CueRef", "candidates", "no_candidates"]
