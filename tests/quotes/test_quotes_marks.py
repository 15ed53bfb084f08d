"""Quote marks found from characters alone (no model)."""
from __future__ import annotations

import pytest

from eventwire.quotes.lexicon import load_lexicon, parse_verbs
from eventwire.quotes.marks import find_quote_marks


def _texts(text: str) -> list[str]:
    return [m.text(text) for m in find_quote_marks(text)]


def test_quotes_marks_curly_and_straight():
    text = 'The mayor called it “a dark day,” and aides said the plan was "dead on arrival".'
    assert _texts(text) == ["a dark day", "dead on arrival"]


def test_quotes_marks_trailing_comma_and_full_stop_dropped_but_question_kept():
    assert _texts('“We will rebuild.” “Who pays for it?” she asked.') == ["We will rebuild", "Who pays for it?"]


def test_quotes_marks_one_pair_over_two_sentences_is_one_quote():
    text = "“The port is closed. Nothing moves tonight,” the harbour master said."
    assert _texts(text) == ["The port is closed. Nothing moves tonight"]


def test_quotes_marks_apostrophes_are_not_quotes():
    text = "Kenya’s president said the country’s debt won’t be rescheduled."
    assert find_quote_marks(text) == []


def test_quotes_marks_single_curly_quotes():
    assert _texts("Officials described the deal as ‘fragile’ on Monday.") == ["fragile"]


def test_quotes_marks_single_quote_inside_double_is_nested():
    text = "“They told us ‘go home’ and then they fired,” a witness said."
    assert _texts(text) == ["They told us ‘go home’ and then they fired"]


def test_quotes_marks_stray_closing_mark_ignored():
    # machine-translated text often leaves a closing mark with no opener
    text = "The minister said exports would ” recover and called the tariff “unfair”."
    assert _texts(text) == ["unfair"]


def test_quotes_marks_open_quote_runs_to_paragraph_end():
    marks = find_quote_marks("“We have waited long enough for the money to arrive.")
    assert len(marks) == 1 and marks[0].open_end and marks[0].starts_paragraph


def test_quotes_marks_empty_or_punctuation_only_pair_skipped():
    assert find_quote_marks('He wrote "" and “...” in the margin.') == []


def test_quotes_lexicon_loads_verbs_and_words():
    lex = load_lexicon()
    assert lex.verbs["say"].indirect and not lex.verbs["call"].indirect
    assert "spokeswoman" in lex.female and lex.pronouns["she"] == "person"


def test_quotes_lexicon_malformed_line_is_a_clear_error():
    with pytest.raises(ValueError, match="user.tsv:2"):
        parse_verbs("say\tyes\tspeech\nmutter maybe\n", "user.tsv")


def test_quotes_marks_straight_quote_glued_to_previous_word():
    # machine translation drops the space before the opening mark
    assert _texts('The ministry called it a"provocation" of the West.') == ["provocation"]


def test_quotes_marks_opening_mark_used_as_closer():
    assert _texts("He called the vote “illegal“ and left the room.") == ["illegal"]


def test_quotes_marks_closing_mark_used_as_opener():
    assert _texts("They chanted ”freedom” in the square.") == ["freedom"]


def test_quotes_quote_covering_picks_the_innermost():
    from eventwire.model import Quote
    from eventwire.quotes import quote_covering

    outer = Quote("a b c d", {"name": "X", "code": None}, False, (0, 40))
    inner = Quote("b c", {"name": "Y", "code": None}, True, (10, 20))
    assert quote_covering([outer, inner], 12, 15) is inner
    assert quote_covering([outer, inner], 25, 30) is outer
    assert quote_covering([outer, inner], 35, 45) is None
