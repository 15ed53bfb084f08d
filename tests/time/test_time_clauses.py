"""Event dates from their clause: tense direction, coordination, background clauses, captions.

The sentences are written for these tests in wire style; each event points at its trigger word.
"""
from __future__ import annotations

import pytest

import eventwire.time as time_stage
from eventwire.model import ActorRef, Article, Event, Paragraph

pytestmark = pytest.mark.slow


def _article(nlp, paragraphs: list[str], published: str) -> Article:
    text = "\n\n".join(paragraphs)
    paras, pos = [], 0
    for chunk in paragraphs:
        paras.append(Paragraph(pos, chunk, nlp(chunk)))
        pos += len(chunk) + 2
    return Article(id="t", text=text, published=published, paragraphs=paras)


def _event(article: Article, trigger: str, status: str = "actual", code: str = "010",
           source: str = "AAA", target: str | None = None, nth: int = 0) -> Event:
    start = -1
    for _ in range(nth + 1):
        start = article.text.index(trigger, start + 1)
    ev = Event(ActorRef(source, source), ActorRef(target, target) if target else None, code, status,
               "", (0, len(article.text)), (start, start + len(trigger)), "", 1.0)
    article.events.append(ev)
    return ev


def _dates(nlp, paragraphs, published, triggers):
    art = _article(nlp, paragraphs, published)
    events = [_event(art, *t) if isinstance(t, tuple) else _event(art, t) for t in triggers]
    time_stage.run(art)
    for ev in events:
        assert ev.date_evidence, "every date carries its evidence"
    return [ev.date for ev in events]


def test_time_future_weekday_for_planned_act(nlp):
    # Published Thursday 29 December 2022: a planned Monday is 2 January 2023 (year end).
    got = _dates(nlp, ["The two presidents will meet in Ankara on Monday to discuss grain exports."],
                 "2022-12-29", [("meet", "intended", "036")])
    assert got == ["2023-01-02"]


def test_time_set_to_looks_forward_and_past_tense_looks_back(nlp):
    got = _dates(nlp, ["Finance ministers are set to hold talks on Friday."], "2023-02-28",
                 [("hold", "intended", "036")])
    assert got == ["2023-03-03"]  # across the February/March month end
    got = _dates(nlp, ["The ministry on Friday summoned the ambassador over the border incident."],
                 "2023-03-01", ["summoned"])
    assert got == ["2023-02-24"]


def test_time_announcement_day_dates_the_announcement(nlp):
    got = _dates(nlp, ["The government announced on Saturday that it would expel two diplomats."],
                 "2021-05-03", ["announced"])
    assert got == ["2021-05-01"]


def test_time_yesterday_and_statement_without_day(nlp):
    got = _dates(nlp, ["Rebels shelled the port city yesterday, the army said.",
                       "The foreign minister condemned the shelling."],
                 "2020-03-01", ["shelled", "condemned"])
    assert got == ["2020-02-29", "2020-03-01"]


def test_time_coordinated_clause_shares_the_day(nlp):
    got = _dates(nlp, ["Police on Sunday raided the opposition headquarters and arrested twelve activists."],
                 "2019-09-03", ["raided", "arrested"])
    assert got == ["2019-09-01", "2019-09-01"]


def test_time_background_clause_keeps_its_own_year(nlp):
    # The year belongs to the background clause; the main event takes the weekday.
    got = _dates(nlp, ["Protesters marched on the embassy on Wednesday, since the government "
                       "seized the islands in 2012."],
                 "2024-01-05", ["marched", "seized"])
    assert got == ["2024-01-03", None]


def test_time_undated_prior_event_and_offsets(nlp):
    got = _dates(nlp, ["The country recalled its envoy on Tuesday after soldiers crossed the border. "
                       "Officials resigned on Monday, two days after militants attacked a convoy."],
                 "2022-06-08", ["recalled", "crossed", "resigned", "attacked"])
    assert got == ["2022-06-07", None, "2022-06-06", "2022-06-04"]


def test_time_vague_spans_are_null(nlp):
    got = _dates(nlp, ["The army has massed troops near the frontier.",
                       "Negotiators met in Doha last week to discuss a prisoner swap."],
                 "2021-11-20", ["massed", "met"])
    assert got == [None, None]


def test_time_hours_after_keeps_the_day(nlp):
    got = _dates(nlp, ["The prime minister resigned on Thursday, hours after parliament passed "
                       "a motion of no confidence."],
                 "2020-01-04", ["resigned", "passed"])
    assert got == ["2020-01-02", "2020-01-02"]


def test_time_caption_dates_do_not_leak(nlp):
    # A caption removed by cleaning is not a kept paragraph: its date can never reach an event.
    art = _article(nlp, ["The defence minister visited troops at the front."], "2022-02-03")
    art.text += "\n\nSoldiers patrol a trench near the front line on January 27, 2022. (AP Photo)"
    ev = _event(art, "visited")
    time_stage.run(art)
    assert ev.date == "2022-02-03"


def test_time_scheduled_act_looks_forward(nlp):
    got = _dates(nlp, ["Peace talks are scheduled for Thursday in Oslo."], "2023-05-03", ["scheduled"])
    assert got == ["2023-05-04"]


def test_time_bad_publication_date_is_an_explained_null(nlp):
    art = _article(nlp, ["The envoy arrived on Monday."], "2022-01-01")
    art.published = "31/01/2022"
    ev = _event(art, "arrived")
    time_stage.run(art)
    assert ev.date is None and "unreadable" in ev.date_evidence


def test_time_no_publication_date_gives_null(nlp):
    art = _article(nlp, ["The envoy arrived on Monday."], "2022-01-01")
    art.published = None
    ev = _event(art, "arrived")
    time_stage.run(art)
    assert ev.date is None and "publication" in ev.date_evidence
