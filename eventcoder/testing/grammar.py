"""The grammar of news sentences: templates per event type and status, dates, tolls, and
the variants (aliases, negation, conditions) the properties compare."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

from hypothesis import strategies as st

from ..resolve.dates import date_from_publication, plausible
from .expected import ExpectedEvent
from .forms import PlaceForm, StateForm
from .words import GOVERNMENT_WORDS, MILITARY_WORDS, MONTHS, NUMBER_WORDS, PUBLISHED, WEEKDAYS

Tense = Literal["past", "future", "none"]


@dataclass(frozen=True)
class Template:
    """One construction. Slots: {A} {B} (sides), {M} (mediator), {C} (a state named that is
    neither: an accuser, a caller), {where}, {when}, {toll}.

    `adjective` names the side slots written as "<adjective> <organ word>"; `coordinated`
    writes both sides as "<adjective A> and <adjective B> <organ word>" (slot {AB});
    `doer` names the slot that is actor1 of a one-sided event (a type whose structure is
    one_sided in the lexicon). `future` is the same construction in the future tense (a
    planned event), and `lead` says the sentence
    starts with the trigger or a word before it, close enough for a negation or a condition
    prefixed to the sentence to reach it.
    """

    id: str
    event_type: str
    status: str
    text: str
    tense: Tense = "past"
    sides: tuple[str, ...] = ("A", "B")
    mediators: tuple[str, ...] = ()
    adjective: tuple[str, ...] = ()
    coordinated: bool = False
    organ_words: tuple[str, ...] = ()
    doer: str | None = None
    where: bool = True
    when: bool = True
    toll: bool = False
    future: str | None = None
    lead: bool = False
    border: bool = False

    @property
    def slots(self) -> tuple[str, ...]:
        return (*self.sides, *self.mediators)

    @property
    def symmetric(self) -> bool:
        """Two sides whose order in the text is their order in the table."""
        return len(self.sides) == 2 and self.doer is None


def _t(*args: Any, **kwargs: Any) -> Template:
    return Template(*args, **kwargs)


TEMPLATES: tuple[Template, ...] = (
    # --- clash: dyadic, violent (fatalities 0 when none are reported) -----------------
    _t("clash_exchanged_fire", "clash", "occurred",
       "{A} and {B} exchanged fire{where}{when}{toll}.", toll=True,
       future="{A} and {B} will exchange fire{where}{when}.", lead=True),
    _t("clash_border", "clash", "occurred",
       "{A} and {B} exchanged fire along the border{when}{toll}.", toll=True, where=False,
       border=True, lead=True),
    _t("clash_fighting_broke_out", "clash", "occurred",
       "Fighting between {A} and {B} broke out{where}{when}{toll}.", toll=True, lead=True),
    _t("clash_traded_fire", "clash", "occurred",
       "{A} and {B} traded fire{where}{when}{toll}.", toll=True, lead=True),
    _t("clash_with", "clash", "occurred",
       "{A} clashed with {B}{where}{when}{toll}.", adjective=("A", "B"),
       organ_words=MILITARY_WORDS, toll=True, lead=True),
    _t("clash_coordinated", "clash", "occurred",
       "{AB} clashed{where}{when}{toll}.", coordinated=True, organ_words=MILITARY_WORDS,
       toll=True, lead=True),
    _t("clash_possessive", "clash", "occurred",
       "{A}'s army and {B}'s army clashed{where}{when}{toll}.", toll=True),
    # --- airstrike: one-sided --------------------------------------------------------
    _t("airstrike_jets", "airstrike", "occurred",
       "{A} struck targets{where}{when}{toll}.", sides=("A",), adjective=("A",),
       organ_words=("jets", "warplanes"), doer="A", toll=True, lead=True),
    _t("airstrike_carried_out", "airstrike", "occurred",
       "{A} carried out airstrikes{where}{when}{toll}.", sides=("A",), doer="A", toll=True,
       lead=True),
    _t("airstrike_drone_strikes", "airstrike", "occurred",
       "{A} launched drone strikes{where}{when}{toll}.", sides=("A",), doer="A", toll=True,
       future="{A} will launch drone strikes{where}{when}.", lead=True),
    _t("airstrike_accused", "airstrike", "alleged",
       "{C} accused {A} of carrying out airstrikes{where}{when}.", sides=("A",),
       doer="A"),
    # --- ceasefire: dyadic ------------------------------------------------------------
    _t("ceasefire_brokered_collapsed", "ceasefire", "failed",
       "A ceasefire between {A} and {B} brokered by {M} collapsed{when}.",
       mediators=("M",), where=False, lead=True),
    _t("ceasefire_agreed", "ceasefire", "occurred",
       "{A} and {B} agreed to a ceasefire{when}.", where=False,
       future="{A} and {B} will agree to a ceasefire{when}."),
    _t("ceasefire_signed", "ceasefire", "occurred",
       "{A} and {B} signed a ceasefire agreement{when}.", where=False),
    _t("ceasefire_brokered_agreed", "ceasefire", "occurred",
       "{A} and {B} agreed to a truce brokered by {M}{when}.", mediators=("M",), where=False),
    _t("ceasefire_took_effect", "ceasefire", "occurred",
       "A truce between {A} and {B} took effect{when}.", where=False, lead=True,
       future="A truce between {A} and {B} will take effect{when}."),
    _t("ceasefire_violated", "ceasefire", "failed",
       "{A} and {B} violated the ceasefire{when}.", where=False),
    # the caller is neither a side nor a mediator
    _t("ceasefire_urged", "ceasefire", "called_for",
       "{C} urged {A} and {B} to agree a ceasefire.", mediators=(), where=False,
       when=False),
    # --- negotiation: dyadic -----------------------------------------------------------
    _t("talks_held", "negotiation", "occurred",
       "{A} and {B} held talks{where}{when}.",
       future="{A} and {B} will hold talks{where}{when}.", lead=True),
    _t("talks_will_hold", "negotiation", "planned",
       "{A} and {B} will hold talks{where}{when}.", tense="future"),
    _t("talks_scheduled", "negotiation", "planned",
       "{A} and {B} are scheduled to hold talks{where}{when}.", tense="future"),
    _t("talks_set_to", "negotiation", "planned",
       "{A} and {B} are set to hold talks{where}{when}.", tense="future"),
    _t("talks_officials", "negotiation", "occurred",
       "{AB} held talks{where}{when}.", coordinated=True, organ_words=GOVERNMENT_WORDS),
    _t("talks_collapsed", "negotiation", "failed",
       "Talks between {A} and {B} collapsed{when}.", where=False, lead=True),
    _t("talks_will_resume", "negotiation", "planned",
       "Talks between {A} and {B} will resume{where}{when}.", tense="future", lead=True),
    _t("talks_delegations_hosted", "negotiation", "occurred",
       "Delegations from {A} and {B} met{where}{when} for peace talks hosted by {M}.",
       mediators=("M",)),
    _t("talks_hosted", "negotiation", "occurred",
       "{M} hosted talks between {A} and {B}{where}{when}.", mediators=("M",), lead=True),
    # --- mediation offer ------------------------------------------------------------------
    _t("offer_mediate", "mediation_offer", "occurred",
       "{M} offered to mediate between {A} and {B}{when}.", mediators=("M",), where=False,
       lead=True),
    _t("offer_ready", "mediation_offer", "occurred",
       "{M} said it was ready to mediate between {A} and {B}.", mediators=("M",),
       where=False, when=False, lead=True),
    _t("offer_willing", "mediation_offer", "occurred",
       "{M} is willing to mediate between {A} and {B}.", mediators=("M",), where=False,
       when=False, lead=True),
    _t("offer_host", "mediation_offer", "occurred",
       "{M} offered to host talks between {A} and {B}.", mediators=("M",), where=False,
       when=False, lead=True),
    _t("offer_urged_table", "mediation_offer", "occurred",
       "{M} urged {A} and {B} to return to the negotiating table.", mediators=("M",),
       where=False, when=False),
)

# Contractions too, written with either apostrophe by the tests: the coder once read
# "isn't" only as a word of its own, not as the "not" of "not true that".
NEGATIONS = ("Officials denied that ", "Witnesses denied that ", "It is not true that ",
             "It isn't true that ", "It wasn't true that ")
CONDITIONS = ("If ", "Unless ")
CONDITION_ENDS = (", schools would close.", ", the harvest would suffer.")


@dataclass(frozen=True)
class DatePhrase:
    """A date as written; what it means depends on the publication date and the tense.

    kind: weekday, yesterday, last week, next week (relative), day or month (absolute)."""

    kind: str
    text: str
    weekday: int | None = None
    day: dt.date | None = None

    def resolve(self, published: dt.date | None, future: bool
                ) -> tuple[dt.date | None, int | None]:
        if self.kind in {"day", "month"}:
            if self.day is None or not plausible(self.day, published):
                return None, None  # the coder leaves an implausible event date unresolved
            return self.day, 1 if self.kind == "day" else 3
        if published is None:
            return None, None  # a relative date needs a publication date
        if self.kind == "weekday":
            assert self.weekday is not None
            if future:
                ahead = (self.weekday - published.weekday()) % 7
                return published + dt.timedelta(days=ahead or 7), 1
            return published - dt.timedelta(days=(published.weekday() - self.weekday) % 7), 1
        if self.kind == "yesterday":
            return published - dt.timedelta(days=1), 1
        monday = published - dt.timedelta(days=published.weekday())
        if self.kind == "last week":
            return monday - dt.timedelta(days=7), 2
        if self.kind == "next week":
            return monday + dt.timedelta(days=7), 2
        raise ValueError(self.kind)


@st.composite
def dates(draw: Any, tense: Tense = "past", published: dt.date | None = PUBLISHED
          ) -> DatePhrase:
    """A date phrase fit for the tense (" on Monday", " last week", " on 3 June 2025")."""
    kinds = ["weekday", "day", "month"]
    if tense == "past":
        kinds += ["yesterday", "last week"]
    elif tense == "future":
        kinds += ["next week"]
    kind = draw(st.sampled_from(kinds))
    if kind in {"day", "month"}:
        year = draw(st.integers(2015, 2030))
        month = draw(st.sampled_from(range(1, len(MONTHS) + 1)))
        name = MONTHS[month - 1]
        if kind == "month":
            return DatePhrase("month", f" in {name} {year}", day=dt.date(year, month, 1))
        day = draw(st.integers(1, 28))
        text = draw(st.sampled_from([f"{day} {name} {year}", f"{name} {day}, {year}"]))
        return DatePhrase("day", f" on {text}", day=dt.date(year, month, day))
    if kind == "weekday":
        # Half the time the weekday of publication: the edge of "the same day counts".
        same = published.weekday() if published is not None else 4
        weekday = draw(st.one_of(st.just(same), st.integers(0, 6)))
        return DatePhrase("weekday", f" on {WEEKDAYS[weekday]}", weekday=weekday)
    return DatePhrase(kind, f" {kind}")


@st.composite
def toll_phrases(draw: Any) -> tuple[str, int]:
    n = draw(st.integers(1, 60))
    written = NUMBER_WORDS[n] if n < len(NUMBER_WORDS) and draw(st.booleans()) else str(n)
    lead = draw(st.sampled_from(["", "at least "]))
    who = draw(st.sampled_from(["soldiers", "people", "civilians", "fighters"]))
    return f", killing {lead}{written} {who}", n


@dataclass(frozen=True)
class GeneratedSentence:
    """A generated sentence, the events it must code to, and how it was made.

    The other fields let a test rewrite the sentence and know the new expected events:
    `forms` maps each actor slot to the `StateForm` written there, `place`/`near` the place
    and its preposition, `when` the date phrase, `toll` the death toll phrase; `violent`
    says the lexicon's type is violent (its events carry a toll, 0 when none is reported)."""

    text: str
    published: dt.date | None
    expected: tuple[ExpectedEvent, ...]
    template: Template
    forms: tuple[tuple[str, StateForm], ...] = ()
    organ_word: str | None = None
    place: PlaceForm | None = None
    near: bool = False
    when: DatePhrase | None = None
    toll: tuple[str, int] | None = None
    future: bool = False
    violent: bool = False

    @property
    def states(self) -> dict[str, str]:
        return {slot: form.iso3 for slot, form in self.forms}

    def _remake(self, **changes: Any) -> "GeneratedSentence":
        return make_sentence(replace(self, **changes))

    def with_forms(self, changes: Mapping[str, StateForm], same_state: bool = True
                   ) -> "GeneratedSentence":
        """The same sentence with other forms of the same states in some slots (with
        `same_state=False`, other states: the expected events follow)."""
        forms = dict(self.forms)
        for slot, form in changes.items():
            if same_state and forms[slot].iso3 != form.iso3:
                raise ValueError(f"{form.text} is not a form of {forms[slot].iso3}")
            forms[slot] = form
        return self._remake(forms=tuple(forms.items()))

    def swapped(self) -> "GeneratedSentence":
        """The sentence with the forms in slots A and B exchanged."""
        forms = dict(self.forms)
        forms["A"], forms["B"] = forms["B"], forms["A"]
        return self._remake(forms=tuple(forms.items()))

    def in_future(self) -> "GeneratedSentence":
        """The same construction in the future tense: its events are planned, its weekday
        the next one, and it reports no toll."""
        if self.template.future is None:
            raise ValueError(f"{self.template.id} has no future tense")
        return self._remake(future=True, toll=None)


