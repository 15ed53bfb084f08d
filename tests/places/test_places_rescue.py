"""Names the small NER model misses are still found when the gazetteer knows them as sizeable cities."""
import pytest

import eventwire

pytestmark = pytest.mark.slow


def test_places_rescue_city_missed_by_ner():
    article = eventwire.extract("Russian forces shelled the city of Kharkiv overnight.", published="2022-03-02")
    assert ("Kharkiv", "UKR") in {(p.text, p.country) for p in article.places}


def test_places_rescue_ignores_small_or_unknown_names():
    article = eventwire.extract("The minister spoke to reporters in Zzyzxville on Monday.", published="2022-03-02")
    assert not any(p.text == "Zzyzxville" for p in article.places)
