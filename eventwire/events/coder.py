"""The event coder: data-driven verb patterns over the dependency parse.

For each sentence of the cleaned body: find trigger verbs in the pattern lexicon, check each
pattern's frame (object noun, particle, preposition), read the source and target actors off
the parse, decide the status, recode future and threatened acts, and emit `Event`s whose
evidence names the pattern, the trigger words and the grammatical paths used.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from ..model import ActorMention, ActorRef, Article, Event
from ..quotes import quote_covering
from .arguments import (TIME_ENTITIES, ActorIndex, Arg, actors_for_token, is_each, is_passive, is_reciprocal,
                        misparsed_as_modifier, noun_as_verb, passive_patient, prep_objects, quantity_objects,
                        subject_token)
from .lexicon import (Conventions, Pattern, StatusWords, load_cameo, load_conventions, load_grammar_words,
                      load_patterns, load_status_words)
from .status import Status, determine_status

LOGGER = logging.getLogger(__name__)

GRAMMAR = load_grammar_words()


@dataclass(slots=True)
class Candidate:
    pattern: Pattern
    code: str
    trigger: object
    obj: object | None
    why: list[str]


def _object_tokens(verb, pattern: Pattern):
    """Direct objects (and their conjuncts), objects of the pattern's prepositions, passive patients."""
    objs = []
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "oprd"):
            objs.append(child)
        elif child.dep_ == "prep" and child.lemma_.lower() in pattern.object_preps:
            objs += [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
        elif child.dep_ == "prep" and pattern.object_preps:  # "entered by force in the parliament"
            for pobj in (g for g in child.children if g.dep_ == "pobj"):
                objs += [o for prep in pobj.children if prep.dep_ == "prep" and prep.lemma_.lower()
                         in pattern.object_preps for o in prep.children if o.dep_ == "pobj"]
        elif child.dep_ == "prt" and child.lemma_.lower() in pattern.object_preps:
            objs += [g for g in verb.children if g.dep_ == "dobj"]
        elif child.dep_ == "xcomp" or (child.dep_ == "ccomp" and pattern.object_preps):
            objs.append(child)
    patient = passive_patient(verb)
    if patient is not None:
        objs.append(patient)
    objs += quantity_objects(verb)
    if misparsed_as_modifier(verb):
        objs.append(verb.head)  # "seized power": the noun the verb was hung on is its object
    expanded = []
    for o in objs:
        expanded.append(o)
        expanded += [c for c in o.children if c.dep_ == "conj"]
    return expanded


def _words_of(token) -> set[str]:
    """A noun's lemma with its compounds and adjectives: "sanctions legislation" -> {legislation, sanction}."""
    words = {token.lemma_.lower(), token.lower_}
    for child in token.children:
        if child.dep_ in ("compound", "amod", "nmod"):
            words |= {child.lemma_.lower(), child.lower_}
        elif child.dep_ == "prep" and child.lemma_ in ("of", "in") and token.lemma_.lower() in GRAMMAR.quantity_nouns:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    words |= _words_of(pobj)
    return words


def _match(verb, pattern: Pattern) -> Candidate | None:
    why = [f"trigger '{verb.text}'"]
    particles = [c for c in verb.children if (c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in ("back", "off")))
                 and not any(g.dep_ == "prep" and g.lower_ == "to" for g in c.children)]  # "up to 16": a number
    if pattern.particle:
        if not any(p.lemma_.lower() == pattern.particle for p in particles):
            return None
        why.append(f"particle '{pattern.particle}'")
    elif particles and not pattern.particle_any and not any(
            p.lemma_.lower() in pattern.object_preps or p.lemma_.lower() in pattern.target for p in particles):
        return None  # "step up", "turn down" are other verbs
    if pattern.prep:
        if not any(pattern.prep == prep for prep, _ in prep_objects(verb, {pattern.prep})):
            return None
        why.append(f"preposition '{pattern.prep}'")
    if pattern.subject_words:
        subj, _ = subject_token(verb)
        if subj is None or not (_words_of(subj) & pattern.subject_words):
            return None
        why.append(f"subject '{subj.text}'")
    if pattern.subject_not:
        subj, _ = subject_token(verb)
        if subj is not None and _words_of(subj) & pattern.subject_not:
            return None  # "planes flying to Syria" is no visit
    if pattern.needs_clause and not any(c.dep_ == "ccomp" for c in verb.children):
        return None  # "admitted that ..."
    if pattern.needs_infinitive and not any(c.dep_ in ("xcomp", "advcl", "ccomp") and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in verb.children):
        return None  # "called Venezuela (on Tuesday) to publish ..."
    if pattern.intransitive and (is_passive(verb) or any(c.dep_ in ("dobj", "agent") for c in verb.children) or (
            verb.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children))):
        return None  # "as demonstrated by its drills" shows something; protesters "have demonstrated"
    if pattern.complement_aux:
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and any(
            a.dep_ == "aux" and a.lower_ in pattern.complement_aux for a in c.children)), None)
        if clause is None:
            return None
        why.append(f"reported clause with '{next(a.text for a in clause.children if a.dep_ == 'aux')}'")
    obj = None
    objs = _object_tokens(verb, pattern)
    if pattern.object:
        obj = next((o for o in objs if _words_of(o) & pattern.object), None)
        if obj is None:
            return None
        why.append(f"object '{obj.text}'")
    elif objs:
        obj = objs[0]
    if pattern.object_not and obj is not None and _words_of(obj) & pattern.object_not:
        return None
    if pattern.object_adj:
        hit = next((t for t in verb.subtree if t.lemma_.lower() in pattern.object_adj and t.i > verb.i), None)
        if hit is None:
            return None
        why.append(f"describes as '{hit.text}'")
        obj = obj if obj is not None else hit  # "was optimistic about relations with China"
    if pattern.object_person:
        dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if dobj is None or not (dobj.ent_type_ == "PERSON" or (dobj.pos_ == "PROPN" and any(
                t.ent_type_ == "PERSON" for t in dobj.subtree))):
            return None
    if pattern.object_place:
        targets = [c for c in verb.children if c.dep_ == "dobj"] + [p for _, p in prep_objects(verb, {"into"})]
        if not any(t.ent_type_ in ("GPE", "LOC", "FAC") or t.lemma_.lower() in GRAMMAR.place_nouns for t in targets):
            return None
    code = pattern.code
    if pattern.modifiers:
        words = {c.lemma_.lower() for c in verb.subtree if c.i > verb.i}
        subj, _ = subject_token(verb)
        if subj is not None:  # "a suicide bomber killed": the doer's words refine the code too
            words |= {c.lemma_.lower() for c in subj.subtree}
        for o in objs:
            words |= _words_of(o)
        for word, mcode in pattern.modifiers.items():
            if word in words:
                code = mcode
                why.append(f"modifier '{word}'")
                break
    return Candidate(pattern, code, verb, obj, why)


