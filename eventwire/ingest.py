"""Read inputs (.txt, .html/.htm, .jsonl, directories, stdin) into `Article` records.

A bad record never stops the stream: it becomes an `Article` with `error` set, so the
caller can report it under its id and go on.
"""
from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from .model import Article

LOGGER = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


class InputError(ValueError):
    """A user-facing problem with an input path (missing file, unsupported type)."""


def normalise_date(value: str | None) -> str | None:
    """Return `YYYY-MM-DD` for an ISO-ish date string, or None.

    Raises:
        ValueError: when a value is given but is not a date.
    """
    if value in (None, ""):
        return None
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", str(value).strip())
    if not m:
        raise ValueError(f"published is not a YYYY-MM-DD date: {value!r}")
    return date(int(m[1]), int(m[2]), int(m[3])).isoformat()


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    if not text:
        return False
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / len(text) > 0.05 or text.count("\ufffd") / len(text) > 0.05


def _decode(raw: bytes, where: str) -> str:
    if b"\x00" in raw[:8192]:
        raise ValueError(f"{where}: binary content, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("utf-8", errors="replace")
    if _looks_binary(text):
        raise ValueError(f"{where}: binary content, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def article_from_record(record: object, default_id: str, published: str | None = None) -> Article:
    """Build an Article from one JSON Lines record; an unusable record gives an error Article."""
    if not isinstance(record, dict):
        return Article(id=default_id, text="", error="record is not a JSON object")
    rid = str(record.get("id") or default_id)
    text, html = record.get("text"), record.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return Article(id=rid, text="", error="record has no 'text' or 'html' string")
    if isinstance(text, str) and not text.strip() and not (isinstance(html, str) and html.strip()):
        return Article(id=rid, text="", error="record has an empty text")
    try:
        own = normalise_date(record.get("published"))
    except ValueError as exc:
        return Article(id=rid, text="", error=str(exc))
    pub = own or published
    body = text if isinstance(text, str) and text.strip() else None
    if body is not None and _looks_binary(body):
        return Article(id=rid, text="", error="record text is binary junk, not language")
    article = Article(id=rid, text=(body or "").replace("\r\n", "\n"), title=record.get("title"),
                      url=record.get("url"), source=record.get("source"), published=pub)
    if body is None:
        article.meta["html"] = html
    if pub and not own:
        article.meta["published_is_default"] = True  # the page's own date (metadata, dateline) wins
    return article


def _read_jsonl_lines(lines: Iterable[str], stem: str, published: str | None) -> Iterator[Article]:
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        default_id = f"{stem}:{n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Article(id=default_id, text="", error=f"line {n} is not JSON: {exc.msg}")
            continue
        yield article_from_record(record, default_id, published)


def date_from_name(stem: str) -> str | None:
    """A file named like `story-2022-01-31.txt` carries its publication date (a crawler convention)."""
    m = re.search(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)", stem)
    if not m:
        return None
    try:
        return normalise_date(m.group(1))
    except ValueError:
        return None


def read_path(path: Path, published: str | None = None) -> Iterator[Article]:
    """Yield the articles in one file; directories are walked in sorted order.

    A plain or HTML file without a `published` option takes a date written in its name.
    """
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED):
            yield from read_path(child, published)
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        with path.open(encoding="utf-8", errors="replace") as fh:
            yield from _read_jsonl_lines(fh, path.stem, published)
        return
    try:
        text = _decode(path.read_bytes(), path.name)
    except (OSError, ValueError) as exc:
        yield Article(id=path.stem, text="", error=str(exc))
        return
    published = published or date_from_name(path.stem)
    if not text.strip():
        yield Article(id=path.stem, text="", error=f"{path.name}: empty file")
        return
    article = Article(id=path.stem, text="" if suffix in HTML_SUFFIXES else text, published=published)
    if suffix in HTML_SUFFIXES:
        article.meta["html"] = text
    if published:
        article.meta["published_is_default"] = True  # a date the page carries itself wins
    yield article


def check_inputs(inputs: Iterable[str]) -> list[str]:
    """Validate paths before any work starts, so a typo fails fast with a clear message."""
    inputs = list(inputs)
    for item in inputs:
        if item == "-":
            continue
        p = Path(item)
        if not p.exists():
            raise InputError(f"no such file or directory: {item}")
        if p.is_file() and p.suffix.lower() not in SUPPORTED:
            raise InputError(f"unsupported input type {p.suffix or '(none)'} for {item}: "
                             f"use {', '.join(sorted(SUPPORTED))} or a directory")
    return inputs


def read_inputs(inputs: Iterable[str], published: str | None = None) -> Iterator[Article]:
    """Yield Articles from files, directories and `-` (JSON Lines on standard input), in order."""
    for item in check_inputs(inputs):
        if item == "-":
            yield from _read_jsonl_lines(sys.stdin, "stdin", published)
        else:
            yield from read_path(Path(item), published)
