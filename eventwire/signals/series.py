"""Dyadic time series: per dyad and day (or week), counts by QuadClass and Goldstein sum and mean.

QuadClass (CAMEO/GDELT): 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
4 material conflict. Conflict intensity is the sum of -goldstein over events with a negative
Goldstein score (a threat at -4.4 adds 4.4, a clash at -10 adds 10).
"""
from __future__ import annotations

import logging
from functools import lru_cache

import pandas as pd

from .config import load_config
from .frame import normalise_frame

LOGGER = logging.getLogger(__name__)


@lru_cache(maxsize=4096)
def _is_country(prefix: str) -> bool:
    import pycountry

    return pycountry.countries.get(alpha_3=prefix) is not None


def resolve_actor(code: str | None, level: str = "country") -> str | None:
    """The dyad member for an actor code: its country (ISO alpha-3 prefix) or the whole code."""
    if not code or not isinstance(code, str):
        return None
    if level == "country" and len(code) >= 3 and _is_country(code[:3]):
        return code[:3]
    return code


def label_dyads(frame: pd.DataFrame, level: str = "country", directed: bool = False) -> pd.Series:
    """A dyad label per row ("RUS|UKR"; sorted unless directed), None when an actor is missing."""
    labels = []
    for src, tgt in zip(frame["source"], frame["target"]):
        a, b = resolve_actor(src, level), resolve_actor(tgt, level)
        if a is None or b is None or a == b:
            labels.append(None)
            continue
        labels.append(f"{a}|{b}" if directed else "|".join(sorted((a, b))))
    return pd.Series(labels, index=frame.index, dtype=object)


def filter_counted(frame: pd.DataFrame, config: dict) -> pd.DataFrame:
    """Keep the statuses that count (actual, intended, threatened) and rows with a date."""
    keep = frame["status"].isin(config["statuses"]) & frame["date"].notna()
    return frame[keep]


def compute_intensity(frame: pd.DataFrame, kind: str = "conflict") -> pd.Series:
    """Per-row conflict intensity: -goldstein for negative scores, or 1 per QuadClass 3/4 event."""
    if kind == "count34":
        return frame["quad_class"].isin([3, 4]).astype(float)
    if kind != "conflict":
        raise ValueError(f"unknown intensity {kind!r}: use conflict or count34")
    return (-frame["goldstein"].fillna(0.0)).clip(lower=0.0)


def dyad_series(frame: pd.DataFrame, freq: str = "D", config: dict | None = None,
                start: str | None = None, end: str | None = None) -> pd.DataFrame:
    """Count events per dyad and period, with empty periods filled with zeros.

    Args:
        frame (pd.DataFrame): the events frame (raw or de-duplicated).
        freq (str): pandas period alias, "D" (days) or "W" (weeks, starting Monday).
        config (dict | None): parameters (`series` and `detector.intensity` sections).
        start, end (str | None): the calendar to fill (default: the frame's first and last date).
    RETURNS (pd.DataFrame): columns dyad, period (YYYY-MM-DD of the period start), events,
        q1, q2, q3, q4, goldstein_sum, goldstein_mean (NaN on empty periods), conflict.
    """
    config = config or load_config()
    frame = filter_counted(normalise_frame(frame), config)
    frame = frame.assign(dyad=label_dyads(frame, config["series"]["level"], config["series"]["directed"]))
    frame = frame[frame["dyad"].notna()]
    columns = ["dyad", "period", "events", "q1", "q2", "q3", "q4", "goldstein_sum", "goldstein_mean",
               "conflict"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    dates = pd.to_datetime(frame["date"])
    freq_alias = "W-SUN" if freq.upper().startswith("W") else freq
    frame = frame.assign(
        period=dates.dt.to_period(freq_alias).dt.start_time,
        conflict=compute_intensity(frame, config["detector"]["intensity"]),
        **{f"q{q}": (frame["quad_class"] == q).astype(int) for q in (1, 2, 3, 4)},
    )
    grouped = frame.groupby(["dyad", "period"]).agg(
        events=("event_id", "size"), q1=("q1", "sum"), q2=("q2", "sum"), q3=("q3", "sum"),
        q4=("q4", "sum"), goldstein_sum=("goldstein", "sum"), goldstein_mean=("goldstein", "mean"),
        conflict=("conflict", "sum"))
    first = pd.Timestamp(start) if start else dates.min()
    last = pd.Timestamp(end) if end else dates.max()
    calendar = pd.period_range(first, last, freq=freq_alias).start_time
    full = pd.MultiIndex.from_product([sorted(frame["dyad"].unique()), calendar], names=["dyad", "period"])
    out = grouped.reindex(full)
    counts = ["events", "q1", "q2", "q3", "q4", "goldstein_sum", "conflict"]
    out[counts] = out[counts].fillna(0)
    out[["events", "q1", "q2", "q3", "q4"]] = out[["events", "q1", "q2", "q3", "q4"]].astype(int)
    out = out.reset_index()
    out["period"] = out["period"].dt.strftime("%Y-%m-%d")
    return out[columns]