def _attackers_in_object(cand: Candidate, index: ActorIndex) -> tuple[list[Arg], str]:
    """"Twenty soldiers were killed in a clash with Chinese troops", "... in Israeli tank shelling":
    the victims are the passive subject, the doer is named on the attack noun."""
    obj = cand.obj
    if obj is None or not is_passive(cand.trigger):
        return [], ""
    args = actors_for_token(obj, index, f"modifier of '{obj.text}'")
    for prep, pobj in prep_objects(obj, {"by", "with", "from"}):
        args += actors_for_token(pobj, index, f"'{obj.text} {prep}'")
    return args, f"the doer of '{obj.text}'"


def _find_sources(cand: Candidate, index: ActorIndex, sent_subjects) -> tuple[list[Arg], str]:
    verb = cand.trigger
    if cand.pattern.source_in_object:
        return _attackers_in_object(cand, index)
    subj, path = subject_token(verb)
    if subj is None and verb.i == verb.sent.start and verb.dep_ == "ROOT" and sent_subjects:
        # Machine-translated fragments ("Vowed, if ...") lose their subject: take the last one before.
        return [sent_subjects[-1]], "subject of the previous sentence"
    if subj is not None and subj.lemma_.lower() in GRAMMAR.agentless_nouns:
        return [], "agentless"  # "killed by the crash", "a fire destroyed": nobody did it
    args = actors_for_token(subj, index, path) if subj is not None else []
    if not args and path == "passive-without-agent" and cand.pattern.implied_source_sector:
        return _implied_doers(verb, index, cand.pattern.implied_source_sector), "implied by the passive"
    if not args and subj is not None and subj.lower_ in GRAMMAR.first_person:
        args = _speaker_of(subj, index)
        path = "first person inside a quote -> its speaker" if args else path
    if not args and subj is not None and subj.lower_ in ("he", "she"):
        args = _resolve_referring(subj, index, reporter_only=True)
    if not args and subj is not None and subj.lower_ in GRAMMAR.referring_pronouns:
        args = _resolve_referring(subj, index)
        if not args and subj.lower_ in ("they", "it") and subj.i - subj.sent.start <= 1 and sent_subjects:
            # "Israeli troops entered Jenin. They arrested five men.": the previous sentence's subject
            args, path = [sent_subjects[-1]], "pronoun -> subject of the previous sentence"
    if not args and verb.dep_ in ("acl", "relcl") and verb.head.head.i != verb.head.i:
        # "signed an order withdrawing X from Y": the participle's doer is whoever acted on the noun
        governor = verb.head.head
        if governor.pos_ in ("VERB", "AUX"):
            gsubj, gpath = subject_token(governor)
            if gsubj is not None:
                args = actors_for_token(gsubj, index, f"acl<{gpath}")
                path = f"acl<{gpath}"
    return args, path


