"""Hypothesis strategies: generated news sentences, articles and event tables that know
which events they must code to.

Needs the test extra: ``pip install eventcoder[test]`` (it imports ``hypothesis``).

Every strategy takes a loaded `eventcoder.Coder` (or its ``.lexicon`` where no gazetteer is
needed), so you can generate from your own lexicons::

    from hypothesis import given
    import eventcoder
    from eventcoder.strategies import observed, sentences

    coder = eventcoder.Coder(extra_lexicons=["my_lexicon/"])

    @given(sentences(coder, event_type="clash"))
    def test_clashes(s):
        events = coder.code_texts([s.text], published=s.published)
        assert observed(events) == list(s.expected)

The grammar is small on purpose: a few constructions per event type and status that the
rules are meant to handle, filled with states (by name, alias, capital or adjective), places
and dates drawn from the lexicon, and numbers. It avoids, by construction, what would make
the expected events ambiguous rather than wrong: names that are also common English words,
abbreviations (matched case-sensitively by design), long official names, places whose name
is also an actor or a lexicon phrase, and pairs of sides that include another country with a
place of the same name.

Dates are relative to a publication date (by default `PUBLISHED`, a Friday): a weekday in
the past tense is the most recent such day (the same day counts), in the future tense the
next one (the same day a week later); "last week"/"next week" is the Monday of that week
(time precision 2), "in January 2025" the first of the month (precision 3).

`event_tables()` builds valid event tables by hand: pandera's own
``EventSchema.strategy()`` cannot satisfy this model (object list columns with an
element-wise check, the unique hexadecimal id and the table-wide offset checks make it
filter every draw away).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

import pandas as pd
from hypothesis import strategies as st

from .lexicon import Lexicon
from .lexicon.model import STATUSES

__all__ = [
    "PUBLISHED", "ExpectedEvent", "GeneratedArticle", "GeneratedSentence", "PlaceForm",
    "StateForm", "Template", "TEMPLATES", "actors", "alias_variants", "articles",
    "event_tables", "fillers", "observed", "places", "sentences", "signature",
]

PUBLISHED = dt.date(2026, 3, 6)  # a Friday

# Names that are also common English words or given names: a coder may rightly read them
# otherwise, so the grammar leaves them out.
COMMON_WORDS = frozenset("""
chad jordan georgia guinea niger polish male victoria kingston jersey china japan turkey
""".split()) - {"turkey"}  # "Turkey" stays: its aliases are the classic alias swap

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve")

MILITARY_WORDS = ("troops", "forces", "soldiers")
GOVERNMENT_WORDS = ("officials", "diplomats", "negotiators")

# Sentences and clauses that name no event, actor, place, date or cue (nor a word of another
# domain, such as markets or sport).
FILLERS = (
    "The weather was mild.",
    "Schools reopened after the holiday.",
    "Local newspapers carried the story.",
    "Traffic was heavy on the main road.",
    "The museum reopened to visitors.",
    "Rain fell through the night.",
)
HEADLINES = ("Regional roundup", "News in brief", "The week in review", "Morning briefing")
NEUTRAL_CLAUSES = ("according to local media", "a local newspaper reported",
                   "the report said")


# --- what a sentence must code to --------------------------------------------------------


@dataclass(frozen=True)
class ExpectedEvent:
    """The fields of one event a generated sentence pins down.

    `sides` are codes: a state by its ISO code, any other actor by its name. `actor1` is the
    code of the first side where order carries meaning (the doer of a one-sided event).
    """

    event_type: str
    status: str
    sides: frozenset[str]
    mediators: frozenset[str] = frozenset()
    location: str | None = None
    iso3: str | None = None
    geo_precision: int | None = None
    event_date: dt.date | None = None
    time_precision: int | None = None
    fatalities: int | None = None
    actor1: str | None = None


def _code(name: Any, iso3: Any, inter: Any) -> str | None:
    if name is None or (isinstance(name, float) and pd.isna(name)):
        return None
    if iso3 is not None and not (isinstance(iso3, float) and pd.isna(iso3)) and \
            not pd.isna(inter) and int(inter) == 1:
        return str(iso3)
    return str(name)


def _none(value: Any) -> Any:
    if value is None:
        return None
    try:
        return None if pd.isna(value) else value
    except (TypeError, ValueError):
        return value


def signature(row: Mapping[str, Any], ordered: bool = False) -> ExpectedEvent:
    """The `ExpectedEvent` view of one coded row (a dict of the event table's columns).

    With `ordered`, `actor1` is filled for every event, so side order can be compared."""
    a1 = _code(_none(row["actor1"]), _none(row["actor1_iso3"]), row["inter1"])
    a2 = _code(_none(row["actor2"]), _none(row["actor2_iso3"]), row["inter2"])
    date = _none(row["event_date"])
    precision = _none(row["time_precision"])
    fatalities = _none(row["fatalities"])
    geo = _none(row["geo_precision"])
    one_sided = a1 is not None and a2 is None
    return ExpectedEvent(
        event_type=row["event_type"], status=row["status"],
        sides=frozenset(c for c in (a1, a2) if c),
        mediators=frozenset(row["mediators_iso3"] if row["mediators_iso3"] is not None else ()),
        location=_none(row["location"]), iso3=_none(row["iso3"]),
        geo_precision=None if geo is None else int(geo),
        event_date=None if date is None else pd.Timestamp(date).date(),
        time_precision=None if precision is None else int(precision),
        fatalities=None if fatalities is None else int(fatalities),
        actor1=a1 if (ordered or one_sided) else None)


def observed(events: pd.DataFrame | Iterable[Mapping[str, Any]], ordered: bool = False
             ) -> list[ExpectedEvent]:
    """The coded events as `ExpectedEvent`s, in table order; compare with `.expected`."""
    rows = events.to_dict("records") if isinstance(events, pd.DataFrame) else list(events)
    return [signature(r, ordered) for r in rows]


# --- what the lexicon offers -------------------------------------------------------------


@dataclass(frozen=True)
class StateForm:
    """One way to write a state. kind: "name" (name or alias), "capital" or "adjective"."""

    iso3: str
    text: str
    kind: Literal["name", "capital", "adjective"]


@dataclass(frozen=True)
class PlaceForm:
    """A place as written and the location it must resolve to."""

    text: str
    name: str
    iso3: str
    geo_precision: int
    kind: str
    other_countries: frozenset[str] = frozenset()  # countries with a place of the same name


@dataclass(frozen=True)
class _Pools:
    nouns: dict[str, tuple[StateForm, ...]]
    short_nouns: dict[str, tuple[StateForm, ...]]   # one-word names and capitals
    adjectives: dict[str, tuple[StateForm, ...]]
    places: tuple[PlaceForm, ...]
    borders: tuple[tuple[str, str, str, str], ...]  # iso3 a, iso3 b, border name, its iso3


_FORM_OK = re.compile(r"^[^\W\d_]+(?:[ -](?:d')?[^\W\d_]+){0,2}$")  # "Côte d'Ivoire" too
_LONG_FORM = re.compile(r"(?i)\b(republic|kingdom|state|emirate|federation|commonwealth|"
                        r"union|principality|federal|democratic|people|islamic|sultanate)\b")


def _lexicon_of(source: Any) -> Lexicon:
    return source.lexicon if hasattr(source, "lexicon") else source


def _phrases(lexicon: Lexicon) -> set[str]:
    """Folded phrases that are not state names: triggers, cues, organs, groups, people."""
    out: set[str] = set()
    for t in lexicon.event_types:
        out.update(s.text.lower() for s in t.trigger_specs())
    for c in lexicon.cues:
        out.update(p.lower() for p in c.phrases)
    for o in lexicon.organs:
        out.update(w.lower() for w in o.words)
    for a in lexicon.generic_actors:
        out.update(w.lower() for w in a.words)
    for g in lexicon.groups:
        out.update(n.lower() for n in (g.name, *g.aliases, *g.adjectives))
    for p in lexicon.people:
        out.update(n.lower() for n in (p.name, *p.aliases))
    return out


def _fold(text: str) -> str:
    from .text import Folder

    return Folder().fold(text)


def _form_usable(text: str, taken: set[str]) -> bool:
    folded = _fold(text)
    letters = [c for c in text if c.isalpha()]
    if not _FORM_OK.match(text) or all(c.isupper() for c in letters):
        return False  # punctuation, digits, abbreviations
    if any(w[:1].islower() and not w.startswith("d'") for w in text.split()):
        return False  # "Antigua and Barbuda": a connector inside the name
    if _LONG_FORM.search(text) or folded in COMMON_WORDS or folded in taken:
        return False
    return True


_POOLS: dict[int, tuple[Any, _Pools]] = {}


def _pools_for(coder: Any) -> _Pools:
    """What the grammar draws from, computed once per Coder or Lexicon (by identity)."""
    cached = _POOLS.get(id(coder))
    if cached is None or cached[0] is not coder:
        cached = _POOLS[id(coder)] = (coder, _make_pools(coder))
    return cached[1]


def _make_pools(coder: Any) -> _Pools:
    lexicon: Lexicon = _lexicon_of(coder)
    gazetteer = getattr(coder, "gazetteer", None)
    phrases = _phrases(lexicon)
    countries = lexicon.countries
    all_forms: dict[str, str] = {}
    for c in countries:
        for text in (c.name, *c.aliases, *c.adjectives, *c.capitals):
            all_forms.setdefault(_fold(text), c.iso3)
    # A form containing another state's form ("Papua New Guinea", "South Sudan") is left out,
    # and so is a form that other forms contain (its meaning depends on the neighbours).
    def nested(text: str, iso3: str) -> bool:
        words = _fold(text).split()
        for other, owner in all_forms.items():
            if owner == iso3 or other == _fold(text):
                continue
            o = other.split()
            for i in range(len(words) - len(o) + 1):
                if words[i:i + len(o)] == o:
                    return True
            for i in range(len(o) - len(words) + 1):
                if o[i:i + len(words)] == words:
                    return True
        return False

    nouns: dict[str, list[StateForm]] = {}
    adjectives: dict[str, list[StateForm]] = {}
    for c in countries:
        for kind, texts in (("name", (c.name, *c.aliases)), ("capital", c.capitals),
                            ("adjective", c.adjectives)):
            for text in texts:
                if not _form_usable(text, phrases) or nested(text, c.iso3):
                    continue
                if kind == "capital" and gazetteer is not None and any(
                        r.iso3 != c.iso3 and r.kind != "country"
                        for r in gazetteer.candidates(_fold(text))):
                    continue  # "Kingston": a town of another country too
                bucket = adjectives if kind == "adjective" else nouns
                form = StateForm(c.iso3, text, kind)  # type: ignore[arg-type]
                bucket.setdefault(c.iso3, []).append(form)
    usable = set(nouns) & set(adjectives)
    # Places: curated places that are not also an actor or a lexicon phrase.
    place_forms: list[PlaceForm] = []
    borders: list[tuple[str, str, str, str]] = []
    seen_pairs: set[frozenset[str]] = set()
    for p in lexicon.places:
        if p.kind == "border":
            pair = frozenset(p.countries)
            if len(pair) == 2 and pair <= usable and pair not in seen_pairs:
                seen_pairs.add(pair)  # the first border of a pair is the one the coder uses
                a, b = p.countries
                borders.append((a, b, p.name, p.country))
            continue
        folded = _fold(p.name)
        if not _FORM_OK.match(p.name) or folded in phrases or folded in all_forms or \
                folded in COMMON_WORDS or any(w in phrases for w in folded.split()):
            continue
        others: set[str] = set()
        if gazetteer is not None:
            records = gazetteer.candidates(folded)
            if not records or records[0].name != p.name or records[0].iso3 != p.country:
                continue  # another place of this name would win
            others = {r.iso3 for r in records if r.iso3 != p.country}
        place_forms.append(PlaceForm(p.name, p.name, p.country, p.geo_precision, p.kind,
                                     frozenset(others)))
    return _Pools(
        nouns={k: tuple(v) for k, v in sorted(nouns.items()) if k in usable},
        short_nouns={k: tuple(f for f in v if " " not in f.text and "-" not in f.text)
                     for k, v in sorted(nouns.items()) if k in usable},
        adjectives={k: tuple(v) for k, v in sorted(adjectives.items()) if k in usable},
        places=tuple(sorted(place_forms, key=lambda p: p.name)),
        borders=tuple(borders))


def actors(coder: Any, kind: Literal["noun", "adjective", "any"] = "any"
           ) -> st.SearchStrategy[StateForm]:
    """A state as written (name, alias, capital or adjective) with its ISO code."""
    pools = _pools_for(coder)
    forms: list[StateForm] = []
    if kind in {"noun", "any"}:
        forms.extend(f for v in pools.nouns.values() for f in v)
    if kind in {"adjective", "any"}:
        forms.extend(f for v in pools.adjectives.values() for f in v)
    return st.sampled_from(forms)


def places(coder: Any) -> st.SearchStrategy[PlaceForm]:
    """A curated place of the lexicon whose name is unambiguous, with its location."""
    return st.sampled_from(_pools_for(coder).places)


def fillers() -> st.SearchStrategy[str]:
    """A sentence that codes to nothing."""
    return st.sampled_from(FILLERS)


# --- the grammar -------------------------------------------------------------------------


Tense = Literal["past", "future", "none"]


@dataclass(frozen=True)
class Template:
    """One construction. Slots: {A} {B} (sides), {M} (mediator), {C} (a state named that is
    neither: an accuser, a caller), {where}, {when}, {toll}.

    `adjective` names the side slots written as "<adjective> <organ word>"; `coordinated`
    writes both sides as "<adjective A> and <adjective B> <organ word>" (slot {AB});
    `doer` names the slot that is actor1 of a one-sided event. `future` is the same
    construction in the future tense (a planned event), `short_names` keeps to one-word
    names (the cue of the construction has a short reach), and `lead` says the sentence
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
    short_names: bool = False
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

# Types whose events carry a death toll (0 when none is reported).
_VIOLENT_TYPES = frozenset({"clash", "airstrike"})

# Months and days a date may not use, for a coder that misreads them. The bundled coder
# reads them all (it once took "May" for the cue "may", and "August", "October 6" and
# "28 May" for towns: see the regression tests in tests/test_rule_properties.py).
AVOIDED_MONTHS: frozenset[str] = frozenset()
# (month, day) pairs left out, as AVOIDED_MONTHS.
AVOIDED_DAYS: frozenset[tuple[int, int]] = frozenset()

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
        if self.kind == "day":
            return self.day, 1
        if self.kind == "month":
            return self.day, 3
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
        month = draw(st.sampled_from([i for i, m in enumerate(MONTHS, 1)
                                      if m not in AVOIDED_MONTHS]))
        name = MONTHS[month - 1]
        if kind == "month":
            return DatePhrase("month", f" in {name} {year}", day=dt.date(year, month, 1))
        day = draw(st.integers(1, 28).filter(lambda d: (month, d) not in AVOIDED_DAYS))
        text = draw(st.sampled_from([f"{day} {name} {year}", f"{name} {day}, {year}"]))
        return DatePhrase("day", f" on {text}", day=dt.date(year, month, day))
    if kind == "weekday":
        # Half the time the weekday of publication: the edge of "the same day counts".
        same = published.weekday() if published is not None else 4
        weekday = draw(st.one_of(st.just(same), st.integers(0, 6)))
        return DatePhrase("weekday", f" on {WEEKDAYS[weekday]}", weekday=weekday)
    return DatePhrase(kind, f" {kind}")


@st.composite
def _toll_phrase(draw: Any) -> tuple[str, int]:
    n = draw(st.integers(1, 60))
    written = NUMBER_WORDS[n] if n < len(NUMBER_WORDS) and draw(st.booleans()) else str(n)
    lead = draw(st.sampled_from(["", "at least "]))
    who = draw(st.sampled_from(["soldiers", "people", "civilians", "fighters"]))
    return f", killing {lead}{written} {who}", n


def _allowed(lexicon: Lexicon, template: Template, status: str | None = None) -> bool:
    types = {t.id: t for t in lexicon.event_types}
    event_type = types.get(template.event_type)
    if event_type is None:
        return False
    return (status or template.status) in getattr(event_type, "statuses", STATUSES)


def _templates(coder: Any, event_type: str | None, status: str | None,
               templates: Sequence[Template] | None) -> list[Template]:
    lexicon = _lexicon_of(coder)
    pool = list(TEMPLATES if templates is None else templates)
    chosen = [t for t in pool if (event_type is None or t.event_type == event_type)
              and (status is None or t.status == status) and _allowed(lexicon, t)]
    if not chosen:
        raise ValueError(f"no template for event_type={event_type!r}, status={status!r}")
    return chosen


@dataclass(frozen=True)
class GeneratedSentence:
    """A generated sentence, the events it must code to, and how it was made.

    The other fields let a test rewrite the sentence and know the new expected events:
    `forms` maps each actor slot to the `StateForm` written there, `place`/`near` the place
    and its preposition, `when` the date phrase, `toll` the death toll phrase."""

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
    short: bool = False

    @property
    def states(self) -> dict[str, str]:
        return {slot: form.iso3 for slot, form in self.forms}

    def _remake(self, **changes: Any) -> "GeneratedSentence":
        return _make(replace(self, **changes))

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


def _make(s: GeneratedSentence) -> GeneratedSentence:
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
    fatalities = None
    if t.event_type in _VIOLENT_TYPES:
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


@st.composite
def sentences(draw: Any, coder: Any, event_type: str | None = None,
              status: str | None = None, published: dt.date | None | str = PUBLISHED,
              templates: Sequence[Template] | None = None,
              future: bool | None = None, short: bool = False) -> GeneratedSentence:
    """A generated sentence with the events it must yield.

    `published`: the publication date it is coded against (`PUBLISHED` by default; None
    for none, so relative dates resolve to nothing; "draw" to draw one). `templates`
    replaces the bundled grammar (`TEMPLATES`). `future=True` puts a construction that has
    a future tense into it (its events are planned); the default keeps the template's.
    `short=True` writes every state in one word."""
    if status is not None and status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    pools = _pools_for(coder)
    choices = _templates(coder, event_type, status, templates)
    if future:
        choices = [t for t in choices if t.future and _allowed(_lexicon_of(coder), t, "planned")]
        if not choices:
            raise ValueError("no template with a future tense")
    template = draw(st.sampled_from(choices))
    if published == "draw":
        published = draw(st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 31)))
    place = None
    near = False
    if template.where and draw(st.booleans()):
        place = draw(st.sampled_from(pools.places))
        near = draw(st.booleans())
    excluded = set(place.other_countries) if place else set()
    slots = (*template.slots, *(["C"] if "{C}" in template.text else []))
    short = short or template.short_names
    isos = [i for i in pools.nouns if i not in excluded and (
        not short or (pools.short_nouns.get(i) and _one_word(pools.adjectives[i])))]
    fixed: list[str] = []
    if template.border:
        usable = [b for b in pools.borders if all(x in isos for x in b[:2])]
        a, b, name, iso3 = draw(st.sampled_from(usable))
        fixed = [a, b] if draw(st.booleans()) else [b, a]
        place = PlaceForm("the border", name, iso3, 3, "border")
        isos = [i for i in isos if i not in fixed]
    chosen = fixed + draw(st.lists(st.sampled_from(isos), min_size=len(slots) - len(fixed),
                                   max_size=len(slots) - len(fixed), unique=True))
    organ_word = draw(st.sampled_from(template.organ_words)) if template.organ_words else None
    forms: dict[str, StateForm] = {}
    for slot, iso3 in zip(slots, chosen):
        adjectival = slot in template.adjective or (template.coordinated and slot in "AB")
        pool = pools.adjectives[iso3] if adjectival else (
            pools.short_nouns[iso3] if short else pools.nouns[iso3])
        if short:
            pool = _one_word(pool)
        forms[slot] = draw(st.sampled_from(pool))
    tense: Tense = "future" if future else template.tense
    when = draw(dates(tense, published)) if template.when and draw(st.booleans()) else None
    toll = draw(_toll_phrase()) if template.toll and not future and draw(st.booleans()) \
        else None
    return _make(GeneratedSentence(
        text="", published=published, expected=(), template=template,  # type: ignore[arg-type]
        forms=tuple(forms.items()), organ_word=organ_word, place=place, near=near,
        when=when, toll=toll, future=bool(future), short=short))


