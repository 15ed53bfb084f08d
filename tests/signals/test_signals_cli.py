"""`eventwire alerts`, `series` and `dedup` over extract output (JSON Lines) written by hand."""
from __future__ import annotations

import json
from datetime import date, timedelta

from click.testing import CliRunner

from eventwire.cli import cli

START = date(2026, 5, 4)
PLACES = ["Ushuaia", "Punta Arenas", "Rio Gallegos", "Puerto Natales", "El Calafate", "Coyhaique", "Bariloche"]


def _article(n: int, day: int, events: list[tuple]) -> dict:
    published = (START + timedelta(day)).isoformat()
    return {"id": f"wire-{n}", "published": published, "source": "Test Wire", "events": [
        {"source": {"text": s, "code": s}, "target": {"text": t, "code": t}, "code": code, "root": code[:2],
         "goldstein": g, "quad_class": q, "status": "actual", "date": published, "sentence": sentence,
         "evidence": "hand-written"} for s, t, code, g, q, sentence in events]}


def _write_stream(path) -> None:
    articles = []
    for day in range(0, 35, 2):  # calm: Chile and Argentina meet, Norway and Sweden meet
        articles.append(_article(len(articles), day, [
            ("CHLGOV", "ARGGOV", "040", 1.0, 1, "Chile's foreign minister met his Argentine counterpart."),
            ("NORGOV", "SWEGOV", "040", 1.0, 1, "Norway's prime minister met Sweden's prime minister.")]))
    for k, day in enumerate(range(28, 35)):  # week 5: Chile-Argentina threats and clashes
        articles.append(_article(len(articles), day, [
            ("CHLMIL", "ARGMIL", "190", -10.0, 4, f"Chilean troops clashed with Argentine soldiers near {PLACES[k]}."),
            ("ARGGOV", "CHLGOV", "138", -7.0, 3, f"Argentina threatened Chile over troops near {PLACES[k]}.")]))
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")


def test_signals_cli_alerts_series_dedup(tmp_path):
    events = tmp_path / "events.jsonl"
    _write_stream(events)
    runner = CliRunner()
    text = runner.invoke(cli, ["alerts", "--events", str(events)])
    assert text.exit_code == 0, text.output
    assert "ALERT ARG|CHL" in text.output and "NOR|SWE" not in text.output
    assert "clashed" in text.output  # the driving sentences are shown
    as_json = runner.invoke(cli, ["alerts", "--events", str(events), "--json", "--method", "cusum"])
    alerts = [json.loads(line) for line in as_json.output.splitlines()]
    assert [a["dyad"] for a in alerts] == ["ARG|CHL"] and alerts[0]["method"] == "cusum"
    assert alerts[0]["first_alert"] >= "2026-06-01"
    series = runner.invoke(cli, ["series", "--events", str(events), "--freq", "W", "--dyad", "swe|nor"])
    assert series.exit_code == 0 and series.output.startswith("dyad,period,events,q1")
    assert all(line.startswith("NOR|SWE,") for line in series.output.splitlines()[1:])
    dedup = runner.invoke(cli, ["dedup", "--events", str(events)])
    rows = [json.loads(line) for line in dedup.output.splitlines()]
    assert rows and all(r["num_articles"] >= 1 for r in rows)


def test_signals_cli_usage_errors(tmp_path):
    runner = CliRunner()
    assert runner.invoke(cli, ["alerts"]).exit_code == 2  # neither --db nor --events
    events0 = tmp_path / "e0.jsonl"
    _write_stream(events0)
    assert runner.invoke(cli, ["series", "--events", str(events0), "--dyad", "NOR"]).exit_code == 2
    assert runner.invoke(cli, ["alerts", "--db", str(tmp_path / "missing.db")]).exit_code == 2
    bad = tmp_path / "bad.yaml"
    bad.write_text("detector:\n  nonsense: 1\n")
    events = tmp_path / "events.jsonl"
    _write_stream(events)
    assert runner.invoke(cli, ["alerts", "--events", str(events), "--config", str(bad)]).exit_code == 2
