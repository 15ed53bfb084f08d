"""Take PNG screenshots of the dashboard's main pages into docs/screenshots/ (not a test).

    .venv/bin/eventwire ingest examples/ --published 2022-01-31 --db /tmp/demo.db
    .venv/bin/python tests/web/make_screenshots.py --db /tmp/demo.db

Serves the database with the real app on 127.0.0.1 and drives Debian's chromium with Playwright.
"""
from __future__ import annotations

import argparse
import logging
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from eventwire.store import open_store
from eventwire.store.testing import pick_free_port
from eventwire.web import create_app

LOGGER = logging.getLogger(__name__)
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def take_screenshots(db: str, out: Path) -> list[Path]:
    """Serve `db`, open each main page and save a PNG of it; returns the files written."""
    store = open_store(db, read_only=True)
    port = pick_free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    top = store.top_dyads(limit=1)
    dyad = f"/dyads?a={top[0]['source'][:3]}&b={top[0]['target'][:3]}" if top else "/dyads"
    busiest = max(store.list_articles(limit=1000), key=lambda a: a["n_events"], default=None)
    pages = {"overview": "/", "dyad": dyad, "network": "/network", "search": "/search?q=ceasefire",
             "article": f"/articles/{busiest['id']}" if busiest else "/"}
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        for name, path in pages.items():
            page.goto(base + path)
            if name == "article" and page.locator(".event-item").count():
                page.locator(".event-item").first.click()
                page.locator(".event-item").first.locator("summary").click()
                page.evaluate("() => window.scrollTo(0, 0)")
            target = out / f"{name}.png"
            page.screenshot(path=str(target), full_page=name not in ("search", "article"))
            written.append(target)
        browser.close()
    server.should_exit = True
    thread.join(timeout=10)
    store.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="eventwire.db")
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[2] / "docs" / "screenshots"))
    args = parser.parse_args()
    for path in take_screenshots(args.db, Path(args.out)):
        print(path)


if __name__ == "__main__":
    main()
