"""Rules: trigger mentions become candidate events with a type, roles and a status.

Each trigger is read as each event type it may name (`_candidate`): cues may drop it
(negated, hypothetical, generic), a weak trigger needs an anchor, the status comes from
cues, and the role rule of the type's structure finds the sides. Each rule records its name
in `Candidate.rules`, so every event in the dataset says which rules made it. The steps
over all candidates of the sentence follow (`rules.steps`).
"""

from __future__ import annotations

from dataclasses import replace

from ..lexicon.model import EventType
from ..model.actors import Actor, Side, UnnamedActor, UnnamedState
from ..model.mentions import CueRef, Placed, TriggerRef
from ..model.candidates import Candidate, Roles
from ..lexicon.gazetteer import PlaceRecord
from ..model.participants import ActorGroup, Participants, PlaceMention
from .cues import cue_status, dropped
from .marks import Marks
from .roles import ROLE_RULES, names_two, pronoun_before
from .steps import after_rules, takes_status
from .view import SentenceView
from .vocabulary import Vocabulary

_ANAPHORA_REACH = 3  # modifier words a determiner may stand before its trigger
_BETWEEN_REACH = 5  # words between a weak trigger and the "between X and Y" of its sides
# ... when "between" names two distinct sides, the clause may say where and how long first:
# "fighting broke out in several villages of the district between X and Y"
_BETWEEN_PAIR_REACH = 14
_OBJECT_REACH = 4  # words of an object read after its opener ("a security check post")
# words between a passive's verb and its agent ("was attacked in his house by soldiers")
_AGENT_REACH = 6
# ... and between a participle that tells harm only with its agent ("wounded by gunmen")
_PARTICIPLE_AGENT_REACH = 3


def _anchored(view: SentenceView, parts: Participants, trigger: Placed,
              fatality_tokens: list[int], vocabulary: Vocabulary, event_type: EventType
              ) -> bool:
    """A weak trigger counts when a participant or a toll is tied to it, or (violence) the
    border it crosses ("firing across the LoC"); a participle that tells harm only with
    its doer (the language's `agent_only_triggers`), only by a passive's agent right after:
    "two soldiers were wounded" tells a toll, "wounded by gunmen" an attack."""
    if view.words[trigger.first] in vocabulary.agent_only_triggers:
        return _agent_right_after(view, parts, trigger, event_type, vocabulary)
    if event_type.violent and _border_after(view, parts, trigger):
        return True
    numbers, start, end = view.clause, trigger.first, trigger.last
    clause = numbers[start]
    for group in parts.groups:
        if group.source:
            continue
        last = group.last
        if last < start:
            near = numbers[last] == clause and view.tokens.within(last, start, 2)
        else:  # "fighting between X and Y", "hosted his Somali and Ethiopian ..."
            first = group.first
            near = first > end and (view.tokens.within(end, first, 2) and (
                group.role in {"agent", "target", "between"} or len(group.actors) >= 2) or
                _passive_agent(view, group, trigger, event_type, vocabulary) or
                # "fighting broke out between X and Y": the two sides of its clause
                group.role == "between" and numbers[first] == clause and
                view.tokens.within(end, first, _BETWEEN_PAIR_REACH if
                                   _pair_of_trigger(view, group, end, vocabulary)
                                   else _BETWEEN_REACH))
        if near and any(c.side is not None for c in group.chunks):
            return True  # without a side: "hostilities between the two countries"
    if pronoun_before(view, start, vocabulary) and any(g.last < start for g in parts.groups):
        return True  # "India said it struck", "they had seized": the subject named before
    if _coordinated_subject(view, parts, trigger, vocabulary):
        return True
    return any(numbers[t] == clause for t in fatality_tokens)


def _passive_agent(view: SentenceView, group: ActorGroup, trigger: Placed,
                   event_type: EventType, vocabulary: Vocabulary) -> bool:
    """Is the group the agent, in the trigger's clause a few words on, of an attack's verb
    in the passive ("was attacked in his house by soldiers", "were allegedly beaten at the
    station by policemen")? Not a noun's ("every attack launched against it by"), nor a
    fight's: its words need their sides beside them."""
    words, first, numbers = view.words, trigger.first, view.clause
    return group.role == "agent" and event_type.default_target is not None and \
        numbers[group.first] == numbers[first] and \
        view.tokens.within(trigger.last, group.first, _AGENT_REACH) and \
        not vocabulary.passive_auxiliaries.isdisjoint(words[max(0, first - 2):first])