def _one_word(forms: Sequence[StateForm]) -> tuple[StateForm, ...]:
    return tuple(f for f in forms if " " not in f.text and "-" not in f.text)


def alias_variants(coder: Any, sentence: GeneratedSentence
                   ) -> st.SearchStrategy[GeneratedSentence]:
    """The same sentence with its states written in other ways (Turkey, Türkiye, Ankara)."""
    pools = _pools_for(coder)
    options = {}
    for slot, form in sentence.forms:
        if form.kind == "adjective":
            pool = pools.adjectives[form.iso3]
        else:
            pool = (pools.short_nouns if sentence.short else pools.nouns)[form.iso3]
        options[slot] = st.sampled_from(_one_word(pool) if sentence.short else pool)
    return st.fixed_dictionaries(options).map(sentence.with_forms)


def _lead_lower(sentence: GeneratedSentence) -> str:
    text = sentence.text
    return text[0].lower() + text[1:] if sentence.template.text.startswith(("A ", "Talks")) \
        else text


def negated(sentence: GeneratedSentence, prefix: str = NEGATIONS[0]) -> str:
    """The sentence after a denial: "Officials denied that <sentence>"."""
    return prefix + _lead_lower(sentence)


def conditional(sentence: GeneratedSentence, prefix: str = CONDITIONS[0],
                end: str = CONDITION_ENDS[0]) -> str:
    """The sentence as a condition: "If <sentence>, prices would rise."."""
    return prefix + _lead_lower(sentence).rstrip(".") + end


