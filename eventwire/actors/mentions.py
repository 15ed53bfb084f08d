"""Actor mentions: from matched names, role nouns and spaCy entities to resolved `ActorMention`s.

Per paragraph Doc:
1. units: known names and role nouns (`matcher.py`), PERSON/ORG entities the data does not know,
   and the possessive determiners "its"/"their";
2. phrases: adjacent units joined through "'s", "of (the)", "in" and name appositions
   ("Russian Foreign Ministry spokeswoman Maria Zakharova", "the chairman of the Senate ... Committee");
3. resolution: a known person's dated term wins; else an organisation's code; else the country from a
   modifier/possessive/complement plus the sector of the head role noun; a role with no country takes
   it from the sentence, the dateline or the article so far;
4. document passes: surname coreference ("Lavrov" after "Sergei Lavrov") and he/she pronouns.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from .knowledge import COUNTRY_KINDS, Entry, Knowledge, Role, split_code
from .matcher import Matchers, find_candidates

LOGGER = logging.getLogger(__name__)

POSSESSIVE = {"'s", "’s", "'", "’"}
POSS_PRONOUNS = {"its", "their"}
PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
ORG_KINDS = ("igo", "ngo", "west", "group")  # their code never takes a country or sector from the phrase
NON_ACTOR = "none"
FORMER = {"former", "ex", "ex-"}
NON_STATE = ("REB", "OPP")
# Prepositions whose object is where an event happens: a country there may give a role its country.
LOCATIVE = {"in", "at", "across", "throughout", "inside", "within", "near", "around", "outside", "into"}  # "rebel commander", "opposition spokesman": the non-state noun decides


@dataclass(slots=True)
class Unit:
    start: int  # token indices in the Doc
    end: int
    kind: str  # name | role | person | org | poss
    entry: Entry | None = None
    role: Role | None = None
    possessor: bool = False  # followed by 's: it owns the next unit ("Egypt's", "Putin's")
    join: str = ""  # how it attached to the phrase before it (adjacent, of, in, possessive, apposition)
    collective: bool = False  # role word + group noun ("militant groups")


@dataclass(slots=True)
class Draft:
    """A mention before document-level passes; token offsets plus resolution."""

    doc: object
    para_start: int
    start: int
    end: int
    name: str
    code: str | None
    country: str | None
    sector: str | None
    role: str
    evidence: str
    needs_country: bool = False
    gender: str | None = None
    person_name: str | None = None  # the person's name tokens, for coreference
    refers_back: bool = False  # "the militant group": only an earlier mention of its sector gives its country

    @property
    def char_start(self) -> int:
        return self.para_start + self.doc[self.start].idx

    @property
    def char_end(self) -> int:
        last = self.doc[self.end - 1]
        return self.para_start + last.idx + len(last.text)


@dataclass
class Context:
    """What one article's resolution knows so far."""

    kb: Knowledge
    date: str | None
    dateline_country: str | None
    history: list[Draft] = field(default_factory=list)  # resolved mentions with a country, in order


# ---------------------------------------------------------------- units

def _sentence_text(doc, i: int) -> str:
    return doc[i].sent.text if doc.has_annotation("SENT_START") else doc.text


def _sentence_start(doc, i: int) -> int:
    """Token index where token i's sentence starts (0 when the Doc has no sentence boundaries)."""
    return doc[i].sent.start if doc.has_annotation("SENT_START") else 0


def _is_vetoed(doc, cand_start: int, surface: str, kb: Knowledge) -> bool:
    cues = kb.context_veto.get(surface) or next(
        (v for k, v in kb.context_veto.items() if k.lower() == surface.lower()), None)
    if not cues:
        return False
    sent = _sentence_text(doc, cand_start)
    return any(re.search(r"(?<!\w)" + re.escape(cue) + r"(?!\w)", sent, re.IGNORECASE) for cue in cues)


