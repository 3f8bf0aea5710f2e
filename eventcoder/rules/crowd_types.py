"""The crowd types' shared facts: ACLED's event types whose actor1 is a crowd, the
precedence of their sub-event types, the forces that intervene, and the rule names that
the sentence rules (rules/crowds.py) and the article's merge (rules/crowd_reports.py) pass
to each other."""

from __future__ import annotations

from ..model.actors import Actor, Side, UnnamedState

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
# A force's attack on a crowd told peaceful: on civilians, whatever protest words are near.
PEACEFUL = "crowd_peaceful"
# The actor type of a party's men: one more crowd beside a communal side; their fight with
# another party's men a riot, except where the coders say otherwise.
PARTY = "political_militia"
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


def organ_of(side: Side) -> str | None:
    if isinstance(side, UnnamedState):
        return side.organ
    return side.organ if isinstance(side, Actor) and side.is_state else None


def is_force(side: Side) -> bool:
    if isinstance(side, UnnamedState):
        return side.organ in FORCES
    return isinstance(side, Actor) and side.is_state and side.organ in FORCES