def _implied_doers(verb, index: ActorIndex, sector: str) -> list[Arg]:
    """"A suspect was detained at the scene": no agent, but only the state detains; the doer is the
    patient's country with the pattern's sector (police)."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return []  # a participle ("a mayor jailed a year ago") is background; its jailer may be anyone
    patient = passive_patient(verb)
    out = []
    at = index.offset + verb.idx  # the verb's span: the patient stays free to be the target
    for a in actors_for_token(patient, index, "passive subject") if patient is not None else []:
        if a.mention.country and a.mention.sector != sector:
            out.append(Arg(_state_actor(a.mention.country, sector, (at, at + len(verb.text)), "implied"),
                           f"implied doer of a passive '{verb.text}' ({a.mention.country} {sector})"))
    return out[:1]


def _state_actor(country: str, sector: str | None, span: tuple[int, int], role: str) -> ActorMention:
    """A country (with a sector) standing for an actor the text implies but does not name."""
    return ActorMention(country, country, country + (sector or ""), country, sector, role, *span)


def _speaker_of(pron, index: ActorIndex) -> list[Arg]:
    """"We will respond," Lavrov said: the speaker of the covering quote is the subject."""
    start = index.offset + pron.idx
    quote = quote_covering(index.quotes, start, start + len(pron.text))
    if quote is None or not quote.speaker or not quote.speaker.get("code"):
        return []
    code = quote.speaker["code"]
    country = code[:3] if not code.startswith("IGO") and code not in ("NATO", "WST") else None
    mention = ActorMention(quote.speaker.get("name") or code, quote.speaker.get("name") or code, code, country,
                           code[3:6] or None if country else None, "speaker",
                           *(quote.speaker_span or quote.span))
    return [Arg(mention, "speaker of the quote")]


def _resolve_referring(pron, index: ActorIndex, reporter_only: bool = False) -> list[Arg]:
    """"Russia said it wants ...": a pronoun subject of a reported clause is the reporter;
    otherwise the nearest earlier subject in the sentence that is not a person
    ("The ministry rejected the claims, it called them ...", a comma splice of translated text).
    A personal pronoun the actors stage left unresolved ("the minister said he was ...") takes
    the reporter only."""
    node = pron.head
    while node.dep_ in ("ccomp", "xcomp", "conj", "advcl") and node.head.i != node.i:
        node = node.head
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i != pron.i:
                args = actors_for_token(child, index, "pronoun->reporter")
                if args:
                    return args
    if reporter_only:
        return []
    for tok in reversed(pron.sent[:pron.i - pron.sent.start]):
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.lower_ not in GRAMMAR.referring_pronouns:
            args = [a for a in actors_for_token(tok, index, "pronoun->earlier subject") if a.mention.role != "person"]
            if args:
                return args
    return []


def _find_targets(cand: Candidate, index: ActorIndex, sources: list[Arg]) -> tuple[list[Arg], str, bool]:
    """Return (targets, how, reciprocal). Looks where the pattern says, on the verb and its object."""
    verb, obj = cand.trigger, cand.obj
    source_spans = {(a.mention.start, a.mention.end) for a in sources}
    passive = is_passive(verb)

    def usable(args):  # not the source again, nor its own side ("sent its soldiers to ...")
        return [a for a in args if (a.mention.start, a.mention.end) not in source_spans
                and not all(_same_side(s.mention, a.mention, cand.code[:2]) for s in sources)]

    for where in cand.pattern.target:
        found: list[Arg] = []
        if where == "dobj":
            quantities = quantity_objects(verb) + (
                [verb.head] if misparsed_as_modifier(verb) else [])
            for child in [*verb.children, *quantities]:
                # an object the parser took for an adverbial ("met Blinken on Friday": npadvmod)
                misparsed = (child.dep_ == "npadvmod" and child.i == verb.i + 1 and child.pos_ == "PROPN"
                             and child.ent_type_ not in TIME_ENTITIES)
                if child.dep_ == "dobj" or misparsed or child in quantities:
                    if is_reciprocal(child) or any(is_reciprocal(g) for g in child.children) or (
                            child.lemma_ == "other" and any(is_each(c) for c in verb.children)):
                        return [], "reciprocal 'each other'", True
                    if child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":  # "..., which X denounced"
                        child = verb.head
                    found += actors_for_token(child, index, "dobj")
            if passive:
                patient = passive_patient(verb)
                if patient is not None:
                    found += actors_for_token(patient, index, "passive subject")
        elif where == "dative":
            for child in verb.children:
                if child.dep_ in ("dative", "iobj"):
                    found += actors_for_token(child, index, "dative")
        elif where == "objposs":
            if obj is not None:
                found += actors_for_token(obj, index, "object")
                if not found:  # "praised the treaty with Australia"
                    found += _partner_actors(obj, index, "")
        elif where == "complement_subject":  # "demanded that Peru withdraw", "urged that talks resume"
            for child in verb.children:
                if child.dep_ in ("ccomp", "xcomp"):
                    for sub in child.children:
                        if sub.dep_ in ("nsubj", "nsubjpass"):
                            found += actors_for_token(sub, index, "subject of the demanded act")
        elif where == "complement_other":  # "acknowledged that its forces shot down a Ukrainian airliner"
            countries = {a.mention.country or a.code for a in sources}
            for child in verb.children:
                if child.dep_ in ("ccomp", "xcomp"):
                    for tok in child.subtree:
                        m = index.covering(tok)
                        if m is not None and (m.country or m.code) not in countries:
                            found += actors_for_token(tok, index, "the other party in what it acknowledges")
                            break
        elif where == "governing_subject":
            found += _governing_subject(verb, index)
        elif where == "nsubjpass":
            patient = passive_patient(verb)
            if patient is not None:
                found += actors_for_token(patient, index, "passive subject")
        else:
            holders = [verb, obj]
            if obj is not None:  # "2,000 tonnes of food aid from the UAE": through the quantity noun
                holders += [p for _, p in prep_objects(obj, {"of", "in"})]
                holders += [c for c in obj.children if c.dep_ == "appos"]  # "entrepreneur Do Kwon to the US"
            for holder in holders:
                if holder is None:
                    continue
                for prep, pobj in prep_objects(holder, {where}):
                    args = actors_for_token(pobj, index, f"'{prep}'")
                    found += args or _partner_actors(pobj, index, f"{prep} the ")  # "along the border with X"
        found = usable(found)
        if found and cand.pattern.reciprocal and len(sources) > 1 and all(
                (a.mention.country or a.code) in {s.mention.country or s.code for s in sources} for a in found):
            continue  # "A and B held exercises with their warships": still A <-> B
        if found:
            return found, where, False
    return [], "", False


def _partner_actors(noun, index: ActorIndex, lead: str) -> list[Arg]:
    """The other side named by a partner noun's "with": "the border with Ukraine", "the treaty with
    Australia" (partner_nouns in grammar.yaml)."""
    if noun.lemma_.lower() not in GRAMMAR.partner_nouns:
        return []
    return [a for _, other in prep_objects(noun, {"with"})
            for a in actors_for_token(other, index, f"'{lead}{noun.text} with'")]