# --- articles ------------------------------------------------------------------------------


@dataclass(frozen=True)
class GeneratedArticle:
    """A headline, generated sentences and neutral filler; `published` is the true date,
    given either in a header line (``date YYYY-MM-DD``; then `metadata_published` is None)
    or as metadata (`metadata_published`)."""

    text: str
    published: dt.date
    metadata_published: dt.date | None
    sentences: tuple[GeneratedSentence, ...]
    expected: tuple[ExpectedEvent, ...]


@st.composite
def articles(draw: Any, coder: Any, min_sentences: int = 1, max_sentences: int = 4,
             templates: Sequence[Template] | None = None) -> GeneratedArticle:
    """An article: a headline, an optional date line, event sentences and filler."""
    published = draw(st.dates(dt.date(2016, 1, 1), dt.date(2029, 12, 31)))
    in_header = draw(st.booleans())
    # Distinct events: two reports of one event (same type, status and sides) are merged.
    body = draw(st.lists(sentences(coder, published=published, templates=templates),
                         min_size=min_sentences, max_size=max_sentences,
                         unique_by=lambda s: tuple((e.event_type, e.status, e.sides)
                                                   for e in s.expected)))
    parts: list[str] = []
    for s in body:
        parts.extend(draw(st.lists(fillers(), max_size=2)))
        parts.append(s.text)
    parts.extend(draw(st.lists(fillers(), max_size=2)))
    paragraphs: list[str] = []
    for part in parts:
        if paragraphs and draw(st.booleans()):
            paragraphs[-1] += " " + part
        else:
            paragraphs.append(part)
    lines = [draw(st.sampled_from(HEADLINES))]
    if in_header:
        lines.append(f"date {published.isoformat()}")
    text = "\n".join(lines) + "\n\n" + "\n\n".join(paragraphs) + "\n"
    expected = tuple(e for s in body for e in s.expected)
    return GeneratedArticle(text, published, None if in_header else published, tuple(body),
                            expected)


