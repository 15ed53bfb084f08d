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
db_option = click.option(
    "--db", envvar="EVENTWIRE_DB", default="eventwire.db", show_default=True,
    help="SQLite file or postgresql:// URL.")
