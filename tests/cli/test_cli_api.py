"""The Python API returns the same objects the CLI prints."""
import json

import pytest
from click.testing import CliRunner

import eventwire
from eventwire.cli import cli

pytestmark = pytest.mark.slow

TEXT = "Warsaw pact\n\nPoland and Lithuania signed a defence agreement on Tuesday in Vilnius.\n"


def test_api_extract_matches_cli(tmp_path):
    article = eventwire.extract(TEXT, published="2023-06-01", id="pact")
    f = tmp_path / "pact.txt"
    f.write_text(TEXT)
    out = json.loads(CliRunner().invoke(cli, ["extract", str(f), "--published", "2023-06-01"]).stdout)
    assert out == article.to_contract()


def test_api_events_frame_has_one_row_per_event():
    article = eventwire.extract(TEXT, published="2023-06-01")
    frame = eventwire.events_frame(article)
    assert len(frame) == len(article.events)
    assert {"source_code", "target_code", "code", "status", "date", "evidence"} <= set(frame.columns)


def _pairs(article):
    return {(e.source.code, e.target.code if e.target else None, e.code) for e in article.events}


def test_conventions_change_how_events_are_written_not_what_is_read():
    import eventwire

    text = "Chile and Peru signed a trade agreement on Monday, and the United Nations will send food aid to Bolivia."
    cameo = _pairs(eventwire.extract(text, published="2023-06-01"))
    plover = _pairs(eventwire.extract(text, published="2023-06-01", conventions="plover-gsr"))
    petrarch = _pairs(eventwire.extract(text, published="2023-06-01", conventions="petrarch2"))
    assert {("CHL", "PER", "057"), ("PER", "CHL", "057")} <= cameo
    assert {("CHL", None, "057"), ("PER", None, "057")} <= plover  # a compound subject coded one by one
    assert not any(s.startswith("IGO") and s != "IGO" for s, _, _ in plover)  # every IGO written "IGO"
    assert any(c.startswith("03") for s, _, c in cameo if s == "IGOUNO")  # "will send" is intent (CAMEO)
    assert any(c.startswith("07") for s, _, c in petrarch if s == "IGOUNO")  # the act's own code (07)


def test_conventions_unknown_name_is_a_usage_error_and_a_file_works(tmp_path):
    bad = CliRunner().invoke(cli, ["extract", "-", "--conventions", "gdelt"], input="Peru met Chile.")
    assert bad.exit_code == 2 and "unknown conventions" in bad.output
    own = tmp_path / "mine.yaml"
    own.write_text("future_recode: true\njoint_compound: separate\nactor_rewrites:\n  - {code: PER, to: PERU}\n")
    story = tmp_path / "story.txt"
    story.write_text("Peru condemned Chile on Monday.\n")
    ok = CliRunner().invoke(cli, ["extract", str(story), "--conventions", str(own), "--published", "2023-06-01"])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.stdout)["events"][0]["source"]["code"] == "PERU"
    typo = tmp_path / "typo.yaml"
    typo.write_text("joint_compund: separate\n")
    assert CliRunner().invoke(cli, ["extract", str(story), "--conventions", str(typo)]).exit_code == 2


def test_conventions_agreed_acts_as_intent():
    import eventwire

    text = "Canada agreed to lift sanctions on Cuba on Monday."
    act = _pairs(eventwire.extract(text, published="2023-06-01"))
    intent = _pairs(eventwire.extract(text, published="2023-06-01", conventions="plover-gsr"))
    assert ("CAN", "CUB", "085") in act
    assert ("CAN", "CUB", "0354") in intent