def build_units(doc, matchers: Matchers, ctx: Context) -> list[Unit]:
    """Known names, role nouns, unknown PERSON/ORG entities and its/their, in token order."""
    kb = matchers.knowledge
    units: list[Unit] = []
    covered = [False] * len(doc)
    person_ents = [e for e in doc.ents if e.label_ == "PERSON"]
    for cand in find_candidates(doc, matchers):
        if cand.role is not None:
            unit = Unit(cand.start, cand.end, "role", role=cand.role, collective=cand.collective)
        else:
            entry = _choose_entry(doc, cand.start, cand.end, cand.entries, kb, ctx.date, person_ents,
                                  cand.surface)
            if entry is None:
                continue
            unit = Unit(cand.start, cand.end, "person" if entry.kind == "person" else "name", entry=entry)
        for i in range(unit.start, unit.end):
            covered[i] = True
        if unit.entry is None or unit.entry.kind != NON_ACTOR:  # a listed non-actor only blocks its words
            units.append(unit)
    for ent in doc.ents:
        # A role noun inside a proper name we do not know ("Committee to Protect Journalists") is no actor;
        # one that heads the name ("the government of Sindh province") still is.
        if ent.label_ not in ("ORG", "FAC", "EVENT", "WORK_OF_ART", "LAW"):
            continue
        inside = [u for u in units if u.kind == "role" and ent.start <= u.start and u.end <= ent.end
                  and any(not covered[i] and doc[i].is_alpha and doc[i].text[:1].isupper()
                          for i in range(ent.start, u.start))]
        if inside:
            for u in inside:
                units.remove(u)
                for i in range(u.start, u.end):
                    covered[i] = False
    for tok in doc:
        # A misspelt country ("Quatar", "Ethopia"): a proper noun on its own (spaCy's label for an unknown
        # spelling is unreliable, but never PERSON) one edit from exactly one country name.
        if tok.pos_ == "PROPN" and not covered[tok.i] and tok.ent_type_ != "PERSON" \
                and (not tok.ent_type_ or (tok.ent_iob_ == "B" and (tok.i + 1 == len(doc) or doc[tok.i + 1].ent_iob_ != "I"))):
            entry = _fuzzy_country(tok.text, kb)
            if entry is not None:
                units.append(Unit(tok.i, tok.i + 1, "name", entry=entry))
                covered[tok.i] = True
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG"):
            continue
        free = [i for i in range(ent.start, ent.end) if not covered[i]]
        if not free:
            continue
        # Take the uncovered tail of the entity (a title before a name is already a role unit).
        start = free[0]
        if ent.label_ == "ORG" and len(free) != len(ent):
            continue  # partly known organisation names are left to the known part
        if any(covered[i] for i in range(start, ent.end)):
            continue
        if not any(doc[i].is_alpha and doc[i].text[:1].isupper() for i in range(start, ent.end)):
            continue
        entry = kb.extra_people.get(doc[start:ent.end].text) if ent.label_ == "PERSON" else None
        if entry is not None and entry.kind == "person" and doc[start:ent.end].text in kb.names:
            entry = None  # the curated files know this name under another reading
        units.append(Unit(start, ent.end, "person" if ent.label_ == "PERSON" else "org", entry=entry))
        for i in range(start, ent.end):
            covered[i] = True
    for tok in doc:
        if not covered[tok.i] and tok.lower_ in POSS_PRONOUNS and tok.tag_ == "PRP$":
            units.append(Unit(tok.i, tok.i + 1, "poss"))
    units.sort(key=lambda u: u.start)
    for unit in units:
        if unit.end < len(doc) and doc[unit.end].text in POSSESSIVE:
            unit.possessor = True
    return units


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by one insertion, deletion, substitution or swap of neighbours."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[i:] == long_[i + 1:]


def _fuzzy_country(text: str, kb: Knowledge) -> Entry | None:
    """The one country name a capitalised single word misses by one edit, keeping its first letter; names of
    five letters or more only, and never a listed near-miss that is another place (fuzzy_never)."""
    if len(text) < 5 or not text[:1].isupper() or text in kb.fuzzy_never or text in kb.names:
        return None
    hits = {e.code: e for surface, entries in kb.names.items()
            if len(surface) >= 5 and " " not in surface and surface[0] == text[0] and _one_edit(surface, text)
            for e in entries if e.kind == "country"}
    if len(hits) != 1:
        return None
    entry = next(iter(hits.values()))
    return Entry(entry.kind, entry.code, entry.name, f"{entry.source}; near-miss spelling '{text}'")


