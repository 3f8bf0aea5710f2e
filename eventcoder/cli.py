"""The command line: a thin shell over the library. Each command parses its arguments,
calls one library function, and turns the library's errors into clear messages."""

from __future__ import annotations

import json
import logging
import sys
import warnings
from pathlib import Path
from typing import Any

import click

from . import __version__
from .cli_checks import check_inputs as _check_inputs
from .cli_checks import check_lexicon as _check_lexicon
from .cli_checks import check_output as _check_output
from .errors import EventcoderError, InputError, InputWarning

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _coder(lexicons: tuple[str, ...], replace: bool) -> Any:
    from .coder import Coder

    if replace and lexicons:
        return Coder(lexicons=list(lexicons))
    return Coder(extra_lexicons=list(lexicons))


def _fail(exc: Exception) -> None:
    raise click.ClickException(str(exc))


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, prog_name="eventcoder")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug).")
def main(verbose: int) -> None:
    """Code news articles into a validated conflict-event dataset.

    \b
    Examples:
      eventcoder code examples/articles -o events.parquet
      eventcoder validate events.parquet
      eventcoder report events.parquet -o report/
      eventcoder export events.parquet --format acled -o events-acled.csv
      eventcoder lexicon check my_lexicon/
      eventcoder evaluate --gold examples/gold.jsonl examples/articles
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@main.command(context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", default="events.parquet", show_default=True,
              type=click.Path(),
              help="Parquet file to write (ending in .parquet); a folder (ending in / or "
                   "existing) writes a partitioned dataset.")
@click.option("--force", is_flag=True,
              help="Write over an existing file that is not an eventcoder output.")
@click.option("--on-error", type=click.Choice(["raise", "skip"]), default="raise",
              show_default=True, help="Stop at a bad article, or skip it with a warning.")
@click.option("--dayfirst/--monthfirst", default=None,
              help="Read numeric publication dates such as 02/03/2026 day first (2 March) "
                   "or month first (3 February). Default: refuse the ambiguous ones.")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(exists=True),
              help="Extra lexicon file or folder (repeatable), added to the bundled one.")
@click.option("--only-lexicons", is_flag=True,
              help="Use only the --lexicon folders, not the bundled lexicon.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: when the terminal is interactive).")
@click.option("--merge", type=click.Choice(["event", "article"]), default="event",
              show_default=True,
              help="event: the articles that report one event (same type, actors, place "
                   "and day) give one row, with n_sources and every mention. article: a "
                   "row per article.")
# --- scale options (eventcoder.scale): partitioned dataset output, Dask ---------------------
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: one process. dask: a Dask LocalCluster of --workers processes "
                   "(pip install 'eventcoder[dask]'); writes a dataset folder.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Dask worker processes (default: one per core). Needs --engine dask.")
@click.option("--batch-size", type=click.IntRange(min=1), default=None,
              help="Articles per part file; writes a partitioned dataset folder "
                   "(default 5000 in folder mode).")
@click.option("--resume/--no-resume", default=True, show_default=True,
              help="Folder mode: keep the parts an interrupted run completed, code the rest.")
# --- end scale options -----------------------------------------------------------------------
def code(inputs: tuple[str, ...], output: str, force: bool, on_error: str,
         dayfirst: bool | None, lexicons: tuple[str, ...], only_lexicons: bool,
         progress: bool | None, merge: str = "event", engine: str = "local",
         workers: int | None = None, batch_size: int | None = None,
         resume: bool = True) -> None:
    """Code INPUTS (.txt files, .jsonl files, or folders of them) into a Parquet file.

    A .txt file is one article; its id is its path inside the folder given, without the
    suffix (news/2025-10-16/article.txt read as news/ is "2025-10-16/article"), or, named
    directly, its name without the suffix. A .jsonl file holds one article per line:
    {"id": ..., "text": ..., "published": "YYYY-MM-DD", "source": ..., "url": ...}; only
    id (a string or an integer) and text are required. Other files in a folder are not
    read, with a warning; hidden ones are passed by.

    \b
    Examples:
      eventcoder code examples/articles -o events.parquet
      eventcoder code news.jsonl --on-error skip -o events.parquet
      eventcoder code articles/ --lexicon my_actors.yaml -o events.parquet

    The output is checked before anything is coded: it must end in .parquet, not be an
    input, and an existing file there must be an eventcoder output (or use --force).

    With -o naming a folder (ending in /, or existing), --batch-size or --engine dask, the
    events go to a partitioned dataset: one part file per batch of articles, written as the
    run goes, so memory stays flat; rerunning an interrupted run (or one stopped by a bad
    line, once fixed) resumes it.

    \b
      eventcoder code news/ -o events/ --batch-size 2000
      eventcoder code news/ -o events/ --engine dask --workers 2
      eventcoder validate events/
    """
    # --- scale: partitioned dataset output (eventcoder.scale) -------------------------------
    if workers is not None and engine != "dask":
        raise click.UsageError("--workers needs --engine dask")
    if only_lexicons and not lexicons:
        raise click.UsageError("--only-lexicons needs --lexicon FOLDER (the lexicons to use)")
    if output == "":
        raise click.UsageError("-o/--output is empty: name a .parquet file or a folder")
    folder_mode = engine == "dask" or batch_size is not None or _is_folder(output)
    with warnings.catch_warnings():
        # Each skip is also logged (to stderr, as "WARNING ... skipped: ..."): once is enough.
        warnings.simplefilter("ignore", InputWarning)
        if on_error == "raise":
            _check_inputs(inputs)
        _check_output(output, inputs, force, folder_mode)
        if only_lexicons:
            _check_lexicon(lexicons)
        if folder_mode:
            _code_dataset(list(inputs), output, on_error, lexicons, only_lexicons, progress,
                          engine, workers, batch_size, resume, dayfirst, merge)
        else:
            _code_file(list(inputs), output, force, on_error, lexicons, only_lexicons,
                       progress, dayfirst, merge)
    # --- end scale ----------------------------------------------------------------------------


def _code_file(inputs: list[str], output: str, force: bool, on_error: str,
               lexicons: tuple[str, ...], only_lexicons: bool, progress: bool | None,
               dayfirst: bool | None, merge: str = "event") -> None:
    from tqdm import tqdm

    from .dataset import write_events

    seen = [0]
    try:
        coder = _coder(lexicons, only_lexicons)
        with tqdm(unit=" articles", disable=None if progress is None else not progress,
                  file=sys.stderr, total=_bar_total(inputs, progress)) as bar:
            def step(n: int) -> None:
                seen[0] += n
                bar.update(n)

            events = coder.code_files(inputs, on_error=on_error,
                                      progress=step, dayfirst=dayfirst, merge=merge)
        path = write_events(events, output, events.attrs.get("eventcoder"), overwrite=force)
    except InputError as exc:
        raise click.ClickException(
            f"{exc}\nNothing was written to {output} ({seen[0]} articles were coded before "
            "this one). Fix the article and rerun, or rerun with --on-error skip to pass it "
            f"by; writing to a folder (-o {Path(output).with_suffix('')}/) keeps the finished "
            "batches, and a rerun resumes from them.") from None
    except EventcoderError as exc:
        _fail(exc)
        return
    except OSError as exc:
        raise click.ClickException(f"{output}: could not be written ({exc})") from None
    _summary(f"{len(events)} events from {seen[0]} articles written to {path}",
             events.attrs.get("eventcoder", {}), events["event_type"].tolist())


def _bar_total(inputs: list[str], progress: bool | None) -> int | None:
    """The articles INPUTS hold, for the progress bar's total, percentage and time left: a
    .txt file is one, a .jsonl file one per non-blank line. None when no bar is shown, or
    when something cannot be read (the reader then reports it)."""
    if not (progress if progress is not None else sys.stderr.isatty()):
        return None
    total = 0
    try:
        for item in inputs:
            named = not Path(item).is_dir()
            for path in _files_of(item):
                if path.suffix.lower() == ".jsonl":
                    with path.open("rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                elif named or path.suffix.lower() == ".txt":
                    total += 1
    except OSError:
        return None
    return total


def _files_of(item: str) -> list[Path]:
    """The file `item`, or the files of the folder `item`, as the reader walks it (hidden
    entries and links to folders passed by)."""
    import os

    if not Path(item).is_dir():
        return [Path(item)]
    found = []
    for root, dirs, names in os.walk(item):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(root, name) for name in names if not name.startswith(".")]
    return found


def _summary(headline: str, counts: dict[str, Any], types: list[Any]) -> None:
    from collections import Counter

    passed = [f"{counts[k]} {what}" for k, what in (("skipped", "articles skipped"),
                                                   ("files_skipped", "files not read"))
              if counts.get(k)]
    click.echo(headline + (f" ({', '.join(passed)}: see the warnings)" if passed else ""))
    for event_type, count in sorted(Counter(types).items()):
        click.echo(f"  {event_type:<16} {count}")


# --- scale: partitioned dataset output (eventcoder.scale) -----------------------------------
def _updates(bar: Any) -> Any:
    """A progress callback that moves `bar` on."""
    def update(n: int) -> None:
        bar.update(n)
    return update


def _is_folder(output: str) -> bool:
    return output.endswith(("/", "\\")) or Path(output).is_dir()


def _code_dataset(inputs: list[str], output: str, on_error: str, lexicons: tuple[str, ...],
                  only_lexicons: bool, progress: bool | None, engine: str,
                  workers: int | None, batch_size: int | None, resume: bool,
                  dayfirst: bool | None, merge: str = "event") -> None:
    import pyarrow.parquet as pq
    from tqdm import tqdm

    from . import scale

    size = batch_size or scale.DEFAULT_BATCH_SIZE
    try:
        if engine == "dask":
            summary = _code_dask(inputs, output, on_error, lexicons, only_lexicons, workers,
                                 size, resume, dayfirst, merge)
        else:
            coder = _coder(lexicons, only_lexicons)
            with tqdm(unit=" articles", disable=None if progress is None else not progress,
                      file=sys.stderr, total=_bar_total(inputs, progress)) as bar:
                summary = scale.code_to_dataset(inputs, output, coder, batch_size=size,
                                                on_error=on_error,  # type: ignore[arg-type]
                                                resume=resume, progress=_updates(bar),
                                                dayfirst=dayfirst,
                                                merge=merge)  # type: ignore[arg-type]
        types = pq.read_table(summary.out_dir, columns=["event_type"]).column(0).to_pylist()
    except InputError as exc:
        raise click.ClickException(
            f"{exc}\nThe parts finished before this article are kept in {output}. Fix the "
            "article and rerun the same command to resume, or rerun with --on-error skip "
            "to pass it by.") from None
    except (EventcoderError, ImportError) as exc:
        _fail(exc)
        return
    except OSError as exc:
        raise click.ClickException(f"{output}: could not be written ({exc})") from None
    done = f", {summary.parts_skipped} already done" if summary.parts_skipped else ""
    _summary(f"{summary.events} events from {summary.documents} articles written to "
             f"{output} ({summary.parts} parts{done})",
             {"skipped": summary.skipped, "files_skipped": summary.files_skipped}, types)


def _code_dask(inputs: list[str], output: str, on_error: str, lexicons: tuple[str, ...],
               only_lexicons: bool, workers: int | None, size: int, resume: bool,
               dayfirst: bool | None, merge: str = "event") -> Any:
    from . import scale

    try:
        import distributed  # noqa: F401  (importing it sets its loggers to INFO)
    except ImportError:
        pass
    if logging.getLogger().getEffectiveLevel() >= logging.WARNING:
        logging.getLogger("distributed").setLevel(logging.WARNING)
    if only_lexicons and lexicons:
        options: dict[str, Any] = {"lexicons": list(lexicons)}
    else:
        options = {"extra_lexicons": list(lexicons)}
    return scale.code_dask(inputs, output, workers, batch_size=size,
                           on_error=on_error,  # type: ignore[arg-type]
                           resume=resume, dayfirst=dayfirst,
                           merge=merge, **options)  # type: ignore[arg-type]
# --- end scale ------------------------------------------------------------------------------


@main.command(context_settings=CONTEXT)
@click.argument("path", type=click.Path(exists=True))
def validate(path: str) -> None:
    """Check that a Parquet file (or dataset folder) is an event table eventcoder wrote.

    Checked: the eventcoder metadata (present, readable, this schema version), every
    column and its type (each part of a folder on its own), the event types against those
    of the lexicon that coded them, and the schema. A folder must hold a complete run
    (an interrupted one is refused until it is resumed) and nothing but its parts.

    \b
    Example:
      eventcoder validate events.parquet
      eventcoder validate events/
    """
    from .dataset import read_events

    try:
        events = read_events(path)
    except EventcoderError as exc:
        _fail(exc)
        return
    meta = events.attrs.get("eventcoder", {})
    click.echo(f"{path}: valid, {len(events)} events")
    if meta:
        click.echo(json.dumps(meta, indent=2, sort_keys=True))


# --- export: the ACLED layout (eventcoder.acled.layout) ---------------------------------------
@main.command("export", context_settings=CONTEXT)
@click.argument("events", type=click.Path(exists=True))
@click.option("--format", "layout", type=click.Choice(["acled"]), required=True,
              help="The layout to write: acled (ACLED's 31 export columns, in order).")
@click.option("-o", "--output", required=True, type=click.Path(),
              help="File to write: .csv (as ACLED's CSV exports) or .parquet.")
@click.option("--force", is_flag=True, help="Replace an existing output file.")
@click.option("--inter", type=click.Choice(["text", "numeric"]), default="text",
              show_default=True,
              help="Actor types and interaction as ACLED's names or its numeric codes.")
@click.option("--all-rows", is_flag=True,
              help="Keep every row (default: events that occurred, with an ACLED type and a "
                   "date, as ACLED records them).")
def export(events: str, layout: str, output: str, force: bool, inter: str,
           all_rows: bool) -> None:
    """Write an EVENTS table (a Parquet file or dataset folder eventcoder wrote) in
    another layout; see docs/acled-export.md for every column.

    \b
    Examples:
      eventcoder export events.parquet --format acled -o events-acled.csv
      eventcoder export events/ --format acled --inter numeric -o events-acled.parquet
    """
    from .acled.layout import check_export_path

    try:
        check_export_path(output, [events], overwrite=force)
    except (ValueError, OSError) as exc:
        _fail(exc)
    from .acled.layout import to_acled, write_acled
    from .dataset import read_events

    try:
        table = read_events(events)
        rows = to_acled(table, inter=inter, all_rows=all_rows)  # type: ignore[arg-type]
        write_acled(rows, output, overwrite=force)
    except (EventcoderError, ValueError) as exc:
        _fail(exc)
        return
    except OSError as exc:
        raise click.ClickException(f"{output}: could not be written ({exc})") from None
    left = "" if all_rows else f" ({len(table) - len(rows)} not occurred, or without an " \
        "ACLED type or a date, left out; --all-rows keeps them)"
    click.echo(f"{len(rows)} of {len(table)} events written to {output} in the {layout} "
               f"layout{left}")
# --- end export -------------------------------------------------------------------------------


# --- report: figures and a summary page (eventcoder.plot) ------------------------------------
@main.command(context_settings=CONTEXT)
@click.argument("events", type=click.Path(exists=True))
@click.option("-o", "--output", default="report", show_default=True, type=click.Path(),
              help="Folder to write the report to (new or empty).")
@click.option("--force", is_flag=True,
              help="Write into a non-empty folder, replacing the report's own files only.")
def report(events: str, output: str, force: bool) -> None:
    """Draw the figures of an EVENTS table (a Parquet file or dataset folder eventcoder
    wrote) into a folder, with a summary page.

    Written: timeline.png (events over time by type), map.png (events over country
    outlines, drawn offline), network.png (actors and dyads weighted by events),
    fatalities.png (reported fatalities by admin1 region) and index.html (counts by type,
    status and country, top actors, fatalities, the figures). Needs the plot extra:
    pip install 'eventcoder[plot]'.

    \b
    Example:
      eventcoder report events.parquet -o report/
    """
    from .dataset import read_events
    from .plot.report import check_report_folder

    try:
        check_report_folder(output, force)
        table = read_events(events)
    except EventcoderError as exc:
        _fail(exc)
        return
    try:
        from .plot import require_matplotlib, write_report

        require_matplotlib()
        written = write_report(table, output, force=force, source=Path(events).name)
    except (EventcoderError, ImportError) as exc:
        _fail(exc)
        return
    except OSError as exc:
        raise click.ClickException(f"{output}: could not be written ({exc})") from None
    click.echo(f"report of {len(table)} events written to {written[0]}")
    for path in written[1:]:
        click.echo(f"  {path}")
# --- end report -------------------------------------------------------------------------------


@main.group(context_settings=CONTEXT)
def lexicon() -> None:
    """Work with lexicon files."""


@lexicon.command("check", context_settings=CONTEXT)
@click.argument("folders", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--with-bundled", is_flag=True,
              help="Check the folders together with the bundled lexicon (as the coder loads them).")
def lexicon_check(folders: tuple[str, ...], with_bundled: bool) -> None:
    """Validate lexicon FOLDERS (or files) and list every problem with file, line and code.

    FOLDERS are checked as `--lexicon` loads them, on top of the bundled lexicon: they may
    refer to and edit bundled entries. The summary counts FOLDERS' own entries, or with
    --with-bundled the whole lexicon. Warnings are listed after the problems; the exit
    status is 1 when there is a problem, 0 when there are only warnings.

    \b
    Examples:
      eventcoder lexicon check my_lexicon/
      eventcoder lexicon check --with-bundled my_actors.yaml
    """
    from .lexicon.loader import BUNDLED, digest_of, read_lexicon
    from .lexicon.source import find_files

    mine = [Path(f) for f in folders]
    alone_is_bundled = any(p.resolve() == BUNDLED for p in mine)
    loaded, problems = read_lexicon(mine if alone_is_bundled else [BUNDLED, *mine])
    for problem in problems:
        click.echo(str(problem), err=True)
    for warning in loaded.warnings:
        click.echo(f"warning: {warning}", err=True)
    warned = f", {len(loaded.warnings)} warning(s)" if loaded.warnings else ""
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s) found{warned}")
    files = list(loaded.files) if with_bundled else \
        [str(f) for group in find_files(mine)[0] for f in group]
    own = set(files)
    counts = ", ".join(f"{n} {section}" for section, items in sorted(loaded.entries.items())
                       if (n := sum(s.path in own for s in items)))
    digest = loaded.digest if with_bundled else digest_of(Path(f) for f in files)
    click.echo(f"ok: {len(files)} files ({counts or 'no entries'}); hash {digest}{warned}")


@main.command(context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, type=click.Path(exists=True))
@click.option("--gold", type=click.Path(exists=True, dir_okay=False),
              help="Gold annotations (JSON Lines) of the INPUTS articles.")
@click.option("--acled", "acled", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="An ACLED export (CSV, today's or the pre-2019 taxonomy): its notes are "
                   "coded and scored against its rows (repeatable).")
@click.option("--coded", type=click.Path(exists=True),
              help="With --acled: score this event table (Parquet, doc_id = event_id_cnty) "
                   "instead of coding the notes.")
@click.option("--country", "countries", multiple=True,
              help="With --acled: only this country's rows (repeatable).")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="With --acled: a random sample of about this many rows (whole notes).")
@click.option("--seed", type=int, default=0, show_default=True,
              help="With --limit: the sample's random seed.")
@click.option("--countries-shown", type=click.IntRange(min=0), default=5, show_default=True,
              help="With --acled: per-type tables for this many of the largest countries.")
@click.option("--misses", type=click.IntRange(min=0), default=20, show_default=True,
              help="With --acled: list this many missed rows (0: none).")
@click.option("--misses-from", type=click.IntRange(min=0), default=0, show_default=True,
              help="With --acled: the first missed row listed (to page through them).")
@click.option("--misses-type", default=None,
              help="With --acled: list only the misses of this ACLED event type.")
@click.option("--rows", "rows_out", type=click.Path(dir_okay=False), default=None,
              help="With --acled: write the per-row outcomes to this file (.csv or .parquet).")
@click.option("--on-error", type=click.Choice(["raise", "skip"]), default="raise",
              show_default=True,
              help="With --acled: stop at an unreadable row, or leave it out with a warning.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(exists=True),
              help="Extra lexicon file or folder (repeatable).")
@click.option("--without-source", is_flag=True,
              help="With --acled: code the notes without the export's source (outlet).")
def evaluate(inputs: tuple[str, ...], gold: str | None, acled: tuple[str, ...],
             coded: str | None, countries: tuple[str, ...], limit: int | None, seed: int,
             countries_shown: int, misses: int, misses_from: int, misses_type: str | None,
             rows_out: str | None, on_error: str, as_json: bool, lexicons: tuple[str, ...],
             without_source: bool = False) -> None:
    """Code INPUTS and score the events against GOLD annotations, or code the notes of an
    ACLED export and score them against ACLED's rows (see docs/evaluate-acled.md).

    \b
    Examples:
      eventcoder evaluate --gold examples/gold.jsonl examples/articles
      eventcoder evaluate --acled my_region.csv
      eventcoder evaluate --acled my_region.csv --country Nigeria --limit 2000
      eventcoder evaluate --acled my_region.csv --misses 50 --misses-from 100
      eventcoder evaluate --acled my_region.csv --coded events.parquet --json
    """
    if bool(gold) == bool(acled):
        raise click.UsageError("give either --gold (with INPUTS) or --acled")
    if acled:
        if inputs:
            raise click.UsageError("--acled reads the notes of the export: no INPUTS")
        _evaluate_acled(list(acled), coded, countries, limit, seed, on_error, lexicons,
                        as_json, rows_out, (countries_shown, misses, misses_from, misses_type),
                        not without_source)
        return
    if not inputs or gold is None:
        raise click.UsageError("--gold needs the INPUTS it annotates")
    _check_inputs(inputs)
    from .evaluate import evaluate as run

    try:
        result = run(list(inputs), gold, _coder(lexicons, False))
    except EventcoderError as exc:
        _fail(exc)
        return
    click.echo(json.dumps(result.summary(), indent=2) if as_json else result.report())


def _evaluate_acled(exports: list[str], coded: str | None, countries: tuple[str, ...],
                    limit: int | None, seed: int, on_error: str, lexicons: tuple[str, ...],
                    as_json: bool, rows_out: str | None, shown: tuple[int, int, int, Any],
                    use_source: bool = True) -> None:
    from .evaluate_acled import evaluate_acled

    try:
        coder = None if coded else _coder(lexicons, False)
        result = evaluate_acled(exports, coder, list(countries) or None, limit, coded=coded,
                                seed=seed, on_error=on_error,  # type: ignore[arg-type]
                                use_source=use_source)
    except EventcoderError as exc:
        _fail(exc)
        return
    if rows_out:
        if rows_out.endswith(".parquet"):
            result.rows.to_parquet(rows_out, index=False)
        else:
            result.rows.to_csv(rows_out, index=False)
    if as_json:
        click.echo(json.dumps(result.summary(), indent=2, ensure_ascii=False))
        return
    top, count, start, of_type = shown
    click.echo(result.report(countries=top, misses=count, misses_from=start,
                             misses_type=of_type))


if __name__ == "__main__":
    main()
