"""The words the rules read, built once per Coder from its lexicon: the cue words read from
tokens (by their kind's effect) and the language's `rules` tables, as sets."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..lexicon import Lexicon
from ..model.mentions import CueRef
from ..text import Folder, tokenize
from ..model.pickling import pickled_by_fields


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Single-word sets the rules read from tokens rather than from the matcher."""

    # Cue words, by the effect of their kind.
    anaphora: frozenset[str]
    boundary: frozenset[str]
    venue: frozenset[str]
    speech: frozenset[str]
    # Cue phrases that start with "not", as (the words after "not", their cues), longest
    # first: a negative contraction starts them too ("isn't true that").
    after_not: tuple[tuple[tuple[str, ...], tuple[CueRef, ...]], ...]
    clause_openers: frozenset[str]  # tokens that start a new clause (but a sentence's first)
    not_clause_ing_words: frozenset[str]  # "-ing" words a comma before opens no clause for
    drop_kinds: frozenset[str]      # cue kinds that drop the trigger they reach
    role_kinds: frozenset[str]      # cue kinds that give the actors next to them a role
    status_kinds: frozenset[str]    # cue kinds that set the status of the trigger they reach
    status_precedence: tuple[str, ...]  # the statuses cues set, the one that wins first
    # The language's `rules` tables (see lexicon/lang_rules.py for each).
    locative: frozenset[str]
    near_words: frozenset[str]
    not_for_states: frozenset[str]
    directions: frozenset[str]
    place_modifiers: frozenset[str]
    region_words: frozenset[str]
    region_kinds: frozenset[str]
    territory_words: frozenset[str]
    place_coordinators: frozenset[str]
    violence_prepositions: frozenset[str]
    connectors: frozenset[str]
    joining_marks: frozenset[str]
    genitive: frozenset[str]
    possessive: frozenset[str]
    possessive_pronouns: frozenset[str]
    organ_barriers: frozenset[str]
    source_phrases: tuple[tuple[str, ...], ...]
    mediator_verbs: frozenset[str]
    pronouns: frozenset[str]
    not_modifiers: frozenset[str]
    verb_suffixes: tuple[str, ...]
    verbal_nouns: frozenset[str]
    object_openers: frozenset[str]
    armed_objects: frozenset[str]
    passive_auxiliaries: frozenset[str]
    agent_only_triggers: frozenset[str]
    verb_coordinators: frozenset[str]
    firing_verbs: frozenset[str]
    blast_target_types: frozenset[str]
    answered_types: frozenset[str]
    reply_phrases: frozenset[str]
    reply_hedges: frozenset[str]
    civilian_target_words: frozenset[str]
    armed_target_words: frozenset[str]
    reporting_words: frozenset[str]
    harm_words: frozenset[str]
    harmless_triggers: frozenset[str]
    not_harmed_words: frozenset[str]
    # Sides that bear no arms as an organisation: the keys of parties' actors (their
    # members), and the generic crowds and civilians ("party workers", "villagers").
    party_keys: frozenset[str] = frozenset()
    crowd_generics: frozenset[str] = frozenset()
    # Generic actors that name both sides at once ("two rival groups", "two factions").
    paired_generics: frozenset[str] = frozenset()
    # Generic actors that a death toll names as its victims ("civilians", "farmers").
    victim_generics: frozenset[str] = frozenset()
    # The event type a shelling answered in the next sentence becomes (rules/battle_parts.py).
    answered_as: str = ""

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> Vocabulary:
        folder = Folder()
        effects = {kind.id: kind.effect for kind in lexicon.cue_kinds.values()}
        sets: dict[str, set[str]] = {"anaphora": set(), "boundary": set(), "venue": set(),
                                     "speech": set()}
        after_not: dict[tuple[str, ...], list[CueRef]] = {}
        type_ids = [t.id for t in lexicon.event_types]
        for cue in lexicon.cues:
            effect = effects.get(cue.kind, cue.kind)  # (a lexicon may declare no kinds)
            if effect in sets:
                sets[effect].update(p.lower() for p in cue.phrases)
                continue
            ref = CueRef(cue.kind, cue.value, cue.scope, cue.window, cue.exempt(type_ids))
            for phrase in cue.phrases:
                words = tuple(t.text for t in tokenize(folder.fold(phrase)))
                if words[:1] == ("not",) and ref not in after_not.setdefault(words[1:], []):
                    after_not[words[1:]].append(ref)
        language = lexicon.language.rules
        tables = {name: frozenset(getattr(language, name)) for name in _TABLES}
        return cls(
            anaphora=frozenset(sets["anaphora"]), boundary=frozenset(sets["boundary"]),
            venue=frozenset(sets["venue"]), speech=frozenset(sets["speech"]),
            after_not=tuple(sorted(((k, tuple(v)) for k, v in after_not.items()),
                                   key=lambda kv: -len(kv[0]))),
            clause_openers=frozenset(language.clause_punctuation) | sets["boundary"],
            not_clause_ing_words=frozenset(language.not_clause_ing_words),
            drop_kinds=lexicon.drop_kinds,
            role_kinds=_of_effect(effects, "role"), status_kinds=_of_effect(effects, "status"),
            status_precedence=lexicon.status_precedence,
            source_phrases=tuple(tuple(p.split()) for p in language.source_phrases),
            verb_suffixes=tuple(language.verb_suffixes),
            party_keys=frozenset(f"group:{g.id}" for g in lexicon.groups if g.party),
            crowd_generics=frozenset(g.id for g in lexicon.generic_actors
                                     if g.actor_type in _CROWD_ACTOR_TYPES),
            paired_generics=frozenset(g.id for g in lexicon.generic_actors if g.both_sides),
            victim_generics=frozenset(g.id for g in lexicon.generic_actors if g.victims),
            answered_as=language.answered_as,
            **tables)


def _of_effect(effects: Mapping[str, str], effect: str) -> frozenset[str]:
    """The cue kinds of an effect; a lexicon that declares no kinds names them by it."""
    return frozenset(k for k, e in effects.items() if e == effect) if effects else \
        frozenset({effect})


# The actor types of generic actors that are crowds or civilians, no armed organisation.
_CROWD_ACTOR_TYPES = frozenset({"protesters", "rioters", "civilians"})

# The tables read as they are written, each as a set. (The border words and town joiners are
# the resolvers': see resolve.facts.PlaceWords.)
_TABLES = ("locative", "near_words", "not_for_states", "directions", "place_modifiers",
           "region_words", "region_kinds", "territory_words", "place_coordinators",
           "violence_prepositions", "connectors", "joining_marks", "genitive", "possessive",
           "possessive_pronouns", "organ_barriers", "mediator_verbs", "pronouns",
           "not_modifiers", "verbal_nouns", "object_openers",
           "armed_objects", "passive_auxiliaries", "agent_only_triggers", "verb_coordinators",
           "firing_verbs", "blast_target_types",
           "answered_types", "reply_phrases", "reply_hedges",
           "civilian_target_words", "armed_target_words", "reporting_words",
           "harm_words", "not_harmed_words", "harmless_triggers")


pickled_by_fields(Vocabulary)  # when compiled: see model/pickling.py
