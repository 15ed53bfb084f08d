"""`eventwire serve`: binds loopback by default, refuses to start on a missing database."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import httpx
from click.testing import CliRunner

from eventwire.cli import cli


def _listening_addresses(port: int) -> set[str]:
    """Local addresses of sockets listening on `port`, read from /proc/net/tcp (state 0A = LISTEN)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not Path(table).exists():
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            addr, hexport = fields[1].rsplit(":", 1)
            if int(hexport, 16) == port and fields[3] == "0A":
                found.add(addr)
    return found


def test_web_serve_binds_loopback_by_default(dashboard):
    port = urlparse(dashboard).port
    assert httpx.get(dashboard + "/api/counts").json()["articles"] == 7
    assert _listening_addresses(port) == {"0100007F"}  # 127.0.0.1, nothing else


def test_web_serve_refuses_missing_db(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "eventwire ingest" in result.output
    assert not (tmp_path / "none.db").exists()


def test_web_serve_rejects_short_token(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "x.db"), "--write-token", "abc"])
    assert result.exit_code == 2 and "at least 8" in result.output
