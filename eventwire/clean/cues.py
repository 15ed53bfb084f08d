"""Load the cleaning cues (`eventwire/data/clean/cues.yaml`) once per process."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

LOGGER = logging.getLogger(__name__)

LINE_KINDS = {"boilerplate", "navigation", "credit", "caption"}


@dataclass(frozen=True)
class LinePattern:
    kind: str
    regex: re.Pattern
    note: str


@dataclass(frozen=True)
class Cues:
    """Compiled cues; see the header of cues.yaml for what each list means."""

    max_words: int
    line_patterns: tuple[LinePattern, ...]
    cue_regex: re.Pattern
    photo_credit: re.Pattern
    photo_sources: frozenset[str]
    caption_verbs: re.Pattern
    stopwords: frozenset[str]
    agencies: dict[str, str]
    country_aliases: dict[str, str | None]
    us_states: frozenset[str]
    place_countries: dict[str, str | None] = field(default_factory=dict)


def _read_yaml(text: str, where: str) -> dict:
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{where}: cleaning cues must be a YAML mapping")
    return data


def _merge_cues(base: dict, extra: dict) -> dict:
    for key, value in extra.items():
        if isinstance(value, list):
            base[key] = list(base.get(key) or []) + value
        elif isinstance(value, dict):
            base[key] = {**(base.get(key) or {}), **value}
        else:
            base[key] = value
    return base


def compile_cues(data: dict) -> Cues:
    """Compile a cues mapping (the shape of cues.yaml) into regexes and sets.

    Raises:
        ValueError: when a pattern does not compile or a kind is unknown.
    """
    patterns = []
    for entry in data.get("line_patterns") or []:
        kind = entry.get("kind")
        if kind not in LINE_KINDS:
            raise ValueError(f"cleaning cue has unknown kind {kind!r}: {entry}")
        try:
            patterns.append(LinePattern(kind, re.compile(entry["pattern"], re.I), entry.get("note", "")))
        except re.error as exc:
            raise ValueError(f"cleaning cue pattern does not compile: {entry['pattern']!r}: {exc}") from exc
    phrases = sorted({p.lower() for p in data.get("cue_phrases") or []}, key=len, reverse=True)
    cue_regex = (re.compile(r"\b(" + "|".join(re.escape(p) for p in phrases) + r")s?\b", re.I) if phrases
                 else re.compile(r"(?!x)x"))  # a phrase matches its plural too
    verbs = sorted({v.lower() for v in data.get("caption_verbs") or []}, key=len, reverse=True)
    return Cues(
        max_words=int(data.get("max_words", 25)),
        line_patterns=tuple(patterns),
        cue_regex=cue_regex,
        photo_credit=re.compile(data.get("photo_credit") or r"(?!x)x", re.I),
        photo_sources=frozenset(s.lower() for s in data.get("photo_sources") or []),
        # case-sensitive: caption verbs are lower-case ("soldiers march"), months are not ("March 3")
        caption_verbs=re.compile(r"\b(" + "|".join(re.escape(v) for v in verbs) + r")\b"),
        stopwords=frozenset(w.lower() for w in data.get("stopwords") or []),
        agencies=dict(data.get("agencies") or {}),
        country_aliases={k.lower(): v for k, v in (data.get("country_aliases") or {}).items()},
        us_states=frozenset(s.lower() for s in data.get("us_states") or []),
        place_countries={k.lower(): v for k, v in (data.get("place_countries") or {}).items()},
    )


@lru_cache(maxsize=8)
def load_cues(extra_files: tuple[str, ...] = ()) -> Cues:
    """Return the packaged cues, extended by user files of the same shape (lists appended)."""
    packaged = resources.files("eventwire").joinpath("data", "clean", "cues.yaml")
    data = _read_yaml(packaged.read_text(encoding="utf-8"), "cues.yaml")
    for path in extra_files:
        data = _merge_cues(data, _read_yaml(Path(path).read_text(encoding="utf-8"), path))
    return compile_cues(data)
