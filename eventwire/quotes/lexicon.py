"""The quotes stage's knowledge, read once per process from `eventwire/data/quotes/`."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

LOGGER = logging.getLogger(__name__)

DATA_PACKAGE = "eventwire"


@dataclass(frozen=True, slots=True)
class ReportingVerb:
    lemma: str
    indirect: bool  # its clausal complement is reported speech
    kind: str  # speech | label | chant


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, ReportingVerb]
    person_nouns: frozenset[str]
    female: frozenset[str]
    male: frozenset[str]
    pronouns: dict[str, str]
    collectives: frozenset[str] = frozenset()


def _read_text(name: str) -> str:
    return (resources.files(DATA_PACKAGE) / "data" / "quotes" / name).read_text(encoding="utf-8")


def parse_verbs(text: str, where: str = "reporting_verbs.tsv") -> dict[str, ReportingVerb]:
    """Parse the reporting-verb table.

    Args:
        text (str): the TSV content (`lemma<TAB>indirect<TAB>kind`, # comments).
        where (str): a name for error messages.
    RETURNS (dict[str, ReportingVerb]): by lemma.
    Raises:
        ValueError: on a malformed line.
    """
    verbs: dict[str, ReportingVerb] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 3 or parts[1] not in ("yes", "no"):
            raise ValueError(f"{where}:{number}: expected 'lemma<TAB>yes|no<TAB>kind', got {line!r}")
        lemma = parts[0].strip().lower()
        verbs[lemma] = ReportingVerb(lemma, parts[1] == "yes", parts[2].strip())
    return verbs


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load reporting verbs and speaker words (cached once per process)."""
    verbs = parse_verbs(_read_text("reporting_verbs.tsv"))
    data = yaml.safe_load(_read_text("speakers.yaml")) or {}
    lex = Lexicon(
        verbs=verbs,
        person_nouns=frozenset(w.lower() for w in data.get("person_nouns", [])),
        female=frozenset(w.lower() for w in data.get("female", [])),
        male=frozenset(w.lower() for w in data.get("male", [])),
        pronouns={k.lower(): v for k, v in (data.get("pronouns") or {}).items()},
        collectives=frozenset(w.lower() for w in data.get("collectives", [])),
    )
    LOGGER.debug("quotes lexicon: %d reporting verbs, %d person nouns", len(lex.verbs), len(lex.person_nouns))
    return lex
