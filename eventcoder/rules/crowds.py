"""Crowds: ACLED's rules for Protests and Riots, over the candidates of one sentence.

ACLED codes a crowd by what it is and where it gathers, not by what it protests against:
actor1 is "Protesters (India)" or "Rioters (Nepal)", the party, union or community behind
it is the associated actor, and actor2 is only the force that intervened, the people a mob
attacked, or the other crowd of a communal riot. `CrowdRules.events`, after the other rules:

1. the crowd's events: the candidates of a Protests or Riots type, and a clash (or another
   Battles or Violence against civilians event) one of whose sides is a crowd and none an
   armed group: protesters fighting the police riot, they do not battle a state (the
   matcher reads the longest phrase: "hunger strike" is never an air strike's "strike");
2. what is no crowd's: a protest made by a named state in a sentence that names no crowd
   ("Pakistan protested to India": a diplomatic protest), violence done by an armed group
   ("militants torched a school"; but property unnamed "assailants" destroyed, no one
   hurt, is a riot: rules/crowd_property.py), a protest beside an armed group's violence
   ("assailants hurled bombs during the hartal"), and intervention words ("tear gas") in
   a sentence that tells no crowd; a mob's killing is an attack on a civilian (`_kills`,
   and `_mob_kills` when a mob's own words tell the violence: "killed in a mob attack");
3. one event per place of the sentence, of the strongest type its words tell
   (`PRECEDENCE`): "students protested and police lathi-charged them" is one protest with
   intervention;
4. its roles, as ACLED gives them (`_crowd_roles`).

`name_associates` (rules/crowd_reports.py) names the associated actors once the event is
placed, and `merge_crowd_reports` makes the sentences of an article that report one crowd
one event (after retyping two groups' fight as a riot where the country's coders do:
rules/crowd_communal.py); the crowd types' shared facts are rules/crowd_types.py's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..actors import ActorBook
from ..model.records import Pending
from ..lexicon import Lexicon
from ..lexicon.model import EventType
from ..model.actors import Actor, Side, UnnamedActor, UnnamedState
from ..model.candidates import Candidate, Roles
from ..model.mentions import TriggerRef
from ..model.participants import ActorGroup, Participants
from ..text import Folder, find_phrase
from .crowd_bombs import DENIAL_REACH, attack_of, lethal_bombs
from .crowd_property import DAMAGE, thrown_harmless, unnamed_damage
from .crowd_reports import merge_crowd_reports, name_associates
from .crowd_types import (
    ABSORBED,
    ARMED_GENERIC,
    ARMED_NAMED,
    CROWD_ACTOR_TYPES,
    CROWD_TYPES,
    FORCE_FACED,
    FORCE_TOLD,
    FORCES,
    PARTY,
    PEACEFUL,
    PRECEDENCE,
    UNTOLD,
    is_force,
    organ_of,
)
from .view import SentenceView
from ..model.pickling import pickled_by_fields

# The ACLED event types a crowd may have made, or whose events it may take over.
_CROWD_OR_ABSORBED = frozenset(CROWD_TYPES) | ABSORBED
# (the article-level merge and the associates are crowd_reports' and are imported from
# here by the coder, as before the split)
__all__ = ["CROWD_TYPES", "CrowdRules", "merge_crowd_reports", "name_associates"]
# A named state this close before a protest word is the one protesting: a diplomat's
# protest ("Pakistan lodged a protest").
_DIPLOMATIC_REACH = 3
# Words between "by" and the agent it names ("by three armed men").
_BY_REACH = 3
# ACLED's sub-event type of a mob's violence, and the rule that makes a deadly one an attack.
MOB = "Mob violence"
MOB_KILL = "crowd_mob_kill"



@dataclass(frozen=True, slots=True)
class CrowdRules:
    """What the crowd rules read of the lexicon: the crowd types by ACLED sub-event type,
    the generic actor of each crowd, and which generic actors are crowds, victims or
    armed."""

    by_sub: dict[str, EventType]
    crowd_actor: dict[str, str]      # ACLED event type -> generic actor id of its crowd
    crowd_ids: frozenset[str]
    victim_ids: frozenset[str]
    armed_ids: frozenset[str]
    # Folded one-word names of crowds and their victims: "fired on protesters" names its
    # crowd in the trigger's own words.
    crowd_words: frozenset[str]
    # Words of an attack on civilians that tell a death ("hacked to death"): whoever kills
    # someone attacks a civilian, they do not riot.
    lethal: frozenset[str] = frozenset()
    # Words that tell harm to people ("injured"): property an unnamed doer destroyed with
    # none of them told is a riot's (rules/crowd_property.py).
    harm: frozenset[str] = frozenset()
    # Bombs thrown by hand ("crude bombs") and the words of the throw ("hurled"): with no
    # harm told, an unnamed doer's riot (rules/crowd_property.py).
    thrown: frozenset[str] = frozenset()
    throw: frozenset[str] = frozenset()
    # Words before a death word that deny it ("no one was killed"): rules/crowd_bombs.py.
    denials: frozenset[str] = frozenset()
    # Words that tell a crowd peaceful: a force's attack on it is on civilians.
    peaceful: frozenset[str] = frozenset()
    # Countries whose coders call a party's men's attack on a party's people an attack on
    # civilians (the rioters' `party_attack_in`, types/riots_party_attacks.yaml).
    party_attack_in: frozenset[str] = frozenset()
    # The attack a mob's violence is when its clause tells a death (`_mob_kills`): the type
    # whose triggers the mob's type shares and that has a target (types/riots_mob_kills.yaml).
    mob_attack: EventType | None = None

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon, folder: Folder) -> CrowdRules:
        by_sub = {t.acled_sub_event_type: t for t in lexicon.event_types
                  if t.acled_event_type in CROWD_TYPES and t.acled_sub_event_type}
        generic = lexicon.generic_actors
        crowd_actor = {kind: next(g.id for g in generic if g.actor_type == actor_type)
                       for kind, actor_type in CROWD_TYPES.items()
                       if any(g.actor_type == actor_type for g in generic)}
        crowds = [g for g in generic if g.actor_type in CROWD_ACTOR_TYPES or g.victims]
        words = frozenset(folder.fold(w) for g in crowds for w in g.words if " " not in w)
        rioters = crowd_actor.get("Riots")
        party_attack_in = frozenset(c for g in generic if g.id == rioters
                                    for c in g.party_attack_in)
        mob = by_sub.get(MOB)
        mob_attack = None if mob is None else \
            attack_of(mob, {t.id: t for t in lexicon.event_types})
        return cls(by_sub, crowd_actor,
                   frozenset(g.id for g in generic if g.actor_type in CROWD_ACTOR_TYPES),
                   frozenset(g.id for g in generic if g.victims),
                   frozenset(g.id for g in generic if g.actor_type in ARMED_GENERIC), words,
                   frozenset(lexicon.language.rules.lethal_triggers),
                   frozenset(lexicon.language.rules.harm_words),
                   frozenset(lexicon.language.rules.thrown_triggers),
                   frozenset(lexicon.language.rules.throw_words),
                   frozenset(lexicon.language.rules.not_harmed_words),
                   frozenset(lexicon.language.rules.peaceful_words), party_attack_in,
                   mob_attack)

    def lethal_bombs(self, pending: list[Pending], types: dict[str, EventType],
                     book: ActorBook, folded_text: str) -> list[Pending]:
        """A crowd's bomb in an article that tells a death is an attack on civilians
        (rules/crowd_bombs.py)."""
        return lethal_bombs(pending, types, book, folded_text, self.denials)

    # -- what a side is ------------------------------------------------------------------

    def is_crowd(self, side: Side | None) -> bool:
        if isinstance(side, UnnamedActor):
            return side.generic in self.crowd_ids
        return isinstance(side, Actor) and side.actor_type in CROWD_ACTOR_TYPES

    def is_armed(self, side: Side | None) -> bool:
        if isinstance(side, UnnamedActor):
            return side.generic in self.armed_ids
        return isinstance(side, Actor) and not side.is_state and side.actor_type in ARMED_NAMED

    def is_victim(self, side: Side | None) -> bool:
        return isinstance(side, UnnamedActor) and side.generic in self.victim_ids

    # -- the rules -----------------------------------------------------------------------

    def events(self, view: SentenceView, parts: Participants, cands: list[Candidate]
               ) -> list[Candidate]:
        """The sentence's candidates with the crowd rules applied (see the module)."""
        cands = self._thrown_riots(view, cands)
        if not self.by_sub or all(c.event_type.acled_event_type not in _CROWD_OR_ABSORBED
                                  for c in cands):
            return cands  # no event a crowd could have made
        written = self._written_as_crowds(view, parts)
        if not any(self._crowdish(c, written) for c in cands):
            return cands  # no crowd in the sentence: nothing to do
        kills = [c for c in cands if self._mob_kills(view, c)]
        kept = [c.but(MOB_KILL, event_type=self.mob_attack) for c in kills]
        crowd = [c for c in cands if _is_crowd_type(c.event_type) and c not in kills]
        for cand in cands:
            if _is_crowd_type(cand.event_type):
                continue
            if self._on_peaceful(view, cand):
                kept.append(cand.but(PEACEFUL))
            elif self._crowd_fight(parts, cand, written) and not self._kills(view, cand) \
                    and not self._armed_members(view, cand) and \
                    not self._party_attack(view, cand, written):
                crowd.append(cand.but("crowd_fight", event_type=self.by_sub[
                    "Violent demonstration"]))
            else:
                kept.append(cand)
        if not self._crowd_told(view, parts, crowd):
            # "police used tear gas" with no crowd: a protest only if the article tells one
            crowd = [c.but(UNTOLD) for c in crowd]
        armed_violence = any(c.event_type.violent for c in kept)
        crowd = [c for c in crowd if self._crowds_own(view, parts, c, armed_violence)]
        # A definite mention ("the blockade entered its tenth day") is an event of its own:
        # ACLED codes each day of a strike, and reports of one crowd in one article are
        # joined by `merge_crowd_reports`.
        merged = [c.but("crowd_roles", roles=_crowd_roles(self, view, parts, c),
                        anaphoric=False)
                  for c in _one_per_place(view, parts, crowd)]
        return sorted(kept + merged, key=lambda c: c.trigger.first)

    def _thrown_riots(self, view: SentenceView, cands: list[Candidate]) -> list[Candidate]:
        """A bomb thrown by hand, no one hurt, by a doer who is no armed group named
        ("assailants hurled two crude bombs at the court"): a riot (rules/crowd_property.py;
        an unnamed doer's riot is then kept by `unnamed_damage`)."""
        riot = self.by_sub.get(DAMAGE)
        # (a bomb thrown by hand is told with a word of throwing: most sentences have none)
        if riot is None or not self.thrown or self.throw.isdisjoint(view.words):
            return cands
        return [c.but("crowd_thrown", event_type=riot)
                if thrown_harmless(view, c, self.thrown, self.throw, self.harm,
                                   riot.armed_words) and
                not (c.roles.sides and isinstance(c.roles.sides[0], Actor) and
                     self.is_armed(c.roles.sides[0]))
                else c for c in cands]

    def _written_as_crowds(self, view: SentenceView, parts: Participants) -> frozenset[str]:
        """The keys of the sides written with a crowd's word ("Hamas supporters", "party
        X cadres"): the party's crowd, not its armed wing. A rebel group's "cadres" are its
        fighters, not a crowd; people a toll names as victims ("an elderly woman") none."""
        words = self.crowd_words
        return frozenset(ch.side.key for g in parts.groups for ch in g.chunks
                         if ch.side is not None and ch.first < ch.last and
                         not self.is_armed(ch.side) and not self.is_victim(ch.side) and
                         any(w in words for w in view.words[ch.first:ch.last + 1]))

    def _crowdish(self, cand: Candidate, written: frozenset[str]) -> bool:
        return _is_crowd_type(cand.event_type) or (
            cand.event_type.acled_event_type in ABSORBED and
            any(self.is_crowd(s) or s.key in written or organ_of(s) == "police"
                for s in cand.roles.sides if s is not None))

    def _crowd_fight(self, parts: Participants, cand: Candidate, written: frozenset[str]
                     ) -> bool:
        """A clash or attack with a crowd on one side and no armed group on either; or
        the police alone against no one named, in a sentence that names no armed group
        ("party workers clashed with the police": a battle has two armed sides). (The
        caller keeps a fight whose sentence tells arms: "a gunfight with the police".)"""
        if cand.event_type.acled_event_type not in ABSORBED or \
                "Violent demonstration" not in self.by_sub:
            return False
        sides = [s for s in cand.roles.sides if s is not None]
        # (the dead of a toll are no crowd that fights: "two activists were shot dead"; a
        # mob is never the dead: "a mob lynched a man")
        dead = {ch.side.key for g in parts.groups for ch in g.chunks
                if ch.side is not None and ch.toll_end >= 0 and ch.first < cand.trigger.first
                and not (isinstance(ch.side, UnnamedActor)
                         and ch.side.generic == self.crowd_actor.get("Riots"))}
        crowds = [s for s in sides if (self.is_crowd(s) or s.key in written)
                  and s.key not in dead]
        if any(self.is_armed(s) and s not in crowds for s in sides):
            return False
        if crowds and _harm_only(cand):
            # "a party worker was killed by rival supporters": someone's death, told by
            # no word of a fight, is an attack on a civilian, not the crowd's riot
            return False
        if crowds:
            return True
        # (the police alone in an attack on someone are its doer: "police tortured a youth
        # in custody" is violence against a civilian, not a riot)
        return len(sides) == 1 and not cand.roles.both_sides and organ_of(sides[0]) == "police" \
            and cand.event_type.default_target is None \
            and not any(self.is_armed(ch.side) for g in parts.groups for ch in g.chunks)

    def _kills(self, view: SentenceView, cand: Candidate) -> bool:
        """Is the candidate an attack on civilians told by words of a death ("a party
        worker was hacked to death by rival activists", "villagers lynched a thief")?
        ACLED's violence against a civilian, not a crowd's fight: a mob that kills someone
        is a vigilante group to ACLED, whoever it is."""
        trigger = cand.trigger
        if cand.event_type.default_target is None:
            return False
        if " ".join(view.words[trigger.first:trigger.last + 1]) in self.lethal:
            return True
        # (a mob alone against someone it attacks, no force and no other crowd named: "a
        # mob beat a suspected thief")
        mob = self.crowd_actor.get("Riots")
        sides = [s for s in cand.roles.sides if s is not None]
        return bool(sides) and all(isinstance(s, UnnamedActor) and s.generic == mob
                                   for s in sides)

    def _party_attack(self, view: SentenceView, cand: Candidate, written: frozenset[str]
                      ) -> bool:
        """Is the candidate an attack by a group's supporters on people who are no party's
        ("ruling party cadres beat three residents", "activists of the front assaulted a
        journalist")? ACLED codes such a one-sided attack as violence against civilians,
        across its regions; a fight of two parties' men ("CPI(M) workers attacked a BJP
        leader") too where the attackers' party is of a country of `party_attack_in` ("PF
        cadres attacked UPND members", and with no one named attacked there: "PF cadres
        attacked two candidates"), a riot elsewhere; a crowd known only as one ("a mob",
        "protesters"), an attack with no one named attacked ("supporters attacked the party
        office") and a bomb thrown by hand (rules/crowd_bombs.py) stay the crowd's."""
        sides = [s for s in cand.roles.sides if s is not None]
        if cand.event_type.default_target is None or cand.roles.both_sides or \
                not 1 <= len(sides) <= 2 or self.is_crowd(sides[0]):
            return False
        doer = sides[0]
        # (where the coders say so, a party's men attack civilians whoever they attack and
        # however they are written: "PF cadres attacked two candidates", "ANC members
        # attacked EFF supporters", if people are attacked: a party's men or hurt ones, not
        # its office)
        local = isinstance(doer, Actor) and doer.actor_type == PARTY and \
            doer.iso3 in self.party_attack_in
        if len(sides) == 1:
            if not local:
                return False
        elif is_force(sides[1]) or self.is_crowd(sides[1]):
            return False
        else:
            victim = sides[1]
            party_victim = victim.key in written or \
                isinstance(victim, Actor) and victim.actor_type == PARTY
            if local and party_victim and victim.key not in written and \
                    self.harm.isdisjoint(view.words):
                return False
            if not local and (doer.key not in written or party_victim):
                return False
        return not any(find_phrase(view.words, t.split()) >= 0 for t in self.thrown)

    def _mob_kills(self, view: SentenceView, cand: Candidate) -> bool:
        """Is the candidate a mob's violence whose clause tells a death (the mob type's
        `death_words`, words or phrases, none denied: "a mob beat two thieves to death", "a
        robber was killed in a mob attack")? A mob that kills is a vigilante group to ACLED,
        its killing an attack on a civilian (types/riots_mob_kills.yaml); a death told in another
        clause ("after a boy died in custody, a mob torched the police post") is the riot's
        cause."""
        event_type = cand.event_type
        if self.mob_attack is None or event_type.acled_sub_event_type != MOB or \
                not event_type.death_words:
            return False
        words, clause = view.words, cand.clause
        phrases = [p.split() for p in event_type.death_words]
        return any(words[i:i + len(p)] == p and view.clause_of(i) == clause and
                   self.denials.isdisjoint(words[max(0, i - DENIAL_REACH):i])
                   for p in phrases for i in range(len(words)))

    def _on_peaceful(self, view: SentenceView, cand: Candidate) -> bool:
        """Is the candidate a force's attack on a crowd the sentence calls peaceful ("troops
        opened fire on peaceful protesters, killing a youth")? ACLED's violence against
        civilians (lexicon: riots_peaceful_crowds.yaml), not the crowd's riot."""
        return cand.event_type.default_target is not None and \
            any(is_force(s) for s in cand.roles.sides if s is not None) and \
            not self.peaceful.isdisjoint(view.words)

    def _armed_members(self, view: SentenceView, cand: Candidate) -> bool:
        """Does the sentence tell arms (the type's `armed_words`) in a fight of a named
        group's members ("two BNP activists were wounded in a gunfight with police")? Not
        one of a crowd known only as one ("police fired bullets at protesters"): a riot."""
        sides = [s for s in cand.roles.sides if s is not None]
        return bool(sides) and not any(isinstance(s, UnnamedActor) and self.is_crowd(s)
                                       for s in sides) and \
            not set(view.words).isdisjoint(cand.event_type.armed_words)

    def _crowd_told(self, view: SentenceView, parts: Participants, crowd: list[Candidate]
                    ) -> bool:
        """Does the sentence tell a crowd: words of a crowd event that are not a force's,
        a crowd or its victims named (in a trigger's words or as a side)?"""
        if any(c.event_type.acled_sub_event_type not in FORCE_TOLD for c in crowd):
            return True
        words = self.crowd_words
        if any(w in words for c in crowd for w in view.words[c.trigger.first:c.trigger.last + 1]):
            return True
        return any(self.is_crowd(ch.side) or self.is_victim(ch.side)
                   for g in parts.groups for ch in g.chunks)

    def _crowds_own(self, view: SentenceView, parts: Participants, cand: Candidate,
                    armed_violence: bool) -> bool:
        """Is the candidate a crowd's event (rule 2 of the module)? `armed_violence`: the
        sentence tells violence that is no crowd's."""
        doer = cand.roles.sides[0] if cand.roles.sides else None
        if self.is_armed(doer) and (cand.event_type.acled_event_type != "Protests" or
                                    armed_violence and not _agent_of_passive(view, parts,
                                                                             doer)):
            # "militants torched a school": an armed group's violence; "assailants torched
            # a bus", no one hurt: a riot's (rules/crowd_property.py). A protest's words
            # are a crowd's whoever the nearest actor is ("the Maoists enforced a bandh",
            # "families of a man killed by gunmen protested"), unless the armed group did
            # violence in the sentence ("assailants hurled bombs during the hartal")
            return unnamed_damage(view, cand, doer, self.harm)
        if cand.event_type.acled_event_type == "Protests" and \
                not any(self.is_crowd(ch.side) for g in parts.groups for ch in g.chunks) and \
                _diplomatic(view, parts, cand):
            # "Pakistan protested to India": a state's protest to another; "demonstrators
            # gathered at the Indian embassy in Dhaka to protest" are a crowd, whatever
            # states the sentence names
            return False
        return True


