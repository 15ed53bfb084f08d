"""places stage: every GPE, LOC and FAC mention geocoded offline, and each event's location.

`run(article, settings)` fills `article.places` (after actors, before events);
`locate_events(article, settings)` sets `event.location` (last stage).
The gazetteer (GeoNames cities, countries, curated regions) is in `gazetteer.py`.
"""
from __future__ import annotations

import logging

from ..model import Article, Place
from .gazetteer import Resolution, normalise_name, resolve_hint, resolve_place

LOGGER = logging.getLogger(__name__)

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# The small model sometimes labels a well-known place ORG or PRODUCT ("annexed Crimea",
# "its Kiev embassy"); such a span counts when it is a curated place, a country, or a city of
# at least this population (so an organisation named after a village is not a place).
RELABEL_LABELS = {"ORG", "PRODUCT"}
RELABEL_MIN_POPULATION = 500_000
# Prepositions that put an event somewhere ("in Geneva", "near Kharkiv", "across Yemen").
# "on" and "over" are left out: "talks on Ukraine", "a row over Crimea" name topics, not places.
LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "across", "into", "around", "off",
                  "along", "from", "throughout", "within", "outside"}


def _strip_article(text: str, start: int) -> tuple[str, int]:
    for lead in ("the ", "The "):
        if text.startswith(lead):
            return text[len(lead):], start + len(lead)
    return text, start


def _context_countries(article: Article) -> tuple[str, ...]:
    """Countries the article is about: the dateline's, the actors', and the countries it names."""
    found: list[str] = []
    if article.dateline and article.dateline.country:
        found.append(article.dateline.country)
    for actor in article.actors:
        if actor.country and actor.country not in found:
            found.append(actor.country)
    for para in article.paragraphs:
        if para.doc is None:
            continue
        for ent in para.doc.ents:
            if ent.label_ == "GPE":
                res = resolve_place(ent.text)
                if res.best and res.best.kind == "country" and res.best.country not in found:
                    found.append(res.best.country)
    return tuple(found)


def _to_place(res: Resolution, text: str, start: int, end: int, in_dateline: bool = False) -> Place:
    best = res.best
    return Place(text=text, name=best.name, country=best.country, lat=best.lat, lon=best.lon,
                 start=start, end=end, kind=best.kind, in_dateline=in_dateline, evidence=res.evidence)


def _dateline_place(article: Article, context: tuple[str, ...]) -> Place | None:
    line = article.dateline
    if not line or not line.place:
        return None
    res = resolve_place(line.place.title() if line.place.isupper() else line.place, context,
                        hint=line.country)
    if res.best is None:
        LOGGER.debug("dateline place %r not resolved", line.place)
        return None
    # Offsets of the place word inside the dateline as written in the input.
    start = article.text.find(line.text) if line.text else -1
    pos = line.text.find(line.place) if start >= 0 else -1
    if start < 0 or pos < 0:
        start, pos = article.text.find(line.place), 0
    begin = max(start, 0) + pos
    res.evidence = "dateline; " + res.evidence
    return _to_place(res, line.place, begin, begin + len(line.place), in_dateline=True)


def run(article: Article, settings=None) -> None:
    """Geocode every place mention in the kept body, plus the dateline's place."""
    context = _context_countries(article)
    places: list[Place] = []
    dateline = _dateline_place(article, context)
    if dateline:
        places.append(dateline)
    for para in article.paragraphs:
        if para.doc is None:
            continue
        ents = [e for e in para.doc.ents if e.label_ in PLACE_LABELS | RELABEL_LABELS]
        for i, ent in enumerate(ents):
            # Demonyms and adjectives ("Ukrainian", "Western") are not places.
            if all(t.tag_ in ("JJ", "NNPS") for t in ent) or ent.root.tag_ == "JJ":
                continue
            text, start = _strip_article(ent.text, para.start + ent.start_char)
            text = text.removesuffix("'s").removesuffix("’s")
            hint = None
            nxt = ents[i + 1] if i + 1 < len(ents) else None
            if nxt is not None and para.text[ent.end_char:nxt.start_char].strip() == ",":
                hint = resolve_hint(nxt.text)
            res = resolve_place(text, context, hint=hint)
            if ent.label_ in RELABEL_LABELS and res.best is not None:
                best = res.best
                if best.source not in ("curated", "country") and best.population < RELABEL_MIN_POPULATION:
                    continue
                res.evidence = f"{ent.label_} span read as a place; " + res.evidence
            if res.best is None:
                LOGGER.debug("place %r not resolved: %s", text, res.evidence)
                continue
            places.append(_to_place(res, text, start, start + len(text)))
        places += _rescue_missed_names(para, context, places)
    article.places = places


