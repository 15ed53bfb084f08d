"""The offline gazetteer: countries, curated areas, cities and their disambiguation."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventwire.cli import cli
from eventwire.places import lookup
from eventwire.places.gazetteer import normalise_name, resolve_hint, resolve_place


def test_places_old_spelling_resolves_to_current_name():
    res = resolve_place("Kiev")
    assert (res.best.name, res.best.country) == ("Kyiv", "UKR")
    assert res.best.lat == pytest.approx(50.45, abs=0.01)
    assert res.best.lon == pytest.approx(30.52, abs=0.01)


def test_places_population_beats_namesake_without_context():
    res = resolve_place("Paris", ("USA",))  # an article about the US still means the French capital
    assert res.best.country == "FRA"
    assert "beat" in res.evidence


def test_places_explicit_state_hint_picks_the_small_namesake():
    res = resolve_place("Paris", (), hint=resolve_hint("Texas"))
    assert (res.best.country, res.best.admin1) == ("USA", "TX")
    assert res.best.lat == pytest.approx(33.66, abs=0.05)


def test_places_context_country_breaks_a_close_tie():
    # Two cities named Donetsk: a large Ukrainian one and a small Russian one.
    assert resolve_place("Donetsk").best.country == "UKR"
    london = resolve_place("London", ("CAN",))
    assert london.best.country == "GBR"  # context is worth less than an order of magnitude
    # Geneva, Illinois is a tenth of Geneva's size: a US-Russia story still meets in Switzerland
    assert resolve_place("Geneva", ("USA", "RUS")).best.country == "CHE"
    # a main name beats another city's alternate name ("New Delhi" is not Delhi)
    assert resolve_place("New Delhi").best.name == "New Delhi"


def test_places_curated_areas_and_countries():
    crimea = resolve_place("Crimea").best
    assert (crimea.country, crimea.kind) == ("UKR", "disputed")
    river = resolve_place("the Dnieper River").best
    assert (river.name, river.kind) == ("Dnieper River", "river")
    gaza = resolve_place("Gaza").best
    assert (gaza.name, gaza.country) == ("Gaza Strip", "PSE")
    britain = resolve_place("Britain").best
    assert (britain.country, britain.kind) == ("GBR", "country")
    assert britain.lat is not None and britain.lon is not None


def test_places_institutions_are_not_places():
    assert resolve_place("White House").best is None
    assert resolve_place("Kremlin").best is None


def test_places_normalise_folds_accents_and_articles():
    assert normalise_name("The Gaza  Strip") == "gaza strip"
    assert normalise_name("Handlová") == "handlova"


def test_places_lookup_rejects_unknown_country():
    with pytest.raises(ValueError):
        lookup("Paris", "Atlantis")


def test_places_cli_lookup_prints_resolution_and_reason():
    runner = CliRunner()
    result = runner.invoke(cli, ["places", "lookup", "Kharkiv"])
    assert result.exit_code == 0, result.output
    assert "Kharkiv, UKR" in result.output and "why:" in result.output
    result = runner.invoke(cli, ["places", "lookup", "Paris", "--country", "USA", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["place"]["country"] == "USA"
    result = runner.invoke(cli, ["places", "lookup", "Qwertyville"])
    assert result.exit_code == 1 and "not found" in result.output
