"""Strategic developments a report tells right after its opening, as a sequel of what it
opens with: the event is what the report opens with, not the sequel.

A report opens with its event ("Farmers tried to march on the assembly.", "Gunmen torched a
bus.", "Troops clashed with rebels near the border.") and goes on with what followed:
"Police detained forty of them.", "Police arrested three men in this connection.", "Police
were deployed to the area." ACLED codes the event the report opens with, and not its
sequel as an event of its own, even when the rules made no event of that opening (a
protest told in words they missed). So the events of a `follow_up_types` type (the
language's rules) told within the `yield_window` sentences after the opening are dropped
when the opening sentence tells none of that type. A report that opens with arrests
("Police arrested 300 activists across the country. In the capital, police arrested 40
more.") tells them all; an arrest told further on is news of its own ("... In a separate
case, police arrested a party leader.").

The opening sentence is the first of the text that ends as a sentence does: a date line
("KATHMANDU, March 3 (AFP) -") and a title line before it are not the report's opening,
and what they tell counts as told in it.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model.records import Pending
from ..segment import Span, ends_sentence

_TEXT = "text"


def told_first(pending: list[Pending], follow_up: frozenset[str], window: int,
               opening: Callable[[int], int]) -> list[Pending]:
    """The document's events (in text order) without the sequels of its opening sentence
    (see the module): the events of a `follow_up` type up to `window` sentences after it,
    when the opening tells none of their type. `opening(offset)`: the index of the opening
    sentence, read from the lines up to `offset` (asked only when an event may be a sequel)."""
    later = [p.record for p in pending
             if p.record.event_type in follow_up and p.record.sentence_index > 0]
    if not later:
        return pending  # (most documents)
    first = opening(max(r.sentence_start for r in later))
    opened = {p.record.event_type for p in pending if p.record.sentence_index <= first}
    kept = [p for p in pending if not _sequel(p, follow_up, first, window, opened)]
    return kept if len(kept) < len(pending) else pending


def _sequel(item: Pending, follow_up: frozenset[str], first: int, window: int,
            opened: set[str]) -> bool:
    record = item.record
    return record.event_type in follow_up and record.event_type not in opened and \
        first < record.sentence_index <= first + window


def opening_sentence(spans: list[Span], text: str) -> int:
    """The index of the report's opening sentence among `spans`: the first coded one
    ("text") that ends as a sentence, past date lines, headings and a title line; the last
    coded one when none does (a report of one line without a full stop)."""
    coded = [i for i, (_, _, kind) in enumerate(spans) if kind == _TEXT]
    for i in coded:
        start, end, _ = spans[i]
        if ends_sentence(text[start:end]):
            return i
    return coded[-1] if coded else 0
