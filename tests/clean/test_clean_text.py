"""The plain-text cleaner on articles written for these tests (wire, blog, machine-translated)."""
from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.clean import run
from eventwire.model import Article

DATA = Path(__file__).parent / "data"


def clean_file(name: str, **kwargs) -> Article:
    article = Article(id=name, text=(DATA / name).read_text(encoding="utf-8"), **kwargs)
    run(article)
    return article


def removed_kinds(article: Article) -> dict[str, str]:
    return {r.text: r.kind for r in article.removed}


def assert_spans_map(article: Article) -> None:
    for para in article.paragraphs:
        assert article.text[para.start:para.start + len(para.text)] == para.text
    for r in article.removed:
        assert article.text[r.start:r.end] == r.text
        assert r.reason


def test_clean_wire_story_drops_each_junk_kind():
    article = clean_file("wire_story.txt")
    kinds = removed_kinds(article)
    assert article.title.startswith("Ministers from Ghana and Togo")
    assert kinds[article.title] == "title"
    assert kinds["Trade at stake"] == "heading"
    assert kinds["Reporting by Ama Owusu; Editing by Peter Graff"] == "credit"
    captions = [t for t, k in kinds.items() if k == "caption"]
    assert any(t.endswith("(Kwame Mensah/AP)") for t in captions)
    # the caption glued inside a paragraph is split out, the story around it stays
    assert any(t.startswith("Ghana's President Nana Akufo-Addo greets") for t in captions)
    assert "Exporters said cocoa trucks had waited" in article.body
    assert "The chamber said it would monitor the reopening closely." in article.body
    assert "Akufo-Addo" not in article.body
    # the membership appeal after the story is gone, every line of it
    for junk in ("Support independent journalism", "Our newsroom depends", "We have no paywall",
                 "Already a subscriber"):
        assert junk not in article.body
    assert sum(1 for k in kinds.values() if k == "boilerplate") == 4
    assert_spans_map(article)


def test_clean_wire_story_keeps_every_body_paragraph():
    article = clean_file("wire_story.txt")
    for start in ("ACCRA, Ghana (Reuters)", "The agreement was reached", "Togo's foreign minister",
                  "Ghanaian officials said", "The border closure had cost", "Regional leaders from"):
        assert any(p.text.startswith(start) for p in article.paragraphs), start
    assert len(article.paragraphs) == 8


def test_clean_dateline_stays_in_body_and_is_exposed():
    article = clean_file("wire_story.txt")
    assert (article.dateline.place, article.dateline.country, article.dateline.agency) == ("Accra", "GHA", "Reuters")
    first = article.paragraphs[0]
    assert first.text.startswith("ACCRA, Ghana (Reuters) - Foreign")
    end = article.meta["dateline_end"]
    assert article.text[end:].startswith("Foreign ministers from Ghana")


def test_clean_blog_navigation_and_boilerplate():
    article = clean_file("blog_post.txt")
    kinds = removed_kinds(article)
    assert kinds["Read more: Council approves budget for harbour redevelopment"] == "navigation"
    assert kinds["Related: Five things to know about the harbour plan"] == "navigation"
    assert kinds["Tags: cycling, city council, harbour road"] == "navigation"
    assert kinds["Share this article"] == "boilerplate"
    assert kinds["© 2023 Harbourside Gazette. All rights reserved."] == "boilerplate"
    assert kinds["Posted by Maria Keller"] == "credit"
    assert [p.text[:20] for p in article.paragraphs] == [
        "The city council vot", "Supporters say the l", "Councillor Ana Ruiz,", "Shop owner Tom Bauer"]
    assert_spans_map(article)


def test_clean_machine_translated_caption_without_credit_and_lowercase_heading():
    article = clean_file("machine_translated.txt")
    kinds = removed_kinds(article)
    assert kinds["transit demands"] == "heading"
    caption = next(t for t, k in kinds.items() if k == "caption")
    assert caption.startswith("Polish farmers block a road")
    assert article.dateline.country == "POL" and article.dateline.agency == "AFP"
    assert len(article.paragraphs) == 5
    assert "who was blocking the border crossings since weeks" in article.body


def test_clean_nothing_removed_from_a_clean_story():
    article = clean_file("clean_article.txt", title="Central bank holds rates as inflation slows")
    assert [r.kind for r in article.removed] == ["title"]  # the repeated headline only
    assert len(article.paragraphs) == 4
    assert "members of the monetary policy committee" in article.body


def test_clean_story_about_subscriptions_is_not_junk():
    article = clean_file("paywall_story.txt")
    assert article.removed == [] or all(r.kind == "title" for r in article.removed)
    assert "remove the paywall from its election coverage" in article.body
    assert "Subscribers will keep access to exclusive content" in article.body


@pytest.mark.parametrize("text", [
    "Russian forces shelled the city overnight, officials said.",
    "The president signed the bill on Monday. Lawmakers had passed it last week.",
    "Police arrested 12 people after clashes in the capital\n\n"
    "The interior ministry said the protest was not authorised.",
])
def test_clean_short_inputs_keep_their_sentences(text):
    article = Article(id="t", text=text)
    run(article)
    last = text.split("\n\n")[-1]
    assert last in article.body
    assert all(r.kind == "title" for r in article.removed)


