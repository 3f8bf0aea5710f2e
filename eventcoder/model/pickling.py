"""Pickling frozen dataclasses by their fields: the class called with the fields' values in
order, so that loading runs `__init__`.

The coder cache pickles every such class so (`coder_cache._Pickler`): the `__setstate__`
that `dataclasses` gives a class with slots reads `fields()` for every object. And a
compiled one (setup.py) has no other way: Python sets a frozen dataclass's state back past
its frozen `__setattr__`, mypyc's compiled class through it, which refuses. Those are
registered with `copyreg`, the registry Python keeps for pickling extension types, so that
any pickler (Dask's among them) takes that way; an interpreted class is left to Python.
"""

from __future__ import annotations

import copyreg
import dataclasses
from functools import partial
from typing import Any


def init_fields(kind: type) -> tuple[str, ...] | None:
    """The fields that rebuild an object of `kind` when given to its `__init__` in order:
    those of a frozen dataclass with slots (or compiled: `__mypyc_attrs__`) whose every
    field is a positional `__init__` argument, taken as is (no `__post_init__`); None for
    any other class."""
    params = getattr(kind, "__dataclass_params__", None)
    if params is None or not params.frozen or hasattr(kind, "__post_init__") \
            or not ("__slots__" in kind.__dict__ or "__mypyc_attrs__" in kind.__dict__):
        return None
    fields = dataclasses.fields(kind)
    if not all(f.init and not f.kw_only for f in fields):
        return None
    return tuple(f.name for f in fields)


def _by_fields(names: tuple[str, ...], obj: Any) -> tuple[type, tuple[Any, ...]]:
    return type(obj), tuple(getattr(obj, name) for name in names)


def pickled_by_fields(*classes: type) -> None:
    """Registers each compiled class of `classes`, which must be one `init_fields` reads
    (checked here, at import)."""
    for kind in classes:
        if "__mypyc_attrs__" not in kind.__dict__:
            continue
        names = init_fields(kind)
        if names is None:
            raise TypeError(f"{kind.__name__}: not a frozen dataclass of __init__ fields")
        copyreg.pickle(kind, partial(_by_fields, names))
