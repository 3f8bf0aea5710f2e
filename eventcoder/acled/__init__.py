"""ACLED's taxonomy as data, reading ACLED exports, and scoring coded events against them
(the pieces of `eventcoder.evaluate_acled`)."""

from .taxonomy import Taxonomy, load_taxonomy

__all__ = ["Taxonomy", "load_taxonomy"]
