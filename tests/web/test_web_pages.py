"""Dashboard pages over real HTTP, the XSS guarantees in the HTML, and the text highlighter."""
from __future__ import annotations

from eventwire.web.render import render_article_text, render_network, render_quad_bars


def test_web_pages_answer(api):
    for path in ("/", "/dyads", "/dyads?a=RUS&b=UKR", "/network", "/search", "/search?q=talks&actor=RUS",
                 "/articles/story-1", "/docs"):
        response = api.get(path)
        assert response.status_code == 200, path
        assert "text/html" in response.headers["content-type"]
    assert api.get("/articles/nope").status_code == 404
    assert api.get("/search", params={"since": "not-a-date"}).status_code == 400


def test_web_pages_overview_has_chart_and_dyads(api):
    html = api.get("/").text
    assert '<svg class="chart"' in html and 'class="q4"' in html
    assert "/dyads?a=RUSGOV&amp;b=UKRGOV" in html
    assert 'id="alerts"' in html


def test_web_pages_no_external_resources(api):
    for path in ("/", "/articles/story-1", "/network", "/docs"):
        html = api.get(path).text
        for needle in ('src="http', 'href="http://', "cdn.", "googleapis", "unpkg", "jsdelivr"):
            assert needle not in html, (path, needle)


def test_web_pages_article_escapes_untrusted_text(api):
    html = api.get("/articles/xss-1").text
    assert "&lt;script&gt;window.__xss = &#39;text&#39;&lt;/script&gt;" in html
    assert "&lt;script&gt;window.__xss = &#39;title&#39;&lt;/script&gt;Border talks" in html
    assert "&lt;img src=x onerror=" in html
    assert "<script>window" not in html and "<img src=x" not in html and "<b onmouseover" not in html
    assert "javascript:" not in html  # the article's javascript: url is not linked
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in html  # evidence text escaped too
    listing = api.get("/").text
    assert "<script>window" not in listing and "&lt;script&gt;window.__xss" in listing


def test_web_pages_article_highlights(api):
    html = api.get("/articles/story-1").text
    assert '<span class="removed" title="removed: credit">Photo: Agency staff</span>' in html
    assert ('<span class="ev" data-ev="0">Officials in Kyiv </span>'
            '<span class="ev trigger" data-ev="0">said</span>') in html
    assert '<span class="ev quote" data-ev="1" data-quote="0">We are ready to talk,</span>' in html
    assert "Why was this coded?" in html and "pattern test:" in html


def test_web_render_segments_overlapping_spans():
    text = "AAAA BBBB CCCC"
    html = str(render_article_text(text, [{"kind": "credit", "span": [0, 4]}],
                                   [{"span_start": 5, "span_end": 14, "trigger_start": 10, "trigger_end": 14}],
                                   [{"span_start": 7, "span_end": 12}]))
    assert html == ('<span class="removed" title="removed: credit">AAAA</span> '
                    '<span class="ev" data-ev="0">BB</span>'
                    '<span class="ev quote" data-ev="0" data-quote="0">BB </span>'
                    '<span class="ev quote trigger" data-ev="0" data-quote="0">CC</span>'
                    '<span class="ev trigger" data-ev="0">CC</span>')


def test_web_render_ignores_bad_offsets():
    html = str(render_article_text("a<b>c", [], [{"span_start": 3, "span_end": 99, "trigger_start": None,
                                                   "trigger_end": None}], [{"span_start": 5, "span_end": 2}]))
    assert html == 'a&lt;b<span class="ev" data-ev="0">&gt;c</span>'


def test_web_render_charts_escape_codes():
    bars = str(render_quad_bars([{"day": "2022-01-01", "quad_class": 4, "n": 3}]))
    assert bars.startswith("<svg") and 'class="q4"' in bars
    net = str(render_network([{"source": "<X>", "target": "B", "n": 2, "goldstein": -8}]))
    assert "&lt;X&gt;" in net and "<X>" not in net and 'class="edge conflict"' in net


def test_web_pages_overview_shows_recent_window(tmp_path):
    import httpx

    from eventwire.store import open_store
    from eventwire.web import create_app
    from store_samples import build_article
    from web_live import LiveServer

    db = str(tmp_path / "long.db")
    with open_store(db) as s:
        early, late = build_article("early", n=0), build_article("late", n=0)
        for ev in early.events:
            ev.date = "2021-01-05"
        for ev in late.events:
            ev.date = "2022-06-30"
        s.ingest_articles([early, late])
    store = open_store(db, read_only=True)
    with LiveServer(create_app(store)) as live:
        html = httpx.get(live.url + "/").text
    store.close()
    assert "2022-06-30 to 2022-06-30: at most the last 120 days of data" in html
    svg = html.split('<svg class="chart"')[1].split("</svg>")[0]
    assert "2021-01-05" not in svg and "2022-06-30" in svg


def test_web_pages_sparse_records_render(tmp_path):
    """Events without target, date, Goldstein or QuadClass and an article without title or date."""
    import httpx

    from eventwire.model import ActorRef, Article, Event, Paragraph
    from eventwire.store import open_store
    from eventwire.web import create_app
    from web_live import LiveServer

    text = "Somebody said something.\n"
    art = Article(id="sparse/1", text=text)
    art.paragraphs = [Paragraph(0, text.strip())]
    art.events = [Event(source=ActorRef("Somebody", None), target=None, code="010", status="actual",
                        sentence=text.strip(), span=(0, len(text) - 1), trigger=(9, 13), evidence="", confidence=0.1)]
    db = str(tmp_path / "sparse.db")
    with open_store(db) as s:
        s.ingest_articles([art])
    store = open_store(db, read_only=True)
    with LiveServer(create_app(store)) as live:
        for path in ("/", "/articles/sparse/1", "/search?actor=", "/network", "/dyads", "/api/articles/sparse/1"):
            assert httpx.get(live.url + path).status_code == 200, path
        assert "QNone" not in httpx.get(live.url + "/articles/sparse/1").text
    store.close()
