"""Crowds: ACLED's rules for Protests and Riots, over the candidates of one sentence.

ACLED codes a crowd by what it is and where it gathers, not by what it protests against:
actor1 is "Protesters (India)" or "Rioters (Nepal)", the party, union or community behind
it is the associated actor, and actor2 is only the force that intervened, the people a mob
attacked, or the other crowd of a communal riot. `CrowdRules.events`, after the other rules:

1. the crowd's events: the candidates of a Protests or Riots type, and a clash (or another
   Battles or Violence against civilians event) one of whose sides is a crowd and none an
   armed group: protesters fighting the police riot, they do not battle a state (the
   matcher reads the longest phrase: "hunger strike" is never an air strike's "strike");
2. what is no crowd's: a protest made by a named state ("Pakistan protested to India": a
   diplomatic protest), violence done by an armed group ("militants torched a school"),
   and intervention words ("tear gas") in a sentence that tells no crowd;
3. one event per place of the sentence, of the strongest type its words tell
   (`PRECEDENCE`): "students protested and police lathi-charged them" is one protest with
   intervention;
4. its roles, as ACLED gives them (`_crowd_roles`).

`name_associates` names the associated actors once the event is placed, and
`merge_crowd_reports` makes the sentences of an article that report one crowd one event.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from ..actors import ActorBook
from ..context import Pending
from ..lexicon import Lexicon
from ..lexicon.model import EventType
from ..model.actors import Actor, Side, UnnamedActor, UnnamedState
from ..model.candidates import Candidate, Roles
from ..model.participants import ActorGroup, Participants
from ..model.records import EventRecord
from ..text import Folder
from .view import SentenceView

# ACLED's event types whose actor1 is a crowd, and the actor type of that crowd.
CROWD_TYPES: dict[str, str] = {"Protests": "protesters", "Riots": "rioters"}
# The ACLED event types a crowd's violence is mistaken for when a clash word names it.
ABSORBED = frozenset({"Battles", "Violence against civilians"})
# ACLED's precedence between the sub-event types of one crowd event, strongest first: a
# crowd that turns violent riots whatever the police did; lethal force on peaceful
# protesters outranks their dispersal, which outranks a protest no one stopped.
PRECEDENCE = ("Mob violence", "Violent demonstration", "Excessive force against protesters",
              "Protest with intervention", "Peaceful protest")
# Sub-event types told by what forces did: alone, they need a crowd in the sentence or in
# the article ("Farmers protested. Police baton-charged them.").
FORCE_TOLD = frozenset({"Protest with intervention", "Excessive force against protesters"})
# Sub-event types whose actor2 is the force that intervened (named or not).
FORCE_FACED = frozenset({"Protest with intervention", "Excessive force against protesters",
                         "Violent demonstration"})
# The rule that marks words of intervention whose sentence tells no crowd.
UNTOLD = "crowd_untold"
MERGED = "crowd_merged_sentences"
# What a force did beside a crowd, reported on its own ("Police detained 20 of them."): the
# crowd's intervention (`_forces_at_crowds`). An arrest is ACLED's intervention.
ARRESTS = "Arrests"
INTERVENTION = "Protest with intervention"
FORCE_REPORTS = frozenset({ARRESTS, "Change to group/activity"})
FORCE_MERGED = "crowd_force_merged"
# The organs that intervene against a crowd; the government a crowd protests against is
# its target, which ACLED does not code.
FORCES = frozenset({"police", "military"})
# Actor types of the armed groups whose violence is never a crowd's. A named political or
# communal militia may be the party or community behind a crowd ("Hamas supporters
# rallied"); unnamed militants and gunmen, of the same ACLED type, never are.
ARMED_NAMED = frozenset({"rebel_group"})
ARMED_GENERIC = frozenset({"rebel_group", "political_militia", "identity_militia"})
CROWD_ACTOR_TYPES = frozenset(CROWD_TYPES.values())
# A named state this close before a protest word is the one protesting: a diplomat's
# protest ("Pakistan lodged a protest").
_DIPLOMATIC_REACH = 3


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
        return cls(by_sub, crowd_actor,
                   frozenset(g.id for g in generic if g.actor_type in CROWD_ACTOR_TYPES),
                   frozenset(g.id for g in generic if g.victims),
                   frozenset(g.id for g in generic if g.actor_type in ARMED_GENERIC), words,
                   frozenset(lexicon.language.rules.lethal_triggers))

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
        if not self.by_sub or not any(_is_crowd_type(c.event_type) or
                                      c.event_type.acled_event_type in ABSORBED for c in cands):
            return cands  # no event a crowd could have made
        written = self._written_as_crowds(view, parts)
        if not any(self._crowdish(c, written) for c in cands):
            return cands  # no crowd in the sentence: nothing to do
        crowd = [c for c in cands if _is_crowd_type(c.event_type)]
        kept: list[Candidate] = []
        for cand in cands:
            if _is_crowd_type(cand.event_type):
                continue
            if self._crowd_fight(parts, cand, written) and \
                    not self._kills(view, cand) and not self._armed_members(view, cand):
                crowd.append(cand.but("crowd_fight", event_type=self.by_sub[
                    "Violent demonstration"]))
            else:
                kept.append(cand)
        if not self._crowd_told(view, parts, crowd):
            # "police used tear gas" with no crowd: a protest only if the article tells one
            crowd = [c.but(UNTOLD) for c in crowd]
        crowd = [c for c in crowd if self._crowds_own(view, parts, c)]
        # A definite mention ("the blockade entered its tenth day") is an event of its own:
        # ACLED codes each day of a strike, and reports of one crowd in one article are
        # joined by `merge_crowd_reports`.
        merged = [c.but("crowd_roles", roles=_crowd_roles(self, view, parts, c),
                        anaphoric=False)
                  for c in _one_per_place(view, parts, crowd)]
        return sorted(kept + merged, key=lambda c: c.trigger.first)

    def _written_as_crowds(self, view: SentenceView, parts: Participants) -> frozenset[str]:
        """The keys of the sides written with a crowd's word ("Hamas supporters", "party
        X cadres"): the party's crowd, not its armed wing. A rebel group's "cadres" are its
        fighters, not a crowd."""
        words = self.crowd_words
        return frozenset(ch.side.key for g in parts.groups for ch in g.chunks
                         if ch.side is not None and ch.first < ch.last and
                         not self.is_armed(ch.side) and
                         any(w in words for w in view.words[ch.first:ch.last + 1]))

    def _crowdish(self, cand: Candidate, written: frozenset[str]) -> bool:
        return _is_crowd_type(cand.event_type) or (
            cand.event_type.acled_event_type in ABSORBED and
            any(self.is_crowd(s) or s.key in written or _organ(s) == "police"
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
        if crowds:
            return True
        # (the police alone in an attack on someone are its doer: "police tortured a youth
        # in custody" is violence against a civilian, not a riot)
        return len(sides) == 1 and not cand.roles.both_sides and _organ(sides[0]) == "police" \
            and cand.event_type.default_target is None \
            and not any(self.is_armed(ch.side) for g in parts.groups for ch in g.chunks)

    def _kills(self, view: SentenceView, cand: Candidate) -> bool:
        """Is the candidate an attack on civilians told by words of a death ("a party
        worker was hacked to death by rival activists")? ACLED's violence against a
        civilian, not a crowd's fight."""
        trigger = cand.trigger
        if cand.event_type.default_target is None or \
                " ".join(view.words[trigger.first:trigger.last + 1]) not in self.lethal:
            return False
        # (a mob's killing is its own: "a mob lynched a thief" is mob violence)
        mob = self.crowd_actor.get("Riots")
        return not any(isinstance(s, UnnamedActor) and s.generic == mob
                       for s in cand.roles.sides)

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

    def _crowds_own(self, view: SentenceView, parts: Participants, cand: Candidate) -> bool:
        """Is the candidate a crowd's event (rule 2 of the module)?"""
        doer = cand.roles.sides[0] if cand.roles.sides else None
        if self.is_armed(doer):
            return False  # "militants torched a school": an armed group's violence
        if cand.event_type.acled_event_type == "Protests" and _diplomatic(view, parts, cand):
            return False  # "Pakistan protested to India": a state's protest to another
        return True

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
            if _is_force(side):
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


def _organ(side: Side) -> str | None:
    if isinstance(side, UnnamedState):
        return side.organ
    return side.organ if isinstance(side, Actor) and side.is_state else None


def _is_force(side: Side) -> bool:
    if isinstance(side, UnnamedState):
        return side.organ in FORCES
    return isinstance(side, Actor) and side.is_state and side.organ in FORCES


def name_associates(record: EventRecord, roles: Roles, book: ActorBook) -> None:
    """The record's associated actors, named on its date and in its country; a crowd whose
    country neither the place nor a state told takes its group's ("BJP workers")."""
    first, second = roles.associates
    if not first and not second:
        return
    iso3 = record.place.iso3 if record.place else None
    record.associates1 = _named(first, book, record, iso3)
    record.associates2 = _named(second, book, record, iso3)
    side1 = record.side1
    if side1 is not None and side1.iso3 is None and side1.actor_type in CROWD_ACTOR_TYPES:
        country = next((a.iso3 for a in record.associates1 if a.iso3), None)
        generic = side1.key.split(":", 1)[0]
        if country is not None and generic in book.generic:
            record.side1 = book.generic_actor(generic, country)
            record.rules.append("crowd_country_from_group")


def _named(sides: tuple[Side, ...], book: ActorBook, record: EventRecord, iso3: str | None
           ) -> list[Actor]:
    out: list[Actor] = []
    for side in sides:
        if isinstance(side, Actor):
            out.append(book.on_date(side, record.event_date))
        elif isinstance(side, UnnamedActor):
            out.append(book.generic_actor(side.generic, side.country or iso3))
        elif iso3:
            out.append(book.state(iso3, side.organ))
    return out


# -- one crowd event per article and place -------------------------------------------------

def merge_crowd_reports(pending: list[Pending], types: dict[str, EventType], book: ActorBook,
                        state_counts: Callable[[], Counter[str]]) -> list[Pending]:
    """ACLED codes one event per crowd, place and day: the sentences of an article that
    report a crowd ("Farmers protested in Lahore." then "Police baton-charged them.") are
    one event, of the strongest type they tell, at the most precise place. Reports of the
    same status whose places and dates agree (or one lacks them) join the first. A crowd
    that neither a place nor a group puts in a country is in the country of the article's
    first placed event, else of the state it names most (`state_counts`), if any."""
    kept: list[Pending] = []
    crowds: list[EventRecord] = []
    for item in pending:
        record = item.record
        if record.acled_event_type not in CROWD_TYPES:
            kept.append(item)
            continue
        if record.side1 is not None and record.side1.iso3 is None:
            _in_article_country(record, book, pending, state_counts)
        _force_in_crowd_country(item, book)
        target = next((c for c in crowds if _same_crowd(c, record)), None)
        if target is None:
            crowds.append(record)
            kept.append(item)
        else:
            _join_crowd(target, record, types, book)
    if crowds:
        kept = _forces_at_crowds(kept, crowds, types, book)
    # Words of intervention that joined no crowd's report: no protest told.
    return [item for item in kept if UNTOLD not in item.record.rules
            or MERGED in item.record.rules]


def _force_in_crowd_country(item: Pending, book: ActorBook) -> None:
    """The force a crowd faced, of no state the sentence told ("protesters clashed with the
    police"), is the force of the crowd's country, once the article or the crowd's group
    has told it."""
    record = item.record
    iso3 = record.side1.iso3 if record.side1 is not None else None
    organ = next((o for slot, o in item.unplaced_organs if slot == 1 and o in FORCES), None)
    if record.side2 is None and iso3 and organ is not None:
        record.side2 = book.state(iso3, organ)
        item.unplaced_organs = tuple(u for u in item.unplaced_organs if u != (1, organ))
        record.rules.append("crowd_force_country")


def _forces_at_crowds(kept: list[Pending], crowds: list[EventRecord],
                      types: dict[str, EventType], book: ActorBook) -> list[Pending]:
    """A force's arrests or deployment that an article reports beside a crowd ("Farmers
    protested in Nashik. Police detained 20 of them.") are what the force did to the crowd,
    not events of their own: the crowd's event has the force as actor2, and an arrest makes
    a peaceful protest one with intervention, as ACLED codes it."""
    stronger = next((t for t in types.values()
                     if t.acled_sub_event_type == INTERVENTION), None)
    out: list[Pending] = []
    for item in kept:
        record = item.record
        organ = _force_organ(item)
        # (a force's report after the crowd's: police who arrested a killer before the
        # protest against the killing did not intervene in it)
        target = next((c for c in crowds if c.sentence_index <= record.sentence_index
                       and _same_crowd(c, record)), None) if organ is not None else None
        if target is None:
            out.append(item)
            continue
        target.mention_sentences.append(record.sentence)
        if target.side2 is None:
            # "Police detained them": the police of the crowd's country
            iso3 = target.side1.iso3 if target.side1 is not None else None
            target.side2 = record.side1 or (book.state(iso3, organ) if iso3 else None)
        if record.acled_sub_event_type == ARRESTS and stronger is not None and \
                _sub_rank(target) > PRECEDENCE.index(INTERVENTION):
            target.event_type = stronger.id
            target.acled_sub_event_type = stronger.acled_sub_event_type
        target.rules.append(FORCE_MERGED)
    return out


def _force_organ(item: Pending) -> str | None:
    """The organ of the force whose arrest or deployment the record is, if it is one ("the
    police", named or of no state yet), against no state: what police did at a crowd."""
    record = item.record
    force, other = record.side1, record.side2
    if record.acled_sub_event_type not in FORCE_REPORTS or (other is not None and
                                                            other.is_state):
        return None
    if force is not None:
        return force.organ if _is_force(force) else None
    return next((organ for slot, organ in item.unplaced_organs
                 if slot == 0 and organ in FORCES), None)


def _in_article_country(record: EventRecord, book: ActorBook, pending: list[Pending],
                        state_counts: Callable[[], Counter[str]]) -> None:
    side1 = record.side1
    if side1 is None or side1.actor_type not in CROWD_ACTOR_TYPES:
        return
    iso3 = next((p.record.place.iso3 for p in pending if p.record.place is not None), None)
    if iso3 is None:
        top = state_counts().most_common(1)
        iso3 = top[0][0] if top else None
    generic = side1.key.split(":", 1)[0]
    if iso3 is not None and generic in book.generic:
        record.side1 = book.generic_actor(generic, iso3)
        record.rules.append("crowd_country_from_document")


def _same_crowd(a: EventRecord, b: EventRecord) -> bool:
    if a.status != b.status or a.part or b.part:
        return False
    if a.event_date and b.event_date and a.event_date != b.event_date:
        return False
    return a.place is None or b.place is None or a.place.name == b.place.name or \
        a.place.iso3 == b.place.iso3 and 3 in (a.place.precision, b.place.precision)


def _sub_rank(record: EventRecord) -> int:
    sub = record.acled_sub_event_type
    return PRECEDENCE.index(sub) if sub in PRECEDENCE else len(PRECEDENCE)


def _join_crowd(target: EventRecord, record: EventRecord, types: dict[str, EventType],
                book: ActorBook) -> None:
    """The target takes the later report's stronger type (and its crowd's name, its
    force), a more precise place, a date, a toll and associated actors it lacks."""
    target.mention_sentences.append(record.sentence)
    if record.place and (target.place is None or record.place.precision < target.place.precision):
        target.place = record.place
    if target.event_date is None and record.event_date is not None:
        target.event_date, target.time_precision = record.event_date, record.time_precision
        target.date_text = record.date_text
    if record.fatalities and not target.fatalities:
        target.fatalities = record.fatalities
    for mine, theirs in ((target.associates1, record.associates1),
                         (target.associates2, record.associates2)):
        mine.extend(a for a in theirs if all(a.key != b.key for b in mine))
    if _sub_rank(record) < _sub_rank(target) and record.event_type in types:
        stronger = types[record.event_type]
        target.event_type = stronger.id
        target.acled_event_type = stronger.acled_event_type
        target.acled_sub_event_type = stronger.acled_sub_event_type
        target.side1 = record.side1 or target.side1
        target.side2 = record.side2 or target.side2
    elif target.side2 is None and record.side2 is not None and \
            target.acled_sub_event_type in FORCE_FACED:
        target.side2 = record.side2
    _renamed_crowd(target, book)
    if target.side2 is None and target.acled_sub_event_type in FORCE_TOLD and target.place:
        # "Police baton-charged them": the police of the place the first report named
        target.side2 = book.state(target.place.iso3, types[target.event_type].default_organ)
    target.rules.append(MERGED)


def _renamed_crowd(record: EventRecord, book: ActorBook) -> None:
    """The crowd named as its event type's: "Rioters" once the protest turned violent, in
    the country of the event's place when the first report had none."""
    side1, kind = record.side1, CROWD_TYPES.get(record.acled_event_type or "")
    if side1 is None or kind is None or side1.actor_type not in CROWD_ACTOR_TYPES:
        return
    generic = next((g.id for g in book.generic.values() if g.actor_type == kind), None)
    iso3 = side1.iso3 or (record.place.iso3 if record.place else None)
    if generic is not None and (side1.actor_type != kind or iso3 != side1.iso3):
        record.side1 = book.generic_actor(generic, iso3)

