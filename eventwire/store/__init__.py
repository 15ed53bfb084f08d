"""The event store: one interface (`Store`), two backends (SQLite by default, PostgreSQL).

    from eventwire.store import open_store
    store = open_store("eventwire.db")            # or "postgresql://user@host/db"
    result = store.ingest_articles(processed_articles)
    store.query_events(actor="RUS", quad_class=4, since="2022-01-01")

SQL lives only in this package.
"""
from __future__ import annotations

import logging

from .core import (EVENT_COLUMNS, EventFilter, IngestResult, Store, StoreError, compute_content_hash,
                   open_store, parse_dyad)
from .migrations import SCHEMA_VERSION

LOGGER = logging.getLogger(__name__)

__all__ = ["EVENT_COLUMNS", "EventFilter", "IngestResult", "SCHEMA_VERSION", "Store", "StoreError",
           "compute_content_hash", "open_store", "parse_dyad"]
