"""The storage suite: every test runs against SQLite and against a real PostgreSQL server."""
from __future__ import annotations

import dataclasses

import pytest

from eventwire.model import Article
from eventwire.store import EVENT_COLUMNS, SCHEMA_VERSION, StoreError, open_store
from store_samples import build_article, build_corpus


def test_store_schema_is_versioned(store_url):
    with open_store(store_url) as s:
        assert s.schema_version() == SCHEMA_VERSION
    with open_store(store_url) as s:  # reopening applies nothing new
        assert s.migrate() == []
        assert s.schema_version() == SCHEMA_VERSION


def test_store_ingest_twice_leaves_same_counts(store):
    corpus = build_corpus(6)
    first = store.ingest_articles(corpus)
    assert (first.added, first.skipped, first.failed) == (6, 0, 0)
    counts = store.counts()
    second = store.ingest_articles(build_corpus(6))
    assert (second.added, second.skipped, second.failed) == (0, 6, 0)
    assert store.counts() == counts
    assert counts["articles"] == 6 and counts["events_all"] == 12
    assert counts["quotes"] == 6 and counts["actors"] == 12 and counts["places"] == 6


def test_store_changed_text_replaces_article(store):
    store.ingest_articles([build_article("a", n=0)])
    changed = build_article("a", n=2)
    changed.text = changed.text.replace("Monday", "Tuesday")
    changed.paragraphs[0].text = changed.paragraphs[0].text.replace("Monday", "Tuesday")
    result = store.ingest_articles([changed])
    assert (result.added, result.replaced) == (1, 1)
    assert store.counts()["articles"] == 1
    assert {e["code"] for e in store.get_article("a")["events"]} == {"190", "071"}
    assert len(store.list_articles(q="Tuesday")) == 1
    assert store.list_articles(q="Monday") == []


def test_store_error_articles_are_counted_not_stored(store):
    bad = Article(id="broken", text="", error="record has no 'text' or 'html' string")
    result = store.ingest_articles([bad, build_article("ok")])
    assert (result.added, result.failed) == (1, 1)
    assert result.errors == [("broken", "record has no 'text' or 'html' string")]
    assert store.get_article("broken") is None


def test_store_bad_article_does_not_sink_its_batch(store):
    broken = build_article("broken")
    broken.events[0] = dataclasses.replace(broken.events[0], code=None)  # root of None fails mid-insert
    result = store.ingest_articles([build_article("x"), broken, build_article("y")], batch_size=10)
    assert (result.added, result.failed) == (2, 1)
    assert store.get_article("broken") is None  # never stored half
    assert store.counts()["events_all"] == 4


def test_store_interrupted_batch_keeps_committed_ones(store):
    corpus = build_corpus(7)

    def stream():
        for i, art in enumerate(corpus):
            if i == 5:
                raise KeyboardInterrupt  # as if the user pressed Ctrl-C mid-ingest
            yield art

    with pytest.raises(KeyboardInterrupt):
        store.ingest_articles(stream(), batch_size=2)
    assert store.counts()["articles"] == 4  # two whole batches committed, the third lost
    result = store.ingest_articles(corpus, batch_size=2)
    assert (result.added, result.skipped) == (3, 4)
    assert store.counts()["articles"] == 7


def test_store_event_filters(store):
    store.ingest_articles(build_corpus(6))
    every = store.query_events(include_uncounted=True)
    assert len(every) == 12
    counted = store.query_events()
    assert {e["status"] for e in counted} <= {"actual", "intended", "threatened"}
    assert len(counted) == 10
    assert all("RUS" in (e["source"] + e["target"]) for e in store.query_events(actor="RUS"))
    assert {e["source"] for e in store.query_events(actor="rusmil")} == {"RUSMIL"}
    dyad = store.query_events(dyad="UKR-RUS")
    assert {(e["source"][:3], e["target"][:3]) for e in dyad} == {("RUS", "UKR"), ("UKR", "RUS")}
    assert {e["source"] for e in store.query_events(source="UKR", target="RUS")} == {"UKRGOV"}
    assert {e["code"] for e in store.query_events(code="03")} == {"036"}
    assert {e["code"] for e in store.query_events(root="19")} == {"190"}
    assert {e["quad_class"] for e in store.query_events(quad_class=4)} == {4}
    assert {e["date"] for e in store.query_events(since="2022-01-31", until="2022-01-31")} == {"2022-01-31"}
    assert {e["status"] for e in store.query_events(status="hypothetical")} == {"hypothetical"}
    assert len({e["article_id"] for e in store.query_events(q="talks Kyiv")}) == 6
    assert store.query_events(q="Kyiv Lisbon") == []  # every word must match
    assert store.count_events(actor="RUS") == len(store.query_events(actor="RUS"))
    page = store.query_events(limit=3, offset=3)
    assert [e["event_id"] for e in page] == [e["event_id"] for e in counted[3:6]]


@pytest.mark.parametrize("filters", [{"actor": "RUS' OR 1=1 --"}, {"quad_class": 7}, {"since": "yesterday"},
                                     {"code": "3a"}, {"dyad": "RUS"}, {"colour": "red"}])
