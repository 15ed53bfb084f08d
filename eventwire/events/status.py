"""Did it happen? An event's status from auxiliaries, governing verbs, conditions and negation."""
from __future__ import annotations

from dataclasses import dataclass

from .arguments import misattached_governor
from .lexicon import StatusWords

# Clause links a status climbs through: "set to [hold]", "said it would [hold]", "vowed to [respond]".
CLIMB = {"xcomp", "ccomp", "conj", "advcl", "pcomp", "acl", "relcl", "prep", "pobj", "dobj"}


@dataclass(slots=True)
class Status:
    value: str  # actual | intended | threatened | hypothetical | negated
    why: str
    future: bool = False
    claimant: object = None  # the verb of a claim that carries this act ("claimed that ...")
    agreed: bool = False  # the act is what someone agreed to do ("agreed to hold talks")
    refusal: bool = False  # negated in the future tense: "will not accept", "would not provide"


def _own_markers(verb, words: StatusWords):
    """Aux words, negation and condition markers attached to one clause head."""
    aux, neg, mark = [], [], []
    for child in verb.children:
        lower = child.lower_
        if child.dep_ in ("aux", "auxpass"):
            aux.append(lower)
        elif child.dep_ == "neg" or (child.dep_ == "advmod" and lower in ("never",)):
            neg.append(lower)
        elif child.dep_ == "mark" and lower in words.conditional_marks:
            mark.append(lower)
        elif child.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
                g.dep_ == "det" and g.lower_ == "no" for g in child.children):
            neg.append("no " + child.lower_)
    return aux, neg, mark


def _subjunctive(verb) -> bool:
    """A demanded act: a bare verb with its own subject ("that Peru withdraw", "that Azerbaijan
    return prisoners": tagged VBP after a singular subject) or with should/must."""
    aux = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    singular = any(c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in verb.children)
    return (verb.tag_ == "VB" and not aux) or (verb.tag_ == "VBP" and singular and not aux) or any(
        a in ("should", "must", "be") for a in aux)


