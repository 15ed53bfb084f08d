"""`eventwire extract` / `clean` as CONTRACT.md says: order, ids, errors, exit codes, schema."""
import json
from importlib import resources

import jsonschema
import pytest
from click.testing import CliRunner

from eventwire.cli import cli

STORY = ("Kenya recalls envoy after border clash\n\n"
         "NAIROBI, Kenya (AFP) – Kenya on Monday recalled its ambassador from Somalia after a clash on the border, "
         "the foreign ministry said.\n\n"
         "\"We will not accept this,\" Foreign Minister Musalia Mudavadi said.\n")


def schema():
    return json.loads(resources.files("eventwire.schema").joinpath("article.schema.json").read_text())


def run(args, input=None):
    result = CliRunner().invoke(cli, args, input=input)
    return result, [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_cli_extract_no_input_is_a_usage_error():
    result = CliRunner().invoke(cli, ["extract"])
    assert result.exit_code == 2 and "INPUT" in result.output


def test_cli_extract_missing_file_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2 and "no such file" in result.output


@pytest.mark.slow
def test_cli_extract_mixed_jsonl_reports_errors_and_keeps_order(tmp_path):
    f = tmp_path / "mixed.jsonl"
    lines = [json.dumps({"id": "a", "text": STORY, "published": "2024-03-04"}),
             "this is { not json",
             json.dumps({"id": "empty", "text": "   "}),
             json.dumps({"id": "junk", "text": "\x00\x01\x02\x03binary\x00\x00"}),
             json.dumps({"id": "b", "text": STORY.replace("Kenya", "Uganda")})]
    f.write_text("\n".join(lines) + "\n")
    result, out = run(["extract", str(f)])
    assert result.exit_code == 1
    assert [o["id"] for o in out] == ["a", "mixed:2", "empty", "junk", "b"]
    assert [bool(o.get("error")) for o in out] == [False, True, True, True, False]
    for obj in out:
        jsonschema.validate(obj, schema())
    assert out[0]["published"] == "2024-03-04" and out[0]["body"]


@pytest.mark.slow
def test_cli_extract_txt_file_and_published_option(tmp_path):
    f = tmp_path / "kenya-story.txt"
    f.write_text(STORY)
    result, out = run(["extract", str(f), "--published", "2024-03-04"])
    assert result.exit_code == 0, result.output
    assert len(out) == 1 and out[0]["id"] == "kenya-story" and out[0]["published"] == "2024-03-04"
    jsonschema.validate(out[0], schema())


@pytest.mark.slow
def test_cli_extract_stdin_and_directory(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "one.txt").write_text(STORY)
    (tmp_path / "d" / "two.txt").write_text(STORY)
    _, out = run(["extract", str(tmp_path / "d")])
    assert [o["id"] for o in out] == ["one", "two"]
    _, out = run(["extract", "-"], input=json.dumps({"id": "s1", "text": STORY}) + "\n")
    assert [o["id"] for o in out] == ["s1"]


def test_cli_clean_needs_no_model_and_fills_removed(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text(STORY)
    result, out = run(["clean", str(f)])
    assert result.exit_code == 0
    assert out[0]["events"] == [] and out[0]["body"]
    jsonschema.validate(out[0], schema())


@pytest.mark.slow
def test_cli_extract_seed_has_every_contract_field_and_events(shared):
    result, out = run(["extract", str(shared / "corpus" / "ukraine-talks-2022-01-31.txt"), "--published", "2022-01-31"])
    assert result.exit_code == 0
    art = out[0]
    jsonschema.validate(art, schema())
    assert art["events"], "the seed story must yield events"
    for ev in art["events"]:
        assert art["body"] and ev["sentence"] in STORY_TEXT(shared)
        assert STORY_TEXT(shared)[ev["span"][0]:ev["span"][1]] == ev["sentence"]


def STORY_TEXT(shared):
    return (shared / "corpus" / "ukraine-talks-2022-01-31.txt").read_text(encoding="utf-8")
