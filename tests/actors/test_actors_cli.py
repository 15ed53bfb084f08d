"""`eventwire actors lookup` through click's CliRunner."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from eventwire.cli import cli

pytestmark = pytest.mark.slow


def test_actors_cli_lookup_explains_a_dated_person():
    result = CliRunner().invoke(cli, ["actors", "lookup", "Netanyahu", "--date", "2022-03-01"])
    assert result.exit_code == 0, result.output
    assert "ISROPP" in result.output and "people.yaml" in result.output


def test_actors_cli_lookup_metonymy_and_roles():
    result = CliRunner().invoke(cli, ["actors", "lookup", "the Pentagon"])
    assert result.exit_code == 0, result.output
    assert "USAMIL" in result.output
    result = CliRunner().invoke(cli, ["actors", "lookup", "Egypt's foreign minister"])
    assert "EGYGOV" in result.output and "role 'foreign minister'" in result.output


def test_actors_cli_lookup_unknown_name_exits_1():
    result = CliRunner().invoke(cli, ["actors", "lookup", "the teapot"])
    assert result.exit_code == 1
    assert "no actor code" in result.output


def test_actors_cli_lookup_bad_date_is_a_usage_error():
    result = CliRunner().invoke(cli, ["actors", "lookup", "Putin", "--date", "last week"])
    assert result.exit_code != 0 and "date" in result.output


def test_actors_cli_lookup_with_user_file(tmp_path):
    path = tmp_path / "mine.jsonl"
    path.write_text('{"code": "MDAREB", "kind": "group", "names": ["Dniester Front"]}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["actors", "lookup", "Dniester Front", "--actors", str(path)])
    assert result.exit_code == 0, result.output
    assert "MDAREB" in result.output
