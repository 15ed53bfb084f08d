"""Actor data files: loading, dated terms, code splitting, user files (no spaCy model)."""
from __future__ import annotations

import pytest

from eventwire.actors.knowledge import ActorDataError, Entry, Term, _load_user_file, _plural, load_knowledge, split_code


def test_actors_knowledge_loads_shipped_files():
    kb = load_knowledge()
    assert kb.names["Kremlin"][0].code == "RUSGOV"
    assert kb.names["Moscow"][0].kind == "capital"
    assert {e.code for e in kb.names["Burma"]} == {"MMR"}
    assert {e.code for e in kb.names["Kiev"]} == {"UKR"}
    assert kb.roles["lawmakers"].sector == "LEG"
    assert kb.roles["spokesmen"].sector is None  # generic person noun


def test_actors_knowledge_dated_terms_pick_the_period():
    entry = Entry("person", "ISRGOV", "X", "test", (Term("ISRGOV", "2009-03-31", "2021-06-13"),
                                                   Term("ISROPP", "2021-06-14", "2022-12-28"),
                                                   Term("ISRGOV", "2022-12-29", None)))
    assert entry.code_at("2015-05-01")[0] == "ISRGOV"
    assert entry.code_at("2022-03-01")[0] == "ISROPP"
    assert entry.code_at("2024-01-01")[0] == "ISRGOV"
    assert entry.code_at(None)[0] == "ISRGOV"
    assert entry.code_at("2000-01-01")[0] == "ISR"  # before the first term: the country only


def test_actors_knowledge_former_office_holder_keeps_last_code():
    entry = Entry("person", "SDNGOV", "Y", "test", (Term("SDNGOV", "1989-06-30", "2019-04-11"),))
    code, why = entry.code_at("2020-01-01")
    assert code == "SDNGOV" and why.startswith("former")


def test_actors_knowledge_split_code():
    iso = load_knowledge().iso3
    assert split_code("RUSGOV", iso) == ("RUS", "GOV")
    assert split_code("UKR", iso) == ("UKR", None)
    assert split_code("IGOUNO", iso) == (None, None)
    assert split_code("NATO", iso) == (None, None)
    assert split_code("WST", iso) == (None, None)


def test_actors_knowledge_plurals():
    assert _plural("lawmaker") == "lawmakers"
    assert _plural("ministry") == "ministries"
    assert _plural("policeman") == "policemen"
    assert _plural("foreign minister") == "foreign ministers"


def test_actors_knowledge_user_file_extends(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("people:\n  - {name: Ana Testova, aliases: [Testova], terms: ['MDAGOV 2020-01-01..']}\n"
                    "organisations:\n  - {code: MDAREB, kind: group, names: [Dniester Front]}\n", encoding="utf-8")
    kb = load_knowledge((str(path),))
    assert kb.names["Ana Testova"][0].code == "MDAGOV"
    assert kb.names["Dniester Front"][0].code == "MDAREB"
    assert "Dniester Front" not in load_knowledge().names  # the shipped knowledge is untouched


def test_actors_knowledge_bad_user_file_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("people:\n  - {name: Nobody, terms: ['sometime']}\n", encoding="utf-8")
    with pytest.raises(ActorDataError, match="CODE YYYY-MM-DD"):
        _load_user_file(load_knowledge(), str(path))
    jsonl = tmp_path / "bad.jsonl"
    jsonl.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(ActorDataError, match="not JSON"):
        _load_user_file(load_knowledge(), str(jsonl))