def _rescue_missed_names(para, context: tuple[str, ...], found: list[Place]) -> list[Place]:
    """Proper names the small NER model missed ("the city of Kharkiv", "in Tbilisi"): a capitalised
    object of a locative preposition that the gazetteer knows as a sizeable city or a curated place."""
    taken = [(p.start, p.end) for p in found]
    out = []
    for tok in para.doc:
        if tok.pos_ != "PROPN" or tok.ent_type_ or tok.dep_ != "pobj" or not tok.is_title:
            continue
        if tok.head.lower_ not in LOCATIVE_PREPS | {"of"}:
            continue
        start = para.start + tok.idx
        if any(s <= start < e for s, e in taken):
            continue
        res = resolve_place(tok.text, context)
        best = res.best
        if best is None or (best.source not in ("curated",) and best.population < RELABEL_MIN_POPULATION):
            continue
        res.evidence = "name missed by NER, known to the gazetteer; " + res.evidence
        out.append(_to_place(res, tok.text, start, start + len(tok.text)))
    return out


def _event_place(article: Article, event, by_start: dict[int, Place]) -> Place | None:
    from ..time.clauses import clause_chain, clause_verb, find_paragraph, find_token

    para = find_paragraph(article, event.trigger[0])
    if para is None:
        return None
    tok = find_token(para, *event.trigger)
    if tok is None:
        return None
    # The event's own clause first, then the clauses it is reported by or subordinate to
    # ("In London, Truss said Britain would unveil sanctions" -> London).
    for verb in clause_chain(clause_verb(tok)):
        place = _clause_place(para, verb, by_start)
        if place is not None:
            return place
        # "in Minsk, where police arrested him": the relative adverb points at its head noun.
        if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
            place = by_start.get(para.start + verb.head.idx)
            if place is not None:
                return place
        # Climb only to the clause this one is reported by or coordinated with; a relative or
        # adverbial clause's place ("flying from Athens") is not the event's.
        if verb.dep_ not in ("ccomp", "xcomp", "parataxis", "conj"):
            break
    return None


def _clause_place(para, verb, by_start: dict[int, Place]) -> Place | None:
    from ..time.clauses import clause_tokens

    # The verbs of one clause: the verb and the verbs it is a complement of or has as
    # complements ("set to hold talks in Geneva").
    verbs = {verb}
    top = verb
    while top.dep_ == "xcomp" and top.head != top:
        top = top.head
        verbs.add(top)
    verbs.update(t for t in top.subtree if t.dep_ == "xcomp")
    for t in clause_tokens(verb):
        place = by_start.get(para.start + t.idx)
        if place is None:
            continue
        # Only a place inside a locative phrase attached to the verb locates the event ("arrived
        # in Kyiv", "in the town of Handlova"); "Moscow dismissed" (subject), "attacked Kyiv"
        # (object) or "a meeting on Ukraine" (topic) do not.
        node = t
        while node.head != node and node.head not in verbs:
            node = node.head
        if node.dep_ == "prep" and node.lower_ in LOCATIVE_PREPS and node.head in verbs:
            return place
    return None


def locate_events(article: Article, settings=None) -> None:
    """Set each event's location: the place in its clause, else the dateline's place, else None."""
    by_start = {p.start: p for p in article.places if not p.in_dateline}
    dateline = next((p for p in article.places if p.in_dateline), None)
    for event in article.events:
        place = None
        try:
            place = _event_place(article, event, by_start)
        except Exception:  # a bad parse must not lose the event
            LOGGER.exception("locating event %s failed", event.code)
        if place is None:
            place = dateline
        event.location = ({"name": place.name, "country": place.country, "lat": place.lat,
                           "lon": place.lon} if place else None)


def lookup(name: str, country: str | None = None) -> Resolution:
    """Resolve one place name (for `eventwire places lookup`), optionally inside a country."""
    hint = None
    if country:
        hint = country.upper() if len(country) == 3 and country.isalpha() else resolve_hint(country)
        if hint is None:
            raise ValueError(f"unknown country {country!r}: give an ISO alpha-3 code or a country name")
    return resolve_place(name, (hint,) if hint else (), hint=hint)


__all__ = ["run", "locate_events", "lookup", "normalise_name"]
