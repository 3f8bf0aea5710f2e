"""Language sub-section: the words the rules read (locatives, connectors, pronouns, ...)."""

from __future__ import annotations

from .model import Entry


class RuleWords(Entry):
    """Filled in by the lexicon's language files."""
