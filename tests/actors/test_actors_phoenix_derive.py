"""The Phoenix CountryInfo -> phoenix_people.tsv derivation, on a small hand-written sample."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = """# comment
ANA_MARIA_DE_TESTOVA_  # CountryInfo.txt
+PRESIDENT_ANA_TESTOVA_
+ANA_M._DE_TESTOVA
\t[MDAELI 700101-990809]
\t[MDAGOV 990809-050101]
\t[MDAGOV >080508]
\t[MDAELI]
OLD_ONLY_PERSON_  # CountryInfo.txt
\t[MDAGOV 800101-850101]
MOLDOVAN_ARMY_
\t[MDAMIL]
"""


def _load_module():
    spec = importlib.util.spec_from_file_location(
        "derive_phoenix_people", ROOT / "eventwire" / "data" / "actors" / "derive_phoenix_people.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_actors_phoenix_derive_rows():
    module = _load_module()
    rows = module.derive_rows(SAMPLE)
    assert len(rows) == 1  # the 1980s-only person and the non-person entry are dropped
    name, aliases, terms = rows[0].split("\t")
    assert name == "Ana Maria de Testova"
    assert aliases == "Ana M. de Testova"  # the titled alias is dropped
    assert terms.split("|") == ["MDA 1970-01-01..1999-08-09", "MDAGOV 1999-08-09..2005-01-01",
                                "MDAGOV 2008-05-08..2014-01-30", "MDA 2014-01-31.."]


def test_actors_phoenix_derive_dates():
    module = _load_module()
    assert module.convert_date("080507") == "2008-05-07"
    assert module.convert_date("20070101") == "2007-01-01"
    assert module.convert_date("2004017") is None
    assert module.format_name("BASHAR_AL-ASSAD_") == "Bashar al-Assad"
