"""`eventwire demo`: run the pipeline on the bundled sample, store it, and show what came out."""
from __future__ import annotations

import time
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from ..ingest import read_inputs
from ..pipeline import Settings, process_all
from .base import cli, db_option

SEED = "ukraine-talks-2022-01-31"


def _show_article(console: Console, article) -> None:
    console.rule(f"[bold]{article.title or article.id}[/bold]")
    dl = article.dateline
    console.print(f"published {article.published}  dateline {dl.place if dl else '-'} "
                  f"({dl.country if dl else '-'}, {dl.agency if dl else '-'})  "
                  f"removed {len(article.removed)} pieces: "
                  + ", ".join(sorted({r.kind for r in article.removed})), markup=False, highlight=False)
    actors = Table(title="actors", show_lines=False)
    for col in ("mention", "code", "role"):
        actors.add_column(col)
    seen = set()
    for m in article.actors:
        if (m.name, m.code) in seen or not m.code:
            continue
        seen.add((m.name, m.code))
        actors.add_row(m.text, m.code, m.role or "")
    console.print(actors)
    events = Table(title="events (source -> target, CAMEO, status, date)")
    for col in ("source", "target", "code", "PLOVER", "status", "date", "trigger in context"):
        events.add_column(col, overflow="fold")
    for ev in article.events:
        start, end = ev.trigger
        context = article.text[max(ev.span[0], start - 30):min(ev.span[1], end + 50)].replace("\n", " ")
        events.add_row(f"{ev.source.code} ({ev.source.text})",
                       f"{ev.target.code} ({ev.target.text})" if ev.target else "-",
                       ev.code, ev.plover.get("type") or "-", ev.status, ev.date or "-", f"…{context}…")
    console.print(events)
    quotes = Table(title="quotes")
    for col in ("speaker", "code", "quote"):
        quotes.add_column(col, overflow="fold")
    for q in article.quotes:
        sp = q.speaker or {}
        quotes.add_row(sp.get("name") or "(unattributed)", sp.get("code") or "-", q.text[:120])
    console.print(quotes)


@cli.command()
@click.argument("inputs", nargs=-1)
@db_option
def demo(inputs, db):
    """Run the pipeline on the bundled sample (examples/), store it in DB, and print a summary."""
    console = Console(width=None if Console().is_terminal else 150)
    inputs = list(inputs) or ["examples"]
    if not all(Path(i).exists() for i in inputs):
        raise click.UsageError("run from the repository root (the sample is in examples/) or give INPUTS")
    from ..store import open_store

    started = time.perf_counter()
    articles = []
    with console.status("running the pipeline…"):
        for article in process_all(read_inputs(inputs, None), Settings()):
            for para in article.paragraphs:
                para.doc = None  # the parse is not needed after extraction
            articles.append(article)
    store = open_store(db)
    result = store.ingest_articles(articles)
    elapsed = time.perf_counter() - started
    seed = next((a for a in articles if a.id == SEED), articles[0] if articles else None)
    if seed is not None and not seed.error:
        _show_article(console, seed)
    n_events = sum(len(a.events) for a in articles)
    n_quotes = sum(len(a.quotes) for a in articles)
    failed = [a for a in articles if a.error]
    console.rule("[bold]corpus[/bold]")
    console.print(f"{len(articles)} articles, {n_events} events, {n_quotes} quotes in {elapsed:.1f} s; "
                  f"stored in {db}: {result.added} added, {result.skipped} already there, {result.failed} failed")
    for a in failed:
        console.print(f"[red]failed[/red] {a.id}: {a.error}", markup=True)
    console.print(f"\nBrowse it:  [bold]make serve[/bold]  (or .venv/bin/eventwire serve --db {db}) "
                  "then open http://127.0.0.1:8000\n"
                  f"Query it:   .venv/bin/eventwire events --db {db} --actor RUS\n"
                  "Extract:    .venv/bin/eventwire extract examples/ukraine-talks-2022-01-31.txt --published 2022-01-31")
