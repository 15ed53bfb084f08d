"""The dashboard in a real browser: Debian's chromium driven by Playwright against `eventwire serve`."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15000)
    yield pg
    context.close()


def test_web_browser_overview_to_article_highlights(page, dashboard):
    page.goto(dashboard + "/")
    assert page.locator("h1").inner_text() == "Overview"
    assert page.locator("svg.chart rect.q1").count() > 0
    page.get_by_role("link", name="Talks resume in story story-3").click()
    page.wait_for_url("**/articles/story-3")
    text = page.locator("#article-text")
    assert text.locator("span.removed").first.inner_text() == "Photo: Agency staff"
    assert text.locator("span.ev").count() >= 2 and text.locator("span.trigger").count() == 2
    assert "".join(text.locator("span.quote").all_inner_texts()) == "We are ready to talk,"
    # the greyed removed piece is styled as such
    colour = text.locator("span.removed").first.evaluate("el => getComputedStyle(el).textDecorationLine")
    assert "line-through" in colour
    # clicking an event in the sidebar highlights its sentence
    page.locator(".event-item").nth(1).click()
    focused = text.locator("span.focus")
    assert focused.count() >= 1
    assert "foreign minister said" in "".join(focused.all_inner_texts())
    page.locator(".event-item").nth(1).locator("summary").click()
    assert "pattern test:" in page.locator(".event-item").nth(1).locator(".evidence").first.inner_text()


def test_web_browser_script_in_article_is_inert(page, dashboard):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(dashboard + "/articles/xss-1")
    assert page.evaluate("() => window.__xss === undefined")
    assert "<script>window.__xss = 'title'</script>Border talks" == page.locator("h1").inner_text()
    text = page.locator("#article-text")
    assert "<script>window.__xss = 'text'</script>" in text.inner_text()
    assert text.locator("script, img, b").count() == 0
    page.locator("#article-text span.removed").first.hover()
    page.goto(dashboard + "/")
    page.goto(dashboard + "/search?q=truce")
    assert page.evaluate("() => window.__xss === undefined") and dialogs == []


def test_web_browser_dyad_network_and_search(page, dashboard):
    page.goto(dashboard + "/dyads?a=RUS&b=UKR")
    assert page.locator("svg.chart polyline.coop").count() == 1
    assert page.locator("svg.chart polyline.conflict").count() == 1
    assert page.locator("table.events tbody tr").count() >= 1
    page.goto(dashboard + "/network")
    assert page.locator("svg.network circle.node").count() >= 4
    page.locator("svg.network a").first.click()
    page.wait_for_url("**/dyads?**")
    page.goto(dashboard + "/")
    page.fill("header input[name=q]", "truce")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=truce")
    assert page.locator("ul.articles a").first.inner_text().endswith("Border talks")


def test_web_browser_event_link_focuses_its_sentence(page, dashboard):
    page.goto(dashboard + "/search?actor=NATO")
    page.locator("table.events tbody tr a[href*='#ev-']").first.click()
    page.wait_for_url("**/articles/**#ev-**")
    focused = "".join(page.locator("#article-text span.focus").all_inner_texts())
    active = page.locator(".event-item.active")
    assert active.count() == 1 and "NATO" in active.inner_text()
    assert focused and focused in page.locator("#article-text").inner_text()
