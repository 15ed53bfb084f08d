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

    # clusters per key; each cluster is a list of row indices, rows visited in date order
    clusters: dict[tuple, list[list[int]]] = {}
    order = sorted(range(len(frame)), key=lambda i: (days[i] is None, days[i] or 0, i))
    max_gap, min_sim = int(params["max_days_apart"]), float(params["min_similarity"])
    for i in order:
        placed = False
        for cluster in clusters.setdefault(keys[i], []):
            # the gap is measured from the cluster's first report, so a clash repeated day after
            # day does not chain into one event
            anchor = days[cluster[0]]
            if days[i] is None or anchor is None or days[i] - anchor > max_gap:
                continue
            for j in cluster:
                if compute_similarity(words[i], words[j]) >= min_sim:
                    cluster.append(i)
                    placed = True
                    break
            if placed:
                break
        if not placed:
            clusters[keys[i]].append([i])

    rows = []
    for cluster_list in clusters.values():
        for cluster in cluster_list:
            first = frame.iloc[cluster[0]].to_dict()
            articles = list(dict.fromkeys(frame["article_id"].iloc[cluster]))
            outlets = list(dict.fromkeys(o for o in outlet.iloc[cluster] if isinstance(o, str) and o))
            dates = sorted(d for d in frame["date"].iloc[cluster] if isinstance(d, str))
            first.update({
                "num_events": len(cluster),
                "num_articles": len(articles),
                # without outlets every article counts as its own source (documented)
                "num_sources": len(outlets) if outlets else len(articles),
                "event_ids": list(frame["event_id"].iloc[cluster]),
                "article_ids": articles,
                "outlets": outlets,
                "first_date": dates[0] if dates else None,
                "last_date": dates[-1] if dates else None,
            })
            rows.append(first)
    out = pd.DataFrame(rows)
    LOGGER.info("dedup: %d reports -> %d events", len(frame), len(out))
    return out.sort_values(["date", "event_id"], na_position="last").reset_index(drop=True)
