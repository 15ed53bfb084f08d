"""time stage: the day each event happened (or is planned), resolved against the publication date.

For each event the stage finds the clause of its trigger (the verb's subtree without
subordinate clauses that have verbs of their own), looks for a time expression there, and
resolves it with a direction taken from the clause: planned acts ("will", "set to", "expected
to") look forward, reports look back. A clause without its own expression borrows one by the
rules of the annotation conventions, in this order:

1. a vague span of its own ("last week", "in 2014") -> null, unless it is the plan announced
   by a dated reporting verb;
2. a later mention of the same planned act with a day ("talks ... on Tuesday");
3. the clause it is subordinate to: coordinated and simultaneous clauses share its day,
   "hours after" keeps it, "two days after" subtracts, a bare "after"/"since" clause is an
   undated prior event (null);
4. a reported clause takes its reporting verb's day when the reporting verb has one, and a
   plan, threat or statement takes the reporting verb's day in any case;
5. a statement verb with no day word -> the publication date;
6. an accumulated state ("has massed") -> null; a present perfect or present-tense state
   outside the lead -> null (undated prior events, ongoing policies); in the lead the present
   perfect is the news of the day ("has opened an investigation");
7. a past action -> the last day named earlier in its paragraph (the episode), else the
   publication date.

Every date carries `date_evidence`: the words and the rule.
"""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from ..model import Article, Event
from .clauses import clause_tokens, clause_verb, find_paragraph, find_token
from .expressions import TimeExpr, find_expressions, load_vocabulary, resolve_expression

LOGGER = logging.getLogger(__name__)

MAX_DEPTH = 8


@dataclass(slots=True)
class Dating:
    """A resolved date (or None) and why."""

    date: dt.date | None
    evidence: str
    own: bool = False  # from an expression in the event's own clause


class _ParaContext:
    """One paragraph's parse with its time expressions mapped to tokens."""

    def __init__(self, para, anchor: dt.date, is_lead: bool):
        self.para = para
        self.doc = para.doc
        self.anchor = anchor
        self.is_lead = is_lead
        self.exprs = find_expressions(para.text)
        # token index -> expression
        self.tok_expr: dict[int, TimeExpr] = {}
        for expr in self.exprs:
            for tok in self.doc:
                if tok.idx < expr.end and tok.idx + len(tok) > expr.start:
                    self.tok_expr[tok.i] = expr


def _time_top(verb):
    """Climb xcomp links: "set to hold" dates "hold" with "set"'s clause."""
    tok = verb
    for _ in range(6):
        if tok.dep_ == "xcomp" and tok.head != tok:
            tok = tok.head
        else:
            break
    return tok


def _time_clause(verb) -> list:
    """Tokens of the verb's time clause: its own clause plus its xcomp complements."""
    out = list(clause_tokens(verb))
    for child in verb.children:
        if child.dep_ == "xcomp":
            out.extend(_time_clause(child))
    return out


def _is_statement(verb, event: Event | None = None) -> bool:
    voc = load_vocabulary()
    if verb.lemma_.lower() in voc["statement_verbs"]:
        return True
    return bool(event is not None and event.quad_class in (1, 3) and verb.pos_ == "VERB"
                and event.status == "actual" and verb.lemma_.lower() not in ("meet", "visit", "host"))


def _is_future(top, event: Event | None = None) -> bool:
    """A planned act: a future auxiliary or a governor such as "set to", "due to", "is to"."""
    voc = load_vocabulary()
    chain = [top] + [t for t in top.subtree if t.dep_ == "xcomp"]
    for tok in chain:
        for child in tok.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in voc["future_auxiliaries"]:
                return True
        if tok.lemma_.lower() in voc["future_governors"] and any(c.dep_ == "xcomp" for c in tok.children):
            return True
        # "talks are scheduled for Thursday", "the vote is due on Friday"
        if tok.lemma_.lower() in voc["future_governors"] and tok.tag_ == "VBN" and _has_aux(tok, "be"):
            return True
        if any(c.dep_ == "acomp" and c.lemma_.lower() in voc["future_governors"] for c in tok.children):
            return True
        if tok.lemma_ == "be" and any(c.dep_ == "xcomp" and c.tag_ == "VB" for c in tok.children):
            return True
    if event is not None and event.status in ("intended", "threatened") and top.tag_ in ("VB", "VBZ", "VBP"):
        return True
    # "The council meets on Tuesday": a present-tense action with a weekday is a schedule.
    return top.tag_ in ("VBZ", "VBP") and not _is_statement(top)


