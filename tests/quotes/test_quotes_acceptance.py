"""Acceptance floors of issue 6 on the shared gold (skipped when ../shared is absent)."""
from __future__ import annotations

import importlib.util
import json

import pytest

from eventwire.ingest import article_from_record
from eventwire.pipeline import Settings, process

pytestmark = pytest.mark.slow


def _scorer(shared):
    spec = importlib.util.spec_from_file_location("ew_score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_quotes_acceptance_seed_all_found_nine_attributed(shared):
    gold = json.loads((shared / "gold" / "ukraine-talks-2022-01-31.gold.json").read_text())
    text = (shared / "corpus" / "ukraine-talks-2022-01-31.txt").read_text()
    art = process(article_from_record({"id": "seed", "text": text, "published": "2022-01-31"}, "seed"), Settings())
    preds = [q.to_contract() for q in art.quotes]
    result = _scorer(shared).score_quotes(preds, gold["quotes"], gold.get("optional_quotes") or [])
    assert result["found"] == result["gold"] == 10
    assert result["speaker_correct"] >= 9


def test_quotes_acceptance_dev_attribution_at_least_090(shared):
    score = _scorer(shared)
    gold_quotes = correct = 0
    for line in (shared / "gold" / "dev.jsonl").read_text().splitlines():
        record = json.loads(line)
        if not record.get("quotes"):
            continue
        art = process(article_from_record(record, record["id"]), Settings())
        result = score.score_quotes([q.to_contract() for q in art.quotes], record["quotes"])
        gold_quotes += result["gold"]
        correct += result["speaker_correct"]
    assert gold_quotes and correct / gold_quotes >= 0.90
