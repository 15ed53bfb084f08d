"""Who did it and to whom: source and target actors of a trigger, read off the dependency parse.

Actors come only from `Article.actors` (the actors stage); this module maps parse tokens to
those mentions and follows the grammar (passive voice, control verbs, coordination, pronouns).
"""
from __future__ import annotations

import bisect
import logging
from dataclasses import dataclass

from ..model import ActorMention
from .lexicon import load_grammar_words

LOGGER = logging.getLogger(__name__)

SUBJECTS = {"nsubj", "csubj"}
# Modifier relations whose actor stands for the head noun: "Russian ministers", "Britain's move".
MODIFIERS = ("poss", "amod", "compound", "nmod", "npadvmod")
TIME_ENTITIES = {"DATE", "TIME"}  # "on Tuesday" is never the "on" of "call on"
GRAMMAR = load_grammar_words()


@dataclass(frozen=True, slots=True)
class Arg:
    mention: ActorMention
    how: str  # the grammatical path, for the evidence string

    @property
    def code(self) -> str | None:
        return self.mention.code


class ActorIndex:
    """Mentions of one paragraph, found by character offset."""

    def __init__(self, mentions: list[ActorMention], offset: int, quotes=(), places=()):
        self.offset = offset
        self.quotes = list(quotes)
        self.places = list(places)
        self.mentions = sorted((m for m in mentions if m.code), key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]

    def covering(self, token) -> ActorMention | None:
        start = self.offset + token.idx
        end = start + len(token.text)
        i = bisect.bisect_right(self.starts, start) - 1
        while i >= 0:
            m = self.mentions[i]
            if m.start <= start and end <= m.end:
                return m
            if m.end < start - 200:  # mentions are short: stop looking far back
                break
            i -= 1
        return None

    def in_range(self, start: int, end: int) -> list[ActorMention]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out


def actors_for_token(token, index: ActorIndex, how: str, depth: int = 0) -> list[Arg]:
    """The actor(s) a noun phrase headed by `token` stands for, including its conjuncts."""
    if token is None or depth > 4:
        return []
    found: list[Arg] = []
    if token.lemma_.lower() in GRAMMAR.sponsor_participles and token.tag_ == "VBN":
        return []
    mention = index.covering(token)
    if mention is not None:
        found.append(Arg(mention, how))
        # "prime ministers of Italy, Canada and Belgium": conjuncts inside the phrase are actors too
        for tok in token.doc[token.i:]:
            if index.offset + tok.idx >= mention.end:
                break
            for child in tok.children:
                if child.dep_ == "conj" and index.offset + child.idx >= mention.end:
                    found += actors_for_token(child, index, how, depth + 1)
        for child in token.children:  # "The US, Russia, and Switzerland": a list parsed as apposition
            if child.dep_ == "appos" and any(g.dep_ in ("cc", "conj") for g in child.children):
                found += actors_for_token(child, index, how, depth + 1)
    else:
        for child in token.children:
            if child.dep_ in MODIFIERS or child.dep_ == "appos":
                found += actors_for_token(child, index, f"{how}>{child.dep_}", depth + 1)
        if not found:
            for child in token.children:
                if child.dep_ in ("prep", "agent") and child.lemma_ in ("of", "by"):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            found += actors_for_token(pobj, index, f"{how}>{child.lemma_}", depth + 1)
            sector = GRAMMAR.affiliate_nouns.get(token.lemma_.lower())
            if sector:  # "supporters of Ben Bella": his country's people, not Ben Bella
                found = [Arg(ActorMention(a.mention.text, a.mention.name, a.mention.country + sector,
                                          a.mention.country, sector, "affiliate", a.mention.start, a.mention.end),
                             f"{a.how} ({token.lemma_} of)") for a in found if a.mention.country]
        if not found:  # "strikes claimed by the Houthis": the agent of a participle on the noun
            for child in token.children:
                if child.dep_ == "acl" and child.tag_ == "VBN":
                    for agent in child.children:
                        if agent.dep_ == "agent":
                            for pobj in agent.children:
                                if pobj.dep_ == "pobj":
                                    found += actors_for_token(pobj, index, f"{how}>claimed-by", depth + 1)
    for child in token.children:
        if child.dep_ == "conj":
            found += actors_for_token(child, index, how, depth + 1)
    return _unique(found)


def _unique(args: list[Arg]) -> list[Arg]:
    seen, out = set(), []
    for a in args:
        key = (a.mention.start, a.mention.end)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def verbless_acl(verb) -> bool:
    """A sentence the parser left without a verb: "Thousands of persons protested in Tbilisi" hangs
    "protested" on "persons" as a passive participle; with no verb of its own the sentence's first
    participle is its finite verb."""
    sent = verb.sent
    return (verb.dep_ == "acl" and verb.tag_ == "VBN" and sent.root.pos_ in ("NOUN", "PROPN")
            and not any(c.dep_ == "agent" for c in verb.children)
            and next((t.i for t in sent if t.pos_ in ("VERB", "AUX")), None) == verb.i)


