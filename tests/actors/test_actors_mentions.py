"""Actor mentions on wire-style sentences written for these tests (real spaCy model)."""
from __future__ import annotations

import pytest

from helpers_actors import codes, make_article

from eventwire.actors import mention_at

pytestmark = pytest.mark.slow


def test_actors_metonymy_seats_and_capitals():
    art = make_article("The Kremlin dismissed the report, while the White House and Downing Street urged calm. "
                       "The Pentagon said it was monitoring the situation, and Beijing warned Washington.")
    got = codes(art)
    assert got["Kremlin"] == "RUSGOV"
    assert got["White House"] == "USAGOV"
    assert got["Downing Street"] == "GBRGOV"
    assert got["Pentagon"] == "USAMIL"
    assert got["Beijing"] == "CHN"
    assert got["Washington"] == "USA"


def test_actors_demonyms_and_historical_names():
    art = make_article("Ukrainians queued for bread in Kiev as Russian troops shelled the outskirts. "
                       "Iranian officials said Burma had recalled its envoy.")
    got = codes(art)
    assert got["Ukrainians"] == "UKR"
    assert got["Russian troops"] == "RUSMIL"
    assert got["Iranian officials"] == "IRNGOV"
    assert got["Burma"] == "MMR"


def test_actors_titles_without_names():
    art = make_article("Egypt's foreign minister met the president of Brazil on Tuesday. "
                       "Kenyan lawmakers later voted on the bill, and the Turkish defence ministry denied the claim.")
    got = codes(art)
    assert got["Egypt's foreign minister"] == "EGYGOV"
    assert got["president of Brazil"] == "BRAGOV"
    assert got["Kenyan lawmakers"] == "KENLEG"
    assert got["Turkish defence ministry"] == "TURMIL"


def test_actors_its_takes_the_last_country():
    art = make_article("Norway said on Friday that its foreign minister would travel to the region.")
    assert codes(art)["foreign minister"] == "NORGOV"


def test_actors_unnamed_role_takes_country_from_dateline():
    art = make_article("Lawmakers approved the budget late on Thursday after a long debate.", dateline="KEN")
    mention = art.actors[0]
    assert mention.code == "KENLEG" and "dateline" in mention.evidence


def test_actors_dated_office_holder_one_name_two_codes():
    early = make_article("Netanyahu addressed the Knesset on Monday.", published="2015-03-02")
    late = make_article("Netanyahu addressed the Knesset on Monday.", published="2022-03-07")
    assert codes(early)["Netanyahu"] == "ISRGOV"
    assert codes(late)["Netanyahu"] == "ISROPP"
    before = make_article("Taliban fighters attacked a checkpoint.", published="2019-05-01")
    after = make_article("Taliban fighters attacked a checkpoint.", published="2023-05-01")
    assert codes(before)["Taliban fighters"] == "AFGREB"
    assert codes(after)["Taliban fighters"] == "AFGGOV"


def test_actors_title_in_text_beats_dates_and_former_means_out_of_office():
    art = make_article("A court in Quito charged former President Rafael Ortiz on Monday. "
                       "Police also detained a former minister.", published="2023-01-10")
    got = codes(art)
    assert got["minister"] == "ECUOPP"
    assert got["Police"] == "ECUCOP"


def test_actors_surname_coreference():
    art = make_article("Peruvian Interior Minister Carlos Mendoza met protest leaders in Lima on Sunday.",
                       "Mendoza said the talks would continue. Sergei Lavrov called him later, and Lavrov "
                       "said Moscow was ready to help.", published="2023-02-01")
    mendoza = [m for m in art.actors if m.text == "Mendoza"]
    assert mendoza and mendoza[0].code == "PERGOV" and "coreference" in mendoza[0].evidence
    lavrov = [m for m in art.actors if m.text == "Lavrov"]
    assert lavrov and lavrov[0].code == "RUSGOV"


def test_actors_pronouns_follow_the_last_person():
    art = make_article("German Foreign Minister Annalena Baerbock arrived in Kyiv on Monday. "
                       "She said her country would send more air defence systems.", published="2023-02-01")
    pronouns = [m for m in art.actors if m.role == "pronoun"]
    assert pronouns and all(m.code == "DEUGOV" and m.name == "Annalena Baerbock" for m in pronouns)


def test_actors_coordinated_modifiers_share_the_head():
    art = make_article("Russian and US foreign ministers will meet in Geneva on Friday.")
    first, second = art.actors[0], art.actors[1]
    assert (first.text, first.code) == ("Russian", "RUSGOV")
    assert (second.text, second.code) == ("US", "USAGOV")


def test_actors_possessive_marks_only_the_owner():
    art = make_article("Britain's move angered Moscow.")
    britain = art.actors[0]
    assert (britain.text, britain.code) == ("Britain", "GBR")


