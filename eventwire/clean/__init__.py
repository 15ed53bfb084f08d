"""Cleaning: keep the article, label and drop everything else (see issue 3).

`run(article, settings)` fills `title`, `dateline`, `paragraphs` and `removed`.
"""
from __future__ import annotations

import logging
import re

from ..model import Article, Paragraph, Removed

LOGGER = logging.getLogger(__name__)


def split_blocks(text: str):
    """Yield (start, block) for each blank-line separated block, offsets into text."""
    for m in re.finditer(r"[^\n](?:.|\n(?!\s*\n))*", text):
        block = m.group(0).rstrip()
        if block.strip():
            yield m.start(), block


def run(article: Article, settings=None) -> None:
    blocks = list(split_blocks(article.text))
    if blocks and article.title is None:
        start, first = blocks[0]
        article.title = first.strip()
        article.removed.append(Removed("title", first, start, start + len(first), "first line"))
        blocks = blocks[1:]
    article.paragraphs = [Paragraph(start, block) for start, block in blocks]
