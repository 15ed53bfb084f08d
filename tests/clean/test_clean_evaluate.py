"""The benchmark measure (shingle P/R/F1) and the report writer, on tiny hand-made pages."""
from __future__ import annotations

import gzip
import json

import pytest

from eventwire.clean import cues as cues_module
from eventwire.clean.evaluate import BEGIN, END, evaluate, match_shingles, score_pages, write_report
from eventwire.clean.text import label_units


def test_evaluate_shingles_exact_and_disjoint():
    assert match_shingles("one two three four five", "one two three four five") == (1.0, 0.0, 0.0)
    tp, fp, fn = match_shingles("one two three four five", "six seven eight nine")
    assert tp == 0 and fp > 0 and fn > 0


def test_evaluate_extra_text_lowers_precision_only():
    truth = "alpha beta gamma delta epsilon zeta eta theta"
    scores = score_pages([(truth, truth + " subscribe to our newsletter today")])
    assert scores["recall"] == 1.0
    assert scores["precision"] < 1.0


def test_evaluate_on_a_tiny_benchmark(tmp_path):
    html_dir = tmp_path / "html"
    html_dir.mkdir()
    body = ("<p>The two leaders met in the capital on Friday and signed an agreement on fishing rights "
            "in the disputed waters, officials said.</p>"
            "<p>The agreement ends a dispute that had lasted more than a decade and had led to several "
            "arrests of fishermen on both sides.</p><p>Sign up for our newsletter to get the news in your inbox.</p>")
    page = f"<html><head><title>Leaders sign fishing deal</title></head><body><article>{body}</article></body></html>"
    with gzip.open(html_dir / "p1.html.gz", "wt", encoding="utf-8") as fh:
        fh.write(page)
    truth = ("The two leaders met in the capital on Friday and signed an agreement on fishing rights in the "
             "disputed waters, officials said.\nThe agreement ends a dispute that had lasted more than a decade "
             "and had led to several arrests of fishermen on both sides.")
    (tmp_path / "ground-truth.json").write_text(json.dumps({"p1": {"articleBody": truth, "url": None}}))
    result = evaluate(tmp_path, bench=True)
    assert result["eventwire"]["f1"] == 1.0
    assert result["trafilatura"]["precision"] < 1.0
    assert result["bench"]["pages"] == 1
    report = tmp_path / "cleaning.md"
    report.write_text(f"# Cleaning\n\nintro\n\n{BEGIN}\nold numbers\n{END}\n\nafter\n")
    write_report(result, report)
    text = report.read_text()
    assert "old numbers" not in text and "intro" in text and "after" in text
    assert "| `eventwire clean`" in text and "pages/s" in text


def test_cues_user_file_extends_phrases(tmp_path):
    extra = tmp_path / "mycues.yaml"
    extra.write_text("line_patterns:\n  - {kind: navigation, pattern: '^\\W*lees ook\\b', note: 'Dutch read also'}\n")
    cues = cues_module.load_cues((str(extra),))
    units, _ = label_units("Lees ook: nieuwe regering beëdigd", title="x", cues=cues)
    assert units[0].kind == "navigation"
    units, _ = label_units("Lees ook: nieuwe regering beëdigd", title="x")
    assert units[0].kind == "body"


def test_cues_bad_pattern_is_a_clear_error():
    with pytest.raises(ValueError, match="does not compile"):
        cues_module.compile_cues({"line_patterns": [{"kind": "navigation", "pattern": "(unclosed"}]})
    with pytest.raises(ValueError, match="unknown kind"):
        cues_module.compile_cues({"line_patterns": [{"kind": "advert", "pattern": "x"}]})
