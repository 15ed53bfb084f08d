"""Shared fixtures: the repository's paths and the shared gold material when present."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "gold").exists():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


@pytest.fixture(scope="session")
def pg_server():
    """One real PostgreSQL server for the whole session, shared by the store and web suites
    (initdb into /tmp, 127.0.0.1 on a free port); skipped only if the binaries are absent."""
    from eventwire.store.testing import TempPostgres, find_pg_bin

    if find_pg_bin() is None:
        pytest.skip("PostgreSQL binaries (initdb, pg_ctl) are not installed")
    server = TempPostgres().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def nlp():
    from eventwire.nlp import load_nlp

    return load_nlp()
