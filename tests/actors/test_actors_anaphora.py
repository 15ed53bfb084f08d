"""Definite descriptions refer back to the last actor of their kind (data/actors/anaphora.yaml)."""
import pytest

import eventwire

pytestmark = pytest.mark.slow


def actors(text, published="2023-06-04"):
    return {(m.text, m.code) for m in eventwire.extract(text, published=published).actors}


def test_actors_the_kingdom_is_the_last_country():
    assert ("The kingdom", "SAU") in actors("Saudi Arabia cut oil output on Sunday. The kingdom said the cut was temporary.")


def test_actors_alliance_officials_are_the_alliance():
    got = actors("Poland asked NATO for more air defences. Alliance officials said a decision would come soon.")
    assert ("Alliance officials", "NATO") in got


def test_actors_the_group_is_the_last_armed_group():
    got = actors("Israeli jets struck Hezbollah positions, and the Iran-backed group fired rockets at Haifa.")
    assert any(code == "LBNREB" and "group" in text for text, code in got)


def test_actors_a_description_without_antecedent_stays_unresolved():
    got = actors("The kingdom announced new visa rules on Monday.")
    assert not any("kingdom" in text.lower() for text, _ in got)
