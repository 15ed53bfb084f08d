"""The quotes stage: every quotation and reported statement, with who said it (issue 6).

`run(article, settings)` fills `article.quotes` with `Quote` records:

* direct quotes: the words between quote marks (straight or curly, over several sentences,
  continued across paragraphs, partial quotes inside reported speech);
* indirect quotes: the clause reported by "X said (that) ...", "according to X, ...", unless a
  direct quote in it already carries the words;
* the speaker: the subject of the reporting verb (data file `data/quotes/reporting_verbs.tsv`),
  with its actor code from `article.actors` when the actors stage covers it; pronouns resolved to
  the last compatible speaker; quote-only sentences and paragraphs carry the previous speaker.

Every quote keeps the reporting verb and the rule that attributed it in `evidence`, and the
offsets of the speaker's words in `speaker_span` so events can be sourced to the statement.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from ..model import Article, Paragraph, Quote
from .attribute import Attributor, Speaker, noun_phrase_bounds
from .lexicon import load_lexicon
from .marks import QuoteMark, find_quote_marks

LOGGER = logging.getLogger(__name__)

__all__ = ["run", "extract_quotes", "find_quote_marks", "quote_covering"]

_TERMINAL = ".?!…"
_CLAUSE_MARKS = {"that", "if", "whether"}


@dataclass(slots=True)
class _Draft:
    """A quote being attributed."""

    para: int
    start: int  # absolute offsets of the quoted words
    end: int
    direct: bool
    mark: QuoteMark | None = None
    speaker: Speaker | None = None
    evidence: str = ""
    quote_only: bool = False  # nothing but the quotation in its sentences
    sentence_like: bool = False  # ends with terminal punctuation (not a heading or label)


def run(article: Article, settings=None) -> None:
    """Fill `article.quotes` (the pipeline's quotes stage)."""
    article.quotes = extract_quotes(article)


def extract_quotes(article: Article) -> list[Quote]:
    """Find the direct and indirect quotes of a parsed article and attribute them.

    Args:
        article (Article): with `paragraphs[*].doc` filled by the nlp stage (`actors` optional).
    RETURNS (list[Quote]): in text order.
    """
    lex = load_lexicon()
    marks: list[tuple[int, Paragraph, QuoteMark]] = []
    for index, para in enumerate(article.paragraphs):
        if para.doc is None:
            continue
        marks.extend((index, para, m) for m in find_quote_marks(para.text))
    # the whole mark-to-mark range (marks included) so words just inside a mark count as quoted
    ranges = [(para.start + m.start - 1, para.start + m.end + 1) for _, para, m in marks]
    att = Attributor(article, lex, ranges)

    drafts: list[_Draft] = []
    frames: dict[int, _Draft] = {}  # paragraphs ending "X said:" -> a speaker for the next one
    for index, para in enumerate(article.paragraphs):
        if para.doc is None:
            continue
        para_marks = [m for i, _, m in marks if i == index]
        used_verbs: set[int] = set()
        for mark in para_marks:
            draft = _attribute_direct(att, index, para, mark, used_verbs)
            drafts.append(draft)
        drafts.extend(_indirect_quotes(att, index, para, used_verbs))
        frame = _colon_frame(att, index, para)
        if frame is not None:
            frames[index] = frame
    drafts.sort(key=lambda d: d.start)
    _carry_speakers(drafts, frames)
    return [_to_quote(d, article.text) for d in drafts]


def quote_covering(quotes: list[Quote], start: int, end: int) -> Quote | None:
    """The innermost quote whose words contain the offsets [start, end) (e.g. an event's trigger).

    Lets the events stage source the events inside a statement to its speaker.

    Args:
        quotes (list[Quote]): `article.quotes`.
        start (int): absolute start offset.
        end (int): absolute end offset.
    RETURNS (Quote | None): the shortest covering quote, or None.
    """
    covering = [q for q in quotes if q.span[0] <= start and end <= q.span[1]]
    return min(covering, key=lambda q: q.span[1] - q.span[0], default=None)


# ---- direct quotes -------------------------------------------------------------------------
def _attribute_direct(att: Attributor, index: int, para: Paragraph, mark: QuoteMark,
                      used_verbs: set[int]) -> _Draft:
    doc = para.doc
    qs, qe = mark.start, mark.end
    draft = _Draft(index, para.start + qs, para.start + qe, True, mark=mark)
    tail = para.text[max(qe - 1, 0):qe + 3]
    draft.sentence_like = any(ch in _TERMINAL for ch in tail)
    qtoks = [t for t in doc if qs <= t.idx < qe]
    qset = {t.i for t in qtoks}
    sents = [s for s in doc.sents if s.start_char < qe and s.end_char > qs]
    outside = [t for s in sents for t in s
               if t.i not in qset and not t.is_punct and not t.is_space and not att.in_quote(para.start + t.idx)]
    if not outside:
        draft.quote_only = True
        draft.evidence = "no reporting verb in the quotation's sentence"
        _attribute_by_next_sentence(att, index, para, draft, sents[-1] if sents else None)
        return draft

    def linked(verb) -> bool:
        return any(verb.is_ancestor(q) or q.is_ancestor(verb) for q in qtoks)

    def distance(verb) -> int:
        return min(abs(verb.idx - qs), abs(verb.idx - qe))

    verbs = sorted((t for t in outside if att.is_reporting(t)), key=lambda v: (not linked(v), distance(v)))
    if _attribute_by_verb(att, index, para, draft, [v for v in verbs if linked(v)], qset, used_verbs, True):
        return draft
    if _attribute_by_governor(att, index, para, draft, qtoks, qset):
        return draft
    if _attribute_by_verb(att, index, para, draft, [v for v in verbs if not linked(v)], qset, used_verbs, False):
        return draft
    draft.evidence = "no reporting verb or subject found for the quotation"
    return draft


def _attribute_by_verb(att: Attributor, index: int, para: Paragraph, draft: _Draft, verbs: list,
                       qset: set[int], used_verbs: set[int], is_linked: bool) -> bool:
    """Attribute to the subject of the first reporting verb that has one outside the quotation."""
    qs, qe = draft.mark.start, draft.mark.end
    for verb in verbs:
        subj, how = att.subject_of(verb)
        if subj is None or subj.i in qset or att.in_quote(para.start + subj.idx) \
                or any(subj.is_ancestor(q) for q in draft_tokens(para, draft)):
            continue
        used_verbs.add(verb.i)
        rule = "speaker-after-quote" if verb.idx >= qe else "speaker-before-quote"
        if subj.i > verb.i and verb.idx >= qe:
            rule += ", inverted"
        if not is_linked:
            rule += ", nearest verb"
        speaker = att.speaker_for(para, subj)
        words = f"reporting verb '{verb.text}'"
        if not speaker.named and speaker.kind == "person" and subj.i > verb.i:
            named = att.named_after_role(para, verb)
            if named is not None:
                role, (speaker, verb2) = speaker, named
                if speaker.code is None and role.code is not None:
                    speaker = replace(speaker, code=role.code)  # the role and the name are one person
                words += f" + '{verb2.text}'"
                rule = f"role-description-then-name: '{_np_text(subj)}' then '{speaker.name}'"
        draft.speaker = speaker
        draft.evidence = _evidence(words, rule, how, speaker)
        att.remember(index, speaker.start, speaker)
        return True
    return False


def draft_tokens(para: Paragraph, draft: _Draft) -> list:
    """The tokens inside a direct quote."""
    return [t for t in para.doc if draft.mark.start <= t.idx < draft.mark.end]


def _attribute_by_next_sentence(att: Attributor, index: int, para: Paragraph, draft: _Draft, sent) -> None:
    """'“The road is open.” The governor told the radio.': a bare attribution right after the quote."""
    if sent is None or sent.end >= len(sent.doc):
        return
    nxt = sent.doc[sent.end].sent
    found = att.bare_attribution(nxt)
    if found is None:
        return
    subj, verb = found
    speaker = att.speaker_for(para, subj)
    draft.speaker = speaker
    draft.evidence = _evidence(f"reporting verb '{verb.text}'", "attribution-in-next-sentence", "", speaker)
    att.remember(index, speaker.start, speaker)


def _attribute_by_governor(att: Attributor, index: int, para: Paragraph, draft: _Draft, qtoks: list,
                           qset: set[int]) -> bool:
    """A partial quote used by an actor without a reporting verb: "ordered a 'complete siege'"."""
    for top in (q for q in qtoks if q.head.i not in qset):
        if top.dep_ in ("nsubj", "nsubjpass", "appos"):
            break  # a quoted subject or apposition is a name or title, nobody's words
        cur = top.head
        while True:
            if cur.i not in qset and cur.pos_ in ("VERB", "AUX"):
                subj, how = att.subject_of(cur)
                if subj is not None and subj.i not in qset and not att.in_quote(para.start + subj.idx) \
                        and not any(subj.is_ancestor(q) for q in qtoks):  # the quote names the subject itself
                    speaker = att.speaker_for(para, subj)
                    draft.speaker = speaker
                    draft.evidence = _evidence(f"governing verb '{cur.text}'", "partial-quote-subject", how, speaker)
                    att.remember(index, speaker.start, speaker)
                    return True
            if cur.head.i == cur.i:
                break
            cur = cur.head
        break
    return False


def _evidence(words: str, rule: str, how: str, speaker: Speaker) -> str:
    parts = [f"{words} (rule: {rule})"]
    if how:
        parts.append(f"speaker is the {how}")
    if speaker.note:
        parts.append(speaker.note)
    return "; ".join(parts)


def _np_text(tok) -> str:
    lo, hi = noun_phrase_bounds(tok)
    return tok.doc[lo:hi + 1].text


# ---- indirect quotes -----------------------------------------------------------------------
def _indirect_quotes(att: Attributor, index: int, para: Paragraph, used_verbs: set[int]) -> list[_Draft]:
    """Reported speech: the clause of a say-type verb, or the sentence around 'according to X'."""
    out: list[_Draft] = []
    doc = para.doc
    for verb in doc:
        if verb.i in used_verbs or not att.is_reporting(verb) or att.in_quote(para.start + verb.idx):
            continue
        entry = att.lex.verbs.get("according" if verb.lower_ == "according" else verb.lemma_.lower())
        if entry is None or not entry.indirect:
            continue
        bounds = _according_clause(verb) if verb.lower_ == "according" else _reported_clause(verb)
        if bounds is None:
            continue
        lo, hi = bounds
        span = doc[lo:hi + 1]
        start, end = para.start + span.start_char, para.start + span.end_char
        if any(s < end and e > start for s, e in att.quote_ranges) or len(span) < 3:
            continue  # a direct quote already carries these words
        subj, how = att.subject_of(verb)
        if subj is None or att.in_quote(para.start + subj.idx):
            continue
        speaker = att.speaker_for(para, subj)
        draft = _Draft(index, start, end, False, speaker=speaker)
        draft.evidence = _evidence(f"reporting verb '{verb.text}'", "indirect-speech", how, speaker)
        att.remember(index, speaker.start, speaker)
        out.append(draft)
    return out


def _reported_clause(verb) -> tuple[int, int] | None:
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses:
        return None
    clause = max(clauses, key=lambda c: c.right_edge.i - c.left_edge.i)
    lo, hi = clause.left_edge.i, clause.right_edge.i
    doc = verb.doc
    if lo <= verb.i <= hi:
        return None
    return _trim_clause(doc, lo, hi, _CLAUSE_MARKS)


def _trim_clause(doc, lo: int, hi: int, marks=frozenset()) -> tuple[int, int] | None:
    """Token range [lo, hi] without edge punctuation (and leading marks); None if no verb is left."""
    while lo <= hi and (doc[lo].is_punct or doc[lo].lower_ in marks):
        lo += 1
    while hi >= lo and doc[hi].is_punct:
        hi -= 1
    if hi < lo or not any(t.pos_ in ("VERB", "AUX") for t in doc[lo:hi + 1]):
        return None
    return lo, hi


def _according_clause(verb) -> tuple[int, int] | None:
    """'According to X, CLAUSE.' or 'CLAUSE, according to X.'"""
    sent = verb.sent
    plo, phi = verb.left_edge.i, verb.right_edge.i
    doc = verb.doc
    if plo <= sent.start + 1:
        lo, hi = phi + 1, sent.end - 1
    elif phi >= sent.end - 2:
        lo, hi = sent.start, plo - 1
    else:
        return None
    return _trim_clause(doc, lo, hi)


# ---- carrying speakers ---------------------------------------------------------------------
def _colon_frame(att: Attributor, index: int, para: Paragraph) -> _Draft | None:
    """A paragraph that ends 'X said:' introduces the quotation of the next paragraph."""
    if not para.text.rstrip().endswith(":"):
        return None
    sents = list(para.doc.sents)
    if not sents:
        return None
    last = sents[-1]
    for verb in last:
        if att.is_reporting(verb) and not att.in_quote(para.start + verb.idx):
            subj, how = att.subject_of(verb)
            if subj is not None:
                speaker = att.speaker_for(para, subj)
                att.remember(index, speaker.start, speaker)
                return _Draft(index, para.start + last.start_char, para.start + last.end_char, False,
                              speaker=speaker, evidence=f"reporting verb '{verb.text}' before a colon")
    return None


def _carry_speakers(drafts: list[_Draft], frames: dict[int, _Draft]) -> None:
    """Give quote-only sentences the speaker of the words around them."""
    by_para: dict[int, list[_Draft]] = {}
    for d in drafts:
        by_para.setdefault(d.para, []).append(d)
    for _ in range(2):  # a second round lets carried speakers carry on
        for d in drafts:
            if d.speaker is not None or not d.direct or not d.quote_only:
                continue
            same = by_para[d.para]
            pos = same.index(d)
            prev_para = by_para.get(d.para - 1, [])
            next_para = by_para.get(d.para + 1, [])
            source, rule = None, ""
            if d.mark.starts_paragraph and prev_para and prev_para[-1].direct and prev_para[-1].mark.open_end \
                    and prev_para[-1].speaker:
                source, rule = prev_para[-1], "quotation continued from the previous paragraph"
            elif d.mark.open_end and next_para and next_para[0].direct and next_para[0].mark.starts_paragraph \
                    and next_para[0].speaker:
                source, rule = next_para[0], "quotation continued in the next paragraph"
            elif pos > 0 and same[pos - 1].speaker and same[pos - 1].direct:
                source, rule = same[pos - 1], "quote-only sentence after the speaker's quote in the paragraph"
            elif pos + 1 < len(same) and same[pos + 1].speaker and same[pos + 1].direct and d.mark.starts_paragraph:
                source, rule = same[pos + 1], "quote-only sentence before the speaker's quote in the paragraph"
            elif pos == 0 and d.mark.starts_paragraph and d.para - 1 in frames:
                source, rule = frames[d.para - 1], "quotation introduced by the previous paragraph's colon"
            elif all(x.quote_only for x in same) and d.sentence_like and prev_para:
                attributed = [x for x in prev_para if x.speaker is not None]
                if attributed:
                    source, rule = attributed[-1], "unattributed quote paragraph after the speaker's paragraph"
            if source is not None:
                d.speaker = source.speaker
                d.evidence = f"carried speaker '{source.speaker.name}' (rule: {rule})"


def _to_quote(d: _Draft, text: str) -> Quote:
    sp = d.speaker
    return Quote(text=text[d.start:d.end], speaker=sp.as_dict() if sp else None, direct=d.direct,
                 span=(d.start, d.end), evidence=d.evidence or "unattributed",
                 speaker_span=(sp.start, sp.end) if sp else None)
