"""Generated articles: sentences plus filler, a headline and a publication date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from .expected import ExpectedEvent
from .forms import fillers
from .grammar import GeneratedSentence
from .words import HEADLINES


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
def articles_from(draw: Any,
                  sentences: Callable[[dt.date], st.SearchStrategy[GeneratedSentence]],
                  min_sentences: int = 1, max_sentences: int = 4) -> GeneratedArticle:
    """An article: a headline, an optional date line, event sentences and filler.
    `sentences(published)` is the strategy of its event sentences."""
    published = draw(st.dates(dt.date(2016, 1, 1), dt.date(2029, 12, 31)))
    in_header = draw(st.booleans())
    # Distinct events: two reports of one event (same type, status and sides) are merged.
    body = draw(st.lists(sentences(published),
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
