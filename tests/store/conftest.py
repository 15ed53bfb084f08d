"""Store fixtures: hand-built articles, and a store on SQLite or on a real PostgreSQL server.

The PostgreSQL server (`pg_server`, in the root conftest) is started once per session by `eventwire.store.testing.TempPostgres`
(initdb into /tmp, 127.0.0.1 on a free port, run as `nobody` under root). Its tests are
skipped with a reason only when the PostgreSQL binaries are absent.
"""
from __future__ import annotations

import pytest

from eventwire.store import open_store


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    """The address of an empty store, once per backend."""
    if request.param == "sqlite":
        return str(tmp_path / "events.db")
    server = request.getfixturevalue("pg_server")
    server.reset_schema()
    return server.url


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()
