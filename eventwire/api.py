"""The Python API: the same pipeline and objects the CLI uses.

    >>> import eventwire
    >>> article = eventwire.extract("Russia condemned Britain on Monday.", published="2022-01-31")
    >>> article.events[0].code
    '111'
    >>> eventwire.events_frame(article)          # one row per event, as a pandas DataFrame
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .ingest import normalise_date, read_inputs
from .model import Article
from .pipeline import Settings, process, process_all

EVENT_COLUMNS = ["article_id", "source", "source_code", "target", "target_code", "code", "root",
                 "plover_type", "plover_mode", "goldstein", "quad_class", "status", "date", "location",
                 "sentence", "span_start", "span_end", "evidence", "confidence"]


def extract(text: str, published: str | None = None, *, id: str = "article", title: str | None = None,
            html: bool = False, actors: Iterable[str] = (), patterns: Iterable[str] = (),
            conventions: str = "cameo") -> Article:
    """Run the whole pipeline on one text (or HTML page) and return the `Article`.

    Args:
        text: the article as plain text (or HTML with html=True).
        published: YYYY-MM-DD, anchors relative dates ("on Tuesday").
        id, title: carried to the output.
        actors, patterns: extra knowledge files, as `--actors` / `--patterns` on the CLI.
        conventions: how events are written down ("cameo", "plover-gsr", "petrarch2" or a YAML file),
            as `--conventions`.
    Returns:
        Article: with `.events`, `.quotes`, `.actors`, `.places`, `.removed`; `.to_contract()` gives
        the JSON object `eventwire extract` prints. `.error` is set if the text could not be used.
    """
    article = Article(id=id, text="" if html else text, title=title, published=normalise_date(published))
    if html:
        article.meta["html"] = text
    return process(article, Settings(actor_files=tuple(actors), pattern_files=tuple(patterns),
                                     conventions=conventions))


def extract_files(paths: Iterable[str | Path], published: str | None = None, **options) -> list[Article]:
    """Run the pipeline over files and directories (.txt, .html, .jsonl), in input order."""
    settings = Settings(actor_files=tuple(options.get("actors", ())), pattern_files=tuple(options.get("patterns", ())),
                        conventions=options.get("conventions", "cameo"))
    return list(process_all(read_inputs([str(p) for p in paths], normalise_date(published)), settings))


def events_frame(articles: Article | Iterable[Article]):
    """Events of one or more articles as a pandas DataFrame (columns: EVENT_COLUMNS)."""
    import pandas as pd

    if isinstance(articles, Article):
        articles = [articles]
    rows = []
    for article in articles:
        for ev in article.events:
            rows.append({
                "article_id": article.id, "source": ev.source.text, "source_code": ev.source.code,
                "target": ev.target.text if ev.target else None, "target_code": ev.target.code if ev.target else None,
                "code": ev.code, "root": ev.root, "plover_type": ev.plover.get("type"),
                "plover_mode": ev.plover.get("mode"), "goldstein": ev.goldstein, "quad_class": ev.quad_class,
                "status": ev.status, "date": ev.date, "location": (ev.location or {}).get("name"),
                "sentence": ev.sentence, "span_start": ev.span[0], "span_end": ev.span[1],
                "evidence": ev.evidence, "confidence": ev.confidence})
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)
