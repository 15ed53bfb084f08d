"""Quotes and speakers on short wire-style texts written for these tests (real spaCy model)."""
from __future__ import annotations

import re

import pytest

from eventwire.model import ActorMention, Article, Paragraph
from eventwire.nlp import parse
from eventwire.quotes import extract_quotes, run

pytestmark = pytest.mark.slow


def _article(text: str, actors: list[ActorMention] | None = None) -> Article:
    art = Article(id="t", text=text)
    art.paragraphs = [Paragraph(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", text)]
    parse(art)
    art.actors = actors or []
    return art


def _quotes(text: str, actors=None):
    return extract_quotes(_article(text, actors))


def _direct(quotes, start: str):
    hits = [q for q in quotes if q.direct and q.text.startswith(start)]
    assert hits, [q.text for q in quotes]
    return hits[0]


def _name(q) -> str | None:
    return q.speaker["name"] if q.speaker else None


def test_quotes_speaker_after_quote_with_long_title():
    qs = _quotes("“The border crossing will reopen on Thursday,” Chilean Interior Ministry spokesman "
                 "Jorge Salas said at a news conference.")
    q = _direct(qs, "The border crossing")
    assert _name(q) == "Jorge Salas"
    assert "said" in q.evidence and "speaker-after-quote" in q.evidence


def test_quotes_inverted_speaker():
    q = _direct(_quotes("“We are not leaving,” said Amina Yusuf, a union leader in the port city."), "We are")
    assert _name(q) == "Amina Yusuf"


def test_quotes_speaker_before_quote_and_span_offsets():
    text = "Prime Minister Tomas Varga told parliament: “There is no money left for new roads.”"
    art = _article(text)
    run(art)
    q = _direct(art.quotes, "There is no money")
    assert _name(q) == "Tomas Varga"
    assert text[q.span[0]:q.span[1]] == q.text == "There is no money left for new roads"
    assert text[q.speaker_span[0]:q.speaker_span[1]] == "Tomas Varga"


def test_quotes_partial_quote_inside_reported_speech_is_the_quote():
    qs = _quotes("Finance Minister Ana Ruiz said the budget would deliver a “historic shift” in "
                 "spending on schools.")
    q = _direct(qs, "historic shift")
    assert _name(q) == "Ana Ruiz"
    assert not [x for x in qs if not x.direct], "no indirect duplicate of the partial quote"


def test_quotes_indirect_speech_said_that_and_according_to():
    qs = _quotes("The health ministry said that 40 people had been taken to hospital. "
                 "According to local officials, the fire started in a textile warehouse.")
    indirect = [q for q in qs if not q.direct]
    assert {q.text for q in indirect} == {"40 people had been taken to hospital",
                                         "the fire started in a textile warehouse"}
    speakers = {q.text: _name(q) for q in indirect}
    assert speakers["40 people had been taken to hospital"] == "The health ministry"
    assert speakers["the fire started in a textile warehouse"] == "local officials"


def test_quotes_pronoun_goes_to_last_named_speaker_not_to_a_name_inside_a_quote():
    text = ("Senator Helen Park said the vote would be close.\n\n"
            "Molina “will try to delay it again,” she said on Tuesday.")
    q = _direct(_quotes(text), "will try")
    assert _name(q) == "Helen Park"
    assert "resolved" in q.evidence


def test_quotes_pronoun_without_antecedent_keeps_the_pronoun():
    q = _direct(_quotes("“Nobody warned us,” she said."), "Nobody")
    assert _name(q) == "she" and q.speaker["code"] is None


def test_quotes_two_quotes_split_by_writer_share_the_speaker():
    text = ("“The talks were useful,” Foreign Minister Omar Haddad said on Sunday. "
            "“But we are still far from an agreement.”")
    qs = [q for q in _quotes(text) if q.direct]
    assert [q.text for q in qs] == ["The talks were useful", "But we are still far from an agreement"]
    assert [_name(q) for q in qs] == ["Omar Haddad", "Omar Haddad"]


def test_quotes_unattributed_paragraph_carries_previous_speaker():
    text = ("The central bank on Wednesday raised rates again, calling inflation “a clear and present danger”.\n\n"
            "“Prices must come down before wages can catch up.”")
    qs = [q for q in _quotes(text) if q.direct]
    assert [_name(q) for q in qs] == ["The central bank", "The central bank"]
    assert "carried" in qs[1].evidence


def test_quotes_without_any_speaker_stay_unattributed():
    text = ("“Enough is enough.”\n\n"
            "The storm flooded the valley, and the word “catastrophe” was everywhere.")
    qs = [q for q in _quotes(text) if q.direct]
    assert qs[0].text == "Enough is enough" and qs[0].speaker is None


def test_quotes_heading_after_speaker_is_not_carried():
    text = "“We will win,” coach Dario Conti said.\n\n‘No way back’"
    qs = [q for q in _quotes(text) if q.direct]
    assert qs[-1].text == "No way back" and qs[-1].speaker is None


def test_quotes_role_description_then_named_person_in_next_sentence():
    # machine translation split "said the EU envoy, Marta Lind, told reporters" in two sentences
    text = ("“The aid convoy must pass today,” said the EU envoy to Sudan. Marta Lind told the reporters "
            "in Khartoum.")
    q = _direct(_quotes(text), "The aid convoy")
    assert _name(q) == "Marta Lind"
    assert "role-description-then-name" in q.evidence


def test_quotes_role_description_kept_when_next_sentence_reports_new_words():
    text = ("“The aid convoy must pass today,” said the EU envoy to Sudan. Marta Lind told reporters "
            "that the road was mined.")
    q = _direct(_quotes(text), "The aid convoy")
    assert "envoy" in _name(q)


def test_quotes_participle_takes_the_main_clause_subject():
    q = _direct(_quotes("The opposition party rejected the election result, calling it a “farce”."), "farce")
    assert _name(q) == "The opposition party"
    assert "calling" in q.evidence


def test_quotes_quotation_continued_over_paragraphs():
    text = ("“We have lost three harvests in a row,” farmer Joseph Mwangi said. “The river is dry.\n\n"
            "“Without rain we will have to leave the village.”")
    qs = [q for q in _quotes(text) if q.direct]
    assert [_name(q) for q in qs] == ["Joseph Mwangi"] * 3


def test_quotes_speaker_code_from_actor_mention():
    text = "“Sanctions will stay,” Italian Foreign Minister Carla Bruni said."
    start = text.index("Italian")
    mention = ActorMention("Italian Foreign Minister Carla Bruni", "Carla Bruni", "ITAGOV", "ITA", "GOV",
                           "person", start, start + len("Italian Foreign Minister Carla Bruni"), "test")
    q = _direct(_quotes(text, [mention]), "Sanctions")
    assert q.speaker == {"name": "Carla Bruni", "code": "ITAGOV"}


def test_quotes_machine_translation_noise_stray_mark():
    text = ("Ministry of interior of Peru said in statement that protesters ” blocked the highway, it call "
            "the blockade a “sabotage” against the economy.")
    q = _direct(_quotes(text), "sabotage")
    assert "Ministry" in _name(q)


def test_quotes_no_paragraphs_no_quotes():
    art = Article(id="empty", text="")
    run(art)
    assert art.quotes == []


def test_quotes_passive_quoted_as_saying():
    q = _direct(_quotes("Karl Brandt was quoted as saying “the coalition is finished” by a regional paper."),
                "the coalition")
    assert _name(q) == "Karl Brandt"


def test_quotes_title_in_quotes_is_not_said_by_its_own_noun_phrase():
    q = _direct(_quotes("The documentary “Silent Rivers” won two awards in Berlin on Sunday."), "Silent")
    assert q.speaker is None


def test_quotes_verb_between_two_parts_of_one_sentence():
    qs = [q for q in _quotes("Lena Ortiz met the miners on Monday.\n\n"
                             "“The mine is safe,” she said, “and it will reopen soon.”") if q.direct]
    assert [_name(q) for q in qs] == ["Lena Ortiz", "Lena Ortiz"]


def _mention(text: str, words: str, name: str, code: str, role: str) -> ActorMention:
    start = text.index(words)
    return ActorMention(words, name, code, code[:3], code[3:] or None, role, start, start + len(words), "test")


def test_quotes_crowd_speaks_as_its_members():
    text = "Hundreds of farmers marched on the capital on Friday chanting “no farms, no food”."
    q = _direct(_quotes(text, [_mention(text, "farmers", "farmers", "FRACVL", "group")]), "no farms")
    assert q.speaker == {"name": "Hundreds of farmers", "code": "FRACVL"}


def test_quotes_role_code_kept_when_the_split_name_is_unknown():
    text = ("“The count was stolen,” said the opposition spokesman. Pedro Alvarez told to the "
            "journalists in Lima.")
    mention = _mention(text, "the opposition spokesman", "opposition spokesman", "PEROPP", "person")
    q = _direct(_quotes(text, [mention]), "The count")
    assert q.speaker == {"name": "Pedro Alvarez", "code": "PEROPP"}


def test_quotes_paragraph_ending_with_colon_introduces_the_next_quote():
    text = ("In a televised address, President Sara Kovac told the nation:\n\n"
            "“We will not bow to pressure from anyone.”")
    q = _direct(_quotes(text), "We will not bow")
    assert _name(q) == "Sara Kovac" and "colon" in q.evidence


def test_quotes_agency_quoting_a_person_as_saying():
    text = "State television quoted Interior Minister Ali Karimi as saying “the border is sealed”."
    q = _direct(_quotes(text), "the border")
    assert _name(q) == "Ali Karimi"


def test_quotes_it_skips_subjects_of_reported_clauses():
    text = ("The defence ministry said the rebel army had withdrawn from the bridge. "
            "It called the retreat “a victory for peace”.")
    q = _direct(_quotes(text), "a victory")
    assert _name(q) == "The defence ministry"


def test_quotes_bare_attribution_in_the_next_sentence():
    q = _direct(_quotes("“The road is open again.” The provincial governor told the local radio."), "The road")
    assert _name(q) == "The provincial governor" and "next-sentence" in q.evidence


def test_quotes_next_sentence_with_its_own_words_is_not_an_attribution():
    q = _direct(_quotes("“The road is open again.” The governor told the radio that trucks could pass."),
                "The road")
    assert q.speaker is None


def test_quotes_open_quotation_takes_the_speaker_named_in_the_next_paragraph():
    text = ("“We lost everything in one night.\n\n"
            "“Now we sleep in the school,” said Fatima Noor, a mother of four.")
    qs = [q for q in _quotes(text) if q.direct]
    assert [_name(q) for q in qs] == ["Fatima Noor", "Fatima Noor"]
    assert "continued in the next paragraph" in qs[0].evidence


def test_quotes_quote_only_sentence_before_the_attributed_one():
    text = "“Stay indoors.” “The water is not safe to drink,” the city's health chief Dr Karen Holt said."
    qs = [q for q in _quotes(text) if q.direct]
    assert len(qs) == 2 and all(_name(q).endswith("Karen Holt") for q in qs)