def test_store_bad_filters_raise_value_error(store, filters):
    with pytest.raises(ValueError):
        store.query_events(**filters)


def test_store_search_text_is_only_a_value(store):
    store.ingest_articles(build_corpus(2))
    assert store.query_events(q="'; DROP TABLE articles; --") == []
    assert store.list_articles(q='") OR 1=1 --') == []
    assert store.counts()["articles"] == 2


def test_store_dyad_series_counts_both_directions(store):
    store.ingest_articles(build_corpus(6))
    series = store.dyad_series("RUS", "UKR")
    by_day = {row["day"]: row for row in series}
    assert by_day["2022-01-30"]["q1"] > 0 and by_day["2022-01-30"]["q3"] > 0
    assert by_day["2022-01-31"]["q4"] > 0
    assert sum(r["n"] for r in series) == store.count_events(dyad="RUS-UKR")
    directed = store.dyad_series("RUS", "UKR", directed=True)
    assert sum(r["n"] for r in directed) == store.count_events(source="RUS", target="UKR")
    assert by_day["2022-01-30"]["goldstein"] == pytest.approx(
        sum(e["goldstein"] for e in store.query_events(dyad="RUS-UKR", since="2022-01-30", until="2022-01-30")))


def test_store_actor_and_dyad_summaries(store):
    store.ingest_articles(build_corpus(6))
    actors = {a["code"]: a for a in store.actors()}
    assert actors["RUSGOV"]["as_source"] >= 1 and actors["RUSGOV"]["name"] == "Russia"
    assert actors["UKRGOV"]["mentions"] == 6
    top = store.top_dyads(limit=3)
    assert len(top) == 3 and top[0]["n"] >= top[-1]["n"]
    daily = store.daily_counts()
    assert sum(r["n"] for r in daily) == store.count_events()


def test_store_article_round_trip(store):
    art = build_article("round", title="Round trip")
    store.ingest_articles([art])
    got = store.get_article("round")
    assert got["text"] == art.text and got["body"] == art.body
    assert got["removed"][0]["kind"] == "credit" and got["removed"][0]["span"] == [0, 19]
    ev = got["events"][0]
    assert art.text[ev["span_start"]:ev["span_end"]] == ev["sentence"]
    assert ev["evidence"].startswith("pattern test:")
    q = got["quotes"][0]
    assert q["direct"] is True and q["speaker_code"] == "UKRGOV"
    assert got["places"][0]["name"] == "Kyiv" and got["actors"][1]["code"] == "RUSGOV"
    listed = store.list_articles()
    assert [a["id"] for a in listed] == ["round"] and "text" not in listed[0]


def test_store_events_frame(store):
    store.ingest_articles(build_corpus(3))
    frame = store.events_frame()
    for col in ("event_id", "article_id", "date", "source", "target", "code", "root", "quad_class",
                "goldstein", "status", "sentence", "evidence", "published"):
        assert col in frame.columns
    assert list(frame.columns) == EVENT_COLUMNS
    assert len(frame) == store.count_events()
    assert list(store.events_frame(actor="ZZZ").columns) == EVENT_COLUMNS


def test_store_read_only_refuses_writes(store_url):
    with open_store(store_url) as s:
        s.ingest_articles([build_article("a")])
    with open_store(store_url, read_only=True) as ro:
        assert ro.counts()["articles"] == 1
        with pytest.raises(StoreError):
            ro.ingest_articles([build_article("b")])


def test_store_reads_have_a_time_limit(store_url):
    with open_store(store_url) as s:
        s.ingest_articles(build_corpus(2))
    with open_store(store_url, read_seconds=0.2) as s:
        # A deliberately endless query: the recursive CTE never stops by itself.
        with pytest.raises(StoreError, match="stopped after"):
            s._read("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT COUNT(*) AS c FROM n")
        assert s.counts()["articles"] == 2  # the store still works afterwards


def test_store_not_a_database_is_a_clear_error(tmp_path):
    junk = tmp_path / "notes.db"
    junk.write_text("these are my notes, not a database\n" * 50, encoding="utf-8")
    with pytest.raises(ValueError, match="SQLite database"):
        open_store(str(junk))


def test_store_unreachable_postgres_is_a_clear_error():
    from eventwire.store.testing import pick_free_port

    with pytest.raises(ValueError, match="cannot connect to PostgreSQL"):
        open_store(f"postgresql://postgres@127.0.0.1:{pick_free_port()}/postgres")


@pytest.mark.postgres
def test_store_postgres_reconnects_after_the_connection_drops(pg_server):
    import psycopg

    pg_server.reset_schema()
    with open_store(pg_server.url, read_only=True) as s:
        pid = s._read("SELECT pg_backend_pid() AS pid")[0]["pid"]
        with psycopg.connect(pg_server.url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        assert s.counts()["articles"] == 0  # answered on a fresh connection
        assert s._read("SELECT pg_backend_pid() AS pid")[0]["pid"] != pid
        assert s.backend.read_only


def test_store_date_range(store):
    assert store.date_range() == (None, None)
    store.ingest_articles(build_corpus(6))
    # the hypothetical 2022-02-01 event is not counted, but NATO's threatened one is
    assert store.date_range() == ("2022-01-30", "2022-02-01")