def _choose_entry(doc, start: int, end: int, entries: list[Entry], kb: Knowledge, date: str | None,
                  person_ents, surface: str | None = None) -> Entry | None:
    surface = surface or doc[start:end].text
    inside_person = next((e for e in person_ents if e.start <= start and end <= e.end and len(e) > end - start), None)
    prev = doc[start - 1].text if start > 0 else ""
    people = [e for e in entries if e.kind == "person"]
    others = [e for e in entries if e.kind != "person"]
    if people:
        # Several people share a short name ("Bush"): the one in office at the date, else the latest started.
        in_office = [e for e in people if date and any(t.covers(date) and len(t.code) > 3 for t in e.terms)]
        started = [e for e in people if e.active_by(date)]
        person = (in_office or sorted(started, key=lambda e: max(t.start or "" for t in e.terms) if e.terms else "",
                                      reverse=True) or people)[0]
        label = doc[start].ent_type_
        # A surname alias the tagger took for a place ("condolences to Erdogan": GPE) is still the person
        # when no country or organisation shares the name.
        ok = not person.alias or (person.active_by(date) and inside_person is None
                                  and (label in ("", "PERSON", "NORP") or not others))
        if ok:
            return person
    if not others:
        return None
    if inside_person is not None or prev in kb.person_titles:
        return None  # "Michael Jordan", "Mr Chad": a person's name, not the country
    if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in kb.affiliation_prefixes:
        return None  # "pro-Russian rebels" are not Russia; the head noun takes its country from context
    if prev in kb.ethnic_markers and all(e.kind == "demonym" for e in others):
        return None  # "ethnic Albanian guerrillas" are not Albania's
    if _is_vetoed(doc, start, surface, kb):
        return None
    return others[0]


# ---------------------------------------------------------------- phrases

def _gap(doc, a: Unit, b: Unit) -> list[str]:
    return [t.lower_ for t in doc[a.end:b.start]]


def _kind(unit: Unit) -> str:
    if unit.kind == "name":
        return "country" if unit.entry.kind in COUNTRY_KINDS else "org"
    return unit.kind


def _portfolio_of(doc, last: Unit, unit: Unit, gap: list[str]) -> bool:
    """A portfolio between an office and its country, as translated text writes it:
    "of foreign affairs of", "of health of the"."""
    if len(gap) < 3 or gap[0] != "of" or not (gap[-1] == "of" or gap[-2:] == ["of", "the"]):
        return False
    middle = doc[last.end + 1:unit.start - (2 if gap[-1] == "the" else 1)]
    return 0 < len(middle) <= 3 and all(t.pos_ in ("NOUN", "PROPN", "ADJ", "CCONJ") for t in middle)


