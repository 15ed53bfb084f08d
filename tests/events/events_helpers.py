"""Build articles with hand-made actor mentions, so event tests do not depend on the actors stage."""
from __future__ import annotations

import re

from eventwire.model import ActorMention, Article, Paragraph
from eventwire.nlp import load_nlp


def make_article(text: str, actors: dict[str, str], published: str = "2023-05-10") -> Article:
    """`actors` maps a phrase in the text to its code; every occurrence becomes a mention."""
    article = Article(id="t", text=text, published=published)
    para = Paragraph(0, text, load_nlp()(text))
    article.paragraphs = [para]
    mentions = []
    for phrase, code in actors.items():
        for m in re.finditer(re.escape(phrase), text):
            mentions.append(ActorMention(phrase, phrase, code, code[:3] if len(code) >= 3 and not code.startswith("IGO") else None,
                                         code[3:] or None, "test", m.start(), m.end()))
    article.actors = sorted(mentions, key=lambda m: m.start)
    return article


def coded(article: Article) -> set[tuple]:
    from eventwire.events import run

    run(article)
    return {(e.source.code, e.target.code if e.target else None, e.code, e.status) for e in article.events}
