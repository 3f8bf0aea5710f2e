"""A long run of the reliability fuzz (tests/test_reliability.py, issue 17 defect 11) that
counts instead of stopping at the first failure. A script, not a test:

    python benchmarks/fuzz.py --examples 5000 --seed 1
    python benchmarks/fuzz.py --examples 5000 --seed 2 --log /tmp/fuzz.jsonl   # runs add up

Each example is the test's own (its strategies and its body: `code_texts` with on_error
"raise" and "skip", the offset invariants, the two tables equal where both exist), run
under hypothesis with random data from `--seed`. The script tallies the examples, the
test's assertion failures, the unexpected exceptions (by type: anything but InputError on
the raising path), the rows, and the rows that are implausible:

- an event date before 1900 or after 2100;
- more than 400 days after publication, or more than 50 years before it;
- an event date with no publication date: counted apart, and implausible only when its
  date words state no year (by design an absolute date such as "3 May 2025" resolves
  without a publication date; a relative one must stay unresolved);
- fatalities over 100,000.

A few of each kind are printed with their example; the last line is a JSON summary.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import re
import sys
import time
import traceback
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

import pandas as pd
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The tests are not type-checked: imported by name, they are Any to mypy.
reliability = importlib.import_module("tests.test_reliability")
shared_coder = importlib.import_module("tests.conftest").shared_coder

EARLIEST, LATEST = pd.Timestamp("1900-01-01"), pd.Timestamp("2100-12-31")
MAX_TOLL = 100_000
YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
SHOWN = 3  # examples printed per kind of finding
PROGRESS = 500  # the counts are printed every PROGRESS examples


def implausible(row: dict[Any, Any]) -> str | None:
    """The kind of implausible row this is, or None (see the module's docstring)."""
    day, published = row["event_date"], row["published"]
    if pd.notna(row["fatalities"]) and int(row["fatalities"]) > MAX_TOLL:
        return "fatalities over 100,000"
    if pd.isna(day):
        return None
    if not EARLIEST <= day <= LATEST:
        return "before 1900 or after 2100"
    if pd.isna(published):
        return None if YEAR.search(str(row["date_text"] or "")) else \
            "relative date without publication date"
    published = pd.Timestamp(published).tz_localize(None).normalize()
    if (day - published).days > 400:
        return "over 400 days after publication"
    if day < published - pd.DateOffset(years=50):
        return "over 50 years before publication"
    return None


class Tally:
    """What the examples found; also records the tables the test's calls return."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.shown: Counter[str] = Counter()
        self.tables: list[pd.DataFrame] = []

    def show(self, kind: str, message: str) -> None:
        self.counts[kind] += 1
        if self.shown[kind] < SHOWN:
            self.shown[kind] += 1
            print(f"[{kind}] {message}", flush=True)

    def example(self, texts: list[str], published: Any) -> None:
        self.counts["examples"] += 1
        if self.counts["examples"] % PROGRESS == 0:  # a stopped run still has its counts
            print(json.dumps({"progress": True, **self.counts}), flush=True)
        self.tables.clear()
        try:
            reliability.test_17_11_fuzz_text_and_publication_values.hypothesis.inner_test(
                texts, published)
        except AssertionError:
            self.show("assertion failures", f"{texts!r} published={published!r}\n"
                      + traceback.format_exc(limit=-2))
        except Exception as exc:
            self.show(f"unexpected {type(exc).__name__}", f"{texts!r} published="
                      f"{published!r}: {exc}"[:2000])
        for table in self.tables[-1:]:  # the table of on_error="skip"
            self.counts["rows"] += len(table)
            self.counts["rows with an event date"] += int(table["event_date"].notna().sum())
            for row in table.to_dict("records"):
                if pd.notna(row["event_date"]) and pd.isna(row["published"]):
                    self.counts["event date without publication date"] += 1
                kind = implausible(row)
                if kind is not None:
                    self.show(f"implausible: {kind}",
                              f"{texts!r} published={published!r}: event_date "
                              f"{row['event_date']} published {row['published']} date_text "
                              f"{row['date_text']!r} fatalities {row['fatalities']}")


def run(examples: int, seed_value: int, tally: Tally) -> None:
    coder = shared_coder()
    code_texts = coder.code_texts

    def recorded(*args: Any, **kwargs: Any) -> pd.DataFrame:
        table = code_texts(*args, **kwargs)
        tally.tables.append(table)
        return table

    @seed(seed_value)
    @settings(max_examples=examples, database=None, deadline=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(st.lists(reliability.TEXTS, min_size=1, max_size=3), reliability.PUBLISHED)
    def one(texts: list[str], published: Any) -> None:
        tally.example(texts, published)

    coder.code_texts = recorded
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            one()
    finally:
        del coder.code_texts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--log", type=Path, help="append the summary as a JSON line")
    args = parser.parse_args(argv)
    tally = Tally()
    start, clock = time.process_time(), time.perf_counter()
    run(args.examples, args.seed, tally)
    summary = {"seed": args.seed, "asked": args.examples, **tally.counts,
               "cpu_s": round(time.process_time() - start, 1),
               "wall_s": round(time.perf_counter() - clock, 1),
               "finished": dt.datetime.now().isoformat(timespec="seconds")}
    print(json.dumps(summary), flush=True)
    if args.log is not None:
        with args.log.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(summary) + "\n")


if __name__ == "__main__":
    main()
