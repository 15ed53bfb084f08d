"""`eventwire extract` and `eventwire clean`: the pure pipeline, JSON Lines out (CONTRACT.md)."""
from __future__ import annotations

import json
import sys

import click

from ..ingest import InputError, normalise_date, read_inputs
from ..pipeline import CLEAN_ONLY, Settings, process_all
from .base import (actors_option, check_scale_options, cli, conventions_option, patterns_option, published_option,
                   scale_options)


def _run(inputs, published, settings: Settings, workers: int = 1, engine: str = "local",
         scheduler: str | None = None) -> None:
    if not inputs:
        raise click.UsageError("give at least one INPUT (a file, a directory, or - for JSON Lines on stdin)")
    try:
        published = normalise_date(published)
        articles = read_inputs(inputs, published)
        failed = 0
        if workers == 1 and engine == "local":
            processed = process_all(articles, settings)
        else:
            from ..scale import run_parallel

            processed = run_parallel(articles, settings, workers=workers, engine=engine, scheduler=scheduler)
        for article in processed:
            if article.error:
                failed += 1
                click.echo(f"warning: {article.id}: {article.error}", err=True)
            sys.stdout.write(json.dumps(article.to_contract(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
    except (InputError, ValueError) as exc:
        raise click.UsageError(str(exc)) from exc
    if failed:
        click.echo(f"{failed} record(s) failed", err=True)
        sys.exit(1)


@cli.command()
@click.argument("inputs", nargs=-1)
@published_option
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@actors_option
@patterns_option
@conventions_option
@scale_options
def extract(inputs, published, fmt, actor_files, pattern_files, conventions, workers, engine, scheduler):
    """Run the whole pipeline over INPUTS (.txt, .html, .jsonl, directories, - for stdin).

    Writes one JSON object per article to standard output, in input order.
    """
    check_scale_options(workers, engine, scheduler)
    settings = Settings(actor_files=tuple(actor_files), pattern_files=tuple(pattern_files), conventions=conventions)
    _run(inputs, published, settings, workers, engine, scheduler)


@cli.command()
@click.argument("inputs", nargs=-1)
@published_option
def clean(inputs, published):
    """Ingest and clean only (no NLP): title, dateline, body and what was removed."""
    _run(inputs, published, Settings(stages=CLEAN_ONLY))
