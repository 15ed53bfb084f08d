"""Time expressions in a paragraph and their resolution to calendar days.

`find_expressions(doc)` finds weekday names, relative day words, calendar dates, day offsets
and vague spans with the patterns of `eventwire/data/time/time.yaml`; `resolve_expression`
turns one into a date given the anchor (publication) date and a direction. The direction is
the caller's decision (past for reports, future for planned acts): that is eventwire's logic,
dateparser only reads the calendar dates.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

LOGGER = logging.getLogger(__name__)

MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
         r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")


@dataclass(slots=True)
class TimeExpr:
    """One time expression: character offsets within its paragraph, and what kind it is."""

    text: str
    start: int  # paragraph-relative
    end: int
    kind: str  # weekday | relative | calendar | ago | vague
    weekday: int | None = None  # 0 = Monday
    modifier: str = ""  # last | next | this | ""
    days: int = 0  # for relative and ago
    has_year: bool = False


@lru_cache(maxsize=1)
def load_vocabulary() -> dict:
    """The shipped time vocabulary (eventwire/data/time/time.yaml), read once."""
    text = resources.files("eventwire.data.time").joinpath("time.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    for key in ("statement_verbs", "accumulation_verbs", "future_governors", "future_auxiliaries", "background_marks",
                "simultaneous_marks", "same_day_words", "vague_units", "weekdays"):
        data[key] = [str(x).lower() for x in data[key]]
    return data


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern]]:
    voc = load_vocabulary()
    days = "|".join(voc["weekdays"])
    numbers = "|".join(sorted(voc["number_words"], key=len, reverse=True))
    rel = "|".join(re.escape(k) for k in sorted(voc["relative_days"], key=len, reverse=True))
    pats = [
        ("calendar", rf"\b{MONTH} \d{{1,2}}(?:st|nd|rd|th)?\b(?:,? \d{{4}}\b)?"),
        ("calendar", rf"\b\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{MONTH}(?:,? \d{{4}}\b)?"),
        ("ago", rf"\b(?:\d+|{numbers}) days? ago\b"),
        ("weekday", rf"\b(?:(?P<mod>last|next|this) )?(?P<day>{days})(?:'s|’s)?(?: (?:morning|afternoon|evening|night))?\b"),
        ("relative", rf"\b(?:{rel})\b"),
    ]
    pats += [("vague", p) for p in voc["vague_patterns"]]
    return [(kind, re.compile(p, re.IGNORECASE)) for kind, p in pats]


def _number(word: str) -> int:
    voc = load_vocabulary()
    return int(word) if word.isdigit() else int(voc["number_words"].get(word.lower(), 0))


def find_expressions(text: str) -> list[TimeExpr]:
    """All time expressions in `text`, leftmost-longest, without overlaps."""
    voc = load_vocabulary()
    found: list[TimeExpr] = []
    for kind, pat in _patterns():
        for m in pat.finditer(text):
            if any(m.start() < e.end and e.start < m.end() for e in found):
                # An earlier (more specific) pattern already holds these words, unless a vague
                # span covers more ("since Friday" beats "Friday").
                if kind != "vague":
                    continue
                found = [e for e in found if not (m.start() <= e.start and e.end <= m.end())]
                if any(m.start() < e.end and e.start < m.end() for e in found):
                    continue
            expr = TimeExpr(m.group(0), m.start(), m.end(), kind)
            low = m.group(0).lower()
            if kind == "weekday":
                expr.weekday = voc["weekdays"].index(m.group("day").lower())
                expr.modifier = (m.group("mod") or "").lower()
            elif kind == "relative":
                expr.days = int(voc["relative_days"][low])
            elif kind == "ago":
                expr.days = -_number(low.split()[0])
            elif kind == "calendar":
                expr.has_year = bool(re.search(r"\d{4}", low))
            found.append(expr)
    return sorted(found, key=lambda e: e.start)


def shift_weekday(anchor: dt.date, weekday: int, direction: str, modifier: str = "") -> dt.date:
    """The `weekday` (0 = Monday) nearest `anchor` in `direction`.

    past: the most recent such day on or before the anchor ("on Sunday" in a Monday story is
    yesterday; "on Monday" is today). future: the next such day on or after it ("will meet on
    Tuesday"). "last"/"next" exclude the anchor's own day.
    """
    if modifier == "last":
        direction = "past"
    elif modifier == "next":
        direction = "future"
    if direction == "future":
        delta = (weekday - anchor.weekday()) % 7
        if delta == 0 and modifier == "next":
            delta = 7
        return anchor + dt.timedelta(days=delta)
    delta = (anchor.weekday() - weekday) % 7
    if delta == 0 and modifier == "last":
        delta = 7
    return anchor - dt.timedelta(days=delta)


def parse_calendar(text: str, anchor: dt.date, direction: str) -> dt.date | None:
    """Read "January 21, 2022" / "21 Jan" with dateparser; a missing year is the nearest one
    in `direction` from the anchor."""
    import dateparser

    prefer = "future" if direction == "future" else "past"
    base = dt.datetime.combine(anchor, dt.time(12))
    parsed = dateparser.parse(text, languages=["en"],
                              settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": prefer,
                                        "REQUIRE_PARTS": ["day", "month"]})
    return parsed.date() if parsed else None


def resolve_expression(expr: TimeExpr, anchor: dt.date, direction: str) -> dt.date | None:
    """The calendar day of `expr`, or None for a vague span."""
    if expr.kind == "weekday":
        return shift_weekday(anchor, expr.weekday, direction, expr.modifier)
    if expr.kind in ("relative", "ago"):
        return anchor + dt.timedelta(days=expr.days)
    if expr.kind == "calendar":
        return parse_calendar(expr.text, anchor, direction)
    return None
