"""The complexity attacks of issue 17 (defect 10) and the double-space memory attack (defect 14),
timed on whole documents, for any checkout of eventcoder. A script, not a test:

    python benchmarks/attacks.py                          # this tree, every attack and size
    python benchmarks/attacks.py --tree /work/base        # an older checkout, same documents
    python benchmarks/attacks.py --attack "full stops" --sizes 10K,100K --timeout 60
    python benchmarks/attacks.py --attack "double space" --attack news --sizes 2M,20M  # memory
    python benchmarks/attacks.py --log after.jsonl; ... --tree /work/base --log before.jsonl
    python benchmarks/attacks.py --table before=before.jsonl --table after=after.jsonl
    python benchmarks/attacks.py --memory --table before=mem-before.jsonl --table ...

The documents are built here, from this repository's generators (the attacks of
tests/test_complexity.py, the country names of the bundled lexicon, the fillers of
eventcoder.testing), so that every tree codes the same bytes. Each measurement is one
process run with `--tree` first on its path: it builds a Coder, reads the document, and
only then starts the clock around `code_texts([document])`. The clock is the process's CPU
time (user + system), not wall time: on a shared machine the wall clock measures the other
sessions. A measurement is stopped once coding has used `--timeout` CPU seconds (RLIMIT_CPU)
and reported as "> N s"; the sizes after it are skipped. Peak memory is the process's
high-water resident set (ru_maxrss), the Coder included; "before" is the resident set once
the Coder is built and the document read, so that peak - before is what coding cost.

Time is linear in size when each tenfold size costs about tenfold time.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eventcoder.lexicon import load_lexicon  # noqa: E402
from eventcoder.testing import FILLERS  # noqa: E402
from tests.test_complexity import ATTACKS, CLAUSE  # noqa: E402

PUBLISHED = "2026-02-27"
SIZES = {"10K": 10_000, "100K": 100_000, "1M": 1_000_000, "2M": 2_000_000,
         "10M": 10_000_000, "20M": 20_000_000}

# Run in the measured tree, from a neutral folder (python -c puts the working folder first on
# the path). argv: document path, CPU seconds allowed for coding, publication date, a short
# document coded first (a first call sets up what later calls reuse).
CHILD = r"""
import gc, json, os, resource, sys, time
import eventcoder
coder = eventcoder.Coder()
with open(sys.argv[1], encoding="utf-8") as handle:
    text = handle.read()
coder.code_texts([sys.argv[4]], published=sys.argv[3])  # what a first call sets up once
gc.collect()
with open("/proc/self/statm") as handle:
    before = int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
used = time.process_time()
limit = int(used + float(sys.argv[2])) + 1
resource.setrlimit(resource.RLIMIT_CPU, (limit, limit + 5))
start = time.process_time()
try:
    rows, error = len(coder.code_texts([text], published=sys.argv[3])), None
except Exception as exc:  # an older tree may fail the attack: its time is still measured
    rows, error = None, type(exc).__name__
cpu = time.process_time() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"cpu": cpu, "rows": rows, "error": error, "before": before, "peak": peak,
                  "chars": len(text), "module": eventcoder.__file__}))
"""


def _fit(unit: str, size: int) -> str:
    """`unit` repeated to exactly `size` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def _from_test(name: str) -> Callable[[int], str]:
    """An attack of tests/test_complexity.py (a Python expression of n) at n characters."""
    _, expression, _ = ATTACKS[name]
    return lambda size: str(eval(expression, {"n": size}))


def _pairs(size: int) -> str:
    """ "X and Y clashed." over distinct pairs of one-word country names (as
    tests/test_context.py builds it); past the last pair, the pairs start again."""
    names = [c.name for c in load_lexicon().countries if " " not in c.name]
    sentences = (f"{a} and {b} clashed. " for a, b in
                 itertools.cycle(itertools.permutations(names, 2)))
    parts, total = [], 0
    for sentence in sentences:
        if total >= size:
            break
        parts.append(sentence)
        total += len(sentence)
    return "".join(parts)[:size]


