"""Cross-article de-duplication: one event reported by several articles becomes one row.

Two events are reports of one event when they have the same source, target, root (or code),
and status, the later date is at most `max_days_apart` days after the cluster's first report,
and the sentences share enough content words (Jaccard >= `min_similarity`) with one report of
the cluster (single linkage within that date span). Each
output row keeps the earliest report's fields plus GDELT-style counts (num_articles,
num_sources) and all provenance (event_ids, article_ids, outlets).
"""
from __future__ import annotations

import logging
import re
from datetime import date

import pandas as pd

from .config import load_config
from .frame import normalise_frame

LOGGER = logging.getLogger(__name__)

_WORD = re.compile(r"[a-z][a-z'-]+")


def extract_content_words(sentence: str | None, stopwords: frozenset[str]) -> frozenset[str]:
    """The lowercase words (2+ letters) of a sentence minus the stopwords."""
    words = _WORD.findall((sentence or "").lower())
    return frozenset(w for w in words if w not in stopwords)


def compute_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two word sets (0 when both are empty)."""
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


def _day(value: str | None) -> int | None:
    if not value or not isinstance(value, str):
        return None
    return date.fromisoformat(value).toordinal()


def dedup_events(frame: pd.DataFrame, config: dict | None = None) -> pd.DataFrame:
    """Merge reports of the same event across articles.

    Args:
        frame (pd.DataFrame): the events frame (see `eventwire.signals.frame`).
        config (dict | None): parameters (`load_config()` when None); the `dedup` section is used.
    RETURNS (pd.DataFrame): one row per event with the earliest report's columns plus
        num_events, num_articles, num_sources, event_ids, article_ids, outlets, first_date, last_date.
    """
    config = config or load_config()
    params = config["dedup"]
    stopwords = frozenset(config.get("stopwords") or ())
    frame = normalise_frame(frame).reset_index(drop=True)
    if frame.empty:
        out = frame.copy()
        for col in ("num_events", "num_articles", "num_sources", "event_ids", "article_ids", "outlets",
                    "first_date", "last_date"):
            out[col] = pd.Series(dtype=object)
        return out
    outlet = frame["outlet"] if "outlet" in frame.columns else pd.Series([None] * len(frame))
    words = [extract_content_words(s, stopwords) for s in frame["sentence"]]
    days = [_day(d) for d in frame["date"]]
    kind = frame["code"] if params.get("same_code") else frame["root"]
    keys = list(zip(frame["source"].fillna(""), frame["target"].fillna(""), kind.fillna(""),
                    frame["status"].fillna("")))

    # rows are visited in date order; each key keeps only its open clusters (first report at
    # most max_gap days back), so the work stays linear in the number of events
    done: list[list[int]] = []
    open_clusters: dict[tuple, list[list[int]]] = {}
    order = sorted(range(len(frame)), key=lambda i: (days[i] is None, days[i] or 0, i))
    max_gap, min_sim = int(params["max_days_apart"]), float(params["min_similarity"])
    for i in order:
        candidates = open_clusters.setdefault(keys[i], [])
        if days[i] is None:  # undated: never merged
            done.append([i])
            continue
        # the gap is measured from the cluster's first report, so a clash repeated day after
        # day does not chain into one event
        still_open = [c for c in candidates if days[i] - days[c[0]] <= max_gap]
        done.extend(c for c in candidates if days[i] - days[c[0]] > max_gap)
        target = next((c for c in still_open
                       if any(compute_similarity(words[i], words[j]) >= min_sim for j in c)), None)
        if target is None:
            still_open.append([i])
        else:
            target.append(i)
        open_clusters[keys[i]] = still_open
    clusters = done + [c for cs in open_clusters.values() for c in cs]

    records = frame.to_dict("records")
    outlets_by_row = list(outlet)
    rows = []
    for cluster in clusters:
        first = dict(records[cluster[0]])
        articles = list(dict.fromkeys(records[i]["article_id"] for i in cluster))
        outlets = list(dict.fromkeys(o for o in (outlets_by_row[i] for i in cluster) if isinstance(o, str) and o))
        dates = sorted(d for d in (records[i]["date"] for i in cluster) if isinstance(d, str))
        first.update({
            "num_events": len(cluster),
            "num_articles": len(articles),
            # without outlets every article counts as its own source (documented)
            "num_sources": len(outlets) if outlets else len(articles),
            "event_ids": [records[i]["event_id"] for i in cluster],
            "article_ids": articles,
            "outlets": outlets,
            "first_date": dates[0] if dates else None,
            "last_date": dates[-1] if dates else None,
        })
        rows.append(first)
    out = pd.DataFrame(rows)
    LOGGER.info("dedup: %d reports -> %d events", len(frame), len(out))
    return out.sort_values(["date", "event_id"], na_position="last").reset_index(drop=True)
