"""The command line's checks of its arguments, made before the Coder is built (seconds):
a bad output, input or lexicon is refused at once, with nothing coded."""

from __future__ import annotations

from pathlib import Path

import click

from .errors import EventcoderError, LexiconError


def check_output(output: str, inputs: tuple[str, ...], force: bool, folder_mode: bool) -> None:
    """Refuse a bad output before the Coder is built and anything coded."""
    from .dataset import check_output_file
    from .parts import check_output_folder

    try:
        if folder_mode:
            check_output_folder(output, inputs)
        else:
            check_output_file(output, inputs, overwrite=force)
    except EventcoderError as exc:
        raise click.ClickException(str(exc)) from exc


def check_inputs(inputs: tuple[str, ...]) -> None:
    """Refuse, before the Coder is built (seconds), an input the reader would refuse when
    it comes to it: a file named directly that is not a regular .txt or .jsonl file, or
    cannot be read; a folder that cannot be listed. (click has checked that each exists.)"""
    import os

    from .errors import Problem
    from .inputs import READABLE_SUFFIXES

    for item in inputs:
        path = Path(item)
        if path.is_dir():
            problem = None if os.access(path, os.R_OK | os.X_OK) else "cannot be listed"
        elif not path.is_file():
            problem = "not a regular file: not read"
        elif path.suffix.lower() not in READABLE_SUFFIXES:
            problem = "unsupported file type (use .txt or .jsonl)"
        else:
            problem = None if os.access(path, os.R_OK) else "cannot be read"
        if problem is not None:
            raise click.ClickException(f"{Problem(item, None, problem)}: nothing was coded")


def check_lexicon(lexicons: tuple[str, ...]) -> None:
    """With --only-lexicons, a lexicon that cannot code anything is an error, not 0 events
    (checked before the Coder is built)."""
    from .lexicon import load_lexicon

    try:
        loaded = load_lexicon(list(lexicons))
    except LexiconError as exc:
        raise click.ClickException(str(exc)) from exc
    if not loaded.event_types:
        raise click.ClickException("the lexicons given with --only-lexicons define no event "
                                   "types: nothing can be coded")
    if not loaded.countries:
        raise click.ClickException(
            "the lexicons given with --only-lexicons define no countries: no state, capital "
            "or place can be named, so almost no event would be coded. Add a countries file "
            "(the bundled one is eventcoder/lexicons/en/actors/countries.yaml) or drop "
            "--only-lexicons")
