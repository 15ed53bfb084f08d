"""Cleaning: keep the article, label and drop everything else (issue 3).

`run(article, settings)` extracts HTML with trafilatura when the input is HTML, then labels
each line or paragraph of the text (see `text.py`) and fills `title`, `dateline`,
`published` (from metadata or the dateline, only when unset), `paragraphs` (the kept body,
offsets into `article.text`) and `removed` (every dropped piece with its kind and reason).

The dateline ("WASHINGTON, United States (AFP) –") stays inside the first body paragraph so the
paragraph is the line as written; `article.meta["dateline_end"]` is the offset where the story
proper starts, for stages that must skip it.
"""
from __future__ import annotations

import logging

from ..model import Article, Paragraph, Removed
from ..pipeline import Settings
from .cues import load_cues
from .dateline import find_dateline
from .html import extract_html
from .text import BODY, Unit, label_units

LOGGER = logging.getLogger(__name__)

__all__ = ["run", "clean_text", "extract_html", "find_dateline", "label_units"]


def _apply_html(article: Article) -> None:
    extracted = extract_html(article.meta.pop("html"), article.url)
    article.text = extracted.text
    if extracted.title and not article.title:
        article.title = extracted.title
    if extracted.published and (not article.published or article.meta.get("published_is_default")):
        article.published = extracted.published
    if not article.url and extracted.url:
        article.url = extracted.url
    for key in ("author", "sitename"):
        value = getattr(extracted, key)
        if value:
            article.meta[key] = value
    article.meta["extractor"] = "trafilatura"


def clean_text(article: Article, cues_files: tuple[str, ...] = ()) -> list[Unit]:
    """Label `article.text` and fill title, dateline, paragraphs and removed. Returns the units."""
    cues = load_cues(cues_files)
    units, detected = label_units(article.text, article.title, cues)
    if detected and not article.title:
        article.title = detected
    article.paragraphs = [Paragraph(u.start, u.text) for u in units if u.kind == BODY]
    article.removed = [Removed(u.kind, u.text, u.start, u.end, u.reason) for u in units if u.kind != BODY]
    if article.paragraphs:
        first = article.paragraphs[0]
        found = find_dateline(first.text, cues)
        if found:
            article.dateline = found.dateline
            article.meta["dateline_start"] = first.start
            article.meta["dateline_end"] = first.start + found.end
            article.meta["dateline_evidence"] = found.evidence
            if found.published and (not article.published or article.meta.get("published_is_default")):
                article.published = found.published
    return units


def run(article: Article, settings: Settings | None = None) -> None:
    """The clean stage: HTML extraction when needed, then the text cleaner.

    Raises:
        ValueError: when an HTML page has no main content (the pipeline marks that article failed).
    """
    if article.meta.get("html"):
        _apply_html(article)
    # user cue files, once Settings carries them (see docs/cleaning.md)
    cues_files = tuple(getattr(settings, "clean_files", ()) or ())
    clean_text(article, cues_files)
