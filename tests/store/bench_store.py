"""Store throughput and query times on SQLite and PostgreSQL (a measurement, not a test).

    .venv/bin/python tests/store/bench_store.py [--articles 5000]

Hand-built articles (two events each) from store_samples; PostgreSQL is a throwaway TempPostgres.
"""
from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eventwire.store import open_store  # noqa: E402
from eventwire.store.testing import TempPostgres  # noqa: E402
from store_samples import build_article  # noqa: E402

LOGGER = logging.getLogger(__name__)

QUERIES = {
    "query_events(actor='RUS', limit=50)": lambda s: s.query_events(actor="RUS", limit=50),
    "count_events(dyad='RUS-UKR')": lambda s: s.count_events(dyad="RUS-UKR"),
    "dyad_series('RUS', 'UKR')": lambda s: s.dyad_series("RUS", "UKR"),
    "query_events(q='talks Kyiv', limit=50)": lambda s: s.query_events(q="talks Kyiv", limit=50),
    "events_frame() of everything": lambda s: s.events_frame(),
}


def measure_store(url: str, n: int) -> dict[str, float]:
    """Seconds to ingest `n` articles, to re-ingest them (all skipped), and per query (mean of 5)."""
    articles = [build_article(f"a{i}", n=i, published=f"2022-{1 + i % 12:02d}-{1 + i % 28:02d}") for i in range(n)]
    out: dict[str, float] = {}
    with open_store(url) as store:
        started = time.perf_counter()
        store.ingest_articles(articles, batch_size=100)
        out["ingest"] = time.perf_counter() - started
        started = time.perf_counter()
        store.ingest_articles(articles, batch_size=100)
        out["re-ingest (all skipped)"] = time.perf_counter() - started
        for name, query in QUERIES.items():
            started = time.perf_counter()
            for _ in range(5):
                query(store)
            out[name] = (time.perf_counter() - started) / 5
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        results["sqlite"] = measure_store(str(Path(tmp) / "bench.db"), args.articles)
    server = TempPostgres().start()
    try:
        results["postgresql"] = measure_store(server.url, args.articles)
    finally:
        server.stop()
    print(f"{args.articles} articles, {2 * args.articles} events")
    for key in results["sqlite"]:
        print(f"{key:42} sqlite {results['sqlite'][key]:8.3f} s   postgresql {results['postgresql'][key]:8.3f} s")


if __name__ == "__main__":
    main()