def is_passive(verb) -> bool:
    if verb.lemma_.lower() in GRAMMAR.never_passive and not any(c.dep_ == "agent" for c in verb.children):
        return False  # "are clashed": a translated active
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN" and not verbless_acl(verb))


def misattached_governor(verb):
    """The verb a conjunct really belongs with when the parser hung it inside a complement, or None:
    in "Islamabad denied that any camp had been hit and vowed to respond" (after a passive clause),
    "Beijing said the vessels had intruded and blamed Manila" (a speech act after "said") and
    "Hamas accused Israel of targeting civilians and called on the UN" (a speech act after an
    allegation), the vow, the blame and the call are the main clause subject's."""
    head = verb.head
    if verb.dep_ != "conj" or any(c.dep_ in SUBJECTS for c in verb.children) or is_passive(verb):
        return None
    if head.dep_ == "ccomp" and head.head.pos_ in ("VERB", "AUX"):
        if is_passive(head) or (verb.lemma_.lower() in GRAMMAR.speech_acts
                                and head.head.lemma_.lower() in GRAMMAR.reporting_verbs):
            return head.head
    if head.dep_ == "pcomp" and head.head.dep_ == "prep" and head.head.head.pos_ in ("VERB", "AUX") \
            and head.head.head.lemma_.lower() in GRAMMAR.allegation_control \
            and verb.lemma_.lower() in GRAMMAR.speech_acts:
        return head.head.head
    return None


def misparsed_finite(verb) -> bool:
    """A finite past verb the parser made a modifier of its own object: in "Myanmar's military seized
    power", "seized" hangs on "power" as an adjective and the sentence has no verb."""
    return verb.tag_ == "VBD" and verb.dep_ in ("amod", "compound") and verb.head.i > verb.i and \
        verb.head.pos_ in ("NOUN", "PROPN")


def misparsed_participle(verb) -> bool:
    """A participle clause after a comma that the parser made an adjective of its object: in
    "Western leaders are taking a two-pronged approach, increasing military aid to Ukraine",
    "increasing" hangs on "aid" as an amod; a real adjective ("rising tensions") follows no comma."""
    return verb.tag_ == "VBG" and verb.dep_ == "amod" and verb.i > 0 and verb.doc[verb.i - 1].text == "," and \
        verb.head.i > verb.i and verb.head.head.pos_ in ("VERB", "AUX")


def noun_as_verb(tok) -> bool:
    """A verb the tagger took for a noun in a headline-like translated sentence: in "Niger junta demand
    France to withdraw" or "Pakistan police arrest Imran Khan", "demand"/"arrest" head a compound
    chain (the subject) and take an object."""
    return tok.tag_ in ("NN", "NNS") and tok.dep_ in ("ROOT", "ccomp") and any(
        c.dep_ == "compound" and c.i < tok.i for c in tok.children) and (
        tok.dep_ == "ccomp" or any(c.dep_ in ("dobj", "prep", "xcomp", "acl") for c in tok.children))


def misparsed_as_modifier(verb) -> bool:
    """Either misparse above: the verb hangs on the noun that is really its object."""
    return misparsed_finite(verb) or misparsed_participle(verb)


def misparsed_verb_of(noun):
    return next((c for c in noun.children if misparsed_finite(c)), None)


