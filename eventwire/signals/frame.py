"""The events frame every signal function reads, and ways to build it without a store.

Columns (the same as `eventwire.store.open_store(db).events_frame()`): event_id, article_id,
date (YYYY-MM-DD), source, target, code, root, quad_class, goldstein, status, sentence,
evidence, published; optionally `outlet` (the news source of the article, for num_sources).
"""
from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..model import Article

LOGGER = logging.getLogger(__name__)

COLUMNS = ["event_id", "article_id", "date", "source", "target", "code", "root", "quad_class",
           "goldstein", "status", "sentence", "evidence", "published"]


def _rows_from_contract(article: dict) -> Iterable[dict]:
    if article.get("error"):
        return
    aid = article.get("id")
    for n, ev in enumerate(article.get("events") or []):
        source, target = ev.get("source") or {}, ev.get("target") or {}
        yield {
            "event_id": f"{aid}#{n}",
            "article_id": aid,
            "date": ev.get("date") or article.get("published"),
            "source": source.get("code"),
            "target": target.get("code"),
            "code": ev.get("code"),
            "root": ev.get("root") or (ev.get("code") or "")[:2],
            "quad_class": ev.get("quad_class"),
            "goldstein": ev.get("goldstein"),
            "status": ev.get("status"),
            "sentence": ev.get("sentence"),
            "evidence": ev.get("evidence"),
            "published": article.get("published"),
            "outlet": article.get("source"),
        }


def events_frame_from_contract(articles: Iterable[dict | Article]) -> pd.DataFrame:
    """Build the events frame from `extract` output objects (or processed Articles).

    Event ids are `ARTICLE_ID#N` (N = the event's position in the article).
    """
    rows: list[dict] = []
    for article in articles:
        if isinstance(article, Article):
            article = article.to_contract()
        rows.extend(_rows_from_contract(article))
    return normalise_frame(pd.DataFrame(rows, columns=COLUMNS + ["outlet"]))


def read_events_jsonl(path: str | Path) -> pd.DataFrame:
    """Read `eventwire extract` output (JSON Lines) into the events frame; bad lines are skipped."""
    articles = []
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                articles.append(json.loads(line))
            except json.JSONDecodeError as exc:
                LOGGER.warning("%s line %d is not JSON (%s): skipped", path, n, exc.msg)
    return events_frame_from_contract(articles)


def normalise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Check the columns and normalise types: dates as YYYY-MM-DD strings, goldstein as float.

    Raises:
        ValueError: when a required column is missing.
    """
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"events frame lacks column(s): {', '.join(missing)}")
    frame = frame.copy()
    date = frame["date"].where(frame["date"].notna() & (frame["date"] != ""), frame["published"])
    frame["date"] = pd.to_datetime(date, errors="coerce").dt.strftime("%Y-%m-%d")
    frame["goldstein"] = pd.to_numeric(frame["goldstein"], errors="coerce")
    frame["quad_class"] = pd.to_numeric(frame["quad_class"], errors="coerce").astype("Int64")
    frame["root"] = frame["root"].where(frame["root"].notna(), frame["code"].astype(str).str[:2])
    return frame