def _coordinated_subject(view: SentenceView, parts: Participants, trigger: Placed,
                         vocabulary: Vocabulary) -> bool:
    """"Gunmen chased a trader and killed him": a verb coordinated after an object shares
    the subject that opens its sentence, with no comma between (a comma may open another
    clause: "..., and two were killed")."""
    words, start = view.words, trigger.first
    if start < 1 or words[start - 1] not in vocabulary.verb_coordinators:
        return False
    return any(g.first <= 1 and g.last < start and not g.source and not g.victims_only and
               "," not in words[g.last + 1:start] and any(c.side is not None for c in g.chunks)
               for g in parts.groups)


def _agent_right_after(view: SentenceView, parts: Participants, trigger: Placed,
                       event_type: EventType, vocabulary: Vocabulary) -> bool:
    """Is a passive's agent right after the trigger ("were wounded by gunmen", "was injured
    allegedly by rivals")? Farther on, it is the agent of a noun between ("was injured in
    an attack by pickets"): that noun's event, not the participle's."""
    return any(_passive_agent(view, g, trigger, event_type, vocabulary) and
               view.tokens.within(trigger.last, g.first, _PARTICIPLE_AGENT_REACH)
               for g in parts.groups)


def _pair_of_trigger(view: SentenceView, group: ActorGroup, end: int,
                     vocabulary: Vocabulary) -> bool:
    """Does a "between" group after the trigger (ending at token `end`) stand for two
    distinct sides ("the KIA and government troops") of that trigger, not of a place
    written in between ("in Kachin state, a region between China and Myanmar")?"""
    if len({side.key for side in group.members}) < 2:
        return False
    words = view.words[end + 1:group.first]
    heads = vocabulary.region_words | vocabulary.territory_words
    return "," not in words and not (len(words) >= 2 and words[-2] in heads)


def _owned(parts: Participants, token: int) -> bool:
    """Is the token part of a participant, an actor group or a place?"""
    for g in parts.groups:
        if g.first <= token <= g.last:
            return True
    for p in parts.places:
        if p.first <= token <= p.last:
            return True
    return False


def _is_anaphoric(view: SentenceView, trigger: Placed, vocabulary: Vocabulary,
                  parts: Participants) -> bool:
    """"the talks", "that cease-fire": a definite noun with no modifier of its own. A verb
    ("that it had killed") is never anaphoric."""
    words, anaphora = view.words, vocabulary.anaphora
    head = words[trigger.last]
    if head.endswith(vocabulary.verb_suffixes) and head not in vocabulary.verbal_nouns:
        return False
    # a verb and its object after its subject ("the patrol returned fire"), not a participle
    # right after the article ("the armed clash", "the enforced disappearance")
    first = words[trigger.first]
    if trigger.last > trigger.first and first.endswith(vocabulary.verb_suffixes) and \
            first not in vocabulary.verbal_nouns and trigger.first > 0 and \
            _subject_word(words[trigger.first - 1], vocabulary):
        return False
    i = trigger.first - 1
    steps = 0
    while i >= 0 and steps < _ANAPHORA_REACH and words[i] not in anaphora:
        word = words[i]
        if not word[0].isalpha() or word in vocabulary.not_modifiers or _owned(parts, i):
            return False
        i -= 1
        steps += 1
    return i >= 0 and words[i] in anaphora


def _subject_word(word: str, vocabulary: Vocabulary) -> bool:
    """Can the word before a verb be its subject's last word (a noun: "the patrol"), not an
    article, a preposition or a function word ("the armed", "on enforced")?"""
    return word.isalpha() and word not in vocabulary.anaphora and \
        word not in vocabulary.locative and word not in vocabulary.not_modifiers and \
        word not in vocabulary.genitive and word not in vocabulary.connectors


def _consequence_only(view: SentenceView, parts: Participants, trigger: Placed,
                      found: list[Candidate], event_type: EventType) -> bool:
    """A weak violent trigger ("killed", "fire") beside another violent event in the same
    sentence tells that event's toll, not a second event, unless an actor is written right
    next to it ("Afghan retaliation"), or it takes ground (its type has `held_words`) and
    its type absorbs the others ("captured the hills after heavy fighting": the battle is
    part of the territory taken)."""
    if not found:
        return False  # no other event, whether the word tells a toll or not
    if any(r.consequence for r in trigger.mention.groups[TriggerRef]):
        return any(c.event_type.violent for c in found)
    if event_type.held_words and all(event_type.absorbs_type(c.event_type) for c in found
                                     if c.event_type.violent):
        return False  # ground taken is never a toll
    if not any(not c.weak and not c.anaphoric and c.event_type.violent for c in found):
        return False
    return not any(g.last < trigger.first and view.tokens.within(g.last, trigger.first, 1)
                   and not g.source and g.actors for g in parts.groups)


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