# --- event tables ------------------------------------------------------------------------

_COUNTRY_CODES = ("AFG", "PAK", "UKR", "RUS", "TUR", "QAT", "SDN", "YEM")
_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
                max_size=20)
_DATES = st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31))


def _bounds(column: Any) -> tuple[Any, Any, list[Any] | None]:
    low = high = None
    allowed = None
    for check in column.checks:
        stats = check.statistics or {}
        low = stats.get("min_value", low)
        high = stats.get("max_value", high)
        allowed = stats.get("allowed_values", allowed)
    return low, high, (list(allowed) if allowed is not None else None)


def _generic(column: Any) -> st.SearchStrategy[Any]:
    """Values for a column from its type and simple checks (new columns get these)."""
    low, high, allowed = _bounds(column)
    kind = str(column.dtype).lower()
    if allowed is not None:
        values: st.SearchStrategy[Any] = st.sampled_from(allowed)
    elif "int" in kind:
        values = st.integers(0 if low is None else int(low), 1000 if high is None else int(high))
    elif "float" in kind:
        values = st.floats(-1e6 if low is None else low, 1e6 if high is None else high,
                           allow_nan=False)
    elif "bool" in kind:
        values = st.booleans()
    elif "datetime" in kind:
        values = _DATES
    elif "str" in kind:
        values = _TEXT
    else:
        values = st.lists(_TEXT, max_size=3)  # the object columns are lists of strings
    return st.none() | values if column.nullable else values


