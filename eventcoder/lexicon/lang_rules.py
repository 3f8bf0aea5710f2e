"""Language sub-section: the words the rules read (locatives, connectors, pronouns, ...)."""

from __future__ import annotations

from pydantic import Field

from .model import Entry


class RuleWords(Entry):
    """Filled in by the lexicon's language files."""

    clause_punctuation: list[str] = Field(
        [], description="punctuation tokens that open a new clause of a sentence")
    not_clause_ing_words: list[str] = Field(
        [], description="words in -ing that open no clause after a comma (\"including\")")