def _toll(size: int) -> str:
    """Sentences of about 1000 characters (the segmenter cuts longer ones, eventcoder.segment.
    MAX_SENTENCE), each a clash with the toll of tests/test_complexity.py: the toll finder
    reads the sentences of an event, and each reads a list of numbers as long as it can be."""
    sentence = f"{CLAUSE}, {_from_test('toll numbers')(940)}. "
    return _fit(sentence, size)


def _news(size: int) -> str:
    """News-like sentences: fillers and a clash (single spaces only)."""
    return _fit(" ".join(FILLERS) + " " + CLAUSE + " on Monday. ", size)


def _double_space(size: int) -> str:
    """The news-like sentences with one double space, after the first word."""
    text = _news(size)
    first = text.index(" ")
    return text[:first] + " " + text[first:size - 1]


ATTACK_TEXTS: dict[str, Callable[[int], str]] = {
    "full stops": _from_test("full stops"),
    "!?": _from_test("!?"),
    "country pairs": _pairs,
    "toll numbers": _toll,
    "non-breaking spaces": _from_test("non-breaking spaces"),
    "tabs": _from_test("tabs"),
    "double space": _double_space,
    "news": _news,
}
TIMED = [name for name in ATTACK_TEXTS if name not in {"double space", "news"}]


def measure(tree: Path, document: Path, timeout: float, wall: float) -> dict[str, object]:
    """Code one document in a process of its own; {"timeout": True} once over the limit."""
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
    try:
        done = subprocess.run([sys.executable, "-c", CHILD, str(document), str(timeout),
                               PUBLISHED, CLAUSE + "."], cwd=tempfile.gettempdir(), env=env,
                              capture_output=True, text=True, timeout=wall)
    except subprocess.TimeoutExpired:
        return {"timeout": True, "wall": True}
    if done.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        return {"timeout": True}
    if done.returncode != 0:
        raise RuntimeError(f"{document.name}: exit {done.returncode}\n{done.stderr[-2000:]}")
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    if not str(result["module"]).startswith(str(tree.resolve())):
        raise RuntimeError(f"measured {result['module']}, not the tree {tree}")
    return result


def _cell(result: dict[str, object], timeout: float) -> str:
    if result.get("timeout"):
        return f"> {timeout:g} s" + (" (wall)" if result.get("wall") else "")
    return f"{float(str(result['cpu'])):.2f} s"


def run(tree: Path, attacks: list[str], sizes: list[str], timeout: float, wall: float,
        log: Path | None) -> None:
    print(f"tree {tree}; CPU seconds of coding one document (Coder built beforehand)",
          flush=True)
    with tempfile.TemporaryDirectory() as folder:
        for name in attacks:
            over = False
            for size in sizes:
                if over:
                    print(f"{name:20} {size:>5}  skipped", flush=True)
                    continue
                document = Path(folder) / "document.txt"
                document.write_text(ATTACK_TEXTS[name](SIZES[size]), encoding="utf-8")
                result = measure(tree, document, timeout, wall)
                over = bool(result.get("timeout"))
                mb = {k: f"{int(str(result[k])) / 2**20:.0f} MB" for k in ("before", "peak")
                      if k in result}
                rows = result.get("rows") or result.get("error") or "-"
                print(f"{name:20} {size:>5}  {_cell(result, timeout):>12}  rows {rows}  rss "
                      f"{mb.get('before', '-')} -> peak {mb.get('peak', '-')}", flush=True)
                if log is not None:
                    with log.open("a", encoding="utf-8") as handle:
                        handle.write(json.dumps({"tree": str(tree), "attack": name,
                                                 "size": size, "limit": timeout, **result})
                                     + "\n")


