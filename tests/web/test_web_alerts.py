"""Alerts from eventwire.signals reach `GET /api/alerts` and the overview panel."""
from __future__ import annotations

from datetime import date, timedelta
from importlib.util import find_spec

import httpx
import pytest

from eventwire.model import ActorRef, Article, Event, Paragraph
from eventwire.store import open_store
from eventwire.web import create_app
from web_live import LiveServer


def _word(i: int) -> str:
    """A distinct made-up place name per index, so no two reports look alike to de-duplication."""
    letters = "bcdfghklmnprstvz"
    out = ""
    while True:
        out += letters[i % 16]
        i //= 16
        if not i:
            return "Vil" + out + "ovo"


def _day_article(day: date, n: int, code: str, goldstein: float, quad: int, seed: int) -> Article:
    # Made-up names only, so de-duplication (content-word overlap) keeps every event apart.
    sentences = [" ".join(_word(seed * 100 + k * 10 + j) for j in range(5)) + "." for k in range(n)]
    text = " ".join(sentences) + "\n"
    art = Article(id=f"surge-{day.isoformat()}-{code}", text=text, title=f"Report of {day.isoformat()}",
                  published=day.isoformat())
    art.paragraphs = [Paragraph(0, text.rstrip())]
    start = 0
    for sentence in sentences:
        art.events.append(Event(source=ActorRef("Russian troops", "RUSMIL"), target=ActorRef("Ukraine", "UKR"),
                                code=code, status="actual", sentence=sentence, span=(start, start + len(sentence)),
                                trigger=(start, start + 5), evidence=f"pattern surge:{code}", confidence=0.8,
                                date=day.isoformat(), goldstein=goldstein, quad_class=quad))
        start += len(sentence) + 1
    return art


@pytest.fixture
def surge_db(tmp_path):
    start = date(2022, 1, 1)
    quiet = [_day_article(start + timedelta(days=i), 1, "036", 4.0, 1, seed=i) for i in range(40)]
    surge = [_day_article(start + timedelta(days=40 + i), 6, "190", -10.0, 4, seed=100 + i) for i in range(4)]
    db = str(tmp_path / "surge.db")
    with open_store(db) as s:
        s.ingest_articles(quiet + surge)
    return db


def test_web_alerts_panel_and_api(surge_db):
    store = open_store(surge_db, read_only=True)
    with LiveServer(create_app(store)) as live:
        body = httpx.get(live.url + "/api/alerts", timeout=60).json()
        overview = httpx.get(live.url + "/", timeout=60).text
        dyad_page = httpx.get(live.url + "/dyads", params={"a": "RUS", "b": "UKR"}, timeout=60).text
    if find_spec("eventwire.signals") is None:
        assert body["alerts"] == [] and "signals" in body["note"]
        return
    from eventwire.signals import alerts_for_store

    expected = alerts_for_store(store)
    store.close()
    assert body["note"] is None
    assert len(body["alerts"]) == len(expected) >= 1
    first = body["alerts"][-1]
    assert set(first["actors"]) == {"RUS", "UKR"} or "RUS" in str(first.get("dyad"))
    assert "/dyads?a=" in overview and 'class="alert"' in overview
    assert 'class="alert-window"' in dyad_page and first["evidence"] in dyad_page.replace("&gt;", ">")
