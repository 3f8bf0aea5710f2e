"""The steps over all candidates of a sentence, once each trigger has its own: in order,

1. `attach_mediators`: a mediator group joins the events that can have mediators;
2. `settle`: a third party's call for talks is its offer to mediate, and a status the
   event's type cannot take is "occurred";
3. `subsume`: "offered to mediate talks" is one event, not two;
4. `absorb`: ACLED's hierarchy, an air strike inside a ground battle is one battle;
5. `merge`: mentions of one event in one sentence become one candidate;
6. `feuds`: an attack over a land dispute is a fight of communal militias;
7. `unarmed`: a clash with no armed side (party workers, a crowd) is a riot.

Each step returns new candidates (`Candidate.but`), the changed ones with the step's rule
name added; none changes a candidate it is given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..lexicon.model import EventType
from ..model.actors import Actor, Side, UnnamedActor, UnnamedState, distinct_actors, \
    distinct_sides
from ..model.candidates import Candidate, Roles
from ..model.mentions import TriggerRef
from ..model.participants import ActorGroup, Participants
from ..text import find_phrase
from .roles import distance
from .view import SentenceView
from .vocabulary import Vocabulary


def takes_status(event_type: EventType, status: str) -> bool:
    """Can events of this type take this status? (A type that lists none takes all.)"""
    return event_type.statuses is None or status in event_type.statuses


def with_mediators(cand: Candidate, actors: Sequence[Actor], rule: str) -> Candidate:
    """The candidate with these mediators added (five at most), and none of them a side."""
    mediators = distinct_actors((*cand.roles.mediators, *actors), 5)
    keys = {m.key for m in mediators}
    sides = tuple(s for s in cand.roles.sides if s is None or s.key not in keys)
    return cand.but(rule, roles=replace(cand.roles, mediators=mediators, sides=sides))


def attach_mediators(view: SentenceView, parts: Participants, cands: list[Candidate]
                     ) -> list[Candidate]:
    """A mediator group belongs to the events that can have mediators in its clause ("a
    ceasefire at talks hosted by Malaysia"), else to the nearest such event."""
    mediators = [g for g in parts.groups if g.role == "mediator"]
    if not mediators:
        return cands
    eligible = [i for i, c in enumerate(cands) if not c.event_type.violent and
                c.event_type.structure in {"dyadic", "mediation"}]
    if not eligible:
        return cands
    out = list(cands)
    for group in mediators:
        # What decides the targets (trigger, clause, anaphora) is the same in `out`.
        nearest = min(eligible, key=lambda i: (distance(view, group, cands[i].trigger),
                                               cands[i].trigger.first > group.first))
        clause = view.clause[group.first]  # (a group covers a token)
        for i in [nearest] + [i for i in eligible if i != nearest and cands[i].clause == clause
                              and not cands[i].anaphoric]:
            out[i] = with_mediators(out[i], group.actors, "mediator_cue")
    return out


def settle(cand: Candidate, types: dict[str, EventType]) -> Candidate:
    """A call read for what it says (`_answer_call`), then a status the type cannot take
    (left for a third-party call, now settled) made "occurred": "will chair ... ready to
    host" is an offer made now."""
    if cand.status == "called_for":
        cand = _answer_call(cand, types)
    if cand.status != "occurred" and not takes_status(cand.event_type, cand.status):
        cand = replace(cand, status="occurred")
    return cand


def _answer_call(cand: Candidate, types: dict[str, EventType]) -> Candidate:
    """A third party urging the sides to negotiate offers its good offices; two parties
    that urge each other ("X and Y urged each other to talk") are the sides."""
    roles, caller = cand.roles, cand.roles.caller
    target_type = cand.event_type.third_party_call
    if caller is not None and roles.both_sides and not roles.sides and len(caller.actors) >= 2:
        sides = tuple(distinct_sides(caller.actors))
        return cand.but("sides_urge_each_other", roles=replace(roles, sides=sides))
    if target_type is not None and target_type in types and \
            _calls_as_third_party(roles, caller):
        return with_mediators(cand, caller.actors if caller else (), "third_party_call") \
            .but(event_type=types[target_type], status="occurred")
    return cand


def _calls_as_third_party(roles: Roles, caller: ActorGroup | None) -> bool:
    """Is the caller none of the sides it addresses ("urged Islamabad and Kabul"), nor the
    two sides themselves ("both countries called for talks")?"""
    side_keys = {s.key for s in roles.sides if isinstance(s, Actor)}
    if caller is None:
        return True
    if any(a.key in side_keys for a in caller.actors):
        return False
    return len(side_keys) >= 2 or not caller.dyad


def subsume(view: SentenceView, cands: list[Candidate]) -> list[Candidate]:
    """"offered to mediate talks": the talks are what is offered, not a second event."""
    if len(cands) < 2:
        return cands  # nothing to subsume
    drop: set[int] = set()
    for outer in cands:
        if not outer.event_type.subsumes:
            continue  # subsumes nothing
        rules = {x.type: x for x in outer.event_type.subsumes}
        for i, inner in enumerate(cands):
            rule = rules.get(inner.event_type.id)
            if inner is outer or rule is None or inner.trigger.first <= outer.trigger.last:
                continue
            between = set(view.words[outer.trigger.last + 1:inner.trigger.first])
            if inner.clause == outer.clause and (not rule.via or between & set(rule.via)) and \
                    view.tokens.within(outer.trigger.last, inner.trigger.first, rule.window):
                drop.add(i)
    return [c for i, c in enumerate(cands) if i not in drop]


def _own_actor(view: SentenceView, parts: Participants, cand: Candidate) -> str | None:
    """The key of the named actor written right before the trigger ("Afghan retaliatory
    attacks", "Pakistani airstrikes"), None if there is none."""
    first = cand.trigger.first
    for group in parts.groups:
        if group.last < first and view.tokens.within(group.last, first, 1) and group.actors \
                and view.clause[group.last] == cand.clause:
            return group.actors[-1].key
    return None


def _doer(cand: Candidate) -> str | None:
    """The key of a one-sided event's named actor (its first side), if it has one."""
    sides = cand.roles.sides
    if cand.event_type.structure != "one_sided" or not sides:
        return None
    return sides[0].key if isinstance(sides[0], Actor) else None


def _harms_no_one(view: SentenceView, cand: Candidate, vocabulary: Vocabulary) -> bool:
    """Is the candidate told by a word of an attack that harms property only (the
    language's `harmless_triggers`: "raided") in a sentence that tells no harm to people?"""
    trigger = cand.trigger
    return " ".join(view.words[trigger.first:trigger.last + 1]) in \
        vocabulary.harmless_triggers and vocabulary.harm_words.isdisjoint(view.words)


def absorb(view: SentenceView, parts: Participants, cands: list[Candidate],
           vocabulary: Vocabulary) -> list[Candidate]:
    """ACLED's hierarchy: an event of a type that another candidate's type absorbs
    (`EventType.absorbs_type`) is part of that event (an air strike inside a ground battle
    is one battle; a civilian abducted and killed is one attack; an arrest during a riot is
    the riot), and the absorbing event takes the sides it lacks. Two events each led by
    its own named actor ("Pakistani airstrikes and Afghan retaliatory attacks") stay two. A
    candidate that is itself absorbed absorbs nothing, nor does an attack's word that harms
    no one (dropped later, rules/yields.py: "arrested six militants during a raid")."""
    if len(cands) < 2 or not any(c.event_type.absorbs or c.event_type.yields_to
                                 for c in cands):
        return cands  # nothing to absorb
    own = [_own_actor(view, parts, c) for c in cands]
    # Who does a one-sided event: its actor, wherever written ("accused Pakistan of
    # launching airstrikes").
    doers = [_doer(c) or own[i] for i, c in enumerate(cands)]

    harmless = [_harms_no_one(view, c, vocabulary) for c in cands]

    def takes(i: int, j: int) -> bool:
        if i == j or harmless[i] or not cands[i].event_type.absorbs_type(cands[j].event_type):
            return False
        return own[i] is None or doers[j] is None or own[i] == doers[j]

    absorbed = [any(takes(i, j) for i in range(len(cands))) for j in range(len(cands))]
    out: list[Candidate] = []
    for i, cand in enumerate(cands):
        if absorbed[i]:
            continue
        inner = [c for j, c in enumerate(cands) if absorbed[j] and takes(i, j)]
        if inner:
            # The sides of a tactic of this event (the battle's air strike) are its own; the
            # arrests that follow an attack are of other people.
            # Nor are the police who arrest the attacker its target.
            others = {c.roles.sides[0].key for c in inner if c.event_type.id not in
                      cand.event_type.absorbs and c.event_type.structure == "one_sided"
                      and c.roles.sides and c.roles.sides[0] is not None}
            sides = tuple(distinct_sides(cand.roles.sides[:1] + tuple(
                s for s in cand.roles.sides[1:] if s is None or s.key not in others) + tuple(
                s for c in inner if c.event_type.id in cand.event_type.absorbs
                for s in c.roles.sides)))
            cand = cand.but("absorbs:" + ",".join(dict.fromkeys(c.event_type.id for c in inner)),
                            roles=replace(cand.roles, sides=sides))
        out.append(cand)
    return out


def _joined(kept: Candidate, cand: Candidate) -> Candidate:
    """Two mentions of one event as one: sides and mediators of both, the status of the one
    that has one."""
    sides: tuple[Side | None, ...] = tuple(distinct_sides(kept.roles.sides + cand.roles.sides))
    if sides and not any(c.roles.sides and c.roles.sides[0] is not None for c in (kept, cand)):
        sides = (None, sides[0])  # a target with no doer stays the target
    roles = Roles(sides,
                  distinct_actors(kept.roles.mediators + cand.roles.mediators, 5),
                  kept.roles.both_sides or cand.roles.both_sides, kept.roles.caller)
    return kept.but("merged_mention", roles=roles,
                    status=cand.status if kept.status == "occurred" else kept.status,
                    anaphoric=kept.anaphoric and cand.anaphoric)


def _same_event(kept: Candidate, cand: Candidate) -> bool:
    """Are two candidates of one type mentions of one event? Their statuses agree (a
    mention with no status cue of its own takes the status of one in its clause: "urged a
    truce, followed by a permanent ceasefire"), their sides are one within the other, and
    they name no two different third parties."""
    ma, mb = {m.key for m in kept.roles.mediators}, {m.key for m in cand.roles.mediators}
    if ma and mb and not ma & mb:
        return False  # two third parties, two offers
    same_status = kept.status == cand.status or cand.weak or (
        kept.clause == cand.clause and "occurred" in (kept.status, cand.status))
    a, b = kept.roles.side_keys(), cand.roles.side_keys()
    return same_status and (not a or not b or a <= b or b <= a)


def merge(cands: list[Candidate]) -> list[Candidate]:
    """Mentions of one event in one sentence ("exchanged fire after Kabul launched
    retaliatory strikes") become one candidate, the first."""
    if len(cands) < 2:
        return cands  # nothing to join
    merged: list[Candidate] = []
    for cand in cands:
        for i, kept in enumerate(merged):
            if kept.event_type.id == cand.event_type.id and _same_event(kept, cand):
                merged[i] = _joined(kept, cand)
                break
        else:
            merged.append(cand)
    return merged


def feuds(view: SentenceView, cands: list[Candidate], types: dict[str, EventType]
          ) -> list[Candidate]:
    """An event of a type with `feuds` whose sentence tells one of a feud's phrases ("a
    farmer was hacked to death over a land dispute") is of the feud's type, its actor on
    both sides: ACLED codes the killings of a quarrel over land between neighbours, families
    or villages as a battle of communal militias, in Bangladesh, India and Pakistan alike.
    An event with a state's forces or a named group among its sides ("police shot a farmer
    in a land dispute") is that side's act, and stays as it is."""
    out = cands
    present: frozenset[str] | None = None  # the sentence's words, read once it has a feud
    for i, cand in enumerate(cands):
        if not cand.event_type.feuds or not all(s is None or isinstance(s, UnnamedActor)
                                                for s in cand.roles.sides):
            continue
        present = frozenset(view.words) if present is None else present
        feud = next((f for f in cand.event_type.feuds if f.type in types and
                     told(view.words, present, f.phrases)), None)
        if feud is None:
            continue
        roles = replace(cand.roles, sides=(UnnamedActor(feud.actor),), both_sides=True)
        out = list(out) if out is cands else out
        out[i] = cand.but("feud", event_type=types[feud.type], roles=roles)
    return out


def told(words: Sequence[str], present: frozenset[str], phrases: Sequence[str]) -> bool:
    """Do the sentence's `words` (their set: `present`) tell one of the phrases in a row?
    A phrase with a word the sentence lacks ("land", in most sentences) is not looked for:
    `told_plainly` without the word by word search."""
    return any(present.issuperset(words_of := phrase.split()) and
               find_phrase(words, words_of) >= 0 for phrase in phrases)


def told_plainly(words: Sequence[str], phrases: Sequence[str]) -> bool:
    """`told`, searching for every phrase word by word (the reference a test holds it to)."""
    return any(find_phrase(words, phrase.split()) >= 0 for phrase in phrases)


def armed(side: Side, vocabulary: Vocabulary) -> bool | None:
    """Does the side bear arms as an organisation? False for a party's members, a crowd or
    civilians ("BJP workers", "villagers"), None for a state's forces (who face crowds and
    armed groups alike), True for any other side (an armed group, named or not)."""
    if isinstance(side, UnnamedActor):
        return side.generic not in vocabulary.crowd_generics
    if isinstance(side, UnnamedState):
        return None
    if side.key in vocabulary.party_keys or side.actor_type in {"protesters", "rioters",
                                                                 "civilians"}:
        return False
    return None if side.is_state else True


def _unarmed(cand: Candidate, words: set[str], vocabulary: Vocabulary) -> bool:
    """Is the candidate's fight one of no armed side: a side that bears no arms, or, when no
    side is named, the type's `unarmed_words` in the sentence ("locals clashed with the
    police"); no armed side named, and no `armed_words` in the sentence?"""
    event_type = cand.event_type
    # (of a one-sided act only the doer: the farmers a landmine killed bore no arms, and
    # say nothing of who laid it)
    doers = cand.roles.sides if event_type.structure == "dyadic" else cand.roles.sides[:1]
    sides = [s for s in doers if s is not None]
    kinds = {armed(s, vocabulary) for s in sides}
    if True in kinds or not words.isdisjoint(event_type.armed_words):
        return False
    if len({s.key for s in sides if isinstance(s, Actor) and s.is_state}) >= 2:
        return False  # two states' forces: "Pakistani troops fired on Indian posts"
    return False in kinds or not words.isdisjoint(event_type.unarmed_words)


def _harmed(view: SentenceView, parts: Participants, cand: Candidate,
            types: dict[str, EventType], vocabulary: Vocabulary) -> Candidate | None:
    """The candidate as its type's `passive_type` (an attack on civilians), if it is told
    only by weak words of violence or of harm ("were killed", "wounded in firing by
    troops"), one side is people a toll names as victims ("farmers") and they suffer it,
    the other (if any) no crowd: civilians killed fought no one (ACLED's violence against
    civilians, not a riot nor a battle); "villagers clashed with the police" tells a
    fight, and "villagers killed two robbers" has the villagers do it."""
    passive = cand.event_type.passive_type
    if passive is None or passive not in types or cand.event_type.structure != "dyadic" or \
            not all(ref.consequence or ref.weak
                    for ref in cand.trigger.mention.groups[TriggerRef]):
        return None
    sides = [s for s in cand.roles.sides if s is not None]
    victims = [s for s in sides
               if isinstance(s, UnnamedActor) and s.generic in vocabulary.victim_generics]
    doers = [s for s in sides if s not in victims]
    if len(victims) != 1 or len(doers) > 1 or \
            any(armed(s, vocabulary) is False for s in doers) or \
            not _suffers(view, parts, victims[0], cand.trigger.first, vocabulary):
        return None
    roles = replace(cand.roles, sides=(doers[0] if doers else None, victims[0]))
    return cand.but("victims_harmed", event_type=types[passive], roles=roles)


def _party_harmed(view: SentenceView, parts: Participants, cand: Candidate,
                  types: dict[str, EventType], vocabulary: Vocabulary) -> Candidate | None:
    """The candidate as its type's `passive_type`, if its two sides are an armed group and
    a party's members who suffer it: named after the armed doer ("gunmen chased a party
    leader and killed him"), after the trigger, or as a passive's subject ("a party official
    was wounded when his car came under gunfire from militants"). A party's members bear no
    arms: ACLED codes an armed group's attack on them as violence against civilians (the
    party their associated actor), not a battle; "party workers killed a militant" and
    "party workers exchanged fire with militants" have the party do it."""
    passive = cand.event_type.passive_type
    sides = [s for s in cand.roles.sides if s is not None]
    if passive is None or passive not in types or len(sides) != 2 or \
            cand.event_type.structure != "dyadic":
        return None
    kinds = [armed(s, vocabulary) for s in sides]
    if sorted(kinds, key=str) != [False, True] or \
            sides[kinds.index(False)].key not in vocabulary.party_keys:
        return None
    doer, party = sides[kinds.index(True)], sides[kinds.index(False)]
    if isinstance(doer, UnnamedActor) and doer.generic in vocabulary.paired_generics:
        return None  # "two rival groups of the party": its members on both sides
    if not (_suffers(view, parts, party, cand.trigger.first, vocabulary) or
            _first_chunk(parts, doer) < _first_chunk(parts, party)):
        return None
    roles = replace(cand.roles, sides=(doer, party))
    return cand.but("party_harmed", event_type=types[passive], roles=roles)


def _first_chunk(parts: Participants, side: Side) -> int:
    """The first token of the side's first chunk in the sentence (-1 if none)."""
    return min((ch.first for g in parts.groups for ch in g.chunks
                if ch.side is not None and ch.side.key == side.key), default=-1)


def _suffers(view: SentenceView, parts: Participants, side: Side, trigger: int,
             vocabulary: Vocabulary) -> bool:
    """Is the side named after the trigger, or before it as the subject of a passive ("two
    farmers were wounded in firing by troops"), not as the doer of an active verb?"""
    firsts = [ch.first for g in parts.groups for ch in g.chunks
              if ch.side is not None and ch.side.key == side.key]
    return any(first > trigger or
               not vocabulary.passive_auxiliaries.isdisjoint(view.words[first:trigger])
               for first in firsts)


def unarmed(view: SentenceView, parts: Participants, cands: list[Candidate],
            types: dict[str, EventType], vocabulary: Vocabulary) -> list[Candidate]:
    """A fight of a type with an `unarmed_type` whose sides are a party's members or a crowd,
    against each other or the state's forces, and no armed side, is of that type: "party
    workers clashed with the police" is ACLED's riot (a battle is fought by organised armed
    groups), unless the sentence tells arms (the type's `armed_words`: "a gunfight between
    party cadres and the police"). The crowd rules then give it a crowd's roles."""
    out = cands
    words: set[str] | None = None
    for i, cand in enumerate(cands):
        target = cand.event_type.unarmed_type
        if target is None or target not in types:
            continue
        words = set(view.words) if words is None else words
        harmed = _harmed(view, parts, cand, types, vocabulary) or \
            _party_harmed(view, parts, cand, types, vocabulary)
        if harmed is not None:
            out = list(out) if out is cands else out
            out[i] = harmed
        elif _unarmed(cand, words, vocabulary):
            out = list(out) if out is cands else out
            # Two sides fought ("crowd_fight": Rioters against Rioters), or a crowd did it
            rule = "crowd_fight" if cand.event_type.structure == "dyadic" else "crowd_violence"
            out[i] = cand.but(rule, event_type=types[target])
    return out


def after_rules(view: SentenceView, parts: Participants, cands: list[Candidate],
                types: dict[str, EventType], vocabulary: Vocabulary) -> list[Candidate]:
    """The steps above, in order, over the sentence's candidates in text order."""
    ordered = sorted(cands, key=lambda c: c.trigger.first) if len(cands) > 1 else cands
    # (An event that occurred has no call and no status to settle.)
    settled = [c if c.status == "occurred" else settle(c, types)
               for c in attach_mediators(view, parts, ordered)]
    absorbed = absorb(view, parts, subsume(view, settled), vocabulary)
    return unarmed(view, parts, feuds(view, merge(absorbed), types), types, vocabulary)
