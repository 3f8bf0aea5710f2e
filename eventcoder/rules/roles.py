"""Role rules: who the sides of a candidate event are, by the structure of its type.

Each rule reads the sentence's groups around the trigger and returns the `Roles` it finds
with the names of the rules that found them: `dyadic_sides` (two sides: a clash, talks),
`one_sided_roles` (an actor and a target: an airstrike), `mediation_roles` (a mediator
and, as for talks, two sides).
"""

from __future__ import annotations

from collections.abc import Callable

from ..model.actors import Actor, Side, UnnamedState, distinct_actors, distinct_sides
from ..model.candidates import Roles
from ..model.participants import ActorGroup, Participants
from ..model.mentions import Placed
from .view import SentenceView
from .vocabulary import Vocabulary

# words between an agent's cue and its group, when the cue is too far from it to give the
# role itself ("allegedly by a gang of robbers")
_LATE_AGENT_REACH = 3

RoleRule = Callable[[SentenceView, Participants, Placed, set[int], Vocabulary],
                    tuple[Roles, tuple[str, ...]]]


def distance(view: SentenceView, group: ActorGroup, trigger: Placed) -> int:
    """Words between a group and a trigger."""
    if group.last < trigger.first:
        return view.tokens.distance(group.last, trigger.first)
    return view.tokens.distance(trigger.last, group.first)


def pronoun_before(view: SentenceView, start: int, vocabulary: Vocabulary) -> bool:
    """Is one of the two words before token `start` a pronoun ("it struck", "it had
    struck")?"""
    return view.tokens.word(start - 1) in vocabulary.pronouns or \
        view.tokens.word(start - 2) in vocabulary.pronouns


def names_two(group: ActorGroup) -> bool:
    """Does the group name two distinct members? A chunk gives at most one."""
    return len(group.chunks) >= 2 and len({side.key for side in group.members}) >= 2


def _in_text_order(groups: list[ActorGroup]) -> list[Side]:
    """Members of the chosen groups, first written first: the subject usually leads."""
    chunks = sorted((c for g in groups for c in g.chunks), key=lambda c: c.first)
    return [side for c in chunks if not c.victim and (side := c.side) is not None]


def _side_groups(view: SentenceView, parts: Participants, trigger: Placed, clause_only: bool,
                 exclude: set[int], articles: frozenset[str] = frozenset()) -> list[ActorGroup]:
    """The groups that may be sides of the trigger, nearest first: in its clause, or
    (`clause_only` False) anywhere in the sentence if they name an actor. Mediators, the
    groups `exclude`d (by index), sources after the trigger and groups of victims only are
    none. `articles`: the words that may open the sentence before its subject."""
    numbers = view.clause  # (a trigger and a group cover a token: one number per token)
    clause = numbers[trigger.first]
    groups: list[ActorGroup] = []
    for i, g in enumerate(parts.groups):
        if g.role == "mediator" or i in exclude:
            continue
        if g.source and g.first > trigger.last:
            continue  # ", officials said": a source
        if clause_only and numbers[g.first] != clause and numbers[g.last] != clause:
            continue
        if not clause_only and not g.actors and not _opening_subject(view, g, articles):
            continue  # beyond its clause, only named actors count
        if not g.victims_only:
            groups.append(g)
    if len(groups) > 1:
        groups.sort(key=lambda g: distance(view, g, trigger))
    return groups


def _opening_subject(view: SentenceView, group: ActorGroup, articles: frozenset[str]) -> bool:
    """"The police, acting on a tip-off, raided ...": a group that opens the sentence as a
    clause of its own (an apposition or a participle follows it) is the subject of the
    sentence's verbs, as a named actor there would be: a state's forces so written count
    beyond their clause."""
    words = view.words
    return not group.source and group.first <= 1 and all(
        w in articles for w in words[:group.first]) and \
        view.tokens.word(group.last + 1) == "," and \
        any(isinstance(c.side, UnnamedState) for c in group.chunks)


def _chosen(groups: list[ActorGroup], clause_only: bool) -> tuple[list[ActorGroup], str] | str:
    """The groups that are the sides, and the rule that chose them; or the rule that finds
    "both sides" meant, unnamed."""
    # The first group naming two, read only in the clause (beyond it, none is chosen so).
    pair = next((g for g in groups if names_two(g)), None) if clause_only else None
    if pair is None and clause_only and groups[0].dyad and not groups[0].actors:
        return "sides_dyad"  # "urged both sides to cease fire": the two sides meant
    between = next((g for g in groups if g.role == "between"), None)
    if between is not None and between.dyad and not between.actors:
        return "sides_between_dyad"  # "talks between the two sides": the article's two sides
    if between is not None and names_two(between):
        return [between], "sides_between"
    if pair is not None:
        return [pair], "sides_coordinated"
    return groups, "sides_nearest"