def candidates(view: SentenceView, parts: Participants, marks: Marks,
               types: dict[str, EventType], vocabulary: Vocabulary, fatality_tokens: list[int]
               ) -> list[Candidate]:
    """Candidate events of one sentence, before places, dates and context are resolved."""
    out: list[Candidate] = []
    triggers = marks.triggers
    for placed in sorted(triggers, key=_reading_order) if len(triggers) > 1 else triggers:
        for ref in placed.mention.groups[TriggerRef]:
            event_type = types[ref.event_type]
            if event_type.unplaced_type and not _place_taken(view, parts, placed, vocabulary,
                                                              event_type.held_words):
                event_type = types[event_type.unplaced_type]  # "seized the army's base"
            if ref.weak and event_type.violent and _consequence_only(view, parts, placed, out,
                                                                      event_type):
                continue
            cand = _candidate(view, parts, marks, event_type, ref, placed, vocabulary,
                              fatality_tokens)
            if ref.weak and event_type.passive_type and (cand is None or ref.consequence):
                # "a party leader was killed by gunmen": the passive's agent did it to its
                # subject, who is no side of a fight (`retype` makes soldiers one again)
                passive = _passive(view, parts, marks, types[event_type.passive_type], ref,
                                   placed, vocabulary, fatality_tokens)
                if cand is None or passive is not None and (
                        "actor_agent" in passive.rules or
                        _victims_named(view, passive, vocabulary)):
                    cand = passive
            elif cand is not None and event_type.passive_type and \
                    _one_side_firing(view, cand, vocabulary):
                cand = _candidate(view, parts, marks, types[event_type.passive_type], ref,
                                  placed, vocabulary, fatality_tokens) or cand
            if cand is None and ref.consequence and not out and event_type.passive_type:
                fight = (event_type, types[event_type.passive_type])
                cand = _forces_toll(view, parts, marks, fight, placed, vocabulary)
            if cand is not None:
                out.append(cand)
    return after_rules(view, parts, out, types, vocabulary) if out else out


def _forces_toll(view: SentenceView, parts: Participants, marks: Marks,
                 fight: tuple[EventType, EventType], placed: Placed, vocabulary: Vocabulary
                 ) -> Candidate | None:
    """"Two soldiers were killed in Wau", "a policeman died in Yei": the state's forces
    killed, no one named for it and no other event in the sentence: the toll of an attack
    on them by someone the report does not name, read as the fight's `passive_type` with the
    forces its target (whose `retype` makes it ACLED's armed clash, or leaves an attack on
    them off duty one on civilians). The forces are the only group of the sentence and its
    subject, before the word of the toll, and no clause follows the toll to tell its cause
    ("when their vehicle hit a mine"); a sentence with any cue that drops (a mishap: "in a
    road accident"; a denial) has none. `fight`: the toll word's type and its passive type."""
    event_type, attack = fight
    if event_type.structure != "dyadic" or not event_type.violent:
        return None
    groups = [g for g in parts.groups if not g.source]
    if len(groups) != 1 or groups[0].last >= placed.first or \
            view.clause[groups[0].last] != view.clause[placed.first] or \
            not view.tokens.within(groups[0].last, placed.first, 2):
        return None
    sides = groups[0].members
    if len(sides) != 1 or not _state_forces(sides[0]):
        return None
    if marks.drop_cues:
        return None  # the toll of a mishap, or a death denied, anywhere in the sentence
    if not vocabulary.boundary.isdisjoint(view.words[placed.last + 1:]):
        return None  # "killed when their vehicle hit a mine": the cause is told after
    status, _ = cue_status(view, marks, marks.status_cues, placed,
                           vocabulary.status_precedence)
    if not takes_status(attack, status):
        return None
    return Candidate(attack, placed, True, status, Roles((None, sides[0])),
                     view.clause[placed.first], False, (f"trigger:{attack.id}", "forces_toll"))


def _state_forces(side: Side) -> bool:
    """Is the side a state's forces, named ("Indian troops") or not ("soldiers")?"""
    return isinstance(side, UnnamedState) or isinstance(side, Actor) and side.is_state


