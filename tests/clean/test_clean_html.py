"""HTML input: trafilatura main content and metadata, then the same text cleaner."""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from eventwire.cli import cli
from eventwire.clean import run
from eventwire.model import Article

DATA = Path(__file__).parent / "data"


def clean_page() -> Article:
    article = Article(id="page", text="")
    article.meta["html"] = (DATA / "page.html").read_text(encoding="utf-8")
    run(article)
    return article


def test_clean_html_metadata():
    article = clean_page()
    assert article.title == "Port workers end strike after pay deal"
    assert article.published == "2023-09-14"
    assert article.url == "https://courier.example.org/news/port-strike-ends"
    assert article.meta["sitename"] == "Coastal Courier"
    assert article.meta["author"] == "Lena Vogt"
    assert "html" not in article.meta
    assert article.dateline.place == "Hamburg" and article.dateline.country == "DEU"


def test_clean_html_body_without_site_furniture():
    article = clean_page()
    body = article.body
    assert body.startswith("HAMBURG, Germany (dpa) – Dock workers")
    assert "Economists said the stoppage would cost" in body
    for junk in ("Read more:", "Sign up for our newsletter", "Most read", "All rights reserved",
                 "We use cookies", "Jan Weber/dpa", "Sign in"):
        assert junk not in body, junk
    kinds = {r.kind for r in article.removed}
    assert {"navigation", "boilerplate"} <= kinds
    for para in article.paragraphs:  # offsets refer to the extracted text
        assert article.text[para.start:para.end] == para.text


def test_clean_html_given_published_wins():
    article = Article(id="page", text="", published="2023-09-15")
    article.meta["html"] = (DATA / "page.html").read_text(encoding="utf-8")
    run(article)
    assert article.published == "2023-09-15"


def test_clean_cli_prints_contract_article(tmp_path):
    result = CliRunner().invoke(cli, ["clean", str(DATA / "wire_story.txt"), str(DATA / "page.html")])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["wire_story", "page"]
    wire = rows[0]
    assert wire["dateline"] == {"place": "Accra", "country": "GHA", "agency": "Reuters"}
    assert {"heading", "caption", "credit", "boilerplate"} <= {r["kind"] for r in wire["removed"]}
    # the contract has no "title" kind: the title line is reported as a heading, and says so
    assert any(r["kind"] == "heading" and r["reason"].startswith("title:") for r in wire["removed"])
    assert all(set(r) == {"kind", "text", "span", "reason"} for r in wire["removed"])
    assert wire["events"] == [] and wire["actors"] == []
    schema = json.loads(resources.files("eventwire").joinpath("schema", "article.schema.json").read_text())
    for row in rows:
        jsonschema.validate(row, schema)


def test_clean_cli_html_without_content_is_an_error_record(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>")
    other = tmp_path / "story.txt"
    other.write_text("Rebels free hostages\n\nRebels freed six hostages on Sunday, the army said.\n")
    result = CliRunner().invoke(cli, ["clean", str(page), str(other)])
    assert result.exit_code == 1
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[0]["id"] == "empty" and "no main content" in rows[0]["error"]
    assert rows[1]["body"] == "Rebels freed six hostages on Sunday, the army said."  # the batch goes on


def test_clean_html_navigation_only_page_has_empty_body():
    article = Article(id="nav", text="")
    article.meta["html"] = "<html><body><nav><a href='/'>Home</a></nav></body></html>"
    run(article)
    assert article.paragraphs == []
    assert [r.kind for r in article.removed] == ["navigation"]