def dyadic_sides(view: SentenceView, parts: Participants, trigger: Placed, exclude: set[int],
                 vocabulary: Vocabulary) -> tuple[Roles, tuple[str, ...]]:
    """Two sides: a group naming two in the trigger's clause ("Pakistan and Afghanistan
    clashed"), a group marked "between", else the nearest groups; beyond the clause, named
    actors only, if the clause gives fewer than two."""
    sides: list[Side] = []
    both_sides = False
    rules: list[str] = []
    for clause_only in (True, False):
        groups = _side_groups(view, parts, trigger, clause_only, exclude, vocabulary.anaphora)
        if not groups:
            continue  # the sides so far (none, or distinct ones) stay as they are
        chosen = _chosen(groups, clause_only)
        if isinstance(chosen, str):
            return Roles(tuple(sides), both_sides=True), (*rules, chosen)
        chosen_groups, rule = chosen
        found = distinct_sides(sides + [c.side for g in chosen_groups for c in g.chunks
                                        if not c.victim])
        if len(chosen_groups) > 1:  # the two sides picked, in text order
            keys = {side.key for side in found}
            found = [s for s in distinct_sides(sides + _in_text_order(chosen_groups), 10)
                     if s.key in keys]
        both_sides = both_sides or any(g.dyad for g in chosen_groups)
        if found != sides:
            sides = found
            rules.append(rule if clause_only else rule + "_sentence")
        if len(sides) >= 2 or both_sides:
            break
    return Roles(tuple(sides), both_sides=both_sides), tuple(rules)


def one_sided_roles(view: SentenceView, parts: Participants, trigger: Placed, exclude: set[int],
                    vocabulary: Vocabulary) -> tuple[Roles, tuple[str, ...]]:
    """An actor (the subject before the trigger, or the agent of a passive after it) and a
    target named after it ("struck RSF positions"); no one is their own target."""
    groups = _side_groups(view, parts, trigger, True, exclude)
    if not groups:
        dead = _toll_victim(parts, None)
        return (Roles((None, dead)), ("target_toll",)) if dead is not None else (Roles(), ())
    start, end = trigger.first, trigger.last
    agent = next((g for g in groups if g.role == "agent" and g.first > end), None)
    actor = agent
    if actor is None:
        pronoun = pronoun_before(view, start, vocabulary)
        # The dead of a toll told before the trigger are no doer ("troops killed 12
        # militants in air strikes").
        actor = next((g for g in groups if g.last < start and g.role in {None, "agent"}
                      and (pronoun or not g.source) and not _dead_before(g, start)), None)
    # The target: named after the trigger ("struck RSF positions", "bombed two Cambodian
    # military targets", "hit a building housing Hamas leaders").
    numbers = view.clause
    aimed = next((g for g in groups if g is not actor and g.first > end and not g.source
                  and (g.role == "target" or view.tokens.within(end, g.first, 6))
                  and numbers[g.first] == numbers[start]), None)
    if aimed is None and agent is not None:  # "a policeman was shot dead by militants"
        aimed = next((g for g in groups if g.last < start and g.role is None and not g.source
                      and numbers[g.last] == numbers[start]), None)
    rules: list[str] = []
    if agent is None and actor is not None and aimed is not None and \
            _late_agent(view, trigger, aimed, vocabulary):
        # "a trader was hurt in an attack allegedly by a gang of robbers": a passive's
        # subject is its target, the group its agent's cue stands before (too far from it
        # to give the role) its doer
        actor, aimed, agent = aimed, actor, aimed
        rules.append("passive_agent_late")
    doer: Side | None = None
    if actor is not None:
        doer = next(iter(distinct_sides(actor.members, 1)), None)
        rules.append("actor_before" if agent is None else "actor_agent")
    # "the Afghan army struck Afghanistan and Angola" strikes Angola, if anyone.
    targets = [] if aimed is None else \
        [m for m in distinct_sides(aimed.members, 10) if doer is None or m.key != doer.key]
    if targets:
        rules.append("target_after")
    elif doer is None and (dead := _toll_victim(parts, doer)) is not None:
        targets = [dead]  # "two soldiers were killed when a bomb went off"
        rules.append("target_toll")
    if doer is None and not targets:
        return Roles(), tuple(rules)
    return Roles((doer, *targets[:1])), tuple(rules)