def _joins(doc, group: list[Unit], unit: Unit, kb: Knowledge) -> str | None:
    """How `unit` attaches to the phrase `group`, or None when it starts a new phrase."""
    last = group[-1]
    gap = _gap(doc, last, unit)
    kinds = {_kind(u) for u in group}
    new = _kind(unit)
    if unit.kind == "person" and "person" in {u.kind for u in group if not u.possessor}:
        return None
    if last.kind == "person" and not last.possessor:
        return None  # nothing but an apposition follows a name inside one phrase
    if last.possessor:
        nxt = doc[unit.end].lemma_.lower() if unit.end < len(doc) else ""
        if new == "org" and unit.entry is not None and unit.entry.kind in ("igo", "west") \
                and nxt not in kb.envoy_nouns:
            return None  # "Sweden's NATO membership bid" is Sweden's; "Syria's UN envoy" stays one phrase
        return "possessive" if gap in (["'s"], ["’s"], ["'"], ["’"]) and new in ("role", "person", "org") else None
    if not gap:
        if new == "country" and kinds & {"role", "org"}:
            return None  # "the Russian envoy US" is two phrases
        return "adjacent"
    if gap in (["of"], ["of", "the"]) and kinds & {"role", "org"} and new in ("country", "org", "role"):
        return "of"
    if _portfolio_of(doc, last, unit, gap) and kinds & {"role", "org"} and new == "country":
        return "of"  # "the minister of foreign affairs of Turkey", "ministry of health of Gaza"
    if gap in (["in"], ["from"]) and kinds == {"role"} and new == "country":
        if gap == ["from"] and any(u.role.sector == "MIL" for u in group if u.role):
            return None  # "withdrew forces from Panama": a place left, not the forces' country
        return gap[0]  # "protesters in Tehran", "refugees from Syria"
    if gap == [","] and unit.kind == "person" and kinds & {"role"} and "person" not in kinds:
        head = doc[unit.end - 1]
        if head.dep_ == "appos" and group[0].start <= head.head.i < last.end:
            return "apposition"
    return None


def group_units(doc, units: list[Unit], kb: Knowledge) -> list[list[Unit]]:
    """Join adjacent units into actor phrases."""
    groups: list[list[Unit]] = []
    for unit in units:
        if unit.kind == "poss":
            groups.append([unit])
            continue
        join = groups[-1][-1].kind != "poss" and _same_sentence(doc, groups[-1][-1], unit) \
            and _joins(doc, groups[-1], unit, kb) if groups else None
        if join:
            unit.join = join
            groups[-1].append(unit)
        elif groups and groups[-1][-1].kind == "poss" and groups[-1][-1].end == unit.start and unit.kind == "role":
            groups[-1].append(unit)
        else:
            groups.append([unit])
    return [g for g in groups if any(u.kind != "poss" for u in g)]


def _same_sentence(doc, a: Unit, b: Unit) -> bool:
    return _sentence_start(doc, a.start) == _sentence_start(doc, b.start)


# ---------------------------------------------------------------- resolution

def _code(country: str | None, sector: str | None) -> str | None:
    if not country:
        return None
    return country + (sector or "")


