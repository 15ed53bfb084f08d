"""Who said it: find the speaker of each quotation from the dependency parse.

The speaker is the subject of the reporting verb that governs the quotation (before, after or
inside it, inverted "said X" included), carried through conjoined and participial verbs
("..., calling it a 'Y'"), resolved through pronouns to the last compatible speaker or mention,
and carried over to quote-only sentences and paragraphs that follow a speaker's words.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from ..model import ActorMention, Article, Paragraph
from .lexicon import Lexicon

LOGGER = logging.getLogger(__name__)

# dependents that end a speaker noun phrase ("NATO leaders [gathered in Vilnius]")
_NP_STOP = {"relcl", "acl", "appos", "punct", "advcl", "parataxis", "dep", "ccomp", "xcomp", "advmod",
            "npadvmod", "aux", "auxpass", "neg", "mark"}
_NP_RIGHT = {"prep", "pobj", "conj", "cc", "compound", "nummod", "amod", "case", "flat", "nmod", "poss"}
_RELATIVE = {"WDT", "WP"}
# prepositions that stay inside a speaker's noun phrase ("the envoy to Washington", "thousands of Cubans")
_NP_PREPS = {"of", "to", "for", "from", "at", "by"}


@dataclass(slots=True)
class Speaker:
    """A resolved speaker: what `Quote.speaker` shows plus what attribution needs."""

    name: str
    code: str | None
    start: int  # absolute offsets of the words that name the speaker
    end: int
    kind: str  # person | group | thing
    gender: str | None = None
    named: bool = False  # carries a person's name (not only a role such as "the UN envoy")
    note: str = ""  # how a pronoun or a split attribution was resolved

    def as_dict(self) -> dict:
        return {"name": self.name, "code": self.code}


@dataclass(slots=True)
class Mention:
    """A candidate antecedent for a pronoun: a named subject or person outside quotations."""

    pos: int
    para: int
    speaker: Speaker


class Attributor:
    """Speaker lookups over one parsed article."""

    def __init__(self, article: Article, lexicon: Lexicon, quote_ranges: list[tuple[int, int]]):
        self.article = article
        self.lex = lexicon
        self.quote_ranges = sorted(quote_ranges)
        self.actors = sorted((a for a in article.actors if a.role != "pronoun"), key=lambda a: a.start)
        self.mentions: list[Mention] = []
        self.history: list[Mention] = []  # speakers already attributed, in text order
        self.genders: dict[str, str] = {}  # name -> gender learnt from resolved he/she
        self._collect_mentions()

    # ---- small lookups -------------------------------------------------------------------
    def in_quote(self, pos: int) -> bool:
        """Is this absolute offset inside any quotation?"""
        return any(s <= pos < e for s, e in self.quote_ranges)

    def actor_at(self, pos: int) -> ActorMention | None:
        """The actors-stage mention covering an absolute offset (the shortest, if nested)."""
        best = None
        for a in self.actors:
            if a.start > pos:
                break
            if a.start <= pos < a.end and (best is None or a.end - a.start < best.end - best.start):
                best = a
        return best

    def is_person_name(self, name: str | None) -> bool:
        """'Olaf Scholz' is a name; 'UN envoy' or 'defence minister' is a role."""
        words = (name or "").split()
        return bool(words) and all(w[:1].isupper() for w in words) \
            and words[-1].lower() not in self.lex.person_nouns

    def is_reporting(self, tok) -> bool:
        if tok.lower_ == "according":
            return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to"
        return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in self.lex.verbs

    def is_passive_reporting(self, verb) -> bool:
        entry = self.lex.verbs.get(verb.lemma_.lower())
        return entry is not None and entry.kind == "passive"

    # ---- subjects ------------------------------------------------------------------------
    def subject_of(self, verb, depth: int = 0):
        """The token naming who performs `verb`, following conj/participle/control links.

        RETURNS (tuple[Token | None, str]): the head token and the link followed ("" when direct).
        """
        if verb.lower_ == "according":
            to = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
            for cand in list(verb.children) + (list(to.children) if to is not None else []):
                if cand.dep_ == "pobj":
                    return cand, ""
            return None, ""
        if self.is_passive_reporting(verb):
            for child in verb.children:
                if child.dep_ == "dobj":  # "TASS quoted Peskov as saying": Peskov speaks
                    return child, f"object of '{verb.text}'"
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            # a title parsed as a second subject ("the health chief | Dr Karen Holt said"): the name wins
            child = min(subjects, key=lambda c: (c.pos_ != "PROPN", abs(c.i - verb.i)))
            if child.tag_ in _RELATIVE and verb.dep_ == "relcl":
                return verb.head, "relative clause"
            return child, ""
        for child in verb.children:
            if child.dep_ == "nsubjpass" and self.is_passive_reporting(verb):  # "X was quoted as saying"
                return child, "passive subject"
            if child.dep_ == "agent":  # "was described by X as"
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj, "passive agent"
        if depth > 4 or verb.head.i == verb.i:
            return None, ""
        head = verb.head
        if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
            tok, _ = self.subject_of(head, depth + 1)
            return tok, f"shared subject of '{head.text}'"
        if verb.dep_ == "xcomp":
            for child in head.children:
                if child.dep_ == "dobj":  # object control: "prompting X to call ..."
                    return child, f"object of '{head.text}'"
            tok, _ = self.subject_of(head, depth + 1)
            return tok, f"subject of '{head.text}'"
        if verb.dep_ in ("advcl", "conj") and verb.tag_ == "VBG" and head.pos_ in ("VERB", "AUX"):
            tok, _ = self.subject_of(head, depth + 1)  # "..., calling it a 'Y'"
            return tok, f"participle of '{head.text}'"
        if verb.dep_ == "pcomp" and head.lower_ == "as" and head.head.pos_ in ("VERB", "AUX"):
            tok, _ = self.subject_of(head.head, depth + 1)  # "quoted X as saying", "was quoted as saying"
            return tok, f"speaker of '{head.head.text}'"
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):
            return head, "participle modifier"
        return None, ""

    # ---- noun phrases --------------------------------------------------------------------
    def describe(self, para: Paragraph, tok) -> Speaker:
        """Turn the subject token into a speaker: name, code, kind and offsets."""
        for child in tok.children:  # "the opposition spokesman, Andres Villalba, said"
            if child.dep_ == "appos" and _person_entity(child, child.i, child.i) is not None:
                tok = child
                break
        lo, hi = noun_phrase_bounds(tok)
        doc = tok.doc
        right = tok.right_edge
        if tok.pos_ == "PROPN" and right.ent_type_ == "PERSON" and right.i > hi \
                and not any(t.pos_ in ("VERB", "AUX", "PUNCT") for t in doc[tok.i:right.i + 1]):
            hi = right.i  # a long title parsed as a preposition: "US Under Secretary of State V. Nuland"
        span = doc[lo:hi + 1]
        words = {t.lower_ for t in span}
        ent = _person_entity(tok, lo, hi)
        mention = self.actor_at(para.start + tok.idx)
        if mention is None and tok.lower_ in self.lex.collectives:
            mention = self._member_actor(para, tok)  # "thousands of Cubans" speak as Cubans
        gender = "female" if words & self.lex.female else "male" if words & self.lex.male else None
        code = mention.code if mention else None
        if mention is not None and mention.role == "person" and self.is_person_name(mention.name):
            name, kind, named = mention.name, "person", True  # NER may have missed or mislabelled it
        elif ent is None and tok.pos_ == "PROPN" and self.full_name(tok.text, para.start + tok.idx) != tok.text:
            # a surname already met as a person's name is that person, whatever NER says
            name, kind, named = self.full_name(tok.text, para.start + tok.idx), "person", True
        elif ent is not None:
            name, kind, named = self.full_name(_strip_possessive(ent.text), para.start + ent.start_char), "person", True
        else:
            name = span.text
            head_word = tok.lower_
            is_person = (mention is not None and mention.role == "person") or head_word in self.lex.person_nouns \
                or tok.lemma_.lower() in self.lex.person_nouns
            plural = tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children)
            if is_person:
                kind = "group" if plural else "person"
            else:
                kind = "group" if plural else "thing"
            named = False
        start, end = para.start + span.start_char, para.start + span.end_char
        if named and ent is not None:
            start, end = para.start + ent.start_char, para.start + ent.end_char
        gender = gender or self.genders.get(name)
        return Speaker(name, code, start, end, kind, gender, named)

    def full_name(self, name: str, pos: int) -> str:
        """A bare surname ("Nuland") gets the full name of an earlier mention ("Victoria Nuland")."""
        if " " in name:
            return name
        for m in reversed(self.history + self.mentions):
            if m.pos < pos and m.speaker.named and m.speaker.name.endswith(" " + name):
                return m.speaker.name
        return name

    def _in_reported_clause(self, tok) -> bool:
        for anc in tok.ancestors:
            if anc.dep_ == "ccomp" and anc.i > anc.head.i and self.is_reporting(anc.head):
                return True
        return False

    def _member_actor(self, para: Paragraph, tok) -> ActorMention | None:
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        return self.actor_at(para.start + pobj.idx)
        return None

    def _collect_mentions(self) -> None:
        """Named subjects and person names outside quotations: antecedents for pronouns."""
        for index, para in enumerate(self.article.paragraphs):
            doc = para.doc
            if doc is None:
                continue
            seen: set[int] = set()
            for tok in doc:
                if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ == "PRON" or tok.tag_ in _RELATIVE:
                    continue
                if tok.head.pos_ not in ("VERB", "AUX") or any(c.tag_ == "PRP" for c in tok.children):
                    continue  # small clauses ("making him the third president") name no one new
                pos = para.start + tok.idx
                if self.in_quote(pos) or self.in_quote(para.start + tok.head.idx):
                    continue  # the subject of quoted words belongs to the quotation
                if self._in_reported_clause(tok):
                    continue  # "the ministry said [the army] had advanced. It added ..." -> the ministry
                sp = self.describe(para, tok)
                self.mentions.append(Mention(pos, index, sp))
                seen.update(range(sp.start, sp.end))
            for ent in doc.ents:
                pos = para.start + ent.start_char
                if ent.label_ != "PERSON" or pos in seen or self.in_quote(pos):
                    continue
                if ent.root.dep_ in ("nsubj", "nsubjpass") and self.in_quote(para.start + ent.root.head.idx):
                    continue
                self.mentions.append(Mention(pos, index, self.describe(para, ent.root)))
        self.mentions.sort(key=lambda m: m.pos)

    # ---- pronouns ------------------------------------------------------------------------
    def resolve_pronoun(self, para: Paragraph, tok) -> Speaker:
        """Resolve he/she/it/they to the last compatible speaker or named mention before it."""
        pos = para.start + tok.idx
        pron = tok.lower_
        want = self.lex.pronouns.get(pron)
        gender = "female" if pron in self.lex.female else "male" if pron in self.lex.male else None
        unresolved = Speaker(tok.text, None, pos, pos + len(tok.text), want or "person", gender,
                             note=f"pronoun '{tok.text}' has no antecedent in the text")
        if want is None:
            return unresolved
        candidates = [m for m in self.history + self.mentions if m.pos < pos]
        candidates.sort(key=lambda m: m.pos, reverse=True)
        for cand in candidates:
            sp = cand.speaker
            if want == "person" and sp.kind != "person":
                continue
            if want == "thing" and sp.kind != "thing":
                continue
            if want == "group" and sp.kind == "person":
                continue
            known = sp.gender or self.genders.get(sp.name)
            if gender and known and known != gender:
                continue
            if gender and sp.named:
                self.genders.setdefault(sp.name, gender)
            return replace(sp, note=f"'{tok.text}' resolved to the last compatible speaker or mention "
                                    f"'{sp.name}'")
        fallback = self.actor_pronoun(pos)
        return fallback or unresolved

    def actor_pronoun(self, pos: int) -> Speaker | None:
        """The actors stage's own resolution of a pronoun, if it made one."""
        for a in self.article.actors:
            if a.role == "pronoun" and a.start <= pos < a.end and a.name and a.name.lower() != a.text.lower():
                return Speaker(a.name, a.code, a.start, a.end, "person", note=f"'{a.text}' resolved by actors")
        return None

    def speaker_for(self, para: Paragraph, tok) -> Speaker:
        """A subject token to a speaker, resolving pronouns."""
        if tok.pos_ == "PRON" and tok.tag_ == "PRP":
            return self.resolve_pronoun(para, tok)
        return self.describe(para, tok)

    def named_after_role(self, para: Paragraph, verb) -> tuple[Speaker, object] | None:
        """A role description followed by 'Name told/said ...' with nothing said: the named person.

        Machine translation often splits "said the UN envoy, Linda Thomas-Greenfield, told ABC" into
        "said the UN envoy. Linda Thomas-Greenfield told ABC." The second sentence reports no words
        (its verb has no clause and no quotation), so it only names the first one's speaker.
        """
        sent = verb.sent
        doc = verb.doc
        if sent.end >= len(doc):
            return None
        nxt = doc[sent.end].sent
        if any(ch in nxt.text for ch in '"“”‘«»'):
            return None
        for ent in nxt.ents:
            if ent.label_ != "PERSON" or ent.start - nxt.start > 4:
                continue
            root = ent.root
            verb2 = root.head
            if root.dep_ != "nsubj" or not self.is_reporting(verb2):
                continue
            if any(c.dep_ in ("ccomp", "xcomp", "advcl") for c in verb2.children):
                continue
            return self.describe(para, root), verb2
        return None

    def bare_attribution(self, sent):
        """'The governor told the local radio.': a reporting verb whose sentence reports nothing itself.

        RETURNS (tuple[Token, Token] | None): (subject, verb) when the sentence only names a speaker.
        """
        if any(ch in sent.text for ch in '"“”«»'):
            return None
        verb = sent.root
        if not self.is_reporting(verb) or any(c.dep_ in ("ccomp", "xcomp", "advcl") for c in verb.children):
            return None
        subj, _ = self.subject_of(verb)
        return (subj, verb) if subj is not None else None

    def remember(self, para_index: int, pos: int, speaker: Speaker) -> None:
        self.history.append(Mention(pos, para_index, speaker))


