"""Start-up times of two eventcoder trees, measured side by side (docs/performance.md,
"Start-up").

    python scripts/start_time.py OLD_TREE NEW_TREE [--rounds 5]

Each measure runs in a fresh interpreter, OLD and NEW alternately, ROUNDS times each:
`import eventcoder`, `eventcoder --help`, a `code` command given a bad input, and
`Coder()` cold (an empty coder cache: what it costs to build and to save) and warm (the
cache filled). Printed: the median and range of CPU seconds (user + system) and of wall
seconds, and the peak RSS of the `Coder()` runs and their RSS once it is built (Linux).
The place index is the one in the user's cache folder (built once, shared by both trees);
the coder caches are temporary folders.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Run inside the measured interpreter: the time of Coder() alone, and the peak RSS.
_CODER = """
import json, resource, time, warnings
warnings.simplefilter("ignore")
import eventcoder
wall, cpu = time.perf_counter(), time.process_time()
eventcoder.Coder()
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
with open("/proc/self/status") as status:
    now = next(int(line.split()[1]) for line in status if line.startswith("VmRSS"))
print(json.dumps({"wall": wall, "cpu": cpu, "now": now / 1024,
                  "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _run(tree: Path, args: list[str], env: dict[str, str]) -> dict[str, float]:
    """A whole process: its wall and CPU seconds (and what it printed as JSON, if any)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True,
                          env={**env, "PYTHONPATH": str(tree)}, cwd=tempfile.gettempdir())
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    out: dict[str, float] = {"wall": wall, "cpu": cpu}
    last = done.stdout.strip().splitlines()[-1:] if done.stdout.strip() else []
    if last and last[0].startswith("{"):
        out.update({f"in_{k}": v for k, v in json.loads(last[0]).items()})
    return out


def _measures(bad: Path) -> dict[str, list[str]]:
    return {
        "import eventcoder": ["-c", "import eventcoder"],
        "eventcoder --help": ["-m", "eventcoder.cli", "--help"],
        "eventcoder code BAD.csv": ["-m", "eventcoder.cli", "code", str(bad), "-o",
                                    str(bad.with_suffix(".parquet"))],
        "Coder() warm": ["-c", _CODER],
        "Coder() cold": ["-c", _CODER],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="start-time-"))
    bad = work / "notes.csv"
    bad.write_text("Gunmen attacked a checkpoint on Monday.\n", encoding="utf-8")
    trees = {"old": args.old.resolve(), "new": args.new.resolve()}
    warm = {name: str(work / f"warm-{name}") for name in trees}
    for name, tree in trees.items():  # fill the warm caches (and the place index)
        _run(tree, ["-c", _CODER], {**os.environ, "EVENTCODER_CODER_CACHE": warm[name]})
    results: dict[tuple[str, str], list[dict[str, float]]] = {}
    for round_ in range(args.rounds):
        for measure, command in _measures(bad).items():
            for name, tree in trees.items():
                cache = warm[name] if measure != "Coder() cold" else \
                    str(work / f"cold-{name}-{round_}")
                env = {**os.environ, "EVENTCODER_CODER_CACHE": cache}
                results.setdefault((measure, name), []).append(_run(tree, command, env))
    _report(results, args.rounds)


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f})"


def _report(results: dict[tuple[str, str], list[dict[str, float]]], rounds: int) -> None:
    print(f"{rounds} rounds, old and new alternately; median (min-max) seconds; load "
          f"{os.getloadavg()[0]:.1f}")
    print("| measure | tree | process CPU s | process wall s | Coder() CPU s | Coder() wall s "
          "| peak RSS MB | RSS after MB |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for (measure, name), runs in results.items():
        inner = [r for r in runs if "in_cpu" in r]
        cells = [_spread([r["cpu"] for r in runs]), _spread([r["wall"] for r in runs])]
        cells += [_spread([r["in_cpu"] for r in inner]), _spread([r["in_wall"] for r in inner]),
                  f"{statistics.median(r['in_rss'] for r in inner):.0f}",
                  f"{statistics.median(r['in_now'] for r in inner):.0f}"] if inner else \
            ["", "", "", ""]
        print(f"| {measure} | {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