def _victims_named(view: SentenceView, cand: Candidate, vocabulary: Vocabulary) -> bool:
    """Does an active verb have as its object the one-sided reading's `default_target`
    itself ("Maoists killed a schoolgirl", "gunmen killed three labourers")? A fight has no
    civilians as a side: the killing of civilians so named is an attack on them ("a fighter
    and a civilian were killed", a passive, tells the toll of a fight)."""
    target = cand.event_type.default_target
    first = cand.trigger.first
    if target is None or first > 0 and view.words[first - 1] in vocabulary.passive_auxiliaries:
        return False
    return any(isinstance(side, UnnamedActor) and side.generic == target
               for side in cand.roles.sides[1:])


def _names_both(roles: Roles, vocabulary: Vocabulary) -> bool:
    """Is a side one that names both sides of a fight ("a battle between two rival
    groups", "fighting between two factions": a generic actor with `both_sides`)?"""
    return any(isinstance(s, UnnamedActor) and s.generic in vocabulary.paired_generics
               for s in roles.sides)


def _one_side_firing(view: SentenceView, cand: Candidate, vocabulary: Vocabulary) -> bool:
    """"Gunmen opened fire at a shop": a fight's words that tell one side firing at another
    (the language's `firing_verbs`), with only that side found, tell its attack, not a
    fight: the attack's type (the fight's `passive_type`) then finds whom it hit, a
    civilian or the state's forces (`retype` makes that a clash again)."""
    sides = [s for s in cand.roles.sides if s is not None]
    return cand.event_type.structure == "dyadic" and len(sides) == 1 and \
        not cand.roles.both_sides and view.words[cand.trigger.first] in vocabulary.firing_verbs


def _candidate(view: SentenceView, parts: Participants, marks: Marks, event_type: EventType,
               ref: TriggerRef, placed: Placed, vocabulary: Vocabulary,
               fatality_tokens: list[int]) -> Candidate | None:
    """The candidate of one trigger read as `event_type`, or None if a rule drops it."""
    if marks.drop_cues and dropped(view, marks.drop_cues, placed, ref.event_type):
        return None
    weak = ref.weak
    if weak and not _anchored(view, parts, placed, fatality_tokens, vocabulary, event_type):
        return None
    if ref.needs_pair and not _pair_beside(view, parts, placed):
        return None
    status, cue = cue_status(view, marks, marks.status_cues, placed,
                             vocabulary.status_precedence)
    if status == "occurred" and ref.status:
        status = ref.status  # "scheduled to meet" carries its own status
    if status != "occurred" and not takes_status(event_type, status) and \
            not event_type.third_party_call:
        status, cue = "occurred", None  # "urged ... and said it stood ready to help": an offer
    rules = (f"trigger:{event_type.id}",) + ((f"status_{status}",) if status != "occurred" else ())
    caller = caller_group(view, parts, cue) if status == "called_for" and cue is not None \
        else None
    structure = event_type.structure
    roles, role_rules = ROLE_RULES[structure](view, parts, placed,
                                              set() if caller is None else {caller}, vocabulary)
    roles, role_rules = _subject_target(view, placed, vocabulary, event_type, roles, role_rules)
    roles, role_rules = _border_side(view, parts, placed, event_type, ref, roles, role_rules)
    if weak and structure == "dyadic" and len(roles.sides) < 2 and not roles.both_sides and \
            event_type.violent and not _names_both(roles, vocabulary):
        return None  # "Houthi attack on Jeddah": a battle needs two sides in the sentence
    anaphoric = _is_anaphoric(view, placed, vocabulary, parts)
    if weak and anaphoric and not _place_or_date_beside(view, parts, placed):
        return None  # "in the fighting": a weak word pointing back is no new event
    if caller is not None:
        roles = Roles(roles.sides, roles.mediators, roles.both_sides, parts.groups[caller])
    targeted = _targeted(view, parts, event_type, ref, placed, (roles, role_rules),
                         fatality_tokens, vocabulary)
    if targeted is None:
        return None
    roles, role_rules = targeted
    return Candidate(event_type, placed, weak, status, roles, view.clause[placed.first],
                     anaphoric, rules + role_rules)