def _inside_other_clause(tok, verb) -> bool:
    """True when `tok` sits in a clause of its own under `verb` (own subject, reported content),
    or in a "with" phrase (partners and instruments: "sanctions with Western allies")."""
    node = tok
    while node.i != verb.i and node.head.i != node.i:
        if node.dep_ == "prep" and node.lemma_ == "with":
            return True
        for_to = any(c.dep_ == "mark" and c.lower_ == "for" for c in node.children)  # "plea for NATO to act"
        if node.dep_ in ("ccomp", "relcl", "csubj") or (not for_to and node.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in node.children)):
            return True
        node = node.head
    return False


def _fallback_target(cand: Candidate, index: ActorIndex, sources: list[Arg], subj_tokens,
                     into_clauses: bool = False) -> list[Arg]:
    """No target where the pattern looks: the first other actor inside the trigger's phrase."""
    verb = cand.trigger
    skip = set()
    for s in subj_tokens:
        skip |= {t.i for t in s.subtree}
    for tok in verb.subtree:
        if tok.i in skip or tok.i <= verb.i:
            continue
        mention = index.covering(tok)
        if mention is None or any(_same_side(a.mention, mention, cand.code[:2]) for a in sources):
            continue
        if not into_clauses and _inside_other_clause(tok, verb):
            continue
        return actors_for_token(tok, index, "nearest actor in the trigger's phrase")
    return []


def _governing_subject(verb, index: ActorIndex) -> list[Arg]:
    """"X and Y agreed under a deal brokered by Z": Z's target is the main clause's subject."""
    if verb.dep_ not in ("acl", "relcl"):
        return []
    node = verb.head
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        node = node.head
    if node.pos_ not in ("VERB", "AUX"):
        return []
    subj, path = subject_token(node)
    return actors_for_token(subj, index, f"subject of '{node.text}'") if subj is not None else []


def _conditional_target(verb, index: ActorIndex, sources: list[Arg] = ()) -> list[Arg]:
    """A threat targets whoever its condition or its content is about:
    "vowed ..., if Moscow attacks"; "warned that Israel would face a harsh response"."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            for sub in child.children:
                if sub.dep_ in ("nsubj", "nsubjpass"):
                    args = [a for a in actors_for_token(sub, index, "subject of the warning")
                            if not any(_same_side(s.mention, a.mention, "13") for s in sources)]
                    if args:
                        return args
    for child in verb.children:
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless", "should")
                                         for m in child.children):
            for sub in child.children:
                if sub.dep_ in ("nsubj", "nsubjpass"):
                    return actors_for_token(sub, index, "subject of the condition")
    return []


def _protest_by_states(code: str, verb, pairs):
    """A state does not demonstrate: it complains officially (114) or boycotts (state_protest_verbs in
    grammar.yaml), with no default target; otherwise a state's part in a 14x event is dropped."""
    if not all(_is_state(s.mention) for s, _ in pairs):
        return code, [(s, t) for s, t in pairs if not _is_state(s.mention)]
    official = GRAMMAR.state_protest_verbs.get(verb.lemma_.lower())
    if not official:
        return code, []
    return official, [(s, None if t is not None and t.how == "default target" else t) for s, t in pairs]


def _is_state(m: ActorMention) -> bool:
    return (m.sector in GRAMMAR.state_protest_sectors) or (not m.sector and m.role in GRAMMAR.state_roles)


def _same_side(src: ActorMention, tgt: ActorMention, root: str = "") -> bool:
    if src.code == tgt.code:
        return True
    if root == "14":  # people protest against their own government: "Israelis protested against the government"
        return False
    if "demonym" in (src.role, tgt.role) and (src.sector or tgt.sector):
        return False  # "Serbs" are the people, not the state: they can accuse their government
    if src.country and src.country == tgt.country:
        if root == "15":  # a show of force is aimed abroad: "sent soldiers to the border with Belarus"
            return True
        if root in ("18", "19", "20") and (src.sector or "GOV") in GRAMMAR.state_sectors and (
                tgt.sector or "GOV") in GRAMMAR.state_sectors:
            return True  # a state does not attack itself: "Indian warplanes struck what New Delhi called"
    # A government acting on its own bare country is the same actor seen twice ("Russia ... Moscow").
    return bool(src.country) and src.country == tgt.country and not (src.sector and tgt.sector) and (
        (src.sector or "GOV") == "GOV" and (tgt.sector or "GOV") == "GOV")


def _recode(code: str, status: Status, words: StatusWords,
            conventions: Conventions = Conventions("cameo")) -> tuple[str, str]:
    """Future and threatened acts take the CAMEO 'intent' or 'threaten' code (status.yaml);
    with future_recode off (conventions) an intended act keeps its own code."""
    if code.startswith("13"):
        return code, "threatened"
    if code.startswith("03") and status.value == "actual":
        return code, "intended"  # 03x codes are expressions of intent by definition
    if status.agreed and status.value == "actual" and (conventions.agreed_acts == "intent" or any(
            code.startswith(c) for c in words.agreed_pending)):
        status = Status("intended", status.why or "agreed to", True)  # a meeting agreed on is still to come
    if status.refusal and status.value == "negated":
        for n in (4, 3, 2):  # "said it would not provide support": a refusal, coded as a rejection (12x)
            if code[:n] in words.refusal_codes:
                return words.refusal_codes[code[:n]], "actual"
    if status.value not in ("intended", "threatened") and not status.future:
        return code, status.value
    for n in (4, 3, 2):
        rule = words.future_codes.get(code[:n])
        if rule:
            new_code, new_status = rule
            if new_status == "intended" and not conventions.future_recode:
                return code, "intended"  # conventions: a cooperative act to come keeps its own code
            if status.value == "threatened" and new_status == "intended":
                return new_code or code, "intended"
            return (new_code or code), new_status
    return code, status.value


