"""The actors stage: every actor mention in the kept body, resolved to a CAMEO-style code.

Public API (other stages rely on it):
- `run(article, settings)` fills `article.actors` (text order, non-overlapping);
- `resolve_name(text, date=None, settings=None)` resolves a bare phrase ("the Kremlin", "Putin");
- `mention_at(article, start, end)` finds the mention covering (or inside) a character range.

Knowledge lives in `eventwire/data/actors/` (see docs/actors.md); users add their own file with
`--actors FILE` (`Settings.actor_files`).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

from ..model import ActorMention, Article
from .knowledge import ActorDataError, load_knowledge, split_code
from .matcher import build_matchers
from .anaphora import resolve_descriptions
from .mentions import PRONOUNS, Context, Draft, resolve_paragraph

LOGGER = logging.getLogger(__name__)

__all__ = ["ActorDataError", "Resolution", "mention_at", "resolve_name", "run"]


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a bare phrase resolves to, and why."""

    code: str | None
    country: str | None
    sector: str | None
    name: str
    evidence: str
    role: str | None = None


def _actor_files(settings) -> tuple[str, ...]:
    return tuple(getattr(settings, "actor_files", ()) or ())


def run(article: Article, settings=None) -> None:
    """Fill `article.actors` with every actor mention in the kept body paragraphs.

    Args:
        article (Article): an article whose paragraphs carry spaCy Docs (nlp stage).
        settings (Settings): reads `actor_files`, users' extra actor data.
    """
    matchers = build_matchers(_actor_files(settings))
    dateline = article.dateline.country if article.dateline else None
    ctx = Context(matchers.knowledge, article.published, dateline if dateline in matchers.knowledge.iso3 else None)
    drafts: list[Draft] = []
    last_country = None
    for para in article.paragraphs:
        if para.doc is None:
            continue
        found, last_country = resolve_paragraph(para.doc, para.start, matchers, ctx, last_country)
        drafts.extend(found)
    drafts = _link_documents(article, drafts, ctx)
    article.actors = [_to_mention(article, d) for d in drafts]
    resolve_descriptions(article)


def _to_mention(article: Article, d: Draft) -> ActorMention:
    start, end = d.char_start, d.char_end
    return ActorMention(text=article.text[start:end], name=d.name, code=d.code, country=d.country,
                        sector=d.sector, role=d.role, start=start, end=end, evidence=d.evidence)


def _person_keys(name: str) -> list[str]:
    parts = name.split()
    keys = [name]
    if len(parts) > 1:
        keys.append(parts[-1])  # surname
        keys.append(" ".join(parts[1:]))
    return keys


