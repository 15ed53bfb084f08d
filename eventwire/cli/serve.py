"""`eventwire serve`: the dashboard and JSON API over a store, on loopback by default."""
from __future__ import annotations

import logging
from pathlib import Path

import click

from .base import cli, db_option

LOGGER = logging.getLogger(__name__)


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind. Anything but loopback exposes the data to your network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--write-token", envvar="EVENTWIRE_WRITE_TOKEN", default=None,
              help="Enable POST /api/articles for requests with 'Authorization: Bearer TOKEN' "
                   "(env EVENTWIRE_WRITE_TOKEN). Without it the server is read-only.")
def serve(db, host, port, write_token):
    """Browse --db in a web dashboard, with a JSON API under /api and its docs at /docs."""
    import uvicorn

    from ..store import open_store
    from ..web import create_app
    from ..web.app import LOOPBACK_HOSTS

    if "://" not in db and not Path(db).exists() and not write_token:
        raise click.ClickException(f"no database at {db}: create one with `eventwire ingest FILES --db {db}` "
                                   f"or `eventwire demo`")
    if write_token is not None and len(write_token) < 8:
        raise click.UsageError("--write-token must be at least 8 characters")
    try:
        reader = open_store(db, read_only=not write_token)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    loopback = host in ("127.0.0.1", "localhost", "::1")
    # On loopback only loopback Host headers are served (DNS rebinding); elsewhere any name the user uses.
    app = create_app(reader, write_token=write_token, allowed_hosts=LOOPBACK_HOSTS if loopback else ["*"])
    if not loopback:
        click.echo(f"warning: binding {host}: the dashboard is reachable from other machines", err=True)
    mode = "read-write (POST /api/articles with the bearer token)" if write_token else "read-only"
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"eventwire serving {db} ({mode}) on http://{shown}:{port}/  (API docs: /docs)", err=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        reader.close()
