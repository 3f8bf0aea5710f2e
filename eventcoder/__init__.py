"""eventcoder: news articles in, a validated ACLED-style conflict-event table out.

>>> import eventcoder
>>> df = eventcoder.code_texts(["Pakistan and Afghanistan exchanged fire on Thursday."],
...                            published="2026-02-27")
>>> df.loc[0, ["event_type", "status"]].tolist()
['clash', 'occurred']
>>> df.loc[0, ["actor1", "actor2"]].tolist()      # ACLED's names, with the regime's years
['Military Forces of Pakistan (2024-)', 'Military Forces of Afghanistan (2021-)']
>>> df.loc[0, "event_date"].date().isoformat()      # "Thursday" before Friday 27 February
'2026-02-26'
>>> path = eventcoder.write_events(df, "events.parquet")
>>> eventcoder.read_events(path).equals(df)
True
"""

from __future__ import annotations

import logging
import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:  # what the names below are, for type checkers and readers
    from .acled.layout import to_acled
    from .coder import Coder, code_files, code_texts, default_coder
    from .dataset import read_events, read_metadata, write_events
    from .documents import Document
    from .errors import (DatasetError, EventcoderError, InputError, InputWarning, LexiconError,
                         Problem, SchemaError)
    from .evaluate_acled import AcledEvaluation, evaluate_acled
    from .lexicon import LexiconWarning, load_lexicon
    from .schemas import EventSchema, validate_events

# Each public name and the module it comes from, imported when first asked for: pandas,
# Pandera and the lexicon code take a second to import, and `eventcoder --help`, or a
# script that needs only `eventcoder.errors`, should not wait for them.
_LAZY = {
    "AcledEvaluation": "evaluate_acled", "Coder": "coder", "DatasetError": "errors",
    "Document": "documents", "EventSchema": "schemas", "EventcoderError": "errors",
    "InputError": "errors", "InputWarning": "errors", "LexiconError": "errors",
    "LexiconWarning": "lexicon", "Problem": "errors", "SchemaError": "errors",
    "code_files": "coder", "code_texts": "coder", "default_coder": "coder",
    "evaluate_acled": "evaluate_acled", "load_lexicon": "lexicon", "read_events": "dataset",
    "read_metadata": "dataset", "to_acled": "acled.layout", "validate_events": "schemas",
    "write_events": "dataset",
}

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "AcledEvaluation", "Coder", "DatasetError", "Document", "EventSchema", "EventcoderError",
    "InputError", "InputWarning", "LexiconError", "LexiconWarning", "Problem", "SchemaError",
    "__version__", "code_files", "code_texts", "default_coder", "evaluate_acled",
    "load_lexicon", "read_events", "read_metadata", "to_acled", "validate_events", "write_events",
]


def __getattr__(name: str) -> Any:
    """A public name, imported from its module on first use (PEP 562); a submodule
    (`eventcoder.scale`) is found by the import system, not here."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # the next access is a plain lookup
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


class _Package(ModuleType):
    """The package, whose `evaluate_acled` is the function, though a submodule has that name
    too: the import system binds a submodule to its package's attribute when it is first
    imported, whoever imports it, and would replace the function by the module."""

    @property
    def evaluate_acled(self) -> Any:
        return self.__dict__.get("_evaluate_acled") or \
            import_module(".evaluate_acled", __name__).evaluate_acled

    @evaluate_acled.setter
    def evaluate_acled(self, value: Any) -> None:
        if not isinstance(value, ModuleType):  # a stand-in set by hand (a test's mock)
            self.__dict__["_evaluate_acled"] = value

    @evaluate_acled.deleter
    def evaluate_acled(self) -> None:
        self.__dict__.pop("_evaluate_acled", None)


sys.modules[__name__].__class__ = _Package
