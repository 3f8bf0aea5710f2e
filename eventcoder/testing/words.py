"""The words the grammar is made of: the publication date, fillers, headlines and neutral
clauses that name no event, actor, place, date or cue."""

from __future__ import annotations

import datetime as dt

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


