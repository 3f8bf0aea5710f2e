"""Lexicons: YAML data validated on load, and the gazetteer of places."""

from .gazetteer import Gazetteer, PlaceRecord
from .loader import BUNDLED, Lexicon, LexiconWarning, load_lexicon, read_lexicon

__all__ = ["BUNDLED", "Gazetteer", "Lexicon", "LexiconWarning", "PlaceRecord", "load_lexicon",
           "read_lexicon"]
