"""The library's layout rules, read from the source with `ast`: modules under 600 lines,
functions under 60, and no import cycle between its modules or its packages at import time.

Offenders that exist today are named in the allow-lists below, so that any new one fails;
an allow-list entry that no longer offends fails too, so the lists only shrink.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "eventcoder"
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 60

# Known offenders (issue 12); each is to be fixed and removed from its list.
LONG_MODULES: set[str] = set()
LONG_FUNCTIONS: set[str] = set()
# Cycles as the sorted tuple of their members: modules by dotted name, packages (and
# top-level modules) by their name under eventcoder.
MODULE_CYCLES: set[tuple[str, ...]] = set()
PACKAGE_CYCLES: set[tuple[str, ...]] = set()


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, path


def _functions(tree: ast.AST, prefix: str = "") -> Iterator[tuple[str, ast.AST]]:
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield prefix + node.name, node
            yield from _functions(node, f"{prefix}{node.name}.")
        elif isinstance(node, ast.ClassDef):
            yield from _functions(node, f"{prefix}{node.name}.")


def long_functions() -> dict[str, int]:
    out = {}
    for _, path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for name, node in _functions(tree):
            assert node.end_lineno is not None
            lines = node.end_lineno - node.lineno + 1
            if lines > MAX_FUNCTION_LINES:
                out[f"{path.relative_to(ROOT).as_posix()}::{name}"] = lines
    return out


def long_modules() -> dict[str, int]:
    out = {}
    for _, path in _modules():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES:
            out[path.relative_to(ROOT).as_posix()] = lines
    return out


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _import_time_imports(body: list[ast.stmt]) -> Iterator[ast.Import | ast.ImportFrom]:
    """The imports a module runs when it is imported: not those inside functions or classes,
    nor under `if TYPE_CHECKING:`."""
    for node in body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, ast.If):
            if not _is_type_checking(node.test):
                yield from _import_time_imports(node.body)
            yield from _import_time_imports(node.orelse)
        elif isinstance(node, ast.Try):
            for block in (node.body, node.orelse, node.finalbody,
                          *[h.body for h in node.handlers]):
                yield from _import_time_imports(block)
        elif isinstance(node, ast.With):
            yield from _import_time_imports(node.body)


def _targets(module: str, is_package: bool, node: ast.Import | ast.ImportFrom,
             known: set[str]) -> set[str]:
    """The eventcoder modules an import statement loads (the module itself for
    `from X import name`, and X.name where that is a module)."""
    if isinstance(node, ast.Import):
        return {a.name for a in node.names if a.name in known}
    if node.level:
        base = module.split(".") if is_package else module.split(".")[:-1]
        base = base[:len(base) - node.level + 1]
        source = ".".join(base + ([node.module] if node.module else []))
    else:
        source = node.module or ""
    out = {source} if source in known else set()
    out |= {f"{source}.{a.name}" for a in node.names if f"{source}.{a.name}" in known}
    return out


def import_graph() -> dict[str, set[str]]:
    """Module -> the eventcoder modules it imports at import time (the root package left
    out: every module loads it first, and it imports the public API)."""
    modules = dict(_modules())
    known = set(modules)
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        targets: set[str] = set()
        for node in _import_time_imports(tree.body):
            targets |= _targets(name, path.name == "__init__.py", node, known)
        # A module's own packages are loaded before it, whatever it imports of them
        # (`from . import codes` names the package first): no edge.
        graph[name] = {t for t in targets if t != name and not name.startswith(t + ".")}
    graph.pop("eventcoder", None)
    return graph


def package_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """The same graph between eventcoder's packages and top-level modules."""
    def unit(module: str) -> str:
        return module.split(".")[1]

    out: dict[str, set[str]] = {}
    for source, targets in graph.items():
        out.setdefault(unit(source), set()).update(
            unit(t) for t in targets if unit(t) != unit(source))
    return out


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = list(graph.get(start, ()))
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo.extend(graph.get(node, ()))
    return seen


def cycles(graph: dict[str, set[str]]) -> set[tuple[str, ...]]:
    """The groups of nodes that reach each other (strongly connected components of more
    than one node), each sorted."""
    reach = {node: _reachable(graph, node) for node in graph}
    found = set()
    for node, reached in reach.items():
        component = {node} | {other for other in reached if node in reach.get(other, ())}
        if len(component) > 1:
            found.add(tuple(sorted(component)))
    return found


def _check(found: set[str] | set[tuple[str, ...]], allowed: set, what: str) -> None:
    new = set(found) - allowed
    assert not new, f"new {what}: {sorted(new)}"
    fixed = allowed - set(found)
    assert not fixed, f"no longer {what} (remove from the allow-list): {sorted(fixed)}"


def test_no_module_over_600_lines() -> None:
    _check(set(long_modules()), LONG_MODULES, f"modules over {MAX_MODULE_LINES} lines")


def test_no_function_over_60_lines() -> None:
    _check(set(long_functions()), LONG_FUNCTIONS,
           f"functions over {MAX_FUNCTION_LINES} lines")


def test_no_import_cycle_between_modules() -> None:
    _check(cycles(import_graph()), MODULE_CYCLES, "import cycles between modules")


def test_no_import_cycle_between_packages() -> None:
    _check(cycles(package_graph(import_graph())), PACKAGE_CYCLES,
           "import cycles between packages")


# --- the checks themselves, on small made-up graphs and sources -------------------------

@pytest.mark.parametrize("graph, expected", [
    ({"a": {"b"}, "b": {"a"}}, {("a", "b")}),
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, {("a", "b", "c")}),
    ({"a": {"b"}, "b": {"c"}, "c": set()}, set()),
    ({"a": {"a"}}, set()),
])
def test_cycles_are_found(graph: dict[str, set[str]], expected: set[tuple[str, ...]]) -> None:
    assert cycles(graph) == expected


def test_imports_under_type_checking_or_in_functions_do_not_count() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "from .a import x\n"
        "if TYPE_CHECKING:\n    from .b import y\n"
        "else:\n    from .c import z\n"
        "try:\n    from .d import w\nexcept ImportError:\n    pass\n"
        "def f():\n    from .e import v\n"
    )
    known = {"eventcoder.a", "eventcoder.b", "eventcoder.c", "eventcoder.d", "eventcoder.e"}
    found = set()
    for node in _import_time_imports(ast.parse(source).body):
        found |= _targets("eventcoder.m", False, node, known)
    assert found == {"eventcoder.a", "eventcoder.c", "eventcoder.d"}


@pytest.mark.parametrize("module, is_package, statement, expected", [
    ("eventcoder.rules.engine", False, "from ..resolve.actors import Actor",
     {"eventcoder.resolve.actors"}),
    ("eventcoder.rules.engine", False, "from . import cues", {"eventcoder.rules.cues"}),
    ("eventcoder.lexicon", True, "from .model import Lexicon", {"eventcoder.lexicon.model"}),
    ("eventcoder.coder", False, "import eventcoder.events", {"eventcoder.events"}),
])
def test_relative_imports_resolve(module: str, is_package: bool, statement: str,
                                  expected: set[str]) -> None:
    known = {"eventcoder.resolve.actors", "eventcoder.rules.cues", "eventcoder.rules",
             "eventcoder.lexicon.model", "eventcoder.events"}
    node = ast.parse(statement).body[0]
    assert isinstance(node, (ast.Import, ast.ImportFrom))
    assert _targets(module, is_package, node, known) - {"eventcoder.rules"} == expected