def _mention_for_code(text: str, code: str | None, span: tuple[int, int]) -> ActorMention:
    """A mention standing for an actor already coded in an event (for targets found through events)."""
    code = code or ""
    is_country = bool(code) and not code.startswith("IGO") and code not in ("NATO", "WST")
    return ActorMention(text, text, code or None, code[:3] if is_country else None,
                        (code[3:] or None) if is_country else None, "event-actor", span[0], span[1])


def _default_targets(sources: list[Arg], sector: str) -> list[Arg]:
    out = []
    own = None if sector == "country" else sector  # "country": the state as a whole (a state of emergency)
    for a in sources:
        if a.mention.country and (own is None or a.mention.sector != own):
            out.append(Arg(_state_actor(a.mention.country, own, (a.mention.start, a.mention.end), "default"),
                           "default target"))
    return out[:1]


def _last_aggressors(sources: list[Arg], recent_events: list[Event]) -> list[Arg]:
    countries = {a.mention.country or a.code for a in sources}
    for ev in reversed(recent_events):
        if ev.target and ev.quad_class in (3, 4) and ev.status == "actual" and (
                (ev.target.code or "")[:3] in countries or ev.target.code in countries):
            same = [e for e in recent_events if e.trigger == ev.trigger]
            return [Arg(_mention_for_code(e.source.text, e.source.code, e.trigger), "retaliation") for e in same]
    return []


def _make_event(table, code: str, status: str, source: ActorMention, target: ActorMention | None, article: Article,
                sent_span: tuple[int, int], trigger: tuple[int, int], evidence: str, confidence: float) -> Event:
    """One event, with its CAMEO table facts (PLOVER type and mode, Goldstein, QuadClass)."""
    info = table.get(code)
    return Event(
        source=ActorRef(source.text, source.code), target=ActorRef(target.text, target.code) if target else None,
        code=code, status=status, sentence=article.text[sent_span[0]:sent_span[1]], span=sent_span,
        trigger=trigger, evidence=evidence, confidence=max(0.1, min(1.0, confidence)),
        plover={"type": info.plover_type, "mode": info.plover_mode} if info else {},
        goldstein=info.goldstein if info else None, quad_class=info.quad_class if info else None)


def _claim_as_accusation(claim_verb, pairs, index: ActorIndex, sent_span, article: Article,
                         table) -> list[Event]:
    """"The US claimed that ISIL had attacked Iraq": the claim is the US accusing ISIL (112);
    "The US claimed that its forces had attacked Iraq" claims responsibility (015)."""
    subj, how = subject_token(claim_verb)
    claimants = actors_for_token(subj, index, how) if subj is not None else []
    out = []
    start = index.offset + claim_verb.idx
    for c in claimants:
        for doer, victim in pairs:
            if _same_side(c.mention, doer.mention, "11"):
                # claiming one's own side's act is claiming responsibility for it (015)
                if victim is None or _same_side(c.mention, victim.mention, "01"):
                    continue
                code, target = "015", victim
                why = "a hostile act by the claimant's own side: responsibility claimed"
            else:
                code, target = "112", doer
                why = "target the act's doer"
            out.append(_make_event(
                table, code, "actual", c.mention, target.mention, article, sent_span, (start, start + len(claim_verb.text)),
                f"claim '{claim_verb.text}' of a hostile act (status.yaml claim_heads): "
                f"source '{c.mention.text}' via {c.how}; {why} ('{target.mention.text}')", 0.6))
    return _dedupe(out)


def _between_actors(noun, index: ActorIndex) -> list[Arg]:
    """"talks between Serbia and Kosovo": the two actors of a joint act named by a noun.

    Only a pair: "meetings between diplomats from Moscow, Brussels and Washington" does not say
    who met whom.
    """
    for _, pobj in prep_objects(noun, {"between"}):
        args = actors_for_token(pobj, index, "'between'")
        if len(args) == 2:
            return args
    return []


def _place_target(cand: Candidate, index: ActorIndex, sources: list[Arg]) -> list[Arg]:
    """Force used on a place hits its country: "shelled the city of Kharkiv" -> UKR (as GDELT codes it)."""
    verb = cand.trigger
    spots = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    spots += [pobj for _, pobj in prep_objects(verb, {"on", "at", "into", "in", "near", "against", "across"})]
    for spot in spots:
        lo, hi = index.offset + spot.left_edge.idx, index.offset + spot.right_edge.idx + len(spot.right_edge.text)
        for place in index.places:
            if lo <= place.start < hi and place.country:
                mention = ActorMention(place.text, place.name, place.country, place.country, None, "place",
                                       place.start, place.end, f"place {place.name} ({place.country})")
                if not any(_same_side(s.mention, mention, cand.code[:2]) for s in sources):
                    return [Arg(mention, f"place '{place.text}'")]
    return []


