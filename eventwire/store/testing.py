"""A throwaway PostgreSQL server for tests and trials (no system service needed).

`TempPostgres` runs `initdb` into a fresh temporary folder and `pg_ctl start` on 127.0.0.1
with a free port and its unix socket inside that folder. PostgreSQL refuses to run as root,
so under root the folder is handed to an unprivileged user (`nobody` by default) and the
binaries run through `runuser -u USER --`.
"""
from __future__ import annotations

import glob
import logging
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

LOGGER = logging.getLogger(__name__)

PG_BIN_GLOBS = ("/usr/lib/postgresql/*/bin",)


def find_pg_bin() -> Path | None:
    """The folder holding `initdb` and `pg_ctl` (env EVENTWIRE_PG_BIN wins, newest version first)."""
    env = os.environ.get("EVENTWIRE_PG_BIN")
    candidates = [env] if env else []
    for pattern in PG_BIN_GLOBS:
        candidates += sorted(glob.glob(pattern), key=lambda p: int(p.split("/")[-2]) if p.split("/")[-2].isdigit()
                             else 0, reverse=True)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(str(Path(on_path).parent))
    for c in candidates:
        if c and (Path(c) / "initdb").is_file() and (Path(c) / "pg_ctl").is_file():
            return Path(c)
    return None


def pick_free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TempPostgres:
    """Start with `start()`, connect with `.url`, stop (and delete everything) with `stop()`."""

    def __init__(self, bin_dir: Path | None = None, user: str = "nobody") -> None:
        self.bin_dir = bin_dir or find_pg_bin()
        if self.bin_dir is None:
            raise FileNotFoundError("PostgreSQL binaries (initdb, pg_ctl) not found")
        self.run_as = user if os.geteuid() == 0 else None
        self.port = 0
        self.root: Path | None = None

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        cmd = list(args)
        if self.run_as:
            cmd = ["runuser", "-u", self.run_as, "--"] + cmd
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.strip() or proc.stdout}")
        return proc

    def start(self) -> "TempPostgres":
        # Directly under /tmp (not pytest's 0700 tree) so the unprivileged user can reach it.
        self.root = Path(tempfile.mkdtemp(prefix="eventwire-pg-", dir="/tmp"))
        if self.run_as:
            shutil.chown(self.root, user=self.run_as)
        data = self.root / "data"
        try:
            self._run(str(self.bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                      "-E", "UTF8", "--no-sync", "--locale=C")
            for attempt in range(3):
                self.port = pick_free_port()
                try:
                    self._run(str(self.bin_dir / "pg_ctl"), "-D", str(data), "-l", str(self.root / "server.log"),
                              "-w", "-t", "60", "-o", f"-k {self.root} -h 127.0.0.1 -p {self.port} -F", "start")
                    break
                except RuntimeError:
                    if attempt == 2:  # a port taken between picking and binding: try another twice
                        raise
        except (RuntimeError, OSError, subprocess.TimeoutExpired):
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None
            raise
        LOGGER.info("temporary PostgreSQL on %s", self.url)
        return self

    def stop(self) -> None:
        if self.root is None:
            return
        try:
            self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop")
        except (RuntimeError, subprocess.TimeoutExpired) as exc:
            LOGGER.warning("could not stop temporary PostgreSQL: %s", exc)
        shutil.rmtree(self.root, ignore_errors=True)
        self.root = None

    def reset_schema(self) -> None:
        """Drop every table: a clean database for the next test."""
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute("DROP SCHEMA public CASCADE")
            conn.execute("CREATE SCHEMA public")