def _subject_target(view: SentenceView, trigger: Placed, vocabulary: Vocabulary,
                    event_type: EventType, roles: Roles, rules: tuple[str, ...]
                    ) -> tuple[Roles, tuple[str, ...]]:
    """"A policeman was shot dead": the subject of a violent passive with no agent is its
    target, not its doer (the language's `passive_auxiliaries`)."""
    if not event_type.violent or event_type.structure != "one_sided" or \
            len(roles.sides) != 1 or "actor_before" not in rules:
        return roles, rules
    words, auxiliaries = view.words, vocabulary.passive_auxiliaries
    if words[trigger.first] in auxiliaries or \
            (trigger.first > 0 and words[trigger.first - 1] in auxiliaries):
        return Roles((None, roles.sides[0])), (*rules, "passive_subject")
    return roles, rules


def _passive(view: SentenceView, parts: Participants, marks: Marks, event_type: EventType,
             ref: TriggerRef, placed: Placed, vocabulary: Vocabulary,
             fatality_tokens: list[int]) -> Candidate | None:
    """A weak word of a two-sided type that found one side only, read as `event_type`
    when its doer is the agent of a passive ("a journalist was killed by gunmen") or the
    word tells a toll whose victims are civilians ("troops killed two villagers", not
    "civilians were killed in fighting"): the one-sided reading, or None."""
    cand = _candidate(view, parts, marks, event_type, ref, placed, vocabulary, fatality_tokens)
    if cand is None or not cand.roles.sides or cand.roles.sides[0] is None:
        return None  # no doer: "civilians were killed in fighting" tells a toll
    clause = view.clause[placed.first]
    victims = ref.consequence and any(g.victims_only and view.clause[g.first] == clause
                                      for g in parts.groups)
    # "Maoists killed a postmaster": a doer before the verb and its object right after
    victims = victims or (ref.consequence and "actor_before" in cand.rules and
                          object_after(view, parts, placed, vocabulary))
    return cand if victims or "actor_agent" in cand.rules else None


def _targeted(view: SentenceView, parts: Participants, event_type: EventType, ref: TriggerRef,
              placed: Placed, found: tuple[Roles, tuple[str, ...]], fatality_tokens: list[int],
              vocabulary: Vocabulary) -> tuple[Roles, tuple[str, ...]] | None:
    """The roles of an attack on someone (a type with a `default_target`), its target
    looked for beyond the role rule (`_other_target`); None when a weak word names no
    victim, counts none and is no passive ("the Houthi attack on Jeddah")."""
    roles, rules = found
    if event_type.default_target is None or len(roles.sides) >= 2:
        return found
    if not event_type.named_target_only:
        roles, rules = _other_target(view, parts, roles, rules)
    if ref.weak and len(roles.sides) < 2 and "actor_agent" not in rules and not any(
            _toll_tied(view, t, placed.first) for t in fatality_tokens) and \
            not object_after(view, parts, placed, vocabulary):
        return None  # (a passive's subject is its victim: "a journalist was killed by")
    return roles, rules


def _toll_tied(view: SentenceView, toll: int, trigger: int) -> bool:
    """Is the toll (its first token) in the trigger's clause, or in the clause right after
    it that a comma and a participle open ("gunmen attacked Dusa village, killing four")?
    (A comma opens a clause only before a word in -ing: `rules.clauses`.)"""
    numbers = view.clause
    clause = numbers[trigger]
    if numbers[toll] == clause:
        return True
    return numbers[toll] == clause + 1 and view.words[numbers.index(clause + 1)] == ","


def object_after(view: SentenceView, parts: Participants, trigger: Placed,
                 vocabulary: Vocabulary) -> bool:
    """Does the object of the trigger's verb start right after it ("shot **a** trader",
    "attacked **two** villagers"), neither a preposition ("killed in fighting") nor a place
    ("attacked the town of Jeddah") nor a post of armed forces ("attacked a checkpost")?"""
    after = trigger.last + 1
    words = view.words
    if after >= len(words) or not (words[after] in vocabulary.object_openers or
                                   words[after].isdigit()):
        return False
    return vocabulary.armed_objects.isdisjoint(words[after + 1:after + 1 + _OBJECT_REACH]) and \
        not _place_taken(view, parts, trigger, vocabulary, [])


def _other_target(view: SentenceView, parts: Participants, roles: Roles,
                  rules: tuple[str, ...]) -> tuple[Roles, tuple[str, ...]]:
    """An attack whose target the role rule did not find has as target the sentence's
    other participant, if it names one ("six soldiers died when gunmen opened fire on their
    post"): only an attack on no one named is an attack on civilians (`default_target`)."""
    doer = roles.sides[0] if roles.sides else None
    for group in parts.groups:
        if group.source or group.role == "mediator" or doer is not None and any(
                side.key == doer.key for side in group.members):
            continue  # "by the army and police personnel": the doer's group acts with it
        for side in group.members:
            if doer is None or side.key != doer.key:
                return Roles((doer, side), roles.mediators, roles.both_sides, roles.caller), \
                    (*rules, "target_other")
    return roles, rules


