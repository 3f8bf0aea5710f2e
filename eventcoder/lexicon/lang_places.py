"""Language sub-section: the words the gazetteer reads (stop names: town names that are common words)."""

from __future__ import annotations

from .model import Entry


class PlaceWords(Entry):
    """Filled in by the lexicon's language files."""
