"""Data-driven phrase matchers over spaCy Docs, built once per process from `Knowledge`.

Two spaCy PhraseMatchers: names (case-sensitive, ORTH: "Kremlin", "Moscow", "Sergei Lavrov") and
role nouns (case-insensitive, LOWER: "foreign minister", "lawmakers"). Candidates are reduced to the
longest non-overlapping spans; names beat roles of the same length.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

from ..nlp import load_nlp
from .knowledge import Entry, Knowledge, Role, load_knowledge

LOGGER = logging.getLogger(__name__)


@dataclass(slots=True)
class Candidate:
    """A matched span of tokens in one Doc: a known name or a role noun."""

    start: int  # token index
    end: int  # token index, exclusive
    entries: list[Entry] | None = None
    role: Role | None = None


@dataclass
class Matchers:
    names: object
    roles: object
    knowledge: Knowledge
    keys: dict[int, str]


@lru_cache(maxsize=8)
def build_matchers(actor_files: tuple[str, ...] = ()) -> Matchers:
    """Build the name and role PhraseMatchers for the shipped data plus `actor_files`, once."""
    from spacy.matcher import PhraseMatcher

    nlp = load_nlp()
    kb = load_knowledge(actor_files)
    names = PhraseMatcher(nlp.vocab, attr="ORTH")
    roles = PhraseMatcher(nlp.vocab, attr="LOWER")
    keys: dict[int, str] = {}
    for surface in kb.names:
        key = "N:" + surface
        names.add(key, [nlp.make_doc(surface)])
        keys[nlp.vocab.strings[key]] = key
    for phrase in kb.roles:
        key = "R:" + phrase
        roles.add(key, [nlp.make_doc(phrase)])
        keys[nlp.vocab.strings[key]] = key
    LOGGER.info("actor matchers: %d names, %d roles", len(kb.names), len(kb.roles))
    return Matchers(names, roles, kb, keys)


def find_candidates(doc, matchers: Matchers) -> list[Candidate]:
    """Return the longest non-overlapping name/role candidates in `doc`, in text order."""
    kb = matchers.knowledge
    found: list[tuple[int, int, int, int, Candidate]] = []
    for match_id, start, end in matchers.names(doc):
        surface = matchers.keys[match_id][2:]
        entries = kb.names[surface]
        # Listed non-actors ("West Bank") block any overlapping actor name ("the West").
        blocker = int(all(e.kind == "none" for e in entries))
        found.append((blocker, end - start, 1, start, Candidate(start, end, entries=entries)))
    for match_id, start, end in matchers.roles(doc):
        phrase = matchers.keys[match_id][2:]
        last = doc[end - 1]
        # A role is a noun ("the general", not "in general"); a verb or adjective reading is no actor.
        if last.pos_ not in ("NOUN", "PROPN", "PRON") and last.tag_ not in ("NN", "NNS", "NNP", "NNPS"):
            continue
        found.append((0, end - start, 0, start, Candidate(start, end, role=kb.roles[phrase])))
    # Longest first; on a tie names beat roles, and the later span wins: English heads come last
    # ("the West Bank" is the Bank, not "the West").
    found.sort(key=lambda f: (-f[0], -f[1], -f[2], -f[3]))
    taken = [False] * len(doc)
    chosen: list[Candidate] = []
    for *_, cand in found:
        if any(taken[cand.start:cand.end]):
            continue
        for i in range(cand.start, cand.end):
            taken[i] = True
        chosen.append(cand)
    chosen.sort(key=lambda c: c.start)
    return chosen