def _guess_target(cand: Candidate, index: ActorIndex, sources: list[Arg]) -> tuple[list[Arg], str, float]:
    """No target where the pattern looks: the struck place's country, else the nearest other actor.

    Returns (targets, how, confidence penalty).
    """
    force = load_cameo()[cand.code[:2]].quad_class == 4
    if force:
        targets = _place_target(cand, index, sources)
        if targets:
            return targets, "the country of the place it struck", 0.15
    subj, _ = subject_token(cand.trigger)
    subj_tokens = [subj] if subj is not None else []
    targets = _fallback_target(cand, index, sources, subj_tokens)
    if not targets and force:
        # force is always used against someone: look into subordinate clauses too
        targets = _fallback_target(cand, index, sources, subj_tokens, True)
    return targets, "nearest actor in the phrase" if targets else "", 0.2


def _event_noun_target(cand: Candidate, index: ActorIndex, sources: list[Arg], earlier: list[Event]) -> list[Arg]:
    """"Moscow dismissed the decision", "he denounced the proceedings": an object that names an act
    told just before, with no actor of its own, points to that act's doer (verbal acts only)."""
    if load_cameo()[cand.code[:2]].quad_class not in (1, 3):
        return []
    verb = cand.trigger
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "relcl":  # "a decision Moscow dismissed"
        objs.append(verb.head)
    nouns = [o.lemma_.lower() for o in objs if o.lemma_.lower() in GRAMMAR.event_nouns]
    if not nouns:
        return []
    roots = GRAMMAR.event_noun_roots.get(nouns[0])  # "the request" names the last appeal, if any
    if roots and not any(ev.code[:2] in roots for ev in earlier):
        roots = None
    governing = {index.offset + a.idx for a in verb.ancestors}  # "saluted the decision of Russia to veto"
    for ev in reversed(earlier):
        if (roots and ev.code[:2] not in roots) or ev.trigger[0] in governing:
            continue
        if ev.status in ("actual", "intended", "threatened") and ev.trigger[0] < index.offset + verb.idx:
            doer = _mention_for_code(ev.source.text, ev.source.code, ev.trigger)
            party = _mention_for_code(ev.target.text, ev.target.code, ev.trigger) if ev.target else None
            praise = load_cameo()[cand.code[:2]].quad_class == 1
            if any(_same_side(s.mention, doer, "") or (praise and party and _same_side(s.mention, party, ""))
                   for s in sources):
                return []  # one's own act; or praise of a deal one is party to ("hailed a deal")
            return [Arg(doer, f"doer of the earlier '{ev.code}' event")]
    return []


def _listed_before(arg: Arg, verb, index: ActorIndex) -> list[Arg]:
    """Actors listed just before the subject of a joint act, when the parser broke the list:
    "Chile, Peru, and Bolivia met", "the army and the paramilitary RSF battled"."""
    sent = verb.sent
    first = next((t for t in sent if index.offset + t.idx == arg.mention.start), None)
    if first is None:
        return []
    found, seen_link, j = [], False, first.i - 1
    while j >= sent.start:
        tok = sent.doc[j]
        if tok.lower_ in (",", "and", "&"):
            seen_link, j = True, j - 1
            continue
        if tok.pos_ in ("DET", "ADJ") and index.covering(tok) is None:
            j -= 1
            continue
        mention = index.covering(tok)
        if mention is None or not seen_link or mention.code == arg.code:
            break
        found.append(Arg(mention, "listed with the subject"))
        start = next((t.i for t in sent if index.offset + t.idx == mention.start), None)
        if start is None:
            break
        seen_link, j = False, start - 1
    return found


def _choose_targets(cand: Candidate, index: ActorIndex, sources: list[Arg], earlier: list[Event]):
    """Targets where the pattern says, else by the fallbacks in order of trust.

    Returns (targets, how, reciprocal, confidence penalty).
    """
    pattern, verb = cand.pattern, cand.trigger
    targets, how, reciprocal = _find_targets(cand, index, sources)
    if targets or reciprocal:
        return targets, how, reciprocal, 0.0
    if cand.code.startswith("13"):
        targets = _conditional_target(verb, index, sources)
        if targets:
            return targets, "whom the condition or warning is about", False, 0.0
    if pattern.reciprocal and len(sources) > 1:
        return [], "compound subject of a joint act", True, 0.0
    if pattern.fallback:
        # "condemned the launch as a violation of UN resolutions": an object naming an act points to
        # its doer before any actor that merely stands near the verb
        names_act = cand.obj is not None and cand.obj.lemma_.lower() in GRAMMAR.event_nouns
        targets = _event_noun_target(cand, index, sources, earlier) if names_act else []
        if targets:
            return targets, "the doer of the act its object names", False, 0.3
        targets, how, penalty = _guess_target(cand, index, sources)
        if targets:
            return targets, how, False, penalty
        targets = _event_noun_target(cand, index, sources, earlier)
        if targets:
            return targets, "the doer of the act its object names", False, 0.3
    if cand.code.startswith("13"):
        # a vow to respond answers whoever last acted against the speaker's side
        targets = _last_aggressors(sources, earlier)
        if targets:
            return targets, "the side that last acted against the source", False, 0.4
    if pattern.default_target_sector:
        targets = _default_targets(sources, pattern.default_target_sector)
        if targets:
            return targets, f"own government by default ({pattern.default_target_sector})", False, 0.1
    return [], "", False, 0.0


