"""A process killed mid-ingest loses no committed article, and a rerun completes without duplicates."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from eventwire.store import open_store
from store_samples import build_corpus

_CRASHING_INGEST = textwrap.dedent("""
    import os, sys
    sys.path.insert(0, {here!r})
    from eventwire.store import open_store
    from store_samples import build_corpus

    def stream():
        for i, art in enumerate(build_corpus(7)):
            if i == 5:
                os._exit(9)  # the process dies: no cleanup, no rollback, no close
            yield art

    open_store({url!r}).ingest_articles(stream(), batch_size=2)
""")


def test_store_crash_mid_ingest_then_rerun(store_url):
    script = _CRASHING_INGEST.format(here=str(Path(__file__).parent), url=store_url)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 9, proc.stderr
    with open_store(store_url) as s:
        assert s.counts()["articles"] == 4  # the two committed batches survived the crash
        result = s.ingest_articles(build_corpus(7), batch_size=2)
        assert (result.added, result.skipped, result.failed) == (3, 4, 0)
        counts = s.counts()
        assert counts["articles"] == 7 and counts["events_all"] == 14
        assert len({e["event_id"] for e in s.query_events(include_uncounted=True)}) == 14
