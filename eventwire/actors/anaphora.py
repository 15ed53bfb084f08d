"""Definite descriptions that refer back: "the kingdom", "the alliance", "Alliance officials", "the group".

A last pass over the actors stage's mentions: a description that no mention covers, or a role
mention whose head is modified by such a noun ("Alliance officials"), takes the code of the most
recent earlier mention of the kind listed in data/actors/anaphora.yaml.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from ..model import ActorMention, Article

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class AnaphoraRule:
    nouns: frozenset[str]
    roles: frozenset[str]
    codes: frozenset[str]
    sectors: frozenset[str]

    def accepts(self, m: ActorMention) -> bool:
        return bool(m.code) and (m.role in self.roles or m.code in self.codes or (m.sector or "") in self.sectors)


@lru_cache(maxsize=1)
def load_rules() -> tuple[AnaphoraRule, ...]:
    text = resources.files("eventwire.data.actors").joinpath("anaphora.yaml").read_text(encoding="utf-8")
    return tuple(AnaphoraRule(frozenset(r["nouns"]), frozenset(r.get("roles", ())), frozenset(r.get("codes", ())),
                              frozenset(r.get("sectors", ()))) for r in yaml.safe_load(text))


def _rule_for(lemma: str) -> AnaphoraRule | None:
    return next((r for r in load_rules() if lemma in r.nouns), None)


def _antecedent(rule: AnaphoraRule, earlier: list[ActorMention]) -> ActorMention | None:
    return next((m for m in reversed(earlier) if rule.accepts(m)), None)


def _refer(m: ActorMention, ante: ActorMention, rule: AnaphoraRule, text: str, start: int, end: int,
           words: str) -> ActorMention:
    country_only = ante.role in rule.roles
    code = ante.country if country_only else ante.code
    return ActorMention(text=text[start:end], name=ante.name, code=code, country=ante.country,
                        sector=None if country_only else ante.sector, role="anaphora", start=start, end=end,
                        evidence=f"definite description '{words}' -> earlier '{ante.text}' ({code}) "
                                 f"(anaphora.yaml)")


def resolve_descriptions(article: Article) -> None:
    """Add or correct mentions for definite descriptions, in place (text order is kept)."""
    mentions = list(article.actors)
    covered = sorted((m.start, m.end, i) for i, m in enumerate(mentions))
    for para in article.paragraphs:
        if para.doc is None:
            continue
        for tok in para.doc:
            rule = _rule_for(tok.lemma_.lower())
            if rule is None or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            start = para.start + tok.idx
            earlier = [m for m in mentions if m.end <= start and m.role != "anaphora"]
            owner = next((i for s, e, i in covered if s <= start < e), None)
            if owner is not None:
                # "Alliance officials": a capitalised modifier inside a role mention decides its owner
                m = mentions[owner]
                if tok.is_title and tok.dep_ in ("compound", "amod") and m.role == "role":
                    ante = _antecedent(rule, earlier)
                    if ante is not None:
                        mentions[owner] = _refer(m, ante, rule, article.text, m.start, m.end, m.text)
                continue
            head_start = para.start + tok.head.idx
            head_owner = next((i for s, e, i in covered if s <= head_start < e), None)
            if head_owner is not None and tok.is_title and tok.dep_ in ("compound", "amod") and \
                    mentions[head_owner].role == "role" and tok.i < tok.head.i:
                # "Alliance officials" where the role mention is "officials" alone: the modifier owns it
                ante = _antecedent(rule, earlier)
                if ante is not None:
                    m = mentions[head_owner]
                    mentions[head_owner] = _refer(m, ante, rule, article.text, start, m.end,
                                                  article.text[start:m.end])
                continue
            if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
                continue
            if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children):
                continue  # "the Gush Etzion settlement bloc" names a thing of its own
            ante = _antecedent(rule, earlier)
            if ante is None:
                continue
            first = min([tok.i] + [c.i for c in tok.children if c.dep_ in ("det", "amod", "compound")])
            span_start = para.start + para.doc[first].idx
            words = article.text[span_start:start + len(tok.text)]
            if any(s < start + len(tok.text) and span_start < e for s, e, _ in covered):
                span_start = start  # keep mentions from overlapping
            new = _refer(ante, ante, rule, article.text, span_start, start + len(tok.text), words)
            mentions.append(new)
            covered.append((new.start, new.end, len(mentions) - 1))
            covered.sort()
    article.actors = sorted(mentions, key=lambda m: m.start)
