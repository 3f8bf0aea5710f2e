"""Language sub-section `rules`: the words the rules read from a sentence's tokens.

Every table is a list of words as the rules see them: folded (lower case, accents, quotes
and dashes unified, see `text.Folder`), one token each unless the table says phrases. A
later lexicon file adds to a table (see the loader); an empty table turns its rule off.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, Field

from ..text import Folder
from .model import Entry

_FOLDER = Folder()


def _folded(value: str) -> str:
    if not value or value != value.strip():
        raise ValueError(f"{value!r}: a word must not be empty or start or end with a blank")
    if _FOLDER.fold(value) != value:
        raise ValueError(f"{value!r}: write the word folded, as the rules see it "
                         f"({_FOLDER.fold(value)!r})")
    return value


def _one_token(value: str) -> str:
    if any(c.isspace() for c in _folded(value)):
        raise ValueError(f"{value!r}: one word (token) only, no blank")
    return value


Word = Annotated[str, AfterValidator(_one_token)]
Phrase = Annotated[str, AfterValidator(_folded)]


def _words(description: str) -> Any:
    return Field(default_factory=list, description=description)


class RuleWords(Entry):
    """The rules' words, one table each."""

    # -- places ----------------------------------------------------------------------------
    locative: list[Word] = _words("prepositions that make the name after them a place "
                                  "(\"in\", \"near\")")
    near_words: list[Word] = _words("locatives that place an event near the town, not in it "
                                    "(ACLED's precision 2: \"near Kabul\")")
    not_for_states: list[Word] = _words("locatives that do not make a state's name a place "
                                        "(\"officials from Pakistan\")")
    directions: list[Word] = _words("compass words: before the genitive they place an event "
                                    "near the town (\"south of Taiz\")")
    place_modifiers: list[Word] = _words("words that may stand between a locative and its "
                                         "place (\"in the restive southern province of\")")
    region_words: list[Word] = _words("nouns after a name that make it a place or a venue "
                                      "(\"Kurram district\", \"the Torkham crossing\")")
    region_kinds: list[Word] = _words("region words that make the name before them the "
                                      "region itself, not its town (\"Kandahar province\")")
    territory_words: list[Word] = _words("nouns that make a state's adjective before them the "
                                         "country as a place (\"on Pakistani soil\")")
    place_coordinators: list[Word] = _words("words that join a name to a place before it, "
                                            "making it a place too (\"in Kandahar and Kabul\")")
    violence_prepositions: list[Word] = _words("prepositions after a violent word that make "
                                               "the name after them its place "
                                               "(\"airstrikes on Sanaa\")")
    town_joiners: list[Word] = _words("words that join two towns of one event (\"struck "
                                      "Kandahar and Kabul\"): one event per town")
    border_words: list[Word] = _words("words that name a border (\"along the frontier\")")
    # -- actors ----------------------------------------------------------------------------
    connectors: list[Word] = _words("tokens that join actors into one group (\"and\", \",\")")
    joining_marks: list[Word] = _words("marks that join two names written together "
                                       "(\"Pakistan-Afghanistan\", \"US/Israel\")")
    genitive: list[Word] = _words("the word that ties a part to its whole (\"the army of "
                                  "Sudan\", \"south of Taiz\", \"the town of Djibo\")")
    possessive: list[Word] = _words("the possessive token (\"Kabul's\"): what follows belongs "
                                    "to the name, which is then an actor, not a place")
    possessive_pronouns: list[Word] = _words("pronouns that make an unnamed actor the one "
                                             "named before (\"its fighters\")")
    organ_barriers: list[Word] = _words("words that keep an organ from the state before it "
                                        "(\"aid from Pakistan to the army\")")
    source_phrases: list[Phrase] = _words("phrases before a group that make it a source, not "
                                          "a participant (\"according to officials\")")
    no_country: str = Field("International", description="the country in the name of a "
                            "generic actor whose country is unknown")
    regime_years: bool = Field(True, description="state organs carry the years of the "
                               "government in power on the event's date, from `regimes` "
                               "(\"Military Forces of Pakistan (2013-2018)\")")
    # -- roles and events ------------------------------------------------------------------
    yield_window: int = Field(2, ge=0, description="sentences after an event of a disorder "
                              "type another type `yields_to` (or in its sentence) within "
                              "which that type's events are part of it (\"Police were "
                              "deployed\" after a riot)")
    mediator_verbs: list[Word] = _words("verbs before an agent cue that make the agent a "
                                        "mediator (\"talks hosted by Qatar\")")
    pronouns: list[Word] = _words("pronouns that stand for an actor named before (\"India "
                                  "said it struck\")")
    not_modifiers: list[Word] = _words("words between a determiner and a trigger that do not "
                                       "make it new news (\"the talks which\")")
    verb_suffixes: list[Word] = _words("endings of a trigger that is a verb, never a "
                                       "reference back (\"that it had killed\")")
    object_openers: list[Word] = _words("words that open the object of a verb right after it "
                                        "(\"killed **a** trader\", \"shot **two** farmers\"): "
                                        "the victims of a one-sided act, named or not")
    armed_objects: list[Word] = _words("words for posts and units of armed forces that make "
                                       "an object no civilians' (\"attacked a checkpost\")")
    blast_target_types: list[Word] = _words("event types (ids) of a blast or a strike whose "
                                            "target the sentence's words tell when it names "
                                            "no side hit (rules/targets.py)")
    answered_types: list[Word] = _words("event types (ids) of a shelling its target answers "
                                        "in the next sentence (\"... The rangers "
                                        "retaliated.\"): a battle (rules/battle_parts.py)")
    answered_as: str = Field("", description="the event type (id) such an answered shelling "
                             "becomes: the armed clash (empty: the rule is off)")
    reply_phrases: list[Phrase] = _words("phrases of that answer (\"retaliated\", \"fired "
                                         "back\")")
    reply_hedges: list[Word] = _words("words before a reply phrase in its sentence that deny "
                                      "or doubt it (\"no reports on **whether** the army "
                                      "retaliated\")")
    civilian_target_words: list[Word] = _words("words for people or places of civilians a "
                                               "blast hits (\"a mosque\", \"a market\", "
                                               "\"worshippers\"): its target is civilians")
    armed_target_words: list[Word] = _words("words for armed forces, their posts and units "
                                            "(\"a patrol\", \"policemen\"): a blast in a "
                                            "sentence with one is not read as on civilians")
    reporting_words: list[Word] = _words("words after an armed forces' word that make them "
                                         "who report (\"police **sources** said\"), not a "
                                         "blast's target")
    not_harmed_words: list[Word] = _words("words up to three before a word of harm that "
                                          "deny it (\"**no** one was hurt\")")
    station_words: list[Word] = _words("words after an organ's word that make it a named "
                                       "place, not the organ (\"under Kotwali police "
                                       "**station**\")")
    station_openers: list[Word] = _words("words before a station's name that make it where "
                                         "the event was (\"**under** Kotwali police "
                                         "station\"), not what was attacked")
    firing_verbs: list[Word] = _words("first words of a fight's trigger that tell one side "
                                      "firing at another (\"gunmen **opened** fire\"): "
                                      "with one side found, that side's attack on whoever "
                                      "the sentence names")
    passive_auxiliaries: list[Word] = _words("words that make a trigger after them a passive "
                                             "(\"a policeman **was** shot dead\"): the "
                                             "subject before is its target, not its doer")
    agent_only_triggers: list[Word] = _words("weak triggers of one word that count only "
                                             "beside a passive's agent (\"was **wounded** "
                                             "by gunmen\"), never beside their subject")
    verb_coordinators: list[Word] = _words("words that join a second verb to the subject of "
                                           "the first (\"gunmen chased a trader **and** "
                                           "killed him\")")
    harmless_triggers: list[Phrase] = _words("triggers of an attack on civilians that tell "
                                             "harm to property (\"set ablaze\"): an event "
                                             "only when the sentence tells harm to people")
    demonstration_words: list[Word] = _words("words that tell a demonstration (\"protesters\", "
                                             "\"picket\"): an event that yields to "
                                             "demonstrations, told with them, is part of one")
    strike_words: list[Word] = _words("demonstration words that do not make an attack on "
                                      "civilians told with them the demonstration's cause or "
                                      "episode (\"hartal\", \"procession\"): attacks during "
                                      "a shutdown, or on a wedding's procession, are events")
    property_objects: list[Word] = _words("things an attack's word may have for object "
                                          "(\"attacked the **house** of\"): with no harm "
                                          "to people in the sentence, no attack on "
                                          "civilians (rules/yields.py)")
    cause_openers: list[Word] = _words("words that open a clause telling what another "
                                       "event was held over (\"after\"): an attack on "
                                       "civilians in such a clause of a riot is its cause")
    riot_words: list[Word] = _words("words that tell a crowd's violence (\"rioted\", "
                                    "\"mob\"): outside an attack's cause clause, the "
                                    "riot it is the cause of (rules/yields.py)")
    follow_up_types: list[Word] = _words("event types (ids) told as the sequel of a report's "
                                         "opening (\"Police detained forty of them.\"): "
                                         "events only when the opening sentence tells one "
                                         "of their type (rules/followups.py)")
    lethal_triggers: list[Phrase] = _words("triggers of an attack on civilians that tell a "
                                           "death (\"shot dead\"): its toll is at least one")
    harm_words: list[Word] = _words("words that tell harm to people (\"injured\")")
    found_triggers: list[Phrase] = _words("triggers of an attack on civilians told by the body "
                                          "found (\"bullet-riddled\"): who found it is not "
                                          "its doer")
    thrown_triggers: list[Phrase] = _words("triggers of an explosion that a hand throws "
                                           "(\"crude bomb\"): with a throwing word before "
                                           "them and people hurt, an attack on civilians")
    peaceful_words: list[Word] = _words("words that tell a crowd peaceful (\"**peaceful** "
                                        "protesters\"): a force's violence on it is an "
                                        "attack on civilians (rules/crowds.py)")
    throw_words: list[Word] = _words("words of a throw by hand (\"hurled\") that make a "
                                     "bomb after them the thrower's attack")
    verbal_nouns: list[Word] = _words("triggers with a verb's ending that are nouns "
                                      "(\"the fighting\")")
    # -- clauses ---------------------------------------------------------------------------
    clause_punctuation: list[str] = Field(
        [], description="punctuation tokens that open a new clause of a sentence")
    not_clause_ing_words: list[Word] = _words("words in -ing that open no clause after a "
                                              "comma (\"including\")")
