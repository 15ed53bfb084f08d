"""docs/store-and-web.md documents every API route and every option of the store and serve commands."""
from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.cli import cli
from eventwire.store import open_store
from eventwire.web import create_app

DOC = Path(__file__).resolve().parents[2] / "docs" / "store-and-web.md"


def test_web_docs_cover_every_api_route(tmp_path):
    text = DOC.read_text(encoding="utf-8")
    with open_store(str(tmp_path / "d.db")) as store:
        spec = create_app(store).openapi()
    for path, methods in spec["paths"].items():
        shown = path.replace("{article_id}", "{id}")
        for method in methods:
            assert f"{method.upper()} {shown}" in text, f"{method.upper()} {shown} is not documented"


@pytest.mark.parametrize("command", ["ingest", "events", "export", "serve"])
def test_web_docs_cover_every_cli_option(command):
    text = DOC.read_text(encoding="utf-8")
    for param in cli.commands[command].params:
        for opt in param.opts:
            if opt.startswith("--"):
                assert opt in text, f"eventwire {command} {opt} is not documented"
