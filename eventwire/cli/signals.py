"""`eventwire alerts`, `eventwire series`, `eventwire dedup`: signals over stored or extracted events."""
from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from .base import cli

LOGGER = logging.getLogger(__name__)

_db_option = click.option("--db", envvar="EVENTWIRE_DB", default=None, metavar="FILE|URL",
                          help="SQLite file or postgresql:// URL written by `eventwire ingest`.")
_events_option = click.option("--events", "events_file", type=click.Path(exists=True, dir_okay=False),
                              default=None, help="`eventwire extract` output (JSON Lines) instead of a store.")
_config_option = click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False),
                              default=None, help="YAML file overriding eventwire/data/signals/defaults.yaml.")


def _load_frame(db: str | None, events_file: str | None, since: str | None = None, until: str | None = None):
    from ..signals import read_events_jsonl

    if bool(db) == bool(events_file):
        raise click.UsageError("give exactly one of --db FILE or --events FILE.jsonl")
    if events_file:
        frame = read_events_jsonl(events_file)
        if since:
            frame = frame[frame["date"] >= since]
        if until:
            frame = frame[frame["date"] <= until]
        return frame
    if "://" not in db and not Path(db).exists():
        raise click.UsageError(f"no such store: {db} (run `eventwire ingest --db {db} ...` first)")
    from ..store import open_store

    filters = {k: v for k, v in (("since", since), ("until", until)) if v}
    try:
        with open_store(db, read_only=True) as store:
            return store.events_frame(**filters)
    except (ValueError, TypeError) as exc:
        raise click.UsageError(str(exc)) from exc


def _config(config_file: str | None) -> dict:
    from ..signals import load_config

    try:
        return load_config(config_file)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc


@cli.command()
@_db_option
@_events_option
@_config_option
@click.option("--method", type=click.Choice(["zscore", "cusum"]), default=None,
              help="Detector (default from the config: zscore).")
@click.option("--since", default=None, metavar="YYYY-MM-DD", help="Only events on or after this day.")
@click.option("--until", default=None, metavar="YYYY-MM-DD", help="Only events on or before this day.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per alert instead of text.")
def alerts(db, events_file, config_file, method, since, until, as_json):
    """Escalation alerts per dyad, each with the events that drove it.

    Reads a store (--db) or extract output (--events). Exit status 0 whether or not alerts fire.
    """
    from ..signals import detect_alerts

    found = detect_alerts(_load_frame(db, events_file, since, until), method=method, config=_config(config_file))
    if as_json:
        for alert in found:
            sys.stdout.write(json.dumps(alert, ensure_ascii=False, default=str) + "\n")
        return
    if not found:
        click.echo("no alerts")
        return
    for alert in found:
        click.echo(f"ALERT {alert['dyad']}  {alert['window_start']} .. {alert['window_end']}  "
                   f"first {alert['first_alert']}  {alert['method']} {alert['score']:.2f}")
        click.echo(f"  {alert['evidence']}")
        for ev in alert["events"]:
            click.echo(f"  - {ev['date']} {ev['source']}->{ev['target']} {ev['code']} ({ev['goldstein']}, "
                       f"{ev['status']}) [{', '.join(ev.get('article_ids') or [ev['article_id']])}] {ev['sentence']}")


@cli.command()
@_db_option
@_events_option
@_config_option
@click.option("--freq", type=click.Choice(["D", "W"]), default="D", show_default=True, help="Days or weeks.")
@click.option("--dyad", default=None, metavar="A|B", help="Only this dyad, e.g. ECU|PER (sorted unless directed).")
def series(db, events_file, config_file, freq, dyad):
    """Dyadic series as CSV: counts by QuadClass, Goldstein sum and mean, conflict intensity."""
    from ..signals import dyad_series

    config = _config(config_file)
    frame = dyad_series(_load_frame(db, events_file), freq=freq, config=config)
    if dyad:
        parts = [p.strip().upper() for p in dyad.split("|")]
        if len(parts) != 2 or not all(parts):
            raise click.UsageError(f"--dyad must look like A|B, got {dyad!r}")
        if not config["series"]["directed"]:
            parts.sort()  # undirected dyads are labelled in sorted order
        frame = frame[frame["dyad"] == "|".join(parts)]
    frame.to_csv(sys.stdout, index=False)


@cli.command()
@_db_option
@_events_option
@_config_option
def dedup(db, events_file, config_file):
    """Events merged across articles (JSON Lines) with num_articles, num_sources and all event ids."""
    from ..signals import dedup_events

    frame = dedup_events(_load_frame(db, events_file), config=_config(config_file))
    for row in frame.to_dict("records"):
        sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