def code_sentence(sent, para_start: int, index: ActorIndex, article: Article, patterns, words: StatusWords,
                  prev_subjects: list[Arg], recent_events: list[Event] = (),
                  conventions: Conventions = Conventions("cameo")) -> list[Event]:
    """Code one parsed sentence. `prev_subjects` carries subject actors across sentences."""
    table = load_cameo()
    candidates: list[Candidate] = []
    for tok in sent:
        is_verb = tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and tok.dep_ == "ROOT") or noun_as_verb(tok)
        if not is_verb and tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.dep_ in ("amod", "compound") and tok.tag_ in ("VBG", "VBN", "JJ") and not misparsed_as_modifier(tok):
            continue  # a participle used as an adjective: "defending champion", "a marching band"
        for pattern in _patterns_for(tok, patterns):
            if pattern.nominal == is_verb:
                continue
            cand = Candidate(pattern, pattern.code, tok, None, [f"noun '{tok.text}'"]) if pattern.nominal else _match(tok, pattern)
            if cand is not None:
                candidates.append(cand)  # all that match: the next is tried if one finds no actors
    events: list[Event] = []
    coded_triggers: set[int] = set()
    counted_triggers: set[int] = set()
    sent_start = para_start + sent.start_char
    sent_span = (sent_start, para_start + sent.end_char)
    # Deeper clauses first, so that "vowed to strike" codes the strike (as the threat) before the vow;
    # deferring verbs last, so that "vowed to respond" can answer an attack told in the same sentence.
    candidates.sort(key=lambda c: (c.pattern.defer_to_complement, -_depth(c.trigger)))  # stable: specific first
    def try_code(cand: Candidate) -> None:
        nonlocal events
        pattern, verb = cand.pattern, cand.trigger
        if verb.i in coded_triggers:
            return  # a more specific pattern already coded this trigger
        if verb.dep_ == "acl" and verb.head.dep_ in ("nsubj", "nsubjpass"):
            return  # "leaders meeting in Brussels agreed ...": background on the subject
        if pattern.main_verb_only and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "acl", "xcomp", "conj"):
            return  # "..., killing five people": a consequence, not its own act
        if pattern.no_clause and any(t.i in coded_triggers for c in verb.children
                                     if c.dep_ in ("xcomp", "ccomp") for t in c.subtree):
            return  # "refused to receive the mission": the refused act was coded, as a refusal
        if pattern.defer_to_complement and any(t.i in counted_triggers for c in verb.children
                                               if c.dep_ in ("xcomp", "ccomp", "prep") for t in c.subtree):
            return  # the threatened act itself was coded as the threat (not a conditional one inside)
        if pattern.nominal:
            sources = _between_actors(verb, index)
            if len(sources) < 2:
                return
            src_how, targets, tgt_how, reciprocal, penalty = "'between'", [], "'between'", True, 0.0
            governor = _governing_verb(verb)  # "agreed to host a new round of talks between A and B"
            status = determine_status(governor, words) if governor is not None else Status("actual", "")
        else:
            status = determine_status(verb, words)
            sources, src_how = _find_sources(cand, index, prev_subjects)
            if not sources:
                return
            if pattern.reciprocal and len(sources) == 1:
                sources = sources + _listed_before(sources[0], verb, index)
            targets, tgt_how, reciprocal, penalty = _choose_targets(cand, index, sources, [*recent_events, *events])
            if pattern.recipient_subject:  # "Ukraine received systems from Germany": the giver is the source
                sources, targets = targets, sources
                src_how, tgt_how = tgt_how, "subject (the recipient)"
                if not sources:
                    return
        if not targets and not reciprocal and not pattern.no_target:
            return
        confidence = pattern.confidence - penalty
        code, final_status = _recode(cand.code, status, words, conventions)
        pairs: list[tuple[Arg, Arg | None]] = []
        if reciprocal and len(sources) > 1 and conventions.joint_compound == "separate" and not pattern.nominal:
            pairs = [(a, None) for a in sources]  # "A and B agreed": each on its own (conventions)
        elif reciprocal and len(sources) > 1:
            pairs = [(a, b) for a in sources for b in sources if a is not b]
        elif targets:
            pairs = [(s, t) for s in sources for t in targets]
            # "held talks with", "killed in a clash with": both sides did it (not a host of talks "between")
            if pattern.mutual and not penalty and tgt_how != "between" and not code.startswith(("12", "13")):
                pairs += [(t, s) for s, t in pairs]
        elif pattern.no_target:
            pairs = [(s, None) for s in sources]
        if code.startswith("14"):
            code, pairs = _protest_by_states(code, verb, pairs)
        if pattern.igo_target_code and any(t is not None and (t.code or "").startswith(("IGO", "NATO"))
                                           for _, t in pairs):
            code = pattern.igo_target_code  # leaving an organisation, not a retreat
        info = table.get(code)
        trigger = (para_start + verb.idx, para_start + verb.idx + len(verb.text))
        for src, tgt in pairs:
            if tgt is not None and tgt.how != "default target" and _same_side(src.mention, tgt.mention, code[:2]):
                continue  # (a default target is the source's own country on purpose)
            evidence = (f"pattern {pattern.id} ({pattern.source_file}): " + ", ".join(cand.why)
                        + f"; source '{src.mention.text}' via {src.how or src_how}"
                        + (f"; target '{tgt.mention.text}' via {tgt.how or tgt_how}" if tgt else "; no target")
                        + f"; status {final_status}" + (f" ({status.why})" if status.why else ""))
            events.append(_make_event(table, code, final_status, src.mention, tgt.mention if tgt else None,
                                      article, sent_span, trigger, evidence, confidence))
        if pattern.converse_code and final_status in ("actual", "intended") and code == cand.code:
            # "Uzbekistan's president hosted his Turkmen counterpart": the guest made a visit (042)
            conv = table[pattern.converse_code]
            for src, tgt in pairs:
                if tgt is None or _same_side(src.mention, tgt.mention, code[:2]):
                    continue
                events.append(_make_event(
                    table, pattern.converse_code, final_status, tgt.mention, src.mention, article, sent_span, trigger,
                    f"pattern {pattern.id} ({pattern.source_file}), seen from the guest: {conv.name} "
                    f"('{tgt.mention.text}' hosted by '{src.mention.text}')", confidence - 0.1))
        if pairs:  # coded, whatever its status
            coded_triggers.add(verb.i)
            if final_status in ("actual", "intended", "threatened"):
                counted_triggers.add(verb.i)  # a deferring verb above it stays silent
        if pairs and status.claimant is not None and info and info.quad_class in (3, 4):
            events += _claim_as_accusation(status.claimant, pairs, index, sent_span, article, table)

    for cand in candidates:
        try_code(cand)
    # A second look for what found no target: an object naming an act told later in the
    # sentence ("..., a decision Moscow dismissed") can point to it now.
    for cand in candidates:
        if cand.trigger.i not in coded_triggers:
            try_code(cand)
    return _dedupe(_drop_protest_purposes(events, sent, para_start))


