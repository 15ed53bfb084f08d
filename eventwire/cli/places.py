"""`eventwire places lookup NAME`: how eventwire geocodes a place name, and why."""
from __future__ import annotations

import json

import click

from .base import cli


@cli.group()
def places() -> None:
    """The offline gazetteer (GeoNames cities, countries, curated regions and rivers)."""


@places.command()
@click.argument("name")
@click.option("--country", default=None, metavar="ISO3",
              help="Prefer places in this country (ISO alpha-3 code or name).")
@click.option("--json", "as_json", is_flag=True, help="Print the resolution as JSON.")
def lookup(name: str, country: str | None, as_json: bool) -> None:
    """Resolve NAME to a place with country and coordinates, and say why."""
    from ..places import lookup as lookup_place

    try:
        res = lookup_place(name, country)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--country") from exc
    if res.best is None:
        if as_json:
            click.echo(json.dumps({"query": name, "place": None, "evidence": res.evidence}))
        else:
            click.echo(f"{name}: not found ({res.evidence})")
        raise SystemExit(1)
    best = res.best
    if as_json:
        click.echo(json.dumps({"query": name, "place": {"name": best.name, "country": best.country,
                                                         "lat": best.lat, "lon": best.lon, "kind": best.kind},
                               "evidence": res.evidence,
                               "candidates": [{"name": c.name, "country": c.country, "population": c.population,
                                               "kind": c.kind} for c in res.candidates[1:10]]},
                              ensure_ascii=False))
        return
    click.echo(f"{name} -> {best.name}, {best.country} ({best.lat}, {best.lon}) [{best.kind}]")
    click.echo(f"why: {res.evidence}")
    for other in res.candidates[1:6]:
        click.echo(f"  also: {other.name}, {other.country} [{other.kind}] population {other.population}")