def resolve_group(doc, para_start: int, group: list[Unit], ctx: Context,
                  last_country: str | None, shared_roles: list[Unit] | None = None) -> Draft | None:
    """Resolve one phrase to a Draft mention (country may still be missing: `needs_country`)."""
    kb, date = ctx.kb, ctx.date
    core = [u for u in group if u.kind != "poss"]
    start, end = core[0].start, core[-1].end
    text = doc[start:end].text
    heads = [u for u in core if u.kind == "person" and not u.possessor]
    roles = [u for u in core if u.kind == "role"] + (shared_roles or [])
    orgs = [u for u in core if _kind(u) == "org" and u.entry is not None]
    countries = [u for u in core if _kind(u) == "country"]
    owners = [u for u in core if u.possessor and u.kind == "person" and u.entry is not None]
    words = f"'{text}'"

    def draft(name, code, role, evidence, needs=False, gender=None, person_name=None) -> Draft:
        country, sector = split_code(code, kb.iso3)
        return Draft(doc, para_start, start, end, name, code, country, sector, role, evidence, needs,
                     gender, person_name)

    person = heads[-1] if heads else None
    former = start > 0 and doc[start - 1].lower_ in FORMER
    if person is not None and person.entry is not None:
        code, why = person.entry.code_at(date)
        titles = [u.role for u in roles if u.start < person.start and u.role.sector]
        p_country, p_sector = split_code(code, kb.iso3)
        igo_title = next((u for u in orgs if u.entry.kind == "igo" and u.start < person.start), None)
        if igo_title is not None and p_sector is None and roles:
            # "U.N. mediator X" for a person the data lists only as a former national figure.
            code, _ = igo_title.entry.code_at(date)
            why += f"; title '{doc[igo_title.start:person.start].text.strip()}' gives {code}"
            return draft(person.entry.name, code, "person", f"people: {person.entry.name} ({why}; "
                         f"{person.entry.source}) from {words}", gender=person.entry.gender,
                         person_name=doc[person.start:person.end].text)
        modifier = next((u for u in countries if u.start < person.start), None)
        if modifier is not None and p_country and modifier.entry.code != p_country:
            # The text names another country: a namesake, not the listed office-holder.
            sector = titles[-1].sector if titles else p_sector
            code = modifier.entry.code + (sector or "")
            why += f"; but the text says '{doc[modifier.start:modifier.end].text}': country {modifier.entry.code}"
            p_country, p_sector = modifier.entry.code, sector
        if titles and not former and p_country and titles[-1].sector != p_sector:
            # The text's own title is fresher than the data's dates ("President X" on the day X fell).
            code = p_country + titles[-1].sector
            why += f"; title '{titles[-1].phrase}' in the text gives {titles[-1].sector}"
        evidence = f"people: {person.entry.name} -> {code} ({why}; {person.entry.source}) from {words}"
        return draft(person.entry.name, code, "person", evidence, gender=person.entry.gender,
                     person_name=doc[person.start:person.end].text)

    # The country a modifier, possessor or complement gives the phrase.
    country, country_why = None, ""
    for u in countries:
        country, country_why = u.entry.code, f"{u.entry.kind} '{doc[u.start:u.end].text}'"
        break
    if country is None:
        for u in owners:
            owner_code, _ = u.entry.code_at(date)
            country = split_code(owner_code, kb.iso3)[0]
            country_why = f"possessor '{doc[u.start:u.end].text}'"
    if country is None and any(u.kind == "poss" for u in group) and last_country:
        country, country_why = last_country, f"'its/their' -> last country {last_country}"

    specific = [u.role for u in roles if u.role.sector]
    non_state = [r for r in specific if r.sector in NON_STATE]
    role_sector = (non_state or specific)[-1].sector if specific else None
    role_words = "+".join(r.role.phrase for r in roles)
    name_text = doc[person.start:person.end].text if person is not None else text

    if orgs:
        org = orgs[-1]
        code, why = org.entry.code_at(date)
        org_country, org_sector = split_code(code, kb.iso3)
        surface = doc[org.start:org.end].text
        source = f"{org.entry.kind} '{surface}' -> {code} ({org.entry.source}{'; ' + why if why else ''})"
        modifier = next((u for u in countries if u.start < org.start), None)
        after_roles = [u for u in roles if u.start > org.start]
        national = kb.national_when_qualified.get(surface)
        if org.entry.kind == "igo" and national and modifier is not None and modifier.end == org.start:
            # "the Russian Security Council": the country's own body, not the UN organ.
            sector = next((u.role.sector for u in reversed(after_roles) if u.role.sector), None) or national
            return draft(name_text, _code(modifier.entry.code, sector), "person" if person else "institution",
                         f"'{surface}' after {country_why} is that country's own body ({sector}) in {words}",
                         person_name=name_text if person else None)
        if org.entry.kind == "igo" and modifier is not None and after_roles:
            # "Russia's UN ambassador": a country's representative to the organisation, not the organisation.
            sector = next((u.role.sector for u in reversed(after_roles) if u.role.sector), None) or "GOV"
            return draft(name_text, _code(modifier.entry.code, sector), "person" if person else "role",
                         f"{source}; represented by {country_why} ('{role_words}') from {words}",
                         person_name=name_text if person else None)
        if org.entry.kind in ORG_KINDS or org_country is None:
            return draft(name_text if person else org.entry.name, code,
                         "person" if person else "organisation", f"{source} from {words}",
                         person_name=name_text if person else None)
        after = [u.role for u in roles if u.start > org.start and u.role.sector]
        sector = after[-1].sector if after else org_sector
        if country and country != org_country:
            evidence = f"{source}; country from {country_why}; sector {sector} from {words}"
            return draft(name_text, _code(country, sector), "person" if person else "institution", evidence,
                         person_name=name_text if person else None)
        evidence = f"{source}{'; sector from ' + after[-1].phrase if after else ''} from {words}"
        return draft(name_text if person else org.entry.name, _code(org_country, sector),
                     "person" if person else org.entry.kind, evidence,
                     person_name=name_text if person else None)

    if roles and all(u.role.explicit for u in roles) and not country:
        return None  # a bare "drone" or "tank" has no owner we can name
    if roles:
        sector = role_sector or "GOV"  # generic person nouns with a country are officials
        why = f"role '{role_words}' -> {sector}" + ("" if role_sector else " (generic)")
        if former and sector == "GOV" and person is None:
            sector, why = "OPP", why + f"; '{doc[start - 1].text}' -> out of office (OPP)"
        if country:
            evidence = f"{why}; country from {country_why} in {words}"
            return draft(name_text, _code(country, sector), "person" if person else "role", evidence,
                         person_name=name_text if person else None)
        d = draft(name_text, sector, "person" if person else "role", f"{why} in {words}", needs=True,
                  person_name=name_text if person else None)
        # "the militant group" names one group met before; with none, it is left to the anaphora pass.
        d.refers_back = start > 0 and doc[start - 1].lower_ == "the" and all(u.collective for u in roles)
        return d

    if countries:
        u = countries[0]
        return draft(kb.country_names.get(u.entry.code, u.entry.name), u.entry.code, u.entry.kind,
                     f"{u.entry.kind} '{doc[u.start:u.end].text}' -> {u.entry.code} ({u.entry.source})")

    if person is not None:
        return draft(name_text, None, "person", f"name '{name_text}' (spaCy PERSON) not in the data",
                     person_name=name_text)
    if any(u.kind == "org" for u in core):
        return draft(text, None, "organisation", f"'{text}' (spaCy ORG) not in the data", person_name=text)
    return None