def test_actors_whole_phrase_span_with_titles():
    text = "Russian Foreign Ministry spokeswoman Maria Zakharova said the claims were false."
    art = make_article(text)
    mention = art.actors[0]
    assert mention.text == "Russian Foreign Ministry spokeswoman Maria Zakharova"
    assert (mention.start, mention.end) == (0, len(mention.text))
    assert mention.code == "RUSGOV" and mention.name == "Maria Zakharova"
    assert art.text[mention.start:mention.end] == mention.text


def test_actors_igo_leaders_and_armed_groups():
    art = make_article("NATO Secretary-General Mark Rutte met EU foreign ministers in Brussels, "
                       "while Hezbollah and the Houthis fired rockets.", published="2025-01-15")
    got = codes(art)
    assert got["NATO Secretary-General Mark Rutte"] == "NATO"
    assert got["EU foreign ministers"] == "IGOEU"
    assert got["Hezbollah"] == "LBNREB"
    assert got["Houthis"] == "YEMREB"


def test_actors_person_named_jordan_is_not_the_country():
    art = make_article("Basketball great Michael Jordan said he would donate the shoes. "
                       "Jordan and Egypt condemned the raid.")
    jordan = [m for m in art.actors if m.code == "JOR"]
    assert [m.start for m in jordan] == [art.text.index("Jordan and")]


def test_actors_us_state_georgia_is_not_the_country():
    art = make_article("Voters in Georgia lined up in Atlanta suburbs as the governor urged patience.")
    assert not any(m.code and m.code.startswith("GEO") for m in art.actors)
    georgia = make_article("Georgia accused Russia of moving border markers near Tbilisi.")
    assert codes(georgia)["Georgia"] == "GEO"


def test_actors_non_actor_places_and_modifiers():
    art = make_article("Settlers clashed with villagers in the West Bank near a former militant camp. "
                       "Ships crossed the South China Sea.")
    assert not any(m.code in ("WST", "CHN") for m in art.actors)
    assert [m.code for m in art.actors if m.text == "West Bank"] == ["PSE"]
    assert not any(m.text == "militant" for m in art.actors)


def test_actors_mention_at_prefers_the_head():
    text = "Canadian Defence Minister Bill Blair visited troops."
    art = make_article(text)
    whole = mention_at(art, 0, len("Canadian Defence Minister Bill Blair"))
    assert whole is not None and whole.code == "CANGOV"
    assert mention_at(art, text.index("visited"), text.index("visited") + 7) is None


def test_actors_mentions_are_ordered_and_disjoint():
    art = make_article("The UN Security Council met as Russian and Chinese envoys objected, "
                       "and Western allies backed Kyiv.", "She said the vote would go ahead.")
    spans = [(m.start, m.end) for m in art.actors]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert all(m.evidence for m in art.actors)