def make_sentence(s: GeneratedSentence) -> GeneratedSentence:
    """Render the text and the expected events of a sentence from its parts."""
    t = s.template
    forms = dict(s.forms)
    values = {k: "" for k in ("where", "when", "toll")}  # optional; a missing slot raises
    for slot, form in forms.items():
        values[slot] = f"{form.text} {s.organ_word}" if slot in t.adjective else form.text
    if t.coordinated:
        values["AB"] = f"{forms['A'].text} and {forms['B'].text} {s.organ_word}"
    if s.place is not None and not t.border:
        values["where"] = f" {'near' if s.near else 'in'} {s.place.text}"
    if s.when is not None:
        values["when"] = s.when.text
    if s.toll is not None:
        values["toll"] = s.toll[0]
    text = (t.future if s.future else t.text).format(**values)  # type: ignore[union-attr]
    future = s.future or t.tense == "future"
    event_date, precision = s.when.resolve(s.published, future) if s.when else (None, None)
    if event_date is None:  # no date the text gives: the publication's (resolve.dates)
        event_date, precision = date_from_publication(None, s.published) or (None, None)
    fatalities = None
    if s.violent:
        fatalities = s.toll[1] if s.toll else 0
    location = iso3 = geo = None
    if s.place is not None:
        location, iso3 = s.place.name, s.place.iso3
        geo = max(2, s.place.geo_precision) if s.near and s.place.geo_precision < 3 \
            else s.place.geo_precision
    expected = ExpectedEvent(
        event_type=t.event_type, status="planned" if s.future else t.status,
        sides=frozenset(forms[x].iso3 for x in t.sides),
        mediators=frozenset(forms[x].iso3 for x in t.mediators),
        location=location, iso3=iso3, geo_precision=geo, event_date=event_date,
        time_precision=precision, fatalities=fatalities,
        actor1=forms[t.doer].iso3 if t.doer else None)
    return replace(s, text=text, expected=(expected,))


def lead_lower(sentence: GeneratedSentence) -> str:
    """The sentence with its first letter lowered where the template starts with a common
    word ("A truce", "Talks"), to follow a prefix."""
    text = sentence.text
    return text[0].lower() + text[1:] if sentence.template.text.startswith(("A ", "Talks")) \
        else text


def negated(sentence: GeneratedSentence, prefix: str = NEGATIONS[0]) -> str:
    """The sentence after a denial: "Officials denied that <sentence>"."""
    return prefix + lead_lower(sentence)


def conditional(sentence: GeneratedSentence, prefix: str = CONDITIONS[0],
                end: str = CONDITION_ENDS[0]) -> str:
    """The sentence as a condition: "If <sentence>, prices would rise."."""
    return prefix + lead_lower(sentence).rstrip(".") + end