def _is_dangling_modifier(doc, group: list[Unit]) -> bool:
    """A role-only phrase that merely modifies a non-actor noun ("militant camp", "police station")."""
    if any(u.kind != "role" and u.kind != "poss" for u in group):
        return False
    last = doc[group[-1].end - 1]
    return last.dep_ in ("amod", "compound", "nmod") and not (group[0].start <= last.head.i < group[-1].end)


def _coordinated(doc, groups: list[list[Unit]], i: int) -> list[Unit] | None:
    """Shared head roles for "Russian and US foreign ministers": group i is a lone country modifier."""
    group = groups[i]
    if len(group) != 1 or _kind(group[0]) != "country":
        return None
    first = doc[group[0].end - 1]
    if first.head.i <= first.i and first.dep_ != "conj":
        return None  # "against the United States, South Korea's ministry said": not a shared modifier
    j = i + 1
    while j < len(groups):
        gap = [t.lower_ for t in doc[groups[j - 1][-1].end:groups[j][0].start]]
        if gap not in (["and"], [","], ["or"], [",", "and"]):
            return None
        nxt = groups[j]
        if _kind(nxt[0]) != "country":
            return None
        if len(nxt) > 1:
            if any(u.kind == "person" for u in nxt):
                return None
            return [u for u in nxt if u.kind == "role"] or None
        j += 1
    return None


def _of_list(doc, groups: list[list[Unit]], i: int) -> list[Unit] | None:
    """Roles shared along a list of complements: "the prime ministers of Italy, Canada and Belgium"."""
    group = groups[i]
    if len(group) != 1 or _kind(group[0]) != "country" or i == 0:
        return None
    j = i
    while j > 0:
        gap = [t.lower_ for t in doc[groups[j - 1][-1].end:groups[j][0].start]]
        if gap not in ([","], ["and"], [",", "and"]):
            return None
        prev = groups[j - 1]
        if prev[-1].join in ("of", "from", "in") and _kind(prev[-1]) == "country":
            roles = [u for u in prev if u.kind == "role" and u.start < prev[-1].start]
            return roles or None
        if len(prev) != 1 or _kind(prev[0]) not in ("country", "org"):
            return None  # an organisation may sit in the list ("Moscow, Brussels and Washington")
        j -= 1
    return None


