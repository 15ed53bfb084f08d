"""`eventwire ingest`, `events` and `export` through click's CliRunner against real stores."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import cli
from eventwire.store import EVENT_COLUMNS, open_store
from eventwire.store.export import GDELT_COLUMNS
from store_samples import build_corpus

DATA = Path(__file__).parent / "data"


@pytest.fixture
def filled_db(store_url):
    with open_store(store_url) as s:
        s.ingest_articles(build_corpus(6))
    return store_url


def _run(*args):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result


def test_store_cli_events_filters_and_json(filled_db):
    result = _run("events", "--db", filled_db, "--dyad", "RUS-UKR", "--json")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all({r["source"][:3], r["target"][:3]} == {"RUS", "UKR"} for r in rows)
    table = _run("events", "--db", filled_db, "--quad-class", "4", "--since", "2022-01-31")
    assert table.exit_code == 0 and "190" in table.stdout and "036" not in table.stdout


def test_store_cli_events_bad_filter_is_usage_error(filled_db):
    result = _run("events", "--db", filled_db, "--since", "last week")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_store_cli_events_missing_db(tmp_path):
    result = _run("events", "--db", str(tmp_path / "nope.db"))
    assert result.exit_code == 1 and "eventwire ingest" in result.output
    assert not (tmp_path / "nope.db").exists()


def test_store_cli_export_formats(filled_db, tmp_path):
    with open_store(filled_db) as s:
        expected = s.count_events()
    out = _run("export", "--db", filled_db, "--format", "csv")
    assert out.exit_code == 0, out.output
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert len(rows) == expected and list(rows[0]) == EVENT_COLUMNS
    tsv = _run("export", "--db", filled_db, "--format", "gdelt-tsv", "--actor", "RUS")
    lines = tsv.stdout.splitlines()
    assert lines and all(len(line.split("\t")) == len(GDELT_COLUMNS) == 58 for line in lines)
    first = dict(zip(GDELT_COLUMNS, lines[0].split("\t")))
    assert first["SQLDATE"].startswith("2022") and first["EventRootCode"] == first["EventCode"][:2]
    plover = json.loads(_run("export", "--db", filled_db, "--format", "plover-json").stdout)
    assert len(plover) == expected and plover[0]["event"] == "CONSULT" and plover[0]["evidence"]
    assert plover[0]["source"]["country"] == plover[0]["source"]["code"][:3]
    target = tmp_path / "events.parquet"
    assert _run("export", "--db", filled_db, "--format", "parquet", "--out", str(target)).exit_code == 0
    import pyarrow.parquet as pq

    table = pq.read_table(target)
    assert table.num_rows == expected and "goldstein" in table.column_names
    assert _run("export", "--db", filled_db, "--format", "parquet").exit_code == 2


@pytest.mark.slow
def test_store_cli_ingest_twice_same_counts(store_url):
    first = _run("ingest", str(DATA / "wire-sample.jsonl"), "--db", store_url)
    assert first.exit_code == 0, first.output
    with open_store(store_url) as s:
        counts = s.counts()
    second = _run("ingest", str(DATA / "wire-sample.jsonl"), "--db", store_url)
    assert second.exit_code == 0, second.output
    assert "skipped 3 unchanged (3 before processing)" in second.stderr
    with open_store(store_url) as s:
        assert s.counts() == counts
        assert counts["articles"] == 3
        art = s.get_article("wire-002")
        assert "Azerbaijani troops" in art["text"] and art["published"] == "2023-03-15"


def test_store_cli_ingest_reports_bad_records(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\nnot json\n', encoding="utf-8")
    result = _run("ingest", str(bad), "--db", str(tmp_path / "e.db"))
    assert result.exit_code == 1
    assert "failed 2" in result.stderr
    with open_store(str(tmp_path / "e.db")) as s:
        assert s.counts()["articles"] == 0


def test_store_cli_rerun_skips_before_the_pipeline(tmp_path):
    """Stored, unchanged articles are skipped without running the pipeline again."""
    src = tmp_path / "one.jsonl"
    src.write_text('{"id": "k1", "text": "Plain words only."}\n', encoding="utf-8")
    db = str(tmp_path / "k.db")
    with open_store(db) as s:
        from eventwire.ingest import read_inputs

        art = next(read_inputs([str(src)]))
        art.paragraphs = []  # stored as if processed: the pre-check only needs id and text
        s.ingest_articles([art])
        assert s.is_stored(art)
    result = _run("ingest", str(src), "--db", db)
    assert result.exit_code == 0 and "skipped 1 unchanged (1 before processing)" in result.stderr
