"""The JSON API over real HTTP (uvicorn on 127.0.0.1), against SQLite and PostgreSQL."""
from __future__ import annotations

import pytest


def test_web_api_counts_and_loopback(api):
    assert api.base_url.host == "127.0.0.1"
    body = api.get("/api/counts").json()
    assert body["articles"] == 7 and body["events"] == 11 and body["writable"] is False
    assert body["schema_version"] >= 1


def test_web_api_events_filters_and_pages(api):
    first = api.get("/api/events", params={"limit": 4}).json()
    assert first["total"] == 11 and len(first["items"]) == 4
    second = api.get("/api/events", params={"limit": 4, "offset": 4}).json()
    assert not {e["event_id"] for e in first["items"]} & {e["event_id"] for e in second["items"]}
    dyad = api.get("/api/events", params={"dyad": "RUS-UKR"}).json()["items"]
    assert dyad and all({e["source"][:3], e["target"][:3]} == {"RUS", "UKR"} for e in dyad)
    conflict = api.get("/api/events", params={"quad_class": 4, "since": "2022-01-31"}).json()["items"]
    assert {e["code"] for e in conflict} == {"190"}
    assert api.get("/api/events", params={"root": "13"}).json()["items"][0]["code"] == "138"
    assert api.get("/api/events", params={"q": "truce"}).json()["items"][0]["article_id"] == "xss-1"
    every = api.get("/api/events", params={"include_uncounted": "true"}).json()
    assert every["total"] == 13


@pytest.mark.parametrize("params", [{"since": "soon"}, {"actor": "RUS'--"}, {"dyad": "RUS"}, {"code": "x"}])
def test_web_api_bad_filters_are_400(api, params):
    response = api.get("/api/events", params=params)
    assert response.status_code == 400 and response.json()["detail"]


def test_web_api_limits_are_capped(api):
    assert api.get("/api/events", params={"limit": 100000}).status_code == 422
    assert api.get("/api/events", params={"quad_class": 9}).status_code == 422


def test_web_api_articles(api):
    listing = api.get("/api/articles", params={"limit": 3}).json()
    assert listing["total"] == 7 and len(listing["items"]) == 3 and "text" not in listing["items"][0]
    found = api.get("/api/articles", params={"q": "truce"}).json()
    assert [a["id"] for a in found["items"]] == ["xss-1"]
    art = api.get("/api/articles/story-2").json()
    assert art["text"].startswith("Photo: Agency staff") and len(art["events"]) == 2
    assert art["events"][0]["evidence"] and art["quotes"][0]["speaker_code"] == "UKRGOV"
    missing = api.get("/api/articles/no-such-story")
    assert missing.status_code == 404 and "no-such-story" in missing.json()["detail"]


def test_web_api_dyads_and_actors(api):
    series = api.get("/api/dyads", params={"a": "RUS", "b": "UKR"}).json()["series"]
    assert series and {"day", "q1", "q2", "q3", "q4", "goldstein", "n"} <= set(series[0])
    assert sum(r["n"] for r in series) == api.get("/api/events", params={"dyad": "RUS-UKR"}).json()["total"]
    top = api.get("/api/dyads").json()["top"]
    assert top[0]["n"] >= top[-1]["n"]
    assert api.get("/api/dyads", params={"a": "RUS"}).status_code == 400
    actors = api.get("/api/actors").json()
    assert {"RUSGOV", "UKRGOV"} <= {a["code"] for a in actors}


def test_web_api_alerts_answer(api):
    body = api.get("/api/alerts").json()
    assert isinstance(body["alerts"], list)
    assert body["alerts"] or body["note"] is None or isinstance(body["note"], str)


def test_web_api_openapi_and_docs(api):
    spec = api.get("/openapi.json").json()
    for path in ("/api/events", "/api/articles", "/api/articles/{article_id}", "/api/dyads", "/api/actors"):
        assert path in spec["paths"], path
    docs = api.get("/docs")
    assert docs.status_code == 200 and "/api/events" in docs.text
    assert "cdn" not in docs.text.lower() and "//" not in docs.text.split("/openapi.json")[0].split("<body>")[-1]


def test_web_api_security_headers(api):
    response = api.get("/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


def test_web_api_read_only_refuses_posts(api):
    response = api.post("/api/articles", json={"id": "n", "text": "Russia criticised Britain."},
                        headers={"Authorization": "Bearer anything-at-all"})
    assert response.status_code == 403
    assert api.get("/api/counts").json()["articles"] == 7


def test_web_api_post_needs_the_token(writable_api):
    client, _, _ = writable_api
    record = {"id": "n", "text": "Russia criticised Britain on Monday."}
    assert client.post("/api/articles", json=record).status_code == 401
    wrong = {"Authorization": "Bearer wrong-token-xx"}
    assert client.post("/api/articles", json=record, headers=wrong).status_code == 401
    assert client.get("/api/counts").json()["articles"] == 7


@pytest.mark.slow
def test_web_api_post_ingests_with_the_token(writable_api):
    client, store, token = writable_api
    records = [{"id": "posted-1", "published": "2023-05-02", "title": "Ministers meet",
                "text": "Ministers meet\n\nThe foreign ministers of France and Germany met in Paris on Tuesday.\n"},
               {"id": "posted-2"}]
    response = client.post("/api/articles", json=records, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["added"], body["failed"]) == (1, 1)
    again = client.post("/api/articles", json=records[0], headers={"Authorization": f"Bearer {token}"})
    assert again.json()["skipped"] == 1
    assert client.get("/api/articles/posted-1").json()["published"] == "2023-05-02"
    assert store.counts()["articles"] == 8


def test_web_api_refuses_foreign_host_names(api):
    # A page on evil.example that rebinds its name to 127.0.0.1 sends "Host: evil.example".
    assert api.get("/api/events", headers={"Host": "evil.example"}).status_code == 400
    assert api.get("/api/events", headers={"Host": "localhost"}).status_code == 200