def _person_entity(tok, lo: int, hi: int):
    """The PERSON entity containing `tok`, else the last one inside tokens lo..hi."""
    best = None
    for ent in tok.doc.ents:
        if ent.label_ != "PERSON":
            continue
        if ent.start <= tok.i < ent.end:
            return ent
        if ent.start >= lo and ent.end - 1 <= hi:
            best = ent
    return best


def noun_phrase_bounds(tok) -> tuple[int, int]:
    """Token bounds of the noun phrase headed by `tok`, without clauses and appositions."""
    lo = hi = tok.i
    for child in tok.children:
        if child.dep_ in _NP_STOP:
            continue
        if child.i < tok.i:
            lo = min(lo, child.left_edge.i)
        elif child.dep_ in _NP_RIGHT and (child.dep_ != "prep" or child.lower_ in _NP_PREPS):
            hi = max(hi, child.right_edge.i)
    doc = tok.doc
    # words glued by a hyphen the parser split apart ("co - chairman")
    while hi + 2 < len(doc) and doc[hi].whitespace_ == "" and doc[hi + 1].text in ("-", "–") \
            and doc[hi + 1].whitespace_ == "" and doc[hi + 2].is_alpha:
        hi += 2
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    return lo, hi


def _strip_possessive(text: str) -> str:
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text
