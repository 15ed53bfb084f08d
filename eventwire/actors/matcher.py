"""Data-driven phrase matchers over spaCy Docs, built once per process from `Knowledge`.

Three spaCy PhraseMatchers: names as written (ORTH: "Kremlin", "Moscow", "Sergei Lavrov"), the same
names in any case when they are distinctive (LOWER: "president obama", "tunisian rioters", "iSrael";
never "turkey", "chad", "us": see `knowledge.is_distinctive`), and role nouns (LOWER: "foreign minister",
"lawmakers"). Candidates are reduced to the longest non-overlapping spans; names beat roles of the same
length.
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
    surface: str | None = None  # the data's spelling of a name matched in another case
    collective: bool = False  # a role word plus a group noun ("militant groups")


@dataclass
class Matchers:
    names: object
    roles: object
    knowledge: Knowledge
    keys: dict[int, str]
    casefold: object = None


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
        names.add(key, [nlp.make_doc(v) for v in _apostrophe_variants(surface)])
        keys[nlp.vocab.strings[key]] = key
    for phrase in kb.roles:
        key = "R:" + phrase
        roles.add(key, [nlp.make_doc(phrase)])
        keys[nlp.vocab.strings[key]] = key
    casefold = PhraseMatcher(nlp.vocab, attr="LOWER")
    for lower in set(kb.casefold) | set(kb.casefold_people):
        key = "C:" + lower
        casefold.add(key, [nlp.make_doc(v) for v in _apostrophe_variants(lower)])
        keys[nlp.vocab.strings[key]] = key
    LOGGER.info("actor matchers: %d names, %d roles", len(kb.names), len(kb.roles))
    return Matchers(names, roles, kb, keys, casefold)


def _apostrophe_variants(surface: str) -> list[str]:
    """Scraped text writes "People’s Liberation Army" with a typographic apostrophe; the data is typed
    with a straight one. Both spellings match the same entry."""
    return [surface, surface.replace("'", "’")] if "'" in surface else [surface]


# Parts of speech a lower-case name cannot have: "us" the pronoun, "may" the verb.
NOT_NAME_POS = {"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "ADV", "NUM", "INTJ"}
NOUN_TAGS = ("NN", "NNS", "NNP", "NNPS")
POSSESSIVE_MARKS = {"'s", "’s", "'", "’", "its", "their", "the"}


def _casefold_entries(doc, start: int, end: int, lower: str, kb: Knowledge) -> tuple[str, list[Entry]] | None:
    """Entries for a name written in another case than the data's ("obama", "ISRAEL"), or None."""
    span = doc[start:end]
    if span.text in kb.names:
        return None  # matched as written by the ORTH matcher
    prev = doc[start - 1] if start > 0 else None
    titled = prev is not None and (prev.text in kb.person_titles or prev.lower_ in kb.roles)
    if end - start == 1 and doc[start].pos_ in NOT_NAME_POS and not titled:
        return None
    surfaces = list(kb.casefold.get(lower, ()))
    # A person whose name is an ordinary word ("trump") is a name after a title or as a PERSON entity.
    if lower in kb.casefold_people and (titled or doc[start].ent_type_ == "PERSON"):
        surfaces += kb.casefold_people[lower]
    entries = [e for s in surfaces for e in kb.names.get(s, ())
               if s in kb.casefold.get(lower, ()) or e.kind == "person"]
    return (surfaces[0], entries) if entries else None


def _role_span(doc, start: int, end: int, role: Role, kb: Knowledge) -> int | None:
    """The end of a role candidate, or None when the words are no role noun here."""
    # A group noun after the role word makes one phrase of the role's sector: "opposition groups",
    # "militant groups", "rebel factions".
    if end < len(doc) and role.sector and not role.explicit and doc[end].lower_ in kb.collective_nouns \
            and doc[end - 1].head.i == end and doc[end].tag_ in NOUN_TAGS:
        return end + 1
    last = doc[end - 1]
    if last.pos_ in ("NOUN", "PROPN", "PRON") or last.tag_ in NOUN_TAGS:
        return end
    # A role word tagged as adjective right after a possessive or article that ends its noun phrase is the
    # noun itself ("Myanmar's military seized power"); before a noun it is a modifier ("military coup").
    prev = doc[start - 1].lower_ if start > 0 else ""
    nxt = doc[end] if end < len(doc) else None
    if last.pos_ == "ADJ" and prev in POSSESSIVE_MARKS \
            and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM") or nxt.lower_ in kb.roles):
        return end  # "Myanmar's military leaders": the role noun after it shares the phrase
    return None  # a verb or adjective reading ("in general") is no actor


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
    if matchers.casefold is not None:
        for match_id, start, end in matchers.casefold(doc):
            hit = _casefold_entries(doc, start, end, matchers.keys[match_id][2:], kb)
            if hit is None:
                continue
            surface, entries = hit
            blocker = int(all(e.kind == "none" for e in entries))
            found.append((blocker, end - start, 1, start, Candidate(start, end, entries=entries, surface=surface)))
    for match_id, start, end in matchers.roles(doc):
        phrase = matchers.keys[match_id][2:]
        role = kb.roles[phrase]
        new_end = _role_span(doc, start, end, role, kb)
        if new_end is None:
            continue
        found.append((0, new_end - start, 0, start, Candidate(start, new_end, role=role, collective=new_end > end)))
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
