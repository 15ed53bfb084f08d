"""`eventwire eval`: score the pipeline against gold, per root code, with every miss listed."""
from __future__ import annotations

import json

import click
from rich.console import Console
from rich.table import Table

from ..evaluate import evaluate_article, evaluate_sentences
from ..pipeline import Settings
from .base import actors_option, cli, conventions_option, patterns_option


@cli.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("text", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--article", "is_article", is_flag=True, help="GOLD is a line-annotated article; TEXT is its text.")
@click.option("--json", "as_json", is_flag=True, help="Print the whole report as JSON.")
@actors_option
@patterns_option
@conventions_option
def eval_command(gold, text, is_article, as_json, actor_files, pattern_files, conventions):
    """Score extraction against GOLD (sentence JSONL, or --article GOLD.json TEXT).

    Matching is the one of shared/eval/score.py: loose = root code (or an accepted root) and
    source/target at country level; hypothetical and negated events are not counted.
    """
    settings = Settings(actor_files=tuple(actor_files), pattern_files=tuple(pattern_files), conventions=conventions)
    if is_article:
        if not text:
            raise click.UsageError("--article needs GOLD.json and the article TEXT")
        report = evaluate_article(gold, text, settings)
    else:
        report = evaluate_sentences(gold, settings)
    if as_json:
        click.echo(json.dumps(report, indent=1, ensure_ascii=False))
        return
    console = Console()
    table = Table(title="events by root code (loose)")
    for col in ("root", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(col, justify="right")
    for root, r in report["per_root"].items():
        table.add_row(root, str(r["precision"]), str(r["recall"]), str(r["f1"]), str(r["tp"]), str(r["fp"]), str(r["fn"]))
    console.print(table)
    for title, items in (("missed", report["misses"]), ("false alarms", report["false_alarms"])):
        console.print(f"[bold]{title}[/bold] ({len(items)})")
        for item in items:
            console.print(f"  {item}", markup=False, highlight=False)
    e, q, d = report["events_loose"], report["quotes"], report["dates"]
    console.print(f"events P={e['precision']} R={e['recall']} F1={e['f1']} | quotes recall={q['recall']} "
                  f"attribution={q['attribution_accuracy']} | dates={d['accuracy']}", markup=False)
