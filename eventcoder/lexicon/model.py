"""The lexicon's entry types. Each YAML file holds one top-level key naming a list of these.

Validation is pydantic's; the loader turns its errors into `Problem`s with file, line and
entry, so a person editing a YAML file by hand sees exactly where the mistake is.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

ActorType = Literal["state_forces", "rebel_group", "political_militia", "identity_militia",
                    "rioters", "protesters", "civilians", "external_other"]

# ACLED's numeric actor-type codes (inter1/inter2).
INTER_CODES: dict[str, int] = {
    "state_forces": 1, "rebel_group": 2, "political_militia": 3, "identity_militia": 4,
    "rioters": 5, "protesters": 6, "civilians": 7, "external_other": 8,
}
# The roles a role cue gives: the rules read each of them.
ROLES = ("mediator", "between", "target", "agent")
# What a cue kind does; the rules know these effects, the lexicon names the kinds.
CueEffect = Literal["drop", "status", "role", "sides", "anaphora", "boundary", "venue", "speech"]
# Effects of cue kinds whose words the rules read from tokens, not through the matcher.
WORD_EFFECTS = frozenset({"anaphora", "boundary", "venue", "speech"})

ISO3 = r"^[A-Z]{3}$"
IDENT = r"^[a-z][a-z0-9_]*$"
# The longest phrase (trigger, name, alias, word) a lexicon may give. Real ones are far
# shorter; the limit keeps a runaway value (a whole file pasted into an alias) out of the
# matcher's automaton.
MAX_PHRASE = 200
Phrase = Annotated[str, Field(max_length=MAX_PHRASE)]


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _clean_phrases(values: list[str]) -> list[str]:
    cleaned = [v.strip() for v in values]
    if any(not v for v in cleaned):
        raise ValueError("phrases must not be empty")
    return cleaned


class Trigger(Entry):
    text: Phrase
    weak: bool = Field(default=False, description="needs an anchor (actor, number) to count")
    consequence: bool = Field(default=False, description="tells the outcome of another violent "
                              "event when the sentence names one (\"killed\")")
    status: str | None = Field(default=None, pattern=IDENT,
                               description="the status the words carry themselves")
    needs_pair: bool = Field(default=False, description="counts only next to two named sides "
                             "(\"Kabul and Islamabad met\"), never one (\"Erdogan met Sharif\")")


class Subsumption(Entry):
    type: str
    window: int = Field(12, ge=0, le=60, description="words between the two triggers at most")
    via: list[Phrase] = Field([], description="if given, one of these words must stand "
                              "between")


DisorderType = Literal["Political violence", "Demonstrations", "Strategic developments",
                       "Political violence; Demonstrations"]
# Who a type's events target, for the civilian_targeting column: "always" (violence against
# civilians), "target" (when actor2 is civilians: a bomb on a bus), "never".
CivilianTargeting = Literal["always", "target", "never"]


class Retype(Entry):
    """ACLED types some events by who takes part: an attack on soldiers is a battle, a
    capture by government forces regains territory. The first rule whose side is of one of
    `actor_types` makes the event of `type`."""

    side: Literal["actor1", "actor2", "either"] = Field(
        "actor2", description="the side read; 'either': the matching side becomes actor2")
    actor_types: list[ActorType] = Field(min_length=1)
    type: str


class Feud(Entry):
    """A quarrel between neighbours that ACLED codes as a fight of communal militias, not as
    violence against civilians: an event whose sentence tells one of `phrases` ("over a
    land dispute"), with no state's forces and no named group among its sides, is of
    `type`, `actor` (a generic actor) on both sides."""

    type: str
    actor: str
    phrases: list[Phrase] = Field(min_length=1)

    _phrases = field_validator("phrases")(_clean_phrases)


class EventType(Entry):
    id: str = Field(pattern=IDENT)
    label: str
    description: str = ""
    structure: Literal["dyadic", "one_sided", "mediation"]
    violent: bool = False
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    cameo: str | None = None
    plover: str | None = None
    default_organ: str = "government"
    triggers: list[Phrase | Trigger] = Field(min_length=1)
    subsumes: list[Subsumption] = []
    statuses: list[str] | None = Field(None, description="the statuses the type can take "
                                       "(default: every status the lexicon declares)")
    third_party_call: str | None = Field(
        None, description="event type a third party's call for this event is coded as")
    # ACLED's rules, as data (see docs/codebook.md, section 2).
    disorder_type: DisorderType | None = None
    civilian_targeting: CivilianTargeting | None = Field(
        None, description="default: 'target' for a violent type, else 'never'")
    absorbs: list[str] = Field([], description="types whose events in the same sentence are "
                               "part of this one (an air strike inside a ground battle)")
    yields_to: list[DisorderType] = Field([], description="disorder types whose events in "
                                          "the same sentence this one is part of (an arrest "
                                          "during a riot)")
    retype: list[Retype] = Field([], description="the type an event becomes by its sides")
    cause_of: list[str] = Field([], description="event types whose events in the same "
                                "sentence are held over this one: it is their cause, told "
                                "as background (\"residents protested against the killing "
                                "of a trader\"), not an event of its own")
    shares_triggers_with: list[str] = Field(
        [], description="types that list some of this type's triggers on purpose, the rules "
        "choosing between the two events (\"set ablaze\" by a mob is a riot, by gunmen an "
        "attack): no W501 warning for them")
    default_target: str | None = Field(None, description="generic actor that is actor2 when "
                                       "the text names none (the civilians of an attack)")
    passive_type: str | None = Field(
        None, description="the type a weak trigger that finds one side only is read as when "
        "its doer is the agent of a passive (\"a journalist was killed by gunmen\")")
    unplaced_type: str | None = Field(
        None, description="the type the event is when no place is named within five words "
        "after the trigger (\"captured the town of X\" takes territory, \"captured the "
        "army's base\" is a battle)")
    held_words: list[str] = Field(
        [], description="single words that name ground held (\"hills\", \"positions\"): "
        "as the trigger's object, within five words after it, the place is taken even when "
        "the gazetteer names none (the type is then not its `unplaced_type`)")
    unarmed_type: str | None = Field(
        None, description="the type the event is when no side is armed: a party's members or "
        "a crowd against each other or the police (\"party workers clashed with the police\" "
        "is a riot; a battle is fought by organised armed groups); a retype rule into this "
        "type does not read such a side either")
    unarmed_organs: list[str] = Field(
        [], description="the state's organs that bear no arms (its government, its "
        "officials): a retype rule into this type does not read a side of one, any more "
        "than a party's members (\"gunmen shot dead a government official\" is an attack on "
        "a civilian to ACLED, an attack on the police a battle)")
    armed_words: list[str] = Field(
        [], description="single words that tell a fight was armed (\"gunfight\", \"bullets\"): "
        "in the sentence, they keep the event of its type whoever its sides are")
    unarmed_words: list[str] = Field(
        [], description="single words that name an unarmed side (\"locals\", \"students\"): "
        "in a sentence whose fight names no armed side, they make it the `unarmed_type`")
    crowd_triggers: list[Phrase] = Field(
        [], description="triggers that tell a crowd's fight where ACLED's coders say so: in a "
        "country of the rioters' `crowd_in`, an event of the type told by one of them, with "
        "no armed side and no `armed_words`, is its `unarmed_type` (rules/crowd_communal.py)")
    bomb_triggers: list[Phrase] = Field(
        [], description="triggers of the type that tell a bomb thrown or set off (\"petrol "
        "bomb\", \"crude bombs\"): with a death told in the article (`death_words`), the "
        "event is an attack on civilians (rules/crowd_bombs.py)")
    death_words: list[str] = Field(
        [], description="single words that tell someone died (\"killed\", \"succumbed\"), "
        "read with the `bomb_triggers`; for a mob's violence, words or phrases (\"to "
        "death\") whose clause makes it an attack (rules/crowds.py)")
    named_target_only: bool = Field(
        False, description="the target is only the one the role rules read at the trigger "
        "(its object, a passive's subject): no other participant of the sentence is taken "
        "for it (\"police said the rebels are behind the kidnapping\" names neither as "
        "the kidnapped), the type's `default_target` instead")
    off_duty_phrases: list[str] = Field(
        [], description="phrases that place the state's forces off duty (\"at his home\"): in "
        "the sentence, no `retype` rule reads a side of the state's forces, which is the "
        "type's `default_target` instead (ACLED: an officer attacked at home is a civilian)")
    feuds: list[Feud] = Field([], description="quarrels between neighbours told in the "
                              "sentence that make the event a fight of communal militias "
                              "(rules/steps.py `feuds`)")

    @property
    def targeting(self) -> CivilianTargeting:
        if self.civilian_targeting is not None:
            return self.civilian_targeting
        return "target" if self.violent else "never"

    def absorbs_type(self, other: EventType) -> bool:
        """Is an event of `other` in the same sentence part of this one? ACLED's hierarchy:
        a type this one `absorbs`, unless that type absorbs this one too; else a type that
        `yields_to` this one's disorder type, unless this one yields to it or that type
        absorbs this one (a bomb defused is no explosion)."""
        if other.id in self.absorbs:
            return self.id not in other.absorbs
        return self.disorder_type is not None and self.disorder_type in other.yields_to and \
            self.id not in other.absorbs and not (
                other.disorder_type is not None and other.disorder_type in self.yields_to)

    def trigger_specs(self) -> list[Trigger]:
        return [t if isinstance(t, Trigger) else Trigger(text=t) for t in self.triggers]


class CueKind(Entry):
    """A kind of cue, and what the rules do with it (`effect`): `drop` drops the trigger a
    cue reaches (negations, hypotheses, generic statements: a new kind of this effect needs
    no code), `status` sets its status, `role` marks the actors next to it, `sides` stands
    for the two sides named before; `anaphora`, `boundary`, `venue` and `speech` are words
    the rules read from tokens."""

    id: str = Field(pattern=IDENT)
    effect: CueEffect
    description: str = ""


class StatusEntry(Entry):
    """A status an event can take. Among status cues that reach one trigger, the one of
    lowest `precedence` wins; the status with no precedence is the default (`occurred`)."""

    id: str = Field(pattern=IDENT)
    precedence: int | None = Field(None, ge=1)
    description: str = ""


class Cue(Entry):
    id: str | None = Field(None, pattern=IDENT, description="names the cue, so that a later "
                           "lexicon can replace, extend or remove it")
    kind: str = Field(pattern=IDENT, description="a kind declared in `cue_kinds`")
    value: str | None = None
    scope: Literal["before", "after", "either"] = "before"
    window: int = Field(6, ge=0, le=40)
    phrases: list[Phrase] = Field(min_length=1)
    except_types: list[str] = Field([], description="event types whose triggers the cue "
                                    "does not read")
    only_types: list[str] = Field([], description="the event types whose triggers the cue "
                                  "reads, when it is about a few (instead of except_types)")

    _phrases = field_validator("phrases")(_clean_phrases)

    @model_validator(mode="after")
    def _one_type_list(self) -> Cue:
        if self.except_types and self.only_types:
            raise ValueError("a cue names except_types or only_types, not both")
        return self

    def exempt(self, type_ids: Iterable[str]) -> tuple[str, ...]:
        """The event types, of `type_ids` (every type of the lexicon), whose triggers the
        cue does not read."""
        if not self.only_types:
            return tuple(self.except_types)
        return tuple(t for t in type_ids if t not in self.only_types)


class Country(Entry):
    iso3: str = Field(pattern=ISO3)
    iso2: str = Field(pattern=r"^[A-Z]{2}$")
    name: Phrase
    aliases: list[Phrase] = []
    adjectives: list[Phrase] = Field(min_length=1)
    capitals: list[Phrase] = Field(min_length=1)


class Dated(Entry):
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Dated:
        if self.valid_from and self.valid_to and self.valid_from > self.valid_to:
            raise ValueError("valid_from is after valid_to")
        return self

    def valid_on(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to)


# An ACLED name that leads with its abbreviation ("TTP: Tehreek-i-Taliban Pakistan"): the
# abbreviation, then the full name, which is what news writes.
_ABBREVIATED = re.compile(r"^[^:]{1,24}:\s*(?P<full>\S.*)$")


def _spellings(form: str) -> list[str]:
    """A name as written, then with hyphens as blanks, then without apostrophes."""
    spaced = " ".join(form.replace("-", " ").split())
    return [form, spaced, form.replace("'", ""), spaced.replace("'", "")]


class Group(Dated):
    """A named actor: an armed group, a party, a union, an identity militia, a mission.

    `name` is the actor's name in the dataset, ACLED's where ACLED codes the actor
    ("TTP: Tehreek-i-Taliban Pakistan"); news names it by its `aliases` and by the full name
    after the abbreviation (`forms`)."""

    id: str = Field(pattern=IDENT)
    name: Phrase
    aliases: list[Phrase] = []
    adjectives: list[Phrase] = []
    actor_type: ActorType
    country: str | None = Field(None, pattern=ISO3)
    state: str | None = Field(None, pattern=ISO3)
    organ: str | None = Field(None, pattern=IDENT, description="with `state`: the organ of "
                              "that state the group is (`organs` id), when the text names "
                              "none (\"Border Security Force\": India's military)")
    party: bool = Field(False, description="a party, union or movement: named as the "
                        "associated actor of its members' protests and riots, and as its "
                        "`militia` when its members fight")
    militia: Phrase | None = Field(None, description="a party's name when its members fight "
                                   "(default: the name and \" Militia\", ACLED's form)")
    stands_for: list[Annotated[str, Field(pattern=IDENT)]] = Field(
        [], description="generic actors (`generic_actors` ids) that events of the group's "
        "country name by this group, as ACLED does: unnamed insurgents of Thailand's Deep "
        "South are Southern Muslim Separatists")

    @model_validator(mode="after")
    def _militia_of_party(self) -> Group:
        if self.organ is not None and not self.state:
            raise ValueError("only a state's group (state: ...) has an 'organ'")
        if self.militia is not None and not self.party:
            raise ValueError("only a party (party: true) has a 'militia'")
        if self.party and self.state:
            raise ValueError("a party is not a state ('state' and 'party' together)")
        return self

    def forms(self) -> list[str]:
        """Every form news may name the group by: the full name (after an abbreviation that
        leads the name, which matches only where an alias lists it), aliases, adjectives,
        each also as news spells it without hyphens or apostrophes ("Tehreek e Taliban",
        "Peoples Liberation Army"): transliterations vary, the name does not."""
        found = _ABBREVIATED.match(self.name)
        lead = found.group("full") if found else self.name
        written = [lead, *self.aliases, *self.adjectives]
        return list(dict.fromkeys(v for f in written for v in _spellings(f)))

    def militia_name(self) -> str | None:
        """The name of the party's members when they fight; None for no party."""
        if not self.party:
            return None
        return self.militia or f"{self.name} Militia"


class Regime(Dated):
    """A government of a state, between two dates: its organs carry its years in their names
    (ACLED: "Military Forces of Pakistan (2013-2018)")."""

    country: str = Field(pattern=ISO3)
    valid_from: dt.date
    years: str | None = Field(None, pattern=r"^\d{4}(-(\d{4})?)?$", description="the years "
                              "as shown, when not the years of the two dates (\"2013-2018\", "
                              "\"2021-\")")
    leader: str = Field("", description="who governed (a note for the reader)")

    def label(self) -> str:
        if self.years:
            return self.years
        end = "" if self.valid_to is None else str(self.valid_to.year)
        return f"{self.valid_from.year}-{end}"


class Person(Dated):
    name: Phrase
    aliases: list[Phrase] = []
    country: str = Field(pattern=ISO3)
    office: str = ""
    organ: str = "government"


class Organ(Entry):
    id: str = Field(pattern=IDENT)
    label: str = Field(description="actor name; {country} is replaced by the state's name")
    actor_type: ActorType
    words: list[Phrase] = Field(min_length=1)
    stateless: bool = Field(False, description="stands for a state even when no state is named "
                            "(\"the army killed\"); the state is then the event's country")
    mediator: bool = Field(False, description="the organ a state acting as mediator is named "
                           "under (one organ at most)")


class GenericActor(Entry):
    id: str = Field(pattern=IDENT)
    label: str = Field(description="actor name; {country} is replaced by the event's country, "
                       "{place} by the event's place (\"{place} Communal Militia ({country})\")")
    actor_type: ActorType
    words: list[Phrase] = Field(min_length=1)
    victims: bool = Field(False, description="named in a death toll (\"killed 12 civilians\"), "
                          "they are its victims, not a side")
    both_sides: bool = Field(False, description="the words name the two sides of a fight at "
                             "once (\"two groups of villagers clashed\"): ACLED codes the actor "
                             "as actor1 and actor2")
    doer_of: list[str] = Field([], description="ACLED event or sub-event types whose doer, "
                               "when the text "
                               "names none, ACLED names as this actor (a bomb set off by no one "
                               "named: \"Unidentified Armed Group (Country)\")")
    dead_of: list[str] = Field([], description="ACLED event or sub-event types whose target, "
                               "when the text "
                               "names none but the event killed people, ACLED names as this "
                               "actor (a bomb that killed five: \"Civilians (Country)\")")
    crowd_in: list[Annotated[str, Field(pattern=ISO3)]] = Field(
        [], description="countries whose ACLED coders code a fight between these actors as a "
        "riot of two crowds (\"Rioters\" on both sides), not a battle: a convention of the "
        "country's notes, not a rule of the codebook (rules/crowd_communal.py)")
    deadly_battle_in: list[Annotated[str, Field(pattern=ISO3)]] = Field(
        [], description="countries whose ACLED coders code a fight between these actors on "
        "both sides that killed someone as a battle of the groups behind them (their "
        "militias, or communal militias), not a riot (rules/crowd_communal.py)")
    party_attack_in: list[Annotated[str, Field(pattern=ISO3)]] = Field(
        [], description="countries whose ACLED coders code a party's men attacking people "
        "of a party (another's or their own) as violence against civilians by the party, "
        "not a riot of two crowds: a convention of the country's notes (rules/crowds.py)")

    @field_validator("label")
    @classmethod
    def _known_fields(cls, label: str) -> str:
        unknown = set(re.findall(r"\{([^}]*)\}", label)) - {"country", "place"}
        if unknown:
            raise ValueError(f"label: unknown field(s) {sorted(unknown)}; "
                             "{country} and {place} are known")
        return label


class Place(Entry):
    name: Phrase
    aliases: list[Phrase] = []
    kind: Literal["town", "district", "province", "crossing", "border", "region", "feature"]
    country: str = Field(pattern=ISO3)
    countries: list[Annotated[str, Field(pattern=ISO3)]] = []
    admin1: str | None = None
    admin2: str | None = None  # a town's district (former units are read from it)
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    geo_precision: int = Field(ge=1, le=3)

    @model_validator(mode="after")
    def _borders_only(self) -> Place:
        if self.countries and self.kind != "border":
            raise ValueError("only a border has 'countries'")
        if self.kind == "border" and len(self.countries) != 2:
            raise ValueError("a border needs 'countries' with the two states")
        return self


# The top-level key of a YAML file says which entry type its list holds.
SECTIONS: dict[str, type[Entry]] = {
    "event_types": EventType,
    "cue_kinds": CueKind,
    "statuses": StatusEntry,
    "cues": Cue,
    "countries": Country,
    "groups": Group,
    "people": Person,
    "organs": Organ,
    "generic_actors": GenericActor,
    "places": Place,
    "regimes": Regime,
}
