"""The web dashboard and JSON API (`eventwire serve`): FastAPI, Jinja templates, inline SVG charts.

    from eventwire.store import open_store
    from eventwire.web import create_app
    app = create_app(open_store("eventwire.db", read_only=True))
"""
from __future__ import annotations

import logging

from .app import create_app

LOGGER = logging.getLogger(__name__)

__all__ = ["create_app"]
