"""End-to-end benchmark: a synthetic news corpus of N sentences, read from JSON Lines files,
coded and written as a validated, partitioned Parquet dataset.

Prints sentences/s, MB/s, events/s, peak resident memory and the time of each stage
(read, segment, match, rules, resolve, validate, write). A script, not a test:

    python benchmarks/bench.py                       # 10^5 sentences, one process
    python benchmarks/bench.py 1000000               # 10^6 sentences
    python benchmarks/bench.py 100000 --lexicon-scale 10     # 1x, then a 10x lexicon
    python benchmarks/bench.py 100000 --engine dask --workers 1,2
    python benchmarks/bench.py 20000 --profile /tmp/bench.prof    # cProfile hotspots

The corpus is deterministic for a seed and size (benchmarks/corpus.py); `--corpus DIR`
keeps it (and reuses it on the next run). The coder is built once; the headline figures are
those of the fastest of `--repeat` plain passes (default 3), each from a fresh date cache.
Stage times come from one more pass, with the coder's stage functions wrapped from outside
(exclusive time: a stage called inside another is subtracted from its caller), so they need
no hook in the coder; the wrappers' own cost is why that pass is never the headline.
`--no-stages` skips it.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import inspect
import json
import os
import platform
import pstats
import random
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pyarrow.parquet as pq  # noqa: E402

import eventcoder  # noqa: E402
from corpus import CONFLICT_ARTICLE_SHARE, CorpusInfo, generate  # noqa: E402
from eventcoder import scale  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")


# --- memory --------------------------------------------------------------------------------

def rss_mb() -> float:
    """Resident memory now (Linux /proc; falls back to the peak elsewhere)."""
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * PAGE / 2**20
    except OSError:
        return peak_rss_mb()


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


# --- stage clock ---------------------------------------------------------------------------

class StageClock:
    """Exclusive CPU time per stage, from wrappers installed around existing functions (CPU,
    not wall: a busy machine then slows the pass without shifting the shares)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: Counter[str] = Counter()
        self._stack: list[list[float]] = []
        self._undo: list[Callable[[], None]] = []

    def _enter(self) -> list[float]:
        frame = [0.0]
        self._stack.append(frame)
        return frame

    def _leave(self, stage: str, frame: list[float], elapsed: float) -> None:
        self._stack.pop()
        self.seconds[stage] += elapsed - frame[0]
        if self._stack:
            self._stack[-1][0] += elapsed

    def wrap(self, stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        clock = self
        perf = time.process_time
        if inspect.isgeneratorfunction(fn):
            @functools.wraps(fn)
            def timed_gen(*args: Any, **kwargs: Any) -> Iterator[Any]:
                clock.calls[stage] += 1
                iterator = fn(*args, **kwargs)
                while True:
                    frame = clock._enter()
                    t0 = perf()
                    try:
                        item = next(iterator)
                    except StopIteration:
                        clock._leave(stage, frame, perf() - t0)
                        return
                    except BaseException:
                        clock._leave(stage, frame, perf() - t0)
                        raise
                    clock._leave(stage, frame, perf() - t0)
                    yield item
            return timed_gen

        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            clock.calls[stage] += 1
            frame = clock._enter()
            t0 = perf()
            try:
                return fn(*args, **kwargs)
            finally:
                clock._leave(stage, frame, perf() - t0)
        return timed

    def patch(self, owner: Any, name: str, stage: str) -> bool:
        """Replace owner.name by a timed wrapper (undone by `restore`); False if absent."""
        original = getattr(owner, name, None)
        if original is None or not callable(original):
            return False
        had_own = isinstance(owner, type) or name in getattr(owner, "__dict__", {})
        raw = owner.__dict__.get(name, original) if isinstance(owner, type) else original
        if isinstance(raw, (staticmethod, classmethod)):
            return False
        try:
            setattr(owner, name, self.wrap(stage, raw if isinstance(owner, type) else original))
        except (AttributeError, TypeError):
            return False  # a slotted or frozen object

        def undo() -> None:
            if had_own:
                setattr(owner, name, raw)
            else:
                delattr(owner, name)
        self._undo.append(undo)
        return True

    def restore(self) -> None:
        while self._undo:
            self._undo.pop()()


# Stage of each wrapped function; the six stages are the prefixes.
STAGES = [
    # (module or object path, attribute, stage)
    ("eventcoder.scale", "read_paths", "read"),
    ("coder.folder", "fold", "match.fold"),
    ("coder.matcher", "triggers", "match.triggers"),
    ("coder.matcher", "mentions", "match.mentions"),
    ("coder.segmenter", "spans", "segment"),
    ("eventcoder.coder", "SentenceView", "rules.view"),
    ("eventcoder.coder", "participants", "rules.participants"),
    ("eventcoder.coder", "candidates", "rules.candidates"),
    ("eventcoder.coder", "no_candidates", "rules.no_candidates"),
    ("coder.tolls", "find", "resolve.fatalities"),
    ("coder.date_finder", "find", "resolve.find_dates"),
    ("coder.dates", "resolve", "resolve.dates"),
    ("eventcoder.coder", "resolve_candidate", "resolve.candidate"),
    ("eventcoder.coder", "apply_context", "resolve.context"),
    # The article's country, read once per article from its mentions, text and outlet,
    # and where an event no sentence places is put (issue 14).
    ("coder.countries", "read", "resolve.country"),
    ("eventcoder.coder", "place_unplaced", "resolve.unplaced"),
    ("eventcoder.coder", "told_alone", "resolve.told_alone"),
    ("coder.book", "finish", "resolve.actor_names"),
    ("eventcoder.rules.crowds.CrowdRules", "events", "rules.crowds"),
    ("eventcoder.coder", "event_row", "rows"),
    ("coder", "table", "table"),
    ("eventcoder.coder", "validate_events", "validate"),
    ("eventcoder.scale", "events_table", "write.arrow"),
    ("eventcoder.scale", "write_part", "write.parquet"),
]


def _resolve(path: str, coder: eventcoder.Coder) -> Any:
    """The object a STAGES path names: an attribute path from the coder, a module, or a
    class in a module."""
    import importlib

    if path == "coder" or path.startswith("coder."):
        obj: Any = coder
        for part in path.split(".")[1:]:
            obj = getattr(obj, part, None)
        return obj
    try:
        return importlib.import_module(path)
    except ModuleNotFoundError:
        module, _, name = path.rpartition(".")
        return getattr(importlib.import_module(module), name, None)


@contextmanager
def stage_clock(coder: eventcoder.Coder, enabled: bool = True) -> Iterator[StageClock]:
    clock = StageClock()
    missing = []
    if enabled:
        for path, name, stage in STAGES:
            owner = _resolve(path, coder)
            if owner is None or not clock.patch(owner, name, stage):
                missing.append(f"{path}.{name}")
    if missing:
        print(f"  (not timed, absent: {', '.join(missing)})")
    try:
        yield clock
    finally:
        clock.restore()


# --- lexicon growth ------------------------------------------------------------------------

_ONSETS = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "kh", "sh",
           "br", "dr", "tr", "gr"]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ou", "ei"]
