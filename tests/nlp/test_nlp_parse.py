"""The nlp stage: one Doc per kept paragraph, and a dateline kept out of the first clause."""
import pytest

import eventwire

pytestmark = pytest.mark.slow

STORY = "Border row\n\nLIMA, Peru (Demo Wire) – Peru accused Chile on Monday of spying. Chile denied it.\n"


def test_nlp_dateline_is_its_own_sentence():
    article = eventwire.extract(STORY, published="2024-05-06")
    sents = [s.text for s in article.paragraphs[0].doc.sents]
    assert sents[0].startswith("LIMA") and sents[0].rstrip().endswith("–")
    assert sents[1].startswith("Peru accused Chile")
    assert ("PER", "CHL", "112") in {(e.source.code, e.target.code, e.code) for e in article.events}


def test_nlp_offsets_map_back_to_the_input():
    article = eventwire.extract(STORY, published="2024-05-06")
    for para in article.paragraphs:
        assert article.text[para.start:para.end] == para.text == para.doc.text
