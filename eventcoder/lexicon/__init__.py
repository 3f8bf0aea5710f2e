"""Lexicons: YAML data validated on load, and the gazetteer of places."""

from .gazetteer import Gazetteer, PlaceRecord
from .loader import BUNDLED, Lexicon, load_lexicon

__all__ = ["BUNDLED", "Gazetteer", "Lexicon", "PlaceRecord", "load_lexicon"]
