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
