"""Find the words between quote marks in one paragraph (no NLP: characters only).

Handles straight (") and curly (“ ”, ‘ ’) marks, guillemets and low-9 openers, quotes that run over
several sentences, and quotes left open at the end of a paragraph (the newswire convention for a
quotation that goes on in the next paragraph). Stray closing marks, common in machine-translated
text, are ignored rather than pairing the wrong words.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

LOGGER = logging.getLogger(__name__)

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
STRAIGHT = '"'
# characters after which a straight mark opens rather than closes a quotation
_BEFORE_OPEN = " \t\n([{—–-/:;"
_TRIM_END = " \t\n,."


@dataclass(slots=True)
class QuoteMark:
    """The inner text of one pair of quote marks, offsets relative to the paragraph."""

    start: int
    end: int
    open_end: bool = False  # no closing mark before the paragraph ended
    starts_paragraph: bool = False  # the opening mark is the paragraph's first character

    def text(self, para_text: str) -> str:
        return para_text[self.start:self.end]


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _single_opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not _is_word_char(before) and not after.isspace()


def _single_closes(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not _is_word_char(after)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces and a trailing comma or full stop that sits inside the marks."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRIM_END:
        end -= 1
    return start, end


def find_quote_marks(text: str) -> list[QuoteMark]:
    """Return the top-level quotations of a paragraph, in order.

    Args:
        text (str): one paragraph.
    RETURNS (list[QuoteMark]): inner spans without the marks, trimmed of a trailing comma/full stop.
    """
    found: list[QuoteMark] = []
    opened: int | None = None  # index of the opening mark
    closer = ""
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if opened is None:
            if ch in DOUBLE_OPEN or (ch in DOUBLE_CLOSE and _before(text, i) in _BEFORE_OPEN
                                     and not _after(text, i).isspace()):
                # a closing mark written as an opener ("”word”") is noise for an opener
                opened, closer = i, DOUBLE_CLOSE + STRAIGHT + DOUBLE_OPEN
            elif ch == STRAIGHT and not _after(text, i).isspace() and i + 1 < n:
                opened, closer = i, STRAIGHT + DOUBLE_CLOSE
            elif ch in SINGLE_OPEN + "'" and _single_opens(text, i) and _has_single_close(text, i + 1):
                opened, closer = i, SINGLE_CLOSE + "'"
        else:
            is_close = ch in closer and (closer[0] not in SINGLE_CLOSE + "'" or _single_closes(text, i))
            if ch in DOUBLE_OPEN and is_close:
                # an opening mark used as a closer ("“word“"): only when it ends a word
                is_close = not _before(text, i).isspace() and not _after(text, i).isalnum()
            if is_close:
                _add(found, text, opened, i, open_end=False)
                opened = None
        i += 1
    if opened is not None and closer[0] not in SINGLE_CLOSE + "'":
        # a double quotation left open: it runs to the paragraph's end (continued in the next one)
        _add(found, text, opened, n, open_end=True)
    return found


def _before(text: str, i: int) -> str:
    return text[i - 1] if i > 0 else " "


def _after(text: str, i: int) -> str:
    return text[i + 1] if i + 1 < len(text) else " "


def _has_single_close(text: str, start: int) -> bool:
    for j in range(start, len(text)):
        if text[j] in SINGLE_CLOSE + "'" and _single_closes(text, j):
            return True
        if text[j] == "\n":
            return False
    return False


def _add(found: list[QuoteMark], text: str, opened: int, closed: int, open_end: bool) -> None:
    start, end = _trim(text, opened + 1, closed)
    if end <= start or not any(ch.isalnum() for ch in text[start:end]):
        return
    found.append(QuoteMark(start, end, open_end=open_end, starts_paragraph=not text[:opened].strip()))
