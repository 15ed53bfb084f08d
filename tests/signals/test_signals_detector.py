"""The escalation detector, de-duplication and series on events frames built by hand."""
from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

from eventwire.signals import (COLUMNS, dedup_events, detect_alerts, dyad_series, load_config)

START = date(2026, 3, 2)  # a Monday; six weeks of stream


def _event(n, day, source, target, code, quad, goldstein, sentence, status="actual", article=None):
    return {"event_id": f"e{n}", "article_id": article or f"a{n}", "date": (START + timedelta(day)).isoformat(),
            "source": source, "target": target, "code": code, "root": code[:2], "quad_class": quad,
            "goldstein": goldstein, "status": status, "sentence": sentence, "evidence": "test",
            "published": (START + timedelta(day)).isoformat()}


def _stream() -> pd.DataFrame:
    """Calm weeks 1-3 for both dyads; ARM-AZE escalates in week 5; FRA-DEU stays calm."""
    rows, n = [], 0
    for day in range(0, 42, 3):  # cooperative background for both dyads all along
        rows.append(_event(n := n + 1, day, "FRAGOV", "DEUGOV", "040", 1, 1.0, f"France and Germany held talks {day}."))
        rows.append(_event(n := n + 1, day + 1, "ARMGOV", "AZEGOV", "036", 1, 4.0, f"Armenia offered to meet Azerbaijan {day}."))
    rows.append(_event(n := n + 1, 10, "FRAGOV", "DEUGOV", "111", 3, -2.0, "France criticised Germany over farm subsidies."))
    # week 4: warnings; week 5: threats, troops, clashes
    rows.append(_event(n := n + 1, 22, "AZEGOV", "ARMGOV", "112", 3, -2.0, "Azerbaijan accused Armenia of shelling border villages."))
    rows.append(_event(n := n + 1, 25, "ARMGOV", "AZEGOV", "111", 3, -2.0, "Armenia condemned Azerbaijan for the border incident."))
    for k, day in enumerate((28, 29, 30, 31, 32, 33)):
        rows.append(_event(n := n + 1, day, "AZEGOV", "ARMGOV", "138", 3, -7.0, f"Azerbaijan threatened to attack Armenia {k}.", status="threatened"))
        rows.append(_event(n := n + 1, day, "AZEMIL", "ARMMIL", "190", 4, -10.0, f"Azerbaijani troops clashed with Armenian forces near Lachin {k}."))
    return pd.DataFrame(rows, columns=COLUMNS)


def test_signals_detector_alerts_escalating_dyad_in_right_week():
    alerts = detect_alerts(_stream())
    dyads = {a["dyad"] for a in alerts}
    assert dyads == {"ARM|AZE"}, alerts
    first = alerts[0]
    assert "2026-03-30" <= first["first_alert"] <= "2026-04-05"  # week 5
    assert first["method"] == "zscore" and first["score"] >= 3.0
    assert first["events"] and all(e["goldstein"] < 0 for e in first["events"])
    assert any("clashed" in e["sentence"] for e in first["events"])
    assert first["baseline"]["days"] == 28 and "baseline" in first["evidence"]


def test_signals_detector_cusum_agrees():
    alerts = detect_alerts(_stream(), method="cusum")
    assert {a["dyad"] for a in alerts} == {"ARM|AZE"}
    assert alerts[0]["first_alert"] >= "2026-03-30"


def test_signals_detector_ignores_hypothetical_and_negated():
    frame = _stream()
    conflict = frame["goldstein"] < -5
    frame.loc[conflict, "status"] = "hypothetical"
    assert detect_alerts(frame) == []


def test_signals_detector_rejects_unknown_parameters():
    with pytest.raises(ValueError):
        detect_alerts(_stream(), method="magic")
    with pytest.raises(ValueError):
        detect_alerts(_stream(), zthreshold=2)


def test_signals_dedup_merges_reports_across_articles():
    rows = [
        _event(1, 5, "RUSGOV", "UKRGOV", "190", 4, -10.0, "Russian forces shelled the Ukrainian city of Kharkiv overnight.", article="wire1"),
        _event(2, 6, "RUSGOV", "UKRGOV", "195", 4, -10.0, "Russian forces shelled Kharkiv overnight, Ukrainian officials said.", article="wire2"),
        _event(3, 5, "RUSGOV", "UKRGOV", "190", 4, -10.0, "Russian artillery shelled Kharkiv city overnight.", article="wire3"),
        # same dyad and root but a week later: another event
        _event(4, 13, "RUSGOV", "UKRGOV", "190", 4, -10.0, "Russian forces shelled Kharkiv overnight.", article="wire4"),
        # same day, same dyad, different root: another event
        _event(5, 5, "RUSGOV", "UKRGOV", "036", 1, 4.0, "Russia offered talks with Ukraine in Istanbul.", article="wire1"),
    ]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["outlet"] = ["AFP", "Reuters", "AFP", "AP", "AFP"]
    out = dedup_events(frame)
    assert len(out) == 3
    merged = out[out["num_events"] == 3].iloc[0]
    assert merged["num_articles"] == 3 and merged["num_sources"] == 2
    assert sorted(merged["event_ids"]) == ["e1", "e2", "e3"]
    assert merged["first_date"] == "2026-03-07" and merged["last_date"] == "2026-03-08"


def test_signals_series_counts_by_quad_class_and_fills_days():
    series = dyad_series(_stream())
    calm = series[(series["dyad"] == "DEU|FRA")]
    assert len(calm) == 41 and calm["events"].sum() == 15
    day = series[(series["dyad"] == "ARM|AZE") & (series["period"] == "2026-03-30")].iloc[0]
    assert (day["q3"], day["q4"], day["goldstein_sum"], day["conflict"]) == (1, 1, -13.0, 17.0)
    weekly = dyad_series(_stream(), freq="W")
    assert set(weekly["period"]) >= {"2026-03-02", "2026-04-06"}


def test_signals_config_user_file_overrides(tmp_path):
    user = tmp_path / "signals.yaml"
    user.write_text("detector:\n  z_threshold: 9.5\n")
    config = load_config(user)
    assert config["detector"]["z_threshold"] == 9.5 and config["detector"]["window_days"] == 7
    user.write_text("detector:\n  nonsense: 1\n")
    with pytest.raises(ValueError):
        load_config(user)
