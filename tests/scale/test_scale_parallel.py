"""run_parallel: input order, error objects and results identical across engines; Dask on loopback."""
from __future__ import annotations

import json

import psutil
import pytest
from click.testing import CliRunner

from eventwire.cli import cli
from eventwire.ingest import article_from_record
from eventwire.pipeline import Settings, process_all
from eventwire.scale import Runner, WorkerStats, run_parallel

CLEAN_ONLY = Settings(stages=("clean",))
WIRE = ("{city}, {country} (Test Wire) – The {adj} foreign minister met his Japanese counterpart in "
        "{city} on Monday and signed a trade agreement.\n\nThe two ministers also agreed to resume direct "
        "flights, officials said.\n\nSign up for our newsletter.")
PLACES = [("Paris", "France", "French"), ("Berlin", "Germany", "German"), ("Rome", "Italy", "Italian"),
          ("Madrid", "Spain", "Spanish"), ("Lisbon", "Portugal", "Portuguese"), ("Vienna", "Austria", "Austrian"),
          ("Athens", "Greece", "Greek")]


def _records() -> list[dict]:
    records = [{"id": f"wire-{n}", "published": "2026-03-0" + str(n + 1), "source": "Test Wire",
                "text": WIRE.format(city=c, country=k, adj=a)} for n, (c, k, a) in enumerate(PLACES)]
    records.insert(3, {"id": "broken", "text": ""})  # becomes an error object, in place
    return records


def _articles():
    return [article_from_record(r, r["id"]) for r in _records()]


def _contract(articles) -> list[str]:
    return [json.dumps(a.to_contract(), sort_keys=True) for a in articles]


def test_scale_local_pool_keeps_order_and_errors():
    expected = _contract(process_all(_articles(), CLEAN_ONLY))
    got = list(run_parallel(_articles(), CLEAN_ONLY, workers=2, progress=False))
    assert _contract(got) == expected
    assert [a.id for a in got][3] == "broken" and got[3].error


def test_scale_resume_skips_done_ids_and_reports_stats():
    stats = WorkerStats()
    got = list(run_parallel(_articles(), CLEAN_ONLY, workers=1, skip_ids={"wire-0", "wire-1"},
                            progress=False, stats=stats))
    assert [a.id for a in got][:2] == ["wire-2", "broken"]
    assert stats.articles == len(got) and "clean" in stats.timer.seconds and stats.peak_rss_mib


def test_scale_rejects_bad_arguments():
    with pytest.raises(ValueError):
        list(run_parallel([], CLEAN_ONLY, engine="spark"))
    with pytest.raises(ValueError):
        list(run_parallel([], CLEAN_ONLY, workers=0))
    with pytest.raises(ValueError):
        list(run_parallel([], CLEAN_ONLY, engine="local", scheduler="tcp://127.0.0.1:8786"))


def _listening_ips(proc: psutil.Process) -> set[str]:
    ips = set()
    for p in [proc, *proc.children(recursive=True)]:
        try:
            ips |= {c.laddr.ip for c in p.net_connections(kind="inet") if c.status == psutil.CONN_LISTEN}
        except psutil.Error:
            continue
    return ips


@pytest.mark.slow
def test_scale_dask_local_cluster_full_pipeline_on_loopback():
    expected = _contract(process_all(_articles(), Settings()))
    with Runner(Settings(), workers=2, engine="dask") as runner:
        assert runner.pool.cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        ips = _listening_ips(psutil.Process())
        assert ips and ips <= {"127.0.0.1"}, ips
        got = list(runner.run(_articles()))
        assert len(runner.stats.peak_rss_mib) == 2  # both workers took chunks of 4 articles
    assert _contract(got) == expected
    assert all(p.doc is None for a in got for p in a.paragraphs)  # Docs never travel back
    assert any(a.events for a in got)


@pytest.mark.slow
def test_scale_cli_extract_workers_same_output(tmp_path):
    src = tmp_path / "wire.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in _records()), encoding="utf-8")
    runner = CliRunner()
    one = runner.invoke(cli, ["extract", str(src)])
    two = runner.invoke(cli, ["extract", str(src), "--workers", "2"])
    assert one.exit_code == two.exit_code == 1  # the broken record fails in both
    assert one.stdout == two.stdout and one.stdout.count("\n") == len(_records())
    bad = runner.invoke(cli, ["extract", str(src), "--scheduler", "tcp://127.0.0.1:8786"])
    assert bad.exit_code == 2


def test_scale_progress_bar_on_stderr(capsys):
    got = list(run_parallel(_articles(), CLEAN_ONLY, workers=1, progress=True, total=len(_records())))
    assert len(got) == len(_records())
    err = capsys.readouterr().err
    assert "eventwire" in err and f"{len(got)}/{len(got)}" in err


@pytest.mark.slow
def test_scale_ingest_with_workers_stores_the_same(tmp_path, root):
    from click.testing import CliRunner

    from eventwire.cli import cli
    from eventwire.store import open_store

    counts = []
    for workers in ("1", "2"):
        db = tmp_path / f"w{workers}.db"
        result = CliRunner().invoke(cli, ["ingest", str(root / "examples" / "demo-corpus"), "--db", str(db),
                                          "--workers", workers])
        assert result.exit_code == 0, result.output
        with open_store(str(db)) as store:
            counts.append(store.counts())
    assert counts[0] == counts[1] and counts[0]["articles"] > 0
