"""The event coder's knowledge: CAMEO table, verb patterns and status words, loaded from data files."""
from __future__ import annotations

import csv
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

LOGGER = logging.getLogger(__name__)

DATA = "eventwire.data.events"


class _Loader(yaml.SafeLoader):
    """YAML 1.1 reads on/off/yes/no as booleans; in word lists they are words ("call on", "call off")."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"),
                              list("tf"))


class PatternError(ValueError):
    """A pattern file that cannot be used (unknown key, missing code, unknown CAMEO code)."""


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None


@dataclass(frozen=True)
class Pattern:
    """One row of patterns.yaml; see the header of that file for what each key means."""

    id: str
    lemmas: frozenset[str]
    code: str
    particle: str | None = None
    particle_any: bool = False
    object: frozenset[str] | None = None
    object_preps: tuple[str, ...] = ()
    object_not: frozenset[str] | None = None
    object_adj: frozenset[str] | None = None
    object_place: bool = False
    prep: str | None = None
    subject_words: frozenset[str] | None = None
    subject_not: frozenset[str] | None = None
    modifiers: dict = field(default_factory=dict)
    target: tuple[str, ...] = ("dobj", "dative", "with", "against", "to", "on", "at", "into", "from")
    no_target: bool = False
    reciprocal: bool = False
    defer_to_complement: bool = False
    object_person: bool = False
    default_target_sector: str | None = None
    nominal: bool = False
    fallback: bool = True
    recipient_subject: bool = False
    main_verb_only: bool = False  # not when the trigger is a participle tacked on ("..., killing five")
    complement_aux: frozenset[str] | None = None  # a reported clause with this modal ("said Iran must ...")
    needs_clause: bool = False  # a reported clause is required ("admitted that ...")
    needs_infinitive: bool = False  # a "to" complement is required ("called Venezuela to publish")
    no_clause: bool = False  # silent when its complement was coded ("refused to receive ...")
    intransitive: bool = False  # no direct object, not passive ("demonstrated" as protesting)
    source_in_object: bool = False  # the doer modifies the object noun ("killed in Israeli shelling")
    mutual: bool = False  # a joint act: "A met B" is also B meeting A
    implied_source_sector: str | None = None  # "a suspect was detained": the patient's country + COP
    igo_target_code: str | None = None  # the code when the target is an IGO ("withdrew from ECOWAS")
    converse_code: str | None = None  # the other side's act: hosting B (043) is B's visit (042)
    confidence: float = 0.85
    source_file: str = "patterns.yaml"

    @property
    def specificity(self) -> int:
        """Patterns with more conditions are tried first ("hold talks" before "hold")."""
        return sum(bool(x) for x in (self.particle, self.object, self.prep, self.subject_words,
                                     self.object_adj, self.object_place, self.complement_aux, self.needs_clause,
                                     self.needs_infinitive))


_LIST_KEYS = {"lemmas", "object", "object_not", "object_adj", "subject_words", "subject_not", "complement_aux"}
_KNOWN = {f for f in Pattern.__dataclass_fields__} - {"source_file"}


def _expand(value, groups: dict, where: str) -> list[str]:
    if isinstance(value, str):
        if value.startswith("@"):
            if value[1:] not in groups:
                raise PatternError(f"{where}: unknown group {value}")
            return list(groups[value[1:]])
        return [value]
    out: list[str] = []
    for item in value or []:
        out += _expand(item, groups, where)
    return out


def _build_pattern(raw: dict, groups: dict, source: str, table: dict) -> Pattern:
    where = f"{source}: pattern {raw.get('id', '?')}"
    unknown = set(raw) - _KNOWN
    if unknown:
        raise PatternError(f"{where}: unknown keys {sorted(unknown)}")
    if not raw.get("id") or not raw.get("lemmas") or not raw.get("code"):
        raise PatternError(f"{where}: id, lemmas and code are required")
    kwargs = dict(raw)
    for key in _LIST_KEYS & set(raw):
        kwargs[key] = frozenset(w.lower() for w in _expand(raw[key], groups, where))
    for key in ("object_preps", "target"):
        if key in raw:
            kwargs[key] = tuple(raw[key])
    kwargs["code"] = str(raw["code"])
    kwargs["modifiers"] = {str(k).lower(): str(v) for k, v in (raw.get("modifiers") or {}).items()}
    extra = []
    for key in ("igo_target_code", "converse_code"):
        if key in raw:
            kwargs[key] = str(raw[key])
            extra.append(kwargs[key])
    for code in [kwargs["code"], *kwargs["modifiers"].values(), *extra]:
        if code not in table:
            raise PatternError(f"{where}: {code} is not a CAMEO code in cameo.tsv")
    return Pattern(source_file=source, **kwargs)


@lru_cache(maxsize=1)
def load_cameo() -> dict[str, CameoCode]:
    """CAMEO code -> name, Goldstein, QuadClass and PLOVER type/mode (data/events/cameo.tsv)."""
    text = resources.files(DATA).joinpath("cameo.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((ln for ln in text.splitlines() if not ln.startswith("#")), delimiter="\t")
    return {r["code"]: CameoCode(r["code"], r["name"], float(r["goldstein"]), int(r["quad_class"]),
                                 r["plover_type"] or None, r["plover_mode"] or None) for r in rows}


def _read_yaml(path_or_name: str) -> tuple[dict, str]:
    if Path(path_or_name).is_file():
        return yaml.load(Path(path_or_name).read_text(encoding="utf-8"), Loader=_Loader) or {}, str(path_or_name)
    text = resources.files(DATA).joinpath(path_or_name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=_Loader) or {}, path_or_name


@lru_cache(maxsize=8)
def load_patterns(extra_files: tuple[str, ...] = ()) -> dict[str, list[Pattern]]:
    """Return lemma -> patterns (most specific first). User files extend or replace by id.

    Raises:
        PatternError: a pattern file has an unknown key, group or CAMEO code.
    """
    table = load_cameo()
    by_id: dict[str, Pattern] = {}
    for name in ("patterns.yaml", *extra_files):
        doc, source = _read_yaml(name)
        groups = doc.get("groups") or {}
        for raw in doc.get("patterns") or []:
            pattern = _build_pattern(raw, groups, source, table)
            by_id[pattern.id] = pattern
    index: dict[str, list[Pattern]] = {}
    for pattern in by_id.values():
        for lemma in pattern.lemmas:
            index.setdefault(lemma, []).append(pattern)
    for plist in index.values():
        plist.sort(key=lambda p: -p.specificity)
    LOGGER.info("loaded %d event patterns", len(by_id))
    return index


@dataclass(frozen=True)
class StatusWords:
    future_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    intent_heads: frozenset[str]
    threat_heads: frozenset[str]
    negating_heads: frozenset[str]
    directive_heads: frozenset[str]
    allegation_heads: frozenset[str]
    claim_heads: frozenset[str]
    agreement_heads: frozenset[str]
    conditional_marks: frozenset[str]
    speculative_heads: frozenset[str]
    desire_heads: frozenset[str]
    belief_heads: frozenset[str]
    intent_nouns: frozenset[str]
    refusal_heads: frozenset[str]
    describing_nouns: frozenset[str]
    agreed_pending: tuple[str, ...]
    future_codes: dict
    refusal_codes: dict


@lru_cache(maxsize=1)
def load_status_words() -> StatusWords:
    doc, _ = _read_yaml("status.yaml")
    lists = {k: frozenset(str(w).lower() for w in doc[k]) for k in
             ("future_aux", "hypothetical_aux", "intent_heads", "threat_heads", "negating_heads", "directive_heads", "allegation_heads", "claim_heads", "agreement_heads",
              "conditional_marks", "speculative_heads", "desire_heads", "belief_heads", "intent_nouns",
              "refusal_heads", "describing_nouns")}
    return StatusWords(future_codes={str(k): tuple(v) for k, v in doc["future_codes"].items()},
                       refusal_codes={str(k): str(v) for k, v in doc["refusal_codes"].items()},
                       agreed_pending=tuple(str(c) for c in doc["agreed_pending"]), **lists)


@dataclass(frozen=True)
class GrammarWords:
    """Word classes of data/events/grammar.yaml (see its comments)."""

    object_control: frozenset[str]
    allegation_control: frozenset[str]
    sponsor_participles: frozenset[str]
    quantity_nouns: frozenset[str]
    place_nouns: frozenset[str]
    referring_pronouns: frozenset[str]
    first_person: frozenset[str]
    reciprocal: frozenset[str]
    state_sectors: frozenset[str]
    event_nouns: frozenset[str]
    agentless_nouns: frozenset[str]
    partner_nouns: frozenset[str]
    speech_acts: frozenset[str]
    reporting_verbs: frozenset[str]
    never_passive: frozenset[str]
    state_protest_sectors: frozenset[str]
    state_roles: frozenset[str]
    event_noun_roots: dict  # noun -> CAMEO roots of the act it names
    state_protest_verbs: dict  # protest verb -> its code when a state does it
    affiliate_nouns: dict  # "supporters of X" -> X's country with this sector


_KEEP_CASE = {"state_sectors", "state_protest_sectors"}


@lru_cache(maxsize=1)
def load_grammar_words() -> GrammarWords:
    doc, _ = _read_yaml("grammar.yaml")
    mappings = {"event_noun_roots", "state_protest_verbs", "affiliate_nouns"}
    lists = {k: frozenset(str(w) if k in _KEEP_CASE else str(w).lower() for w in doc[k])
             for k in GrammarWords.__dataclass_fields__ if k not in mappings}
    roots = {str(k).lower(): tuple(str(r) for r in v) for k, v in (doc.get("event_noun_roots") or {}).items()}
    protest = {str(k).lower(): str(v) for k, v in (doc.get("state_protest_verbs") or {}).items()}
    affiliates = {str(k).lower(): str(v) for k, v in (doc.get("affiliate_nouns") or {}).items()}
    return GrammarWords(event_noun_roots=roots, state_protest_verbs=protest, affiliate_nouns=affiliates, **lists)


class ConventionsError(ValueError):
    """A conventions file that cannot be used (unknown name, unknown key or value)."""


@dataclass(frozen=True)
class Conventions:
    """How coded events are written down (data/events/conventions/*.yaml; see cameo.yaml)."""

    name: str
    future_recode: bool = True
    joint_compound: str = "pairs"  # pairs | separate
    agreed_acts: str = "act"  # act: "agreed to lift sanctions" is the lifting (085); intent: 0354
    actor_rewrites: tuple[tuple[str, str, str], ...] = ()  # (kind "code"|"prefix", match, replacement)

    def rewrite(self, code: str | None) -> str | None:
        for kind, match, to in self.actor_rewrites:
            if code and (code == match if kind == "code" else code.startswith(match)):
                return to
        return code


def conventions_names() -> list[str]:
    folder = resources.files(DATA).joinpath("conventions")
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml"))


@lru_cache(maxsize=8)
def load_conventions(name_or_path: str = "cameo") -> Conventions:
    """A shipped conventions set by name ("cameo", "plover-gsr", "petrarch2") or a YAML file.

    Raises:
        ConventionsError: unknown name, key or value.
    """
    if Path(name_or_path).is_file():
        doc, source = _read_yaml(name_or_path)
    elif name_or_path in conventions_names():
        doc, source = _read_yaml(f"conventions/{name_or_path}.yaml")
    else:
        raise ConventionsError(f"unknown conventions {name_or_path!r}: use one of {conventions_names()} or a file")
    unknown = set(doc) - {"future_recode", "joint_compound", "agreed_acts", "actor_rewrites"}
    if unknown:
        raise ConventionsError(f"{source}: unknown keys {sorted(unknown)}")
    joint = doc.get("joint_compound", "pairs")
    if joint not in ("pairs", "separate"):
        raise ConventionsError(f"{source}: joint_compound must be pairs or separate, not {joint!r}")
    agreed = doc.get("agreed_acts", "act")
    if agreed not in ("act", "intent"):
        raise ConventionsError(f"{source}: agreed_acts must be act or intent, not {agreed!r}")
    rewrites = []
    for rule in doc.get("actor_rewrites") or []:
        kind = "code" if "code" in rule else "prefix" if "prefix" in rule else None
        if kind is None or "to" not in rule:
            raise ConventionsError(f"{source}: an actor rewrite needs code or prefix, and to: {rule}")
        rewrites.append((kind, str(rule[kind]), str(rule["to"])))
    return Conventions(Path(source).stem, bool(doc.get("future_recode", True)), joint, agreed, tuple(rewrites))

