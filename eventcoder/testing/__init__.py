"""Hypothesis strategies for testing a coder: generated news sentences, articles and event
tables that know which events they must code to.

Needs the test extra: ``pip install eventcoder[test]`` (it imports ``hypothesis``).

A `Generator` holds the strategies over one loaded `eventcoder.Coder` (or its ``.lexicon``,
without the gazetteer's checks), so you can generate from your own lexicons; build it once,
since what it draws from takes about a second to compute::

    from hypothesis import given
    import eventcoder
    from eventcoder.testing import Generator, observed

    coder = eventcoder.Coder(extra_lexicons=["my_lexicon/"])
    generate = Generator(coder)

    @given(generate.sentences(event_type="clash"))
    def test_clashes(s):
        events = coder.code_texts([s.text], published=s.published)
        assert observed(events) == list(s.expected)

Event types, their statuses, structure and violence come from the lexicon. The grammar is
small on purpose: a few constructions per event type and status that the rules are meant to
handle, filled with states (by name, alias, capital or adjective), places and dates drawn
from the lexicon, and numbers. It avoids, by construction, what would make the expected
events ambiguous rather than wrong: names that are also common English words, abbreviations
(matched case-sensitively by design), long official names, places whose name is also an
actor or a lexicon phrase, and pairs of sides that include another country with a place of
the same name.

Dates are relative to a publication date (by default `PUBLISHED`, a Friday): a weekday in
the past tense is the most recent such day (the same day counts), in the future tense the
next one (the same day a week later); "last week"/"next week" is the Monday of that week
(time precision 2), "in January 2025" the first of the month (precision 3).

`Generator.event_tables()` builds valid event tables by hand: pandera's own
``EventSchema.strategy()`` cannot satisfy this model (object list columns with an
element-wise check, the unique hexadecimal id and the table-wide offset checks make it
filter every draw away).
"""

from __future__ import annotations

from .articles import GeneratedArticle
from .expected import ExpectedEvent, observed, signature
from .forms import PlaceForm, StateForm, fillers
from .generator import Generator, alias_variants, articles, sentences
from .grammar import (
    CONDITION_ENDS, CONDITIONS, NEGATIONS, TEMPLATES, DatePhrase, GeneratedSentence, Template,
    conditional, dates, lead_lower, negated)
from .tables import event_tables
from .words import FILLERS, NEUTRAL_CLAUSES, PUBLISHED

__all__ = [
    "CONDITIONS", "CONDITION_ENDS", "FILLERS", "NEGATIONS", "NEUTRAL_CLAUSES", "PUBLISHED",
    "TEMPLATES", "DatePhrase", "ExpectedEvent", "GeneratedArticle", "GeneratedSentence",
    "Generator", "PlaceForm", "StateForm", "Template", "alias_variants", "articles",
    "conditional", "dates", "event_tables", "fillers", "lead_lower", "negated", "observed",
    "sentences", "signature",
]
