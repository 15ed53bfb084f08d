"""Derive `phoenix_people.tsv` (historical office-holders) from the Phoenix CountryInfo actor dictionary.

    python eventwire/data/actors/derive_phoenix_people.py \
        /work/shared/reference/phoenix-actors/Phoenix.Countries.actors.txt eventwire/data/actors/phoenix_people.tsv

Source: Phoenix.Countries.actors.txt, generated 2014-01-30 from CountryInfo.140130.txt by the
Computational Event Data System Project; Copyright (c) 2014 Open Event Data Alliance, MIT licence.
Only people entries ("# CountryInfo.txt") with a dated GOV/MIL/LEG/JUD/OPP/REB/COP term ending in
1995 or later are kept. The dictionary stops in January 2014, so open terms are closed at 2014-01-30
and every person gets a final country-only term after their last dated one: a former office-holder
is right at country level, and a title in the text supplies the sector. The hand-curated
`people.yaml` is loaded first and wins for any name in both.
"""
from __future__ import annotations

import logging
import re
import sys
from datetime import date, timedelta

LOGGER = logging.getLogger(__name__)

SOURCE_END = "2014-01-30"
SECTORS = {"GOV", "MIL", "LEG", "JUD", "OPP", "REB", "COP"}
KEEP_FROM = "1995-01-01"
PARTICLES = {"da", "de", "del", "della", "di", "do", "dos", "das", "du", "la", "le", "van", "von", "der", "den",
             "bin", "ibn", "el", "al", "ben", "y", "e", "ould", "ag", "bint", "ter"}
TITLE_WORDS = {"PRESIDENT", "MINISTER", "PRIME", "SECRETARY", "GENERAL", "KING", "QUEEN", "PRINCE", "CHAIRMAN",
               "SPEAKER", "SENATOR", "FOREIGN", "DEFENSE", "DEFENCE", "AMBASSADOR", "MR", "MR.", "MRS", "DR", "DR.",
               "COLONEL", "LEADER", "SHEIKH", "SHEIK", "EMIR", "SULTAN", "CROWN", "GOVERNOR", "PREMIER", "ADMIRAL"}
TERM = re.compile(r"\[([A-Z]{3,9})\s*(?:(\d{6,8})?\s*-\s*(\d{6,8})?|>\s*(\d{6,8})|<\s*(\d{6,8}))?\s*\]")


def convert_date(raw: str | None) -> str | None:
    """'080507' -> '2008-05-07'; '20070101' -> '2007-01-01'; bad dates -> None."""
    if not raw:
        return None
    if len(raw) == 6:
        yy = int(raw[:2])
        year = 1900 + yy if yy >= 30 else 2000 + yy
        month, day = raw[2:4], raw[4:6]
    elif len(raw) == 8:
        year, month, day = int(raw[:4]), raw[4:6], raw[6:8]
    else:
        return None
    try:
        return date(year, int(month), int(day)).isoformat()
    except ValueError:
        return None


def format_name(raw: str) -> str:
    """'BASHAR_AL-ASSAD_' -> 'Bashar al-Assad' (matching is case-sensitive, so casing matters)."""
    words = [w for w in raw.strip().strip("_").split("_") if w]
    out = []
    for i, word in enumerate(words):
        parts = []
        for part in word.split("-"):
            low = part.lower()
            if i > 0 and low in PARTICLES:
                parts.append(low)
            else:
                parts.append(low[:1].upper() + low[1:])
        out.append("-".join(parts))
    return " ".join(out)


def parse_entries(text: str):
    """Yield (name, aliases, terms) for each CountryInfo person in the dictionary text."""
    name, aliases, terms = None, [], []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0] not in "+\t [" and line[0].isalpha():
            if name:
                yield name, aliases, terms
            is_person = "# CountryInfo" in line
            name = line.split("#")[0].strip() if is_person else None
            aliases, terms = [], []
        elif name and line.startswith("+"):
            aliases.append(line[1:].split("#")[0].strip())
        elif name:
            for match in TERM.finditer(line):
                code = match.group(1)[:6]
                start = convert_date(match.group(2) or match.group(4))
                end = convert_date(match.group(3) or match.group(5))
                if match.group(2) is None and match.group(3) is None and match.group(4) is None \
                        and match.group(5) is None:
                    continue  # an undated default code: the country-only tail replaces it
                terms.append((code, start, end))
    if name:
        yield name, aliases, terms


def derive_rows(text: str) -> list[str]:
    """Rows `name<TAB>aliases<TAB>terms` for the kept people."""
    rows, seen = [], set()
    for raw, raw_aliases, raw_terms in parse_entries(text):
        terms = []
        for code, start, end in raw_terms:
            sector = code[3:6]
            if sector not in SECTORS and sector != "ELI":
                continue
            end = end or SOURCE_END if start else end
            if start and end and end < start:
                continue
            terms.append((code[:3] if sector == "ELI" else code[:6], start, end))
        dated = [t for t in terms if t[0][3:] in SECTORS and (t[2] or SOURCE_END) >= KEEP_FROM]
        if not dated:
            continue
        name = format_name(raw)
        if len(name.split()) < 2 or name in seen:
            continue
        seen.add(name)
        last_end = max((t[2] or SOURCE_END) for t in terms)
        tail_start = (date.fromisoformat(last_end) + timedelta(days=1)).isoformat()
        terms.append((terms[0][0][:3], tail_start, None))
        aliases = sorted({format_name(a) for a in raw_aliases
                          if len(a.strip("_").split("_")) >= 2 and not TITLE_WORDS & set(a.strip("_").split("_"))}
                         - {name})
        cells = [f"{code} {start or ''}..{end or ''}" for code, start, end in terms]
        rows.append("\t".join([name, "|".join(aliases) or "-", "|".join(cells)]))
    return rows


HEADER = """# eventwire actor data: historical office-holders derived from the Phoenix CountryInfo dictionary.
# Format: tab-separated, one person a line: NAME<TAB>aliases ("|"-separated, "-" for none)<TAB>terms
#   terms: "CODE YYYY-MM-DD..YYYY-MM-DD" separated by "|"; a three-letter code is country-only.
# Generated by derive_phoenix_people.py (in this folder) from Phoenix.Countries.actors.txt
# (CountryInfo.140130, Copyright (c) 2014 Open Event Data Alliance, MIT licence). The source stops in
# January 2014: open terms are closed at 2014-01-30 and each person ends with a country-only term.
# people.yaml (hand-curated, 2015-2025) is loaded first and wins for the same name. Do not edit by hand.
"""


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8", errors="replace") as fh:
        rows = derive_rows(fh.read())
    with open(argv[1], "w", encoding="utf-8") as fh:
        fh.write(HEADER)
        fh.write("\n".join(rows) + "\n")
    print(f"{len(rows)} people written to {argv[1]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