def _harm_only(cand: Candidate) -> bool:
    """Is the candidate told only by words of its harm ("was killed", "died"), not of a
    fight or an attack?"""
    return all(ref.consequence for ref in cand.trigger.mention.groups[TriggerRef])


def _agent_of_passive(view: SentenceView, parts: Participants, side: Side | None) -> bool:
    """Is the side named only after "by" ("a trader killed by gunmen", "by three armed
    men"): the agent of a passive, the doer of what the sentence tells about, not of its
    main event?"""
    firsts = [ch.first for g in parts.groups for ch in g.chunks
              if side is not None and ch.side is not None and ch.side.key == side.key]
    return bool(firsts) and all("by" in view.words[max(0, f - _BY_REACH):f] for f in firsts)


def _is_crowd_type(event_type: EventType) -> bool:
    return event_type.acled_event_type in CROWD_TYPES


def _diplomatic(view: SentenceView, parts: Participants, cand: Candidate) -> bool:
    """A protest made by a named state, a few words before the protest word ("India
    protested", "Pakistan lodged a strong protest"), to another state the sentence names.
    A state in a crowd's name ("Communist Party of India", "All Pakistan Clerks
    Association") protests to no one."""
    start = cand.trigger.first
    maker = next((g for g in parts.groups if g.last < start and
                  view.tokens.within(g.last, start, _DIPLOMATIC_REACH)
                  and any(a.is_state and a.organ not in FORCES for a in g.actors)), None)
    if maker is None:
        return False
    states = {a.key for g in parts.groups for a in g.actors if a.is_state}
    return len(states) >= 2


