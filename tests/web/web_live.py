"""A real HTTP server for tests: uvicorn serving an app in a background thread on 127.0.0.1."""
from __future__ import annotations

import threading
import time

from eventwire.store.testing import pick_free_port


class LiveServer:
    """uvicorn serving an app in a background thread on 127.0.0.1 (real HTTP)."""

    def __init__(self, app) -> None:
        import uvicorn

        self.port = pick_free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
