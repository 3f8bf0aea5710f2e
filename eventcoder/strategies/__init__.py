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

from .words import (  # noqa: F401
    COMMON_WORDS, FILLERS, GOVERNMENT_WORDS, HEADLINES, MILITARY_WORDS, MONTHS, NEUTRAL_CLAUSES,
    NUMBER_WORDS, PUBLISHED, WEEKDAYS)
from .expected import ExpectedEvent, observed, signature  # noqa: F401
from .forms import PlaceForm, StateForm, actors, fillers, places  # noqa: F401
from .grammar import (  # noqa: F401
    AVOIDED_DAYS, AVOIDED_MONTHS, CONDITION_ENDS, CONDITIONS, NEGATIONS, TEMPLATES, DatePhrase,
    GeneratedSentence, Template, Tense, _lead_lower, alias_variants, conditional, dates, negated,
    sentences)
from .articles import GeneratedArticle, articles  # noqa: F401
from .tables import event_tables  # noqa: F401

__all__ = [
    "PUBLISHED",
    "ExpectedEvent",
    "GeneratedArticle",
    "GeneratedSentence",
    "PlaceForm",
    "StateForm",
    "Template",
    "TEMPLATES",
    "actors",
    "alias_variants",
    "articles",
    "event_tables",
    "fillers",
    "observed",
    "places",
    "sentences",
    "signature",
]
