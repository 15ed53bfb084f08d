"""Acceptance on the seed story with the shared scorer (skipped when ../shared is absent)."""
from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from eventwire.cli import cli


def test_clean_seed_cleaning_block(shared, tmp_path):
    story = shared / "corpus" / "ukraine-talks-2022-01-31.txt"
    gold = shared / "gold" / "ukraine-talks-2022-01-31.gold.json"
    result = CliRunner().invoke(cli, ["clean", str(story), "--published", "2022-01-31"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "seed.jsonl"
    out.write_text(result.stdout)
    scored = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), "article", str(gold), str(story),
                             str(out)], capture_output=True, text=True, check=True)
    cleaning = json.JSONDecoder().raw_decode(scored.stdout)[0]["cleaning"]
    assert cleaning["body_lines_kept"] == "28/28", cleaning
    assert cleaning["junk_lines_dropped"] == "19/19", cleaning
    row = json.loads(result.stdout)
    assert row["dateline"] == {"place": "Washington", "country": "USA", "agency": "AFP"}


def test_clean_dev_set_drops_only_tagged_junk(shared):
    from eventwire.ingest import read_inputs
    from eventwire.pipeline import CLEAN_ONLY, Settings, process_all

    tags = {}
    for line in (shared / "gold" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            tags[record["id"]] = set(record.get("tags") or [])
    for article in process_all(read_inputs([str(shared / "gold" / "dev.jsonl")]), Settings(stages=CLEAN_ONLY)):
        junk = tags[article.id] & {"caption", "boilerplate"}
        if junk:
            assert not article.paragraphs, article.id
        else:
            assert article.removed == [], (article.id, article.removed)
