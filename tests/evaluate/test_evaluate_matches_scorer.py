"""`eventwire eval` scores exactly as shared/eval/score.py does (same totals on the same output)."""
import json
import subprocess
import sys

import pytest

from eventwire.evaluate import run_records, score_article, score_sentences

pytestmark = pytest.mark.slow


def run_scorer(shared, *args) -> dict:
    out = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), *map(str, args)],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out[:out.rindex("}") + 1])


def test_evaluate_sentences_matches_the_shared_scorer(shared, tmp_path):
    golds = [json.loads(line) for line in (shared / "gold" / "dev.jsonl").read_text().splitlines()[:12]]
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text("".join(json.dumps(g) + "\n" for g in golds))
    preds = run_records(golds)
    pred_file = tmp_path / "pred.jsonl"
    pred_file.write_text("".join(json.dumps(p) + "\n" for p in preds.values()))
    theirs = run_scorer(shared, "sentences", gold_file, pred_file)
    ours = score_sentences(golds, preds)
    for key in ("events_loose", "events_strict", "dates"):
        assert ours[key] == theirs[key], key
    for key in ("gold", "found", "speaker_correct", "spurious"):
        assert ours["quotes"][key] == theirs["quotes"][key]


def test_evaluate_article_matches_the_shared_scorer(shared, tmp_path):
    import eventwire

    text_path = shared / "corpus" / "ukraine-talks-2022-01-31.txt"
    gold = json.loads((shared / "gold" / "ukraine-talks-2022-01-31.gold.json").read_text())
    article = eventwire.extract(text_path.read_text(), published="2022-01-31", id="seed").to_contract()
    pred_file = tmp_path / "pred.jsonl"
    pred_file.write_text(json.dumps(article) + "\n")
    theirs = run_scorer(shared, "article", shared / "gold" / "ukraine-talks-2022-01-31.gold.json", text_path, pred_file)
    ours = score_article(gold, text_path.read_text(), article)
    assert ours["events_loose"] == theirs["events_loose"]
    assert ours["dates"] == theirs["dates"]
    assert ours["cleaning"]["body_lines_kept"] == theirs["cleaning"]["body_lines_kept"]
    assert {k: ours["quotes"][k] for k in ("found", "speaker_correct", "spurious")} == \
        {k: theirs["quotes"][k] for k in ("found", "speaker_correct", "spurious")}
