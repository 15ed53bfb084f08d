"""Escalation detector: per dyad, the recent window's conflict intensity against a trailing baseline.

zscore (default): for each day t, W = the last `window_days` days, B = the `baseline_days`
before W. z = (sum(W) - |W| * mean(B)) / (max(std(B), min_std) * sqrt(|W|)). A day alerts when
z >= z_threshold and W holds at least `min_window_intensity` and `min_window_events`.
cusum: S_t = max(0, S_{t-1} + (x_t - mean(B_t)) / max(std(B_t), min_std) - k), alert when S_t >= h
(B_t = the baseline days before day t's window), with the same floors on the window.
Consecutive alerting days form one alert; it lists the conflict events that drove it.
"""
from __future__ import annotations

import logging
import math

import numpy as np
import pandas as pd

from .config import load_config
from .dedup import dedup_events
from .frame import normalise_frame
from .series import compute_intensity, dyad_series, filter_counted, label_dyads

LOGGER = logging.getLogger(__name__)

METHODS = ("zscore", "cusum")


def _clean(value):
    """JSON-safe scalars (numpy ints/floats, NaN -> None)."""
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return None if math.isnan(value) else round(float(value), 3)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if value is pd.NA:
        return None
    return value


def _score_days(x: np.ndarray, n: np.ndarray, p: dict, method: str) -> list[tuple[int, float, float, float]]:
    """(day index, score, baseline mean, baseline std) for every alerting day of one dyad."""
    w, b = int(p["window_days"]), int(p["baseline_days"])
    hits, cusum = [], 0.0
    for t in range(len(x)):
        win_lo = t - w + 1
        base_lo = max(0, win_lo - b)
        if win_lo - base_lo < int(p["min_baseline_days"]) or win_lo < 0:
            continue
        base = x[base_lo:win_lo]
        mu, sd = float(base.mean()), max(float(base.std()), float(p["min_std"]))
        window, events = float(x[win_lo:t + 1].sum()), int(n[win_lo:t + 1].sum())
        if method == "zscore":
            score = (window - w * mu) / (sd * math.sqrt(w))
            fired = score >= float(p["z_threshold"])
        else:
            cusum = max(0.0, cusum + (float(x[t]) - mu) / sd - float(p["cusum_k"]))
            score = cusum
            fired = score >= float(p["cusum_h"])
        if fired and window >= float(p["min_window_intensity"]) and events >= int(p["min_window_events"]):
            hits.append((t, score, mu, sd))
    return hits


def _episodes(hits: list[tuple[int, float, float, float]]) -> list[list[tuple[int, float, float, float]]]:
    episodes: list[list] = []
    for hit in hits:
        if episodes and hit[0] == episodes[-1][-1][0] + 1:
            episodes[-1].append(hit)
        else:
            episodes.append([hit])
    return episodes


def _driving_events(events: pd.DataFrame, dyad: str, start: str, end: str, limit: int) -> list[dict]:
    rows = events[(events["dyad"] == dyad) & (events["date"] >= start) & (events["date"] <= end)
                  & (events["conflict"] > 0)]
    rows = rows.sort_values(["conflict", "date"], ascending=[False, True]).head(limit)
    keep = ["event_id", "date", "source", "target", "code", "root", "quad_class", "goldstein", "status",
            "sentence", "article_id", "evidence", "num_articles", "num_sources", "event_ids", "article_ids"]
    return [{k: _clean(row[k]) for k in keep if k in row} for row in rows.to_dict("records")]


def detect_alerts(frame: pd.DataFrame, method: str | None = None, config: dict | None = None,
                  dedup: bool = True, **params) -> list[dict]:
    """Find escalation episodes per dyad.

    Args:
        frame (pd.DataFrame): the events frame (see `eventwire.signals.frame`).
        method (str | None): "zscore" or "cusum" (default from the config file).
        config (dict | None): parameters (`load_config()` when None).
        dedup (bool): merge reports of one event first, so ten articles on one clash count once.
        params: detector keys to override, e.g. `z_threshold=2.5`.
    RETURNS (list[dict]): alerts, oldest first, each with dyad, actors, window_start, window_end,
        first_alert, score, method, baseline {mean, std, days}, window_intensity, evidence and
        events (the conflict events that drove it, with sentences and article ids).
    Raises:
        ValueError: for an unknown method or detector key.
    """
    config = config or load_config()
    p = dict(config["detector"])
    unknown = set(params) - set(p)
    if unknown:
        raise ValueError(f"unknown detector parameter(s): {', '.join(sorted(unknown))}")
    p.update(params)
    method = method or p["method"]
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}: use one of {', '.join(METHODS)}")
    events = filter_counted(normalise_frame(frame), config)
    if dedup:
        events = dedup_events(events, config)
    if events.empty:
        return []
    events = events.assign(
        dyad=label_dyads(events, config["series"]["level"], config["series"]["directed"]),
        conflict=compute_intensity(events, p["intensity"]))
    start, end = events["date"].min(), events["date"].max()
    series = dyad_series(events, "D", config, start=start, end=end)
    alerts = []
    for dyad, days in series.groupby("dyad", sort=True):
        days = days.sort_values("period")
        periods = days["period"].tolist()
        conflict_events = (events[(events["dyad"] == dyad) & (events["conflict"] > 0)]
                           .groupby("date").size().reindex(periods, fill_value=0).to_numpy())
        hits = _score_days(days["conflict"].to_numpy(dtype=float), conflict_events, p, method)
        for episode in _episodes(hits):
            first_t, last_t = episode[0][0], episode[-1][0]
            peak = max(episode, key=lambda h: h[1])
            w_start = periods[max(0, first_t - int(p["window_days"]) + 1)]
            w_end = periods[last_t]
            mu, sd = episode[0][2], episode[0][3]
            intensity = float(days["conflict"].iloc[max(0, first_t - int(p["window_days"]) + 1):last_t + 1].sum())
            threshold = p["z_threshold"] if method == "zscore" else p["cusum_h"]
            alerts.append({
                "dyad": dyad,
                "actors": dyad.split("|"),
                "window_start": w_start,
                "window_end": w_end,
                "first_alert": periods[first_t],
                "score": round(float(peak[1]), 3),
                "method": method,
                "threshold": threshold,
                "baseline": {"mean": round(mu, 3), "std": round(sd, 3), "days": int(p["baseline_days"])},
                "window_intensity": round(intensity, 3),
                "evidence": (f"{method} {peak[1]:.2f} >= {threshold} on {periods[peak[0]]}: conflict intensity "
                             f"{intensity:.1f} from {w_start} to {w_end} vs baseline {mu:.2f}/day "
                             f"(std {sd:.2f}, {p['baseline_days']} days before)"),
                "events": _driving_events(events, dyad, w_start, w_end, int(p["max_driving_events"])),
            })
    alerts.sort(key=lambda a: (a["first_alert"], a["dyad"]))
    LOGGER.info("%d alert(s) over %d dyad(s)", len(alerts), series["dyad"].nunique())
    return alerts