def _rank(cand: Candidate) -> int:
    sub = cand.event_type.acled_sub_event_type
    return PRECEDENCE.index(sub) if sub in PRECEDENCE else len(PRECEDENCE)


def _one_per_place(view: SentenceView, parts: Participants, crowd: list[Candidate]
                   ) -> list[Candidate]:
    """The crowd's candidates as one event per place: candidates whose clauses name
    different places stay apart, the others join the first. Each event takes the strongest
    type of its candidates, the first trigger, and "occurred" if any of them occurred."""
    if len(crowd) < 2:
        return crowd
    place_of_clause: dict[int, str] = {}
    for place in parts.places:
        clause = view.clause_of(place.first)
        place_of_clause.setdefault(clause, place.records[0].name)
    groups: dict[str | None, list[Candidate]] = {}
    for cand in sorted(crowd, key=lambda c: c.trigger.first):
        key = place_of_clause.get(cand.clause)
        if key not in groups and groups:
            key = key if key is not None else next(iter(groups))
        groups.setdefault(key, []).append(cand)
    return [_merged(group) for group in groups.values()]


def _merged(group: list[Candidate]) -> Candidate:
    first = group[0]
    if len(group) == 1:
        return first
    strongest = min(group, key=_rank)
    status = "occurred" if any(c.status == "occurred" for c in group) else first.status
    sides = tuple(s for c in group for s in c.roles.sides)
    rules = tuple(dict.fromkeys(r for c in group for r in c.rules))
    return replace(first, event_type=strongest.event_type, status=status, roles=Roles(sides),
                   weak=all(c.weak for c in group), rules=(*rules, "crowd_merged"))


