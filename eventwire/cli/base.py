"""The click group every command module attaches to."""
from __future__ import annotations

import logging

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More logging on standard error (-v info, -vv debug).")
@click.version_option(package_name="eventwire")
def cli(verbose: int) -> None:
    """eventwire: news articles in, political event data, quotes and warnings out.

    Exit codes: 0 success, 1 some records failed (their error objects are in the output),
    2 usage error.
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


published_option = click.option(
    "--published", envvar="EVENTWIRE_PUBLISHED", default=None, metavar="YYYY-MM-DD",
    help="Publication date for inputs that carry none (a record's own date wins).")
actors_option = click.option(
    "--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
    help="Extra actor file (YAML/JSONL) that extends the shipped dictionaries.")
patterns_option = click.option(
    "--patterns", "pattern_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
    help="Extra event pattern file (YAML) that extends the shipped lexicon.")


def _check_conventions(ctx, param, value):
    from ..events.lexicon import ConventionsError, load_conventions

    try:
        load_conventions(value)
    except ConventionsError as exc:
        raise click.BadParameter(str(exc)) from exc
    return value


conventions_option = click.option(
    "--conventions", default="cameo", show_default=True, metavar="NAME|FILE", callback=_check_conventions,
    help="How events are written down: cameo (the CAMEO manual), plover-gsr, petrarch2, or a YAML file "
         "(see eventwire/data/events/conventions/).")
db_option = click.option(
    "--db", envvar="EVENTWIRE_DB", default="eventwire.db", show_default=True,
    help="SQLite file or postgresql:// URL.")


def scale_options(func):
    """--workers / --engine / --scheduler, shared by `extract` and `ingest`."""
    from ..scale import ENGINES

    func = click.option("--scheduler", default=None, metavar="ADDR", envvar="EVENTWIRE_SCHEDULER",
                        help="Dask scheduler address (tcp://HOST:8786); default a LocalCluster on 127.0.0.1.")(func)
    func = click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
                        help="local: multiprocessing on this machine; dask: Dask distributed.")(func)
    func = click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
                        envvar="EVENTWIRE_WORKERS",
                        help="Worker processes (each loads the model once); output order is kept.")(func)
    return func


def check_scale_options(workers: int, engine: str, scheduler: str | None) -> None:
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
