"""`eventwire ingest`, `eventwire events` and `eventwire export`: the store from the command line."""
from __future__ import annotations

import json
import logging
import sys

import click

from ..ingest import InputError, normalise_date
from .base import (actors_option, check_scale_options, cli, conventions_option, db_option, patterns_option, published_option,
                   scale_options)

LOGGER = logging.getLogger(__name__)


def event_filter_options(func):
    """The event filters shared by `events` and `export` (codes match by prefix: RUS matches RUSGOV)."""
    options = [
        click.option("--actor", help="Actor code as source or target, e.g. RUS or RUSGOV."),
        click.option("--source", help="Source actor code."),
        click.option("--target", help="Target actor code."),
        click.option("--dyad", metavar="A-B", help="Events between two actors, either direction, e.g. RUS-UKR."),
        click.option("--code", help="CAMEO code or prefix, e.g. 036 or 19."),
        click.option("--root", help="CAMEO root code 01-20."),
        click.option("--quad-class", type=click.IntRange(1, 4), help="1 verbal coop .. 4 material conflict."),
        click.option("--status", type=click.Choice(["actual", "intended", "threatened", "hypothetical", "negated"])),
        click.option("--since", metavar="YYYY-MM-DD", help="First day (event date, else publication date)."),
        click.option("--until", metavar="YYYY-MM-DD", help="Last day."),
        click.option("-q", "--search", "q", help="Full-text search in the article title and text."),
        click.option("--all-statuses", "include_uncounted", is_flag=True,
                     help="Include hypothetical and negated events (left out by default)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


_FILTER_KEYS = ("actor", "source", "target", "dyad", "code", "root", "quad_class", "status", "since", "until", "q",
                "include_uncounted")


def _filters(kwargs: dict) -> dict:
    return {k: kwargs[k] for k in _FILTER_KEYS if kwargs.get(k) not in (None, "", False)}


def _open(db: str, read_only: bool = False):
    from pathlib import Path

    from ..store import open_store

    if read_only and "://" not in db and db != ":memory:" and not Path(db).exists():
        raise click.ClickException(f"no database at {db}: create one with `eventwire ingest FILES --db {db}`")
    try:
        return open_store(db, read_only=read_only)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc


@cli.command()
@click.argument("inputs", nargs=-1)
@db_option
@published_option
@click.option("--batch-size", default=50, show_default=True, type=click.IntRange(1, 10_000),
              help="Articles committed per transaction.")
@click.option("--replace", is_flag=True, help="Re-store articles even when their text is unchanged.")
@actors_option
@patterns_option
@conventions_option
@scale_options
def ingest(inputs, db, published, batch_size, replace, actor_files, pattern_files, conventions, workers, engine,
           scheduler):
    """Run the pipeline over INPUTS and store the results in --db.

    Idempotent: an article already stored with the same id and text is skipped, so a rerun
    after a crash completes without duplicates. Exit status 1 if some articles failed.
    """
    from ..ingest import read_inputs
    from ..pipeline import Settings, process_all
    from ..scale import run_parallel

    check_scale_options(workers, engine, scheduler)
    if not inputs:
        raise click.UsageError("give at least one INPUT (a file, a directory, or - for JSON Lines on stdin)")
    try:
        published = normalise_date(published)
        articles = read_inputs(inputs, published)
        settings = Settings(actor_files=tuple(actor_files), pattern_files=tuple(pattern_files), conventions=conventions)

        def report(article, outcome):
            if outcome == "failed":
                click.echo(f"warning: {article.id}: {article.error or 'not stored'}", err=True)

        with _open(db) as store:
            known = [0]

            def unseen(stream):
                # Skip stored, unchanged articles before the (slow) pipeline; HTML has no text yet.
                for article in stream:
                    if not replace and not article.error and article.text and store.is_stored(article):
                        known[0] += 1
                        continue
                    yield article

            if workers == 1 and engine == "local":
                processed = process_all(unseen(articles), settings)
            else:
                processed = run_parallel(unseen(articles), settings, workers=workers, engine=engine,
                                         scheduler=scheduler)
            result = store.ingest_articles(processed, batch_size=batch_size,
                                           replace=replace, on_article=report)
            result.skipped += known[0]
            counts = store.counts()
    except (InputError, ValueError) as exc:
        raise click.UsageError(str(exc)) from exc
    click.echo(f"added {result.added} (replaced {result.replaced}), skipped {result.skipped} unchanged "
               f"({known[0]} before processing), "
               f"failed {result.failed}; {result.events} events. {db} now holds {counts['articles']} articles, "
               f"{counts['events']} counted events.", err=True)
    if result.failed:
        sys.exit(1)


@cli.command()
@db_option
@event_filter_options
@click.option("--limit", default=50, show_default=True, type=click.IntRange(0, 100_000))
@click.option("--offset", default=0, type=click.IntRange(0))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per event (JSON Lines).")
def events(db, limit, offset, as_json, **kwargs):
    """List stored events, newest first, with filters."""
    with _open(db, read_only=True) as store:
        try:
            rows = store.query_events(limit=limit, offset=offset, **_filters(kwargs))
            total = store.count_events(**_filters(kwargs))
        except ValueError as exc:
            raise click.UsageError(str(exc)) from exc
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    for r in rows:
        gs = "" if r["goldstein"] is None else f"{r['goldstein']:+.1f}"
        sentence = " ".join((r["sentence"] or "").split())
        click.echo(f"{r['date'] or '?':10}  {r['source'] or '-':>8} -> {r['target'] or '-':<8}  {r['code']:<4} "
                   f"Q{r['quad_class'] or '?'} {gs:>5}  {r['status']:<10} {sentence[:90]}")
    click.echo(f"{len(rows)} of {total} events", err=True)


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["csv", "parquet", "gdelt-tsv", "plover-json"]),
              default="csv", show_default=True)
@click.option("-o", "--out", type=click.Path(dir_okay=False, writable=True), default="-",
              help="Output file (default: standard output; parquet needs a file).")
@event_filter_options
def export(db, fmt, out, **kwargs):
    """Export stored events as CSV, Parquet, GDELT 1.0 TSV or PLOVER-style JSON."""
    from ..store.export import BINARY_FORMATS, export_events

    if fmt in BINARY_FORMATS and out == "-":
        raise click.UsageError(f"--format {fmt} writes a binary file: give --out FILE")
    with _open(db, read_only=True) as store:
        try:
            if out == "-":
                n = export_events(store, fmt, sys.stdout, **_filters(kwargs))
            else:
                mode = "wb" if fmt in BINARY_FORMATS else "w"
                with open(out, mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": ""})) as fh:
                    n = export_events(store, fmt, fh, **_filters(kwargs))
        except ValueError as exc:
            raise click.UsageError(str(exc)) from exc
    click.echo(f"exported {n} events as {fmt}", err=True)