@st.composite
def _event_row(draw: Any, columns: Mapping[str, Any], event_types: Sequence[str]
               ) -> dict[str, Any]:
    row = {name: draw(_generic(column)) for name, column in columns.items()}
    sentence = draw(st.text(min_size=1, max_size=40))
    start = draw(st.integers(0, 10_000))
    t0 = draw(st.integers(0, len(sentence) - 1))
    t1 = draw(st.integers(t0 + 1, len(sentence)))
    row.update(sentence=sentence, sentence_start=start, sentence_end=start + len(sentence),
               trigger=sentence[t0:t1], trigger_start=start + t0, trigger_end=start + t1,
               event_type=draw(st.sampled_from(list(event_types))),
               status=draw(st.sampled_from(STATUSES)))
    inters = []
    for n in ("1", "2"):
        named = draw(st.booleans())
        row[f"actor{n}"] = draw(_TEXT) if named else None
        row[f"actor{n}_iso3"] = draw(st.none() | st.sampled_from(_COUNTRY_CODES)) if named \
            else None
        row[f"inter{n}"] = draw(st.integers(1, 8)) if named else None
        if named:
            inters.append(row[f"inter{n}"])
    codes = sorted(inters)
    row["interaction"] = codes[0] * 10 + (codes[1] if len(codes) > 1 else 0) if codes else None
    row["mediators_iso3"] = draw(st.lists(st.sampled_from(_COUNTRY_CODES), max_size=3))
    for name in ("iso3", "border_iso3"):
        row[name] = draw(st.none() | st.sampled_from(_COUNTRY_CODES))
    if draw(st.booleans()):
        row["event_date"], row["time_precision"] = draw(_DATES), draw(st.integers(1, 3))
    else:
        row["event_date"] = row["time_precision"] = None
    if "mentions" in columns and "mention_sentences" in columns:
        row["mentions"] = 1 + len(row["mention_sentences"])
    return {name: row[name] for name in columns}


@st.composite
def event_tables(draw: Any, min_size: int = 0, max_size: int = 8,
                 event_types: Sequence[str] = ("clash", "airstrike", "ceasefire", "negotiation",
                                               "mediation_offer")) -> pd.DataFrame:
    """A valid event table, validated and coerced by `eventcoder.validate_events`. Columns
    come from `EventSchema`; the checks that span columns (offsets, date and precision,
    interaction codes, unique ids) are kept by construction."""
    from .schemas import EventSchema, validate_events

    columns = EventSchema.to_schema().columns
    rows = draw(st.lists(_event_row(columns, event_types), min_size=min_size,
                         max_size=max_size))
    for i, row in enumerate(rows):
        row["event_id"] = hashlib.sha1(f"{i}".encode()).hexdigest()[:16]
    frame = pd.DataFrame(rows, columns=list(columns))
    if frame.empty:
        frame = frame.astype(object)
    return validate_events(frame)