def _has_aux(verb, lemma: str) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lemma_ == lemma for c in verb.children)


def _is_present_perfect(verb) -> bool:
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve", "'s")
                                      for c in verb.children)


def _is_present_state(verb) -> bool:
    """Present simple or progressive ("are taking", "wants") outside a report."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _fmt(date: dt.date | None) -> str:
    return date.isoformat() if date else "null"


class _Dater:
    """Dates the events of one article."""

    def __init__(self, article: Article):
        self.article = article
        anchor = getattr(article.dateline, "date", None) if article.dateline else None
        self.anchor = dt.date.fromisoformat((anchor or article.published)[:10])
        self.contexts: dict[int, _ParaContext] = {}
        first = next((p for p in article.paragraphs if p.doc is not None), None)
        self.lead_start = first.start if first else -1

    def context(self, para) -> _ParaContext:
        ctx = self.contexts.get(para.start)
        if ctx is None:
            ctx = _ParaContext(para, self.anchor, para.start == self.lead_start)
            self.contexts[para.start] = ctx
        return ctx

    # -- own expressions -------------------------------------------------------------------
    def own_expressions(self, ctx: _ParaContext, top) -> list[TimeExpr]:
        seen: list[TimeExpr] = []
        for tok in _time_clause(top):
            expr = ctx.tok_expr.get(tok.i)
            if expr is not None and expr not in seen:
                seen.append(expr)
        return seen

    def date_own(self, ctx: _ParaContext, top, event: Event | None) -> Dating | None:
        exprs = self.own_expressions(ctx, top)
        if not exprs:
            return None
        specific = [e for e in exprs if e.kind != "vague"]
        if specific:
            expr = specific[0]
            direction = "future" if _is_future(top, event) else "past"
            date = resolve_expression(expr, ctx.anchor, direction)
            if date is not None:
                return Dating(date, f"'{expr.text}' ({expr.kind}, {direction}) -> {_fmt(date)}", own=True)
        return Dating(None, f"'{exprs[0].text}': vague span, no single day", own=True)

    # -- the chain of clauses --------------------------------------------------------------
    def date_clause(self, ctx: _ParaContext, verb, event: Event | None, depth: int = 0) -> Dating:
        top = _time_top(verb)
        own = self.date_own(ctx, top, event)
        if own is not None and own.date is not None:
            return own
        future = _is_future(top, event)
        governor = self.reporting_governor(top)
        if own is not None:  # vague span of its own
            if future and governor is not None and depth < MAX_DEPTH:
                rep = self.date_clause(ctx, governor, None, depth + 1)
                return Dating(rep.date, f"plan announced by '{governor.text}': {rep.evidence}")
            return own
        if depth >= MAX_DEPTH:
            return Dating(self.anchor, "publication date (deep clause chain)")
        # Coordinated verbs: "A on Monday did X and did Y" - Y shares Monday.
        for child in top.children:
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
                sib = self.date_own(ctx, _time_top(child), None)
                if sib is not None and sib.date is not None and child.i < top.i + 40:
                    return Dating(sib.date, f"coordinated with '{child.text}': {sib.evidence}")
        dep = top.dep_
        head = clause_verb(top.head) if top.head != top else None
        if dep == "conj" and head is not None:
            got = self.date_clause(ctx, head, None, depth + 1)
            return Dating(got.date, f"coordinated with '{head.text}': {got.evidence}")
        if dep in ("advcl", "pcomp") and head is not None:
            return self.date_adverbial(ctx, top, head, depth)
        if dep in ("relcl", "acl") and head is not None:
            got = self.date_clause(ctx, head, None, depth + 1)
            return Dating(got.date, f"clause of '{top.head.text}' under '{head.text}': {got.evidence}")
        if top.tag_ == "VBG" and head is not None and dep not in ("ROOT", "conj", "ccomp") \
                and not any(c.dep_ in ("aux", "auxpass") for c in top.children):
            # A bare participle ("..., increasing aid", "killing five") shares its verb's time.
            got = self.date_clause(ctx, head, None, depth + 1)
            return Dating(got.date, f"participle '{top.text}' of '{head.text}': {got.evidence}")
        if governor is not None:
            rep_own = self.date_own(ctx, _time_top(governor), None)
            if rep_own is not None and rep_own.date is not None:
                return Dating(rep_own.date, f"reported by '{governor.text}': {rep_own.evidence}")
            if future or _is_statement(top, event) or _is_present_state(top):
                got = self.date_clause(ctx, governor, None, depth + 1)
                return Dating(got.date, f"reported by '{governor.text}': {got.evidence}")
        if _is_statement(top, event) and not _is_present_perfect(top):
            return Dating(self.anchor, f"statement verb '{top.text}' with no day word -> publication date")
        if future:
            return Dating(None, f"planned act '{top.text}' with no day word")
        if _is_present_perfect(top) and top.lemma_.lower() in load_vocabulary()["accumulation_verbs"]:
            return Dating(None, f"present perfect '{top.text}': accumulated state, no single day")
        if _is_present_perfect(top) and not ctx.is_lead:
            return Dating(None, f"present perfect '{top.text}' outside the lead: undated prior event or state")
        if _is_present_state(top) and not ctx.is_lead and governor is None:
            return Dating(None, f"present-tense '{top.text}': ongoing state, no day")
        episode = self.episode_day(ctx, top)
        if episode is not None:
            return episode
        return Dating(self.anchor, f"'{top.text}' with no day word -> publication date")

    def reporting_governor(self, top):
        """The reporting verb a clause is reported by ("X fired, Manila said"), if any."""
        voc = load_vocabulary()
        if top.dep_ in ("ccomp", "parataxis") and top.head != top:
            head = clause_verb(top.head)
            if head.lemma_.lower() in voc["statement_verbs"]:
                return head
        for child in top.children:
            if child.dep_ in ("parataxis", "ccomp") and child.i > top.i and \
                    child.lemma_.lower() in voc["statement_verbs"] and \
                    not any(t.dep_ in ("ccomp",) for t in child.children):
                return child
        return None

    def date_adverbial(self, ctx: _ParaContext, top, head, depth: int) -> Dating:
        """An adverbial clause: background ("since", "after") or simultaneous ("as", "saying")."""
        voc = load_vocabulary()
        marks = [c for c in top.children if c.dep_ == "mark"]
        mark = marks[0] if marks else None
        # "after" may also be a preposition governing the clause ("after police forced ...").
        if mark is None and top.head.lower_ in voc["background_marks"]:
            mark = top.head
        if mark is None:
            prev = top.doc[top.left_edge.i - 1] if top.left_edge.i > 0 else None
            if prev is not None and prev.lower_ in voc["background_marks"]:
                mark = prev
        if mark is None or mark.lower_ not in voc["background_marks"]:
            got = self.date_clause(ctx, head, None, depth + 1)
            word = mark.text if mark is not None else top.text
            return Dating(got.date, f"simultaneous with '{head.text}' ('{word}'): {got.evidence}")
        before = [t for t in top.doc[max(0, mark.i - 3):mark.i]]
        words = [t.lower_ for t in before]
        if mark.lower_ in ("after", "before", "following"):
            if any(w in voc["same_day_words"] for w in words):
                got = self.date_clause(ctx, head, None, depth + 1)
                return Dating(got.date, f"'{' '.join(words[-2:])} {mark.text}' keeps the day of "
                                        f"'{head.text}': {got.evidence}")
            if words and words[-1] in voc["offset_units"] and len(words) >= 2:
                n = load_vocabulary()["number_words"].get(words[-2]) or (int(words[-2]) if words[-2].isdigit() else 0)
                if n:
                    got = self.date_clause(ctx, head, None, depth + 1)
                    if got.date is None:
                        return Dating(None, f"'{words[-2]} {words[-1]} {mark.text}' from an undated clause")
                    sign = -1 if mark.lower_ in ("after", "following") else 1
                    date = got.date + dt.timedelta(days=sign * n * voc["offset_units"][words[-1]])
                    return Dating(date, f"'{words[-2]} {words[-1]} {mark.text}' {got.evidence} -> {_fmt(date)}")
        return Dating(None, f"background clause '{mark.text} ... {top.text}' with no day: undated")

    def episode_day(self, ctx: _ParaContext, top) -> Dating | None:
        """The last day named earlier in the paragraph, unless a report in between reset it."""
        voc = load_vocabulary()
        best = None
        for tok in ctx.doc:
            if tok.i >= top.left_edge.i:
                break
            if tok.dep_ == "ROOT" and tok.lemma_.lower() in voc["statement_verbs"] and tok.sent.start != top.sent.start:
                if not self.own_expressions(ctx, tok):
                    best = Dating(self.anchor, f"after report '{tok.text}' -> publication date")
                    continue
            expr = ctx.tok_expr.get(tok.i)
            if expr is None or expr.kind == "vague":
                continue
            verb = clause_verb(tok)
            if verb.dep_ in ("advcl", "relcl") and any(
                    c.dep_ == "mark" and c.lower_ in voc["background_marks"] for c in verb.children):
                continue  # a day of a background clause is not the episode's
            got = self.date_own(ctx, _time_top(verb), None)
            if got is not None and got.date is not None:
                best = Dating(got.date, f"episode day from earlier in the paragraph: {got.evidence}")
        return best

    # -- one event ---------------------------------------------------------------------------
    def date_event(self, event: Event) -> Dating:
        para = find_paragraph(self.article, event.trigger[0])
        if para is None:
            return Dating(self.anchor, "trigger outside the parsed body -> publication date")
        tok = find_token(para, *event.trigger)
        if tok is None:
            return Dating(self.anchor, "no token at the trigger -> publication date")
        ctx = self.context(para)
        return self.date_clause(ctx, clause_verb(tok), event)


def _same_act(a: Event, b: Event) -> bool:
    """Two mentions of one planned act: the same CAMEO code family and a shared participant
    (country level), e.g. "ministers set to hold talks on Tuesday" / "X would hold talks with Y"."""
    def keys(e: Event) -> set[str]:
        return {(r.code or "")[:3] for r in (e.source, e.target) if r is not None and r.code}

    return a.code[:3] == b.code[:3] and a.status == b.status and bool(keys(a) & keys(b))


def run(article: Article, settings=None) -> None:
    """Set `event.date` (YYYY-MM-DD or None) and `event.date_evidence` for every event."""
    if not article.events:
        return
    if not article.published:
        for event in article.events:
            event.date, event.date_evidence = None, "no publication date to resolve against"
        return
    try:
        dater = _Dater(article)
    except ValueError:
        for event in article.events:
            event.date, event.date_evidence = None, f"unreadable publication date {article.published!r}"
        return
    datings: list[Dating] = []
    for event in article.events:
        try:
            got = dater.date_event(event)
        except Exception as exc:  # one odd parse must not fail the article
            LOGGER.exception("dating event %s failed", event.code)
            got = Dating(dater.anchor, f"publication date (dating failed: {type(exc).__name__})")
        datings.append(got)
    # A planned act mentioned again without a day takes the day of its dated mention
    # ("set to hold talks on Tuesday" ... "announced that X would hold talks with Y").
    for event, got in zip(article.events, datings):
        if got.own or event.status != "intended":
            continue
        for other, other_got in zip(article.events, datings):
            if other is not event and other_got.own and other_got.date and "future" in other_got.evidence \
                    and _same_act(event, other):
                got.date = other_got.date
                got.evidence = f"same planned act as '{other.sentence[:40]}...': {other_got.evidence}"
                break
    for event, got in zip(article.events, datings):
        event.date = got.date.isoformat() if got.date else None
        event.date_evidence = got.evidence
