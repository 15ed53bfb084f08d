"""The bench corpus is deterministic and news-like; the bench writes its results and table."""
from __future__ import annotations

import json

import pytest

from eventwire.bench import count_words, generate_corpus, main


def test_scale_bench_corpus_is_deterministic():
    a, b, c = generate_corpus(20, seed=7), generate_corpus(20, seed=7), generate_corpus(20, seed=8)
    assert a == b and a != c
    assert a[0]["id"] == "seed-ukraine-talks"  # the seed story rides along
    generated = a[1:]
    assert len(generated) == 20 and len({r["id"] for r in generated}) == 20
    assert all(r["published"] and r["title"] and r["source"] for r in generated)
    assert 100 < count_words(generated) / len(generated) < 600
    assert all(" - " in r["text"].split("\n\n")[1][:60] for r in generated)  # a dateline opens the body


@pytest.mark.slow
def test_scale_bench_writes_results_and_table(tmp_path, capsys):
    out = tmp_path / "results.json"
    assert main(["--out", str(out), "--articles", "2", "--no-dask", "--repeat", "1"]) == 0
    results = json.loads(out.read_text())
    names = [r["name"] for r in results["runs"]]
    assert names == ["raw spaCy nlp.pipe", "raw spaCy nlp.pipe, 2 processes", "eventwire 1 worker",
                     "eventwire 2 workers"]
    assert all(r["articles_per_s"] > 0 and r["peak_rss_mib"] for r in results["runs"])
    assert "nlp" in results["runs"][2]["stage_seconds"] and results["machine"]["cores"]
    table = out.with_suffix(".md").read_text()
    assert "| raw spaCy nlp.pipe |" in table and "Machine:" in table
    assert "words/s" in capsys.readouterr().out
