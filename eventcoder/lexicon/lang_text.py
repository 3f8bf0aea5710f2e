"""Language sub-sections read by the text stages: dates, numbers, death tolls, segmenting."""

from __future__ import annotations

from .model import Entry


class DateWords(Entry):
    """Months, weekdays and the words of date expressions."""


class NumberWords(Entry):
    """Number words and vague quantities."""


class TollWords(Entry):
    """The words and patterns of death tolls."""


class SegmentWords(Entry):
    """Abbreviations and boilerplate phrases."""
