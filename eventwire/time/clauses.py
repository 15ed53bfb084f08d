"""Clause geometry on a spaCy parse: which tokens belong to an event's own clause.

Shared by the time stage (date expressions in the clause) and the locate stage (the place in
the clause). A clause is a verb's subtree minus the subordinate clauses that have verbs of
their own: in "X fled on Sunday, since Moscow annexed Crimea in 2014" the year belongs to
"annexed", never to "fled".
"""
from __future__ import annotations

import logging

from ..model import Article, Paragraph

LOGGER = logging.getLogger(__name__)

# Dependents that open a clause of their own (with their own time and place).
CLAUSE_DEPS = {"advcl", "ccomp", "xcomp", "relcl", "acl", "conj", "parataxis", "csubj", "csubjpass"}
VERB_POS = {"VERB", "AUX"}


def find_paragraph(article: Article, offset: int) -> Paragraph | None:
    """The kept paragraph whose range holds the absolute `offset` (with a parsed doc)."""
    for para in article.paragraphs:
        if para.start <= offset < para.end and para.doc is not None:
            return para
    return None


def find_token(para: Paragraph, start: int, end: int):
    """The token that best stands for the words at absolute [start, end): the first verb among
    them, else their syntactic head."""
    doc = para.doc
    lo, hi = start - para.start, end - para.start
    toks = [t for t in doc if t.idx < hi and t.idx + len(t) > lo]
    if not toks:
        return None
    verbs = [t for t in toks if t.pos_ == "VERB"]
    if verbs:
        return verbs[0]
    # the token of the span whose head lies outside it
    for tok in toks:
        if tok.head not in toks or tok.head == tok:
            return tok
    return toks[0]


def clause_verb(token):
    """Climb from a token to the verb that heads its clause ("talks" -> "hold")."""
    tok = token
    seen = 0
    while tok.pos_ not in VERB_POS and tok.dep_ != "ROOT" and seen < 20:
        if tok.dep_ in CLAUSE_DEPS and tok.pos_ not in ("NOUN", "PROPN", "PRON", "ADJ"):
            break
        tok = tok.head
        seen += 1
    # An auxiliary with a verb head ("is" in "is set") gives way to the main verb.
    if tok.pos_ == "AUX" and tok.dep_ in ("aux", "auxpass") and tok.head.pos_ in VERB_POS:
        tok = tok.head
    return tok


def is_own_clause(token) -> bool:
    """True when `token` opens a subordinate clause with its own verb."""
    if token.dep_ not in CLAUSE_DEPS:
        return False
    if token.dep_ in ("acl", "relcl", "conj"):
        # "a meeting held in Geneva" (acl verb) opens a clause; "Kyiv and Moscow" (conj noun) does not.
        return token.pos_ in VERB_POS
    return True


def clause_tokens(verb) -> list:
    """The verb's own clause: its subtree without subordinate clauses that have their own verb."""
    out = []

    def walk(tok):
        out.append(tok)
        for child in tok.children:
            if is_own_clause(child):
                continue
            walk(child)

    walk(verb)
    return sorted(out, key=lambda t: t.i)


def clause_chain(verb):
    """Yield the verb, then the verbs it is subordinate or coordinated to, up to the root."""
    tok = verb
    seen = 0
    yield tok
    while tok.dep_ != "ROOT" and seen < 30:
        tok = clause_verb(tok.head) if tok.head != tok else tok
        seen += 1
        yield tok
        if tok.dep_ == "ROOT":
            break