_CODAS = ["", "", "n", "r", "sh", "m", "l", "k"]


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)
                   for _ in range(syllables)).capitalize()


def build_lexicon(folder: Path, phrases: int, seed: int = 1) -> int:
    """Write synthetic groups, people and places with about `phrases` names in total
    (a third each); returns the number of names written. Names are invented words, so they
    add matcher size without adding matches to the corpus."""
    from eventcoder.lexicon import load_lexicon

    rng = random.Random(seed)
    iso3 = [c.iso3 for c in load_lexicon().countries]
    seen: set[str] = set()

    def fresh(syllables: int = 3) -> str:
        while True:
            word = _word(rng, syllables)
            if word.lower() not in seen:
                seen.add(word.lower())
                return word

    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    third = phrases // 3
    lines = ["groups:"]
    for i in range(third // 5):
        names = [f"{fresh()} {rng.choice(['Front', 'Brigade', 'Movement', 'Army'])}"
                 for _ in range(5)]
        aliases = ", ".join(json.dumps(n) for n in names[1:])
        lines += [f"  - id: synthetic_group_{i}", f"    name: {json.dumps(names[0])}",
                  f"    aliases: [{aliases}]", "    actor_type: rebel_group",
                  f"    country: {rng.choice(iso3)}"]
        written += 5
    (folder / "groups.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = ["people:"]
    for _ in range(third // 2):
        name, alias = f"{fresh(2)} {fresh(3)}", f"{fresh(2)} {fresh(2)}"
        lines += [f"  - name: {json.dumps(name)}", f"    aliases: [{json.dumps(alias)}]",
                  f"    country: {rng.choice(iso3)}"]
        written += 2
    (folder / "people.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = ["places:"]
    for _ in range((phrases - written) // 3):
        names = [fresh() for _ in range(3)]
        lines += [f"  - name: {json.dumps(names[0])}",
                  f"    aliases: [{json.dumps(names[1])}, {json.dumps(names[2])}]",
                  "    kind: town", f"    country: {rng.choice(iso3)}",
                  f"    latitude: {rng.uniform(-60, 60):.4f}",
                  f"    longitude: {rng.uniform(-170, 170):.4f}", "    geo_precision: 1"]
        written += 3
    (folder / "places.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return written


# --- runs ----------------------------------------------------------------------------------

def machine() -> dict[str, Any]:
    from importlib.metadata import PackageNotFoundError, version

    info: dict[str, Any] = {"python": platform.python_version(), "platform": platform.platform(),
                            "cpus": os.cpu_count()}
    try:
        with open("/proc/cpuinfo") as handle:
            info["cpu"] = next((line.split(":", 1)[1].strip() for line in handle
                                if line.startswith("model name")), "?")
        with open("/proc/meminfo") as handle:
            info["memory_gb"] = round(int(handle.readline().split()[1]) / 2**20, 1)
    except OSError:
        pass
    compiled = [*Path(eventcoder.__file__).parent.rglob("*.so"),
                *Path(eventcoder.__file__).parent.rglob("*.pyd")]
    info["eventcoder_build"] = f"compiled ({len(compiled)} modules, setup.py)" if compiled \
        else "interpreted"
    for package in ("eventcoder", "pandas", "pyarrow", "pandera", "pyahocorasick", "dateparser",
                    "dask", "distributed"):
        try:
            info[package] = version(package)
        except PackageNotFoundError:
            pass
    return info


def corpus(args: argparse.Namespace, work: Path) -> CorpusInfo:
    folder = Path(args.corpus) if args.corpus else work / "corpus"
    stamp = folder / "_corpus.json"
    wanted = {"sentences": args.sentences, "seed": args.seed,
              "conflict_share": args.conflict_share}
    if stamp.exists() and json.loads(stamp.read_text()).get("key") == wanted:
        meta = json.loads(stamp.read_text())
        info = CorpusInfo(folder, sorted(folder.glob("*.jsonl")), meta["articles"],
                          meta["sentences"], meta["bytes"])
        print(f"corpus: reusing {folder}")
        return info
    if folder.exists():
        shutil.rmtree(folder)
    t = time.perf_counter()
    info = generate(folder, args.sentences, args.seed, conflict_share=args.conflict_share)
    stamp.write_text(json.dumps({"key": wanted, "articles": info.articles,
                                 "sentences": info.sentences, "bytes": info.bytes}))
    print(f"corpus: generated in {time.perf_counter() - t:.1f} s")
    return info


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def report(label: str, info: CorpusInfo, seconds: float, events: int, cpu: float | None = None,
           load: tuple[float, float] | None = None) -> dict[str, Any]:
    figures = {"label": label, "sentences": info.sentences, "articles": info.articles,
               "mb": info.bytes / 1e6, "events": events, "seconds": seconds,
               "sentences_per_s": info.sentences / seconds, "mb_per_s": info.bytes / 1e6 / seconds,
               "events_per_s": events / seconds, "articles_per_s": info.articles / seconds,
               "cpu_s": cpu, "load": load}
    print(f"\n== {label}")
    print(f"  {info.sentences:,} sentences, {info.articles:,} articles, {info.bytes / 1e6:.1f} MB"
          f" -> {events:,} events in {seconds:.2f} s wall")
    print(f"  {figures['sentences_per_s']:,.0f} sentences/s   {figures['mb_per_s']:.3f} MB/s   "
          f"{figures['events_per_s']:,.0f} events/s   {figures['articles_per_s']:,.0f} articles/s")
    if cpu:
        figures["sentences_per_cpu_s"] = info.sentences / cpu
        print(f"  CPU {cpu:.2f} s: {info.sentences / cpu:,.0f} sentences per CPU-second "
              f"(wall/CPU {seconds / cpu:.2f})")
    if load:
        print(f"  load average {load[0]:.2f} before, {load[1]:.2f} after (cores: {os.cpu_count()})")
    return figures


def print_stages(clock: StageClock, total: float, sentences: int) -> dict[str, float]:
    timed = sum(clock.seconds.values())
    rows = dict(sorted(clock.seconds.items(), key=lambda kv: -kv[1]))
    rows["other (loop, bookkeeping)"] = max(0.0, total - timed)
    print(f"  {'stage':<28}{'CPU s':>9}{'share':>8}{'us/sentence':>13}{'calls':>11}")
    groups: dict[str, float] = defaultdict(float)
    for stage, seconds in rows.items():
        print(f"  {stage:<28}{seconds:>9.2f}{seconds / total:>8.1%}"
              f"{seconds / sentences * 1e6:>13.1f}{clock.calls.get(stage, 0):>11,}")
        groups[stage.split(".")[0].split(" ")[0]] += seconds
    print("  by stage: " + ", ".join(f"{k} {v / total:.0%}" for k, v in
                                     sorted(groups.items(), key=lambda kv: -kv[1])))
    return dict(rows)


WARM_UP = [("Pakistani and Afghan forces exchanged fire near Torkham on Thursday, killing three "
            "soldiers, officials said."), "Turkey offered to host talks on 12 March.",
           "Jets struck positions in Kandahar last week."]


def warm_up(coder: eventcoder.Coder) -> None:
    """Code three sentences first, so that lazy imports and first-call costs (dateparser's
    language data, Pandera's backends) are not counted in the timed run."""
    coder.code_texts(WARM_UP, published="2020-01-01")


def _one_pass(args: argparse.Namespace, info: CorpusInfo, coder: eventcoder.Coder, out: Path,
              samples: list[float], timed_stages: bool = False,
              profiler: "Profiler | None" = None) -> tuple[dict[str, Any], StageClock]:
    """Code the corpus once into `out`, from a fresh date resolver (so that no pass finds
    the dates of an earlier one cached); returns the pass's figures and its stage clock."""
    if out.exists():
        shutil.rmtree(out)
    language = coder.lexicon.language
    coder.dates = type(coder.dates)(language.dates, language.numbers)
    with stage_clock(coder, timed_stages) as clock:
        load = os.getloadavg()[0]
        cpu = cpu_seconds()
        t = time.perf_counter()
        if profiler:
            profiler.start()
        summary = scale.code_to_dataset(info.files, out, coder, batch_size=args.batch_size,
                                        progress=lambda n: samples.append(rss_mb()))
        if profiler:
            profiler.stop()
        seconds = time.perf_counter() - t
        cpu = cpu_seconds() - cpu
    table = pq.read_table(out, columns=["event_id"])
    assert table.num_rows == summary.events, "dataset rows differ from the run's count"
    return {"seconds": seconds, "cpu": cpu, "events": summary.events, "parts": summary.parts,
            "load": (load, os.getloadavg()[0])}, clock


def run_local(args: argparse.Namespace, info: CorpusInfo, work: Path, label: str,
              extra_lexicons: list[Path] | None = None) -> dict[str, Any]:
    """Time `--repeat` plain passes (the headline is the fastest, as timeit does: a busy
    machine only ever adds time), then one pass with stage wrappers for the stage table,
    whose wrappers cost time of their own and so never count in the headline."""
    rss_before = rss_mb()
    t = time.perf_counter()
    coder = eventcoder.Coder(extra_lexicons=extra_lexicons or [])
    build = time.perf_counter() - t
    warm_up(coder)
    rss_coder = rss_mb()
    print(f"\ncoder ({label}): built in {build:.1f} s, {coder.matcher.size:,} matcher phrases, "
          f"RSS {rss_before:.0f} -> {rss_coder:.0f} MB")
    out = work / "events"
    samples = [rss_coder]
    passes = [_one_pass(args, info, coder, out, samples)[0] for _ in range(args.repeat)]
    best = min(passes, key=lambda p: p["cpu"])
    figures = report(label, info, best["seconds"], best["events"], best["cpu"], best["load"])
    cpus = sorted(p["cpu"] for p in passes)
    if len(passes) > 1:
        print(f"  {len(passes)} passes, CPU s " + ", ".join(f"{p['cpu']:.2f}" for p in passes)
              + f": fastest {info.sentences / cpus[0]:,.0f}, median "
              f"{info.sentences / cpus[len(cpus) // 2]:,.0f}, slowest "
              f"{info.sentences / cpus[-1]:,.0f} sentences per CPU-second")
    figures.update(build_s=build, matcher_phrases=coder.matcher.size, parts=best["parts"],
                   passes_cpu_s=[p["cpu"] for p in passes], rss_after_build_mb=rss_coder,
                   dateparser_calls=getattr(coder.dates, "calls", None))
    if args.profile:
        profiler = Profiler(args.profiler)
        profiled = _one_pass(args, info, coder, out, samples, profiler=profiler)[0]
        profiler.report(args.profile, profiled["seconds"])
    elif not args.no_stages:
        staged, clock = _one_pass(args, info, coder, out, samples, timed_stages=True)
        cache = getattr(coder.dates, "_cache", None)
        if cache is not None:
            print(f"  dates: {clock.calls.get('resolve.dates', 0):,} resolutions asked, "
                  f"{len(cache):,} distinct (expression, publication date, tense), "
                  f"{figures['dateparser_calls']:,} dateparser calls")
        print(f"  stages, CPU time of one more pass with timing wrappers ({staged['cpu']:.2f} "
              f"CPU-s; the wrappers' own cost lands in 'other'):")
        figures["stages"] = print_stages(clock, staged["cpu"], info.sentences)
    figures.update(rss_max_during_coding_mb=max(samples), peak_rss_mb=peak_rss_mb())
    print(f"  memory: RSS {rss_coder:.0f} MB after building the coder, at most "
          f"{max(samples):.0f} MB while coding; process peak {peak_rss_mb():.0f} MB")
    return figures


class Profiler:
    """cProfile (deterministic; inflates many small calls) or pyinstrument (sampling, closer
    to real shares; pip install pyinstrument). Reports own time per function and per file."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        if kind == "pyinstrument":
            from pyinstrument import Profiler as Sampler

            self._sampler = Sampler(interval=0.001)
        else:
            self._profile = cProfile.Profile()

    def start(self) -> None:
        if self.kind == "pyinstrument":
            self._sampler.start()
        else:
            self._profile.enable()

    def stop(self) -> None:
        if self.kind == "pyinstrument":
            self._sampler.stop()
        else:
            self._profile.disable()

    def own_times(self) -> tuple[dict[tuple[str, int, str], float],
                                 dict[tuple[str, int, str], float]]:
        """Own and cumulative seconds per (file, line, function)."""
        own: dict[tuple[str, int, str], float] = defaultdict(float)
        cum: dict[tuple[str, int, str], float] = defaultdict(float)
        if self.kind == "pyinstrument":
            def walk(frame: Any, active: frozenset) -> None:
                if getattr(frame, "is_synthetic", False):
                    return  # "[self]" and similar: already in the parent's total_self_time
                key = (frame.file_path or "<unknown>", frame.line_no or 0, frame.function or "?")
                own[key] += frame.total_self_time
                if key not in active:  # recursion counts once
                    cum[key] += frame.time
                for child in frame.children:
                    walk(child, active | {key})
            root = self._sampler.last_session.root_frame()
            if root is not None:
                walk(root, frozenset())
        else:
            for key, (_, _, tottime, cumtime, _) in pstats.Stats(self._profile).stats.items():  # type: ignore[attr-defined]
                own[key] += tottime
                cum[key] += cumtime
        return own, cum

    def report(self, path: str, seconds: float, top: int = 25) -> None:
        if self.kind == "pyinstrument":
            Path(path).write_text(self._sampler.output_text(unicode=False, show_all=False))
        else:
            self._profile.dump_stats(path)
        own, cum = self.own_times()
        total = sum(own.values()) or seconds
        print(f"\n  profile ({self.kind}, saved to {path}): top functions by own time, "
              f"share of {total:.1f} s")
        for key, value in sorted(own.items(), key=lambda kv: -kv[1])[:top]:
            filename, line, name = key
            print(f"  {value / total:>6.1%} own {cum[key] / total:>6.1%} cum  "
                  f"{_short(filename)}:{line}({name})")
        by_file: dict[str, float] = defaultdict(float)
        for (filename, _, _), value in own.items():
            by_file[_short(filename, package_only=True)] += value
        print("\n  own time by file:")
        for name, value in sorted(by_file.items(), key=lambda kv: -kv[1])[:15]:
            print(f"  {value / total:>6.1%}  {name}")


def _short(filename: str, package_only: bool = False) -> str:
    marker = f"{os.sep}site-packages{os.sep}"
    if "eventcoder" in filename:
        return filename[filename.rfind("eventcoder"):]
    if marker in filename:
        rest = filename.split(marker, 1)[1]
        return rest.split(os.sep)[0] if package_only else rest
    if filename.startswith(("~", "<")):
        return "builtins" if package_only else filename
    return Path(filename).name if not package_only else "stdlib:" + Path(filename).name


def _build_and_warm() -> None:
    warm_up(scale.worker_coder(scale.CoderSpec()))


def same_tables(folders: list[Path]) -> bool:
    """Are the datasets in `folders` one table (rows in event id order)?"""
    frames = [eventcoder.read_events(f).sort_values("event_id", ignore_index=True)
              for f in folders]
    return all(frame.equals(frames[0]) for frame in frames[1:])


def run_dask(args: argparse.Namespace, info: CorpusInfo, work: Path, workers: int
             ) -> dict[str, Any]:
    import logging

    import distributed

    logging.getLogger("distributed").setLevel(logging.WARNING)
    out = work / f"events-dask-{workers}"
    if out.exists():
        shutil.rmtree(out)
    t = time.perf_counter()
    with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster, \
            distributed.Client(cluster) as client:
        start = time.perf_counter() - t
        t = time.perf_counter()
        client.run(_build_and_warm)  # build the coders first, and warm them up
        build = time.perf_counter() - t
        cpu_before = sum(client.run(cpu_seconds).values())
        load = os.getloadavg()[0]
        summary = scale.code_dask(info.files, out, client=client, batch_size=args.batch_size)
        cpu = sum(client.run(cpu_seconds).values()) - cpu_before
        peaks = client.run(peak_rss_mb)
    code = summary.timings["code"]
    figures = report(f"dask, {workers} worker{'s' * (workers > 1)}", info, code, summary.events,
                     cpu, (load, os.getloadavg()[0]))
    figures.update(workers=workers, cluster_start_s=start, build_s=build,
                   end_to_end_s=start + build + summary.seconds,
                   worker_peak_rss_mb=sorted(peaks.values()))
    print(f"  cluster start {start:.1f} s, coders built on the workers in {build:.1f} s, "
          f"coding {code:.1f} s; end to end {start + build + summary.seconds:.1f} s")
    print("  worker peak RSS: " + ", ".join(f"{v:.0f} MB" for v in sorted(peaks.values())))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sentences", nargs="?", type=int, default=100_000,
                        help="corpus size in sentences (default 100000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--conflict-share", type=float, default=CONFLICT_ARTICLE_SHARE,
                        help="share of the corpus's articles that are about conflict "
                             f"(default {CONFLICT_ARTICLE_SHARE})")
    parser.add_argument("--batch-size", type=int, default=scale.DEFAULT_BATCH_SIZE,
                        help="articles per part file")
    parser.add_argument("--engine", choices=["local", "dask"], default="local")
    parser.add_argument("--workers", default="1,2",
                        help="Dask workers, a number or a list such as 1,2 (default 1,2)")
    parser.add_argument("--repeat", type=int, default=None,
                        help="passes to time; the fastest is reported (a busy machine only "
                             "adds time). Local: default 3. Dask: each worker count this many "
                             "times, interleaved (default 1)")
    parser.add_argument("--lexicon-scale", type=float, default=1.0,
                        help="also run with extra synthetic entries making the matcher this "
                             "many times larger than the bundled lexicon's")
    parser.add_argument("--corpus", help="folder for the corpus (kept, and reused when the "
                                         "size and seed match)")
    parser.add_argument("--profile", metavar="FILE", help="profile the run with cProfile into FILE"
                                                          " and print the hotspots")
    parser.add_argument("--profiler", choices=["cprofile", "pyinstrument"], default="cprofile",
                        help="profiler for --profile (pyinstrument samples, with less overhead)")
    parser.add_argument("--no-stages", action="store_true",
                        help="no extra pass with per-stage timing wrappers")
    parser.add_argument("--json", metavar="FILE", help="append the figures to FILE (JSON lines)")
    args = parser.parse_args()
    if args.repeat is None:
        args.repeat = 3 if args.engine == "local" else 1

    work = Path(tempfile.mkdtemp(prefix="eventcoder-bench-"))
    results: list[dict[str, Any]] = []
    try:
        print("machine: " + json.dumps(machine()))
        info = corpus(args, work)
        print(f"corpus: {info.sentences:,} sentences, {info.articles:,} articles, "
              f"{info.bytes / 1e6:.1f} MB in {len(info.files)} files")
        if args.engine == "dask":
            counts = [int(w) for w in str(args.workers).split(",")]
            for _ in range(args.repeat):  # interleaved, so a busy spell hits every count
                for workers in counts:
                    results.append(run_dask(args, info, work, workers))
            best = {w: min((r for r in results if r["workers"] == w),
                           key=lambda r: r["seconds"]) for w in counts}
            base = best[counts[0]]
            print(f"tables of {', '.join(map(str, counts))} workers identical: "
                  f"{same_tables([work / f'events-dask-{w}' for w in counts])}")
            for w in counts[1:]:
                r = best[w]
                print(f"\nspeed-up {w} workers over {counts[0]}"
                      f"{f' (best of {args.repeat} runs each)' if args.repeat > 1 else ''}: "
                      f"{base['seconds'] / r['seconds']:.2f}x (coding), "
                      f"{base['end_to_end_s'] / r['end_to_end_s']:.2f}x (end to end)")
        else:
            results.append(run_local(args, info, work, "local, bundled lexicon"))
            if args.lexicon_scale > 1:
                target = int((args.lexicon_scale - 1) * results[0]["matcher_phrases"])
                t = time.perf_counter()
                written = build_lexicon(work / "lexicon", target)
                print(f"\nlexicon: {written:,} synthetic names written in "
                      f"{time.perf_counter() - t:.1f} s")
                label = f"local, lexicon x{args.lexicon_scale:g}"
                results.append(run_local(args, info, work, label, [work / "lexicon"]))
                a, b = results
                print(f"\nlexicon growth: {b['matcher_phrases'] / a['matcher_phrases']:.1f}x the "
                      f"phrases costs {b['seconds'] / a['seconds']:.2f}x the time "
                      f"({a['events']} vs {b['events']} events)")
        if args.json:
            with open(args.json, "a", encoding="utf-8") as handle:
                for r in results:
                    handle.write(json.dumps({"machine": machine(), "args": vars(args), **r},
                                            default=str) + "\n")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