def caller_group(view: SentenceView, parts: Participants, cue: Placed) -> int | None:
    """The index of the group that makes a call: the nearest one before the cue in its
    clause."""
    numbers = view.clause  # (a cue covers a token: one number per token)
    clause = numbers[cue.first]
    best = None
    for i, g in enumerate(parts.groups):
        if g.last < cue.first and numbers[g.last] == clause and g.role is None:
            best = i
    return best


def _pair_beside(view: SentenceView, parts: Participants, trigger: Placed) -> bool:
    """Two named sides next to the trigger ("delegations from Kabul and Islamabad met",
    "hosted his Somali and Ethiopian counterparts")."""
    for group in parts.groups:
        if not group.dyad and not names_two(group):
            continue
        if group.last < trigger.first and view.tokens.within(group.last, trigger.first, 2):
            return True
        if group.first > trigger.last and view.tokens.within(trigger.last, group.first, 2):
            return True
    return False


def _place_taken(view: SentenceView, parts: Participants, trigger: Placed,
                 vocabulary: Vocabulary, held: list[str]) -> bool:
    """Is a place the object of the trigger, named within five words after it with no
    locative word between ("captured the town of Sirte", not "captured three men near
    Lahore"), or ground the type `held` names ("seized four strategic hilltops")?"""
    words, last = view.words, trigger.last
    for p in parts.places:
        if p.first > last and view.tokens.within(last, p.first, 5) and \
                vocabulary.locative.isdisjoint(words[last + 1:p.first]):
            return True
    if held:
        for i in range(last + 1, min(len(words), last + 7)):
            if words[i] in vocabulary.locative or not view.tokens.within(last, i, 5):
                break
            if words[i] in held:
                return True
    return False


def _border_side(view: SentenceView, parts: Participants, trigger: Placed,
                 event_type: EventType, ref: TriggerRef, roles: Roles, rules: tuple[str, ...]
                 ) -> tuple[Roles, tuple[str, ...]]:
    """The roles of a fight with one side found, the state across a border (if any) as its
    second side (`_across_border`). A word of a toll ("killed near the LoC") finds none."""
    if event_type.structure != "dyadic" or not event_type.violent or ref.consequence or \
            len(roles.sides) != 1 or roles.both_sides:
        return roles, rules
    across = _across_border(view, parts, trigger, roles.sides[0])
    if across is None:
        return roles, rules
    return replace(roles, sides=(roles.sides[0], across)), (*rules, "side_across_border")


def _across_border(view: SentenceView, parts: Participants, trigger: Placed,
                   side: Side | None) -> Actor | None:
    """"Pakistani troops fired across the Line of Control": a state's forces firing over a
    border named in the trigger's clause fight the state on its other side (ACLED codes
    cross-border firing between two armies as an armed clash). That state, or None."""
    if not isinstance(side, Actor) or not side.is_state or side.iso3 is None:
        return None
    clause = view.clause[trigger.first]
    for place in parts.places:
        if view.clause[place.first] != clause or (record := _border(place)) is None:
            continue
        pair = (record.iso3, record.border_iso3)
        other = pair[1] if side.iso3 == pair[0] else pair[0] if side.iso3 == pair[1] else None
        if other:
            # named as a state with no organ: the event type's organ names it later
            return Actor(other, other, other, "state_forces", True, None)
    return None


def _border(place: PlaceMention) -> PlaceRecord | None:
    """The border between two states that a place mention names, if it names one."""
    record = place.records[0] if place.records else None
    return record if record is not None and record.kind == "border" and \
        record.border_iso3 is not None else None


def _border_after(view: SentenceView, parts: Participants, trigger: Placed) -> bool:
    """Is a border between two states named right after the trigger ("firing across the
    Line of Control", "shelling along the LoC")?"""
    return any(p.first > trigger.last and view.tokens.within(trigger.last, p.first, 2) and
               _border(p) is not None for p in parts.places)


def _place_or_date_beside(view: SentenceView, parts: Participants, trigger: Placed) -> bool:
    """"the strikes on Hodeidah": a place right after a definite mention makes it news."""
    return any(p.first > trigger.last and view.tokens.within(trigger.last, p.first, 2)
               for p in parts.places)


__all__ = ["Candidate", "CueRef", "candidates"]