def _sentence_groups(parts: Participants, cand: Candidate) -> Iterable[ActorGroup]:
    """The groups that may take part: not mediators, not sources after the trigger."""
    for group in parts.groups:
        if group.role == "mediator" or (group.source and group.first > cand.trigger.last):
            continue
        yield group


def _crowd_roles(rules: CrowdRules, view: SentenceView, parts: Participants, cand: Candidate
                 ) -> Roles:
    """actor1 the crowd (its country the event's), the named groups with it associated;
    actor2 the force that intervened (for the types that have one: the type's default organ
    when unnamed), else the victims of a mob, else the other crowd of a fight with no
    force."""
    event_type = cand.event_type
    sub = event_type.acled_sub_event_type
    kind = rules.crowd_actor.get(event_type.acled_event_type or "")
    force, victims, named = _who(rules, view, parts, cand)
    crowd: Side | None = UnnamedActor(kind) if kind else None
    second: Side | None = None
    assoc1: tuple[Side, ...] = tuple(named)
    assoc2: tuple[Side, ...] = ()
    if sub in FORCE_FACED and (force is not None or sub in FORCE_TOLD):
        second = force or UnnamedState(event_type.default_organ)
    elif force is not None and event_type.acled_event_type == "Protests":
        second = force  # "police were deployed", "police stopped them": ACLED's actor2
    elif victims is not None and event_type.acled_event_type == "Riots":
        second = victims
    elif "crowd_fight" in cand.rules and kind is not None and sub != "Mob violence":
        # two crowds fought ("supporters of two parties clashed"): Rioters against Rioters,
        # each with its group; a mob's attack on someone not named is no fight of crowds
        second = UnnamedActor(kind)
        assoc1, assoc2 = tuple(named[:1]), tuple(named[1:2])
    return Roles((crowd, second), associates=(assoc1, assoc2))


