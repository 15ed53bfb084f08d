"""Actor knowledge: the shipped data files under `eventwire/data/actors/` plus users' own files.

Everything is loaded once per process (per set of user files) and indexed by surface form:
`Knowledge.names` maps a name as written ("Kremlin", "Russian", "Moscow", "Sergei Lavrov") to the
entries it may stand for; `Knowledge.roles` maps a lower-cased role phrase ("foreign minister") to
its sector. Matching itself lives in `matcher.py`.
"""
from __future__ import annotations

import json
import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

LOGGER = logging.getLogger(__name__)

DATA_DIR = ("data", "actors")  # inside the eventwire package (package-data), read with importlib.resources
COUNTRY_KINDS = ("country", "demonym", "capital")
NON_ACTOR_KIND = "none"
# Codes that are not ISO countries even though they start with three letters.
NON_COUNTRY_PREFIXES = ("IGO", "IMG", "NGO", "WST", "NAT")


class ActorDataError(ValueError):
    """A malformed actor data file (shipped or user-supplied)."""


@dataclass(frozen=True, slots=True)
class Term:
    """One period during which a person (or organisation) carries `code`."""

    code: str
    start: str | None  # YYYY-MM-DD or None (open)
    end: str | None

    def covers(self, date: str) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing a name can stand for."""

    # country | demonym | capital | igo | west | seat | institution | group | media | business | party
    # | person | none (a listed non-actor)
    kind: str
    code: str
    name: str  # canonical name
    source: str  # data file the entry comes from, for evidence
    terms: tuple[Term, ...] = ()
    gender: str | None = None
    alias: bool = False  # a short form (surname) rather than the full name

    def code_at(self, date: str | None) -> tuple[str, str]:
        """Return (code, why) for the article date: the term covering it, else the latest earlier one."""
        if not self.terms:
            return self.code, ""
        if date:
            for term in self.terms:
                if term.covers(date):
                    label = "period" if self.kind != "person" else \
                        "term" if len(term.code) > 3 else "out of office"
                    return term.code, f"{label} {term.start or '…'}..{term.end or ''}"
            earlier = [t for t in self.terms if t.start is not None and t.start <= date]
            if earlier:
                last = max(earlier, key=lambda t: t.start or "")
                return last.code, f"former ({last.start}..{last.end or ''})"
            first = self.terms[0].code
            # Not yet in office: a person is still of their country, an organisation keeps its code.
            code = first if self.kind != "person" or first.startswith(NON_COUNTRY_PREFIXES) else first[:3]
            return code, f"before first term ({self.terms[0].start})"
        latest = max(self.terms, key=lambda t: t.start or "")
        return latest.code, f"latest term {latest.start or '…'}..{latest.end or ''} (no date)"

    def active_by(self, date: str | None) -> bool:
        """True when the person has held a listed role by `date` (aliases only resolve from then on)."""
        if not self.terms or not date:
            return True
        starts = [t.start for t in self.terms]
        return any(s is None or s <= date for s in starts)


@dataclass(frozen=True, slots=True)
class Role:
    phrase: str  # lower-cased
    sector: str | None  # None for generic person nouns (official, leader, spokesman)
    source: str
    explicit: bool = False  # weapons/vehicles: an actor only with their own country or organisation


@dataclass
class Knowledge:
    names: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    roles: dict[str, Role] = field(default_factory=dict)
    iso3: set[str] = field(default_factory=set)
    country_names: dict[str, str] = field(default_factory=dict)  # ISO3 -> canonical name
    # Historical people looked up by spaCy PERSON entity text only (too many to tokenise into a matcher).
    extra_people: dict[str, Entry] = field(default_factory=dict)
    person_titles: set[str] = field(default_factory=set)
    affiliation_prefixes: set[str] = field(default_factory=set)
    ethnic_markers: set[str] = field(default_factory=set)
    national_when_qualified: dict[str, str] = field(default_factory=dict)
    context_veto: dict[str, list[str]] = field(default_factory=dict)
    # Case-insensitive matching: lower-cased surface -> the shipped surfaces it may stand for. `casefold`
    # holds distinctive names ("obama", "tunisian", "israel"); `casefold_people` holds people whose name
    # is an ordinary word ("trump", "pence"), read as names only after a title or as a spaCy PERSON.
    common_words: set[str] = field(default_factory=set)
    casefold: dict[str, list[str]] = field(default_factory=dict)
    casefold_people: dict[str, list[str]] = field(default_factory=dict)
    collective_nouns: set[str] = field(default_factory=set)  # "groups" in "opposition groups"
    fuzzy_never: set[str] = field(default_factory=set)  # near-misses of country names that are other places
    envoy_nouns: set[str] = field(default_factory=set)  # "Syria's UN envoy" stays one phrase
    border_nouns: set[str] = field(default_factory=set)  # "near the Chinese border" is no place in China

    def add_name(self, surface: str, entry: Entry) -> None:
        surface = surface.strip()
        if not surface:
            return
        bucket = self.names[surface]
        # One entry per (kind, code): a later, more specific source does not duplicate pycountry.
        if not any(e.kind == entry.kind and e.code == entry.code and e.name == entry.name for e in bucket):
            bucket.append(entry)


def is_distinctive(surface: str, common_words: set[str]) -> bool:
    """True when a name's lower-case form is no ordinary English phrase ("obama", "tunisian", "new zealand",
    "international criminal court"), so it may be matched whatever its case; "turkey", "chad", "us",
    "white house" are not. Three-letter-or-shorter names are never matched case-insensitively."""
    words = surface.lower().replace("-", " ").split()
    if len(surface.replace(" ", "")) <= 3 or not words:
        return False
    return len(words) >= 3 or not all(w in common_words for w in words)


def _index_casefold(kb: Knowledge) -> None:
    """Fill kb.casefold / kb.casefold_people from the names loaded so far (the shipped data)."""
    for surface, entries in kb.names.items():
        key = surface.lower()
        if all(e.kind == NON_ACTOR_KIND for e in entries) or is_distinctive(surface, kb.common_words):
            kb.casefold.setdefault(key, []).append(surface)
        elif any(e.kind == "person" for e in entries) and len(surface) > 3:
            kb.casefold_people.setdefault(key, []).append(surface)


def split_code(code: str | None, iso3: set[str]) -> tuple[str | None, str | None]:
    """Split `RUSGOV` into (`RUS`, `GOV`); IGO/NATO/WST codes have no country."""
    if not code:
        return None, None
    head = code[:3]
    if head in iso3 and not code.startswith(NON_COUNTRY_PREFIXES):
        return head, (code[3:6] or None)
    return None, None


def _parse_term(text: str, where: str) -> Term:
    match = re.fullmatch(r"\s*([A-Z]{3,9})\s+(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?\s*", str(text))
    if not match:
        raise ActorDataError(f"{where}: term {text!r} is not 'CODE YYYY-MM-DD..YYYY-MM-DD'")
    return Term(match.group(1), match.group(2), match.group(3))


def _plural(word: str) -> str:
    last = word.split()[-1] if " " in word else word
    if last.endswith(("s", "x", "sh", "ch")):
        plural = last + "es" if not last.endswith("s") else last
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        plural = last[:-1] + "ies"
    elif last.endswith("man"):
        plural = last[:-3] + "men"
    else:
        plural = last + "s"
    return word[: len(word) - len(last)] + plural


def _read_text(name: str) -> str:
    return resources.files("eventwire").joinpath(*DATA_DIR, name).read_text(encoding="utf-8")


def _load_countries(kb: Knowledge, text: str, source: str, skip: set[str]) -> None:
    import pycountry

    for country in pycountry.countries:
        kb.iso3.add(country.alpha_3)
        kb.country_names.setdefault(country.alpha_3, getattr(country, "common_name", None) or country.name)
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value and "(" not in value and value not in skip:
                kb.add_name(value, Entry("country", country.alpha_3, kb.country_names[country.alpha_3], "pycountry"))
    kb.iso3.add("XKX")  # Kosovo: user-assigned, widely used in event data
    _load_countries_rows(kb, text, source)


def _load_organisations(kb: Knowledge, items: list, source: str) -> None:
    for i, item in enumerate(items or []):
        where = f"{source}#{i + 1}"
        if not isinstance(item, dict) or "code" not in item or "names" not in item:
            raise ActorDataError(f"{where}: an organisation needs 'code' and 'names'")
        terms = tuple(Term(p["code"], _date(p.get("from")), _date(p.get("to"))) for p in item.get("periods") or [])
        names = [str(n) for n in item["names"]]
        entry = Entry(str(item.get("kind", "organisation")), str(item["code"]), names[0], where, terms)
        for surface in names:
            kb.add_name(surface, entry)


def _date(value) -> str | None:
    return None if value in (None, "") else str(value)


def _load_people(kb: Knowledge, items: list, source: str) -> None:
    for i, item in enumerate(items or []):
        where = f"{source}#{i + 1}"
        if not isinstance(item, dict) or "name" not in item or "terms" not in item:
            raise ActorDataError(f"{where}: a person needs 'name' and 'terms'")
        terms = tuple(_parse_term(t, where) for t in item["terms"])
        name = str(item["name"])
        full = Entry("person", terms[0].code, name, where, terms, item.get("gender"))
        kb.add_name(name, full)
        for alias in item.get("aliases") or []:
            is_short = len(str(alias).split()) == 1
            kb.add_name(str(alias), Entry("person", terms[0].code, name, where, terms, item.get("gender"), is_short))


def _load_people_rows(kb: Knowledge, text: str, source: str) -> None:
    """Rows `NAME<TAB>aliases<TAB>terms` (derived files such as phoenix_people.tsv)."""
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 3:
            raise ActorDataError(f"{source}:{lineno}: expected 3 tab-separated cells, got {len(cells)}")
        name, aliases, terms_cell = cells
        where = f"{source}:{lineno}"
        terms = tuple(_parse_term(t, where) for t in terms_cell.split("|"))
        entry = Entry("person", terms[0].code, name, where, terms)
        for surface in [name] + ([] if aliases == "-" else aliases.split("|")):
            kb.extra_people.setdefault(surface, entry)


def _load_roles(kb: Knowledge, mapping: dict, source: str) -> None:
    for sector, phrases in (mapping or {}).items():
        if sector == "COLLECTIVE":  # group nouns that take the sector of the role before them
            kb.collective_nouns |= {str(p).lower() for p in phrases or []}
            kb.collective_nouns |= {_plural(str(p).lower()) for p in phrases or []}
            continue
        real_sector = None if sector == "GENERIC" else str(sector)
        for item in phrases or []:
            options: dict = {}
            if isinstance(item, dict):
                (phrase, options), = item.items()
                options = options or {}
            else:
                phrase = item
            phrase = str(phrase).lower()
            role = Role(phrase, options.get("sector", real_sector), f"{source}:{sector}", bool(options.get("explicit")))
            # A specific sector never gives way to a generic listing of the same phrase.
            if phrase not in kb.roles or kb.roles[phrase].sector is None:
                kb.roles[phrase] = role
            plural = str(options.get("plural") or _plural(phrase)).lower()
            if plural not in kb.roles or kb.roles[plural].sector is None:
                kb.roles[plural] = Role(plural, role.sector, role.source, role.explicit)


def _load_user_file(kb: Knowledge, path: str) -> None:
    """A user file: YAML with any of `countries`, `organisations`, `people`, `roles`, or JSON Lines of
    organisation (`code`, `names`) and person (`name`, `terms`) objects."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise ActorDataError(f"cannot read actor file {path}: {exc}") from exc
    source = file.name
    if file.suffix == ".jsonl":
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ActorDataError(f"{source}:{lineno}: not JSON: {exc}") from exc
            if "terms" in item:
                _load_people(kb, [item], f"{source}:{lineno}")
            else:
                _load_organisations(kb, [item], f"{source}:{lineno}")
        return
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise ActorDataError(f"{source}: not YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ActorDataError(f"{source}: expected a mapping with countries/organisations/people/roles")
    for country in data.get("countries") or []:
        row = "\t".join(["|".join(country.get(k) or []) or "-" for k in ("names", "demonyms", "capitals")])
        _load_countries_rows(kb, f"{country['code']}\t{row}", source)
    _load_organisations(kb, data.get("organisations"), source)
    _load_people(kb, data.get("people"), source)
    _load_roles(kb, data.get("roles"), source)


def _load_countries_rows(kb: Knowledge, text: str, source: str) -> None:
    """Rows `CODE<TAB>names<TAB>demonyms<TAB>capitals` ("|"-separated cells, "-" for none)."""
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != 4:
            raise ActorDataError(f"{source}:{lineno}: expected 4 tab-separated cells, got {len(cells)}")
        code, names, demonyms, capitals = cells
        kb.iso3.add(code)
        first = names.split("|")[0] if names != "-" else kb.country_names.get(code, code)
        kb.country_names[code] = first
        for kind, cell in (("country", names), ("demonym", demonyms), ("capital", capitals)):
            if cell != "-":
                for surface in cell.split("|"):
                    kb.add_name(surface, Entry(kind, code, first, f"{source}:{lineno}"))


@lru_cache(maxsize=8)
def load_knowledge(actor_files: tuple[str, ...] = ()) -> Knowledge:
    """Load the shipped actor data plus `actor_files` (YAML or JSONL), once per process.

    Args:
        actor_files (tuple[str, ...]): user files that extend the shipped dictionaries.
    Returns:
        Knowledge: the indexed names and roles.
    Raises:
        ActorDataError: a data file is malformed.
    """
    kb = Knowledge()
    ambiguous = yaml.safe_load(_read_text("ambiguous.yaml")) or {}
    kb.person_titles = {str(t) for t in ambiguous.get("person_titles") or []}
    kb.affiliation_prefixes = {str(t).lower() for t in ambiguous.get("affiliation_prefixes") or []}
    kb.ethnic_markers = {str(t) for t in ambiguous.get("ethnic_markers") or []}
    kb.national_when_qualified = {str(k): str(v) for k, v in (ambiguous.get("national_when_qualified") or {}).items()
                                  if v}
    kb.context_veto = {str(k): [str(c) for c in v] for k, v in (ambiguous.get("context_veto") or {}).items()}
    skip = {str(s) for s in ambiguous.get("skip_names") or []}
    kb.fuzzy_never = {str(s) for s in ambiguous.get("fuzzy_never") or []}
    kb.envoy_nouns = {str(s).lower() for s in ambiguous.get("envoy_nouns") or []}
    kb.border_nouns = {str(s).lower() for s in ambiguous.get("border_nouns") or []}
    kb.common_words = {ln.strip() for ln in _read_text("common_words.txt").splitlines()
                       if ln.strip() and not ln.startswith("#")}
    _load_countries(kb, _read_text("countries.tsv"), "countries.tsv", skip)
    for surface in ambiguous.get("not_actors") or []:
        kb.add_name(str(surface), Entry("none", "none", str(surface), "ambiguous.yaml:not_actors"))
    _load_organisations(kb, yaml.safe_load(_read_text("organisations.yaml")), "organisations.yaml")
    _load_people(kb, yaml.safe_load(_read_text("people.yaml")), "people.yaml")
    _load_people_rows(kb, _read_text("phoenix_people.tsv"), "phoenix_people.tsv")
    _load_roles(kb, yaml.safe_load(_read_text("roles.yaml")), "roles.yaml")
    # Only shipped names are matched case-insensitively: their words were checked against a dictionary.
    _index_casefold(kb)
    for path in actor_files:
        _load_user_file(kb, path)
    LOGGER.info("actor knowledge: %d names, %d roles, %d user files", len(kb.names), len(kb.roles), len(actor_files))
    return kb
