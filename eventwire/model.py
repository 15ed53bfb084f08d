"""The records that flow one way through the pipeline: ingest -> clean -> nlp -> stages -> output.

Every stage reads the fields earlier stages filled and fills its own; none reaches back.
All character offsets (`start`, `end`, `span`) refer to `Article.text`, the text as it
stood in the input (for HTML: the text trafilatura extracted from it).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


# The contract's kinds of removed text; the article's own title line is reported as a heading.
CONTRACT_KINDS = {"boilerplate": "boilerplate", "caption": "caption", "credit": "credit", "heading": "heading",
                  "navigation": "navigation", "title": "heading", "dateline": "heading"}


@dataclass(slots=True)
class Removed:
    """A piece of the input that cleaning dropped, and why."""

    kind: str  # boilerplate | caption | credit | heading | navigation | title | dateline
    text: str
    start: int
    end: int
    reason: str = ""


@dataclass(slots=True)
class Dateline:
    place: str | None
    country: str | None
    agency: str | None
    text: str = ""  # the dateline as written, e.g. "WASHINGTON, United States (AFP) –"


@dataclass(slots=True)
class Paragraph:
    """A kept body paragraph: `text == Article.text[start:start + len(text)]`.

    `doc` is the spaCy Doc of this paragraph (filled by the nlp stage; never serialised).
    """

    start: int
    text: str
    doc: Any = None

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(slots=True)
class ActorMention:
    """One mention of an actor, resolved to a CAMEO-style code (`RUSGOV`, `NATO`, `IGOUNO`)."""

    text: str  # the words in the text, e.g. "Russian Foreign Ministry spokeswoman Maria Zakharova"
    name: str  # canonical name, e.g. "Maria Zakharova" or "Russia"
    code: str | None
    country: str | None  # ISO alpha-3, or None for IGOs/WST
    sector: str | None  # GOV, MIL, LEG, ... or None
    role: str | None  # person | country | capital | institution | organisation | group | pronoun | ...
    start: int
    end: int
    evidence: str = ""  # which rule / data entry resolved it

    def to_contract(self) -> dict:
        return {"text": self.text, "name": self.name, "code": self.code, "country": self.country,
                "sector": self.sector, "role": self.role, "span": [self.start, self.end],
                "evidence": self.evidence}


@dataclass(slots=True)
class Place:
    text: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    start: int
    end: int
    kind: str = ""  # city | country | region | river | ...
    in_dateline: bool = False
    evidence: str = ""  # which gazetteer entry and why it beat the other candidates

    def to_contract(self) -> dict:
        return {"text": self.text, "name": self.name, "country": self.country, "lat": self.lat,
                "lon": self.lon, "span": [self.start, self.end], "kind": self.kind,
                "in_dateline": self.in_dateline, "evidence": self.evidence}


@dataclass(slots=True)
class ActorRef:
    text: str
    code: str | None


@dataclass(slots=True)
class Event:
    source: ActorRef
    target: ActorRef | None
    code: str
    status: str  # actual | intended | threatened | hypothetical | negated
    sentence: str
    span: tuple[int, int]  # the sentence in Article.text
    trigger: tuple[int, int]  # the trigger words in Article.text (for date/place lookup and highlighting)
    evidence: str
    confidence: float
    date: str | None = None
    date_evidence: str = ""
    location: dict | None = None
    # filled from the CAMEO table by the events stage
    plover: dict = field(default_factory=dict)
    goldstein: float | None = None
    quad_class: int | None = None

    @property
    def root(self) -> str:
        return self.code[:2]

    def to_contract(self) -> dict:
        return {
            "source": asdict(self.source),
            "target": asdict(self.target) if self.target else None,
            "code": self.code,
            "root": self.root,
            "plover": self.plover,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "status": self.status,
            "date": self.date,
            "location": self.location,
            "sentence": self.sentence,
            "span": list(self.span),
            "trigger": list(self.trigger),
            "evidence": self.evidence,
            "date_evidence": self.date_evidence,
            "confidence": round(self.confidence, 3),
        }


@dataclass(slots=True)
class Quote:
    text: str
    speaker: dict | None  # {"name", "code"} or None when nobody can be named
    direct: bool
    span: tuple[int, int]
    evidence: str = ""  # the reporting verb and the rule that attributed it
    speaker_span: tuple[int, int] | None = None  # offsets of the words naming the speaker (antecedent for pronouns)

    def to_contract(self) -> dict:
        return {"text": self.text, "speaker": self.speaker, "direct": self.direct,
                "span": list(self.span), "evidence": self.evidence}


@dataclass(slots=True)
class Article:
    """One news article and everything eventwire learned from it."""

    id: str
    text: str  # the input text all offsets refer to
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None  # YYYY-MM-DD
    dateline: Dateline | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)  # kept body, in order
    removed: list[Removed] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    error: str | None = None
    meta: dict = field(default_factory=dict)  # e.g. author, sitename from HTML metadata

    @property
    def body(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)

    def to_contract(self) -> dict:
        """The article object of shared/CONTRACT.md (and eventwire/schema/article.schema.json)."""
        if self.error:
            return {"id": self.id, "error": self.error}
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "published": self.published,
            "dateline": ({"place": self.dateline.place, "country": self.dateline.country,
                          "agency": self.dateline.agency} if self.dateline else None),
            "body": self.body,
            "removed": [{"kind": CONTRACT_KINDS.get(r.kind, r.kind), "text": r.text, "span": [r.start, r.end],
                         "reason": r.reason if r.kind in CONTRACT_KINDS.values() else f"{r.kind}: {r.reason}"}
                        for r in self.removed],
            "actors": [a.to_contract() for a in self.actors],
            "places": [p.to_contract() for p in self.places],
            "events": [e.to_contract() for e in self.events],
            "quotes": [q.to_contract() for q in self.quotes],
        }
