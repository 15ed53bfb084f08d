"""Events stage: who did what to whom, coded in CAMEO with PLOVER, Goldstein and QuadClass.

`run(article, settings)` fills `article.events`. The rules are in `coder.py`; the knowledge in
`eventwire/data/events/` (patterns.yaml, status.yaml, cameo.tsv).
"""
from __future__ import annotations

from ..model import Article
from .coder import code_article
from .lexicon import ConventionsError, PatternError, conventions_names, load_cameo, load_conventions, load_patterns

__all__ = ["run", "code_article", "load_cameo", "load_patterns", "load_conventions", "conventions_names",
           "PatternError", "ConventionsError"]


def run(article: Article, settings=None) -> None:
    files = tuple(getattr(settings, "pattern_files", ()) or ())
    article.events = code_article(article, files, getattr(settings, "conventions", "cameo") or "cameo")
