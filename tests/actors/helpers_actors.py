"""Build a parsed Article from wire-style paragraphs for the actors tests (real spaCy, no mocks)."""
from __future__ import annotations

from eventwire.actors import run
from eventwire.model import Article, Dateline, Paragraph
from eventwire.nlp import parse
from eventwire.pipeline import Settings


def make_article(*paragraphs: str, published: str | None = "2022-06-01", dateline: str | None = None,
                 actor_files: tuple[str, ...] = ()) -> Article:
    text = "\n\n".join(paragraphs)
    article = Article(id="t", text=text, published=published)
    if dateline:
        article.dateline = Dateline(place=None, country=dateline, agency=None)
    offset = 0
    for para in paragraphs:
        article.paragraphs.append(Paragraph(offset, para))
        offset += len(para) + 2
    parse(article)
    run(article, Settings(actor_files=actor_files))
    return article


def codes(article: Article) -> dict[str, str | None]:
    """Mention text -> code (last one wins for repeated texts)."""
    return {m.text: m.code for m in article.actors}