def resolve_paragraph(doc, para_start: int, matchers: Matchers, ctx: Context,
                      last_country: str | None) -> tuple[list[Draft], str | None]:
    """Resolve all phrases of one paragraph; returns drafts and the last country seen."""
    groups = group_units(doc, build_units(doc, matchers, ctx), ctx.kb)
    drafts: list[Draft] = []
    article_country = last_country
    for i, group in enumerate(groups):
        if _is_dangling_modifier(doc, group):
            continue
        shared = _coordinated(doc, groups, i) or _of_list(doc, groups, i)
        if shared is None and i > 0 and len(group) > 1 and _kind(group[0]) == "country" \
                and _coordinated(doc, groups, i - 1) is not None:
            group = group[:1]  # the last modifier of a coordination: span on the modifier word
            shared = [u for u in groups[i] if u.kind == "role"]
        draft = resolve_group(doc, para_start, group, ctx, last_country, shared)
        if draft is None:
            continue
        if shared:
            draft.role = "modifier"
            draft.evidence += f"; coordinated modifier sharing '{' '.join(u.role.phrase for u in shared)}'"
        drafts.append(draft)
        if draft.country:
            last_country = draft.country
    _fill_countries(drafts, ctx, article_country)
    _apply_appositions(drafts)
    return drafts, last_country


def _apply_appositions(drafts: list[Draft]) -> None:
    """'Raila Odinga, the opposition leader,': the apposed role completes a name with no sector."""
    for person, nxt in zip(drafts, drafts[1:]):
        if person.role not in ("person", "organisation") or (person.code and person.sector) \
                or nxt.role != "role" or not nxt.code:
            continue
        doc = person.doc
        if nxt.doc is not doc or [t.text for t in doc[person.end:nxt.start] if t.pos_ != "DET"] != [","]:
            continue
        head = doc[nxt.end - 1]
        if head.dep_ != "appos" or not person.start <= head.head.i < person.end:
            continue
        if person.country and nxt.country != person.country:
            continue
        person.code, person.country, person.sector = nxt.code, nxt.country, nxt.sector
        person.evidence += f"; apposition '{doc[nxt.start:nxt.end].text}' -> {nxt.code}"


def _modifies(x: Draft, d: Draft) -> bool:
    """True when mention x hangs (within three dependency steps) under phrase d."""
    tok = x.doc[x.end - 1]
    for _ in range(3):
        if d.start <= tok.i < d.end:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _fill_countries(drafts: list[Draft], ctx: Context, previous: str | None) -> None:
    """Role phrases without a country: from the sentence, then the dateline, then the article so far."""
    explicit = [x for x in drafts if x.country and not x.needs_country]
    for d in drafts:
        if d.needs_country:
            sector = d.code
            sent_start = _sentence_start(d.doc, d.start)
            same = [x for x in explicit if x.doc is d.doc and _sentence_start(x.doc, x.start) == sent_start]
            how = ""
            country = None
            anaphor = _antecedent(d, sector, ctx.history + [x for x in explicit if x.start < d.start])
            if anaphor is not None:
                d.code, d.country, d.sector, d.needs_country = anaphor.code, anaphor.country, anaphor.sector, False
                d.evidence += (f"; definite '{d.doc[d.start - 1].text} {d.doc[d.start:d.end].text}' -> earlier "
                               f"{sector} mention '{anaphor.doc[anaphor.start:anaphor.end].text}' ({anaphor.code})")
                continue
            subject = _clause_subject(d, same) if same else None
            if d.refers_back:
                how = ""
            elif subject is not None and sector == "CVL" and subject.sector == "MIL" and (other := next(
                    (x for x in same if x.country and x.country != subject.country and x is not d), None)):
                # civilians hit by an armed force belong with the other country the sentence names
                # ("Israeli aircraft struck ..., killing 12 people, Gaza health officials said")
                country, how = other.country, f"the other side of '{subject.doc[subject.start:subject.end].text}'"
            elif subject is not None:
                country, how = subject.country, f"subject of its clause '{subject.doc[subject.start:subject.end].text}'"
            elif close := [x for x in same if _modifies(x, d)]:
                # A country hanging under the role belongs to its phrase ("US-led coalition troops").
                chosen = max(close, key=lambda x: x.start)
                how, country = f"adjacent in sentence '{chosen.doc[chosen.start:chosen.end].text}'", chosen.country
            elif before := [x for x in same if x.end <= d.start or _is_place(x, ctx.kb)]:
                # Otherwise the sentence's first actor is its protagonist ("Iraq's parliament urged the
                # government", "Mali's junta ... the French minister described the junta"). Only an earlier
                # one or a place the sentence happens in ("gunmen killed 100 people in Burkina Faso"): a
                # country named later belongs to another phrase ("President X welcomed South African leader
                # Y", "the government thanked China for its aid").
                chosen = min(before, key=lambda x: x.start)
                how = f"{'first in sentence' if chosen.end <= d.start else 'place'} " \
                      f"'{chosen.doc[chosen.start:chosen.end].text}'"
                country = chosen.country
            elif ctx.dateline_country:
                country, how = ctx.dateline_country, "dateline"
            elif previous:
                country, how = previous, "last country in the article"
            d.needs_country = False
            if country:
                d.country, d.sector, d.code = country, sector, country + sector
                d.evidence += f"; country {country} from {how}"
            else:
                d.country, d.sector, d.code = None, sector, None
                d.evidence += "; no country in context"
        if d.country:
            previous = d.country
    ctx.history.extend(d for d in drafts if d.code and d.role != "pronoun")