def _drop_protest_purposes(events: list[Event], sent, para_start: int) -> list[Event]:
    """"Students staged demonstrations to demand reforms": the demand is what the protest says,
    not an act of its own. Drops events on a "to" purpose clause of a protest by the same source."""
    if not any(e.code.startswith("14") for e in events):
        return events
    by_start = {para_start + t.idx: t for t in sent}
    protests = {(by_start[e.trigger[0]].i, e.source.code) for e in events
                if e.code.startswith("14") and e.trigger[0] in by_start}
    out = []
    for e in events:
        tok = by_start.get(e.trigger[0])
        purpose = tok is not None and tok.dep_ in ("advcl", "acl") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        # "staged a protest to demand" hangs on the verb or on its object
        protest_verb = None if tok is None else (tok.head if tok.dep_ == "advcl" else tok.head.head)
        if purpose and (protest_verb.i, e.source.code) in protests and not e.code.startswith("14"):
            continue
        out.append(e)
    return out


def _lemma_guesses(tok) -> list[str]:
    """The tagger's lemma, then what the inflection says when the lemmatizer slips on a verb
    ("staged" -> "stag"): VBD/VBN "-ed" and VBG "-ing" forms give their stems back."""
    lemma = tok.lemma_.lower()
    guesses = [lemma]
    low = tok.lower_
    if tok.tag_ in ("VBD", "VBN") and low.endswith("ed"):
        guesses += [low[:-1], low[:-2]]
    elif tok.tag_ == "VBG" and low.endswith("ing"):
        guesses += [low[:-3] + "e", low[:-3]]
    elif tok.tag_ == "VBZ" and low.endswith("s"):
        guesses += [low[:-1]]
    return list(dict.fromkeys(guesses))


def _patterns_for(tok, patterns) -> list:
    found = []
    for lemma in _lemma_guesses(tok):
        found += [p for p in patterns.get(lemma, ()) if p not in found]
    return found


def _governing_verb(noun, steps: int = 4):
    """The verb a noun hangs from through objects and prepositions ("host a round of talks")."""
    node = noun
    for _ in range(steps):
        if node.head.i == node.i or node.dep_ not in ("dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr"):
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _depth(tok) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok, d = tok.head, d + 1
    return d


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per (source, target, code) and sentence: the most confident wins."""
    best: dict[tuple, Event] = {}
    for ev in events:
        key = (ev.source.code, ev.target.code if ev.target else None, ev.code, ev.status in ("hypothetical", "negated"))
        if key not in best or ev.confidence > best[key].confidence:
            best[key] = ev
    return sorted(best.values(), key=lambda e: e.trigger)


def subject_actors(sent, index: ActorIndex) -> list[Arg]:
    """Actors named as subjects in a sentence, in order (for subjectless fragments that follow)."""
    out: list[Arg] = []
    for tok in sent:
        if tok.dep_ in ("nsubj", "nsubjpass"):
            for arg in actors_for_token(tok, index, "subject"):
                out.append(arg)
    return out


def code_article(article: Article, pattern_files: tuple[str, ...] = (), conventions: str = "cameo") -> list[Event]:
    patterns = load_patterns(tuple(pattern_files))
    conv = load_conventions(conventions)
    words = load_status_words()
    events: list[Event] = []
    # the dateline ("WASHINGTON, United States (AFP) –") names a place, never an actor of the story
    dateline_start = article.meta.get("dateline_start", 0)
    dateline_end = article.meta.get("dateline_end", 0)
    for para in article.paragraphs:
        if para.doc is None:
            continue
        index = ActorIndex([m for m in article.actors if para.start <= m.start < para.end
                            and not dateline_start <= m.start < dateline_end], para.start)
        index.quotes = article.quotes
        index.places = [p for p in article.places if para.start <= p.start < para.end and not p.in_dateline]
        prev_subjects: list[Arg] = []
        for sent in para.doc.sents:
            events += code_sentence(sent, para.start, index, article, patterns, words, prev_subjects,
                                    [e for e in events if e.span[0] >= para.start], conv)
            prev_subjects = subject_actors(sent, index) or prev_subjects
    if conv.actor_rewrites:
        for ev in events:
            ev.source = ActorRef(ev.source.text, conv.rewrite(ev.source.code))
            if ev.target is not None:
                ev.target = ActorRef(ev.target.text, conv.rewrite(ev.target.code))
    return events
