"""Web fixtures: a filled store per backend, a real uvicorn server on 127.0.0.1, and chromium.

Shared article builders come from tests/store/store_samples.py. The browser fixture installs
Debian's chromium with apt-get when /usr/bin/chromium is missing, and skips only if that fails.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "store"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eventwire.store import open_store  # noqa: E402
from eventwire.store.testing import pick_free_port  # noqa: E402
from eventwire.web import create_app  # noqa: E402
from store_samples import build_corpus, build_xss_article  # noqa: E402
from web_live import LiveServer  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
WRITE_TOKEN = "test-write-token-123"


def fill_store(url: str) -> None:
    with open_store(url) as s:
        s.ingest_articles(build_corpus(6) + [build_xss_article()])


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    """A filled store, once per backend."""
    if request.param == "sqlite":
        url = str(tmp_path / "web.db")
    else:
        server = request.getfixturevalue("pg_server")
        server.reset_schema()
        url = server.url
    fill_store(url)
    return url


@pytest.fixture
def api(store_url):
    """A read-only server over the filled store; yields an httpx client bound to it."""
    import httpx

    store = open_store(store_url, read_only=True)
    with LiveServer(create_app(store)) as live, httpx.Client(base_url=live.url, timeout=30) as client:
        yield client
    store.close()


@pytest.fixture
def writable_api(store_url):
    """A server with a write token over the filled store."""
    import httpx

    store = open_store(store_url)
    with LiveServer(create_app(store, write_token=WRITE_TOKEN)) as live, \
            httpx.Client(base_url=live.url, timeout=120) as client:
        yield client, store, WRITE_TOKEN
    store.close()


def ensure_chromium() -> str:
    """Debian's chromium, installed with apt-get when missing."""
    if not Path(CHROMIUM).exists():
        if shutil.which("apt-get") is None:
            pytest.skip("chromium is not installed and apt-get is not available")
        env_ok = True
        for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
            env_ok = env_ok and proc.returncode == 0
        if not Path(CHROMIUM).exists():
            pytest.skip(f"could not install chromium with apt-get (ok={env_ok})")
    return CHROMIUM


@pytest.fixture(scope="session")
def browser():
    executable = ensure_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory):
    """`eventwire serve` as a subprocess over a filled SQLite file (the real command, real HTTP)."""
    import httpx

    db = tmp_path_factory.mktemp("dash") / "dash.db"
    fill_store(str(db))
    port = pick_free_port()
    cmd = [sys.executable, "-c", "from eventwire.cli import main; main()", "serve", "--db", str(db),
           "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(url + "/api/counts", timeout=2)
            break
        except httpx.TransportError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError(f"eventwire serve did not start: {proc.stderr.read()}")
            time.sleep(0.2)
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
