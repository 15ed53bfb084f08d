"""Datelines: place, country (ISO alpha-3), agency and date, and what is not a dateline."""
from __future__ import annotations

import pytest

from eventwire.clean.dateline import find_dateline, resolve_country


@pytest.mark.parametrize("text, place, country, agency", [
    ("WASHINGTON, United States (AFP) – Officials said", "Washington", "USA", "AFP"),
    ("KYIV (Reuters) - Ukraine said", "Kyiv", "UKR", "Reuters"),
    ("Paris, France (AFP) -- The minister", "Paris", "FRA", "AFP"),
    ("NEW YORK (AP) — A man was", "New York", "USA", "AP"),
    ("DALLAS, Texas — Police said", "Dallas", "USA", None),
    ("ST. LOUIS (AP) — The city", "St. Louis", "USA", "AP"),
    ("LONDON, Britain (Reuters) - The", "London", "GBR", "Reuters"),
    ("MOSCOW, Russia (TASS) – The Kremlin", "Moscow", "RUS", "TASS"),
    ("(Reuters) — The company said", None, None, "Reuters"),
    ("NAIROBI, Kenya (Associated Press) — The", "Nairobi", "KEN", "AP"),
    ("GENEVA, Switzerland, Feb 3 (Reuters) - The", "Geneva", "CHE", "Reuters"),
    ("Moscow, Jan 31 (AFP) — Russia", "Moscow", "RUS", "AFP"),
    ("MEXICO CITY (AP) — Mexico", "Mexico City", "MEX", "AP"),
    ("Washington (CNN) -- The", "Washington", "USA", "CNN"),
])
def test_dateline_variants(text, place, country, agency):
    found = find_dateline(text)
    assert found is not None
    d = found.dateline
    assert (d.place, d.country, d.agency) == (place, country, agency)
    assert text[found.end:][0].isalpha()  # the story starts right after the dash
    assert d.text == text[:found.end].strip()


def test_dateline_with_date_gives_publication_date():
    found = find_dateline("BEIJING, Jan. 5, 2022 (Xinhua) -- China said")
    assert found.published == "2022-01-05"
    assert find_dateline("WASHINGTON, Jan 31 (Reuters) - The").published is None  # no year: unknown
    assert find_dateline("KYIV, Ukraine, March 1, 2022 — Russian forces").published == "2022-03-01"


def test_dateline_agency_glued_to_the_story():
    found = find_dateline("Hong Kong (CNN Business)A muddled view of the talks weighed on markets")
    assert (found.dateline.place, found.dateline.country, found.dateline.agency) == ("Hong Kong", "HKG", "CNN Business")
    assert "Hong Kong (CNN Business)A muddled"[found.end:].startswith("A muddled")
    assert find_dateline("(CNN)The president said").dateline.agency == "CNN"


def test_dateline_country_from_city_table_when_unwritten():
    assert find_dateline("KHARKIV — Shelling hit the city").dateline.country == "UKR"


@pytest.mark.parametrize("text", [
    "The president said - nothing more",
    "NATO said on Monday - that was all",
    "Kharkiv — shelling hit the city",  # title case needs an agency
    "Russian and US foreign ministers are set to hold talks.",
    "BREAKING — markets fall",
])
def test_dateline_absent(text):
    assert find_dateline(text) is None


def test_resolve_country_aliases_and_states():
    assert resolve_country("United States") == "USA"
    assert resolve_country("Britain") == "GBR"
    assert resolve_country("Calif.") == "USA"
    assert resolve_country("Atlantis") is None