def _who(rules: CrowdRules, view: SentenceView, parts: Participants, cand: Candidate
         ) -> tuple[Side | None, Side | None, list[Actor]]:
    """The sentence's first force, the first victims named after the trigger ("a mob beat
    two villagers"), and its named groups that are no state, in text order."""
    force: Side | None = None
    victims: Side | None = None
    named: list[Actor] = []
    for group in _sentence_groups(parts, cand):
        for chunk in group.chunks:
            side = chunk.side
            if side is None or rules.is_crowd(side) and not isinstance(side, Actor):
                continue
            if is_force(side):
                if force is None and _facing(view, group, cand):
                    force = side
            elif rules.is_victim(side):
                if chunk.first > cand.trigger.last and victims is None:
                    victims = side
            elif isinstance(side, Actor) and not side.is_state and \
                    all(a.key != side.key for a in named):
                named.append(side)
    return force, victims, named


def _facing(view: SentenceView, group: ActorGroup, cand: Candidate) -> bool:
    """Is a force the sentence names one the crowd faced? Police attacked by rioters are;
    police a protest is about are not ("protested against the police", "demanded the
    suspension of a police officer"): a force after a protest word faces the crowd only
    in a later clause ("..., following which police detained them")."""
    if cand.event_type.acled_event_type != "Protests":
        return True
    if group.source or group.role == "target":
        return False
    return group.last < cand.trigger.first or view.clause[group.first] > cand.clause


pickled_by_fields(CrowdRules)  # when compiled: see model/pickling.py