def _link_documents(article: Article, drafts: list[Draft], ctx: Context) -> list[Draft]:
    """Surname coreference and he/she pronouns, in text order over the whole article."""
    registry: dict[str, Draft] = {}
    # Bare surnames spaCy did not tag and the data does not list: candidate tokens by text.
    covered = {(id(d.doc), i) for d in drafts for i in range(d.start, d.end)}
    extra: list[tuple[object, int, int, str]] = []  # (doc, para_start, token index, kind)
    for para in article.paragraphs:
        if para.doc is None:
            continue
        for tok in para.doc:
            if (id(para.doc), tok.i) in covered:
                continue
            if tok.lower_ in PRONOUNS and tok.tag_ in ("PRP", "PRP$"):
                extra.append((para.doc, para.start, tok.i, "pronoun"))
            elif tok.pos_ == "PROPN" and tok.text[:1].isupper():
                extra.append((para.doc, para.start, tok.i, "name"))
    items = sorted([(d.char_start, 0, d) for d in drafts]
                   + [(ps + doc[i].idx, 1, (doc, ps, i, kind)) for doc, ps, i, kind in extra],
                   key=lambda x: (x[0], x[1]))
    out: list[Draft] = []
    last_person: list[Draft] = []
    for _, is_extra, item in items:
        if not is_extra:
            d = item
            if d.role in ("person", "organisation") and d.code is None and d.person_name:
                antecedent = next((registry[k] for k in _person_keys(d.person_name) if k in registry), None)
                if antecedent is not None:
                    d.code, d.country, d.sector, d.name, d.role = (antecedent.code, antecedent.country,
                                                                   antecedent.sector, antecedent.name, "person")
                    d.evidence = f"coreference: '{d.person_name}' -> {antecedent.name} ({antecedent.code})"
            if d.role == "person" and d.code and d.person_name:
                for key in _person_keys(d.person_name) + _person_keys(d.name):
                    registry[key] = d
            if d.role == "person":
                last_person.append(d)
            if d.code is not None or d.role == "person":  # unknown organisations are not kept
                out.append(d)
            continue
        doc, ps, i, kind = item
        tok = doc[i]
        if kind == "name":
            antecedent = registry.get(tok.text)
            if antecedent is None or (i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN"):
                continue
            d = Draft(doc, ps, i, i + 1, antecedent.name, antecedent.code, antecedent.country, antecedent.sector,
                      "person", f"coreference: surname '{tok.text}' -> {antecedent.name} ({antecedent.code})",
                      gender=antecedent.gender, person_name=antecedent.name)
            out.append(d)
            last_person.append(d)
            continue
        gender = PRONOUNS[tok.lower_]
        blocked = _clause_subjects(tok)
        compatible = [p for p in reversed(last_person) if p.gender in (None, gender)
                      and not (p.doc is doc and any(p.start <= b < p.end for b in blocked))][:3]
        # Subjects are the salient referents: prefer the latest subject among the last three candidates.
        antecedent = next((p for p in compatible if _is_subject(p)), compatible[0] if compatible else None)
        if antecedent is None:
            continue
        out.append(Draft(doc, ps, i, i + 1, antecedent.name, antecedent.code, antecedent.country,
                         antecedent.sector, "pronoun",
                         f"pronoun '{tok.text}' -> {antecedent.name} ({antecedent.code}; "
                         "latest compatible person, subjects first)",
                         gender=antecedent.gender, person_name=antecedent.name))
    out.sort(key=lambda d: d.char_start)
    return out


def _is_subject(d: Draft) -> bool:
    return any(t.dep_ in ("nsubj", "nsubjpass") for t in d.doc[d.start:d.end])


def _clause_subjects(tok) -> set[int]:
    """Token indices an object pronoun cannot refer to: its own clause's subject ("Trump recognised him")."""
    if tok.lower_ not in ("him", "her") or tok.dep_ not in ("dobj", "dative", "pobj"):
        return set()
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    blocked: set[int] = set()
    # the subject a verb shares through control and coordination binds too: "Putin vowed to punish him"
    for _ in range(4):
        own = {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")}
        blocked |= own
        if own or verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            break  # a verb with its own subject does not share one
        verb = verb.head
    return blocked


def mention_at(article: Article, start: int, end: int) -> ActorMention | None:
    """Return the mention covering or inside [start, end), preferring the one containing the end/head.

    Args:
        article (Article): an article after the actors stage.
        start (int): character offset in `article.text`.
        end (int): character offset (exclusive).
    """
    overlapping = [m for m in article.actors if m.start < end and start < m.end]
    if not overlapping:
        return None
    for m in overlapping:
        if m.start <= end - 1 < m.end:
            return m
    for m in overlapping:
        if m.start <= start < m.end:
            return m
    return overlapping[-1]


def resolve_name(text: str, date: str | None = None, settings=None) -> Resolution | None:
    """Resolve a bare phrase ("the Kremlin", "Egypt's foreign minister", "Putin") at `date`.

    Args:
        text (str): the phrase.
        date (str | None): YYYY-MM-DD, to pick a person's term in office.
        settings (Settings | None): reads `actor_files`.
    Returns:
        Resolution | None: None when nothing in the phrase is a known actor.
    """
    if not text or not text.strip():
        return None
    return _resolve_cached(text.strip(), date, _actor_files(settings))


@lru_cache(maxsize=4096)
def _resolve_cached(text: str, date: str | None, actor_files: tuple[str, ...]) -> Resolution | None:
    from ..model import Paragraph
    from ..nlp import load_nlp
    from ..pipeline import Settings

    kb = load_knowledge(actor_files)
    article = Article(id="resolve_name", text=text, published=date)
    article.paragraphs = [Paragraph(0, text, load_nlp()(text))]
    run(article, Settings(actor_files=actor_files))
    mentions = [m for m in article.actors if m.role != "pronoun"]
    if not mentions:
        entries = kb.names.get(text)
        if not entries:
            return None
        code, why = entries[0].code_at(date)
        country, sector = split_code(code, kb.iso3)
        return Resolution(code, country, sector, entries[0].name, f"{entries[0].kind} {entries[0].source} {why}",
                          entries[0].kind)
    m = mention_at(article, len(text) - 1, len(text)) or mentions[-1]
    return Resolution(m.code, m.country, m.sector, m.name, m.evidence, m.role)
