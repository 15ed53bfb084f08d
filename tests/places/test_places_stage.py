"""The places stage over parsed text: mentions, demonyms, dateline, and event locations."""
from __future__ import annotations

import pytest

from eventwire.model import ActorRef, Article, Dateline, Event, Paragraph
from eventwire.places import locate_events, run

pytestmark = pytest.mark.slow


def _article(nlp, text: str, dateline: Dateline | None = None, lead: str = "") -> Article:
    full = lead + text
    return Article(id="p", text=full, published="2023-05-02", dateline=dateline,
                   paragraphs=[Paragraph(len(lead), text, nlp(text))])


def _event(article: Article, trigger: str) -> Event:
    start = article.text.index(trigger)
    ev = Event(ActorRef("x", "X"), None, "010", "actual", "", (0, len(article.text)),
               (start, start + len(trigger)), "", 1.0)
    article.events.append(ev)
    return ev


def test_places_stage_mentions_and_offsets(nlp):
    art = _article(nlp, "Ukrainian officials said shelling hit Kharkiv and towns along the Dnieper River overnight.")
    run(art)
    names = {p.name: p for p in art.places}
    assert "Kharkiv" in names and "Dnieper River" in names
    assert all(p.name != "Ukraine" for p in art.places)  # "Ukrainian" is a demonym, not a place
    for place in art.places:
        assert art.text[place.start:place.end] == place.text
        assert place.evidence


def test_places_stage_dateline_and_comma_hint(nlp):
    lead = "PARIS, Texas (AP) - "
    art = _article(nlp, "Storms flattened barns outside the town on Monday.",
                   Dateline(place="PARIS", country="USA", agency="AP", text="PARIS, Texas (AP) -"), lead)
    run(art)
    dl = [p for p in art.places if p.in_dateline]
    assert len(dl) == 1 and dl[0].country == "USA" and art.text[dl[0].start:dl[0].end] == "PARIS"


def test_places_locate_event_in_clause_else_dateline(nlp):
    lead = "GENEVA (Reuters) - "
    text = ("The foreign ministers met in Vienna on Tuesday. "
            "Moscow rejected the proposal.")
    art = _article(nlp, text, Dateline(place="GENEVA", country="CHE", agency="Reuters",
                                       text="GENEVA (Reuters) -"), lead)
    run(art)
    met, rejected = _event(art, "met"), _event(art, "rejected")
    locate_events(art)
    assert met.location["name"] == "Vienna" and met.location["country"] == "AUT"
    # "Moscow" is the actor of "rejected", not where it happened: the dateline's place is used
    assert rejected.location["name"] == "Geneva"


def test_places_locate_without_dateline_is_none(nlp):
    art = _article(nlp, "The council condemned the attack on the convoy.")
    run(art)
    ev = _event(art, "condemned")
    locate_events(art)
    assert ev.location is None
