"""Signals: cross-article de-duplication, dyadic daily series and escalation alerts.

All functions read the events frame (`eventwire.store.open_store(db).events_frame()` or
`events_frame_from_contract(extract output)`); parameters come from
`eventwire/data/signals/defaults.yaml` (see `load_config`).
"""
from __future__ import annotations

import logging

from .config import load_config
from .dedup import dedup_events
from .detect import METHODS, detect_alerts
from .frame import COLUMNS, events_frame_from_contract, normalise_frame, read_events_jsonl
from .series import dyad_series

LOGGER = logging.getLogger(__name__)

__all__ = ["COLUMNS", "METHODS", "alerts_for_store", "dedup_events", "detect_alerts", "dyad_series",
           "events_frame_from_contract", "load_config", "normalise_frame", "read_events_jsonl"]


def alerts_for_store(store, method: str | None = None, config: dict | None = None, **filters) -> list[dict]:
    """Alerts over a store's events (for `GET /api/alerts` and `eventwire alerts --db`).

    Args:
        store: an object with `events_frame(**filters)` (`eventwire.store.open_store(db)`).
        method (str | None): "zscore" or "cusum"; default from the config.
        filters: passed to `events_frame` (e.g. date ranges), as the store defines them.
    RETURNS (list[dict]): JSON-ready alerts (see `detect_alerts`).
    """
    return detect_alerts(store.events_frame(**filters), method=method, config=config)