def test_actors_user_file_adds_a_person(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("people:\n  - {name: Ana Testova, terms: ['MDAGOV 2020-01-01..']}\n", encoding="utf-8")
    art = make_article("Ana Testova arrived in Chisinau on Monday.", actor_files=(str(path),))
    assert codes(art)["Ana Testova"] == "MDAGOV"


def test_actors_title_in_text_beats_stale_dates(tmp_path):
    path = tmp_path / "stale.yaml"
    path.write_text("people:\n  - {name: Ana Testova, terms: ['MDAOPP 2020-01-01..']}\n", encoding="utf-8")
    art = make_article("Prime Minister Ana Testova arrived in Chisinau on Monday.", actor_files=(str(path),))
    mention = art.actors[0]
    assert mention.code == "MDAGOV" and "title" in mention.evidence


def test_actors_definite_role_refers_back_to_the_same_sector():
    art = make_article("Houthi fighters fired missiles at a tanker on Monday.",
                       "US warships shot down two drones, and the rebels vowed to keep up the attacks.")
    rebels = [m for m in art.actors if m.text == "rebels"]
    assert rebels and rebels[0].code == "YEMREB" and "earlier REB mention" in rebels[0].evidence


def test_actors_indefinite_object_takes_the_clause_subject_country():
    art = make_article("Brazil condemned the raid after Bolivian soldiers detained a former minister near the border.")
    assert codes(art)["minister"] == "BOLOPP"


def test_actors_historical_office_holder_from_phoenix_data():
    text = "Lulama Xingwana opened the new library on Monday."
    then = make_article(text, published="2010-05-01")
    later = make_article(text, published="2020-05-01")
    assert codes(then)["Lulama Xingwana"] == "ZAFGOV"
    mention = [m for m in later.actors if m.text == "Lulama Xingwana"][0]
    assert mention.code == "ZAF" and "phoenix_people.tsv" in mention.evidence  # out of office: country only


def test_actors_article_without_docs_or_date_gets_no_crash():
    from eventwire.actors import run
    from eventwire.model import Article, Paragraph

    article = Article(id="x", text="Nothing parsed here.")
    article.paragraphs = [Paragraph(0, "Nothing parsed here.")]  # no spaCy doc
    run(article, None)
    assert article.actors == []
    undated = make_article("Putin spoke to Scholz by phone.", published=None)
    assert codes(undated)["Putin"] == "RUSGOV"


def test_actors_object_pronoun_skips_its_own_subject():
    art = make_article("Venezuelan opposition leader Juan Guaido declared himself interim president, and "
                       "US President Donald Trump recognised him within minutes.", published="2019-01-23")
    him = [m for m in art.actors if m.text == "him"]
    assert him and him[0].name == "Juan Guaido" and him[0].code == "VENOPP"


def test_actors_apposition_completes_an_unknown_person():
    art = make_article("In Lusaka, Hakainde Mwila, the opposition leader, urged his supporters to stay calm.")
    person = [m for m in art.actors if m.text == "Hakainde Mwila"][0]
    assert person.code == "ZMBOPP" and "apposition" in person.evidence


def test_actors_role_word_inside_an_unknown_organisation_name():
    art = make_article("The Fund for Rural Teachers said two teachers were held in Minsk.")
    assert not any(m.text == "Teachers" for m in art.actors)
    assert [m.code for m in art.actors if m.text == "teachers"] == ["BLRCVL"]
    headed = make_article("The government of Sindh province ordered police patrols.", dateline="PAK")
    assert any(m.text.startswith("government") and m.code == "PAKGOV" for m in headed.actors)


def test_actors_doc_without_parser_still_resolves(nlp):
    from eventwire.actors import run
    from eventwire.model import Article, Paragraph

    text = "The Kremlin said Ukrainian troops shelled Donetsk."
    article = Article(id="x", text=text)
    article.paragraphs = [Paragraph(0, text, nlp.make_doc(text))]  # tokens only: no tags, parse or entities
    run(article, None)
    assert [(m.text, m.code) for m in article.actors][:1] == [("Kremlin", "RUSGOV")]


def test_actors_country_representative_to_an_igo_and_affiliation_prefix():
    art = make_article("Syria's UN envoy rejected the report, and pro-Russian separatists shelled Mariupol.",
                       published="2015-02-01")
    got = codes(art)
    assert got["Syria's UN envoy"] == "SYRGOV"
    assert not any(m.code == "RUS" for m in art.actors)


def test_actors_short_name_follows_the_date():
    art = make_article("Bush arrived in Kabul.", published="2006-03-01")
    assert [(m.name, m.code) for m in art.actors if m.text == "Bush"] == [("George W. Bush", "USAGOV")]
    # Before his first term the short alias does not name him (his father is "George H. W. Bush").
    early = make_article("Bush arrived in Kabul.", published="1991-02-01")
    assert not any(m.name == "George W. Bush" for m in early.actors)


def test_actors_ethnic_groups_and_non_state_role_precedence():
    art = make_article("Ethnic Albanian guerrillas clashed with police in Macedonia, rebel commanders said.",
                       published="2001-05-01")
    got = codes(art)
    assert got["guerrillas"] == "MKDREB"  # not Albania's
    assert got["rebel commanders"] == "MKDREB"  # "rebel" outranks "commander" (MIL)


def test_actors_forces_from_a_place_are_not_its_forces():
    art = make_article("The United States withdrew its forces from Panama.", published="1990-01-01")
    assert codes(art)["forces"] == "USAMIL"
    refugees = make_article("Refugees from Syria crossed into Turkey.")
    assert codes(refugees)["Refugees from Syria"] == "SYRREF"


def test_actors_comma_list_is_not_a_shared_modifier():
    art = make_article("North Korea trained hackers to attack the United States, South Korea's defence ministry said.")
    got = codes(art)
    assert got["United States"] == "USA"
    assert got["South Korea's defence ministry"] == "KORMIL"


def test_actors_national_security_council_is_not_the_un():
    art = make_article("The Russian Security Council met on Friday, while the UN Security Council debated Syria.")
    got = codes(art)
    assert got["Russian Security Council"] == "RUSGOV"
    assert got["UN Security Council"] == "IGOUNO"


def test_actors_object_pronoun_skips_a_shared_subject():
    art = make_article("President Vladimir Putin accused Wagner chief Yevgeny Prigozhin of treason and vowed to "
                       "punish him.", published="2023-06-24")
    him = [m for m in art.actors if m.text == "him"]
    assert him and him[0].code == "RUSREB"
