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

__version__ = "0.1.0"

from .acled.layout import to_acled  # noqa: E402
from .coder import Coder, code_files, code_texts  # noqa: E402
from .dataset import read_events, read_metadata, write_events  # noqa: E402
from .documents import Document  # noqa: E402
from .errors import (  # noqa: E402
    DatasetError, EventcoderError, InputError, InputWarning, LexiconError, Problem, SchemaError)
from .evaluate_acled import AcledEvaluation, evaluate_acled  # noqa: E402
from .lexicon import LexiconWarning, load_lexicon  # noqa: E402
from .schemas import EventSchema, validate_events  # noqa: E402

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "AcledEvaluation", "Coder", "DatasetError", "Document", "EventSchema", "EventcoderError",
    "InputError", "InputWarning", "LexiconError", "LexiconWarning", "Problem", "SchemaError",
    "__version__", "code_files", "code_texts", "evaluate_acled", "load_lexicon",
    "read_events", "read_metadata", "to_acled", "validate_events", "write_events",
]