def test_clean_hard_wrapped_paragraphs_are_kept_whole():
    text = ("The foreign ministers of the two countries met in Geneva on Monday to\n"
            "discuss a prisoner exchange, the first direct talks between them since the\n"
            "war began, according to officials from both sides.\n\n"
            "A second round of talks is planned for next month in Vienna, a diplomat\n"
            "said, adding that no date had been fixed yet for the meeting.\n")
    article = Article(id="w", text=text)
    run(article)
    assert article.removed == []
    assert len(article.paragraphs) == 2
    assert article.paragraphs[0].text.endswith("according to officials from both sides.")


def test_clean_empty_text_gives_no_paragraphs():
    article = Article(id="e", text="   \n\n  ")
    run(article)
    assert article.paragraphs == [] and article.removed == []


def test_clean_single_newline_story_with_inline_ads_and_footer():
    article = clean_file("ap_story.txt")
    kinds = removed_kinds(article)
    assert kinds["By SARA BIANCHI Associated Press"] == "credit"
    assert kinds["Advertisement"] == "boilerplate"
    assert kinds["Story continues below advertisement"] == "boilerplate"
    assert kinds["RELATED: Italy's wettest spring in a century strains flood defenses"] == "navigation"
    assert kinds["Associated Press writer Marco Rossi contributed to this report from Rome."] == "credit"
    assert kinds["___"] == "navigation"
    assert any(t.startswith("Follow AP's coverage") and k == "navigation" for t, k in kinds.items())
    assert len(article.paragraphs) == 6
    assert article.paragraphs[-1].text == "Meteorologists expect more rain in the region through Thursday."
    assert article.dateline.place == "Bologna" and article.dateline.agency == "AP"
    assert_spans_map(article)


def test_clean_given_title_not_repeated_keeps_first_line():
    text = "Rescuers pulled two survivors from the rubble on Sunday, the fire service said.\n\nA third person is missing."
    article = Article(id="t", text=text, title="Two survivors found after building collapse")
    run(article)
    assert article.removed == []
    assert article.title == "Two survivors found after building collapse"
    assert len(article.paragraphs) == 2


def test_clean_dateline_date_fills_published_only_when_unset():
    text = "BEIJING, Jan. 5, 2022 (Xinhua) -- China and Laos signed a rail agreement on Wednesday."
    article = Article(id="d", text=text)
    run(article)
    assert article.published == "2022-01-05"
    assert article.dateline.agency == "Xinhua"
    article = Article(id="d", text=text, published="2022-01-06")
    run(article)
    assert article.published == "2022-01-06"


@pytest.mark.parametrize("line, kind", [
    ("Listen: https://podcasts.example.org/episode-12", "navigation"),
    ("More coverage: https://news.example.org/elections and https://news.example.org/live", "navigation"),
    ("Also on example.com Ministers resign over housing scandal", "navigation"),
    ("November 20, 2019 - 11:28 AMT", "boilerplate"),
    ("Updated at 1:23 p.m.", "boilerplate"),
    ("Reading time: 4 minutes", "boilerplate"),
    ("If you buy something through this post, we may earn a commission.", "boilerplate"),
    ("Floods displace thousands [VIDEO]", "navigation"),
    ("(c) 2021 Example Wire Service. Reproduction is prohibited without permission.", "boilerplate"),
])
def test_clean_page_furniture_lines(line, kind):
    story = ("Officials in the northern province said on Monday that the river had risen two metres "
             "overnight and that schools would stay closed for the rest of the week.")
    article = Article(id="f", text=f"{story}\n\n{line}\n\n{story.replace('Monday', 'Tuesday')}", title="x")
    run(article)
    assert removed_kinds(article) == {line: kind}


def test_clean_sentence_with_a_time_and_date_is_body():
    text = "Polls close at 20:00 on May 5, 2024.\n\nThe count starts an hour later."
    article = Article(id="p", text=text, title="Election timetable set")
    run(article)
    assert article.removed == []


def test_clean_off_topic_tail_is_cut_after_the_story():
    article = clean_file("appeal_tail.txt")
    reasons = {r.text[:30]: (r.kind, r.reason) for r in article.removed}
    # the first two appeal lines carry no junk phrase: topical continuity and position drop them
    assert reasons["Every autumn our small team of"][0] == "boilerplate"
    assert reasons["Every autumn our small team of"][1].startswith("after the story ended")
    assert reasons["It takes time, patience and a "][0] == "boilerplate"
    assert "Become a member" not in article.body and "Donate now" not in article.body
    assert len(article.paragraphs) == 6
    assert article.paragraphs[-1].text.startswith("The electoral commission is expected")


def test_clean_change_of_subject_without_appeal_cues_is_kept():
    text = (DATA / "appeal_tail.txt").read_text(encoding="utf-8")
    text = text[:text.index("Become a member")]  # the off-topic lines stay, the appeal words go
    article = Article(id="s", text=text)
    run(article)
    assert [r.kind for r in article.removed] == ["title"]
    assert "Every autumn our small team of volunteers" in article.body
