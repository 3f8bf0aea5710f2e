"""Pickling of frozen dataclasses once compiled (setup.py).

Python pickles a frozen dataclass by its state, set back field by field past its frozen
`__setattr__`; mypyc's compiled class sets that state through `__setattr__`, which refuses.
A compiled frozen dataclass is therefore pickled as its class called with its fields in
order, as the coder cache's pickler already does (`coder_cache._init_fields`), through
`copyreg`, the registry Python keeps for pickling extension types. An interpreted class is
left to Python.
"""

from __future__ import annotations

import copyreg
from dataclasses import fields
from typing import Any


def _by_fields(obj: Any) -> tuple[type, tuple[Any, ...]]:
    return type(obj), tuple(getattr(obj, f.name) for f in fields(obj))


def pickled_by_fields(*classes: type) -> None:
    """Registers each compiled class of `classes`: frozen dataclasses whose fields are all
    positional arguments of `__init__` (checked here, at import)."""
    for kind in classes:
        if "__mypyc_attrs__" not in kind.__dict__:
            continue
        if not all(f.init and not f.kw_only for f in fields(kind)):
            raise TypeError(f"{kind.__name__}: every field must be an __init__ argument")
        copyreg.pickle(kind, _by_fields)