def subject_token(verb, depth: int = 0):
    """The token that names the doer of `verb`, following control and coordination. Returns (token, path)."""
    if depth > 5:
        return None, ""
    if is_passive(verb):
        for child in verb.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj, "agent"
        return None, "passive-without-agent"
    # the subject nearest the verb: a stray dateline word ("QUITO, ... – Ecuador accused") comes first
    for child in sorted(verb.children, key=lambda c: abs(c.i - verb.i)):
        if child.dep_ in SUBJECTS and child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
            return verb.head, "relative pronoun -> its noun"  # "protesters who stormed parliament"
        if child.dep_ in SUBJECTS or (child.dep_ == "nsubjpass" and verb.lemma_.lower() in GRAMMAR.never_passive):
            if is_each(child) and verb.head.i != verb.i:  # "..., each (side) accusing the other"
                governor = verb.head
                while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
                    governor = governor.head  # "with each side blaming the other": through "with"
                tok, path = subject_token(governor, depth + 1)
                return tok, f"each<{path}"
            return child, "nsubj"
    for aux in verb.children:  # a parse that hangs the subject on the auxiliary ("Egypt are mediating")
        if aux.dep_ in ("aux", "auxpass"):
            for child in aux.children:
                if child.dep_ in SUBJECTS:
                    return child, "nsubj of the auxiliary"
    head = verb.head
    if noun_as_verb(verb):
        left = [c for c in verb.children if c.dep_ == "compound" and c.i < verb.i]
        return left[-1], "subject of a verb tagged as a noun"
    if verbless_acl(verb):
        return head, "subject of a verbless sentence"
    if misparsed_finite(verb):
        left = [c for c in head.children if c.i < verb.i and c.dep_ in ("poss", "amod", "compound", "nmod", "nsubj")]
        return (left[0], "subject before a misparsed verb") if left else (None, "")
    if misparsed_participle(verb):
        tok, path = subject_token(head.head, depth + 1)
        return tok, f"participle<{path}"
    if head.i == verb.i and verb.pos_ not in ("NOUN", "PROPN"):
        return None, ""
    if verb.dep_ in ("advcl", "conj") and head.pos_ in ("NOUN", "PROPN") and misparsed_verb_of(head) is not None:
        tok, path = subject_token(misparsed_verb_of(head), depth + 1)  # "..., detaining X" on that sentence
        return tok, f"{verb.dep_}<{path}"
    if head.i == verb.i:
        return None, ""
    governor = misattached_governor(verb)
    if governor is not None:
        tok, path = subject_token(governor, depth + 1)
        return tok, f"conj<{path}"
    if verb.dep_ == "xcomp" and head.dep_ == "acomp" and head.head.pos_ in ("VERB", "AUX"):
        tok, path = subject_token(head.head, depth + 1)  # "it is willing to withdraw"
        return tok, f"xcomp<acomp<{path}"
    if verb.dep_ == "xcomp":
        if head.lemma_ in GRAMMAR.object_control:
            for child in head.children:
                if child.dep_ in ("dobj", "dative"):
                    return child, "object-control"
            for prep, pobj in prep_objects(head, {"on", "upon", "to"}):  # "called on Israel to release"
                return pobj, f"object-control ('{prep}')"
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child, "xcomp-subject"
        tok, path = subject_token(head, depth + 1)
        return tok, f"xcomp<{path}"
    if verb.dep_ in ("conj", "advcl", "pcomp", "xcomp") and head.pos_ in ("VERB", "AUX"):
        tok, path = subject_token(head, depth + 1)
        return tok, f"{verb.dep_}<{path}"
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.lemma_.lower() in GRAMMAR.allegation_control:
        for child in head.head.children:  # "accused Iran of supplying": Iran supplied
            if child.dep_ == "dobj":
                return child, "accused-of"
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        tok, path = subject_token(head.head, depth + 1) if head.head.pos_ in ("VERB", "AUX") else (None, "")
        return tok, f"pcomp<{path}"
    if verb.dep_ in ("relcl", "acl") and verb.tag_ != "VBN":
        return head, "relcl-head"
    return None, ""


def quantity_objects(verb) -> list:
    """Objects the parser hung on "up to": "kidnapped up to 16 advisers" (prt 'up', prep 'to')."""
    out = []
    for prt in verb.children:
        if prt.dep_ == "prt" and prt.lower_ == "up":
            for prep in prt.children:
                if prep.dep_ == "prep" and prep.lower_ == "to":
                    out += [p for p in prep.children if p.dep_ == "pobj" and any(
                        c.dep_ == "nummod" for c in p.children)]
    return out


def passive_patient(verb):
    """The subject of a passive verb (its patient), or the noun a passive participle modifies."""
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            return child
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb.head
    return None


def prep_objects(token, preps: set[str]):
    """Objects of the given prepositions attached to `token` (including "in front of" style chains)."""
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lemma_.lower() in preps:
            for pobj in child.children:
                if pobj.dep_ in ("pobj", "pcomp") and (pobj.ent_type_ not in TIME_ENTITIES or any(
                        c.dep_ == "compound" and c.ent_type_ not in TIME_ENTITIES for c in pobj.children)):
                    # "met with Syrian President Bashar Assad Tuesday": the date swallowed the name
                    yield child.lemma_.lower(), pobj
        if child.dep_ == "prt" and child.lemma_.lower() in preps:  # "called on X" tagged as a particle
            for sib in token.children:
                if sib.dep_ == "dobj" and sib.i > child.i:
                    yield child.lemma_.lower(), sib


def is_each(token) -> bool:
    """"each" or "each side/party/country" as a subject of a reciprocal act."""
    return token.lower_ == "each" or any(c.dep_ == "det" and c.lower_ == "each" for c in token.children)


def is_reciprocal(token) -> bool:
    return token is not None and token.lemma_.lower() in GRAMMAR.reciprocal and any(
        c.lower_ in ("each", "one") for c in token.children) or (
        token is not None and token.lower_ == "each" and any(c.lemma_ == "other" for c in token.head.children))
