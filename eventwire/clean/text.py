"""The plain-text cleaner: label each line or paragraph of an article, keep the story.

Labels: body, title, heading, caption, credit, boilerplate, navigation. The cues are combined:
phrases and patterns from `eventwire/data/clean/cues.yaml`, the shape of a line (length,
final punctuation, a parenthesised photo credit, a present-tense line with a date), its
position, and its topical continuity with the story told so far (once the story ends and an
unrelated appeal or promo begins, the rest is junk).
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from .cues import Cues, load_cues

LOGGER = logging.getLogger(__name__)

BODY = "body"
_WORD = re.compile(r"\w+", re.U)
_CONTENT = re.compile(r"[^\W\d_]{3,}", re.U)
_TERMINAL = re.compile(r"[.!?…:;]$")
_CLOSERS = "\"'’”»)]*"
_BULLET = re.compile(r"^\s*(?:[-–•*·▪|>]|\d{1,2}[.)]\s|\(?[a-z]\)\s)")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
_FULL_DATE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b"
                        r"|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}\b")
_PLACE_DATE_END = re.compile(r",\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2},?\s+"
                             r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\.?\s*$")
_QUOTE_OR_SAID = re.compile(r"[\"“”]|\b(said|says|told|according to)\b", re.I)
_PAREN = re.compile(r"\(([^()]{2,80})\)\s*$")

# Topical continuity: a line sharing less than this share of its content words with the
# story so far is off-topic.
OFF_TOPIC = 0.2
# The tail (from the first off-topic junk line to the end) must be this junky to be cut, and
# this share of it must carry junk phrases or patterns (an appeal, not a change of subject).
TAIL_JUNK_SHARE = 0.75
TAIL_MARKED_SHARE = 0.3
# A body line opens the tail only when it is clearly off-topic, and only once a story is told.
OFF_TOPIC_OPENER = 0.12
MIN_STORY_UNITS = 5
MIN_STORY_CHARS = 1000
MAX_TAIL_CHECKS = 200  # bounds the quadratic search on pathological inputs (thousands of lines)
# A long line flagged only by junk phrases is kept when this share of its words is the story's.
ON_TOPIC = 0.4
RESCUE_MIN_WORDS = 15
LEAD_UNITS = 3
_RESCUABLE = ("junk phrases", "cue pattern 'sign-up call'", "cue pattern 'app promo'")


@dataclass
class Unit:
    """One line or paragraph of the text, with its label."""

    start: int
    end: int
    text: str
    kind: str = BODY
    reason: str = ""
    words: int = 0
    content: set[str] = field(default_factory=set)
    cues: list[str] = field(default_factory=list)

    def label(self, kind: str, reason: str) -> None:
        self.kind, self.reason = kind, reason


def _is_terminal(text: str) -> bool:
    return bool(_TERMINAL.search(text.rstrip().rstrip(_CLOSERS).rstrip()))


def _stem(word: str) -> str:
    return word[:6]


def _extract_content_words(text: str, cues: Cues) -> set[str]:
    return {_stem(w) for w in (m.lower() for m in _CONTENT.findall(text)) if w not in cues.stopwords}


def _make_unit(text: str, start: int, end: int, cues: Cues) -> Unit:
    piece = text[start:end]
    return Unit(start, end, piece, words=len(_WORD.findall(piece)), content=_extract_content_words(piece, cues),
                cues=sorted({m.group(1).lower() for m in cues.cue_regex.finditer(piece)}))


def _is_wrapped(lines: list[tuple[int, str]]) -> bool:
    """A hard-wrapped paragraph: long lines, mostly ending mid-sentence."""
    heads = [s.strip() for _, s in lines[:-1]]
    if not heads or any(len(s) < 40 for s in heads):
        return False
    return sum(not _is_terminal(s) for s in heads) >= max(1, len(heads) / 2)


def segment(text: str, cues: Cues | None = None) -> list[Unit]:
    """Split text into units: blank-line paragraphs, or single lines when a block holds separate lines."""
    cues = cues or load_cues()
    units: list[Unit] = []
    for block in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", text):
        lines = [(m.start() + block.start(), m.group(0)) for m in re.finditer(r"[^\n]+", block.group(0))]
        lines = [(s, t) for s, t in lines if t.strip()]
        if not lines:
            continue
        spans = [(lines[0][0], lines[-1][0] + len(lines[-1][1]))] if _is_wrapped(lines) else \
            [(s, s + len(t)) for s, t in lines]
        for start, end in spans:
            piece = text[start:end]
            start += len(piece) - len(piece.lstrip())
            end -= len(piece) - len(piece.rstrip())
            units.append(_make_unit(text, start, end, cues))
    return units


def _find_photo_credit(text: str, cues: Cues) -> re.Match | None:
    """A closing "(Name/Agency)" or "(Getty Images)" photo credit."""
    m = cues.photo_credit.search(text)
    if m:
        return m
    m = _PAREN.search(text)
    if m and (m.group(1).strip().lower() in cues.photo_sources
              or any(part.strip().lower() in cues.photo_sources for part in re.split(r"[/,;]| via ", m.group(1)))):
        return m
    return None


def _has_caption_shape(text: str, cues: Cues) -> bool:
    """A present-tense descriptive line with a full date and no quotation: a photo caption.

    Either a caption verb ("speaks", "check") with a full date, or a line ending in
    ", Place, Month D, YYYY." (the picture desk's place-and-date tail).
    """
    if not _FULL_DATE.search(text) or _QUOTE_OR_SAID.search(text):
        return False
    return bool(cues.caption_verbs.search(text) or _PLACE_DATE_END.search(text))


def split_glued_captions(units: list[Unit], text: str, cues: Cues) -> list[Unit]:
    """Split out a caption glued inside a body paragraph ("... end of story. <caption> (Name/AP) More story.")."""
    result = []
    for unit in units:
        m = re.search(r"\((?:photo:?\s*)?[^()]{2,60}/[^()]{2,40}\)", unit.text, re.I)
        if not m or unit.words < 30 or _PAREN.search(unit.text[:m.end()]) is None \
                or _find_photo_credit(unit.text[:m.end()], cues) is None:
            result.append(unit)
            continue
        before = unit.text[:m.start()].rstrip()
        bounds = [b.end() for b in _SENTENCE_END.finditer(before) if b.end() < len(before) - 1]
        cap_start = bounds[-1] if bounds else 0
        caption = before[cap_start:]
        glued = cap_start > 0 or unit.text[m.end():].strip()
        if not glued or not _has_caption_shape(caption, cues):
            result.append(unit)  # a whole-line caption is labelled by label_line
            continue
        pieces = [(unit.start, unit.start + cap_start), (unit.start + cap_start, unit.start + m.end()),
                  (unit.start + m.end(), unit.end)]
        for i, (s, e) in enumerate(pieces):
            piece = text[s:e]
            s += len(piece) - len(piece.lstrip())
            e -= len(piece) - len(piece.rstrip())
            if e <= s:
                continue
            part = _make_unit(text, s, e, cues)
            if i == 1:
                part.label("caption", f"caption glued into a paragraph, photo credit {m.group(0)!r}")
            result.append(part)
    return result


def label_line(unit: Unit, cues: Cues) -> None:
    """Label one unit from its own cues (patterns, credits, caption shape, cue phrases)."""
    text = unit.text
    credit = _find_photo_credit(text, cues)
    if credit:
        before = text[:credit.start()].strip()
        if not before:
            unit.label("credit", f"photo credit {credit.group(0).strip()!r}")
        else:
            unit.label("caption", f"ends with photo credit {credit.group(0).strip()!r}")
        return
    for pattern in cues.line_patterns if unit.words <= 2 * cues.max_words else ():
        m = pattern.regex.search(text)
        if m and (unit.words <= cues.max_words or m.start() <= 3 and unit.words <= 2 * cues.max_words):
            unit.label(pattern.kind, f"cue pattern '{pattern.note}': {m.group(0).strip()!r}")
            return
    if unit.words <= 60 and _has_caption_shape(text, cues):
        verb = cues.caption_verbs.search(text)
        cue = f"present-tense line '{verb.group(0)}'" if verb else "line ending in place and date"
        unit.label("caption", f"{cue} with a date {_FULL_DATE.search(text).group(0)!r}")
        return
    if len(unit.cues) >= 3 or len(unit.cues) == 2 and unit.words <= 30 or unit.cues and unit.words <= 12:
        unit.label("boilerplate", f"junk phrases {unit.cues}")


def measure_similarity(unit: Unit, profile: set[str]) -> float | None:
    """Share of the unit's content words already used by the story (None: no content words)."""
    if not unit.content:
        return None
    return len(unit.content & profile) / len(unit.content)


def _is_heading_shape(unit: Unit) -> bool:
    text = unit.text.strip()
    return (unit.words <= 10 and len(text) <= 80 and not _is_terminal(text)
            and not _BULLET.match(text) and not text.startswith(("—", "–")))


def label_title(units: list[Unit], title: str | None, cues: Cues) -> str | None:
    """Drop the first unit as the title: it repeats the given title, or (no title given) looks like one.

    Returns:
        the detected title text, or None.
    """
    first = next((u for u in units if u.kind == BODY), None)
    if first is None or units.index(first) > 2:
        return None
    if title:
        given = _extract_content_words(title, cues) or {w.lower() for w in _WORD.findall(title)}
        mine = first.content or {w.lower() for w in _WORD.findall(first.text)}
        if given and mine and len(given & mine) / len(given | mine) >= 0.6:
            first.label("title", "repeats the article title")
        return None
    if len(units) < 2 or first.words > 30 or first.text.rstrip().rstrip(_CLOSERS).endswith("."):
        return None
    first.label("title", "first line, short, no final full stop")
    return first.text.strip()


def rescue_on_topic(units: list[Unit]) -> None:
    """Keep a long line whose junk phrases are the story's own subject (an article about subscriptions)."""
    for unit in units[:LEAD_UNITS]:
        # the headline and lead are the story by position: phrases alone do not make them junk
        if unit.kind == "boilerplate" and unit.reason.startswith("junk phrases"):
            unit.label(BODY, "")
    profile = set().union(*(u.content for u in units if u.kind == BODY))
    # a junk phrase the lead itself uses ("paywall" in a story about paywalls) is the subject
    lead_cues = {c for u in units[:LEAD_UNITS] if u.kind == BODY for c in u.cues}
    for unit in units:
        if unit.kind != "boilerplate" or unit.words < RESCUE_MIN_WORDS or not unit.reason.startswith(_RESCUABLE):
            continue
        sim = measure_similarity(unit, profile)
        if sim is not None and sim >= ON_TOPIC or lead_cues.intersection(unit.cues):
            unit.label(BODY, "")


def cut_tail(units: list[Unit]) -> None:
    """Once the story ends and an unrelated appeal or promo begins, the rest is junk."""
    body_chars_before = 0
    profile: set[str] = set()
    seen_body = 0
    checks = 0
    for i, unit in enumerate(units):
        if seen_body >= MIN_STORY_UNITS and body_chars_before >= MIN_STORY_CHARS:
            sim_i = measure_similarity(unit, profile)
            opens = unit.kind in ("boilerplate", "navigation") or unit.kind == BODY and (
                unit.cues or (sim_i is not None and sim_i < OFF_TOPIC_OPENER))
            if opens and checks >= MAX_TAIL_CHECKS:
                LOGGER.debug("tail search stopped after %d candidates", checks)
                return
            checks += bool(opens)
            if opens and _is_junk_tail(units[i:], profile, body_chars_before):
                start = i
                while start > 0 and units[start - 1].kind == BODY and _is_heading_shape(units[start - 1]):
                    start -= 1  # a promo header introduces the appeal
                first_words = " ".join(units[i].text.split()[:8])
                for unit_j in units[start:]:
                    if unit_j.kind in (BODY, "heading"):
                        unit_j.label("boilerplate", f"after the story ended: off-topic tail from {first_words!r}")
                return
        if unit.kind == BODY:
            seen_body += 1
            body_chars_before += len(unit.text)
            profile |= unit.content


def _is_junk_tail(tail: list[Unit], profile: set[str], story_chars: int) -> bool:
    junky = 0
    marked = 0
    body_chars = 0
    tail_chars = sum(len(u.text) for u in tail)
    for unit in tail:
        if unit.kind == BODY and _BULLET.match(unit.text) and not unit.cues:
            continue  # a list item belongs to whatever list it is in: neither story nor appeal evidence
        sim = measure_similarity(unit, profile)
        off = sim is not None and sim < OFF_TOPIC
        if unit.kind != BODY or unit.cues or off:
            junky += 1
        if unit.kind in ("boilerplate", "navigation") or unit.cues:
            marked += 1
        if unit.kind == BODY and not off:
            body_chars += len(unit.text)
    return (marked >= 2 and marked / len(tail) >= TAIL_MARKED_SHARE and junky / len(tail) >= TAIL_JUNK_SHARE
            and body_chars <= story_chars / 2
            and body_chars <= tail_chars / 4)


def label_headings(units: list[Unit]) -> None:
    """A lone short line without final punctuation between body paragraphs is a section heading."""
    kept = [u for u in units if u.kind in (BODY, "heading")]
    for k, unit in enumerate(kept):
        if unit.kind != BODY or not _is_heading_shape(unit):
            continue
        prev = kept[k - 1] if k > 0 else None
        nxt = kept[k + 1] if k + 1 < len(kept) else None
        if prev is None or nxt is None or _is_heading_shape(prev) or _is_heading_shape(nxt):
            continue
        if nxt.words < 8 or not _is_terminal(prev.text):
            continue
        unit.label("heading", "short line without final punctuation between body paragraphs")


def label_units(text: str, title: str | None = None, cues: Cues | None = None) -> tuple[list[Unit], str | None]:
    """Segment and label a plain text.

    Args:
        text: the article text.
        title: the title when already known (HTML metadata, a JSON record); the first line is
            then dropped only when it repeats it.
    Returns:
        (units in text order, the detected title or None).
    """
    cues = cues or load_cues()
    units = segment(text, cues)
    units = split_glued_captions(units, text, cues)
    for unit in units:
        if unit.kind == BODY:
            label_line(unit, cues)
    detected = label_title(units, title, cues)
    rescue_on_topic(units)
    cut_tail(units)
    label_headings(units)
    return units, detected