def _fastest(logs: list[tuple[str, Path]]) -> dict[tuple[str, str, str], dict[str, Any]]:
    """(label, attack, size) -> the fastest measurement of it in the logs (a timeout only
    where no run finished)."""
    best: dict[tuple[str, str, str], dict[str, Any]] = {}
    for label, log in logs:
        for line in log.read_text(encoding="utf-8").splitlines():
            result = json.loads(line)
            key = (label, result["attack"], result["size"])
            cpu = float("inf") if result.get("timeout") else result["cpu"]
            if key not in best or cpu < best[key]["cpu"]:
                best[key] = {**result, "cpu": cpu}
    return best


def _memory(result: dict[str, Any]) -> str:
    """Peak resident memory, and what coding added to the resident memory before it."""
    if result.get("timeout"):
        return "-"
    added = (result["peak"] - result["before"]) / 2**20
    return f"{result['peak'] / 2**20:.0f} MB (+{added:.0f} MB)"


def _row(best: dict[tuple[str, str, str], dict[str, Any]], label: str, attack: str,
         sizes: list[str], timeout: float, memory: bool) -> list[str]:
    """One column of the table: the cells of one log's attack, size by size."""
    cells: list[str] = []
    previous: dict[str, Any] | None = None
    for size in sizes:
        result = best.get((label, attack, size))
        if result is None:  # skipped after a timeout, or never run
            over = previous is not None and previous.get("timeout") or cells[-1:] == ["skipped"]
            cells.append("skipped" if over else "not run")
        elif memory:
            cells.append(_memory(result))
        else:
            cell = _cell(result, timeout) + (f" {result['error']}" if result.get("error")
                                             else "")
            if previous is not None and not result.get("timeout") and previous["cpu"]:
                cell += f" (x{result['cpu'] / previous['cpu']:.1f})"
            cells.append(cell)
        previous = result
    return cells


def table(logs: list[tuple[str, Path]], timeout: float, memory: bool = False) -> str:
    """A Markdown table of logged results: CPU seconds per attack and size, each with its
    growth over the size before (tenfold size: about x10 when linear); or peak memory."""
    best = _fastest(logs)
    labels = [label for label, _ in logs]
    lines = ["| attack | size | " + " | ".join(labels) + " |",
             "|---|---|" + "---|" * len(labels)]
    for attack in ATTACK_TEXTS:
        sizes = [size for size in SIZES if any((lb, attack, size) in best for lb in labels)]
        columns = [_row(best, label, attack, sizes, timeout, memory) for label in labels]
        lines += [f"| {attack} | {size} | " + " | ".join(cells) + " |"
                  for size, cells in zip(sizes, zip(*columns))]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tree", type=Path, default=ROOT, help="the checkout to measure")
    parser.add_argument("--attack", action="append", choices=list(ATTACK_TEXTS),
                        help="an attack (repeatable); default: every timed attack")
    parser.add_argument("--sizes", default="10K,100K,1M,10M",
                        help=f"comma-separated, of {','.join(SIZES)}")
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="CPU seconds of coding allowed per document")
    parser.add_argument("--wall", type=float, default=3600.0,
                        help="wall seconds allowed per process (a backstop)")
    parser.add_argument("--log", type=Path, help="append each result as a JSON line")
    parser.add_argument("--table", action="append", metavar="LABEL=LOG",
                        help="print a Markdown table of logs instead of measuring")
    parser.add_argument("--memory", action="store_true", help="the table shows peak memory")
    args = parser.parse_args(argv)
    if args.table:
        logs = [(label, Path(log)) for label, _, log in (t.partition("=") for t in args.table)]
        print(table(logs, args.timeout, args.memory))
        return
    sizes = args.sizes.split(",")
    unknown = set(sizes) - set(SIZES)
    if unknown:
        parser.error(f"unknown sizes {sorted(unknown)}")
    run(args.tree, args.attack or TIMED, sizes, args.timeout, args.wall, args.log)


if __name__ == "__main__":
    main()