def _late_agent(view: SentenceView, trigger: Placed, group: ActorGroup,
                vocabulary: Vocabulary) -> bool:
    """Is the trigger a passive ("was injured in an attack", "were shot dead": a passive
    auxiliary is its first word or the word before it) and an agent's cue ("by",
    "allegedly by") after it, a few words before the group ("by a gang of unknown
    assailants"; not "by the roadside near an army camp")?"""
    auxiliaries, start = vocabulary.passive_auxiliaries, trigger.first
    if view.tokens.word(start) not in auxiliaries and \
            view.tokens.word(start - 1) not in auxiliaries:
        return False
    return any(cue.value == "agent" and trigger.last < placed.first and
               placed.last < group.first and
               view.tokens.within(placed.last, group.first, _LATE_AGENT_REACH)
               for placed, cue in view.cues(vocabulary.role_kinds))


def _dead_before(group: ActorGroup, start: int) -> bool:
    return all(0 <= chunk.toll_end < start for chunk in group.chunks)


def _toll_victim(parts: Participants, doer: Side | None) -> Side | None:
    """The first side named among the dead of a death toll of the sentence, in any clause
    ("five civilians were killed when a bomb went off"): the target of a one-sided attack
    whose sentence names no other; never the doer. Only a side that the dead stand for:
    people known by what they are ("soldiers", "militants") or a fighting group; not a
    party's member ("a party activist was shot dead": a civilian) nor a nationality ("a
    Bangladeshi farmer")."""
    for group in parts.groups:
        if group.source or group.role == "mediator":
            continue
        for chunk in group.chunks:
            side = chunk.side
            if chunk.toll_end >= 0 and side is not None and (doer is None or side.key != doer.key) \
                    and _stands_for_dead(side):
                return side
    return None


def _stands_for_dead(side: Side) -> bool:
    if not isinstance(side, Actor):
        return True
    return side.organ is not None if side.is_state else side.actor_type == "rebel_group"


def mediation_roles(view: SentenceView, parts: Participants, trigger: Placed, exclude: set[int],
                    vocabulary: Vocabulary) -> tuple[Roles, tuple[str, ...]]:
    """The one who offers ("Tehran's readiness to mediate", else the clause's subject, else
    the group right after), then two sides as for talks, the mediators left out."""
    groups = _side_groups(view, parts, trigger, True, exclude)
    numbers = view.clause  # (a trigger covers a token: one number per token)
    clause = numbers[trigger.first]
    marked = [g for g in parts.groups if g.role == "mediator" and g.last < trigger.first
              and numbers[g.last] == clause]
    before = marked or sorted((g for g in groups if g.last < trigger.first and g.role is None),
                              key=lambda g: g.first)
    possessor = [g for g in before if view.tokens.word(g.last + 1) in vocabulary.possessive
                 and view.tokens.within(g.last, trigger.first, 1)]
    after = [g for g in groups if g.first > trigger.last and g.role is None and
             view.tokens.within(trigger.last, g.first, 1)]
    # A group that the clause names as the two sides ("between Kabul and Islamabad") is no
    # mediator, even when it is written first (two sentences run together: "... along the
    # border.Qatar offered to mediate between ...").
    sides_named = {a.key for g in groups if g.role == "between" for a in g.actors}
    offering = [g for g in possessor + before + after if not g.actors or
                not {a.key for a in g.actors} <= sides_named][:1] if sides_named else \
        possessor[:1] or before[:1] or after[:1]
    mediators: tuple[Actor, ...] = ()
    rules: tuple[str, ...] = ()
    if offering:
        mediators, rules = distinct_actors(offering[0].actors, 5), ("mediator_subject",)
    taken = {i for i, g in enumerate(parts.groups) if g is offering[0]} if offering else set()
    sides, side_rules = dyadic_sides(view, parts, trigger, taken | exclude, vocabulary)
    keys = {m.key for m in mediators}
    return Roles(tuple(s for s in sides.sides if s is not None and s.key not in keys),
                 mediators, sides.both_sides), rules + side_rules


ROLE_RULES: dict[str, RoleRule] = {"dyadic": dyadic_sides, "one_sided": one_sided_roles,
                                   "mediation": mediation_roles}
