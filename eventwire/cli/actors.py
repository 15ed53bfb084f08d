"""`eventwire actors lookup NAME`: how a name resolves to an actor code, and why."""
from __future__ import annotations

import click

from ..ingest import normalise_date
from .base import actors_option, cli


@cli.group()
def actors() -> None:
    """Actor dictionaries: look up how a name resolves."""


@actors.command()
@click.argument("name")
@click.option("--date", "date", default=None, metavar="YYYY-MM-DD",
              help="Article date: picks the office-holder's term (default: the latest term).")
@actors_option
def lookup(name: str, date: str | None, actor_files: tuple[str, ...]) -> None:
    """Resolve NAME ("the Kremlin", "Egypt's foreign minister", "Netanyahu") and explain the rule/data used.

    Exit status 1 when NAME resolves to no actor.
    """
    from ..actors import ActorDataError, resolve_name
    from ..pipeline import Settings

    try:
        date = normalise_date(date)
        result = resolve_name(name, date, Settings(actor_files=tuple(actor_files)))
    except (ActorDataError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    if result is None or result.code is None:
        click.echo(f"{name!r}: no actor code" + (f" ({result.evidence})" if result else ""))
        raise SystemExit(1)
    click.echo(f"{name!r} -> {result.code}")
    click.echo(f"  name:     {result.name}")
    click.echo(f"  country:  {result.country or '-'}")
    click.echo(f"  sector:   {result.sector or '-'}")
    click.echo(f"  kind:     {result.role or '-'}")
    click.echo(f"  why:      {result.evidence}")