def _is_place(x: Draft, kb: Knowledge) -> bool:
    """True when mention x names where things happen: the object of a locative preposition, directly or as
    the owner/complement of a place noun ("in Kenya", "in northwestern Nigeria's Kaduna state", "in the
    parliament of Kenya", "across France"), or holding one ("police in Macedonia")."""
    doc = x.doc
    if any(t.dep_ == "pobj" and t.head.lower_ in LOCATIVE for t in doc[x.start:x.end]):
        return True  # "police in Macedonia": the phrase names the place itself
    tok = next((t for t in doc[x.start:x.end] if not (x.start <= t.head.i < x.end)), doc[x.end - 1])
    if tok.head.lemma_.lower() in kb.border_nouns:
        return False  # "near the Chinese border": at the edge of China, not in it
    for _ in range(5):
        if tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE:
            return True
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i != tok.head.i:
            tok = tok.head.head
        elif tok.dep_ in ("poss", "compound", "amod", "nmod", "appos") and tok.head.i != tok.i:
            tok = tok.head
        else:
            return False
    return False


def _clause_subject(d: Draft, same: list[Draft]) -> Draft | None:
    """An indefinite object ("arrested a former vice-president") belongs with its clause's subject."""
    doc = d.doc
    head = next((t for t in doc[d.start:d.end] if not (d.start <= t.head.i < d.end) or t.head.i == t.i), None)
    if head is None or head.dep_ not in ("dobj", "pobj", "dative"):
        return None
    if any((c.dep_ == "det" and c.lower_ not in ("a", "an")) or c.dep_ == "poss" for c in head.children):
        return None  # a definite "the government" is the sentence's known actor, not the clause's
    verb = head.head.head if head.dep_ == "pobj" else head.head
    for _ in range(3):
        for child in verb.children:
            if child.dep_ == "nsubj":
                for x in same:
                    if x.start <= child.i < x.end:
                        return x
        if verb.dep_ not in ("xcomp", "conj", "advcl") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _antecedent(d: Draft, sector: str, earlier: list[Draft]) -> Draft | None:
    """'the rebels', 'the military': the last earlier mention of the same sector is what they refer to."""
    # GOV is everywhere ("the junta" after "the French minister"): only rarer sectors link back.
    if d.start == 0 or d.doc[d.start - 1].lower_ != "the" or d.role == "person" or sector == "GOV":
        return None
    for x in reversed(earlier):
        if x.sector == sector and x.code and (x.doc is not d.doc or x.start < d.start):
            return x
    return None