def _described(head, words: StatusWords) -> bool:
    """"Kinshasa accused Rwanda of backing M23, a charge Kigali denied" (parsed as "[...] a charge
    denied"): a denial whose subject is such a noun is a comment on the sentence, not its main verb."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in words.describing_nouns
               for c in head.children)


def determine_status(trigger, words: StatusWords) -> Status:
    """Walk from the trigger up its clause chain, collecting what modifies whether it happened."""
    aux, neg, mark = _own_markers(trigger, words)
    if neg:
        return Status("negated", f"negation '{neg[0]}' on '{trigger.text}'",
                      refusal=any(a in words.future_aux for a in aux))
    if mark:
        return Status("hypothetical", f"condition '{mark[0]}' on '{trigger.text}'")
    if any(a in words.hypothetical_aux for a in aux):
        return Status("hypothetical", f"modal '{next(a for a in aux if a in words.hypothetical_aux)}'")
    headline = trigger.dep_ == "ROOT" or (trigger.dep_ in ("relcl", "acl") and trigger.head.dep_ == "ROOT"
                                          and trigger.head.pos_ in ("NOUN", "PROPN"))
    if headline and "to" in aux:  # a headline's infinitive: "Japan and Philippines to sign pact"
        return Status("intended", "headline 'to' + verb", True)
    future = any(a in words.future_aux for a in aux) or ("going" in aux)
    why = f"auxiliary '{next(a for a in aux if a in words.future_aux)}'" if future else ""
    status = Status("intended" if future else "actual", why, future)

    node, steps = trigger, 0
    while node.dep_ in CLIMB and node.head.i != node.i and steps < 6:
        link, head = node.dep_, node.head
        governor = misattached_governor(node)
        if governor is not None:
            head = governor  # "denied that X was hit and vowed to respond": the vow is not denied
        steps += 1
        h_aux, h_neg, h_mark = _own_markers(head, words)
        lemma = head.lemma_.lower()
        if link in ("prep", "pobj", "dobj") and head.pos_ not in ("VERB", "AUX", "ADP"):
            break  # a noun's modifier: the clause chain ends here
        if head.lower_ == "without" or (link == "pcomp" and head.lemma_ == "of" and head.head.lemma_ in ("short",)):
            return Status("negated", f"'{head.text}' governs '{trigger.text}'")
        if link in ("xcomp", "ccomp", "pcomp", "prep", "pobj") and lemma in words.negating_heads and not _described(head, words):
            # "refused to receive the mission" is a refusal (coded as a rejection when the act is cooperative)
            return Status("negated", f"'{head.text}' denies or cancels '{trigger.text}'",
                          refusal=link == "xcomp" and lemma in words.refusal_heads)
        if h_mark:
            return Status("hypothetical", f"condition '{h_mark[0]}' on '{head.text}'")
        if link in ("xcomp", "conj") and h_neg:
            return Status("negated", f"negation on '{head.text}'")
        if link in ("xcomp", "conj") and any(a in words.hypothetical_aux for a in h_aux):
            return Status("hypothetical", f"modal on '{head.text}'")
        if link in ("ccomp", "xcomp") and lemma in words.belief_heads:
            return Status("hypothetical", f"an opinion ('{head.text}'), not an act")
        if link == "ccomp" and lemma in words.claim_heads:
            return Status("hypothetical", f"claimed by '{head.text}'", claimant=head)
        if link == "pcomp" and head.dep_ == "prep" and head.head.lemma_.lower() in words.allegation_heads:
            return Status("hypothetical", f"alleged by '{head.head.text}'")
        if link == "acl" and head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_.lower() in words.negating_heads:
            return Status("negated", f"'{head.head.text}' stopped the '{head.text}'")
        if link == "ccomp" and lemma in words.directive_heads and _subjunctive(node):
            # "demanded that Peru withdraw"; not "a court was told (that) soldiers beat detainees"
            return Status("hypothetical", f"'{head.text}' demands it; it has not happened")
        if link == "ccomp" and lemma in words.desire_heads and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in node.children):  # "wants Putin to attack"
            return Status("hypothetical", f"'{head.text}' wishes it; it has not happened")
        if link == "xcomp" and lemma in words.agreement_heads and not h_neg:
            status.agreed = True
        if (link == "xcomp" or (link == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children))) \
                and lemma in words.directive_heads:  # "demanded to France to withdraw" (advcl in translated text)
            return Status("hypothetical", f"'{head.text}' directs it; it has not happened")
        if link in ("xcomp", "ccomp", "pcomp", "prep") and lemma in words.threat_heads:
            return Status("threatened", f"threat verb '{head.text}' governs '{trigger.text}'", True)
        if link == "xcomp" and (lemma in words.intent_heads or head.lower_ in words.intent_heads) and not status.future:
            status = Status("intended", f"'{head.text} to {trigger.text}'", True)
        if link == "conj" and not status.future and any(a in words.future_aux for a in h_aux):
            status = Status("intended", f"auxiliary on '{head.text}'", True)
        if link in ("acl", "ccomp") and head.pos_ in ("NOUN", "PROPN") and lemma in words.intent_nouns:
            return Status("intended", f"'{head.text} to {trigger.text}'", True)  # "its readiness to host talks"
        if link in ("acl", "ccomp") and head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() in words.speculative_heads:
            # the content of "warnings that ...", "a plan to attack", "reports that ...": not a fact
            return Status("hypothetical", f"content of '{head.text}'")
        purpose = link == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        if link in ("ccomp", "advcl", "relcl", "acl") and not purpose:
            break  # a new clause: its own tense stands (a "to" purpose shares its head's: "plotting a coup to topple")
        node = head
    if trigger.sent.text.rstrip().endswith("?") and trigger.sent.root.i >= 0 and not status.future:
        first = trigger.sent[0].lower_
        if first in ("will", "would", "could", "can", "should", "did", "does", "is", "are", "do"):
            return Status("hypothetical", "question")
    return status
